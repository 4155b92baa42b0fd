"""Strike records: one per workplace, over all its days and sources, as strike trackers code them.

Built from the linked store: every specific canonical strike event (an episode of a
strike, :mod:`kronika.link.events`) is read again in its sources' sentences for

- the **workplace**: a workplace word of ``[workplaces]`` ("plant", "mijn", "Werk") gives
  its kind; the organisation named in the same sentences (not a union, not an authority)
  is the enterprise and employer; a ``[state_owned]`` word says whose it is; the event's
  city is the place;
- the **union**: an organisation whose name holds a ``[unions]`` word;
- the **sector**: from the workplace kind (:data:`KIND_SECTORS`) or the strikers'
  ``[sectors]`` noun ("miners");
- the **status over time**: every sentence of its sources that names a strike
  (``[strike]``) and a change (``[status]``: called, started, spreading, suspended,
  resumed, ended, broken, won, lost), dated by the sentence's own date or else the
  publication day, each change with the sources that report it.

Strike events at one workplace (the same enterprise in the same city; or, where no source
names the enterprise, the same kind of workplace in the same city) within
:data:`SAME_STRIKE_DAYS` are one strike: a strike suspended and resumed is one record
with two episodes. The worker count is reconciled from every source's claim
(:func:`kronika.link.claims.reconcile_counts`), the claims kept side by side. Repression
is the arrests, assaults and threats inside its episodes, plus the events at its
enterprise during it. A general strike call links the workplace strikes of its country
that start within :data:`CALL_FOLLOW_DAYS` after it.

The words are in ``lang/<iso>/strikes.txt`` (sections documented in ``lang/en/strikes.txt``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kronika.analyze.places import DEMONYM
from kronika.extract.lexicon import CLAUSE_MARKS, Lexicon, Word, load
from kronika.link.claims import reconcile_counts
from kronika.model import (
    Article,
    CanonicalEvent,
    Demand,
    Entity,
    EventMention,
    Place,
    StatusChange,
    StatusSource,
    Strike,
    date_span,
    short_hash,
)

if TYPE_CHECKING:
    from kronika.store import Store

STRIKE_MODES = frozenset({"strike", "general_strike"})
REPRESSION_TYPES = frozenset({"COERCE", "ASSAULT", "THREATEN"})
SAME_STRIKE_DAYS = 90
"""Strike episodes at one workplace this close (in days) are one strike (a pause of weeks)."""
CALL_FOLLOW_DAYS = 14
"""A general strike call links the workplace strikes that start within this many days after it."""
ENDED = frozenset({"ended", "broken", "won", "lost"})
STATUS_RANK = ("broken", "won", "lost", "ended", "suspended", "resumed", "spreading", "started", "called")
"""When one sentence names several changes, the first of this order is its change ("the
strike, which began on Monday, was suspended" is a suspension)."""
NEAR_WORKPLACE = 40
"""An organisation counts as the enterprise struck only this close (in characters) to a
workplace word ("Hradex's main plant", "de fabriek van Hradex")."""
STATUS_WINDOW = 5
"""A status word counts within this many words of a word naming the strike."""
NEGATION_WINDOW = 5
"""Words before a status word where a negation cancels it ("would not suspend the strike")."""
INTENT_SECTIONS = ("hypothetical", "planned", "threatened", "called_for")
"""Sections of ``events.txt`` whose words before a status word make it an intent, not a change."""
KIND_SECTORS = {
    "factory": "manufacturing", "mine": "mining", "hospital": "health", "school": "education",
    "port": "transport", "shipyard": "manufacturing", "refinery": "energy", "transport": "transport",
    "airport": "transport", "warehouse": "logistics", "office": "services", "farm": "agriculture",
}


@dataclass(slots=True)
class _Reading:
    """What one strike event's sources say about its workplace, union and status."""

    kinds: Counter[str] = field(default_factory=Counter)
    kind_words: Counter[str] = field(default_factory=Counter)
    enterprises: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    unions: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    state_owned: bool | None = None
    changes: list[tuple[str, str | None, StatusSource]] = field(default_factory=list)
    dismissals: list[tuple[str, str | None, StatusSource]] = field(default_factory=list)


def build_strikes(
    events: Iterable[CanonicalEvent],
    article: Callable[[str], Article | None],
) -> list[Strike]:
    """The strike records of the linked ``events`` (the strikes, and the events that may be
    repression against them), reading their sources through ``article`` (id → analysed
    article with resolved entity ids)."""
    every = list(events)
    strikes = [e for e in every if e.type == "PROTEST" and e.mode in STRIKE_MODES and e.specific]
    cache: dict[str, Article | None] = {}

    def source(article_id: str) -> Article | None:
        if article_id not in cache:
            cache[article_id] = article(article_id)
        return cache[article_id]

    readings = {e.id: _read(e, source) for e in strikes}
    groups = _group(strikes, readings)
    records = [_record(members, readings, every, source) for members in groups]
    _link_calls(records)
    return sorted(records, key=lambda s: (s.start or "9999", s.id))


def _read(event: CanonicalEvent, source: Callable[[str], Article | None]) -> _Reading:
    reading = _Reading()
    mention_ids = set(event.mentions)
    for article_id in event.articles:
        article = source(article_id)
        lexicon = load(article.language, "strikes.txt") if article else None
        if article is None or lexicon is None:
            continue
        mentions = [m for m in article.events if m.id in mention_ids]
        several = _several_strike_places(article)
        if several:
            # An article on strikes in two cities: a sentence that names no place of its own
            # ("The walkout started there on October 6") speaks of the place named last before it.
            mentions = [m for m in mentions if m.place_from == "sentence" or _same_place(_place_before(article, m.sentence.start), event)]
        sentences = {(m.sentence.start, m.sentence.end) for m in mentions}
        stated = {(start, end) for start, end in sorted(sentences) if _read_sentence(article, start, end, lexicon, reading)}
        for sentence in article.sentences:
            if (sentence.start, sentence.end) in sentences:
                continue
            words = lexicon.words(article.text, sentence.start, sentence.end)
            if any(w.keys & lexicon.sets.get("strike", frozenset()) for w in words) and _names_place(
                article, sentence.start, sentence.end, event, several
            ):
                _status(article, sentence.start, sentence.end, words, lexicon, reading)
                _dismissals(article, sentence.start, sentence.end, words, lexicon, reading)
        for mention in mentions:
            if (mention.sentence.start, mention.sentence.end) not in stated:
                _modality_status(article, mention, reading)
    return reading


def _several_strike_places(article: Article) -> bool:
    cities = {
        m.place.geonameid or m.place.name for m in article.events
        if m.mode in STRIKE_MODES and m.place is not None and m.place_from == "sentence" and m.place.precision == "city"
    }
    return len(cities) > 1


def _names_place(article: Article, start: int, end: int, event: CanonicalEvent, several: bool) -> bool:
    """Does a sentence without a strike mention of this event speak of its place (or, in an
    article on strikes in one place only, of no other place)? Then its status words are
    this strike's."""
    places = [p for p in article.places if start <= p.start < end and p.feature != DEMONYM]
    if not places:
        return not several or _same_place(_place_before(article, start), event)
    return any(_same_place(p, event) for p in places)


def _place_before(article: Article, start: int) -> Place | None:
    """The place of the last strike reported before ``start`` in its own sentence, else the
    last city named before it (what "there" and "the walkout" refer to)."""
    strikes = [
        m.place for m in article.events
        if m.mode in STRIKE_MODES and m.place_from == "sentence" and m.sentence.end <= start
    ]
    if strikes:
        return strikes[-1]
    before = [p for p in article.places if p.end <= start and p.precision == "city"]
    return before[-1] if before else None


def _same_place(place: Place | None, event: CanonicalEvent) -> bool:
    if place is None or event.place is None:
        return False
    if place.geonameid and event.place.geonameid:
        return place.geonameid == event.place.geonameid
    return place.name == event.place.name


def _read_sentence(
    article: Article, start: int, end: int, lexicon: Lexicon, reading: _Reading
) -> bool:
    """Read a strike mention's sentence for its workplace, enterprise and union; ``True``
    when it also states a status change."""
    words = lexicon.words(article.text, start, end)
    workplace_at = []
    for match in lexicon.matches(words, frozenset({"workplaces", "sectors"})):
        if match.section == "workplaces":
            reading.kinds[match.entry.value] += 1
            reading.kind_words[words[match.first].form] += 1
            workplace_at.append(words[match.first].start)
        else:
            reading.sectors[match.entry.value] += 1
    if any(_state_owned(w, lexicon) for w in words):
        reading.state_owned = True
    for entity in article.entities:
        if entity.label == "ORG" and start <= entity.start < end:
            _read_organisation(article, entity, words, workplace_at, lexicon, reading)
    _dismissals(article, start, end, words, lexicon, reading)
    return _status(article, start, end, words, lexicon, reading)


def _state_owned(word: Word, lexicon: Lexicon) -> bool:
    """A ``[state_owned]`` word, or a closed compound that starts with one ("staatsbedrijf")."""
    marks = lexicon.sets.get("state_owned", frozenset())
    if word.keys & marks:
        return True
    return lexicon.settings.get("compounds") == "closed" and any(
        word.form.startswith(mark) and len(word.form) > len(mark) + 3 for mark in marks
    )


def _read_organisation(
    article: Article, entity: Entity, words: list[Word], workplace_at: list[int], lexicon: Lexicon,
    reading: _Reading,
) -> None:
    """Count an organisation of a strike's sentence as its union or its enterprise (the
    nearer a workplace word, the more); a city the tagger calls an organisation ("the
    Plzeň plant") and an authority (a ministry) are neither."""
    name = entity.canonical or entity.text  # the resolved entity's name in a stored article
    inside = lexicon.words(article.text, entity.start, entity.end)
    own = {w.lemma for w in inside} | {w.form for w in inside}
    unions = lexicon.sets.get("unions", frozenset())
    if own & unions or _union_before(words, entity.start, unions) or _acronym_of_union(article, entity.start, reading):
        reading.unions[(entity.entity_id, name)] += 1
        return
    demand_words = load(article.language, "demands.txt")
    authorities = demand_words.sets.get("authorities", frozenset()) if demand_words else frozenset()
    if entity.text in {p.text for p in article.places} | {p.name for p in article.places} or own & authorities:
        return
    near = min((abs(at - entity.start) for at in workplace_at), default=NEAR_WORKPLACE + 1)
    if near <= NEAR_WORKPLACE:
        reading.enterprises[(entity.entity_id, name)] += 1


def _acronym_of_union(article: Article, at: int, reading: _Reading) -> bool:
    """An abbreviation in brackets right after a union's name: "… Hradex Workers (NOH)"."""
    before = article.text[max(0, at - 2) : at]
    if "(" not in before:
        return False
    previous = [e for e in article.entities if e.end <= at - 1 and at - e.end <= 3]
    return any(e.entity_id in {u[0] for u in reading.unions} or e.text in {u[1] for u in reading.unions} for e in previous)


def _union_before(words: list[Word], at: int, unions: frozenset[str]) -> bool:
    """A union named by a union word right before it ("the union Solidarność")."""
    before = [w for w in words if w.end <= at][-2:]
    return any(w.keys & unions for w in before)


def _status(article: Article, start: int, end: int, words: list[Word], lexicon: Lexicon, reading: _Reading) -> bool:
    """Read a sentence's status change, if it states one as a fact: not inside a quotation
    (an intent or an opinion), not where its strike is only announced, hoped for or denied
    (then only a call counts)."""
    quoted = [(q.start, q.end) for q in article.quotes if q.direct]
    found = [
        m for m in lexicon.matches(words, frozenset({"status"}))
        if m.entry.sense_holds(words, m.first, m.last) and m.last - m.first < len(m.entry.words) + 2
        and not any(a <= words[m.anchor].start < b for a, b in quoted)
        and (m.entry.value == "called" or not _not_a_fact(words, m.first, article.language, lexicon))
        and _near_strike_word(words, m.first, m.last, lexicon)
    ]
    moods = {e.modality for e in article.events if e.sentence.start == start and e.type == "PROTEST"}
    if moods and not moods & {"occurred", "ongoing"}:
        found = [m for m in found if m.entry.value == "called"]
    if not found:
        return False
    chosen = min(found, key=lambda m: STATUS_RANK.index(m.entry.value))
    at = words[chosen.anchor].start
    reading.changes.append((chosen.entry.value, _sentence_date(article, start, end, at), _source(article, start, end)))
    return True


def _dismissals(article: Article, start: int, end: int, words: list[Word], lexicon: Lexicon, reading: _Reading) -> None:
    """Strikers dismissed or locked out (``[repression]``), a repression no event records."""
    for m in lexicon.matches(words, frozenset({"repression"})):
        if m.entry.sense_holds(words, m.first, m.last) and _near_strike_word(words, m.first, m.last, lexicon):
            at = words[m.anchor].start
            reading.dismissals.append((m.entry.value, _sentence_date(article, start, end, at), _source(article, start, end)))
            return


def _not_a_fact(words: list[Word], first: int, language: str, lexicon: Lexicon) -> bool:
    """Is a status word right after a negation ("would not suspend") or after a word of
    intent, plan or condition of the event lexicon ("concerned with bringing the strikes to
    an end", "will resume", "threatened to break")?"""
    events = load(language)
    cancelling = lexicon.sets.get("negation", frozenset())
    if events is not None:
        cancelling = cancelling.union(*(events.sets.get(name, frozenset()) for name in INTENT_SECTIONS))
    return any(w.keys & cancelling for w in words[max(0, first - NEGATION_WINDOW) : first])


def _near_strike_word(words: list[Word], first: int, last: int, lexicon: Lexicon) -> bool:
    """Is a ``[strike]`` word within :data:`STATUS_WINDOW` words of a status word, or in
    its clause? ("the strike was suspended", not "protesters called for new elections, and
    chanted in support of striking miners")."""
    strike = lexicon.sets.get("strike", frozenset())
    around = words[max(0, first - STATUS_WINDOW) : last + STATUS_WINDOW + 1]
    if any(w.keys & strike for w in around):
        return True
    # or anywhere in its clause: Dutch and German put a verb's particle, and so the strike,
    # far from it ("sloten ook medewerkers van de spoorwerkplaats zich bij de staking aan")
    lo = first
    while lo > 0 and words[lo - 1].form not in CLAUSE_MARKS:
        lo -= 1
    hi = last
    while hi + 1 < len(words) and words[hi + 1].form not in CLAUSE_MARKS:
        hi += 1
    return any(w.keys & strike for w in words[lo : hi + 1])


def _modality_status(article: Article, mention: EventMention, reading: _Reading) -> None:
    """A strike mention announced, called for or threatened is a call. (One that occurred
    is no start: "because of the strike" on a Monday reports it running then.)"""
    if mention.specificity != "specific" or mention.modality not in ("planned", "called_for", "threatened"):
        return
    status = "called"
    date = mention.date.value if mention.date and mention.date_from == "sentence" else _published(article)
    if date is None or len(date) != 10:
        return  # a week or a month dates no change
    reading.changes.append((status, date, _source(article, mention.sentence.start, mention.sentence.end)))


def _sentence_date(article: Article, start: int, end: int, at: int) -> str | None:
    """The day of the sentence's time expression nearest the status word ("suspended since
    Tuesday" dates the suspension), else the publication day."""
    times = [t for t in article.times if start <= t.start < end and t.kind in ("date", "since") and t.precision == "day"]
    if times:
        return min(times, key=lambda t: abs(t.start - at)).value
    return _published(article)


def _published(article: Article) -> str | None:
    return article.published.date if article.published else None


def _source(article: Article, start: int, end: int) -> StatusSource:
    return StatusSource(article.id, article.source, article.text[start:end])


def _group(
    strikes: list[CanonicalEvent], readings: Mapping[str, _Reading]
) -> list[list[CanonicalEvent]]:
    """Strike events at one workplace, close in time; an event whose sources name no
    enterprise joins the one strike of its city and kind that has one."""
    groups: list[tuple[tuple[str | None, str | None, str | None], list[CanonicalEvent]]] = []
    for event in sorted(strikes, key=lambda e: (e.mode != "strike", e.date or "9999", e.id)):
        key = _workplace_key(event, readings[event.id])
        target = next(
            (members for group_key, members in groups if _same_workplace(group_key, key) and _close(members, event)), None
        )
        if target is None:
            groups.append((key, [event]))
        else:
            target.append(event)
    return [members for _, members in groups]


def _enterprise(reading: _Reading) -> tuple[str | None, str] | None:
    """The organisation most named near the workplace that is no union."""
    unions = {u[0] or u[1] for u in reading.unions}
    ranked = [key for key, _ in reading.enterprises.most_common() if (key[0] or key[1]) not in unions]
    return ranked[0] if ranked else None


def _same_workplace(a: tuple[str | None, str | None, str | None], b: tuple[str | None, str | None, str | None]) -> bool:
    """One city, and the enterprise and kind the same where both sources name them."""
    return a[1] == b[1] and all(x is None or y is None or x == y for x, y in ((a[0], b[0]), (a[2], b[2])))


def _workplace_key(event: CanonicalEvent, reading: _Reading) -> tuple[str | None, str | None, str | None]:
    if event.mode == "general_strike":
        return (f"general:{event.id}", event.country, "general")
    enterprise = _enterprise(reading)
    city = _city(event) or event.country
    kind = reading.kinds.most_common(1)[0][0] if reading.kinds else None
    return (enterprise[0] or enterprise[1] if enterprise else None, city, kind)


def _city(event: CanonicalEvent) -> str | None:
    place = event.place
    if place is None or place.precision != "city":
        return None
    return str(place.geonameid) if place.geonameid else place.name


def _close(members: list[CanonicalEvent], event: CanonicalEvent) -> bool:
    span = _days(event)
    if span is None:
        return True
    for member in members:
        other = _days(member)
        if other is None or (span[0] - other[1]).days <= SAME_STRIKE_DAYS and (other[0] - span[1]).days <= SAME_STRIKE_DAYS:
            return True
    return False


def _days(event: CanonicalEvent) -> tuple[dt.date, dt.date] | None:
    value = event.episode.start if event.episode and event.episode.start else event.date
    first = date_span(value) if value else None
    last = date_span(event.episode.ongoing_as_of) if event.episode and event.episode.ongoing_as_of else None
    if first is None:
        return None
    return first[0], (last or first)[1]


def _record(
    members: list[CanonicalEvent], readings: Mapping[str, _Reading], every: list[CanonicalEvent],
    source: Callable[[str], Article | None],
) -> Strike:
    reading = _Reading()
    for event in members:
        part = readings[event.id]
        reading.kinds.update(part.kinds)
        reading.kind_words.update(part.kind_words)
        reading.enterprises.update(part.enterprises)
        reading.unions.update(part.unions)
        reading.sectors.update(part.sectors)
        reading.state_owned = reading.state_owned or part.state_owned
        reading.changes += part.changes
        reading.dismissals += part.dismissals
    general = any(e.mode == "general_strike" for e in members)
    kind = "general" if general else (reading.kinds.most_common(1)[0][0] if reading.kinds else None)
    kind_word = reading.kind_words.most_common(1)[0][0] if reading.kind_words else None
    enterprise = _enterprise(reading) if not general else None
    union = reading.unions.most_common(1)[0][0] if reading.unions else None
    place = next((e.place for e in members if e.place and e.place.precision == "city"), None) or next(
        (e.place for e in members if e.place), None
    )
    claims = [c for e in members for c in e.claims if c.field in ("participants", "start")]
    workers = reconcile_counts([c for c in claims if c.field == "participants"])
    history = _history(reading.changes)
    start, precision = _start(members, history)
    ended = next((c for c in reversed(history) if c.status in ENDED), None)
    resumed_after = ended is not None and any(c.status in ("resumed", "started") and (c.date or "") > (ended.date or "") for c in history)
    end = ended.date if ended is not None and not resumed_after else None
    latest = max((d for e in members for d in _latest(e, source)), default=None)
    articles = sorted({a for e in members for a in e.articles})
    outlets = sorted({o for a in articles if (art := source(a)) is not None and (o := art.source)})
    ids = [e.id for e in members]
    return Strike(
        id="sk-" + short_hash(*sorted(ids)),
        workplace=_workplace_name(enterprise, kind_word, place.name if place else None, general),
        workplace_kind=kind,
        enterprise_id=enterprise[0] if enterprise else None,
        employer=enterprise[1] if enterprise else None,
        state_owned=reading.state_owned,
        sector=KIND_SECTORS.get(kind or "") or (reading.sectors.most_common(1)[0][0] if reading.sectors else None),
        place=place,
        country=next((e.country for e in members if e.country), None),
        union=union[1] if union else None,
        union_id=union[0] if union else None,
        start=start,
        start_precision=precision,
        end=end,
        ongoing_as_of=None if end else latest,
        status=history[-1].status if history else None,
        history=history,
        workers=workers if workers.low is not None else None,
        claims=claims,
        demands=_demands(members),
        repression=_repression(members, every, enterprise[0] if enterprise else None, start, end or latest),
        dismissals=_merged(reading.dismissals),
        events=ids,
        articles=articles,
        outlets=outlets,
    )


def _workplace_name(enterprise: tuple[str | None, str] | None, kind_word: str | None, city: str | None, general: bool) -> str | None:
    if general:
        return f"general strike{' in ' + city if city else ''}"
    if enterprise:
        return f"{enterprise[1]} {kind_word}" if kind_word and kind_word not in enterprise[1].lower() else enterprise[1]
    if kind_word:
        return f"{kind_word} in {city}" if city else kind_word
    return city


def _merged(reports: list[tuple[str, str | None, StatusSource]]) -> list[StatusChange]:
    """Reports of one kind on one day as one, with every source."""
    by_key: dict[tuple[str, str | None], StatusChange] = {}
    for kind, date, source in reports:
        change = by_key.setdefault((kind, date), StatusChange(kind, date))
        if all(s.article_id != source.article_id for s in change.sources):
            change.sources.append(source)
    return sorted(by_key.values(), key=lambda c: (_first_day(c.date), c.status))


def _history(changes: list[tuple[str, str | None, StatusSource]]) -> list[StatusChange]:
    """The status changes in date order, one per status and day with every source that
    reports it, read as a sequence: a recap's "started" while the strike runs, a "called"
    after it began or a second "suspended" is no change (its sources join the change they
    recall); "started" after a suspension is a resumption."""
    ordered = sorted(_merged(changes), key=lambda c: (_first_day(c.date), STATUS_ORDER.index(c.status)))
    if any(c.date and len(c.date) == 10 for c in ordered):
        ordered = [c for c in ordered if c.date and len(c.date) == 10]  # a week or month orders nothing
    history: list[StatusChange] = []
    state = None
    for change in ordered:
        status = change.status
        if status == "started" and state == "suspended":
            status = change.status = "resumed"
        running = state in ("started", "spreading", "resumed")
        if status == "spreading" and state == "spreading":
            status = "spreading-again"
        redundant = (
            status == state or status == "spreading-again"
            or status == "called" and state is not None and state != "called"
            or status in ("started", "resumed") and running
        )
        if redundant and history:
            recalled = next((h for h in reversed(history) if h.status == status), history[-1])
            recalled.sources += [s for s in change.sources if all(h.article_id != s.article_id for h in recalled.sources)]
            continue
        if status == "spreading" and history and history[-1].status == "started" and history[-1].date == change.date:
            history[-1].status = "spreading"  # it started here by spreading from elsewhere
            history[-1].sources += [s for s in change.sources if all(h.article_id != s.article_id for h in history[-1].sources)]
        else:
            history.append(change)
        state = status
    return history


def _first_day(value: str | None) -> dt.date:
    span = date_span(value) if value else None
    return span[0] if span else dt.date.max


STATUS_ORDER = ("called", "started", "spreading", "suspended", "resumed", "ended", "broken", "won", "lost")
"""The order of changes dated to the same day (a strike called and started on one day)."""


def _start(members: list[CanonicalEvent], history: list[StatusChange]) -> tuple[str | None, str | None]:
    """The day its status history says it started (or spread to this workplace); else the
    earliest day a source dates one of its episodes to."""
    began = next((c.date for c in history if c.status in ("started", "spreading") and c.date and len(c.date) == 10), None)
    if began is not None:
        return began, "day"  # the sources' first report of it starting, not of its call
    days = []
    for event in members:
        value = event.episode.start if event.episode and event.episode.start else event.date
        span = date_span(value.split("/")[0]) if value else None
        if span is not None and value:
            days.append((span[0].isoformat(), "day" if len(value.split("/")[0]) == 10 else event.date_precision))
    exact = [d for d in days if d[1] == "day"]
    if not days:
        return None, None
    return min(exact or days)


def _latest(event: CanonicalEvent, source: Callable[[str], Article | None]) -> list[str]:
    """The publication days of its sources (the latest says it is ongoing as of then)."""
    days = []
    for article_id in event.articles:
        article = source(article_id)
        if article is not None and article.published and len(article.published.date) == 10:
            days.append(article.published.date)
    return days


def _demands(members: list[CanonicalEvent]) -> list[Demand]:
    seen: set[tuple[str, str | None]] = set()
    found = []
    for event in members:
        for demand in event.demands:
            if (demand.code, demand.article_id) not in seen:
                seen.add((demand.code, demand.article_id))
                found.append(demand)
    return found


def _repression(
    members: list[CanonicalEvent], every: list[CanonicalEvent], enterprise: str | None, start: str | None, until: str | None
) -> list[str]:
    inside = {i for e in members if e.episode for i in e.episode.events}
    articles = {a for e in members for a in e.articles}
    cities = {_city(e) for e in members} - {None}
    found = set()
    for event in every:
        if event.type not in REPRESSION_TYPES:
            continue
        if event.id in inside:
            found.add(event.id)
            continue
        named = enterprise is not None and any(a.entity_id == enterprise for a in event.actors)
        here = _city(event) in cities
        if (named or (here and articles & set(event.articles))) and _during(event, start, until):
            found.add(event.id)
    return sorted(found)


def _during(event: CanonicalEvent, start: str | None, until: str | None) -> bool:
    span = date_span(event.date) if event.date else None
    if span is None or start is None:
        return False
    first = date_span(start.split("/")[0])
    last = date_span(until) if until else None
    return first is not None and span[1] >= first[0] and (last is None or span[0] <= last[1] + dt.timedelta(days=1))


def _link_calls(records: list[Strike]) -> None:
    """A general strike call is linked to the workplace strikes of its country that start
    within :data:`CALL_FOLLOW_DAYS` after it."""
    calls = [r for r in records if r.workplace_kind == "general" and r.start]
    for record in records:
        if record.workplace_kind == "general" or not record.start or not record.country:
            continue
        start = date_span(record.start)
        for call in calls:
            called = date_span(call.start or "")
            if call.country == record.country and start and called and 0 <= (start[0] - called[0]).days <= CALL_FOLLOW_DAYS:
                record.called_by = call.id
                break


def store_strikes(store: Store) -> list[Strike]:
    """The strike records of a linked store: its strike events, and of the rest only the
    events that could be repression against them (inside their episodes or in their
    articles), so a store of any size reads only what concerns strikes."""
    from kronika.store.links import EventFilter

    links = store.links
    strikes = [e for mode in sorted(STRIKE_MODES) for e in links.events(EventFilter(mode=mode, type="PROTEST"))]
    near: set[str] = {i for e in strikes if e.episode for i in e.episode.events}
    for article_id in {a for e in strikes for a in e.articles}:
        near.update(links.events_of_mentions(article_id).values())
    others = [e for i in sorted(near - {e.id for e in strikes}) if (e := links.event(i)) and e.type in REPRESSION_TYPES]
    return build_strikes([*strikes, *others], store.get_article)


def filter_strikes(
    strikes: Iterable[Strike], *, country: str | None = None, since: str | None = None, status: str | None = None
) -> list[Strike]:
    """Strikes in ``country``, running on or after ``since`` (ISO day), whose latest status is ``status``."""
    chosen = []
    for strike in strikes:
        if country and (strike.country or "").upper() != country.upper():
            continue
        if since and max(strike.end or "", strike.ongoing_as_of or "", strike.start or "") < since:
            continue
        if status and strike.status != status:
            continue
        chosen.append(strike)
    return chosen
