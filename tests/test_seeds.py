"""The five real seed articles in ../shared/seeds (skipped where they are absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.pipeline import Processed, process
from tests.conftest import cli

FURNITURE = [
    "Play Live Radio", "Next Up:", "0:00 0:00", "Available On Air Stations", "© 2024 WUKY",
    "Copyright 2021 NPR", "To see more, visit", "is a reporter and editor",
    "contributed to this report", "To contact the WSWS", "wsws.org/contact",
    "Add a solidarity frame", "facebook.com", "Download infographics", "#StandWithBelarus",
    "Misha Friedman", "Getty Images",
    "Striking workers participate in anti-government protests on Monday in Minsk, Belarus.",
    "\\$",
]


@pytest.fixture
def articles(seeds: Path) -> list:
    items = list(process([str(seeds)]))
    assert all(isinstance(item, Processed) for item in items)
    return [item.article for item in items]


def test_five_articles_in_their_languages(articles: list) -> None:
    assert len(articles) == 5
    assert [a.language for a in articles] == ["nl", "nl", "en", "en", "en"]


def test_header_dates_have_month_precision(articles: list) -> None:
    assert articles[0].published.date == "2020-08" and articles[0].published.precision == "month"
    assert articles[1].published.date == "2020-08" and articles[1].published.precision == "month"
    assert not articles[0].text.lstrip().startswith("date")


def test_no_page_furniture_left(articles: list) -> None:
    for article in articles:
        for line in FURNITURE:
            assert line not in article.text, (article.id, line)


def test_page_break_splits_are_rejoined(articles: list) -> None:
    text = articles[3].text
    assert "There have been reports of torture" in text
    assert "lost to the strikes" in text
    assert "the Russian and Ukrainian governments" in text


def test_dateline_and_byline_become_metadata(articles: list) -> None:
    wsws = articles[3]
    assert wsws.published.date == "2020-08-25" and wsws.published.precision == "day"
    assert wsws.author == "Clara Weiss"
    assert "Clara Weiss" not in wsws.text


def test_abbreviations_do_not_end_sentences(articles: list) -> None:
    npr = articles[4]
    sentences = [npr.text[s.start : s.end] for s in npr.sentences]
    assert any(s.startswith("On Aug. 9, Lukashenko claimed 80% of the vote") for s in sentences)


def test_every_sentence_is_inside_the_text(articles: list) -> None:
    for article in articles:
        assert article.sentences
        for s in article.sentences:
            assert 0 <= s.start < s.end <= len(article.text)
            assert article.text[s.start : s.end].strip() == article.text[s.start : s.end]


def test_run_and_list_the_seeds(seeds: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert cli("run", str(seeds), "--db", db).stdout.splitlines()[0] == "5 articles: 5 stored, 0 skipped"
    listing = cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert sorted(json.loads(line)["language"] for line in listing) == ["en", "en", "en", "nl", "nl"]
