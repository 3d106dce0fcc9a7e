"""Relation frames over the parse: a predicate (lexicon verb or event noun) and where its actors sit.

The structure comes from the dependency parse, not from one expression per wording: subjects and
objects by grammatical role, passives by their agent, coordination, relative and participle
clauses, shared subjects, infinitival complements, denial and reported speech. What the words mean
is data (ontology/frames.yaml, verbs.yaml, derived/verbs.jsonl, derived/agents.jsonl).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from kg.extract.model import ActorMention
from kg.extract.parse import Parse, Token
from kg.extract.references import lift
from kg.rules import Frames, Rules, VerbEntry

_SUBJ = ("nsubj", "csubj")
_SPEAKER_PRONOUNS = {"it", "he", "she"}
_MODALS = {"may", "might", "could", "would", "will", "shall", "should", "must", "can", "ought", "'ll", "wo"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_CONDITIONAL = {"if", "unless", "whether"}
# relations of a stance toward someone's act: its possessor is the one they are taken toward
_ATTITUDES = {"ACCUSE", "REJECT", "PROTEST", "SUPPORT", "THREATEN", "REQUEST"}
# acts whose noun's "of" names whom they are done to ("the killing of Israeli soldiers", "the blockade of Gaza")
_DONE_TO = {"ASSAULT", "COERCE", "SANCTION"}
# nouns for a state as a whole: the head "of the Russian state" leads it, the head "of Russian diplomacy" serves it
_STATE_WORDS = {"country", "nation", "people", "government", "state"}
# spans of time an act went on for ("nine years of occupation")
_DURATIONS = {"year", "decade", "month", "week", "day", "century"}
_EFFORTS = {"effort", "step", "measure", "action"}  # acts taken to do something: "took steps to isolate Iran"
_ATTEMPTS = {"attempt", "plot", "bid", "effort", "plan", "scheme", "conspiracy", "move", "push", "campaign"}
_SELF_RULE = {"independence", "autonomy", "secession", "statehood", "self-determination", "self-rule"}
_BODY_HEADS = {"director", "director-general", "secretary-general"}  # titles that head a body, never a state
# words that make a body's head the head of one of its parts: "WFP's Country Director", "regional director"
_BRANCH_WORDS = {"country", "regional", "region", "area", "program", "programme", "project", "field", "communications",
                 "operations", "associate", "assistant", "acting"}
# a hit back, which an act may draw or prompt from the one it hit ("prompting retaliation from Turkish forces")
_RETALIATIONS = {"retaliation", "reprisal", "counterattack"}
_NATIONALS = {"citizen", "national", "diplomat", "tourist", "hostage", "prisoner", "sailor", "seaman", "crew", "crewman",
              "passenger", "detainee", "captive", "pow"}
# what a title's leader may lead that is no state: "opposition leader", "rebel leader", "militia commander"
_NON_STATE_SIDES = {"opposition", "rebel", "insurgent", "guerrilla", "militia", "militant", "separatist", "jihadist",
                    "protest", "student", "tribal", "clan", "warlord", "terrorist", "gang", "cartel"}
# reports of a claim, and what calling them denies it: "claims that Russia threatens Lithuania are absurd"
_REPORTS = {"statement", "claim", "allegation", "accusation", "assertion", "report", "charge", "suggestion", "speculation",
            "rumor", "rumour", "notion", "idea"}
_FALSEHOODS = {"absurd", "unfounded", "baseless", "groundless", "false", "untrue", "ridiculous", "nonsense", "lie",
               "fabrication", "fiction", "fake", "preposterous", "lies", "slander", "unsubstantiated"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
             "april", "may", "june", "july", "august", "september", "october", "november", "december", "day", "date",
             "eve", "anniversary", "occasion", "weekend", "morning", "evening", "night", "afternoon"}
# what counts forces ("Russian troop numbers", "the strength of US forces")
_STRENGTH_WORDS = {"number", "level", "strength", "presence", "concentration"}
_MATERIAL = {"AID", "ASSAULT", "MOBILIZE", "RETREAT", "COERCE", "SANCTION", "CONCEDE", "COOPERATE"}
_HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}
# adverbs the parser often leaves where a particle stands: "pushed back the invaders"
_PARTICLE_ADVERBS = {"back", "out", "off", "down", "up", "away", "over", "aside"}


@dataclass
class FrameClaim:
    """A claim the parse supports, before it becomes a Mention: actors, relation, rule, span, polarity."""

    subject: ActorMention
    object: ActorMention
    relation: str
    rule: str
    predicate: str
    start: int
    end: int
    polarity: str
    speaker: str | None = None        # actor id of the subject of a speech verb above the claim
    speaker_name: str | None = None   # that subject as written, when it is no actor
    own_voice: bool = False           # the speaker's own act (a demand), not something they report


_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "pobj")
_ARMED_SECTORS = {"MIL", "REB", "IMG"}  # armies, rebels, international militarised groups (CAMEO)
# words that tie people to the side they fight for: "forces loyal to Saleh", "fighters associated with the RSF"
_TIED = {"loyal", "affiliate", "affiliated", "associate", "associated", "link", "linked", "tie", "tied", "align",
         "aligned", "faithful", "answerable", "subordinate"}

# what one holds over another: its owner is the holder, never the one held ("extend Houthi control over")
_HELD_POWERS = {"control", "influence", "dominance", "domination", "hold", "grip", "sway", "hegemony", "sovereignty"}

# what a people stands or fights for, which one backs or opposes with them: "support for the Vietnamese struggle"
_CAUSES = {"struggle", "cause", "resistance", "revolution", "independence", "liberation", "claim", "position", "stance",
           "policy", "sovereignty", "defence", "defense", "security", "fight", "demand", "right", "interest", "bid"}

# where a force is sent: "deployed warships to waters near Taiwan", "carriers near Iran", "off Venezuela's coast"
_DEPLOYED_TO = {"to", "near", "off", "toward", "towards", "around", "into"}

# acts whose object may be a border alone: "massed troops near Ukraine's border" is aimed at Ukraine
_AT_BORDERS = {"MOBILIZE", "THREATEN"}

# participles that tie people to a body on suspicion: "people suspected of being members of X"
_SUSPECTED = {"suspect", "believe", "allege", "accuse", "think", "say", "report"}
_LINKS = {"link", "tie", "connection"}

# prepositions that put an attack on a place: "struck a depot in Haifa", "shelling near Kharkiv"
_TARGET_PREPS = frozenset({"on", "in", "at", "near", "into", "against", "across", "outside", "around"})


def _repaired(tokens: tuple[Token, ...], f: Frames) -> tuple[Token, ...]:
    """The parse with two known misattachments undone: "threatened in a statement to sink Japan" (the parser hangs
    the infinitive on the adjunct's noun; it is the complement of the verb that takes one, and has none) and "Egypt
    and Qatar are mediating" (the subject hung on the auxiliary is the verb's)."""
    out = list(tokens)
    for tok in tokens:
        if tok.dep not in ("acl", "relcl") or tok.tag != "VB" or not any(
                c.head == tok.i and c.dep == "aux" and c.text.lower() == "to" for c in tokens):
            continue
        noun = tokens[tok.head]
        prep = tokens[noun.head] if noun.dep == "pobj" else None
        verb = tokens[prep.head] if prep is not None and prep.dep == "prep" and prep.i < tok.i else None
        if verb is None or verb.pos != "VERB" or (verb.lemma not in f.complements and verb.lemma not in f.hedge_governors) \
                or any(c.head == verb.i and c.dep in ("xcomp", "ccomp", "dobj") for c in tokens):
            continue
        out[tok.i] = replace(tok, dep="xcomp", head=verb.i)
    for tok in tokens:
        aux = tokens[tok.head]
        if tok.dep in ("nsubj", "nsubjpass") and aux.dep in ("aux", "auxpass") and aux.head != aux.i \
                and tokens[aux.head].pos == "VERB" and not any(
                    c.head == aux.head and c.dep in ("nsubj", "nsubjpass") for c in tokens):
            # "Egypt and Qatar are mediating between ...": the parser hung the subject on the auxiliary
            out[tok.i] = replace(tok, head=aux.head)
    return tuple(out)


class _Sentence:
    """A parse with the actor mentions mapped onto its tokens."""

    def __init__(self, parse: Parse, actors: list[ActorMention], rules: Rules):
        self.rules = rules
        self.f: Frames = rules.frames
        self.t = _repaired(parse.tokens, self.f)
        self.kids: dict[int, list[Token]] = {}
        for tok in self.t:
            if tok.head != tok.i:
                self.kids.setdefault(tok.head, []).append(tok)
        self.weapons = False  # whether weapons stand for their side (in attacks only)
        self.home: str | None = None  # the one state the text names (unnamed police and troops are its)
        self.governing: str | None = None  # else the state whose government was just named ("Peru's president")
        self.year: int | None = None  # the sentence's time
        self.earlier: tuple = ()  # the acts (relation, doer, target) of the sentences just before
        self.doer_acts: list[tuple[str, list[str]]] = []  # acts of this sentence with a doer and no actor hit
        self.actor_at: dict[int, ActorMention] = {}
        self.more_at: dict[int, list[ActorMention]] = {}  # "both countries": two actors at one place
        for am in sorted(actors, key=lambda a: (a.end - a.start, a.start)):
            for tok in self.t:
                if tok.start < am.end and am.start < tok.end:
                    if tok.i not in self.actor_at:
                        self.actor_at[tok.i] = am
                    elif am.resolution == "pair" and (self.actor_at[tok.i].start, self.actor_at[tok.i].end) == (
                            am.start, am.end) and self.actor_at[tok.i].actor != am.actor:
                        self.more_at.setdefault(tok.i, []).append(am)

    @property
    def sentence(self) -> int:
        """The index of the sentence parsed (for mentions the frames make: a town, a text's state)."""
        return next(iter(self.actor_at.values())).sentence if self.actor_at else 0

    def children(self, i: int, *deps: str) -> list[Token]:
        return [c for c in self.kids.get(i, []) if not deps or c.dep in deps]

    def head(self, i: int) -> Token | None:
        tok = self.t[i]
        return None if tok.head == i else self.t[tok.head]

    # --- actors at an argument position ------------------------------------------------------

    def actors_of(self, i: int, depth: int = 0) -> list[ActorMention]:
        """The actors an argument stands for, with its coordinated arguments ("X and Y")."""
        if depth > 4:
            return []
        out = self._actors_here(i, depth)
        for c in self.children(i, "conj"):
            # a list is a chain of conjuncts, each one deeper: it does not use up the depth
            out += [a for a in self.actors_of(c.i, depth) if a not in out]
        if not out and self.t[i].pos == "NOUN":
            # "countries such as Kenya and Uganda", "several states, including France": the ones listed
            for prep in self.children(i, "prep"):
                word = prep.text.lower()
                if word in ("including", "like") or (word == "as" and any(c.lemma == "such" for c in self.children(prep.i))):
                    out += [a for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i, depth + 1)]
        for c in self.children(i, "appos"):
            if not out:
                out += self._actors_here(c.i, depth + 1)
            elif c.i in self.actor_at and (self.children(c.i, "conj") or (
                    self.children(i, "conj") and i in self.actor_at
                    and self.rules.actors[self.actor_at[c.i].actor].type == self.rules.actors[self.actor_at[i].actor].type)):
                # "the United States, France, the United Kingdom and Japan" read as an apposition; "Egypt, the
                # United Arab Emirates, and Russia" with the middle one as Egypt's apposition
                out += [a for a in self.actors_of(c.i, depth) if a not in out]
        return out

    def _actors_here(self, i: int, depth: int) -> list[ActorMention]:
        tok = self.t[i]
        if i in self.actor_at:
            return [self.actor_at[i], *self.more_at.get(i, [])]
        if tok.pos == "PROPN":
            # "Premier Zhou Enlai" matched as "Premier Zhou": the name's last word is still that person
            named = [self.actor_at[c.i] for c in self.children(i, "compound") if c.i in self.actor_at]
            if named:
                return named[-1:]
        word = tok.lemma.lower()
        if tok.pos == "NOUN" and (word in self.f.official_titles or word in self.f.leader_titles) and i + 1 < len(self.t) \
                and (i + 1) in self.actor_at and self.rules.actors[self.actor_at[i + 1].actor].type == "person":
            # "Russian counterpart Vladimir Putin", "Foreign Minister Sergei Lavrov", however the parser hangs the name:
            # the title is the person named right after it
            return [self.actor_at[i + 1]]
        if tok.pos == "NOUN" and (word in self.f.member_nouns or word in self.f.partitives or self.sector_of(i) is not None):
            # "forces loyal to Saleh", "fighters associated with the RSF", "militants linked to al-Qaeda": whose side
            tied = [a for c in self.children(i, "amod", "acl") if c.lemma.lower() in _TIED
                    for prep in self.children(c.i, "prep") if prep.text.lower() in ("to", "with")
                    for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i, depth + 1)]
            # ("officials aligned with President Nicolas Maduro" are his state's, forces loyal to a man who leads
            # nothing then are his own)
            tied = [a if self.rules.actors[a.actor].type != "person" or not lift(self.rules.actors[a.actor], self.year)
                    else ActorMention(lift(self.rules.actors[a.actor], self.year), a.start, a.end, a.surface, a.sentence,
                                      "role") for a in tied]
            if tied:
                return tied
        if tok.pos == "NOUN" and depth < 3:
            # "19 people suspected of being members of the Sinaloa Cartel", "men believed to belong to the
            # gang": whom they are held to be of
            held = [a for c in self.children(i, "acl") if c.lemma.lower() in _SUSPECTED
                    for a in self._held_to_be_of(c, depth)]
            if held:
                return held
        if tok.pos == "NOUN" and word in self.f.official_titles and depth < 3 and not any(
                c.i in self.actor_at for c in self.children(i, "compound", "amod", "poss", "nmod")):
            # "sanctions against officials in Ukraine": the officials of the state they are in
            found = [a for p in self.children(i, "prep") if p.text.lower() == "in" for o in self.children(p.i, "pobj")
                     for a in (self.actors_of(o.i, depth + 1) or self.state_of_place(o.i))
                     if self.rules.actors[a.actor].type == "state"]
            if found:
                return found[:1]
        if tok.pos == "NOUN" and word in self.f.voice_nouns:
            # "a letter from Mali's Foreign Ministry alleges ...", "the statement by the Guards accused ...": whose voice
            voiced = [a for prep in self.children(i, "prep") if prep.text.lower() in ("by", "from")
                      for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i, depth + 1)]
            voiced = voiced or [a for c in self.children(i, "poss") for a in self.actors_of(c.i, depth + 1)]
            if voiced:
                return voiced
        if word in self.f.partitives or tok.text.lower() in self.f.partitives or word in self.f.state_forms \
                or (word in self.f.armed_nouns and tok.pos == "NOUN"):  # "forces of the Viet Cong"
            # "a unit of Ruritanian troops": the troops; "the People's Socialist Republic of Albania": Albania
            for prep in self.children(i, "prep"):
                if prep.text.lower() == "of":
                    for pobj in self.children(prep.i, "pobj"):
                        found = self.actors_of(pobj.i, depth + 1)
                        if found:
                            return found
        if self.weapons and tok.pos == "NOUN" and (self._attack_noun(word) or word in self.f.weapon_nouns) and depth < 2:
            # "Air strikes by Myanmar's military killed eight civilians", "bombs planted by Islamic State fighters":
            # the doer after "by", on the noun or its participle
            by = [a for h in [tok, *(c for c in self.children(i, "acl") if c.tag == "VBN")]
                  for p in self.children(h.i, "prep", "agent") if p.text.lower() == "by"
                  for o in self.children(p.i, "pobj") for a in self.actors_of(o.i, depth + 1)]
            if by:
                return by
        if self.weapons and tok.pos == "NOUN" and self._attack_noun(word) and tok.dep == "dobj" and depth < 2 and not any(
                c.i in self.actor_at for c in self.children(i, "amod", "compound", "poss", "nmod")):
            # "the Israeli Air Force launched a strike that destroyed the Egyptian air force": the launcher's strike
            launcher = self.head(i)
            found = self.subjects(launcher, depth + 1) if launcher is not None and launcher.pos == "VERB" else []
            if found:
                return found
        if self.weapons and tok.pos == "NOUN" and self._attack_noun(word) and self.earlier and not any(
                c.i in self.actor_at for c in self.children(i, "amod", "compound", "poss", "nmod", "prep")) and any(
                c.lemma.lower() in ("the", "this", "that") for c in self.children(i, "det")):
            # "The attack killed seven Iranian officers": the attack told just before, and its doer
            doers = [doer for rel, doer, _ in reversed(self.earlier) if rel == "ASSAULT"][:1]
            if doers:
                return [ActorMention(doers[0], tok.start, tok.end, tok.text, self.sentence, "event")]
        if tok.pos in ("NOUN", "PROPN") and any(c.lemma.lower() in self.f.sub_bodies
                                                 for c in self.children(i, "compound")):
            # "the DPRK Foreign Ministry spokesperson": the state whose ministry speaks
            for c in self.children(i, "compound"):
                named = [self.actor_at[g.i] for g in self.children(c.i, "compound", "amod", "poss")
                         if g.i in self.actor_at and self.rules.actors[self.actor_at[g.i].actor].type == "state"]
                if named:
                    return named[:1]
        if tok.pos == "NOUN" and word in self.f.body_nouns:
            # "two Iraqi bases housing U.S. troops": the troops it shelters, not the host's
            hosted = [a for c in self.children(i, "acl") if c.lemma in ("house", "host", "shelter")
                      for d in self.children(c.i, "dobj") for a in self.actors_of(d.i, depth + 1)]
            if hosted:
                return hosted
        # ("Zimbabwe's military placed ...": the tagger may call a subject "military" an adjective)
        if (tok.pos in ("NOUN", "PROPN") or (tok.pos == "ADJ" and tok.dep in _ARGUMENTS)) and self._agent_noun(i):
            # "Somalia's al-Shabab terror group" is al-Shabab's; "his Chinese counterpart Wang Yi" is Wang Yi
            named = [self.actor_at[c.i] for c in self.children(i, "compound", "appos") if c.i in self.actor_at
                     and self.rules.actors[self.actor_at[c.i].actor].type in ("group", "organisation", "person")
                     and not self._backer(c)]
            if named:
                return named[-1:]
            # "Freedonian border guards", "the Soviet government", "US-led coalition", "forces of X"
            for c in self.children(i, "amod", "compound", "poss", "nmod", "npadvmod"):
                if c.i in self.actor_at and word in self.f.regime_nouns \
                        and self.rules.actors[self.actor_at[c.i].actor].type == "person":
                    # "Mr Maduro's government barred ...": the state he headed then acts
                    person = self.rules.actors[self.actor_at[c.i].actor]
                    headed = {r.actor for r in person.represents}
                    state = lift(person, self.year) or (headed.pop() if self.year is None and len(headed) == 1 else None)
                    if state is not None:
                        am = self.actor_at[c.i]
                        return [ActorMention(state, am.start, am.end, am.surface, am.sentence, "role")]
                if c.i in self.actor_at and self._backer(c):
                    continue  # "Libya's UN-backed government": the UN backs it, Libya's government acts
                if c.i in self.actor_at:
                    # "Ethiopian and Eritrean troops": the adjectives coordinated with it too
                    joined = [x for x in self.children(c.i, "conj") if x.i in self.actor_at]
                    if not joined:
                        # "Ethiopian and Eritrean government troops", parsed with the second under "government"
                        joined = [self.t[cc.i + 1] for cc in self.children(c.i, "cc") if cc.i + 1 < i
                                  and cc.i + 1 in self.actor_at and self.t[cc.i + 1].pos == "ADJ"]
                    return [self.actor_at[c.i], *(self.actor_at[x.i] for x in joined)]
                if c.lemma == "lead":  # "US-led"
                    for g in self.children(c.i):
                        if g.i in self.actor_at:
                            return [self.actor_at[g.i]]
            # "an Iraqi Scud missile": a name between the side and the noun
            named = [self.actor_at[g.i] for c in self.children(i, "compound") if c.i not in self.actor_at
                     for g in self.children(c.i, "compound", "amod") if g.i in self.actor_at
                     and self.rules.actors[self.actor_at[g.i].actor].type == "state"]
            if named:
                return named[:1]
            for c in self.children(i, "acl"):
                # "a coalition led by Saudi Arabia"; in an attack "rockets fired by Hezbollah" are Hezbollah's
                # ("Mujahideen fighters, armed by the United States": fighters armed are not arms fired)
                if c.lemma == "lead" or (self.weapons and word in self.f.weapon_nouns and c.tag == "VBN"
                                         and c.lemma not in self.f.arming_verbs
                                         and c.text.lower() not in self.f.backing_participles):
                    for by in self.children(c.i, "agent"):
                        found = [a for p in self.children(by.i, "pobj") for a in self.actors_of(p.i, depth + 1)]
                        if found:
                            return found
            for prep in self.children(i, "prep"):
                if prep.text.lower() in ("of", "from", "in"):
                    for pobj in self.children(prep.i, "pobj"):
                        # "leaders of the United States, France and Germany", "his counterparts from Armenia",
                        # "a commander in the movement" (in a group, not a country: "soldiers in Niger" below)
                        if pobj.i in self.actor_at and (prep.text.lower() != "in" or self.rules.actors[
                                self.actor_at[pobj.i].actor].type in ("group", "organisation")):
                            return self.actors_of(pobj.i, depth + 1)
                        # "representatives of the Sudanese Armed Forces and the RSF": whose they are
                        if prep.text.lower() == "of" and word in self.f.official_titles and pobj.i not in self.actor_at:
                            found = self.actors_of(pobj.i, depth + 1)
                            if found:
                                return found
            # "Soldiers in Niger", "Police in Hong Kong": the state they are in
            located = [a for prep in self.children(i, "prep") if prep.text.lower() == "in"
                       for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i, depth + 1)
                       if self.rules.actors[a.actor].type == "state"]
            if located and (self.sector_of(i) in self.f.state_sectors or word in self.f.home_nouns):
                return located[:1]
            if self.home is not None and (self.sector_of(i) in self.f.state_sectors or word in self.f.home_nouns) \
                    and not any(c.i in self.actor_at for c in self.children(i, "amod", "compound", "poss", "nmod")):
                # "Police fired tear gas at protesters in Nairobi", "Troops killed 23 rebels": in a text
                # that names one state only, its police and troops
                return [ActorMention(self.home, tok.start, tok.end, tok.text, self.sentence, "home")]
            if self.home is None and self.governing is not None and word in self.f.government_nouns \
                    and any(c.dep == "det" and c.text.lower() == "the" for c in self.children(i)) \
                    and not self.children(i, "amod", "compound", "poss", "nmod", "prep"):
                # "Peruvian President Dina Boluarte met troops near the Bolivian border. The government then
                # suspended talks": the government of the state whose leader or junta was just named
                return [ActorMention(self.governing, tok.start, tok.end, tok.text, self.sentence, "home")]
        elif tok.pos == "NOUN" and (self.sector_of(i) is not None or word in self.f.member_nouns):
            # "Hezbollah fighters", "Taliban militants": a group's own people act for the group
            named = [self.actor_at[c.i] for c in self.children(i, "compound", "amod") if c.i in self.actor_at
                     and self.rules.actors[self.actor_at[c.i].actor].type in ("group", "organisation")]
            if named:
                return named[-1:]
        return []

    def _held_to_be_of(self, c: Token, depth: int) -> list[ActorMention]:
        """The body a suspicion participle ties people to: "suspected of being members of X", "believed
        to belong to X", "accused of links to X"."""
        steps = [c]
        for _ in range(3):
            steps = [k for s in steps for k in self.children(s.i, "prep", "pcomp", "xcomp", "attr", "pobj", "aux")]
            for k in steps:
                if k.pos == "NOUN" and k.lemma.lower() in (*self.f.member_nouns, *_LINKS):
                    ties = [a for p in self.children(k.i, "prep") if p.text.lower() in ("of", "to", "with", "from")
                            for o in self.children(p.i, "pobj") for a in self.actors_of(o.i, depth + 1)]
                    if ties:
                        return ties
                if k.pos == "VERB" and k.lemma.lower() == "belong":
                    ties = [a for p in self.children(k.i, "prep") if p.text.lower() == "to"
                            for o in self.children(p.i, "pobj") for a in self.actors_of(o.i, depth + 1)]
                    if ties:
                        return ties
        return []

    def place_at(self, i: int) -> ActorMention | None:
        """The state a city named at token i lies in ("Kharkiv", "Tel Aviv"), as a mention of it there."""
        tok = self.t[i]
        # the tagger may take a town it does not know for an adverb ("captured Bakhmut"): capitals count
        # (a month or a day is no town: "In March 1969 ... clashed" is not March in Cambridgeshire)
        if i in self.actor_at or not (tok.pos == "PROPN" or (i > 0 and tok.text[:1].isupper())) \
                or tok.text.lower() in self.f.not_names:
            return None
        words = [c for c in self.children(i, "compound") if c.pos == "PROPN" and c.i < i] + [tok]
        for first in (words[0], tok):
            state = self.f.places.get(" ".join(w.text for w in words[words.index(first):]))
            if state is not None and state in self.rules.actors:
                return ActorMention(state, first.start, tok.end, self.rules.actors[state].label, self.sentence, "place")
        for k in range(max(0, i - 6), i):
            # a name the tokenizer cut at its hyphens ("Port-au-Prince"): the words as the text writes them
            surface = "".join(w.text + (" " if n < i and self.t[n + 1].start > w.end else "")
                              for n, w in enumerate(self.t[k:i + 1], k))
            state = self.f.places.get(surface)
            if "-" in surface and state is not None and state in self.rules.actors:
                return ActorMention(state, self.t[k].start, tok.end, self.rules.actors[state].label, self.sentence, "place")
        return None

    def state_of_place(self, i: int) -> list[ActorMention]:
        """The state a place noun is in: a town ("Minsk"), "the Belarusian capital", "the capital of Belarus"."""
        town = self.place_at(i)
        if town is not None:
            return [town]
        if self.t[i].lemma.lower() not in self.f.place_words | {"capital"}:
            return []
        found = [self.actor_at[c.i] for c in self.children(i, "amod", "poss", "compound") if c.i in self.actor_at]
        found += [a for prep in self.children(i, "prep") if prep.text.lower() in ("of", "in")
                  for o in self.children(prep.i, "pobj") for a in (self.actors_of(o.i) or self.state_of_place(o.i))]
        return [a for a in found if self.rules.actors[a.actor].type == "state"][:1]

    def place_targets(self, v: Token, preps: frozenset[str] = _TARGET_PREPS) -> list[ActorMention]:
        """Where an attack fell, when no actor is its object: "struck Kharkiv", "hit a depot in Haifa",
        "Tel Aviv was hit" (the city's state is the target)."""
        spots = list(self.children(v.i, "nsubjpass" if self.passive(v) else "dobj"))
        spots += [o for prep in self.children(v.i, "prep") if prep.text.lower() in preps
                  for o in self.children(prep.i, "pobj") if not self._near_border(prep, o)]
        # "annex a swath of land in Guyana", "one of the bases in Syria": what a quantity is of; "seized control
        # of El Fasher", "the city of El Fasher": the place named
        spots += [o for d in list(spots) if d.pos == "NUM" or d.lemma.lower() in self.f.partitives | self._place_heads
                  for prep in self.children(d.i, "prep") if prep.text.lower() == "of" for o in self.children(prep.i, "pobj")]
        spots += [o for d in list(spots) for prep in self.children(d.i, "prep") if prep.text.lower() in _TARGET_PREPS
                  for o in self.children(prep.i, "pobj")]  # "a repair facility in Kyiv"
        spots += [c for c in self.children(v.i, "advmod", "npadvmod") if c.text[:1].isupper()]  # "captured Bakhmut"
        listed = [c for d in spots for c in self.children(d.i, "conj")]  # "hit Tel Aviv and Haifa"
        while listed:  # a list is a chain of conjuncts: "East Jerusalem, the Golan Heights, the West Bank and Sinai"
            spots += listed
            listed = [c for d in listed for c in self.children(d.i, "conj") if c not in spots]
        # whose the target is comes first: "bombed an Iranian embassy complex in Damascus" hit Iran
        # ("captured Japanese guns" took the guns; whether the weapons stand for their side is settled above)
        places = [o for o in spots if o.lemma.lower() not in self.f.weapon_nouns | self.f.spoils]
        # "two Iraqi bases housing U.S. troops": those it shelters were the target
        hosted = [a for o in places for c in self.children(o.i, "acl") if c.lemma in ("house", "host", "shelter")
                  for d in self.children(c.i, "dobj") for a in self.actors_of(d.i)]
        if hosted:
            return list({a.actor: a for a in hosted}.values())
        # "embassy complex"; "the Falkland Islands, a British overseas territory": what the place is named as
        heads = [*places, *(c for o in places for c in self.children(o.i, "compound", "appos"))]
        # (the UN in "the UN-protected enclave" guards it)
        owners = [self.actor_at[c.i] for o in heads for c in self.children(o.i, "amod", "poss", "compound")
                  if c.i in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type != "person"
                  and not any(g.lemma.lower() in _GUARDING for g in self.children(o.i, "amod"))]
        # "Pakistani-controlled territory", "Russian-occupied Kherson": who holds it
        owners += [self.actor_at[g.i] for o in heads for c in self.children(o.i, "amod") if c.lemma.lower() in _HOLDING
                   for g in self.children(c.i, "npadvmod", "compound", "amod") if g.i in self.actor_at]
        # "a convoy of Afghan security forces", "a base for African Union troops", "targets of the PKK"
        # ("captured the Golan Heights from Syria": whose it was taken from)
        # (the "opponents of President Maduro" are not his)
        owners += [a for o in places if o.lemma.lower() not in _AGAINST_NOUNS
                   for prep in self.children(o.i, "prep") if prep.text.lower() in ("of", "for", "from")
                   for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
        # "observation posts belonging to Hamas", "a base used by the RSF": whose they are
        owners += [a for o in places for c in self.children(o.i, "acl") if c.lemma in _OWNING
                   for prep in self.children(c.i, "prep", "agent") if prep.text.lower() in ("to", "by")
                   for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
        if owners:
            return list({a.actor: a for a in owners}.values())
        if any(self.f.agents.get(c.lemma.lower()) not in (None, *self.f.state_sectors)
               for o in places for c in self.children(o.i, "amod", "compound")):
            return []  # "bombed Kurdish militant targets in northern Iraq" hit militants, not Iraq
        if any(c.text[:1].isupper() and c.i not in self.actor_at and c.pos in ("ADJ", "PROPN") and c.i > v.i
               for o in places for c in self.children(o.i, "amod")):
            return []  # "struck Kurdish positions in northern Syria": a people's, no list says whose; not Syria's
        found = [self.actor_at[o.i] if o.i in self.actor_at and self.rules.actors[self.actor_at[o.i].actor].type == "state"
                 else self.place_at(o.i) for o in spots if o.i not in self.actor_at or o.dep == "pobj"]
        found += [self.place_at(c.i) for o in spots for c in self.children(o.i, "compound")]  # "a Tel Aviv neighborhood"
        return list({a.actor: a for a in found if a is not None}.values())

    def _near_border(self, prep: Token, o: Token) -> bool:
        """"an attack near the Bolivian border": near a border is a place on this side of it, not the state
        beyond."""
        return prep.text.lower() == "near" and (o.lemma.lower() in self.f.border_words or o.text.lower() in self.f.border_words)

    @property
    def _place_heads(self) -> frozenset[str]:
        """Nouns a place's name follows with "of": "the city of El Fasher", "control of Goma"."""
        return self.f.place_words | {"capital", "control", "outskirts", "centre", "center", "heart"}

    def noun_place_targets(self, n: Token, verb: Token | None, own_preps: tuple[str, ...] = ()) -> list[ActorMention]:
        """The towns an event noun's act fell on: "an attack on Haifa", "airstrikes in Aleppo", "the
        capture of Kherson" (the noun's own prepositions too)."""
        preps = [p for t in (n, verb) if t is not None for p in self.children(t.i, "prep")
                 if p.text.lower() in _TARGET_PREPS or (t is n and p.text.lower() in own_preps)]
        spots = [o for p in preps for o in self.children(p.i, "pobj") if not self._near_border(p, o)]
        spots += [o for d in list(spots) if d.lemma.lower() in self._place_heads for prep in self.children(d.i, "prep")
                  if prep.text.lower() == "of" for o in self.children(prep.i, "pobj")]  # "on the city of El Fasher"
        spots += [c for o in spots for c in self.children(o.i, "conj")]
        # "an attack on a village in Yobe state, northeast Nigeria": where the place is, named after it
        spots += [x for o in list(spots) if o.i not in self.actor_at for p in self.children(o.i, "prep")
                  if p.text.lower() in ("in", "near", "outside") for q in self.children(p.i, "pobj")
                  for x in [q, *self.children(q.i, "appos")]]
        # "a strike on a Jaish-e-Mohammad camp", "an attack on Iran's nuclear sites": whose the place is
        owners = [self.actor_at[c.i] for o in spots for c in self.children(o.i, "amod", "poss", "compound", "nmod")
                  if c.i in self.actor_at and o.i not in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type != "person"]
        # "an attack on the British army's headquarters": whose army
        owners += [a for o in spots if o.i not in self.actor_at for c in self.children(o.i, "poss") if c.i not in self.actor_at
                   for a in self.actors_of(c.i) if self.rules.actors[a.actor].type != "person"]
        # "an attack on a base for African Union troops"
        owners += [a for o in spots if o.i not in self.actor_at and o.lemma.lower() not in _AGAINST_NOUNS | {"side", "behalf"}
                   for prep in self.children(o.i, "prep") if prep.text.lower() in ("of", "for")
                   for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
        # ("airstrikes across southern Lebanon": a state named as the place)
        found = owners or [self.actor_at[o.i] if o.i in self.actor_at and self.rules.actors[self.actor_at[o.i].actor].type == "state"
                           else self.place_at(o.i) for o in spots]
        return list({a.actor: a for a in found if a is not None}.values())

    def _agent_noun(self, i: int) -> bool:
        """A noun that makes the state named with it the actor: a body, a unit, an agent of the state."""
        tok = self.t[i]
        lemma = tok.lemma.lower()
        if lemma in self.f.body_nouns or lemma in self.f.partitives:
            return True
        if lemma in self.f.official_titles and not any(c.i in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type
                                                        == "person" for c in self.children(i, "compound", "appos")):
            return True  # "a North Korean defense ministry spokesman issued a warning": his state speaks
        sector = self.sector_of(i)
        if sector is not None:
            return sector in self.f.state_sectors  # "Egyptian protesters" are no act of Egypt's
        if self.weapons and (lemma in self.f.weapon_nouns or self._attack_noun(lemma)):
            return True  # "a suspected Russian airstrike killed 16 people": the strike stands for its side
        return False

    def _attack_noun(self, lemma: str) -> bool:
        frame = self.f.nouns.get(lemma)
        return frame is not None and frame.relation == "ASSAULT"

    def sector_of(self, i: int) -> str | None:
        tok = self.t[i]
        compounds = [c.lemma.lower() for c in self.children(i, "compound") if c.i not in self.actor_at]
        return self.f.agents.get(" ".join([*compounds, tok.lemma.lower()])) or self.f.agents.get(tok.lemma.lower())

    # --- subjects and objects ----------------------------------------------------------------

    def _relative_head(self, v: Token) -> Token | None:
        return self.head(v.i) if v.dep == "relcl" else None

    def subjects(self, v: Token, depth: int = 0) -> list[ActorMention]:
        if depth > 5:
            return []
        for c in self.children(v.i, *_SUBJ) if not self.bare_participle(v) else []:
            if c.text.lower() in _RELATIVE and v.dep == "relcl":
                return self.actors_of(v.head)
            found = self.actors_of(c.i)
            if not found and c.lemma.lower() in self.f.intent_nouns and v.lemma == "be":
                # "Sadat's response was to expel ...": whose response it was does it
                found = [a for p in self.children(c.i, "poss") for a in self.actors_of(p.i)]
            if c.pos == "PRON" and c.text.lower() in _SPEAKER_PRONOUNS | {"they"}:
                found = self._speaker_antecedent(v, c) or found
            if found:
                return found
            return []  # a subject that is no actor ("the plan") is no actor's act
        for c in self.children(v.i, "agent"):
            for pobj in self.children(c.i, "pobj"):
                return self.actors_of(pobj.i)
        hands = self._at_the_hands_of(v)
        if hands:
            return hands  # "massacred at the hands of Assad's forces"
        if self.children(v.i, "auxpass") and v.dep == "pcomp":
            return []  # "protect civilians from being massacred": the ones kept from it are its victims
        if self.passive(v) and v.lemma in self.f.expelling_verbs and not self.children(v.i, "agent"):
            # "the Soviet Union was expelled from the League of Nations": a body expels its own members
            found = [a for p in self.children(v.i, "prep") if p.text.lower() == "from" for o in self.children(p.i, "pobj")
                     for a in self.actors_of(o.i) if self.rules.actors[a.actor].type in ("organisation", "group")]
            if found:
                return found
        if self.passive(v):
            # "were armed and trained by Iran": the agent of the participles coordinated with this one
            for cj in self.children(v.i, "conj"):
                if cj.tag == "VBN":
                    for c in self.children(cj.i, "agent"):
                        for pobj in self.children(c.i, "pobj"):
                            return self.actors_of(pobj.i)
        if self.children(v.i, "nsubjpass"):
            return []
        if v.tag == "VBG" and v.dep == "pcomp":
            # "killed in shelling by Pakistani troops": a gerund's doer after "by"
            by = [a for p in self.children(v.i, "prep") if p.text.lower() == "by" for o in self.children(p.i, "pobj")
                  for a in self.actors_of(o.i)]
            if by:
                return by
        up = self.head(v.i)
        if up is None:
            return []
        if v.dep == "relcl":
            return self.actors_of(up.i)
        if v.dep in ("acl", "relcl") and v.tag == "VB" and up.lemma.lower() in _ATTEMPTS \
                and any(a.text.lower() == "to" for a in self.children(v.i, "aux")):
            # "an attempt by North Korean commandos to assassinate the president": who made the attempt
            by = [a for p in self.children(up.i, "prep") if p.text.lower() == "by" for o in self.children(p.i, "pobj")
                  for a in self.actors_of(o.i)]
            if by:
                return by
        if v.dep in ("acl", "relcl") and v.tag == "VB" and up.lemma.lower() in _EFFORTS and up.dep == "dobj" \
                and any(a.text.lower() == "to" for a in self.children(v.i, "aux")) and self.head(up.i) is not None:
            return self.subjects(self.head(up.i), depth + 1)  # "undertook efforts to encourage both sides"
        if v.dep == "acl" and v.tag == "VBG":
            found = self.actors_of(up.i)  # "forces loyal to X, shelling Y"
            above = self.head(up.i)
            if not found and up.dep == "dobj" and above is not None and above.pos == "VERB":
                return self.subjects(above, depth + 1)  # "X issued a statement condemning Y"
            return found
        if v.dep == "xcomp" and self.passive(up) and not self.children(up.i, "agent"):
            # "Sharif is reported to have asked the US": the one reported
            return [a for c in self.children(up.i, "nsubjpass") for a in self.actors_of(c.i)]
        if v.dep == "xcomp":
            # "urged Moscow to withdraw": the object of the verb above does it; else its subject
            # (a fronted "On Monday," is when, not whom: "On Monday, Chile agreed to resume aid")
            objects = self.children(up.i, "dobj") or [p for c in self.children(up.i, "prep", "prt") if c.i > up.i
                                                       if c.text.lower() in ("on", "upon") or (
                                                           c.text.lower() == "to" and up.lemma in self.f.appeal_verbs)
                                                       for p in self.children(c.i, "pobj")]
            if objects and up.lemma not in self.f.instrument_verbs:
                found = self.actors_of(objects[0].i)  # "called on the West to strengthen": the West, no actor
                if self.f.complements.get(up.lemma) == "COERCE" and self.sector_of(objects[0].i) in ("MIL", "POLICE") \
                        and not self.children(objects[0].i, "poss", "amod", "compound") and objects[0].i not in self.actor_at:
                    # "Niger's junta ordered police to expel the French ambassador": its own police act for it
                    return self.subjects(up, depth + 1)
                return found
            return self.subjects(up, depth + 1)
        if v.dep == "advcl" and any(c.text.lower() == "to" for c in self.children(v.i, "aux")) \
                and up.lemma in self.f.arming_verbs:
            # "supplying the RSF with missiles to fight Sudan's army": the ones armed are to fight
            armed = [a for d in self.children(up.i, "dobj") for a in self.actors_of(d.i)]
            if armed:
                return armed
        if v.dep in ("conj", "advcl"):
            return self.subjects(up, depth + 1) if up.pos in ("VERB", "AUX") else []
        if v.dep in ("acomp", "oprd") and up.pos in ("VERB", "AUX"):
            # "the G7 states are ready to impose sanctions": ready's subject acts (through its "to" complement)
            return self.subjects(up, depth + 1)
        if v.dep == "pcomp" and up.dep == "prep":
            above = self.head(up.i)
            if up.text.lower() in ("against", "from") and above is not None and above.pos == "VERB":
                # "warned Washington against arming Taiwan", "stopped the Ethiopians from retaking": the one warned
                warned = [a for d in self.children(above.i, "dobj") for a in self.actors_of(d.i)]
                if warned:
                    return warned
            if above is not None and above.lemma in self.f.allegation and self.children(above.i, "dobj"):
                # "Iran accused Israel of bombing its embassy": the accused did it (allegedly)
                return self.actors_of(self.children(above.i, "dobj")[0].i)
            if above is not None and above.pos in ("VERB", "AUX"):
                return self.subjects(above, depth + 1)  # "retaliated by shelling Y"
            verb = self.head(above.i) if above is not None and above.dep == "dobj" else None
            if verb is not None and verb.lemma in self.f.allegation:
                return self.actors_of(above.i)  # "accuses the military of removing X": the accused, if an actor
            if verb is not None and verb.pos == "VERB":
                return self.subjects(verb, depth + 1)  # "raised the possibility of signing an agreement"
        return []

    def companions(self, v: Token) -> list[ActorMention]:
        """"The Houthis, along with Saleh's forces, launched ...", "Syria, together with Russia, bombed ...": who
        acts with the subject (on the verb only before it: after it "with" may go with the object)."""
        out: list[ActorMention] = []
        for h in [v, *self.children(v.i, *_SUBJ)]:
            for prep in self.children(h.i, "prep"):
                if h is v and prep.i > v.i:
                    continue
                word = prep.text.lower()
                if word == "alongside":
                    heads = [prep]
                elif word == "with" and any(c.lemma.lower() in self.f.companion_words for c in self.children(prep.i, "advmod")):
                    heads = [prep]  # "together with"
                elif word in self.f.companion_words or word == "in":
                    # "along with Y", "in concert with Y"
                    heads = [w for w in [prep, *self.children(prep.i, "pobj")] if w.text.lower() in self.f.companion_words
                             or w.lemma.lower() in self.f.companion_words]
                    heads = [p for w in heads for p in self.children(w.i, "prep") if p.text.lower() == "with"]
                else:
                    continue
                out += [a for w in heads for o in self.children(w.i, "pobj") for a in self.actors_of(o.i) if a not in out]
        return out

    def each_other(self, v: Token) -> bool:
        """Whether the verb's object is "each other" or "one another" ("accused one another of")."""
        for d in self.children(v.i, "dobj"):
            words = {d.text.lower(), *(c.text.lower() for c in self.children(d.i))}
            if d.text.lower() in ("other", "another") or words >= {"one", "another"} or words >= {"each", "other"}:
                return True
        return False

    def their_own(self, v: Token) -> bool:
        """Whether the verb's object is the subjects' own bond: "X and Y hailed the anniversary of their treaty"."""
        for d in self.children(v.i, "dobj"):
            for n in [d, *(o for p in self.children(d.i, "prep") if p.text.lower() == "of" for o in self.children(p.i, "pobj"))]:
                if any(c.text.lower() == "their" for c in self.children(n.i, "poss")):
                    return True
        return False

    def _speaker_antecedent(self, v: Token, pronoun: Token) -> list[ActorMention]:
        """"The Guards Corps announced it launched the attack": the subject of the speech verb a clause
        is reported under is who a pronoun subject of that clause means, when it can be ("it" no person,
        "he" or "she" one)."""
        up = self.head(v.i)
        if v.dep != "ccomp" or up is None or up.lemma not in self.f.speech:
            return []
        said_by = [a for c in self.children(up.i, "nsubj") for a in self.actors_of(c.i)]
        person = pronoun.text.lower() in ("he", "she")
        if len(said_by) != 1 or (self.rules.actors[said_by[0].actor].type == "person") != person:
            return []
        if pronoun.text.lower() == "they" and not any(c.tag in ("NNS", "NNPS") for c in self.children(up.i, "nsubj")):
            return []  # "Russian forces said they had seized ...": a plural speaker
        a = said_by[0]
        return [ActorMention(a.actor, pronoun.start, pronoun.end, pronoun.text, a.sentence, "pronoun")]

    def bare_participle(self, v: Token) -> bool:
        """"two Americans and 11 Vietnamese killed", "Five soldiers killed in ambush": a headline or casualty
        list's passive with no "were" (the parser gives it an active subject, the victims)."""
        # (counted victims: a verb the parser tags so after a named subject is often a past tense, "HRW alleged")
        return (v.tag == "VBN" and v.dep in ("ROOT", "conj", "parataxis", "ccomp", "advcl")
                and any(self.children(c.i, "nummod") for c in self.children(v.i, "nsubj"))
                and not self.children(v.i, "aux", "auxpass", "dobj", "ccomp"))

    def passive(self, v: Token, depth: int = 0) -> bool:
        up = self.head(v.i)
        return bool(self.children(v.i, "nsubjpass", "auxpass")) or (v.dep == "acl" and v.tag == "VBN") \
            or self.bare_participle(v) \
            or self.fronted_participle(v) or (
                # "was summoned by Clinton and warned against it": a participle sharing the passive before it
                depth < 3 and v.dep == "conj" and v.tag == "VBN" and up is not None and up.tag == "VBN"
                and not self.children(v.i, "nsubj", "aux") and self.passive(up, depth + 1))

    def fronted_participle(self, v: Token) -> bool:
        """"Backed by the Soviet Union, the government ...": a passive participle clause with its agent,
        whose patient is the subject of the clause it opens."""
        return v.dep == "advcl" and v.tag == "VBN" and bool(self.children(v.i, "agent"))

    def objects(self, v: Token, entry: VerbEntry | None) -> list[ActorMention]:
        up = self.head(v.i)
        if entry and entry.relation == "ASSAULT" and v.tag == "VBG" and v.dep == "pcomp" and up is not None \
                and up.text.lower() in ("in", "during") and self.head(up.i) is not None \
                and self.head(up.i).lemma in _HARMING and self.passive(self.head(up.i)) and not self.children(v.i, "dobj"):
            # "two soldiers were killed in shelling by Pakistani troops": the shelling fell on those killed
            return [a for c in self.children(up.head, "nsubjpass") for a in self.actors_of(c.i)]
        if entry and entry.relation == "ASSAULT" and not entry.object_words and not self.passive(v):
            # "shot down a Russian warplane near the Syrian border": the side whose weapon is hit, not the place
            hit = [self.actor_at[c.i] for d in self.children(v.i, "dobj") if d.lemma.lower() in self.f.weapon_nouns
                   and d.lemma.lower() not in self.f.member_nouns  # ("Taliban fighters" are people, no jets)
                   for c in self.children(d.i, "amod", "compound", "poss") if c.i in self.actor_at]
            if hit:
                return hit
        if entry and entry.relation == "ASSAULT" and v.lemma in self.f.taking_verbs and not self.passive(v):
            # "captured the Sinai from Egypt, the West Bank from Jordan and the Golan Heights from Syria": taken from them
            # ("retook Goma from the M23 rebels", "seized control of Bulo Burde from Somali government forces")
            losers = [a for p in self._clause_preps(v, "from") for o in self.children(p.i, "pobj")
                      for a in ([self.actor_at[o.i]] if o.i in self.actor_at else self.actors_of(o.i))]
            # "recaptured most territory once lost to Boko Haram": who held it
            losers += [a for d in [v, *self.children(v.i, "dobj")] for c in self.children(d.i, "acl", "advcl")
                       if c.lemma in ("lose", "cede") and c.tag == "VBN"
                       for p in self.children(c.i, "prep") if p.text.lower() == "to" for o in self.children(p.i, "pobj")
                       for a in self.actors_of(o.i)]
            if losers:
                return list({a.actor: a for a in losers}.values())
        if self.passive(v) and entry and entry.object_words and any(
                self._object_word(o, entry) for o in self._passive_patients(v)):
            # "the rebels were trained by Iran": the patient is an actor itself
            found = [a for o in self._passive_patients(v) if self._object_word(o, entry) for a in self.actors_of(o.i)]
            if found and entry.relation in ("AID", "ASSAULT", "COERCE"):
                return found
            # "sanctions were imposed on Russia", "the sanctions imposed on Russia by the EU": the thing
            # is the patient, the actor follows a preposition
            for prep in self.f.object_preps:
                found = self._prep_objects(v, prep)
                if found:
                    return found
            # "was launched by forces of the Viet Cong against the forces of the South Vietnamese Army": the
            # preposition may hang on the agent
            return [a for by in self.children(v.i, "agent") for p in self.children(by.i, "pobj")
                    for prep in self.children(p.i, "prep") if prep.text.lower() in self.f.object_preps
                    and prep.text.lower() not in ("with", "from") for o in self.children(prep.i, "pobj")
                    for a in self.actors_of(o.i)]
        if self.passive(v):
            for c in self.children(v.i, "nsubjpass", *(("nsubj",) if self.bare_participle(v) else ())):
                if c.text.lower() in _RELATIVE and v.dep == "relcl":
                    return self.actors_of(v.head)
                return self.actors_of(c.i) or self._nationals(c, entry)
            if v.dep in ("acl", "relcl"):
                return self.actors_of(v.head)  # "weapons supplied by X": not an actor object
            up = self.head(v.i)
            if v.dep == "conj" and up is not None and up.pos in ("VERB", "AUX"):
                # "NATO tried to gain approval but was opposed by China": the subject they share ("Sharif was
                # summoned by Clinton and warned": the one the passive before it was done to)
                if self.passive(up):
                    return [a for c in self.children(up.i, "nsubjpass") for a in self.actors_of(c.i)]
                return self.subjects(up)
            if self.fronted_participle(v):
                return [a for c in self.children(v.head, *_SUBJ) for a in self.actors_of(c.i)]
            return []
        if entry and entry.object_words and any(d.lemma.lower() == "delegation" for d in self.children(v.i, "dobj")):
            # "led the Chinese delegation to Moscow": the delegation is the leader's own side; it went to whom
            return [a for p in [*self._clause_preps(v, "to"), *self._clause_preps(v, "with")]
                    for o in self.children(p.i, "pobj") for a in (self.actors_of(o.i) or self.state_of_place(o.i))]
        if entry and entry.particle == "as":
            return [a for d in self.children(v.i, "dobj") for a in self.actors_of(d.i)]  # "attacked Tito as a traitor"
        if entry and entry.object_words and any(d.lemma.lower() in _HELD_POWERS for d in self.children(v.i, "dobj")):
            # "extend Houthi control over the south": whose control it is holds it; it is held over whom
            return [a for p in [*self._clause_preps(v, "over"), *self._clause_preps(v, "of")]
                    for o in self.children(p.i, "pobj") for a in (self.actors_of(o.i) or self.state_of_place(o.i))]
        if entry and entry.object_words and v.lemma in self.f.expelling_verbs:
            # "expelled 20,000 Soviet advisers from Egypt": the sanction falls on whose advisers they are,
            # not on the place they leave
            owners = [a for d in self.children(v.i, "dobj") for c in self.children(d.i, "poss", "amod", "compound")
                      for a in (self.actors_of(c.i) if c.dep == "poss" else
                                [self.actor_at[c.i]] if c.i in self.actor_at else [])]
            if owners:
                return owners
        if entry and entry.particle in ("out", "back", "off", "down", "away", "up"):
            # "drove Iraqi forces out of Kuwait": the direct object is driven out, Kuwait is where from
            found = [a for d in self.children(v.i, "dobj") for a in self.actors_of(d.i)]
            if found:
                return found
        if entry and entry.relation == "REQUEST":
            found = self._asked_of(v)
            if found:
                return found
        if entry and entry.object_words and entry.particle and self._prep_object_word(v, entry):
            found = [a for d in self.children(v.i, "dobj") for a in self.actors_of(d.i)]  # "placed X under arrest"
            if not found and entry.relation == "CONSULT":
                # "arrived in Islamabad on an official visit", "flew to Moscow for talks": where they went
                found = [a for prep in self.children(v.i, "prep") if prep.text.lower() in ("in", "to", "at")
                         for o in self.children(prep.i, "pobj") for a in (self.actors_of(o.i) or self.state_of_place(o.i))]
            if not found and entry.relation == "MOBILIZE":
                # "put its troops on high alert near the border with Kosovo": whose border it is
                found = [a for t in [v, *self.children(v.i, "dobj"), *(o for p in self.children(v.i, "prep")
                                                                       for o in self.children(p.i, "pobj"))]
                         for p in self.children(t.i, "prep") if p.text.lower() in ("near", "along", "at", "on")
                         for o in self.children(p.i, "pobj") for a in self.border_of(o.i)]
            if not found and entry.relation in _ATTITUDES | {"AGREE"}:
                # "agreed to Khrushchev's proposal", "agreed to the Russian plan": whose proposal it is
                found = [a for prep in self.children(v.i, "prep") if prep.text.lower() == entry.particle
                         for o in self.children(prep.i, "pobj") if self._object_word(o, entry)
                         for c in self.children(o.i, "poss", "amod", "compound")
                         for a in (self.actors_of(c.i) if c.dep == "poss" else
                                   [self.actor_at[c.i]] if c.i in self.actor_at else [])]
            return found
        if entry and entry.particle:
            found = self._prep_objects(v, entry.particle.split()[-1])
            if not found and (entry.relation in _ATTITUDES or entry.relation == "COERCE"):
                # "objected to Pakistan's display of the pilot", "protested against Israel's blockade": whose act it is
                # ("interfered in the internal affairs of Venezuela": whose affairs)
                found = self._stance_owners(v, entry.particle.split()[-1], entry.relation)
            if found or not self.particles(v):
                return found  # a particle ("shot down Y", "pushed back Y") leaves the object direct
        if v.lemma in _BLAMING:
            # "blamed the attack on al-Shabaab": the one it is pinned on, wherever the parse hangs "on"
            # "blamed his country's woes on U.S. sanctions": on whoever's act it is
            blamed = [a for t in [v, *self.children(v.i, "dobj")] for prep in self.children(t.i, "prep")
                      if prep.text.lower() == "on" for p in self.children(prep.i, "pobj")
                      for a in (self.actors_of(p.i) or [self.actor_at[c.i] for c in self.children(p.i, "poss", "compound", "amod")
                                                        if c.i in self.actor_at])]
            if blamed:
                return blamed
        if entry and (entry.relation in _ATTITUDES or entry.relation == "ASSAULT"):
            # "condemned the attacks by the RSF on hospitals", "repelled an assault by the RSF": the act is
            # its doer's, whatever preposition follows
            acts = [d for d in self.children(v.i, "dobj") if d.lemma.lower() in self.f.nouns]
            # "repelled the Chinese assault", "countered Russia's offensive": whose act it was
            if entry.relation == "ASSAULT":
                owners = [self.actor_at[c.i] for d in acts if self.f.nouns[d.lemma.lower()].relation == "ASSAULT"
                          for c in self.children(d.i, "amod", "poss") if c.i in self.actor_at]
                if owners:
                    return owners
            # "one of the largest attacks by X"
            acts += [p for d in self.children(v.i, "dobj") if d.pos == "NUM" or d.lemma.lower() in self.f.partitives
                     for prep in self.children(d.i, "prep") if prep.text.lower() == "of"
                     for p in self.children(prep.i, "pobj") if p.lemma.lower() in self.f.nouns]
            # "the attack on Israel by Hamas": "by" may hang from the target
            bys = [prep for d in acts for t in [d, *(p for q in self.children(d.i, "prep") for p in self.children(q.i, "pobj"))]
                   for prep in self.children(t.i, "prep") if prep.text.lower() == "by"]
            if acts and not self.passive(v):  # or from the verb, as if it were passive
                bys += [prep for prep in self.children(v.i, "prep", "agent") if prep.text.lower() == "by"]
            doers = [a for prep in bys for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
            if doers:
                return doers
        if entry and entry.object_words:
            # "gave Kim Il Sung the green light", "gave Israel the go-ahead": the one it is given
            # (unless a "to" names another: "Blinken offered the United States' full support to Ukraine" is Ukraine's)
            found = [a for d in self.children(v.i, "dative") if d.pos != "ADP" for a in self.actors_of(d.i)]
            if found and not [a for t in [v, *self.children(v.i, "dobj")] for p in self.children(t.i, "prep")
                              if p.text.lower() == "to" for o in self.children(p.i, "pobj") for a in self.actors_of(o.i)]:
                return found
        if entry and entry.object_words and entry.relation == "CONSULT":
            # "welcomed his Iranian counterpart Hossein Amir Abdollahian": the visitor is the one met
            found = [a for d in self.children(v.i, "dobj") for a in self.actors_of(d.i)]
            if found:
                return found
        for c in self.children(v.i, "dobj") if not (entry and entry.object_words) else []:
            # with an object noun ("sent volunteers to Y") the direct object is what moves, not the target
            if c.text.lower() in _RELATIVE and v.dep == "relcl":
                return self.actors_of(v.head)
            found = self.actors_of(c.i) or self._nationals(c, entry)
            if found:
                return found
        for prep in self.f.object_preps:
            found = self._prep_objects(v, prep)
            if found:
                return found
        if entry and entry.relation == "AGREE" and not entry.object_words:
            # "agreed to Khrushchev's proposal", "agreed to the Russian plan": whose proposal it is
            found = [a for prep in self.children(v.i, "prep") if prep.text.lower() == "to"
                     for o in self.children(prep.i, "pobj") if o.lemma.lower() in self.f.proposals
                     for a in self._owners(o)]
            if found:
                return found
        if entry and entry.relation in ("CONSULT", "AGREE", "COOPERATE") and not entry.object_words:
            # "discussed security challenges with Tillerson": the parser hangs the partner on the topic
            found = [a for d in self.children(v.i, "dobj") for prep in self.children(d.i, "prep")
                     if prep.text.lower() == "with" for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
            if found:
                return found
        if entry and entry.relation in ("AID", "CONSULT"):
            # "sent humanitarian aid to Kharkiv", "flew to the Syrian capital": the state of the place
            found = [a for prep in self.children(v.i, "prep") if prep.text.lower() in ("to", "into")
                     for o in self.children(prep.i, "pobj") for a in self.state_of_place(o.i)]
            if found:
                return found
        if entry and entry.object_words:
            # "imposed a quarantine on shipments to Cuba", "sanctions on imports from Iran": one step further
            # ("sanctions on businesses belonging to the army and the RSF": whose they are)
            found = [a for prep in self.children(v.i, "prep") if prep.text.lower() in self.f.object_preps
                     for p in self.children(prep.i, "pobj") for o in self._beyond(p, ("to", "from"))
                     for a in self.actors_of(o.i)]
            if found:
                return found
            # "cut diplomatic relations and all transport contacts with Qatar": on the list's last noun
            found = [a for d in self.children(v.i, "dobj") for c in self.children(d.i, "conj")
                     for prep in self.children(c.i, "prep") if prep.text.lower() in self.f.object_preps
                     for o in self.children(prep.i, "pobj") for a in self.actors_of(o.i)]
            if found:
                return found
        # "massed troops near Ukraine's border", "forces on the border with Ukraine" (on the verb or its object)
        # ("into position at Egypt's border with Israel": a place phrase may come first)
        places = [o for t in [v, *self.children(v.i, "dobj")] for prep in self.children(t.i, "prep")
                  if prep.text.lower() in ("near", "along", "at", "on", "to", "toward", "towards", "into")
                  for o in self.children(prep.i, "pobj")]
        places += [o for p in places for prep in self.children(p.i, "prep") if prep.text.lower() in ("at", "on", "along", "near")
                   for o in self.children(prep.i, "pobj")]
        # (but "stormed a monastery near its border with Serbia", "met troops near the Bolivian border": where
        # an act on something else happened, not whom it was on)
        if entry is None or entry.relation in _AT_BORDERS or not self.children(v.i, "dobj"):
            found = [a for o in places for a in self.border_of(o.i)]
            if found:
                return found
        # "brokered a truce between Israel and Hamas": the mediator deals with both
        found = [a for d in self.children(v.i, "dobj") for prep in self.children(d.i, "prep")
                 if prep.text.lower() == "between" and entry is not None and entry.relation == "CONSULT"
                 for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
        if found:
            return found
        for d in self._owned_objects(v):
            if entry and entry.object_words:
                # "signed an agreement with Y", "launched an invasion of Y", "signed a Soviet agreement"
                for prep in self.children(d.i, "prep"):
                    if prep.text.lower() == "against" and entry.relation not in _HOSTILE_ACTS + ("ASSAULT", "ACCUSE"):
                        continue  # "joined the war against Israel": the enemy, not the partner
                    if prep.text.lower() == "for" and entry.relation == "THREATEN":
                        continue  # "vowed revenge for the killing of Haniyeh": what it avenges, not whom it threatens
                    if prep.text.lower() in ("on", "about", "over", "concerning", "regarding") \
                            and d.lemma.lower() in self.f.topic_nouns:
                        continue  # "blocked resolutions on Syria": what they were about
                    if prep.text.lower() in (*self.f.object_preps, "of", "for"):  # "a warrant for Y"
                        found = [a for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
                        # "a quarantine on shipments to Cuba", "sanctions on imports from Iran": one step further
                        found = found or [a for p in self.children(prep.i, "pobj") for o in self._beyond(p, ("to", "from", "of"))
                                          for a in self.actors_of(o.i)]
                        if not found and entry.relation in _ATTITUDES and prep.text.lower() in ("over", "about", "at"):
                            # "expressed strong dissatisfaction over the Philippines' act": whose act it is
                            found = [a for p in self.children(prep.i, "pobj") for a in _act_owners(self, p)]
                        if not found and entry.relation == "CONSULT":
                            # "paid a visit to the Belarusian capital of Minsk": the state the place is in
                            found = [a for p in self.children(prep.i, "pobj") for a in self.state_of_place(p.i)]
                        if found:
                            return found
            if entry and entry.relation == "REQUEST" and d.lemma.lower() in _SELF_RULE:
                continue  # "sought Taiwan independence": the one to be independent; only "from" names the other
            if entry and entry.relation in ("AID", "MOBILIZE") and d.lemma.lower() in self.f.armed_nouns \
                    and v.lemma in self.f.instrument_verbs:
                continue  # "sent 700,000 Red Army troops to invade Finland": the troops sent are the sender's own
            if entry and (entry.object_words or entry.relation in _ATTITUDES | _HITTING):
                # "opposes North Korea's missile launches", "condemned the Soviet invasion": whose act it is;
                # "shot down one of India's fighter jets", "struck Iran's nuclear sites": whose things are hit
                # (an adjective does not say whose: "captured Japanese guns" need not hit Japan)
                owned = ("poss",) if entry.relation in _HITTING and not entry.object_words else ("poss", "amod", "compound")
                # ("the British and French operation": both adjectives)
                found = [a for c in self.children(d.i, *owned)
                         for a in (self.actors_of(c.i) if c.dep == "poss" else
                                   [self.actor_at[c.i], *(self.actor_at[x.i] for x in self.children(c.i, "conj")
                                                          if x.i in self.actor_at)] if c.i in self.actor_at else [])]
                if not found and "compound" in owned:
                    found = self._owners(d)  # "accepted the U.S. ceasefire plan"
                if not found and entry.relation == "THREATEN" and d.lemma.lower() in self.f.nouns:
                    # "threatened military intervention in Niger", "threatened strikes on Iran": where it would fall
                    found = [a for prep in self.children(d.i, "prep") if prep.text.lower() in ("in", "against", "on")
                             for p in self.children(prep.i, "pobj") for a in (self.actors_of(p.i) or self.state_of_place(p.i))]
                if not found and entry.relation in _ATTITUDES:
                    # "vetoed a US-drafted resolution": whose text it was
                    found = [self.actor_at[g.i] for c in self.children(d.i, "amod") if c.lemma.lower() in _AUTHORING
                             for g in self.children(c.i, "npadvmod", "compound", "amod") if g.i in self.actor_at]
                if not found and entry.relation in _ATTITUDES - {"REQUEST"}:
                    # "denounced the joint exercises of (between) the US and South Korea" (a demand for "the release of
                    # X" is made of someone else)
                    # (but "condemned the killing of Israeli soldiers", "the invasion of Ukraine": "of" names the victim)
                    done_to = self._done_to(d)
                    found = [a for prep in self.children(d.i, "prep") if prep.text.lower() in ("of", "between", "by")
                             and not (done_to and prep.text.lower() == "of")
                             for p in self.children(prep.i, "pobj") for a in self.actors_of(p.i)]
                    if not found and not done_to:
                        # "protested the deployment of American missiles", "criticised the increase in Russian troop
                        # numbers": whose forces or weapons they are
                        found = [self.actor_at[c.i] for prep in self.children(d.i, "prep") if prep.text.lower() in ("of", "in")
                                 for p in self.children(prep.i, "pobj") if self._forces(p)
                                 for c in self.children(p.i, "amod", "poss", "compound") if c.i in self.actor_at]
                if found:
                    return found
        if entry and entry.object_words and entry.relation in ("ASSAULT", "COERCE"):
            # "arrested 80 protesters": the object word names the victims, who may be actors themselves
            # (what moves in "sent volunteers to Y" is no victim)
            for d in self.children(v.i, "dobj"):
                found = self.actors_of(d.i)
                if found:
                    return found
            # "closed the Straits of Tiran to Israeli ships": whose ships they are
            found = [self.actor_at[c.i] for prep in self.children(v.i, "prep") if prep.text.lower() in self.f.object_preps
                     for o in self.children(prep.i, "pobj") for c in self.children(o.i, "amod", "poss", "compound")
                     if c.i in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type == "state"]
            if found:
                return found
        if entry and entry.object_words and entry.relation == "SANCTION":
            # "imposed tariffs on Chinese goods", "duties on $34 billion in Chinese goods": whose goods they are
            spots = [o for t in [v, *self.children(v.i, "dobj")] for prep in self.children(t.i, "prep")
                     if prep.text.lower() in ("on", "against") for o in self.children(prep.i, "pobj")]
            spots += [o for d in list(spots) for prep in self.children(d.i, "prep") if prep.text.lower() in ("in", "of")
                      for o in self.children(prep.i, "pobj")]
            return [self.actor_at[c.i] for o in spots for c in self.children(o.i, "amod", "poss", "compound")
                    if c.i in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type == "state"][:1]
        return []

    def _owned_objects(self, v: Token) -> list[Token]:
        """The direct objects, a number or quantity read through to what it counts: "one of its jets" is jets."""
        out = []
        for d in self.children(v.i, "dobj"):
            out.append(d)
            if d.pos == "NUM" or d.lemma.lower() in self.f.partitives:
                out += [p for prep in self.children(d.i, "prep") if prep.text.lower() == "of"
                        for p in self.children(prep.i, "pobj")]
        return out

    def _stance_owners(self, v: Token, word: str, relation: str | None = None) -> list[ActorMention]:
        """Whose act or cause a stance after `word` is on: "objected to Pakistan's display of the pilot", "stands
        behind the sovereignty of Ukraine" (not "protested against the killing of Palestinians"; a call "for the
        release of X" is made of whoever holds X)."""
        things = [o for prep in self.children(v.i, "prep") if prep.text.lower() == word for o in self.children(prep.i, "pobj")]
        found = [a for o in things for c in self.children(o.i, "poss") for a in self.actors_of(c.i)]
        if found or relation == "REQUEST":
            return found
        return [a for o in things if not self._done_to(o) for x in [o, *self.children(o.i, "conj")]
                         for p in self.children(x.i, "prep") if p.text.lower() == "of"
                         for y in self.children(p.i, "pobj") for a in self.actors_of(y.i)]

    def _done_to(self, n: Token) -> bool:
        """Whether a noun is an act whose "of" names the one it is done to ("the killing of X", "the blockade of X")."""
        return n.lemma.lower() in self.f.nouns and self.f.nouns[n.lemma.lower()].relation in _DONE_TO

    def _forces(self, n: Token) -> bool:
        """Whether a noun names armed forces or weapons ("missiles", "naval forces", "troop numbers")."""
        def armed(t: Token) -> bool:
            word = t.lemma.lower()
            return word in self.f.weapon_nouns or (word in self.f.member_nouns | self.f.armed_nouns) or self.sector_of(t.i) == "MIL"
        return armed(n) or (n.lemma.lower() in _STRENGTH_WORDS and any(armed(c) for c in self.children(n.i, "compound")))

    def _clause_preps(self, v: Token, word: str) -> list[Token]:
        """The prepositions `word` anywhere in v's clause (not in a clause of its own below it)."""
        out = []
        for tok in self.t:
            if tok.dep != "prep" or tok.text.lower() != word:
                continue
            up = self.head(tok.i)
            while up is not None and up.i != v.i and up.pos not in ("VERB", "AUX"):
                up = self.head(up.i)
            if up is not None and up.i == v.i:
                out.append(tok)
        return out

    def _beyond(self, p: Token, preps: tuple[str, ...]) -> list[Token]:
        """What a thing goes to, comes from or belongs to: "shipments to Cuba", "imports from Iran",
        "businesses belonging to the RSF", "firms linked to the army"."""
        out = [o for q in self.children(p.i, "prep") if q.text.lower() in preps for o in self.children(q.i, "pobj")]
        return out + [o for c in self.children(p.i, "acl") if c.lemma in _OWNING for q in self.children(c.i, "prep", "agent")
                      if q.text.lower() in ("to", "by", "with") for o in self.children(q.i, "pobj")]

    def _passive_patients(self, v: Token) -> list[Token]:
        """What a passive verb is done to: its passive subject, or the noun its participle modifies."""
        return [*self.children(v.i, "nsubjpass"), *([self.t[v.head]] if v.dep in ("acl", "relcl") else [])]

    def _asked_of(self, v: Token) -> list[ActorMention]:
        """Who a demand for an act asks: "the resignation of Ortega", "a halt to North Korea's tests", "Maduro's
        resignation", "the withdrawal of Russian troops": the one who would do it or whose act would stop."""
        acts = [*self.children(v.i, "dobj"), *(p for prep in self.children(v.i, "prep") if prep.text.lower() == "for"
                                              for p in self.children(prep.i, "pobj"))]
        found = []
        for act in acts:
            if act.lemma.lower() not in self.f.asked_acts:
                continue
            found += [a for c in self.children(act.i, "poss") for a in self.actors_of(c.i)]
            for prep in self.children(act.i, "prep"):
                if prep.text.lower() in ("of", "to"):
                    for o in self.children(prep.i, "pobj"):
                        found += self.actors_of(o.i) or [a for c in self.children(o.i, "poss") for a in self.actors_of(c.i)]
        return found

    def _owners(self, n: Token) -> list[ActorMention]:
        """Whose a thing is by the words before it: "Khrushchev's proposal", "the Russian plan", "the U.S. ceasefire plan"."""
        found = []
        for c in self.children(n.i, "poss", "amod", "compound"):
            if c.dep == "poss":
                found += self.actors_of(c.i)
            elif c.i in self.actor_at:
                found.append(self.actor_at[c.i])
            elif c.dep == "compound":
                found += [self.actor_at[g.i] for g in self.children(c.i, "compound", "amod") if g.i in self.actor_at]
        return found

    def _backer(self, c: Token) -> bool:
        """Whether a modifier names who backs the noun, not whose it is: "UN-backed", "Iran - backed"."""
        after = self.t[c.i + 1:c.i + 3]
        return c.text.lower().rpartition("-")[2] in self.f.backing_participles or (
            len(after) == 2 and after[0].text == "-" and after[1].text.lower() in self.f.backing_participles)

    def _prep_object_word(self, v: Token, entry: VerbEntry) -> bool:
        """Whether the entry's object noun is the object of its preposition ("under arrest", "on trial")."""
        return any(self._object_word(o, entry) for prep in self.children(v.i, "prep")
                   if prep.text.lower() == entry.particle for o in self.children(prep.i, "pobj"))

    @staticmethod
    def _object_word(tok: Token, entry: VerbEntry) -> bool:
        return tok.lemma.lower() in entry.object_words or tok.text.lower() in entry.object_words

    def particles(self, v: Token) -> list[Token]:
        return [c for c in self.children(v.i) if c.dep == "prt" or (c.dep == "advmod" and c.text.lower() in _PARTICLE_ADVERBS)]

    def _prep_places(self, v: Token, prep: str) -> list[ActorMention]:
        """The towns after a preposition of the verb ("withdrew from Kherson"), or whose the thing after it
        is ("fired water cannon at Philippine ships")."""
        return [a for c in self.children(v.i, "prep") if c.text.lower() == prep for o in self.children(c.i, "pobj")
                for a in [self.place_at(o.i), *(self.actor_at[g.i] for g in self.children(o.i, "amod", "poss")
                                                if g.i in self.actor_at),
                          # "slammed into a Tel Aviv neighborhood" (a capital the gazetteer names its state by, too)
                          *(self.place_at(g.i) or (self.actor_at[g.i] if g.i in self.actor_at
                                                   and self.rules.actors[self.actor_at[g.i].actor].type == "state" else None)
                            for g in self.children(o.i, "compound"))] if a is not None]

    def border_of(self, i: int) -> list[ActorMention]:
        """Whose border a border word is: "Ukraine's borders", "the Ukrainian border", "the border with Ukraine"."""
        tok = self.t[i]
        if tok.lemma.lower() not in self.f.border_words and tok.text.lower() not in self.f.border_words:
            return []
        owners = [a for c in self.children(i, "poss") for a in self.actors_of(c.i)]
        owners += [self.actor_at[c.i] for c in self.children(i, "amod", "compound") if c.i in self.actor_at]
        owners += [a for prep in self.children(i, "prep") if prep.text.lower() in ("with", "of")
                   for o in self.children(prep.i, "pobj") for a in self.actors_of(o.i)]  # ("the border of Georgia")
        return [replace(a, resolution="border") for a in owners]

    def _prep_objects(self, v: Token, prep: str) -> list[ActorMention]:
        for c in self.children(v.i, "prep", "prt", "agent", "dative"):
            if c.text.lower() == prep:
                for pobj in self.children(c.i, "pobj"):
                    return self.actors_of(pobj.i) or self.border_of(pobj.i)
                # "pulled out of": the preposition after the particle
                for c2 in self.children(c.i, "prep"):
                    for pobj in self.children(c2.i, "pobj"):
                        return self.actors_of(pobj.i)
        for c in self.particles(v):
            for c2 in self.children(v.i, "prep"):
                if f"{c.text.lower()} {c2.text.lower()}".endswith(prep):
                    for pobj in self.children(c2.i, "pobj"):
                        return self.actors_of(pobj.i)
        return []

    # --- the lexicon -------------------------------------------------------------------------

    def entry(self, v: Token) -> VerbEntry | None:
        """The lexicon entry of a verb, the most specific first (object noun, particle and preposition,
        particle, preposition, the verb alone); an analyst's entry wins over a derived one."""
        verbs = self.f.verbs
        prts = [c.text.lower() for c in self.particles(v)]
        preps = [c.text.lower() for c in self.children(v.i, "prep", "agent")]
        things = self.children(v.i, "dobj") + (self._passive_patients(v) if self.passive(v) else [])
        # "fired a series of missiles": what a partitive object is made of
        things += [p for d in things if d.lemma.lower() in self.f.partitives for prep in self.children(d.i, "prep")
                   if prep.text.lower() == "of" for p in self.children(prep.i, "pobj")]
        with_object = [e for d in things for e in self.f.object_verbs.get(v.lemma, []) if self._object_word(d, e)
                       and (e.particle is None or e.particle.split()[0] in prts + preps)]
        # "placed Mousavi under house arrest": the object noun follows the entry's preposition
        with_object += [e for e in self.f.object_verbs.get(v.lemma, []) if e.particle and e not in with_object
                        and self._prep_object_word(v, e)]
        # "taken over parts of Y" is a take-over before it is a taking of parts
        found = [e for e in with_object if e.particle]
        keys = [f"{prt} {prep}" for prt in prts for prep in preps] + prts
        found += [verbs[(v.lemma, k)] for k in keys if (v.lemma, k) in verbs]
        found += [e for e in with_object if not e.particle]
        found += [verbs[(v.lemma, p)] for p in preps if (v.lemma, p) in verbs and (
            self._prep_objects(v, p) or self._prep_places(v, p) or p == "as"  # "attacked Tito as a traitor"
            or (verbs[(v.lemma, p)].relation in (_ATTITUDES - {"REQUEST"}) | {"COERCE"} and self._stance_owners(v, p)))]
        if (v.lemma, None) in verbs and not (found and verbs[(v.lemma, None)].relation == "NONE"):
            found.append(verbs[(v.lemma, None)])  # a verb silenced alone ("pay") still has its "pay a visit"
        chosen = next((e for e in found if e.curated), found[0] if found else None)
        return None if chosen is None or chosen.relation == "NONE" else chosen

    # --- polarity and speech -----------------------------------------------------------------

    def governors(self, v: Token):
        """The verbs above v through complements and coordination, nearest first."""
        tok = v
        for _ in range(6):
            if tok.dep not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "prep") or tok.head == tok.i:
                return
            up = self.t[tok.head]
            if tok.dep == "conj" and tok.tag in _FINITE and up.tag in ("VBG", "VB") and up.dep in ("xcomp", "pcomp") \
                    and up.head != up.i:
                # "has denied rigging the vote and dismisses ...": a finite verb is no coordinate of a
                # gerund or infinitive, but of the verb above them, whatever the parser hung it on
                up = self.t[up.head]
                while up.dep == "prep" and up.head != up.i:
                    up = self.t[up.head]
            tok = up
            yield tok

    def polarity(self, v: Token, sentence_hedged: bool) -> tuple[str, list[str]]:
        dismissed = self._dismissed(v)
        if dismissed:
            return "negated", [f"dismissed as '{dismissed}'"]
        up = self.head(v.i)
        if v.dep == "pcomp" and up is not None and up.text.lower() == "without":
            return "negated", ["'without'"]  # "sent troops to Angola without consulting the Soviet Union"
        if v.dep == "acl" and up is not None and up.pos == "NOUN" and up.lemma.lower() in self.f.hedge_governors \
                and up.lemma.lower() not in _EFFORTS and any(a.text.lower() == "to" for a in self.children(v.i, "aux")):
            # ("undertook efforts to encourage both sides": efforts made are the encouragement)
            return "hedged", [f"only a '{up.text}'"]  # "an attempt by Egyptian officers to assassinate Sadat"
        if any(c.lemma.lower() in ("nearly", "almost") and c.dep == "advmod" for c in self.children(v.i)):
            return "hedged", [f"only nearly: '{v.text}'"]  # "nearly started a war between X and Y": it did not
        chain = [v, *[g for g in self.governors(v) if g.pos in ("VERB", "AUX", "ADJ")]]
        for k, tok in enumerate(chain):
            if k and tok.lemma in self.f.denial and chain[k - 1].dep in ("ccomp", "xcomp"):
                return "negated", [f"denied by '{tok.text}'"]
            if k and tok.lemma in self.f.refusals and chain[k - 1].dep == "xcomp" and all(
                    t.dep in ("conj", "pcomp") for t in chain[:k - 1]):
                # "refused to condone the incursion or threaten India": neither was done (but "refused to stop
                # attacking" goes on attacking); "refused to agree to ceding the territory": nor was it ceded
                return "negated", [f"refused by '{tok.text}'"]
            if k and chain[k - 1].dep != "xcomp":
                continue  # "did not try to attack" negates the attack; "didn't sleep over whether to" does not
            if any(c.dep == "neg" or c.lemma in ("never",) for c in self.children(tok.i)):
                return "negated", [f"negation under '{tok.text}'"]
        for k, tok in enumerate(chain):
            if k and chain[k - 1].dep not in ("xcomp", "conj"):
                break  # a hedge reaches down complements and shared verbs, not into other clauses
            kids = self.children(tok.i)
            if any(c.dep == "aux" and c.lemma.lower() in _MODALS for c in kids):
                return "hedged", [f"modal under '{tok.text}'"]
            if any(c.lemma.lower() in self.f.hedge_adverbs for c in kids):
                return "hedged", [f"hedging adverb under '{tok.text}'"]
            if k and tok.lemma in self.f.hedge_governors and chain[k - 1].dep == "xcomp":
                # ("tried to win approval but was opposed": the opposition, coordinated with the try, is no try)
                return "hedged", [f"intended or attempted: '{tok.text}'"]
            if any(c.dep == "mark" and c.text.lower() in _CONDITIONAL for c in kids):
                return "hedged", [f"condition on '{tok.text}'"]
            if tok.dep == "advcl" and any(c.dep == "aux" and c.text.lower() == "to" for c in kids) \
                    and self.t[tok.head].lemma in self.f.preparing_verbs:
                # "massed troops on the border to invade Ukraine", "arrived in Haiti to help combat gangs": what one
                # got ready or came for is only intended (but "fired tear gas to disperse the crowd", "intense
                # combat to drive back a guerrilla force": an act's purpose told with it is most often done)
                return "hedged", [f"purpose of '{self.t[tok.head].text}'"]
            above = self.head(tok.i)
            if tok.dep == "advcl" and above is not None and self.f.complements.get(above.lemma) == "REQUEST" and any(
                    c.dep == "mark" and c.text.lower() == "for" for c in kids):
                return "hedged", [f"asked for by '{above.text}'"]  # "called for Rwanda to withdraw": not done
            if tok.dep == "pcomp" and above is not None and above.dep == "prep" and above.text.lower() in ("against", "from") \
                    and self.head(above.i) is not None and self.head(above.i).pos == "VERB" \
                    and self.children(self.head(above.i).i, "dobj"):
                return "hedged", [f"warned or kept from by '{self.head(above.i).text}'"]
            if tok.dep == "pcomp" and above is not None and above.dep == "prep":
                # (what one is accused of is the accuser's claim, asserted in the accuser's voice: speaker())
                accuser = self.head(above.i)
                if accuser is not None and accuser.lemma in self.f.allegation:
                    return ("hedged" if sentence_hedged else "asserted"), [f"alleged by '{accuser.text}'"]
                if accuser is not None and accuser.lemma in self.f.hedge_governors:
                    return "hedged", [f"only a '{accuser.text}'"]  # "the possibility of signing"
                verb = self.head(accuser.i) if accuser is not None and accuser.dep == "dobj" else None
                if verb is not None and verb.lemma in self.f.allegation:
                    # "accused the M23 rebel group of killing"
                    return ("hedged" if sentence_hedged else "asserted"), [f"alleged by '{verb.text}'"]
        return ("hedged", ["hedged sentence"]) if sentence_hedged else ("asserted", [])

    def _at_the_hands_of(self, v: Token) -> list[ActorMention]:
        """"killed at the hands of the militia": the doer of a passive named so."""
        if not self.passive(v) and not self.children(v.i, "auxpass"):
            return []
        return [a for p in self.children(v.i, "prep") if p.text.lower() == "at" for h in self.children(p.i, "pobj")
                if h.lemma.lower() == "hand" for q in self.children(h.i, "prep") if q.text.lower() == "of"
                for o in self.children(q.i, "pobj") for a in self.actors_of(o.i)]

    def _nationals(self, n: Token, entry: VerbEntry | None) -> list[ActorMention]:
        """"Iran arrested two French citizens", "the Taliban detained a British national": a state's nationals held,
        freed or expelled are that state's concern (as its soldiers are)."""
        if entry is None or entry.relation not in ("COERCE", "ASSAULT", "CONCEDE", "SANCTION") \
                or n.lemma.lower() not in _NATIONALS:
            return []
        return [self.actor_at[c.i] for c in self.children(n.i, "amod", "compound", "poss")
                if c.i in self.actor_at and self.rules.actors[self.actor_at[c.i].actor].type == "state"]

    def _dismissed(self, v: Token) -> str | None:
        """"Statements that Russia threatens Lithuania are absurd": a claim whose report is called false, the word."""
        if v.dep not in ("relcl", "acl", "ccomp"):
            return None
        report = self.head(v.i)
        be = self.head(report.i) if report is not None and report.pos == "NOUN" and report.lemma.lower() in _REPORTS \
            and report.dep == "nsubj" else None
        if be is None or be.lemma != "be":
            return None
        words = [w for c in self.children(be.i, "acomp", "attr") for w in [c, *self.children(c.i, "conj")]]
        return next((w.text for w in words if w.lemma.lower() in _FALSEHOODS), None)

    def accusers_of(self, v: Token) -> list[ActorMention]:
        """Who accuses someone of the act v: the subject of "accused X of V-ing" (or "accused the military of ...")."""
        up = self.head(v.i)
        if v.dep == "pcomp" and up is not None and up.dep == "prep" and up.text.lower() in ("of", "for"):
            verb = self.head(up.i)
            if verb is not None and verb.dep == "dobj" and verb.pos != "VERB":
                verb = self.head(verb.i)
            if verb is not None and verb.lemma in self.f.allegation:
                return self.subjects(verb)
        return []

    def speaker(self, v: Token) -> tuple[str | None, str | None]:
        """Who says the clause of v: the subject of a speech verb it is the complement of, or of the verb
        that accuses someone of it ("Congo accused Rwanda of backing the M23": Congo says Rwanda backs it)."""
        accusers = self.accusers_of(v)  # (and "accused the military of removing X")
        if accusers:
            return accusers[0].actor, None
        prev = v
        for g in self.governors(v):
            if g.lemma in self.f.speech and prev.dep == "ccomp":
                subj = next(iter(self.children(g.i, "nsubj")), None)
                if subj is None:
                    return None, None
                found = self.actors_of(subj.i)
                if found:
                    return found[0].actor, None
                if subj.pos in ("NOUN", "PROPN"):
                    words = [t for t in self.t if t.i <= subj.i and t.i >= min(
                        [subj.i, *[c.i for c in self.children(subj.i, "compound", "amod")]])]
                    return None, " ".join(t.text for t in words)
                return None, None
            prev = g
        return None, None


# people named by whom they stand against: "opponents of X" are no part of X
_AGAINST_NOUNS = {"opponent", "critic", "rival", "enemy", "foe", "adversary", "victim", "detractor"}


def resolve_pronouns(parse: Parse, actors: list[ActorMention], rules: Rules) -> list[ActorMention]:
    """Pronoun mentions as the parse reads them: "X announced it launched ..." is X's "it" (before the
    patterns run, so they read it too)."""
    if rules.frames is None or not (any(a.resolution == "pronoun" for a in actors)
                                    or any(t.text.lower() in ("its", "them") for t in parse.tokens)):
        return actors
    s = _Sentence(parse, actors, rules)
    out = []
    for am in actors:
        tok = parse.token_at(am.start) if am.resolution == "pronoun" else None
        if tok is not None and tok.dep == "nsubj" and tok.text.lower() == "it" and s.t[tok.head].dep == "advcl" and any(
                c.text.lower() in ("as", "because", "since", "for") for c in s.children(tok.head, "mark")):
            up = s.t[s.t[tok.head].head]
            # ("missile launches" the tagger reads as a verb, the object of "opposes", is still a thing)
            named_thing = up.pos == "NOUN" or (up.pos == "VERB" and up.dep in ("dobj", "pobj"))
            things = [up] if named_thing else s.children(up.i, "dobj")
            entry = s.entry(up) if up.pos == "VERB" and not named_thing else None
            if things and all((d.pos == "NOUN" or named_thing) and d.i not in s.actor_at for d in things):
                # "China opposes North Korea's missile launches as it violates UN resolutions": "it" is the thing
                # just named, no actor
                continue
            if entry is not None and entry.relation in _ATTITUDES and len(things) == 1 and things[0].i in s.actor_at:
                # "Germany criticized Russia because it had invaded Ukraine": the one the stance is taken on
                am = replace(am, actor=s.actor_at[things[0].i].actor)
        elif tok is not None and tok.dep == "nsubj" and tok.text.lower() in _SPEAKER_PRONOUNS:
            found = s._speaker_antecedent(s.t[tok.head], tok)
            if found:
                am = replace(am, actor=found[0].actor)
        elif tok is not None and tok.dep in ("dobj", "pobj") and tok.text.lower() in ("it",):
            # "X cut ties with Qatar, accusing it of ...": an object "it" is not who does the verb over it, but
            # the body named last before it that is not (none: "Russia and China voted against it", the resolution)
            verb = s.head(tok.i)
            while verb is not None and verb.pos != "VERB" and s.head(verb.i) is not None:
                verb = s.head(verb.i)
            doers = {a.actor for a in s.subjects(verb)} if verb is not None else set()
            if am.actor in doers:
                others = [a for a in actors if a.sentence == am.sentence and a.end <= am.start and a.resolution != "pronoun"
                          and a.actor not in doers and rules.actors[a.actor].type in _BODY_TYPES]
                if not others:
                    continue
                am = replace(am, actor=others[-1].actor)
        out.append(am)
    for tok in parse.tokens:
        if tok.dep == "poss" and tok.text.lower() == "its" and tok.i not in s.actor_at:
            owner = _its_owner(s, tok)
            if owner is not None:
                out.append(ActorMention(owner.actor, tok.start, tok.end, tok.text, owner.sentence, "pronoun"))
        elif tok.dep == "dobj" and tok.text.lower() == "them" and tok.i not in s.actor_at:
            # "slapped sanctions on seven Venezuelan officials, accusing them of abuses": those the clause it
            # hangs on acted on
            verb = s.head(tok.i)
            main = s.head(verb.i) if verb is not None and verb.dep == "advcl" and verb.tag == "VBG" else None
            if main is not None and main.pos == "VERB":
                acted_on = {a.actor: a for a in s.objects(main, s.entry(main))}
                if len(acted_on) == 1:
                    (a,) = acted_on.values()
                    out.append(ActorMention(a.actor, tok.start, tok.end, tok.text, a.sentence, "pronoun"))
    return out


_BODY_TYPES = ("state", "organisation", "group", "military_unit")


def _its_owner(s: _Sentence, its: Token) -> ActorMention | None:
    """Whose "its" is, where that is someone else than the doer of its own clause: a subject's ("Hamas said
    its fighters ambushed ...") is the body named before it; a thing hit's ("India said Pakistan shot down
    one of its jets") the body named before it that is not the one hitting. "Moscow moved its troops" and
    "pressed its offensive" are the doer's own, which the doer already stands for: no mention."""
    if any(c.lemma.lower() == "own" for c in s.children(its.head)) or its.head == its.i:
        return None  # "its own": the clause's doer
    clause, path = s.head(its.i), []
    while clause is not None and clause.pos not in ("VERB", "AUX"):
        path.append(clause)
        clause = s.head(clause.i)
    if clause is None or not path:
        return None
    own = [a.actor for a in s.subjects(clause) if a.start != its.start]
    in_subject = any(t.dep in _SUBJ for t in path)
    # (an act's "its" is the doer's: "pressed its offensive"; a weapon is no act: "shot down one of its jets")
    act = path[0].lemma.lower() in s.f.nouns and path[0].lemma.lower() not in s.f.weapon_nouns
    if not in_subject and (act or not _HITTING & _verb_relations(s, clause)):
        return None
    bodies = [(i, a) for i, a in sorted(s.actor_at.items()) if a.end <= its.start and a.resolution != "pronoun"
              and s.rules.actors[a.actor].type in _BODY_TYPES and a.actor not in own]
    # the subject of a clause before it ("Although North Korea maintains ..., its position"), else any body
    subjects = [a for i, a in bodies if s.t[i].dep in _SUBJECTS or s.t[i].dep in ("compound", "amod", "poss")
                and s.head(i) is not None and s.head(i).dep in _SUBJECTS]
    return (subjects or [a for _, a in bodies] or [None])[-1]


# acts whose object's owner is the one they fall on ("shot down one of its jets", "froze its assets")
_HITTING = {"ASSAULT", "SANCTION"}
_AIMED = {"toward", "towards", "at", "against"}  # weapons sent this way are fired, not supplied
# stances on a tie two sides share: "X and Y praised their ties" is each praising the other
_BONDS = {"SUPPORT", "AGREE", "COOPERATE", "CONSULT"}
_SUBJECTS = ("nsubj", "nsubjpass")


def _verb_relations(s: _Sentence, v: Token) -> set[str]:
    """The relations a verb's lexicon entries give, whatever its object turns out to be."""
    verbs = s.f.verbs
    words = [c.text.lower() for c in s.particles(v)] + [c.text.lower() for c in s.children(v.i, "prep")]
    found = {verbs[(v.lemma, w)].relation for w in [*words, None] if (v.lemma, w) in verbs}
    found |= {e.relation for d in s.children(v.i, "dobj") for e in s.f.object_verbs.get(v.lemma, [])
              if s._object_word(d, e)}
    return found


def parse_vetoes(parse: Parse, actors: list[ActorMention], rules: Rules) -> tuple[set[str], set[str]]:
    """Actors the parse says cannot be a pattern's subject or object here: (no subject, no object).

    No subject: every mention is where something goes, just before a new clause ("sent advisers to Hanoi
    and the US attacked ..."). No object: every mention is the subject of a coordinated clause of its
    own ("... and the US attacked")."""
    if rules.frames is None:
        return set(), set()
    s = _Sentence(parse, actors, rules)
    roles: dict[str, list[tuple[bool, bool]]] = {}
    for i, am in s.actor_at.items():
        tok = s.t[i]
        if any(s.actor_at.get(t.i) == am and t.i != i for t in [s.t[tok.head]]):
            continue  # only the head token of a name
        head = s.head(i)
        # a destination right before the subject of a new coordinated clause ("advisers to Hanoi and
        # the US attacked ..."): the pattern's "A and B" list is not there
        nxt = s.t[i + 1] if i + 1 < len(s.t) else None
        if nxt is not None and nxt.text == "," and i + 2 < len(s.t):
            nxt = s.t[i + 2]  # "exploded across Lebanon, and the group blamed Israel"
        destination = (tok.dep == "pobj" and head is not None and nxt is not None and nxt.dep == "cc" and nxt.head != i
                       and (any(t.dep == "nsubj" and s.t[t.head].dep == "conj" and t.i > nxt.i for t in s.t[i + 1:])
                            # "announced a blockade of Cuba and demanded ...": the verbs share their subject
                            or (s.t[nxt.head].pos == "VERB" and any(t.dep == "conj" and t.head == nxt.head and t.pos == "VERB"
                                                                    for t in s.t[i + 1:]))))
        own_clause = tok.dep == "nsubj" and head is not None and head.dep == "conj"
        # "strikes on the Iran-backed Houthis": a backer named in a hyphenated modifier is neither side of the act
        backer = i + 2 < len(s.t) and s.t[i + 1].text == "-" and s.t[i + 2].text.lower() in s.f.backing_participles
        if backer:
            destination = own_clause = True
        roles.setdefault(am.actor, []).append((destination, own_clause))
    no_subject = {a for a, r in roles.items() if r and all(d for d, _ in r)}
    no_object = {a for a, r in roles.items() if r and all(c for _, c in r)}
    return no_subject, no_object


def frame_claims(parse: Parse, actors: list[ActorMention], rules: Rules, sentence_hedged: bool = False,
                 year: int | None = None, speaker: str | None = None, home: str | None = None,
                 earlier: tuple[tuple[str, str, str], ...] = (), governing: str | None = None
                 ) -> tuple[list[FrameClaim], list[dict]]:
    """Claims the parse of one sentence supports, and a trace of the predicates tried (for kg explain).

    home: the one state the text names, whose the unnamed police, troops and security forces are;
    earlier: the acts (relation, doer, target) of the sentences just before, latest last;
    governing: in a text of several states, the one whose government the sentences just before named."""
    if rules.frames is None:
        return [], []
    s = _Sentence(parse, actors, rules)
    s.home, s.earlier, s.year, s.governing = home, earlier, year, governing
    out: list[FrameClaim] = []
    tried: list[dict] = []
    done: set[int] = set()  # complements already turned into their governor's claim
    for v in s.t:
        if v.pos not in ("VERB",) or v.i in done or (v.lemma in s.f.speech and not s.children(v.i, "dobj")
                                                      and not s.passive(v)):
            continue  # a speech verb reports a claim; with an object it may be one ("maintained relations", "was warned")
        if v.dep == "acl" and v.tag == "VBG" and v.lemma in s.f.topic_participles and s.head(v.i) is not None \
                and not s.actors_of(s.head(v.i).i):
            continue  # "fabricating the facts surrounding the ax murders": what the facts are about
        entry = s.entry(v)
        relation, rule, predicate, objects = None, "", "", []
        complement = promised = False
        # (an infinitive the tagger misreads is still one: 'telling Beijing to "back off"')
        comp = next((c for c in s.children(v.i, "xcomp") if c.pos == "VERB" or any(
            a.text.lower() == "to" for a in s.children(c.i, "aux"))), None)
        if comp is not None and v.lemma in s.f.complements:
            # "threatened to shell Y" is THREATEN; "urged Y to withdraw" REQUEST Y
            relation, rule = s.f.complements[v.lemma], f"frame:complement:{v.lemma}"
            predicate = f"complement:{v.lemma}"
            # "ordered troops to invade Ukraine", "ordered police to expel X": one's own forces, no one coerced
            own_forces = relation == "COERCE" and any(
                s.sector_of(d.i) in ("MIL", "POLICE") and d.i not in s.actor_at and not [
                    c for c in s.children(d.i, "poss", "amod", "compound")
                    if c.lemma.lower() not in s.f.home_nouns and c.lemma.lower() not in ("his", "her", "its", "their")]
                for d in s.children(v.i, "dobj"))  # ("ordered government troops to occupy Port Said": his own)
            objects = [] if own_forces else [a for d in s.children(v.i, "dobj", "nsubjpass") for a in (
                s.actors_of(v.head) if d.text.lower() in _RELATIVE and v.dep == "relcl" else s.actors_of(d.i))]
            # ("Egypt was urged to", "Israel, which had been urged by the US not to retaliate")
            # "called on the international community to join the U.S.": who is called on, not the U.S.
            # ("vowed on Sunday to punish Israel": a day is no one addressed)
            addressed = [c for c in s.children(v.i, "prep") if (c.text.lower() in ("on", "upon") and not any(
                p.lemma.lower() in _CALENDAR or p.tag == "CD" for p in s.children(c.i, "pobj")))
                         or (c.text.lower() == "to" and v.lemma in s.f.appeal_verbs)]
            objects = objects or [a for c in addressed for p in s.children(c.i, "pobj") for a in s.actors_of(p.i)]
            comp_entry = s.entry(comp)
            if v.lemma in s.f.partner_complements:
                # "China agreed to withdraw the volunteers": a partner is named with "with", never the
                # complement's object; the complement keeps its own claim
                objects = objects or s._prep_objects(v, "with")
            elif not objects and not s.children(v.i, "dobj", "nsubjpass") and not addressed and relation != "REQUEST":
                # "threatened to shell Y": the complement's object; but "ordered his men to hand
                # the guns to Y" orders the men, not Y ("threatened to resume bombing and kill Dutch soldiers":
                # each verb of the complement)
                acts = [comp, *(c for c in s.children(comp.i, "conj") if c.pos == "VERB" and relation == "THREATEN")]
                objects = [a for c in acts for a in s.objects(c, s.entry(c))]
                done.update(c.i for c in acts)
            elif not own_forces:
                done.add(comp.i)  # (but "ordered police to expel X": the expulsion is the orderer's own act)
            if relation == "REJECT" and v.lemma in s.f.refusals and comp_entry is not None \
                    and comp_entry.relation in {*_HOSTILE, *_STANCES}:
                relation = None  # "declined to condemn the IRA" rejects no one (the condemnation is denied)
            if v.lemma in s.f.acting_complements and not s.children(v.i, "dobj") and comp_entry is not None:
                relation = comp_entry.relation  # "Egypt and Qatar helped broker a pause between Israel and Hamas"
            if v.lemma in s.f.commitments and comp_entry is not None and comp_entry.relation in _HOSTILE \
                    and not any(c.dep == "neg" for c in s.children(comp.i)):
                relation = "THREATEN"  # "promised to invade North Korea" is a threat to it ("not to invade" is none)
            elif v.lemma in s.f.commitments and comp_entry is not None and comp_entry.relation not in ("AGREE", "NONE") \
                    and (relation == "AGREE" or comp_entry.relation not in _HOSTILE):
                # ("vowed to protect Turkish Cypriots": a vow of help is no threat to them)
                # "pledged to withdraw its troops from Afghanistan", "promised to help Ukraine": the act promised,
                # not yet done, and no agreement with its object
                relation, promised = comp_entry.relation, True
            complement = True
        elif entry is not None:
            relation, rule, predicate = entry.relation, entry.id, _predicate(entry)
            objects = s.objects(v, entry)
            if relation == "AID" and any(d.lemma.lower() in s.f.weapon_nouns and any(
                    p.text.lower() in _AIMED for p in [*s.children(d.i, "prep"), *s.children(v.i, "prep")])
                    for d in s.children(v.i, "dobj")):
                relation = "ASSAULT"  # "sending a swarm of drones toward Israel": arms aimed at it, not given it
        if relation is None:
            continue
        if v.lemma in s.f.reciprocal_verbs and any(s.f.nouns.get(d.lemma.lower()) for d in s.children(v.i, "dobj")):
            continue  # "exchanged threats": the noun says what was exchanged (its own claims)
        if v.lemma in s.f.commitments and not complement and any(
                s.f.nouns.get(w.lemma.lower()) is not None and s.f.nouns[w.lemma.lower()].relation != relation
                for d in s.children(v.i, "dobj")
                for w in [d, *(o for p in s.children(d.i, "prep") if p.text.lower() in ("of", "in") for o in s.children(p.i, "pobj"))]):
            continue  # "pledged $800 million in aid to Ukraine": a promise of aid (which the noun tells), no agreement
        subjects = s.subjects(v)
        own_subjects = list(subjects)  # (those acting with them do not act on them)
        subjects += [a for a in s.companions(v) if subjects and a.actor not in {b.actor for b in subjects}]
        if entry is not None and entry.particle and v.dep == "acl" and v.tag == "VBN" \
                and not s.children(v.i, "agent") and any(c.text.lower() == entry.particle for c in s.children(v.i, "prep")):
            # "Belarus, a former Soviet republic closely allied with Russia": a state the noun is in,
            # not a passive; the noun (or what it is said of) is the subject
            up = s.head(v.i)
            subjects = s.actors_of(up.i) or (s.actors_of(up.head) if up.dep == "appos" else [])
            objects = s._prep_objects(v, entry.particle)
        if relation in ("MOBILIZE", "AID") and not subjects:
            # "Israeli jets violated Lebanese airspace": in a show of force the weapons stand for their side too
            # ("American planes began flying supplies into Berlin": so do aircraft delivering aid)
            s.weapons = True
            subjects = s.subjects(v)
            s.weapons = False
        if relation == "ASSAULT" and (not subjects or not objects):
            # "shot down Iranian drones": in an attack the weapons stand for their side
            s.weapons = True
            subjects = subjects or s.subjects(v)
            objects = objects or (objects if complement else s.objects(v, entry))
            s.weapons = False
            if subjects and not objects and v.pos == "VERB":
                # "Russian missiles struck Kharkiv": an attack on Ukraine (but a state's own forces dispersing
                # protests in one of its towns hit a crowd, not their state; rebels attacking it do attack it)
                organs = [rules.actors[a.actor] for a in subjects]
                own = {a.actor for a in subjects} | {o.country for o in organs
                                                     if o.type == "military_unit" or o.sector in s.f.state_sectors}
                objects = [b for b in s.place_targets(v) if b.actor not in own]
        if relation == "MOBILIZE" and subjects and not objects and v.pos == "VERB":
            # "deployed warships to waters near Taiwan", "deployed two aircraft carriers near Iran", "to Venezuelan
            # waters": whose waters or coast the force was sent to
            spots = [o for t in [v, *s.children(v.i, "dobj")] for p in s.children(t.i, "prep", "dative")
                     if p.text.lower() in _DEPLOYED_TO for o in s.children(p.i, "pobj")]
            spots += [o for d in list(spots) for p in s.children(d.i, "prep") if p.text.lower() in ("near", "off", "of", "around")
                      for o in s.children(p.i, "pobj")]
            own = {a.actor for a in subjects}
            objects = [a for o in spots for a in [*s.actors_of(o.i), *(s.actor_at[c.i] for c in s.children(o.i, "amod", "poss")
                                                                       if c.i in s.actor_at)]
                       if a.actor not in own and rules.actors[a.actor].type == "state"]
            objects = list({a.actor: a for a in objects}.values())
        if relation == "RETREAT" and subjects and not objects and v.pos == "VERB":
            # "Russian troops withdrew from Kherson": from Ukraine
            objects = [a for a in s.place_targets(v, frozenset({"from"})) if a.resolution == "place"]
        # ("summoned their respective Israeli ambassadors" meets Israel's envoys: no bond of their own)
        if relation == "ASSAULT" and objects and not complement:
            # "North Korea launched a missile over Japan": a weapon flown over a state threatens it, it hits nothing
            over = [a for t in [v, *(d for d in s.children(v.i, "dobj") if d.lemma.lower() in s.f.weapon_nouns)]
                    for p in s.children(t.i, "prep") if p.text.lower() == "over" for o in s.children(p.i, "pobj")
                    for a in s.actors_of(o.i)]
            if over and {b.actor for b in objects} <= {a.actor for a in over} and any(
                    d.lemma.lower() in s.f.weapon_nouns for d in s.children(v.i, "dobj")):
                relation, rule, predicate = "THREATEN", "frame:overflight", f"overflight:{v.lemma}"
        if subjects and not objects and relation in _HOSTILE_ACTS + ("ASSAULT",) and not complement \
                and not any(_accusing(s, d) for d in s.children(v.i, "dobj")):  # ("of committing a war crime": no aim)
            # "Armenia accused Azerbaijan of massing troops near the border", "Chad accused Sudan of attacking
            # border villages": an act the accuser complains of, with no one else named, was aimed at the accuser
            accusers = s.accusers_of(v)
            objects = [a for a in accusers if a.actor not in {b.actor for b in subjects}]
            if objects:
                rule = f"{rule}+at-accuser"
        reciprocal = s.each_other(v) or (relation in _BONDS and not objects and s.their_own(v))
        trace = {"verb": v.text, "lemma": v.lemma, "rule": rule, "relation": relation,
                 "subjects": [a.surface for a in subjects], "objects": [a.surface for a in objects]}
        tried.append(trace)
        if not subjects:
            trace["why_not"] = "no actor as subject (nor one it shares)"
            continue
        if relation in _MATERIAL:
            # a news outlet reports attacks and aid; it does not make them ("NAIROBI (Reuters) - ... attacked")
            subjects = [a for a in subjects if rules.actors[a.actor].type != "media_outlet"]
        # "Saudi Arabia and the US urged both parties to ...": "both parties" are two others than those urging
        objects = [b for b in objects if not (b.resolution == "pair" and b.actor in {a.actor for a in subjects})]
        if relation == "CONSULT":
            # "told the Global Times", "told reporters": an interview, not dealings with the press
            objects = [b for b in objects if rules.actors[b.actor].type != "media_outlet"
                       and rules.actors[b.actor].label.lower() not in s.f.press_words]
        # "The attack killed seven Iranian officers": the attack told before only if it fell on them too
        subjects = [a for a in subjects if a.resolution != "event" or any(
            rel == "ASSAULT" and doer == a.actor and target in {b.actor for b in objects}
            for rel, doer, target in s.earlier)]
        if objects and all(b.resolution == "border" for b in objects) and (relation in ("AID", "MOBILIZE", "COOPERATE") or (
                relation == "REQUEST" and any(d.lemma.lower() in s.f.armed_nouns for d in s.children(v.i, "dobj")))):
            # troops sent to someone's border are a show of force at them, not help ("ordered troops to its border
            # with Ethiopia" asks nothing of Ethiopia)
            relation = "MOBILIZE"
        if len(subjects) > len(own_subjects):  # those acting with the subject do not act on it
            objects = [b for b in objects if b.actor not in {a.actor for a in own_subjects}]
        if relation == "RETREAT" and not objects and subjects:
            # "Russian forces attacked Georgian positions. Georgian troops had started to retreat": from the attacker
            retreating = {a.actor for a in subjects}
            foes = [doer for rel, doer, target in reversed(s.earlier) if rel == "ASSAULT" and target in retreating
                    and doer not in retreating][:1]
            objects = [ActorMention(foe, v.start, v.end, v.text, subjects[0].sentence, "event") for foe in foes]
        pairs = [(a, b) for a in subjects for b in objects if a.actor != b.actor and not _own_side(a, b, rules, relation)]
        if not pairs and relation == "ASSAULT" and objects:
            # "Israel captured East Jerusalem from Jordan": a town named as its (later) state's capital; the
            # attack fell on the one it was taken from
            objects = s._prep_objects(v, "from")
            if not objects and v.pos == "VERB":
                # "Israel had captured East Jerusalem, the Golan Heights and Sinai": the other places of the list
                objects = s.place_targets(v)
            pairs = [(a, b) for a in subjects for b in objects if a.actor != b.actor and not _own_side(a, b, rules, relation)]
        if v.lemma in s.f.reciprocal_verbs and (s._prep_objects(v, "with") or any(
                p.text.lower() == "with" for d in s.children(v.i, "dobj") for p in s.children(d.i, "prep"))):
            pairs += [(b, a) for a, b in pairs]  # "its troops traded fire with Indian soldiers": both fired
        # mutual only for the verb's own coordinated subject (or one a raising passive hands it: "Doval and Wang Yi
        # were said to have discussed the situation")
        up = s.head(v.i)
        own_subject = bool(s.children(v.i, *_SUBJ)) or (
            v.dep == "xcomp" and up is not None and s.passive(up) and not s.children(up.i, "agent")
            and bool(s.children(up.i, "nsubjpass"))) or (
            # "Shastri and Ayub Khan met in Tashkent and signed an agreement": the coordinated subject of both
            v.dep == "conj" and up is not None and up.pos == "VERB" and bool(s.children(up.i, *_SUBJ)))
        # "Russia and Syria attacked the town" attack together; "Iran and Iraq fought a war" fight each other
        struck = relation == "ASSAULT" and any(d.lemma.lower() not in s.f.reciprocal_nouns for d in s.children(v.i, "dobj"))
        # ("reached a ceasefire but accused each other": each other is those who share the subject too)
        if (own_subject or reciprocal) and len(own_subjects) > 1 and ((not objects and relation in s.f.mutual
                                                                      and not struck) or reciprocal):
            # "X and Y clashed"; seven leaders agreeing on a policy made a joint decision, not 42 pacts
            pairs = [(a, b) for a in own_subjects for b in own_subjects if a.actor != b.actor] if len(own_subjects) <= 3 else []
        if not pairs:
            trace["why_not"] = "no actor as object" if not objects else "subject and object are the same actor"
            if not objects and relation in _HOSTILE_ACTS and s.polarity(v, sentence_hedged)[0] == "asserted":
                # "Myanmar's military killed 100 people": an act with a doer, which "the attack" may take up
                trace["doers"] = sorted({a.actor for a in subjects})
            continue
        polarity, why = s.polarity(v, sentence_hedged)
        if promised and polarity == "asserted":
            polarity, why = "hedged", [f"promised under '{v.text}'"]
        if relation in _HOSTILE and polarity == "hedged" and any(
                c.dep == "aux" and c.lemma.lower() in ("will", "would", "'ll") for c in s.children(v.i)) and any(
                m.text.lower() in ("if", "unless") for c in s.children(v.i, "advcl") for m in s.children(c.i, "mark")) \
                and not any(c.dep == "neg" for c in s.children(v.i)):
            # "the junta said it will kill Bazoum if neighbours intervene", "his men will shoot the captives unless
            # Russia ends the campaign": a hostile act promised on a condition is a threat, made now
            relation, rule, polarity, why = "THREATEN", f"{rule}+condition", "asserted", ["a conditional threat"]
        if any(_noun_negated(s, d) for d in s.children(v.i, "dobj")):
            polarity, why = "negated", [f"'no' before the object of '{v.text}'"]  # "sent no aid to Y"
        trace["polarity"] = "; ".join([polarity, *why])
        speaker, speaker_name = s.speaker(v)
        for a, b in pairs:
            start = min(a.start, b.start, v.start)
            end = max(a.end, b.end, v.end)
            out.append(FrameClaim(a, b, relation, rule, predicate, start, end, polarity, speaker, speaker_name))
        trace["claims"] = len(pairs)
    for fc in [*_noun_claims(s, sentence_hedged), *_title_claims(s, year), *_ministry_claims(s), *_became_claims(s, year),
               *_led_by_claims(s),
               *_regime_claims(s, year), *_message_claims(s, sentence_hedged), *_allegation_claims(s, sentence_hedged),
               *_anaphoric_claims(s, earlier, sentence_hedged), *_entry_claims(s, sentence_hedged),
               *_branding_claims(s, sentence_hedged), *_warning_claims(s, sentence_hedged), *_side_claims(s, sentence_hedged),
               *_companion_claims(s, sentence_hedged), *_ally_claims(s, sentence_hedged), *_pitting_claims(s, sentence_hedged),
               *_blame_claims(s, sentence_hedged), *_phone_claims(s, sentence_hedged),
               *_called_for_claims(s, sentence_hedged), *_fought_between_claims(s, sentence_hedged),
               *_at_war_claims(s, sentence_hedged), *_relations_claims(s, sentence_hedged),
               *_membership_claims(s, sentence_hedged), *_mediation_claims(s, sentence_hedged),
               *_deadline_claims(s, sentence_hedged),
               *_demands(s, speaker), *_fates(s, speaker),
               *_participle_claims(s, sentence_hedged)]:
        out.append(fc)
        tried.append({"verb": fc.predicate.split(":")[-1], "lemma": fc.predicate, "rule": fc.rule,
                      "relation": fc.relation, "subjects": [fc.subject.surface], "objects": [fc.object.surface],
                      "claims": 1})
    # "Russia began air strikes in Syria in support of Assad's government": strikes in the place of the one they
    # support fall on someone else there, not on it
    friends = {(fc.subject.actor, fc.object.actor) for fc in out if fc.relation in ("SUPPORT", "AID", "COOPERATE")
               and fc.polarity == "asserted"}
    out = [fc for fc in out if not (fc.relation == "ASSAULT" and fc.rule.startswith("noun:")
                                    and (fc.subject.actor, fc.object.actor) in friends)]
    for relation, doers in s.doer_acts:
        tried.append({"verb": "", "lemma": "", "rule": "frame:event-noun", "relation": relation, "subjects": doers,
                      "objects": [], "why_not": "no actor as object", "doers": doers})
    return out, tried


_OBLIGATION = {"must", "should"}


def _demands(s: _Sentence, reporter: str | None) -> list[FrameClaim]:
    """"Russia must end this build-up," Stoltenberg said: the speaker demands it of the subject (REQUEST)."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or not any(c.dep == "aux" and c.lemma.lower() in _OBLIGATION for c in s.children(v.i)):
            continue
        speaker, _ = s.speaker(v)
        speaker = speaker or reporter
        if speaker is None:
            continue
        for subj in s.children(v.i, *_SUBJ):
            for target in s.actors_of(subj.i):
                if target.actor != speaker:
                    who = ActorMention(speaker, v.start, v.end, v.text, target.sentence, "speaker")
                    out.append(FrameClaim(who, target, "REQUEST", "frame:demand", "demanded",
                                          min(target.start, v.start), v.end, "asserted", own_voice=True))
    return out


def _fates(s: _Sentence, reporter: str | None) -> list[FrameClaim]:
    """"The U.S. will pay a dear price," North Korea said: a fate foretold to someone by a speaker threatens them."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.warned_fates or v.lemma in ("bear",) or not (
                v.lemma in ("regret", "rue") or any(d.lemma.lower() in _FATES for d in s.children(v.i, "dobj"))):
            continue
        clause = s.head(v.i) if v.dep == "xcomp" and s.head(v.i) is not None else v  # "will have to pay"
        if not any(c.dep == "aux" and c.lemma.lower() in ("will", "would", "shall", "must", "'ll") for c in s.children(clause.i)):
            continue
        if s.head(clause.i) is not None and s.head(clause.i).lemma in s.f.warning_verbs:
            continue  # "warned that X will pay": the warning's own claim
        speaker, _ = s.speaker(clause)
        speaker = speaker or reporter
        if speaker is None:
            continue
        for target in s.subjects(clause):
            if target.actor != speaker:
                who = ActorMention(speaker, v.start, v.end, v.text, target.sentence, "speaker")
                out.append(FrameClaim(who, target, "THREATEN", "frame:fate", "threatened",
                                      min(target.start, v.start), v.end, "asserted", own_voice=True))
    return out


_FATES = {"price", "consequence", "cost", "retribution", "retaliation", "punishment", "wrath"}


def _own_side(a: ActorMention, b: ActorMention, rules: Rules, relation: str | None = None) -> bool:
    return one_side(a.actor, b.actor, rules, relation)


# what a state or its police does to one of its own people is still done to them ("police placed Mousavi
# under house arrest", "the army killed the former president")
_DONE_TO_A_PERSON = {"ASSAULT", "COERCE", "ACCUSE"}


def one_side(a: str, b: str, rules: Rules, relation: str | None = None) -> bool:
    """A person and the state they speak for, a state and its army, are one side: "Brezhnev would improve
    Sino-Soviet relations" is no act of Brezhnev toward the Soviet Union."""
    pa, pb = rules.actors[a], rules.actors[b]
    if relation in _DONE_TO_A_PERSON and pb.type == "person" and pa.type != "person":
        return False
    def side(p):
        return {p.country, *(r.actor for r in p.represents), *(r.actor for r in p.roles)} - {None}
    if {pa.type, pb.type} == {"state", "military_unit"} and (pa.country == b or pb.country == a):
        return True  # "China agreed to withdraw the Chinese People's Volunteers": its own army
    if {pa.type, pb.type} == {"person", "military_unit"}:
        person, unit = (pa, pb) if pa.type == "person" else (pb, pa)
        if unit.country is not None and unit.country in side(person):
            return True  # "Mao sent the Chinese People's Volunteers across the Yalu": his state's own army
    return (pa.type == "person" and b in side(pa)) or (pb.type == "person" and a in side(pb))


def _predicate(entry: VerbEntry) -> str:
    """The finer predicate of a lexicon verb: its entry ("verb:accept+aid"), one relation each."""
    return entry.id


def _noun_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"X's invasion of Y", "the Soviet invasion of Afghanistan", "aid to Y" under "X provided"."""
    out = []
    for n in s.t:
        # ("Syrian shelling of farms": the tagger may call a gerund with an adjective a verb)
        # ("the Algiers Agreement, signed by Ethiopia and Eritrea": an accord's own name is still an accord)
        # (an event's own name is still the event: "the Tet Offensive", "the Algiers Agreement"; the Cold War was none)
        frame = (s.f.nouns.get(n.lemma.lower()) or s.f.nouns.get(n.text.lower())) if n.pos == "NOUN" else \
            (s.f.nouns.get(n.text.lower()) or s.f.nouns.get(n.text.lower().rstrip("s"))) if n.pos == "PROPN" and not any(
                c.text.lower() == "cold" for c in s.children(n.i, "compound", "amod")) else \
            s.f.nouns.get(n.text.lower()) if n.tag == "VBG" and n.dep in _ARGUMENTS and s.children(n.i, "amod", "poss") \
            else None
        doing = s.head(n.i) if n.dep == "dobj" else None
        # "staged drills together with the U.S.", "jointly carried out naval exercises": done jointly, as a joint one is
        jointly = doing is not None and any(c.lemma.lower() in ("jointly", "together") for c in s.children(doing.i, "advmod"))
        # ("China staged drills around Taiwan": drills aimed at someone need no "joint")
        aimed_at = frame is not None and frame.against and any(
            p.text.lower() in ("against", "around", "near", "off") and any(
                s.actors_of(o.i) or [c for c in s.children(o.i, "poss", "amod") if c.i in s.actor_at]
                for o in s.children(p.i, "pobj"))
            for h in (n, doing) if h is not None for p in s.children(h.i, "prep"))
        if frame is None or (frame.modifiers and not jointly and not aimed_at and not any(
                c.lemma.lower() in frame.modifiers or c.text.lower() in frame.modifiers for c in s.children(n.i, "amod", "compound"))):
            continue  # "an operation" is no attack; "a military operation against Y" is
        subjects: list[ActorMention] = []
        for c in s.children(n.i, "poss", "amod", "compound", "nmod"):
            if c.i in s.actor_at:
                subjects = [s.actor_at[c.i]]
            elif c.lemma == "lead" and c.dep == "amod":  # "the Soviet-led invasion of Czechoslovakia"
                subjects = [s.actor_at[g.i] for g in s.children(c.i, "npadvmod", "compound") if g.i in s.actor_at] or subjects
        if not subjects:
            # "the Indian Air Force strike": the state whose named force it is
            subjects = [s.actor_at[g.i] for c in s.children(n.i, "compound") if c.pos == "PROPN" and c.i not in s.actor_at
                        for g in s.children(c.i, "compound", "amod") if g.i in s.actor_at
                        and s.rules.actors[s.actor_at[g.i].actor].type == "state"][:1]
        objects: list[ActorMention] = []
        # "sanctions imposed on Russia", "aid sent to Y": the preposition may hang from a participle
        participles = [c for c in s.children(n.i, "acl") if c.tag == "VBN"]
        of_phrases = []
        by_prep: dict[str, list[ActorMention]] = {}
        # ("an airstrike carried out by Myanmar's military": the participle's agent)
        # "a 50 billion euro aid package for Ukraine": the noun the act names is a word of, and its prepositions
        host = s.head(n.i) if n.dep == "compound" and s.head(n.i) is not None and s.head(n.i).pos == "NOUN" \
            and s.head(n.i).lemma.lower() in _CONTAINERS else None
        above_of = s.head(n.i) if n.dep == "pobj" else None
        if above_of is not None and above_of.text.lower() == "of" and s.head(above_of.i) is not None \
                and s.head(above_of.i).lemma.lower() in _CONTAINERS:
            host = s.head(above_of.i)  # "in a show of solidarity with Hamas": "with" may hang on the show
        elif above_of is not None and above_of.text.lower() in ("in", "of") and s.head(above_of.i) is not None \
                and s.head(above_of.i).pos == "NUM":
            host = s.head(above_of.i)  # "$1 billion in aid for Ukraine": "for" may hang on the sum
        for prep in [*s.children(n.i, "prep"), *(s.children(host.i, "prep") if host is not None else []),
                     *(p for c in participles for p in s.children(c.i, "prep", "agent")),
                     *(p for p in (s.children(doing.i, "prep") if jointly else []) if p.text.lower() == "with")]:
            word = prep.text.lower()
            for pobj in s.children(prep.i, "pobj"):
                if pobj.lemma.lower() == "side" and word == "on":
                    continue  # "entered the war on the side of North Korea": an ally, not the enemy
                if word == "by" and not subjects:
                    subjects = s.actors_of(pobj.i)
                    for late in s.children(pobj.i, "prep"):
                        # "the attack by the NATO army on Serbia", parsed with "on Serbia" under the army
                        if late.text.lower() in frame.object_preps and late.text.lower() not in ("of", "by") \
                                and late.text.lower() not in by_prep:
                            by_prep[late.text.lower()] = [a for o in s.children(late.i, "pobj") for a in s.actors_of(o.i)]
                elif word == "of":
                    of_phrases.append(pobj)
                elif word in frame.object_preps and word not in by_prep:
                    # ("food aid to Gaza", "a visit to the Belarusian capital": the place's state)
                    by_prep[word] = s.actors_of(pobj.i) or (s.state_of_place(pobj.i) if frame.relation in ("AID", "CONSULT")
                                                            else _act_owners(s, pobj) if frame.relation in _ATTITUDES
                                                            else [])
        # the preposition the lexicon lists first wins ("an operation in Yemen against the Houthis")
        objects = next((by_prep[w] for w in frame.object_preps if by_prep.get(w)), [])
        # "the RSF's war with the army", "clashes with riot police": each side fights the other
        both_ways = bool(objects) and objects is by_prep.get("with") and n.lemma.lower() in s.f.reciprocal_nouns
        carrying = s.entry(s.t[n.head]) if both_ways and n.dep == "dobj" else None
        if carrying is not None and carrying.relation == "ASSAULT":
            continue  # "fighting a border war with China": the verb's own claim, with the verb's own subject
        above = s.head(n.i)
        if n.dep == "pobj" and above is not None and above.text.lower() in ("of", "in") and s.head(above.i) is not None \
                and s.head(above.i).dep == "dobj" and s.head(above.i).pos in ("NOUN", "NUM"):
            # "announced $100 million in aid for Afghanistan": what carries the noun is the object
            n_dep, above = "dobj", s.head(s.head(above.i).i)
        else:
            n_dep = n.dep
        if not objects and n_dep == "dobj" and above is not None and above.pos == "VERB":
            # "put pressure on Y", "launched an attack on Y": the preposition the parser hung on the verb
            objects = [a for prep in s.children(above.i, "prep") if prep.text.lower() in frame.object_preps
                       and prep.text.lower() != "of" for p in s.children(prep.i, "pobj") if p.lemma.lower() != "side"
                       for a in s.actors_of(p.i)]  # ("on the side of X" is an ally)
        up = s.head(n.i)
        if n.dep == "pobj" and up is not None and up.text.lower() == "of" and s.head(up.i) is not None \
                and s.head(up.i).dep == "dobj" and s.head(up.i).pos in ("NOUN", "NUM"):
            # "ends nine years of occupation of Afghanistan by the Soviet Union": the span's verb carries "by"
            carried, up = "dobj", s.head(s.head(up.i).i)
        else:
            carried = n.dep
        if not subjects and carried == "dobj" and up is not None and up.pos == "VERB" and not s.passive(up):
            # "condemned the attack on Israel by Hamas", "by" hung on the verb
            subjects = [a for prep in s.children(up.i, "prep", "agent") if prep.text.lower() == "by"
                        for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)]
        for pobj in of_phrases:
            if not subjects:  # "the arrest of a journalist by Iranian police", "by" hung on the journalist
                subjects = [a for prep in s.children(pobj.i, "prep") if prep.text.lower() == "by"
                            for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)]
        if not objects and frame.relation == "REQUEST":
            # "Beijing's call for Washington to end the sanctions": who is to act
            objects = [a for c in s.children(n.i, "acl") if any(m.text.lower() == "for" for m in s.children(c.i, "mark"))
                       for sb in s.children(c.i, "nsubj") for a in s.actors_of(sb.i)]
        for pobj in of_phrases:
            if not objects:  # "the support of the Soviets for Kim" parsed with "for Kim" under "Soviets"
                objects = [a for prep in s.children(pobj.i, "prep") if prep.text.lower() in frame.object_preps
                           and prep.text.lower() != "of" for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)]
            if objects and not subjects:
                subjects = s.actors_of(pobj.i)  # "the support of the Soviets for Kim", "the withdrawal of X from Y"
            elif not objects and "of" in frame.object_preps:
                objects = s.actors_of(pobj.i)  # "the invasion of Y"
                if not objects and frame.relation == "ASSAULT":
                    objects = s.state_of_place(pobj.i)  # "the bombing of Dresden", "the annexation of Crimea"
                if not objects and frame.relation in _HOSTILE_ACTS + ("ASSAULT", "RETREAT"):
                    # "the arrest of a French journalist", "the release of two British citizens": whose people
                    objects = [s.actor_at[c.i] for c in s.children(pobj.i, "amod", "poss", "compound")
                               if c.i in s.actor_at and s.rules.actors[s.actor_at[c.i].actor].type == "state"]
        if not objects and frame.relation in s.f.between_relations and n.pos != "PROPN":
            # "the Israeli-Palestinian conflict", "the Iran-Iraq war": the sides named before the noun (not in an
            # event's own name, "the Sino-Indian War (1962)", which the annotation guide counts as no mention)
            sides = _sides_before(s, n, frame, sentence_hedged)
            if sides:
                out += sides
                continue
        # ("a peace treaty was signed between Israel and Lebanon": on the passive verb)
        # ("a conflict that took place between X and Y", "the Ogaden War 1977/78 between X and Y": on its own
        # clause or on a year the parser hung the phrase from)
        between = [p for prep in [*s.children(n.i, "prep"), *(s.children(s.head(n.i).i, "prep")
                                                          if n.dep in ("nsubj", "nsubjpass") and s.head(n.i) is not None
                                                          else []),
                                  *(q for c in s.children(n.i, "relcl", "acl", "nummod", "npadvmod", "appos")
                                    if c.pos in ("VERB", "NUM") for q in s.children(c.i, "prep")),
                                  *(s.children(n.head, "prep") if n.dep == "compound" and s.t[n.head].pos == "NUM" else [])]
                   if prep.text.lower() == "between" for p in s.children(prep.i, "pobj")]
        if between and frame.relation in s.f.between_relations and not subjects and not objects:
            # "clashes between X and Y", "talks between X and Y" (or "clashes intensified between ...")
            sides = [a for p in between for a in s.actors_of(p.i)]
            if 2 <= len({a.actor for a in sides}) <= 3:
                polarity = "negated" if _noun_negated(s, n) else "hedged" if sentence_hedged else "asserted"
                for a in sides:
                    for b in sides:
                        if a.actor != b.actor:
                            out.append(FrameClaim(a, b, frame.relation, "frame:between", f"noun:{frame.noun.replace(' ', '_')}",
                                                  min(a.start, b.start, n.start), max(a.end, b.end, n.end), polarity))
                continue
        carrier = host or n
        while carrier.dep == "conj" and s.head(carrier.i) is not None and s.head(carrier.i).pos == "NOUN":
            carrier = s.head(carrier.i)  # "responded with air strikes and a ground invasion of Y": the list's place
        verb = s.head(carrier.i)
        claimed = _claimed_by(s, carrier)
        if not subjects and claimed is not None:
            # "the Houthis claimed responsibility for drone attacks on Saudi oil facilities": who claims it did it
            verb, subjects = claimed, s.subjects(claimed)
        if host is None and verb is not None and verb.dep == "prep" and verb.text.lower() in ("of", "in") \
                and s.head(verb.i) is not None and s.head(verb.i).pos in ("NOUN", "NUM"):
            carrier = s.head(verb.i)  # "large amounts of aid", "a shipment of arms", "$100 million in aid"
            verb = s.head(carrier.i)
        if verb is not None and verb.lemma in s.f.stoppers and claimed is None and carrier.dep != "nsubj" \
                and carrier.lemma.lower() not in _DURATIONS:
            # "stops all aid to China" ends the aid ("the siege of Kabul ended": it was laid; "ends nine years of
            # occupation": it went on): ending aid, cooperation or an agreement with someone sanctions them
            enders = s.subjects(verb) if verb.pos == "VERB" and carrier.dep == "dobj" else []
            if frame.relation in ("AID", "COOPERATE", "AGREE") and enders and objects:
                polarity, _ = s.polarity(verb, sentence_hedged)
                out += _claims_between(s, enders, objects, "SANCTION", "frame:stopped", f"stopped:{frame.noun}",
                                       verb, polarity)
            continue
        if verb is not None and verb.lemma in _BLAMING and n.dep == "dobj":
            continue  # "blamed the attack on the M23": the one blamed, not the one attacked
        rule, relation = f"noun:{frame.noun}", frame.relation
        if verb is not None and verb.lemma in ("have", "enjoy") and carrier.dep == "dobj" and relation == "SUPPORT" \
                and of_phrases:
            # "Manila had the backing of the United States", "enjoys the support of Moscow": the one of "of" backs
            subjects = [a for pobj in of_phrases for a in s.actors_of(pobj.i)]
            objects = s.subjects(verb) if subjects else []
            rule = f"frame:receive:{frame.noun}"
        elif verb is not None and verb.lemma in s.f.receiving_verbs and carrier.dep == "dobj":
            # "Y received aid from X": X gave it; the receiver is the verb's subject
            givers = [a for t in (n, carrier, verb) for prep in s.children(t.i, "prep") if prep.text.lower() == "from"
                      for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)] or subjects  # "billions in U.S. aid"
            subjects, objects = givers, (s.subjects(verb) if givers else [])
            rule = f"frame:receive:{frame.noun}"
            # what one receives of backing (support, help, assistance) is material; an invitation, a warning or a
            # request received is the giver's own act ("accepted an invitation from Chou En-lai": CONSULT)
            relation = "AID" if relation in ("SUPPORT", "AID") else relation
        elif verb is not None and relation in _HOSTILE_ACTS + ("ASSAULT", "ACCUSE", "REQUEST", "CONSULT", "SUPPORT", "AID") and (
                ((verb.lemma in s.f.suffering_verbs or verb.lemma in s.f.drawing_verbs and (
                    relation in _STANCES or frame.noun in _RETALIATIONS))
                 and carrier.dep == "dobj")
                or (carrier.dep == "pobj" and s.t[carrier.head].text.lower() == "under" and s.head(carrier.head) is not None
                    and (s.head(carrier.head).lemma in ("come", "be", "remain", "fall") or relation == "COERCE"))
                # "after urgent pressure from the U.S., Israel agreed to a truce": pressed, whatever it then did
                or (carrier.dep == "pobj" and s.t[carrier.head].text.lower() in ("after", "amid", "following", "despite")
                    and relation == "COERCE" and s.head(carrier.head) is not None)
                # "held its fire at the request of the United States", "on the invitation of his counterpart",
                # "attacked with the tacit approval of the Soviet Union", "with Moscow's backing"
                or (carrier.dep == "pobj" and s.t[carrier.head].text.lower() in ("at", "on", "upon")
                    and relation in ("REQUEST", "CONSULT", "COERCE") and any(
                        p.text.lower() == "of" for p in s.children(n.i, "prep")))
                or (carrier.dep == "pobj" and s.t[carrier.head].text.lower() == "with" and relation in ("SUPPORT", "AID")
                    and (any(p.text.lower() == "of" for p in s.children(n.i, "prep")) or s.children(n.i, "poss")
                         or any(c.i in s.actor_at for c in s.children(n.i, "amod"))))):
            # "El Fasher has faced attacks from the RSF", "the town came under attack by the rebels": the one
            # suffering it is attacked, by whoever it came from
            # ("under the pressure of US president Bill Clinton")
            # ("drew condemnation from Egypt": "from" may hang on the verb)
            doers = [a for t in (n, carrier, *([verb] if carrier.dep == "dobj" else [])) for prep in s.children(t.i, "prep")
                     if prep.text.lower() in ("from", "by") or prep.text.lower() == "of" and carrier.dep == "pobj"
                     for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)]
            doers = doers or [a for c in s.children(n.i, "poss") for a in s.actors_of(c.i)]  # "with Moscow's backing"
            doers = doers or [s.actor_at[c.i] for c in s.children(n.i, "amod") if c.i in s.actor_at]  # "with American backing"
            if not doers:
                continue
            sufferer = verb if carrier.dep == "dobj" else s.head(carrier.head)
            while sufferer is not None and sufferer.pos not in ("VERB", "AUX") and s.head(sufferer.i) is not None:
                sufferer = s.head(sufferer.i)  # "ordered a pull back under the pressure of X": who ordered it
            # ("Yugoslavia's actions drew condemnation": whose acts they were)
            victims = s.subjects(sufferer) or [t for c in s.children(sufferer.i, "nsubj")
                                               for t in [s.place_at(c.i), *(a for g in s.children(c.i, "poss")
                                                                           for a in s.actors_of(g.i))] if t]
            subjects, objects = doers, victims
            rule = f"frame:done-to:{frame.noun}"
        elif not subjects and verb is not None and verb.pos == "VERB" and carrier.dep in ("dobj", "nsubjpass") and not (
                (s.entry(verb) is not None and s.entry(verb).relation in ("ACCUSE", "REJECT", "PROTEST")
                 and s.entry(verb).relation != relation) or verb.lemma in s.f.allegation
                or verb.lemma in s.f.reacting_verbs):
            # "X launched an invasion of Y", "ordered a blockade of Y", "traded accusations with Y" (but "China opposes
            # sanctions against Iran" and "condemned the invasion of Y" are not the subject's own)
            # ("British aircraft continued the strafing of Egyptian airfields": the aircraft stand for their side)
            s.weapons = relation == "ASSAULT"
            subjects = s.subjects(verb)
            s.weapons = False
        elif not subjects and verb is not None and verb.pos == "VERB" and carrier.dep == "conj" and any(
                c.tag in ("VBN", "VBD") or c.text.lower().endswith("ed") for c in s.children(n.i, "amod")):
            # "rejected Stalin's policy and improved relations with Tito": the parser's adjective is the second verb
            # of the same subject
            subjects = s.subjects(verb)
        elif not subjects and both_ways and verb is not None and verb.dep == "prep" and verb.text.lower() in _WHEN \
                and not s.children(n.i, "poss"):
            # "Armenia declared martial law after clashes with Azerbaijan": the clause's subject fought them
            # ("Indian troops were beaten back after a firefight with Chinese troops": so did a passive's)
            while verb is not None and verb.pos != "VERB" and s.head(verb.i) is not None:
                verb = s.head(verb.i)
            subjects = (s.subjects(verb) or [a for c in s.children(verb.i, "nsubjpass") for a in s.actors_of(c.i)]) \
                if verb is not None and verb.pos == "VERB" else []
        elif not subjects and verb is not None and verb.dep == "prep" and verb.text.lower() == "in" \
                and carrier.dep == "pobj" and relation in _ATTITUDES | {"COOPERATE"} and not s.children(n.i, "poss"):
            # "declared the armistice void in protest against the drills of the U.S.", "rallied in support of
            # Ukraine": the stance of whoever does what the phrase hangs on
            while verb is not None and verb.pos != "VERB" and s.head(verb.i) is not None:
                verb = s.head(verb.i)
            subjects = s.subjects(verb) if verb is not None and verb.pos == "VERB" else []
        elif not subjects and verb is not None and verb.dep == "prep" and s.head(verb.i) is not None and (
                (verb.text.lower() in ("in", "into") and (s.head(verb.i).lemma in _TAKING_PART or (
                    s.head(verb.i).lemma in _BEING_IN and relation in ("CONSULT", "COOPERATE", "AGREE")) or (
                    s.head(verb.i).lemma in _HARMING and relation == "ASSAULT" and (
                        not s.passive(s.head(verb.i)) or both_ways))))
                or (verb.text.lower() == "with" and s.head(verb.i).lemma in _RESPONDING)) \
                and not s.children(n.i, "poss"):
            # "the guerrillas (were) engaged in peace talks with the government", "took part in talks"; "three
            # soldiers were killed in a clash with Chinese troops": their side fought them
            verb = s.head(verb.i)
            subjects = s.subjects(verb) or [a for c in s.children(verb.i, "nsubjpass") for a in s.actors_of(c.i)]
        if relation == "ASSAULT" and subjects and not objects:
            # "a special military operation to demilitarize and denazify Ukraine": whom it is meant for
            objects = [a for c in s.children(n.i, "acl", "relcl") if any(x.text.lower() == "to" for x in s.children(c.i, "aux"))
                       for v2 in [c, *s.children(c.i, "conj")] for d in s.children(v2.i, "dobj") for a in s.actors_of(d.i)]
        harmed = s.head(verb.i) if verb is not None and verb.text.lower() == "in" and carrier.dep == "pobj" else None
        if relation == "ASSAULT" and subjects and not objects and harmed is not None and harmed.lemma in _HARMING \
                and s.passive(harmed):
            # "two Russian soldiers were killed in an attack by Chechen rebels": the attack fell on the killed
            objects = [a for c in s.children(harmed.i, "nsubjpass") for a in s.actors_of(c.i)]
        if relation in ("ASSAULT", "RETREAT") and subjects and not objects:
            # "Israeli airstrikes on Gaza", "launched an attack on Haifa": an attack on the town's state
            # ("the capture of Kherson", "Russia's withdrawal from Kherson": the town's state too)
            # ("carried out waves of airstrikes across southern Lebanon": the preposition may hang on the verb)
            objects = s.noun_place_targets(n, verb if carrier.dep == "dobj" else None, frame.object_preps)
        if verb is not None and verb.lemma in s.f.reciprocal_verbs and n.dep == "dobj":
            # "Israel traded accusations with Iran": each made them to the other
            partners = [a for t in (n, verb) for prep in s.children(t.i, "prep") if prep.text.lower() == "with"
                        for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)]
            objects = objects or partners
        # ("held joint drills with China": "with" may hang on the verb)
        with_whom = {a.actor for t in (n, s.head(n.i)) if t is not None for prep in s.children(t.i, "prep")
                     if prep.text.lower() == "with" for p in s.children(prep.i, "pobj") for a in s.actors_of(p.i)}
        both_ways = both_ways or bool(objects) and n.lemma.lower() in s.f.reciprocal_nouns \
            and {b.actor for b in objects} <= with_whom
        # ("drills around Taiwan", "exercises off Japan's coast": a show of force at whoever is there)
        aimed = [a for h in (n, carrier, verb if carrier.dep == "dobj" else None) if h is not None
                 for p in s.children(h.i, "prep") if p.text.lower() in ("against", "around", "near", "off")
                 for o in s.children(p.i, "pobj")
                 for a in [*s.actors_of(o.i), *(s.actor_at[c.i] for c in s.children(o.i, "poss", "amod")
                                                if c.i in s.actor_at and p.text.lower() != "against")]] if frame.against else []
        if aimed and subjects:
            # "staging joint military exercises against the DPRK": drills aimed at someone (the sides staging
            # them together still cooperate: "joint")
            polarity = "hedged" if sentence_hedged else "asserted"
            if verb is not None and verb.pos == "VERB":
                polarity, _ = s.polarity(verb, sentence_hedged)
            joint = list({a.actor: a for a in subjects}.values()) if any(
                c.lemma.lower() in frame.modifiers for c in s.children(n.i, "amod", "compound")) else []
            out += [FrameClaim(a, b, "COOPERATE", rule, f"noun:{frame.noun.replace(' ', '_')}",
                               min(a.start, b.start, n.start), max(a.end, b.end, n.end), polarity)
                    for a in joint for b in joint if a.actor != b.actor and len(joint) <= 3]
            relation, rule, objects, both_ways = frame.against, f"{rule}+against", aimed, False
        pairs = [(a, b) for a in subjects for b in objects if a.actor != b.actor]
        if both_ways or verb is not None and verb.lemma in s.f.reciprocal_verbs and n.dep == "dobj":
            pairs += [(b, a) for a, b in pairs if (b, a) not in pairs]
        if not objects and verb is not None and n.dep == "dobj" and (
                (relation in s.f.mutual - {"ASSAULT"} and verb.lemma in s.f.joint_verbs)
                or verb.lemma in s.f.reciprocal_verbs):  # "India and Pakistan traded accusations"
            # "X, Y and Z held negotiations", "X and Y signed a truce": each with the others (the parser
            # may give each its own subject)
            joint = list({a.actor: a for c in s.children(verb.i, *_SUBJ) for a in s.actors_of(c.i)}.values())
            if 2 <= len(joint) <= 3:
                pairs = [(a, b) for a in joint for b in joint if a.actor != b.actor]
        if not objects and relation in s.f.mutual - {"ASSAULT"}:
            # "the agreement was signed by Putin and Lukashenko", "the Algiers Agreement, signed by Ethiopia and
            # Eritrea": the signers with each other
            done = [t for t in ([verb] if verb is not None and n.dep == "nsubjpass" else []) + s.children(n.i, "acl")
                    if t.lemma in s.f.joint_verbs and t.tag == "VBN"]
            joint = list({a.actor: a for t in done for by in s.children(t.i, "agent")
                          for p in s.children(by.i, "pobj") for a in s.actors_of(p.i)}.values())
            if 2 <= len(joint) <= 3:
                pairs = [(a, b) for a in joint for b in joint if a.actor != b.actor]
        if not pairs:
            if relation in _HOSTILE_ACTS and subjects and not objects and not _noun_negated(s, n):
                s.doer_acts.append((relation, sorted({a.actor for a in subjects})))  # "an airstrike by X"
            continue
        if verb is not None and carrier.dep == "dobj" and frame.noun in _RETALIATIONS and (
                verb.lemma in s.f.warning_verbs or verb.lemma in s.f.commitments):
            continue  # "vowed retaliation against the United States": a threat (the warning frame's), no act yet
        if _noun_negated(s, n) or (claimed is not None and claimed.lemma in ("deny", "disclaim", "reject")):
            polarity = "negated"  # (one who denies responsibility for an attack says it made none)
        elif verb is not None and verb.pos == "VERB" and carrier.dep == "dobj" and any(
                c.dep == "neg" for c in s.children(verb.i)) and verb.lemma in s.f.hedge_governors:
            polarity = "negated"  # "the US does not seek a new war with China"
        elif verb is not None and verb.pos == "VERB" and carrier.dep == "dobj" and (
                verb.lemma in s.f.hedge_governors or verb.lemma in s.f.warning_verbs or verb.lemma in s.f.commitments):
            polarity = "hedged"  # "threatened strikes on Iran", "planned an invasion": not (yet) done
        elif verb is not None and verb.pos == "VERB":
            polarity, _ = s.polarity(verb, sentence_hedged)
            if polarity == "negated" and carrier.dep in ("nsubj", "nsubjpass"):
                # "Russia's accusations against Ukraine do not help": what the act did not do, not that it was not
                polarity = "hedged" if sentence_hedged else "asserted"
        else:
            polarity = "hedged" if sentence_hedged else "asserted"
        for a, b in pairs:
            out.append(FrameClaim(a, b, relation, rule, f"noun:{frame.noun.replace(' ', '_')}",
                                  min(a.start, b.start, n.start), max(a.end, b.end, n.end), polarity))
    return out


def _sides_before(s: _Sentence, n: Token, frame, sentence_hedged: bool) -> list[FrameClaim]:
    """"the Israeli-Palestinian conflict", "the Iran-Iraq war": each side named before the noun with each other."""
    sides = list({a.actor: a for a in _modifier_actors(s, n)}.values())
    if not 2 <= len(sides) <= 3:
        return []
    polarity = "negated" if _noun_negated(s, n) else "hedged" if sentence_hedged else "asserted"
    return [FrameClaim(a, b, frame.relation, "frame:between", f"noun:{frame.noun.replace(' ', '_')}",
                       min(a.start, b.start, n.start), max(a.end, b.end, n.end), polarity)
            for a in sides for b in sides if a.actor != b.actor]


def _claimed_by(s: _Sentence, n: Token) -> Token | None:
    """The verb by which someone owns an act: "claimed responsibility for the attacks" (or denied it)."""
    prep = s.head(n.i)
    up = s.head(prep.i) if prep is not None and prep.text.lower() == "in" and n.dep == "pobj" else None
    if up is not None and up.lemma.lower() in _INVOLVEMENT and up.dep == "dobj" and s.head(up.i).lemma in _CLAIMING:
        return s.head(up.i)  # "denied involvement in the poisoning of Alexei Navalny"
    if up is not None and up.pos == "VERB" and up.lemma in _CLAIMING and any(
            d.lemma.lower() in _INVOLVEMENT for d in s.children(up.i, "dobj")):
        return up  # "denied any role in the assassination", "in" hung on the verb
    owned = s.head(prep.i) if prep is not None and prep.text.lower() == "for" and n.dep == "pobj" else None
    if owned is not None and owned.pos == "VERB" and owned.lemma in _CLAIMING and any(
            d.lemma.lower() in ("responsibility", "credit") for d in s.children(owned.i, "dobj")):
        return owned  # "claimed responsibility Tuesday for the attack": "for" hung on the verb
    verb = s.head(owned.i) if owned is not None and owned.lemma.lower() in ("responsibility", "credit") \
        and owned.dep == "dobj" else None
    return verb if verb is not None and verb.lemma in _CLAIMING else None


# prepositions that set a clause in the time of a fight: "after clashes with Azerbaijan", "during fighting with Y"
_WHEN = {"after", "following", "during", "amid", "since", "before", "despite"}
# what one owns up to having in an act, or denies having ("denied any role in the assassination")
_INVOLVEMENT = {"involvement", "role", "part", "hand", "complicity"}
# verbs that own up to an act ("claimed responsibility for"), or disown it ("denied responsibility for")
_CLAIMING = {"claim", "take", "accept", "assume", "bear", "deny", "disclaim", "reject", "admit", "acknowledge"}
# nouns an act's name may qualify: "an aid package for Ukraine", "an arms shipment to Israel"
_CONTAINERS = {"package", "shipment", "delivery", "consignment", "program", "programme", "deal", "tranche", "convoy",
               # "a show of solidarity with Hamas", "an act of aggression against Y", "a wave of strikes on Y"
               "show", "act", "campaign", "wave", "series", "round", "display", "gesture", "expression"}


def _act_owners(s: _Sentence, n: Token) -> list[ActorMention]:
    """Whose act a stance is taken on: "in protest against the joint drills of the U.S. and South Korea", "its
    opposition to Israel's blockade", "a US-drafted statement"."""
    found = [a for c in s.children(n.i, "poss") for a in s.actors_of(c.i)]
    if n.lemma.lower() in s.f.nouns or n.lemma.lower() in _CAUSES:
        # "against the Russian invasion": an act's doer named before it; "support for the Vietnamese struggle",
        # "upheld Egypt's claims": whose cause it is
        found += [s.actor_at[c.i] for c in s.children(n.i, "amod", "compound") if c.i in s.actor_at]
    found += [a for p in s.children(n.i, "prep") if p.text.lower() in ("of", "by") for o in s.children(p.i, "pobj")
              for a in s.actors_of(o.i)]
    found += [s.actor_at[g.i] for c in s.children(n.i, "amod") if c.lemma.lower() in _AUTHORING
              for g in s.children(c.i, "npadvmod", "compound", "amod") if g.i in s.actor_at]
    return found


# "a US-drafted statement", "the French-sponsored resolution": whose text it is
_AUTHORING = {"draft", "drafted", "propose", "proposed", "sponsor", "sponsored", "author", "authored", "write", "written",
              "table", "tabled", "submit", "submitted", "initiate", "initiated"}


def _relations_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"North Korea-North Vietnam relations were very close", "relations between Egypt and the Soviet Union
    remained friendly": ties said to be close are each side's alignment with the other."""
    out = []
    for n in s.t:
        if n.pos != "NOUN" or n.lemma.lower() not in ("relation", "relations", "tie", "ties") or not n.tag.startswith("NNS"):
            continue
        sides = _modifier_actors(s, n) or [a for p in s.children(n.i, "prep") if p.text.lower() == "between"
                                           for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)]
        sides = list({a.actor: a for a in sides}.values())
        verb = s.head(n.i)
        if len(sides) != 2 or n.dep != "nsubj" or verb is None or verb.lemma not in ("be", "remain", "become", "grow",
                                                                                   "stay"):
            continue
        said = [c for c in s.children(verb.i, "acomp", "attr") if c.lemma.lower() in s.f.close_ties]
        if not said or any(c.dep == "neg" for c in s.children(verb.i)):
            continue
        polarity, _ = s.polarity(verb, sentence_hedged)
        a, b = sides
        out += [FrameClaim(x, y, "COOPERATE", "frame:close-ties", f"ties:{said[0].lemma.lower()}",
                           min(x.start, y.start, n.start), max(x.end, y.end, said[0].end), polarity)
                for x, y in ((a, b), (b, a))]
    return out


def _modifier_actors(s: _Sentence, n: Token) -> list[ActorMention]:
    """The actors named in the modifiers before a noun, through hyphenated pairs ("Israeli-Palestinian")."""
    out, todo = [], [c for c in s.children(n.i, "amod", "compound") if c.i < n.i]
    while todo:
        t = todo.pop()
        if t.i in s.actor_at:
            out.append(s.actor_at[t.i])
        todo += [c for c in s.children(t.i, "amod", "compound") if c.i < t.i]
    return sorted(out, key=lambda a: a.start)


def _noun_negated(s: _Sentence, n: Token) -> bool:
    """"no aid to Y", "no reports of clashes between X and Y": the act is denied."""
    if any(c.lemma == "no" for c in s.children(n.i, "det")):
        return True
    up = s.head(n.i)
    if n.dep == "pobj" and up is not None and up.text.lower() == "of":
        above = s.head(up.i)
        return above is not None and any(c.lemma == "no" for c in s.children(above.i, "det"))
    return False


def _title_claims(s: _Sentence, year: int | None = None) -> list[FrameClaim]:
    """"Polish President Lech Wałęsa", "Lech Wałęsa, Poland's president": LEADER_OF the state named;
    "Ukrainian Foreign Minister Dmytro Kuleba", "Eritrea's ambassador to Kenya, X": MEMBER_OF it."""
    out = []
    actors = s.rules.actors
    for i, am in s.actor_at.items():
        if actors[am.actor].type != "person" or (s.t[i].head != i and s.t[i].head in [
                t.i for t in s.t if s.actor_at.get(t.i) == am]):
            continue  # only the head token of the person's name (which may be the root: "John A. McCone, the ...")
        # the title may hang from any word of the name ("UN Secretary-General Ban Ki-moon": from "Ban")
        inside = [t.i for t in s.t if s.actor_at.get(t.i) is am]
        titles = [c for k in inside for c in s.children(k, "compound", "amod", "nmod", "appos") if c.i not in s.actor_at]
        if s.t[i].dep == "dobj" and s.head(i) is not None and s.head(i).lemma in s.f.branding_verbs:
            # "labeled Mao a dictator", "called Khrushchev a traitor": a name called, no office held
            titles = [c for c in titles if c.dep != "appos"]
        head, name_head = s.head(i), i
        if s.t[i].dep == "compound" and head is not None and head.pos == "PROPN" and head.i not in s.actor_at \
                and head.i > i:
            # "Prince Faisal bin Farhan Al-Saud": the name goes on past the part the gazetteer knows
            head, name_head = s.head(head.i), head.i
        if s.t[name_head].dep == "appos" and head is not None and head.i not in s.actor_at and not any(
                s.t[k].pos == "VERB" or (k in s.actor_at and s.actor_at[k] is not am
                                         and actors[s.actor_at[k].actor].type == "person")
                for k in range(min(head.i, name_head) + 1, max(head.i, name_head))):
            # (not across another person: "China's President Xi Jinping and Russian counterpart Vladimir Putin")
            titles.append(head)  # "Eritrea's ambassador to Kenya, Beyene Russom" (no verb between them)
        found = [c for title in titles
                 for c in _office_claims(s, am, title, [c for k in inside for c in s.children(k, "compound", "amod", "nmod",
                                                                                                "prep", "poss")
                                                        if c is not title and c.i not in inside], year, "frame:title")]
        if not found:
            found = _title_before(s, am, i, inside, year)
        first = s.t[min(inside)]
        if not found and len(inside) > 1 and (first.text.lower() in s.f.leader_titles or first.lemma.lower() in s.f.official_titles):
            # a title the gazetteer keeps in the name ("President Nixon")
            found = _office_claims(s, am, first, [], year, "frame:title")
        out += found or _possessor_claims(s, am, inside, year)
    return out


def _possessor_claims(s: _Sentence, am: ActorMention, inside: list[int], year: int | None) -> list[FrameClaim]:
    """"Al Jazeera's Bernard Smith", "Hamas's Ismail Haniyeh": the body that owns the name has him as a member;
    "Iraq's Saddam Hussein" leads the state he headed that year."""
    actors = s.rules.actors
    person = actors[am.actor]
    out = []
    for c in (c for k in inside for c in s.children(k, "poss") if c.i in s.actor_at):
        body = s.actor_at[c.i]
        kind = actors[body.actor].type
        if kind in ("organisation", "group", "military_unit", "media_outlet"):
            relation = "MEMBER_OF"
        elif kind == "state" and any(r.actor == body.actor and (year is None or r.start <= year <= r.end)
                                     for r in person.represents):
            relation = "LEADER_OF"
        else:
            continue  # "Russia's Lavrov": a state's own people are not all its officials
        out.append(FrameClaim(am, body, relation, "frame:possessor", "memberOf" if relation == "MEMBER_OF" else "leaderOf",
                              min(am.start, body.start), max(am.end, body.end), "asserted"))
    return out[:1]


def _title_before(s: _Sentence, am: ActorMention, head: int, inside: list[int], year: int | None) -> list[FrameClaim]:
    """"Chinese Ambassador to the UN Liu Jieyi", "the leader of the Wefaq party Sheikh Ali Salman": the parser takes
    the body and the name for one phrase under the title's preposition, or the title phrase for the name's sibling."""
    k = min(inside) - 1
    while k >= 0 and k not in s.actor_at and s.t[k].pos == "PROPN" and s.t[k].head == head:
        k -= 1  # honorifics the name carries ("Sheikh", "Gen.")
    if k < 0:
        return []
    body = s.t[k]  # the body's name, or its last word ("the Wefaq party")
    tokens = [body] if k in s.actor_at else [g for g in s.children(k, "compound") if g.i in s.actor_at]
    if not tokens or any(s.rules.actors[s.actor_at[g.i].actor].type == "person" for g in tokens):
        return []
    prep = s.head(k) if body.dep == "pobj" else s.head(head) if s.t[head].dep == "pobj" else None
    title = s.head(prep.i) if prep is not None and prep.text.lower() in ("of", "for", "to", "at") else None
    if title is None or title.i in s.actor_at or title.pos not in ("NOUN", "PROPN") or title.i > k:
        return []
    # the body is the title's "of" or "for" (whom he serves), not its "to" (where he is posted)
    return _office_claims(s, am, title, tokens if prep.text.lower() in ("of", "for") else [], year, "frame:title")


_SERVICES = {"SPY", "JUD"}  # a state's intelligence services and courts (CAMEO sectors)


def _ministry_claims(s: _Sentence) -> list[FrameClaim]:
    """"Iran's foreign ministry": the ministry (kg.extract.discover.ministry_actors) belongs to its state;
    "the Saudi-led coalition" (kg.extract.discover.led_bodies) is led by Saudi Arabia."""
    out = []
    for am in {(a.start, a.end): a for a in s.actor_at.values()}.values():
        actor = s.rules.actors[am.actor]
        if am.resolution in ("pronoun", "role"):
            continue  # "it", "the coalition" name no ministry: the name they stand for said whose it is
        if actor.type == "organisation" and not actor.listed and actor.sector == "GOV" and actor.country \
                and actor.label.startswith("Ministry of "):
            state = ActorMention(actor.country, am.start, am.end, am.surface, am.sentence, "role")
            out.append(FrameClaim(am, state, "MEMBER_OF", "frame:ministry", "memberOf", am.start, am.end, "asserted"))
        elif actor.type == "organisation" and actor.listed and actor.sector in _SERVICES and actor.country \
                and s.rules.actors.get(actor.country) is not None and s.rules.actors[actor.country].type == "state":
            # "Mossad", "the CIA", "the Justice Department": a listed service of its state
            state = ActorMention(actor.country, am.start, am.end, am.surface, am.sentence, "role")
            out.append(FrameClaim(am, state, "MEMBER_OF", "frame:ministry", "memberOf", am.start, am.end, "asserted"))
        elif actor.type == "organisation" and not actor.listed and "-led " in actor.label and actor.represents \
                and any(c.lemma == "lead" and am.start <= s.t[c.head].start < am.end for c in s.t):
            # ("Saudi-led coalition", "a mission led by Kenya"; a later "the mission" says nothing of who leads it)
            leader = ActorMention(actor.represents[0].actor, am.start, am.end, am.surface, am.sentence, "role")
            out.append(FrameClaim(leader, am, "LEADER_OF", "frame:led-body", "leaderOf", am.start, am.end, "asserted"))
    return out


def _led_by_claims(s: _Sentence) -> list[FrameClaim]:
    """"the Soviet faction led by Heo Jiayi", "the Yan'an faction represented by Wu Ting": the person heads the body."""
    out = []
    for v in s.t:
        # "Abdulla heads the Adhaalath Party", "Haftar commands the Libyan National Army"
        if v.pos == "VERB" and v.lemma in _HEADING - {"found", "represent"} and not s.passive(v) and not s.particles(v):
            leaders = [a for a in s.subjects(v) if s.rules.actors[a.actor].type == "person"]
            bodies = [a for d in s.children(v.i, "dobj") for a in s.actors_of(d.i)
                      if s.rules.actors[a.actor].type in ("group", "organisation", "military_unit")]
            polarity, _ = s.polarity(v, False)
            out += [FrameClaim(a, b, "LEADER_OF", "frame:led-by", f"led-by:{v.lemma}", min(a.start, b.start),
                               max(a.end, b.end), polarity) for a in leaders for b in bodies]
    for v in s.t:
        # "Somalia was led by Siad Barre", "Nigeria was led by Gowon, and Biafra by Ojukwu"
        if v.pos != "VERB" or v.lemma not in _HEADING - {"found", "represent"} or not s.children(v.i, "nsubjpass"):
            continue
        bodies = [a for c in s.children(v.i, "nsubjpass") for a in s.actors_of(c.i)
                  if s.rules.actors[a.actor].type in ("state", "group", "organisation", "military_unit")]
        for by in s.children(v.i, "agent"):
            for p in s.children(by.i, "pobj"):
                leaders = [s.actor_at[p.i]] if p.i in s.actor_at and s.rules.actors[s.actor_at[p.i].actor].type == "person" else []
                out += [FrameClaim(a, b, "LEADER_OF", "frame:led-by", f"led-by:{v.lemma}", min(a.start, b.start),
                                   max(a.end, b.end), s.polarity(v, False)[0]) for a in leaders for b in bodies]
                for gapped in s.children(p.i, "conj"):  # "... and Biafra by Ojukwu": a body and its own agent
                    other = [s.actor_at[gapped.i]] if gapped.i in s.actor_at else []
                    heads = [s.actor_at[q.i] for b2 in s.children(gapped.i, "agent") for q in s.children(b2.i, "pobj")
                             if q.i in s.actor_at and s.rules.actors[s.actor_at[q.i].actor].type == "person"]
                    out += [FrameClaim(a, b, "LEADER_OF", "frame:led-by", f"led-by:{v.lemma}", min(a.start, b.start),
                                       max(a.end, b.end), "asserted") for a in heads for b in other
                            if s.rules.actors[b.actor].type != "person"]
    for u in s.t:
        # "Somalia, under the leadership of Siad Barre, invaded Ethiopia", "Under Mengistu, Ethiopia expelled ...":
        # the one under whom the body acts leads it
        if u.text.lower() != "under" or u.dep != "prep":
            continue
        # ("under Buhari's command": the possessor too)
        heads = [p for o in s.children(u.i, "pobj") for p in (
            [o] if o.i in s.actor_at else [q for r in s.children(o.i, "prep") if r.text.lower() == "of"
                                            for q in s.children(r.i, "pobj")] + s.children(o.i, "poss")
            if o.lemma.lower() in _RULE_NOUNS else [])]
        leaders = [s.actor_at[p.i] for p in heads if p.i in s.actor_at and s.rules.actors[s.actor_at[p.i].actor].type == "person"]
        above = s.head(u.i)
        bodies = s.subjects(above) if above is not None and above.pos == "VERB" else (
            s.actors_of(above.i) if above is not None else [])
        out += [FrameClaim(a, b, "LEADER_OF", "frame:led-by", "led-by:under", min(a.start, b.start), max(a.end, b.end),
                           "asserted") for a in leaders for b in bodies
                if s.rules.actors[b.actor].type in ("state", "group", "organisation", "military_unit")]
    for n in s.t:
        body = s.actor_at.get(n.i)
        if body is None and n.lemma.lower() in s.f.partitives | s.f.armed_nouns:
            # "Units of the Libyan National Army, led by Marshal Khalifa Haftar": the army named after "of"
            body = next((a for p in s.children(n.i, "prep") if p.text.lower() == "of" for o in s.children(p.i, "pobj")
                         for a in s.actors_of(o.i)), None)
        if body is None or s.rules.actors[body.actor].type not in ("group", "organisation", "military_unit"):
            continue
        for c in s.children(n.i, "acl"):
            if c.lemma not in _HEADING or c.tag != "VBN":
                continue
            leaders = [a for by in s.children(c.i, "agent") for p in s.children(by.i, "pobj") for a in s.actors_of(p.i)
                       if s.rules.actors[a.actor].type == "person"]
            out += [FrameClaim(a, body, "LEADER_OF", "frame:led-by", f"led-by:{c.lemma}", min(a.start, body.start),
                               max(a.end, body.end), "asserted") for a in leaders]
    return out


# participles by which a person heads the body they follow: "led by", "headed by", "represented by"
_HEADING = {"lead", "head", "command", "represent", "chair", "found", "direct"}


def _became_claims(s: _Sentence, year: int | None = None) -> list[FrameClaim]:
    """"Taraki became president", "X was elected president of Y", "X was named Chad's defence minister":
    the office the subject took."""
    out = []
    for v in s.t:
        if v.pos not in ("VERB", "AUX") or v.lemma not in s.f.office_verbs:
            continue
        persons = [a for c in s.children(v.i, "nsubj", "nsubjpass") for a in s.actors_of(c.i)
                   if s.rules.actors[a.actor].type == "person"]
        titles = [c for c in s.children(v.i, "attr", "oprd", "xcomp", "dobj") if c.pos in ("NOUN", "PROPN")
                  and c.i not in s.actor_at]
        for am in persons[:1]:
            for title in titles[:1]:
                out += _office_claims(s, am, title, [], year, "frame:became")
    return out


def _office_claims(s: _Sentence, am: ActorMention, title, more: list, year: int | None, rule: str) -> list[FrameClaim]:
    """The claim a title makes of the person who holds it: LEADER_OF for a leader's title, MEMBER_OF for an
    official's, of the state or body named with the title (or in `more`), else, for a leader, of the
    state whose government he held that year."""
    actors = s.rules.actors
    words = _title_words(s, title)
    phrase = " ".join(w.text.lower() for w in [*words, title])
    # a deputy or vice president serves the state; the president leads it
    second = any(w.text.lower().rstrip("-") in ("deputy", "vice") for w in words)
    leader = not second and (phrase in s.f.leader_titles or title.text.lower() in s.f.leader_titles)
    if title.lemma.lower() in _BODY_HEADS and not second:
        # "CIA Director John Brennan", "John A. McCone, the CIA director": the head of an agency or a body (a
        # state's "director" is no office: "Ukrainian director Oleg Sentsov" makes films)
        bodies = [s.actor_at[c.i] for t in [*words, title] for c in s.children(t.i, "compound", "amod", "poss", "nmod")
                  if c.i in s.actor_at and actors[s.actor_at[c.i].actor].type in ("organisation", "group", "military_unit")]
        # (not "of": the director "of the Center for Korean Studies at Fudan University" does not head the university)
        # ("WFP's Country Director in Chad", "UNICEF's regional director for Africa": one of its officials)
        branch = any(w.text.lower() in _BRANCH_WORDS for w in words) or any(
            p.text.lower() in ("in", "for") for p in s.children(title.i, "prep"))
        return [FrameClaim(am, b, "MEMBER_OF" if branch else "LEADER_OF", f"{rule}-{'member' if branch else 'leader'}",
                           "memberOf" if branch else "leaderOf", min(am.start, b.start, title.start),
                           max(am.end, b.end, title.end), "asserted") for b in bodies[:1]]
    # "Ukrainian Foreign Minister Dmytro Kuleba", "TPLF spokesman Getachew Reda": an official of it
    official = not leader and (
        (s.f.agents.get(" ".join(w.lemma.lower() for w in [*words, title]))
         or s.f.agents.get(title.lemma.lower())) in s.f.state_sectors
        or title.lemma.lower() in s.f.official_titles or (second and title.text.lower() in s.f.leader_titles)
        or title.lemma.lower() in s.f.military_ranks)
    if not (leader or official) or any(w.lemma.lower() in s.f.sub_bodies and not _named_body(s, w) for w in words):
        return []  # "Chinese foreign ministry spokesperson X" belongs to the ministry, not the state
    if any(w.text.lower().rstrip("-") in _FORMER for w in [*words, *s.children(title.i, "amod", "advmod")]) \
            or any(s.t[k].text.lower().rstrip("-") in _FORMER for k in range(max(0, title.i - 2), title.i)):
        return []  # "former President Ali Abdullah Saleh" no longer holds it
    named = [c for t in [*words, title] for c in s.children(t.i, "compound", "amod", "poss", "nmod")]
    named += [c for c in more if c.dep != "prep"]
    states = [s.actor_at[c.i] for c in named if c.i in s.actor_at and s.actor_at[c.i] != am
              and actors[s.actor_at[c.i].actor].type in ("state", "organisation", "group", "military_unit")]
    # the title's "of" is one of the state's functions ("head of Russian diplomacy"), or the state as a whole
    # ("head of the Russian government")
    function = government = False
    for prep in s.children(title.i, "prep") + [c for c in more if c.dep == "prep"]:
        # "President of South Korea"; an official speaks "for" what he serves ("spokesman for the TPLF")
        if prep.text.lower() == "of" or (prep.text.lower() == "for" and official):
            for p in s.children(prep.i, "pobj"):
                states += s.actors_of(p.i)
                if p.i not in s.actor_at and p.pos == "NOUN" and prep.text.lower() == "of":
                    whole = p.lemma.lower() in s.f.home_nouns | s.f.state_forms | _STATE_WORDS
                    function, government = function or not whole, government or whole
    if leader and function:
        leader, official = False, True  # "the head of Russian diplomacy, Sergei Lavrov" serves Russia
    if any(w.lemma.lower() in _NON_STATE_SIDES for w in [*words, *s.children(title.i, "compound", "amod")]):
        # "Kenya's opposition leader X" leads Kenya's opposition, not Kenya; "Congolese rebel leader Thomas Lubanga"
        # leads rebels, not the Congo
        states = [a for a in states if actors[a.actor].type == "group"]
    if leader and states and title.text.lower() in s.f.serving_titles and actors[states[0].actor].type == "state" \
            and not government \
            and not any(w.text.lower() in ("supreme", "in-chief") for w in [*words, *s.children(title.i)]):
        leader = False  # "Iranian commander Qassem Soleimani", "Pakistan's army chief": an officer of the state
    relation, predicate = ("LEADER_OF", "leaderOf") if leader else ("MEMBER_OF", "memberOf")
    rule = f"{rule}-leader" if leader else f"{rule}-member"
    # ("socialist President Nicolas Maduro": an adjective says what kind of president, not whose)
    # ("civilian leader Aung San Suu Kyi": a leader so called holds no office of state)
    plain = title.lemma.lower() != "leader" and all(
        w.pos == "ADJ" and w.dep == "amod" and w.lemma.lower() not in _NON_STATE_SIDES for w in words)
    if not states and ((official and title.lemma.lower() not in s.f.military_ranks)
                       or (leader and (not words or phrase in s.f.leader_titles or plain))):
        # ("opposition leader X" leads no state)
        # "President Donald Trump": the state of the government office he held that year; in a text
        # that names no year, the one state he ever governed ("President Daniel Ortega"); an official
        # with no state named serves it ("Secretary of State Henry Kissinger", "Defense Minister Moshe Dayan")
        person = actors[am.actor]
        held = sorted({_of_its_time(r.actor, year, actors) if year is not None else r.actor
                       for r in (*person.represents, *person.roles)
                       if (year is None or r.start <= year <= r.end) and getattr(r, "sector", "GOV") in ("GOV", None)})
        if len(held) == 1:
            return [FrameClaim(am, ActorMention(held[0], am.start, am.end, am.surface, am.sentence, "role"),
                               relation, rule, predicate, min(am.start, title.start), max(am.end, title.end),
                               "asserted")]
    return [FrameClaim(am, st, relation, rule, predicate, min(am.start, st.start, title.start),
                       max(am.end, st.end, title.end), "asserted") for st in states[:1]]


def _participle_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"U.S.-backed rebels", "Iran-backed Houthi rebels", "the Soviet-selected Babrak Karmal": the actor
    before the hyphen backs (arms, installs) the one the noun names."""
    out = []
    for t in s.t:
        if t.dep not in ("amod", "compound"):
            continue
        if t.text.lower() in s.f.alliance_adjectives:
            # "Allied Ethiopian and Eritrean troops", "combined Egyptian and Syrian forces": each side
            # cooperates with the other
            noun = s.t[t.head]
            if noun.i in s.actor_at and noun.dep in ("amod", "compound"):
                noun = s.t[noun.head]  # "Allied" parsed under "Ethiopian" in "Allied Ethiopian and Eritrean troops"
            named = [*s.actors_of(noun.i), *(a for c in s.children(noun.i, "amod", "compound") if c.i in s.actor_at
                                             for a in s.actors_of(c.i))]
            sides = list({a.actor: a for a in named}.values())
            if 2 <= len(sides) <= 3:
                polarity, _ = s.polarity(s.t[t.head], sentence_hedged)
                out += [FrameClaim(a, b, "COOPERATE", f"frame:allied:{t.text.lower()}", f"allied:{t.text.lower()}",
                                   min(a.start, b.start, t.start), max(a.end, b.end, t.end), polarity)
                        for a in sides for b in sides if a.actor != b.actor]
            continue
        prefix, _, word = t.text.lower().rpartition("-")
        if prefix and word in s.f.backing_participles and t.i in s.actor_at:
            backers, relation = [s.actor_at[t.i]], s.f.backing_participles[word]  # one token: "U.S.-backed"
        elif t.text.lower() in s.f.backing_participles:  # "Iran - backed": the name is the participle's modifier
            backers = [s.actor_at[c.i] for c in s.children(t.i, "npadvmod", "compound") if c.i in s.actor_at]
            relation = s.f.backing_participles[t.text.lower()]
        else:
            continue
        noun = s.t[t.head]
        backed = [a for a in s.actors_of(noun.i) if a not in backers]
        polarity, _ = s.polarity(noun, sentence_hedged)
        word = t.text.lower().rpartition("-")[2]
        for a in backers:
            for b in backed:
                if a.actor != b.actor:
                    out.append(FrameClaim(a, b, relation, f"frame:participle:{word}", f"participle:{word}",
                                          min(a.start, b.start, t.start), max(a.end, b.end, noun.end), polarity))
    return out


_FINITE = ("VBD", "VBZ", "VBP")
# what one draws on oneself from others: "drew condemnation from the UN" (not "sparked attacks by Y")
_STANCES = ("ACCUSE", "PROTEST", "SANCTION", "REJECT")
# "Israel responded with air strikes and a ground invasion of southern Lebanon": the responder's act
# "responded with air strikes on Y", "launched its operation with a strike on Y": the subject's own act
_RESPONDING = {"respond", "retaliate", "react", "reply", "answer", "hit", "launch", "begin", "open", "start"}
_FORMER = {"former", "ex", "late", "erstwhile", "deposed", "ousted", "exiled"}
# "took part in talks with Y", "locked in a war with Y"
_TAKING_PART = {"engage", "participate", "take", "join", "involve", "enter", "lock", "embroil", "mire", "entangle"}
# "was in contact with Y", "remained in talks with Y" (but "been in conflict with Y" is a dispute, not a war)
_BEING_IN = {"be", "remain", "stay", "keep"}
# what a doer did "in" a fight of theirs: "killed six people in a drone attack on El Fasher", "in fierce combat with
# the Jordanian Army, Israeli forces captured the Old City"
_HARMING = {"kill", "wound", "injure", "destroy", "damage", "hit", "strike", "target", "capture", "seize", "take", "lose"}
_HOLDING = {"control", "hold", "occupy", "administer", "run"}  # "X-controlled territory" is X's
# "the UN-protected enclave", "a Saudi-backed government": the one named guards or backs it, it is not theirs
_GUARDING = {"protect", "protected", "guard", "guarded", "back", "backed", "support", "supported", "sponsor",
             "sponsored", "patrol", "patrolled", "monitor", "monitored", "supervise", "supervised", "broker", "brokered"}
# "posts belonging to Hamas", "a base used by the RSF", "firms linked to the army": whose they are
_OWNING = _HOLDING | {"belong", "own", "use", "link", "tie", "affiliate", "associate"}
_BLAMING = {"blame", "pin"}  # "blamed the attack on Y": Y is blamed, not attacked ("condemned the attack on Y" is)
_HOSTILE_ACTS = ("ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE")


def _anaphoric_claims(s: _Sentence, earlier: tuple, sentence_hedged: bool) -> list[FrameClaim]:
    """"Western leaders condemned the strike", "Ukraine called the attack a war crime": a definite act noun
    with no actor takes up the act told just before; condemning or branding it aims at its doer."""
    out = []
    for v in s.t:
        if v.pos != "VERB":
            continue
        entry = s.entry(v)
        branding = v.lemma in s.f.branding_verbs and any(
            c.lemma.lower() in s.f.accusatory_nouns or any(g.lemma.lower() in s.f.accusatory_nouns
                                                          for g in s.children(c.i, "compound", "prep", "pobj"))
            for c in s.children(v.i, "oprd", "xcomp", "ccomp", "dobj", "attr"))
        relation = "ACCUSE" if branding else entry.relation if entry is not None and entry.relation in (
            "ACCUSE", "PROTEST", "REJECT", "SUPPORT", "AGREE") else None
        if relation is None:
            continue
        for d in s.children(v.i, "dobj", "nsubj" if v.lemma in s.f.branding_verbs else "dobj"):
            if d.dep != "dobj" or s.actors_of(d.i) or d.lemma.lower() not in s.f.event_anaphors \
                    or not any(c.lemma.lower() in ("the", "this", "that", "such", "these") for c in s.children(d.i, "det")) \
                    or any(c.i in s.actor_at for c in s.children(d.i, "poss", "amod", "compound", "prep")):
                continue
            frame = s.f.nouns.get(d.lemma.lower())
            wanted = (frame.relation,) if frame is not None else _HOSTILE_ACTS
            doers = [doer for rel, doer, _ in reversed(earlier) if rel in wanted][:1]
            if not doers:
                continue
            polarity, _ = s.polarity(v, sentence_hedged)
            for a in s.subjects(v):
                if a.actor == doers[0]:
                    continue
                doer = ActorMention(doers[0], d.start, d.end, d.text, a.sentence, "event")
                out.append(FrameClaim(a, doer, relation, "frame:event-anaphor", f"anaphor:{d.lemma.lower()}",
                                      min(a.start, v.start, d.start), max(a.end, v.end, d.end), polarity))
    return out


def _entry_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"In 1979 the Soviet army entered Afghanistan": armed forces entering a state invade it (ASSAULT);
    a delegation entering talks does not."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.entering_verbs or s.entry(v) is not None:
            continue
        # (an armed group named as such enters too: "The Taliban entered Kabul")
        armed = [c for c in s.children(v.i, "nsubj") if s.sector_of(c.i) == "MIL"
                 or c.lemma.lower() in s.f.weapon_nouns or c.lemma.lower() in ("army", "military", "force", "troop")
                 or (c.i in s.actor_at and s.rules.actors[s.actor_at[c.i].actor].sector in _ARMED_SECTORS)]
        if not armed:
            continue
        # ("crossed the 38th parallel into South Korea", "poured across the border into Kuwait": where they went)
        spots = [*s.children(v.i, "dobj"), *(o for p in s._clause_preps(v, "into") for o in s.children(p.i, "pobj"))]
        # ("crossed the Georgian border": whose border it is)
        targets = [a for d in spots for a in ([s.actor_at[d.i]] if d.i in s.actor_at else
                                              [x for x in [s.place_at(d.i)] if x] or s.border_of(d.i))]
        targets = [a for a in targets if s.rules.actors[a.actor].type == "state"]
        polarity, _ = s.polarity(v, sentence_hedged)
        s.weapons = True  # "Russian tanks entered Kharkiv": the tanks stand for their side
        doers = s.subjects(v)
        s.weapons = False
        out += _claims_between(s, doers, targets, "ASSAULT", "frame:armed-entry", f"entry:{v.lemma}", v, polarity)
    return out


def _allegation_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Human Rights Watch alleged that US-backed Afghan forces committed executions": the subject of
    an alleging verb accuses the subject of the clause it reports (ACCUSE)."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.alleging_verbs or s.children(v.i, "dobj"):
            continue
        accused = [a for c in s.children(v.i, "ccomp") for a in s.subjects(c)]
        if not accused:
            continue
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, s.subjects(v), accused, "ACCUSE", "frame:allegation", f"allegation:{v.lemma}", v,
                               polarity)
    for n in s.t:
        # "the TPLF's allegation of a joint attack by Ethiopian and Eritrean troops": whose act is alleged
        if n.pos != "NOUN" or n.lemma.lower() not in s.f.allegation_nouns:
            continue
        accusers = [a for c in s.children(n.i, "poss") for a in s.actors_of(c.i)]
        acts = [o for p in s.children(n.i, "prep") if p.text.lower() == "of" for o in s.children(p.i, "pobj")]
        accused = [a for o in acts for p in s.children(o.i, "prep") if p.text.lower() == "by"
                   for b in s.children(p.i, "pobj") for a in s.actors_of(b.i)]
        accused = accused or [a for o in acts for c in s.children(o.i, "poss") for a in s.actors_of(c.i)]
        polarity = "hedged" if sentence_hedged else "asserted"
        out += _claims_between(s, accusers, accused, "ACCUSE", "frame:allegation", f"allegation:{n.lemma.lower()}", n,
                               polarity)
    return out


def _branding_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Washington calls Maduro a dictator", "Zelensky described Russia as a terrorist state", "called Thailand's
    move a breach of norms": naming an actor, or an actor's act, by an accusing word accuses that actor."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.branding_verbs:
            continue
        names = [*s.children(v.i, "oprd", "xcomp", "attr"), *(p for prep in s.children(v.i, "prep")
                                                           if prep.text.lower() == "as" for p in s.children(prep.i, "pobj"))]
        # the parse may hang the name on the object itself ("Thailand's move a breach": npadvmod, appos)
        # ("designated the Houthis a terrorist organization": the parser may take the branded for a dative)
        names += [n for d in s.children(v.i, "dobj", "dative") for n in s.children(d.i, "npadvmod", "appos")]
        passive = s.passive(v)
        if passive:
            names += s.children(v.i, "dobj")  # "the PKK is designated a terrorist organization by Turkey"
        # ("the Soviets called the Chinese dogmatists", parsed as one noun phrase: the name is the object's head)
        fused = [d for d in s.children(v.i, "dobj") if not names and d.i not in s.actor_at and _accusing(s, d)
                 and any(c.i in s.actor_at for c in s.children(d.i, "amod", "compound"))]
        names += fused
        # "found Moscow culpable of the attack": the parse makes a small clause of the one judged and the verdict
        verdicts = [c for c in s.children(v.i, "ccomp") if c.pos == "ADJ" and s.children(c.i, "nsubj")]
        names += verdicts
        if not any(_accusing(s, n) for n in names):
            continue
        if passive:
            branded = s.objects(v, None)
            doers = s.subjects(v) or [a for d in names for prep in s.children(d.i, "prep")
                                      if prep.text.lower() == "by" for o in s.children(prep.i, "pobj")
                                      for a in s.actors_of(o.i)]
        else:
            branded = [a for d in s.children(v.i, "dobj", "dative") for a in (
                s.actors_of(d.i) or [a for c in s.children(d.i, "poss") for a in s.actors_of(c.i)]
                or [s.actor_at[c.i] for c in s.children(d.i, "amod", "compound") if c.i in s.actor_at])]  # "the American proposal"
            branded += [a for c in verdicts if _accusing(s, c) for d in s.children(c.i, "nsubj") for a in s.actors_of(d.i)]
            doers = s.subjects(v)
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, doers, branded, "ACCUSE", "frame:branding", f"branding:{v.lemma}", v, polarity)
    return out


def _warning_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"warning that both countries will pay a high price", "Israel warned that Lebanon would be held responsible":
    a warning of what someone will suffer threatens them."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.warning_verbs:
            continue
        for c in s.children(v.i, "ccomp"):
            fated = c.lemma in s.f.warned_fates or (s.passive(c) and c.lemma == "hold") or any(
                a.lemma.lower() in ("responsible", "accountable") for a in s.children(c.i, "acomp", "oprd"))
            if not fated:
                out += _warned_strikes(s, v, c, sentence_hedged)
                continue
            warned = [a for d in s.children(c.i, "nsubj", "nsubjpass") for a in s.actors_of(d.i)]
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), warned, "THREATEN", "frame:warning", f"warning:{c.lemma}", v, polarity)
        # "Blinken warned of Russia's very provocative actions", "warned against Russian aggression": a warning
        # about someone's acts criticises them (ACCUSE); a warning given someone (an object) is the verb's own claim
        acts = [o for p in s.children(v.i, "prep") if p.text.lower() in ("of", "about", "against")
                for o in s.children(p.i, "pobj") if o.i not in s.actor_at]
        owners = [a for o in acts for a in _act_owners(s, o)]
        if owners and not s.children(v.i, "dobj"):
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), owners, "ACCUSE", "frame:warning", "warning:of-acts", v, polarity)
        # "vowed to make him pay dearly", "warned it would make Israel regret it": the one made to pay
        made = [d for c in s.children(v.i, "xcomp", "ccomp") if c.lemma == "make"
                for d in s.children(c.i, "ccomp", "xcomp") if d.lemma in s.f.warned_fates]
        warned = [a for d in made for x in s.children(d.i, "nsubj") for a in s.actors_of(x.i)]
        if warned:
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), warned, "THREATEN", "frame:warning", "warning:make-pay", v, polarity)
        # "vowed retaliation against the United States", "promised harsh punishment for Israel": whom it would fall on
        # (an actor named, not an act avenged: "revenge for the killing of Haniyeh")
        threats = [o for o in s.children(v.i, "dobj") if o.lemma.lower() in s.f.threat_nouns]
        threats += [o for p in s.children(v.i, "prep") if p.text.lower() == "of" for o in s.children(p.i, "pobj")
                    if o.lemma.lower() in s.f.threat_nouns]
        falls_on = [a for o in threats for p in [*s.children(o.i, "prep"), *s.children(v.i, "prep", "dative")]
                    if p.text.lower() in ("against", "on", "upon", "to", "toward", "towards")
                    or (p.text.lower() == "for" and o.lemma.lower() in s.f.threat_for_nouns)
                    for x in s.children(p.i, "pobj") if x.lemma.lower() not in s.f.nouns
                    and x.lemma.lower() not in s.f.voice_nouns | s.f.message_nouns
                    for a in s.actors_of(x.i)]
        if falls_on:
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), falls_on, "THREATEN", "frame:warning", "warning:threat-noun", v, polarity)
        # "warned of serious consequences if Iran does not release the tankers": a threat to whoever the condition names
        fates = [o for p in s.children(v.i, "prep") if p.text.lower() == "of" for o in s.children(p.i, "pobj")
                 if o.lemma.lower() in s.f.warned_consequences]
        conditions = [c for t in (v, *fates) for c in s.children(t.i, "advcl")
                      if any(m.text.lower() in ("if", "unless") for m in s.children(c.i, "mark"))]
        warned = [a for c in conditions for d in s.children(c.i, "nsubj", "nsubjpass") for a in s.actors_of(d.i)]
        if fates and warned:
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), warned, "THREATEN", "frame:warning", "warning:consequences", v, polarity)
    return out


def _warned_strikes(s: _Sentence, v: Token, c: Token, sentence_hedged: bool) -> list[FrameClaim]:
    """"The KPA warned that it would launch a pre-emptive strike if the U.S. showed any sign of aggression": a
    warner's own attack foretold threatens whom it would hit, or whoever the condition names."""
    entry = s.entry(c)
    hostile = (entry is not None and entry.relation == "ASSAULT") or any(
        s.f.nouns.get(d.lemma.lower()) is not None and s.f.nouns[d.lemma.lower()].relation == "ASSAULT"
        for d in s.children(c.i, "dobj"))
    warners = s.subjects(v)
    if not hostile or not warners or {a.actor for a in s.subjects(c)} != {a.actor for a in warners}:
        return []  # "warned that Russia could invade": a warning about a third, no threat
    targets = s.objects(c, entry) if entry is not None else []
    targets = targets or [a for d in s.children(c.i, "advcl") if any(m.text.lower() in ("if", "unless") for m in s.children(d.i, "mark"))
                          for x in s.children(d.i, "nsubj", "nsubjpass") for a in s.actors_of(x.i)]
    polarity, _ = s.polarity(v, sentence_hedged)
    return _claims_between(s, warners, targets, "THREATEN", "frame:warning", f"warning:{c.lemma}", v, polarity)


def _deadline_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"ECOWAS gave Niger's junta a week to reinstate Bazoum or face military intervention": a deadline set for
    someone to act asks it of them (REQUEST), and the price named threatens them."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in ("give", "set", "issue"):
            continue
        spans = [c for c in s.children(v.i, "dobj", "npadvmod") if c.lemma.lower() in _DEADLINES]
        spans += [p for p in s.children(v.i, "prep") if p.text.lower() == "until"]
        acts = [c for t in [v, *spans] for c in s.children(t.i, "relcl", "advcl", "acl", "xcomp")
                if any(a.text.lower() == "to" for a in s.children(c.i, "aux"))]
        given = [a for d in s.children(v.i, "dobj", "dative") if d.lemma.lower() not in _DEADLINES for a in s.actors_of(d.i)]
        given += [a for p in s.children(v.i, "prep", "dative") if p.text.lower() == "to" for o in s.children(p.i, "pobj")
                  for a in s.actors_of(o.i)]
        if not spans or not acts or not given:
            continue
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, s.subjects(v), given, "REQUEST", "frame:deadline", "deadline", v, polarity)
        if any(c.lemma in s.f.warned_fates for a in acts for c in s.children(a.i, "conj")):
            out += _claims_between(s, s.subjects(v), given, "THREATEN", "frame:deadline", "deadline:or-face", v, polarity)
    return out


# what a deadline is given as: "gave the junta a week", "set an ultimatum", "gave Russia until Friday"
_DEADLINES = {"day", "week", "hour", "month", "year", "deadline", "ultimatum", "time", "minute"}


def _side_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"China entered the war on the side of North Korea": siding with them; "came to South Korea's aid": aiding it."""
    out = []
    for v in s.t:
        if v.pos != "VERB":
            continue
        allies = [a for prep in s.children(v.i, "prep") if prep.text.lower() == "on"
                  for side in s.children(prep.i, "pobj") if side.lemma.lower() == "side"
                  for of in s.children(side.i, "prep") if of.text.lower() == "of"
                  for o in s.children(of.i, "pobj") for a in s.actors_of(o.i)]
        if allies:
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), allies, "COOPERATE", "frame:side", "side:on-the-side-of", v, polarity)
        # "the UN soon came to South Korea's aid", "rushed to Kuwait's defence"
        helped = [a for prep in s.children(v.i, "prep") if prep.text.lower() == "to"
                  for aid in s.children(prep.i, "pobj") if aid.lemma.lower() in _RESCUE
                  for c in s.children(aid.i, "poss") for a in s.actors_of(c.i)]
        if helped and v.lemma in ("come", "rush", "hurry", "spring", "leap", "go", "move", "race"):
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, s.subjects(v), helped, "AID", "frame:side", "side:to-the-aid-of", v, polarity)
    return out


_RESCUE = {"aid", "assistance", "rescue", "defence", "defense", "help", "support"}


def _companion_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"The Houthis, along with forces loyal to Saleh, launched an offensive": the two act together (COOPERATE)."""
    out = []
    for v in s.t:
        if v.pos != "VERB":
            continue
        partners = s.companions(v)
        doers = s.subjects(v) if partners else []
        if doers:
            polarity, _ = s.polarity(v, sentence_hedged)
            out += _claims_between(s, doers, partners, "COOPERATE", "frame:companion", "companion:along-with", v, polarity)
            out += _claims_between(s, partners, doers, "COOPERATE", "frame:companion", "companion:along-with", v, polarity)
    return out


def _ally_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Iran, an ally of Syria", "Washington's Gulf allies, Saudi Arabia and the UAE", "Iran is Syria's closest
    ally": the two cooperate, both ways; "became Israel's principal arms supplier": one helps the other."""
    out = []
    for n in s.t:
        relation = s.f.ally_nouns.get(n.lemma.lower()) if n.pos == "NOUN" else None
        if relation is None or any(
                c.lemma.lower() in _FORMER for c in s.children(n.i, "amod")):
            continue
        owners = [a for c in s.children(n.i, "poss") for a in s.actors_of(c.i)]
        if not owners and n.dep == "conj" and any(c.text.lower() in ("their", "its") for c in s.children(n.i, "poss")):
            owners = s._actors_here(n.head, 0)  # "Ethiopian troops and their Eritrean allies"
        owners += [a for p in s.children(n.i, "prep") if p.text.lower() == "of" for o in s.children(p.i, "pobj")
                   for a in s.actors_of(o.i)]
        allies = [s.actor_at[c.i] for c in s.children(n.i, "amod", "compound") if c.i in s.actor_at]
        allies += [a for c in s.children(n.i, "appos") for a in s.actors_of(c.i)]
        up = s.head(n.i)
        polarity = "hedged" if sentence_hedged else "asserted"
        if up is not None and n.dep == "appos":
            # "Iran, an ally of Syria" (not the others listed with Iran: "Iran, Syria's closest ally, and Russia")
            allies += [s.actor_at[up.i]] if up.i in s.actor_at else s.actors_of(up.i)
        elif up is not None and n.dep == "attr" and up.lemma in ("be", "remain", "become"):
            allies += s.subjects(up)  # "Iran is Syria's closest ally"
            polarity, _ = s.polarity(up, sentence_hedged)
        if owners and allies:
            out += _claims_between(s, allies, owners, relation, "frame:ally", f"ally:{n.lemma.lower()}", n, polarity)
            if relation == "COOPERATE":  # allies are each other's
                out += _claims_between(s, owners, allies, relation, "frame:ally", f"ally:{n.lemma.lower()}", n, polarity)
    return out


def _membership_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"a coalition led by Saudi Arabia (consisting of the UAE, Egypt and Sudan)", "the Saudi-led coalition, which
    includes the UAE", "NATO, an alliance of 30 states including Turkey": each one named is a member of the body."""
    out = []
    for n in s.t:
        body = s.actor_at.get(n.i)
        if body is None or s.rules.actors[body.actor].type not in ("organisation", "group", "military_unit"):
            continue
        heads = [n, *(c for c in s.children(n.i, "appos") if c.i not in s.actor_at)]  # "NATO, an alliance of ..."
        listed = [x for h in heads for c in s.children(h.i, "acl", "relcl") if c.lemma in s.f.membership_verbs
                  for x in [*s.children(c.i, "dobj"),
                            *(o for t in [c, *s.children(c.i, "prt")] for p in s.children(t.i, "prep")
                              if p.text.lower() == "of" for o in s.children(p.i, "pobj"))]]
        listed += [o for h in heads for p in s.children(h.i, "prep") if p.text.lower() == "including"
                   for o in s.children(p.i, "pobj")]
        listed += [o for h in heads[1:] if h.lemma.lower() in s.f.collective_bodies for p in s.children(h.i, "prep")
                   if p.text.lower() == "of" for o in s.children(p.i, "pobj")]  # "an alliance of 30 states including Turkey"
        # (bodies, not the people a group is "composed mostly of Tutsi refugees")
        # (a state joins organisations, no rebel group: "the Houthis, who seized provinces, including the capital")
        # "the NDF, the largest organization of contras fighters": fighters of a group make a body of that group
        fighters = [x for x in listed if x.i not in s.actor_at and (x.lemma.lower() in s.f.member_nouns
                                                                   or x.lemma.lower() in s.f.armed_nouns)]
        wholes = [a for x in fighters for a in s.actors_of(x.i) if a.actor != body.actor
                  and s.rules.actors[a.actor].type in ("group", "organisation")]
        listed = [x for x in listed if x not in fighters]
        out += _claims_between(s, [body], list({a.actor: a for a in wholes}.values()), "MEMBER_OF", "frame:membership",
                               "membership", n, "hedged" if sentence_hedged else "asserted")
        members = [a for x in listed for a in s.actors_of(x.i) if a.actor != body.actor
                   and (s.rules.actors[a.actor].type in ("organisation", "military_unit")
                        or s.rules.actors[a.actor].type == "state" and s.rules.actors[body.actor].type == "organisation"
                        or s.rules.actors[a.actor].type == "group" and s.rules.actors[a.actor].listed)]
        polarity = "hedged" if sentence_hedged else "asserted"
        out += _claims_between(s, list({a.actor: a for a in members}.values()), [body], "MEMBER_OF", "frame:membership",
                               "membership", n, polarity)
    return out


def _mediation_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"talks in Moscow mediated by Russia", "a Russia-brokered ceasefire", "talks under the mediation of Saudi
    Arabia": the mediator deals with each party (CONSULT); the parties are named "between" or do what the talks
    are part of ("Armenia and Azerbaijan reached an agreement during talks mediated by Russia")."""
    out = []
    for n in s.t:
        if n.pos != "NOUN" or (n.lemma.lower() not in s.f.mediated_nouns and n.text.lower() not in s.f.mediated_nouns):
            continue
        mediators = [a for c in s.children(n.i, "acl") if c.lemma in s.f.mediating_verbs and c.tag == "VBN"
                     for by in s.children(c.i, "agent") for p in s.children(by.i, "pobj") for a in s.actors_of(p.i)]
        for c in s.children(n.i, "amod"):  # "a Russia-brokered ceasefire", "the Qatari-mediated talks"
            prefix, _, word = c.text.lower().rpartition("-")
            if word in s.f.mediating_participles:
                mediators += [s.actor_at[c.i]] if prefix and c.i in s.actor_at else [
                    s.actor_at[g.i] for g in s.children(c.i, "npadvmod", "compound", "amod") if g.i in s.actor_at]
        mediators += [a for p in s.children(n.i, "prep") if p.text.lower() in ("under", "with", "through")
                      for o in s.children(p.i, "pobj") if o.lemma.lower() in s.f.mediation_words
                      for q in s.children(o.i, "prep") if q.text.lower() in ("of", "by")
                      for r in s.children(q.i, "pobj") for a in s.actors_of(r.i)]
        if not mediators:
            continue
        parties = [a for p in s.children(n.i, "prep") if p.text.lower() == "between"
                   for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)]
        up = n
        while not parties and up.dep in ("dobj", "pobj", "prep", "nsubjpass") and s.head(up.i) is not None:
            up = s.head(up.i)
            if up.pos == "VERB":
                parties = s.subjects(up)
        polarity = "hedged" if sentence_hedged else "asserted"
        out += _claims_between(s, list({a.actor: a for a in mediators}.values()),
                               [a for a in {a.actor: a for a in parties}.values()
                                if a.actor not in {m.actor for m in mediators}],
                               "CONSULT", "frame:mediation", f"mediation:{n.lemma.lower()}", n, polarity)
    for v in s.t:
        # "Egypt and Qatar are mediating between Israel and Hamas": the mediators deal with each party
        if v.pos != "VERB" or v.lemma not in s.f.mediating_verbs or s.passive(v):
            continue
        parties = [a for t in [v, *s.children(v.i, "dobj")] for p in s.children(t.i, "prep") if p.text.lower() == "between"
                   for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)]
        if len({a.actor for a in parties}) < 2:
            continue
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, s.subjects(v), list({a.actor: a for a in parties}.values()), "CONSULT",
                               "frame:mediation", f"mediation:{v.lemma}", v, polarity)
    return out


def _pitting_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"a conflict pitting federal forces against the TPLF", "the war pitted Iran against Iraq": a fight both ways."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in s.f.pitting_verbs:
            continue
        sides = [a for d in s.children(v.i, "dobj", "nsubjpass") for a in s.actors_of(d.i)]
        # ("pitting federal forces and their allies against the TPLF": "against" may hang on the last side)
        holders = [v, *(x for d in s.children(v.i, "dobj", "nsubjpass") for x in [d, *s.children(d.i, "conj")])]
        foes = [a for h in holders for p in s.children(h.i, "prep") if p.text.lower() == "against"
                for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)]
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, sides, foes, "ASSAULT", "frame:pitting", f"pitting:{v.lemma}", v, polarity)
        out += _claims_between(s, foes, sides, "ASSAULT", "frame:pitting", f"pitting:{v.lemma}", v, polarity)
    return out


def _accusing(s: _Sentence, n: Token) -> bool:
    """Whether a name given is an accusing one: "a dictator", "a terrorist state", "a breach of norms"."""
    # ("called Khrushchev a rebel and lunatic": any of the names given)
    words = [n, *s.children(n.i, "amod", "compound"), *(c for c in s.children(n.i, "conj") if c.pos in ("NOUN", "ADJ"))]
    return any(w.lemma.lower() in s.f.accusatory_nouns or w.text.lower() in s.f.accusatory_nouns for w in words)


def _claims_between(s: _Sentence, doers: list[ActorMention], targets: list[ActorMention], relation: str, rule: str,
                    predicate: str, word: Token, polarity: str) -> list[FrameClaim]:
    """One claim per doer and target that are not one side, quoted from the first of them to the last."""
    return [FrameClaim(a, b, relation, rule, predicate, min(a.start, b.start, word.start), max(a.end, b.end, word.end),
                       polarity)
            for a in doers for b in targets if a.actor != b.actor and not _own_side(a, b, s.rules, relation)]


def _blame_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"China said Vietnam was to blame", "Indian troops are responsible for the latest escalation, Zhang said",
    "Beijing says Washington is behind the unrest": the speaker accuses whoever the clause blames."""
    out = []
    for v in s.t:
        up = s.head(v.i)
        if v.lemma != "be" or v.dep != "ccomp" or up is None or up.lemma not in s.f.speech:
            continue
        blamed = any(c.lemma == "blame" and any(a.text.lower() == "to" for a in s.children(c.i, "aux"))
                     for c in s.children(v.i, "xcomp"))
        things = [o for c in s.children(v.i, "acomp") if c.lemma.lower() in ("responsible", "culpable", "guilty")
                  for p in s.children(c.i, "prep") if p.text.lower() in ("for", "of") for o in s.children(p.i, "pobj")]
        things += [o for p in s.children(v.i, "prep") if p.text.lower() == "behind" for o in s.children(p.i, "pobj")]
        if not blamed and not any(o.lemma.lower() in s.f.blamed_things or (
                o.lemma.lower() in s.f.nouns and s.f.nouns[o.lemma.lower()].relation in _HOSTILE_ACTS + ("ASSAULT",))
                for o in things):
            continue  # "X is responsible for the talks" blames no one
        speakers = [a for c in s.children(up.i, "nsubj") for a in s.actors_of(c.i)]
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, speakers, s.subjects(v), "ACCUSE", "frame:blame", "blame", v, polarity)
    return out


def _at_war_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Russia and Georgia were at war", "Georgia remained at war with Russia": each fights the other."""
    out = []
    for v in s.t:
        if v.lemma not in _BEING_IN:
            continue
        wars = [o for p in s.children(v.i, "prep") if p.text.lower() == "at" for o in s.children(p.i, "pobj")
                if o.lemma.lower() == "war"]
        if not wars:
            continue
        sides = s.subjects(v)
        foes = [a for t in (v, wars[0]) for p in s.children(t.i, "prep") if p.text.lower() == "with"
                for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)]
        if not foes and 2 <= len({a.actor for a in sides}) <= 3:
            foes = sides
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, sides, foes, "ASSAULT", "frame:at-war", "at-war", v, polarity)
        if foes is not sides:
            out += _claims_between(s, foes, sides, "ASSAULT", "frame:at-war", "at-war", v, polarity)
    return out


