"""Claims with their support and evidence, read from the store; sources and their agreement."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import combinations, islice, product
from typing import Iterator

import pyoxigraph as ox

from kg.query import bind, canned, run, run_streamed
from kg.rdf import QUAD_CLASSES, claim_iri
from kg.rules import Rules
from kg.store import Store

# evidence, sources and contests are read for the selected claims only (a VALUES block), unless the
# selection is so large that one pass over the whole store is cheaper than a query text this long
_SELECTIVE_MAX = 5000


@dataclass(frozen=True)
class Evidence:
    """One document's statement of a claim: the exact quote and where it is."""

    doc: str
    publisher: str
    quote: str
    start: int
    end: int
    sentence: int
    polarity: str          # asserted | hedged | negated
    attributed_to: str     # who the text says made the claim ("" when the document itself does)
    origin: str            # the independent source the mention counts for
    rule: str
    event: str
    year: int | None
    quantity: str


@dataclass
class ClaimRecord:
    id: str
    subject_id: str
    subject: str
    relation: str
    object_id: str
    object: str
    negated: bool
    quad_class: str
    documents: int
    sources: int
    source_names: list[str] = field(default_factory=list)
    contested: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    # every quote's count and documents, also when only the first few quotes were read (see claim_records)
    quote_count: int = 0
    quote_docs: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        years = [e.year for e in self.evidence if e.year is not None]
        return min(years) if years else None

    @property
    def events(self) -> list[str]:
        return sorted({e.event for e in self.evidence if e.event})

    def as_dict(self) -> dict:
        d = asdict(self)
        del d["quote_count"], d["quote_docs"]   # the listing has every quote: these add nothing to it
        d["year"], d["events"] = self.year, self.events
        return d


# what a mention may lack (publisher, speaker, event, year, figure) is looked up apart (_completed), for the
# batch's mentions and documents: as OPTIONALs here Oxigraph read every such triple in the store for each
# batch of claims (110 ms a batch at 1,000 articles), growing with the corpus
_EVIDENCE = """
SELECT ?claim ?m ?d ?doc ?quote ?start ?end ?sent ?pol ?origin ?rule WHERE {
  ?m kg:claim ?claim ; prov:wasDerivedFrom ?d ; kg:polarity ?p ; kg:sentenceIndex ?sent ;
     kg:rule ?r ; kg:origin ?o ; oa:hasTarget ?t .
  ?r rdfs:label ?rule . ?o kg:sourceLabel ?origin . ?t oa:hasSelector ?qs , ?ps .
  ?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end .
  ?d kg:fileName ?doc .
  BIND(LCASE(STRAFTER(STR(?p), "#")) AS ?pol)
}
"""

# a FILTER, not a VALUES block of predicates: with VALUES ?p Oxigraph scanned every triple of each predicate
_MENTION_DETAILS = """
SELECT ?m ?p ?v WHERE {
  ?m ?p ?v FILTER(?p IN (kg:attributedTo, kg:attributedToName, kg:event, kg:year, kg:quantityText))
}
"""
_PUBLISHERS = "SELECT ?d ?v WHERE { ?d schema:publisher ?v }"
_LABELS = "SELECT ?m ?v WHERE { ?m rdfs:label ?v }"
_KG = "https://w3id.org/kg/ns#"


def _objects(store: Store, query: str, nodes: list, variable: str = "m") -> dict:
    """{node: {predicate IRI or '': [objects]}} of the query's rows for these nodes, a VALUES block at a time."""
    found: dict = {}
    for i in range(0, len(nodes), _SELECTIVE_MAX):
        values = f"WHERE {{ VALUES ?{variable} {{ " + " ".join(map(str, nodes[i:i + _SELECTIVE_MAX])) + " }"
        for r in run(store, query.replace("WHERE {", values, 1)).rows:
            key = r["p"].value if "p" in r else ""
            found.setdefault(r[variable], {}).setdefault(key, []).append(r["v"])
    return found


