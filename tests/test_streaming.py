"""kg query and kg claims write their answers as the store gives them: the same bytes as the whole
answer formatted at once, claims read a batch at a time, a query's rows sent from its child process
as they are made."""
import csv
import io
import json
import os
import time
import types

import pytest

import kg.claims
import kg.query
from kg.claims import claim_records, claim_records_streamed
from kg.query import compact, run as run_sparql, solution_chunks, stream_bounded, text_table, xml_escape
from kg.store import Store
from tests.conftest import run

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

QUERIES = [
    # quads of the seeds and dev articles: IRIs, typed and plain literals; texts with newlines, quotes, & and <
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 2500",
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), '[\\n\"&<]')) } ORDER BY ?s ?p ?o",
    # an OPTIONAL that binds nothing: cells left out (JSON, XML) or empty (CSV, TSV)
    "SELECT ?doc ?x ?n WHERE { ?d kg:fileName ?doc ; kg:sentenceCount ?n OPTIONAL { ?d kg:nothing ?x } } ORDER BY ?doc",
    # no rows, and no variables
    "SELECT ?s WHERE { ?s kg:nothing ?o }",
    "SELECT * WHERE { }",
    # language tags
    "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(LANG(?l) != '') } ORDER BY ?l LIMIT 20",
]


def _term_json(t):
    if t.__class__.__name__ == "NamedNode":
        return {"type": "uri", "value": t.value}
    if t.__class__.__name__ == "BlankNode":
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != _XSD_STRING:
        out["datatype"] = t.datatype.value
    return out


def _term_xml(t):
    kind = t.__class__.__name__
    if kind == "NamedNode":
        return f"<uri>{xml_escape(t.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if t.language:
        return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
    if t.datatype.value != _XSD_STRING:
        return f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
    return f"<literal>{xml_escape(t.value)}</literal>"


