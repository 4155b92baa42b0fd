"""The records that flow through every stage of the pipeline.

These dataclasses are the stable contract of ``kronika extract`` (see DESIGN.md,
"Record shapes"): fields may be added, never renamed. Every span carries ``start``
and ``end`` character offsets into ``Article.text`` (the stored clean text) and the
exact ``text`` of that slice.

``to_dict`` / ``from_dict`` turn any record into plain JSON-ready data and back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, Union

Precision = Literal["day", "week", "month", "year"]
Modality = Literal[
    "occurred", "ongoing", "planned", "called_for", "threatened", "denied", "hypothetical"
]
Specificity = Literal["specific", "headline", "opinion", "reporting", "background", "habitual", "generic"]
"""Whether an event mention reports one particular occurrence (``specific``), or what it is
instead (see :mod:`kronika.extract.specificity`)."""


@dataclass(slots=True)
class Published:
    """A publication date known to a precision: ``2020-08`` is ``month``."""

    date: str
    precision: Precision


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: Literal["PER", "ORG", "LOC", "MISC"]
    entity_id: str | None = None
    canonical: str | None = None


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    precision: Literal["city", "region", "country"] | None = None


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str
    precision: Precision
    kind: Literal["date", "since", "until", "ref"] = "date"
    """``date``: when something happens; ``since``/``until``: the open end of a period
    ("sinds 1994", "until Friday"), never an event date; ``ref``: a vague time relative to
    publication ("now", "recently", "in de toekomst"), with TimeML's value ``PRESENT_REF``,
    ``PAST_REF`` or ``FUTURE_REF`` and precision ``year`` by convention: it names no calendar
    period and is never an event date. Quarters, halves and seasons are ``date`` intervals
    of months (``1998-01/1998-03``, precision month), decades intervals of years
    (``1990/1999``, precision year)."""


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    kind: str | None = None
    """What is counted, when the sentence says: people, protesters, workers, arrested,
    killed, injured, votes, money, percent."""
    unit: str | None = None
    """Currency code (USD, EUR, RUB…) for money, ``%`` for percentages."""
    approximate: bool = False
    """An approximator was used ("naar schatting", "some", "more than")."""
    vague: bool = False
    """A vague amount ("hundreds of thousands"), with low/high from the documented convention."""


@dataclass(slots=True)
class Speaker:
    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    refers_to: str | None = None
    """The name a descriptive speaker stands for ("the minister" → "Anna Petrova"), when
    the article names it; ``text`` and the span stay the description's."""


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    cue: str | None = None
    direct: bool = True


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    text: str
    role: str
    entity_id: str | None = None


@dataclass(slots=True)
class Magnitude:
    low: float | None = None
    high: float | None = None
    text: str | None = None


@dataclass(slots=True)
class AcledCode:
    event_type: str
    sub_event_type: str


@dataclass(slots=True)
class Demand:
    """What protesters or strikers demand, as the text says it, with its issue code
    (:data:`kronika.extract.demands.CODES`: ``resignation``, ``wages``, … or ``other``)."""

    code: str
    text: str
    start: int
    end: int
    """Offsets in the article's text."""
    article_id: str | None = None
    """On a canonical event: the article that states it."""
    outlet: str | None = None
    """On a canonical event: that article's outlet."""


@dataclass(slots=True)
class EventMention:
    id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    modality: Modality = "occurred"
    actors: list[Actor] = field(default_factory=list)
    place: Place | None = None
    place_from: Literal["sentence", "article"] | None = None
    """``sentence``: the event's own sentence names the place; ``article``: the article's
    most named place, a weaker guess."""
    date: TimeExpression | None = None
    date_from: Literal["sentence", "published"] | None = None
    """``sentence``: a time expression of the event's sentence; ``published``: the
    publication date one step less precise, with an empty span (the text gives no date)."""
    magnitudes: dict[str, Magnitude] = field(default_factory=dict)
    attribution: str | None = None
    acled: AcledCode | None = None
    confidence: float = 0.0
    specificity: Specificity = "specific"
    anchors: list[str] = field(default_factory=list)
    """What ties the mention to one occurrence: ``time``, ``place``, ``count``,
    ``participants``, ``ongoing``, ``antecedent`` (:mod:`kronika.extract.specificity`)."""
    demands: list[Demand] = field(default_factory=list)
    """What the participants of a protest or strike demand (:mod:`kronika.extract.demands`)."""


