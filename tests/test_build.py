"""kg build / add / export / validate driven through the CLI, as a user runs them."""
import csv
import fcntl
import io
import json

import pyoxigraph as ox
import rdflib

from kg.store import Store
from tests.conftest import DEV, SEEDS, run


def test_build_prints_a_summary(seed_store):
    result = run(["build", str(SEEDS)], seed_store)
    assert result.exit_code == 0
    assert "3 documents" in result.output and "claims in" in result.output


def test_claims_export_has_the_contract_columns_and_true_offsets(seed_store, seed_docs):
    result = run(["export", "claims", "--format", "csv"], seed_store)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    need = ["claim_id", "doc", "subject", "subject_id", "relation", "object", "object_id", "polarity",
            "attributed_to", "quote", "start", "end", "sentence", "rule", "documents", "sources"]
    assert set(need) <= set(rows[0])
    assert len(rows) > 50
    for r in rows:
        assert seed_docs[r["doc"]].text[int(r["start"]):int(r["end"])] == r["quote"]
    kcna = [r for r in rows if r["subject"] == "Kim Jong Un" and r["relation"] == "SUPPORT"]
    assert kcna and {r["attributed_to"] for r in kcna} == {"KCNA"}
    # "China aided North Korea" is stated by all three seeds
    aid = {r["doc"] for r in rows if (r["subject"], r["relation"], r["object"]) == ("China", "AID", "North Korea")}
    assert len(aid) == 3


def test_claims_json_and_actor_export(seed_store, seed_docs):
    rows = json.loads(run(["export", "claims", "--format", "json"], seed_store).output)
    assert all(isinstance(r["start"], int) for r in rows)
    actors = json.loads(run(["export", "actors", "--format", "json"], seed_store).output)
    assert {"doc", "actor", "actor_id", "type", "wikidata", "surface", "start", "end"} <= set(actors[0])
    nk = {a["surface"] for a in actors if a["actor"] == "North Korea"}
    assert {"North Korea", "DPRK", "N.Korea"} <= nk
    assert next(a["wikidata"] for a in actors if a["actor"] == "North Korea") == "Q423"
    for a in actors:
        assert seed_docs[a["doc"]].text[a["start"]:a["end"]] == a["surface"]


def test_two_builds_give_byte_identical_sorted_nquads(tmp_path):
    outs = []
    for i in range(2):
        store = tmp_path / f"s{i}"
        assert run(["build", str(SEEDS)], store).exit_code == 0
        out = tmp_path / f"kg{i}.nq"
        assert run(["export", "graph", "--format", "nq", "-o", str(out)], store).exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 100_000
    lines = outs[0].decode().splitlines()
    assert lines == sorted(lines)


def _counts(store):
    rows = list(csv.DictReader(io.StringIO(run(["export", "claims"], store).output)))
    nq = run(["export", "graph"], store).output
    return len(rows), len({r["claim_id"] for r in rows}), nq


def test_rebuilding_and_re_adding_never_duplicates(tmp_path, fresh_seeds):
    store = tmp_path / ".kg"
    run(["build", str(fresh_seeds)], store)
    first = _counts(store)
    run(["build", str(fresh_seeds)], store)
    assert _counts(store) == first
    run(["add", str(fresh_seeds / "002_1097ed8253d2e8fa.txt")], store)
    assert _counts(store) == first
    # a new article adds to the graph
    result = run(["add", str(DEV / "howlingpixel_sino_soviet_border_conflict.txt")], store)
    assert "4 documents" in result.output
    # an edited file under the same name replaces its earlier version
    p = fresh_seeds / "002_1097ed8253d2e8fa.txt"
    p.write_text(p.read_text() + "\nIn 1971 China aided Albania.\n")
    result = run(["add", str(p)], store)
    assert "4 documents" in result.output
    rows = list(csv.DictReader(io.StringIO(run(["export", "claims"], store).output)))
    assert any(r["object"] == "Albania" for r in rows)


def test_graph_exports_parse_in_every_format(seed_store):
    for fmt, rdflib_fmt in [("ttl", "turtle"), ("trig", "trig"), ("jsonld", "json-ld"), ("nq", "nquads")]:
        data = run(["export", "graph", "--format", fmt], seed_store).stdout_bytes
        g = rdflib.Dataset()
        g.parse(data=data, format=rdflib_fmt)
        assert len(list(g.quads())) > 5000, fmt


