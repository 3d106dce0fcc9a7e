"""The graph views: the HTML page in a real headless Chromium with the network cut off; GEXF/GraphML."""
import io
import json
import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg import rules
from kg.views import NODE_COLOURS, PHYSICS_LIMIT, QUAD_CLASSES, TOP_ACTORS, export_network, render_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PWNED_SCRIPT = "<script>window.__pwned=1</script>"
PWNED_IMG = '<img src=x onerror="window.__pwned=1">'


def actor_graph_fixture() -> nx.MultiDiGraph:
    """A small graph in kg.network's format, with a planted hostile actor and quote."""
    g = nx.MultiDiGraph(title="Hand-made <b>graph</b>")

    def actor(key, label, kind, aliases=(), wikidata="", sources=1):
        g.add_node(key, label=label, type=kind, aliases=list(aliases), wikidata=wikidata,
                   sources=sources, documents=sources, mentions=2 * sources)

    def claim(key, subj, obj, relation, quad, *, negated=False, sources=1, quote="It happened.",
              doc="a.txt", publisher="KCNA", attributed_to="", polarity="asserted"):
        evidence = [{"doc": doc, "publisher": publisher, "quote": quote, "start": 10, "end": 10 + len(quote),
                     "polarity": polarity, "attributed_to": attributed_to, "event": "Korean War", "year": 1950}]
        g.add_edge(subj, obj, key=key, relation=relation, quad_class=quad, negated=negated, sources=sources,
                   documents=sources, source_names=[publisher], contested=negated, evidence=evidence)

    actor("north_korea", "North Korea", "state", ["DPRK", "Pyongyang"], "Q423", sources=3)
    actor("china", "China", "state", ["PRC", "Beijing"], "Q148", sources=3)
    actor("kim", "Kim Il-sung", "person", ["Kim Il Sung", "Great Leader"], "Q39464", sources=2)
    actor("kpa", "Korean People's Army", "military_unit", ["KPA"], "Q1056693")
    actor("evil", PWNED_IMG, "group", [PWNED_SCRIPT, 'Quote "Mark" \'s'], "javascript:alert(1)")
    actor("loner", "Lonely Society", "organisation")  # in no claim: still drawn
    claim("c-aid", "china", "north_korea", "AID", "material_cooperation", sources=3, doc="b.txt",
          publisher="Xinhua", quote="China sent rice and weapons.")
    claim("c-support", "china", "north_korea", "SUPPORT", "verbal_cooperation")
    claim("c-assault", "north_korea", "china", "ASSAULT", "material_conflict", negated=True, sources=2,
          polarity="negated", quote="The DPRK never attacked China.")
    claim("c-leads", "kim", "kpa", "LEADER_OF", "affiliation", sources=2)
    claim("c-member", "kpa", "north_korea", "MEMBER_OF", "affiliation")
    claim("c-threat", "kim", "china", "THREATEN", "verbal_conflict", attributed_to="Kim Il-sung",
          polarity="hedged", quote="may have threatened")
    claim("c-evil", "evil", "china", "ACCUSE", "verbal_conflict", publisher=PWNED_IMG,
          quote=f'{PWNED_SCRIPT} and {PWNED_IMG} "quoted" \'single\' </script><!-- <b>bold</b>',
          attributed_to=PWNED_SCRIPT, doc="<evil>.txt")
    return g


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = Counter()

    def handle_starttag(self, tag, attrs):
        self.seen[tag] += 1


# --- the HTML, read as text ------------------------------------------------------------------

def test_page_has_no_remote_references_and_no_markup_from_data():
    html = render_html(actor_graph_fixture())
    # no element or style rule that fetches anything (the page's own Wikidata link is only followed on click)
    assert not re.search(r"<(script|link|img|iframe|object|embed|source)\b[^>]*\s(src|href|data)\s*=", html, re.I)
    css = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert css and not re.search(r"""url\(\s*(?!["']?data:)|@import""", css, re.I)
    assert "bootstrap" not in html.lower()
    # the elements a browser parser sees are the template's: nothing in the data opened or closed one
    tags = Tags()
    tags.feed(html)
    assert tags.seen["script"] == 2 and tags.seen["style"] == 2
    assert not {"img", "b", "evil"} & set(tags.seen)
    assert PWNED_IMG not in html and "<evil>" not in html and "<b>bold" not in html
    assert "<title>Hand-made &lt;b&gt;graph&lt;/b&gt;</title>" in html


