"""Styled lines: what the core says, before an edge renders it (plain text or Telegram HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Style = Literal["bold", "plain", "italic", "quote"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a reply and how it should look."""

    style: Style
    text: str


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a reply: what it says, and what pressing it asks the core to do."""

    label: str
    action: str
    """What the core does when it is pressed ("save", "approve" …)."""
    value: str
    """What it acts on (a card's id, a request's number)."""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply: a chart (``photo``) or an export (``document``)."""

    kind: Literal["photo", "document"]
    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers to a command or a button: text, buttons, a file, and notices.

    ``notices`` go to other users (the administrators told of a request, a requester told
    its outcome); ``menus`` lists users whose role changed, so the edge updates their
    command menu.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None
    notices: tuple[Notice, ...] = ()
    menus: tuple[int, ...] = ()
    html: bool = False
    """``text`` is Telegram HTML already (a broadcast's own formatting), not plain text."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for another user than the one who acted."""

    telegram_id: int
    reply: Reply
