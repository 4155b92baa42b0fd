"""Name keys, name similarity and within-document name chains.

The same person, organisation or place is written many ways: transliterated from Cyrillic
in each language's own convention (Loekasjenko, Lukashenko, Loukachenko, Łukaszenka), with
a possessive (Loekasjenko's, Putins), with a title (president Loekasjenko) or with a typo
(Loeskanjenko). :func:`name_key` folds the spelling differences away, :func:`name_similarity`
scores how likely two forms are the same name (the cross-document linker builds on it),
:func:`add_missed_names` adds the spellings of a person's name that the tagger missed, and
:func:`chain_names` groups the entity mentions of one document into chains.

Titles and honorifics are read from ``kronika/lang/<iso>/titles.txt`` (plus ``xx``): one
title per line, lower case, multi-word titles allowed ("prime minister", "de heer").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from kronika import lang
from kronika.analyze.frequencies import zipf
from kronika.model import Entity, Quote

SAME_NAME = 0.78
"""Two forms scoring at least this are the same name.

Chosen with ``python benchmarks/names.py``. MEANTIME nl/en proper-name pairs barely tell:
pooled F1 is flat from 0.66 to 0.82 (0.569-0.580), as MEANTIME has few spelling variants.
The transliteration set decides: English vs Cyrillic GeoNames names of RU/UA/BY cities
give R 0.808 P 0.997 at 0.78 (0.70: R 0.845 but 4x the false matches; 0.86: R 0.739), and
0.4-0.6% of pairs of different CoNLL people with similar surnames reach it. The press
variants in tests/analyze/test_names.py stay above it (weakest: the typo Loeskanjenko,
0.80) and the different names below it (Biden/Baden 0.75, Minsk/Pinsk 0.69)."""

_CANDIDATE_CUTOFF = 0.6
"""Normalised Indel similarity a token pair needs before the full similarity is computed
(a C-speed pre-filter): pairs below it practically never reach SAME_NAME once the length
and first-letter terms below are applied."""

_SURNAME_WEIGHT = 0.65
"""Share of the last token (the surname, or an organisation's head word) in the score of
two multi-token names; the given names share the rest. A different given name with the
same surname (Fidel/Raúl Castro) then lands well below SAME_NAME."""

_SHORT = 6
"""Tokens shorter than this lose 0.05 per missing letter: one edit in a short word is
usually another name (Minsk/Pinsk, Kim/Tim), in a long one usually a typo."""

_LOOSE_PENALTY = 0.04
"""Subtracted from a match that needs the loose East Slavic folds (see _loose)."""

_PLURAL_SCORE = 0.92
"""Two words that differ only by a final -s: usually a plural or a bare genitive."""

_FIRST_LETTER_PENALTY = 0.06
"""Subtracted when the keys start with different letters: typos rarely hit the first letter,
while different names often differ only there (Pinsk, Tim)."""

_NON_SURNAME_FACTOR = 0.86
"""A single-token form compared with a non-final token of a longer name ("Aleksander" vs
"Aleksander Loekasjenko") is scaled by this: a bare given name is weak evidence."""

# The folding rules of name_key, applied in order to lower-case ASCII tokens joined by spaces.
# Each maps the spellings of one sound in several languages' press transliterations to one
# form. The middle column lists letters a rule needs: a rule whose letters are all absent
# is skipped without running its regular expression (most names need few of the rules).
_FOLD_RULES: tuple[tuple[str, str, str], ...] = (
    # Latin hard c (Carl, Marcus) -> k, first, so the c made by the rules below stays c
    (r"ck", "c", "k"),
    (r"c(?=[aoulrkt]|\b)", "c", "k"),
    (r"q", "q", "k"),
    # щ: shch (en), sjtsj (nl), schtsch (de), chtch (fr), szcz (pl) -> sc
    (r"shch|sjtsj|schtsch|stsch|chtch|szcz", "sc", "sc"),
    # ч: tsch (de), tsj (nl), tch (fr), cz (pl) -> c (merged with ц below)
    (r"tsch|tsj|tch|cz", "tc", "c"),
    # ш: sch (de), sj (nl), sh (en), sz (pl) -> s
    (r"sch|sj|sh|sz", "s", "s"),
    # ж: zh (en), zj (nl), rz (pl) -> z
    (r"zh|zj|rz", "zr", "z"),
    # ц: ts, tz -> c
    (r"ts|tz", "t", "c"),
    # х: kh (en), ch (nl, de) -> h
    (r"kh|ch", "kc", "h"),
    # ks and x both spell кс (Aleksander, Alexander)
    (r"ks", "k", "x"),
    (r"ph", "p", "f"),
    (r"th", "t", "t"),
    (r"gh", "g", "g"),
    # у: oe (nl), ou (fr, and Belarusian ŭ before a consonant: -ousk) -> u / v
    (r"ou(?=sk)", "o", "ov"),
    # (not a final -oe or -oev: Russian Krasnoe, Dostoevsky)
    (r"oe(?=[a-uw-z])|ou", "o", "u"),
    # w is v in German, Polish and Dutch spellings of Slavic names
    (r"w", "w", "v"),
    # й/ы/и: j, y, i -> i (Aleksej, Aleksey, Alexei; -aja, -aya, -aia)
    (r"[jy]", "jy", "i"),
    # French -ine for -in (Poutine, Eltsine); -off for -ov (Smirnoff)
    (r"(?<=[a-z0-9]{2})ine\b", "n", "in"),
    (r"(?<=[a-z0-9]{2})([oe])ff\b", "f", r"\1v"),
    # е spelled ye/je/ie at the start or after a vowel (Yeltsin, Jeltsin, Eltsine;
    # Dostoyevsky, Dostoevsky; Kurovskoye, Kurovskoe)
    (r"\bie|(?<=[aeou])ie", "i", "e"),
    # double letters (Aleksandr Lukashenko, Tichanowskaja; -ii, -iy, -ij endings)
    (r"([a-z])\1+", "", r"\1"),
)
_FOLDS: tuple[tuple[re.Pattern[str], frozenset[str] | None, str], ...] = tuple(
    (re.compile(pattern), frozenset(letters) if letters else None, replacement)
    for pattern, letters, replacement in _FOLD_RULES
)

_POSSESSIVE = re.compile(r"['’`´ʼ][sS]?$")
"""Possessive endings written with an apostrophe: Lukashenko's, Loekasjenko’s, Jones'."""

_GENITIVE_S = re.compile(r"(?<=[a-z]{3})(?:in|yn|ov|ev|ow|ew|ko|ka|sky|ski|aja|aya|ina|ova|eva)s$")
"""A bare genitive -s (nl, de, Scandinavian: Putins, Loekasjenkos, Tichanowskajas) is only
stripped after endings of Slavic names, which never end in -s themselves; an English name
in -s (Williams, Collins after "-in") would otherwise lose its letter. Collins/Collin is the
one known clash this leaves."""

_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_PLAIN_WORDS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_APOSTROPHES = re.compile(r"['’`´ʹʼ]")

_DOTTED = re.compile(r"(?<![a-z])((?:[a-z]\.)+[a-z]\.?)(?![a-z])")
"""Dotted abbreviations (U.S., V.S., N.V.) written as one word."""


@lru_cache(maxsize=65_536)
def _ascii(form: str) -> str:
    """Lower-case ASCII with dotted abbreviations written as one word (U.S. -> us)."""
    text = anyascii(form).strip().lower()
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text) if "." in text else text


@lru_cache(maxsize=65_536)
def name_key(form: str) -> str:
    """A normalised key for a name form, equal across press spellings of the same name.

    Rules, in order:

    - transliterate to lower-case ASCII with anyascii (Лукашенко -> lukashenko; diacritics
      dropped: Łukaszenka -> lukaszenka); dotted abbreviations become one word (U.S. -> us);
    - strip an apostrophe possessive (Lukashenko's, Loekasjenko’s), drop inner apostrophes
      (soft signs: El'tsin; O'Brien), and strip a bare genitive -s after a Slavic name
      ending (Putins, Loekasjenkos);
    - split into tokens on anything not a letter or digit, joined again by one space;
    - fold, in this order: hard c (before a o u l r k t, or final) and q -> k; щ
      (shch, sjtsj, schtsch, chtch, szcz) -> sc; ч (tsch, tsj, tch, cz) -> c; ш (sch, sj,
      sh, sz) -> s; ж (zh, zj, rz) -> z; ц (ts, tz) -> c; х (kh, ch) -> h; ks -> x;
      ph, th, gh -> f, t, g; -ousk -> -ovsk; oe, ou -> u (not a final -oe, -oev); w -> v;
      j, y -> i (so -aja, -aya, -aia agree); French -ine, -off -> -in, -ov; ye/je/ie -> e
      at the start or after a vowel; finally double letters -> one.

    Loekasjenko, Lukashenko, Лукашенко and Lukashenko's all give "lukasenko".
    """
    text = _ascii(form)
    if "'" in text or "`" in text:
        text = _POSSESSIVE.sub("", text)
        # Inner apostrophes are soft signs (Ельцин -> El'tsin) or elisions (O'Brien).
        text = _APOSTROPHES.sub("", text)
    if text.endswith("s"):
        text = _GENITIVE_S.sub(lambda m: m.group(0)[:-1], text)
    # The folds run once over the whole name, its tokens separated by single spaces.
    if not _PLAIN_WORDS.fullmatch(text):
        text = " ".join(token for token in _TOKEN_SPLIT.split(text) if token)
    present = set(text)
    for pattern, letters, replacement in _FOLDS:
        if letters is None or not letters.isdisjoint(present):
            folded = pattern.sub(replacement, text)
            if folded != text:
                text, present = folded, set(folded)
    return text


def _token_similarity(a: str, b: str) -> float:
    """Similarity of two folded tokens in [0, 1]."""
    if a == b:
        return 1.0
    if len(a) < 2 or len(b) < 2:
        return 0.0
    if len(a) > 3 and len(b) > 3 and (a + "s" == b or b + "s" == a):
        return _PLURAL_SCORE  # a plural or genitive -s (Motor/Motors, Boeing/Boeings)
    score = _spelling_similarity(a, b)
    loose_a, loose_b = _loose(a), _loose(b)
    if (loose_a, loose_b) != (a, b):
        score = max(score, _spelling_similarity(loose_a, loose_b) - _LOOSE_PENALTY)
    return max(score, 0.0)


def _spelling_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    score = max(Indel.normalized_similarity(a, b), OSA.normalized_similarity(a, b))
    shortest = min(len(a), len(b))
    if shortest < _SHORT:
        score -= 0.05 * (_SHORT - shortest)
    if a[0] != b[0]:
        score -= _FIRST_LETTER_PENALTY
    return score


_LOOSE_FOLDS = str.maketrans("goc", "hah")
_LOOSE_ENDING = re.compile(r"au$")


@lru_cache(maxsize=65_536)
def _loose(token: str) -> str:
    """A looser key for East Slavic spellings: Ukrainian and Belarusian write h for Russian
    g (Homel/Gomel, Hrodna/Grodno), Belarusian writes unstressed o as a (Lukashenka,
    Lamanosau) and final -ov as -au, and English ch is ч where Dutch and German ch is х
    (Sergeyevich/Sergejevitsj: the key has h for one, c for the other). Too loose for a
    key (Gill/Hill), so it only lifts the similarity score, less a small penalty."""
    return _LOOSE_ENDING.sub("av", token.translate(_LOOSE_FOLDS))


_ALL = "*"
"""The language code under which the titles of every language are used."""

_ARTICLES = frozenset(
    [
        "the",
        "de",
        "het",
        "der",
        "die",
        "das",
        "le",
        "la",
        "les",
        "l",
        "el",
        "los",
        "las",
        "il",
        "lo",
        "gli",
    ]
)
"""Leading articles dropped from organisation and place names (the Kremlin, De Nederlandsche
Bank); never from person names, where they are part of the surname (De Gaulle, Le Pen)."""

_CONNECTORS = frozenset(
    [
        "of",
        "in",
        "and",
        "for",
        "the",
        "van",
        "voor",
        "de",
        "der",
        "den",
        "het",
        "en",
        "und",
        "fur",
        "des",
        "du",
        "la",
        "le",
        "et",
        "y",
        "del",
        "di",
        "e",
        "i",
        "na",
        "po",
        "w",
        "z",
    ]
)
"""Small words an acronym may skip (European Union of Something -> EUS)."""

_LEGAL_FORMS = [
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "nv",
    "n.v.",
    "bv",
    "b.v.",
    "ag",
    "gmbh",
    "sa",
    "s.a.",
    "spa",
    "s.p.a.",
    "group",
    "groep",
    "gruppe",
    "holding",
    "holdings",
    "oao",
    "ooo",
    "pao",
    "zao",
]
"""Trailing legal forms dropped from organisation names (Ford Motor Co., Ford Motor Company)."""

_ACRONYM = re.compile(r"^[a-z]{2,6}$")
"""A single word that may be an acronym (EU, NAVO, OVSE)."""


_AMBIGUOUS = frozenset({"don", "dona", "pan", "papa", "mo"})
"""Titles of one language that are names elsewhere (Don Johnson, Peter Pan): with the titles
of every language (name_similarity) they, and one-letter titles (French "M." for monsieur),
are kept; chain_names, which knows the language, strips them."""


@cache
def _word_list(language: str, name: str) -> frozenset[str]:
    """Entries of ``kronika/lang/<language>/<name>`` and of ``xx``, as folded keys."""
    if language == _ALL:
        union = frozenset().union(*(_word_list(code, name) for code in lang.available()))
        return frozenset(word for word in union if len(word) > 1 and word not in _AMBIGUOUS)
    entries = {name_key(line) for line in lang.get(language).lines(name, shared=True)}
    entries.discard("")
    return frozenset(entries)


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(name_key(form) for form in _LEGAL_FORMS)


_NO_ACRONYMS: frozenset[str] = frozenset()


class _Name(NamedTuple):
    tokens: tuple[str, ...]
    """Folded key tokens, titles (persons) or articles and legal forms (others) dropped."""
    dropped: int
    """How many leading tokens were dropped (to cut the same words from the surface)."""
    acronyms: frozenset[str]
    """Initials a multi-token name may be abbreviated to (European Union -> eu)."""
    plain: str
    """The unfolded lower-case letters of a single-token name, to compare with initials."""


def _strip_leading(tokens: list[str], words: frozenset[str], person: bool) -> int:
    """How many leading tokens are titles (persons) or articles (others), multi-word ones
    too; an article before a person's title goes with it (le président). Keeps one token."""

    def title_at(position: int) -> int:
        for size in (3, 2, 1):
            end = position + size
            if end < len(tokens) and " ".join(tokens[position:end]) in words:
                return size
        return 0

    start = 0
    while start < len(tokens) - 1:
        size = title_at(start)
        if not size and person and tokens[start] in _ARTICLES and title_at(start + 1):
            size = 1
        if not size:
            break
        start += size
    return start


@lru_cache(maxsize=65_536)
def _name(form: str, person: bool, language: str) -> _Name:
    """The comparable parts of a name form (``language`` picks the title list)."""
    tokens = name_key(form).split()
    leading = _word_list(language, "titles.txt") if person else _ARTICLES
    dropped = _strip_leading(tokens, leading, person)
    tokens = tokens[dropped:]
    if not person:
        legal = _legal_forms()
        while len(tokens) > 1 and tokens[-1] in legal:  # Ford Motor Co., Apple Inc.
            tokens.pop()
    if person:  # acronyms are for organisations and places
        return _Name(tuple(tokens), dropped, _NO_ACRONYMS, "")
    plain = [word for word in _TOKEN_SPLIT.split(_ascii(form)) if word]
    acronyms: set[str] = set()
    if len(plain) > 1:
        acronyms.add("".join(word[0] for word in plain))
        content = [word for word in plain if word not in _CONNECTORS] or plain
        acronyms.add("".join(word[0] for word in content))
        acronyms.add("".join(word if len(word) <= 2 else word[0] for word in content))
    single = plain[0] if len(plain) == 1 and _ACRONYM.match(plain[0]) else ""
    return _Name(tuple(tokens), dropped, frozenset(acronyms), single)


def name_similarity(a: str, b: str, label: str | None = None) -> float:
    """How likely two name forms are the same name, in [0, 1] (same at :data:`SAME_NAME`).

    Forms are compared on their :func:`name_key` tokens. Person names (``label`` "PER" or
    None) drop titles of any language; other names (ORG, LOC, MISC) drop leading articles
    and trailing legal forms (Inc., N.V.). A single token against a longer name scores as
    its best match with the surname (last token), or a little less with a given name; an
    organisation or place acronym matching the other's initials (EU, European Union) scores
    0.92. Two multi-token person names score by their surnames and, for the rest, by how
    well the given names of the shorter name match those of the longer one (initials match
    their name); two multi-word organisation or place names need every word of the shorter
    one matched, and a place is not a longer place name that contains it (Minsk, Minsk
    Region).
    """
    person = label is None or label == "PER"
    kind = _kind(label)
    return _similarity(_name(a, person, _ALL), _name(b, person, _ALL), kind)


_ACRONYM_SCORE = 0.92
"""An acronym equal to the other name's initials: strong, but short acronyms collide."""


def _given_similarity(a: str, b: str) -> float:
    """Like _token_similarity, but an initial ("A." for Aleksander) matches its given name."""
    if (len(a) == 1 or len(b) == 1) and a and b:
        return _INITIAL_SCORE if a[0] == b[0] else 0.0
    return _token_similarity(a, b)


_INITIAL_SCORE = 0.9
"""An initial against a given name with that first letter (A. / Aleksander)."""


def _kind(label: str | None) -> str:
    """PER (also for an unknown label), ORG, or OTHER (LOC, MISC)."""
    if label is None or label == "PER":
        return "PER"
    return "ORG" if label == "ORG" else "OTHER"


def _similarity(a: _Name, b: _Name, kind: str) -> float:
    score = _tokens_similarity(a.tokens, b.tokens, kind)
    if score < _ACRONYM_SCORE and (
        (a.plain and a.plain in b.acronyms) or (b.plain and b.plain in a.acronyms)
    ):
        return _ACRONYM_SCORE
    return score


@lru_cache(maxsize=65_536)
def _tokens_similarity(ta: tuple[str, ...], tb: tuple[str, ...], kind: str) -> float:
    """Token-wise similarity: surname-led for persons, all-tokens-must-match for others."""
    if not ta or not tb:
        return 0.0
    if ta == tb or "".join(ta) == "".join(tb):
        return 1.0
    if len(ta) > len(tb):
        ta, tb = tb, ta
    person = kind == "PER"
    similar = _token_similarity if person else _other_token_similarity
    if len(tb) == 1:
        return similar(ta[0], tb[0])
    if len(ta) == 1:
        if kind == "OTHER":
            # A place or MISC name is not the longer name that contains it: that is a
            # thing in the place (Minsk Tractor Works), a part (Minsk Region), or another
            # place (Rusland, Wit-Rusland); NER splits "Mobile, Alabama" at the comma.
            best = max(similar(ta[0], token) for token in tb)
            return _PART_FACTOR * best
        # A surname alone, or an organisation's short name (Boeing Commercial Airplanes).
        first_names = max(similar(ta[0], token) for token in tb[:-1])
        return max(similar(ta[0], tb[-1]), _NON_SURNAME_FACTOR * first_names)
    if person:
        surname = similar(ta[-1], tb[-1])
        given = [max(_given_similarity(token, other) for other in tb[:-1]) for token in ta[:-1]]
        return _SURNAME_WEIGHT * surname + (1 - _SURNAME_WEIGHT) * sum(given) / len(given)
    # Organisations and places: every word of the shorter name must find its match
    # (China Eastern Airlines is not China Southern Airlines): the worst word decides.
    return min(max(similar(token, other) for other in tb) for token in ta)


_PART_FACTOR = 0.7
"""A place or MISC name that is one word of a longer one (Minsk, Minsk Region)."""


_OTHER_PENALTY = 0.1
"""Subtracted from an inexact word match in organisation and place names: their spellings
vary less than transliterated person names, while different places often differ by a
letter or two (Austria/Australia 0.875 -> 0.775)."""


def _other_token_similarity(a: str, b: str) -> float:
    score = _token_similarity(a, b)
    return score if score == 1.0 else max(score - _OTHER_PENALTY, 0.0)


@dataclass(slots=True)
class _Chain:
    number: int
    label: str
    canonical: str
    canonical_size: tuple[int, int]
    names: list[_Name] = field(default_factory=list)
    """Distinct names of the members, in order of first mention."""

    def comparable(self, name: _Name) -> list[_Name]:
        """The chain's names a new name is compared with: a full name only with full names."""
        if len(name.tokens) > 1:
            full = [known for known in self.names if len(known.tokens) > 1]
            return full or self.names
        return self.names


@lru_cache(maxsize=65_536)
def _mention(text: str, person: bool, language: str) -> tuple[_Name, str]:
    """A mention's name and its surface without possessive, title or article."""
    surface = _POSSESSIVE.sub("", text.strip())
    name = _name(surface, person, language)
    if name.dropped:
        words = surface.split()
        if len(words) == len(name_key(surface).split()):
            surface = " ".join(words[name.dropped :])
    return name, surface


def chain_names(entities: list[Entity], language: str) -> None:
    """Group the mentions of one document that name the same thing into chains, in place.

    Sets ``entity_id`` to a document-local chain id ("c1", "c2"… in order of first mention)
    and ``canonical`` to the chain's most complete form (most words, then longest; titles,
    leading articles and possessives stripped). A mention joins the best-scoring earlier
    chain of its label whose names score at least :data:`SAME_NAME`; a multi-token mention
    is only compared with a chain's full names, so "Fidel Castro" does not join Raúl
    Castro's chain through a bare "Castro". Mentions of different labels chain only when
    their keys are equal. In a language with a bare genitive -s (``genitive_s`` in its
    ``language.txt``: nl, de), a mention
    ending in -s joins its stem when the stem is mentioned too (Merkels, Merkel).
    """
    order = sorted(range(len(entities)), key=lambda i: (entities[i].start, entities[i].end))
    mentions = {i: _mention(entities[i].text, entities[i].label == "PER", language) for i in order}
    if lang.get(language).genitive_s:  # Merkels, Poetins woordvoerder
        _strip_genitives(mentions)

    index = _Index()
    for i in order:
        entity = entities[i]
        name, surface = mentions[i]
        key, label = name.tokens, entity.label
        chain = (index.by_key.get((label, key)) or index.any_label.get(key)) if key else None
        if chain is None and key:
            chain = index.best_chain(name, label)
        if chain is None:
            chain = _Chain(len(index.chains) + 1, label, surface, (len(key), len(surface)))
            index.chains.append(chain)
        if key and (label, key) not in index.by_key:
            index.add(chain, name, label)
        size = (len(key), len(surface))
        if size > chain.canonical_size:
            chain.canonical, chain.canonical_size = surface, size
        entity.entity_id = f"c{chain.number}"
    canonical = {f"c{chain.number}": chain.canonical for chain in index.chains}
    for entity in entities:
        entity.canonical = canonical.get(entity.entity_id or "")


@dataclass(slots=True)
class _Index:
    """The chains of one document and the lookups that find a new mention's chain."""

    chains: list[_Chain] = field(default_factory=list)
    by_key: dict[tuple[str, tuple[str, ...]], _Chain] = field(default_factory=dict)
    any_label: dict[tuple[str, ...], _Chain] = field(default_factory=dict)
    tokens: dict[str, list[str]] = field(default_factory=dict)
    """Per label, every token of every chain name: one C-speed candidate search each."""
    owners: dict[str, list[_Chain]] = field(default_factory=dict)
    plains: dict[tuple[str, str], _Chain] = field(default_factory=dict)
    """(label, short single word) -> chain, for acronyms named after their full name."""
    acronyms: dict[tuple[str, str], _Chain] = field(default_factory=dict)
    """(label, initials of a multi-word name) -> chain, for acronyms named after it."""

    def add(self, chain: _Chain, name: _Name, label: str) -> None:
        self.by_key[(label, name.tokens)] = chain
        self.any_label.setdefault(name.tokens, chain)
        if name in chain.names:
            return
        chain.names.append(name)
        self.tokens.setdefault(label, []).extend(name.tokens)
        self.owners.setdefault(label, []).extend(chain for _ in name.tokens)
        if name.plain:
            self.plains.setdefault((label, name.plain), chain)
        for acronym in name.acronyms:
            self.acronyms.setdefault((label, acronym), chain)

    def best_chain(self, name: _Name, label: str) -> _Chain | None:
        """The chain of ``label`` whose names best match ``name`` at SAME_NAME or above."""
        candidates: dict[int, _Chain] = {}
        tokens, owners = self.tokens.get(label, []), self.owners.get(label, [])
        for token in name.tokens:
            for _, _, position in process.extract(
                token,
                tokens,
                scorer=Indel.normalized_similarity,
                score_cutoff=_CANDIDATE_CUTOFF,
                limit=None,
            ):
                candidates[owners[position].number] = owners[position]
        if label != "PER":
            # Acronyms share no letters with what they abbreviate (EU, Europese Unie).
            found = [self.acronyms.get((label, name.plain))] if name.plain else []
            found += [self.plains.get((label, acronym)) for acronym in name.acronyms]
            candidates.update((chain.number, chain) for chain in found if chain)
        kind = _kind(label)
        best: _Chain | None = None
        best_score = SAME_NAME
        # In chain order, so that a tie goes to the most recently started chain.
        for number in sorted(candidates):
            chain = candidates[number]
            score = max(_similarity(name, known, kind) for known in chain.comparable(name))
            if score >= best_score:
                best, best_score = chain, score
        return best


def _strip_genitives(mentions: dict[int, tuple[_Name, str]]) -> None:
    """Let "Merkels" count as "Merkel" where the document also has the form without -s."""
    present = {name.tokens for name, _ in mentions.values()}
    surnames = {name.tokens[-1] for name, _ in mentions.values() if name.tokens}
    for i, (name, surface) in mentions.items():
        if not name.tokens or not name.tokens[-1].endswith("s") or len(name.tokens[-1]) < 4:
            continue
        stem = (*name.tokens[:-1], name.tokens[-1][:-1])
        if stem in present or stem[-1] in surnames:
            short = _Name(stem, name.dropped, name.acronyms, name.plain)
            mentions[i] = (short, surface.removesuffix("s"))


_CAPITALISED = re.compile(r"(?<![\w\-‐])([^\W\d_a-zß-ÿа-џ][^\W\d_]+)(?:['’`ʼ]s?)?(?![\w\-‐])")
"""A single capitalised word, possibly with a possessive, not part of a hyphenated compound
(Loekasjenko-regime is not a mention of the man). The first letter class leaves out the
lower-case letters of ASCII, Latin-1 and Cyrillic; the rest are checked with isupper()."""

_COMMON_WORD = 4.5
"""wordfreq Zipf frequency from which a capitalised word is taken for an ordinary word that
starts a sentence, not a name (names in the seeds score below 3, "Lucas" 3.6, "Lukas"
3.0; sentence starters such as "Later", "Laatste" 5 and more)."""


def add_missed_names(text: str, entities: list[Entity], language: str) -> list[Entity]:
    """The entities plus PER mentions the tagger missed: capitalised words outside every
    entity that score at least :data:`SAME_NAME` against the surname of a PER entity of the
    document (a typo such as Loeskanjenko, a possessive such as Loekasjenko’s). Call it
    before :func:`chain_names`; the result is sorted by position."""
    surnames: dict[str, str] = {}
    for entity in entities:
        if entity.label == "PER":
            last = _POSSESSIVE.sub("", entity.text.strip()).split()[-1:]
            if last and len(last[0]) > 3:
                surnames.setdefault(_ascii(last[0]), last[0])
    if not surnames:
        return sorted(entities, key=lambda e: (e.start, e.end))
    matches = [
        match
        for match in _CAPITALISED.finditer(text)
        if match.group(1)[0].isupper() and not match.group(1).isupper()
    ]
    # Each distinct word is judged once; a C-speed letter comparison with the surnames
    # leaves few for the full similarity (rapidfuzz's cdist would need numpy).
    words = sorted({match.group() for match in matches})
    keys = list(surnames)
    accepted = set()
    for word in words:
        if not process.extractOne(
            _ascii(word), keys, scorer=Indel.normalized_similarity, score_cutoff=_CANDIDATE_CUTOFF
        ):
            continue
        bare = _POSSESSIVE.sub("", word)
        if not any(name_similarity(bare, s, "PER") >= SAME_NAME for s in surnames.values()):
            continue
        if _ascii(bare) in surnames or not _is_common(bare.lower(), language):
            accepted.add(word)
    if not accepted:
        return sorted(entities, key=lambda e: (e.start, e.end))
    covered = sorted((entity.start, entity.end) for entity in entities)
    added = [
        Entity(match.start(), match.end(), match.group(), "PER")
        for match in matches
        if match.group() in accepted and not _inside(match.start(), covered)
    ]
    return sorted([*entities, *added], key=lambda e: (e.start, e.end))


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``position`` falls in one of the sorted ``spans``."""
    index = bisect_right(spans, (position, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


@lru_cache(maxsize=65_536)
def _is_common(word: str, language: str) -> bool:
    return zipf(word, language) >= _COMMON_WORD  # 0 without word frequencies ("und", "zh")


def link_speakers(quotes: list[Quote], entities: list[Entity]) -> None:
    """Give each quote's speaker the chain id of the entity mention it is, or names the same.

    Run after :func:`chain_names`: a speaker span inside a chained mention takes its id;
    otherwise ("aldus de president" resolved to a name elsewhere) the chain whose canonical
    name is the same name as the speaker's text (``SAME_NAME``), if any.
    """
    canonical = {e.entity_id: e.canonical or e.text for e in entities if e.entity_id}
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.entity_id:
            continue
        if speaker.start is not None and speaker.end is not None:
            start, end = speaker.start, speaker.end
            inside = [e for e in entities if e.entity_id and e.start < end and start < e.end]
            if inside:
                speaker.entity_id = inside[0].entity_id
                continue
        scored = [(name_similarity(speaker.text, name), chain) for chain, name in canonical.items()]
        best = max(scored, default=None)
        if best and best[0] >= SAME_NAME:
            speaker.entity_id = best[1]
