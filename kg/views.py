"""Views of an actor graph: one self-contained offline HTML page (pyvis + vis-network), GEXF/GraphML.

The input is the networkx.MultiDiGraph of kg.network.actor_graph: actors as nodes, one edge per
claim. The page draws one edge per actor pair and direction, carrying that pair's claims (grouped by
PLOVER class, counts and quotes on hover); its counts are still counts of claims. The exports keep one
edge per claim.
"""
from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path

import jinja2
import networkx as nx

NODE_COLOURS = {
    "state": "#4e79a7", "organisation": "#76b7b2", "military_unit": "#9c755f",
    "person": "#b07aa1", "group": "#edc948", "media_outlet": "#bab0ac",
}
UNKNOWN_COLOUR = "#d0d0d0"
QUAD_CLASSES = {  # class -> (colour, legend text)
    "verbal_cooperation": ("#74c476", "verbal cooperation"),
    "material_cooperation": ("#1b7837", "material cooperation"),
    "verbal_conflict": ("#f28e2b", "verbal conflict"),
    "material_conflict": ("#d62728", "material conflict"),
    "affiliation": ("#555555", "leader / member of"),
}
# Above this many actors, layout switches to what stays fast at 2,000 actors and 10,000 claims
# (about 5 s in headless Chromium on 2 cores): Barnes-Hut for at most 100 iterations, straight edges
# (curved ones add a physics body per edge, which is what kept pyvis's defaults from ever settling).
PHYSICS_LIMIT = 300
# a large graph opens on its best-sourced actors; the page has a control to show more
TOP_ACTORS = 300
EXPORT_FORMATS = ("gexf", "graphml")


def render_html(graph: nx.MultiDiGraph, *, title: str | None = None) -> str:
    """One HTML page showing the actor graph; it makes no network request and treats all text as data."""
    # pyvis imports IPython at import time (half a second): only pay for it when drawing.
    from pyvis.network import Network

    title = title or graph.graph.get("title") or "kg actor graph"
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        net.add_node(str(node), **_vis_node(str(node), attrs))
    for u, v, item in _pair_edges(graph, curved=graph.number_of_nodes() <= PHYSICS_LIMIT):
        net.add_edge(u, v, **item)
    net.set_options(json.dumps(_options(graph.number_of_nodes())))
    # generate_html renders whatever template net.templateEnv/net.path name: ours inlines
    # vis-network and drops pyvis's Bootstrap links, which would reach for a CDN.
    net.templateEnv = _template_env()
    net.templateEnv.globals["top_actors"] = min(graph.number_of_nodes(), TOP_ACTORS)
    net.path = "kg.html"
    return net.generate_html(name="kg.html")


def title_for(filters: dict) -> str:
    """A page title that says what the graph shows: "kg: North Korea, depth 2, conflict"."""
    parts = []
    if filters.get("actor"):
        parts.append(f"{filters['actor']}, depth {filters.get('depth', 1)}")
    for key in ("relation", "relation_class"):
        if filters.get(key):
            parts.append(str(filters[key]))
    if filters.get("min_sources"):
        parts.append(f"at least {filters['min_sources']} sources")
    if filters.get("single_source_only"):
        parts.append("single-source claims")
    if filters.get("doc"):
        parts.append(str(filters["doc"]))
    return "kg: " + (", ".join(parts) if parts else "every actor")


