"""The composition root: build the Application from validated settings, and run it.

Everything Telegram-facing is wired here, in one block; the handlers live in one module per
feature and call the core (``bot/``), which never imports ``telegram``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TypedDict
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core import Core, build_core
from bot.settings import Settings
from handlers import broadcast, keyboards
from handlers.admin import reload_knowledge, unanswered
from handlers.browse import navigate, show_target_groups, show_task_groups
from handlers.context import CORE_KEY, EDGE_KEY, BotApplication, Edge
from handlers.errors import on_error
from handlers.filters import ADDRESSED, SPOKEN_TO
from handlers.inline import inline_query
from handlers.intake import DurableProcessor
from handlers.members import (
    limit_button_flood,
    limit_flood,
    remember_user,
    track_membership,
)
from handlers.progress import cancel as cancel_pending
from handlers.progress import (
    export,
    grant,
    pending,
    press,
    register,
    report_command,
    show_progress,
    withdraw,
)
from handlers.questions import (
    answer_addressed,
    answer_private_caption,
    answer_private_text,
    ask,
    ask_example,
    expired_button,
    show_choice,
)
from handlers.runner import Runner, serve
from handlers.start import help_command, media_hint, start, unknown_command

logger = logging.getLogger(__name__)


#: Updates the bot asks Telegram for (polling and webhook alike).
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"]
#: Updates handled at once. Handlers mostly wait on Telegram and the database, but httpx's
#: connection pool costs grow with the requests in flight (measured on loopback: 2.3 ms of
#: CPU an update at 16, 5.9 ms at 32, 8 ms at 64); 16 in flight over the internet's
#: ~100 ms round trips still allows 160 replies a second, far above Telegram's limits.
CONCURRENT_UPDATES = 16
#: Connections to the Bot API: one for each update in flight, a few spare for typing.
CONNECTION_POOL_SIZE = CONCURRENT_UPDATES + 4
#: Seconds a request may wait for a free connection before failing.
POOL_TIMEOUT = 10.0

PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VIDEO
    | filters.ANIMATION
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO_NOTE
    | filters.LOCATION
    | filters.CONTACT
    | filters.Document.ALL
)


def build_application(
    core: Core,
    *,
    edge: Edge | None = None,
    update_processor: DurableProcessor | None = None,
) -> BotApplication:
    """Build the bot around a core: Bot API client and handlers (started by a Runner).

    ``update_processor`` replaces the default concurrent processing (tests use it to know
    when an update has been fully handled); either way it settles updates in the inbox.
    """
    settings = core.settings
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # It logs every 429 it does not retry as an error with a traceback; handlers.replies
    # retries them and logs the replies it gives up on.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
    processor = update_processor or DurableProcessor(CONCURRENT_UPDATES)
    processor.inbox = core.inbox
    application: BotApplication = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        # Updates come in through handlers.intake, which stores them first.
        .updater(None)
        .concurrent_updates(processor)
        .connection_pool_size(CONNECTION_POOL_SIZE)
        .pool_timeout(POOL_TIMEOUT)
        # Replies go to many different chats, so no overall cap (that is for broadcasts,
        # paced by BROADCAST_RATE); groups keep Telegram's 20 a minute. A 429 is not
        # retried here but by the reply's own retry policy (handlers.replies), which sees
        # every one of them.
        .rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=0))
        .build()
    )
    application.bot_data[CORE_KEY] = core
    application.bot_data[EDGE_KEY] = edge or Edge()

    # Before any handler: remember who wrote, then stop those who write too much.
    application.add_handler(TypeHandler(Update, remember_user), group=-2)
    # Only what is addressed to this bot counts (not /roll@other_bot), and button presses
    # count like messages.
    application.add_handlers(
        [
            MessageHandler(filters.UpdateType.MESSAGES & SPOKEN_TO, limit_flood),
            CallbackQueryHandler(limit_button_flood),
        ],
        group=-1,
    )
    application.add_handlers(
        [
            CommandHandler("start", start),
            CommandHandler("help", help_command),
            CommandHandler("hoi", ask),
            CommandHandler("chitieu", show_target_groups),
            CommandHandler("nhiemvu", show_task_groups),
            CommandHandler("huy", cancel_pending),
            CommandHandler("dangky", register),
            CommandHandler("quyen", grant),
            CommandHandler("duyet", pending),
            CommandHandler("capnhat", report_command),
            CommandHandler("rutlai", withdraw),
            CommandHandler("tiendo", show_progress),
            CommandHandler("xuat", export),
            CommandHandler("thongbao", broadcast.compose),
            CommandHandler("nhacnho", broadcast.reminders),
            CommandHandler("tatthongbao", broadcast.opt_out),
            CommandHandler("batthongbao", broadcast.opt_in),
            CommandHandler("chuatraloi", unanswered),
            CommandHandler("taila", reload_knowledge),
            MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, answer_private_text),
            MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND & ADDRESSED, answer_addressed),
            MessageHandler(
                PRIVATE & filters.CAPTION & (filters.PHOTO | filters.Document.ALL),
                answer_private_caption,
            ),
            MessageHandler(PRIVATE & MEDIA, media_hint),
            MessageHandler(PRIVATE & filters.COMMAND, unknown_command),
            CallbackQueryHandler(show_choice, pattern=keyboards.pattern(keyboards.ITEM)),
            CallbackQueryHandler(ask_example, pattern=keyboards.pattern(keyboards.EXAMPLE)),
            CallbackQueryHandler(
                navigate,
                pattern=keyboards.pattern(
                    keyboards.TARGET_GROUP, keyboards.TARGET, keyboards.TASK_GROUP, keyboards.MENU
                ),
            ),
            CallbackQueryHandler(press, pattern=keyboards.pattern(keyboards.PROGRESS)),
            CallbackQueryHandler(broadcast.press, pattern=keyboards.pattern(keyboards.BROADCAST)),
            CallbackQueryHandler(
                broadcast.press_reminder, pattern=keyboards.pattern(keyboards.REMINDER)
            ),
            CallbackQueryHandler(expired_button),
            InlineQueryHandler(inline_query),
            ChatMemberHandler(track_membership, ChatMemberHandler.MY_CHAT_MEMBER),
        ]
    )
    application.add_error_handler(on_error)
    return application


class WebhookOptions(TypedDict):
    """Arguments of ``run_webhook``/``start_webhook`` drawn from the settings."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str | None


