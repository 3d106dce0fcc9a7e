"""Tables read back from the store: one row per claim mention, per actor mention; graph exports."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.rdf import LOG_GRAPH, PREFIXES
from kg.store import Store

CLAIM_COLUMNS = ["claim_id", "doc", "subject", "subject_id", "relation", "object", "object_id", "event",
                 "polarity", "attributed_to", "predicate", "quote", "start", "end", "sentence", "rule",
                 "documents", "sources", "subject_type", "subject_country", "object_type", "object_country"]
ACTOR_COLUMNS = ["doc", "actor", "actor_id", "type", "country", "sector", "in_gazetteer", "wikidata", "surface",
                 "start", "end"]
GRAPH_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE,
                 "jsonld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES}

SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

_MENTIONS = SPARQL_PREFIXES + """
SELECT ?claim ?fname ?s ?sl ?rel ?o ?ol ?event ?pol ?speaker ?speakerName ?pred ?exact ?start ?end ?sent ?rule
       ?documents ?sources ?st ?sc ?ot ?oc WHERE {
  ?m a kg:Mention ; kg:claim ?claim ; prov:wasDerivedFrom ?doc ; kg:polarity ?pol ; kg:sentenceIndex ?sent ;
     kg:rule ?rule ; kg:predicate ?pred ; oa:hasTarget ?t .
  ?t oa:hasSelector ?q , ?p .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?claim rdf:subject ?s ; rdf:predicate ?rel ; rdf:object ?o .
  ?s rdfs:label ?sl . ?o rdfs:label ?ol . ?doc kg:fileName ?fname .
  ?claim kg:documentCount ?documents ; kg:sourceCount ?sources .
  OPTIONAL { ?m kg:event ?e . ?e rdfs:label ?event }
  OPTIONAL { ?m kg:attributedTo ?sp . ?sp rdfs:label ?speaker }
  OPTIONAL { ?m kg:attributedToName ?speakerName }
  OPTIONAL { ?s kg:actorType ?st } OPTIONAL { ?s kg:country ?sc }
  OPTIONAL { ?o kg:actorType ?ot } OPTIONAL { ?o kg:country ?oc }
}
"""

_ACTORS = SPARQL_PREFIXES + """
SELECT ?fname ?label ?actor ?type ?country ?sector ?listed ?wd ?surface ?start ?end WHERE {
  ?m a kg:ActorMention ; kg:actor ?actor ; prov:wasDerivedFrom ?doc ; kg:surface ?surface ; kg:start ?start ; kg:end ?end .
  ?doc kg:fileName ?fname . ?actor rdfs:label ?label ; kg:actorType ?type .
  OPTIONAL { ?actor kg:country ?country } OPTIONAL { ?actor kg:sector ?sector }
  OPTIONAL { ?actor kg:inGazetteer ?listed }
  OPTIONAL { ?actor owl:sameAs ?wdi . FILTER(STRSTARTS(STR(?wdi), STR(wd:))) BIND(STRAFTER(STR(?wdi), STR(wd:)) AS ?wd) }
}
"""

_DOCUMENTS = SPARQL_PREFIXES + "SELECT ?fname WHERE { ?doc a kg:Document ; kg:fileName ?fname }"
_DOCUMENT_IRIS = SPARQL_PREFIXES + "SELECT ?fname ?doc WHERE { ?doc a kg:Document ; kg:fileName ?fname }"


def _local(term) -> str:
    v = term.value
    return v.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _val(term) -> str:
    return "" if term is None else term.value


# documents whose rows one query reads: the rows of a batch are held and sorted, never the whole table
ROW_BATCH_DOCS = 200


def _for_documents(query: str, docs: list) -> str:
    """The query restricted to these documents (IRIs read from the store, in their N-Triples form)."""
    return query.replace("WHERE {", "WHERE {\nVALUES ?doc { " + " ".join(str(d) for d in docs) + " }\n", 1)


def _by_documents(store: Store, query: str, row, key) -> Iterator[dict]:
    """The rows of query, made by row and sorted by key (whose first part is the file name), a batch
    of documents at a time in file-name order: the whole table's order, printed as it is read (about
    20% slower than one query over everything, in memory bounded by the batch)."""
    docs = [d for _, d in sorted((r["fname"].value, r["doc"]) for r in store.query(_DOCUMENT_IRIS))]
    for i in range(0, len(docs), ROW_BATCH_DOCS):
        yield from sorted((row(r) for r in store.query(_for_documents(query, docs[i:i + ROW_BATCH_DOCS]))), key=key)


def _claim_row(r) -> dict:
    return {
        "claim_id": _local(r["claim"]), "doc": r["fname"].value,
        "subject": r["sl"].value, "subject_id": _local(r["s"]),
        "relation": _local(r["rel"]), "object": r["ol"].value, "object_id": _local(r["o"]),
        "event": _val(r["event"]), "polarity": _local(r["pol"]).lower(),
        "attributed_to": _val(r["speaker"]) or _val(r["speakerName"]),
        "predicate": _local(r["pred"]), "quote": r["exact"].value,
        "start": int(r["start"].value), "end": int(r["end"].value), "sentence": int(r["sent"].value),
        "rule": _local(r["rule"]), "documents": int(r["documents"].value), "sources": int(r["sources"].value),
        "subject_type": _val(r["st"]), "subject_country": _val(r["sc"]),
        "object_type": _val(r["ot"]), "object_country": _val(r["oc"]),
    }


def _claim_key(x: dict) -> tuple:
    return x["doc"], x["start"], x["end"], x["subject_id"], x["relation"], x["object_id"], x["rule"]


def claim_rows_streamed(store: Store) -> Iterator[dict]:
    """One row per mention: the claim, the document, the exact quote and its offsets, and support counts;
    by document, start and end, a batch of documents at a time."""
    return _by_documents(store, _MENTIONS, _claim_row, _claim_key)


def claim_rows(store: Store) -> list[dict]:
    """claim_rows_streamed, all held."""
    return list(claim_rows_streamed(store))


def _actor_row(r) -> dict:
    return {"doc": r["fname"].value, "actor": r["label"].value, "actor_id": _local(r["actor"]),
            "type": r["type"].value, "country": _val(r["country"]), "sector": _val(r["sector"]),
            "in_gazetteer": _val(r["listed"]) != "false", "wikidata": _val(r["wd"]), "surface": r["surface"].value,
            "start": int(r["start"].value), "end": int(r["end"].value)}


def actor_rows_streamed(store: Store) -> Iterator[dict]:
    """One row per actor mention in a document, a batch of documents at a time."""
    return _by_documents(store, _ACTORS, _actor_row, lambda x: (x["doc"], x["start"], x["end"], x["actor_id"]))


def actor_rows(store: Store) -> list[dict]:
    """actor_rows_streamed, all held."""
    return list(actor_rows_streamed(store))


def document_names(store: Store) -> list[str]:
    """The file names of the stored documents, those that yielded no actor or claim included."""
    return sorted(r["fname"].value for r in store.query(_DOCUMENTS))


def to_csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def csv_chunks(rows: Iterable[dict], columns: list[str]) -> Iterator[str]:
    """to_csv, a row at a time."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def json_chunks(rows: Iterable, level: int = 0, end: str = "\n") -> Iterator[str]:
    """to_json, a row at a time (each row indented as json.dumps indents a list's items); level: how
    deep the list sits in a document json.dumps(..., indent=2) makes, end: what follows it."""
    pad = "\n" + "  " * (level + 1)
    first = True
    for row in rows:
        item = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", pad)
        yield ("[" if first else ",") + pad + item
        first = False
    yield ("[]" if first else "\n" + "  " * level + "]") + end


def export_graph(store: Store, fmt: str, *, include_log: bool = False) -> bytes:
    """The whole graph in an RDF syntax; N-Quads lines are sorted so that equal graphs give equal bytes.

    The build log (wall-clock times) is left out unless asked for: it is the one part that
    differs between two builds of the same input.
    """
    skip = () if include_log else (LOG_GRAPH,)
    data = store.dump(GRAPH_FORMATS[fmt], without_graphs=skip, prefixes=PREFIXES)
    if fmt in ("nq", "nt"):
        # split on newlines alone: a literal may hold U+2028 or U+0085, which str.splitlines splits on
        lines = sorted(set(data.split(b"\n")) - {b""})
        return b"\n".join(lines) + b"\n" if lines else b""
    return data
