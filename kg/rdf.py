"""Build RDF quads from extractions: documents, actors, events, claims and their mentions.

Quads are pyoxigraph terms, written to the store in bulk (see performance notes in README).
Every IRI is derived from content, so the same input always gives the same graph.
"""
from __future__ import annotations

import functools
import hashlib
import math
from typing import TYPE_CHECKING, Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg import __version__
from kg.rules import Actor, Rules

if TYPE_CHECKING:  # reading commands import this module for its prefixes: the build's modules load lazily
    from kg.corroborate import Corroboration, Source
    from kg.documents import Document
    from kg.extract import Extraction, Mention

BASE = "https://w3id.org/kg/"
KG = BASE + "ns#"
ID = BASE + "id/"
PREFIXES = {
    "kg": KG,
    "kgid": ID,
    # short forms of the graph's own IRIs, valid SPARQL and Turtle names: actor:china, claim:4adc...
    "actor": ID + "actor/",
    "claim": ID + "claim/",
    "doc": ID + "doc/",
    "event": ID + "event/",
    "source": ID + "source/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
ACTOR_CLASSES = {"state": "State", "organisation": "Organisation", "military_unit": "MilitaryUnit",
                 "person": "Person", "group": "Group", "media_outlet": "MediaOutlet"}
QUAD_CLASSES = {"verbal_cooperation": "VerbalCooperation", "material_cooperation": "MaterialCooperation",
                "verbal_conflict": "VerbalConflict", "material_conflict": "MaterialConflict",
                "affiliation": "Affiliation"}
CONTEST_KINDS = {"polarity": "OppositePolarity", "cooperation_conflict": "CooperationVersusConflict",
                 "figures": "DifferentFigures", "first_actor": "WhoActedFirst"}
POLARITY_IRIS = {"asserted": "Asserted", "negated": "Negated", "hedged": "Hedged"}
LOG_GRAPH = NamedNode(ID + "graph/log")


@functools.lru_cache(maxsize=4096)  # a few dozen terms, asked for once a quad: 0.07 us instead of 0.4
def iri(prefixed: str) -> NamedNode:
    prefix, local = prefixed.split(":", 1)
    return NamedNode(PREFIXES[prefix] + local)


RDF_TYPE = iri("rdf:type")
LABEL = iri("rdfs:label")
XSD_INT = iri("xsd:integer")
XSD_DATE = iri("xsd:date")
XSD_BOOL = iri("xsd:boolean")
XSD_DATETIME = iri("xsd:dateTime")


def actor_iri(actor_id: str) -> NamedNode:
    return NamedNode(f"{ID}actor/{actor_id}")


def event_iri(event_id: str) -> NamedNode:
    return NamedNode(f"{ID}event/{event_id}")


def doc_iri(doc: Document) -> NamedNode:
    return NamedNode(f"{ID}doc/{doc.id}")


def claim_iri(claim_id: str) -> NamedNode:
    return NamedNode(f"{ID}claim/{claim_id}")


def rule_iri(rule_id: str) -> NamedNode:
    return NamedNode(f"{ID}rule/{rule_id}")


def predicate_iri(predicate: str) -> NamedNode:
    """A pattern's finer verb is declared in kg.ttl (kg:suppliedTo); a lexicon entry's lives under
    predicate/ (predicate/verb/ambush) and is declared by the build as a sub-property of its type."""
    if ":" in predicate:
        kind, word = predicate.split(":", 1)
        return NamedNode(f"{BASE}predicate/{kind}/{word}")
    return iri("kg:" + predicate)


def relation_iri(relation: str) -> NamedNode:
    return NamedNode(KG + relation)


def run_iri(rules: Rules) -> NamedNode:
    """The extraction run: the same kg version and rule files give the same run."""
    h = hashlib.sha256(f"{__version__}|{rules.digest}".encode()).hexdigest()[:16]
    return NamedNode(f"{ID}run/{h}")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD_INT)


def _decimal(x: float, places: int = 1) -> Literal:
    """x rounded to places, in the canonical form a store gives back ("2000000", "0.95"), so the quads
    written straight to shard files (kg build --shards) are those a store's export has."""
    text = f"{x:.{places}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return Literal("0" if text in ("", "-0") else text, datatype=iri("xsd:decimal"))


