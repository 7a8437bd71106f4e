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
    return evaluate(shared_library, load_cases(GOLDEN))


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
