"""The arguments of an event mention: actors and targets, place, date, magnitudes, source.

Actors
    Candidates are the sentence's PER, ORG, LOC and MISC entities ("Iran threatened",
    "Hungarian officials") and phrases around the actor nouns of ``events.txt`` ("factory
    workers", "de politie", "workers of the Minsk Tractor Plant"). The subject is the nearest
    candidate before the trigger in its clause (else the one that opens the sentence, else —
    for verb-second languages — the first one after the trigger that no preposition
    governs). Verbs done *to* someone (arrest, attack, sanction, meet…) take the first
    candidate after them as target; a passive ("were arrested by police") swaps the roles;
    ``by``/``door`` marks an actor and ``against``/``tegen`` a target anywhere in the clause.

Place and date
    The place nearest to the trigger in its sentence, else the article's most named city or
    region (``place_from`` says which). The date is the sentence's time expression nearest
    to the trigger (the start of a period, "since 11 August", only when no date is given;
    never a date that dates another noun, "the August 9 elections"), else the publication
    date one step less precise (a day becomes its ISO week: the event was reported, not
    dated), with ``date_from`` saying which.

Magnitudes
    Quantities of the sentence by kind: people, protesters and workers are the
    ``participants`` of a protest; arrests, deaths and injuries go to the events that cause
    them; money to sanctions and aid. The nearest quantity of a kind wins.

Attribution
    The speaker of a quote that holds the trigger, else the source of "according to X" /
    "volgens X", else the subject of a reporting verb in the sentence ("X said").
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kronika.analyze.places import DEMONYM, NAME_PART, is_dateline
from kronika.analyze.quotes import load_cues
from kronika.extract.lexicon import CLAUSE_MARKS, Lexicon, Match, Word, crosses_mark
from kronika.model import Actor, Article, Entity, Magnitude, Place, Quantity, TimeExpression

ACTED_ON = frozenset({
    "COERCE", "ASSAULT", "SANCTION", "THREATEN", "ACCUSE", "DISAPPROVE", "CONSULT", "SUPPORT",
    "AID", "FIGHT", "DEMAND", "REJECT", "INVESTIGATE", "COOPERATE", "AGREE",
})
"""Types whose verb takes the one it is done to as object."""

OBJECT_WINDOW = 6
"""Words between a trigger and its object ("arrested two members of ...")."""
PASSIVE_WINDOW = 6
"""Words between a passive auxiliary and its participle ("werden maandag opgepakt")."""
MODIFIERS = 2
"""Words an actor noun phrase may take on its left ("French paper workers")."""

MAGNITUDE_KINDS = {
    "PROTEST": {"people": "participants", "protesters": "participants", "workers": "participants",
                "arrested": "arrested", "killed": "killed", "injured": "injured"},
    "COERCE": {"arrested": "arrested", "people": "arrested", "protesters": "arrested",
               "workers": "arrested", "killed": "killed", "injured": "injured"},
    "ASSAULT": {"killed": "killed", "injured": "injured", "people": "victims"},
    "FIGHT": {"killed": "killed", "injured": "injured"},
    "CONCEDE": {"arrested": "released", "people": "released", "protesters": "released"},
    "SANCTION": {"money": "money"},
    "AID": {"money": "money"},
}
"""Quantity kind → magnitude name, per event type."""


@dataclass(slots=True)
class Candidate:
    first: int
    last: int
    """Word indices (inclusive)."""
    start: int
    end: int
    entity_id: str | None = None
    label: str | None = None
    """The entity label; ``None`` for an actor-noun phrase."""


def candidates(
    article: Article, words: list[Word], lexicon: Lexicon, entities: Sequence[Entity] | None = None
) -> list[Candidate]:
    """Entity and actor-noun phrases of a sentence's words, in text order (``entities``: the
    article's that may lie in the sentence, default all)."""
    if not words:
        return []
    lo, hi = words[0].start, words[-1].end
    found: list[Candidate] = []
    index = {w.start: i for i, w in enumerate(words)}
    ends = {w.end: i for i, w in enumerate(words)}
    for entity in article.entities if entities is None else entities:
        if not (lo <= entity.start and entity.end <= hi and entity.start in index and entity.end in ends):
            continue
        if not is_dateline(article.text, entity.start, entity.end):  # "CAIRO —": where it was filed
            found.append(Candidate(
                index[entity.start], ends[entity.end], entity.start, entity.end, entity.entity_id, entity.label
            ))
    taken = {i for c in found for i in range(c.first, c.last + 1)}
    by_first: dict[int, Candidate] = {}
    for c in found:  # the entities by their first word, the first of each in order
        by_first.setdefault(c.first, c)
    nouns = lexicon.sets.get("actors", frozenset())
    function = lexicon.sets.get("function", frozenset())
    for i, word in enumerate(words):
        if i in taken or word.lemma not in nouns:
            continue
        first = i
        while (
            first > 0 and i - first < MODIFIERS and words[first - 1].form[:1].isalpha()
            and words[first - 1].form not in function and words[first - 1].lemma not in function
            and (first - 1) not in taken and not _is_event_word(words[first - 1], lexicon)
        ):
            first -= 1
        last = i
        after = _following_entity(found, by_first, i)
        if after is not None:
            last = after.last
        found.append(Candidate(first, last, words[first].start, words[last].end, after.entity_id if after else None))
        taken.update(range(first, last + 1))
    found.sort(key=lambda c: c.first)
    return _outermost(found)