def _q(s, p, o, g=None) -> Quad:
    # the default graph left out, not passed: pyoxigraph tries a graph name as a named node and a blank
    # node before the default graph, and those failed tries made a quad cost 1.5 us instead of 0.2 us
    # (a third of a `kg build --shards` from the cache)
    return Quad(s, p, o) if g is None else Quad(s, p, o, g)


def used_actors(extractions: Iterable[Extraction], rules: Rules) -> set[str]:
    """The actors a build names (and the states and parties they refer to): the graph describes these,
    not the tens of thousands the gazetteer lists."""
    from kg.corroborate import publisher_source
    used: set[str] = set()
    for ex in extractions:
        used |= {a.actor for a in ex.actors}
        if ex.document.publisher:
            src = publisher_source(ex.document.publisher, rules)
            if src.kind == "actor":
                used.add(src.id)  # a listed outlet as publisher, named in the text or not
        used |= {x for m in ex.mentions for x in (m.claim.subject, m.claim.object, m.speaker) if x}
        if ex.perspective:
            used.add(ex.perspective)
    for a in list(used):
        actor = rules.actors.get(a)
        if actor:
            used |= {x for x in (actor.country, actor.party, *(r.actor for r in actor.represents)) if x}
    return {a for a in used if a in rules.actors}  # (not & set(rules.actors): that copies 20,000 keys a call)


def actor_country(actor: Actor, rules: Rules) -> str | None:
    """ISO 3166-1 alpha-3 of the actor's state (IGO/NGO for international bodies), as PLOVER records it."""
    if actor.iso3:
        return actor.iso3
    for ref in (actor.country, *(r.actor for r in actor.represents), *(r.actor for r in actor.roles)):
        if ref and ref in rules.actors and rules.actors[ref].iso3:
            return rules.actors[ref].iso3
    return None


def actor_sector(actor: Actor) -> str | None:
    """GOV, MIL, REB, ... where the dictionaries or the actor's type say it."""
    if actor.sector:
        return actor.sector
    if actor.roles:
        return actor.roles[-1].sector
    return {"state": "GOV", "military_unit": "MIL", "media_outlet": "MED"}.get(actor.type)


def vocabulary_quads(rules: Rules, actors: set[str] | None = None) -> Iterator[Quad]:
    """Actors (those named, when given), events, rules and the extraction run."""
    for a in rules.actors.values():
        if actors is not None and a.id not in actors:
            continue
        s = actor_iri(a.id)
        yield _q(s, RDF_TYPE, iri("kg:Actor"))
        yield _q(s, RDF_TYPE, iri("kg:" + ACTOR_CLASSES[a.type]))
        yield _q(s, LABEL, Literal(a.label))
        yield _q(s, iri("kg:actorType"), Literal(a.type))
        for alias in sorted(set(a.aliases + a.short) - {a.label}):
            yield _q(s, iri("skos:altLabel"), Literal(alias))
        # the names that find this actor (`--actor NAME`), as the gazetteer resolves them: a reading
        # command looks them up here instead of loading the 20,000-actor gazetteer
        for name in sorted({n.lower() for n in (a.id, a.label, *a.aliases) if rules.by_label.get(n.lower()) == a.id}):
            yield _q(s, iri("kg:lookupName"), Literal(name))
        if a.wikidata:
            yield _q(s, iri("owl:sameAs"), iri("wd:" + a.wikidata))
        if a.country:
            yield _q(s, iri("kg:countryActor"), actor_iri(a.country))
        code, sector = actor_country(a, rules), actor_sector(a)
        if code:
            yield _q(s, iri("kg:country"), Literal(code))
        if sector:
            yield _q(s, iri("kg:sector"), Literal(sector))
        yield _q(s, iri("kg:inGazetteer"), Literal("true" if a.listed else "false", datatype=XSD_BOOL))
    for e in rules.events.values():
        s = event_iri(e.id)
        yield _q(s, RDF_TYPE, iri("kg:Event"))
        yield _q(s, LABEL, Literal(e.label))
        for alias in sorted(set(e.aliases) - {e.label}):
            yield _q(s, iri("skos:altLabel"), Literal(alias))
        if e.start is not None:
            yield _q(s, iri("kg:startYear"), _int(e.start))
        if e.end is not None:
            yield _q(s, iri("kg:endYear"), _int(e.end))
        if e.wikidata:
            yield _q(s, iri("owl:sameAs"), iri("wd:" + e.wikidata))
    predicates = {}
    for p in rules.patterns:
        s = rule_iri(p.id)
        yield _q(s, RDF_TYPE, iri("kg:Rule"))
        yield _q(s, LABEL, Literal(p.id))
        yield _q(s, iri("kg:relation"), relation_iri(p.relation))
        yield _q(s, iri("kg:pattern"), Literal(p.source))
        predicates[p.predicate] = p.relation
        # the same pattern matched on a shared-subject view of a sentence, or lifted to the body a person led
        for suffix in ("+represents", "+shared-subject", "+shared-subject+represents"):
            derived = rule_iri(p.id + suffix)
            yield _q(derived, RDF_TYPE, iri("kg:Rule"))
            yield _q(derived, LABEL, Literal(p.id + suffix))
            yield _q(derived, iri("kg:relation"), relation_iri(p.relation))
            yield _q(derived, iri("prov:wasDerivedFrom"), s)
    for pred, rel in sorted(predicates.items()):
        yield _q(iri("kg:" + pred), iri("rdfs:subPropertyOf"), relation_iri(rel))
    for rel, cls in sorted(rules.relation_classes.items()):
        yield _q(relation_iri(rel), iri("kg:quadClass"), iri("kg:" + QUAD_CLASSES[cls]))
    run = run_iri(rules)
    yield _q(run, RDF_TYPE, iri("prov:Activity"))
    yield _q(run, RDF_TYPE, iri("kg:ExtractionRun"))
    yield _q(run, iri("kg:version"), Literal(__version__))
    yield _q(run, iri("kg:rulesHash"), Literal(rules.digest))


