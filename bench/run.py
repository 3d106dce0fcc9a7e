"""kg's benchmark: build throughput, peak memory, store size and the latency of the reading commands at
several corpus sizes, beside a baseline (rdflib's in-memory Dataset loaded from kg's own N-Quads export)
answering the same questions. A script, not a test: it prints a table and writes JSON.

    python bench/run.py --sizes 100,300,1000            # the seeded synthetic corpus (bench/corpus.py)
    python bench/run.py --corpus FOLDER --sizes 50,200  # the first N files of a real folder

Whole-process latency is a fresh `kg ...` process (start-up included); in-process latency is the library
call alone in a warm process. Each is the median of --runs runs. `kg add` of one article is timed once per
size (it copies the store first), only up to --add-max articles, since it rebuilds what changed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402  (bench/corpus.py)

KG = [sys.executable, "-c", "import sys; sys.argv[0] = 'kg'; from cli import cli; cli()"]
# documents naming this actor, with their file names: an index lookup, however large the store
SELECTIVE = ("SELECT DISTINCT ?doc WHERE { ?am kg:actor ?a ; prov:wasDerivedFrom ?d . ?d kg:fileName ?doc . "
             "?a rdfs:label \"%s\" } ORDER BY ?doc")
BASELINE_SINGLE = """
PREFIX kg: <https://w3id.org/kg/ns#>
SELECT ?claim WHERE { ?m a kg:Mention ; kg:claim ?claim ; kg:origin ?origin }
GROUP BY ?claim HAVING (COUNT(DISTINCT ?origin) = 1)
"""
BASELINE_ACTOR = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/kg/ns#>
SELECT DISTINCT ?claim WHERE { ?claim a kg:Claim . { ?claim rdf:subject ?a } UNION { ?claim rdf:object ?a } }
"""


