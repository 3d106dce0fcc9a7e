"""MinHash signatures and the banded index that finds near-copy candidates: the same values and the
same candidates as datasketch 2's MinHash (its default "affine32" scheme, seed 1) and MinHashLSH
(threshold 0.6, 128 permutations), without importing datasketch, whose package imports SciPy (0.4 s
of every kg command's start) only to choose the bands kg fixes below. tests/test_minhash.py checks
both against datasketch on real articles.

The values are kept in the extraction cache (this file is part of the extractor's hash: an edit re-extracts).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Hashable, Iterable

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2: SHA-1 of each item, pre-mixed by MurmurHash3's finalizer, a*h+b mod 2^32
# the bands and rows MinHashLSH(threshold=0.6, num_perm=128) chooses (it integrates its false positive
# and false negative rates over every split): 18 bands of 7 values
BANDS, ROWS = 18, 7
_WIDTH = 8  # bytes a value takes as the extraction cache keeps it (a machine-order uint64)


@lru_cache(maxsize=1)
def _permutations():
    """datasketch's affine32 permutations: odd multipliers a and offsets b drawn from numpy's seeded
    RandomState in its order. (numpy is imported only to make signatures: kg add and kg remove of
    cached documents only compare them, without it.)"""
    import numpy as np
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h):
    """MurmurHash3's 32-bit finalizer over a numpy uint32 array (multiplication wraps modulo 2^32, as intended)."""
    import numpy as np
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class MinHash:
    """A MinHash signature: NUM_PERM values, kept as the extraction cache keeps them (uint64 bytes);
    jaccard() estimates the Jaccard similarity of the two sets."""

    __slots__ = ("data",)
    scheme = SCHEME

    def __init__(self, data: bytes):
        self.data = data

    @classmethod
    def of(cls, items: Iterable[bytes]) -> MinHash:
        """The signature of a set of byte strings."""
        import numpy as np
        a, b = _permutations()
        hashes = [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items]
        values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
        if hashes:
            mixed = _fmix32(np.array(hashes, dtype=np.uint32)).reshape(-1, 1)
            values = np.minimum(values, (mixed * a + b).min(axis=0))
        return cls(values.astype(np.uint64).tobytes())

    @classmethod
    def from_bytes(cls, data: bytes, scheme: str) -> MinHash:
        """A signature as the extraction cache keeps it."""
        if scheme != SCHEME:
            raise ValueError(f"MinHash scheme {scheme!r} is not {SCHEME!r}: the extraction cache was written by "
                             "another kg; delete it")
        return cls(bytes(data))

    def to_bytes(self) -> bytes:
        return self.data

    @property
    def hashvalues(self) -> list[int]:
        return memoryview(self.data).cast("Q").tolist()

    def jaccard(self, other: MinHash) -> float:
        same = sum(x == y for x, y in zip(memoryview(self.data).cast("Q"), memoryview(other.data).cast("Q")))
        return float(same) / float(NUM_PERM)

    def band(self, start: int, end: int) -> bytes:
        """Values start to end (not included), as bytes: equal exactly when the values are."""
        return self.data[start * _WIDTH:end * _WIDTH]


def bands() -> list[tuple[int, int]]:
    """The value ranges compared as one band each: two signatures are candidates when one band is equal."""
    return [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]


class BandIndex:
    """Keys by band of their signatures: query() gives every key sharing at least one band."""

    def __init__(self) -> None:
        self._tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(BANDS)]

    def insert(self, key: Hashable, mh: MinHash) -> None:
        for table, (start, end) in zip(self._tables, bands()):
            table.setdefault(mh.band(start, end), []).append(key)

    def query(self, mh: MinHash) -> set[Hashable]:
        found: set[Hashable] = set()
        for table, (start, end) in zip(self._tables, bands()):
            found.update(table.get(mh.band(start, end), ()))
        return found
