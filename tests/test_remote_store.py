"""The store on a SPARQL server: a real `oxigraph serve` on 127.0.0.1 gives the answers the local store gives."""
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.serve import oxigraph_binary
from kg.store import Store, open_store
from kg.store_remote import RemoteStore, with_values
from tests.conftest import SEEDS, run, write_article


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # it answered, if only to say no
    except OSError:
        return False


@pytest.fixture
def oxigraph_server(tmp_path_factory):
    """Start an `oxigraph serve` on a free port with its own data folder; it is always stopped afterwards."""
    servers = []

    def start(location=None) -> str:
        port = _free_port()
        proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location or tmp_path_factory.mktemp("oxigraph")),
                                 "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        servers.append(proc)
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):  # until it answers (or at most a minute on a loaded machine)
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()}")
            if _answers(url + "/query?query=ASK%7B%7D"):
                return url
            time.sleep(0.1)
        pytest.fail("oxigraph serve did not answer within a minute")

    yield start
    for proc in servers:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        assert proc.poll() is not None


@pytest.fixture
def remote_seeds(oxigraph_server):
    url = oxigraph_server()
    result = run(["build", str(SEEDS)], url)
    assert result.exit_code == 0, result.output
    assert f"quads stored in {url} " in result.output
    return url


def test_a_remote_build_answers_as_the_local_one(remote_seeds, seed_store, monkeypatch):
    import kg.store_remote
    monkeypatch.setattr(kg.store_remote, "_SPOOL_BYTES", 1024)  # answers wait on disk to be parsed: the same
    for command in (["claims", "--format", "json"], ["actors", "--format", "json"], ["query", "single-source"],
                    ["export", "graph"], ["sources", "--format", "json"], ["claims", "--contested", "--format", "json"],
                    ["query", "claims", "--doc", "001_f706a8db8eb965ff.txt", "--format", "csv"],
                    ["query", "mentions", "--actor", "China", "--format", "csv"], ["claims"],
                    ["query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "--format", "json"],
                    ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s kg:claim ?o ; ?p ?o }", "--format", "nt"]):
        remote, local = run(command, remote_seeds), run(command, seed_store)
        assert remote.exit_code == local.exit_code == 0, (command, remote.output)
        assert remote.output == local.output, command
        assert len(local.output.splitlines()) > 5, command  # the comparison compares something
    # the quad count of the build summary is the local store's
    assert open_store(remote_seeds).count() == Store(seed_store).count() > 1000


def test_add_and_rebuild_on_the_server_match_the_local_store(oxigraph_server, tmp_path):
    url = oxigraph_server()
    first = write_article(tmp_path / "a", "one.txt", "China aided North Korea.\n")
    second = write_article(tmp_path / "b", "two.txt", "The Soviet Union aided China.\n")
    local = tmp_path / "local"
    for store in (url, local):
        assert run(["build", str(first)], store).exit_code == 0
        assert run(["add", str(second)], store).exit_code == 0
    remote_graph, local_graph = run(["export", "graph"], url).output, run(["export", "graph"], local).output
    assert remote_graph == local_graph and "Soviet Union" in remote_graph and "North Korea" in remote_graph
    # a rebuild replaces the whole dataset: nothing of the added document is left
    assert run(["build", str(first)], url).exit_code == 0
    rows = run(["export", "claims"], url).output.splitlines()
    assert len(rows) == 2 and "one.txt" in rows[1] and "two.txt" not in run(["export", "graph"], url).output


def test_a_malformed_query_names_line_and_column_as_locally(remote_seeds, seed_store):
    text = "SELECT * WHERE {\n  ?s ?p }"
    remote, local = run(["query", text], remote_seeds), run(["query", text], seed_store)
    assert remote.exit_code == local.exit_code == 2
    assert remote.output == local.output and "line 2, column" in remote.output


def test_an_interrupted_build_is_refused_until_built_again(oxigraph_server, tmp_path, monkeypatch):
    url = oxigraph_server()
    article = write_article(tmp_path / "in", "one.txt", "China aided North Korea.\n")

    def cut(self, sparql):  # the connection drops after the data went in, before the build is marked finished
        raise StoreError(f"{url}/update: the connection failed (Connection reset by peer)")
    with monkeypatch.context() as m:
        m.setattr(RemoteStore, "_update", cut)
        failed = run(["build", str(article)], url)
    assert failed.exit_code == 1 and "Connection reset by peer" in failed.output
    refused = run(["claims"], url)
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert "did not finish" in refused.output and url in refused.output
    assert run(["build", str(article)], url).exit_code == 0
    assert "North Korea" in run(["claims"], url).output


def test_data_kg_did_not_write_is_never_replaced(oxigraph_server, tmp_path):
    url = oxigraph_server()
    theirs = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
    request = urllib.request.Request(url + "/store?default", data=theirs, method="POST",
                                     headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(request, timeout=10).close()
    article = write_article(tmp_path / "in", "one.txt", "China aided North Korea.\n")
    result = run(["build", str(article)], url)
    assert result.exit_code == 1 and "data kg did not write" in result.output and "nothing was changed" in result.output
    with urllib.request.urlopen(urllib.request.Request(url + "/store", headers={"Accept": "application/n-quads"}),
                                timeout=10) as response:
        assert response.read() == theirs


def test_unreachable_or_wrong_endpoints_are_one_line_errors(oxigraph_server):
    nowhere = f"http://127.0.0.1:{_free_port()}"
    result = run(["claims"], nowhere)
    assert result.exit_code == 1
    assert result.output == f"kg: error: {nowhere}/query: cannot reach the SPARQL server (Connection refused)\n"
    url = oxigraph_server()
    wrong = run(["claims"], url + "?query=nowhere")
    assert wrong.exit_code == 1 and wrong.output.count("\n") == 1
    assert f"POST {url}/nowhere: HTTP 404" in wrong.output
    empty = run(["claims"], url)
    assert empty.exit_code == 1 and "no kg store here" in empty.output
    bad_option = run(["claims"], url + "?graph=x")
    assert bad_option.exit_code == 2 and "unknown option 'graph'" in bad_option.output


def test_serve_refuses_a_remote_store(oxigraph_server):
    url = oxigraph_server()
    result = run(["serve"], url)
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "already is on a SPARQL server" in result.output


def test_endpoints_follow_the_servers_layout():
    oxigraph = RemoteStore("http://h:7878")
    assert oxigraph.endpoints == {"query": "http://h:7878/query", "update": "http://h:7878/update",
                                  "data": "http://h:7878/store"}
    fuseki = RemoteStore("http://h:3030/kg/?data=")
    assert fuseki.endpoints == {"query": "http://h:3030/kg/query", "update": "http://h:3030/kg/update",
                                "data": "http://h:3030/kg"}
    graphdb = RemoteStore("http://h:7200/repositories/kg?query=&update=statements&data=statements")
    assert graphdb.endpoints == {"query": "http://h:7200/repositories/kg",
                                 "update": "http://h:7200/repositories/kg/statements",
                                 "data": "http://h:7200/repositories/kg/statements"}
    assert isinstance(open_store("store-dir"), Store) and isinstance(open_store("https://h/x"), RemoteStore)


def test_parameters_are_bound_first_in_the_where_group():
    actor = {ox.Variable("actor"): ox.Literal('"} DROP ALL #')}
    query = ('# a comment with WHERE { in it\nPREFIX kg: <https://w3id.org/kg/ns#>\n'
             'SELECT ?s ?actor WHERE { ?s kg:x "{" FILTER(COALESCE(?s = ?actor, true)) }')
    bound = with_values(query, actor)
    assert bound.endswith('WHERE { VALUES (?actor) { ("\\"} DROP ALL #") }  ?s kg:x "{" '
                          'FILTER(COALESCE(?s = ?actor, true)) }')
    construct = with_values("CONSTRUCT { ?s ?p ?actor } WHERE { ?s ?p ?o }", actor)
    assert construct.startswith("CONSTRUCT { ?s ?p ?actor } WHERE { VALUES (?actor)")


def test_shards_bulk_loaded_with_oxigraph_load_answer_as_the_local_store(oxigraph_server, seed_store, tmp_path):
    # the ten-million-article plan's last step: a build's shards into a server's store by its bulk loader
    shards = tmp_path / "shards"
    result = run(["export", "graph", "--shards", str(shards), "--shard-size", "300K"], seed_store)
    assert result.exit_code == 0, result.output
    files = sorted(shards.glob("graph-*.nq"))
    assert len(files) > 2
    location = tmp_path / "server"
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", *map(str, files)],
                   check=True, capture_output=True, timeout=300)
    url = oxigraph_server(location)
    assert "did not write" in run(["claims"], url).output  # no marker yet: not taken for a kg build
    # the server runs: the marker goes in by the Graph Store Protocol (what a Fuseki load would do too)
    body = (shards / "kg-marker.nq").read_bytes()
    request = urllib.request.Request(url + "/store", data=body, method="POST",
                                     headers={"Content-Type": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30):
        pass
    for command in (["claims", "--format", "json"], ["actors", "--format", "json"], ["query", "single-source"],
                    ["export", "graph"], ["sources", "--format", "json"]):
        remote, local = run(command, url), run(command, seed_store)
        assert remote.exit_code == local.exit_code == 0, (command, remote.output)
        assert remote.output == local.output, command


def test_a_build_written_as_shards_loads_into_a_server_that_answers_as_the_local_store(oxigraph_server, seed_store,
                                                                                         tmp_path):
    # the whole plan for a large corpus: kg build --shards, the server's bulk loader, the marker last
    import shutil
    cache = tmp_path / ".kg"
    shutil.copytree(seed_store, cache)  # its extractions: nothing is extracted again
    shards = tmp_path / "shards"
    result = run(["build", str(SEEDS), "--shards", str(shards), "--shard-size", "300K"], cache)
    assert result.exit_code == 0 and "0 documents extracted" in result.output, result.output
    location = tmp_path / "server"
    for files in (sorted(shards.glob("graph-*.nq")), [shards / "kg-marker.nq"]):
        subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", *map(str, files)],
                       check=True, capture_output=True, timeout=300)
    url = oxigraph_server(location)
    for command in (["claims", "--single-source", "--format", "json"], ["claims", "--contested"],
                    ["actors", "--format", "json"], ["export", "graph"], ["sources", "--format", "json"]):
        remote, local = run(command, url), run(command, seed_store)
        assert remote.exit_code == local.exit_code == 0, (command, remote.output)
        assert remote.output == local.output and len(local.output.splitlines()) > 3, command
