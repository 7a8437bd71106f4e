"""Report messages as text: what was understood (before the card), or what to fix."""

from __future__ import annotations

import calendar
import datetime as dt

from bot.progress.model import (
    FigureStatus,
    Overview,
    ParsedReport,
    Period,
    ReportedFigure,
    StoredSubmission,
)
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


STATUS_MARKS = {
    "đạt": "✅",
    "đúng tiến độ": "🟢",
    "chậm": "🔴",
    "chưa có số liệu": "⚪",
}


def amount_text(value: float, unit: str) -> str:
    """Return an amount as the resolution writes it: "54,2%", "1.600 tỷ đồng"."""
    number = format_vietnamese_number(round(value, 4))
    return f"{number}{unit}" if unit in {"%", "‰"} or not unit else f"{number} {unit}"


def card_lines(
    items: list[dict[str, object]],
    unit_name: str,
    previous: list[str | None],
    warnings: list[str],
    note: str | None = None,
) -> list[str]:
    """Return the text of a confirmation card: each figure, the unit, the comparison."""
    lines = ["Xác nhận số liệu báo cáo (chưa lưu):", f"Đơn vị: {unit_name}"]
    for number, item in enumerate(items, 1):
        period = item["period"]
        assert isinstance(period, dict)
        span = period_text(Period(_date(period["start"]), _date(period["end"])))
        value = amount_text(float(str(item["value"])), str(item["unit"]))
        lines.append(f"{number}. {item['label']} (mục {item['place']})")
        lines.append(f"   Số liệu: {value} — kỳ {span} (đã gửi: “{item['text']}”)")
        lines.append(f"   Chỉ tiêu năm: {item['target']}")
        before = previous[number - 1]
        if before:
            lines.append(f"   Lần báo cáo trước: {before}")
    if note:
        lines.append(f"Ghi chú: {note}")
    lines += [f"⚠ {warning}" for warning in warnings]
    lines.append("Bấm Lưu để lưu, Sửa để gửi lại số liệu khác, Huỷ để bỏ.")
    return lines


def previous_text(item: StoredSubmission, time_zone: dt.tzinfo) -> str:
    """Return a unit's previous figure for a card: "53,9% (tháng 5/2020, gửi 12/06)"."""
    sent = item.submitted_at.astimezone(time_zone)
    return f"{item.text} ({period_text(item.period)}, gửi {sent:%d/%m})"


def overview_lines(overview: Overview) -> list[str]:
    """Return /tiendo: every figure with its status mark, latest value, when and by whom."""
    counts = {name: 0 for name in STATUS_MARKS}
    lines = [f"Tiến độ thực hiện các chỉ tiêu năm {overview.year}:"]
    group = None
    for figure in overview.figures:
        counts[figure.status] += 1
        if figure.group != group:
            group = figure.group
            lines.append(f"— {group} —")
        lines.append(f"{STATUS_MARKS[figure.status]} {status_line(figure)}")
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    lines.append(f"Tổng: {summary}.")
    lines.append("Gõ /tiendo <chỉ tiêu> để xem từng đơn vị, lịch sử và biểu đồ.")
    return lines


def status_line(figure: FigureStatus) -> str:
    """Return one figure's line: label, value against the target, status, when, who."""
    if figure.value is None:
        return f"{figure.label}: chưa có số liệu (chỉ tiêu {figure.target})"
    value = amount_text(figure.value, figure.unit)
    when = f"đến {figure.as_of:%d/%m}" if figure.as_of else ""
    who = ", ".join(figure.reported_by[:3]) + ("…" if len(figure.reported_by) > 3 else "")
    return f"{figure.label}: {value} / {figure.target} — {figure.status} ({when}; {who})"


def figure_detail_lines(
    figure: FigureStatus,
    history: list[StoredSubmission],
    unit_names: dict[str, str],
    time_zone: dt.tzinfo,
) -> list[str]:
    """Return /tiendo <chỉ tiêu>: status, each unit's latest figure, and the history."""
    lines = [
        f"{STATUS_MARKS[figure.status]} {figure.label} (mục {figure.place})",
        f"Chỉ tiêu năm: {figure.target} — trạng thái: {figure.status}",
    ]
    if figure.value is not None:
        lines.append(f"Toàn tỉnh: {amount_text(figure.value, figure.unit)}")
    if figure.latest:
        lines.append("Theo đơn vị (số mới nhất):")
        lines += [
            f"• {unit_names.get(s.unit, s.unit)}: {amount_text(s.value, figure.unit)}"
            f" ({period_text(s.period)}, gửi {s.submitted_at.astimezone(time_zone):%d/%m})"
            for s in figure.latest
        ]
    if history:
        lines.append("Lịch sử báo cáo:")
        for s in history[-15:]:
            mark = " (đã rút)" if s.withdrawn_at else " (đã thay)" if s.superseded_by else ""
            lines.append(
                f"• {s.submitted_at.astimezone(time_zone):%d/%m %H:%M} "
                f"{unit_names.get(s.unit, s.unit)}: "
                f"{amount_text(s.value, figure.unit)} — {period_text(s.period)}{mark}"
            )
    return lines


def _date(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value))
