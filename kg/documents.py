"""Documents: the stored text every offset indexes, and its metadata (from YAML front matter or the text).

The readers of each input format are in kg.read."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from kg.errors import DocumentError
from kg.rules import Rules

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MONTHS = {m.lower(): i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9


@dataclass(frozen=True)
class Document:
    """One article: its exact stored text (what every offset indexes into) and its metadata."""

    id: str
    file_name: str
    text: str
    sha256: str
    body_start: int = 0          # offset after YAML front matter
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None      # ISO yyyy-mm-dd
    url: str | None = None
    perspective: str | None = None  # actor id from front matter


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def document_id(file_name: str, sha256: str) -> str:
    """Stable id from the document's name and the content hash: same bytes and name, same id.

    A name under a folder ("a/article.txt") or in a JSON Lines file ("export.jsonl#17") also gets a hash
    of the whole name, since its slug may clash with another's ("a/b-c.txt", "a-b/c.txt")."""
    path, _, record = file_name.partition("#")
    stem = str(PurePosixPath(path).with_suffix("")) if PurePosixPath(path).suffix else path
    if "/" not in file_name and not record:
        return f"{slug(stem)[:48]}-{sha256[:12]}"
    named = hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:8]
    return f"{slug(stem + '-' + record if record else stem)[:40]}-{named}-{sha256[:12]}"


def front_matter_text(fields: dict) -> str:
    """YAML front matter for metadata a reader found outside the text (a web page's, a JSON line's), so that
    re-reading the stored text gives the same document."""
    kept = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
    body = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
    return f"---\n{body}---\n"


def _date(year: str, month: str, day: str) -> str | None:
    m = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return dt.date(int(year), m, int(day)).isoformat() if m else None
    except ValueError:
        return None


def _guess_title(lines: list[str]) -> str | None:
    # The first short line without a final full stop reads as a headline; breadcrumbs and
    # calendar lines are skipped.
    for line in lines[:4]:
        s = line.strip()
        if not s:
            continue
        if s.endswith(">") or s.startswith("calendar>>") or " > " in s or re.match(r"^\d{4}/\d", s):
            continue
        if len(s) <= 200 and len(s.split()) <= 40 and not s.endswith((".", "!", "?", ":", ";", ",")):
            return s
        return None
    return None


def _metadata_from_text(text: str, rules: Rules) -> dict:
    found: dict = {}
    lines = text.splitlines()
    for mp in rules.metadata:
        if mp.field in found:
            continue
        region = "\n".join(lines[:mp.lines]) if mp.lines else text
        m = mp.regex.search(region)
        if not m:
            continue
        g = m.groupdict()
        if mp.field == "authors" and g.get("authors"):
            found["authors"] = tuple(a.strip() for a in re.split(r",\s*|\s+and\s+", g["authors"]) if a.strip())
        elif mp.field == "publisher" and g.get("publisher"):
            found["publisher"] = g["publisher"].strip()
        elif mp.field == "date" and g.get("year"):
            d = _date(g["year"], g["month"], g["day"])
            if d:
                found["date"] = d
    title = _guess_title(lines)
    if title:
        found["title"] = title
    return found


def _front_matter(text: str, where: str) -> tuple[dict, int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise DocumentError(f"{where}: malformed YAML front matter at line {line}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{where}: YAML front matter must be a mapping of fields")
    return data, m.end()


def parse_document(file_name: str, text: str, rules: Rules) -> Document:
    """Build a Document from its text: a pure function of (file name, text, rules)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    front, body_start = _front_matter(text, file_name)
    meta = _metadata_from_text(text[body_start:], rules)
    for key in ("title", "publisher", "url", "perspective"):
        if front.get(key):
            meta[key] = str(front[key])
    if front.get("authors") or front.get("author"):
        a = front.get("authors") or front.get("author")
        meta["authors"] = tuple(str(x) for x in (a if isinstance(a, list) else [a]))
    if front.get("date"):
        d = front["date"]
        d = d.date() if isinstance(d, dt.datetime) else d
        try:
            meta["date"] = (d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))).isoformat()
        except ValueError:
            raise DocumentError(f"{file_name}: front matter date {d!r} is not a YYYY-MM-DD date") from None
    if meta.get("publisher"):
        outlet = rules.actor_by_name(meta["publisher"])
        if outlet:
            meta["publisher"] = outlet.label
    if meta.get("perspective"):
        actor = rules.actor_by_name(meta["perspective"])
        meta["perspective"] = actor.id if actor else None
    return Document(id=document_id(file_name, sha), file_name=file_name, text=text, sha256=sha,
                    body_start=body_start, **meta)
