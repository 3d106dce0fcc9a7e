"""Streaming, parallel and incremental builds: the extraction cache, kg add / kg remove by difference,
--jobs and --scheduler all give the graph a full build of the same documents gives, byte for byte."""
import csv
import io
import random
import re
import shutil
from itertools import islice

import pytest

from kg.build import corroborate_summaries
from kg.cache import Cache, portable, summarize
from kg.corroborate import corroborate
from kg.rdf import corroboration_quads
from kg.documents import Document
from kg.read import read_paths
from kg.extract import extract_many
from kg.extract.sentences import _paragraphs, _words, sentences_of, split_sentences
from kg.errors import StoreError
from kg.rules import load_rules
from kg.store import Store
from tests.conftest import DEV, ROOT, SEEDS, run, write_article

BORDER = DEV / "howlingpixel_sino_soviet_border_conflict.txt"
KCNA = DEV / "kcna_2014_japanese_denounces_war_maneuvers.txt"


def _graph(store) -> bytes:
    result = run(["export", "graph"], store)
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.splitlines()
    assert lines == sorted(lines) and len(lines) > 1000
    return result.stdout_bytes


def _claims(store) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run(["export", "claims"], store).output)))


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory):
    store = tmp_path_factory.mktemp("a") / ".kg"
    assert run(["build", str(SEEDS), "--jobs", "1"], store).exit_code == 0
    return _graph(store)


@pytest.fixture(scope="module")
def seeds_and_two_graph(tmp_path_factory):
    store = tmp_path_factory.mktemp("ab") / ".kg"
    assert run(["build", str(SEEDS), str(BORDER), str(KCNA), "--jobs", "1"], store).exit_code == 0
    return _graph(store)


def test_add_then_remove_by_difference_equals_full_builds(tmp_path, seeds_graph, seeds_and_two_graph):
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)
    added = run(["add", str(BORDER), str(KCNA)], store)
    assert added.exit_code == 0, added.output
    # the live build was changed by the difference (not rewritten), only the new articles extracted
    assert "changing the build in place" in added.output and "2 documents extracted" in added.output
    assert "5 documents" in added.output
    assert _graph(store) == seeds_and_two_graph
    removed = run(["remove", BORDER.name, KCNA.name], store)
    assert removed.exit_code == 0, removed.output
    assert "changing the build in place" in removed.output and "3 documents" in removed.output
    assert _graph(store) == seeds_graph
    # and back again, from the cache this time
    again = run(["add", str(BORDER), str(KCNA)], store)
    assert "0 documents extracted" in again.output
    assert _graph(store) == seeds_and_two_graph


def test_remove_updates_the_counts_of_claims_it_touches(tmp_path):
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)

    def aid(rows):
        return {(r["documents"], r["doc"]) for r in rows
                if (r["subject"], r["relation"], r["object"]) == ("China", "AID", "North Korea")}
    before = aid(_claims(store))
    assert {d for d, _ in before} == {"3"}
    run(["remove", "002_1097ed8253d2e8fa.txt"], store)
    after = _claims(store)
    assert {d for d, _ in aid(after)} == {"2"} and len(aid(after)) == len(before) - sum(
        1 for _, doc in before if doc == "002_1097ed8253d2e8fa.txt")
    assert not any(r["doc"] == "002_1097ed8253d2e8fa.txt" for r in after)


def test_remove_of_an_unknown_document_changes_nothing(tmp_path, seeds_graph):
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)
    live = (store / "CURRENT").read_text()
    result = run(["remove", "000_7f752d16256913ea.txt", "no-such.txt"], store)
    assert result.exit_code == 1
    assert result.stderr.strip() == "kg: error: no-such.txt: no such document in the store"
    assert (store / "CURRENT").read_text() == live and _graph(store) == seeds_graph
    assert run(["remove", "x.txt"], tmp_path / "none").exit_code == 1


