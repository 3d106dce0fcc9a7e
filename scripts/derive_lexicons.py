#!/usr/bin/env python3
"""Derive kg's lexicons from the event-data field's dictionaries.

    python scripts/derive_lexicons.py [--reference DIR] [--out DIR]

Reads the PETRARCH2 / Phoenix dictionaries (MIT) and the CAMEO-to-PLOVER table
(CC BY-SA 4.0) in ``--reference`` (default ``../shared/reference`` beside the repository)
and writes three files into ``--out`` (default ``ontology/derived``):

  verbs.yaml         verb lexicon: lemma (+ particle, + object words) -> PLOVER relation
  agents.yaml        generic agent nouns with their Phoenix sector ("border guard" -> MIL)
  world_actors.yaml  states, international organisations, armed non-state groups and
                     office holders with dated roles, in the schema of ontology/actors.yaml

The output is deterministic: the same reference files (and the same ontology/actors.yaml,
whose ids are reused for the same actors) always give byte-identical files.  Only the
standard library and PyYAML (to read ontology/actors.yaml and to check the output loads)
are used.  `--stats` prints what was left out and why.

Formats of the sources are described in petrarch2/dictionaries.rst; the places where this
script departs from a literal reading, and every review list, are documented where they
are applied.  Reading order of this file: helpers, verbs, agents, actors, output.

Review choices in brief
  verbs   codes through CAMEO2PLOVER-2021 (01x statements have no PLOVER type and are dropped;
          02x appeals, absent from the table, are REQUEST as PLOVER defines it; so are [---] blocks except lines with their own code);
          simple patterns only (verb [+ particle] [+ one word or &SYNSET]); a pattern belongs
          to the verb its comment names; bare lemmas too generic to be an event
          (GENERIC_LEMMAS) are dropped but stay usable with objects; one entry per lemma +
          particle + object, the most specific code winning; passive 'by' patterns, words
          before the verb, 'X and Y' verbs and hyphenated lemmas are dropped.
  agents  sectors from the agent code (COP -> POLICE, religions -> REL), singular nouns with
          irregular plurals only; generic nouns, places, events, vehicles and weapons dropped.
  actors  states: names that are the label's words (formal names, abbreviations of them),
          the dictionary's nationality form and plurals, listed capitals and English
          alternative names; cities, regions, misspellings and foreign-language forms are
          left out.  Organisations: IGO and NGO (and media) blocks, not companies (MNC) or
          persons.  Groups: the armed non-state groups file.  Persons: office holders of the
          country file with at least one dated role.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import OrderedDict, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUT = REPO / "ontology" / "derived"

GENERATED_NOTE = "generated: do not edit by hand; extend kg with your own rule files instead"

# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

CODE_RE = re.compile(r"\[([^\]\[]*)[\]}]")


def read_lines(path: Path) -> list[str]:
    """The file's lines; the dictionaries are 'flat ASCII' with a few stray Latin-1 bytes."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


