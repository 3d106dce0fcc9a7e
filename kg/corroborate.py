"""Corroboration across documents: copies, independent sources, support counts and contested claims.

Run once per build over every document's extraction, so that `kg claims` and SPARQL read
the counts from the graph instead of recomputing them per query.

Who counts as an independent source (the *origin* of a mention):
- the person or body the text attributes the claim to ("Kim said", "KCNA reported"), when it is
  a known actor other than an unnamed group: two articles relaying KCNA give one source, KCNA;
- otherwise the document's publisher, the same actor when the publisher is a known media outlet;
- a document with no publisher counts with the document it copies (exact or near copy, found by
  MinHash over word shingles), else on its own. A copy published under another publisher's name
  counts as that publisher: the republisher vouches for the text (the copy link stays recorded).
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Iterable

from kg.documents import slug
from kg.extract import Extraction, Mention
from kg.minhash import BandIndex, MinHash, bands
from kg.rules import Rules

SHINGLE_WORDS = 5
NEAR_COPY_JACCARD = 0.6  # lightly edited reprints score 0.7-0.95; unrelated articles of one field < 0.1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Source:
    """An independent source: a known actor, a publisher by name, or a document on its own."""

    kind: str   # actor | publisher | document
    id: str     # actor id, publisher slug or document id
    label: str


@dataclass(frozen=True)
class CopyLink:
    doc: str        # document id of the copy
    original: str   # document id of the earliest member of its copy family
    kind: str       # exact | near
    similarity: float


@dataclass(frozen=True)
class Side:
    doc: str
    mention: Mention
    origin: Source


@dataclass(frozen=True)
class Contest:
    """Two sources whose accounts of the same actors conflict, with one mention from each."""

    kind: str   # polarity | cooperation_conflict | figures | first_actor
    a: Side
    b: Side
    note: str = ""

    @property
    def id(self) -> str:
        key = "|".join([self.kind, self.a.doc, self.a.mention.id(self.a.doc), self.b.doc, self.b.mention.id(self.b.doc)])
        return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass
class Support:
    documents: int = 0      # documents stating the claim
    origins: set[Source] = field(default_factory=set)


@dataclass
class Corroboration:
    copies: list[CopyLink]
    doc_sources: dict[str, Source]                  # document id -> the source it counts as
    origins: dict[tuple[str, str], Source]          # (document id, mention id) -> origin
    support: dict[str, Support]                     # claim id -> support
    contests: list[Contest]
    actor_stats: dict[str, ActorStats] = field(default_factory=dict)   # actor id -> how often it is named
    actor_edges: list[ActorEdge] = field(default_factory=list)         # the asserted claims, per actor pair


@dataclass(frozen=True)
class ActorStats:
    """How widely an actor is named: actor mentions, documents, independent sources of those documents."""

    mentions: int
    documents: int
    sources: int


@dataclass
class ActorEdge:
    """The asserted claims from one actor to another in one PLOVER class, summed: the materialised network
    that `kg actors` and the graph page read instead of every mention."""

    subject: str
    object: str
    quad_class: str
    claims: int = 0
    sources: int = 0    # the claims' independent-source counts, added up (PageRank's edge weight)

    @property
    def id(self) -> str:
        return hashlib.sha256(f"{self.subject}|{self.object}|{self.quad_class}".encode()).hexdigest()[:20]


def fingerprint(text: str) -> MinHash:
    """MinHash of the text's word 5-shingles (lower-cased), the same for every run."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return MinHash.of(s.encode("utf-8") for s in sorted(shingles))


def find_copies(extractions: list[Extraction], prints_of: dict | None = None) -> list[CopyLink]:
    """Exact copies (same text hash) and near copies (estimated shingle Jaccard >= 0.6).

    prints_of: each document's MinHash by document id, when made before (the extraction cache keeps
    them, so a build need not hold the texts)."""
    return copies_among([ex.document for ex in extractions], prints_of)


def lsh_bands() -> list[tuple[int, int]]:
    """The MinHash ranges find_copies compares as one band each: documents sharing no band are never
    compared, so a copy family lies within the documents linked by shared bands."""
    return bands()


