"""Check the stored graph against the SHACL shapes in ontology/shapes.ttl (with pyshacl): all of it, or a
sample of documents with everything the shapes look at around them (large stores)."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from kg.rdf import ID, KG, LOG_GRAPH, PREFIXES
from kg.rules import ONTOLOGY_DIR
from kg.store import Store

SAMPLE_DOCUMENTS = 50
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_DOCUMENT = ox.NamedNode(KG + "Document")
_DERIVED = ox.NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
_CLAIM = ox.NamedNode(KG + "claim")
_CONTESTS = ox.NamedNode(KG + "contests")
_CLAIM_PREFIX = ID + "claim/"
# what the claim shapes read of each mention: that it is one, its claim, its document, its origin
_COUNTED = (_TYPE, _CLAIM, _DERIVED, ox.NamedNode(KG + "origin"))


@dataclass
class Validation:
    conforms: bool
    violations: int
    report: str
    documents: int = 0      # documents in the store
    checked: int = 0        # documents whose statements were checked (all of them unless sampled)


def validate_graph(nquads: bytes, focus: list[str] | None = None) -> Validation:
    """Validate a graph given as N-Quads; every named graph is checked together with the default graph.
    With focus (IRIs), only those nodes are judged."""
    import pyshacl

    ds = rdflib.Dataset()
    ds.parse(data=nquads, format="nquads")
    data = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, report_graph, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                                    inference="none", advanced=True,
                                                    focus_nodes=[rdflib.URIRef(f) for f in focus] if focus else None)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = len(set(report_graph.subjects(rdflib.RDF.type, sh.ValidationResult)))
    return Validation(bool(conforms), violations, text)


def _follow(db: ox.Store, todo: list, seen: set, out: list) -> None:
    """Add every default-graph statement about the nodes in todo and about what they point to."""
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for q in db.quads_for_pattern(node, None, None, ox.DefaultGraph()):
            out.append(q)
            if isinstance(q.object, ox.NamedNode) and q.object not in seen:
                todo.append(q.object)


def sample_quads(db: ox.Store, documents: list[ox.NamedNode]) -> tuple[list[ox.Quad], set]:
    """What the shapes look at to judge these documents, and the nodes to judge (the focus).

    The documents, what is derived from them (mentions, copies), the contests over their claims and
    everything those point to; and of every other mention of a claim reached, the four statements the
    claim's counts are checked against (that mention itself is judged only when its document is sampled).
    """
    derived = [q.subject for d in documents for q in db.quads_for_pattern(None, _DERIVED, d, ox.DefaultGraph())]
    claims = {q.object for m in derived for q in db.quads_for_pattern(m, _CLAIM, None, ox.DefaultGraph())}
    contests = [q.subject for c in claims for q in db.quads_for_pattern(None, _CONTESTS, c, ox.DefaultGraph())]
    focus: set = set()
    out: list[ox.Quad] = []
    _follow(db, [*documents, *derived, *contests], focus, out)
    for claim in [n for n in focus if n.value.startswith(_CLAIM_PREFIX)]:
        for m in (q.subject for q in db.quads_for_pattern(None, _CLAIM, claim, ox.DefaultGraph())):
            if m not in focus:
                out += [q for p in _COUNTED for q in db.quads_for_pattern(m, p, None, ox.DefaultGraph())]
    out += list(db.quads_for_pattern(None, None, None, LOG_GRAPH))
    return out, focus


def validate(store: Store, *, full: bool = False, sample: int = SAMPLE_DOCUMENTS) -> Validation:
    """The whole graph with full (or when the store holds no more than sample documents); else a sample of
    documents spread evenly over the file names, with what they reach."""
    db = store.open()
    docs = sorted((q.subject for q in db.quads_for_pattern(None, _TYPE, _DOCUMENT, ox.DefaultGraph())),
                  key=lambda n: n.value)
    if full or len(docs) <= sample:
        result = validate_graph(store.dump(ox.RdfFormat.N_QUADS))
        result.documents = result.checked = len(docs)
        return result
    step = len(docs) / sample
    chosen = [docs[int(i * step)] for i in range(sample)]
    quads, focus = sample_quads(db, chosen)
    out = io.BytesIO()
    ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    result = validate_graph(out.getvalue(), sorted(n.value for n in focus))
    result.documents, result.checked = len(docs), len(chosen)
    return result
