"""The one error handler: log with the update, apologise to the user, carry on."""

from __future__ import annotations

import json
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from handlers import texts
from handlers.filters import ADDRESSED, COMMAND_TO_BOT
from handlers.intake import DurableProcessor

logger = logging.getLogger(__name__)

MAX_LOGGED = 2000


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with the update that caused it, then apologise where possible."""
    logger.error("error while handling update %s", _describe(update), exc_info=context.error)
    processor = context.application.update_processor
    if isinstance(update, Update) and isinstance(processor, DurableProcessor):
        # Settled as failed, not done: the inbox tells what went wrong, and it is not retried.
        processor.failed[update.update_id] = f"handler: {type(context.error).__name__}"
    if not isinstance(update, Update) or isinstance(context.error, Forbidden | RetryAfter):
        # Blocked by the user, or rate limited: another message would fail as well.
        return
    message, chat = update.effective_message, update.effective_chat
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(texts.SORRY, show_alert=True)
        elif message is not None and chat is not None and _may_speak(chat.type, update):
            await message.reply_text(texts.SORRY)
    except TelegramError as error:
        logger.warning("could not apologise for update %s: %s", update.update_id, error)


def _may_speak(chat_type: str, update: Update) -> bool:
    # In a group the bot speaks only when spoken to, even to apologise.
    if chat_type == ChatType.PRIVATE:
        return True
    return bool((COMMAND_TO_BOT | ADDRESSED).check_update(update))


def _describe(update: object) -> str:
    """Return the update for the log, as JSON, cut to a sane length."""
    if not isinstance(update, Update):
        return repr(update)
    text = json.dumps(update.to_dict(), ensure_ascii=False, default=str)
    return text if len(text) <= MAX_LOGGED else text[:MAX_LOGGED] + "…"