def copies_among(documents, prints_of: dict | None = None) -> list[CopyLink]:
    """find_copies over documents (kg.documents.Document, the text needed only without prints_of)."""
    docs = sorted(documents, key=lambda d: (d.date is None, d.date or "", d.file_name))
    order = {d.id: i for i, d in enumerate(docs)}
    lsh = BandIndex()
    prints: dict = {}
    parent: dict[str, str] = {}
    best: dict[str, tuple[str, str, float]] = {}
    first_by_hash: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for d in docs:
        if d.sha256 in first_by_hash:
            orig = first_by_hash[d.sha256]
            parent[d.id] = root(orig)
            best[d.id] = (orig, "exact", 1.0)
            continue
        first_by_hash[d.sha256] = d.id
        mh = prints_of[d.id] if prints_of is not None else fingerprint(d.text)
        candidates = sorted(lsh.query(mh), key=order.__getitem__)
        scored = [(c, mh.jaccard(prints[c])) for c in candidates]
        scored = [(c, j) for c, j in scored if j >= NEAR_COPY_JACCARD]
        if scored:
            orig, sim = max(scored, key=lambda cj: (cj[1], -order[cj[0]]))
            parent[d.id] = root(orig)
            best[d.id] = (orig, "near", round(sim, 3))
        prints[d.id] = mh
        lsh.insert(d.id, mh)
    return [CopyLink(doc, root(doc), kind, sim) for doc, (_, kind, sim) in sorted(best.items())]


def publisher_source(publisher: str, rules: Rules) -> Source:
    actor = rules.actor_by_name(publisher)
    if actor is not None:
        return Source("actor", actor.id, actor.label)
    return Source("publisher", slug(publisher), publisher)


def document_sources(extractions: list[Extraction], copies: list[CopyLink], rules: Rules) -> dict[str, Source]:
    """The source each document counts as: its publisher, else its copy family's, else itself."""
    return sources_of([ex.document for ex in extractions], copies, rules)


def sources_of(documents, copies: list[CopyLink], rules: Rules) -> dict[str, Source]:
    """document_sources over documents (every copy family's original among them)."""
    docs = {d.id: d for d in documents}
    original = {c.doc: c.original for c in copies}
    out: dict[str, Source] = {}
    for doc_id, d in docs.items():
        if d.publisher:
            out[doc_id] = publisher_source(d.publisher, rules)
            continue
        root = docs[original.get(doc_id, doc_id)]
        if root.publisher:
            out[doc_id] = publisher_source(root.publisher, rules)
        else:
            out[doc_id] = Source("document", root.id, root.file_name)
    return out


def origin_of(m: Mention, doc_source: Source, rules: Rules) -> Source:
    """Who stands behind one mention: the actor it is attributed to, else the document's source.

    Unnamed groups ("experts", "Chinese analysts") are not one body across articles: what they
    say counts for the document that quotes them.
    """
    if m.speaker and m.speaker in rules.actors and rules.actors[m.speaker].type != "group":
        return Source("actor", m.speaker, rules.actors[m.speaker].label)
    return doc_source


def corroborate(extractions: list[Extraction], rules: Rules, *, copies: list[CopyLink] | None = None,
                mention_counts: dict[str, dict[str, int]] | None = None) -> Corroboration:
    """Copy links, each mention's origin, each claim's support and the contested pairs of a corpus.

    copies and mention_counts (document id -> actor -> mentions), when given, were found before (from
    the extraction cache's fingerprints and counts, without the texts)."""
    copies = find_copies(extractions) if copies is None else copies
    doc_sources = document_sources(extractions, copies, rules)
    mentions = ((ex.document.id, m) for ex in sorted(extractions, key=lambda e: e.document.file_name)
                for m in ex.mentions)
    origins, support, contests, edges = corroborate_mentions(mentions, doc_sources, rules)
    return Corroboration(copies, doc_sources, origins, support, contests,
                         actor_stats(extractions, doc_sources, mention_counts), edges)


