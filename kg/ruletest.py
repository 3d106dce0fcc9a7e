"""Run the example sentences every relation pattern carries (`kg rules test`)."""
from __future__ import annotations

from dataclasses import dataclass

from kg.documents import parse_document
from kg.extract import extract
from kg.rules import Rules


@dataclass
class ExampleResult:
    rule: str
    text: str
    ok: bool
    problem: str = ""


def claims_of(text: str, rules: Rules) -> tuple[set[tuple[str, str, str, str]], dict[tuple, set[str]]]:
    """The (subject, relation, object, polarity) labels the extractor finds in a text, and the rules behind each."""
    ex = extract(parse_document("example.txt", text, rules), rules)
    found: set[tuple[str, str, str, str]] = set()
    by: dict[tuple, set[str]] = {}
    for m in ex.mentions:
        key = (rules.actors[m.claim.subject].label, m.claim.relation, rules.actors[m.claim.object].label, m.polarity)
        found.add(key)
        by.setdefault(key, set()).add(m.rule.split("+")[0])
    return found, by


def run_examples(rules: Rules) -> list[ExampleResult]:
    """Each example must yield exactly its listed claims, one of them by its own rule; counter-examples nothing by it."""
    results = []
    for pat in rules.patterns:
        for ex in pat.examples:
            found, by = claims_of(ex.text, rules)
            want = {(c[0], c[1], c[2], c[3] if len(c) > 3 else "asserted") for c in ex.claims}
            problems = []
            if found != want:
                if want - found:
                    problems.append("missing " + "; ".join(" ".join(c) for c in sorted(want - found)))
                if found - want:
                    problems.append("unexpected " + "; ".join(" ".join(c) for c in sorted(found - want)))
            elif want and not any(pat.id in rs for rs in by.values()):
                problems.append(f"the claims came from other rules, not {pat.id}")
            results.append(ExampleResult(pat.id, ex.text, not problems, ", ".join(problems)))
        for text in pat.counter_examples:
            _, by = claims_of(text, rules)
            fired = [k for k, rs in by.items() if pat.id in rs]
            results.append(ExampleResult(pat.id, text, not fired,
                                         "fired on a counter-example: " + "; ".join(" ".join(k) for k in fired)
                                         if fired else ""))
    return results
