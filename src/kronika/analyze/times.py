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

- quarters and halves (the third quarter of 1997, third-quarter, Q2, het derde kwartaal, im
  ersten Halbjahr) → intervals of months; without a year the publication year's, unless that
  one starts more than AHEAD_DAYS ahead; "the quarter" refers back to the quarter last named
  in the article, and after one "a year earlier" / "year-ago" is that quarter a year before;
- seasons with a modifier or a year (last winter, deze zomer, Sommer 2019) → three months;
  decades (the 1990s, the '80s, jaren 80, 90er Jahre) → ``1990/1999`` (precision year);
- vague times (now, recently, the future, momenteel, onlangs, derzeit, in Zukunft) →
  ``kind="ref"`` with TimeML's ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``: never an event date.

Values: ``YYYY-MM-DD`` (day), ``YYYY-Www`` (week), ``YYYY-MM`` (month), ``YYYY`` (year), and
``start/end`` for a weekend (precision week), a quarter, half or season (``1998-01/1998-03``,
precision month) or a decade (``1990/1999``, precision year): shapes every consumer of dates
already reads (:func:`kronika.model.date_span`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from kronika import lang
from kronika.model import Precision, Published, TimeExpression

TimeKind = Literal["date", "since", "until", "ref"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = {
    "day_before_yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1, "day_after_tomorrow": 2,
}
UNITS = ("day", "week", "month", "year", "weekend")
REFS = {"present_ref": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
"""The first month of each season (meteorological, northern hemisphere: news in our
languages is written there)."""
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
        (?:\s?,?\s+(?:de\s+)?(?P<dmy>\d{{4}})(?:\s+(?:года|г\.|roku|r\.))?)?)(?!\w)
    | (?P<md>(?P<mdm>{month_any})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s?,?\s+(?P<mdy>\d{{4}}))?)(?![\w,]\d)
    | (?P<my>(?:(?P<mymod>{alt('last', 'next', 'this')})\s+)?(?P<mym>{month_full})(?:\s+(?P<myy>\d{{4}}))?)(?!\w)
    | (?P<wd>(?:{prefix})?(?P<wday>{weekday})(?:\s*(?:{alt('dayparts')}))?
        (?:\s+(?P<wmod>{alt('last_after', 'next_after')})
        |\s+(?P<wbefore>{alt('before_after')})(?=\s*[,.;:!?)]|\s*$)
        |\s+(?P<wprevious>{alt('previous_after')}))?)(?!\w)
    | (?P<quarter>(?:(?P<qmod>{alt('last', 'next', 'this', 'latest', 'year_ago')})[-\s]+)?
        (?:(?P<qord>{alt('ordinals')})[-\s]+)?(?P<qu>{alt('quarter', 'half')})
        (?:,?\s+(?:(?:{alt('of')})\s+)?(?P<qy>1[89]\d\d|20\d\d))?)(?!\w)
    | (?P<yago>{alt('year_ago')})(?![\w-])
    | (?P<qn>[qQ](?P<qnn>[1-4])(?:\s+(?P<qny>1[89]\d\d|20\d\d))?)(?!\w)
    | (?P<season>(?:(?P<smod>{alt('last', 'next', 'this')})\s+)?(?P<sname>{alt(*SEASONS)})
        (?:,?\s+(?:(?:{alt('of')})\s+)?(?P<sy>1[89]\d\d|20\d\d))?)(?!\w)
    | (?P<decade>(?:{alt('decade_before')})\s+['’]?(?P<dcn>[1-9]0|1[89]\d0|20\d0)(?![\w'’])
        |['’]?(?P<dcs>[1-9]0|1[89]\d0|20\d0)(?:['’]?s|er)(?!\w))
    | (?P<ref>{alt(*REFS)})(?!\w)(?!\s+(?:\d|(?:{alt('numbers', 'day', 'week', 'month', 'year', 'quarter')})(?!\w)))
    | (?P<rel>{alt(*RELATIVE_DAYS)})(?!\w)
    | (?P<ago>{approx}(?P<agon>{number})\s+(?P<agou>{unit})\s+(?:{alt('ago')}))(?!\w)
    | (?P<agob>(?:{alt('ago_before')})\s+{approx}(?P<agobn>{number})\s+(?P<agobu>{unit}))(?!\w)
    | (?P<unit>(?:(?P<umod>{alt('last', 'next', 'this')})\s+)?(?P<uu>{alt(*UNITS)})
        (?:\s+(?P<umod2>{alt('last_after', 'next_after')}))?)(?!\w)
    | (?P<year>(?<![\d.,$€£])(?P<yy>1[89]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:%|procent|percent|prozent)))
    )"""
    starters = {
        spelling.split()[0].rstrip(".")
        for key in (*WEEKDAYS, *RELATIVE_DAYS, *UNITS, *REFS, *SEASONS, "last", "next", "this",
                    "numbers", "approx", "ago_before", "quarter", "half", "ordinals", "latest",
                    "year_ago", "decade_before")
        for spelling in words.get(key, {})
    }
    starters.update(month.rstrip(".") for month in months)
    starters.update(("q1", "q2", "q3", "q4"))
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
    named_quarter: tuple[int, int] | None = None  # (year, quarter) last named: "the quarter"
    for word in _WORD.finditer(text):
        start = word.start()
        if start < taken or not (word.group()[0].isdigit() or word.group().lower() in grammar.starters):
            continue
        match = grammar.pattern.match(text, start)
        if match is None:
            continue
        taken = match.end()
        kind = _kind(text, start, grammar)
        if match.lastgroup == "ref":
            words = " ".join(match.group("ref").lower().split())
            kind = "ref"
            resolved: tuple[str, Precision] | None = next(
                (REFS[key], "year") for key in REFS if words in grammar.words.get(key, {}))
        elif match.lastgroup == "yago":
            # "year-earlier" results: the quarter last named a year before, else last year
            if anchor is None:
                continue
            resolved = ((_months(named_quarter[0] - 1, 3 * named_quarter[1] - 2, 3), "month")
                        if named_quarter else (str(anchor.day.year - 1), "year"))
        elif match.lastgroup in ("quarter", "qn"):
            part = _part_of_year(match, grammar, anchor, text, named_quarter)
            if part is None:
                continue
            resolved = part[0]
            named_quarter = part[1] or named_quarter
        else:
            resolved = _resolve(match, grammar, anchor, text, kind)
            if (resolved and named_quarter and anchor and match.lastgroup in ("ago", "agob")
                    and resolved[1] == "year"):
                # After a quarter is named, "a year ago/earlier" is that quarter a year before
                # (results: "third-quarter profit … up from $3 million a year earlier").
                years = anchor.day.year - int(resolved[0])
                resolved = _months(named_quarter[0] - years, 3 * named_quarter[1] - 2, 3), "month"
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
        if day and not year_text and anchor and day < anchor.day and _ahead(text, match, grammar, kind):
            day = _day(day.year + 1, month, dom)
        return (day.isoformat(), "day") if day else None
    if group == "my":
        found = _month(match, grammar, anchor, text)
        if (found and anchor and not match.group("myy") and not match.group("mymod")
                and found[0] < anchor.day.strftime("%Y-%m") and _ahead(text, match, grammar, kind)):
            found = f"{int(found[0][:4]) + 1}{found[0][4:]}", "month"
        return found
    if group == "year":
        return _year(match, grammar, text)
    if anchor is None:
        return None
    if group == "season":
        return _season(match, grammar, anchor)
    if group == "decade":
        return _decade(match)
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
    before = re.split(r"[\s-]+", text[max(0, start - 20):start].lower().strip(" \n\t-"))  # mid-May
    context = grammar.words.get("year_context", {})
    return any(" ".join(before[-size:]) in context for size in (1, 2) if len(before) >= size)


def _year(match: re.Match[str], grammar: TimeWords, text: str) -> tuple[str, Precision] | None:
    year = int(match.group("yy"))
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    if _after_year_context(text, match.start(), grammar):
        return str(year), "year"
    if _attributive_year(text, match, grammar):
        return str(year), "year"
    after = text[match.end(): match.end() + 12]
    # "1998." or "1998, …" or "in 1998 and": a year on its own; "2000 people" is a count.
    if re.match(r"\s*(?:[.,;:)\]]|$|\s+(?:and|or|en|und|et|y|i|и)\b)", after):
        before = text[max(0, match.start() - 2):match.start()]
        return (str(year), "year") if not re.search(r"\d\s?$", before) else None
    return None


def _attributive_year(text: str, match: re.Match[str], grammar: TimeWords) -> bool:
    """A year between a determiner and a noun: "the 1996 bombing", "its 1990 invasion",
    "Mr. Doyle's 1990 projection". A plural after it is counted ("the 2000 workers"),
    unless capitalised ("the 2000 Olympics")."""
    before = text[max(0, match.start() - 12): match.start()].lower().split()
    if not before or not (before[-1] in grammar.words.get("year_determiners", {})
                          or before[-1].endswith(("'s", "’s"))):
        return False
    after = re.match(r"\s+([^\W\d_][\w-]*)", text[match.end(): match.end() + 30])
    if after is None:
        return False
    noun = after.group(1)
    return noun[0].isupper() or not noun.endswith("s") and noun.lower() not in grammar.words.get("counted", {})


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


def _ahead(text: str, match: re.Match[str], grammar: TimeWords, kind: TimeKind) -> bool:
    """A future cue in the clause ("will expire in February"), or an "until": the next such
    month or day rather than the last one."""
    return kind == "until" or bool(grammar.future.search(_clause(text, match)))


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


def _months(year: int, first: int, count: int) -> str:
    """The interval of ``count`` whole months from ``first`` of ``year``: 1998-01/1998-03."""
    last = year * 12 + first - 1 + count - 1
    return f"{year}-{first:02d}/{last // 12}-{last % 12 + 1:02d}"


def _part_of_year(
    match: re.Match[str], grammar: TimeWords, anchor: Anchor | None, text: str,
    named: tuple[int, int] | None,
) -> tuple[tuple[str, Precision], tuple[int, int] | None] | None:
    """A quarter or half year as an interval of months (precision month), and for a quarter
    the (year, quarter) that a later "the quarter" refers back to.

    Without a year a numbered quarter is the one of the publication year, unless it starts
    more than AHEAD_DAYS after publication (then last year's). "latest" and a bare "the
    quarter" without an earlier quarter named are the last completed one; "the quarter"
    after one was named is that one; "the year-ago quarter" is that one a year before."""
    g = match.group
    if match.lastgroup == "qn":
        ordinal: int | None = int(g("qnn"))
        year_text, size, mod = g("qny"), 3, None
    else:
        unit = g("qu").lower()
        size = 3 if unit in grammar.words.get("quarter", {}) else 6
        ordinal = grammar.words.get("ordinals", {}).get(g("qord").lower()) if g("qord") else None
        year_text = g("qy")
        mod_text = " ".join(g("qmod").lower().split()) if g("qmod") else None
        mod = next((key for key in ("latest", "year_ago") if mod_text in grammar.words.get(key, {})), None) \
            if mod_text else None
        mod = mod or _mod_of(mod_text, grammar)
    parts = 12 // size
    if ordinal is not None and not 1 <= ordinal <= parts:
        return None
    if year_text:
        if ordinal is None:
            return None
        year = int(year_text)
    elif anchor is None:
        return None
    else:
        current = (anchor.day.month - 1) // size + 1
        index = anchor.day.year * parts + current - 1  # parts since year 0 of the anchor's
        if ordinal is not None:
            year = anchor.day.year
            if mod == "last":
                year -= 1 if ordinal >= current else 0
            elif mod == "next":
                year += 1 if ordinal <= current else 0
            elif mod == "year_ago" or date(year, (ordinal - 1) * size + 1, 1) - anchor.day > timedelta(
                days=AHEAD_DAYS
            ):
                year -= 1
        elif size == 3 and named is not None and mod in (None, "year_ago") and _definite(text, match, grammar):
            year, ordinal = named[0] - (mod == "year_ago"), named[1]
        else:
            shift = {"last": -1, "latest": -1, "this": 0, "next": 1, "year_ago": -1 - parts}.get(mod or "")
            if shift is None:
                if not (size == 3 and _definite(text, match, grammar)):
                    return None  # "a quarter of the votes", "half"
                shift = -1
            index += shift
            year, ordinal = index // parts, index % parts + 1
    value: tuple[str, Precision] = _months(year, (ordinal - 1) * size + 1, size), "month"
    return value, (year, ordinal) if size == 3 else None


def _definite(text: str, match: re.Match[str], grammar: TimeWords) -> bool:
    before = text[max(0, match.start() - 8): match.start()].lower().split()
    return bool(before) and before[-1] in grammar.words.get("definite", {})


def _season(match: re.Match[str], grammar: TimeWords, anchor: Anchor | None) -> tuple[str, Precision] | None:
    """A season as an interval of months; a bare season needs a year or a modifier ("fall"
    is a verb, "spring" a noun)."""
    spelling = match.group("sname").lower()
    first = next(SEASONS[key] for key in SEASONS if spelling in grammar.words.get(key, {}))
    if match.group("sy"):
        return _months(int(match.group("sy")), first, 3), "month"
    mod = _mod_of(match.group("smod"), grammar)
    if mod is None or anchor is None:
        return None
    # the season year the anchor stands in: January 1998 is in the winter of 1997
    year = anchor.day.year - (first == 12 and anchor.day.month < 3)
    start = date(year, first, 1)
    if mod == "last" and start > anchor.day - timedelta(days=90):
        year -= 1
    elif mod == "next" and start <= anchor.day:
        year += 1
    return _months(year, first, 3), "month"


def _decade(match: re.Match[str]) -> tuple[str, Precision]:
    """The 1990s, the '80s, jaren 80, 90er Jahre → 1990/1999 (precision year)."""
    number = int(match.group("dcn") or match.group("dcs"))
    first = number if number >= 100 else 1900 + number
    return f"{first}/{first + 9}", "year"
