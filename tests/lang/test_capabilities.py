from __future__ import annotations

import json

from click.testing import CliRunner

from kronika.cli import main
from kronika.lang.capabilities import STAGES, capabilities, missing
from kronika.model import Article
from kronika.pipeline import RunSummary, analyze


def test_english_has_every_stage_with_its_scores() -> None:
    found = {c.stage: c for c in capabilities("en")}
    assert list(found) == list(STAGES)
    assert all(c.supported for c in found.values())
    assert "F1 0.8" in found["entities"].detail  # the model's own test score
    assert "dev type F1" in found["events"].detail
    assert missing("en") == []


def test_a_language_without_a_folder_says_what_it_lacks() -> None:
    found = {c.stage: c for c in capabilities("sw")}
    assert not found["events"].supported and found["events"].detail == "no event lexicon"
    assert not found["times"].supported and found["times"].detail == "digits only"
    assert missing("sw") == ["entities", "events"]


def test_the_article_and_the_run_summary_name_what_was_missing() -> None:
    article = analyze(Article(id="a1", text="Wafanyakazi waligoma Jumatatu katika kiwanda cha Moshi.", language="sw"))
    assert "no entities: no entity model for sw" in article.notes
    assert "no events read: no event lexicon for sw" in article.notes
    summary = RunSummary()
    summary.add("stored", article.notes)
    summary.add("stored", article.notes)
    line = summary.line()
    assert "2 articles without events: no event lexicon for sw" in line
    assert "2 articles without entities: no entity model for sw" in line


def test_an_english_article_has_no_such_note() -> None:
    article = analyze(Article(id="a2", text="Police arrested 40 protesters in Leeds on Monday.", language="en"))
    assert not [n for n in article.notes if "no entity model" in n or "no event lexicon" in n]


def test_languages_command_lists_every_folder() -> None:
    result = CliRunner().invoke(main, ["languages", "--format", "json"])
    assert result.exit_code == 0, result.output
    table = json.loads(result.output)
    assert {"en", "nl", "de", "ru", "be"} <= set(table)
    assert table["en"]["events"]["supported"] is True
    text = CliRunner().invoke(main, ["languages", "nl", "xq"]).output
    assert "nl  Dutch" in text and "xq" in text and "no folder" in text
