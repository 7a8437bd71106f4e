"""Browse the resolution with buttons: /chitieu (groups → targets → detail) and /nhiemvu.

Pressing a button edits the same message, so the chat does not fill up with menus. The
latest resolution is shown first; when the knowledge holds several years, a button under
each menu opens another year's.
"""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.answering.answers import Answer
from bot.core import Library
from bot.errors import UnknownItem
from handlers import keyboards, texts
from handlers.context import core_of
from handlers.render import answer_messages
from handlers.replies import acknowledge, edit_html, reply_html


async def show_target_groups(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply to /chitieu with the target groups as buttons."""
    if update.effective_message is not None:
        text, markup = _menu(core_of(context).library, keyboards.TARGETS, None)
        await reply_html(update.effective_message, text, markup)


async def show_task_groups(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply to /nhiemvu with the task groups as buttons."""
    if update.effective_message is not None:
        text, markup = _menu(core_of(context).library, keyboards.TASKS, None)
        await reply_html(update.effective_message, text, markup)


async def navigate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follow a browse button (menu, group, target, task group), editing the message."""
    query = update.callback_query
    if query is None:
        return
    library = core_of(context).library
    prefix, value, year = keyboards.parse(query.data)
    try:
        if prefix == keyboards.MENU:
            await _show(query, *_menu(library, value, year))
            return
        answer = library.describe(value, year)
        markup = _detail_buttons(library, prefix, value, year)
    except UnknownItem:
        await acknowledge(query, texts.ITEM_GONE, alert=True)
        return
    await _show(query, _first_message(answer), markup)


def _menu(library: Library, menu: str, year: int | None) -> tuple[str, InlineKeyboardMarkup]:
    document = library.document(year)
    if menu == keyboards.TASKS:
        text = texts.TASK_GROUPS.format(year=document.year)
        return text, keyboards.task_groups(document, library.years)
    text = texts.TARGET_GROUPS.format(year=document.year)
    return text, keyboards.target_groups(document, library.years)


def _detail_buttons(
    library: Library, prefix: str, item_id: str, year: int | None
) -> InlineKeyboardMarkup:
    document = library.document(year)
    if prefix == keyboards.TARGET_GROUP:
        markup = keyboards.targets_of(document, item_id)
        if markup is None:
            raise UnknownItem(item_id, year)
        return markup
    if prefix == keyboards.TARGET:
        parent = library.entry(item_id, year).parent or ""
        return keyboards.back(keyboards.data(keyboards.TARGET_GROUP, parent, document.year))
    return keyboards.back(keyboards.data(keyboards.MENU, keyboards.TASKS, document.year))


async def _show(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup) -> None:
    await acknowledge(query)
    # Edited in place, so a menu in a forum topic stays in that topic.
    if isinstance(query.message, Message):  # not an inaccessible (too old) message
        await edit_html(query.message, text, markup)


def _first_message(answer: Answer) -> str:
    # Browse pages are one message; a detail too long for one (none is, today) is cut.
    return answer_messages(answer)[0]
