"""Reliability benchmark: does every question get exactly one answer when things go wrong?

The bot runs as in production, in a subprocess (``python -m bot run``) polling the fake Bot
API (tests/fakes/bot_api.py) served by this process on 127.0.0.1, with the real knowledge
base and a fresh SQLite file per run (or ``--database-url``, e.g. a PostgreSQL database;
every run then uses user ids of its own, so the question log is counted per run). Users ask
the golden set's questions (tests/data/questions.yaml) in private chats.

a. kill -9: 600 users ask at once; the bot is killed (SIGKILL) ``--kill-after`` seconds after
   the first reply and restarted on the same database. Counted: users answered, users
   answered twice or more, and the question log's rows for those users (the restarted bot
   is stopped with SIGTERM first, so what it buffered is written).
b. outages: 20 users ask while sendMessage answers 502 for 6 s; then 20 more during 6 s of
   429 (``retry_after`` 2), then 20 more during 6 s of dropped connections. Counted:
   replies delivered and the time from the questions to the last first reply.
c. poison: an update python-telegram-bot cannot parse (a ``poll`` without its required
   fields), then 50 users ask. Counted: users answered within 20 s, getUpdates requests
   and the bot's log output (stderr bytes) in those 20 s, and whether a question asked
   afterwards is still answered.
d. throughput: benchmarks/telegram_e2e.py's burst phase, 2,000 questions from 200 users
   pushed at once (after its 200-question warm-up).

Every figure is printed as ``name: value`` (the median of ``--runs`` runs, the lower middle
one for an even count), with its aim, then a summary line. Every wait is bounded and the bot
is always stopped (SIGTERM, then SIGKILL) before the benchmark returns. Usage::

    .venv/bin/python benchmarks/reliability.py [--runs 3] [--only a,b,c,d] \\
        [--database-url postgresql://user:password@127.0.0.1/bench]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import itertools
import os
import platform
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from benchmarks.telegram_e2e import Replies, golden_questions, run_phase  # noqa: E402
from tests.fakes.bot_api import Call, FakeBotApi, Json  # noqa: E402

KNOWLEDGE = PROJECT / "knowledge" / "resolution.yaml"
#: Seconds the bot may take to start polling.
START_SECONDS = 60.0
#: Seconds a SIGTERM'd bot may take to stop before it is killed.
STOP_SECONDS = 15.0

KILL_USERS = 600
KILL_WAIT_SECONDS = 30.0
OUTAGE_USERS = 20
OUTAGE_SECONDS = 6.0
OUTAGE_WAIT_SECONDS = 30.0  # after the window closes
POISON_USERS = 50
POISON_WINDOW_SECONDS = 20.0
#: Log output a poison update may cause in the 20 s after it: a few lines, not a flood.
POISON_LOG_BUDGET = 16 * 1024
PROBE_SECONDS = 15.0
BURST_QUESTIONS = 2000
BURST_USERS = 200
#: Update ids each fake server may hand out (the most a scenario pushes, with room to spare).
UPDATES_PER_SERVER = 10_000


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One measured value, how to print it and what it should be."""

    name: str
    value: float
    total: float | None = None  # printed as value/total
    unit: str = ""
    aim: Callable[[float], bool] | None = None  # None: for information
    aim_text: str = ""
    note: str = ""

    def shown(self) -> str:
        """Return the value as printed: ``412/600``, ``7.31 s``, ``yes``."""
        if self.value != self.value:  # NaN: not measured
            text = "n/a"
        elif self.unit == "bool":
            text = "yes" if self.value else "no"
        elif self.total is not None:
            text = f"{self.value:g}/{self.total:g}"
        elif self.unit == "s":
            text = f"{self.value:.2f} s"
        elif self.unit == "q/s":
            text = f"{self.value:.1f} q/s"
        else:
            whole = float(self.value).is_integer()  # ints are floats to mypy, not at run time
            text = f"{self.value:,.0f}" if whole else f"{self.value:g}"
            text += f" {self.unit}" if self.unit else ""
        return f"{text} ({self.note})" if self.note else text

    @property
    def met(self) -> bool | None:
        """Return whether the value meets its aim (None when there is none)."""
        if self.aim is None:
            return None
        return self.value == self.value and self.aim(self.value)

    def line(self) -> str:
        """Return ``name: value`` with the aim, as printed."""
        aim = ""
        if self.aim is not None:
            aim = f"  [aim {self.aim_text}: {'met' if self.met else 'MISSED'}]"
        return f"{self.name}: {self.shown()}{aim}"