def export_network(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph as GEXF or GraphML bytes; lists become "; "-joined text and evidence a JSON string."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    flat = _flatten(graph)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, out)
        return out.getvalue()
    nx.write_gexf(flat, out)
    # networkx stamps today's date into <meta>; without it the same graph always exports the same bytes
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", out.getvalue(), count=1)


def _flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str, int, float or bool, which GEXF and GraphML can hold."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: _flat_value(v) for k, v in graph.graph.items()})
    if "title" in graph.graph:
        flat.graph["name"] = flat.graph["title"]  # the one graph attribute GEXF keeps
    for node, attrs in graph.nodes(data=True):
        flat.add_node(str(node), **{k: _flat_value(v) for k, v in attrs.items()})
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        data = {k: _flat_value(v) for k, v in attrs.items()}
        data["id"] = str(key)  # becomes the GEXF edge id, so Gephi shows the claim id
        flat.add_edge(str(u), str(v), key=str(key), **data)
    return flat


# XML 1.0 cannot hold these characters at all, escaped or not; document text may contain them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _flat_value(value):
    if isinstance(value, (bool, int, float)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)) and all(isinstance(x, str) for x in value):
        text = "; ".join(value)
    elif isinstance(value, (list, tuple, dict)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return _XML_INVALID.sub("\ufffd", text)


def _vis_node(node_id: str, attrs: dict) -> dict:
    sources = int(attrs.get("sources") or 0)
    label = str(attrs.get("label") or node_id)
    wikidata = str(attrs.get("wikidata") or "")
    return {
        "label": label,
        "color": NODE_COLOURS.get(attrs.get("type"), UNKNOWN_COLOUR),
        "size": min(12 + 7 * math.sqrt(sources), 60),
        # the page's own JS reads this for tooltips, search and the details panel
        "kg": {
            "label": label, "type": str(attrs.get("type") or ""),
            "aliases": [str(a) for a in attrs.get("aliases") or []],
            "wikidata": wikidata if re.fullmatch(r"Q[0-9]+", wikidata) else "",
            "sources": sources, "documents": int(attrs.get("documents") or 0),
            "mentions": int(attrs.get("mentions") or 0),
        },
    }


def _claim_item(claim_id: str, attrs: dict) -> dict:
    return {
        "claim": claim_id, "relation": str(attrs.get("relation") or ""),
        "quad_class": str(attrs.get("quad_class") or ""), "negated": bool(attrs.get("negated")),
        "sources": int(attrs.get("sources") or 0), "documents": int(attrs.get("documents") or 0),
        "source_names": [str(s) for s in attrs.get("source_names") or []],
        "contested": bool(attrs.get("contested")),
        "evidence": [_evidence(e) for e in attrs.get("evidence") or []],
        # every quote's documents and count, when the graph carries only the first few quotes
        "docs": sorted({str(d) for d in attrs.get("quote_docs") or [e.get("doc") for e in attrs.get("evidence") or []]
                        if d}),
        "quotes": int(attrs.get("quote_count") or len(attrs.get("evidence") or [])),
    }


def _pair_edges(graph: nx.MultiDiGraph, curved: bool = True) -> list[tuple[str, str, dict]]:
    """One vis edge per actor pair and direction: its claims (best-sourced first), coloured by the PLOVER
    class most of them share, as wide as its best-sourced claim, dashed when every claim has one source.
    With curved, the two directions between a pair bend apart (vis bends clockwise along each edge's
    own direction); an edge without a reverse stays straight."""
    pairs: dict[tuple[str, str], list[dict]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        pairs.setdefault((str(u), str(v)), []).append(_claim_item(str(key), attrs))
    order = list(QUAD_CLASSES)
    out = []
    for (u, v), claims in pairs.items():
        claims.sort(key=lambda c: (-c["sources"], -c["documents"], c["negated"], c["relation"], c["claim"]))
        classes: dict[str, int] = {}
        for c in claims:
            classes[c["quad_class"]] = classes.get(c["quad_class"], 0) + 1
        main = min(classes, key=lambda k: (-classes[k], order.index(k) if k in order else len(order)))
        colour = QUAD_CLASSES.get(main, (UNKNOWN_COLOUR, ""))[0]
        sources = max(c["sources"] for c in claims)
        names = list(dict.fromkeys(("not " if c["negated"] else "") + c["relation"] for c in claims))
        label = " \u00b7 ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
        item = {
            "id": f"{u}\u2192{v}",
            "label": label,
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": min(1.5 + 2 * (sources - 1), 12) if sources > 1 else 1.5,
            "dashes": sources <= 1,
            "kg": {"claims": claims, "classes": classes, "sources": sources,
                   "documents": max(c["documents"] for c in claims)},
        }
        if all(c["negated"] for c in claims):
            item["font"] = {"color": "#b00000"}
        if curved:
            item["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2} if (v, u) in pairs and u != v \
                else {"enabled": False}
        out.append((u, v, item))
    return out


def _evidence(e: dict) -> dict:
    return {
        "doc": str(e.get("doc") or ""), "publisher": str(e.get("publisher") or ""),
        "quote": str(e.get("quote") or ""), "start": e.get("start"), "end": e.get("end"),
        "polarity": str(e.get("polarity") or ""), "attributed_to": str(e.get("attributed_to") or ""),
        "event": str(e.get("event") or ""), "year": e.get("year"),
    }


def _options(n: int) -> dict:
    big = n > PHYSICS_LIMIT
    return {
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 16, "face": "sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  # labels are drawn on hover, on selection and when zoomed in (the page's script)
                  "font": {"size": 0, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "smooth": {"enabled": not big}, "selectionWidth": 2},
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "tooltipDelay": 150},
        "layout": {"randomSeed": 7, "improvedLayout": n <= 100},
        "physics": {"enabled": True, "solver": "barnesHut" if big else "forceAtlas2Based",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0.1},
                    "forceAtlas2Based": {"gravitationalConstant": -160, "springLength": 180,
                                         "springConstant": 0.06, "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 100 if big else 600, "updateInterval": 50,
                                      "fit": True}},
    }


def _vis_lib() -> tuple[str, str]:
    import pyvis
    libs = Path(pyvis.__file__).parent.glob("templates/lib/vis-*/vis-network.min.js")
    newest = max(libs, default=None, key=lambda p: [int(x) for x in re.findall(r"[0-9]+", p.parent.name)])
    if newest is None:
        raise FileNotFoundError("pyvis ships no vis-network.min.js under templates/lib")
    js = newest.read_text(encoding="utf-8")
    css = newest.with_name("vis-network.css").read_text(encoding="utf-8")
    # inlined code must not be able to close its own <script>/<style> element
    if re.search(r"</(script|style)", js + css, re.I):
        raise ValueError(f"{newest} contains a closing tag and cannot be inlined")
    return js, css


def _template_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"kg.html": _TEMPLATE}), autoescape=True)
    env.globals["vis_js"], env.globals["vis_css"] = _vis_lib()
    env.globals["node_colours"] = NODE_COLOURS
    env.globals["quad_classes"] = QUAD_CLASSES
    return env


