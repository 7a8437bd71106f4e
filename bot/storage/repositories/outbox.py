"""Broadcasts and their outbox: one row per recipient, claimed, paced and settled here.

Claims are atomic across instances: on PostgreSQL with ``FOR UPDATE SKIP LOCKED`` (two
workers never take one row), on SQLite under the one writer. A claim holds a lease; rows
whose lease ran out (their instance died) are claimed again. Pacing is shared through the
``pacing`` table: each claim reserves its send times there in a transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outbox.model import BroadcastReport, Claimed, Recipient, Result
from bot.storage.database import Database
from bot.storage.models import Broadcast, Chat, OutboxRow, Pacing, User
from bot.storage.repositories._common import aware, insert_for

#: Outbox states that still have to be sent.
OPEN = ("pending", "claimed")


async def create_broadcast(
    db: Database,
    created_by: int | None,
    text: str,
    audience: str,
    *,
    kind: str = "announcement",
    reminder_id: int | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Store a draft broadcast; return its id."""
    async with db.write() as session:
        row = Broadcast(
            created_by=created_by,
            created_at=aware(now),
            kind=kind,
            text=text,
            audience=audience,
            state="draft",
            total=0,
            reminder_id=reminder_id,
        )
        session.add(row)
        await session.flush()
        return row.id


async def set_audience(db: Database, broadcast_id: int, audience: str) -> bool:
    """Change a draft's audience."""
    async with db.write() as session:
        result = await session.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.state == "draft")
            .values(audience=audience)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def start_broadcast(
    db: Database,
    broadcast_id: int,
    recipients: Sequence[Recipient],
    *,
    report_chat_id: int | None = None,
    now: dt.datetime | None = None,
) -> int | None:
    """Queue a draft for every recipient, in one transaction; None if it is no draft.

    Pressing [Gửi] twice queues it once.
    """
    now = aware(now)
    unique = list({r.chat_id: r for r in recipients}.values())
    async with db.write() as session:
        started = await session.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.state == "draft")
            .values(state="sending", total=len(unique), report_chat_id=report_chat_id)
        )
        if not started.rowcount:  # type: ignore[attr-defined]
            return None
        if unique:
            await session.execute(
                insert_for(db)(OutboxRow),
                [
                    {
                        "broadcast_id": broadcast_id,
                        "chat_id": r.chat_id,
                        "is_group": r.is_group,
                        "state": "pending",
                        "attempts": 0,
                        "next_try_at": now,
                    }
                    for r in unique
                ],
            )
        else:
            await session.execute(
                update(Broadcast)
                .where(Broadcast.id == broadcast_id)
                .values(state="done", finished_at=now)
            )
    return len(unique)


async def set_report_message(db: Database, broadcast_id: int, message_id: int) -> None:
    """Remember the administrator's message that shows the sending's progress."""
    async with db.write() as session:
        await session.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id)
            .values(report_message_id=message_id)
        )


async def claim(
    db: Database,
    worker: str,
    limit: int,
    *,
    lease: dt.timedelta,
    now: dt.datetime | None = None,
) -> list[Claimed]:
    """Claim up to ``limit`` rows due now (and rows whose lease ran out), oldest first."""
    now = aware(now)
    due = or_(
        and_(OutboxRow.state == "pending", OutboxRow.next_try_at <= now),
        and_(OutboxRow.state == "claimed", OutboxRow.lease_until < now),
    )
    query = (
        select(OutboxRow.id)
        .join(Broadcast, Broadcast.id == OutboxRow.broadcast_id)
        .where(due, Broadcast.state == "sending")
        .order_by(OutboxRow.id)
        .limit(limit)
    )
    async with db.transaction() as session:
        # A cheap look first: an idle worker takes no write lock.
        if await session.scalar(query.with_only_columns(OutboxRow.id)) is None:
            return []
    if db.dialect == "postgresql":
        query = query.with_for_update(of=OutboxRow, skip_locked=True)
    async with db.write() as session:
        ids = list(await session.scalars(query))
        if not ids:
            return []
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(ids))
            .values(state="claimed", claimed_by=worker, lease_until=now + lease)
        )
        rows = await session.execute(
            select(OutboxRow, Broadcast.text)
            .join(Broadcast, Broadcast.id == OutboxRow.broadcast_id)
            .where(OutboxRow.id.in_(ids))
            .order_by(OutboxRow.id)
        )
        return [
            Claimed(row.id, row.broadcast_id, row.chat_id, row.is_group, text, row.attempts)
            for row, text in rows
        ]