NAN = float("nan")
#: Users answered twice after the kill, at most: the README's bound for this burst (the
#: updates in flight, at most 16, and those settled in the last 0.1 s plus the write).
DUPLICATE_BOUND = 60


def all_of(total: float) -> Callable[[float], bool]:
    """Return the aim "every one of ``total``"."""
    return lambda value: value >= total


def at_most(limit: float) -> Callable[[float], bool]:
    """Return the aim "no more than ``limit``"."""
    return lambda value: value <= limit


def median_figure(figures: list[Figure]) -> Figure:
    """Return the run whose value is the median (the lower middle for an even count)."""
    measured = [f for f in figures if f.value == f.value]
    if not measured:
        return figures[0]
    middle = statistics.median_low(f.value for f in measured)
    chosen = next(f for f in measured if f.value == middle)
    if len(figures) == 1:
        return chosen
    note = ", ".join(filter(None, [chosen.note, f"median of {len(measured)}"]))
    return dataclasses.replace(chosen, note=note)


# --- the bot and what it sends ------------------------------------------------------------------


class Deliveries:
    """Count, per chat, the messages the server delivered and when the first one came."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count: Counter[int] = Counter()
        self.first_at: dict[int, float] = {}

    def on_call(self, call: Call) -> None:
        """Record a successful sendMessage (called by the server thread)."""
        if call.method.lower() != "sendmessage" or not call.ok:
            return
        with self.lock:
            chat_id = int(call.chat_id)
            self.count[chat_id] += 1
            self.first_at.setdefault(chat_id, call.at)

    def answered(self, chats: list[int]) -> int:
        """Return how many of ``chats`` got at least one message."""
        with self.lock:
            return sum(1 for chat in chats if self.count[chat])

    def per_chat(self, chats: list[int]) -> list[int]:
        """Return the messages each of ``chats`` got."""
        with self.lock:
            return [self.count[chat] for chat in chats]

    def first_reply(self, chats: list[int]) -> float | None:
        """Return when (monotonic) the first of ``chats`` got a message, if one did."""
        with self.lock:
            times = [self.first_at[chat] for chat in chats if chat in self.first_at]
        return min(times, default=None)

    def everyone_answered(self, chats: list[int]) -> Callable[[], bool]:
        """Return a condition: every one of ``chats`` got a message."""
        return lambda: self.answered(chats) == len(chats)

    def last_first_reply(self, chats: list[int]) -> float | None:
        """Return when the last of ``chats`` to be answered got its first message."""
        with self.lock:
            times = [self.first_at[chat] for chat in chats if chat in self.first_at]
        return max(times, default=None)


def wait_until(condition: Callable[[], bool], seconds: float, interval: float = 0.02) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass; return whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


class BotProcess:
    """The bot in a subprocess, its stderr appended to a log file."""

    def __init__(
        self,
        api: FakeBotApi,
        folder: Path,
        database_url: str,
        log_path: Path,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.api = api
        self.folder = folder
        self.database_url = database_url
        self.log_path = log_path
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the bot and wait until it polls; raise RuntimeError if it does not."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "WEBHOOK_", "DATABASE_", "BOT_", "KNOWLEDGE_"))
        }
        env.update(
            TELEGRAM_BOT_TOKEN=self.api.token,
            TELEGRAM_API_BASE_URL=self.api.base_url,
            DATABASE_URL=self.database_url,
            KNOWLEDGE_PATH=str(KNOWLEDGE),
            BOT_ADMIN_IDS="",
            PYTHONPATH=str(PROJECT),
        )
        env.update(self.extra_env)
        polls = self.api.request_count("getUpdates")
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=self.folder,  # no developer's .env
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        started = wait_until(
            lambda: self.api.request_count("getUpdates") > polls or not self.alive(),
            START_SECONDS,
        )
        if not started or not self.alive():
            raise RuntimeError(f"the bot did not start polling:\n{self.tail()}")

    def alive(self) -> bool:
        """Return whether the process is running."""
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """Kill the bot at once (SIGKILL), as a crash or an OOM killer would."""
        if self.process is not None and self.alive():
            self.process.send_signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(STOP_SECONDS)

    def stop(self) -> None:
        """Stop the bot with SIGTERM, killing it if it takes over STOP_SECONDS."""
        if self.process is None or not self.alive():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            print(f"  (the bot ignored SIGTERM for {STOP_SECONDS:g} s: killed)", flush=True)
            self.kill()

    def log_size(self) -> int:
        """Return the bytes the bot has written to stderr so far."""
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def tail(self, lines: int = 30) -> str:
        """Return the last lines of the bot's log."""
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


