"""Specificity: does an event mention report one particular occurrence, or not?

Half of the event words of real coverage name no event a chronicle should hold: the
headline, background ("the vote sparked widespread protests"), events in general ("such
strikes rarely last"), habits ("protests every Friday"), conjecture ("a general strike
could topple him"), and the reporting verbs of quotes ("he said"). A mention is
**specific** when nothing marks it as one of these and its sentence anchors it to one
occurrence; the anchors found are kept on the mention (:attr:`EventMention.anchors`) so a
reader sees why:

- ``time``: a time expression of the sentence dates it or says since when it runs
  ("on Monday", "since Friday", "in 2019"; the publication date is no anchor). A weekday
  is an anchor even where the publication date is too coarse to resolve it: it names one
  day, though linking cannot use it (:mod:`kronika.link.events`);
- ``place``: a city or region named in the sentence (a country is not an anchor: "strikes
  in Belarus" may be any of them);
- ``count``: a figure of the event (participants, arrested, killed…);
- ``participants``: a named person or organisation (an entity labelled PER or ORG) as
  actor or target;
- ``ongoing``: a definite reference to a running event ("the strike continues");
- ``past``: the trigger is a verb in the past that says the act happened ("officers beat
  several people", "werden aangehouden"): the language's ``past_suffixes``,
  ``past_prefix`` and ``[past]`` forms in ``events.txt``;
- ``antecedent``: a definite reference ("the march", "die mars") to an event of the same
  type and mode that the article reported specifically before it: "The march passed off
  peacefully" after "5,000 people marched on Tuesday".

The classes (:attr:`EventMention.specificity`), in the order they are tested:

- ``headline``: the mention stands in the article's title line. It summarises the
  article's lead event (linking puts it there) and is no event of its own;
- ``opinion``: hypothetical modality (a condition, a possibility, an expert's guess);
- ``reporting``: a STATEMENT whose trigger is a reporting verb ("said", "told");
- ``background``: its sentence dates it to days that ended more than
  :data:`BACKGROUND_DAYS` before the publication ("the strike of 2019", "protests in
  March" in an October article): context for the story, not its news;
- ``habitual`` / ``generic``: a cue of the language's ``[habitual]`` / ``[generic]``
  section stands just before the trigger ("every Friday", "such protests");
- ``generic``: no anchor;
- ``specific``: everything else.

Generic mentions are kept (they are evidence of a story), but linking never lets them
create or join a canonical event of their own (:mod:`kronika.link.events`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kronika.extract.lexicon import Lexicon, Match, Word
from kronika.model import Article, EventMention, Specificity, date_span

CUE_WINDOW = 3
"""Words before the trigger a generic cue may stand in ("such large protests"), and before
or after it a habitual one ("elke vrijdag een betoging", "protest every Friday")."""

DEFINITE_WINDOW = 2
"""Words before the trigger its determiner may stand in ("the national strike")."""

BACKGROUND_DAYS = 60
"""How long before the publication an event dated by its sentence must have ended to be
background. On the specific dev set every such mention is labelled background (the
strikes of 2019 and 2023 in 2025 articles); a month would also take in the start of a
running dispute that a feature article recalls ("the strike began on 3 March")."""

SPECIFIC: Specificity = "specific"


def anchors(
    article: Article, mention: EventMention, definite: bool, earlier: Sequence[EventMention] = (),
    past: bool = False, named: Collection[str] | None = None,
) -> list[str]:
    """What ties ``mention`` to one occurrence (see the module docstring); ``earlier``: the
    article's mentions before it; ``named``: the ids of its PER and ORG entities
    (:func:`named_ids`)."""
    found = []
    date = mention.date
    if date is not None and mention.date_from == "sentence" and date.kind in ("date", "since"):
        found.append("time")
    if mention.place is not None and mention.place_from == "sentence" and mention.place.precision in ("city", "region"):
        found.append("place")
    if mention.magnitudes:
        found.append("count")
    named = named_ids(article) if named is None else named
    if any(a.entity_id in named and a.role in ("actor", "target") for a in mention.actors):
        found.append("participants")
    if definite and mention.modality == "ongoing":
        found.append("ongoing")
    if definite and mention.type != "STATEMENT" and any(
        e.specificity == SPECIFIC and e.type == mention.type and e.mode == mention.mode for e in earlier
    ):
        found.append("antecedent")
    if past and mention.modality == "occurred":
        found.append("past")
    return found


def named_ids(article: Article) -> frozenset[str]:
    """The entity ids of an article's named persons and organisations."""
    return frozenset(e.entity_id for e in article.entities if e.entity_id and e.label in ("PER", "ORG"))


def classify(
    article: Article, mention: EventMention, words: list[Word], match: Match, lexicon: Lexicon,
    earlier: Sequence[EventMention] = (), named: Collection[str] | None = None,
) -> tuple[Specificity, list[str]]:
    """The specificity class of ``mention`` and its anchors (``earlier``: the article's
    mentions before it; ``named``: :func:`named_ids`, computed when not given)."""
    before = {key for w in words[max(match.first - CUE_WINDOW, 0) : match.first] for key in w.keys}
    after = {key for w in words[match.last + 1 : match.last + 1 + CUE_WINDOW] for key in w.keys}
    near = {key for w in words[max(match.first - DEFINITE_WINDOW, 0) : match.first] for key in w.keys}
    definite = bool(near & lexicon.sets.get("definite", frozenset()))
    found = anchors(article, mention, definite, earlier, is_past(words[match.anchor], lexicon), named)
    if in_headline(article, mention.trigger.start):
        return "headline", found
    if mention.modality == "hypothetical":
        return "opinion", found
    if mention.type == "STATEMENT" and words[match.anchor].keys & lexicon.sets.get("reporting", frozenset()):
        return "reporting", found
    if is_background(article, mention):
        return "background", found
    if (before | after) & lexicon.sets.get("habitual", frozenset()):
        return "habitual", found
    if before & lexicon.sets.get("generic", frozenset()) or not found:
        return "generic", found
    return SPECIFIC, found


PREFIX_REACH = 4
"""Letters a past prefix may stand after (a separable particle: "aangehouden")."""


def is_past(word: Word, lexicon: Lexicon) -> bool:
    """Is ``word`` a verb form of the past (see ``past`` in the module docstring)?"""
    if word.form in lexicon.sets.get("past", frozenset()):
        return True
    if word.form == word.lemma:
        return False
    if any(word.form.endswith(suffix) for suffix in lexicon.settings.get("past_suffixes", "").split()):
        return True
    prefix = lexicon.settings.get("past_prefix", "")
    reach = len(prefix) + PREFIX_REACH
    return bool(prefix) and prefix in word.form[:reach] and prefix not in word.lemma[:reach]


def is_background(article: Article, mention: EventMention) -> bool:
    """Did the days its sentence dates ``mention`` to end :data:`BACKGROUND_DAYS` or more
    before the publication?"""
    date = mention.date
    if date is None or mention.date_from != "sentence" or date.kind != "date" or article.published is None:
        return False
    happened, published = date_span(date.value), date_span(article.published.date)
    return happened is not None and published is not None and (
        published[0].toordinal() - happened[1].toordinal() > BACKGROUND_DAYS
    )


def in_headline(article: Article, at: int) -> bool:
    """Does offset ``at`` lie in the article's title line (the text's first paragraph)?"""
    title = article.title
    return bool(title) and article.text.startswith(title) and at < len(title)  # type: ignore[arg-type]
