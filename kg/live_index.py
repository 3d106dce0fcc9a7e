"""The live build's index: per document what corroboration, the vocabulary and the build's counts read
(its source, MinHash bands, its mentions by actor pair, the actors it names and uses, its own actors, the
rules that fired), kept in the extraction cache's SQLite file beside the extractions.

`kg add` and `kg remove` read only the rows of the documents, copy families and actor pairs a change
touches, so they recompute corroboration for those claims alone (kg.build.change_indexed). The index
names the one build it describes; any other build is changed the slow way and indexed anew, so like
the cache it is only ever a shortcut. Its mentions and discovered actors are pickles sealed with the
user's key (kg.sealed), checked before they are unpickled.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Iterable, Iterator

from kg import sealed
from kg.corroborate import ActorEdge, Source, Support, lsh_bands, origin_of, side_key
from kg.minhash import MinHash
from kg.rdf import base_rule, rules_used, used_actors
from kg.rules import Rules

SCHEMA = """
CREATE TABLE IF NOT EXISTS live_build (name TEXT);
CREATE TABLE IF NOT EXISTS live_doc (name TEXT PRIMARY KEY, key TEXT, id TEXT, sha TEXT, date TEXT,
    publisher TEXT, prints BLOB, scheme TEXT, source TEXT, sentences INT, repeated INT, actor_mentions INT,
    mentions INT);
CREATE INDEX IF NOT EXISTS live_doc_id ON live_doc(id);
CREATE INDEX IF NOT EXISTS live_doc_order ON live_doc(name, id);
CREATE TABLE IF NOT EXISTS live_total (what TEXT PRIMARY KEY, n INT);
CREATE INDEX IF NOT EXISTS live_doc_source ON live_doc(source);
CREATE TABLE IF NOT EXISTS live_band (band INT, bucket BLOB, id TEXT);
CREATE INDEX IF NOT EXISTS live_band_bucket ON live_band(band, bucket);
CREATE INDEX IF NOT EXISTS live_band_id ON live_band(id);
CREATE TABLE IF NOT EXISTS live_side (name TEXT, idx INT, doc TEXT, pair TEXT, skeys TEXT, speaker TEXT,
    claim TEXT, origin TEXT, ord TEXT, event TEXT, kind TEXT, init INT, mention BLOB);
CREATE INDEX IF NOT EXISTS live_side_name ON live_side(name);
CREATE INDEX IF NOT EXISTS live_side_claim ON live_side(claim);
CREATE INDEX IF NOT EXISTS live_side_pair ON live_side(pair, event, kind) WHERE kind IS NOT NULL;
CREATE INDEX IF NOT EXISTS live_side_init ON live_side(claim) WHERE init = 1;
CREATE INDEX IF NOT EXISTS live_side_skeys ON live_side(skeys) WHERE skeys IS NOT NULL;
CREATE INDEX IF NOT EXISTS live_side_speaker ON live_side(speaker) WHERE speaker IS NOT NULL;
CREATE TABLE IF NOT EXISTS live_edge (subject TEXT, object TEXT, class TEXT, claims INT, sources INT,
    PRIMARY KEY (subject, object, class));