# how a rule was applied, appended to its id: on a shared-subject view, lifted to the body a person led
RULE_SUFFIXES = ("+shared-subject", "+represents")


def base_rule(rule: str) -> str:
    """The rule an applied rule id comes from ("verb:sign+agreement+represents" -> "verb:sign+agreement")."""
    for suffix in RULE_SUFFIXES:
        rule = rule.replace(suffix, "")
    return rule


def parse_rule_quads(extractions: Iterable[Extraction], rules: Rules) -> Iterator[Quad]:
    """The verb-lexicon entries, event nouns and constructions that made a claim of this build, as kg:Rule."""
    return rule_quads({t for ex in extractions for t in rules_used(ex, rules)})


def rules_used(ex: Extraction, rules: Rules) -> set[tuple[str, str, str]]:
    """(rule, relation, predicate) of the document's claims made by no listed pattern."""
    patterns = {p.id for p in rules.patterns}
    return {(m.rule, m.claim.relation, m.predicate) for m in ex.mentions if base_rule(m.rule) not in patterns}


def rule_quads(used: set[tuple[str, str, str]]) -> Iterator[Quad]:
    """parse_rule_quads of these (rule, relation, predicate)."""
    used = sorted(used)
    for rule, relation, predicate in used:
        for r in dict.fromkeys([base_rule(rule), rule]):
            s = rule_iri(r)
            yield _q(s, RDF_TYPE, iri("kg:Rule"))
            yield _q(s, LABEL, Literal(r))
            yield _q(s, iri("kg:relation"), relation_iri(relation))
        if base_rule(rule) != rule:
            yield _q(rule_iri(rule), iri("prov:wasDerivedFrom"), rule_iri(base_rule(rule)))
    for predicate, relation in sorted({(p, r) for _, r, p in used}):
        yield _q(predicate_iri(predicate), iri("rdfs:subPropertyOf"), relation_iri(relation))
        yield _q(predicate_iri(predicate), LABEL, Literal(predicate))


def source_node(src: Source) -> NamedNode:
    if src.kind == "actor":
        return actor_iri(src.id)
    if src.kind == "document":
        return NamedNode(f"{ID}doc/{src.id}")
    return NamedNode(f"{ID}source/{src.id}")


