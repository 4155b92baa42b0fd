"""Whether an event happened, is going on, is planned, called for, threatened, denied or
only possible — read from cue words near its trigger (``lang/<iso>/events.txt``) and from
the sentence's time expressions.

A cue counts when it stands in the trigger's clause, at most :data:`CUE_BEFORE` words
before it or :data:`CUE_AFTER` words after it (Dutch puts the verb last: "tot een staking
opgeroepen"). A negation must stand closer (:data:`NEGATION_BEFORE` / :data:`NEGATION_AFTER`).
Threats and calls are handled by :mod:`kronika.extract.events`, which merges them with the
act they govern; cue words of those sections that are no trigger themselves ("must") are
read here. The order: threatened, called_for, denied, hypothetical, planned, ongoing,
occurred.
"""

from __future__ import annotations

from datetime import date

from kronika.extract.lexicon import CLAUSE_MARKS, Lexicon, Match, Word
from kronika.model import Modality, Published, TimeExpression

CUE_BEFORE = 6
"""Words a cue may stand before its trigger; a language's ``[settings] cue_before`` overrides
it (German puts "seit Dienstag" first and the noun late: "Seit Dienstag harren … bei einer
Sitzblockade aus")."""
CUE_AFTER = 3
NEGATION_BEFORE = 3
NEGATION_AFTER = 2

GOVERNING = frozenset({"threatened", "called_for"})
"""Cues that only govern what follows them ("rejected an ultimatum" is no threat)."""

REPORTED_FUTURE = frozenset({"would", "zou", "zouden", "würde", "würden"})
"""Conditional auxiliaries that are a plain future after a reporting verb ("announced he
would talk" → planned) and a past after a perfect auxiliary ("would have won" → occurred)."""


def in_scope(words: list[Word], cue: int, trigger: int, before: int, after: int, lexicon: Lexicon) -> bool:
    """Whether a cue at word ``cue`` governs the trigger at word ``trigger``."""
    if cue == trigger:
        return False
    if cue < trigger and trigger - cue > before:
        return False
    if cue > trigger and cue - trigger > after:
        return False
    lo, hi = min(cue, trigger), max(cue, trigger)
    clause = lexicon.sets.get("clause", frozenset())
    return not any(w.form in CLAUSE_MARKS or w.form in clause for w in words[lo + 1 : hi])


def modality(
    words: list[Word],
    trigger: Match,
    cues: list[Match],
    lexicon: Lexicon,
    *,
    reported: bool,
    times: list[TimeExpression],
    published: Published | None,
    others: set[int] = frozenset(),  # type: ignore[assignment]
) -> Modality:
    """The modality of the event named by ``trigger``.

    ``reported``: a reporting verb stands before the trigger in the sentence. ``times``: the
    time expressions of the trigger's sentence. ``others``: where the sentence's other
    triggers stand: a cue governs only the nearest one ("a planned march was banned": the
    march is planned, the ban is not).
    """
    t = trigger.anchor
    near = [
        c for c in cues
        if not trigger.first <= c.anchor <= trigger.last
        and not any(min(c.anchor, t) < o < max(c.anchor, t) for o in others)
    ]
    sections = set()
    before = int(lexicon.settings.get("cue_before", CUE_BEFORE))
    for cue in near:
        c = cue.anchor
        if cue.section == "negation":
            if in_scope(words, c, t, NEGATION_BEFORE, NEGATION_AFTER, lexicon):
                sections.add("negation")
        elif in_scope(words, c, t, before, 0 if cue.section in GOVERNING else CUE_AFTER, lexicon):
            if cue.section == "hypothetical" and words[c].form in REPORTED_FUTURE:
                if _perfect_follows(words, c, t, lexicon):
                    continue
                if reported:
                    sections.add("planned")
                    continue
            sections.add(cue.section)
    if "threatened" in sections:
        return "threatened"
    if "called_for" in sections:
        return "called_for"
    if "denied" in sections or "negation" in sections:
        return "denied"
    if "hypothetical" in sections:
        return "hypothetical"
    if "planned" in sections or _future_date(_own_times(words, trigger, times, lexicon), published):
        return "planned"
    if "ongoing" in sections or _progressive(words, t, lexicon) or _attributive(words, trigger, lexicon):
        return "ongoing"
    return "occurred"


def _perfect_follows(words: list[Word], c: int, t: int, lexicon: Lexicon) -> bool:
    perfect = lexicon.sets.get("perfect", frozenset())
    return any(w.lemma in perfect for w in words[c + 1 : max(t, c + 3)])


def _progressive(words: list[Word], t: int, lexicon: Lexicon) -> bool:
    """A present progressive ("are striking"): an ``[ongoing]``-tense auxiliary right before an -ing form."""
    present = lexicon.sets.get("present", frozenset())
    return bool(present) and words[t].form.endswith("ing") and t > 0 and words[t - 1].form in present


def _attributive(words: list[Word], trigger: Match, lexicon: Lexicon) -> bool:
    """An inflected trigger right before an actor noun, at the start of a phrase (the first
    word, or after a function word or a number), describes a state: "striking nurses", "the
    jailed opposition leader", "stakende arbeiders"; after a subject it is a finite verb
    and its object ("police arrested protesters", "ОМОН задержал активистов")."""
    word = words[trigger.anchor]
    actors = lexicon.sets.get("actors", frozenset())
    before = words[trigger.first - 1] if trigger.first > 0 else None
    return (
        trigger.first == trigger.last and word.form != word.lemma
        and trigger.last + 1 < len(words) and words[trigger.last + 1].lemma in actors
        and (before is None or not before.form[:1].isalpha() or before.form in lexicon.sets.get("function", frozenset())
             or before.form[:1].isdigit())
    )


def _own_times(
    words: list[Word], trigger: Match, times: list[TimeExpression], lexicon: Lexicon
) -> list[TimeExpression]:
    """The sentence's times but those of a clause a ``[that]`` word opens after the trigger:
    they date what is reported ("announced on Monday that the runoff will be on 23 June":
    the announcement is not planned)."""
    that = lexicon.sets.get("that", frozenset())
    opener = next((w.start for w in words[trigger.last + 1:] if w.keys & that), None)
    return times if opener is None else [time for time in times if time.start < opener]


def _future_date(times: list[TimeExpression], published: Published | None) -> bool:
    """A date in the sentence after the day, week, month or year of publication."""
    if published is None or published.precision != "day":
        return False
    day = date.fromisoformat(published.date)
    year, week, _ = day.isocalendar()
    now = {"day": published.date, "week": f"{year}-W{week:02d}", "month": published.date[:7],
           "year": published.date[:4]}
    return any(time.kind == "date" and time.value > now[time.precision] for time in times)
