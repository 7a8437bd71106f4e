"""Updates in: long polling or a webhook, each update stored before Telegram is told.

python-telegram-bot's Updater confirms updates by moving the ``getUpdates`` offset as soon
as they are queued, and stops everyone when one update cannot be parsed. So the bot pulls
and receives updates itself: raw JSON is stored in the core's inbox first
(:meth:`bot.inbox.UpdateInbox.accept`), then confirmed (the next offset, or HTTP 200), then
parsed one by one — an update the library cannot read is logged once, settled as failed
and skipped — and queued for the Application. :class:`DurableProcessor` settles each
update once its handlers are done.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import warnings
from collections.abc import Awaitable, Sequence
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Bot, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import SimpleUpdateProcessor
from telegram.warnings import PTBUserWarning

from bot.errors import StorageError
from bot.inbox import SWEEP_SECONDS, UpdateInbox
from handlers.context import BotApplication

logger = logging.getLogger(__name__)

#: Seconds a long poll waits on Telegram for new updates.
POLL_TIMEOUT = 10
#: Waits between two tries while Telegram or the database fails: first, then doubled, at most.
FIRST_BACKOFF = 1.0
MAX_BACKOFF = 30.0
#: Characters of an unreadable update's error kept in the log and the inbox.
MAX_REASON = 200


class Intake:
    """Store updates, then parse and queue the new ones for the Application."""

    def __init__(self, application: BotApplication, inbox: UpdateInbox) -> None:
        self.application = application
        self.inbox = inbox

    async def receive(self, raw: Sequence[dict[str, Any]]) -> None:
        """Store ``raw`` updates durably, then queue those not seen before.

        Raises:
            StorageError: nothing was stored, so nothing may be confirmed to Telegram.
        """
        for payload in await self.inbox.accept(raw):
            await self._queue(payload)

    async def replay(self) -> int:
        """Queue the updates stored but never handled (a crash came between); return how many."""
        pending = await self.inbox.pending()
        for payload in pending:
            await self._queue(payload)
        if pending:
            logger.info("handling %d updates received before the last stop", len(pending))
        return len(pending)

    async def sweep(self, stop: asyncio.Event, *, every: float = SWEEP_SECONDS) -> None:
        """Until ``stop``, take over now and then the updates a stopped instance left."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
                return
            try:
                stranded = await self.inbox.stranded()
            except StorageError as error:
                logger.warning("could not look for updates left by another instance: %s", error)
                continue
            for payload in stranded:
                await self._queue(payload)
            if stranded:
                logger.info("handling %d updates another instance left", len(stranded))

    async def _queue(self, payload: dict[str, Any]) -> None:
        update_id = int(payload["update_id"])
        try:
            update = Update.de_json(payload, self.application.bot)
        except Exception as error:  # whatever the library trips on: skip this update only
            reason = f"{type(error).__name__}: {error}"[:MAX_REASON]
            # The update's content is not logged: it is a user's message.
            logger.warning("update %d skipped: the library cannot read it (%s)", update_id, reason)
            self.inbox.settle(update_id, error=f"unreadable: {reason}")
            return
        await self.application.update_queue.put(update)


class DurableProcessor(SimpleUpdateProcessor):
    """Handle updates concurrently and settle each in the inbox once its handlers are done."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self.inbox: UpdateInbox | None = None
        #: Updates whose handling raised (set by the error handler), settled as failed.
        self.failed: dict[int, str] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the handlers, then settle the update (done, or failed if a handler raised)."""
        try:
            await coroutine
        finally:
            if isinstance(update, Update) and self.inbox is not None:
                error = self.failed.pop(update.update_id, None)
                self.inbox.settle(update.update_id, error=error)


def allow_raw_get_updates() -> None:
    """Silence the library's advice to call ``get_updates``: :func:`poll` wants raw JSON."""
    warnings.filterwarnings(
        "ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning
    )


async def poll(
    bot: Bot,
    intake: Intake,
    *,
    allowed_updates: Sequence[str],
    stop: asyncio.Event,
    wait_seconds: int = POLL_TIMEOUT,
) -> None:
    """Long-poll Telegram until ``stop`` is set; confirm updates only once they are stored.

    Network errors, 5xx, 429, answers that are not JSON and database failures are waited
    out with a growing pause, logged once per streak (not once per try).

    Raises:
        telegram.error.InvalidToken: Telegram refuses the token (nothing to wait for).
    """
    offset: int | None = None
    backoff = FIRST_BACKOFF
    failing = False
    while not stop.is_set():
        arguments: dict[str, Any] = {
            "timeout": wait_seconds,
            "allowed_updates": list(allowed_updates),
        }
        if offset is not None:
            arguments["offset"] = offset
        try:
            # The raw JSON, unparsed: an update the library cannot parse is skipped alone.
            raw = await bot.do_api_request(
                "getUpdates", api_kwargs=arguments, read_timeout=wait_seconds + 10
            )
            if not isinstance(raw, list) or not all(isinstance(u, dict) for u in raw):
                raise TelegramError("getUpdates did not answer a list of updates")
            await intake.receive(raw)
        except InvalidToken:
            raise
        except (TelegramError, StorageError) as error:
            if not failing:
                logger.warning("getting updates failed, trying again: %s", error)
            failing = True
            await _pause(stop, backoff)
            backoff = min(MAX_BACKOFF, backoff * 2)
            continue
        if failing:
            logger.info("getting updates works again")
        failing, backoff = False, FIRST_BACKOFF
        ids = [u["update_id"] for u in raw if isinstance(u.get("update_id"), int)]
        if ids:
            offset = max(ids) + 1  # confirms them: they are stored


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


class _WebhookHandler(tornado.web.RequestHandler):
    """Receive Telegram's webhook calls; answer 200 only once the update is stored."""

    intake: Intake
    secret: str | None

    def initialize(self, intake: Intake, secret: str | None) -> None:
        """Receive the intake and the secret token (tornado's way of passing arguments)."""
        self.intake, self.secret = intake, secret

    async def post(self) -> None:
        """Store the update and acknowledge it; refuse calls without the secret."""
        token = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        if self.secret is not None and token != self.secret:
            raise tornado.web.HTTPError(403)
        try:
            update = json.loads(self.request.body)
        except ValueError:
            raise tornado.web.HTTPError(400) from None
        if not isinstance(update, dict):
            raise tornado.web.HTTPError(400)
        try:
            await self.intake.receive([update])
        except StorageError as error:
            # Not stored: Telegram will deliver it again later.
            logger.warning("webhook update not stored, Telegram will retry: %s", error)
            raise tornado.web.HTTPError(503) from None
        self.set_status(200)

    def log_exception(self, *args: Any) -> None:
        """Keep tornado quiet about refused calls: they are answered with their status."""


class WebhookServer:
    """The HTTP server Telegram's webhook calls reach."""

    def __init__(self, server: tornado.httpserver.HTTPServer) -> None:
        self._server = server

    async def close(self) -> None:
        """Stop listening and close the open connections."""
        self._server.stop()
        await self._server.close_all_connections()


async def serve_webhook(
    intake: Intake, *, listen: str, port: int, url_path: str, secret: str | None
) -> WebhookServer:
    """Start serving the webhook on ``listen:port`` at ``/url_path``; return the server."""
    app = tornado.web.Application(
        [(rf"/{url_path}/?", _WebhookHandler, {"intake": intake, "secret": secret})]
    )
    server = tornado.httpserver.HTTPServer(app)
    server.listen(port, address=listen)
    return WebhookServer(server)
