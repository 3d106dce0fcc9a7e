"""Actor and event mentions: gazetteer names, then short names, pronouns, role nouns and titles."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.documents import Document
from kg.extract.attribution import inside_quotes
from kg.extract.model import ActorMention, EventMention, Sentence
from kg.extract.references import STANDS_ALONE, has_title
from kg.extract.sentences import datelines_of, sentence_at
from kg.rules import Rules


_TOKEN = re.compile(r"\w+|[^\w\s]")


def fold(token: str) -> str:
    """A token as names are matched: accents and curly apostrophes do not count ("Walesa" finds "Wałęsa")."""
    if token.isascii():
        return token
    token = unicodedata.normalize("NFKD", token.replace("\u2019", "'"))
    return "".join(c for c in token if not unicodedata.combining(c)).replace("ł", "l").replace("Ł", "L")


class NameIndex:
    """Longest-match lookup of names over word tokens: one dict probe per token, however many names.

    A regular expression alternation of every name grows slower with each name; the gazetteer
    derived from the field's dictionaries holds tens of thousands."""

    def __init__(self, surfaces):
        self.by_first: dict[str, dict[tuple[str, ...], str]] = {}
        self.longest: dict[str, int] = {}
        for surface in surfaces:
            key = tuple(fold(t) for t in _TOKEN.findall(surface))
            if key:
                self.by_first.setdefault(key[0], {}).setdefault(key, surface)
                self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def find(self, text: str, start: int = 0, end: int | None = None):
        """(start, end, surface) of each longest name, left to right, not overlapping."""
        toks = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]
        i = 0
        while i < len(toks):
            cands = self.by_first.get(toks[i][2])
            if cands:
                for n in range(min(self.longest[toks[i][2]], len(toks) - i), 0, -1):
                    key = tuple(t[2] for t in toks[i:i + n])
                    if key in cands and (n == 1 or _plain_gaps(text, toks[i:i + n])):
                        yield toks[i][0], toks[i + n - 1][1], cands[key]
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1


def _plain_gaps(text: str, toks) -> bool:
    # a name does not run across a line break or a wide gap
    return all(len(text[a[1]:b[0]]) <= 1 and "\n" not in text[a[1]:b[0]] for a, b in zip(toks, toks[1:]))


_INITIAL = re.compile(r"(?:[A-Z]\.)+\Z")
_SUFFIXES = {"Jr.": "Junior", "Jr": "Junior", "Junior": "Jr."}


def name_variants(name: str) -> set[str]:
    """How news also writes a listed person's name: without the middle initials ("Maxwell D. Taylor" as
    "Maxwell Taylor"), with "Jr." for "Junior" and back ("Carlos Gomes Jr.")."""
    words = name.split()
    out = set()
    if len(words) > 2 and words[0][1:].islower() and len(words[0]) > 1:
        kept = [words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]]
        if len(kept) < len(words) and len(kept) >= 2:
            out.add(" ".join(kept))
    if len(words) > 2 and words[-1] in _SUFFIXES:
        out.add(" ".join([*words[:-1], _SUFFIXES[words[-1]]]))
    return out - {name}


_SYLLABLES = re.compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)[ -]([A-Za-z][a-z]+)")


def given_name_variants(name: str) -> set[str]:
    """How a Korean, Chinese or Vietnamese given name of two syllables is also written: "Kim Yong Nam",
    "Kim Yong-nam", "Kim Yong-Nam" are one name."""
    m = _SYLLABLES.fullmatch(name)
    if not m:
        return set()
    family, first, second = m.groups()
    return {f"{family} {first} {second.capitalize()}", f"{family} {first}-{second.lower()}",
            f"{family} {first}-{second.capitalize()}"} - {name}


@dataclass
class _Matcher:
    names: NameIndex   # every surface the gazetteer and lexicon know
    inner: NameIndex   # actor names alone, to find the participants named inside an event's name
    entries: dict[str, list[tuple[str, str]]]  # surface -> [(kind, id)]


