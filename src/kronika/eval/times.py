"""Time normalisation scored on TempEval-3 (TimeBank + AQUAINT, English), DATE values.

Every gold TIMEX3 of type DATE except the document creation time (DCT) is a target. Our
expressions are found in the document text (tags removed) with the DCT as the publication
date (day precision). A target counts as right when one of our expressions overlaps its span
and has exactly its value.

``value_accuracy`` counts the targets with a calendar value (``1998``, ``1998-02``,
``1998-02-27``, ``1998-W09``): the values kronika produces. Targets such as ``PAST_REF``,
``1998-Q1``, ``1997-SU`` or ``FY1998`` are counted in ``gold_other`` and scored in
``value_accuracy_all`` (where they can only be missed). ``precision`` is the share of our
date expressions (kind "date") that overlap a gold DATE and have its value, among those that
overlap any gold TIMEX3 or none (expressions inside a gold DURATION/TIME/SET count against
us only when their value is wrong for a DATE there — they are left out).
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from kronika.analyze.times import find_times
from kronika.model import Published

CALENDAR = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


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
    gold_calendar = right_calendar = gold_other = 0
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
            hit = any(e.value == value and e.start < end and start < e.end for e in found)
            if CALENDAR.match(value):
                gold_calendar += 1
                right_calendar += hit
            else:
                gold_other += 1
        for expression in found:
            if expression.kind != "date":
                continue
            overlapping = [t for t in timexes if t[0] < expression.end and expression.start < t[1]]
            if overlapping and not any(t[2] == "DATE" for t in overlapping):
                continue
            ours += 1
            ours_right += any(t[2] == "DATE" and t[3] == expression.value for t in overlapping)
    return {
        "value_accuracy": right_calendar / gold_calendar if gold_calendar else 0.0,
        "value_accuracy_all": right_calendar / (gold_calendar + gold_other) if gold_calendar else 0.0,
        "precision": ours_right / ours if ours else 0.0,
        "gold_dates": float(gold_calendar),
        "gold_other": float(gold_other),
        "documents": float(documents),
        "ms_per_document": 1000 * seconds / documents if documents else 0.0,
    }
