"""The matching engine on items that are not knowledge entries: the province's reporting units."""

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.knowledge.schema import Vocabulary
from bot.matching.index import SearchIndex
from bot.matching.searchable import Searchable
from bot.vietnamese.numbers import normalize_unit

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ReportingUnit:
    """A unit that reports on the resolution: a district, the city, a department."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


UNITS = (
    ReportingUnit("tp-cao-bang", "Thành phố Cao Bằng"),
    # Thông Nông merged into Hà Quảng, Trà Lĩnh into Trùng Khánh, Quảng Uyên and Phục Hoà
    # into Quảng Hoà (2020): reports still come under the former names.
    ReportingUnit("ha-quang", "Huyện Hà Quảng", ("Hà Quảng", "Thông Nông")),
    ReportingUnit("trung-khanh", "Huyện Trùng Khánh", ("Trùng Khánh", "Trà Lĩnh")),
    ReportingUnit("quang-hoa", "Huyện Quảng Hoà", ("Quảng Hoà", "Quảng Uyên", "Phục Hoà")),
    ReportingUnit("bao-lam", "Huyện Bảo Lâm", ("Bảo Lâm",)),
    ReportingUnit("bao-lac", "Huyện Bảo Lạc", ("Bảo Lạc",)),
    ReportingUnit("nguyen-binh", "Huyện Nguyên Bình", ("Nguyên Bình",)),
    ReportingUnit("hoa-an", "Huyện Hoà An", ("Hoà An",)),
    ReportingUnit("thach-an", "Huyện Thạch An", ("Thạch An",)),
    ReportingUnit("ha-lang", "Huyện Hạ Lang", ("Hạ Lang",)),
    ReportingUnit(
        "so-nn-ptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        ("sở NN&PTNT", "sở nông nghiệp"),
    ),
    ReportingUnit("so-y-te", "Sở Y tế"),
    ReportingUnit("so-gd-dt", "Sở Giáo dục và Đào tạo"),
)


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    text = (ROOT / "knowledge" / "vocabulary.yaml").read_text(encoding="utf-8")
    return Vocabulary.model_validate(yaml.safe_load(text))


def unit_index(vocabulary: Vocabulary, *, place_scope: bool = False) -> SearchIndex[ReportingUnit]:
    items = [Searchable(u, u.id, (u.name, *u.aliases)) for u in UNITS]
    return SearchIndex(items, vocabulary, place_scope=place_scope)


@pytest.fixture(scope="module")
def units(vocabulary: Vocabulary) -> SearchIndex[ReportingUnit]:
    return unit_index(vocabulary)


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("ha quang", "ha-quang"),
        ("Hà Quảng", "ha-quang"),
        ("huyen ha quang", "ha-quang"),
        ("thông nông", "ha-quang"),  # a former district, merged in
        ("tp cao bang", "tp-cao-bang"),  # "tp" is "thành phố"
        ("thanh pho", "tp-cao-bang"),
        ("sở nông nghiệp", "so-nn-ptnt"),
        ("so nn&ptnt", "so-nn-ptnt"),
        ("so nong ngiep", "so-nn-ptnt"),  # a typo
        ("so y te", "so-y-te"),
        ("sở gd-đt", "so-gd-dt"),  # "gd-đt" is "giáo dục - đào tạo"
        ("so giao duc", "so-gd-dt"),
        ("trung khanh", "trung-khanh"),
        ("tra linh", "trung-khanh"),
        ("quang uyen", "quang-hoa"),
        ("phuc hoa", "quang-hoa"),
        ("bao lac", "bao-lac"),
        ("bảo lâm", "bao-lam"),
        ("ha lang", "ha-lang"),
        ("ha lnag", "ha-lang"),  # two letters swapped
        ("hoa an", "hoa-an"),
        ("thach an", "thach-an"),
    ],
)
def test_a_unit_is_found_as_cadres_type_it(units, typed: str, unit: str) -> None:
    ranked = units.rank(units.analyzer.analyze(typed))
    assert ranked[0].id == unit, [(s.id, s.score) for s in ranked[:3]]
    assert ranked[0].item == next(u for u in UNITS if u.id == unit)


def test_candidates_restrict_the_ranking_to_them(units) -> None:
    analysis = units.analyzer.analyze("ha quang")
    ranked = units.rank(analysis, candidates=["ha-lang", "so-y-te"])
    assert [s.id for s in ranked] == ["ha-lang", "so-y-te"]
    assert ranked[1].score == 0


def test_equal_scores_rank_by_order_then_id(vocabulary) -> None:
    items = [
        Searchable("b", "b", ("Sở Y tế",), order=1),
        Searchable("c", "c", ("Sở Y tế",), order=0),
        Searchable("a", "a", ("Sở Y tế",), order=1),
    ]
    index = SearchIndex(items, vocabulary)
    assert [s.item for s in index.rank(index.analyzer.analyze("sở y tế"))] == ["c", "a", "b"]


def test_with_place_scope_a_district_is_the_scope_not_the_content(vocabulary) -> None:
    index = unit_index(vocabulary, place_scope=True)
    analysis = index.analyzer.analyze("ha quang")
    assert analysis.districts == ("ha quang",)
    assert index.rank(analysis) == []


@pytest.mark.parametrize(
    ("unit", "key"),
    [("%", "%"), ("‰", "‰"), ("triệu USD", "trieu usd"), ("tỷ đồng", "ti dong"), ("", "")],
)
def test_units_are_compared_by_their_key(unit: str, key: str) -> None:
    assert normalize_unit(unit) == key
