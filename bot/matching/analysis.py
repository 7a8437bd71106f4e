"""Turn a question into what the search needs: content words, numbers, years, places, intent.

Steps, on the folded key (see :mod:`bot.vietnamese.text`): numbers, years and section codes
are taken out first (:mod:`bot.matching.named_numbers`); abbreviations, chat shorthand
and synonyms are rewritten to one canonical phrase; a count intent ("bao nhiêu chỉ tiêu") is noted;
places are noted; then question framing ("cho em hỏi", "bao nhiêu", "là gì"), stop words
and sentence-final particles ("ạ", "nhé", "vậy") are dropped; last, each word the index
does not know is corrected towards its words (:mod:`bot.matching.corrections`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass

from bot.knowledge.schema import Vocabulary
from bot.matching.corrections import Corrector, Word
from bot.matching.framing import MIN_ASKED_WORDS, FramingRemover
from bot.matching.named_numbers import (
    figures_in,
    numbered_nouns,
    quoted_then,
    section_codes,
    years_in,
)
from bot.vietnamese.keystrokes import decode_text, is_syllable, spelling_key
from bot.vietnamese.numbers import SCALE_WORDS, UNIT_SIGNS, normalize_unit
from bot.vietnamese.phrases import PhraseMap, PhraseSet, Token, tokens
from bot.vietnamese.spoken_numbers import digits_for_spoken_numbers
from bot.vietnamese.text import clean, fold, fold_diacritics, padded_fold, tones_agree

#: Weight kept by a bare word that is a stop word or a word of the index.
AMBIGUOUS_STOP_EMPHASIS = 0.3
#: Words shorter than this are never corrected.
CORRECTION_MIN_LENGTH = 3
#: A count word followed by a unit sign: "bao nhiêu % xã" counts in %.
#: "tỷ" right after a number ("200 tỷ phải không"): billions of đồng.
_BILLIONS = re.compile(r"\d\s*(?:tỷ|tỉ)(?!\s*(?:lệ|le)\b)\b", re.IGNORECASE)
#: A commune, hamlet or ward, and the words after it ("xã Quốc Dân", "xóm Nà Mần").
_LOCAL_NAME = re.compile(
    r"\b(xã|xóm|thôn|phường|bản|thị trấn)((?:\s+[^\W\d_]+){1,3})", re.IGNORECASE
)


def _local_noun(match: re.Match[str]) -> str:
    """Return a local place's noun without its name: the words after it written in title
    case ("Quốc Dân"), never an abbreviation ("xã NTM") nor a word in lower case."""
    words = match.group(2).split()
    named = 0
    for word in words:
        if not word.istitle():
            break
        named += 1
    if not named:
        return match.group(0)
    return " ".join([match.group(1), *words[named:]])


#: "điểm" before a percent sign ("mấy điểm %"): the points of a rate.
_POINTS_OF_RATE = re.compile(r"\b(?:điểm|diem)\s*(?=%)", re.IGNORECASE)
_COUNT_THEN_SIGN = re.compile(r"(?:bao\s*nhi[eê]u|bn|m[aấ]y)\s*[%‰]", re.IGNORECASE)
DETERMINER = "determiner"
#: What a bare plural ("các", "những") lists.
LISTED_BY_PLURAL = frozenset({"targets", "tasks", "schemes", "projects"})
#: Words that may end a question after its count word ("có mấy cái vậy").
COUNT_TAILS = frozenset({"cai", "thoi", "vay", "a", "nhi", "ha", "the", "z", "ta"})
#: The side of the resolution a counted or listed noun belongs to.
COUNTED_SIDES = {"targets": "targets", "tasks": "tasks"}
#: How many words after the asker's own place may start what names it as the topic
#: ("cơ quan em muốn đạt chuẩn văn hoá").
PLACE_TOPIC_REACH = 4
#: Between the two parts of a phrase found apart ("bao giờ … hoàn thành").
APART = "…"
#: Before a phrase found apart that must open the question (after its framing words).
OPENING = "^"
#: What "… có mấy cái" counts after each noun: "lĩnh vực môi trường có mấy cái" its targets.
COUNTED_AFTER = {"targets": "targets", "tasks": "tasks", "groups": "targets"}
#: Words that may stand between a listed noun and "gồm những gì": the year, the resolution.
_BESIDE_A_LISTED_NOUN = frozenset({"nam", "nay", "cua", "trong", "nghi", "quyet", "nq", "tinh"})
#: The plural word of a list ("gồm những gì"), and what may end the question after it.
PLURAL = "nhung"
_LIST_TAILS = frozenset({"gi", "j", "nao", "noi", "dung"})
#: Words before "bao nhiêu"/"mấy" that make it ask an ordinal or a date, not an amount.
ORDINAL_NOUNS_BEFORE = frozenset({"thu", "lan", "khoa", "nam", "ngay", "thang", "so", "muc"})
#: How :attr:`Analysis.mentioned_ask` names a question asking when something takes place.
WHEN = "thời gian"
#: Where a sentence ends ("7,5" and "2.000" hold no ending: punctuation before a space).
_SENTENCES = re.compile(r"[.?!;]+(?:\s+|$)|\n+")
#: Between two clauses (not inside "13,8").
_CLAUSES = re.compile(r"[.?!;,]+(?:\s+|$)|\n+")
#: A comma before a capitalised name goes on with a list ("Trà Lĩnh, Tà Lùng").
_LIST_COMMA = re.compile(r",\s+(?=([^\W\d_]+\s+[^\W\d_]+))")
#: How many words before "nói gì" may name the resolution for it to ask what it says.
MENTIONED_ASK_REACH = 6
#: Analyses kept for texts read again while one reply is composed.
ANALYSES_KEPT = 64
#: The noun before a border gate's name ("cửa khẩu Tà Lùng").
GATE = "cửa khẩu"
#: Questions are matched on their first characters only; longer text is refused upstream.
MAX_MATCHED_CHARS = 500


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a question asks, ready for ranking."""

    text: str
    words: tuple[Word, ...]
    numbers: tuple[float, ...]
    years: tuple[int, ...]
    provinces: tuple[str, ...]
    districts: tuple[str, ...]
    count: str | None
    side: str | None
    """"targets" when the question says "chỉ tiêu", "tasks" when it says "nhiệm vụ"."""
    units: tuple[str, ...]
    codes: tuple[str, ...]
    target_number: int | None
    own_place: bool = False
    """The question is about the asker's own place ("xã chúng tôi", "huyện mình")."""
    listing: bool = False
    """The question asks for a list ("kể hết các chỉ tiêu"), not a count."""
    yes_no: bool = False
    """The question checks a premise or whether something exists ("… đúng không")."""
    not_stated: str | None = None
    """An attribute no resolution states (a result, a length, a budget), if asked."""
    asks_amount: bool = False
    """It asks how much or how many ("bao nhiêu", "mấy", or a unit), not how many items."""
    counted: str | None = None
    """The noun counted after "bao nhiêu" ("bao nhiêu tiêu chí" is "tieu chi"), if listed."""
    asks_how_much: bool = False
    """It says "bao nhiêu" or "mấy" (so it asks a figure, never what a figure is)."""
    not_stated_phrase: str | None = None
    asks_when: bool = False
    """The question asks when ("ngày nào", "khi nào"), of anything."""
    not_stated_more: tuple[tuple[str, str], ...] = ()
    """Further not-stated attributes the question asks, after :attr:`not_stated`: (the
    attribute, the folded words that asked it)."""
    uncovered: str | None = None
    gates: tuple[str, ...] = ()
    """Border gates named in the clause that asks ("cua khau ta lung", folded)."""
    asks_who: bool = False
    """It asks who does something ("ai", "đơn vị nào")."""
    refused_request: str | None = None
    """A service no question bot gives ("dịch sang tiếng Anh"), as the reply names it."""
    """A topic no resolution of this kind covers ("lương cơ sở"), if named."""
    """The words that asked :attr:`not_stated` (folded), as typed in the question."""
    mentioned_ask: str | None = None
    """What is asked of a thing a resolution may only name: its content, or :data:`WHEN`."""
    shares_quoted: tuple[tuple[str, ...], str] | None = None
    """It quotes figures (as typed), then asks "bao nhiêu" of a share of them after a word
    of sharing ("2.000 đảng viên thì mỗi huyện … bao nhiêu"): the figures and what follows."""
    numbered: frozenset[tuple[str, float]] = frozenset()
    """Numbers qualifying a noun ("hội nghị lần thứ 19" is ("hoi nghi", 19), XIX too)."""
    offers_figures: bool = False
    """It offers figures to choose from ("1.800 tỷ hay 2.000 tỷ"): the words name the item,
    the figures are checked against what it states."""

    @property
    def tokens(self) -> tuple[str, ...]:
        """Return the content words as plain strings."""
        return tuple(w.text for w in self.words)


