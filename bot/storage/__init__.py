"""Storage: the bot's database (SQLite by default, PostgreSQL by URL) and its migrations.

Every write goes through :meth:`Database.write`; every database failure is raised as a
:class:`~bot.errors.StorageError` (see :mod:`bot.storage.errors`).

The names below are imported on first use: importing ``bot.storage.urls`` (as the settings
do) must not load SQLAlchemy and Alembic, which would double the start of every command.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.storage.database import Database, head_revision, upgrade_database
    from bot.storage.errors import DatabaseUnavailableError, RowRejectedError, StorageError
    from bot.storage.models import storable_text
    from bot.storage.repositories.inbox import (
        ReceivedUpdate,
        inbox_counts,
        pending_updates,
        prune_updates,
        settle_updates,
        store_updates,
    )
    from bot.storage.repositories.people import record_chat, record_user, set_user_blocked
    from bot.storage.repositories.questions import (
        AskedQuestion,
        UnansweredQuestion,
        log_questions,
        unanswered_questions,
    )

__all__ = [
    "AskedQuestion",
    "Database",
    "DatabaseUnavailableError",
    "ReceivedUpdate",
    "RowRejectedError",
    "StorageError",
    "UnansweredQuestion",
    "head_revision",
    "inbox_counts",
    "log_questions",
    "pending_updates",
    "prune_updates",
    "record_chat",
    "record_user",
    "set_user_blocked",
    "settle_updates",
    "storable_text",
    "store_updates",
    "unanswered_questions",
    "upgrade_database",
]

_HOMES = {
    "Database": "bot.storage.database",
    "head_revision": "bot.storage.database",
    "upgrade_database": "bot.storage.database",
    "DatabaseUnavailableError": "bot.storage.errors",
    "RowRejectedError": "bot.storage.errors",
    "StorageError": "bot.storage.errors",
    "storable_text": "bot.storage.models",
    "ReceivedUpdate": "bot.storage.repositories.inbox",
    "inbox_counts": "bot.storage.repositories.inbox",
    "pending_updates": "bot.storage.repositories.inbox",
    "prune_updates": "bot.storage.repositories.inbox",
    "settle_updates": "bot.storage.repositories.inbox",
    "store_updates": "bot.storage.repositories.inbox",
    "record_chat": "bot.storage.repositories.people",
    "record_user": "bot.storage.repositories.people",
    "set_user_blocked": "bot.storage.repositories.people",
    "AskedQuestion": "bot.storage.repositories.questions",
    "UnansweredQuestion": "bot.storage.repositories.questions",
    "log_questions": "bot.storage.repositories.questions",
    "unanswered_questions": "bot.storage.repositories.questions",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bot.storage' has no attribute {name!r}")
    return getattr(import_module(home), name)
