"""Event words per language: lemmatised tokens and the phrases of ``lang/<iso>/events.txt``.

A sentence becomes a list of :class:`Word` (offsets, lower-case form, simplemma lemma). A
phrase of the lexicon is one or more lemmas; it matches where all of them occur in its
order within :data:`PHRASE_WINDOW` words of its first word, without crossing a clause
mark. A separable verb of a phrase may stand anywhere in that window (Dutch puts the verb
first or last: "legden het werk neer", "het werk neerleggen").

A trigger may need a **sense** (``phrase = TYPE mode | police home !market``): one of the
plain words must stand in the sentence, and none of the ``!`` words ("search" is a raid
next to police or a home, not in "the search box"). An entry for an inflected form
("struck", "striking") takes precedence over the entry of its lemma ("strike") at that
word, so a form can need a sense its lemma does not. Words are matched as the words they
are: a closed compound ends in an entry ("tegenmanifestatie") only in a language whose
file says ``compounds = closed`` under ``[settings]``; elsewhere only a hyphenated one
does ("counter-rally"), so "generally" is not a rally and "competition" not a petition.

Dutch and German separable verbs are written the way simplemma lemmatises the joined
form, particle first: ``neer_leggen``. Such an entry also matches the verb alone when its
particle stands later in the clause ("legden het werk neer", "riep … op").

The file format is documented in ``lang/en/events.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import simplemma

from kronika import lang
from kronika.analyze.tokens import tokenize

COMPOUND_MIN = 9
COMPOUND_PREFIX = 3
COMPOUND_HEAD = 5
"""A compound of at least COMPOUND_MIN letters whose last COMPOUND_HEAD or more letters are
a one-word entry counts as that entry ("tegenmanifestatie", "olie-embargo", "counter-rally")."""

PHRASE_WINDOW = 4
"""Words allowed between the words of a phrase and its first word ("walked off the job")."""
PARTICLE_WINDOW = 10
"""How far after a separable verb its particle may stand ("riep … bij het begin van de werkweek op");
a language's ``[settings] particle_window`` overrides it (German sentence brackets are wider)."""

CLAUSE_MARKS = frozenset(",;:()[]—–\"“”„«»")

_NUMBER = re.compile(r"\d")


@dataclass(slots=True)
class Word:
    start: int
    end: int
    form: str
    """The lower-case text."""
    keys: set[str]
    """What lexicon entries may match: the form, the lemma, a separable verb's joined lemma."""
    lemma: str
    capital: bool = False
    """Written with a capital (a name, or the first word of a sentence)."""
    particles: dict[str, int] = field(default_factory=dict)
    """Separable-verb key → index of its particle later in the sentence ("riep … op")."""


class Words(list[Word]):
    """A sentence's words (what :meth:`Lexicon.words` gives), with indexes built on first
    use: the words' keys are complete by then. Sense checks and phrase matching look words
    up by key instead of scanning the sentence, which text without sentence punctuation
    makes a thousand words long. A slice is a plain list."""

    __slots__ = ("_marks", "_positions")

    def __init__(self, words: list[Word]) -> None:
        super().__init__(words)
        self._positions: dict[str, list[int]] | None = None
        self._marks: list[int] | None = None

    def positions(self) -> dict[str, list[int]]:
        """Key → indices of the words that have it, in order."""
        if self._positions is None:
            self._positions = {}
            for i, word in enumerate(self):
                for key in word.keys:
                    self._positions.setdefault(key, []).append(i)
        return self._positions

    def marks_before(self) -> list[int]:
        """How many clause marks stand before each index (one more entry: all of them)."""
        if self._marks is None:
            self._marks = [0]
            for word in self:
                self._marks.append(self._marks[-1] + (word.form in CLAUSE_MARKS))
        return self._marks


def indexed(words: list[Word]) -> Words:
    """``words`` as :class:`Words` (a slice or a list built elsewhere gets its own index)."""
    return words if isinstance(words, Words) else Words(words)


