"""The services handlers use, built once at start and kept in ``bot_data`` as one object.

``bot_data`` holds nothing else: users, questions and chats live in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import time
import zoneinfo
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from telegram import User
from telegram.ext import ContextTypes

from bot.access.flood import FloodGuard
from bot.answering.answers import Answer
from bot.answering.qa import QuestionAnswerer
from bot.knowledge.loader import load_knowledge
from bot.settings import Settings
from bot.storage import (
    AskedQuestion,
    Database,
    log_questions,
    record_chat,
    record_user,
    set_user_blocked,
)
from bot.vietnamese.text import question_key

SERVICES_KEY = "services"
#: Seconds an answer may take before the user is shown "typing…".
TYPING_DELAY = 0.5
#: Questions are logged in batches: at most this many wait, for at most this long.
QUESTION_BATCH = 100
QUESTION_FLUSH_SECONDS = 1.0
#: A user's unchanged profile is written again at most this often (it refreshes last_seen).
USER_REFRESH_SECONDS = 300.0


class Records:
    """What the bot writes to the database about users, chats and questions.

    SQLite has one writer at a time: concurrent updates writing at once would wait on its
    lock (sleeping, then failing with "database is locked"), so writes to SQLite queue here
    instead. A user's profile is written when first seen, when it changes, and otherwise at
    most every ``USER_REFRESH_SECONDS``, not on every message.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._lock = asyncio.Lock()
        self._profiles: dict[int, tuple[tuple[str | None, ...], float]] = {}
        self._questions: list[AskedQuestion] = []
        self._flush_task: asyncio.Task[None] | None = None

    @contextlib.asynccontextmanager
    async def _writing(self) -> AsyncIterator[None]:
        if self.database.dialect != "sqlite":
            yield
            return
        async with self._lock:
            yield

    async def user(self, user: User) -> None:
        """Record a user who wrote to the bot (names, language, last seen)."""
        profile = (user.first_name, user.last_name, user.username, user.language_code)
        known = self._profiles.get(user.id)
        now = time.monotonic()
        if known is not None and known[0] == profile and now - known[1] < USER_REFRESH_SECONDS:
            return
        async with self._writing():
            await record_user(self.database, user.id, *profile)
        self._profiles[user.id] = (profile, now)

    async def blocked(self, telegram_id: int, blocked: bool) -> None:
        """Record that a user blocked (or unblocked) the bot."""
        self._profiles.pop(telegram_id, None)
        async with self._writing():
            await set_user_blocked(self.database, telegram_id, blocked)

    async def chat(self, chat_id: int, chat_type: str, title: str | None, status: str) -> None:
        """Record the bot's membership in a chat."""
        async with self._writing():
            await record_chat(self.database, chat_id, chat_type, title, status)

    async def question(
        self, question: str, answer: Answer, *, telegram_id: int | None, chat_id: int
    ) -> None:
        """Log a question with how it was answered."""
        best = answer.matches[0] if answer.matches else None
        self._questions.append(
            AskedQuestion(
                text=question,
                normalized=question_key(question),
                status=answer.status,
                best_match=best.id if best else None,
                score=best.score if best else None,
                asked_at=datetime.datetime.now(datetime.UTC),
                telegram_id=telegram_id,
                chat_id=chat_id,
            )
        )
        if len(self._questions) >= QUESTION_BATCH:
            await self.flush()
        elif self._flush_task is None:
            self._flush_task = asyncio.create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        try:
            await asyncio.sleep(QUESTION_FLUSH_SECONDS)
        except asyncio.CancelledError:
            return  # closing: close() writes what is pending
        self._flush_task = None
        await self.flush()

    async def flush(self) -> None:
        """Write the questions logged so far (done in batches: one insert per batch)."""
        if not self._questions:
            return
        batch, self._questions = self._questions, []
        async with self._writing():
            await log_questions(self.database, batch)

    async def close(self) -> None:
        """Write what is pending and stop the timer (at shutdown)."""
        task, self._flush_task = self._flush_task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        await self.flush()


@dataclass
class Services:
    """Everything a handler needs besides the update: answers, storage, who administers."""

    answerer: QuestionAnswerer
    database: Database
    admin_ids: frozenset[int]
    knowledge_path: Path
    time_zone: zoneinfo.ZoneInfo
    flood: FloodGuard = field(default_factory=FloodGuard)
    typing_delay: float = TYPING_DELAY
    records: Records = field(init=False)

    def __post_init__(self) -> None:
        self.records = Records(self.database)

    def is_admin(self, user_id: int | None) -> bool:
        """Return whether ``user_id`` is one of the bot's administrators."""
        return user_id is not None and user_id in self.admin_ids


def load_services(settings: Settings) -> Services:
    """Load the knowledge base and open the database named by the settings.

    Raises:
        bot.errors.KnowledgeError: the knowledge file is broken.
        bot.errors.SettingsError: the database URL is malformed.
    """
    answerer = QuestionAnswerer(load_knowledge(settings.knowledge_path))
    return Services(
        answerer=answerer,
        database=Database.from_url(settings.database_url),
        admin_ids=settings.bot_admin_ids,
        knowledge_path=settings.knowledge_path,
        time_zone=settings.time_zone,
    )


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """Return the services stored in ``bot_data`` by ``post_init``."""
    services = context.bot_data.get(SERVICES_KEY)
    if not isinstance(services, Services):
        raise RuntimeError("services are missing from bot_data: post_init has not run")
    return services
