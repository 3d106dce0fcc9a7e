"""Tools for the analyst who maintains the rules: explain a sentence, list recall gaps, find unknown names."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.documents import Document
from kg.extract import ActorMention, Sentence, mask, extract
from kg.rules import Rules

UNKNOWN = "?"
# capitalised words, allowing "of", "the", "and", "for" inside a name ("Center for Korean Studies")
_NAME = re.compile(r"(?<![\w'-])(?:[A-Z][\w'’.-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|for|and|de|du|al)\s+)*(?:[A-Z][\w'’.-]*[\w]|[A-Z]))*")
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If", "When", "While", "After", "Before",
              "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our",
              "However", "Although", "Even", "Since", "Because", "Then", "There", "Here", "What", "Why", "How",
              "Who", "Which", "For", "From", "By", "With", "To", "Of", "So", "Yet", "Still", "Also", "Many",
              "Some", "All", "Both", "Each", "Such", "Not", "No", "Yes", "Mr", "Mrs", "Ms", "Dr", "Photo", "Source",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


@dataclass
class RuleTrial:
    rule: str
    fired: bool
    claims: list[tuple[str, str, str, str]] = field(default_factory=list)
    why_not: str = ""


@dataclass
class Explanation:
    doc: str
    sentence: int
    text: str
    repeated: bool
    actors: list[tuple[str, str, str]]           # (surface, actor label, how it was resolved)
    speaker: str
    masked: str
    trials: list[RuleTrial]
    near_misses: list[RuleTrial]                 # rules that would fire if an unknown name were an actor
    parse: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # token, lemma, POS, relation, head


def _unknown_name_mentions(doc: Document, sent: Sentence, known: list[ActorMention], rules: Rules) -> list[ActorMention]:
    covered = [(a.start, a.end) for a in known]
    out = []
    for m in _NAME.finditer(doc.text, sent.start, sent.end):
        name = m.group(0).rstrip(".")
        opens_sentence = not doc.text[sent.start:m.start()].strip(" \"'“‘(")
        if name in _NOT_NAMES or (opens_sentence and " " not in name) \
                or any(s < m.end() and m.start() < e for s, e in covered):
            continue
        out.append(ActorMention(UNKNOWN, m.start(), m.start() + len(name), name, sent.index, "unknown"))
    return out


def explain(doc: Document, rules: Rules, sentence: int | None = None) -> list[Explanation]:
    """For each sentence (or one): actors found, every rule that matched and what it made, and near misses."""
    ex = extract(doc, rules, trace=True)
    doc = ex.document  # the text the trace is on (NFC, zero-width characters dropped)
    rules = ex.rules or rules  # with the document's own actors (NER's names, groups named by agent nouns)
    by_index = {s.index: s for s in ex.sentences}
    if sentence is not None and sentence not in by_index:
        raise IndexError(f"{doc.file_name}: no sentence {sentence} (it has {len(ex.sentences)}, numbered from 0)")
    out = []
    for t in ex.trace:
        if sentence is not None and t["sentence"] != sentence:
            continue
        sent = by_index[t["sentence"]]
        slots = t["slots"]
        trials: dict[tuple, RuleTrial] = {}
        for f in t["fired"]:  # overlapping matches of one rule often make the same claims
            claims = [(rules.actors[s].label, r, rules.actors[o].label, p) for s, r, o, p in f["produced"]]
            trials.setdefault((f["rule"], tuple(claims), f["why_not"]),
                              RuleTrial(f["rule"], bool(claims), claims, f["why_not"]))
        trials = list(trials.values())
        matched = {tr.rule for tr in trials}
        near = []
        unknown = _unknown_name_mentions(doc, sent, slots, rules)
        if unknown:
            relaxed = mask(doc.text, sent, slots + unknown, rules)
            for pat in rules.patterns:
                if pat.id in matched:
                    continue
                m = pat.regex.search(relaxed.text)
                if m:
                    names = [relaxed.slots[int(i)].surface for i in re.findall(r"\ue000(\d+)\ue001", m.group(0))
                             if relaxed.slots[int(i)].actor == UNKNOWN]
                    if names:
                        near.append(RuleTrial(pat.id, False, [], "would fire if these were known actors: "
                                              + ", ".join(dict.fromkeys(names))))
        for f in t.get("frames") or []:
            claims = [] if f.get("why_not") else [(", ".join(f["subjects"]), f["relation"], ", ".join(f["objects"]),
                                                   f.get("polarity", ""))]
            trials.append(RuleTrial(f["rule"], not f.get("why_not"), claims,
                                    f.get("why_not", "") or f"'{f['verb']}' ({f['lemma']})"))
        speaker = t["speaker"]
        parse = t.get("parse")
        out.append(Explanation(
            doc.file_name, sent.index, doc.text[sent.start:sent.end], sent.repeated,
            # every actor the sentence names, those the patterns' slots skip too ("Iraqi" in "Iraqi jets")
            [(a.surface, rules.actors[a.actor].label, a.resolution) for a in t.get("actors", slots)],
            (rules.actors[speaker.actor].label if speaker.actor else speaker.name) if speaker else "",
            t["masked"], trials, near,
            [(tok.text, tok.lemma, tok.pos, tok.dep, parse.tokens[tok.head].text) for tok in parse.tokens] if parse else []))
    return out


@dataclass
class Gap:
    doc: str
    sentence: int
    text: str
    actors: list[str]
    hints: list[str]


def gaps(docs: list[Document], rules: Rules) -> list[Gap]:
    """Sentences naming two or more actors that gave no claim, most promising first."""
    out = []
    for doc in docs:
        for e in explain(doc, rules):
            if e.repeated or any(t.fired for t in e.trials):
                continue
            actors = list(dict.fromkeys(label for _, label, _ in e.actors))
            if len(actors) < 2:
                continue
            hints = [f"{t.rule}: {t.why_not}" for t in e.near_misses + e.trials]
            out.append((len(e.near_misses), Gap(e.doc, e.sentence, e.text, actors, hints)))
    # a rule that nearly fired is the cheapest fix; then the more leads, the more actors, the shorter the sentence
    out.sort(key=lambda x: (-x[0], -len(x[1].hints), -len(x[1].actors), len(x[1].text), x[1].doc, x[1].sentence))
    return [g for _, g in out]


@dataclass
class UnknownName:
    name: str
    count: int
    documents: int
    example: str
    example_doc: str


def unknown_names(docs: list[Document], rules: Rules) -> list[UnknownName]:
    """Capitalised names that no gazetteer entry, event or not-an-actor phrase covers, most frequent first."""
    counts: Counter[str] = Counter()
    in_docs: dict[str, set[str]] = {}
    example: dict[str, tuple[str, str]] = {}
    events = {a for e in rules.events.values() for a in (e.label, *e.aliases)}
    skip = set(rules.not_actors) | events
    # a capitalised word the corpus also writes in lower case is an ordinary word at a sentence start
    common = {w for doc in docs for w in re.findall(r"\b[a-z][a-z'-]+\b", doc.text)}
    for doc in docs:
        ex = extract(doc, rules, parse=False)  # what the lists lack, whatever NER would make of it
        known = ex.actors + [ActorMention(UNKNOWN, e.start, e.end, e.surface, e.sentence, "event") for e in ex.events]
        for sent in ex.sentences:
            if sent.repeated:
                continue
            here = [a for a in known if a.sentence == sent.index]
            for m in _unknown_name_mentions(doc, sent, here, rules):
                words = m.surface.split()
                while words and (words[0].lower() in common or words[0] in _NOT_NAMES):
                    words = words[1:]
                name = " ".join(words)
                if not name or name in skip or rules.actor_by_name(name) or len(name) < 3:
                    continue
                counts[name] += 1
                in_docs.setdefault(name, set()).add(doc.file_name)
                example.setdefault(name, (" ".join(doc.text[sent.start:sent.end].split()), doc.file_name))
    return [UnknownName(n, c, len(in_docs[n]), *example[n])
            for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], -len(in_docs[kv[0]]), kv[0]))]
