"""What a reference means where it stands: first person, names of their time, unnamed leaders, lifting."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.documents import Document
from kg.extract.attribution import Speaker, inside_quotes
from kg.extract.model import ActorMention, Sentence
from kg.rules import Actor, Rules

# a title that stands for a person is followed by a clause break or a verb, not by a noun or "of"
STANDS_ALONE = re.compile(r"\s*(?:[,.;:)]|\s(?:once|also|then|later|himself|herself|said|says|told|tells|was|is|had|has|by|and|"
                           r"would|will|did|could|replied|answered|wrote|ordered|decided|[a-z]+ed)\b)")


def has_title(actor: Actor, title: str) -> bool:
    return actor.type == "person" and any(a.lower().startswith(title + " ") for a in actor.aliases)



def resolve_first_person(pending, sent: Sentence, doc: Document, rules: Rules, perspective: str | None,
                          speaker: Speaker | None) -> list[ActorMention]:
    out = []
    for kind, s, e, surface, si in pending:
        side = perspective
        quoted = bool(speaker and speaker.actor and inside_quotes(doc.text, s, sent.start))
        if kind in ("first_speaker", "first_self") and not quoted:
            continue  # a bare "we" outside quotes is the writer's, whom kg does not know
        if kind == "first_self":
            out.append(ActorMention(speaker.actor, s, e, surface, si, "first_person"))
            continue
        if quoted:
            sp = rules.actors[speaker.actor]
            side = sp.id if sp.type == "state" else sp.country
            if kind == "first_speaker" and sp.type in ("organisation", "group", "military_unit") and not sp.country:
                side = sp.id  # "'We will not stop,' Hamas said": the body itself
        if not side:
            continue
        target = side
        if kind == "first_party":
            target = rules.actors[side].party if side in rules.actors else None
        if target:
            out.append(ActorMention(target, s, e, surface, si, "first_person"))
    return out



def as_of(am: ActorMention, years: list[int], rules: Rules, context_year: int | None = None) -> ActorMention:
    """The mention as the actor its name meant in those years: "Russia" in 1969 is the Soviet Union.

    An entry for some names only ("Moscow", "the Kremlin") also goes by the year the text is at
    (context_year) when the sentence gives none: such a name is read in its text's time."""
    for w in rules.actors[am.actor].was:
        use = years or ([context_year] if w.names and context_year is not None else [])
        if use and all(w.start <= y <= w.end for y in use) and (not w.names or am.surface in w.names):
            return replace(am, actor=w.actor)
    return am


def part_named(am: ActorMention, years: list[int], named: set[str], rules: Rules) -> ActorMention:
    """A divided state's bare name as the one part the text names: "Korea" in a 1962 text that names
    North Korea and not South Korea is North Korea; with both parts named, or none, it stays itself."""
    parts = rules.actors[am.actor].divided
    if not parts or not years:
        return am
    named_parts = {p.actor for p in parts if p.actor in named and all(p.start <= y <= p.end for y in years)}
    return replace(am, actor=named_parts.pop()) if len(named_parts) == 1 else am


def names_of_the_texts_states(mentions: list[ActorMention], rules: Rules) -> dict[str, str]:
    """In a text that names no year, a name of its time ("Moscow") means the state the text itself
    names ("Russia", never "the Soviet Union"): surface -> actor."""
    def of_its_time(am: ActorMention) -> bool:
        return any(am.surface in w.names for w in rules.actors[am.actor].was)
    named = {am.actor for am in mentions if not of_its_time(am)}
    out = {am.surface: w.actor for am in mentions if am.actor not in named
           for w in rules.actors[am.actor].was if am.surface in w.names and w.actor in named}
    # naming neither, the name is read as today's ("The Kremlin denied ..." with no date is Russia's)
    for am in mentions:
        if am.surface not in out and am.actor not in named:
            today = [w.actor for w in rules.actors[am.actor].was if am.surface in w.names and w.end >= 10000]
            if len(today) == 1:
                out[am.surface] = today[0]
    return out


# "the North Korean leader" with no name after it: the person who led that state then
_UNNAMED_LEADER = re.compile(r"\s+(?:leader|president|premier|chairman|head of state)\b(?!\s+[A-Z])")


def leader_of(am: ActorMention, text: str, year: int | None, rules: Rules) -> ActorMention:
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


# sectors of a dated role in which a person acts for the state (the dictionaries' government and army)
_ACTING_SECTORS = ("GOV", "MIL")
# a state's listed organs that act for it: its government, forces, services and courts (its police are a group)
_ORGANS = ("GOV", "MIL", "SPY", "JUD")


def lift(actor: Actor, year: int | None) -> str | None:
    """The body a person led or commanded in that year (or held office for, by the field's
    dictionaries' dated roles), so their acts count for it too; a state's listed organ acts for it."""
    if actor.type == "organisation" and actor.sector in _ORGANS and actor.country and not actor.represents:
        return actor.country  # "the U.S. Treasury imposed sanctions", "the Justice Department indicted"
    if year is None:
        # a text with no year at all speaks of today: the body the person acts for now ("Erdogan met Putin"),
        # else the one body they ever served ("Rouhani accused the United States"; not Ban Ki-moon, who served
        # South Korea and then the UN)
        bodies = {r.actor for r in actor.represents if r.end >= 9999} or (
            {r.actor for r in actor.represents} | {r.actor for r in actor.roles})
        return bodies.pop() if len(bodies) == 1 else None
    for r in actor.represents:
        if r.start <= year <= r.end:
            return r.actor
    for r in actor.roles:
        if r.sector in _ACTING_SECTORS and r.start <= year <= r.end:
            return r.actor
    return None


