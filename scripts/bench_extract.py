"""Extraction speed beside spaCy's own pipeline on the same text, in the same run (ratios, not seconds).

    python scripts/bench_extract.py [FOLDER ...] [--repeat N]

Prints characters per second on one core (CPU time of this process, so other processes on the machine
count for little) for: kg's extraction (patterns, parse of the sentences that need it, NER where a name
is unknown), kg's patterns alone (no parser), spaCy's full en_core_web_sm pipeline, and its tagger and
parser alone; then how much of the text kg parses, where kg's time goes, and kg's speed as a multiple
of the full pipeline. Defaults to the dev articles (tests/corpus/dev and dev-wide).
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
    from kg.extract import _plan, extract, extract_many
    from kg.extract.normalize import view_document
    from kg.extract.parse import _nlp, parse_many
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
    # what kg parses, and the parse's share of kg's time (the same parse_many call extract_many makes)
    viewed = [view_document(d)[0] for d in docs]
    plans = [_plan(v, rules) for v in viewed]
    asked = [(v.text, [(x.start, x.end) for x in plan], ner) for v, (plan, ner, _) in zip(viewed, plans)]
    parse_time = _best(lambda: parse_many(asked), args.repeat)
    parser_time = _best(lambda: parse_many([(t, spans, set()) for t, spans, _ in asked]), args.repeat)
    kg_time = chars / speeds["kg extraction (patterns + parse where needed)"]
    sentences = sum(len(planned[0]) for _, _, planned in plans)
    parsed = [(e - s, k in ner) for _, spans, ner in asked for k, (s, e) in enumerate(spans)]
    in_sentences = sum(len(v.text[x.start:x.end]) for v, (_, _, planned) in zip(viewed, plans) for x in planned[0])
    print(f"{len(docs)} documents, {chars:,} characters, best of {args.repeat} runs, one process, CPU time")
    for name, cps in speeds.items():
        print(f"  {name:48s} {cps / 1000:8.1f} kchar/s")
    print(f"kg parses {len(parsed)} of {sentences} sentences ({sum(n for n, _ in parsed) / in_sentences:.0%} of their "
          f"characters), NER on {sum(1 for _, x in parsed if x)} ({sum(n for n, x in parsed if x) / in_sentences:.0%}); "
          f"of kg's time the tagger and parser take {parser_time / kg_time:.0%}, NER "
          f"{(parse_time - parser_time) / kg_time:.0%}, the rest {(kg_time - parse_time) / kg_time:.0%}")
    full = speeds["spaCy en_core_web_sm, full pipeline"]
    print(f"kg extraction / spaCy full pipeline: {speeds['kg extraction (patterns + parse where needed)'] / full:.2f}x")


if __name__ == "__main__":
    main()