# --- the database's question log ----------------------------------------------------------------


def count_questions(database_url: str, first_user: int, last_user: int) -> tuple[int, int]:
    """Return the question log's rows, and distinct texts, of users in a range of ids."""
    query = (
        "select count(*), count(distinct text) from questions where telegram_id between {} and {}"
    )
    driver = database_url.split("://", 1)[0]
    if driver.startswith("sqlite"):
        path = database_url.split(":///", 1)[1].split("?", 1)[0]
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute(query.format("?", "?"), (first_user, last_user)).fetchone()
        return int(row[0]), int(row[1])

    async def from_postgresql() -> tuple[int, int]:
        import asyncpg  # type: ignore[import-untyped]  # a dependency of the bot

        dsn = "postgresql://" + database_url.split("://", 1)[1]
        connection = await asyncpg.connect(dsn)
        try:
            row = await connection.fetchrow(query.format("$1", "$2"), first_user, last_user)
        finally:
            await connection.close()
        return int(row[0]), int(row[1])

    return asyncio.run(from_postgresql())


# --- one run's setting ---------------------------------------------------------------------------


@dataclass
class Context:
    """What every scenario of a run shares: questions, user ids and the database."""

    questions: list[str]
    database_url: str | None
    kill_after: float
    log_dir: Path | None = None  # where bot logs are kept (default: deleted with the run)
    label: str = "run"  # the scenario and run, naming the kept logs
    # User and update ids no earlier run has used: an external database keeps its question
    # log and its inbox (which ignores an update_id it has seen). Update ids stay 32-bit.
    user_ids: Iterator[int] = field(
        default_factory=lambda: itertools.count(
            6_000_000_000 + random.SystemRandom().randrange(10**6) * 10**4
        )
    )
    update_ids: Iterator[int] = field(
        default_factory=lambda: itertools.count(
            1000 + random.SystemRandom().randrange(10**5) * 20_000, UPDATES_PER_SERVER
        )
    )

    def users(self, api: FakeBotApi, count: int) -> list[Json]:
        """Return ``count`` new users, each with a private chat the server knows."""
        users = [api.user(next(self.user_ids), f"User{n}") for n in range(count)]
        for user in users:
            api.private_chat(user)
        return users

    @contextmanager
    def setting(self, on_call: Callable[[Call], None]) -> Iterator[tuple[FakeBotApi, Path, str]]:
        """Yield a started server, a temporary folder and the database URL to use."""
        with (
            tempfile.TemporaryDirectory(prefix="bot-reliability-") as tmp,
            FakeBotApi(on_call=on_call, first_update_id=next(self.update_ids)) as api,
        ):
            folder = Path(tmp)
            yield api, folder, self.database_url or f"sqlite:///{folder / 'bot.sqlite3'}"

    @contextmanager
    def bot(self, api: FakeBotApi, folder: Path, url: str, name: str) -> Iterator[BotProcess]:
        """Start a bot; stop it (SIGTERM, then SIGKILL) whatever happens."""
        log_dir = self.log_dir or folder
        bot = BotProcess(api, folder, url, log_dir / f"{self.label}-{name}.log")
        try:
            bot.start()
            yield bot
        except BaseException:
            print(f"  bot log ({name}, last lines):\n{bot.tail()}", file=sys.stderr, flush=True)
            raise
        finally:
            bot.stop()