def test_negated_claims_are_never_asserted_triples(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "neg.txt").write_text("In 1969 the Soviet Union did not attack China.\n")
    store = tmp_path / ".kg"
    assert run(["build", str(tmp_path / "in")], store).exit_code == 0
    db = Store(store).open()
    attacks = list(db.quads_for_pattern(None, ox.NamedNode("https://w3id.org/kg/ns#ASSAULT"), None, None))
    assert attacks == []
    asks = db.query("ASK { ?c a <https://w3id.org/kg/ns#Claim> ; <https://w3id.org/kg/ns#negated> true }")
    assert bool(asks)


def test_validate_passes_on_the_seeds(seed_store):
    result = run(["validate"], seed_store)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_validation_reports_a_broken_graph(seed_store):
    from kg.validate import validate_graph
    data = Store(seed_store).dump(ox.RdfFormat.N_QUADS).decode().splitlines()
    broken = [line for line in data if "/ns#rule>" not in line]  # mentions lose their rule
    result = validate_graph("\n".join(broken).encode())
    assert not result.conforms and result.violations > 10


def test_bad_input_fails_cleanly_and_keeps_the_previous_build(tmp_path, fresh_seeds):
    store = tmp_path / ".kg"
    run(["build", str(fresh_seeds)], store)
    before = run(["export", "graph"], store).output
    cases = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "undecodable.txt": bytes(range(0x80, 0x100)) * 4,  # Latin-1 and the like are read now (test_read.py)
        "empty.txt": b"  \n",
    }
    for name, data in cases.items():
        bad = fresh_seeds / name
        bad.write_bytes(data)
        result = run(["build", str(fresh_seeds)], store)
        assert result.exit_code == 1
        err = result.stderr.strip()
        assert len(err.splitlines()) == 1 and name in err, err
        assert "Traceback" not in result.output
        bad.unlink()
        assert run(["export", "graph"], store).output == before
    missing = run(["build", str(tmp_path / "nope")], store)
    assert missing.exit_code == 1 and "no such file or folder" in missing.stderr
    assert ("bad.txt: not UTF-8 text (invalid byte 0x80 at line 2, byte 6) and no other encoding reads it as text"
            in _error_for(tmp_path, b"Hello\n" + bytes(range(0x80, 0x100)) * 4))


def _error_for(tmp_path, data):
    d = tmp_path / "one"
    d.mkdir(exist_ok=True)
    (d / "bad.txt").write_bytes(data)
    return run(["build", str(d)], tmp_path / "other").stderr


