"""Linking the store, incrementally: the cross-document stage of the pipeline.

:func:`link_store` takes the stored articles not linked yet and, in one transaction,

1. resolves their name chains into entities (:mod:`kronika.link.entities`);
2. links their event mentions into canonical events (:mod:`kronika.link.events`), after
   putting the mentions of earlier runs back into the events they were linked to — earlier
   decisions are kept, so ids stay stable;
3. rebuilds the canonical record (claims, reconciled fields) of every event that gained or
   lost a mention, or names an entity whose display name changed (:mod:`kronika.link.claims`);
4. regroups articles into stories, keeping story ids (:mod:`kronika.link.stories`).

Articles are never analysed again. A new version of an article replaces its mentions (an
event left without mentions disappears). Running it again with nothing new changes
nothing; a killed run leaves the previous state, and the next run links what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kronika.link.claims import Source, canonical_event
from kronika.link.encoder import SentenceEncoder, attach
from kronika.link.entities import EntityResolver, display_name, state_from_json, state_to_json
from kronika.link.events import (
    EventLinker,
    MentionRecord,
    episode_members,
    link_partition,
    mention_order,
    mention_record,
    sentence_entities,
    sentence_figures,
)
from kronika.link.stories import StoryArticle, cluster_stories
from kronika.model import (
    Article,
    CanonicalEntity,
    EventMention,
    Story,
    date_span,
    from_dict,
    to_dict,
)
from kronika.store.links import LinkTables, MentionRow

if TYPE_CHECKING:
    from kronika.store import Store


@dataclass(slots=True)
class LinkSummary:
    articles: int
    mentions: int
    events: int
    entities: int
    stories: int
    specific: int | None = None
    """Of the events, those that report one particular occurrence (the rest are kept from
    generic, background or headline mentions)."""

    def line(self) -> str:
        events = _count(self.events, "event")
        if self.specific is not None and self.specific != self.events:
            events = f"{_count(self.specific, 'specific event')} (+{self.events - self.specific:,} generic)"
        totals = f"{events}, {_count(self.entities, 'entity', 'entities')}, " + _count(
            self.stories, "story", "stories"
        )
        if not self.articles and not self.mentions:
            return f"linked: nothing new ({totals})"
        return (
            f"linked {_count(self.articles, 'article')}: {_count(self.mentions, 'event mention')} "
            f"→ {totals} in total"
        )


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


LinkPartitions = Callable[[list[tuple[MentionRecord, str]], list[MentionRecord]], EventLinker]
"""Links the earlier mentions (record, event id) and the new records into one linker, as
:func:`kronika.link.events.link_partition` does in this process; an executor may split the
work by :func:`kronika.link.events.partition_key` and merge the parts
(:func:`kronika.executors.ray.link_partitions`)."""


def link_store(
    store: Store, *, rebuild: bool = False, encoder: SentenceEncoder | None = None,
    link_partitions: LinkPartitions | None = None,
) -> LinkSummary:
    """Link every stored article not linked yet (all of them with ``rebuild``). With an
    ``encoder`` (:mod:`kronika.link.encoder`), the records of earlier and new mentions carry
    its vectors of their sentences and triggers. ``link_partitions`` links the event mentions
    elsewhere (see :data:`LinkPartitions`)."""
    with store.transaction():
        tables = store.links
        if rebuild:
            tables.clear()
        pending = tables.unlinked()
        superseded = tables.superseded()
        if not pending and not superseded:
            return LinkSummary(
                0, 0, tables.count("events"), tables.count("entities"), tables.count("stories"), tables.count_events()
            )

        resolver = EntityResolver(state_from_json(s) for s in tables.entity_states())
        names_before = {entity_id: display_name(e.forms, e.languages) for entity_id, e in resolver.entities.items()}
        touched = tables.delete_mentions_of({article_id for _, article_id in pending} | set(superseded))
        for article_id in superseded:
            tables.unlink(article_id)
        # Earlier mentions come back as compact records only (the full mentions of the
        # events this run touches are read again when their records are rebuilt).
        restored: list[tuple[MentionRecord, str]] = []
        texts: list[dict[str, Any]] = []
        for row in tables.mentions():
            restored.append((_record(row), row.event_id))
            if encoder is not None:
                texts.append({"sentence": row.record["sentence"], "trigger": row.record["trigger"]})
        if encoder is not None:
            _encode(encoder, [record for record, _ in restored], texts)
            del texts

        changed_entities: set[str] = set()
        batch: list[MentionRecord] = []
        for content_hash, _ in pending:
            article = tables.article(content_hash)  # one at a time: a batch may be large
            chains = resolver.resolve(article)
            changed_entities |= set(chains.values())
            new = _rows(article)
            if encoder is not None:
                _encode(encoder, [record for _, record in new], [row.record for row, _ in new])
            for row, record in new:
                tables.put_mention(row)  # its event is set below
                batch.append(record)
            cities = sorted({f"geo:{p.geonameid}" for p in article.places if p.geonameid and p.precision == "city"})
            tables.mark_linked(content_hash, article.id, chains, cities, _now())
        linker = (link_partitions or link_partition)(restored, batch)
        del restored
        for record in batch:
            event_id = linker.event_of[record.id]
            tables.set_mention_event(record.id, event_id)
            touched.add(event_id)

        entities: dict[str, CanonicalEntity] = {}
        for entity_id, state in resolver.entities.items():
            entities[entity_id] = entity = state.record()
            if entity_id in changed_entities:
                tables.put_entity(entity, state_to_json(state))
        renamed = {e for e in changed_entities if names_before.get(e, entities[e].name) != entities[e].name}
        touched |= tables.events_naming(renamed)
        _write_events(tables, linker, entities, resolver, touched)
        return LinkSummary(
            len(pending), len(batch), tables.count("events"), tables.count("entities"), tables.count("stories"),
            tables.count_events(),
        )


def _rows(article: Article) -> list[tuple[MentionRow, MentionRecord]]:
    """The mention rows of a resolved article (event id still empty), with the entities of
    each mention's sentence kept for later runs, and their records."""
    published = article.published.date if article.published else None
    rows = []
    for mention in article.events:
        context, locations = sentence_entities(article, mention)
        figures = sentence_figures(article, mention.sentence.start, mention.sentence.end)
        record = {**to_dict(mention), "context": context, "locations": locations, "figures": figures}
        row = MentionRow(mention.id, article.id, "", article.language, article.source, published, record)
        rows.append((row, mention_record(mention, article.id, published or "", context, locations, figures)))
    return rows


