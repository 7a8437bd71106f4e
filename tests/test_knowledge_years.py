"""A folder of resolutions, one a year: each question is answered from the year it names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.core import load_snapshot
from bot.errors import UnknownItem
from bot.knowledge.loader import check_knowledge

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


def next_year_copy(text: str) -> str:
    """Return the 2020 file as next year's would start: a copy, edited (forest cover 56%)."""
    text = text.replace("  id: nq20-2020\n  year: 2020\n", "  id: nq21-2021\n  year: 2021\n", 1)
    text = text.replace("date: 2020-01-10", "date: 2021-01-15", 1)
    forest = text.index("- id: che-phu-rung-so-lieu")
    head, tail = text[:forest], text[forest:]
    tail = tail.replace('value: "55"', 'value: "56"', 1)
    tail = tail.replace("Tỷ lệ che phủ rừng 55%", "Tỷ lệ che phủ rừng 56%", 1)
    # The target's own source sentence stands just before its figure.
    return head.replace("(1) Tỷ lệ che phủ rừng 55%.", "(1) Tỷ lệ che phủ rừng 56%.") + tail


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a knowledge folder with the 2020 resolution and a generated 2021 one."""
    folder = tmp_path_factory.mktemp("knowledge")
    shutil.copy(KNOWLEDGE / "vocabulary.yaml", folder)
    shutil.copy(KNOWLEDGE / "units.yaml", folder)
    shutil.copy(KNOWLEDGE / "resolution.yaml", folder / "resolution-2020.yaml")
    source = (KNOWLEDGE / "resolution.yaml").read_text(encoding="utf-8")
    (folder / "resolution-2021.yaml").write_text(next_year_copy(source), encoding="utf-8")
    return folder


def ask_json(folder: Path, question: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["--knowledge", str(folder), "ask", "--json", question]) == 0
    return dict(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize(
    ("question", "figure", "year"),
    [
        ("che phu rung nam 2020", "55%", 2020),
        ("tỷ lệ che phủ rừng năm 2020 là bao nhiêu", "55%", 2020),
        ("che phu rung nam 2021", "56%", 2021),
        ("che phu rung", "56%", 2021),
        ("chỉ tiêu che phủ rừng?", "56%", 2021),
    ],
)
def test_a_question_is_answered_from_the_year_it_names(
    two_years: Path, question: str, figure: str, year: int, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = ask_json(two_years, question, capsys)
    assert answer["status"] == "answer"
    assert answer["matches"][0]["id"] in {"che-phu-rung", "che-phu-rung-so-lieu"}  # type: ignore[index]
    text = str(answer["text"])
    assert f"Tỷ lệ che phủ rừng năm {year}: {figure}" in text
    assert ("55%" in text) == (figure == "55%")


def test_without_a_year_the_answer_says_which_year_it_is(
    two_years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = str(ask_json(two_years, "che phu rung", capsys)["text"])
    assert "Theo nghị quyết năm 2021" in text
    assert "năm 2020" in text  # how to ask for the other year


def test_a_year_no_file_covers_is_refused_naming_the_years(
    two_years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = ask_json(two_years, "che phu rung nam 2019", capsys)
    assert answer["status"] == "none"
    assert "2020 và 2021" in str(answer["text"])


def test_one_year_has_no_duplicate_choices(two_years: Path) -> None:
    library = load_snapshot(two_years).library
    assert library.years == (2020, 2021)
    answer = library.answer("thu ngân sách")
    titles = [m.title for m in answer.matches]
    assert len(titles) == len(set(titles))
    assert {m.year for m in answer.matches} == {2021}


def test_items_are_described_per_year(two_years: Path) -> None:
    library = load_snapshot(two_years).library
    assert "55%" in library.describe("che-phu-rung", 2020).headline
    assert "56%" in library.describe("che-phu-rung", 2021).headline
    assert "56%" in library.describe("che-phu-rung").headline
    with pytest.raises(UnknownItem):
        library.describe("che-phu-rung", 2019)
    with pytest.raises(UnknownItem):
        library.describe("khong-co-muc-nay")


def test_the_folder_passes_kb_check(two_years: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_knowledge(two_years) == []
    assert main(["kb", "check", str(two_years)]) == 0
    assert "năm 2020, 2021" in capsys.readouterr().out


def test_two_files_for_one_year_are_refused(tmp_path: Path) -> None:
    shutil.copy(KNOWLEDGE / "vocabulary.yaml", tmp_path)
    shutil.copy(KNOWLEDGE / "units.yaml", tmp_path)
    shutil.copy(KNOWLEDGE / "resolution.yaml", tmp_path / "a.yaml")
    shutil.copy(KNOWLEDGE / "resolution.yaml", tmp_path / "b.yaml")
    problems = check_knowledge(tmp_path)
    assert [(Path(p.file).name, p.field) for p in problems] == [("b.yaml", "document.year")]
    assert "năm 2020 trùng (a.yaml)" in problems[0].message
