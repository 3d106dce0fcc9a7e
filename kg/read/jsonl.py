"""JSON Lines (scraper and news-API exports): one article per line; a bad line is reported and skipped."""
from __future__ import annotations

import datetime as dt
import email.utils
import json

from kg.documents import front_matter_text, parse_document
from kg.errors import DocumentError
from kg.read.decode import decode, refuse_binary
from kg.read.model import Reading
from kg.rules import Rules

_OPTIONAL = ("id", "url", "title", "date", "publisher")


class _BadLine(Exception):
    pass


def _date(value: str) -> str:
    """An ISO date or date-time ("2024-03-05", "2024-03-05T10:00:00Z") or an e-mail style date, as yyyy-mm-dd."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        raise _BadLine(f"date {value!r} is not a date (YYYY-MM-DD)") from None


def _fields(record) -> dict:
    if not isinstance(record, dict):
        raise _BadLine(f"a JSON {type(record).__name__}, not an object with a text")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadLine('no "text" (a non-empty string)')
    out = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is None or value == "":
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise _BadLine(f'"{key}" is a {type(value).__name__}, not a string')
        out[key] = " ".join(value.split())
    authors = record.get("authors", record.get("author"))
    if isinstance(authors, str):
        authors = [authors]
    if authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        raise _BadLine('"authors" is neither a string nor a list of strings')
    out["authors"] = [" ".join(a.split()) for a in authors or [] if a.strip()]
    if "date" in out:
        out["date"] = _date(out["date"])
    return {**out, "text": text}


def _lines(data: bytes, where: str) -> list[str | _BadLine]:
    """The file's lines as text. JSON is UTF-8 (RFC 8259): with no byte-order mark saying otherwise, a line
    that is not UTF-8 is a bad line, not a reason to guess an encoding for the whole file."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            refuse_binary(data, where)
            out: list[str | _BadLine] = []
            for raw in data.split(b"\n"):
                try:
                    out.append(raw.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    out.append(_BadLine(f"not UTF-8 (invalid byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} "
                                        f"of the line)"))
            return out
    return decode(data, where).text.split("\n")


def read_jsonl(data: bytes, name: str, where: str, rules: Rules) -> Reading:
    """One document per good line, named FILE#ID (its "id", else its "url", else line-N)."""
    reading = Reading([])
    used: dict[str, int] = {}
    first_bad = ""
    for number, line in enumerate(_lines(data, where), 1):
        if isinstance(line, str) and not line.strip():
            continue
        try:
            if isinstance(line, _BadLine):
                raise line
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                at = exc.msg if exc.msg.endswith(" at") else exc.msg + " at"  # "Unterminated string starting at"
                raise _BadLine(f"not JSON ({at} column {exc.colno})") from None
            fields = _fields(record)
            key = f"{name}#{fields.get('id') or fields.get('url') or f'line-{number}'}"
            if key in used:
                raise _BadLine(f"{key} again (first at line {used[key]})")
        except _BadLine as exc:
            first_bad = first_bad or f"line {number}: {exc}"
            reading.warnings.append(f"{where}:{number}: {exc}; line skipped")
            reading.skipped += 1
            continue
        used[key] = number
        head = front_matter_text({"format": "jsonl", "id": fields.get("id"), "title": fields.get("title"),
                                  "publisher": fields.get("publisher"), "authors": fields["authors"],
                                  "date": fields.get("date"), "url": fields.get("url")})
        reading.documents.append(parse_document(key, head + fields["text"].rstrip() + "\n", rules))
    if not reading.documents:
        raise DocumentError(f"{where}: no readable article in this JSON Lines file ({reading.skipped} bad lines"
                            + (f"; {first_bad})" if first_bad else ")"))
    return reading
