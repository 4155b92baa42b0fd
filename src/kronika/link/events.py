"""Event coreference: the mentions of one real-world event, across articles and languages,
become one canonical event.

Each event mention is reduced to a compact :class:`MentionRecord` (type, mode, modality
stage, date interval, place, resolved actors, participants, the entities around it). A
mention is compared only with the canonical events of its **blocks**: the same type, a date
within the window (ISO-week buckets), the same country and city or none — at most
:data:`BLOCK_CANDIDATES` per block; a mention without a date meets the latest
:data:`UNDATED_CANDIDATES` events of its type and country. So the cost per mention is
bounded and linking grows linearly with the mentions.

Only ``specific`` mentions (:mod:`kronika.extract.specificity`) make or join events: a
headline joins the event of its article it fits best, and generic, background, habitual,
opinion and reporting mentions stay events of their own, marked not specific. A mention
specific only as a definite reference to an earlier one ("The march passed off
peacefully") joins the event of the closest earlier mention of its type and mode in the
article.

Within the blocks a candidate must be *compatible with every member* on the hard
constraints below, and its score is the *average* over a sample of its members
(:data:`AVERAGE_MEMBERS`), more than :data:`MAJORITY` of whom must take the mention on their
own; the best score above :data:`LINK_THRESHOLD` wins, unless another event scores within
:data:`AMBIGUITY_MARGIN` of it (then, as when nothing fits, the mention starts a new event).
This is what stops chaining: a mention that fits one member (a shared crowd figure) but
not the others does not join, and an undated "Sunday's protest in Minsk" may join the 16
August protest or the 23 August one, but never makes the two one event. Lasting events
(:data:`DURATIVE`: strikes, sit-ins, occupations) are **episodes**: their span grows with
their reports (:data:`EPISODE_GAP_DAYS`, :data:`EPISODE_MAX_DAYS`), and
:func:`episode_members` finds the one-day events inside them.

Hard constraints (any one fails → not the same event):

- same type; modes of one family (:data:`MODE_FAMILIES`), or one unknown;
- the same modality stage (:data:`STAGES`): a march called for is not the march held; but
  a lasting event announced or planned joins the episode of the one held
  (:func:`_announced_episode`: "the strike the union announced" is that strike);
- dates overlap at their precisions within :data:`DATE_WINDOW_DAYS` (two dates read in the
  sentences), or within :data:`GUESSED_DATE_WINDOW_DAYS` when one is the publication-date
  guess;
- places read in the sentences agree at the coarser precision (Minsk and Belarus agree,
  Minsk and Hrodna do not); an article-level place guess constrains nothing;
- no entity is supported by one and a target of the other (the rally for the president is
  not the protest against him);
- a mention with neither date nor place joins only an event whose sentences name one of
  the entities its own sentence names.

The pair score (:data:`WEIGHTS`) adds evidence: the same mode, overlapping dates read in the
sentences (more when both are days; a date guessed from the publication date is none), the
same city or region named in both sentences (an article's place or a country is none),
shared actors and targets (resolved entities), agreeing counts (of a crowd, or of those
arrested, killed or injured), entities named around both mentions, figures both sentences
state. Counts that disagree (100,000 and 200,000 protesters) do not subtract: they are
claims to keep, not evidence of a different event; counts far apart (5,000 and 100,000)
do, and so do sentences that name only different locations.

Ids: a canonical event's id is made from its first mention's id and never changes; later
mentions only join. A batch is linked in a fixed order (:func:`link_order`: best-dated
first, then publication date, article, mention), so the same input gives the same events.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kronika.link.encoder import SENTENCE_SIMILAR, TRIGGER_SIMILAR, cosine
from kronika.model import Article, EventMention, Place, date_span, short_hash

DATE_WINDOW_DAYS = 1
"""Two dates read in sentences may be this many days apart (a night-time protest dated by
one outlet on the day it began and by another on the next)."""

GUESSED_DATE_WINDOW_DAYS = 3
"""The same for a date guessed from the publication date (an ISO week): reports appear a
day or two after the event, so the guess may be a few days off."""

LINK_THRESHOLD = 0.2
"""Score a mention needs to join an event.

Set with ``kronika eval link`` (our nl/en dev set of 36 articles, 98 gold events; see
``src/kronika/eval/link.py``), together with the weights below, over a grid of threshold
0.15-0.4 and the context, location, date and actor weights. With the ambiguity rule below,
CoNLL F1 / pairwise P / R: 0.15 → 0.625 / 0.55 / 0.34; 0.2 → 0.620 / 0.67 / 0.31;
0.25 → 0.586 / 0.64 / 0.25; 0.3 → 0.574 / 0.62 / 0.23. 0.2 keeps precision. (Measured
before ``same_article`` was added; with it, 0.2 gives 0.658 / 0.63 / 0.41.)"""

AMBIGUITY_MARGIN = 0.01
"""A mention joins the best-scoring event only when no other event scores within this of
it: "a strike in Belarus that week" joins the one strike it fits, not one of several it
fits equally (which one would be a guess). On the dev set this raised pairwise precision
from 0.527 to 0.669 (recall 0.389 → 0.312, CoNLL F1 0.639 → 0.620); on the synthetic
benchmark it keeps dense weeks of same-city events apart. Applying it only below a score
of 0.3 kept more recall on the dev set (CoNLL 0.625) but let ties among strong candidates
go to whichever came first."""

WEIGHTS = {
    "mode": 0.15,
    "mode_family": 0.05,
    "date_day": 0.35,
    "date": 0.15,
    "place_city": 0.3,
    "location_conflict": -0.2,
    "actor": 0.2,
    "target": 0.1,
    "participants": 0.2,
    "participants_far": -0.5,
    "context": 0.25,
    "same_article": 0.05,
    "encoder": 0.3,
    "figures": 0.2,
}
"""Evidence weights of the link score (see the module docstring and LINK_THRESHOLD).

