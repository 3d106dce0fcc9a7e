"""MinHash signatures and the banded index that finds near-copy candidates: the same values and the
same candidates as datasketch 2's MinHash (its default "affine32" scheme, seed 1) and MinHashLSH
(threshold 0.6, 128 permutations), without importing datasketch, whose package imports SciPy (0.4 s
of every kg command's start) only to choose the bands kg fixes below. tests/test_minhash.py checks
both against datasketch on real articles.

The values are kept in the extraction cache: computing them otherwise needs kg.cache.ROW_FORMAT raised.
"""
from __future__ import annotations

import hashlib
from typing import Hashable, Iterable

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2: SHA-1 of each item, pre-mixed by MurmurHash3's finalizer, a*h+b mod 2^32
# the bands and rows MinHashLSH(threshold=0.6, num_perm=128) chooses (it integrates its false positive
# and false negative rates over every split): 18 bands of 7 values
BANDS, ROWS = 18, 7
_MAX = np.uint32(0xFFFFFFFF)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations: odd multipliers a and offsets b drawn from numpy's seeded
    RandomState in its order."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (multiplication wraps modulo 2^32, as intended)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class MinHash:
    """A MinHash signature: NUM_PERM values; jaccard() estimates the Jaccard similarity of two sets."""

    __slots__ = ("hashvalues",)
    scheme = SCHEME

    def __init__(self, hashvalues: np.ndarray):
        self.hashvalues = hashvalues

    @classmethod
    def of(cls, items: Iterable[bytes]) -> MinHash:
        """The signature of a set of byte strings."""
        hashes = [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items]
        values = np.full(NUM_PERM, _MAX, dtype=np.uint32)
        if hashes:
            mixed = _fmix32(np.array(hashes, dtype=np.uint32)).reshape(-1, 1)
            values = np.minimum(values, (mixed * _A + _B).min(axis=0))
        return cls(values)

    @classmethod
    def from_bytes(cls, data: bytes, scheme: str) -> MinHash:
        """A signature as the extraction cache keeps it (uint64 values)."""
        if scheme != SCHEME:
            raise ValueError(f"MinHash scheme {scheme!r} is not {SCHEME!r}: the extraction cache was written by "
                             "another kg; delete it")
        return cls(np.frombuffer(data, dtype=np.uint64).astype(np.uint32))

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype(np.uint64).tobytes()

    def jaccard(self, other: MinHash) -> float:
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / float(len(self.hashvalues))


def bands() -> list[tuple[int, int]]:
    """The value ranges compared as one band each: two signatures are candidates when one band is equal."""
    return [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]


class BandIndex:
    """Keys by band of their signatures: query() gives every key sharing at least one band."""

    def __init__(self) -> None:
        self._tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(BANDS)]

    def insert(self, key: Hashable, mh: MinHash) -> None:
        for table, (start, end) in zip(self._tables, bands()):
            table.setdefault(mh.hashvalues[start:end].tobytes(), []).append(key)

    def query(self, mh: MinHash) -> set[Hashable]:
        found: set[Hashable] = set()
        for table, (start, end) in zip(self._tables, bands()):
            found.update(table.get(mh.hashvalues[start:end].tobytes(), ()))
        return found
