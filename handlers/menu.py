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

PRIVATE_COMMANDS: tuple[BotCommand, ...] = (
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
PRIVATE_COMMANDS = (
    *PRIVATE_COMMANDS,
    BotCommand("dangky", "Đăng ký báo cáo số liệu cho đơn vị"),
    BotCommand("tatthongbao", "Tắt thông báo chung"),
    BotCommand("batthongbao", "Bật lại thông báo chung"),
)
VIEWER_COMMANDS = (*PRIVATE_COMMANDS, BotCommand("tiendo", "Tiến độ thực hiện các chỉ tiêu"))
REPORTER_COMMANDS = (
    *VIEWER_COMMANDS,
    BotCommand("capnhat", "Báo cáo số liệu: /capnhat <chỉ tiêu> <số liệu> [kỳ]"),
    BotCommand("rutlai", "Rút lại số liệu vừa gửi"),
)
ADMIN_COMMANDS = (
    *REPORTER_COMMANDS,
    BotCommand("quyen", "Cấp, đổi, bỏ quyền: /quyen <user id> <admin|baocao|xem|xoa>"),
    BotCommand("duyet", "Đề nghị đăng ký báo cáo đang chờ duyệt"),
    BotCommand("xuat", "Xuất tiến độ ra tệp Excel"),
    BotCommand("thongbao", "Gửi thông báo: /thongbao <nội dung>"),
    BotCommand("nhacnho", "Nhắc nhở theo lịch: xem, tạo, tạm dừng, xoá"),
    BotCommand("chuatraloi", "Câu hỏi bot chưa trả lời được"),
    BotCommand("taila", "Nạp lại dữ liệu Nghị quyết"),
)
#: Each role's menu in its private chat; a user without a role has the default one.
ROLE_COMMANDS: dict[str | None, tuple[BotCommand, ...]] = {
    None: PRIVATE_COMMANDS,
    "viewer": VIEWER_COMMANDS,
    "reporter": REPORTER_COMMANDS,
    "admin": ADMIN_COMMANDS,
}


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


async def set_role_menu(bot: Bot, user_id: int, role: str | None) -> None:
    """Give a user the menu of their role in their private chat (after a role change)."""
    await _set_menu(bot, ROLE_COMMANDS[role], BotCommandScopeChat(user_id), "role", user_id)


async def _set_menu(
    bot: Bot, commands: Sequence[BotCommand], scope: BotCommandScope, menu: str, chats: object
) -> None:
    try:
        await bot.set_my_commands(commands, scope=scope)
    except TelegramError as error:
        # BadRequest, Forbidden, NetworkError, RetryAfter (after the limiter's retry) ...
        logger.warning("%s menu not set for %s: %s", menu, chats, error.message)