def _called_for_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Washington called for Rwanda to withdraw its troops": asking for someone to act asks it of them."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or s.f.complements.get(v.lemma) != "REQUEST":
            continue
        asked = [a for c in s.children(v.i, "advcl", "ccomp", "xcomp")
                 if any(m.text.lower() == "for" for m in s.children(c.i, "mark"))
                 and any(x.text.lower() == "to" for x in s.children(c.i, "aux"))
                 for n in s.children(c.i, "nsubj") for a in s.actors_of(n.i)]
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, s.subjects(v), asked, "REQUEST", "frame:called-for", f"called-for:{v.lemma}", v,
                               polarity)
    return out


def _fought_between_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"an engagement fought between China and South Vietnam", "The Ogaden War, which erupted between Somalia and
    Ethiopia": a fight between sides is each one's against the other."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma not in _FIGHTING_VERBS or s.subjects(v):
            continue
        held = s.head(v.i) if v.dep in ("acl", "relcl") else None
        fight = held if held is not None else next(iter(s.children(v.i, "nsubj", "nsubjpass")), None)
        if v.lemma != "fight" and (fight is None or (fight.lemma.lower() not in s.f.reciprocal_nouns
                                                     and fight.text.lower() != "war")):
            continue  # "talks broke out between ..." is no fight; "fighting erupted between ..." is
        sides = list({a.actor: a for p in s.children(v.i, "prep") if p.text.lower() == "between"
                      for o in s.children(p.i, "pobj") for a in s.actors_of(o.i)}.values())
        if not 2 <= len(sides) <= 3:
            continue
        polarity, _ = s.polarity(v, sentence_hedged)
        out += [c for a in sides for c in _claims_between(s, [a], [b for b in sides if b.actor != a.actor], "ASSAULT",
                                                         "frame:between", f"fought-between:{v.lemma}", v, polarity)]
    return out