def mention_iri(doc_id: str, m: Mention) -> NamedNode:
    return NamedNode(f"{ID}mention/{m.id(doc_id)}")


def document_quads(doc: Document, rules: Rules) -> Iterator[Quad]:
    from kg.corroborate import publisher_source
    d = doc_iri(doc)
    yield _q(d, RDF_TYPE, iri("kg:Document"))
    yield _q(d, RDF_TYPE, iri("schema:Article"))
    yield _q(d, RDF_TYPE, iri("prov:Entity"))
    yield _q(d, iri("kg:fileName"), Literal(doc.file_name))
    yield _q(d, iri("kg:sha256"), Literal(doc.sha256))
    yield _q(d, iri("schema:text"), Literal(doc.text))
    yield _q(d, LABEL, Literal(doc.title or doc.file_name))
    if doc.title:
        yield _q(d, iri("schema:headline"), Literal(doc.title))
    if doc.publisher:
        # a publisher that is a known media outlet is that actor, so "KCNA reported" and KCNA's own
        # articles are one source
        pub = publisher_source(doc.publisher, rules)
        src = source_node(pub)
        yield _q(d, iri("schema:publisher"), src)
        yield _q(src, RDF_TYPE, iri("schema:Organization"))
        if pub.kind == "publisher":
            yield _q(src, LABEL, Literal(pub.label))
    for a in doc.authors:
        yield _q(d, iri("schema:author"), Literal(a))
    if doc.date:
        yield _q(d, iri("schema:datePublished"), Literal(doc.date, datatype=XSD_DATE))
    if doc.url:
        yield _q(d, iri("schema:url"), Literal(doc.url))


def _mention_quads(ex: Extraction, m: Mention, run: NamedNode) -> Iterator[Quad]:
    doc = ex.document
    mid = m.id(doc.id)
    mi = mention_iri(doc.id, m)
    target = NamedNode(f"{ID}mention/{mid}#target")
    quote_sel = NamedNode(f"{ID}mention/{mid}#quote")
    pos_sel = NamedNode(f"{ID}mention/{mid}#position")
    c = claim_iri(m.claim.id)
    yield _q(mi, RDF_TYPE, iri("kg:Mention"))
    yield _q(mi, RDF_TYPE, iri("oa:Annotation"))
    yield _q(mi, iri("kg:claim"), c)
    yield _q(mi, iri("oa:hasBody"), c)
    yield _q(mi, iri("oa:hasTarget"), target)
    yield _q(mi, iri("prov:wasDerivedFrom"), doc_iri(doc))
    yield _q(mi, iri("prov:wasGeneratedBy"), run)
    yield _q(mi, iri("kg:rule"), rule_iri(m.rule))
    yield _q(mi, iri("kg:predicate"), predicate_iri(m.predicate))
    yield _q(mi, iri("kg:polarity"), iri("kg:" + POLARITY_IRIS[m.polarity]))
    yield _q(mi, iri("kg:sentenceIndex"), _int(m.sentence))
    if m.speaker:
        yield _q(mi, iri("kg:attributedTo"), actor_iri(m.speaker))
    if m.speaker_name:
        yield _q(mi, iri("kg:attributedToName"), Literal(m.speaker_name))
    if m.year is not None:
        yield _q(mi, iri("kg:year"), _int(m.year))
    if m.event:
        yield _q(mi, iri("kg:event"), event_iri(m.event))
    if m.quantity:
        q = m.quantity
        yield _q(mi, iri("kg:quantityText"), Literal(q.text))
        yield _q(mi, iri("kg:quantityKind"), Literal(q.kind))
        yield _q(mi, iri("kg:quantityLow"), _decimal(q.low))
        if q.high != math.inf:
            yield _q(mi, iri("kg:quantityHigh"), _decimal(q.high))
    yield _q(target, RDF_TYPE, iri("oa:SpecificResource"))
    yield _q(target, iri("oa:hasSource"), doc_iri(doc))
    yield _q(target, iri("oa:hasSelector"), quote_sel)
    yield _q(target, iri("oa:hasSelector"), pos_sel)
    yield _q(quote_sel, RDF_TYPE, iri("oa:TextQuoteSelector"))
    yield _q(quote_sel, iri("oa:exact"), Literal(m.quote))
    yield _q(quote_sel, iri("oa:prefix"), Literal(doc.text[max(0, m.start - 32):m.start]))
    yield _q(quote_sel, iri("oa:suffix"), Literal(doc.text[m.end:m.end + 32]))
    yield _q(pos_sel, RDF_TYPE, iri("oa:TextPositionSelector"))
    yield _q(pos_sel, iri("oa:start"), _int(m.start))
    yield _q(pos_sel, iri("oa:end"), _int(m.end))


