"""Quantities in article text: counts, ranges, vague amounts, percentages and money.

``find_quantities(text, language)`` returns one :class:`~kronika.model.Quantity` per number
expression. The span covers the approximator, a currency sign, the number (digits or words),
its scale word, the second end of a range and a unit word (``%``, "procent", "euros"), but
never the counted noun: in "naar schatting 100.000 betogers" the span is
"naar schatting 100.000" and ``kind`` is ``protesters``.

Everything language-specific lives in ``kronika/lang/<iso>/numbers.txt`` (format in the
header of ``en/numbers.txt``); shared currency signs live in ``xx/numbers.txt``.

Conventions for ``value``, ``low`` and ``high``:

=============================  =====  =====  =====  ===========
expression                     value  low    high   approximate
=============================  =====  =====  =====  ===========
"5,000" (exact)                5000   5000   5000   False
"about/some/naar schatting N"  N      None   None   True
"more than/over/ruim N"        N      N      None   True
"at least/minstens N"          N      N      None   True
"up to/tot N"                  N      None   N      True
"almost/nearly/bijna N"        N      None   N      True
"less than/minder dan N"       N      None   N      True
"10,000 to 20,000"             None   10000  20000  False
"between 10 and 20 thousand"   None   10000  20000  False
=============================  =====  =====  =====  ===========

A word before a scale word multiplies it: "a million", "half a million", "anderhalf
miljoen", "полтора миллиона" (``multiplier`` lines).

Vague amounts have ``vague=True``, ``value=None`` and the bounds listed in the language's
``vague`` lines. The shared convention: "dozens" 24-99 (two dozen up), "tientallen"/"tens"
20-99, "hundreds" 200-999, "thousands"/"duizenden" 2,000-9,999, "tens of thousands"/
"tienduizenden"/"Zehntausende" 20,000-99,999, "hundreds of thousands"/"honderdduizenden"
200,000-999,999, "millions" 2-9.99 million. "several/a few/enkele/einige + SCALE" gives
low 2 x SCALE and high 9 x SCALE ("several thousand" 2,000-9,000) unless the ``several``
line gives other factors (Polish "kilkanaście tysięcy" 11,000-19,000). An approximator before
a vague amount sets ``approximate`` and keeps the bounds.

``kind`` (what is counted): ``money``/``percent`` when a unit says so; otherwise the first
noun within :data:`KIND_WINDOW` words after the number ("5,000 workers", "7,000 arrests",
"hundreds of thousands of people"), or ``people`` for a capitalised demonym ("12
Americans"); then an event word of the same clause overrides it: arrested/killed/injured
within :data:`EVENT_WINDOW` words after the count or :data:`EVENT_BEFORE` words before it
("7,000 people were arrested", "police detained 700 students"), and a protest verb turns
``people`` into ``protesters`` ("200,000 people were protesting"). The clause ends at
sentence punctuation, a line break, another number, a conjunction (``clause`` lines) or,
once a noun is found, a comma. ``None`` when the sentence does not say.

Not quantities: years in a date context or without a counted noun ("in 2020", "since 1994"),
day numbers next to a month ("19 August", "August 9 and 10"), times of day ("10.30 uur",
"10:30", "9 am"), ordinals ("9th", "9e", "9. August"), numbers glued to letters ("COVID-19",
"G7"), phone-like digit runs ("+375 29 ...") and the word for one on its own ("een", "one").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kronika.lang import get
from kronika.model import Quantity

KIND_WINDOW = 3
"""Words after a number searched for the counted noun (skip words do not count): "5,000
angry young workers" is rare in news text, three covers "hundreds of thousands of people"."""
EVENT_WINDOW = 8
"""Words after a count searched for an event verb: covers "people have been arrested since"
and "people were reportedly detained" while staying inside one clause in the seed articles."""
EVENT_BEFORE = 2
"""Words before a count searched for an event verb ("police detained some 700 students")."""
APPROX_WINDOW = 40
"""Characters before a number searched for an approximator (the longest is ~25)."""
YEAR_LOW, YEAR_HIGH = 1800, 2100
"""Bare four-digit integers in this range are years unless a counted noun or unit follows."""
SEVERAL = (2.0, 9.0)
"""Default bounds of "several/a few + SCALE" in units of SCALE ("several thousand" 2,000-9,000)."""
MAX_AGE = 120
"""A number up to this between a capitalised name and a comma is an age ("Kolesnikova, 38,")."""
MAX_PLAIN_DIGITS = 9
"""Longer digit runs without separators are ids, not amounts (news writes 1,000,000)."""
_SPACES = "\u00a0\u202f\u2009"
_CLAUSE_END = frozenset('.;:!?()"“”«»')
_WEAK_WORDS = frozenset(
    {"een", "één", "en", "ën", "one", "and", "ein", "eins", "eine", "und", "un", "une", "et"}
    | {"uno", "una", "y", "e"}
)
"""Number-word pieces that alone are articles or conjunctions: never a number on their own."""
_JOINERS = frozenset({"en", "ën", "and", "und", "et", "y", "e", "i", "и", "і"})
_ONE_WORDS = frozenset({"een", "één", "one", "ein", "eine", "un", "une", "uno", "una", "a", "an"})


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    anchor: re.Pattern[str]
    """Finds where a quantity may start, in lower-cased text (faster than IGNORECASE)."""
    anchor_any_case: re.Pattern[str]
    """The same for texts whose lower-cased form has another length (rare: "İ")."""
    number: re.Pattern[str]
    clause: frozenset[str]
    date_link: frozenset[str]
    time_before: frozenset[str]
    ordinal_before: frozenset[str]
    ordinal_dot: bool
    after_scale: re.Pattern[str]
    scales: dict[str, float]
    attached: dict[str, float]
    approx_before: re.Pattern[str]
    approx: dict[str, str]
    range_mid: re.Pattern[str]
    between: dict[str, re.Pattern[str]]
    between_before: re.Pattern[str]
    unit_after: re.Pattern[str]
    units: dict[str, tuple[str, str]]
    currency_before: re.Pattern[str]
    symbols: dict[str, str]
    vague: dict[str, tuple[float, float]]
    kinds: re.Pattern[str]
    events: re.Pattern[str]
    skip: frozenset[str]
    ordinal_after: re.Pattern[str]
    time_after: re.Pattern[str]
    year_context: frozenset[str]
    months: frozenset[str]
    words: dict[str, float]
    ambiguous: frozenset[str]
    demonym: re.Pattern[str] | None
    multipliers: dict[str, float]
    several: dict[str, tuple[float, float]]
    text2num: bool
    decimal: str
    groups: str