_RULE_NOUNS = {"leadership", "command", "rule", "presidency", "premiership", "direction", "reign", "regime", "government"}
_FIGHTING_VERBS = {"fight", "erupt", "rage", "flare", "break", "wage", "escalate", "resume", "continue", "intensify"}


def _phone_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"Kim Il Sung called Mao Zedong on June 30": one person calling another with nothing said of him ("called
    Putin a killer", "called him to say") telephones him (CONSULT)."""
    out = []
    for v in s.t:
        if v.pos != "VERB" or v.lemma != "call" or s.passive(v) or s.particles(v) or s.children(
                v.i, "oprd", "xcomp", "ccomp", "attr", "acomp", "dative") or len(s.children(v.i, "dobj")) != 1 or any(
                p.text.lower() in ("for", "as") or p.text.lower() in ("on", "upon") and not any(
                    o.lemma.lower() in _CALENDAR or o.tag == "CD" for o in s.children(p.i, "pobj"))
                for p in s.children(v.i, "prep")):
            continue  # ("called on X to", but "called X on June 30")
        people = [a for a in s.actors_of(s.children(v.i, "dobj")[0].i) if s.rules.actors[a.actor].type == "person"]
        callers = [a for a in s.subjects(v) if s.rules.actors[a.actor].type == "person"]
        polarity, _ = s.polarity(v, sentence_hedged)
        out += _claims_between(s, callers, people, "CONSULT", "frame:phone", "phone:call", v, polarity)
    return out


def _message_claims(s: _Sentence, sentence_hedged: bool) -> list[FrameClaim]:
    """"In a letter to Y, X said ...", "In a message sent to Y, X ...", "in a phone call with Y": X
    addresses Y (CONSULT), whatever X goes on to say."""
    out = []
    for n in s.t:
        up = s.head(n.i)
        if n.lemma.lower() not in s.f.message_nouns or n.dep != "pobj" or up is None or up.text.lower() != "in":
            continue
        verb = s.head(up.i)
        if verb is None or verb.pos not in ("VERB", "AUX"):
            continue
        preps = [*s.children(n.i, "prep"), *(p for c in s.children(n.i, "acl") for p in s.children(c.i, "prep"))]
        to = [a for p in preps if p.text.lower() in ("to", "with") for o in s.children(p.i, "pobj")
              for a in s.actors_of(o.i)]
        polarity, _ = s.polarity(verb, sentence_hedged)
        out += _claims_between(s, s.subjects(verb), to, "CONSULT", "frame:message", f"message:{n.lemma.lower()}", n,
                               polarity)
    return out


def _regime_claims(s: _Sentence, year: int | None) -> list[FrameClaim]:
    """"the Imre Nagy regime of Hungary", "the puppet regime of Syngman Rhee in South Korea", "the Hadi
    government": the person heads the government of the state named with it (or of the state whose
    government he headed that year)."""
    out = []
    actors = s.rules.actors
    for t in s.t:
        if t.pos != "NOUN" or t.lemma.lower() not in s.f.regime_nouns:
            continue
        named = [a for c in s.children(t.i, "compound", "poss", "amod") for a in s.actors_of(c.i)]
        for prep in s.children(t.i, "prep"):
            if prep.text.lower() in ("of", "in"):
                for p in s.children(prep.i, "pobj"):
                    named += s.actors_of(p.i)
                    # "the regime of Syngman Rhee in South Korea": the place may hang from the name
                    named += [a for q in s.children(p.i, "prep") if q.text.lower() == "in"
                              for x in s.children(q.i, "pobj") for a in s.actors_of(x.i)]
        persons = [a for a in named if actors[a.actor].type == "person"]
        states = [a for a in named if actors[a.actor].type == "state"]
        for person in persons[:1]:
            if not states:
                # the state whose government he headed that year (in a text of no year, the one he ever
                # headed: "Mr Maduro's government")
                held = sorted({_of_its_time(r.actor, year, actors) if year is not None else r.actor
                               for r in (*actors[person.actor].represents, *actors[person.actor].roles)
                               if (year is None or r.start <= year <= r.end) and getattr(r, "sector", "GOV") in ("GOV", None)})
                states = [ActorMention(h, person.start, person.end, person.surface, person.sentence, "role")
                          for h in held[:1]] if len(held) == 1 else []
            for st in states[:1]:
                out.append(FrameClaim(person, st, "LEADER_OF", "frame:regime", "leaderOf",
                                      min(person.start, st.start, t.start), max(person.end, st.end, t.end), "asserted"))
    return out


def _of_its_time(actor: str, year: int, actors) -> str:
    """The actor a state was in that year: the dictionaries code Khrushchev's office as Russia's, which
    in 1959 is the Soviet Union."""
    for w in actors[actor].was if actor in actors else ():
        if not w.names and w.start <= year <= w.end:
            return w.actor
    return actor


def _named_body(s: _Sentence, word) -> bool:
    """"the Wefaq party", "the Likud party": the sub-body word names a listed body, which the title then serves."""
    return any(c.i in s.actor_at and s.rules.actors[s.actor_at[c.i].actor].type in ("group", "organisation")
               for c in s.children(word.i, "compound"))


def _title_words(s: _Sentence, title) -> list:
    """The words that qualify a title, down its chain of modifiers ("Turkish Economy Minister")."""
    words, todo = [], [title]
    while todo:
        for c in s.children(todo.pop().i, "compound", "amod", "nmod"):
            if c.i not in s.actor_at and c.lemma not in ("then", "former", "late"):
                words.append(c)
                todo.append(c)
    return sorted(words, key=lambda t: t.i)


def governed_states(parse: Parse, actors: list[ActorMention], rules: Rules) -> list[str]:
    """The states a sentence names as governed: owners of a government noun ("Burkina Faso's junta", "the
    Malian government"), in the order named."""
    if rules.frames is None:
        return []
    s = _Sentence(parse, actors, rules)
    return [s.actor_at[c.i].actor for t in s.t if t.pos == "NOUN" and t.lemma.lower() in rules.frames.government_nouns
            for c in s.children(t.i, "poss", "amod", "compound") if c.i in s.actor_at
            and rules.actors[s.actor_at[c.i].actor].type == "state"]