@dataclass(slots=True)
class Claim:
    """What one source says about one field of a canonical event, with where it says it."""

    article_id: str
    field: str
    """``date``, ``start`` (since when a lasting event runs), ``place``, ``participants``, ``arrested``, ``killed``, ``injured``,
    ``released``, ``money``, ``actor`` or ``target``."""
    value: Any
    outlet: str | None = None
    low: float | None = None
    high: float | None = None
    span: Span | None = None
    attributed_to: str | None = None
    mention_id: str | None = None
    language: str | None = None
    precision: str | None = None
    """For dates: day/week/month/year; for places: city/region/country."""


@dataclass(slots=True)
class Reconciled:
    """One field of a canonical event, reconciled from its claims by a named rule."""

    value: Any
    low: float | None = None
    high: float | None = None
    rule: str = "single source"
    """How the value was made: ``single source``, ``sources agree`` (the common range of
    the claims), ``sources disagree`` (the range of all claims), ``most precise``."""
    disagreement: bool = False
    sources: int = 1


@dataclass(slots=True)
class Episode:
    """The days a lasting event (a strike, a sit-in, an occupation) runs, as its sources tell."""

    start: str | None = None
    """The earliest day a source dates it to (ISO), or its week or month."""
    end: str | None = None
    """The last day a source reports it on, when a source says it ended; else ``None``."""
    ongoing_as_of: str | None = None
    """Still running on this day, by the latest source that says so (when not ended)."""
    events: list[str] = field(default_factory=list)
    """The ids of the one-day events it contains (a march of the strikers on Monday)."""


@dataclass(slots=True)
class CanonicalEvent:
    """One real-world event: its mentions in every article, linked, with each claim kept."""

    id: str
    type: str
    mode: str | None = None
    modality: Modality = "occurred"
    date: str | None = None
    """The reconciled date: ISO day, ISO week (``2020-W34``), month, year or interval."""
    date_precision: Precision | None = None
    place: Place | None = None
    """The most precise place a source names (its span refers to that source's article)."""
    country: str | None = None
    actors: list[Actor] = field(default_factory=list)
    """Resolved actors and targets: ``entity_id`` and the entity's canonical name as text."""
    magnitudes: dict[str, Reconciled] = field(default_factory=dict)
    acled: AcledCode | None = None
    story_id: str | None = None
    mentions: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    reconciled: dict[str, Reconciled] = field(default_factory=dict)
    """Every claimed field (date, place, participants, …) reconciled with its rule."""
    disagreements: list[str] = field(default_factory=list)
    """The fields whose sources disagree beyond the documented tolerance."""
    confidence: float = 0.0
    summary: str | None = None
    """The trigger sentence of the most confident mention, as evidence to read."""
    specific: bool = True
    """Reports one particular occurrence; ``False`` for an event kept only from generic,
    background or headline mentions (:mod:`kronika.extract.specificity`), hidden by default."""
    episode: Episode | None = None
    """For a lasting event (strike, sit-in, occupation…): its span and the events it contains."""
    episode_id: str | None = None
    """For a one-day event inside an episode (the strikers' march): the episode's id."""
    demands: list[Demand] = field(default_factory=list)
    """What its participants demand, one entry per issue code and source, with the words."""


@dataclass(slots=True)
class StatusSource:
    """One source's report of a strike's status change, with its sentence."""

    article_id: str
    outlet: str | None = None
    text: str | None = None
    """The sentence that says it."""


@dataclass(slots=True)
class StatusChange:
    status: str
    """``called``, ``started``, ``spreading``, ``suspended``, ``resumed``, ``ended``,
    ``broken`` (by force), ``won`` or ``lost``."""
    date: str | None = None
    """The day (or week, month) the sources date it to."""
    sources: list[StatusSource] = field(default_factory=list)


@dataclass(slots=True)
class Strike:
    """One strike at one workplace, over all its days and sources: what strike trackers code."""

    id: str
    workplace: str | None = None
    """The workplace as the sources name it ("Kovex plant"), or its kind and city."""
    workplace_kind: str | None = None
    """``factory``, ``mine``, ``hospital``, ``school``, ``port``, … or ``general`` for a general strike."""
    enterprise_id: str | None = None
    """The entity of the enterprise struck (its page lists its strikes)."""
    employer: str | None = None
    state_owned: bool | None = None
    """``True`` when a source calls the enterprise state-owned; ``None`` when none says."""
    sector: str | None = None
    place: Place | None = None
    country: str | None = None
    union: str | None = None
    union_id: str | None = None
    start: str | None = None
    start_precision: str | None = None
    end: str | None = None
    """The day a source reports it ended (called off, won, lost, broken)."""
    ongoing_as_of: str | None = None
    """Not reported ended: the day of the latest source reporting it."""
    status: str | None = None
    """The latest status."""
    history: list[StatusChange] = field(default_factory=list)
    workers: Reconciled | None = None
    """How many strike, reconciled from the sources' claims."""
    claims: list[Claim] = field(default_factory=list)
    """Every source's claims of its worker count and start, side by side."""
    demands: list[Demand] = field(default_factory=list)
    repression: list[str] = field(default_factory=list)
    """Ids of the arrests, assaults and threats against it (events of its episodes, or at its
    enterprise while it runs)."""
    dismissals: list[StatusChange] = field(default_factory=list)
    """Strikers dismissed or locked out, as its sources report it (``status``: ``dismissal``)."""
    events: list[str] = field(default_factory=list)
    """The canonical strike events it groups (one per episode: a strike that resumes after a
    pause may have two)."""
    called_by: str | None = None
    """The general strike call it followed (an event id)."""
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Variant:
    text: str
    count: int
    languages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CanonicalEntity:
    """A person, organisation or place across articles and languages, with every spelling."""

    id: str
    name: str
    """The display name: the most used Latin-script press spelling."""
    label: Literal["PER", "ORG", "LOC", "MISC"]
    country: str | None = None
    variants: list[Variant] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    geonameid: int | None = None


