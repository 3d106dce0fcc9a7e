"""kg export graph --shards: the sorted N-Quads export as shard files of bounded size, written whole or not
at all (loading them into a server: tests/test_remote_store.py)."""
import pytest

from tests.conftest import run


def _export(store, *args) -> bytes:
    result = run(["export", "graph", *args], store)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("log", [[], ["--include-log"]])
def test_shards_are_the_sorted_export_cut_into_bounded_files(seed_store, tmp_path, log):
    whole = _export(seed_store, *log)
    result = run(["export", "graph", "--shards", str(tmp_path / "s"), "--shard-size", "100K", *log], seed_store)
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "s").glob("graph-*.nq"))
    assert [f.name for f in files] == [f"graph-{i:05d}.nq" for i in range(1, len(files) + 1)] and len(files) > 5
    assert b"".join(f.read_bytes() for f in files) == whole  # already sorted: concatenated, the export itself
    longest = max(len(line) for line in whole.splitlines(keepends=True))
    for f in files:
        data = f.read_bytes()
        assert data.endswith(b"\n")
        # at most the size asked for, unless one quad (a document's whole text) is longer on its own
        assert len(data) <= 100 * 1024 or data.count(b"\n") == 1 and len(data) == len(data.splitlines(True)[0])
        assert len(data) <= max(100 * 1024, longest)
    quads = whole.count(b"\n")
    assert f"{quads} quads in {len(files)} shards" in result.stderr
    marker = (tmp_path / "s" / "kg-marker.nq").read_text()
    assert '"complete"' in marker and f'"{quads}"^^' in marker


def test_the_same_graph_gives_the_same_shards(seed_store, tmp_path):
    for name in ("a", "b"):
        assert run(["export", "graph", "--shards", str(tmp_path / name), "--shard-size", "64K"],
                   seed_store).exit_code == 0
    a, b = sorted((tmp_path / "a").iterdir()), sorted((tmp_path / "b").iterdir())
    assert [f.name for f in a] == [f.name for f in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))  # the marker's id too


def test_bad_shard_folders_and_sizes_fail_in_one_line_and_write_nothing(seed_store, tmp_path):
    (tmp_path / "a_file").write_text("x")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "graph-00001.nq").write_text("old\n")
    cases = {
        str(tmp_path / "a_file"): "not a directory",
        str(tmp_path / "full"): "not empty",
        str(tmp_path / "missing" / "s"): "no such directory",
    }
    for folder, why in cases.items():
        result = run(["export", "graph", "--shards", folder], seed_store)
        assert result.exit_code != 0 and result.output.count("\n") == 1 and why in result.output, result.output
        assert folder in result.output
    for args, why in ((["--shard-size", "12"], "at least 1K"), (["--shard-size", "lots"], "at least 1K"),
                      (["--format", "ttl"], "leave out --format")):
        result = run(["export", "graph", "--shards", str(tmp_path / "new"), *args], seed_store)
        assert result.exit_code != 0 and result.output.count("\n") == 1 and why in result.output, result.output
    assert (tmp_path / "full" / "graph-00001.nq").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file", "full"]  # nothing half-written left


def test_an_empty_folder_takes_the_shards(seed_store, tmp_path):
    (tmp_path / "s").mkdir()
    assert run(["export", "graph", "--shards", str(tmp_path / "s")], seed_store).exit_code == 0
    # the default size (64M) holds the seeds' graph in one shard
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["graph-00001.nq", "kg-marker.nq"]
    assert (tmp_path / "s" / "graph-00001.nq").read_bytes() == _export(seed_store)


def test_many_runs_are_merged_in_rounds_with_the_same_result(seed_store, tmp_path, monkeypatch):
    import kg.shards
    monkeypatch.setattr(kg.shards, "MERGE_FAN_IN", 3)  # 100K runs of the seeds' graph: several rounds of 3
    assert run(["export", "graph", "--shards", str(tmp_path / "s"), "--shard-size", "100K"], seed_store).exit_code == 0
    files = sorted((tmp_path / "s").glob("graph-*.nq"))
    assert len(files) > 9
    assert b"".join(f.read_bytes() for f in files) == _export(seed_store)
