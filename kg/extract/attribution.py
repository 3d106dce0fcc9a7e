"""Who the text puts a claim in the mouth of: reporting clauses over the masked sentence."""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.masking import SLOT_RE, Masked
from kg.extract.prefilter import folded, may_match
from kg.rules import Rules


@dataclass
class Speaker:
    actor: str | None
    name: str | None
    verb_at: int  # position of the speech verb in the masked sentence
    rule: str


def attribution(masked: Masked, rules: Rules, last_speaker: Speaker | None,
                 last_person: str | None) -> Speaker | None:
    text = folded(masked.text)
    for ap in rules.attributions:
        m = ap.regex.search(masked.text) if may_match(ap.regex, text) else None
        if not m:
            continue
        s = m.group("S")
        verb_at = m.start("V") if "V" in ap.regex.groupindex and m.group("V") else m.start("S")
        slot = SLOT_RE.fullmatch(s)
        if slot:
            return Speaker(masked.slots[int(slot.group(1))].actor, None, verb_at, ap.id)
        if s.lower() in ("they", "them"):
            if last_speaker:
                return Speaker(last_speaker.actor, last_speaker.name, verb_at, ap.id)
            continue
        if s.lower() in ("he", "she", "him", "her"):
            if last_person:
                return Speaker(last_person, None, verb_at, ap.id)
            continue
        return Speaker(None, s.strip(), verb_at, ap.id)
    return None


def inside_quotes(text: str, pos: int, start: int) -> bool:
    before = text[start:pos]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


