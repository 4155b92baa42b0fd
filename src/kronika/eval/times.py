"""Time normalisation scored on TempEval-3 (TimeBank + AQUAINT, English), DATE values.

Every gold TIMEX3 of type DATE except the document creation time (DCT) is a target. Our
expressions are found in the document text (tags removed) with the DCT as the publication
date (day precision). A target counts as right when one of our expressions overlaps its span
and has exactly its value.

``value_accuracy`` counts the targets with a calendar value (``1998``, ``1998-02``,
``1998-02-27``, ``1998-W09``). Targets such as ``PAST_REF``, ``1998-Q1``, ``1997-SU``, ``199``
(the 1990s) or ``FY1998`` are counted in ``gold_other``; ``value_accuracy_all`` scores both.
kronika writes quarters, halves and seasons as intervals of months and decades as intervals
of years; :func:`timeml_value` rewrites those in TimeML's form before comparing (nothing
else is rewritten). ``precision`` is the share of our date and ref expressions (kind "date"
or "ref") that overlap a gold DATE and have its value, among those that overlap any gold
TIMEX3 or none (expressions inside a gold DURATION/TIME/SET count against us only when
their value is wrong for a DATE there — they are left out).
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from kronika.analyze.times import find_times
from kronika.model import Published, TimeExpression

CALENDAR = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_MONTHS = re.compile(r"^(\d{4})-(\d\d)/(\d{4})-(\d\d)$")
_DECADE = re.compile(r"^(\d{3})0/(\d{3})9$")
_SEASON = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def timeml_value(expression: TimeExpression) -> str:
    """Our value in TimeML's form: 1998-01/1998-03 → 1998-Q1, 1998-07/1998-12 → 1998-H2,
    1998-06/1998-08 → 1998-SU, 1990/1999 → 199; every other value as it is."""
    value = expression.value
    months = _MONTHS.match(value)
    if months:
        year, first, end_year, last = (int(part) for part in months.groups())
        count = (end_year - year) * 12 + last - first + 1
        if count == 3 and first % 3 == 1:
            return f"{year}-Q{first // 3 + 1}"
        if count == 6 and first in (1, 7):
            return f"{year}-H{first // 6 + 1}"
        if count == 3 and first in _SEASON:
            return f"{year}-{_SEASON[first]}"
    decade = _DECADE.match(value)
    if decade and decade.group(1) == decade.group(2):
        return decade.group(1)
    return value


def read_timeml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """Text, DCT value and the (start, end, type, value) of each TIMEX3 of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw)
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    timexes = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position: tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attributes = open_timex
                timexes.append((start, length, attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
    parts.append(html.unescape(body[position:]))
    return "".join(parts), dct.group(1) if dct else "", timexes


def evaluate_times(data_dir: Path) -> dict[str, float]:
    """Value accuracy and precision of our dates on every .tml file under ``data_dir``."""
    gold_calendar = right_calendar = gold_other = right_other = 0
    ours = ours_right = 0
    seconds = 0.0
    documents = 0
    for path in sorted(data_dir.rglob("*.tml")):
        text, dct, timexes = read_timeml(path)
        if not dct:
            continue
        documents += 1
        started = time.perf_counter()
        found = find_times(text, "en", Published(dct[:10], "day"))
        seconds += time.perf_counter() - started
        dates = [t for t in timexes if t[2] == "DATE"]
        for start, end, _, value in dates:
            hit = any(timeml_value(e) == value and e.start < end and start < e.end for e in found)
            if CALENDAR.match(value):
                gold_calendar += 1
                right_calendar += hit
            else:
                gold_other += 1
                right_other += hit
        for expression in found:
            if expression.kind not in ("date", "ref"):
                continue
            overlapping = [t for t in timexes if t[0] < expression.end and expression.start < t[1]]
            if overlapping and not any(t[2] == "DATE" for t in overlapping):
                continue
            ours += 1
            ours_right += any(t[2] == "DATE" and t[3] == timeml_value(expression) for t in overlapping)
    return {
        "value_accuracy": right_calendar / gold_calendar if gold_calendar else 0.0,
        "value_accuracy_all": (right_calendar + right_other) / (gold_calendar + gold_other) if gold_calendar else 0.0,
        "precision": ours_right / ours if ours else 0.0,
        "gold_dates": float(gold_calendar),
        "gold_other": float(gold_other),
        "documents": float(documents),
        "ms_per_document": 1000 * seconds / documents if documents else 0.0,
    }
