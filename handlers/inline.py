"""Inline mode: "@bot câu hỏi" in any chat offers up to 10 answers to insert."""

from __future__ import annotations

import asyncio
from functools import partial

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.answering.answers import Answer
from bot.core import Library
from handlers.context import core_of
from handlers.render import answer_messages
from handlers.replies import delivered

MAX_RESULTS = 10
MAX_DESCRIPTION = 200
#: Answers change only when the knowledge base is reloaded.
CACHE_SECONDS = 60
#: Seconds to keep retrying an answer: results arriving later are for a query the user has
#: typed past (and Telegram soon refuses the query id as too old).
ANSWER_DEADLINE = 5.0


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the best items for what the user typed (examples when nothing is typed yet)."""
    query = update.inline_query
    if query is None:
        return
    library = core_of(context).library
    answers = await asyncio.to_thread(_suggestions, library, query.query.strip())
    articles = [_article(answer) for answer in answers]
    send = partial(query.answer, articles, cache_time=CACHE_SECONDS)
    await delivered(send, chat_id=query.from_user.id, deadline=ANSWER_DEADLINE)


def _suggestions(library: Library, text: str) -> list[Answer]:
    # The latest resolution's items: an inline answer is inserted into another chat.
    if text:
        return library.suggest(text, limit=MAX_RESULTS)
    examples = library.examples
    found = [answer for example in examples for answer in library.suggest(example, limit=1)]
    return list({answer.matches[0].id: answer for answer in found if answer.matches}.values())


def _article(answer: Answer) -> InlineQueryResultArticle:
    match = answer.matches[0]
    description = answer.headline
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1] + "…"
    return InlineQueryResultArticle(
        id=match.id,
        title=match.title,
        description=description,
        # An inserted answer is one message: the first, if it ever needed more.
        input_message_content=InputTextMessageContent(
            answer_messages(answer)[0], parse_mode=ParseMode.HTML
        ),
    )
