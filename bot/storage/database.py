"""The database connection: engine, sessions, SQLite settings and Alembic migrations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from bot.storage.urls import async_url, sqlite_file

MIGRATIONS = Path(__file__).with_name("migrations")

# Milliseconds a SQLite connection waits for another writer before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 5000


class Database:
    """One database (SQLite file or PostgreSQL server) and the engine that talks to it."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Open the database at ``url``, creating the folder of a SQLite file.

        Raises:
            bot.errors.SettingsError: the URL is malformed or not SQLite/PostgreSQL.
        """
        parsed = async_url(url)
        if parsed.get_backend_name() == "sqlite":
            return cls(_sqlite_engine(parsed))
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
        """Open a session in a transaction, committed on success and rolled back on error."""
        async with self._sessions() as session, session.begin():
            yield session

    async def upgrade(self, revision: str = "head") -> None:
        """Apply migrations up to ``revision`` (all of them by default)."""
        async with self.engine.begin() as connection:
            await connection.run_sync(_run_alembic, command.upgrade, revision)

    async def downgrade(self, revision: str = "base") -> None:
        """Revert migrations down to ``revision`` (an empty database by default)."""
        async with self.engine.begin() as connection:
            await connection.run_sync(_run_alembic, command.downgrade, revision)

    async def current_revision(self) -> str | None:
        """Return the migration the database is at, or None if it has none."""
        async with self.engine.connect() as connection:
            return await connection.run_sync(_current_revision)

    async def ping(self) -> None:
        """Run a trivial query; raises the driver's error if the database does not answer."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


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


def _sqlite_engine(url: URL) -> AsyncEngine:
    """Create an engine for a SQLite file (or memory) with our settings on every connection."""
    path = sqlite_file(url)
    if path is None:
        # One shared connection, or each connection would see its own empty database.
        engine = create_async_engine(url, poolclass=StaticPool)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    event.listen(engine.sync_engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    """Turn on WAL, foreign keys and a busy timeout; let SQLAlchemy own transactions.

    The sqlite3 module only opens a transaction before a data change, so a read followed by
    a write, or a migration's DDL, would not be atomic. With ``isolation_level = None`` it
    opens none, and ``_begin_sqlite_transaction`` emits BEGIN when SQLAlchemy begins.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    """Start a real SQLite transaction when SQLAlchemy begins one."""
    connection.exec_driver_sql("BEGIN")
