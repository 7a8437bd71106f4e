"""Value types of broadcasts: recipients, what a send came to, and a broadcast's report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Recipient:
    """A chat a broadcast goes to: a user's private chat or a group."""

    chat_id: int
    is_group: bool = False


@dataclass(frozen=True, slots=True)
class Sent:
    """The message was delivered."""


@dataclass(frozen=True, slots=True)
class Blocked:
    """The recipient blocked the bot, left, or was deactivated (403): never retried."""

    reason: str


@dataclass(frozen=True, slots=True)
class RetryLater:
    """Telegram asked to wait (429 with ``retry_after``)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Failed:
    """The send failed: a network error or a 5xx (``transient``), or a refusal."""

    reason: str
    transient: bool


Outcome = Sent | Blocked | RetryLater | Failed


class Sender(Protocol):
    """Sends one broadcast message (the Telegram edge implements it)."""

    #: Sends it can have in flight at once (its connections): the worker never starts more,
    #: so none waits inside the sender past its pace.
    lanes: int

    async def send(self, chat_id: int, text: str) -> Outcome:
        """Send HTML ``text`` to a chat; never raise for Telegram's answers."""


@dataclass(frozen=True, slots=True)
class Claimed:
    """An outbox row claimed by a worker: whom to send what."""

    id: int
    broadcast_id: int
    chat_id: int
    is_group: bool
    text: str
    attempts: int
    paid: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    """What became of a claimed row: its new state, and when to try again if pending."""

    id: int
    state: str
    attempts: int
    error: str | None = None
    next_try_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class BroadcastReport:
    """A broadcast and its recipients counted by state."""

    id: int
    kind: str
    audience: str
    state: str
    total: int
    created_at: dt.datetime
    counts: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    report_chat_id: int | None = None
    report_message_id: int | None = None
    text: str = ""

    @property
    def done(self) -> int:
        """Return how many recipients have an outcome (sent, blocked or failed)."""
        return sum(self.counts.get(state, 0) for state in ("sent", "blocked", "failed"))

    def as_json(self) -> dict[str, object]:
        """Return the broadcast as ``resolution-bot outbox --json`` prints it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "audience": self.audience,
            "state": self.state,
            "total": self.total,
            "created_at": self.created_at.isoformat(),
            "counts": dict(self.counts),
            "errors": dict(self.errors),
        }