def _completed(store: Store, rows: list[dict]) -> Iterator[dict]:
    """Evidence rows with ?publisher, ?speaker, ?event, ?year and ?quantity, one row for each combination of
    their values, as the OPTIONALs `{ ?d schema:publisher ?pub . ?pub rdfs:label ?publisher }`,
    `{ ?m kg:attributedTo ?spa . ?spa rdfs:label ?sp }` (else kg:attributedToName), `{ ?m kg:event ?ev .
    ?ev rdfs:label ?event }`, `{ ?m kg:year ?year }` and `{ ?m kg:quantityText ?quantity }` would give."""
    details = _objects(store, _MENTION_DETAILS, sorted({r["m"] for r in rows}, key=str))
    publishers = _objects(store, _PUBLISHERS, sorted({r["d"] for r in rows}, key=str), "d")
    named = {n for d in (*details.values(), *publishers.values()) for p in ("", _KG + "attributedTo", _KG + "event")
             for n in d.get(p, [])}
    labels = {n: ps[""] for n, ps in _objects(store, _LABELS, sorted(named, key=str)).items()}

    def labelled(nodes: list) -> list:
        return [label for n in nodes for label in labels.get(n, [])] or [None]
    for r in rows:
        mention = details.get(r["m"], {})
        speakers = labelled(mention.get(_KG + "attributedTo", []))
        for publisher, sp, spn, event, year, quantity in product(
                labelled(publishers.get(r["d"], {}).get("", [])), speakers,
                mention.get(_KG + "attributedToName") or [None], labelled(mention.get(_KG + "event", [])),
                mention.get(_KG + "year") or [None], mention.get(_KG + "quantityText") or [None]):
            yield {**r, "publisher": publisher, "speaker": spn if sp is None else sp, "event": event, "year": year,
                   "quantity": quantity}


# each mention's claim and document, without its quote: picks the quotes a view shows (4-6x cheaper a row)
_MENTION_DOCS = """
SELECT ?claim ?m ?doc WHERE { ?m kg:claim ?claim ; prov:wasDerivedFrom ?d . ?d kg:fileName ?doc }
"""

_CLAIM_SOURCES = """
SELECT ?claim ?label WHERE { ?claim kg:supportedBy/kg:sourceLabel ?label }
"""

_CONTESTED = "SELECT DISTINCT ?claim WHERE { ?c a kg:Contest ; kg:contests ?claim }"

_QUAD_CLASSES = "SELECT ?rel ?cls WHERE { ?rel kg:quadClass ?cls }"

# the claims an actor takes part in, straight from the subject and object indexes
_ACTOR_CLAIMS = "SELECT DISTINCT ?claim ?actor WHERE { { ?claim rdf:subject ?actor } UNION { ?claim rdf:object ?actor } }"


def _values(iris) -> str:
    """A VALUES block of claim IRIs read from the store (RDF terms in their N-Triples form, not user text)."""
    return "VALUES ?claim { " + " ".join(str(i) for i in iris) + " }"


def _for_claims(query: str, iris: list | None) -> str:
    """The query restricted to the given claims (all of them when None)."""
    if iris is None:
        return query
    return query.replace("WHERE {", "WHERE { " + _values(iris), 1)


def _for_mentions(query: str, iris: list) -> str:
    """The query restricted to the given mentions (IRIs read from the store)."""
    return query.replace("WHERE {", "WHERE { VALUES ?m { " + " ".join(str(i) for i in iris) + " }", 1)


def _page(limit: int | None, offset: int | None) -> str:
    return (f"\nLIMIT {int(limit)}" if limit else "") + (f"\nOFFSET {int(offset)}" if offset else "")


def _local(term) -> str:
    return term.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(term) -> str:
    return "" if term is None else term.value


def claim_records(store: Store, *, actor: str | None = None, relation: str | None = None, doc: str | None = None,
                  min_sources: int | None = None, single_source: bool = False, corroborated: bool = False,
                  contested: bool = False, rules: Rules | None = None, limit: int | None = None,
                  offset: int | None = None, among: list | None = None, quotes: int | None = None,
                  evidence: bool = True) -> list[ClaimRecord]:
    """claim_records_streamed, all held: for views that need every claim at once (graphs, timelines)."""
    return list(claim_records_streamed(
        store, actor=actor, relation=relation, doc=doc, min_sources=min_sources, single_source=single_source,
        corroborated=corroborated, contested=contested, rules=rules, limit=limit, offset=offset, among=among,
        quotes=quotes, evidence=evidence))


# claims read at once: their support and quotes are fetched for the batch (a VALUES block) and the
# batch is handed on before the next is read, so memory holds a batch, never the whole listing
CLAIM_BATCH = 500


