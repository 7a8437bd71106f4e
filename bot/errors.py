"""The project's own exceptions; each edge maps them in one place (CLI: one line and exit 2,
Telegram: a reply). ``str()`` of an error a user or operator can cause is Vietnamese.

ResolutionBotError
├── NumberFormatError     (not a number in the expected format; also a ValueError)
├── KnowledgeError        (a knowledge file cannot be loaded; carries every problem)
├── SettingsError         (configuration is missing or malformed, or the database unusable)
├── UsageError            (a command used the wrong way)
├── StorageError          (a database operation failed; the caller may retry)
└── UnknownItem           (an item id that the knowledge base does not have, e.g. an old button)
"""

from __future__ import annotations

from dataclasses import dataclass


class ResolutionBotError(Exception):
    """Base of every error this project raises on purpose."""


class NumberFormatError(ResolutionBotError, ValueError):
    """Not a number in the expected format."""

    def __init__(self, text: str) -> None:
        super().__init__(f"not a number: {text!r}")
        self.text = text


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a knowledge file, with where it is."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class KnowledgeError(ResolutionBotError):
    """A knowledge file is broken; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class SettingsError(ResolutionBotError):
    """The configuration is missing or malformed."""


class UsageError(ResolutionBotError):
    """A command was used the wrong way."""


class StorageError(ResolutionBotError):
    """A database operation failed."""


class UnknownItem(ResolutionBotError):
    """The knowledge base has no item with this id (a button from an older version)."""

    def __init__(self, item_id: str, year: int | None = None) -> None:
        where = f" trong nghị quyết năm {year}" if year is not None else ""
        super().__init__(f"Không có mục '{item_id}'{where}.")
        self.item_id = item_id
        self.year = year