- ``mode``/``mode_family``: the same mode, or modes of one family (:data:`MODE_FAMILIES`);
- ``date_day``: both dated to a day by their sentences; ``date``: dates read in sentences
  overlap at a week's precision (a date guessed from the publication date, or one wider
  than :data:`EVIDENCE_DAYS`, is no evidence: it only places a mention in a block);
- ``place_city``: the same city or region named in both sentences (an article-level
  place guess and a shared country are no evidence); ``location_conflict``: no geocoded
  city decides and the sentences name only different locations (a village the gazetteer
  lacks, a square);
- ``actor``/``target``: a resolved entity in common; ``participants``: counts that agree
  (the crowd, else those arrested, killed or injured: :data:`COUNTED`);
  ``participants_far``: counts further apart than :data:`FAR_APART` allows (5,000 marchers
  are not the crowd of 100,000, while 100,000 and 200,000 may well be one crowd);
- ``context``: times the share of the event's members whose sentence names an entity the
  new sentence names;
- ``same_article``: the event already holds a mention of the same article (a headline and
  its story, "the march" and "the marchers"). On the dev set 0 → 0.05 → 0.15 → 0.2 gave
  CoNLL F1 0.620 → 0.651 → 0.658 → 0.662, pairwise P 0.669 → 0.640 → 0.631 → 0.636, R
  0.312 → 0.380 → 0.410 → 0.419 under single-best linkage. Under average linkage with only
  specific mentions (issue 15), 0.15 → 0.05 gave CoNLL 0.525 → 0.530, P 0.500 → 0.522,
  R 0.198 → 0.210: with the mode's 0.15 an article alone no longer makes two of its
  mentions one event (most wrong merges were such pairs).

- ``figures``: two articles' sentences state a figure in common (:func:`sentence_figures`:
  "$13.4 billion", "14,000", of :data:`FIGURE_MIN` or more): outlets and translations keep
  a report's numbers. 0 → 0.2: specific-dev cross-article pair P/R 0.873/0.511 →
  0.878/0.533, link-dev CoNLL F1 0.579 → 0.588 (P 0.585 → 0.602, R 0.272 → 0.284), MEANTIME
  cross-language pairs P/R 0.48/0.037 → 0.54/0.042, end to end 0.375/0.55 → 0.47/0.73;
  0.1 gave link-dev 0.584, 0.3 the same as 0.2.

- ``encoder`` (only with the optional encoder, :mod:`kronika.link.encoder`): two articles'
  sentences say the same about triggers of one meaning, across languages too
  (:func:`says_the_same`). On MEANTIME en/nl (gold mentions, ``kronika eval coref``, the
  ``enc_`` scores), 0.3 with the thresholds of :mod:`kronika.link.encoder` lifts
  cross-language pair recall 0.042 → 0.232 at precision 0.54 → 0.73 (en+nl CoNLL F1 0.602 →
  0.663); 0.5 gave the same. The same test lets a mode the lexicon does not tie match
  (:func:`compatible`) and an undated mention without a country meet an event
  (:meth:`EventLinker.link`).

