"""Load the data files under ontology/: gazetteers, lexicon and relation patterns."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import yaml

from kg.errors import RulesError
from kg.user_dirs import user_cache_dir

def _ontology_dir() -> Path:
    """KG_ONTOLOGY if set; the source tree's ontology/; or the copy installed inside the package."""
    if os.environ.get("KG_ONTOLOGY"):
        return Path(os.environ["KG_ONTOLOGY"])
    here = Path(__file__).resolve().parent
    source = here.parent / "ontology"
    return source if (source / "actors.yaml").exists() else here / "ontology"


ONTOLOGY_DIR = _ontology_dir()
ACTOR_TYPES = ("state", "organisation", "military_unit", "person", "group", "media_outlet")
RELATIONS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "LEADER_OF", "MEMBER_OF")
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "affiliation")

# Slot tokens stand for actor mentions in a masked sentence; private-use characters cannot
# collide with real text (kg/extract/masking.py blanks any that occur in a document).
SLOT_OPEN, SLOT_CLOSE = "\ue000", "\ue001"
SLOT = f"{SLOT_OPEN}\\d+{SLOT_CLOSE}"
# "A and B", "A, B and C", "A, B and other countries"; a bare "A, B" is not a coordination
_NEXT = f"(?:the\\s+)?{SLOT}"
# "the U.S.-South Korea drills" names both sides: a hyphenated pair counts as a coordination
_SLOT_LIST = (f"{SLOT}(?:-{SLOT})*(?:(?:,\\s*{_NEXT})*(?:,?\\s+(?:and|or)\\s+{_NEXT}"
              r"|,?\s+and\s+other\s+(?:countries|states|nations|parties|forces)))?")
_TITLES = "leader|president|premier|chairman|ambassador|commander|general|marshal"
_HEAD = (r"(?:\s+(?:army|armies|troops|forces|soldiers|side|government|authorities|military|leadership|leaders|"
         r"border guards|units?|divisions?))?")


@dataclass(frozen=True)
class Represents:
    actor: str
    start: int
    end: int
    names: tuple[str, ...] = ()  # for `was`: only these names of the actor meant the other one then


@dataclass(frozen=True)
class Role:
    actor: str
    sector: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    short: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    party: str | None = None
    represents: tuple[Represents, ...] = ()
    # in these years the same names meant another actor ("Russia" in 1969 is the Soviet Union)
    was: tuple[Represents, ...] = ()
    # in these years the state was divided: its bare name means the one part the text names ("Korea" in a
    # 1962 text about the North is North Korea)
    divided: tuple[Represents, ...] = ()
    perspective_cues: tuple[str, ...] = ()
    iso3: str | None = None      # ISO 3166-1 alpha-3 of the actor's state; IGO / NGO for international bodies
    sector: str | None = None    # GOV, MIL, POLICE, REB, ... as the field's dictionaries code it
    roles: tuple[Role, ...] = ()  # date-bounded roles from the field's dictionaries (a minister of Iraq in 1990)
    listed: bool = True          # False for an actor found by NER that no gazetteer lists


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    aliases: tuple[str, ...]
    start: int | None = None
    end: int | None = None
    wikidata: str | None = None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    text: str
    claims: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Pattern:
    id: str
    relation: str
    predicate: str
    source: str
    expanded: str    # the source with its macros expanded: what `regex` is compiled from
    symmetric: bool
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[str, ...] = ()
    middle_types: tuple[str, ...] = ()
    subject_types: tuple[str, ...] = ACTOR_TYPES  # "Chinese ground forces under the CPV": a state is no member
    object_types: tuple[str, ...] = ACTOR_TYPES
    object_is: str | None = None  # "country": the object is the subject's own state ("Kosygin, the premier")

    @cached_property
    def regex(self) -> re.Pattern:
        """Compiled when first used (the rules are checked by compiling it once when read): the 99 patterns
        take 0.3 s to compile, which a command that extracts nothing, such as a cached `kg add`, never pays."""
        return re.compile(self.expanded, _PATTERN_FLAGS)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "regex"}  # saved and sent uncompiled


@dataclass(frozen=True)
class AttributionPattern:
    id: str
    regex: re.Pattern


@dataclass(frozen=True)
class MetadataPattern:
    field: str
    regex: re.Pattern
    lines: int


@dataclass(frozen=True)
class Quantities:
    """How figures are read: which relations carry them, what they count, how modifiers widen them."""

    relations: frozenset[str]
    regex: re.Pattern
    units: dict[str, str]                       # lower-case noun -> kind
    modifiers: dict[str, tuple[float, float]]
    vague: dict[str, tuple[float, float]]
    scales: dict[str, float]

    def kind_of(self, unit: str) -> str:
        return self.units[unit.lower()]

    def value(self, m: re.Match) -> tuple[float, float] | None:
        """The range a quantity match stands for, or None when it is not a figure (a year, say)."""
        if m.group("vague"):
            low, high = self.vague[" ".join(m.group("vague").lower().split())]
        else:
            try:
                low = high = float(m.group("n1").replace(",", ""))
                if m.group("n2"):
                    high = float(m.group("n2").replace(",", ""))
            except ValueError:
                return None
            scale = self.scales.get((m.group("scale") or "").lower(), 1)
            low, high = low * scale, high * scale
            if not m.group("scale") and not m.group("n2") and 1800 <= low <= 2100 and low == int(low) \
                    and "," not in m.group("n1"):
                return None  # "1950 Chinese volunteers" is far likelier a year than a head count
        if m.group("mod"):
            lo, hi = self.modifiers[" ".join(m.group("mod").lower().split())]
            low, high = low * lo, high * hi
        return low, high


