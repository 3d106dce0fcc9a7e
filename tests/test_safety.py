"""Nothing lost, ever: kills and Ctrl-C during a build, damaged stores, unwritable stores, output files."""
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import Store
from tests.conftest import ROOT, SEEDS, run, write_article

KG = [sys.executable, str(ROOT / "cli.py")]


def _kg(store, *args, **kw):
    return subprocess.run([*KG, "--store", str(store), *args], capture_output=True, text=True, timeout=120, **kw)


def _snapshot(store: Path) -> tuple[list[bytes], dict[str, str]]:
    """The live build as sorted N-Quads and the hash of every file of it (RocksDB's info log aside)."""
    import pyoxigraph as ox
    nquads = sorted(Store(store).dump(ox.RdfFormat.N_QUADS).splitlines())
    build = Store(store).current_build()
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(build.iterdir()) if p.name != "LOG"}
    return nquads, files


@pytest.fixture
def store_copy(seed_store, tmp_path):
    """A private copy of the seed store, to damage or to interrupt a build on."""
    store = tmp_path / ".kg"
    shutil.copytree(seed_store, store)
    return store


def _one_line_error(proc, *needles):
    lines = proc.stderr.strip().splitlines()
    assert getattr(proc, "returncode", getattr(proc, "exit_code", 0)) != 0 and len(lines) == 1 and lines[0].startswith("kg: error: "), proc.stderr
    for n in needles:
        assert n in lines[0], lines[0]


# --- interrupted and killed builds ------------------------------------------------------------------