def claim_records_streamed(store: Store, *, actor: str | None = None, relation: str | None = None,
                           doc: str | None = None, min_sources: int | None = None, single_source: bool = False,
                           corroborated: bool = False, contested: bool = False, rules: Rules | None = None,
                           limit: int | None = None, offset: int | None = None, among: list | None = None,
                           quotes: int | None = None, evidence: bool = True) -> Iterator[ClaimRecord]:
    """Claims with support counts, sources and every quote, filtered as `kg claims` is (a page of them
    with limit/offset, in the same order), CLAIM_BATCH claims at a time; among: only claims between these
    actors (IRIs from the store); quotes: only each claim's first this many quotes (in the order of
    evidence), the rest only counted; evidence=False: no quote read nor counted.

    The filtering is the canned query claims.rq, so the command line and SPARQL agree. Its answer is
    read as Oxigraph gives it (sorted once, held by Oxigraph one row per claim, without quotes), not
    paged with OFFSET, which would sort every claim again for each batch. A bad filter value is an
    error here, before the first claim is asked for."""
    low = max(min_sources or 0, 2 if corroborated else 0) or None
    values = {"actor": actor, "relation": relation, "doc": doc,
              "min_sources": str(low) if low else None, "max_sources": "1" if single_source else None,
              "contested": "true" if contested else None}
    query = canned("claims")
    substitutions = bind(query, values, store, rules)
    text = query.text + _page(limit, offset)
    if actor:
        # the actor's claims from the subject/object indexes, as a VALUES block at the top of claims.rq:
        # the planner starts from them (8x faster at 1,000 articles); claims.rq still applies its filter
        who = {ox.Variable("actor"): substitutions[ox.Variable("actor")]}
        text = _for_claims(text, [r["claim"] for r in run(store, _ACTOR_CLAIMS, who).rows])
    if among is not None:
        # the claims whose two actors are both given, from the subject and object indexes (as for --actor)
        ends = " ".join(str(a) for a in sorted(among, key=str))
        between = f"SELECT DISTINCT ?claim WHERE {{ VALUES ?s {{ {ends} }} VALUES ?o {{ {ends} }} " \
                  "?claim rdf:subject ?s ; rdf:object ?o }"
        claims = [r["claim"] for r in run(store, between).rows] if among else []
        if not claims:
            return iter(())
        text = _for_claims(text, claims)
    return _claim_batches(store, text, substitutions, quotes, evidence)


def _claim_batches(store: Store, text: str, substitutions: dict, quotes: int | None,
                   evidence: bool) -> Iterator[ClaimRecord]:
    """The claims claims.rq (as text) finds, with their sources, contests and quotes, a batch at a time."""
    found = run_streamed(store, text, substitutions, source="claims.rq").rows
    classes = class_names = None
    while batch := list(islice(found, CLAIM_BATCH)):
        if classes is None:
            classes = {r["rel"].value: r["cls"].value.rsplit("#", 1)[-1] for r in run(store, _QUAD_CLASSES).rows}
            class_names = {v: k for k, v in QUAD_CLASSES.items()}
        chosen = [r["claim"] for r in batch]
        sources: dict[str, list[str]] = {}
        for r in run(store, _for_claims(_CLAIM_SOURCES, chosen)).rows:
            sources.setdefault(r["claim"].value, []).append(r["label"].value)
        contested_ids = {r["claim"].value for r in run(store, _for_claims(_CONTESTED, chosen)).rows}
        out = []
        for r in batch:
            iri, rel = r["claim"].value, _local(r["rel"])
            out.append(ClaimRecord(
                id=_local(r["claim"]), subject_id=_local(r["subject"]), subject=r["subjectLabel"].value,
                relation=rel, object_id=_local(r["object"]), object=r["objectLabel"].value,
                negated=r["negated"].value == "true",
                quad_class=class_names.get(classes.get(r["rel"].value, ""), ""),
                documents=int(r["documents"].value), sources=int(r["sources"].value),
                source_names=sorted(sources.get(iri, [])), contested=iri in contested_ids))
        yield from (with_evidence(store, out, quotes, chosen) if evidence else out)


def with_evidence(store: Store, records: list[ClaimRecord], quotes: int | None = None,
                  iris: list | None = None) -> list[ClaimRecord]:
    """The records given their quotes (all, or the first `quotes` of each with every quote counted), in place."""
    if not records:
        return records
    iris = iris if iris is not None else [claim_iri(r.id) for r in records]
    subset = iris if len(iris) <= _SELECTIVE_MAX else None
    quoted: dict[str, list[Evidence]] = {}
    quote_docs: dict[str, list[str]] = {}
    if quotes is None:
        evidence_rows = run(store, _for_claims(_EVIDENCE, subset)).rows
    else:
        quote_docs, mentions = _first_mentions(store, iris, subset, quotes)
        evidence_rows = [r for i in range(0, len(mentions), _SELECTIVE_MAX)
                         for r in run(store, _for_mentions(_EVIDENCE, mentions[i:i + _SELECTIVE_MAX])).rows]
    for r in _completed(store, evidence_rows):
        quoted.setdefault(r["claim"].value, []).append(Evidence(
            doc=r["doc"].value, publisher=_text(r["publisher"]), quote=r["quote"].value,
            start=int(r["start"].value), end=int(r["end"].value), sentence=int(r["sent"].value),
            polarity=r["pol"].value, attributed_to=_text(r["speaker"]), origin=r["origin"].value,
            rule=r["rule"].value, event=_text(r["event"]), year=int(r["year"].value) if r["year"] else None,
            quantity=_text(r["quantity"])))
    for record, iri in zip(records, iris):
        record.evidence = sorted(quoted.get(iri.value, []), key=lambda e: (e.doc, e.start, e.end, e.rule))[:quotes]
        docs = quote_docs.get(iri.value, []) if quotes is not None else [e.doc for e in record.evidence]
        record.quote_count, record.quote_docs = len(docs), sorted(set(docs))
    return records


