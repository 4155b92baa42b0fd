"""The linked tables of the store: entities, event mentions, canonical events, stories.

Written by :mod:`kronika.link.update` inside one transaction per linking run, read by the
``events``/``entities``/``stories``/``export`` commands (and the web app).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kronika.model import Article, CanonicalEntity, CanonicalEvent, Story, from_dict, to_dict


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class MentionRow:
    id: str
    article_id: str
    event_id: str
    language: str | None
    outlet: str | None
    published: str | None
    record: dict[str, Any]


@dataclass(slots=True)
class EventFilter:
    """Filters, order and page of :meth:`LinkTables.events`; every one optional."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    country: str | None = None
    entity: str | None = None
    """An entity id (``ent-…``)."""
    story: str | None = None
    limit: int | None = None
    mode: str | None = None
    modality: str | None = None
    place: str | None = None
    """A place name, any case."""
    text: str | None = None
    """Words that must all occur in the event's summary, place, actors or quoted evidence."""
    source: str | None = None
    """An outlet that reported the event, any case."""
    sort: str = "date"
    """One of :data:`EVENT_ORDERS`; ``-`` in front reverses it."""
    offset: int = 0
    specific: bool | None = True
    """``True`` (the default): events that report one particular occurrence; ``False``: only
    those kept from generic, background or headline mentions; ``None``: both."""
    episode: str | None = None
    """The events an episode (an event id) contains."""


EVENT_ORDERS = {"date": "date_first", "sources": "articles", "mentions": "mentions", "participants": "participants"}
"""How events can be sorted: by this column, then by date. Events without a date (or a
crowd size) come last either way."""
NULLABLE_ORDERS = frozenset({"date_first", "participants"})
FACETS = ("type", "mode", "modality", "country", "place", "source")
"""The filters whose values :meth:`LinkTables.facets` lists."""


def fts_query(text: str) -> str:
    """A full-text query in which every word of ``text`` must occur, the last one as a prefix;
    the words are quoted, so FTS5 syntax in ``text`` has no effect."""
    words = [w.replace('"', '""') for w in re.findall(r"\w+", text)]
    return " ".join(f'"{w}"' for w in words[:-1]) + (f' "{words[-1]}"*' if words else "")


