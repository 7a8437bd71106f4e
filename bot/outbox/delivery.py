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

Within one process, a send also waits for one of its sender's ``lanes`` (requests in flight)
and then for the :class:`SlidingWindow`: however late the sends of a stalled moment are
(a slow answer from Telegram, a busy loop), they drain at most ``BROADCAST_RATE`` into any
second rather than as a burst.

A worker killed between sending and recording leaves its batches ``claimed``; when the lease
runs out another worker claims them again, so no recipient is lost and at most
:data:`IN_FLIGHT` batches per killed worker are sent twice (the bound the README states).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

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
#: Batches a worker has claimed and not yet recorded at once (the next is claimed while the
#: current one is sent). With the batch size, this bounds what a killed worker sends twice.
IN_FLIGHT = 2
#: Seconds an idle worker waits before looking for rows again (unless woken).
IDLE_POLL = 1.0
#: Share of ``BROADCAST_RATE`` a worker aims at. Telegram counts messages as they arrive, and
#: the network and Telegram's own queue bunch them by some milliseconds: aiming a little
#: under the rate keeps every second within it at the far end.
HEADROOM = 0.97
#: Seconds after its slot a send may still go: at most this share of a second's messages
#: comes on top of what other instances send on time, which the headroom leaves free. A
#: send woken later gives new slots to every send of its batch that is as late (one
#: reservation for all, not a write per send, so a busy process does not make itself
#: busier); the others keep theirs.
LATE = 1 - HEADROOM
#: The shared pace of all broadcast messages.
OVERALL = "broadcast"


def batch_size(rate: float) -> int:
    """Return how many rows a worker claims at once at ``rate`` messages a second."""
    return max(1, min(MAX_BATCH, math.ceil(rate * CLAIM_SECONDS)))


