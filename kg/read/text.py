"""Plain text and Markdown (with optional YAML front matter): one file, one document."""
from __future__ import annotations

from kg.documents import parse_document
from kg.read.decode import decode
from kg.read.model import Reading
from kg.rules import Rules


def read_text(data: bytes, name: str, where: str, rules: Rules) -> Reading:
    decoded = decode(data, where)
    return Reading([parse_document(name, decoded.text, rules)], guessed_encoding(decoded, where))


def guessed_encoding(decoded, where: str) -> list[str]:
    """The warning that an encoding was guessed, so a wrong guess can be noticed."""
    return [f"{where}: not UTF-8; read as {decoded.encoding} (guessed)"] if decoded.guessed else []
