"""Quotes with their speakers: direct speech in any quote style, and indirect speech.

Direct quotes
    Quote marks are paired per paragraph with a stack. Whether a mark opens or closes is
    read from its neighbours (like Markdown's "flanking" rules): a mark with white space
    before and a letter after opens, a mark after a letter or punctuation and before white
    space or punctuation closes. ``"`` ``“ ”`` ``„ “`` ``„ ”`` ``« »`` ``» «`` ``‹ ›``
    ``‘ ’`` ``‚ ‘`` and ``' '`` pairs are known. A single mark between two letters
    ("don't", "Loekasjenko's") is an apostrophe; ``'s``/``'t`` followed by a space (Dutch
    "'s avonds") and ``'90`` are never openers; a closing single mark after an ``s`` that is
    followed by a lower-case word while another closing single mark follows in the
    paragraph is a possessive ("the workers' union"). Only the outermost pair becomes a
    quote; nested quotes stay inside its text.
    A quote still open at the end of a paragraph continues into the next one when that
    paragraph starts with an opening mark (the newspaper convention); each paragraph's piece
    is its own :class:`Quote`, all with the same speaker. Otherwise it ends with its
    paragraph. ``Quote.text`` is the content without the marks and without a trailing comma.

Speakers
    Cue words come from ``lang/<iso>/quotes.txt`` (format in ``lang/en/quotes.txt``). The
    speaker is looked for next to a cue in the rest of the quote's sentence after the closing
    mark (``"…," he said`` / ``"…," said the minister`` / ``"…", aldus X`` / ``« … »,
    a-t-il déclaré``) and before the opening mark (``X said: "…"`` / ``according to X,
    "…"``); the cue nearer to the quote wins, except that a reporting verb beats a source
    citation ("X zei dat “…”, aldus het persbureau" → X). Next to the cue we take a PER/ORG
    entity, else a pronoun, a run of capitalised words (with a title or determiner before
    it: "vakbondsleider Piet de Boer", "Der Sprecher"), or a noun phrase that starts with a
    determiner ("a spokesman for the ministry", "de president"). Words of the ``[skip]``
    list may stand between speaker and cue ("has also said"); a parenthesis is skipped
    ("Rep. John Mica (R-Fla.) said"); in an apposition the name wins ("the spokesman,
    Natalia Eismont, said" and "Sergei Dylevsky, the leader of the protest, said" → the
    name); a relative pronoun after a comma points back ("Anna Petrova, who told them:"),
    and a cue after a comma with no apposition ("X closed the plant, saying “…”") takes the
    subject that opens the clause. A dash and a name right after a quote is a byline
    (``“…” ― Anna Petrova``); a name alone before a colon introduces one (``Loekasjenko:
    „…”``, ``COLON_WORDS``).
    A pronoun speaker is resolved to an earlier PER entity (ORG for an ``[org_pronouns]``
    word: "it") outside quotes: the most recent one that looks like a subject (it starts its sentence or a
    reporting verb follows it) within ``ANTECEDENT_CHARS``, else the most recent one.
    Without entities: the most recent name run outside quotes that is not after a short
    lower-case word (a preposition: "in Minsk", "w Mińsku") or the most recent speaker
    found so far, whichever is later. The :class:`Speaker` then carries the antecedent's
    text and span, not the pronoun's; an unresolved pronoun stays as it is.
    A quote without a cue of its own takes the speaker (and cue) of the nearest attributed
    quote in the same paragraph (split quotes, "…," she said, adding: "…", a second quoted
    sentence after "he said"); a paragraph that continues an open quote takes its quote's
    speaker; a quote that opens a paragraph right after a paragraph ending in an attributed
    quote takes that quote's speaker ("…," he said. / "…").
    Quotes of ``SCARE_WORDS`` words or fewer that are not a sentence (capital first, end
    punctuation) need their own cue right next to them; a quote with no speaker at all is
    not reported. Scare quotes and titles are dropped this way.

Indirect quotes (``direct=False``)
    In a sentence without direct speech: ``X <verb> [up to THAT_GAP words] that <clause>``,
    ``X <verb> <clause>`` for the ``[bare]`` verbs of languages that allow it ("X said the
    plant would close"), ``according to X, <clause>`` / ``<clause>, according to X`` and
    ``<clause>, X said``. ``Quote.text`` is the reported clause without final punctuation.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kronika import lang
from kronika.analyze.times import RELATIVE_DAYS, UNITS, WEEKDAYS, time_words
from kronika.model import Entity, Quote, Sentence, Speaker

SCARE_WORDS = 3
"""Short quotes that need an adjacent cue. PolNear dev, direct precision / recall:
1 → .867/.773, 2 → .874/.773, 3 → .876/.773, 4 → .871/.768, 5 → .880/.768; 3 keeps the
recall and drops the 1-3 word scare quotes and titles the task names."""
CLAUSE_AUXILIARY_WORDS = 6
"""How far after a bare cue's next word an auxiliary shows a reported clause ("said local
election officials should …", "said praise from Russian President Vladimir Putin would
…"). PolNeAR all-attribution recall / precision, first measured: 1 word 0.4037 / 0.8121,
3 words 0.4076 / 0.8127, 5 words 0.4085 / 0.8123; with the speaker rules of the next stop:
3 words 0.4434 / 0.8373, 5 words 0.4443 / 0.8368, 6 words 0.4458 / 0.8380, 8 words
0.4463 / 0.8359."""

POST_CUE_WORDS = 8
"""A cue after a quote must be among its first words: ``"…," the president of Belarus,
Alexander Lukashenko, said`` needs 7. PolNear dev (direct P/R): 6 → .876/.751,
8 → .876/.773, 10 → .875/.777, 12 → .872/.777."""
APPOSITION_WORDS = 30
"""Longest description between a speaker named right after a quote and the cue after it."""
PRE_CUE_WORDS = 6
"""A cue before a quote must be among the last words before it: ``told the assembled
workers, "…"``."""
NP_WORDS = 7
"""Longest descriptive speaker: "a spokesman for the ministry of defence"."""
ANTECEDENT_CHARS = 1500
"""How far back a pronoun looks for a subject-like name before taking the nearest one."""
COLON_WORDS = 4
"""Longest name before a bare colon that introduces a quote ("Sergei Dylevsky: „…”")."""
THAT_GAP = 3
"""Words allowed between a reporting verb and its complementiser ("told reporters that")."""
PLURAL_CHARS = 400
"""How far back "they" looks for an organisation that speaks."""
DESCRIPTION_WORDS = 3
"""Most words before a name at the start of a sentence that still leave it the subject."""
DESCRIPTION_CHARS = 40
"""How near a role noun or organisation noun must stand to a name to describe it
("Foreign Minister Anna Petrova", "Gazprom, the gas company,")."""
MIXED_SHARE = 0.6
"""A reported clause with at least this share inside direct quotes is that direct quote
again, not indirect speech around a quoted phrase."""

_DOUBLE = '"“”„‟«»'
_SINGLE = "'‘’‚‹›"
_MARKS = re.compile("''|``|[\"“”„‟«»'‘’‚‹›]")
_CLOSERS: dict[str, str | tuple[str, ...]] = {
    "''": ("''", '"', "”"),
    "``": ("''", '"'),
    '"': '"”“',
    "“": '”“"',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "‘": "’‘",
    "‚": "‘’",
    "'": "'’",
    "”": "”",
}
_SENTENCE_END = ".!?…"
_DASHES = "―—–-"
_OPEN_PUNCT = "([{—–-/:"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*'?|[^\w\s]")
_CONNECTORS = frozenset(
    {"van", "de", "der", "den", "von", "zu", "al", "el", "bin", "ibn", "la", "le", "du", "di"}
    | {"da", "dos", "das", "del", "ter", "ten"}
)


@dataclass(frozen=True, slots=True)
class Cues:
    """One language's cue words (see ``lang/en/quotes.txt``)."""

    verbs: frozenset[str]
    indirect: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    that: frozenset[str]
    pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    """Pronouns among ``pronouns`` that stand for an organisation ("it said")."""
    heads: frozenset[str]
    bare: frozenset[str]
    infinitive: frozenset[str]
    """Verbs whose content may be a to-infinitive ("vowed to punish")."""
    to: frozenset[str]
    """The infinitive marker(s) after an [infinitive] verb ("to", "te", "zu")."""
    objects: frozenset[str]
    """Cues whose object is the content ("called for a ban", "urged")."""
    object_words: frozenset[str]
    masculine: frozenset[str]
    feminine: frozenset[str]
    plural: frozenset[str]
    plural_verbs: frozenset[str]
    """Verb forms that make a pronoun of [feminine] and [plural] plural ("sagten sie")."""
    roles: frozenset[str]
    """Role nouns and titles of a descriptive speaker ("the minister"): [roles] plus the
    language's titles.txt."""
    org_nouns: frozenset[str]
    skip: frozenset[str]
    stop: frozenset[str]
    relatives: frozenset[str]
    told: frozenset[str]
    """Cues addressed to someone before the reported clause ("told them he would …")."""
    addressees: frozenset[str]
    """Who a [told] cue is addressed to, right after it ("them", "reporters")."""
    named_as: frozenset[str]
    """Cues whose object with a quoted word is what the speaker says ("called them
    “deplorables”"); without a quotation mark it is no attribution ("called his mother")."""
    labels: frozenset[str]
    """Sources that may label a line without a name ("Poll: Voters abandon …")."""
    auxiliaries: frozenset[str]
    """Finite auxiliaries: one right after a bare cue's next word opens a clause ("says
    hackers are …"), where a lower-case word alone may be the verb's object ("said goodbye")."""
    longest: int
    first_words: frozenset[str]
    """First words of the [before]/[after] cues, to skip most tokens at once."""
    pattern: re.Pattern[str]
    """Any cue word: a sentence without a match cannot hold indirect speech."""
    clause_cues: frozenset[str]
    """[verbs], [indirect], [object], [infinitive] and [bare]: the one-word cues that may
    govern a reported clause."""


