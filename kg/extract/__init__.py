"""Extract actors, events and claims from one document: the same document and rules give the same result."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.documents import Document
from kg.extract.discover import (discover, group_actors, led_bodies, listed_surnames, ministry_actors,
                                 surnamed_leaders, titled_persons, unknown_capitals)
from kg.extract.frames import frame_claims, governed_states, one_side, parse_vetoes, resolve_pronouns
from kg.extract.parse import Parse, parse_many, parse_sentences
from kg.extract.actors import actor_mentions, perspective_of
from kg.extract.attribution import Speaker, attribution
from kg.extract.masking import mask, shared_subject_views, acts_in_match
from kg.extract.normalize import restore, view_document
from kg.extract.model import ActorMention, Claim, EventMention, Extraction, Mention, Quantity, Sentence
from kg.extract.patterns import Where, claims_from_match, mentions_for, overlapping, why_no_claim
from kg.extract.prefilter import folded, may_match
from kg.extract.references import as_of, leader_of, names_of_the_texts_states, part_named, resolve_first_person
from kg.extract.sentences import sentences_of, split_sentences
from kg.rules import Represents, Rules

__all__ = ["ActorMention", "Claim", "EventMention", "Extraction", "Mention", "Quantity", "Sentence", "extract",
           "extract_many",
           "mask", "sentences_of", "split_sentences"]


def _parse_plan(doc: Document, sentences: list[Sentence], actors: list[ActorMention], rules: Rules
                ) -> tuple[list[Sentence], set[int]]:
    """The sentences worth parsing (two candidate actors, or a name no list knows: NER may find an actor
    the rest of the document then names), and those of them that need NER."""
    by_sentence: dict[int, list[ActorMention]] = {}
    for am in actors:
        by_sentence.setdefault(am.sentence, []).append(am)
    titles = frozenset(w for t in rules.frames.leader_titles for w in t.split()) | set(rules.role_titles)
    group_words = _group_words(rules)
    plan, ner = [], set()
    for sent in sentences:
        if sent.repeated:
            continue
        here = by_sentence.get(sent.index, [])
        unknown = unknown_capitals(doc.text, sent, here, titles | rules.frames.not_names, rules.frames.places,
                                   listed_surnames(rules))
        opener = _PEOPLE_OPENER.match(doc.text, sent.start, sent.end)
        if opener and opener.group(2) in group_words and not any(a.start <= opener.start(1) < a.end for a in here):
            unknown += 1  # "Kurdish fighters attacked ...": a people NER may name, though it opens the sentence
        # a claim needs two actors: listed ones (pronouns resolved), names NER may find, or a group
        # named by its agent noun ("protesters", "rebels"); an unknown name is worth NER on its own
        words = set(re.findall(r"[a-z]+", doc.text[sent.start:sent.end].lower()))
        groups = min(2, len(group_words & words))  # "security forces killed 12 militants": two of them
        # "Western leaders condemned the strike": one actor and an act told before
        anaphor = bool(here) and bool({w.removesuffix("s") for w in words} & rules.frames.event_anaphors) \
            and bool(words & _DEFINITE)
        # a known town is a second candidate: an attack on it is one on its state ("missiles struck Kharkiv")
        caps = [m.group(0).rstrip(".") for m in _CAPITALISED_WORD.finditer(doc.text, sent.start, sent.end)]
        town = bool(here) and any(w in rules.frames.places or f"{w} {nxt}" in rules.frames.places
                                  for w, nxt in zip(caps, [*caps[1:], ""]))
        if unknown or len({a.actor for a in here}) + groups + anaphor + town >= 2:
            if unknown:
                ner.add(len(plan))
            plan.append(sent)
    return plan, ner


_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*")
_PEOPLE_OPENER = re.compile(r"[\s\"“‘'(]*([A-Z][a-z]+)\s+([a-z]+)")
_DEFINITE = frozenset({"the", "this", "that", "these", "such"})


# a person's life dates in brackets: "(1898–1976)", "(b. 1946)"; a war's "(1950–1953)" stays a time
_LIFE_DATES = re.compile(r"\((?:b\.\s*(\d{4})|(\d{4})\s*[–-]\s*(\d{4}))\)")


# a year that names a past event or where a state of things began is no time of the sentence, nor of those after
# it: "closed since the 1967 six-day war", "the Sino-Indian War of 1962", "British since 1833" (a decade is a
# time: "in the 1950s"; a month's year is a date: "in March of 1950")
_BACKGROUND_YEAR = re.compile(
    r"\b(?:since (?:the )?|the )(?:1[6-9]\d\d|20\d\d)(?=[ -][A-Za-z])"
    r"|\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][a-z]+ of (?:1[6-9]\d\d|20\d\d)\b(?!s)"
    r"|\bsince (?:1[6-9]\d\d|20\d\d)\b(?!s)")


def _sentence_year(dated: str, rules: Rules) -> int | None:
    """The year a sentence speaks of: the first it names that is no background."""
    ym = rules.year.search(_BACKGROUND_YEAR.sub(lambda m: " " * len(m.group(0)), dated))
    return int(ym.group(1)) if ym else None


def _blank_life_dates(m: re.Match) -> str:
    lifetime = m.group(1) or int(m.group(3)) - int(m.group(2)) >= 20
    return " " * len(m.group(0)) if lifetime else m.group(0)


def _speaks_for(person: str, body: str, year: int | None, rules: Rules) -> None:
    """"Ukrainian President Volodymyr Zelenskyy": in this document he acts for Ukraine (as `represents`
    says for the gazetteer's leaders), unless a term of office is known already."""
    actor = rules.actors.get(person)
    if actor is None or actor.type != "person" or actor.represents or actor.roles or rules.actors[body].type == "person":
        return
    span = (year, year) if year is not None else (-10000, 10000)
    rules.actors[person] = replace(actor, represents=(Represents(body, *span),))


def _leaders_speak_for_their_bodies(mentions, sentence: int, year: int | None, rules: Rules) -> None:
    for m in list(mentions):
        if m.sentence == sentence and m.claim.relation == "LEADER_OF" and not m.claim.negated:
            _speaks_for(m.claim.subject, m.claim.object, year, rules)


def _plan(doc: Document, rules: Rules) -> tuple[list[Sentence], set[int], tuple]:
    """The sentences to parse, those to run NER on, and what was found on the way (for _extract)."""
    sentences = sentences_of(doc)
    perspective = perspective_of(doc, rules)
    found = actor_mentions(doc, sentences, rules, perspective)
    return (*_parse_plan(doc, sentences, found[0], rules), (sentences, perspective, found))


_GROUP_WORDS: dict[str, frozenset[str]] = {}


def _group_words(rules: Rules) -> frozenset[str]:
    """Plural agent nouns of the sectors that are groups of their own (protesters, rebels, militants)."""
    if rules.digest not in _GROUP_WORDS:
        nouns = {n for n, sector in rules.frames.agents.items()
                 if sector not in rules.frames.state_sectors and " " not in n}
        armed = {n + "s" for n in rules.frames.armed_nouns} | {"militiamen", "gunmen", "armies"}
        # the singular too: "bombed rebel positions" names the rebels by the places they hold
        # and the words for a state's own people ("Police killed five people in Nairobi")
        _GROUP_WORDS[rules.digest] = frozenset({n + "s" for n in nouns} | nouns | {"opposition", "ministry"} | armed
                                               | rules.frames.home_nouns | {"police"})
    return _GROUP_WORDS[rules.digest]


def extract_many(docs: list[Document], rules: Rules, *, parse: bool = True) -> list[Extraction]:
    """extract() for several documents, with the sentences they need parsed sent through the parser
    together (the parser is several times faster on full batches)."""
    if not parse or rules.frames is None:
        return [extract(d, rules, parse=False) for d in docs]
    viewed = [view_document(d) for d in docs]
    plans = [_plan(v, rules) for v, _ in viewed]
    parsed = parse_many([(v.text, [(x.start, x.end) for x in plan], ner) for (v, _), (plan, ner, _) in zip(viewed, plans)])
    return [restore(_extract(v, rules, parses={x.index: p for x, p in zip(plan, done)}, planned=planned), d, view)
            for d, (v, view), (plan, _, planned), done in zip(docs, viewed, plans, parsed)]


def extract(doc: Document, rules: Rules, *, trace: bool = False, parse: bool = True,
            parses: dict[int, Parse] | None = None) -> Extraction:
    """Every actor, event and claim mention of one document (nothing written, nothing shared between documents).

    parse: run the parser (frames over sentence structure, NER for unlisted actors) besides the patterns;
    parses: those parses already made (extract_many), by sentence index, on the normal view of the text.
    Matching runs on the normal view of the text (kg.extract.normalize) and every span is mapped back to
    doc.text, except with trace: the trace's masks and slots are on the view, so everything stays there
    (the extraction's document is then the view)."""
    viewed, view = view_document(doc)
    ex = _extract(viewed, rules, trace=trace, parse=parse, parses=parses)
    return ex if trace else restore(ex, doc, view)


def _extract(doc: Document, rules: Rules, *, trace: bool = False, parse: bool = True,
             parses: dict[int, Parse] | None = None, planned: tuple | None = None) -> Extraction:
    # planned: the sentences, perspective and mentions _plan found on this same text with these rules
    if planned is None:
        sentences = sentences_of(doc)
        perspective = perspective_of(doc, rules)
        planned = (sentences, perspective, actor_mentions(doc, sentences, rules, perspective))
    sentences, perspective, (actors, events, pending) = planned
    datelined = [am for am in actors if am.sentence < 0]  # named where a story was filed: in no claim
    actors = [am for am in actors if am.sentence >= 0]
    discovered: dict = {}
    if parse and rules.frames is not None:
        # this document's own facts (its actors, who leads what) go into its own copy of the gazetteer
        rules = replace(rules, actors=dict(rules.actors))
        if parses is None:
            plan, ner = _parse_plan(doc, sentences, actors, rules)
            done = parse_sentences(doc.text, [(x.start, x.end) for x in plan], ner)
            parses = {sent.index: p for sent, p in zip(plan, done)}
        years = sorted({int(y) for y in rules.year.findall(doc.text[doc.body_start:])}
                       | ({int(doc.date[:4])} if doc.date else set()))
        discovered, names = discover(doc.text, parses, actors, rules, years)
        named_groups = frozenset(n for n, found in names.items() for kind, i in found
                                 if kind == "actor" and i in discovered and discovered[i].type in ("group", "organisation"))
        groups, group_names = group_actors(doc.text, parses, actors, rules, named_groups, doc.sha256[:10])
        ministries, ministry_names = ministry_actors(doc.text, parses, actors, rules)
        coalitions, coalition_names = led_bodies(doc.text, parses, actors, rules)
        discovered = {**groups, **discovered, **ministries, **coalitions}
        names = {**surnamed_leaders(doc.text, doc.body_start, years, rules),
                 **titled_persons(doc.text, doc.body_start, years, rules), **group_names, **names, **ministry_names,
                 **coalition_names}
        if discovered or names:
            # the document's own actors join the gazetteer for this document, so pronouns, short
            # names and the patterns treat them like listed ones
            rules.actors.update(discovered)
            actors, events, pending = actor_mentions(doc, sentences, rules, perspective, names)
            actors = [am for am in actors if am.sentence >= 0]
    parses = parses if parse and rules.frames is not None else {}
    by_sentence: dict[int, list[ActorMention]] = {}
    for am in actors:
        by_sentence.setdefault(am.sentence, []).append(am)
    events_by_sentence: dict[int, list[EventMention]] = {}
    for em in events:
        events_by_sentence.setdefault(em.sentence, []).append(em)
    pending_by_sentence: dict[int, list] = {}
    for p in pending:
        pending_by_sentence.setdefault(p[4], []).append(p)

    mentions: dict[tuple[str, int], Mention] = {}
    all_actors: list[ActorMention] = []
    traces: list[dict] = []
    last_speaker: Speaker | None = None
    anchor_year: int | None = None
    paragraph_event: tuple[int, str] | None = None
    last_person: str | None = None
    renamed: dict[str, str] = {}  # names of their time met so far: soviet_union -> russia in a 2024 text
    untargeted: dict[int, list[tuple[str, str, None]]] = {}  # per sentence: acts with a doer and no actor hit
    # the time a text speaks in: its date, else the middle of the years it names (a 2021 report that
    # recalls 2014 is in the 2010s; a history of the 1950s that ends with 2005 is still in the 1950s)
    named_years = sorted(int(y) for y in rules.year.findall(doc.text[doc.body_start:]))
    text_year = int(doc.date[:4]) if doc.date else (named_years[len(named_years) // 2] if named_years else None)
    undated = names_of_the_texts_states(actors, rules) if text_year is None else {}
    named_actors = {am.actor for am in actors}
    # (as the text means them: "Moscow" in a text of no time is Russia)
    named_states = {undated.get(am.surface, am.actor) for am in actors if rules.actors[am.actor].type == "state"}
    # (and the states of the persons it names: "British marines could withdraw. Nasser ordered government troops"
    # is no text of one state)
    named_states |= {rules.actors[am.actor].country for am in actors if rules.actors[am.actor].type == "person"
                     and rules.actors[am.actor].country in rules.actors}
    home = next(iter(named_states)) if len(named_states) == 1 else None  # whose unnamed police and troops are
    governing: tuple[str, int] | None = None  # the state whose government was named last, and where
    known_services: set[tuple[str, str]] = set()  # (service, state) pairs already said
    for sent in sentences:
        stext = doc.text[sent.start:sent.end]
        sent_events = [em.event for em in events_by_sentence.get(sent.index, [])]
        dated = _LIFE_DATES.sub(_blank_life_dates, stext)  # "Zhou Enlai (1898–1976)" is no time of the sentence
        # (in a text of no date a background year still dates the sentence that names it, but is not carried on)
        own_year = _sentence_year(dated, rules)
        ym = rules.year.search(dated)
        year = own_year or (int(ym.group(1)) if ym and not doc.date else None)
        if paragraph_event and paragraph_event[0] != sent.paragraph:
            paragraph_event = None
        time_anchor = (year or (rules.events[sent_events[0]].start if sent_events else None) or anchor_year
                       or text_year)
        # what a name meant then goes by the sentence's own years (or its event), not a year carried
        # over from earlier sentences, and only when they all fall on the same side
        own_years = [int(y) for y in rules.year.findall(dated)] or (
            [rules.events[sent_events[0]].start] if sent_events and rules.events[sent_events[0]].start else [])
        if not own_years and doc.date and anchor_year is not None and abs(anchor_year - text_year) > 5:
            # a history retold on a later page ("In 1904 ... Japan attacked Port Arthur" on a page of 1921, or of
            # 2018): its narrative's time names its states (the Empire of Japan), not the page's
            own_years = [anchor_year]
        if not own_years and text_year is not None and (anchor_year is None or (
                doc.date and abs(anchor_year - text_year) <= 5)):
            # a text that has named no year yet speaks of its own time: "Moscow" in a 2024 report is Russia;
            # so does a dated one after a year of its own time ("1956: Hungary falls ... Russia claimed"), but
            # not a history retold ("the Kremlin" after "In 1961" on a page of 2018 is still the Soviet one)
            own_years = [text_year]
        here = by_sentence.get(sent.index, [])
        timed = [as_of(am, own_years, rules, time_anchor) for am in here]
        timed = [part_named(am, own_years or ([time_anchor] if time_anchor else []), named_actors, rules)
                 for am in timed]
        if not own_years and time_anchor is None:
            timed = [replace(am, actor=undated[am.surface]) if am.surface in undated else am for am in timed]
        renamed = {**renamed, **{a.actor: b.actor for a, b in zip(here, timed) if a.actor != b.actor}}
        # "Moscow denied that it had supplied": the pronoun means what its antecedent meant then
        timed = [replace(b, actor=renamed.get(b.actor, b.actor)) if b.resolution in ("pronoun", "role") else b
                 for b in timed]
        sent_actors = [leader_of(am, doc.text, time_anchor, rules) for am in timed]
        if sent.index in parses:
            sent_actors = resolve_pronouns(parses[sent.index], sent_actors, rules)
        all_actors.extend(sent_actors)
        first = mask(doc.text, sent, sent_actors, rules)
        speaker = attribution(first, rules, last_speaker, last_person)
        fp = resolve_first_person(pending_by_sentence.get(sent.index, []), sent, doc, rules, perspective, speaker)
        all_actors.extend(fp)
        masked = mask(doc.text, sent, sent_actors + fp, rules) if fp else first
        if fp:
            speaker = attribution(masked, rules, last_speaker, last_person)
        tried: list[dict] = []
        if not sent.repeated and len(masked.slots) >= 1:
            for view, subject_at in [(masked, None), *shared_subject_views(masked, rules)]:
                view_folded = folded(view.text)
                # a claim needs two actors, unless the pattern supplies the object ("Kosygin, the premier")
                for pat in (rules.patterns if len(masked.slots) > 1 else [p for p in rules.patterns if p.object_is]):
                    if not may_match(pat.regex, view_folded):
                        continue  # a word the pattern needs is not in the sentence
                    ends: set[int] = set()
                    for m in overlapping(pat.regex, view.text):
                        # a later start that ends where an earlier claim ended is a suffix of it: "Mao trained
                        # in the Soviet Union and fought with Germany" is Mao's act, not the Soviet Union's
                        if m.end() in ends:
                            continue
                        if subject_at is not None and not acts_in_match(m, subject_at):
                            continue  # on a view, only the joined subject and its later verb count
                        via = "" if subject_at is None else "+shared-subject"
                        got = claims_from_match(pat, m, view, rules, speaker, sent, doc, sent_events, year,
                                                 paragraph_event[1] if paragraph_event else None, time_anchor, via)
                        # "President Truman ordered American forces to ...": a person's act on his own side is none
                        got = [x for x in got if x.claim.relation in ("LEADER_OF", "MEMBER_OF")
                               or not one_side(x.claim.subject, x.claim.object, rules, x.claim.relation)]
                        tried.append({"rule": pat.id + via,
                                      "span": (m.start(), m.end()), "claims": len(got),
                                      "produced": [(x.claim.subject, x.claim.relation, x.claim.object,
                                                    x.polarity) for x in got],
                                      "why_not": "" if got else why_no_claim(pat, m, view, rules, speaker)})
                        if got:  # a match the type checks refused leaves the way open to a later start
                            ends.add(m.end())
                        for mention in got:
                            mentions.setdefault((mention.claim.id, sent.index), mention)
        frames_tried: list[dict] = []
        if sent.index in parses:
            no_subject, no_object = parse_vetoes(parses[sent.index], sent_actors + fp, rules)
            for key, mention in list(mentions.items()):
                # (the frames' own claims of this sentence come after this)
                if key[1] == sent.index and (mention.claim.subject in no_subject or mention.claim.object in no_object):
                    del mentions[key]  # the pattern read a coordination the parse does not have
            where = Where(sent, doc, sent_events, year, paragraph_event[1] if paragraph_event else None, time_anchor)
            # the acts of the three sentences before, latest last ("... condemned the strike"), and those the
            # patterns found in this one ("Armenia asked Russia for help, but Moscow ignored the call")
            earlier = tuple((m.claim.relation, m.claim.subject, m.claim.object) for m in sorted(
                (m for m in mentions.values() if sent.index - 3 <= m.sentence <= sent.index and not m.claim.negated),
                key=lambda m: (m.sentence, m.start)))
            # ... and the acts told with a doer and no actor hit ("an airstrike by Myanmar's military killed
            # 100 people. The UN condemned the attack")
            earlier = tuple(sorted(a for k in range(sent.index - 3, sent.index) for a in untargeted.get(k, ()))) + earlier
            found, frames_tried = frame_claims(parses[sent.index], sent_actors + fp, rules,
                                               bool(rules.hedge_sentence.search(stext)), time_anchor,
                                               speaker.actor if speaker else None, home, earlier,
                                               governing[0] if governing and sent.index - governing[1] <= 3 else None)
            # whose government this sentence names, for "the government" of the sentences after it
            ruled = governed_states(parses[sent.index], sent_actors, rules) + [
                fc.object.actor for fc in found if fc.relation == "LEADER_OF" and rules.actors[fc.object.actor].type == "state"]
            if ruled:
                governing = (ruled[-1], sent.index)
            untargeted[sent.index] = [(t["relation"], d, None) for t in frames_tried for d in t.get("doers", ())]
            _leaders_speak_for_their_bodies(mentions.values(), sent.index, time_anchor, rules)
            found.sort(key=lambda fc: fc.relation not in ("LEADER_OF", "MEMBER_OF"))
            for fc in found:
                if fc.rule == "frame:ministry":
                    # a listed service's state is the gazetteer's fact, said once: not again at every "the GRU"
                    if (fc.subject.actor, fc.object.actor) in known_services:
                        continue
                    known_services.add((fc.subject.actor, fc.object.actor))
                if fc.relation == "LEADER_OF" or (fc.relation == "MEMBER_OF" and fc.rule.startswith("frame:title")
                                                  and rules.actors[fc.object.actor].type in ("state", "group", "organisation")):
                    # ("Secretary of State Antony Blinken" met Kuleba: an official the text names as one acts
                    # for the state too)
                    _speaks_for(fc.subject.actor, fc.object.actor, time_anchor, rules)
                said = None if fc.own_voice else Speaker(fc.speaker, fc.speaker_name, -1, "frame:speech") if (
                    fc.speaker or fc.speaker_name) else speaker
                for mention in mentions_for([(fc.subject.actor, fc.object.actor)], fc.relation, fc.predicate,
                                            fc.rule, fc.polarity, fc.start, fc.end, said, where, rules):
                    # the parse sees the negation or denial that governs the verb; a pattern over the same
                    # words that read it the other way is overruled ("refused to support" is a refusal, not
                    # a negated rejection)
                    other = replace(mention.claim, negated=mention.polarity != "negated")
                    old = mentions.get((other.id, sent.index))
                    if old and old.start < mention.end and mention.start < old.end and (
                            mention.polarity == "negated" or not old.rule.startswith(("frame:", "verb:", "noun:"))):
                        del mentions[(other.id, sent.index)]
                    mentions.setdefault((mention.claim.id, sent.index), mention)
        if trace:
            traces.append({"sentence": sent.index, "masked": masked.text, "speaker": speaker, "fired": tried,
                           "repeated": sent.repeated, "slots": list(masked.slots), "frames": frames_tried,
                           "actors": sorted(sent_actors + fp, key=lambda a: a.start), "parse": parses.get(sent.index)})
        if speaker:
            last_speaker = speaker
        for am in sorted(sent_actors, key=lambda a: a.start):
            if rules.actors[am.actor].type == "person":
                last_person = am.actor
        if own_year:
            anchor_year = own_year
        elif sent_events and not ym:
            anchor_year = rules.events[sent_events[-1]].start or anchor_year
        if sent_events:
            paragraph_event = (sent.paragraph, sent_events[-1])
    ordered = sorted(mentions.values(), key=lambda x: (x.start, x.end, x.claim, x.rule))
    all_actors.extend(datelined)
    return Extraction(doc, sentences, sorted(all_actors, key=lambda a: (a.start, a.end, a.actor)), events,
                      ordered, perspective, traces, discovered, rules)


