"""The graph as N-Quads shard files of bounded size, for bulk loading into a SPARQL server's store
(`oxigraph load`, Fuseki's tdb2.tdbloader or Graph Store Protocol POSTs: README, "Large corpora").

The shards are the lines of `kg export graph`, sorted and in order: DIR/graph-00001.nq, graph-00002.nq, ...
concatenated are that export byte for byte, so the same graph always gives the same files. The quads
(read from a store, or as `kg build --shards` makes them, duplicates and all) are serialized in batches
and sorted in runs of at most one shard's size on disk, then merged, each line once, so memory stays
bounded whatever the graph's size. DIR/kg-marker.nq holds the marker kg reads on a SPARQL
server (kg.store_remote): load it last, once every shard is in.
"""
from __future__ import annotations

import hashlib
import heapq
import os
import shutil
import uuid
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import LOG_GRAPH
from kg.store_remote import MARKER_GRAPH, complete_marker

SHARD_NAME = "graph-{:05d}.nq"
MARKER_FILE = "kg-marker.nq"
_READ_BATCH = 50_000  # quads serialized at once
MERGE_FAN_IN = 256    # sorted runs merged at once (each an open file)
DEFAULT_SHARD_BYTES = 64 << 20


class ShardError(KgError):
    """The shard folder cannot be written."""


@dataclass
class ShardSummary:
    directory: str
    shards: int
    quads: int
    bytes: int
    largest: int  # bytes of the largest shard


def export_shards(quads: Iterable[ox.Quad], directory: str | Path, max_bytes: int, *,
                  include_log: bool = False) -> ShardSummary:
    """Write the quads (a store's, in any order) into sorted N-Quads shards of at most max_bytes each
    (a single quad longer than that gets a shard of its own) in directory, which must be new or empty.
    Written beside it first and moved into place at the end: a failure leaves nothing half-written."""
    with ShardWriter(directory, max_bytes) as out:
        out.add_quads(quads, include_log=include_log)
        return out.finish()


