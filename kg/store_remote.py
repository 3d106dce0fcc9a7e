"""A kg store on a SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, ...) instead of a local directory.

Reads use the SPARQL Protocol (POST /query), a build replaces the whole dataset with one Graph Store
Protocol PUT of N-Quads, and a marker in a graph of its own says whether the last build finished:

    GRAPH kgid:graph/store { kgid:store kg:buildState "complete" ; kg:quadCount N ; kg:buildId "..." }

A build writes the marker with buildState "building" as part of the PUT and turns it into "complete"
(with the quad count) by one SPARQL update once the server has accepted every quad. Readers refuse a
dataset whose marker is missing or still "building", so an interrupted build is never read as a graph.
"""
from __future__ import annotations

import re
import shlex
import socket
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError

_BASE = "https://w3id.org/kg/"
MARKER_GRAPH = ox.NamedNode(_BASE + "id/graph/store")
_MARKER = ox.NamedNode(_BASE + "id/store")
_STATE, _COUNT, _BUILD_ID = (ox.NamedNode(_BASE + "ns#" + p) for p in ("buildState", "quadCount", "buildId"))
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
# where the three services sit, relative to the store URL; Oxigraph server's layout is the default
ENDPOINTS = {"query": "query", "update": "update", "data": "store"}
DEFAULT_TIMEOUT_S = 300.0
_SPOOL_BYTES = 16 << 20  # an answer larger than this waits on disk to be parsed, not in memory
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_ANY_QUAD = "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
_STATE_QUERY = f"SELECT ?p ?o WHERE {{ GRAPH {MARKER_GRAPH} {{ {_MARKER} ?p ?o }} }}"
_COUNT_QUERY = (f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ ?s ?p ?o }} UNION "
                f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {MARKER_GRAPH}) }} }}")


