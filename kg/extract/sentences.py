"""Paragraphs and sentences with offsets into the stored text; repeated boilerplate marked."""
from __future__ import annotations

import re

from kg.documents import Document
from kg.extract.model import Sentence

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jr", "sr", "prof", "rev", "gov", "sen",
                  "rep", "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", "u.s", "u.n", "u.k", "etc", "vs", "inc", "co", "corp", "ltd", "e.g", "i.e", "approx",
                  "p", "pp", "no", "ft", "mt", "adm", "capt", "maj", "messrs",
                  # ranks and titles before a name ("army spokesman Brig. Richard Karemire")
                  "brig", "cmdr", "cdr", "cmdt", "amb", "pres", "hon", "supt", "insp", "cpl", "pvt", "gens", "lieut", "atty", "asst"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9*])|(?<=[a-z])[.!?](?=[A-Z][a-z])")


# a wire story's dateline ("SANAA, Nov. 3 (Xinhua) --", "Pyongyang, March 1 (KCNA) --", "MINSK (Reuters) -"): where
# and when it was filed, no part of the first sentence (its place would be read as the sentence's subject)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    r"(?P<date>, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"
    r"(?P<agency> ?\([A-Z][A-Za-z .&/-]{0,25}\))? ?(?:--|[-–—_]) +(?=[\"“'‘A-Z0-9])")


def _dateline_end(text: str, start: int, end: int) -> int:
    """Where a paragraph's text starts after its dateline (start when it has none)."""
    m = _DATELINE.match(text, start, end)
    if m and (m.group("date") or m.group("agency") or (m.group("place").isupper() and len(m.group("place")) >= 3)):
        return m.end()
    return start


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Non-empty lines; a line cut mid-sentence ("During the\\n\\nperiod, ...") joins the next."""
    spans = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text[start:])]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            prev, nxt = text[ps:pe].rstrip(), text[s:e].lstrip()
            if prev and nxt and prev[-1].isalpha() and prev[-1].islower() and nxt[0].islower():
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[pos:m.start()] if m.start() > pos else "")
        w = word.group(1).lower().rstrip(".").lstrip("(\"'“‘[") if word else ""  # "(Dr. Syngman Rhee)"
        if text[m.start()] == "." and (w in _ABBREVIATIONS or re.fullmatch(r"[a-z]", w) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w)):
            continue
        out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return [(s, s + len(text[s:e].rstrip())) for s, e in out if text[s:e].strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _prefix(words: set[str], rank: dict[str, tuple[int, str]]) -> list[str]:
    """The rarest words of a set, as many as any set at Jaccard >= 0.8 with it must share one of
    (prefix filtering: |a & b| >= ceil(0.8 |a|), so b meets the first |a| - ceil(0.8 |a|) + 1 of a)."""
    return sorted(words, key=rank.__getitem__)[:len(words) - (4 * len(words) + 4) // 5 + 1]


def datelines_of(doc: Document) -> list[tuple[int, int]]:
    """The spans of the wire datelines that open paragraphs ("MINSK (Reuters) -")."""
    return [(ps, end) for ps, pe in _paragraphs(doc.text, doc.body_start)
            if (end := _dateline_end(doc.text, ps, pe)) > ps]


def sentences_of(doc: Document) -> list[Sentence]:
    """Sentences with offsets into doc.text; sentences the document already made are marked repeated."""
    spans = [(p, s, e) for p, (ps, pe) in enumerate(_paragraphs(doc.text, doc.body_start))
             for s, e in split_sentences(doc.text, _dateline_end(doc.text, ps, pe), pe)]
    word_sets = [_words(doc.text[s:e]) for _, s, e in spans]
    counts: dict[str, int] = {}
    for words in word_sets:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    rank = {w: (n, w) for w, n in counts.items()}  # rare words first: few sentences share them
    by_prefix: dict[str, list[int]] = {}  # word -> earlier sentences with it in their prefix
    out: list[Sentence] = []
    for k, ((p, s, e), words) in enumerate(zip(spans, word_sets)):
        # boilerplate reprinted with small edits ("once assisted" / "assisted") is still a repeat;
        # only earlier sentences sharing a prefix word can be that close (near linear, not quadratic)
        prefix = _prefix(words, rank)
        candidates = sorted({j for w in prefix for j in by_prefix.get(w, ())})
        repeated = len(words) >= 6 and any(
            len(words & word_sets[j]) / len(words | word_sets[j]) >= 0.8 for j in candidates)
        for w in prefix:
            by_prefix.setdefault(w, []).append(k)
        out.append(Sentence(k, s, e, p, repeated))
    return out


def sentence_at(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        elif sentences[mid].start > pos:
            hi = mid - 1
        else:
            return mid
    return -1


