"""Questions: private text and captions, /hoi, group messages addressed to the bot, buttons."""

from __future__ import annotations

import asyncio

from telegram import Message, Update, User
from telegram.ext import ContextTypes

from bot.answering.answers import Answer
from bot.errors import UnknownItem
from handlers import keyboards, texts
from handlers.context import core_of, edge_of
from handlers.filters import strip_mention
from handlers.progress import report_text
from handlers.render import escape
from handlers.replies import (
    acknowledge,
    reply_html,
    send_answer,
    send_html,
    topic_of,
    typing_after,
)


async def answer_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer any text written to the bot in private (new or edited)."""
    message = update.effective_message
    if message is not None and message.text:
        # "cập nhật che phủ rừng 54,2% tháng 6" is a report, not a question.
        if await report_text(update, context):
            return
        await answer_question(
            context,
            message.chat_id,
            update.effective_user,
            message.text,
            message,
            update_id=update.update_id,
        )


async def answer_private_caption(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the caption of a photo or document sent in private as a question."""
    message = update.effective_message
    if message is not None and message.caption:
        await answer_question(
            context,
            message.chat_id,
            update.effective_user,
            message.caption,
            message,
            update_id=update.update_id,
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
    await answer_question(
        context,
        message.chat_id,
        update.effective_user,
        parts[1],
        message,
        update_id=update.update_id,
    )


async def answer_addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = strip_mention(message.text, context.bot.username)
    if not question:
        await reply_html(message, texts.ASK_MENTION_EMPTY)
        return
    await answer_question(
        context,
        message.chat_id,
        update.effective_user,
        question,
        message,
        update_id=update.update_id,
    )


async def show_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the answer for a pressed choice button (``i:<id>@<year>``)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    _, item_id, year = keyboards.parse(query.data)
    try:
        answer = core_of(context).library.describe(item_id, year)
    except UnknownItem:
        await acknowledge(query, texts.ITEM_GONE, alert=True)
        return
    await acknowledge(query)
    # The picked item is what a follow-up question is about next.
    edge_of(context).conversations.remember(
        _conversation(query.message.chat.id, query.from_user), answer
    )
    # Beside the buttons' message: in its forum topic, if it is in one.
    await send_answer(
        context.bot, query.message.chat.id, answer, thread_id=topic_of(query.message)
    )


async def ask_example(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the example question of a pressed button (``x:<n>``)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    _, number, _ = keyboards.parse(query.data)
    await acknowledge(query)
    examples = core_of(context).library.examples
    if number.isascii() and number.isdigit() and int(number) < len(examples):
        await answer_question(
            context,
            query.message.chat.id,
            query.from_user,
            examples[int(number)],
            update_id=update.update_id,
            thread_id=topic_of(query.message),
        )


async def answer_question(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    user: User | None,
    question: str,
    reply_to: Message | None = None,
    *,
    update_id: int | None,
    thread_id: int | None = None,
) -> Answer:
    """Answer a question in a chat, then log it with whether the answer arrived.

    The answer replies to ``reply_to`` when given, and stays in the forum topic
    ``thread_id`` (by default ``reply_to``'s).
    """
    core = core_of(context)
    edge = edge_of(context)
    library = core.library
    if thread_id is None:
        thread_id = topic_of(reply_to)
    # Follow-ups ("vậy còn nhập khẩu?") are read after this chat's and user's last answer.
    conversation = _conversation(chat_id, user)
    previous = edge.conversations.previous(conversation)
    # In a worker thread, so the loop can show "typing…" and serve other chats meanwhile.
    async with typing_after(context.bot, chat_id, edge.typing_delay, thread_id=thread_id):
        answer = await asyncio.to_thread(library.answer, question, previous)
    edge.conversations.remember(conversation, answer)
    delivered = False
    try:
        delivered = await send_answer(
            context.bot, chat_id, answer, reply_to=reply_to, thread_id=thread_id
        )
        if delivered and user is not None and chat_id == user.id and answer.status == "answer":
            # In private only: a registered user also sees where the target stands.
            line = await core.desk.progress_line(user.id, answer.item_id)
            if line is not None:
                await send_html(context.bot, chat_id, [escape(line)])
    finally:
        # Logged even when sending fails unexpectedly (the log decides what it keeps).
        await core.questions.record(
            question,
            answer,
            telegram_id=user.id if user else None,
            chat_id=chat_id,
            update_id=update_id,
            delivered=delivered,
        )
    return answer


async def expired_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button this version of the bot does not know (from an old message)."""
    if update.callback_query is not None:
        await acknowledge(update.callback_query, texts.ITEM_GONE, alert=True)


def _conversation(chat_id: int, user: User | None) -> tuple[int, int | None]:
    """Return the key of a conversation: a chat and, in a group, each of its members."""
    return chat_id, user.id if user else None
