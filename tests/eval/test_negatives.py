"""The negatives' noise rate: conflict mentions not judged real events count as noise."""

from __future__ import annotations

from kronika.eval import negatives


def test_judged_real_events_load_as_hashes_and_triggers() -> None:
    real = negatives.real_events()
    assert len(real) >= 20
    assert all(len(key) == 16 and trigger == trigger.lower() for key, trigger in real)


def test_an_unjudged_conflict_mention_counts_as_noise() -> None:
    text = "Riot police detained forty students outside the ministry on Monday."
    scores = negatives.rates([("own-en", "en", text)])
    assert scores["all_conflict_per_1k"] > 0
    assert scores["all_noise_conflict_per_1k"] == scores["all_conflict_per_1k"]


def test_the_sentence_key_ignores_spacing() -> None:
    assert negatives.sentence_key("Police  detained\nthem .") == negatives.sentence_key("Police detained them .")
