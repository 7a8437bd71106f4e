"""The progress of a resolution as files: an Excel workbook and a CSV of every figure sent.

Pure: values in, bytes out. openpyxl is imported inside :func:`overview_workbook` only, for
the cold start of every other command.

The workbook's first sheet ("Tổng hợp") has one row per figure of the overview with its
province value and status; then one sheet per target group with one row per active figure
sent for that group's targets. The CSV holds the rows of every group sheet, with the group
as a column. Superseded and withdrawn figures are left out, and so are figures sent for a
target the overview does not list (there is no group to put them in).

Rows of a group come in the overview's order of targets, then by the end of the period,
the unit's name and when the figure was sent.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.progress.model import FigureStatus, Overview, StoredSubmission

TIME_ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
"""Where the figures' senders are: the time a figure was sent is shown there."""

SUMMARY_SHEET = "Tổng hợp"
SUMMARY_HEADER = (
    "Mục",
    "Nhóm",
    "Chỉ tiêu",
    "Chỉ tiêu năm",
    "Giá trị toàn tỉnh",
    "Đơn vị tính",
    "Đến ngày",
    "Trạng thái",
    "Đơn vị báo cáo",
)
GROUP_HEADER = (
    "Mục",
    "Chỉ tiêu",
    "Đơn vị",
    "Kỳ từ",
    "Kỳ đến",
    "Giá trị",
    "Đơn vị tính",
    "Như đã gửi",
    "Ghi chú",
    "Người gửi",
    "Lúc gửi",
    "Trạng thái",
)
CSV_HEADER = ("Mục", "Nhóm", *GROUP_HEADER[1:])

#: "General" shows 80200 and 54.2 as they are ("#,##0.###" would show "80,200.").
VALUE_FORMAT = "General"
DATE_FORMAT = "dd/mm/yyyy"
TIME_FORMAT = "dd/mm/yyyy hh:mm"
ID_FORMAT = "0"
"""Telegram ids in full, never as 1,23E+09."""

SHEET_TITLE_LENGTH = 31
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
_RESERVED_TITLES = {"history"}
"""Excel keeps this sheet name for itself."""
_MIN_WIDTH, _MAX_WIDTH = 8, 50

Cell = str | float | int | dt.date | dt.datetime | None


@dataclass(frozen=True, slots=True)
class SubmissionRow:
    """One active figure sent, with its target, as a row of a group sheet or of the CSV."""

    place: str
    group: str
    label: str
    unit_name: str
    start: dt.date
    end: dt.date
    value: float
    unit: str
    text: str
    note: str
    telegram_id: int
    submitted_at: dt.datetime
    """Naive, in the export's time zone (Excel has no time zones)."""
    status: str

    def cells(self) -> tuple[Cell, ...]:
        """Return the row as the group sheet's columns (:data:`GROUP_HEADER`)."""
        return (
            self.place,
            self.label,
            self.unit_name,
            self.start,
            self.end,
            self.value,
            self.unit,
            self.text,
            self.note,
            self.telegram_id,
            self.submitted_at,
            self.status,
        )

    def csv_cells(self) -> list[str]:
        """Return the row as the CSV's columns (:data:`CSV_HEADER`), as text."""
        return [
            self.place,
            self.group,
            self.label,
            self.unit_name,
            f"{self.start:%d/%m/%Y}",
            f"{self.end:%d/%m/%Y}",
            _plain_number(self.value),
            self.unit,
            self.text,
            self.note,
            str(self.telegram_id),
            f"{self.submitted_at:%d/%m/%Y %H:%M}",
            self.status,
        ]


def submission_rows(
    overview: Overview,
    submissions: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
    *,
    time_zone: dt.tzinfo = TIME_ZONE,
) -> list[SubmissionRow]:
    """Return a row per active figure sent for a target of the overview, in export order."""
    order = {status.figure: number for number, status in enumerate(overview.figures)}
    statuses = {status.figure: status for status in overview.figures}
    kept = [item for item in submissions if item.active and item.figure in statuses]
    rows = [
        (order[item.figure], item, _row(statuses[item.figure], item, unit_names, time_zone))
        for item in kept
    ]
    rows.sort(key=lambda row: (row[0], row[1].period.end, row[2].unit_name, row[2].submitted_at))
    return [row for _, _, row in rows]


