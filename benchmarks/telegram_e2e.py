"""End-to-end benchmark of the Telegram layer: questions through the fake Bot API on loopback.

The bot runs as it does in production, as a separate process (``python -m bot run``, i.e.
``resolution-bot run``) with ``TELEGRAM_API_BASE_URL`` pointing at the fake Bot API server
(tests/fakes/bot_api.py) in this process, a fresh SQLite database and the real knowledge base.
Simulated users write questions (the golden set's wordings, with and without diacritics) in
private chats; a question is timed from the moment its update is pushed to the server until
the bot's ``sendMessage`` for that chat arrives.

Two phases per run, each ``--questions`` questions from ``--users`` users (different users, so
the 20-a-minute flood control never triggers):

* paced: questions arrive at ``--rate`` per second (open loop, a user never has two questions
  waiting), which gives the latency users see at that load;
* burst: all questions are pushed at once (every user's questions queued behind each other),
  which gives the most the bot can do: its throughput.

Peak RSS is the bot process's high-water mark (VmHWM in /proc/<pid>/status), read before it is
stopped. Usage::

    .venv/bin/python benchmarks/telegram_e2e.py [--runs 3] [--rate 300]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from tests.fakes.bot_api import Call, FakeBotApi  # noqa: E402

GOLDEN = PROJECT / "tests" / "data" / "questions.yaml"
KNOWLEDGE = PROJECT / "knowledge" / "resolution.yaml"
FIRST_USER = 500_000


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    questions: int
    seconds: float
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.questions / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Replies:
    """Match the bot's replies to the questions waiting in each chat (called by the server)."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.waiting: dict[int, deque[float]] = {}
        self.latencies: list[float] = []
        self.errors: list[Call] = []
        self.last_reply = 0.0
        self.seen: dict[str, threading.Event] = {}

    def expect(self, chat_id: int, pushed_at: float) -> None:
        with self.lock:
            self.waiting.setdefault(chat_id, deque()).append(pushed_at)

    def busy(self, chat_id: int) -> bool:
        with self.lock:
            return bool(self.waiting.get(chat_id))

    def on_call(self, call: Call) -> None:
        now = time.perf_counter()
        event = self.seen.setdefault(call.method, threading.Event())
        event.set()
        if call.method != "sendMessage":
            return
        with self.lock:
            if not call.ok:
                self.errors.append(call)
            queue = self.waiting.get(call.chat_id)
            if queue:
                self.latencies.append(now - queue.popleft())
                self.last_reply = now
            self.lock.notify_all()

    def wait_all(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with self.lock:
            while any(self.waiting.values()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    left = sum(len(q) for q in self.waiting.values())
                    raise TimeoutError(f"{left} questions still unanswered")
                self.lock.wait(remaining)

    def reset(self) -> None:
        with self.lock:
            self.latencies = []


def golden_questions() -> list[str]:
    data = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    return [entry["q"] for entry in data["questions"]]


def start_bot(api: FakeBotApi, folder: Path, log: IO[bytes]) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        DATABASE_URL=f"sqlite:///{folder / 'bot.sqlite3'}",
        KNOWLEDGE_PATH=str(KNOWLEDGE),
        BOT_ADMIN_IDS="",
        PYTHONPATH=str(PROJECT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_phase(
    name: str,
    api: FakeBotApi,
    replies: Replies,
    questions: list[str],
    users: list[dict[str, Any]],
    count: int,
    rate: float | None,
) -> Phase:
    """Push ``count`` questions (paced at ``rate`` a second, or all at once) and time them."""
    replies.reset()
    start = time.perf_counter()
    next_user = 0
    for number in range(count):
        if rate:
            due = start + number / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            # Open loop; a user asks again only once answered, unless everyone is waiting.
            free = next(
                (
                    step
                    for step in range(len(users))
                    if not replies.busy(int(users[(next_user + step) % len(users)]["id"]))
                ),
                0,
            )
            user = users[(next_user + free) % len(users)]
            next_user += free + 1
        else:
            user = users[number % len(users)]
        update = api.private_message(questions[number % len(questions)], user)
        replies.expect(int(user["id"]), time.perf_counter())
        api.push(update)
    replies.wait_all(120)
    seconds = replies.last_reply - start
    return Phase(name, count, seconds, list(replies.latencies))


def run_once(args: argparse.Namespace, questions: list[str], number: int) -> dict[str, float]:
    replies = Replies()
    with (
        tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp,
        FakeBotApi(on_call=replies.on_call) as api,
        open(Path(tmp) / "bot.log", "wb") as log,
    ):
        folder = Path(tmp)
        process = start_bot(api, folder, log)
        try:
            started = replies.seen.setdefault("deleteWebhook", threading.Event())
            if not started.wait(60):
                raise RuntimeError(f"the bot did not start; see {folder / 'bot.log'}")
            base = FIRST_USER + number * 10 * args.users

            def users(offset: int) -> list[dict[str, Any]]:
                return [api.user(base + offset + n, f"User{n}") for n in range(args.users)]

            # Warm up (imports, caches, SQLite pages) with users not measured.
            run_phase("warm-up", api, replies, questions, users(8 * args.users), 200, 200)
            cpu_before = cpu_seconds(process.pid)
            paced = run_phase(
                "paced", api, replies, questions, users(0), args.questions, args.rate
            )
            burst = run_phase(
                "burst", api, replies, questions, users(args.users), args.questions, None
            )
            cpu = cpu_seconds(process.pid) - cpu_before
            rss = peak_rss_mb(process.pid)
            if replies.errors:
                raise RuntimeError(f"{len(replies.errors)} replies refused: {replies.errors[0]}")
        except Exception:
            log = (folder / "bot.log").read_text(errors="replace").splitlines()
            print("\n".join(["bot log (last lines):", *log[-30:]]), file=sys.stderr)
            raise
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    result = {
        "paced_rate": paced.throughput,
        "paced_p50_ms": paced.percentile(0.5) * 1000,
        "paced_p99_ms": paced.percentile(0.99) * 1000,
        "burst_rate": burst.throughput,
        "burst_p50_ms": burst.percentile(0.5) * 1000,
        "burst_p99_ms": burst.percentile(0.99) * 1000,
        "cpu_ms_per_question": cpu * 1000 / (2 * args.questions),
        "peak_rss_mb": rss,
    }
    print(
        f"run {number + 1}: paced {paced.throughput:6.1f} q/s,"
        f" p50 {result['paced_p50_ms']:5.1f} ms, p99 {result['paced_p99_ms']:6.1f} ms |"
        f" burst {burst.throughput:6.1f} q/s,"
        f" p50 {result['burst_p50_ms']:6.1f} ms, p99 {result['burst_p99_ms']:6.1f} ms |"
        f" bot CPU {result['cpu_ms_per_question']:.2f} ms/question, peak RSS {rss:.1f} MB",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000, help="questions per phase")
    parser.add_argument("--users", type=int, default=200, help="simulated users per phase")
    parser.add_argument("--rate", type=float, default=300, help="paced arrivals per second")
    parser.add_argument("--runs", type=int, default=3, help="runs (the median is reported)")
    args = parser.parse_args(argv)
    questions = golden_questions()
    print(
        f"{args.questions} questions from {args.users} users per phase, {len(questions)} distinct"
        f" wordings; bot in a subprocess (python -m bot run), fake Bot API on 127.0.0.1;"
        f" {os.cpu_count()} CPUs",
        flush=True,
    )
    results = [run_once(args, questions, number) for number in range(args.runs)]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    print(
        f"median of {args.runs}: throughput {median['burst_rate']:.1f} q/s (burst);"
        f" at {args.rate:.0f} q/s offered: {median['paced_rate']:.1f} q/s served,"
        f" p50 {median['paced_p50_ms']:.1f} ms, p99 {median['paced_p99_ms']:.1f} ms;"
        f" peak RSS {median['peak_rss_mb']:.1f} MB;"
        f" bot CPU {median['cpu_ms_per_question']:.2f} ms/question"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