def _quantities(spec: dict, where: str) -> Quantities:
    units = {noun.lower(): kind for kind, nouns in (spec.get("units") or {}).items() for noun in nouns}
    modifiers = {k: (float(v[0]), float(v[1])) for k, v in (spec.get("modifiers") or {}).items()}
    vague = {k: (float(v[0]), float(v[1])) for k, v in (spec.get("vague") or {}).items()}
    scales = {k: float(v) for k, v in (spec.get("scales") or {}).items()}

    def alt(words) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    source = (rf"(?<![\w.,])(?:(?P<mod>{alt(modifiers)})\s+)?"
              rf"(?:(?P<n1>{number})(?:\s*(?:to|-|–|~)\s*(?P<n2>{number}))?(?:\s+(?P<scale>{alt(scales)}))?"
              rf"|(?P<vague>{alt(vague)}))"
              rf"(?:\s+of)?\s+(?:[\w'-]+\s+){{0,2}}?(?P<unit>{alt(units)})\b")
    try:
        regex = re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: invalid quantity words: {exc.msg}") from None
    return Quantities(frozenset(spec.get("relations") or ()), regex, units, modifiers, vague, scales)


@dataclass(frozen=True)
class SharedSubject:
    """Where a later verb shares an earlier subject: "A, who led B" and "A drove north and captured B"."""
    subject: re.Pattern    # an actor slot (group S) followed by its verb
    relative: re.Pattern   # an actor slot (group S) followed by "who" and a verb
    next_verb: re.Pattern  # "and" (or "but", "then") before a verb of the same subject, or ", wanting to"


def _shared_subject(entry: dict, macros: dict[str, str]) -> SharedSubject:
    where = "lexicon.yaml: shared_subject"
    try:
        verbs = "|".join(sorted((re.escape(v) for v in entry["verbs"]), key=len, reverse=True))
        verb = f"{entry['adverbs']}(?:[a-z]+ed|{verbs})\\b"
        return SharedSubject(
            subject=_compile(f"(?P<S>{SLOT}){_HEAD}{{PAREN}}\\s+(?:who\\s+|which\\s+)?{verb}", macros, where),
            relative=_compile(f"(?P<S>{SLOT}){_HEAD}{entry['relative']}(?={verb})", macros, where),
            next_verb=_compile(f"{entry['coordination']}(?={verb})|{entry.get('participle') or '(?!)'}", macros, where))
    except (KeyError, TypeError) as exc:
        raise RulesError(f"{where}: needs relative, coordination, adverbs and verbs ({exc})") from None


def _role_nouns(entry: dict) -> dict[str, str]:
    out = {}
    for kind, nouns in entry.items():
        if kind not in ACTOR_TYPES:
            raise RulesError(f"lexicon.yaml: role_nouns: unknown actor type {kind!r}")
        out.update({str(n): kind for n in nouns})
    return out


def _combining_forms(forms: dict, actors: dict[str, Actor]) -> dict[str, str]:
    for form, actor in forms.items():
        if actor not in actors:
            raise RulesError(f"lexicon.yaml: combining_forms: {form!r} names unknown actor {actor!r}")
    return {str(k): str(v) for k, v in forms.items()}


def _relation_classes(spec: dict, where: str) -> dict[str, str]:
    unknown = [c for c in (spec or {}) if c not in QUAD_CLASSES]
    if unknown:
        raise RulesError(f"{where}: unknown class {unknown[0]!r}; use one of {', '.join(QUAD_CLASSES)}")
    classes = {rel: cls for cls, rels in (spec or {}).items() for rel in rels}
    missing = [r for r in RELATIONS if r not in classes]
    if missing:
        raise RulesError(f"{where}: relation_classes gives no class for {', '.join(missing)}")
    return classes


@dataclass(frozen=True)
class VerbEntry:
    """A verb of the verb lexicon: lemma (+ particle or preposition, + object nouns) -> PLOVER type."""

    id: str
    lemma: str
    relation: str
    particle: str | None = None
    object_words: frozenset[str] = frozenset()
    cameo: str | None = None
    curated: bool = False  # from an analyst's verbs.yaml, not the derived lexicon: wins over it


@dataclass(frozen=True)
class NounFrame:
    noun: str
    relation: str
    object_preps: tuple[str, ...]
    modifiers: frozenset[str] = frozenset()  # the noun is the act only with one of these ("military operation")
    against: str | None = None  # the act when aimed "against" someone ("exercises against the DPRK": MOBILIZE)