def test_a_failed_change_leaves_the_previous_build_live(tmp_path, seeds_graph, monkeypatch):
    import kg.build
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)
    live = (store / "CURRENT").read_text()
    # the new build's last step fails after the copy has been changed half-way
    monkeypatch.setattr(kg.build, "_log", lambda *a: ["not a quad"])
    with pytest.raises(TypeError):
        kg.build.remove(["000_7f752d16256913ea.txt"], Store(store))
    assert (store / "CURRENT").read_text() == live
    assert not list((store / "builds").glob("*.partial"))
    assert _graph(store) == seeds_graph


def test_the_cache_extracts_only_what_changed(tmp_path, fresh_seeds, seeds_graph):
    store = tmp_path / ".kg"
    assert "3 documents extracted" in run(["build", str(fresh_seeds), "--jobs", "1"], store).output
    again = run(["build", str(fresh_seeds), "--jobs", "1"], store)
    assert "0 documents extracted" in again.output and _graph(store) == seeds_graph
    p = fresh_seeds / "002_1097ed8253d2e8fa.txt"
    p.write_text(p.read_text() + "\nIn 1971 China aided Albania.\n")
    edited = run(["add", str(p)], store)
    assert "1 documents extracted" in edited.output and "3 documents" in edited.output
    assert any(r["object"] == "Albania" for r in _claims(store))
    # a full build of the edited folder gives the same graph as the edit by difference
    other = tmp_path / "other"
    run(["build", str(fresh_seeds), "--jobs", "1"], other)
    assert _graph(other) == _graph(store)


def test_the_cache_survives_renames_and_a_lost_cache_file(tmp_path, fresh_seeds, seeds_graph):
    store = tmp_path / ".kg"
    run(["build", str(fresh_seeds), "--jobs", "1"], store)
    (store / "extractions.sqlite").unlink()
    # a store whose cache is gone: the stored texts are extracted again and the build rewritten whole
    result = run(["add", str(BORDER)], store)
    assert result.exit_code == 0 and "4 documents" in result.output and "stored in" in result.output
    run(["remove", BORDER.name], store)
    assert _graph(store) == seeds_graph
    # the same text under another name is the cached extraction under that name
    shutil.copy(BORDER, tmp_path / "renamed.txt")
    renamed = run(["add", str(tmp_path / "renamed.txt")], store)
    assert "0 documents extracted" in renamed.output
    assert any(r["doc"] == "renamed.txt" for r in _claims(store))


def test_a_build_written_by_other_code_is_rewritten_whole(tmp_path, seeds_graph, seeds_and_two_graph, monkeypatch):
    import sqlite3
    import kg.build
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), str(BORDER), "--jobs", "1"], store)
    with sqlite3.connect(store / "extractions.sqlite") as db:
        db.execute("UPDATE build SET writer = 'an older kg'")
    # rewritten the way kg build writes, one summary at a time, never every summary held at once
    with monkeypatch.context() as m:
        m.setattr(kg.build, "_state", _held_every_summary)
        result = run(["add", str(KCNA)], store)
        assert "stored in" in result.output and "in place" not in result.output
        assert _graph(store) == seeds_and_two_graph
        with sqlite3.connect(store / "extractions.sqlite") as db:
            db.execute("UPDATE build SET writer = 'an older kg'")
        result = run(["remove", BORDER.name, KCNA.name], store)
        assert "stored in" in result.output and "in place" not in result.output
        assert _graph(store) == seeds_graph
        assert "in place" in run(["add", str(BORDER), str(KCNA)], store).output
    # and once rewritten by this code, the next change is by difference again
    assert "in place" in run(["remove", KCNA.name], store).output


