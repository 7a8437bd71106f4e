"""Who may do what, as stored: roles, reporting units, /dangky requests and their decisions.

Administrators named in ``BOT_ADMIN_IDS`` are administrators from the first start, and no
command changes that; every other role is in the database. Each change is written with its
audit entry in one transaction (:mod:`bot.storage.repositories.access`).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.access.roles import Access, Action, RoleName
from bot.storage import Database
from bot.storage.repositories import access as store


class AccessService:
    """Look up and change who may do what."""

    def __init__(self, db: Database, admin_ids: Iterable[int]) -> None:
        self.db = db
        self.admin_ids = frozenset(admin_ids)

    async def access_of(self, telegram_id: int) -> Access:
        """Return a user's role and units."""
        stored = await store.role_of(self.db, telegram_id)
        if telegram_id in self.admin_ids:
            return Access(telegram_id, "admin", stored.units, from_settings=True)
        role: RoleName | None = stored.role  # type: ignore[assignment]
        return Access(telegram_id, role, stored.units)

    async def grant(
        self, actor_id: int, telegram_id: int, role: RoleName | None, units: tuple[str, ...]
    ) -> tuple[Access, Access]:
        """Give a user a role (None: take it away); return the access before and after."""
        before, after = await store.set_role(self.db, actor_id, telegram_id, role, units)
        return (
            Access(telegram_id, before.role, before.units),  # type: ignore[arg-type]
            Access(telegram_id, after.role, after.units),  # type: ignore[arg-type]
        )

    async def administrators(self) -> list[int]:
        """Return every administrator: from the settings, then those granted the role."""
        stored = await store.users_with_role(self.db, "admin")
        return sorted(self.admin_ids | set(stored))

    async def user_named(self, username: str) -> int | None:
        """Return the id of a known user by @username."""
        return await store.user_named(self.db, username.removeprefix("@"))

    async def register(self, telegram_id: int, unit_id: str) -> tuple[int, bool]:
        """Record a request to report for a unit; return its number and whether it is new."""
        registration, new = await store.add_registration(self.db, telegram_id, unit_id)
        return registration.id, new

    async def decide(
        self, registration_id: int, actor_id: int, approve: bool
    ) -> tuple[store.StoredRegistration | None, bool]:
        """Approve or refuse a request once; return it and whether this call decided it."""
        return await store.decide_registration(self.db, registration_id, actor_id, approve)

    async def pending(self) -> list[store.StoredRegistration]:
        """Return the requests waiting for a decision, oldest first."""
        return await store.pending_registrations(self.db)

    async def reporters(self, units: Iterable[str] | None = None) -> list[int]:
        """Return the reporters (of some units, or all of them)."""
        if units is None:
            return await store.users_with_role(self.db, "reporter")
        return await store.reporters_of(self.db, list(units))

    async def admits(self, telegram_id: int, action: Action, subject: str) -> bool:
        """Return whether a user may do ``action``; a refusal is recorded in the audit log."""
        if (await self.access_of(telegram_id)).may(action):
            return True
        await self.refused(telegram_id, action, subject)
        return False

    async def refused(self, actor_id: int | None, action: str, subject: str) -> None:
        """Record an attempt refused for lack of a role."""
        await store.log_refusal(self.db, actor_id, action, subject)
