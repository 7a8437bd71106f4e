"""Roles, reporting units and registration requests; every change written with its audit entry."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import Database
from bot.storage.models import AuditEntry, Registration, Role, RoleUnit, User
from bot.storage.repositories._common import aware


@dataclass(frozen=True, slots=True)
class StoredRole:
    """A user's role as stored (None: no role) and the units they report for."""

    role: str | None
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredRegistration:
    """A /dangky request."""

    id: int
    telegram_id: int
    unit_id: str
    state: str
    requested_at: datetime


async def role_of(db: Database, telegram_id: int) -> StoredRole:
    """Return a user's stored role and units."""
    async with db.transaction() as session:
        return await _role(session, telegram_id)


async def set_role(
    db: Database,
    actor_id: int | None,
    telegram_id: int,
    role: str | None,
    units: tuple[str, ...],
    *,
    now: datetime | None = None,
) -> tuple[StoredRole, StoredRole]:
    """Give a user a role (None: take it away) and units; return (before, after).

    The change and its audit entry are one transaction.
    """
    now = aware(now)
    async with db.write() as session:
        before = await _role(session, telegram_id)
        after = StoredRole(role, units if role is not None else ())
        await _write_role(session, actor_id, telegram_id, after, now)
        session.add(
            audit_entry(
                actor_id, "role", f"user:{telegram_id}", _role_json(before), _role_json(after), now
            )
        )
    return before, after


async def add_registration(
    db: Database, telegram_id: int, unit_id: str, *, now: datetime | None = None
) -> tuple[StoredRegistration, bool]:
    """Record a /dangky request; return it and whether it is new (a pending one is reused)."""
    now = aware(now)
    async with db.write() as session:
        existing = await session.scalar(
            select(Registration).where(
                Registration.telegram_id == telegram_id,
                Registration.unit_id == unit_id,
                Registration.state == "pending",
            )
        )
        if existing is not None:
            return _registration(existing), False
        row = Registration(
            telegram_id=telegram_id, unit_id=unit_id, state="pending", requested_at=now
        )
        session.add(row)
        await session.flush()
        session.add(
            audit_entry(
                telegram_id,
                "register",
                f"registration:{row.id}",
                None,
                json.dumps({"unit": unit_id}),
                now,
            )
        )
        return _registration(row), True


async def decide_registration(
    db: Database,
    registration_id: int,
    actor_id: int,
    approve: bool,
    *,
    now: datetime | None = None,
) -> tuple[StoredRegistration | None, bool]:
    """Approve or refuse a pending request; return it and whether this call decided it.

    Approving makes the requester a reporter of the unit (an administrator keeps their role
    and gains the unit). Deciding twice (two administrators, a double press) decides once.
    """
    now = aware(now)
    state = "approved" if approve else "refused"
    async with db.write() as session:
        result = await session.execute(
            update(Registration)
            .where(Registration.id == registration_id, Registration.state == "pending")
            .values(state=state, decided_by=actor_id, decided_at=now)
        )
        row = await session.get(Registration, registration_id)
        if row is None:
            return None, False
        decided = bool(result.rowcount)  # type: ignore[attr-defined]
        if not decided:
            return _registration(row), False
        if approve:
            before = await _role(session, row.telegram_id)
            role = before.role if before.role == "admin" else "reporter"
            after = StoredRole(role, tuple(dict.fromkeys([*before.units, row.unit_id])))
            await _write_role(session, actor_id, row.telegram_id, after, now)
            session.add(
                audit_entry(
                    actor_id,
                    "role",
                    f"user:{row.telegram_id}",
                    _role_json(before),
                    _role_json(after),
                    now,
                )
            )
        session.add(audit_entry(actor_id, state, f"registration:{row.id}", "pending", state, now))
        return _registration(row), True


async def pending_registrations(db: Database) -> list[StoredRegistration]:
    """Return the requests waiting for a decision, oldest first."""
    async with db.transaction() as session:
        rows = await session.scalars(
            select(Registration).where(Registration.state == "pending").order_by(Registration.id)
        )
        return [_registration(row) for row in rows]


async def user_named(db: Database, username: str) -> int | None:
    """Return the Telegram id of a known user by username (without @, any case)."""
    async with db.transaction() as session:
        return await session.scalar(
            select(User.telegram_id).where(func.lower(User.username) == username.lower())
        )


async def users_with_role(db: Database, role: str) -> list[int]:
    """Return the users who have a role (stored, not from the settings)."""
    async with db.transaction() as session:
        return list(await session.scalars(select(Role.telegram_id).where(Role.role == role)))


async def reporters_of(db: Database, units: Sequence[str]) -> list[int]:
    """Return the reporters bound to any of these units."""
    async with db.transaction() as session:
        return list(
            await session.scalars(
                select(RoleUnit.telegram_id)
                .join(Role, Role.telegram_id == RoleUnit.telegram_id)
                .where(RoleUnit.unit_id.in_(list(units)), Role.role == "reporter")
                .distinct()
            )
        )


async def log_refusal(
    db: Database, actor_id: int | None, action: str, subject: str, *, now: datetime | None = None
) -> None:
    """Record an attempt refused for lack of a role."""
    async with db.write() as session:
        session.add(audit_entry(actor_id, "refused", subject, None, action, aware(now)))


async def audit_entries(
    db: Database, limit: int = 100
) -> list[tuple[datetime, int | None, str, str, str | None, str | None]]:
    """Return the latest audit entries, newest first."""
    async with db.transaction() as session:
        rows = await session.scalars(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        )
        return [(r.at, r.actor_id, r.action, r.subject, r.before, r.after) for r in rows]


def audit_entry(
    actor_id: int | None,
    action: str,
    subject: str,
    before: str | None,
    after: str | None,
    now: datetime,
) -> AuditEntry:
    """Return an audit entry to add in the same transaction as the change it records."""
    return AuditEntry(
        at=now, actor_id=actor_id, action=action, subject=subject, before=before, after=after
    )


async def _role(session: AsyncSession, telegram_id: int) -> StoredRole:
    role = await session.scalar(select(Role.role).where(Role.telegram_id == telegram_id))
    units = await session.scalars(
        select(RoleUnit.unit_id)
        .where(RoleUnit.telegram_id == telegram_id)
        .order_by(RoleUnit.unit_id)
    )
    return StoredRole(role, tuple(units))


async def _write_role(
    session: AsyncSession, actor_id: int | None, telegram_id: int, role: StoredRole, now: datetime
) -> None:
    await session.execute(delete(RoleUnit).where(RoleUnit.telegram_id == telegram_id))
    await session.execute(delete(Role).where(Role.telegram_id == telegram_id))
    if role.role is None:
        return
    session.add(Role(telegram_id=telegram_id, role=role.role, granted_by=actor_id, granted_at=now))
    for unit in role.units:
        session.add(RoleUnit(telegram_id=telegram_id, unit_id=unit))


def _role_json(role: StoredRole) -> str:
    return json.dumps({"role": role.role, "units": list(role.units)}, ensure_ascii=False)


def _registration(row: Registration) -> StoredRegistration:
    return StoredRegistration(row.id, row.telegram_id, row.unit_id, row.state, row.requested_at)
