"""The actor network with networkx: one directed edge per claim, rankings, paths and a timeline."""
from __future__ import annotations

import heapq
from dataclasses import asdict, dataclass
from fractions import Fraction

import networkx as nx
import pyoxigraph as ox

from kg.claims import ClaimRecord, Evidence, claim_records, with_evidence
from kg.errors import QueryError
from kg.query import built_actor, run
from kg.rdf import claim_iri
from kg.rules import QUAD_CLASSES, Rules, load_rules
from kg.store import Store

_ACTORS = """
SELECT ?actor ?label ?type ?wd (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases)
       (COUNT(DISTINCT ?am) AS ?mentions) (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?src) AS ?sources)
WHERE {
  ?am a kg:ActorMention ; kg:actor ?actor ; prov:wasDerivedFrom ?d .
  ?d kg:independentSource ?src .
  ?actor rdfs:label ?label ; kg:actorType ?type .
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor owl:sameAs ?wdi FILTER(STRSTARTS(STR(?wdi), STR(wd:))) BIND(STRAFTER(STR(?wdi), STR(wd:)) AS ?wd) }
} GROUP BY ?actor ?label ?type ?wd
"""


# the same, read from the counts kept at build time (kg:mentionCount ...) instead of every actor mention
_ACTOR_STATS = """
SELECT ?actor ?label ?type ?wd (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases)
       ?mentions ?documents ?sources
WHERE {
  ?actor kg:mentionCount ?mentions ; kg:mentionDocumentCount ?documents ; kg:mentionSourceCount ?sources ;
         rdfs:label ?label ; kg:actorType ?type .
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor owl:sameAs ?wdi FILTER(STRSTARTS(STR(?wdi), STR(wd:))) BIND(STRAFTER(STR(?wdi), STR(wd:)) AS ?wd) }
} GROUP BY ?actor ?label ?type ?wd ?mentions ?documents ?sources
"""

_HAS_NETWORK = "ASK { ?a kg:mentionCount ?n }"

# actors only negated claims name are in the ranking too (with no edge)
_NEGATED_ENDS = "SELECT DISTINCT ?s ?o WHERE { ?c kg:negated true ; rdf:subject ?s ; rdf:object ?o }"

_EDGES = """
SELECT ?from ?to ?claims ?sources WHERE {
  ?e a kg:ActorEdge ; kg:edgeFrom ?from ; kg:edgeTo ?to ; kg:claimCount ?claims ; kg:sourceSum ?sources .
}
"""


def _materialised(store: Store) -> bool:
    """True when the build kept the actor network (stores built before it did not)."""
    return bool(run(store, _HAS_NETWORK).boolean)


def _actor_nodes(store: Store) -> dict[str, dict]:
    nodes = {}
    for r in run(store, _ACTOR_STATS if _materialised(store) else _ACTORS).rows:
        ident = r["actor"].value.rsplit("/", 1)[-1]
        aliases = [a for a in (r["aliases"].value.split("\u001f") if r["aliases"] and r["aliases"].value else []) if a]
        nodes[ident] = {"label": r["label"].value, "type": r["type"].value, "aliases": sorted(aliases),
                        "wikidata": r["wd"].value if r["wd"] else "", "mentions": int(r["mentions"].value),
                        "documents": int(r["documents"].value), "sources": int(r["sources"].value)}
    return nodes


def _actor_id(name: str, g: nx.MultiDiGraph, rules: Rules) -> str | None:
    """An actor by any name: the gazetteer's, or the label of an actor the build found by itself (NER)."""
    found = rules.actor_by_name(name)
    if found is not None:
        return found.id
    key = name.strip().lower()
    return next((n for n, d in sorted(g.nodes(data=True)) if key in {str(d.get("label", "")).lower(),
                                                                      *(x.lower() for x in d.get("aliases", []))}),
                None)


def _evidence_dict(e: Evidence) -> dict:
    return {"doc": e.doc, "publisher": e.publisher, "quote": e.quote, "start": e.start, "end": e.end,
            "polarity": e.polarity, "attributed_to": e.attributed_to, "event": e.event, "year": e.year}