def test_a_change_the_index_cannot_make_is_rewritten_streamed(tmp_path, seeds_graph, seeds_and_two_graph, monkeypatch):
    import kg.build
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)
    # as when a discovered actor's majority reading moves: the whole build is rewritten, one summary at a time
    monkeypatch.setattr(kg.build, "_change_by_index", lambda *args: None)
    monkeypatch.setattr(kg.build, "_state", _held_every_summary)
    added = run(["add", str(BORDER), str(KCNA)], store)
    assert "stored in" in added.output and "in place" not in added.output, added.output
    assert _graph(store) == seeds_and_two_graph
    removed = run(["remove", BORDER.name, KCNA.name], store)
    assert "stored in" in removed.output and _graph(store) == seeds_graph


def test_one_and_two_jobs_give_byte_identical_graphs(tmp_path, monkeypatch):
    import kg.build
    import concurrent.futures
    # small batches, so that these ten articles go to two worker processes in several batches
    monkeypatch.setattr(kg.build, "BATCH_CHARS", 5_000)
    submitted = []
    real_submit = concurrent.futures.ProcessPoolExecutor.submit
    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit",
                        lambda self, fn, *a, **k: submitted.append(len(a[0])) or real_submit(self, fn, *a, **k))
    graphs = []
    for jobs in ("1", "2"):
        store = tmp_path / f"j{jobs}"
        result = run(["build", str(SEEDS), str(DEV), "--jobs", jobs], store)
        assert result.exit_code == 0, result.output
        assert "10 documents extracted" in result.output
        graphs.append(_graph(store))
    assert sum(submitted) == 10 and len(submitted) > 2  # the second build's every article went to a worker
    assert graphs[0] == graphs[1]


def test_a_worker_takes_the_forkserver_rules_only_when_they_are_the_writers(monkeypatch):
    import pickle
    import sys
    from dataclasses import replace
    import kg.build
    import kg.worker_preload
    monkeypatch.setattr(kg.build, "_WORKER_RULES", None)  # put back after the test
    rules = load_rules()
    assert kg.worker_preload.RULES is rules  # the rules in force, read once by the forkserver
    # the writer's rules are the rules in force: the forkserver's copy is used, nothing is unpickled
    kg.build._init_worker(rules.digest, b"not a pickle")
    assert kg.build._WORKER_RULES is rules
    # rules the caller changed (same files, so the same digest) or read from other files: the ones sent
    changed = replace(rules, frames=None)
    kg.build._init_worker(None, pickle.dumps(changed))
    assert kg.build._WORKER_RULES.frames is None and kg.build._WORKER_RULES is not rules
    monkeypatch.setattr(kg.worker_preload, "RULES", replace(rules, digest="other files"))
    kg.build._init_worker(rules.digest, pickle.dumps(rules))
    assert kg.build._WORKER_RULES.digest == rules.digest and kg.build._WORKER_RULES is not rules
    monkeypatch.delitem(sys.modules, "kg.worker_preload")  # a forkserver that did not preload
    kg.build._init_worker(rules.digest, pickle.dumps(changed))
    assert kg.build._WORKER_RULES.frames is None


