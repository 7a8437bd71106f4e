"""Progress benchmark: overview, chart, Excel export, parsing, and confirmed reports per second.

With 10,000 submissions over 30 units and every reported figure of the real knowledge base
(a fresh SQLite file, and a throwaway PostgreSQL 15 cluster started here from the machine's
binaries unless ``--no-postgres``), it prints:

* the time to compute the overview (every figure's status from the database), aim ≤ 200 ms,
  on SQLite and on PostgreSQL;
* the time to render one target's chart (matplotlib), aim ≤ 1 s;
* the time to build the Excel export of all 10,000 submissions, aim ≤ 3 s;
* the parse time per report message (tests/data/submissions.yaml, every message 20 times),
  p50 and p99, aim p99 ≤ 2 ms;
* through the real python-telegram-bot stack and the fake Bot API on 127.0.0.1, with 50
  reporters sending a report at once and each pressing [Lưu] on the card: confirmed
  submissions per second (from the first message to the last "Đã lưu"), on SQLite.

Each figure is the median of ``--runs`` runs. Usage::

    .venv/bin/python benchmarks/progress.py [--runs 5] [--no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core import build_core  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402
from bot.progress.chart import figure_chart  # noqa: E402
from bot.progress.export import overview_workbook  # noqa: E402
from bot.progress.parse import ReportParser  # noqa: E402
from bot.progress.service import ProgressService  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.models import Submission  # noqa: E402

SUBMISSIONS = 10_000
UNITS = 30
REPORTERS = 50
POSTGRES_BIN = Path(os.environ.get("RESOLUTION_BOT_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
KB = load_knowledge(ROOT / "knowledge" / "resolution.yaml")
FIGURES = [f for e in KB.entries.values() if e.kind == "target" for f in e.figures]


def median_of(runs: int, measure: Callable[[], float]) -> float:
    """Return the median of ``runs`` measurements."""
    return statistics.median(measure() for _ in range(runs))


async def amedian_of(runs: int, measure: Callable[[], Awaitable[float]]) -> float:
    """Return the median of ``runs`` asynchronous measurements."""
    return statistics.median([await measure() for _ in range(runs)])


async def fill(database: Database) -> None:
    """Write 10,000 submissions over 30 units and every figure (some superseded)."""
    units = [u.id for u in KB.units] + [f"don-vi-{n}" for n in range(UNITS - len(KB.units))]
    rng = random.Random(2020)
    sent = dt.datetime(2020, 7, 1, tzinfo=dt.UTC)
    rows = []
    for n in range(SUBMISSIONS):
        figure = FIGURES[n % len(FIGURES)]
        month = rng.randint(1, 12)
        end = dt.date(2020, month, 28)
        rows.append(
            Submission(
                card_id=None,
                position=n,
                year=2020,
                figure_id=figure.id,
                unit_id=rng.choice(units),
                period_start=dt.date(2020, 1, 1),
                period_end=end,
                value=round(figure.number * rng.uniform(0.2, 1.2), 2),
                text="x",
                telegram_id=1000 + n % REPORTERS,
                submitted_at=sent + dt.timedelta(minutes=n),
                superseded_by=None if n % 10 else n + 1,
            )
        )
    async with database.write() as session:
        session.add_all(rows)


async def overview_ms(url: str, runs: int) -> float:
    """Return the median time to compute the overview from a database of 10,000 rows."""
    database = Database.from_url(url)
    await database.upgrade()
    await fill(database)
    service = ProgressService(database)
    names = {u.id: u.name for u in KB.units}
    today = dt.date(2020, 12, 31)

    async def once() -> float:
        start = time.perf_counter()
        await service.overview(KB, names, today)
        return (time.perf_counter() - start) * 1000

    await once()  # warm up: imports, connection pool, caches
    result = await amedian_of(runs, once)
    await database.dispose()
    return result


def chart_and_export(url: str, runs: int) -> tuple[float, float]:
    """Return the median times to render a chart and build the Excel export (ms)."""

    async def data() -> tuple[Any, Any]:
        database = Database.from_url(url)
        service = ProgressService(database)
        names = {u.id: u.name for u in KB.units}
        overview = await service.overview(KB, names, dt.date(2020, 12, 31))
        submissions = await service.submissions(2020)
        await database.dispose()
        return overview, submissions

    overview, submissions = asyncio.run(data())
    names = {u.id: u.name for u in KB.units}
    figure = overview.figures[0]
    history = [s for s in submissions if s.figure == figure.figure]
    figure_chart(figure, history, names)  # warm up: matplotlib's import and font cache

    def chart() -> float:
        start = time.perf_counter()
        figure_chart(figure, history, names)
        return (time.perf_counter() - start) * 1000

    def export() -> float:
        start = time.perf_counter()
        overview_workbook(overview, submissions, names)
        return (time.perf_counter() - start) * 1000

    return median_of(runs, chart), median_of(max(1, runs // 2), export)


def parse_times() -> tuple[float, float]:
    """Return the p50 and p99 parse time per report message (ms)."""
    table = yaml.safe_load((ROOT / "tests" / "data" / "submissions.yaml").read_text("utf-8"))
    messages = [row["message"] for row in table["messages"]]
    parser = ReportParser(KB)
    today = dt.date(2020, 7, 15)
    for message in messages:
        parser.parse(message, today)
    times = []
    for _ in range(20):
        for message in messages:
            start = time.perf_counter()
            parser.parse(message, today)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


async def confirmed_per_second(folder: Path) -> float:
    """Return confirmed submissions a second: 50 reporters report and press [Lưu] at once."""
    from handlers.app import ALLOWED_UPDATES, build_application
    from handlers.context import Edge
    from handlers.runner import Runner
    from tests.fakes.bot_api import FakeBotApi
    from tests.fixtures.telegram import TrackingUpdateProcessor

    api = FakeBotApi().start()
    try:
        env = {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bot.sqlite3'}",
            "KNOWLEDGE_PATH": str(ROOT / "knowledge" / "resolution.yaml"),
            "BOT_ADMIN_IDS": "1",
        }
        core = build_core(load_settings(env, require_token=True))
        processor = TrackingUpdateProcessor()
        app = build_application(core, edge=Edge(), update_processor=processor)
        runner = Runner(app, core, allowed_updates=ALLOWED_UPDATES)
        await runner.start()
        try:
            districts = [u.id for u in KB.units if u.level in {"huyen", "thanh-pho"}]
            reporters = [500000 + n for n in range(REPORTERS)]
            for n, user in enumerate(reporters):
                await core.desk.access.grant(1, user, "reporter", (districts[n % 10],))
            users = {u: api.user(u, f"Người {u}") for u in reporters}
            start = time.perf_counter()
            mark = api.mark()
            messages = [
                api.private_message(f"cập nhật kết nạp {n + 1} đảng viên tháng 6", users[u])
                for n, u in enumerate(reporters)
            ]
            for update in messages:
                api.push(update)
            for update in messages:
                await processor.wait_handled(update["update_id"], 60)
            cards = {
                c.chat_id: c
                for c in api.calls_of("sendMessage", since=mark)
                if "Xác nhận số liệu" in c.plain_text
            }
            presses = []
            for user in reporters:
                card = cards[user]
                data = next(b["callback_data"] for b in card.buttons if b["text"] == "Lưu")
                presses.append(api.callback_query(users[user], card.response["result"], data))
            for update in presses:
                api.push(update)
            for update in presses:
                await processor.wait_handled(update["update_id"], 60)
            elapsed = time.perf_counter() - start
            saved = [
                c for c in api.calls_of("editMessageText", since=mark) if "Đã lưu" in c.plain_text
            ]
            assert len(saved) == REPORTERS, f"{len(saved)} of {REPORTERS} saved"
            return REPORTERS / elapsed
        finally:
            await runner.stop()
    finally:
        api.stop()


@contextmanager
def postgres() -> Iterator[str]:
    """Start a throwaway PostgreSQL cluster; yield the URL of a database on it."""
    import socket

    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if as_owner:
        shutil.chown(root, user="postgres", group="postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = root / "data"
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run([*as_owner, str(POSTGRES_BIN / "initdb"), "-D", str(data), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], **run)  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
    subprocess.run([*as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-l",
                    str(root / "log"), "-o", options, "-w", "start"], **run)  # fmt: skip
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-m",
                        "immediate", "stop"], capture_output=True, check=False)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    """Measure every figure and print it with its aim."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=5)
    arguments.add_argument("--no-postgres", action="store_true")
    args = arguments.parse_args()
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.sqlite3'}"
        sqlite_ms = asyncio.run(overview_ms(url, args.runs))
        print(f"overview, SQLite, {SUBMISSIONS} submissions: {sqlite_ms:.0f} ms (aim ≤ 200)")
        chart_ms, excel_ms = chart_and_export(url, args.runs)
        print(f"chart of one target: {chart_ms:.0f} ms (aim ≤ 1000)")
        print(f"Excel export, {SUBMISSIONS} submissions: {excel_ms:.0f} ms (aim ≤ 3000)")
    if not args.no_postgres and (POSTGRES_BIN / "initdb").exists():
        with postgres() as pg_url:
            pg_ms = asyncio.run(overview_ms(pg_url, args.runs))
        print(f"overview, PostgreSQL, {SUBMISSIONS} submissions: {pg_ms:.0f} ms (aim ≤ 200)")
    p50, p99 = parse_times()
    print(f"parse per message: p50 {p50:.2f} ms, p99 {p99:.2f} ms (aim p99 ≤ 2)")
    rates = []
    for _ in range(max(1, args.runs // 2)):
        with tempfile.TemporaryDirectory() as folder:
            rates.append(asyncio.run(confirmed_per_second(Path(folder))))
    print(
        f"confirmed submissions, {REPORTERS} reporters at once (fake Bot API, SQLite): "
        f"{statistics.median(rates):.0f}/s"
    )


if __name__ == "__main__":
    main()
