"""Alembic environment: run migrations on the connection the bot hands over, or on a URL.

``Database.upgrade`` passes its open connection in ``config.attributes["connection"]`` and the
migrations join its transaction. From the ``alembic`` command line (``-c
bot/storage/alembic.ini``) the URL comes from ``-x url=...``, ``DATABASE_URL`` or the default.
"""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, String

from bot.storage.database import Database
from bot.storage.models import Base, StorableString, StorableText, UTCDateTime
from bot.storage.urls import async_url

target_metadata = Base.metadata

# The bot's own default database (bot.settings.DEFAULT_DATABASE_URL), for developers who
# give no URL. Spelled out here: storage takes URLs and never imports the settings.
DEVELOPMENT_URL = "sqlite:///./data/resolution-bot.sqlite3"


def render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write our column types as plain ones, so migrations never import the models."""
    if kind != "type":
        return False
    if isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if isinstance(item, StorableString) and isinstance(item.impl_instance, String):
        return f"sa.String(length={item.impl_instance.length})"
    if isinstance(item, StorableText):
        return "sa.Text()"
    return False


def run_on(connection: Connection) -> None:
    """Run the pending migrations on ``connection``."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot alter most things in place; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def command_line_url() -> str:
    """Return the database URL given to the ``alembic`` command line."""
    url = context.get_x_argument(as_dictionary=True).get("url")
    return url or os.environ.get("DATABASE_URL") or DEVELOPMENT_URL


async def run_on_url(url: str) -> None:
    """Open the database at ``url`` and run the pending migrations there."""
    database = Database.from_url(url)
    try:
        async with database.migration() as connection:
            await connection.run_sync(run_on)
    finally:
        await database.dispose()


def run_offline(url: str) -> None:
    """Print the migrations' SQL instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=async_url(url),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


given: Connection | None = context.config.attributes.get("connection")
if given is None and context.config.config_file_name is not None:
    # Only the alembic command line sets up logging; the bot has its own.
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)
if given is not None:
    run_on(given)
elif context.is_offline_mode():
    run_offline(command_line_url())
else:
    asyncio.run(run_on_url(command_line_url()))
