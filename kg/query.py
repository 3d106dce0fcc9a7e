"""SPARQL over the store: ad hoc queries, canned queries with typed parameters, result formats.

Canned queries are the .rq files in kg/queries/. Their header comments give a description and
typed parameters:

    # description: Claims backed by exactly one independent source.
    # param: ?actor actor optional -- an actor (any alias)
    # param: ?min_sources integer optional=2 -- at least this many sources

Parameter values are turned into RDF terms (an actor name into the actor's IRI, a number into an
xsd:integer) and bound with Oxigraph's substitutions, never pasted into the query text.
"""
from __future__ import annotations

import contextlib
import csv
import faulthandler
import io
import json
import os
import pickle
import re
import resource
import select
import signal
import struct
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import Interrupted, KgError, QueryError, StoppedError
from kg.rdf import ID, KG, PREFIXES
from kg.rules import RELATIONS, Rules, load_rules
from kg.store import Store

QUERY_DIR = Path(__file__).resolve().parent / "queries"
PARAM_TYPES = ("actor", "relation", "doc", "integer", "string", "boolean", "iri")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
                 "jsonld": ox.RdfFormat.JSON_LD, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"^#\s*param:\s*\?(?P<name>\w+)\s+(?P<type>\w+)\s+(?P<need>required|optional)(?:=(?P<default>\S+))?"
                    r"\s*(?:--\s*(?P<help>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: str | None = None
    help: str = ""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass
class QueryResult:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
    From run() rows and triples are lists; from run_streamed() iterators, read once as the store answers."""

    kind: str                                   # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: Iterable[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: Iterable[ox.Triple] = field(default_factory=list)


def parse_canned(path: Path) -> CannedQuery:
    """Read one .rq file; a malformed header is an error naming the file and line."""
    text = path.read_text(encoding="utf-8")
    description, params = "", []
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("# description:"):
            description = line.split(":", 1)[1].strip()
        elif line.startswith("# param:"):
            m = _PARAM.match(line)
            if not m or m["type"] not in PARAM_TYPES:
                raise QueryError(f"{path}:{n}: malformed parameter line; expected "
                                 f"'# param: ?name TYPE required|optional[=default] -- help' with TYPE one of "
                                 f"{', '.join(PARAM_TYPES)}")
            params.append(Param(m["name"], m["type"], m["need"] == "required", m["default"], (m["help"] or "").strip()))
    if not description:
        raise QueryError(f"{path}: canned query has no '# description:' line")
    return CannedQuery(path.stem, description, tuple(params), text)


def canned_queries(directory: Path = QUERY_DIR) -> dict[str, CannedQuery]:
    return {p.stem: parse_canned(p) for p in sorted(directory.glob("*.rq"))}


def canned(name: str) -> CannedQuery:
    queries = canned_queries()
    if name not in queries:
        raise QueryError(f"no canned query named {name!r}; `kg query --list` shows them")
    return queries[name]


def _doc_node(store: Store, name: str) -> ox.NamedNode:
    hits = [r["d"] for r in store.query("SELECT ?d ?name WHERE { ?d kg:fileName ?name }", prefixes=PREFIXES,
                                        substitutions={ox.Variable("name"): ox.Literal(name)})]
    if not hits:
        raise QueryError(f"no document named {name!r} in the store")
    return hits[0]


_ACTOR_BY_NAME = """
PREFIX kg: <https://w3id.org/kg/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?a ?name WHERE { ?a a kg:Actor ; rdfs:label|skos:altLabel ?n FILTER(LCASE(STR(?n)) = LCASE(?name)) } ORDER BY ?a LIMIT 1
"""


def store_actor(store: Store, name: str) -> ox.NamedNode | None:
    """An actor the build itself named (found by NER: no gazetteer lists it), by its label or alias."""
    if not store.exists():
        return None
    hits = [r["a"] for r in store.query(_ACTOR_BY_NAME, substitutions={ox.Variable("name"): ox.Literal(name.strip())})]
    return hits[0] if hits else None


_ACTOR_BY_LOOKUP_NAME = "SELECT ?a ?name WHERE { ?a kg:lookupName ?name } ORDER BY ?a LIMIT 1"


def built_actor(store: Store, name: str) -> ox.NamedNode | None:
    """The stored actor the build's rules resolve this name to (kg:lookupName), without loading them."""
    if not store.exists():
        return None
    hits = opened(store).query(_ACTOR_BY_LOOKUP_NAME, prefixes=PREFIXES,
                              substitutions={ox.Variable("name"): ox.Literal(name.strip().lower())})
    return next((r["a"] for r in hits), None)


