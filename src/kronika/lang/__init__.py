"""Per-language data, one folder per ISO 639-1 code (``xx`` holds what every language shares).

``get(code)`` returns a :class:`Language`: everything a language provides, loaded lazily,
once per process. There is one fallback policy: a language reads its own folder, plus the
files of ``xx`` where a stage merges shared data in (currency signs, titles, places,
furniture); a code without a folder reads ``xx`` alone. No stage falls back to English.

Every file of a folder is read by one reader (:meth:`Language.sections`): UTF-8 lines,
surrounding spaces stripped, blank lines and comments (a line that is ``#`` or starts
with ``# ``) skipped, and ``[name]`` starting a section. A line such as ``#[^\\s#]\\S*`` (a
pattern) is data. What the lines mean is up to the stage that reads the file. A missing
file means "nothing for this language". A folder holds:

``language.txt``       what the language is: ``name``, and the flags ``day_first`` (3/4 is
                       3 April), ``genitive_s`` (a name's genitive is a bare -s: Merkels),
                       ``text2num`` (the text2num library reads its number words),
                       ``entities`` (why it has no entity model, where it has none) and, in
                       ``xx``, ``frequency_fallback`` (the word lists that judge common words
                       for a language without its own).
``abbreviations.txt``  words written with a final period that do not end a sentence, one per
                       line without the period; a leading ``@`` marks one that only counts
                       before a number (``@no`` for "No. 5").
``months.txt``         line *n* lists the spellings of month *n* (full, inflected, short).
``dangling.txt``       words a paragraph cannot end with (articles, prepositions,
                       conjunctions): a paragraph ending in one was split by a page break.
``boilerplate.txt``    regular expressions, one per line, that match a whole line which is
                       page furniture, not article text (matched case-insensitively).
``times.txt``          time words (kronika.analyze.times; format in ``en/times.txt``).
``numbers.txt``        number words, scales, currencies (kronika.analyze.quantities).
``quotes.txt``         reporting verbs and quote cues (kronika.analyze.quotes).
``places.txt``         place names, demonyms and not-places (kronika.analyze.places).
``titles.txt``         titles and honorifics stripped from names (kronika.analyze.names).
``events.txt``         event words (kronika.extract.lexicon; format in ``en/events.txt``);
``demands.txt``        demand words (kronika.extract.demands) and ``strikes.txt`` (strike
                       status words, kronika.link.strikes), both in the format of ``events.txt``.

Entity models are not language data: ``kronika/models/ner-<iso>.*`` (or a model a user
trained into their own model folder, see kronika.analyze.entities).

Adding a language means adding a folder; ``kronika languages`` shows what each one supports.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable

SHARED = "xx"

_YES = frozenset({"yes", "true", "1"})


class Language:
    """One language's data. Build it with :func:`get`, which caches one per code."""

    def __init__(self, code: str) -> None:
        self.code = code
        """The code asked for (``pt`` stays ``pt`` even though it has no folder)."""
        self.folder = code if code in available() else SHARED
        """The folder read: the code's own, or ``xx`` for a code without one."""

    @property
    def known(self) -> bool:
        """Does kronika have a folder for this language?"""
        return self.folder != SHARED

    def __repr__(self) -> str:
        return f"Language({self.code!r}, folder={self.folder!r})"

    # -- the one reader ------------------------------------------------------------------

    def has(self, name: str) -> bool:
        """Does the language's own folder hold the data file ``name``?"""
        return self.folder != SHARED and _path(self.folder, name).is_file()

    def sections(self, name: str, *, shared: bool = False) -> dict[str, list[str]]:
        """The lines of data file ``name`` by section (``""`` before the first ``[section]``).
        ``shared`` puts the lines of ``xx``'s file of that name first."""
        found: dict[str, list[str]] = {}
        folders = [SHARED] if shared or self.folder == SHARED else []
        if self.folder != SHARED:
            folders.append(self.folder)
        for folder in folders:
            for section, lines in _read(folder, name).items():
                found.setdefault(section, []).extend(lines)
        return found

    def lines(self, name: str, *, shared: bool = False) -> list[str]:
        """All data lines of file ``name``, sections ignored (see :meth:`sections`)."""
        return [line for lines in self.sections(name, shared=shared).values() for line in lines]

    # -- what the language is ------------------------------------------------------------

    @cached_property
    def about(self) -> dict[str, str]:
        """``language.txt``: its name and flags."""
        folders = [SHARED, self.folder] if self.known else [SHARED]
        return {k: v for folder in folders for k, v in _key_values(_read(folder, "language.txt").get("", []))}

    @property
    def name(self) -> str:
        return self.about.get("name", self.code) if self.known else self.code

    def flag(self, key: str) -> bool:
        return self.about.get(key, "no").lower() in _YES

    @property
    def day_first(self) -> bool:
        """Is 3/4 the 3rd of April? (Most of the world; not US English.)"""
        return self.flag("day_first")

    @property
    def genitive_s(self) -> bool:
        """Is a name's genitive written with a bare -s (Merkels, Poetins woordvoerder)?"""
        return self.flag("genitive_s")

    @property
    def text2num(self) -> bool:
        """Does the text2num library read this language's number words?"""
        return self.flag("text2num")

    @property
    def frequency_fallback(self) -> tuple[str, ...]:
        """Languages whose word frequencies stand in where this one has none."""
        return tuple(self.about.get("frequency_fallback", "").split())

    # -- the small lists every stage shares -----------------------------------------------

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(e.lower() for e in self.lines("abbreviations.txt") if not e.startswith("@"))

    @cached_property
    def numeric_abbreviations(self) -> frozenset[str]:
        return frozenset(e[1:].lower() for e in self.lines("abbreviations.txt") if e.startswith("@"))

    @cached_property
    def months(self) -> dict[str, int]:
        """Month spellings (lower case) → month number."""
        return {
            spelling.lower(): number
            for number, line in enumerate(self.lines("months.txt"), start=1)
            for spelling in line.split()
        }

    @cached_property
    def dangling(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.lines("dangling.txt"))

    @cached_property
    def boilerplate(self) -> re.Pattern[str]:
        """All furniture patterns (shared ones first) as one alternation: one match attempt per line."""
        patterns = self.lines("boilerplate.txt", shared=True)
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


@cache
def available() -> list[str]:
    """ISO codes that have a language folder (``xx`` included)."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2)


@cache
def get(code: str) -> Language:
    """Everything language ``code`` provides; an unknown code gets the shared data, never an error."""
    return Language(code)


def _path(folder: str, name: str) -> Traversable:
    return resources.files(__name__).joinpath(folder, name)


@cache
def _read(folder: str, name: str) -> dict[str, list[str]]:
    path = _path(folder, name)
    if not path.is_file():
        return {}
    found: dict[str, list[str]] = {"": []}
    current = found[""]
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line == "#" or line.startswith("# "):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = found.setdefault(line[1:-1], [])
            continue
        current.append(line)
    return found


def _key_values(lines: list[str]) -> list[tuple[str, str]]:
    return [(k.strip().lower(), v.strip()) for k, eq, v in (line.partition("=") for line in lines) if eq]
