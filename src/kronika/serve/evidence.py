"""Where each field comes from: an event's claims grouped by source with the sentence each
one quotes, and an article's text cut into pieces by what the analysis found in it."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any

from kronika.model import Article, CanonicalEvent, Claim, EventMention, Span, from_dict
from kronika.store import Store


@dataclass(slots=True)
class Excerpt:
    """A sentence of an article with the part that supports a claim marked."""

    text: str
    start: int
    """Offset of the sentence in the article's text."""
    mark_start: int
    """Offsets of the marked part, within ``text``."""
    mark_end: int

    @property
    def before(self) -> str:
        return self.text[: self.mark_start]

    @property
    def marked(self) -> str:
        return self.text[self.mark_start : self.mark_end]

    @property
    def after(self) -> str:
        return self.text[self.mark_end :]


@dataclass(slots=True)
class SourceClaim:
    claim: Claim
    excerpt: Excerpt | None
    from_text: bool
    """The source's text says it (``False``: read from the publication date or the
    article's main place)."""


@dataclass(slots=True)
class Source:
    """One article's account of an event: what it claims, each with its sentence."""

    article_id: str
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    url: str | None = None
    claims: list[SourceClaim] = field(default_factory=list)
    mentions: list[Excerpt] = field(default_factory=list)
    """The sentences that report the event, their trigger word marked."""


def excerpt(article: Article, span: Span) -> Excerpt:
    """The sentence of ``article`` holding ``span`` (the span itself when it is not in one),
    with the span marked."""
    starts = [s.start for s in article.sentences]
    at = bisect.bisect_right(starts, span.start) - 1
    if at >= 0 and article.sentences[at].end >= span.end:
        start, end = article.sentences[at].start, article.sentences[at].end
    else:
        start, end = span.start, span.end
    return Excerpt(article.text[start:end], start, span.start - start, span.end - start)


def sources(store: Store, event: CanonicalEvent) -> list[Source]:
    """The event's sources in the order of its articles, each with its claims and the
    sentences of its mentions."""
    found: dict[str, Source] = {}
    articles: dict[str, Article | None] = {}
    rows = list(store.links.mentions_of_event(event.id))
    mentions = {row.id: from_dict(EventMention, row.record) for row in rows}
    for row in rows:
        articles.setdefault(row.article_id, None)
    for article_id in dict.fromkeys([*event.articles, *articles]):
        article = articles[article_id] = store.get_article(article_id)
        published = article.published.date if article and article.published else None
        found[article_id] = Source(
            article_id, article.title if article else None, article.source if article else None,
            article.language if article else None, published, web_url(article.url if article else None),
        )
    for row in rows:
        article = articles.get(row.article_id)
        if article is not None:
            trigger = mentions[row.id].trigger
            found[row.article_id].mentions.append(excerpt(article, trigger))
    for claim in event.claims:
        source = found.setdefault(claim.article_id, Source(claim.article_id, outlet=claim.outlet))
        article = articles.get(claim.article_id)
        span = claim.span
        if span is None and claim.mention_id in mentions:
            span = mentions[claim.mention_id].trigger
        shown = excerpt(article, span) if article is not None and span is not None else None
        source.claims.append(SourceClaim(claim, shown, claim.span is not None))
    return list(found.values())


def web_url(url: str | None) -> str | None:
    """The article's address when it is a web address; anything else (``javascript:``,
    ``data:``, a file path) is not made a link."""
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


# --- an article's analysed text ----------------------------------------------------------


@dataclass(slots=True)
class Piece:
    """A stretch of text with everything the analysis found over all of it."""

    text: str
    start: int
    kinds: tuple[str, ...] = ()
    """``per``, ``org``, ``loc``, ``misc``, ``place``, ``time``, ``quantity``, ``quote``,
    ``trigger``."""
    notes: tuple[str, ...] = ()
    """What each finding says, for a tooltip."""
    event_id: str | None = None
    """The canonical event a trigger in this piece belongs to."""


def pieces(article: Article, events_of_mentions: dict[str, str] | None = None) -> list[Piece]:
    """The article's text cut wherever a found span starts or ends; overlapping spans (a
    quote holding a name) give pieces with several kinds."""
    events_of_mentions = events_of_mentions or {}
    spans: list[tuple[int, int, str, str, str | None]] = []
    for e in article.entities:
        spans.append((e.start, e.end, e.label.lower(), f"{e.label}: {e.canonical or e.text}", None))
    for p in article.places:
        kind = "of the people of" if p.feature == "demonym" else "place:"
        spans.append((p.start, p.end, "place", f"{kind} {p.name}" + (f" ({p.country})" if p.country else ""), None))
    for t in article.times:
        note = f"time: {t.value}" if t.kind == "ref" else f"time: {t.value} ({t.precision})"
        spans.append((t.start, t.end, "time", note, None))
    for n in article.quantities:
        spans.append((n.start, n.end, "quantity", f"quantity: {_number(n.low, n.high, n.value)} {n.kind or ''}",
                      None))
    for quote in article.quotes:
        speaker = quote.speaker.text if quote.speaker else "unknown speaker"
        spans.append((quote.start, quote.end, "quote", f"quote of {speaker}", None))
    for m in article.events:
        note = f"event: {m.type}" + (f"/{m.mode}" if m.mode else "") + f", {m.modality}"
        spans.append((m.trigger.start, m.trigger.end, "trigger", note, events_of_mentions.get(m.id)))
    text = article.text
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    opening: dict[int, list[tuple[int, int, str, str, str | None]]] = {}
    for span in sorted(spans):
        if span[0] < span[1]:
            opening.setdefault(span[0], []).append(span)
    found: list[Piece] = []
    over: list[tuple[int, int, str, str, str | None]] = []  # the spans over the piece, by start
    for start, end in itertools.pairwise(cuts):
        over = [s for s in over if s[1] > start] + opening.get(start, [])
        kinds = tuple(dict.fromkeys(s[2] for s in over))
        notes = tuple(dict.fromkeys(s[3] for s in over))
        event_id = next((s[4] for s in over if s[4]), None)
        found.append(Piece(text[start:end], start, kinds, notes, event_id))
    return found


def _number(low: float | None, high: float | None, value: float | None) -> str:
    def show(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"

    if value is not None:
        return show(value)
    if low is not None and high is not None and low != high:
        return f"{show(low)}–{show(high)}"
    bound: Any = low if low is not None else high
    return show(bound) if bound is not None else "?"


def claim_excerpt(store: Store, claim: Claim) -> SourceClaim:
    """One claim with the sentence of its article that says it (a strike's worker counts)."""
    article = store.get_article(claim.article_id)
    shown = excerpt(article, claim.span) if article is not None and claim.span is not None else None
    return SourceClaim(claim, shown, claim.span is not None)
