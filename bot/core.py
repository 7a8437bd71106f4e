"""The composition root of the core: every edge (CLI, Telegram, tests) builds it here.

``build_core(settings)`` loads the knowledge and opens the database handle (no I/O on the
database yet); ``await core.start()`` migrates and checks the database can be written,
turning any failure into one :class:`~bot.errors.SettingsError`; ``await core.aclose()``
writes what is pending and closes. The knowledge is one snapshot, swapped whole by
:meth:`Core.reload_knowledge`, so a request sees either the old or the new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answering.library import Library
from bot.knowledge.loader import load_resolutions
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.access.members import Members
    from bot.answering.question_log import QuestionLog
    from bot.inbox import UpdateInbox
    from bot.outbox.delivery import DeliveryWorker
    from bot.outbox.model import Sender
    from bot.outbox.reminders import ReminderDesk
    from bot.outbox.service import BroadcastDesk
    from bot.progress.desk import ReportingDesk
    from bot.progress.parse import ReportParser
    from bot.storage import Database

__all__ = ["Core", "Library", "Snapshot", "build_core", "load_snapshot"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The knowledge in use and everything built from it, loaded at one moment."""

    library: Library
    path: Path
    loaded_at: dt.datetime


def load_snapshot(path: Path) -> Snapshot:
    """Load every resolution at ``path`` and build what answers from it.

    Raises:
        bot.errors.KnowledgeError: a knowledge file is broken (every problem listed).
    """
    return Snapshot(Library(load_resolutions(path)), path, dt.datetime.now(dt.UTC))


@dataclass(eq=False)
class Core:
    """The services of the bot, shared by every edge; built by :func:`build_core`.

    The database and what writes to it are made on first use: answering in the terminal
    never opens (or creates) a database, and does not import SQLAlchemy.
    """

    settings: Settings
    knowledge: Snapshot
    _parser: tuple[Library, ReportParser] | None = field(default=None, init=False, repr=False)

    @cached_property
    def database(self) -> Database:
        """Return the database named by the settings (no connection is made yet)."""
        from bot.storage import Database

        return Database.from_url(self.settings.database_url)

    @cached_property
    def questions(self) -> QuestionLog:
        """Return the log of questions asked (written in batches)."""
        from bot.answering.question_log import QuestionLog

        return QuestionLog(self.database)

    @cached_property
    def inbox(self) -> UpdateInbox:
        """Return the inbox of received updates (written before Telegram is told)."""
        from bot.inbox import UpdateInbox

        # An update counts as handled only once its questions are in the log.
        return UpdateInbox(
            self.database,
            instance=self.settings.instance_name,
            before_settle=self.questions.flush,
        )

    @cached_property
    def members(self) -> Members:
        """Return what the bot records about users and chats."""
        from bot.access.members import Members

        return Members(self.database)

    @property
    def library(self) -> Library:
        """Return the resolutions in use (read it once per request: reloads swap it)."""
        return self.knowledge.library

    @property
    def time_zone(self) -> zoneinfo.ZoneInfo:
        """Return the time zone for dates shown to users."""
        return self.settings.time_zone

    @cached_property
    def desk(self) -> ReportingDesk:
        """Return the reporting desk: registration, roles, reports, progress, exports."""
        from bot.access.service import AccessService
        from bot.progress.desk import ReportingDesk
        from bot.progress.service import ProgressService

        return ReportingDesk(
            AccessService(self.database, self.settings.bot_admin_ids),
            ProgressService(self.database),
            self.report_parser,
            self.time_zone,
        )

    @cached_property
    def broadcasts(self) -> BroadcastDesk:
        """Return the broadcasts' commands (/thongbao, opting out, reports)."""
        from bot.outbox.service import BroadcastDesk
        from bot.vietnamese.text import fold_diacritics

        desk = self.desk

        async def unreported() -> list[str]:
            return await desk.progress.units_not_reported(desk.kb, desk.today())

        def units_named(text: str) -> dict[str, str]:
            named = desk.units.find(fold_diacritics(text))
            return {n.unit.id: n.unit.name for n in named}

        return BroadcastDesk(
            self.database,
            desk.access,
            unreported,
            units_named=units_named,
            unit_name=desk.unit_name,
        )

    @cached_property
    def reminders(self) -> ReminderDesk:
        """Return the reminders (/nhacnho) and the reporting deadline digest."""
        from bot.outbox.reminders import ReminderDesk

        desk = self.desk
        return ReminderDesk(
            self.database,
            desk.access,
            self.broadcasts,
            self.time_zone,
            desk.digest,
            self.settings.report_deadline_day,
            lambda: desk.kb.document.year,
        )

    def delivery(self, sender: Sender) -> DeliveryWorker:
        """Return an outbox worker sending through ``sender`` at ``BROADCAST_RATE``.

        Broadcasts queued from now on wake it at once.
        """
        from bot.outbox.delivery import DeliveryWorker

        worker = DeliveryWorker(self.database, sender, rate=self.settings.broadcast_rate)
        self.broadcasts.wake = worker.wake
        return worker

    def report_parser(self) -> ReportParser:
        """Return the reader of report messages for the resolution in use (the latest year).

        Built on first use for each knowledge snapshot (a reload gets a new one).
        """
        from bot.progress.parse import ReportParser

        library = self.library
        if self._parser is None or self._parser[0] is not library:
            self._parser = (library, ReportParser(library.answerer().kb))
        return self._parser[1]

    def is_admin(self, user_id: int | None) -> bool:
        """Return whether ``user_id`` is one of the bot's administrators."""
        return user_id is not None and user_id in self.settings.bot_admin_ids

    async def start(self) -> None:
        """Migrate the database and check it can be written.

        Raises:
            bot.errors.SettingsError: the database cannot be reached, created or written.
        """
        await self.database.prepare()

    async def unanswered_report(self, days: int) -> list[str]:
        """Return the lines of the report of questions left unanswered over ``days`` days."""
        from bot.answering.unanswered import UNANSWERED_LIMIT, unanswered_lines

        rows = await self.questions.unanswered(days=days, limit=UNANSWERED_LIMIT)
        return unanswered_lines(rows, self.time_zone)

    def reload_knowledge(self) -> Snapshot:
        """Load the knowledge again and swap it in at once; a broken file keeps the old one.

        Raises:
            bot.errors.KnowledgeError: the new files are broken (nothing was swapped).
        """
        snapshot = load_snapshot(self.settings.knowledge_path)
        self.knowledge = snapshot
        return snapshot

    async def aclose(self) -> None:
        """Write what is pending and close the database connections (if any were opened)."""
        if "database" not in self.__dict__:
            return
        try:
            if "inbox" in self.__dict__:
                await self.inbox.close()  # flushes the question log first
            if "questions" in self.__dict__:
                await self.questions.close()
        finally:
            await self.database.dispose()


def build_core(settings: Settings, *, knowledge: Snapshot | None = None) -> Core:
    """Build the core from validated settings (``knowledge`` reuses a loaded snapshot).

    Raises:
        bot.errors.KnowledgeError: a knowledge file is broken.
    """
    return Core(settings, knowledge or load_snapshot(settings.knowledge_path))