def _entries(code: str) -> list[tuple[list[str], list[str]]]:
    """``(head words, spellings)`` of every line of ``xx/numbers.txt`` and ``<code>/numbers.txt``."""
    entries = []
    for line in get(code).lines("numbers.txt", shared=True):
        if "=" not in line:
            continue
        head, _, values = line.partition("=")
        spellings = [v.strip().lower() for v in values.split(" | ") if v.strip()]
        entries.append((head.split(), spellings))
    return entries


def _phrase(spelling: str) -> str:
    """Regex for one spelling: words joined by any space, a final ``*`` for any ending, a
    leading ``*`` for any beginning (suffix lists)."""
    star = spelling.endswith("*")
    lead = spelling.startswith("*")
    words = spelling.strip("*").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return (r"\w+" if lead else "") + body + (r"\w*" if star else "")


def _alternation(spellings: list[str]) -> str:
    ordered = sorted(set(spellings), key=len, reverse=True)
    return "|".join(_phrase(s) for s in ordered) or "(?!)"


def _key(text: str) -> str:
    return " ".join(text.lower().split()).replace("’", "'")


@dataclass(slots=True)
class _Table:
    """The lines of one language's ``numbers.txt`` (plus ``xx``), sorted by key."""

    code: str
    plain: dict[str, list[str]] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    attached: dict[str, float] = field(default_factory=dict)
    approx: dict[str, str] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, list[str]] = field(default_factory=dict)
    events: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    between: list[tuple[str, str]] = field(default_factory=list)
    several: dict[str, tuple[float, float]] = field(default_factory=dict)


