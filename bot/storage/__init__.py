"""Storage: the bot's database (SQLite by default, PostgreSQL by URL) and its migrations."""

from bot.storage.database import Database, head_revision, upgrade_database
from bot.storage.repositories.questions import (
    AskedQuestion,
    UnansweredQuestion,
    log_question,
    log_questions,
    record_chat,
    record_user,
    set_user_blocked,
    unanswered_questions,
)
from bot.storage.urls import DEFAULT_DATABASE_URL

__all__ = [
    "DEFAULT_DATABASE_URL",
    "AskedQuestion",
    "Database",
    "UnansweredQuestion",
    "head_revision",
    "log_question",
    "log_questions",
    "record_chat",
    "record_user",
    "set_user_blocked",
    "unanswered_questions",
    "upgrade_database",
]