def ask(api: FakeBotApi, users: list[Json], questions: list[str]) -> list[int]:
    """Push one question from each user (the golden set, cycled); return their chats."""
    for user, question in zip(users, itertools.cycle(questions), strict=False):
        api.push(api.private_message(question, user))
    return [int(user["id"]) for user in users]


def warm_up(api: FakeBotApi, deliveries: Deliveries, context: Context) -> None:
    """Ask one question and wait for its answer (imports, caches, database pages)."""
    chats = ask(api, context.users(api, 1), ["che phủ rừng"])
    if not wait_until(lambda: deliveries.answered(chats) == 1, 30):
        raise RuntimeError("the warm-up question got no answer in 30 s")


# --- a. kill -9 ----------------------------------------------------------------------------------


def kill_burst(context: Context) -> list[Figure]:
    """Kill -9 the bot in the middle of 600 questions, restart it, count answers and log rows."""
    deliveries = Deliveries()
    with context.setting(deliveries.on_call) as (api, folder, url):
        users = context.users(api, KILL_USERS)
        questions = list(itertools.islice(itertools.cycle(context.questions), KILL_USERS))
        with context.bot(api, folder, url, "bot-1") as first:
            pushed = time.monotonic()
            chats = ask(api, users, questions)
            replied = wait_until(lambda: deliveries.first_reply(chats) is not None, 30)
            kill_at = (deliveries.first_reply(chats) or pushed) + context.kill_after
            time.sleep(max(0.0, kill_at - time.monotonic()) if replied else 0.0)
            first.kill()
            before = deliveries.answered(chats)
        with context.bot(api, folder, url, "bot-2"):
            wait_until(deliveries.everyone_answered(chats), KILL_WAIT_SECONDS)
        # The restarted bot was stopped with SIGTERM: what it buffered is written by now.
        per_user = deliveries.per_chat(chats)
        rows, texts = count_questions(url, min(chats), max(chats))
    distinct = len(set(questions))
    twice = sum(1 for n in per_user if n >= 2)
    return [
        Figure("kill9.answered_before_kill", before, KILL_USERS),
        Figure(
            "kill9.users_answered",
            KILL_USERS - per_user.count(0),
            KILL_USERS,
            aim=all_of(KILL_USERS),
            aim_text=f"{KILL_USERS}/{KILL_USERS}",
        ),
        # The README's bound: updates in flight (at most 16) and those handled in the last
        # settlement interval before the kill (0.1 s, plus the write: ~40 at full speed).
        Figure(
            "kill9.users_answered_twice",
            twice,
            aim=at_most(DUPLICATE_BOUND),
            aim_text=f"<= {DUPLICATE_BOUND} (the stated bound)",
        ),
        Figure("kill9.max_replies_per_user", max(per_user), aim=at_most(2), aim_text="2"),
        Figure(
            "kill9.question_log_rows",
            rows,
            KILL_USERS,
            aim=all_of(KILL_USERS),
            aim_text=f"{KILL_USERS}/{KILL_USERS}",
        ),
        Figure(
            "kill9.question_log_distinct_texts",
            texts,
            distinct,
            aim=all_of(distinct),
            aim_text=f"{distinct}/{distinct}",
        ),
    ]


# --- b. outages ----------------------------------------------------------------------------------


