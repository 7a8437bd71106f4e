"""Broadcast benchmark: pace, exactly once, crashes and two instances, against the fake Bot API.

The bot runs as in production (``python -m bot run`` subprocesses) against the fake Bot API
served by this process on 127.0.0.1; a broadcast is queued in its database (one outbox row
per recipient, as [Gửi] queues it) and the fake server counts what arrives:

a. pace: 10,000 recipients, ``BROADCAST_PAID=true`` and ``BROADCAST_RATE=300``: the achieved
   rate (first to last message) and the most messages in any one-second window; meanwhile 50
   other users ask a question each, 0.2 s apart: p50/p99 from question to answer;
b. faults: 2,000 recipients (at 300/s), a 429 (``retry_after`` 1) on every 50th
   ``sendMessage`` and 3% of recipients blocked: recipients not blocked with exactly one
   message, and the blocked with none;
c. SIGKILL: 10,000 recipients, the bot killed at about half-way and started again: lost
   recipients (none may be), and recipients sent twice (bound: the rows a worker has
   claimed and not yet recorded, 2 claims of 100 at this rate);
d. two instances on PostgreSQL 15 (a throwaway cluster), one killed at half-way and not
   restarted: lost and twice-sent recipients, as in c.

Usage::

    .venv/bin/python benchmarks/broadcast.py [--only a,b,c,d]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from benchmarks.progress import postgres  # noqa: E402
from benchmarks.reliability import BotProcess, wait_until  # noqa: E402
from bot.outbox.delivery import IN_FLIGHT, batch_size  # noqa: E402
from bot.outbox.model import Recipient  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.models import User  # noqa: E402
from bot.storage.repositories import outbox  # noqa: E402
from tests.fakes.bot_api import Call, FakeBotApi  # noqa: E402

TEXT = "Thông báo của Văn phòng Tỉnh uỷ về tiến độ báo cáo số liệu"
RATE = 300
FIRST_USER = 8_000_000


BOUND = IN_FLIGHT * batch_size(RATE)


class Arrivals:
    """What the fake server delivered: the broadcast per chat, and answers to questions."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.broadcast: Counter[int] = Counter()
        self.times: list[float] = []
        self.answers: dict[int, float] = {}

    def on_call(self, call: Call) -> None:
        """Record a successful sendMessage (called by the server's threads)."""
        if call.method.lower() != "sendmessage" or not call.ok:
            return
        with self.lock:
            if TEXT in call.text:
                self.broadcast[int(call.chat_id)] += 1
                self.times.append(call.at)
            else:
                self.answers.setdefault(int(call.chat_id), call.at)

    def delivered(self) -> int:
        """Return how many recipients have their message."""
        with self.lock:
            return len(self.broadcast)


async def prepare(url: str, users: list[int]) -> None:
    """Migrate, record the users, and queue the broadcast to all of them."""
    db = Database.from_url(url)
    try:
        await db.upgrade()
        async with db.write() as session:
            now = dt.datetime.now(dt.UTC)
            session.add_all(
                User(telegram_id=u, first_name="Cán bộ", first_seen=now, last_seen=now)
                for u in users
            )
        broadcast = await outbox.create_broadcast(db, None, TEXT, "all")
        await outbox.start_broadcast(db, broadcast, [Recipient(u) for u in users])
    finally:
        await db.dispose()


@contextmanager
def setting(
    count: int, url: str | None
) -> Iterator[tuple[FakeBotApi, Arrivals, str, Path, list[int]]]:
    """Yield a fake server with ``count`` users, the arrivals, a database URL and a folder."""
    arrivals = Arrivals()
    with (
        tempfile.TemporaryDirectory(prefix="bot-broadcast-") as tmp,
        FakeBotApi(on_call=arrivals.on_call) as api,
    ):
        folder = Path(tmp)
        database_url = url or f"sqlite:///{folder / 'bot.sqlite3'}"
        users = list(range(FIRST_USER, FIRST_USER + count))
        for user in users:
            api.private_chat(api.user(user, "Cán bộ"))
        asyncio.run(prepare(database_url, users))
        yield api, arrivals, database_url, folder, users


def bot(api: FakeBotApi, folder: Path, url: str, name: str) -> BotProcess:
    """Return a bot process that broadcasts at 300/s with paid broadcasts."""
    env = {"BROADCAST_PAID": "true", "BROADCAST_RATE": str(RATE), "INSTANCE_NAME": name}
    return BotProcess(api, folder, url, folder / f"{name}.log", env)


