"""Send replies that arrive: retried through transient failures, split, kept in their topic.

Every send goes through :func:`delivered`, the one retry policy: a transient failure (flood
control's ``RetryAfter``, a timeout, a 5xx or a dropped connection) is tried again with
backoff for a bounded time; a permanent one (``BadRequest``, ``Forbidden`` ...) is not. A
reply given up on is logged once and reported to the caller as ``False``/``None``, never
raised: PTB's error handler would only apologise, and the apology could not arrive either.
"Typing…" is a courtesy and is tried once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from functools import partial
from typing import TypeVar

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.answering.answers import Answer
from handlers import keyboards, texts
from handlers.render import answer_messages

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: First wait after a transient failure; each further failure doubles it. Short, so a
#: blip (one 502, one dropped keep-alive connection) delays a reply by half a second.
FIRST_RETRY_DELAY = 0.5
#: Longest wait between two tries, so a network that is back is noticed within seconds.
MAX_RETRY_DELAY = 8.0
#: Seconds after which a reply is given up on. Past a minute the asker has likely left or
#: asked again, and an update still retrying holds one of the few concurrent-update slots.
DELIVERY_DEADLINE = 60.0
#: Seconds for answering a button press (its spinner): a late answer is of no use.
ACKNOWLEDGE_DEADLINE = 10.0


async def delivered(
    send: Callable[[], Awaitable[T]],
    *,
    chat_id: int | str | None,
    deadline: float | None = None,
) -> T | None:
    """Return what ``send`` returns, calling it again after transient failures.

    Transient failures are retried with backoff (``RetryAfter``: after the time Telegram
    asks for) until ``deadline`` seconds (:data:`DELIVERY_DEADLINE` by default) have
    passed. A permanent failure, or a transient one outlasting the deadline, is logged
    once as a warning with ``chat_id`` (for inline queries, the user) and the error, never
    the text, and gives ``None``.
    """
    loop = asyncio.get_running_loop()
    give_up_at = loop.time() + (DELIVERY_DEADLINE if deadline is None else deadline)
    backoff = FIRST_RETRY_DELAY
    tries = 0
    while True:
        tries += 1
        try:
            return await send()
        except TelegramError as error:
            remaining = give_up_at - loop.time()
            if isinstance(error, RetryAfter):
                wait = retry_after_seconds(error)
            elif is_transient(error):
                wait = min(backoff, remaining)
                backoff = min(backoff * 2, MAX_RETRY_DELAY)
            else:
                wait = None
            if wait is None or remaining <= 0 or wait > remaining:
                logger.warning(
                    "reply to chat %s not delivered (%s after %d tries): %s",
                    chat_id,
                    type(error).__name__,
                    tries,
                    error,
                )
                return None
        await asyncio.sleep(wait)


def is_transient(error: TelegramError) -> bool:
    """Return whether the same request may succeed later (flood control, network, 5xx)."""
    # BadRequest subclasses NetworkError in PTB, but the request itself is wrong.
    return isinstance(error, RetryAfter | TimedOut) or (
        isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    )


def retry_after_seconds(error: RetryAfter) -> float:
    """Return the seconds Telegram asks to wait (an int today, a timedelta with PTB_TIMEDELTA)."""
    with warnings.catch_warnings():
        # PTB 22 warns on every read that the attribute becomes a timedelta in v23.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def topic_of(message: MaybeInaccessibleMessage | None) -> int | None:
    """Return the forum topic a message is in, to send beside it (None: no topic)."""
    # As PTB's reply_text decides: in a plain group a thread id is only a reply chain's root.
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


async def send_html(
    bot: Bot,
    chat_id: int,
    messages: Sequence[str],
    *,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: Message | None = None,
    thread_id: int | None = None,
) -> bool:
    """Send HTML messages in order, the buttons under the last; return whether all arrived.

    The first replies to ``reply_to`` when given. Every message goes to the forum topic
    ``thread_id`` (by default ``reply_to``'s). A message given up on stops the rest: the
    second half of an answer alone would mislead.
    """
    if thread_id is None:
        thread_id = topic_of(reply_to)
    for number, text in enumerate(messages, start=1):
        buttons = markup if number == len(messages) else None
        if reply_to is not None and number == 1:
            send = _reply(reply_to, text, buttons)
        else:
            send = partial(
                bot.send_message,
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=buttons,
                message_thread_id=thread_id,
            )
        if await delivered(send, chat_id=chat_id) is None:
            return False
    return True


async def reply_html(
    message: Message, text: str, markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Reply to a message with one HTML text (already escaped); return whether it arrived."""
    return await delivered(_reply(message, text, markup), chat_id=message.chat_id) is not None


def _reply(
    message: Message, text: str, markup: InlineKeyboardMarkup | None
) -> Callable[[], Awaitable[Message]]:
    # reply_text keeps the reply in the message's forum topic by itself. A question deleted
    # while its answer was being retried still gets the answer, just not as a reply.
    return partial(
        message.reply_text,
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        allow_sending_without_reply=True,
    )


async def send_answer(
    bot: Bot,
    chat_id: int,
    answer: Answer,
    *,
    reply_to: Message | None = None,
    thread_id: int | None = None,
) -> bool:
    """Send an answer as HTML, with its buttons; return whether every message arrived."""
    return await send_html(
        bot,
        chat_id,
        answer_messages(answer),
        markup=keyboards.for_answer(answer),
        reply_to=reply_to,
        thread_id=thread_id,
    )


async def edit_html(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    """Replace a message's text and buttons; return whether it arrived.

    Pressing the same button twice is fine: an edit that changes nothing counts as done.
    """

    async def edit() -> Message | bool:
        try:
            return await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except BadRequest as error:
            if "message is not modified" in error.message.lower():
                return True
            raise

    return await delivered(edit, chat_id=message.chat_id) is not None


async def edit_html_by_id(
    bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> bool:
    """Replace the text and buttons of a message known by its chat and id."""

    async def edit() -> Message | bool:
        try:
            return await bot.edit_message_text(
                text, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        except BadRequest as error:
            if "message is not modified" in error.message.lower():
                return True
            raise

    return await delivered(edit, chat_id=chat_id) is not None


async def pressed(
    update: Update, actions: Mapping[str, str]
) -> tuple[CallbackQuery, str, str] | None:
    """Return (query, action, value) of a pressed core button, acknowledged; None if unknown.

    A button of an older version (an action no longer known) gets an alert instead.
    """
    query = update.callback_query
    if query is None or query.message is None:
        return None
    found = keyboards.action_of(query.data, actions)
    if found is None:
        await acknowledge(query, texts.ITEM_GONE, alert=True)
        return None
    await acknowledge(query)
    return query, *found


async def acknowledge(
    query: CallbackQuery, text: str | None = None, *, alert: bool = False
) -> bool:
    """Answer a button press (stop its spinner, or show ``text``); return whether it arrived."""
    chat = query.message.chat.id if query.message is not None else query.from_user.id

    answer = partial(query.answer, text, show_alert=alert)
    return await delivered(answer, chat_id=chat, deadline=ACKNOWLEDGE_DEADLINE) is not None


@contextlib.asynccontextmanager
async def typing_after(
    bot: Bot, chat_id: int, delay: float, *, thread_id: int | None = None
) -> AsyncIterator[None]:
    """Show "typing…" if the body takes longer than ``delay`` seconds (at once if ``delay`` <= 0).

    Wrap only the work before the reply, so "typing…" never follows the reply itself.
    """
    if delay <= 0:
        await _show_typing(bot, chat_id, thread_id)
        yield
        return

    async def later() -> None:
        await asyncio.sleep(delay)
        await _show_typing(bot, chat_id, thread_id)

    task = asyncio.create_task(later())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _show_typing(bot: Bot, chat_id: int, thread_id: int | None) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
    except TelegramError as error:
        # Only a courtesy, tried once: the answer itself is what gets retried.
        logger.info("could not show typing in chat %s: %s", chat_id, error)