_MATCHERS: dict[str, _Matcher] = {}


def name_matcher(rules: Rules) -> _Matcher:
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
    for form in rules.not_actor_forms:  # "the Sea of Japan", "ethnic Albanians"
        for actor in rules.actors.values():
            if actor.type == "state":
                for name in actor.aliases:
                    if name[:1].isupper() and " " not in name:
                        add(form.replace("{name}", name), "not", "")
    for ev in rules.events.values():
        for a in (ev.label, *ev.aliases):
            add(a, "event", ev.id)
    for actor in rules.actors.values():
        for a in actor.aliases:
            add(a, "actor", actor.id)
        for a in actor.short:
            add(a, "short", actor.id)
    for actor in rules.actors.values():
        for a in actor.aliases:
            # some papers spell acronyms with points: "the R.S.F.", "the P.L.O." are the RSF and the PLO
            dotted = ".".join(a) + "."
            if actor.type != "person" and 2 <= len(a) <= 5 and a.isalpha() and a.isupper() and dotted not in entries:
                add(dotted, "actor", actor.id)
    variants: dict[str, set[str]] = {}
    family_first = rules.frames.family_name_first if rules.frames else frozenset()
    for actor in rules.actors.values():
        if actor.type == "person":
            for a in actor.aliases:
                for v in name_variants(a) | (given_name_variants(a) if actor.country in family_first else set()):
                    variants.setdefault(v, set()).add(actor.id)
    for v, ids in sorted(variants.items()):
        if len(ids) == 1 and v not in entries:  # "George Bush" is either Bush: neither
            add(v, "actor", next(iter(ids)))
    for actor in rules.actors.values():
        if actor.type != "group":
            continue
        for a in actor.aliases:
            # a people or movement named in the plural is also named by its singular before a noun
            # ("Houthi fighters", "a Sandinista offensive"); never where that word names something else
            # ("Tamil Tiger rebels" too: the last word of a longer name, when a name of its own, not
            # "Arab states", whose "Arab state" is one of them)
            last = a.split()[-1]
            if len(last) > 5 and a.endswith("s") and not a.endswith("ss") and a[:-1] not in entries \
                    and (" " not in a or last[0].isupper()):
                add(a[:-1], "actor", actor.id)
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
    # (capitalised too: "the President said", "the Council voted")
    for title in rules.role_titles:
        add(title, "title", title)
        add(title.title(), "title", title)
    for noun in rules.head_nouns:
        add(noun, "head", noun)
        add(noun.title(), "head", noun)
    for ph in rules.pronouns.get("country_of_person", ()):
        add(ph, "pronoun_country", "")
    for ph in rules.pronouns.get("pair", ()):
        add(ph, "pair", "")
    for ph in rules.pronouns.get("group", ()):
        add(ph, "pronoun_group", "")
    names = [a for a in entries if entries[a][0][0] in ("actor", "combining")]
    _MATCHERS[rules.digest] = m = _Matcher(NameIndex(entries), NameIndex(names), entries)
    return m


_CUED: dict[str, list] = {}


def _with_cues(rules: Rules) -> list:
    if rules.digest not in _CUED:
        _CUED[rules.digest] = [a for a in rules.actors.values() if a.perspective_cues]
    return _CUED[rules.digest]


def perspective_of(doc: Document, rules: Rules) -> str | None:
    """The side a text is written from: front matter, else cue phrases and the publisher's country."""
    if doc.perspective:
        return doc.perspective
    scores: dict[str, int] = {}
    for actor in _with_cues(rules):
        # (a cue the text does not hold is not searched for: the search scans the whole text)
        n = sum(len(re.findall(rf"(?<!\w){re.escape(c)}(?!\w)", doc.text)) for c in actor.perspective_cues
                if c in doc.text)
        if n:
            scores[actor.id] = n
    outlet = rules.actor_by_name(doc.publisher) if doc.publisher else None
    if outlet and outlet.country:
        scores[outlet.country] = scores.get(outlet.country, 0) + 2
    return max(sorted(scores), key=lambda k: scores[k]) if scores else None


