"""Score extractions against hand-annotated gold files (tests/gold/*.yaml)."""
from __future__ import annotations

import re
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


def score_document(ex: Extraction, gold: dict, rules: Rules) -> DocumentScore:
    """Labelled (subject, relation, object), unlabelled (the actor pair) and actor scores of one document,
    names compared as kg eval compares them."""
    actors = (ex.rules or rules).actors
    claim_rows = [{"doc": ex.document.file_name, "subject": actors[m.claim.subject].label,
                   "subject_id": m.claim.subject, "relation": m.claim.relation,
                   "object": actors[m.claim.object].label, "object_id": m.claim.object, "polarity": m.polarity,
                   "attributed_to": "", "quote": m.quote, "start": m.start, "end": m.end, "rule": m.rule}
                  for m in ex.mentions]
    actor_rows = [{"doc": ex.document.file_name, "actor": actors[a.actor].label, "actor_id": a.actor,
                   "surface": a.surface} for a in ex.actors]
    return evaluate_rows(claim_rows, actor_rows, {ex.document.file_name: gold}, rules).documents[0]


def micro(scores: list[DocumentScore], kind: str) -> Score:
    total = Score()
    for s in scores:
        part = getattr(s, kind)
        total.tp += part.tp
        total.fp += part.fp
        total.fn += part.fn
    return total


@dataclass
class Evaluation:
    documents: list[DocumentScore]
    labelled: Score
    unlabelled: Score
    actors: Score
    polarity_accuracy: float          # of the claims found, how many have a polarity the gold gives
    attribution_accuracy: float       # ... and an attribution (speaker or none) the gold gives
    misses: list[dict]                # gold claims not found, with the gold quote
    false: list[dict]                 # claims found that the gold does not have, with the quote

    def as_dict(self) -> dict:
        def score(s: Score) -> dict:
            return {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn}
        return {
            "micro": {"labelled": score(self.labelled), "unlabelled": score(self.unlabelled),
                      "actors": score(self.actors), "polarity_accuracy": round(self.polarity_accuracy, 3),
                      "attribution_accuracy": round(self.attribution_accuracy, 3)},
            "documents": [{"doc": d.doc, "labelled": score(d.labelled), "unlabelled": score(d.unlabelled),
                           "actors": score(d.actors)} for d in self.documents],
            "misses": self.misses, "false": self.false}


def _norm(name) -> str:
    return " ".join(str(name or "").lower().split())


class _Names:
    """Gold names and system labels on one footing: an actor the gazetteer knows under any alias is
    that actor; a gold actor no list has matches a system actor named by one of its surface forms."""

    def __init__(self, gold: dict, rules: Rules | None):
        self.rules = rules
        self.gold_key: dict[str, str] = {}
        self.surface_key: dict[str, str] = {}
        self.gold_labels = {str(a) for a in gold.get("actors") or []} | {
            str(c.get(k)) for c in gold.get("claims") or [] for k in ("subject", "object")}
        for m in gold.get("missing_actors") or []:
            surfaces = [s for s in [m.get("label"), *(m.get("surfaces") or [])] if s]
            # a gold actor the annotator found in no list may be one kg's gazetteer knows by one of
            # the surface forms ("UN Security Council"): then it is that actor
            known = next((a for a in map(rules.actor_by_name, surfaces) if a is not None), None) if rules else None
            for surface in surfaces:
                self.surface_key.setdefault(_norm(surface).removeprefix("the "), str(m.get("label")))
                # "Iran's Islamic Revolutionary Guards Corps": the possessor names the owner, not the body
                owned = re.sub(r"^.*?['’]s\s+", "", _norm(surface))
                if owned != _norm(surface) and len(owned.split()) > 1:
                    self.surface_key.setdefault(owned, str(m.get("label")))
            if known is not None:
                self.gold_key[str(m.get("label"))] = known.label

    def key(self, name: str, actor_id: str | None = None, surfaces: frozenset[str] = frozenset()) -> str:
        """The gold's name for a system actor (or a gold name itself); an actor no list has may also be
        matched by the words the text names it with (kg's "Ministry of Foreign Affairs (China)" is the
        gold's actor whose surface is "Chinese foreign ministry")."""
        found = self._key(name, actor_id)
        if found in self.gold_labels or not surfaces or (self.rules and actor_id in self.rules.actors
                                                         and self.rules.actors[actor_id].listed):
            return found
        by_surface = {self.surface_key.get(_norm(x).removeprefix("the ")) for x in surfaces} - {None}
        return self.gold_key.get(next(iter(by_surface)), next(iter(by_surface))) if len(by_surface) == 1 else found

    def _key(self, name: str, actor_id: str | None = None) -> str:
        if name in self.gold_key:
            return self.gold_key[name]
        if self.rules is not None:
            actor = self.rules.actors.get(actor_id or "") if actor_id else None
            actor = actor if actor is not None and actor.listed else self.rules.actor_by_name(name)
            if actor is not None:
                return actor.label
        key = self.surface_key.get(_norm(name).removeprefix("the "), name)
        return self.gold_key.get(key, key)


