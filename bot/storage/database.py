"""The database: its engine, the read and write paths, and Alembic migrations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.errors import SettingsError
from bot.storage.errors import StorageError, first_line, storage_errors
from bot.storage.sqlite import WRITE_OPTION, sqlite_engine
from bot.storage.urls import async_url

MIGRATIONS = Path(__file__).with_name("migrations")

# Key of the PostgreSQL advisory lock held while migrating: an arbitrary constant ("resolbot"
# in ASCII), unlikely to be used by another program on the same database.
MIGRATION_LOCK = 0x7265736F6C626F74

# Table the writability probe creates, in a transaction that is always rolled back.
_PROBE = "resolution_bot_write_check"


class Database:
    """One database (SQLite file or PostgreSQL server) and the engine that talks to it.

    Reads go through :meth:`transaction`, writes through :meth:`write`; both raise database
    failures as :class:`~bot.storage.errors.StorageError`. Call :meth:`prepare` once at start.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # The same pool; its connections begin with BEGIN IMMEDIATE on SQLite.
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._write_sessions = async_sessionmaker(self._write_engine, expire_on_commit=False)
        # SQLite has one writer at a time: writers of this process queue on a lock rather
        # than sleep in the busy timeout and fail with "database is locked". One lock per
        # event loop, as the bot checks the database in one loop and then runs in another.
        self._write_lock = asyncio.Lock()
        self._write_lock_loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Open the database at ``url``, creating the folder of a SQLite file.

        Raises:
            bot.errors.SettingsError: the URL is malformed or not SQLite/PostgreSQL, or the
                folder of the SQLite file cannot be created.
        """
        parsed = async_url(url)
        if parsed.get_backend_name() == "sqlite":
            return cls(sqlite_engine(parsed))
        return cls(create_async_engine(parsed, pool_pre_ping=True))

    @property
    def dialect(self) -> str:
        """Return the name of the database's dialect: ``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """Return the URL in use, with the password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """Open a session for reading, in a transaction; write through :meth:`write` instead."""
        with storage_errors():
            async with self._sessions() as session, session.begin():
                yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """Open a session in a write transaction, committed on success, rolled back on error.

        Every write goes through here. On SQLite one writer of this process runs at a time
        and its transaction begins with ``BEGIN IMMEDIATE``, so reading then writing cannot
        fail half-way on another writer's lock; do not nest writes, the second would wait
        for the first forever. On PostgreSQL it is a plain transaction.
        """
        async with self._writer_turn():
            with storage_errors():
                async with self._write_sessions() as session, session.begin():
                    yield session

    @asynccontextmanager
    async def migration(self) -> AsyncIterator[AsyncConnection]:
        """Open a connection in a transaction for migrations, alone among the migrators.

        Two processes starting at once would both create the tables and one would fail:
        on PostgreSQL the second waits on an advisory lock (released when the transaction
        ends) and then finds the tables made; on SQLite ``BEGIN IMMEDIATE`` does the same.
        """
        async with self._writer_turn():
            with storage_errors():
                async with self._write_engine.begin() as connection:
                    if self.dialect == "postgresql":
                        await connection.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                        )
                    yield connection

    async def upgrade(self, revision: str = "head") -> None:
        """Apply migrations up to ``revision`` (all of them by default)."""
        async with self.migration() as connection:
            await connection.run_sync(_run_alembic, command.upgrade, revision)

    async def downgrade(self, revision: str = "base") -> None:
        """Revert migrations down to ``revision`` (an empty database by default)."""
        async with self.migration() as connection:
            await connection.run_sync(_run_alembic, command.downgrade, revision)

    async def current_revision(self) -> str | None:
        """Return the migration the database is at, or None if it has none."""
        with storage_errors():
            async with self.engine.connect() as connection:
                return await connection.run_sync(_current_revision)

    async def check_writable(self) -> None:
        """Prove the database takes writes, by a write that is then rolled back.

        On SQLite the write goes to the file, so a read-only file or folder fails; on
        PostgreSQL a temporary table is created, which a read-only server or role refuses.

        Raises:
            StorageError: the database cannot be opened or written.
        """
        create = "CREATE TEMP TABLE" if self.dialect == "postgresql" else "CREATE TABLE"
        async with self._writer_turn():
            with storage_errors():
                async with self._write_engine.connect() as connection:
                    transaction = await connection.begin()
                    try:
                        await connection.execute(text(f"{create} {_PROBE} (x INTEGER)"))
                        await connection.execute(text(f"INSERT INTO {_PROBE} VALUES (1)"))
                    finally:
                        await transaction.rollback()

    async def prepare(self) -> None:
        """Bring the database to the newest migration and prove it can be written.

        Call once at start, before serving anyone: a database that cannot be reached,
        migrated or written is a configuration problem to report, not to find later.

        Raises:
            bot.errors.SettingsError: one Vietnamese line naming DATABASE_URL and the reason.
        """
        try:
            await self.upgrade()
            await self.check_writable()
        except StorageError as error:
            raise SettingsError(
                f"DATABASE_URL: không mở được cơ sở dữ liệu {self.url}: {error}"
            ) from None
        except CommandError as error:
            # Typically a database migrated by a newer version of the bot than this one.
            raise SettingsError(
                f"DATABASE_URL: không nâng cấp được cơ sở dữ liệu {self.url}: {first_line(error)}"
            ) from None

    async def ping(self) -> None:
        """Run a trivial query.

        Raises:
            StorageError: the database does not answer.
        """
        with storage_errors():
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()

    @asynccontextmanager
    async def _writer_turn(self) -> AsyncIterator[None]:
        """Wait for this process's other SQLite writers to finish; no wait on PostgreSQL."""
        if self.dialect != "sqlite":
            yield
            return
        loop = asyncio.get_running_loop()
        if loop is not self._write_lock_loop:
            self._write_lock, self._write_lock_loop = asyncio.Lock(), loop
        async with self._write_lock:
            yield


def upgrade_database(url: str) -> None:
    """Apply every migration to the database at ``url`` (for ``resolution-bot db upgrade``)."""

    async def upgrade() -> None:
        database = Database.from_url(url)
        try:
            await database.upgrade()
        finally:
            await database.dispose()

    asyncio.run(upgrade())


def head_revision() -> str:
    """Return the newest migration shipped with the package."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return head


def alembic_config(connection: Connection | None = None) -> Config:
    """Return an Alembic configuration for the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        # Read by migrations/env.py: run on this connection, inside its transaction.
        config.attributes["connection"] = connection
    return config


def _run_alembic(
    connection: Connection, action: Callable[[Config, str], None], revision: str
) -> None:
    """Run an Alembic command (upgrade or downgrade) on a synchronous connection."""
    action(alembic_config(connection), revision)


def _current_revision(connection: Connection) -> str | None:
    """Return the revision recorded in the database's ``alembic_version`` table."""
    return MigrationContext.configure(connection).get_current_revision()