def _claim_quads(m: Mention, rules: Rules) -> Iterator[Quad]:
    c = m.claim
    ci = claim_iri(c.id)
    s, o, rel = actor_iri(c.subject), actor_iri(c.object), relation_iri(c.relation)
    yield _q(ci, RDF_TYPE, iri("kg:Claim"))
    yield _q(ci, RDF_TYPE, iri("rdf:Statement"))
    yield _q(ci, iri("rdf:subject"), s)
    yield _q(ci, iri("rdf:predicate"), rel)
    yield _q(ci, iri("rdf:object"), o)
    yield _q(ci, iri("kg:negated"), Literal("true" if c.negated else "false", datatype=XSD_BOOL))
    label = f"{rules.actors[c.subject].label} {'not ' if c.negated else ''}{c.relation} {rules.actors[c.object].label}"
    yield _q(ci, LABEL, Literal(label))
    if not c.negated:
        # nanopublication style: the assertion alone in the claim's own named graph; a negated
        # claim has no such triple, so it is never read as an asserted actor-to-actor edge
        yield _q(s, rel, o, ci)


def extraction_quads(ex: Extraction, rules: Rules) -> Iterator[Quad]:
    """All quads one document contributes: a pure function of the extraction."""
    doc = ex.document
    run = run_iri(rules)
    d = doc_iri(doc)
    yield from document_quads(doc, rules)
    yield _q(d, iri("kg:sentenceCount"), _int(len(ex.sentences)))
    if ex.perspective:
        yield _q(d, iri("kg:perspective"), actor_iri(ex.perspective))
    for am in ex.actors:
        key = f"{doc.id}|{am.actor}|{am.start}|{am.end}"
        mi = NamedNode(f"{ID}actormention/{hashlib.sha256(key.encode()).hexdigest()[:20]}")
        yield _q(mi, RDF_TYPE, iri("kg:ActorMention"))
        yield _q(mi, iri("kg:actor"), actor_iri(am.actor))
        yield _q(mi, iri("prov:wasDerivedFrom"), d)
        yield _q(mi, iri("kg:surface"), Literal(am.surface))
        yield _q(mi, iri("kg:start"), _int(am.start))
        yield _q(mi, iri("kg:end"), _int(am.end))
        if am.sentence >= 0:  # (a dateline's place is in no sentence)
            yield _q(mi, iri("kg:sentenceIndex"), _int(am.sentence))
        yield _q(mi, iri("kg:resolution"), Literal(am.resolution))
    for em in ex.events:
        key = f"{doc.id}|{em.event}|{em.start}|{em.end}"
        mi = NamedNode(f"{ID}eventmention/{hashlib.sha256(key.encode()).hexdigest()[:20]}")
        yield _q(mi, RDF_TYPE, iri("kg:EventMention"))
        yield _q(mi, iri("kg:eventRef"), event_iri(em.event))
        yield _q(mi, iri("prov:wasDerivedFrom"), d)
        yield _q(mi, iri("kg:surface"), Literal(em.surface))
        yield _q(mi, iri("kg:start"), _int(em.start))
        yield _q(mi, iri("kg:end"), _int(em.end))
    claims_done: set[str] = set()
    for m in ex.mentions:
        if m.claim.id not in claims_done:  # a claim stated twice in one document is described once
            claims_done.add(m.claim.id)
            yield from _claim_quads(m, rules)
        yield from _mention_quads(ex, m, run)


