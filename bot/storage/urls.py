"""Turn the ``DATABASE_URL`` a user writes into the URL of an async driver.

:func:`check_url` needs no SQLAlchemy, so settings can validate the URL at every start
(``resolution-bot ask`` included) without importing it; :func:`async_url` parses it fully
when a database is opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import SettingsError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

_EXAMPLES = "sqlite:///data/resolution-bot.sqlite3 hoặc postgresql://user:password@host:5432/name"
# The shape SQLAlchemy accepts: a driver name, "://", then the rest.
_SHAPE = re.compile(r"^(?P<driver>[\w+]+)://(?P<rest>.*)$", re.DOTALL)
_PORT = re.compile(r"@[^/?#]*:(?P<port>[^/?#@\]]*)(?:[/?#]|$)")

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


def check_url(url: str) -> None:
    """Check ``url`` names a database we support, in a shape SQLAlchemy can parse.

    Raises:
        SettingsError: the URL is malformed or names a database we do not support.
    """
    text = url.strip()
    shape = _SHAPE.match(text)
    if shape is None:
        raise SettingsError(
            f"DATABASE_URL không phải một URL cơ sở dữ liệu: {mask_password(text)!r}; "
            f"ví dụ {_EXAMPLES}"
        )
    _supported_driver(shape["driver"])
    port = _PORT.search(shape["rest"])
    if port is not None and port["port"] and not port["port"].isdigit():
        raise SettingsError(
            f"DATABASE_URL không phải một URL cơ sở dữ liệu (cổng không hợp lệ): "
            f"{mask_password(text)!r}; ví dụ {_EXAMPLES}"
        )


def _supported_driver(name: str) -> str:
    driver = _ASYNC_DRIVERS.get(name)
    if driver is None:
        raise SettingsError(
            f"DATABASE_URL chỉ định loại cơ sở dữ liệu không hỗ trợ {name!r}: "
            f"dùng SQLite hoặc PostgreSQL, ví dụ {_EXAMPLES}"
        )
    return driver


def async_url(url: str) -> URL:
    """Parse ``url`` and return it with the async driver of its database.

    Raises:
        SettingsError: the URL is malformed or names a database we do not support.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    check_url(url)
    text = url.strip()
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError) as error:
        raise SettingsError(
            f"DATABASE_URL không phải một URL cơ sở dữ liệu: {mask_password(text)!r} "
            f"({error}); ví dụ {_EXAMPLES}"
        ) from None
    driver = _supported_driver(parsed.drivername)
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
