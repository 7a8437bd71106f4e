"""Render the core's styled lines as Telegram HTML, escaped, in messages Telegram accepts.

Every text is escaped; the tags come only from the line styles, and each line closes its
own tags, so a message can be cut between any two lines. Stripping the tags and unescaping
gives exactly the terminal rendering (``bot.render.render_text``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from bot.answering.answers import Answer
from bot.answering.render import answer_lines
from bot.lines import Line

#: Telegram's limit on a message text (after entity parsing, in UTF-16 code units).
MAX_MESSAGE_LENGTH = 4096

_TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "quote": ("<blockquote>", "</blockquote>"),
}


def escape(text: str) -> str:
    """Return ``text`` safe to put in Telegram HTML."""
    return html.escape(text, quote=False)


def line_html(line: Line) -> str:
    """Return one line as HTML."""
    opening, closing = _TAGS.get(line.style, ("", ""))
    return f"{opening}{escape(line.text)}{closing}"


def render_html(answer: Answer) -> str:
    """Return an answer as one Telegram HTML text (may exceed one message; see split)."""
    return "\n".join(line_html(line) for line in answer_lines(answer))


def answer_messages(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """Return an answer as HTML messages, each within ``limit``."""
    return split_lines(answer_lines(answer), limit)


def plain_lines(texts: Iterable[str]) -> list[Line]:
    """Return plain texts as plain lines (for lists the handlers compose)."""
    return [Line("plain", text) for text in texts]


def split_lines(lines: Iterable[Line], limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """Pack lines into as few HTML messages as fit ``limit``, cutting only between lines.

    A single line too long for one message is cut between words (or, for a word longer
    than a message, between characters), each piece keeping the line's style.
    """
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        for piece in _fitting_pieces(line, limit):
            piece_size = _units(piece)
            if current and size + 1 + piece_size > limit:
                messages.append("\n".join(current))
                current, size = [], 0
            size += piece_size + (1 if current else 0)
            current.append(piece)
    if current:
        messages.append("\n".join(current))
    return messages


def _units(text: str) -> int:
    # Telegram counts UTF-16 code units; the HTML is never shorter than the text it shows,
    # so measuring the HTML keeps the shown text within the limit.
    return len(text.encode("utf-16-le")) // 2


def _fitting_pieces(line: Line, limit: int) -> Iterator[str]:
    whole = line_html(line)
    if _units(whole) <= limit:
        yield whole
        return
    piece = ""
    for word in _words_within(line, limit):
        candidate = f"{piece} {word}" if piece else word
        if _units(line_html(Line(line.style, candidate))) <= limit:
            piece = candidate
            continue
        yield line_html(Line(line.style, piece))
        piece = word
    if piece:
        yield line_html(Line(line.style, piece))


def _words_within(line: Line, limit: int) -> Iterator[str]:
    for word in line.text.split(" "):
        if _units(line_html(Line(line.style, word))) <= limit:
            yield word
            continue
        opening, closing = _TAGS.get(line.style, ("", ""))
        room = limit - _units(opening + closing)
        chunk, size = "", 0
        for char in word:
            char_size = _units(escape(char))
            if size + char_size > room:
                yield chunk
                chunk, size = "", 0
            chunk += char
            size += char_size
        if chunk:
            yield chunk
