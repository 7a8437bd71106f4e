"""Who talks to the bot: users recorded, flood control, and the bot's own membership."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from handlers import texts
from handlers.context import core_of, edge_of
from handlers.replies import reply_html


async def remember_user(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the user behind any update (names, last seen)."""
    user = update.effective_user
    if user is None or user.is_bot:
        return
    await core_of(context).members.seen(
        user.id, user.first_name, user.last_name, user.username, user.language_code
    )


async def limit_flood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop answering a user who sends too much: one warning, then silence for a while."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    verdict = edge_of(context).flood.check(user.id)
    if verdict == "allow":
        return
    if verdict == "warn":
        await reply_html(message, texts.SLOW_DOWN)
    raise ApplicationHandlerStop


async def track_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the bot joining or leaving a group, or a user blocking or unblocking it."""
    change = update.my_chat_member
    if change is None:
        return
    members = core_of(context).members
    status = change.new_chat_member.status
    chat = change.chat
    if chat.type == ChatType.PRIVATE:
        blocked = status in {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}
        await members.blocked(change.from_user.id, blocked)
        return
    await members.chat(chat.id, chat.type, chat.title, status)
