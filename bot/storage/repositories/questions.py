"""Reads and writes the bot makes: users, chats and the question log, in plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, get_args

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase

from bot.answering.answers import Status
from bot.storage.database import Database
from bot.storage.models import Chat, Question, User, utcnow

STATUSES: tuple[Status, ...] = get_args(Status)
UNANSWERED: tuple[Status, ...] = ("choices", "none")


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


async def record_user(
    db: Database,
    telegram_id: int,
    first_name: str,
    last_name: str | None,
    username: str | None,
    language_code: str | None,
    *,
    now: datetime | None = None,
) -> None:
    """Save a user who wrote to the bot: first time seen kept, names and last_seen updated.

    Writing to the bot means the user has not blocked it, so this also clears ``is_blocked``.
    """
    now = _aware(now)
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "username": username,
        "language_code": language_code,
        "last_seen": now,
        "is_blocked": False,
    }
    await _upsert(db, User, "telegram_id", {"telegram_id": telegram_id, "first_seen": now}, fields)


async def set_user_blocked(db: Database, telegram_id: int, blocked: bool) -> bool:
    """Mark whether a user has blocked the bot; return False if the user is unknown."""
    async with db.transaction() as session:
        result = await session.execute(
            update(User).where(User.telegram_id == telegram_id).values(is_blocked=blocked)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def record_chat(
    db: Database,
    chat_id: int,
    chat_type: str,
    title: str | None,
    status: str,
    *,
    now: datetime | None = None,
) -> None:
    """Save a chat and the bot's membership status in it (``member``, ``left``, ``kicked``...)."""
    now = _aware(now)
    # str() turns string enums (such as the Telegram library's) into their plain value.
    fields = {"type": str(chat_type), "title": title, "status": str(status), "updated_at": now}
    await _upsert(db, Chat, "chat_id", {"chat_id": chat_id, "first_seen": now}, fields)


async def log_question(
    db: Database,
    *,
    text: str,
    normalized: str,
    status: Status,
    best_match: str | None,
    score: float | None,
    telegram_id: int | None = None,
    chat_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Append a question to the log with how it was answered; return its id."""
    if status not in STATUSES:
        raise ValueError(f"unknown answer status {status!r}; expected one of {STATUSES}")
    question = Question(
        asked_at=_aware(now),
        telegram_id=telegram_id,
        chat_id=chat_id,
        text=text,
        normalized=normalized,
        status=status,
        best_match=best_match,
        score=score,
    )
    async with db.transaction() as session:
        session.add(question)
        await session.flush()
        return question.id


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


async def log_questions(db: Database, questions: list[AskedQuestion]) -> None:
    """Append many questions to the log in one transaction (one statement, many rows)."""
    if not questions:
        return
    for question in questions:
        if question.status not in STATUSES:
            raise ValueError(f"unknown answer status {question.status!r}")
    rows = [
        {
            "asked_at": _aware(q.asked_at),
            "telegram_id": q.telegram_id,
            "chat_id": q.chat_id,
            "text": q.text,
            "normalized": q.normalized,
            "status": q.status,
            "best_match": q.best_match,
            "score": q.score,
        }
        for q in questions
    ]
    async with db.transaction() as session:
        await session.execute(insert(Question), rows)


async def unanswered_questions(
    db: Database, *, days: int, limit: int, now: datetime | None = None
) -> list[UnansweredQuestion]:
    """Return the questions most often left unanswered (``none`` or ``choices``) lately.

    Only questions asked in the ``days`` before ``now`` count. The most frequent come first,
    ties broken by the latest asked.
    """
    if days < 1 or limit < 1:
        raise ValueError(f"days and limit must be positive, not {days} and {limit}")
    now = _aware(now)
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


def _aware(now: datetime | None) -> datetime:
    """Return ``now``, or the current time if None; refuse a naive datetime."""
    if now is None:
        return utcnow()
    if now.utcoffset() is None:
        raise ValueError(f"naive datetime {now.isoformat()}: pass a timezone-aware one")
    return now


def _statuses(*, choices: int, nones: int) -> tuple[Status, ...]:
    """Return the unanswered statuses that occurred, in sorted order."""
    seen: list[Status] = []
    if choices:
        seen.append("choices")
    if nones:
        seen.append("none")
    return tuple(seen)


async def _upsert(
    db: Database,
    model: type[DeclarativeBase],
    key: str,
    inserted: dict[str, Any],
    updated: dict[str, Any],
) -> None:
    """Insert a row, or update ``updated`` on the row with the same ``key``, atomically."""
    insert = postgresql.insert if db.dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(**inserted, **updated)
    statement = statement.on_conflict_do_update(index_elements=[key], set_=updated)
    async with db.transaction() as session:
        await session.execute(statement)