class Analyzer:
    """Analyse questions with the shared vocabulary and the words of the indexed phrases.

    Build one with :meth:`build`, which also reads every indexed phrase into the content
    words the index weighs (:attr:`phrase_words`).
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        corrector: Corrector,
        *,
        context_names: Iterable[str] = (),
        place_scope: bool = False,
    ) -> None:
        self.vocabulary = vocabulary
        self.corrector = corrector
        synonym_pairs = [(p, group[0]) for group in vocabulary.synonyms for p in group[1:]]
        self.canonical = PhraseMap(
            [*vocabulary.abbreviations.items(), *vocabulary.shorthand.items(), *synonym_pairs]
        )
        # Greetings and thanks around a question are framing too ("chào bot, … bao nhiêu").
        talk = vocabulary.small_talk
        self.stop_phrases = PhraseSet(
            [
                *vocabulary.stop_phrases,
                *vocabulary.framing.phrases,
                *talk.greeting,
                *talk.thanks,
                *talk.farewell,
            ]
        )
        self.framing = FramingRemover(
            vocabulary.framing, vocabulary.shorthand, places=vocabulary.districts
        )
        self._beside = [
            (
                re.compile(rf"(?<!\w){re.escape(short)}(?!\w)", re.IGNORECASE),
                spelled.means,
                [" ".join(fold(word).split()) for word in spelled.beside],
            )
            for short, spelled in vocabulary.abbreviations_beside.items()
        ]
        self.framing_phrases = PhraseSet(vocabulary.framing.phrases)
        self.yes_no = PhraseSet(vocabulary.yes_no)
        self.yes_no_if_asked = PhraseSet(vocabulary.yes_no_if_asked)
        # Found in the rewritten words: "sáp nhập tỉnh" is read as "sắp xếp tỉnh" there.
        self.uncovered = PhraseSet(
            [
                " ".join(self.canonical.rewrite(tokens(topic)))
                for topic in vocabulary.uncovered_topics
            ],
            vocabulary.uncovered_topics,
        )
        self.asks_who = PhraseSet(vocabulary.asks_who)
        self.share_cues = [" ".join(fold(c).split()) for c in vocabulary.share_cues]
        refused = vocabulary.requests_refused
        self.requests_refused = PhraseSet(refused.keys(), refused.values())
        # Found by their folded words; each names its attribute. A phrase in two parts
        # ("bao giờ … hoàn thành") is found with any words between them, in that order.
        together = {k: v for k, v in vocabulary.not_stated.items() if APART not in k}
        self.not_stated = PhraseSet(together)
        self.not_stated_names = {
            " ".join(fold(phrase).split()): name for phrase, name in together.items()
        }
        # ("^tiêu chuẩn … là gì" only opening the question: "chỉ tiêu làng đạt tiêu chuẩn
        # văn hoá là gì" asks the target)
        self.not_stated_apart: list[tuple[PhraseSet, PhraseSet, str, bool]] = []
        for phrase, name in vocabulary.not_stated.items():
            if APART in phrase:
                opening = phrase.startswith(OPENING)
                first, second = (
                    part.strip() for part in phrase.removeprefix(OPENING).split(APART, 1)
                )
                label = " ".join(fold(f"{first} {second}").split())
                self.not_stated_apart.append(
                    (PhraseSet([first]), PhraseSet([second]), label, opening)
                )
                self.not_stated_names.setdefault(label, name)
        self.count_trailers = PhraseSet(vocabulary.count_trailers)
        #: Counted nouns that measure rather than name ("bao nhiêu người", "bao nhiêu tiền").
        self.generic_counted = frozenset(vocabulary.counted_as)
        # "bao nhiêu con" counts animals; "bao nhiêu còn …" and "mấy ha" vs "Hà Quảng" do not.
        self.counted_nouns = PhraseSet(
            vocabulary.counted_nouns, vocabulary.counted_nouns, bare_is_level=True
        )
        mentioned = vocabulary.mentioned_only
        self.when_asks = PhraseSet(mentioned.time)
        self.mentioned_asks = PhraseSet(
            [*mentioned.content, *mentioned.time],
            [*mentioned.content.values(), *(WHEN for _ in mentioned.time)],
        )
        # Abbreviations and shorthand win over keystrokes: "tw" is Trung ương, not Telex "tư".
        self.typed_as_is = frozenset(
            w
            for key in [*vocabulary.abbreviations, *vocabulary.shorthand]
            for w in fold(key).split()
        )
        own = vocabulary.own_place
        self.own_place = PhraseSet(
            [*(f"{place} {owner}" for place in own.places for owner in own.owners), *own.phrases]
            if place_scope
            else ()
        )
        #: Each "place owner" phrase (folded) and its place noun ("co quan em": "co quan").
        self.own_place_nouns = {
            " ".join(fold(f"{place} {owner}").split()): " ".join(fold(place).split())
            for place in own.places
            for owner in own.owners
        }
        #: The two words after each place noun in the indexed phrases ("cơ quan đạt chuẩn
        #: văn hoá": "dat", "chuan"), set by :meth:`build`.
        self.place_followers: dict[str, frozenset[tuple[str, str]]] = {}
        self.stop_words: dict[str, set[str | None]] = defaultdict(set)
        for stop_word in vocabulary.stop_words:
            for token in tokens(stop_word):
                self.stop_words[token].add(token.tone)
        self.chat_words: dict[Token, set[str | None]] = defaultdict(set)
        for chat_word in vocabulary.chat_words:
            for token in tokens(chat_word):
                self.chat_words[token].add(token.tone)
        self.tails = PhraseSet(vocabulary.tail_particles)
        units = vocabulary.units
        self.units = PhraseSet(units, [normalize_unit(u) for u in units.values()])
        self.count_words = PhraseSet(
            [*vocabulary.count_words, *vocabulary.list_words, *vocabulary.list_determiners],
            ["count"] * len(vocabulary.count_words)
            + ["list"] * len(vocabulary.list_words)
            + [DETERMINER] * len(vocabulary.list_determiners),
        )
        self.count_fillers = PhraseSet(vocabulary.count_fillers)
        self.count_nouns = PhraseSet(vocabulary.count_nouns, vocabulary.count_nouns.values())
        home = [vocabulary.province, f"tỉnh {vocabulary.province}"]
        self.home = PhraseSet(home if place_scope else ())
        self.provinces = PhraseSet(vocabulary.provinces if place_scope else ())
        # "huyện Trùng Khánh", "ở Hạ Lang thì": the noun, the preposition and the "thì" that
        # sets the place apart go with the name (they name no topic).
        districts = list(vocabulary.districts) if place_scope else []
        around = [
            (before, after)
            for before in ("", "huyện ", "ở ", "tại ", "ở huyện ", "tại huyện ")
            for after in ("", " thì")
        ]
        self.districts = PhraseSet(
            [f"{before}{name}{after}" for before, after in around for name in districts],
            [" ".join(fold(name).split()) for _ in around for name in districts],
        )
        self.district_names = frozenset(" ".join(fold(name).split()) for name in districts)
        # "cửa khẩu Tà Lùng": the gate's name is a place (a figure asked of it: Unstated).
        gates = vocabulary.border_gates
        self.gates = PhraseSet([f"{GATE} {name}" for name in gates.names] if gates else [])
        #: Districts some indexed phrase names (set by :meth:`build`), folded.
        self.named_places: frozenset[str] = frozenset()
        # Read as the question is, abbreviations spelled out ("BCH": "ban chấp hành").
        names = list(context_names)
        canonical = [" ".join(self.canonical.rewrite(tokens(name))) for name in names]
        self.document_names = PhraseSet(dict.fromkeys([*names, *canonical]))
        self.side_words = PhraseSet(
            ["chỉ tiêu", "mục tiêu", "nhiệm vụ", "giải pháp"],
            ["targets", "targets", "tasks", "tasks"],
        )
        #: The content words of every indexed phrase, as :meth:`build` read them.
        self.phrase_words: dict[str, tuple[Token, ...]] = {}
        #: The tones the phrases write each folded word with (:meth:`build`).
        self.written_tones: dict[Token, set[str | None]] = defaultdict(set)
        #: :func:`spelling_key` of the words of the phrases and the vocabulary (:meth:`build`).
        self.spellings: Container[str] = frozenset()
        self._analyze_kept = functools.lru_cache(maxsize=ANALYSES_KEPT)(self._analyze)

    @classmethod
    def build(
        cls,
        vocabulary: Vocabulary,
        phrases: Iterable[str],
        *,
        context_names: Iterable[str] = (),
        place_scope: bool = False,
    ) -> Analyzer:
        """Return an analyzer that knows the words of ``phrases``.

        Args:
            vocabulary: the shared language data (abbreviations, stop words, places).
            phrases: every phrase the index scores; each is read into content words
                (:attr:`phrase_words`) whose words, word pairs and tones typed words are
                then corrected towards.
            context_names: names that set the context of a question rather than its
                content (the resolution's own name): dropped when the question has more.
            place_scope: take the places a question is scoped by out of its words (the
                province, other provinces, districts: :attr:`Analysis.provinces` and
                :attr:`Analysis.districts`); off when places are what is ranked.
        """
        texts = list(dict.fromkeys(phrases))
        corrector = Corrector(w for text in texts for w in fold(text).split())
        analyzer = cls(vocabulary, corrector, context_names=context_names, place_scope=place_scope)
        for text in texts:
            for token in tokens(text):
                analyzer.written_tones[token].add(token.tone)
        # Read knowing the phrases' own spellings only: a bare stop word spelled like none
        # of them is framing ("cua" is dropped unless some phrase says "cửa").
        analyzer.phrase_words = {text: tuple(analyzer._content_words(text)) for text in texts}
        # The words known as spelled: a Telex word missing a vowel key is read as one.
        # (gathered on the first such word: most questions have none)
        analyzer.spellings = Lazy(
            lambda: frozenset(
                spelling_key(word)
                for text in (*texts, *_strings(vocabulary.model_dump()))
                for word in _WORD.findall(clean(text))
            )
        )
        corrector.learn(analyzer.phrase_words.values())
        # (inside a longer name only: an index of the districts themselves is ranked on
        # what else a question says)
        folded_texts = [padded_fold(text) for text in texts]
        followers: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for noun in set(analyzer.own_place_nouns.values()):
            for said in folded_texts:
                for found in re.finditer(rf" {re.escape(noun)} (\S+) (\S+)", said):
                    followers[noun].add((found.group(1), found.group(2)))
        analyzer.place_followers = {noun: frozenset(pairs) for noun, pairs in followers.items()}
        analyzer.named_places = frozenset(
            d
            for said in folded_texts
            for d in analyzer.district_names
            if f" {d} " in said and said.replace(f" {d} ", " ").replace(" huyen ", " ").strip()
        )
        return analyzer

    def spelled_beside(self, text: str) -> str:
        """Return a message with its two-meaning abbreviations spelled out where it says which.

        ("XK + NK đăng ký": "nk" beside "xk" is "nhập khẩu"; alone it may be "nhiệm kỳ".)
        """
        folded = padded_fold(text)
        for pattern, means, beside in self._beside:
            if any(f" {word} " in folded for word in beside) and pattern.search(text):
                text = pattern.sub(means, text)
        return text

    def analyze(self, question: str) -> Analysis:
        """Analyse a question typed by a user.

        One reply reads the same text several times (the whole message, its parts, a
        follow-up's rest): the last :data:`ANALYSES_KEPT` analyses are kept (an Analysis is
        immutable).
        """
        return self._analyze_kept(question)

    def _analyze(self, question: str) -> Analysis:
        text = clean(question)[:MAX_MATCHED_CHARS]
        # Keystrokes typed with the input method off ("xuaats khaaur", "ru72ng") first.
        text = decode_text(text, keep=self.typed_as_is, known=self.spellings)
        # Numbers spoken out by voice typing ("mười ba phẩy tám phần trăm") as digits.
        text = digits_for_spoken_numbers(text)
        # "chênh nhau mấy điểm %": points of a rate are its unit ("%" is no word to pair with).
        text = _POINTS_OF_RATE.sub("", text)
        # "nhà em ở xã Quốc Dân": a commune's or hamlet's own name, which no resolution of
        # the province sets anything for, is no topic (its noun stays: "xã em", "xã …").
        text = _LOCAL_NAME.sub(_local_noun, text)
        # "Dịch giúp sang tiếng Anh câu: …": read before framing drops what precedes a colon.
        request = next(iter(self.requests_refused.take(tokens(text))[1]), None)
        told = text
        text = self.framing.remove(text)
        folded = fold_diacritics(text)
        codes, target_number = section_codes(fold(text), folded)
        numbers = figures_in(folded)
        numbered = numbered_nouns(fold(text))
        words = self.canonical.rewrite(tokens(_bare_scales_dropped(text)))
        typed = words
        # Units first: "bao nhiêu phần trăm" asks a figure, not the resolution's "phần"; and
        # framing phrases ("điểm qua giúp các chỉ tiêu"), which never carry the intent.
        # Only noted: these words also ask about things the resolution states in full.
        mentioned_asks = self._mentioned_asks(words)
        asks_when = self.when_asks.could_match(words) and bool(self.when_asks.take(words)[1])
        # A noun counted right after "bao nhiêu" ("bao nhiêu tiêu chí"), read before units are
        # taken out ("bao nhiêu phần trăm đảng viên" counts in %, not in party members).
        counted = None if _COUNT_THEN_SIGN.search(text) else self._counted(words)
        if counted in self.generic_counted:
            # "kết nạp bao nhiêu người": the answer's unit, like "%", names no topic.
            words = self._without_counted(words)
        words, units = self.units.take(words)
        words, tags = self.yes_no.take(words)
        if not tags and self._ends_asking_whether(words):
            # "có chỉ tiêu tỷ lệ thu gom rác không": "có chỉ tiêu" asks whether, there only.
            words, tags = self.yes_no_if_asked.take(words)
        at = self._kind_after_co(words) if not tags and self._ends_asking_whether(words) else None
        if at is not None:
            # "có đề án chuyển đổi số không": whether; the kind stays a word of the topic.
            words, tags = [*words[:at], *words[at + 1 :]], ["có"]
        if (
            not tags
            and (
                _CHECKING.search(text.casefold())
                or (
                    # (a claim to check: a figure or a numbered noun; else "ạ" typed bare)
                    text.isascii()
                    and bool(numbers or numbered)
                    and _CHECKING_BARE.search(text.casefold()) is not None
                )
            )
            and not _ASKING.search(fold(text))
        ):
            # "nghị quyết này là của BCH khoá XIX à": a statement put to the bot to check.
            tags = ["à"]
        # Districts before framing ("bao lam" typed bare is Bảo Lâm, not "làm"), and before
        # provinces ("Hà Quảng năm 2020" is no "Quảng Nam"). A district an item's own name
        # holds ("cao tốc Đồng Đăng - Trà Lĩnh") stays a word of the topic too.
        words, gates = self._without_gate_names(words)
        words, districts = self.districts.take(words, keep=self.named_places)
        words, _ = self.framing_phrases.take(words)
        words, unstated = self.not_stated.take(words)
        unstated = [u for u in unstated if self.asked_in(text, u)]
        if not unstated:
            words, unstated = self._not_stated_apart(words)
        # (as typed: "NQ có nhắc đến Đại hội XIII" is no "nghị quyết Đại hội XIII")
        uncovered = next(iter(self.uncovered.take(typed)[1]), None)
        asks_who = bool(self.asks_who.take(words)[1])
        amount = self._asks_amount(words)
        count, listing = self._count_intent(words)
        sides = set(self.side_words.take(words)[1])
        if not sides and count in COUNTED_SIDES:
            # "liệt kê các chỉ tiêu về giáo dục": the list asked is of targets.
            sides = {COUNTED_SIDES[count]}
        side = sides.pop() if len(sides) == 1 else None
        # "Nghị quyết Hội nghị lần thứ 20 do ai ký": the resolution's own name is context.
        rest, named = self.document_names.take(words)
        # Its numbers ("lần thứ 20") belong to the name, never figures of the question; and
        # when more than the name is asked, the name is context.
        in_pairs = {pair for name in named for pair in numbered_nouns(fold(name))}
        in_names = {float(n) for name in named for n in re.findall(r"\d+", name)}
        in_names |= {number for _, number in in_pairs}
        numbers = tuple(n for n in numbers if n not in in_names)
        if named and (self._drop_framing(list(rest)) or count is not None):
            # (the question may be all the name and a count: "… có bao nhiêu chỉ tiêu")
            words = rest
            numbered -= in_pairs
        units += [sign for sign in UNIT_SIGNS if sign in text]
        if _BILLIONS.search(text):
            units.append(normalize_unit("tỷ đồng"))  # ("200 tỷ": money, never "tỷ lệ")
        if told != text:
            # ("Hạ Lang là huyện biên giới, kim ngạch XNK bao nhiêu": the place the story
            # names is still the asker's)
            districts += [d for d in self.districts.take(tokens(told))[1] if d not in districts]
        words, provinces = self.provinces.take(words)
        words, own_places = self._without_own_places(words)
        if told != text and not own_places:
            own_places = self.own_place.take(tokens(told))[1]  # ("xã tôi là xã vùng cao, …")
        words, _ = self.home.take(words)
        words = self._drop_framing(words)
        return Analysis(
            text=text,
            words=self._correct_all(words),
            numbers=numbers,
            years=years_in(folded),
            provinces=tuple(dict.fromkeys(provinces)),
            districts=tuple(dict.fromkeys(districts)),
            count=count,
            side=side,
            units=tuple(dict.fromkeys(units)),
            codes=codes,
            target_number=target_number,
            own_place=bool(own_places),
            listing=listing,
            not_stated=self.not_stated_names[unstated[0]] if unstated else None,
            yes_no=bool(tags),
            numbered=numbered,
            offers_figures=_OFFERED.search(text) is not None,
            mentioned_ask=mentioned_asks[0] if mentioned_asks else None,
            asks_when=asks_when,
            asks_amount=(amount or bool(units)) and count is None,
            asks_how_much=amount and count is None,
            counted=counted if count is None else None,
            not_stated_phrase=unstated[0] if unstated else None,
            not_stated_more=tuple((self.not_stated_names[u], u) for u in unstated[1:]),
            uncovered=uncovered,
            gates=tuple(g for g in gates if self.asked_in(text, g)),
            refused_request=request,
            asks_who=asks_who,
            shares_quoted=(
                quoted_then(text, numbers, self.share_cues)
                if amount and count is None and numbers and not tags
                else None
            ),
        )

    def _content_words(self, text: str) -> list[Token]:
        """Return the content words of an indexed phrase (no correction, no intent)."""
        words = self.canonical.rewrite(tokens(text))
        kept = self._drop_framing(list(words))
        return kept or [w for w in words if not w.isdigit()]

    def _drop_framing(self, words: list[Token]) -> list[Token]:
        words, _ = self.stop_phrases.take(words)
        words = [w for w in words if self._is_stop_word(w) is not True]
        while words and self.tails.match_at(words, len(words) - 1):
            words.pop()
        return [w for w in words if not w[0].isdigit()]

    def _is_stop_word(self, token: Token) -> bool | None:
        """Return whether a word carries no meaning here; None when it cannot be told.

        Typed with diacritics, it must be the stop word itself ("để", not "đề"); typed
        bare, it is dropped when the index has no word spelled so, and undecided when it
        has one ("cua" may be "của" or "cửa khẩu").
        """
        tones = self.stop_words.get(token)
        if tones is None:
            # A word of the chat ("em", "gửi") is dropped unless some phrase spells it so;
            # typed with its own marks, unless some phrase writes it so ("tôi", not "tối").
            chat = self.chat_words.get(token)
            if chat is None:
                return False
            return token not in self.corrector.known or (
                token.tone is not None
                and token.tone in chat
                and token.tone not in self.written_tones.get(token, ())
            )
        if token.tone is not None:
            return any(tones_agree(token.tone, t) for t in tones)
        if None in tones or token not in self.corrector.known:
            return True
        written = self.written_tones.get(token, set())
        if written and all(w is not None and w in tones for w in written):
            return True  # ("viec": every phrase writing it writes "việc")
        return None

    def _ends_asking_whether(self, words: list[Token]) -> bool:
        """Return whether the question's last word, particles aside, is "không" or "chưa".

        (The closing particles are the vocabulary's, "… không ạ", "… không bot", and the
        bare ones typed after a question word, "… chưa vậy".)
        """
        kept = list(words)
        while (
            kept
            and str(kept[-1]) not in _WHETHER_TAILS
            and (str(kept[-1]) in _AFTER_WHETHER or self.tails.match_at(kept, len(kept) - 1))
        ):
            kept.pop()
        return bool(kept) and str(kept[-1]) in _WHETHER_TAILS

    def _mentioned_asks(self, words: list[Token]) -> list[str]:
        """Return what is asked of a named thing, unless it is asked of the resolution itself.

        "Báo cáo tổng kết nói gì" asks the report's content; "nghị quyết nói gì về cao tốc"
        asks what the resolution says about the expressway.
        """
        found: list[str] = []
        if not self.mentioned_asks.could_match(words):
            return found
        for at in range(len(words)):
            match = self.mentioned_asks.match_at(words, at)
            # ("Nghị quyết năm 2020 nói gì về …": the resolution's name a few words before)
            before = " ".join(words[max(0, at - MENTIONED_ASK_REACH) : at])
            if match is not None and "nghi quyet" not in before:
                found.append(match[1])
        return found

    def _counted(self, words: list[Token]) -> str | None:
        """Return the listed noun right after a count word ("bao nhiêu tiêu chí"), if any."""
        found = self._counted_at(words)
        return found[2] if found is not None else None

    def _counted_at(self, words: list[Token]) -> tuple[int, int, str] | None:
        """Return where the noun counted after a count word starts, its length and label."""
        if not self.count_words.could_match(words):
            return None
        for at in range(len(words)):
            found = self.count_words.match_at(words, at)
            if found is None or found[1] != "count" or at + found[0] >= len(words):
                continue
            noun = self.counted_nouns.match_at(words, at + found[0])
            if noun is not None and not self._names_a_place(words, at + found[0]):
                return at + found[0], noun[0], noun[1]
        return None

    def _kind_after_co(self, words: list[Token]) -> int | None:
        """Return where "có" stands before a kind of named thing ("có đề án …"), if it does."""
        for at in range(len(words) - 1):
            kind = self.count_nouns.match_at(words, at + 1) if str(words[at]) == "co" else None
            if kind is not None and kind[1] in _NAMED_KINDS:
                return at
        return None

    def _names_a_place(self, words: list[Token], at: int) -> bool:
        """Return whether a place is named from ``at`` ("huyện em", "huyện Trùng Khánh").

        "… là bao nhiêu. Huyện em Trùng Khánh được giao bao nhiêu": the place asked about
        is no noun counted.
        """
        return any(
            places.match_at(words, at) is not None for places in (self.own_place, self.districts)
        )

    def _without_own_places(self, words: list[Token]) -> tuple[list[Token], list[str]]:
        """Return the words without the asker's own places, and those found.

        A place noun that is also the topic stays, without its owner: "cơ quan em muốn đạt
        chuẩn văn hoá" is the asker's office, and asks the rate of offices meeting the
        cultural standard ("cơ quan đạt chuẩn văn hoá"), since two words that follow the
        noun in some item's wording follow each other soon after it in the question.
        """
        if not self.own_place.could_match(words):
            return list(words), []
        kept: list[Token] = []
        found: list[str] = []
        at = 0
        while at < len(words):
            match = self.own_place.match_at(words, at)
            if match is None:
                kept.append(words[at])
                at += 1
                continue
            length, label = match
            found.append(label)
            noun = self.own_place_nouns.get(label)
            # (soon after the place: "tổ dân phố chúng tôi phải đạt tỷ lệ gia đình văn hoá"
            # asks of families, however "tổ dân phố văn hoá" is worded)
            after = words[at + length : at + length + PLACE_TOPIC_REACH + 1]
            said = {(str(a), str(b)) for a, b in itertools.pairwise(after)}
            if noun is not None and not said.isdisjoint(self.place_followers.get(noun, ())):
                kept += words[at : at + len(noun.split())]
            at += length
        return kept, found

    def _without_gate_names(self, words: list[Token]) -> tuple[list[Token], list[str]]:
        """Return the words without the names of border gates ("cửa khẩu" stays), and the
        gates found (folded, with "cửa khẩu")."""
        return self.gates.take(words, keep_first=len(tokens(GATE)))

    def _not_stated_apart(self, words: list[Token]) -> tuple[list[Token], list[str]]:
        """Return the words without a not-stated phrase found in two parts, and its label.

        "bao giờ cao tốc Đồng Đăng - Trà Lĩnh hoàn thành" asks when it is finished, as "bao
        giờ hoàn thành" does; the words between are the topic.
        """
        for first, second, label, opening in self.not_stated_apart:
            if not (first.could_match(words) and second.could_match(words)):
                continue
            for at in range(len(words)):
                opened = first.match_at(words, at)
                if opened is None or (opening and self._drop_framing(words[:at])):
                    continue
                for end in range(at + opened[0], len(words)):
                    closed = second.match_at(words, end)
                    if closed is not None:
                        between = words[at + opened[0] : end]
                        return [*words[:at], *between, *words[end + closed[0] :]], [label]
        return words, []

    def asked_in(self, text: str, phrase: str) -> bool:
        """Return whether a phrase is in a clause that asks, when the text has several.

        "Trạm y tế xã tôi đang làm hồ sơ đạt chuẩn. Tỉnh giao tỷ lệ bao nhiêu?": the
        story's "hồ sơ" is not what is asked; nor is "quý I" before the opener in "đang soạn
        báo cáo sơ kết quý I, cho em hỏi GRDP tăng bao nhiêu".
        """
        if f" {phrase} " not in padded_fold(text):
            return True  # (read from words spelled otherwise: "NQ này số mấy")
        opened = self.framing.after_openers(text)
        if opened:
            # What follows the last opener is asked ("…, cho em hỏi …"); the story before
            # it is not. (A phrase that runs into it is asked: "hồ sơ … cần những gì".)
            asked = min(opened, key=len)
            whole = padded_fold(text)
            starts = len(whole) - len(f"{fold(asked)} ")
            runs_in = any(m.end() > starts for m in re.finditer(re.escape(f" {phrase} "), whole))
            if not runs_in and len(tokens(asked)) >= MIN_ASKED_WORDS:
                return False
        return self.in_asking_clause(text, phrase)

    def in_asking_clause(self, text: str, phrase: str) -> bool:
        """Return whether a phrase is in a clause that asks, when the text has several."""
        # (at commas too, unless what follows names one more of a list: "… qua từng cửa khẩu
        # Trà Lĩnh, Tà Lùng bao nhiêu")
        sentences = _clauses_not_lists(text)
        if len(sentences) < 2:
            return True
        asking = [s for s in sentences if self.framing.asks(s)]
        return not asking or any(f" {phrase} " in f" {fold(s)} " for s in asking)

    def _without_counted(self, words: list[Token]) -> list[Token]:
        """Return ``words`` without the noun counted right after a count word."""
        found = self._counted_at(words)
        if found is None:
            return words
        start, length, _ = found
        return [*words[:start], *words[start + length :]]

    def _asks_amount(self, words: list[Token]) -> bool:
        """Return whether a count word asks an amount ("bao nhiêu tỷ"), not an ordinal or
        a date ("lần thứ mấy", "năm bao nhiêu") nor a list ("gồm những")."""
        if not self.count_words.could_match(words):
            return False
        for at in range(len(words)):
            found = self.count_words.match_at(words, at)
            after_ordinal = at > 0 and words[at - 1] in ORDINAL_NOUNS_BEFORE
            if found is not None and found[1] == "count" and not after_ordinal:
                return True
        return False

    def _count_intent(self, words: list[Token]) -> tuple[str | None, bool]:
        """Remove "bao nhiêu chỉ tiêu", "kể hết các chỉ tiêu" and the like.

        Returns what is counted or listed (None if nothing is), and whether a list is asked.
        """
        if not self.count_words.could_match(words):
            return None, False
        for start in range(len(words)):
            counting = self.count_words.match_at(words, start)
            if counting is None:
                continue
            at = start + counting[0]
            filler = self.count_fillers.match_at(words, at) if at < len(words) else None
            if filler is not None:
                at += filler[0]
            if at >= len(words):
                continue
            noun = self.count_nouns.match_at(words, at)
            if counting[1] == DETERMINER and noun is not None and noun[1] not in LISTED_BY_PLURAL:
                continue
            if noun is not None:
                del words[start : at + noun[0]]
                # The rest repeats the intent ("các nhiệm vụ chủ yếu gồm những nhiệm vụ
                # gì", "bao nhiêu chỉ tiêu, liệt kê giúp"): it names no topic.
                rest, nouns = self.count_nouns.take(words)
                rest, _ = self.count_words.take(rest)
                rest, _ = self.count_trailers.take(rest)
                words[:] = rest
                counted = noun[1]
                if counted == "groups" and "tasks" in nouns:
                    counted = "tasks"  # "nhiệm vụ chủ yếu gồm mấy nhóm": groups of tasks
                return counted, counting[1] in {"list", DETERMINER}
        listed = self._list_after_noun(words)
        if listed is not None:
            return listed, True
        return self._count_after_noun(words), False

    def _list_after_noun(self, words: list[Token]) -> str | None:
        """Read "nhiệm vụ trọng tâm năm 2020 gồm những gì": a plural list word ("gồm
        những", "là những") ending the question after a count noun lists that noun, when
        nothing but the year or the resolution stands between them."""
        if not words or not self.count_words.could_match(words):
            return None
        noun = self.count_nouns.match_at(words, 0)
        if noun is None or noun[1] not in LISTED_BY_PLURAL:
            return None
        for at in range(noun[0], len(words)):
            asking = self.count_words.match_at(words, at)
            if asking is not None:
                break
            if words[at] not in _BESIDE_A_LISTED_NOUN and not words[at].isdigit():
                return None
        else:
            return None
        length, label = asking
        end = at + length
        if (
            label != "list"
            or words[end - 1] != PLURAL
            or any(w not in COUNT_TAILS and w not in _LIST_TAILS for w in words[end:])
        ):
            return None
        del words[:]
        return noun[1]

    def _count_after_noun(self, words: list[Token]) -> str | None:
        """Read "chỉ tiêu xây dựng Đảng có mấy cái": a count word ending the question
        after a count noun counts that noun."""
        if not self.count_words.could_match(words):
            return None
        for start in range(len(words)):
            counting = self.count_words.match_at(words, start)
            if counting is None or counting[1] != "count":
                continue
            tail = words[start + counting[0] :]
            if any(w not in COUNT_TAILS for w in tail):
                continue
            # "… có mấy (cái)", "… gồm bao nhiêu": a number of things; "… là bao nhiêu"
            # asks a figure.
            having = start > 0 and words[start - 1] in {"co", "gom"}
            if not (having or "cai" in tail):
                continue
            for at in range(start):
                noun = self.count_nouns.match_at(words, at)
                if noun is not None and noun[1] in COUNTED_AFTER:
                    del words[start:]
                    del words[at : at + noun[0]]
                    return COUNTED_AFTER[noun[1]]
        return None

    def _correct_all(self, words: list[Token]) -> tuple[Word, ...]:
        out: list[Word] = []
        for index, word in enumerate(words):
            if word in self.corrector.known or len(word) < CORRECTION_MIN_LENGTH:
                known_tones = self.corrector.tones(word)
                if (
                    word.tone
                    and known_tones
                    and not any(tones_agree(word.tone, t) for t in known_tones)
                ):
                    # Typed with a tone the index never has for this spelling ("cận"
                    # where it has "cán", "cần"): another word, unknown to it.
                    out.append(Word(word.tone, 0.0, word))
                else:
                    maybe_stop = self._is_stop_word(word) is None
                    emphasis = AMBIGUOUS_STOP_EMPHASIS if maybe_stop else 1.0
                    out.append(Word(word, tone=word.tone, emphasis=emphasis))
            elif not is_syllable(word):
                out += self.corrector.correct_non_word(word)
            else:
                before = words[index - 1] if index else None
                after = words[index + 1] if index + 1 < len(words) else None
                out.append(self.corrector.correct_in_context(word, before, after))
        return tuple(out)


#: The words that end a question asking whether something is so ("… không", "… chưa").
_WHETHER_TAILS = frozenset({"khong", "chua"})
#: Particles that may follow them ("… không ạ", "… chưa vậy").
_AFTER_WHETHER = frozenset({"a", "vay", "nhi", "nhe", "ha", "the", "z", "ta"})


#: A statement closed by "à", "hả" or "nhỉ", typed with its tone, puts a premise to check; unless
#: something is asked ("bao nhiêu", "gì", "nào"): then it is a plain question.
#: The count nouns of things a resolution names (vocabulary ``count_nouns``).
_NAMED_KINDS = frozenset({"schemes", "projects"})
_CHECKING = re.compile(r"\s(?:à|hả|hở|nhỉ)\W*$")
#: The same typed without diacritics, in a message typed so throughout ("… khoa XIX a") that
#: states a claim; not after a number ("500 ha" is hectares).
_CHECKING_BARE = re.compile(r"(?<![\d\s])\s+(?:a|ha|nhi)\W*$")
_ASKING = re.compile(r"\b(?:bao|may|gi|nao|sao|ai|dau|khi|j)\b")


#: A number that is no year: not four digits 19xx/20xx, unless a scale or a unit follows
#: ("2.000 tỷ", "2000 đảng viên"; "tầm nhìn 2035 hay 2030" offers years, not figures).
_NO_YEAR = rf"(?!(?:19|20)\d\d\b(?!\s*(?:%|(?:{SCALE_WORDS}|đảng|dang|người|nguoi|hộ|ho)\b)))"
#: Figures offered to choose from ("1.800 tỷ hay 2.000 tỷ", "45% hoặc là 33%"): the first
#: figure with up to two words of its unit, then the word offering the next.
_OFFERED = re.compile(
    rf"(?<![\d.,])({_NO_YEAR}\d[\d.,]*(?:\s*%|\s+\w+){{0,2}})\s+(?:hay|hoặc|hoac)\s+"
    rf"(?:là\s+|la\s+)?(?={_NO_YEAR}\d)",
    re.IGNORECASE,
)
#: A scale typed bare after a number ("1.800 tỷ", "600 triệu"), not the start of a unit
#: ("triệu đồng", "ngàn tấn", "nghìn tỷ"): it names no topic ("tỷ" is no "tỷ lệ").
_BARE_SCALE = re.compile(
    rf"(\d[\d.,]*)\s*(?:{SCALE_WORDS})\b"
    r"(?!\s*(?:đồng|dong|usd|đô|do|tấn|tan|tỷ|tỉ|ty|ti|dân|dan)\b)",
    re.IGNORECASE,
)


def _clauses_not_lists(text: str) -> list[str]:
    """Return a text's clauses, a comma that goes on with a list of names not ending one."""
    joined = _LIST_COMMA.sub(_list_goes_on, text)
    return [s for s in _CLAUSES.split(joined) if s.strip()]


def _list_goes_on(match: re.Match[str]) -> str:
    """Return a comma's replacement: a space when a name in capitals follows ("Trà Lĩnh,
    Tà Lùng"), else the comma as it is."""
    following = match.group(1).split()
    return " " if all(w[0].isupper() for w in following) else match.group(0)


def _bare_scales_dropped(text: str) -> str:
    """Return a question's text without bare scales after numbers, nor "hay" between two
    figures offered."""
    if not any(c.isdigit() for c in text):
        return text
    return _BARE_SCALE.sub(r"\1", _OFFERED.sub(r"\1 ", text))


#: A word of a phrase, for the spellings an analyzer knows.
_WORD = re.compile(r"[^\W\d_]+")


def _strings(data: object) -> Iterator[str]:
    """Yield every string in nested data (the vocabulary's keys and values)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list | tuple | set | frozenset):
        for value in data:
            yield from _strings(value)


class Lazy(Container[str]):
    """A set of strings made on the first look into it."""

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self._make = make
        self._made: frozenset[str] | None = None

    def __contains__(self, key: object) -> bool:
        if self._made is None:
            self._made = self._make()
        return key in self._made