@dataclass(frozen=True)
class Construction:
    """A structural rule of the frame matcher, with the examples `kg rules test` runs."""

    id: str
    description: str
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass
class Frames:
    """Everything the parse-based matcher reads: verbs, event nouns, agent nouns, construction words."""

    verbs: dict[tuple[str, str | None], VerbEntry]
    object_verbs: dict[str, list[VerbEntry]]      # lemma -> entries that need an object noun ("send troops")
    nouns: dict[str, NounFrame]
    agents: dict[str, str]                         # agent noun (lemmas, lower case) -> sector
    complements: dict[str, str]
    hedge_governors: frozenset[str]
    denial: frozenset[str]
    speech: frozenset[str]
    hedge_adverbs: frozenset[str]
    partitives: frozenset[str]
    body_nouns: frozenset[str]
    leader_titles: frozenset[str]
    object_preps: tuple[str, ...]
    mutual: frozenset[str]
    between_relations: frozenset[str]  # "a dispute between X and Y" is each one's act on the other
    constructions: list[Construction]
    stoppers: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    weapon_nouns: frozenset[str] = frozenset()
    spoils: frozenset[str] = frozenset()  # taken in a fight, not whose it was attacked ("captured Japanese guns")
    places: dict[str, str] = field(default_factory=dict)  # city -> its state, for the targets of attacks
    allegation: frozenset[str] = frozenset()
    official_titles: frozenset[str] = frozenset()
    sub_bodies: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    collective_agent_nouns: frozenset[str] = frozenset()  # "a militia", "a drug gang": one is a group
    movement_words: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    state_forms: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    partner_complements: frozenset[str] = frozenset()
    proposals: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    membership_verbs: frozenset[str] = frozenset()
    serving_titles: frozenset[str] = frozenset()
    mediated_nouns: frozenset[str] = frozenset()  # "talks mediated by Russia", "a Russia-brokered ceasefire"
    mediating_verbs: frozenset[str] = frozenset()
    mediating_participles: frozenset[str] = frozenset()
    mediation_words: frozenset[str] = frozenset()  # "under the mediation of Saudi Arabia"
    acting_complements: frozenset[str] = frozenset()  # "helped broker a pause": brokered it
    collective_bodies: frozenset[str] = frozenset()  # "an alliance of 30 states": its members
    topic_participles: frozenset[str] = frozenset()  # "the facts surrounding the murders": no act
    voice_nouns: frozenset[str] = frozenset()  # "a letter from Mali's foreign ministry alleges": the ministry  # "Iranian commander X" serves Iran; "Hamas chief X" leads Hamas
    allegation_nouns: frozenset[str] = frozenset()  # "the TPLF's allegation of an attack by Eritrean troops"  # "a coalition consisting of X and Y"  # "refused to threaten India": the act is not done  # "agreed to Khrushchev's proposal": agreeing with its author
    commitments: frozenset[str] = frozenset()
    alliance_adjectives: frozenset[str] = frozenset()
    taking_verbs: frozenset[str] = frozenset()  # "captured the Sinai from Egypt": an attack on Egypt
    arming_verbs: frozenset[str] = frozenset()  # "supplied the RSF with missiles to fight Y": the RSF is to fight
    ally_nouns: dict[str, str] = field(default_factory=dict)  # "Iran, an ally of Syria": the two cooperate
    companion_words: frozenset[str] = frozenset()  # "X, along with Y, attacked": Y attacked too, with X
    pitting_verbs: frozenset[str] = frozenset()  # "a conflict pitting X against Y": they fight each other
    regime_nouns: frozenset[str] = frozenset()
    border_words: frozenset[str] = frozenset()  # "troops on Ukraine's border": a show of force at Ukraine
    reciprocal_nouns: frozenset[str] = frozenset()  # "a war with Y": fought by both
    suffering_verbs: frozenset[str] = frozenset()  # "faced attacks from Y": Y attacked the subject
    press_words: frozenset[str] = frozenset()  # "told reporters": no one met
    warning_verbs: frozenset[str] = frozenset()  # "warned that Y will pay a price": a threat to Y
    warned_fates: frozenset[str] = frozenset()
    warned_consequences: frozenset[str] = frozenset()  # "warned of consequences if Y does not ...": a threat to Y
    threat_nouns: frozenset[str] = frozenset()  # "vowed retaliation against Y": a threat to Y
    topic_nouns: frozenset[str] = frozenset()  # "a resolution on Syria": about it, not aimed at it
    blamed_things: frozenset[str] = frozenset()  # "X is responsible for the escalation": an accusation
    military_ranks: frozenset[str] = frozenset()  # "India's Major General X" serves India
    reacting_verbs: frozenset[str] = frozenset()  # "revenged the killing of X": the killing is someone else's
    threat_for_nouns: frozenset[str] = frozenset()  # "promised punishment for Y": a threat to Y
    drawing_verbs: frozenset[str] = frozenset()  # "drew condemnation from Y": Y condemned the subject
    asked_acts: frozenset[str] = frozenset()  # "demanded the resignation of X": asked of X
    office_verbs: frozenset[str] = frozenset()
    expelling_verbs: frozenset[str] = frozenset()
    intent_nouns: frozenset[str] = frozenset()
    appeal_verbs: frozenset[str] = frozenset()
    event_anaphors: frozenset[str] = frozenset()  # "condemned the attack": the act told just before
    branding_verbs: frozenset[str] = frozenset()  # "called the attack a war crime"
    accusatory_nouns: frozenset[str] = frozenset()
    alleging_verbs: frozenset[str] = frozenset()  # "X alleged that Y committed ...": X accuses Y
    joint_verbs: frozenset[str] = frozenset()  # "X and Y held talks": done with each other
    reciprocal_verbs: frozenset[str] = frozenset()  # "X and Y traded accusations": each to the other
    home_nouns: frozenset[str] = frozenset()  # "the military", "the authorities": a text's one state's
    government_nouns: frozenset[str] = frozenset()  # "the government": the state whose leader was just named
    preparing_verbs: frozenset[str] = frozenset()  # "massed troops to invade Y": what they are done for is intended
    close_ties: frozenset[str] = frozenset()  # "X-Y relations were very close": each aligns with the other
    entering_verbs: frozenset[str] = frozenset()  # "the Soviet army entered Afghanistan"
    armed_nouns: frozenset[str] = frozenset()  # "Tigrayan forces", "Kurdish fighters": a people's armed group
    institution_nouns: frozenset[str] = frozenset()  # "hospitals", "schools": places, no group of people
    generic_body_words: frozenset[str] = frozenset()  # "Foreign Affairs Ministry": every state has one
    ministry_fields: dict[str, str] = field(default_factory=dict)  # "foreign" -> "Foreign Affairs"
    family_name_first: frozenset[str] = frozenset()  # states whose people's names open with the family name
    message_nouns: frozenset[str] = frozenset()  # "In a letter to Y, X said": X addressed Y
    backing_participles: dict[str, str] = field(default_factory=dict)


@dataclass
class Rules:
    actors: dict[str, Actor]
    events: dict[str, Event]
    patterns: list[Pattern]
    attributions: list[AttributionPattern]
    negation: re.Pattern
    hedge: re.Pattern
    hedge_sentence: re.Pattern
    negation_exceptions: re.Pattern
    clause_openers: re.Pattern
    conditions: re.Pattern  # "if", "unless": a claim in the clause they open is only supposed
    requests: re.Pattern  # "urged", "called on": the act of the one asked ("urged X to condemn Y") is only asked for
    year: re.Pattern
    pronouns: dict[str, tuple[str, ...]]
    first_person: dict[str, tuple[str, ...]]
    not_actors: tuple[str, ...]
    combining_forms: dict[str, str]
    expletive_after: re.Pattern
    adjective_nouns: frozenset[str]
    metadata: list[MetadataPattern]
    digest: str
    relation_classes: dict[str, str] = field(default_factory=dict)
    initiation_predicates: frozenset[str] = frozenset()
    quantities: Quantities | None = None
    shared_subject: SharedSubject | None = None
    role_nouns: dict[str, str] = field(default_factory=dict)  # noun -> actor type it refers to
    role_titles: tuple[str, ...] = ()  # "the chairman": the person last named with that title
    head_nouns: tuple[str, ...] = ()  # "the council": the body last named whose name ends so
    not_actor_forms: tuple[str, ...] = ()  # "Sea of {name}": a state's name inside a place's
    common_word_surnames: frozenset[str] = frozenset()  # "Begin", "Ford": a leader only with a title or full name
    by_label: dict[str, str] = field(default_factory=dict)
    frames: Frames | None = None

    def actor_by_name(self, name: str) -> Actor | None:
        """Find an actor by id, label or any alias (case-insensitive)."""
        key = self.by_label.get(name.strip().lower())
        return self.actors.get(key) if key else None


