"""A store folder may come from someone else, and unpickling runs code: kg never unpickles what a store
folder holds unless this user's kg wrote it. The rules once read are kept in the user's own cache folder,
never in a store folder; the extraction cache and its index, which live in the store folder, are sealed
with the user's key (kg.sealed)."""
import os
import pickle
import shutil
import sqlite3
import time

import pytest

import kg.rules
from kg.rules import load_rules, rule_dirs, rules_digest
from tests.conftest import DEV, SEEDS, run

ARTICLE = DEV / "xinhua_2020_war_heroism_still_valued.txt"


class _Hostile:
    """Unpickling this opens (creates) the marker file: what an attacker's pickle could do instead."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return open, (self.marker, "w")


def _plant(path, marker) -> None:
    """A hostile pickle under the header kg writes, with the key of the rules in force: read as a
    saved copy, it would be unpickled."""
    key = kg.rules._saved_key(rules_digest(rule_dirs()))
    path.write_bytes(kg.rules._SAVED_MAGIC + key + b"\n" + pickle.dumps(_Hostile(marker)))


def _export(store) -> bytes:
    result = run(["export", "graph"], store)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture
def new_process(monkeypatch):
    """As in a new kg process: no rules read yet."""
    monkeypatch.setattr(kg.rules, "_LOADED", {})
    return lambda: monkeypatch.setattr(kg.rules, "_LOADED", {})


def test_a_rules_pickle_in_a_store_folder_is_never_unpickled(seed_store, tmp_path, new_process):
    planted, clean = tmp_path / "planted" / ".kg", tmp_path / "clean" / ".kg"
    shutil.copytree(seed_store, planted)
    shutil.copytree(seed_store, clean)
    marker = tmp_path / "unpickled"
    _plant(planted / "rules.pickle", marker)
    for store in (planted, clean):
        new_process()
        added = run(["add", str(ARTICLE)], store)
        assert added.exit_code == 0 and "1 documents extracted" in added.output, added.output
        new_process()
        assert run(["claims", "--actor", "China"], store).exit_code == 0
    assert not marker.exists()
    assert _export(planted) == _export(clean)


def test_the_saved_rules_live_in_the_users_cache_and_are_read_instead_of_the_rule_files(
        tmp_path, monkeypatch, new_process, seed_store):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    first = load_rules()
    saved = list((cache / "kg").glob("rules-*.pickle"))
    assert len(saved) == 1 and saved[0].stat().st_mode & 0o777 == 0o600
    assert (cache / "kg").stat().st_mode & 0o777 == 0o700

    def unread(*_):
        raise AssertionError("the rule files were read")
    monkeypatch.setattr(kg.rules, "_read_rules", unread)
    new_process()
    again = load_rules()
    assert again is not first and again.digest == first.digest
    assert again.actor_by_name("China").id == first.actor_by_name("China").id
    # a reading command starts from the saved copy too
    new_process()
    result = run(["claims", "--actor", "China"], seed_store)
    assert result.exit_code == 0 and "China" in result.output, result.output


def test_a_saved_copy_others_could_have_written_is_not_unpickled_and_is_replaced(tmp_path, monkeypatch, new_process):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    load_rules()
    (saved,) = (cache / "kg").glob("rules-*.pickle")
    marker = tmp_path / "unpickled"
    for mode in (0o666, 0o620):  # writable by everyone, by the group
        _plant(saved, marker)
        saved.chmod(mode)
        new_process()
        rules = load_rules()
        assert not marker.exists() and rules.actor_by_name("China") is not None
        assert saved.stat().st_mode & 0o777 == 0o600  # replaced by the rules just read
    # a copy under the right name but made from other rules (its header says so) is not read either
    saved.write_bytes(kg.rules._SAVED_MAGIC + b"0" * 64 + b"\n" + pickle.dumps(_Hostile(marker)))
    saved.chmod(0o600)
    new_process()
    load_rules()
    assert not marker.exists()


def test_only_the_most_recently_used_saved_copies_are_kept(tmp_path, monkeypatch, new_process):
    folder = tmp_path / "cache" / "kg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder.mkdir(parents=True)
    other = folder / "0123456789abcdef-extractions.sqlite"  # what else kg keeps there stays
    other.write_bytes(b"cache")
    old = [folder / f"rules-{i:064d}.pickle" for i in range(6)]
    for i, p in enumerate(old):
        p.write_bytes(b"old")
        os.utime(p, (time.time() - 1000 + i, time.time() - 1000 + i))
    load_rules()
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    assert len(kept) == kg.rules.SAVED_COPIES and all(p.name in kept for p in old[-(kg.rules.SAVED_COPIES - 1):])
    assert other.read_bytes() == b"cache"


def _tamper(cache_file, marker, mark: bytes | None) -> None:
    """Every pickle of a store's extraction cache and index replaced by a hostile one (sealed with no key
    of this user); the cache's mark of whose kg made it replaced by `mark` (left as it is: None)."""
    hostile = b"\0" * 32 + pickle.dumps(_Hostile(marker))
    with sqlite3.connect(cache_file) as db:
        db.execute("UPDATE extraction SET summary = ?, full = ?", (hostile, hostile))
        db.execute("UPDATE live_side SET mention = ?", (hostile,))
        db.execute("UPDATE live_found SET actor = ?", (hostile,))
        if mark is not None:
            db.execute("UPDATE sealed SET mark = ?", (mark,))


def test_the_cache_of_a_store_made_by_someone_elses_kg_is_never_unpickled(seed_store, tmp_path, new_process):
    planted, clean = tmp_path / "planted" / ".kg", tmp_path / "clean" / ".kg"
    shutil.copytree(seed_store, planted)
    shutil.copytree(seed_store, clean)
    marker = tmp_path / "unpickled"
    _tamper(planted / "extractions.sqlite", marker, b"\1" * 32 + b"kg extraction cache")  # another user's
    for store in (planted, clean):
        added = run(["add", str(ARTICLE)], store)
        assert added.exit_code == 0, added.output
    assert not marker.exists()
    assert _export(planted) == _export(clean)  # the foreign cache was emptied: its documents extracted again
    removed = run(["remove", ARTICLE.name], planted)  # and the index made anew is this user's, used in place
    assert removed.exit_code == 0 and "changing the build in place" in removed.output, removed.output


def test_a_cache_changed_after_this_users_kg_sealed_it_is_an_error_not_unpickled(seed_store, tmp_path):
    store = tmp_path / ".kg"
    shutil.copytree(seed_store, store)
    marker = tmp_path / "unpickled"
    _tamper(store / "extractions.sqlite", marker, None)  # the mark still this user's: sent out, back changed
    for args in (["add", str(ARTICLE)], ["remove", "001_f706a8db8eb965ff.txt"], ["build", str(SEEDS)]):
        result = run(args, store)
        assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
        assert f"{store / 'extractions.sqlite'}: cached data" in result.output and "delete" in result.output
    assert not marker.exists()
    (store / "extractions.sqlite").unlink()  # as the message says: then the documents are extracted again
    assert run(["add", str(ARTICLE)], store).exit_code == 0 and not marker.exists()
