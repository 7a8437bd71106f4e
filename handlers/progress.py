"""Progress: /dangky, /quyen, /capnhat (and "cập nhật …" in private), cards, /huy, /rutlai,
/tiendo, /xuat, and the buttons of cards and requests.

Each handler reads who asks and what, calls the reporting desk (``bot.progress.desk``) and
sends its :class:`~bot.lines.Reply`: the text, the buttons, a chart or a file, notices to other
users, and the command menu of users whose role changed. These commands work in a private
chat only: cards, figures and roles are nobody else's business in a group.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from functools import partial
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.lines import Reply
from handlers import keyboards, texts
from handlers.context import core_of
from handlers.menu import set_role_menu
from handlers.render import escape, plain_lines, split_lines
from handlers.replies import delivered, edit_html, pressed, reply_html, send_html

if TYPE_CHECKING:
    from bot.progress.desk import ReportingDesk

logger = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
#: A command of the desk: (desk, user, chat, text after the command) -> the reply.
Command = Callable[["ReportingDesk", User, int, str], Awaitable[Reply | None]]

#: One letter per desk action in callback data ("p:s:<card>"), to fit Telegram's 64 bytes.
ACTION_CODES = {
    "save": "s",
    "edit": "e",
    "cancel": "c",
    "unit": "u",
    "approve": "a",
    "refuse": "r",
}
ACTIONS = {code: action for action, code in ACTION_CODES.items()}


def private_command(command: Command) -> Handler:
    """Return the handler of a desk command: in a private chat only, its reply sent."""

    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        if message.chat.type != ChatType.PRIVATE:
            bot_name = escape(context.bot.username)
            await reply_html(message, texts.PROGRESS_PRIVATE_ONLY.format(bot=bot_name))
            return
        parts = (message.text or "").split(maxsplit=1)
        args = parts[1] if len(parts) > 1 else ""
        reply = await command(core_of(context).desk, user, message.chat_id, args)
        if reply is not None:
            await send_reply(context, message, reply)

    handle.__name__ = command.__name__
    handle.__doc__ = command.__doc__
    return handle


def _who(user: User) -> str:
    name = user.full_name
    return f"{name} (@{user.username})" if user.username else name


register = private_command(lambda desk, user, _, args: desk.register(user.id, _who(user), args))
"""/dangky <đơn vị>: ask to become the reporter of a unit."""
pending = private_command(lambda desk, user, _, __: desk.pending(user.id))
grant = private_command(lambda desk, user, _, args: desk.grant(user.id, args.split()))
"""/quyen <user id|@username> <admin|baocao|xem|xoa> [đơn vị]."""
report_command = private_command(
    lambda desk, user, chat, args: desk.report(user.id, chat, args, command=True)
)
"""/capnhat <chỉ tiêu> <số liệu> [kỳ]."""
_cancel_card = private_command(lambda desk, user, _, __: desk.cancel(user.id))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/huy: cancel the pending card, if any (cards are private: in a group, nothing is)."""
    message = update.effective_message
    if message is not None and message.chat.type != ChatType.PRIVATE:
        await reply_html(message, texts.NOTHING_TO_CANCEL)
        return
    await _cancel_card(update, context)


withdraw = private_command(lambda desk, user, _, __: desk.withdraw(user.id))
"""/rutlai: withdraw the last figure sent."""
show_progress = private_command(lambda desk, user, _, args: desk.show_progress(user.id, args))
"""/tiendo [chỉ tiêu]: progress against targets; with a target, units and a chart."""
export = private_command(lambda desk, user, _, args: desk.export(user.id, args))
"""/xuat [csv]: progress as an Excel workbook (administrators)."""


async def report_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Handle a private message that starts like a report; return False if it is none."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return False
    desk = core_of(context).desk
    if not desk.is_report(message.text):
        return False
    reply = await desk.report(user.id, message.chat_id, message.text, command=False)
    if reply is None:
        return False
    await send_reply(context, message, reply)
    return True


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button of a card or of a request (``p:<action>:<value>``)."""
    button = await pressed(update, ACTIONS)
    if button is None:
        return
    query, action, value = button
    desk = core_of(context).desk
    user_id = query.from_user.id
    if action in {"approve", "refuse"}:
        reply = await desk.decide(user_id, value, approve=action == "approve")
    else:
        reply = await desk.press(user_id, action, value)
    message = query.message
    if isinstance(message, Message):
        if reply.buttons:
            await edit_html(message, escape(reply.text), markup_of(reply))
        else:
            # The card stays readable; what became of it is said under it.
            original = message.text or ""
            await edit_html(message, escape(f"{original}\n\n{reply.text}"), None)
    await _deliver_side_effects(context, reply)


async def send_reply(context: ContextTypes.DEFAULT_TYPE, message: Message, reply: Reply) -> None:
    """Send a desk's reply to a message: text and buttons, a file, then notices and menus."""
    bot = context.bot
    markup = markup_of(reply)
    attachment = reply.attachment
    # /tiendo lists every target: longer than one message, so it is split between lines.
    messages = split_lines(plain_lines(reply.text.split("\n")))
    if attachment is not None and attachment.kind == "photo":
        await send_html(bot, message.chat_id, messages, reply_to=message)
        await delivered(
            partial(
                bot.send_photo, message.chat_id, attachment.data, filename=attachment.filename
            ),
            chat_id=message.chat_id,
        )
    elif attachment is not None:
        await delivered(
            partial(
                bot.send_document,
                message.chat_id,
                attachment.data,
                filename=attachment.filename,
                caption=reply.text,
            ),
            chat_id=message.chat_id,
        )
    else:
        await send_html(bot, message.chat_id, messages, markup=markup, reply_to=message)
    await _deliver_side_effects(context, reply)


async def _deliver_side_effects(context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Tell the other users concerned, and update the menu of those whose role changed."""
    for notice in reply.notices:
        await send_html(
            context.bot,
            notice.telegram_id,
            [escape(notice.reply.text)],
            markup=markup_of(notice.reply),
        )
    desk = core_of(context).desk
    for user_id in reply.menus:
        access = await desk.access_of(user_id)
        await set_role_menu(context.bot, user_id, access.role)


def markup_of(reply: Reply) -> InlineKeyboardMarkup | None:
    """Return the inline keyboard of a reply's buttons."""
    return keyboards.for_reply(reply.buttons, keyboards.PROGRESS, ACTION_CODES)
