"""Command line: ``kronika extract``, ``run``, ``link``, ``articles``, ``show``, ``events``,
``event``, ``entities``, ``stories``, ``export``, ``serve`` and ``eval``."""

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


encoder_option = click.option(
    "--encoder", is_flag=True,
    help='Also link by a multilingual sentence encoder (slower; pip install "kronika[encoder]").',
)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite store.")
@click.option("--strict", is_flag=True, help="Exit with an error when any input is skipped.")
@click.option("--no-link", is_flag=True, help="Store the articles without linking them (run `kronika link` later).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that build and analyse the documents (default: one per core).")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help='Where the documents are analysed and the events linked: worker processes here, or Ray '
                   '(pip install "kronika[ray]").')
@click.option("--address", metavar="ADDR",
              help="With --executor ray: the cluster to join (ray://HOST:10001, auto); default: a local Ray.")
@published_option
@lang_option
@encoder_option
def run(
    inputs: tuple[str, ...], db: str, strict: bool, no_link: bool, jobs: int | None, executor: str,
    address: str | None, published: Published | None, language: str | None, encoder: bool,
) -> None:
    """Ingest and analyse INPUT into the store, then link the new articles.

    Re-running is safe: unchanged articles are not stored twice, a changed article at the
    same URL or path becomes a new version, and an interrupted run is completed. Linking
    adds the new articles' entities and events to those already stored.
    """
    from tqdm import tqdm

    from kronika.executors.local import default_jobs
    from kronika.store import Store

    summary = RunSummary()
    if address and executor != "ray":
        raise click.UsageError("--address needs --executor ray")
    link_partitions = None
    if executor == "ray":
        from kronika.executors import ray as ray_executor

        try:
            ray_executor.start(address, jobs or default_jobs())
        except KronikaError as error:
            raise click.ClickException(str(error)) from error
        link_partitions = ray_executor.link_partitions
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
            for item in process(inputs, language=language, published=published, jobs=jobs or default_jobs(),
                                executor=executor, address=address):
                if isinstance(item, Skipped):
                    summary.skip(item.reason)
                    store.record_skip(run_id, item.origin, item.reason, item.detail)
                    progress.write(_skip_message(item), file=sys.stderr)
                else:
                    try:
                        result = store.put_article(item.article, location=item.location, origin=item.origin)
                    except KronikaError as error:
                        raise click.ClickException(str(error)) from error
                    summary.add(result.value, item.article.notes)
                progress.update()
        store.finish_run(run_id, summary.as_dict())
        click.echo(summary.line())
        if summary.processed and not no_link:
            _link(store, encoder=encoder, link_partitions=link_partitions)
    if summary.processed == 0 or (strict and summary.skipped):
        sys.exit(1)


def _link(store: Any, *, rebuild: bool = False, encoder: bool = False, link_partitions: Any = None) -> None:
    from kronika.link import link_store
    from kronika.link.encoder import SentenceEncoder

    try:
        summary = link_store(
            store, rebuild=rebuild, encoder=SentenceEncoder() if encoder else None, link_partitions=link_partitions
        )
        click.echo(summary.line())
    except KronikaError as error:
        raise click.ClickException(str(error)) from error


db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, exists=True), help="SQLite store."
)


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Drop every linked record and link all articles again.")
@encoder_option
def link(db: str, rebuild: bool, encoder: bool) -> None:
    """Link the stored articles not linked yet: entities, canonical events, stories."""
    from kronika.store import Store

    with Store(db) as store:
        _link(store, rebuild=rebuild, encoder=encoder)


def _event_filter(store: Any, options: dict[str, Any]) -> Any:
    """The filter of the FILTERS options (see :func:`event_filters`), popped from
    ``options``; an entity may be given by name or spelling."""
    from kronika.store.links import EventFilter

    values = {name: options.pop(name) for name in FILTER_OPTIONS}
    values["specific"] = None if options.pop("all_events") else True
    if values["entity"]:
        found = store.links.find_entity(values["entity"])
        if found is None:
            raise click.ClickException(f"no entity named {values['entity']!r}")
        values["entity"] = found.id
    return EventFilter(**values)


