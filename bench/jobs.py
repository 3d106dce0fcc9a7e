"""End-to-end `kg build --jobs 1` against `--jobs 2` on one folder, in turns (so a change in the machine's
load hits both alike), each into a fresh store (no extraction cache): wall and CPU seconds, the ratio per
round, the load average, and whether the two graphs are byte-identical (sorted N-Quads). cpu is the CPU
seconds of the build's processes (writer, forkserver, workers); cpu_per_wall near 2 for --jobs 2 means the
build had both cores, well under 2 that other work on the machine took them.

    python bench/jobs.py FOLDER [--rounds 3] [--work DIR]

A script, not a test: the ratio says what it says only when nothing else runs on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

KG = [sys.executable, "-m", "cli"] if not shutil.which("kg") else [shutil.which("kg")]


_TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """CPU seconds so far of root and every process below it (the forkserver and its workers are not
    reaped by the writer, so its rusage misses them: they are read from /proc while they run)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / _TICK
    for pid, cpu in times.items():
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            seen[pid] = max(seen.get(pid, 0.0), cpu)


def timed_build(folder: Path, store: Path, jobs: int) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    load = os.getloadavg()[0]
    seen: dict[int, float] = {}
    t = time.perf_counter()
    proc = subprocess.Popen([*KG, "--store", str(store), "build", str(folder), "--jobs", str(jobs)],
                            stdout=subprocess.DEVNULL)
    while proc.poll() is None:
        _tree_cpu(proc.pid, seen)
        time.sleep(0.25)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"kg build --jobs {jobs} failed (exit {proc.returncode})")
    # sampled every 0.25 s: a process's last quarter second may be missed
    cpu = sum(seen.values())
    return {"jobs": jobs, "wall": round(wall, 2), "cpu": round(cpu, 2), "cpu_per_wall": round(cpu / wall, 2),
            "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2)}


def export(store: Path) -> bytes:
    out = subprocess.run([*KG, "--store", str(store), "export", "graph"], check=True, capture_output=True).stdout
    return b"".join(sorted(out.splitlines(keepends=True)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=None, help="where the stores go (default: a temporary folder)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-jobs-"))
    runs = []
    for r in range(args.rounds):
        one = timed_build(args.folder, work / "jobs1", 1)
        two = timed_build(args.folder, work / "jobs2", 2)
        same = export(work / "jobs1") == export(work / "jobs2")
        row = {"round": r + 1, "jobs1": one, "jobs2": two, "ratio": round(one["wall"] / two["wall"], 3),
               "identical": same}
        runs.append(row)
        print(json.dumps(row), flush=True)
    print(json.dumps({"median_ratio": round(median(x["ratio"] for x in runs), 3),
                      "identical": all(x["identical"] for x in runs)}))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
