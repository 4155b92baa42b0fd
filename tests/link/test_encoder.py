"""The optional sentence encoder as linking evidence across languages (skipped where
``kronika[encoder]`` is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.link import encoder
from kronika.link.events import MentionRecord, link_records, says_the_same
from tests.link.test_events import clusters, record

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"

pytestmark = pytest.mark.skipif(not encoder.available(), reason='needs pip install "kronika[encoder]"')


@pytest.fixture(scope="module")
def sentence_encoder() -> encoder.SentenceEncoder:
    return encoder.SentenceEncoder()


SALE = (
    ["sale", "verko", "sale"],
    [
        "The airline announced the sale of its regional fleet to a Canadian leasing company.",
        "De luchtvaartmaatschappij kondigde de verkoop van haar regionale vloot aan een Canadese leasemaatschappij aan.",
        "Shares of the carmaker rose after strong quarterly sales of electric cars in China.",
    ],
    ["sale", "verkoop", "sales"],
)
MERGER = (
    ["merge", "fusie", "merge"],
    [
        "The two carmakers announced their merger in a joint statement.",
        "De twee autofabrikanten maakten hun fusie bekend in een gezamenlijke verklaring.",
        "A merger of the football club with its neighbour was rejected by the fans.",
    ],
    ["merger", "fusie", "merger"],
)


@pytest.mark.parametrize(("reports", "dated"), [(SALE, True), (MERGER, False)], ids=["publication week", "undated"])
def test_translated_reports_with_modes_the_lexicon_does_not_tie_link(
    sentence_encoder: encoder.SentenceEncoder, reports: tuple[list[str], list[str], list[str]], dated: bool,
) -> None:
    """A Dutch and an English report of one event, without a place or shared entities, their
    trigger words of no mode in common, dated only by their publication week or not at all
    (an undated mention without a country meets only events whose sentences name what its
    own names, or say what it says): only the encoder says they are one event; the third
    report, of the same kind of event, is another one."""
    modes, sentences, triggers = reports

    def report(id: str, mode: str) -> MentionRecord:
        date = "2024-05-02" if dated else None
        return record(id, type="OTHER", mode=mode, place=None, country=None, date=date, guessed=dated)

    records = [report(id, mode) for id, mode in zip(("en", "nl", "other"), modes, strict=True)]
    encoder.attach(sentence_encoder, records, sentences, triggers)
    assert not says_the_same(records[0], records[2])
    assert clusters(link_records(records)) == {frozenset({"en", "nl"}), frozenset({"other"})}
    without = link_records([report(r.id, r.mode or "") for r in records])
    assert frozenset({"en", "nl"}) not in clusters(without)


def test_vectors_are_unit_length_and_cached(sentence_encoder: encoder.SentenceEncoder) -> None:
    first, again = sentence_encoder.vectors(["De staking gaat door.", "De staking gaat door."])
    assert first is again
    assert encoder.cosine(first, first) == pytest.approx(1.0, abs=1e-2)


def test_kronika_link_encoder_relinks_a_store_and_keeps_its_mentions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kronika.cli import main
    from kronika.store import Store

    db = str(tmp_path / "k.db")
    runner = CliRunner()
    plain = runner.invoke(main, ["run", "--db", db, str(EXAMPLES)])
    assert plain.exit_code == 0, plain.output
    with Store(db) as store:
        before = {row.id for row in store.links.mentions()}
    result = runner.invoke(main, ["link", "--db", db, "--rebuild", "--encoder"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        rows = list(store.links.mentions())
        assert {row.id for row in rows} == before
        assert all(row.event_id for row in rows)
