"""Broadcast messages through their own Bot API client, Telegram's answers as outcomes.

Broadcasts use a second :class:`telegram.Bot` with its own connection pool, so a broadcast
at its full rate never makes an interactive reply wait for a connection. Telegram's answers
map to :mod:`bot.outbox.model`'s outcomes: 403 → ``Blocked``; 429 → ``RetryLater``; a time
out, a dropped connection or a 5xx → a transient ``Failed``; "chat not found" (a user who
deleted their account or never started the bot) → ``Blocked``; any other 400 → ``Failed``.
"""

from __future__ import annotations

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.request import HTTPXRequest

from bot.outbox.model import Blocked, Failed, Outcome, RetryLater, Sent
from bot.settings import Settings
from handlers.replies import is_transient, retry_after_seconds

#: Requests of the broadcast client in flight at once (the outbox worker never starts more):
#: enough for the rate over a network's round trip, few enough that late sends cannot pile
#: up into a burst at Telegram's end.
BROADCAST_CONNECTIONS = 8


def broadcast_bot(settings: Settings) -> Bot:
    """Return the Bot API client broadcasts use (initialize it before use)."""
    return Bot(
        settings.token,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_file_base_url,
        request=HTTPXRequest(connection_pool_size=BROADCAST_CONNECTIONS, pool_timeout=30.0),
    )


class TelegramSender:
    """Send one broadcast message; never raise for Telegram's answer."""

    def __init__(self, bot: Bot, *, paid: bool = False) -> None:
        self.bot = bot
        self.paid = paid
        self.lanes = BROADCAST_CONNECTIONS

    async def send(self, chat_id: int, text: str) -> Outcome:
        """Send HTML ``text`` to a chat."""
        try:
            await self.bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, allow_paid_broadcast=self.paid or None
            )
        except Forbidden as error:
            return Blocked(error.message)
        except BadRequest as error:
            if "chat not found" in error.message.casefold():
                return Blocked(error.message)
            return Failed(error.message, transient=False)
        except RetryAfter as error:
            return RetryLater(retry_after_seconds(error))
        except TelegramError as error:
            return Failed(error.message, transient=is_transient(error))
        return Sent()
