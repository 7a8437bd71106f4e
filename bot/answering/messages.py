"""Long messages: greetings, who asks and why, a story, then the question, then thanks.

Such a message is also read part by part (each clause, two clauses in a row, what follows
an opener such as "xin hỏi" or "cần"): the parts propose items, and the whole message
decides among them (:meth:`MessageParts.answer`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bot.answering.answers import Answer
from bot.answering.not_stated import Unstated, not_stated
from bot.answering.rules import (
    ANSWER_MARGIN,
    PART_COVERAGE,
    POINTS_BACK,
    with_note,
)
from bot.knowledge.entries import Entry, KnowledgeBase
from bot.matching.analysis import Analysis
from bot.matching.index import SearchIndex
from bot.matching.knowledge_items import ScoredEntry as Scored
from bot.vietnamese.text import fold

#: Content words what follows an opener needs to be a question of its own ("cho em xin
#: số với" is none).
MIN_ASKED_WORDS = 2
#: The end of a sentence inside a message ("… cao lắm. Vậy …", "… không? Còn …").
SENTENCE_END = re.compile(r"[.?!]\s+\S")


class MessageParts:
    """Answer a long message from its parts, when one item stands out."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex[Entry],
        *,
        answer_one: Callable[[str], Answer],
        asks_nothing: Callable[[str], bool],
        unstated: Unstated,
        related: Callable[[Entry, Entry], bool],
        district_note: Callable[[Analysis, Entry], str],
        points_back: Callable[[str], bool],
        lift: Callable[[str, list[Scored]], list[Scored]] = lambda question, ranked: ranked,
        several: Callable[[str], Answer | None] = lambda part: None,
    ) -> None:
        self.kb = kb
        self.index = index
        self.answer_one = answer_one
        self.asks_nothing = asks_nothing
        self.unstated = unstated
        self.related = related
        self.district_note = district_note
        #: Whether a part points at something said before it ("chuyện này", "cái đó").
        self.points_back = points_back
        #: The ranking with an item the message asks for by name put first ("hội nghị nào").
        self.lift = lift
        #: The reply stating every item a part names, if it names several.
        self.several = several

    def answer(self, question: str) -> Answer | None:
        """Answer a long message from its parts: the parts propose, the whole decides.

        "Kính gửi …, tôi là cán bộ …, đang chuẩn bị báo cáo …. Xin hỏi chỉ tiêu … bao
        nhiêu ạ?": each clause, two clauses in a row, and what follows "xin hỏi" are
        answered on their own; of the items so answered, the one that explains most of the
        whole message is the answer, if it stands out and explains nearly as much of the
        message as any item does (else the whole message's reply stands).
        """
        analyzer = self.index.analyzer
        # A part that asks nothing in particular ("xin cho biết con số cụ thể") is no reading.
        parts = [
            part
            for part in analyzer.framing.question_parts(question)
            if not self.asks_nothing(part)
        ]
        answers: dict[str, Answer] = {}
        #: What a part says the resolution does not state about an item ("… giai đoạn nào").
        refused: dict[str, Answer] = {}
        #: Items answered by the message's last sentence alone: the question, as a rule.
        last: set[str] = set()
        ending = question.strip().rstrip("?!. ")
        #: The part that proposed each item.
        asking: dict[str, str] = {}
        # What follows an opener to the message's end is the question ("…, cho em hỏi …").
        opened = set(analyzer.framing.after_openers(question))
        for part, reply in zip(parts, map(self.answer_one, parts), strict=True):
            if reply.status == "answer" and reply.item_id:
                answers.setdefault(reply.item_id, reply)
                asking.setdefault(reply.item_id, part)
                if (
                    ending.endswith(part.strip().rstrip("?!. "))
                    and (part in opened or SENTENCE_END.search(question.strip()))
                    and not self.points_back(part)
                ):
                    # (unless it points back: "… có đề cập chuyện này không?")
                    last.add(reply.item_id)
            elif reply.status == "none" and reply.matches:
                refused.setdefault(reply.matches[0].id, reply)
                asking.setdefault(reply.matches[0].id, part)
        if not answers:
            return None
        whole = analyzer.analyze(question)
        entries = [item_id for item_id in [*answers, *refused] if item_id in self.kb.entries]
        if not entries:
            # A count or an overview ("… có mấy chỉ tiêu"), proposed alone.
            only = next(iter(answers.values()))
            return dataclasses.replace(only, question=question) if len(answers) == 1 else None
        proposed = self.lift(question, self.index.rank(whole, candidates=entries))
        if (
            not proposed
            and len(entries) == 1
            and entries[0] in answers
            and POINTS_BACK.search(fold(ending))
        ):
            # "…, đang làm báo cáo về sắp xếp đơn vị hành chính, NQ nói gì về việc này": the
            # question only points at the one item the story names.
            return dataclasses.replace(answers[entries[0]], question=question)
        if not proposed or (proposed[0].contradicted and len(answers) > 1):
            return None
        chosen = proposed[0]
        ending_pick = next((p for p in proposed if p.entry.id in last), None)
        if (
            ending_pick is not None
            and ending_pick is not chosen
            and self.related(chosen.entry, ending_pick.entry)
        ):
            # "…, đang làm kế hoạch đào tạo nghề. Cho tôi hỏi tỷ lệ lao động qua đào tạo …":
            # of two items near each other, the one the question itself asks.
            chosen = ending_pick
        rival = next((p for p in proposed if p is not chosen), None)
        if (
            rival is not None
            and not self.related(chosen.entry, rival.entry)
            and rival.score > chosen.score - ANSWER_MARGIN
            and (chosen.entry.id not in last or rival.entry.id in last)
        ):
            # Two readings the message supports alike (and none is the ending): unless one
            # part asks both ("…, xin cho biết … hội nghị nào, ngày nào?").
            pair = {chosen.entry.id, rival.entry.id}
            for part in opened:
                both = self.several(part)
                if both is not None and pair <= {m.id for m in both.matches}:
                    return dataclasses.replace(both, question=question)
            return None
        if chosen.entry.id not in answers:
            # "đề án khu kinh tế cửa khẩu giai đoạn nào, tầm nhìn đến năm bao nhiêu": the
            # item the message is about is one a part says the resolution does not state.
            return dataclasses.replace(refused[chosen.entry.id], question=question)
        best, entry = answers[chosen.entry.id], chosen.entry
        # The rest of the message must not be about something else: the item explains
        # nearly as much of the whole message as the item explaining most of it.
        most = max((s.coverage for s in self.index.rank(whole)), default=0.0)
        if chosen.coverage < PART_COVERAGE * most and entry.id not in last:
            return None
        # What the whole message asks of the item decides the reply as for any question:
        # an attribute not stated, a district given no target of its own.
        # An attribute named anywhere in the message is asked ("…, hạn chót là ngày nào?");
        # an amount or a unit only where the item was asked ("có mấy hộ theo đạo" in the
        # story is no amount asked of the item).
        asked = self.index.analyzer.analyze(asking[entry.id])
        of_item = dataclasses.replace(
            asked,
            not_stated=whole.not_stated,
            not_stated_phrase=whole.not_stated_phrase,
            not_stated_more=whole.not_stated_more,
            mentioned_ask=whole.mentioned_ask,
        )
        unstated = self.unstated.headline(of_item, entry)
        note = self.district_note(whole, entry)
        if unstated:
            best = not_stated(best, unstated)
        elif note and note not in best.note:
            best = with_note(best, note)
        return dataclasses.replace(best, question=question)