def _parse(code: str) -> _Table:
    """Read ``xx/numbers.txt`` and ``<code>/numbers.txt`` (only the shared one for a code without a folder)."""
    table = _Table(code)
    valued = {
        "scale": table.scales,
        "attached": table.attached,
        "multiplier": table.multipliers,
        "word": table.words,
    }
    for head, spellings in _entries(code):
        key, args = head[0], head[1:]
        if key in valued:
            valued[key].update((_key(s), float(args[0])) for s in spellings)
        elif key == "approx":
            table.approx.update((_key(s), args[0]) for s in spellings)
        elif key == "several":
            bounds = (float(args[0]), float(args[1])) if args else SEVERAL
            table.several.update((_key(s), bounds) for s in spellings)
        elif key == "vague":
            table.vague.update((_key(s), (float(args[0]), float(args[1]))) for s in spellings)
        elif key == "percent":
            table.units.update((_key(s), ("percent", "%")) for s in spellings)
        elif key == "currency":
            table.units.update((_key(s), ("money", args[0])) for s in spellings)
        elif key == "symbol":
            table.symbols.update((s, args[0]) for s in spellings)
        elif key in ("kind", "event"):
            groups = table.kinds if key == "kind" else table.events
            groups.setdefault(args[0], []).extend(spellings)
        elif key == "between":
            for s in spellings:
                first, _, second = s.partition(" : ")
                table.between.append((first.strip(), second.strip()))
        else:
            table.plain.setdefault(key, []).extend(spellings)
    return table


