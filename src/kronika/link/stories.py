"""Stories: articles about one developing situation, clustered; a story holds many events.

Two articles are in the same story when

- they report the same canonical event (other than a bare statement: "X said" links too
  much), or
- they name at least :data:`SHARED_ENTITIES` of the same people, organisations and cities
  and were published within :data:`STORY_WINDOW_DAYS` of each other (when both dates are
  known). Cities come from the gazetteer, so articles in languages without a name tagger
  still join their story.

Stories are the connected groups of that relation (union-find on the edge list). Their
ids are stable: a group keeps the id most of its articles had before (so a story survives
growing and merging), and a new group takes an id made from its first article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kronika.model import short_hash

SHARED_ENTITIES = 2
"""People, organisations and cities two articles must both name to be one story (one is
too little: every article about a country names its president or its capital)."""

STORY_WINDOW_DAYS = 14
"""Articles further apart than this are one story only through a shared event."""

ENTITY_CANDIDATES = 200
"""Per entity, an article is compared with at most this many earlier articles naming it."""

IGNORED_TYPES = frozenset({"STATEMENT"})


@dataclass(slots=True)
class StoryArticle:
    id: str
    order: tuple[str, str]
    day: int | None
    entities: frozenset[str]
    events: frozenset[str]
    previous_story: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class StoryGroup:
    id: str
    articles: list[StoryArticle] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_stories(articles: Sequence[StoryArticle], event_types: Mapping[str, str]) -> list[StoryGroup]:
    """Group articles into stories with stable ids (see the module docstring)."""
    ordered = sorted(articles, key=lambda a: a.order)
    groups = _UnionFind()
    first_of_event: dict[str, str] = {}
    by_entity: dict[str, list[StoryArticle]] = {}
    for article in ordered:
        groups.find(article.id)
        for event_id in article.events:
            if event_types.get(event_id) in IGNORED_TYPES:
                continue
            if event_id in first_of_event:
                groups.union(first_of_event[event_id], article.id)
            else:
                first_of_event[event_id] = article.id
        shared: Counter[str] = Counter()
        near: dict[str, StoryArticle] = {}
        for entity_id in article.entities:
            earlier = by_entity.setdefault(entity_id, [])
            for other in earlier[-ENTITY_CANDIDATES:]:
                shared[other.id] += 1
                near[other.id] = other
            earlier.append(article)
        for other_id, count in shared.items():
            other = near[other_id]
            close = article.day is None or other.day is None or abs(article.day - other.day) <= STORY_WINDOW_DAYS
            if count >= SHARED_ENTITIES and close:
                groups.union(other_id, article.id)
    members: dict[str, list[StoryArticle]] = {}
    for article in ordered:
        members.setdefault(groups.find(article.id), []).append(article)
    stories = []
    taken: set[str] = set()
    for group in members.values():
        previous = Counter(a.previous_story for a in group if a.previous_story)
        story_id = next(
            (sid for sid, _ in sorted(previous.items(), key=lambda item: (-item[1], item[0])) if sid not in taken),
            None,
        )
        story_id = story_id or f"st-{short_hash(group[0].id)}"
        taken.add(story_id)
        stories.append(StoryGroup(story_id, group))
    return stories
