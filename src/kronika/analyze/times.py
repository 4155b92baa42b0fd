"""Time expressions normalised against the publication date, with a precision.

One compiled pattern per language (month names from ``lang/<iso>/months.txt``, the rest from
``lang/<iso>/times.txt``) finds the candidates in a single pass; each match is then resolved
against the *anchor*, the publication date:

- full dates in the common written forms (19 August 2020, August 19, 2020, 19.08.2020,
  2020-08-19, 19 августа 2020 года) → that day; a day and month without a year → the
  such day in the 9 months before or the 3 months after the anchor;
- months (in August, augustus 2020, last November) → month precision; years in a year
  context (in 2020, since 1994, the year 2020) → year precision;
- weekdays (zondag, Monday night, maandagavond) → the most recent such day on or before the
  anchor, unless a future cue stands in the same sentence ("moet maandag beginnen", "will …
  on Monday") or a word like next/komende precedes: then the next one on or after it;
  last/afgelopen/vorige + weekday → strictly before the anchor;
- yesterday/gisteren, today, tomorrow; "N days/weeks/months/years ago" (also with "ruim",
  "more than"); last/this/next week, month, year; (in het) weekend → the most recent
  Saturday–Sunday, as an interval.

Relative expressions need a day-precision anchor. With a publication date known only to the
month (``date 2020-08``) they are given that month with month precision, which is all the
article supports; ``--published`` supplies the day when the user knows it. Without any
publication date they are left out. Durations ("26 years", "drie weken") are not dates and
are never output; "sinds 1994" / "since Friday" come out with ``kind="since"``, "until …"
with ``kind="until"``: the open end of a period, not the date of an event.

Values: ``YYYY-MM-DD`` (day), ``YYYY-Www`` (week), ``YYYY-MM`` (month), ``YYYY`` (year), and
``start/end`` for a weekend (precision week).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from kronika import lang
from kronika.model import Precision, Published, TimeExpression

TimeKind = Literal["date", "since", "until"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = {
    "day_before_yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1, "day_after_tomorrow": 2,
}
UNITS = ("day", "week", "month", "year", "weekend")
AHEAD_DAYS = 90
"""A date without a year lies at most this far after publication, else it was last year
(news reports the past more than the future; TempEval-3: 0.8135 → see README)."""
FUTURE_WINDOW = 40
"""Characters around a weekday searched for a future cue (about the clause it stands in)."""
YEARS = (1800, 2100)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The compiled time grammar of one language."""

    pattern: re.Pattern[str]
    starters: frozenset[str]
    """Lower-case first words of every expression: the grammar is tried only where one
    stands, or a digit (one set lookup per word instead of every alternative per word)."""
    words: dict[str, dict[str, int]]
    """For each key of times.txt: spelling → number (weekday index, numeral value, or 0)."""
    months: dict[str, int]
    future: re.Pattern[str]
    day_first: bool


def _alternation(spellings: object) -> str:
    items = sorted(spellings, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items) or "(?!)"