def sheet_titles(groups: Sequence[str]) -> list[str]:
    """Return a valid, distinct Excel sheet title for each group, after "Tổng hợp".

    At most 31 characters, none of ``[]:*?/\\``, not starting or ending with an apostrophe,
    and distinct regardless of case (as Excel compares them).
    """
    taken = {SUMMARY_SHEET.casefold(), *_RESERVED_TITLES}
    titles = []
    for group in groups:
        base = " ".join(group.translate(_SHEET_FORBIDDEN).split()) or "Nhóm"
        title = _cut(base, SHEET_TITLE_LENGTH)
        copy = 2
        while title.casefold() in taken:
            suffix = f" ({copy})"
            title = _cut(base, SHEET_TITLE_LENGTH - len(suffix)) + suffix
            copy += 1
        taken.add(title.casefold())
        titles.append(title)
    return titles


def overview_workbook(
    overview: Overview,
    submissions: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
    *,
    time_zone: dt.tzinfo = TIME_ZONE,
) -> bytes:
    """Return an .xlsx of the overview: "Tổng hợp", then one sheet per target group."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    _write(
        summary,
        SUMMARY_HEADER,
        [_summary_cells(status) for status in overview.figures],
        formats={5: VALUE_FORMAT, 7: DATE_FORMAT},
    )

    groups = list(dict.fromkeys(status.group for status in overview.figures))
    rows = submission_rows(overview, submissions, unit_names, time_zone=time_zone)
    for group, title in zip(groups, sheet_titles(groups), strict=True):
        _write(
            workbook.create_sheet(title),
            GROUP_HEADER,
            [row.cells() for row in rows if row.group == group],
            formats={4: DATE_FORMAT, 5: DATE_FORMAT, 6: VALUE_FORMAT, 10: ID_FORMAT},
            time_format=TIME_FORMAT,
        )

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def overview_csv(
    overview: Overview,
    submissions: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
    *,
    time_zone: dt.tzinfo = TIME_ZONE,
) -> bytes:
    """Return a CSV (UTF-8 with BOM, for Excel) with a row per active figure sent."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in submission_rows(overview, submissions, unit_names, time_zone=time_zone):
        writer.writerow(row.csv_cells())
    return buffer.getvalue().encode("utf-8-sig")


def _row(
    status: FigureStatus,
    item: StoredSubmission,
    unit_names: Mapping[str, str],
    time_zone: dt.tzinfo,
) -> SubmissionRow:
    sent = item.submitted_at
    if sent.tzinfo is None:  # storage reads times back in UTC; a naive one is taken as such
        sent = sent.replace(tzinfo=dt.UTC)
    return SubmissionRow(
        place=status.place,
        group=status.group,
        label=status.label,
        unit_name=unit_names.get(item.unit, item.unit),
        start=item.period.start,
        end=item.period.end,
        value=item.value,
        unit=status.unit,
        text=item.text,
        note=item.note or "",
        telegram_id=item.telegram_id,
        submitted_at=sent.astimezone(time_zone).replace(tzinfo=None, second=0, microsecond=0),
        status=status.status,
    )


def _summary_cells(status: FigureStatus) -> tuple[Cell, ...]:
    return (
        status.place,
        status.group,
        status.label,
        status.target,
        status.value,
        status.unit,
        status.as_of,
        status.status,
        ", ".join(status.reported_by),
    )


def _write(
    sheet: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    formats: Mapping[int, str],
    time_format: str = TIME_FORMAT,
) -> None:
    """Write a table: bold frozen header, number formats by column (1-based), widths."""
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for values in rows:
        sheet.append(list(values))
    widths = [len(name) for name in header]
    for row in sheet.iter_rows(min_row=2):
        for column, cell in enumerate(row, 1):
            if column in formats and cell.value is not None:
                cell.number_format = formats[column]
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = time_format
            text = _shown(cell.value)
            widths[column - 1] = max(widths[column - 1], len(text))
            if len(text) > _MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(widths, 1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(_MAX_WIDTH, max(_MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"


def _shown(value: Cell) -> str:
    """Return about what Excel shows for a cell, to size its column."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0")
    return str(value)


def _plain_number(value: float) -> str:
    """Return a number as a spreadsheet reads it whatever its locale: "80200", "54.2"."""
    return str(int(value)) if value.is_integer() else repr(value)


def _cut(text: str, length: int) -> str:
    """Return text cut to ``length`` characters, without edge spaces or apostrophes."""
    return text[:length].strip().strip("'").strip() or "Nhóm"
