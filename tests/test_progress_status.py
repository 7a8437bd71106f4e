"""The status rule (README "Báo cáo số liệu"), as a table over the real figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.schema import Figure
from bot.progress.model import Period, StoredSubmission
from bot.progress.status import elapsed_share, latest_by_unit, province_value, status_of

ROOT = Path(__file__).resolve().parent.parent
KB = load_knowledge(ROOT / "knowledge" / "resolution.yaml")
FIGURES = {f.id: f for e in KB.entries.values() if e.kind == "target" for f in e.figures}
SENT = dt.datetime(2020, 7, 1, tzinfo=dt.UTC)


def _sub(figure: str, unit: str, value: float, end: str, n: int = 1, **extra) -> StoredSubmission:
    period = Period(dt.date(2020, 1, 1), dt.date.fromisoformat(end))
    return StoredSubmission(n, figure, unit, period, value, str(value), 1, SENT, **extra)


# (figure, [(unit, value, period end)], expected status, expected province value)
TABLE = [
    # level, "bằng" 55%: met at or above the target
    ("che-phu-rung-so-lieu", [], "chưa có số liệu", None),
    ("che-phu-rung-so-lieu", [("so-nong-nghiep", 55.0, "2020-06-30")], "đạt", 55.0),
    ("che-phu-rung-so-lieu", [("so-nong-nghiep", 54.2, "2020-06-30")], "chậm", 54.2),
    # "trên 90%": strictly above
    ("nuoc-hop-ve-sinh-nong-thon", [("so-nong-nghiep", 90.0, "2020-06-30")], "chậm", 90.0),
    ("nuoc-hop-ve-sinh-nong-thon", [("so-nong-nghiep", 90.1, "2020-06-30")], "đạt", 90.1),
    # "dưới 17,8%": strictly below
    ("suy-dinh-duong-so-lieu", [("so-y-te", 17.8, "2020-06-30")], "chậm", 17.8),
    ("suy-dinh-duong-so-lieu", [("so-y-te", 17.5, "2020-06-30")], "đạt", 17.5),
    # growth "tăng trên 6,3%"
    ("grdp-dich-vu", [("cuc-thong-ke", 6.3, "2020-06-30")], "chậm", 6.3),
    ("grdp-dich-vu", [("cuc-thong-ke", 6.4, "2020-06-30")], "đạt", 6.4),
    ("grdp-tang-truong", [("cuc-thong-ke", -1.2, "2020-06-30")], "chậm", -1.2),
    # reduction "giảm 3% trở lên"
    ("ho-ngheo-so-lieu", [("so-lao-dong", 3.0, "2020-12-31")], "đạt", 3.0),
    ("ho-ngheo-so-lieu", [("so-lao-dong", 2.1, "2020-06-30")], "chậm", 2.1),
    # cumulative "2.000 đảng viên trở lên": the sum over units, on track by the share elapsed
    (
        "ket-nap-dang-vien",
        [("ha-quang", 600.0, "2020-06-30"), ("bao-lac", 450.0, "2020-06-30")],
        "đúng tiến độ",
        1050.0,
    ),
    (
        "ket-nap-dang-vien",
        [("ha-quang", 600.0, "2020-06-30"), ("bao-lac", 300.0, "2020-06-30")],
        "chậm",
        900.0,
    ),
    (
        "ket-nap-dang-vien",
        [("ha-quang", 1200.0, "2020-10-31"), ("bao-lac", 800.0, "2020-10-31")],
        "đạt",
        2000.0,
    ),
    ("nong-thon-moi-so-lieu", [("ha-quang", 3.0, "2020-06-30")], "đúng tiến độ", 3.0),
    ("nong-thon-moi-so-lieu", [("ha-quang", 2.0, "2020-09-30")], "chậm", 2.0),
    # each district at least 1 school: met only when every district has one
    ("truong-chuan-so-lieu", [("ha-quang", 1.0, "2020-06-30")], "chậm", 1.0),
    ("thu-noi-dia", [("cuc-thue", 820.0, "2020-06-30")], "đúng tiến độ", 820.0),
    ("thu-noi-dia", [("cuc-thue", 1650.0, "2020-12-31")], "đạt", 1650.0),
]


@pytest.mark.parametrize(("figure", "reports", "status", "value"), TABLE)
def test_the_status_of_a_figure(
    figure: str, reports: list[tuple[str, float, str]], status: str, value: float | None
) -> None:
    subs = [_sub(figure, unit, v, end, n) for n, (unit, v, end) in enumerate(reports, 1)]
    latest = list(latest_by_unit(subs).values())
    assert status_of(FIGURES[figure], latest, 2020) == status
    assert province_value(FIGURES[figure], latest) == value


def test_every_district_with_a_school_meets_the_per_district_target() -> None:
    figure: Figure = FIGURES["truong-chuan-so-lieu"]
    assert figure.progress is not None
    subs = [
        _sub(figure.id, unit, 1, "2020-09-30", n)
        for n, unit in enumerate(figure.progress.reporters)
    ]
    assert status_of(figure, subs, 2020) == "đạt"


def test_only_each_units_latest_active_figure_counts() -> None:
    subs = [
        _sub("ket-nap-dang-vien", "ha-quang", 100, "2020-03-31", 1),
        _sub("ket-nap-dang-vien", "ha-quang", 250, "2020-06-30", 2),
        _sub("ket-nap-dang-vien", "ha-quang", 900, "2020-09-30", 3, withdrawn_at=SENT),
        _sub("ket-nap-dang-vien", "bao-lac", 70, "2020-06-30", 4, superseded_by=5),
        _sub("ket-nap-dang-vien", "bao-lac", 80, "2020-06-30", 5),
    ]
    latest = latest_by_unit(subs)
    assert {unit: s.value for unit, s in latest.items()} == {"ha-quang": 250, "bao-lac": 80}


@pytest.mark.parametrize(
    ("day", "share"),
    [("2020-01-01", 1 / 366), ("2020-06-30", 182 / 366), ("2020-12-31", 1.0), ("2021-03-01", 1.0)],
)
def test_the_share_of_the_year_elapsed(day: str, share: float) -> None:
    assert elapsed_share(2020, dt.date.fromisoformat(day)) == pytest.approx(share)