@cache
def time_words(code: str) -> TimeWords:
    """The time grammar of a language (a code without a folder gets the shared words only:
    ISO and numeric dates, years)."""
    data = lang.get(code)
    words: dict[str, dict[str, int]] = {}
    for line in data.lines("times.txt", shared=True):
        if "=" not in line:
            continue
        key, _, value = line.partition("=")
        groups = value.split(";")
        words[key.strip()] = {
            spelling.strip().lower(): number
            for number, group in enumerate(groups, start=1)
            for spelling in group.split("|")
            if spelling.strip()
        }
    months = dict(data.months)

    def alt(*keys: str) -> str:
        return _alternation(s for key in keys for s in words.get(key, {}))

    weekday = alt(*WEEKDAYS)
    month_full = _alternation(m for m in months if not m.endswith(".") and len(m) >= 3)
    month_any = _alternation(months)
    number = rf"(?:\d{{1,3}}|{alt('numbers')})"
    unit = alt("day", "week", "month", "year")
    approx = rf"(?:(?:{alt('approx')})\s+)?"
    prefix = rf"(?P<mod>{alt('last', 'next', 'this')})\s+"
    grammar = rf"""(?<!\w)(?:
      (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d))(?![\d-])
    | (?<![\d.,])(?P<num>(?P<n1>\d{{1,2}})[./](?P<n2>\d{{1,2}})[./](?P<n3>\d{{4}}))(?![\d.,]\d)
    | (?P<dm>(?P<dmd>\d{{1,2}})(?:st|nd|rd|th|er|e|\.)?\s+(?:(?:de|of|the)\s+)?(?P<dmm>{month_any})
        (?:,?\s+(?:de\s+)?(?P<dmy>\d{{4}})(?:\s+(?:года|г\.|roku|r\.))?)?)(?!\w)
    | (?P<md>(?P<mdm>{month_any})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<mdy>\d{{4}}))?)(?![\w,]\d)
    | (?P<my>(?:(?P<mymod>{alt('last', 'next', 'this')})\s+)?(?P<mym>{month_full})(?:\s+(?P<myy>\d{{4}}))?)(?!\w)
    | (?P<wd>(?:{prefix})?(?P<wday>{weekday})(?:\s*(?:{alt('dayparts')}))?
        (?:\s+(?P<wmod>{alt('last_after', 'next_after')})
        |\s+(?P<wbefore>{alt('before_after')})(?=\s*[,.;:!?)]|\s*$)
        |\s+(?P<wprevious>{alt('previous_after')}))?)(?!\w)
    | (?P<rel>{alt(*RELATIVE_DAYS)})(?!\w)
    | (?P<ago>{approx}(?P<agon>{number})\s+(?P<agou>{unit})\s+(?:{alt('ago')}))(?!\w)
    | (?P<agob>(?:{alt('ago_before')})\s+{approx}(?P<agobn>{number})\s+(?P<agobu>{unit}))(?!\w)
    | (?P<unit>(?:(?P<umod>{alt('last', 'next', 'this')})\s+)?(?P<uu>{alt(*UNITS)})
        (?:\s+(?P<umod2>{alt('last_after', 'next_after')}))?)(?!\w)
    | (?P<year>(?<![\d.,$€£])(?P<yy>1[89]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:%|procent|percent|prozent)))
    )"""
    starters = {
        spelling.split()[0].rstrip(".")
        for key in (*WEEKDAYS, *RELATIVE_DAYS, *UNITS, "last", "next", "this", "numbers",
                    "approx", "ago_before")
        for spelling in words.get(key, {})
    }
    starters.update(month.rstrip(".") for month in months)
    starters.update(  # weekdays with a day part glued on: maandagavond, Montagabend
        day + part
        for key in WEEKDAYS for day in words.get(key, {})
        for part in words.get("dayparts", {}) if " " not in part
    )
    starters = {re.split(r"['’-]", starter)[0] for starter in starters}  # aujourd'hui, п'ятниця
    return TimeWords(
        pattern=re.compile(grammar, re.IGNORECASE | re.VERBOSE),
        starters=frozenset(starters),
        words=words,
        months=months,
        future=re.compile(rf"(?<!\w)(?:{alt('future')})(?!\w)", re.IGNORECASE),
        day_first=data.day_first,
    )


def find_times(text: str, language: str, published: Published | None) -> list[TimeExpression]:
    """The time expressions in ``text``, resolved against the publication date."""
    grammar = time_words(language)
    anchor = _anchor(published)
    found = []
    taken = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < taken or not (word.group()[0].isdigit() or word.group().lower() in grammar.starters):
            continue
        match = grammar.pattern.match(text, start)
        if match is None:
            continue
        taken = match.end()
        kind = _kind(text, start, grammar)
        resolved = _resolve(match, grammar, anchor, text, kind)
        if resolved is None:
            continue
        value, precision = resolved
        start, end = match.span()
        found.append(TimeExpression(start, end, text[start:end], value, precision, kind))
    return found


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date
    precision: Precision


def _anchor(published: Published | None) -> Anchor | None:
    if published is None:
        return None
    parts = [int(part) for part in published.date.split("-")[:3] if part.isdigit()]
    if not parts:
        return None
    return Anchor(date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1),
                  published.precision)


def _kind(text: str, start: int, grammar: TimeWords) -> TimeKind:
    before = text[max(0, start - 24):start].lower().split()
    for size in (3, 2, 1):
        if len(before) >= size:
            words = " ".join(before[-size:])
            if words in grammar.words.get("since", {}):
                return "since"
            if words in grammar.words.get("until", {}):
                return "until"
    return "date"


