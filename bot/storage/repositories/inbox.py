"""The inbox of Telegram updates: stored on receipt, settled once handled, pruned later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, update

from bot.storage.database import Database
from bot.storage.models import InboxUpdate
from bot.storage.repositories._common import aware, insert_for

#: Characters of a failure reason kept (the column's width).
MAX_ERROR = 255


@dataclass(frozen=True, slots=True)
class ReceivedUpdate:
    """An update as Telegram sent it: its id and its JSON text."""

    update_id: int
    payload: str


async def store_updates(
    db: Database,
    updates: Sequence[ReceivedUpdate],
    *,
    instance: str | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Store received updates as pending, held by ``instance``; return the new ids, in order.

    An update stored before (Telegram delivering it again, or another instance having it)
    is left as it is and not returned: each update is handled once.
    """
    if not updates:
        return []
    at = aware(now)
    rows = [
        {
            "update_id": u.update_id,
            "payload": u.payload,
            "state": "pending",
            "received_at": at,
            "instance": instance,
            "claimed_at": at,
        }
        for u in updates
    ]
    statement = (
        insert_for(db)(InboxUpdate)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["update_id"])
        .returning(InboxUpdate.update_id)
    )
    async with db.write() as session:
        new = set((await session.execute(statement)).scalars())
    return [u.update_id for u in updates if u.update_id in new]


async def pending_updates(
    db: Database,
    instance: str | None = None,
    *,
    own: bool = True,
    stale_before: datetime | None = None,
    now: datetime | None = None,
) -> list[ReceivedUpdate]:
    """Claim for ``instance`` the updates received but not handled; return them, oldest first.

    Claimed are the updates no instance holds, ``instance``'s own (with ``own``: at its
    start, it is not handling them any more), and those another instance has held since
    before ``stale_before`` (that instance stopped without handling them). Two instances
    never claim one update at once: the rows are locked (PostgreSQL) or the write is alone
    (SQLite). Without ``instance``, every pending update is returned and none claimed.
    """
    query = (
        select(InboxUpdate.update_id, InboxUpdate.payload)
        .where(InboxUpdate.state == "pending")
        .order_by(InboxUpdate.update_id)
    )
    if instance is None:
        async with db.transaction() as session:
            rows = (await session.execute(query)).all()
        return [ReceivedUpdate(row.update_id, row.payload) for row in rows]
    held: list[ColumnElement[bool]] = [InboxUpdate.instance.is_(None)]
    if own:
        held.append(InboxUpdate.instance == instance)
    if stale_before is not None:
        held.append(
            and_(InboxUpdate.instance != instance, InboxUpdate.claimed_at < aware(stale_before))
        )
    query = query.where(or_(*held))
    if db.dialect == "postgresql":
        query = query.with_for_update(skip_locked=True)
    async with db.write() as session:
        rows = (await session.execute(query)).all()
        if rows:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.update_id.in_([row.update_id for row in rows]))
                .values(instance=instance, claimed_at=aware(now))
            )
    return [ReceivedUpdate(row.update_id, row.payload) for row in rows]


async def settle_updates(
    db: Database,
    done: Sequence[int],
    failed: Sequence[tuple[int, str]],
    *,
    now: datetime | None = None,
) -> None:
    """Mark updates handled (``done``) or given up (``failed``, with the reason)."""
    settled = aware(now)
    async with db.write() as session:
        if done:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.update_id.in_(list(done)))
                .values(state="done", settled_at=settled)
            )
        for update_id, reason in failed:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.update_id == update_id)
                .values(state="failed", settled_at=settled, error=reason[:MAX_ERROR])
            )


async def prune_updates(db: Database, *, settled_before: datetime) -> int:
    """Delete settled updates older than ``settled_before``; return how many."""
    statement = delete(InboxUpdate).where(
        InboxUpdate.state != "pending", InboxUpdate.settled_at < aware(settled_before)
    )
    async with db.write() as session:
        result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def inbox_counts(db: Database) -> dict[str, int]:
    """Return how many updates are in each state."""
    query = select(InboxUpdate.state, func.count()).group_by(InboxUpdate.state)
    async with db.transaction() as session:
        return {row[0]: int(row[1]) for row in (await session.execute(query)).all()}
