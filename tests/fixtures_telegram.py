"""Telegram fixtures: the fake Bot API server and a running Application.

``telegram_bot`` is the real Application, built by ``handlers.app.build_application`` from
Settings that point at the fake server (``TELEGRAM_API_BASE_URL``), a fresh SQLite file and
the real knowledge base, long polling in the test's event loop. ``start_bot`` builds more
(another database, a copy of the knowledge base, webhook mode). Everything is stopped at
the end of the test: the Application, its database, the server and its threads.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import SimpleUpdateProcessor

from bot.flood import FloodGuard
from bot.knowledge import load_knowledge
from bot.qa import QuestionAnswerer
from bot.settings import Settings, load_settings
from bot.storage import Database
from handlers.app import (
    ALLOWED_UPDATES,
    CONCURRENT_UPDATES,
    BotApplication,
    build_application,
    webhook_options,
)
from handlers.services import SERVICES_KEY, Services
from tests.fake_bot_api import Call, FakeBotApi, Json

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
ADMIN_ID = 900001
WEBHOOK_SECRET = "s3cret-Hook_token"


class TrackingUpdateProcessor(SimpleUpdateProcessor):
    """Concurrent update processing that tells tests when each update is fully handled."""

    def __init__(self, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self.handled: set[int] = set()
        self._changed = asyncio.Event()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await coroutine
        finally:
            if isinstance(update, Update):
                self.handled.add(update.update_id)
                self._changed.set()

    async def wait_handled(self, update_id: int, seconds: float = 5.0) -> None:
        """Wait (at most ``seconds``) until the update and its error handling are done."""
        async with asyncio.timeout(seconds):
            while update_id not in self.handled:
                self._changed.clear()
                await self._changed.wait()


@dataclass
class FakeClock:
    """A monotonic clock the test moves by hand."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += seconds


@dataclass
class TelegramHarness:
    """A running bot, the fake server it talks to, and shortcuts for tests."""

    api: FakeBotApi
    app: BotApplication
    settings: Settings
    processor: TrackingUpdateProcessor
    clock: FakeClock
    mode: str
    users: dict[int, Json] = field(default_factory=dict)

    @property
    def services(self) -> Services:
        """Return the services the running bot uses."""
        services: Services = self.app.bot_data[SERVICES_KEY]
        return services

    def user(self, user_id: int, first_name: str = "Lan", **extra: Any) -> Json:
        """Return a Telegram user (remembered, so the same id gives the same user)."""
        if user_id not in self.users:
            self.users[user_id] = self.api.user(user_id, first_name, **extra)
        return self.users[user_id]

    async def send(self, update: Json) -> int:
        """Push an update; return the call mark to wait from."""
        return self.api.push(update)

    async def handled(self, update: Json, seconds: float = 5.0) -> None:
        """Wait (at most ``seconds``) until the bot has fully handled ``update``."""
        await self.processor.wait_handled(update["update_id"], seconds)

    async def reply_to(
        self, update: Json, method: str = "sendMessage", seconds: float = 5.0
    ) -> Call:
        """Push ``update``; return the bot's first ``method`` call about it, once handled."""
        mark = self.api.push(update)
        if "inline_query" in update:
            query_id = update["inline_query"]["id"]
            call = await self.api.wait_for_call(
                method, lambda c: c.params.get("inline_query_id") == query_id, seconds, since=mark
            )
        else:
            chat_id = _chat_id(update)
            call = await self.api.wait_for_call(
                method, lambda c: c.chat_id == chat_id, seconds, since=mark
            )
        # Handled to the end (question logged ...), so the test may look at the database.
        await self.handled(update, seconds)
        return call

    async def ask(self, text: str, user_id: int = 100001) -> Call:
        """Write ``text`` to the bot in private and return its reply."""
        return await self.reply_to(self.api.private_message(text, self.user(user_id)))

    async def handle(self, update: Json) -> list[Call]:
        """Push ``update``, wait until it is handled, and return every call made meanwhile."""
        mark = self.api.push(update)
        await self.handled(update)
        return self.api.calls[mark:]

    async def silent_on(self, update: Json) -> list[Call]:
        """Push ``update``, wait until it is handled, and return the messages sent meanwhile."""
        calls = await self.handle(update)
        return [c for c in calls if c.method in {"sendMessage", "editMessageText"}]

    async def stop(self) -> None:
        """Stop receiving, stop the Application, close the database."""
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)


