"""Reminder schedules: phrases, and next firings as a table (month ends, leap years, skips)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from bot.outbox.schedule import Rule, ScheduleError, describe, next_fire, parse_schedule

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2020, 7, 15)  # a Wednesday


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


# phrase, the moment after which, the next firing (local time)
TABLE = [
    ("ngày 25 hằng tháng lúc 8:00", "2020-07-15 09:00", "2020-07-25 08:00"),
    ("ngày 25 hằng tháng lúc 8:00", "2020-07-25 08:00", "2020-08-25 08:00"),
    ("ngay 25 hang thang 8h", "2020-12-26 00:00", "2021-01-25 08:00"),
    ("ngày 31 hằng tháng 8h", "2020-04-01 00:00", "2020-04-30 08:00"),
    ("ngày 31 hằng tháng 8h", "2020-02-01 00:00", "2020-02-29 08:00"),  # leap year
    ("ngày 31 hằng tháng 8h", "2021-02-01 00:00", "2021-02-28 08:00"),
    ("ngày 30 hàng tháng 17h30", "2020-02-29 18:00", "2020-03-30 17:30"),
    ("thứ Hai hằng tuần 7:30", "2020-07-15 09:00", "2020-07-20 07:30"),
    ("thu 2 hang tuan 7h30", "2020-07-20 07:29", "2020-07-20 07:30"),
    ("mỗi thứ sáu lúc 4 giờ chiều", "2020-07-17 16:00", "2020-07-24 16:00"),
    ("chủ nhật hằng tuần 9h tối", "2020-07-15 00:00", "2020-07-19 21:00"),
    ("hằng ngày 17h", "2020-07-15 17:00", "2020-07-16 17:00"),
    ("8 giờ sáng thứ sáu", "2020-07-15 09:00", "2020-07-17 08:00"),
    ("25/12 lúc 9h", "2020-07-15 09:00", "2020-12-25 09:00"),
    ("ngày 10/3/2021 lúc 14:00", "2020-07-15 09:00", "2021-03-10 14:00"),
    ("cuối mỗi quý", "2020-07-15 09:00", "2020-09-30 08:00"),
    ("cuối mỗi quý", "2020-12-31 08:00", "2021-03-31 08:00"),
    ("cuối tháng 2 giờ chiều", "2020-02-01 00:00", "2020-02-29 14:00"),
    ("cuối mỗi tháng", "2020-04-30 09:00", "2020-05-31 08:00"),
    # skipped ranges (Tết), every year, also across the new year
    ("thứ Hai hằng tuần 7:30, trừ 20/1-30/1", "2020-01-18 00:00", "2020-02-03 07:30"),
    ("hằng ngày 8h bỏ qua từ 30/12 đến 2/1", "2020-12-29 09:00", "2021-01-03 08:00"),
]


@pytest.mark.parametrize(("phrase", "after", "expected"), TABLE)
def test_the_next_firing(phrase: str, after: str, expected: str) -> None:
    rule = parse_schedule(phrase, TODAY)
    fired = next_fire(rule, _at(after), TZ)
    assert fired is not None
    assert fired.astimezone(TZ).replace(tzinfo=None) == dt.datetime.fromisoformat(expected)


def test_a_one_off_reminder_fires_once() -> None:
    rule = parse_schedule("25/12 lúc 9h", TODAY)
    assert next_fire(rule, _at("2020-12-25 09:00"), TZ) is None


def test_times_are_in_the_time_zone() -> None:
    rule = parse_schedule("hằng ngày 8h", TODAY)
    fired = next_fire(rule, dt.datetime(2020, 7, 15, 0, 30, tzinfo=dt.UTC), TZ)
    # 0:30 UTC is 7:30 in Hà Nội: 8:00 there is 1:00 UTC the same day.
    assert fired == dt.datetime(2020, 7, 15, 1, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "phrase",
    ["", "khi nào rảnh", "ngày 32 hằng tháng", "25 giờ hằng ngày", "trừ 31/2-3/3 hằng ngày"],
)
def test_what_is_no_schedule_is_refused(phrase: str) -> None:
    with pytest.raises(ScheduleError):
        parse_schedule(phrase, TODAY)


def test_a_rule_is_stored_and_read_back() -> None:
    rule = parse_schedule("thứ Hai hằng tuần 7:30, trừ 20/1-30/1", TODAY)
    assert Rule.of_json(rule.as_json()) == rule
    assert describe(rule) == "07:30 thứ Hai hằng tuần, trừ 20/01–30/01"
