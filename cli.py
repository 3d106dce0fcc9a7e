"""kg command line: a thin click layer over the kg library (parse options, call, print)."""
from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
from typing import Iterable
from pathlib import Path

import click

from kg import __version__
from kg.errors import Interrupted, KgError, QueryError
from kg.store import DEFAULT_STORE, Store, open_store


@contextlib.contextmanager
def _stopped_like_ctrl_c():
    """`kill` stops a build like Ctrl-C does: through its clean-up (worker processes stopped, the
    half-written build deleted, the previous one left live)."""
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _fails_cleanly(fn):
    """Turn kg's own errors into one line on stderr and a non-zero exit, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            # the reader stopped reading (`kg claims | head`): what it wanted was written, so no error; stdout
            # goes to /dev/null so the interpreter's own flush at exit does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except (OSError, RuntimeError) as exc:
            # RocksDB finds some damage only when a query reads the damaged block
            if "Corruption" not in str(exc):
                raise
            store = click.get_current_context().find_root().obj
            click.echo(f"kg: error: {getattr(store, 'path', 'the store')}: the store is damaged "
                       f"({' '.join(str(exc).split())}); move it away and run `kg build` again", err=True)
            sys.exit(1)
    return wrapper


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_output(data: bytes | str | Iterable[str], output: str | None) -> None:
    """Write to a file atomically (a temporary file renamed into place), or to stdout; text given in
    pieces (an iterable of str) is written as it comes.

    A new file gets the mode the umask allows (not mkstemp's 0600); an existing file keeps its own."""
    chunks = [data] if isinstance(data, (str, bytes)) else data
    raws = (c.encode("utf-8") if isinstance(c, str) else c for c in chunks)
    if not output or output == "-":
        for raw in raws:
            sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    target = Path(output)
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    except OSError as exc:
        raise KgError(f"{output}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for raw in raws:
                fh.write(raw)
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise KgError(f"{output}: cannot write ({exc.strerror})") from None
        raise


@click.group()
@click.version_option(__version__, prog_name="kg")
@click.option("--store", "store_path", envvar="KG_STORE", default=DEFAULT_STORE, show_default=True,
              type=click.Path(file_okay=False),
              help="Store directory, or the URL of a SPARQL server's dataset (http://HOST:PORT/PATH; see the README) "
                   "(or set KG_STORE).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A folder of your own rule files (actors.yaml, verbs.yaml, relations.yaml, ...) that extend "
                   "the built-in ones; repeatable (or set KG_RULES, separated by ':').")
@click.pass_context
def cli(ctx: click.Context, store_path: str, rule_dirs: tuple[str, ...]) -> None:
    """kg: a claim-provenance knowledge graph of who did what to whom, according to whom."""
    if rule_dirs:
        # one place decides which rule files are in force: kg.rules reads KG_RULES
        os.environ["KG_RULES"] = os.pathsep.join([*filter(None, os.environ.get("KG_RULES", "").split(os.pathsep)),
                                                  *rule_dirs])
    try:
        ctx.obj = open_store(store_path)
    except KgError as exc:  # a malformed store URL
        raise click.BadParameter(str(exc), param_hint="--store") from None


def _print_summary(s) -> None:
    for warning in s.warnings:
        click.echo(f"kg: warning: {warning}", err=True)
    if s.skipped:
        click.echo(f"{s.skipped} bad JSON line{'s' if s.skipped != 1 else ''} skipped (see the warnings above)", err=True)
    for name in s.replaced:
        click.echo(f"replaced {name} (the stored document of that name had other text)")
    click.echo(f"{s.documents} documents, {s.sentences} sentences ({s.repeated_sentences} repeated, not re-extracted)")
    click.echo(f"{s.actor_mentions} actor mentions of {s.actors} actors")
    click.echo(f"{s.claims} claims in {s.mentions} mentions")
    if s.how == "shards":
        from kg.shards import MARKER_FILE
        what = (f"in {s.shards} shard{'s' if s.shards != 1 else ''} of at most {s.largest_shard} bytes "
                f"(load {MARKER_FILE} last) written to")
    else:
        what = "stored in" if s.how == "written" else "removed or added, changing the build in place in"
    click.echo(f"{s.quads} quads {what} {s.store} in {s.seconds:.2f}s "
               f"({s.extracted} documents extracted, the rest from the extraction cache)")


def _progress_bar():
    """Articles, MB/s and time left on stderr, redrawn in place; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    import time
    t0 = time.monotonic()

    def show(done: int, total: int, done_bytes: int, total_bytes: int) -> None:
        elapsed = max(time.monotonic() - t0, 1e-6)
        rate = done_bytes / elapsed
        left = (total_bytes - done_bytes) / rate if rate and total_bytes > done_bytes else 0
        width = 30
        filled = width * done // total if total else width
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles  "
                   f"{rate / 1e6:.2f} MB/s  ETA {int(left) // 60}:{int(left) % 60:02d} ", nl=False, err=True)
        if done >= total:
            click.echo("", err=True)
    return show


_JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes for extraction (default: the number of cores).")
_BUILD_JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                           help="Worker processes for extraction, and with --shards for the documents' quads "
                                "(default: the number of cores).")
_SCHEDULER = click.option("--scheduler", metavar="URL",
                          help="Send extraction to an existing Dask cluster (tcp://HOST:8786); needs kg[cluster].")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_BUILD_JOBS
@_SCHEDULER
@click.option("--shards", type=click.Path(), default=None, metavar="DIR",
              help="Write the graph as sorted N-Quads shard files DIR/graph-00001.nq, ... (a new or empty folder) "
                   "for a SPARQL server's bulk loader instead of into the store, which stays as it was; the "
                   "extraction cache beside the store is used and filled.")
@click.option("--shard-size", default=None, metavar="SIZE",
              help="With --shards: largest shard in bytes (K, M, G suffixes; default 64M).")
@click.pass_obj
@_fails_cleanly
def build(store: Store, paths: tuple[str, ...], jobs: int | None, scheduler: str | None, shards: str | None,
          shard_size: str | None) -> None:
    """Build the graph of the articles under PATHS (files or folders), replacing the previous build."""
    from kg.build import build as run_build
    from kg.shards import DEFAULT_SHARD_BYTES
    if shard_size is not None and shards is None:
        raise click.UsageError("--shard-size needs --shards DIR")
    size = DEFAULT_SHARD_BYTES if shard_size is None else _size(shard_size)
    with _stopped_like_ctrl_c():
        _print_summary(run_build(paths, store, jobs=jobs, scheduler=scheduler, progress=_progress_bar(),
                                 shards=shards, shard_size=size))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_JOBS
@_SCHEDULER
@click.pass_obj
@_fails_cleanly
def add(store: Store, paths: tuple[str, ...], jobs: int | None, scheduler: str | None) -> None:
    """Add articles to the built graph; a document with the same name (path under the folder given) replaces its earlier version."""
    from kg.build import add as run_add
    with _stopped_like_ctrl_c():
        _print_summary(run_add(paths, store, jobs=jobs, scheduler=scheduler, progress=_progress_bar()))


@cli.command()
@click.argument("docs", nargs=-1, required=True)
@click.pass_obj
@_fails_cleanly
def remove(store: Store, docs: tuple[str, ...]) -> None:
    """Remove stored documents (by file name, as `kg claims --doc` takes it) and all that only they said."""
    from kg.build import remove as run_remove
    with _stopped_like_ctrl_c():
        _print_summary(run_remove(docs, store))


@cli.group()
def cache() -> None:
    """The extraction cache beside the store (every document's extraction, kept for rebuilds and kg add)."""


@cache.command("prune")
@click.pass_obj
@_fails_cleanly
def cache_prune(store: Store) -> None:
    """Drop cached extractions the live build and the rules in force do not use (removed documents,
    earlier rules), and shrink the cache file; kg add and kg remove still change the build in place."""
    from kg.build import prune_cache
    with _stopped_like_ctrl_c():
        done = prune_cache(store)
    click.echo(f"dropped {done.dropped} cached extractions, kept {done.kept}; {done.cache}: "
               f"{_mb(done.bytes_before)} -> {_mb(done.bytes_after)} ({_mb(done.bytes_before - done.bytes_after)} freed)")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@cli.group()
def export() -> None:
    """Export the graph, the claims or the actor mentions."""


@export.command("graph")
@click.option("--format", "fmt", type=click.Choice(["nq", "trig", "ttl", "jsonld", "nt"]), default="nq",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--include-log", is_flag=True, help="Also export the build log (wall-clock times of each build).")
@click.option("--shards", type=click.Path(), default=None,
              help="Write the sorted N-Quads as shard files DIR/graph-00001.nq, ... (a new or empty folder) "
                   "for bulk loading into a SPARQL server, in bounded memory.")
@click.option("--shard-size", default="64M", show_default=True, metavar="SIZE",
              help="Largest shard in bytes (K, M, G suffixes); a quad longer than that gets a shard of its own.")
@click.pass_obj
@_fails_cleanly
def export_graph(store: Store, fmt: str, output: str | None, include_log: bool, shards: str | None,
                 shard_size: str) -> None:
    """The whole graph; sorted N-Quads are byte-identical for the same input."""
    if shards is None:
        from kg.tables import export_graph as run
        _write_output(run(store, fmt, include_log=include_log), output)
        return
    from kg.shards import MARKER_FILE, export_shards
    if fmt != "nq" or output:
        raise KgError("--shards writes N-Quads files into its folder; leave out --format and --output")
    done = export_shards(iter(store.open()), shards, _size(shard_size), include_log=include_log)
    click.echo(f"{done.quads} quads in {done.shards} shards of at most {done.largest} bytes -> {done.directory} "
               f"(load {MARKER_FILE} last)", err=True)


_SIZE_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _size(text: str) -> int:
    """'64M' -> bytes; a size under 1 KB or not a size is an error."""
    value = text.strip().upper().removesuffix("B")
    unit = value[-1:] if value[-1:] in _SIZE_UNITS else ""
    number = value[:-1] if unit else value
    if not number.isdigit() or int(number) * _SIZE_UNITS[unit] < 1024:
        raise KgError(f"--shard-size {text}: give a size of at least 1K, such as 64M or 1G")
    return int(number) * _SIZE_UNITS[unit]


def _table_command(name: str, rows_fn: str, columns: str, doc: str):
    @export.command(name, help=doc)
    @click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
    @click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
    @click.pass_obj
    @_fails_cleanly
    def command(store: Store, fmt: str, output: str | None) -> None:
        from kg import tables
        rows = getattr(tables, rows_fn)(store)  # read a batch of documents at a time, printed as they come
        _write_output(tables.csv_chunks(rows, getattr(tables, columns)) if fmt == "csv" else tables.json_chunks(rows),
                      output)
    return command


_table_command("claims", "claim_rows_streamed", "CLAIM_COLUMNS",
               "One row per claim mention: claim, document, quote, offsets, rule, attribution, support.")
_table_command("actors", "actor_rows_streamed", "ACTOR_COLUMNS", "One row per actor mention: document, actor, surface, offsets.")


def _graph_filters(fn):
    for decorator in reversed([
        click.option("--actor", help="Only actors within --depth hops of this actor (any alias)."),
        click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="Hops from --actor."),
        click.option("--relation", help="Only claims of this relation type (AID, ASSAULT, LEADER_OF, ...)."),
        click.option("--relation-class", help="Only claims of this PLOVER class: verbal_cooperation, "
                     "material_cooperation, verbal_conflict, material_conflict, affiliation; or cooperation, "
                     "conflict, verbal, material."),
        click.option("--min-sources", type=click.IntRange(min=1), help="Only claims with at least N independent sources."),
        click.option("--single-source-only", is_flag=True, help="Only claims backed by exactly one independent source."),
        click.option("--doc", help="Only claims this document (file name) makes."),
        click.option("--quotes", default=3, show_default=True, type=click.IntRange(min=0),
                     help="Quotes kept per claim (the first by document and position); the others are "
                          "counted, not read (kg export claims lists every quote)."),
    ]):
        fn = decorator(fn)
    return fn


def _filtered_graph(store: Store, actor, depth, relation, relation_class, min_sources, single_source_only, doc,
                    quotes):
    from kg.network import actor_graph
    return actor_graph(store, actor=actor, depth=depth, relation=relation, relation_class=relation_class,
                       min_sources=min_sources, single_source_only=single_source_only, doc=doc, quotes=quotes)


@export.command("network")
@_graph_filters
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml"]), default="gexf", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.pass_obj
@_fails_cleanly
def export_network(store: Store, fmt: str, output: str | None, **filters) -> None:
    """The actor network (one edge per claim) for Gephi or Cytoscape."""
    from kg.views import export_network as run
    _write_output(run(_filtered_graph(store, **filters), fmt), output)


@cli.command()
@_graph_filters
@click.option("--title", help="Page title (default: a description of the filters).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.pass_obj
@_fails_cleanly
def graph(store: Store, title: str | None, output: str, **filters) -> None:
    """Write the actor graph as one offline HTML page: hover an edge for the quotes behind it."""
    from kg.views import render_html, title_for
    g = _filtered_graph(store, **filters)
    _write_output(render_html(g, title=title or title_for(filters)), output)
    click.echo(f"{g.number_of_nodes()} actors, {g.number_of_edges()} claims -> {output}", err=True)


@cli.command()
@click.option("--full", is_flag=True, help="Check the whole graph, however large.")
@click.option("--sample", default=50, show_default=True, type=click.IntRange(min=1),
              help="In a larger store, check this many documents (spread over the file names) and all they reach.")
@click.pass_obj
@_fails_cleanly
def validate(store: Store, full: bool, sample: int) -> None:
    """Check the stored graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate as run
    result = run(store, full=full, sample=sample)
    if result.conforms:
        scope = "" if result.checked == result.documents else \
            f" (checked {result.checked} of {result.documents} documents and all they reach; --full checks all)"
        click.echo(f"conforms: the graph satisfies every SHACL shape{scope}")
        return
    click.echo(result.report)
    click.echo(f"kg: error: {result.violations} SHACL violation(s)", err=True)
    sys.exit(1)


# --- asking the graph ------------------------------------------------------------------------

def _canned_options(tokens: list[str]) -> dict[str, str]:
    """`--actor "North Korea" --min-sources=2` after a canned query's name, as {name: value}."""
    values, i = {}, 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.startswith("--"):
            raise click.UsageError(f"unexpected argument {tok!r}; canned query parameters are --name VALUE")
        name, _, value = tok[2:].partition("=")
        if not _:
            if i + 1 >= len(tokens):
                raise click.UsageError(f"{tok} needs a value")
            value, i = tokens[i + 1], i + 1
        values[name.replace("-", "_")] = value
        i += 1
    return values


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a file (- for stdin).")
@click.option("--format", "fmt", default=None,
              help="SELECT: table, csv, tsv, json, xml (default table). CONSTRUCT/DESCRIBE: ttl, nt, xml, jsonld, nq, "
                   "trig. All but table are written row by row as the store answers; table holds every row first "
                   "to align its columns (use csv or tsv for large answers).")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries and their parameters.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Stop the query after this many seconds.")
@click.option("--max-memory", default=4096, show_default=True, type=click.IntRange(min=64),
              help="Stop the query when it needs more than this many MB.")
@click.pass_context
@_fails_cleanly
def query(ctx: click.Context, query: str | None, query_file, fmt: str | None, list_queries: bool,
          output: str | None, timeout: float | None, max_memory: int) -> None:
    """Run SPARQL: a query string, -f FILE, or a canned query by name with its --parameters.

    The prefixes kg, kgid, prov, schema, oa, rdf, rdfs, owl, skos, xsd and wd need no declaration.
    ASK prints true or false and exits 0 or 1.
    """
    from kg import query as q
    store: Store = ctx.obj
    if list_queries:
        for cq in q.canned_queries().values():
            click.echo(f"{cq.name}: {cq.description}")
            for p in cq.params:
                need = "required" if p.required else (f"default {p.default}" if p.default else "optional")
                click.echo(f"    --{p.name.replace('_', '-')} {p.type.upper()} ({need}) {p.help}")
        return
    # the query runs in a child process that Ctrl-C, --timeout and --max-memory can stop (kg.query.stream_bounded),
    # which writes the answer as the store gives it and sends it here a chunk at a time
    if query_file is not None:
        text, source = query_file.read(), query_file.name
        answer = lambda: q.run_streamed(store, text, source=source)  # noqa: E731
    elif query and query in q.canned_queries():
        values = _canned_options(ctx.args)
        answer = lambda: q.run_canned_streamed(store, query, values)  # noqa: E731
    elif query:
        if ctx.args:
            raise click.UsageError(f"unexpected arguments {' '.join(ctx.args)}: only canned queries take parameters")
        answer = lambda: q.run_streamed(store, query)  # noqa: E731
    else:
        raise click.UsageError("give a query string, -f FILE, a canned query name, or --list")

    def work(channel) -> None:
        result = answer()
        channel.head((result.kind, result.boolean))
        q.write_answer(result, fmt, channel)

    try:
        with q.stream_bounded(work, timeout, max_memory) as stream:
            kind, boolean = stream.head
            if kind == "ask":
                click.echo("true" if boolean else "false")
                sys.exit(0 if boolean else 1)
            wrong = q.answer_format_error(kind, fmt)
            if wrong and kind == "select":
                raise click.UsageError(wrong)
            if wrong:
                raise QueryError(wrong)
            _write_output(stream, output)
    except KeyboardInterrupt:  # while the answer was being written out
        raise Interrupted("query: interrupted (Ctrl-C); stopped") from None


def _claim_filters(fn):
    for decorator in reversed([
        click.option("--actor", help="Claims with this actor (any alias) as subject or object."),
        click.option("--relation", help="Only this relation type (AID, ASSAULT, LEADER_OF, ...)."),
        click.option("--doc", help="Only claims this document (file name) makes."),
        click.option("--min-sources", type=click.IntRange(min=1), help="At least N independent sources."),
        click.option("--single-source", is_flag=True, help="Claims backed by exactly one independent source."),
    ]):
        fn = decorator(fn)
    return fn


@cli.command()
@_claim_filters
@click.option("--corroborated", is_flag=True, help="Claims backed by two or more independent sources.")
@click.option("--contested", is_flag=True, help="Claims in a contested pair; the pairs are shown side by side.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N claims (in the order shown).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N claims (with --limit: pages).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.pass_obj
@_fails_cleanly
def claims(store: Store, actor, relation, doc, min_sources, single_source, corroborated, contested, limit, offset,
           fmt, output) -> None:
    """Claims with their support: documents, independent sources, and every quote with its offsets.

    Claims are read and printed a batch at a time, so memory does not grow with the listing."""
    from kg import report
    from kg.claims import claim_records_streamed, contested_pairs
    records = claim_records_streamed(store, actor=actor, relation=relation, doc=doc, min_sources=min_sources,
                                     single_source=single_source, corroborated=corroborated, contested=contested,
                                     limit=limit, offset=offset)
    pairs = (lambda: contested_pairs(store, actor=actor)) if contested else None
    _write_output(report.claims_chunks(records, fmt, pairs), output)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.pass_obj
@_fails_cleanly
def sources(store: Store, fmt: str, output: str | None) -> None:
    """Per independent source: claims it makes, claims only it makes, agreement with every other source."""
    from kg import report
    from kg.claims import source_summaries
    from kg.tables import to_csv, to_json
    summaries = source_summaries(store)
    columns, rows = report.source_rows(summaries)
    text = {"text": lambda: report.sources_text(summaries), "csv": lambda: to_csv(rows, columns),
            "json": lambda: to_json(rows)}[fmt]()
    _write_output(text, output)


@cli.command()
@click.option("--limit", type=click.IntRange(min=1), help="Only the N highest-ranked actors.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.pass_obj
@_fails_cleanly
def actors(store: Store, limit: int | None, fmt: str, output: str | None) -> None:
    """Actors ranked by PageRank over claims weighted by independent sources, with degree and aliases."""
    from kg import report
    from kg.network import ranked_actors
    from kg.tables import to_csv, to_json
    ranks = ranked_actors(store)[:limit]
    text = {"text": lambda: report.actors_text(ranks),
            "csv": lambda: to_csv(report.actor_rows(ranks), ["actor_id"] + report.ACTOR_COLUMNS),
            "json": lambda: to_json([a.as_dict() for a in ranks])}[fmt]()
    _write_output(text, output)


@cli.command()
@click.argument("actor_a")
@click.argument("actor_b")
@click.pass_obj
@_fails_cleanly
def path(store: Store, actor_a: str, actor_b: str) -> None:
    """How two actors are connected: each hop with its relation and best evidence quote."""
    from kg import report
    from kg.network import path_in_store
    hops = path_in_store(store, actor_a, actor_b)
    click.echo(report.path_text(hops), nl=False)
    if not hops:
        sys.exit(1)


@cli.command()
@click.option("--actor", help="Only claims with this actor (any alias).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.pass_obj
@_fails_cleanly
def timeline(store: Store, actor: str | None, fmt: str) -> None:
    """Claims in the order of the years the texts place them in, with source counts."""
    from dataclasses import asdict

    from kg import report
    from kg.network import timeline_in_store
    from kg.tables import to_csv, to_json
    entries = timeline_in_store(store, actor=actor)
    text = {"text": lambda: report.timeline_text(entries),
            "csv": lambda: to_csv(report.timeline_rows(entries), report.TIMELINE_COLUMNS),
            "json": lambda: to_json([asdict(t) for t in entries])}[fmt]()
    _write_output(text, None)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout", default=60, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds per query; a slower query gets HTTP 504.")
@click.option("--max-memory", default=2048, show_default=True, type=click.IntRange(min=256),
              help="MB the query server may use; a query that needs more gets HTTP 503 and the server restarts.")
@click.option("--max-result", default=256, show_default=True, type=click.IntRange(min=1),
              help="MB per answer; a larger one gets HTTP 413.")
@click.pass_obj
@_fails_cleanly
def serve(store: Store, host: str, port: int, timeout: float, max_memory: int, max_result: int) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (Oxigraph's server, bounded); updates are refused."""
    from kg.serve import Endpoint, Limits, is_loopback
    endpoint = Endpoint(store, host, port, Limits(timeout, max_memory, max_result),
                        log=lambda line: click.echo(line, err=True))
    if not is_loopback(host):
        click.echo(f"kg: warning: listening on {host}, not only this machine: anyone who can reach it can read "
                   f"the whole graph", err=True)
    sys.exit(endpoint.run(on_ready=lambda: click.echo(
        f"SPARQL endpoint on {endpoint.url} (read-only; Ctrl-C stops it)", err=True)))


# --- tools for the analyst who maintains the rules -------------------------------------------------

@cli.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of gold files (tests/gold).")
@click.argument("docs", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Scores, misses and false claims as JSON.")
@click.pass_obj
@_fails_cleanly
def eval_command(store: Store, gold_dir: str, docs: tuple[str, ...], as_json: bool) -> None:
    """Score the build against hand annotations: P/R/F1 per document and micro, misses and false claims."""
    from pathlib import Path as P

    from kg import report
    from kg.evaluate import evaluate_store
    from kg.tables import to_json
    ev = evaluate_store(store, P(gold_dir), list(docs) or None)
    _write_output(to_json(ev.as_dict()) if as_json else report.evaluation_text(ev), None)


@cli.command()
@click.argument("text", required=False)
@click.option("--doc", help="A stored document (file name) instead of TEXT.")
@click.option("--sentence", type=click.IntRange(min=0), help="Only this sentence of --doc (numbered from 0).")
@click.pass_obj
@_fails_cleanly
def explain(store: Store, text: str | None, doc: str | None, sentence: int | None) -> None:
    """Why a sentence gave the claims it did: actors found, rules that matched, near misses."""
    from kg import report
    from kg.build import documents_named
    from kg.diagnose import explain as run
    from kg.documents import parse_document
    from kg.rules import load_rules
    rules = load_rules()
    if bool(text) == bool(doc):
        raise click.UsageError("give TEXT or --doc NAME (with --sentence N)")
    document = documents_named(store, [doc], rules)[0] if doc else parse_document("<text>", text + "\n", rules)
    try:
        found = run(document, rules, sentence)
    except IndexError as exc:
        raise KgError(str(exc)) from None
    click.echo(report.explanation_text(found), nl=False)


@cli.command()
@click.option("--doc", "docs", multiple=True, help="Only this stored document (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), help="Only the N most promising sentences.")
@click.pass_obj
@_fails_cleanly
def gaps(store: Store, docs: tuple[str, ...], limit: int | None) -> None:
    """Sentences that name two or more actors but gave no claim: the recall to-do list."""
    from kg import report
    from kg.build import documents_named
    from kg.diagnose import gaps as find_gaps
    from kg.rules import load_rules
    rules = load_rules()
    click.echo(report.gaps_text(find_gaps(documents_named(store, docs, rules), rules)[:limit]), nl=False)


@cli.command("unknown-names")
@click.option("--limit", type=click.IntRange(min=1), help="Only the N most frequent names.")
@click.pass_obj
@_fails_cleanly
def unknown_names(store: Store, limit: int | None) -> None:
    """Capitalised names in the corpus that the gazetteer does not know, with counts and an example."""
    from kg import report
    from kg.build import documents_named
    from kg.diagnose import unknown_names as find
    from kg.rules import load_rules
    rules = load_rules()
    click.echo(report.unknown_names_text(find(documents_named(store, rules=rules), rules)[:limit]), nl=False)


@cli.group(invoke_without_command=True)
@click.pass_context
@_fails_cleanly
def rules(ctx: click.Context) -> None:
    """The rule files in force (built-in, derived, and yours from --rules / KG_RULES) and their hash."""
    if ctx.invoked_subcommand is None:
        from kg.rules import load_rules, rule_dirs, rule_files
        digest = load_rules().digest  # every file checked before anything is listed
        for p in rule_files(rule_dirs()):
            click.echo(str(p))
        click.echo(f"rules hash {digest}")


@rules.command("test")
@_fails_cleanly
def rules_test() -> None:
    """Run the example sentences and counter-examples of every pattern and frame construction."""
    from kg.rules import load_rules
    from kg.ruletest import run_examples
    results = run_examples(load_rules())
    failed = [r for r in results if not r.ok]
    for r in failed:
        click.echo(f"FAIL {r.rule}: {r.text}\n     {r.problem}")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    cli()
