"""Durable updates end to end: stored before confirmed, handled once, poison skipped."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.inbox import UpdateInbox
from bot.storage import Database
from tests.fakes.bot_api import FakeBotApi
from tests.fixtures.telegram import StartBot, TelegramHarness
from tests.test_telegram_run import process_env

LAN = 100001
FOREST = "Tỷ lệ che phủ rừng năm 2020: 55%"


async def inbox_states(bot: TelegramHarness) -> dict[int, str]:
    await bot.core.inbox.flush()
    async with bot.core.database.transaction() as session:
        rows = await session.execute(text("select update_id, state from inbox"))
        return {row[0]: row[1] for row in rows}


async def test_an_update_delivered_twice_is_answered_once(telegram_bot: TelegramHarness) -> None:
    update = telegram_bot.api.private_message("che phủ rừng", telegram_bot.user(LAN))
    first = await telegram_bot.reply_to(update)
    mark = telegram_bot.api.push_again(update)
    assert first.plain_text.startswith(FOREST)
    # A question from someone else after it: once it is answered, the repeat was handled.
    telegram_bot.api.push(
        telegram_bot.api.private_message("xuat khau", telegram_bot.user(LAN + 1))
    )
    await telegram_bot.api.wait_for_call("sendMessage", since=mark)
    sent = telegram_bot.api.calls_of("sendMessage", since=mark)
    assert [c.chat_id for c in sent] == [LAN + 1]


async def test_a_poison_update_is_skipped_and_everyone_else_answered(
    telegram_bot: TelegramHarness, caplog: pytest.LogCaptureFixture
) -> None:
    api = telegram_bot.api
    poison = api.poll_update()
    with caplog.at_level(logging.WARNING):
        api.push(poison)
        replies = [await telegram_bot.ask("che phủ rừng", user_id=LAN + n) for n in range(5)]
    assert all(r.plain_text.startswith(FOREST) for r in replies)
    states = await inbox_states(telegram_bot)
    assert states[poison["update_id"]] == "failed"
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skipped) == 1  # logged once, without the update's content
    assert "Chỉ tiêu nào khó đạt nhất" not in caplog.text


async def test_a_broken_message_is_skipped_too(telegram_bot: TelegramHarness) -> None:
    api = telegram_bot.api
    broken = api.broken_message("che phủ rừng", telegram_bot.user(LAN))
    api.push(broken)
    assert (await telegram_bot.ask("xuất khẩu")).ok
    assert (await inbox_states(telegram_bot))[broken["update_id"]] == "failed"


async def test_garbage_from_get_updates_is_waited_out(telegram_bot: TelegramHarness) -> None:
    telegram_bot.api.garbage_updates(2)
    reply = await telegram_bot.reply_to(
        telegram_bot.api.private_message("che phủ rừng", telegram_bot.user(LAN)), seconds=15
    )
    assert reply.plain_text.startswith(FOREST)


async def test_handled_updates_are_settled_done(telegram_bot: TelegramHarness) -> None:
    update = telegram_bot.api.private_message("che phủ rừng", telegram_bot.user(LAN))
    await telegram_bot.reply_to(update)
    assert (await inbox_states(telegram_bot))[update["update_id"]] == "done"


async def test_an_update_whose_handler_fails_is_settled_failed(
    telegram_bot: TelegramHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(question: str, previous: object = None) -> None:
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr(telegram_bot.core.library, "answer", broken)
    update = telegram_bot.api.private_message("che phủ rừng", telegram_bot.user(LAN))
    await telegram_bot.reply_to(update)  # the apology
    assert (await inbox_states(telegram_bot))[update["update_id"]] == "failed"


async def test_updates_stored_before_a_crash_are_handled_at_start(
    database_url: str, start_bot: StartBot, fake_api: FakeBotApi
) -> None:
    # A crash between storing and handling: the rows are there, pending, nobody answered.
    db = Database.from_url(database_url)
    await db.prepare()
    users = [fake_api.user(LAN + n, f"Người {n}") for n in range(3)]
    updates = [fake_api.prepare(fake_api.private_message("che phủ rừng", u)) for u in users]
    await UpdateInbox(db).accept(updates)
    await db.dispose()
    bot = await start_bot({"DATABASE_URL": database_url})
    for user in users:
        reply = await fake_api.wait_for_call("sendMessage", lambda c, u=user: c.chat_id == u["id"])
        assert reply.plain_text.startswith(FOREST)
    for update in updates:
        await bot.handled(update)
    assert set((await inbox_states(bot)).values()) == {"done"}


# --- kill -9 under load, as a process --------------------------------------------------------


def bot_process(env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    """Start ``python -m bot run``."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


async def all_answered(api: FakeBotApi, users: list[int], seconds: float) -> None:
    """Wait until every user has had a reply (the fake's record, checked every 50 ms)."""
    async with asyncio.timeout(seconds):
        while not all(api.messages_per_chat()[u] for u in users):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_a_kill_9_under_load_loses_no_question(
    database_url: str, fake_api: FakeBotApi, tmp_path: Path
) -> None:
    env = process_env(fake_api, tmp_path, DATABASE_URL=database_url)
    users = [200000 + n for n in range(150)]
    for user_id in users:
        fake_api.push(fake_api.private_message("che phủ rừng", fake_api.user(user_id)))
    process = bot_process(env, tmp_path)
    try:
        await fake_api.wait_for_call("sendMessage", timeout=30)
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=10)
        answered_before = sum(1 for u in users if fake_api.messages_per_chat()[u])
        assert answered_before < len(users), "the kill came too late to test anything"
        process = bot_process(env, tmp_path)
        await all_answered(fake_api, users, seconds=60)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    per_user = fake_api.messages_per_chat()
    assert all(per_user[u] >= 1 for u in users)
    # The bound the README states: only what was in flight or settled in the last moment
    # before the kill is answered twice.
    assert sum(per_user[u] - 1 for u in users) <= 60
    db = Database.from_url(env["DATABASE_URL"])
    try:
        async with db.transaction() as session:
            logged = (await session.execute(text("select count(*) from questions"))).scalar()
            pending = (
                await session.execute(text("select count(*) from inbox where state = 'pending'"))
            ).scalar()
    finally:
        await db.dispose()
    assert logged == len(users)  # every question logged, once
    assert pending == 0