def actor_graph(store: Store, *, actor: str | None = None, depth: int = 1, relation: str | None = None,
                relation_class: str | None = None, min_sources: int | None = None, single_source_only: bool = False,
                doc: str | None = None, include_isolated: bool = False, rules: Rules | None = None,
                quotes: int | None = None) -> nx.MultiDiGraph:
    """Actors as nodes, one edge per claim (key: claim id), with support and evidence as attributes.

    With actor, only what lies within depth hops of it; isolated actors only when asked for; with quotes,
    each claim's evidence is its first that many quotes (quote_count and quote_docs count them all).
    """
    loaded = [rules]

    def known() -> Rules:  # the gazetteer only when a name needs it (0.3 s to load)
        loaded[0] = loaded[0] or load_rules()
        return loaded[0]
    classes = _classes(relation_class) if relation_class else None
    # with actor, the quotes are read once the claims within depth of it are known, for those alone
    records = claim_records(store, relation=relation, doc=doc, min_sources=min_sources,
                            single_source=single_source_only, rules=loaded[0], quotes=quotes, evidence=not actor)
    if classes:
        records = [r for r in records if r.quad_class in classes]
    nodes = _actor_nodes(store)

    def whole() -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        if include_isolated and not (relation or relation_class or min_sources or single_source_only or doc):
            for ident, attrs in sorted(nodes.items()):
                g.add_node(ident, **attrs)
        _add_claims(g, records, nodes, known)
        return g
    g = whole()
    if actor:
        stored = built_actor(store, actor) if loaded[0] is None else None
        found = stored.value.rsplit("/", 1)[-1] if stored is not None else _actor_id(actor, g, known())
        if found is None:
            raise QueryError(f"--actor {actor!r}: no actor has this name or alias (see ontology/actors.yaml)")
        if found not in g:
            return nx.MultiDiGraph()
        keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), found, cutoff=depth)
        with_evidence(store, [r for r in records if r.subject_id in keep and r.object_id in keep], quotes)
        g = whole()
        # in g's own order: a subgraph view iterates its node set, whose order changes with the hash seed
        h = nx.MultiDiGraph(**g.graph)
        h.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in keep)
        h.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if u in keep and v in keep)
        g = h
    return g


def _add_claims(g: nx.MultiDiGraph, records: list[ClaimRecord], nodes: dict[str, dict], known) -> None:
    """One edge per claim (key: claim id) with support and evidence; its actors as nodes."""
    for r in records:
        for ident in (r.subject_id, r.object_id):
            if ident not in g:
                g.add_node(ident, **(nodes[ident] if ident in nodes else _unmentioned(ident, known())))
        g.add_edge(r.subject_id, r.object_id, key=r.id, relation=r.relation, quad_class=r.quad_class,
                   negated=r.negated, sources=r.sources, documents=r.documents, source_names=list(r.source_names),
                   contested=r.contested, label=_claim_label(r), evidence=[_evidence_dict(e) for e in r.evidence],
                   quote_count=r.quote_count, quote_docs=list(r.quote_docs))


def _classes(name: str) -> set[str]:
    """A quad class, or a half of them: "conflict" is verbal and material conflict."""
    name = name.strip().lower().replace("-", "_").replace(" ", "_")
    found = {c for c in QUAD_CLASSES if c == name or name in c.split("_")}
    if not found:
        raise QueryError(f"--relation-class {name!r}: use one of {', '.join(QUAD_CLASSES)}, "
                         f"or cooperation, conflict, verbal, material")
    return found


def _unmentioned(ident: str, rules: Rules) -> dict:
    a = rules.actors.get(ident)
    return {"label": a.label if a else ident, "type": a.type if a else "", "aliases": sorted(a.aliases) if a else [],
            "wikidata": (a.wikidata or "") if a else "", "mentions": 0, "documents": 0, "sources": 0}


def _claim_label(r: ClaimRecord) -> str:
    return f"{r.subject} {'not ' if r.negated else ''}{r.relation} {r.object}"


