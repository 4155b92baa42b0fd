"""The MEANTIME nl/en loader, on the real data in ../shared (skipped where it is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kronika.eval.meantime import GoldMention, baseline_scores, chain_key, load

MEANTIME = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "coref" / "meantime-nl-en"
)


@pytest.fixture(scope="module")
def folder() -> Path:
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME is not here ({MEANTIME}); it lives in ../shared/data/coref")
    return MEANTIME


@pytest.fixture(scope="module")
def events(folder: Path) -> list[GoldMention]:
    return load(folder, "event")


@pytest.fixture(scope="module")
def entities(folder: Path) -> list[GoldMention]:
    return load(folder, "entity")


def test_event_mention_counts(events: list[GoldMention]) -> None:
    assert Counter(m.language for m in events) == {"en": 455, "nl": 912}
    assert {m.kind for m in events} == {"event"}


def test_entity_mention_counts(entities: list[GoldMention]) -> None:
    assert Counter(m.language for m in entities) == {"en": 3033, "nl": 2436}
    assert {m.kind for m in entities} == {"entity"}


def test_one_language(folder: Path) -> None:
    dutch = load(folder, "event", languages=("nl",))
    assert len(dutch) == 912
    assert {m.language for m in dutch} == {"nl"}


def test_ids_are_unique(events: list[GoldMention], entities: list[GoldMention]) -> None:
    """Guards the duplicate ``mention_id``s in the files (nested mentions with one head,
    and a few records that appear twice)."""
    for mentions in (events, entities):
        assert len({m.id for m in mentions}) == len(mentions)


def test_chains_are_shared_across_languages(events: list[GoldMention]) -> None:
    english = {m.chain for m in events if m.language == "en"}
    dutch = {m.chain for m in events if m.language == "nl"}
    assert (len(english), len(dutch), len(english & dutch)) == (366, 706, 167)


def test_chain_keys_drop_the_language_prefix() -> None:
    assert chain_key("cross_intra_OTH40014340782068576") == "OTH40014340782068576"
    assert chain_key("cross_OTH40014340782068576") == "OTH40014340782068576"
    assert chain_key("intra_ORG37154720130514282") == "ORG37154720130514282"
    with pytest.raises(ValueError, match="chain id"):
        chain_key("cross_")


def test_mention_text_is_in_its_sentence(
    events: list[GoldMention], entities: list[GoldMention]
) -> None:
    for mentions in (events, entities):
        assert all(m.sentence_tokens for m in mentions), "every mention finds its sentence"
        # Tokens by number: exact for every mention, discontinuous ones included.
        assert all(" ".join(m.sentence_tokens[t] for t in m.tokens) == m.text for m in mentions)
        # As a substring: all but the discontinuous mentions (45 of the 912 Dutch events).
        found = sum(m.text in m.sentence for m in mentions)
        assert found / len(mentions) > 0.95


def test_a_known_mention(events: list[GoldMention]) -> None:
    award = next(
        m
        for m in events
        if m.id
        == "en:108294_Government_Accountability_Office_requests_rerun_of_US_Air_Force_tanker_bid"
        "_OTH40014340782068576_4_21"
    )
    assert (award.topic, award.sent_id, award.tokens, award.text) == (
        "corpus_airbus",
        4,
        (21,),
        "award",
    )
    assert (award.head_lemma, award.mention_type, award.chain) == (
        "award",
        "OTH",
        "OTH40014340782068576",
    )
    assert award.sentence_tokens[21] == "award"


def test_missing_data_is_reported(tmp_path: Path, folder: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no MEANTIME folder"):
        load(tmp_path / "nowhere")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "event_mentions.json").write_text("[]", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="meantime.conll"):
        load(tmp_path, languages=("en",))
    with pytest.raises(ValueError, match="kind"):
        load(folder, "events")


def test_baselines_bracket_the_task(events: list[GoldMention]) -> None:
    scores = baseline_scores(events)
    # All singletons: nothing linked, so no MUC or pairwise credit, B3 precision 1.
    assert scores["singletons/muc_f1"] == 0.0
    assert scores["singletons/cross_pairs_r"] == 0.0
    assert scores["singletons/b3_p"] == 1.0
    # Same head lemma within an article links some mentions right, across languages too
    # (names such as "Boeing" keep their lemma in translation).
    assert scores["head_lemma/muc_f1"] > 0.0
    assert scores["head_lemma/cross_pairs_p"] > 0.0
