"""Reporting periods and amounts as unit heads write them (tables)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.progress.amounts import amounts_in, in_figure_unit, unit_of_figure
from bot.progress.periods import current_month, find_periods
from bot.progress.spoken import digits_for_report_words
from bot.vietnamese.text import fold_diacritics

TODAY = dt.date(2020, 7, 15)

PERIODS = [
    ("tháng 6", "2020-06-01", "2020-06-30"),
    ("thang 2", "2020-02-01", "2020-02-29"),
    ("T6", "2020-06-01", "2020-06-30"),
    ("th12", "2020-12-01", "2020-12-31"),
    ("tháng 6/2019", "2019-06-01", "2019-06-30"),
    ("tháng 06 năm 2020", "2020-06-01", "2020-06-30"),
    ("quý II", "2020-04-01", "2020-06-30"),
    ("quy 3", "2020-07-01", "2020-09-30"),
    ("quý IV/2020", "2020-10-01", "2020-12-31"),
    ("6 tháng đầu năm", "2020-01-01", "2020-06-30"),
    ("6 tháng đầu năm 2019", "2019-01-01", "2019-06-30"),
    ("9 tháng", "2020-01-01", "2020-09-30"),
    ("đến 30/6", "2020-01-01", "2020-06-30"),
    ("tính đến ngày 15/9/2020", "2020-01-01", "2020-09-15"),
    ("cả năm", "2020-01-01", "2020-12-31"),
    ("năm 2021", "2021-01-01", "2021-12-31"),
    ("từ đầu năm đến nay", "2020-01-01", "2020-07-15"),
]


@pytest.mark.parametrize(("text", "start", "end"), PERIODS)
def test_a_period_is_read_as_written(text: str, start: str, end: str) -> None:
    found = find_periods(fold_diacritics(text), 2020, TODAY)
    assert len(found) == 1
    assert (found[0].period.start.isoformat(), found[0].period.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["đạt 54,2%", "bác sỹ/vạn dân 14,9 tháng", "tháng 13", "đến 31/2", "kết nạp 120 đảng viên"],
)
def test_no_period_is_read_where_none_is_written(text: str) -> None:
    assert find_periods(fold_diacritics(text), 2020, TODAY) == []


def test_the_default_period_is_the_current_month() -> None:
    period = current_month(dt.date(2020, 2, 10))
    assert (period.start, period.end) == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))


SPOKEN = [
    ("tháng sáu", "tháng 6"),
    ("quý hai", "quý 2"),
    ("sáu tháng đầu năm", "6 tháng đầu năm"),
    ("hai xã", "2 xã"),
    ("bốn xã đạt NTM", "4 xã đạt NTM"),
    ("tháng tư", "tháng 4"),
    ("tháng giêng", "tháng 1"),
    ("tháng sau", "tháng sau"),
    ("đầu tư", "đầu tư"),
    ("năm nay", "năm nay"),
    ("ba chỉ tiêu", "ba chỉ tiêu"),
]


@pytest.mark.parametrize(("text", "digits"), SPOKEN)
def test_a_lone_spoken_number_in_a_report_position_is_a_number(text: str, digits: str) -> None:
    assert digits_for_report_words(text) == digits


AMOUNTS = [
    ("54,2%", "%", 54.2),
    ("54.2%", "%", 54.2),
    ("80.200 tấn", "ngàn tấn", 80.2),
    ("276 nghìn tấn", "ngàn tấn", 276.0),
    ("1,2 tỷ", "triệu đồng", 1200.0),
    ("350 tỷ", "tỷ đồng", 350.0),
    ("1,85 nghìn tỷ", "tỷ đồng", 1850.0),
    ("2,1 tỷ USD", "triệu USD", 2100.0),
    ("600 triệu đô", "triệu USD", 600.0),
    ("1.234,5", "tỷ đồng", 1234.5),
    ("1,234.5", "tỷ đồng", 1234.5),
    ("0,05‰", "‰", 0.05),
    ("35 đảng viên", "đảng viên", 35.0),
]


@pytest.mark.parametrize(("text", "unit", "value"), AMOUNTS)
def test_an_amount_is_converted_into_the_figures_unit(text: str, unit: str, value: float) -> None:
    (amount,) = amounts_in(fold_diacritics(text))
    assert in_figure_unit(amount.value, amount.unit, unit_of_figure(unit)) == pytest.approx(value)