YAML_RESERVED = {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", ""}
PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9 ._'/()&-]*")


def q(value) -> str:
    """A YAML scalar for a flow collection: plain when that is unambiguous, else double-quoted."""
    if isinstance(value, int):
        return str(value)
    s = str(value)
    if (PLAIN_RE.fullmatch(s) and s.lower() not in YAML_RESERVED and not s.endswith(" ")
            and ": " not in s and " #" not in s and not s[-1] in ":-"):
        return s
    return json.dumps(s, ensure_ascii=False)


def flow_list(items) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def flow_map(pairs) -> str:
    parts = []
    for key, value in pairs:
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                parts.append(f"{key}: [" + ", ".join(flow_map(v.items()) for v in value) + "]")
            else:
                parts.append(f"{key}: {flow_list(value)}")
        else:
            parts.append(f"{key}: {q(value)}")
    return "{" + ", ".join(parts) + "}"


def slug(text: str) -> str:
    """lower_case_with_underscores, ASCII letters and digits only."""
    import unicodedata
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def regular_plural(word: str) -> str:
    """The ordinary English plural of a (lower-case) noun or of a phrase's last word."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


# --------------------------------------------------------------------------------------------
# CAMEO -> PLOVER
# --------------------------------------------------------------------------------------------

PLOVER_TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()


def read_cameo2plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type from lines 'CODE: TYPE, mode, context # comment'.

    The table lists 175 twice (same type); the first line for a code wins. Two-digit root
    lines ('08: CONCEDE' and '08: RETREAT') are not used: the verb dictionary only codes
    three- and four-digit events.
    """
    table: dict[str, str] = {}
    for line in read_lines(path):
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m and m.group(2) in PLOVER_TYPES:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover_type(code: str, table: dict[str, str]) -> str | None:
    """The table's type; CAMEO's 02x appeals, which the 2021 table leaves out, are PLOVER's REQUEST
    (PLOVER folds CAMEO's appeals and demands into one type: "urged Y to", "appealed to Y")."""
    if code in table:
        return table[code]
    return "REQUEST" if code.startswith("02") else None


# --------------------------------------------------------------------------------------------
# verbs: petrarch2/CAMEO.2.0.txt -> verbs.yaml
# --------------------------------------------------------------------------------------------

# Words that may follow a verb as its particle or preposition ("side with", "crack down on",
# "push back", "set free").  A pattern or phrasal verb whose extra words are all in this set
# becomes a particle entry; anything else after the verb is an object word.
PARTICLES = set("""about above across after against ahead along alongside amid among apart around
as aside at away back before behind below beneath beside between beyond by down for forth forward
forwards from in inside into near off on onto out outside over past round through throughout to
together toward towards under until up upon with within without free""".split())

# Bare lemmas too generic to mean an event on their own: with no particle and no object word
# they say nothing about who did what to whom.  They stay available inside particle and
# object patterns ("call off", "take hostage", "send troops", "hold talks").  Grouped by why:
GENERIC_LEMMAS = set(
    # light and very frequent verbs (the brief's list and its kin)
    """be have do say tell make take get go come put set hold call see give keep let bring show
    turn run move leave find think know want use work seem feel try need mean look become begin
    start stand stay remain play carry raise lower cut open close end draw pull push catch clear
    fill pass break blow hang lead head handle manage face serve rule issue add deal
    check press reach win send receive cross enter follow return hit"""
    # intention, cognition and planning verbs that PETRARCH codes 030/040 only to combine them
    # with the verb they govern ("plans to attack"); alone they are no event
    """ aim intend plan prepare ready determine decide expect seek strive endeavor endeavour
    consider contemplate ponder weigh mull muse meditate ruminate reason speculate learn hear
    excogitate innovate ensure signal vote subscribe train groom resurrect resuscitate revive
    claim express aver avow swear affirm reassert confess admit profess reveal expose divulge
    disclose unveil confide advertise advertize"""
    # arriving, leaving and gathering, which PETRARCH codes as visits or meetings
    """ arrive depart travel journey tour egress approach encounter join gather assemble cluster
    flock huddle congregate converge conglomerate constellate conjoin insert unite"""
    # change-of-degree, management and linking verbs coded 060 "material cooperation"
    """ affect impact augment amplify compound deepen enhance enlarge escalate expand heighten
    increase intensify magnify redouble improve simplify ameliorate mitigate assuage abate ease
    attach bind blend chain combine conflate connect fuse relate assign task command conduct
    control direct dictate govern oversee regulate steer supervise supervize administer
    establish institute constitute enact prescribe render tender attire gear outfit stock
    expediate exaggerate benefit involve"""
    # emotions of the subject, coded as disapproval or dissent
    """ sadden dishearten disappoint despair grieve mourn weep wail cry whine dismay humble
    annoy bother irritate vex irk upset disquiet discomfit disconcert agonise agonize arouse
    enkindle rejoice exult exuberate triumph tempt inspire invigorate enliven embolden galvanize
    rouse concert associate correlate influence organise organize orchestrate synchronise
    synchronize unionise unionize harmonise harmonize integrate compete contrast differ
    debase degrade defile"""
    # ambiguous or figurative in news text, or with the victim as subject
    """ best better match master mine table tax bill wind ring rag comb rake skim sweep scan dig
    research study explore die crack rip tear kick lash spoil mar tarnish vitiate impair
    corrupt contaminate damage hurt ruin shatter overturn pluck extract appropriate
    revolutionise revolutionize pirate circle struggle quarrel altercate conflict wrestle
    grapple overtake overshadow overcome surmount dominate pit engage desolate bust hammer
    tend ward abide bide verify detach disconnect disentangle untie unloose undo tease satify
    recede retire submit countenance empower enable legislate intermediate compensate
    exclude fire""".split())

# Phrasal verbs (lemma + particle) that are just as generic on their own.
GENERIC_PHRASALS = {
    "come to", "go to", "go away", "go forth", "go by", "go through", "get out", "get together",
    "find out", "run into", "leave behind", "walk out", "step up", "tie in", "involve for",
    "gear up", "glance over", "look over", "talk over", "settle on", "address back",
    "arrive back", "head back to", "head for", "head to", "return from", "destroy outside",
    "cooperate against", "deploy inside", "blockade inside", "shoot between", "clash between",
    "talk between", "attack for", "blast for", "slam for", "sue for", "press on", "push ahead",
}

# Words listed as verbs in the dictionary that are not verbs (nouns from TABARI's noun-verb
# disambiguation, a misspelling).  Checked with spaCy 3.8 (en_core_web_sm), which neither
# tags nor lemmatises them as verbs in "They will X it".
NOT_VERBS = {"concession", "crackdown", "siege", "confidence", "collision", "backlash"}

# Inflected forms the dictionary lists as verbs of their own, mapped to the lemma spaCy gives
# them (en_core_web_sm: "They had burnt it" -> burn).
IRREGULAR_FORMS = {"burnt": "burn", "forgave": "forgive", "forgiven": "forgive", "saw": "see",
                   "is": "be", "are": "be", "was": "be", "were": "be", "understood": "understand",
                   "lost": "lose", "losing": "lose"}


def cameo_code(raw: str) -> str | None:
    """The source-side CAMEO code of a '[...]' field: '042:043' -> '042'.

    '[---]' and an empty source side ('[:173]', an event of the target on the source, which
    a subject-verb-object lexicon cannot express) give None; stray marks ('080!') are removed.
    """
    first = raw.split(":")[0].strip()
    digits = re.sub(r"[^0-9]", "", first)
    return digits if len(digits) in (3, 4) else None


def code_depth(code: str) -> int:
    """How specific a CAMEO code is: 19x0-style cue categories (190) < 193 < 1931."""
    if len(code) == 4:
        return 4
    return 2 if code.endswith("0") else 3


def split_pattern(text: str) -> list[str]:
    """Tokens of a pattern: '(...)' and '{...}' groups are kept whole."""
    tokens, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in "({":
            close = ")" if c == "(" else "}"
            depth, j = 0, i
            while j < n:
                if text[j] == c:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            tokens.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in "({":
            j += 1
        tokens.append(text[i:j])
        i = j
    return tokens


def words_of(phrase: str) -> str:
    """'ARMED_FORCES_' -> 'armed forces'."""
    return " ".join(w for w in re.split(r"[_\s]+", phrase.strip().lower()) if w)


def parse_verb_dictionary(lines: list[str]):
    """Synonym sets, and verb blocks with their verb lines and patterns."""
    synsets: dict[str, list[str]] = OrderedDict()
    blocks = []
    section = "synsets"
    current_syn = None
    block = None
    for no, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if stripped.startswith("#"):
            if "VERB PATTERNS" in stripped:
                section = "verbs"
            elif "TRANSFORMATIONS" in stripped:
                section = "transformations"
            continue
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if section == "synsets":
            if body.startswith("&"):
                current_syn = body.strip()
                synsets.setdefault(current_syn, [])
            elif body.startswith("+") and current_syn:
                member = body[1:].strip()
                if member:
                    synsets[current_syn].append(member)
            continue
        if section != "verbs":
            continue
        if body.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", body)
            block = {"name": m.group(1) if m else body, "code": m.group(2).strip() if m else "---",
                     "verbs": [], "patterns": [], "line": no}
            blocks.append(block)
            continue
        if block is None:
            continue
        if body.startswith("-"):
            comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
            m = re.match(r"^-(.*?)\[([^\]]*)\]", body)
            if m:
                block["patterns"].append({"text": m.group(1), "code": m.group(2), "comment": comment,
                                          "line": no})
            continue
        if body.startswith("~") or body.startswith("&"):
            continue
        forms = re.findall(r"\{([^}]*)\}", body)
        codes = re.findall(r"\[([^\]]*)\]", body)
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split()
        if not head:
            continue
        block["verbs"].append({"phrase": head[0], "forms": forms[0].replace(",", " ").split() if forms else [],
                               "code": codes[0].strip() if codes else None, "line": no})
    return synsets, blocks


def plural_forms(word: str) -> list[str]:
    """The word and, for a count noun, its regular plural.

    No plural for a word that already ends in -s, for adjectives, adverbs and participles
    (-ed, -ing, -ic, -ous, -ful, -ive, -al, -ly), for abstract and mass nouns (-ness, -ism,
    -ence, -ance, 'ammunition', 'custody') nor for nouns whose plural is the same or irregular
    ('aircraft', 'servicemen', 'police').
    """
    last = word.split()[-1]
    if re.search(r"(s|ed|ing|ic|ous|ful|ive|al|ly|ness|ism|ence|ance|men|craft|people|personnel|"
                 r"police|staff|media|data|equipment|ammunition|artillery|cattle|custody|-\w+)$", last) \
            or len(last) < 3:
        return [word]
    plural = regular_plural(last)
    return [word, word[: len(word) - len(last)] + plural]


def expand_synset(name: str, synsets) -> list[str]:
    """The words of a synset, with the regular plurals PETRARCH generates for them.

    No plural is made for a phrase ending in '_' or in a synset whose label ends in '_'
    (dictionaries.rst), nor for a word that already ends in -s ('troops', 'arms').
    """
    members = synsets.get(name)
    if members is None:
        return []
    no_plural = name.endswith("_")
    out = []
    for member in members:
        if "&" in member or "$" in member or "+" in member:
            continue
        phrase = words_of(member)
        if not phrase:
            continue
        if no_plural or member.endswith("_"):
            out.append(phrase)
        else:
            out.extend(plural_forms(phrase))
    return list(OrderedDict.fromkeys(out))


def object_words(token: str, synsets) -> tuple[str, list[str]] | None:
    """(key, words) for a one-word object or a &SYNSET; None for anything longer."""
    if token.startswith("&"):
        words = expand_synset(token, synsets)
        return (slug(token.strip("&_")), words) if words else None
    if not re.fullmatch(r"[A-Z][A-Z'-]*[A-Z]_?", token):
        return None
    word = token.rstrip("_").lower()
    words = [word] if token.endswith("_") else plural_forms(word)
    return slug(word), words


def reduce_pattern(text: str, synsets):
    """A pattern's simple reading: (particle, object) or None when it is not simple.

    Accepted after '*', with nothing before it (words before the verb constrain the subject):
      W                  object word (or a particle: '- * DOWN')
      &SYN               object synset
      P W / P &SYN       particle + object ('- * OFF EXPLOSIVE': "set off explosives")
      (P) / P            particle: "verb PREP target" ('- * (TO)')
      (P W) / (P &SYN)   particle + object
      P (Q)              two-word particle ('- * OFF (FOR)': "set off for")
    '+' (the target's slot) may follow a particle: '(WITH +)', '(AGAINST) +' reduce to
    "verb PREP target".  '$', '^', '%', braces ({ADJ NOUN}: more than one word) and anything
    else are complex and skipped.
    """
    tokens = split_pattern(text)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    if star != 0:
        return None
    post = tokens[1:]
    flat = []
    for tok in post:
        if tok.startswith("("):
            inner = tok[1:-1].split()
            if not inner or any(x.startswith("{") for x in inner):
                return None
            flat.append(("paren", inner))
        elif tok.startswith("{"):
            return None
        else:
            flat.append(("word", [tok]))
    # '+' alone, or at the end of a parenthesis, marks the target after a preposition
    target_marked = False
    cleaned = []
    for kind, words in flat:
        if words[-1] == "+":
            target_marked = True
            words = words[:-1]
            if not words:
                continue
        if any(w in ("$", "^", "%", "+") or "/" in w for w in words):
            return None
        cleaned.append((kind, words))
    seq = [w for _, ws in cleaned for w in ws]
    if not seq:
        return None
    particles = []
    i = 0
    while i < len(seq) and seq[i].lower() in PARTICLES:
        particles.append(seq[i].lower())
        i += 1
    rest = seq[i:]
    if len(rest) > 1:
        return None
    if particles and particles[-1] == "by":
        return None  # a passive's agent ("was hosted by"): subject and object swap
    if target_marked and rest:
        return None
    if not particles and not rest:
        return None
    obj = None
    if rest:
        obj = object_words(rest[0], synsets)
        if obj is None:
            return None
    return " ".join(particles) or None, obj


def verb_forms_index(blocks) -> dict[str, str]:
    """Inflected form -> base form, from every '{...}' list in the dictionary."""
    index = {}
    for block in blocks:
        for verb in block["verbs"]:
            base = verb_word(verb["phrase"])
            if not base:
                continue
            for form in verb["forms"]:
                w = verb_word(form)
                if w and w != base:
                    index.setdefault(w, base)
    return index


def verb_word(phrase: str) -> str | None:
    """The verb of a dictionary phrase: 'AMBUSH' -> 'ambush', '+SIDE_WITH' -> 'side'."""
    parts = [p for p in phrase.split("_") if p]
    marked = [p for p in parts if p.startswith("+")]
    word = marked[0] if marked else parts[0] if parts else ""
    word = word.lstrip("+").lower()
    return word or None


def analyse_verb_phrase(phrase: str):
    """(verb, particle, object token, reason) of a verb line's phrase.

    '+SIDE_WITH' -> ('side', 'with', None); '+WAGE_WAR' -> ('wage', None, 'WAR');
    'WIRE_+TAP' (words before the verb) and '+KILLED_AND' (a conjunction) -> reason set.
    """
    parts = [p for p in phrase.split("_") if p]
    if not parts:
        return None, None, None, "empty"
    idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    if idx != 0:
        return None, None, None, "words before the verb"
    verb = parts[0].lstrip("+").lower()
    rest = [p.lower() for p in parts[1:]]
    if any(r in ("and", "or") for r in rest):
        return None, None, None, "two verbs"
    particles = []
    while rest and rest[0] in PARTICLES:
        particles.append(rest.pop(0))
    if len(rest) > 1:
        return None, None, None, "longer phrase"
    obj = rest[0].upper() if rest else None
    return verb, " ".join(particles) or None, obj, None


def normalise_lemma(word: str, forms_index: dict[str, str], bases: set[str]) -> str:
    """The base form of a verb word listed in an inflected form ('understood', 'deterring')."""
    if word in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[word]
    if word in forms_index:
        return forms_index[word]
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("ies", "y"),
                         ("es", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in bases:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in bases:
                return stem[:-1]
    return word


def derive_verbs(reference: Path, stats: dict) -> list[dict]:
    plover = read_cameo2plover(reference / "plover" / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = parse_verb_dictionary(read_lines(reference / "petrarch2" / "CAMEO.2.0.txt"))
    forms_index = verb_forms_index(blocks)
    bases = set()
    for block in blocks:
        for verb in block["verbs"]:
            w = verb_word(verb["phrase"])
            if w and w not in forms_index:
                bases.add(w)

    # candidates[(lemma, particle, object key)] = list of (depth, explicit, order, code, words)
    candidates: dict[tuple, list] = defaultdict(list)
    skipped = defaultdict(int)
    order = 0

    def add(lemma, particle, obj, code_raw, explicit):
        nonlocal order
        order += 1
        code = cameo_code(code_raw) if code_raw is not None else None
        if code is None:
            skipped["null code ([---] or target-side only)"] += 1
            return
        if plover_type(code, plover) is None:
            skipped["code with no PLOVER type (01x statements, ...)"] += 1
            return
        lemma = normalise_lemma(lemma, forms_index, bases)
        if not re.fullmatch(r"[a-z]+", lemma):
            skipped["lemma spaCy cannot produce as one token (hyphen, apostrophe)"] += 1
            return
        if lemma in NOT_VERBS:
            skipped["not a verb"] += 1
            return
        key = (lemma, particle, obj[0] if obj else None)
        candidates[key].append((code_depth(code), 1 if explicit else 0, -order, code,
                                obj[1] if obj else None))

    def verb_key(text: str):
        """(base, particle) of a verb as written in a comment: 'CALLED_OFF' -> ('call', 'off')."""
        parts = [p for p in re.split(r"[_\s]+", re.sub(r"[^A-Za-z_ ]", "", text).lower()) if p]
        if not parts or not all(p in PARTICLES for p in parts[1:]):
            return None
        return normalise_lemma(parts[0], forms_index, bases), " ".join(parts[1:]) or None

    for block in blocks:
        block_code = block["code"]
        heads = OrderedDict()  # (lemma, particle) of the block's verbs, in order
        for verb in block["verbs"]:
            lemma, particle, obj_token, reason = analyse_verb_phrase(verb["phrase"])
            if reason:
                skipped[f"verb phrase: {reason}"] += 1
                continue
            obj = object_words(obj_token, synsets) if obj_token else None
            if obj_token and obj is None:
                skipped["verb phrase: object not a word"] += 1
                continue
            if obj is None:
                heads.setdefault((normalise_lemma(lemma, forms_index, bases), particle), None)
            code = verb["code"] if verb["code"] is not None else block_code
            add(lemma, particle, obj, code, verb["code"] is not None)
        # A pattern applies to the verb its comment names ('# RUSH', '# CALLED_OFF'); with no
        # comment, to the block's head verb (its first line).  A pattern whose comment names
        # a verb that is not in the block was written for another verb and is skipped.
        for pattern in block["patterns"]:
            reduced = reduce_pattern(pattern["text"], synsets)
            if reduced is None:
                skipped["pattern: complex"] += 1
                continue
            particle, obj = reduced
            words = re.split(r"[,\s]+", pattern["comment"].strip())
            if words and words[0]:
                target = verb_key(words[0])
                if target not in heads:
                    skipped["pattern: comment names a verb not in its block"] += 1
                    continue
            elif heads:
                target = next(iter(heads))
            else:
                continue
            lemma, head_particle = target
            full_particle = " ".join(p for p in (head_particle, particle) if p) or None
            add(lemma, full_particle, obj, pattern["code"], True)

    entries = []
    chosen = {}
    # One entry per (lemma, particle, object): the candidate with the most specific CAMEO code
    # (four digits > three > a 'x0' cue category); among equally specific codes the one the
    # dictionary gives most often for it, then a code written on the verb or pattern line over
    # the block's default, then the first in the file.
    for key, cands in candidates.items():
        counts = defaultdict(int)
        for c in cands:
            counts[c[3]] += 1
        best = max(cands, key=lambda c: (c[0], counts[c[3]], c[1], c[2]))
        chosen[key] = best
        if len({c[3] for c in cands}) > 1:
            skipped["lemma listed under several codes: resolved to the most specific"] += 1
    for (lemma, particle, objkey), best in sorted(chosen.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2] or "")):
        code, words = best[3], best[4]
        if particle is None and objkey is None and lemma in GENERIC_LEMMAS:
            skipped["generic lemma on its own"] += 1
            continue
        if particle is not None and objkey is None and f"{lemma} {particle}" in GENERIC_PHRASALS:
            skipped["generic phrasal verb"] += 1
            continue
        # an object pattern that says no more than the plain verb (+ particle) is redundant
        if objkey is not None:
            plain = chosen.get((lemma, particle, None))
            if plain is not None and plain[3] == code and not (particle is None and lemma in GENERIC_LEMMAS) \
                    and not (particle is not None and f"{lemma} {particle}" in GENERIC_PHRASALS):
                skipped["object pattern with the same code as the plain verb"] += 1
                continue
        vid = "verb:" + lemma + ("_" + particle.replace(" ", "_") if particle else "") + \
              ("+" + objkey if objkey else "")
        entry = OrderedDict([("id", vid), ("lemma", lemma)])
        if particle:
            entry["particle"] = particle
        if words:
            entry["object_words"] = words
        entry["relation"] = plover_type(code, plover)
        entry["cameo"] = code
        entries.append(entry)
    stats["verbs"] = dict(sorted(skipped.items()))
    return entries


# --------------------------------------------------------------------------------------------
# agents: petrarch2/Phoenix.agents.txt -> agents.yaml
# --------------------------------------------------------------------------------------------

# Phoenix sector codes kept as they are; COP (police) becomes POLICE, kg's name for it.
SECTOR_RENAMES = {"COP": "POLICE"}
# Religion codes (CAMEO's religion dimension) become the REL sector when no other sector is
# given: "Buddhist monk" [~BUD] -> REL, "Buddhist student" [~BUDEDU] -> EDU.
RELIGION_CODES = {"BUD", "CHR", "CTH", "PRO", "MAR", "ORT", "JEW", "HIN", "MUS", "SHI", "SUN", "SIK",
                  "JAN", "ZRO", "ALE", "DRZ", "ITH", "MOS"}
# Modifiers, not sectors: radical, moderate.
MODIFIER_CODES = {"RAD", "MOD"}

# Agent nouns dropped in review, by reason (one list, ";"-separated, read below).
AGENT_STOPLIST: set[str] = set()
AGENT_STOP_TEXT = """
# too generic to carry a sector on their own
man; woman; person; people; child; girl; mother; infant; victim; native; naturalized; retired;
deputy; rabble; mob; the poor; vip; boss; producer; monger; oiler; bargainer; customer;
believer; religion; governance; population; community; citizen; resident; constituent;
businessperson; company owner; engineer; chief engineer; scientist; athlete; actor; hunter;
# places, buildings and facilities, not actors
village; small town; settlement; neighborhood; neighbourhood; military base; naval base;
barracks; prison; prison house; state prison; police post; police district; mortar position;
weapons storage facility; schoolhouse; monastery; buddhist monastary; christian monastary;
catholic monastary; diocese; archdiocese; security check; diplomatic building;
foreign diplomatic building; muslim hospital; rebel base; correctional institution;
# events, activities and abstractions, not actors
revolt; rebellion; uprising; insurgence; low level insurgency; intelligence activity;
intelligence information; intelligence operation; military presence; special operations;
a cabinet meeting; aerospace; gangdom; gangland; organized crime; drug enforcement;
war machine; military machine;
# adjectives, abbreviations, fragments and words that are not agent nouns
military led; naval; islamic; hardline islamic; non-native; non-resident; jewish; state-owned;
semi-official; c in c; c in cof; manafacture; fuerzas especiales; military rule; public sector;
fighting position; medical building; health facility; healthcare facilitiy; echelon;
# phrases of two actors
soldiers, along with their families; soldiers and their families; soldiers with their families;
students and professor; students and teacher; ministers and mps; owners of private companies;
government troops and police;
"""
for _line in AGENT_STOP_TEXT.splitlines():
    if not _line.strip().startswith("#"):
        AGENT_STOPLIST.update(w.strip() for w in _line.split(";") if w.strip())

# Vehicles, aircraft and weapons are instruments, not actors ("warplane", "cargo ship", "Scud
# missile"): an entry whose head word is one of these, or that carries a model designation
# (a digit, "F/A-18"), is dropped.
HARDWARE_HEADS = set("""aircraft airliner jetliner jet jumbojet plane warplane jetfighter fighter
bomber bombers helicopter helicopters gunship drone drones uav vehicle ship vessel boat warship
tanker supertanker freighter containership submarine destroyer frigate cruiser carrier missile
rocket torpedo tank tanks battlewagon hornet harrier raptor kfir mirage eurofighter predator
reaper orion poseidon osprey nighthawk tomcat hind sukhoi phalanx system gun craft corvette
battleship humvee hmmwv falcon mig""".split())

# Stems the dictionary leaves unfinished (PETRARCH matched them as prefixes), completed.
AGENT_STEMS = {"minist": ["minister", "ministry"], "compan": ["company"], "industr": ["industry"],
               "authorit": ["authority"], "milita": ["militia"]}

# Words that end in -s but are not plurals.
NOT_PLURAL = {"news", "arms", "affairs", "politics", "headquarters", "barracks", "series",
              "species", "congress", "press", "business", "boss", "empress", "waitress",
              "agrobusiness", "emeritus", "commons", "chiefs", "especiales", "fuerzas"}
# Plurals the source gets wrong ({MIDWIVE}).
PLURAL_FIXES = {"midwife": "midwives"}
IRREGULAR_SINGULARS = {"children": "child", "people": "people", "women": "woman", "men": "man",
                       "townspeople": "townsperson", "chiefs": "chief"}


def agent_sector(code: str) -> str | None:
    code = code.strip().strip("~").upper()
    segments = [code[i:i + 3] for i in range(0, len(code), 3)]
    religious = False
    for seg in segments:
        if seg in RELIGION_CODES:
            religious = True
            continue
        if seg in MODIFIER_CODES:
            continue
        if re.fullmatch(r"[A-Z]{3}", seg):
            return SECTOR_RENAMES.get(seg, seg)
    return "REL" if religious else None


def singular_of(phrase: str) -> str:
    """The singular of a phrase the dictionary lists in the plural ('taxpayers', 'armed men')."""
    words = phrase.split()
    preps = [i for i, w in enumerate(words) if w in ("of", "for", "to", "in", "with", "at", "on")]
    if preps:
        # 'mps of the ruling party' -> 'mp of the ruling party': the head before the preposition
        i = preps[0]
        if i == 0:
            return phrase
        head = singular_of(words[i - 1])
        return " ".join(words[:i - 1] + [head] + words[i:])
    last = words[-1]
    if last in NOT_PLURAL or "'" in last:
        return phrase
    if last in IRREGULAR_SINGULARS:
        last = IRREGULAR_SINGULARS[last]
    elif last.endswith("men") and len(last) > 3:
        last = last[:-3] + "man"
    elif last.endswith("people"):
        return phrase
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("sses") or last.endswith("ches") or last.endswith("shes") or last.endswith("xes"):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join(words[:-1] + [last])


# "attorney general" -> "attorneys general" (but "major general" -> "major generals")
CIVIL_GENERALS = {"attorney", "director", "secretary", "solicitor", "surgeon", "governor",
                  "postmaster", "inspector", "auditor", "advocate", "procurator", "prosecutor",
                  "consul", "comptroller"}
HEAD_NOUNS_AT_END = {"minister", "ministry", "department", "commission", "committee", "council",
                     "office", "bureau", "agency", "court", "force", "group", "leader", "official",
                     "officer", "secretary", "authority", "board"}


def plural_of(phrase: str) -> str:
    """The ordinary plural of an agent phrase: in 'minister of X' the head before the
    preposition takes the plural ('ministers of X'), in 'X of Y minister' the last word."""
    words = phrase.split()
    for i, w in enumerate(words):
        if w == "general" and i and words[i - 1] in CIVIL_GENERALS and \
                (i == len(words) - 1 or words[i + 1] in ("of", "for", "in", "to", "at", "on")):
            return " ".join(words[:i - 1] + [pluralise_word(words[i - 1])] + words[i:])
    if words[-1] not in HEAD_NOUNS_AT_END:
        for i, w in enumerate(words):
            if i and w in ("of", "for", "in", "to", "at", "on"):
                head = words[i - 1]
                if head.endswith("s") and head not in NOT_PLURAL - {"chiefs"}:
                    return phrase  # already plural: 'joint chiefs of staff'
                return " ".join(words[:i - 1] + [pluralise_word(head)] + words[i:])
    return " ".join(words[:-1] + [pluralise_word(words[-1])])


def pluralise_word(word: str) -> str:
    if word.endswith("man") and word not in ("human", "german", "shaman", "talisman", "ottoman"):
        return word[:-3] + "men"
    if word.endswith("people") or word in ("police", "personnel", "clergy", "military",
                                           "intelligence", "youth", "militia"):
        return word
    return regular_plural(word)


def agent_phrase(raw: str) -> str:
    """'BORDER_GUARD_' -> 'border guard'; stems completed later."""
    return " ".join(w for w in re.split(r"[_\s]+", raw.strip().strip("_").lower()) if w)


def derive_agents(reference: Path, stats: dict) -> list[dict]:
    lines = read_lines(reference / "petrarch2" / "Phoenix.agents.txt")
    subst: dict[str, list[str]] = {}
    raw_entries = []  # (phrase, plural or None or '' for "no plural", code, line)
    skipped = defaultdict(int)
    for no, raw in enumerate(lines, 1):
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", body)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]", body)
        if not m:
            skipped["no code"] += 1
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3)
        # a search-and-replace slip in the source: "AD!MINIST!RATION" was "ADMINISTRATION"
        phrase = phrase.replace("AD!MINIST!RAT", "ADMINISTRAT")
        markers = re.findall(r"!(\w+)!", phrase)
        if markers:
            marker = markers[0]
            for item in subst.get(marker, []):
                expanded = phrase.replace(f"!{marker}!", item, 1)
                raw_entries.append((expanded, None, code, no, item))
            continue
        raw_entries.append((phrase, plural, code, no, None))

    entries: dict[str, dict] = OrderedDict()
    for phrase, plural, code, no, subst_item in raw_entries:
        sector = agent_sector(code)
        if sector is None:
            skipped["code without a sector"] += 1
            continue
        noun = agent_phrase(phrase)
        if noun.startswith("the "):
            noun = noun[4:]  # 'THE_COURT'
        if not noun:
            continue
        words = noun.split()
        # complete the stems the dictionary leaves unfinished
        nouns = [noun]
        for i, w in enumerate(words):
            if w in AGENT_STEMS:
                nouns = [" ".join(words[:i] + [full] + words[i + 1:]) for full in AGENT_STEMS[w]]
                break
        for noun in nouns:
            # substitution items that are plurals ('MEN', 'MINISTERS') are the plural forms of
            # another item's entry
            if subst_item and subst_item.upper() in ("MEN", "WOMEN", "MINISTERS", "MINISTRIES"):
                skipped["plural form of a substitution"] += 1
                continue
            noun = re.sub(r"\s+(at|for|to|in|of)$", "", noun)  # 'ambassador to', 'embassy in'
            singular = singular_of(noun)
            if re.search(r"[0-9/]|\.", singular) or re.search(r"[^a-z' -]", singular):
                skipped["model designation, abbreviation or odd characters"] += 1
                continue
            if singular in AGENT_STOPLIST or noun in AGENT_STOPLIST:
                skipped["review stop list (generic, place, event, fragment)"] += 1
                continue
            if singular.split()[-1] in HARDWARE_HEADS or singular.split()[0] in HARDWARE_HEADS:
                skipped["vehicle, aircraft or weapon"] += 1
                continue
            regular = regular_plural_phrase(singular)
            expected = plural_of(singular)  # 'gunman' -> 'gunmen', 'chief of staff' -> 'chiefs of staff'
            if singular != noun:
                candidate = noun  # the dictionary lists the plural itself ('GUNMEN')
            elif singular in PLURAL_FIXES:
                candidate = PLURAL_FIXES[singular]
            elif plural and agent_phrase(plural).endswith(("s", "men", "ren", "people")):
                candidate = agent_phrase(plural)
                sw, cw = singular.split(), candidate.split()
                if len(sw) != len(cw) or sum(1 for x, y in zip(sw, cw) if x != y) != 1:
                    candidate = expected  # a copy slip: {MEMBERS_OF_THE_SENATE} on another entry
            elif plural == "":
                # '{}': no separate plural ('police'); for '-man' nouns ('GUNMAN {}') the
                # dictionary lists the '-men' form as an entry of its own
                candidate = expected if singular.endswith("man") else None
            else:
                candidate = expected  # no '{...}', or '{GENDARMERIE}', a variant, not a plural
            entry = entries.get(singular)
            if entry is None:
                entry = OrderedDict([("noun", singular), ("sector", sector)])
                entries[singular] = entry
            elif entry["sector"] != sector:
                skipped["listed twice with different sectors: first kept"] += 1
                stats.setdefault("agent_sector_conflicts", []).append(f"{singular}: {entry['sector']} not {sector}")
            if candidate and candidate != regular and candidate != singular and "plural" not in entry:
                entry["plural"] = candidate
    stats["agents"] = dict(sorted(skipped.items()))
    out = []
    for noun in sorted(entries):
        e = entries[noun]
        ordered = OrderedDict([("noun", e["noun"]), ("sector", e["sector"])])
        if "plural" in e:
            ordered["plural"] = e["plural"]
        out.append(ordered)
    return out


