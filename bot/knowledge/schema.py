"""Schema of a knowledge file: one resolution as reviewable, validated data.

A knowledge file holds one resolution (``document``) and its parts in document order:
metadata facts, section I, the target groups of II.1 with their targets and figures, the
task groups of II.2 with the schemes, projects and events they name, and section III.
Every searchable part has an ``id`` unique in the knowledge base, a ``title``, the
``source`` wording, and ``aliases`` (the words cadres type for it).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.vietnamese.numbers import UNIT_SIGNS, parse_resolution_number

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=50)]
Text = Annotated[str, Field(min_length=1)]

#: Qualifiers a figure may carry, as the resolution words them.
Comparator = Literal["bằng", "trên", "dưới", "ít nhất", "trở lên"]
#: Direction of change a figure may express ("tăng 7,5%", "giảm ... 3%").
Direction = Literal["tăng", "giảm", "tăng thêm"]
ComputedOperation = Literal["difference", "ratio", "share", "times", "highest", "lowest", "sum"]


class Strict(BaseModel):
    """Base model: unknown fields are errors, so typos in field names are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


ProgressKind = Literal["cumulative", "level", "growth", "reduction"]
"""How the province's value of a figure is formed from the units' reports:

- ``cumulative``: a count or amount over the year (new party members, communes reaching the
  new-rural standard, budget revenue): the sum over units of each one's latest figure;
- ``level``: a rate or level (forest cover, health-insurance coverage): the latest figure;
- ``growth``: a growth rate (GRDP): the latest year-to-date figure;
- ``reduction``: a decrease in percentage points (the poverty rate): the latest figure.
"""

UnitLevel = Literal["thanh-pho", "huyen", "so", "ban", "nganh"]


class Progress(Strict):
    """How a figure is reported during the year, and by whom."""

    kind: ProgressKind
    reporters: list[Id] = Field(
        min_length=1, description="Ids of the units (units.yaml) that report this figure"
    )
    per_unit: bool = Field(
        False, description="The target is each reporting unit's ('mỗi huyện ít nhất 1 trường')"
    )


class Figure(Strict):
    """One figure of a target: a value with its unit, qualifier and source clause."""

    id: Id
    label: Text = Field(description="What is measured, e.g. 'Tỷ lệ che phủ rừng'")
    value: Text = Field(description="The number exactly as written, Vietnamese format ('7,5')")
    unit: str = ""
    comparator: Comparator = "bằng"
    direction: Direction | None = None
    period: str | None = Field(None, description="When it applies, if not the whole year")
    source: Text = Field(description="The clause of the resolution that states it")
    aliases: list[Text] = []
    progress: Progress | None = Field(
        None, description="How units report it during the year (none: it is not reported)"
    )

    @field_validator("value")
    @classmethod
    def _value_is_a_number(cls, value: str) -> str:
        parse_resolution_number(value)
        return value

    @property
    def number(self) -> float:
        """Return the value as a number (Vietnamese convention: '.' thousands, ',' decimal)."""
        return parse_resolution_number(self.value)

    @property
    def statement(self) -> str:
        """Return the figure as the resolution states it: 'tăng trên 6,3%'."""
        unit = self.unit
        amount = (
            f"{self.value}{unit}" if unit in UNIT_SIGNS or not unit else f"{self.value} {unit}"
        )
        words: list[str] = [self.direction or ""]
        if self.comparator in {"trên", "dưới", "ít nhất"}:
            words.append(self.comparator)
        words.append(amount)
        if self.comparator == "trở lên":
            words.append("trở lên")
        return " ".join(w for w in words if w)


class Target(Strict):
    """A numbered target of II.1, with every figure it contains."""

    id: Id
    number: int = Field(ge=1)
    title: Text
    source: Text
    aliases: list[Text] = []
    figures: list[Figure] = Field(min_length=1)


class TargetGroup(Strict):
    """A group of targets (II.1.1 kinh tế ... II.1.4 xây dựng Đảng)."""

    id: Id
    code: Annotated[str, Field(pattern=r"^II\.1\.\d$")]
    title: Text
    aliases: list[Text] = []
    targets: list[Target] = Field(min_length=1)


class Named(Strict):
    """Something a section names: an approved report, a scheme, a project, an event."""

    id: Id
    kind: Text = Field(description="đề án, dự án, sự kiện, nhiệm vụ, văn bản ...")
    title: Text
    source: Text
    aliases: list[Text] = []
    figures: list[Figure] = []