# "the group", "the Iran-backed group", "the Lebanese group", "the Palestinian militant group"
_DEFINITE_BEFORE = re.compile(r"(?:^|\W)[Tt]he (?:[\w.]+-[a-z]+ |[A-Z][a-z]+ )?\Z")


_TITLE_BEFORE = re.compile(r"\b(President|General|Premier|Chairman|Marshal|Commander|Ambassador|Minister|Prime Minister)"
                           r"\s+(?:[A-Z][a-z]+\.?\s+)?\Z")
_SPEECH_AFTER = re.compile(r",?\s+(?:said|says|added|adds|told|tells|stated|wrote|tweeted|continued|insisted|declared)\b")
_QUOTE_BEFORE = re.compile(r"[\"”],?\s*(?:[A-Z][\w.'’-]*\s+){0,5}\Z")


def _quote_speakers(hits, sentences: list[Sentence], text: str, rules: Rules) -> dict[int, str]:
    """Per sentence, the person who speaks its quote: '"...," U.S. President Donald Trump said'."""
    out: dict[int, str] = {}
    for s, e, _, found in hits:
        people = {i for k, i in found if k in ("actor", "short") and i in rules.actors and rules.actors[i].type == "person"}
        si = sentence_at(sentences, s)
        if len(people) == 1 and si >= 0 and _SPEECH_AFTER.match(text, e) \
                and _QUOTE_BEFORE.search(text, sentences[si].start, s):
            out[si] = next(iter(people))
    return out


def _hits(m: _Matcher, extra: dict[str, list[tuple[str, str]]], text: str, start: int, rules: Rules):
    """Gazetteer names and the document's own names (found by NER), longest first where they overlap."""
    hits = [(s, e, key, m.entries[key]) for s, e, key in m.names.find(text, start)]
    if extra:
        # the document's own reading of a name wins over a gazetteer short name on the same span
        # ("Eisenhower", short for a name this text never gives, is the president its years have)
        own = [(s, e, key, extra[key]) for s, e, key in NameIndex(extra).find(text, start)]
        spans = {(s, e) for s, e, _, _ in own}
        # (and over a reference word: "coalition" is the document's "coalition led by Saudi Arabia", not "the
        # coalition" named before)
        hits = [h for h in hits if (h[0], h[1]) not in spans
                or any(k not in ("short", "head", "role", "title") for k, _ in h[3])] + own
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept, end = [], -1
        for h in hits:
            if h[0] >= end:
                kept.append(h)
                end = h[1]
        hits = kept
    return [h for h in hits if not _inside_longer_name(h, hits, text, rules)]


_NAME_WORD_BEFORE = re.compile(r"(?<![.!?:\"“]\s)(?<![.!?:\"“])\b([A-Z][a-z]+)\s+\Z")
_NOT_NAME_WORDS = {"The", "A", "An", "In", "On", "At", "For", "By", "From", "With", "And", "But", "Of", "To", "As",
                   "Both", "Then", "Its", "Their", "His", "Her", "Our", "Mr", "Mrs", "Ms", "Dr"}


def _inside_longer_name(hit, hits, text: str, rules: Rules) -> bool:
    """An organisation's name inside a longer one no list has: "Security Council" in "the White House
    National Security Council" is not the UN's."""
    s, e, key, found = hit
    if found[0][0] != "actor" or " " not in text[s:e].strip() or rules.actors[found[0][1]].type != "organisation":
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, s - 40), s)
    return bool(before) and before.group(1) not in _NOT_NAME_WORDS and not any(
        hs <= before.start(1) < he for hs, he, _, _ in hits)


