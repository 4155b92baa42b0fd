"""Demands: what protesters and strikers demand, as spans of the text with an issue code.

A demand is read where a **cue** ("demanding", "called for", "eisen", "fordern", "in
protest against") introduces what is demanded. The words the cue governs run to the end
of its clause; coordinated items ("higher wages, shorter hours and the release of the
detainees") are separate demands. Each item gets the issue code of the first **code word**
it holds, by :data:`CODES` order (a "pension reform" is about pensions before it is about a
reform); an item without one is ``other`` when its cue is strong ("demand", "eisen") and no
demand at all when its cue is weak ("against", "over": "against the police" says nothing
of what is demanded). Where the cue is a verb at the end of its clause (Dutch and German
subordinate clauses: "die nieuwe verkiezingen eisen"), it governs the words before it.

What authorities demand of protesters ("the police demanded that they leave") is no
protest demand: a cue whose subject is one of the ``[authorities]`` is skipped. Outside an
event mention (:func:`sentence_demands`), a sentence needs a protest context: a word of
``[participants]`` or a protest trigger of the event lexicon.

The words are in ``lang/<iso>/demands.txt`` (format: :mod:`kronika.extract.lexicon`;
sections documented in ``lang/en/demands.txt``). A language without the file has no demands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kronika.extract.lexicon import CLAUSE_MARKS, Lexicon, Match, Word, load

_SECTIONS = frozenset({"cues", "not", "codes"})
from kronika.model import Demand

CODES = (
    "resignation", "new_elections", "release_prisoners", "accountability", "end_repression",
    "wages", "jobs", "conditions", "environment", "prices", "services", "rights", "policy",
)
"""The issue codes, most specific first; ``other`` is any demand none of them names.

Political: ``resignation`` (an official or government must go), ``new_elections`` (new,
free or repeated elections, a recount), ``release_prisoners`` (detainees freed, charges
dropped), ``accountability`` (an investigation, those responsible punished),
``end_repression`` (an end to police violence, a crackdown, persecution), ``rights``
(freedoms, democratic reform, a constitution), ``policy`` (a law, decree, tax, reform or
project withdrawn or changed). Economic: ``wages`` (pay, arrears, pensions, benefits),
``jobs`` (no layoffs or closure, reinstatement), ``conditions`` (hours, safety, staffing),
``prices`` (fuel, food, energy, rents). Social: ``services`` (hospitals, schools, housing,
utilities), ``environment`` (ranked before prices: "fossil fuel subsidies" are a climate demand)."""

OTHER = "other"
_OPENERS = frozenset(",:\"“”„«‘'")
"""Marks between a cue and what it governs ("their demand: …", "banners reading “…”")."""
DEMANDING_TYPES = frozenset({"PROTEST", "DEMAND"})
"""The event types whose mentions carry demands."""
MAX_ITEM_WORDS = 16
"""A demand item longer than this is cut here (a cue's clause may run on)."""
SUBJECT_WINDOW = 6
"""How far before a cue its subject is looked for (an authority's demand is no protest's)."""
COMPOUND_PART = 4
"""A code word of at least this many letters counts at the start or end of a closed compound
("loonsverhoging", "Rentenreform", "ontslaggolf")."""


@dataclass(slots=True)
class _Item:
    first: int
    last: int
    code: str | None


def mention_demands(text: str, start: int, end: int, language: str, seen: list[Word] | None = None) -> list[Demand]:
    """The demands stated in ``text[start:end]``, the sentence of a protest or strike
    mention (its protest context is given). ``seen``: the sentence's words as the event
    lexicon read them (same lemmas), to skip at once a sentence without a cue or slogan word."""
    lexicon = load(language, "demands.txt")
    if lexicon is None:
        return []
    if seen is None:
        return _demands(text, lexicon.words(text, start, end), lexicon)
    if not _may_state(seen, language):
        return []
    return _demands(text, lexicon.rekey(seen), lexicon)


def _may_state(seen: list[Word], language: str) -> bool:
    """Can the sentence state a demand at all: all words of a strong cue or a slogan word,
    or those of a weak cue ("against", "for") with a code word? (Cheap, on words read already.)"""
    strong, weak, codes = _openers(language)
    keys: set[str] = set().union(*(w.keys for w in seen)) if seen else set()
    if any(needed <= keys for needed in strong):
        return True
    if not any(needed <= keys for needed in weak):
        return False
    return bool(keys & codes.words) or (codes.parts is not None and any(codes.parts.search(w.form) for w in seen))


@dataclass(frozen=True, slots=True)
class _CodeWords:
    words: frozenset[str]
    parts: re.Pattern[str] | None
    """Where words are compounded: a code word at the start or end of a word."""
    part_codes: dict[str, str]
    """Those code words (one-word entries without a sense) → their code."""


@cache
def _openers(language: str) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...], _CodeWords]:
    """The words of each strong cue (a separable verb by its verb alone) and each slogan
    word; those of each weak cue; the code words."""
    lexicon = load(language, "demands.txt")
    if lexicon is None:
        return (), (), _CodeWords(frozenset(), None, {})
    strong = [frozenset({w}) for w in lexicon.sets.get("slogans", frozenset())]
    weak: list[frozenset[str]] = []
    for entry in lexicon.sections.get("cues", ()):
        needed = frozenset(w.rpartition("_")[2] for w in entry.words)
        (strong if "strong" in entry.value.split() else weak).append(needed)
    codes = frozenset(e.words[0] for e in lexicon.sections.get("codes", ()))
    part_codes: dict[str, str] = {}
    for entry in lexicon.sections.get("codes", ()):
        word = entry.words[0]
        if len(entry.words) == 1 and len(word) >= COMPOUND_PART and not entry.needs and "_" not in word:
            part_codes.setdefault(word, entry.value)
    parts = None
    if lexicon.settings.get("compounds") == "closed" and part_codes:
        alternation = "|".join(re.escape(p) for p in sorted(part_codes, key=len, reverse=True))
        parts = re.compile(f"^(?:{alternation})|(?:{alternation})$")
    return tuple(strong), tuple(weak), _CodeWords(codes, parts, part_codes)


