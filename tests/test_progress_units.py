"""Reporting units: the file, its validation, and unit names as people type them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.loader import check_knowledge, load_knowledge
from bot.matching.units import UnitFinder

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"

NAMES = [
    ("huyện Hà Quảng", "ha-quang"),
    ("ha quang", "ha-quang"),
    ("Thông Nông", "ha-quang"),
    ("huyen Tra Linh cu", "trung-khanh"),
    ("quang uyen", "quang-hoa"),
    ("Phục Hoà", "quang-hoa"),
    ("tp cao bằng", "tp-cao-bang"),
    ("Thành phố Cao Bằng", "tp-cao-bang"),
    ("sở nn", "so-nong-nghiep"),
    ("Sở NN&PTNT", "so-nong-nghiep"),
    ("so y te", "so-y-te"),
    ("UBND huyện Hòa An", "hoa-an"),
    ("huyện Hoà An", "hoa-an"),
    ("BHXH tỉnh", "bhxh"),
    ("Ban Tổ chức Tỉnh ủy", "ban-to-chuc"),
    ("cục hải quan", "cuc-hai-quan"),
    ("Sở Lao động - Thương binh và Xã hội", "so-lao-dong"),
    ("sở GD&ĐT", "so-giao-duc"),
    # typos
    ("huyện Nguyen Binhh", "nguyen-binh"),
    ("so nong ngiep", "so-nong-nghiep"),
    ("Trung Khan", "trung-khanh"),
]


@pytest.fixture(scope="module")
def finder() -> UnitFinder:
    return UnitFinder(load_knowledge(KNOWLEDGE / "resolution.yaml").units)


@pytest.mark.parametrize(("text", "unit"), NAMES)
def test_a_unit_is_found_however_it_is_typed(finder: UnitFinder, text: str, unit: str) -> None:
    found = finder.one(text)
    assert found is not None
    assert found.id == unit


@pytest.mark.parametrize(
    "text", ["tỷ lệ che phủ rừng", "huyện Lục Yên", "thuế sản phẩm", "", "ha", "Hà Nội"]
)
def test_no_unit_is_found_where_none_is_named(finder: UnitFinder, text: str) -> None:
    assert finder.one(text) is None


def test_the_districts_are_those_after_the_2020_merger(finder: UnitFinder) -> None:
    districts = [u for u in finder.units if u.level in {"huyen", "thanh-pho"}]
    assert len(districts) == 10
    merged = {name: u.id for u in districts for name in u.merged}
    assert merged["Thông Nông"] == "ha-quang"
    assert merged["Trà Lĩnh"] == "trung-khanh"
    assert merged["Quảng Uyên"] == merged["Phục Hòa"] == "quang-hoa"


def test_every_reported_figure_names_known_units() -> None:
    kb = load_knowledge(KNOWLEDGE / "resolution.yaml")
    known = {u.id for u in kb.units}
    reported = [f for e in kb.entries.values() if e.kind == "target" for f in e.figures]
    assert len(reported) == 39
    assert all(f.progress is not None and set(f.progress.reporters) <= known for f in reported)


def _copy(tmp_path: Path) -> Path:
    for name in ("resolution.yaml", "vocabulary.yaml", "units.yaml"):
        shutil.copy(KNOWLEDGE / name, tmp_path / name)
    return tmp_path


def test_kb_check_names_an_unknown_reporting_unit(tmp_path: Path, capsys) -> None:
    folder = _copy(tmp_path)
    path = folder / "resolution.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reporters: [bhxh]", "reporters: [bao-hiem]"), encoding="utf-8")
    problems = check_knowledge(path)
    assert len(problems) == 1
    assert "bao-hiem" in problems[0].message
    assert problems[0].line is not None
    assert main(["kb", "check", str(path)]) == 1
    assert "units.yaml" in capsys.readouterr().out


def test_kb_check_names_a_duplicate_unit(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    units = folder / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("id: bao-lam", "id: bao-lac"), encoding="utf-8")
    problems = check_knowledge(folder / "resolution.yaml")
    assert any("bao-lac" in p.message and "trùng" in p.message for p in problems)


def test_kb_check_validates_the_units_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    units = folder / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("level: so\n", "level: phong\n", 1), encoding="utf-8")
    problems = check_knowledge(folder / "resolution.yaml")
    assert problems
    assert problems[0].file.endswith("units.yaml")
    assert "level" in problems[0].field
