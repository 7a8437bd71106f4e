"""The report parser against a table of messages written from the reporter's side.

``tests/data/submissions.yaml``: each message with what it must be read as (status; for a
report, every figure, its value in the figure's unit, its period and the unit it names;
for a problem, optionally a word the problem must say).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge.loader import load_knowledge
from bot.progress.model import ParsedReport
from bot.progress.parse import ReportParser

ROOT = Path(__file__).resolve().parent.parent
TABLE = yaml.safe_load((ROOT / "tests" / "data" / "submissions.yaml").read_text(encoding="utf-8"))
TODAY = dt.date.fromisoformat(TABLE["today"])


@pytest.fixture(scope="module")
def parser() -> ReportParser:
    return ReportParser(load_knowledge(ROOT / "knowledge" / "resolution.yaml"))


def _expected_items(row: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            item["figure"],
            round(float(item["value"]), 4),
            tuple(item["period"]),
            item.get("reporting_unit"),
        )
        for item in row.get("items") or []
    ]


def _found_items(parsed: ParsedReport) -> list[tuple[Any, ...]]:
    return [
        (
            item.figure,
            round(item.value, 4),
            (item.period.start.isoformat(), item.period.end.isoformat()),
            item.reporting_unit,
        )
        for item in parsed.items
    ]


@pytest.mark.parametrize(
    "row", TABLE["messages"], ids=[row["message"][:60] for row in TABLE["messages"]]
)
def test_a_message_is_read_as_the_reporter_meant(
    parser: ReportParser, row: dict[str, Any]
) -> None:
    today = dt.date.fromisoformat(row["today"]) if "today" in row else TODAY
    parsed = parser.parse(row["message"], today)
    assert parsed.status == row["status"], parsed.problems
    if row["status"] == "ok":
        assert _found_items(parsed) == _expected_items(row)
    if row["status"] == "problem" and row.get("problem"):
        assert any(row["problem"].casefold() in p.casefold() for p in parsed.problems), (
            parsed.problems
        )


def test_the_table_is_large_and_covers_every_reported_figure(parser: ReportParser) -> None:
    rows = TABLE["messages"]
    assert len(rows) >= 200
    figures = {item["figure"] for row in rows for item in row.get("items") or []}
    assert figures == set(parser.figures)