def test_missing_store_and_store_in_use(tmp_path, fresh_seeds):
    store = tmp_path / ".kg"
    result = run(["export", "claims"], store)
    assert result.exit_code == 1 and "kg build" in result.stderr
    store.mkdir()
    with open(store / "lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        result = run(["build", str(fresh_seeds)], store)
    assert result.exit_code == 1 and "in use" in result.stderr
    assert not Store(store).exists()


def test_kg_store_environment_variable(tmp_path, fresh_seeds, monkeypatch):
    from click.testing import CliRunner
    from cli import cli
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    assert CliRunner().invoke(cli, ["build", str(fresh_seeds)]).exit_code == 0
    assert Store(tmp_path / "elsewhere").exists()


def test_front_matter_overrides_metadata(rules):
    from kg.documents import parse_document
    text = "---\ntitle: A Title\npublisher: Korean Central News Agency\ndate: 2001-02-03\n---\nBy X Y Source: Global Times\n"
    doc = parse_document("fm.md", text, rules)
    assert (doc.title, doc.publisher, doc.date) == ("A Title", "KCNA", "2001-02-03")


def test_front_matter_date_must_be_a_date(rules):
    import pytest
    from kg.documents import parse_document
    from kg.errors import DocumentError
    with pytest.raises(DocumentError, match="fm.md: front matter date '1969'"):
        parse_document("fm.md", "---\ndate: '1969'\n---\nText.\n", rules)
    assert parse_document("fm.md", "---\ndate: 2001-02-03 10:00:00\n---\nText.\n", rules).date == "2001-02-03"


def test_metadata_found_in_the_seed_texts(seed_docs, dev_docs, rules):
    from kg.documents import parse_document
    gt = seed_docs["002_1097ed8253d2e8fa.txt"]
    assert gt.authors == ("Yang Sheng", "Zhang Hui") and gt.publisher == "Global Times" and gt.date == "2020-10-22"
    assert gt.title.startswith("China, N.Korea stand together")
    ddn = seed_docs["000_7f752d16256913ea.txt"]
    assert (ddn.publisher, ddn.date) == ("DayDayNews", "2024-07-02")  # a date glued to a time
    kcna = dev_docs["kcna_2014_japanese_denounces_war_maneuvers.txt"]
    assert (kcna.publisher, kcna.date, kcna.title) == ("KCNA", "2014-04-02", "Japanese Denounces U.S.-S. Korea War Maneuvers")
    assert (dev_docs["xinhua_2020_war_heroism_still_valued.txt"].publisher) == "Xinhua"
    # the id comes from the text alone: the same text read again gets it, every other text another one
    again = parse_document(ddn.file_name, (SEEDS / ddn.file_name).read_text(encoding="utf-8"), rules)
    assert again.id == ddn.id and len({d.id for d in [*seed_docs.values(), *dev_docs.values()]}) == 3 + len(dev_docs)
    assert gt.id.endswith(gt.sha256[:12])


def test_a_name_read_two_ways_takes_the_reading_most_documents_give(rules):
    from dataclasses import replace

    from kg.build import with_discovered
    from kg.documents import parse_document
    from kg.extract import extract
    from kg.rules import Actor
    ex = extract(parse_document("a.txt", "China met Japan.\n", rules), rules)
    person = Actor("zhang_wei", "Zhang Wei", "person", ("Zhang Wei",), listed=False)
    org = replace(person, type="organisation")
    many = [replace(ex, discovered={"zhang_wei": a}, rules=None) for a in (org, person, person)]
    assert {with_discovered(rules, order).actors["zhang_wei"].type for order in (many, many[::-1])} == {"person"}
    tie = [replace(ex, discovered={"zhang_wei": a}, rules=None) for a in (person, org)]
    assert {with_discovered(rules, order).actors["zhang_wei"].type for order in (tie, tie[::-1])} == {"person"}
    mostly_org = [replace(ex, discovered={"zhang_wei": a}, rules=None) for a in (org, org, person)]
    assert with_discovered(rules, mostly_org).actors["zhang_wei"].type == "organisation"


def test_a_build_of_many_batches_is_compacted_and_a_small_one_is_not(tmp_path, monkeypatch):
    import kg.store
    monkeypatch.setattr(kg.store, "COMPACT_AFTER_BATCHES", 3)

    def built(batches: int):
        quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(f"value {i}")) for i in range(batches * 500)]
        store = Store(tmp_path / f"b{batches}")
        with store.writing():
            build = store.replace(quads, batch=500)
        return len(list(build.glob("*.sst"))), len(store.open())
    small, large = built(3), built(4)
    assert small[1] == 1500 and large[1] == 2000
    # each batch leaves its own table files; the compacted build has fewer files for more batches
    assert large[0] < small[0]


def test_table_exports_read_a_batch_of_documents_at_a_time_in_the_whole_tables_order(corpus_store, monkeypatch):
    import kg.tables as tables
    store = Store(corpus_store)
    # the whole table from one query over every mention, sorted: what the exports printed before
    claims = sorted((tables._claim_row(r) for r in store.query(tables._MENTIONS)), key=tables._claim_key)
    actors = sorted((tables._actor_row(r) for r in store.query(tables._ACTORS)),
                    key=lambda x: (x["doc"], x["start"], x["end"], x["actor_id"]))
    assert len({r["doc"] for r in claims}) > 6 and len(claims) > 50
    monkeypatch.setattr(tables, "ROW_BATCH_DOCS", 3)  # several batches, a document's rows never split
    for kind, whole, columns in (("claims", claims, tables.CLAIM_COLUMNS), ("actors", actors, tables.ACTOR_COLUMNS)):
        csv_out = run(["export", kind], corpus_store)
        assert csv_out.exit_code == 0 and csv_out.output == tables.to_csv(whole, columns)
        json_out = run(["export", kind, "--format", "json"], corpus_store)
        assert json_out.exit_code == 0 and json.loads(json_out.output) == whole
        assert json_out.output == tables.to_json(whole)