def crosses_mark(words: list[Word], i: int, j: int) -> bool:
    """Does a clause mark stand between words ``i`` and ``j``?"""
    lo, hi = min(i, j), max(i, j)
    marks = indexed(words).marks_before()
    return hi > lo + 1 and marks[hi] > marks[lo + 1]


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]
    value: str
    """For [triggers] "TYPE mode" (mode optional); for other sections, the section name."""
    needs: frozenset[str] = frozenset()
    """A sense: one of these words (forms or lemmas) must stand in the sentence."""
    excludes: frozenset[str] = frozenset()
    """A sense: none of these words may stand in the sentence."""
    not_next: frozenset[str] = frozenset()
    """A sense: the word right after the entry may not be one of these ("demonstrated that"
    shows, "demonstrated outside" protests)."""

    def sense_holds(self, words: list[Word], first: int, last: int) -> bool:
        """Does the sentence around words[first:last + 1] give the entry its sense?"""
        if self.not_next and last + 1 < len(words) and words[last + 1].keys & self.not_next:
            return False
        if not self.needs and not self.excludes:
            return True
        own = _parts(self.words)
        positions = indexed(words).positions()

        def stands(keys: frozenset[str]) -> bool:
            # a word inside the entry's span counts unless it is the entry's own word: what
            # stands inside a separated verb gives the sense ("zette … waterkanonnen in")
            return any(
                not first <= k <= last or not words[k].keys & own
                for key in keys for k in positions.get(key, ())
            )

        return (not self.needs or stands(self.needs)) and not stands(self.excludes)


@lru_cache(maxsize=4096)
def _parts(words: tuple[str, ...]) -> frozenset[str]:
    """The words of an entry, a separable verb's particle and verb apart."""
    return frozenset(part for word in words for part in word.split("_"))


@dataclass(frozen=True, slots=True)
class Match:
    section: str
    entry: Entry
    first: int
    """Index of the first matched word."""
    last: int
    """Index of the last matched word (inclusive)."""
    anchor: int
    """Index of the entry's first word: the word that names it (the verb of a phrase)."""
    by_form: bool = False
    """A one-word entry matched by the word's own form, not only by its lemma."""


