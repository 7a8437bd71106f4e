"""Report messages as text: what was understood (before the card), or what to fix."""

from __future__ import annotations

import calendar

from bot.progress.model import ParsedReport, Period, ReportedFigure
from bot.vietnamese.numbers import format_vietnamese_number

HOW_TO_REPORT = (
    "Để báo cáo số liệu, đồng chí gõ: cập nhật <chỉ tiêu> <số liệu> [kỳ], "
    "ví dụ “cập nhật che phủ rừng 54,2% tháng 6”."
)


def report_lines(parsed: ParsedReport) -> list[str]:
    """Return the lines that tell a reporter what their message was understood as."""
    if parsed.status == "none":
        return ["Tin nhắn này không phải báo cáo số liệu.", HOW_TO_REPORT]
    if parsed.status == "problem":
        return [
            "Chưa lưu được số liệu trong tin nhắn này:",
            *(f"- {problem}" for problem in parsed.problems),
        ]
    count = len(parsed.items)
    heading = f"Đã hiểu {count} số liệu" if count > 1 else "Đã hiểu số liệu"
    lines = [f"{heading} (chưa lưu):"]
    for number, item in enumerate(parsed.items, 1):
        lines.append(f"{number}. {figure_line(item)}")
    lines += [f"Lưu ý: {warning}" for warning in parsed.warnings]
    return lines


def figure_line(item: ReportedFigure) -> str:
    """Return one reported figure in a line: what, how much, when, who, against the target."""
    amount = format_vietnamese_number(item.value)
    unit = item.unit
    value = f"{amount}{unit}" if unit in {"%", "‰"} else f"{amount} {unit}".strip()
    parts = [f"{item.label} (mục {item.place}): {value}", f"kỳ {period_text(item.period)}"]
    if item.reporting_unit_name:
        parts.append(f"đơn vị {item.reporting_unit_name}")
    if item.target:
        parts.append(f"chỉ tiêu năm: {item.target}")
    return " — ".join(parts)


def period_text(period: Period) -> str:
    """Return a period as users read it: "tháng 6/2020", "01/01–30/06/2020"."""
    start, end = period.start, period.end
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end.day == last:
        return f"tháng {start.month}/{start.year}"
    return f"{start:%d/%m}–{end:%d/%m/%Y}"
