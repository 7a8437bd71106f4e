"""Turn the ``DATABASE_URL`` a user writes into the URL of an async driver."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.errors import SettingsError

_EXAMPLES = "sqlite:///data/resolution-bot.sqlite3 or postgresql://user:password@host:5432/name"

# Every spelling we accept, mapped to the async driver that serves it.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+pysqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+psycopg": "postgresql+asyncpg",
    "postgresql+psycopg2": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}

_TRUE = ("true", "1", "yes", "on")

_PASSWORD = re.compile(r"(?<=://)([^:/@]*):[^@]*@")


def async_url(url: str) -> URL:
    """Parse ``url`` and return it with the async driver of its database.

    Raises:
        SettingsError: the URL is malformed or names a database we do not support.
    """
    text = url.strip()
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError) as error:
        raise SettingsError(
            f"DATABASE_URL is not a valid database URL: {mask_password(text)!r} ({error}); "
            f"expected for example {_EXAMPLES}"
        ) from None
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    if driver is None:
        raise SettingsError(
            f"DATABASE_URL names an unsupported database {parsed.drivername!r}: "
            f"use SQLite or PostgreSQL, for example {_EXAMPLES}"
        )
    parsed = parsed.set(drivername=driver)
    if driver == "postgresql+asyncpg":
        return _asyncpg_query(parsed)
    if parsed.database == ":memory:":
        return parsed.set(database=None)
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """Return the file of a SQLite URL, or None for PostgreSQL and in-memory SQLite.

    A URI filename (``sqlite:///file:data/bot.sqlite3?mode=ro&uri=true``) names its file too.
    """
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    database = url.database
    if url.query.get("uri") in _TRUE and database.startswith("file:"):
        if url.query.get("mode") == "memory":
            return None
        database = database.removeprefix("file:").split("?", 1)[0]
    if database == ":memory:":
        return None
    return Path(database)


def mask_password(url: str) -> str:
    """Return ``url`` with any password replaced by ``***``, for messages and logs."""
    return _PASSWORD.sub(r"\1:***@", url)


def _asyncpg_query(url: URL) -> URL:
    """Rename libpq's ``sslmode`` to asyncpg's ``ssl``, which takes the same values."""
    if "sslmode" not in url.query:
        return url
    query = dict(url.query)
    query.setdefault("ssl", query["sslmode"])
    del query["sslmode"]
    return url.set(query=query)