def regular_plural_phrase(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[:-1] + [regular_plural(words[-1])])


# --------------------------------------------------------------------------------------------
# actors: Phoenix.Countries / International / MilNonState -> world_actors.yaml
# --------------------------------------------------------------------------------------------

def parse_actor_entities(lines: list[str]) -> list[dict]:
    """Actor records as PETRARCH's reader forms them (PETRreader.read_actor_dictionary).

    A primary phrase starts a record; '+' lines add synonyms; indented '[CODE restriction]'
    lines (and codes on the phrase line) give its codes.  Consecutive primary phrases with
    no code between them share the codes that follow (PETRARCH stores them under one code
    index).  Unlike PETRARCH, a blank line closes a record still without codes, so a stray
    name ('U.N._' with no code) does not borrow the codes of the next block.
    """
    entities = []
    cur = None
    for no, raw in enumerate(lines, 1):
        if not raw.strip():
            if cur is not None and not cur["codes"]:
                cur["closed"] = True
            continue
        if raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        if raw[0] in " \t":
            if cur is not None:
                cur["codes"] += parse_codes(body)
            continue
        if raw.startswith("+"):
            if cur is None:
                continue
            text = CODE_RE.sub(" ", body)
            for piece in text.split("+"):
                piece = piece.strip().rstrip(";").strip()
                if piece:
                    cur["names"].append(piece)
            cur["codes"] += parse_codes(body)
            continue
        name = CODE_RE.sub(" ", body).strip()
        codes = parse_codes(body)
        if cur is None or cur["codes"] or cur.get("closed"):
            cur = {"names": [], "codes": [], "comment": comment.strip(), "line": no}
            entities.append(cur)
        if name:
            cur["names"].append(name)
        cur["codes"] += codes
    return [e for e in entities if e["codes"] and e["names"]]


def parse_codes(text: str) -> list[tuple[str, str]]:
    out = []
    for m in CODE_RE.finditer(text):
        inner = m.group(1).strip()
        if not inner:
            continue
        parts = inner.split(None, 1)
        out.append((parts[0].upper(), parts[1].strip() if len(parts) > 1 else ""))
    return out


def year_of(date: str) -> int | None:
    """A 4-digit year from YYMMDD or YYYYMMDD (dictionaries.rst).

    Two-digit years follow PETRARCH's reader (PETRreader.dstr_to_ordate, 'for consistency
    with KEDS and TABARI'): 00-30 are 20YY, 31-99 are 19YY.  Other lengths, and impossible
    months or days, are not dates (PETRARCH skips such a restriction too).
    """
    if not date.isdigit() or len(date) not in (6, 8):
        return None
    if len(date) == 6:
        yy, mm, dd = int(date[:2]), int(date[2:4]), int(date[4:6])
        year = 2000 + yy if yy <= 30 else 1900 + yy
    else:
        year, mm, dd = int(date[:4]), int(date[4:6]), int(date[6:8])
    if not (1 <= mm <= 12 and 1 <= dd <= 31):
        return None
    return year


def date_range(restriction: str) -> tuple[int, int] | None:
    """(from, to) years of '<d', '>d' or 'd-d'; None for no or a malformed restriction."""
    r = restriction.strip().rstrip("]").strip()
    if not r:
        return None
    if r[0] in "<>":
        y = year_of(re.sub(r"\D", "", r[1:]))
        if y is None:
            return None
        return (0, y) if r[0] == "<" else (y, 9999)
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", r)
    if not m:
        return None
    a, b = year_of(m.group(1)), year_of(m.group(2))
    if a is None or b is None or b < a:
        return None
    return a, b


# --- names in ordinary case ---------------------------------------------------------------

SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "de", "du", "des",
               "la", "le", "les", "da", "das", "do", "dos", "di", "del", "della", "van", "von",
               "der", "den", "y", "e", "bin", "ibn", "bint", "al", "el", "ul", "ud", "wa"}
NAME_PARTICLES = {"al", "el"}  # joined to the next word with a hyphen: 'AL_BAKR' -> 'al-Bakr'


def cap_word(word: str) -> str:
    """'IRAQ' -> 'Iraq', "PEOPLE'S" -> "People's", "D'IVOIRE" -> "d'Ivoire", 'MCCAIN' -> 'McCain'."""
    if not word:
        return word
    if word.upper() in ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"):
        return word.upper()  # regnal numbers
    parts = word.split("-")
    out = []
    for part in parts:
        low = part.lower()
        if "'" in low:
            head, _, tail = low.partition("'")
            if len(head) == 1 and tail:
                piece = (head.upper() if head == "o" else head) + "'" + tail[:1].upper() + tail[1:]
            else:
                piece = head[:1].upper() + head[1:] + "'" + tail
        elif low.startswith("mc") and len(low) > 3:
            piece = "Mc" + low[2].upper() + low[3:]
        else:
            piece = low[:1].upper() + low[1:]
        out.append(piece)
    return "-".join(out)