class TaskGroup(Strict):
    """A numbered group of tasks of II.2 and the things it names."""

    id: Id
    code: Annotated[str, Field(pattern=r"^II\.2\.\d$")]
    title: Text = Field(description="A short summary of the group, for lists and buttons")
    source: Text
    aliases: list[Text] = []
    items: list[Named] = []


class Section(Strict):
    """Section I or III: a short title, its wording, and its parts."""

    id: Id
    code: Literal["I", "III"]
    title: Text
    source: Text
    aliases: list[Text] = []
    items: list[Named] = []


class Fact(Strict):
    """A fact about the document itself: who signed it, when the conference met, ..."""

    id: Id
    title: Text
    answer: Text
    source: Text
    aliases: list[Text] = []
    kind: Text | None = Field(
        default=None,
        description="The kind of what the fact names, when it only names it (văn bản: the "
        "documents the resolution is based on, whose content it never gives)",
    )


class Signer(Strict):
    """Who signed, and on whose behalf."""

    on_behalf: Text
    position: Text
    name: Text


class Document(Strict):
    """One resolution."""

    id: Id
    year: int = Field(ge=1945, le=2100, description="The year the targets are set for")
    title: Text
    short_title: Text
    issuer: Text
    conference: Text
    term: Text
    date: dt.date
    signer: Signer
    recipients: list[Text] = Field(min_length=1)
    facts: list[Fact] = []
    section_i: Section
    targets: list[TargetGroup] = Field(min_length=1)
    tasks: list[TaskGroup] = Field(min_length=1)
    section_iii: Section
    unnamed: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description=(
            "Item id → things it speaks of only together, naming none ('các dự án phát triển "
            "đô thị'): asked which they are, the names are not stated"
        ),
    )
    nearest: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description=(
            "Item id → topics the resolution sets no target for, of which that item is the "
            "nearest thing it says (an honest no names it: 'có chỉ tiêu về thất nghiệp không')"
        ),
    )


class Unit(Strict):
    """A reporting unit: a district-level unit, or a provincial department or body."""

    id: Id
    name: Text = Field(description="Its full name: 'Huyện Hà Quảng', 'Sở Y tế'")
    level: UnitLevel
    aliases: list[Text] = []
    merged: list[Text] = Field(
        default=[], description="Former units merged into this one: their names point here"
    )

    @property
    def names(self) -> tuple[str, ...]:
        """Return every name it is known by: its name, aliases and merged units' names."""
        return (self.name, *self.aliases, *self.merged)


class UnitsFile(Strict):
    """The top level of ``units.yaml``."""

    schema_version: Literal[1]
    units: list[Unit] = Field(min_length=1)


class KnowledgeFile(Strict):
    """The top level of a knowledge file."""

    schema_version: Literal[1]
    document: Document


class Framing(Strict):
    """Words about who asks and why: never the topic of a question (see vocabulary.yaml)."""

    clauses: list[Text] = Field(
        default_factory=list, description="A clause starting so describes the asker"
    )
    addresses: list[Text] = Field(
        default_factory=list, description="Skipped before a clause's start is looked at"
    )
    purposes: list[Text] = Field(
        default_factory=list, description="From here to the clause's end: why one asks"
    )
    phrases: list[Text] = Field(default_factory=list, description="Dropped wherever they stand")
    asks: list[Text] = Field(
        default_factory=list,
        description="Openers of the question itself (xin hỏi, cho biết): what follows asks",
    )
    cues: list[Text] = Field(
        default_factory=list,
        description="Words that make a clause a question (gì, nào, bao nhiêu, không)",
    )


class OwnPlace(Strict):
    """The asker's own place: each place word with each owner word ("xã chúng tôi"), and
    whole phrases that say it without a place word ("quê em", "như bọn em")."""

    places: list[Text] = []
    owners: list[Text] = []
    phrases: list[Text] = []


class MentionedOnly(Strict):
    """Things a resolution only names (another document, an event), and what it never says
    of them: their content, or when they take place."""

    kinds: list[Text] = Field(default_factory=list, description="Entry kinds only named")
    content_kinds: list[Text] = Field(
        default_factory=list,
        description="Entry kinds named with their time but never their content (đề án)",
    )
    content: dict[Text, Text] = Field(
        default_factory=dict, description="Phrases asking for the content, and its name"
    )
    time: list[Text] = Field(default_factory=list, description="Phrases asking when")


class FollowUpWords(Strict):
    """Words that make a question a follow-up of the previous one in a conversation."""

    markers: list[Text] = Field(
        default_factory=list, description="It follows on (vậy còn, thì sao, nữa)"
    )
    pointers: list[Text] = Field(
        default_factory=list, description="It points at the previous item (cái đó, nó)"
    )
    asks: list[Text] = Field(
        default_factory=list, description="What it asks of that item (ở mục nào, nguyên văn)"
    )