def actor_mentions(doc: Document, sentences: list[Sentence], rules: Rules, perspective: str | None = None,
                   extra: dict[str, list[tuple[str, str]]] | None = None):
    """Actor and event mentions; short names and pronouns resolved to the actor named before.

    extra: the document's own names (surface -> [(kind, actor id)]) beside the gazetteer's."""
    m = name_matcher(rules)
    actors: list[ActorMention] = []
    events: list[EventMention] = []
    pending: list[tuple[str, int, int, str, int]] = []  # first-person phrases, resolved per sentence
    named: dict[str, int] = {}       # actor id -> position of its latest full mention
    last_person: tuple[str, int] | None = None
    persons_of: dict[int, list[str]] = {}  # sentence -> persons named in it, in order
    latest: dict[str, tuple[str, int]] = {}  # actor type -> (latest actor named of that type, sentence)
    first_of: dict[tuple[str, int], str] = {}  # (actor type, sentence) -> the first of that type named in it
    # the first state, party or army of each sentence: usually its subject, which "it" takes up
    first_body: dict[int, str] = {}
    # curly apostrophes match the straight ones of the gazetteer; same length, so offsets hold
    text = doc.text.replace("\u2019", "'")
    datelines, datelined = datelines_of(doc), []
    titled: dict[str, str] = {}  # title -> the person this text last named with it before the name
    hits = _hits(m, extra or {}, text, doc.body_start, rules)
    quoted_by = _quote_speakers(hits, sentences, doc.text, rules)
    for s, e, key, found in hits:
        surface = doc.text[s:e]
        si = sentence_at(sentences, s)
        if si < 0:
            # "MINSK (Reuters) -": the place a story was filed from is named, but in no sentence
            if found[0][0] == "actor" and any(ds <= s and e <= de for ds, de in datelines):
                datelined.append(ActorMention(found[0][1], s, e, surface, -1, "dateline"))
            continue
        for kind, ident in found[:1] if found[0][0] != "short" else [("short", "")]:
            if kind == "actor":
                actors.append(ActorMention(ident, s, e, surface, si, "alias"))
                named[ident] = s
                title = _TITLE_BEFORE.search(text, max(0, s - 40), s)
                if title and rules.actors[ident].type == "person":
                    titled[title.group(1).lower()] = ident  # "Major-General Qassem Soleimani ... the General"
                latest[rules.actors[ident].type] = (ident, si)
                first_of.setdefault((rules.actors[ident].type, si), ident)
                if rules.actors[ident].type == "person":
                    last_person = (ident, si)
                    persons_of.setdefault(si, []).append(ident)
                elif rules.actors[ident].type in ("state", "organisation", "military_unit") or (
                        rules.actors[ident].type == "group" and not surface.endswith("s")):
                    # ("Hamas said it fired ...": a group with a singular name is "it" too; "the Houthis" are "they")
                    first_body.setdefault(si, ident)
            elif kind == "short":
                cands = [i for k, i in found if k == "short" and i in named]
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
                for ss, se, sub in m.inner.find(text, s, e):
                    k, ident2 = m.entries[sub][0]
                    if ident2 in participants and (k == "actor" or text[se:se + 1] == "-"):
                        actors.append(ActorMention(ident2, ss, se, doc.text[ss:se], si, "alias"))
            elif kind == "role":
                # "the magazine said": the latest media outlet named; "a magazine" introduces a new one
                # ("the Iran-backed group" too: a hyphenated modifier between)
                if _DEFINITE_BEFORE.search(text[max(0, s - 40):s]) and ident in latest:
                    ref, ref_si = latest[ident]
                    if ref_si < si:
                        # "Hamas fighters killed members of Fatah. The group then ...": of an earlier sentence,
                        # the one named first, usually its subject, not the last
                        ref = first_of.get((ident, ref_si), ref)
                    if si - ref_si <= 5:
                        actors.append(ActorMention(ref, s, e, surface, si, "role"))
                        latest[ident] = (ref, si)  # "the magazine ... The magazine ..." keeps it in view
            elif kind == "head":
                # "the council": the body named last whose name ends with the word, in the last few sentences
                if text[max(0, s - 4):s].lower() == "the " and not _NAMED_ON.match(text, e):
                    bodies = [i for i in named if rules.actors[i].type != "person" and any(
                        n.lower().endswith(" " + ident) for n in (rules.actors[i].label, *rules.actors[i].aliases))]
                    ref = max(bodies, key=lambda i: named[i]) if bodies else None
                    if ref and si - sentence_at(sentences, named[ref]) <= 5:
                        actors.append(ActorMention(ref, s, e, surface, si, "role"))
            elif kind == "title":
                if text[max(0, s - 4):s].lower() == "the " and STANDS_ALONE.match(text, e):
                    holders = [i for i in named if has_title(rules.actors[i], ident) or titled.get(ident) == i]
                    # "** The chairman" in a text written from China's side, with the name censored:
                    # the one person of that side the gazetteer knows by that title
                    own_side = [i for i, a in rules.actors.items() if has_title(a, ident) and a.country == perspective]
                    ref = max(holders, key=lambda i: named[i]) if holders else (
                        own_side[0] if perspective and len(own_side) == 1 else None)
                    if ref:
                        actors.append(ActorMention(ref, s, e, surface, si, "role"))
                        named[ref] = s
                        last_person = (ref, si)
                        persons_of.setdefault(si, []).append(ref)
            elif kind == "pair":
                # "both countries": the two bodies named in this sentence or the one before, when
                # there are exactly two (more, and the text has not said which)
                recent: list[str] = []
                for a in actors:
                    if (si - a.sentence <= 1 and a.actor not in recent
                            and rules.actors[a.actor].type in ("state", "organisation", "group", "military_unit")):
                        recent.append(a.actor)
                reach = 1
                if len(recent) < 2:
                    # "Guyana and Venezuela met in Brazil. They committed to peace. The two nations agreed ...": the
                    # pair named together last, a few sentences back
                    reach = 3
                    recent = list(dict.fromkeys(a.actor for a in actors if si - a.sentence <= reach and rules.actors[
                        a.actor].type in ("state", "organisation", "group", "military_unit")))
                if len(recent) > 2:
                    # "the exercises between the United States and South Korea ... both countries": the pair
                    # named together last, when more are named
                    bodies = sorted((a for a in actors if si - a.sentence <= reach and a.end <= s and rules.actors[a.actor].type
                                     in ("state", "organisation", "group", "military_unit")), key=lambda a: a.start)
                    pairs = [(a.actor, b.actor) for a, b in zip(bodies, bodies[1:])
                             if a.actor != b.actor and _JOINED.fullmatch(doc.text[a.end:b.start])]
                    recent = list(pairs[-1]) if pairs else recent
                subject_pair = sorted((a for a in actors if a.actor in recent and a.sentence == si and a.end <= s),
                                      key=lambda a: a.start)[-2:]
                if len(recent) == 2 and len(subject_pair) == 2 and subject_pair[0].actor != subject_pair[1].actor \
                        and _JOINED.fullmatch(doc.text[subject_pair[0].end:subject_pair[1].start]) \
                        and _SAME_CLAUSE.fullmatch(doc.text[subject_pair[1].end:s]):
                    # "The United States and the EU encourage both sides to agree": the sides are not the ones
                    # urging them, but the two named before
                    older = [a.actor for a in sorted(actors, key=lambda a: a.start) if 1 <= si - a.sentence <= 3
                             and a.actor not in recent and rules.actors[a.actor].type in _BODY_TYPES]
                    older = list(dict.fromkeys(reversed(older)))[:2]
                    recent = older if len(older) == 2 else []
                if len(recent) == 2:
                    for ident in recent:
                        actors.append(ActorMention(ident, s, e, surface, si, "pair"))
            elif kind == "pronoun_group":
                group = latest.get("group")
                if group and si - group[1] <= 2:
                    actors.append(ActorMention(group[0], s, e, surface, si, "pronoun"))
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
                sent = sentences[si]
                unnamed = _UNNAMED_PERSON.search(doc.text, sent.start, s)
                if unnamed and not any(a.sentence == si and unnamed.start() <= a.start < unnamed.end()
                                       and rules.actors[a.actor].type == "person" for a in actors) \
                        and not any(a.sentence == si and unnamed.end() <= a.start < s and rules.actors[a.actor].type == "person"
                                    for a in actors):
                    # "A BJP worker killed himself after he was threatened", "A soldier said he was beaten": the
                    # one this sentence names without a name, not someone named before
                    continue
                if last_person and si - last_person[1] <= 3:
                    ident = last_person[0] if surface.lower() in ("him", "her") else persons_of[last_person[1]][0]
                    if surface.lower() in ("him", "her"):
                        ident = _not_the_clause_subject(ident, actors, doc.text, s, si, rules)
                    sent = sentences[si]
                    if quoted_by.get(si) is not None and inside_quotes(doc.text, s, sent.start):
                        # "'If he wants to fight ISIS, let him,' Trump said": one quoted is not the one quoting
                        speaker = quoted_by[si]
                        others = [p for k in range(si, si - 4, -1) for p in persons_of.get(k, ()) if p != speaker]
                        ident = (others[0] if others else None) if ident == speaker else ident
                    elif _SPEECH_AFTER.match(doc.text, e) and _QUOTE_BEFORE.search(doc.text, sent.start, s):
                        # '"... fighting ISIS," he added': the one who spoke the quotes before
                        speaker = next((quoted_by[k] for k in range(si - 1, si - 4, -1) if quoted_by.get(k)), None)
                        ident = speaker or ident
                    if ident is not None:
                        actors.append(ActorMention(ident, s, e, surface, si, "pronoun"))
            elif kind.startswith("first_"):
                pending.append((kind, s, e, surface, si))
    return actors + datelined, events, pending


