"""Health check of the database (``resolution-bot db check``, the container's health check).

The bot migrates the database when it starts, so a database that answers and is at the
newest migration means the bot got through its start and its storage still works.
"""

from __future__ import annotations

import asyncio

from bot.errors import StorageError
from bot.storage.database import Database, head_revision
from bot.storage.urls import async_url, sqlite_file

#: Seconds the database has to answer.
TIMEOUT_SECONDS = 5


async def check_database(url: str) -> str | None:
    """Return what is wrong with the database at ``url``, or None if it is healthy.

    Raises:
        bot.errors.SettingsError: the URL is malformed.
    """
    path = sqlite_file(async_url(url))
    if path is not None and not path.exists():
        # Opening it would create an empty database and report that instead.
        return f"database file {path} does not exist"
    database = Database.from_url(url)
    try:
        current = await asyncio.wait_for(database.current_revision(), timeout=TIMEOUT_SECONDS)
    except (StorageError, TimeoutError) as error:
        return f"database {database.url} does not answer: {type(error).__name__}: {error}"
    finally:
        await database.dispose()
    head = head_revision()
    if current != head:
        return f"database {database.url} is at migration {current}, not {head}"
    return None