def _encode(encoder: SentenceEncoder, records: list[MentionRecord], stored: list[dict[str, Any]]) -> None:
    """Attach the encoder's vectors of each mention's sentence and trigger (as stored)."""
    attach(encoder, records, [r["sentence"]["text"] for r in stored], [r["trigger"]["text"] for r in stored])


def _record(row: MentionRow) -> MentionRecord:
    return mention_record(
        from_dict(EventMention, row.record), row.article_id, row.published or "",
        row.record.get("context", ()), row.record.get("locations", ()), row.record.get("figures", ()),
    )


def _write_events(
    tables: LinkTables,
    linker: EventLinker,
    entities: dict[str, CanonicalEntity],
    resolver: EntityResolver,
    touched: set[str],
) -> None:
    """Regroup the stories, rebuild the canonical record of every touched event (deleting
    those left without mentions) and give the others their (possibly new) story."""
    stories = _stories(tables, resolver, linker)
    story_of_event = {
        event_id: _majority(stories.get(article_of(m)) for m in event.members)
        for event_id, event in linker.events.items()
    }
    episode_of = episode_members(linker.events)
    contains: dict[str, list[str]] = {}
    for event_id, episode_id in episode_of.items():
        contains.setdefault(episode_id, []).append(event_id)
    # Episodes and their events are few: rebuild them all, as membership may have moved.
    touched = touched | set(episode_of) | set(contains) | tables.events_in_episodes()
    published = tables.published_dates()
    for event_id in touched:
        if event_id not in linker.events:
            tables.delete_event(event_id)
            continue
        rows = sorted(tables.mentions_of_event(event_id), key=_order)
        sources = [Source(from_dict(EventMention, r.record), r.article_id, r.outlet, r.language or "und") for r in rows]
        event = canonical_event(
            linker.events[event_id], sources, entities, story_of_event.get(event_id),
            episode_of.get(event_id), contains.get(event_id, ()), published,
        )
        span = date_span(event.date) if event.date else None
        tables.put_event(event, span[0].isoformat() if span else None, span[1].isoformat() if span else None)
    for event_id, story_id in tables.event_stories().items():
        if event_id not in touched and story_of_event.get(event_id) != story_id:
            tables.set_event_story(event_id, story_of_event.get(event_id))


def article_of(mention_id: str) -> str:
    """The article of an event mention: its id is ``<article id>-e<n>``."""
    return mention_id.rsplit("-e", 1)[0]


def _order(row: MentionRow) -> tuple[str, str, int]:
    return mention_order(row.id, row.article_id, row.published or "")


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _stories(tables: LinkTables, resolver: EntityResolver, linker: EventLinker) -> dict[str, str]:
    """Regroup every linked article into stories; store them; returns article id → story id."""
    previous = tables.article_stories()
    entities_of: dict[str, set[str]] = {}
    for entity_id, state in resolver.entities.items():
        if state.label in ("PER", "ORG"):
            for article_id in state.articles:
                entities_of.setdefault(article_id, set()).add(entity_id)
    events_of: dict[str, set[str]] = {}
    for mention_id, event_id in linker.event_of.items():
        events_of.setdefault(article_of(mention_id), set()).add(event_id)
    articles = []
    for article_id, title, date, cities in tables.linked_articles():
        span = date_span(date) if date else None
        articles.append(StoryArticle(
            id=article_id, order=(date or "", article_id), day=span[0].toordinal() if span else None,
            entities=frozenset(entities_of.get(article_id, set()) | set(cities)),
            events=frozenset(events_of.get(article_id, ())),
            previous_story=previous.get(article_id), title=title, published=date,
        ))
    event_types = {event_id: event.type for event_id, event in linker.events.items()}
    groups = cluster_stories(articles, event_types)
    stories = []
    story_of: dict[str, str] = {}
    for group in groups:
        dated = sorted(a.published for a in group.articles if a.published)
        events = sorted({e for a in group.articles for e in a.events})
        title = next((a.title for a in group.articles if a.title), None)
        stories.append(Story(
            group.id, title, [a.id for a in group.articles], events,
            dated[0] if dated else None, dated[-1] if dated else None,
        ))
        for a in group.articles:
            story_of[a.id] = group.id
    tables.replace_stories(stories)
    return story_of
