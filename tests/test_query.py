"""kg query: SPARQL strings, files and canned queries, every result format, errors; kg serve over HTTP."""
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from kg.query import canned_queries, to_term, Param
from kg.store import Store
from tests.conftest import ROOT, run, write_article

AID_BY_CHINA = """SELECT ?object WHERE {
  ?c rdf:subject actor:china ; rdf:predicate kg:AID ; rdf:object ?o ; kg:negated false .
  ?o rdfs:label ?object } ORDER BY ?object"""


def test_select_string_uses_project_prefixes_and_prints_a_table(corpus_store):
    result = run(["query", AID_BY_CHINA], corpus_store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].strip() == "object" and lines[2:] == ["North Korea", "(1 row)"]


def test_query_from_file_and_stdin(corpus_store, tmp_path):
    rq = tmp_path / "aid.rq"
    rq.write_text(AID_BY_CHINA, encoding="utf-8")
    from_file = run(["query", "-f", str(rq), "--format", "csv"], corpus_store)
    from_stdin = run(["query", "-f", "-", "--format", "csv"], corpus_store, input=AID_BY_CHINA)
    assert from_file.stdout_bytes == from_stdin.stdout_bytes == b"object\r\nNorth Korea\r\n"  # CSV results use CRLF


def test_result_formats_follow_sparql_results(corpus_store):
    q = "SELECT ?doc ?n WHERE { ?d kg:fileName ?doc ; kg:sentenceCount ?n } ORDER BY ?doc LIMIT 2"
    data = json.loads(run(["query", q, "--format", "json"], corpus_store).output)
    assert data["head"]["vars"] == ["doc", "n"]
    first = data["results"]["bindings"][0]
    assert first["doc"] == {"type": "literal", "value": "000_7f752d16256913ea.txt"}
    assert first["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    tsv = run(["query", q, "--format", "tsv"], corpus_store).output.splitlines()
    assert tsv[0] == "?doc\t?n" and tsv[1].startswith('"000_7f752d16256913ea.txt"\t')
    assert tsv[1].endswith("^^<http://www.w3.org/2001/XMLSchema#integer>") or tsv[1].split("\t")[1].isdigit()
    root = ET.fromstring(run(["query", q, "--format", "xml"], corpus_store).output)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["doc", "n"]
    assert root.find("r:results/r:result/r:binding/r:literal", ns).text == "000_7f752d16256913ea.txt"
    rows = list(csv.reader(io.StringIO(run(["query", q, "--format", "csv"], corpus_store).output)))
    assert rows[0] == ["doc", "n"] and rows[1][0] == "000_7f752d16256913ea.txt"
    # what pyoxigraph parses back as SPARQL JSON results is the same
    parsed = ox.parse_query_results(run(["query", q, "--format", "json"], corpus_store).output.encode(),
                                    ox.QueryResultsFormat.JSON)
    assert [s["doc"].value for s in parsed] == [r[0] for r in rows[1:]]


def test_construct_gives_rdf_and_ask_sets_the_exit_code(corpus_store):
    construct = "CONSTRUCT { ?s kg:AID ?o } WHERE { GRAPH ?g { ?s kg:AID ?o } }"
    ttl = run(["query", construct], corpus_store).output
    triples = [q.triple for q in ox.parse(ttl.encode(), ox.RdfFormat.TURTLE)]
    assert ox.Triple(ox.NamedNode("https://w3id.org/kg/id/actor/china"), ox.NamedNode("https://w3id.org/kg/ns#AID"),
                     ox.NamedNode("https://w3id.org/kg/id/actor/north_korea")) in triples
    nt = run(["query", construct, "--format", "nt"], corpus_store).output
    assert len(nt.strip().splitlines()) == len(triples)
    yes = run(["query", "ASK { GRAPH ?g { actor:china kg:AID actor:north_korea } }"], corpus_store)
    no = run(["query", "ASK { GRAPH ?g { actor:north_korea kg:ASSAULT actor:soviet_union } }"], corpus_store)
    assert (yes.output, yes.exit_code) == ("true\n", 0)
    assert (no.output, no.exit_code) == ("false\n", 1)


def test_malformed_sparql_names_line_and_column(corpus_store, tmp_path):
    result = run(["query", "SELECT ?s WHERE {\n  ?s ?p \n}"], corpus_store)
    assert result.exit_code == 2
    assert result.output.startswith("kg: error: query: malformed SPARQL at line 3, column ")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p ?o FILTER(?o = ) }", encoding="utf-8")
    result = run(["query", "-f", str(bad)], corpus_store)
    assert result.exit_code == 2 and f"{bad}: malformed SPARQL at line 1, column" in result.output