@cache
def load_cues(language: str) -> Cues:
    """The cue words of ``language`` (none for a code without a folder)."""
    read = lang.get(language).sections("quotes.txt")
    sections: dict[str, set[str]] = {}
    for name, lines in read.items():  # lines before the first section are verbs
        sections.setdefault(name or "verbs", set()).update(
            line.lower().replace("’", "'") for line in lines
        )
    every = [w for s in sections.values() for w in s]
    return Cues(
        verbs=frozenset(sections.get("verbs", ())),
        indirect=frozenset(sections.get("indirect", ())),
        before=frozenset(sections.get("before", ())),
        after=frozenset(sections.get("after", ())),
        that=frozenset(sections.get("that", ())),
        pronouns=frozenset(sections.get("pronouns", ())),
        org_pronouns=frozenset(sections.get("org_pronouns", ())),
        heads=frozenset(sections.get("heads", ())),
        bare=frozenset(sections.get("bare", ())),
        infinitive=frozenset(sections.get("infinitive", ())),
        to=frozenset(sections.get("to", ())),
        objects=frozenset(sections.get("object", ())),
        object_words=frozenset(w.split()[0] for w in sections.get("object", ())),
        masculine=frozenset(sections.get("masculine", ())),
        feminine=frozenset(sections.get("feminine", ())),
        plural=frozenset(sections.get("plural", ())),
        plural_verbs=frozenset(sections.get("plural_verbs", ())),
        roles=frozenset(
            sections.get("roles", set())
            | {t.lower().split()[-1].rstrip(".") for t in lang.get(language).lines("titles.txt")}
        ),
        org_nouns=frozenset(sections.get("org_nouns", ())),
        skip=frozenset(sections.get("skip", ())),
        stop=frozenset(sections.get("stop", ())),
        relatives=frozenset(sections.get("relatives", ())),
        told=frozenset(sections.get("told", ())),
        addressees=frozenset(sections.get("addressees", ())),
        named_as=frozenset(sections.get("named_as", ())),
        auxiliaries=frozenset(sections.get("auxiliaries", ())),
        labels=frozenset(sections.get("labels", ())),
        longest=max((w.count(" ") + 1 for w in every), default=1),
        first_words=frozenset(
            w.split()[0] for w in sections.get("before", set()) | sections.get("after", set())
        ),
        clause_cues=frozenset(
            sections.get("verbs", set()) | sections.get("indirect", set()) | sections.get("object", set())
            | sections.get("infinitive", set()) | sections.get("bare", set())
        ),
        pattern=_any_word(
            sections.get("verbs", set())
            | sections.get("indirect", set())
            | sections.get("before", set())
            | sections.get("after", set())
            | sections.get("object", set())
            | sections.get("infinitive", set())
            | sections.get("bare", set())
            | sections.get("told", set())
            | sections.get("named_as", set())
        ),
    )


@dataclass(frozen=True, slots=True)
class Genders:
    """Given names and gendered titles of one language (``lang/<iso>/first_names.txt``)."""

    female: frozenset[str]
    male: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]


@cache
def load_genders(language: str) -> Genders:
    """The given names and gendered words of ``language``, with the shared ``xx`` list."""
    read = lang.get(language).sections("first_names.txt", shared=True)

    def words(name: str) -> frozenset[str]:
        return frozenset(line.lower() for line in read.get(name, ()))

    return Genders(words("female"), words("male"), words("female_words"), words("male_words"))


