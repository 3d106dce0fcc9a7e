"""The extraction cache: every document's extraction kept beside the store, keyed by the hash of its text
and of the extractor (rules, kg version, extraction code), so rebuilds, `kg add` and `kg remove` extract
only the documents they have not seen.

One SQLite file (STORE/extractions.sqlite), two rows' worth per document:
    summary   what corroboration and the vocabulary need (no text, no sentences): read one at a time
    full      the whole extraction with its document, zlib-compressed: read back one at a time for its quads
The live build's index (kg.live_index) shares the file.
A cache is only ever a shortcut: deleting it costs a re-extraction, never a wrong graph.
Both are pickles, sealed with the user's key (kg.sealed) as they are stored: a store folder may come from
someone else. A cache file this user's kg did not make is emptied when opened (its documents are extracted
again); a row changed since it was sealed is an error, never unpickled.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg import __version__
from kg.corroborate import fingerprint, mention_counts
from kg.documents import Document, document_id
from kg.extract import ActorMention, Extraction
from kg.live_index import clear, open_index
from kg.minhash import MinHash
from kg.rules import Rules
from kg.sealed import Unsealed, seal, unseal

CACHE_FILE = "extractions.sqlite"
_OWNED = b"kg extraction cache"  # sealed in a cache this user's kg made
ROW_FORMAT = 2  # raise when summarize() or the rows change: older rows are then never read


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The extraction code itself: an edited extractor must not be served old results."""
    root = Path(__file__).parent
    h = hashlib.sha256(f"{__version__}|{ROW_FORMAT}".encode())
    for f in sorted([*root.glob("extract/*.py"), root / "documents.py", root / "rules.py", root / "minhash.py"]):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def writer_digest() -> str:
    """The code that turns extractions into the graph: a build made by other code is rewritten whole,
    never changed by a difference computed with this code."""
    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for f in ("rdf.py", "corroborate.py", "build.py", "cache.py"):
        h.update(f.encode() + b"\0" + (root / f).read_bytes())
    return h.hexdigest()


def extractor_digest(rules: Rules) -> str:
    return hashlib.sha256(f"{_code_digest()}|{rules.digest}".encode()).hexdigest()


def cache_key(doc_sha256: str, extractor: str) -> str:
    return hashlib.sha256(f"{doc_sha256}|{extractor}".encode()).hexdigest()


@dataclass
class Summary:
    """One document's extraction reduced to what corroboration and the vocabulary read of it."""

    extraction: Extraction   # document without text, no sentences, one actor mention per actor
    hashvalues: bytes        # MinHash of the text (kg.corroborate.fingerprint)
    sentences: int
    repeated: int
    actor_mentions: int
    scheme: str = ""         # the MinHash's hashing scheme (kg.minhash.SCHEME)
    mention_counts: dict = field(default_factory=dict)  # actor -> its distinct mentions in the document

    @property
    def fingerprint(self) -> MinHash:
        return MinHash.from_bytes(self.hashvalues, self.scheme)


def portable(ex: Extraction) -> Extraction:
    """An extraction without what only a live run needs (the trace, the per-document rules), with each
    discovered actor as this document left it (a title may have said whom a person acts for)."""
    found = {k: (ex.rules.actors.get(k, a) if ex.rules else a) for k, a in ex.discovered.items()}
    return replace(ex, trace=[], rules=None, discovered=found)


def summarize(ex: Extraction) -> Summary:
    first: dict[str, ActorMention] = {}
    for am in ex.actors:
        first.setdefault(am.actor, am)
    # quotes are only written as RDF (from the full extraction); corroboration compares the rest
    small = replace(ex, document=replace(ex.document, text=""), sentences=[], events=[],
                    actors=list(first.values()), trace=[], rules=None,
                    mentions=[replace(m, quote="") for m in ex.mentions])
    mh = fingerprint(ex.document.text)
    return Summary(small, mh.to_bytes(), len(ex.sentences),
                   sum(s.repeated for s in ex.sentences), len(ex.actors), mh.scheme,
                   mention_counts(ex))


def cache_row(key: str, ex: Extraction) -> tuple[str, bytes, bytes]:
    """A portable extraction packed as a cache row: (key, summary, full)."""
    return key, pickle.dumps(summarize(ex), protocol=5), zlib.compress(pickle.dumps(ex, protocol=5), 1)


def _as_named(doc: Document, file_name: str) -> Document:
    """The cached document under the name it has now (the same text may have been cached under another)."""
    if doc.file_name == file_name:
        return doc
    return replace(doc, file_name=file_name, id=document_id(file_name, doc.sha256))


def unpack_full(blob: bytes, file_name: str) -> Extraction:
    """A document's whole extraction from its sealed, packed cache row, under the name it has now."""
    ex: Extraction = pickle.loads(zlib.decompress(unseal(blob)))
    return replace(ex, document=_as_named(ex.document, file_name))


