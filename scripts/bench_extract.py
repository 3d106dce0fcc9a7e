"""Extraction speed beside spaCy's own pipeline on the same text, in the same run (ratios, not seconds).

    python scripts/bench_extract.py [FOLDER ...] [--repeat N]

Prints characters per second on one core for: kg's extraction (patterns, parse of the sentences that
need it, NER where a name is unknown), kg's patterns alone (no parser), spaCy's full en_core_web_sm
pipeline, and its tagger and parser alone; then kg's speed as a multiple of the full pipeline.
Defaults to the dev articles (tests/corpus/dev and dev-wide).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", default=[ROOT / "tests/corpus/dev", ROOT / "tests/corpus/dev-wide"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the figures say

    from kg.read import read_paths
    from kg.extract import extract, extract_many
    from kg.extract.parse import _nlp
    from kg.rules import load_rules

    rules = load_rules()
    docs = list(read_paths(args.folders, rules).documents)
    texts = [d.text[d.body_start:] for d in docs]
    chars = sum(len(t) for t in texts)
    nlp = _nlp()
    extract(docs[0], rules)  # load the model and build the name index outside the timing

    runs = {
        "kg extraction (patterns + parse where needed)": lambda: extract_many(docs, rules),
        "kg patterns alone (no parser)": lambda: [extract(d, rules, parse=False) for d in docs],
        "spaCy en_core_web_sm, full pipeline": lambda: list(nlp.pipe(texts)),
    }
    speeds = {name: chars / _best(fn, args.repeat) for name, fn in runs.items()}
    with nlp.select_pipes(disable=["ner"]):
        speeds["spaCy tagger + parser (no NER)"] = chars / _best(lambda: list(nlp.pipe(texts)), args.repeat)
    print(f"{len(docs)} documents, {chars:,} characters, best of {args.repeat} runs, one process")
    for name, cps in speeds.items():
        print(f"  {name:48s} {cps / 1000:8.1f} kchar/s")
    full = speeds["spaCy en_core_web_sm, full pipeline"]
    print(f"kg extraction / spaCy full pipeline: {speeds['kg extraction (patterns + parse where needed)'] / full:.2f}x")


if __name__ == "__main__":
    main()
