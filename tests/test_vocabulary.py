"""The vocabulary (ontology/kg.ttl) describes every kg: term the build writes, and the SHACL shapes
(ontology/shapes.ttl) catch real breakage of the corroboration model on a hand-modified seed graph."""
import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.rules import ONTOLOGY_DIR
from kg.store import Store
from kg.validate import validate_graph
from tests.conftest import SEEDS, run

KG = rdflib.Namespace("https://w3id.org/kg/ns#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def vocabulary():
    return rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes():
    return rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.fixture(scope="module")
def seed_lines(seed_store):
    return Store(seed_store).dump(ox.RdfFormat.N_QUADS).decode().splitlines()


def _dataset(lines) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data="\n".join(lines), format="nquads")
    return ds


def _declared(vocabulary) -> set:
    return {s for s in vocabulary.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef) and s.startswith(KG)}


def _violations(lines) -> tuple[bool, list[dict]]:
    """Validate N-Quad lines as `kg validate` does; one dict per result (focus, path, message, component)."""
    result = validate_graph("\n".join(lines).encode())
    out = []
    for block in re.split(r"^Constraint Violation in ", result.report, flags=re.M)[1:]:  # top-level results only
        fields = dict(re.findall(r"^\t(Focus Node|Result Path|Message): (.*)$", block, re.M))
        out.append({"component": block.split(" ", 1)[0], "focus": fields.get("Focus Node", ""),
                    "path": fields.get("Result Path", ""), "message": fields.get("Message", "")})
    assert f"Results ({len(out)})" in result.report or result.conforms
    return result.conforms, out


def _nt(term) -> str:
    return term.n3()


def test_vocabulary_and_shapes_parse_and_every_term_is_described(vocabulary, shapes):
    terms = _declared(vocabulary)
    assert len(terms) > 100
    for t in terms:
        labels = [l for l in vocabulary.objects(t, RDFS.label) if l.language == "en"]
        comments = [c for c in vocabulary.objects(t, RDFS.comment) if c.language == "en"]
        assert len(labels) == 1 and len(comments) == 1, t
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) > 10


def test_every_kg_term_the_build_writes_is_declared(seed_lines, vocabulary):
    ds = _dataset(seed_lines)
    used = set()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        used |= {t for t in (s, p, o) if isinstance(t, rdflib.URIRef) and t.startswith(KG)}
    assert KG.origin in used and KG.sourceCount in used and KG.Contest in used and KG.quantityText in used
    assert sorted(used - _declared(vocabulary)) == []


def test_vocabulary_states_the_corroboration_model(vocabulary):
    v = vocabulary
    assert (KG.event, RDFS.domain, KG.Mention) in v and (KG.event, RDFS.domain, KG.Claim) not in v
    for copy in (KG.exactCopyOf, KG.nearCopyOf):
        assert (copy, RDFS.subPropertyOf, PROV.wasDerivedFrom) in v
    for cls, members in ((KG.QuadClass, 5), (KG.ContestKind, 4)):
        assert len(list(v.subjects(RDF.type, cls))) == members
        assert len(list(Collection(v, v.value(cls, OWL.oneOf)))) == members
    assert (KG.Source, RDFS.subClassOf, None) not in v  # people, states and documents are sources too


def test_quad_classes_in_the_vocabulary_match_the_lexicon(vocabulary, rules):
    """kg.ttl repeats lexicon.yaml's relation_classes; the build writes both into one graph."""
    camel = {"verbal_cooperation": KG.VerbalCooperation, "material_cooperation": KG.MaterialCooperation,
             "verbal_conflict": KG.VerbalConflict, "material_conflict": KG.MaterialConflict,
             "affiliation": KG.Affiliation}
    stated = {str(s)[len(KG):]: o for s, o in vocabulary.subject_objects(KG.quadClass)}
    assert stated == {rel: camel[cls] for rel, cls in rules.relation_classes.items()}


def test_quantity_kinds_in_the_shapes_match_the_lexicon(shapes, rules):
    prop = next(p for p in shapes.subjects(SH.path, KG.quantityKind) if shapes.value(p, SH["in"]) is not None)
    kinds = {str(k) for k in Collection(shapes, shapes.value(prop, SH["in"]))}
    assert kinds == set(rules.quantities.units.values())