class Comparison(Strict):
    """Words of questions that compare items (each figure stated, any result computed)."""

    joins: list[Text] = Field(
        default_factory=list, description="Words between the items compared (và, so với, gấp)"
    )
    compounds: list[Text] = Field(
        default_factory=list,
        description="Words a join begins that are no join (cộng sản, cộng đồng)",
    )
    superlatives: list[Text] = Field(
        default_factory=list, description="Words asking for the highest or lowest (cao nhất)"
    )
    asks: list[Text] = Field(
        default_factory=list,
        description="Words that only ask how items compare (cái nào cao, chênh bao nhiêu)",
    )
    cues: list[Text] = Field(
        default_factory=list,
        description="Words that make a question a comparison (so với, cái nào, chênh lệch)",
    )
    computed: dict[Text, ComputedOperation] = Field(
        default_factory=dict,
        description="Words asking a result the bot computes from the figures (chênh lệch)",
    )


class SmallTalk(Strict):
    """Messages that are not questions: greetings, thanks, who the bot is, how to use it."""

    address: list[Text] = Field(default_factory=list, description="Words addressing the bot")
    greeting: list[Text] = []
    thanks: list[Text] = []
    farewell: list[Text] = []
    identity: list[Text] = []
    how_to: list[Text] = []


class AbbreviationBeside(Strict):
    """An abbreviation with two meanings, read as one only beside words of that meaning."""

    means: Text
    beside: list[Text] = Field(
        min_length=1, description="Words of the same message that settle the meaning"
    )


class BorderGates(Strict):
    """Border gates by name: places, never topics; a figure asked of one is not stated."""

    names: list[Text] = Field(min_length=1, description="The gates' names (Tà Lùng, Trà Lĩnh)")
    attribute: Text = Field(
        description="What the resolution does not state when a figure of one gate is asked"
    )