def test_every_actor_type_and_relation_class_has_a_colour():
    assert tuple(NODE_COLOURS) == rules.ACTOR_TYPES and tuple(QUAD_CLASSES) == rules.QUAD_CLASSES


def test_title_argument_overrides_graph_title():
    html = render_html(actor_graph_fixture(), title="Only NK")
    assert "<title>Only NK</title>" in html


# --- the page in a real browser, network cut off ---------------------------------------------

def _cannot_run(reason: str):
    """Skip on a developer's machine; in CI (CI set, as .ci/run does) a missing browser is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        _cannot_run("Playwright for Python is not installed")
    if not Path(CHROMIUM).exists():
        _cannot_run(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A generated page opened from a file:// URL; every request other than the page is aborted and kept."""

    def __init__(self, browser, html: str, path: Path, viewport=(1400, 900)):
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.requests, self.errors = [], []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url == self.url
                        else route.abort())
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=60_000)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def counts(self) -> dict:
        return self.js("""() => ({nodes: kg.nodes.length, edges: kg.edges.length,
            drawnNodes: kg.network.body.nodeIndices.length, drawnEdges: kg.network.body.edgeIndices.length})""")

    def dom_point(self, node_ids: list[str]) -> tuple[float, float]:
        """Page coordinates of a node, or of the midpoint between two nodes."""
        x, y = self.js("""(ids) => {
            const pos = kg.network.getPositions(ids);
            const p = ids.map(id => kg.network.canvasToDOM(pos[id]));
            const box = document.getElementById("kg-network").getBoundingClientRect();
            const n = p.length;
            return [box.left + p.reduce((s, q) => s + q.x, 0) / n, box.top + p.reduce((s, q) => s + q.y, 0) / n];
        }""", node_ids)
        return x, y

    def assert_offline_and_clean(self):
        assert self.requests == [self.url]
        assert self.errors == []

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser, tmp_path):
    pages = []

    def opener(graph, **kw):
        pages.append(Page(browser, render_html(graph), tmp_path / f"page{len(pages)}.html", **kw))
        return pages[-1]
    yield opener
    for p in pages:
        p.close()


def test_page_draws_one_edge_per_actor_pair_and_direction_offline(open_page):
    g = actor_graph_fixture()
    page = open_page(g)
    # 7 claims between 6 pairs: China -> North Korea carries AID and SUPPORT on one arrow
    assert page.counts() == {"nodes": 6, "edges": 6, "drawnNodes": 6, "drawnEdges": 6}
    assert page.page.inner_text("#kg-status") == "showing 6 of 6 actors, 7 of 7 claims"
    edges = page.js("() => kg.edges.get()")
    by_id = {e["id"]: e for e in edges}
    assert set(by_id) == {f"{u}\u2192{v}" for u, v in g.edges()}
    assert sorted(c["claim"] for e in edges for c in e["kg"]["claims"]) == sorted(k for _, _, k in g.edges(keys=True))
    both = by_id["china\u2192north_korea"]
    assert [c["claim"] for c in both["kg"]["claims"]] == ["c-aid", "c-support"]  # best-sourced first
    assert both["kg"]["classes"] == {"material_cooperation": 1, "verbal_cooperation": 1}
    assert both["label"] == "AID \u00b7 SUPPORT" and not both["dashes"]
    assert by_id["north_korea\u2192china"]["label"] == "not ASSAULT"  # the other direction is its own arrow
    assert by_id["kim\u2192china"]["dashes"] and both["width"] > by_id["kim\u2192kpa"]["width"]
    assert both["color"]["color"] != by_id["north_korea\u2192china"]["color"]["color"]
    assert page.js("() => kg.shownClaims()") == sorted(k for _, _, k in g.edges(keys=True))
    # edge labels are not drawn until the view is zoomed in (or an edge hovered)
    assert page.js("() => kg.network.edgesHandler.options.font.size") == 0
    page.page.mouse.move(*page.dom_point(["loner"]))
    for _ in range(6):
        page.page.mouse.wheel(0, -400)
        page.page.wait_for_timeout(50)
    page.page.wait_for_function("() => kg.network.edgesHandler.options.font.size === 12")
    # the legend names every actor type and relation class
    legend = page.page.inner_text("#kg-legend")
    for words in ["state", "military unit", "media outlet", "material conflict", "leader / member of",
                  "single source"]:
        assert words in legend
    # physics lays the graph out, then stops: nothing moves afterwards
    before = page.js("() => kg.network.getPositions()")
    page.page.wait_for_timeout(300)
    assert page.js("() => kg.network.getPositions()") == before
    assert page.js("() => kg.network.physics.options.enabled") is False
    page.assert_offline_and_clean()