@cache
def _lang(code: str) -> _Lang:
    """The compiled number grammar of ``code`` (a code without a folder gets the shared signs only)."""
    data = _parse(code)
    code, table = data.code, data.plain
    scales, attached, approx, vague = data.scales, data.attached, data.approx, data.vague
    units, symbols, kinds, events = data.units, data.symbols, data.kinds, data.events
    words, multipliers, between_pairs = data.words, data.multipliers, data.between
    groups = "".join(" " if g == "space" else g for g in table.get("group", [","]))
    groups += _SPACES
    decimal = (table.get("decimal") or ["."])[0]
    g = re.escape(groups)
    d = re.escape(decimal)
    digits = (
        rf"\d{{1,3}}(?P<sep>[.,])\d{{3}}(?:(?P=sep)\d{{3}})+(?![\d])"
        rf"|\d{{1,3}}(?:[{g}]\d{{3}})+(?:{d}\d+)?(?!\d)"
        rf"|\d+(?:{d}\d+)?"
    )
    text2num = get(code).text2num and "text2num" in table.get("words", [])
    parts = table.get("wordparts", []) if text2num else list(words)
    part_alt = "|".join(sorted((re.escape(p) for p in parts), key=len, reverse=True))
    weak = "|".join(re.escape(p) for p in parts if p in _WEAK_WORDS) or "(?!)"
    word_number = (
        rf"(?!(?:{weak})(?![\w \-]))(?!(?:{weak})[ \-](?!{part_alt}))"
        rf"(?:{part_alt})+(?:[ \-](?:{part_alt})+)*"
        if part_alt
        else "(?!)"
    )
    if not text2num and words:
        scale_words = _alternation(list(scales))
        word_number = (
            rf"(?:{_alternation(list(words))})(?:\s+(?:{_alternation(list(words))}|{scale_words}))*"
        )
    several = _alternation(list(data.several))
    scale_alt = _alternation(list(scales))
    anchor = (
        rf"(?:(?<!\w)(?P<vague>{_alternation(list(vague))})(?!\w)"
        rf"|(?<!\w)(?P<mult>(?P<multword>{_alternation(list(multipliers))})\s+(?P<multscale>{scale_alt}))(?!\w)"
        rf"|(?<!\w)(?P<several>(?P<sevword>{several})\s+(?P<sevscale>{scale_alt}))(?!\w)"
        rf"|(?<![\w.,/:+\-#'’])(?P<num>{digits})"
        rf"|(?<!\w)(?P<word>{word_number})(?!\w))"
    )
    number = re.compile(rf"(?P<num>{digits})|(?<!\w)(?P<word>{word_number})(?!\w)", re.IGNORECASE)
    between_before = re.compile(
        rf"(?:^|\W)(?P<b>{_alternation([a for a, _ in between_pairs])})\s+$", re.IGNORECASE
    )
    between: dict[str, re.Pattern[str]] = {}
    for first, second in between_pairs:
        between[_key(first)] = re.compile(rf"\s+(?:{_phrase(second)})\s+", re.IGNORECASE)
    approx_before = re.compile(
        rf"(?:^|[^\w])(?P<a>{_alternation(list(approx))})\s*$", re.IGNORECASE
    )
    link = _alternation(table.get("unit_link", []))
    unit_after = re.compile(
        rf"(?:\s?|\s+(?:{link})\s*)(?P<u>{_alternation(list(units))})(?!\w)", re.IGNORECASE
    )
    sym_alt = "|".join(sorted((re.escape(s) for s in symbols), key=len, reverse=True)) or "(?!)"
    currency_before = re.compile(rf"(?<!\w)(?P<c>{sym_alt})\s?$", re.IGNORECASE)
    kind_alt = "|".join(f"(?P<{k}>{_alternation(v)})" for k, v in kinds.items()) or "(?!)"
    event_alt = "|".join(f"(?P<{k}>{_alternation(v)})" for k, v in events.items()) or "(?!)"
    months = frozenset(s.rstrip(".") for s in get(code).months)
    return _Lang(
        code=code,
        anchor=re.compile(anchor),
        anchor_any_case=re.compile(anchor, re.IGNORECASE),
        number=number,
        clause=frozenset(table.get("clause", [])),
        date_link=frozenset(table.get("date_link", [])),
        time_before=frozenset(table.get("time_before", [])),
        ordinal_before=frozenset(table.get("ordinal_before", [])),
        ordinal_dot="." in table.get("ordinal", []),
        after_scale=re.compile(rf"[\s{_SPACES}]*(?P<s>{scale_alt})(?!\w)", re.IGNORECASE),
        scales=scales,
        attached=attached,
        approx_before=approx_before,
        approx=approx,
        range_mid=re.compile(
            rf"\s*(?:{_alternation(table.get('range', []))})\s*(?=[\d{re.escape(''.join(symbols))}]|\w)",
            re.IGNORECASE,
        ),
        between=between,
        between_before=between_before,
        unit_after=unit_after,
        units=units,
        currency_before=currency_before,
        symbols={s.lower(): c for s, c in symbols.items()},
        vague=vague,
        kinds=re.compile(rf"(?:{kind_alt})(?!\w)", re.IGNORECASE),
        events=re.compile(rf"(?:{event_alt})", re.IGNORECASE),
        skip=frozenset(table.get("skip", [])),
        ordinal_after=re.compile(
            rf"(?:{_alternation([o for o in table.get('ordinal', []) if o != '.'])})(?!\w)",
            re.IGNORECASE,
        ),
        time_after=re.compile(
            rf"\s?(?:{_alternation(table.get('time', []))})(?!\w)", re.IGNORECASE
        ),
        year_context=frozenset(table.get("year_context", [])),
        months=months,
        words=words,
        ambiguous=frozenset(table.get("ambiguous", [])),
        demonym=re.compile(_alternation(table["demonym"])) if "demonym" in table else None,
        multipliers=multipliers,
        several=data.several,
        text2num=text2num,
        decimal=decimal,
        groups=groups,
    )


