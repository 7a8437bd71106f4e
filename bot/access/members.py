"""Who talks to the bot: users recorded as they write, and the chats the bot is in.

A user writes many messages in a row; writing their unchanged profile for each would queue
SQLite writes for nothing. A profile is written when first seen, when it changes, and
otherwise at most every ``refresh_seconds`` (which keeps ``last_seen`` roughly current).
The clock is injectable, so tests step time by hand instead of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.storage import Database, record_chat, record_user, set_user_blocked

#: Seconds between two writes of a user's unchanged profile.
REFRESH_SECONDS = 300.0

_Profile = tuple[str, str | None, str | None, str | None]


class Members:
    """Record users and chats in the database, skipping writes that would change nothing.

    Database failures are raised as :class:`~bot.errors.StorageError`; a profile that
    failed to be written is written again at the next message.
    """

    def __init__(
        self,
        database: Database,
        *,
        refresh_seconds: float = REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.database = database
        self.refresh_seconds = refresh_seconds
        self._clock = clock
        # telegram_id -> (profile written, when)
        self._written: dict[int, tuple[_Profile, float]] = {}
        self._last_sweep = clock()

    async def seen(
        self,
        telegram_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> None:
        """Record a user who wrote to the bot, unless written recently and unchanged."""
        profile: _Profile = (first_name, last_name, username, language_code)
        now = self._clock()
        self._sweep(now)
        known = self._written.get(telegram_id)
        if known is not None and known[0] == profile and now - known[1] < self.refresh_seconds:
            return
        await record_user(self.database, telegram_id, *profile)
        self._written[telegram_id] = (profile, now)

    async def blocked(self, telegram_id: int, blocked: bool) -> None:
        """Record that a user blocked (or unblocked) the bot."""
        # Their next message must be written: it clears the blocked flag.
        self._written.pop(telegram_id, None)
        await set_user_blocked(self.database, telegram_id, blocked)

    async def chat(self, chat_id: int, chat_type: str, title: str | None, status: str) -> None:
        """Record the bot's membership in a chat (``member``, ``left``, ``kicked``...)."""
        await record_chat(self.database, chat_id, chat_type, title, status)

    def __len__(self) -> int:
        """Return how many users' recent profiles are remembered."""
        return len(self._written)

    def _sweep(self, now: float) -> None:
        # A profile older than the refresh is written again anyway: forget it, at most once
        # a refresh period, so memory follows the users of the last few minutes.
        if now - self._last_sweep < self.refresh_seconds:
            return
        self._last_sweep = now
        horizon = now - self.refresh_seconds
        stale = [key for key, (_, at) in self._written.items() if at <= horizon]
        for key in stale:
            del self._written[key]