def _following_entity(found: list[Candidate], by_first: dict[int, Candidate], i: int) -> Candidate | None:
    """An entity after "of/from/at (the)" right behind word ``i`` ("workers of X"): of
    those starting 2 or 3 words after it, the first in ``found``."""
    near = [c for c in (by_first.get(i + 2), by_first.get(i + 3)) if c is not None]
    return min(near, key=found.index) if len(near) == 2 else near[0] if near else None


def _outermost(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in found:
        if kept and c.first <= kept[-1].last:
            if c.last > kept[-1].last:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


def _is_event_word(word: Word, lexicon: Lexicon) -> bool:
    return bool(word.keys & lexicon.sets.get("triggers", frozenset()))


def actors(
    article: Article, words: list[Word], trigger: Match, event_type: str,
    found: list[Candidate], lexicon: Lexicon,
) -> list[Actor]:
    """Actors and targets of the event named by ``trigger`` (see the module docstring)."""
    text = article.text
    usable = [c for c in found if c.last < trigger.first or c.first > trigger.last]
    before = [c for c in usable if c.last < trigger.first]
    after = [c for c in usable if c.first > trigger.last]
    agent = lexicon.sets.get("agent", frozenset())
    against = lexicon.sets.get("against", frozenset())
    roles: dict[int, str] = {}

    def preposition(c: Candidate) -> str | None:
        for k in range(c.first - 1, max(c.first - 3, -1), -1):
            form = words[k].form
            if form in agent:
                return "agent"
            if form in against:
                return "against"
            if form.isalpha() and form not in lexicon.sets.get("function", frozenset()):
                return None
        return None

    passive = _passive(words, trigger, lexicon)
    same_clause_before = [c for c in before if not crosses_mark(words, c.last, trigger.first)]
    subject = same_clause_before[-1] if same_clause_before else (before[0] if before and before[0].first == 0 else None)
    clause_after = [c for c in after if not crosses_mark(words, trigger.last, c.first)]
    if subject is None:
        free = [c for c in clause_after[:1] if preposition(c) is None]
        subject = free[0] if free and event_type not in ACTED_ON else None
    if subject is not None:
        roles[id(subject)] = "target" if passive else "actor"
    for c in clause_after:
        if c is subject:
            continue
        kind = preposition(c)
        if kind == "agent":
            roles[id(c)] = "actor"
        elif kind == "against" or (
            event_type in ACTED_ON and not passive and c.first - trigger.last <= OBJECT_WINDOW
            and "target" not in roles.values()
        ):
            roles[id(c)] = "target"
    result = []
    for c in usable:
        role = roles.get(id(c))
        if role:
            result.append(Actor(text[c.start : c.end], role, c.entity_id))
    return result


def _passive(words: list[Word], trigger: Match, lexicon: Lexicon) -> bool:
    aux = lexicon.sets.get("passive", frozenset())
    t = trigger.anchor
    word = words[t]
    if word.form == word.lemma or word.form.endswith("ing"):
        return False
    for k in range(t - 1, max(t - 1 - PASSIVE_WINDOW, -1), -1):
        if words[k].form in CLAUSE_MARKS:
            return False
        if words[k].lemma in aux:
            return True
    return False


def place(
    article: Article, start: int, end: int, at: int
) -> tuple[Place | None, Literal["sentence", "article"] | None]:
    """The place of an event whose trigger is at ``at`` in the sentence ``start:end``."""
    inside = [p for p in article.places if start <= p.start and p.end <= end]
    # A dateline's place ("CAIRO —") is where the report was filed: the article's place
    # when the sentence names no other, never the sentence's own.
    # Nor is a people's adjective ("Indian" in a report on a protest in Brazil).
    # Nor a continent ("across Europe"): no place that ties a mention to one occurrence.
    named = [
        p for p in inside
        if p.feature != DEMONYM and p.country and not is_dateline(article.text, p.start, p.end)
    ]
    # A city in an organisation's name ("Minsk Tractor Works") is its seat: the event's
    # place only when the sentence names no place of its own.
    named = [p for p in named if p.feature != NAME_PART] or named
    if named:
        return min(named, key=lambda p: abs(p.start - at)), "sentence"
    main = main_place(article)
    return (main, "article") if main else (None, None)


def main_place(article: Article) -> Place | None:
    """The city or region the article names most (first named wins a tie)."""
    local = [p for p in article.places if p.precision in ("city", "region") and p.country]  # no continent
    local = [p for p in local if p.feature != NAME_PART] or local
    if not local:
        return None
    counts = Counter(p.name for p in local)
    best = max(counts.values())
    return next(p for p in local if counts[p.name] == best)


def date(
    article: Article, times: list[TimeExpression], at: int, articles: frozenset[str] = frozenset()
) -> tuple[TimeExpression | None, Literal["sentence", "published"] | None]:
    """The date of an event whose trigger is at ``at`` (see the module docstring)."""
    times = [t for t in times if not _attributive(article.text, t, at, articles)]
    dated = [t for t in times if t.kind == "date"] or [t for t in times if t.kind == "since"]
    if dated:
        return min(dated, key=lambda t: abs(t.start - at)), "sentence"
    published = article.published
    if published is None:
        return None, None
    if published.precision == "day":
        day = datetime.date.fromisoformat(published.date)
        year, week, _ = day.isocalendar()
        return TimeExpression(0, 0, "", f"{year}-W{week:02d}", "week"), "published"
    return TimeExpression(0, 0, "", published.date, published.precision), "published"


def _attributive(text: str, time: TimeExpression, at: int, articles: frozenset[str]) -> bool:
    """A date between an article and another noun dates that noun, not the event: "the
    August 9 presidential elections" (unless the trigger is the noun: "the August 9 protest")."""
    before = text[max(0, time.start - 12) : time.start].split()
    if not before or before[-1].lower() not in articles:
        return False
    after = text[time.end : time.end + 2]
    if len(after) < 2 or not after[0].isspace() or not after[1].isalpha() or not after[1].islower():
        return False
    return not time.end < at <= time.end + ATTRIBUTIVE_REACH


ATTRIBUTIVE_REACH = 30
"""Characters after an attributive date within which the trigger counts as the dated noun
("the August 9 presidential election protests")."""


def magnitudes(quantities: list[Quantity], event_type: str, at: int) -> dict[str, Magnitude]:
    kinds = MAGNITUDE_KINDS.get(event_type, {})
    nearest: dict[str, Quantity] = {}
    for q in quantities:
        name = kinds.get(q.kind or "")
        if name and (name not in nearest or abs(q.start - at) < abs(nearest[name].start - at)):
            nearest[name] = q
    result = {}
    for name, q in nearest.items():
        low = q.low if q.low is not None else q.value
        high = q.high if q.high is not None else (q.value if q.low is None else None)
        result[name] = Magnitude(low, high, q.text)
    return result


def attribution(
    article: Article, words: list[Word], at: int, found: list[Candidate], lexicon: Lexicon
) -> str | None:
    """Who the sentence attributes the event to, if anyone (see the module docstring)."""
    for quote in article.quotes:
        if quote.start <= at < quote.end and quote.speaker is not None:
            return quote.speaker.text
    cues = load_cues(lexicon.language)
    text = article.text
    for i, word in enumerate(words):
        if word.form in cues.first_words:
            phrase = " ".join(w.form for w in words[i : i + cues.longest])
            if any(phrase.startswith(cue) for cue in cues.before):
                source = next((c for c in found if i < c.first <= i + cues.longest + 1), None)
                if source is not None:
                    return text[source.start : source.end]
    for i, word in enumerate(words):
        if word.form in cues.verbs and word.start > at:
            previous = [c for c in found if c.last < i and i - c.last <= 2]
            if previous:
                return text[previous[-1].start : previous[-1].end]
            following = [c for c in found if c.first > i and c.first - i <= 2]
            if following:
                return text[following[0].start : following[0].end]
    return None
