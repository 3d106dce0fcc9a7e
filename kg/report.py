"""Text renderings for a terminal and flat rows for CSV/JSON: claims, contested pairs, sources, actors."""
from __future__ import annotations

import textwrap
from dataclasses import asdict
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.query import text_table

if TYPE_CHECKING:  # types only: kg.network brings networkx (0.4 s), which `kg claims` never needs
    from kg.claims import ClaimRecord, ContestedPair, SourceSummary
    from kg.network import ActorRank, Hop, TimelineEntry

EVIDENCE_COLUMNS = ["claim_id", "subject", "relation", "object", "negated", "quad_class", "documents", "sources",
                    "contested", "doc", "publisher", "start", "end", "polarity", "attributed_to", "origin", "event",
                    "year", "quantity", "rule", "quote"]


def claim_title(r: ClaimRecord) -> str:
    return f"{r.subject} {'NOT ' if r.negated else ''}{r.relation} {r.object}"


def claims_text(records: list[ClaimRecord]) -> str:
    """Each claim with its support, then every quote with its document and offsets."""
    return "".join(claims_text_chunks(records))


def claims_text_chunks(records: Iterable[ClaimRecord]) -> Iterator[str]:
    """claims_text, a claim at a time."""
    count = 0
    for r in records:
        flag = "  [contested]" if r.contested else ""
        out = [f"{claim_title(r)}{flag}",
               f"  {r.documents} document{'s' * (r.documents != 1)}, {r.sources} independent "
               f"source{'s' * (r.sources != 1)}: {', '.join(r.source_names)}"]
        for e in r.evidence:
            said = f", according to {e.attributed_to}" if e.attributed_to else ""
            out.append(f"    {e.doc} [{e.start}:{e.end}] {e.polarity}{said}: \"{' '.join(e.quote.split())}\"")
        count += 1
        yield "\n".join(out) + "\n\n"
    yield f"{count} claim{'s' * (count != 1)}\n"


def claims_chunks(records: Iterable[ClaimRecord], fmt: str, contested_pairs=None) -> Iterator[str]:
    """The claims listing in text, csv or json, a piece at a time; contested_pairs() (if given) adds the pairs."""
    from kg.tables import csv_chunks, json_chunks, to_json
    if fmt == "csv":
        yield from csv_chunks(evidence_rows_streamed(records), EVIDENCE_COLUMNS)
    elif fmt == "json" and contested_pairs is not None:
        # the document json.dumps({"claims": ..., "contested_pairs": ...}, indent=2) makes
        yield '{\n  "claims": '
        yield from json_chunks((r.as_dict() for r in records), level=1, end="")
        yield (',\n  "contested_pairs": ' + to_json(contested_rows(contested_pairs())).rstrip("\n").replace("\n", "\n  ")
               + "\n}\n")
    elif fmt == "json":
        yield from json_chunks(r.as_dict() for r in records)
    else:
        yield from claims_text_chunks(records)
        if contested_pairs is not None:
            yield "\n" + contested_text(contested_pairs())


def evidence_rows(records: Iterable[ClaimRecord]) -> list[dict]:
    """One flat row per quote, the claim's fields repeated: what a spreadsheet wants."""
    return list(evidence_rows_streamed(records))


def evidence_rows_streamed(records: Iterable[ClaimRecord]) -> Iterator[dict]:
    """evidence_rows, a row at a time."""
    for r in records:
        for e in r.evidence:
            row = {k: getattr(r, k) for k in ("subject", "relation", "object", "negated", "quad_class", "documents",
                                              "sources", "contested")}
            row["claim_id"] = r.id
            row.update(asdict(e))
            yield row


def _side_lines(side, width: int) -> list[str]:
    parts = [side.claim, f"source: {side.source}", f"{side.doc} [{side.start}:{side.end}]", f"\"{side.quote}\""]
    return [ln for part in parts for ln in textwrap.wrap(" ".join(part.split()), width) or [""]]


def contested_text(pairs: list[ContestedPair], width: int = 100) -> str:
    """Each contested pair side by side: claim, source, document and quote of both accounts."""
    col = (width - 3) // 2
    out = []
    for p in pairs:
        out.append(f"{p.kind}{': ' + p.note if p.note else ''}")
        lw, rw = _side_lines(p.a, col), _side_lines(p.b, col)
        for i in range(max(len(lw), len(rw))):
            a = lw[i] if i < len(lw) else ""
            b = rw[i] if i < len(rw) else ""
            out.append(f"  {a.ljust(col)} | {b}".rstrip())
        out.append("")
    out.append(f"{len(pairs)} contested pair{'s' * (len(pairs) != 1)}")
    return "\n".join(out) + "\n"


def contested_rows(pairs: list[ContestedPair]) -> list[dict]:
    rows = []
    for p in pairs:
        row = {"kind": p.kind, "note": p.note}
        for side, s in (("a", p.a), ("b", p.b)):
            row.update({f"{side}_{k}": v for k, v in asdict(s).items()})
        rows.append(row)
    return rows


def sources_text(summaries: list[SourceSummary]) -> str:
    """Per source its claims and unique claims, then the agreement matrix (claims both back)."""
    names = [s.source for s in summaries]
    table = text_table(["#", "source", "claims", "only this source"],
                       [[str(i + 1), s.source, str(s.claims), str(s.only_this_source)] for i, s in enumerate(summaries)])
    header = ["#"] + [str(i + 1) for i in range(len(names))]
    rows = []
    for i, s in enumerate(summaries):
        rows.append([str(i + 1)] + ["·" if j == i else str(s.agreement.get(n, 0) or "") for j, n in enumerate(names)])
    matrix = text_table(header, rows).rsplit("\n(", 1)[0]
    return (table + "\nAgreement: claims backed by both sources (row and column numbers as above)\n" + matrix + "\n")