def sentence_demands(text: str, start: int, end: int, language: str) -> list[Demand]:
    """The demands of a sentence read on its own: none unless it speaks of a protest."""
    lexicon = load(language, "demands.txt")
    if lexicon is None:
        return []
    words = lexicon.words(text, start, end)
    if not _protest_context(text, start, end, words, lexicon, language):
        return []
    return _demands(text, words, lexicon)


def _protest_context(text: str, start: int, end: int, words: list[Word], lexicon: Lexicon, language: str) -> bool:
    if any(_has(w, "participants", lexicon) or _has(w, "protest", lexicon) for w in words):
        return True
    if any("protest" in m.entry.value.split() for m in lexicon.matches(words, frozenset({"cues"}))):
        return True
    events = load(language)
    if events is None:
        return False
    found = events.matches(events.words(text, start, end), frozenset({"triggers"}))
    return any(m.entry.value.split()[0] == "PROTEST" for m in found)


def _demands(text: str, words: list[Word], lexicon: Lexicon) -> list[Demand]:
    found: list[Demand] = []
    taken: set[int] = set()
    matches = lexicon.matches(words, _SECTIONS)
    cues = sorted((m for m in matches if m.section == "cues"), key=lambda m: (m.first, -(m.last - m.first)))
    blockers = [m for m in matches if m.section == "not"]
    codes = [m for m in matches if m.section == "codes"]
    for cue in cues:
        if cue.first in taken or _blocked(cue, blockers) or _named_only(words, cue, lexicon) or _scattered(cue, lexicon):
            continue
        scope = _scope(words, cue, lexicon)
        if _by_authority(words, min(scope[0], cue.first), lexicon):
            continue
        strong = "strong" in cue.entry.value.split()
        for item in _items(words, scope, lexicon, codes):
            if item.code is None and (not strong or _names_protest(words, item, lexicon)):
                continue
            if taken & set(range(item.first, item.last + 1)):
                continue
            taken.update(range(item.first, item.last + 1))
            s, e = words[item.first].start, words[item.last].end
            found.append(Demand(code=item.code or OTHER, text=text[s:e], start=s, end=e))
        taken.update(range(cue.first, cue.last + 1))
    for item in _slogans(words, lexicon, codes):
        if not taken & set(range(item.first, item.last + 1)):
            taken.update(range(item.first, item.last + 1))
            s, e = words[item.first].start, words[item.last].end
            found.append(Demand(code=item.code or OTHER, text=text[s:e], start=s, end=e))
    return sorted(found, key=lambda d: d.start)


