"""kg claims and kg sources: support counted by independent source, on the seeds, the dev articles
and hand-made copies, reprints and conflicting reports."""
import json
import shutil

import pytest

from tests.conftest import SEEDS, run, write_article

SEED_001 = "001_f706a8db8eb965ff.txt"


def claims_json(store, *args):
    result = run(["claims", "--format", "json", *args], store)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def find(claims, subject, relation, obj, negated=False):
    hits = [c for c in claims if (c["subject"], c["relation"], c["object"], c["negated"]) == (subject, relation, obj, negated)]
    return hits[0] if hits else None


def test_china_aiding_north_korea_is_stated_by_all_three_seeds(seed_store):
    c = find(claims_json(seed_store), "China", "AID", "North Korea")
    assert c["documents"] == 3 and c["sources"] == 3
    assert {e["doc"][:3] for e in c["evidence"]} == {"000", "001", "002"}
    # Global Times only reports it from Zheng Jiyong: he is the source, the chain is kept
    gt = [e for e in c["evidence"] if e["doc"].startswith("002")]
    assert gt[0]["attributed_to"] == "Zheng Jiyong" and gt[0]["origin"] == "Zheng Jiyong"
    assert sorted(c["source_names"]) == sorted(["001_f706a8db8eb965ff.txt", "DayDayNews", "Zheng Jiyong"])


def test_single_source_claims_on_the_seeds(seed_store):
    single = claims_json(seed_store, "--single-source")
    weapons = find(single, "North Korea", "AID", "Northeast Field Army")
    assert weapons and weapons["source_names"] == ["DayDayNews"]
    assert any("captured Japanese" in e["quote"] for e in weapons["evidence"])
    assert find(single, "Leonid Brezhnev", "LEADER_OF", "Soviet Union")  # only 001 says so among the seeds
    assert find(single, "China", "AID", "North Korea") is None
    assert all(c["sources"] == 1 for c in single)


def test_single_source_filter_and_canned_query_agree_exactly(corpus_store):
    from_claims = {c["id"] for c in claims_json(corpus_store, "--single-source")}
    result = run(["query", "single-source", "--format", "json"], corpus_store)
    assert result.exit_code == 0, result.output
    from_sparql = {b["claim"]["value"].rsplit("/", 1)[-1] for b in json.loads(result.output)["results"]["bindings"]}
    assert from_claims == from_sparql and len(from_claims) > 50
    # and with a parameter
    nk = {c["id"] for c in claims_json(corpus_store, "--single-source", "--actor", "DPRK")}
    result = run(["query", "single-source", "--actor", "North Korea", "--format", "json"], corpus_store)
    assert nk == {b["claim"]["value"].rsplit("/", 1)[-1] for b in json.loads(result.output)["results"]["bindings"]}


def test_corroborated_claims_on_seeds_and_dev(corpus_store):
    corroborated = claims_json(corpus_store, "--corroborated")
    china_nk = find(corroborated, "China", "AID", "North Korea")
    # the three seeds, the laitimes article and "supplied by bases in China" (worldhistoryproject)
    assert china_nk["sources"] == 5
    assert any(e["doc"].startswith("worldhistoryproject") and "bases in China" in e["quote"]
               for e in china_nk["evidence"])
    # "the Soviet Union once assisted New China" (DayDayNews) and "1949: Moscow provides Beijing with aid" (CSM)
    su = find(corroborated, "Soviet Union", "AID", "China")
    assert su["sources"] == 2
    assert {e["doc"] for e in su["evidence"]} == {"000_7f752d16256913ea.txt", "csmonitor_1989_sino_soviet_ties_seesaw.txt"}
    assert all(c["sources"] >= 2 for c in corroborated)
    assert {c["id"] for c in claims_json(corpus_store, "--min-sources", "3")} == \
        {c["id"] for c in corroborated if c["sources"] >= 3}


