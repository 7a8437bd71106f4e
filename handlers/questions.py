"""Questions: private text, /hoi, group messages addressed to the bot, choice buttons."""

from __future__ import annotations

import asyncio

from telegram import Message, Update, User
from telegram.ext import ContextTypes

from bot.answering.answers import Answer
from bot.errors import UnknownItem
from handlers import keyboards, texts
from handlers.context import core_of, edge_of
from handlers.filters import strip_mention
from handlers.replies import reply_html, send_answer, typing_after


async def answer_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer any text written to the bot in private (new or edited)."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_question(
            context, message.chat_id, update.effective_user, message.text, message
        )


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer /hoi <question> (the way to ask in a group)."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    parts = message.text.split(maxsplit=1)
    if len(parts) < 2:
        await reply_html(message, texts.ASK_USAGE)
        return
    await answer_question(context, message.chat_id, update.effective_user, parts[1], message)


async def answer_addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = strip_mention(message.text, context.bot.username)
    if not question:
        await reply_html(message, texts.ASK_MENTION_EMPTY)
        return
    await answer_question(context, message.chat_id, update.effective_user, question, message)


async def show_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the answer for a pressed choice button (``i:<id>@<year>``)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    _, item_id, year = keyboards.parse(query.data)
    try:
        answer = core_of(context).library.describe(item_id, year)
    except UnknownItem:
        await query.answer(texts.ITEM_GONE, show_alert=True)
        return
    await query.answer()
    await send_answer(context.bot, query.message.chat.id, answer)


async def ask_example(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the example question of a pressed button (``x:<n>``)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    _, number, _ = keyboards.parse(query.data)
    await query.answer()
    examples = core_of(context).library.examples
    if number.isascii() and number.isdigit() and int(number) < len(examples):
        await answer_question(
            context, query.message.chat.id, query.from_user, examples[int(number)]
        )


async def answer_question(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    user: User | None,
    question: str,
    reply_to: Message | None = None,
) -> Answer:
    """Answer a question in a chat, then log it."""
    core = core_of(context)
    library = core.library
    # In a worker thread, so the loop can show "typing…" and serve other chats meanwhile.
    async with typing_after(context.bot, chat_id, edge_of(context).typing_delay):
        answer = await asyncio.to_thread(library.answer, question)
    try:
        await send_answer(context.bot, chat_id, answer, reply_to=reply_to)
    finally:
        # Logged even when the reply fails (the log decides what it keeps).
        await core.questions.record(
            question, answer, telegram_id=user.id if user else None, chat_id=chat_id
        )
    return answer


async def expired_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button this version of the bot does not know (from an old message)."""
    if update.callback_query is not None:
        await update.callback_query.answer(texts.ITEM_GONE, show_alert=True)
