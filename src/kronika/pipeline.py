"""The per-document pipeline: read → build (clean, language) → analysis → extraction.

Stages are plain ``Article -> Article`` callables, in pipeline order (sentences, entities,
name chains, places, times, quantities, quotes, then event mentions). Failures become
:class:`Skipped` items with a reason, so a batch never stops on one bad input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kronika.analyze.entities import find_entities, has_model
from kronika.analyze.names import add_missed_names, chain_names, link_speakers
from kronika.analyze.places import find_places
from kronika.analyze.quantities import find_quantities
from kronika.analyze.quotes import find_quotes
from kronika.analyze.sentences import split_sentences
from kronika.analyze.times import find_times
from kronika.errors import InputError
from kronika.executors import collector
from kronika.extract.events import find_events
from kronika.ingest.build import build_article
from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.sources import read_inputs
from kronika.lang import capabilities
from kronika.model import Article, Published

Stage = Callable[[Article], Article]


def add_sentences(article: Article) -> Article:
    article.sentences = split_sentences(article.text, article.language)
    return article


def add_entities(article: Article) -> Article:
    if not has_model(article.language):
        article.notes.append(capabilities.note("entities", article.language))
    article.entities = find_entities(article.text, article.sentences, article.language)
    return article


def add_name_chains(article: Article) -> Article:
    article.entities = add_missed_names(article.text, article.entities, article.language)
    chain_names(article.entities, article.language)
    return article


def add_places(article: Article) -> Article:
    article.places = find_places(article.text, article.entities, article.language)
    return article


def add_times(article: Article) -> Article:
    article.times = find_times(article.text, article.language, article.published)
    return article


def add_quantities(article: Article) -> Article:
    """Quantities, except numbers that are part of a time expression ("9 August 2020")."""
    times = [(t.start, t.end) for t in article.times]
    article.quantities = [
        q for q in find_quantities(article.text, article.language)
        if not any(q.start < end and start < q.end for start, end in times)
    ]
    return article


def add_quotes(article: Article) -> Article:
    article.quotes = find_quotes(article.text, article.sentences, article.entities, article.language)
    link_speakers(article.quotes, article.entities)
    return article


def add_events(article: Article) -> Article:
    article.events = find_events(article)
    return article


ANALYSIS_STAGES: tuple[Stage, ...] = (
    add_sentences, add_entities, add_name_chains, add_places, add_times, add_quantities, add_quotes,
)
EXTRACT_STAGES: tuple[Stage, ...] = (add_events,)
STAGES: tuple[Stage, ...] = ANALYSIS_STAGES + EXTRACT_STAGES
"""Every per-document stage, in pipeline order: analysis, then extraction."""


@dataclass(slots=True)
class Processed:
    """An analysed article with where it came from (for versioning and messages)."""

    article: Article
    location: str | None
    origin: str


def analyze(article: Article) -> Article:
    """Run every per-document stage (analysis and event extraction) on ``article``."""
    for stage in STAGES:
        article = stage(article)
    return article


def process(
    inputs: Iterable[str], *, language: str | None = None, published: Published | None = None, jobs: int = 1,
    executor: str = "local", address: str | None = None,
) -> Iterator[Processed | Skipped]:
    """Analysed articles and skips from the inputs, in input order; with ``jobs`` > 1 the
    documents are built and analysed in that many worker processes
    (:mod:`kronika.executors.local`); with ``executor="ray"`` by that many Ray actors, on a
    local Ray or the cluster at ``address`` (:mod:`kronika.executors.ray`)."""
    if executor == "ray":
        from kronika.executors.ray import process_ray

        for result in process_ray(read_inputs(inputs), jobs, address=address, language=language, published=published):
            assert isinstance(result, (Processed, Skipped))
            yield result
        return
    if jobs > 1:
        from kronika.executors.local import process_parallel

        for result in process_parallel(read_inputs(inputs), jobs, language=language, published=published):
            assert isinstance(result, (Processed, Skipped))
            yield result
        return
    before = None
    try:
        for item in read_inputs(inputs):
            if isinstance(item, Skipped):
                yield item
                continue
            yield process_document(item, language=language, published=published)
            if before is None:  # the first article loaded what the run keeps
                before = collector.settle()
    finally:
        if before is not None:
            collector.restore(before)


def process_document(
    document: RawDocument, *, language: str | None = None, published: Published | None = None
) -> Processed | Skipped:
    stage_name = "build"
    try:
        article = build_article(document, language=language, published=published)
        for stage in STAGES:
            stage_name = stage.__name__
            article = stage(article)
    except InputError as error:
        return Skipped(document.origin, error.reason, error.detail)
    except Exception as error:  # noqa: BLE001 - a bug met by one article must not end a batch
        return Skipped(document.origin, "internal error", f"{stage_name}: {type(error).__name__}: {error}")
    return Processed(article, document.location, document.origin)


@dataclass(slots=True)
class RunSummary:
    """Counts of a run, printed as "5 articles: 5 stored, 0 skipped"."""

    outcomes: Counter[str] = field(default_factory=Counter)
    skips: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    """What the analysis could not do, by its reason ("not political or social news")."""

    def add(self, outcome: str, notes: Sequence[str] = ()) -> None:
        self.outcomes[outcome] += 1
        for note in notes:
            self.notes[_reason(note)] += 1

    def skip(self, reason: str) -> None:
        self.skips[reason] += 1

    @property
    def processed(self) -> int:
        return sum(self.outcomes.values())

    @property
    def skipped(self) -> int:
        return sum(self.skips.values())

    def line(self) -> str:
        total = self.processed + self.skipped
        parts = [f"{self.outcomes['stored']:,} stored"]
        parts += [f"{n:,} {name}" for name, n in self.outcomes.items() if name != "stored" and n]
        skipped = f"{self.skipped:,} skipped"
        if self.skips:
            skipped += ": " + ", ".join(f"{n:,} {reason}" for reason, n in self.skips.most_common())
        noun = "article" if total == 1 else "articles"
        line = f"{total:,} {noun}: {', '.join(parts)}, {skipped}"
        for reason, n in self.notes.most_common():
            line += f"; {n:,} {'article' if n == 1 else 'articles'} {reason}"
        return line

    def as_dict(self) -> dict[str, object]:
        return {"outcomes": dict(self.outcomes), "skips": dict(self.skips), "notes": dict(self.notes)}


def _reason(note: str) -> str:
    """A note as the summary says it, without its figures: "without events: not political
    or social news"."""
    head, _, why = note.split(" (", 1)[0].partition(": ")
    return f"without {head.removeprefix('no ').removesuffix(' read')}: {why}" if why else head