def test_actor_filter_takes_any_alias(corpus_store):
    by_alias = [{c["id"] for c in claims_json(corpus_store, "--actor", name)} for name in ("North Korea", "DPRK", "N.Korea")]
    assert by_alias[0] == by_alias[1] == by_alias[2]
    assert all("North Korea" in (c["subject"], c["object"]) for c in claims_json(corpus_store, "--actor", "Pyongyang"))
    result = run(["claims", "--actor", "Atlantis"], corpus_store)
    assert result.exit_code == 2 and "Atlantis" in result.output and "Traceback" not in result.output


def test_relation_and_doc_filters(corpus_store):
    aid = claims_json(corpus_store, "--relation", "AID")
    assert aid and all(c["relation"] == "AID" for c in aid)
    kcna = claims_json(corpus_store, "--doc", "kcna_2014_japanese_denounces_war_maneuvers.txt")
    assert kcna and all(any(e["doc"].startswith("kcna_") for e in c["evidence"]) for c in kcna)
    assert find(kcna, "Japan", "ACCUSE", "United States")
    result = run(["claims", "--relation", "HUGGED"], corpus_store)
    assert result.exit_code == 2 and "unknown relation" in result.output


def test_contested_pair_is_shown_side_by_side(corpus_store):
    result = run(["claims", "--contested"], corpus_store)
    assert result.exit_code == 0, result.output
    out = result.output
    # DayDayNews: "dispatched millions of troops"; 001: "more than 1.2 million Chinese volunteers"
    assert "DifferentFigures: millions of troops / more than 1.2 million Chinese volunteers" in out
    row = next(line for line in out.splitlines() if line.lstrip().startswith("source: DayDayNews"))
    assert "|" in row and "source: 001_f706a8db8eb965ff.txt" in row
    data = claims_json(corpus_store, "--contested")
    pair = next(p for p in data["contested_pairs"] if p["kind"] == "DifferentFigures")
    assert pair["a_doc"].startswith("000_") and "millions of troops" in pair["a_quote"]
    assert pair["b_doc"] == SEED_001 and "1.2 million Chinese volunteers" in pair["b_quote"]
    assert {c["id"] for c in data["claims"]} >= {pair["a_claim_id"], pair["b_claim_id"]}


def test_csv_rows_point_at_the_exact_quote(corpus_store, seed_docs, dev_docs):
    import csv
    import io
    result = run(["claims", "--format", "csv"], corpus_store)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    docs = {**seed_docs, **dev_docs}
    assert len(rows) > 100
    for r in rows:
        assert docs[r["doc"]].text[int(r["start"]):int(r["end"])] == r["quote"]


def _counts(store):
    return {(c["subject"], c["relation"], c["object"], c["negated"]): (c["documents"], c["sources"])
            for c in claims_json(store)}


