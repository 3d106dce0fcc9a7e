"""Asserted, negated or hedged: negation cues in the verb's clause, hedges in or before the claim."""
from __future__ import annotations

import re

from kg.extract.masking import Masked, plain
from kg.rules import Rules


def polarity_of_match(masked: Masked, m: re.Match, rules: Rules) -> str:
    obj = m.start("Y") if "Y" in m.re.groupindex and m.group("Y") else m.end()
    # a negation counts only in the clause that holds the verb ("was not reconciled, and tried to ...")
    clause_start = max(m.start(), masked.text.rfind(",", m.start(), obj) + 1)
    # nor across an embedded question: "didn't sleep for days over whether to send troops"
    for opener in rules.clause_openers.finditer(masked.text, clause_start, obj):
        clause_start = opener.end()
    region = rules.negation_exceptions.sub(" ", plain(masked.text[clause_start:obj]))
    if rules.negation.search(region):
        return "negated"
    if rules.hedge.search(plain(masked.text[m.start():m.end()])):
        return "hedged"
    # inside a condition: "if" (or "unless") between the last comma before the claim and the claim
    opening = masked.text[max(masked.text.rfind(",", 0, m.start()), masked.text.rfind(";", 0, m.start())) + 1:m.start()]
    if rules.conditions.search(plain(opening)):
        return "hedged"
    # the one asked to act ("urged the international community to condemn Thailand"): only asked for
    asked = rules.requests.search(plain(masked.text[max(0, m.start() - 30):m.start()]))
    if asked and plain(masked.text[asked.end():m.start()]).strip(" ,").count(" ") <= 2 \
            and re.search(r"\bto\s", plain(masked.text[m.start():m.end()])):
        return "hedged"
    # before the claim or inside it ("Armenian forces allegedly opened fire on ...")
    if rules.hedge_sentence.search(plain(masked.text[:m.end()])):
        return "hedged"
    return "asserted"


