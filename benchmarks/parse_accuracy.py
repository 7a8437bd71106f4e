"""Score the report parser on a table of messages (the format of tests/data/submissions.yaml).

    python benchmarks/parse_accuracy.py tests/data/submissions-heldout-1.yaml [--failures]

Prints the share of messages read exactly as expected (status; for a report every figure,
value, period and unit), by expected status. Held-out tables are measured with it, never
tuned on: their individual failures are not looked at.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

import yaml

from bot.knowledge.loader import load_knowledge
from bot.progress.parse import ReportParser

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Score one table and print the result."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("table", type=Path)
    arguments.add_argument("--failures", action="store_true", help="list every failure")
    args = arguments.parse_args()
    table = yaml.safe_load(args.table.read_text(encoding="utf-8"))
    parser = ReportParser(load_knowledge(ROOT / "knowledge" / "resolution.yaml"))
    default = dt.date.fromisoformat(table["today"])
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in table["messages"]:
        today = dt.date.fromisoformat(row["today"]) if "today" in row else default
        parsed = parser.parse(row["message"], today)
        expected = [
            (i["figure"], round(float(i["value"]), 4), tuple(i["period"]), i.get("reporting_unit"))
            for i in row.get("items") or []
        ]
        found = [
            (
                i.figure,
                round(i.value, 4),
                (i.period.start.isoformat(), i.period.end.isoformat()),
                i.reporting_unit,
            )
            for i in parsed.items
        ]
        ok = parsed.status == row["status"] and (row["status"] != "ok" or expected == found)
        total[row["status"]] += 1
        right[row["status"]] += ok
        if not ok and args.failures:
            print(f"{row['message']!r}: expected {row['status']} {expected}")
            print(f"    got {parsed.status} {found} {list(parsed.problems)}")
    for status in ("ok", "problem", "none"):
        if total[status]:
            share = 100 * right[status] / total[status]
            print(f"{status:8} {right[status]:4}/{total[status]:<4} {share:5.1f}%")
    share = 100 * sum(right.values()) / sum(total.values())
    print(f"{'all':8} {sum(right.values()):4}/{sum(total.values()):<4} {share:5.1f}%")


if __name__ == "__main__":
    main()
