"""Actors no list has: names the NER finds (PERSON, ORG, NORP, GPE) and groups named by an agent noun
("Egyptian protesters") become the document's own actors; a title and surname ("Mrs Thatcher") is the
listed person of that name in office.

Each gets a stable id from its name, a type, and `listed=False`; a short form ("Wałęsa" after "Lech
Wałęsa", "RSF" after "Rapid Support Forces (RSF)") is the same actor. What counts as a place, a non-name
or a state sector is data (ontology/frames.yaml).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from kg.extract.model import ActorMention, Sentence
from kg.extract.parse import Parse
from kg.rules import Actor, Represents, Rules

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "state"}
_ARGUMENT = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"}
# where a group's noun stands: an argument, or the root the small parser makes of a subject that a
# relative clause cuts off from its verb ("The protesters, who massed outside, pelted the police")
_GROUP_SLOTS = _ARGUMENT | {"ROOT"}
# a place name after these is where something happened, not who acted ("fighting in Bakhmut")
# sectors of people who own no leaders, governments or posts as a group (CAMEO: civilians, refugees)
_UNORGANISED = {"CVL", "REF"}
_LOCATIVE = {"in", "at", "near", "across", "throughout", "around", "outside", "inside", "within", "from", "into",
             "through", "along", "over", "off", "north", "south", "east", "west", "between"}
_CAPITAL = re.compile(r"(?<![\w'])[A-Z][\w'’.-]*[a-z][\w'’.-]*|(?<![\w'])[A-Z]{2,}\b")
_FUNCTION_WORDS = {"The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "If", "When", "While", "After",
                   "Before", "As", "Since", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
                   "His", "Her", "Its", "Their", "Our", "Mr", "Mrs", "Ms", "Dr", "According", "However", "Meanwhile"}


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_") or "x"


def unknown_capitals(text: str, sent: Sentence, mentions: list[ActorMention], ignore: frozenset[str] = frozenset(),
                     places: dict[str, str] | frozenset[str] = frozenset(), surnames=frozenset()) -> int:
    """How many names (runs of capitalised words) of a sentence no actor mention covers, the first word,
    title words ("President"), words to ignore (days, months) and known towns aside: the sentences NER
    has something to find in."""
    n, last_end = 0, None
    for m in _CAPITAL.finditer(text, sent.start, sent.end):
        word = m.group(0).rstrip(".")
        if word in _FUNCTION_WORDS or word.lower() in ignore or any(a.start <= m.start() < a.end for a in mentions) \
                or (word in places and not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2])):
            continue
        opens = not text[sent.start:m.start()].strip(" \"“‘'(*-")
        if opens and not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) and word not in surnames:
            continue  # a capital because the sentence starts here, unless a name goes on ("Otto Bauer") or
            # it is a listed leader's surname ("Eisenhower was unfazed")
        if last_end is None or text[last_end:m.start()].strip() not in ("", "-"):
            n += 1  # a new name, not the next word of the last one
        last_end = m.end()
    return n


_DATELINE = re.compile(r"\s*(?:,[^\n()]{0,30})?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?[-–—]")
_RANK = re.compile(r"(?:(?:Lt|Lieut|Maj|Brig|Gen|Col|Capt|Adm|Cmdr|Sgt|Cpl|Pvt)\.?|Lieutenant|Major|Brigadier|General|Colonel|"
                   r"Captain|Admiral|Commander|Marshal|Field|Sergeant|Corporal|Private|President|Premier|Chairman|"
                   r"Ambassador|Senator|Governor)[ -]+")
_HONORIFIC = re.compile(r"(?:the|Mr|Mrs|Ms|Dr|Sheikh|Sir|Madame|Monsieur)\.?\s+", re.IGNORECASE)


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """The name without "the" or an honorific before it ("Mrs Thatcher" is Thatcher), "'s" after it, or
    what a slash or colon adds ("Vitaly Zaporozhchenko/AP", "Nagorno-Karabakh: Key")."""
    while m := _HONORIFIC.match(text, start, end):
        start = m.end()
    cut = re.search(r"\s*[/:|]", text[start:end])
    if cut:
        end = start + cut.start()
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    while (m := re.search(r"\s+(\w+)\Z", text[start:end])) and m.group(1) in _STAFF_WORDS:
        end = start + m.start()  # "Liu Xin Source:Global Times": the byline's next field is no part of the name
    while end > start and text[end - 1] in " -–—,":
        end -= 1  # "UNITED NATIONS -": a dateline's dash
    while (m := re.search(r"\s+(of|the|and|for|in|on|at)\Z", text[start:end], re.IGNORECASE)):
        end = start + m.start()  # "the Electoral Commission of [Myanmar]": a known name cut off after it
    return start, end


def _the_group(parse: Parse, start: int) -> bool:
    tok = parse.token_at(start)
    return (tok is not None and tok.dep not in ("amod", "compound", "poss") and tok.text.endswith("s")
            and any(t.head == tok.i and t.dep == "det" and t.lemma == "the" for t in parse.tokens))


def _named_after(known: ActorMention, text: str, s: int, e: int, kind: str, rules: Rules) -> bool:
    """A state's adjective that opens an organisation's name NER found: "the Nicaraguan Democratic
    Force", "Syrian Democratic Forces" are bodies of their own, not Nicaragua or Syria; "Iraqi Armed
    Forces" or "Iraqi government" stay the state acting."""
    if kind == "organisation" and rules.actors[known.actor].type in ("organisation", "group") and known.end == e \
            and s < known.start and re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,2}", text[s:known.start]) \
            and rules.actor_by_name(text[s:known.start].strip().removeprefix("the ").strip()) is None:
        return True  # "the Karen National Liberation Army" is not the National Liberation Army with a word before it
    if kind != "organisation" or rules.actors[known.actor].type != "state":
        return False
    if text[s:known.start].strip().lower() not in ("", "the"):
        return False
    rest = re.findall(r"[\w'’-]+", text[known.end:e])
    rest = [w for w in rest if w not in ("of", "for", "and")]  # "the Belarusian Association of Journalists"
    return len(rest) >= 2 and all(w[:1].isupper() for w in rest) and any(
        w.lower() in rules.frames.movement_words or w in _INSTITUTION_WORDS for w in rest)


# words that make a name a body of its own, whatever state's adjective opens it ("Belarusian Association
# of Journalists", "Russian Academy of Sciences"); "Iraqi Armed Forces", "Syrian Arab Army" stay the state
_INSTITUTION_WORDS = {"Association", "Society", "Federation", "Union", "League", "Council", "Committee", "Institute",
                      "Foundation", "Academy", "University", "Company", "Corporation", "Agency", "Centre", "Center",
                      "Syndicate", "Chamber", "Bar", "Network", "Observatory", "Crescent"}


def _single_word_actor(parse: Parse, start: int, kind: str, name: str, sentence_start: bool,
                       rules: Rules) -> bool:
    """One word alone is too often a place, a month or a common noun the NER took for a name: keep
    an acronym ("RSF"), a group or body named as a noun phrase of its own ("the Houthis") or before the
    noun of a movement ("the Likud party"), not an adjective ("Tamil" in "Tamil civilians"), a person's
    bare surname, nor a city."""
    if kind == "organisation" and name.isupper() and len(name) > 1:
        return True
    tok = parse.token_at(start)
    if kind not in ("organisation", "group") or tok is None:
        return False
    head = parse.tokens[tok.head] if 0 <= tok.head < len(parse.tokens) else None
    if tok.dep == "compound" and tok.pos == "PROPN" and head is not None and head.pos == "NOUN" \
            and head.lemma.lower() in rules.frames.movement_words:
        return True
    if sentence_start and not _the_group(parse, start):
        return False
    return tok.dep not in ("amod", "compound") and tok.pos in ("PROPN", "NOUN")