_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+|[,.;:!?()\"“”«»]")
_CLAUSE_START = re.compile(r"[,.;:!?()\"“”«»\d\n]")
_NONSPACE = re.compile(r"\S+")
_GLUED = re.compile(r"[^\W\d_]+")
_ODD_RUN = re.compile(r"[\d.,:/\-]*")
_PHONE_BEFORE = re.compile(r"\+[\d\s\-()]*$")
_PHONE_RUN = re.compile(r"[\d\s\-()]*")
_CODE = re.compile(r"[-/]\d")
"""Digits, a dash and lower digits ("666-015") are a code, not a range."""
_MONTH_AFTER_LIST = re.compile(r"(?:\s*(?:,|-|–|\w{1,3})\s*\d{1,2}\.?)+\s+([^\W\d_]+)")
"""A list of days before a month ("9 and 10 August", "9-10 августа")."""
_MONTH_BEFORE_LIST = re.compile(r"([^\W\d_]+\.?)\s+\d{1,2}\s*(?:,|-|–|\w{1,3})\s*$")
_WORDS_AFTER = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_AGE_BEFORE = re.compile(r"([^\W\d_]+)\s*[,(]\s*$")
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}")
_COMPOUND = re.compile(r"[-‑][^\W\d_]")
"""A number glued by a hyphen to a word is a modifier ("26-year rule", "five-day strike"),
unless the word is a counted noun ("a 100,000-strong crowd")."""
_DAY_LIST = re.compile(r"(?:\s*(?:,|-|–|\w{1,3})\s*\d{1,2}(?!\d))*")


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    value: float
    plain: bool
    """Digits only, no separator, decimal or scale (a possible year or day)."""
    scale: float = 1.0
    """The scale word's factor ("20 thousand": 1000), 1 without one."""


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Every quantity in ``text`` of ``language`` (ISO 639-1), in text order.

    Conventions for value/low/high, vague amounts and kinds: see the module docstring.
    """
    lang = _lang(language.split("-")[0].lower())
    found: list[Quantity] = []
    lowered = text.lower()
    anchor, haystack = lang.anchor, lowered
    if len(lowered) != len(text):
        anchor, haystack = lang.anchor_any_case, text
    pos = 0
    while True:
        match = anchor.search(haystack, pos)
        if match is None:
            return found
        floor = found[-1].end if found else 0
        quantity, consumed = _read(text, match, lang, floor)
        if quantity is not None:
            found.append(quantity)
        pos = max(consumed, match.end(), pos + 1)


def _read(text: str, match: re.Match[str], lang: _Lang, floor: int) -> tuple[Quantity | None, int]:
    """The quantity that starts at ``match`` (or None) and where reading stopped; words
    before ``floor`` (the end of the previous quantity) are never taken into the span."""
    if match.group("vague") is not None:
        bounds = lang.vague[_key(match.group("vague"))]
        return _finish(text, lang, floor, match.start(), match.end(), None, *bounds, vague=True)
    if match.group("several") is not None:
        scale = lang.scales[_key(match.group("sevscale"))]
        few, many = lang.several[_key(match.group("sevword"))]
        start, end = match.span("several")
        return _finish(text, lang, floor, start, end, None, few * scale, many * scale, vague=True)
    if match.group("mult") is not None:
        amount = lang.multipliers[_key(match.group("multword"))]
        amount *= lang.scales[_key(match.group("multscale"))]
        start, end = match.span("mult")
        return _finish(text, lang, floor, start, end, amount, amount, amount)
    first, skip_to = _number(text, match, lang)
    if first is None:
        return None, skip_to
    start, end = first.start, first.end
    if _COMPOUND.match(text, end) and not lang.kinds.match(text, end + 1):
        return None, end
    value: float | None = first.value
    low: float | None = first.value
    high: float | None = first.value
    symbol = lang.currency_before.search(text, max(floor, start - 6), start)
    unit = lang.symbols.get(symbol.group("c").lower()) if symbol else None
    if symbol is not None:
        start = symbol.start("c")
    between = lang.between_before.search(text, max(floor, start - 20), start)
    second, end = _second(text, end, lang, between)
    if second is not None:
        first_value = first.value
        if second.scale != 1 and first.scale == 1:
            first_value *= second.scale
        if first_value < second.value:
            value, low, high = None, first_value, second.value
            if between is not None:
                start = between.start("b")
        else:
            end = first.end
            second = None
    if second is None and _CODE.match(text, first.end):
        return None, _run_end(_ODD_RUN, text, first.end)
    if second is None and first.plain and _is_age(text, first):
        return None, first.end
    day_ends = [n for n in (first, second) if n is not None and n.plain]
    if any(_is_date_part(text, n, lang) for n in day_ends):
        return None, _run_end(_DAY_LIST, text, end)
    if second is not None and second.plain and first.plain and _is_year(second, lang, text):
        return None, end
    return _finish(text, lang, floor, start, end, value, low, high, unit=unit, year=first)


def _number(text: str, match: re.Match[str], lang: _Lang) -> tuple[_Number | None, int]:
    """The number (with scale word) at ``match``, or None and where to go on reading."""
    if match.group("word") is not None:
        return _word_number(text, match.start("word"), match.end("word"), lang), match.end()
    start, end = match.span("num")
    raw = match.group("num")
    if _PHONE_BEFORE.search(text, max(0, start - 24), start):
        return None, _run_end(_PHONE_RUN, text, end)
    if re.match(r"[.,:/]\d", text[end : end + 2]):
        return None, _run_end(_ODD_RUN, text, end)
    if lang.time_after.match(text, end):
        return None, end
    if _CLOCK.fullmatch(raw) and _previous_word(text, start) in lang.time_before:
        return None, end
    ordinal = lang.ordinal_after.match(text, end)
    if ordinal is not None:
        return None, ordinal.end()
    plain = raw.isdigit()
    if plain and (len(raw) > MAX_PLAIN_DIGITS or (len(raw) > 1 and raw.startswith("0"))):
        return None, end
    value = _digits_value(raw, lang)
    glued = _GLUED.match(text, end)
    if glued is not None:
        suffix = glued.group().lower()
        scale = lang.scales.get(suffix)
        if scale is None and lang.currency_before.search(text, max(0, start - 6), start):
            scale = lang.attached.get(suffix)
        if scale is None:
            return None, glued.end()
        return _Number(start, glued.end(), value * scale, False, scale), glued.end()
    if lang.ordinal_dot and _dot_ordinal(text, start, end, lang):
        return None, end + 1
    scale = 1.0
    after = lang.after_scale.match(text, end)
    if after is not None:
        scale = lang.scales[_key(after.group("s"))]
        end, plain = after.end(), False
    return _Number(start, end, value * scale, plain, scale), end


def _run_end(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Where a run of ``pattern`` (which may match empty) starting at ``at`` ends."""
    run = pattern.match(text, at)
    return run.end() if run else at


