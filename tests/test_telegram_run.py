"""Webhook mode, and ``resolution-bot run`` as a process: start, answer, stop, refuse."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.fakes.bot_api import FakeBotApi
from tests.fixtures.telegram import WEBHOOK_SECRET, StartBot, copy_knowledge, free_port

LAN = 100001
FOREST = "Tỷ lệ che phủ rừng năm 2020: 55%"
PROJECT = Path(__file__).resolve().parent.parent


async def test_webhook_accepts_only_the_right_secret(start_bot: StartBot) -> None:
    bot = await start_bot(mode="webhook")
    registered = bot.api.calls_of("setWebhook")[-1]
    assert registered.params["url"] == "https://bot.example.test/telegram/hook"
    assert registered.params["secret_token"] == WEBHOOK_SECRET
    assert set(registered.params["allowed_updates"]) >= {"message", "callback_query"}
    local = f"http://127.0.0.1:{bot.settings.webhook_port}/telegram/hook"

    for secret in ["wrong-secret", None]:
        update = bot.api.private_message("che phủ rừng", bot.user(LAN))
        mark = bot.api.mark()
        response = await bot.api.deliver_webhook(local, update, secret)
        assert response.status_code == 403
        assert bot.api.calls_of("sendMessage", since=mark) == []

    update = bot.api.private_message("che phủ rừng", bot.user(LAN))
    mark = bot.api.mark()
    response = await bot.api.deliver_webhook(local, update, WEBHOOK_SECRET)
    assert response.status_code == 200
    reply = await bot.api.wait_for_call("sendMessage", since=mark)
    assert reply.plain_text.startswith(FOREST)


# --- the bot as a process ------------------------------------------------------------------


def process_env(api: FakeBotApi, tmp_path: Path, **overrides: str) -> dict[str, str]:
    """Return a clean environment for ``resolution-bot run`` against the fake server."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    env.update(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        KNOWLEDGE_PATH=str(PROJECT / "knowledge" / "resolution.yaml"),
        BOT_ADMIN_IDS="",
        PYTHONPATH=str(PROJECT),
    )
    env.update(overrides)
    return env


@pytest.fixture
async def run_bot(tmp_path: Path) -> AsyncIterator[Callable[[dict[str, str]], subprocess.Popen]]:
    """Give a function starting ``python -m bot run``; any process left is killed after."""
    processes: list[subprocess.Popen] = []

    def start(env: dict[str, str]) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


async def listening(port: int, seconds: float = 10) -> None:
    """Wait until something accepts connections on ``port`` of 127.0.0.1."""
    async with asyncio.timeout(seconds):
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.02)  # the server is binding: try again shortly
                continue
            writer.close()
            await writer.wait_closed()
            return


async def finished(process: subprocess.Popen, seconds: float = 30) -> tuple[int, str]:
    _, stderr = await asyncio.to_thread(process.communicate, timeout=seconds)
    return process.returncode, stderr


async def test_run_polls_answers_and_stops_on_sigterm(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    process = run_bot(process_env(fake_api, tmp_path))
    await fake_api.wait_for_call("setMyCommands", timeout=30)
    await fake_api.wait_for_call("deleteWebhook", timeout=10)  # polling starts with it
    mark = fake_api.push(fake_api.private_message("che phủ rừng", fake_api.user(LAN)))
    reply = await fake_api.wait_for_call("sendMessage", since=mark, timeout=10)
    assert reply.plain_text.startswith(FOREST)
    process.send_signal(signal.SIGTERM)
    code, stderr = await finished(process)
    assert code == 0, stderr
    assert fake_api.token not in stderr
    assert fake_api.token.split(":")[1] not in stderr


async def test_run_serves_a_webhook_when_configured(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    port = free_port()
    env = process_env(
        fake_api,
        tmp_path,
        WEBHOOK_URL="https://bot.example.test/hook",
        WEBHOOK_SECRET=WEBHOOK_SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    process = run_bot(env)
    await fake_api.wait_for_call("setWebhook", timeout=30)
    await listening(port)
    update = fake_api.private_message("che phủ rừng", fake_api.user(LAN))
    mark = fake_api.mark()
    response = await fake_api.deliver_webhook(
        f"http://127.0.0.1:{port}/hook", update, WEBHOOK_SECRET
    )
    assert response.status_code == 200
    reply = await fake_api.wait_for_call("sendMessage", since=mark, timeout=10)
    assert reply.plain_text.startswith(FOREST)
    process.send_signal(signal.SIGINT)
    code, stderr = await finished(process)
    assert code == 0, stderr


async def test_run_refuses_a_broken_knowledge_file_before_starting(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    knowledge = copy_knowledge(tmp_path)
    knowledge.write_text(knowledge.read_text(encoding="utf-8").replace("unit: ", "unitt: ", 1))
    process = run_bot(process_env(fake_api, tmp_path, KNOWLEDGE_PATH=str(knowledge)))
    code, stderr = await finished(process)
    assert code == 2
    assert "Tệp tri thức có lỗi" in stderr
    assert "unitt" in stderr
    assert "Traceback" not in stderr
    assert fake_api.calls == []  # Telegram was never contacted


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN chưa được đặt"),
        ({"TELEGRAM_BOT_TOKEN": "12345:short"}, "TELEGRAM_BOT_TOKEN không hợp lệ"),
        ({"DATABASE_URL": "mysql://u:p@localhost/x"}, "DATABASE_URL"),
        ({"WEBHOOK_URL": "http://bot.example.test/hook"}, "WEBHOOK_URL không hợp lệ"),
    ],
)
async def test_run_refuses_bad_settings_in_one_line(
    fake_api: FakeBotApi, tmp_path: Path, run_bot, overrides: dict[str, str], expected: str
) -> None:
    code, stderr = await finished(run_bot(process_env(fake_api, tmp_path, **overrides)))
    assert code == 2
    assert stderr.strip().count("\n") == 0, stderr
    assert expected in stderr
    assert fake_api.calls == []


async def test_run_refuses_an_unreachable_database(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    unreachable = f"postgresql://bot:hunter2@127.0.0.1:{free_port()}/bot"
    code, stderr = await finished(
        run_bot(process_env(fake_api, tmp_path, DATABASE_URL=unreachable))
    )
    assert code == 2
    last = stderr.strip().splitlines()[-1]
    assert "DATABASE_URL: không mở được cơ sở dữ liệu" in last
    assert "hunter2" not in stderr
    assert "Traceback" not in stderr


async def test_run_refuses_a_token_telegram_rejects(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    other = "7000000002:AAOtherTokenThatTelegramDoesNotKnow_12"
    code, stderr = await finished(
        run_bot(process_env(fake_api, tmp_path, TELEGRAM_BOT_TOKEN=other))
    )
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN bị Telegram từ chối" in stderr.strip().splitlines()[-1]
    assert other not in stderr
    assert "Traceback" not in stderr


async def test_run_says_in_one_line_when_the_bot_api_is_unreachable(
    fake_api: FakeBotApi, tmp_path: Path, run_bot
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/bot"
    code, stderr = await finished(
        run_bot(process_env(fake_api, tmp_path, TELEGRAM_API_BASE_URL=nowhere))
    )
    assert code == 2
    assert "không kết nối được tới Bot API" in stderr.strip().splitlines()[-1]
    assert "Traceback" not in stderr
