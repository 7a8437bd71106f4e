"""The delivery engine: claim outbox rows, send each at its reserved time, record outcomes.

Each worker loops: claim a batch (at most :func:`batch_size` rows, about half a second of
sending), reserve that many send times on the shared ``broadcast`` pace (one every
``1 / BROADCAST_RATE`` seconds, over every instance) and each group's own pace (one every
3 s: 20 a minute), send them concurrently at their times, then record the outcomes in one
transaction:

* delivered → ``sent``;
* 403 (blocked, kicked, deactivated) → ``blocked``, and the user or group is marked so;
* 429 → back to ``pending`` after ``retry_after``, and the shared pace waits as long;
* a network error or a 5xx → ``pending`` again after a backoff (1, 2, 4 … 60 s), then
  ``failed`` after :data:`MAX_ATTEMPTS`;
* any other refusal → ``failed`` with Telegram's reason.

A worker killed between sending and recording leaves its batch ``claimed``; when the lease
runs out another worker claims it again, so no recipient is lost and at most one batch per
killed worker is sent twice (the bound the README states).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import math
import uuid
from collections.abc import Callable

from bot.outbox.model import Blocked, Claimed, Failed, Result, RetryLater, Sender, Sent
from bot.storage import Database
from bot.storage.repositories import outbox as store

logger = logging.getLogger(__name__)

#: Seconds of sending one claim holds (its size is the rate times this, at most MAX_BATCH).
CLAIM_SECONDS = 0.5
MAX_BATCH = 100
#: A claim's lease beyond its own sending time: another worker takes it over after that.
LEASE_MARGIN = dt.timedelta(seconds=30)
#: Seconds between two messages into one group (Telegram: 20 a minute).
GROUP_INTERVAL = 3.0
#: A group whose next slot is further than this is left for a later claim.
GROUP_WAIT = 1.0
#: Tries of a transient failure before the row is recorded as failed.
MAX_ATTEMPTS = 6
MAX_BACKOFF = 60.0
#: Seconds an idle worker waits before looking for rows again (unless woken).
IDLE_POLL = 1.0
#: Sends are spaced this much wider than the rate asks: a task woken a few milliseconds late
#: must not put one message too many into a second.
PACE_MARGIN = 1.02
#: The shared pace of all broadcast messages.
OVERALL = "broadcast"


def batch_size(rate: float) -> int:
    """Return how many rows a worker claims at once at ``rate`` messages a second."""
    return max(1, min(MAX_BATCH, math.ceil(rate * CLAIM_SECONDS)))


class DeliveryWorker:
    """Send outbox rows at the shared pace until stopped."""

    def __init__(
        self,
        db: Database,
        sender: Sender,
        *,
        rate: float,
        name: str | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.db = db
        self.sender = sender
        self.rate = rate
        self.name = name or f"worker-{uuid.uuid4().hex[:12]}"
        self.batch = batch_size(rate)
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._wake = asyncio.Event()
        self.finished: list[int] = []
        """Broadcasts this worker found complete (for the final reports)."""

    def wake(self) -> None:
        """Look for rows now (a broadcast was just queued)."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event) -> None:
        """Deliver until ``stopping`` is set; a database or send error only delays."""
        while not stopping.is_set():
            try:
                handled = await self.run_once()
            except Exception:  # the loop must survive a database outage
                logger.exception("outbox worker %s: a round failed; retrying", self.name)
                handled = 0
            if handled:
                continue
            self._wake.clear()
            waiting = asyncio.ensure_future(self._wake.wait())
            stop = asyncio.ensure_future(stopping.wait())
            await asyncio.wait({waiting, stop}, timeout=IDLE_POLL, return_when="FIRST_COMPLETED")
            for task in (waiting, stop):
                task.cancel()

    async def run_once(self) -> int:
        """Claim one batch, send it at its times, record the outcomes; return its size."""
        now = self._now()
        interval = PACE_MARGIN / self.rate
        lease = dt.timedelta(seconds=self.batch * interval) + LEASE_MARGIN
        rows = await store.claim(self.db, self.name, self.batch, lease=lease, now=now)
        if not rows:
            if await store.has_sending(self.db):
                self.finished += await store.finish_done(self.db, now=now)
            return 0
        start = await store.reserve(self.db, OVERALL, len(rows), interval, now=now)
        planned: list[tuple[Claimed, dt.datetime]] = []
        results: list[Result] = []
        for index, row in enumerate(rows):
            slot = start + dt.timedelta(seconds=index * interval)
            if row.is_group:
                group_slot = await store.reserve(
                    self.db, f"group:{row.chat_id}", 1, GROUP_INTERVAL, now=now
                )
                if group_slot > slot + dt.timedelta(seconds=GROUP_WAIT):
                    results.append(Result(row.id, "pending", row.attempts, None, group_slot))
                    continue
                slot = max(slot, group_slot)
            planned.append((row, slot))
        results += await asyncio.gather(*(self._send_at(row, slot) for row, slot in planned))
        await store.settle(self.db, self.name, results, now=self._now())
        self.finished += await store.finish_done(self.db, now=self._now())
        return len(rows)

    async def _send_at(self, row: Claimed, slot: dt.datetime) -> Result:
        delay = (slot - self._now()).total_seconds()
        if delay > 0:
            await asyncio.sleep(delay)
        outcome = await self.sender.send(row.chat_id, row.text)
        attempts = row.attempts + 1
        if isinstance(outcome, Sent):
            return Result(row.id, "sent", attempts)
        if isinstance(outcome, Blocked):
            return Result(row.id, "blocked", attempts, outcome.reason[:255])
        if isinstance(outcome, RetryLater):
            until = self._now() + dt.timedelta(seconds=outcome.seconds)
            # Telegram's limit is the bot's, not this message's: every worker waits.
            await store.hold(self.db, OVERALL, until)
            return Result(row.id, "pending", row.attempts, "429", until)
        assert isinstance(outcome, Failed)
        if outcome.transient and attempts < MAX_ATTEMPTS:
            backoff = min(MAX_BACKOFF, 2.0 ** (attempts - 1))
            later = self._now() + dt.timedelta(seconds=backoff)
            return Result(row.id, "pending", attempts, outcome.reason[:255], later)
        return Result(row.id, "failed", attempts, outcome.reason[:255])
