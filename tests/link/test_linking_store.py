"""The link stage over a real SQLite store: reports in two languages become one event with
both claims, linking is incremental, ids are stable, re-running changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kronika.link import link_store
from kronika.store import Store
from tests.conftest import cli

# Three reports of one invented strike and march, and one of a different event.
REPORTS = {
    "01_en.txt": """date 2024-03-12
source Harbour Times

Dockworkers in Rotterdam went on strike on Monday over pay. About 4,000 dockworkers marched
through Rotterdam on Monday, union leader Marieke Dekker said.
""",
    "02_nl.txt": """date 2024-03-12
source Het Havenblad

In Rotterdam hebben havenarbeiders maandag gestaakt. Volgens de politie liepen maandag
zo'n 9.000 havenarbeiders mee in een mars door Rotterdam. Vakbondsleider Marieke Dekker sprak de menigte toe.
""",
}
LATER = {
    "03_en.txt": """date 2024-03-14
source Coast Courier

Dockworkers marched through Rotterdam on Monday, some 4,000 of them, said Marieke Dekker.
Police arrested 12 people in Antwerp on Wednesday after clashes at a football match.
""",
}


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def events_json(db: Path) -> list[dict]:
    result = cli("events", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def marches(db: Path) -> list[dict]:
    return [e for e in events_json(db) if e["type"] == "PROTEST" and e["mode"] == "march"]


def test_two_languages_one_event_with_both_claims_and_the_disagreement(tmp_path: Path) -> None:
    inputs, db = tmp_path / "in", tmp_path / "k.db"
    write(inputs, REPORTS)
    result = cli("run", str(inputs), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "linked 2 articles" in result.output
    (march,) = marches(db)
    assert march["languages"] == ["en", "nl"]
    assert len(march["articles"]) == 2
    claims = [c for c in march["claims"] if c["field"] == "participants"]
    assert {(c["low"], c["language"]) for c in claims} == {(4000, "en"), (9000, "nl")}
    nl_claim = next(c for c in claims if c["language"] == "nl")
    assert nl_claim["outlet"] == "Het Havenblad"
    article = cli("show", nl_claim["article_id"], "--db", str(db)).stdout
    text = json.loads(article)["text"]
    span = nl_claim["span"]
    assert text[span["start"]:span["end"]] == span["text"] and "9.000" in span["text"]
    assert march["disagreements"] == ["participants"]
    assert march["reconciled"]["participants"]["rule"] == "sources disagree"
    assert (march["magnitudes"]["participants"]["low"], march["magnitudes"]["participants"]["high"]) == (4000, 9000)
    # The union leader is one entity in both languages, and the stored articles show it.
    entities = [json.loads(line) for line in cli("entities", "--db", str(db), "--format", "jsonl", "-q", "dekker").stdout.splitlines()]
    assert len(entities) == 1 and len(entities[0]["articles"]) == 2


def test_linking_is_incremental_stable_and_idempotent(tmp_path: Path) -> None:
    inputs, db = tmp_path / "in", tmp_path / "k.db"
    write(inputs, REPORTS)
    cli("run", str(inputs), "--db", str(db))
    (before,) = marches(db)
    write(inputs, LATER)
    result = cli("run", str(inputs), "--db", str(db))
    assert "linked 1 article:" in result.output  # only the new article is linked
    (after,) = marches(db)
    assert after["id"] == before["id"]  # the event's id survives a new mention joining it
    assert len(after["articles"]) == 3
    snapshot = _tables(db)
    again = cli("run", str(inputs), "--db", str(db))
    assert "nothing new" in again.output
    assert _tables(db) == snapshot
    # Linking everything again from scratch gives the same events and ids.
    with Store(db) as store:
        link_store(store, rebuild=True)
    assert {e["id"] for e in events_json(db)} == {row[1] for row in snapshot["events"]}  # (key, id, …)


def _tables(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("entities", "mentions", "events", "event_records", "stories", "entity_chains")
        }


def test_a_new_version_of_an_article_replaces_its_mentions(tmp_path: Path) -> None:
    inputs, db = tmp_path / "in", tmp_path / "k.db"
    write(inputs, REPORTS)
    cli("run", str(inputs), "--db", str(db))
    (path,) = [inputs / "02_nl.txt"]
    path.write_text(REPORTS["02_nl.txt"].replace("zo'n 9.000", "zo'n 4.000"), encoding="utf-8")
    cli("run", str(inputs), "--db", str(db))
    (march,) = marches(db)
    assert march["disagreements"] == []
    assert sorted(c["low"] for c in march["claims"] if c["field"] == "participants") == [4000, 4000]
    with Store(db) as store:
        assert store.integrity_ok()


def test_a_failed_link_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch) -> None:
    inputs, db = tmp_path / "in", tmp_path / "k.db"
    write(inputs, REPORTS)
    cli("run", str(inputs), "--db", str(db), "--no-link")
    from kronika.link import update

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("killed")

    monkeypatch.setattr(update, "canonical_event", broken)
    with Store(db) as store:
        try:
            link_store(store)
        except RuntimeError:
            pass
        assert store.links.count("mentions") == 0 and store.links.count("events") == 0
    monkeypatch.undo()
    result = cli("link", "--db", str(db))
    assert "linked 2 articles" in result.output


def test_the_example_corpus_is_one_story_in_four_languages(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    db = tmp_path / "k.db"
    cli("run", str(EXAMPLES), "--db", str(db))
    with Store(db) as store:
        stories = list(store.links.stories())
        languages = {row["language"] for row in store.articles()}
    assert languages == {"nl", "en", "de", "fr"}
    # German and French have no name tagger yet: the cities they name join them to the story.
    assert [len(story.articles) for story in stories] == [6]
    listed = [json.loads(line) for line in cli("articles", "--db", str(db), "--format", "jsonl").stdout.splitlines()]
    assert {row["story_id"] for row in listed} == {stories[0].id}
    assert {e.story_id for e in store_events(db)} == {stories[0].id}


def store_events(db: Path) -> list:
    with Store(db) as store:
        return list(store.links.events())


def test_event_entities_and_stories_commands(tmp_path: Path) -> None:
    inputs, db = tmp_path / "in", tmp_path / "k.db"
    write(inputs, REPORTS)
    cli("run", str(inputs), "--db", str(db))
    (march,) = marches(db)
    shown = json.loads(cli("event", march["id"], "--db", str(db)).stdout)
    assert shown["id"] == march["id"] and shown["claims"]
    missing = cli("event", "ev-000000000000", "--db", str(db))
    assert missing.exit_code != 0 and "no event" in missing.output
    stories = cli("stories", "--db", str(db)).stdout.splitlines()
    assert len(stories) == 1 and "2 articles" in stories[0]
    # Events can be filtered by an entity's id or by any of its spellings.
    (dekker,) = [json.loads(line) for line in cli("entities", "--db", str(db), "-q", "dekker", "--format", "jsonl").stdout.splitlines()]
    by_id = cli("events", "--db", str(db), "--entity", dekker["id"]).stdout
    assert by_id and by_id == cli("events", "--db", str(db), "--entity", "Dekker").stdout
    assert cli("events", "--db", str(db), "--entity", "Nobody Atall").exit_code != 0
    # The entity search treats % and _ as plain characters.
    assert cli("entities", "--db", str(db), "-q", "%").stdout == ""
    table = cli("entities", "--db", str(db), "-q", "dekker").stdout
    assert "Marieke Dekker" in table
