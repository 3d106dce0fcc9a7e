"""Read input files into Documents: one reader per format, found by the file's suffix in READERS.

A document's name (Document.file_name, the key everywhere) is its path under the folder given
("a/article.txt"), a file's own name when the file is given directly, and NAME#ID for each line of
a JSON Lines file (its "id", else its "url", else line-N)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from kg.documents import Document
from kg.errors import DocumentError
from kg.read.html import read_html
from kg.read.jsonl import read_jsonl
from kg.read.model import Reading
from kg.read.text import read_text
from kg.rules import Rules

__all__ = ["READERS", "Reading", "find_files", "read_file", "read_paths"]

# suffix -> reader(bytes, document name, where to say it is, rules); a file given directly with any
# other suffix is read as text
READERS: dict[str, Callable[[bytes, str, str, Rules], Reading]] = {
    ".txt": read_text, ".text": read_text, ".md": read_text, ".markdown": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
}


def find_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(file, document name) of every input: folders recursively (hidden files and unknown suffixes
    skipped), files as given."""
    files: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READERS
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise DocumentError(f"{p}: no readable files ({', '.join(sorted(READERS))}) in folder")
            files.extend((f, f.relative_to(p).as_posix()) for f in found)
        elif p.is_file():
            files.append((p, p.name))
        else:
            raise DocumentError(f"{p}: no such file or folder")
    return files


def read_file(path: Path, name: str, rules: Rules) -> Reading:
    """The documents of one file, by the reader its suffix names."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
    return READERS.get(path.suffix.lower(), read_text)(data, name, str(path), rules)


def read_paths(paths: Iterable[str | Path], rules: Rules) -> Reading:
    """Every document under the given paths, with the warnings of all readers; a file that cannot be read
    at all raises DocumentError naming it."""
    out = Reading([])
    seen: dict[str, Path] = {}
    done: set[tuple[Path, str]] = set()
    for path, name in find_files(paths):
        if (path.resolve(), name) in done:
            continue  # the same file given twice (in its folder and by itself)
        done.add((path.resolve(), name))
        got = read_file(path, name, rules)
        for doc in got.documents:
            if doc.file_name in seen:
                raise DocumentError(f"{path}: its document {doc.file_name} has the name of one in {seen[doc.file_name]}; "
                                    f"documents are named by their path under the folder given: give the folder "
                                    f"that holds both")
            seen[doc.file_name] = path
        out.documents.extend(got.documents)
        out.warnings.extend(got.warnings)
        out.skipped += got.skipped
    return out