class Cache:
    """Extractions by cache key, in one SQLite file; written only by the process holding the store lock."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, summary BLOB, full BLOB)")
        self._db.execute("CREATE TABLE IF NOT EXISTS build (name TEXT PRIMARY KEY, writer TEXT)")
        open_index(self._db)
        self._claim_or_empty()
        self._pool: dict = {}

    def _claim_or_empty(self) -> None:
        """Empty a cache this user's kg did not make (its rows cannot be trusted, nor read: they would
        fail their seals), and mark it as made by this user's kg."""
        self._db.execute("CREATE TABLE IF NOT EXISTS sealed (mark BLOB)")
        rows = self._db.execute("SELECT mark FROM sealed").fetchall()
        try:
            if len(rows) == 1 and unseal(rows[0][0]) == _OWNED:
                return
        except Unsealed:
            pass
        with self._db:
            for table in ("extraction", "build", "sealed"):
                self._db.execute(f"DELETE FROM {table}")
            clear(self._db)
            self._db.execute("INSERT INTO sealed VALUES (?)", (seal(_OWNED),))

    @property
    def db(self) -> sqlite3.Connection:
        """The SQLite connection, for the live build's index (kg.live_index) kept in the same file."""
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        self.close()
        if isinstance(exc, Unsealed) and not str(exc).startswith(str(self.path)):
            raise Unsealed(f"{self.path}: {exc}") from None  # the message names the file

    def record_build(self, name: str, writer: str) -> None:
        """Note which code wrote a build directory (kept for the live one only)."""
        with self._db:
            self._db.execute("DELETE FROM build")
            self._db.execute("INSERT INTO build VALUES (?, ?)", (name, writer))

    def build_writer(self, name: str) -> str | None:
        row = self._db.execute("SELECT writer FROM build WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def has(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM extraction WHERE key = ?", (key,)).fetchone() is not None

    def prune(self, keep: set[str]) -> tuple[int, int]:
        """Drop every extraction whose key is not in keep, in one transaction, then give the freed pages
        back to the file system (VACUUM, itself all or nothing); (dropped, kept)."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM temp.keep")
            self._db.executemany("INSERT OR IGNORE INTO temp.keep VALUES (?)", ((k,) for k in keep))
            dropped = self._db.execute("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM temp.keep)").rowcount
            self._db.execute("DELETE FROM temp.keep")
        (kept,) = self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()
        self._db.execute("VACUUM")
        return dropped, kept

    def put_rows(self, rows: Iterable[tuple[str, bytes, bytes]]) -> None:
        """Store rows made by cache_row (in a worker process, so the writer only inserts)."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?)",
                                 ((k, seal(summary), seal(full)) for k, summary, full in rows))

    def summary(self, key: str, file_name: str, shared: bool = True) -> Summary | None:
        """One document's summary under this file name; shared: its strings and claims pooled with those of
        the summaries read before (for holding many at once; a build that streams them does not)."""
        row = self._db.execute("SELECT summary FROM extraction WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        s: Summary = pickle.loads(unseal(row[0]))
        if not shared:
            s.extraction = replace(s.extraction, document=_as_named(s.extraction.document, file_name))
            return s
        # one object for each claim and rule name across documents: the summaries of every document
        # are held at once
        pool = self._pool
        mentions = [replace(m, quote="", claim=pool.setdefault(m.claim, m.claim), rule=pool.setdefault(m.rule, m.rule),
                            predicate=pool.setdefault(m.predicate, m.predicate),
                            polarity=pool.setdefault(m.polarity, m.polarity)) for m in s.extraction.mentions]
        actors = [replace(a, actor=pool.setdefault(a.actor, a.actor), surface=pool.setdefault(a.surface, a.surface),
                          resolution=pool.setdefault(a.resolution, a.resolution)) for a in s.extraction.actors]
        s.mention_counts = {pool.setdefault(a, a): n for a, n in s.mention_counts.items()}
        s.extraction = replace(s.extraction, document=_as_named(s.extraction.document, file_name), mentions=mentions,
                               actors=actors)
        return s

    def full(self, key: str, file_name: str) -> Extraction | None:
        blob = self.full_blob(key)
        return None if blob is None else unpack_full(blob, file_name)

    def full_blob(self, key: str) -> bytes | None:
        """The sealed, packed extraction as stored: what a process without this connection unpacks."""
        row = self._db.execute("SELECT full FROM extraction WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def full_size(self, key: str) -> int:
        """The bytes of a document's packed extraction (0 if not cached)."""
        row = self._db.execute("SELECT length(full) FROM extraction WHERE key = ?", (key,)).fetchone()
        return row[0] if row else 0
