"""The previous answer of each conversation, for follow-up questions, kept for a short while.

The core answers a follow-up from the previous answer passed to it
(:meth:`bot.answering.library.Library.answer`); an edge that serves many conversations at
once (Telegram) keeps them here: in memory only, each for :data:`FOLLOW_UP_SECONDS` after
the answer, and at most :data:`MAX_CONVERSATIONS` (the least recent are forgotten first).
A restart forgets them all: a follow-up after it is answered on its own, which is safe.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot.answering.answers import Answer

#: How long a previous answer still explains a follow-up ("vậy còn nhập khẩu?").
FOLLOW_UP_SECONDS = 10 * 60.0
MAX_CONVERSATIONS = 10_000


class Conversations:
    """The last answer of each conversation (a key such as a chat and a user), expiring."""

    def __init__(
        self,
        ttl: float = FOLLOW_UP_SECONDS,
        limit: int = MAX_CONVERSATIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl <= 0 or limit < 1:
            raise ValueError("ttl must be positive and limit at least 1")
        self.ttl = ttl
        self.limit = limit
        self._clock = clock
        self._last: OrderedDict[Hashable, tuple[float, Answer]] = OrderedDict()

    def previous(self, key: Hashable) -> Answer | None:
        """Return the conversation's last answer, if it is recent enough."""
        found = self._last.get(key)
        if found is None:
            return None
        at, answer = found
        if self._clock() - at > self.ttl:
            del self._last[key]
            return None
        return answer

    def remember(self, key: Hashable, answer: Answer) -> None:
        """Keep ``answer`` as the conversation's last one."""
        self._last[key] = (self._clock(), answer)
        self._last.move_to_end(key)
        while len(self._last) > self.limit:
            self._last.popitem(last=False)

    def __len__(self) -> int:
        return len(self._last)
