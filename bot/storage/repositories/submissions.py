"""Confirmation cards and submitted figures: a card is saved once, in its own transaction.

A report becomes a card (``pending``); [Lưu] turns the card into submissions in one write
transaction that first claims the card (``pending`` → ``saved`` only if it still is), so two
presses, or two racing instances, save it once. A submission for the same figure, unit and
period supersedes the earlier one, whose row is kept (``superseded_by``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.progress.model import Confirmation, Period, StoredCard, StoredSubmission
from bot.storage.database import Database
from bot.storage.models import Card, Submission
from bot.storage.repositories._common import aware
from bot.storage.repositories.access import audit_entry


async def create_card(
    db: Database,
    card_id: str,
    telegram_id: int,
    chat_id: int,
    unit_id: str,
    year: int,
    payload: dict[str, Any],
    *,
    expires_at: dt.datetime,
    now: dt.datetime | None = None,
) -> StoredCard:
    """Store a new card; the user's earlier pending cards are cancelled (one at a time)."""
    now = aware(now)
    async with db.write() as session:
        await session.execute(
            update(Card)
            .where(Card.telegram_id == telegram_id, Card.state == "pending")
            .values(state="cancelled", decided_at=now)
        )
        row = Card(
            id=card_id,
            telegram_id=telegram_id,
            chat_id=chat_id,
            unit_id=unit_id,
            year=year,
            payload=json.dumps(payload, ensure_ascii=False),
            state="pending",
            created_at=now,
            expires_at=expires_at,
        )
        session.add(row)
    return _card(row)


async def get_card(db: Database, card_id: str) -> StoredCard | None:
    """Return a card by id."""
    async with db.transaction() as session:
        row = await session.get(Card, card_id)
        return None if row is None else _card(row)


