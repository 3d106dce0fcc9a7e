"""Real inputs: web pages, JSON Lines exports, legacy encodings, invisible characters, documents under folders."""
import json
import zipfile
import io

import pytest

from kg.build import stored_documents
from kg.documents import parse_document
from kg.errors import DocumentError
from kg.evaluate import _gold_names
from kg.extract import extract
from kg.read import read_paths
from kg.read.decode import decode
from kg.store import Store
from tests.conftest import run

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Beijing pledges help to Pyongyang | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2019-06-20T08:00:00Z">
<link rel="canonical" href="https://herald.example.com/world/beijing-pledges-help">
<script>var teaser = "The Soviet Union attacked Japan, the ticker said.";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">Vietnam invaded Cambodia</a></li></ul></nav>
<article><h1>Beijing pledges help to Pyongyang</h1>
<p>China promised to aid North Korea with food and fuel, the foreign ministry said on Thursday. The
statement came after a week of talks between the two governments in Beijing.</p>
<p>Officials in Seoul said they were studying the announcement closely and would respond after
consulting their allies.</p></article>
<footer><p>Copyright 2019 Example Herald. All rights reserved.</p></footer>
</body></html>
"""


def _claims(store):
    return json.loads(run(["claims", "--format", "json"], store).output)


def _triples(store):
    return {(c["subject"], c["relation"], c["object"]) for c in _claims(store)}


# --- HTML -------------------------------------------------------------------------------------------

def test_a_web_page_gives_its_article_text_and_metadata(tmp_path, rules):
    page = tmp_path / "corpus" / "herald.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    doc, = read_paths([page.parent], rules).documents
    assert doc.file_name == "herald.html"
    body = doc.text[doc.body_start:]
    assert "China promised to aid North Korea" in body
    # the script, the navigation and the footer are not the article
    assert "Soviet Union" not in doc.text and "Cambodia" not in doc.text and "Copyright" not in body
    assert (doc.title, doc.publisher, doc.authors, doc.date, doc.url) == (
        "Beijing pledges help to Pyongyang", "Example Herald", ("Jane Roe",), "2019-06-20",
        "https://herald.example.com/world/beijing-pledges-help")


def test_web_pages_in_a_folder_are_built_and_their_publisher_is_a_source(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "herald.html").write_text(PAGE, encoding="utf-8")
    (folder / "other.htm").write_text(PAGE.replace("Example Herald", "Other Gazette").replace(
        "herald.example.com", "gazette.example.org"), encoding="utf-8")
    (folder / ".hidden.html").write_text(PAGE.replace("North Korea", "South Korea"), encoding="utf-8")
    store = tmp_path / ".kg"
    result = run(["build", str(folder)], store)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 documents")
    aid, = [c for c in _claims(store) if (c["subject"], c["relation"], c["object"]) == ("China", "AID", "North Korea")]
    assert aid["sources"] == 2 and aid["source_names"] == ["Example Herald", "Other Gazette"]
    assert not {t for t in _triples(store) if "Soviet Union" in t or "Vietnam" in t or "South Korea" in t}
    urls = run(["query", "SELECT ?u WHERE { ?d schema:url ?u } ORDER BY ?u", "--format", "csv"], store).output
    assert urls.split() == ["u", "https://gazette.example.org/world/beijing-pledges-help",
                            "https://herald.example.com/world/beijing-pledges-help"]


def test_a_page_without_article_text_is_refused(tmp_path, rules):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing</title></head><body><script>x = 1</script></body></html>")
    with pytest.raises(DocumentError, match=r"empty.html: no article text found in the web page"):
        read_paths([page], rules)


def test_a_page_in_its_declared_legacy_charset(tmp_path, rules):
    page = tmp_path / "zh.html"
    article = "<p>" + "毛泽东在北京会见了金日成，双方讨论了朝鲜战争的局势和中国人民志愿军的援助。" * 3 + "</p>"
    page.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("<article>", "<article>" + article)
                     .encode("gbk"))
    doc, = read_paths([page], rules).documents
    assert "毛泽东在北京会见了金日成" in doc.text


# --- JSON Lines -------------------------------------------------------------------------------------

def _export(folder):
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": "kcna-1", "text": "China aided North Korea during the war, the agency said.",
                    "publisher": "Paper One", "url": "https://one.example/1", "date": "2020-01-02T10:00:00Z",
                    "authors": ["A. Writer", "B. Writer"], "title": "Aid"}),
        json.dumps({"id": 7, "text": "China aided North Korea with rice in 1951.", "publisher": "Paper Two"}),
        '{"id": "broken", "text": "China aided North Korea',
        json.dumps({"text": "China aided North Korea, the third paper wrote.", "publisher": "Paper Three"}),
        json.dumps({"id": "no-text", "title": "A headline alone"}),
        "",
    ]
    path = folder / "export.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_json_lines_give_one_document_per_article_and_report_bad_lines(tmp_path, rules):
    path = _export(tmp_path / "in")
    reading = read_paths([path], rules)
    assert [d.file_name for d in reading.documents] == ["export.jsonl#kcna-1", "export.jsonl#7", "export.jsonl#line-4"]
    first = reading.documents[0]
    assert (first.publisher, first.url, first.date, first.authors, first.title) == (
        "Paper One", "https://one.example/1", "2020-01-02", ("A. Writer", "B. Writer"), "Aid")
    assert first.text[first.body_start:] == "China aided North Korea during the war, the agency said.\n"
    assert reading.skipped == 2
    assert reading.warnings == [
        f"{path}:3: not JSON (Unterminated string starting at column 26); line skipped",
        f'{path}:5: no "text" (a non-empty string); line skipped']


def test_a_json_lines_export_counts_each_publisher_and_says_what_it_skipped(tmp_path):
    path = _export(tmp_path / "in")
    store = tmp_path / ".kg"
    result = run(["build", str(path)], store)
    assert result.exit_code == 0
    assert result.stdout.startswith("3 documents")
    assert f"kg: warning: {path}:3: not JSON" in result.stderr and "2 bad JSON lines skipped" in result.stderr
    aid, = [c for c in _claims(store) if (c["subject"], c["relation"], c["object"]) == ("China", "AID", "North Korea")]
    assert aid["sources"] == 3 and aid["source_names"] == ["Paper One", "Paper Three", "Paper Two"]


def test_a_json_lines_file_with_no_good_line_is_refused(tmp_path, rules):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": 3}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        read_paths([path], rules)
    assert str(err.value) == (f'{path}: no readable article in this JSON Lines file (2 bad lines; '
                              f'line 1: no "text" (a non-empty string))')


# --- encodings --------------------------------------------------------------------------------------

ZH = ("毛泽东是中华人民共和国的主要缔造者。一九五零年十月，中国人民志愿军在彭德怀的率领下跨过鸭绿江，援助朝鲜。"
      "毛泽东在北京会见了金日成，双方讨论了战争的局势。")
ZH_TRADITIONAL = ("毛澤東是中華人民共和國的主要締造者。一九五零年十月，中國人民志願軍在彭德懷的率領下跨過鴨綠江，援助朝鮮。"
                  "毛澤東在北京會見了金日成，雙方討論了戰爭的局勢。")
FR = ("Le président français a rencontré à Pékin le dirigeant chinois. Selon les journalistes présents, la "
      "réunion a été très longue et les deux hommes ont évoqué la guerre en Corée, où la Chine avait envoyé des troupes.")
DE = ("Der sowjetische Ministerpräsident traf sich in Moskau mit dem Vorsitzenden Mao. Während des Gesprächs "
      "äußerte er große Sorge über die Lage an der Grenze; später hieß es, die Gespräche seien ergebnislos geblieben.")
EN = "China aided North Korea in 1950, the paper said."


@pytest.mark.parametrize("text,encoding", [
    (ZH, "gbk"), (ZH, "gb18030"), (ZH_TRADITIONAL, "big5"), (FR, "latin-1"), (DE, "latin-1"), (FR, "cp1252"),
])
def test_legacy_encodings_are_decoded(text, encoding):
    decoded = decode(text.encode(encoding), "x.txt")
    assert decoded.text == text and decoded.guessed


@pytest.mark.parametrize("text", [EN, FR, DE, ZH, "Kim Il Sung – “the Great Leader” – 김일성 ☭ 🇰🇵"])
def test_utf8_is_never_guessed_and_boms_are_honoured(text):
    assert decode(text.encode("utf-8"), "x.txt") == type(decode(b"x", "x"))(text, "utf-8", False)
    for codec, bom in [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")]:
        decoded = decode(bom + text.encode(codec), "x.txt")
        assert (decoded.text, decoded.guessed) == (text, False)


def test_a_utf16_file_is_built_and_a_guess_is_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "utf16.txt").write_bytes(b"\xff\xfe" + EN.encode("utf-16-le"))
    (folder / "latin1.txt").write_bytes((FR + "\n" + EN).encode("latin-1"))
    result = run(["build", str(folder)], tmp_path / ".kg")
    assert result.exit_code == 0 and result.stdout.startswith("2 documents")
    assert f"kg: warning: {folder / 'latin1.txt'}: not UTF-8; read as cp1252 (guessed)" in result.stderr


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("article.txt", EN * 20)
    return out.getvalue()


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
    (None, "zip archive"),
    (b"\x00\x01\x02\x03binary", "NUL byte at byte 0"),
])
def test_binary_files_are_refused_as_not_text(tmp_path, rules, data, kind):
    path = tmp_path / "article.txt"
    path.write_bytes(data if data is not None else _zip())
    with pytest.raises(DocumentError) as err:
        read_paths([path], rules)
    assert str(err.value) == f"{path}: binary file ({kind}), not a text document"


# --- invisible characters and decomposed accents ----------------------------------------------------

@pytest.mark.parametrize("text,actor,surface", [
    ("Kim Il\u200bSung met Mao Zedong in Beijing in 1950.", "kim_il_sung", "Kim Il\u200bSung"),
    ("Pe\u0301ng Dehuai attacked the American forces.", "peng_dehuai", "Pe\u0301ng Dehuai"),
    ("Mao Ze\u0301dong aided Kim Il Sung.", "mao_zedong", "Mao Ze\u0301dong"),
    ("Mao Ze\u00addong aided Kim Il\u200d Sung.", "mao_zedong", "Mao Ze\u00addong"),
])
def test_names_with_invisible_characters_or_combining_accents_are_found_whole(rules, text, actor, surface):
    doc = parse_document("x.txt", text, rules)
    ex = extract(doc, rules)
    found = [a for a in ex.actors if a.actor == actor]
    assert found and found[0].surface == surface and doc.text[found[0].start:found[0].end] == surface
    assert ex.mentions and all(doc.text[m.start:m.end] == m.quote for m in ex.mentions)
    assert any(actor in (m.claim.subject, m.claim.object) for m in ex.mentions)


# --- document identity ------------------------------------------------------------------------------

def test_documents_are_named_by_their_path_under_the_folder(tmp_path, rules):
    root = tmp_path / "corpus"
    for sub, text in [("a", "China aided North Korea."), ("b", "The Soviet Union aided China.")]:
        (root / sub).mkdir(parents=True)
        (root / sub / "article.txt").write_text(text, encoding="utf-8")
    docs = read_paths([root], rules).documents
    assert [d.file_name for d in docs] == ["a/article.txt", "b/article.txt"]
    assert len({d.id for d in docs}) == 2 and [d.id for d in docs] == [d.id for d in read_paths([root], rules).documents]
    store = tmp_path / ".kg"
    assert run(["build", str(root)], store).exit_code == 0
    assert {("China", "AID", "North Korea"), ("Soviet Union", "AID", "China")} <= _triples(store)
    # a file given by itself is named by its own name: it does not replace a/article.txt
    (tmp_path / "article.txt").write_text("Vietnam aided Laos.", encoding="utf-8")
    result = run(["add", str(tmp_path / "article.txt")], store)
    assert result.exit_code == 0 and "replaced" not in result.stdout
    names = [d.file_name for d in stored_documents(Store(store), rules)]
    assert names == ["a/article.txt", "article.txt", "b/article.txt"]
    assert {("China", "AID", "North Korea"), ("Soviet Union", "AID", "China"), ("Vietnam", "AID", "Laos")} <= _triples(store)
    # the same name again with other text replaces it, and says so
    (tmp_path / "article.txt").write_text("Vietnam aided Cambodia.", encoding="utf-8")
    result = run(["add", str(tmp_path / "article.txt")], store)
    assert "replaced article.txt" in result.output
    assert ("Vietnam", "AID", "Laos") not in _triples(store)
    # two folders whose files would have the same names cannot be built side by side
    result = run(["build", str(root / "a"), str(root / "b")], store)
    assert result.exit_code == 1 and "give the folder that holds both" in result.stderr


def test_metadata_from_pages_and_json_lines_survives_kg_add(tmp_path, rules):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "herald.html").write_text(PAGE, encoding="utf-8")
    _export(folder)
    store = tmp_path / ".kg"
    run(["build", str(folder)], store)
    before = {d.file_name: d for d in stored_documents(Store(store), rules)}
    (tmp_path / "more.txt").write_text("Vietnam aided Laos.", encoding="utf-8")
    assert run(["add", str(tmp_path / "more.txt")], store).exit_code == 0
    after = {d.file_name: d for d in stored_documents(Store(store), rules)}
    assert set(after) == set(before) | {"more.txt"}
    for name, doc in before.items():
        assert after[name] == doc
    assert after["herald.html"].url == "https://herald.example.com/world/beijing-pledges-help"
    assert after["export.jsonl#kcna-1"].publisher == "Paper One"


def test_gold_files_match_documents_under_a_folder_by_base_name():
    stored = {"dev/a.txt", "dev/b.txt", "x/c.txt", "y/c.txt", "d.txt"}
    assert _gold_names(stored, {"a.txt": {}, "c.txt": {}, "d.txt": {}, "e.txt": {}}) == {"dev/a.txt": "a.txt"}


def test_two_builds_of_pages_exports_and_odd_text_give_the_same_graph(tmp_path):
    folder = tmp_path / "in"
    (folder / "web").mkdir(parents=True)
    (folder / "web" / "herald.html").write_text(PAGE, encoding="utf-8")
    _export(folder / "feeds")
    (folder / "odd.txt").write_bytes(b"\xff\xfe" + "Kim Il\u200bSung met Mao Ze\u0301dong in 1950.".encode("utf-16-le"))
    graphs = []
    for n in (1, 2):
        store = tmp_path / f".kg{n}"
        assert run(["build", str(folder)], store).exit_code == 0
        graphs.append(run(["export", "graph"], store).stdout)
    assert graphs[0] == graphs[1] and "feeds/export.jsonl#kcna-1" in graphs[0] and "web/herald.html" in graphs[0]


def test_a_json_line_that_is_not_utf8_is_a_bad_line_not_a_reason_to_guess(tmp_path, rules):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "zh", "text": ZH}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + json.dumps({"id": "fr", "text": "x"}).encode("utf-8")[:-2] + "é\"}".encode("latin-1"))
    reading = read_paths([path], rules)
    doc, = reading.documents
    assert doc.text.endswith(ZH + "\n")
    assert reading.warnings == [f"{path}:2: not UTF-8 (invalid byte 0xe9 at byte 24 of the line); line skipped"]
