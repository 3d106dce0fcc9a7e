"""What keeps reading commands fast gives the same answers as the slow way: the network and counts kept at
build time, claims paged in SPARQL, actor names looked up in the store, validation of a sample; and the
benchmark's synthetic corpus is deterministic."""
import io
import json
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.claims import claim_records
from kg.network import actor_graph, rank_actors, ranked_actors
from kg.query import built_actor
from kg.rules import load_rules
from kg.store import Store
from kg.validate import _DOCUMENT, _TYPE, sample_quads, validate_graph
from tests.conftest import run

ROOT = Path(__file__).resolve().parent.parent


def test_materialised_network_ranks_actors_exactly_as_the_full_graph(corpus_store):
    store = Store(corpus_store)
    slow = rank_actors(actor_graph(store, include_isolated=True))
    fast = ranked_actors(store)
    assert len(fast) > 50 and fast == slow


def test_actor_edges_sum_the_asserted_claims_of_each_pair(corpus_store):
    store = Store(corpus_store)
    rows = store.query("""PREFIX kg: <https://w3id.org/kg/ns#>
        SELECT ?from ?to ?cls ?claims ?sources WHERE { ?e a kg:ActorEdge ; kg:edgeFrom ?from ; kg:edgeTo ?to ;
        kg:edgeClass ?cls ; kg:claimCount ?claims ; kg:sourceSum ?sources }""")
    edges = {(r["from"].value.rsplit("/", 1)[-1], r["to"].value.rsplit("/", 1)[-1], r["cls"].value.rsplit("#", 1)[-1]):
             (int(r["claims"].value), int(r["sources"].value)) for r in rows}
    expected: dict = {}
    for c in claim_records(store):
        if not c.negated:
            key = (c.subject_id, c.object_id, "".join(w.title() for w in c.quad_class.split("_")))
            n, s = expected.get(key, (0, 0))
            expected[key] = (n + 1, s + c.sources)
    assert edges == expected and edges[("china", "north_korea", "MaterialCooperation")][0] >= 1


def test_limit_and_offset_page_through_claims_in_order(corpus_store):
    store = Store(corpus_store)
    every = [c.id for c in claim_records(store, single_source=True)]
    page = [c.id for c in claim_records(store, single_source=True, limit=5, offset=3)]
    assert len(every) > 10 and page == every[3:8]
    result = run(["claims", "--single-source", "--limit", "2", "--format", "json"], corpus_store)
    assert [c["id"] for c in json.loads(result.output)] == every[:2]
    # a page keeps every quote of its claims
    full = {c.id: c for c in claim_records(store, single_source=True)}
    for c in claim_records(store, single_source=True, limit=5, offset=3):
        assert c == full[c.id]


def test_actor_names_are_resolved_from_the_store_as_the_gazetteer_would(corpus_store):
    store = Store(corpus_store)
    rules = load_rules()
    for name in ["DPRK", "north korea", "N.Korea", "Kim Il Sung", "china", "Mao Zedong"]:
        actor = rules.actor_by_name(name)
        assert actor is not None
        assert built_actor(store, name) == ox.NamedNode(f"https://w3id.org/kg/id/actor/{actor.id}"), name
    assert built_actor(store, "Atlantis") is None
    # a gazetteer name the corpus never uses is still known (no claims), an unknown name is an error
    assert run(["claims", "--actor", "Atlantis"], corpus_store).exit_code != 0


def _seed_dataset(seed_store) -> ox.Store:
    db = ox.Store()
    db.bulk_extend(iter(Store(seed_store).open()))
    return db


def test_a_sample_is_judged_with_everything_its_shapes_look_at(seed_store):
    db = _seed_dataset(seed_store)
    docs = sorted((q.subject for q in db.quads_for_pattern(None, _TYPE, _DOCUMENT, ox.DefaultGraph())),
                  key=lambda n: n.value)
    quads, focus = sample_quads(db, docs[:1])
    out = io.BytesIO()
    ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    assert validate_graph(out.getvalue(), sorted(n.value for n in focus)).conforms
    # break one mention of the sampled document and one of another: only the first is in the sample
    kg_rule = ox.NamedNode("https://w3id.org/kg/ns#rule")
    derived = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    mention_of = {}
    for q in db.quads_for_pattern(None, kg_rule, None, ox.DefaultGraph()):
        doc = next(db.quads_for_pattern(q.subject, derived, None, ox.DefaultGraph())).object
        mention_of.setdefault(doc, q)
    db.remove(mention_of[docs[0]])
    db.remove(mention_of[docs[1]])
    quads, focus = sample_quads(db, docs[:1])
    out = io.BytesIO()
    ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    result = validate_graph(out.getvalue(), sorted(n.value for n in focus))
    assert not result.conforms and result.violations == 1
    assert mention_of[docs[0]].subject.value in result.report
    assert mention_of[docs[1]].subject.value not in result.report


def test_validate_says_when_it_checked_a_sample(seed_store):
    result = run(["validate", "--sample", "2"], seed_store)
    assert result.exit_code == 0, result.output
    assert "checked 2 of 3 documents" in result.output
    assert "checked" not in run(["validate"], seed_store).output  # 3 documents: all of them


def test_benchmark_corpus_is_deterministic_with_publishers_and_copies():
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus
    a, b = corpus.generate(60, seed=3), corpus.generate(60, seed=3)
    assert a == b and len(a) == 60 and a != corpus.generate(60, seed=4)
    texts = list(a.values())
    bodies = [t.split("---\n", 2)[2] for t in texts]
    assert len(set(bodies)) < len(bodies)  # exact reprints
    assert len({t.split("publisher: ")[1].split("\n")[0] for t in texts if "publisher: " in t}) >= 4
    assert any("publisher: " not in t for t in texts)
    sentences = set(corpus.sentences())
    assert any(s in bodies[0] for s in sentences)  # real sentences, reshuffled
