"""What a reader returns: the documents it read and the warnings about what it skipped or guessed."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.documents import Document


@dataclass
class Reading:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)  # "FILE:LINE: why", one line each
    skipped: int = 0                                   # records (JSON lines) left out