# a title before a bare surname: "Mrs Thatcher", "ex-President Saleh", "General Galtieri"
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sheikh|President|ex-President|former President|Premier|Prime Minister|Chancellor|King|Queen|"
                     r"General|Gen|Marshal|Admiral|Colonel|Col|Mayor|Minister|Secretary|Senator|Ambassador|Chairman|"
                     r"Ayatollah|Emir|Crown Prince|Prince)\.?\s+([A-Z][\w'’-]+)(?!\s+[A-Z])")
_SURNAMES: dict[str, dict[str, list[str]]] = {}
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Premier|Chairman|General|Marshal|Prime Minister|Minister|"
                           r"Secretary|Ambassador|Senator|King|Queen)\.?\s+\Z")


# what ends or opens a listed name without being a family name: "Mohammed VI of Morocco", "Lloyd Austin III",
# "Carlos Gomes Junior", and titles written into aliases ("Premier Zhou", "Chairman Mao", "Uncle Ho")
_NOT_SURNAMES = re.compile(r"(?:[IVX]+|Jr\.?|Junior|Sr\.?|Senior)\Z")
_TITLE_WORDS = {"Uncle", "Papa", "Comrade", "Generalissimo", "Grand", "Lt", "Lieutenant", "Vice"}
# the Arabic article before a family name, which news drops as often as not ("al-Jaafari", "Jaafari")
_ARTICLE = re.compile(r"(?:[Aa][lnrstdz]|[Aa]sh|[Ee]l)[-‐](?=[A-Z])")


def _title_words(rules: Rules) -> set[str]:
    titles = {*rules.role_titles, *(rules.frames.leader_titles if rules.frames else ()),
              *(rules.frames.official_titles if rules.frames else ())}
    return {w.capitalize() for t in titles for w in t.split()} | set(_TITLE_WORDS) | set(_STARTERS.split("|"))


def _surnames(rules: Rules) -> dict[str, list[str]]:
    """Last name -> the listed persons who bear it (cached per rule set)."""
    if rules.digest not in _SURNAMES:
        index: dict[str, list[str]] = {}
        first_is_family = rules.frames.family_name_first if rules.frames else frozenset()
        titles = _title_words(rules)
        for a in rules.actors.values():
            if a.type == "person" and a.listed:
                names = [alias.split() for alias in a.aliases if " " in alias and " of " not in alias]
                # the family name stands first in Chinese, Korean and Vietnamese names ("Xi" of Xi Jinping)
                family = {w[0] for w in names} if a.country in first_is_family else set()
                lasts = {next((x for x in reversed(w) if not _NOT_SURNAMES.match(x)), w[-1]) for w in names}
                for last in lasts | family:
                    if last in titles or _NOT_SURNAMES.match(last) or not last[:1].isupper():
                        continue
                    if a.id not in index.get(last, ()):
                        index.setdefault(last, []).append(a.id)
                    bare = _ARTICLE.sub("", last, count=1) if _ARTICLE.match(last) else None
                    if bare and len(bare) > 2 and a.id not in index.get(bare, ()):
                        index.setdefault(bare, []).append(a.id)
        _SURNAMES[rules.digest] = index
    return _SURNAMES[rules.digest]


def listed_surnames(rules: Rules):
    """The last names of the listed persons (a view of the cached index)."""
    return _surnames(rules).keys()


def _in_office(actor: Actor, years: list[int]) -> bool:
    spans = [*actor.roles, *actor.represents]
    return not years or not spans or any(r.start <= y <= r.end for r in spans for y in years)


def _in_office_now(actor: Actor) -> bool:
    """Still in office: a role or a state represented with no end."""
    return any(r.end >= 9999 for r in (*actor.represents, *actor.roles))


def _todays(cands: list[str], rules: Rules, anyone: bool = False, word: str | None = None) -> list[str]:
    """Of several of one name in a text of no time: today's office holder, else those who ever led a
    state or group ("Mr Maduro" is the president, not a Honduran minister of that name), else (after a
    title, which says a person is meant) anyone of that name."""
    # (the short name the gazetteer gives one of them who led a state wins: "Mao" is Mao Zedong, not Taiwan's
    # premier of 2014)
    named = [i for i in cands if word is not None and word in rules.actors[i].short and rules.actors[i].represents]
    if len(named) == 1:
        return named
    return ([i for i in cands if _in_office_now(rules.actors[i])] or
            [i for i in cands if rules.actors[i].represents] or (cands if anyone else []))


def titled_persons(text: str, start: int, years: list[int], rules: Rules) -> dict[str, list[tuple[str, str]]]:
    """"Mrs Thatcher" is Margaret Thatcher when she is the one listed person of that name in office in
    the years the text names (or its date): surname -> [("actor", id)] for this document."""
    index = _surnames(rules)
    out: dict[str, list[tuple[str, str]]] = {}
    for m in _TITLED.finditer(text, start):
        surname = m.group(1).replace("’", "'")
        if surname in out or surname.lower() in rules.by_label:
            continue
        if re.match(r"(?i)(?:ex|former)", m.group(0)) and years:
            # "ex-President Saleh": one who held office before the text's time
            cands = [i for i in index.get(surname, []) if any(r.start <= min(years) for r in rules.actors[i].represents)]
        else:
            cands = [i for i in index.get(surname, []) if _in_office(rules.actors[i], years)]
            if not years:
                cands = _todays(cands, rules, anyone=True, word=surname)
        cands = _heads_first(cands, years, rules)
        if len(cands) == 1:
            out[surname] = [("actor", cands[0])]
    return out


def _heads_first(cands: list[str], years: list[int], rules: Rules) -> list[str]:
    """Of several of that name, the one who led a state or group then ("Hadi" in 2015 is the president,
    not a minister of that name), if there is one."""
    heads = [i for i in cands if any(r.start <= y <= r.end for r in rules.actors[i].represents for y in years)]
    return heads if len(heads) == 1 else cands


# capitalised words before a surname that are no first name ("In Eisenhower's view", "President Hadi")
_STARTERS = ("The|In|On|At|By|For|But|And|When|While|After|Before|As|If|Since|Then|So|Yet|Under|With|From|"
             "President|Premier|Chairman|General|Marshal|Mr|Mrs|Ms|Dr|Prime|Minister|King|Queen|Ex-President")
_CAPITALISED = re.compile(r"\b([A-Z][a-z][\w'’-]*)\b(?!\s+[A-Z])")  # two letters too: "Xi", "Hu"


def _in_full_name(word: str, text: str, start: int, titles: set[str]) -> bool:
    """Whether the text writes the surname inside a longer name ("Sun Deli", "Kim Il Sung"): a capitalised
    word before it that is no title ("Secretary Austin") and not just a sentence's first word ("First
    Mao's wife"), or a capitalised word after it."""
    if re.search(rf"\b{re.escape(word)}\s+[A-Z]", text[start:]):
        return True
    for m in re.compile(rf"\b([A-Z][\w'’-]*)\s+{re.escape(word)}\b").finditer(text, start):
        before = text[start:m.start()].rstrip(" \"“‘'(*-")
        if m.group(1) in titles or not before or before[-1] in ".!?:\n":
            continue
        return True
    return False


