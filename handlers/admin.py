"""Administrators' commands: /chuatraloi (questions left unanswered) and /taila (reload).

Every administrator command is wrapped in :func:`admin_command`: it answers only in a
private chat with an administrator, because its output (questions users asked in private,
problems in the knowledge file) must never be shown in a group.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.errors import KnowledgeError
from handlers import texts
from handlers.context import core_of
from handlers.render import MAX_MESSAGE_LENGTH, escape, plain_lines, split_lines
from handlers.replies import reply_html, send_html

DEFAULT_DAYS = 7
MAX_DAYS = 365
#: Problems listed when a reload is refused; the rest are counted.
SHOWN_PROBLEMS = 15
#: A number of days as typed: ASCII digits only (no sign, exponent or "_"), not absurdly long.
_DAYS = re.compile(r"[0-9]{1,9}")

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def admin_command(handler: Handler) -> Handler:
    """Run ``handler`` only for an administrator in a private chat; refuse anywhere else.

    In a group the refusal is one line for everyone, administrators included: the group
    learns neither the output nor who the administrators are.
    """

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None:
            return
        if message.chat.type != ChatType.PRIVATE:
            bot_name = escape(context.bot.username)
            await reply_html(message, texts.ADMIN_PRIVATE_ONLY.format(bot=bot_name))
            return
        if not core_of(context).is_admin(user.id if user else None):
            await reply_html(message, texts.ADMIN_ONLY)
            return
        await handler(update, context)

    return guarded


@admin_command
async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the most frequent questions left unanswered over the last N days (default 7)."""
    message = update.effective_message
    if message is None:
        return
    days = _days(context.args or [])
    if days is None:
        await reply_html(message, texts.UNANSWERED_USAGE)
        return
    lines = await core_of(context).unanswered_report(days)
    if not lines:
        await reply_html(message, texts.UNANSWERED_NONE.format(days=days))
        return
    messages = split_lines(plain_lines(lines))
    messages[0] = f"{texts.UNANSWERED_HEAD.format(days=days)}\n{messages[0]}"
    await send_html(context.bot, message.chat_id, messages, reply_to=message)


@admin_command
async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge base; a broken file is refused and the old one kept."""
    message = update.effective_message
    if message is None:
        return
    core = core_of(context)
    try:
        # Reading and indexing take a moment: off the event loop, so others are answered.
        snapshot = await asyncio.to_thread(core.reload_knowledge)
    except KnowledgeError as error:
        problems = [f"• {problem}" for problem in error.problems[:SHOWN_PROBLEMS]]
        hidden = len(error.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            problems.append(texts.MORE_PROBLEMS.format(count=hidden))
        head = texts.RELOADING_FAILED.format(count=len(error.problems), problems="")
        messages = split_lines(plain_lines(problems), limit=MAX_MESSAGE_LENGTH - len(head))
        messages[0] = head + messages[0]
        await send_html(context.bot, message.chat_id, messages, reply_to=message)
        return
    await reply_html(message, texts.RELOADED.format(entries=snapshot.library.entry_count))


def _days(args: list[str]) -> int | None:
    if not args:
        return DEFAULT_DAYS
    # int() alone would take "+7", "1_0" and other scripts' digits ("٣٠"); "²" and "1e3"
    # it refuses with ValueError.
    if len(args) != 1 or not _DAYS.fullmatch(args[0]):
        return None
    days = int(args[0])
    return days if 1 <= days <= MAX_DAYS else None
