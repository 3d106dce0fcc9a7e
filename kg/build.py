"""Run the pipeline: read documents, extract them (in worker processes, through the extraction cache),
corroborate, turn it all into RDF and store it atomically (or write it as N-Quads shards for a server's
bulk loader, kg.shards, the store left as it was); `add` and `remove` change the live build
by the difference instead of rewriting it, reading only what the change touches from the live build's
index (kg.live_index).

Memory stays flat with the corpus: workers return packed extractions straight into the cache; a whole
build then indexes each document's summary into the live index one at a time and corroborates from
there in bounded batches (_index_streamed, _corroboration_streamed), and the quads of each document are
made from its cached extraction while the store loads them. kg add into an empty store, and a change the
index cannot make (other rules or writing code, a discovered actor's reading moved) rewrite the build the
same way. Only a change by difference without a live index (_change, _difference) holds every summary.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import pickle
import sys
import time
import zlib
from collections import Counter
from contextlib import closing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.cache import (CACHE_FILE, Cache, Summary, cache_key, cache_row, extractor_digest, portable, unpack_full,
                      writer_digest)
from kg.corroborate import (ActorEdge, ActorStats, Corroboration, CopyLink, Side, Source, copies_among, corroborate,
                             find_contests, find_copies, publisher_source, side_key, sources_of)
from kg.documents import Document, parse_document
from kg.errors import DocumentError, KgError, StoreError
from kg.extract import Extraction, extract_many
from kg.read import read_paths
from kg.rdf import (ID, KG, LOG_GRAPH, PREFIXES, build_log_quads, corroboration_quads, extraction_quads, parse_rule_quads,
                    rule_quads, rules_used, source_node, used_actors, vocabulary_quads)
from kg.rules import Rules, load_rules
from kg import live_index
from kg.minhash import MinHash
from kg.shards import DEFAULT_SHARD_BYTES, ShardSummary, ShardWriter, check_shard_folder, sorted_runs
from kg.store import Store
from kg.user_dirs import user_cache_dir

_STORED_DOCS = """
PREFIX kg: <https://w3id.org/kg/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?name ?text WHERE { ?d a kg:Document ; kg:fileName ?name ; schema:text ?text } ORDER BY ?name
"""
_STORED_HASHES = """
PREFIX kg: <https://w3id.org/kg/ns#>
SELECT ?name ?sha WHERE { ?d a kg:Document ; kg:fileName ?name ; kg:sha256 ?sha }
"""
_STORED_RULES = "PREFIX kg: <https://w3id.org/kg/ns#> SELECT ?h WHERE { ?run a kg:ExtractionRun ; kg:rulesHash ?h }"

# documents sent to a worker at once: enough text for the parser to fill its batches, little enough
# that a few batches in flight per worker keep memory flat
BATCH_CHARS = 50_000
BATCH_DOCS = 32

# documents done, of how many; bytes of text done, of how many
Progress = Callable[[int, int, int, int], None]


@dataclass
class BuildSummary:
    store: str
    documents: int
    sentences: int
    repeated_sentences: int
    actor_mentions: int
    actors: int
    claims: int
    mentions: int
    quads: int
    seconds: float
    warnings: list[str] = field(default_factory=list)  # the readers': lines skipped, encodings guessed
    skipped: int = 0                                   # records (JSON lines) left out
    replaced: list[str] = field(default_factory=list)  # kg add: stored documents given again with other text
    extracted: int = 0   # documents extracted this time (the others came from the extraction cache)
    how: str = "written"  # written: a whole new build (quads: written) | changed: the live build by the
    #                       difference (quads: removed and added) | shards: written as shard files (store: their folder)
    shards: int = 0         # shard files written (how == "shards")
    largest_shard: int = 0  # bytes of the largest


def stored_documents(store: Store, rules: Rules) -> list[Document]:
    """Documents already in the store, re-read from their stored text (what offsets index into)."""
    if not store.exists():
        return []
    return [parse_document(row["name"].value, row["text"].value, rules) for row in store.query(_STORED_DOCS)]


def documents_named(store: Store, names: list[str] | tuple[str, ...] = (), rules: Rules | None = None
                    ) -> list[Document]:
    """Stored documents by file name (all of them when no names are given); unknown names are errors."""
    docs = {d.file_name: d for d in stored_documents(store, rules or load_rules())}
    if not docs:
        raise StoreError(f"{store.path}: no kg store here; run `kg build FOLDER` first")
    for n in names:
        if n not in docs:
            raise DocumentError(f"{n}: no such document in the store")
    return [docs[n] for n in names] if names else list(docs.values())


def with_discovered(rules: Rules, extractions: list[Extraction]) -> Rules:
    """The rules with every document's own actors (names NER found, groups named by agent nouns) beside
    the listed ones."""
    # as extraction left them (a title may have said whom a person acts for); a listed actor never yields
    versions: dict[str, Counter] = {}
    for ex in extractions:
        for k, a in sorted(ex.discovered.items()):
            versions.setdefault(k, Counter())[ex.rules.actors.get(k, a) if ex.rules else a] += 1
    found = majority_readings(versions)
    return replace(rules, actors={**found, **rules.actors}) if found else rules


def majority_readings(versions: dict[str, Counter]) -> dict:
    """One name, two readings (NER called it a person here, an organisation there): the reading most
    documents give, a person before an organisation on a tie, whatever order the documents come in."""
    return {k: max(v, key=lambda a: (v[a], _READING_ORDER.get(a.type, 0), repr(a))) for k, v in sorted(versions.items())}


_READING_ORDER = {"person": 3, "organisation": 2, "group": 1}


# --- extraction: a pure function of each document, run here, in worker processes or on a Dask cluster

def extract_rows(docs: list[Document], rules: Rules, extractor: str) -> list[tuple[str, bytes, bytes]]:
    """Extract documents and pack each as a cache row (what a worker sends back: no spaCy objects)."""
    return [cache_row(cache_key(ex.document.sha256, extractor), portable(ex)) for ex in extract_many(docs, rules)]


_WORKER_RULES: Rules | None = None


def _init_worker(stock_digest: str | None, packed_rules: bytes) -> None:
    """The worker's rules: those the forkserver read (kg.worker_preload) when the writer's are the rules in
    force, unchanged (stock_digest) and read from the same files (the digest), else the ones sent."""
    global _WORKER_RULES  # sent once per worker process, not with every batch
    preloaded = getattr(sys.modules.get("kg.worker_preload"), "RULES", None)
    if stock_digest and preloaded is not None and preloaded.digest == stock_digest:
        _WORKER_RULES = preloaded  # unpickling the sent rules costs each worker about 0.9 s
    else:
        _WORKER_RULES = pickle.loads(packed_rules)


def _workers_context():
    """The forkserver context extraction workers start from; the first call starts the forkserver, which
    reads the rules and loads the parser (kg.worker_preload) while the caller goes on (reading the rules
    and the files), so the workers fork with both ready. Forkserver: workers do not inherit the writer's
    open store, threads or locks."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", "kg.build", "kg.worker_preload"])
    from multiprocessing import forkserver
    forkserver.ensure_running()
    return ctx


def _more_than_a_batch(paths: Iterable[str | Path]) -> bool:
    """Whether the files under paths hold more than one batch's text, so that workers may be started
    (a smaller input is extracted in the writer: no forkserver need load the parser for it)."""
    size = 0
    for p in paths:
        for root, _, files in os.walk(p) if os.path.isdir(p) else [("", [], [str(p)])]:
            for f in files:
                try:
                    size += os.stat(os.path.join(root, f)).st_size
                except OSError:
                    continue  # read_paths names what cannot be read
                if size > BATCH_CHARS:
                    return True
    return False


def _worker_rows(docs: list[Document], extractor: str) -> list[tuple[str, bytes, bytes]]:
    return extract_rows(docs, _WORKER_RULES, extractor)