def outages(context: Context) -> list[Figure]:
    """Ask 20 questions during 6 s of 502, of 429 and of dropped connections on sendMessage."""
    faults: list[tuple[str, Callable[[FakeBotApi], None]]] = [
        ("outage502", lambda api: api.fail_for("sendMessage", 502, OUTAGE_SECONDS)),
        (
            "outage429",
            lambda api: api.fail_for("sendMessage", 429, OUTAGE_SECONDS, retry_after=2),
        ),
        ("outage_dropped", lambda api: api.drop_connections_for("sendMessage", OUTAGE_SECONDS)),
    ]
    figures = []
    deliveries = Deliveries()
    with (
        context.setting(deliveries.on_call) as (api, folder, url),
        context.bot(api, folder, url, "bot"),
    ):
        warm_up(api, deliveries, context)
        for name, fault in faults:
            users = context.users(api, OUTAGE_USERS)
            fault(api)
            pushed = time.monotonic()
            chats = ask(api, users, context.questions)
            wait_until(deliveries.everyone_answered(chats), OUTAGE_SECONDS + OUTAGE_WAIT_SECONDS)
            api.clear_faults()
            delivered = deliveries.answered(chats)
            last = deliveries.last_first_reply(chats)
            missing = len(chats) - delivered
            figures += [
                Figure(
                    f"{name}.delivered",
                    delivered,
                    len(chats),
                    aim=all_of(len(chats)),
                    aim_text=f"{len(chats)}/{len(chats)}",
                ),
                Figure(
                    f"{name}.last_reply_after",
                    NAN if last is None else last - pushed,
                    unit="s",
                    note=f"{missing} never answered" if missing and last is not None else "",
                ),
            ]
    return figures


# --- c. poison -----------------------------------------------------------------------------------


def poison(context: Context) -> list[Figure]:
    """Push an update PTB cannot parse, then 50 questions; watch answers, polls and the log."""
    deliveries = Deliveries()
    with (
        context.setting(deliveries.on_call) as (api, folder, url),
        context.bot(api, folder, url, "bot") as bot,
    ):
        warm_up(api, deliveries, context)
        log_before = bot.log_size()
        polls_before = api.request_count("getUpdates")
        pushed = time.monotonic()
        api.push(api.poll_update())
        chats = ask(api, context.users(api, POISON_USERS), context.questions)
        window_end = pushed + POISON_WINDOW_SECONDS
        wait_until(deliveries.everyone_answered(chats), window_end - time.monotonic())
        answered = deliveries.answered(chats)
        time.sleep(max(0.0, window_end - time.monotonic()))
        log_bytes = bot.log_size() - log_before
        polls = api.request_count("getUpdates") - polls_before
        # Still polling: a question asked after the window is answered.
        probe = ask(api, context.users(api, 1), ["che phủ rừng"])
        alive = wait_until(lambda: deliveries.answered(probe) == 1, PROBE_SECONDS)
    return [
        Figure(
            "poison.users_answered",
            answered,
            POISON_USERS,
            aim=all_of(POISON_USERS),
            aim_text=f"{POISON_USERS}/{POISON_USERS}",
        ),
        Figure(
            "poison.still_polling",
            float(alive),
            unit="bool",
            aim=bool,
            aim_text="yes",
            note=f"a question asked after the {POISON_WINDOW_SECONDS:g} s was "
            + ("answered" if alive else f"not answered in {PROBE_SECONDS:g} s"),
        ),
        Figure(f"poison.getupdates_requests_in_{POISON_WINDOW_SECONDS:g}s", polls),
        Figure(
            f"poison.log_bytes_in_{POISON_WINDOW_SECONDS:g}s",
            log_bytes,
            unit="bytes",
            aim=at_most(POISON_LOG_BUDGET),
            aim_text=f"<= {POISON_LOG_BUDGET}",
        ),
    ]


# --- d. throughput -------------------------------------------------------------------------------


