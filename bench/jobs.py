"""End-to-end `kg build --jobs 1` against `--jobs 2` on one folder, in turns (so a change in the machine's
load hits both alike), each into a fresh store (no extraction cache): wall and CPU seconds, the ratio per
round, the load average, and whether the two graphs are byte-identical (sorted N-Quads). cpu is the CPU
seconds of the build's processes (writer, forkserver, workers); cpu_per_wall near 2 for --jobs 2 means the
build had both cores, well under 2 that other work on the machine took them.

    python bench/jobs.py FOLDER [--rounds 3] [--work DIR]
    python bench/jobs.py FOLDER --shards --cache STORE [--rounds 3]   # kg build --shards from a warm cache

With --shards each build writes N-Quads shards (kg build --shards) from a copy of STORE's extraction cache
(every document of FOLDER cached: what the writer alone costs) and the shard files are compared byte for
byte; peak_rss is the largest resident size of any one process of the build (sampled).

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


def _tree_cpu(root: int, seen: dict[int, float], rss: dict[int, int] | None = None) -> None:
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
            if rss is not None:
                try:
                    kb = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                              if line.startswith("VmRSS:"))
                except (OSError, StopIteration):
                    continue
                rss[pid] = max(rss.get(pid, 0), kb)


def timed_build(folder: Path, store: Path, jobs: int, shards: Path | None = None, cache: Path | None = None) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    extra: list[str] = []
    if shards is not None:
        shutil.rmtree(shards, ignore_errors=True)
        store.mkdir(parents=True)
        shutil.copyfile(cache / "extractions.sqlite", store / "extractions.sqlite")
        extra = ["--shards", str(shards)]
    load = os.getloadavg()[0]
    seen: dict[int, float] = {}
    rss: dict[int, int] = {}
    t = time.perf_counter()
    proc = subprocess.Popen([*KG, "--store", str(store), "build", str(folder), "--jobs", str(jobs), *extra],
                            stdout=subprocess.DEVNULL)
    while proc.poll() is None:
        _tree_cpu(proc.pid, seen, rss)
        time.sleep(0.25)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"kg build --jobs {jobs} failed (exit {proc.returncode})")
    # sampled every 0.25 s: a process's last quarter second may be missed
    cpu = sum(seen.values())
    return {"jobs": jobs, "wall": round(wall, 2), "cpu": round(cpu, 2), "cpu_per_wall": round(cpu / wall, 2),
            "peak_rss_mb": round(max(rss.values(), default=0) / 1024), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2)}


def export(store: Path) -> bytes:
    out = subprocess.run([*KG, "--store", str(store), "export", "graph"], check=True, capture_output=True).stdout
    return b"".join(sorted(out.splitlines(keepends=True)))


def same_shards(a: Path, b: Path) -> bool:
    files = sorted(p.name for p in a.iterdir())
    return files == sorted(p.name for p in b.iterdir()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=None, help="where the stores go (default: a temporary folder)")
    ap.add_argument("--shards", action="store_true", help="time kg build --shards from a warm extraction cache")
    ap.add_argument("--cache", type=Path, help="with --shards: a store folder whose extractions.sqlite has FOLDER")
    args = ap.parse_args()
    if args.shards and not (args.cache and (args.cache / "extractions.sqlite").is_file()):
        raise SystemExit("--shards needs --cache STORE, a store folder holding extractions.sqlite")
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-jobs-"))
    runs = []
    for r in range(args.rounds):
        if args.shards:
            one = timed_build(args.folder, work / "jobs1", 1, work / "shards1", args.cache)
            two = timed_build(args.folder, work / "jobs2", 2, work / "shards2", args.cache)
            same = same_shards(work / "shards1", work / "shards2")
        else:
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
