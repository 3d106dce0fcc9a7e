"""Read documents: files and folders of plain text or Markdown, with metadata from the text."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from kg.errors import DocumentError
from kg.rules import Rules

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
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
    """Stable id from the file name and the content hash: same bytes and name, same id."""
    return f"{slug(Path(file_name).stem)[:48]}-{sha256[:12]}"


def decode(data: bytes, where: str) -> str:
    """UTF-8 text with a leading BOM dropped; binary and undecodable input is refused."""
    nul = data.find(b"\0", 0, 8192)
    if nul >= 0:
        raise DocumentError(f"{where}: binary file (NUL byte at byte {nul}), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DocumentError(f"{where}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at line {line}, "
                            f"byte {exc.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DocumentError(f"{where}: empty document")
    return text


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


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders recursively to their text files; explicit files are taken as given."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise DocumentError(f"{p}: no text or Markdown files ({', '.join(sorted(TEXT_SUFFIXES))}) in folder")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise DocumentError(f"{p}: no such file or folder")
    return files


def read_documents(paths: Iterable[str | Path], rules: Rules) -> Iterator[Document]:
    """Read every file under the given paths; a bad file raises DocumentError naming it."""
    seen: dict[str, Path] = {}
    for f in find_files(paths):
        if f.name in seen and seen[f.name] != f:
            raise DocumentError(f"{f}: another file with the same name was given ({seen[f.name]}); "
                                f"documents are identified by file name")
        seen[f.name] = f
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{f}: cannot read ({exc.strerror})") from None
        yield parse_document(f.name, decode(data, str(f)), rules)