def throughput(context: Context) -> list[Figure]:
    """Measure telegram_e2e.py's burst: 2,000 questions from 200 users pushed at once."""
    replies = Replies()
    with (
        context.setting(replies.on_call) as (api, folder, url),
        context.bot(api, folder, url, "bot"),
    ):
        # telegram_e2e.py's warm-up, then its burst phase.
        run_phase("warm-up", api, replies, context.questions, context.users(api, 200), 200, 200)
        burst = run_phase(
            "burst",
            api,
            replies,
            context.questions,
            context.users(api, BURST_USERS),
            BURST_QUESTIONS,
            None,
        )
    refused = f"{len(replies.errors)} sendMessage refused" if replies.errors else ""
    return [Figure("throughput.burst", burst.throughput, unit="q/s", note=refused)]


SCENARIOS: dict[str, tuple[str, Callable[[Context], list[Figure]]]] = {
    "a": ("kill -9 during a burst of 600 questions", kill_burst),
    "b": ("6 s of 502, 429 and dropped connections on sendMessage", outages),
    "c": ("a poison update, then 50 questions", poison),
    "d": ("throughput, 2,000 questions at once", throughput),
}


def main(argv: list[str] | None = None) -> int:
    """Run the scenarios and print their figures; return 0 even when aims are missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs (the median is reported)")
    parser.add_argument("--only", default="a,b,c,d", help="scenarios to run, e.g. a,c")
    parser.add_argument(
        "--database-url", help="the bot's DATABASE_URL (default: a fresh SQLite file per run)"
    )
    parser.add_argument(
        "--kill-after",
        type=float,
        default=2.0,
        help="seconds after the first reply at which scenario a kills the bot",
    )
    parser.add_argument(
        "--keep-logs", type=Path, metavar="DIR", help="keep the bot's logs (stderr) in DIR"
    )
    args = parser.parse_args(argv)
    chosen = [key.strip() for key in args.only.split(",") if key.strip()]
    unknown = [key for key in chosen if key not in SCENARIOS]
    if unknown or args.runs < 1:
        parser.error(f"--only takes letters of {','.join(SCENARIOS)}; --runs at least 1")
    print(
        f"machine: {platform.processor() or platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {dt.date.today()}"
    )
    database = "a fresh SQLite file per run"
    if args.database_url:
        database = args.database_url.split("://", 1)[0] + " (--database-url)"
    print(f"bot: python -m bot run in a subprocess; fake Bot API on 127.0.0.1; {database}")
    if args.keep_logs:
        args.keep_logs.mkdir(parents=True, exist_ok=True)
    context = Context(golden_questions(), args.database_url, args.kill_after, args.keep_logs)
    results: dict[str, list[Figure]] = {}
    failures: list[str] = []
    for key in chosen:
        title, scenario = SCENARIOS[key]
        for run in range(args.runs):
            print(f"{key}. {title}, run {run + 1}/{args.runs} ...", flush=True)
            started = time.monotonic()
            context.label = f"{key}-run{run + 1}"
            try:
                figures = scenario(context)
            except Exception as error:  # a crashed scenario is a result; go on with the next
                traceback.print_exc()
                failures.append(f"{key} run {run + 1}: {type(error).__name__}: {error}")
                continue
            seconds = time.monotonic() - started
            shown = ", ".join(f"{f.name.split('.', 1)[1]} {f.shown()}" for f in figures)
            print(f"  {shown} ({seconds:.0f} s)", flush=True)
            for figure in figures:
                results.setdefault(figure.name, []).append(figure)
    print()
    medians = [median_figure(figures) for figures in results.values()]
    for figure in medians:
        print(figure.line())
    judged = [f for f in medians if f.met is not None]
    missed = [f"{f.name} {f.shown()}" for f in judged if not f.met]
    summary = f"summary: {len(judged) - len(missed)}/{len(judged)} aims met"
    if missed:
        summary += "; missed: " + "; ".join(missed)
    if failures:
        summary += "; scenarios failed: " + "; ".join(failures)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
