"""The knowledge base: complete against the seed text, validated with precise messages."""

import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import KnowledgeError
from bot.knowledge.loader import check_knowledge, load_knowledge
from bot.vietnamese.numbers import NUMBER_TOKEN, parse_resolution_number

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge" / "resolution.yaml"
SEED = ROOT / "tests" / "data" / "seed-resolution-2020.txt"  # copy of ../shared/seed


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(KNOWLEDGE)


def _section_ii(text: str) -> str:
    start = text.index("**II- Nhất trí")
    end = text.index("III- Tổ chức thực hiện")
    return text[start:end]


def test_the_real_knowledge_file_is_valid() -> None:
    assert check_knowledge(KNOWLEDGE) == []


def test_section_ii_has_18_targets_in_4_groups_and_5_task_groups(kb) -> None:
    document = kb.document
    assert [len(g.targets) for g in document.targets] == [6, 8, 3, 1]
    assert [t.code for t in document.tasks] == [f"II.2.{n}" for n in range(1, 6)]


def test_every_number_of_section_ii_is_in_the_knowledge_base(kb) -> None:
    """Every number of II.1 is a figure value; every number of II.2 is in a source text."""
    seed = _section_ii(SEED.read_text(encoding="utf-8"))
    targets_text, tasks_text = seed.split("**2. Một số nhiệm vụ chủ yếu**")
    figure_values = {f.number for g in kb.document.targets for t in g.targets for f in t.figures}
    missing = []
    for match in NUMBER_TOKEN.finditer(targets_text):
        token = match.group()
        if re.fullmatch(r"1\.[1-4]", token) or (
            match.start() > 0 and (targets_text[match.start() - 1] == "(")
        ):
            continue  # section numbers "1.1" and item numbers "(1)"
        if token == "2020" or (token in {"1", "5"} and _is_structure(targets_text, match)):
            continue
        if parse_resolution_number(token) not in figure_values:
            missing.append(token)
    assert missing == []
    sources = " ".join(
        [t.source for t in kb.document.tasks]
        + [i.source for t in kb.document.tasks for i in t.items]
    )
    for match in NUMBER_TOKEN.finditer(tasks_text):
        assert match.group() in sources, match.group()


def _is_structure(text: str, match: re.Match[str]) -> bool:
    """Return whether a small number is structure ('1. Các chỉ tiêu', 'trên 1 đơn vị')."""
    after = text[match.end() : match.end() + 12]
    return after.startswith(". Các") or after.startswith(" đơn vị") or after.startswith(" tuổi")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE.parent, folder)
    path = folder / "resolution.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    """Return the line of the last occurrence (a duplicate is reported where it repeats)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if needle in line]
    assert found, needle
    return found[-1]


@pytest.mark.parametrize(
    ("old", "new", "field", "needle"),
    [
        ('value: "55"', 'value: "năm lăm"', "value", "năm lăm"),
        ("comparator: trên", "comparator: hơn hẳn", "comparator", "hơn hẳn"),
        ("id: moi-truong", "id: kinh-te", "", "id: kinh-te"),
        ("number: 1", "number: một", "number", "number: một"),
        ("code: II.1.3", "cod: II.1.3", "cod", "cod: II.1.3"),
    ],
)
def test_a_broken_file_names_file_line_and_field(tmp_path, old, new, field, needle) -> None:
    path = _broken(tmp_path, old, new)
    problems = check_knowledge(path)
    assert problems, "the broken file must be refused"
    lines = {p.line for p in problems}
    assert _line_of(path, needle) in lines or _line_of(path, needle) - 1 in lines
    assert all(p.file == str(path) for p in problems)
    assert any(field in p.field for p in problems)


def test_a_figure_without_a_value_is_refused(tmp_path) -> None:
    path = _broken(tmp_path, 'value: "55"\n', "\n")
    problems = check_knowledge(path)
    assert any(p.field.endswith(".value") and "required" in p.message.lower() for p in problems)


def test_bad_yaml_names_the_line(tmp_path) -> None:
    path = _broken(tmp_path, "schema_version: 1", "schema_version: [1")
    problems = check_knowledge(path)
    assert len(problems) == 1
    assert problems[0].line is not None
    assert "YAML" in problems[0].message


def test_load_raises_with_every_problem(tmp_path) -> None:
    path = _broken(tmp_path, "comparator: trên", "comparator: khoảng")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(path)
    assert caught.value.problems


def test_kb_check_command_lists_problems_and_exits_1(tmp_path, capsys) -> None:
    path = _broken(tmp_path, "comparator: trên", "comparator: khoảng")
    assert main(["kb", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert str(path) in out
    assert "comparator" in out


def test_kb_check_command_accepts_the_real_file(capsys) -> None:
    assert main(["kb", "check", str(KNOWLEDGE)]) == 0
    assert "hợp lệ" in capsys.readouterr().out


def test_a_missing_file_is_a_problem(tmp_path) -> None:
    problems = check_knowledge(tmp_path / "nothing.yaml")
    assert problems
    assert "không tìm thấy" in problems[0].message