def _batches(docs: Iterable[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    size = 0
    for d in docs:
        batch.append(d)
        size += len(d.text)
        if size >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _in_processes(batches: Iterator[list[Document]], rules: Rules, extractor: str, jobs: int) -> Iterator[list]:
    first = list(islice(batches, 2))
    if jobs <= 1 or len(first) < 2:  # one batch (an added article or two): not worth starting workers
        for b in chain(first, batches):
            yield extract_rows(b, rules, extractor)
        return
    batches = chain(first, batches)
    # the rules pickled once, not once per worker; load_rules() gives the one object it has read
    try:
        stock = rules.digest if rules is load_rules() else None
    except KgError:  # the rules in force do not load now: the writer's own are sent
        stock = None
    pool = ProcessPoolExecutor(jobs, mp_context=_workers_context(), initializer=_init_worker,
                               initargs=(stock, pickle.dumps(rules)))
    try:
        pending = {pool.submit(_worker_rows, b, extractor) for b in islice(batches, 2 * jobs)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
                pending |= {pool.submit(_worker_rows, b, extractor) for b in islice(batches, 1)}
    finally:
        # on an error or interrupt the queued batches are dropped; workers finish the one they have
        pool.shutdown(wait=True, cancel_futures=True)


def _on_cluster(batches: Iterator[list[Document]], rules: Rules, extractor: str, scheduler: str) -> Iterator[list]:
    """Extraction on an existing Dask cluster (dask is imported only here)."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise KgError("--scheduler needs dask.distributed: pip install 'kg[cluster]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise KgError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
    with client:
        shared = client.scatter(rules, broadcast=True)
        window = 2 * max(1, sum(client.nthreads().values()))
        running = as_completed([client.submit(extract_rows, b, shared, extractor, pure=False)
                                for b in islice(batches, window)])
        for fut in running:
            yield fut.result()
            fut.release()
            for b in islice(batches, 1):
                running.add(client.submit(extract_rows, b, shared, extractor, pure=False))


# --- kg build --shards --jobs N: the documents' quads made, serialized and sorted by worker processes

_WRITER_RULES: Rules | None = None
_LINES_PER_BLOB_BYTE = 25  # a first guess of N-Quads bytes per byte of packed extraction (measured: 29)


def _init_writer(stock_digest: str | None, packed_rules: bytes, found: dict) -> None:
    """The writer's rules: the build's with the readings of its discovered actors (as _with_readings
    made them in the parent); the forkserver's rules when they are the build's (as _init_worker)."""
    global _WRITER_RULES
    preloaded = getattr(sys.modules.get("kg.worker_preload"), "RULES", None)
    base = preloaded if stock_digest and preloaded is not None and preloaded.digest == stock_digest \
        else pickle.loads(packed_rules)
    _WRITER_RULES = replace(base, actors={**found, **base.actors}) if found else base


def _write_document_runs(blobs: list[tuple[str, bytes]], folder: str, max_bytes: int, prefix: str
                         ) -> tuple[list[Path], int]:
    """The documents' quads (cached extractions by file name) in sorted runs folder/PREFIX-*; the runs and
    their bytes."""
    quads = (q for name, blob in blobs for q in extraction_quads(unpack_full(blob, name), _WRITER_RULES))
    return sorted_runs(quads, Path(folder), max_bytes, prefix)


def _document_writers(out: ShardWriter, rules: Rules, jobs: int, cache: Cache, keys: dict[str, str],
                      names: list[str], merged: Rules) -> _DocumentWriters | None:
    """Writer processes for these documents, if there are cores for them and the documents' quads fill more
    than a shard (workers cost a second or two to start)."""
    if jobs < 2 or len(names) < 2:
        return None
    size = 0
    for name in names:
        size += cache.full_size(keys[name]) * _LINES_PER_BLOB_BYTE
        if size > out.max_bytes:
            return _DocumentWriters(out, rules, jobs, cache, keys, names, merged)
    return None


class _DocumentWriters:
    """Worker processes that each turn batches of documents into sorted runs of the shards (kg.shards), so
    making, serializing and sorting the documents' quads, most of a build from the cache, is spread over
    the cores; the parent reads the packed extractions (the cache's SQLite connection is its own, in the
    middle of indexing) and hands the runs to the shard writer, which merges them: the same shards
    whatever the split."""

    def __init__(self, out: ShardWriter, rules: Rules, jobs: int, cache: Cache, keys: dict[str, str],
                 names: list[str], merged: Rules):
        self.out, self.cache, self.keys, self.jobs = out, cache, keys, jobs
        self.todo = iter(names)
        # runs of about a shard each, but at least 4 batches a worker, so that the last ones end together
        self.most = max(1, -(-len(names) // (4 * jobs)))
        self.blob_bytes = self.line_bytes = self.batches = 0
        try:
            stock = rules.digest if rules is load_rules() else None
        except KgError:  # the rules in force do not load now: the build's own are sent
            stock = None
        found = {k: a for k, a in merged.actors.items() if k not in rules.actors}
        self.pool = ProcessPoolExecutor(jobs, mp_context=_workers_context(), initializer=_init_writer,
                                        initargs=(stock, pickle.dumps(rules), found))
        self.pending: dict = {}  # future -> bytes of packed extractions sent

    def __enter__(self) -> _DocumentWriters:
        return self

    def __exit__(self, *exc) -> None:
        # on an error or interrupt the queued batches are dropped; workers finish the one they have
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _batch(self) -> list[tuple[str, bytes]]:
        ratio = self.line_bytes / self.blob_bytes if self.blob_bytes else _LINES_PER_BLOB_BYTE
        batch: list[tuple[str, bytes]] = []
        size = 0
        for name in self.todo:
            blob = self.cache.full_blob(self.keys[name])
            if blob is None:  # pragma: no cover - every key was extracted or checked first
                raise StoreError(f"{self.cache.path}: extraction of {name} missing from the cache")
            batch.append((name, blob))
            size += len(blob)
            if len(batch) >= self.most or size * ratio >= self.out.max_bytes:
                break
        return batch

    def _collect(self, done) -> None:
        for f in done:
            runs, lines = f.result()
            self.out.add_runs(runs)
            self.line_bytes += lines
            self.blob_bytes += self.pending.pop(f)

    def feed(self) -> None:
        """Take in the runs of finished batches and keep two batches a worker in flight."""
        self._collect([f for f in self.pending if f.done()])
        while len(self.pending) < 2 * self.jobs and (batch := self._batch()):
            self.batches += 1
            f = self.pool.submit(_write_document_runs, batch, str(self.out.runs_folder), self.out.max_bytes,
                                 f"doc-{self.batches:07d}")
            self.pending[f] = sum(len(blob) for _, blob in batch)

    def finish(self) -> None:
        """Feed the workers until every document's runs are in."""
        self.feed()
        while self.pending:
            done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
            self._collect(done)
            self.feed()


def _extract(docs: Iterable[Document], rules: Rules, cache: Cache, **options) -> tuple[dict[str, str], int]:
    """Each document's cache key by file name, extracting the documents the cache does not have yet;
    and how many were extracted."""
    runs = _extracting(docs, rules, cache, **options)
    while True:
        try:
            next(runs)
        except StopIteration as done:
            return done.value


def _extracting(docs: Iterable[Document], rules: Rules, cache: Cache, *, jobs: int = 1, scheduler: str | None = None,
                progress: Progress | None = None, total: tuple[int, int] = (0, 0)
                ) -> Iterator[list[tuple[str, bytes, bytes]]]:
    """_extract, yielding each batch's cache rows as they are stored; returns what _extract returns."""
    extractor = extractor_digest(rules)
    keys: dict[str, str] = {}
    size: dict[str, int] = {}
    done = [0, 0]

    def tick(n: int) -> None:
        done[0] += 1
        done[1] += n
        if progress:
            progress(done[0], total[0], done[1], total[1])

    def missing() -> Iterator[Document]:
        for d in docs:
            key = keys[d.file_name] = cache_key(d.sha256, extractor)
            if cache.has(key):
                tick(len(d.text.encode("utf-8")))
            else:
                size[key] = len(d.text.encode("utf-8"))
                yield d

    extracted = 0
    batches = _batches(missing())
    runs = _on_cluster(batches, rules, extractor, scheduler) if scheduler else \
        _in_processes(batches, rules, extractor, jobs)
    for rows in runs:
        cache.put_rows(rows)
        for key, _, _ in rows:
            extracted += 1
            tick(size.pop(key, 0))
        yield rows
    return keys, extracted


# --- corroboration and quads from the cached extractions ----------------------------------------

@dataclass
class _State:
    """A set of documents as the build sees it: their summaries by file name and what follows from all."""

    keys: dict[str, str]                 # file name -> cache key
    summaries: list[Summary]             # by file name
    rules: Rules                         # with every document's own actors
    corroboration: Corroboration


def _copies(summaries: list[Summary]) -> list[CopyLink]:
    """kg.corroborate.find_copies over the cached fingerprints (the text is not held)."""
    return find_copies([s.extraction for s in summaries],
                       {s.extraction.document.id: s.fingerprint for s in summaries})


def corroborate_summaries(summaries: list[Summary], rules: Rules) -> Corroboration:
    """kg.corroborate.corroborate over cached summaries: the same result without holding any text."""
    return corroborate([s.extraction for s in summaries], rules, copies=_copies(summaries),
                       mention_counts={s.extraction.document.id: s.mention_counts for s in summaries})


def _state(keys: dict[str, str], cache: Cache, rules: Rules, loaded: dict | None = None) -> _State:
    """The state of a set of documents; `loaded` keeps summaries read for one state for the next."""
    loaded = {} if loaded is None else loaded
    summaries = []
    for name in sorted(keys):
        if (keys[name], name) not in loaded:
            loaded[keys[name], name] = cache.summary(keys[name], name)
        s = loaded[keys[name], name]
        if s is None:  # pragma: no cover - every key was extracted or checked first
            raise StoreError(f"{cache.path}: extraction of {name} missing from the cache")
        summaries.append(s)
    merged = with_discovered(rules, [s.extraction for s in summaries])
    return _State(keys, summaries, merged, corroborate_summaries(summaries, merged))


def _vocabulary_quads(state: _State) -> Iterator[ox.Quad]:
    extractions = [s.extraction for s in state.summaries]
    yield from vocabulary_quads(state.rules, used_actors(extractions, state.rules))
    yield from parse_rule_quads(extractions, state.rules)


def _shared_quads(state: _State) -> Iterator[ox.Quad]:
    """What no one document makes alone: the vocabulary used, the rules that fired, corroboration."""
    yield from _vocabulary_quads(state)
    yield from corroboration_quads(state.corroboration)


_SOURCE_TYPE = (ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(KG + "Source"))
_SOURCE_LABEL = ox.NamedNode(KG + "sourceLabel")


def _is_source_quad(q: ox.Quad) -> bool:
    return q.predicate == _SOURCE_LABEL or (q.predicate, q.object) == _SOURCE_TYPE


def _source_quads(sources: Iterable[Source]) -> set[ox.Quad]:
    """The quads that describe these sources (as corroboration_quads writes them)."""
    only = Corroboration([], {}, {(str(i), ""): src for i, src in enumerate(sources)}, {}, [])
    return {q for q in corroboration_quads(only) if _is_source_quad(q)}


def _only_in(a: Corroboration, b: Corroboration) -> Corroboration:
    """The entries of a that b lacks or has otherwise: what corroboration quads a has and b may not."""
    copies, contests = set(b.copies), set(b.contests)
    edges = {e.id: e for e in b.actor_edges}
    return Corroboration([c for c in a.copies if c not in copies],
                         {k: v for k, v in a.doc_sources.items() if b.doc_sources.get(k) != v},
                         {k: v for k, v in a.origins.items() if b.origins.get(k) != v},
                         {k: v for k, v in a.support.items() if b.support.get(k) != v},
                         [c for c in a.contests if c not in contests],
                         {k: v for k, v in a.actor_stats.items() if b.actor_stats.get(k) != v},
                         [e for e in a.actor_edges if edges.get(e.id) != e])


def _corroboration_sides(old: Corroboration, new: Corroboration) -> tuple[set[ox.Quad], set[ox.Quad]]:
    """Corroboration quads that may have to go and that may have to come: those of the entries that
    changed, and of the sources no longer (or newly) named; unchanged entries give the same quads."""
    def sources(c: Corroboration) -> set[Source]:
        return set(c.doc_sources.values()) | set(c.origins.values())
    old_sources, new_sources = sources(old), sources(new)
    gone = {q for q in corroboration_quads(_only_in(old, new)) if not _is_source_quad(q)}
    come = {q for q in corroboration_quads(_only_in(new, old)) if not _is_source_quad(q)}
    return gone | _source_quads(old_sources - new_sources), come | _source_quads(new_sources - old_sources)


def _document_quads(state: _State, cache: Cache, names: Iterable[str]) -> Iterator[ox.Quad]:
    for name in names:
        yield from extraction_quads(cache.full(state.keys[name], name), state.rules)


def _log(doc_ids: Iterable[str], rules: Rules, started: str) -> list[ox.Quad]:
    """The build's log graph; doc_ids in file-name order (read once: they may be streamed)."""
    ended = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    h, n = hashlib.sha256(f"{started}|".encode()), 0
    for i, doc_id in enumerate(doc_ids):
        h.update(f"{'|' if i else ''}{doc_id}".encode())
        n += 1
    return list(build_log_quads(h.hexdigest()[:16], started, ended, rules, n))


def _ids(state: _State) -> list[str]:
    return [s.extraction.document.id for s in state.summaries]


def _summary(store: Store, state: _State, quads: int, t0: float, extracted: int, how: str) -> BuildSummary:
    exs = [s.extraction for s in state.summaries]
    return BuildSummary(
        store=str(store.path) if store else "", documents=len(exs),
        sentences=sum(s.sentences for s in state.summaries),
        repeated_sentences=sum(s.repeated for s in state.summaries),
        actor_mentions=sum(s.actor_mentions for s in state.summaries),
        actors=len({a.actor for e in exs for a in e.actors}),
        claims=len(state.corroboration.support),
        mentions=sum(len(e.mentions) for e in exs),
        quads=quads, seconds=round(time.perf_counter() - t0, 2), extracted=extracted, how=how)


def _write_whole(store: Store, state: _State, cache: Cache, rules: Rules, started: str, t0: float,
                 extracted: int) -> BuildSummary:
    return _recorded(store, store.replace(_all_quads(state, cache, rules, started)), state, cache, t0, extracted)


def _recorded(store: Store, live, state: _State, cache: Cache, t0: float, extracted: int) -> BuildSummary:
    """Note the build just made live as this code's, index it, and sum it up."""
    cache.record_build(Path(str(live)).name, writer_digest())
    _index_whole(cache, state, Path(str(live)).name if isinstance(store, Store) else None)
    return _summary(store, state, store.count(), t0, extracted, "written")  # quads stored, not emitted


def _index_whole(cache: Cache, state: _State, build_name: str | None) -> None:
    """Index every document of a build just made live (kg.live_index), so the next kg add or kg remove
    reads only what it touches; a store on a SPARQL server is not changed by difference, so not indexed."""
    db = cache.db
    with db:
        live_index.clear(db)
        if build_name is None:
            return
        sources = state.corroboration.doc_sources
        for s in state.summaries:
            name = s.extraction.document.file_name
            live_index.add_document(db, name, state.keys[name], s, sources[s.extraction.document.id], state.rules)
        live_index.put_edges(db, {}, {(e.subject, e.object, e.quad_class): e for e in state.corroboration.actor_edges})
        counts = _summary(None, state, 0, 0.0, 0, "")
        live_index.set_totals(db, {k: getattr(counts, k) for k in live_index.TOTALS})
        live_index.set_build(db, build_name)


def _all_quads(state: _State, cache: Cache, rules: Rules, started: str) -> Iterator[ox.Quad]:
    yield from _shared_quads(state)
    yield from _document_quads(state, cache, (s.extraction.document.file_name for s in state.summaries))
    yield from _log(_ids(state), state.rules, started)


def _cache_path(store: Store) -> Path:
    """The extraction cache: inside a store directory; for a store on a SPARQL server, in the user's
    cache folder under a name made from its URL."""
    if isinstance(store, Store):
        return store.path / CACHE_FILE
    return user_cache_dir() / f"{hashlib.sha256(str(store.path).encode()).hexdigest()[:16]}-{CACHE_FILE}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _jobs(jobs: int | None) -> int:
    return max(1, jobs or os.cpu_count() or 1)


def build(paths: Iterable[str | Path], store: Store, rules: Rules | None = None, *, jobs: int | None = None,
          scheduler: str | None = None, progress: Progress | None = None, shards: str | Path | None = None,
          shard_size: int = DEFAULT_SHARD_BYTES) -> BuildSummary:
    """Replace the store's graph with the graph of the documents under paths; with `shards`, write that
    graph as N-Quads shard files in that folder instead (kg.shards), leaving the store's live build as it is.

    Every file is read and checked before the store changes; a failed build leaves the previous one live."""
    t0, started = time.perf_counter(), _now()
    if shards is not None:
        check_shard_folder(Path(shards))  # before any file is read: a folder in the way fails at once
    paths = list(paths)  # walked twice: sized here, read below
    if _jobs(jobs) > 1 and not scheduler and _more_than_a_batch(paths):
        _workers_context()  # the parser loads in the forkserver while the rules and files are read
    rules = rules or load_rules()
    reading = read_paths(paths, rules)
    docs = reading.documents
    total = (len(docs), sum(len(d.text.encode("utf-8")) for d in docs))
    reading = replace(reading, documents=[])
    # shards: the store is neither read nor changed (a server is not even contacted); the lock guards the cache
    with store.writing(check=shards is None), Cache(_cache_path(store)) as cache:
        done: dict = {}
        options = dict(jobs=_jobs(jobs), scheduler=scheduler, progress=progress, total=total, started=started)
        try:
            if shards is None:
                with closing(_streamed_quads(_handed_over(docs), rules, cache, done, **options)) as quads:
                    written = store.replace(quads)
            else:
                # closed first (workers stopped now, not when the traceback lets go of the generator), then
                # the shard writer removes what they wrote
                with ShardWriter(shards, shard_size) as out, closing(_streamed_quads(
                        _handed_over(docs), rules, cache, done, writers=partial(_document_writers, out, rules,
                                                                                _jobs(jobs)), **options)) as quads:
                    out.add_quads(quads)
                    written = out.finish()
        except BaseException:
            cache.db.rollback()  # the index goes on describing the build left live
            raise
        if shards is None:
            summary = _recorded_streamed(store, written, cache, t0, done["extracted"])
        else:
            summary = _recorded_shards(written, cache, t0, done["extracted"])
    return replace(summary, warnings=reading.warnings, skipped=reading.skipped)


# the name the index and the cache give a build written as shards (never a store build's name: kg.store)
SHARDS_BUILD = "shards:"


def _recorded_shards(shards: ShardSummary, cache: Cache, t0: float, extracted: int) -> BuildSummary:
    """_recorded_streamed for a build written as shards: the index, made while the quads were written,
    now describes the shards (kg add and kg remove refuse to change it: _refuse_shards), and its
    extractions stay cached for the next build."""
    name = SHARDS_BUILD + str(Path(shards.directory).resolve())
    cache.record_build(name, writer_digest())
    db = cache.db
    with db:
        counts = live_index.whole_totals(db)
        live_index.set_totals(db, counts)
        live_index.set_build(db, name)
    return BuildSummary(store=shards.directory, quads=shards.quads, seconds=round(time.perf_counter() - t0, 2),
                        extracted=extracted, how="shards", shards=shards.shards, largest_shard=shards.largest,
                        **counts)


def _refuse_shards(cache: Cache, store: Store, command: str) -> None:
    """kg add and kg remove change the build the index describes; one written as shards cannot be."""
    built = live_index.indexed_build(cache.db) or ""
    if built.startswith(SHARDS_BUILD):
        raise StoreError(f"{store.path}: the last build went to shards in {built[len(SHARDS_BUILD):]}, which "
                         f"kg {command} cannot change; build again with the new files (`kg build PATHS --shards "
                         f"NEW_DIR`: cached extractions are reused) or into the store (`kg build PATHS`)")


def _write_streamed(store: Store, keys: dict[str, str], cache: Cache, rules: Rules, started: str, t0: float,
                    extracted: int) -> BuildSummary:
    """Write a whole new build of already extracted documents the way kg build does, one summary at a
    time (kg add into an empty store, a rebuild after the rules or the writing code changed)."""
    try:
        live = store.replace(_indexed_quads(cache, keys, rules, started))
    except BaseException:
        cache.db.rollback()  # the index goes on describing the build left live
        raise
    return _recorded_streamed(store, live, cache, t0, extracted)


def _recorded_streamed(store: Store, live, cache: Cache, t0: float, extracted: int) -> BuildSummary:
    """_recorded for a build indexed while it was written (_index_streamed): only its counts and name are
    left to note; a store on a SPARQL server is not changed by difference, so its index is dropped."""
    name = Path(str(live)).name
    cache.record_build(name, writer_digest())
    db = cache.db
    with db:
        counts = live_index.whole_totals(db)
        live_index.set_totals(db, counts)
        if isinstance(store, Store):
            live_index.set_build(db, name)
        else:
            live_index.clear(db)
    return BuildSummary(store=str(store.path), quads=store.count(), seconds=round(time.perf_counter() - t0, 2),
                        extracted=extracted, how="written", **counts)


def _handed_over(docs: list[Document]) -> Iterator[Document]:
    """The documents in order, each let go once taken: no text is held after its extraction is cached."""
    docs.reverse()
    while docs:
        yield docs.pop()


def _final_alone(ex: Extraction, rules: Rules) -> bool:
    """Whether a document's quads are the same whatever else the corpus holds: every claim is between
    listed actors (a discovered actor's label is the reading most documents give)."""
    return all(x in rules.actors for m in ex.mentions for x in (m.claim.subject, m.claim.object))


def _streamed_quads(docs: Iterable[Document], rules: Rules, cache: Cache, done: dict, *, started: str,
                    writers: Callable | None = None, **options) -> Iterator[ox.Quad]:
    """A whole build's quads, the quads of each newly extracted document that needs nothing from the rest
    of the corpus as soon as its batch comes back (so the store loads them while workers extract), the
    rest once every document is in and indexed (kg.live_index); done gets how many were extracted. With
    `writers` (kg build --shards --jobs N), _indexed_quads hands the rest's documents to them."""
    early: set[tuple[str, str]] = set()
    runs = _extracting(iter(docs), rules, cache, **options)
    while True:
        try:
            rows = next(runs)
        except StopIteration as stop:
            keys, done["extracted"] = stop.value
            break
        for key, _, full in rows:
            ex = pickle.loads(zlib.decompress(full))
            if _final_alone(ex, rules):
                early.add((ex.document.file_name, key))
                yield from extraction_quads(ex, rules)
    yield from _indexed_quads(cache, keys, rules, started, early, writers)


def _indexed_quads(cache: Cache, keys: dict[str, str], rules: Rules, started: str,
                   early: set[tuple[str, str]] = frozenset(), writers: Callable | None = None) -> Iterator[ox.Quad]:
    """The quads of every document in keys (file name -> cache key) but the `early` ones already written,
    and all they make together, from the live index this writes one summary at a time (flat memory).
    writers(cache, keys, names, merged rules), if given, may take the documents' quads over (a
    _DocumentWriters, fed while the quads the documents make together are yielded, then waited for)."""
    db = cache.db
    merged, copies = _index_streamed(cache, keys, rules)
    names = [name for name in sorted(keys) if (name, keys[name]) not in early]
    together = chain(vocabulary_quads(merged, {a for (a,) in db.execute("SELECT DISTINCT actor FROM live_use")}),
                     rule_quads(set(db.execute("SELECT DISTINCT rule, relation, predicate FROM live_rule"))),
                     _corroboration_streamed(db, merged, copies))
    handed = writers(cache, keys, names, merged) if writers else None
    if handed is None:
        yield from together
        for name in names:
            yield from extraction_quads(cache.full(keys[name], name), merged)
    else:
        with handed:
            handed.feed()
            for n, q in enumerate(together, 1):
                if n % 20_000 == 0:
                    handed.feed()
                yield q
            handed.finish()
    yield from _log(live_index.doc_ids_in_order(db), merged, started)


# documents, mentions, claims and actor pairs per batch of the streamed corroboration: bounded memory
_DOC_BATCH = 1000
_MENTION_BATCH = 5000
_CLAIM_BATCH = 2000


def _index_streamed(cache: Cache, keys: dict[str, str], rules: Rules) -> tuple[Rules, list[CopyLink]]:
    """Index every document of a whole build (kg.live_index), reading one summary at a time, and return
    the rules with the documents' own actors and the copy links: first what each document holds alone,
    then the readings and copy families over all, then each document's mentions with its source."""
    db = cache.db
    live_index.clear(db)  # in one transaction with all below, committed once the build is live
    for name in sorted(keys):
        live_index.add_head(db, name, keys[name], _summary_of(cache, keys, name))
    merged = _with_readings(rules, live_index.readings(db, live_index.found_keys(db) - set(rules.actors)))
    copies: list[CopyLink] = []
    for group in live_index.copy_candidates(db):
        docs, prints = _region_documents(db, group)
        found = copies_among(docs, prints)
        copies += found
        live_index.set_sources(db, sources_of(docs, found, merged))
    after = ""  # documents in no family: by file name, a batch at a time (no cursor open while updating)
    while rows := db.execute("SELECT name, id, sha, date, publisher FROM live_doc WHERE source IS NULL AND "
                             "name > ? ORDER BY name LIMIT ?", (after, _DOC_BATCH)).fetchall():
        docs = [Document(i, n, "", sha, date=date, publisher=publisher) for n, i, sha, date, publisher in rows]
        live_index.set_sources(db, sources_of(docs, [], merged))
        after = rows[-1][0]
    for name in sorted(keys):
        source = live_index.decode_source(
            db.execute("SELECT source FROM live_doc WHERE name = ?", (name,)).fetchone()[0])
        live_index.add_mentions(db, name, _summary_of(cache, keys, name), source, merged)
    return merged, sorted(copies, key=lambda c: c.doc)


def _summary_of(cache: Cache, keys: dict[str, str], name: str) -> Summary:
    s = cache.summary(keys[name], name, shared=False)
    if s is None:  # pragma: no cover - every key was extracted or checked first
        raise StoreError(f"{cache.path}: extraction of {name} missing from the cache")
    return s


def _corroboration_streamed(db, rules: Rules, copies: list[CopyLink]) -> Iterator[ox.Quad]:
    """corroboration_quads of a whole build, read from its index in bounded batches: the copies, each
    document's source, each mention's origin, per batch of actor pairs their claims' support and contests,
    per batch of figure sides their contests, the actor counts and the network's edges (kept in the index)."""
    yield from corroboration_quads(Corroboration(copies, {}, {}, {}, []))
    for rows in live_index.documents_in_order(db, _DOC_BATCH):
        yield from corroboration_quads(Corroboration([], {i: live_index.decode_source(src) for _, _, i, *_, src in rows},
                                                     {}, {}, []))
    for origins in live_index.origins_in_order(db, _MENTION_BATCH):
        yield from corroboration_quads(Corroboration([], {}, origins, {}, []))
    edges: dict[tuple[str, str, str], ActorEdge] = {}
    pairs: set[str] = set()
    claims: dict = {}

    def by_pairs() -> Iterator[ox.Quad]:
        # every contest but figures lies within one actor pair: its claim and the negation, the reverse,
        # or cooperation against conflict between the two
        support = live_index.support(db, claims)
        for claim_id, c in sorted(claims.items()):
            if not c.negated:
                key = (c.subject, c.object, rules.relation_classes.get(c.relation, ""))
                e = edges.setdefault(key, ActorEdge(*key))
                e.claims += 1
                e.sources += len(support[claim_id].origins)
        polarity = {(c.id, replace(c, negated=not c.negated).id) for c in claims.values()}
        initiation = {(c.id, replace(c, subject=c.object, object=c.subject, negated=False).id) for c in claims.values()}
        sides = [Side(d, m, o) for _, _, d, m, o in live_index.contest_sides(db, polarity, initiation, pairs, set())]
        contests = [c for c in find_contests(sides, rules) if c.kind != "figures"]
        yield from corroboration_quads(Corroboration([], {}, {}, support, contests))
        pairs.clear()
        claims.clear()
    for pair, claim in live_index.claims_by_pair(db):
        if pair not in pairs and len(claims) >= _CLAIM_BATCH:
            yield from by_pairs()
        pairs.add(pair)
        claims[claim.id] = claim
    if claims:
        yield from by_pairs()
    for skeys in live_index.figure_sides(db, _CLAIM_BATCH):
        # figures are compared between the sides of an act (a party counts with its country): by sides
        sides = [Side(d, m, o) for _, _, d, m, o in live_index.contest_sides(db, set(), set(), set(), skeys)]
        yield from corroboration_quads(Corroboration([], {}, {}, {}, [c for c in find_contests(sides, rules)
                                                                      if c.kind == "figures"]))
    stats = {a: ActorStats(*v) for a, v in live_index.all_actor_rows(db).items()}
    yield from corroboration_quads(Corroboration([], {}, {}, {}, [], stats, [edges[k] for k in sorted(edges)]))
    live_index.put_edges(db, {}, edges)


# --- kg add, kg remove: the live build changed by the difference --------------------------------

def _stored_keys(store: Store, rules: Rules, cache: Cache, jobs: int) -> tuple[dict[str, str], bool, int]:
    """The live build's documents as cache keys by file name; whether the build can be changed by the
    difference (made with these rules, every document's extraction cached); how many were re-extracted."""
    if not store.exists():
        return {}, False, 0
    extractor = extractor_digest(rules)
    db = store.open()
    stored = {r["name"].value: cache_key(r["sha"].value, extractor) for r in db.query(_STORED_HASHES)}
    # the live build was made with these rules and by this code (else its quads may not be what this
    # code would make of its documents)
    # (a store on a SPARQL server has no builds to derive from: it is always written whole)
    same_rules = isinstance(store, Store) and [r["h"].value for r in db.query(_STORED_RULES)] == [rules.digest] \
        and cache.build_writer(store.current_build().name) == writer_digest()
    missing = [n for n, k in stored.items() if not cache.has(k)]
    if not missing:
        return stored, same_rules, 0
    # built by another kg or other rules, or the cache was deleted: extract again from the stored text
    wanted = set(missing)
    texts = (parse_document(r["name"].value, r["text"].value, rules) for r in db.query(_STORED_DOCS)
             if r["name"].value in wanted)
    _, extracted = _extract(texts, rules, cache, jobs=jobs)
    return stored, False, extracted


def _labels_moved(old: _State, new: _State, unchanged: list[Summary]) -> bool:
    """True when an actor whose label differs between the two states is named by a claim of an unchanged
    document (its claim labels would change too: the difference would not be enough)."""
    moved = {k for k in set(old.rules.actors) | set(new.rules.actors)
             if getattr(old.rules.actors.get(k), "label", None) != getattr(new.rules.actors.get(k), "label", None)}
    return bool(moved) and any(m.claim.subject in moved or m.claim.object in moved
                               for s in unchanged for m in s.extraction.mentions)


def _difference(old: _State, new: _State, cache: Cache) -> tuple[list[ox.Quad], list[ox.Quad]] | None:
    """The quads to remove from and add to the old graph to make the new one; None when only a whole
    rewrite is safe."""
    changed_old = sorted(n for n, k in old.keys.items() if new.keys.get(n) != k)
    changed_new = sorted(n for n, k in new.keys.items() if old.keys.get(n) != k)
    unchanged = [s for s in new.summaries if s.extraction.document.file_name in old.keys
                 and old.keys[s.extraction.document.file_name] == new.keys[s.extraction.document.file_name]]
    ids = {s.extraction.document.id for s in unchanged}
    changed_ids = {s.extraction.document.id for st, names in ((old, set(changed_old)), (new, set(changed_new)))
                   for s in st.summaries if s.extraction.document.file_name in names}
    if ids & changed_ids or _labels_moved(old, new, unchanged):
        return None
    made_old = set(_document_quads(old, cache, changed_old))
    corroboration_old, corroboration_new = _corroboration_sides(old.corroboration, new.corroboration)
    old_side = set(_vocabulary_quads(old)) | corroboration_old | made_old
    new_side = set(_vocabulary_quads(new)) | corroboration_new | set(_document_quads(new, cache, changed_new))
    publishers = {source_node(publisher_source(s.extraction.document.publisher, new.rules))
                  for s in new.summaries if s.extraction.document.publisher}
    gone = sorted((q for q in old_side - new_side
                   if not _still_made(q, made_old, new.corroboration.support, publishers)), key=str)
    return gone, sorted(new_side - old_side, key=str)


def _still_made(q: ox.Quad, made_old: set, support, publishers: set) -> bool:
    """A claim's own quads and a publisher's node are made by every document stating or naming them:
    they stay while an unchanged document still does."""
    if q not in made_old:
        return False
    claims = ID + "claim/"
    for term in (q.subject, q.graph_name):
        if isinstance(term, ox.NamedNode) and term.value.startswith(claims):
            return term.value[len(claims):] in support
    return q.subject in publishers


def _change(store: Store, cache: Cache, rules: Rules, old_keys: dict[str, str], new_keys: dict[str, str],
            delta_ok: bool, started: str, t0: float, extracted: int) -> BuildSummary:
    """Make the live build that of new_keys: by the difference from old_keys when delta_ok (both sets'
    summaries held), else rewritten whole."""
    if not delta_ok:  # other rules or writing code, or the index found a reading moved: streamed like kg build
        return _write_streamed(store, new_keys, cache, rules, started, t0, extracted)
    loaded: dict = {}
    new = _state(new_keys, cache, rules, loaded)
    diff = _difference(_state(old_keys, cache, rules, loaded), new, cache)
    if diff is None:
        return _write_whole(store, new, cache, rules, started, t0, extracted)
    gone, added = diff
    log = _log(_ids(new), new.rules, started)

    def apply(db: ox.Store) -> None:
        for q in [*db.quads_for_pattern(None, None, None, LOG_GRAPH), *gone]:
            db.remove(q)
        db.extend([*added, *log])
    live = store.derive(apply).name
    cache.record_build(live, writer_digest())
    _index_whole(cache, new, live)
    return _summary(store, new, len(gone) + len(added), t0, extracted, "changed")


# --- kg add, kg remove through the live build's index: only what the change touches is read ---------

def _indexed(store: Store, cache: Cache, rules: Rules) -> bool:
    """Whether the index describes the live build, made by this code with these rules and extractor."""
    if not isinstance(store, Store) or not store.exists():
        return False
    live = store.current_build().name
    if live_index.indexed_build(cache.db) != live or cache.build_writer(live) != writer_digest():
        return False
    row = cache.db.execute("SELECT key, sha FROM live_doc LIMIT 1").fetchone()
    if row is None or row[0] != cache_key(row[1], extractor_digest(rules)):
        return False
    return [r["h"].value for r in store.query(_STORED_RULES)] == [rules.digest]


def _with_readings(rules: Rules, versions: dict[str, Counter]) -> Rules:
    found = majority_readings(versions)
    return replace(rules, actors={**found, **rules.actors}) if found else rules


def _copy_region(db, seeds: set[str]) -> set[str]:
    """The documents (ids) linked to the seeds through shared MinHash bands, transitively: every copy
    family a seed belongs to or could join lies within them (find_copies compares nothing else)."""
    region, frontier = set(seeds), set(seeds)
    sql = ("SELECT DISTINCT b2.id FROM live_band b1 JOIN live_band b2 ON b1.band = b2.band "
           "AND b1.bucket = b2.bucket WHERE b1.id IN ({})")
    while frontier:
        found = {i for (i,) in live_index.rows_where(db, sql, frontier)}
        frontier = found - region
        region |= found
    return region


@dataclass
class _Touched:
    """What a change reaches: claims (with the claims they are contested against), actor pairs, sides of
    figures, actors named and used, rules, and the discovered actors of the changed documents."""

    claims: set[str]
    polarity: set[tuple[str, str]]      # each claim and its negation
    initiation: set[tuple[str, str]]    # each claim and its reverse
    edges: set[tuple[str, str, str]]
    pairs: set[str]
    skeys: set[str]
    actors: set[str]
    uses: set[str]
    triples: set
    found_keys: set[str]
    claim_of: dict = field(default_factory=dict)   # claim id -> Claim


@dataclass
class _View:
    """Corroboration, rules and vocabulary use of the touched part of the corpus, before or after a change."""

    corroboration: Corroboration
    rules: Rules
    used: set[str]
    rule_uses: set[tuple[str, str, str]]


def _touched(db, rules: Rules, new_rules: Rules, before: set[str], removed: set[str], new_sum: dict) -> _Touched:
    """What the documents in `before` (as indexed) and the new ones (their summaries) reach."""
    mentions = [m for *_, m, _ in live_index.sides_of(db, before)] + \
        [m for s in new_sum.values() for m in s.extraction.mentions]
    claims = {m.claim for m in mentions}
    skeys = {live_index.pair_of(side_key(m.claim.subject, new_rules), side_key(m.claim.object, new_rules))
             for s in new_sum.values() for m in s.extraction.mentions if m.quantity and not m.claim.negated}
    skeys |= {sk for (sk,) in live_index.rows_where(
        db, "SELECT skeys FROM live_side WHERE skeys IS NOT NULL AND name IN ({})", before)}
    actors = {a for (a,) in live_index.rows_where(db, "SELECT actor FROM live_actor WHERE name IN ({})", before)} \
        | {a for s in new_sum.values() for a in s.mention_counts}
    uses = {a for (a,) in live_index.rows_where(db, "SELECT actor FROM live_use WHERE name IN ({})", removed)} \
        | {a for s in new_sum.values() for a in used_actors([s.extraction], new_rules)}
    triples = set(live_index.rows_where(db, "SELECT rule, relation, predicate FROM live_rule WHERE name IN ({})",
                                        removed)) | {t for s in new_sum.values() for t in rules_used(s.extraction, rules)}
    found = ({k for (k,) in live_index.rows_where(db, "SELECT key FROM live_found WHERE name IN ({})", removed)}
             | {k for s in new_sum.values() for k in s.extraction.discovered}) - set(rules.actors)
    return _Touched(
        claims={c.id for c in claims},
        polarity={(c.id, replace(c, negated=not c.negated).id) for c in claims},
        initiation={(c.id, replace(c, subject=c.object, object=c.subject, negated=False).id) for c in claims},
        edges={(c.subject, c.object, rules.relation_classes.get(c.relation, "")) for c in claims if not c.negated},
        pairs={live_index.pair_of(c.subject, c.object) for c in claims}, skeys=skeys, actors=actors, uses=uses,
        triples=triples, found_keys=found, claim_of={c.id: c for c in claims})


def _in_touched(contest, t: _Touched, rules: Rules) -> bool:
    """Whether a contest is one of the touched ones (find_contests saw all it needs for those alone)."""
    a, b = contest.a.mention.claim, contest.b.mention.claim
    if contest.kind == "cooperation_conflict":
        return live_index.pair_of(a.subject, a.object) in t.pairs
    if contest.kind == "figures":
        return live_index.pair_of(side_key(a.subject, rules), side_key(a.object, rules)) in t.skeys
    return a.id in t.claims or b.id in t.claims


def _view(db, rules: Rules, t: _Touched, doc_sources: dict[str, Source], copies: list[CopyLink],
          affected: set[str]) -> _View:
    """What the index holds now for the touched claims, pairs, actors, vocabulary and rules; `affected`:
    the documents whose mentions' origins may differ between the two views."""
    contest_rows = live_index.contest_sides(db, t.polarity, t.initiation, t.pairs, t.skeys)
    own = live_index.sides_of(db, affected)
    named = {x for *_, m, _ in contest_rows + own for x in (m.claim.subject, m.claim.object, m.speaker) if x}
    keys = (named | t.uses | t.found_keys) - set(rules.actors)
    view_rules = _with_readings(rules, live_index.readings(db, keys))
    refs = {x for k in keys if k in view_rules.actors for x in (view_rules.actors[k].country, view_rules.actors[k].party,
                                                                *(r.actor for r in view_rules.actors[k].represents)) if x}
    if refs - set(view_rules.actors):
        view_rules = _with_readings(rules, live_index.readings(db, keys | refs))
    sides = [Side(d, m, o) for _, _, d, m, o in contest_rows]
    contests = [c for c in find_contests(sides, view_rules) if _in_touched(c, t, view_rules)]
    origins = {(d, m.id(d)): o for _, _, d, m, o in own}
    stats = {a: ActorStats(*v) for a, v in sorted(live_index.actor_rows(db, t.actors).items())}
    return _View(Corroboration(copies, dict(doc_sources), origins, live_index.support(db, t.claims), contests, stats),
                 view_rules, live_index.used(db, t.uses), live_index.rules_touching(db, t.triples))


def _edges_after(old: dict, before: Corroboration, after: Corroboration, t: _Touched, rules: Rules) -> dict:
    """The touched actor edges as the claims whose support changed leave them (an edge sums its claims)."""
    new = {k: replace(e) for k, e in old.items()}
    for claim_id, c in sorted(t.claim_of.items()):
        was, now = before.support.get(claim_id), after.support.get(claim_id)
        if c.negated or was == now:
            continue
        key = (c.subject, c.object, rules.relation_classes.get(c.relation, ""))
        e = new.setdefault(key, ActorEdge(*key))
        e.claims += (now is not None) - (was is not None)
        e.sources += (len(now.origins) if now else 0) - (len(was.origins) if was else 0)
    return {k: e for k, e in new.items() if e.claims > 0}


def _region_documents(db, ids: set[str]) -> tuple[list[Document], dict]:
    docs, prints = [], {}
    sql = "SELECT name, id, sha, date, publisher, prints, scheme FROM live_doc WHERE id IN ({})"
    for name, doc_id, sha, date, publisher, hv, scheme in live_index.rows_where(db, sql, ids):
        docs.append(Document(doc_id, name, "", sha, date=date, publisher=publisher))
        prints[doc_id] = MinHash.from_bytes(hv, scheme)
    return docs, prints


def change_indexed(store: Store, cache: Cache, rules: Rules, removed: set[str], added: dict[str, str],
                   started: str, t0: float, extracted: int) -> BuildSummary | None:
    """Take the documents named `removed` out of the live build and put the `added` (file name -> cache
    key) in, reading from the index only the copy families, actor pairs, actors and rules they touch;
    None when that is not enough (a discovered actor's reading moved): then the caller rewrites."""
    db = cache.db
    db.execute("SAVEPOINT live_change")
    try:
        summary = _change_by_index(store, cache, rules, removed, added, started, t0, extracted)
    except BaseException:
        db.execute("ROLLBACK TO live_change")
        db.execute("RELEASE live_change")
        raise
    db.execute("ROLLBACK TO live_change" if summary is None else "RELEASE live_change")
    if summary is None:
        db.execute("RELEASE live_change")
    return summary


def _change_by_index(store: Store, cache: Cache, rules: Rules, removed: set[str], added: dict[str, str],
                     started: str, t0: float, extracted: int) -> BuildSummary | None:
    db = cache.db
    new_sum = {name: cache.summary(key, name) for name, key in sorted(added.items())}
    old_rows = {n: (k, i) for n, k, i in live_index.rows_where(db, "SELECT name, key, id FROM live_doc WHERE name IN ({})",
                                                               removed)}
    if any(s is None for s in new_sum.values()) or any(not cache.has(k) for k, _ in old_rows.values()):
        return None
    removed_ids = {i for _, i in old_rows.values()}
    added_ids = {s.extraction.document.id for s in new_sum.values()}
    clash = {n for (n,) in live_index.rows_where(db, "SELECT name FROM live_doc WHERE id IN ({})", added_ids)}
    if clash - removed:
        return None
    added_found = [(k, a) for s in new_sum.values() for k, a in s.extraction.discovered.items()]
    found_keys = ({k for (k,) in live_index.rows_where(db, "SELECT key FROM live_found WHERE name IN ({})", removed)}
                  | {k for k, _ in added_found}) - set(rules.actors)
    old_versions = live_index.readings(db, found_keys)
    new_versions = live_index.readings(db, found_keys, without=removed, extra=added_found)
    old_read, new_read = majority_readings(old_versions), majority_readings(new_versions)
    if any(k in old_read and k in new_read and old_read[k] != new_read[k] for k in found_keys):
        return None  # an unchanged document's claims may read the actor otherwise: rewrite whole
    new_rules = _with_readings(rules, new_versions)

    # copy families: the region of documents sharing MinHash bands with the changed ones
    for name, s in new_sum.items():
        db.executemany("INSERT INTO live_band VALUES (?,?,?)",
                       [(b, h, s.extraction.document.id) for b, h in live_index.bands_of(s.hashvalues)])
    region = _copy_region(db, removed_ids | added_ids)
    old_docs, prints = _region_documents(db, region)
    new_docs = [d for d in old_docs if d.id not in removed_ids] + [s.extraction.document for s in new_sum.values()]
    prints.update({s.extraction.document.id: s.fingerprint for s in new_sum.values()})
    old_copies, new_copies = copies_among(old_docs, prints), copies_among(new_docs, prints)
    old_src, new_src = sources_of(old_docs, old_copies, rules), sources_of(new_docs, new_copies, rules)
    moved = {d.file_name for d in new_docs if d.id in old_src and old_src[d.id] != new_src[d.id]}

    # what the change touches: claims, actor pairs, sides of figures, actors named and used, rules
    before = removed | moved
    t = _touched(db, rules, new_rules, before, removed, new_sum)
    # sources the removed documents and their mentions named, for telling which sources stay named
    speakers = {sp for (sp,) in live_index.rows_where(
        db, "SELECT DISTINCT speaker FROM live_side WHERE speaker IS NOT NULL AND name IN ({})", removed)}
    old_doc_sources = {live_index.decode_source(src) for (src,) in live_index.rows_where(
        db, "SELECT source FROM live_doc WHERE name IN ({})", before)}
    publishers = {publisher_source(p, rules) for (p,) in live_index.rows_where(
        db, "SELECT publisher FROM live_doc WHERE publisher IS NOT NULL AND publisher != '' AND name IN ({})", removed)}

    old = _view(db, rules, t, {d.id: old_src[d.id] for d in old_docs}, old_copies, before)
    old_edges = live_index.edges(db, t.edges)
    made_old = {q for n, (k, _) in sorted(old_rows.items()) for q in extraction_quads(cache.full(k, n), old.rules)}
    counts = Counter(live_index.totals(db))
    counts.subtract(live_index.document_totals(db, removed))

    # the index as the new build will be
    live_index.remove_documents(db, removed)
    # the added documents' bands went in above to find the region; they go in again with their rows
    for i in range(0, len(added_ids), 500):
        chunk = sorted(added_ids)[i:i + 500]
        db.execute(f"DELETE FROM live_band WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    for name, s in new_sum.items():
        live_index.add_document(db, name, added[name], s, new_src[s.extraction.document.id], new_rules)
    for d in new_docs:
        if d.file_name in moved:
            live_index.set_source(db, d.file_name, new_src[d.id], new_rules)
    new = _view(db, rules, t, {d.id: new_src[d.id] for d in new_docs}, new_copies, moved | set(added))
    new_edges = _edges_after(old_edges, old.corroboration, new.corroboration, t, rules)
    live_index.put_edges(db, old_edges, new_edges)
    old.corroboration.actor_edges = [old_edges[k] for k in sorted(old_edges)]
    new.corroboration.actor_edges = [new_edges[k] for k in sorted(new_edges)]
    made_new = {q for n, s in new_sum.items() for q in extraction_quads(cache.full(added[n], n), new.rules)}

    def named_before(src: Source) -> bool:
        if src in old_doc_sources:
            return True
        if src.kind == "actor" and src.id in speakers and src.id in old.rules.actors \
                and old.rules.actors[src.id].type != "group" and old.rules.actors[src.id].label == src.label:
            return True
        return live_index.source_named(db, src, old.rules, without=set(added) | moved, speakers_without=set(added))

    def sources(c: Corroboration) -> set[Source]:
        return set(c.doc_sources.values()) | set(c.origins.values())
    candidates = sources(old.corroboration) | sources(new.corroboration)
    was = {s for s in candidates if named_before(s)}
    now = {s for s in candidates if live_index.source_named(db, s, new.rules)}
    gone_c = {q for q in corroboration_quads(_only_in(old.corroboration, new.corroboration)) if not _is_source_quad(q)}
    come_c = {q for q in corroboration_quads(_only_in(new.corroboration, old.corroboration)) if not _is_source_quad(q)}
    old_side = set(vocabulary_quads(old.rules, old.used)) | set(rule_quads(old.rule_uses)) | gone_c \
        | _source_quads(was - now) | made_old
    new_side = set(vocabulary_quads(new.rules, new.used)) | set(rule_quads(new.rule_uses)) | come_c \
        | _source_quads(now - was) | made_new
    still_published = {source_node(p) for p in publishers if db.execute(
        "SELECT 1 FROM live_doc WHERE source = ? AND publisher IS NOT NULL AND publisher != '' LIMIT 1",
        (live_index.encode_source(p),)).fetchone()}

    gone = sorted((q for q in old_side - new_side
                   if not _still_made(q, made_old, new.corroboration.support, still_published)), key=str)
    come = sorted(new_side - old_side, key=str)
    log = _log([i for (i,) in db.execute("SELECT id FROM live_doc ORDER BY name")], new.rules, started)

    def apply(ox_db: ox.Store) -> None:
        for q in [*ox_db.quads_for_pattern(None, None, None, LOG_GRAPH), *gone]:
            ox_db.remove(q)
        ox_db.extend([*come, *log])
    counts.update(live_index.document_totals(db, added))
    counts["claims"] += len(new.corroboration.support) - len(old.corroboration.support)
    counts["actors"] += len(new.corroboration.actor_stats) - len(old.corroboration.actor_stats)
    live_index.set_totals(db, counts)
    live = store.derive(apply).name
    live_index.set_build(db, live)
    db.execute("DELETE FROM build")
    db.execute("INSERT INTO build VALUES (?, ?)", (live, writer_digest()))
    t = live_index.totals(db)
    return BuildSummary(store=str(store.path), quads=len(gone) + len(come), seconds=round(time.perf_counter() - t0, 2),
                        extracted=extracted, how="changed", **t)


def add(paths: Iterable[str | Path], store: Store, rules: Rules | None = None, *, jobs: int | None = None,
        scheduler: str | None = None, progress: Progress | None = None) -> BuildSummary:
    """Add documents to the store; a document with the same file name is replaced, nothing is duplicated.
    Only the new documents are extracted."""
    t0, started = time.perf_counter(), _now()
    rules = rules or load_rules()
    reading = read_paths(paths, rules)  # every file is read (and checked) before anything changes
    docs = reading.documents
    total = (len(docs), sum(len(d.text.encode("utf-8")) for d in docs))
    with store.writing(), Cache(_cache_path(store)) as cache:
        _refuse_shards(cache, store, "add")
        indexed = _indexed(store, cache, rules)
        if indexed:
            given = [d.file_name for d in docs]
            stored = {n: (k, sha) for n, k, sha in live_index.rows_where(
                cache.db, "SELECT name, key, sha FROM live_doc WHERE name IN ({})", given)}
            replaced = sorted(d.file_name for d in docs if stored.get(d.file_name, ("", d.sha256))[1] != d.sha256)
            keys, more = _extract(docs, rules, cache, jobs=min(_jobs(jobs), len(docs)), scheduler=scheduler,
                                  progress=progress, total=total)
            changed = {n: k for n, k in keys.items() if stored.get(n, ("",))[0] != k}
            summary = change_indexed(store, cache, rules, {n for n in changed if n in stored}, changed, started, t0,
                                     more)
            if summary is not None:
                return replace(summary, warnings=reading.warnings, skipped=reading.skipped, replaced=replaced)
        stored_sha = {r["name"].value: r["sha"].value for r in store.query(_STORED_HASHES)} if store.exists() else {}
        replaced = sorted(d.file_name for d in docs if stored_sha.get(d.file_name, d.sha256) != d.sha256)
        stored, delta_ok, extracted = _stored_keys(store, rules, cache, _jobs(jobs))
        keys, more = _extract(docs, rules, cache, jobs=min(_jobs(jobs), len(docs)), scheduler=scheduler,
                              progress=progress, total=total)
        if not stored:
            summary = _write_streamed(store, keys, cache, rules, started, t0, more)
        else:
            # a change the index was asked for and found not enough (a reading moved) is rewritten whole
            summary = _change(store, cache, rules, stored, {**stored, **keys}, delta_ok and not indexed, started,
                              t0, extracted + more)
    return replace(summary, warnings=reading.warnings, skipped=reading.skipped, replaced=replaced)


@dataclass
class PruneSummary:
    cache: str
    dropped: int         # extractions dropped
    kept: int
    bytes_before: int    # the cache file's size
    bytes_after: int


def prune_cache(store: Store, rules: Rules | None = None) -> PruneSummary:
    """Drop the cached extractions neither the live build nor the rules in force use (removed or replaced
    documents, earlier rules or extraction code): the live build's own and those the next change would
    read stay, so `kg add` and `kg remove` still change the build in place; after `kg build --shards`,
    that build's stay too, so building it again extracts nothing."""
    rules = rules or load_rules()
    if not store.exists() and not _cache_path(store).exists():
        raise StoreError(f"{store.path}: no kg store here; run `kg build FOLDER` first")
    with store.writing(), Cache(_cache_path(store)) as cache:
        before = cache.path.stat().st_size
        extractor = extractor_digest(rules)
        keep = {cache_key(r["sha"].value, extractor) for r in store.query(_STORED_HASHES)} if store.exists() else set()
        indexed = live_index.indexed_build(cache.db) or ""
        # the documents of the live build, and of the last build if it went to shards (the next builds')
        if indexed.startswith(SHARDS_BUILD) or isinstance(store, Store) and store.exists() \
                and indexed == store.current_build().name:
            keep |= {k for (k,) in cache.db.execute("SELECT key FROM live_doc")}  # made with other rules
        dropped, kept = cache.prune(keep)
    return PruneSummary(str(cache.path), dropped, kept, before, cache.path.stat().st_size)


def _check_removable(names: list[str], stored: set[str], count: int) -> None:
    unknown = [n for n in names if n not in stored]
    if unknown:
        raise DocumentError(f"{unknown[0]}: no such document in the store"
                            + (f" (nor {len(unknown) - 1} more)" if len(unknown) > 1 else ""))
    if len(set(names)) >= count:
        raise DocumentError("that would remove every document; build the store anew instead")


def remove(names: Iterable[str], store: Store, rules: Rules | None = None) -> BuildSummary:
    """Take documents (by stored file name) out of the store, with everything only they said; unknown
    names are an error and change nothing."""
    t0, started = time.perf_counter(), _now()
    rules = rules or load_rules()
    names = list(dict.fromkeys(names))
    with store.writing(), Cache(_cache_path(store)) as cache:
        _refuse_shards(cache, store, "remove")
        if not store.exists():
            raise StoreError(f"{store.path}: no kg store here; run `kg build FOLDER` first")
        indexed = _indexed(store, cache, rules)
        if indexed:
            known = {n for (n,) in live_index.rows_where(cache.db, "SELECT name FROM live_doc WHERE name IN ({})", names)}
            _check_removable(names, known, live_index.totals(cache.db)["documents"])
            summary = change_indexed(store, cache, rules, set(names), {}, started, t0, 0)
            if summary is not None:
                return summary
        stored, delta_ok, extracted = _stored_keys(store, rules, cache, 1)
        _check_removable(names, set(stored), len(stored))
        kept = {n: k for n, k in stored.items() if n not in names}
        return _change(store, cache, rules, stored, kept, delta_ok and not indexed, started, t0, extracted)