# libyaml's loader where PyYAML has it: the derived gazetteer is megabytes
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path):
    """A rule file's data: YAML, or JSON Lines for the derived lexicons."""
    if path.suffix == ".jsonl":
        return _load_jsonl(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise RulesError(f"{path}: rule file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulesError(f"{path}: malformed YAML at {where}: {problem}") from None


def _load_jsonl(path: Path) -> list:
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise RulesError(f"{path}: line {n}: malformed JSON: {exc.msg}") from None
    return out


def _cue_regex(cues: list[str]) -> re.Pattern:
    # contractions ("n't") attach to the word before them, so they get no left boundary
    words = sorted({c for c in cues if not c.startswith("n'")}, key=len, reverse=True)
    parts = [rf"(?<![\w'])(?:{'|'.join(re.escape(w) for w in words)})(?!\w)"] if words else []
    parts += [re.escape(c) + r"\b" for c in cues if c.startswith("n'")]
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def _expand(source: str, macros: dict[str, str], where: str) -> str:
    """Replace {X} {Y} {XS} {ANY} {S} and {MACRO} in a pattern with regular-expression text."""
    def repl(m: re.Match) -> str:
        name = m.group(1)
        if name == "X":
            # "North Korean leader Kim Il Sung asked ...": the person acts, not the state before the title
            return f"(?P<X>{_SLOT_LIST}){_HEAD}(?!\\s+(?:[a-z]+\\s+)?(?:{_TITLES})\\s+{SLOT})"
        if name == "Y":
            return f"(?P<Y>{_SLOT_LIST}){_HEAD}"
        if name == "XS":
            # "A and B", "A, B and C", and the hyphenated pair "Sino-Soviet" / "U.S.-South Korea"
            return f"(?P<XS>{SLOT}(?:(?:,\\s*(?:and\\s+)?|\\s+and\\s+|-){_NEXT})+){_HEAD}"
        if name == "M":
            return f"(?P<M>{SLOT}){_HEAD}"
        if name == "ANY":
            return f"(?:{SLOT}){_HEAD}"
        if name in macros:
            return f"(?:{macros[name]})"
        raise RulesError(f"{where}: unknown macro {{{name}}}")
    # expand macros that use other macros too, a few levels deep
    text = source
    for _ in range(3):
        text = re.sub(r"\{([A-Z][A-Z_]*)\}", repl, text)
    return text


_PATTERN_FLAGS = re.IGNORECASE


def _compile(source: str, macros: dict[str, str], where: str) -> re.Pattern:
    text = _expand(source, macros, where)
    try:
        return re.compile(text, _PATTERN_FLAGS)
    except re.error as exc:
        raise RulesError(f"{where}: invalid pattern at position {exc.pos}: {exc.msg}") from None


def _require(entry: dict, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(entry, dict):
        raise RulesError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing = [k for k in keys if not entry.get(k)]
    if missing:
        raise RulesError(f"{where}: missing field(s) {', '.join(missing)}")


_ID = re.compile(r"[a-z0-9_][a-z0-9_.-]*")


def _check_id_and_qid(e: dict, where: str, kind: str) -> None:
    """Ids and Wikidata QIDs become IRIs: a space or a stray character is an error here, not a traceback later."""
    if not isinstance(e["id"], str) or not _ID.fullmatch(e["id"]):
        raise RulesError(f"{where}: {kind} id {e['id']!r} must be lower-case letters, digits and _ . - (no spaces)")
    if e.get("wikidata") is not None and not re.fullmatch(r"Q\d+", str(e["wikidata"])):
        raise RulesError(f"{where} ({e['id']}): wikidata must be a QID like Q148, not {e['wikidata']!r}")


def _actor(e: dict, where: str) -> Actor:
    _require(e, ("id", "label", "type", "aliases"), where)
    _check_id_and_qid(e, where, "actor")
    if e["type"] not in ACTOR_TYPES:
        raise RulesError(f"{where} ({e['id']}): unknown type {e['type']!r}; use one of {', '.join(ACTOR_TYPES)}")
    try:
        reps = tuple(Represents(r["actor"], int(r["from"]), int(r["to"])) for r in e.get("represents") or [])
        was = tuple(Represents(r["actor"], int(r.get("from", -10000)), int(r.get("to", 10000)),
                               tuple(str(n) for n in r.get("names") or ()))
                    for r in e.get("was") or [])
        divided = tuple(Represents(r["actor"], int(r.get("from", -10000)), int(r.get("to", 10000)))
                        for r in e.get("divided") or [])
        roles = tuple(Role(r["actor"], r.get("sector"), int(r.get("from", 0)), int(r.get("to", 9999)))
                      for r in e.get("roles") or [])
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"{where} ({e['id']}): represents, was and roles entries need an actor and whole-number "
                         f"years ({exc})") from None
    return Actor(
        id=e["id"], label=str(e["label"]), type=e["type"], aliases=tuple(str(a) for a in e["aliases"]),
        short=tuple(str(a) for a in e.get("short") or []), wikidata=e.get("wikidata"),
        country=e.get("country"), party=e.get("party"), represents=reps, was=was, divided=divided,
        perspective_cues=tuple(e.get("perspective_cues") or []), iso3=e.get("iso3"), sector=e.get("sector"),
        roles=roles)


def _load_actors(path: Path, actors: dict[str, Actor] | None = None, derived: bool = False) -> dict[str, Actor]:
    """Actors of one file over those loaded before: the same id replaces (a derived entry only adds names)."""
    actors = dict(actors or {})
    seen: set[str] = set()
    taken = {a: x.id for x in actors.values() for a in x.aliases} if derived else {}
    for i, e in enumerate(_load_yaml(path) or []):
        where = f"{path.name}: entry {i + 1}"
        a = _actor(e, where)
        if a.id in seen:
            raise RulesError(f"{where}: duplicate actor id {a.id!r}")
        seen.add(a.id)
        if derived:
            # the curated gazetteer stays on top: its names and facts win, the dictionaries add the rest
            old = actors.get(a.id)
            aliases = tuple(x for x in a.aliases if taken.get(x, a.id) == a.id)
            if a.type in ("organisation", "group"):
                # the dictionaries write one-word names in capitals, so "Ecowas" may be an acronym the
                # news writes "ECOWAS" (British papers write "Ecowas"): both are the name
                aliases += tuple(x.upper() for x in aliases if " " not in x and len(x) >= 4 and x[1:].islower()
                                 and x.upper() not in taken and x.upper() not in aliases)
            if old:
                actors[a.id] = replace(old, aliases=old.aliases + tuple(x for x in aliases if x not in old.aliases),
                                       iso3=old.iso3 or a.iso3, sector=old.sector or a.sector,
                                       roles=old.roles or a.roles)
                continue
            if not aliases:
                continue
            a = replace(a, aliases=aliases)
        actors[a.id] = a
    return actors


def _check_actor_refs(actors: dict[str, Actor]) -> None:
    for a in actors.values():
        for ref in [a.country, a.party, *(r.actor for r in a.represents), *(r.actor for r in a.was),
                    *(r.actor for r in a.divided),
                    *(r.actor for r in a.roles)]:
            if ref and ref not in actors:
                raise RulesError(f"actors: actor {a.id!r} refers to unknown actor {ref!r}")


def _entries(paths: list[Path]) -> list[tuple[Path, int, dict]]:
    """(file, index, entry) of several rule files; a later entry with the same id replaces an earlier one."""
    by_id: dict = {}
    for path in paths:
        seen = set()
        for i, e in enumerate(_load_yaml(path) or []):
            key = e.get("id") if isinstance(e, dict) and e.get("id") else (path, i)
            if key in seen:
                raise RulesError(f"{path.name}: entry {i + 1}: duplicate id {key!r}")
            seen.add(key)
            by_id[key] = (path, i, e)
    return list(by_id.values())


def _load_events(paths: list[Path], actors: dict[str, Actor]) -> dict[str, Event]:
    events: dict[str, Event] = {}
    for path, i, e in _entries(paths):
        where = f"{path.name}: entry {i + 1}"
        _require(e, ("id", "label", "aliases"), where)
        _check_id_and_qid(e, where, "event")
        for p in e.get("participants") or []:
            if p not in actors:
                raise RulesError(f"{where} ({e['id']}): unknown participant {p!r}")
        events[e["id"]] = Event(id=e["id"], label=e["label"], aliases=tuple(e["aliases"]),
                                start=e.get("start"), end=e.get("end"), wikidata=e.get("wikidata"),
                                participants=tuple(e.get("participants") or []))
    return events


def _load_patterns(paths: list[Path], macros: dict[str, str]) -> list[Pattern]:
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for path, i, e in _entries(paths):
        where = f"{path.name}: pattern {i + 1}"
        _require(e, ("id", "relation", "predicate", "pattern"), where)
        where = f"{path.name}: pattern {e['id']!r}"
        if e["id"] in seen:
            raise RulesError(f"{where}: duplicate id")
        seen.add(e["id"])
        if e["relation"] not in RELATIONS:
            raise RulesError(f"{where}: unknown relation {e['relation']!r}")
        regex = _compile(e["pattern"], macros, where)
        groups = set(regex.groupindex)
        symmetric = "XS" in groups
        implicit = e.get("object_is")
        if implicit not in (None, "country"):
            raise RulesError(f"{where}: object_is must be 'country', not {implicit!r}")
        if not symmetric and not ({"X", "Y"} <= groups or (implicit and "X" in groups)):
            raise RulesError(f"{where}: a pattern needs both {{X}} and {{Y}}, or {{XS}}, or {{X}} and object_is")
        examples = []
        for ex in e.get("examples") or []:
            claims = tuple(tuple(str(v) for v in c) for c in ex.get("claims") or [])
            for c in claims:
                if len(c) not in (3, 4) or c[1] not in RELATIONS:
                    raise RulesError(f"{where}: malformed example claim {list(c)}")
            examples.append(Example(ex["text"], claims))
        types = {}
        for key in ("middle_types", "subject_types", "object_types"):
            types[key] = tuple(e.get(key) or ACTOR_TYPES)
            unknown = sorted(set(types[key]) - set(ACTOR_TYPES))
            if unknown:
                raise RulesError(f"{where}: {key} names unknown actor types {unknown}")
        patterns.append(Pattern(e["id"], e["relation"], e["predicate"], e["pattern"], regex.pattern, symmetric,
                                tuple(examples), tuple(e.get("counter_examples") or []), object_is=implicit,
                                **types))
    return patterns


def _load_metadata(path: Path) -> list[MetadataPattern]:
    out = []
    for i, e in enumerate(_load_yaml(path) or []):
        where = f"{path.name}: entry {i + 1}"
        _require(e, ("field", "pattern"), where)
        try:
            regex = re.compile(e["pattern"], re.MULTILINE)
        except re.error as exc:
            raise RulesError(f"{where}: invalid pattern at position {exc.pos}: {exc.msg}") from None
        out.append(MetadataPattern(e["field"], regex, int(e.get("lines", 12))))
    return out


# the rule files kg reads from each rules folder, in this order; a user's folder may hold any of them
RULE_FILES = ("actors.yaml", "office_holders.yaml", "leaders_1945_2009.yaml", "events.yaml", "lexicon.yaml", "relations.yaml", "metadata.yaml", "frames.yaml",
              "verbs.yaml", "agents.yaml", "places.yaml", "common_word_surnames.yaml")
# made by scripts/derive_lexicons.py from the PETRARCH2/Phoenix dictionaries; JSON Lines because
# 20,000 actors load a hundred times faster than from YAML
DERIVED_FILES = ("derived/world_actors.jsonl", "derived/verbs.jsonl", "derived/agents.jsonl", "derived/places.jsonl")


def rule_dirs() -> list[Path]:
    """The built-in ontology folder, then each folder of KG_RULES (os.pathsep-separated), later ones on top."""
    extra = [Path(p) for p in os.environ.get("KG_RULES", "").split(os.pathsep) if p.strip()]
    for d in extra:
        if not d.is_dir():
            raise RulesError(f"{d}: rules folder not found (from --rules or KG_RULES)")
    return [ONTOLOGY_DIR, *extra]


def rule_files(dirs: list[Path]) -> list[Path]:
    """Every rule file in force, in the order it is read."""
    out = [dirs[0] / n for n in DERIVED_FILES if (dirs[0] / n).exists()]
    for d in dirs:
        out += [d / n for n in RULE_FILES if (d / n).exists()]
    return out


def rules_digest(directory: Path | list[Path]) -> str:
    """SHA-256 over the rule files in force, so every claim records which rules made it."""
    dirs = directory if isinstance(directory, list) else [Path(directory)]
    h = hashlib.sha256()
    for p in rule_files(dirs):
        rel = p.relative_to(p.parents[1] if p.parent.name == "derived" else p.parent)
        h.update(str(rel).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _merge(base, extra):
    """A user's lexicon or frames file over the built-in one: lists extend, mappings merge, the rest replaces."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _verb_entry(e: dict, where: str, curated: bool) -> VerbEntry:
    _require(e, ("lemma", "relation"), where)
    if e["relation"] not in RELATIONS and e["relation"] != "NONE":
        raise RulesError(f"{where}: unknown relation {e['relation']!r}")
    particle = _word(e["particle"], where) if e.get("particle") is not None else None
    words = frozenset(str(w).lower() for w in e.get("object_words") or ())
    ident = e.get("id") or "verb:" + "_".join([str(e["lemma"]), *(particle.split() if particle else [])])
    if not re.fullmatch(r"[\w:+.-]+", str(ident)):
        raise RulesError(f"{where}: verb id {ident!r} may hold letters, digits and _ : + . - only")
    return VerbEntry(str(ident), str(e["lemma"]).lower(), e["relation"], particle, words,
                     str(e["cameo"]) if e.get("cameo") else None, curated)


def _word(w, where: str) -> str:
    if isinstance(w, bool):  # YAML 1.1 reads a bare on / off / yes / no as a boolean
        raise RulesError(f"{where}: quote the words on, off, yes and no (\"on\")")
    return str(w).lower()


def _load_frames(files: list[Path], frames_spec: dict, actors: dict[str, Actor]) -> Frames:
    verbs: dict[tuple[str, str | None], VerbEntry] = {}
    object_verbs: dict[str, list[VerbEntry]] = {}
    agents: dict[str, str] = {}
    places: dict[str, str] = {}
    for p in files:
        if p.stem == "places":
            for i, e in enumerate(_load_yaml(p) or []):
                _require(e, ("name", "state"), f"{p}: entry {i + 1}")
                if str(e["state"]) not in actors:
                    raise RulesError(f"{p}: entry {i + 1} ({e['name']}): state '{e['state']}' is no actor id")
                places[str(e["name"])] = str(e["state"])
        elif p.stem == "verbs":
            for i, e in enumerate(_load_yaml(p) or []):
                v = _verb_entry(e, f"{p}: entry {i + 1}", curated=p.parent.name != "derived")
                if v.object_words:
                    object_verbs[v.lemma] = [x for x in object_verbs.get(v.lemma, []) if x.id != v.id] + [v]
                else:
                    verbs[(v.lemma, v.particle)] = v  # a later file's entry replaces the derived one
        elif p.stem == "agents":
            for i, e in enumerate(_load_yaml(p) or []):
                _require(e, ("noun", "sector"), f"{p}: entry {i + 1}")
                agents[str(e["noun"]).lower()] = str(e["sector"])
                if e.get("plural"):
                    agents[str(e["plural"]).lower()] = str(e["sector"])
    where = "frames.yaml"
    nouns = {}
    for i, e in enumerate(frames_spec.get("nouns") or []):
        _require(e, ("noun", "relation"), f"{where}: noun {i + 1}")
        for key in ("relation", "against"):
            if e.get(key) is not None and e[key] not in RELATIONS:
                raise RulesError(f"{where}: noun {e['noun']!r}: unknown relation {e[key]!r}")
        nouns[str(e["noun"]).lower()] = NounFrame(str(e["noun"]).lower(), e["relation"],
                                                  tuple(_word(w, f"frames.yaml: noun {e['noun']}") for w in e.get("object") or ()),
                                                  frozenset(_word(w, f"frames.yaml: noun {e['noun']}") for w in e.get("with") or ()),
                                                  e.get("against"))
    complements = {str(k): str(v) for k, v in (frames_spec.get("complements") or {}).items()}
    for k, v in complements.items():
        if v not in RELATIONS:
            raise RulesError(f"{where}: complements: {k!r} has unknown relation {v!r}")
    participles = {str(k).lower(): str(v) for k, v in (frames_spec.get("backing_participles") or {}).items()}
    for k, v in participles.items():
        if v not in RELATIONS:
            raise RulesError(f"{where}: backing_participles: {k!r} has unknown relation {v!r}")
    allies = {str(k).lower(): str(v) for k, v in (frames_spec.get("ally_nouns") or {}).items()}
    for k, v in allies.items():
        if v not in RELATIONS:
            raise RulesError(f"{where}: ally_nouns: {k!r} has unknown relation {v!r}")
    constructions = []
    for i, e in enumerate(frames_spec.get("constructions") or []):
        _require(e, ("id",), f"{where}: construction {i + 1}")
        examples = tuple(Example(str(x["text"]), tuple(tuple(str(v) for v in c) for c in x.get("claims") or []))
                         for x in e.get("examples") or [])
        constructions.append(Construction("frame:" + str(e["id"]), str(e.get("description") or ""), examples,
                                          tuple(e.get("counter_examples") or ())))

    def words(key: str) -> frozenset[str]:
        return frozenset(_word(w, f"frames.yaml: {key}") for w in frames_spec.get(key) or ())
    return Frames(verbs=verbs, object_verbs=object_verbs, nouns=nouns, agents=agents, complements=complements,
                  hedge_governors=words("hedge_governors"), denial=words("denial"),
                  speech=words("speech"), hedge_adverbs=words("hedge_adverbs"), partitives=words("partitives"),
                  body_nouns=words("body_nouns"), leader_titles=words("leader_titles"),
                  object_preps=tuple(_word(w, "frames.yaml: object_preps") for w in frames_spec.get("object_preps") or ()),
                  mutual=frozenset(w.upper() for w in words("mutual")),
                  between_relations=frozenset(w.upper() for w in words("between_relations")),
                  stoppers=words("stoppers"), state_sectors=frozenset(w.upper() for w in words("state_sectors")),
                  place_words=words("place_words"), not_names=words("not_names"), weapon_nouns=words("weapon_nouns"), places=places,
                  spoils=words("spoils"),
                  allegation=words("allegation"), official_titles=words("official_titles"),
                  sub_bodies=words("sub_bodies"), member_nouns=words("member_nouns"),
                  collective_agent_nouns=words("collective_agent_nouns"),
                  movement_words=words("movement_words"), receiving_verbs=words("receiving_verbs"),
                  state_forms=words("state_forms"), instrument_verbs=words("instrument_verbs"),
                  partner_complements=words("partner_complements"), commitments=words("commitments"),
                  proposals=words("proposals"), refusals=words("refusals"),
                  membership_verbs=words("membership_verbs"), serving_titles=words("serving_titles"),
                  mediated_nouns=words("mediated_nouns"), mediating_verbs=words("mediating_verbs"),
                  mediating_participles=words("mediating_participles"), mediation_words=words("mediation_words"),
                  acting_complements=words("acting_complements"), collective_bodies=words("collective_bodies"),
                  topic_participles=words("topic_participles"), voice_nouns=words("voice_nouns"), allegation_nouns=words("allegation_nouns"),
                  alliance_adjectives=words("alliance_adjectives"), regime_nouns=words("regime_nouns"),
                  ally_nouns=allies, arming_verbs=words("arming_verbs"),
                  taking_verbs=words("taking_verbs"), companion_words=words("companion_words"),
                  pitting_verbs=words("pitting_verbs"),
                  asked_acts=words("asked_acts"), drawing_verbs=words("drawing_verbs"),
                  warning_verbs=words("warning_verbs"), warned_fates=words("warned_fates"),
                  warned_consequences=words("warned_consequences"), threat_nouns=words("threat_nouns"), topic_nouns=words("topic_nouns"), blamed_things=words("blamed_things"), military_ranks=words("military_ranks"), reacting_verbs=words("reacting_verbs"),
                  threat_for_nouns=words("threat_for_nouns"), press_words=words("press_words"),
                  suffering_verbs=words("suffering_verbs"), reciprocal_nouns=words("reciprocal_nouns"),
                  border_words=words("border_words"),
                  office_verbs=words("office_verbs"), expelling_verbs=words("expelling_verbs"),
                  intent_nouns=words("intent_nouns"), appeal_verbs=words("appeal_verbs"),
                  message_nouns=words("message_nouns"), joint_verbs=words("joint_verbs"),
                  reciprocal_verbs=words("reciprocal_verbs"), home_nouns=words("home_nouns"),
                  government_nouns=words("government_nouns"), preparing_verbs=words("preparing_verbs"),
                  close_ties=words("close_ties"),
                  entering_verbs=words("entering_verbs"), armed_nouns=words("armed_nouns"), institution_nouns=words("institution_nouns"), generic_body_words=words("generic_body_words"),
                  family_name_first=words("family_name_first"),
                  alleging_verbs=words("alleging_verbs"), event_anaphors=words("event_anaphors"),
                  branding_verbs=words("branding_verbs"), accusatory_nouns=words("accusatory_nouns"),
                  backing_participles=participles,
                  ministry_fields={str(k).lower(): str(v) for k, v in (frames_spec.get("ministry_fields") or {}).items()},
                  constructions=constructions)


def load_rules(directory: Path | str | None = None) -> Rules:
    """Read and check every rule file in force; raises RulesError naming the file and entry.

    directory: a complete rules folder instead of the built-in one (tests); KG_RULES folders still extend it.
    The rules once read and checked are kept in the user's cache folder (kg.user_dirs) under the hash of
    the rule files and of the code reading them, and read from there while both are unchanged: a command
    then starts about 1 s sooner. Never in a store folder: a pickle runs code when read, and a store
    folder may come from someone else."""
    dirs = rule_dirs()
    if directory:
        dirs[0] = Path(directory)
    where = tuple(str(d.resolve()) for d in dirs)
    if where not in _LOADED:  # one object per folder list and process (kg.build relies on it)
        digest = rules_digest(dirs)
        key = _saved_key(digest)
        saved = _saved_path(key)
        rules = _read_saved(saved, key) if saved else None
        if rules is None:
            rules = _without_gc(_read_rules, dirs, digest)
            if saved:
                _save(saved, key, rules)
        while len(_LOADED) >= 8:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[where] = rules
    return _LOADED[where]


_LOADED: dict[tuple[str, ...], Rules] = {}
_SAVED_MAGIC = b"kg rules\n"
SAVED_COPIES = 4  # saved rules kept (the most recently used): 7 MB each; one per set of rules a user switches between


def _saved_key(digest: str) -> bytes:
    """What a saved copy must have been made from: these rule files, read by this code and these libraries."""
    h = hashlib.sha256(f"{digest}|{sys.version}|{yaml.__version__}|{pickle.format_version}".encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest().encode()


def _saved_path(key: bytes) -> Path | None:
    """The saved copy of the rules with this key, in the user's cache folder; None where there is none to use."""
    try:
        return user_cache_dir() / f"rules-{key.decode()}.pickle"
    except (OSError, RuntimeError):  # no home folder, or one kg may not write into: the rule files each time
        return None


def _without_gc(fn, *args):
    """fn(*args) with the cyclic garbage collector paused: it would walk the growing gazetteer again and
    again while nothing of it is garbage (a fifth of the time reading the rules, most of unpickling them)."""
    was = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if was:
            gc.enable()


def _read_saved(path: Path, key: bytes) -> Rules | None:
    """The saved copy, if it is this user's own file that no one else could have written, made from these rules."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return None  # someone else's or writable by others: not unpickled, replaced by _save
            if f.readline() != _SAVED_MAGIC or f.readline().rstrip(b"\n") != key:
                return None
            rules = _without_gc(pickle.load, f)
        os.utime(path)  # recently used: kept by _save's clean-up
        return rules
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None  # none yet, or unreadable: the rule files are read instead


def _save(path: Path, key: bytes, rules: Rules) -> None:
    """Write the saved copy (mode 0600) whole or not at all (a reader sees the old file or the new one), then
    drop all but the SAVED_COPIES most recently used copies."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")  # made 0600
    except OSError:
        return  # a cache folder kg may not write into: the rule files are read each time
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_SAVED_MAGIC + key + b"\n")
            pickle.dump(rules, f, protocol=5)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    with contextlib.suppress(OSError):
        copies = sorted(path.parent.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[SAVED_COPIES:]:
            if old != path:
                old.unlink(missing_ok=True)


def _read_rules(dirs: list[Path], digest: str) -> Rules:
    files = rule_files(dirs)

    def merged(name: str) -> dict:
        spec: dict = {}
        for p in files:
            if p.name == name and p.parent.name != "derived":
                spec = _merge(spec, _load_yaml(p) or {})
        return spec
    lexicon = merged("lexicon.yaml")
    macros = {k: str(v) for k, v in (lexicon.get("macros") or {}).items()}
    actors: dict[str, Actor] = {}
    for p in files:
        if p.name in ("actors.yaml", "office_holders.yaml", "leaders_1945_2009.yaml"):  # same format; office holders
            actors = _load_actors(p, actors)
    for p in files:
        if p.name == "world_actors.jsonl":
            actors = _load_actors(p, actors, derived=True)
    _check_actor_refs(actors)
    events = _load_events([p for p in files if p.name == "events.yaml"], actors)
    patterns = _load_patterns([p for p in files if p.name == "relations.yaml"], macros)
    frames = _load_frames(files, merged("frames.yaml"), actors)
    speaker_nouns = "|".join(sorted(lexicon.get("speaker_nouns") or ["analysts"], key=len, reverse=True))
    speaker = (f"(?:the\\s+)?(?P<S>{SLOT}|he|she|they|him|her|them|(?:(?:a|an|the|most|some|many|other)\\s+)?"
               f"(?:[A-Za-z\\-]+\\s+){{0,3}}?(?:{speaker_nouns}))")
    # {ST}: a speaker whose title may stand before the name, where nothing but the speech verb follows ('...,"
    # Pentagon chief 0 said.', '..., US Secretary of State 0 said in a statement.')
    title_words = {w for t in (*frames.official_titles, *frames.leader_titles) for w in t.split()} | {
        "of", "foreign", "defence", "defense", "deputy", "vice", "senior", "top", "state", "military", "army"}
    title_words -= {"official"}  # ("the official Korean Central News Agency said": an adjective, no title)
    titles = "|".join(sorted((re.escape(w) for w in title_words), key=len, reverse=True))
    titled = f"(?:(?:{SLOT}|(?-i:[A-Z])[\\w.'-]*|(?:{titles}))\\s+){{0,5}}?{speaker}"  # (patterns ignore case)
    attributions = []
    for i, e in enumerate(lexicon.get("attribution") or []):
        where = f"lexicon.yaml: attribution {e.get('id', i + 1)!r}"
        src = e["pattern"].replace("{ST}", titled).replace("{S}", speaker).replace("{SPEECH}", "(?P<V>{SPEECH})", 1)
        attributions.append(AttributionPattern(e["id"], _compile(src, macros, where)))
    by_label: dict[str, str] = {}
    for a in actors.values():
        for name in (a.id, a.label, *a.aliases):
            by_label.setdefault(name.lower(), a.id)
    return Rules(
        actors=actors, events=events, patterns=patterns, attributions=attributions,
        negation=_cue_regex(lexicon.get("negation") or []), hedge=_cue_regex(lexicon.get("hedge") or []),
        hedge_sentence=_cue_regex(lexicon.get("hedge_sentence") or []),
        negation_exceptions=_cue_regex(lexicon.get("negation_exceptions") or []),
        clause_openers=_cue_regex(lexicon.get("clause_openers") or []),
        conditions=_cue_regex(lexicon.get("conditions") or []),
        requests=_cue_regex(lexicon.get("requests") or []),
        year=re.compile(lexicon.get("year") or r"\b(1[6-9]\d\d|20\d\d)\b"),
        pronouns={k: tuple(v) for k, v in (lexicon.get("pronouns") or {}).items()},
        role_nouns=_role_nouns(lexicon.get("role_nouns") or {}),
        role_titles=tuple(str(t).lower() for t in lexicon.get("role_titles") or ()),
        head_nouns=tuple(str(t).lower() for t in lexicon.get("head_nouns") or ()),
        not_actor_forms=tuple(str(f) for f in lexicon.get("not_actor_forms") or ()),
        common_word_surnames=frozenset(str(w) for p in files if p.name == "common_word_surnames.yaml"
                                       for w in (_load_yaml(p) or {}).get("common_word_surnames") or ()),
        first_person={k: tuple(v) for k, v in (lexicon.get("first_person") or {}).items()},
        not_actors=tuple(lexicon.get("not_actors") or []),
        combining_forms=_combining_forms(lexicon.get("combining_forms") or {}, actors),
        expletive_after=re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in sorted(
            lexicon.get("expletive_after") or ["is"], key=len, reverse=True)) + r")\b", re.IGNORECASE),
        adjective_nouns=frozenset(lexicon.get("adjective_nouns") or []),
        metadata=[m for p in files if p.name == "metadata.yaml" for m in _load_metadata(p)],
        digest=digest, by_label=by_label, frames=frames,
        relation_classes=_relation_classes(lexicon.get("relation_classes"), "lexicon.yaml: relation_classes"),
        initiation_predicates=frozenset(lexicon.get("initiation_predicates") or ()),
        shared_subject=_shared_subject(lexicon["shared_subject"], macros) if lexicon.get("shared_subject") else None,
        quantities=_quantities(lexicon.get("quantity") or {}, "lexicon.yaml: quantity"))
