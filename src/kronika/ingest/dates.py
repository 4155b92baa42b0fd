"""Publication dates with their precision, from metadata values and datelines."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache

from kronika.lang import available, get
from kronika.model import Precision, Published

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]{3,}\.?),?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_NUMERIC_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def parse_published(value: str, language: str | None = None) -> Published | None:
    """Parse a date as metadata writes it: ISO (``2020-08`` → month precision), RFC 2822
    (feeds), or a written date ("25 August 2020", "19 augustus 2020"). ``None`` if none."""
    value = value.strip()
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        return _published(*match.groups())
    try:
        stamp = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None:
        return Published(stamp.date().isoformat(), "day")
    found = find_written_date(value, language)
    return found[0] if found else None


def find_written_date(text: str, language: str | None = None) -> tuple[Published, re.Match[str]] | None:
    """The first full written date in ``text`` ("25 August 2020", "Aug. 9, 2020", "19.08.2020")."""
    months = _month_names(language)
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = months.get(match.group(2).lower())
        if month:
            published = _published(match.group(3), str(month), match.group(1))
            if published:
                return published, match
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = months.get(match.group(1).lower())
        if month:
            published = _published(match.group(3), str(month), match.group(2))
            if published:
                return published, match
    numeric = _NUMERIC_DMY.search(text)
    if numeric:
        published = _published(numeric.group(3), numeric.group(2), numeric.group(1))
        if published:
            return published, numeric
    return None


def dateline(line: str, language: str | None = None) -> Published | None:
    """The date of a line that holds nothing but a date, perhaps with a weekday, a time or a
    word like "Published"; ``None`` for a line that says more (a sentence mentioning a date)."""
    if len(line) > 80:
        return None
    match = _ISO.fullmatch(line.strip())
    if match and match.group(2):
        return _published(*match.groups())
    found = find_written_date(line, language)
    if found is None:
        return None
    published, match = found
    rest = _WORD.findall(line[: match.start()] + " " + line[match.end() :])
    return published if len(rest) <= 4 else None


def _published(year: str, month: str | None = None, day: str | None = None) -> Published | None:
    try:
        parsed = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if not 1800 <= parsed.year <= 2200:
        return None
    precision: Precision = "day" if day else "month" if month else "year"
    width = {"day": 10, "month": 7, "year": 4}[precision]
    return Published(parsed.isoformat()[:width], precision)


@cache
def _month_names(language: str | None) -> dict[str, int]:
    """Month spellings of ``language`` and of English (page metadata and URLs are often
    English whatever the language of the text); of every language we have while the
    language is not known (a date's month name is rarely a word of another language)."""
    if language and get(language).known:
        return {**get("en").months, **get(language).months}
    return {spelling: month for code in available() for spelling, month in get(code).months.items()}