def _digits_value(raw: str, lang: _Lang) -> float:
    """The value of a digit string written with this language's separators."""
    raw = raw.translate({ord(c): None for c in _SPACES + " "})
    if re.fullmatch(r"\d{1,3}([.,])\d{3}(?:\1\d{3})+", raw):
        return float(raw.replace(raw[-4], ""))
    for group in lang.groups:
        if group != lang.decimal:
            raw = raw.replace(group, "")
    return float(raw.replace(lang.decimal, "."))


def _word_number(text: str, start: int, end: int, lang: _Lang) -> _Number | None:
    """The value of number words at ``text[start:end]``, shortened until it reads."""
    tokens = [(m.start(), m.end()) for m in _NONSPACE.finditer(text, start, end)]
    while len(tokens) > 1 and text[slice(*tokens[0])].lower() in _JOINERS:
        tokens.pop(0)
    while tokens:
        words = [text[a:b] for a, b in tokens]
        phrase = " ".join(words)
        value = _words_value(phrase, lang)
        if value is not None:
            alone = len(words) == 1 and words[0].lower() in lang.ambiguous
            if alone or (value == 1 and phrase.lower() in _ONE_WORDS):
                return None
            return _Number(tokens[0][0], tokens[-1][1], value, False)
        tokens.pop()
    return None


