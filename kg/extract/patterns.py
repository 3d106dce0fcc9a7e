"""Relation patterns (regular expressions over the masked sentence) turned into claim mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.documents import Document
from kg.extract.attribution import Speaker
from kg.extract.masking import Masked, slot_actors
from kg.extract.model import Claim, Mention, Quantity, Sentence
from kg.extract.polarity import polarity_of_match
from kg.extract.references import lift
from kg.rules import ACTOR_TYPES, Pattern, Rules


def event_for(claim_actors: tuple[str, str], sent_events: list[str], year: int | None,
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



def overlapping(regex: re.Pattern, text: str):
    """Matches that may overlap: "A assisted B, and B also assisted C" holds two claims."""
    pos = 0
    while pos <= len(text):
        m = regex.search(text, pos)
        if not m:
            return
        yield m
        pos = m.start() + 1


def why_no_claim(pat: Pattern, m: re.Match, masked: Masked, rules: Rules, speaker: Speaker | None) -> str:
    """Why a pattern that matched made no claim (mirrors the checks in claims_from_match)."""
    if speaker and m.start() <= speaker.verb_at < m.end():
        return "the match is the reporting clause (who said it), not a claim"
    if "M" in m.re.groupindex and m.group("M"):
        if any(rules.actors[a].type not in pat.middle_types for a in slot_actors(masked, m.group("M"))):
            return f"the actor in the middle is not of type {', '.join(pat.middle_types)}"
    if pat.subject_types != ACTOR_TYPES or pat.object_types != ACTOR_TYPES:
        return (f"the subject must be of type {', '.join(pat.subject_types)} and the object of type "
                f"{', '.join(pat.object_types)}, or they are the same actor")
    return "subject and object are the same actor"


def claims_from_match(pat: Pattern, m: re.Match, masked: Masked, rules: Rules, speaker: Speaker | None,
                       sent: Sentence, doc: Document, sent_events: list[str], year: int | None,
                       paragraph_event: str | None, time_anchor: int | None, via: str = "") -> list[Mention]:
    if speaker and m.start() <= speaker.verb_at < m.end():
        return []  # "Zheng told the Global Times" is how the claim is reported, not a claim itself
    if "M" in m.re.groupindex and m.group("M"):
        middle = slot_actors(masked, m.group("M"))
        if any(rules.actors[a].type not in pat.middle_types for a in middle):
            return []
    if pat.symmetric:
        members = slot_actors(masked, m.group("XS"))
        pairs = [(a, b) for a in members for b in members if a != b]
    elif pat.object_is == "country":
        pairs = [(a, rules.actors[a].country) for a in slot_actors(masked, m.group("X")) if rules.actors[a].country]
    else:
        pairs = [(a, b) for a in slot_actors(masked, m.group("X")) for b in slot_actors(masked, m.group("Y"))
                 if a != b]
    pairs = [(a, b) for a, b in pairs
             if rules.actors[a].type in pat.subject_types and rules.actors[b].type in pat.object_types]
    if pat.relation == "CONSULT" and rules.frames is not None:
        # "told reporters that ...": speaking to the press is how a claim is reported, no dealings with it
        pairs = [(a, b) for a, b in pairs if rules.actors[b].type != "media_outlet"
                 and rules.actors[b].label.lower() not in rules.frames.press_words]
    if not pairs:
        return []
    polarity = polarity_of_match(masked, m, rules)
    start, end = masked.starts[m.start()], masked.ends[m.end() - 1]
    where = Where(sent, doc, sent_events, year, paragraph_event, time_anchor)
    return mentions_for(pairs, pat.relation, pat.predicate, pat.id + via, polarity, start, end, speaker, where, rules)


@dataclass(frozen=True)
class Where:
    """The sentence a claim is made in, with what places it in time."""

    sent: Sentence
    doc: Document
    events: list[str]
    year: int | None
    paragraph_event: str | None
    time_anchor: int | None


def mentions_for(pairs: list[tuple[str, str]], relation: str, predicate: str, rule: str, polarity: str,
                 start: int, end: int, speaker: Speaker | None, where: Where, rules: Rules) -> list[Mention]:
    """Mentions of (subject, object) pairs over one span, with the acts of leaders lifted to their bodies."""
    doc, sent = where.doc, where.sent
    quote = doc.text[start:end]
    stripped = quote.rstrip(" ,;:")
    end -= len(quote) - len(stripped)
    quote = stripped
    out = []
    for subj, obj in pairs:
        if relation in ("LEADER_OF", "MEMBER_OF") and rules.actors[subj].type == "state" \
                and rules.actors[obj].type in ("state", "person"):
            continue  # no state leads or belongs to another state or a person: a misread apposition
        variants = [(subj, obj, rule)]
        if relation not in ("LEADER_OF", "MEMBER_OF"):
            ls = lift(rules.actors[subj], where.time_anchor) or subj
            lo = lift(rules.actors[obj], where.time_anchor) or obj
            # not "the Soviet Union accused Stalin" (one side a person still), nor "China met the CPV"
            # (one body part of the other)
            lifted = [rules.actors[a] for a in (ls, lo)]
            if ((ls, lo) != (subj, obj) and ls != lo and all(a.type != "person" for a in lifted)
                    and lifted[0].country != lo and lifted[1].country != ls):
                variants.append((ls, lo, f"{rule}+represents"))
        for s, o, r in variants:
            year = _year_of(s, relation, o, where.time_anchor, rules)
            event = event_for((s, o), where.events, where.year, where.paragraph_event, rules)
            claim = Claim(s, relation, o, polarity == "negated")
            # "Lü Chao, a research fellow at ..., told the Global Times" describes the speaker in the
            # text's own voice: who leads or belongs to what is not what the speaker says
            said = speaker if speaker and relation not in ("LEADER_OF", "MEMBER_OF") else None
            out.append(Mention(claim, predicate, r, start, end, quote, sent.index, polarity,
                               said.actor if said else None,
                               said.name if said and not said.actor else None, year, event,
                               _quantity_near(doc, sent, start, end, relation, rules)))
    return out


def _year_of(subject: str, relation: str, obj: str, year: int | None, rules: Rules) -> int | None:
    """The claim's year: the sentence's, except that who leads what is dated by the known term of office
    ("North Korean leader Kim Jong Un paid tribute to the volunteers of 1950" does not date his rule)."""
    if relation != "LEADER_OF" or year is None:
        return year
    actor = rules.actors[subject]
    terms = [t for t in (*actor.represents, *actor.roles) if t.actor == obj]
    return year if not terms or any(t.start <= year <= t.end for t in terms) else None


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
