"""Tables of the bot's database, as SQLAlchemy models; migrations create them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so migrations (and SQLite batch rebuilds) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    PostgreSQL keeps ``timestamp with time zone``; SQLite has no time zones, so the value
    is stored as naive UTC text (which sorts in time order) and made aware again on read.
    Naive datetimes are refused: their time zone would be a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware datetime to UTC (naive UTC for SQLite)."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: pass a timezone-aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return the stored value as an aware datetime in UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# Surrogate code points: a pair spells one character beyond the BMP; a lone one comes from
# broken UTF-16 (a JSON escape such as \ud83d with no partner) and has no UTF-8 encoding.
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """Return ``text`` as every backend stores it: NULs removed, lone surrogates as U+FFFD.

    PostgreSQL refuses NUL in text and both drivers refuse to encode a lone surrogate, so
    the whole row (and the batch with it) would fail. A surrogate pair becomes its character.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


class _StorableText(TypeDecorator[str]):
    """Text that passes through :func:`storable_text` on every write, on every backend."""

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        """Make the value storable."""
        return None if value is None else storable_text(value)


class StorableString(_StorableText):
    """A ``VARCHAR(length)`` column whose values are made storable."""

    impl = String
    cache_ok = True


class StorableText(_StorableText):
    """A ``TEXT`` column whose values are made storable."""

    impl = Text
    cache_ok = True