def _chat_id(update: Json) -> int:
    for key in ("message", "edited_message"):
        if key in update:
            return int(update[key]["chat"]["id"])
    if "callback_query" in update:
        return int(update["callback_query"]["message"]["chat"]["id"])
    raise ValueError(f"no chat in update {update}")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def copy_knowledge(folder: Path) -> Path:
    """Copy the knowledge base to ``folder``; return the resolution file's path there."""
    target = folder / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target / "resolution.yaml"


@pytest.fixture(scope="session")
def shared_answerer() -> QuestionAnswerer:
    """Load the real knowledge base once for the session (it is read-only)."""
    return QuestionAnswerer(load_knowledge(KNOWLEDGE / "resolution.yaml"))


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """Run a fake Bot API server on a free port of 127.0.0.1."""
    api = FakeBotApi().start()
    try:
        yield api
    finally:
        api.stop()
    assert api.threads_alive() == [], "the fake Bot API left threads running"


@pytest.fixture
def telegram_env(fake_api: FakeBotApi, tmp_path: Path) -> dict[str, str]:
    """Return the environment of a bot talking to the fake server, with a fresh SQLite file."""
    return {
        "TELEGRAM_BOT_TOKEN": fake_api.token,
        "TELEGRAM_API_BASE_URL": fake_api.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "KNOWLEDGE_PATH": str(KNOWLEDGE / "resolution.yaml"),
        "BOT_ADMIN_IDS": str(ADMIN_ID),
    }


StartBot = Callable[..., Awaitable[TelegramHarness]]


@pytest.fixture
async def start_bot(
    fake_api: FakeBotApi, telegram_env: dict[str, str], shared_answerer: QuestionAnswerer
) -> AsyncIterator[StartBot]:
    """Give a function that starts the bot (polling or webhook) with extra settings."""
    started: list[TelegramHarness] = []

    async def start(
        overrides: Mapping[str, str] | None = None,
        *,
        mode: str = "polling",
        load_services: bool = False,
    ) -> TelegramHarness:
        env = {**telegram_env, **(overrides or {})}
        if mode == "webhook":
            env.setdefault("WEBHOOK_URL", "https://bot.example.test/telegram/hook")
            env.setdefault("WEBHOOK_SECRET", WEBHOOK_SECRET)
            env.setdefault("WEBHOOK_LISTEN", "127.0.0.1")
            env.setdefault("WEBHOOK_PORT", str(free_port()))
        settings = load_settings(env, require_token=True)
        clock = FakeClock()
        services = None
        if not load_services:
            services = Services(
                answerer=shared_answerer,
                database=Database.from_url(settings.database_url),
                admin_ids=settings.bot_admin_ids,
                knowledge_path=settings.knowledge_path,
                time_zone=settings.time_zone,
                flood=FloodGuard(clock=clock),
            )
        # Telegram knows the admin's chat: the admin has started the bot before.
        fake_api.private_chat(fake_api.user(ADMIN_ID, "Quản trị"))
        processor = TrackingUpdateProcessor()
        app = build_application(settings, services=services, update_processor=processor)
        harness = TelegramHarness(fake_api, app, settings, processor, clock, mode)
        started.append(harness)
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        assert app.updater is not None
        if mode == "webhook":
            await app.updater.start_webhook(
                **webhook_options(settings), allowed_updates=ALLOWED_UPDATES
            )
        else:
            await app.updater.start_polling(
                poll_interval=0, timeout=10, allowed_updates=ALLOWED_UPDATES
            )
        await app.start()
        return harness

    try:
        yield start
    finally:
        for harness in reversed(started):
            await harness.stop()


@pytest.fixture
async def telegram_bot(start_bot: StartBot) -> TelegramHarness:
    """Run the bot against the fake server (SQLite, real knowledge base, long polling)."""
    return await start_bot()
