"""The persistent store: an Oxigraph (RocksDB) directory per build, switched atomically.

Layout of a store directory:
    CURRENT          name of the live build (replaced with os.replace, so readers never see half)
    builds/NAME/     an immutable Oxigraph database, written once with bulk loading
    lock             held (flock) by the one process that is writing
A failed or interrupted build leaves CURRENT pointing at the previous build.
"""
from __future__ import annotations

import fcntl
import io
import os
import shutil
import uuid
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError

DEFAULT_STORE = ".kg"


class Store:
    """A kg store directory; open() gives a read-only Oxigraph store of the live build."""

    def __init__(self, path: str | Path = DEFAULT_STORE):
        self.path = Path(path)

    # --- reading ----------------------------------------------------------------------------
    def current_build(self) -> Path | None:
        try:
            name = (self.path / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        build = self.path / "builds" / name
        return build if build.is_dir() else None

    def exists(self) -> bool:
        return self.current_build() is not None

    def open(self) -> ox.Store:
        build = self.current_build()
        if build is None:
            raise StoreError(f"{self.path}: no kg store here; run `kg build FOLDER` first "
                             f"(or pass --store / set KG_STORE)")
        try:
            return ox.Store.read_only(str(build))
        except OSError as exc:
            raise StoreError(f"{build}: cannot open store ({exc})") from None

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
    def writing(self) -> Iterator[None]:
        """Hold the writer lock; a second writer gets a clear error instead of waiting."""
        self.path.mkdir(parents=True, exist_ok=True)
        fh = open(self.path / "lock", "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise StoreError(f"{self.path}: store is in use by another kg process (build or add); "
                             f"try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    def replace(self, quads: Iterable[ox.Quad]) -> Path:
        """Write a new build from quads and make it live in one atomic step. Call inside writing()."""
        builds = self.path / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        for stale in builds.glob("*.partial"):
            shutil.rmtree(stale, ignore_errors=True)
        name = uuid.uuid4().hex
        tmp = builds / f"{name}.partial"
        try:
            db = ox.Store(str(tmp))
            db.bulk_extend(quads)
            db.flush()
            del db
            os.replace(tmp, builds / name)
            pointer = self.path / "CURRENT.tmp"
            pointer.write_text(name + "\n", encoding="utf-8")
            with open(pointer, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(pointer, self.path / "CURRENT")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(builds / name, ignore_errors=True)
            raise
        for other in builds.iterdir():
            if other.is_dir() and other.name != name and not self._in_use(other):
                shutil.rmtree(other, ignore_errors=True)
                (builds / f"{other.name}.pin").unlink(missing_ok=True)
        return builds / name

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

    # --- changing a build in place of rewriting it (kg add, kg remove) ------------------------
    def derive(self, change: Callable[[ox.Store], None]) -> Path:
        """A new build made from a checkpoint of the live one (RocksDB hard links: no copy of the data),
        changed by `change`, then made live in one atomic step. Call inside writing().

        The live build is only read: a failure anywhere leaves it live and untouched."""
        live = self.current_build()
        if live is None:
            raise StoreError(f"{self.path}: no kg store here; run `kg build FOLDER` first")
        builds = self.path / "builds"
        name = uuid.uuid4().hex
        tmp = builds / f"{name}.partial"
        try:
            ox.Store.read_only(str(live)).backup(str(tmp))
            db = ox.Store(str(tmp))
            change(db)
            db.flush()
            del db
            os.replace(tmp, builds / name)
            self._point_to(name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(builds / name, ignore_errors=True)
            raise
        self._drop_unused_builds(name)
        return builds / name

    def replace_in_batches(self, quads: Iterable[ox.Quad], batch: int = 100_000) -> Path:
        """replace(), loading the quads in bounded batches: one bulk_extend call holds all it is given in
        memory (about 0.7 KB a quad), so a build of any size writes in flat memory. Call inside writing()."""
        builds = self.path / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        for stale in builds.glob("*.partial"):
            shutil.rmtree(stale, ignore_errors=True)
        name = uuid.uuid4().hex
        tmp = builds / f"{name}.partial"
        try:
            db = ox.Store(str(tmp))
            it = iter(quads)
            while chunk := list(islice(it, batch)):
                db.bulk_extend(chunk)
            db.flush()
            del db
            os.replace(tmp, builds / name)
            self._point_to(name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(builds / name, ignore_errors=True)
            raise
        self._drop_unused_builds(name)
        return builds / name

    def _point_to(self, name: str) -> None:
        """Make builds/NAME the live build: CURRENT is replaced whole, so a reader sees old or new."""
        pointer = self.path / "CURRENT.tmp"
        pointer.write_text(name + "\n", encoding="utf-8")
        with open(pointer, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(pointer, self.path / "CURRENT")

    def _drop_unused_builds(self, live: str) -> None:
        builds = self.path / "builds"
        for other in builds.iterdir():
            if other.is_dir() and other.name != live and not self._in_use(other):
                shutil.rmtree(other, ignore_errors=True)
                (builds / f"{other.name}.pin").unlink(missing_ok=True)
