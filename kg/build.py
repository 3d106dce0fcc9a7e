"""Run the pipeline: read documents, extract each one, turn it into RDF and store it atomically."""
from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

from kg.documents import Document, parse_document
from kg.read import read_paths
from kg.errors import DocumentError, StoreError
from kg.extract import Extraction, extract_many
from kg.corroborate import corroborate
from kg.rdf import (build_log_quads, corroboration_quads, extraction_quads, parse_rule_quads, used_actors,
                    vocabulary_quads)
from kg.rules import Rules, load_rules
from kg.store import Store

_STORED_DOCS = """
PREFIX kg: <https://w3id.org/kg/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?name ?text WHERE { ?d a kg:Document ; kg:fileName ?name ; schema:text ?text } ORDER BY ?name
"""


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
    found = {k: (ex.rules.actors.get(k, a) if ex.rules else a) for ex in extractions
             for k, a in sorted(ex.discovered.items())}
    return replace(rules, actors={**found, **rules.actors}) if found else rules


def _quads(extractions: list[Extraction], rules: Rules, log: list) -> Iterator:
    yield from vocabulary_quads(rules, used_actors(extractions, rules))
    yield from parse_rule_quads(extractions, rules)
    for ex in extractions:
        yield from extraction_quads(ex, rules)
    yield from corroboration_quads(corroborate(extractions, rules))
    yield from log


def _write(store: Store, docs: list[Document], rules: Rules) -> BuildSummary:
    t0 = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    docs = sorted(docs, key=lambda d: d.file_name)
    extractions = extract_many(docs, rules)
    rules = with_discovered(rules, extractions)
    ended = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    build_id = hashlib.sha256(f"{started}|{'|'.join(d.id for d in docs)}".encode()).hexdigest()[:16]
    log = list(build_log_quads(build_id, started, ended, rules, len(docs)))
    store.replace(_quads(extractions, rules, log))
    return BuildSummary(
        store=str(store.path), documents=len(docs),
        sentences=sum(len(e.sentences) for e in extractions),
        repeated_sentences=sum(s.repeated for e in extractions for s in e.sentences),
        actor_mentions=sum(len(e.actors) for e in extractions),
        actors=len({a.actor for e in extractions for a in e.actors}),
        claims=len({m.claim.id for e in extractions for m in e.mentions}),
        mentions=sum(len(e.mentions) for e in extractions),
        quads=store.count(), seconds=round(time.perf_counter() - t0, 2))


def build(paths: Iterable[str | Path], store: Store, rules: Rules | None = None) -> BuildSummary:
    """Replace the store's graph with the graph of the documents under paths."""
    rules = rules or load_rules()
    reading = read_paths(paths, rules)  # every file is read (and checked) before anything is written
    with store.writing():
        summary = _write(store, reading.documents, rules)
    return replace(summary, warnings=reading.warnings, skipped=reading.skipped)


def add(paths: Iterable[str | Path], store: Store, rules: Rules | None = None) -> BuildSummary:
    """Add documents to the store; a document with the same file name is replaced, nothing is duplicated."""
    rules = rules or load_rules()
    reading = read_paths(paths, rules)
    with store.writing():
        by_name = {d.file_name: d for d in stored_documents(store, rules)}
        replaced = sorted(d.file_name for d in reading.documents
                          if d.file_name in by_name and by_name[d.file_name].sha256 != d.sha256)
        by_name.update({d.file_name: d for d in reading.documents})
        summary = _write(store, list(by_name.values()), rules)
    return replace(summary, warnings=reading.warnings, skipped=reading.skipped, replaced=replaced)