def to_term(param: Param, value: str, store: Store, rules: Rules | None) -> ox.NamedNode | ox.Literal:
    """A parameter value as the RDF term it stands for; a value that names nothing is an error."""
    where = f"--{param.name.replace('_', '-')} {value!r}"
    if param.type == "actor":
        if rules is None:  # the caller's own rules, when given, decide as before
            known = built_actor(store, value)
            if known is not None:
                return known
        actor = (rules or load_rules()).actor_by_name(value)
        if actor is not None:
            return ox.NamedNode(f"{ID}actor/{actor.id}")
        found = store_actor(store, value)
        if found is None:
            raise QueryError(f"{where}: no actor has this name or alias (see ontology/actors.yaml)")
        return found
    if param.type == "relation":
        rel = value.strip().upper()
        if rel not in RELATIONS:
            raise QueryError(f"{where}: unknown relation; use one of {', '.join(RELATIONS)}")
        return ox.NamedNode(KG + rel)
    if param.type == "doc":
        return _doc_node(store, value)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"{where}: expected a whole number")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))
    if param.type == "boolean":
        if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise QueryError(f"{where}: expected true or false")
        return ox.Literal("true" if value.lower() in ("true", "1", "yes") else "false",
                          datatype=ox.NamedNode(_XSD + "boolean"))
    if param.type == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"{where}: not an IRI ({exc})") from None
    return ox.Literal(value)


def bind(query: CannedQuery, values: dict[str, str | None], store: Store, rules: Rules | None = None
         ) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """Substitutions for a canned query: every given or default value as an RDF term."""
    known = {p.name for p in query.params}
    unknown = [k for k, v in values.items() if v is not None and k not in known]
    if unknown:
        options = ", ".join("--" + p.name.replace("_", "-") for p in query.params) or "none"
        raise QueryError(f"{query.name}: unknown parameter --{unknown[0].replace('_', '-')} (it takes: {options})")
    out = {}
    for p in query.params:
        value = values.get(p.name)
        if value is None:
            value = p.default
        if value is None:
            if p.required:
                raise QueryError(f"{query.name}: --{p.name.replace('_', '-')} is required ({p.help})")
            continue
        out[ox.Variable(p.name)] = to_term(p, value, store, rules)
    return out


_OPENED: dict = {}


def opened(store: Store) -> ox.Store:
    """The live build, opened once per process (each read-only open costs about 50 ms); a new build,
    made live meanwhile, is opened afresh."""
    if not isinstance(store, Store):
        return store.open()  # a store on a SPARQL server: each query is a request anyway
    build = store.current_build()
    db = _OPENED.get(build) if build is not None else None
    if db is None:
        db = store.open()
        _OPENED.clear()
        _OPENED[store.current_build()] = db
    return db


def run(store: Store, text: str, substitutions: dict | None = None, *, source: str = "query") -> QueryResult:
    """Run SPARQL with the project's prefixes predeclared; syntax errors name line and column."""
    result = run_streamed(store, text, substitutions, source=source)
    result.rows, result.triples = list(result.rows), list(result.triples)
    return result


