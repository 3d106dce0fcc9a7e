"""Write N synthetic articles made of the seed and dev articles' sentences reshuffled (fixed seed), for
measuring build speed and memory at sizes the real corpora do not reach.

    python scripts/synthetic_corpus.py 1000 /tmp/corpus1000
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "corpus" / "dev"]


def sentences() -> list[str]:
    out = []
    for folder in SOURCES:
        for f in sorted(folder.glob("*.txt")):
            for line in f.read_text(encoding="utf-8").splitlines():
                out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.strip()) if len(s.split()) >= 5]
    return out


def write(n: int, folder: Path, seed: int = 1) -> None:
    pool = sentences()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        picked = rng.sample(pool, rng.randint(20, 45))
        paragraphs = [" ".join(picked[k:k + 3]) for k in range(0, len(picked), 3)]
        (folder / f"article_{i:06d}.txt").write_text(f"Synthetic report {i}\n\n" + "\n\n".join(paragraphs) + "\n",
                                                    encoding="utf-8")


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
