"""kg.minhash against datasketch (the library it stands in for, a test dependency only): the same MinHash
values, the same bands and the same near-copy candidates on real articles, so caches, copy families and
graphs made before and after are the same."""
import re

import numpy as np
import pytest

from kg.corroborate import NEAR_COPY_JACCARD, SHINGLE_WORDS, _WORD, copies_among, fingerprint
from kg.minhash import NUM_PERM, BandIndex, MinHash

datasketch = pytest.importorskip("datasketch")


def _datasketch_fingerprint(text: str):
    """kg's fingerprint as it was computed with datasketch."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    mh = datasketch.MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return mh


def _edited(text: str, every: int) -> str:
    """A near copy: every `every`-th word replaced."""
    n = iter(range(10 ** 9))
    return re.sub(r"\w+", lambda m: "edited" if next(n) % every == every - 1 else m.group(0), text)


@pytest.fixture(scope="module")
def texts(seed_docs, dev_docs):
    """Every seed and dev article, with near copies of each (lightly and heavily edited, cut short)."""
    out = {}
    for name, d in sorted({**seed_docs, **dev_docs}.items()):
        out[name] = d.text
        out[name + " light"] = _edited(d.text, 40)
        out[name + " heavy"] = _edited(d.text, 3)
        out[name + " cut"] = d.text[:len(d.text) * 3 // 4]
    out["empty"] = ""
    return out


def test_values_match_datasketch(texts):
    for name, text in texts.items():
        ours, theirs = fingerprint(text), _datasketch_fingerprint(text)
        assert ours.scheme == theirs.scheme
        assert ours.hashvalues == theirs.hashvalues.tolist(), name
        # as the extraction cache kept them when datasketch made them
        assert ours.to_bytes() == theirs.hashvalues.astype(np.uint64).tobytes()
        assert MinHash.from_bytes(ours.to_bytes(), ours.scheme).hashvalues == theirs.hashvalues.tolist()


def test_bands_and_candidates_match_datasketch(texts):
    lsh = datasketch.MinHashLSH(threshold=NEAR_COPY_JACCARD, num_perm=NUM_PERM)
    from kg.minhash import BANDS, ROWS
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    ours = BandIndex()
    prints = {name: fingerprint(t) for name, t in texts.items()}
    theirs = {name: _datasketch_fingerprint(t) for name, t in texts.items()}
    found_pairs = 0
    for name in texts:
        got, expected = ours.query(prints[name]), set(lsh.query(theirs[name]))
        assert got == expected, name
        found_pairs += len(got)
        for other in got:
            assert prints[name].jaccard(prints[other]) == theirs[name].jaccard(theirs[other])
        ours.insert(name, prints[name])
        lsh.insert(name, theirs[name])
    assert found_pairs >= 10  # the light and cut copies find their originals (21 pairs): the test compares something


def test_near_copies_found(seed_docs):
    """The light edit of an article is its near copy, the heavy one is not (Jaccard under 0.6)."""
    from dataclasses import replace
    d = next(iter(sorted(seed_docs.values(), key=lambda d: d.file_name)))
    light = replace(d, id="light", file_name="light.txt", text=_edited(d.text, 40), sha256="l", date=None)
    heavy = replace(d, id="heavy", file_name="heavy.txt", text=_edited(d.text, 3), sha256="h", date=None)
    original = replace(d, date="1900-01-01")
    links = {c.doc: c for c in copies_among([original, light, heavy])}
    assert set(links) == {"light"}
    assert links["light"].original == d.id and links["light"].kind == "near"
    assert links["light"].similarity == round(fingerprint(d.text).jaccard(fingerprint(light.text)), 3)