class SlidingWindow:
    """Let at most ``limit`` callers through in any ``period`` seconds (a sliding log).

    A token bucket would let a backlog out as a burst of a whole bucket on top of the
    steady rate; this never lets more than ``limit`` start within one period.
    """

    def __init__(
        self, limit: int, period: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 1 or period <= 0:
            raise ValueError(f"a window of {limit} in {period} s lets nothing through")
        self.limit = limit
        self.period = period
        self._clock = clock
        self._starts: deque[float] = deque(maxlen=limit)
        self._lock = asyncio.Lock()

    async def admit(self) -> None:
        """Return once one more start keeps every window within the limit."""
        async with self._lock:  # first come, first served
            while len(self._starts) == self.limit:
                wait = self._starts[0] + self.period - self._clock()
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._starts.append(self._clock())


@dataclass
class Batch:
    """Rows claimed together: those to send at a time, and those already decided."""

    rows: list[Claimed]
    planned: list[tuple[Claimed, dt.datetime]] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    #: Each planned private row's current slot (moved when the batch runs late).
    slots: dict[int, dt.datetime] = field(default_factory=dict)
    started: set[int] = field(default_factory=set)
    replanning: asyncio.Lock = field(default_factory=asyncio.Lock)


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
        #: Seconds between two sends on the shared pace.
        self.interval = 1 / (rate * HEADROOM)
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._wake = asyncio.Event()
        self._lanes = asyncio.Semaphore(sender.lanes)
        self._window = SlidingWindow(max(1, math.floor(rate * HEADROOM)))

    def wake(self) -> None:
        """Look for rows now (a broadcast was just queued)."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event) -> None:
        """Deliver until ``stopping`` is set; a database or send error only delays.

        The next batch is claimed while the current one is being sent (at most
        :data:`IN_FLIGHT` batches), so the pace never waits for the database.
        """
        sending: set[asyncio.Task[None]] = set()
        while not stopping.is_set():
            batch: Batch | None = None
            if len(sending) < IN_FLIGHT:
                try:
                    batch = await self._claim()
                except Exception:  # the loop must survive a database outage
                    logger.exception("outbox worker %s: a claim failed; retrying", self.name)
            if batch is not None:
                sending.add(asyncio.create_task(self._deliver(batch)))
                continue
            if sending:
                _, sending = await asyncio.wait(
                    sending, timeout=IDLE_POLL, return_when=asyncio.FIRST_COMPLETED
                )
                continue
            with contextlib.suppress(Exception):
                await self._finish()
            self._wake.clear()
            waiting = asyncio.ensure_future(self._wake.wait())
            stop = asyncio.ensure_future(stopping.wait())
            await asyncio.wait({waiting, stop}, timeout=IDLE_POLL, return_when="FIRST_COMPLETED")
            for task in (waiting, stop):
                task.cancel()
        # What is claimed is sent and recorded before stopping (at most IN_FLIGHT batches).
        await asyncio.gather(*sending, return_exceptions=True)

    async def run_once(self) -> int:
        """Claim one batch, send it at its times, record the outcomes; return its size."""
        batch = await self._claim()
        if batch is None:
            await self._finish()
            return 0
        await self._deliver(batch)
        return len(batch.rows)

    async def _claim(self) -> Batch | None:
        """Claim a batch and plan each row's send time (None: nothing is due)."""
        now = self._now()
        interval = self.interval
        lease = dt.timedelta(seconds=IN_FLIGHT * self.batch * interval) + LEASE_MARGIN
        rows = await store.claim(self.db, self.name, self.batch, lease=lease, now=now)
        if not rows:
            return None
        start = await store.reserve(self.db, OVERALL, len(rows), interval, now=now)
        batch = Batch(rows)
        for index, row in enumerate(rows):
            slot = start + dt.timedelta(seconds=index * interval)
            if row.is_group:
                group_slot = await store.reserve(
                    self.db, f"group:{row.chat_id}", 1, GROUP_INTERVAL, now=now
                )
                if group_slot > slot + dt.timedelta(seconds=GROUP_WAIT):
                    batch.results.append(Result(row.id, "pending", row.attempts, None, group_slot))
                    continue
                slot = max(slot, group_slot)
            batch.planned.append((row, slot))
            if not row.is_group:  # a group keeps its slot: its own pace comes first
                batch.slots[row.id] = slot
        return batch

    async def _deliver(self, batch: Batch) -> None:
        """Send a batch's rows at their times, then record every outcome at once."""
        sent = await asyncio.gather(
            *(self._send_at(batch, row, slot) for row, slot in batch.planned)
        )
        await store.settle(self.db, self.name, [*batch.results, *sent], now=self._now())
        await self._finish()

    async def _replan(self, batch: Batch, row_id: int, slot: dt.datetime) -> None:
        """Give the batch's late sends not yet started new slots on the shared pace, in order.

        Woken too late (a busy loop, a slow database), they would add a burst to what the
        other instances send on time.
        """
        async with batch.replanning:
            if batch.slots[row_id] != slot:
                return  # another late send of the batch has just done it
            due = self._now() - dt.timedelta(seconds=LATE)
            waiting = sorted(
                (r for r, at in batch.slots.items() if r not in batch.started and at < due),
                key=batch.slots.__getitem__,
            )
            if not waiting:
                return
            start = await store.reserve(
                self.db, OVERALL, len(waiting), self.interval, now=self._now()
            )
            for index, waiting_id in enumerate(waiting):
                batch.slots[waiting_id] = start + dt.timedelta(seconds=index * self.interval)

    async def _finish(self) -> None:
        if await store.has_sending(self.db):
            await store.finish_done(self.db, now=self._now())

    async def _send_at(self, batch: Batch, row: Claimed, slot: dt.datetime) -> Result:
        while True:
            slot = batch.slots.get(row.id, slot)
            delay = (slot - self._now()).total_seconds()
            if delay > 0:
                await asyncio.sleep(delay)
                if batch.slots.get(row.id, slot) != slot:
                    continue  # the batch was given new slots meanwhile
                delay = (slot - self._now()).total_seconds()
            if delay >= -LATE or row.id not in batch.slots:
                break
            await self._replan(batch, row.id, slot)
        batch.started.add(row.id)
        async with self._lanes:
            await self._window.admit()
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
