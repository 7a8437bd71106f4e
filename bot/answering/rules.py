"""The rules answering follows: decision thresholds, and the wording of its replies.

Scores are on the 0-100 scale of :mod:`bot.matching.index`. Every route of
:mod:`bot.answering.qa` decides with these, so that an answer, a list of choices and a
refusal mean the same wherever they come from.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Callable

from bot.answering.answers import Answer
from bot.answering.overview import PREFIX
from bot.errors import NumberFormatError
from bot.knowledge.entries import Entry
from bot.vietnamese.numbers import (
    UserNumber,
    parse_resolution_number,
    parse_user_number,
    same_number,
)
from bot.vietnamese.text import fold

ANSWER_SCORE = 75.0
ANSWER_MARGIN = 8.0
#: A lower score still answers when the best is far ahead of any unrelated candidate and
#: explains most of the question (long paraphrases: "mỗi héc ta đất canh tác thu được bao
#: nhiêu tiền").
CLEAR_SCORE = 60.0
CLEAR_MARGIN = 12.0
CLEAR_COVERAGE = 0.55
CHOICES_SCORE = 55.0
#: A fair score explaining this share of the question, this far ahead: answered.
DOMINANT_COVERAGE = 0.8
DOMINANT_MARGIN = 20.0
DOMINANT_WORDS = 3
#: Choices are offered only when the best explains at least this share of the question;
#: below it the question is about something else that shares a word or two.
CHOICES_COVERAGE = 0.4
#: A list of projects or schemes asked with words no item explains this much of: the words
#: name a thing the resolution does not (its projects cannot be listed).
UNNAMED_COVERAGE = 0.5
#: … and of at least this many words ("triển khai trong năm" only says when), of which
#: no project or scheme explains this much ("khởi công" is the projects' own word).
UNNAMED_WORDS = 4
UNNAMED_MEMBER_COVERAGE = 0.2
CHOICES_WINDOW = 25.0
#: A day asked: the one close item that names a day ranks first if it explains nearly as
#: much of the question (within this share).
DATED_COVERAGE_GAP = 0.1
#: A child that explains the question as well as its parent and scores within this of it
#: is answered instead of the parent (the export figure, not the whole trade target).
CHILD_WINDOW = 10.0
MIN_CHOICES = 2
MAX_CHOICES = 4
#: A group named beside "chỉ tiêu số N" must score this much to pick target N of it.
GROUP_FOR_NUMBER_SCORE = 60.0

EXAMPLES = ("tỷ lệ che phủ rừng", "kim ngạch xuất khẩu", "ai ký nghị quyết")
HOW_TO_ASK = (
    "Đồng chí hãy hỏi về một chỉ tiêu hoặc nhiệm vụ của Nghị quyết, ví dụ: "
    + ", ".join(f"“{e}”" for e in EXAMPLES)
    + "; hoặc gõ /chitieu để xem danh sách chỉ tiêu."
)
NOT_COVERED = "Nghị quyết không có nội dung ứng với câu hỏi này."
EMPTY = "Đồng chí chưa gõ câu hỏi."
NOT_STATED_ANY = (
    "Nghị quyết không nêu {attribute} (Nghị quyết đề ra mục tiêu, nhiệm vụ; không nêu kết "
    "quả, chiều dài hay kinh phí)."
)
UNCOVERED = "Nghị quyết không có nội dung về {topic}."
REFUSED_REQUEST = "Tôi chỉ tra cứu nội dung Nghị quyết, không {service} được."
CHOOSE = "Câu hỏi có thể ứng với một trong các nội dung sau, đồng chí chọn giúp:"
CHOOSE_FIGURE = "Con số này có ở nhiều nội dung của Nghị quyết, đồng chí chọn giúp:"
#: A question torn between a target and its figures is answered with the whole target when
#: its words are explained at least this well ...
WHOLE_TARGET_COVERAGE = 0.5
#: ... unless the best figure explains this much more of them than any other: it is asked.
FIGURE_STANDS_OUT = 0.15
#: The note on a district's question about a figure the resolution sets for every district.
PER_DISTRICT = "Nghị quyết giao chỉ tiêu này cho mỗi huyện, thành phố."
#: Headline of a reverse look-up whose number several items carry (all listed).
CARRIED_BY = "Con số này có ở {count} nội dung của Nghị quyết:"
#: A figure asked about ("77% là chỉ tiêu gì") that no item of the resolution states.
NO_SUCH_FIGURE = "Nghị quyết không có chỉ tiêu hay nội dung nào mang con số này."
#: At most this many carriers are listed in one answer; more are offered as choices.
MAX_CARRIERS = 6
YES_FIGURE = "Đúng. Nghị quyết đề ra:"
NO_FIGURE = "Không đúng. Nghị quyết đề ra:"
#: A reduction claimed as a level ("tỷ lệ hộ nghèo là 3% phải không" of "giảm 3%").
NOT_A_LEVEL = (
    "Đúng con số, nhưng đó là mức giảm ({figure}), không phải mức của chính tỷ lệ. "
    "Nghị quyết đề ra:"
)
#: Words saying a figure is a fall (folded): "giảm 3%", "hạ", "xuống".
_REDUCTION_SAID = re.compile(r"\b(?:giam|ha|xuong|bot|cat giam)\b")
YES_EXISTS = "Có. Nghị quyết nêu:"
#: How every check of a figure ends, before the figure the resolution sets.
_CHECKED = " Nghị quyết đề ra:"
#: A number as written ("7,5", "1.600", "2.370").
_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: The figure claimed for another unit ("mỗi xã tăng 1 trường" of "mỗi huyện, thành phố").
NOT_THAT_UNIT = (
    "Đúng con số, nhưng Nghị quyết đặt cho {stated}, không phải cho {claimed}. Nghị quyết đề ra:"
)
#: The units a figure may be set for ("mỗi huyện", "từng xã"), by their folded words.
_UNIT_NOUNS = {
    fold(noun): noun
    for noun in ("xã", "huyện", "thành phố", "thôn", "xóm", "trường", "cơ quan", "tỉnh")
}
_UNIT = "(" + "|".join(_UNIT_NOUNS) + ")"
_PER_UNIT = re.compile(rf"\b(?:moi|tung)\s+{_UNIT}\b(?:\s*,?\s*{_UNIT}\b)?")
#: A premise about the resolution itself ("đây là nghị quyết hội nghị lần thứ 19 phải không").
RIGHT = "Đúng."
NOT_RIGHT = "Không đúng."
#: "có chỉ tiêu về X không", and no target is about X.
NO_TARGET = "Không. Nghị quyết không đặt chỉ tiêu nào về nội dung này."
#: Asked whether it names a project or a scheme it does not: those it names follow.
NO_NAMED_LISTED = {
    f"{PREFIX}du-an": "Không. Nghị quyết không nêu dự án nào như vậy; các dự án Nghị quyết nêu:",
    f"{PREFIX}de-an": "Không. Nghị quyết không nêu đề án nào như vậy; các đề án Nghị quyết nêu:",
}
#: ... or the nearest thing it does name.
NO_NAMED_BUT = {
    f"{PREFIX}du-an": (
        "Không. Nghị quyết không nêu dự án nào như vậy; nội dung gần nhất Nghị quyết có nêu:"
    ),
    f"{PREFIX}de-an": (
        "Không. Nghị quyết không nêu đề án nào như vậy; nội dung gần nhất Nghị quyết có nêu:"
    ),
}
#: ... and nothing near it: the targets it does set follow.
#: A question pointing at what was told before it ("về việc này", "vấn đề đó"), folded.
POINTS_BACK = re.compile(r"\b(?:viec|van de|chuyen|noi dung|du an|de an|chi tieu) (?:nay|do|ay)\b")
#: A place no item of the resolution mentions.
NOT_MENTIONED = "Nghị quyết không nhắc đến {place}."
#: Things of a kind asked of a place none of them names.
NONE_FOR_PLACE = (
    "Nghị quyết không nêu {kind} riêng cho {place}; trên đây là các {kind} Nghị quyết nêu."
)
NO_TARGET_LISTED = (
    "Không. Nghị quyết không đặt chỉ tiêu nào về nội dung này; các chỉ tiêu Nghị quyết đặt ra:"
)
#: A figure asked of a topic the resolution sets none for ("vốn FDI bao nhiêu").
NO_FIGURE_NEAREST = (
    "Nghị quyết không đặt chỉ tiêu (con số) về nội dung này; nội dung gần nhất Nghị quyết có nêu:"
)
#: ... but the resolution names something about it (a scheme, a task).
NO_TARGET_BUT = (
    "Không. Nghị quyết không đặt chỉ tiêu (con số) về nội dung này; "
    "nội dung gần nhất Nghị quyết có nêu:"
)
#: ... and it says something else about it (a scheme, a task): that is the answer.
NO_TARGET_SAYS = (
    "Không. Nghị quyết không đặt chỉ tiêu (con số) về nội dung này; về nội dung này "
    "Nghị quyết nêu:"
)
#: The one thing (no target) a "có chỉ tiêu về X không" is nearest to scores at least this
#: to be named beside the no.
NEAREST_SCORE = 50.0
#: Kinds listed whole whatever else a list question says of them (they are few).
LISTED_WHOLE = {"schemes": "đề án", "projects": "dự án"}
#: Whole-question answers kept while one reply tries a message, its parts and its clauses.
ANSWERS_KEPT = 64
TARGETS_ABOUT = "Các chỉ tiêu của Nghị quyết về nội dung này:"
#: A target listed for a topic ("các chỉ tiêu về giáo dục") scores at least this, explaining
#: at least CHOICES_COVERAGE of the question (a list shows each, so the bar is lower).
LIST_SCORE = 40.0
SUPERLATIVE_NOTE = (
    "Nghị quyết không xếp hạng các con số này; đồng chí so sánh trên các con số Nghị quyết "
    "đặt ra ở trên."
)
#: An item answering the question part of a long message explains at least this share of
#: what the item explaining most of the whole message does.
PART_COVERAGE = 0.6
YEAR_INSTEAD = "Về nội dung này, Nghị quyết đề ra cho năm {year}:"
UNSURE = (
    "Chưa rõ đồng chí hỏi gì; nội dung gần nhất Nghị quyết có là “{title}”. Đồng chí hỏi "
    "cụ thể hơn, ví dụ gọi đúng tên chỉ tiêu hoặc nhiệm vụ."
)
CHOOSE_HINT = "Đồng chí bấm chọn một nội dung, hoặc hỏi cụ thể hơn."
COUNT_PREFIX = "dem-"
#: Longer questions are refused rather than matched (a pasted document is not a question).
MAX_QUESTION_CHARS = 1000
TOO_LONG = "Câu hỏi quá dài ({length} ký tự). Đồng chí hỏi ngắn gọn, không quá {limit} ký tự."


def choice_title(entry: Entry) -> str:
    if entry.kind in {"target", "figure"} and len(entry.figures) == 1:
        return f"{entry.title} ({entry.figures[0].statement})"
    return entry.title


def none_reply(question: str, headline: str) -> Answer:
    return Answer(question, "none", headline, hint=HOW_TO_ASK)


def yes_or_no(answer: Answer, entry: Entry, numbers: tuple[float, ...]) -> Answer:
    """Say yes or no first: a named number is checked against the entry's figures.

    A figure set as a reduction ("giảm 3%") claimed as a level ("tỷ lệ hộ nghèo là 3%")
    is not right: the figure is how much the level falls.
    """
    if numbers and entry.figures:
        matched = [f for f in entry.figures if any(same_number(n, f.number) for n in numbers)]
        verdict = YES_FIGURE if matched else NO_FIGURE
        reduced = [f for f in matched if f.direction == "giảm"]
        if reduced and not _REDUCTION_SAID.search(fold(answer.question)):
            verdict = NOT_A_LEVEL.format(figure=reduced[0].statement)
        claimed = _PER_UNIT.search(fold(answer.question))
        stated = next((u for f in matched if (u := _PER_UNIT.search(fold(f.source)))), None)
        if claimed and stated and claimed.group(1) not in stated.groups():
            units = ", ".join(_UNIT_NOUNS[u] for u in stated.groups() if u)
            verdict = NOT_THAT_UNIT.format(
                stated=f"mỗi {units}", claimed=f"mỗi {_UNIT_NOUNS[claimed.group(1)]}"
            )
    elif numbers and entry.kind == "group":
        # "có 6 chỉ tiêu kinh tế phải không": a group's number is how many targets it has.
        right = any(same_number(n, len(entry.children)) for n in numbers)
        verdict = YES_FIGURE if right else NO_FIGURE
    else:
        verdict = YES_EXISTS
    return dataclasses.replace(answer, headline=verdict, lines=(answer.headline, *answer.lines))


def checked_line(answer: Answer) -> str | None:
    """Return a figure's check as one line ("Không đúng. Kim ngạch nhập khẩu …: 120 triệu
    USD"), when ``answer`` is one (:func:`yes_or_no` of a named number); else None.

    Of a target of several figures, the line is the figure typed ("GRDP 7,5% đúng không":
    the growth of 7,5%), or every figure when none is.
    """
    if not answer.headline.endswith(_CHECKED) or not answer.lines:
        return None
    verdict = answer.headline.removesuffix(_CHECKED)
    title, *figures = answer.lines
    if not figures:
        return f"{verdict} {title}"
    typed = _numbers_in(answer.question, parse_user_number)
    named = [
        line
        for line in figures
        if any(same_number(t, n) for t in typed for n in _numbers_in(line, _resolution_number))
    ]
    if named:
        return f"{verdict} {named[0].removeprefix('• ')}"
    return f"{verdict} {title} {'; '.join(line.removeprefix('• ') for line in figures)}"


def checked_right(answer: Answer) -> bool | None:
    """Return whether a figure's check found the figure right, or None if no check."""
    return answer.headline == YES_FIGURE if answer.headline.endswith(_CHECKED) else None


