"""Progress as stored: confirmation cards, submissions, and the overview against targets.

The only module of the feature that reaches the database; everything it computes is done by
the pure modules (:mod:`bot.progress.status`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from bot.knowledge.entries import KnowledgeBase
from bot.progress.model import (
    Confirmation,
    FigureStatus,
    Overview,
    ReportedFigure,
    StoredCard,
    StoredSubmission,
)
from bot.progress.status import latest_by_unit, province_value, status_of
from bot.storage import Database
from bot.storage.repositories import submissions as store

#: A card not confirmed within this time is refused when pressed (the figures may be stale).
CARD_LIFETIME = dt.timedelta(hours=2)
#: A submission can be withdrawn by its sender for this long.
WITHDRAW_WINDOW = dt.timedelta(hours=24)


def card_payload(
    message: str,
    items: Sequence[ReportedFigure],
    warnings: Sequence[str],
    note: str | None = None,
) -> dict[str, Any]:
    """Return what a card keeps of a report: the message, each figure, warnings, the note."""
    return {
        "message": message,
        "items": [{**item.as_json(), "target": item.target, "note": note} for item in items],
        "warnings": list(warnings),
        "note": note,
    }


class ProgressService:
    """Cards, submissions and the overview, over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def open_card(
        self, telegram_id: int, chat_id: int, unit_id: str, year: int, payload: dict[str, Any]
    ) -> StoredCard:
        """Store a card to confirm (the user's earlier pending card is cancelled)."""
        now = dt.datetime.now(dt.UTC)
        return await store.create_card(
            self.db,
            uuid.uuid4().hex,
            telegram_id,
            chat_id,
            unit_id,
            year,
            payload,
            expires_at=now + CARD_LIFETIME,
            now=now,
        )

    async def card(self, card_id: str) -> StoredCard | None:
        """Return a card by id."""
        return await store.get_card(self.db, card_id)

    async def set_card_unit(self, card: StoredCard, unit_id: str) -> bool:
        """Set the unit a pending card reports for."""
        return await store.update_card(self.db, card.id, unit_id, card.payload)

    async def confirm(self, card_id: str, telegram_id: int) -> Confirmation:
        """Save a card's figures once ([Lưu])."""
        return await store.confirm_card(self.db, card_id, telegram_id)

    async def cancel(self, card_id: str, telegram_id: int) -> str:
        """Cancel a pending card ([Huỷ]); return its state."""
        return await store.cancel_card(self.db, card_id, telegram_id)

    async def cancel_all(self, telegram_id: int) -> int:
        """Cancel the user's pending cards (/huy)."""
        return await store.cancel_pending_cards(self.db, telegram_id)

    async def withdraw(self, telegram_id: int) -> StoredSubmission | None:
        """Withdraw the user's last submission, if sent within :data:`WITHDRAW_WINDOW`."""
        since = dt.datetime.now(dt.UTC) - WITHDRAW_WINDOW
        return await store.withdraw_last(self.db, telegram_id, since)

    async def previous(self, year: int, figure_id: str, unit_id: str) -> StoredSubmission | None:
        """Return a unit's latest figure for a target (shown on the card)."""
        return await store.latest_submission(self.db, year, figure_id, unit_id)

    async def submissions(self, year: int, figure_id: str | None = None) -> list[StoredSubmission]:
        """Return the submissions of a year (of one figure), all of them."""
        return await store.submissions_of(self.db, year, figure_id)

    async def units_not_reported(
        self, kb: KnowledgeBase, today: dt.date, month: dt.date | None = None
    ) -> list[str]:
        """Return the units missing a figure they report for a month (by default this one).

        The current period is this month (December once the resolution's year is over): a
        unit has reported when each figure it reports has a figure for it or later.
        """
        year = kb.document.year
        if month is None:
            month = today.replace(day=1) if today.year == year else dt.date(year, 12, 1)
        latest = await store.latest_submissions(self.db, year)
        reported = {(s.figure, s.unit) for s in latest if s.period.end >= month}
        missing: dict[str, None] = {}
        for entry in kb.entries.values():
            for figure in entry.figures if entry.kind == "target" else ():
                if figure.progress is None:
                    continue
                for unit in figure.progress.reporters:
                    if (figure.id, unit) not in reported:
                        missing[unit] = None
        return list(missing)

    async def overview(
        self, kb: KnowledgeBase, unit_names: Mapping[str, str], today: dt.date
    ) -> Overview:
        """Return every reported figure's status (from each unit's latest figures only)."""
        latest = await store.latest_submissions(self.db, kb.document.year)
        return build_overview(kb, latest, unit_names, today)


def build_overview(
    kb: KnowledgeBase,
    submissions: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
    today: dt.date,
) -> Overview:
    """Return every reported figure's status from the submissions (pure)."""
    year = kb.document.year
    by_figure: dict[str, list[StoredSubmission]] = defaultdict(list)
    for item in submissions:
        by_figure[item.figure].append(item)
    figures: list[FigureStatus] = []
    for entry in kb.entries.values():
        if entry.kind != "target":
            continue
        group = kb.entries[entry.parent].title if entry.parent in kb.entries else ""
        for figure in entry.figures:
            if figure.progress is None:
                continue
            latest = sorted(latest_by_unit(by_figure[figure.id]).values(), key=lambda s: s.unit)
            figures.append(
                FigureStatus(
                    figure=figure.id,
                    label=figure.label,
                    place=entry.code,
                    group=group,
                    unit=figure.unit,
                    target=figure.statement,
                    target_value=figure.number,
                    status=status_of(figure, latest, year),
                    value=province_value(figure, latest),
                    as_of=max((s.period.end for s in latest), default=None),
                    reported_at=max((s.submitted_at for s in latest), default=None),
                    reported_by=tuple(unit_names.get(s.unit, s.unit) for s in latest),
                    latest=tuple(latest),
                )
            )
    return Overview(year, today, tuple(figures))
