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
