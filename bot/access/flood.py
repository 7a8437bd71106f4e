"""Flood control: how many messages a sender may send in a sliding window.

A sender over the limit is warned once, then ignored until enough of their messages have
left the window; other senders are unaffected. The clock is injectable, so tests step time
by hand instead of sleeping.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

#: ``allow``: answer; ``warn``: over the limit, say so once; ``ignore``: stay silent.
Verdict = Literal["allow", "warn", "ignore"]

MESSAGES_PER_MINUTE = 20


@dataclass(slots=True)
class _Sender:
    times: deque[float] = field(default_factory=deque)
    warned: bool = False


class FloodGuard:
    """Decide, message by message, whether a sender is within ``limit`` per ``window`` seconds."""

    def __init__(
        self,
        limit: int = MESSAGES_PER_MINUTE,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be at least 1 and window positive")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._senders: dict[int, _Sender] = {}
        self._last_sweep = clock()

    def check(self, sender_id: int) -> Verdict:
        """Count one message from ``sender_id`` and return what to do with it."""
        now = self._clock()
        self._sweep(now)
        sender = self._senders.setdefault(sender_id, _Sender())
        horizon = now - self.window
        while sender.times and sender.times[0] <= horizon:
            sender.times.popleft()
        if len(sender.times) < self.limit:
            # Only answered messages count, so a silenced sender is heard again as soon as
            # their oldest answered message leaves the window.
            sender.times.append(now)
            sender.warned = False
            return "allow"
        if sender.warned:
            return "ignore"
        sender.warned = True
        return "warn"

    def __len__(self) -> int:
        """Return how many senders are being tracked."""
        return len(self._senders)

    def _sweep(self, now: float) -> None:
        # Forget senders idle for a whole window, at most once a window, so memory stays
        # proportional to the senders of the last minute.
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        horizon = now - self.window
        idle = [key for key, s in self._senders.items() if not s.times or s.times[-1] <= horizon]
        for key in idle:
            del self._senders[key]