def test_near_copy_does_not_raise_any_source_count(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    text = (SEEDS / SEED_001).read_text(encoding="utf-8")
    lines = text.splitlines()
    # a lightly edited reprint: two sentences reworded, one dropped, another file name
    lines[4] = lines[4].replace("In 1958", "In the year 1958")
    lines[7] = "Brezhnev's behaviour, editors note, was much like his predecessor's."
    del lines[10]
    (folder / "reprint_of_001.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    base, copied = tmp_path / "base", tmp_path / "copied"
    assert run(["build", str(SEEDS)], base).exit_code == 0
    assert run(["build", str(folder)], copied).exit_code == 0
    before, after = _counts(base), _counts(copied)
    assert all(after[k][1] == before[k][1] for k in before if k in after)
    assert after[("China", "AID", "North Korea", False)] == (4, 3)  # one more document, no more sources
    result = run(["query", "copies", "--format", "csv"], copied)
    assert "reprint_of_001.txt,001_f706a8db8eb965ff.txt,near," in result.output


def test_copy_under_another_publisher_counts_as_a_source(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    write_article(folder, "wire_reprint.txt", (SEEDS / SEED_001).read_text(encoding="utf-8"), publisher="Pacific Wire")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    c = find(claims_json(store), "China", "AID", "North Korea")
    assert c["sources"] == 4 and "Pacific Wire" in c["source_names"]
    # the copy link is still recorded
    result = run(["query", "SELECT ?d WHERE { ?d kg:nearCopyOf ?o . ?o kg:fileName '001_f706a8db8eb965ff.txt' }",
                  "--format", "csv"], store)
    assert result.output.count("\n") == 2


def test_exact_copy_counts_once(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    shutil.copy(SEEDS / SEED_001, folder / "same_bytes.txt")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    assert find(claims_json(store), "China", "AID", "North Korea")["sources"] == 3
    assert "same_bytes.txt,001_f706a8db8eb965ff.txt,exact," in run(["query", "copies", "--format", "csv"], store).output


def test_reported_speech_counts_the_speaker_once(tmp_path):
    folder = tmp_path / "corpus"
    write_article(folder, "a.txt", "KCNA reported that China aided North Korea.\n", publisher="Alpha Daily")
    write_article(folder, "b.txt", "On Monday, KCNA reported that China aided North Korea.\n", publisher="Beta Times")
    write_article(folder, "c.txt", "China aided North Korea in many ways.\n", publisher="Gamma Post")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    c = find(claims_json(store), "China", "AID", "North Korea")
    assert (c["documents"], c["sources"]) == (3, 2)
    assert sorted(c["source_names"]) == ["Gamma Post", "KCNA"]
    chain = run(["query", "attribution-chain", "--speaker", "KCNA", "--format", "csv"], store).output
    assert "China AID North Korea,KCNA,a.txt,Alpha Daily" in chain and "b.txt,Beta Times" in chain


@pytest.mark.parametrize("texts, kind", [
    (("China aided North Korea.", "China never aided North Korea."), "OppositePolarity"),
    (("During the Korean War, China aided North Korea.", "During the Korean War, China attacked North Korea."),
     "CooperationVersusConflict"),
    (("In 1950 North Korea attacked South Korea.", "In 1950 South Korea attacked North Korea."), "WhoActedFirst"),
    (("In 1950 China sent 300,000 troops to North Korea.", "In 1950 China sent about 3 million troops to North Korea."),
     "DifferentFigures"),
])
def test_each_kind_of_contest(tmp_path, texts, kind):
    folder = tmp_path / "corpus"
    write_article(folder, "one.txt", texts[0] + "\n", publisher="Alpha Daily")
    write_article(folder, "two.txt", texts[1] + "\n", publisher="Beta Times")
    store = tmp_path / "store"
    assert run(["build", str(folder)], store).exit_code == 0
    pairs = claims_json(store, "--contested")["contested_pairs"]
    assert [p["kind"] for p in pairs] == [kind]
    assert {pairs[0]["a_source"], pairs[0]["b_source"]} == {"Alpha Daily", "Beta Times"}
    # the same two texts from one publisher are not a contest between sources
    write_article(folder, "two.txt", texts[1] + "\n", publisher="Alpha Daily")
    assert run(["build", str(folder)], store).exit_code == 0
    assert claims_json(store, "--contested")["contested_pairs"] == []


def test_sources_agreement_matrix(corpus_store):
    result = run(["sources", "--format", "json"], corpus_store)
    rows = {r["source"]: r for r in json.loads(result.output)}
    assert rows["DayDayNews"]["Global Times"] == rows["Global Times"]["DayDayNews"] >= 1
    single = claims_json(corpus_store, "--single-source")
    for name, r in rows.items():
        assert r["only_this_source"] == sum(1 for c in single if c["source_names"] == [name])
    text = run(["sources"], corpus_store).output
    assert "Agreement: claims backed by both sources" in text and "DayDayNews" in text


def test_dev_articles_are_not_taken_for_copies_of_each_other(corpus_store):
    result = run(["query", "copies", "--format", "csv"], corpus_store)
    assert result.output.strip() == "doc,copyOf,kind,similarity,countsAs"


def test_source_counts_are_kept_in_the_graph(corpus_store):
    # every claim carries its counts, so SPARQL needs no aggregation to find single-source claims
    result = run(["query", "ASK { ?c a kg:Claim FILTER NOT EXISTS { ?c kg:sourceCount ?n ; kg:documentCount ?d } }"],
                 corpus_store)
    assert result.output.strip() == "false" and result.exit_code == 1