class RemoteStore:
    """A kg store held by a SPARQL server; the same reading and writing methods as the local Store."""

    def __init__(self, url: str):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"{url}: not a SPARQL server URL (expected http://HOST:PORT/PATH)")
        options = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        unknown = sorted(set(options) - {*ENDPOINTS, "timeout"})
        if unknown:
            raise StoreError(f"{url}: unknown option {unknown[0]!r} in the store URL (it takes "
                             f"{', '.join(ENDPOINTS)} and timeout)")
        self.base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
        self.path = url  # what messages and the build summary name
        self._quoted = shlex.quote(url)
        self.endpoints = {name: _endpoint(self.base, options.get(name, [default])[-1])
                          for name, default in ENDPOINTS.items()}
        try:
            self.timeout = float(options.get("timeout", [DEFAULT_TIMEOUT_S])[-1])
        except ValueError:
            raise StoreError(f"{url}: timeout must be a number of seconds") from None

    # --- reading ----------------------------------------------------------------------------
    def current_build(self):
        """A remote store has no local build directory, so nothing can serve it locally."""
        raise StoreError(f"{self.path}: kg serve needs a local store; this one already is on a SPARQL server, "
                         f"query {self.endpoints['query']} directly")

    pinned = current_build

    def exists(self) -> bool:
        return self._state() != "empty"

    def open(self) -> "RemoteDataset":
        state = self._state()
        if state == "empty":
            raise StoreError(f"{self.path}: no kg store here; run `kg --store {self._quoted} build FOLDER` first")
        if state != "complete":
            raise StoreError(self._unreadable(state))
        return RemoteDataset(self)

    def check(self) -> None:
        """Raise StoreError unless the store is empty or holds a finished kg build."""
        if self.exists():
            self.open()

    def count(self) -> int:
        """The number of quads of the live build, as counted by the server when the build finished."""
        return int(self._marker().get(_COUNT.value, 0))

    def query(self, sparql: str, **kwargs):
        try:
            return self.open().query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None

    def dump(self, fmt: ox.RdfFormat, *, without_graphs: Iterable[ox.NamedNode] = (),
             prefixes: dict[str, str] | None = None) -> bytes:
        """Serialize the live build (fetched as N-Quads with a Graph Store Protocol GET of the dataset)."""
        self.open()
        skip = {MARKER_GRAPH, *without_graphs}
        quads = (q for q in self._quads() if q.graph_name not in skip)
        items = quads if fmt.supports_datasets else (q.triple for q in quads)
        out = tempfile.SpooledTemporaryFile(max_size=64 << 20)
        if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            ox.serialize(items, out, fmt, prefixes=prefixes)
        else:
            ox.serialize(items, out, fmt)
        out.seek(0)
        return out.read()

    # --- writing ----------------------------------------------------------------------------
    @contextmanager
    def writing(self, check: bool = True) -> Iterator[None]:
        """Refuse a dataset kg did not write (a build replaces the whole dataset). There is no lock
        across machines: two builds at once each replace the dataset and the last one wins.

        check=False: the server is not contacted (a build written as shards never reads or changes it)."""
        if check and self._state() == "foreign":
            raise StoreError(self._unreadable("foreign"))
        yield

    def replace(self, quads: Iterable[ox.Quad]) -> str:
        """Replace the dataset with quads: one PUT of N-Quads, then one update marks the build complete."""
        build_id = uuid.uuid4().hex
        building = _marker_quads({_STATE: ox.Literal("building"), _BUILD_ID: ox.Literal(build_id)})
        with tempfile.TemporaryFile() as body:
            # every quad is written out before the server is touched: a failure here changes nothing
            ox.serialize(_chain(building, quads), body, ox.RdfFormat.N_QUADS)
            size = body.tell()
            body.seek(0)
            self._http("PUT", self.endpoints["data"], body,
                       {"Content-Type": "application/n-quads", "Content-Length": str(size)})
        count = next(iter(self._select(_COUNT_QUERY)))["n"].value
        done = complete_marker(build_id, count)
        data = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in done)
        self._update(f"DROP SILENT GRAPH {MARKER_GRAPH} ; INSERT DATA {{ GRAPH {MARKER_GRAPH} {{ {data} }} }}")
        return self.base

    # --- the server -------------------------------------------------------------------------
    def _marker(self) -> dict[str, str]:
        return {r["p"].value: r["o"].value for r in self._select(_STATE_QUERY)}

    def _state(self) -> str:
        """empty, complete, building (a build started and did not finish) or foreign (not kg's data)."""
        state = self._marker().get(_STATE.value)
        if state:
            return state
        return "foreign" if bool(self._send_query(_ANY_QUAD)) else "empty"

    def _unreadable(self, state: str) -> str:
        if state == "foreign":
            return (f"{self.path}: the dataset holds data kg did not write; a kg build replaces the whole "
                    f"dataset, so point kg at an empty dataset of its own; nothing was changed")
        return (f"{self.path}: the last build on this server did not finish (it was interrupted, or is "
                f"still running); run `kg --store {self._quoted} build FOLDER` again")

    def _select(self, sparql: str) -> ox.QuerySolutions:
        return self._send_query(sparql)

    def _send_query(self, sparql: str):
        url = self.endpoints["query"]
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        data, media_type = self._http("POST", url, body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT}, syntax_errors=True)
        results_format = ox.QueryResultsFormat.from_media_type(media_type)
        if results_format is not None:
            try:
                return ox.parse_query_results(data, results_format)
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"{url}: the server's answer does not parse ({_one_line(exc)})") from None
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise StoreError(f"{url}: the server answered in {media_type or 'an unnamed format'}, which kg does not read")
        return _triples(data, rdf_format, url)

    def _update(self, sparql: str) -> None:
        self._http("POST", self.endpoints["update"], urllib.parse.urlencode({"update": sparql}).encode("utf-8"),
                   {"Content-Type": "application/x-www-form-urlencoded"})

    def _quads(self) -> Iterator[ox.Quad]:
        data, _ = self._http("GET", self.endpoints["data"], None, {"Accept": "application/n-quads"})
        try:
            yield from ox.parse(data, ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"{self.endpoints['data']}: the server's dataset does not parse as N-Quads "
                             f"({_one_line(exc)})") from None

    def _http(self, method: str, url: str, body, headers: dict[str, str], *, syntax_errors: bool = False
              ) -> tuple[BinaryIO, str]:
        """One request with a timeout; every failure is a one-line StoreError naming the URL."""
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                # kept in memory up to _SPOOL_BYTES, beyond that on disk, and parsed from there as kg
                # reads the answer: the connection is not held open across kg's next requests
                answer = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)
                shutil.copyfileobj(response, answer, 1 << 16)
                answer.seek(0)
                return answer, response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = _one_line(exc.read().decode("utf-8", "replace"))[:300]
            if syntax_errors and exc.code == 400:  # the server's parser refused the query
                raise SyntaxError(detail) from None
            raise StoreError(f"{method} {url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise StoreError(f"{url}: no answer within {self.timeout:g} s (raise it with ?timeout=SECONDS "
                                 f"in the store URL)") from None
            reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
            raise StoreError(f"{url}: cannot reach the SPARQL server ({reason})") from None
        except (socket.timeout, TimeoutError):
            raise StoreError(f"{url}: no answer within {self.timeout:g} s (raise it with ?timeout=SECONDS "
                             f"in the store URL)") from None
        except OSError as exc:
            raise StoreError(f"{url}: the connection failed ({_one_line(exc)})") from None


class RemoteDataset:
    """What open() gives: the query interface of a pyoxigraph Store, answered by the server."""

    def __init__(self, store: RemoteStore):
        self.store = store

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None,
              substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None):
        """Like pyoxigraph's Store.query: prefixes are declared, substitutions bound with VALUES."""
        text = with_values(sparql, substitutions) if substitutions else sparql
        prolog = "".join(f"PREFIX {k}: <{v}> " for k, v in (prefixes or {}).items())
        try:
            return self.store._send_query(prolog + "\n" + text if prolog else text)
        except SyntaxError as exc:  # positions as in the query the caller wrote, not behind the prolog
            if not prolog:
                raise
            raise SyntaxError(re.sub(r"error at (\d+):", lambda m: f"error at {int(m[1]) - 1}:", str(exc), 1)) from None

    def __iter__(self) -> Iterator[ox.Quad]:
        return (q for q in self.store._quads() if q.graph_name != MARKER_GRAPH)

    def __len__(self) -> int:
        return self.store.count()