def whole_document(vs, rows, fmt) -> bytes:
    """Each format made from every row at once, as kg wrote it before it streamed: the oracle."""
    if fmt == "json":
        bindings = [{v: _term_json(r[v]) for v in vs if r[v] is not None} for r in rows]
        text = json.dumps({"head": {"vars": vs}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    elif fmt == "xml":
        lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        lines += [f'<variable name="{v}"/>' for v in vs] + ["</head>", "<results>"]
        lines += ["<result>" + "".join(f'<binding name="{v}">{_term_xml(r[v])}</binding>' for v in vs
                                       if r[v] is not None) + "</result>" for r in rows]
        text = "\n".join(lines + ["</results>", "</sparql>"]) + "\n"
    elif fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(vs)
        w.writerows([["" if r[v] is None else r[v].value for v in vs] for r in rows])
        text = out.getvalue()
    elif fmt == "tsv":
        text = "\n".join(["\t".join("?" + v for v in vs)] +
                         ["\t".join("" if r[v] is None else str(r[v]) for v in vs) for r in rows]) + "\n"
    else:
        text = text_table(vs, [[compact(r[v]) for v in vs] for r in rows])
    return text.encode("utf-8")


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_streamed_query_output_is_byte_identical_to_the_whole_document(corpus_store, fmt):
    store = Store(corpus_store)
    for q in QUERIES:
        listed = run_sparql(store, q)
        result = run(["query", q, "--format", fmt], corpus_store)
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == whole_document(listed.variables, listed.rows, fmt), q
    marked = [r["o"].value for r in run_sparql(store, QUERIES[1]).rows]
    assert all(any(c in o for o in marked) for c in '\n"<')  # no & in these texts


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_result_formats_read_one_row_before_writing_it(corpus_store, fmt):
    store = Store(corpus_store)
    result = kg.query.run_streamed(store, QUERIES[0])
    taken = []

    def rows():
        for r in result.rows:
            taken.append(r)
            yield r
    chunks = solution_chunks(result.variables, rows(), fmt)
    written = next(chunks)
    assert taken == [] or fmt == "csv"  # the head, before any row is read (CSV's comes with its first rows)
    while not taken or taken[0]["s"].value not in written:
        written += next(chunks)
    if fmt == "csv":  # rows gathered into pieces of about 16 KB
        assert 1 <= len(taken) < 1000 and len(written) < 20_000
    else:
        assert len(taken) == 1


def test_a_query_childs_output_arrives_while_it_still_runs_and_closing_stops_it():
    def work(channel):
        channel.head(os.getpid())
        channel.write(b"x" * 300_000)  # several frames' worth
        channel.flush()
        time.sleep(120)  # still running: only close() ends it
        channel.write(b"never")

    stream = stream_bounded(work)
    pid = stream.head
    received = b""
    for chunk in stream:
        received += chunk
        if len(received) == 300_000:
            break  # the generator is closed here: the child is killed and reaped
    assert received == b"x" * 300_000
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_an_error_after_some_output_comes_after_that_output():
    def work(channel):
        channel.head("select")
        channel.write(b"row 1\n")
        raise kg.query.QueryError("query: broken at row 2")

    stream = stream_bounded(work)
    got = []
    with pytest.raises(kg.query.QueryError, match="broken at row 2"):
        for chunk in stream:
            got.append(chunk)
    assert got == [b"row 1\n"]


CLAIM_FILTERS = [
    [], ["--single-source"], ["--corroborated", "--relation", "AID"], ["--contested"],
    ["--contested", "--actor", "North Korea"], ["--actor", "China", "--limit", "4", "--offset", "1"],
    ["--doc", "000_7f752d16256913ea.txt"], ["--min-sources", "2", "--limit", "3", "--offset", "2"], ["--offset", "7"],
]


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_claims_in_batches_of_two_print_exactly_what_one_batch_prints(corpus_store, monkeypatch, fmt):
    whole = {}
    for args in CLAIM_FILTERS:
        result = run(["claims", *args, "--format", fmt], corpus_store)
        assert result.exit_code == 0, result.output
        whole[tuple(args)] = result.stdout_bytes
    assert len(claim_records(Store(corpus_store))) < kg.claims.CLAIM_BATCH  # the default read them in one batch
    monkeypatch.setattr(kg.claims, "CLAIM_BATCH", 2)
    for args in CLAIM_FILTERS:
        result = run(["claims", *args, "--format", fmt], corpus_store)
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == whole[tuple(args)], args
    listing = whole[()].decode()
    assert listing.count("[contested]") >= 1 and "China AID North Korea" in listing or fmt != "text"


def test_claim_records_reads_a_batch_only_when_its_first_claim_is_asked_for(corpus_store, monkeypatch):
    store = Store(corpus_store)
    every = claim_records(store)
    queries = []
    real_opened = kg.query.opened

    class Counting:
        def __init__(self, db):
            self.db = db

        def query(self, text, **kw):
            queries.append(text)
            return self.db.query(text, **kw)
    monkeypatch.setattr(kg.query, "opened", lambda s: Counting(real_opened(s)))
    monkeypatch.setattr(kg.claims, "CLAIM_BATCH", 2)

    records = claim_records_streamed(store)
    assert isinstance(records, types.GeneratorType) and queries == []
    first = next(records)
    # claims.rq, the relation classes, then the first batch's sources, contests, quotes, the quotes' speakers,
    # events, years and figures, their documents' publishers, and the labels of those
    per_batch = 6
    assert len(queries) == 2 + per_batch and queries[0].startswith("# description: Every claim")
    second = next(records)
    assert len(queries) == 2 + per_batch  # the same batch: nothing more read
    third = next(records)
    assert len(queries) == 2 + 2 * per_batch  # the next batch
    rest = list(records)
    assert [first, second, third, *rest] == every and len(every) > 50
    batches = (len(every) + 1) // 2  # the labels are not asked for when a batch's quotes name nothing to label
    assert 2 + (per_batch - 1) * batches < len(queries) <= 2 + per_batch * batches
