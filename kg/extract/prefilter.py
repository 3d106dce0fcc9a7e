"""Which regular expressions cannot match a text, from the literal strings they need: the relation and
attribution patterns are each some thousand characters long, and most sentences lack their verb."""
from __future__ import annotations

import re

# str.lower() gives the ASCII letter re.IGNORECASE matches for every character but these four (the
# dotted and dotless i, the long s, the Kelvin sign), which re also matches to an ASCII letter
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """The text as literal_needs() are checked against: any stretch a case-insensitive pattern matches
    to an ASCII literal is that literal in lower case here, at the same place."""
    return text.translate(_FOLD).lower()


def _needs(items) -> list[frozenset[str]]:
    """What a parsed regex (a sequence of re._parser items) cannot match without: a list of sets of
    lower-case ASCII strings, one string of each set in the text."""
    from re import _constants as c
    need, run = [], []

    def flush():
        if run:
            need.append(frozenset(["".join(run)]))
            run.clear()
    for op, av in items:
        if op is c.LITERAL and 32 <= av < 127:
            run.append(chr(av).lower())
            continue
        flush()
        if op is c.SUBPATTERN:
            need.extend(_needs(av[3]))
        elif op is c.ATOMIC_GROUP:
            need.extend(_needs(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            need.extend(_needs(av[2]))
        elif op is c.BRANCH:
            # one of the branches matches, so one of their strongest needs is met
            alternatives = [_strongest(_needs(branch), 1) for branch in av[1]]
            if all(alternatives):
                need.append(frozenset().union(*(a[0] for a in alternatives)))
    flush()
    return need


def _strongest(need: list[frozenset[str]], n: int) -> list[frozenset[str]]:
    # longer strings are rarer; a string that contains another of its set adds nothing
    need = [frozenset(x for x in s if not any(y != x and y in x for y in s)) for s in need]
    return sorted(need, key=lambda s: (-min(map(len, s)), len(s), sorted(s)))[:n]


_LITERAL_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {}


def literal_needs(regex: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Strings a pattern's match must contain (one of each tuple, in the folded() text): a sentence
    without them is not searched. Only needs of three characters or more are kept."""
    if regex.pattern not in _LITERAL_NEEDS:
        from re import _parser
        try:
            need = _needs(_parser.parse(regex.pattern, regex.flags))
        except Exception:  # a private module's shape changed: search every sentence, as before
            need = []
        _LITERAL_NEEDS[regex.pattern] = tuple(tuple(sorted(s)) for s in _strongest(
            [s for s in need if min(map(len, s)) >= 3], 3))
    return _LITERAL_NEEDS[regex.pattern]


def may_match(regex: re.Pattern, folded_text: str) -> bool:
    """False when the folded() text lacks a string the regex cannot match without."""
    for alternatives in literal_needs(regex):
        for x in alternatives:
            if x in folded_text:
                break
        else:
            return False
    return True
