"""The text extraction matches against: NFC, zero-width characters dropped, with every offset mapped back.

The stored text stays as read; extraction runs on this view and its spans are mapped back, so a quote
is always stored_text[start:end] ("Kim Il\\u200bSung", a decomposed "Pe\\u0301ng" are still found)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from kg.documents import Document
from kg.extract.model import ActorMention, EventMention, Extraction, Mention, Sentence

# a zero-width space separates words; the other invisible format characters (joiners, soft hyphen,
# direction marks, a byte-order mark inside the text) only join or steer, and are dropped
_AS_SPACE = "\u200b"
# a run of non-ASCII characters with the character before it (the base a combining mark attaches to)
_NON_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass(frozen=True)
class View:
    text: str
    starts: list[int]  # for each view character, where its source begins in the stored text
    ends: list[int]    # and ends; one entry more each, for the end of the text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stored-text span of a view span."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def _cluster_end(text: str, i: int, end: int) -> int:
    """The end of the characters NFC may combine with text[i]: combining marks, Hangul jamo and the like."""
    j = i + 1
    while j < end and unicodedata.category(text[j]) != "Cf" and (
            unicodedata.combining(text[j]) or not unicodedata.is_normalized("NFC", text[j - 1:j + 1])):
        j += 1
    return j


def _pieces(text: str, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
    i = start
    while i < end:
        c = text[i]
        if c == _AS_SPACE:
            out.append((i, i + 1, " "))
            i += 1
        elif unicodedata.category(c) == "Cf":
            i += 1
        else:
            j = _cluster_end(text, i, end)
            out.append((i, j, unicodedata.normalize("NFC", text[i:j])))
            i = j


def normal_view(text: str) -> View | None:
    """The view of text to match against, or None when text is that view already (the common case)."""
    if unicodedata.is_normalized("NFC", text) and not any(unicodedata.category(c) == "Cf" for c in set(text)):
        return None
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        if m.start() > pos:
            pieces.append((pos, m.start(), text[pos:m.start()]))
        _pieces(text, m.start(), m.end(), pieces)
        pos = m.end()
    if pos < len(text):
        pieces.append((pos, len(text), text[pos:]))
    starts: list[int] = []
    ends: list[int] = []
    for a, b, out in pieces:
        if out == text[a:b]:
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))
        else:
            starts.extend([a] * len(out))
            ends.extend([b] * len(out))
    starts.append(len(text))
    ends.append(len(text))
    return View("".join(p[2] for p in pieces), starts, ends)


def view_document(doc: Document) -> tuple[Document, View | None]:
    """The document extraction sees: its text the normal view (same id, hash and metadata)."""
    view = normal_view(doc.text)
    if view is None:
        return doc, None
    body = next((i for i, s in enumerate(view.starts) if s >= doc.body_start), len(view.text))
    return replace(doc, text=view.text, body_start=body), view


def restore(ex: Extraction, doc: Document, view: View | None) -> Extraction:
    """The extraction of the view with every span, surface and quote on the stored text of doc."""
    if view is None:
        return ex
    text = doc.text

    def moved(x):
        start, end = view.span(x.start, x.end)
        if isinstance(x, Sentence):
            return replace(x, start=start, end=end)
        if isinstance(x, (ActorMention, EventMention)):
            return replace(x, start=start, end=end, surface=text[start:end])
        assert isinstance(x, Mention)
        quantity = x.quantity
        if quantity is not None:
            qs, qe = view.span(quantity.start, quantity.end)
            quantity = replace(quantity, text=text[qs:qe], start=qs, end=qe)
        return replace(x, start=start, end=end, quote=text[start:end], quantity=quantity)
    return replace(ex, document=doc, sentences=[moved(s) for s in ex.sentences], actors=[moved(a) for a in ex.actors],
                   events=[moved(e) for e in ex.events], mentions=[moved(m) for m in ex.mentions])
