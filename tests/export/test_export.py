"""The exporters, read back with real readers (csv, json, pyarrow).

The events are invented: a dockworkers' strike in the invented town of Brekkum whose two
sources disagree on the crowd (100,000 against 200,000), an attack in an invented Spanish
region, arrests known only to the country, a call for talks with a hostile summary, and a
riot over a weekend.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.export import FORMATS, write_events
from kronika.export.dates import first_day, precision_of
from kronika.export.spreadsheet import cell_text, neutralise_formula
from kronika.model import (
    AcledCode,
    Actor,
    CanonicalEntity,
    CanonicalEvent,
    Claim,
    Place,
    Reconciled,
    Span,
    from_dict,
)

SHARED = Path(os.environ.get("KRONIKA_SHARED", Path(__file__).resolve().parents[3] / "shared"))
"""The shared data folder, found as tests/conftest.py finds it."""

HOSTILE = '=HYPERLINK("http://evil.example","click"), said "the delegates"\nthen left'
"""A summary that is a formula and holds quotes, commas and a newline."""

ENTITIES = {
    "ent-union": CanonicalEntity("ent-union", "Brekkum Dockworkers' Union", "ORG"),
    "ent-ministry": CanonicalEntity("ent-ministry", "Ministry of Harbours", "ORG"),
    "ent-militia": CanonicalEntity("ent-militia", "Red Hand Militia", "ORG"),
    "ent-nl": CanonicalEntity("ent-nl", "Netherlands", "LOC", country="NL"),
}


def strike() -> CanonicalEvent:
    """Two outlets, two crowd figures that disagree."""
    participants = Reconciled(None, 100000.0, 200000.0, "sources disagree", True, 2)
    return CanonicalEvent(
        id="ev-strike", type="PROTEST", mode="strike", date="2020-08-15", date_precision="day",
        place=Place(10, 17, "Brekkum", "Brekkum", "NL", 52.81, 5.93, 9999001, "PPL", "city"),
        country="NL",
        actors=[Actor("de havenbond", "actor", "ent-union"),
                Actor("het ministerie", "target", "ent-ministry")],
        magnitudes={"participants": participants},
        acled=AcledCode("Protests", "Peaceful protest"),
        story_id="story-harbour",
        mentions=["a1:e0", "a2:e0"], articles=["a1", "a2"], languages=["en", "nl"],
        claims=[
            Claim("a1", "participants", "100,000", "Brekkum Courier", 100000.0, 100000.0,
                  Span(40, 47, "100,000"), None, "a1:e0", "en"),
            Claim("a2", "participants", "200.000", "Haven Gazet", 200000.0, 200000.0,
                  Span(12, 19, "200.000"), "de bond", "a2:e0", "nl"),
            Claim("a1", "date", "2020-08-15", "Brekkum Courier", precision="day"),
        ],
        reconciled={"participants": participants},
        disagreements=["participants"], confidence=0.93,
        summary="Some 100,000 dockworkers struck in Brekkum on Saturday.",
    )


def attack() -> CanonicalEvent:
    """A region-level place west of Greenwich (negative longitude), three dead, a week."""
    killed = Reconciled(3.0, 3.0, 3.0)
    return CanonicalEvent(
        id="ev-attack", type="ASSAULT", mode="shooting", date="2020-W34", date_precision="week",
        place=Place(0, 8, "Valdoria", "Valdoria", "ES", 40.4, -3.7, 9999002, "ADM1", "region"),
        country="ES",
        actors=[Actor("the militia", "actor", "ent-militia"), Actor("villagers", "target")],
        magnitudes={"killed": killed}, acled=AcledCode("Violence against civilians", "Attack"),
        articles=["a3"], languages=["es"], confidence=0.7,
        summary="Militiamen shot three villagers in Valdoria.",
    )


def arrests() -> CanonicalEvent:
    """Known only to the month and the country: no coordinates."""
    return CanonicalEvent(
        id="ev-arrests", type="COERCE", mode="arrest", date="2020-08", date_precision="month",
        place=Place(0, 7, "Belarus", "Belarus", "BY", precision="country"), country="BY",
        magnitudes={"arrested": Reconciled(250.0, 250.0, 250.0)},
        acled=AcledCode("Strategic developments", "Arrests"),
        articles=["a4"], languages=["ru"], confidence=0.5,
        summary="Police detained 250 people in August.",
    )


def talks() -> CanonicalEvent:
    """No ACLED code; a call for talks is PLOVER's DEMAND; actor and summary are hostile."""
    return CanonicalEvent(
        id="ev-talks", type="CONSULT", mode="talks", modality="called_for", date="2020-08-16",
        date_precision="day",
        place=Place(0, 7, "Brekkum", "Brekkum", "NL", 52.81, 5.93, 9999001, "PPL", "city"),
        country="NL",
        actors=[Actor("@harbourfans", "actor"), Actor("Nederland", "target", "ent-nl")],
        articles=["a1"], languages=["en"], confidence=0.4, summary=HOSTILE,
    )


