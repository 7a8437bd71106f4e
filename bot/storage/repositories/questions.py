"""The question log: every question asked, how it was answered, and what went unanswered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, get_args

from sqlalchemy import case, func, select

from bot.answering.answers import Status
from bot.storage.database import Database
from bot.storage.models import Question
from bot.storage.repositories._common import aware, insert_for

STATUSES: tuple[Status, ...] = get_args(Status)
UNANSWERED: tuple[Status, ...] = ("choices", "none")


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question to append to the log (see :func:`log_questions`)."""

    text: str
    normalized: str
    status: Status
    best_match: str | None
    score: float | None
    asked_at: datetime
    telegram_id: int | None = None
    chat_id: int | None = None
    best_year: int | None = None
    update_id: int | None = None
    """The Telegram update that carried it: logged once, however often it is handled."""
    delivered: bool | None = None


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    """A question the bot could not answer confidently, grouped by its normalized text.

    ``example`` is the wording of the latest time it was asked, ``statuses`` the statuses
    it got (``choices``, ``none`` or both, sorted).
    """

    normalized: str
    example: str
    count: int
    last_asked: datetime
    statuses: tuple[Status, ...]


async def log_questions(db: Database, questions: list[AskedQuestion]) -> None:
    """Append questions to the log in one transaction (one statement, many rows).

    A question whose ``update_id`` is logged already is skipped: an update handled again
    after a crash is logged once.

    Raises:
        ValueError: a status is not one of :data:`STATUSES`, or a time is naive (bugs in
            the caller: nothing is written).
        bot.storage.errors.RowRejectedError: the database refuses a row (nothing is written).
        bot.storage.errors.StorageError: the database failed (nothing is written).
    """
    if not questions:
        return
    for question in questions:
        if question.status not in STATUSES:
            raise ValueError(f"unknown answer status {question.status!r}; expected {STATUSES}")
    rows = [
        {
            "asked_at": aware(q.asked_at),
            "telegram_id": q.telegram_id,
            "chat_id": q.chat_id,
            "text": q.text,
            "normalized": q.normalized,
            "status": q.status,
            "best_match": q.best_match,
            "score": q.score,
            "best_year": q.best_year,
            "update_id": q.update_id,
            "delivered": q.delivered,
        }
        for q in questions
    ]
    statement = insert_for(db)(Question).on_conflict_do_nothing(index_elements=["update_id"])
    async with db.write() as session:
        await session.execute(statement, rows)


async def unanswered_questions(
    db: Database, *, days: int, limit: int, now: datetime | None = None
) -> list[UnansweredQuestion]:
    """Return the questions most often left unanswered (``none`` or ``choices``) lately.

    Only questions asked in the ``days`` before ``now`` count. The most frequent come first,
    ties broken by the latest asked.

    Raises:
        ValueError: ``days`` or ``limit`` is not positive (callers validate what users type).
    """
    if days < 1 or limit < 1:
        raise ValueError(f"days and limit must be positive, not {days} and {limit}")
    now = aware(now)
    group = Question.normalized
    latest_first = (Question.asked_at.desc(), Question.id.desc())

    def count_of(status: Status) -> Any:
        return func.sum(case((Question.status == status, 1), else_=0)).over(partition_by=group)

    recent = (
        select(
            Question.normalized,
            Question.text,
            Question.asked_at,
            func.count().over(partition_by=group).label("asked"),
            count_of("choices").label("choices"),
            count_of("none").label("nones"),
            func.row_number().over(partition_by=group, order_by=latest_first).label("rank"),
        )
        .where(
            Question.status.in_(UNANSWERED),
            Question.asked_at > now - timedelta(days=days),
            Question.asked_at <= now,
        )
        .subquery()
    )
    query = (
        select(recent)
        .where(recent.c.rank == 1)
        .order_by(recent.c.asked.desc(), recent.c.asked_at.desc(), recent.c.normalized)
        .limit(limit)
    )
    async with db.transaction() as session:
        rows = (await session.execute(query)).all()
    return [
        UnansweredQuestion(
            normalized=row.normalized,
            example=row.text,
            count=row.asked,
            last_asked=row.asked_at,
            statuses=_statuses(choices=row.choices, nones=row.nones),
        )
        for row in rows
    ]


def _statuses(*, choices: int, nones: int) -> tuple[Status, ...]:
    """Return the unanswered statuses that occurred, in sorted order."""
    seen: list[Status] = []
    if choices:
        seen.append("choices")
    if nones:
        seen.append("none")
    return tuple(seen)