def is_acronym_token(token: str, allow_words: bool = False) -> bool:
    """Upper-case tokens that are abbreviations: dotted ('U.S.'), without vowels ('DPRK'), or
    very short in a name context where words are unlikely ('UK', 'UAE')."""
    t = token.strip(".,")
    if not t or t.lower() in ("st", "mt", "ft", "mr", "jr", "sr", "mrs", "ms"):
        return False
    if "." in t and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", token):
        return True
    letters = re.sub(r"[^A-Za-z]", "", t)
    if not letters:
        return False
    vowels = sum(1 for c in letters.upper() if c in "AEIOUY")
    if vowels == 0 and len(letters) >= 2:
        return True
    if allow_words:
        return len(letters) <= 3 or (len(letters) <= 5 and vowels <= 1)
    return False


def display_name(raw: str, acronyms: str = "auto", acronym_words: frozenset = frozenset(),
                 join_particles: bool = False) -> str:
    """A dictionary phrase as it is written in English text.

    'REPUBLIC_OF_IRAQ_' -> 'Republic of Iraq', 'D.P.R.K._' -> 'D.P.R.K.', 'DPRK_' -> 'DPRK',
    and with join_particles (persons) 'AHMAD_HASSAN_AL_BAKR_' -> 'Ahmad Hassan al-Bakr'.
    acronyms='single' treats a one-word name of up to 3 letters (or 5 with at most one vowel)
    as an abbreviation ('USA'); acronym_words are written in capitals inside longer names
    ('UN_SECRETARIAT_' -> 'UN Secretariat').
    """
    text = raw.replace("_", " ").strip()
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    tokens = text.split(" ")
    out = []
    single = len(tokens) == 1
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if is_acronym_token(tok, allow_words=single and acronyms == "single") \
                or (not single and re.sub(r"[^A-Za-z]", "", tok).upper() in acronym_words):
            out.append(tok.upper())
        elif i > 0 and low in SMALL_WORDS:
            out.append(low)
        else:
            word = cap_word(tok)
            out.append(word[:1].upper() + word[1:] if i == 0 else word)
    # in a person's name, 'al Bakr' -> 'al-Bakr'
    joined = []
    i = 0
    while i < len(out):
        if join_particles and out[i].lower() in NAME_PARTICLES and i + 1 < len(out) and i > 0:
            joined.append(out[i].lower() + "-" + out[i + 1])
            i += 2
            continue
        joined.append(out[i])
        i += 1
    return " ".join(joined)


def name_key(text: str) -> str:
    """Comparison key for names: case, dots, hyphens and a leading 'the' ignored."""
    t = text.lower().replace(".", "").replace("-", " ").replace("’", "'")
    t = re.sub(r"\s+", " ", t).strip()
    return t[4:] if t.startswith("the ") else t


# --- states -------------------------------------------------------------------------------

# Phoenix codes that are not ISO 3166-1 alpha-3, and blocks that are not states.
ISO_FIXES = {"TMP": "TLS", "KSV": "XKX"}  # East Timor's old code; Kosovo's user-assigned code
NOT_STATES = {"KNT"}  # 'Kinakuta', the fictional country of the TABARI validation suite

# Labels: the common English short name where the dictionary's primary phrase is a formal
# name, a misspelling or another form ('UNITED_STATES_OF_AMERICA_', 'MADAGASKAR_').
STATE_LABELS = {
    "USA": "United States", "RUS": "Russia", "ZAF": "South Africa", "TZA": "Tanzania",
    "BRN": "Brunei", "KNA": "Saint Kitts and Nevis", "MDG": "Madagascar",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CIV": "Ivory Coast", "DDR": "East Germany", "TMP": "East Timor", "SUN": "Soviet Union",
    "GBR": "United Kingdom", "FSM": "Micronesia", "BHS": "Bahamas", "GMB": "Gambia",
    "VCT": "Saint Vincent and the Grenadines", "LCA": "Saint Lucia", "CSK": "Czechoslovakia",
    "SCG": "Serbia and Montenegro", "CAF": "Central African Republic", "GNB": "Guinea-Bissau",
    "KSV": "Kosovo", "SRB": "Serbia", "HRV": "Croatia", "BIH": "Bosnia and Herzegovina",
    "NLD": "Netherlands", "PHL": "Philippines", "ARE": "United Arab Emirates",
}

# Capitals, matched against the names in a state's block: a capital is kept as an alias
# only where the dictionary lists it under the state's own code (it speaks for the
# government: "Baghdad said").  Other cities and regions in the blocks are places, not the
# state, and are left out.  Several spellings are given where the dictionary uses them.
CAPITALS_TEXT = """
AFG Kabul; ALB Tirana, Tirane; DZA Algiers; AND Andorra la Vella; AGO Luanda; AIA The Valley;
ATG Saint John's, St. John's; ARG Buenos Aires; ARM Yerevan; ABW Oranjestad; AUS Canberra;
AUT Vienna; AZE Baku; BHS Nassau; BHR Manama; BGD Dhaka, Dacca; BRB Bridgetown; BLR Minsk;
BEL Brussels; BLZ Belmopan; BEN Porto Novo, Porto-Novo; BMU Hamilton; BTN Thimphu;
BOL La Paz, Sucre; BIH Sarajevo; BWA Gaborone; BRA Brasilia; BRN Bandar Seri Begawan;
BGR Sofia; BFA Ouagadougou; BDI Bujumbura; KHM Phnom Penh; CMR Yaounde; CAN Ottawa;
CPV Praia; CYM George Town; CAF Bangui; TCD N'Djamena, Ndjamena; CHL Santiago; CHN Beijing;
COL Bogota; COM Moroni; COG Brazzaville; COK Avarua; CRI San Jose; CIV Yamoussoukro, Abidjan;
HRV Zagreb; CUB Havana; CYP Nicosia; CZE Prague; CSK Prague; COD Kinshasa; DNK Copenhagen;
DJI Djibouti; DMA Roseau; DOM Santo Domingo; ECU Quito; EGY Cairo; SLV San Salvador;
GNQ Malabo; ERI Asmara; EST Tallinn; ETH Addis Ababa; FJI Suva; FIN Helsinki; FRA Paris;
GAB Libreville; GMB Banjul; GEO Tbilisi; DEU Berlin, Bonn; DDR East Berlin; GHA Accra;
GBR London; GRC Athens; GRD Saint George's, St. George's; GTM Guatemala City; GGY Saint Peter Port;
GIN Conakry; GNB Bissau; GUY Georgetown; HTI Port-au-Prince, Port au Prince; HND Tegucigalpa;
HKG Victoria; HUN Budapest; ISL Reykjavik; IND New Delhi; IDN Jakarta; IRN Tehran, Teheran;
IRQ Baghdad; IRL Dublin; ISR Jerusalem; ITA Rome; JAM Kingston; JPN Tokyo; JOR Amman;
KAZ Astana, Almaty, Alma-Ata; KEN Nairobi; KIR Tarawa; KWT Kuwait City; KGZ Bishkek;
LAO Vientiane; LVA Riga; LBN Beirut; LSO Maseru; LBR Monrovia; LBY Tripoli; LIE Vaduz;
LTU Vilnius; LUX Luxembourg; MKD Skopje; MDG Antananarivo; MWI Lilongwe; MYS Kuala Lumpur;
MDV Male; MLI Bamako; MLT Valletta; MHL Majuro; MRT Nouakchott; MUS Port Louis; MEX Mexico City;
FSM Palikir; MDA Chisinau; MCO Monaco; MNG Ulaanbaatar, Ulan Bator; MNE Podgorica; MAR Rabat;
MOZ Maputo; MMR Naypyidaw, Nay Pyi Taw, Yangon, Rangoon; NAM Windhoek; NRU Yaren; NPL Kathmandu;
NLD Amsterdam, The Hague; NZL Wellington; NIC Managua; NER Niamey; NGA Abuja, Lagos;
PRK Pyongyang; KSV Pristina, Prishtina; NOR Oslo; OMN Muscat; PAK Islamabad; PLW Melekeok, Koror;
PSE Ramallah; PAN Panama City; PNG Port Moresby; PRY Asuncion; PER Lima; PHL Manila;
POL Warsaw; PRT Lisbon; QAT Doha; ROU Bucharest; RUS Moscow; RWA Kigali; LCA Castries;
VCT Kingstown; WSM Apia; SMR San Marino; STP Sao Tome; SAU Riyadh; SEN Dakar; SRB Belgrade;
SCG Belgrade; SYC Victoria; SLE Freetown; SGP Singapore; SVK Bratislava; SVN Ljubljana;
SLB Honiara; SOM Mogadishu; ZAF Pretoria; KOR Seoul; SSD Juba; ESP Madrid; LKA Colombo;
SDN Khartoum; SUR Paramaribo; SWZ Mbabane; SWE Stockholm; CHE Bern, Berne; SYR Damascus;
TWN Taipei; TJK Dushanbe; TZA Dodoma, Dar es Salaam; THA Bangkok; TMP Dili; TGO Lome;
TON Nuku'alofa; TTO Port of Spain; TUN Tunis; TUR Ankara; TKM Ashgabat, Ashkhabad; TUV Funafuti;
UGA Kampala; UKR Kiev, Kyiv; ARE Abu Dhabi; USA Washington, Washington D.C.; URY Montevideo;
UZB Tashkent; VUT Port Vila; VEN Caracas; VNM Hanoi; YEM Sanaa, Sana'a; ZMB Lusaka;
ZWE Harare, Salisbury; SUN Moscow; KNA Basseterre
"""
CAPITALS: dict[str, list[str]] = defaultdict(list)
for _item in CAPITALS_TEXT.replace("\n", " ").split(";"):
    _item = _item.strip()
    if _item:
        _code, _names = _item.split(" ", 1)
        CAPITALS[_code] += [n.strip() for n in _names.split(",")]

# Other English names of a state, kept where the block lists them: older names still read
# in news and archives, and short forms that contain none of the label's words.
ENGLISH_NAMES = {
    "USA": ["America", "United States of America", "U.S.", "US", "USA", "U.S.A."],
    "GBR": ["Britain", "Great Britain", "UK", "U.K."], "NLD": ["Holland"],
    "MMR": ["Burma"], "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"], "COD": ["Zaire", "DR Congo", "DRC"],
    "LKA": ["Ceylon"], "THA": ["Siam"], "TWN": ["Formosa"], "KHM": ["Kampuchea"],
    "BEN": ["Dahomey"], "BFA": ["Upper Volta"], "ZWE": ["Rhodesia"], "TMP": ["Timor-Leste", "Timor Leste"],
    "CZE": ["Czechia"], "VNM": ["Viet Nam"], "DDR": ["German Democratic Republic", "GDR"],
    "DEU": ["West Germany", "Federal Republic of Germany", "FRG"], "SUN": ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
    "ETH": ["Abyssinia"], "CPV": ["Cabo Verde"], "SWZ": ["Eswatini"], "RUS": ["Russian Federation"],
    "TZA": ["United Republic of Tanzania", "Tanganyika"], "ZAF": ["Republic of South Africa"],
    "BRN": ["Brunei Darussalam"], "KOR": ["ROK", "R.O.K."], "PRK": ["DPRK", "D.P.R.K."],
    "ARE": ["UAE", "U.A.E."], "MKD": ["North Macedonia"], "COG": ["Congo-Brazzaville"],
}

