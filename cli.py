"""kg command line: a thin click layer over the kg library (parse options, call, print)."""
from __future__ import annotations

import functools
import os
import sys
import tempfile
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError
from kg.store import DEFAULT_STORE, Store


def _fails_cleanly(fn):
    """Turn kg's own errors into one line on stderr and a non-zero exit, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


def _write_output(data: bytes | str, output: str | None) -> None:
    """Write to a file atomically (a temporary file renamed into place), or to stdout."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not output or output == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group()
@click.version_option(__version__, prog_name="kg")
@click.option("--store", "store_path", envvar="KG_STORE", default=DEFAULT_STORE, show_default=True,
              type=click.Path(file_okay=False), help="Store directory (or set KG_STORE).")
@click.pass_context
def cli(ctx: click.Context, store_path: str) -> None:
    """kg: a claim-provenance knowledge graph of who did what to whom, according to whom."""
    ctx.obj = Store(store_path)


def _print_summary(s) -> None:
    click.echo(f"{s.documents} documents, {s.sentences} sentences ({s.repeated_sentences} repeated, not re-extracted)")
    click.echo(f"{s.actor_mentions} actor mentions of {s.actors} actors")
    click.echo(f"{s.claims} claims in {s.mentions} mentions")
    click.echo(f"{s.quads} quads stored in {s.store} in {s.seconds:.2f}s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_obj
@_fails_cleanly
def build(store: Store, paths: tuple[str, ...]) -> None:
    """Build the graph of the articles under PATHS (files or folders), replacing the previous build."""
    from kg.build import build as run_build
    _print_summary(run_build(paths, store))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_obj
@_fails_cleanly
def add(store: Store, paths: tuple[str, ...]) -> None:
    """Add articles to the built graph; a file with the same name replaces its earlier version."""
    from kg.build import add as run_add
    _print_summary(run_add(paths, store))


@cli.group()
def export() -> None:
    """Export the graph, the claims or the actor mentions."""


@export.command("graph")
@click.option("--format", "fmt", type=click.Choice(["nq", "trig", "ttl", "jsonld", "nt"]), default="nq",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--include-log", is_flag=True, help="Also export the build log (wall-clock times of each build).")
@click.pass_obj
@_fails_cleanly
def export_graph(store: Store, fmt: str, output: str | None, include_log: bool) -> None:
    """The whole graph; sorted N-Quads are byte-identical for the same input."""
    from kg.tables import export_graph as run
    _write_output(run(store, fmt, include_log=include_log), output)


def _table_command(name: str, rows_fn: str, columns: str, doc: str):
    @export.command(name, help=doc)
    @click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
    @click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
    @click.pass_obj
    @_fails_cleanly
    def command(store: Store, fmt: str, output: str | None) -> None:
        from kg import tables
        rows = getattr(tables, rows_fn)(store)
        text = tables.to_csv(rows, getattr(tables, columns)) if fmt == "csv" else tables.to_json(rows)
        _write_output(text, output)
    return command


_table_command("claims", "claim_rows", "CLAIM_COLUMNS",
               "One row per claim mention: claim, document, quote, offsets, rule, attribution, support.")
_table_command("actors", "actor_rows", "ACTOR_COLUMNS", "One row per actor mention: document, actor, surface, offsets.")


@cli.command()
@click.pass_obj
@_fails_cleanly
def validate(store: Store) -> None:
    """Check the stored graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate as run
    result = run(store)
    if result.conforms:
        click.echo("conforms: the graph satisfies every SHACL shape")
        return
    click.echo(result.report)
    click.echo(f"kg: error: {result.violations} SHACL violation(s)", err=True)
    sys.exit(1)


@cli.group()
def rules() -> None:
    """Check the rule files under ontology/."""


@rules.command("test")
@_fails_cleanly
def rules_test() -> None:
    """Run every pattern's example sentences and counter-examples."""
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