def test_list_shows_every_canned_query_with_its_parameters(corpus_store):
    out = run(["query", "--list"], corpus_store).output
    for name, q in canned_queries().items():
        assert f"{name}: {q.description}" in out
    assert "--actor ACTOR (optional)" in out and "--min-sources INTEGER (default 2)" in out


def _canned(store, name, *args):
    result = run(["query", name, *args, "--format", "json"], store)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]], data["head"]["vars"]


def test_canned_single_source_and_corroborated(corpus_store):
    rows, columns = _canned(corpus_store, "single-source", "--actor", "North Korea")
    assert "actor" not in columns  # bound parameters are not result columns
    triples = {(r["subjectLabel"], r["rel"].rsplit("#", 1)[1], r["objectLabel"]) for r in rows}
    assert ("North Korea", "AID", "Northeast Field Army") in triples and ("China", "AID", "North Korea") not in triples
    rows, _ = _canned(corpus_store, "corroborated", "--min-sources", "3")
    assert all(int(r["sources"]) >= 3 for r in rows)
    aid = next(r for r in rows if (r["subjectLabel"], r["rel"], r["objectLabel"]) ==
               ("China", "https://w3id.org/kg/ns#AID", "North Korea"))
    assert aid["sources"] == "5" and "Zheng Jiyong" in aid["supportedBy"]


def test_canned_contested_mentions_chain_sources(corpus_store):
    rows, _ = _canned(corpus_store, "contested")
    assert ("DifferentFigures", "000", "001") in [(r["kind"], r["docA"][:3], r["docB"][:3]) for r in rows]
    rows, _ = _canned(corpus_store, "mentions", "--actor", "Lin Biao")
    assert any(r["quote"] == "Mr. Lin had no choice but to ask North Korea" for r in rows)
    rows, _ = _canned(corpus_store, "attribution-chain", "--speaker", "Zheng Jiyong")
    assert {(r["claimLabel"], r["attributedTo"], r["reportedIn"], r["publisher"]) for r in rows} == {
        ("China AID North Korea", "Zheng Jiyong", "002_1097ed8253d2e8fa.txt", "Global Times"),
        ("China ASSAULT United States", "Zheng Jiyong", "002_1097ed8253d2e8fa.txt", "Global Times")}
    rows, _ = _canned(corpus_store, "sources")
    by_source = {r["source"]: r for r in rows}
    assert by_source["KCNA"]["kind"] == "actor" and by_source["001_f706a8db8eb965ff.txt"]["kind"] == "document"
    rows, _ = _canned(corpus_store, "claims", "--relation", "LEADER_OF", "--doc", "002_1097ed8253d2e8fa.txt")
    assert {(r["subjectLabel"], r["objectLabel"]) for r in rows} == {
        ("Kim Jong Un", "North Korea"), ("Mao Zedong", "China"), ("Xi Jinping", "China")}


def test_attribution_chain_for_a_speaker_leaves_out_other_speakers_named_only(tmp_path):
    folder = tmp_path / "corpus"
    write_article(folder, "said.txt", "KCNA said that China aided North Korea.\n"
                                      "Analysts say China supports North Korea.\n"  # a speaker that is only a name
                                      "Villagers said that Japan invaded China.\n")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    every = {(r["claimLabel"], r["attributedTo"]) for r in _canned(store, "attribution-chain")[0]}
    assert every == {("China AID North Korea", "KCNA"), ("China SUPPORT North Korea", "Analysts"),
                     ("Japan ASSAULT China", "villagers")}
    rows, _ = _canned(store, "attribution-chain", "--speaker", "KCNA")
    assert [(r["claimLabel"], r["attributedTo"]) for r in rows] == [("China AID North Korea", "KCNA")]


