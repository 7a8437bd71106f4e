"""Administrators' commands: /chuatraloi (questions left unanswered) and /taila (reload)."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ContextTypes

from bot.answering.qa import QuestionAnswerer
from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge
from bot.storage import UnansweredQuestion, unanswered_questions
from handlers import texts
from handlers.render import plain_lines, split_lines
from handlers.replies import reply_html, send_html
from handlers.services import Services, services_of

DEFAULT_DAYS = 7
MAX_DAYS = 365
UNANSWERED_LIMIT = 20
#: Problems listed when a reload is refused; the rest are counted.
SHOWN_PROBLEMS = 15


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the most frequent questions left unanswered over the last N days (default 7)."""
    message = update.effective_message
    services = services_of(context)
    if message is None or not await _admin(update, services):
        return
    days = _days(context.args or [])
    if days is None:
        await reply_html(message, texts.UNANSWERED_USAGE)
        return
    await services.records.flush()
    rows = await unanswered_questions(services.database, days=days, limit=UNANSWERED_LIMIT)
    if not rows:
        await reply_html(message, texts.UNANSWERED_NONE.format(days=days))
        return
    lines = [_row_text(number, row, services) for number, row in enumerate(rows, start=1)]
    messages = split_lines(plain_lines(lines))
    messages[0] = f"{texts.UNANSWERED_HEAD.format(days=days)}\n{messages[0]}"
    await send_html(context.bot, message.chat_id, messages, reply_to=message)


async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge base; a broken file is refused and the old one kept."""
    message = update.effective_message
    services = services_of(context)
    if message is None or not await _admin(update, services):
        return
    try:
        # Reading and indexing take a moment: off the event loop, so others are answered.
        answerer = await asyncio.to_thread(_load_answerer, services)
    except KnowledgeError as error:
        problems = [f"• {problem}" for problem in error.problems[:SHOWN_PROBLEMS]]
        hidden = len(error.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            problems.append(texts.MORE_PROBLEMS.format(count=hidden))
        head = texts.RELOADING_FAILED.format(count=len(error.problems), problems="")
        messages = split_lines(plain_lines(problems), limit=4096 - len(head))
        messages[0] = head + messages[0]
        await send_html(context.bot, message.chat_id, messages, reply_to=message)
        return
    services.answerer = answerer
    await reply_html(message, texts.RELOADED.format(entries=len(answerer.kb.entries)))


def _load_answerer(services: Services) -> QuestionAnswerer:
    return QuestionAnswerer(load_knowledge(services.knowledge_path))


async def _admin(update: Update, services: Services) -> bool:
    user, message = update.effective_user, update.effective_message
    if services.is_admin(user.id if user else None):
        return True
    if message is not None:
        await reply_html(message, texts.ADMIN_ONLY)
    return False


def _days(args: list[str]) -> int | None:
    if not args:
        return DEFAULT_DAYS
    if len(args) == 1 and args[0].isdigit() and 1 <= int(args[0]) <= MAX_DAYS:
        return int(args[0])
    return None


def _row_text(number: int, row: UnansweredQuestion, services: Services) -> str:
    last = row.last_asked.astimezone(services.time_zone)
    return texts.UNANSWERED_LINE.format(
        number=number,
        example=row.example,
        count=row.count,
        last=f"{last:%d/%m %H:%M}",
        statuses=", ".join(texts.STATUS_WORDS[s] for s in row.statuses),
    )
