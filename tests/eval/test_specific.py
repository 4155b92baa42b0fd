"""The specific-dev scorer on two small articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from kronika.eval.specific import _one_event, evaluate_specific_dev, load_dev

ARTICLES = [
    {"id": "t-1-en", "story": "s1", "language": "en", "published": "2025-03-04", "source": "Test Herald",
     "text": "Dockers strike in Rotterdam\n\nROTTERDAM — About 2,000 dockers walked out at the port of "
             "Rotterdam on Monday, the union said. Strikes are rare in the sector.",
     "events": [
         {"trigger": "strike", "occurrence": 1, "class": "headline", "event": "s1-e1", "type": "PROTEST",
          "modality": "occurred", "episode": None},
         {"trigger": "walked out", "occurrence": 1, "class": "specific", "event": "s1-e1", "type": "PROTEST",
          "modality": "occurred", "episode": None},
         {"trigger": "Strikes", "occurrence": 1, "class": "generic", "event": None, "type": "PROTEST",
          "modality": "generic", "episode": None},
     ]},
    {"id": "t-2-nl", "story": "s1", "language": "nl", "published": "2025-03-04", "source": "Testblad",
     "text": "Havenstaking in Rotterdam\n\nIn de haven van Rotterdam hebben maandag ongeveer 2000 "
             "havenarbeiders het werk neergelegd.",
     "events": [
         {"trigger": "Havenstaking", "occurrence": 1, "class": "headline", "event": "s1-e1", "type": "PROTEST",
          "modality": "occurred", "episode": None},
         {"trigger": "het werk neergelegd", "occurrence": 1, "class": "specific", "event": "s1-e1",
          "type": "PROTEST", "modality": "occurred", "episode": None},
     ]},
]


def test_the_scorer_reads_the_set_and_scores_kronikas_output(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    articles, gold = load_dev(path)
    assert [a.id for a in articles] == ["t-1-en", "t-2-nl"]
    assert [g.kind for g in gold] == ["headline", "specific", "generic", "headline", "specific"]
    assert articles[0].text[gold[1].start:gold[1].end] == "walked out"
    scores = evaluate_specific_dev(path)
    assert scores["gold_specific"] == 2.0
    # Both headlines are read as headlines, the generic line is not a specific event, and the
    # two reports of the walkout are one event across languages.
    assert scores["headline_accuracy"] == 1.0 and scores["mention_precision"] == 1.0
    assert scores["cross_language_pair_recall"] == 1.0
    for name in ("mention_precision", "mention_recall", "specificity_accuracy", "cross_article_pair_precision",
                 "cross_language_pair_recall", "multi_outlet_one_event"):
        assert 0.0 <= scores[name] <= 1.0, name


def test_one_event_counts_whole_multi_outlet_events_only() -> None:
    key = {"a": "e1", "b": "e1", "c": "e2", "d": "e2", "e": "e3"}
    articles = {"a": "x", "b": "y", "c": "x", "d": "y", "e": "x"}
    # e1 whole in k1; e2 split over k2 and k3; e3 reported once (not counted).
    assert _one_event(key, {"a": "k1", "b": "k1", "c": "k2", "d": "k3", "e": "k4"}, articles) == 0.5
    # e1's event also holds e3's mention: not one event for e1 alone.
    assert _one_event(key, {"a": "k1", "b": "k1", "c": "k2", "d": "k2", "e": "k1"}, articles) == 0.5