def asserted(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph without negated claims: a claim that something did not happen links no one."""
    h = nx.MultiDiGraph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if not d["negated"])
    return h


@dataclass
class ActorRank:
    actor_id: str
    actor: str
    type: str
    aliases: list[str]
    degree: int
    weighted_degree: int
    pagerank: float
    mentions: int
    sources: int

    def as_dict(self) -> dict:
        return asdict(self)


def ranked_actors(store: Store, rules: Rules | None = None) -> list[ActorRank]:
    """What rank_actors gives for the whole graph, read from the network kept at build time (actor counts
    and one edge per actor pair and class) instead of every claim and mention."""
    if not _materialised(store):
        return rank_actors(actor_graph(store, include_isolated=True, rules=rules))
    nodes = _actor_nodes(store)
    weights: dict[tuple[str, str], list[int]] = {}
    for r in run(store, _EDGES).rows:
        pair = (_local(r["from"]), _local(r["to"]))
        w = weights.setdefault(pair, [0, 0])
        w[0] += int(r["claims"].value)
        w[1] += int(r["sources"].value)
    h = nx.DiGraph()
    for ident, attrs in sorted(nodes.items()):
        h.add_node(ident, **attrs)
    degree: dict[str, int] = {}
    weighted: dict[str, int] = {}
    for (u, v), (claims, sources) in sorted(weights.items()):
        for n in (u, v):
            if n not in h:
                rules = rules or load_rules()
                h.add_node(n, **_unmentioned(n, rules))
            degree[n] = degree.get(n, 0) + claims        # a self-loop counts twice, as in a MultiDiGraph
            weighted[n] = weighted.get(n, 0) + sources
        h.add_edge(u, v, sources=sources)
    for r in run(store, _NEGATED_ENDS).rows:
        for n in (_local(r["s"]), _local(r["o"])):
            if n not in h:
                rules = rules or load_rules()
                h.add_node(n, **_unmentioned(n, rules))
    if h.number_of_nodes() == 0:
        return []
    pr = nx.pagerank(h, weight="sources") if h.number_of_edges() else {n: 1 / h.number_of_nodes() for n in h}
    out = [ActorRank(n, d["label"], d["type"], d["aliases"], degree.get(n, 0), weighted.get(n, 0), round(pr[n], 4),
                     d["mentions"], d["sources"]) for n, d in h.nodes(data=True)]
    return sorted(out, key=lambda a: (-a.pagerank, -a.weighted_degree, a.actor))


def _local(term) -> str:
    return term.value.rsplit("/", 1)[-1]


def rank_actors(g: nx.MultiDiGraph) -> list[ActorRank]:
    """Actors by PageRank over claims weighted by independent sources, with degree and weighted degree."""
    h = asserted(g)
    if h.number_of_nodes() == 0:
        return []
    pr = nx.pagerank(h, weight="sources") if h.number_of_edges() else {n: 1 / h.number_of_nodes() for n in h}
    out = []
    for n, d in h.nodes(data=True):
        out.append(ActorRank(n, d["label"], d["type"], d["aliases"], h.degree(n), int(h.degree(n, weight="sources")),
                             round(pr[n], 4), d["mentions"], d["sources"]))
    return sorted(out, key=lambda a: (-a.pagerank, -a.weighted_degree, a.actor))


@dataclass
class Hop:
    source: str
    target: str
    relation: str
    direction: str        # forward: source acts on target; backward: target acts on source
    claim: str
    sources: int
    doc: str
    quote: str
    start: int
    end: int


def _best_edge(h: nx.MultiDiGraph, a: str, b: str) -> tuple[str, str, dict]:
    options = [(a, b, d) for d in h.get_edge_data(a, b, default={}).values()]
    options += [(b, a, d) for d in h.get_edge_data(b, a, default={}).values()]
    return max(options, key=lambda o: (o[2]["sources"], o[2]["documents"], o[0] == a, o[2]["label"]))


def _best_quote(evidence: list[dict]) -> dict:
    rank = {"asserted": 0, "hedged": 1, "negated": 2}
    return min(evidence, key=lambda e: (rank.get(e["polarity"], 3), e["attributed_to"] != "", e["doc"], e["start"]))


def path(g: nx.MultiDiGraph, a: str, b: str, rules: Rules | None = None) -> list[Hop]:
    """The fewest-hop connection between two actors (better-backed hops first), each with its best quote."""
    rules = rules or load_rules()
    return _path_between(g, *_ends(g, a, b, rules))


def _ends(g: nx.MultiDiGraph, a: str, b: str, rules: Rules) -> list[str]:
    ends = []
    for name in (a, b):
        found = _actor_id(name, g, rules)
        if found is None:
            raise QueryError(f"{name!r}: no actor has this name or alias (see ontology/actors.yaml)")
        ends.append(found)
    return ends


def path_in_store(store: Store, a: str, b: str, rules: Rules | None = None) -> list[Hop]:
    """path() over the store's claims, reading only the claims between actors that can lie on the path:
    the network kept at build time (one kg:ActorEdge per pair and class, asserted claims only) gives the
    hops from each end; a hop weighs 1 to 1.5 (kg.network.path), so no path of 1.5 x the fewest hops
    or more can win, and only actors closer than that to both ends together are read (same answer)."""
    rules = rules or load_rules()
    if not _materialised(store):
        return path(actor_graph(store, rules=rules), a, b, rules)
    adjacent: dict[str, set[str]] = {}
    iris: dict[str, ox.NamedNode] = {}
    for r in run(store, _EDGES).rows:
        u, v = _local(r["from"]), _local(r["to"])
        iris[u], iris[v] = r["from"], r["to"]
        adjacent.setdefault(u, set()).add(v)
        adjacent.setdefault(v, set()).add(u)
    # the actors claims name, as actor_graph has them, to find an actor the build discovered by its name
    nodes = _actor_nodes(store)
    named = nx.MultiDiGraph()
    ends_of = set(adjacent) | {_local(r[x]) for r in run(store, _NEGATED_ENDS).rows for x in ("s", "o")}
    for ident in sorted(ends_of):
        named.add_node(ident, **(nodes[ident] if ident in nodes else _unmentioned(ident, rules)))
    start, end = _ends(named, a, b, rules)
    from_start, from_end = _hops(adjacent, start), _hops(adjacent, end)
    if end not in from_start or start == end:
        return []
    fewest = from_start[end]
    among = [iris[x] for x in sorted(from_start) if x in from_end and from_start[x] + from_end[x] < 1.5 * fewest]
    g = nx.MultiDiGraph()
    _add_claims(g, claim_records(store, rules=rules, among=among), nodes, lambda: rules)
    return _path_between(g, start, end)


def _hops(adjacent: dict[str, set[str]], start: str) -> dict[str, int]:
    """Hops from start to every actor it reaches (breadth first)."""
    seen, frontier = {start: 0}, [start]
    while frontier:
        nxt = []
        for u in frontier:
            for v in sorted(adjacent.get(u, ())):
                if v not in seen:
                    seen[v] = seen[u] + 1
                    nxt.append(v)
        frontier = nxt
    return seen


def _lightest_path(weights: dict[str, dict[str, Fraction]], start: str, end: str) -> list[str] | None:
    """Dijkstra from start to end; of paths of equal weight, the first by its actors' ids, so the answer
    does not depend on the order the claims were read in (nor on which other claims were read)."""
    if start not in weights or end not in weights:
        return None
    heap: list[tuple[Fraction, tuple[str, ...]]] = [(Fraction(0), (start,))]
    done: set[str] = set()
    while heap:
        w, nodes = heapq.heappop(heap)
        v = nodes[-1]
        if v in done:
            continue
        done.add(v)
        if v == end:
            return list(nodes)
        for u, c in weights[v].items():
            if u not in done:
                heapq.heappush(heap, (w + c, nodes + (u,)))
    return None


def _path_between(g: nx.MultiDiGraph, start: str, end: str) -> list[Hop]:
    h = asserted(g)
    weights: dict[str, dict[str, Fraction]] = {}
    for u, v, d in h.edges(data=True):
        # hops first; among equally short paths the better-backed one (exact: ties are found as ties)
        w = 1 + Fraction(1, 1 + d["sources"])
        for x, y in ((u, v), (v, u)):
            if w < weights.setdefault(x, {}).get(y, 2):
                weights[x][y] = w
    nodes = _lightest_path(weights, start, end)
    if nodes is None:
        return []
    hops = []
    for x, y in zip(nodes, nodes[1:]):
        s, t, d = _best_edge(h, x, y)
        e = _best_quote(d["evidence"])
        hops.append(Hop(h.nodes[x]["label"], h.nodes[y]["label"], d["relation"],
                        "forward" if s == x else "backward", d["label"], d["sources"], e["doc"], e["quote"],
                        e["start"], e["end"]))
    return hops


@dataclass
class TimelineEntry:
    year: int | None
    claim: str
    relation: str
    events: list[str]
    documents: int
    sources: int
    quote: str
    doc: str


# each mention's document, year and event, without its quote: picks the quote a timeline shows
_DATED_MENTIONS = """
SELECT ?claim ?m ?doc ?year ?event WHERE {
  ?m kg:claim ?claim ; prov:wasDerivedFrom ?d . ?d kg:fileName ?doc .
  OPTIONAL { ?m kg:year ?year }
  OPTIONAL { ?m kg:event ?ev . ?ev rdfs:label ?event }
}
"""

_QUOTES = """
SELECT ?m ?quote ?start ?end ?rule WHERE {
  ?m kg:rule ?r ; oa:hasTarget ?t . ?r rdfs:label ?rule . ?t oa:hasSelector ?qs , ?ps .
  ?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end .
}
"""

# claims or mentions named in one query's VALUES block (as kg.claims reads evidence)
_VALUES_MAX = 5000


def timeline_in_store(store: Store, actor: str | None = None, rules: Rules | None = None) -> list[TimelineEntry]:
    """timeline(claim_records(store, actor=actor)), reading each claim's mentions without their quotes
    and then only the quote each entry shows (its earliest dated mention's), not every quote."""
    records = claim_records(store, actor=actor, rules=rules, evidence=False)
    iris = [claim_iri(r.id) for r in records]
    wanted = {i.value for i in iris}
    subset = "VALUES ?claim { " + " ".join(map(str, iris)) + " }" if len(iris) <= _VALUES_MAX else ""
    dated: dict[str, list[tuple[bool, int, str, ox.NamedNode]]] = {}
    events: dict[str, set[str]] = {}
    for r in run(store, _DATED_MENTIONS.replace("WHERE {", "WHERE { " + subset, 1)).rows:
        claim = r["claim"].value
        if claim in wanted:
            year = int(r["year"].value) if r["year"] else None
            dated.setdefault(claim, []).append((year is None, year or 0, r["doc"].value, r["m"]))
            if r["event"]:
                events.setdefault(claim, set()).add(r["event"].value)
    # a claim's quote is that of its earliest (year, document) mention, the first in it by offsets
    earliest = {c: min(m[:3] for m in ms) for c, ms in dated.items()}
    first = {c: [m for m in ms if m[:3] == earliest[c]] for c, ms in dated.items()}
    chosen = sorted({m[3].value: m[3] for ms in first.values() for m in ms}.items())
    spans = {}
    for i in range(0, len(chosen), _VALUES_MAX):
        block = "VALUES ?m { " + " ".join(str(m) for _, m in chosen[i:i + _VALUES_MAX]) + " }"
        for r in run(store, _QUOTES.replace("WHERE {", "WHERE { " + block, 1)).rows:
            span = (int(r["start"].value), int(r["end"].value), r["rule"].value, r["quote"].value)
            spans[r["m"].value] = min(span, spans.get(r["m"].value, span))
    out = []
    for r, iri in zip(records, iris):
        ms = first.get(iri.value, [])
        best = min(((spans[m[3].value], m) for m in ms if m[3].value in spans), default=None)
        years = [m[1] for m in dated.get(iri.value, []) if not m[0]]
        out.append(TimelineEntry(min(years) if years else None, _claim_label(r), r.relation,
                                 sorted(events.get(iri.value, ())), r.documents, r.sources,
                                 best[0][3] if best else "", best[1][2] if best else ""))
    return sorted(out, key=lambda t: (t.year is None, t.year or 0, -t.sources, t.claim))


def timeline(records: list[ClaimRecord]) -> list[TimelineEntry]:
    """Claims in the order of the year the texts place them in; undated claims last."""
    out = []
    for r in records:
        e = min(r.evidence, key=lambda e: (e.year is None, e.year or 0, e.doc, e.start)) if r.evidence else None
        out.append(TimelineEntry(r.year, _claim_label(r), r.relation, r.events, r.documents, r.sources,
                                 e.quote if e else "", e.doc if e else ""))
    return sorted(out, key=lambda t: (t.year is None, t.year or 0, -t.sources, t.claim))
