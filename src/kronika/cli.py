"""Command line: ``kronika extract``, ``run``, ``articles``, ``show`` and ``eval``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click

from kronika import __version__
from kronika.errors import KronikaError
from kronika.ingest.dates import parse_published
from kronika.ingest.document import Skipped
from kronika.model import Article, Published, to_dict
from kronika.pipeline import RunSummary, process

DEFAULT_DB = "kronika.db"


def _published_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Published | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        raise click.BadParameter("use YYYY-MM-DD, YYYY-MM or YYYY")
    return parsed


def _language_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}", value):
        raise click.BadParameter("use an ISO 639 code such as nl, en or ru")
    return value.lower()


published_option = click.option(
    "--published", metavar="DATE", callback=_published_option,
    help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY); overrides what the input says.",
)
lang_option = click.option(
    "--lang", "language", metavar="ISO", callback=_language_option,
    help="Language code (nl, en, …); overrides detection and what the input says.",
)


@click.group()
@click.version_option(__version__, prog_name="kronika")
def main() -> None:
    """kronika: a sourced chronicle of political events from news text."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@published_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
def extract(inputs: tuple[str, ...], published: Published | None, language: str | None, fmt: str) -> None:
    """Print the analysed article(s) of INPUT as JSON, without storing anything.

    INPUT is a file (text, HTML, JSONL, RSS/Atom, WARC), a directory, a URL, or - for stdin.
    """
    printed = 0
    single: Article | None = None
    for item in process(inputs, language=language, published=published):
        if isinstance(item, Skipped):
            click.echo(_skip_message(item), err=True)
        elif fmt == "jsonl":
            click.echo(item.article.to_json())
            printed += 1
        elif single is not None:
            raise click.UsageError("the input holds more than one article; use --format jsonl")
        else:
            single = item.article
    if single is not None:
        click.echo(json.dumps(to_dict(single), ensure_ascii=False, indent=2))
    elif not printed:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite store.")
@click.option("--strict", is_flag=True, help="Exit with an error when any input is skipped.")
@published_option
@lang_option
def run(inputs: tuple[str, ...], db: str, strict: bool, published: Published | None, language: str | None) -> None:
    """Ingest and analyse INPUT into the store.

    Re-running is safe: unchanged articles are not stored twice, a changed article at the
    same URL or path becomes a new version, and an interrupted run is completed.
    """
    from tqdm import tqdm

    from kronika.store import Store

    summary = RunSummary()
    try:
        store = Store(db)
    except KronikaError as error:
        raise click.ClickException(str(error)) from error
    with store:
        run_id, interrupted = store.start_run(inputs)
        if interrupted:
            click.echo("An earlier run was interrupted; completing it now.", err=True)
        progress = tqdm(unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)
        with progress:
            for item in process(inputs, language=language, published=published):
                if isinstance(item, Skipped):
                    summary.skip(item.reason)
                    store.record_skip(run_id, item.origin, item.reason, item.detail)
                    progress.write(_skip_message(item), file=sys.stderr)
                else:
                    try:
                        result = store.put_article(item.article, location=item.location, origin=item.origin)
                    except KronikaError as error:
                        raise click.ClickException(str(error)) from error
                    summary.add(result.value)
                progress.update()
        store.finish_run(run_id, summary.as_dict())
    click.echo(summary.line())
    if summary.processed == 0 or (strict and summary.skipped):
        sys.exit(1)


def _skip_message(skip: Skipped) -> str:
    return f"skipped {skip.origin}: {skip.reason}" + (f": {skip.detail}" if skip.detail else "")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--all-versions", is_flag=True, help="Also list superseded versions.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def articles(db: str, all_versions: bool, fmt: str) -> None:
    """List the stored articles."""
    from kronika.store import Store

    with Store(db) as store:
        rows = list(store.articles(all_versions=all_versions))
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        click.echo(_article_line(row))
    click.echo(f"{len(rows):,} article{'s' if len(rows) != 1 else ''}", err=True)


def _article_line(row: dict[str, Any]) -> str:
    date = row["published_date"] or "-"
    version = f" v{row['version']}" if row["version"] > 1 or not row["current"] else ""
    title = row["title"] or row["location"] or ""
    if len(title) > 70:
        title = title[:69] + "…"
    return (
        f"{row['id']}{version}  {row['language']:<3}  {date:<10}  {row['sentences']:>4} sent  "
        f"{(row['source'] or '-')[:24]:<24}  {title}"
    )


@main.command()
@click.argument("article_id")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, exists=True))
def show(article_id: str, db: str) -> None:
    """Print one stored article as JSON."""
    from kronika.store import Store

    with Store(db) as store:
        article = store.get_article(article_id)
    if article is None:
        raise click.ClickException(f"no article {article_id} in {db}")
    click.echo(json.dumps(to_dict(article), ensure_ascii=False, indent=2))


@main.command("eval")
@click.argument(
    "task",
    type=click.Choice(["all", "ner", "ner-nl", "ner-en", "times", "quotes", "events", "events-plover", "events-dev"]),
)
@click.option("--lang", "language", metavar="ISO", help="For ner: only this language (nl, en).")
@click.option(
    "--data", default="../shared/data", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The labelled data: the root holding ner/, time/, quotes/, events/, or one data set's folder.",
)
@click.option("--check", is_flag=True, help="Exit 1 when a score is below its pinned baseline.")
@click.option("--update", is_flag=True, help="Pin the measured scores as the new baselines.")
def evaluate(task: str, language: str | None, data: Path, check: bool, update: bool) -> None:
    """Score the analysis and event extraction on labelled data against the pinned baselines."""
    from kronika.eval import baselines

    if not data.is_dir():
        raise click.ClickException(f"no data folder {data} (see ../shared/data/SOURCES.md)")
    try:
        suites = baselines.suites_for(task, language)
    except KeyError:
        raise click.ClickException(f"no evaluation {task} for language {language}") from None
    pinned = baselines.load_baselines()
    results: dict[str, dict[str, float]] = {}
    problems: list[str] = []
    for suite in suites:
        scores = suite.run(baselines.data_folder(data, suite))
        results[suite.name] = scores
        baseline = pinned.get(suite.name, {})
        click.echo(f"{suite.name}")
        for name, value in scores.items():
            pin = baseline.get(name)
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            click.echo(f"  {name:<22} {shown}" + (f"   (baseline {pin:.4f})" if pin is not None else ""))
        problems += baselines.regressions(suite, scores, baseline)
    if update:
        path = Path(__file__).parent / "eval" / baselines.BASELINE_FILE
        baselines.write_baselines(results, path)
        click.echo(f"baselines written to {path}")
    for line in problems:
        click.echo(f"REGRESSION {line}", err=True)
    if check and problems:
        sys.exit(1)