def _any_word(words: set[str]) -> re.Pattern[str]:
    if not words:
        return re.compile("(?!)")
    alternatives = sorted((re.escape(w).replace("'", "['’]") for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@dataclass(slots=True)
class _Raw:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    open_at: int  # position of the opening mark
    close_at: int  # position after the closing mark (== end when unclosed)
    paragraph: int
    group: int  # quotes of one multi-paragraph quote share a group


@dataclass(slots=True)
class _Attribution:
    speaker: Speaker
    cue: str
    adjacent: bool
    distance: int = 0
    """Words between the quote mark and the cue."""


# --------------------------------------------------------------------------- quote marks


def _kind(text: str, i: int, j: int, lo: int, hi: int) -> str:
    """``open``, ``close``, ``either``, ``space`` or ``word`` for the mark ``text[i:j]``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[j] if j < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return "word"
    prev_space = prev.isspace() or prev in _OPEN_PUNCT
    next_space = nxt.isspace()
    if prev_space and next_space:
        return "space"
    if prev_space:
        return "open" if nxt.isalnum() or nxt in _DOUBLE + _SINGLE + "(¿¡…." else "either"
    if next_space or not nxt.isalnum():
        return "close" if not (prev in _OPEN_PUNCT or prev in _DOUBLE + _SINGLE) else "either"
    return "either"


def _scan(text: str) -> list[_Raw]:
    """All outermost quotes, paragraph by paragraph."""
    found: list[_Raw] = []
    paragraphs: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        paragraphs.append((offset, offset + len(line)))
        offset += len(line) + 1
    group = 0
    carried: str | None = None  # opening mark of a quote left open by the previous paragraph
    for index, (lo, hi) in enumerate(paragraphs):
        if lo == hi:
            continue
        stack: list[tuple[str, int]] = []
        found_marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, lo, hi)]
        marks = [at for at, _ in found_marks]
        first_mark = marks[0] if marks else -1
        if carried is not None:
            lead = lo
            while lead < hi and text[lead].isspace():
                lead += 1
            lead_mark = found_marks[0][1] if found_marks else ""
            if first_mark != lead or (lead_mark != carried and lead_mark not in _CLOSERS[carried]):
                carried = None
            else:
                group -= 1  # the previous group continues
        carried = None
        group += 1
        for n, (i, mark) in enumerate(found_marks):
            kind = _kind(text, i, i + len(mark), lo, hi)
            if kind == "word":
                continue
            if kind == "space" and mark in "«‹„":
                kind = "open"  # French spacing: « Nous … »
            elif kind == "space" and mark in "»›":
                kind = "either"
            if mark in _SINGLE and kind in ("open", "either") and _apostrophe(text, i, hi):
                continue
            closes = next(
                (d for d in range(len(stack) - 1, -1, -1) if mark in _CLOSERS[stack[d][0]]),
                None,
            )
            if kind == "open" or (kind == "either" and closes is None):
                if mark in _CLOSERS:
                    stack.append((mark, i))
                continue
            if closes is None:
                continue
            if mark in _SINGLE and _possessive(text, i, hi, marks[n + 1 :]):
                continue
            opener, at = stack[closes]
            del stack[closes:]
            if not stack:
                found.append(_Raw(at + len(opener), i, at, i + len(mark), index, group))
                group += 1
        if stack:
            opener, at = stack[0]
            found.append(_Raw(at + len(opener), hi, at, hi, index, group))
            carried = opener
    for raw in found:
        _trim(text, raw)
    return [raw for raw in found if raw.end > raw.start]


def _apostrophe(text: str, i: int, hi: int) -> bool:
    """An opening-looking single mark that is an elision: 's avonds, 't, '90, 'n'."""
    rest = text[i + 1 : min(hi, i + 4)]
    if rest[:1].isdigit():
        return True
    return len(rest) >= 2 and rest[0].lower() in "stn" and not rest[1].isalnum()


def _possessive(text: str, i: int, hi: int, later: list[int]) -> bool:
    """A closing single mark that is a plural possessive ("the workers' union")."""
    if text[i - 1 : i] not in ("s", "z"):
        return False
    after = text[i + 1 : i + 3]
    if len(after) < 2 or not after[0].isspace() or not after[1].islower():
        return False
    return any(text[j] in "'’" for j in later)


def _trim(text: str, raw: _Raw) -> None:
    while raw.start < raw.end and text[raw.start].isspace():
        raw.start += 1
    while raw.end > raw.start and (text[raw.end - 1].isspace() or text[raw.end - 1] == ","):
        raw.end -= 1


# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    out = []
    for m in _WORD.finditer(text, lo, hi):
        word = m.group()
        out.append(_Tok(m.start(), m.end(), word, word.lower().replace("’", "'")))
    return out


def _cue_at(
    toks: list[_Tok], k: int, words: frozenset[str], longest: int, first: frozenset[str]
) -> int:
    """Length in tokens of a cue from ``words`` starting at token ``k`` (0 if none)."""
    if k >= len(toks) or toks[k].low not in first:
        return 0
    for n in range(min(longest, len(toks) - k), 0, -1):
        if " ".join(t.low for t in toks[k : k + n]) in words:
            return n
    return 0


def _is_word(tok: _Tok) -> bool:
    return tok.text[0].isalnum()


def _capital(tok: _Tok) -> bool:
    return tok.text[0].isupper()


# --------------------------------------------------------------------------- speakers


@cache
def _time_words(language: str) -> frozenset[str]:
    """One-word names of days, months and time units of a language (times.txt, months.txt),
    which stand between a speaker and a cue but never are the speaker."""
    time = time_words(language)
    keys = (*WEEKDAYS, *RELATIVE_DAYS, *UNITS)
    words = {w for key in keys for w in time.words.get(key, {}) if " " not in w}
    words |= {w for w in time.months if " " not in w}
    words |= {f"{w}s" for key in UNITS for w in time.words.get(key, {}) if not w.endswith("s")}
    return frozenset(words - load_cues(language).auxiliaries)  # not "may"


def _surname_echoes(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities in text order, with later mentions of a person's surname as mentions
    of that person: those the tagger did not tag ("Gen. Norman Ham … Ham went on to
    explain") or tagged as an organisation. A pronoun after them refers to the person, not
    to another name the tagger did find."""
    surnames: dict[str, Entity] = {}
    for ent in sorted(entities, key=lambda e: e.start):
        words = ent.text.split()
        if ent.label == "PER" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
            surnames.setdefault(words[-1], ent)
    kept = [
        Entity(e.start, e.end, e.text, "PER", surnames[e.text].entity_id)
        if e.label == "ORG" and e.text in surnames and surnames[e.text].end <= e.start else e
        for e in entities
    ]
    if not surnames:
        return kept
    taken = sorted((e.start, e.end) for e in kept)
    starts = [a for a, _ in taken]
    names = "|".join(re.escape(name) for name in sorted(surnames, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text):
        ent = surnames[m.group()]
        start, end = m.start(), m.end()
        k = bisect.bisect_right(starts, start) - 1
        if start < ent.end or (k >= 0 and taken[k][1] > start) or (k + 1 < len(taken) and taken[k + 1][0] < end):
            continue  # before the full name, or inside a tagged name
        kept.append(Entity(start, end, m.group(), "PER", ent.entity_id))
    return sorted(kept, key=lambda e: e.start)


class _Doc:
    """Per-article state: text, entities, quote ranges and the speakers found so far."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        entities: list[Entity],
        cues: Cues,
        language: str,
    ) -> None:
        self.text = text
        self.cues = cues
        self.abbreviations = lang.get(language).abbreviations
        self.sentences = sentences
        self.sent_starts = [s.start for s in sentences]
        self.entities = _surname_echoes(text, [e for e in entities if e.label in ("PER", "ORG")])
        self.ent_starts = [e.start for e in self.entities]
        self.quoted: list[tuple[int, int]] = []
        self.quoted_starts: list[int] = []
        self.speakers: list[Speaker] = []
        self.genders = load_genders(language)
        self.time_words = _time_words(language)
        self._gender_of: dict[int, str | None] = {}
        self._surnames: dict[str, str | None] | None = None
        self._words: frozenset[str] | None = None  # the article's tokens, as written

    def tokens(self, lo: int, hi: int) -> list[_Tok]:
        """The tokens of ``text[lo:hi]``. Windows are tokenised on demand: measured on PolNear
        dev, tokenising whole articles once costs twice as much (most text is never read)."""
        return _tokens(self.text, lo, hi)

    def abbreviation(self, tok: _Tok) -> bool:
        """A word written with a final period that does not end a sentence ("Mr.", "A.")."""
        return tok.low in self.abbreviations or (len(tok.text) == 1 and tok.text.isupper())

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        if k < 0:
            return (0, len(self.text))
        s = self.sentences[k]
        return (s.start, max(s.end, pos))

    def inside_quote(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, start) - 1
        return k >= 0 and self.quoted[k][1] >= end

    def entity_in(self, lo: int, hi: int) -> list[Entity]:
        k = bisect.bisect_left(self.ent_starts, lo)
        out = []
        while k < len(self.entities) and self.entities[k].start < hi:
            if self.entities[k].end <= hi:
                out.append(self.entities[k])
            k += 1
        return out

    # ----------------------------------------------------------------- speaker phrases

    def phrase_left(self, toks: list[_Tok], cue: int) -> Speaker | None:
        """The speaker written just before token ``cue`` ("Lukashenko said", "he said")."""
        if toks[cue].low.endswith("ing") and cue >= 2 and toks[cue - 1].text == ",":
            # "X said in a statement, adding that …": the participle's speaker is the main verb's
            main = next((i for i in range(cue - 2, 0, -1) if toks[i].low in self.cues.verbs
                         and toks[i - 1].low not in self.cues.relatives
                         and not self.inside_quote(toks[i].start, toks[i].end)), None)
            if main is not None:
                return self.phrase_left(toks, main) or self.phrase_right(toks, main + 1)
        last = cue - 1
        while last > 0 and toks[last].low in self.cues.skip:
            last -= 1  # "Lukashenko has also said", "De president heeft gezegd"
        if last > 0 and toks[last].low in self.time_words:
            while last > 0 and toks[last].low in self.time_words:
                last -= 1  # "Sanders on Tuesday said", "the mayor last week said"
            while last > 0 and toks[last].low in self.cues.stop:
                last -= 1
        if last > 1 and toks[last].low in self.cues.relatives and toks[last - 1].text == ",":
            last -= 1  # "Stevie Wonder, who joked": the name before the comma speaks
            cue = last
            last -= 1
        if last > 0 and toks[last].text == ")":
            opening = next(
                (i for i in range(last - 1, max(-1, last - 8), -1) if toks[i].text == "("), -1
            )
            if opening > 0:
                last = opening - 1  # "Rep. John Mica (R-Fla.) said"
        if last < 0:
            return None
        if toks[last].text == ",":
            relative = next(
                (i for i in range(last - 1, max(0, last - APPOSITION_WORDS), -1)
                 if toks[i].low in self.cues.relatives and toks[i - 1].text == ","),
                None,
            )
            if relative is not None and relative >= 2:
                found = self.phrase_left(toks, relative - 1)  # "Rendell, who served as …, agreed"
                if found is not None:
                    return found
            # an apposition ("Dylevsky, the leader of the protest, said"): prefer the name
            j = last - 1
            while j >= 0 and toks[j].text != "," and last - j <= NP_WORDS + 1:
                j -= 1
            inner = toks[last - 1] if last >= 1 else None
            if inner is not None and _capital(inner) and not self._function(inner) and j >= 0:
                found = self.phrase_left(toks, last)  # "the spokesman, Natalia Eismont, said"
                if found is not None:
                    return found
            if j >= 1 and toks[j].text == "," and _is_word(toks[j - 1]):
                found = self.phrase_left(toks, j)
                if found is not None:
                    return found
            elif j < 0:
                return self._subject_at_start(toks, last)
            last -= 1
        if last < 0 or not _is_word(toks[last]):
            return None
        ents = self.entity_in(toks[0].start, toks[cue].start)
        j = last
        while j >= 0 and last - j < NP_WORDS and _is_word(toks[j]):
            tok = toks[j]
            for ent in reversed(ents):
                if ent.start <= tok.start < ent.end:
                    return self.speaker(ent.start, ent.end, ent.entity_id)
            pronoun = self._pronoun_part(tok)
            if pronoun is not None and last - j <= 2:
                return self.pronoun(pronoun)
            if _capital(tok) and not self._function(tok):
                k = j
                while k - 1 >= 0 and (
                    (_capital(toks[k - 1]) and not self._function(toks[k - 1]))
                    or (toks[k - 1].low in _CONNECTORS and k - 2 >= 0 and _capital(toks[k - 2]))
                    or (toks[k - 1].text == "." and k - 2 >= 0 and _capital(toks[k - 2]))
                ):
                    k -= 1
                if j < last and tok.low.endswith(("'s", "’s")):
                    return self.speaker(self._np_start(toks, k, last), toks[last].end)  # "Connecticut's tax commissioner"
                return self.speaker(self._np_start(toks, k, last), toks[j].end)
            if tok.low in self.cues.heads:
                head = j
                i = j - 1
                while i >= 0 and last - i < NP_WORDS and _is_word(toks[i]):
                    low = toks[i].low
                    if low in self.cues.verbs or low in self.cues.that or toks[i].text[0].isupper():
                        if low in self.cues.heads:
                            head = i
                        break
                    if low in self.cues.heads:
                        head = i  # "a spokesman for the ministry"
                    i -= 1
                if head == last:
                    return None
                return self.speaker(toks[head].start, toks[last].end)
            if tok.low in self.cues.verbs or tok.low in self.cues.that or tok.low in self.cues.stop:
                return None
            j -= 1
        return None

    def _np_start(self, toks: list[_Tok], k: int, last: int) -> int:
        """Where a name that starts at token ``k`` really starts: with a determiner right
        before it ("Der Sprecher", "the Kremlin"), or with the noun phrase it ends ("The
        mayor of Brest", "a spokesman for Gazprom")."""
        heads = self.cues.heads
        if k >= 1 and toks[k - 1].low in heads:
            return toks[k - 1].start
        prev = toks[k - 1] if k >= 1 else None
        if prev is None or not prev.text.islower() or len(prev.text) > 4:
            return toks[k].start
        if prev.low in self.cues.verbs or prev.low in self.cues.that:
            return toks[k].start
        i = k - 2
        while i >= 0 and last - i <= NP_WORDS and _is_word(toks[i]):
            if toks[i].low in heads:
                return toks[i].start
            if toks[i].low in self.cues.verbs or toks[i].low in self.cues.pronouns:
                break
            i -= 1
        return toks[k].start

    def phrase_right(self, toks: list[_Tok], k: int, short: bool = False) -> Speaker | None:
        """The speaker written from token ``k`` on ("said Lukashenko", "zei hij", "a-t-il
        déclaré", "zegt vakbondsleider Piet de Boer"). ``short``: a noun phrase with no comma
        after it ends after its first noun ("volgens de vakbond doen …")."""
        if k >= len(toks) or not _is_word(toks[k]):
            return None
        tok = toks[k]
        pronoun = self._pronoun_part(tok)
        if pronoun is not None:
            return self.pronoun(pronoun)
        titles = k
        while (
            titles < len(toks)
            and titles - k < 2
            and toks[titles].text.islower()
            and len(toks[titles].text) > 3
            and toks[titles].low not in self.cues.stop
            and _is_word(toks[titles])
            and not self._function(toks[titles])
        ):
            titles += 1  # "activist Hanna Yahorava", "vakbondsleider Piet de Boer"
        for ent in self.entity_in(tok.start, toks[-1].end):
            if ent.start <= tok.start < ent.end or (
                ent.start == toks[min(k + 1, len(toks) - 1)].start and self._head(tok)
            ):
                return self.speaker(ent.start, ent.end, ent.entity_id)
            if titles < len(toks) and ent.start == toks[titles].start:
                return self.speaker(ent.start, ent.end, ent.entity_id)
            break
        if titles > k and titles < len(toks) and _capital(toks[titles]):
            k, tok = titles, toks[titles]
        if _capital(tok) and not self._function(tok):
            j = k
            while j + 1 < len(toks) and (
                (_capital(toks[j + 1]) and not self._function(toks[j + 1]))
                or (toks[j + 1].low in _CONNECTORS and j + 2 < len(toks) and _capital(toks[j + 2]))
                or (toks[j + 1].text == "." and self.abbreviation(toks[j]) and j + 2 < len(toks)
                    and _capital(toks[j + 2]))  # "said Mr. Burman"
            ):
                j += 1
            return self.speaker(tok.start, toks[j].end)
        if self._head(tok):
            j = k
            limit = 1 if short else NP_WORDS - 1
            while (
                j + 1 < len(toks)
                and j - k < limit
                and _is_word(toks[j + 1])
                and toks[j + 1].low not in self.cues.stop
                and toks[j + 1].low not in self.cues.that
                and toks[j + 1].low not in self.cues.verbs
                and not toks[j + 1].text.isdigit()
                and not (_capital(toks[j]) and not _capital(toks[j + 1]) and j > k)
            ):
                j += 1  # "de 28-jarige Anna", "a spokesman for the ministry"
            if j > k or "'" in tok.low:
                return self.speaker(tok.start, toks[j].end)
        return None

    def _subject_at_start(self, toks: list[_Tok], end: int) -> Speaker | None:
        """The speaker that opens the clause of a cue after a comma ("X closed the plant
        last year, saying …" → X): a pronoun, entity or name at the start of ``toks``."""
        first = next((i for i in range(end) if _is_word(toks[i])), None)
        if first is None:
            return None
        tok = toks[first]
        named = any(e.start == tok.start for e in self.entity_in(tok.start, toks[end - 1].end))
        name = _capital(tok) and not self._function(tok)
        if self._pronoun_part(tok) is None and not named and not name:
            return None
        found = self.phrase_right(toks[:end], first)
        return found if found is not None and found.start is not None else None

    def _head(self, tok: _Tok) -> bool:
        """A determiner, also elided onto its noun ("l'agence")."""
        low = tok.low
        return low in self.cues.heads or (
            "'" in low and low[: low.index("'") + 1] in self.cues.heads
        )

    def _pronoun_part(self, tok: _Tok) -> _Tok | None:
        """``tok`` as a pronoun, or the pronoun joined to a verb by a hyphen ("a-t-il")."""
        if tok.low in self.cues.pronouns:
            return tok
        if "-" in tok.low:
            part = tok.low.rsplit("-", 1)[1]
            if part in self.cues.pronouns:
                start = tok.end - len(part)
                return _Tok(start, tok.end, self.text[start : tok.end], part)
        return None

    def _function(self, tok: _Tok) -> bool:
        c = self.cues
        low = tok.low
        return (
            low in c.heads
            or low in c.pronouns
            or low in c.verbs
            or low in c.before
            or low in c.that
            or len(tok.text) == 1
        )

    def speaker(self, start: int, end: int, entity_id: str | None = None) -> Speaker:
        while start < end and not self.text[start].isalnum():
            start += 1  # a title's period or a dash left before the name ("M. Levan …")
        while end > start and not self.text[end - 1].isalnum():
            end -= 1
        found = Speaker(self.text[start:end], start, end, entity_id)
        self.speakers.append(found)
        return found

    def pronoun(self, tok: _Tok) -> Speaker:
        """Resolve a pronoun to an earlier name of its gender and number (see the module
        docstring)."""
        c = self.cues
        low = tok.low
        plural = low in c.plural and (low not in c.feminine or self._plural_verb_at(tok))
        if plural:
            return self._plural(tok)
        want = ("ORG",) if low in c.org_pronouns else ("PER",)
        gender = "m" if low in c.masculine else "f" if low in c.feminine else None
        k = bisect.bisect_left(self.ent_starts, tok.start) - 1
        fallback: Entity | None = None
        while k >= 0:
            ent = self.entities[k]
            k -= 1
            if ent.end > tok.start or self.inside_quote(ent.start, ent.end):
                continue
            if ent.label not in want and not (
                gender is not None and ent.label == "ORG" and self.gender(ent) == gender
            ):
                continue  # a person tagged ORG still has a given name ("Elizabeth Warren")
            if gender is not None and self.gender(ent) not in (None, gender):
                continue  # "she" is not Viktor Orlov
            if self._lower_case_word(ent):
                continue  # "Climate change, Mr. Obama says": a capital of the sentence start
            if tok.start - ent.end > ANTECEDENT_CHARS and fallback is not None:
                break
            if fallback is None:
                fallback = ent
            if self._subject(ent.start, ent.end):
                return Speaker(ent.text, ent.start, ent.end, ent.entity_id)
        if fallback is not None:
            return Speaker(fallback.text, fallback.start, fallback.end, fallback.entity_id)
        if not self.entities:
            prior = next(
                (p for p in reversed(self.speakers) if p.end is not None and p.end <= tok.start),
                None,
            )
            name = self._last_name(tok.start)
            if name is not None and (prior is None or (prior.end or 0) < (name.start or 0)):
                return name
            if prior is not None:
                return prior
        return Speaker(tok.text, tok.start, tok.end)

    def _plural_verb_at(self, tok: _Tok) -> bool:
        """Whether a verb form of [plural_verbs] stands right before or after ``tok``."""
        before = _WORD.findall(self.text, max(0, tok.start - 30), tok.start)[-1:]
        after = _WORD.findall(self.text, tok.end, tok.end + 30)[:1]
        return any(w.lower() in self.cues.plural_verbs for w in before + after)

    def _plural(self, tok: _Tok) -> Speaker:
        """A plural pronoun ("they", "ze zeiden"): the nearest organisation that opens a
        sentence or speaks within ``PLURAL_CHARS``, else one within half that. A group
        written as a common noun ("the workers") is no entity: else the pronoun stays."""
        k = bisect.bisect_left(self.ent_starts, tok.start) - 1
        nearest: Entity | None = None
        while k >= 0:
            ent = self.entities[k]
            k -= 1
            if tok.start - ent.end > PLURAL_CHARS:
                break
            if ent.label != "ORG" or ent.end > tok.start or self.inside_quote(ent.start, ent.end):
                continue
            nearest = nearest or ent
            if self._subject(ent.start, ent.end):
                return Speaker(ent.text, ent.start, ent.end, ent.entity_id)
        if nearest is not None and tok.start - nearest.end <= PLURAL_CHARS // 2:
            return Speaker(nearest.text, nearest.start, nearest.end, nearest.entity_id)
        return Speaker(tok.text, tok.start, tok.end)

    def gender(self, ent: Entity) -> str | None:
        """``m``, ``f`` or None for a person mention: from a gendered title before or in
        it ("Mrs. Clinton", "Frau Baerbock"), its given name, or another mention of the
        same surname in the article whose gender is known (unless the article's mentions
        of that surname disagree: "Bill Clinton" and "Hillary Clinton")."""
        if ent.start in self._gender_of:
            return self._gender_of[ent.start]
        found = self._own_gender(ent)
        if found is None:
            if self._surnames is None:
                self._surnames = {}
                for other in self.entities:
                    mine = self._own_gender(other)
                    if mine is None:
                        continue
                    key = _surname(other.text)
                    seen = self._surnames.get(key, mine)
                    self._surnames[key] = mine if seen == mine else None
            found = self._surnames.get(_surname(ent.text))
        self._gender_of[ent.start] = found
        return found

    def _own_gender(self, ent: Entity) -> str | None:
        g = self.genders
        before = [w.lower() for w in self.text[max(0, ent.start - 30) : ent.start].split()[-2:]]
        words = [w.lower().strip(",") for w in ent.text.split()]
        marks = [" ".join(before), before[-1] if before else "", *words[:2]]
        for word in marks:
            if word in g.female_words or word.rstrip(".") in g.female_words:
                return "f"
            if word in g.male_words or word.rstrip(".") in g.male_words:
                return "m"
        for word in words[:2]:
            if word in g.female:
                return "f"
            if word in g.male:
                return "m"
        return None

    # ----------------------------------------------------------------- descriptions

    def refer(self, speaker: Speaker) -> None:
        """Link a descriptive speaker ("the minister", "de vakbond", "die Regierung") to the
        person or organisation the article named before it: a person written with that
        title ("Foreign Minister Anna Petrova", "Petrova, the minister,"), an organisation
        whose name holds the noun ("the ministry" → "the Ministry of Labour") or is written
        next to it ("Gazprom, the company"). The speaker keeps its own text and span; the
        name goes to ``refers_to`` (and its id to ``entity_id``)."""
        if speaker.start is None or speaker.end is None or speaker.refers_to is not None:
            return
        words = _WORD.findall(speaker.text)
        if len(words) < 2 or words[0].lower() not in self.cues.heads:
            return
        if any(e.start < speaker.end and speaker.start < e.end for e in self.entities):
            return  # it holds a name of its own ("a spokesman for Gazprom")
        noun = words[-1].lower()
        if noun in self.cues.roles:
            label = "PER"
        elif noun in self.cues.org_nouns:
            label = "ORG"
        else:
            return
        k = bisect.bisect_left(self.ent_starts, speaker.start) - 1
        while k >= 0:
            ent = self.entities[k]
            k -= 1
            if speaker.start - ent.end > ANTECEDENT_CHARS:
                break
            if ent.label != label or ent.end > speaker.start:
                continue
            near = (
                self.text[max(0, ent.start - DESCRIPTION_CHARS) : ent.start]
                + " "
                + self.text[ent.end : ent.end + DESCRIPTION_CHARS]
            ).lower()
            inside = label == "ORG" and noun[:5] in ent.text.lower()
            if inside or re.search(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", near):
                speaker.refers_to = ent.text
                speaker.entity_id = speaker.entity_id or ent.entity_id
                return

    def _lower_case_word(self, ent: Entity) -> bool:
        """A one-word name the text also writes in lower case ("Climate", "After"): the
        tagger took the capital of a sentence's first word for a name."""
        if " " in ent.text or not ent.text.isalpha():
            return False
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.text))
        return ent.text.lower() in self._words

    def _subject(self, start: int, end: int) -> bool:
        """A name that begins its sentence, after at most a few words that describe it
        ("Conservative economist Aparna Mathur") or after an opening phrase ("In an
        interview with X, Ham made it clear"), or stands next to a reporting verb ("X
        said", "said X")."""
        sent_lo, _ = self.sentence_of(start)
        before = self.text[sent_lo:start].split()
        if len(before) <= 1:
            return True
        c = self.cues
        if len(before) <= DESCRIPTION_WORDS and not any(
            "," in w or w.lower() in c.stop or w.lower() in c.that or w.lower() in c.verbs for w in before
        ):
            return True
        after = _WORD.findall(self.text, end, end + 30)[:2]
        if any(w.lower() in c.verbs for w in after) or before[-1].lower() in c.verbs:
            return True
        # "In an interview with X, Ham made it clear": the main clause after an opening phrase
        return (
            before[-1].endswith(",") and (before[0].lower() in c.stop or before[0].lower().endswith("ing"))
            and bool(after) and after[0].isalpha() and after[0].islower()
            and not any(after[0] in words for words in (c.stop, c.relatives, c.heads, c.that))
        )

    def _last_name(self, before: int) -> Speaker | None:
        """The last capitalised name that may be a person: not inside a quote, not after a
        short lower-case word (a preposition: "in Minsk", "w Mińsku", "в Минске"), and at the
        start of a sentence only when a comma or a verb follows it."""
        lo = max(0, before - 600)
        toks = self.tokens(lo, before)
        for k in range(len(toks) - 1, 0, -1):
            tok = toks[k]
            if not _capital(tok) or self._function(tok) or self.inside_quote(tok.start, tok.end):
                continue
            j = k
            while j - 1 >= 0 and (
                (_capital(toks[j - 1]) and not self._function(toks[j - 1]))
                or (toks[j - 1].low in _CONNECTORS and j - 2 >= 0 and _capital(toks[j - 2]))
            ):
                j -= 1
            prev = toks[j - 1] if j else None
            if (
                prev is not None
                and prev.text.islower()
                and len(prev.text) <= 3
                and prev.low not in self.cues.verbs
            ):
                continue
            initial = prev is None or prev.text in '.!?"“”„«»' or self._function(prev)
            follow = toks[k + 1] if k + 1 < len(toks) else None
            if (
                initial
                and j == k
                and not (
                    follow is not None and (follow.text == "," or follow.low in self.cues.verbs)
                )
            ):
                continue
            return Speaker(self.text[toks[j].start : tok.end], toks[j].start, tok.end)
        return None

    # ----------------------------------------------------------------- attribution

    def after_quote(self, raw: _Raw, limit: int) -> _Attribution | None:
        """A cue and speaker in the words after the closing mark."""
        toks = self.tokens(raw.close_at, limit)
        c = self.cues
        if (
            len(toks) > 1
            and toks[0].text in _DASHES
            and _capital(toks[1])
            and not any(t.low in c.verbs for t in toks[1:POST_CUE_WORDS])
        ):
            who = self.phrase_right(toks, 1)  # a byline under a quote: “…” ― Anna Petrova
            if who is not None:
                return _Attribution(who, toks[0].text, True, 0)
        words = 0
        for k, tok in enumerate(toks):
            if _is_word(tok):
                words += 1
                if words > POST_CUE_WORDS:
                    break
            elif k > 0 and self._sentence_ends(toks, k):
                break
            n = _cue_at(toks, k, c.before, c.longest, c.first_words)
            if n:
                who = self.phrase_right(toks, k + n)
                if who is not None:
                    return _Attribution(who, _span_text(toks, k, n), words <= 1, words)
                continue
            inverted = self._pronoun_part(tok) if "-" in tok.low else None
            if inverted is not None and tok.low.split("-")[0] in c.verbs:
                # "dit-il", "sagte-er" is rare but "dit-elle" is the French rule
                return _Attribution(self.pronoun(inverted), tok.text, True, words)
            if tok.low in c.verbs:
                who = self.phrase_left(toks, k) if k else None
                if who is None and all(not _is_word(t) or t.low in c.skip for t in toks[:k]):
                    who = self.phrase_right(toks, k + 1)  # inverted: "…," said X / zei hij
                if who is not None:
                    return _Attribution(who, tok.text, self._next_to(toks, k), words)
            if tok.low in c.after and k:
                who = self.phrase_left(toks, k)
                if who is not None:
                    return _Attribution(who, tok.text, self._next_to(toks, k), words)
        return self._after_apposition(toks)

    def _sentence_ends(self, toks: list[_Tok], k: int) -> bool:
        """Whether token ``k`` (not the first) ends the sentence: a full stop that is no
        abbreviation's and has no comma or bracket after it ("(D-Wis.) said")."""
        return (
            toks[k].text in ".!?;"
            and not self.abbreviation(toks[k - 1])
            and not (k + 1 < len(toks) and toks[k + 1].text in ",)")
        )

    def _after_apposition(self, toks: list[_Tok]) -> _Attribution | None:
        """``“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing,
        said``: a name right after the quote, then a description in commas longer than the
        usual cue window, then the cue right after a comma."""
        first = next((k for k, t in enumerate(toks) if _is_word(t)), None)
        if first is None or not _capital(toks[first]) or self._function(toks[first]):
            return None
        if any(_is_word(t) for t in toks[:first]) or any(t.text not in ",—–-" for t in toks[:first]):
            return None
        words = 0
        for j in range(first + 1, len(toks)):
            tok = toks[j]
            if self._sentence_ends(toks, j):
                return None
            if not _is_word(tok):
                continue
            words += 1
            if words > APPOSITION_WORDS:
                return None
            if tok.low in self.cues.verbs and toks[j - 1].text == ",":
                who = self.phrase_right(toks[:j], first)
                return _Attribution(who, tok.text, True, words) if who is not None else None
        return None

    def _next_to(self, toks: list[_Tok], cue: int) -> bool:
        """Whether a cue at token ``cue`` after a quote is right next to it: the cue, a
        pronoun, a determiner or a name comes first ("…," the ministry's spokesman said)."""
        first = next(
            (t for t in toks[: cue + 1] if _is_word(t) and t.low not in self.cues.skip), None
        )
        if first is None or first is toks[cue]:
            return True
        return _capital(first) or self._head(first) or self._pronoun_part(first) is not None

    def before_quote(self, raw: _Raw, limit: int) -> _Attribution | None:
        """A cue and speaker in the words before the opening mark."""
        toks = self.tokens(limit, raw.open_at)
        c = self.cues
        words = 0
        for k in range(len(toks) - 1, -1, -1):
            tok = toks[k]
            if _is_word(tok):
                words += 1
                if words > PRE_CUE_WORDS:
                    break
            for n in range(1, c.longest + 1):
                if k - n + 1 < 0:
                    break
                if " ".join(t.low for t in toks[k - n + 1 : k + 1]) in c.before:
                    who = self.phrase_right(toks, k + 1)
                    if who is not None:
                        cue = _span_text(toks, k - n + 1, n)
                        return _Attribution(who, cue, False, words)
            if tok.low in c.verbs or tok.low in c.after:
                who = self.phrase_left(toks, k)
                if who is None and k == 0:
                    who = self.phrase_right(toks, 1)  # "Said Ellis: “…”"
                if who is not None:
                    adjacent = all(not _is_word(t) for t in toks[k + 1 :])
                    return _Attribution(who, tok.text, adjacent, words)
        return self._colon(toks)

    def _colon(self, toks: list[_Tok]) -> _Attribution | None:
        """A name and a colon alone before a quote: ``Loekasjenko: „…”``."""
        if len(toks) < 2 or toks[-1].text != ":" or len(toks) > COLON_WORDS + 1:
            return None
        who = self.phrase_left(toks, len(toks) - 1)
        if who is None or who.start is None:
            return None
        words = [t for t in toks if _is_word(t)]
        named = any(
            e.start == words[0].start for e in self.entity_in(toks[0].start, toks[-1].start)
        )
        if not named and not all(_capital(t) and not self._function(t) for t in words):
            return None  # only a name may stand alone before the colon, not "The sign read:"
        return _Attribution(who, ":", True, 0)


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def _span_text(toks: list[_Tok], k: int, n: int) -> str:
    return " ".join(t.text for t in toks[k : k + n])


# --------------------------------------------------------------------------- public


def find_quotes(
    text: str, sentences: list[Sentence], entities: list[Entity], language: str
) -> list[Quote]:
    """Direct and indirect quotes of an article, each with its speaker when one is found.

    ``entities`` may be empty: speakers then come from capitalised names, pronouns and
    noun phrases. See the module docstring for every rule.
    """
    cues = load_cues(language)
    doc = _Doc(text, sentences, entities, cues, language)
    raws = _scan(text) if _MARKS.search(text) else []
    doc.quoted = [(r.open_at, r.close_at) for r in raws]
    doc.quoted_starts = [r.open_at for r in raws]

    attributions: list[_Attribution | None] = []
    for n, raw in enumerate(raws):
        _sent_lo, sent_hi = doc.sentence_of(raw.end)
        next_open = raws[n + 1].open_at if n + 1 < len(raws) else len(text)
        para_end = text.find("\n", raw.close_at)
        para_end = len(text) if para_end < 0 else para_end
        if sent_hi <= raw.close_at + 1 and text[raw.start : raw.end].rstrip()[-1:] in "?!":
            # "“Is it over?” Moore asked.": the splitter ends the sentence with the quote;
            # its cue is in the next one.
            sent_hi = doc.sentence_of(min(raw.close_at + 2, len(text) - 1))[1]
        limit = min(max(sent_hi, raw.close_at), next_open, para_end)
        if text[raw.close_at : raw.close_at + 3].lstrip()[:1] in _DASHES:
            limit = min(next_open, para_end, raw.close_at + 80)  # “…” ― Anna Petrova
        found = doc.after_quote(raw, limit) if raw.close_at < limit else None
        if found is None or found.distance > 1 or found.cue.lower() in cues.before:
            first_lo, _ = doc.sentence_of(raw.open_at)
            prev_close = raws[n - 1].close_at if n else 0
            para_start = text.rfind("\n", 0, raw.open_at) + 1
            before = doc.before_quote(raw, max(first_lo, prev_close, para_start))
            if before is not None and (
                found is None
                or before.distance < found.distance
                or (found.cue.lower() in cues.before and before.cue.lower() not in cues.before)
            ):
                found = before  # "X zei dat “…”, aldus het persbureau": the verb names X
        attributions.append(found)

    # share speakers: inside a multi-paragraph group, then within a paragraph
    by_group: dict[int, _Attribution] = {}
    for raw, found in zip(raws, attributions, strict=True):
        if found is not None and raw.group not in by_group:
            by_group[raw.group] = found
    quotes: list[Quote] = []
    for n, raw in enumerate(raws):
        found = attributions[n] or by_group.get(raw.group)
        own = attributions[n] is not None
        if found is None:
            found = _neighbour(text, raws, attributions, n)
        content = text[raw.start : raw.end]
        short = len(content.split()) <= SCARE_WORDS
        ending = content.rstrip("\"'”’»«")[-1:] + text[raw.close_at : raw.close_at + 1]
        sentence = content[:1].isupper() and any(ch in _SENTENCE_END for ch in ending)
        if short and not (own and found is not None and found.adjacent) and not sentence:
            continue
        if found is None:
            continue
        speaker = dataclasses.replace(found.speaker)  # no aliasing between quotes
        quotes.append(Quote(raw.start, raw.end, content, speaker, found.cue, True))
    quotes.extend(q for q in _indirect(doc, raws) if not _broken_speaker(q.speaker, language))
    quotes.extend(_labelled_lines(text, entities, quotes, cues))
    quotes.sort(key=lambda q: q.start)
    for quote in quotes:
        if quote.speaker is not None:
            doc.refer(quote.speaker)
    return quotes


_LABELLED_LINE = re.compile(r"^[\"“„«]?([^\W\d_][^\n:]{1,40}):[ \t]+(\S[^\n]*)", re.MULTILINE)


def _labelled_lines(text: str, entities: list[Entity], quotes: list[Quote], cues: Cues) -> list[Quote]:
    """A line that opens with a person or organisation and a colon gives them what follows
    ("Pat Caddell: Democrat voters worried …", a headline; "PENCE: We will …", a
    transcript). The label must be exactly a name the tagger found or a ``[labels]`` source
    ("Poll: Voters abandon …"), so "The Latest:" or "Correction:" give nothing. A
    transcript quoted as a block opens each line with a quote mark that no mark closes
    ('"PENCE: Well, …'); the mark is skipped. Lines that another quote mostly covers (a
    quotation in marks) are left alone, so what is found here is reported speech
    (``direct`` False)."""
    names = {(e.start, e.end): e for e in entities if e.label in ("PER", "ORG")}
    surnames = {e.text.split()[-1].casefold() for e in entities if e.label == "PER" and " " in e.text.strip()}
    lines = list(_LABELLED_LINE.finditer(text))
    labels = Counter(line.group(1) for line in lines)
    found = []
    for line in lines:
        entity = names.get((line.start(1), line.end(1)))
        start, end = line.start(2), line.end(2)
        while end > start and text[end - 1] in ".!? \t":
            end -= 1
        covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
        if end - start < 8 or covered > (end - start) / 2:
            continue
        if entity is not None:
            speaker = Speaker(entity.text, entity.start, entity.end, entity.entity_id)
        elif _transcript_label(line.group(1), labels, surnames) or line.group(1).lower() in cues.labels:
            speaker = Speaker(line.group(1), line.start(1), line.end(1))
        else:
            continue
        found.append(Quote(start, end, text[start:end], speaker, ":", False))
    return found


def _transcript_label(label: str, labels: Counter[str], surnames: set[str]) -> bool:
    """A transcript's speaker the tagger missed: a surname of a person the article names
    ("PENCE:", "Sanders:"), opening at least two lines when written in capitals ("UPDATE:"
    opens one). In a transcript (two labels in capitals, each opening two lines or more,
    one of them a surname the article names) the other is a speaker too: the host the
    article does not name ("WALLACE:" beside "PENCE:")."""
    if " " in label:
        return False
    if label.casefold() in surnames:
        return not label.isupper() or labels[label] >= 2
    voices = {k for k, n in labels.items() if n >= 2 and k.isupper() and " " not in k}
    return label in voices and len(voices) >= 2 and any(k.casefold() in surnames for k in voices)


def _broken_speaker(speaker: Speaker | None, language: str) -> bool:
    """A speaker that cannot be one: a phrase cut off at a word no phrase ends with ("one
    of the", "the wake of"), or a lone function or time word ("But", "Friday"). Without a
    speaker an indirect quote is only a clause, so it is dropped (on PolNeAR dev these were
    a fifth of the wrong indirect attributions)."""
    if speaker is None:
        return False
    words = _SPEAKER_WORD.findall(speaker.text.lower())
    if not words:
        return True
    language_data = lang.get(language)
    if words[-1] in language_data.dangling:
        return True
    if len(words) > 1:
        return False
    time = time_words(language)
    return (
        words[0] in load_cues(language).stop
        or words[0] in language_data.months
        or any(words[0] in time.words.get(day, {}) for day in WEEKDAYS)
    )


_SPEAKER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _neighbour(
    text: str, raws: list[_Raw], attributions: list[_Attribution | None], n: int
) -> _Attribution | None:
    """The attribution of the nearest attributed quote in the same paragraph, or of the
    quote that ends the previous paragraph when this quote opens its own paragraph and only
    the attribution of that quote stands between them ("…,” he said. / “…”)."""
    paragraph = raws[n].paragraph
    for k in range(n - 1, -1, -1):
        if raws[k].paragraph != paragraph:
            between = text[raws[k].close_at : raws[n].open_at]
            head, _, rest = between.partition("\n")
            if (
                attributions[k] is not None
                and not rest.strip()
                and len(head.split()) <= POST_CUE_WORDS
            ):
                return attributions[k]
            break
        found = attributions[k]
        if found is not None:
            return found
    for k in range(n + 1, len(raws)):
        if raws[k].paragraph != paragraph:
            break
        if attributions[k] is not None:
            return attributions[k]
    return None


# --------------------------------------------------------------------------- indirect


def _indirect(doc: _Doc, raws: list[_Raw]) -> list[Quote]:
    """Reported speech in sentences that hold no direct quote."""
    text = doc.text
    c = doc.cues
    out: list[Quote] = []
    starts = [r.open_at for r in raws]
    for sentence in doc.sentences:
        k = bisect.bisect_left(starts, sentence.start)
        if k > 0 and raws[k - 1].close_at > sentence.start:
            continue  # the sentence goes on a quote opened before it
        if not c.pattern.search(text, sentence.start, sentence.end):
            continue
        toks = doc.tokens(sentence.start, sentence.end)
        if len(toks) < 4:
            continue
        inside = [r for r in raws[k:] if r.open_at < sentence.end]
        for found in _reported(doc, toks, c, inside):
            if not _mostly_quoted(found, inside):
                out.append(found)
    return out


def _mostly_quoted(quote: Quote, raws: list[_Raw]) -> bool:
    """Whether a reported clause is mostly a direct quote already found (``He said: “…”``);
    a clause with a quoted phrase in it (``He said the plan was “dead”``) is not."""
    covered = sum(max(0, min(quote.end, r.close_at) - max(quote.start, r.open_at)) for r in raws)
    return covered >= MIXED_SHARE * (quote.end - quote.start)


def _reported(doc: _Doc, toks: list[_Tok], c: Cues, raws: list[_Raw]) -> list[Quote]:
    """The reported clause of a sentence with its speaker: one quote, or two pieces around a
    parenthetical cue ("The plan, he said, will fail")."""
    text = doc.text
    end = toks[-1].end if _is_word(toks[-1]) else toks[-1].start
    while end > toks[0].start and text[end - 1] in " .!?":
        end -= 1
    # according to X, <clause>
    n = _cue_at(toks, 0, c.before, c.longest, c.first_words)
    if n:
        comma = next((i for i in range(n, min(len(toks), n + NP_WORDS + 1)) if toks[i].text == ","), None)
        who = doc.phrase_right(toks, n, short=comma is None)
        if who is None and comma is not None:
            who = _bare_group(doc, toks[n:comma])  # "according to exit polls, …"
        if who is not None and who.end is not None:
            k = next((i for i, t in enumerate(toks) if t.start >= who.end), len(toks))
            if k < len(toks) and toks[k].text == ",":
                k += 1
            if k < len(toks) - 2:
                start = toks[k].start
                return [Quote(start, end, text[start:end], who, _span_text(toks, 0, n), False)]
    closing = _closing_cue(doc, toks, c)
    found = _governed(doc, toks, c, end)
    if (
        found is not None and closing is not None and found.start < closing.end
        and (found.cue or "").lower() not in c.verbs and not (closing.cue or "").lower().endswith("ing")
    ):
        return [closing]  # "Protocol called for …, sources said": the cue closing the sentence wins
    if found is not None:
        return [found]
    pieces = _parenthetical(doc, toks, c, end, raws)
    if pieces:
        return pieces
    return [closing] if closing is not None else []


def _closing_cue(doc: _Doc, toks: list[_Tok], c: Cues) -> Quote | None:
    """``<clause>, X said`` / ``<clause>, according to X``: the clause before the last comma,
    when a short cue clause without a reported clause of its own follows it."""
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    if not commas:
        return None
    k = commas[-1]
    tail = toks[k + 1 :]
    n = _cue_at(tail, 0, c.before, c.longest, c.first_words)
    longest = NP_WORDS + POST_CUE_WORDS if n else POST_CUE_WORDS
    if not 2 <= sum(1 for t in tail if _is_word(t)) <= longest or k < 4 or any(t.low in c.that for t in tail):
        return None
    who, cue = _tail_speaker(doc, tail, c)
    if who is None:
        return None
    start, stop = toks[0].start, toks[k].start
    return Quote(start, stop, doc.text[start:stop], who, cue, False)


def _tail_speaker(doc: _Doc, tail: list[_Tok], c: Cues) -> tuple[Speaker | None, str]:
    """The speaker and cue of a short cue clause: "according to X", "X said", "said X"."""
    n = _cue_at(tail, 0, c.before, c.longest, c.first_words)
    if n:
        return doc.phrase_right(tail, n) or _bare_group(doc, tail[n:]), _span_text(tail, 0, n)
    for j, t in enumerate(tail[:4]):
        if t.low in c.verbs and not doc.inside_quote(t.start, t.end):
            who = doc.phrase_left(tail, j) if j else doc.phrase_right(tail, j + 1)
            if who is None and j:
                who = _bare_group(doc, tail[:j])
            return who, t.text
    return None, ""


TOLD_WORDS = 8
"""Longest addressee between "told" and the clause it reports ("told a meeting of Pacific
Island leaders that …")."""
BARE_GROUP_WORDS = 3
"""Longest speaker without a name or determiner closing a clause: "…, experts say",
"…, according to federal officials"."""


def _group_before(doc: _Doc, toks: list[_Tok], k: int) -> Speaker | None:
    """A plural of people named without a determiner that opens the clause of the cue at
    ``k``: "…, critics say resources could …", "But experts say the sting …"."""
    j = k
    c = doc.cues
    while (
        j > 0 and k - j < BARE_GROUP_WORDS and _is_word(toks[j - 1]) and toks[j - 1].text.islower()
        and toks[j - 1].low not in c.stop and toks[j - 1].low not in c.that
    ):
        j -= 1
    if j == k or not toks[k - 1].low.endswith("s"):
        return None
    opener = toks[j - 1] if j > 0 else None
    if opener is not None and opener.text not in ",;:" and opener.low not in c.stop and opener.low not in c.that:
        return None
    return _bare_group(doc, toks[j:k])


def _bare_group(doc: _Doc, toks: list[_Tok]) -> Speaker | None:
    """A plural of people or sources named without a determiner, closing the sentence after
    a comma: "…, experts say", "…, according to police" (a speaker only in that place)."""
    words = [t for t in toks if _is_word(t)]
    while words and words[-1].low in doc.cues.skip:
        words.pop()  # "experts also say"
    rest = [t for t in toks if not _is_word(t)]
    if not 1 <= len(words) <= BARE_GROUP_WORDS or any(t.text not in ".!?" for t in rest):
        return None
    if any(not w.text.replace("-", "").isalpha() or not w.text.islower() or doc._function(w) or w.low in doc.cues.stop
           for w in words):
        return None
    return doc.speaker(words[0].start, words[-1].end)


def _governed(doc: _Doc, toks: list[_Tok], c: Cues, end: int) -> Quote | None:
    """``X said (…) that <clause>``, ``X said <clause>`` ([bare]), ``X vowed to <verb …>``
    ([infinitive]) and ``X called for <object>`` ([object])."""
    text = doc.text
    for k, tok in enumerate(toks):
        low = tok.low
        if doc.inside_quote(tok.start, tok.end) or (k and _capital(tok)):
            continue  # a verb of the quoted words, or a name ("the United States")
        if any(doc.inside_quote(t.start, t.end) for t in toks[max(0, k - 2) : k]):
            continue  # the cue of the direct quote before it ("“…”, sagte X")
        named = _named_as(doc, toks, k, end)
        if named is not None:
            return named
        if low in c.told:
            told = _told(doc, toks, k, end)
            if told is not None:
                return told
        if low not in c.clause_cues:
            n = _cue_at(toks, k, c.objects, c.longest, c.object_words)
            if not n:
                continue
        for gap in range(1, THAT_GAP + 2):
            if k + gap >= len(toks) - 2 or (low in c.objects and gap > 1):
                break
            that = toks[k + gap]
            word = that.low
            if word in c.that or ("'" in word and word.split("'")[0] + "'" in c.that):
                who = doc.phrase_left(toks, k) or (
                    doc.phrase_right(toks, k + 1) if gap > 1 else None
                )
                if who is None:
                    break
                start = that.end if word in c.that else that.start + word.index("'") + 1
                while start < end and not text[start].isalnum() and text[start] not in "\"“„«'‘":
                    start += 1
                if end - start < 10:
                    break
                return Quote(start, end, text[start:end], who, tok.text, False)
            if not _is_word(that) and that.text != ",":
                break
        n = _cue_at(toks, k, c.objects, c.longest, c.object_words) or (1 if low in c.bare or low in c.infinitive else 0)
        after = k + n + 1 if k + n < len(toks) and toks[k + n].text == "," else k + n
        follow = toks[after] if n and after + 2 < len(toks) else None
        if follow is None or not _is_word(follow):
            continue
        cue = _span_text(toks, k, n)
        if (
            low in c.bare
            and n == 1
            and not (
                follow.low in c.pronouns
                or re.split("['’]", follow.low)[0] in c.pronouns
                or follow.low in c.heads
                or _capital(follow)
                or follow.text[0].isdigit()
                or any(t.low in c.auxiliaries for t in toks[after + 1 : after + 1 + CLAUSE_AUXILIARY_WORDS])
            )
        ) and low not in c.infinitive:
            continue
        if low in c.infinitive and low not in c.bare and (low.endswith("ing") or follow.low not in c.to):
            continue  # "…, promising to lift": the subject is not the phrase before it
        if low in c.infinitive and follow.low in c.to and after + 1 < len(toks):
            follow = toks[after + 1]  # "vowed to punish" (content from the verb on)
        if follow.low in c.stop or follow.low in c.that:
            continue
        who = doc.phrase_left(toks, k) or _group_before(doc, toks, k)
        if who is not None and not who.text.endswith(("'s", "’s")):  # "Petrov said the plant would close" (no "that")
            return Quote(follow.start, end, text[follow.start : end], who, cue, False)
    return None


def _told(doc: _Doc, toks: list[_Tok], k: int, end: int) -> Quote | None:
    """``X told them he would …`` (an ``[addressees]`` word, then a pronoun, determiner or
    name opens the clause); ``X told a meeting of island leaders that <clause>``, ``X told
    the forum he was …``: the addressee is a noun phrase of up to ``TOLD_WORDS`` words
    without a comma, the clause opens with a ``[that]`` word, or with a pronoun and an
    auxiliary."""
    c = doc.cues
    if k + 2 < len(toks) and toks[k + 1].low in c.addressees:
        subject = toks[k + 2]
        if subject.low in c.pronouns or subject.low in c.heads or _capital(subject):
            who = doc.phrase_left(toks, k)
            if who is not None:
                return Quote(subject.start, end, doc.text[subject.start : end], who, toks[k].text, False)
    for j in range(k + 2, min(len(toks) - 2, k + 2 + TOLD_WORDS)):
        tok = toks[j]
        if not _is_word(tok) or doc.inside_quote(tok.start, tok.end):
            return None
        if tok.low in c.that:
            start = toks[j + 1].start
        elif tok.low in c.pronouns and toks[j + 1].low in c.auxiliaries:
            start = tok.start
        else:
            continue
        who = doc.phrase_left(toks, k)
        if who is None or end - start < 10:
            return None
        return Quote(start, end, doc.text[start:end], who, toks[k].text, False)
    return None


def _named_as(doc: _Doc, toks: list[_Tok], k: int, end: int) -> Quote | None:
    """``X called Y “Z”``: Y “Z” is what X says, when a quotation mark stands in it."""
    if toks[k].low not in doc.cues.named_as or k + 2 >= len(toks):
        return None
    start = toks[k + 1].start
    if not _MARKS.search(doc.text, start, end) or not _is_word(toks[k + 1]):
        return None
    who = doc.phrase_left(toks, k)
    if who is None:
        return None
    return Quote(start, end, doc.text[start:end], who, toks[k].text, False)


def _parenthetical(doc: _Doc, toks: list[_Tok], c: Cues, end: int, raws: list[_Raw]) -> list[Quote]:
    """``<A>, X said, <B>``: the two parts of the clause, with the speaker between them."""
    text = doc.text
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    for a, b in itertools.pairwise(commas):
        inner = toks[a + 1 : b]
        words = sum(1 for t in inner if _is_word(t))
        if not 2 <= words <= POST_CUE_WORDS or sum(1 for t in toks[:a] if _is_word(t)) < 2:
            continue
        if sum(1 for t in toks[b + 1 :] if _is_word(t)) < 3:
            continue
        if any(doc.inside_quote(t.start, t.end) for t in inner):
            continue
        who, cue = _tail_speaker(doc, inner, c)
        if who is None:
            continue
        first, second = toks[0].start, toks[b + 1].start
        pieces = [
            Quote(first, toks[a].start, text[first : toks[a].start], who, cue, False),
            Quote(second, end, text[second:end], dataclasses.replace(who), cue, False),
        ]
        if any(_mostly_quoted(piece, raws) for piece in pieces):
            return []  # the cue of a direct quote: what follows it is not its content
        return pieces
    return []
