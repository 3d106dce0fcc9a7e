"""kg cache prune drops the extractions the live build and the rules in force do not use, leaves the graph
as it was and kg add incremental; and the saved copy of the rules is used only while it matches the rule
files."""
import os
import sqlite3
import subprocess
import sys

from kg.rules import load_rules
from tests.conftest import DEV, ROOT, SEEDS, run

BORDER = DEV / "howlingpixel_sino_soviet_border_conflict.txt"
KCNA = DEV / "kcna_2014_japanese_denounces_war_maneuvers.txt"


def _graph(store) -> bytes:
    result = run(["export", "graph"], store)
    assert result.exit_code == 0 and len(result.stdout_bytes.splitlines()) > 1000
    return result.stdout_bytes


def _cached(store) -> int:
    with sqlite3.connect(store / "extractions.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]


def _prune(store) -> str:
    result = run(["cache", "prune"], store)
    assert result.exit_code == 0, result.output
    return result.output


def test_prune_after_a_remove_drops_the_removed_documents_extraction(tmp_path):
    store = tmp_path / ".kg"
    assert run(["build", str(SEEDS), str(BORDER), "--jobs", "1"], store).exit_code == 0
    assert "in place" in run(["remove", BORDER.name], store).output
    assert _cached(store) == 4  # the removed document's extraction is still cached
    graph = _graph(store)
    out = _prune(store)
    assert out.startswith("dropped 1 cached extractions, kept 3;") and "freed" in out
    assert _cached(store) == 3 and _graph(store) == graph
    assert run(["cache", "prune"], store).output.startswith("dropped 0 cached extractions, kept 3;")
    # the index still describes the live build: the next add changes it in place, extracting only the new
    added = run(["add", str(KCNA)], store).output
    assert "in place" in added and "1 documents extracted" in added
    again = run(["add", str(BORDER)], store).output  # its extraction was dropped: extracted again
    assert "in place" in again and "1 documents extracted" in again


def test_prune_after_a_rule_change_drops_the_earlier_rules_extractions(tmp_path, monkeypatch):
    store = tmp_path / ".kg"
    assert run(["build", str(SEEDS), "--jobs", "1"], store).exit_code == 0
    more = tmp_path / "rules"
    more.mkdir()
    (more / "actors.yaml").write_text("- id: zembla\n  label: Zembla\n  type: state\n  aliases: [Zembla]\n",
                                      encoding="utf-8")
    monkeypatch.setenv("KG_RULES", str(more))
    # before any change, the live build's extractions (made with the earlier rules) are its own: kept
    assert _prune(store).startswith("dropped 0 cached extractions, kept 3;")
    rewritten = run(["add", str(BORDER)], store).output  # other rules: every document extracted again
    assert "4 documents extracted" in rewritten and "stored in" in rewritten
    graph = _graph(store)
    assert _prune(store).startswith("dropped 3 cached extractions, kept 4;")
    assert _graph(store) == graph
    added = run(["add", str(KCNA)], store).output
    assert "in place" in added and "1 documents extracted" in added


def test_prune_needs_a_store(tmp_path):
    result = run(["cache", "prune"], tmp_path / "none")
    assert result.exit_code != 0 and "no kg store here" in result.output
    assert not (tmp_path / "none").exists()


def test_the_saved_rules_are_the_rules_and_are_replaced_when_the_files_change(tmp_path, monkeypatch):
    import kg.rules
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "kg"  # the user's cache folder (tests/test_saved_rules.py: never a store's)
    more = tmp_path / "rules"
    more.mkdir()
    actors = more / "actors.yaml"
    actors.write_text("- id: zembla\n  label: Zembla\n  type: state\n  aliases: [Zembla]\n", encoding="utf-8")
    monkeypatch.setenv("KG_RULES", str(more))
    monkeypatch.setattr(kg.rules, "_LOADED", {})
    read = load_rules()
    (saved,) = folder.glob("rules-*.pickle")
    assert load_rules() is read  # one object per process, whichever way it was read
    kg.rules._LOADED.clear()
    back = load_rules()
    assert back is not read and back.actors == read.actors and back.patterns == read.patterns
    assert back.frames == read.frames and back.digest == read.digest and back.actors["zembla"].label == "Zembla"
    # an edited rule file: the saved copy no longer matches, and one of the new rules is saved beside it
    actors.write_text("- id: zembla\n  label: Zemblaland\n  type: state\n  aliases: [Zembla]\n", encoding="utf-8")
    kg.rules._LOADED.clear()
    edited = load_rules()
    assert edited.actors["zembla"].label == "Zemblaland" and edited.digest != read.digest
    (new,) = set(folder.glob("rules-*.pickle")) - {saved}
    kg.rules._LOADED.clear()
    assert load_rules().actors["zembla"].label == "Zemblaland"
    # a damaged saved copy is ignored and replaced
    new.write_bytes(new.read_bytes()[:1000])
    kg.rules._LOADED.clear()
    assert load_rules().actors["zembla"].label == "Zemblaland" and new.stat().st_size > 1000
    assert sorted(p.name for p in folder.iterdir()) == sorted([saved.name, new.name])  # no temporary left


def test_kg_add_imports_neither_datasketch_nor_scipy_nor_numpy():
    """What `kg add` and `kg remove` import before they need it (SciPy alone cost 0.4 s of every start,
    numpy 0.1 s; numpy is imported when a new document's signature is made)."""
    code = ("import sys, cli, kg.build; print(sorted(m for m in ('datasketch', 'scipy', 'numpy') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout
    assert out.strip() == "[]"
