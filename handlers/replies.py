"""Send replies: answers split into messages, "typing…" while slow, edits that may be no-ops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError

from bot.answering.answers import Answer
from handlers import keyboards
from handlers.render import answer_messages

logger = logging.getLogger(__name__)


async def send_html(
    bot: Bot,
    chat_id: int,
    messages: Sequence[str],
    *,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: Message | None = None,
) -> None:
    """Send HTML messages in order; the buttons go under the last one."""
    for number, text in enumerate(messages, start=1):
        last = number == len(messages)
        if reply_to is not None and number == 1:
            await reply_to.reply_text(
                text, parse_mode=ParseMode.HTML, reply_markup=markup if last else None
            )
        else:
            await bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup if last else None
            )


async def reply_html(
    message: Message, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Reply to a message with one HTML text (already escaped by the caller)."""
    await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def send_answer(
    bot: Bot, chat_id: int, answer: Answer, *, reply_to: Message | None = None
) -> None:
    """Send an answer as HTML, with its buttons (choices, or a way to browse)."""
    await send_html(
        bot,
        chat_id,
        answer_messages(answer),
        markup=keyboards.for_answer(answer),
        reply_to=reply_to,
    )


async def edit_html(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Replace a message's text and buttons; pressing the same button twice is fine."""
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as error:
        if "message is not modified" not in error.message.lower():
            raise


@contextlib.asynccontextmanager
async def typing_after(bot: Bot, chat_id: int, delay: float) -> AsyncIterator[None]:
    """Show "typing…" if the body takes longer than ``delay`` seconds (at once if ``delay`` <= 0).

    Wrap only the work before the reply, so "typing…" never follows the reply itself.
    """
    if delay <= 0:
        await _show_typing(bot, chat_id)
        yield
        return

    async def later() -> None:
        await asyncio.sleep(delay)
        await _show_typing(bot, chat_id)

    task = asyncio.create_task(later())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _show_typing(bot: Bot, chat_id: int) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as error:
        # Only a courtesy: the answer itself still goes out (or fails loudly).
        logger.info("could not show typing in chat %s: %s", chat_id, error)
