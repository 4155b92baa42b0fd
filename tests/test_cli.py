from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, cli

TEXT = "date 2020-08\n\nIn Minsk gingen zondag naar schatting 100.000 mensen de straat op. Dhr. Jansen was erbij."


def test_extract_prints_one_article_as_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), "--published", "2020-08-17", "--lang", "nl", "--format", "json")
    assert result.exit_code == 0
    article = json.loads(result.stdout)
    expected_keys = {"id", "source", "url", "title", "author", "language", "published", "text",
                     "sentences", "entities", "places", "times", "quantities", "quotes", "events"}
    assert expected_keys <= set(article)
    assert article["published"] == {"date": "2020-08-17", "precision": "day"}
    assert article["language"] == "nl"
    assert [article["text"][s["start"] : s["end"]] for s in article["sentences"]] == [
        "In Minsk gingen zondag naar schatting 100.000 mensen de straat op.", "Dhr. Jansen was erbij."]
    assert len(article["id"]) == 16


def test_extract_jsonl_does_many(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"id": "one", "text": "Workers struck at the port on Monday."},
            {"text": "De havenarbeiders staakten maandag.", "language": "nl", "published": "2020-08-17",
             "title": "Staking", "url": "https://example.nl/1", "source": "Krant"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = cli("extract", str(path), "--format", "jsonl")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["id"] == "one"
    assert out[1]["url"] == "https://example.nl/1" and out[1]["source"] == "Krant" and out[1]["title"] == "Staking"
    assert out[1]["published"] == {"date": "2020-08-17", "precision": "day"}
    assert out[0]["published"] is None  # never "today"


def test_extract_json_refuses_many_articles(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "one article here"}\n{"text": "another article here"}\n')
    result = cli("extract", str(path))
    assert result.exit_code != 0 and "--format jsonl" in result.output


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    assert cli("extract", str(path), "--published", "yesterday").exit_code == 2


def test_bad_language_option_is_a_usage_error_and_a_language_without_folder_works(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    assert cli("extract", str(path), "--lang", "dutch!").exit_code == 2
    article = json.loads(cli("extract", str(path), "--lang", "SW").stdout)
    assert article["language"] == "sw" and article["sentences"]


def test_example_corpus_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    result = cli("run", str(EXAMPLES), "--db", db)
    assert result.exit_code == 0
    summary, linked = result.stdout.splitlines()
    # French has no labelled entity data we may use: the summary says so
    assert summary == "6 articles: 6 stored, 0 skipped; 1 article without entities: no entity model for fr"
    assert linked.startswith("linked 6 articles: ")
    listing = cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    rows = [json.loads(line) for line in listing]
    assert sorted(row["language"] for row in rows) == ["de", "en", "en", "fr", "nl", "nl"]
    assert all(row["published_date"] and row["published_date"].startswith("2023-03") for row in rows)
    shown = json.loads(cli("show", rows[0]["id"], "--db", db).stdout)
    assert shown["id"] == rows[0]["id"] and shown["sentences"]


def test_installed_command_runs(tmp_path: Path) -> None:
    """The console entry point works as a real process (what the README tells users)."""
    result = subprocess.run(
        [sys.executable, "-m", "kronika", "run", str(EXAMPLES), "--db", str(tmp_path / "k.db")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("6 articles: 6 stored, 0 skipped")


def test_export_every_format_from_the_store(tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    db = str(tmp_path / "k.db")
    cli("run", str(EXAMPLES), "--db", db)
    total = len(cli("events", "--db", db).stdout.splitlines())
    assert total > 0
    outputs = {}
    for fmt in ("csv", "acled", "plover", "jsonl", "geojson", "parquet"):
        out = tmp_path / f"events.{fmt}"
        result = cli("export", "--db", db, "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert not (tmp_path / f"events.{fmt}.partial").exists()
        outputs[fmt] = out
    with outputs["csv"].open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == total
    with outputs["acled"].open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and {"event_date", "event_type", "sub_event_type", "fatalities", "tags"} <= set(rows[0])
    assert len(outputs["jsonl"].read_text(encoding="utf-8").splitlines()) == total
    features = json.loads(outputs["geojson"].read_text(encoding="utf-8"))["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)
    assert pq.read_table(outputs["parquet"]).num_rows == total
    # Filters apply to exports; stdout works for text formats.
    protests = cli("export", "--db", db, "--format", "jsonl", "--type", "PROTEST")
    assert protests.stdout and all(json.loads(line)["type"] == "PROTEST" for line in protests.stdout.splitlines())
    assert cli("export", "--db", db, "--format", "parquet").exit_code != 0  # parquet needs --out


def test_run_summary_names_articles_read_without_events(tmp_path: Path) -> None:
    """A match report passes through the store but yields no events, and the summary and
    the article JSON say why (the article gate, issue 20)."""
    from tests.extract.test_senses import MATCH_REPORT

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "match.txt").write_text("United win the derby\n\n" + MATCH_REPORT, encoding="utf-8")
    db = str(tmp_path / "k.db")
    result = cli("run", str(folder), "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "1 article: 1 stored, 0 skipped; 1 article without events: sports, market or other news"
    )
    row = json.loads(cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()[0])
    shown = json.loads(cli("show", row["id"], "--db", db).stdout)
    assert shown["events"] == [] and shown["notes"][0].startswith("no events read: sports")