def _words_value(phrase: str, lang: _Lang) -> float | None:
    if lang.text2num:
        from text_to_num import text2num  # imported lazily: a compiled extension

        try:
            return float(text2num(phrase.lower(), lang.code))
        except ValueError:
            return None
    total = current = 0.0
    seen = False
    for word in phrase.lower().split():
        scale = lang.scales.get(word)
        if scale is not None and scale >= 1000:
            total += (current or 1.0) * scale
            current = 0.0
        elif word in lang.words:
            current += lang.words[word]
        elif scale is not None:
            current = (current or 1.0) * scale
        else:
            return None
        seen = True
    return total + current if seen else None


def _second(
    text: str, end: int, lang: _Lang, between: re.Match[str] | None
) -> tuple[_Number | None, int]:
    """The upper end of a range after the number ending at ``end``."""
    joiner = lang.range_mid.match(text, end)
    if joiner is None and between is not None:
        pattern = lang.between.get(_key(between.group("b")))
        joiner = pattern.match(text, end) if pattern else None
    if joiner is None:
        return None, end
    at = joiner.end()
    symbol = re.match(r"[$€£₽₴]\s?", text[at : at + 2])
    if symbol:
        at += symbol.end()
    match = lang.number.match(text, at)
    if match is None:
        return None, end
    if match.group("word") is not None:
        number = _word_number(text, match.start(), match.end(), lang)
    else:
        number, _ = _number(text, match, lang)
    if number is None:
        return None, end
    return number, number.end


def _dot_ordinal(text: str, start: int, end: int, lang: _Lang) -> bool:
    """A German/Polish ordinal ("9. August", "der 3. Tag"): a dot after digits followed by a month or lower case."""
    if text[end : end + 1] != ".":
        return False
    following = re.match(r"\s+([^\W\d_]+)", text[end + 1 : end + 30])
    if following is None:
        return False
    word = following.group(1)
    if word.islower() or word.lower() in lang.months:
        return True
    return _previous_word(text, start) in lang.ordinal_before


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[^\W\d_]+\.?", text[max(0, start - 30) : start])
    return words[-1].lower().rstrip(".") if words else ""


def _next_word(text: str, end: int) -> str:
    word = re.match(r"\s*([^\W\d_]+)", text[end : end + 30])
    return word.group(1).lower() if word else ""


def _is_date_part(text: str, number: _Number, lang: _Lang) -> bool:
    """A day or year next to a month: "19 August", "August 9", "9 de agosto",
    "9 and 10 August", "August 9 and 10"."""
    if not (1 <= number.value <= 31 or YEAR_LOW <= number.value <= YEAR_HIGH):
        return False
    if _previous_word(text, number.start) in lang.months:
        return True
    after = _WORDS_AFTER.match(text, number.end)
    if after is not None:
        following = after.group(1).lower()
        if following in lang.date_link and after.group(2):
            following = after.group(2).lower()
        if following in lang.months:
            return True
    listed = _MONTH_AFTER_LIST.match(text, number.end)
    if listed is not None and listed.group(1).lower() in lang.months:
        return True
    listed = _MONTH_BEFORE_LIST.search(text, max(0, number.start - 40), number.start)
    return bool(listed and listed.group(1).lower().rstrip(".") in lang.months)


def _is_age(text: str, number: _Number) -> bool:
    """An age in apposition: "Lukashenko, 65, said" (a name, a comma, the number, a comma)."""
    if number.value > MAX_AGE or text[number.end : number.end + 1] not in (",", ")"):
        return False
    name = _AGE_BEFORE.search(text, max(0, number.start - 40), number.start)
    return bool(name and name.group(1)[:1].isupper())


def _is_year(number: _Number, lang: _Lang, text: str) -> bool:
    raw = text[number.start : number.end]
    return len(raw) == 4 and raw.isdigit() and YEAR_LOW <= number.value <= YEAR_HIGH