Actors that differ subtract nothing: measured on the dev set, a penalty (-0.2) lost more
true links (the police in one report, the government in another) than it prevented."""

COUNT_FACTOR = 1.25
"""Tolerance for counts: two figures agree when their ranges overlap once each is widened
by this factor (low divided, high multiplied), so up to about 1.5 times apart: 20,000 and
24,000 agree, 100,000 and 200,000 do not (:mod:`kronika.link.claims` flags such claims
with the same rule)."""

MODE_FAMILIES = {
    ("PROTEST", "demonstration"): "gathering", ("PROTEST", "march"): "gathering",
    ("PROTEST", "riot"): "gathering",
    ("PROTEST", "strike"): "strike", ("PROTEST", "general_strike"): "strike", ("PROTEST", "sit_in"): "strike",
    ("COERCE", "arrest"): "custody", ("COERCE", "detention"): "custody",
}
"""Modes that outlets use for the same event (a march is a demonstration; a protest one
outlet calls riots; arrests and detentions): compatible, with less evidence than the same
mode. Other modes of a type must be equal (or one unknown). FIGHT modes are all one family:
reports of one clash name the weapons differently. ``rally`` stays apart: extraction gives
it to gatherings for those in power, which must not join the protest against them (on the
dev set, putting it in the family changed CoNLL F1 by 0.001)."""


def family(event_type: str, mode: str) -> str:
    if event_type == "FIGHT":
        return "fight"
    return MODE_FAMILIES.get((event_type, mode), mode)


COUNTED = ("participants", "arrested", "killed", "injured")
"""The count a mention is compared by: its crowd, else those it reports arrested, killed or
injured ("veertien mensen aangehouden" and "a dozen people detained" agree). Counting the
arrested, killed and injured as well as crowds: specific-dev cross-article pair P/R
0.865/0.485 → 0.873/0.511, CoNLL F1 0.747 → 0.766; link-dev CoNLL 0.549 → 0.579, pair P/R
0.535/0.228 → 0.585/0.272; MEANTIME and the synthetic benchmark unchanged."""

FAR_APART = 2.0
"""Counts whose ranges do not overlap even with each widened by this factor (more than 4
times apart) are far apart (5,000 and 100,000): evidence of different events, not a
disagreement."""

STAGES = {
    "occurred": "fact", "ongoing": "fact",
    "planned": "intent", "called_for": "intent", "threatened": "intent",
    "denied": "denied", "hypothetical": "hypothetical",
}
"""Modality stages: mentions link only within a stage."""

EVIDENCE_DAYS = 7
"""A date read in a sentence is evidence that two mentions report one event only when it
covers at most this many days (a day or an ISO week). "Sunday" read against a publication
date known only to the month is a month: it may place a mention in a block, never decide
that two mentions are one event; on the seed articles such dates were what chained the
Sunday protest, the Monday factory visit and the election-night protests into one event."""

AVERAGE_MEMBERS = 8
"""A mention's score against an event is the average of its scores against this many of the
event's specific members (the first half and the latest half): average linkage, so a
mention that fits one member but not the rest does not join (no chaining), at a bounded
cost per candidate. On ``benchmarks/linking.py`` (20,000 synthetic mentions) 8 gave pair
P/R 0.746/0.498 at 1,088 mentions/s, 20 gave 0.642/0.474 at 968/s; the dev sets scored the
same with either."""

MAJORITY = 0.5
"""A mention joins an event only when more than this share of the sampled members would
take it on their own: the mention that fits one of two members (a crowd figure shared with
one report) is not evidence about the other."""

DURATIVE = frozenset({
    ("PROTEST", "strike"), ("PROTEST", "general_strike"), ("PROTEST", "sit_in"),
    ("PROTEST", "occupation"), ("PROTEST", "hunger_strike"), ("PROTEST", "blockade"),
})
"""Modes of events that last for days: their mentions link into an **episode** whose span
grows with them ("strikes since Friday", "the strike entered its fifth day", a later "the
strike continues"), instead of meeting the complete-link date check of one-day events."""

EPISODE_GAP_DAYS = 3
"""A durative mention joins an episode whose span (the union of its members' read dates)
it meets or comes within this many days of: a strike reported on Friday and again on
Tuesday is one strike, one reported a week after the last report is a new one."""

EPISODE_MAX_DAYS = 60
"""An episode never spans more than this many days; longer runs of reports split (a strike
wave in spring and one in autumn at the same plant are two strikes)."""

BLOCK_CANDIDATES = 200
"""A mention is compared with at most this many events of each block (type, week,
country, city): the ones most recently added to. It bounds the cost per mention, so
linking stays linear even when a city has hundreds of events of one type in a week; in
such a week an event untouched for long can be missed."""

UNDATED_CANDIDATES = 50
"""An undated mention is compared with at most this many events of its type and country
(the most recently added to), which keeps linking near-linear."""

_BUCKET_DAYS = 7


@dataclass(slots=True)
class Interval:
    first: int
    last: int
    precision: str
    guessed: bool


@dataclass(slots=True)
class MentionRecord:
    """What linking needs of an event mention: small, so 100,000s fit in memory."""

    id: str
    article_id: str
    order: tuple[str, str, int]
    type: str
    mode: str | None
    stage: str
    date: Interval | None
    place: str | None
    """``geo:<geonameid>`` of a city or region named in the sentence."""
    country: str | None
    country_weak: bool
    actors: frozenset[str]
    targets: frozenset[str]
    participants: tuple[float, float] | None
    supported: frozenset[str] = frozenset()
    """Entities the event supports (a rally for the president)."""
    context: frozenset[str] = frozenset()
    """Every resolved entity of the mention's sentence: the places and names around it."""
    locations: frozenset[str] = frozenset()
    """The LOC entities of the sentence, also those the gazetteer does not know (a village,
    a square): where no geocoded city decides, two reports naming only different
    locations are less likely one event."""
    figures: frozenset[str] = frozenset()
    """The figures its sentence states (:func:`sentence_figures`): "$13.4 billion", "14,000"."""
    specificity: str = "specific"
    """:mod:`kronika.extract.specificity`: only ``specific`` mentions make or join events; a
    ``headline`` joins its article's lead event; the others stay alone, as non-specific
    events."""
    anaphoric: bool = False
    """Specific only as a definite reference to an earlier mention of its article ("the
    march", :mod:`kronika.extract.specificity`): it joins that mention's event, as a member
    that is no evidence (not in the sample the average linkage scores against)."""
    sentence_vector: Any = None
    trigger_vector: Any = None
    """Unit vectors of the sentence and the trigger word, when the optional encoder is on
    (:mod:`kronika.link.encoder`)."""

    @property
    def durative(self) -> bool:
        return (self.type, self.mode or "") in DURATIVE

    @property
    def evidence_date(self) -> Interval | None:
        """The date, when it is evidence of identity (read, at most :data:`EVIDENCE_DAYS`)."""
        d = self.date
        return d if d is not None and not d.guessed and d.last - d.first < EVIDENCE_DAYS else None


@dataclass(slots=True)
class EventCluster:
    """A canonical event while linking: its members and the summary the checks use."""

    id: str
    type: str
    mode: str | None
    stage: str
    members: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    # Complete-link date check: the latest first day and the earliest last day of the
    # members' read and guessed dates.
    read_first: int | None = None
    read_last: int | None = None
    guessed_first: int | None = None
    guessed_last: int | None = None
    cities: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    supported: set[str] = field(default_factory=set)
    buckets: set[int] = field(default_factory=set)
    specific: bool = False
    """Has a specific member: a chronicle event, not one kept only as evidence."""
    durative: bool = False
    """An episode (:data:`DURATIVE`): the span below replaces the complete-link date check."""
    span_first: int | None = None
    span_last: int | None = None
    """The union of the members' read dates: an episode's days so far."""
    sample: list[MentionRecord] = field(default_factory=list)
    """The specific members the average linkage scores against (:data:`AVERAGE_MEMBERS`)."""

    def add(self, record: MentionRecord) -> None:
        self.members.append(record.id)
        self.articles.add(record.article_id)
        if record.specificity != "specific" or record.anaphoric:
            return  # a headline, generic or anaphoric member is no evidence of what the event is
        self.specific = True
        self.durative = self.durative or record.durative
        half = AVERAGE_MEMBERS // 2
        if len(self.sample) >= AVERAGE_MEMBERS:
            del self.sample[half]  # keep the first half, roll the latest half
        self.sample.append(record)
        self.mode = self.mode or record.mode
        if record.date is not None:
            d = record.date
            if d.guessed:
                self.guessed_first = _max(self.guessed_first, d.first)
                self.guessed_last = _min(self.guessed_last, d.last)
            else:
                self.read_first = _max(self.read_first, d.first)
                self.read_last = _min(self.read_last, d.last)
                self.span_first = d.first if self.span_first is None else min(self.span_first, d.first)
                self.span_last = d.last if self.span_last is None else max(self.span_last, d.last)
        if record.place:
            self.cities.add(record.place)
        if record.country and not record.country_weak:
            self.countries.add(record.country)
        self.actors |= record.actors
        self.targets |= record.targets
        self.supported |= record.supported


def _max(a: int | None, b: int) -> int:
    return b if a is None else max(a, b)


def _min(a: int | None, b: int) -> int:
    return b if a is None else min(a, b)


def compatible(record: MentionRecord, event: EventCluster) -> bool:
    """The hard constraints of the module docstring, against every member at once."""
    if record.type != event.type or not (record.stage == event.stage or _announced_episode(record, event)):
        return False
    if (record.mode and event.mode and family(record.type, record.mode) != family(event.type, event.mode)
            and not _same_meaning(record, event)):
        return False
    if record.supported & event.targets or record.targets & event.supported:
        return False  # a rally for the president is not the protest against him
    if record.date is not None and event.durative and record.durative:
        if not _within_episode(record.date, event):
            return False
    elif record.date is not None:
        d = record.date
        window = GUESSED_DATE_WINDOW_DAYS if d.guessed else DATE_WINDOW_DAYS
        if event.read_first is not None and event.read_last is not None and (
            d.first > event.read_last + window or d.last < event.read_first - window
        ):
            return False
        if event.guessed_first is not None and event.guessed_last is not None and (
            d.first > event.guessed_last + GUESSED_DATE_WINDOW_DAYS
            or d.last < event.guessed_first - GUESSED_DATE_WINDOW_DAYS
        ):
            return False
    if record.country and not record.country_weak and event.countries and record.country not in event.countries:
        return False
    return not (record.place and event.cities and record.place not in event.cities)


def _announced_episode(record: MentionRecord, event: EventCluster) -> bool:
    """A strike or occupation called for or planned joins the episode of the one held ("the
    strike the union announced on Thursday" and "the strike began on Monday"), under the
    episode's date and place checks; an event made of calls takes no strike held (the call
    came first, the strike may never be the one called). On specific-dev cross-article
    pair P/R 0.889/0.424 → 0.865/0.485 (CoNLL F1 0.735 → 0.747), link-dev CoNLL F1 0.544 →
    0.549 with pair precision 0.529 → 0.535. Letting strikes held join events of calls as
    well moved the strike example's demands to the wrong plant."""
    return record.durative and event.durative and record.stage == "intent" and event.stage == "fact"


def _same_meaning(record: MentionRecord, event: EventCluster) -> bool:
    """With the encoder: does the record's sentence say what the sentences of most of the
    event's members say (:func:`says_the_same`; a "verkoop" and a "sale", modes the lexicon
    does not tie)?"""
    if record.trigger_vector is None:
        return False
    near = [says_the_same(record, m) for m in event.sample if m.trigger_vector is not None]
    return bool(near) and sum(near) > MAJORITY * len(near)


def says_the_same(a: MentionRecord, b: MentionRecord) -> bool:
    """With the encoder: two articles' sentences say the same (:data:`SENTENCE_SIMILAR`)
    about triggers of one meaning (:data:`TRIGGER_SIMILAR`), across languages too."""
    return (a.sentence_vector is not None and b.sentence_vector is not None and a.article_id != b.article_id
            and cosine(a.sentence_vector, b.sentence_vector) >= SENTENCE_SIMILAR
            and cosine(a.trigger_vector, b.trigger_vector) >= TRIGGER_SIMILAR)


def _within_episode(d: Interval, event: EventCluster) -> bool:
    """Does a durative mention's date meet the episode's span (:data:`EPISODE_GAP_DAYS`),
    without stretching it past :data:`EPISODE_MAX_DAYS`?"""
    if event.span_first is None or event.span_last is None:
        first, last = event.guessed_first, event.guessed_last
        if first is None or last is None:
            return True
        return d.first <= last + GUESSED_DATE_WINDOW_DAYS and d.last >= first - GUESSED_DATE_WINDOW_DAYS
    gap = GUESSED_DATE_WINDOW_DAYS if d.guessed else EPISODE_GAP_DAYS
    if d.first > event.span_last + gap or d.last < event.span_first - gap:
        return False
    wide = d.last - d.first >= EVIDENCE_DAYS  # a month says little about the span
    return wide or d.guessed or max(event.span_last, d.last) - min(event.span_first, d.first) <= EPISODE_MAX_DAYS


def score(record: MentionRecord, event: EventCluster) -> float:
    """Evidence that ``record`` reports ``event``: the average of :func:`pair_score` over the
    event's sampled specific members (average linkage; see :data:`AVERAGE_MEMBERS`), or 0
    when no more than :data:`MAJORITY` of them score :data:`LINK_THRESHOLD` on their own."""
    if not event.sample:
        return 0.0
    scores = [pair_score(record, member) for member in event.sample]
    if sum(value >= LINK_THRESHOLD for value in scores) <= MAJORITY * len(scores):
        return 0.0
    return sum(scores) / len(scores)


def pair_score(a: MentionRecord, b: MentionRecord) -> float:
    """Evidence that two mentions report one event (see :data:`WEIGHTS`). Guessed dates and
    places add nothing: they only put mentions in the same block."""
    total = 0.0
    if a.mode and a.mode == b.mode:
        total += WEIGHTS["mode"]
    elif a.mode and b.mode:
        total += WEIGHTS["mode_family"]
    da, db = a.evidence_date, b.evidence_date
    if da is not None and db is not None:
        window = EPISODE_GAP_DAYS if a.durative and b.durative else DATE_WINDOW_DAYS
        if da.first <= db.last + window and db.first <= da.last + window:
            both_days = da.precision == "day" and db.precision == "day"
            total += WEIGHTS["date_day"] if both_days else WEIGHTS["date"]
    if a.place and a.place == b.place:
        total += WEIGHTS["place_city"]
    if a.actors & b.actors:
        total += WEIGHTS["actor"]
    if a.targets & b.targets:
        total += WEIGHTS["target"]
    if a.participants and b.participants:
        if agree(a.participants, b.participants):
            total += WEIGHTS["participants"]
        elif not agree(a.participants, b.participants, FAR_APART):
            total += WEIGHTS["participants_far"]
    if a.article_id == b.article_id:
        total += WEIGHTS["same_article"]
    if a.context & b.context:
        total += WEIGHTS["context"]
    if a.figures & b.figures and a.article_id != b.article_id:
        total += WEIGHTS["figures"]
    if a.locations and b.locations and not a.locations & b.locations and not (a.place and b.place):
        total += WEIGHTS["location_conflict"]
    if says_the_same(a, b):
        total += WEIGHTS["encoder"]
    return total


def agree(a: tuple[float, float], b: tuple[float, float], factor: float = COUNT_FACTOR) -> bool:
    """Do two counts, given as (low, high) ranges, overlap once widened by ``factor``?

    An open range ("more than 5,000": high infinite) is read as reaching to
    :data:`OPEN_RANGE` times its low end: "more than 5,000" is not a way to say 100,000."""
    return a[0] / factor <= _high(b) * factor and b[0] / factor <= _high(a) * factor


def all_agree(ranges: Sequence[tuple[float, float]], factor: float = COUNT_FACTOR) -> bool:
    """Does every pair of counts :func:`agree`? (The highest low end against the lowest high end.)"""
    if len(ranges) < 2:
        return True
    return max(r[0] for r in ranges) / factor <= min(map(_high, ranges)) * factor


OPEN_RANGE = 2.0


def _high(count: tuple[float, float]) -> float:
    """The high end of a count, an open one read as :data:`OPEN_RANGE` times the low end."""
    return count[1] if count[1] != math.inf else count[0] * OPEN_RANGE


class EventLinker:
    """Links mention records into canonical events, incrementally."""

    def __init__(self) -> None:
        self.events: dict[str, EventCluster] = {}
        self.event_of: dict[str, str] = {}
        # Blocks: (type, week bucket, country or None) → city or None → events; and
        # (type, country or None) → events in the order they were last added to (for
        # undated mentions).
        self._dated: dict[tuple[str, int, str | None], dict[str | None, dict[str, None]]] = {}
        self._countries: dict[tuple[str, int], set[str | None]] = {}
        self._by_country: dict[tuple[str, str | None], dict[str, None]] = {}
        self._of_article: dict[str, dict[str, None]] = {}
        """Article id → the events its mentions are in (for headlines)."""

    def link(self, record: MentionRecord) -> str:
        """Put ``record`` in its canonical event (an existing one, or a new one); returns its id."""
        if record.id in self.event_of:
            return self.event_of[record.id]
        if record.specificity != "specific":
            lead = self._lead_event(record) if record.specificity == "headline" else None
            event = lead or self._new_event(record)
            event.add(record)
            self.event_of[record.id] = event.id
            self._of_article.setdefault(record.article_id, {})[event.id] = None
            return event.id
        antecedent = self._antecedent_event(record) if record.anaphoric else None
        if antecedent is not None:
            self._add(record, antecedent)
            return antecedent.id
        # Neither when nor where: any event of its type could be the one, unless the
        # sentences name the same people or things, or (with the encoder) say the same. On
        # MEANTIME en/nl, 62 of the 117 translated pairs the encoder tied were kept apart here.
        unanchored = record.date is None and record.country is None
        best: tuple[float, str] | None = None
        runner_up = -math.inf
        for event_id in self._candidates(record):
            event = self.events[event_id]
            if not compatible(record, event):
                continue
            if unanchored and not any(record.context & m.context or says_the_same(record, m) for m in event.sample):
                continue
            value = score(record, event)
            if value < LINK_THRESHOLD:
                continue
            if best is None or value > best[0] or (value == best[0] and event_id < best[1]):
                if best is not None:
                    runner_up = max(runner_up, best[0])
                best = (value, event_id)
            else:
                runner_up = max(runner_up, value)
        if best is not None and runner_up >= best[0] - AMBIGUITY_MARGIN:
            best = None  # evidence that fits two events equally well decides nothing
        event = self._new_event(record) if best is None else self.events[best[1]]
        self._add(record, event)
        return event.id

    def _new_event(self, record: MentionRecord) -> EventCluster:
        event = EventCluster(f"ev-{short_hash(record.id)}", record.type, record.mode, record.stage)
        self.events[event.id] = event
        return event

    def _lead_event(self, record: MentionRecord) -> EventCluster | None:
        """The event a headline summarises: of the specific events of its article that it is
        compatible with, the one whose members there it fits best (:func:`pair_score`: the
        names, figures and place it shares with them), then the one with most mentions there,
        then the earliest made."""
        best: tuple[float, int, str] | None = None
        for event_id in self._of_article.get(record.article_id, ()):
            event = self.events[event_id]
            if not event.specific or not compatible(record, event):
                continue
            here = [m for m in event.sample if m.article_id == record.article_id]
            if not here:
                continue
            key = (max(pair_score(record, m) for m in here), len(here), event_id)
            if best is None or key[:2] > best[:2]:
                best = key
        return self.events[best[2]] if best else None

    def _antecedent_event(self, record: MentionRecord) -> EventCluster | None:
        """The event of the closest earlier specific mention of the same type and mode in
        the record's article that the record is compatible with."""
        best: tuple[tuple[str, str, int], EventCluster] | None = None
        for event_id in self._of_article.get(record.article_id, ()):
            event = self.events[event_id]
            if not event.specific or event.mode != record.mode or not compatible(record, event):
                continue
            for member in event.sample:
                if member.article_id == record.article_id and member.order < record.order and (
                    best is None or member.order > best[0]
                ):
                    best = (member.order, event)
        return best[1] if best else None

    def restore(self, record: MentionRecord, event_id: str) -> None:
        """Put a mention back in the event an earlier run linked it to (no scoring)."""
        event = self.events.get(event_id)
        if event is None:
            event = self.events[event_id] = EventCluster(event_id, record.type, record.mode, record.stage)
        if record.specificity == "specific":
            self._add(record, event)
        else:
            event.add(record)
            self.event_of[record.id] = event.id
            self._of_article.setdefault(record.article_id, {})[event.id] = None

    def _add(self, record: MentionRecord, event: EventCluster) -> None:
        before = _block(event)
        event.add(record)
        self.event_of[record.id] = event.id
        self._of_article.setdefault(record.article_id, {})[event.id] = None
        country, city = block = _block(event)
        buckets = set(_buckets(record.date, 0)) if record.date is not None else set()
        if block != before:
            buckets |= event.buckets  # the event moves to its place's blocks
        event.buckets |= buckets
        for bucket in event.buckets:  # the event moves to the recent end of its blocks
            group = self._dated.setdefault((event.type, bucket, country), {}).setdefault(city, {})
            group.pop(event.id, None)
            group[event.id] = None
        for bucket in buckets:
            self._countries.setdefault((event.type, bucket), set()).add(country)
        recent = self._by_country.setdefault((event.type, country), {})
        recent.pop(event.id, None)
        recent[event.id] = None

    def _candidates(self, record: MentionRecord) -> Iterator[str]:
        """Events of the record's blocks: its type, its date ± the window (or recent events
        when undated), its country and events without one (every country when the record's
        own is unknown or a guess), its city and events without one (every city of the
        country when the record names none)."""
        country = record.country if record.country and not record.country_weak else None
        seen: set[str] = set()
        if record.date is not None:
            for bucket in _buckets(record.date, GUESSED_DATE_WINDOW_DAYS):
                keys: Iterable[str | None] = (
                    (country, None) if country else self._countries.get((record.type, bucket), ())
                )
                for key in keys:
                    cities = self._dated.get((record.type, bucket, key), {})
                    groups = (cities.get(record.place, {}), cities.get(None, {})) if record.place else cities.values()
                    for group in groups:
                        for event_id in itertools.islice(reversed(group), BLOCK_CANDIDATES):
                            if event_id not in seen:
                                seen.add(event_id)
                                yield event_id
        countries = [country, None] if country else [c for (t, c) in self._by_country if t == record.type]
        for key in countries:
            recent = self._by_country.get((record.type, key), {})
            ids = list(itertools.islice(reversed(recent), UNDATED_CANDIDATES))
            for event_id in ids:
                if event_id not in seen and (record.date is None or not self.events[event_id].buckets):
                    seen.add(event_id)
                    yield event_id


EPISODE_MEMBER_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "CONSULT", "AGREE"})
"""One-day events that can belong to an episode: the strikers' march or rally, the arrests
at the picket line, the talks and the deal that ends it. On the specific dev set adding
COERCE, ASSAULT, CONSULT and AGREE to PROTEST raised episode pair recall 0.011 -> 0.014 at
precision 1.0 (most gold episode members are dated only by the publication week, which
places no event inside an episode)."""


