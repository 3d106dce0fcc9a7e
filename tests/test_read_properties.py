"""Property tests and a bounded fuzz run of the readers (hypothesis; few examples, derandomized, so it is quick
and the same every run)."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.documents import parse_document
from kg.errors import DocumentError
from kg.extract import extract, extract_many
from kg.rdf import extraction_quads
from kg.read.decode import decode
from kg.read.html import read_html
from kg.read.jsonl import read_jsonl

settings.register_profile("kg-inputs", deadline=None, max_examples=25, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
QUICK = settings.get_profile("kg-inputs")

# pieces of real-looking text and of what web text is full of: censor marks, emoji, right-to-left
# scripts, combining marks, invisible characters
FRAGMENTS = [
    "China aided North Korea.", "Kim Il Sung met Mao Zedong in Beijing in 1950.", "The Soviet Union attacked ***.",
    "Mao Ze\u0301dong praised Pe\u0301ng Dehuai.", "Kim Il\u200bSung", "*** aided *** in 19**.", "🇰🇵🔥👍🏽",
    "הצבא הישראלי תקף", "قصفت إسرائيل غزة", "e\u0301\u0302\u0323", "\u202eNorth Korea\u202c", "Stalin\u00adgrad",
    "\u200d\u200c\ufeff", "\n\n", "Vietnam invaded Cambodia, the paper said.", "“He did not attack Japan,” Mao said.",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=24)), min_size=1, max_size=10).map(" ".join)


def _document(text, rules):
    return parse_document("prop.txt", "x " + text, rules)  # "x ": never taken for YAML front matter


@QUICK
@given(TEXT)
def test_extraction_never_raises_and_every_span_is_the_stored_text(rules, text):
    doc = _document(text, rules)
    ex = extract(doc, rules)
    assert ex.document is doc
    for m in ex.mentions:
        assert 0 <= m.start <= m.end <= len(doc.text) and doc.text[m.start:m.end] == m.quote
    for a in [*ex.actors, *ex.events]:
        assert doc.text[a.start:a.end] == a.surface
    for s in ex.sentences:
        assert 0 <= s.start <= s.end <= len(doc.text)


def _nquads(ex, rules):
    return sorted(str(q) for q in extraction_quads(ex, rules))


@settings(QUICK, max_examples=10)
@given(TEXT)
def test_two_builds_give_the_same_graph(rules, text):
    doc = _document(text, rules)
    once = _nquads(extract(doc, rules), rules)
    assert _nquads(extract(_document(text, rules), rules), rules) == once
    assert _nquads(extract_many([doc], rules)[0], rules) == once  # the batched path of kg build


@QUICK
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_gives_text_or_a_clear_refusal(data):
    try:
        decoded = decode(data, "fuzz.txt")
    except DocumentError as exc:
        assert str(exc).startswith("fuzz.txt: ") and "\n" not in str(exc)
    else:
        assert decoded.text.strip()


@QUICK
@given(st.text(min_size=1))
def test_utf8_text_is_read_back_exactly(text):
    try:
        decoded = decode(text.encode("utf-8"), "fuzz.txt")
    except DocumentError as exc:
        assert "empty document" in str(exc) or "binary file" in str(exc)
    else:
        assert decoded.text == text.removeprefix("\ufeff") and not decoded.guessed


PAGE = st.tuples(st.text(max_size=40), st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=60)), max_size=6),
                 st.sampled_from(["", "<script>", "</p><div>", "<!--", "&amp;&#x200b;&bogus;", "<meta charset='big5'>"]))


@QUICK
@given(PAGE)
def test_reading_arbitrary_web_pages_gives_documents_or_a_clear_refusal(rules, page):
    title, paragraphs, junk = page
    html = (f"<html><head><title>{title}</title>{junk}</head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    try:
        reading = read_html(html.encode("utf-8"), "fuzz.html", "fuzz.html", rules)
    except DocumentError as exc:
        assert str(exc).startswith("fuzz.html: ")
    else:
        doc, = reading.documents
        assert doc.text[doc.body_start:].strip() and doc.file_name == "fuzz.html"


@QUICK
@given(st.binary(max_size=300))
def test_reading_arbitrary_bytes_as_a_web_page_never_crashes(rules, data):
    try:
        read_html(data, "fuzz.html", "fuzz.html", rules)
    except DocumentError:
        pass


RECORD = st.fixed_dictionaries({"text": st.text(max_size=40)}, optional={
    "id": st.one_of(st.text(max_size=8), st.integers()), "url": st.text(max_size=10), "title": st.text(max_size=10),
    "date": st.sampled_from(["2024-01-02", "2024-01-02T03:04:05Z", "Tue, 02 Jan 2024 10:00:00 GMT", "soon", ""]),
    "publisher": st.text(max_size=10), "authors": st.lists(st.text(max_size=8), max_size=2)})
LINE = st.one_of(RECORD.map(json.dumps), st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s))


@QUICK
@given(st.lists(LINE, min_size=1, max_size=6))
def test_reading_arbitrary_json_lines_accounts_for_every_line(rules, lines):
    data = "\n".join(lines).encode("utf-8")
    try:
        reading = read_jsonl(data, "fuzz.jsonl", "fuzz.jsonl", rules)
    except DocumentError as exc:
        assert str(exc).startswith("fuzz.jsonl")
        return
    counted = [line for line in data.decode("utf-8").split("\n") if line.strip()]
    assert len(reading.documents) + reading.skipped == len(counted)
    assert len({d.file_name for d in reading.documents}) == len(reading.documents)
    assert all(w.startswith("fuzz.jsonl:") for w in reading.warnings[-reading.skipped:]) if reading.skipped else True
