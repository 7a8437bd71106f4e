"""What handlers reach besides the update: the core, and the Telegram edge's own state.

``bot_data`` holds these two objects and nothing else: users, questions and chats live in
the database. The flood guard, the "typing…" delay and each conversation's last answer
(for follow-ups, in memory with an expiry) are Telegram matters, so they stay here, not in
the core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.access.flood import FloodGuard
from bot.answering.conversations import Conversations
from bot.core import Core

#: The Application as this bot builds it (default context and data types).
BotApplication = Application[Any, Any, Any, Any, Any, Any]

CORE_KEY = "core"
EDGE_KEY = "edge"
#: Seconds an answer may take before the user is shown "typing…".
TYPING_DELAY = 0.5


@dataclass
class Edge:
    """Per-process state of the Telegram edge."""

    flood: FloodGuard = field(default_factory=FloodGuard)
    typing_delay: float = TYPING_DELAY
    conversations: Conversations = field(default_factory=Conversations)
    """The last answer per chat and user, for follow-up questions (memory only)."""


def core_of(context: ContextTypes.DEFAULT_TYPE) -> Core:
    """Return the core stored in ``bot_data`` when the application was built."""
    core = context.bot_data.get(CORE_KEY)
    if not isinstance(core, Core):
        raise RuntimeError("the core is missing from bot_data: build_application was bypassed")
    return core


def edge_of(context: ContextTypes.DEFAULT_TYPE) -> Edge:
    """Return the Telegram edge's own state."""
    edge = context.bot_data.get(EDGE_KEY)
    if not isinstance(edge, Edge):
        raise RuntimeError("the edge state is missing from bot_data")
    return edge