def episode_members(events: dict[str, EventCluster]) -> dict[str, str]:
    """Which episode each one-day event belongs to: event id → episode id.

    A specific one-day protest belongs to an episode when it is dated to a day inside the
    episode's span or within :data:`EPISODE_GAP_DAYS` of it (a strike first reported on
    Tuesday was on before; its start is often not reported), names the episode's city (or
    neither names a city and they share the country), and shares an article or a named
    entity with it: a march on Monday by the strikers is part of the strike, not the strike.
    Where several episodes fit, the one sharing most articles wins (then the smaller id)."""
    episodes = [
        (e, e.span_first, e.span_last) for e in events.values()
        if e.specific and e.durative and e.span_first is not None and e.span_last is not None
    ]
    if not episodes:
        return {}
    found: dict[str, str] = {}
    for event in events.values():
        if not event.specific or event.durative or event.type not in EPISODE_MEMBER_TYPES:
            continue
        days = [m.evidence_date for m in event.sample if m.evidence_date and m.evidence_date.precision == "day"]
        if not days:
            continue
        day = days[0].first
        names = {name for m in event.sample for name in m.context}
        best: tuple[int, str] | None = None
        for episode, first, last in episodes:
            if not first - EPISODE_GAP_DAYS <= day <= last + EPISODE_GAP_DAYS:
                continue
            if event.cities or episode.cities:
                if not event.cities & episode.cities:
                    continue
            elif not event.countries & episode.countries:
                continue
            shared = len(event.articles & episode.articles)
            if not shared and not names & {name for m in episode.sample for name in m.context}:
                continue
            if best is None or (-shared, episode.id) < (-best[0], best[1]):
                best = (shared, episode.id)
        if best is not None:
            found[event.id] = best[1]
    return found


