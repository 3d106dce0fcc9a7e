"""Run the example sentences every relation pattern and frame construction carries (`kg rules test`)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from kg.documents import parse_document
from kg.extract import extract
from kg.rules import Rules


@dataclass
class ExampleResult:
    rule: str
    text: str
    ok: bool
    problem: str = ""


def claims_of(text: str, rules: Rules) -> set[tuple[str, str, str, str]]:
    """The (subject, relation, object, polarity) labels the extractor finds in a text."""
    ex = extract(parse_document("example.txt", text, rules), rules)
    actors = ex.rules.actors
    return {(actors[m.claim.subject].label, m.claim.relation, actors[m.claim.object].label, m.polarity)
            for m in ex.mentions}


def run_examples(rules: Rules) -> list[ExampleResult]:
    """Each example yields exactly its listed claims with all rules, and some of them with its own rule alone;
    a counter-example yields nothing with its own rule alone."""
    results = []
    # each rule with the rules it must find its examples with alone
    checks = [(pat, replace(rules, patterns=[pat], frames=None)) for pat in rules.patterns]
    if rules.frames is not None:
        # a construction of the frame matcher "alone" is the frames without any pattern
        frames_only = replace(rules, patterns=[])
        checks += [(c, frames_only) for c in rules.frames.constructions]
    for pat, alone in checks:
        for ex in pat.examples:
            found = claims_of(ex.text, rules)
            own = claims_of(ex.text, alone)
            want = {(c[0], c[1], c[2], c[3] if len(c) > 3 else "asserted") for c in ex.claims}
            problems = []
            if want - found:
                problems.append("missing " + "; ".join(" ".join(c) for c in sorted(want - found)))
            if found - want:
                problems.append("unexpected " + "; ".join(" ".join(c) for c in sorted(found - want)))
            if want and not own & want:
                problems.append(f"{pat.id} alone finds none of the claims")
            results.append(ExampleResult(pat.id, ex.text, not problems, ", ".join(problems)))
        for text in pat.counter_examples:
            own = claims_of(text, alone)
            results.append(ExampleResult(pat.id, text, not own,
                                         "fired on a counter-example: " + "; ".join(" ".join(k) for k in sorted(own))
                                         if own else ""))
    return results