@dataclass(slots=True)
class Lexicon:
    language: str
    sections: dict[str, list[Entry]] = field(default_factory=dict)
    by_first: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    separable: dict[str, set[str]] = field(default_factory=dict)
    """Verb lemma → the particles it forms a separable entry with ("leggen" → {"neer"})."""
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    """One-word entries of each section, for membership tests."""
    first_words: frozenset[str] = frozenset()
    """One-word trigger entries, for compound heads."""
    settings: dict[str, str] = field(default_factory=dict)
    """``[settings]``: ``compounds = closed`` where words are compounded without a hyphen."""
    _by_first_in: dict[frozenset[str] | None, dict[str, list[tuple[str, Entry]]]] = field(default_factory=dict)
    """``by_first`` restricted to some sections, per set of sections asked for (:meth:`matches`)."""

    def words(self, text: str, start: int, end: int) -> Words:
        """The words of ``text[start:end]`` with their lemmas and separable-verb keys."""
        read = _reader(self.language)
        words = []
        for s, e in tokenize(text, start, end):
            form, base = read(text[s:e])
            words.append(Word(s, e, form, {form, base}, base, text[s].isupper()))
        return self._keyed(words)

    def rekey(self, words: list[Word]) -> Words:
        """Words another lexicon of the language read, keyed for this one (the same forms
        and lemmas; this lexicon's separable verbs and compound heads): no second reading."""
        return self._keyed([Word(w.start, w.end, w.form, {w.form, w.lemma}, w.lemma, w.capital) for w in words])

    def _keyed(self, words: list[Word]) -> Words:
        """Add this lexicon's separable-verb keys and compound heads to words keyed by form and lemma."""
        if self.separable:
            self._join_particles(words)
        closed = self.settings.get("compounds") == "closed"
        for word in words:
            if (closed or "-" in word.form) and len(word.form) >= COMPOUND_MIN and not word.keys & self.first_words:
                head = self._compound_head(word.form)
                if head:
                    word.keys.add(head)
        return Words(words)

    def _compound_head(self, form: str) -> str | None:
        """The one-word trigger or ``[domain]`` entry a compound ends in
        ("tegenmanifestatie", "olie-embargo", "landbouwminister")."""
        lemma = _lemmatizer(self.language)
        domain = self.sets.get("domain", frozenset())
        if "-" in form:
            heads = [form.rsplit("-", 1)[1]]
        else:
            heads = [form[cut:] for cut in range(COMPOUND_PREFIX, len(form) - COMPOUND_HEAD + 1)]
        for head in heads:
            for key in (head, lemma(head)):
                if key in self.first_words or key in domain:
                    return key
        return None

    @property
    def particle_window(self) -> int:
        return int(self.settings.get("particle_window", PARTICLE_WINDOW))

    def _join_particles(self, words: list[Word]) -> None:
        for i, word in enumerate(words):
            particles = self.separable.get(word.lemma)
            if not particles:
                continue
            for k in range(i + 1, min(i + 1 + self.particle_window, len(words))):
                later = words[k]
                if later.form in CLAUSE_MARKS or later.form in self.sets.get("clause", ()):
                    break
                if later.form in particles and not self._preposition(words, k):
                    key = f"{later.form}_{word.lemma}"
                    word.keys.add(key)
                    word.particles[key] = k
                    break
                if self._closes_clause(words, k):
                    break  # "sluit de analyse uit en bepaalt op voorhand": the verb's own particle

    def _closes_clause(self, words: list[Word], i: int) -> bool:
        """A ``[particles]`` word before a coordinator or a clause mark ends the verb's clause
        there: it is the verb's own particle, and a particle after it belongs to another verb."""
        if words[i].form not in self.sets.get("particles", frozenset()):
            return False
        if i + 1 >= len(words):
            return True
        after = words[i + 1].form
        return after in CLAUSE_MARKS or after in self.sets.get("coordinators", frozenset())

    def _preposition(self, words: list[Word], i: int) -> bool:
        """A particle before an article or another ``[determiners]`` word, a name or a number
        is a preposition ("deel in Caracas", "in dit geval")."""
        if i + 1 >= len(words):
            return False
        after = words[i + 1]
        return (
            after.form in self.sets.get("articles", frozenset()) or after.form in self.sets.get("determiners", frozenset())
            or after.form[:1].isdigit() or after.capital
        )

    def matches(self, words: list[Word], sections: frozenset[str] | None = None) -> list[Match]:
        """Every match of an entry (of ``sections``, default all) in ``words``, in word order."""
        by_first = self._by_first_in.get(sections)
        if by_first is None:  # the entries of these sections only: a sentence meets fewer keys
            by_first = self._by_first_in[sections] = {
                key: kept for key, entries in self.by_first.items()
                if (kept := [(s, e) for s, e in entries if sections is None or s in sections])
            }
        present = indexed(words).positions()
        starting = sorted(  # the words that begin an entry, found by key
            ((i, key) for key in present.keys() & by_first.keys() for i in present[key]),
            key=lambda hit: hit[0],
        )
        clause = self.sets.get("clause", frozenset())
        found = []
        for i, key in starting:
            word = words[i]
            for section, entry in by_first[key]:
                if not all(wanted in present for wanted in entry.words[1:]):
                    continue  # a word of the phrase is nowhere in the sentence
                match = _match_rest(words, i, entry, clause)
                if match:
                    last = max([match[1]] + [word.particles[w] for w in entry.words if w in word.particles])
                    by_form = len(entry.words) == 1 and key == word.form != word.lemma
                    found.append(Match(section, entry, match[0], last, i, by_form))
        return found