QUOTE_MARKS = frozenset("\"“”„«»")


def _slogans(words: list[Word], lexicon: Lexicon, codes: list[Match]) -> list[_Item]:
    """The quoted slogans of a sentence that speaks of banners or chants (``[slogans]``):
    banners reading "Free all political prisoners" demand their release."""
    if not any(_has(w, "slogans", lexicon) for w in words):
        return []
    marks = [k for k, w in enumerate(words) if w.form in QUOTE_MARKS]
    items = []
    for open_at, close_at in zip(marks[::2], marks[1::2], strict=False):
        first, last = open_at + 1, close_at - 1
        while last > first and words[last].form in "!?.,":
            last -= 1
        if first <= last and last - first < MAX_ITEM_WORDS:
            items.append(_Item(first, last, _code(words, first, last, lexicon, codes)))
    return items


def _names_protest(words: list[Word], item: _Item, lexicon: Lexicon) -> bool:
    """An item naming a protest, not an issue: "called for a general strike" is a call."""
    return any(_has(w, "protest", lexicon) for w in words[item.first : item.last + 1])


def _has(word: Word, section: str, lexicon: Lexicon) -> bool:
    """Is the word an entry of ``section``, or, where words are compounded, a compound
    ending in one ("Klimaaktivisten", "Krankenhausärzte")?"""
    entries = lexicon.sets.get(section, frozenset())
    if word.keys & entries:
        return True
    return lexicon.settings.get("compounds") == "closed" and len(word.form) > COMPOUND_PART + 3 and any(
        len(e) > COMPOUND_PART and word.form.endswith(e) for e in entries
    )


def _named_only(words: list[Word], cue: Match, lexicon: Lexicon) -> bool:
    """A cue noun after a determiner that does not go on to state the demand ("responded to
    the demands"; but "their demands are: …")."""
    if cue.first == 0 or not words[cue.first - 1].keys & lexicon.sets.get("determiners", frozenset()):
        return False
    after = cue.last + 1
    return after >= len(words) or not (words[after].keys & lexicon.sets.get("skip", frozenset()) or words[after].form in _OPENERS)


def _scattered(cue: Match, lexicon: Lexicon) -> bool:
    """A phrase cue with words between its words, outside a verb-final language (whose
    separable verbs scatter: "riep de bevolking op tot"): "called off the strike on
    Thursday" is no "call on"."""
    return lexicon.settings.get("verb_final") != "yes" and cue.last - cue.first >= len(cue.entry.words)


def _blocked(cue: Match, blockers: list[Match]) -> bool:
    """Is the cue inside a ``[not]`` phrase written as one run of words ("in demand")?"""
    return any(b.first <= cue.anchor <= b.last and b.last - b.first < len(b.entry.words) for b in blockers)


def _by_authority(words: list[Word], before: int, lexicon: Lexicon) -> bool:
    """Is the subject of a demand that starts at ``before`` an authority: the nearest
    authority or participant word before it, in its clause or the one a relative word
    ("die", "who") refers back to?"""
    authorities = lexicon.sets.get("authorities", frozenset())
    relative = lexicon.sets.get("relative", frozenset())
    for k in range(before - 1, max(-1, before - 1 - SUBJECT_WINDOW), -1):
        word = words[k]
        if word.form == ",":
            if not (k + 1 < len(words) and words[k + 1].keys & relative):
                return False
            continue
        if _ends_clause(word, lexicon) and not word.keys & relative:
            return False
        if _has(word, "participants", lexicon):
            return False
        if word.keys & authorities:
            return True
    return False


def _ends_clause(word: Word, lexicon: Lexicon) -> bool:
    return word.form in CLAUSE_MARKS and word.form != "," or word.form in (".", "!", "?") or bool(
        word.keys & lexicon.sets.get("stop", frozenset())
    )