def test_a_broken_seed_graph_is_caught_where_it_is_broken(seed_lines):
    """Five independent breakages of the seed graph; each is reported, and nothing else is."""
    ds = _dataset(seed_lines)
    claims = sorted(ds.subjects(KG.sourceCount, None))
    no_count, wrong_count, with_event = claims[0], claims[1], claims[2]
    mention = sorted(m for m in ds.subjects(KG.origin, None) if ds.value(m, KG.claim) not in claims[:3])[0]
    contest = sorted(ds.subjects(RDF.type, KG.Contest))[0]
    side_a = ds.value(contest, KG.sideA)
    stranger = rdflib.URIRef("https://w3id.org/kg/id/actor/ussr")
    assert (stranger, RDF.type, KG.Source) not in ds and ds.value(mention, KG.origin) != stranger

    def drop(s, p):
        prefix = f"{_nt(s)} {_nt(p)} "
        return lambda line: line.startswith(prefix)
    drops = [drop(no_count, KG.sourceCount), drop(wrong_count, KG.sourceCount), drop(mention, KG.origin),
             drop(contest, KG.sideB)]
    broken = [line for line in seed_lines if not any(d(line) for d in drops)]
    broken += [
        f'{_nt(wrong_count)} {_nt(KG.sourceCount)} "99"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        f"{_nt(with_event)} {_nt(KG.event)} <https://w3id.org/kg/id/event/korean_war> .",
        f"{_nt(mention)} {_nt(KG.origin)} {_nt(stranger)} .",
        f"{_nt(contest)} {_nt(KG.sideB)} {_nt(side_a)} .",  # both sides one mention, one source
    ]
    conforms, found = _violations(broken)
    assert not conforms

    def reported(focus, path=None, message=None):
        return any(v["focus"] == _nt(focus) and (path is None or v["path"] == path)
                   and (message is None or message in v["message"]) for v in found)
    assert reported(no_count, "kg:sourceCount", "Less than 1 values")
    assert reported(wrong_count, "kg:sourceCount", "number of the claim's kg:supportedBy sources")
    assert reported(with_event, "kg:event")
    assert reported(mention, "kg:origin", "attributed to")
    assert reported(mention, "kg:origin")  # the stranger is no kg:Source
    assert reported(ds.value(mention, KG.claim), message="kg:supportedBy")  # its claim's sources no longer match
    assert reported(contest, "kg:sideA")  # sideA and sideB must differ
    assert reported(contest, message="different independent sources")
    expected_focus = {_nt(n) for n in (no_count, wrong_count, with_event, mention, ds.value(mention, KG.claim),
                                       contest)}
    assert {v["focus"] for v in found} <= expected_focus


def test_copies_are_recorded_and_checked(tmp_path, fresh_seeds):
    original = sorted(SEEDS.glob("*.txt"))
    (fresh_seeds / "zz_exact_copy.txt").write_text(original[0].read_text(encoding="utf-8"), encoding="utf-8")
    words = original[1].read_text(encoding="utf-8").split(" ")
    (fresh_seeds / "zz_near_copy.txt").write_text(
        " ".join(w + "x" if i % 40 == 0 else w for i, w in enumerate(words)), encoding="utf-8")
    store = tmp_path / ".kg"
    assert run(["build", str(fresh_seeds)], store).exit_code == 0
    lines = Store(store).dump(ox.RdfFormat.N_QUADS).decode().splitlines()
    ds = _dataset(lines)
    (exact, first), = ds.subject_objects(KG.exactCopyOf)
    (near, second), = ds.subject_objects(KG.nearCopyOf)
    assert (exact, PROV.wasDerivedFrom, first) in ds and (near, PROV.wasDerivedFrom, second) in ds
    assert float(ds.value(exact, KG.copySimilarity)) == 1.0 and 0.6 <= float(ds.value(near, KG.copySimilarity)) < 1
    assert ds.value(near, KG.independentSource) == ds.value(second, KG.independentSource)
    assert validate_graph("\n".join(lines).encode()).conforms

    # the near copy now points at the exact copy (not the earliest of its family) and loses the
    # plain prov:wasDerivedFrom; the exact copy claims a similarity below 1
    broken = [line for line in lines
              if not line.startswith((f"{_nt(near)} {_nt(KG.nearCopyOf)} ", f"{_nt(near)} {_nt(PROV.wasDerivedFrom)} ",
                                      f"{_nt(exact)} {_nt(KG.copySimilarity)} "))]
    broken += [f"{_nt(near)} {_nt(KG.nearCopyOf)} {_nt(exact)} .",
               f'{_nt(exact)} {_nt(KG.copySimilarity)} "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .']
    conforms, found = _violations(broken)
    assert not conforms
    assert any(v["focus"] == _nt(near) and "prov:wasDerivedFrom" in v["message"] for v in found)
    assert any(v["focus"] == _nt(near) and v["component"].startswith("NodeConstraint") for v in found)
    assert any(v["focus"] == _nt(exact) and v["component"].startswith("OrConstraint") for v in found)
    assert {v["focus"] for v in found} <= {_nt(near), _nt(exact)}
