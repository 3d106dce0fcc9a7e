"""Sentences with actor mentions replaced by slot tokens, mapped back to offsets; shared-subject views."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.model import ActorMention, Sentence
from kg.rules import SLOT_CLOSE, SLOT_OPEN, Rules

SLOT_RE = re.compile(f"{SLOT_OPEN}(\\d+){SLOT_CLOSE}")


@dataclass
class Masked:
    text: str
    starts: list[int]
    ends: list[int]
    slots: list[ActorMention]


def mask(text: str, sent: Sentence, mentions: list[ActorMention], rules: Rules) -> Masked:
    """The sentence with each actor mention replaced by a slot token, and a map back to offsets."""
    spans: list[tuple[int, int, ActorMention]] = []
    for am in sorted(mentions, key=lambda a: a.start):
        if am.resolution == "pair" or (spans and am.start < spans[-1][1]):
            continue  # "both countries" stands for two actors, which one slot cannot say: the parse reads it
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
    return Masked("".join(parts), starts, ends, slots)


def _join(masked: Masked, subject_end: int, rest: int) -> Masked:
    """The masked sentence with the stretch between a subject and a later verb left out."""
    cut = slice(subject_end, rest)
    return Masked(masked.text[:cut.start] + " " + masked.text[cut.stop:],
                   masked.starts[:cut.start] + [masked.starts[cut.stop]] + masked.starts[cut.stop:],
                   masked.ends[:cut.start] + [masked.ends[cut.start - 1]] + masked.ends[cut.stop:], masked.slots)


def shared_subject_views(masked: Masked, rules: Rules) -> list[tuple[Masked, int]]:
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


def acts_in_match(m: re.Match, subject_at: int) -> bool:
    for group in ("X", "XS", "Y"):
        if group in m.re.groupindex and m.group(group) and m.start(group) <= subject_at < m.end(group):
            return True
    return False


def slot_actors(masked: Masked, group: str | None) -> list[str]:
    out: list[str] = []
    for k in SLOT_RE.findall(group or ""):
        a = masked.slots[int(k)].actor
        if a not in out:
            out.append(a)
    return out


def plain(s: str) -> str:
    return SLOT_RE.sub(" ", s)


