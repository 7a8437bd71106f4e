"""Value types of progress reports: periods, reported figures, what a message is read as."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

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
    note: str | None = None
    """The reporter's note ("số liệu ước"), kept with every figure of the message."""
    recognised: int = 0
    """How many figures of the resolution the message named (a problem may be elsewhere)."""

    def as_json(self) -> dict[str, object]:
        """Return the parse as ``resolution-bot progress parse --json`` prints it."""
        return {
            "message": self.message,
            "status": self.status,
            "items": [item.as_json() for item in self.items],
            "problems": list(self.problems),
            "warnings": list(self.warnings),
            "note": self.note,
        }


StatusName = Literal["đạt", "đúng tiến độ", "chậm", "chưa có số liệu"]


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """A saved figure, as the database keeps it."""

    id: int
    figure: str
    unit: str
    period: Period
    value: float
    text: str
    telegram_id: int
    submitted_at: dt.datetime
    note: str | None = None
    superseded_by: int | None = None
    withdrawn_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        """Return whether it counts: neither superseded nor withdrawn."""
        return self.superseded_by is None and self.withdrawn_at is None


@dataclass(frozen=True, slots=True)
class FigureStatus:
    """Where one figure of the resolution stands: its province value and status."""

    figure: str
    label: str
    place: str
    group: str
    """The title of its target group ("Về kinh tế")."""
    unit: str
    target: str
    """The figure as the resolution states it ("tăng trên 6,3%")."""
    target_value: float
    status: StatusName
    value: float | None = None
    """The province's value from the units' latest figures (None: no data)."""
    as_of: dt.date | None = None
    """The end of the latest period counted."""
    reported_at: dt.datetime | None = None
    reported_by: tuple[str, ...] = ()
    """Names of the units whose figures are counted."""
    latest: tuple[StoredSubmission, ...] = ()
    """The latest active figure of each unit."""


@dataclass(frozen=True, slots=True)
class Overview:
    """Every reported figure of a resolution with its status, in document order."""

    year: int
    as_of: dt.date
    figures: tuple[FigureStatus, ...]

    def as_json(self) -> dict[str, object]:
        """Return the overview as ``resolution-bot progress --json`` prints it."""
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "figures": [
                {
                    "figure": f.figure,
                    "label": f.label,
                    "place": f.place,
                    "group": f.group,
                    "target": f.target,
                    "unit": f.unit,
                    "status": f.status,
                    "value": f.value,
                    "as_of": f.as_of.isoformat() if f.as_of else None,
                    "reported_by": list(f.reported_by),
                }
                for f in self.figures
            ],
        }


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A confirmation card: whose, for which unit, what it holds, and its state."""

    id: str
    telegram_id: int
    chat_id: int
    unit_id: str
    year: int
    payload: dict[str, Any]
    state: str
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What pressing [Lưu] did: ``saved`` now, or the card's state when it was not pending."""

    state: str
    """``saved`` (by this press), ``already-saved``, ``cancelled``, ``expired`` or ``unknown``."""
    submissions: tuple[StoredSubmission, ...] = ()