def run_streamed(store: Store, text: str, substitutions: dict | None = None, *,
                 source: str = "query") -> QueryResult:
    """run(), its rows or triples an iterator over the store's answer: held one at a time, not all."""
    db = opened(store)
    try:
        result = db.query(text, prefixes=PREFIXES, substitutions=substitutions or None)
    except SyntaxError as exc:
        msg = str(exc)
        m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
        if m:
            raise QueryError(f"{source}: malformed SPARQL at line {m[1]}, column {m[2]}: {m[3].strip()}") from None
        raise QueryError(f"{source}: malformed SPARQL: {msg}") from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryError(f"{source}: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return QueryResult("select", variables, ({v: sol[v] for v in variables} for sol in result))
    return QueryResult("graph", triples=iter(result))


def run_canned(store: Store, name: str, values: dict[str, str | None], rules: Rules | None = None) -> QueryResult:
    """Run a canned query; the bound parameter columns are left out of the result."""
    result = run_canned_streamed(store, name, values, rules)
    result.rows = list(result.rows)
    return result


def run_canned_streamed(store: Store, name: str, values: dict[str, str | None],
                        rules: Rules | None = None) -> QueryResult:
    """run_canned(), its rows an iterator (see run_streamed)."""
    query = canned(name)
    result = run_streamed(store, query.text, bind(query, values, store, rules), source=f"{name}.rq")
    params = {p.name for p in query.params}
    result.variables = [v for v in result.variables if v not in params]
    result.rows = ({v: r[v] for v in result.variables} for r in result.rows)
    return result


# --- a query that can be stopped ---------------------------------------------------------------

# what the child sends its parent, each as one frame (kind byte, payload length, payload): a head (the
# answer's kind: known before its rows), output bytes as they are made, and then the end or an error
_FRAME = struct.Struct("!cQ")
_HEAD, _DATA, _END, _ERROR, _CRASH = b"H", b"D", b"K", b"E", b"C"
_CHUNK = 1 << 16  # output bytes gathered into one frame: a frame a row would cost more than the row


class Channel:
    """The child's side of the pipe: head() once, then write() output bytes (a binary file to
    ox.serialize), sent in frames of about 64 KB; a full pipe blocks the child until the parent reads."""

    def __init__(self, fd: int):
        self._out = os.fdopen(fd, "wb")
        self._buffer = bytearray()

    def head(self, value) -> None:
        self._frame(_HEAD, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= _CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._buffer:
            self._frame(_DATA, bytes(self._buffer))
            self._buffer.clear()

    def finish(self, kind: bytes, payload: bytes = b"") -> None:
        self.flush()
        self._frame(kind, payload)
        self._out.close()

    def _frame(self, kind: bytes, payload: bytes) -> None:
        self._out.write(_FRAME.pack(kind, len(payload)) + payload)
        self._out.flush()


class BoundedStream:
    """The parent's side: `head` (what the child sent first), then iterating gives the output bytes as
    they come. close() (or leaving a `with` block) stops the child if it still runs."""

    def __init__(self, frames: Iterator[tuple[bytes, bytes]], memory_mb: int | None):
        self._frames, self._memory_mb = frames, memory_mb
        self.head = None
        kind, payload = self._next()
        if kind == _END:  # the work sent no head
            self.close()
        elif kind != _HEAD:
            raise RuntimeError(f"the query process sent {kind!r} first")
        else:
            self.head = pickle.loads(payload)

    def __iter__(self) -> Iterator[bytes]:
        try:
            while True:
                kind, payload = self._next()
                if kind == _END:
                    return
                yield payload
        finally:
            self.close()

    def close(self) -> None:
        self._frames.close()

    def __enter__(self) -> "BoundedStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _next(self) -> tuple[bytes, bytes]:
        """The next data, head or end frame; an error the child sent is raised here."""
        try:
            kind, payload = next(self._frames)
        except StopIteration:  # the child died without a last word: killed for its memory
            self.close()
            more = f" (more than {self._memory_mb} MB, --max-memory)" if self._memory_mb is not None else ""
            raise StoppedError(f"query: stopped: it needed more memory than it may use{more}; narrow the pattern "
                               f"or add a LIMIT") from None
        except BaseException:
            self.close()
            raise
        if kind in (_ERROR, _CRASH):
            self.close()
            error = pickle.loads(payload)
            if kind == _ERROR:
                raise error[0](error[1])
            raise RuntimeError(f"the query process failed:\n{error}")
        return kind, payload


def stream_bounded(work: Callable[[Channel], None], timeout_s: float | None = None,
                   memory_mb: int | None = None) -> BoundedStream:
    """work(channel) in a forked child process, stopped (killed) on timeout or Ctrl-C, and given memory_mb
    more address space than it starts with; what it writes to the channel comes back as it is written.

    pyoxigraph evaluates in native code that does not come back to Python for signals, so neither
    Ctrl-C nor a timer can stop a long query in-process; a child process can always be killed. A fork
    costs a few milliseconds and the parent has opened no store, so the child starts clean. The timeout
    counts until the child has sent its last byte, so a reader slower than it also counts."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send back the output and the end or the error, never return
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole process group: just die
        # Oxigraph's last words when an allocation fails are not kg's one-line error
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        faulthandler.disable()  # nor a test runner's dump of a child killed for its memory
        if memory_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (_address_space() + (memory_mb << 20),) * 2)
        channel = Channel(write_end)
        try:
            try:
                work(channel)
                last = (_END, b"")
            except KgError as exc:
                last = (_ERROR, pickle.dumps((type(exc), str(exc))))
            except MemoryError:
                os._exit(1)  # as when Oxigraph's allocation fails: the parent says why
            channel.finish(*last)
        except BaseException:  # a bug: the parent shows the child's traceback (or the parent has gone)
            with contextlib.suppress(BaseException):
                channel.finish(_CRASH, pickle.dumps(traceback.format_exc()))
        os._exit(0)
    os.close(write_end)
    try:
        return BoundedStream(_frames(pid, read_end, timeout_s), memory_mb)
    except BaseException as exc:  # Ctrl-C before the frames' own clean-up began: the child must not outlive us
        _reap(pid)
        if isinstance(exc, KeyboardInterrupt):
            raise Interrupted("query: interrupted (Ctrl-C); stopped") from None
        raise


def _frames(pid: int, read_end: int, timeout_s: float | None) -> Iterator[tuple[bytes, bytes]]:
    """(kind, payload) of each frame the child sends; the child is killed and reaped when this ends."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    buffer = bytearray()
    try:
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            while True:
                wait = None if deadline is None else max(0.0, deadline - time.monotonic())
                if not select.select([pipe], [], [], wait)[0]:
                    raise StoppedError(f"query: stopped after {timeout_s:g} s (--timeout); narrow the pattern or "
                                       f"add a LIMIT")
                chunk = pipe.read(1 << 20)
                if not chunk:
                    return
                buffer += chunk
                while len(buffer) >= _FRAME.size:
                    kind, size = _FRAME.unpack_from(buffer)
                    if len(buffer) < _FRAME.size + size:
                        break
                    payload = bytes(buffer[_FRAME.size:_FRAME.size + size])
                    del buffer[:_FRAME.size + size]
                    yield kind, payload
    except KeyboardInterrupt:
        raise Interrupted("query: interrupted (Ctrl-C); stopped") from None
    finally:
        _reap(pid)


def run_bounded(work, timeout_s: float | None = None, memory_mb: int | None = None):
    """work() in a child process as stream_bounded runs it; returns what work() returns (sent whole)."""
    with stream_bounded(lambda channel: channel.head(work()), timeout_s, memory_mb) as stream:
        return stream.head


def _address_space() -> int:
    """This process's virtual memory size in bytes (what RLIMIT_AS bounds)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) << 10 for line in fh if line.startswith("VmSize:"))


def _reap(pid: int) -> None:
    """Kill the child if it still runs and collect it, so nothing is left behind."""
    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass


# --- result formats -----------------------------------------------------------------------------

def xml_escape(text: str) -> str:
    """& < > escaped, as xml.sax.saxutils.escape does (which imports urllib: 0.15 s of start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compact(term) -> str:
    """A term for people: IRIs shortened with the project prefixes, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
    if term.datatype.value != _XSD + "string":
        return f'<literal datatype="{xml_escape(term.datatype.value)}">{xml_escape(term.value)}</literal>'
    return f"<literal>{xml_escape(term.value)}</literal>"


def solution_chunks(variables: list[str], rows: Iterable[dict], fmt: str) -> Iterator[str]:
    """SELECT results in a SPARQL 1.1 Query Results format (json, xml, csv, tsv), a row at a time, or as
    an aligned table (which sees every row first: its columns are as wide as their widest cell)."""
    vs = variables
    if fmt == "json":
        # the document json.dumps(..., indent=1) makes, its bindings written as they come
        before, after = json.dumps({"head": {"vars": vs}, "results": {"bindings": []}},
                                   ensure_ascii=False, indent=1).rsplit("[]", 1)
        yield before
        first = True
        for r in rows:
            item = json.dumps({v: _json_term(r[v]) for v in vs if r[v] is not None}, ensure_ascii=False, indent=1)
            yield ("[\n   " if first else ",\n   ") + item.replace("\n", "\n   ")
            first = False
        yield ("[]" if first else "\n  ]") + after + "\n"
    elif fmt == "xml":
        head = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        yield "\n".join(head + [f'<variable name="{v}"/>' for v in vs] + ["</head>", "<results>"]) + "\n"
        for r in rows:
            cells = "".join(f'<binding name="{v}">{_xml_term(r[v])}</binding>' for v in vs if r[v] is not None)
            yield f"<result>{cells}</result>\n"
        yield "</results>\n</sparql>\n"
    elif fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")  # the CSV results format asks for CRLF
        w.writerow(vs)
        for r in rows:
            w.writerow(["" if r[v] is None else r[v].value for v in vs])
            if out.tell() >= 1 << 14:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()
    elif fmt == "tsv":
        # TSV results write each term in its Turtle/N-Triples form
        yield "\t".join("?" + v for v in vs) + "\n"
        for r in rows:
            yield "\t".join("" if r[v] is None else str(r[v]) for v in vs) + "\n"
    elif fmt == "table":
        yield text_table(vs, [[compact(r[v]) for v in vs] for r in rows])
    else:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")


def format_solutions(result: QueryResult, fmt: str) -> str:
    """SELECT results in a SPARQL 1.1 Query Results format (json, xml, csv, tsv) or a table, whole."""
    return "".join(solution_chunks(result.variables, result.rows, fmt))


def write_graph(triples: Iterable[ox.Triple], fmt: str, out: BinaryIO) -> None:
    """CONSTRUCT/DESCRIBE results in an RDF syntax, written to out as they are serialised."""
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"a CONSTRUCT or DESCRIBE result is a graph; use --format {'|'.join(GRAPH_FORMATS)}")
    rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        ox.serialize(triples, out, rdf_format, prefixes=PREFIXES)
    else:
        ox.serialize(triples, out, rdf_format)


def format_graph(result: QueryResult, fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE results in an RDF syntax, whole."""
    out = io.BytesIO()
    write_graph(result.triples, fmt, out)
    return out.getvalue()


def write_answer(result: QueryResult, fmt: str | None, out) -> None:
    """A query's answer written to out (a binary file) in fmt, as the store gives it: SELECT rows in
    chunks of the chosen result format, a graph as it is serialised; nothing for ASK or a format
    the answer cannot take (answer_format_error says why)."""
    if answer_format_error(result.kind, fmt) or result.kind == "ask":
        return
    if result.kind == "graph":
        write_graph(result.triples, fmt or "ttl", out)
        return
    for chunk in solution_chunks(result.variables, result.rows, fmt or "table"):
        out.write(chunk.encode("utf-8"))


def answer_format_error(kind: str, fmt: str | None) -> str | None:
    """Why an answer of this kind cannot be written in fmt, or None when it can."""
    if kind == "select" and (fmt or "table") not in RESULT_FORMATS:
        return f"--format {fmt}: a SELECT result is written as {', '.join(RESULT_FORMATS)}"
    if kind == "graph" and (fmt or "ttl") not in GRAPH_FORMATS:
        return f"a CONSTRUCT or DESCRIBE result is a graph; use --format {'|'.join(GRAPH_FORMATS)}"
    return None


def text_table(columns: list[str], rows: list[list[str]], *, max_width: int = 60) -> str:
    """A plain aligned table for a terminal; long cells are cut with an ellipsis."""
    def cut(s: str) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= max_width else s[:max_width - 1] + "…"
    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