def riot() -> CanonicalEvent:
    """A weekend (an interval of week precision), no crowd figure."""
    return CanonicalEvent(
        id="ev-riot", type="PROTEST", mode="riot", date="2020-08-15/2020-08-16",
        date_precision="week",
        place=Place(0, 7, "Brekkum", "Brekkum", "NL", 52.81, 5.93, 9999001, "PPL", "city"),
        country="NL", actors=[Actor("youths", "actor")],
        acled=AcledCode("Riots", "Violent demonstration"),
        articles=["a5"], languages=["nl"], confidence=0.6, summary="Youths rioted all weekend.",
    )


def events() -> list[CanonicalEvent]:
    return [strike(), attack(), arrests(), talks(), riot()]


def export(fmt: str, given: list[CanonicalEvent] | None = None) -> tuple[int, bytes]:
    out = io.BytesIO()
    written = write_events(iter(events() if given is None else given), ENTITIES, fmt, out)
    return written, out.getvalue()


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


# --- the API ---------------------------------------------------------------------------


def test_formats() -> None:
    assert FORMATS == ("csv", "acled", "plover", "jsonl", "geojson", "parquet")


def test_unknown_format_raises_before_writing() -> None:
    out = io.BytesIO()
    with pytest.raises(ValueError, match="xlsx"):
        write_events(events(), ENTITIES, "xlsx", out)
    assert out.getvalue() == b""


@pytest.mark.parametrize("fmt", ["csv", "acled", "plover", "jsonl", "geojson"])
def test_rows_are_written_as_events_arrive(fmt: str) -> None:
    """Streaming: the first event is in the output before the second is produced."""
    out = io.BytesIO()

    def one_then_fail() -> Iterator[CanonicalEvent]:
        yield strike()
        raise RuntimeError(f"second event read, output so far {len(out.getvalue())} bytes")

    with pytest.raises(RuntimeError) as caught:
        write_events(one_then_fail(), ENTITIES, fmt, out)
    assert "ev-strike" not in str(caught.value)
    assert b"ev-strike" in out.getvalue()


# --- csv -------------------------------------------------------------------------------


def test_csv_has_one_row_per_event_with_values() -> None:
    written, data = export("csv")
    rows = csv_rows(data)
    assert written == len(rows) == 5
    assert list(rows[0])[:12] == [
        "id", "type", "mode", "modality", "date", "date_precision", "date_start", "country",
        "place", "latitude", "longitude", "geo_precision",
    ]
    by_id = {row["id"]: row for row in rows}
    row = by_id["ev-strike"]
    assert row["actor1"] == "Brekkum Dockworkers' Union"  # the canonical name, not the text
    assert row["actor2"] == "Ministry of Harbours"
    assert (row["participants_low"], row["participants_high"]) == ("100000", "200000")
    assert row["killed_low"] == ""
    assert row["disagreements"] == "participants"
    assert row["sources"] == "2"
    assert row["outlets"] == "Brekkum Courier;Haven Gazet"
    assert row["articles"] == "a1;a2"
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("52.81", "5.93", "city")
    assert row["acled_sub_event_type"] == "Peaceful protest"
    assert row["story_id"] == "story-harbour"
    assert by_id["ev-attack"]["date_start"] == "2020-08-17"
    assert by_id["ev-attack"]["longitude"] == "-3.7"  # a number, not neutralised text
    assert by_id["ev-arrests"]["latitude"] == ""


def test_csv_neutralises_formulas_and_keeps_punctuation() -> None:
    row = {row["id"]: row for row in csv_rows(export("csv")[1])}["ev-talks"]
    assert row["summary"] == "'" + HOSTILE  # quotes, commas and the newline survive
    assert row["actor1"] == "'@harbourfans"
    assert row["actor2"] == "Netherlands"


@pytest.mark.parametrize("text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\r=1"])
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "written"),
    [(None, ""), (-3.7, "-3.7"), (100000.0, "100000"), (2, "2"), ("Brekkum", "Brekkum")],
)
def test_cell_text(value: str | float | None, written: str) -> None:
    assert cell_text(value) == written


# --- acled -----------------------------------------------------------------------------

ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]


def acled_rows() -> tuple[int, dict[str, dict[str, str]]]:
    written, data = export("acled")
    header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert header == ACLED_HEADER
    return written, {row["event_id_cnty"]: row for row in csv_rows(data)}


