"""Small talk: greetings, thanks, "who are you", "how do I ask" get a short, warm reply.

A message made only of such phrases (with particles and asking words around them) is not
a question about the resolution: it gets a reply that introduces the bot and how to ask,
with status ``none`` (no item of the resolution is claimed). The phrases are data
(``small_talk`` in vocabulary.yaml); anything else in the message makes it a question.
"""

from __future__ import annotations

from bot.answering.answers import Answer
from bot.knowledge.schema import Document, Vocabulary
from bot.vietnamese.phrases import PhraseSet, tokens
from bot.vietnamese.text import ascii_words, clean, fold

#: Longer messages are questions, whatever greeting they start with.
MAX_WORDS = 10
#: A message made only of small-talk phrases and fillers may be this long ("cái này dùng
#: thế nào vậy, hỏi gì cũng được à").
MAX_TALK_WORDS = 16
#: Which reply wins when a message holds several kinds ("chào bot, dùng sao").
PRIORITY = ("how_to", "identity", "thanks", "farewell", "greeting")
EXAMPLES = "“tỷ lệ che phủ rừng”, “thu ngân sách bao nhiêu”, “ai ký nghị quyết”"
REPLIES = {
    "greeting": (
        "Xin chào đồng chí! Tôi là bot hỏi đáp về {title}. Đồng chí cứ gõ câu hỏi về một chỉ "
        "tiêu hay nhiệm vụ, có dấu hay không dấu đều được, ví dụ: " + EXAMPLES + "."
    ),
    "thanks": (
        "Rất vui được giúp đồng chí! Cần tra thêm chỉ tiêu hay nhiệm vụ nào của Nghị quyết, "
        "đồng chí cứ hỏi."
    ),
    "farewell": "Chào đồng chí! Khi cần tra cứu Nghị quyết, đồng chí cứ nhắn cho tôi.",
    "identity": (
        "Tôi là bot hỏi đáp về {title} ({date}). Tôi trả lời về các chỉ tiêu và nhiệm vụ của "
        "Nghị quyết, kèm vị trí trong văn bản và nguyên văn, ví dụ: " + EXAMPLES + "."
    ),
    "how_to": (
        "Đồng chí gõ câu hỏi bằng tiếng Việt, có dấu hay không dấu đều được, ví dụ: "
        + EXAMPLES
        + ". Nếu câu hỏi có thể hiểu theo nhiều cách, tôi sẽ đưa ra các lựa chọn để đồng chí "
        "chọn."
    ),
}


class SmallTalk:
    """Recognise small talk and reply to it."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        talk = vocabulary.small_talk
        kinds = {kind: getattr(talk, kind) for kind in PRIORITY}
        self.phrases = PhraseSet(
            [p for kind in PRIORITY for p in kinds[kind]],
            [kind for kind in PRIORITY for _ in kinds[kind]],
        )
        # A cheap look first: a message with no word of any small-talk phrase is not one.
        phrases = [phrase for kind in PRIORITY for phrase in kinds[kind]]
        self._talk_words = {w for p in phrases for w in (*ascii_words(p), *fold(p).split())}
        # Chat shorthand read as what it stands for ("được ko ạ" is "được không ạ").
        self.shorthand = {" ".join(tokens(k)): tokens(v) for k, v in vocabulary.shorthand.items()}
        self.fillers = PhraseSet(
            [
                *talk.address,
                *vocabulary.stop_phrases,
                *vocabulary.framing.phrases,
                *vocabulary.tail_particles,
                *vocabulary.stop_words,
            ]
        )

    def mentioned(self, question: str, document: Document) -> Answer | None:
        """Return the small-talk reply for a short message holding a small-talk phrase.

        For a message the resolution has nothing on ("chúc bot một ngày tốt lành", "cảm ơn,
        thông tin hữu ích lắm"): a warm reply rather than a refusal.
        """
        folded = ascii_words(question)
        if len(folded) > MAX_WORDS or self._talk_words.isdisjoint(folded):
            return None
        words = self._words(question)
        kinds = {
            match[1]
            for at in range(len(words))
            if (match := self.phrases.match_at(words, at)) is not None
        }
        return _reply(question, kinds, document)

    def reply(self, question: str, document: Document) -> Answer | None:
        """Return the reply to small talk, or None when the message asks something else."""
        folded = ascii_words(question)
        if len(folded) > MAX_TALK_WORDS or self._talk_words.isdisjoint(folded):
            return None
        words = self._words(question)
        if not words:
            return None
        kinds: set[str] = set()
        at = 0
        while at < len(words):
            match = self.phrases.match_at(words, at)
            if match is not None:
                kinds.add(match[1])
            else:
                match = self.fillers.match_at(words, at)
                if match is None:
                    return None  # a word of its own: a question
            at += match[0]
        return _reply(question, kinds, document)

    def _words(self, question: str) -> list[str]:
        """Return a message's words, chat shorthand spelled out."""
        return [t for w in tokens(clean(question)) for t in self.shorthand.get(w, [w])]


def _reply(question: str, kinds: set[str], document: Document) -> Answer | None:
    """Return the reply to the first kind of small talk by priority, if there is any."""
    if not kinds:
        return None
    kind = next(k for k in PRIORITY if k in kinds)
    text = REPLIES[kind].format(title=document.short_title, date=f"{document.date:%d/%m/%Y}")
    return Answer(question, "none", text)