def _first_mentions(store: Store, chosen: list, subset: list | None, quotes: int) -> tuple[dict[str, list[str]], list]:
    """Per claim the document of each of its mentions, and the mentions that can be among its first
    `quotes` quotes in evidence order (document, then offsets): all those in its first `quotes` documents."""
    wanted = {c.value for c in chosen}
    found: dict[str, list[tuple[str, object]]] = {}
    for r in run(store, _for_claims(_MENTION_DOCS, subset)).rows:
        if r["claim"].value in wanted:
            found.setdefault(r["claim"].value, []).append((r["doc"].value, r["m"]))
    docs, mentions = {}, []
    for claim, pairs in sorted(found.items()):
        pairs.sort(key=lambda p: (p[0], p[1].value))
        docs[claim] = [d for d, _ in pairs]
        if quotes > 0:
            last = pairs[min(quotes, len(pairs)) - 1][0]
            mentions += [m for d, m in pairs if d <= last]
    return docs, mentions


@dataclass
class SourceSummary:
    source: str
    claims: int
    only_this_source: int
    agreement: dict[str, int] = field(default_factory=dict)   # other source -> claims both back


def source_summaries(store: Store, rules: Rules | None = None) -> list[SourceSummary]:
    """Per independent source: claims it backs, claims only it backs, claims shared with each other source."""
    backers: dict[str, set[str]] = {}
    for r in run(store, _CLAIM_SOURCES).rows:
        backers.setdefault(r["claim"].value, set()).add(r["label"].value)
    summary: dict[str, SourceSummary] = {}
    for claim, srcs in backers.items():
        for s in srcs:
            row = summary.setdefault(s, SourceSummary(s, 0, 0))
            row.claims += 1
            row.only_this_source += len(srcs) == 1
        for a, b in combinations(sorted(srcs), 2):
            summary[a].agreement[b] = summary[a].agreement.get(b, 0) + 1
            summary[b].agreement[a] = summary[b].agreement.get(a, 0) + 1
    return sorted(summary.values(), key=lambda s: (-s.claims, s.source))


@dataclass(frozen=True)
class ContestSide:
    claim_id: str
    claim: str
    source: str
    doc: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class ContestedPair:
    kind: str
    a: ContestSide
    b: ContestSide
    note: str


_CONTEST_PAIRS = """
SELECT ?contest ?kind ?note ?side ?c ?claim ?source ?doc ?quote ?start ?end WHERE {
  ?contest a kg:Contest ; kg:contestKind ?k ; ?which ?m .
  VALUES (?which ?side) { (kg:sideA "a") (kg:sideB "b") }
  BIND(STRAFTER(STR(?k), "#") AS ?kind)
  ?m kg:claim ?c ; kg:origin/kg:sourceLabel ?source ; prov:wasDerivedFrom/kg:fileName ?doc ;
     oa:hasTarget/oa:hasSelector ?qs , ?ps .
  ?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end . ?c rdfs:label ?claim .
  OPTIONAL { ?contest kg:note ?note }
}
"""


def contested_pairs(store: Store, actor: str | None = None, rules: Rules | None = None) -> list[ContestedPair]:
    """Each contested pair with both sides' claim, source and quote (only those touching actor, if given)."""
    keep = None
    if actor:
        keep = {r.id for r in claim_records_streamed(store, actor=actor, contested=True, rules=rules, evidence=False)}
    sides: dict[str, dict] = {}
    for r in run(store, _CONTEST_PAIRS).rows:
        entry = sides.setdefault(r["contest"].value, {"kind": r["kind"].value, "note": _text(r["note"])})
        entry[r["side"].value] = ContestSide(_local(r["c"]), r["claim"].value, r["source"].value, r["doc"].value, r["quote"].value,
                                             int(r["start"].value), int(r["end"].value))
    pairs = [ContestedPair(e["kind"], e["a"], e["b"], e["note"]) for e in sides.values()]
    if keep is not None:
        pairs = [p for p in pairs if p.a.claim_id in keep or p.b.claim_id in keep]
    return sorted(pairs, key=lambda p: (p.kind, p.a.claim, p.a.doc, p.b.doc, p.a.start))
