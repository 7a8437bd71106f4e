"""Who may do what: three roles, the actions each allows, and how commands name them.

* administrator: everything, including granting roles and exporting;
* reporter: reports figures for the units they are bound to, and reads progress;
* viewer: any registered cadre; reads progress.

A user with no role may still ask questions (that needs no registration).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RoleName = Literal["admin", "reporter", "viewer"]
Action = Literal["report", "view", "administer"]

#: The word of /quyen for each role (Vietnamese without diacritics, as commands are typed).
ROLE_WORDS: dict[str, RoleName] = {
    "admin": "admin",
    "quantri": "admin",
    "baocao": "reporter",
    "xem": "viewer",
}
#: How a role is named to users.
ROLE_TITLES: dict[RoleName, str] = {
    "admin": "quản trị",
    "reporter": "báo cáo",
    "viewer": "xem",
}
_ALLOWED: dict[RoleName, frozenset[Action]] = {
    "admin": frozenset({"report", "view", "administer"}),
    "reporter": frozenset({"report", "view"}),
    "viewer": frozenset({"view"}),
}
#: The role each action needs at least, to name it in a refusal.
NEEDED: dict[Action, RoleName] = {"report": "reporter", "view": "viewer", "administer": "admin"}


@dataclass(frozen=True, slots=True)
class Access:
    """A user's role and the units they report for."""

    telegram_id: int
    role: RoleName | None = None
    units: tuple[str, ...] = ()
    from_settings: bool = False
    """An administrator named in ``BOT_ADMIN_IDS`` (whose role no command can change)."""

    def may(self, action: Action) -> bool:
        """Return whether the user may do ``action``."""
        return self.role is not None and action in _ALLOWED[self.role]

    def reports_for(self, unit_id: str) -> bool:
        """Return whether the user may report for a unit (administrators for any)."""
        return self.role == "admin" or (self.role == "reporter" and unit_id in self.units)
