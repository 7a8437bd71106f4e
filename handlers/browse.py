"""Browse the resolution with buttons: /chitieu (groups → targets → detail) and /nhiemvu.

Pressing a button edits the same message, so the chat does not fill up with menus.
"""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.answering.answers import Answer
from handlers import keyboards, texts
from handlers.render import answer_messages
from handlers.replies import edit_html, reply_html
from handlers.services import services_of


async def show_target_groups(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply to /chitieu with the target groups as buttons."""
    message = update.effective_message
    if message is None:
        return
    document = services_of(context).answerer.kb.document
    text = texts.TARGET_GROUPS.format(year=document.year)
    await reply_html(message, text, keyboards.target_groups(document))


async def show_task_groups(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply to /nhiemvu with the task groups as buttons."""
    message = update.effective_message
    if message is None:
        return
    document = services_of(context).answerer.kb.document
    await reply_html(message, texts.TASK_GROUPS, keyboards.task_groups(document))


async def navigate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follow a browse button (menu, group, target, task group), editing the message."""
    query = update.callback_query
    if query is None:
        return
    answerer = services_of(context).answerer
    document = answerer.kb.document
    prefix, value = keyboards.parse(query.data)
    if prefix == keyboards.MENU:
        if value == "tasks":
            await _show(query, texts.TASK_GROUPS, keyboards.task_groups(document))
        else:
            text = texts.TARGET_GROUPS.format(year=document.year)
            await _show(query, text, keyboards.target_groups(document))
        return
    entry = answerer.kb.entries.get(value)
    if entry is None:
        await query.answer(texts.ITEM_GONE, show_alert=True)
        return
    answer = answerer.describe(value)
    if prefix == keyboards.TARGET_GROUP:
        markup = keyboards.targets_of(document, value)
    elif prefix == keyboards.TARGET:
        back = entry.parent or ""
        markup = keyboards.back(keyboards.data(keyboards.TARGET_GROUP, back))
    else:
        markup = keyboards.back(keyboards.MENU_TASKS)
    await _show(query, _first_message(answer), markup)


async def _show(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup) -> None:
    await query.answer()
    if isinstance(query.message, Message):  # not an inaccessible (too old) message
        await edit_html(query.message, text, markup)


def _first_message(answer: Answer) -> str:
    # Browse pages are one message; a detail too long for one (none is, today) is cut.
    return answer_messages(answer)[0]
