"""Administrators' commands: /chuatraloi (questions left unanswered) and /taila (reload)."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ContextTypes

from bot.errors import KnowledgeError
from handlers import texts
from handlers.context import core_of
from handlers.render import MAX_MESSAGE_LENGTH, plain_lines, split_lines
from handlers.replies import reply_html, send_html

DEFAULT_DAYS = 7
MAX_DAYS = 365
#: Problems listed when a reload is refused; the rest are counted.
SHOWN_PROBLEMS = 15


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the most frequent questions left unanswered over the last N days (default 7)."""
    message = update.effective_message
    if message is None or not await _admin(update, context):
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


async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge base; a broken file is refused and the old one kept."""
    message = update.effective_message
    if message is None or not await _admin(update, context):
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


async def _admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user, message = update.effective_user, update.effective_message
    if core_of(context).is_admin(user.id if user else None):
        return True
    if message is not None:
        await reply_html(message, texts.ADMIN_ONLY)
    return False


def _days(args: list[str]) -> int | None:
    if not args:
        return DEFAULT_DAYS
    if len(args) != 1:
        return None
    try:
        days = int(args[0])
    except ValueError:
        return None
    return days if 1 <= days <= MAX_DAYS else None
