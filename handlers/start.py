"""/start (welcome, examples, deep links), /help, /huy, unknown commands and media."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.errors import UnknownItem
from handlers import keyboards, texts
from handlers.context import core_of
from handlers.menu import set_role_menu
from handlers.render import escape
from handlers.replies import reply_html, send_answer, topic_of


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, or show the item of a deep link (/start che-phu-rung)."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    core = core_of(context)
    library = core.library
    title = escape(library.document().short_title)
    bot_name = escape(context.bot.username)
    if message.chat.type != ChatType.PRIVATE:
        await reply_html(message, texts.WELCOME_GROUP.format(title=title, bot=bot_name))
        return
    if context.args:
        try:
            answer = library.describe(context.args[0])
        except UnknownItem:
            pass  # a link to an item that no longer exists: welcome instead
        else:
            await send_answer(context.bot, message.chat_id, answer, thread_id=topic_of(message))
            return
    name = escape(user.first_name) if user else "đồng chí"
    text = texts.WELCOME.format(name=name, title=title, bot=bot_name)
    if user is not None:
        access = await core.desk.access_of(user.id)
        if access.role == "admin":
            text += texts.WELCOME_ADMIN
        # The menu of the user's role (a role granted while the bot was down included).
        await set_role_menu(context.bot, message.chat_id, access.role)
    examples = keyboards.examples(library.examples)
    await reply_html(message, text + texts.WELCOME_EXAMPLES, examples)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask and list the commands."""
    if update.effective_message is not None:
        bot_name = escape(context.bot.username)
        await reply_html(update.effective_message, texts.HELP.format(bot=bot_name))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Cancel what is in progress (nothing can be in progress yet)."""
    if update.effective_message is not None:
        await reply_html(update.effective_message, texts.NOTHING_TO_CANCEL)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help for a command the bot does not have."""
    if update.effective_message is not None:
        await reply_html(update.effective_message, texts.UNKNOWN_COMMAND)


async def media_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say that only written questions are understood (stickers, voice, bare photos ...)."""
    if update.effective_message is not None:
        await reply_html(update.effective_message, texts.MEDIA_HINT)
