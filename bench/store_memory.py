"""Memory of pyoxigraph's bulk loading alone, without kg: quads shaped like kg's (mentions, claims,
quotes, actors) loaded into a fresh on-disk store in batches, as kg.store.Store.replace does, printing
after each batch the process's anonymous RSS (after glibc's malloc_trim, so freed memory does not count)
and the Python heap (tracemalloc). What grows while the Python heap stays flat is RocksDB's.

    python bench/store_memory.py --quads 2500000 --batch 100000
"""
from __future__ import annotations

import argparse
import ctypes
import random
import shutil
import tempfile
import tracemalloc
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/kg/id/"


def anonymous_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("RssAnon")) / 1024


def batch_of(start: int, size: int, rng: random.Random) -> list[ox.Quad]:
    preds = [ox.NamedNode(f"https://w3id.org/kg/ns#p{i}") for i in range(20)]
    out = []
    for k in range(start, start + size):
        obj = ox.Literal(f"quote {k} " + "x" * rng.randint(5, 80)) if k % 3 == 0 \
            else ox.NamedNode(f"{ID}actor/{rng.randint(0, 5000)}")
        out.append(ox.Quad(ox.NamedNode(f"{ID}mention/{k // 9:016x}"), preds[k % 20], obj,
                           ox.NamedNode(f"{ID}claim/{k // 40:016x}")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quads", type=int, default=2_500_000)
    ap.add_argument("--batch", type=int, default=100_000)
    args = ap.parse_args()
    trim = ctypes.CDLL("libc.so.6").malloc_trim
    folder = Path(tempfile.mkdtemp(prefix="kg-store-memory-"))
    tracemalloc.start()
    rng = random.Random(1)
    try:
        db = ox.Store(str(folder / "db"))
        half = None  # the slope is taken over the second half: the first batches also fill RocksDB's caches
        for start in range(0, args.quads, args.batch):
            chunk = batch_of(start, args.batch, rng)
            db.bulk_extend(chunk)
            del chunk
            trim(0)
            rss, heap = anonymous_rss_mb(), tracemalloc.get_traced_memory()[0] / 2**20
            if half is None and start + args.batch >= args.quads // 2:
                half = (start + args.batch, rss)
            print(f"{start + args.batch:>10,d} quads  anonymous RSS {rss:6.1f} MB  Python heap {heap:5.1f} MB")
        done, grown = args.quads - half[0], rss - half[1]
        print(f"growth over the second half: {grown:.1f} MB for {done:,d} quads, "
              f"{grown * 2**20 / max(done, 1):.1f} bytes a quad")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