def test_canned_parameter_errors(corpus_store):
    missing = run(["query", "mentions"], corpus_store)
    assert missing.exit_code == 2 and "--actor is required" in missing.output
    unknown = run(["query", "single-source", "--colour", "red"], corpus_store)
    assert unknown.exit_code == 2 and "unknown parameter --colour" in unknown.output
    not_a_number = run(["query", "corroborated", "--min-sources", "two"], corpus_store)
    assert not_a_number.exit_code == 2 and "expected a whole number" in not_a_number.output


def test_parameters_are_bound_as_terms_not_pasted(tmp_path):
    hostile = '"} DROP ALL #'
    folder = tmp_path / "corpus"
    write_article(folder, f"{hostile}.txt", "China aided North Korea.\n")
    write_article(folder, "other.txt", "The Soviet Union aided China.\n")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    rows, _ = _canned(store, "claims", "--doc", f"{hostile}.txt")
    assert [(r["subjectLabel"], r["objectLabel"]) for r in rows] == [("China", "North Korea")]
    assert len(_canned(store, "claims")[0]) == 2  # nothing dropped
    result = run(["query", "mentions", "--actor", hostile], store)
    assert result.exit_code == 2 and "no actor has this name" in result.output
    term = to_term(Param("name", "string", False), hostile, None, None)
    assert term == ox.Literal(hostile)


# --- the HTTP endpoint ----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found |= {int(c) for c in fh.read().split()}
        except FileNotFoundError:
            continue  # a thread that ended while we looked
    return found


def _gone(pid: int) -> bool:
    """True once pid has exited (waiting a little: the kernel and init need a moment to reap it)."""
    for _ in range(200):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def _start_server(store, *args):
    """`kg serve` on a free port, once it answers; returns its URL, its process and Oxigraph's pid."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--store", str(store), "serve", "--port", str(port),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"kg serve exited: {proc.stderr.read().decode()}")
            time.sleep(0.1)
    # the front listens before Oxigraph starts; the banner comes once both answer
    said = []
    while not (said and said[-1].startswith("SPARQL endpoint on http://")):
        said.append(proc.stderr.readline().decode())
    oxigraph = _children(proc.pid)
    assert len(oxigraph) == 1
    return f"http://127.0.0.1:{port}", proc, oxigraph.pop(), said[:-1]


@pytest.fixture
def endpoint(seed_store):
    url, proc, oxigraph, _ = _start_server(seed_store)
    yield url, proc
    proc.terminate()
    proc.wait(timeout=20)
    assert _gone(oxigraph), "kg serve left the oxigraph server running"


def _http(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def test_endpoint_answers_get_and_post_and_refuses_updates(endpoint, seed_store):
    url, _ = endpoint
    q = ("SELECT ?n WHERE { <https://w3id.org/kg/id/claim/4adcd9df146422427531> "
         "<https://w3id.org/kg/ns#sourceCount> ?n }")
    status, ctype, body = _http(f"{url}/query?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"  # China AID North Korea on the seeds
    status, ctype, body = _http(f"{url}/query", data=q.encode(),
                                headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"})
    assert status == 200 and ctype.startswith("application/sparql-results+xml") and b">3<" in body
    status, _, body = _http(f"{url}/query", data=urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded",
                                     "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, _ = _http(f"{url}/update", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert status >= 400
    status, _, body = _http(f"{url}/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                            headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is True  # still all there


def test_rebuilding_while_serving_keeps_the_served_build(endpoint, seed_store):
    url, _ = endpoint
    served = {p.name for p in (seed_store / "builds").iterdir() if p.is_dir()}
    assert run(["build", str(ROOT / "seeds")], seed_store).exit_code == 0
    assert served <= {p.name for p in (seed_store / "builds").iterdir()}  # pinned: not deleted under the server
    status, _, body = _http(f"{url}/query?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
                            headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_output_to_a_missing_folder_is_a_one_line_error(corpus_store, tmp_path):
    result = run(["claims", "-o", str(tmp_path / "no" / "claims.txt")], corpus_store)
    assert result.exit_code == 1 and result.output.startswith("kg: error: ") and "cannot write here" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "no").exists()


# --- long queries stop: --timeout and Ctrl-C ----------------------------------------------------

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }  # {marker}"


def _processes_with(marker: str) -> list[int]:
    """Processes whose command line holds marker (a forked query child keeps its parent's)."""
    found = []
    for d in os.listdir("/proc"):
        try:
            if d.isdigit() and marker.encode() in open(f"/proc/{d}/cmdline", "rb").read():
                found.append(int(d))
        except OSError:
            pass
    return found


def test_query_timeout_stops_the_query_and_leaves_nothing_running(seed_store):
    marker = f"kg-test-timeout-{uuid.uuid4().hex}"
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--store", str(seed_store), "query", "--timeout",
                             "1", ENDLESS.replace("{marker}", marker)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "kg: error: query: stopped after 1 s (--timeout); narrow the pattern or add a LIMIT\n"
    assert _processes_with(marker) == []


def test_ctrl_c_stops_a_long_query(seed_store):
    marker = f"kg-test-ctrl-c-{uuid.uuid4().hex}"
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--store", str(seed_store), "query",
                             ENDLESS.replace("{marker}", marker)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while len(_processes_with(marker)) < 2 and proc.poll() is None:  # kg and its query child
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130 and out == b""
    assert err.decode() == "kg: error: query: interrupted (Ctrl-C); stopped\n"
    assert _processes_with(marker) == []


def test_the_server_stops_with_kg_however_kg_is_stopped(seed_store):
    for sig in (signal.SIGTERM, signal.SIGKILL):
        url, proc, oxigraph, _ = _start_server(seed_store)
        proc.send_signal(sig)
        proc.wait(timeout=20)
        proc.stdout.close(), proc.stderr.close()
        assert _gone(oxigraph), f"after {sig.name}, kg serve left the oxigraph server running"
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1).close()


