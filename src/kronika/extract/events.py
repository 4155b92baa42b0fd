"""Event mentions: every sentence that reports a political event yields typed, modal mentions.

Per sentence:

1. The words are lemmatised and matched against the language's ``events.txt``
   (:mod:`kronika.extract.lexicon`). Overlapping trigger matches keep the longest ("general
   strike" over "strike", "air strike" over "strike"); a ``-`` entry ("stock rally") removes
   what it covers. Triggers inside a time expression ("March 3") or a name ("Amnesty
   International", "State Department") are dropped.
2. A threat, a call or a denial that governs another trigger merges with it: "threatened a
   crackdown" is one THREATEN of mode ``restrict`` (the threatened act), "called for a
   general strike" one PROTEST/general_strike ``called_for``, "denied beating" one ASSAULT
   ``denied``. Alone they are THREATEN, DEMAND and REJECT events. Reversals replace the
   act they govern: "lifted the curfew" and "called off the strike" are CONCESSIONs,
   "cancelled a visit" and "suspended aid" SANCTIONs, "prevented a march" COERCE.
3. A negated agreement or concession is a refusal: "wil … geen nieuwe verkiezingen
   accepteren", "no intention of stepping down" are REJECT.
4. A sentence keeps one mention per (type, mode); STATEMENT is only kept when the sentence
   reports nothing else ("X said the plant was closed" is attribution, not an event).
5. Modality (:mod:`kronika.extract.modality`) and arguments (:mod:`kronika.extract.arguments`)
   complete each mention; :func:`kronika.ontology.acled_code` gives its ACLED codes.
6. Specificity (:mod:`kronika.extract.specificity`) says whether it reports one particular
   occurrence, or is a headline, background, generic, habitual, an opinion or a reporting verb.

``confidence`` is a documented heuristic, not a calibrated probability: it starts at
:data:`BASE_CONFIDENCE` and grows with each argument found in the sentence itself.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from kronika import ontology
from kronika.extract import arguments, specificity
from kronika.extract.demands import DEMANDING_TYPES, mention_demands
from kronika.extract.gate import gate_note
from kronika.extract.lexicon import Lexicon, Match, Word, load
from kronika.extract.modality import in_scope, modality
from kronika.lang import capabilities
from kronika.model import Article, Entity, EventMention, Modality, Sentence, Span

BASE_CONFIDENCE = 0.5
ARGUMENT_CONFIDENCE = {"actor": 0.15, "place": 0.1, "date": 0.1, "magnitude": 0.05}
AMBIGUOUS_PENALTY = 0.1
"""Taken off for a one-word trigger that is also an everyday word (its lexicon line has a mode-less type)."""

MODALITY_SECTIONS = frozenset({
    "threatened", "called_for", "denied", "negation", "hypothetical", "planned", "ongoing",
    "reversed", "prevented",
})
TRIGGER_SECTION = frozenset({"triggers"})
MERGING = {"threatened": "THREATEN", "called_for": "DEMAND", "denied": "REJECT"}
"""Cue sections whose words are also triggers of these types, merged with the act they govern."""
REVERSING = frozenset({"reversed", "prevented"})
"""Cue sections that turn the act they govern into another event: lifting a curfew is a
concession, cancelling a visit a sanction, preventing a march repression."""
GOVERNED_WINDOW = 12
"""Words between a cue and the act it governs after it ("threatened to bring in ... a
crackdown"). An act before its cue is governed only inside a cue phrase ("tot een
algemene staking opgeroepen")."""
DEMANDED_OF_TARGET = ontology.COOPERATIVE - {"CONSULT"}
"""Acts a call asks of its target ("demanded his resignation"): the call stays a DEMAND."""
TURNS_TO_REJECT = frozenset({"AGREE", "CONCEDE", "SUPPORT"})
VERBAL = frozenset({"STATEMENT"})


@dataclass(slots=True)
class _Trigger:
    match: Match
    type: str
    mode: str | None
    modality: Modality | None = None


def find_events(article: Article, *, gate: bool = True) -> list[EventMention]:
    """The event mentions of an analysed article, in text order; none, with a note on the
    article, when the article gate (:mod:`kronika.extract.gate`) finds it is not political
    news (``gate=False`` reads them anyway), or its language has no event lexicon."""
    lexicon = load(article.language)
    if lexicon is None:
        article.notes.append(capabilities.note("events", article.language))
        return []
    events: list[EventMention] = []
    blocked = [(t.start, t.end) for t in article.times]
    # a name blocks the triggers inside it; where every noun is capitalised (German) a
    # one-word "name" that is a trigger is more often the tagger's mistake ("Hungerstreik")
    one_word_ok = lexicon.settings.get("nouns") == "capitalised"
    blocked += [
        (e.start, e.end) for e in article.entities
        if e.label != "MISC" and not (one_word_ok and " " not in e.text.strip())
    ]
    sentences = [lexicon.words(article.text, s.start, s.end) for s in article.sentences]
    note = gate_note(sentences, lexicon) if gate else None
    if note is not None:
        article.notes.append(note)
        return []
    blocked.sort()
    starts = [start for start, _ in blocked]
    entities = sorted(article.entities, key=lambda e: e.start)
    entity_starts = [e.start for e in entities]
    named = specificity.named_ids(article)
    for sentence, words in zip(article.sentences, sentences, strict=True):
        if words:
            # Names and times lie inside one sentence: those that start in it can block.
            inside = blocked[bisect.bisect_left(starts, sentence.start): bisect.bisect_left(starts, sentence.end)]
            own = entities[
                bisect.bisect_left(entity_starts, sentence.start) : bisect.bisect_left(entity_starts, sentence.end)
            ]
            events.extend(_sentence_events(article, sentence, words, lexicon, inside, events, own, named))
    _add_demands(article, events, {s.start: words for s, words in zip(article.sentences, sentences, strict=True)})
    return events


def _add_demands(article: Article, events: list[EventMention], words: dict[int, list[Word]]) -> None:
    """Each protest or demand mention's demands: those of its sentence; for a protest whose
    sentence states none, those of the next sentence when that one reports no protest of
    its own ("Thousands struck on Monday. They demand new elections.")."""
    by_sentence: dict[int, list[EventMention]] = {}
    for event in events:
        if event.type in DEMANDING_TYPES:
            by_sentence.setdefault(event.sentence.start, []).append(event)
    protests = {start for start, mentions in by_sentence.items() if any(m.type == "PROTEST" for m in mentions)}
    for start, mentions in by_sentence.items():
        end = mentions[0].sentence.end
        found = mention_demands(article.text, start, end, article.language, words.get(start))
        if not found and start in protests:
            later = [s for s in article.sentences if s.start >= end][:1]
            if later and later[0].start not in protests:
                found = mention_demands(
                    article.text, later[0].start, later[0].end, article.language, words.get(later[0].start)
                )
        for mention in mentions:
            mention.demands = list(found)


def _sentence_events(
    article: Article, sentence: Sentence, words: list[Word], lexicon: Lexicon,
    blocked: list[tuple[int, int]], earlier: list[EventMention], entities: list[Entity], named: frozenset[str],
) -> list[EventMention]:
    triggers = _triggers(lexicon.matches(words, TRIGGER_SECTION), words, blocked, lexicon)
    if not triggers:
        return []  # most sentences: their cue words are not read
    matches = lexicon.matches(words, MODALITY_SECTIONS)
    counts = (
        [(q.start, q.end) for q in article.quantities if sentence.start <= q.start < sentence.end]
        if any(m.section == "negation" for m in matches) else []
    )
    cues = [m for m in matches if not (m.section == "negation" and _inside(words[m.anchor], counts))]
    triggers = _merge_governed(triggers, cues, words, lexicon)
    triggers = _one_per_kind(triggers)
    times = [t for t in article.times if sentence.start <= t.start and t.end <= sentence.end]
    quantities = [q for q in article.quantities if sentence.start <= q.start and q.end <= sentence.end]
    found = arguments.candidates(article, words, lexicon, entities)
    statement_words = {i for t in triggers if t.type in VERBAL for i in range(t.match.first, t.match.last + 1)}
    mentions: list[EventMention] = []
    for trigger in triggers:
        match = trigger.match
        at = words[match.anchor].start
        reported = any(i < match.first for i in statement_words)
        others = {t.match.anchor for t in triggers if t is not trigger}
        mood = trigger.modality or modality(
            words, match, cues, lexicon, reported=reported, times=times, published=article.published,
            others=others,
        )
        event_type, mode = trigger.type, trigger.mode
        if mood == "denied" and event_type in TURNS_TO_REJECT:
            event_type, mode, mood = "REJECT", None, "occurred"
        if mood == "threatened" and event_type != "THREATEN":
            event_type, mode = "THREATEN", ontology.threat_mode(event_type, mode)
        if event_type == "THREATEN" and mood in ("occurred", "ongoing", "planned", "hypothetical"):
            mood = "threatened"
        if event_type == "PROTEST" and _for_those_in_power(words, match, found, lexicon):
            mode = "rally"
        place, place_from = arguments.place(article, sentence.start, sentence.end, at)
        date, date_from = arguments.date(article, times, at, lexicon.sets.get("articles", frozenset()))
        actors = arguments.actors(article, words, match, event_type, found, lexicon)
        sizes = arguments.magnitudes(quantities, event_type, at)
        confidence = BASE_CONFIDENCE
        confidence += ARGUMENT_CONFIDENCE["actor"] if actors else 0.0
        confidence += ARGUMENT_CONFIDENCE["place"] if place_from == "sentence" else 0.0
        confidence += ARGUMENT_CONFIDENCE["date"] if date_from == "sentence" else 0.0
        confidence += ARGUMENT_CONFIDENCE["magnitude"] if sizes else 0.0
        if len(match.entry.words) == 1 and trigger.mode is None:
            confidence -= AMBIGUOUS_PENALTY
        start, end = words[match.first].start, words[match.last].end
        mention = EventMention(
            id=f"{article.id}-e{len(earlier) + len(mentions) + 1}",
            type=event_type,
            mode=mode,
            modality=mood,
            trigger=Span(start, end, article.text[start:end]),
            sentence=Span(sentence.start, sentence.end, article.text[sentence.start : sentence.end]),
            actors=actors,
            place=place,
            place_from=place_from,
            date=date,
            date_from=date_from,
            magnitudes=sizes,
            attribution=arguments.attribution(article, words, at, found, lexicon),
            acled=ontology.acled_code(event_type, mode, _conditions(event_type, triggers)),
            confidence=round(min(confidence, 1.0), 2),
        )
        mention.specificity, mention.anchors = specificity.classify(
            article, mention, words, match, lexicon, earlier + mentions, named
        )
        mentions.append(mention)
    return mentions


SUPPORT_WINDOW = 3
"""Words between a protest and the ruler it supports ("a demonstration for his regime")."""


def _for_those_in_power(words: list[Word], trigger: Match, found: list[arguments.Candidate], lexicon: Lexicon) -> bool:
    """A protest *for* a government, its leader or regime: a pro-government rally."""
    support = lexicon.sets.get("support", frozenset())
    power = lexicon.sets.get("power", frozenset())
    t = trigger.anchor
    if any(power & {part for part in w.form.split("-")} and w.form.split("-")[0] in support
           for w in words[max(t - SUPPORT_WINDOW, 0) : t]):
        return True  # "pro-government rally"
    for k in range(trigger.last + 1, min(trigger.last + 1 + SUPPORT_WINDOW, len(words))):
        if words[k].form in support:
            after = words[k + 1 : k + 1 + SUPPORT_WINDOW]
            if any(w.lemma in power for w in after):
                return True
            return any(c.label == "PER" and k < c.first <= k + 2 for c in found)
    return False


def _modifies_actor(words: list[Word], m: Match, lexicon: Lexicon) -> bool:
    """A bare noun between a determiner and an actor noun names no event: "the protest
    leaders", "a strike committee" (but "could boycott parliament" is a verb)."""
    word = words[m.anchor]
    function = lexicon.sets.get("function", frozenset())
    return (
        m.first == m.last and word.form == word.lemma and m.last + 1 < len(words)
        and words[m.last + 1].lemma in lexicon.sets.get("actors", frozenset())
        and (m.first == 0 or words[m.first - 1].form in function)
    )


def _name_or_month(words: list[Word], m: Match, lexicon: Lexicon, title_case: bool) -> bool:
    """A one-word trigger written with a capital inside a sentence of lower-case words is a
    name or a month ("matches March 1-2", "March bonds"), where nouns are not capitalised
    (``[settings] nouns = capitalised`` says they are, as in German)."""
    if len(m.entry.words) > 1 or m.anchor == 0 or not words[m.anchor].capital:
        return False
    if not words[m.anchor - 1].form[:1].isalnum():
        return False  # after a dateline's dash, a colon or a quotation mark: a first word
    return not title_case and lexicon.settings.get("nouns") != "capitalised"


def _title_case(words: list[Word]) -> bool:
    """Are at least half the words written with a capital (a title-case headline)?"""
    capitals = sum(w.capital for w in words if w.form[:1].isalpha())
    return capitals * 2 >= sum(1 for w in words if w.form[:1].isalpha())


def _inside(word: Word, spans: list[tuple[int, int]]) -> bool:
    """Is the word part of one of the spans (a negation inside a count, "не менее 50",
    "nie mniej niż 40", negates nothing)?"""
    return any(start <= word.start and word.end <= end for start, end in spans)


def _people(words: list[Word], m: Match, lexicon: Lexicon) -> bool:
    """Where nouns are capitalised, a one-word trigger written with a capital inside a
    sentence whose lemma is an ``[actors]`` word names people, not an act: "für die
    Streikenden demonstriert" (the strikers; "die streikenden Arbeiter" is a strike)."""
    word = words[m.anchor]
    return (
        lexicon.settings.get("nouns") == "capitalised" and len(m.entry.words) == 1 and m.anchor > 0
        and word.capital and word.lemma in lexicon.sets.get("actors", frozenset())
    )


def _triggers(
    matches: list[Match], words: list[Word], blocked: list[tuple[int, int]], lexicon: Lexicon
) -> list[_Trigger]:
    """Non-overlapping trigger matches, longest first, then in text order; a form's entry
    before its lemma's, and only where the sentence gives the entry its sense."""
    own_forms = {m.anchor for m in matches if m.by_form}
    title_case = _title_case(words) if any(words[m.anchor].capital for m in matches) else False
    matches = [
        m for m in matches
        if (m.by_form or len(m.entry.words) > 1 or m.anchor not in own_forms)
        and m.entry.sense_holds(words, m.first, m.last)
        and not _name_or_month(words, m, lexicon, title_case)
        and not _people(words, m, lexicon)
    ]
    ranked = sorted(matches, key=lambda m: (-len(m.entry.words), -(m.last - m.first), m.first))
    taken: set[int] = set()
    kept: list[Match] = []
    starts = [s for s, _ in blocked]  # blocked is sorted by start
    reach = list(itertools.accumulate((e for _, e in blocked), max))  # the furthest end so far
    for m in ranked:
        span = set(range(m.first, m.last + 1))
        if span & taken:
            continue
        start, end = words[m.anchor].start, words[m.anchor].end
        last = bisect.bisect_right(starts, start) - 1  # the spans starting at or before the word
        if last >= 0 and reach[last] >= end:
            continue
        taken |= span
        kept.append(m)
    result = []
    for m in sorted(kept, key=lambda m: m.anchor):
        if m.entry.value == "-" or _modifies_actor(words, m, lexicon):
            continue
        event_type, _, mode = m.entry.value.partition(" ")
        result.append(_Trigger(m, event_type, mode.strip() or None))
    return result


def _merge_governed(
    triggers: list[_Trigger], cues: list[Match], words: list[Word], lexicon: Lexicon
) -> list[_Trigger]:
    """Fold a threat, call or denial into the act it governs (see the module docstring)."""
    merged: list[_Trigger] = []
    consumed: set[int] = set()
    for cue in cues:
        reversing = cue.section in REVERSING
        if cue.section not in MERGING and not reversing:
            continue
        heads = [t for t in triggers if cue.first <= t.match.anchor <= cue.last and id(t) not in consumed]
        if reversing and (any(len(t.match.entry.words) > 1 for t in heads) or _listed(words, cue, lexicon)):
            continue
        if not reversing and not any(t.type == MERGING[cue.section] for t in heads):
            continue
        acts = [
            t for t in triggers
            if all(t is not h for h in heads) and id(t) not in consumed and t.type not in MERGING.values()
            and t.type not in VERBAL and _governs(words, cue, t.match.anchor, lexicon)
        ]
        if not acts:
            continue
        act = min(acts, key=lambda t: abs(t.match.anchor - cue.anchor))
        consumed.add(id(act))
        consumed.update(id(t) for t in heads)
        if reversing:
            merged.append(_Trigger(cue, _reversal(cue.section, act.type), None))
        elif cue.section == "threatened":
            merged.append(_Trigger(cue, "THREATEN", ontology.threat_mode(act.type, act.mode), "threatened"))
        elif cue.section == "called_for" and act.type in DEMANDED_OF_TARGET:
            head = next(t for t in heads if t.type == "DEMAND")
            merged.append(_Trigger(head.match, "DEMAND", None))
        elif cue.section == "denied" and act.type in TURNS_TO_REJECT:
            head = next(t for t in heads if t.type == "REJECT")
            merged.append(_Trigger(head.match, "REJECT", None))
        else:
            mood: Modality = "called_for" if cue.section == "called_for" else "denied"
            merged.append(_Trigger(act.match, act.type, act.mode, mood))
    kept = [t for t in triggers if id(t) not in consumed] + merged
    return sorted(kept, key=lambda t: t.match.anchor)


def _governs(words: list[Word], cue: Match, at: int, lexicon: Lexicon) -> bool:
    """Does a threat, call or denial govern the act at word ``at``: inside its phrase, or
    after it in its clause, or in the clause a comma and a ``[that]`` word open right after
    it ("bestritt, dass Polizisten geschossen hätten", "отрицает, что избивали")?"""
    if cue.first < at < cue.last:
        return True
    if at <= cue.last:
        return False
    if in_scope(words, cue.last, at, GOVERNED_WINDOW, 0, lexicon):
        return True
    that = lexicon.sets.get("that", frozenset())
    comma = cue.last + 1
    return (
        comma + 1 < at and words[comma].form == "," and bool(words[comma + 1].keys & that)
        and in_scope(words, comma + 1, at, GOVERNED_WINDOW, 0, lexicon)
    )


def _listed(words: list[Word], cue: Match, lexicon: Lexicon) -> bool:
    """A reversal cue right before a ``[coordinators]`` word is an item of a list ("cost cuts
    and labour concessions"), not the verb of the act after it."""
    after = cue.last + 1
    return after < len(words) and words[after].form.lower() in lexicon.sets.get("coordinators", frozenset())


def _reversal(section: str, act_type: str) -> str:
    """Ending repression or a protest is a concession; ending cooperation is a sanction;
    preventing anything is repression."""
    if section == "prevented":
        return "COERCE"
    return "SANCTION" if act_type in ontology.COOPERATIVE else "CONCEDE"


def _one_per_kind(triggers: list[_Trigger]) -> list[_Trigger]:
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for t in triggers:
        if (t.type, t.mode) not in seen:
            seen.add((t.type, t.mode))
            kept.append(t)
    if any(t.type not in VERBAL for t in kept):
        kept = [t for t in kept if t.type not in VERBAL]
    return kept


def _conditions(event_type: str, triggers: list[_Trigger]) -> list[str]:
    """ACLED conditions a sentence shows: a protest the police broke up or shot at."""
    if event_type != "PROTEST":
        return []
    types = {t.type for t in triggers if t.modality in (None, "occurred")}
    conditions = []
    if types & {"COERCE"}:
        conditions.append("intervention")
    if types & {"ASSAULT"}:
        conditions += ["intervention", "excessive_force"]
    return conditions

