"""The data classes extraction produces: sentences, actor and event mentions, claims and their mentions."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.documents import Document

if TYPE_CHECKING:
    from kg.rules import Actor, Rules


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    repeated: bool  # inside a paragraph the document already made (boilerplate): claims not re-extracted


@dataclass(frozen=True)
class ActorMention:
    actor: str
    start: int
    end: int
    surface: str
    sentence: int
    resolution: str  # alias | short | pronoun | role | first_person | dateline (sentence -1: in no sentence)


@dataclass(frozen=True)
class EventMention:
    event: str
    start: int
    end: int
    surface: str
    sentence: int


@dataclass(frozen=True, order=True)
class Claim:
    """A proposition; the same proposition stated by several documents is one Claim.

    The event is kept on each mention, not here: "China aided North Korea" is one claim whether
    or not a text ties it to the Korean War, so its sources are counted together.
    """

    subject: str
    relation: str
    object: str
    negated: bool = False

    @property
    def id(self) -> str:
        key = "|".join([self.subject, self.relation, self.object, "neg" if self.negated else "pos"])
        return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Quantity:
    """A figure a sentence gives ("more than 1.2 million volunteers"), as a range of values."""

    text: str
    start: int
    end: int
    kind: str          # what is counted: personnel, deaths, ... (lexicon.yaml quantity.units)
    low: float
    high: float        # math.inf when open-ended ("at least", "millions of")


@dataclass(frozen=True)
class Mention:
    """One document's statement of a claim, with the exact span that makes it."""

    claim: Claim
    predicate: str
    rule: str
    start: int
    end: int
    quote: str
    sentence: int
    polarity: str
    speaker: str | None = None       # actor id the text attributes the claim to
    speaker_name: str | None = None  # the speaker as written, when not a known actor
    year: int | None = None
    event: str | None = None
    quantity: Quantity | None = None

    def id(self, doc_id: str) -> str:
        key = "|".join([doc_id, self.claim.id, str(self.start), str(self.end), self.rule])
        return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass
class Extraction:
    document: Document
    sentences: list[Sentence]
    actors: list[ActorMention]
    events: list[EventMention]
    mentions: list[Mention]
    perspective: str | None = None
    trace: list[dict] = field(default_factory=list)
    discovered: dict[str, Actor] = field(default_factory=dict)  # the document's own actors: no list has them
    rules: Rules | None = None  # the rules as extended by this document's own actors


