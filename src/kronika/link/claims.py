"""Claims: what each source says about a canonical event, side by side, and how the
fields are reconciled.

Every mention of a canonical event contributes claims — its date, place, each magnitude
(participants, arrested, killed, injured, released, money), its actors and targets — each
with the article, outlet, language, the exact span and whom the source attributes it to
("according to Belta"). Nothing is picked silently:

- **Counts** are ranges (``low``, ``high``; "more than 7,000" has no high). Two claims
  agree when their ranges overlap once each is widened by the factor
  :data:`~kronika.link.events.COUNT_FACTOR` (1.25: the low end divided by it, the high end
  multiplied): 100,000 and 200,000 disagree; 20,000 and 24,000, or "some 7,000" and "over
  7,000", agree. When every pair agrees the reconciled value is the range all claims share
  (rule ``sources agree``; the span of all claims if they share none); otherwise it is the
  range of all claims (rule ``sources disagree``) and the field is listed in
  ``disagreements``.
- **Dates**: the most precise date a sentence states (rule ``most precise``); two day
  dates that differ are a disagreement. A date guessed from the publication date counts
  only when no sentence gives one (rule ``publication date``).
- **Places**: the most precise place a sentence names; an article-level guess only when no
  sentence names one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kronika.link.events import EventCluster, all_agree
from kronika.model import (
    AcledCode,
    Actor,
    CanonicalEntity,
    CanonicalEvent,
    Claim,
    Demand,
    Episode,
    EventMention,
    Magnitude,
    Place,
    Reconciled,
    Span,
    TimeExpression,
    date_span,
)

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "city": 0, "region": 1, "country": 2}
_INFINITY = math.inf


@dataclass(slots=True)
class Source:
    """A mention with the article facts its claims need."""

    mention: EventMention
    article_id: str
    outlet: str | None
    language: str


def claims_of(source: Source, entities: Mapping[str, CanonicalEntity]) -> list[Claim]:
    """Every claim one mention makes."""
    mention = source.mention

    def claim(name: str, value: object, span: Span | None, **extra: object) -> Claim:
        return Claim(
            article_id=source.article_id, field=name, value=value, outlet=source.outlet,
            span=span, attributed_to=mention.attribution, mention_id=mention.id,
            language=source.language, **extra,  # type: ignore[arg-type]
        )

    claims = []
    if mention.date is not None:
        read = mention.date_from != "published"
        span = Span(mention.date.start, mention.date.end, mention.date.text) if read else None
        # "strikes since Friday": when it started, by this source, not the event's date
        name = "start" if mention.date.kind == "since" else "date"
        claims.append(claim(name, mention.date.value, span, precision=mention.date.precision))
    if mention.place is not None:
        place = mention.place
        span = Span(place.start, place.end, place.text) if mention.place_from == "sentence" else None
        claims.append(claim("place", place.name, span, precision=place.precision))
    for name, magnitude in mention.magnitudes.items():
        claims.append(
            claim(name, magnitude.text, _magnitude_span(mention, magnitude), low=magnitude.low, high=magnitude.high)
        )
    for actor in mention.actors:
        entity = entities.get(actor.entity_id or "")
        field_name = "target" if actor.role == "target" else "actor"
        claims.append(claim(field_name, entity.name if entity else actor.text, _text_span(mention, actor.text)))
    return claims


def _magnitude_span(mention: EventMention, magnitude: Magnitude) -> Span:
    return _text_span(mention, magnitude.text or "") or mention.sentence


def _text_span(mention: EventMention, text: str) -> Span | None:
    if not text:
        return None
    at = mention.sentence.text.find(text)
    if at < 0:
        return None
    start = mention.sentence.start + at
    return Span(start, start + len(text), text)


def reconcile(claims: Sequence[Claim]) -> dict[str, Reconciled]:
    """The date, the place and every count, each reconciled from the claims about it."""
    by_field: dict[str, list[Claim]] = {}
    for c in claims:
        by_field.setdefault(c.field, []).append(c)
    reconciled: dict[str, Reconciled] = {}
    if "date" in by_field:
        reconciled["date"] = reconcile_date(by_field["date"])
    if "start" in by_field:  # since when a lasting event runs: sources may disagree too
        reconciled["start"] = reconcile_date(by_field["start"])
    if "place" in by_field:
        reconciled["place"] = reconcile_place(by_field["place"])
    for name in COUNT_FIELDS:
        if name in by_field:
            reconciled[name] = reconcile_counts(by_field[name])
    return reconciled


def reconcile_counts(claims: Sequence[Claim]) -> Reconciled:
    """One count field from its claims (see the module docstring)."""
    ranges = [r for r in map(_range, claims) if r is not None]
    sources = len({c.article_id for c in claims})
    if not ranges:
        return Reconciled(None, rule="no figure", sources=sources)
    if all_agree(ranges):
        low, high = max(r[0] for r in ranges), min(r[1] for r in ranges)
        if low > high:
            low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
        rule = "single source" if len(ranges) == 1 else "sources agree"
        return Reconciled(_point(low, high), low, _finite(high), rule, False, sources)
    low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
    return Reconciled(None, low, _finite(high), "sources disagree", True, sources)


def _range(claim: Claim) -> tuple[float, float] | None:
    if claim.low is None and claim.high is None:
        return None
    low = claim.low if claim.low is not None else claim.high
    high = claim.high if claim.high is not None else _INFINITY
    return float(low or 0.0), float(high)


def _point(low: float, high: float) -> float | None:
    return low if low == high else None


def _finite(value: float) -> float | None:
    return None if math.isinf(value) else value


def _most_precise(pool: Sequence[Claim]) -> Claim:
    """The most precise claim; among equally precise ones the value most claims give."""
    counts = Counter(str(c.value) for c in pool)
    return min(pool, key=lambda c: (_PRECISION_RANK.get(c.precision or "", 9), -counts[str(c.value)], str(c.value)))


def reconcile_date(claims: Sequence[Claim]) -> Reconciled:
    read = [c for c in claims if c.span is not None]
    pool = read or list(claims)
    sources = len({c.article_id for c in claims})
    best = _most_precise(pool)
    days = {c.value for c in read if c.precision == "day"}
    rule = "most precise" if read else "publication date"
    if len(days) > 1:
        return Reconciled(best.value, rule="sources disagree: " + rule, disagreement=True, sources=sources)
    return Reconciled(best.value, rule=rule if len(claims) > 1 else "single source", sources=sources)


def reconcile_place(claims: Sequence[Claim]) -> Reconciled:
    read = [c for c in claims if c.span is not None]
    pool = read or list(claims)
    best = _most_precise(pool)
    rule = ("most precise" if read else "article's place") if len(claims) > 1 else "single source"
    return Reconciled(best.value, rule=rule, sources=len({c.article_id for c in claims}))


COUNT_FIELDS = ("participants", "arrested", "killed", "injured", "released", "money")


def canonical_event(
    cluster: EventCluster,
    sources: Sequence[Source],
    entities: Mapping[str, CanonicalEntity],
    story_id: str | None = None,
    episode_id: str | None = None,
    episode_events: Sequence[str] = (),
    published: Mapping[str, str] | None = None,
) -> CanonicalEvent:
    """The canonical event of a linked cluster, with every claim and the reconciled fields
    (``episode_id``: the episode a one-day event is part of; ``episode_events``: the events
    an episode contains; ``published``: article id → publication date, for how long an
    episode runs)."""
    mentions = [s.mention for s in sources]
    claims = [c for s in sources for c in claims_of(s, entities)]
    reconciled = reconcile(claims)
    magnitudes = {name: r for name, r in reconciled.items() if name in COUNT_FIELDS}
    best = max(mentions, key=lambda m: (m.confidence, m.place_from == "sentence", m.date_from == "sentence"))
    date = _chosen_date(mentions, reconciled.get("date") or reconciled.get("start"))
    place = _chosen_place(mentions, reconciled.get("place"))
    modes = Counter(m.mode for m in mentions if m.mode)
    modalities = Counter(m.modality for m in mentions)
    acled = Counter((m.acled.event_type, m.acled.sub_event_type) for m in mentions if m.acled)
    confidence = 1.0 - math.prod(1.0 - m.confidence for m in mentions)
    span = episode(sources, episode_events, published or {}) if cluster.durative and cluster.specific else None
    disagreements = sorted(name for name, r in reconciled.items() if r.disagreement)
    day, precision = (date.value, date.precision) if date else (None, None)
    if span is not None:
        # Sources dating different days of a strike report its days, not a disagreement:
        # the event's date is the span from its start to its latest report.
        disagreements = [name for name in disagreements if name != "date"]
        if span.start and span.ongoing_as_of and len(span.start) == 10 and span.start < span.ongoing_as_of:
            day, precision = f"{span.start}/{span.ongoing_as_of}", "day"
    return CanonicalEvent(
        id=cluster.id,
        type=cluster.type,
        mode=modes.most_common(1)[0][0] if modes else None,
        modality=modalities.most_common(1)[0][0],
        date=day,
        date_precision=precision,
        place=place,
        country=place.country if place else None,
        actors=_actors(mentions, entities),
        magnitudes=magnitudes,
        acled=_acled(best, acled),
        story_id=story_id,
        mentions=[m.id for m in mentions],
        articles=sorted({s.article_id for s in sources}),
        languages=sorted({s.language for s in sources}),
        claims=claims,
        reconciled=reconciled,
        disagreements=disagreements,
        confidence=round(min(confidence, 0.99), 3),
        summary=best.sentence.text,
        specific=cluster.specific,
        episode=span,
        episode_id=episode_id,
        demands=_demands(sources),
    )


def _demands(sources: Sequence[Source]) -> list[Demand]:
    """Each source's demands, one per issue code and article (its first wording)."""
    seen: set[tuple[str, str]] = set()
    found = []
    for source in sources:
        for demand in source.mention.demands:
            if (demand.code, source.article_id) in seen:
                continue
            seen.add((demand.code, source.article_id))
            found.append(Demand(demand.code, demand.text, demand.start, demand.end, source.article_id, source.outlet))
    return found