def corroborate_mentions(mentions: Iterable[tuple[str, Mention]], doc_sources: dict[str, Source], rules: Rules
                         ) -> tuple[dict, dict[str, Support], list[Contest], list[ActorEdge]]:
    """Origins, support, contests and actor edges of (document id, mention) pairs in file-name order.

    Exact for every claim, contest and actor pair whose mentions are all given: kg add and kg remove
    call it with the mentions of the actor pairs a change touches only."""
    origins: dict[tuple[str, str], Source] = {}
    support: dict[str, Support] = {}
    sides: list[Side] = []
    claims: dict = {}
    stated: set[tuple[str, str]] = set()
    for doc_id, m in mentions:
        origin = origin_of(m, doc_sources[doc_id], rules)
        origins[(doc_id, m.id(doc_id))] = origin
        s = support.setdefault(m.claim.id, Support())
        claims[m.claim.id] = m.claim
        if (m.claim.id, doc_id) not in stated:
            stated.add((m.claim.id, doc_id))
            s.documents += 1
        s.origins.add(origin)
        sides.append(Side(doc_id, m, origin))
    return origins, support, find_contests(sides, rules), actor_edges(claims, support, rules)


def mention_counts(ex: Extraction) -> dict[str, int]:
    """Per actor, its distinct mentions (spans) in one document."""
    spans: dict[str, set] = {}
    for am in ex.actors:
        spans.setdefault(am.actor, set()).add((am.start, am.end))
    return {a: len(v) for a, v in sorted(spans.items())}


def actor_stats(extractions: list[Extraction], doc_sources: dict[str, Source],
                counts: dict[str, dict[str, int]] | None = None) -> dict[str, ActorStats]:
    """Per actor: its distinct mentions (document and span), documents, and those documents' sources."""
    mentions: dict[str, int] = {}
    docs: dict[str, set] = {}
    sources: dict[str, set] = {}
    for ex in extractions:
        doc_id = ex.document.id
        for actor, n in (counts[doc_id] if counts is not None else mention_counts(ex)).items():
            mentions[actor] = mentions.get(actor, 0) + n
            docs.setdefault(actor, set()).add(doc_id)
            sources.setdefault(actor, set()).add(doc_sources[doc_id])
    return {a: ActorStats(mentions[a], len(docs[a]), len(sources[a])) for a in sorted(mentions)}


def actor_edges(claims: dict, support: dict[str, Support], rules: Rules) -> list[ActorEdge]:
    """The asserted claims grouped by (subject, object, PLOVER class): claim count and summed support."""
    edges: dict[tuple[str, str, str], ActorEdge] = {}
    for claim_id, c in sorted(claims.items()):
        if c.negated:
            continue  # a claim that something did not happen links no one
        cls = rules.relation_classes.get(c.relation, "")
        e = edges.setdefault((c.subject, c.object, cls), ActorEdge(c.subject, c.object, cls))
        e.claims += 1
        e.sources += len(support[claim_id].origins)
    return [edges[k] for k in sorted(edges)]


# --- contested claims ---------------------------------------------------------------------------

def side_key(actor: str, rules: Rules) -> str:
    """An actor's side for comparing figures: a party or army counts with its country."""
    a = rules.actors[actor]
    return a.country if a.type in ("organisation", "military_unit") and a.country else actor


def _first_per_origin(sides: list[Side]) -> list[Side]:
    seen: dict[Source, Side] = {}
    for s in sorted(sides, key=lambda s: (s.doc, s.mention.start, s.mention.end, s.mention.rule)):
        seen.setdefault(s.origin, s)
    return list(seen.values())