def _resolution_number(text: str) -> UserNumber:
    return UserNumber(text, parse_resolution_number(text))


def _numbers_in(text: str, parse: Callable[[str], UserNumber]) -> list[float]:
    """Return the numbers written in ``text`` (each reading of each), as ``parse`` reads."""
    found: list[float] = []
    for written in _WRITTEN_NUMBER.findall(text):
        with contextlib.suppress(NumberFormatError):
            number = parse(written)
            found += [number.value, *number.alternatives]
    return found


def sure_enough(score: float, margin: float, coverage: float, words: int = 0) -> bool:
    """Return whether the best item is sure enough to answer with.

    Sure: a high score well ahead of the best unrelated item; or clear: a fair score further
    ahead, explaining most of the question; or dominant: in a question of ``words`` content
    words (at least :data:`DOMINANT_WORDS`), explaining nearly all of them, far ahead.
    """
    sure = score >= ANSWER_SCORE and margin >= ANSWER_MARGIN
    clear = score >= CLEAR_SCORE and margin >= CLEAR_MARGIN and coverage >= CLEAR_COVERAGE
    # Or explaining nearly all of a question of several words, far ahead of anything else.
    dominant = (
        words >= DOMINANT_WORDS
        and score >= CHOICES_SCORE
        and margin >= DOMINANT_MARGIN
        and coverage >= DOMINANT_COVERAGE
    )
    return sure or clear or dominant


def with_note(answer: Answer, note: str) -> Answer:
    return dataclasses.replace(answer, note=note)