class LinkTables:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    # --- what is linked ---------------------------------------------------------------

    def unlinked(self) -> list[tuple[str, str]]:
        """(content hash, article id) of the current article versions not linked yet, oldest
        publication first."""
        return self.db.execute(
            """SELECT a.content_hash, a.id FROM articles a
               LEFT JOIN linked_articles l ON l.content_hash = a.content_hash
               WHERE a.current = 1 AND l.content_hash IS NULL
               ORDER BY a.published_date IS NULL, a.published_date, a.id"""
        ).fetchall()

    def article(self, content_hash: str) -> Article:
        (record,) = self.db.execute("SELECT record FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return Article.from_json(record)

    def superseded(self) -> list[str]:
        """Linked articles whose stored version is no longer current (a newer one replaced it)."""
        rows = self.db.execute(
            """SELECT l.article_id FROM linked_articles l JOIN articles a ON a.content_hash = l.content_hash
               WHERE a.current = 0 AND NOT EXISTS (
                   SELECT 1 FROM articles b WHERE b.id = a.id AND b.current = 1 AND b.content_hash = l.content_hash)"""
        )
        return [row[0] for row in rows]

    def unlink(self, article_id: str) -> None:
        self.db.execute(
            """DELETE FROM linked_articles WHERE content_hash IN (
                   SELECT content_hash FROM articles WHERE id = ? AND current = 0)""",
            (article_id,),
        )
        self.db.execute("DELETE FROM entity_chains WHERE article_id = ?", (article_id,))

    def mark_linked(
        self, content_hash: str, article_id: str, chains: dict[str, str], places: list[str], when: str
    ) -> None:
        """Record the article as linked, with the entity each of its name chains resolved to
        and the cities it names."""
        self.db.execute(
            """INSERT OR REPLACE INTO linked_articles (content_hash, article_id, linked_at, places)
               VALUES (?, ?, ?, ?)""",
            (content_hash, article_id, when, _dump(places)),
        )
        self.db.execute("DELETE FROM entity_chains WHERE article_id = ?", (article_id,))
        self.db.executemany(
            "INSERT INTO entity_chains (article_id, chain_id, entity_id) VALUES (?, ?, ?)",
            [(article_id, chain, entity) for chain, entity in chains.items()],
        )

    def resolve_entities(self, article: Article) -> Article:
        """Give a stored article's entities and speakers their resolved ids and names."""
        rows = self.db.execute(
            """SELECT c.chain_id, e.id, e.name FROM entity_chains c JOIN entities e ON e.id = c.entity_id
               WHERE c.article_id = ?""",
            (article.id,),
        ).fetchall()
        return article.resolve_entities({chain: (entity_id, name) for chain, entity_id, name in rows})

    def linked_articles(self) -> Iterator[tuple[str, str | None, str | None, list[str]]]:
        """(id, title, published date, cities) of every linked current article."""
        rows = self.db.execute(
            """SELECT a.id, a.title, a.published_date, l.places FROM articles a
               JOIN linked_articles l ON l.content_hash = a.content_hash
               WHERE a.current = 1 ORDER BY a.id"""
        )
        for article_id, title, date, places in rows:
            yield article_id, title, date, json.loads(places)

    def clear(self) -> None:
        for table in (
            "linked_articles", "entities", "entity_chains", "mentions", "events", "event_entities", "stories",
            "article_stories", "event_sources", "event_text", "event_records",
        ):
            self.db.execute(f"DELETE FROM {table}")

    # --- entities ---------------------------------------------------------------------

    def entity_states(self) -> Iterator[dict[str, Any]]:
        for (state,) in self.db.execute("SELECT state FROM entities"):
            yield json.loads(state)

    def put_entity(self, entity: CanonicalEntity, state: dict[str, Any]) -> None:
        self.db.execute(
            """INSERT OR REPLACE INTO entities (id, name, label, country, mentions, search, record, state)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (entity.id, entity.name, entity.label, entity.country, entity.mentions,
             "\n".join(dict.fromkeys([entity.name.lower()] + [v.text.lower() for v in entity.variants])),
             _dump(to_dict(entity)), _dump(state)),
        )

    def entities(
        self, *, query: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[CanonicalEntity]:
        """Entities, most mentioned first; ``query``: part of the name or of a spelling."""
        sql, params = self._entity_query("SELECT record FROM entities", query)
        sql += " ORDER BY mentions DESC, id"
        if limit or offset:
            sql += f" LIMIT {int(limit or -1)} OFFSET {int(offset)}"
        for (record,) in self.db.execute(sql, params):
            yield from_dict(CanonicalEntity, json.loads(record))

    def count_entities(self, query: str | None = None) -> int:
        sql, params = self._entity_query("SELECT COUNT(*) FROM entities", query)
        return int(self.db.execute(sql, params).fetchone()[0])

    @staticmethod
    def _entity_query(select: str, query: str | None) -> tuple[str, list[str]]:
        if not query:
            return select, []
        escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return select + " WHERE search LIKE ? ESCAPE '\\'", [f"%{escaped}%"]

    def find_entity(self, id_or_name: str) -> CanonicalEntity | None:
        """The entity with this id, or else the most mentioned entity with this name or a
        spelling containing it."""
        return self.entity(id_or_name) or next(self.entities(query=id_or_name, limit=1), None)

    def entity(self, entity_id: str) -> CanonicalEntity | None:
        row = self.db.execute("SELECT record FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return from_dict(CanonicalEntity, json.loads(row[0])) if row else None

    # --- mentions ---------------------------------------------------------------------

    def mentions(self) -> Iterator[MentionRow]:
        return self._mention_rows("")

    def _mention_rows(self, where: str, *params: str) -> Iterator[MentionRow]:
        rows = self.db.execute(
            f"SELECT id, article_id, event_id, language, outlet, published, record FROM mentions {where}",
            params,
        )
        for id_, article_id, event_id, language, outlet, published, record in rows:
            yield MentionRow(id_, article_id, event_id, language, outlet, published, json.loads(record))

    def set_mention_event(self, mention_id: str, event_id: str) -> None:
        self.db.execute("UPDATE mentions SET event_id = ? WHERE id = ?", (event_id, mention_id))

    def mentions_of_event(self, event_id: str) -> Iterator[MentionRow]:
        return self._mention_rows("WHERE event_id = ?", event_id)

    def delete_mentions_of(self, article_ids: Iterable[str]) -> set[str]:
        """Drop the mentions of these articles; returns the events they belonged to."""
        events: set[str] = set()
        for article_id in article_ids:
            events |= {r[0] for r in self.db.execute("SELECT event_id FROM mentions WHERE article_id = ?", (article_id,))}
            self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        return events

    def put_mention(self, row: MentionRow) -> None:
        self.db.execute(
            """INSERT OR REPLACE INTO mentions (id, article_id, event_id, language, outlet, published, record)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (row.id, row.article_id, row.event_id, row.language, row.outlet, row.published,
             _dump(row.record)),
        )

    # --- events -----------------------------------------------------------------------

    def put_event(self, event: CanonicalEvent, first_day: str | None, last_day: str | None) -> None:
        """Store the event (replacing the one with its id, which gets a new key) with the
        rows that filter it: its entities, its outlets, its words."""
        place = event.place
        crowd = event.magnitudes.get("participants")
        size = None if crowd is None else crowd.high if crowd.high is not None else crowd.low
        self.delete_event(event.id)
        key = self.db.execute(
            """INSERT INTO events (id, type, mode, modality, date, date_first, date_last,
                   precision, country, place, latitude, longitude, story_id, mentions, articles,
                   disagreements, participants, specific, episode_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (event.id, event.type, event.mode, event.modality, event.date, first_day, last_day,
             event.date_precision, event.country, place.name if place else None,
             place.lat if place else None, place.lon if place else None, event.story_id,
             len(event.mentions), len(event.articles), " ".join(event.disagreements), size,
             int(event.specific), event.episode_id),
        ).lastrowid
        self.db.execute("INSERT INTO event_records (key, record) VALUES (?, ?)", (key, _dump(to_dict(event))))
        self.db.execute("INSERT INTO event_text (rowid, text) VALUES (?, ?)", (key, _event_words(event)))
        self.db.executemany(
            "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, event_key) VALUES (?, ?, ?, ?)",
            [(event.id, a.entity_id, a.role, key) for a in event.actors if a.entity_id],
        )
        outlets = {claim.article_id: claim.outlet for claim in event.claims}
        self.db.executemany(
            """INSERT INTO event_sources (event_id, article_id, outlet, event_key) VALUES (?1, ?2,
                   coalesce(?3, (SELECT source FROM articles WHERE id = ?2 AND current = 1)), ?4)""",
            [(event.id, article_id, outlets.get(article_id), key) for article_id in event.articles],
        )

    def delete_event(self, event_id: str) -> None:
        row = self.db.execute("SELECT key FROM events WHERE id = ?", (event_id,)).fetchone()
        if row:
            self.db.execute("DELETE FROM event_text WHERE rowid = ?", row)
            self.db.execute("DELETE FROM event_records WHERE key = ?", row)
        self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        self.db.execute("DELETE FROM event_entities WHERE event_id = ?", (event_id,))
        self.db.execute("DELETE FROM event_sources WHERE event_id = ?", (event_id,))

    def events_naming(self, entity_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for entity_id in entity_ids:
            found |= {r[0] for r in self.db.execute("SELECT event_id FROM event_entities WHERE entity_id = ?", (entity_id,))}
        return found

    def set_event_story(self, event_id: str, story_id: str | None) -> None:
        self.db.execute(
            "UPDATE events SET story_id = ? WHERE id = ?", (story_id, event_id)
        )
        self.db.execute(
            """UPDATE event_records SET record = json_set(record, '$.story_id', ?)
               WHERE key = (SELECT key FROM events WHERE id = ?)""",
            (story_id, event_id),
        )

    def events_in_episodes(self) -> set[str]:
        """The stored episodes and the events inside them."""
        rows = self.db.execute(
            """SELECT id FROM events WHERE episode_id IS NOT NULL
               UNION SELECT episode_id FROM events WHERE episode_id IS NOT NULL
               UNION SELECT e.id FROM events e JOIN event_records r ON r.key = e.key
                   WHERE e.type = 'PROTEST' AND json_extract(r.record, '$.episode') IS NOT NULL"""
        )
        return {row[0] for row in rows}

    def published_dates(self) -> dict[str, str]:
        """Article id → publication date (ISO), of the current linked articles that have one."""
        return dict(self.db.execute(
            """SELECT a.id, a.published_date FROM articles a JOIN linked_articles l ON l.content_hash = a.content_hash
               WHERE a.current = 1 AND a.published_date IS NOT NULL"""
        ).fetchall())

    def event_stories(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, story_id FROM events").fetchall())

    def events(self, where: EventFilter | None = None) -> Iterator[CanonicalEvent]:
        """Canonical events, filtered, in the filter's order (by date, undated last)."""
        # The order is found on the keys alone (from indexes, small to sort); the records,
        # large, are read for the events that are returned.
        keys = [key for (key,) in self._ordered("SELECT key FROM events", where or EventFilter())]
        for at in range(0, len(keys), 500):
            chunk = keys[at : at + 500]
            records = dict(self.db.execute(
                f"SELECT key, record FROM event_records WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ))
            for key in chunk:
                if key in records:  # else deleted meanwhile by a linking run
                    yield from_dict(CanonicalEvent, json.loads(records[key]))

    def _ordered(self, select: str, where: EventFilter) -> Iterator[tuple[Any, ...]]:
        """Rows in the filter's order, a page of them when it has a limit or offset.

        Every order is one index walk (the columns, then the key, all in one direction). SQLite
        sorts NULL first, which is right for descending orders only; an ascending order on a
        column that can be NULL reads the rows that have a value, then those that do not.
        """
        column = EVENT_ORDERS.get(where.sort.lstrip("-"))
        if column is None:
            raise ValueError(f"cannot sort events by {where.sort!r}")
        desc = " DESC" if where.sort.startswith("-") else ""
        then = f"date_first{desc}, " if column != "date_first" else ""
        order = f" ORDER BY {column}{desc}, {then}key{desc}"
        limit, offset = where.limit, where.offset
        page = f" LIMIT {int(limit or -1)} OFFSET {int(offset)}" if limit or offset else ""
        if desc or column not in NULLABLE_ORDERS:
            sql, params = self._event_query(select, where, in_order=True)
            yield from self.db.execute(sql + order + page, params)
            return
        sql, params = self._event_query(select, where, f"{column} IS NOT NULL", in_order=True)
        found = 0
        for row in self.db.execute(sql + order + page, params):
            found += 1
            yield row
        if limit and found == limit:
            return
        if found == 0 and offset:  # the page starts among the rows without a value
            counted, _ = self._event_query("SELECT COUNT(*) FROM events", where, f"{column} IS NOT NULL")
            offset -= int(self.db.execute(counted, params).fetchone()[0])
        else:
            offset = 0
        rest = f" LIMIT {int(limit - found) if limit else -1} OFFSET {max(offset, 0)}"
        sql, params = self._event_query(select, where, f"{column} IS NULL", in_order=True)
        yield from self.db.execute(sql + " ORDER BY date_first, key" + rest, params)

    def count_events(self, where: EventFilter | None = None) -> int:
        """How many events the filter lets through (its limit and offset aside)."""
        sql, params = self._event_query("SELECT COUNT(*) FROM events", where or EventFilter())
        return int(self.db.execute(sql, params).fetchone()[0])

    def events_per_day(self, where: EventFilter | None = None) -> list[tuple[str, str, str, int]]:
        """(first day, last day, type, events) of the dated events the filter lets through."""
        sql, params = self._event_query(
            "SELECT date_first, date_last, type, COUNT(*) FROM events", where or EventFilter(),
            "date_first IS NOT NULL",
        )
        return self.db.execute(sql + " GROUP BY date_first, date_last, type", params).fetchall()

    def event_points(self, where: EventFilter, limit: int) -> list[tuple[Any, ...]]:
        """(id, type, date, place, country, latitude, longitude, participants, articles) of
        the filter's events that have coordinates, the largest crowds first."""
        sql, params = self._event_query(
            "SELECT id, type, date, place, country, latitude, longitude, participants, articles FROM events",
            where, "latitude IS NOT NULL",
        )
        sql += f" ORDER BY participants DESC, articles DESC LIMIT {int(limit)}"
        return self.db.execute(sql, params).fetchall()

    def count_located(self, where: EventFilter) -> int:
        """How many of the filter's events have coordinates."""
        sql, params = self._event_query("SELECT COUNT(*) FROM events", where, "latitude IS NOT NULL")
        return int(self.db.execute(sql, params).fetchone()[0])

    def events_of_mentions(self, article_id: str) -> dict[str, str]:
        """Mention id → canonical event id, for one article's mentions."""
        return dict(self.db.execute("SELECT id, event_id FROM mentions WHERE article_id = ?", (article_id,)))

    def all_facets(self) -> dict[str, list[tuple[str, int]]]:
        """:meth:`facets` of every column a filter reads."""
        return {column: self.facets(column) for column in FACETS}

    def facets(self, column: str) -> list[tuple[str, int]]:
        """The values of one event column (type, mode, modality, country, place) with their
        counts, most frequent first; ``source`` gives the outlets."""
        if column == "source":
            sql = "SELECT outlet, COUNT(*) FROM event_sources WHERE outlet IS NOT NULL GROUP BY outlet COLLATE NOCASE"
        elif column in ("type", "mode", "modality", "country", "place"):
            collate = " COLLATE NOCASE" if column == "place" else ""  # as its index, and as the filter reads it
            sql = f"SELECT {column}, COUNT(*) FROM events WHERE {column} IS NOT NULL GROUP BY {column}{collate}"
        else:
            raise ValueError(column)
        return self.db.execute(sql + " ORDER BY 2 DESC, 1").fetchall()

    def _event_query(
        self, select: str, where: EventFilter, *extra: str, in_order: bool = False
    ) -> tuple[str, list[Any]]:
        """The SQL and parameters of ``select`` with the filter's conditions (and ``extra``).

        The entity, outlet and word filters give a set of event keys. Counting looks those
        events up by key; ``in_order`` (a page in some order) instead walks the order's index
        and tests each event against the set (``+key``: SQLite then does not look them up
        by key), and stops when the page is full.
        """
        clauses, params = list(extra), list[Any]()
        key = "+key" if in_order else "key"
        if where.since:
            clauses.append("date_last >= ?")
            params.append(where.since)
        if where.until:
            clauses.append("date_first <= ?")
            params.append(where.until + "\uffff")
        for column, value in (
            ("type", where.type and where.type.upper()), ("mode", where.mode), ("modality", where.modality),
            ("country", where.country and where.country.upper()), ("story_id", where.story),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if where.specific is not None:
            clauses.append("specific = ?")
            params.append(int(where.specific))
        if where.episode:
            clauses.append("episode_id = ?")
            params.append(where.episode)
        if where.place:
            clauses.append("place = ? COLLATE NOCASE")
            params.append(where.place)
        if where.entity:
            clauses.append(f"{key} IN (SELECT event_key FROM event_entities WHERE entity_id = ?)")
            params.append(where.entity)
        if where.source:
            clauses.append(f"{key} IN (SELECT event_key FROM event_sources WHERE outlet = ? COLLATE NOCASE)")
            params.append(where.source)
        if where.text and fts_query(where.text):
            clauses.append(f"{key} IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)")
            params.append(fts_query(where.text))
        return select + (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def event(self, event_id: str) -> CanonicalEvent | None:
        row = self.db.execute(
            "SELECT r.record FROM events e JOIN event_records r ON r.key = e.key WHERE e.id = ?", (event_id,)
        ).fetchone()
        return from_dict(CanonicalEvent, json.loads(row[0])) if row else None

    def count(self, table: str) -> int:
        if table not in ("events", "mentions", "entities", "stories"):
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # --- stories ----------------------------------------------------------------------

    def article_stories(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT article_id, story_id FROM article_stories").fetchall())

    def replace_stories(self, stories: Iterable[Story]) -> None:
        self.db.execute("DELETE FROM stories")
        self.db.execute("DELETE FROM article_stories")
        for story in stories:
            self.db.execute(
                """INSERT INTO stories (id, title, first_date, last_date, articles, events, record)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (story.id, story.title, story.first_date, story.last_date, len(story.articles),
                 len(story.events), _dump(to_dict(story))),
            )
            self.db.executemany(
                "INSERT INTO article_stories (article_id, story_id) VALUES (?, ?)",
                [(article_id, story.id) for article_id in story.articles],
            )

    def story(self, story_id: str) -> Story | None:
        row = self.db.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
        return from_dict(Story, json.loads(row[0])) if row else None

    def stories(self) -> Iterator[Story]:
        for (record,) in self.db.execute("SELECT record FROM stories ORDER BY first_date IS NULL, first_date, id"):
            yield from_dict(Story, json.loads(record))


def _event_words(event: CanonicalEvent) -> str:
    """What text search finds an event by: its summary, place, actors and quoted evidence."""
    words = [event.summary or "", event.place.name if event.place else ""]
    words += [actor.text for actor in event.actors]
    words += dict.fromkeys(claim.span.text for claim in event.claims if claim.span)
    return " ".join(w for w in words if w)