FILTER_OPTIONS = ("since", "until", "type", "mode", "modality", "country", "place", "entity", "text", "source",
                  "story", "episode", "sort", "limit")


def event_filters(command: Any) -> Any:
    from kronika.store.links import EVENT_ORDERS

    orders = [*EVENT_ORDERS, *(f"-{name}" for name in EVENT_ORDERS)]
    for option in reversed([
        click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Events on or before DATE."),
        click.option("--type", metavar="TYPE", help="Event type (PROTEST, COERCE, …)."),
        click.option("--mode", metavar="MODE", help="Mode of the type (strike, march, arrest, …)."),
        click.option("--modality", metavar="MODALITY", help="occurred, ongoing, planned, called_for, threatened, …"),
        click.option("--country", metavar="ISO", help="Country code (BY, NL, …)."),
        click.option("--place", metavar="NAME", help="Place name (any case)."),
        click.option(
            "--entity", metavar="ID|NAME",
            help="Events naming this entity (its id, or a name or spelling of it) as actor or target.",
        ),
        click.option("--text", metavar="WORDS", help="Words that must all occur in the event's summary, place, "
                     "actors or quoted evidence."),
        click.option("--source", metavar="OUTLET", help="Events this outlet reported (any case)."),
        click.option("--story", metavar="ID", help="Events of this story."),
        click.option("--episode", metavar="ID", help="The one-day events inside this episode (a strike's marches…)."),
        click.option("--all", "all_events", is_flag=True, help="Also the events kept only from generic, background "
                     "or headline mentions (by default only events that report one particular occurrence)."),
        click.option("--sort", type=click.Choice(orders), default="date", show_default=True,
                     help="Order ('-' in front reverses it); undated or uncounted events come last."),
        click.option("--limit", type=int, help="At most this many events."),
    ]):
        command = option(command)
    return command


@main.command()
@db_option
@event_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def events(db: str, fmt: str, **filters: Any) -> None:
    """List the canonical events, by date; each links the mentions of every source."""
    from kronika.store import Store

    with Store(db) as store:
        where = _event_filter(store, filters)
        shown = mentions = 0
        for event in store.links.events(where):
            shown += 1
            mentions += len(event.mentions)
            if fmt == "jsonl":
                click.echo(json.dumps(to_dict(event), ensure_ascii=False))
            else:
                click.echo(_event_line(event))
        total = store.links.count("mentions")
    click.echo(f"{shown:,} events from {mentions:,} of {total:,} event mentions", err=True)


def _event_line(event: Any) -> str:
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    place = event.place.name if event.place else "-"
    sizes = event.magnitudes.get("participants")
    crowd = ""
    if sizes is not None and sizes.low is not None:
        crowd = f"{sizes.low:,.0f}" + (f"–{sizes.high:,.0f}" if sizes.high not in (None, sizes.low) else "")
    flag = " DISAGREE:" + ",".join(event.disagreements) if event.disagreements else ""
    return (
        f"{event.id}  {event.date or '-':<10}  {kind:<26}  {event.modality:<10}  {place[:18]:<18}  "
        f"{len(event.articles)} src  {crowd}{flag}"
    )


@main.command()
@click.argument("event_id")
@db_option
def event(event_id: str, db: str) -> None:
    """Print one canonical event as JSON, with its claims and mentions."""
    from kronika.store import Store

    with Store(db) as store:
        found = store.links.event(event_id)
    if found is None:
        raise click.ClickException(f"no event {event_id} in {db}")
    click.echo(json.dumps(to_dict(found), ensure_ascii=False, indent=2))


