"""Event dates as the calendar days other tools need.

kronika keeps a date at the precision the sources give it (see
:class:`kronika.model.CanonicalEvent`): ``2020-08-15`` (day), ``2020-W34`` (ISO week),
``2020-08`` (month), ``2020`` (year) or ``2020-08-15/2020-08-16`` (an interval, such as a
weekend). Formats that want one calendar day (ACLED's ``event_date``, PLOVER's ``date``)
get the first day of that period together with its precision.
"""

from __future__ import annotations

import datetime as dt
import re
import typing

from kronika.model import Precision, date_span

PRECISIONS: tuple[str, ...] = typing.get_args(Precision)

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def first_day(value: str) -> dt.date:
    """The first calendar day of a kronika date value (the Monday of an ISO week).

    Raises ValueError for a value that is none of kronika's date shapes.
    """
    span = date_span(value)
    if span is None:
        raise ValueError(f"not a kronika date value: {value!r}")
    return span[0]


def precision_of(value: str, precision: str | None = None) -> Precision:
    """The precision of a date value: ``precision`` when the event states it, else read
    from the value's shape (an interval counts as a week, as kronika's weekends do)."""
    if precision in PRECISIONS:
        return typing.cast(Precision, precision)
    start = value.split("/", 1)[0].strip()
    if "/" in value:
        return "week"
    if _DAY.fullmatch(start):
        return "day"
    if _WEEK.fullmatch(start):
        return "week"
    if _MONTH.fullmatch(start):
        return "month"
    return "year"
