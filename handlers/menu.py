"""The command menu Telegram shows: one for private chats, one for groups, more for admins.

Command names are a contract (DESIGN.md §2): Latin letters without diacritics, as Telegram
requires; the descriptions are Vietnamese.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from telegram.error import TelegramError

logger = logging.getLogger(__name__)

PRIVATE_COMMANDS = (
    BotCommand("hoi", "Hỏi về Nghị quyết"),
    BotCommand("chitieu", "Xem các chỉ tiêu chủ yếu"),
    BotCommand("nhiemvu", "Xem các nhiệm vụ chủ yếu"),
    BotCommand("help", "Hướng dẫn cách hỏi"),
    BotCommand("start", "Bắt đầu, câu hỏi mẫu"),
    BotCommand("huy", "Huỷ thao tác đang làm"),
)
GROUP_COMMANDS = (
    BotCommand("hoi", "Hỏi bot về Nghị quyết: /hoi <câu hỏi>"),
    BotCommand("chitieu", "Xem các chỉ tiêu chủ yếu"),
    BotCommand("nhiemvu", "Xem các nhiệm vụ chủ yếu"),
    BotCommand("help", "Cách hỏi bot trong nhóm"),
)
ADMIN_COMMANDS = (
    *PRIVATE_COMMANDS,
    BotCommand("chuatraloi", "Câu hỏi bot chưa trả lời được"),
    BotCommand("taila", "Nạp lại dữ liệu Nghị quyết"),
)


async def set_command_menus(bot: Bot, admin_ids: Iterable[int]) -> None:
    """Set the menus for private chats, groups and each administrator's private chat.

    The menus are a convenience: a scope Telegram refuses is logged and the bot starts anyway.
    """
    await _set_menu(bot, PRIVATE_COMMANDS, BotCommandScopeAllPrivateChats(), "private", "all")
    await _set_menu(bot, GROUP_COMMANDS, BotCommandScopeAllGroupChats(), "group", "all")
    for admin_id in sorted(admin_ids):
        await set_admin_menu(bot, admin_id)


async def set_admin_menu(bot: Bot, admin_id: int) -> None:
    """Give one administrator the admin menu in their private chat with the bot."""
    # Telegram knows no chat with an admin who has never started the bot; /start retries.
    await _set_menu(bot, ADMIN_COMMANDS, BotCommandScopeChat(admin_id), "admin", admin_id)


async def _set_menu(
    bot: Bot, commands: Sequence[BotCommand], scope: BotCommandScope, menu: str, chats: object
) -> None:
    try:
        await bot.set_my_commands(commands, scope=scope)
    except TelegramError as error:
        # BadRequest, Forbidden, NetworkError, RetryAfter (after the limiter's retry) ...
        logger.warning("%s menu not set for %s: %s", menu, chats, error.message)
