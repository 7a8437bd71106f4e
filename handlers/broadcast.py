"""Broadcasts: /thongbao (preview, audience, [Gửi], live progress, [Dừng]), /tatthongbao,
/batthongbao, and the task that delivers the outbox and reports its progress.

The administrator's formatting (bold, italics, links) is kept: the text is taken as Telegram
HTML rebuilt from the message's entities (``text_html``), which escapes everything else.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re

from telegram import Bot, InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.core import Core
from bot.lines import Reply
from handlers import keyboards, texts
from handlers.context import core_of
from handlers.render import escape
from handlers.replies import edit_html, edit_html_by_id, pressed, reply_html, send_html

logger = logging.getLogger(__name__)

#: One letter per broadcast action in callback data ("b:g:12").
ACTION_CODES = {"audience": "a", "send": "g", "drop": "d", "stop": "x"}
ACTIONS = {code: action for action, code in ACTION_CODES.items()}
REMINDER_ACTIONS = {"p": "pause", "c": "resume", "d": "delete"}
#: Seconds between two looks for due reminders.
REMINDER_TICK = 30.0
#: Seconds between two edits of the administrator's progress message.
PROGRESS_INTERVAL = 3.0
_COMMAND = re.compile(r"^/\w+(?:@\w+)?\s*", re.ASCII)


async def compose(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/thongbao <nội dung>: a preview with the audience and [Gửi] [Huỷ]."""
    message, user = await _private(update, context)
    if message is None or user is None:
        return
    html = _COMMAND.sub("", message.text_html or "", count=1)
    reply = await core_of(context).broadcasts.compose(user.id, html)
    await send_html(context.bot, message.chat_id, [_html(reply)], markup=markup_of(reply))


async def reminders(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/nhacnho [<lịch> | <nội dung> [| <người nhận>]]: list or create reminders."""
    message, user = await _private(update, context)
    if message is None or user is None:
        return
    text = _COMMAND.sub("", message.text or "", count=1)
    reply = await core_of(context).reminders.command(user.id, text)
    await send_html(context.bot, message.chat_id, [_html(reply)], markup=_reminder_markup(reply))


async def _private(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[Message | None, User | None]:
    """Return the message and its sender in a private chat; in a group, say where to go."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return None, None
    if message.chat.type != ChatType.PRIVATE:
        bot_name = escape(context.bot.username)
        await reply_html(message, texts.ADMIN_PRIVATE_ONLY.format(bot=bot_name))
        return None, None
    return message, user


async def press_reminder(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """[Tạm dừng], [Tiếp tục], [Xoá] under the list of reminders (``r:<action>:<id>``)."""
    button = await pressed(update, REMINDER_ACTIONS)
    if button is None:
        return
    query, action, value = button
    reply = await core_of(context).reminders.press(query.from_user.id, action, value)
    if isinstance(query.message, Message):
        await edit_html(query.message, _html(reply), _reminder_markup(reply))


async def fire_reminders(core: Core, stopping: asyncio.Event) -> None:
    """Fire due reminders and the digest every few seconds until stopped."""
    while not stopping.is_set():
        try:
            await core.reminders.tick()
        except Exception:  # a database outage: the next round tries again
            logger.exception("reminders not fired this round")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), REMINDER_TICK)


async def opt_out(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tatthongbao: no more general announcements."""
    await _opt(update, context, out=True)


async def opt_in(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/batthongbao: general announcements again."""
    await _opt(update, context, out=False)


async def _opt(update: Update, context: ContextTypes.DEFAULT_TYPE, *, out: bool) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    reply = await core_of(context).broadcasts.opt(user.id, out)
    await reply_html(message, escape(reply.text))


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button of a preview or of a sending (``b:<action>:<value>``)."""
    button = await pressed(update, ACTIONS)
    if button is None:
        return
    query, action, value = button
    core = core_of(context)
    reply = await core.broadcasts.press(query.from_user.id, action, value)
    message = query.message
    if isinstance(message, Message):
        await edit_html(message, _html(reply), markup_of(reply))
        if action == "send" and reply.buttons:
            # This message now shows the sending's progress.
            await core.broadcasts.watch(int(value.partition(":")[0]), message.message_id)


def markup_of(reply: Reply) -> InlineKeyboardMarkup | None:
    """Return the inline keyboard of a broadcast reply's buttons."""
    return keyboards.for_reply(reply.buttons, keyboards.BROADCAST, ACTION_CODES)


def _reminder_markup(reply: Reply) -> InlineKeyboardMarkup | None:
    codes = {action: code for code, action in REMINDER_ACTIONS.items()}
    return keyboards.for_reply(reply.buttons, keyboards.REMINDER, codes)


async def report_progress(core: Core, bot: Bot, stopping: asyncio.Event) -> None:
    """Edit each watched sending's progress message until stopped; then its final report."""
    while not stopping.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), PROGRESS_INTERVAL)
        try:
            for chat_id, message_id, reply in await core.broadcasts.progress_replies():
                await edit_html_by_id(bot, chat_id, message_id, _html(reply), markup_of(reply))
        except Exception:  # a database outage: the next round tries again
            logger.exception("broadcast progress not reported")


def _html(reply: Reply) -> str:
    return reply.text if reply.html else escape(reply.text)