def test_search_finds_actor_by_label_or_alias(open_page):
    page = open_page(actor_graph_fixture())
    for query, actor, label in [("Kim Il Sung", "kim", "Kim Il-sung"), ("great leader", "kim", "Kim Il-sung"),
                                ("DPRK", "north_korea", "North Korea"), ("KPA", "kpa", "Korean People's Army")]:
        page.page.fill("#kg-search", query)
        assert label in page.page.inner_text("#kg-matches")
        page.page.press("#kg-search", "Enter")
        assert page.js("() => kg.network.getSelectedNodes()") == [actor]
        assert page.page.inner_text("#kg-details h3") == label
        if actor == "kim":
            assert "Great Leader" in page.page.inner_text("#kg-details")  # the panel lists the aliases
    page.page.fill("#kg-search", "Atlantis")
    page.page.press("#kg-search", "Enter")
    assert "no actor matches" in page.page.inner_text("#kg-status")
    page.assert_offline_and_clean()


def test_hover_and_click_show_the_evidence(open_page):
    page = open_page(actor_graph_fixture())
    page.page.mouse.move(*page.dom_point(["china"]))
    tooltip = page.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert "China" in tooltip.inner_text() and "Q148" in tooltip.inner_text()
    page.page.mouse.move(*page.dom_point(["kim", "china"]))
    page.page.locator("#kg-tooltip", has_text="THREATEN").wait_for(state="visible")
    assert "Kim Il-sung \u2192 THREATEN \u2192 China" in tooltip.inner_text()
    assert "hedged" in tooltip.inner_text() and "may have threatened" in tooltip.inner_text()
    page.page.mouse.click(*page.dom_point(["kim", "kpa"]))  # the single LEADER_OF claim between them
    details = page.page.inner_text("#kg-details")
    assert "Kim Il-sung \u2192 LEADER_OF \u2192 Korean People's Army" in details
    assert "It happened." in details and "a.txt" in details and "KCNA" in details and "asserted" in details
    page.page.mouse.click(*page.dom_point(["china"]))
    assert page.page.get_attribute("#kg-details a", "href") == "https://www.wikidata.org/wiki/Q148"
    page.assert_offline_and_clean()


def test_planted_markup_is_shown_as_text_and_never_runs(open_page):
    page = open_page(actor_graph_fixture())
    page.page.mouse.move(*page.dom_point(["evil"]))
    tooltip = page.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert PWNED_IMG in tooltip.inner_text() and PWNED_SCRIPT in tooltip.inner_text()
    page.page.mouse.click(*page.dom_point(["evil", "china"]))  # the hostile claim
    details = page.page.inner_text("#kg-details")
    assert f'{PWNED_SCRIPT} and {PWNED_IMG} "quoted" \'single\' </script><!-- <b>bold</b>' in details
    assert "<evil>.txt" in details and f"according to\n{PWNED_SCRIPT}" in details
    page.page.mouse.click(*page.dom_point(["evil"]))
    assert page.page.inner_text("#kg-details h3") == PWNED_IMG
    assert page.page.locator("#kg-details a").count() == 0  # "javascript:..." is no Wikidata id
    # a label is drawn on the canvas as text; no element came out of the data
    assert page.js("() => document.querySelectorAll('img, b, script').length") == 2
    assert page.js("() => typeof window.__pwned") == "undefined"
    assert page.js("() => document.title") == "Hand-made <b>graph</b>"
    page.assert_offline_and_clean()


