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


class CommandForBot(filters.MessageFilter):
    """Commands for this bot: ``/cmd`` with no username, or ``/cmd@<this bot>`` in any case.

    In a group ``/roll@other_bot`` is for another bot: it must neither be answered nor
    counted against the sender by flood control.
    """

    def filter(self, message: Message) -> bool:
        """Return whether the message starts with a command meant for this bot."""
        entities = message.entities
        if not message.text or not entities:
            return False
        first = entities[0]
        if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
            return False
        _, at, username = message.parse_entity(first).partition("@")
        return not at or username.lower() == (message.get_bot().username or "").lower()


ADDRESSED = MentionsBot(name="MentionsBot") | RepliesToBot(name="RepliesToBot")
COMMAND_TO_BOT = CommandForBot(name="CommandForBot")
#: Messages the bot may answer, so flood control counts them: everything in private; in a
#: group, its own commands and other messages that mention it or reply to it (a command for
#: another bot, even as a reply to this one, is not for it).
SPOKEN_TO = filters.ChatType.PRIVATE | (
    filters.ChatType.GROUPS & (COMMAND_TO_BOT | (ADDRESSED & ~filters.COMMAND))
)


def strip_mention(text: str, username: str) -> str:
    """Return ``text`` without the bot's @username and the punctuation around it."""
    without = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return without.strip(" \t\n,:;-–")
