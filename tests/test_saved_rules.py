"""The rules once read and checked are kept as a pickle in the user's own cache folder, never in a store
folder: a pickle runs code when read, and a store folder may come from someone else."""
import os
import pickle
import shutil
import time

import pytest

import kg.rules
from kg.rules import load_rules, rule_dirs, rules_digest
from tests.conftest import DEV, run

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