CREATE TABLE IF NOT EXISTS live_claim (claim TEXT PRIMARY KEY, n INT, docs INT);
CREATE TABLE IF NOT EXISTS live_claim_origin (claim TEXT, origin TEXT, n INT, PRIMARY KEY (claim, origin));
CREATE TABLE IF NOT EXISTS live_actor_source (actor TEXT, source TEXT, docs INT, n INT, PRIMARY KEY (actor, source));
CREATE TABLE IF NOT EXISTS live_actor (actor TEXT, name TEXT, n INT);
CREATE INDEX IF NOT EXISTS live_actor_actor ON live_actor(actor);
CREATE INDEX IF NOT EXISTS live_actor_name ON live_actor(name);
CREATE TABLE IF NOT EXISTS live_named (actor TEXT PRIMARY KEY, n INT);
CREATE TABLE IF NOT EXISTS live_use (actor TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS live_use_actor ON live_use(actor);
CREATE INDEX IF NOT EXISTS live_use_name ON live_use(name);
CREATE TABLE IF NOT EXISTS live_found (key TEXT, name TEXT, actor BLOB);
CREATE INDEX IF NOT EXISTS live_found_key ON live_found(key);
CREATE INDEX IF NOT EXISTS live_found_name ON live_found(name);
CREATE TABLE IF NOT EXISTS live_rule (rule TEXT, base TEXT, relation TEXT, predicate TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS live_rule_base ON live_rule(base);
CREATE INDEX IF NOT EXISTS live_rule_predicate ON live_rule(predicate, relation);
CREATE INDEX IF NOT EXISTS live_rule_name ON live_rule(name);
"""
_PER_NAME = ("live_doc", "live_side", "live_actor", "live_use", "live_found", "live_rule")
_CHUNK = 500  # SQLite host parameters per IN (...)


INDEX_FORMAT = 6  # raise when the tables change: an index of another format is dropped and made anew


def open_index(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS live_format (version INT)")
    if db.execute("SELECT version FROM live_format").fetchone() != (INDEX_FORMAT,):
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'live%'").fetchall():
            db.execute(f"DROP TABLE {table}")
        db.executescript(SCHEMA + f"CREATE TABLE live_format (version INT); INSERT INTO live_format VALUES ({INDEX_FORMAT});")
    else:
        db.executescript(SCHEMA)


def indexed_build(db: sqlite3.Connection) -> str | None:
    row = db.execute("SELECT name FROM live_build").fetchone()
    return row[0] if row else None


def encode_source(src: Source) -> str:
    return f"{src.kind}\x1f{src.id}\x1f{src.label}"


def decode_source(text: str) -> Source:
    return Source(*text.split("\x1f"))


def bands_of(hashvalues: bytes) -> list[tuple[int, bytes]]:
    return [(i, MinHash(hashvalues).band(a, b)) for i, (a, b) in enumerate(lsh_bands())]


def pair_of(subject: str, obj: str) -> str:
    return "|".join(sorted((subject, obj)))


def rows_where(db: sqlite3.Connection, sql: str, values: Iterable, *args) -> Iterator[tuple]:
    """sql with one `IN ({})` filled with values, in chunks (SQLite limits the parameters of a query)."""
    values = sorted(set(values))
    for i in range(0, len(values), _CHUNK):
        chunk = values[i:i + _CHUNK]
        yield from db.execute(sql.format(",".join("?" * len(chunk))), (*chunk, *args))


def add_document(db: sqlite3.Connection, name: str, key: str, summary, source: Source, rules: Rules) -> None:
    """Index one document (a kg.cache.Summary under this name) as the build that uses these rules sees it."""
    add_head(db, name, key, summary, source)
    add_mentions(db, name, summary, source, rules)


def add_head(db: sqlite3.Connection, name: str, key: str, summary, source: Source | None = None) -> None:
    """What of a document needs nothing from the rest of the corpus: its row (its source, when known),
    MinHash bands and own actors' readings (a whole build indexes these first, then finds the sources)."""
    ex = summary.extraction
    d = ex.document
    db.execute("INSERT INTO live_doc VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (name, key, d.id, d.sha256, d.date, d.publisher, summary.hashvalues, summary.scheme,
                source and encode_source(source), summary.sentences, summary.repeated, summary.actor_mentions,
                len(ex.mentions)))
    db.executemany("INSERT INTO live_band VALUES (?,?,?)", [(b, h, d.id) for b, h in bands_of(summary.hashvalues)])
    db.executemany("INSERT INTO live_found VALUES (?,?,?)",
                   [(k, name, sealed.dumps(a)) for k, a in sorted(ex.discovered.items())])


def add_mentions(db: sqlite3.Connection, name: str, summary, source: Source, rules: Rules) -> None:
    """The rest of add_document: a document's mentions, counts, actors named and used, and rules, which
    depend on its source and on the corpus's readings of discovered actors."""
    ex = summary.extraction
    d = ex.document
    sides, per_claim, per_origin = [], Counter(), Counter()
    for i, m in enumerate(ex.mentions):
        columns = side_columns(d.id, m, source, rules)
        sides.append((name, i, d.id, *columns, sealed.dumps(m)))
        per_claim[m.claim.id] += 1
        per_origin[m.claim.id, columns[4]] += 1
    db.executemany("INSERT INTO live_side VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", sides)
    _count_claims(db, per_claim, per_origin, +1)
    counts = summary.mention_counts
    db.executemany("INSERT INTO live_actor VALUES (?,?,?)", [(a, name, n) for a, n in counts.items()])
    db.executemany("INSERT INTO live_named VALUES (?, 1) ON CONFLICT(actor) DO UPDATE SET n = n + 1",
                   [(a,) for a in counts])
    _count_actors(db, counts, encode_source(source), +1)
    db.executemany("INSERT INTO live_use VALUES (?,?)", [(a, name) for a in sorted(used_actors([ex], rules))])
    db.executemany("INSERT INTO live_rule VALUES (?,?,?,?,?)",
                   [(r, base_rule(r), rel, p, name) for r, rel, p in sorted(rules_used(ex, rules))])


def _count_claims(db: sqlite3.Connection, per_claim: Counter, per_origin: Counter, sign: int) -> None:
    """Keep each claim's mentions and documents, and its mentions per origin (one document's, added or taken)."""
    db.executemany("INSERT INTO live_claim VALUES (?, ?, ?) ON CONFLICT(claim) DO UPDATE SET n = n + excluded.n, "
                   "docs = docs + excluded.docs", [(c, sign * n, sign) for c, n in sorted(per_claim.items())])
    db.executemany("INSERT INTO live_claim_origin VALUES (?, ?, ?) ON CONFLICT(claim, origin) DO UPDATE SET "
                   "n = n + excluded.n", [(c, o, sign * n) for (c, o), n in sorted(per_origin.items())])


def _count_actors(db: sqlite3.Connection, counts: dict[str, int], source: str, sign: int) -> None:
    """Keep per actor and source the documents naming the actor and its mentions in them."""
    db.executemany("INSERT INTO live_actor_source VALUES (?, ?, ?, ?) ON CONFLICT(actor, source) DO UPDATE SET "
                   "docs = docs + excluded.docs, n = n + excluded.n",
                   [(a, source, sign, sign * n) for a, n in sorted(counts.items())])


def _drop_zeros(db: sqlite3.Connection, claims: Iterable[str], actors: Iterable[str]) -> None:
    """Drop the counts of these claims and actors that fell to nothing (by key: the tables grow with the corpus)."""
    claims, actors = set(claims), set(actors)
    for sql, keys in (("DELETE FROM live_claim WHERE n <= 0 AND claim IN ({})", claims),
                      ("DELETE FROM live_claim_origin WHERE n <= 0 AND claim IN ({})", claims),
                      ("DELETE FROM live_actor_source WHERE docs <= 0 AND actor IN ({})", actors),
                      ("DELETE FROM live_named WHERE n <= 0 AND actor IN ({})", actors)):
        for _ in rows_where(db, sql, keys):
            pass


def _own_counts(db: sqlite3.Connection, name: str) -> tuple[Counter, Counter, dict[str, int], str]:
    per_claim, per_origin = Counter(), Counter()
    for claim, origin in db.execute("SELECT claim, origin FROM live_side WHERE name = ?", (name,)):
        per_claim[claim] += 1
        per_origin[claim, origin] += 1
    counts = dict(db.execute("SELECT actor, n FROM live_actor WHERE name = ?", (name,)).fetchall())
    source = db.execute("SELECT source FROM live_doc WHERE name = ?", (name,)).fetchone()[0]
    return per_claim, per_origin, counts, source


def side_columns(doc_id: str, m, source: Source, rules: Rules) -> tuple:
    """What corroboration groups a mention by: its actor pair, the sides of a figure it gives, speaker, claim,
    origin, order among a group's mentions (kg.corroborate._first_per_origin's), event and the kind of
    act it is (for cooperation against conflict), and whether it tells who acted first."""
    c = m.claim
    skeys = pair_of(side_key(c.subject, rules), side_key(c.object, rules)) if m.quantity and not c.negated else None
    cls = rules.relation_classes.get(c.relation, "")
    kind = next((k for k in ("cooperation", "conflict") if cls.endswith(k)), None) \
        if not c.negated and m.event and cls != "affiliation" else None
    order = f"{doc_id}\x00{m.start:012d}\x00{m.end:012d}\x00{m.rule}"
    return (pair_of(c.subject, c.object), skeys, m.speaker, c.id, encode_source(origin_of(m, source, rules)),
            order, m.event, kind, int(not c.negated and m.predicate in rules.initiation_predicates))


def set_source(db: sqlite3.Connection, name: str, source: Source, rules: Rules) -> None:
    """A document's source changed (its copy family did): it and its mentions' origins."""
    per_claim, per_origin, counts, old_source = _own_counts(db, name)
    _count_claims(db, Counter(), per_origin, -1)
    _count_actors(db, counts, old_source, -1)
    db.execute("UPDATE live_doc SET source = ? WHERE name = ?", (encode_source(source), name))
    rows = db.execute("SELECT idx, mention FROM live_side WHERE name = ?", (name,)).fetchall()
    db.executemany("UPDATE live_side SET origin = ? WHERE name = ? AND idx = ?",
                   [(encode_source(origin_of(sealed.loads(b), source, rules)), name, i) for i, b in rows])
    per_claim, per_origin, counts, new_source = _own_counts(db, name)
    _count_claims(db, Counter(), per_origin, +1)
    _count_actors(db, counts, new_source, +1)
    _drop_zeros(db, per_claim, counts)


def remove_documents(db: sqlite3.Connection, names: Iterable[str]) -> None:
    names = sorted(set(names))
    claims, actors = set(), set()
    for name in names:
        per_claim, per_origin, counts, source = _own_counts(db, name)
        _count_claims(db, per_claim, per_origin, -1)
        _count_actors(db, counts, source, -1)
        db.executemany("UPDATE live_named SET n = n - 1 WHERE actor = ?", [(a,) for a in counts])
        claims |= set(per_claim)
        actors |= set(counts)
    ids = [i for (i,) in rows_where(db, "SELECT id FROM live_doc WHERE name IN ({})", names)]
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        db.execute(f"DELETE FROM live_band WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    for i in range(0, len(names), _CHUNK):
        chunk = names[i:i + _CHUNK]
        for table in _PER_NAME:
            db.execute(f"DELETE FROM {table} WHERE name IN ({','.join('?' * len(chunk))})", chunk)
    _drop_zeros(db, claims, actors)


def clear(db: sqlite3.Connection) -> None:
    for table in (*_PER_NAME, "live_band", "live_claim", "live_claim_origin", "live_actor_source", "live_named",
                  "live_edge", "live_total", "live_build"):
        db.execute(f"DELETE FROM {table}")


def set_build(db: sqlite3.Connection, name: str) -> None:
    db.execute("DELETE FROM live_build")
    db.execute("INSERT INTO live_build VALUES (?)", (name,))


def readings(db: sqlite3.Connection, keys: Iterable[str], without: set[str] = frozenset(),
             extra: Iterable[tuple[str, object]] = ()) -> dict[str, Counter]:
    """The readings of these discovered actors across the indexed documents (but those named in
    `without`, and with `extra` (key, actor) added), as kg.build.with_discovered counts them."""
    keys = set(keys)
    versions: dict[str, Counter] = {}
    for key, name, blob in rows_where(db, "SELECT key, name, actor FROM live_found WHERE key IN ({})", keys):
        if name not in without:
            versions.setdefault(key, Counter())[sealed.loads(blob)] += 1
    for key, actor in extra:
        if key in keys:
            versions.setdefault(key, Counter())[actor] += 1
    return versions


_SIDE = "name, idx, doc, mention, origin"


def sides_of(db: sqlite3.Connection, names: Iterable[str]) -> list[tuple]:
    """(file name, index, document id, mention, origin) of these documents' mentions, in order."""
    rows = rows_where(db, f"SELECT {_SIDE} FROM live_side WHERE name IN ({{}})", names)
    return [(n, i, d, sealed.loads(b), decode_source(o)) for n, i, d, b, o in sorted(rows, key=lambda r: r[:2])]


def support(db: sqlite3.Connection, claims: Iterable[str]) -> dict[str, Support]:
    """Each claim's documents and origins across the indexed documents (claims no document states left out)."""
    out = {c: Support(docs) for c, docs in rows_where(db, "SELECT claim, docs FROM live_claim WHERE claim IN ({})", claims)}
    for claim, origin in rows_where(db, "SELECT claim, origin FROM live_claim_origin WHERE claim IN ({})", claims):
        out[claim].origins.add(decode_source(origin))
    return out


def contest_sides(db: sqlite3.Connection, polarity: set[tuple[str, str]], initiation: set[tuple[str, str]],
                  pairs: set[str], skeys: set[str]) -> list[tuple]:
    """The mentions kg.corroborate.find_contests needs to find every contest between these claims and their
    negations (polarity), claims and their reverses (who acted first), within these actor pairs
    (cooperation against conflict in one event) and between these sides of figures: the first mention per
    origin where only that counts, every one where order or all count; groups that cannot hold a contest
    (no negation stated, no reverse, one kind of act only) are skipped. In file-name and mention order,
    as (file name, index, document id, mention, origin)."""
    stated = {c for (c,) in rows_where(db, "SELECT claim FROM live_claim WHERE claim IN ({})", {x for p in polarity for x in p})}
    initiating = {c for (c,) in rows_where(db, "SELECT DISTINCT claim FROM live_side WHERE init = 1 AND claim IN ({})",
                                           {x for p in initiation for x in p})}
    queries = [
        (f"SELECT {_SIDE}, MIN(ord) FROM live_side WHERE claim IN ({{}}) GROUP BY claim, origin",
         {x for p in polarity if set(p) <= stated for x in p}),
        (f"SELECT {_SIDE}, ord FROM live_side WHERE init = 1 AND claim IN ({{}})",
         {x for p in initiation if set(p) <= initiating for x in p}),
        (f"SELECT {_SIDE}, ord FROM live_side WHERE skeys IN ({{}})", skeys),
    ]
    found: dict[tuple[str, int], tuple] = {}
    for sql, values in queries:
        for name, idx, doc, blob, origin, _ in rows_where(db, sql, values):
            found.setdefault((name, idx), (doc, blob, origin))
    both = list(rows_where(db, "SELECT pair, event FROM live_side WHERE kind IS NOT NULL AND pair IN ({}) "
                               "GROUP BY pair, event HAVING COUNT(DISTINCT kind) = 2", pairs))
    for pair, event in both:
        for name, idx, doc, blob, origin, _ in db.execute(
                f"SELECT {_SIDE}, MIN(ord) FROM live_side WHERE kind IS NOT NULL AND pair = ? AND event = ? "
                f"GROUP BY kind, origin", (pair, event)):
            found.setdefault((name, idx), (doc, blob, origin))
    return [(n, i, d, sealed.loads(b), decode_source(o)) for (n, i), (d, b, o) in sorted(found.items())]


def edges(db: sqlite3.Connection, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], ActorEdge]:
    out = {}
    for key in sorted(set(keys)):
        row = db.execute("SELECT claims, sources FROM live_edge WHERE subject = ? AND object = ? AND class = ?",
                         key).fetchone()
        if row:
            out[key] = ActorEdge(*key, *row)
    return out


def put_edges(db: sqlite3.Connection, old: dict, new: dict) -> None:
    db.executemany("DELETE FROM live_edge WHERE subject = ? AND object = ? AND class = ?", sorted(set(old) - set(new)))
    db.executemany("INSERT OR REPLACE INTO live_edge VALUES (?,?,?,?,?)",
                   [(e.subject, e.object, e.quad_class, e.claims, e.sources) for _, e in sorted(new.items())])


def actor_rows(db: sqlite3.Connection, actors: Iterable[str]) -> dict[str, tuple[int, int, int]]:
    """Per actor: its mentions, documents and distinct sources of those documents."""
    sql = "SELECT actor, SUM(n), SUM(docs), COUNT(*) FROM live_actor_source WHERE actor IN ({}) GROUP BY actor"
    return {a: (m, n, s) for a, m, n, s in rows_where(db, sql, actors)}


def used(db: sqlite3.Connection, actors: Iterable[str]) -> set[str]:
    return {a for (a,) in rows_where(db, "SELECT DISTINCT actor FROM live_use WHERE actor IN ({})", actors)}


def rules_touching(db: sqlite3.Connection, triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """The indexed (rule, relation, predicate) that share a base rule or a predicate with these."""
    out = set()
    for rule, rel, pred in rows_where(db, "SELECT rule, relation, predicate FROM live_rule WHERE base IN ({})",
                                      {base_rule(r) for r, _, _ in triples}):
        out.add((rule, rel, pred))
    for pred, rel in {(p, r) for _, r, p in triples}:
        out |= {(r, rl, p) for r, rl, p in db.execute(
            "SELECT rule, relation, predicate FROM live_rule WHERE predicate = ? AND relation = ?", (pred, rel))}
    return out


def source_named(db: sqlite3.Connection, src: Source, rules: Rules, without: set[str] = frozenset(),
                 speakers_without: set[str] = frozenset()) -> bool:
    """Whether some indexed document counts as src, or some mention is attributed to it (leaving out the
    documents named in `without`, and the mentions of those in `speakers_without`)."""
    def some(sql: str, value: str, names: set[str]) -> bool:
        names = sorted(names)
        rows = db.execute(f"{sql} AND name NOT IN ({','.join('?' * len(names))}) LIMIT 1", (value, *names))
        return rows.fetchone() is not None
    if some("SELECT 1 FROM live_doc WHERE source = ?", encode_source(src), without):
        return True
    if src.kind != "actor" or src.id not in rules.actors or rules.actors[src.id].type == "group" \
            or rules.actors[src.id].label != src.label:
        return False
    return some("SELECT 1 FROM live_side WHERE speaker = ?", src.id, speakers_without)


TOTALS = ("documents", "sentences", "repeated_sentences", "actor_mentions", "mentions", "actors", "claims")


def totals(db: sqlite3.Connection) -> dict[str, int]:
    """The build's counts (kg.build.BuildSummary's), kept as they change."""
    found = dict(db.execute("SELECT what, n FROM live_total").fetchall())
    return {k: found.get(k, 0) for k in TOTALS}


def set_totals(db: sqlite3.Connection, counts: dict[str, int]) -> None:
    db.executemany("INSERT OR REPLACE INTO live_total VALUES (?, ?)", [(k, counts[k]) for k in TOTALS])


def document_totals(db: sqlite3.Connection, names: Iterable[str]) -> Counter:
    """The counts these indexed documents add to the build's."""
    out = Counter()
    sql = "SELECT COUNT(*), SUM(sentences), SUM(repeated), SUM(actor_mentions), SUM(mentions) FROM live_doc WHERE name IN ({})"
    for row in rows_where(db, sql, names):
        out.update(dict(zip(TOTALS, (v or 0 for v in row))))
    return out


# --- a whole build, corroborated from the index in bounded batches (kg.build._index_streamed) ---------

def copy_candidates(db: sqlite3.Connection) -> list[set[str]]:
    """The documents (ids) linked by shared MinHash bands, transitively, in groups of two or more: every
    copy family lies within one group (find_copies compares nothing else); documents alone are left out."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x
    last, first = None, None
    for band, bucket, doc in db.execute("SELECT band, bucket, id FROM live_band ORDER BY band, bucket"):
        if (band, bucket) != last:
            last, first = (band, bucket), doc
            continue
        a, b = root(first), root(doc)
        if a != b:
            parent[max(a, b)] = min(a, b)
            parent.setdefault(min(a, b), min(a, b))
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(root(x), set()).add(x)
    return [g for _, g in sorted(groups.items())]


def found_keys(db: sqlite3.Connection) -> set[str]:
    return {k for (k,) in db.execute("SELECT DISTINCT key FROM live_found")}


def set_sources(db: sqlite3.Connection, sources: dict[str, Source]) -> None:
    """Each document's source by document id (rows indexed by add_head without one)."""
    db.executemany("UPDATE live_doc SET source = ? WHERE id = ?", [(encode_source(s), i) for i, s in sources.items()])


def documents_in_order(db: sqlite3.Connection, batch: int) -> Iterator[list[tuple]]:
    """(name, key, id, sha, date, publisher, source) of every indexed document by file name, in batches."""
    cursor = db.execute("SELECT name, key, id, sha, date, publisher, source FROM live_doc ORDER BY name")
    while rows := cursor.fetchmany(batch):
        yield rows


def origins_in_order(db: sqlite3.Connection, batch: int) -> Iterator[dict[tuple[str, str], Source]]:
    """Each mention's origin, (document id, mention id) -> source, in batches."""
    cursor = db.execute("SELECT doc, mention, origin FROM live_side ORDER BY name, idx")
    while rows := cursor.fetchmany(batch):
        out = {}
        for doc, blob, origin in rows:
            out[doc, sealed.loads(blob).id(doc)] = decode_source(origin)
        yield out


def claims_by_pair(db: sqlite3.Connection) -> Iterator[tuple[str, object]]:
    """(actor pair, claim) of every claim stated, by actor pair (one mention read per claim)."""
    for pair, blob in db.execute("SELECT pair, mention FROM live_side GROUP BY claim ORDER BY pair, claim"):
        yield pair, sealed.loads(blob).claim


def figure_sides(db: sqlite3.Connection, batch: int) -> Iterator[set[str]]:
    """The sides of figures (skeys) the mentions give, in batches."""
    cursor = db.execute("SELECT DISTINCT skeys FROM live_side WHERE skeys IS NOT NULL ORDER BY skeys")
    while rows := cursor.fetchmany(batch):
        yield {s for (s,) in rows}


def all_actor_rows(db: sqlite3.Connection) -> dict[str, tuple[int, int, int]]:
    """actor_rows of every actor named."""
    sql = "SELECT actor, SUM(n), SUM(docs), COUNT(*) FROM live_actor_source GROUP BY actor ORDER BY actor"
    return {a: (m, n, s) for a, m, n, s in db.execute(sql)}


def whole_totals(db: sqlite3.Connection) -> dict[str, int]:
    """The build's counts (as kg.build._summary makes them) from the index of a whole build."""
    row = db.execute("SELECT COUNT(*), SUM(sentences), SUM(repeated), SUM(actor_mentions), SUM(mentions) "
                     "FROM live_doc").fetchone()
    out = dict(zip(TOTALS, (v or 0 for v in row)))
    out["actors"] = db.execute("SELECT COUNT(DISTINCT actor) FROM live_actor").fetchone()[0]
    out["claims"] = db.execute("SELECT COUNT(*) FROM live_claim").fetchone()[0]
    return {k: out.get(k, 0) for k in TOTALS}


def doc_ids_in_order(db: sqlite3.Connection) -> Iterator[str]:
    for (i,) in db.execute("SELECT id FROM live_doc ORDER BY name"):
        yield i
