"""Stories: articles grouped by shared events and shared names, with stable ids."""

from __future__ import annotations

from kronika.link.stories import StoryArticle, cluster_stories


def story_article(id: str, day: int | None, entities: set[str], events: set[str] = frozenset(),  # type: ignore[assignment]
                  previous: str | None = None) -> StoryArticle:
    return StoryArticle(id, (str(day), id), day, frozenset(entities), frozenset(events), previous)


def groups(stories: list) -> set[frozenset[str]]:
    return {frozenset(a.id for a in s.articles) for s in stories}


def test_shared_events_and_names_make_stories_and_one_name_does_not() -> None:
    articles = [
        story_article("a", 1, {"ent-ruler", "ent-union"}, {"ev-strike"}),
        story_article("b", 2, {"ent-ruler"}, {"ev-strike"}),  # the same strike
        story_article("c", 3, {"ent-ruler", "ent-union"}),  # the same two names, days later
        story_article("d", 3, {"ent-ruler", "ent-footballer"}),  # only the ruler in common
        story_article("e", 60, {"ent-ruler", "ent-union"}),  # the same names, two months on
    ]
    assert groups(cluster_stories(articles, {"ev-strike": "PROTEST"})) == {
        frozenset("abc"), frozenset("d"), frozenset("e"),
    }


def test_a_shared_statement_does_not_join_stories() -> None:
    articles = [story_article("a", 1, set(), {"ev-said"}), story_article("b", 1, set(), {"ev-said"})]
    assert len(cluster_stories(articles, {"ev-said": "STATEMENT"})) == 2


def test_story_ids_survive_growth_and_merges() -> None:
    first = cluster_stories([story_article("a", 1, set(), {"ev-1"})], {"ev-1": "PROTEST"})
    (story,) = first
    grown = cluster_stories(
        [story_article("a", 1, set(), {"ev-1"}, story.id), story_article("b", 2, set(), {"ev-1"})],
        {"ev-1": "PROTEST"},
    )
    assert [s.id for s in grown] == [story.id]
    other = cluster_stories([story_article("z", 5, set(), {"ev-2"})], {"ev-2": "PROTEST"})[0].id
    merged = cluster_stories(
        [
            story_article("a", 1, set(), {"ev-1"}, story.id),
            story_article("b", 2, set(), {"ev-1", "ev-2"}, story.id),
            story_article("z", 5, set(), {"ev-2"}, other),
        ],
        {"ev-1": "PROTEST", "ev-2": "PROTEST"},
    )
    assert [s.id for s in merged] == [story.id]  # the id most of its articles had
