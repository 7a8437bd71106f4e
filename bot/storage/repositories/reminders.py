"""Reminders: their schedules, their next firing, claimed once across instances."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

from bot.storage.database import Database
from bot.storage.models import Fired, Reminder
from bot.storage.repositories._common import aware, insert_for


@dataclass(frozen=True, slots=True)
class StoredReminder:
    """A reminder as stored."""

    id: int
    text: str
    audience: str
    schedule: str
    rule: dict[str, Any]
    paused: bool
    next_fire_at: dt.datetime | None
    last_fired_at: dt.datetime | None


async def add_reminder(
    db: Database,
    created_by: int | None,
    text: str,
    audience: str,
    schedule: str,
    rule: dict[str, Any],
    next_fire_at: dt.datetime | None,
) -> int:
    """Store a reminder; return its id."""
    async with db.write() as session:
        row = Reminder(
            created_by=created_by,
            created_at=aware(None),
            text=text,
            audience=audience,
            schedule=schedule,
            rule=json.dumps(rule),
            paused=False,
            next_fire_at=next_fire_at,
        )
        session.add(row)
        await session.flush()
        return row.id


async def reminders(db: Database) -> list[StoredReminder]:
    """Return every reminder, by id."""
    async with db.transaction() as session:
        rows = await session.scalars(select(Reminder).order_by(Reminder.id))
        return [_stored(row) for row in rows]


async def get_reminder(db: Database, reminder_id: int) -> StoredReminder | None:
    """Return one reminder."""
    async with db.transaction() as session:
        row = await session.get(Reminder, reminder_id)
        return None if row is None else _stored(row)


async def set_paused(
    db: Database, reminder_id: int, paused: bool, next_fire_at: dt.datetime | None
) -> bool:
    """Pause a reminder, or resume it from ``next_fire_at``."""
    async with db.write() as session:
        result = await session.execute(
            update(Reminder)
            .where(Reminder.id == reminder_id)
            .values(paused=paused, next_fire_at=next_fire_at)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def delete_reminder(db: Database, reminder_id: int) -> bool:
    """Delete a reminder."""
    async with db.write() as session:
        result = await session.execute(delete(Reminder).where(Reminder.id == reminder_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def due_reminders(db: Database, now: dt.datetime) -> list[StoredReminder]:
    """Return the reminders whose time has come (not paused)."""
    async with db.transaction() as session:
        rows = await session.scalars(
            select(Reminder).where(
                Reminder.paused.is_(False),
                Reminder.next_fire_at.is_not(None),
                Reminder.next_fire_at <= now,
            )
        )
        return [_stored(row) for row in rows]


async def advance(
    db: Database,
    reminder_id: int,
    expected: dt.datetime,
    following: dt.datetime | None,
    fired_at: dt.datetime,
) -> bool:
    """Move a reminder on to its next time if it still stands at ``expected``.

    The instance whose update changes the row fires it: one firing across instances.
    """
    async with db.write() as session:
        result = await session.execute(
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.next_fire_at == expected)
            .values(next_fire_at=following, last_fired_at=fired_at)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def claim_once(db: Database, name: str, now: dt.datetime) -> bool:
    """Return True to the one caller, across instances, that does ``name`` first."""
    async with db.write() as session:
        result = await session.execute(
            insert_for(db)(Fired)
            .values(name=name, fired_at=now)
            .on_conflict_do_nothing(index_elements=["name"])
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _stored(row: Reminder) -> StoredReminder:
    return StoredReminder(
        row.id,
        row.text,
        row.audience,
        row.schedule,
        json.loads(row.rule),
        row.paused,
        row.next_fire_at,
        row.last_fired_at,
    )