# Demonyms that are not the name plus a suffix ('Danish', 'Dutch'), kept where listed.
IRREGULAR_DEMONYMS = {
    "GBR": ["British", "Briton", "Britons"], "USA": ["American", "Americans"], "FRA": ["French"],
    "NLD": ["Dutch"], "DNK": ["Danish", "Dane", "Danes"], "CHE": ["Swiss"], "GRC": ["Greek"],
    "FIN": ["Finnish", "Finn", "Finns"], "IRL": ["Irish"], "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "PRT": ["Portuguese"], "PHL": ["Filipino", "Filipina", "Philippine"], "NOR": ["Norwegian"],
    "PER": ["Peruvian"], "THA": ["Thai"], "ARE": ["Emirati"], "ISL": ["Icelandic", "Icelander"],
    "CIV": ["Ivorian"], "MDG": ["Malagasy"], "NZL": ["New Zealander"], "SWE": ["Swede", "Swedish"],
    "CYP": ["Cypriot"], "BIH": ["Bosnian", "Bosniak"], "POL": ["Pole", "Poles", "Polish"],
    "SUN": ["Soviet", "Soviets"], "DDR": ["East German", "East Germans"], "BEL": ["Belgian"],
    "SVN": ["Slovene", "Slovenian"], "HRV": ["Croat", "Croatian"], "TUR": ["Turk", "Turkish"],
    "MCO": ["Monegasque"], "LSO": ["Basotho", "Mosotho"], "BWA": ["Motswana", "Batswana"],
    "COD": ["Congolese"], "KAZ": ["Kazakh"], "KGZ": ["Kyrgyz"], "UZB": ["Uzbek"], "TJK": ["Tajik"],
    "TKM": ["Turkmen"], "AFG": ["Afghan"], "MNG": ["Mongol", "Mongolian"], "CZE": ["Czech", "Czechs"],
    "CSK": ["Czechoslovak"], "VNM": ["Vietnamese"], "LAO": ["Lao", "Laotian"], "KOR": ["South Korean"],
    "PRK": ["North Korean"], "ISR": ["Israeli"], "YEM": ["Yemeni"], "SAU": ["Saudi", "Saudis"],
    "ARG": ["Argentine", "Argentinian"], "DEU": ["German"], "CHN": ["Chinese"], "JPN": ["Japanese"],
    "RUS": ["Russian"], "IRQ": ["Iraqi"], "IRN": ["Iranian"], "SYR": ["Syrian"], "EGY": ["Egyptian"],
    "IND": ["Indian"], "PAK": ["Pakistani"], "ITA": ["Italian"], "CAN": ["Canadian"],
    "MEX": ["Mexican"], "BRA": ["Brazilian"], "TWN": ["Taiwanese"], "UKR": ["Ukrainian"],
    "PSE": ["Palestinian"], "LBN": ["Lebanese"], "JOR": ["Jordanian"], "LBY": ["Libyan"],
    "SDN": ["Sudanese"], "SOM": ["Somali"], "KEN": ["Kenyan"], "NGA": ["Nigerian"],
    "ZAF": ["South African"], "AUS": ["Australian"], "IDN": ["Indonesian"], "MYS": ["Malaysian"],
    "SRB": ["Serb", "Serbian"], "GEO": ["Georgian"], "ARM": ["Armenian"], "AZE": ["Azerbaijani", "Azeri"],
    "BLR": ["Belarusian", "Belarussian"], "KWT": ["Kuwaiti"], "QAT": ["Qatari"], "OMN": ["Omani"],
    "BHR": ["Bahraini"], "CUB": ["Cuban"], "VEN": ["Venezuelan"], "COL": ["Colombian"],
    "CHL": ["Chilean"], "MMR": ["Burmese"], "NPL": ["Nepalese", "Nepali"], "LKA": ["Sri Lankan"],
    "BGD": ["Bangladeshi"], "ETH": ["Ethiopian"], "ERI": ["Eritrean"], "HUN": ["Hungarian"],
    "ROU": ["Romanian"], "BGR": ["Bulgarian"], "AUT": ["Austrian"], "ALB": ["Albanian"],
    # the dictionary lists these as synonyms whose form the general rule takes for a misspelling
    "BFA": ["Burkinabe"], "MOZ": ["Mozambican"], "NER": ["Nigerien"], "MNE": ["Montenegrin"],
    "MDV": ["Maldivian"], "LUX": ["Luxembourger"], "SUR": ["Surinamese"], "WSM": ["Samoan"],
}

# Names the dictionary gives a state that news text mostly uses for another: bare "Congo"
# (the dictionary's CONGO_ is the Republic of the Congo; most reports mean the DR Congo).
STATE_ALIAS_STOPLIST = {"Congo"}

# Words of formal state names that carry no identity ("Republic of ...").
STATE_GENERIC_WORDS = set("""republic democratic people's peoples people of the and islamic kingdom
federal federation united socialist arab state states union commonwealth principality grand
duchy sultanate emirate plurinational bolivarian cooperative independent hashemite oriental
dr d.r. dpr rep rep. dem dem. lao""".split())
STATE_FORMAL_MARKERS = {"republic", "kingdom", "federation", "federal", "commonwealth",
                        "principality", "sultanate", "emirate", "dr", "d.r.", "dpr", "state", "states"}
DIRECTION_ABBREVIATIONS = {"n": "north", "n.": "north", "s": "south", "s.": "south",
                           "st": "saint", "st.": "saint"}
DEMONYM_SUFFIXES = ("i", "n", "an", "ian", "ese", "ish", "ean", "iot", "ite")

# Aliases never kept for any actor: English function words (kg matches case-sensitively,
# so the upper-case 'US' stays while 'Us' or 'The' would match ordinary words), and names
# that the dictionary lists for more than one state (handled in code).
FUNCTION_WORDS = set("""a an the us we it he she me my our you your they them his her its who
what when where why how all any some one no not nor and or but if so as at by for from in into
of off on onto out over to up upon with am is are was were be been do did has had have may can
will would shall should might must""".split())


def alias_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"\s+", text.lower().replace("’", "'")) if t]


def state_name_like(alias: str, label: str) -> bool:
    """'Republic of Iraq', 'N. Korea', 'DPR Korea' are names of the state labelled Iraq /
    North Korea; 'Korea' alone, 'North Kroea' or 'Soviet Korea' are not."""
    toks = [DIRECTION_ABBREVIATIONS.get(t, t) for t in alias_tokens(alias)]
    label_toks = alias_tokens(label)
    core = [t for t in label_toks if t not in STATE_GENERIC_WORDS]
    if not core:
        return False
    if any(t not in label_toks and t not in STATE_GENERIC_WORDS for t in toks):
        return False
    # all core words in the label's order ...
    it = iter(toks)
    if all(any(c == t for t in it) for c in core) and toks[-1] not in STATE_GENERIC_WORDS:
        return True
    # ... or the main word of the name in a formal name ('Democratic People's Republic of Korea')
    markers = [i for i, t in enumerate(toks) if t in STATE_FORMAL_MARKERS]
    return core[-1] in toks and bool(markers) and toks.index(core[-1]) > markers[0]


def demonym_like(alias: str, label: str) -> bool:
    """'Iraqi' for Iraq, 'North Korean' for North Korea, 'Afghan' for Afghanistan: the name
    without its ending (-istan, -ia, -a, -y, -e, -o, -us, -um, -as, -s) plus -i, -n, -an,
    -ian, -ese, -ish, -ean, -iot or -ite."""
    toks = alias_tokens(alias)
    label_toks = alias_tokens(label)
    if len(toks) != len(label_toks) or toks[:-1] != label_toks[:-1]:
        if not (len(toks) == 1 and len(label_toks) > 1):
            return False
        label_toks = label_toks[-1:]
    word, name = toks[-1], label_toks[-1]
    if word == name or not word.isalpha():
        return False
    stems = {name: DEMONYM_SUFFIXES}
    for ending in ("istan", "stan", "ia", "a", "y", "e", "o", "us", "um", "as", "s"):
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            stems.setdefault(name[: -len(ending)], DEMONYM_SUFFIXES + (("",) if "stan" in ending else ()))
    for stem, suffixes in stems.items():
        if word.startswith(stem) and word[len(stem):] in suffixes:
            return True
    return False


def demonym_plural(word: str) -> str | None:
    """'Iraqi' -> 'Iraqis', 'Afghan' -> 'Afghans'; none for 'Chinese', 'Swiss', 'British'."""
    last = word.split()[-1]
    if last.endswith(("ese", "ss", "sh", "ch", "ic", "s")) or last in ("Lao", "Malagasy", "Basotho"):
        return None
    return word + "s"


# --- persons, organisations, groups -------------------------------------------------------