def test_acled_has_only_events_with_an_acled_code() -> None:
    written, rows = acled_rows()
    assert written == 4
    assert sorted(rows) == ["ev-arrests", "ev-attack", "ev-riot", "ev-strike"]


@pytest.mark.parametrize(
    ("event_id", "event_date", "time_precision"),
    [
        ("ev-strike", "2020-08-15", "1"),  # a day
        ("ev-attack", "2020-08-17", "2"),  # 2020-W34: its Monday
        ("ev-riot", "2020-08-15", "2"),  # a weekend interval: its first day
        ("ev-arrests", "2020-08-01", "3"),  # a month: its first day
    ],
)
def test_acled_dates(event_id: str, event_date: str, time_precision: str) -> None:
    row = acled_rows()[1][event_id]
    assert (row["event_date"], row["year"], row["time_precision"]) == (
        event_date, "2020", time_precision
    )


def test_acled_protest_row() -> None:
    row = acled_rows()[1]["ev-strike"]
    assert row["disorder_type"] == "Demonstrations"
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert row["actor1"] == "Protesters (Netherlands)"
    assert row["assoc_actor_1"] == "Brekkum Dockworkers' Union"
    assert (row["inter1"], row["actor2"], row["interaction"]) == ("6", "", "60")
    assert (row["iso"], row["country"], row["location"]) == ("528", "Netherlands", "Brekkum")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("52.81", "5.93", "1")
    assert row["tags"] == "crowd size=100000-200000; sources disagree: participants"
    assert row["fatalities"] == "0"
    assert row["source"] == "Brekkum Courier; Haven Gazet"
    assert row["notes"] == "Some 100,000 dockworkers struck in Brekkum on Saturday."


def test_acled_violence_row() -> None:
    row = acled_rows()[1]["ev-attack"]
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Red Hand Militia"
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == (
        "Civilians (Spain)", "villagers", "7"
    )
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["geo_precision"], row["admin1"], row["longitude"]) == ("2", "Valdoria", "-3.7")
    assert row["fatalities"] == "3"
    assert row["tags"] == ""


def test_acled_country_level_and_riot_rows() -> None:
    rows = acled_rows()[1]
    arrests_row, riot_row = rows["ev-arrests"], rows["ev-riot"]
    assert arrests_row["disorder_type"] == "Strategic developments"
    assert (arrests_row["geo_precision"], arrests_row["latitude"]) == ("3", "")
    assert arrests_row["country"] == "Belarus"
    assert (riot_row["actor1"], riot_row["inter1"], riot_row["interaction"]) == (
        "Rioters (Netherlands)", "5", "50"
    )
    assert riot_row["tags"] == "crowd size=no report"
    assert riot_row["disorder_type"] == "Demonstrations"


def test_acled_neutralises_formulas_in_notes() -> None:
    hostile = riot()
    hostile.summary = HOSTILE
    row = csv_rows(export("acled", [hostile])[1])[0]
    assert row["notes"] == "'" + HOSTILE


# --- plover ----------------------------------------------------------------------------


def plover_records() -> dict[str, dict[str, object]]:
    written, data = export("plover")
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert written == len(records) == 5
    return {str(record["id"]): record for record in records}


def test_plover_records() -> None:
    records = plover_records()
    strike_record = records["ev-strike"]
    assert (strike_record["event"], strike_record["mode"]) == ("PROTEST", "strike")
    assert strike_record["date"] == "2020-08-15"
    assert strike_record["source"] == [
        {"actorText": "Brekkum Dockworkers' Union", "entityId": "ent-union"}
    ]
    assert strike_record["target"] == [
        {"actorText": "Ministry of Harbours", "entityId": "ent-ministry"}
    ]
    assert strike_record["size"] == "100000-200000"
    assert strike_record["eventLoc"] == {
        "name": "Brekkum", "country code": "NL", "lat": 52.81, "lon": 5.93,
        "geonameid": 9999001, "precision": "city",
    }
    assert strike_record["articles"] == ["a1", "a2"]
    assert strike_record["modality"] == "occurred"
    assert "language" not in strike_record  # en and nl: no one language
    talks_record = records["ev-talks"]
    assert (talks_record["event"], talks_record["kronikaType"]) == ("DEMAND", "CONSULT")
    assert talks_record["modality"] == "called_for"
    assert "mode" not in talks_record  # talks is not a mode of DEMAND
    assert talks_record["target"] == [
        {"actorText": "Netherlands", "code": "NLD", "entityId": "ent-nl"}
    ]
    assert talks_record["text"] == HOSTILE
    assert records["ev-attack"]["dead"] == "3"
    assert records["ev-attack"]["date"] == "2020-08-17"
    assert records["ev-arrests"]["size"] == "250"  # COERCE: the arrested