def _number(word: str, grammar: TimeWords) -> int | None:
    if word.isdigit():
        return int(word)
    return grammar.words.get("numbers", {}).get(word.lower())


def _unit_of(word: str, grammar: TimeWords) -> str | None:
    lower = word.lower()
    return next((unit for unit in UNITS if lower in grammar.words.get(unit, {})), None)


def _mod_of(word: str | None, grammar: TimeWords) -> str | None:
    if not word:
        return None
    lower = " ".join(word.lower().split())
    for key, name in (("last", "last"), ("last_after", "last"), ("next", "next"),
                      ("next_after", "next"), ("this", "this")):
        if lower in grammar.words.get(key, {}):
            return name
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: Anchor | None) -> date | None:
    """The date in the year that makes it most plausible for news: past rather than future."""
    if anchor is None:
        return None
    candidate = _day(anchor.day.year, month, day)
    if candidate is None:
        return None
    if (candidate - anchor.day).days > AHEAD_DAYS:
        return _day(anchor.day.year - 1, month, day)
    if (anchor.day - candidate).days > 365 - AHEAD_DAYS:
        return _day(anchor.day.year + 1, month, day)
    return candidate


def _resolve(
    match: re.Match[str], grammar: TimeWords, anchor: Anchor | None, text: str, kind: TimeKind
) -> tuple[str, Precision] | None:
    group = match.lastgroup
    g = match.group
    if group == "iso":
        day = _day(int(g("iy")), int(g("im")), int(g("id")))
        return (day.isoformat(), "day") if day else None
    if group == "num":
        first, second, year = int(g("n1")), int(g("n2")), int(g("n3"))
        month, dom = (second, first) if grammar.day_first or first > 12 else (first, second)
        day = _day(year, month, dom)
        return (day.isoformat(), "day") if day else None
    if group in ("dm", "md"):
        month = grammar.months[g(f"{group}m").lower()]
        dom = int(g(f"{group}d"))
        year_text = g(f"{group}y")
        day = _day(int(year_text), month, dom) if year_text else _nearest_year(month, dom, anchor)
        return (day.isoformat(), "day") if day else None
    if group == "my":
        return _month(match, grammar, anchor, text)
    if group == "year":
        return _year(match, grammar, text)
    if anchor is None:
        return None
    if group == "wd":
        return _weekday(match, grammar, anchor, text, kind)
    if group == "rel":
        words = " ".join(g("rel").lower().split())
        offset = next(RELATIVE_DAYS[key] for key in RELATIVE_DAYS if words in grammar.words.get(key, {}))
        return _relative_day(anchor, anchor.day + timedelta(days=offset))
    if group in ("ago", "agob"):
        amount = _number(g(f"{group}n"), grammar)
        unit = _unit_of(g(f"{group}u"), grammar)
        if amount is None or unit is None:
            return None
        return _shift(anchor, unit, -amount)
    if group == "unit":
        unit = _unit_of(g("uu"), grammar)
        mod = _mod_of(g("umod"), grammar) or _mod_of(g("umod2"), grammar)
        if unit == "weekend":
            if not (mod or re.search(r"(?:\b(?:het|the|dem|le|el|w|в|у)\s+)$", text[: match.start()], re.IGNORECASE)):
                return None
            return _weekend(anchor, mod)
        if unit is None or mod is None:
            return None  # a bare "week" or "jaar" is not a date
        return _shift(anchor, unit, {"last": -1, "this": 0, "next": 1}[mod])
    return None


def _month(
    match: re.Match[str], grammar: TimeWords, anchor: Anchor | None, text: str
) -> tuple[str, Precision] | None:
    month = grammar.months[match.group("mym").lower()]
    if match.group("myy"):
        return f"{match.group('myy')}-{month:02d}", "month"
    mod = _mod_of(match.group("mymod"), grammar)
    if mod is None and not _after_year_context(text, match.start(), grammar):
        return None  # "May" the verb, "march" the noun: a bare month needs "in", "since"…
    if mod is None and not match.group("mym")[0].isupper() and grammar.day_first is False:
        return None
    if anchor is None:
        return None
    year = anchor.day.year
    if mod == "last":
        year -= month >= anchor.day.month
    elif mod == "next":
        year += month <= anchor.day.month
    elif mod is None:
        nearest = _nearest_year(month, 15, anchor)
        year = nearest.year if nearest else year
    return f"{year}-{month:02d}", "month"