def evaluate_rows(claim_rows: list[dict], actor_rows: list[dict], gold: dict[str, dict],
                  rules: Rules | None = None) -> Evaluation:
    """Score a build's claim and actor rows (kg.tables) against gold files, document by document.

    With rules, names are compared through the gazetteer's aliases and the gold's surface forms."""
    docs: list[DocumentScore] = []
    misses, false = [], []
    pol_ok = pol_all = att_ok = att_all = 0
    for name in sorted(gold):
        g = gold[name]
        names = _Names(g, rules)
        said: dict[str, set[str]] = {}  # how the text names each system actor
        for r in actor_rows:
            if r["doc"] == name:
                said.setdefault(r.get("actor_id") or r["actor"], set()).add(r["surface"])
        said_as = {k: frozenset(v) for k, v in said.items()}
        rows = [dict(r, subject=names.key(r["subject"], r.get("subject_id"), said_as.get(r.get("subject_id"), frozenset())),
                     object=names.key(r["object"], r.get("object_id"), said_as.get(r.get("object_id"), frozenset())))
                for r in claim_rows if r["doc"] == name]
        pred = {(r["subject"], r["relation"], r["object"]) for r in rows}
        g = dict(g, claims=[dict(c, subject=names.key(c["subject"]), object=names.key(c["object"]))
                            for c in g.get("claims") or []], actors=[names.key(a) for a in g.get("actors") or []])
        want = {(c["subject"], c["relation"], c["object"]) for c in g.get("claims") or []}
        labelled, unlabelled, actors = Score(), Score(), Score()
        labelled.add(pred, want)
        unlabelled.add({frozenset((s, o)) for s, _, o in pred}, {frozenset((s, o)) for s, _, o in want})
        actors.add({names.key(r["actor"], r.get("actor_id"), said_as.get(r.get("actor_id"), frozenset()))
                    for r in actor_rows if r["doc"] == name}, set(g.get("actors") or []))
        docs.append(DocumentScore(name, labelled, unlabelled, actors, sorted(want - pred), sorted(pred - want)))
        for triple in sorted(pred & want):
            gold_claims = [c for c in g["claims"] if (c["subject"], c["relation"], c["object"]) == triple]
            found = [r for r in rows if (r["subject"], r["relation"], r["object"]) == triple]
            pol_all += 1
            pol_ok += bool({c.get("polarity", "asserted") for c in gold_claims} & {r["polarity"] for r in found})
            att_all += 1
            att_ok += bool({_norm(c.get("attributed_to")) for c in gold_claims} & {_norm(r["attributed_to"]) for r in found})
        for triple in sorted(want - pred):
            c = next(c for c in g["claims"] if (c["subject"], c["relation"], c["object"]) == triple)
            misses.append({"doc": name, "subject": triple[0], "relation": triple[1], "object": triple[2],
                           "quote": c.get("quote", "")})
        for triple in sorted(pred - want):
            r = next(r for r in rows if (r["subject"], r["relation"], r["object"]) == triple)
            false.append({"doc": name, "subject": triple[0], "relation": triple[1], "object": triple[2],
                          "quote": r["quote"], "start": r["start"], "end": r["end"], "rule": r["rule"]})
    return Evaluation(docs, micro(docs, "labelled"), micro(docs, "unlabelled"), micro(docs, "actors"),
                      pol_ok / pol_all if pol_all else 0.0, att_ok / att_all if att_all else 0.0, misses, false)


def load_gold_dir(directory: Path, names: list[str] | None = None) -> dict[str, dict]:
    """Gold files of a folder by document file name; only those named, when names are given."""
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise RulesError(f"{directory}: no gold files (*.yaml) here")
    gold = {g["doc"]: g for g in (load_gold(p) for p in files)}
    if names:
        unknown = [n for n in names if n not in gold]
        if unknown:
            raise RulesError(f"{directory}: no gold file for {unknown[0]}")
        gold = {n: gold[n] for n in names}
    return gold


def _gold_names(stored: set[str], gold: dict[str, dict]) -> dict[str, str]:
    """Stored document names under a folder ("dev/a.txt") by the base name a gold file gives ("a.txt"),
    when exactly one stored document has that base name."""
    by_base: dict[str, list[str]] = {}
    for name in stored:
        by_base.setdefault(name.rsplit("/", 1)[-1], []).append(name)
    return {by_base[g][0]: g for g in gold if g not in stored and len(by_base.get(g, [])) == 1}


def evaluate_store(store, gold_dir: Path, names: list[str] | None = None, rules: Rules | None = None) -> Evaluation:
    """Score the claims and actors of a build against the gold files of the documents it holds."""
    from kg.tables import actor_rows, claim_rows, document_names
    claims, actors = claim_rows(store), actor_rows(store)
    # every stored document, not only those with rows: a one-sentence report where nothing was found is
    # scored (all its gold claims missed), not left out
    stored = set(document_names(store))
    gold = load_gold_dir(gold_dir, names)
    named = _gold_names(stored, gold)
    if named:
        claims = [dict(r, doc=named.get(r["doc"], r["doc"])) for r in claims]
        actors = [dict(r, doc=named.get(r["doc"], r["doc"])) for r in actors]
        stored = {named.get(n, n) for n in stored}
    if names:
        missing = [n for n in names if n not in stored]
        if missing:
            raise RulesError(f"{missing[0]}: not in the store; build it first")
    gold = {n: g for n, g in gold.items() if n in stored}
    if not gold:
        raise RulesError(f"{gold_dir}: none of its gold documents is in the store")
    if rules is None:
        from kg.rules import load_rules
        rules = load_rules()
    return evaluate_rows(claims, actors, gold, rules)