async def settle(
    db: Database, worker: str, results: Sequence[Result], *, now: dt.datetime | None = None
) -> None:
    """Record the outcome of claimed rows; blocked private chats mark their user blocked."""
    now = aware(now)
    mine = (OutboxRow.claimed_by == worker, OutboxRow.state == "claimed")
    async with db.write() as session:
        delivered = [r for r in results if r.state == "sent"]
        if delivered:
            # The common case in one statement: a batch of sent rows.
            await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_([r.id for r in delivered]), *mine)
                .values(
                    state="sent",
                    attempts=OutboxRow.attempts + 1,
                    sent_at=now,
                    claimed_by=None,
                    lease_until=None,
                )
            )
        for result in results:
            if result.state == "sent":
                continue
            values: dict[str, object] = {
                "state": result.state,
                "attempts": result.attempts,
                "error": result.error,
                "claimed_by": None,
                "lease_until": None,
            }
            if result.next_try_at is not None:
                values["next_try_at"] = result.next_try_at
            await session.execute(
                update(OutboxRow).where(OutboxRow.id == result.id, *mine).values(**values)
            )
        blocked = [r.id for r in results if r.state == "blocked"]
        if blocked:
            chats = list(
                await session.scalars(select(OutboxRow.chat_id).where(OutboxRow.id.in_(blocked)))
            )
            await session.execute(
                update(User).where(User.telegram_id.in_(chats)).values(is_blocked=True)
            )
            await session.execute(
                update(Chat).where(Chat.chat_id.in_(chats)).values(status="kicked")
            )


async def reserve(
    db: Database,
    name: str,
    count: int,
    interval: float,
    *,
    now: dt.datetime | None = None,
) -> dt.datetime:
    """Reserve ``count`` sends ``interval`` seconds apart on a shared pace; return the first.

    The reservation is one transaction on the ``pacing`` row, so instances never overlap.
    """
    now = aware(now)
    async with db.write() as session:
        row = await _pace(db, session, name, now)
        start = max(row.next_at, now)
        row.next_at = start + dt.timedelta(seconds=count * interval)
        return start


async def hold(db: Database, name: str, until: dt.datetime) -> None:
    """Push a shared pace back to ``until`` at the earliest (after a 429)."""
    async with db.write() as session:
        row = await _pace(db, session, name, until)
        row.next_at = max(row.next_at, until)


async def _pace(db: Database, session: AsyncSession, name: str, now: dt.datetime) -> Pacing:
    """Return a pace's row, locked for this transaction (made on first use)."""
    query = select(Pacing).where(Pacing.name == name)
    if db.dialect == "postgresql":
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None:
        await session.execute(
            insert_for(db)(Pacing)
            .values(name=name, next_at=now)
            .on_conflict_do_nothing(index_elements=["name"])
        )
        row = await session.scalar(query)
    assert row is not None
    return row


async def has_sending(db: Database) -> bool:
    """Return whether any broadcast is being sent."""
    async with db.transaction() as session:
        found = await session.scalar(
            select(Broadcast.id).where(Broadcast.state == "sending").limit(1)
        )
    return found is not None


async def finish_done(db: Database, *, now: dt.datetime | None = None) -> list[int]:
    """Mark sending broadcasts with nothing left to send as done; return those this did."""
    now = aware(now)
    open_rows = (
        select(OutboxRow.id)
        .where(OutboxRow.broadcast_id == Broadcast.id, OutboxRow.state.in_(OPEN))
        .exists()
    )
    async with db.write() as session:
        candidates = list(
            await session.scalars(
                select(Broadcast.id).where(Broadcast.state == "sending", ~open_rows)
            )
        )
        done = []
        for broadcast_id in candidates:
            result = await session.execute(
                update(Broadcast)
                .where(Broadcast.id == broadcast_id, Broadcast.state == "sending")
                .values(state="done", finished_at=now)
            )
            if result.rowcount:  # type: ignore[attr-defined]
                done.append(broadcast_id)
        return done