# Ordinary English words among the names in the dictionaries (the tokens of person names and
# one-word names that are in Debian's wamerican word list, 2020.12.07, lower-case entries).
# A person whose every name word is one of these ('Grace Mary') is skipped, a surname that is
# one ('Baker', 'Hunter') is not given as a short form, and a one-word alias that is one is
# not kept.  Frozen here so the script needs no word list at run time.
ENGLISH_WORDS: set[str] = set("""
abbot abed acceptance access accountability accounting ace acme acorn acquisition acting action
actions active activism activist actors acuity administered adobe ads advance advanced advantage
advent advocate advocates aerospace afar affiliated afghan against agar ageing agility aging
agricultural agriculture aid aide aids air airline airlines airways alert ales align alive all
allied allot alloy ally almost alpha alto aluminum amazon ambassadors ambulance amigos analog
anarchist anarchists ancestry angel angle angora ani animal animation antarctic ante anti
apartment apogee apparel appeal apple applied approach aqua arc arch archaeologists archer
archipelago architects architectural arctic area arena arenas arias arm armada armadas armed
array arrow arroyo arson arsonists art arts ascent ash askew aspen asset assignment assistance
assisted associated associates assured aster astrakhan athletes atlas atoll attack attar
attorney audiovisual aura autism auto automatic automation automotive autonomous autonomy avatar
avengers avid awakened awareness axis axle aye babies bad bade badger bah baker balance bale
ball balls balm ban banana band bang bani bankers banking banks banner banners bannister baptist
bar barber bard bare barker barn baron baroness barrel barrier barrio barrios barrow barter base
based basil basin bastion bates bath battalions battery bay bazaar beach beacon bean bear bearer
bearings beau beauty beck bed before begin belay bell beloved benchmark beneficial bent berg
best bet beta better beyond bias big bight bile bill billy biosphere biotechnology bird black
blackboard blade blah blizzard block blue boa boardwalk boat boatswain bob bode bodies body bola
bold bole bolero bong bongo bonnet bonnie boogie book books boon boos boots border borders boron
bot bow bowler box boy boys bozo brake brand brands brandy bravo bread bridge bridges bright
brim broadcaster brocade bronco brooks brotherhood brothers brown brownie brush buckeye buckle
buffalo build builders building bulk bull bulletin bum bun burg burger burgers burning burns
burro bush business butler butt buy cable cadence cal caliper call campaign camps campus can
canal canaries canisters cannon canon canton canyon cap cape capes capital capitalist car carbon
carcasses card cardiovascular care caribou carnival carol carriers carrion cash casino casinos
castle cat catalyst catastrophe caterpillar catholic cause cave cedar celestial cell cells
centers central century ceramics chad chain champagne chancy change channel charities charity
charm charming chart chase check checkpoint cheek cheesecake chem chemical chemicals chevron chi
chief chiefs child children chile chimed chin china chinchilla chino chosen chow chuck churl
cinemas circuit cirrus cities citizen civic civil clapper clean clear clement cliffs climate
clinic clinical cloud coach coal coast coat cockpit coffee cogent cognizant coherent coke cola
collective collectors colleges collie cologne colon colony coma combatant combo come comfort
comm commando commandos commerce commercial committees commodore commonwealth communication
communications communism communities community companies compass compliance computer concepts
concern concur conference confidential congressman connection connections conquerors conquest
conscience conscientious consciously conservation consolidated consortium conspiracy constant
constellation construction consultants consulting consumer contact container continental
contingent continuity control controls conversion cook cools cooper cooperation coots cope
copper core cork cornerstone corning corp corporate cosmetics cost cote counter
counterrevolutionary countries country courage cousins covey cox cracker cray credence credit
credo creek creel crescent crimson crook cross crossing cruelty crystal cubic cubist cultural
cumming customs cynosure cypress dairy daisy dale dam darling data database daughters daunt
davit dawn day dean death deb declaration decorators deep deer defenders defending defiance dell
delta democracy demographic demon dent dental depot derrick desert design designers designs
desire detachments determination developing development developments device devices devil devils
dharma diagnostics diamond dice dick dickie dictatorial dictatorship dieter digital dime din
dine ding diodes direct directions director directorate directory dirk disability disaster disc
discovery display distance distribution diva diversified dividend dividing dock doctors document
dodge doe doer dole dollar dolly dominion domino don doors dot dote downer downing downs dreams
dredge dress drew drilling drugstore drugstores drys duck duff duke dun dung dupe during dyer
dynamics dynasty eagle eagles earl earth east eastern echo ecologist ecology economic economists
eddy education educators egg eight eke elect electric electronic electronics emergencies
emergent emirates empire empires employers empowerment ems enchantment encore endurance enduring
energizer energy enforcement engineered engineering engines enhanced enraged enterprise
enterprises entertainment environmental equality equatorial equities equity establishment estate
ester eta euro evergreen evolving excel executive exempt exhibitions exodus exploration exponent
express exterior external extra extreme extremist faction factions factory fair faith falcon
falcons fall falls fame family famous fan fang fanny far fares farms fat fatherland fathers fed
federally federated feed fellowship ferry fez fields fifth fighters fighting films fin finance
financial financing finch fine finish fiord fire fires first fisher fitness five fjord flag
flags flagstone flake flame flavors flex flood flora flower flowers fly focus foe font food
foods footlocker footwear ford forest formula fort fortes fortune forum fossil foster fourth fox
fragrance fragrances francs frank franks free freedom freeman freemen freight french fresh
friends frontier frontiers fruit fuel fuels fuller funding furniture further fury fuse future
gale galley gamble gamma gang gap garden garner garret gas gate gates gateway gay gel gelling
gender gene generation genesis genetics genocide genome gent geothermal ghoul gibbons gift gilds
gill girts given glacier glass glean glen global globe gold golden gong good goods google gore
gorge gourmet goutier governmental governments grace grad grades grain grange granite grant
graphics graveyard gravity gray great grebe green grew grey griffin grill gross groups growers
growth guaranty guardian guardsmen guerillas guerrilla guerrillas guidance guide guinea guise
gulf gumbo gun gurney gush guy habitat hag hah hall ham hammer hand hang hanks harbor harbors
hardy hared harmonic harmony harry hart harvest hat hawks hay hazel headwaters health healthcare
heart heartland heat heath heather hector heights hell helms hem hen henna her herald herb
heritage heroes heros hertz hickey hide high higher highlands highway hill hills hilltop hilly
him hind hinds hing hippo hock hockey hog hogan holder holders holding holdings holly holy home
homeland homes honk hood hoof hook hooker hoop hop hope horizon horizons horn hospitality
hospitals host hosting hot hotel hotels household housing hue huh hum human humanism
humanitarian humanity hung hunger hunt husbands hydraulics hypo icon identity iii image images
imaging immediate immigration imperial imperialist imports impoverished inc income incorporated
indemnity independence indomitable industrial industries industry infant infantry infinity
information infrastructure ingredients inhabitants inland inner innocence innocent innovations
innovative inns insight insignia inspire institution institutions instruments insurance integral
integrated intelligence intelligent inter interactive interest interface interior interiors
internationalism internet interns intersections interstate intrepid intuit intuitive investment
investments investors ion ire iridium iron islander isle isles ivory ivy jack jaguar japan jaw
jawed jay jazz jeans jersey jet jewel jewelers jihad jimmy jinn job jock jog john join joint
journal journalist joy judges juice jungle junior juniper kaput ken key keynote khan kid kids
kilo kin kinder kindle kindness kindred kinetic kiss kit kitchen kite kiwi knight knights knoll
knot knuckles kook kroner labor laboratories labs lacrosse laden lakes lam lama lame lance land
landing lasso last lattice laurel law laws lawyers lay lea leading leagues leapfrog learning
lease leasing leather led lee leers left leftist legacy legion legitimate lei leisure let level
levy lexicon liberators liberties libertine liberty library lie liege lien lieu life lifestyle
lifetime light lighting lightning lime limelight limerick limited linden line linear lines link
linkage linked links lions liquidators lisle little live living llamas llano loan local location
logic logistics lone long lop lopes lot lots love low lower lowland lubbers lumber luncheon lung
lynch machete machinery macro madden made madras magic magma maiden mainstream majestic maker
male mallard mama man management mane manga mania manning manpower mans mantilla manufacturing
map mar marathon march marches mares margarita maria marina marine mariner marines maritime mark
market markets marks marquises mars marsh mart marten martens martial martin martini martins
martyrs mason mass masses master masters mat materials math mats matte mavericks max maxim may
mayo mayoral mayors mead measurement measuring mecca medallion medical medicines melting men
mentor merchant merchants mercury mercy meres merge mergers meridian merino merit merits mes
mesa meshed message messing meta metal metals meter methods metro metropolitan mickey microchip
micron microwave mid middle midland midnight midstream mike mile miles military millennium
miller millers million mills min mind minerals mines mini mining ministers minor mint miracle
miss missions mobile mobility modular molecular monarch monitor monolithic monotheism monster
moo moody moon morning morocco moron mortgage motherhood motion motivators motor motorcar motors
mount mountains move muffler mufti multi municipal municipals muscat muse musical mutate mutual
myriad nadir nape natal nation nationalist nations nationwide natural nature navigation near
neighbors nephew net networks neutral new newt newton next nice nick nickel night nighthawk
nihilists nip nit noble nobles noel non nor north northeast northern northwest note nova novas
now nuance nuclei nucleus nuder number nurseries nut oaks oasis observatory occidental occupied
ocean octave odd odyssey official offshoot offshore oil old omega oncology one online onyx open
operating operation operatives opportunity oppression optical oracle orange orchids order ore
organization organizations orient oriental origin ouch outdoor outdoors outfitters outlet
outreach overseas overstock overthrow overthrown own owned oxford oxygen pacific packaging
packet pagan pain pal pall palladium palm pampas pan panel pang pansy pant panthers panting
pantry papa paper par paradise paragon paramount pare pared parfait park parks parkway
parliamentarian parliamentarians parry partisans partners partnership parts pas passer pat path
pathways patience patriot patriotic patriots patrol patrols pave payment payments pays peace
peak pearl peer pen peninsula penny pentagon pep pepper per perfect performance perks perm
persons pervasive pet peter peters petrochemical petroleum phalanx pharmaceutical
pharmaceuticals phoenix phone physical physicians pickles pictures pier pike pilgrim pin
pineapple pines ping pinnacle pinto pioneer pipeline pipelines piper pique pita pitcher pizza
place places plain plains plan planners plastics plateau platinum platoon platter playboy plaza
plea plenty plexus plus point pointer pol pole policy polish political polo polymers pool pop
popular population pore portal porter portfolio posse post pot potash pottering pour poverty
power precious precision premiere premium prestige prey price pride priesthood priests printing
prisoners private pro probe processing produce product production productions products
professional programs progress proletarian proletariat promoting propane proper properties
property pros prospect prosper prosperity protection protestant providence provident provinces
prudential psychiatric psychiatry pub public pueblo pun purchase pure pussy put quad quality
quanta quantum quay quest quicksilver quip rabbis racist radiant radiology raga rage raid rail
railroad railway rainier raja ram randy range rangers rankings rapids rash raven ray reach real
realty reap rear rebel recovery recycling red reed reef reeves reference refining reform
reformer refugee regal regency regiments regions rein reis rejection reliance reliant relief
religion religions renaissance rend renewable renewal renewed rental rentals reporter reporters
representative reprisals reps republican rescue research reserves resident residential
resistance resolute resort resorts resource resources responsibility restaurants retail revenge
review revolution revolutionaries rho rib rice rick ridge rifles righteous rights rim rind riot
rip ripple rising rite riverbed road roadhouse roadrunner rob robin rock rocky rod roger rogers
roll rolls roman roofing roots rose rosemary rosy rouge rounds rouse royalty rpm rub rubber ruby
ruing rumor rural rush rusk saboteurs sad safari safe safeguard safety saga sahib said saint
saith salaam salad salami salary sale saline sally salon salvo samba sander sandy sane sang sans
sari satellite sates savage save savings savior saviour saw sawyer say science sciences
scientific scripts scullion seal sears sec secret securities security secy see seeds select self
semen semi semiconductor semiconductors senate send senior separatist serge set seven seventh
shaikh shaker sham shams shanghai shared shares sharia shariah sharps shave she shearer sheen
shell shepherd sheriff sherry shield shin shining ship shipping ships shipyards shire shoe
shopping shore short shorten show shown shuffle sierra sight sigma signal signet silent silicon
silk silvan silver sim sims sin sing singer sins sis sisterhood sisters six skate skin skinheads
sky slack slim slime small smart smile smiling smit smith snack snap social sofa software sol
solar soli solidarity solution solutions some son song sonic sons soon sop sorority sos soul
source sources south southeast southern southwest sow spa space spark spartan speaks special
specialties specialty spectra spectrum speedway speller sphere spider spirit sporting sports
spring sprint squad squadrons square staff stage stainless stake stamps standard staples star
stark stationers stats steel steers stein sterling stone stones stop storage store stores storm
strait strategic strategies straw street strip strobe strong struck struggle struggles student
students stung styles suburban subversion suicide sum summer summers summit sun sunder sung
sunrise suns sunshine sup super supply support supporters surgical surveillance surveys survival
sustainable swain swami swan sweatshop sword sycamore symmetry symphony system systems tabu tag
take takeovers talisman tall tam tamale tan tandem tang tangier tank tanker tankers tanner
target taro tat tax tea teams tech technical technologies technology tee tel telecommunication
telecommunications telephone tell tempest temple tenet tens territorial territories territory
terry than thatcher then therapeutics therapy theta think third tho thong thorn through thus
tidewater tie tier tiger tigers time tin ting tint tiny tire tissue titan tobacco toe toga
together toll tom tome ton tong tony too tool top topic tore toreador torrid tort tortoise
torture total tower towers town track trade trading tram trans transact transatlantic
transcontinental transfer transition transport transportation travelers treaty tree trench
trends triangle tribal trident trinity triple tromp troy truck true truss tuck tucker tun tuner
turkey turner tusk tutu twin two ultra uncontrolled under understanding underwriters unification
unite united units unity universal universe upon uprising uranium urban urbane utilities vale
valence valentine vales valley value valves vanguard vanguards var vascular ventures vermillion
vertex vessel veterinary victor vigil vigorous villa village viola virgin visa viscount vision
vital vitamin viva voices volt voluntary volunteers wade wadi waging wail waldo wale wales
walker wall wan war ward warehousing warren warriors waste watch watchers water waters watt
watts wave way wee wellington wells welsh wen west western wet wetland wheeler white whiting
whole wide widows wild will win wind winds windward wing wings winter wire wireless wisdom with
without witness wolf wolverine womankind women won wonder woo wood woods works workshop world
worldwide wrestling wright xvi xxi yam yap yard yaw year yen yet yew yock yon you young youth
youths zebra zero zeta
""".split())

# Words that make a name an institution, a place or a body rather than a person.
ORG_WORDS = set("""ministry ministries minister party parties council army armies forces force
government committee court assembly parliament bank police union front movement office
department agency commission presidium politburo republic kingdom state states national federal
international organization organisation association institute university company corporation
group brigade brigades battalion militia service services guard guards navy media news radio
television tv newspaper times daily press church mosque foundation fund society league alliance
coalition club center centre school college academy board authority bureau congress senate
house palace embassy consulate province region city island islands river mountain sea lake
airport port district county camp prison hospital team cup games secretariat unit division
corps regiment command headquarters cabinet leadership regime administration junta citizens
workers soldiers troops rebels insurgents militants soviet supreme duma chamber council
tribunal federation confederation network trust initiative program programme project mission
delegation agency bloc opposition revolutionary liberation islamic democratic socialist
communist people peoples""".split())

# Titles and descriptions before a name ('PRESIDENT_JOSIPOVIC_', 'SOVIET_LEADER_LEONID_BREZHNEV').
TITLE_WORDS = set("""president prime minister premier chancellor general gen lieutenant lt
colonel col major maj captain capt admiral adm marshal field commander sheikh shaykh sheik king
queen prince princess emir amir sultan shah emperor empress crown dr doctor mr mrs ms sir lord
lady dame ayatollah grand imam mullah pope cardinal bishop archbishop rev reverend father
brother sister senator sen rep governor gov mayor secretary foreign defense defence chairman
chairwoman speaker deputy vice former late leader soviet comrade justice judge ambassador envoy
excellency majesty highness royal un u.n. us u.s. american british iraqi chinese russian kanzler
bundeskanzler
secretary-general dato dato' datuk datin seri alhaji haji hajji shri""".split())

# Titles of office a state's adjective may stand before ('German Chancellor', 'Soviet Premier');
# not the honorifics that are part of names ('Ahmed Shah Massoud', 'Khalid Sheikh Mohammed').
OFFICE_TITLES = set("""president premier chancellor prime minister leader foreign defense defence secretary
ambassador envoy chairman dictator governor mayor senator""".split())

# Where the family name comes first and is short ('Kim', 'Mao'), no surname short form.
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "PRK", "KOR", "SGP", "MAC"}

# Codes of sectors (not countries) that may follow an organisation's IGO/NGO prefix.
ORG_SECTOR_CODES = {"GOV", "MIL", "REB", "OPP", "JUD", "LEG", "BUS", "MED", "CVL", "EDU", "ELI",
                    "REL", "LAB", "HLH", "REF", "SPY", "CRM", "AGR", "ENV", "UAF", "COP", "DEV",
                    "HRI", "NGO", "IGO", "PTY", "MNC", "RAD", "MOD"} | RELIGION_CODES


# Sectors of a person's dated role ('PRKGOV 480909-721228'); a code that goes on with a
# territory ('GBRFLK...', the Falklands) is a post in that territory, not in the state.
PERSON_SECTORS = {"GOV", "MIL", "ELI", "REB", "OPP", "JUD", "LEG", "BUS", "MED", "CVL", "EDU",
                  "LAB", "HLH", "REF", "SPY", "CRM", "AGR", "ENV", "UAF", "COP", "DEV", "HRI",
                  "PTY", "REL"}  # not OCC: occupation codes are a state's ('[ESTOCC <911...]')


def strip_titles(text: str) -> str:
    """'President Josipovic' -> 'Josipovic'; a particle left in front is capitalised
    ('Prince al-Muhtadee Billah' -> 'Al-Muhtadee Billah')."""
    toks = text.split(" ")
    stripped = False
    # a word before a title qualifies it ('German Chancellor Angela Merkel'): kg reads the state
    # and the title from the text, so the alias is the name alone
    while toks and (toks[0].lower().strip(".,") in TITLE_WORDS
                    or (len(toks) > 2 and toks[1].lower().strip(".,") in OFFICE_TITLES)):
        toks = toks[1:]
        stripped = True
    if stripped and toks and toks[0][:1].islower():
        toks[0] = toks[0][:1].upper() + toks[0][1:]
    return " ".join(toks)


def person_like(text: str) -> bool:
    """Two to five name words, none of them an institution's, not all ordinary words."""
    toks = text.split(" ")
    if not 2 <= len(toks) <= 5:
        return False
    lows = [t.lower().strip(".,") for t in toks]
    if lows[0] in SMALL_WORDS or not re.match(r"[A-Za-z]", toks[0]):
        return False
    if any(w in ORG_WORDS for w in lows):
        return False
    parts = [p for t in lows for p in re.split(r"[-']", t) if p and p not in SMALL_WORDS]
    if parts and all(p in ENGLISH_WORDS for p in parts):
        return False
    return all(re.fullmatch(r"[A-Za-z][A-Za-z.'-]*", t) for t in toks)


def person_variants(name: str, iso: str) -> list[str]:
    """Spellings of a full name read in news: 'Kim Jong-Un' also as 'Kim Jong-un' (Korean
    given names), 'al-Bakr' also as 'Al-Bakr'."""
    out = [name]
    if iso in ("PRK", "KOR"):
        low = re.sub(r"-([A-Z])", lambda m: "-" + m.group(1).lower(), name)
        if low != name:
            out.append(low)
    if " al-" in name:
        out.append(name.replace(" al-", " Al-"))
    return out