@main.command()
@db_option
@click.option("--query", "-q", metavar="TEXT", help="Only entities with a name or variant containing TEXT.")
@click.option("--limit", type=int, help="At most this many entities.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def entities(db: str, query: str | None, limit: int | None, fmt: str) -> None:
    """List the resolved entities with their spellings, most mentioned first."""
    from kronika.store import Store

    with Store(db) as store:
        for entity in store.links.entities(query=query, limit=limit):
            if fmt == "jsonl":
                click.echo(json.dumps(to_dict(entity), ensure_ascii=False))
                continue
            variants = ", ".join(f"{v.text} ({v.count})" for v in entity.variants[:6])
            click.echo(f"{entity.id}  {entity.label:<4} {entity.name[:30]:<30}  {entity.mentions:>4}×  {variants}")


@main.command()
@db_option
def stories(db: str) -> None:
    """List the stories: articles about one developing situation."""
    from kronika.store import Store

    with Store(db) as store:
        for story in store.links.stories():
            dates = f"{story.first_date or '-'} … {story.last_date or '-'}"
            click.echo(
                f"{story.id}  {dates:<25}  {len(story.articles):>3} articles  {len(story.events):>4} events  "
                f"{(story.title or '')[:60]}"
            )


@main.command()
@db_option
@event_filters
@click.option("--format", "fmt", type=click.Choice(["csv", "acled", "plover", "jsonl", "geojson", "parquet"]),
              required=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Output file (default: stdout).")
def export(db: str, fmt: str, out: str | None, **filters: Any) -> None:
    """Export the canonical events: CSV, ACLED-compatible CSV, PLOVER JSONL, JSONL with
    every claim, GeoJSON (events with coordinates) or Parquet."""
    from kronika.export import write_events
    from kronika.store import Store

    if fmt == "parquet" and out is None:
        raise click.UsageError("parquet needs --out FILE")
    with Store(db) as store:
        where = _event_filter(store, filters)
        names = {e.id: e for e in store.links.entities()}
        if out is None:
            written = write_events(store.links.events(where), names, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            partial = Path(out + ".partial")  # the file appears only when complete
            try:
                with partial.open("wb") as stream:
                    written = write_events(store.links.events(where), names, fmt, stream)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(out)
    click.echo(f"{written:,} events exported", err=True)


@main.command()
@db_option
@click.option("--country", metavar="ISO", help="Strikes in this country (CZ, BY, …).")
@click.option("--since", metavar="DATE", help="Strikes running on or after DATE (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(["called", "started", "spreading", "suspended", "resumed", "ended",
                                               "broken", "won", "lost"]), help="Strikes whose latest status is this.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Output file (default: stdout).")
def strikes(db: str, country: str | None, since: str | None, status: str | None, fmt: str, out: str | None) -> None:
    """The strike tracker: one row per strike at one workplace, with its dates, status over
    time, workers (each source's figure), union, demands and repression."""
    from kronika.export.strikes import write_strikes
    from kronika.link.strikes import filter_strikes, store_strikes
    from kronika.store import Store

    with Store(db) as store:
        found = filter_strikes(store_strikes(store), country=country, since=since, status=status)
    if fmt == "table":
        for strike in found:
            click.echo(_strike_line(strike))
        click.echo(f"{len(found):,} strikes", err=True)
        return
    if out is None:
        write_strikes(found, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with Path(out).open("wb") as stream:
            write_strikes(found, fmt, stream)
    click.echo(f"{len(found):,} strikes exported", err=True)


def _strike_line(strike: Any) -> str:
    until = f"ended {strike.end}" if strike.end else f"ongoing as of {strike.ongoing_as_of or '?'}"
    workers = strike.workers
    count = ""
    if workers is not None and workers.low is not None:
        count = f"{workers.low:,.0f}" + (f"–{workers.high:,.0f}" if workers.high not in (None, workers.low) else "")
        count += " DISAGREE" if workers.disagreement else ""
    steps = " → ".join(f"{c.status} {c.date or '?'}" for c in strike.history)
    return (
        f"{strike.id}  {(strike.workplace or '-')[:28]:<28}  {(strike.place.name if strike.place else '-')[:14]:<14}  "
        f"since {strike.start or '?':<10}  {until:<24}  {strike.status or '-':<9}  {count}\n    {steps}"
    )


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface; the app has no login).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the timeline in the default web browser.")
def serve(db: str, host: str, port: int, open_browser: bool) -> None:
    """Browse the store in a web browser: timeline, map, events with every source's claims,
    entities, articles; plus a JSON API (/api). Read-only."""
    import threading
    import webbrowser

    import uvicorn

    from kronika.serve import create_app

    try:
        app = create_app(db)
    except KronikaError as error:
        raise click.ClickException(str(error)) from error
    address = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/"
    click.echo(f"kronika: serving {db} read-only at {address} (API: {address}api); Ctrl+C stops it", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (address,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")


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


@main.command()
@click.argument("codes", nargs=-1, metavar="[ISO]...")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def languages(codes: tuple[str, ...], fmt: str) -> None:
    """What kronika supports in each language (all, or the ISO codes given), stage by stage."""
    from kronika import lang
    from kronika.lang.capabilities import STAGES, capabilities

    chosen = list(codes) or [code for code in lang.available() if code != lang.SHARED]
    table = {code: capabilities(code) for code in chosen}
    if fmt == "json":
        click.echo(json.dumps({
            code: {"name": lang.get(code).name, "known": lang.get(code).known,
                   **{c.stage: {"supported": c.supported, "detail": c.detail} for c in found}}
            for code, found in table.items()
        }, ensure_ascii=False, indent=2))
        return
    for code, found in table.items():
        language = lang.get(code)
        title = f"{code}  {language.name}" + ("" if language.known else "  (no folder: shared data only)")
        click.echo(title)
        for capability in found:
            mark = "yes" if capability.supported else "no "
            click.echo(f"    {capability.stage:<11} {mark}  {capability.detail}")
    click.echo(f"stages: {', '.join(STAGES)}; a language is a folder in kronika/lang (see its README section)")


def _ner_tasks() -> list[str]:
    """``ner-<iso>`` for every language with an NER model (shipped, or in the user's folder)."""
    from kronika.analyze.entities import model_languages

    return [f"ner-{language}" for language in model_languages()]


def _eval_tasks() -> list[str]:
    """``all``, every suite, each group of suites ("events": events-dev, events-langs…) and
    the NER suite of a language whose model the user trained."""
    from kronika.eval.baselines import SUITES

    groups = {name.split("-")[0] for name in SUITES if "-" in name}
    return ["all", *sorted(groups | set(SUITES) | set(_ner_tasks()))]


def _user_ner_suites(task: str, language: str | None) -> list[Any]:
    """The NER suite of a language whose model is not shipped but the user trained (NER-UK's
    terms keep Ukrainian out of the package): scored on its recipe's test sets, unpinned."""
    from kronika.analyze.entities import has_model
    from kronika.eval import baselines
    from kronika.train.ner import RECIPES

    if task == "ner" and language:
        task = f"ner-{language}"
    language = task[4:] if task.startswith("ner-") else None
    if not language or language not in RECIPES or not has_model(language):
        return []

    def run(path: Path) -> dict[str, float]:
        from kronika.eval.ner import evaluate_ner_suite

        return evaluate_ner_suite(path, language)

    return [baselines.Suite(task, "ner", run, {})]


@main.command("eval")
@click.argument(
    "task",
    type=click.Choice(_eval_tasks()),
)
@click.option(
    "--lang", "language", metavar="ISO",
    help="For ner: only this language (" + ", ".join(task[4:] for task in _ner_tasks()) + ").",
)
@click.option(
    "--data", default="../shared/data", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The labelled data: the root holding ner/, time/, quotes/, events/, coref/, or one data set's folder.",
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
        suites = _user_ner_suites(task, language)
        if not suites:
            raise click.ClickException(f"no evaluation {task} for language {language}") from None
    pinned = baselines.load_baselines()
    pinned_digests = baselines.load_digests()
    results: dict[str, dict[str, float]] = {}
    digests: dict[str, str] = {}
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
        if not update:
            problems += baselines.data_changes(suite, data, pinned_digests)
        elif (found := baselines.digest(suite, data)) is not None:
            digests[suite.name] = found
    if update:
        path = Path(__file__).parent / "eval" / baselines.BASELINE_FILE
        unpinned = [name for name in results if name not in baselines.SUITES]
        for name in unpinned:  # a model the user trained (one that may not ship): no baseline
            click.echo(f"{name}: not a shipped model's suite, not pinned")
            del results[name]
            digests.pop(name, None)
        if results:
            baselines.write_baselines(results, path, digests)
            click.echo(f"baselines written to {path}")
    for line in problems:
        click.echo(f"REGRESSION {line}", err=True)
    if check and problems:
        sys.exit(1)