class Vocabulary(Strict):
    """Language data shared by every resolution: abbreviations, shorthand, stopwords, places."""

    schema_version: Literal[1]
    abbreviations: dict[str, Text] = Field(
        description="Unambiguous abbreviations expanded in questions (bhyt: bảo hiểm y tế)"
    )
    shorthand: dict[str, Text] = Field(description="Chat shorthand expanded in questions")
    abbreviations_beside: dict[str, AbbreviationBeside] = Field(
        default_factory=dict,
        description="Ambiguous abbreviations, expanded where the message says what they mean "
        "(nk beside xk: nhập khẩu, else nhiệm kỳ)",
    )
    synonyms: list[list[Text]] = Field(
        description="Groups of phrases that mean the same; each group is matched as its first"
    )
    stop_phrases: list[Text]
    stop_words: list[Text]
    tail_particles: list[Text] = Field(description="Dropped only at the end of a question")
    chat_words: list[Text] = Field(
        default_factory=list,
        description="Words of the chat (em, xem, gửi): dropped unless a phrase spells them",
    )
    units: dict[str, Text] = Field(
        default_factory=dict,
        description="Units as typed (triệu đô) mapped to a unit of the figures (triệu USD)",
    )
    unit_classes: dict[Text, Text] = Field(
        default_factory=dict,
        description="What a unit measures (money, share): a figure asked in money is not a %",
    )
    counted_nouns: list[Text] = Field(
        default_factory=list,
        description="Nouns counted after 'bao nhiêu' (tiêu chí, người, km): a figure in them",
    )
    counted_as: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Units that also count a counted noun (người: đảng viên, bác sỹ)",
    )
    count_words: list[Text] = Field(description="Words that ask for a count (bao nhiêu, mấy)")
    count_nouns: dict[
        str, Literal["targets", "tasks", "figures", "groups", "sections", "schemes", "projects"]
    ]
    list_words: list[Text] = Field(
        default_factory=list, description="Words that ask for a list (kể hết, liệt kê)"
    )
    list_determiners: list[Text] = Field(
        default_factory=list,
        description="Plural words that ask for a list of targets, tasks, schemes, projects",
    )
    count_fillers: list[Text] = Field(
        default_factory=list, description="Words between a count or list word and its noun"
    )
    count_trailers: list[Text] = Field(
        default_factory=list,
        description="Words around a count or list that name no topic (lớn, chính, tóm tắt)",
    )
    province: Text
    provinces: list[Text] = Field(
        description="Other provinces: questions about them are out of scope"
    )
    districts: list[Text] = Field(description="Districts of the province")
    framing: Framing = Field(default_factory=Framing)
    yes_no: list[Text] = Field(
        default_factory=list, description="Tags of a yes/no question (đúng không, có … không)"
    )
    yes_no_if_asked: list[Text] = Field(
        default_factory=list,
        description="Tags of a yes/no question only when it ends with không/chưa (có chỉ tiêu …)",
    )
    not_stated: dict[Text, Text] = Field(
        default_factory=dict, description="Attributes a resolution never states, and their name"
    )
    asks_who: list[Text] = Field(
        default_factory=list, description="Words asking who (ai, đơn vị nào, cơ quan nào)"
    )
    who_markers: list[Text] = Field(
        default_factory=list,
        description="Words of an item's wording that name who does it (giao cho, chủ trì, ký)",
    )
    uncovered_topics: list[Text] = Field(
        default_factory=list,
        description="Topics cadres ask that such a resolution never covers (lương cơ sở)",
    )
    roles: list[Text] = Field(
        default_factory=list,
        description="Positions a premise may name as the signer (chủ tịch UBND tỉnh, bí thư)",
    )
    bodies: list[Text] = Field(
        default_factory=list,
        description="Bodies a premise may name as doing a task (Văn phòng Tỉnh uỷ, UBKT)",
    )
    per_unit_cues: list[Text] = Field(
        default_factory=list,
        description="Words asking a count for each place (mỗi huyện, từng xã)",
    )
    own_cues: list[Text] = Field(
        default_factory=list,
        description="Words asking a place's own figure (riêng huyện Bảo Lâm, giao riêng cho xã)",
    )
    border_gates: BorderGates | None = Field(
        default=None,
        description="Border gates by name (cửa khẩu Tà Lùng): a place, never a topic",
    )
    possessive_cues: list[Text] = Field(
        default_factory=list,
        description="Words right before a named place asking its own figure (của huyện Bảo Lâm)",
    )
    total_cues: list[Text] = Field(
        default_factory=list,
        description="Words asking the province's total of a figure set for each district",
    )
    share_cues: list[Text] = Field(
        default_factory=list,
        description="Words after a quoted figure that ask a share of it (thì mỗi huyện …)",
    )
    requests_refused: dict[Text, Text] = Field(
        default_factory=dict,
        description="Services a question bot does not give (dịch sang tiếng Anh), and their name",
    )
    mentioned_only: MentionedOnly = Field(default_factory=MentionedOnly)
    follow_up: FollowUpWords = Field(default_factory=FollowUpWords)
    comparison: Comparison = Field(default_factory=Comparison)
    reverse_generic: list[Text] = Field(
        default_factory=list,
        description="Words beside a figure that name no topic (con số, ứng với, ngành nào)",
    )
    own_place: OwnPlace = Field(default_factory=OwnPlace)
    small_talk: SmallTalk = Field(default_factory=SmallTalk)

    @field_validator("synonyms")
    @classmethod
    def _groups_have_two(cls, groups: list[list[str]]) -> list[list[str]]:
        for group in groups:
            if len(group) < 2:
                raise ValueError(f"a synonym group needs at least two phrases: {group}")
        return groups


_ID_FIELDS = ("facts", "targets", "figures", "tasks", "items")


def iter_ids(node: BaseModel, path: str = "document") -> list[tuple[str, str]]:
    """Return (path, id) for every model with an id under ``node``, in document order."""
    found: list[tuple[str, str]] = []
    item_id = getattr(node, "id", None)
    if isinstance(item_id, str):
        found.append((path, item_id))
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            found += iter_ids(value, f"{path}.{name}")
        elif isinstance(value, list) and name in _ID_FIELDS:
            for index, child in enumerate(value):
                if isinstance(child, BaseModel):
                    found += iter_ids(child, f"{path}.{name}[{index}]")
    return found


def iter_reporters(document: Document) -> list[tuple[str, str]]:
    """Return (path, unit id) for every unit a figure of the document says reports it."""
    found: list[tuple[str, str]] = []
    for dotted, _ in iter_ids(document):
        node = _at(document, dotted)
        if isinstance(node, Figure) and node.progress is not None:
            found += [
                (f"{dotted}.progress.reporters[{at}]", unit)
                for at, unit in enumerate(node.progress.reporters)
            ]
    return found


def _at(root: BaseModel, dotted: str) -> object:
    """Return the node a path of :func:`iter_ids` names."""
    node: object = root
    for part in dotted.split(".")[1:]:
        name, _, index = part.partition("[")
        node = getattr(node, name)
        if index:
            node = node[int(index.rstrip("]"))]  # type: ignore[index]
    return node
