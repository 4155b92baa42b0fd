"""The store's browsing side: filters, order, pages, text search, read-only connections, and
migration 0003 filling its tables for stores linked before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.errors import StoreError
from kronika.model import date_span
from kronika.store import Store
from kronika.store.links import EventFilter, fts_query
from kronika.store.sqlite import migrations
from tests.conftest import EXAMPLES, cli


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browse") / "kronika.db"
    assert cli("run", str(EXAMPLES), "--db", str(db)).exit_code == 0
    return db


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("steel strike") == '"steel" "strike"*'
    assert fts_query('a" OR b* NEAR(c') == '"a" "OR" "b" "NEAR" "c"*'
    assert fts_query("  ,;  ") == ""


@pytest.mark.parametrize("sort", ["date", "-date", "sources", "-sources", "participants", "-participants"])
def test_pages_follow_the_order(linked: Path, sort: str) -> None:
    with Store(linked) as store:
        everything = list(store.links.events(EventFilter(sort=sort, specific=None)))
        assert len(everything) == store.links.count("events")
        paged = [e.id for n in range(0, len(everything), 4)
                 for e in store.links.events(EventFilter(sort=sort, limit=4, offset=n, specific=None))]
        assert paged == [e.id for e in everything]
        key = {"date": lambda e: e.date and date_span(e.date)[0],  # type: ignore[index]
               "sources": lambda e: len(e.articles),
               "participants": lambda e: e.magnitudes["participants"].high or e.magnitudes["participants"].low
               if "participants" in e.magnitudes else None}[sort.lstrip("-")]
        values = [key(e) for e in everything]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=sort.startswith("-"))
        assert values == known + [None] * (len(values) - len(known))  # unknown last, either way


def test_unknown_order_is_an_error(linked: Path) -> None:
    with Store(linked) as store, pytest.raises(ValueError, match="cannot sort"):
        list(store.links.events(EventFilter(sort="colour")))


def test_text_search_reads_summary_place_and_evidence(linked: Path) -> None:
    with Store(linked) as store:
        found = list(store.links.events(EventFilter(text="rustav")))
        assert found and all(
            "rustav" in " ".join([e.summary or "", e.place.name if e.place else ""]
                                 + [c.span.text for c in e.claims if c.span]).lower()
            for e in found
        )
        # FTS syntax has no effect: the same events as the bare words
        bare = store.links.count_events(EventFilter(text="the a", specific=None))
        assert bare > 0 and store.links.count_events(EventFilter(text='" the A*', specific=None)) == bare


def test_migration_fills_the_browse_tables_of_an_older_store(linked: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.db"
    copy.write_bytes(linked.read_bytes())
    entity = "SELECT entity_id FROM event_entities LIMIT 1"
    with Store(copy) as store:
        some_entity = store.db.execute(entity).fetchone()[0]
        filters = [EventFilter(text="strike", specific=None), EventFilter(entity=some_entity, specific=None),
                   EventFilter(source="the evening dispatch", specific=None), EventFilter(sort="-participants", specific=None)]
        expected = [sorted(e.id for e in store.links.events(f)) for f in filters]  # ties may reorder
        # Back to the tables of migration 0002, as a store linked before 0003 has them.
        store.db.executescript(
            """CREATE TABLE old_events AS SELECT id, type, mode, modality, date, date_first, date_last,
                   precision, country, place, latitude, longitude, story_id, mentions, articles,
                   disagreements, record FROM events JOIN event_records USING (key);
               DROP TABLE events; DROP TABLE event_records; ALTER TABLE old_events RENAME TO events;
               CREATE TABLE old_entities AS SELECT event_id, entity_id, role FROM event_entities;
               DROP TABLE event_entities; ALTER TABLE old_entities RENAME TO event_entities;
               DROP TABLE event_sources; DROP TABLE event_text; PRAGMA user_version = 2;"""
        )
    with pytest.raises(StoreError, match="has schema 2.*kronika link"):
        Store(copy, readonly=True)
    with Store(copy) as store:
        assert store.schema_version == migrations()[-1][0]
        assert [sorted(e.id for e in store.links.events(f)) for f in filters] == expected
        assert all(expected)


def test_readonly_store_refuses_writes(linked: Path, tmp_path: Path) -> None:
    with Store(linked, readonly=True) as store:
        assert store.links.count("events") > 0
        with pytest.raises(Exception, match="readonly|read-only"):
            store.db.execute("DELETE FROM events")
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_command_line_filters_are_the_web_apps(linked: Path) -> None:
    from fastapi.testclient import TestClient

    from kronika.serve import create_app

    api = TestClient(create_app(linked))
    for options, query in [
        (["--mode", "strike", "--sort", "-participants"], "mode=strike&sort=-participants"),
        (["--text", "parliament", "--source", "THE EVENING DISPATCH"], "q=parliament&source=THE EVENING DISPATCH"),
        (["--place", "rustavi", "--modality", "occurred", "--since", "2023-03-13"],
         "place=rustavi&modality=occurred&since=2023-03-13"),
    ]:
        result = cli("events", "--db", str(linked), "--format", "jsonl", *options)
        assert result.exit_code == 0, result.output
        listed = [json.loads(line)["id"] for line in result.stdout.splitlines()]
        assert listed and listed == [e["id"] for e in api.get(f"/api/events?per_page=500&{query}").json()["items"]]