def _scope(words: list[Word], cue: Match, lexicon: Lexicon) -> tuple[int, int]:
    """The word range a cue governs: after it to its clause's end, or, for a verb that ends
    its clause in a verb-final language, before it back to the clause's start (after a
    relative word such as "die" or "dass" and a pronoun)."""
    sets = lexicon.sets
    after = cue.last + 1
    final = after >= len(words) or _ends_clause(words[after], lexicon) or (
        words[after].form == "," and not (after + 1 < len(words) and words[after + 1].keys & sets.get("skip", frozenset()))
    )
    if final and lexicon.settings.get("verb_final") == "yes":
        first = cue.first
        while first > 0 and not _ends_clause(words[first - 1], lexicon) and words[first - 1].form != ",":
            first -= 1
            if words[first].keys & sets.get("relative", frozenset()) and (first == 0 or words[first - 1].form == ","):
                first += 1
                break
        leading = sets.get("participants", frozenset()) | sets.get("pronouns", frozenset())
        while first < cue.first and words[first].keys & leading:
            first += 1
        if first < cue.first:
            return first, cue.first - 1
    skip = sets.get("skip", frozenset())
    while after < len(words) and (words[after].keys & skip or words[after].form in _OPENERS):
        after += 1
    last = after
    relative = sets.get("relative", frozenset())
    while last < len(words) and not _ends_clause(words[last], lexicon):
        if last > after and words[last].keys & sets.get("cues", frozenset()):
            break
        if last > after and words[last].keys & relative and words[last - 1].form == ",":
            last -= 1  # ", who died in custody": a relative clause after a comma is no demand
            break
        last += 1
    return after, last - 1


def _items(words: list[Word], scope: tuple[int, int], lexicon: Lexicon, codes: list[Match]) -> list[_Item]:
    """The coordinated demands of a scope; an item without a code word belongs to the item
    before it ("the resignation of the president and his government")."""
    first, last = scope
    if first > last:
        return []
    coordinators = lexicon.sets.get("coordinators", frozenset())
    items: list[_Item] = []
    begin = first
    for k in range(first, last + 2):
        if k <= last and not (words[k].form == "," or words[k].keys & coordinators):
            continue
        if begin < k:
            code = _code(words, begin, k - 1, lexicon, codes)
            if code is None and items:
                items[-1].last = k - 1
            else:
                items.append(_Item(begin, k - 1, code))
        begin = k + 1
    while len(items) > 1 and items[0].code is None:  # "the minister, Viktor Halenko, to resign"
        items[1].first = items[0].first
        del items[0]
    for item in items:
        item.last = min(item.last, item.first + MAX_ITEM_WORDS - 1)
        while item.last > item.first and (words[item.last].form in CLAUSE_MARKS or words[item.last].form in "!?."):
            item.last -= 1
    return [i for i in items if words[i.first].form not in CLAUSE_MARKS]


def _code(words: list[Word], first: int, last: int, lexicon: Lexicon, codes: list[Match]) -> str | None:
    """The code of the item ``words[first:last + 1]``: of the code words in it whose sense
    the item gives (``codes``: the sentence's code matches), the first in :data:`CODES` order."""
    span = words[first : last + 1]
    found = [
        m.entry.value for m in codes
        if first <= m.first and m.last <= last and m.entry.sense_holds(span, m.first - first, m.last - first)
    ]
    if lexicon.settings.get("compounds") == "closed":
        found += [c for w in span if (c := _compound_code(w, lexicon.language))]
    ranked = [c for c in CODES if c in found]
    return ranked[0] if ranked else None


def _compound_code(word: Word, language: str) -> str | None:
    """The code of a closed compound that starts or ends in a one-word code entry
    ("loonsverhoging", "Rentenreform")."""
    parts = _openers(language)[2]
    if parts.parts is None or len(word.form) < COMPOUND_PART + 3:
        return None
    found = parts.parts.search(word.form)
    if found is None or len(word.form) < len(found.group()) + 3:
        return None
    return parts.part_codes.get(found.group())