def surnamed_leaders(text: str, start: int, years: list[int], rules: Rules) -> dict[str, list[tuple[str, str]]]:
    """"Eisenhower was unfazed", "Hadi declared ...": a surname alone is the one listed person of that
    name who led or governed a state or group in the years the text names, if there is exactly one."""
    index = _surnames(rules)
    common = rules.common_word_surnames  # "Begin", "Ford": never a leader alone
    titles = _title_words(rules)
    out: dict[str, list[tuple[str, str]]] = {}
    # ("Gomes's residence", "Mao’s wife": the surname without the possessive)
    for word in sorted({re.sub(r"'s?\Z", "", m.group(1).replace("’", "'")) for m in _CAPITALISED.finditer(text, start)}):
        if word not in index or word.lower() in rules.by_label or word in _FUNCTION_WORDS or word in common:
            continue  # "Begin", "Ford": a common word alone is no leader (a title or the full name makes it one)
        if _in_full_name(word, text, start, titles):
            continue  # part of a full name the text gives ("Sun Deli"): the short name of that one
        a = rules.actors
        if years:
            cands = [i for i in index[word] if any(r.start <= y <= r.end for y in years for r in
                                                   (*a[i].represents, *(r for r in a[i].roles if r.sector == "GOV")))]
        else:
            # a text with no date and no year speaks of today ("Putin visited Beijing"); of no one of that
            # name in office, the one who ever led a state ("Under Buhari's command" in an undated report)
            heads = [i for i in index[word] if a[i].represents]
            # (unless the gazetteer gives the name as someone's short one: "Mao" is Mao Zedong, not Taiwan's premier
            # of 2014)
            named = [i for i in heads if word in a[i].short]
            cands = named if len(named) == 1 else [i for i in heads if _in_office_now(a[i])] or (
                heads if len({a[i].label for i in heads}) == 1 else [])
            cands = cands[:1] if len({a[i].label for i in cands}) == 1 else cands
        cands = _heads_first(cands, years, rules)
        if len(cands) == 1:
            out[word] = [("actor", cands[0])]
    return out


def _agent_sector(parse: Parse, tok, rules: Rules) -> tuple[str | None, int]:
    """The sector of the agent noun a token heads ("riot police", "protesters"), and where the phrase starts."""
    agents = rules.frames.agents if rules.frames else {}
    start = tok.i
    while start > 0 and parse.tokens[start - 1].dep == "compound" and parse.tokens[start - 1].head == tok.i \
            and parse.tokens[start - 1].pos == "NOUN":
        start -= 1
    for k in range(start, tok.i + 1):
        phrase = " ".join([t.lemma.lower() for t in parse.tokens[k:tok.i]] + [tok.lemma.lower()])
        if phrase in agents:
            return agents[phrase], k
    return None, tok.i


def _people_named(parse: Parse, tok, start: int, known: list[ActorMention], rules: Rules):
    """The word just before an agent noun phrase that NER calls a people no listed actor is ("Chechen"
    in "Chechen rebels", "Tigrayan" in "Tigrayan forces"), or None."""
    if start == 0:
        return None
    c = parse.tokens[start - 1]
    # "Kurdish militant targets": the people word may hang from what the group holds
    if c.head not in (tok.i, tok.head if tok.dep in ("amod", "compound") else tok.i) or c.dep not in ("amod", "compound") or not c.text[:1].isupper() or \
            c.text.lower() in rules.by_label or c.text in rules.frames.places or \
            any(a.start < c.end and c.start < a.end for a in known):
        return None
    # the small model calls some peoples an organisation ("Tigrayan"): one word of that alone will do
    if not any((label == "NORP" and s <= c.start and c.end <= e) or (label == "ORG" and (s, e) == (c.start, c.end))
               for label, s, e in parse.entities):
        return None
    return c


# what a named document is called ("the Tripartite Accord", "the Helsinki Final Act"; a pact may be a body:
# the Warsaw Pact)
_DOCUMENTS = {"accord", "agreement", "treaty", "protocol", "declaration", "convention", "charter", "resolution",
              "communique", "communiqué", "memorandum", "act", "doctrine", "plan", "roadmap"}

_DOCUMENT_BEFORE = re.compile(r"\b(?:Declaration|Treaty|Convention|Agreement|Accord|Resolution|Charter|Code|Protocol|"
                              r"Memorandum|Communiqu[eé])\b[^()]{0,80}\Z")

_FOLLOWERS = {"supporter", "follower", "loyalist", "partisan", "backer"}


def _followed(parse: Parse, tok, known: list[ActorMention], rules: Rules) -> str | None:
    """Whom "supporters of X" follow: a person or group the text names after "of", else None."""
    if tok.lemma.lower() not in _FOLLOWERS or not tok.tag.startswith("NNS"):
        return None
    for p in parse.tokens:
        if p.head == tok.i and p.dep == "prep" and p.text.lower() == "of":
            for o in parse.tokens:
                if o.head == p.i and o.dep == "pobj":
                    hit = [a.actor for a in known if a.start <= o.start < a.end
                           and rules.actors[a.actor].type in ("person", "group")]
                    return hit[0] if hit else None
    return None


_HELD_PLACES = {"position", "target", "hideout", "camp", "stronghold", "base", "bastion", "enclave", "territory",
                "area", "line", "trench", "bunker", "depot", "hideaway", "den", "redoubt"}
_OPPOSITION_HEADS = {"leader", "figure", "politician", "candidate", "chief", "head"}
_DEMONYM = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)?(?:an|ese|i|ish|ch|ic)")


def _the_opposition(parse: Parse, tok) -> bool:
    """"the opposition" as a body: with "the", owned by no one, opposed to nothing."""
    kids = [c for c in parse.tokens if c.head == tok.i and c.i != tok.i]
    return any(c.dep == "det" and c.text.lower() == "the" for c in kids) and not any(
        c.dep == "poss" or (c.dep == "prep" and c.text.lower() == "to") for c in kids)


def _demonym(state: Actor) -> str | None:
    """The adjective of a state's people among its aliases ("Kenyan", "North Korean", "British")."""
    return next((a for a in state.aliases if a != state.label and _DEMONYM.fullmatch(a)), None)


