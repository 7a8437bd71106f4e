"""The project's own exceptions; the CLI and the handlers turn them into friendly replies.

ResolutionBotError
├── NumberFormatError
├── KnowledgeError        (a knowledge file cannot be loaded; carries every problem)
└── SettingsError         (configuration is missing or malformed)
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
