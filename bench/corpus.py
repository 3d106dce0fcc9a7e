"""A deterministic synthetic corpus for the benchmark: real sentences from seeds/ and tests/corpus/dev/,
reshuffled into articles of about 2.5 KB under several publishers, with reprints, near copies and
paragraphs repeated across articles (what a real news corpus has and what kg's dedup must handle).

    python bench/corpus.py OUT_DIR --articles 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = (ROOT / "seeds", ROOT / "tests/corpus/dev")
# known outlets (they resolve to actors), plain publisher names, and no publisher at all (None)
PUBLISHERS = ("Xinhua", "KCNA", "Global Times", "The Daily Sentinel", "Harbour Courier", "Evening Ledger",
              "Northern Review", None, None)
ARTICLE_CHARS = 2500
# names the source sentences use for states; an article may swap them for other states of the
# gazetteer, so that the number of distinct claims grows with the corpus as it does in real news
SWAPPED = ("North Korea", "South Korea", "Soviet Union", "United States", "China", "Japan", "India", "Vietnam",
           "Russia", "Taiwan")
_SWAP = re.compile(r"\b(" + "|".join(SWAPPED) + r")\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sentences() -> list[str]:
    """Every sentence of the source articles (front matter and headline lines dropped), in file order."""
    out: list[str] = []
    for folder in SOURCE_DIRS:
        for f in sorted(folder.glob("*.txt")):
            for line in f.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if len(line) < 60 or not line.endswith((".", "!", "?", '"')):
                    continue
                out.extend(s.strip() for s in _SENTENCE.split(line) if len(s.strip()) > 30)
    return out


def states() -> list[str]:
    """The labels of the states in kg's derived gazetteer, in file order."""
    rows = (json.loads(line) for line in (ROOT / "ontology/derived/world_actors.jsonl").open(encoding="utf-8"))
    return [r["label"] for r in rows if r.get("type") == "state" and r.get("iso3")]


def _swap_names(rng: random.Random, paras: list[str], names: list[str]) -> list[str]:
    """Half the articles keep the real names; the others name other states in their place."""
    if rng.random() < 0.5:
        return paras
    mapping = dict(zip(SWAPPED, rng.sample(names, len(SWAPPED))))
    return [_SWAP.sub(lambda m: mapping[m.group(1)], p) for p in paras]


def _paragraphs(rng: random.Random, pool: list[str], shared: list[str]) -> list[str]:
    paras, size = [], 0
    while size < ARTICLE_CHARS:
        if shared and rng.random() < 0.15:
            p = rng.choice(shared)          # a paragraph many articles repeat (boilerplate, wire copy)
        else:
            p = " ".join(rng.sample(pool, rng.randint(2, 5)))
        paras.append(p)
        size += len(p) + 2
    return paras


def _near_copy(rng: random.Random, paras: list[str]) -> list[str]:
    """A lightly edited reprint: one paragraph dropped or one sentence reworded at its end."""
    out = list(paras)
    if len(out) > 3 and rng.random() < 0.5:
        del out[rng.randrange(1, len(out))]
    else:
        i = rng.randrange(len(out))
        out[i] = out[i].rstrip(".") + ", officials said."
    return out


def generate(n: int, seed: int = 7) -> dict[str, str]:
    """n articles as {file name: text}; the same n and seed give the same bytes."""
    rng = random.Random(seed)
    pool, names = sentences(), states()
    shared = [" ".join(rng.sample(pool, 3)) for _ in range(12)]
    articles: dict[str, str] = {}
    bodies: list[tuple[str, list[str]]] = []
    for i in range(n):
        kind = rng.random()
        publisher = rng.choice(PUBLISHERS)
        if bodies and kind < 0.08:
            title, paras = rng.choice(bodies)            # an exact reprint under another name
        elif bodies and kind < 0.16:
            title, base = rng.choice(bodies)
            paras = _near_copy(rng, base)
        else:
            title = " ".join(rng.choice(pool).split()[:8]).rstrip(",.;:")
            paras = _swap_names(rng, _paragraphs(rng, pool, shared), names)
            bodies.append((title, paras))
        day = 1 + i % 28
        front = [f"title: {json.dumps(title)}", f"date: 20{10 + i % 15:02d}-{1 + i % 12:02d}-{day:02d}"]
        if publisher:
            front.append(f"publisher: {publisher}")
        articles[f"a{i:06d}.txt"] = "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(paras) + "\n"
    return articles


def write(out: Path, n: int, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed).items():
        p = out / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write(args.out, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
