"""kg build --shards: a build written straight to N-Quads shard files is, quad for quad, the graph a build
into the store exports; the store is left as it was and the extraction cache is filled (loading the
shards into a server: tests/test_remote_store.py)."""
import pytest

from tests.conftest import DEV, SEEDS, run


def _export(store) -> bytes:
    result = run(["export", "graph"], store)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _shards(folder) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(folder.glob("graph-*.nq")))


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """Seeds and dev articles built straight to shards of at most 200K, extracted afresh (workers send
    their documents' quads while the others extract) into a new store's cache."""
    root = tmp_path_factory.mktemp("sharded")
    result = run(["build", str(SEEDS), str(DEV), "--shards", str(root / "shards"), "--shard-size", "200K"],
                 root / ".kg")
    assert result.exit_code == 0, result.output
    return root, result


def test_the_shards_hold_the_sorted_export_of_a_build_into_the_store(sharded, corpus_store):
    root, result = sharded
    whole = _export(corpus_store)
    files = sorted((root / "shards").glob("graph-*.nq"))
    assert [f.name for f in files] == [f"graph-{i:05d}.nq" for i in range(1, len(files) + 1)] and len(files) > 3
    assert _shards(root / "shards") == whole  # sorted, each quad once: the export byte for byte
    longest = max(len(line) for line in whole.splitlines(keepends=True))
    assert all(f.stat().st_size <= max(200 * 1024, longest) for f in files)
    quads = whole.count(b"\n")
    assert f"{quads} quads in {len(files)} shards" in result.output and "10 documents extracted" in result.output
    assert b'"2000000"^^<http://www.w3.org/2001/XMLSchema#decimal>' in whole  # a figure, as the store gives it back
    marker = (root / "shards" / "kg-marker.nq").read_text()
    assert '"complete"' in marker and f'"{quads}"^^' in marker
    # no build went into the store: it holds the extraction cache (and its lock) only
    assert sorted(p.name for p in (root / ".kg").iterdir()) == ["extractions.sqlite", "lock"]


def test_building_again_extracts_nothing_and_gives_the_same_files(sharded, tmp_path):
    root, _ = sharded
    again = run(["build", str(SEEDS), str(DEV), "--shards", str(tmp_path / "again"), "--shard-size", "200K"],
                root / ".kg")
    assert again.exit_code == 0 and "0 documents extracted" in again.output, again.output
    first, second = sorted((root / "shards").iterdir()), sorted((tmp_path / "again").iterdir())
    assert [f.name for f in first] == [f.name for f in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))  # the marker's id too


def test_add_and_remove_refuse_a_build_written_as_shards_until_built_into_the_store(sharded, tmp_path, corpus_store):
    import shutil
    store = tmp_path / ".kg"
    shutil.copytree(sharded[0] / ".kg", store)
    for args in (["add", str(SEEDS)], ["remove", "001_f706a8db8eb965ff.txt"]):
        result = run(args, store)
        assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
        assert "the last build went to shards in" in result.output and f"kg {args[0]} cannot change" in result.output
    assert not (store / "CURRENT").exists()
    # the cache survives a prune: the build into the store that lifts the refusal extracts nothing
    assert run(["cache", "prune"], store).exit_code == 0
    built = run(["build", str(SEEDS), str(DEV)], store)
    assert built.exit_code == 0 and "0 documents extracted" in built.output, built.output
    assert _export(store) == _export(corpus_store)
    removed = run(["remove", "001_f706a8db8eb965ff.txt"], store)
    assert removed.exit_code == 0 and "changing the build in place" in removed.output, removed.output


def test_a_live_build_in_the_store_stays_live_and_untouched(seed_store, tmp_path):
    import shutil
    store = tmp_path / ".kg"
    shutil.copytree(seed_store, store)
    live, graph = (store / "CURRENT").read_text(), _export(store)
    result = run(["build", str(SEEDS), str(DEV), "--shards", str(tmp_path / "s")], store)
    assert result.exit_code == 0, result.output
    assert (store / "CURRENT").read_text() == live and _export(store) == graph
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["graph-00001.nq", "kg-marker.nq"]  # 64M default


def test_bad_shard_options_fail_in_one_line_before_anything_is_read(seed_store, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "graph-00001.nq").write_text("old\n")
    cases = {("--shards", str(tmp_path / "full")): "not empty",
             ("--shards", str(tmp_path / "no" / "s")): "no such directory",
             ("--shards", str(tmp_path / "new"), "--shard-size", "12"): "at least 1K",
             ("--shard-size", "1M"): "--shard-size needs --shards"}
    for args, why in cases.items():
        # a missing input too: the folder is checked first
        result = run(["build", str(tmp_path / "no-such-folder"), *args], tmp_path / ".kg")
        assert result.exit_code != 0 and why in result.output, result.output
        assert result.output.count("\n") == 1 or "Usage:" in result.output, result.output
    assert (tmp_path / "full" / "graph-00001.nq").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]  # nothing made, no store either


@pytest.mark.parametrize("value, places", [(2000000.0, 1), (1.5, 1), (0.0, 1), (0.04, 1), (12.25, 1), (0.95, 3),
                                           (1.0, 3), (0.1234, 3), (0.0004, 3), (100.0, 0), (-0.04, 1)])