async def update_card(db: Database, card_id: str, unit_id: str, payload: dict[str, Any]) -> bool:
    """Change a pending card's unit and figures (a correction before saving)."""
    async with db.write() as session:
        result = await session.execute(
            update(Card)
            .where(Card.id == card_id, Card.state == "pending")
            .values(unit_id=unit_id, payload=json.dumps(payload, ensure_ascii=False))
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def confirm_card(
    db: Database, card_id: str, telegram_id: int, *, now: dt.datetime | None = None
) -> Confirmation:
    """Save a pending card's figures once; report what became of the card otherwise."""
    now = aware(now)
    async with db.write() as session:
        claimed = await session.execute(
            update(Card)
            .where(
                Card.id == card_id,
                Card.telegram_id == telegram_id,
                Card.state == "pending",
                Card.expires_at > now,
            )
            .values(state="saved", decided_at=now)
        )
        row = await session.get(Card, card_id)
        if row is None or row.telegram_id != telegram_id:
            return Confirmation("unknown")
        if not claimed.rowcount:  # type: ignore[attr-defined]
            if row.state == "pending":
                row.state, row.decided_at = "expired", now
                return Confirmation("expired")
            return Confirmation("already-saved" if row.state == "saved" else row.state)
        payload = json.loads(row.payload)
        saved = [
            await _save(session, row, position, item, now)
            for position, item in enumerate(payload["items"])
        ]
    return Confirmation("saved", tuple(saved))


async def cancel_card(
    db: Database, card_id: str, telegram_id: int, *, now: dt.datetime | None = None
) -> str:
    """Cancel a pending card; return its state afterwards (``cancelled`` if this did it)."""
    now = aware(now)
    async with db.write() as session:
        await session.execute(
            update(Card)
            .where(Card.id == card_id, Card.telegram_id == telegram_id, Card.state == "pending")
            .values(state="cancelled", decided_at=now)
        )
        row = await session.get(Card, card_id)
        return "unknown" if row is None or row.telegram_id != telegram_id else row.state


async def cancel_pending_cards(
    db: Database, telegram_id: int, *, now: dt.datetime | None = None
) -> int:
    """Cancel every pending card of a user (/huy); return how many."""
    async with db.write() as session:
        result = await session.execute(
            update(Card)
            .where(Card.telegram_id == telegram_id, Card.state == "pending")
            .values(state="cancelled", decided_at=aware(now))
        )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def withdraw_last(
    db: Database, telegram_id: int, since: dt.datetime, *, now: dt.datetime | None = None
) -> StoredSubmission | None:
    """Withdraw the user's last active submission sent after ``since``; None if there is none.

    The figure it superseded, if any, counts again.
    """
    now = aware(now)
    async with db.write() as session:
        row = await session.scalar(
            select(Submission)
            .where(
                Submission.telegram_id == telegram_id,
                Submission.withdrawn_at.is_(None),
                Submission.superseded_by.is_(None),
                Submission.submitted_at >= since,
            )
            .order_by(Submission.id.desc())
            .limit(1)
        )
        if row is None:
            return None
        row.withdrawn_at = now
        await session.execute(
            update(Submission).where(Submission.superseded_by == row.id).values(superseded_by=None)
        )
        session.add(
            audit_entry(telegram_id, "withdraw", f"submission:{row.id}", _json(row), None, now)
        )
        return _submission(row)


async def submissions_of(
    db: Database, year: int, figure_id: str | None = None
) -> list[StoredSubmission]:
    """Return every submission of a year (of one figure), superseded and withdrawn included."""
    query = select(Submission).where(Submission.year == year)
    if figure_id is not None:
        query = query.where(Submission.figure_id == figure_id)
    async with db.transaction() as session:
        rows = await session.scalars(query.order_by(Submission.id))
        return [_submission(row) for row in rows]


async def latest_submissions(db: Database, year: int) -> list[StoredSubmission]:
    """Return each unit's latest active figure of every figure of a year (for the overview).

    One window query: at most figures × units rows, however many were sent.
    """
    active = (
        select(
            Submission,
            func.row_number()
            .over(
                partition_by=(Submission.figure_id, Submission.unit_id),
                order_by=(
                    Submission.period_end.desc(),
                    Submission.submitted_at.desc(),
                    Submission.id.desc(),
                ),
            )
            .label("rank"),
        )
        .where(
            Submission.year == year,
            Submission.superseded_by.is_(None),
            Submission.withdrawn_at.is_(None),
        )
        .subquery()
    )
    latest = aliased(Submission, active)
    async with db.transaction() as session:
        rows = await session.scalars(select(latest).where(active.c.rank == 1))
        return [_submission(row) for row in rows]


async def latest_submission(
    db: Database, year: int, figure_id: str, unit_id: str
) -> StoredSubmission | None:
    """Return a unit's latest active figure (for the card's "previous figure")."""
    async with db.transaction() as session:
        row = await session.scalar(
            select(Submission)
            .where(
                Submission.year == year,
                Submission.figure_id == figure_id,
                Submission.unit_id == unit_id,
                Submission.withdrawn_at.is_(None),
                Submission.superseded_by.is_(None),
            )
            .order_by(Submission.period_end.desc(), Submission.id.desc())
            .limit(1)
        )
        return None if row is None else _submission(row)


async def _save(
    session: AsyncSession, card: Card, position: int, item: dict[str, Any], now: dt.datetime
) -> StoredSubmission:
    start = dt.date.fromisoformat(item["period"]["start"])
    end = dt.date.fromisoformat(item["period"]["end"])
    row = Submission(
        card_id=card.id,
        position=position,
        year=card.year,
        figure_id=item["figure"],
        unit_id=card.unit_id,
        period_start=start,
        period_end=end,
        value=float(item["value"]),
        text=item["text"],
        note=item.get("note"),
        telegram_id=card.telegram_id,
        submitted_at=now,
    )
    session.add(row)
    await session.flush()
    earlier = list(
        await session.scalars(
            select(Submission).where(
                Submission.year == card.year,
                Submission.figure_id == row.figure_id,
                Submission.unit_id == row.unit_id,
                Submission.period_start == start,
                Submission.period_end == end,
                Submission.superseded_by.is_(None),
                Submission.withdrawn_at.is_(None),
                Submission.id != row.id,
            )
        )
    )
    for old in earlier:
        old.superseded_by = row.id
    before = _json(earlier[-1]) if earlier else None
    session.add(
        audit_entry(card.telegram_id, "submit", f"submission:{row.id}", before, _json(row), now)
    )
    return _submission(row)


def _json(row: Submission) -> str:
    return json.dumps(
        {
            "figure": row.figure_id,
            "unit": row.unit_id,
            "period": [row.period_start.isoformat(), row.period_end.isoformat()],
            "value": row.value,
            "text": row.text,
        },
        ensure_ascii=False,
    )


def _card(row: Card) -> StoredCard:
    return StoredCard(
        row.id,
        row.telegram_id,
        row.chat_id,
        row.unit_id,
        row.year,
        json.loads(row.payload),
        row.state,
        row.expires_at,
    )


def _submission(row: Submission) -> StoredSubmission:
    return StoredSubmission(
        id=row.id,
        figure=row.figure_id,
        unit=row.unit_id,
        period=Period(row.period_start, row.period_end),
        value=row.value,
        text=row.text,
        telegram_id=row.telegram_id,
        submitted_at=row.submitted_at,
        note=row.note,
        superseded_by=row.superseded_by,
        withdrawn_at=row.withdrawn_at,
    )