def _block(event: EventCluster) -> tuple[str | None, str | None]:
    """The (country, city) blocks an event is filed under: its sentence-read ones."""
    return (min(event.countries) if event.countries else None, min(event.cities) if event.cities else None)


def _buckets(interval: Interval, window: int) -> range:
    return range((interval.first - window) // _BUCKET_DAYS, (interval.last + window) // _BUCKET_DAYS + 1)


# --- mention records -------------------------------------------------------------------------

def mention_order(mention_id: str, article_id: str, published: str) -> tuple[str, str, int]:
    """Publication date, article, and the mention's number in it (ids are ``<article>-e<n>``)."""
    number = mention_id.rsplit("-e", 1)[-1]
    return published, article_id, int(number) if number.isdigit() else 0


def place_key(place: Place | None) -> str | None:
    """The block and comparison key of a city or region: ``geo:<geonameid>``."""
    if place is not None and place.precision in ("city", "region") and place.geonameid:
        return f"geo:{place.geonameid}"
    return None


def sentence_entities(article: Article, event: EventMention) -> tuple[list[str], list[str]]:
    """The resolved entity ids named in an event mention's sentence: all, and the LOC ones."""
    start, end = event.sentence.start, event.sentence.end
    inside = [
        e for e in article.entities
        if e.entity_id and e.entity_id.startswith("ent-") and start <= e.start and e.end <= end
    ]
    return (
        sorted({e.entity_id for e in inside if e.entity_id}),
        sorted({e.entity_id for e in inside if e.entity_id and e.label == "LOC"}),
    )


FIGURE_MIN = 10
"""Smaller figures ("two people", "3 percent") are too common to say two sentences report
the same."""


def sentence_figures(article: Article, start: int, end: int) -> list[str]:
    """The figures of the sentence ``article.text[start:end]`` that two reports of one event
    share ("$13.4 billion", "14,000 employees"), written as numbers, with their unit."""
    return sorted({
        f"{q.value:g}{q.unit or ''}" for q in article.quantities
        if start <= q.start and q.end <= end and q.value is not None and q.value >= FIGURE_MIN
    })


def mention_record(
    event: EventMention, article_id: str, published: str, context: Iterable[str] = (),
    locations: Iterable[str] = (), figures: Iterable[str] = (),
) -> MentionRecord:
    """The compact record of one event mention (``published``: the article's date or "";
    ``context`` and ``locations``: the resolved entity ids of its sentence, all and LOC)."""
    place = event.place
    key = place_key(place)
    sure = event.place_from == "sentence"
    participants = next((event.magnitudes[k] for k in COUNTED if k in event.magnitudes), None)
    count = None
    if participants is not None and (participants.low is not None or participants.high is not None):
        low = participants.low if participants.low is not None else participants.high
        high = participants.high if participants.high is not None else float("inf")
        count = (float(low or 0.0), float(high))
    return MentionRecord(
        id=event.id,
        article_id=article_id,
        order=mention_order(event.id, article_id, published),
        type=event.type,
        mode=event.mode,
        stage=STAGES.get(event.modality, event.modality),
        date=_mention_interval(event, published),
        place=key if sure else None,
        country=place.country if place is not None else None,
        country_weak=not sure,
        actors=frozenset(a.entity_id for a in event.actors if a.entity_id and a.role == "actor"),
        targets=frozenset(a.entity_id for a in event.actors if a.entity_id and a.role == "target"),
        participants=count,
        supported=frozenset(a.entity_id for a in event.actors if a.entity_id and a.role == "supported"),
        context=frozenset(context),
        locations=frozenset(locations),
        figures=frozenset(figures),
        specificity=event.specificity,
        anaphoric=event.anchors == ["antecedent"],
    )


def _mention_interval(event: EventMention, published: str) -> Interval | None:
    """A mention's days: its date's; a "since Friday" runs from then to the publication."""
    if event.date is None:
        return None
    found = interval(event.date.value, event.date.precision, event.date_from == "published")
    if found is not None and event.date.kind == "since" and published:
        until = date_span(published)
        if until is not None and until[1].toordinal() >= found.first:
            found.last = max(found.last, until[0].toordinal())
    return found


def interval(value: str, precision: str, guessed: bool = False) -> Interval | None:
    """The days a date value covers (:func:`kronika.model.date_span`) as proleptic ordinals."""
    span = date_span(value)
    return Interval(span[0].toordinal(), span[1].toordinal(), precision, guessed) if span else None


_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def link_order(record: MentionRecord) -> tuple[int, tuple[str, str, int]]:
    """The order a batch is linked in: the best-dated mentions first, so the events take
    shape around the dates sentences state, and a "Sunday" of unknown week then joins the
    event it fits best instead of whichever came first; then publication, article, mention."""
    if record.specificity == "headline":
        rank = 10  # after the events of its article exist
    elif record.date is None:
        rank = 9
    else:
        rank = _DATE_RANK.get(record.date.precision, 4) + (5 if record.date.guessed else 0)
    return rank, record.order


def link_records(records: Iterable[MentionRecord], linker: EventLinker | None = None) -> EventLinker:
    """Link a batch of records in :func:`link_order`."""
    linker = linker or EventLinker()
    for record in sorted(records, key=link_order):
        linker.link(record)
    return linker


# --- partitions ------------------------------------------------------------------------------

def partition_key(record: MentionRecord) -> str:
    """The coarsest exact block: the event type. Every hard constraint, every block and every
    rule that attaches one mention to another (a headline to its lead event, an anaphor to
    its antecedent) requires the same type, so the records of one type are linked apart from
    the others' with exactly the events a single linker makes of them all. (Finer keys are
    not exact: a mention without a country meets the events of every country.)"""
    return record.type


def link_partition(restored: Iterable[tuple[MentionRecord, str]], batch: Iterable[MentionRecord]) -> EventLinker:
    """One partition's linker: the earlier mentions put back in their events (in mention
    order), then the new ones linked (:func:`link_records`)."""
    linker = EventLinker()
    for record, event_id in sorted(restored, key=lambda item: item[0].order):
        linker.restore(record, event_id)
    return link_records(batch, linker)


def merge_linkers(parts: Iterable[EventLinker]) -> EventLinker:
    """The linker of the whole from the linkers of disjoint partitions (their events and
    mention → event edges side by side; partitions share no event)."""
    merged = EventLinker()
    for part in parts:
        merged.events.update(part.events)
        merged.event_of.update(part.event_of)
    return merged
