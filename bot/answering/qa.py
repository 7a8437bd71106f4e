"""Answer a question: rank, then answer, offer choices, or say the resolution does not cover it.

Decision on the 0-100 scale of :mod:`bot.matching.index`:

* ``answer`` when the best entry scores at least ``ANSWER_SCORE`` and beats the best
  *unrelated* runner-up (not its own parent or child) by at least ``ANSWER_MARGIN``;
* ``choices`` when the best scores at least ``CHOICES_SCORE`` (2-4 candidates within
  ``CHOICES_WINDOW`` of it);
* ``none`` otherwise, and whenever the question names a year or a province the resolution
  does not cover; a wrong figure stated with confidence is the one failure we never accept.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from bot.answering.answers import Answer, Match
from bot.answering.computed import NOTE as COMPUTED_NOTE
from bot.answering.computed import Arithmetic
from bot.answering.describe import describe_entry
from bot.answering.follow_up import FollowUpReader, FollowUps, listed, others_of_kind
from bot.answering.lookups import Lookups
from bot.answering.messages import MIN_ASKED_WORDS, SENTENCE_END, MessageParts
from bot.answering.not_stated import (
    AMOUNT_ASKED,
    AMOUNTLESS_KINDS,
    NOT_STATED,
    WHO,
    Unstated,
    names_a_day,
    not_stated,
    per_district,
)
from bot.answering.overview import NAMED, PREFIX, TARGETS, TASKS, overview_ids, target_count
from bot.answering.rules import (
    ANSWER_MARGIN,
    ANSWERS_KEPT,
    CHILD_WINDOW,
    CHOICES_COVERAGE,
    CHOICES_SCORE,
    CHOICES_WINDOW,
    CHOOSE,
    CHOOSE_HINT,
    CLEAR_MARGIN,
    DATED_COVERAGE_GAP,
    EMPTY,
    FIGURE_STANDS_OUT,
    MAX_CHOICES,
    MAX_QUESTION_CHARS,
    MIN_CHOICES,
    NEAREST_SCORE,
    NO_FIGURE_NEAREST,
    NO_NAMED_BUT,
    NO_NAMED_LISTED,
    NO_TARGET,
    NO_TARGET_BUT,
    NO_TARGET_LISTED,
    NO_TARGET_SAYS,
    NONE_FOR_PLACE,
    NOT_COVERED,
    NOT_MENTIONED,
    NOT_RIGHT,
    NOT_STATED_ANY,
    PER_DISTRICT,
    POINTS_BACK,
    REFUSED_REQUEST,
    RIGHT,
    TOO_LONG,
    UNCOVERED,
    UNSURE,
    WHOLE_TARGET_COVERAGE,
    YEAR_INSTEAD,
    YES_EXISTS,
    checked_line,
    choice_title,
    none_reply,
    sure_enough,
    with_note,
    yes_or_no,
)
from bot.answering.several import NOTE as COMPARISON_NOTE
from bot.answering.several import Comparisons
from bot.answering.small_talk import SmallTalk
from bot.errors import UnknownItem
from bot.knowledge.entries import Entry, KnowledgeBase, whole_and_parts
from bot.knowledge.schema import Figure, Named
from bot.matching.analysis import Analysis
from bot.matching.index import SUGGEST_MIN_SCORE
from bot.matching.knowledge_items import ScoredEntry as Scored
from bot.matching.knowledge_items import entries_index
from bot.matching.named_numbers import (
    ORDINAL_WORDS,
    ORDINALS_SAID,
    day_month_year,
    month_year,
    numbered_nouns,
    reads_as,
)
from bot.vietnamese.numbers import format_vietnamese_number, same_number
from bot.vietnamese.phrases import PhraseSet, Token, as_typed, tokens
from bot.vietnamese.text import clean, fold, padded_fold, tone_key, tones_agree, words_with_tones

#: The rest of a quoted figure's clause, its unit ("tỷ, nhưng …", "triệu USD thì …").
#: Words of asking whether or where a thing is mentioned, folded: no topic beside a place.
_MENTION_WORDS = frozenset(
    {"nhac", "den", "toi", "ten", "de", "cap", "cho", "nao", "lien", "quan", "co", "gi", "duoc"}
    # (where the place is to the asker: "Trà Lĩnh nhà em", "ở chỗ nào")
    | {"nha", "em", "minh", "chung", "o", "que", "huyen", "thanh", "pho", "xa", "ben"}
    # (how the thing is asked: "có dự án gì lớn", "dự án gì nêu trong nghị quyết")
    | {"lon", "neu", "nam"}
)
#: Asking what things of a kind there are ("có dự án gì", "có đề án nào"), folded.
_KIND_ASKED = {
    noun: re.compile(rf"\b(?:co|nhung|cac) {fold(noun)} (?:gi|nao)\b")
    for noun, _ in NAMED.values()
}
#: Asking where or whether something is mentioned ("được nhắc ở chỗ nào"), folded.
_MENTION_ASKED = re.compile(
    r"\b(?:duoc nhac|nhac den|nhac toi|nhac ten|de cap|o cho nao|cho nao trong|nam o dau"
    r"|lien quan gi|co lien quan)\b"
)
_UNIT_CLAUSE = re.compile(r"^\s*(?:[^\s,;]+\s*){0,2}?(?:[,;]|(?<=\s)(?:thì|thi|nhưng|nhung)\s)")
#: "ngoài X (ra, thì) còn Y": Y asked, X left out (typed with tones, or bare).
_BESIDES = re.compile(r"\bngoài\s+(.+?)\s*(?:\bra\b|\bthì\b|,)?\s+(?:vẫn\s+)?còn\s+(.+)$")
_BESIDES_BARE = re.compile(r"^ngoai\s+(.+?)\s*(?:\bra\b|\bthi\b)?\s+con\s+(.+)$")
#: The money of a project or a scheme ("vốn đầu tư", "tổng mức đầu tư", "kinh phí").
_BUDGET = re.compile(r"\b(?:tong muc dau tu|tong von dau tu|von dau tu|tong von|kinh phi)\b")
BUDGET = "vốn đầu tư, kinh phí của dự án, đề án"
_HOW_MUCH_ASKED = re.compile(r"\b(?:la )?(?:bao nhieu|bn|may)(?: ty| tien| dong)?\b")
#: Asking which ones ("gồm những công trình nào", "kể tên", "là những dự án gì").
_WHICH = re.compile(r"\b(?:nao|nhung gi|gom nhung|ke ten|la nhung|cu the la|ten)\b")
#: A question closed by asking whether ("… không", "… chưa").
_WHETHER_END = re.compile(r"\b(?:khong|ko|k|chua|hok)\W*(?:a|vay|nhi)?\W*$")
#: The names of things the resolution speaks of only together.
UNNAMED = "tên cụ thể từng {things}, chỉ nêu chung"
#: A count of targets or task groups put to check ("có 18 chỉ tiêu", "5 nhóm nhiệm vụ").
_COUNTED_PREMISE = re.compile(r"\b(\d{1,3}) (chi tieu|nhom nhiem vu)\b")
#: "dự án thứ 2", "đề án thứ hai", "dự án đầu tiên" (folded words).
_NAMED_BY_RANK = re.compile(
    rf"\b(du an|de an)\s+(?:thu\s+(\d{{1,2}}|{ORDINALS_SAID})|(dau tien))\b"
)
#: What an uncovered topic's phrase asks of it ("lương bao nhiêu"), left out of the reply.
_ASKED_TAIL = re.compile(r"\s+(?:(?:là\s+)?bao nhiêu|của|tháng)$|^(?:của|để được|để)\s+")
#: "ký" (signed), folded as the index reads it, with its tone when typed ("kỷ niệm" is no
#: signing).
_SIGNED = tokens("ký")[0]
#: Words "ky" typed bare is part of, never "ký" (signed): "ky niem", "ky luat", "nhiem ky".
_NOT_SIGNED = frozenset({("ki", "niem"), ("ki", "luat"), ("ki", "cuong"), ("nhiem", "ki")})
#: Between two sentences of a message.
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")
#: Between the clauses of a message.
_CLAUSE_BREAK = re.compile(r"[,.;:!?]+(?:\s+|$)")
#: What a story says it is about: "(viết bài) về X", X to the clause's end.
#: A word that makes a clause a question of its own (folded).
_QUESTION_WORD = re.compile(r"\b(?:bao nhieu|bn|may|gi|j|nao|sao|ai|dau|khong|ko|k|chua)\b|\?")
_TOPIC_TOLD = re.compile(
    r"(?<!mới )(?<!vừa )(?<!moi )(?<!vua )\b(?:về|ve|viết (?:tin|bài)|viet (?:tin|bai))\s+(.+)$",
    re.IGNORECASE,
)
#: "chỉ tiêu X" named in a story, X up to a clause end or a word that ends the name.
_TARGET_NAMED = re.compile(
    r"\b(?:chỉ tiêu|mục tiêu|chi tieu|muc tieu)\s+(?:về\s+|ve\s+)?"
    r"(.+?)(?=\s+(?:của|mà|thì|là|nhưng|cho|rất|tăng rất|cua|ma|thi|la)\b|[,;:]|$)",
    re.IGNORECASE,
)
#: Words that only say when the resolution was made ("ký", "ban hành", "họp", "tháng"; folded).
_DATING_WORDS = frozenset({"ki", "ban", "hanh", "thong", "qua", "hop", "thang", "ngay", "nam"})
#: Question words an asking alias ends with ("hội nghị nào"; folded).
_ASK_WORDS = frozenset({"nao", "gi", "may", "ai", "dau"})
#: Words of an ordinal asked ("hội nghị lần thứ mấy" asks which conference).
_ORDINAL_ASKED = frozenset({"lan", "thu"})
#: The fewest words of an asking alias ("tại hội nghị nào"): "ngày nào" alone asks any date.
ASKING_ALIAS_WORDS = 3
#: How far above the best an item asked for by an asking alias is put, if it explains at
#: least this share of what the best explains.
ASKED_LIFT = ANSWER_MARGIN
ASKED_COVERAGE_SHARE = 0.6
#: What "nói về gì", "nội dung gì" ask (``mentioned_only.content``): the content.
_CONTENT = "nội dung"
#: "… 2035 hay 2030": alternatives offered (folded).
_ALTERNATIVES = re.compile(r"\b(?:hay|hoac)\b")
#: Things named that say nothing of a district unless their wording names it (events,
#: documents; and the facts about the resolution); a target, a task, a scheme or a project
#: holds for the province and its districts.
PLACELESS_KINDS = frozenset({"sự kiện", "văn bản"})
#: Below this share of the question explained by the targets offered, a topic word none of
#: them has makes the honest no ("có chỉ tiêu về tỷ lệ hộ dùng điện không").
HONEST_NO_COVERAGE = 0.6
#: Kinds of items that are targets or part of one (a "có chỉ tiêu về X không" may be them).
TARGET_KINDS = frozenset({"group", "target", "figure"})


def _signs(words: list[Token], at: int) -> bool:
    """Whether the word at ``at`` is "ký" (signed), not "kỷ niệm" or "nhiệm kỳ"."""
    word = words[at]
    if word != _SIGNED or not tones_agree(word.tone, _SIGNED.tone):
        return False
    before = (str(words[at - 1]), str(word)) if at else None
    after = (str(word), str(words[at + 1])) if at + 1 < len(words) else None
    return before not in _NOT_SIGNED and after not in _NOT_SIGNED


def _without_ordinal(words: list[str]) -> list[str]:
    """Return words without the ordinal that ends them ("hội nghị lần thứ" → "hội nghị")."""
    while words and words[-1] in _ORDINAL_ASKED:
        words = words[:-1]
    return words


class QuestionAnswerer:
    """Answer questions over one knowledge base (build once, share across requests)."""

    def __init__(self, kb: KnowledgeBase, *, covered_years: tuple[int, ...] = ()) -> None:
        self.kb = kb
        #: Every year some loaded resolution covers (several when a folder holds several).
        self.covered_years = covered_years or (kb.document.year,)
        self.small_talk = SmallTalk(kb.vocabulary)
        self.arithmetic = Arithmetic(kb.vocabulary.comparison.computed)
        self.index = entries_index(kb)
        #: Aliases that ask for their item ("hội nghị nào", "họp ngày nào"), with its id.
        # (the words before the question word are the item's title's: what it is, asked for)
        asking = [
            (phrase, e.id)
            for e in kb.entries.values()
            for phrase in e.phrases
            if len(words := fold(phrase).split()) >= ASKING_ALIAS_WORDS
            and words[-1] in _ASK_WORDS
            and f" {' '.join(_without_ordinal(words[:-1]))} " in f" {fold(e.title)} "
        ]
        self._asking_aliases = PhraseSet([p for p, _ in asking], [i for _, i in asking])
        #: Each target that gives a total and its parts ("…, trong đó: …"): the total, the parts.
        self._wholes = {
            e.id: split for e in kb.entries.values() if (split := whole_and_parts(e)) is not None
        }
        self.unstated = Unstated(kb, self.index)
        self.lookups = Lookups(kb, self.index, self._sure)
        #: A figure that is no item of its own (a target's only figure, a scheme's) is
        #: answered as the item stating it: its id opens that item.
        self._merged = {
            f.id: e.id for e in kb.entries.values() for f in e.figures if f.id not in kb.entries
        }
        self._answer_one_kept = functools.lru_cache(maxsize=ANSWERS_KEPT)(self._answer_one_afresh)
        self._province_names = {fold(p): p for p in kb.vocabulary.provinces}
        #: The nouns of places ("xã", "thôn"), folded: no topic of their own.
        self._place_nouns = frozenset(
            w for place in kb.vocabulary.own_place.places for w in fold(place).split()
        )
        #: The words that name a target ("chỉ tiêu", "mục tiêu"), folded.
        #: "những", "các": a question asking for several things.
        self._plural_words = {fold(w): tone_key(w) for w in kb.vocabulary.list_determiners}
        #: Topics the resolution sets no target for, each with the item nearest to it.
        nearest = kb.document.nearest
        self._nearest_phrases = PhraseSet(t for topics in nearest.values() for t in topics)
        self._nearest_of = {
            " ".join(fold(t).split()): i for i, topics in nearest.items() for t in topics
        }
        target_nouns = [
            n for n, counted in kb.vocabulary.count_nouns.items() if counted == "targets"
        ]
        #: ... also as chat writes them ("cti": "chỉ tiêu"), folded.
        self._target_nouns = tuple(
            fold(noun)
            for noun in [
                *target_nouns,
                *(k for k, v in kb.vocabulary.shorthand.items() if v in target_nouns),
            ]
        )
        self._district_names = {fold(p): p for p in kb.vocabulary.districts}
        #: The resolution's own numbered nouns ("hội nghị" 20, "khoá" 18), and the fact
        #: that tells its conference.
        self._own_numbers = numbered_nouns(fold(kb.document.conference))
        self._conference = next(
            (
                e
                for e in kb.entries.values()
                if e.kind == "fact" and fold(e.title).startswith("hoi nghi")
            ),
            None,
        )
        #: The fact that tells the resolution's name and subject (its title, as the source).
        self._summary = next(
            (
                e
                for e in kb.entries.values()
                if e.kind == "fact" and fold(e.source) == fold(kb.document.title)
            ),
            None,
        )
        #: The fact that tells the resolution's date.
        on = f"{kb.document.date:%d/%m/%Y}"
        self._dated = next(
            (e for e in kb.entries.values() if e.kind == "fact" and on in e.source), None
        )
        #: The fact that tells who signed, and the positions a premise may name.
        signer = kb.document.signer
        self._signed = next(
            (
                e
                for e in kb.entries.values()
                if e.kind == "fact" and fold(signer.name) in fold(f"{e.source} {e.node}")
            ),
            None,
        )
        self._signer_words = set(fold(f"{signer.position} {signer.on_behalf}").split())
        self._roles = PhraseSet(kb.vocabulary.roles)
        self._bodies = PhraseSet(kb.vocabulary.bodies)
        self._body_names = frozenset(" ".join(fold(b).split()) for b in kb.vocabulary.bodies)
        reader = FollowUpReader(kb.vocabulary)
        self.comparisons = Comparisons(
            kb.vocabulary,
            analyze=self.index.analyzer.analyze,
            reader=reader,
            answer_one=self._answer_one,
            parent_of=self._parent_of,
            compute=self._computed,
            asked_order=self._asked_order,
            mentions=self.index.mentions,
            follow=lambda part, before: self.follow_ups.answer(
                part, self._answer_one(part), before
            ),
        )
        self.parts = MessageParts(
            kb,
            self.index,
            answer_one=self._answer_one,
            asks_nothing=self.comparisons.asks_nothing,
            unstated=self.unstated,
            related=self._related,
            district_note=self._district_note,
            points_back=lambda part: reader.read(part).pointing,
            lift=self._asked_by_alias,
            several=lambda part: self.comparisons.several(part),
        )
        self.follow_ups = FollowUps(
            kb,
            reader,
            analyze=self.index.analyzer.analyze,
            alone=self._answer_alone,
            describe=self._describe_unstated,
            rank=lambda analysis, ids: self.index.rank(analysis, candidates=ids),
            sure=sure_enough,
            mentions=self.index.mentions,
            describe_picked=self._describe_asked,
        )

    def answer(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer a question as the bot would (several items at once when it asks so).

        ``previous`` is the previous answer of the same conversation, if any: a follow-up
        ("vậy còn nhập khẩu?") is understood from it (:mod:`bot.answering.follow_up`).
        """
        spelled = self.index.analyzer.spelled_beside(question)
        if spelled != question:
            # ("XK + NK đăng ký": each part of the message reads "nk" as the whole says)
            return dataclasses.replace(self.answer(spelled, previous), question=question)
        result = self._with_sum(question, self._answer_alone(question))
        if result.status == "none" and not result.matches and result.headline == NOT_COVERED:
            # Nothing in the resolution, and a greeting or thanks in the message: small talk.
            result = self.small_talk.mentioned(question, self.kb.document) or result
        if previous is None or len(question) > MAX_QUESTION_CHARS:
            return result
        if self.small_talk.reply(question, self.kb.document) is not None:
            return result
        return self.follow_ups.answer(question, result, previous)

    def _answer_alone(self, question: str) -> Answer:
        if len(question) > MAX_QUESTION_CHARS:
            return self._answer_one(question)
        # "trạm y tế có bác sỹ và trường chuẩn cái nào nhiều hơn": a comparison names
        # several items, each stated, before the one item the whole question matches best.
        compares = self.comparisons.compares(question)
        analysis = self.index.analyzer.analyze(question)
        # ("thu nội địa 1.600 tỷ hay 1.800 tỷ": figures offered, one item named; "sáp nhập
        # với tỉnh nào": a topic no resolution covers, whatever "với" joins)
        offered = analysis.offers_figures or analysis.uncovered is not None
        several = self.comparisons.several(question) if compares and not offered else None
        if several is not None:
            if several.note == COMPUTED_NOTE:
                return several
            # Said once, also when the items make up one target: nothing was computed.
            note = several.note if COMPARISON_NOTE in several.note else COMPARISON_NOTE
            return dataclasses.replace(several, note=note)
        superlative = self.comparisons.by_superlative(question)
        if superlative is not None:
            return self._computed_rank(question, superlative)
        service = analysis.refused_request
        if service is not None:
            # "Dịch giúp sang tiếng Anh câu: …": the text it quotes is not asked about.
            return none_reply(question, REFUSED_REQUEST.format(service=service))
        result = self._answer_one(question)
        if self.small_talk.reply(question, self.kb.document) is not None:
            return result  # ("Xin chào, tôi có thể hỏi những gì?": its parts ask nothing)
        if checked_line(result) is not None:
            # ("GRDP 7,5% và thu nội địa 2.000 tỷ đúng không": each figure is checked)
            return self.comparisons.checked(question) or result
        document = result.status == "answer" and self._about_the_document(result)
        told = self._topic_told(question) if document else None
        if told is not None:
            # "em đang làm báo cáo về che phủ rừng, NQ nói gì ạ": of the story's topic, not
            # of the resolution as a whole.
            return told
        asked = self._asked_after_opener(question, result)
        if asked is not None:
            # "…, sắp phải báo cáo phong trào xây dựng đời sống văn hoá, cho em xin tỷ lệ
            # gia đình văn hoá …": the story names one item, the question after "cho em
            # xin" another, and answers it as surely.
            return dataclasses.replace(asked, question=question)
        if result.status == "answer" or (result.status == "none" and result.matches):
            # (a refusal that tells about an item — not stated, another year, a district —
            # is the reply: its parts must not answer what the whole says is not stated)
            return result
        # Several items are named in one sentence; a message of several sentences is read
        # part by part instead (its story would name items of its own).
        several = (
            None
            if compares or offered or SENTENCE_END.search(question.strip())
            else self._several_asked(question)
        )
        return (
            several
            or self.parts.answer(question)
            or self._story_target(question)
            or self._topic_told(question)
            or result
        )

    def _several_asked(self, question: str) -> Answer | None:
        """Return the items a question names, read without the asker's story ("Tôi đang
        chuẩn bị bài phát biểu, xin cho biết … hội nghị nào, ngày nào": the story's
        "chuẩn bị" names no item)."""
        asked = self.index.analyzer.framing.remove(question)
        several = self.comparisons.several(asked)
        return dataclasses.replace(several, question=question) if several else None

    def _asked_after_opener(self, question: str, result: Answer) -> Answer | None:
        """Return the answer to what follows the message's last opener ("cho em xin …"),
        when it answers, at least as surely, an item unrelated to the whole message's, or
        the whole message finds nothing at all ("Văn phòng huyện ủy đang rà soát, nhờ bot cho
        biết NQ này do đồng chí nào ký")."""
        found_nothing = result.status == "none" and not result.matches
        if not found_nothing and (
            result.status != "answer" or result.item_id not in self.kb.entries
        ):
            return None
        opened = self.index.analyzer.framing.after_openers(question)
        if (
            not opened
            or (not found_nothing and self.parts.points_back(opened[-1]))
            or self.comparisons.asks_nothing(opened[-1])
        ):
            return None  # (not "… tên đầy đủ của đề án đó", nor "…, xin cho biết cụ thể")
        tail = self._answer_one(opened[-1])
        if (
            tail.status != "answer"
            or tail.item_id not in self.kb.entries
            or len(self.index.analyzer.analyze(opened[-1]).words) < MIN_ASKED_WORDS
            # (matched as well as the whole: "cần đạt mức nào …" is no question of its own)
            or (not found_nothing and tail.matches[0].score < result.matches[0].score)
        ):
            return None
        if found_nothing:
            # (only a question of its own: "… do đồng chí nào ký", never "tôi muốn kiểm tra
            # lại con số …", whose words name another thing)
            return tail if _QUESTION_WORD.search(fold(opened[-1])) else None
        entries = self.kb.entries
        if result.item_id is None or tail.item_id is None:
            return None
        if tail.item_id == result.item_id or self._related(
            entries[tail.item_id], entries[result.item_id]
        ):
            return None
        return tail

    def _story_target(self, question: str) -> Answer | None:
        """Answer "… có nhắc chỉ tiêu kết nạp đảng viên mới … Cho em hỏi là bao nhiêu?".

        A message whose last sentence asks without naming anything, after a story that
        names a target ("chỉ tiêu X"): the question is asked of that target, if the story
        names exactly one and it is answered.
        """
        sentences = [s for s in _SENTENCE_BREAK.split(question.strip()) if s.strip()]
        if len(sentences) < 2 or not self.comparisons.asks_nothing(sentences[-1]):
            return None
        named = {m.group(1).strip() for s in sentences[:-1] for m in _TARGET_NAMED.finditer(s)}
        if len(named) != 1:
            return None
        asked = self._answer_one(f"chỉ tiêu {named.pop()} {sentences[-1]}")
        if asked.status != "answer":
            return None
        return dataclasses.replace(asked, question=question)

    def _about_the_document(self, answer: Answer) -> bool:
        """Return whether an answer is about the resolution as a whole (its name, date)."""
        entry = self.kb.entries.get(answer.item_id or "")
        return entry is not None and entry.kind == "fact"

    def _topic_told(self, question: str) -> Answer | None:
        """Answer "em viết bài về công tác dân vận và Mặt trận, NQ có nhắc gì không".

        The story says what it is about ("về X"); the last clause asks without naming
        anything: the question is asked of X, if the story names one such topic.
        """
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(question.strip()) if c.strip()]
        if len(clauses) < 2:
            return None
        last = clauses[-1]
        if not self.comparisons.asks_nothing(last) and self.index.analyzer.analyze(last).words:
            return None  # (the last clause asks of something; "…, NQ nói gì" of nothing)
        # (of the story: the clauses framing takes out, not "có mấy đề án … về phát triển
        # kinh tế, kể tên giúp")
        kept = fold(self.index.analyzer.framing.remove(question))
        story = [c for c in clauses[:-1] if fold(c) not in kept]
        told = {m.group(1).strip() for c in story for m in _TOPIC_TOLD.finditer(c)}
        if len(told) != 1:
            return None
        topic = told.pop()
        asked = self._answer_alone(f"{topic}, {last}")
        if asked.status != "answer" and not self.index.analyzer.analyze(topic).uncovered:
            return None  # (a topic no resolution covers is refused as such: "giá lúa")
        return dataclasses.replace(asked, question=question)

    def _computed(self, question: str, ids: list[str]) -> str | None:
        """Return the result asked of items with one figure each: a sum, a difference, a ratio.

        A sum adds the parts of one target's total named ("xuất khẩu + nhập khẩu"); all of
        them when the total is named too, checked against it.
        """
        figures = self._one_figure_each(ids)
        owners = {self.kb.entries[i].parent for i in ids if i in self.kb.entries}
        if len(owners) == 1 and figures is not None:
            line = self._sum_of(question, str(owners.pop()), figures)
            if line is not None:
                return line
        if figures is None or len(figures) != 2:
            return None
        return self.arithmetic.pair(question, *figures)

    def _asked_order(self, question: str, ids: list[str]) -> list[str]:
        """Return the ids of two figures with the one asked about first ("trong số lao động
        được đào tạo thì qua học nghề chiếm bao nhiêu": the share is học nghề's)."""
        figures = self._one_figure_each(ids)
        if figures is None or len(figures) != 2:
            return ids
        return ids if self.arithmetic.in_asked_order(question, *figures) else ids[::-1]

    def _one_figure_each(self, ids: list[str]) -> list[Figure] | None:
        """Return the figure of each item, if every item states exactly one."""
        figures = [self._figures_under(i) for i in ids]
        return [f[0] for f in figures] if all(len(f) == 1 for f in figures) else None

    def _asked_by_alias(self, question: str, ranked: list[Scored]) -> list[Scored]:
        """Put first the item an asking alias of which the question says, if it is near.

        "nghị quyết này được thông qua tại hội nghị nào": "hội nghị nào" is how the
        conference is asked for; the words alone ("thông qua", "hội nghị") are as much those
        of part I. Only aliases of several words that name the item's title, then a question
        word, count.
        """
        said = set(self._asking_aliases.take(tokens(question))[1])
        if not said or not ranked or ranked[0].entry.id in said:
            return ranked
        near = [
            s
            for s in ranked
            if s.entry.id in said
            and not s.contradicted
            and s.coverage >= ranked[0].coverage * ASKED_COVERAGE_SHARE
            and s.score >= ranked[0].score - CHOICES_WINDOW
        ]
        if len(near) != 1:
            return ranked
        lifted = dataclasses.replace(near[0], score=min(100.0, ranked[0].score + ASKED_LIFT))
        return [lifted, *(s for s in ranked if s is not near[0])]

    @staticmethod
    def _placeless(entry: Entry) -> bool:
        """Return whether an item says nothing of a district its wording does not name."""
        kind = entry.node.kind if isinstance(entry.node, Named) else None
        return entry.kind == "fact" or kind in PLACELESS_KINDS

    def _with_sum(self, question: str, answer: Answer) -> Answer:
        """Add the sum of the figures answered, if asked ("XK + NK có bằng tổng không").

        The figures added are the parts of one target's total ("trên 2.370 triệu USD, trong
        đó: …"): those the answer names, or every part when it names the target or the
        total; every part added is checked against the total.
        """
        if answer.status != "answer" or answer.note == COMPUTED_NOTE:
            return answer
        entries = [self.kb.entries.get(m.id) for m in answer.matches]
        owners = {e.id if e.kind == "target" else e.parent for e in entries if e is not None}
        if len(owners) != 1 or None in entries:
            return answer
        owner = str(owners.pop())
        named = [f for e in entries if e is not None and e.kind == "figure" for f in e.figures]
        whole_named = any(e is not None and e.kind == "target" for e in entries)
        line = self._sum_of(question, owner, named, whole_named=whole_named)
        if line is None:
            return answer
        return dataclasses.replace(answer, lines=(*answer.lines, line), note=COMPUTED_NOTE)

    def _sum_of(
        self, question: str, target: str, named: list[Figure], *, whole_named: bool = False
    ) -> str | None:
        """Return the sum asked of a target's parts: those named, or all of them when the
        target or its total is named (then checked against the total); None if none is."""
        split = self._wholes.get(target)
        if split is None:
            return None
        whole, parts = split
        if whole_named or whole in named:
            named = list(parts)
        added = [p for p in parts if p in named]
        return self.arithmetic.total(question, added, whole if added == list(parts) else None)

    def _computed_rank(self, question: str, listed: Answer) -> Answer:
        """Add the highest or lowest of the figures listed, if asked and comparable."""
        figures = [f for m in listed.matches for f in self._figures_under(m.id)]
        line = self.arithmetic.rank(question, figures)
        if line is None:
            return listed
        return dataclasses.replace(listed, lines=(*listed.lines, line), note=COMPUTED_NOTE)

    def _figures_under(self, item_id: str) -> tuple[Figure, ...]:
        """Return an item's figures, or those of a group's targets."""
        entry = self.kb.entries.get(item_id)
        if entry is None:
            return ()
        if entry.kind == "group":
            return tuple(f for c in entry.children for f in self.kb.entries[c].figures)
        return entry.figures

    def _parent_of(self, ids: list[str]) -> Answer | None:
        """Return the answer for the target whose figures ``ids`` all are, if they are."""
        parents = {self.kb.entries[i].parent for i in ids if i in self.kb.entries}
        entries = [self.kb.entries.get(i) for i in ids]
        if len(parents) != 1 or any(e is None or e.kind != "figure" for e in entries):
            return None
        parent = parents.pop()
        return None if parent is None else self.describe(parent)

    def _answer_one(self, question: str) -> Answer:
        """Answer one question as a whole (a reply tries a message and its parts: the last
        :data:`ANSWERS_KEPT` are kept; an Answer is immutable)."""
        return self._answer_one_kept(question)

    def _answer_one_afresh(self, question: str) -> Answer:
        if len(question) > MAX_QUESTION_CHARS:
            return none_reply(
                question,
                TOO_LONG.format(
                    length=format_vietnamese_number(len(question)),
                    limit=format_vietnamese_number(MAX_QUESTION_CHARS),
                ),
            )
        talk = self.small_talk.reply(question, self.kb.document)
        if talk is not None:
            return talk
        besides = self._besides(question)
        if besides is not None:
            return besides
        ranked_thing = (
            self._named_by_rank(question)
            or self._unnamed_asked(question)
            or self._budget_of_named(question)
        )
        if ranked_thing is not None:
            return ranked_thing
        analysis = self.index.analyzer.analyze(question)
        counted = self._premise_on_a_count(question, analysis)
        if counted is not None:
            return counted
        # ("chỉ tiêu GRDP tăng 7,5% năm 2021 thì sao": a figure of another year is not
        # looked up; the year is refused below, with what the resolution sets for its own)
        elsewhere = self._years_nothing_names(analysis) or analysis.provinces
        reverse = None if elsewhere else self.lookups.by_figure(question, analysis)
        if reverse is not None:
            return reverse
        mentioned = self._place_mentioned(question, analysis)
        if mentioned is not None:
            return mentioned
        if not analysis.text or not (analysis.words or analysis.codes or analysis.count):
            content_asked = self.index.analyzer.mentioned_asks.take(tokens(question))[1]
            if (
                _CONTENT in content_asked
                and self._summary is not None
                # ("đang làm báo cáo về sắp xếp …, NQ nói gì về việc này": of the story's
                # topic, which the message's parts read, not of the whole resolution)
                and not POINTS_BACK.search(fold(question))
            ):
                # "nghị quyết này nói về cái gì": the content asked is the resolution's own.
                return self.describe(self._summary.id, question)
            return none_reply(question, EMPTY if not analysis.text else NOT_COVERED)
        direct = self.lookups.by_code(analysis) or self.lookups.by_count(analysis)
        if direct is not None:
            # ("năm 2021 có những dự án nào": no list of another year, unless an item
            # names that year)
            # (nor of another province: "tỉnh nào có GRDP cao nhất cả nước")
            refused = self._out_of_scope(analysis, []) if elsewhere else None
            return refused or direct
        # A premise's figure (and its unit) is the claim to check, not what names the item:
        # "lđ qua đào tạo nghề 45% đúng không" is about vocational training (not 45%); so
        # are figures offered to choose from ("thu ngân sách 1.800 tỷ hay 2.000 tỷ").
        checked = (
            dataclasses.replace(analysis, numbers=(), units=())
            if (analysis.yes_no or analysis.offers_figures) and analysis.numbers
            else analysis
        )
        everything = self.index.rank(checked)
        ranked = self._asked_by_alias(question, self._naming_the_years(analysis, everything))
        scope = self._out_of_scope(analysis, ranked)
        if scope is not None:
            return scope
        if analysis.uncovered and not (
            ranked and self.index.mentions(ranked[0].entry.id, analysis.uncovered)
        ):
            # "lương cơ sở năm 2020": a topic such a resolution never covers, whatever
            # items share its words ("cơ sở đảng", "lương thực").
            topic = _ASKED_TAIL.sub("", analysis.uncovered)  # "lương bao nhiêu": "lương"
            uncovered = none_reply(question, UNCOVERED.format(topic=topic))
            return self._honest_no(uncovered, analysis, [])
        asked = self._asked_after_a_quote(analysis)
        if asked is not None:
            return dataclasses.replace(asked, question=question)
        premise = (
            self._premise_on_the_resolution(question, analysis)
            or self._premise_on_the_date(question, analysis, ranked)
            or self._premise_on_a_number(question, analysis, ranked)
        )
        if premise is None and analysis.yes_no:
            # (who signed, who does a task: read once, with abbreviations spelled out)
            canonical = self.index.analyzer.canonical.rewrite(tokens(question))
            premise = self._premise_on_the_signer(question, canonical) or self._premise_on_who(
                question, canonical
            )
        if premise is not None:
            return premise
        numbered = self.lookups.by_target_number(analysis, ranked)
        if numbered is not None:
            return numbered
        decided = self._decide(question, ranked, analysis)
        if decided.status == "none" and ranked is not everything:
            # Nothing that names the year fits: say why, as for a year nothing names.
            return self._out_of_scope(analysis, everything) or decided
        return self._no_figure_for_topic(
            self._honest_no(decided, analysis, ranked), analysis, ranked
        )

    def _no_figure_for_topic(
        self, decided: Answer, analysis: Analysis, ranked: list[Scored]
    ) -> Answer:
        """Say that no figure is set for a topic the knowledge names a nearest item for
        (:attr:`Document.nearest`), when a figure is asked of it: "vốn đầu tư nước ngoài bao
        nhiêu" is no question on total investment, whose figure would read as the answer.

        An answer of another item stands (or choices, or a refusal, while another item is
        what the question is about), and so does one whose wording names the topic, or a
        refusal that already tells about an item.
        """
        if analysis.yes_no or not analysis.asks_how_much or analysis.numbers:
            return decided
        near = self._nearest_to_topic(analysis)
        if near is None or (decided.status == "none" and decided.matches):
            return decided
        if decided.status == "choices" and near.id not in {m.id for m in decided.matches}:
            return decided  # (what is offered is about other words of the question)
        best = ranked[0] if ranked else None
        if (
            decided.status == "none"
            and best is not None
            and best.entry.id != near.id
            and best.score >= NEAREST_SCORE
        ):
            return decided  # ("BHYT chia theo … học sinh": another item is asked about)
        answered = self.kb.entries.get(decided.matches[0].id) if decided.matches else None
        if decided.status == "answer" and (
            # (an answer about another item, or one whose own wording names the topic)
            answered is None or answered.id != near.id or self._names_topic(answered, analysis)
        ):
            return decided
        return not_stated(self.describe(near.id, decided.question), NO_FIGURE_NEAREST)

    def _names_topic(self, entry: Entry, analysis: Analysis) -> bool:
        """Return whether an item's own wording names the topic a question names."""
        wording = tokens(f"{entry.title} {' '.join(entry.phrases)} {entry.source}")
        return bool(self._topics_named(analysis) & set(self._nearest_phrases.take(wording)[1]))

    def _honest_no(self, decided: Answer, analysis: Analysis, ranked: list[Scored]) -> Answer:
        """Answer "có chỉ tiêu về X không" with a plain no when no target is about X.

        Sure of a thing that is no target (a scheme, a task), the no comes with it as what the
        resolution does say about X; nearly sure of one such thing, with it as the nearest the
        resolution has: either way the no is the answer (status answer, no figure claimed).
        Offered several such things only, the no comes with them (status none). With nothing
        near, the no comes with the nearest the resolution names for the topic
        (:attr:`Document.nearest`), or with the list of what it does set (its targets, or its
        projects or schemes for "có dự án sân bay không"); a topic no such resolution covers
        ("lương cơ sở") gets the no alone.
        """
        if not analysis.yes_no or analysis.numbers:
            return decided
        kind = self._kind_asked(analysis)
        if kind is None:
            return decided
        if POINTS_BACK.search(fold(analysis.text)):
            # "…, tỉnh có chỉ tiêu gì về việc này ko": the topic is told before, in words
            # the question only points at; no "no" is said of what is not read.
            return decided
        if decided.status == "none" and not decided.matches:
            # (the nearest the knowledge names for the topic first, then the best guess)
            near = self._nearest_to_topic(analysis)
            said = self._nearest_said(ranked) if kind == TARGETS and near is None else None
            near = said.entry if said is not None else near
            if (
                near is None
                and analysis.uncovered is None
                and not (ranked and ranked[0].score >= CHOICES_SCORE)
                and not _SENTENCE_BREAK.search(decided.question.strip())
            ):
                # Nothing near: the no, with what the resolution does set or name (one
                # sentence: in a longer message the topic may be told before the question).
                listing = self.describe(kind, decided.question)
                return dataclasses.replace(
                    listing,
                    headline=NO_TARGET_LISTED if kind == TARGETS else NO_NAMED_LISTED[kind],
                    lines=(listing.headline, *listing.lines),
                )
            if near is None:
                return dataclasses.replace(decided, headline=NO_TARGET)
            # The honest no is the answer, with the nearest thing the resolution does say.
            score = said.score if said is not None else CHOICES_SCORE
            headline = NO_TARGET_BUT if kind == TARGETS else NO_NAMED_BUT[kind]
            return _no_but_nearest(decided, headline, near, score)
        if decided.status == "none" and decided.matches and kind == TARGETS:
            # "NQ có đặt chỉ tiêu xếp hạng PCI không": what is asked is not stated of the
            # item found; the no, with that item as the nearest the resolution says.
            near_entry = self.kb.entries.get(decided.matches[0].id)
            if near_entry is not None:
                return dataclasses.replace(
                    decided,
                    status="answer",
                    headline=NO_TARGET_BUT,
                    lines=(f"• {choice_title(near_entry)}",),
                    matches=decided.matches[:1],
                    hint="",
                    note="",
                )
        if decided.status == "choices" and kind == TARGETS:
            named_near = self._nearest_to_topic(analysis)
            if named_near is not None and named_near.id in {m.id for m in decided.matches}:
                # "có chỉ tiêu thu nhập bình quân người dân nông thôn không": no such target;
                # of the choices, the nearest the knowledge names for the topic.
                return _no_but_nearest(decided, NO_TARGET_BUT, named_near, CHOICES_SCORE)
        if decided.status == "answer" and kind == TARGETS:
            entry = self.kb.entries.get(decided.matches[0].id) if decided.matches else None
            if entry is None or entry.kind in TARGET_KINDS or decided.headline != YES_EXISTS:
                return decided
            # (whether there is one: any target explaining the topic as well, fairly sure)
            target = self._the_target_asked(ranked, analysis, floor=CHOICES_SCORE)
            if target is not None:
                # "có chỉ tiêu về giáo dục không": a task answers best, and a target about
                # the same topic comes near it (the schools up to standard): yes, that one.
                found = self.describe(target.entry.id, decided.question, target.score)
                return yes_or_no(found, target.entry, ())
            named_near = self._nearest_to_topic(analysis)
            if named_near is not None and named_near.id != entry.id:
                # "có chỉ tiêu về tạo việc làm mới không": the no, with the nearest the
                # knowledge names for the topic, not a thing that only shares a word.
                return dataclasses.replace(
                    decided,
                    headline=NO_TARGET_BUT,
                    lines=(f"• {choice_title(named_near)}",),
                    matches=(Match(named_near.id, choice_title(named_near), CHOICES_SCORE),),
                    place="",
                    source="",
                )
            return dataclasses.replace(decided, headline=NO_TARGET_SAYS)
        if decided.status != "choices" or kind != TARGETS:
            return decided
        entries = [self.kb.entries.get(m.id) for m in decided.matches]
        if any(e is None for e in entries):
            return decided
        if any(e is not None and e.kind in TARGET_KINDS for e in entries):
            # "có chỉ tiêu về tỷ lệ hộ dùng điện không": a topic word none of the targets
            # offered has; the no, with what the resolution does set.
            unexplained = [
                w.text
                for w in analysis.words
                if not any(e is not None and self.index.mentions(e.id, w.text) for e in entries)
            ]
            offered = {m.id for m in decided.matches}
            covered = max((s.coverage for s in ranked if s.entry.id in offered), default=0.0)
            if not unexplained or covered >= HONEST_NO_COVERAGE:
                return decided  # (the targets offered explain most of it: they are the choice)
            typed = padded_fold(analysis.text)
            if any(
                len(phrase.split()) >= 2 and padded_fold(phrase) in typed
                for e in entries
                if e is not None and e.kind in TARGET_KINDS
                for phrase in e.phrases
            ):
                return decided  # (a target offered is named whole: "… về trường chuẩn quốc gia")
            listing = self.describe(kind, decided.question)
            return dataclasses.replace(
                listing,
                headline=NO_TARGET_LISTED,
                lines=(listing.headline, *listing.lines),
            )
        return dataclasses.replace(
            decided,
            status="none",
            headline=NO_TARGET_BUT,
            lines=tuple(f"• {m.title}" for m in decided.matches),
            hint="",
        )

    def _nearest_to_topic(self, analysis: Analysis) -> Entry | None:
        """Return the item the resolution names as nearest to the question's topic, if any
        (:attr:`Document.nearest`: "thất nghiệp" is nearest to labour training).
        """
        found = {self._nearest_of[t] for t in self._topics_named(analysis)}
        return self.kb.entries.get(found.pop()) if len(found) == 1 else None

    def _topics_named(self, analysis: Analysis) -> set[str]:
        """Return the topics of :attr:`Document.nearest` a question names (folded), the
        longest at each place ("bảo hiểm thất nghiệp" is no "thất nghiệp")."""
        return set(self._nearest_phrases.take(as_typed(analysis.text))[1])

    def _nearest_said(self, ranked: list[Scored]) -> Scored | None:
        """Return the one thing, no target, the question is nearest to, if it stands out.

        "có chỉ tiêu số lượt khách du lịch không": no target, and the tourism scheme is
        what the resolution says about tourism.
        """
        if not ranked or ranked[0].contradicted or ranked[0].score < NEAREST_SCORE:
            return None
        best = ranked[0]
        if best.entry.kind in TARGET_KINDS or self._margin(ranked) < ANSWER_MARGIN:
            return None
        return best

    def _besides(self, question: str) -> Answer | None:
        """Answer "ngoài cao tốc ra còn dự án nào …": what is asked besides a named item.

        The item after "ngoài" is left out: the answer is what the words after "còn" name,
        if that is another item; or, asked of a named thing, the one other of its kind.
        """
        found = _BESIDES.search(clean(question).casefold()) or _BESIDES_BARE.search(fold(question))
        if found is None:
            return None
        left_out = self._answer_one(found.group(1)).item_id
        if left_out is None:
            return None
        asked = self._answer_one(found.group(2))
        if asked.status == "answer" and asked.item_id not in {left_out, None}:
            return dataclasses.replace(asked, question=question)
        others = others_of_kind(self.kb, left_out)
        if len(others) == 1:
            return self.describe(others[0], question)
        return None

    def _budget_of_named(self, question: str) -> Answer | None:
        """Answer "cao tốc Đồng Đăng - Trà Lĩnh vốn đầu tư bao nhiêu": a project's or a
        scheme's money is not stated (never the province's investment target).
        """
        folded = " ".join(fold(question).split())
        found = _BUDGET.search(folded)
        if found is None:
            return None
        analysis = self.index.analyzer.analyze(question)
        also = analysis.not_stated_phrase
        if also is not None and set(also.split()) & set(found.group().split()):
            return None  # (an attribute named as such is said as such: "tổng mức đầu tư")
        # (what names the thing, without the asking words, nor another attribute asked:
        # "dự án bò sữa do công ty nào đầu tư, tổng vốn bao nhiêu")
        named = f"{folded[: found.start()]} {folded[found.end() :]}"
        named = _HOW_MUCH_ASKED.sub(" ", named.replace(also, " ") if also else named)
        rest = self._answer_one(named)
        entry = self.kb.entries.get(rest.item_id or "")
        if rest.status != "answer" or entry is None or entry.kind not in AMOUNTLESS_KINDS:
            return None
        said = dataclasses.replace(rest, question=question)
        attributes = f"{analysis.not_stated}; {BUDGET}" if also else BUDGET
        return not_stated(said, NOT_STATED.format(attribute=attributes))

    def _unnamed_asked(self, question: str) -> Answer | None:
        """Answer "các công trình chào mừng Đại hội gồm những công trình nào": the resolution
        speaks of them together and names none (:attr:`Document.unnamed`).
        """
        folded = padded_fold(question)
        if not _WHICH.search(folded) or _WHETHER_END.search(folded):
            return None  # (not "có dự án phát triển đô thị nào … không": whether)
        for item_id, phrases in self.kb.document.unnamed.items():
            said = next((p for p in phrases if f" {fold(p)} " in folded), None)
            if said is not None:
                attribute = UNNAMED.format(things=said)
                return not_stated(
                    self.describe(item_id, question), NOT_STATED.format(attribute=attribute)
                )
        return None

    def _named_by_rank(self, question: str) -> Answer | None:
        """Answer "dự án thứ 2 là gì", "đề án đầu tiên" with that project or scheme, and
        what else is asked of it ("dự án thứ 2 khởi công khi nào"), if it is about it.
        """
        match = _NAMED_BY_RANK.search(fold(question))
        if match is None:
            return None
        kind, said = match.group(1), match.group(2) or match.group(3)
        number = int(said) if said.isdigit() else ORDINAL_WORDS.get(said)
        # (the things named so: "Dự án …", not "các dự án trọng điểm" nor "04 Đề án …")
        items = [
            i
            for i in listed(self.kb, f"{PREFIX}{kind.replace(' ', '-')}")
            if fold(self.kb.entries[i].title).startswith(kind)
        ]
        if number is None or not 1 <= number <= len(items):
            return None
        item = items[number - 1]
        folded = fold(question)
        rest = re.sub(rf"\b{kind}\b", " ", f"{folded[: match.start()]} {folded[match.end() :]}")
        read = self.index.analyzer.analyze(rest)
        if not (read.words or read.numbers):
            # (what it does not state, if asked: "dự án thứ hai ở huyện nào")
            return self._describe_asked(item, question, 100.0)
        # "dự án thứ 2 khởi công khi nào": asked of the project so named.
        name = self.kb.entries[item].title.partition(":")[0]  # (its name, not its figure)
        composed = self._answer_one(f"{name} {rest}")
        if not composed.matches or composed.matches[0].id != item:
            return None
        return dataclasses.replace(composed, question=question)

    def _asked_after_a_quote(self, analysis: Analysis) -> Answer | None:
        """Answer "tổng thu 1.800 tỷ, trong đó thu nội địa bao nhiêu" from what follows.

        A figure the asker quotes is what they know: the item asked is what the words after
        it name, if those alone are answered with another figure than the one quoted.
        """
        if analysis.shares_quoted is None:
            return None
        typed, after = analysis.shares_quoted
        # (without the quoted figure's unit: "… 1.800 tỷ, nhưng thu nội địa …")
        asked = self._answer_one(_UNIT_CLAUSE.sub("", after, count=1))
        entry = self.kb.entries.get(asked.item_id or "")
        if entry is None or any(
            reads_as(t, (f.number,)) for t in typed for f in self._figures_under(entry.id)
        ):
            return None
        # Only a figure of the same target ("cứ 10 nghìn dân thì có mấy bác sĩ" quotes none).
        holders = [
            e
            for e in self.kb.entries.values()
            if e.kind == "figure" and any(reads_as(typed[0], (f.number,)) for f in e.figures)
        ]
        near = {entry.id, entry.parent}
        return asked if any(near & {h.id, h.parent} for h in holders) else None

    def _premise_on_the_resolution(self, question: str, analysis: Analysis) -> Answer | None:
        """Check "đây là nghị quyết hội nghị lần thứ 19 phải không" against the resolution.

        A yes/no question whose numbered nouns are all the resolution's own (its conference,
        its term) is answered with the conference, saying whether the numbers are right.
        """
        if not analysis.yes_no or not analysis.numbered or self._conference is None:
            return None
        own = dict(self._own_numbers)
        if any(noun not in own for noun, _ in analysis.numbered):
            return None
        right = all(own[noun] == number for noun, number in analysis.numbered)
        return self._checked(self._conference.id, question, right)

    def _premise_on_a_number(
        self, question: str, analysis: Analysis, ranked: list[Scored]
    ) -> Answer | None:
        """Check "đại hội đảng bộ tỉnh lần thứ XX đúng không" against the item it is about.

        Every item near is contradicted by a numbered noun of the question; read without
        its numbers, the question is surely about one of them, which numbers it otherwise
        (Đại hội XIX): the premise is wrong.
        """
        if not (analysis.yes_no and analysis.numbered and ranked and ranked[0].contradicted):
            return None
        said = {number for _, number in analysis.numbered}
        unnumbered = self.index.rank(
            dataclasses.replace(
                analysis,
                numbered=frozenset(),
                numbers=tuple(n for n in analysis.numbers if n not in said),
            )
        )
        best = self._sure(unnumbered)
        contradicted = {s.entry.id for s in ranked if s.contradicted}
        if best is None or best.entry.id not in contradicted:
            return None
        return self._checked(best.entry.id, question, right=False, score=best.score)

    def _premise_on_the_signer(self, question: str, canonical: list[Token]) -> Answer | None:
        """Check "nghị quyết do Chủ tịch UBND tỉnh ký đúng không" against the signer.

        A yes/no question on who signed (``canonical``: its words, abbreviations spelled out),
        naming a position (``roles``) or the signer's name, is answered with the signer,
        saying whether the position named is theirs.
        """
        if self._signed is None:
            return None
        words = [str(t) for t in canonical]
        if not any(_signs(canonical, at) for at in range(len(canonical))):
            return None
        roles = self._roles.take(canonical)[1]
        named = f" {fold(self.kb.document.signer.name)} " in f" {' '.join(words)} "
        if not roles and not named:
            return None
        right = all(set(role.split()) <= self._signer_words for role in roles)
        return self._checked(self._signed.id, question, right)

    def _premise_on_who(self, question: str, canonical: list[Token]) -> Answer | None:
        """Check "Văn phòng UBND tỉnh theo dõi việc thực hiện nghị quyết phải không".

        A yes/no question naming a body (``bodies``) as doing something: without the body,
        the question must be sure of one item whose wording names who does it; the answer
        says whether that body is the one named.
        """
        rest, bodies = self._bodies.take(canonical)
        if not bodies:
            return None
        without = self.index.analyzer.analyze(" ".join(rest))
        best = self._sure(self.index.rank(without))
        if best is None or not self.unstated.names_who(best.entry):
            return None
        right = all(self.index.mentions(best.entry.id, body) for body in bodies)
        return self._checked(best.entry.id, question, right, best.score)

    def _premise_on_the_date(
        self, question: str, analysis: Analysis, ranked: list[Scored]
    ) -> Answer | None:
        """Check "nghị quyết ký ngày 15/1/2020 đúng không" against the resolution's date.

        Only a yes/no question about the date itself (the fact that tells it ranks first).
        """
        if not analysis.yes_no or self._dated is None or not ranked:
            return None
        dating = all(w.text in _DATING_WORDS for w in analysis.words)
        if ranked[0].entry.id != self._dated.id and not dating:
            return None
        date = self.kb.document.date
        named = day_month_year(analysis.text)
        if named is not None:
            day, month, year = named
            right = (day, month) == (date.day, date.month) and year in (None, date.year)
            return self._checked(self._dated.id, question, right)
        # "ban hành tháng 1 năm 2020 đúng không": the month, and the year if named.
        month_named = month_year(analysis.text)
        if month_named is None:
            if not dating or len(analysis.years) != 1:
                return None
            # "nghị quyết ban hành năm 2019 à": the year alone.
            return self._checked(self._dated.id, question, analysis.years[0] == date.year)
        month, year = month_named
        return self._checked(
            self._dated.id, question, month == date.month and year in (None, date.year)
        )

    def _premise_on_a_count(self, question: str, analysis: Analysis) -> Answer | None:
        """Check "nghị quyết có 18 chỉ tiêu phải không", "có 5 nhóm nhiệm vụ à" against the
        resolution's count, when nothing else is asked.
        """
        folded = fold(analysis.text)
        if not (analysis.yes_no or _WHETHER_END.search(folded)):
            return None
        found = _COUNTED_PREMISE.search(folded)
        if found is None:
            return None
        # (without "có": "có 18 chỉ tiêu không" asks whether there are)
        rest = self.index.analyzer.analyze(
            re.sub(r"\bco\b", " ", f"{folded[: found.start()]} {folded[found.end() :]}")
        )
        if rest.words or rest.numbers:
            return None
        document = self.kb.document
        overview, count = (
            (TARGETS, target_count(document))
            if found[2] == "chi tieu"
            else (TASKS, len(document.tasks))
        )
        said = self.describe(overview, question)
        verdict = RIGHT if int(found[1]) == count else NOT_RIGHT
        return dataclasses.replace(said, headline=verdict, lines=(said.headline, *said.lines))

    def _checked(self, item_id: str, question: str, right: bool, score: float = 100.0) -> Answer:
        """Return an item's answer under the verdict on a premise ("Đúng." / "Không đúng.")."""
        said = self.describe(item_id, question, score)
        verdict = RIGHT if right else NOT_RIGHT
        return dataclasses.replace(said, headline=verdict, lines=(said.headline, *said.lines))

    def _kind_asked(self, analysis: Analysis) -> str | None:
        """Return the overview of the kind a yes/no question asks whether there is: the
        targets ("có chỉ tiêu về … không"), the projects or the schemes ("có dự án …").
        """
        if self._asks_for_target(analysis):
            return TARGETS
        folded = f" {fold(analysis.text)} "
        return next((k for k, (noun, _) in NAMED.items() if f" {fold(noun)} " in folded), None)

    def _asks_for_target(self, analysis: Analysis) -> bool:
        """Return whether the question names a target ("chỉ tiêu", "mục tiêu")."""
        folded = f" {fold(analysis.text)} "
        return any(f" {noun} " in folded for noun in self._target_nouns)

    def answered_id(self, item_id: str) -> str:
        """Return the id answers carry for an id of the knowledge file: an item whose figure
        is no item of its own answers with its id, also for the figure's ("gam-san-so-lieu")."""
        return self._merged.get(item_id, item_id)

    def describe(self, item_id: str, question: str = "", score: float = 100.0) -> Answer:
        """Return the full answer for one item.

        Raises:
            UnknownItem: the knowledge base has no such item.
        """
        entry = self.kb.entries.get(self.answered_id(item_id))
        if entry is not None:
            return describe_entry(self.kb, entry, question, score)
        if item_id in overview_ids(self.kb):
            return self.lookups.count_answer(item_id, question)
        raise UnknownItem(item_id, self.kb.document.year)

    def _describe_asked(self, item_id: str, question: str, score: float) -> Answer:
        """Return the answer for one item as ``question`` asks it: first what the
        resolution does not state of it, if the question asks that ("dự án thứ hai ở huyện
        nào" after the projects: where it is, not stated)."""
        described = self.describe(item_id, question, score)
        entry = self.kb.entries.get(item_id)
        if entry is None:
            return described
        unstated = self.unstated.headline(self.index.analyzer.analyze(question), entry)
        return not_stated(described, unstated) if unstated else described

    def _describe_unstated(self, item_id: str, question: str, score: float) -> Answer:
        """Return the answer for one item, first saying what the resolution does not state
        of it if the question names such an attribute ("dự án đó bao giờ xong")."""
        described = self.describe(item_id, question, score)
        entry = self.kb.entries.get(item_id)
        if entry is None:
            return described
        unstated = self.unstated.attribute(self.index.analyzer.analyze(question), entry)
        return not_stated(described, unstated) if unstated else described

    def suggest(self, text: str, limit: int = 10) -> list[Answer]:
        """Return full answers for the best items of a query, for inline mode."""
        result = self.answer(text)
        if result.status == "none":
            return []
        ids = [m.id for m in result.matches]
        analysis = self.index.analyzer.analyze(text)
        ids += [s.entry.id for s in self.index.rank(analysis) if s.score >= SUGGEST_MIN_SCORE]
        unique = list(dict.fromkeys(ids))[:limit]
        return [self.describe(item_id, text) for item_id in unique]

    def _naming_the_years(self, analysis: Analysis, ranked: list[Scored]) -> list[Scored]:
        """Keep the items whose wording names the question's other years, if any does.

        A year the resolution itself names (a term of office "2020 - 2025", a scheme's
        horizon "tầm nhìn đến năm 2035") singles out the items that name it; a year no item
        names leaves the ranking as it is, for :meth:`_out_of_scope` to refuse.
        """
        year = self.kb.document.year
        other_years = [str(y) for y in analysis.years if y != year]
        if not other_years:
            return ranked
        naming = [
            s for s in ranked if all(self.index.mentions(s.entry.id, y) for y in other_years)
        ]
        # (of them, those whose own name holds it: "tầm nhìn 2035 là của đề án nào" is the
        # tourism scheme, not the heading that lists it)
        titled = [s for s in naming if all(y in s.entry.title for y in other_years)]
        if titled and naming and titled[0].score >= naming[0].score - CHOICES_WINDOW:
            return titled
        return naming or ranked

    def _out_of_scope(self, analysis: Analysis, ranked: list[Scored]) -> Answer | None:
        year = self.kb.document.year
        other_years = [y for y in analysis.years if y != year]
        best = ranked[:1]
        *earlier, last = (str(y) for y in self.covered_years)
        covered = f"{', '.join(earlier)} và {last}" if earlier else last
        # "tầm nhìn đến năm 2035 hay 2030": of years offered as alternatives, one named
        # by the item is enough.
        alternatives = len(other_years) > 1 and _ALTERNATIVES.search(fold(analysis.text))
        if alternatives and any(
            self.index.mentions(s.entry.id, str(y)) for s in best for y in other_years
        ):
            other_years = []
        for y in other_years:
            if not any(self.index.mentions(s.entry.id, str(y)) for s in best):
                checked = self._year_premise(analysis, ranked)
                if checked is not None:
                    return checked
                refusal = none_reply(
                    analysis.text,
                    f"Nghị quyết chỉ đề ra chỉ tiêu, nhiệm vụ cho năm {covered}; "
                    f"không có số liệu năm {y}.",
                )
                return self._with_what_it_sets(refusal, ranked)
        for province in analysis.provinces:
            if not any(self.index.mentions(s.entry.id, province) for s in best):
                name = self._province_names.get(province, province.title())
                home = self.kb.vocabulary.province
                return none_reply(
                    analysis.text,
                    f"Nghị quyết này là của tỉnh {home}; không có số liệu của {name}.",
                )
        return None

    def _years_nothing_names(self, analysis: Analysis) -> list[int]:
        """Return the question's years other than the resolution's that no item names."""
        return [
            y
            for y in analysis.years
            if y != self.kb.document.year
            and not any(self.index.mentions(i, str(y)) for i in self.kb.entries)
        ]

    def _place_mentioned(self, question: str, analysis: Analysis) -> Answer | None:
        """Answer "Trà Lĩnh được nhắc trong NQ ở chỗ nào", "NQ có nhắc đến Lạng Sơn không".

        Asked where (or whether) a place is mentioned: the one item that names it (in its
        title, or the name a place in brackets qualifies: "Đồng Đăng (Lạng Sơn)"), or the
        plain no when no item does.
        """
        places = [*analysis.districts, *analysis.provinces]
        folded = fold(question)
        kind = next(
            (k for k, (noun, _) in NAMED.items() if _KIND_ASKED[noun].search(folded)), None
        )
        if len(places) != 1 or not (kind or _MENTION_ASKED.search(folded)):
            return None
        place = places[0]
        name = self._district_names.get(place) or self._province_names.get(place, place)
        holders = [i for i in self.kb.entries if self.index.mentions(i, place)]
        asked_only = {*fold(NAMED[kind][0]).split(), *_MENTION_WORDS} if kind else _MENTION_WORDS
        if any(
            w.text not in asked_only and w.text not in fold(name).split() for w in analysis.words
        ):
            return None  # ("Trùng Khánh …, có đề án nào về du lịch": a topic is asked too)
        if kind is not None:
            # "huyện Hạ Lang có dự án gì": of that kind only; none named there, the list of
            # them all, with the note that the resolution names none for the place.
            noun = NAMED[kind][0]
            holders = [i for i in holders if fold(self.kb.entries[i].title).startswith(fold(noun))]
            if not holders:
                if analysis.not_stated:
                    return None  # ("cửa khẩu Trà Lĩnh …": the words name more than the place)
                listing = self.describe(kind, question)
                return with_note(listing, NONE_FOR_PLACE.format(kind=noun, place=name))
        if not holders:
            return none_reply(question, NOT_MENTIONED.format(place=name))
        leaves = [i for i in holders if not set(self.kb.entries[i].children) & set(holders)]
        titled = [i for i in leaves if place in fold(self.kb.entries[i].title)]
        if len(titled) != 1:
            qualified = {
                fold(m.group(1))
                for i in leaves
                for m in re.finditer(
                    rf"(\w+ \w+) \(\s*{re.escape(name)}\s*\)", self.kb.entries[i].source
                )
            }
            titled = [
                i for i in leaves if any(q in fold(self.kb.entries[i].title) for q in qualified)
            ]
        if len(titled) != 1:
            return None
        said = self.describe(titled[0], question)
        return yes_or_no(said, self.kb.entries[titled[0]], ()) if analysis.yes_no else said

    def _year_premise(self, analysis: Analysis, ranked: list[Scored]) -> Answer | None:
        """Check a year claimed of an item with years of its own, if sure of the item.

        "đề án du lịch tầm nhìn 2030 đúng không": the scheme's horizon is 2035, so the
        premise is wrong (no refusal of the year 2030: the scheme is what is asked); so is
        "cao tốc khởi công năm 2021" of a project to start in 2020.
        """
        best = self._sure(ranked) if analysis.yes_no else None
        if best is None:
            return None
        # (a scheme's period, a project's start: "khởi công trong năm 2020")
        said = best.entry.title if best.entry.kind != "named" else best.entry.source
        own = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", said)}
        if not own or (best.entry.kind != "named" and own <= {self.kb.document.year}):
            return None
        return self._checked(best.entry.id, analysis.text, right=False, score=best.score)

    def _with_what_it_sets(self, refusal: Answer, ranked: list[Scored]) -> Answer:
        """Add to a refusal of another year what the resolution sets for its own, if sure.

        "GRDP năm 2019 tăng bao nhiêu": no figure of 2019, and the 2020 target, labelled as
        such (the status stays ``none``: nothing is claimed for the year asked).
        """
        best = self._sure(ranked)
        if best is None:
            return refusal
        described = describe_entry(self.kb, best.entry, refusal.question, best.score)
        return dataclasses.replace(
            refusal,
            headline=f"{refusal.headline} {YEAR_INSTEAD.format(year=self.kb.document.year)}",
            lines=(described.headline, *described.lines),
            place=described.place,
            matches=described.matches,
        )

    def _dated_first(self, ranked: list[Scored], analysis: Analysis) -> list[Scored]:
        """Rank first the one close item that names a day, when a day is asked.

        "nghị quyết được hội nghị thông qua ngày nào": the part on what the conference
        approved names no day; the conference's own date, close behind, does. Ahead already,
        the dated item leaves the undated ones close behind it aside ("hội nghị … diễn ra
        ngày nào": the conference itself names no day). A thing the resolution only names
        keeps its place: its time is not stated.
        """
        best = ranked[0]
        if not analysis.asks_when or analysis.not_stated:
            return ranked
        near = [
            s for s in ranked[1:] if s.score >= best.score - CHOICES_WINDOW and not s.contradicted
        ]
        close = [s for s in near if s.coverage >= best.coverage - DATED_COVERAGE_GAP]
        if names_a_day(best.entry):
            if any(self.unstated.only_named(s.entry) or names_a_day(s.entry) for s in near):
                return ranked
            return [best, *(s for s in ranked[1:] if s not in near or s.coverage > best.coverage)]
        if any(self.unstated.only_named(s.entry) for s in [best, *close]):
            return ranked  # ("đại hội XIX tổ chức ngày nào": its time is not stated)
        dated = [s for s in close if names_a_day(s.entry)]
        if len(dated) != 1:
            return ranked
        return [s for s in ranked if s is dated[0] or s.score < dated[0].score]

    def _sure(self, ranked: list[Scored]) -> Scored | None:
        """Return the best entry of a ranking when it is sure enough to answer with."""
        if not ranked or ranked[0].contradicted:
            return None
        best = ranked[0]
        return best if sure_enough(best.score, self._margin(ranked), best.coverage) else None

    def _margin(self, ranked: list[Scored]) -> float:
        """Return how far the best entry is ahead of the best one unrelated to it."""
        best = ranked[0]
        rival = next((s for s in ranked[1:] if not self._related(best.entry, s.entry)), None)
        return best.score - (rival.score if rival else 0.0)

    def _decide(self, question: str, ranked: list[Scored], analysis: Analysis) -> Answer:
        if not ranked or ranked[0].score < CHOICES_SCORE or ranked[0].coverage < CHOICES_COVERAGE:
            return none_reply(question, NOT_COVERED)
        ranked = self._dated_first(ranked, analysis)
        # The margin is judged at the top of the ranking, against everything unrelated to
        # it; the answer is then the most specific entry under the top.
        best = ranked[0]
        if (
            best.entry.kind == "target"
            and len(best.entry.figures) >= 2
            and self._asks_plural(question)
        ):
            # "chỉ tiêu xuất nhập khẩu chia thành những khoản nào": parts are asked, which no
            # single figure of another target has.
            ranked = [
                s for s in ranked if s.entry.kind != "figure" or s.entry.parent == best.entry.id
            ]
        margin = self._margin(ranked)
        sure = (
            sure_enough(best.score, margin, best.coverage, len(analysis.words))
            and not best.contradicted
        )
        # Asked what a named document or event never says, it is enough to tell that it is
        # not stated: no item is claimed (status none), so a lower bar holds for that reply.
        refusing = (
            (
                analysis.not_stated is not None
                or (analysis.mentioned_ask is not None and self.unstated.only_named(best.entry))
            )
            and margin >= ANSWER_MARGIN
            and not best.contradicted
        )
        # Torn only between a target and its own figures ("tỷ lệ lao động qua đào tạo": 45%,
        # and 33% of it vocational): the target's answer states each figure with its label.
        whole = None
        if not (sure or refusing or best.contradicted) and (
            analysis.yes_no
            or analysis.offers_figures
            or not analysis.numbers
            # ("GRDP 7,5% chia ra các khu vực thế nào": the figure names the whole asked)
            or self._asks_plural(question)
        ):
            whole = self._one_target(
                ranked, plural=self._asks_plural(question)
            ) or self._the_target_asked(ranked, analysis)
        if sure or refusing or whole is not None:
            answered = whole or self._most_specific(
                ranked,
                mentioned=analysis.mentioned_ask is not None,
                plural=self._asks_plural(question),
            )
            unstated = self.unstated.headline(analysis, answered.entry)
            if answered.entry.kind == "figure" and self._asks_plural(question) and not unstated:
                # "kim ngạch xuất nhập khẩu gồm những gì": the target with all its figures.
                parent = next((s for s in ranked if s.entry.id == answered.entry.parent), None)
                answered = parent or answered
            # (the places the question itself names, not the asker's story)
            asked_places = [d for d in analysis.districts if d in fold(analysis.text)]
            if (
                sure
                and not unstated
                and self._placeless(answered.entry)
                and asked_places
                and not any(self.index.mentions(answered.entry.id, d) for d in asked_places)
            ):
                # "huyện Quảng Hoà thành lập năm nào": about the district itself; the event
                # or fact sharing the other words ("thành lập") says nothing of it.
                names = ", ".join(self._district_names.get(d, d) for d in asked_places)
                described = describe_entry(self.kb, answered.entry, question, answered.score)
                return not_stated(described, NOT_STATED.format(attribute=f"nội dung về {names}"))
            if sure or unstated or whole is not None:
                result = describe_entry(self.kb, answered.entry, question, answered.score)
                note = self._district_note(analysis, answered.entry)
                if unstated:
                    result = not_stated(result, unstated)
                elif analysis.yes_no:
                    result = yes_or_no(result, answered.entry, analysis.numbers)
                return result if not note else with_note(result, note)
        if analysis.not_stated is not None:
            # Asked what no resolution states ("gồm những tiêu chí nào", "dài bao nhiêu km")
            # and unsure of the item: no item to choose would tell it.
            return none_reply(question, NOT_STATED_ANY.format(attribute=analysis.not_stated))
        places = [d for d in analysis.districts if d in fold(analysis.text)]
        if places and all(w.text in self._place_nouns for w in analysis.words):
            # "huyện Hạ Lang có bao nhiêu xã": the district itself, which no item is about.
            names = ", ".join(self._district_names.get(d, d) for d in places)
            return none_reply(
                question, NOT_STATED_ANY.format(attribute=f"số liệu riêng về {names}")
            )
        # An item the question contradicts ("hộ cận nghèo" of "hộ nghèo", "lần thứ 19") is
        # another thing: never offered. The ranking holds each entry once.
        window = [
            s for s in ranked if s.score >= best.score - CHOICES_WINDOW and not s.contradicted
        ]
        if (
            analysis.asks_who
            and window
            and not any(self.unstated.names_who(s.entry) for s in window)
        ):
            # "ai làm trưởng ban chỉ đạo đề án …": none of the candidates names anyone.
            return none_reply(question, NOT_STATED_ANY.format(attribute=WHO))
        if analysis.asks_amount and window:
            # "… đặt GRDP năm 2025 bao nhiêu" of things with no figure: none can tell it.
            window = [s for s in window if s.entry.figures or s.entry.kind not in AMOUNTLESS_KINDS]
            if (
                not window
                and margin >= ANSWER_MARGIN
                and not best.contradicted
                and best.entry.kind == "named"
                and not SENTENCE_END.search(question.strip())
            ):
                # "Đề án du lịch đón bao nhiêu lượt khách": the scheme, which gives none.
                said = describe_entry(self.kb, best.entry, question, best.score)
                return not_stated(said, NOT_STATED.format(attribute=AMOUNT_ASKED))
            if not window:
                return none_reply(question, NOT_STATED_ANY.format(attribute=AMOUNT_ASKED))
        counted = analysis.counted
        if (
            counted
            and window
            and not any(self.unstated.counts_in(s.entry, counted) for s in window)
        ):
            # "bộ tiêu chí xã nông thôn mới gồm bao nhiêu tiêu chí": none counts in it.
            return none_reply(question, NOT_STATED_ANY.format(attribute=f"số {counted}"))
        picked = window[:MAX_CHOICES]
        if not picked:
            return none_reply(question, NOT_COVERED)
        if len(picked) < MIN_CHOICES:
            # One candidate not sure enough to answer is no choice: say what is missing.
            return none_reply(question, UNSURE.format(title=choice_title(picked[0].entry)))
        named = self._named_thing_asked(question, analysis, picked)
        if named is not None:
            # "đề án du lịch tên đầy đủ là gì": the scheme's name, not the resolution's.
            return describe_entry(self.kb, named.entry, question, named.score)
        head = picked[0]
        if (
            head.entry.kind in {"section", "task"}
            and all(s.entry.id in head.entry.children for s in picked[1:])
            and (margin >= ANSWER_MARGIN or len(picked) == len(window))
        ):
            # "huyện uỷ … phải làm gì để triển khai nghị quyết": torn only between a part of
            # the resolution and its own points, the part, which lists them.
            said = describe_entry(self.kb, head.entry, question, head.score)
            unstated = self.unstated.headline(analysis, head.entry)
            return not_stated(said, unstated) if unstated else said
        told = self._named_in_story(question, analysis, picked)
        if told is not None:
            # "Tôi là phóng viên … viết bài về nông thôn mới, NQ đặt mục tiêu thêm bao nhiêu
            # xã đạt chuẩn?": of the choices, the one the asker's story names.
            described = describe_entry(self.kb, told.entry, question, told.score)
            unstated = self.unstated.headline(analysis, told.entry)
            return not_stated(described, unstated) if unstated else described
        summed = self._sum_among(question, analysis, picked)
        if summed is not None:
            return summed
        matches = tuple(Match(s.entry.id, choice_title(s.entry), s.score) for s in picked)
        return Answer(question, "choices", CHOOSE, hint=CHOOSE_HINT, matches=matches)

    def _sum_among(self, question: str, analysis: Analysis, picked: list[Scored]) -> Answer | None:
        """Return the sum asked of a target's parts, torn between it and its own figures.

        "XK + NK + giám sát cộng lại có bằng 2370 không": of the choices, the one target that
        gives a total and its parts, or the one whose figures carry the number quoted; its
        figures, then their sum checked against its total (computed, and said so).
        """
        if "sum" not in self.arithmetic.operations(question):
            return None
        owners: list[str] = []
        for s in picked:
            owner = s.entry.id if s.entry.kind == "target" else s.entry.parent
            if owner in self._wholes and owner not in owners:
                owners.append(owner)
        carrying = [
            o
            for o in owners
            if any(
                same_number(n, f.number)
                for f in self.kb.entries[o].figures
                for n in analysis.numbers
            )
        ]
        chosen = carrying if analysis.numbers else owners
        if len(chosen) != 1:
            return None
        target = self.kb.entries[chosen[0]]
        summed = self._with_sum(
            question, describe_entry(self.kb, target, question, picked[0].score)
        )
        return summed if summed.note == COMPUTED_NOTE else None

    def _named_thing_asked(
        self, question: str, analysis: Analysis, picked: list[Scored]
    ) -> Scored | None:
        """Return the named thing of the kind a question names, torn with the resolution's
        own name ("cái đề án nông nghiệp tên đầy đủ là gì"): the one so named, or the first
        choice when it is one (read as typed and as decoded: "ddeef ans")."""
        if self._summary is None or all(s.entry is not self._summary for s in picked):
            return None
        said = f"{padded_fold(question)}{padded_fold(analysis.text)}"
        things = [
            s
            for s in picked
            if isinstance(s.entry.node, Named) and f" {fold(s.entry.node.kind)} " in said
        ]
        if len(things) == 1 or (things and things[0] is picked[0]):
            return things[0]
        return None

    def _named_in_story(
        self, question: str, analysis: Analysis, picked: list[Scored]
    ) -> Scored | None:
        """Return the one candidate the framing around the question names, if one does.

        A name of several words, said in the asker's story and not in the question itself;
        never a body the asker works at ("em là cán bộ Văn phòng Tỉnh uỷ, …").
        """
        told = padded_fold(question)
        asked = padded_fold(analysis.text)
        if told == asked:
            return None
        # (abbreviations spelled out: "mảng xây dựng NTM" names "nông thôn mới")
        canonical = self.index.analyzer.canonical
        told = f"{told}{' '.join(str(t) for t in canonical.rewrite(tokens(question)))} "
        asked = f"{asked}{' '.join(str(t) for t in canonical.rewrite(tokens(analysis.text)))} "
        named = [
            s
            for s in picked
            if any(
                len(name.split()) >= 2
                and f" {name} " in told
                and f" {name} " not in asked
                and name not in self._body_names
                for name in (" ".join(fold(p).split()) for p in s.entry.phrases)
            )
        ]
        return named[0] if len(named) == 1 else None

    def _the_target_asked(
        self, ranked: list[Scored], analysis: Analysis, *, floor: float | None = None
    ) -> Scored | None:
        """Return the one target near the top when a target is asked ("chỉ tiêu về giáo
        dục"): the tasks and schemes beside it set no figure. Only if it explains the
        question as well as the best, and no other target comes near (within the choices'
        window of the best, or above ``floor``)."""
        best = ranked[0]
        if best.entry.kind in TARGET_KINDS or not self._asks_for_target(analysis):
            return None
        lowest = best.score - CHOICES_WINDOW if floor is None else floor
        near = [s for s in ranked if s.score >= lowest and not s.contradicted]
        targets = [s for s in near if s.entry.kind in {"target", "figure"}]
        roots = {s.entry.id if s.entry.kind == "target" else s.entry.parent for s in targets}
        if len(roots) != 1 or targets[0].coverage < best.coverage:
            return None
        root = next((s for s in targets if s.entry.id in roots), targets[0])
        return root

    def _one_target(self, ranked: list[Scored], *, plural: bool = False) -> Scored | None:
        """Return the target if the candidates near the top are it or its own figures.

        "Khu vực nông nghiệp trong GRDP tăng bao nhiêu", "kim ngạch XNK bao nhiêu": torn
        between figures of one target, the whole target states each with its label. Not
        when the question's words are mostly unexplained, nor when something outside the
        target comes near it.
        """
        best = ranked[0]
        root_id = best.entry.id if best.entry.children else best.entry.parent
        root = next((s for s in ranked if s.entry.id == root_id), None)
        # A target with its figures, or a part of the resolution small enough to state
        # whole ("phần tổ chức thực hiện": its two points).
        small_part = (
            root is not None
            and root.entry.kind == "section"
            and len(root.entry.children) <= MAX_CHOICES
        )
        if root is None or not (root.entry.kind == "target" or small_part):
            return None
        family = {root_id, *root.entry.children}
        inside = [s for s in ranked if s.entry.id in family]
        if len(inside) < MIN_CHOICES or max(s.coverage for s in inside) < WHOLE_TARGET_COVERAGE:
            return None
        # (asked in the plural, "các tỷ lệ về văn hoá", the group above the target is no
        # rival: the target holds every figure asked, the group more than was asked)
        above = set(self._ancestors(root.entry.id)) if plural else set()
        outside = next(
            (s for s in ranked if s.entry.id not in family and s.entry.id not in above), None
        )
        if outside is not None and best.score - outside.score < ANSWER_MARGIN:
            return None
        # One figure explaining far more of the question than any other is what is asked
        # ("thuế sản phẩm tăng trưởng bao nhiêu" of the GRDP figures).
        others = [s for s in inside if s is not best]
        if best.entry.kind == "figure" and (
            best.coverage - max(s.coverage for s in others) >= FIGURE_STANDS_OUT
            or best.score - max(s.score for s in others) >= CLEAR_MARGIN
        ):
            return best
        return root

    def _ancestors(self, item_id: str) -> list[str]:
        """Return the ids of the entries above an entry, nearest first."""
        found = []
        parent = self.kb.entries[item_id].parent
        while parent is not None:
            found.append(parent)
            parent = self.kb.entries[parent].parent
        return found

    def _asks_plural(self, question: str) -> bool:
        """Return whether a question asks for several things ("những báo cáo gì").

        By the word typed: "nhưng" (but) is not "những" (bare "nhung" may be either).
        """
        return any(
            word in self._plural_words and tone in {None, self._plural_words[word]}
            for word, tone in words_with_tones(question)
        )

    def _most_specific(
        self, ranked: list[Scored], *, mentioned: bool = False, plural: bool = False
    ) -> Scored:
        """Return the best entry, or its child when the child explains the question as well.

        A task group's title names its tasks, so a question about one task also matches the
        group; the task is the answer. Asked what only a named document or event could say
        (``mentioned``: "Đại hội XIX tổ chức khi nào"), a child that is one and scores
        nearly as well is the answer even if it explains less.
        """
        best = ranked[0]
        by_id = {s.entry.id: s for s in ranked}
        # Only task groups and sections: their answer lists their parts by title alone,
        # while a target's answer already states every figure it holds. Asked for several
        # ("những báo cáo, văn bản gì"), the list is the answer, not one of its parts.
        while best.entry.children and best.entry.kind in {"task", "section"} and not plural:
            children = sorted(
                (by_id[c] for c in best.entry.children if c in by_id),
                key=lambda s: (s.coverage, s.score),
                reverse=True,
            )
            if not children:
                break
            child, sibling = children[0], children[1] if len(children) > 1 else None
            named = [c for c in children if self.unstated.only_named(c.entry)]
            if mentioned and named and named[0].score >= best.score - CHILD_WINDOW:
                best = named[0]
                continue
            # Descend only to one child that stands out from its siblings: "GRDP" matches
            # every GRDP figure alike and stays the whole target.
            stands_out = sibling is None or (
                child.coverage > sibling.coverage or child.score - sibling.score >= ANSWER_MARGIN
            )
            if (
                not stands_out
                or child.coverage < best.coverage
                or child.score < best.score - CHILD_WINDOW
            ):
                break
            best = child
        return best

    def _related(self, a: Entry, b: Entry) -> bool:
        return self._ancestor(a, b) or self._ancestor(b, a)

    def _ancestor(self, older: Entry, younger: Entry) -> bool:
        return older.id in self._ancestors(younger.id)

    def _district_note(self, analysis: Analysis, entry: Entry) -> str:
        named = analysis.districts
        if not (named or analysis.own_place) or entry.kind not in {"group", "target", "figure"}:
            return ""
        if named:
            names = ", ".join(self._district_names.get(d, d) for d in named)
        else:
            names = "từng huyện, xã"  # "xã chúng tôi", "huyện mình": the asker's own place
        if per_district(entry):
            return PER_DISTRICT
        return f"Nghị quyết đặt chỉ tiêu chung cho toàn tỉnh, không có chỉ tiêu riêng cho {names}."


def _no_but_nearest(decided: Answer, headline: str, near: Entry, score: float) -> Answer:
    """Return the honest no as the answer, with the nearest thing the resolution does say."""
    return dataclasses.replace(
        decided,
        status="answer",
        headline=headline,
        lines=(f"• {choice_title(near)}",),
        matches=(Match(near.id, choice_title(near), score),),
        hint="",
    )