def run_process(args: list[str], cwd: Path | None = None) -> dict:
    """Run a command; its wall time, CPU time and peak RSS (of that process alone, via wait4)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    # communicate() has reaped the child; its rusage is in RUSAGE_CHILDREN, so take the difference
    if p.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args[3:])} failed: {err.decode()[-400:]}")
    return {"wall": wall, "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}


def timed_child(args: list[str]) -> dict:
    """Wall time, user+system CPU and peak RSS of one child process."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed")
    return {"wall": time.perf_counter() - t0, "cpu": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def corpus_folder(work: Path, n: int, source: Path | None, seed: int) -> Path:
    folder = work / f"corpus-{n}"
    if folder.exists():
        shutil.rmtree(folder)
    if source is None:
        corpus.write(folder, n, seed)
        return folder
    files = sorted(f for f in source.rglob("*") if f.suffix.lower() in (".txt", ".md"))[:n]
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def extraction_alone(folder: Path, limit: int) -> dict:
    """Extraction of up to limit articles in a fresh process (model loading excluded), as articles/s and MB/s."""
    code = f"""
import time, json, sys
from kg.read import read_paths
from kg.extract import extract, extract_many
from kg.rules import load_rules
rules = load_rules()
docs = list(read_paths([{str(folder)!r}], rules).documents)[:{limit}]
extract(docs[0], rules)
t0, c0 = time.perf_counter(), time.process_time()
extract_many(docs, rules)
print(json.dumps({{"articles": len(docs), "mb": sum(len(d.text.encode()) for d in docs) / 1e6,
                  "wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}}))
"""
    r = run_process([sys.executable, "-c", code])
    return json.loads(r["stdout"].strip().splitlines()[-1])


def kg_args(store: Path, *args: str) -> list[str]:
    return [*KG, "--store", str(store), *args]


def in_process(store_path: Path, actor: str, work: Path, runs: int, skip: set[str] = frozenset()) -> dict[str, float]:
    """Library calls in this (warm) process, the same work as the commands minus start-up and printing."""
    from kg import query as q
    from kg.claims import claim_records
    from kg.network import actor_graph, ranked_actors
    from kg.store import Store
    from kg.views import render_html
    store = Store(store_path)
    calls = {
        "query single-source": lambda: q.run_canned(store, "single-source", {}),
        "claims --single-source": lambda: claim_records(store, single_source=True),
        "claims --single-source --limit 20": lambda: claim_records(store, single_source=True, limit=20),
        "claims --actor": lambda: claim_records(store, actor=actor),
        "actors": lambda: ranked_actors(store),
        "graph": lambda: render_html(actor_graph(store, quotes=3)),
        "selective SPARQL": lambda: q.run(store, SELECTIVE % actor),
    }
    return {name: median_time(call, runs) for name, call in calls.items() if name not in skip}


def whole_process(store: Path, actor: str, work: Path, runs: int, skip: set[str] = frozenset(),
                  peaks: dict | None = None) -> dict[str, float]:
    html = work / "graph.html"
    commands = {
        "query single-source": ["query", "single-source", "--format", "csv"],
        "claims --single-source": ["claims", "--single-source"],
        "claims --single-source --limit 20": ["claims", "--single-source", "--limit", "20"],
        "claims --actor": ["claims", "--actor", actor],
        "actors": ["actors"],
        "graph": ["graph", "-o", str(html)],
        "selective SPARQL": ["query", SELECTIVE % actor],
    }
    out = {}
    for name, args in commands.items():
        if name in skip:
            continue
        done = [timed_child(kg_args(store, *args)) for _ in range(runs)]
        out[name] = statistics.median(d["wall"] for d in done)
        if peaks is not None:  # a reading command's memory grows with what it reads (and RocksDB's indexes)
            peaks[name] = max(d["peak_rss_mb"] for d in done)
    return out


def kg_answers(store_path: Path, actor: str) -> dict[str, set[str]]:
    from kg.claims import claim_records
    from kg.store import Store
    store = Store(store_path)
    from kg.query import run_canned
    sparql = {r["claim"].value.rsplit("/", 1)[-1] for r in run_canned(store, "single-source", {}).rows}
    listed = {r.id for r in claim_records(store, single_source=True)}
    if sparql != listed:
        raise SystemExit("bench: kg claims --single-source and kg query single-source disagree")
    return {"single-source": listed,
            "actor": {r.id for r in claim_records(store, actor=actor)}}


def baseline(store: Path, actor_iri: str, work: Path) -> dict:
    """rdflib's in-memory Dataset from kg's N-Quads export: load time, query times and the answers."""
    import rdflib
    nq = work / "export.nq"
    run_process(kg_args(store, "export", "graph", "--format", "nq", "-o", str(nq)))
    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    single = {str(r[0]).rsplit("/", 1)[-1] for r in ds.query(BASELINE_SINGLE)}
    t_single = time.perf_counter() - t0
    t0 = time.perf_counter()
    about = {str(r[0]).rsplit("/", 1)[-1]
             for r in ds.query(BASELINE_ACTOR, initBindings={"a": rdflib.URIRef(actor_iri)})}
    t_actor = time.perf_counter() - t0
    return {"load": load, "single-source": t_single, "actor": t_actor, "quads": len(ds),
            "answers": {"single-source": single, "actor": about}}


def built_store(n: int, args, work: Path) -> tuple[Path, Path, dict]:
    """The corpus folder, the store and its build's wall time, CPU time and peak RSS: a new build, from a
    copy of --cache when given (extraction then skipped), or with --reuse the store a previous run built
    (its figures from build-N.json beside it)."""
    folder, store, record = work / f"corpus-{n}", work / f"store-{n}", work / f"build-{n}.json"
    if args.reuse and (store / "CURRENT").exists() and folder.is_dir():
        return folder, store, (json.loads(record.read_text()) if record.exists() else {})
    folder = corpus_folder(work, n, args.corpus, args.seed)
    shutil.rmtree(store, ignore_errors=True)
    if args.cache:
        store.mkdir(parents=True)
        shutil.copy(args.cache, store / "extractions.sqlite")
    build = {**timed_child(kg_args(store, "build", str(folder))), "cached": bool(args.cache),
             "load_average": os.getloadavg()[0]}
    record.write_text(json.dumps(build), encoding="utf-8")
    return folder, store, build


def measure(n: int, args, work: Path) -> dict:
    folder, store, build = built_store(n, args, work)
    mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    extraction = extraction_alone(folder, args.extract_max) if args.extract_max else None
    size_mb = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6
    from kg.query import store_actor
    from kg.rules import load_rules
    from kg.store import Store
    found = load_rules().actor_by_name(args.actor)
    actor_iri = f"https://w3id.org/kg/id/actor/{found.id}" if found else store_actor(Store(store), args.actor).value
    skip = set(filter(None, args.skip.split(",")))
    peaks: dict[str, float] = {}
    row = {
        "articles": n, "mb": mb, "load_average_before": os.getloadavg()[0],
        "build": {"seconds": build["wall"], "cpu_seconds": build["cpu"], "peak_rss_mb": build["peak_rss_mb"],
                  "mb_per_s": mb / build["wall"], "articles_per_s": n / build["wall"],
                  "mb_per_cpu_s": mb / build["cpu"], "articles_per_cpu_s": n / build["cpu"],
                  "cached": build.get("cached", False), "load_average": build.get("load_average")},
        "extraction": {"articles": extraction["articles"], "mb_per_s": extraction["mb"] / extraction["wall"],
                       "articles_per_s": extraction["articles"] / extraction["wall"],
                       "mb_per_cpu_s": extraction["mb"] / extraction["cpu"]} if extraction else None,
        "store_mb": size_mb,
        "whole_process": whole_process(store, args.actor, work, args.runs, skip, peaks),
        "whole_process_peak_rss_mb": peaks,
        "in_process": in_process(store, args.actor, work, args.runs, skip),
    }
    row["load_average_after"] = os.getloadavg()[0]
    if n <= args.add_max:
        copy = work / f"store-{n}-add"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(store, copy)
        extra = work / "added" / "zz_added_article.txt"
        extra.parent.mkdir(exist_ok=True)
        extra.write_text(next(iter(corpus.generate(1, seed=args.seed + 1).values())), encoding="utf-8")
        row["whole_process"]["add one article"] = timed_child(kg_args(copy, "add", str(extra)))["wall"]
        shutil.rmtree(copy, ignore_errors=True)
    if n <= args.baseline_max:
        import resource
        base = baseline(store, actor_iri, work)
        base["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this process, rdflib loaded
        mine = kg_answers(store, args.actor)
        row["baseline"] = {k: v for k, v in base.items() if k != "answers"}
        row["baseline"]["agree"] = {k: base["answers"][k] == mine[k] for k in mine}
        row["baseline"]["claims"] = {k: len(mine[k]) for k in mine}
        wp = row["whole_process"]
        # the question itself (which claims have one source: what the baseline computes) and the whole
        # `kg claims --single-source` listing with every quote, each against the baseline's answer
        cold = base["load"] + base["single-source"]
        row["baseline"]["ratio_cold_question"] = cold / wp["query single-source"]
        row["baseline"]["ratio_cold_listing"] = cold / wp["claims --single-source"]
        row["baseline"]["ratio_warm_question"] = base["single-source"] / row["in_process"]["query single-source"]
        row["baseline"]["ratio_warm_listing"] = base["single-source"] / row["in_process"]["claims --single-source"]
    return row


def add_latency(stores: list[Path], runs: int, seed: int, work: Path) -> list[dict]:
    """`kg add` of one new article and `kg remove` of it again on built stores, as whole processes and as
    library calls in a warm process; the stores take turns, so a load change hits every size alike."""
    from kg.build import add, remove
    from kg.rules import load_rules
    from kg.store import Store
    rules = load_rules()
    extra = work / "added" / "zz_added_article.txt"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text(next(iter(corpus.generate(1, seed=seed + 1).values())), encoding="utf-8")
    times: dict[Path, dict[str, list[float]]] = {s: {} for s in stores}

    def timed(store: Path, what: str, fn) -> None:
        t0 = time.perf_counter()
        fn()
        times[store].setdefault(what, []).append(time.perf_counter() - t0)
    for store in stores:  # the first add extracts the article (once: the cache keeps it) and indexes an older build
        add([extra], Store(store), rules, jobs=1)
        remove([extra.name], Store(store), rules)
    for _ in range(runs):
        for store in stores:
            timed(store, "add, in process", lambda: add([extra], Store(store), rules, jobs=1))
            timed(store, "remove, in process", lambda: remove([extra.name], Store(store), rules))
            timed(store, "add, whole process", lambda: timed_child(kg_args(store, "add", str(extra))))
            timed(store, "remove, whole process", lambda: timed_child(kg_args(store, "remove", extra.name)))
    out = []
    for store in stores:
        n = Store(store).query("SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/kg/ns#Document> }")
        out.append({"store": str(store), "articles": int(next(iter(n))["n"].value),
                    **{k: statistics.median(v) for k, v in times[store].items()}})
    return out


def print_row(r: dict) -> None:
    b, e = r["build"], r["extraction"]
    print(f"\n== {r['articles']} articles, {r['mb']:.2f} MB ==")
    print(f"build {b['seconds']:.1f} s: {b['mb_per_s']:.3f} MB/s, {b['articles_per_s']:.1f} articles/s "
          f"({b['mb_per_cpu_s']:.3f} MB/s, {b['articles_per_cpu_s']:.1f} articles/s per CPU-second); "
          f"peak RSS {b['peak_rss_mb']:.0f} MB; store {r['store_mb']:.0f} MB"
          + (" (from a full extraction cache: the writer alone)" if b.get("cached") else ""))
    if e:
        print(f"extraction alone ({e['articles']} articles): {e['mb_per_s']:.3f} MB/s, {e['articles_per_s']:.1f} "
              f"articles/s ({e['mb_per_cpu_s']:.3f} MB/s per CPU-second)")
    peaks = r.get("whole_process_peak_rss_mb", {})
    print(f"{'command':36s} {'process s':>10s} {'in-process s':>13s} {'process peak RSS MB':>20s}")
    for name, t in r["whole_process"].items():
        inner, peak = r["in_process"].get(name), peaks.get(name)
        print(f"{name:36s} {t:10.3f} {'' if inner is None else f'{inner:13.3f}'}"
              f"{'' if peak is None else f'{peak:21.0f}'}")
    if "baseline" in r:
        bl = r["baseline"]
        print(f"baseline (rdflib Dataset, {bl['quads']} quads): load {bl['load']:.1f} s, single-source "
              f"{bl['single-source']:.2f} s, actor {bl['actor']:.2f} s; answers agree: {bl['agree']}")
        print(f"single-source, baseline time / kg time: the question (query single-source) cold "
              f"{bl['ratio_cold_question']:.1f}x, warm {bl['ratio_warm_question']:.1f}x; the listing with quotes "
              f"(claims --single-source) cold {bl['ratio_cold_listing']:.1f}x, warm {bl['ratio_warm_listing']:.1f}x")
    print(f"(1-minute load average {r['load_average_before']:.1f} when the latencies began, {r['load_average_after']:.1f} "
          f"at the end, on {os.cpu_count()} CPUs)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,300,1000", help="Corpus sizes in articles, comma-separated.")
    ap.add_argument("--corpus", type=Path, help="A folder of real articles instead of the synthetic corpus.")
    ap.add_argument("--actor", default="Kim Il Sung", help="The actor for `claims --actor` and the selective query.")
    ap.add_argument("--runs", type=int, default=3, help="Runs per latency (the median is reported).")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--extract-max", type=int, default=300, help="Articles timed for extraction alone.")
    ap.add_argument("--add-max", type=int, default=300, help="Time `kg add` only up to this many articles.")
    ap.add_argument("--baseline-max", type=int, default=1000, help="Run the rdflib baseline up to this size.")
    ap.add_argument("--cache", type=Path, help="Build from a copy of this extraction cache (extractions.sqlite): "
                    "the build then times the writer, not extraction.")
    ap.add_argument("--reuse", action="store_true", help="Measure the stores a previous run left in --work "
                    "instead of building them again.")
    ap.add_argument("--skip", default="", help="Latencies not to measure, comma-separated (e.g. graph).")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench")
    ap.add_argument("-o", "--output", type=Path, default=HERE / "results.json")
    ap.add_argument("--add-latency", type=Path, nargs="+", metavar="STORE",
                    help="Only time kg add / kg remove of one article on these built stores (median of --runs).")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it comes, also into a file
    args.work.mkdir(parents=True, exist_ok=True)
    if args.add_latency:
        stores = [s.resolve() for s in args.add_latency]
        os.chdir(HERE.parent)
        rows = add_latency(stores, args.runs, args.seed, args.work)
        print(f"{'articles':>9s} {'add':>8s} {'remove':>8s} {'add':>8s} {'remove':>8s}   (median of {args.runs}: "
              f"in process | whole process, seconds; load average {os.getloadavg()[0]:.1f})")
        for r in rows:
            print(f"{r['articles']:9d} {r['add, in process']:8.2f} {r['remove, in process']:8.2f} "
                  f"{r['add, whole process']:8.2f} {r['remove, whole process']:8.2f}")
        args.output.with_name("add_latency.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        return
    os.chdir(HERE.parent)  # cli.py is imported from the project root
    machine = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
               "processor": platform.processor() or platform.machine(),
               "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        row = measure(n, args, args.work)
        print_row(row)
        rows.append(row)
        args.output.write_text(json.dumps({"machine": machine, "results": rows}, indent=1), encoding="utf-8")
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
