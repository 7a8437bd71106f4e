"""Lay out an answer as styled lines; the terminal prints them plain, Telegram as HTML.

Both renderers go through :func:`answer_lines`, so the terminal and Telegram show the same
words for the same question (Telegram only adds bold, italics and buttons).
"""

from __future__ import annotations

from bot.answering.answers import Answer
from bot.lines import Line


def answer_lines(answer: Answer) -> list[Line]:
    """Return the lines of a reply, in order, with their styles."""
    lines = [Line("bold", answer.headline)]
    lines += [Line("plain", text) for text in answer.lines]
    if answer.status == "choices":
        lines += [
            Line("plain", f"{number}. {match.title}")
            for number, match in enumerate(answer.matches, start=1)
        ]
    if answer.note:
        lines.append(Line("plain", answer.note))
    if answer.place:
        lines.append(Line("italic", answer.place))
    if answer.source:
        lines.append(Line("quote", f"Nguyên văn: “{answer.source}”"))
    if answer.hint:
        lines.append(Line("plain", answer.hint))
    return lines


def render_text(answer: Answer) -> str:
    """Render an answer as plain text for the terminal."""
    return "\n".join(line.text for line in answer_lines(answer))
