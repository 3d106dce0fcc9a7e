"""Extract actors, events and claims from one document: a pure function of (document, rules)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from kg.documents import Document
from kg.rules import ACTOR_TYPES, SLOT, SLOT_CLOSE, SLOT_OPEN, Actor, Pattern, Rules

_SLOT_RE = re.compile(f"{SLOT_OPEN}(\\d+){SLOT_CLOSE}")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jr", "sr", "prof", "rev", "gov", "sen",
                  "rep", "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", "u.s", "u.n", "u.k", "etc", "vs", "inc", "co", "corp", "ltd", "e.g", "i.e", "approx",
                  "p", "pp", "no", "ft", "mt", "adm", "capt", "maj", "messrs"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9*])|(?<=[a-z])[.!?](?=[A-Z][a-z])")


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
    resolution: str  # alias | short | pronoun | role | first_person


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


# --- sentences and paragraphs ---------------------------------------------------------------

def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Non-empty lines; a line cut mid-sentence ("During the\\n\\nperiod, ...") joins the next."""
    spans = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text[start:])]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            prev, nxt = text[ps:pe].rstrip(), text[s:e].lstrip()
            if prev and nxt and prev[-1].isalpha() and prev[-1].islower() and nxt[0].islower():
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[pos:m.start()] if m.start() > pos else "")
        w = word.group(1).lower().rstrip(".") if word else ""
        if text[m.start()] == "." and (w in _ABBREVIATIONS or re.fullmatch(r"[a-z]", w) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w)):
            continue
        out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return [(s, s + len(text[s:e].rstrip())) for s, e in out if text[s:e].strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def sentences_of(doc: Document) -> list[Sentence]:
    """Sentences with offsets into doc.text; sentences the document already made are marked repeated."""
    seen: list[set[str]] = []
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(_paragraphs(doc.text, doc.body_start)):
        for s, e in split_sentences(doc.text, ps, pe):
            words = _words(doc.text[s:e])
            # boilerplate reprinted with small edits ("once assisted" / "assisted") is still a repeat
            repeated = len(words) >= 6 and any(len(words & o) / len(words | o) >= 0.8 for o in seen)
            seen.append(words)
            out.append(Sentence(len(out), s, e, p, repeated))
    return out


# --- gazetteer matching ---------------------------------------------------------------------

@dataclass
class _Matcher:
    regex: re.Pattern
    inner: re.Pattern  # actor names alone, to find the participants named inside an event's name
    entries: dict[str, list[tuple[str, str]]]  # surface -> [(kind, id)]


_MATCHERS: dict[str, _Matcher] = {}


def _matcher(rules: Rules) -> _Matcher:
    if rules.digest in _MATCHERS:
        return _MATCHERS[rules.digest]
    entries: dict[str, list[tuple[str, str]]] = {}

    def add(surface: str, kind: str, ident: str) -> None:
        # a leading "the" belongs to the sentence, not the name: "the Chinese" must not beat
        # "Chinese People's Volunteers" by starting one word earlier
        surface = surface[4:] if surface.startswith("the ") else surface
        entries.setdefault(surface, [])
        if (kind, ident) not in entries[surface]:
            entries[surface].append((kind, ident))
    for phrase in rules.not_actors:
        add(phrase, "not", "")
    for ev in rules.events.values():
        for a in (ev.label, *ev.aliases):
            add(a, "event", ev.id)
    for actor in rules.actors.values():
        for a in actor.aliases:
            add(a, "actor", actor.id)
        for a in actor.short:
            add(a, "short", actor.id)
    for form, ident in rules.combining_forms.items():
        add(form, "combining", ident)
    for kind, phrases in rules.first_person.items():
        for ph in phrases:
            add(ph, f"first_{kind}", "")
    for ph in rules.pronouns.get("person", ()):
        add(ph, "pronoun", "")
    for ph in rules.pronouns.get("body", ()):
        add(ph, "pronoun_body", "")
    for noun, kind in rules.role_nouns.items():
        add(noun, "role", kind)
    for title in rules.role_titles:
        add(title, "title", title)
    for ph in rules.pronouns.get("country_of_person", ()):
        add(ph, "pronoun_country", "")
    alts = sorted(entries, key=len, reverse=True)
    regex = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    names = [a for a in alts if entries[a][0][0] in ("actor", "combining")]
    inner = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in names) + r")(?![\w])")
    _MATCHERS[rules.digest] = m = _Matcher(regex, inner, entries)
    return m


