"""Score extractions against hand-annotated gold files (tests/gold/*.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import RulesError
from kg.extract import Extraction
from kg.rules import Rules


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)


@dataclass
class DocumentScore:
    doc: str
    labelled: Score
    unlabelled: Score
    actors: Score
    misses: list[tuple] = field(default_factory=list)
    false: list[tuple] = field(default_factory=list)


def load_gold(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: malformed gold file: {exc}") from None
    if not isinstance(data, dict) or "doc" not in data:
        raise RulesError(f"{path}: a gold file needs a 'doc' field")
    return data


def predicted_claims(ex: Extraction, rules: Rules) -> set[tuple[str, str, str]]:
    return {(rules.actors[m.claim.subject].label, m.claim.relation, rules.actors[m.claim.object].label)
            for m in ex.mentions}


def score_document(ex: Extraction, gold: dict, rules: Rules) -> DocumentScore:
    """Labelled (subject, relation, object), unlabelled (the actor pair) and actor scores of one document."""
    pred = predicted_claims(ex, rules)
    want = {(c["subject"], c["relation"], c["object"]) for c in gold.get("claims") or []}
    labelled, unlabelled, actors = Score(), Score(), Score()
    labelled.add(pred, want)
    unlabelled.add({frozenset((s, o)) for s, _, o in pred}, {frozenset((s, o)) for s, _, o in want})
    actors.add({rules.actors[a.actor].label for a in ex.actors}, set(gold.get("actors") or []))
    return DocumentScore(ex.document.file_name, labelled, unlabelled, actors,
                         sorted(want - pred), sorted(pred - want))


def micro(scores: list[DocumentScore], kind: str) -> Score:
    total = Score()
    for s in scores:
        part = getattr(s, kind)
        total.tp += part.tp
        total.fp += part.fp
        total.fn += part.fn
    return total
