"""Per-language data, one folder per ISO 639-1 code (``xx`` holds what every language shares).

Every folder may hold the same files; a missing file means "nothing for this language":

``abbreviations.txt``  words written with a final period that do not end a sentence, one per
                       line without the period; a leading ``@`` marks one that only counts
                       before a number (``@no`` for "No. 5").
``months.txt``         line *n* lists the spellings of month *n* (full, inflected, short).
``dangling.txt``       words a paragraph cannot end with (articles, prepositions,
                       conjunctions): a paragraph ending in one was split by a page break.
``boilerplate.txt``    regular expressions, one per line, that match a whole line which is
                       page furniture, not article text (matched case-insensitively).

The analysis stages read their own files, each documented in its header and loaded by its
module: ``times.txt`` (kronika.analyze.times), ``numbers.txt`` (quantities), ``quotes.txt``
(quotes), ``places.txt`` (places) and ``titles.txt`` (names); the extraction and linking
stages read ``events.txt`` (kronika.extract.lexicon), ``demands.txt`` (kronika.extract.demands)
and ``strikes.txt`` (kronika.link.strikes), all three in the format of ``events.txt``.

Adding a language means adding a folder. Data is read lazily, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

SHARED = "xx"


@dataclass(frozen=True, slots=True)
class LanguageData:
    code: str
    abbreviations: frozenset[str]
    numeric_abbreviations: frozenset[str]
    months: dict[str, int]
    dangling: frozenset[str]
    boilerplate: re.Pattern[str]
    """All furniture patterns as one alternation: one match attempt per line."""


def available() -> list[str]:
    """ISO codes that have a language folder."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2)


@cache
def load(code: str) -> LanguageData:
    """The data of language ``code``; an unknown code gets empty data, never an error."""
    code = code if code in available() else SHARED
    abbreviations: set[str] = set()
    numeric: set[str] = set()
    for entry in _lines(code, "abbreviations.txt"):
        if entry.startswith("@"):
            numeric.add(entry[1:].lower())
        else:
            abbreviations.add(entry.lower())
    months: dict[str, int] = {}
    for number, line in enumerate(_lines(code, "months.txt"), start=1):
        for spelling in line.split():
            months[spelling.lower()] = number
    patterns = [*_lines(SHARED, "boilerplate.txt")] if code != SHARED else []
    patterns += _lines(code, "boilerplate.txt")
    return LanguageData(
        code=code,
        abbreviations=frozenset(abbreviations),
        numeric_abbreviations=frozenset(numeric),
        months=months,
        dangling=frozenset(word.lower() for word in _lines(code, "dangling.txt")),
        boilerplate=re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE),
    )


def _lines(code: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file (``#`` starts a comment line)."""
    path = resources.files(__name__).joinpath(code, name)
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("# ")]