def test_plover_threat_modes() -> None:
    planned = riot()
    planned.modality, planned.mode, planned.acled = "threatened", "strike", None
    record = json.loads(export("plover", [planned])[1])
    assert (record["event"], record["mode"], record["kronikaMode"]) == (
        "THREATEN", "protest", "strike"
    )


def test_plover_fields_follow_the_gold_records() -> None:
    path = SHARED / "data" / "events" / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        pytest.skip(f"the PLOVER gold records are not here ({path})")
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    gold_fields = {key for record in gold for key in record}
    gold_actor_fields = {
        key for record in gold for actor in record.get("source") or [] for key in actor
    }
    record = plover_records()["ev-strike"]
    shared = {"id", "date", "event", "mode", "source", "target", "eventLoc", "size", "text",
              "publication", "coder", "version"}
    assert shared <= gold_fields & set(record)
    assert {"actorText", "code"} <= gold_actor_fields


# --- jsonl -----------------------------------------------------------------------------


def test_jsonl_round_trips() -> None:
    written, data = export("jsonl")
    lines = data.decode("utf-8").splitlines()
    assert written == len(lines) == 5
    back = [from_dict(CanonicalEvent, json.loads(line)) for line in lines]
    assert back == events()
    assert back[0].claims[1].attributed_to == "de bond"
    assert "200.000" in lines[0]  # non-ASCII and figures as written, not escaped away


# --- geojson ---------------------------------------------------------------------------


def test_geojson_points_in_longitude_latitude_order() -> None:
    written, data = export("geojson")
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection"
    features = {feature["id"]: feature for feature in collection["features"]}
    assert written == len(features) == 4
    assert "ev-arrests" not in features  # no coordinates
    attack_feature = features["ev-attack"]
    assert attack_feature["type"] == "Feature"
    assert attack_feature["geometry"] == {"type": "Point", "coordinates": [-3.7, 40.4]}
    properties = features["ev-strike"]["properties"]
    assert properties["participants_low"] == 100000
    assert isinstance(properties["participants_low"], float)
    assert properties["sources"] == 2
    assert properties["latitude"] == 52.81
    assert properties["killed_low"] is None
    assert features["ev-talks"]["properties"]["summary"] == HOSTILE  # not a spreadsheet


def test_geojson_without_located_events_is_an_empty_collection() -> None:
    written, data = export("geojson", [arrests()])
    assert written == 0
    assert json.loads(data) == {"type": "FeatureCollection", "features": []}


# --- parquet ---------------------------------------------------------------------------


def test_parquet_types_and_values(monkeypatch: pytest.MonkeyPatch) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr("kronika.export.parquet.BATCH_ROWS", 2)
    written, data = export("parquet")
    parquet_file = pq.ParquetFile(io.BytesIO(data))
    assert parquet_file.metadata.num_row_groups == 3  # 2 + 2 + 1
    table = parquet_file.read()
    assert written == table.num_rows == 5
    schema = table.schema
    assert schema.field("id").type == pa.string()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("participants_high").type == pa.float64()
    assert schema.field("sources").type == pa.int64()
    assert schema.field("claims").type == pa.string()
    rows = {row["id"]: row for row in table.to_pylist()}
    assert rows["ev-strike"]["participants_high"] == 200000.0
    assert rows["ev-strike"]["sources"] == 2
    assert rows["ev-arrests"]["latitude"] is None
    claims = json.loads(rows["ev-strike"]["claims"])
    assert [c["value"] for c in claims if c["field"] == "participants"] == ["100,000", "200.000"]
    assert rows["ev-talks"]["summary"] == HOSTILE


def test_parquet_without_events_has_the_schema() -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written, data = export("parquet", [])
    table = pq.read_table(io.BytesIO(data))
    assert (written, table.num_rows) == (0, 0)
    assert "claims" in table.column_names


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day", "precision"),
    [
        ("2020-08-15", "2020-08-15", "day"),
        ("2020-W34", "2020-08-17", "week"),
        ("2021-W01", "2021-01-04", "week"),
        ("2020-08-15/2020-08-16", "2020-08-15", "week"),
        ("2020-08", "2020-08-01", "month"),
        ("2020", "2020-01-01", "year"),
    ],
)
def test_first_day(value: str, day: str, precision: str) -> None:
    assert first_day(value).isoformat() == day
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["2020-13", "2020-02-30", "next week", "2020-W54"])
def test_first_day_refuses_what_is_no_date(value: str) -> None:
    with pytest.raises(ValueError):
        first_day(value)