# nodes/edges go in through |tojson, which escapes < > & ' so no text can end the <script>
# element; the page's JS only ever puts document text into the DOM through textContent.
_TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>{{ vis_css|safe }}</style>
<script>{{ vis_js|safe }}</script>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.35 sans-serif; color: #222; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 6px 12px;
           border-bottom: 1px solid #ddd; background: #fafafa; }
  header h1 { font-size: 17px; margin: 0; }
  header label { white-space: nowrap; }
  header input[type=number] { width: 3.5em; }
  #kg-search-box { position: relative; }
  #kg-search { width: 14em; }
  #kg-matches { position: absolute; z-index: 20; background: #fff; border: 1px solid #bbb; min-width: 14em;
                max-height: 20em; overflow: auto; display: none; }
  #kg-matches button { display: block; width: 100%; text-align: left; border: 0; background: none;
                       padding: 3px 6px; cursor: pointer; }
  #kg-matches button:hover, #kg-matches button:focus { background: #e8f0fe; }
  #kg-status { color: #555; }
  main { flex: 1; display: flex; min-height: 0; }
  #kg-stage { flex: 1; position: relative; min-width: 0; }
  #kg-network { position: absolute; inset: 0; }
  aside { width: 330px; overflow: auto; border-left: 1px solid #ddd; padding: 8px 12px; background: #fff; }
  aside h2 { font-size: 15px; margin: 8px 0 4px; }
  .kg-legend div { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
  .kg-dot { display: inline-block; width: 13px; height: 13px; border-radius: 50%; border: 1px solid #777; }
  .kg-line { display: inline-block; width: 28px; height: 0; border-top: 4px solid; }
  .kg-dashed { border-top: 2px dashed #555; }
  .kg-note { color: #555; font-size: 12px; }
  #kg-tooltip { position: absolute; z-index: 10; display: none; max-width: 380px; pointer-events: none;
                background: #fffff4; border: 1px solid #999; padding: 6px 8px; font-size: 12px;
                box-shadow: 2px 2px 8px rgba(0,0,0,.2); }
  .kg-details h3 { font-size: 15px; margin: 6px 0; overflow-wrap: anywhere; }
  .kg-details dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 1px 8px; }
  .kg-details dt { color: #666; } .kg-details dd { margin: 0; overflow-wrap: anywhere; }
  .kg-details h4 { font-size: 13px; margin: 8px 0 2px; overflow-wrap: anywhere; }
  .kg-ev { border-top: 1px solid #eee; margin-top: 5px; padding-top: 4px; }
  .kg-quote { font-style: italic; overflow-wrap: anywhere; }
  .kg-pol { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e8e8e8; }
  .kg-pol-negated { background: #f8d0d0; } .kg-pol-hedged { background: #fbefc4; }
  .kg-pol-asserted { background: #d5ecd5; }
</style>
</head>
<body>
<header>
  <h1>{{ heading }}</h1>
  <div id="kg-search-box">
    <input id="kg-search" type="search" placeholder="Find an actor (name or alias)" autocomplete="off"
           aria-label="Find an actor by name or alias">
    <div id="kg-matches" role="listbox"></div>
  </div>
  <label>min sources <input id="kg-min-sources" type="number" min="0" value="0"></label>
  <label>min documents <input id="kg-min-docs" type="number" min="0" value="0"></label>
  <label>document <select id="kg-doc"><option value="">all documents</option></select></label>
  <label title="the actors named by most independent sources">top actors
    <input id="kg-top" type="number" min="1" value="{{ top_actors }}"></label>
  <button id="kg-more" type="button">show 100 more</button>
  <span id="kg-status" role="status"></span>
</header>
<main>
  <div id="kg-stage">
    <div id="kg-network"></div>
    <!-- beside the network, not in it: vis empties its container -->
    <div id="kg-tooltip" class="kg-details"></div>
  </div>
  <aside>
    <section class="kg-legend" id="kg-legend">
      <h2>Actors</h2>
      {% for type, colour in node_colours.items() %}
      <div><span class="kg-dot" style="background: {{ colour }}"></span>{{ type.replace("_", " ") }}</div>
      {% endfor %}
      <div class="kg-note">size: number of independent sources naming the actor</div>
      <h2>Claims (tick to show)</h2>
      {% for cls, (colour, text) in quad_classes.items() %}
      <div><input type="checkbox" class="kg-class" value="{{ cls }}" id="kg-class-{{ cls }}" checked>
        <span class="kg-line" style="border-color: {{ colour }}"></span>
        <label for="kg-class-{{ cls }}">{{ text }}</label></div>
      {% endfor %}
      <div><span class="kg-line kg-dashed"></span>backed by a single source</div>
      <div class="kg-note">one arrow per pair and direction: subject &rarr; object, coloured by the class
        most of its claims share; width: independent sources of its best-backed claim; labels show on
        hover or when zoomed in; "not X": the text says X did not happen</div>
    </section>
    <section id="kg-details" class="kg-details">
      <p class="kg-note">Hover over or click an actor or a claim to see its evidence.</p>
    </section>
  </aside>
</main>
<script>
"use strict";
(function () {
  var nodes = new vis.DataSet({{ nodes|tojson }});
  var edges = new vis.DataSet({{ edges|tojson }});
  var options = JSON.parse({{ options|tojson }});
  var container = document.getElementById("kg-network");
  var tooltip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var status = document.getElementById("kg-status");
  var filters = {classes: null, minSources: 0, minDocs: 0, doc: "", top: {{ top_actors }}};
  var endpoints = new Set();
  // actors ranked by independent sources naming them: a large graph opens on the top ones
  var rank = new Map();
  nodes.get().sort(function (a, b) {
    return b.kg.sources - a.kg.sources || (a.kg.label < b.kg.label ? -1 : a.kg.label > b.kg.label ? 1 : 0);
  }).forEach(function (n, i) { rank.set(n.id, i); });
  function inTop(id) { return rank.get(id) < filters.top; }

  function filtersOff() {
    return filters.classes === null && filters.minSources <= 0 && filters.minDocs <= 0 && !filters.doc;
  }
  function claimShown(c) {
    if (filters.classes !== null && !filters.classes.has(c.quad_class)) return false;
    if (c.sources < filters.minSources || c.documents < filters.minDocs) return false;
    if (filters.doc && c.docs.indexOf(filters.doc) < 0) return false;
    return true;
  }
  function shownClaims(e) { return e.kg.claims.filter(claimShown); }
  function edgeShown(e) { return inTop(e.from) && inTop(e.to) && shownClaims(e).length > 0; }
  // with no filter every top actor shows, isolated ones included; a filter keeps the actors of its claims
  var edgeView = new vis.DataView(edges, {filter: edgeShown});
  var nodeView = new vis.DataView(nodes, {filter: function (n) {
    return inTop(n.id) && (filtersOff() || endpoints.has(n.id)); }});
  // edge labels: hidden (size 0) until an edge is hovered or selected, or the view is zoomed in
  options.edges.chosen = {edge: true, label: function (values) { values.size = 12; }};
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  var totalClaims = 0;
  edges.forEach(function (e) { totalClaims += e.kg.claims.length; });
  window.kg = {network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
               ready: false,
               shownClaims: function () {
                 var ids = [];
                 edgeView.forEach(function (e) { shownClaims(e).forEach(function (c) { ids.push(c.claim); }); });
                 return ids.sort();
               }};
  var labelsOn = false;
  network.on("zoom", function () {
    var on = network.getScale() >= 1.5;
    if (on !== labelsOn) { labelsOn = on; network.setOptions({edges: {font: {size: on ? 12 : 0}}}); }
  });

  function report() {
    var claims = 0;
    edgeView.forEach(function (e) { claims += shownClaims(e).length; });
    status.textContent = "showing " + nodeView.length + " of " + nodes.length + " actors, " +
      claims + " of " + totalClaims + " claims";
  }
  function applyFilters() {
    endpoints = new Set();
    edgeView.refresh();
    edgeView.forEach(function (e) { endpoints.add(e.from); endpoints.add(e.to); });
    nodeView.refresh();
    report();
  }
  function readFilters() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".kg-class"));
    filters.classes = boxes.every(function (b) { return b.checked; }) ? null :
      new Set(boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }));
    filters.minSources = Number(document.getElementById("kg-min-sources").value) || 0;
    filters.minDocs = Number(document.getElementById("kg-min-docs").value) || 0;
    filters.doc = document.getElementById("kg-doc").value;
    var top = Number(document.getElementById("kg-top").value) || 0;
    var grew = top > filters.top;
    filters.top = top > 0 ? top : nodes.length;
    applyFilters();
    // actors shown for the first time were not laid out: let physics place them, then stop again
    if (grew && window.kg.ready && options.physics.enabled) {
      network.setOptions({physics: {enabled: true}});
      network.stabilize(100);
    }
  }
  document.querySelectorAll(".kg-class, #kg-min-sources, #kg-min-docs, #kg-doc, #kg-top").forEach(function (c) {
    c.addEventListener("change", readFilters);
    c.addEventListener("input", readFilters);
  });
  document.getElementById("kg-more").addEventListener("click", function () {
    var box = document.getElementById("kg-top");
    box.value = Math.min(nodes.length, (Number(box.value) || 0) + 100);
    readFilters();
  });
  network.on("stabilizationIterationsDone", function () {
    if (window.kg.ready) network.setOptions({physics: false});
  });
  var docSelect = document.getElementById("kg-doc");
  var docs = new Set();
  edges.forEach(function (e) { e.kg.claims.forEach(function (c) {
    c.docs.forEach(function (d) { docs.add(d); }); }); });
  Array.from(docs).sort().forEach(function (d) {
    var o = document.createElement("option");
    o.value = d; o.textContent = d;
    docSelect.appendChild(o);
  });

  // Every piece of document text reaches the DOM through textContent, never as markup.
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function row(dl, key, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", key));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  function nodeLabel(id) { var n = nodes.get(id); return n ? n.kg.label : id; }

  function describeNode(n, brief) {
    var k = n.kg, box = document.createDocumentFragment(), dl = el("dl");
    box.appendChild(el("h3", k.label));
    row(dl, "type", k.type.replace(/_/g, " "));
    row(dl, "aliases", k.aliases.join("; "));
    if (k.wikidata) {
      var a = el("a", k.wikidata);
      a.href = "https://www.wikidata.org/wiki/" + k.wikidata;
      a.target = "_blank"; a.rel = "noopener noreferrer";
      row(dl, "Wikidata", a);
    }
    row(dl, "sources", k.sources);
    row(dl, "documents", k.documents);
    row(dl, "mentions", k.mentions);
    var claims = 0;
    network.getConnectedEdges(n.id).forEach(function (id) { var e = edges.get(id); if (e) claims += shownClaims(e).length; });
    row(dl, "claims", claims + " shown");
    box.appendChild(dl);
    if (brief) box.appendChild(el("div", "click for details", "kg-note"));
    return box;
  }
  function describeEdge(e, brief) {
    var box = document.createDocumentFragment(), claims = shownClaims(e);
    box.appendChild(el("h3", nodeLabel(e.from) + " \u2192 " + nodeLabel(e.to) + ": " + claims.length +
                             (claims.length === 1 ? " claim" : " claims")));
    var classes = {};
    claims.forEach(function (c) { classes[c.quad_class] = (classes[c.quad_class] || 0) + 1; });
    var cdl = el("dl");
    Object.keys(classes).sort().forEach(function (k) { row(cdl, k.replace(/_/g, " "), classes[k]); });
    box.appendChild(cdl);
    var listed = brief ? claims.slice(0, 3) : claims;
    listed.forEach(function (k) {
      var part = el("div", null, "kg-claim");
      part.appendChild(el("h4", nodeLabel(e.from) + " \u2192 " + (k.negated ? "not " : "") + k.relation +
                                " \u2192 " + nodeLabel(e.to)));
      var dl = el("dl");
      row(dl, "class", k.quad_class.replace(/_/g, " "));
      if (k.negated) row(dl, "negated", "the text says this did not happen");
      row(dl, "sources", k.sources + (k.source_names.length ? " (" + k.source_names.join("; ") + ")" : ""));
      row(dl, "documents", k.documents);
      if (k.contested) row(dl, "contested", "yes: the sources disagree");
      row(dl, "claim", k.claim);
      part.appendChild(dl);
      var shown = brief ? k.evidence.slice(0, 1) : k.evidence;
      shown.forEach(function (ev) {
        var d = el("div", null, "kg-ev");
        d.appendChild(el("span", ev.polarity || "?", "kg-pol kg-pol-" + (ev.polarity || "unknown")));
        d.appendChild(document.createTextNode(" "));
        d.appendChild(el("span", "\u201c" + ev.quote + "\u201d", "kg-quote"));
        var edl = el("dl");
        row(edl, "document", ev.doc);
        row(edl, "publisher", ev.publisher);
        row(edl, "according to", ev.attributed_to || "the document itself");
        row(edl, "event", ev.event);
        row(edl, "year", ev.year);
        if (!brief && ev.start !== null && ev.start !== undefined) row(edl, "characters", ev.start + "\u2013" + ev.end);
        d.appendChild(edl);
        part.appendChild(d);
      });
      if (brief && k.quotes > shown.length)
        part.appendChild(el("div", (k.quotes - shown.length) + " more quotes: click", "kg-note"));
      else if (k.quotes > shown.length)
        part.appendChild(el("div", (k.quotes - shown.length) + " more quotes, not in this page: " +
                                   "kg claims or kg export claims lists them", "kg-note"));
      box.appendChild(part);
    });
    if (brief && claims.length > listed.length)
      box.appendChild(el("div", (claims.length - listed.length) + " more claims: click the arrow", "kg-note"));
    return box;
  }
  function showDetails(content) {
    details.replaceChildren(content);
  }
  function showTooltip(content, pointer) {
    tooltip.replaceChildren(content);
    tooltip.style.display = "block";
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > container.clientWidth) x = Math.max(0, pointer.x - tooltip.offsetWidth - 14);
    if (y + tooltip.offsetHeight > container.clientHeight) y = Math.max(0, pointer.y - tooltip.offsetHeight - 14);
    tooltip.style.left = x + "px"; tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.style.display = "none"; }

  network.on("hoverNode", function (p) { showTooltip(describeNode(nodes.get(p.node), true), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(describeEdge(edges.get(p.edge), true), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) showDetails(describeNode(nodes.get(p.nodes[0]), false));
    else if (p.edges.length) showDetails(describeEdge(edges.get(p.edges[0]), false));
  });

  // Search: label or any alias; case, spaces and punctuation do not matter ("Kim Il Sung" = "kim il-sung").
  function norm(s) { return String(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim(); }
  var names = [];
  nodes.forEach(function (n) {
    [n.kg.label].concat(n.kg.aliases).forEach(function (name) { names.push([norm(name), name, n.id]); });
  });
  function findActors(query) {
    var q = norm(query), ranked = [[], [], []], seen = new Set();
    if (!q) return [];
    names.forEach(function (t) {
      var rank = t[0] === q ? 0 : t[0].indexOf(q) === 0 ? 1 : t[0].indexOf(q) > 0 ? 2 : -1;
      if (rank >= 0) ranked[rank].push(t);
    });
    var out = [];
    ranked.forEach(function (r) { r.forEach(function (t) {
      if (!seen.has(t[2])) { seen.add(t[2]); out.push({id: t[2], name: t[1]}); }
    }); });
    return out;
  }
  function selectActor(id) {
    var shown = nodeView.get(id) !== null;
    matches.style.display = "none";
    showDetails(describeNode(nodes.get(id), false));
    if (!shown) { status.textContent = nodeLabel(id) + " is hidden by the filters"; return; }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2});
  }
  var search = document.getElementById("kg-search");
  var matches = document.getElementById("kg-matches");
  search.addEventListener("input", function () {
    var found = findActors(search.value).slice(0, 12);
    matches.replaceChildren();
    found.forEach(function (m) {
      var label = nodeLabel(m.id);
      var b = el("button", label + (norm(m.name) !== norm(label) ? " (" + m.name + ")" : ""));
      b.type = "button"; b.setAttribute("role", "option");
      b.addEventListener("click", function () { selectActor(m.id); });
      matches.appendChild(b);
    });
    matches.style.display = found.length ? "block" : "none";
  });
  document.addEventListener("click", function (ev) {
    if (!document.getElementById("kg-search-box").contains(ev.target)) matches.style.display = "none";
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var found = findActors(search.value);
    if (found.length) selectActor(found[0].id);
    else { matches.style.display = "none"; status.textContent = "no actor matches \u201c" + search.value + "\u201d"; }
  });

  function ready() {
    network.setOptions({physics: false});
    report();
    window.kg.ready = true;
    document.body.setAttribute("data-kg-ready", "");
  }
  // physics only lays the graph out: once stabilised it stops, so nodes stay where they are put
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (options.physics.enabled && nodes.length) network.once("stabilizationIterationsDone", ready);
  else network.once("afterDrawing", ready);
  applyFilters();
})();
</script>
</body>
</html>
"""
