"""The golden question set: the floors of the issue, measured on real cadres' phrasing."""

from pathlib import Path

import pytest

from bot.answering.evaluate import (
    MAX_WRONG_ANSWERS,
    MIN_IN_SCOPE_ANSWERED,
    MIN_OUT_OF_SCOPE_NONE,
    evaluate,
    load_cases,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "questions.yaml"


@pytest.fixture(scope="module")
def report(shared_library):
    return evaluate(shared_library, load_cases(GOLDEN), shared_library.answered_id)


def test_the_golden_set_is_big_enough() -> None:
    cases = load_cases(GOLDEN)
    assert sum(bool(c.expected) for c in cases) >= 250
    assert sum(not c.expected for c in cases) >= 30


def test_every_expected_id_exists(shared_library) -> None:
    for case in load_cases(GOLDEN):
        for item_id in case.expected:
            shared_library.describe(item_id)  # UnknownItem for an unknown id


def test_no_question_is_answered_with_a_wrong_item(report) -> None:
    wrong = [o for o in report.outcomes if o.verdict == "wrong" and o.status == "answer"]
    assert len(wrong) <= MAX_WRONG_ANSWERS, "\n".join(report.lines())


def test_in_scope_questions_are_answered(report) -> None:
    assert report.in_scope_answered >= MIN_IN_SCOPE_ANSWERED, "\n".join(report.lines())


def test_out_of_scope_questions_get_none(report) -> None:
    assert report.out_of_scope_none >= MIN_OUT_OF_SCOPE_NONE, "\n".join(report.lines())


HELD_OUT = sorted(
    [
        *(ROOT / "tests" / "data").glob("heldout-*.yaml"),
        *(ROOT / "tests" / "data").glob("dev-*.yaml"),
    ]
)


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_every_held_out_id_exists(shared_library, path: Path) -> None:
    # Measured, not enforced: only the ids are checked, so a renamed item is noticed.
    for case in load_cases(path):
        for item_id in (*case.expected, *case.about):
            shared_library.describe(item_id)


def test_a_refusal_about_an_item_is_right_only_about_that_item(tmp_path: Path) -> None:
    from bot.answering.answers import Answer, Match

    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "questions:\n"
        '  - {q: "cao tốc dài bao nhiêu km", expect: null, about: a, category: not-stated}\n'
        '  - {q: "vậy còn nhập khẩu?", previous: "xuất khẩu", expect: b, category: follow-up}\n',
        encoding="utf-8",
    )
    seen: list[tuple[str, str | None]] = []

    class Replies:
        def __init__(self, status: str, item: str) -> None:
            self.status, self.item = status, item

        def answer(self, question: str, previous: Answer | None = None) -> Answer:
            seen.append((question, previous.question if previous else None))
            return Answer(question, self.status, "", matches=(Match(self.item, "", 1.0),))  # type: ignore[arg-type]

    loaded = load_cases(cases)
    assert loaded[0].about == ("a",)
    assert loaded[0].in_scope
    assert evaluate(Replies("none", "a"), loaded[:1]).outcomes[0].verdict == "right"
    assert evaluate(Replies("none", "c"), loaded[:1]).outcomes[0].verdict == "none"
    assert evaluate(Replies("answer", "a"), loaded[:1]).outcomes[0].verdict == "wrong"
    seen.clear()
    assert evaluate(Replies("answer", "b"), loaded[1:]).outcomes[0].verdict == "right"
    assert seen == [("xuất khẩu", None), ("vậy còn nhập khẩu?", "xuất khẩu")]


def test_a_figure_that_is_no_item_counts_as_the_item_stating_it(tmp_path: Path) -> None:
    from bot.answering.answers import Answer, Match

    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "questions:\n"
        '  - {q: "che phủ rừng", expect: [che-phu-rung-so-lieu], category: plain}\n'
        '  - {q: "cao tốc dài bao nhiêu", expect: null, about: x-so-lieu, category: x}\n',
        encoding="utf-8",
    )

    class Replies:
        def answer(self, question: str, previous: Answer | None = None) -> Answer:
            status = "answer" if question == "che phủ rừng" else "none"
            item = "che-phu-rung" if status == "answer" else "x"
            return Answer(question, status, "", matches=(Match(item, "", 1.0),))

    answered = {"che-phu-rung-so-lieu": "che-phu-rung", "x-so-lieu": "x"}
    report = evaluate(Replies(), load_cases(cases), lambda i: answered.get(i, i))
    assert [o.verdict for o in report.outcomes] == ["right", "right"]
    assert [o.verdict for o in evaluate(Replies(), load_cases(cases)).outcomes] == [
        "wrong",
        "none",
    ]


def test_a_figure_id_opens_the_item_stating_it(shared_library) -> None:
    for figure, item in [
        ("che-phu-rung-so-lieu", "che-phu-rung"),
        ("ky-niem-90-nam-chi-bo-so-nam", "ky-niem-90-nam-chi-bo"),
        ("grdp-dich-vu", "grdp-dich-vu"),  # a figure that is an item of its own
    ]:
        assert shared_library.answered_id(figure) == item
        assert shared_library.describe(figure).matches[0].id == item
