"""The persistent store: an Oxigraph (RocksDB) directory per build, switched atomically.

Layout of a store directory:
    CURRENT            name of the live build (replaced with os.replace, so readers never see half)
    builds/NAME/       an immutable Oxigraph database, written once with bulk loading
    builds/NAME.files  the size of every file of that database when it was sealed (truncation shows)
    lock               held (flock) by the one process that is writing
A failed, interrupted or killed build leaves CURRENT pointing at the previous build, byte for byte.
A store that does not check out (damaged pointer, missing or truncated files) is refused, never
overwritten: the user moves it away, so nothing is deleted that could still be recovered.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import re
import shutil
import uuid
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store_remote import RemoteStore

DEFAULT_STORE = ".kg"
# a build loaded in more batches (of 100,000 quads) than this is compacted once loaded (Store.replace)
COMPACT_AFTER_BATCHES = 16
_BUILD_NAME = re.compile(r"[0-9A-Za-z_-]{1,64}")
# RocksDB rewrites its info log on every open; every other file of a sealed build stays as written
_UNSEALED_FILES = re.compile(r"LOG(\.old\..*)?|LOCK")


class Store:
    """A kg store directory; open() gives a read-only Oxigraph store of the live build."""

    def __init__(self, path: str | Path = DEFAULT_STORE):
        self.path = Path(path)

    # --- reading ----------------------------------------------------------------------------
    def current_build(self) -> Path | None:
        """The live build, checked; None when there is no store here; a damaged store is a StoreError."""
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a kg store (it is a file, not a directory)")
        pointer = self.path / "CURRENT"
        try:
            raw = pointer.read_bytes()
        except FileNotFoundError:
            finished = self._finished_builds()
            if finished:
                raise self._damaged(f"builds/{finished[0].name} is there but the CURRENT pointer is missing") from None
            return None
        except OSError as exc:
            raise StoreError(f"{pointer}: cannot read the store ({exc.strerror})") from None
        name = raw.decode("utf-8", "replace").strip()
        if not raw.endswith(b"\n") or not _BUILD_NAME.fullmatch(name):
            raise self._damaged("the CURRENT pointer is damaged")
        build = self.path / "builds" / name
        if not build.is_dir():
            raise self._damaged(f"CURRENT names build {name}, which is missing")
        self._check_files(build)
        return build

    def exists(self) -> bool:
        return self.current_build() is not None

    def open(self) -> ox.Store:
        build = self.current_build()
        if build is None:
            raise StoreError(f"{self.path}: no kg store here; run `kg build FOLDER` first "
                             f"(or pass --store / set KG_STORE)")
        try:
            return ox.Store.read_only(str(build))
        except (OSError, RuntimeError) as exc:  # RocksDB reports damage as "Corruption: ..."
            raise self._damaged(f"build {build.name} does not open: {_one_line(exc)}") from None

    def check(self) -> None:
        """Raise StoreError unless the store is absent or its live build opens (what writers call first)."""
        if self.current_build() is not None:
            self.open()

    def count(self) -> int:
        """The number of quads in the live build (a scan of the store, not of Python objects)."""
        return len(self.open())

    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query on the live build; syntax errors become QueryError with line:column."""
        store = self.open()
        try:
            return store.query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None

    def dump(self, fmt: ox.RdfFormat, *, without_graphs: Iterable[ox.NamedNode] = (),
             prefixes: dict[str, str] | None = None) -> bytes:
        """Serialize the live build; a triple format (Turtle) gets the union of all graphs."""
        store = self.open()
        skip = set(without_graphs)
        out = io.BytesIO()
        quads = (q for q in store if q.graph_name not in skip)
        items = quads if fmt.supports_datasets else (q.triple for q in quads)
        if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            ox.serialize(items, out, fmt, prefixes=prefixes)
        else:
            ox.serialize(items, out, fmt)
        return out.getvalue()

    @contextmanager
    def pinned(self, build: Path) -> Iterator[None]:
        """Keep a build directory from being deleted by later builds while a server reads it."""
        fh = open(build.parent / f"{build.name}.pin", "a+")
        fcntl.flock(fh, fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    # --- writing ----------------------------------------------------------------------------
    @contextmanager
    def writing(self, check: bool = True) -> Iterator[None]:
        """Hold the writer lock on a store that checks out; a second writer gets a clear error, not a wait.

        check=False: the live build is not opened (a build written as shards holds the lock for the
        extraction cache alone and never reads or changes the store)."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fh = open(self.path / "lock", "a+")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the store ({exc.strerror}); nothing was changed") from None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise StoreError(f"{self.path}: store is in use by another kg process (build or add); "
                             f"try again when it has finished") from None
        try:
            if check:
                self.check()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    def replace(self, quads: Iterable[ox.Quad], batch: int = 100_000) -> Path:
        """Write a new build from quads and make it live in one atomic step. Call inside writing().

        The quads are loaded in bounded batches: one bulk_extend call holds all it is given in memory
        (about 0.7 KB a quad), so a build of any size is written in flat memory. Each batch leaves its own
        table files; compacting them once at the end made the reading commands 2.2-4.4x faster and the
        store 38% smaller at 30,000 articles (93 files), for 35 s, and changed nothing at 1,000 (16 batches,
        20 files: README, "Reading at scale"), so a build of fewer batches is not compacted: the compaction
        is work no other core can share at the end of a build."""
        def load(db: ox.Store) -> None:
            it = iter(quads)
            batches = 0
            while chunk := list(islice(it, batch)):
                db.bulk_extend(chunk)
                batches += 1
            if batches > COMPACT_AFTER_BATCHES:
                db.optimize()
        return self._new_build(load)

    def derive(self, change: Callable[[ox.Store], None]) -> Path:
        """A new build made from a checkpoint of the live one (RocksDB hard links: no copy of the data),
        changed by `change`, then made live in one atomic step (kg add, kg remove). Call inside writing().

        The live build is only read: a failure anywhere leaves it live and untouched."""
        live = self.current_build()
        if live is None:
            raise StoreError(f"{self.path}: no kg store here; run `kg build FOLDER` first")
        return self._new_build(change, start_from=live)

    def _new_build(self, fill: Callable[[ox.Store], None], start_from: Path | None = None) -> Path:
        builds = self.path / "builds"
        name = uuid.uuid4().hex
        tmp = builds / f"{name}.partial"
        try:
            builds.mkdir(parents=True, exist_ok=True)
            for stale in builds.glob("*.partial"):
                shutil.rmtree(stale, ignore_errors=True)
            if start_from is not None:
                ox.Store.read_only(str(start_from)).backup(str(tmp))
            db = ox.Store(str(tmp))
            fill(db)
            db.flush()
            del db
            _write_synced(builds / f"{name}.files", json.dumps(_file_sizes(tmp), sort_keys=True))
            pointer = self.path / "CURRENT.tmp"
            _write_synced(pointer, name + "\n")
            # the build becomes complete, then live: a kill between the two leaves an unnamed build
            # that the next writer deletes, and CURRENT still names the previous one
            os.replace(tmp, builds / name)
            os.replace(pointer, self.path / "CURRENT")
        except BaseException as exc:
            if self._live_name() != name:  # a signal right after the switch must not delete the live build
                shutil.rmtree(tmp, ignore_errors=True)
                shutil.rmtree(builds / name, ignore_errors=True)
                (builds / f"{name}.files").unlink(missing_ok=True)
                if isinstance(exc, (OSError, RuntimeError)):
                    raise StoreError(f"{self.path}: cannot write the new build ({_one_line(exc)}); "
                                     f"the previous build is unchanged") from None
                raise
        for other in builds.iterdir():
            if other.is_dir() and other.name != name and not self._in_use(other):
                shutil.rmtree(other, ignore_errors=True)
        for other in builds.iterdir():  # then the seals and pins of the builds that are gone
            if other.is_file() and not (builds / other.name.split(".")[0]).is_dir():
                other.unlink(missing_ok=True)
        return builds / name

    # --- checks -----------------------------------------------------------------------------
    def _damaged(self, why: str) -> StoreError:
        return StoreError(f"{self.path}: the store is damaged ({why}); nothing was changed. Move it away "
                          f"(mv {self.path} {self.path}.damaged) and run `kg build` again")

    def _finished_builds(self) -> list[Path]:
        builds = self.path / "builds"
        return sorted(p for p in builds.iterdir() if p.is_dir() and "." not in p.name) if builds.is_dir() else []

    def _live_name(self) -> str | None:
        try:
            return (self.path / "CURRENT").read_text(encoding="utf-8").strip()
        except OSError:
            return None

    def _check_files(self, build: Path) -> None:
        """Every file the build was sealed with is there at its sealed size (builds older than the
        seal have no .files and are checked by RocksDB when opened)."""
        try:
            sealed = json.loads((build.parent / f"{build.name}.files").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            raise self._damaged(f"builds/{build.name}.files is unreadable") from None
        found = _file_sizes(build)
        for fname, size in sorted(sealed.items()):
            if fname not in found:
                raise self._damaged(f"builds/{build.name}/{fname} is missing")
            if found[fname] != size:
                raise self._damaged(f"builds/{build.name}/{fname} has {found[fname]} bytes, it was written with {size}")

    @staticmethod
    def _in_use(build: Path) -> bool:
        """True while a `kg serve` holds the build's pin."""
        pin = build.parent / f"{build.name}.pin"
        if not pin.exists():
            return False
        with open(pin, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fh, fcntl.LOCK_UN)
            return False


def _file_sizes(directory: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in directory.iterdir()
            if p.is_file() and not _UNSEALED_FILES.fullmatch(p.name)}


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# stores by the scheme of the --store value; anything without a listed scheme is a local directory
STORES = {"http": RemoteStore, "https": RemoteStore}


def open_store(spec: str | Path = DEFAULT_STORE) -> Store | RemoteStore:
    """The store a --store value names: a SPARQL server by its URL, else a local store directory."""
    scheme = str(spec).split(":", 1)[0].lower() if "://" in str(spec) else ""
    return STORES[scheme](str(spec)) if scheme in STORES else Store(spec)
