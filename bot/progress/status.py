"""Where a figure stands: the province's value from the units' figures, and its status.

The rule (README, "Báo cáo số liệu"):

* The province's value of a ``cumulative`` figure (a count or an amount over the year) is
  the sum over units of each unit's latest figure; of a ``level``, ``growth`` or
  ``reduction`` figure it is the latest figure of any unit.
* **đạt** (met): the value meets the target with its comparator: "trên" strictly above,
  "dưới" strictly below, "bằng", "ít nhất" and "trở lên" at or above. A target set for each
  unit ("mỗi huyện ít nhất 1 trường") is met when every reporting unit meets it.
* **đúng tiến độ** (on track): a cumulative figure not yet met, at or above the share of the
  year elapsed at the end of the latest period counted (half the target at 30 June).
* **chậm** (behind): any other figure with data.
* **chưa có số liệu**: no unit has reported it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from bot.knowledge.schema import Figure
from bot.progress.model import StatusName, StoredSubmission


def latest_by_unit(submissions: Iterable[StoredSubmission]) -> dict[str, StoredSubmission]:
    """Return each unit's latest active figure (the latest period, then the latest sent)."""
    latest: dict[str, StoredSubmission] = {}
    for item in submissions:
        if not item.active:
            continue
        kept = latest.get(item.unit)
        if kept is None or _key(item) > _key(kept):
            latest[item.unit] = item
    return latest


def province_value(figure: Figure, latest: Sequence[StoredSubmission]) -> float | None:
    """Return the province's value of a figure from each unit's latest figure (None: no data)."""
    if not latest:
        return None
    if figure.progress is not None and figure.progress.kind == "cumulative":
        return sum(item.value for item in latest)
    return max(latest, key=_key).value


def meets(figure: Figure, value: float) -> bool:
    """Return whether a value meets the figure's target, its comparator taken into account."""
    target = figure.number
    if figure.comparator == "trên":
        return value > target
    if figure.comparator == "dưới":
        return value < target
    return value >= target


def elapsed_share(year: int, as_of: dt.date) -> float:
    """Return the share of the year elapsed at the end of ``as_of`` (0 to 1)."""
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return min(1.0, max(0.0, ((as_of - start).days + 1) / days))


def status_of(figure: Figure, latest: Sequence[StoredSubmission], year: int) -> StatusName:
    """Return a figure's status from each unit's latest figure."""
    value = province_value(figure, latest)
    if value is None:
        return "chưa có số liệu"
    progress = figure.progress
    if progress is not None and progress.per_unit:
        reported = {item.unit: item.value for item in latest}
        if all(meets(figure, reported.get(unit, 0.0)) for unit in progress.reporters):
            return "đạt"
    elif meets(figure, value):
        return "đạt"
    if progress is not None and progress.kind == "cumulative" and figure.comparator != "dưới":
        as_of = max(item.period.end for item in latest)
        target = figure.number * (len(progress.reporters) if progress.per_unit else 1)
        if value >= target * elapsed_share(year, as_of):
            return "đúng tiến độ"
    return "chậm"


def _key(item: StoredSubmission) -> tuple[dt.date, dt.datetime, int]:
    return (item.period.end, item.submitted_at, item.id)
