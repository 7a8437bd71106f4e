"""Start and stop the bot: the database, Telegram, the intake (polling or webhook), in order.

python-telegram-bot's ``run_polling``/``run_webhook`` are not used: the intake stores every
update before confirming it (see :mod:`handlers.intake`), and start-up failures must end in
one line, not a traceback. The same :class:`Runner` serves ``resolution-bot run`` and the
end-to-end tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.core import Core
from bot.errors import SettingsError, StorageError
from handlers.broadcast import fire_reminders, report_progress
from handlers.context import BotApplication
from handlers.intake import (
    Intake,
    WebhookServer,
    allow_raw_get_updates,
    poll,
    serve_webhook,
)
from handlers.menu import set_command_menus
from handlers.sender import TelegramSender, broadcast_bot

logger = logging.getLogger(__name__)

REJECTED_TOKEN = "TELEGRAM_BOT_TOKEN bị Telegram từ chối: kiểm tra lại token với @BotFather"
UNREACHABLE = "TELEGRAM_API_BASE_URL: không kết nối được tới Bot API ({reason})"


class Runner:
    """One running bot: what :meth:`start` opened, :meth:`stop` closes, in reverse."""

    def __init__(
        self,
        application: BotApplication,
        core: Core,
        *,
        allowed_updates: list[str],
        webhook: dict[str, Any] | None = None,
    ) -> None:
        """``webhook`` holds listen, port, url_path, webhook_url, secret_token; None polls."""
        self.application = application
        self.core = core
        self.allowed_updates = allowed_updates
        self.webhook = webhook
        self.intake = Intake(application, core.inbox)
        self.stopping = asyncio.Event()
        self.poller: asyncio.Task[None] | None = None
        self._server: WebhookServer | None = None
        self._initialized = False
        self._started = False
        self.delivering = asyncio.Event()
        self._broadcast_bot: Bot | None = None
        self._background: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Check the database, meet Telegram, handle what a crash left, then take updates.

        Raises:
            bot.errors.SettingsError: the database or the Bot API cannot be used (one line).
        """
        await self.core.start()  # before Telegram: a broken database is said first
        try:
            await self.application.initialize()
        except InvalidToken:
            raise SettingsError(REJECTED_TOKEN) from None
        except NetworkError as error:
            raise SettingsError(UNREACHABLE.format(reason=error)) from None
        self._initialized = True
        await set_command_menus(self.application.bot, self.core.settings.bot_admin_ids)
        await self.application.start()
        self._started = True
        await self.intake.replay()
        await self._start_delivery()
        with contextlib.suppress(StorageError):  # housekeeping: the next start tries again
            await self.core.inbox.prune()
        bot = self.application.bot
        if self.webhook is None:
            allow_raw_get_updates()
            await _told(bot.delete_webhook())
            self.poller = asyncio.create_task(
                poll(bot, self.intake, allowed_updates=self.allowed_updates, stop=self.stopping),
                name="poll-updates",
            )
            return
        hook = self.webhook
        self._server = await serve_webhook(
            self.intake,
            listen=hook["listen"],
            port=hook["port"],
            url_path=hook["url_path"],
            secret=hook["secret_token"],
        )
        await _told(
            bot.set_webhook(
                hook["webhook_url"],
                secret_token=hook["secret_token"],
                allowed_updates=self.allowed_updates,
            )
        )

    async def _start_delivery(self) -> None:
        """Start the outbox's worker (its own Bot API client) and the progress reports."""
        settings = self.core.settings
        self._broadcast_bot = broadcast_bot(settings)
        await self._broadcast_bot.initialize()
        sender = TelegramSender(self._broadcast_bot, paid=settings.broadcast_paid)
        worker = self.core.delivery(sender)
        self._background = [
            asyncio.create_task(worker.run(self.delivering), name="outbox"),
            asyncio.create_task(
                report_progress(self.core, self.application.bot, self.delivering),
                name="broadcast-progress",
            ),
            # One look for due reminders a round, claimed in the database: no job per
            # reminder to rebuild, so no duplicate however often the bot restarts.
            asyncio.create_task(fire_reminders(self.core, self.delivering), name="reminders"),
            # Updates a stopped replica received and never handled.
            asyncio.create_task(self.intake.sweep(self.delivering), name="inbox-sweep"),
        ]

    async def _stop_delivery(self) -> None:
        self.delivering.set()
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
            self._background = []
        if self._broadcast_bot is not None:
            with contextlib.suppress(TelegramError):
                await self._broadcast_bot.shutdown()
            self._broadcast_bot = None

    async def wait(self) -> None:
        """Wait until :meth:`request_stop` is called, or the poller ends.

        Raises:
            bot.errors.SettingsError: Telegram rejected the token while polling.
        """
        waiting = asyncio.create_task(self.stopping.wait())
        tasks: set[asyncio.Task[Any]] = {waiting, *([self.poller] if self.poller else [])}
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
        if self.poller in done and self.poller.exception() is not None:
            if isinstance(self.poller.exception(), InvalidToken):
                raise SettingsError(REJECTED_TOKEN)
            raise self.poller.exception()  # type: ignore[misc]

    def request_stop(self) -> None:
        """Ask the runner to stop taking updates (safe from a signal handler)."""
        self.stopping.set()

    async def stop(self) -> None:
        """Stop taking updates, finish those taken, write what is pending, close."""
        self.stopping.set()
        await self._stop_delivery()
        if self.poller is not None:
            self.poller.cancel()  # a long poll in flight: nothing is lost, nothing confirmed
            await asyncio.gather(self.poller, return_exceptions=True)
        if self._server is not None:
            await self._server.close()
        try:
            if self._started:
                self._started = False  # a second stop (a test's, then its teardown's) is a no-op
                await self.application.stop()  # handles what is queued first
            if self._initialized:
                self._initialized = False
                await self.application.shutdown()
        finally:
            await self.core.aclose()


async def _told(request: Any) -> None:
    """Make a start-up request to Telegram; a failure is one line, never a traceback."""
    try:
        await request
    except TelegramError as error:
        raise SettingsError(UNREACHABLE.format(reason=error)) from None


async def serve(runner: Runner) -> None:
    """Run until SIGINT or SIGTERM, then stop cleanly."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, runner.request_stop)
    try:
        await runner.start()
        await runner.wait()
    finally:
        await runner.stop()
