"""Who talks to the bot: users recorded, flood control, and the bot's own membership.

Recording users and chats is bookkeeping: when the database refuses a write, the update
still reaches the handler that answers it, and the user sees the answer and no apology.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.errors import ResolutionBotError
from handlers import texts
from handlers.context import core_of, edge_of
from handlers.replies import reply_html

logger = logging.getLogger(__name__)


async def remember_user(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the user behind any update (names, last seen)."""
    user = update.effective_user
    if user is None or user.is_bot:
        return
    try:
        await core_of(context).members.seen(
            user.id, user.first_name, user.last_name, user.username, user.language_code
        )
    except ResolutionBotError as error:
        # An exception here would reach the error handler (an apology) and then the
        # answer as well: log it and let the update go on.
        logger.warning("user %s not recorded: %s", user.id, error)


async def limit_flood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop answering a user who sends too much: one warning, then silence for a while."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    verdict = edge_of(context).flood.check(user.id)
    if verdict == "allow":
        return
    if verdict == "warn":
        try:
            await reply_html(message, texts.SLOW_DOWN)
        except TelegramError as error:
            # Raised, it would skip ApplicationHandlerStop and the message would be answered.
            logger.info("flood warning not sent to %s: %s", user.id, error)
    raise ApplicationHandlerStop


async def limit_button_flood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Count a button press like a message: over the limit, warn once, then only acknowledge."""
    query = update.callback_query
    if query is None:
        return
    verdict = edge_of(context).flood.check(query.from_user.id)
    if verdict == "allow":
        return
    try:
        # Every press is answered, or the button keeps spinning on the user's screen.
        if verdict == "warn":
            await query.answer(texts.SLOW_DOWN_BUTTON, show_alert=False)
        else:
            await query.answer()
    except TelegramError as error:
        logger.info("button press of %s not acknowledged: %s", query.from_user.id, error)
    raise ApplicationHandlerStop


async def track_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the bot joining or leaving a group, or a user blocking or unblocking it."""
    change = update.my_chat_member
    if change is None:
        return
    members = core_of(context).members
    status = change.new_chat_member.status
    chat = change.chat
    try:
        if chat.type == ChatType.PRIVATE:
            blocked = status in {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}
            await members.blocked(change.from_user.id, blocked)
        else:
            await members.chat(chat.id, chat.type, chat.title, status)
    except ResolutionBotError as error:
        logger.warning("membership in chat %s (%s) not recorded: %s", chat.id, status, error)
