"""Check the stored graph against the SHACL shapes in ontology/shapes.ttl (with pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from kg.rules import ONTOLOGY_DIR
from kg.store import Store


@dataclass
class Validation:
    conforms: bool
    violations: int
    report: str


def validate_graph(nquads: bytes) -> Validation:
    """Validate a graph given as N-Quads; every named graph is checked together with the default graph."""
    import pyshacl

    ds = rdflib.Dataset()
    ds.parse(data=nquads, format="nquads")
    data = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, report_graph, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                                    inference="none", advanced=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = len(set(report_graph.subjects(rdflib.RDF.type, sh.ValidationResult)))
    return Validation(bool(conforms), violations, text)


def validate(store: Store) -> Validation:
    return validate_graph(store.dump(ox.RdfFormat.N_QUADS))