def _after_year_context(text: str, start: int, grammar: TimeWords) -> bool:
    before = text[max(0, start - 20):start].lower().split()
    context = grammar.words.get("year_context", {})
    return any(" ".join(before[-size:]) in context for size in (1, 2) if len(before) >= size)


def _year(match: re.Match[str], grammar: TimeWords, text: str) -> tuple[str, Precision] | None:
    year = int(match.group("yy"))
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    if _after_year_context(text, match.start(), grammar):
        return str(year), "year"
    after = text[match.end(): match.end() + 12]
    # "1998." or "1998, …" or "in 1998 and": a year on its own; "2000 people" is a count.
    if re.match(r"\s*(?:[.,;:)\]]|$|\s+(?:and|or|en|und|et|y|i|и)\b)", after):
        before = text[max(0, match.start() - 2):match.start()]
        return (str(year), "year") if not re.search(r"\d\s?$", before) else None
    return None


def _relative_day(anchor: Anchor, day: date) -> tuple[str, Precision]:
    if anchor.precision != "day":
        return anchor.day.strftime("%Y-%m"), "month"
    return day.isoformat(), "day"


def _weekday(
    match: re.Match[str], grammar: TimeWords, anchor: Anchor, text: str, kind: TimeKind
) -> tuple[str, Precision] | None:
    spelling = match.group("wday").lower()
    weekday = next(i for i, key in enumerate(WEEKDAYS) if spelling in grammar.words.get(key, {}))
    if spelling.endswith(".") and not match.group("wday")[0].isupper():
        return None
    mod = _mod_of(match.group("mod"), grammar) or _mod_of(match.group("wmod"), grammar)
    if match.group("wbefore") or match.group("wprevious"):
        mod = "before"
    if mod is None:
        ahead = kind == "until" or grammar.future.search(_clause(text, match))
        mod = "next-or-same" if ahead else "same-or-last"
    back = (anchor.day.weekday() - weekday) % 7
    if mod == "last":
        day = anchor.day - timedelta(days=back or 7)
    elif mod == "before":  # "the Sunday before": a week before the Sunday just reported
        day = anchor.day - timedelta(days=back + 7)
    elif mod == "next":
        day = anchor.day + timedelta(days=(weekday - anchor.day.weekday()) % 7 or 7)
    elif mod == "next-or-same":
        day = anchor.day + timedelta(days=(weekday - anchor.day.weekday()) % 7)
    else:  # "this" or nothing: on or before publication
        day = anchor.day - timedelta(days=back)
    return _relative_day(anchor, day)


def _clause(text: str, match: re.Match[str]) -> str:
    """The words around ``match`` up to the nearest punctuation, at most FUTURE_WINDOW away."""
    before = text[max(0, match.start() - FUTURE_WINDOW): match.start()]
    after = text[match.end(): match.end() + FUTURE_WINDOW]
    before = re.split(r"[.,;:!?()\"“”]", before)[-1]
    after = re.split(r"[.,;:!?()\"“”]", after)[0]
    return f"{before} {after}"


def _shift(anchor: Anchor, unit: str, amount: int) -> tuple[str, Precision] | None:
    day = anchor.day
    if unit == "day":
        return _relative_day(anchor, day + timedelta(days=amount))
    if unit == "week":
        if anchor.precision != "day":
            return _relative_day(anchor, day)
        year, week, _ = (day + timedelta(weeks=amount)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if unit == "month":
        if anchor.precision == "year":
            return None
        index = day.year * 12 + day.month - 1 + amount
        return f"{index // 12}-{index % 12 + 1:02d}", "month"
    if unit == "year":
        return str(day.year + amount), "year"
    return None


def _weekend(anchor: Anchor, mod: str | None) -> tuple[str, Precision]:
    if anchor.precision != "day":
        return anchor.day.strftime("%Y-%m"), "month"
    saturday = anchor.day - timedelta(days=(anchor.day.weekday() - 5) % 7)
    if mod == "next":
        saturday += timedelta(days=7)
    elif mod == "last" and anchor.day.weekday() >= 5:
        saturday -= timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "week"
