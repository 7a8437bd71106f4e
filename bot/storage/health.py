"""Container health check: ``python -m bot.storage.health`` exits 0 when the database is usable.

The bot migrates the database when it starts, so a database that answers and is at the
newest migration means the bot got through its start and its storage still works.
"""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy.exc import SQLAlchemyError

from bot.errors import ResolutionBotError
from bot.settings import load_settings
from bot.storage.database import Database, head_revision
from bot.storage.urls import async_url, sqlite_file


async def check_database(url: str) -> str | None:
    """Return what is wrong with the database at ``url``, or None if it is healthy."""
    path = sqlite_file(async_url(url))
    if path is not None and not path.exists():
        return f"database file {path} does not exist"
    database = Database.from_url(url)
    try:
        current = await asyncio.wait_for(database.current_revision(), timeout=5)
    except (OSError, TimeoutError, SQLAlchemyError) as error:
        return f"database {database.url} does not answer: {type(error).__name__}: {error}"
    finally:
        await database.dispose()
    head = head_revision()
    if current != head:
        return f"database {database.url} is at migration {current}, not {head}"
    return None


def main() -> int:
    """Check the bot's database (from its settings); print the problem and return 1 if any."""
    try:
        settings = load_settings(require_token=False)
        problem = asyncio.run(check_database(settings.database_url))
    except ResolutionBotError as error:
        problem = str(error)
    if problem is None:
        return 0
    print(f"unhealthy: {problem}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
