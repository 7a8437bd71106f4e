"""Who the bot talks to: the users who wrote to it and the chats it is in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from bot.storage.database import Database
from bot.storage.models import Chat, User
from bot.storage.repositories._common import aware, upsert


async def record_user(
    db: Database,
    telegram_id: int,
    first_name: str,
    last_name: str | None,
    username: str | None,
    language_code: str | None,
    *,
    now: datetime | None = None,
) -> None:
    """Save a user who wrote to the bot: first time seen kept, names and last_seen updated.

    Writing to the bot means the user has not blocked it, so this also clears ``is_blocked``.
    """
    now = aware(now)
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "username": username,
        "language_code": language_code,
        "last_seen": now,
        "is_blocked": False,
    }
    await upsert(db, User, "telegram_id", {"telegram_id": telegram_id, "first_seen": now}, fields)


async def set_user_blocked(db: Database, telegram_id: int, blocked: bool) -> bool:
    """Mark whether a user has blocked the bot; return False if the user is unknown."""
    async with db.write() as session:
        result = await session.execute(
            update(User).where(User.telegram_id == telegram_id).values(is_blocked=blocked)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def record_chat(
    db: Database,
    chat_id: int,
    chat_type: str,
    title: str | None,
    status: str,
    *,
    now: datetime | None = None,
) -> None:
    """Save a chat and the bot's membership status in it (``member``, ``left``, ``kicked``...)."""
    now = aware(now)
    # str() turns string enums (such as the Telegram library's) into their plain value.
    fields = {"type": str(chat_type), "title": title, "status": str(status), "updated_at": now}
    await upsert(db, Chat, "chat_id", {"chat_id": chat_id, "first_seen": now}, fields)
