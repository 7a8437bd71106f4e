"""SQLite as the bot uses it: WAL, foreign keys, a busy timeout and real transactions."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from bot.errors import SettingsError
from bot.storage.errors import first_line
from bot.storage.urls import sqlite_file

# Milliseconds a SQLite connection waits for another writer before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 5000

#: Execution option marking connections that write (``Database.write``, migrations): their
#: transactions begin with BEGIN IMMEDIATE.
WRITE_OPTION = "resolution_bot_write"


def sqlite_engine(url: URL) -> AsyncEngine:
    """Create an engine for a SQLite file (or memory) with our settings on every connection.

    Raises:
        SettingsError: the folder of the file cannot be created.
    """
    path = sqlite_file(url)
    if path is None:
        # One shared connection, or each connection would see its own empty database.
        engine = create_async_engine(url, poolclass=StaticPool)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SettingsError(
                f"DATABASE_URL: không tạo được thư mục {path.parent} cho tệp SQLite: "
                f"{error.strerror or first_line(error)}"
            ) from None
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
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            # Two connections turning a new file to WAL at once: one is refused at once,
            # busy timeout or not. Trying again waits for the other, and then has nothing to do.
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    """Start a real SQLite transaction when SQLAlchemy begins one.

    Writes take the write lock at once (``BEGIN IMMEDIATE``): a deferred transaction that
    reads and then writes fails with "database is locked" if another connection wrote in
    between, whatever the busy timeout. Reads stay deferred and never wait.
    """
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")