def episode(sources: Sequence[Source], events: Sequence[str], published: Mapping[str, str]) -> Episode:
    """The span of a lasting event: it started on the earliest day a source dates it to
    (a "since Friday" first), and runs as of the latest report of it: the latest read date
    or publication date of its specific mentions. (An end is not read yet: a strike "called
    off" is a concession event of its own.)"""
    starts: list[tuple[str, str]] = []
    latest: list[str] = []
    for source in sources:
        mention = source.mention
        if mention.specificity != "specific" or mention.date is None:
            continue
        span = date_span(mention.date.value)
        if span is None:
            continue
        if mention.date_from == "sentence":
            starts.append((span[0].isoformat(), mention.date.value))
            if mention.date.kind != "since":
                latest.append(span[1].isoformat())
        day = published.get(source.article_id)
        if day and len(day) == 10:
            latest.append(day)
    start = min(starts)[1] if starts else None
    return Episode(start=start, ongoing_as_of=max(latest) if latest else None, events=sorted(events))


def _chosen_date(mentions: Sequence[EventMention], chosen: Reconciled | None) -> TimeExpression | None:
    if chosen is None:
        return None
    for m in mentions:
        if m.date is not None and m.date.value == chosen.value:
            return m.date
    return None


def _chosen_place(mentions: Sequence[EventMention], chosen: Reconciled | None) -> Place | None:
    if chosen is None:
        return None
    for m in sorted(mentions, key=lambda m: m.place_from != "sentence"):
        if m.place is not None and m.place.name == chosen.value:
            return m.place
    return None


def _actors(mentions: Sequence[EventMention], entities: Mapping[str, CanonicalEntity]) -> list[Actor]:
    """Resolved actors and targets (by entity), then unresolved ones by their text."""
    seen: dict[tuple[str, str], Actor] = {}
    for mention in mentions:
        for actor in mention.actors:
            entity = entities.get(actor.entity_id or "")
            key = (actor.role, entity.id if entity else actor.text.lower())
            if key not in seen:
                seen[key] = Actor(entity.name if entity else actor.text, actor.role, entity.id if entity else None)
    return sorted(seen.values(), key=lambda a: (a.entity_id is None, a.role != "actor"))


def _acled(best: EventMention, codes: Counter[tuple[str, str]]) -> AcledCode | None:
    if best.acled is not None:
        return best.acled
    if not codes:
        return None
    event_type, sub_type = codes.most_common(1)[0][0]
    return AcledCode(event_type, sub_type)