def _perspective(doc: Document, rules: Rules) -> str | None:
    """The side a text is written from: front matter, else cue phrases and the publisher's country."""
    if doc.perspective:
        return doc.perspective
    scores: dict[str, int] = {}
    for actor in rules.actors.values():
        n = sum(len(re.findall(rf"(?<!\w){re.escape(c)}(?!\w)", doc.text)) for c in actor.perspective_cues)
        if n:
            scores[actor.id] = n
    outlet = rules.actor_by_name(doc.publisher) if doc.publisher else None
    if outlet and outlet.country:
        scores[outlet.country] = scores.get(outlet.country, 0) + 2
    return max(sorted(scores), key=lambda k: scores[k]) if scores else None


def _sentence_at(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        elif sentences[mid].start > pos:
            hi = mid - 1
        else:
            return mid
    return -1


# a title that stands for a person is followed by a clause break or a verb, not by a noun or "of"
_STANDS_ALONE = re.compile(r"\s*(?:[,.;:)]|\s(?:once|also|then|later|himself|herself|said|says|told|tells|was|is|had|has|"
                           r"would|will|did|could|replied|answered|wrote|ordered|decided|[a-z]+ed)\b)")


def _has_title(actor: Actor, title: str) -> bool:
    return actor.type == "person" and any(a.lower().startswith(title + " ") for a in actor.aliases)


def _mentions(doc: Document, sentences: list[Sentence], rules: Rules, perspective: str | None = None):
    """Actor and event mentions; short names and pronouns resolved to the actor named before."""
    m = _matcher(rules)
    actors: list[ActorMention] = []
    events: list[EventMention] = []
    pending: list[tuple[str, int, int, str, int]] = []  # first-person phrases, resolved per sentence
    named: dict[str, int] = {}       # actor id -> position of its latest full mention
    last_person: tuple[str, int] | None = None
    persons_of: dict[int, list[str]] = {}  # sentence -> persons named in it, in order
    latest: dict[str, tuple[str, int]] = {}  # actor type -> (latest actor named of that type, sentence)
    # the first state, party or army of each sentence: usually its subject, which "it" takes up
    first_body: dict[int, str] = {}
    # curly apostrophes match the straight ones of the gazetteer; same length, so offsets hold
    text = doc.text.replace("\u2019", "'")
    for hit in m.regex.finditer(text, doc.body_start):
        key, s, e = hit.group(0), hit.start(), hit.end()
        surface = doc.text[s:e]
        si = _sentence_at(sentences, s)
        if si < 0:
            continue
        for kind, ident in m.entries[key][:1] if m.entries[key][0][0] != "short" else [("short", "")]:
            if kind == "actor":
                actors.append(ActorMention(ident, s, e, surface, si, "alias"))
                named[ident] = s
                latest[rules.actors[ident].type] = (ident, si)
                if rules.actors[ident].type == "person":
                    last_person = (ident, si)
                    persons_of.setdefault(si, []).append(ident)
                elif rules.actors[ident].type in ("state", "organisation", "military_unit"):
                    first_body.setdefault(si, ident)
            elif kind == "short":
                cands = [i for k, i in m.entries[key] if k == "short" and i in named]
                if cands:
                    ident = max(cands, key=lambda i: named[i])
                    actors.append(ActorMention(ident, s, e, surface, si, "short"))
                    named[ident] = s
                    if rules.actors[ident].type == "person":
                        last_person = (ident, si)
                        persons_of.setdefault(si, []).append(ident)
            elif kind == "combining" and doc.text[e:e + 1] == "-":
                actors.append(ActorMention(ident, s, e, surface, si, "alias"))
            elif kind == "event":
                events.append(EventMention(ident, s, e, surface, si))
                # "the U.S.-south Korea joint military exercises" still names both sides
                participants = rules.events[ident].participants
                for sub in m.inner.finditer(text, s, e):
                    k, ident2 = m.entries[sub.group(0)][0]
                    if ident2 in participants and (k == "actor" or text[sub.end():sub.end() + 1] == "-"):
                        actors.append(ActorMention(ident2, sub.start(), sub.end(), doc.text[sub.start():sub.end()],
                                                   si, "alias"))
            elif kind == "role":
                # "the magazine said": the latest media outlet named; "a magazine" introduces a new one
                if text[max(0, s - 4):s].lower() == "the " and ident in latest:
                    ref, ref_si = latest[ident]
                    if si - ref_si <= 5:
                        actors.append(ActorMention(ref, s, e, surface, si, "role"))
                        latest[ident] = (ref, si)  # "the magazine ... The magazine ..." keeps it in view
            elif kind == "title":
                if text[max(0, s - 4):s].lower() == "the " and _STANDS_ALONE.match(text, e):
                    holders = [i for i in named if _has_title(rules.actors[i], ident)]
                    # "** The chairman" in a text written from China's side, with the name censored:
                    # the one person of that side the gazetteer knows by that title
                    own_side = [i for i, a in rules.actors.items() if _has_title(a, ident) and a.country == perspective]
                    ref = max(holders, key=lambda i: named[i]) if holders else (
                        own_side[0] if perspective and len(own_side) == 1 else None)
                    if ref:
                        actors.append(ActorMention(ref, s, e, surface, si, "role"))
                        named[ref] = s
                        last_person = (ref, si)
                        persons_of.setdefault(si, []).append(ref)
            elif kind == "pronoun_country":
                if last_person and si - last_person[1] <= 3:
                    country = rules.actors[persons_of[last_person[1]][0]].country
                    if country:
                        actors.append(ActorMention(country, s, e, surface, si, "pronoun"))
            elif kind == "pronoun_body":
                body = first_body.get(si) or first_body.get(si - 1)
                if body and not rules.expletive_after.match(doc.text, e):
                    actors.append(ActorMention(body, s, e, surface, si, "pronoun"))
            elif kind == "pronoun":
                # a pronoun refers to a person named in this or the previous three sentences. "he" takes
                # the first person of the nearest such sentence, usually its subject ("Dobrynin told
                # Brezhnev that he had met Kissinger"); "him" the latest ("Brezhnev contacted Kim and
                # asked him"), since an object pronoun is seldom the subject of its own clause
                if last_person and si - last_person[1] <= 3:
                    ident = last_person[0] if surface.lower() in ("him", "her") else persons_of[last_person[1]][0]
                    actors.append(ActorMention(ident, s, e, surface, si, "pronoun"))
            elif kind.startswith("first_"):
                pending.append((kind, s, e, surface, si))
    return actors, events, pending


# --- masking and matching -------------------------------------------------------------------

@dataclass
class _Masked:
    text: str
    starts: list[int]
    ends: list[int]
    slots: list[ActorMention]


def _mask(text: str, sent: Sentence, mentions: list[ActorMention], rules: Rules) -> _Masked:
    """The sentence with each actor mention replaced by a slot token, and a map back to offsets."""
    spans: list[tuple[int, int, ActorMention]] = []
    for am in sorted(mentions, key=lambda a: a.start):
        nxt = re.match(r"\s+([\w']+)", text[am.end:am.end + 40])
        if nxt and nxt.group(1) in rules.adjective_nouns:
            continue  # "captured Japanese guns": Japan is mentioned but does not act
        if spans:
            ps, pe, prev = spans[-1]
            between = text[pe:am.start]
            # "the Chinese People's Volunteers (CPV)" and "the DPRK, or North Korea," name one actor once
            if prev.actor == am.actor and re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", text[am.end:]):
                spans[-1] = (ps, am.end + len(re.match(r"\s*\)", text[am.end:]).group(0)), prev)
                continue
            if prev.actor == am.actor and re.fullmatch(r",?\s+or\s+", between):
                spans[-1] = (ps, am.end, prev)
                continue
        spans.append((am.start, am.end, am))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = sent.start
    slots = []
    for s, e, am in spans:
        seg = text[pos:s].replace(SLOT_OPEN, " ").replace(SLOT_CLOSE, " ").replace("’", "'").replace("\u00a0", " ")
        parts.append(seg)
        starts.extend(range(pos, s))
        ends.extend(range(pos + 1, s + 1))
        tok = f"{SLOT_OPEN}{len(slots)}{SLOT_CLOSE}"
        slots.append(am)
        parts.append(tok)
        starts.extend([s] * len(tok))
        ends.extend([e] * len(tok))
        pos = e
    seg = text[pos:sent.end].replace(SLOT_OPEN, " ").replace(SLOT_CLOSE, " ").replace("’", "'").replace("\u00a0", " ")
    parts.append(seg)
    starts.extend(range(pos, sent.end))
    ends.extend(range(pos + 1, sent.end + 1))
    return _Masked("".join(parts), starts, ends, slots)


def _join(masked: _Masked, subject_end: int, rest: int) -> _Masked:
    """The masked sentence with the stretch between a subject and a later verb left out."""
    cut = slice(subject_end, rest)
    return _Masked(masked.text[:cut.start] + " " + masked.text[cut.stop:],
                   masked.starts[:cut.start] + [masked.starts[cut.stop]] + masked.starts[cut.stop:],
                   masked.ends[:cut.start] + [masked.ends[cut.start - 1]] + masked.ends[cut.stop:], masked.slots)


def _shared_subject_views(masked: _Masked, rules: Rules) -> list[tuple[_Masked, int]]:
    """Views in which a relative clause or a later coordinated verb follows its subject directly.

    Each comes with the position of the subject slot in the view."""
    shared = rules.shared_subject
    if shared is None:
        return []
    views = []
    for m in shared.relative.finditer(masked.text):
        views.append((_join(masked, m.end("S"), m.end()), m.start("S")))
    subjects = list(shared.subject.finditer(masked.text))
    for i, m in enumerate(subjects):
        # later verbs of the same subject, up to the next clause that has a subject of its own
        stop = subjects[i + 1].start() if i + 1 < len(subjects) else len(masked.text)
        for c in shared.next_verb.finditer(masked.text, m.end(), stop):
            views.append((_join(masked, m.end("S"), c.end()), m.start("S")))
    return views


def _acts_in_match(m: re.Match, subject_at: int) -> bool:
    for group in ("X", "XS", "Y"):
        if group in m.re.groupindex and m.group(group) and m.start(group) <= subject_at < m.end(group):
            return True
    return False


def _slot_actors(masked: _Masked, group: str | None) -> list[str]:
    out: list[str] = []
    for k in _SLOT_RE.findall(group or ""):
        a = masked.slots[int(k)].actor
        if a not in out:
            out.append(a)
    return out


def _plain(s: str) -> str:
    return _SLOT_RE.sub(" ", s)


def _polarity(masked: _Masked, m: re.Match, rules: Rules) -> str:
    obj = m.start("Y") if "Y" in m.re.groupindex and m.group("Y") else m.end()
    # a negation counts only in the clause that holds the verb ("was not reconciled, and tried to ...")
    clause_start = max(m.start(), masked.text.rfind(",", m.start(), obj) + 1)
    # nor across an embedded question: "didn't sleep for days over whether to send troops"
    for opener in rules.clause_openers.finditer(masked.text, clause_start, obj):
        clause_start = opener.end()
    region = rules.negation_exceptions.sub(" ", _plain(masked.text[clause_start:obj]))
    if rules.negation.search(region):
        return "negated"
    if rules.hedge.search(_plain(masked.text[m.start():m.end()])):
        return "hedged"
    if rules.hedge_sentence.search(_plain(masked.text[:m.start()])):
        return "hedged"
    return "asserted"


@dataclass
class _Speaker:
    actor: str | None
    name: str | None
    verb_at: int  # position of the speech verb in the masked sentence
    rule: str


def _attribution(masked: _Masked, rules: Rules, last_speaker: _Speaker | None,
                 last_person: str | None) -> _Speaker | None:
    for ap in rules.attributions:
        m = ap.regex.search(masked.text)
        if not m:
            continue
        s = m.group("S")
        verb_at = m.start("V") if "V" in ap.regex.groupindex and m.group("V") else m.start("S")
        slot = _SLOT_RE.fullmatch(s)
        if slot:
            return _Speaker(masked.slots[int(slot.group(1))].actor, None, verb_at, ap.id)
        if s.lower() in ("they", "them"):
            if last_speaker:
                return _Speaker(last_speaker.actor, last_speaker.name, verb_at, ap.id)
            continue
        if s.lower() in ("he", "she", "him", "her"):
            if last_person:
                return _Speaker(last_person, None, verb_at, ap.id)
            continue
        return _Speaker(None, s.strip(), verb_at, ap.id)
    return None


def _inside_quotes(text: str, pos: int, start: int) -> bool:
    before = text[start:pos]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _resolve_first_person(pending, sent: Sentence, doc: Document, rules: Rules, perspective: str | None,
                          speaker: _Speaker | None) -> list[ActorMention]:
    out = []
    for kind, s, e, surface, si in pending:
        side = perspective
        if speaker and speaker.actor and _inside_quotes(doc.text, s, sent.start):
            sp = rules.actors[speaker.actor]
            side = sp.id if sp.type == "state" else sp.country
        if not side:
            continue
        target = side
        if kind == "first_party":
            target = rules.actors[side].party if side in rules.actors else None
        if target:
            out.append(ActorMention(target, s, e, surface, si, "first_person"))
    return out


def _event_for(claim_actors: tuple[str, str], sent_events: list[str], year: int | None,
               paragraph_event: str | None, rules: Rules) -> str | None:
    if sent_events:
        return sent_events[0]

    def takes_part(ev_id: str) -> bool:
        ev = rules.events[ev_id]
        return not ev.participants or any(a in ev.participants for a in claim_actors)
    if year is not None:
        fits = [ev for ev in rules.events.values() if ev.start and ev.end and ev.start <= year <= ev.end
                and ev.participants and takes_part(ev.id)]
        if fits:
            # the war that spans the year, rather than one battle inside it
            return max(fits, key=lambda ev: (ev.end - ev.start, ev.id)).id
        return None
    if paragraph_event and takes_part(paragraph_event):
        return paragraph_event
    return None


def _as_of(am: ActorMention, years: list[int], rules: Rules) -> ActorMention:
    """The mention as the actor its name meant in those years: "Russia" in 1969 is the Soviet Union."""
    if years:
        for w in rules.actors[am.actor].was:
            if all(w.start <= y <= w.end for y in years):
                return replace(am, actor=w.actor)
    return am


# "the North Korean leader" with no name after it: the person who led that state then
_UNNAMED_LEADER = re.compile(r"\s+(?:leader|president|premier|chairman|head of state)\b(?!\s+[A-Z])")


def _leader_of(am: ActorMention, text: str, year: int | None, rules: Rules) -> ActorMention:
    if year is None or rules.actors[am.actor].type != "state" or text[max(0, am.start - 4):am.start].lower() != "the ":
        return am
    m = _UNNAMED_LEADER.match(text, am.end)
    if not m:
        return am
    leaders = [a.id for a in rules.actors.values() if a.type == "person"
               and any(r.actor == am.actor and r.start <= year <= r.end for r in a.represents)]
    if len(leaders) != 1:
        return am
    return ActorMention(leaders[0], am.start, m.end(), text[am.start:m.end()], am.sentence, "role")


def _lift(actor: Actor, year: int | None) -> str | None:
    """The body a person led or commanded in that year, so their acts count for it too."""
    if year is None:
        return None
    for r in actor.represents:
        if r.start <= year <= r.end:
            return r.actor
    return None


def extract(doc: Document, rules: Rules, *, trace: bool = False) -> Extraction:
    """Every actor, event and claim mention of one document (no I/O, no shared state)."""
    sentences = sentences_of(doc)
    perspective = _perspective(doc, rules)
    actors, events, pending = _mentions(doc, sentences, rules, perspective)
    by_sentence: dict[int, list[ActorMention]] = {}
    for am in actors:
        by_sentence.setdefault(am.sentence, []).append(am)
    events_by_sentence: dict[int, list[EventMention]] = {}
    for em in events:
        events_by_sentence.setdefault(em.sentence, []).append(em)
    pending_by_sentence: dict[int, list] = {}
    for p in pending:
        pending_by_sentence.setdefault(p[4], []).append(p)

    mentions: dict[tuple[str, int], Mention] = {}
    all_actors: list[ActorMention] = []
    traces: list[dict] = []
    last_speaker: _Speaker | None = None
    anchor_year: int | None = None
    paragraph_event: tuple[int, str] | None = None
    last_person: str | None = None
    for sent in sentences:
        stext = doc.text[sent.start:sent.end]
        sent_events = [em.event for em in events_by_sentence.get(sent.index, [])]
        ym = rules.year.search(stext)
        year = int(ym.group(1)) if ym else None
        if paragraph_event and paragraph_event[0] != sent.paragraph:
            paragraph_event = None
        time_anchor = year or (rules.events[sent_events[0]].start if sent_events else None) or anchor_year
        # what a name meant then goes by the sentence's own years (or its event), not a year carried
        # over from earlier sentences, and only when they all fall on the same side
        own_years = [int(y) for y in rules.year.findall(stext)] or (
            [rules.events[sent_events[0]].start] if sent_events and rules.events[sent_events[0]].start else [])
        sent_actors = [_leader_of(_as_of(am, own_years, rules), doc.text, time_anchor, rules)
                       for am in by_sentence.get(sent.index, [])]
        all_actors.extend(sent_actors)
        first = _mask(doc.text, sent, sent_actors, rules)
        speaker = _attribution(first, rules, last_speaker, last_person)
        fp = _resolve_first_person(pending_by_sentence.get(sent.index, []), sent, doc, rules, perspective, speaker)
        all_actors.extend(fp)
        masked = _mask(doc.text, sent, sent_actors + fp, rules) if fp else first
        if fp:
            speaker = _attribution(masked, rules, last_speaker, last_person)
        tried: list[dict] = []
        if not sent.repeated and len(masked.slots) >= 1:
            for view, subject_at in [(masked, None), *_shared_subject_views(masked, rules)]:
                for pat in rules.patterns:
                    ends: set[int] = set()
                    for m in _overlapping(pat.regex, view.text):
                        # a later start that ends where an earlier claim ended is a suffix of it: "Mao trained
                        # in the Soviet Union and fought with Germany" is Mao's act, not the Soviet Union's
                        if m.end() in ends:
                            continue
                        if subject_at is not None and not _acts_in_match(m, subject_at):
                            continue  # on a view, only the joined subject and its later verb count
                        via = "" if subject_at is None else "+shared-subject"
                        got = _claims_from_match(pat, m, view, rules, speaker, sent, doc, sent_events, year,
                                                 paragraph_event[1] if paragraph_event else None, time_anchor, via)
                        tried.append({"rule": pat.id + via,
                                      "span": (m.start(), m.end()), "claims": len(got),
                                      "produced": [(x.claim.subject, x.claim.relation, x.claim.object,
                                                    x.polarity) for x in got],
                                      "why_not": "" if got else _why_no_claim(pat, m, view, rules, speaker)})
                        if got:  # a match the type checks refused leaves the way open to a later start
                            ends.add(m.end())
                        for mention in got:
                            mentions.setdefault((mention.claim.id, sent.index), mention)
        if trace:
            traces.append({"sentence": sent.index, "masked": masked.text, "speaker": speaker, "fired": tried,
                           "repeated": sent.repeated, "slots": list(masked.slots)})
        if speaker:
            last_speaker = speaker
        for am in sorted(sent_actors, key=lambda a: a.start):
            if rules.actors[am.actor].type == "person":
                last_person = am.actor
        if year:
            anchor_year = year
        elif sent_events:
            anchor_year = rules.events[sent_events[-1]].start or anchor_year
        if sent_events:
            paragraph_event = (sent.paragraph, sent_events[-1])
    ordered = sorted(mentions.values(), key=lambda x: (x.start, x.end, x.claim, x.rule))
    return Extraction(doc, sentences, sorted(all_actors, key=lambda a: (a.start, a.end, a.actor)), events,
                      ordered, perspective, traces)


def _overlapping(regex: re.Pattern, text: str):
    """Matches that may overlap: "A assisted B, and B also assisted C" holds two claims."""
    pos = 0
    while pos <= len(text):
        m = regex.search(text, pos)
        if not m:
            return
        yield m
        pos = m.start() + 1


def _why_no_claim(pat: Pattern, m: re.Match, masked: _Masked, rules: Rules, speaker: _Speaker | None) -> str:
    """Why a pattern that matched made no claim (mirrors the checks in _claims_from_match)."""
    if speaker and m.start() <= speaker.verb_at < m.end():
        return "the match is the reporting clause (who said it), not a claim"
    if "M" in m.re.groupindex and m.group("M"):
        if any(rules.actors[a].type not in pat.middle_types for a in _slot_actors(masked, m.group("M"))):
            return f"the actor in the middle is not of type {', '.join(pat.middle_types)}"
    if pat.subject_types != ACTOR_TYPES or pat.object_types != ACTOR_TYPES:
        return (f"the subject must be of type {', '.join(pat.subject_types)} and the object of type "
                f"{', '.join(pat.object_types)}, or they are the same actor")
    return "subject and object are the same actor"


def _claims_from_match(pat: Pattern, m: re.Match, masked: _Masked, rules: Rules, speaker: _Speaker | None,
                       sent: Sentence, doc: Document, sent_events: list[str], year: int | None,
                       paragraph_event: str | None, time_anchor: int | None, via: str = "") -> list[Mention]:
    if speaker and m.start() <= speaker.verb_at < m.end():
        return []  # "Zheng told the Global Times" is how the claim is reported, not a claim itself
    if "M" in m.re.groupindex and m.group("M"):
        middle = _slot_actors(masked, m.group("M"))
        if any(rules.actors[a].type not in pat.middle_types for a in middle):
            return []
    if pat.symmetric:
        members = _slot_actors(masked, m.group("XS"))
        pairs = [(a, b) for a in members for b in members if a != b]
    elif pat.object_is == "country":
        pairs = [(a, rules.actors[a].country) for a in _slot_actors(masked, m.group("X")) if rules.actors[a].country]
    else:
        pairs = [(a, b) for a in _slot_actors(masked, m.group("X")) for b in _slot_actors(masked, m.group("Y"))
                 if a != b]
    pairs = [(a, b) for a, b in pairs
             if rules.actors[a].type in pat.subject_types and rules.actors[b].type in pat.object_types]
    if not pairs:
        return []
    polarity = _polarity(masked, m, rules)
    start, end = masked.starts[m.start()], masked.ends[m.end() - 1]
    quote = doc.text[start:end]
    stripped = quote.rstrip(" ,;:")
    end -= len(quote) - len(stripped)
    quote = stripped
    out = []
    for subj, obj in pairs:
        variants = [(subj, obj, pat.id + via)]
        if pat.relation not in ("LEADER_OF", "MEMBER_OF"):
            ls = _lift(rules.actors[subj], time_anchor) or subj
            lo = _lift(rules.actors[obj], time_anchor) or obj
            # not "the Soviet Union accused Stalin" (one side a person still), nor "China met the CPV"
            # (one body part of the other)
            lifted = [rules.actors[a] for a in (ls, lo)]
            if ((ls, lo) != (subj, obj) and ls != lo and all(a.type != "person" for a in lifted)
                    and lifted[0].country != lo and lifted[1].country != ls):
                variants.append((ls, lo, f"{pat.id}{via}+represents"))
        for s, o, rule in variants:
            event = _event_for((s, o), sent_events, year, paragraph_event, rules)
            claim = Claim(s, pat.relation, o, polarity == "negated")
            # "Lü Chao, a research fellow at ..., told the Global Times" describes the speaker in the
            # text's own voice: who leads or belongs to what is not what the speaker says
            said = speaker if speaker and pat.relation not in ("LEADER_OF", "MEMBER_OF") else None
            out.append(Mention(claim, pat.predicate, rule, start, end, quote, sent.index, polarity,
                               said.actor if said else None,
                               said.name if said and not said.actor else None, time_anchor, event,
                               _quantity_near(doc, sent, start, end, pat.relation, rules)))
    return out


def _quantity_near(doc: Document, sent: Sentence, start: int, end: int, relation: str,
                   rules: Rules) -> Quantity | None:
    """The figure in the claim's sentence closest to its quote, for relations that move people or arms."""
    if relation not in rules.quantities.relations:
        return None
    found = []
    for m in rules.quantities.regex.finditer(doc.text, sent.start, sent.end):
        value = rules.quantities.value(m)
        if value is None:
            continue
        qs, qe = m.start(), m.end()
        distance = 0 if qs < end and start < qe else min(abs(qs - end), abs(start - qe))
        found.append((distance, qs, Quantity(m.group(0), qs, qe, rules.quantities.kind_of(m.group("unit")), *value)))
    return min(found, key=lambda f: f[:2])[2] if found else None