def test_serving_beyond_this_machine_warns(seed_store):
    url, proc, oxigraph, said = _start_server(seed_store, "--host", "0.0.0.0")
    try:
        assert len(said) == 1 and said[0].startswith("kg: warning: listening on 0.0.0.0, not only this machine")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert _gone(oxigraph)


def test_a_busy_port_is_a_one_line_error(seed_store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--store", str(seed_store), "serve", "--port",
                                 str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"kg: error: 127.0.0.1:{port}: the port is in use (another kg serve?); choose one with --port\n"


def _post_query(url, q):
    return _http(f"{url}/query", data=urllib.parse.urlencode({"query": q}).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded",
                          "Accept": "application/sparql-results+json"})


def test_runaway_queries_get_clean_http_errors_and_the_server_survives(seed_store):
    url, proc, _, _ = _start_server(seed_store, "--timeout", "3", "--max-memory", "1024", "--max-result", "20")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    try:
        # an ORDER BY over a cross product: without a bound it grows until the kernel steps in
        status, ctype, body = _post_query(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f")
        assert (status, ctype) == (503, "application/json") and "--max-memory" in json.loads(body)["error"]
        status, _, body = _post_query(url, count)
        stored = next(iter(Store(seed_store).query(count)))["n"].value  # the whole answer, not a cut one
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(stored)
        # too slow: Oxigraph alone would answer 200 with the JSON cut short
        status, ctype, body = _post_query(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert (status, ctype) == (504, "application/json") and "longer than 3 s" in json.loads(body)["error"]
        status, _, body = _post_query(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 1000000")
        assert status == 413 and "larger than 20 MB" in json.loads(body)["error"]
        assert _post_query(url, count)[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_query_that_needs_too_much_memory_is_stopped(seed_store):
    # an ORDER BY over a cross product: unbounded, it grows until the kernel kills something
    result = run(["query", "--max-memory", "256", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"], seed_store)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == ("kg: error: query: stopped: it needed more memory than it may use (more than 256 MB, "
                             "--max-memory); narrow the pattern or add a LIMIT\n")
    assert run(["query", "ASK { ?s ?p ?o }"], seed_store).stdout == "true\n"


def test_a_reader_that_stops_reading_is_no_error(seed_store):
    # `kg claims | head -1`: kg meets the closed pipe while it writes the claims after the first
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--store", str(seed_store), "claims"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert first.strip() and proc.returncode == 0 and err == b""