def _interrupt_build(store: Path, sig: int, when: str) -> None:
    """Start `kg build` and send sig either after a pause or as soon as the new build's directory appears."""
    proc = subprocess.Popen([*KG, "--store", str(store), "build", str(SEEDS)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if when == "writing":
            # the bulk load into builds/NAME.partial and the switch of CURRENT: the final write
            while proc.poll() is None and not any((store / "builds").glob("*.partial")):
                time.sleep(0.001)
            assert proc.poll() is None, "the build finished before it could be interrupted"
        else:
            time.sleep(float(when))
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_interrupted_and_killed_builds_leave_the_previous_build_byte_identical(store_copy):
    before = _snapshot(store_copy)
    live = Store(store_copy).current_build()
    # without its extraction cache the build extracts the seeds again, which is where a signal after 1 s
    # lands (from the cache, with the rules the store keeps, it rebuilds them in under a second)
    (store_copy / "extractions.sqlite").unlink()
    for sig, when in [(signal.SIGINT, "1.0"), (signal.SIGINT, "writing"), (signal.SIGKILL, "writing")]:
        _interrupt_build(store_copy, sig, when)
        assert Store(store_copy).current_build() == live, (sig, when)
        assert _snapshot(store_copy) == before, (sig, when)
        if sig == signal.SIGINT:  # Ctrl-C cleans up after itself; a SIGKILLed build is cleaned by the next one
            assert not list((store_copy / "builds").glob("*.partial"))
    # killed between making the new build complete and switching CURRENT to it: an unnamed build
    orphan = live.parent / "0123456789abcdef0123456789abcdef"
    shutil.copytree(live, orphan)
    (live.parent / f"{live.name}.pin").touch()  # a pin no server holds any more
    result = run(["build", str(SEEDS)], store_copy)
    assert result.exit_code == 0, result.output
    new = Store(store_copy).current_build()
    assert new != live and sorted(p.name for p in new.parent.iterdir()) == [new.name, f"{new.name}.files"]
    graph = lambda nquads: [q for q in nquads if not q.endswith(b"/graph/log> .")]  # noqa: E731 (times vary)
    assert graph(_snapshot(store_copy)[0]) == graph(before[0])  # same input, same graph


# --- stores that do not check out are refused, never overwritten ----------------------------------

def _damage_pointer(store: Path) -> None:
    (store / "CURRENT").write_bytes(b"\x00\x00garbage")


def _point_at_missing_build(store: Path) -> None:
    (store / "CURRENT").write_text("ffffffffffffffffffffffffffffffff\n")


def _truncate(name: str):
    def damage(store: Path) -> None:
        build = Store(store).current_build()
        victim = next(p for p in sorted(build.iterdir()) if p.name.startswith(name) and p.stat().st_size > 100)
        os.truncate(victim, victim.stat().st_size // 2)
    return damage


@pytest.mark.parametrize("damage,why", [
    (_damage_pointer, "CURRENT pointer is damaged"),
    (_point_at_missing_build, "which is missing"),
    (_truncate("MANIFEST"), "it was written with"),  # RocksDB itself would open this one as an empty store
    (_truncate("0"), "it was written with"),
])
def test_a_damaged_store_is_refused_with_one_line_and_never_overwritten(store_copy, tmp_path, damage, why):
    article = write_article(tmp_path / "new", "new.txt", "China aided North Korea.\n")
    damage(store_copy)
    files = {p.relative_to(store_copy): p.read_bytes() for p in sorted(store_copy.rglob("*"))
             if p.is_file() and p.name != "LOG"}
    for args in (["add", str(article)], ["build", str(article)], ["claims"], ["query", "ASK { ?s ?p ?o }"]):
        result = run(args, store_copy)
        _one_line_error(result, str(store_copy), "damaged", why)
    after = {p.relative_to(store_copy): p.read_bytes() for p in sorted(store_copy.rglob("*"))
             if p.is_file() and p.name != "LOG"}
    assert after == files


def test_corrupt_blocks_are_one_line_errors(store_copy):
    build = Store(store_copy).current_build()
    (build.parent / f"{build.name}.files").unlink()  # as in a store written before builds were sealed
    for sst in build.glob("*.sst"):
        size = sst.stat().st_size
        with open(sst, "r+b") as fh:
            fh.seek(size // 4)
            fh.write(b"\xff" * (size // 3))
    result = run(["export", "graph"], store_copy)
    _one_line_error(result, str(store_copy), "damaged", "Corruption")
    assert "Traceback" not in result.stderr


def _without_root_powers():
    """As root, drop the capabilities that ignore file modes, so that the modes hold for kg too."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP; the exec then runs without them
            os._exit(99)


def test_an_unwritable_store_is_a_one_line_error(store_copy, tmp_path):
    article = write_article(tmp_path / "new", "new.txt", "China aided North Korea.\n")
    for p in [store_copy, *store_copy.rglob("*")]:
        os.chmod(p, 0o555 if p.is_dir() else 0o444)
    try:
        result = _kg(store_copy, "add", str(article), preexec_fn=_without_root_powers if os.geteuid() == 0 else None)
        _one_line_error(result, str(store_copy), "cannot write the store", "nothing was changed")
    finally:
        for p in [store_copy, *store_copy.rglob("*")]:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)


def test_build_summary_counts_the_quads_stored(tmp_path):
    store = tmp_path / ".kg"
    result = run(["build", str(SEEDS)], store)
    printed = next(int(line.split()[0]) for line in result.output.splitlines() if "quads stored" in line)
    exported = run(["export", "graph", "--format", "nq", "--include-log"], store).output
    assert printed == len(exported.splitlines())


# --- output files -------------------------------------------------------------------------------

def test_output_files_follow_the_umask_and_keep_an_existing_mode(seed_store, tmp_path):
    new, old = tmp_path / "new.csv", tmp_path / "old.csv"
    old.write_text("x")
    os.chmod(old, 0o640)
    mask = os.umask(0o027)
    try:
        assert run(["export", "claims", "-o", str(new)], seed_store).exit_code == 0
        assert run(["export", "claims", "-o", str(old)], seed_store).exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640  # 0666 under umask 027, not mkstemp's 0600
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text() == new.read_text() != "x"
    os.chmod(old, 0o604)
    assert run(["export", "claims", "-o", str(old)], seed_store).exit_code == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o604