def _pairs(left: list[Side], right: list[Side]):
    """One pair per two different origins, the earliest mention of each, in order (left, then right).

    Only the first pair of each (claim of the earlier side, claim of the later) is yielded: the one
    find_contests keeps. Among right's first mentions of one claim each origin comes once, so for each
    left mention the first partner before it and the first after it are among two candidates: this
    takes O(n log m), not the n x m pairs of every origin with every other."""
    by_claim: dict = {}
    for i, b in enumerate(_first_per_origin(right)):
        by_claim.setdefault(b.mention.claim, []).append((i, b))
    where = {claim: [(b.doc, b.mention.start) for _, b in bs] for claim, bs in by_claim.items()}
    seen: set = set()
    for a in _first_per_origin(left):
        here = (a.doc, a.mention.start)
        found = []
        for claim, bs in by_claim.items():
            split = bisect_left(where[claim], here)  # the first mentions before a, then those from a on
            for lo, hi in ((0, split), (split, len(bs))):
                j = next((j for j in range(lo, min(hi, lo + 2)) if bs[j][1].origin != a.origin), None)
                if j is not None:
                    found.append(bs[j])
        for _, b in sorted(found, key=lambda ib: ib[0]):
            pair = (a, b) if here <= (b.doc, b.mention.start) else (b, a)
            key = (pair[0].mention.claim, pair[1].mention.claim)
            if key not in seen:
                seen.add(key)
                yield pair




def find_contests(sides: list[Side], rules: Rules) -> list[Contest]:
    """Conflicting accounts from different sources: polarity, cooperation vs conflict, figures, who acted first."""
    by_claim: dict[tuple, list[Side]] = {}
    for s in sides:
        c = s.mention.claim
        by_claim.setdefault((c.subject, c.relation, c.object, c.negated), []).append(s)
    out: dict[tuple, Contest] = {}
    claim_id = lru_cache(maxsize=None)(lambda c: c.id)  # a claim's id is a SHA-256: hash each claim once

    def add(kind: str, a: Side, b: Side, note: str = "") -> None:
        ca, cb = claim_id(a.mention.claim), claim_id(b.mention.claim)
        key = (kind, ca, cb) if kind != "figures" else (kind, ca, cb, a.origin, b.origin)
        if key not in out:
            out[key] = Contest(kind, a, b, note)

    # asserted by one source, negated by another
    for (s, r, o, neg), group in sorted(by_claim.items()):
        if not neg and (s, r, o, True) in by_claim:
            for a, b in _pairs(group, by_claim[(s, r, o, True)]):
                add("polarity", a, b)

    # cooperation against conflict between the same pair in the same event
    by_pair_event: dict[tuple, list[Side]] = {}
    for s in sides:
        c = s.mention.claim
        cls = rules.relation_classes[c.relation]
        if c.negated or not s.mention.event or cls == "affiliation":
            continue
        pair = tuple(sorted((c.subject, c.object)))
        by_pair_event.setdefault((pair, s.mention.event), []).append(s)
    for key, group in sorted(by_pair_event.items()):
        coop = [s for s in group if rules.relation_classes[s.mention.claim.relation].endswith("cooperation")]
        conflict = [s for s in group if rules.relation_classes[s.mention.claim.relation].endswith("conflict")]
        for a, b in _pairs(coop, conflict):
            add("cooperation_conflict", a, b)

    # different figures for the same act: same relation between the same sides, disjoint ranges
    by_act: dict[tuple, list[Side]] = {}
    for s in sides:
        m, c = s.mention, s.mention.claim
        if m.quantity and not c.negated:
            by_act.setdefault((side_key(c.subject, rules), c.relation, side_key(c.object, rules),
                               m.quantity.kind), []).append(s)
    for key, group in sorted(by_act.items()):
        for a, b in combinations(sorted(group, key=lambda s: (s.doc, s.mention.start)), 2):
            qa, qb = a.mention.quantity, b.mention.quantity
            if a.origin != b.origin and (qa.high < qb.low or qb.high < qa.low):
                add("figures", a, b, f"{qa.text} / {qb.text}")

    # who acted first: the same act of initiation reported in opposite directions
    for s in sides:
        m, c = s.mention, s.mention.claim
        if c.negated or m.predicate not in rules.initiation_predicates or c.subject > c.object:
            continue
        reverse = [t for t in by_claim.get((c.object, c.relation, c.subject, False), [])
                   if t.mention.predicate in rules.initiation_predicates
                   and (t.mention.event == m.event or not (t.mention.event and m.event))]
        for a, b in _pairs([s], reverse):
            add("first_actor", a, b)
    return sorted(out.values(), key=lambda c: (c.kind, c.a.doc, c.a.mention.start, c.b.doc, c.b.mention.start))
