"""Durable updates: every update Telegram sends is stored before Telegram is told it arrived.

Telegram forgets an update once the bot confirms it (the next ``getUpdates`` offset, or the
webhook's HTTP 200). So the edge stores each update here first (:meth:`UpdateInbox.accept`),
then confirms; once the update is handled, :meth:`UpdateInbox.settle` marks it ``done``
(or ``failed``); at start, the updates still ``pending`` are handled first.

Several instances (webhook replicas on one PostgreSQL) share the inbox: each update is held
by the instance that received it. At its start an instance takes back its own pending
updates, never those another live instance is handling; the updates of an instance that
stopped for good are taken over by the others once held longer than :data:`TAKEOVER`
(:meth:`UpdateInbox.stranded`, looked for every :data:`SWEEP_SECONDS`).

The guarantee (stated in the README): an update is handled at least once and, but for a
crash, exactly once. A SIGKILL can at worst handle again the updates that were in flight or
settled within the last :data:`SETTLE_SECONDS` (their settlement not yet written); it never
loses one. Settlements are written in batches, after the question log, so a question whose
update is ``done`` is always in the log (and logged once: the log is keyed by update id).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.errors import StorageError
from bot.storage import (
    Database,
    ReceivedUpdate,
    pending_updates,
    prune_updates,
    settle_updates,
    store_updates,
)

logger = logging.getLogger(__name__)

#: Settlements wait at most this long before they are written (one write for many).
SETTLE_SECONDS = 0.1
#: Longest wait between two tries while the database keeps failing.
MAX_RETRY_SECONDS = 30.0
#: Settled updates are kept this long (a webhook retried by Telegram is still recognised).
KEEP_SETTLED = timedelta(days=2)
#: An update another instance has held this long without handling it is taken over (that
#: instance stopped): far longer than any handler runs, so a live one is never doubled.
TAKEOVER = timedelta(minutes=5)
#: Seconds between two looks for updates stranded by a stopped instance.
SWEEP_SECONDS = 60.0

Payload = dict[str, Any]


class UpdateInbox:
    """Store updates on receipt, hand back the new ones, and settle them once handled."""

    def __init__(
        self,
        database: Database,
        *,
        instance: str | None = None,
        before_settle: Callable[[], Awaitable[bool]] | None = None,
        settle_seconds: float = SETTLE_SECONDS,
    ) -> None:
        """``before_settle`` runs before each settlement write; False postpones the write.

        ``instance`` names this process among those sharing the database (``INSTANCE_NAME``);
        without it, :meth:`pending` returns every pending update (one instance alone).
        The core passes the question log's flush: the questions of an update are written
        before the update counts as handled.
        """
        self.database = database
        self.instance = instance
        self.before_settle = before_settle
        self.settle_seconds = settle_seconds
        self._done: list[int] = []
        self._failed: list[tuple[int, str]] = []
        self._writing = asyncio.Lock()
        self._timer: asyncio.Task[None] | None = None
        self._failures = 0

    @property
    def unsettled(self) -> int:
        """Return how many handled updates wait for their settlement to be written."""
        return len(self._done) + len(self._failed)

    async def accept(self, updates: Sequence[Mapping[str, Any]]) -> list[Payload]:
        """Store updates as received; return the new ones (not seen before), in order.

        An update without an integer ``update_id`` cannot be stored or confirmed; it is
        logged and dropped.

        Raises:
            StorageError: nothing was stored; the caller must not confirm the updates.
        """
        received: list[ReceivedUpdate] = []
        payloads: dict[int, Payload] = {}
        for update in updates:
            update_id = update.get("update_id")
            if not isinstance(update_id, int) or isinstance(update_id, bool):
                logger.warning("an update without an update_id was dropped")
                continue
            payloads[update_id] = dict(update)
            received.append(ReceivedUpdate(update_id, json.dumps(update, ensure_ascii=True)))
        new = await store_updates(self.database, received, instance=self.instance)
        return [payloads[update_id] for update_id in new]

    async def pending(self, *, now: datetime | None = None) -> list[Payload]:
        """Claim the updates stored but never handled, at start; return them, oldest first.

        They are this instance's own (a crash came between) and those of instances that
        stopped more than :data:`TAKEOVER` ago; never those another instance is handling.
        """
        now = now or datetime.now(UTC)
        rows = await pending_updates(
            self.database, self.instance, stale_before=now - TAKEOVER, now=now
        )
        return [json.loads(row.payload) for row in rows]

    async def stranded(self, *, now: datetime | None = None) -> list[Payload]:
        """Claim the updates other instances have held longer than :data:`TAKEOVER`."""
        if self.instance is None:
            return []
        now = now or datetime.now(UTC)
        rows = await pending_updates(
            self.database, self.instance, own=False, stale_before=now - TAKEOVER, now=now
        )
        return [json.loads(row.payload) for row in rows]

    def settle(self, update_id: int, *, error: str | None = None) -> None:
        """Record that an update was handled (or, with ``error``, given up); written soon."""
        if error is None:
            self._done.append(update_id)
        else:
            self._failed.append((update_id, error))
        self._schedule(self.settle_seconds)

    async def flush(self) -> None:
        """Write the settlements recorded so far; on failure keep them for the next try."""
        async with self._writing:
            if not self.unsettled:
                return
            done, failed = self._done, self._failed
            self._done, self._failed = [], []
            try:
                ready = self.before_settle is None or await self.before_settle()
                if ready:
                    await settle_updates(self.database, done, failed)
            except StorageError as error:
                logger.warning("could not record %d handled updates: %s", len(done), error)
                ready = False
            if ready:
                self._failures = 0
                return
            # Keep them, in order, ahead of newer ones: handled again after a crash otherwise.
            self._done, self._failed = done + self._done, failed + self._failed
            self._failures += 1
            delay = min(MAX_RETRY_SECONDS, self.settle_seconds * 2**self._failures)
            self._schedule(delay)

    async def prune(self, *, now: datetime | None = None) -> int:
        """Delete updates settled more than :data:`KEEP_SETTLED` ago; return how many."""
        cutoff = (now or datetime.now(UTC)) - KEEP_SETTLED
        return await prune_updates(self.database, settled_before=cutoff)

    async def close(self) -> None:
        """Stop the timer and write what is left (at shutdown)."""
        timer, self._timer = self._timer, None
        if timer is not None and timer is not asyncio.current_task():
            timer.cancel()
            await asyncio.gather(timer, return_exceptions=True)
        await self.flush()

    def _schedule(self, delay: float) -> None:
        if self._timer is None or self._timer.done():
            self._timer = asyncio.create_task(self._flush_after(delay), name="inbox-settle")

    async def _flush_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        self._timer = None
        try:
            await self.flush()
        except Exception:  # a bug: say so loudly, the next settlement tries again
            logger.exception("writing settled updates failed")