def _match_rest(
    words: list[Word], i: int, entry: Entry, clause: frozenset[str]
) -> tuple[int, int] | None:
    if len(entry.words) == 1:
        return i, i
    lo = hi = previous = i
    used = {i}
    for wanted in entry.words[1:]:
        found = None
        for j in _around(i, len(words), len(entry.words) - 1 + PHRASE_WINDOW):
            if j in used or (j < previous and "_" not in wanted):
                continue
            if wanted in words[j].keys and not _crosses(words, i, j, clause):
                found = j
                break
        if found is None:
            return None
        used.add(found)
        lo, hi = min(lo, found), max(hi, found)
        if "_" not in wanted:
            previous = found
    return lo, hi


def _around(i: int, n: int, reach: int) -> list[int]:
    """Indices near ``i``, nearest first, later before earlier at the same distance."""
    order = []
    for d in range(1, reach + 1):
        if i + d < n:
            order.append(i + d)
        if i - d >= 0:
            order.append(i - d)
    return order


def _crosses(words: list[Word], i: int, j: int, clause: frozenset[str]) -> bool:
    lo, hi = min(i, j), max(i, j)
    return any(w.form in CLAUSE_MARKS or w.form in clause for w in words[lo + 1 : hi])


@cache
def load(language: str, name: str = "events.txt") -> Lexicon | None:
    """The event lexicon of ``language`` (or another word file of the same format, such as
    ``demands.txt``), or ``None`` when the language has none."""
    data = lang.get(language)
    if not data.has(name):
        return None
    lexicon = Lexicon(language)
    lines = [(section or "triggers", line) for section, found in data.sections(name).items() for line in found]
    for section, line in lines:
        phrase, _, value = line.partition("=")
        words = tuple(phrase.lower().replace("’", "'").split())
        if not words or (section in ("triggers", "settings") and not value.strip()):
            raise ValueError(f"{language}/{name}: cannot read {line!r} in [{section}]")
        if section == "settings":
            lexicon.settings[words[0]] = value.strip()
            continue
        value, _, sense = value.partition("|")
        marks = sense.lower().split()
        needs = frozenset(w for w in marks if not w.startswith("!"))
        excludes = frozenset(w[1:] for w in marks if w.startswith("!") and not w.startswith("!>") and len(w) > 1)
        not_next = frozenset(w[2:] for w in marks if w.startswith("!>") and len(w) > 2)
        entry = Entry(words, value.strip() or section, needs, excludes, not_next)
        lexicon.sections.setdefault(section, []).append(entry)
        lexicon.by_first.setdefault(words[0], []).append((section, entry))
        for word in words:
            particle, joined, verb = word.partition("_")
            if joined and particle and verb:
                lexicon.separable.setdefault(verb, set()).add(particle)
    lexicon.sets = {
        name: frozenset(e.words[0] for e in entries if len(e.words) == 1)
        for name, entries in lexicon.sections.items()
    }
    lexicon.first_words = frozenset(
        w for w in lexicon.sets.get("triggers", frozenset()) if len(w) >= COMPOUND_HEAD and "_" not in w
    )
    return lexicon



@cache
def _reader(language: str) -> Callable[[str], tuple[str, str]]:
    """A token as written → its lower-case form and lemma, cached per language."""
    lemma = _lemmatizer(language)

    @lru_cache(maxsize=200_000)
    def read(token: str) -> tuple[str, str]:
        form = token.lower().replace("’", "'")
        return form, lemma(form)

    return read


@cache
def _lemmatizer(language: str) -> Callable[[str], str]:
    """simplemma's lemma of a lower-case form, cached per language."""

    @lru_cache(maxsize=200_000)
    def lemma(form: str) -> str:
        if not form[:1].isalpha() or _NUMBER.search(form):
            return form
        try:
            return str(simplemma.lemmatize(form, lang=language)).lower()
        except ValueError:  # a language simplemma does not know: the form is the lemma
            return form

    return lemma
