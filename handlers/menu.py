"""The command menu Telegram shows: one for private chats, one for groups, more for admins.

Command names are a contract (DESIGN.md §2): Latin letters without diacritics, as Telegram
requires; the descriptions are Vietnamese.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from telegram.error import BadRequest, Forbidden

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
    """Set the menus for private chats, groups and each administrator's private chat."""
    await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
    await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    for admin_id in sorted(admin_ids):
        await set_admin_menu(bot, admin_id)


async def set_admin_menu(bot: Bot, admin_id: int) -> None:
    """Give one administrator the admin menu in their private chat with the bot."""
    try:
        await bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id))
    except (BadRequest, Forbidden) as error:
        # Telegram knows no chat with an admin who has never started the bot; /start retries.
        logger.warning("admin menu not set for %s: %s", admin_id, error.message)