def test_filters_hide_claims_and_their_actors(open_page):
    page = open_page(actor_graph_fixture())
    page.page.fill("#kg-min-sources", "2")
    assert page.page.inner_text("#kg-status") == "showing 4 of 6 actors, 3 of 7 claims"
    assert page.js("() => kg.network.body.edgeIndices.length") == 3
    page.page.fill("#kg-min-sources", "0")
    page.page.uncheck("#kg-class-affiliation")
    page.page.uncheck("#kg-class-verbal_conflict")
    assert page.page.inner_text("#kg-status") == "showing 2 of 6 actors, 3 of 7 claims"
    assert page.js("() => kg.shownClaims()") == ["c-aid", "c-assault", "c-support"]
    page.page.check("#kg-class-affiliation")
    page.page.check("#kg-class-verbal_conflict")
    page.page.select_option("#kg-doc", "b.txt")
    assert page.js("() => kg.shownClaims()") == ["c-aid"]
    assert page.page.inner_text("#kg-status") == "showing 2 of 6 actors, 1 of 7 claims"
    page.page.fill("#kg-min-docs", "3")
    page.page.select_option("#kg-doc", "")
    assert page.js("() => kg.shownClaims()") == ["c-aid"]
    page.page.fill("#kg-min-docs", "")
    assert page.counts()["drawnNodes"] == 6
    page.assert_offline_and_clean()


def test_empty_graph_gives_an_empty_page(open_page):
    page = open_page(nx.MultiDiGraph())
    assert page.counts() == {"nodes": 0, "edges": 0, "drawnNodes": 0, "drawnEdges": 0}
    assert page.page.inner_text("#kg-status") == "showing 0 of 0 actors, 0 of 0 claims"
    page.assert_offline_and_clean()


def test_two_thousand_actors_settle_and_stop(open_page):
    kinds = ["state", "organisation", "military_unit", "person", "group", "media_outlet"]
    classes = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    g = nx.MultiDiGraph()
    for i in range(2000):
        g.add_node(f"a{i}", label=f"Actor {i}", type=kinds[i % 6], aliases=[], wikidata="",
                   sources=1 + i % 4, documents=1, mentions=1)
    for j in range(4000):
        g.add_edge(f"a{(j * 7) % 2000}", f"a{(j * 13 + 1) % 2000}", key=f"c{j}", relation="AID",
                   quad_class=classes[j % 4], negated=False, sources=1 + j % 3, documents=1,
                   source_names=["X"], contested=False,
                   evidence=[{"doc": "d.txt", "publisher": "X", "quote": "q", "start": 0, "end": 1,
                              "polarity": "asserted", "attributed_to": "", "event": "", "year": None}])
    assert g.number_of_nodes() > PHYSICS_LIMIT
    pairs = {(u, v) for u, v in g.edges()}
    page = open_page(g)
    # the page opens on the TOP_ACTORS actors most sources name, and their claims among themselves
    top = set(page.js("() => kg.nodeView.getIds()"))
    assert len(top) == TOP_ACTORS and all(g.nodes[n]["sources"] == 4 for n in top)
    assert page.counts() == {"nodes": 2000, "edges": len(pairs), "drawnNodes": TOP_ACTORS,
                             "drawnEdges": sum(u in top and v in top for u, v in pairs)}
    assert page.js("() => kg.network.physics.options.enabled") is False
    page.page.click("#kg-more")
    assert page.counts()["drawnNodes"] == TOP_ACTORS + 100
    page.page.fill("#kg-top", "2000")
    assert page.counts() == {"nodes": 2000, "edges": len(pairs), "drawnNodes": 2000, "drawnEdges": len(pairs)}
    page.page.wait_for_function("() => kg.network.physics.options.enabled === false", timeout=60_000)
    page.assert_offline_and_clean()


# --- GEXF / GraphML ------------------------------------------------------------------------

READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_export_loads_back_with_the_same_counts_and_attributes(fmt):
    g = actor_graph_fixture()
    # XML cannot hold a form feed at all: in plain text it becomes U+FFFD, in JSON it is escaped
    g.nodes["loner"]["label"] = "Lonely\x0cSociety \u00e9\u4e2d"
    g.edges["china", "north_korea", "c-aid"]["evidence"][0]["quote"] = "form\x0cfeed and \u00e9\u4e2d"
    data = export_network(g, fmt)
    assert data == export_network(g, fmt)  # no timestamps: same graph, same bytes
    back = READERS[fmt](io.BytesIO(data))
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    for node, attrs in g.nodes(data=True):
        expected = {**attrs, "aliases": "; ".join(attrs["aliases"]), "label": attrs["label"].replace("\x0c", "\ufffd")}
        assert back.nodes[node] == expected
    for u, v, key, attrs in g.edges(keys=True, data=True):
        got = dict(back.edges[u, v, key])
        assert got.pop("id") == key
        evidence = json.loads(got.pop("evidence"))
        expected = {**attrs, "source_names": "; ".join(attrs["source_names"])}
        del expected["evidence"]
        assert got == expected
        assert evidence == attrs["evidence"]
    assert back.graph["name" if fmt == "gexf" else "title"] == "Hand-made <b>graph</b>"


def test_unknown_network_format_is_refused():
    with pytest.raises(ValueError, match="gexf, graphml"):
        export_network(actor_graph_fixture(), "dot")


# --- the seeds ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_graph(seed_store):
    from kg import network
    from kg.store import Store
    return network.actor_graph(Store(seed_store))


def test_seed_graph_page(open_page, seed_graph):
    page = open_page(seed_graph)
    counts = page.counts()
    assert counts["nodes"] == counts["drawnNodes"] == seed_graph.number_of_nodes() > 20
    pairs = {(u, v) for u, v in seed_graph.edges()}
    assert counts["edges"] == counts["drawnEdges"] == len(pairs) > 25
    assert len(pairs) < seed_graph.number_of_edges()  # several claims share an arrow
    assert page.page.inner_text("#kg-status").endswith(f"{seed_graph.number_of_edges()} of "
                                                       f"{seed_graph.number_of_edges()} claims")
    for query in ["Kim Il-sung", "Kim Il Sung", "Kim Ilsung"]:
        page.page.fill("#kg-search", query)
        page.page.press("#kg-search", "Enter")
        assert page.js("() => kg.network.getSelectedNodes()") == ["kim_il_sung"]
        assert page.page.inner_text("#kg-details h3") == seed_graph.nodes["kim_il_sung"]["label"]
    page.assert_offline_and_clean()


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_seed_graph_exports(seed_graph, fmt):
    back = READERS[fmt](io.BytesIO(export_network(seed_graph, fmt)))
    assert back.number_of_nodes() == seed_graph.number_of_nodes()
    assert back.number_of_edges() == seed_graph.number_of_edges()
    for u, v, key, attrs in seed_graph.edges(keys=True, data=True):
        assert back.edges[u, v, key]["relation"] == attrs["relation"]
        assert len(json.loads(back.edges[u, v, key]["evidence"])) == len(attrs["evidence"])


def test_graph_and_network_commands_apply_the_filters(seed_store, tmp_path):
    from kg.network import actor_graph
    from kg.store import Store
    from tests.conftest import run
    page = tmp_path / "nk.html"
    result = run(["graph", "--actor", "N.Korea", "--relation-class", "conflict", "-o", str(page)], seed_store)
    assert result.exit_code == 0, result.output
    expected = actor_graph(Store(seed_store), actor="North Korea", relation_class="conflict")
    assert result.output.strip().startswith(f"{expected.number_of_nodes()} actors, {expected.number_of_edges()} claims")
    assert all(d["quad_class"].endswith("conflict") for _, _, d in expected.edges(data=True))
    html = page.read_text(encoding="utf-8")
    assert "<title>kg: N.Korea, depth 1, conflict</title>" in html and "<script src=" not in html
    out = tmp_path / "kg.gexf"
    assert run(["export", "network", "--format", "gexf", "--single-source-only", "-o", str(out)], seed_store).exit_code == 0
    loaded = nx.read_gexf(out)
    single = actor_graph(Store(seed_store), single_source_only=True)
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (single.number_of_nodes(), single.number_of_edges())
    bad = run(["graph", "--relation-class", "friendly", "-o", str(page)], seed_store)
    assert bad.exit_code == 2 and "--relation-class 'friendly'" in bad.output
