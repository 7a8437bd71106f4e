"""Storage: the bot's database (SQLite by default, PostgreSQL by URL) and its migrations.

Every write goes through :meth:`Database.write`; every database failure is raised as a
:class:`~bot.errors.StorageError` (see :mod:`bot.storage.errors`).
"""

from bot.storage.database import Database, head_revision, upgrade_database
from bot.storage.errors import DatabaseUnavailableError, RowRejectedError, StorageError
from bot.storage.models import storable_text
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
    "RowRejectedError",
    "StorageError",
    "UnansweredQuestion",
    "head_revision",
    "log_questions",
    "record_chat",
    "record_user",
    "set_user_blocked",
    "storable_text",
    "unanswered_questions",
    "upgrade_database",
]
