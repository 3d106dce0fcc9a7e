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
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

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
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str                                   # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


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
        rows = [{v: sol[v] for v in variables} for sol in result]
        return QueryResult("select", variables, rows)
    return QueryResult("graph", triples=list(result))


def run_canned(store: Store, name: str, values: dict[str, str | None], rules: Rules | None = None) -> QueryResult:
    """Run a canned query; the bound parameter columns are left out of the result."""
    query = canned(name)
    result = run(store, query.text, bind(query, values, store, rules), source=f"{name}.rq")
    params = {p.name for p in query.params}
    result.variables = [v for v in result.variables if v not in params]
    result.rows = [{v: r[v] for v in result.variables} for r in result.rows]
    return result


# --- a query that can be stopped ---------------------------------------------------------------

def run_bounded(work, timeout_s: float | None = None, memory_mb: int | None = None):
    """work() in a forked child process, stopped (killed) on timeout or Ctrl-C, and given memory_mb
    more address space than it starts with; returns what work() returns.

    pyoxigraph evaluates in native code that does not come back to Python for signals, so neither
    Ctrl-C nor a timer can stop a long query in-process; a child process can always be killed. A fork
    costs a few milliseconds and the parent has opened no store, so the child starts clean."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send back the result or the error, never return
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole process group: just die
        # Oxigraph's last words when an allocation fails are not kg's one-line error
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        faulthandler.disable()  # nor a test runner's dump of a child killed for its memory
        if memory_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (_address_space() + (memory_mb << 20),) * 2)
        try:
            try:
                payload = ("ok", work())
            except KgError as exc:
                payload = ("error", type(exc), str(exc))
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # a bug: the parent shows the child's traceback
            data = pickle.dumps(("crash", traceback.format_exc()))
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    chunks: list[bytes] = []
    try:
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            while True:
                wait = None if deadline is None else max(0.0, deadline - time.monotonic())
                if not select.select([pipe], [], [], wait)[0]:
                    raise StoppedError(f"query: stopped after {timeout_s:g} s (--timeout); narrow the pattern or "
                                       f"add a LIMIT")
                chunk = pipe.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except KeyboardInterrupt:
        raise Interrupted("query: interrupted (Ctrl-C); stopped") from None
    finally:
        _reap(pid)
    if not chunks:
        more = f" (more than {memory_mb} MB, --max-memory)" if memory_mb is not None else ""
        raise StoppedError(f"query: stopped: it needed more memory than it may use{more}; narrow the pattern "
                           f"or add a LIMIT")
    payload = pickle.loads(b"".join(chunks))
    if payload[0] == "ok":
        return payload[1]
    if payload[0] == "error":
        raise payload[1](payload[2])
    raise RuntimeError(f"the query process failed:\n{payload[1]}")


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


def format_solutions(result: QueryResult, fmt: str) -> str:
    """SELECT results in a SPARQL 1.1 Query Results format (json, xml, csv, tsv)."""
    vs, rows = result.variables, result.rows
    if fmt == "json":
        bindings = [{v: _json_term(r[v]) for v in vs if r[v] is not None} for r in rows]
        return json.dumps({"head": {"vars": vs}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "xml":
        lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        lines += [f'<variable name="{v}"/>' for v in vs] + ["</head>", "<results>"]
        for r in rows:
            cells = "".join(f'<binding name="{v}">{_xml_term(r[v])}</binding>' for v in vs if r[v] is not None)
            lines.append(f"<result>{cells}</result>")
        return "\n".join(lines + ["</results>", "</sparql>"]) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")  # the CSV results format asks for CRLF
        w.writerow(vs)
        w.writerows([["" if r[v] is None else r[v].value for v in vs] for r in rows])
        return out.getvalue()
    if fmt == "tsv":
        # TSV results write each term in its Turtle/N-Triples form
        lines = ["\t".join("?" + v for v in vs)]
        lines += ["\t".join("" if r[v] is None else str(r[v]) for v in vs) for r in rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return text_table(vs, [[compact(r[v]) for v in vs] for r in rows])
    raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")


def format_graph(result: QueryResult, fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE results in an RDF syntax."""
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"a CONSTRUCT or DESCRIBE result is a graph; use --format {'|'.join(GRAPH_FORMATS)}")
    out = io.BytesIO()
    rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        ox.serialize(result.triples, out, rdf_format, prefixes=PREFIXES)
    else:
        ox.serialize(result.triples, out, rdf_format)
    return out.getvalue()


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
