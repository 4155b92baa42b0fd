"""Linking the five real seed articles (skipped where ../shared is absent).

The check list of the linking issue, after ``kronika run ../shared/seeds``: one entity holds
every Lukashenko spelling of the five articles; Tsikhanouskaya and Tikhonovskaya are one
entity; the 16 August protest in Minsk is one canonical event with claims from 000, 003 and
004 and the participants disagreement (100,000 against 200,000) flagged; the walk-outs of
Monday 17 August are one event with Dutch and English mentions; there are fewer canonical
events than event mentions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.model import CanonicalEvent, from_dict
from tests.conftest import cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS})")
    db = tmp_path_factory.mktemp("seeds") / "kronika.db"
    result = cli("run", str(SEEDS), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def articles(db: Path) -> dict[str, str]:
    """Seed number (000…004) → article id."""
    rows = [json.loads(line) for line in cli("articles", "--db", str(db), "--format", "jsonl").stdout.splitlines()]
    return {Path(row["location"]).name[:3]: row["id"] for row in rows}


def events(db: Path) -> list[CanonicalEvent]:
    lines = cli("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    return [from_dict(CanonicalEvent, json.loads(line)) for line in lines]


def entities(db: Path, query: str) -> list[dict]:
    lines = cli("entities", "--db", str(db), "-q", query, "--format", "jsonl").stdout.splitlines()
    return [json.loads(line) for line in lines]


def test_every_lukashenko_spelling_is_one_entity(store: Path) -> None:
    spellings = {"Lukashenko", "Loekasjenko", "Loeskanjenko", "Loekajsenko"}
    holders = [e for e in entities(store, "") if spellings & {v["text"] for v in e["variants"]}]
    assert len(holders) == 1
    (lukashenko,) = holders
    assert spellings <= {v["text"] for v in lukashenko["variants"]}
    assert lukashenko["name"] == "Alexander Lukashenko"
    assert len(lukashenko["articles"]) == 5


def test_tsikhanouskaya_and_tikhonovskaya_are_one_entity(store: Path) -> None:
    (entity,) = [e for e in entities(store, "") if {"Tsikhanouskaya", "Tikhonovskaya"} & {v["text"] for v in e["variants"]}]
    assert {"Tsikhanouskaya", "Tikhonovskaya"} <= {v["text"] for v in entity["variants"]}


def test_putin_and_poetin_are_one_entity(store: Path) -> None:
    (entity,) = [e for e in entities(store, "") if {"Putin", "Poetin"} & {v["text"] for v in e["variants"]}]
    assert {"Putin", "Poetin"} <= {v["text"] for v in entity["variants"]}


def test_the_16_august_protest_is_one_event_with_its_sources_disagreeing(store: Path) -> None:
    ids = articles(store)
    protests = [
        e for e in events(store)
        if e.type == "PROTEST" and e.date == "2020-08-16" and e.place is not None and e.place.name == "Minsk"
    ]
    assert len(protests) == 1
    (protest,) = protests
    assert {ids["000"], ids["003"], ids["004"]} <= set(protest.articles)
    assert protest.languages == ["en", "nl"]
    figures = {c.low for c in protest.claims if c.field == "participants"}
    assert {100_000, 200_000} <= figures
    assert "participants" in protest.disagreements
    crowd = protest.reconciled["participants"]
    assert (crowd.low, crowd.high, crowd.rule) == (100_000, 200_000, "sources disagree")
    yahorava = next(c for c in protest.claims if c.field == "participants" and c.low == 200_000)
    assert yahorava.attributed_to and "Yahorava" in yahorava.attributed_to


def test_the_next_sundays_protest_and_the_rally_for_lukashenko_are_other_events(store: Path) -> None:
    (protest,) = [e for e in events(store) if e.type == "PROTEST" and e.date == "2020-08-16"]
    later = [e for e in events(store) if e.type == "PROTEST" and e.date == "2020-08-23"]
    assert later and all(e.id != protest.id for e in later)
    rallies = [e for e in events(store) if e.type == "PROTEST" and e.mode == "rally" and "2020-08" in (e.date or "")]
    assert rallies and all(e.id != protest.id for e in rallies)


def test_the_walkouts_are_one_event_in_both_languages(store: Path) -> None:
    ids = articles(store)
    article = json.loads(cli("show", ids["004"], "--db", str(store)).stdout)
    (walkout_mention,) = [e["id"] for e in article["events"] if e["trigger"]["text"] == "walked off their jobs"]
    (walkout,) = [e for e in events(store) if walkout_mention in e.mentions]
    assert (walkout.type, walkout.mode) == ("PROTEST", "strike")
    assert walkout.languages == ["en", "nl"]


def test_fewer_canonical_events_than_mentions(store: Path) -> None:
    result = cli("events", "--db", str(store))
    shown = len(result.stdout.splitlines())
    summary = result.stderr.strip()
    mentions = int(summary.split(" of ")[1].split()[0].replace(",", ""))
    assert 0 < shown < mentions