def test_workers_are_prepared_early_only_for_more_than_one_batch_of_text(tmp_path):
    from kg.build import BATCH_CHARS, _more_than_a_batch
    assert sum(f.stat().st_size for f in SEEDS.glob("*.txt")) <= BATCH_CHARS
    assert not _more_than_a_batch([SEEDS]) and not _more_than_a_batch([tmp_path / "missing"])
    text = " ".join(f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt")))
    (tmp_path / "more" / "sub").mkdir(parents=True)
    for i in range(BATCH_CHARS // len(text) + 1):
        (tmp_path / "more" / "sub" / f"a{i}.txt").write_text(text, encoding="utf-8")
    assert _more_than_a_batch([tmp_path / "more"]) and _more_than_a_batch(sorted((tmp_path / "more" / "sub").iterdir()))
    assert not _more_than_a_batch([tmp_path / "more" / "sub" / "a0.txt"])


def test_extraction_on_a_dask_cluster_gives_the_same_graph(tmp_path, seeds_graph):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = run(["build", str(SEEDS), "--scheduler", cluster.scheduler_address], tmp_path / ".kg")
    assert result.exit_code == 0, result.output
    assert "3 documents extracted" in result.output
    assert _graph(tmp_path / ".kg") == seeds_graph


def test_progress_counts_every_article_and_byte(tmp_path):
    from kg.build import build
    seen = []
    build([SEEDS], Store(tmp_path / ".kg"), jobs=1, progress=lambda *a: seen.append(a))
    total_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    assert [s[0] for s in seen] == [1, 2, 3] and seen[-1] == (3, 3, total_bytes, total_bytes)
    # piped (not a terminal), the CLI prints no bar
    result = run(["build", str(SEEDS)], tmp_path / ".kg")
    assert "articles" not in result.stderr and "ETA" not in result.output


def test_corroboration_from_summaries_equals_corroboration_from_full_extractions(rules, tmp_path):
    # a reprint under another name and a lightly edited copy, so copy families are compared too
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    shutil.copy(BORDER, folder / "border.txt")
    shutil.copy(BORDER, folder / "border_reprint.txt")
    text = KCNA.read_text(encoding="utf-8")
    (folder / "kcna.txt").write_text(text, encoding="utf-8")
    (folder / "kcna_edited.txt").write_text(text.replace("Japanese", "A Japanese", 1), encoding="utf-8")
    docs = sorted(read_paths([folder], rules).documents, key=lambda d: d.file_name)
    full = [portable(ex) for ex in extract_many(docs, rules)]
    from kg.build import with_discovered
    merged = with_discovered(rules, full)
    expected = corroborate(full, merged)
    got = corroborate_summaries([summarize(ex) for ex in full], merged)
    assert {c.kind for c in expected.copies} == {"exact", "near"}
    assert (got.copies, got.doc_sources, got.origins, got.support) == (
        expected.copies, expected.doc_sources, expected.origins, expected.support)
    assert expected.contests and set(corroboration_quads(got)) == set(corroboration_quads(expected))


def test_repeated_sentences_are_what_the_pairwise_check_finds():
    texts = [p.read_text(encoding="utf-8") for p in [*SEEDS.glob("*.txt"), *DEV.glob("*.txt")]]
    pool = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) > 3]
    rng = random.Random(7)
    repeats = 0
    for n in range(60):
        chosen = [rng.choice(pool) for _ in range(rng.randint(5, 40))]
        for s in chosen[: len(chosen) // 3]:
            words = s.split()
            del words[rng.randrange(len(words))]  # a reprint with a small edit
            chosen.append(" ".join(words))
        rng.shuffle(chosen)
        doc = Document("x", "x.txt", "\n".join(" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3)), "0")
        seen, expected = [], []
        for ps, pe in _paragraphs(doc.text, 0):
            for s, e in split_sentences(doc.text, ps, pe):
                w = _words(doc.text[s:e])
                expected.append(len(w) >= 6 and any(len(w & o) / len(w | o) >= 0.8 for o in seen))
                seen.append(w)
        assert [s.repeated for s in sentences_of(doc)] == expected
        repeats += sum(expected)
    assert repeats > 100


def test_readme_documents_the_build_options_and_remove():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needed in ("kg remove", "--jobs", "--scheduler", "kg add"):
        assert needed in readme, needed


def test_copies_and_their_sources_follow_adds_and_removes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(BORDER, folder / "a_original.txt")
    shutil.copy(BORDER, folder / "b_reprint.txt")  # an exact copy: it counts with its original

    def full(*names):
        store = tmp_path / "full" / "_".join(names)
        assert run(["build", *[str(folder / n) for n in names], str(SEEDS), "--jobs", "1"], store).exit_code == 0
        return _graph(store)
    store = tmp_path / ".kg"
    run(["build", str(folder / "a_original.txt"), str(SEEDS), "--jobs", "1"], store)
    run(["add", str(folder / "b_reprint.txt")], store)
    both = _graph(store)
    assert b"exactCopyOf" in both and both == full("a_original.txt", "b_reprint.txt")
    # the original goes: the reprint is on its own again
    result = run(["remove", "a_original.txt"], store)
    assert "changing the build in place" in result.output
    alone = _graph(store)
    assert b"exactCopyOf" not in alone and alone == full("b_reprint.txt")


# the texts of tests/test_claims.py's contests: the first of each pair is in the build, the second added
CONTESTED = {
    "polarity": ("China aided North Korea.", "China never aided North Korea."),
    "coop": ("During the Korean War, China aided North Korea.", "During the Korean War, China attacked North Korea."),
    "first": ("In 1950 North Korea attacked South Korea.", "In 1950 South Korea attacked North Korea."),
    "figures": ("In 1950 China sent 300,000 troops to North Korea.",
                "In 1950 China sent about 3 million troops to North Korea."),
}


def test_the_index_changes_copies_and_contests_as_full_builds_make_them(tmp_path, monkeypatch):
    import kg.build
    by_index = []
    real = kg.build._change_by_index

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        by_index.append(result is not None)
        return result
    monkeypatch.setattr(kg.build, "_change_by_index", spy)
    folder = tmp_path / "in"
    for kind, (first, second) in CONTESTED.items():
        write_article(folder, f"{kind}_one.txt", first + "\n", publisher="Alpha Daily")
        write_article(folder, f"{kind}_two.txt", second + "\n", publisher="Beta Times")
    text = BORDER.read_text(encoding="utf-8")
    write_article(folder, "orig.txt", text)  # no publisher: a copy of it counts with it
    write_article(folder, "near.txt", text.replace("Soviet", "USSR", 3))  # a lightly edited copy
    base = ["orig.txt", *(f"{k}_one.txt" for k in CONTESTED)]
    more = ["near.txt", *(f"{k}_two.txt" for k in CONTESTED)]

    def full(names):
        store = tmp_path / "full" / str(len(names))
        assert run(["build", *[str(folder / n) for n in names], "--jobs", "1"], store).exit_code == 0
        return _graph(store)
    store = tmp_path / ".kg"
    assert run(["build", *[str(folder / n) for n in base], "--jobs", "1"], store).exit_code == 0
    assert b"kg#Contest>" not in _graph(store)
    assert "in place" in run(["add", *[str(folder / n) for n in more]], store).output
    everything = _graph(store)
    kinds = {line.split()[2] for line in everything.splitlines() if b"contestKind" in line}
    assert {k.rsplit(b"#", 1)[1].rstrip(b">") for k in kinds} == {
        b"OppositePolarity", b"CooperationVersusConflict", b"WhoActedFirst", b"DifferentFigures"}
    assert b"nearCopyOf" in everything and everything == full(base + more)
    # the original goes (the near copy is on its own again), and with it one side of two contests
    gone = ["orig.txt", "polarity_two.txt", "figures_two.txt"]
    assert "in place" in run(["remove", *gone], store).output
    rest = _graph(store)

    def contests(graph: bytes) -> int:
        return sum(1 for line in graph.splitlines() if b"contestKind" in line)
    assert b"nearCopyOf" not in rest and contests(rest) == contests(everything) - 2
    assert rest == full([n for n in base + more if n not in gone])
    assert "in place" in run(["add", *[str(folder / n) for n in gone]], store).output
    assert _graph(store) == everything
    assert by_index == [True, True, True]  # every change went through the index, none fell back


def _index_rows(store) -> dict[str, list]:
    """Every table of the live build's index (but the build's name), rows sorted."""
    import sqlite3
    db = sqlite3.connect(store / "extractions.sqlite")
    try:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'live%'")
                  if t != "live_build"]
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        db.close()


def test_a_streamed_build_equals_corroboration_of_every_summary_held_at_once(tmp_path, monkeypatch):
    import kg.build
    # tiny batches, so that documents, mentions, actor pairs and figure sides are corroborated over many
    monkeypatch.setattr(kg.build, "_DOC_BATCH", 2)
    monkeypatch.setattr(kg.build, "_MENTION_BATCH", 3)
    monkeypatch.setattr(kg.build, "_CLAIM_BATCH", 2)
    folder = tmp_path / "in"
    for kind, (first, second) in CONTESTED.items():
        write_article(folder, f"{kind}_one.txt", first + "\n", publisher="Alpha Daily")
        write_article(folder, f"{kind}_two.txt", second + "\n", publisher="Beta Times")
    text = BORDER.read_text(encoding="utf-8")
    write_article(folder, "orig.txt", text)
    write_article(folder, "reprint.txt", text)
    write_article(folder, "near.txt", text.replace("Soviet", "USSR", 3))
    inputs = [str(folder), str(SEEDS), str(DEV)]
    streamed = tmp_path / "streamed"
    assert run(["build", *inputs, "--jobs", "1"], streamed).exit_code == 0
    # the build written whole from every summary held in memory (the way every build was made before the
    # build streamed): same extraction cache, so only corroboration differs
    held = tmp_path / "held"
    held.mkdir()
    shutil.copy(streamed / "extractions.sqlite", held / "extractions.sqlite")
    rules = load_rules()
    with Store(held).writing(), Cache(held / "extractions.sqlite") as cache:
        keys = dict(cache.db.execute("SELECT name, key FROM live_doc"))
        kg.build._write_whole(Store(held), kg.build._state(keys, cache, rules), cache, rules, "2000-01-01T00:00:00+00:00",
                              0.0, 0)
    # kg add into an empty store streams as kg build does: it never holds every summary at once
    added = tmp_path / "added"
    added.mkdir()
    shutil.copy(streamed / "extractions.sqlite", added / "extractions.sqlite")
    monkeypatch.setattr(kg.build, "_state", _held_every_summary)
    result = run(["add", *inputs], added)
    assert result.exit_code == 0 and "0 documents extracted" in result.output, result.output
    graph = _graph(streamed)
    kinds = {line.split()[2].rsplit(b"#", 1)[1] for line in graph.splitlines() if b"contestKind" in line}
    assert kinds == {b"OppositePolarity>", b"CooperationVersusConflict>", b"WhoActedFirst>", b"DifferentFigures>"}
    assert b"exactCopyOf" in graph and b"nearCopyOf" in graph
    assert graph == _graph(held) == _graph(added)
    # the index a streamed build leaves (with the build's counts) is the one the held summaries gave
    index = _index_rows(streamed)
    assert len(index["live_doc"]) == 21 and index == _index_rows(held) == _index_rows(added)


def _held_every_summary(*args, **kwargs):
    raise AssertionError("every document's summary held at once")


def test_a_failed_build_leaves_the_index_of_the_build_still_live(tmp_path, seeds_and_two_graph, monkeypatch):
    import kg.build
    store = tmp_path / ".kg"
    run(["build", str(SEEDS), "--jobs", "1"], store)
    index = _index_rows(store)
    real = kg.build._corroboration_streamed

    def failing(*args):
        yield from islice(real(*args), 100)  # the new build's index is written by now, not yet committed
        raise RuntimeError("disk full")
    monkeypatch.setattr(kg.build, "_corroboration_streamed", failing)
    with pytest.raises(StoreError, match="disk full"):
        kg.build.build([SEEDS, BORDER], Store(store), jobs=1)
    monkeypatch.undo()
    assert _index_rows(store) == index
    # so kg add still changes the live build through its index, and gives what a full build gives
    added = run(["add", str(BORDER), str(KCNA)], store)
    assert "changing the build in place" in added.output, added.output
    assert _graph(store) == seeds_and_two_graph
