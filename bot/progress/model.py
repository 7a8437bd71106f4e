"""Value types of progress reports: periods, reported figures, what a message is read as."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ParseStatus = Literal["ok", "problem", "none"]


@dataclass(frozen=True, slots=True)
class Period:
    """The days a figure is reported for: it stands as at ``end``."""

    start: dt.date
    end: dt.date

    def as_json(self) -> dict[str, str]:
        """Return the period as the command line prints it."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True, slots=True)
class ReportedFigure:
    """One figure of a report message, understood and converted to the target's unit."""

    figure: str
    """The id of the resolution's figure."""
    label: str
    place: str
    """Where the target stands in the resolution ("II.1.3.(1)")."""
    value: float
    """In the unit of the figure as the resolution writes it."""
    text: str
    """The figure as the user wrote it ("80.200 tấn")."""
    unit: str
    """The unit of the resolution's figure ("%", "ngàn tấn")."""
    period: Period
    reporting_unit: str | None = None
    """The id of the unit the message names as reporting, if it names one."""
    reporting_unit_name: str | None = None
    target: str = ""
    """The figure as the resolution states it ("tăng trên 6,3%"), for comparison."""

    def as_json(self) -> dict[str, object]:
        """Return the figure as the command line prints it."""
        return {
            "figure": self.figure,
            "label": self.label,
            "place": self.place,
            "value": self.value,
            "text": self.text,
            "unit": self.unit,
            "period": self.period.as_json(),
            "reporting_unit": self.reporting_unit,
        }


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """What a message is understood as: figures to confirm, problems to fix, or no report."""

    message: str
    status: ParseStatus
    items: tuple[ReportedFigure, ...] = ()
    problems: tuple[str, ...] = ()
    """Each a Vietnamese sentence saying what to fix; the report cannot be saved as written."""
    warnings: tuple[str, ...] = field(default=())
    """Values to confirm rather than refuse (far from the target's range)."""

    def as_json(self) -> dict[str, object]:
        """Return the parse as ``resolution-bot progress parse --json`` prints it."""
        return {
            "message": self.message,
            "status": self.status,
            "items": [item.as_json() for item in self.items],
            "problems": list(self.problems),
            "warnings": list(self.warnings),
        }
