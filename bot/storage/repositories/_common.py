"""What the repositories share: timestamps checked for a time zone, and atomic upserts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase

from bot.storage.database import Database
from bot.storage.models import utcnow


def aware(now: datetime | None) -> datetime:
    """Return ``now``, or the current time if None.

    Raises:
        ValueError: ``now`` is naive; its time zone would be a guess (a bug in the caller).
    """
    if now is None:
        return utcnow()
    if now.utcoffset() is None:
        raise ValueError(f"naive datetime {now.isoformat()}: pass a timezone-aware one")
    return now


def insert_for(db: Database) -> Any:
    """Return the dialect's ``insert`` (it knows ON CONFLICT)."""
    return postgresql.insert if db.dialect == "postgresql" else sqlite.insert


async def upsert(
    db: Database,
    model: type[DeclarativeBase],
    key: str,
    inserted: dict[str, Any],
    updated: dict[str, Any],
) -> None:
    """Insert a row, or update ``updated`` on the row with the same ``key``, atomically."""
    statement = insert_for(db)(model).values(**inserted, **updated)
    statement = statement.on_conflict_do_update(index_elements=[key], set_=updated)
    async with db.write() as session:
        await session.execute(statement)