def source_rows(summaries: list[SourceSummary]) -> tuple[list[str], list[dict]]:
    names = [s.source for s in summaries]
    columns = ["source", "claims", "only_this_source"] + names
    rows = [{"source": s.source, "claims": s.claims, "only_this_source": s.only_this_source,
             **{n: ("" if n == s.source else s.agreement.get(n, 0)) for n in names}} for s in summaries]
    return columns, rows


ACTOR_COLUMNS = ["actor", "type", "degree", "weighted_degree", "pagerank", "mentions", "sources", "aliases"]


def actors_text(ranks: list[ActorRank]) -> str:
    return text_table(["rank"] + ACTOR_COLUMNS,
                      [[str(i + 1), a.actor, a.type, str(a.degree), str(a.weighted_degree), f"{a.pagerank:.4f}",
                        str(a.mentions), str(a.sources), ", ".join(a.aliases)] for i, a in enumerate(ranks)])


def actor_rows(ranks: list[ActorRank]) -> list[dict]:
    return [{**a.as_dict(), "aliases": "; ".join(a.aliases)} for a in ranks]


def path_text(hops: list[Hop]) -> str:
    if not hops:
        return "no connection\n"
    out = []
    for i, h in enumerate(hops, 1):
        arrow = f"--{h.relation}-->" if h.direction == "forward" else f"<--{h.relation}--"
        out.append(f"{i}. {h.source} {arrow} {h.target}   ({h.sources} source{'s' * (h.sources != 1)})")
        out.append(f"   {h.doc} [{h.start}:{h.end}]: \"{' '.join(h.quote.split())}\"")
    return "\n".join(out) + "\n"


TIMELINE_COLUMNS = ["year", "claim", "relation", "events", "documents", "sources", "quote", "doc"]


def timeline_rows(entries: list[TimelineEntry]) -> list[dict]:
    return [{**asdict(t), "events": "; ".join(t.events)} for t in entries]


def timeline_text(entries: list[TimelineEntry]) -> str:
    return text_table(["year", "claim", "sources", "documents", "events", "doc", "quote"],
                      [[str(t.year or "?"), t.claim, str(t.sources), str(t.documents), "; ".join(t.events), t.doc,
                        t.quote] for t in entries])


def evaluation_text(ev) -> str:
    """Per-document and micro-averaged scores, then the misses and false claims to work on."""
    def f(s):
        return [f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}"]
    rows = [[d.doc, *f(d.labelled), *f(d.unlabelled), *f(d.actors)] for d in ev.documents]
    rows.append(["micro", *f(ev.labelled), *f(ev.unlabelled), *f(ev.actors)])
    out = [text_table(["doc", "lab P", "lab R", "lab F1", "unl P", "unl R", "unl F1", "act P", "act R", "act F1"], rows),
           f"polarity accuracy {ev.polarity_accuracy:.2f}, attribution accuracy {ev.attribution_accuracy:.2f} "
           f"(over the {ev.labelled.tp} claims found)", "", f"Missed ({len(ev.misses)}):"]
    out += [f"  {m['doc']}: {m['subject']} {m['relation']} {m['object']}  \"{' '.join(m['quote'].split())}\""
            for m in ev.misses]
    out += ["", f"False ({len(ev.false)}):"]
    out += [f"  {m['doc']} [{m['start']}:{m['end']}] {m['rule']}: {m['subject']} {m['relation']} {m['object']}  "
            f"\"{' '.join(m['quote'].split())}\"" for m in ev.false]
    return "\n".join(out) + "\n"


def explanation_text(explanations) -> str:
    out = []
    for e in explanations:
        out.append(f"{e.doc} sentence {e.sentence}{'  (repeated boilerplate: not extracted)' if e.repeated else ''}")
        out.append(f"  text:    {' '.join(e.text.split())}")
        out.append("  actors:  " + ("; ".join(f"{s} = {label} ({how})" for s, label, how in e.actors) or "none"))
        if e.speaker:
            out.append(f"  said by: {e.speaker}")
        out.append(f"  masked:  {e.masked}")
        if e.parse:
            out.append("  parse:   " + "  ".join(f"{tok}/{pos}/{dep}<{head}" for tok, _, pos, dep, head in e.parse))
        else:
            out.append("  parse:   not parsed (repeated, or fewer than two candidate actors)")
        for t in e.trials:
            made = "; ".join(f"{s} {r} {o} ({p})" for s, r, o, p in t.claims)
            out.append(f"  fired    {t.rule}: {made}" if t.fired else f"  matched  {t.rule}, no claim: {t.why_not}")
        for t in e.near_misses:
            out.append(f"  nearly   {t.rule}: {t.why_not}")
        if not e.trials and not e.near_misses:
            out.append("  no rule matched")
        out.append("")
    return "\n".join(out)


def gaps_text(found) -> str:
    out = []
    for g in found:
        out.append(f"{g.doc} sentence {g.sentence}: {', '.join(g.actors)}")
        out.append(f"  {' '.join(g.text.split())}")
        out += [f"  hint: {h}" for h in g.hints]
    out.append(f"{len(found)} sentence{'s' * (len(found) != 1)} name two or more actors and gave no claim")
    return "\n".join(out) + "\n"


def unknown_names_text(names) -> str:
    return text_table(["name", "count", "documents", "example"],
                      [[n.name, str(n.count), str(n.documents), f"{n.example_doc}: {n.example}"] for n in names],
                      max_width=90)