def group_actors(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules,
                 named_groups: frozenset[str] = frozenset(), scope: str = ""
                 ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """Groups named by an agent noun of a non-state sector: "Egyptian protesters", "rebels", "the
    opposition". Each is an actor of its own (type group, the sector, the country named with it); a
    state's organs named without their state too (state_bodies).

    A group no country is named with is this text's own ("protesters" in Manama are not those in
    Minsk): its IRI carries the scope, the hash of the text, so only copies of the text share it."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    # the one state the text is about: named, or the country of the persons it names ("the police placed
    # opposition leader Mir Hossein Mousavi under house arrest" is about Iran)
    states = {a.actor for a in known if rules.actors[a.actor].type == "state"} | {
        rules.actors[a.actor].country for a in known
        if rules.actors[a.actor].type == "person" and rules.actors[a.actor].country in rules.actors}
    home = next(iter(states)) if len(states) == 1 else None
    armed_groups = {(a.actor, a.sentence) for a in known if rules.actors[a.actor].type == "group"
                    and rules.actors[a.actor].sector in _ARMED_GROUP_SECTORS}
    for si in sorted(parses):
        parse = parses[si]
        for tok in parse.tokens:
            # "opposition leader Raila Odinga": the opposition is named in the title of its leader
            titled = tok.lemma == "opposition" and tok.dep == "compound" and \
                parse.tokens[tok.head].lemma.lower() in _OPPOSITION_HEADS
            # "bombed rebel positions", "a militant hideout": the group whose places they are
            owning = not titled and tok.dep in ("compound", "amod") and tok.tag in ("NN", "JJ") and tok.head != tok.i and \
                parse.tokens[tok.head].lemma.lower() in (*rules.frames.body_nouns, *_HELD_PLACES)
            if not (tok.pos == "NOUN" or (owning and tok.pos == "ADJ")) or (
                    tok.dep not in _GROUP_SLOTS and not titled and not owning):
                continue
            followed = _followed(parse, tok, known, rules)
            if followed is not None and rules.actors[followed].type == "group":
                names.setdefault(text[tok.start:tok.end], [("actor", followed)])  # "supporters of the Brotherhood"
                continue
            if followed is not None:
                # "police clashed with supporters of Raila Odinga": the followers of one the text names are a group
                # of their own, named for him, of his country
                leader = rules.actors[followed]
                label = f"{leader.label} supporters"
                ident = slug(label)
                if ident not in rules.actors:
                    actors.setdefault(ident, Actor(ident, label, "group", (label,), country=leader.country,
                                                   iso3=rules.actors[leader.country].iso3 if leader.country in rules.actors
                                                   else None, listed=False))
                    names.setdefault(text[tok.start:tok.end], [("actor", ident)])
                continue
            sector, start = _agent_sector(parse, tok, rules)
            before = parse.tokens[tok.i - 1] if tok.i else None
            if sector is None and tok.lemma.lower() in rules.frames.member_nouns and before is not None \
                    and before.dep == "compound" and before.head == tok.i and before.pos == "NOUN":
                # "drug gang members", "militia fighters": the members of a group no one names are that group
                sector, start = _agent_sector(parse, before, rules)
            # ("Kenya opposition, Raila Odinga has rejected ...": the opposition of the state named with it)
            owned_by_state = any(c.head == tok.i and c.dep in ("compound", "amod", "poss") and any(
                a.start <= c.start < a.end and rules.actors[a.actor].type == "state" for a in known) for c in parse.tokens) \
                and not any(c.head == tok.i and c.dep == "prep" and c.text.lower() == "to" for c in parse.tokens)
            if tok.lemma == "opposition" and sector is None and (titled or _the_opposition(parse, tok) or owned_by_state):
                sector = "OPP"  # the political opposition, not "its opposition to Soviet plans"
            people = _people_named(parse, tok, start, known, rules)
            if people is not None and tok.lemma.lower() in rules.frames.armed_nouns and (
                    sector is None or sector in rules.frames.state_sectors):
                sector = "REB"  # "Tigrayan forces": no state's army, a people's armed group
            if owning and tok.pos == "ADJ" and sector in _UNORGANISED:
                continue  # "civilian leader Aung San Suu Kyi", "the civilian government": no group of civilians
            if sector is None or sector in rules.frames.state_sectors or tok.lemma.lower() in rules.frames.institution_nouns:
                continue
            mods = [c for c in parse.tokens if c.head == tok.i and c.dep in ("amod", "compound")]
            if any(c.text in named_groups for c in mods) or any(
                    a.start <= c.start < a.end and rules.actors[a.actor].type in ("group", "organisation")
                    for c in mods for a in known):
                continue  # "Hezbollah fighters" are Hezbollah's, not a group of their own
            country = None
            first = parse.tokens[start]
            for c in parse.tokens[:start]:
                # "U.S.-backed rebels" are not American: who backs a group is not its country
                if c.head == tok.i and c.dep in ("amod", "compound") and c.i == start - 1 \
                        and c.text.lower().rpartition("-")[2] not in rules.frames.backing_participles:
                    states = [a for a in known if a.start <= c.start < a.end and rules.actors[a.actor].type == "state"]
                    if states:
                        country, first = states[0].actor, c
            if country is None and people is not None:
                first = people
                # "a Syrian Kurdish militia": a people's group of the state named before the people
                owner = parse.tokens[people.i - 1] if people.i else None
                states = [a for a in known if owner is not None and owner.head == tok.i and owner.dep in ("amod", "compound")
                          and a.start <= owner.start < a.end and rules.actors[a.actor].type == "state"]
                if states:
                    country, first = states[0].actor, owner
            if tok.lemma == "opposition" and country is None:
                # "Kenya's opposition leader", or the opposition in a text that names one state: that
                # state's opposition, named as analysts name it ("Kenyan opposition")
                owner = [a.actor for c in parse.tokens if c.dep == "poss" and c.head in (tok.i, tok.head)
                         for a in known if a.start <= c.start < a.end and rules.actors[a.actor].type == "state"]
                country = owner[0] if owner else home
                demonym = _demonym(rules.actors[country]) if country else None
                if demonym is None:
                    country = None
            surface = text[first.start:tok.end]
            if "\n" in surface or (country is None and not tok.tag.startswith("NNS") and tok.lemma != "opposition"
                                    and not owning and tok.lemma.lower() not in rules.frames.collective_agent_nouns):
                continue  # "a protester" alone is one person, not the group
            label = " ".join(surface.split()) if country or people else " ".join(surface.split()).lower()
            if owning and not label.endswith("s"):
                label += "s"  # "rebel positions" are the rebels'

            if tok.lemma == "opposition" and country is not None:
                label = f"{_demonym(rules.actors[country])} opposition"
            ident = slug(label)
            if ident in rules.actors:
                continue
            near = {g for g, at in armed_groups if abs(at - si) <= 2}
            if country is None and people is None and sector in _ARMED_GROUP_SECTORS and len(near) == 1 \
                    and len({g for g, _ in armed_groups}) == 1:
                # "Jubilant rebels captured Kigali" in a text whose one armed group, named near it, is the RPF
                names.setdefault(surface, [("actor", next(iter(near)))])
                continue
            if country is None and people is None and scope:
                ident = f"{ident}_{scope}"
            actors.setdefault(ident, Actor(ident, label, "group", (label,), country=country, sector=sector,
                                           iso3=rules.actors[country].iso3 if country else None, listed=False))
            names.setdefault(surface, [("actor", ident)])
    bodies, body_names = state_bodies(text, parses, known, rules, scope)
    sides, side_names = factions(text, parses, rules, scope)
    return {**bodies, **sides, **actors}, {**body_names, **side_names, **names}


# an armed group's sectors (rebels; unidentified armed forces: militants, gunmen, jihadists)
_ARMED_GROUP_SECTORS = ("REB", "UAF")


def factions(text: str, parses: dict[int, Parse], rules: Rules, scope: str = ""
             ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """A party's or movement's named faction: 'the "Soviet faction"', "the pro-China faction", "the South
    Korean faction" is a group of its own (of this text: another party's "Soviet faction" is another), not
    the state its name recalls."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    for si in sorted(parses):
        toks = parses[si].tokens
        for tok in toks:
            if tok.text != "faction" or tok.pos != "NOUN":
                continue
            k = tok.i
            while k > 0 and toks[k - 1].head == tok.i and toks[k - 1].dep in ("amod", "compound") and (
                    toks[k - 1].text[:1].isupper() or toks[k - 1].text in ("-", "pro", "anti")):
                k -= 1
            words = toks[k:tok.i]
            if not any(w.text[:1].isupper() for w in words):
                continue  # "different factions", "a faction": no name
            label = " ".join(text[words[0].start:tok.end].split())
            ident = f"{slug(label)}_{scope}" if scope else slug(label)
            if ident not in rules.actors:
                actors.setdefault(ident, Actor(ident, label, "group", (label,), listed=False))
                names.setdefault(label, [("actor", ident)])
    return actors, names


_BODY_SECTORS = {"military": "MIL", "army": "MIL", "navy": "MIL", "government": "GOV", "authority": "GOV",
                 "junta": "GOV", "regime": "GOV", "administration": "GOV", "cabinet": "GOV"}
# words for the state's own forces that alone name them as a body ("the police", "security forces",
# "troops"); "a soldier", "two soldiers" are people, not the body
_MASS_BODIES = {"police", "military", "army", "navy", "government", "junta", "regime", "administration", "cabinet"}


def state_bodies(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules, scope: str = ""
                 ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """A state's organ in a text that names no state: "the police", "security forces", "the military"
    are a body of their own, the "Tunisian police" of a report that names only Tunisians, or the
    text's own ("the military" of one report is not that of another: the IRI carries the scope).
    Where the text names its state, the state acts (kg.extract.frames: "the army" of a report on Nigeria
    is Nigeria), as it does named with it ("Egyptian police", "Bahrain's police", "Police in Hong Kong")."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    if any(rules.actors[a.actor].type == "state" for a in known):
        return actors, names
    home_nouns = rules.frames.home_nouns
    countries = {rules.actors[a.actor].country for a in known
                 if rules.actors[a.actor].type == "person" and rules.actors[a.actor].country in rules.actors}
    home = next(iter(countries)) if len(countries) == 1 else None

    for si in sorted(parses):
        toks = parses[si].tokens
        for tok in toks:
            lemma = tok.lemma.lower()
            if tok.pos not in ("NOUN", "PROPN") or tok.dep not in (*_GROUP_SLOTS, "poss") or any(
                    a.start < tok.end and tok.start < a.end for a in known):
                continue
            sector, start = _agent_sector(parses[si], tok, rules)
            if start == tok.i > 0 and toks[start - 1].head == tok.i and \
                    f"{toks[start - 1].text.lower()} {lemma}" in rules.frames.agents:
                start -= 1  # "Riot police" opening a sentence, its first word tagged a name
            if lemma in home_nouns and (sector is None or sector not in rules.frames.state_sectors):
                sector = _BODY_SECTORS.get(lemma)
            if sector not in rules.frames.state_sectors:
                continue
            plural = tok.tag == "NNS" or tok.text.lower() in _MASS_BODIES
            kids = [c for c in toks if c.head == tok.i and c.i != tok.i]
            if not plural or tok.text[:1].isupper() and tok.i > 0 and toks[tok.i - 1].text[:1].isupper():
                continue  # "a soldier" is one man; "the Syrian Democratic Forces" a name of its own
            if any(c.dep in ("nummod", "poss", "nmod") or c.dep == "det" and c.lemma.lower() not in ("the",)
                   or c.dep in ("amod", "compound") and c.i < start for c in kids):
                continue  # "two soldiers", "its army", "Bahrain's police", "Egyptian police", "some troops"
            if start > 0 and (toks[start - 1].dep in ("amod", "compound") and toks[start - 1].head == tok.i) or any(
                    t.lemma.lower() in home_nouns for t in toks[start:tok.i]):
                continue  # "Sudanese government troops": the government's
            if any(p.dep == "prep" and p.text.lower() in ("of", "from") and any(
                    o.head == p.i and o.dep == "pobj" and any(a.start <= o.start < a.end for a in known) for o in toks)
                   for p in kids):
                continue  # "the troops of the Northeast Field Army" are that army's
            country = home
            phrase = " ".join(t.text.lower() if t.i < tok.i or not t.text.isupper() else t.text
                              for t in toks[start:tok.i + 1])
            if tok.text[:1].isupper():
                phrase = phrase[:1].lower() + phrase[1:]
            if country is not None:
                state = rules.actors[country]
                label = f"{_demonym(state) or state.label} {phrase}"
                ident = slug(label)
            else:
                label, ident = phrase, f"{slug(phrase)}_{scope}" if scope else slug(phrase)
            if ident in rules.actors:
                continue
            actors.setdefault(ident, Actor(ident, label, "military_unit" if sector == "MIL" else "organisation",
                                           (label,), country=country, sector=sector,
                                           iso3=rules.actors[country].iso3 if country else None, listed=False))
            names.setdefault(" ".join(text[toks[start].start:tok.end].split()), [("actor", ident)])
    return actors, names


def _named_states(known: list[ActorMention], rules: Rules):
    """The one state a text names (or None), and the state named at a token."""
    states = {a.actor for a in known if rules.actors[a.actor].type == "state"}

    def state_at(tok) -> str | None:
        found = [a.actor for a in known if a.start <= tok.start < a.end and rules.actors[a.actor].type == "state"]
        return found[0] if found else None
    return (next(iter(states)) if len(states) == 1 else None), state_at


def ministry_actors(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules
                    ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """A state's ministries: "Iran's foreign ministry", "the Azerbaijani Defense Ministry", "Armenia's
    ministry of foreign affairs", or "the defence ministry" in a text about one state, each the actor
    "Ministry of Foreign Affairs (Iran)" (one IRI per state and field across texts) that speaks for it."""
    fields = rules.frames.ministry_fields
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    if not fields:
        return actors, names
    home, state_at = _named_states(known, rules)

    for si in sorted(parses):
        parse = parses[si]
        toks = parse.tokens
        for tok in toks:
            if tok.lemma.lower() not in ("ministry", "ministries") or tok.text.lower() != "ministry":
                continue
            kids = [c for c in toks if c.head == tok.i and c.i != tok.i]
            # ("nmod": the small parser's reading of "Armenia’s" before "ministry of defence")
            before = [c for c in kids if c.dep in ("compound", "amod", "poss", "nmod") and c.i < tok.i]
            # the field: "foreign ministry", "Foreign Affairs Ministry", "ministry of foreign affairs"
            words = [c for c in toks[min([c.i for c in before], default=tok.i):tok.i]
                     if c.dep in ("compound", "amod") and state_at(c) is None]
            after = [p for c in kids if c.dep == "prep" and c.text.lower() == "of" for p in toks if p.head == c.i]
            tail = []
            for p in after[:1]:  # "of foreign affairs": the words between "of" and its object
                of = toks[p.head]
                tail = [t for t in toks[of.i + 1:p.i + 1] if t.head in (p.i, of.i) or t.i == p.i]
            phrase = " ".join(w.text.lower() for w in (words or tail))
            field = fields.get(phrase) or fields.get(phrase.removesuffix(" affairs")) or next(
                (fields[w.text.lower()] for w in (words or tail) if w.text.lower() in fields), None)
            if field is None:
                continue
            owner = next((st for c in before for st in [state_at(c)] if st), None)
            owner = owner or next((st for c in tail for st in [state_at(c)] if st), None)
            first = min([c.i for c in before if state_at(c) or c in words], default=tok.i)
            last = max([t.i for t in tail], default=tok.i)
            if owner is None and first > 0 and state_at(toks[first - 1]):
                first -= 1  # "Chinese foreign ministry spokesperson": the parser hung "Chinese" on the title
                owner = state_at(toks[first])
            if owner is None:
                if first > 0 and toks[first - 1].dep == "poss":
                    continue  # "its defence ministry": whose is for the pronoun to say
                owner = home
            if owner is None and any(rules.actors[a.actor].type == "state" for a in known):
                continue  # "the foreign ministry" of a text on several states: whose is not said
            if owner is None:
                # "The Interior Ministry issued a statement" in a report that names no state: the text's own
                label = f"Ministry of {field}"
                ident = f"{slug(label)}_{hashlib.sha256(text.encode()).hexdigest()[:10]}"
                if ident not in rules.actors:
                    actors.setdefault(ident, Actor(ident, label, "organisation", (label,), sector="GOV", listed=False))
            else:
                label = f"Ministry of {field} ({rules.actors[owner].label})"
                ident = slug(label)
            if ident not in rules.actors and owner is not None:
                actors.setdefault(ident, Actor(ident, label, "organisation", (label,), country=owner, sector="GOV",
                                               iso3=rules.actors[owner].iso3, listed=False,
                                               represents=(Represents(owner, 0, 9999),)))
            surface = " ".join(text[toks[first].start:toks[last].end].split())
            names.setdefault(surface, [("actor", ident)])
    houses, house_names = legislatures(text, parses, known, rules)
    return {**actors, **houses}, {**names, **house_names}


_LEGISLATURES = {"parliament", "legislature", "assembly", "senate", "congress"}


def legislatures(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules
                 ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """A state's parliament named as news names it, "parliament", "the assembly", "Yemen's parliament",
    "the Bahraini parliament": the actor "Parliament (Bahrain)" of the state named with it, or of the one
    state the text names, else the text's own (a parliament is no act of its government's: it is a body
    of its own)."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    home, state_at = _named_states(known, rules)

    for si in sorted(parses):
        toks = parses[si].tokens
        for tok in toks:
            if tok.text not in _LEGISLATURES or tok.pos != "NOUN" or tok.dep not in (*_GROUP_SLOTS, "poss"):
                continue  # lower case: "the National Assembly", "the General Assembly" are names of their own
            kids = [c for c in toks if c.head == tok.i and c.i != tok.i]
            if any(c.dep == "det" and c.lemma.lower() not in ("the", "this") for c in kids):
                continue  # "an assembly", "a parliament" of no one yet
            mods = [c for c in kids if c.dep in ("poss", "amod", "compound") and c.i < tok.i]
            owners = [st for c in mods for st in [state_at(c)] if st]
            if len(mods) > len(owners):
                continue  # "its parliament", "the regional assembly", "the party congress": not the state's
            owner = owners[0] if owners else home
            if owner is None:
                # a text of several states: the parliament is this text's own (as "protesters" are)
                label = tok.text
                ident = f"{slug(label)}_{hashlib.sha256(text.encode()).hexdigest()[:10]}"
            else:
                label = f"Parliament ({rules.actors[owner].label})"
                ident = slug(label)
            if ident not in rules.actors:
                actors.setdefault(ident, Actor(ident, label, "organisation", (label,), country=owner, sector="LEG",
                                               iso3=rules.actors[owner].iso3 if owner else None, listed=False))
            first = min([c for c in mods], key=lambda c: c.i, default=tok)
            names.setdefault(" ".join(text[first.start:tok.end].split()), [("actor", ident)])
    return actors, names


_LED_BODIES = {"coalition", "alliance", "force", "mission", "bloc"}
_NAMED_AFTER = re.compile(r"\s*(?:in [A-Z][\w-]+\s*)?\(\s*[A-Z]")


def _short_name(actor: Actor) -> str:
    """How news names an actor before "-led": "US", "NATO" (a short capitals alias), else its adjective
    ("Saudi"), else its label."""
    caps = sorted((a for a in actor.aliases if a.isupper() and a.isalpha() and len(a) <= 5), key=len)
    adjectives = sorted((a for a in actor.aliases if a != actor.label and _DEMONYM.fullmatch(a)), key=len)
    return caps[0] if caps else adjectives[0] if adjectives else actor.label


def led_bodies(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules
               ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """"The Saudi-led coalition", "a coalition led by Saudi Arabia", "the NATO-led mission": a body of
    its own, one per leader and kind across texts ("Saudi-led coalition"), which its leader leads."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}

    def actor_at(tok) -> str | None:
        found = [a.actor for a in known if a.start <= tok.start < a.end and rules.actors[a.actor].type != "person"]
        return found[0] if found else None

    for si in sorted(parses):
        toks = parses[si].tokens
        for tok in toks:
            if tok.pos != "NOUN" or tok.lemma.lower() not in _LED_BODIES or any(
                    a.start < tok.end and tok.start < a.end for a in known) or _NAMED_AFTER.match(text, tok.end):
                continue  # a body with a name of its own: 'the US-led "UN forces"', "the mission (KFOR)"
            kids = [c for c in toks if c.head == tok.i and c.i != tok.i]
            leader, first = None, tok
            for c in kids:
                if c.lemma == "lead" and c.dep == "amod":  # "Saudi-led", "U.S.-led"
                    for g in toks:
                        if g.head == c.i and actor_at(g):
                            leader, first = actor_at(g), min(g, first, key=lambda t: t.i)
                elif c.lemma == "lead" and c.dep == "acl":  # "a coalition led by Saudi Arabia"
                    for by in (g for g in toks if g.head == c.i and g.dep == "agent"):
                        for p in (g for g in toks if g.head == by.i and g.dep == "pobj"):
                            if actor_at(p):
                                leader = actor_at(p)
            if leader is None:
                continue
            label = f"{_short_name(rules.actors[leader])}-led {tok.lemma.lower()}"
            ident = slug(label)
            if ident not in rules.actors:
                # what the body does its leader does too (`represents`, as for a leader's own acts)
                actors.setdefault(ident, Actor(ident, label, "organisation", (label,), listed=False,
                                               iso3=rules.actors[leader].iso3, represents=(Represents(leader, 0, 9999),)))
            # the name is the noun and its "-led" modifier; "led by X" stays X's own mention too
            names.setdefault(" ".join(text[first.start:tok.end].split()), [("actor", ident)])
    return actors, names


# "the Rwandan Patriotic Front (RPF)": a name spelled out before an acronym in brackets
_SPELLED_OUT = re.compile(r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|de|del|la|al|el)){1,9})"
                         r"\s+\(([A-Z][A-Za-z0-9-]{1,9})\)")
_LINKS = {"of", "for", "and", "the", "de", "del", "la", "al", "el"}


def spelled_out_names(text: str, rules: Rules) -> list[tuple[str, str, str | None]]:
    """(name, acronym, listed actor id or None) for "Full Name (ACRONYM)": the full name is the actor the
    acronym names ("the Rwandan Patriotic Front (RPF)" is not Rwanda inside it). The acronym's capitals
    must all be initials of the name's words; the name is the shortest tail of the phrase that has them."""
    out = []
    for m in _SPELLED_OUT.finditer(text):
        acronym = m.group(2)
        letters = {c for c in acronym if c.isupper()}
        words = m.group(1).split()
        while words and (words[0].lower() in _LINKS or words[0][0] != acronym[0]):
            words = words[1:]  # "During the Rwandan Patriotic Front": from the word the acronym starts with
        if len(words) < 2 or not letters <= {w[0] for w in words if w.lower() not in _LINKS} or any(
                w.lower() in rules.frames.place_words - rules.frames.movement_words or w.lower() in _DOCUMENTS
                for w in words):
            continue  # ("the Line of Control (LoC)" is a place, "the Declaration on the Conduct of Parties (DOC)" a text)
        actor = rules.actor_by_name(acronym)
        listed = actor.id if actor is not None and acronym in actor.aliases and actor.type != "person" else None
        name = " ".join(words)
        if actor is None or listed is not None and name not in actor.aliases:
            out.append((name, acronym, listed))
    return out


def discover(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules, years: list[int] = ()
             ) -> tuple[dict[str, Actor], dict[str, list[tuple[str, str]]]]:
    """The document's own actors and the names that find them: (actors by id, surface -> [(kind, id)]).

    A surname alone that NER calls a person is the one listed person of that name in office in the
    text's years ("Hadi" in a 2015 report on Yemen), if there is exactly one."""
    actors: dict[str, Actor] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    not_actors = {n.lower() for n in rules.not_actors}
    persons_by_last: dict[str, str] = {}
    # the small NER model calls one name a person here and an organisation there ("Syngman Rhee"):
    # a name it ever calls a person, or that follows a title somewhere, is a person throughout
    said_persons = {" ".join(text[s:e].split()) for parse in parses.values() for label, s, e in parse.entities
                    if label == "PERSON" or (label == "ORG" and _TITLE_BEFORE.search(text, max(0, s - 20), s))}
    for si in sorted(parses):
        parse = parses[si]
        for label, s, e in parse.entities:
            if label == "ORG" and " ".join(text[s:e].split()) in said_persons:
                label = "PERSON"
            kind = ENTITY_TYPES.get(label)
            if kind is None or any(a.start < e and s < a.end and not _named_after(a, text, s, e, kind, rules)
                                   for a in known):
                continue
            s, e = _clean(text, s, e)
            ranked = s
            while kind in ("person", "organisation") and (m := _RANK.match(text, ranked, e)) and m.end() < e:
                ranked = m.end()
            if ranked > s and len(text[ranked:e].split()) >= 2 and (kind == "person" or all(
                    w[:1].isupper() and w.lower() not in rules.frames.generic_body_words for w in text[ranked:e].split())):
                # "Major General Gandharv Nagra" (which the small model may call an ORG): the rank is a title
                # before the name, no part of it
                s, kind = ranked, "person"
            name = " ".join(text[s:e].split())
            if name.isupper() and _DATELINE.match(text, e) and not text[text.rfind("\n", 0, s) + 1:s].strip():
                continue  # "NAIROBI (Reuters) -": where the report was filed, not an actor
            if kind == "organisation" and all(w.lower() in rules.frames.generic_body_words for w in name.split()):
                continue  # "Pakistan's Foreign Affairs Ministry": Pakistan's, which the body noun finds
            if (len(name) < 2 or name.lower() in rules.frames.not_names or name.lower() in not_actors or any(ch.isdigit() for ch in name)
                    or not name[0].isupper() or name in names):
                continue
            if kind != "person" and name in rules.frames.places:
                continue  # a city ("Tel Aviv", "Aleppo") is where things happen, not an actor
            if kind != "person":
                tok = parse.token_at(s)
                prep = parse.tokens[tok.head] if tok is not None and tok.dep == "pobj" else None
                if prep is not None and prep.text.lower() == "of" and parse.tokens[prep.head].lemma.lower() in (
                        rules.frames.place_words | {"capital"}):
                    continue  # "the Kosovo village of Racak", "the city of El Fasher": a place's name
            if kind == "state":
                tok = parse.token_at(s)
                head = parse.tokens[tok.head] if tok else None
                root = tok
                while root is not None and root.dep == "compound" and root.head != root.i:
                    root = parse.tokens[root.head]
                prep = parse.tokens[root.head] if root is not None and root.dep == "pobj" else None
                if prep is not None and prep.text.lower() in _LOCATIVE:
                    continue

                if head is not None and head.text.lower() in _LOCATIVE:
                    continue
                while root is not None and root.dep == "conj" and root.head != root.i:
                    root = parse.tokens[root.head]
                if root is not None and root.dep in ("dobj", "nsubjpass", "pobj") and not any(
                        w.lower() in rules.frames.state_forms for w in name.split()):
                    # every state is listed: a place name no list has, where an act falls ("occupied Sharm
                    # el-Sheikh"), is a town or a region, whose state is unknown ("the Republic of X" stays)
                    continue
            words = name.split()
            if kind == "person" and len(words) == 1 and name in persons_by_last:
                names[name] = [("short", persons_by_last[name])]
                continue
            # (the small NER model takes a surname alone for an organisation as often: "Sharif met Clinton")
            if kind in ("person", "organisation") and len(words) == 1 and name not in rules.common_word_surnames:
                listed = _surnames(rules).get(name, [])
                # undated: today's office holder of that name, else the only one there ever was
                listed = [i for i in listed if _in_office(rules.actors[i], years)] if years else _todays(listed, rules, word=name)
                if len(listed) == 1:
                    names[name] = [("actor", listed[0])]
                    continue
            if any(w.lower().strip("()") in rules.frames.place_words for w in words):
                continue
            if kind != "person" and (words[-1].lower().rstrip("s") in _DOCUMENTS or re.fullmatch(r"[A-Z]{2,}s", name)):
                continue  # "signed the Tripartite Accord": what was signed, not who; "UAVs", "IEDs": things
            if len(words) == 1 and text[s - 1:s] == "(" and _DOCUMENT_BEFORE.search(text, max(0, s - 120), s - 1):
                continue  # "the Declaration on the Conduct of Parties (DOC)": the acronym of a text
            # one word alone is too often a place, a month or a common noun the NER took for a name;
            # a state the dictionaries list is found by the gazetteer, not here
            sentence_start = not text[parse.start:s].strip(" \"“‘'(*-")
            if len(words) == 1 and kind != "state" and _the_group(parse, s):
                kind = "group"  # "the Houthis", "the Kurds": a people or movement, whatever NER called it
            if len(words) == 1 and not _single_word_actor(parse, s, kind, name, sentence_start, rules):
                continue
            ident = slug(name)
            if ident in rules.actors and rules.actors[ident].label == name:
                names[name] = [("actor", ident)]  # a listed actor whose label is not among its aliases
                continue
            if ident in rules.actors:
                ident = f"{ident}_{kind}"
            if ident not in actors:
                actors[ident] = Actor(ident, name, kind, (name,), listed=False)
            names[name] = [("actor", ident)]
            if kind == "group" and len(words) == 1 and len(name) > 5 and name.endswith("s") and not name.endswith("ss"):
                names.setdefault(name[:-1], [("actor", ident)])  # "the Houthis" and "Houthi fighters"
            if kind == "person" and len(words) > 1:
                # the family name stands first in Chinese and Korean names ("Hua" for Hua Chunying)
                for part in {words[0], words[-1]}:
                    if len(part) > 2:
                        persons_by_last.setdefault(part, ident)
                        names.setdefault(part, [("short", ident)])
            # "Rapid Support Forces (RSF)": the acronym is the same body
            acr = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[e:e + 14])
            if acr and kind in ("organisation", "group"):
                names.setdefault(acr.group(1), [("actor", ident)])
    for name, kind in [(n, "person") for n in titled_names(text, parses, known, rules)] + credited_names(text, known, rules):
        own = names.get(name, [("", "")])[0][1]
        if own in actors:
            actors[own] = replace(actors[own], type=kind)  # where it stands says what it is, not NER's guess
        if name not in names and slug(name) not in rules.actors:
            actors.setdefault(slug(name), Actor(slug(name), name, kind, (name,), listed=False))
            names[name] = [("actor", slug(name))]
    for name, acronym, listed in spelled_out_names(text, rules):
        if listed is None and rules.actor_by_name(name) is None:
            # a body no list has, named in full once and by its acronym after
            ident = slug(name)
            armed = any(w.lower().rstrip("s") in rules.frames.movement_words | rules.frames.armed_nouns
                        for w in name.split())
            actors.setdefault(ident, Actor(ident, name, "group" if armed else "organisation", (name, acronym),
                                           listed=False))
            names[name] = names[acronym] = [("actor", ident)]
        elif listed is not None:
            names.setdefault(name, [("actor", listed)])
    for m in _NUMBERED_UNIT.finditer(text):
        name = m.group(1)
        # one army's "3rd Corps" is not another's: the text's own
        ident = f"{slug(name)}_{hashlib.sha256(text.encode()).hexdigest()[:10]}"
        if name not in names and not any(a.start <= m.start(1) < a.end for a in known):
            actors.setdefault(ident, Actor(ident, name, "military_unit", (name,), sector="MIL", listed=False))
            names[name] = [("actor", ident)]
    return actors, names


# a formation named by its number, which NER leaves out (names with digits are dropped): "the 3rd Corps",
# "the 38th Army", "the 101st Airborne Division"
_NUMBERED_UNIT = re.compile(r"\b[Tt]he (\d{1,3}(?:st|nd|rd|th) (?:[A-Z][a-z]+ ){0,2}"
                            r"(?:Corps|Army|Division|Brigade|Regiment|Battalion|Fleet))\b")


# a byline: "By Liu Xin Source:Global Times Published: ...", "By Yang Sheng and Zhang Hui", "by findingDulcinea Staff"
_BYLINE = re.compile(r"^[ \t]*[Bb]y\s+(.+?)\s*(?:Source\s*:|Published|Updated|Last [Uu]pdated|\(|\||,\s*\d|$)", re.M)
# a signed piece: "Corina Cristea, 09.06.2015, 13:24"
_SIGNED = re.compile(r"^[ \t]*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}),\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}", re.M)
# a photo credit: "Vitaly Zaporozhchenko/AP", "[Davit Ghahramanyan / NKR Infocenter / AFP]"
_CREDIT = re.compile(r"(?<![\w/])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) ?/ ?(?=[A-Z])")
# the outlet that dates a piece: "Mondo History Updated on 2024-01-30"
_STAMPED = re.compile(r"^[ \t]*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) (?:Updated|Published|Posted) (?:on )?\d", re.M)
_STAFF_WORDS = {"Staff", "Source", "Updated", "Published", "Reporter", "Reporters", "Correspondent", "Writer",
                "Editor", "Photo", "Photos"}
_NAME_WORD = re.compile(r"[A-Za-z][\w'’.-]*\Z")


def credited_names(text: str, known: list[ActorMention], rules: Rules) -> list[tuple[str, str]]:
    """The people (and outlets) a text credits: bylines, signatures, photo credits, which count as actors
    of the text whether or not NER reads them: [(name, kind)]."""
    out: list[tuple[str, str]] = []

    def name_of(name: str) -> list[str] | None:
        words = name.split()
        while words and words[-1] in _STAFF_WORDS:
            words.pop()  # "findingDulcinea Staff", "Liu Xin Source"
        if not words or len(words) > 4 or not all(_NAME_WORD.match(w) for w in words):
            return None
        # capitalised words, or one word written in camel case ("findingDulcinea")
        if not (all(w[:1].isupper() for w in words) or (len(words) == 1 and re.search(r"[a-z][A-Z]", words[0]))):
            return None
        return words

    def take(name: str, start: int, kind: str | None = None) -> None:
        words = name_of(name)
        if not words or any(a.start <= start < a.end for a in known) or rules.actor_by_name(" ".join(words)) is not None:
            return
        name = " ".join(words)
        if name in rules.frames.places or {w.lower() for w in words} & (rules.frames.place_words | rules.frames.not_names):
            return
        # a name of capitalised words is a person's; "NKR Infocenter", "findingDulcinea" an outlet's
        kind = kind or ("person" if len(words) > 1 and all(w[:1].isupper() and not w.isupper() for w in words)
                        else "media_outlet")
        if (name, kind) not in out:
            out.append((name, kind))

    for m in _BYLINE.finditer(text):
        line = m.group(1)
        if re.search(r"\d", line):
            continue  # "By 1966 China was ...": a sentence, not a byline
        offset = m.start(1)
        parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", line) if p]
        if not all(name_of(p) for p in parts):
            continue  # "By Monday, Russia had taken the city": a sentence, not a byline
        for part in parts:
            take(part, offset + line.find(part))
    for rx in (_SIGNED, _CREDIT):
        for m in rx.finditer(text):
            if len(m.group(1).split()) > 1:
                take(m.group(1), m.start(1))
    for m in _STAMPED.finditer(text):
        take(m.group(1), m.start(1), "media_outlet")
    return out


# titles that say the name after them is a person's ("spokesperson Esmail Baghaei", "Colonel Leonov")
_PERSON_TITLES = {"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "minister", "secretary",
                  "commander", "colonel", "general", "gen.", "col.", "lt.", "capt.", "captain", "major", "president",
                  "premier", "chancellor", "governor", "mayor", "senator", "adviser", "advisor", "correspondent",
                  "reporter", "editor", "analyst", "researcher", "professor", "mr", "mrs", "ms", "dr", "mr.", "mrs.",
                  "ms.", "dr.", "lawmaker", "chief", "chairman", "leader", "official", "deputy", "director",
                  "executive", "commissioner", "judge", "prosecutor", "attorney", "inspector", "sergeant", "sgt.",
                  "lieutenant", "admiral", "marshal", "brigadier", "ayatollah", "sheikh", "emir", "king", "queen",
                  "prince"}
# of those, the ones that go before a bare surname ("Colonel Leonov", "Mr Baghaei")
_SURNAME_TITLES = {"colonel", "general", "gen.", "col.", "lt.", "capt.", "captain", "major", "mr", "mrs", "ms", "dr",
                   "mr.", "mrs.", "ms.", "dr.", "sergeant", "lieutenant", "admiral", "marshal", "brigadier"}


def titled_names(text: str, parses: dict[int, Parse], known: list[ActorMention], rules: Rules) -> list[str]:
    """Names of persons no list has that the small NER model missed or ran into a neighbour ("the UN Liu
    Jieyi"), read from the title before them: "foreign ministry spokesperson Esmail Baghaei", "Chinese
    Ambassador to the UN Liu Jieyi", "Colonel Leonov's"."""
    out: list[str] = []
    covered = lambda t: any(a.start <= t.start < a.end for a in known)
    for si in sorted(parses):
        toks = parses[si].tokens
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and toks[j].pos == "PROPN" and toks[j].text[:1].isupper() and toks[j].text[1:2].islower() \
                    and not covered(toks[j]) and toks[j].text.lower() not in _PERSON_TITLES:
                j += 1
            if j == i:
                i += 1
                continue
            run, before = toks[i:j], i - 1
            i = j
            while run and run[0].text.endswith(".") and len(run[0].text) <= 5:
                run, before = run[1:], run[0].i  # "Brig. Richard Karemire": an abbreviated rank is a title
            if not run:
                continue
            if len(run) > 3 or (j < len(toks) and toks[j].text[:1].isupper() and toks[j].pos == "PROPN"):
                continue
            # "Ambassador to the UN Liu Jieyi": the body the title is of stands between
            if before >= 2 and covered(toks[before]):
                k = before
                while k > 0 and covered(toks[k]):
                    k -= 1
                k -= 1 if toks[k].text.lower() == "the" and k > 0 else 0
                before = k - 1 if toks[k].text.lower() in ("to", "of", "at") else -1
            title = toks[before].text.lower() if before >= 0 else ""
            if title not in _PERSON_TITLES and not (title.endswith(".") and len(title) <= 5 and title[:1].isalpha()):
                continue
            words = [t.text for t in run]
            if words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]
            if len(words) == 1 and (title not in _SURNAME_TITLES and not title.endswith(".") or not any(
                    label == "PERSON" and s <= run[0].start < e for label, s, e in parses[si].entities)):
                continue  # one word after "President" may be a place or a body ("President Assembly")
            name = " ".join(words)
            low = {w.lower() for w in words}
            if name in rules.frames.places or low & (rules.frames.place_words | rules.frames.generic_body_words
                                                     | rules.frames.movement_words | rules.frames.not_names):
                continue
            if name not in out:
                out.append(name)
    return out
