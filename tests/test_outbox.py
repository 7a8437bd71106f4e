"""The outbox on SQLite and PostgreSQL: exactly once, paced, 403/429/5xx, crashes, two workers."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections import Counter

import pytest

from bot.access.service import AccessService
from bot.outbox import delivery
from bot.outbox.delivery import DeliveryWorker
from bot.outbox.model import Blocked, Failed, Outcome, Recipient, RetryLater, Sent
from bot.outbox.service import AUDIENCE, SEND, STOP, BroadcastDesk
from bot.storage import Database
from bot.storage.repositories import outbox as store
from bot.storage.repositories.people import record_user

ADMIN = 1


class Recorder:
    """A sender that records every send, with scripted outcomes per chat."""

    lanes = 8

    def __init__(self, script: dict[int, list[Outcome]] | None = None) -> None:
        self.script = script or {}
        self.sent: list[tuple[int, float]] = []
        self.tries: Counter[int] = Counter()

    async def send(self, chat_id: int, text: str) -> Outcome:
        self.tries[chat_id] += 1
        queued = self.script.get(chat_id)
        outcome = queued.pop(0) if queued else Sent()
        if isinstance(outcome, Sent):
            self.sent.append((chat_id, time.monotonic()))
        await asyncio.sleep(0)
        return outcome


async def _queue(db: Database, chats: list[int], *, groups: tuple[int, ...] = ()) -> int:
    broadcast = await store.create_broadcast(db, ADMIN, "<b>Thông báo</b>", "all")
    recipients = [Recipient(c) for c in chats] + [Recipient(g, is_group=True) for g in groups]
    assert await store.start_broadcast(db, broadcast, recipients) == len(recipients)
    return broadcast


async def _drain(*workers: DeliveryWorker, seconds: float = 30) -> None:
    async with asyncio.timeout(seconds):
        while True:
            handled = await asyncio.gather(*(w.run_once() for w in workers))
            if not any(handled) and not await store.has_sending(workers[0].db):
                return
            if not any(handled):
                await asyncio.sleep(0.05)


async def test_every_recipient_gets_exactly_one_message(database: Database) -> None:
    chats = list(range(1000, 1120))
    broadcast = await _queue(database, chats)
    sender = Recorder()
    await _drain(DeliveryWorker(database, sender, rate=1000))
    assert sorted(c for c, _ in sender.sent) == chats
    report = await store.report(database, broadcast)
    assert report is not None
    assert (report.state, report.counts) == ("done", {"sent": 120})


async def test_blocked_retried_and_failed_recipients(database: Database, monkeypatch) -> None:
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", 2)
    for chat in (2001, 2002):
        await record_user(database, chat, "A", None, None, None)
    script: dict[int, list[Outcome]] = {
        2001: [Blocked("Forbidden: bot was blocked by the user")],
        2002: [RetryLater(0.2)],
        2003: [Failed("Bad Gateway", transient=True)],
        2004: [Failed("Bad Gateway", transient=True), Failed("Bad Gateway", transient=True)],
        2005: [Failed("Bad Request: message is too long", transient=False)],
    }
    broadcast = await _queue(database, [2001, 2002, 2003, 2004, 2005, 2006])
    sender = Recorder(script)
    await _drain(DeliveryWorker(database, sender, rate=1000))
    assert sorted(c for c, _ in sender.sent) == [2002, 2003, 2006]
    assert sender.tries == {2001: 1, 2002: 2, 2003: 2, 2004: 2, 2005: 1, 2006: 1}
    report = await store.report(database, broadcast)
    assert report is not None
    assert report.counts == {"sent": 3, "blocked": 1, "failed": 2}
    assert report.errors == {
        "Forbidden: bot was blocked by the user": 1,
        "Bad Gateway": 1,
        "Bad Request: message is too long": 1,
    }
    # The user who blocked the bot is marked so, and left out of the next broadcast.
    assert await store.users(database, respect_opt_out=True) == [(2002, False)]


async def test_a_worker_killed_mid_batch_loses_no_one(database: Database) -> None:
    chats = list(range(3000, 3050))
    await _queue(database, chats)
    now = dt.datetime.now(dt.UTC)
    # A worker claims a batch and dies before recording anything.
    lost = await store.claim(database, "dead", 10, lease=dt.timedelta(seconds=5), now=now)
    assert len(lost) == 10
    sender = Recorder()
    later = DeliveryWorker(database, sender, rate=1000, now=lambda: now + dt.timedelta(seconds=10))
    await _drain(later)
    counted = Counter(c for c, _ in sender.sent)
    assert sorted(counted) == chats
    assert set(counted.values()) == {1}


async def test_two_workers_never_send_one_row_twice(database: Database) -> None:
    chats = list(range(4000, 4300))
    await _queue(database, chats)
    sender = Recorder()
    workers = [DeliveryWorker(database, sender, rate=1000, name=f"w{n}") for n in range(2)]
    stopping = asyncio.Event()
    running = [asyncio.create_task(w.run(stopping)) for w in workers]
    async with asyncio.timeout(60):
        while len(sender.sent) < len(chats):  # noqa: ASYNC110  (polling the recorder)
            await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    stopping.set()
    await asyncio.gather(*running)
    counted = Counter(c for c, _ in sender.sent)
    assert sorted(counted) == chats
    assert set(counted.values()) == {1}


async def test_the_rate_holds_across_workers(database: Database) -> None:
    await _queue(database, list(range(5000, 5060)))
    sender = Recorder()
    workers = [DeliveryWorker(database, sender, rate=40, name=f"w{n}") for n in range(2)]
    start = time.monotonic()
    await _drain(*workers)
    elapsed = time.monotonic() - start
    times = sorted(t for _, t in sender.sent)
    assert elapsed >= 59 / 40 * 0.9
    # No one-second window holds more than the rate (+1 for the window's two ends).
    assert max(sum(1 for u in times if t <= u < t + 1) for t in times) <= 41


async def test_a_group_gets_at_most_one_message_every_three_seconds(database: Database) -> None:
    first = await store.reserve(database, "group:-100", 1, delivery.GROUP_INTERVAL)
    second = await store.reserve(database, "group:-100", 1, delivery.GROUP_INTERVAL)
    assert (second - first).total_seconds() == pytest.approx(3.0)
    other = await store.reserve(database, "group:-200", 1, delivery.GROUP_INTERVAL)
    assert other < second


async def _desk(database: Database, unreported: list[str] | None = None) -> BroadcastDesk:
    async def units() -> list[str]:
        return unreported or []

    return BroadcastDesk(database, AccessService(database, {ADMIN}), units)


async def test_preview_audience_send_and_stop(database: Database) -> None:
    for user in (ADMIN, 11, 12, 13):
        await record_user(database, user, "A", None, None, None)
    desk = await _desk(database)
    assert "Cú pháp: /thongbao" in (await desk.compose(ADMIN, "  ")).text
    assert "quyền quản trị" in (await desk.compose(11, "xin chào")).text
    preview = await desk.compose(ADMIN, "Họp <b>giao ban</b> lúc 8h")
    assert preview.html
    assert "tất cả người dùng (4 người nhận)" in preview.text
    assert "Họp <b>giao ban</b> lúc 8h" in preview.text
    number = next(b.value for row in preview.buttons for b in row if b.action == SEND)
    admins = await desk.press(ADMIN, AUDIENCE, f"{number}:admins")
    assert "quản trị viên (1 người nhận)" in admins.text
    sending = await desk.press(ADMIN, SEND, number)
    assert "đã gửi 0/1" in sending.text
    assert "đang được gửi" in (await desk.press(ADMIN, SEND, number)).text
    stopped = await desk.press(ADMIN, STOP, number)
    assert "Đã dừng gửi" in stopped.text


async def test_opting_out_skips_announcements_not_reminders_about_ones_unit(
    database: Database,
) -> None:
    for user in (21, 22):
        await record_user(database, user, "A", None, None, None)
    access = AccessService(database, {ADMIN})
    await access.grant(ADMIN, 21, "reporter", ("ha-quang",))
    desk = await _desk(database, ["ha-quang"])
    assert "Đã tắt" in (await desk.opt(21, True)).text
    assert [r.chat_id for r in await desk.recipients("all")] == [22]
    assert [r.chat_id for r in await desk.recipients("reporters")] == []
    assert [r.chat_id for r in await desk.recipients("unreported", "reminder")] == [21]
    await desk.opt(21, False)
    assert [r.chat_id for r in await desk.recipients("all")] == [21, 22]


async def test_the_sliding_window_lets_a_backlog_out_at_the_rate_not_as_a_burst() -> None:
    window = delivery.SlidingWindow(5, period=0.2)
    starts: list[float] = []

    async def send() -> None:
        await window.admit()
        starts.append(time.monotonic())

    # Twenty sends all due at once (a stalled moment's backlog).
    await asyncio.gather(*(send() for _ in range(20)))
    assert starts[-1] - starts[0] >= 3 * 0.2 * 0.95
    assert max(sum(1 for u in starts if t <= u < t + 0.2) for t in starts) <= 5


def test_a_window_that_lets_nothing_through_is_refused() -> None:
    with pytest.raises(ValueError, match="lets nothing through"):
        delivery.SlidingWindow(0)
