"""The chart of a target's progress (PNG) and the export of every figure sent (xlsx, CSV)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import logging
import struct
import warnings
from collections.abc import Mapping, Sequence

import openpyxl  # type: ignore[import-untyped]
import pytest

from bot.progress.chart import OTHER_UNITS, PROVINCE, chart_series, figure_chart
from bot.progress.export import (
    CSV_HEADER,
    GROUP_HEADER,
    SUMMARY_HEADER,
    overview_csv,
    overview_workbook,
    sheet_titles,
)
from bot.progress.model import FigureStatus, Overview, Period, StoredSubmission

UTC = dt.UTC
H1 = Period(dt.date(2020, 1, 1), dt.date(2020, 6, 30))
Q1 = Period(dt.date(2020, 1, 1), dt.date(2020, 3, 31))

ECONOMY = "Về kinh tế"
PARTY = "Về xây dựng Đảng: công tác cán bộ/đảng viên và hệ thống chính trị"

UNIT_NAMES = {"trung_khanh": "Huyện Trùng Khánh", "ha_quang": "Huyện Hà Quảng"}


def sent(
    id_: int,
    figure: str,
    unit: str,
    period: Period,
    value: float,
    text: str,
    hour: int,
    **extra: object,
) -> StoredSubmission:
    return StoredSubmission(
        id=id_,
        figure=figure,
        unit=unit,
        period=period,
        value=value,
        text=text,
        telegram_id=1_000_000 + id_,
        submitted_at=dt.datetime(2020, 7, 1, hour, 30, tzinfo=UTC),
        **extra,  # type: ignore[arg-type]
    )


SUBMISSIONS = (
    sent(1, "food", "trung_khanh", Q1, 25.5, "25,5 ngàn tấn", 1),
    sent(2, "food", "ha_quang", Q1, 18.0, "18 ngàn tấn", 2),
    sent(3, "food", "trung_khanh", H1, 60.0, "60 ngàn tấn", 3, superseded_by=4),
    sent(4, "food", "trung_khanh", H1, 61.25, "61,25 ngàn tấn", 4),
    sent(
        5,
        "food",
        "ha_quang",
        H1,
        40.0,
        "40 ngàn tấn",
        5,
        withdrawn_at=dt.datetime(2020, 7, 2, tzinfo=UTC),
    ),
    sent(6, "growth", "thanh_pho", H1, 3.5, "tăng 3,5%", 6),
    sent(7, "members", "trung_khanh", H1, 85.4, "85,4%", 7, note="Số liệu sơ bộ"),
    sent(8, "members", "ha_quang", H1, 91.2, "91,2%", 8),
)
BY_ID = {item.id: item for item in SUBMISSIONS}

GROWTH = FigureStatus(
    figure="growth",
    label="Tốc độ tăng trưởng kinh tế (GRDP)",
    place="II.1.1.(1)",
    group=ECONOMY,
    unit="%",
    target="tăng trên 6,3%",
    target_value=6.3,
    status="chậm",
    value=3.5,
    as_of=H1.end,
    reported_by=("thanh_pho",),
    latest=(BY_ID[6],),
)
FOOD = FigureStatus(
    figure="food",
    label="Tổng sản lượng lương thực có hạt",
    place="II.1.1.(4)",
    group=ECONOMY,
    unit="ngàn tấn",
    target="đạt 150 ngàn tấn",
    target_value=150.0,
    status="đúng tiến độ",
    value=79.25,
    as_of=H1.end,
    reported_by=("Huyện Trùng Khánh", "Huyện Hà Quảng"),
    latest=(BY_ID[4], BY_ID[2]),
)
MEMBERS = FigureStatus(
    figure="members",
    label="Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ",
    place="II.1.3.(2)",
    group=PARTY,
    unit="%",
    target="trên 90%",
    target_value=90.0,
    status="đạt",
    value=91.2,
    as_of=H1.end,
    reported_by=("Huyện Trùng Khánh", "Huyện Hà Quảng"),
    latest=(BY_ID[7], BY_ID[8]),
)
OVERVIEW = Overview(year=2020, as_of=dt.date(2020, 7, 15), figures=(GROWTH, FOOD, MEMBERS))

NOT_COUNTED = {60.0, 40.0}
"""The values of the superseded and the withdrawn figure."""


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def render_quietly(
    caplog: pytest.LogCaptureFixture,
    status: FigureStatus,
    history: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
) -> bytes:
    """Render a chart; fail on any warning, glyph or font, from warnings or logging."""
    with (
        caplog.at_level(logging.WARNING, logger="matplotlib"),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        data = figure_chart(status, history, unit_names)
    messages = [str(warning.message) for warning in caught]
    messages += [record.getMessage() for record in caplog.records]
    assert not [m for m in messages if "missing from font" in m or "Glyph" in m], messages
    assert messages == []
    return data


# --- chart ----------------------------------------------------------------------------------


def test_the_chart_is_a_png_with_every_vietnamese_glyph(caplog: pytest.LogCaptureFixture) -> None:
    data = render_quietly(caplog, MEMBERS, SUBMISSIONS, UNIT_NAMES)
    assert data.startswith(b"\x89PNG")
    assert png_size(data) == (960, 720)  # 6.4×4.8 inches at 150 dpi


def test_a_cumulative_chart_with_many_units_is_a_png(caplog: pytest.LogCaptureFixture) -> None:
    history = [
        sent(100 + n, "food", f"xa_{n}", H1, float(n), f"{n} ngàn tấn", 9) for n in range(1, 13)
    ]
    names = {f"xa_{n}": f"Xã Đức Hồng số {n}" for n in range(1, 13)}
    status = dataclasses.replace(FOOD, value=78.0, latest=tuple(history))
    data = render_quietly(caplog, status, [*SUBMISSIONS, *history], {**UNIT_NAMES, **names})
    assert data.startswith(b"\x89PNG")


def test_the_chart_without_history_shows_the_target_only(caplog: pytest.LogCaptureFixture) -> None:
    status = dataclasses.replace(
        MEMBERS, status="chưa có số liệu", value=None, as_of=None, reported_by=(), latest=()
    )
    for history in ([], [BY_ID[3], BY_ID[5]]):  # nothing, or only figures that do not count
        drawn = chart_series(status, history, UNIT_NAMES)
        assert drawn.units == ()
        assert drawn.province is None
        data = render_quietly(caplog, status, history, UNIT_NAMES)
        assert data.startswith(b"\x89PNG")


def test_the_chart_draws_each_unit_and_the_sum_of_a_cumulative_figure() -> None:
    drawn = chart_series(FOOD, SUBMISSIONS, UNIT_NAMES)
    assert [(line.label, line.points) for line in drawn.units] == [
        ("Huyện Trùng Khánh", ((Q1.end, 25.5), (H1.end, 61.25))),
        ("Huyện Hà Quảng", ((Q1.end, 18.0),)),
    ]
    assert drawn.province is not None
    assert drawn.province.label == PROVINCE
    assert drawn.province.points == ((Q1.end, 43.5), (H1.end, 79.25))


def test_the_chart_of_a_level_figure_draws_the_latest_value() -> None:
    drawn = chart_series(MEMBERS, SUBMISSIONS, UNIT_NAMES)
    assert {line.label for line in drawn.units} == {"Huyện Trùng Khánh", "Huyện Hà Quảng"}
    assert drawn.province is not None
    assert drawn.province.points == ((H1.end, 91.2),)


def test_beyond_ten_units_the_smallest_are_summed() -> None:
    history = [
        sent(100 + n, "food", f"xa_{n}", H1, float(n), f"{n} ngàn tấn", 9) for n in range(1, 13)
    ]
    drawn = chart_series(FOOD, history, {})
    assert len(drawn.units) == 10
    assert [line.label for line in drawn.units[:9]] == [f"xa_{n}" for n in range(12, 3, -1)]
    assert drawn.units[-1].label == OTHER_UNITS
    assert drawn.units[-1].points == ((H1.end, 1.0 + 2.0 + 3.0),)


# --- workbook -------------------------------------------------------------------------------


def test_the_workbook_has_a_summary_and_a_sheet_per_group() -> None:
    book = openpyxl.load_workbook(io.BytesIO(overview_workbook(OVERVIEW, SUBMISSIONS, UNIT_NAMES)))
    assert book.sheetnames == ["Tổng hợp", "Về kinh tế", "Về xây dựng Đảng công tác cán b"]

    summary = book["Tổng hợp"]
    assert [cell.value for cell in summary[1]] == list(SUMMARY_HEADER)
    assert all(cell.font.bold for cell in summary[1])
    assert summary.freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=2)]
    assert [row[:6] for row in rows] == [
        ["II.1.1.(1)", ECONOMY, GROWTH.label, "tăng trên 6,3%", 3.5, "%"],
        ["II.1.1.(4)", ECONOMY, FOOD.label, "đạt 150 ngàn tấn", 79.25, "ngàn tấn"],
        ["II.1.3.(2)", PARTY, MEMBERS.label, "trên 90%", 91.2, "%"],
    ]
    assert [row[7:] for row in rows][1] == ["đúng tiến độ", "Huyện Trùng Khánh, Huyện Hà Quảng"]
    assert rows[0][6] == dt.datetime(2020, 6, 30)
    assert summary["G2"].number_format == "dd/mm/yyyy"
    assert summary["E2"].number_format == "General"


def test_a_group_sheet_holds_the_active_figures_as_numbers() -> None:
    book = openpyxl.load_workbook(io.BytesIO(overview_workbook(OVERVIEW, SUBMISSIONS, UNIT_NAMES)))
    economy = book["Về kinh tế"]
    assert [cell.value for cell in economy[1]] == list(GROUP_HEADER)
    assert all(cell.font.bold for cell in economy[1])
    assert economy.freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in economy.iter_rows(min_row=2)]
    assert [(row[0], row[2], row[5]) for row in rows] == [
        ("II.1.1.(1)", "thanh_pho", 3.5),  # a unit without a name: its id
        ("II.1.1.(4)", "Huyện Hà Quảng", 18),
        ("II.1.1.(4)", "Huyện Trùng Khánh", 25.5),
        ("II.1.1.(4)", "Huyện Trùng Khánh", 61.25),
    ]
    assert all(isinstance(row[5], int | float) for row in rows)
    assert not NOT_COUNTED & {row[5] for row in rows}
    assert all(economy.cell(row, 6).number_format == "General" for row in range(2, 6))
    last = rows[-1]
    assert last[3:5] == [dt.datetime(2020, 1, 1), dt.datetime(2020, 6, 30)]
    assert last[6:10] == ["ngàn tấn", "61,25 ngàn tấn", None, 1_000_004]
    assert last[10] == dt.datetime(2020, 7, 1, 11, 30)  # 04:30 UTC in Asia/Ho_Chi_Minh
    assert last[11] == "đúng tiến độ"
    assert economy["D2"].number_format == "dd/mm/yyyy"
    assert economy["K2"].number_format == "dd/mm/yyyy hh:mm"
    assert economy.column_dimensions["B"].width > economy.column_dimensions["A"].width

    party = book.worksheets[2]
    rows = [[cell.value for cell in row] for row in party.iter_rows(min_row=2)]
    assert [(row[2], row[5], row[8]) for row in rows] == [
        ("Huyện Hà Quảng", 91.2, None),
        ("Huyện Trùng Khánh", 85.4, "Số liệu sơ bộ"),
    ]


def test_sheet_titles_are_valid_and_distinct() -> None:
    groups = [
        PARTY,
        PARTY + " (tiếp)",
        "Tổng hợp",
        "[Văn hóa]* xã hội?",
        "'Quốc phòng'",
        "",
        "a" * 40,
        "A" * 40,
    ]
    titles = sheet_titles(groups)
    assert len(set(title.casefold() for title in [*titles, "Tổng hợp"])) == len(groups) + 1
    for title in titles:
        assert 0 < len(title) <= 31
        assert not set("[]:*?/\\") & set(title)
        assert title == title.strip().strip("'")
    assert titles[3] == "Văn hóa xã hội"
    assert titles[4] == "Quốc phòng"

    book = openpyxl.Workbook()
    for title in titles:
        book.create_sheet(title)  # openpyxl refuses an invalid title
    assert book.sheetnames[1:] == titles


# --- CSV ------------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_active_figure() -> None:
    data = overview_csv(OVERVIEW, SUBMISSIONS, UNIT_NAMES)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(CSV_HEADER)
    assert rows[0][:3] == ["Mục", "Nhóm", "Chỉ tiêu"]
    assert [(row[1], row[3], row[6]) for row in rows[1:]] == [
        (ECONOMY, "thanh_pho", "3.5"),
        (ECONOMY, "Huyện Hà Quảng", "18"),
        (ECONOMY, "Huyện Trùng Khánh", "25.5"),
        (ECONOMY, "Huyện Trùng Khánh", "61.25"),
        (PARTY, "Huyện Hà Quảng", "91.2"),
        (PARTY, "Huyện Trùng Khánh", "85.4"),
    ]
    assert rows[4] == [
        "II.1.1.(4)",
        ECONOMY,
        "Tổng sản lượng lương thực có hạt",
        "Huyện Trùng Khánh",
        "01/01/2020",
        "30/06/2020",
        "61.25",
        "ngàn tấn",
        "61,25 ngàn tấn",
        "",
        "1000004",
        "01/07/2020 11:30",
        "đúng tiến độ",
    ]
    assert rows[6][9] == "Số liệu sơ bộ"