def _finish(
    text: str,
    lang: _Lang,
    floor: int,
    start: int,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    *,
    vague: bool = False,
    unit: str | None = None,
    year: _Number | None = None,
) -> tuple[Quantity | None, int]:
    """Add approximator, unit and kind to a number span; drop years without a count."""
    kind: str | None = None
    unit_match = lang.unit_after.match(text, end)
    if unit_match is not None:
        kind, unit_code = lang.units[_key(unit_match.group("u"))]
        unit = unit_code
        end = unit_match.end()
    elif unit is not None:
        kind = "money"
    approximate = False
    approx = lang.approx_before.search(text, max(floor, start - APPROX_WINDOW), start)
    if approx is not None:
        meaning = lang.approx[_key(approx.group("a"))]
        start = approx.start("a")
        approximate = True
        if not vague and value is not None:
            low, high = _bounds(meaning, value)
    noun = None
    if kind is None:
        noun, kind = _kind(text, start, end, lang)
    if year is not None and unit is None and _bare_year(text, year, noun, lang):
        return None, end
    quantity = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        low=low,
        high=high,
        kind=kind,
        unit=unit,
        approximate=approximate,
        vague=vague,
    )
    return quantity, end


def _is_demonym(word: str, lang: _Lang) -> bool:
    """A capitalised word with a people ending ("Belarusians", "Oekraïners")."""
    return bool(word[:1].isupper() and lang.demonym and lang.demonym.fullmatch(word))


def _bare_year(text: str, number: _Number, noun: str | None, lang: _Lang) -> bool:
    """A four-digit year: after a year word, or with no counted noun after it."""
    if not (number.plain and _is_year(number, lang, text)):
        return False
    return noun is None or _previous_word(text, number.start) in lang.year_context


def _bounds(meaning: str, value: float) -> tuple[float | None, float | None]:
    """``(low, high)`` for an approximated value (table in the module docstring)."""
    if meaning in ("more", "atleast"):
        return value, None
    if meaning in ("upto", "almost", "less"):
        return None, value
    return None, None


COMPOUND_KINDS = frozenset({"people", "protesters", "workers"})
"""Kinds whose noun may be the head of a compound: dockworkers, havenarbeiders, mijnstakers."""


def _compound_kind(word: str, lang: _Lang) -> re.Match[str] | None:
    """A kind noun as the head of a compound word, after a modifier of 3+ letters."""
    for at in range(3, len(word) - 3):
        found = lang.kinds.match(word, at)
        if found is not None and found.end() == len(word) and found.lastgroup in COMPOUND_KINDS:
            return found
    return None


def _kind(text: str, start: int, end: int, lang: _Lang) -> tuple[str | None, str | None]:
    """``(counted noun kind, final kind)`` from the words around a count."""
    noun: str | None = None
    event: str | None = None
    event_distance = 0
    words = 0
    limit = text.find("\n", end, end + 160)
    for token in _TOKEN.finditer(text, end, limit if limit >= 0 else min(len(text), end + 160)):
        word = token.group()
        if word in _CLAUSE_END or word.isdigit() or (word == "," and noun is not None):
            break
        if word == ",":
            continue
        lowered = word.lower()
        if lowered in lang.skip and noun is None:
            continue
        words += 1
        if words > EVENT_WINDOW:
            break
        if noun is None and event is None and words <= KIND_WINDOW:
            found = lang.kinds.match(text, token.start()) or _compound_kind(word, lang)
            if found is not None:
                noun = found.lastgroup
                continue
            if words == 1 and _is_demonym(word, lang):
                noun = "people"
                continue
        if lowered in lang.clause:
            break
        found = lang.events.match(text, token.start())
        if found is not None:
            event, event_distance = found.lastgroup, words
            break
    if event is None:
        window = _CLAUSE_START.split(text[max(0, start - 60) : start])[-1]
        for word in reversed(_TOKEN.findall(window)[-EVENT_BEFORE:]):
            found = lang.events.fullmatch(word)
            if found is not None and (found.lastgroup != "protesters" or noun == "people"):
                event, event_distance = found.lastgroup, 1
                break
    close = noun is not None or event_distance <= KIND_WINDOW
    if event in ("arrested", "killed", "injured") and noun != "votes" and close:
        return noun, event
    if event == "protesters" and (noun == "people" or (noun is None and event_distance == 1)):
        return noun, "protesters"
    return noun, noun