@dataclass(slots=True)
class Story:
    """Articles about one developing situation; a story holds many events."""

    id: str
    title: str | None = None
    articles: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None


@dataclass(slots=True)
class Article:
    """One news article: clean text, metadata and every analysed span."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    language: str = "und"
    published: Published | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the analysis could not do, and why ("no events read: not political or social news …")."""

    def to_json(self) -> str:
        return json.dumps(to_dict(self), ensure_ascii=False)

    def resolve_entities(self, found: dict[str, tuple[str, str]]) -> Article:
        """Replace the article's name-chain ids (``c1``…) by resolved entity ids and names,
        in its entities, quote speakers and event actors; ``found``: chain id → (entity id,
        name)."""
        for entity in self.entities:
            if entity.entity_id in found:
                entity.entity_id, entity.canonical = found[entity.entity_id]
        for quote in self.quotes:
            if quote.speaker and quote.speaker.entity_id in found:
                quote.speaker.entity_id = found[quote.speaker.entity_id][0]
        for event in self.events:
            for actor in event.actors:
                if actor.entity_id in found:
                    actor.entity_id = found[actor.entity_id][0]
        return self

    @classmethod
    def from_json(cls, data: str) -> Article:
        return from_dict(cls, json.loads(data))


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value covers: a day (``2020-08-16``), an ISO week
    (``2020-W34``), a month (``2020-08``), a year (``2020``) or an interval
    (``2020-08-15/2020-08-16``); ``None`` for anything else."""
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            first, last = date_span(start), date_span(end)
            return (first[0], last[1]) if first and last else None
        if "-W" in value:
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + dt.timedelta(days=6)
        parts = [int(p) for p in value.strip().split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            first_day = dt.date(parts[0], parts[1], 1)
            next_month = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first_day, next_month - dt.timedelta(days=1)
        if len(parts) == 1 and len(value.strip()) == 4:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def content_id(text: str, url: str | None = None) -> str:
    """A stable id for content: the first 16 hex digits of SHA-256 over the url and text."""
    return hashlib.sha256(f"{url or ''}\x00{text}".encode()).hexdigest()[:16]


def short_hash(*parts: str) -> str:
    """The first 12 hex digits of SHA-256 over ``parts``: the ids of linked records."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:12]


def to_dict(record: Any) -> Any:
    """Turn a record (or a list/dict of records) into JSON-ready data."""
    names = _field_names(type(record))  # type: ignore[arg-type]  # classes are hashable
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, list):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, ``None`` for any other type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


R = TypeVar("R")


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Build a record of type ``cls`` from data made by :func:`to_dict`.

    Unknown keys are ignored, so newer files load in older code.
    """
    hints = _field_types(cls)  # type: ignore[arg-type]  # classes are hashable
    kwargs = {name: _convert(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**kwargs)


@cache
def _field_types(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    kind, inner = _shape(hint)
    if kind == "optional":
        return _convert(inner, value)
    if kind == "list":
        return [_convert(inner, v) for v in value]
    if kind == "dict":
        return {k: _convert(inner, v) for k, v in value.items()}
    if kind == "record" and isinstance(value, dict):
        return from_dict(hint, value)
    return value


@cache
def _shape(hint: Any) -> tuple[str, Any]:
    """How a value of type ``hint`` is rebuilt: ``optional`` (of one type), ``list`` or
    ``dict`` (of the inner type), ``record`` (a dataclass), or ``plain`` (as it is)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return ("optional", options[0]) if len(options) == 1 else ("plain", None)
    if origin is list:
        return "list", typing.get_args(hint)[0]
    if origin is dict:
        return "dict", typing.get_args(hint)[1]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "record", None
    return "plain", None