def test_decimals_are_written_as_a_store_gives_them_back(value, places):
    import pyoxigraph as ox
    from kg.rdf import _decimal
    written = ox.Quad(ox.NamedNode("https://example.org/m"), ox.NamedNode("https://example.org/low"),
                      _decimal(value, places))
    store = ox.Store()
    store.add(written)
    assert list(store) == [written] and next(iter(store)).object.value == written.object.value


def test_an_interrupted_build_leaves_no_shards_and_the_index_of_the_live_build(seed_store, tmp_path, monkeypatch):
    import shutil
    import kg.shards
    store = tmp_path / ".kg"
    shutil.copytree(seed_store, store)
    live = (store / "CURRENT").read_text()

    def interrupted(*args, **kwargs):  # Ctrl-C once every quad is in the sorted runs, as the shards are written
        raise KeyboardInterrupt
    monkeypatch.setattr(kg.shards, "_write_shards", interrupted)
    result = run(["build", str(SEEDS), "--shards", str(tmp_path / "s")], store)
    assert result.exit_code == 1 and "Aborted" in result.output  # click's answer to Ctrl-C
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg"]  # no shards, no half-written folder beside
    assert (store / "CURRENT").read_text() == live
    # the index still describes the live build: kg remove changes it in place, no refusal
    removed = run(["remove", "001_f706a8db8eb965ff.txt"], store)
    assert removed.exit_code == 0 and "changing the build in place" in removed.output, removed.output


def test_extraction_on_a_dask_cluster_gives_the_same_shards(seed_store, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = run(["build", str(SEEDS), "--scheduler", cluster.scheduler_address, "--shards", str(tmp_path / "s")],
                     tmp_path / ".kg")
    assert result.exit_code == 0 and "3 documents extracted" in result.output, result.output
    assert _shards(tmp_path / "s") == _export(seed_store)


def test_a_shards_build_never_contacts_a_store_on_a_sparql_server(seed_store, tmp_path):
    import socket
    with socket.socket() as s:  # a port nothing listens on: any request to the server fails at once
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/kg"
    result = run(["build", str(SEEDS), "--shards", str(tmp_path / "s")], url)
    assert result.exit_code == 0 and "3 documents extracted" in result.output, result.output
    assert _shards(tmp_path / "s") == _export(seed_store)
    again = run(["build", str(SEEDS), "--shards", str(tmp_path / "again")], url)  # its cache is the user's
    assert again.exit_code == 0 and "0 documents extracted" in again.output, again.output


def test_a_shards_build_does_not_open_the_live_build_of_a_local_store(seed_store, tmp_path):
    import shutil
    store = tmp_path / ".kg"
    shutil.copytree(seed_store, store)
    live = store / "builds" / (store / "CURRENT").read_text().strip()
    damaged = max((f for f in live.iterdir() if f.suffix == ".sst"), key=lambda f: f.stat().st_size)
    damaged.write_bytes(damaged.read_bytes()[:100])  # truncated: the store refuses to be read or built into
    assert run(["claims"], store).exit_code == 1
    result = run(["build", str(SEEDS), "--shards", str(tmp_path / "s")], store)
    assert result.exit_code == 0 and "0 documents extracted" in result.output, result.output
    assert _shards(tmp_path / "s") == _export(seed_store) and damaged.stat().st_size == 100


@pytest.fixture
def writers_made(monkeypatch):
    """The _DocumentWriters each build makes, with the batches it sent to its worker processes."""
    import kg.build
    made = []

    class Counted(kg.build._DocumentWriters):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)
    monkeypatch.setattr(kg.build, "_DocumentWriters", Counted)
    return made


def test_two_writer_processes_give_the_shards_one_writes(tmp_path, writers_made):
    one = run(["build", str(DEV), "--jobs", "1", "--shards", str(tmp_path / "one"), "--shard-size", "64K"],
              tmp_path / ".kg")
    assert one.exit_code == 0 and "7 documents extracted" in one.output, one.output
    assert writers_made == []  # one job: the documents' quads are made in the build's own process
    two = run(["build", str(DEV), "--jobs", "2", "--shards", str(tmp_path / "two"), "--shard-size", "64K"],
              tmp_path / ".kg")
    assert two.exit_code == 0 and "0 documents extracted" in two.output, two.output
    assert len(writers_made) == 1 and writers_made[0].batches >= 4  # every document, in workers
    first, second = sorted((tmp_path / "one").iterdir()), sorted((tmp_path / "two").iterdir())
    assert len(first) > 5 and [f.name for f in first] == [f.name for f in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))  # the marker's id too


def test_a_build_stopped_while_writers_run_leaves_no_shards_and_no_workers(tmp_path, writers_made, monkeypatch):
    import kg.build
    assert run(["build", str(DEV), "--jobs", "1"], tmp_path / ".kg").exit_code == 0  # the cache filled

    workers = []

    def interrupted(self, done):  # Ctrl-C as the first runs come back from the workers
        if done:
            workers.extend(self.pool._processes.values())
            raise KeyboardInterrupt
    monkeypatch.setattr(kg.build._DocumentWriters, "_collect", interrupted)
    result = run(["build", str(DEV), "--jobs", "2", "--shards", str(tmp_path / "s"), "--shard-size", "64K"],
                 tmp_path / ".kg")
    assert result.exit_code == 1 and "Aborted" in result.output, result.output
    assert len(writers_made) == 1 and writers_made[0].batches >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg"]  # no shards, no half-written folder beside
    assert workers and not any(p.is_alive() for p in workers)  # the workers stopped with the build