class Base(DeclarativeBase):
    """Base of every model; shares the metadata and its naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    """A Telegram user who has written to the bot."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(StorableString(255))
    last_name: Mapped[str | None] = mapped_column(StorableString(255))
    username: Mapped[str | None] = mapped_column(StorableString(64))
    language_code: Mapped[str | None] = mapped_column(StorableString(35))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    is_blocked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: The user turned general announcements off (/tatthongbao); reminders about their own
    #: unit's reporting still reach them.
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Chat(Base):
    """A chat the bot is in (or was in), with the bot's membership status there."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    type: Mapped[str] = mapped_column(StorableString(32))
    title: Mapped[str | None] = mapped_column(StorableString(255))
    status: Mapped[str] = mapped_column(StorableString(32))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Question(Base):
    """A question asked, with how well the bot could answer it.

    ``telegram_id`` and ``chat_id`` are plain numbers, not foreign keys: questions also come
    from the terminal, and the log must not depend on the order other rows are written in.
    """

    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint("status IN ('answer', 'choices', 'none')", name="status"),
        Index("ix_questions_asked_at", "asked_at"),
        Index("ix_questions_status_asked_at", "status", "asked_at"),
        # One row per Telegram update: an update handled again after a crash logs nothing new.
        Index("uq_questions_update_id", "update_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(StorableText())
    normalized: Mapped[str] = mapped_column(StorableText())
    status: Mapped[str] = mapped_column(StorableString(16))
    best_match: Mapped[str | None] = mapped_column(StorableString(255))
    score: Mapped[float | None] = mapped_column(Float)
    #: The year of the resolution ``best_match`` belongs to (ids repeat across years).
    best_year: Mapped[int | None] = mapped_column(Integer)
    #: The Telegram update that carried the question (None from the terminal).
    update_id: Mapped[int | None] = mapped_column(BigInteger)
    #: Whether the reply reached Telegram (None: not sent through Telegram).
    delivered: Mapped[bool | None] = mapped_column(Boolean)


class InboxUpdate(Base):
    """A Telegram update as received, kept until it has been handled.

    It is written before Telegram is told it was received (the next ``getUpdates`` offset,
    or the webhook's HTTP 200), so a crash cannot lose it; ``state`` is ``pending`` until
    the bot has handled it, then ``done``, or ``failed`` when it could not be read or
    handled. ``payload`` is the update's JSON as Telegram sent it.
    """

    __tablename__ = "inbox"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'done', 'failed')", name="state"),
        Index("ix_inbox_state_received_at", "state", "received_at"),
    )

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    payload: Mapped[str] = mapped_column(StorableText())
    state: Mapped[str] = mapped_column(StorableString(8), default="pending")
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(StorableString(255))
    #: The instance handling it (``INSTANCE_NAME``), and since when: another instance takes
    #: a pending update over only once it has been held too long.
    instance: Mapped[str | None] = mapped_column(StorableString(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Role(Base):
    """What a user may do: ``admin``, ``reporter`` (bound to units) or ``viewer``.

    Keyed on the Telegram numeric id, never the username (which its owner can change).
    Administrators named in ``BOT_ADMIN_IDS`` need no row.
    """

    __tablename__ = "roles"
    __table_args__ = (CheckConstraint("role IN ('admin', 'reporter', 'viewer')", name="role"),)

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(StorableString(16))
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RoleUnit(Base):
    """A unit a reporter reports for (a reporter may have several)."""

    __tablename__ = "role_units"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    unit_id: Mapped[str] = mapped_column(StorableString(50), primary_key=True)


class Registration(Base):
    """A request (/dangky) to become the reporter of a unit, and what became of it."""

    __tablename__ = "registrations"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'approved', 'refused')", name="state"),
        Index("ix_registrations_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    unit_id: Mapped[str] = mapped_column(StorableString(50))
    state: Mapped[str] = mapped_column(StorableString(10), default="pending")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Card(Base):
    """A report waiting for its reporter's confirmation ([Lưu], [Sửa], [Huỷ]).

    ``payload`` is the JSON of the figures understood; nothing of it is a submission until
    the card is ``saved``. Kept in the database, so a restart loses no card.
    """

    __tablename__ = "cards"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'saved', 'cancelled', 'expired')", name="state"),
        Index("ix_cards_telegram_id_state", "telegram_id", "state"),
    )

    id: Mapped[str] = mapped_column(StorableString(32), primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    unit_id: Mapped[str] = mapped_column(StorableString(50))
    year: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(StorableText())
    state: Mapped[str] = mapped_column(StorableString(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Submission(Base):
    """A figure a unit reported for a period (append-only).

    A later figure for the same unit, figure and period supersedes it (``superseded_by``);
    a withdrawn one keeps its row with ``withdrawn_at``. ``(card_id, position)`` is unique:
    a card confirmed twice saves its figures once.
    """

    __tablename__ = "submissions"
    __table_args__ = (
        Index("uq_submissions_card_id_position", "card_id", "position", unique=True),
        Index("ix_submissions_figure", "year", "figure_id", "unit_id", "period_end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[str | None] = mapped_column(StorableString(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    year: Mapped[int] = mapped_column(Integer)
    figure_id: Mapped[str] = mapped_column(StorableString(50))
    unit_id: Mapped[str] = mapped_column(StorableString(50))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(StorableString(255))
    note: Mapped[str | None] = mapped_column(StorableText())
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    superseded_by: Mapped[int | None] = mapped_column(Integer)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """One change of who may do what, or of the figures (append-only): who, what, when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(StorableString(32))
    subject: Mapped[str] = mapped_column(StorableString(255))
    before: Mapped[str | None] = mapped_column(StorableText())
    after: Mapped[str | None] = mapped_column(StorableText())


class Broadcast(Base):
    """A message to many chats: an announcement (/thongbao) or a reminder's firing.

    ``text`` is Telegram HTML, already safe. ``report_chat_id``/``report_message_id`` is the
    administrator's message edited with the progress of the sending.
    """

    __tablename__ = "broadcasts"
    __table_args__ = (
        CheckConstraint("state IN ('draft', 'sending', 'done', 'cancelled')", name="state"),
        CheckConstraint("kind IN ('announcement', 'reminder')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    kind: Mapped[str] = mapped_column(StorableString(16), default="announcement")
    text: Mapped[str] = mapped_column(StorableText())
    audience: Mapped[str] = mapped_column(StorableString(255), default="all")
    state: Mapped[str] = mapped_column(StorableString(12), default="draft")
    total: Mapped[int] = mapped_column(Integer, default=0)
    report_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    report_message_id: Mapped[int | None] = mapped_column(BigInteger)
    reminder_id: Mapped[int | None] = mapped_column(Integer)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OutboxRow(Base):
    """One recipient of a broadcast and what became of its message.

    ``pending`` rows are claimed (``claimed``, with a lease) by one worker of one instance,
    then ``sent``, ``blocked`` (403: the recipient blocked the bot or left), ``failed`` (after
    the retries) or ``cancelled``. A claim whose lease ran out (its instance died) is
    claimed again: at most the rows of one claim can be sent twice.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(
            "state IN ('pending', 'claimed', 'sent', 'blocked', 'failed', 'cancelled')",
            name="state",
        ),
        Index("uq_outbox_broadcast_id_chat_id", "broadcast_id", "chat_id", unique=True),
        Index("ix_outbox_state_next_try_at", "state", "next_try_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(StorableString(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(StorableString(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(StorableString(255))


class Pacing(Base):
    """A shared send rate: the time the next message may go (one row per limit).

    Every instance reserves its sends here, in a transaction, so the overall rate (and each
    group's 20 a minute) holds however many instances send.
    """

    __tablename__ = "pacing"

    name: Mapped[str] = mapped_column(StorableString(64), primary_key=True)
    next_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Reminder(Base):
    """A scheduled message: its schedule as typed and as a rule, skipped dates, next firing."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_next_fire_at", "next_fire_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    text: Mapped[str] = mapped_column(StorableText())
    audience: Mapped[str] = mapped_column(StorableString(255), default="all")
    schedule: Mapped[str] = mapped_column(StorableString(255))
    rule: Mapped[str] = mapped_column(StorableText())
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    next_fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_fired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Fired(Base):
    """Something done once across every instance (a period's digest): claimed by inserting."""

    __tablename__ = "fired"

    name: Mapped[str] = mapped_column(StorableString(64), primary_key=True)
    fired_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
