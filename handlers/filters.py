"""Filters for group messages addressed to the bot (it stays silent on everything else)."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.ext import filters


class MentionsBot(filters.MessageFilter):
    """Messages that mention the bot by @username (or by a text mention of its user)."""

    def filter(self, message: Message) -> bool:
        """Return whether the message mentions this bot."""
        bot = message.get_bot()
        username = (bot.username or "").lower()
        for entity, text in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        ).items():
            if entity.user is not None and entity.user.id == bot.id:
                return True
            if text.lstrip("@").lower() == username:
                return True
        return False


class RepliesToBot(filters.MessageFilter):
    """Messages that reply to one of the bot's own messages."""

    def filter(self, message: Message) -> bool:
        """Return whether the message replies to this bot."""
        replied = message.reply_to_message
        author = replied.from_user if replied is not None else None
        return author is not None and author.id == message.get_bot().id


ADDRESSED = MentionsBot(name="MentionsBot") | RepliesToBot(name="RepliesToBot")


def strip_mention(text: str, username: str) -> str:
    """Return ``text`` without the bot's @username and the punctuation around it."""
    without = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return without.strip(" \t\n,:;-–")