class ShardWriter:
    """Shards made from sorted runs: quads given here, or runs other processes wrote into runs_folder
    (kg build --shards --jobs N); finish() merges them all into the shards. Used as a context manager:
    on any failure the folder beside the target is removed, so nothing is left half-written."""

    def __init__(self, directory: str | Path, max_bytes: int):
        self.target = Path(directory)
        check_shard_folder(self.target)
        self.max_bytes = max_bytes
        self.tmp = self.target.parent / f".{self.target.name}.partial-{uuid.uuid4().hex}"
        self.runs_folder = self.tmp / "runs"
        self.runs: list[Path] = []
        self.added = 0

    def __enter__(self) -> ShardWriter:
        try:
            self.runs_folder.mkdir(parents=True)
        except OSError as exc:
            self._failed(exc)
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if exc is None:
            return
        shutil.rmtree(self.tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        raise ShardError(f"{self.target}: cannot write the shards ({exc.strerror or exc}); nothing was written") from None

    def add_quads(self, quads: Iterable[ox.Quad], *, include_log: bool = False) -> None:
        """Sort the quads (but the marker's, and the build log's unless include_log) into runs."""
        skip = {MARKER_GRAPH} | (set() if include_log else {LOG_GRAPH})
        self.added += 1  # each call's runs under names of their own
        self.runs += sorted_runs((q for q in quads if q.graph_name not in skip), self.runs_folder,
                                 self.max_bytes, f"run-{self.added:03d}")[0]

    def add_runs(self, runs: Iterable[str | Path]) -> None:
        """Runs another process sorted into runs_folder (sorted_runs with a prefix of its own)."""
        self.runs += [Path(r) for r in runs]

    def finish(self) -> ShardSummary:
        """Merge every run into the shards, write the marker and move the folder into place."""
        runs, folder = self.runs, self.runs_folder
        while len(runs) > MERGE_FAN_IN:  # never more files open at once than the system allows
            runs = [_merge_into(runs[i:i + MERGE_FAN_IN], folder / f"merged-{n}-{i:06d}")
                    for n, i in ((len(runs), i) for i in range(0, len(runs), MERGE_FAN_IN))]
        summary = _write_shards(_merged(runs), self.tmp, self.max_bytes)
        shutil.rmtree(folder)
        _write_marker(self.tmp, summary)
        if self.target.is_dir():
            self.target.rmdir()  # empty: checked when this writer was made
        os.replace(self.tmp, self.target)
        summary.directory = str(self.target)
        return summary


def check_shard_folder(target: Path) -> None:
    """A ShardError unless target can take the shards: a new or empty folder in an existing one."""
    if target.exists() and not target.is_dir():
        raise ShardError(f"{target}: not a directory; give a new or empty folder for the shards")
    if target.is_dir() and any(target.iterdir()):
        raise ShardError(f"{target}: not empty; give a new or empty folder for the shards (old shards would mix in)")
    if not target.parent.is_dir():
        raise ShardError(f"{target}: cannot make it, no such directory {target.parent}")


def _lines(quads: Iterator[ox.Quad]) -> Iterator[bytes]:
    """Each quad as its N-Quads line, as `kg export graph` writes it (pyoxigraph's serializer)."""
    while batch := list(islice(quads, _READ_BATCH)):
        yield from ox.serialize(batch, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)


def sorted_runs(quads: Iterator[ox.Quad], folder: Path, max_bytes: int, prefix: str = "run"
                ) -> tuple[list[Path], int]:
    """The quads' lines in sorted files folder/PREFIX-00000, ... of about max_bytes each (what one run
    holds in memory), and how many bytes of lines they hold."""
    runs: list[Path] = []
    run: list[bytes] = []
    size = total = 0

    def flush() -> None:
        path = folder / f"{prefix}-{len(runs):05d}"
        with open(path, "wb") as fh:
            fh.writelines(sorted(run))
        runs.append(path)
    for line in _lines(quads):
        run.append(line)
        size += len(line)
        if size >= max_bytes:
            flush()
            total += size
            run, size = [], 0
    if run:
        flush()
    return runs, total + size


def _merged(runs: list[Path]) -> Iterator[bytes]:
    """The runs' lines in one sorted sequence, each once (bytes order is code-point order in UTF-8)."""
    files: list[BinaryIO] = [open(p, "rb") for p in runs]
    try:
        last = None
        for line in heapq.merge(*files):
            if line != last:
                yield line
            last = line
    finally:
        for fh in files:
            fh.close()


def _merge_into(runs: list[Path], path: Path) -> Path:
    """Several sorted runs as one (the runs are deleted)."""
    with open(path, "wb") as fh:
        fh.writelines(_merged(runs))
    for r in runs:
        r.unlink()
    return path


def _write_shards(lines: Iterator[bytes], folder: Path, max_bytes: int) -> ShardSummary:
    # once a quad, in the one process that merges: counts kept in locals, sizes summed per shard
    out: BinaryIO | None = None
    sizes: list[int] = []
    size = quads = 0
    try:
        for line in lines:
            n = len(line)
            if out is None or (size and size + n > max_bytes):
                if out is not None:
                    out.close()
                    sizes.append(size)
                out = open(folder / SHARD_NAME.format(len(sizes) + 1), "wb")
                write = out.write
                size = 0
            write(line)
            size += n
            quads += 1
    finally:
        if out is not None:
            out.close()
            sizes.append(size)
    return ShardSummary(str(folder), len(sizes), quads, sum(sizes), max(sizes, default=0))


def _write_marker(folder: Path, summary: ShardSummary) -> None:
    """The marker a kg reading a SPARQL server needs to take the loaded dataset as a finished build: its
    quad count, and an id made from the shards' bytes (the same shards, the same id)."""
    h = hashlib.sha256()
    for i in range(1, summary.shards + 1):
        with open(folder / SHARD_NAME.format(i), "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    marker = ox.serialize(complete_marker(h.hexdigest()[:32], summary.quads), format=ox.RdfFormat.N_QUADS)
    (folder / MARKER_FILE).write_bytes(marker)
