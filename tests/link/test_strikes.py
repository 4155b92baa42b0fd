"""The strike tracker on the two example stories (invented for the project) and on records
built for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kronika.link.strikes import build_strikes, filter_strikes, store_strikes
from kronika.model import CanonicalEvent, Episode, Place, Strike, from_dict
from kronika.store import Store
from tests.conftest import EXAMPLES, STRIKE_EXAMPLE, cli


def _run(folder: Path, db: Path) -> list[Strike]:
    result = cli("run", str(folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        return store_strikes(store)


@pytest.fixture(scope="module")
def hradex(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Strike]]:
    db = tmp_path_factory.mktemp("strike") / "kronika.db"
    return db, _run(STRIKE_EXAMPLE, db)


def _at(strikes: list[Strike], city: str) -> Strike:
    found = [s for s in strikes if s.place and city in (s.place.name, s.place.text)]
    assert len(found) == 1, [(s.workplace, s.place.name if s.place else None) for s in strikes]
    return found[0]


def test_one_strike_per_workplace(hradex: tuple[Path, list[Strike]]) -> None:
    _, strikes = hradex
    assert len(strikes) == 2
    assert {s.country for s in strikes} == {"CZ"}
    olomouc, plzen = _at(strikes, "Olomouc"), _at(strikes, "Pilsen")
    assert olomouc.employer == plzen.employer == "Hradex"
    assert olomouc.workplace_kind == plzen.workplace_kind == "factory"
    assert olomouc.union and plzen.union


def test_the_first_plant_starts_pauses_and_resumes(hradex: tuple[Path, list[Strike]]) -> None:
    olomouc = _at(hradex[1], "Olomouc")
    assert [(c.status, c.date) for c in olomouc.history] == [
        ("called", "2025-10-02"), ("started", "2025-10-06"), ("suspended", "2025-10-14"), ("resumed", "2025-10-20"),
    ]
    assert (olomouc.start, olomouc.end, olomouc.ongoing_as_of, olomouc.status) == ("2025-10-06", None, "2025-10-23", "resumed")
    assert len({s.outlet for c in olomouc.history for s in c.sources}) == 3  # three outlets, two languages
    assert {"wages", "jobs"} <= {d.code for d in olomouc.demands}


def test_the_strike_spreads_to_the_second_plant(hradex: tuple[Path, list[Strike]]) -> None:
    plzen = _at(hradex[1], "Pilsen")
    changes = [c.status for c in plzen.history]
    assert changes[changes.index("spreading"):] == ["spreading", "suspended", "resumed"]
    dates = {c.status: c.date for c in plzen.history}
    # The story: the branch voted on 8 October and walked out on the 9th; suspended on the
    # 14th with the first plant; voted again on the 21st and walked out on the 22nd.
    assert "2025-10-08" <= dates["spreading"] <= "2025-10-09"
    assert dates["suspended"] == "2025-10-14"
    assert "2025-10-20" <= dates["resumed"] <= "2025-10-22"
    assert plzen.start == dates["spreading"]


def test_worker_counts_of_each_source_side_by_side(hradex: tuple[Path, list[Strike]]) -> None:
    olomouc = _at(hradex[1], "Olomouc")
    claims = [c for c in olomouc.claims if c.field == "participants"]
    assert len({c.article_id for c in claims}) >= 2
    assert olomouc.workers is not None and olomouc.workers.disagreement  # union 1,200 against company 700


def test_example_corpus_steel_strike(tmp_path: Path) -> None:
    strikes = _run(EXAMPLES, tmp_path / "kronika.db")
    rustavi = _at(strikes, "Rustavi")
    assert [(c.status, c.date) for c in rustavi.history] == [("started", "2023-03-10"), ("spreading", "2023-03-13")]
    assert rustavi.state_owned is True
    assert rustavi.workplace_kind == "factory" and rustavi.sector == "manufacturing"
    assert "wages" in {d.code for d in rustavi.demands}


def test_strikes_command_table_csv_jsonl_and_filters(hradex: tuple[Path, list[Strike]]) -> None:
    db, strikes = hradex
    table = cli("strikes", "--db", str(db))
    assert table.exit_code == 0 and "called 2025-10-02 → started 2025-10-06" in table.output
    rows = list(csv.DictReader(io.StringIO(cli("strikes", "--db", str(db), "--format", "csv").stdout)))
    assert len(rows) == 2 and {r["city"] for r in rows} == {"Olomouc", "Pilsen"}
    assert all(r["workers_claims"] for r in rows)
    lines = cli("strikes", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    assert [from_dict(Strike, json.loads(line)) for line in lines] == strikes
    assert cli("strikes", "--db", str(db), "--status", "ended").stdout == ""
    assert len(filter_strikes(strikes, country="cz", since="2025-10-20")) == 2
    assert filter_strikes(strikes, since="2026-01-01") == []


def _event(event_id: str, mode: str, date: str, modality: str = "occurred", city: str = "Brno") -> CanonicalEvent:
    return CanonicalEvent(
        id=event_id, type="PROTEST", mode=mode, modality=modality, date=date, date_precision="day",  # type: ignore[arg-type]
        place=Place(0, 4, city, city, "CZ", precision="city"), country="CZ",
        episode=Episode(start=date, ongoing_as_of=date) if mode == "strike" else None,
    )


def test_a_general_strike_call_links_the_strikes_that_follow() -> None:
    events = [
        _event("ev-call", "general_strike", "2025-03-01", "called_for", city="Prague"),
        _event("ev-brno", "strike", "2025-03-05"),
        _event("ev-late", "strike", "2025-05-20", city="Ostrava"),
    ]
    strikes = {s.events[0]: s for s in build_strikes(events, lambda _id: None)}
    assert strikes["ev-call"].workplace_kind == "general"
    assert strikes["ev-brno"].called_by == strikes["ev-call"].id
    assert strikes["ev-late"].called_by is None


def test_strike_episodes_at_one_workplace_within_weeks_are_one_strike() -> None:
    events = [_event("ev-a", "strike", "2025-03-05"), _event("ev-b", "strike", "2025-04-20"), _event("ev-c", "strike", "2025-11-20")]
    strikes = build_strikes(events, lambda _id: None)
    assert sorted(s.events for s in strikes) == [["ev-a", "ev-b"], ["ev-c"]]


def test_dismissed_strikers_are_repression(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date 2024-05-08\ntitle Strike at Brno tram depot\nsource Brno Evening\n\n"
        "About 300 drivers at the Brno tram depot of DPMB went on strike on Monday over unpaid overtime. "
        "On Tuesday the company dismissed twelve strikers, the union said.\n",
        encoding="utf-8",
    )
    (strike,) = _run(folder, tmp_path / "kronika.db")
    assert strike.workplace_kind == "transport" and strike.sector == "transport"
    assert [(d.status, d.date) for d in strike.dismissals] == [("dismissal", "2024-05-07")]
    assert "wages" in {d.code for d in strike.demands} or "conditions" in {d.code for d in strike.demands}