def window_max(times: list[float]) -> int:
    """Return the most messages in any one-second window."""
    times = sorted(times)
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def pace() -> None:
    """a. 10,000 recipients at 300/s, questions answered meanwhile."""
    with setting(10_000, None) as (api, arrivals, url, folder, users):
        process = bot(api, folder, url, "a")
        process.start()
        try:
            askers = [api.user(9_000_000 + n, "Hỏi") for n in range(50)]
            for asker in askers:
                api.private_chat(asker)
            wait_until(lambda: arrivals.delivered() > 1000, 60)
            pushed = {}
            for asker in askers:
                pushed[asker["id"]] = time.monotonic()
                api.push(api.private_message("tỷ lệ che phủ rừng", asker))
                time.sleep(0.2)
            done = wait_until(lambda: arrivals.delivered() == len(users), 120)
            wait_until(lambda: len(arrivals.answers) >= len(askers), 30)
        finally:
            process.stop()
        times = sorted(arrivals.times)
        rate = (len(times) - 1) / (times[-1] - times[0])
        waits = sorted(arrivals.answers[a] - pushed[a] for a in pushed if a in arrivals.answers)
        print(f"a. delivered: {arrivals.delivered()}/{len(users)} (complete: {done})")
        print(f"a. achieved rate: {rate:.1f}/s of {RATE}/s ({100 * rate / RATE:.1f}%, aim ≥ 95%)")
        print(f"a. most messages in one second: {window_max(times)} (aim ≤ {RATE})")
        p99 = waits[min(len(waits) - 1, int(len(waits) * 0.99))]
        print(
            f"a. questions during the broadcast: {len(waits)}/{len(askers)} answered, "
            f"p50 {1000 * statistics.median(waits):.0f} ms, p99 {1000 * p99:.0f} ms"
        )


def faults() -> None:
    """b. a 429 on every 50th call, 3% of recipients blocked."""
    with setting(2_000, None) as (api, arrivals, url, folder, users):
        blocked = set(random.Random(3).sample(users, len(users) * 3 // 100))
        api.blocked |= blocked
        api.fail_every("sendMessage", 50, 429, retry_after=1)
        process = bot(api, folder, url, "b")
        process.start()
        try:
            wanted = [u for u in users if u not in blocked]
            done = wait_until(lambda: all(arrivals.broadcast[u] for u in wanted), 180)
            time.sleep(2)
        finally:
            process.stop()
        counts = [arrivals.broadcast[u] for u in wanted]
        print(
            f"b. exactly one message: {sum(c == 1 for c in counts)}/{len(wanted)} "
            f"(complete: {done}); to blocked recipients: "
            f"{sum(arrivals.broadcast[u] for u in blocked)}/{len(blocked)} (aim 0)"
        )


def crash(url: str | None, label: str, instances: int) -> None:
    """c/d. kill an instance at half-way; count lost and twice-sent recipients."""
    with setting(10_000, url) as (api, arrivals, database_url, folder, users):
        processes = [bot(api, folder, database_url, f"{label}{n}") for n in range(instances)]
        with ExitStack() as stack:
            for process in processes:
                process.start()
                stack.callback(process.stop)
            wait_until(lambda: arrivals.delivered() >= len(users) // 2, 120)
            processes[0].kill()
            if instances == 1:
                processes[0].start()
            done = wait_until(lambda: arrivals.delivered() == len(users), 240)
            time.sleep(2)
        lost = sum(1 for u in users if not arrivals.broadcast[u])
        twice = sum(1 for u in users if arrivals.broadcast[u] > 1)
        print(
            f"{label}. killed at half-way ({instances} instance(s)): lost {lost} (aim 0), "
            f"sent twice {twice} (bound {BOUND}: {IN_FLIGHT} claims of {batch_size(RATE)}), "
            f"complete: {done}"
        )


def main() -> None:
    """Run the scenarios asked for."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--only", default="a,b,c,d")
    only = set(arguments.parse_args().only.split(","))
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}")
    if "a" in only:
        pace()
    if "b" in only:
        faults()
    if "c" in only:
        crash(None, "c", 1)
    if "d" in only:
        with postgres() as url:
            crash(url.replace("+asyncpg", ""), "d", 2)


if __name__ == "__main__":
    main()
