"""kg actors, kg path and kg timeline: networkx over the claims of the seeds and dev articles."""
import json

from kg.network import actor_graph
from kg.store import Store
from tests.conftest import run


def test_actors_ranked_by_pagerank_with_aliases(corpus_store):
    result = run(["actors", "--format", "json"], corpus_store)
    ranks = json.loads(result.output)
    assert [a["actor"] for a in ranks[:2]] == ["China", "North Korea"]
    nk = ranks[1]
    assert {"DPRK", "N.Korea", "Pyongyang"} <= set(nk["aliases"]) and nk["type"] == "state"
    assert nk["weighted_degree"] >= nk["degree"] > 20
    assert abs(sum(a["pagerank"] for a in ranks) - 1) < 0.01
    # actors named in the texts but in no claim are listed too, with degree 0
    assert any(a["degree"] == 0 for a in ranks)
    text = run(["actors", "--limit", "3"], corpus_store).output
    assert text.splitlines()[2].split()[:2] == ["1", "China"] and "(3 rows)" in text


def test_graph_has_one_edge_per_claim_and_filters(corpus_store):
    store = Store(corpus_store)
    g = actor_graph(store)
    claims = json.loads(run(["claims", "--format", "json"], corpus_store).output)
    assert g.number_of_edges() == len(claims)
    e = g.get_edge_data("china", "north_korea")
    aid = next(d for d in e.values() if d["relation"] == "AID")
    assert aid["sources"] == 5 and aid["quad_class"] == "material_cooperation" and not aid["negated"]
    near = actor_graph(store, actor="Lin Biao", depth=1)
    assert "lin_biao" in near and all(near.has_edge(n, "lin_biao") or near.has_edge("lin_biao", n)
                                      for n in near if n != "lin_biao")
    conflict = actor_graph(store, relation_class="material_conflict")
    assert conflict.number_of_edges() and all(d["quad_class"] == "material_conflict"
                                              for _, _, d in conflict.edges(data=True))