def union_find_groups(keys_per_item: list[set[str]]) -> list[list[int]]:
    parent = list(range(len(keys_per_item)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    owner: dict[str, int] = {}
    for i, keys in enumerate(keys_per_item):
        for k in sorted(keys):
            if k in owner:
                a, b = find(owner[k]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[k] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys_per_item)):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", text) if w and w.lower() not in SMALL_WORDS).upper()


def clean_org_names(names: list[str], acronym_hint: set[str], given_names: set[str],
                    acronym_words: frozenset = frozenset(), short_acronyms: int = 4) -> list[str]:
    """Names of an organisation or group as written in text.

    A parenthesised acronym becomes an alias of its own ('ARYAN_NATIONS_(AN)_' -> 'Aryan
    Nations'; 'ETA' from '(ETA)' when at least three letters); another parenthesis is a
    coder's note and is dropped ('DIRECT_ACTION_(GREECE)_' -> 'Direct Action').  Person names
    listed under a group (a leader under HAMAS_) and one-word ordinary English words are not
    names of the body.
    """
    out = []
    for index, raw in enumerate(names):
        raw = raw.replace("+", " ").strip()
        if not raw or "\ufffd" in raw:
            continue
        raw = re.sub(r"^THE[_\s]+(?=\S)", "", raw)  # 'THE_UN_': the article is not part of the name
        inner = re.findall(r"\(([^)]*)\)", raw)
        base = re.sub(r"\([^)]*\)", " ", raw)
        texts = [base]
        for x in inner:
            x = x.strip(" _")
            if re.fullmatch(r"[A-Z][A-Z0-9&-]{2,9}", x):
                texts.append(x)
        for t in texts:
            t = re.sub(r"[_\s]+", " ", t).strip(" ,;:-")
            if not t or "," in t or "/" in t and len(t.split()) > 1:
                continue
            toks = t.split(" ")
            single = len(toks) == 1
            if "/" in t:
                continue
            if single:
                key = re.sub(r"[^A-Za-z]", "", t)
                vowels = sum(1 for c in key.upper() if c in "AEIOU")
                acronym = "." in t or key.upper() in acronym_hint or len(key) <= short_acronyms \
                    or (short_acronyms > 4 and len(key) <= 6 and (vowels <= 2 or key.upper().startswith("UN"))) \
                    or is_acronym_token(t, allow_words=len(key) <= 4)
                text = t.upper() if acronym else cap_word(t)
                if len(key) < 2 or (not acronym and key.lower() in ENGLISH_WORDS):
                    continue
                if key.lower() in FUNCTION_WORDS and not text.isupper():
                    continue
            else:
                text = display_name(t, acronym_words=acronym_words)
                bare = strip_titles(text)
                if index > 0 and person_like(bare) and bare.split(" ")[0].lower() in given_names:
                    continue
            out.append(text)
    return list(OrderedDict.fromkeys(out))


TYPE_COMPATIBLE = {
    "state": {"state"},
    "organisation": {"organisation", "media_outlet", "military_unit"},
    "media_outlet": {"media_outlet", "organisation"},
    "group": {"group", "organisation", "military_unit"},
    "person": {"person"},
}


def read_existing_actors(path: Path) -> list[dict]:
    """ontology/actors.yaml, whose ids the derived file reuses for the same actor."""
    if not path.exists():
        return []
    import yaml
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [a for a in data or [] if isinstance(a, dict) and a.get("id")]


def derive_world_actors(reference: Path, existing_path: Path, stats: dict) -> list[dict]:
    pet = reference / "petrarch2"
    skipped = defaultdict(int)
    countries = parse_actor_entities(read_lines(pet / "Phoenix.Countries.actors.txt"))

    # -- states: every block whose first code is a bare three-letter country code; a state's
    #    names are those of all such blocks (the second KNA and HRV blocks hold most of them)
    state_blocks: dict[str, list[dict]] = OrderedDict()
    for ent in countries:
        bare = [c for c, _ in ent["codes"] if re.fullmatch(r"[A-Z]{3}", c)]
        office = any(c[3:6] in ORG_SECTOR_CODES and date_range(r) for c, r in ent["codes"])
        if bare and not office and bare[-1] not in NOT_STATES:
            # Armenia is [SUNARM <911221] [ARM >911221]: the state is its last bare code
            state_blocks.setdefault(bare[-1], []).append(ent)
    state_blocks.pop("---", None)
    labels = {}
    for code, blocks in state_blocks.items():
        # the state's own block ('GERMANY_ [DEU]') names it, not an earlier block that
        # passes to it ('LEIPZIG_ ... [DEU >901003]')
        own = next((b for b in blocks if b["codes"][0] == (code, "")), blocks[0])
        blocks.remove(own)
        blocks.insert(0, own)
        labels[code] = STATE_LABELS.get(code) or display_name(own["names"][0])
    label_words = {w for lab in labels.values() for w in alias_tokens(lab)}

    states = OrderedDict()
    alias_owners: dict[str, set[str]] = defaultdict(set)
    for code, blocks in state_blocks.items():
        label = labels[code]
        aliases = [label]
        demonyms = []
        acronym_candidates = []
        all_names = [n for b in blocks for n in b["names"]]
        nationality = blocks[0]["names"][1] if len(blocks[0]["names"]) > 1 else None
        for raw in all_names:
            if re.search(r"[(),/\ufffd]|[^\x00-\x7f]", raw):
                continue
            single = len(raw.strip("_ ").split("_")) == 1 and " " not in raw.strip()
            word = raw.strip("_ ").lower()
            text = display_name(raw, acronyms="single" if single and word not in label_words else "auto")
            key = name_key(text)
            found = None
            for cap in CAPITALS.get(code, []):
                if name_key(cap) == key:
                    found = cap
            alts = ENGLISH_NAMES.get(code, [])
            if text in alts:
                found = text
            else:
                found = next((a for a in alts if name_key(a) == key and a.count(".") == text.count(".")), found)
            for dem in IRREGULAR_DEMONYMS.get(code, []):
                if name_key(dem) == key:
                    found = dem
                    demonyms.append(dem)
            if found is None and state_name_like(text, label):
                found = text
            # CountryInfo writes the nationality right after the name: that one synonym is
            # taken when it is the name plus a demonym suffix (elsewhere such forms are mostly
            # misspellings of the name: 'Argentinan', 'Bangladeish')
            if found is None and raw == nationality and demonym_like(text, label):
                found = text
                demonyms.append(text)
            # an abbreviation of the label or of another name kept for the state ('DPRK',
            # 'ROK'), decided once all names are known
            if found is None and single and len(re.sub(r"[^A-Za-z]", "", raw)) >= 2 \
                    and is_acronym_token(raw.strip("_ "), allow_words=word not in label_words):
                acronym_candidates.append(re.sub(r"_", "", raw.strip("_ ")).upper())
                continue
            if found is None:
                skipped["state names that are places, misspellings or foreign forms"] += 1
                continue
            if found.lower() in FUNCTION_WORDS and not found.isupper() or found in STATE_ALIAS_STOPLIST:
                continue
            toks = found.split(" ")
            if len(toks) > 1 and (toks[0] == "The" or any(
                    t.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|St\.", t) for t in toks)):
                skipped["state names with an article or an abbreviated word ('The USA', 'Rep.')"] += 1
                continue
            if len(toks) == 1 and found in CAPITALS.get(code, []) and found.lower() in ENGLISH_WORDS:
                continue  # 'Male' (Maldives)
            aliases.append(found)
        kept_initials = {initials(a) for a in aliases + ENGLISH_NAMES.get(code, []) if " " in a}
        for acr in acronym_candidates:
            if "." in acr and not re.fullmatch(r"(?:[A-Z]\.)+", acr):
                continue  # 'U.K' without its last dot
            if acr.replace(".", "") in kept_initials and acr.lower() not in FUNCTION_WORDS - {"us"}:
                aliases.append(acr)
            else:
                skipped["state abbreviations of no kept name"] += 1
        for dem in demonyms:
            plural = demonym_plural(dem)
            if plural:
                aliases.append(plural)
        aliases = list(OrderedDict.fromkeys(aliases))
        for a in aliases:
            alias_owners[a].add(code)
        states[code] = {"label": label, "aliases": aliases}
    # a name the dictionary gives two states ('Congo', 'Dominican') is left to neither,
    # unless it is one of them's label
    for code, st in states.items():
        keep = []
        for a in st["aliases"]:
            owners = alias_owners[a]
            if len(owners) > 1 and a != st["label"]:
                skipped["state names shared by several states"] += 1
                continue
            keep.append(a)
        st["aliases"] = keep

    # -- given names seen in the leaders' list (to tell a leader's name from a group's name)
    given_names = set()
    given_count: dict[str, int] = defaultdict(int)
    for ent in countries:
        if "CountryInfo" in ent["comment"]:
            toks = ent["names"][0].strip("_ ").split("_")
            if len(toks) >= 2:
                given_names.add(toks[0].lower())
                given_count[toks[0].lower()] += 1

    records = []  # dicts with type, label, aliases, ...; '_'-keys are working fields

    for code, st in states.items():
        rec = OrderedDict([("label", st["label"]), ("type", "state"),
                           ("iso3", ISO_FIXES.get(code, code)), ("aliases", st["aliases"])])
        rec["_code"] = code
        records.append(rec)

    state_ids_by_code = {}  # filled after ids are assigned (roles refer to states by id)

    # -- international organisations
    intl = parse_actor_entities(read_lines(pet / "Phoenix.International.actors.txt"))
    orgs = []
    for ent in intl:
        code = ent["codes"][0][0]
        prefix = code[:3]
        if prefix not in ("IGO", "NGO", "MED"):
            skipped["international: companies (MNC) and other codes"] += 1
            continue
        dated = any(date_range(r) for _, r in ent["codes"])
        first = strip_titles(display_name(ent["names"][0]))
        if dated or "IGOrulers" in ent["comment"] or (
                person_like(first) and first.split(" ")[0].lower() in given_names):
            skipped["international: persons (office holders of organisations)"] += 1
            continue
        orgs.append(ent)
    groups_raw = []
    for ent in parse_actor_entities(read_lines(pet / "Phoenix.MilNonState.actors.txt")):
        first = strip_titles(display_name(ent["names"][0]))
        dated = any(date_range(r) for _, r in ent["codes"])
        if dated and person_like(first) or (person_like(first) and first.split(" ")[0].lower() in given_names):
            skipped["armed groups file: persons"] += 1
            continue
        groups_raw.append(ent)

    # abbreviations used as one-word names anywhere ('UN_', 'NATO_', 'USA_'): the same letters
    # inside a longer name are written in capitals too ('UN_SECRETARY_GENERAL' -> 'UN ...')
    acronym_words = set()
    for rec in records:
        acronym_words |= {a.replace(".", "") for a in rec["aliases"] if " " not in a and a.replace(".", "").isupper()}
    for ent in orgs:
        for n in ent["names"]:
            k = re.sub(r"^THE_", "", n.strip("_ ")).replace(".", "")
            vowels = sum(1 for c in k if c in "AEIOU")
            if re.fullmatch(r"[A-Z]{2,6}", k) and (len(k) <= 4 or vowels <= 2 or k.startswith("UN")):
                acronym_words.add(k)
    acronym_words = frozenset(acronym_words)

    def org_records(entities, kind):
        # one record per organisation: blocks that share a name ('UN_', 'THE_UN_') or
        # whose one-word name is the initials of another's ('NATO') are merged
        cleaned = []
        for ent in entities:
            acr = {initials(display_name(n)) for n in ent["names"] if len(n.strip("_").split("_")) > 2}
            names = clean_org_names(ent["names"], acr, given_names, acronym_words,
                                    5 if kind == "international" else 4)
            if not names:
                skipped[f"{kind}: no usable name"] += 1
                continue
            cleaned.append((ent, names))
        # blocks of the same code that share a name are one body ('UN_', 'THE_UN_' [IGOUNO]);
        # across codes a shared name ('PEOPLES_LIBERATION_ARMY_' under the INLA and a Turkish
        # group) is a homonym, left to neither (below)
        keysets = []
        for i, (ent, names) in enumerate(cleaned):
            code = ent["codes"][0][0]
            keysets.append({code + "#" + name_key(n) for n in names})
        # acronym links within the same code
        code_of = [ent["codes"][0][0] for ent, _ in cleaned]
        ini_index: dict[tuple, list[int]] = defaultdict(list)
        for i, (ent, names) in enumerate(cleaned):
            for n in names:
                if len(n.split()) >= 2:
                    ini_index[(code_of[i], initials(n))].append(i)
        for i, (ent, names) in enumerate(cleaned):
            for n in names:
                if " " not in n and n.replace(".", "").isupper():
                    for j in ini_index.get((code_of[i], n.replace(".", "")), []):
                        keysets[i].add(f"#link{j}")
                        keysets[j].add(f"#link{j}")
        out = []
        for group in union_find_groups(keysets):
            names = []
            for i in group:
                names += cleaned[i][1]
            names = list(OrderedDict.fromkeys(names))
            ent = cleaned[group[0]][0]
            # the label: the first name, or the first of several words when that is an
            # abbreviation ('NATO' -> 'North Atlantic Treaty Organization')
            label = names[0]
            if label.replace(".", "").isupper():
                label = next((n for n in names if " " in n), label)
            out.append((ent, label, names))
        return out

    for ent, label, names in org_records(orgs, "international"):
        code = ent["codes"][0][0]
        segs = [code[i:i + 3] for i in range(3, len(code), 3)]
        prefix = code[:3]
        country = next((s for s in segs[:1] if s in states and s not in ORG_SECTOR_CODES), None)
        rec = OrderedDict([("label", label),
                           ("type", "media_outlet" if prefix == "MED" else "organisation")])
        if prefix == "IGO":
            rec["iso3"] = "IGO"
        elif country:
            rec["iso3"] = ISO_FIXES.get(country, country)
        elif prefix == "NGO":
            rec["iso3"] = "NGO"
        rec["aliases"] = names
        rec["sector"] = prefix
        if country and prefix != "IGO":
            rec["_country"] = country
        records.append(rec)

    for ent, label, names in org_records(groups_raw, "armed groups"):
        code = ent["codes"][0][0]
        country = code[:3] if code[:3] in states else None
        sector = None
        for i in range(0, len(code), 3):
            seg = code[i:i + 3]
            if seg == "IMG":
                sector = "IMG"
                break
            if seg in ORG_SECTOR_CODES and seg not in RELIGION_CODES and seg not in MODIFIER_CODES:
                sector = SECTOR_RENAMES.get(seg, seg)
                break
        rec = OrderedDict([("label", label), ("type", "group"), ("aliases", names),
                           ("sector", sector or "REB")])
        if country:
            rec["_country"] = country
        records.append(rec)

    # -- office holders: persons in the country file with dated codes
    persons = []
    for ent in countries:
        if ent["codes"][0][0] in states and re.fullmatch(r"[A-Z]{3}", ent["codes"][0][0]):
            continue
        cleaned = []
        for raw in ent["names"]:
            if re.search(r"[(),/]|\ufffd", raw):
                continue
            text = strip_titles(display_name(raw, join_particles=True))
            if person_like(text):
                cleaned.append(text)
        if not cleaned:
            continue
        roles = []
        for code, restriction in ent["codes"]:
            span = date_range(restriction)
            if span is None:
                continue
            country, sector = code[:3], code[3:6]
            if country not in states or sector not in PERSON_SECTORS:
                skipped["person roles in territories or without a sector"] += 1
                continue
            roles.append((country, SECTOR_RENAMES.get(sector, sector), span[0], span[1]))
        if not roles:
            skipped["persons without a dated role"] += 1
            continue
        persons.append((ent, cleaned, roles))

    merged_persons: dict[tuple, dict] = OrderedDict()
    for ent, cleaned, roles in persons:
        label = cleaned[0]
        countries_of = [r[0] for r in roles]
        main = max(sorted(set(countries_of)), key=lambda c: (countries_of.count(c), -min(r[2] for r in roles if r[0] == c)))
        key = (name_key(label), main)
        rec = merged_persons.get(key)
        if rec is None:
            rec = {"label": label, "names": [], "roles": [], "country": main}
            merged_persons[key] = rec
        rec["names"] += cleaned
        rec["roles"] += roles

    for (_, main), p in merged_persons.items():
        spans = defaultdict(list)
        for country, sector, a, b in p["roles"]:
            spans[(country, sector)].append([a, b])
        roles = []
        for (country, sector), ivs in spans.items():
            ivs.sort()
            cur = ivs[0][:]
            for a, b in ivs[1:]:
                if a <= cur[1]:
                    cur[1] = max(cur[1], b)
                else:
                    roles.append((cur[0], cur[1], country, sector))
                    cur = [a, b]
            roles.append((cur[0], cur[1], country, sector))
        roles.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
        aliases = []
        for n in p["names"]:
            aliases += person_variants(n, main)
        aliases = list(OrderedDict.fromkeys(aliases))
        rec = OrderedDict([("label", p["label"]), ("type", "person"), ("aliases", aliases)])
        surname = p["label"].split(" ")[-1]
        if surname.lower().startswith(("al-", "el-")):
            surname = surname[3:]
        # no short form where the last name is also a common given name ('Ahmed', 'Ibrahim',
        # 'Khalifa': first name of three or more leaders), so it would not pick out this person
        if main not in FAMILY_NAME_FIRST and len(surname) >= 5 and surname.isalpha() \
                and surname.lower() not in ENGLISH_WORDS and given_count.get(surname.lower(), 0) < 3:
            rec["short"] = [surname]
        rec["_country"] = main
        rec["_roles"] = roles
        records.append(rec)

    # -- a name given to two different bodies or groups is dropped from both, except where it
    #    is one's label
    owners = defaultdict(set)
    for idx, rec in enumerate(records):
        if rec["type"] in ("organisation", "media_outlet", "group"):
            for a in rec["aliases"]:
                owners[name_key(a)].add(idx)
    for idx, rec in enumerate(records):
        if rec["type"] in ("organisation", "media_outlet", "group"):
            kept = [a for a in rec["aliases"] if len(owners[name_key(a)]) == 1 or a == rec["label"]]
            skipped["names shared by two organisations or groups"] += len(rec["aliases"]) - len(kept)
            rec["aliases"] = kept

    # -- ids: a slug of the label; the id of ontology/actors.yaml for the same actor; a
    #    suffix (the country, then a number) where two actors would share one
    existing = read_existing_actors(existing_path)
    existing_ids = {a["id"] for a in existing}
    existing_names = []
    for a in existing:
        names = {name_key(str(a.get("label", "")))} | {name_key(str(x)) for x in a.get("aliases") or []}
        existing_names.append((a, name_key(str(a.get("label", ""))), names))
    # Scores: 4 the labels are equal, 3 the derived label is one of its names, 2 its label is
    # one of the derived aliases, 1 they share an alias of two or more words.  A body or group
    # with a country must have the same country (the Irish INLA once called itself "People's
    # Liberation Army"); a person is matched by name alone (the dictionary may file a Soviet
    # leader's posts under RUS).  Each existing id goes to the best-scoring derived actor.
    claims: dict[str, tuple] = {}
    for idx, rec in enumerate(records):
        lab = name_key(rec["label"])
        keys = {name_key(a) for a in rec["aliases"]}
        multi = {k for k in keys if " " in k}
        best = None
        for a, alab, anames in existing_names:
            if a.get("type") not in TYPE_COMPATIBLE[rec["type"]]:
                continue
            score = 4 if lab == alab else 3 if lab in anames else 2 if alab in keys else 1 if multi & anames else 0
            if not score:
                continue
            if rec["type"] not in ("person", "state") and a.get("country"):
                mine = rec.get("_country")
                if mine is None and score < 3:
                    continue
                if mine is not None and slug(labels[mine]) != a["country"] and \
                        not any(x["id"] == a["country"] and name_key(str(x.get("label", ""))) == name_key(labels[mine])
                                for x in existing):
                    continue
            if best is None or score > best[0]:
                best = (score, a["id"])
        if best:
            prev = claims.get(best[1])
            if prev is None or best[0] > prev[0]:
                claims[best[1]] = (best[0], idx)
    reuse = {idx: aid for aid, (_, idx) in claims.items()}
    used = set()
    for idx, rec in enumerate(records):
        if idx in reuse:
            rec["id"] = reuse[idx]
            used.add(rec["id"])
    for idx, rec in enumerate(records):
        if "id" in rec:
            continue
        base = slug(rec["label"]) or "actor"
        cand = base
        if cand in used or cand in existing_ids:
            country = rec.get("_country")
            cand = f"{base}_{slug(labels[country])}" if country else base
            n = 2
            while cand in used or cand in existing_ids:
                cand = f"{base}_{n}"
                n += 1
        rec["id"] = cand
        used.add(cand)
    for rec in records:
        if rec["type"] == "state":
            state_ids_by_code[rec["_code"]] = rec["id"]

    out = []
    for rec in records:
        o = OrderedDict([("id", rec["id"]), ("label", rec["label"]), ("type", rec["type"])])
        if "iso3" in rec:
            o["iso3"] = rec["iso3"]
        if rec.get("sector"):
            o["sector"] = rec["sector"]
        aliases = [a for a in rec["aliases"]]
        o["aliases"] = aliases
        if rec.get("short"):
            o["short"] = rec["short"]
        if rec.get("_country"):
            o["country"] = state_ids_by_code[rec["_country"]]
        if rec.get("_roles"):
            o["roles"] = [OrderedDict([("actor", state_ids_by_code[c]), ("sector", s), ("from", a), ("to", b)])
                          for a, b, c, s in rec["_roles"]]
        out.append(o)
    stats["world_actors"] = dict(sorted(skipped.items()))
    return out


# --------------------------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------------------------

SOURCES = {
    "verbs": ["petrarch2/CAMEO.2.0.txt (PETRARCH2 verb dictionary, MIT, openeventdata/petrarch2 @676801c)",
              "plover/CAMEO2PLOVER-2021.txt (CAMEO -> PLOVER table, PLOVER draft 0.8, CC BY-SA 4.0, openeventdata/PLOVER @5e0c24f)"],
    "agents": ["petrarch2/Phoenix.agents.txt (Phoenix agents dictionary, MIT, openeventdata/petrarch2 @676801c)"],
    "world_actors": ["petrarch2/Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,",
                     "Phoenix.MilNonState.actors.txt (Phoenix actor dictionaries, MIT, openeventdata/petrarch2 @676801c)",
                     "ids shared with ontology/actors.yaml where the actor is the same"],
}


def header(name: str, lines: list[str]) -> str:
    out = [f"# {name}: derived by scripts/derive_lexicons.py from the event-data field's dictionaries",
           "# in shared/reference:"]
    out += [f"#   {s}" for s in SOURCES[name.split(".")[0]]]
    out += [f"# {GENERATED_NOTE}", "#"]
    out += [f"# {l}" if l else "#" for l in lines]
    return "\n".join(out) + "\n"


VERBS_DOC = [
    "Fields",
    "  id            verb:LEMMA, verb:LEMMA_PARTICLE, verb:LEMMA+OBJECT (unique)",
    "  lemma         base form, lower case, as spaCy lemmatises it (one word)",
    "  particle      particle or preposition of a phrasal verb ('with', 'down on'); the target follows it",
    "  object_words  the verb counts only with one of these as its object (singular and plural forms)",
    "  relation      PLOVER event type, from the CAMEO code through CAMEO2PLOVER",
    "  cameo         the CAMEO code of the dictionary entry",
]
AGENTS_DOC = [
    "Generic agent nouns: 'Soviet border guards' is the Soviet Union's military (MIL).",
    "Fields",
    "  noun    singular, lower case, words separated by spaces",
    "  sector  Phoenix sector code (GOV MIL REB OPP JUD LEG BUS MED CVL EDU ELI REL LAB HLH REF SPY",
    "          CRM AGR ENV UAF DEV HRI NGO IGO PTY ...); Phoenix's COP is POLICE",
    "  plural  only where the plural is not the regular one ('gunman' -> 'gunmen')",
]
ACTORS_DOC = [
    "Actors in the schema of ontology/actors.yaml (id, label, type, aliases, short, country), plus",
    "  iso3    ISO 3166-1 alpha-3 of a state (XKX for Kosovo), IGO or NGO for international bodies,",
    "          the country's code for a national body",
    "  sector  Phoenix sector of a group or organisation (REB, IMG, IGO, NGO, MED, ...)",
    "  roles   of a person: {actor: state id, sector: GOV|MIL|ELI|..., from: YYYY, to: YYYY} from the",
    "          dictionary's date-bounded codes; open ends are from: 0 and to: 9999",
    "An id that is also in ontology/actors.yaml names the same actor there, so kg can merge the two.",
]


def render_verbs(entries) -> str:
    body = "".join(f"- {flow_map(e.items())}\n" for e in entries)
    return header("verbs.yaml", VERBS_DOC) + "\n" + body


def render_agents(entries) -> str:
    body = "".join(f"- {flow_map(e.items())}\n" for e in entries)
    return header("agents.yaml", AGENTS_DOC) + "\n" + body


def render_actors(entries) -> str:
    """States, organisations and groups in block style like actors.yaml; persons (the bulk)
    one flow mapping per line."""
    parts = [header("world_actors.yaml", ACTORS_DOC)]
    current = None
    titles = {"state": "states", "organisation": "international organisations",
              "media_outlet": "media", "group": "armed non-state groups", "person": "office holders"}
    for e in entries:
        if e["type"] != current:
            current = e["type"]
            parts.append(f"\n# --- {titles.get(current, current)} ---\n")
        if e["type"] == "person":
            parts.append(f"- {flow_map(e.items())}\n")
            continue
        lines = [f"\n- id: {q(e['id'])}"]
        for key, value in e.items():
            if key == "id":
                continue
            if isinstance(value, list):
                lines.append(f"  {key}: {flow_list(value)}")
            else:
                lines.append(f"  {key}: {q(value)}")
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help="folder with petrarch2/ and plover/ (default: ../shared/reference)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default: ontology/derived)")
    parser.add_argument("--actors", type=Path, default=REPO / "ontology" / "actors.yaml",
                        help="kg's own actor file, whose ids are reused (default: ontology/actors.yaml)")
    parser.add_argument("--stats", action="store_true", help="print what was skipped and why")
    args = parser.parse_args(argv)
    if not (args.reference / "petrarch2").is_dir():
        parser.error(f"no petrarch2/ in {args.reference}")
    stats: dict = {}
    verbs = derive_verbs(args.reference, stats)
    agents = derive_agents(args.reference, stats)
    actors = derive_world_actors(args.reference, args.actors, stats)
    # JSON Lines, one entry a line: the gazetteer is 20,000 actors, which JSON reads some hundred
    # times faster than YAML, and kg loads it on every command; the documentation goes to README.md
    data = {"verbs.jsonl": verbs, "agents.jsonl": agents, "world_actors.jsonl": actors}
    for name, entries in data.items():
        key = "noun" if name == "agents.jsonl" else "id"
        ids = [d[key] for d in entries]
        if len(ids) != len(set(ids)):
            raise SystemExit(f"{name}: duplicate {key}s")
    texts = {name: "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries) for name, entries in data.items()}
    texts["README.md"] = "\n".join(["# Derived lexicons", "",
                                    "Made by `scripts/derive_lexicons.py`; do not edit by hand: extend kg with your own rule",
                                    "files instead (`--rules DIR`, see the README). One JSON object a line.", "",
                                    "```", header("verbs.jsonl", VERBS_DOC), header("agents.jsonl", AGENTS_DOC),
                                    header("world_actors.jsonl", ACTORS_DOC), "```", ""])
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
    for old in ("verbs.yaml", "agents.yaml", "world_actors.yaml"):
        if (args.out / old).exists():
            (args.out / old).unlink()
    print(f"verbs.jsonl {len(verbs)}, agents.jsonl {len(agents)}, world_actors.jsonl {len(actors)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(count_types(actors).items()))}) -> {args.out}")
    if args.stats:
        print(json.dumps(stats, indent=1, ensure_ascii=False))
    return 0


def count_types(actors) -> dict:
    counts = defaultdict(int)
    for a in actors:
        counts[a["type"]] += 1
    return counts


if __name__ == "__main__":
    sys.exit(main())