def webhook_options(settings: Settings) -> WebhookOptions:
    """Return where to listen for Telegram's webhook calls, and what to tell Telegram."""
    url = settings.webhook_url or ""
    secret = settings.webhook_secret
    return WebhookOptions(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        # The local path is the public URL's path, so a reverse proxy passes it unchanged.
        url_path=urlsplit(url).path.lstrip("/"),
        webhook_url=url,
        secret_token=secret.get_secret_value() if secret else None,
    )


def build_runner(core: Core, *, edge: Edge | None = None) -> Runner:
    """Build the application around ``core`` and the runner that starts it."""
    settings = core.settings
    webhook = dict(webhook_options(settings)) if settings.webhook_url else None
    application = build_application(core, edge=edge)
    return Runner(application, core, allowed_updates=ALLOWED_UPDATES, webhook=webhook)


def run(settings: Settings) -> None:
    """Run the bot until SIGINT or SIGTERM: long polling, or a webhook when WEBHOOK_URL is set.

    Raises:
        bot.errors.KnowledgeError: the knowledge file is broken (before anything starts).
        bot.errors.SettingsError: the database, the token or the Bot API is unusable.
    """
    _configure_logging(settings)
    # Knowledge first, so a broken file stops us before the database and Telegram.
    core = build_core(settings)
    asyncio.run(serve(build_runner(core)))


class _RedactToken(logging.Filter):
    """Replace the bot token wherever a log record would show it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token in message:
            record.msg, record.args = message.replace(self._token, "<TOKEN>"), None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set: store the traceback redacted.
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = text.replace(self._token, "<TOKEN>")
        return True


def _configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    redact = _RedactToken(settings.token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