def test_path_between_two_actors_with_quotes(corpus_store, seed_docs):
    result = run(["path", "Kim Il-sung", "Lin Biao"], corpus_store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("1. Kim Il Sung --AID--> Lin Biao")
    doc, span = lines[1].split()[0], lines[1].split()[1]
    start, end = map(int, span.strip("[]:").split(":"))
    quote = lines[1].split(": ", 1)[1].strip('"')
    assert " ".join(seed_docs[doc].text[start:end].split()) == quote
    # the shortest chain: through China, whom Brezhnev planned to provoke (seed 001)
    hops = [line.split("   (")[0] for line in run(["path", "Mao Zedong", "Brezhnev"], corpus_store).output.splitlines()[::2]]
    assert hops == ["1. Mao Zedong --LEADER_OF--> China", "2. China <--THREATEN-- Leonid Brezhnev"]


def test_a_path_read_from_the_kept_network_is_the_path_over_every_claim(corpus_store, monkeypatch):
    import itertools
    import kg.claims
    from kg.network import path, path_in_store, ranked_actors
    from kg.rules import load_rules
    store, rules = Store(corpus_store), load_rules()
    g = actor_graph(store, rules=rules)
    ranks = ranked_actors(store, rules)
    names = [r.actor for r in ranks[:6]] + [r.actor for r in ranks[40:44]] + ["Mao Zedong", "Brezhnev", "Lin Biao",
                                                                            "Albania", "Fudan University"]
    read = []
    real = kg.claims.claim_records
    monkeypatch.setattr(kg.claims, "claim_records", lambda *a, **k: read.append(k.get("among")) or real(*a, **k))
    monkeypatch.setattr("kg.network.claim_records", kg.claims.claim_records)
    lengths = set()
    for a, b in itertools.permutations(names, 2):
        whole = path(g, a, b, rules)
        assert path_in_store(store, a, b, rules) == whole, (a, b)
        lengths.add(len(whole))
    assert {0, 1, 2, 3, 4} <= lengths  # no path, and paths of one to four hops
    # only the claims between the actors a path can pass through were read: for one hop, its two ends
    sizes = sorted(len(among) for among in read)
    assert sizes[0] == 2 and sizes[len(sizes) // 2] < g.number_of_nodes() / 2, (sizes, g.number_of_nodes())


def test_path_errors(corpus_store):
    unknown = run(["path", "Atlantis", "China"], corpus_store)
    assert unknown.exit_code == 2 and "Atlantis" in unknown.output
    none = run(["path", "Albania", "Fudan University"], corpus_store)
    assert none.exit_code == 1 and none.output == "no connection\n"


def test_timeline_orders_claims_by_year(corpus_store):
    result = run(["timeline", "--actor", "DPRK", "--format", "json"], corpus_store)
    entries = json.loads(result.output)
    years = [e["year"] for e in entries if e["year"] is not None]
    assert years == sorted(years) and years[0] <= 1950
    korean_war = next(e for e in entries if e["claim"] == "China AID North Korea")
    assert korean_war["year"] == 1950 and korean_war["sources"] == 5 and "Korean War" in korean_war["events"]
    assert all("North Korea" in e["claim"] for e in entries)
    csv_lines = run(["timeline", "--actor", "DPRK", "--format", "csv"], corpus_store).output.splitlines()
    assert csv_lines[0] == "year,claim,relation,events,documents,sources,quote,doc" and len(csv_lines) == len(entries) + 1


def _page_edges(html: str) -> list[dict]:
    import re
    return json.loads(re.search(r"var edges = new vis\.DataSet\((.*)\);\n", html).group(1))


def test_graph_views_read_only_the_quotes_they_show(corpus_store, tmp_path):
    from kg.views import export_network, render_html
    store = Store(corpus_store)
    full = actor_graph(store)
    assert max(len(d["evidence"]) for _, _, d in full.edges(data=True)) > 3  # the bound cuts real claims
    for quotes in (0, 1, 3):
        g = actor_graph(store, quotes=quotes)
        assert list(g.nodes(data=True)) == list(full.nodes(data=True))
        assert list(g.edges(keys=True)) == list(full.edges(keys=True))
        for u, v, key, attrs in g.edges(keys=True, data=True):
            whole = full.edges[u, v, key]
            assert attrs["evidence"] == whole["evidence"][:quotes], (key, quotes)
            # every quote is still counted, and every document still listed (the page's document filter)
            assert attrs["quote_count"] == len(whole["evidence"])
            assert attrs["quote_docs"] == sorted({e["doc"] for e in whole["evidence"]})
            assert {k: x for k, x in attrs.items() if k != "evidence"} == {k: x for k, x in whole.items() if k != "evidence"}
    # with a bound no claim reaches, the page and the export are byte for byte those of every quote
    page, gexf = tmp_path / "all.html", tmp_path / "all.gexf"
    assert run(["graph", "--quotes", "100000", "-o", str(page)], corpus_store).exit_code == 0
    assert page.read_text(encoding="utf-8") == render_html(full, title="kg: every actor")
    assert run(["export", "network", "--quotes", "100000", "-o", str(gexf)], corpus_store).exit_code == 0
    assert gexf.read_bytes() == export_network(full, "gexf")
    # by default a claim carries its first three quotes, and all its documents for the page's filter
    assert run(["graph", "-o", str(page)], corpus_store).exit_code == 0
    claims = {c["claim"]: c for e in _page_edges(page.read_text(encoding="utf-8")) for c in e["kg"]["claims"]}
    assert len(claims) == full.number_of_edges()
    for u, v, key, whole in full.edges(keys=True, data=True):
        shown = claims[key]
        assert [e["quote"] for e in shown["evidence"]] == [e["quote"] for e in whole["evidence"][:3]]
        assert shown["docs"] == sorted({e["doc"] for e in whole["evidence"]})
        assert shown["quotes"] == len(whole["evidence"])


def test_timeline_read_without_every_quote_is_the_timeline_of_every_quote(corpus_store):
    from kg.claims import claim_records
    from kg.network import ranked_actors, timeline, timeline_in_store
    store = Store(corpus_store)
    whole = timeline(claim_records(store))
    assert timeline_in_store(store) == whole
    assert sum(e.year is not None for e in whole) > 20 and any(e.events for e in whole)
    for a in ranked_actors(store)[:12]:
        entries = timeline_in_store(store, actor=a.actor)
        assert entries and entries == timeline(claim_records(store, actor=a.actor)), a.actor


def test_an_actors_graph_reads_quotes_only_within_depth_and_is_the_whole_graph_cut_down(corpus_store, monkeypatch):
    import networkx as nx
    import kg.claims
    store = Store(corpus_store)
    full = actor_graph(store)
    quoted = []
    real = kg.claims.with_evidence
    monkeypatch.setattr("kg.network.with_evidence", lambda s, records, *a: quoted.append(len(records)) or real(s, records, *a))
    for name, ident, depth in [("Lin Biao", "lin_biao", 1), ("DPRK", "north_korea", 1), ("Mao Zedong", "mao_zedong", 2)]:
        keep = nx.single_source_shortest_path_length(full.to_undirected(as_view=True), ident, cutoff=depth)
        for quotes in (None, 1):
            g = actor_graph(store, actor=name, depth=depth, quotes=quotes)
            assert list(g.nodes(data=True)) == [(n, d) for n, d in full.nodes(data=True) if n in keep]
            expected = [(u, v, k, {**d, "evidence": d["evidence"][:quotes]}) for u, v, k, d in full.edges(keys=True, data=True)
                        if u in keep and v in keep]
            assert list(g.edges(keys=True, data=True)) == expected, name
            assert quoted[-1] == len(expected) < full.number_of_edges()  # only these claims' quotes were read
