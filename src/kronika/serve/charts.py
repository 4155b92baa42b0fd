"""The timeline chart: events per day (or week, or month, when the range is long), stacked
by type, drawn as SVG on the server. Events dated only to a longer period (a week, a month,
a year) are not spread over days, so no bar shows a guess: they are drawn under the bars as
spans over the period they are known to fall in."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kronika.ontology import types

# Conflict in reds and oranges, words in purples, cooperation in greens and blues.
TYPE_COLOURS = {
    "PROTEST": "#d62728", "ASSAULT": "#8c1515", "FIGHT": "#5c0a0a", "COERCE": "#ff7f0e",
    "MOBILIZE": "#e377c2", "THREATEN": "#9467bd", "DEMAND": "#c5b0d5", "REJECT": "#7b4173",
    "ACCUSE": "#a55194", "DISAPPROVE": "#ce6dbd", "SANCTION": "#bd9e39", "INVESTIGATE": "#8c6d31",
    "CONSULT": "#17becf", "AGREE": "#1f77b4", "SUPPORT": "#2ca02c", "AID": "#98df8a",
    "CONCEDE": "#9edae5", "RETREAT": "#aec7e8", "COOPERATE": "#3182bd", "STATEMENT": "#7f7f7f",
}
OTHER_COLOUR = "#bbbbbb"

DAY_BINS_UP_TO = 120
"""Ranges up to this many days get a bar per day; up to :data:`WEEK_BINS_UP_TO` a bar per
ISO week, beyond that a bar per month."""
WEEK_BINS_UP_TO = 3 * 365

WIDTH, HEIGHT, AXIS = 960, 220, 24
LANE, LANES = 12, 6
"""Height of one row of period spans, and at most this many rows (more overlap)."""


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


@dataclass(slots=True)
class Block:
    type: str
    count: int
    y: float
    height: float
    colour: str


@dataclass(slots=True)
class Bar:
    label: str
    """The bin: ``2020-08-16``, ``2020-W34`` or ``2020-08``."""
    since: str
    until: str
    x: float
    width: float
    total: int
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Period:
    """Events of one type known only to fall within ``since`` … ``until``."""

    type: str
    count: int
    since: str
    until: str
    x: float
    y: float
    width: float
    colour: str


@dataclass(slots=True)
class Timeline:
    unit: str
    """``day``, ``week`` or ``month``."""
    bars: list[Bar]
    imprecise: dict[str, int]
    """Events of each type dated less precisely than one bin (not drawn)."""
    types: list[tuple[str, int, str]]
    """(type, events, colour) of every type in the chart, most frequent first."""
    ticks: list[tuple[float, str]]
    peak: int
    periods: list[Period] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    axis: int = AXIS

    @property
    def full_height(self) -> int:
        """With the rows of period spans under the axis labels."""
        rows = 1 + max((int((p.y - self.height) // LANE) for p in self.periods), default=-1)
        return self.height + rows * LANE + (4 if rows else 0)


def timeline(rows: Iterable[tuple[str, str, str, int]]) -> Timeline:
    """Bars from (first day, last day, type, events) rows (see ``LinkTables.events_per_day``)."""
    per_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
    spans: list[tuple[dt.date, dt.date, str, int]] = []
    for first, last, event_type, count in rows:
        try:
            start, end = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat((last or first)[:10])
        except ValueError:
            continue
        spans.append((start, end, event_type, count))
    if not spans:
        return Timeline("day", [], {}, [], [], 0)
    days = [start for start, end, *_ in spans if start == end] or [start for start, *_ in spans]
    length = (max(days) - min(days)).days + 1
    unit = "day" if length <= DAY_BINS_UP_TO else "week" if length <= WEEK_BINS_UP_TO else "month"
    imprecise: Counter[str] = Counter()
    longer = []
    for start, end, event_type, count in spans:
        if _bin(start, unit) == _bin(end, unit):
            per_day[_bin(start, unit)][event_type] += count
        else:
            imprecise[event_type] += count
            longer.append((start, end, event_type, count))
    if not per_day:
        return Timeline(unit, [], dict(imprecise), [], [], 0)
    bins = _all_bins(min(per_day), max(per_day), unit)
    peak = max(sum(c.values()) for c in per_day.values())
    totals: Counter[str] = Counter()
    for counter in per_day.values():
        totals.update(counter)
    order = {t: i for i, t in enumerate(types())}
    step = WIDTH / len(bins)
    scale = (HEIGHT - AXIS) / peak
    bars = []
    for i, start in enumerate(bins):
        counter = per_day.get(start, Counter())
        bar = Bar(period_label(start, unit), start.isoformat(), _bin_end(start, unit).isoformat(), i * step,
                  max(step - (1 if step > 3 else 0), 1), sum(counter.values()))
        y = float(HEIGHT - AXIS)
        for event_type, count in sorted(counter.items(), key=lambda item: order.get(item[0], 99)):
            height = count * scale
            y -= height
            bar.blocks.append(Block(event_type, count, y, height, colour(event_type)))
        bars.append(bar)
    totals.update(imprecise)
    legend = [(t, n, colour(t)) for t, n in totals.most_common()]
    periods = _periods(longer, bins, unit, step)
    return Timeline(unit, bars, dict(imprecise), legend, _ticks(bins, unit, step), peak, periods)


def _periods(
    spans: list[tuple[dt.date, dt.date, str, int]], bins: list[dt.date], unit: str, step: float
) -> list[Period]:
    """Spans of the less precisely dated events, clipped to the chart, packed into rows."""
    first, last = bins[0], _bin_end(bins[-1], unit)
    ends: list[float] = []  # right end of each row so far
    found = []
    for start, end, event_type, count in sorted(spans, key=lambda s: (s[0], s[1] - s[0])):
        if end < first or start > last:
            continue
        x = _x(max(start, first), bins, unit, step)
        width = max(_x(min(end, last), bins, unit, step) + step - x, 2.0)
        row = next((i for i, right in enumerate(ends) if right <= x), None)
        if row is None:
            row = min(len(ends), LANES - 1)
            if row == len(ends):
                ends.append(0.0)
        ends[row] = max(ends[row], x + width)
        found.append(Period(event_type, count, start.isoformat(), end.isoformat(), x,
                            HEIGHT + 2 + row * LANE, width, colour(event_type)))
    return found


def _x(day: dt.date, bins: list[dt.date], unit: str, step: float) -> float:
    """Where ``day``'s bin starts on the chart."""
    start = _bin(day, unit)
    if unit == "month":
        index = (start.year - bins[0].year) * 12 + start.month - bins[0].month
    else:
        index = (start - bins[0]).days // (7 if unit == "week" else 1)
    return index * step


def _bin(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _bin_end(start: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=6)
    if unit == "month":
        return _next(start, unit) - dt.timedelta(days=1)
    return start


def _next(start: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + dt.timedelta(days=7 if unit == "week" else 1)


def _all_bins(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    bins, day = [], first
    while day <= last:
        bins.append(day)
        day = _next(day, unit)
    return bins


def period_label(start: dt.date, unit: str) -> str:
    """The day, ISO week (``2020-W34``) or month (``2020-08``) that starts at ``start``."""
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def _ticks(bins: list[dt.date], unit: str, step: float) -> list[tuple[float, str]]:
    """About eight axis labels at bin starts."""
    every = max(1, round(len(bins) / 8))
    return [(i * step, period_label(day, unit)) for i, day in enumerate(bins) if i % every == 0]