# a person a sentence names by what he is, not by name: "a soldier", "a BJP worker", "one protester"
_UNNAMED_PERSON = re.compile(r"(?<![\w-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|soldier|worker|"
                             r"officer|policeman|resident|witness|villager|activist|student|farmer|driver|journalist|"
                             r"reporter|boy|girl|person|member|supporter|fighter|teenager|youth|protester|doctor|"
                             r"civilian|prisoner|detainee|survivor|refugee|guard|employee|official)\b")

_JOINED = re.compile(r",?\s+and\s+(?:the\s+)?")
# what lies between a clause's coordinated subject and "both sides" in its own predicate: no new clause
_SAME_CLAUSE = re.compile(r"(?!.*\b(?:after|when|while|as|which|who|that|but|and|or|between|with|near|from|of|against|"
                          r"among|in|on|at|by)\b)[^;:.,]{1,80}")
_BODY_TYPES = ("state", "organisation", "group", "military_unit")
# a body's head word that goes on into a name of its own: "the council of Europe", "the union of ..."
_NAMED_ON = re.compile(r"\s+(?:of|for|on)\b|\s+[A-Z]|-")


# what may stand between a clause's subject and its object pronoun: a verb and an adverb or two
_SUBJECT_GAP = re.compile(r"\s+(?:[a-z]+\s+){0,2}[a-z]+(?:ed|s)?\s+$")
_NEW_CLAUSE = re.compile(r"\b(?:and|or|but|who|that|which|to|after|before|when|while|as)\b")


def _not_the_clause_subject(ident: str, actors: list[ActorMention], text: str, start: int, si: int,
                            rules: Rules) -> str:
    """"Truman praised him": an object pronoun is not the subject of its own clause, so it is the person
    named before that one (MacArthur), when there is one."""
    persons = [a for a in actors if a.end <= start and si - a.sentence <= 3 and rules.actors[a.actor].type == "person"]
    if not persons or persons[-1].actor != ident:
        return ident
    gap = text[persons[-1].end:start]
    if not _SUBJECT_GAP.fullmatch(gap) or _NEW_CLAUSE.search(gap):
        return ident
    earlier = [a.actor for a in persons if a.actor != ident]
    return earlier[-1] if earlier else ident