async def cancel_broadcast(
    db: Database, broadcast_id: int, *, now: dt.datetime | None = None
) -> bool:
    """Stop a broadcast: what is not sent yet is not sent; return whether it was running."""
    now = aware(now)
    async with db.write() as session:
        result = await session.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.state.in_(("draft", "sending")))
            .values(state="cancelled", finished_at=now)
        )
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.broadcast_id == broadcast_id, OutboxRow.state == "pending")
            .values(state="cancelled")
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def report(db: Database, broadcast_id: int) -> BroadcastReport | None:
    """Return a broadcast with its recipients counted by state and errors by reason."""
    async with db.transaction() as session:
        row = await session.get(Broadcast, broadcast_id)
        if row is None:
            return None
        counts = await session.execute(
            select(OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id == broadcast_id)
            .group_by(OutboxRow.state)
        )
        errors = await session.execute(
            select(OutboxRow.error, func.count())
            .where(OutboxRow.broadcast_id == broadcast_id, OutboxRow.error.is_not(None))
            .where(OutboxRow.state.in_(("failed", "blocked")))
            .group_by(OutboxRow.error)
        )
        return _report(row, {k: v for k, v in counts}, {k: v for k, v in errors})


async def reports(db: Database, limit: int = 50) -> list[BroadcastReport]:
    """Return the latest broadcasts, newest first, each with its counts."""
    async with db.transaction() as session:
        rows = list(
            await session.scalars(select(Broadcast).order_by(Broadcast.id.desc()).limit(limit))
        )
        counted = await session.execute(
            select(OutboxRow.broadcast_id, OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id.in_([r.id for r in rows]))
            .group_by(OutboxRow.broadcast_id, OutboxRow.state)
        )
        by_broadcast: dict[int, Counter[str]] = {}
        for broadcast_id, state, count in counted:
            by_broadcast.setdefault(broadcast_id, Counter())[state] = count
        return [_report(row, dict(by_broadcast.get(row.id, {})), {}) for row in rows]


async def sending_with_report(db: Database) -> list[int]:
    """Return the broadcasts being sent whose progress an administrator watches."""
    async with db.transaction() as session:
        return list(
            await session.scalars(
                select(Broadcast.id).where(
                    Broadcast.state == "sending", Broadcast.report_message_id.is_not(None)
                )
            )
        )


async def take_finished_reports(db: Database) -> list[BroadcastReport]:
    """Return the finished broadcasts whose administrator still awaits the final report.

    Each is returned to one caller only (its report message is taken in a transaction).
    """
    async with db.write() as session:
        ids = list(
            await session.scalars(
                select(Broadcast.id).where(
                    Broadcast.state.in_(("done", "cancelled")),
                    Broadcast.report_message_id.is_not(None),
                )
            )
        )
    taken = []
    for broadcast_id in ids:
        shown = await report(db, broadcast_id)
        async with db.write() as session:
            result = await session.execute(
                update(Broadcast)
                .where(Broadcast.id == broadcast_id, Broadcast.report_message_id.is_not(None))
                .values(report_message_id=None)
            )
        if shown is not None and result.rowcount:  # type: ignore[attr-defined]
            taken.append(shown)
    return taken


async def set_opted_out(db: Database, telegram_id: int, opted_out: bool) -> bool:
    """Turn general announcements off or on for a user; False if the user is unknown."""
    async with db.write() as session:
        result = await session.execute(
            update(User).where(User.telegram_id == telegram_id).values(opted_out=opted_out)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def users(db: Database, *, respect_opt_out: bool) -> list[tuple[int, bool]]:
    """Return the users who may receive a message: (telegram id, opted out), not blocked."""
    query = select(User.telegram_id, User.opted_out).where(User.is_blocked.is_(False))
    if respect_opt_out:
        query = query.where(User.opted_out.is_(False))
    async with db.transaction() as session:
        return [(int(t), bool(o)) for t, o in await session.execute(query)]


async def groups(db: Database) -> list[int]:
    """Return the groups the bot is a member of."""
    async with db.transaction() as session:
        return list(
            await session.scalars(
                select(Chat.chat_id).where(
                    Chat.type.in_(("group", "supergroup")),
                    Chat.status.in_(("member", "administrator")),
                )
            )
        )


def _report(
    row: Broadcast, counts: dict[str, int], errors: dict[str | None, int]
) -> BroadcastReport:
    return BroadcastReport(
        id=row.id,
        kind=row.kind,
        audience=row.audience,
        state=row.state,
        total=row.total,
        created_at=row.created_at,
        counts=counts,
        errors={str(k): v for k, v in errors.items()},
        report_chat_id=row.report_chat_id,
        report_message_id=row.report_message_id,
        text=row.text,
    )