def corroboration_quads(corr: Corroboration) -> Iterator[Quad]:
    """Cross-document facts kept at build time: copies, each mention's origin, support, contests."""
    sources = set(corr.doc_sources.values()) | set(corr.origins.values())
    for src in sorted(sources, key=lambda s: (s.kind, s.id)):
        node = source_node(src)
        yield _q(node, RDF_TYPE, iri("kg:Source"))
        yield _q(node, iri("kg:sourceLabel"), Literal(src.label))
    for doc_id, src in sorted(corr.doc_sources.items()):
        yield _q(NamedNode(f"{ID}doc/{doc_id}"), iri("kg:independentSource"), source_node(src))
    for c in corr.copies:
        d, orig = NamedNode(f"{ID}doc/{c.doc}"), NamedNode(f"{ID}doc/{c.original}")
        yield _q(d, iri("kg:exactCopyOf" if c.kind == "exact" else "kg:nearCopyOf"), orig)
        yield _q(d, iri("prov:wasDerivedFrom"), orig)
        yield _q(d, iri("kg:copySimilarity"), _decimal(c.similarity, 3))
    for (doc_id, mid), src in sorted(corr.origins.items()):
        yield _q(NamedNode(f"{ID}mention/{mid}"), iri("kg:origin"), source_node(src))
    for claim_id, sup in sorted(corr.support.items()):
        c = claim_iri(claim_id)
        yield _q(c, iri("kg:documentCount"), _int(sup.documents))
        yield _q(c, iri("kg:sourceCount"), _int(len(sup.origins)))
        for src in sup.origins:
            yield _q(c, iri("kg:supportedBy"), source_node(src))
    for contest in corr.contests:
        k = NamedNode(f"{ID}contest/{contest.id}")
        yield _q(k, RDF_TYPE, iri("kg:Contest"))
        yield _q(k, iri("kg:contestKind"), iri("kg:" + CONTEST_KINDS[contest.kind]))
        for prop, side in (("kg:sideA", contest.a), ("kg:sideB", contest.b)):
            yield _q(k, iri(prop), mention_iri(side.doc, side.mention))
            yield _q(k, iri("kg:contests"), claim_iri(side.mention.claim.id))
        if contest.note:
            yield _q(k, iri("kg:note"), Literal(contest.note))
    yield from network_quads(corr)


def network_quads(corr: Corroboration) -> Iterator[Quad]:
    """The actor network kept at build time: per actor how widely it is named, per actor pair and PLOVER
    class the asserted claims and their summed support, so `kg actors` reads these instead of every mention."""
    for actor, st in corr.actor_stats.items():
        a = actor_iri(actor)
        yield _q(a, iri("kg:mentionCount"), _int(st.mentions))
        yield _q(a, iri("kg:mentionDocumentCount"), _int(st.documents))
        yield _q(a, iri("kg:mentionSourceCount"), _int(st.sources))
    for e in corr.actor_edges:
        k = NamedNode(f"{ID}edge/{e.id}")
        yield _q(k, RDF_TYPE, iri("kg:ActorEdge"))
        yield _q(k, iri("kg:edgeFrom"), actor_iri(e.subject))
        yield _q(k, iri("kg:edgeTo"), actor_iri(e.object))
        if e.quad_class:
            yield _q(k, iri("kg:edgeClass"), iri("kg:" + QUAD_CLASSES[e.quad_class]))
        yield _q(k, iri("kg:claimCount"), _int(e.claims))
        yield _q(k, iri("kg:sourceSum"), _int(e.sources))


def build_log_quads(build_id: str, started: str, ended: str, rules: Rules, documents: int) -> Iterable[Quad]:
    """Wall-clock record of one build, kept in its own graph (the only part that differs per build)."""
    b = NamedNode(f"{ID}build/{build_id}")
    return [
        _q(b, RDF_TYPE, iri("kg:Build"), LOG_GRAPH),
        _q(b, RDF_TYPE, iri("prov:Activity"), LOG_GRAPH),
        _q(b, iri("prov:startedAtTime"), Literal(started, datatype=XSD_DATETIME), LOG_GRAPH),
        _q(b, iri("prov:endedAtTime"), Literal(ended, datatype=XSD_DATETIME), LOG_GRAPH),
        _q(b, iri("prov:wasInformedBy"), run_iri(rules), LOG_GRAPH),
        _q(b, iri("kg:documentCount"), _int(documents), LOG_GRAPH),
    ]