# --- binding parameters in query text ------------------------------------------------------------

_SKIP = re.compile(r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|#[^\n]*""",
                   re.S)
_WORD = re.compile(r"(?<![\w?$:])(WHERE|SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])|\{", re.I)


def with_values(sparql: str, substitutions: dict) -> str:
    """The query with a VALUES block first in its WHERE group: the variables bound for the whole group,
    as Oxigraph's substitutions bind them (a trailing VALUES would join only after the FILTERs)."""
    for term in substitutions.values():
        if isinstance(term, ox.BlankNode):
            raise QueryError("a blank node cannot be bound as a query parameter")
    variables = " ".join(f"?{v.value}" for v in substitutions)
    row = " ".join(str(t) for t in substitutions.values())
    at = _where_group(sparql)
    if at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return f"{sparql[:at]} VALUES ({variables}) {{ ({row}) }} {sparql[at:]}"


def _where_group(sparql: str) -> int | None:
    """The position just inside the query's WHERE brace, found outside strings, IRIs and comments."""
    masked = _SKIP.sub(lambda m: " " * len(m[0]), sparql)
    form, pos = None, 0
    while (m := _WORD.search(masked, pos)) is not None:
        word, pos = (m[1] or "{").upper(), m.end()
        if form is None:
            form = word if word != "{" else None
        elif word == "WHERE":
            brace = masked.find("{", pos)
            return brace + 1 if brace >= 0 else None
        elif word == "{" and form == "CONSTRUCT":  # the template comes before the WHERE group
            form, pos = "CONSTRUCTED", _close(masked, pos)
            if pos is None:
                return None
        elif word == "{":
            return pos
    return None


def _close(text: str, start: int) -> int | None:
    """The position after the brace that closes the one opened just before start."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return None


def _endpoint(base: str, where: str) -> str:
    """An endpoint given in the store URL: a full URL, a path under the store URL, or '' for the URL itself."""
    if urllib.parse.urlsplit(where).scheme:
        return where
    return f"{base}/{where.strip('/')}" if where.strip("/") else base


def complete_marker(build_id: str, count: int | str) -> list[ox.Quad]:
    """The marker of a finished build of count quads (kg.shards writes it beside the shards too)."""
    return _marker_quads({_STATE: ox.Literal("complete"), _BUILD_ID: ox.Literal(build_id),
                          _COUNT: ox.Literal(str(count), datatype=_XSD_INTEGER)})


def _marker_quads(values: dict[ox.NamedNode, ox.Literal]) -> list[ox.Quad]:
    return [ox.Quad(_MARKER, p, o, MARKER_GRAPH) for p, o in values.items()]


def _chain(first: list[ox.Quad], rest: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    yield from first
    yield from rest


def _triples(data: BinaryIO, rdf_format: ox.RdfFormat, url: str) -> Iterator[ox.Triple]:
    """A CONSTRUCT or DESCRIBE answer's triples, parsed as they are read."""
    try:
        for quad in ox.parse(data, rdf_format):
            yield quad.triple
    except SyntaxError as exc:
        raise StoreError(f"{url}: the server's answer does not parse ({_one_line(exc)})") from None


def _one_line(exc: BaseException | str) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
