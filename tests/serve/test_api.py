"""The JSON API over a real store (the example corpus plus a hostile article)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from kronika.model import date_span
from tests.serve.conftest import HOSTILE_ENTITY


def overlaps(date: str | None, since: str, until: str) -> bool:
    span = date_span(date) if date else None
    return span is not None and span[0].isoformat() <= until and span[1].isoformat() >= since


def get(client: Any, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json()


def all_events(client: Any, query: str = "") -> list[dict[str, Any]]:
    found = get(client, f"/api/events?per_page=500&{query}")
    assert found["total"] == len(found["items"])
    return found["items"]


def test_events_are_paged_and_pages_add_up(client: Any) -> None:
    everything = all_events(client)
    assert len(everything) > 20
    pages = [get(client, f"/api/events?per_page=7&page={n}") for n in range(1, len(everything) // 7 + 3)]
    assert all(p["total"] == len(everything) for p in pages)
    assert [e["id"] for p in pages for e in p["items"]] == [e["id"] for e in everything]
    assert get(client, "/api/events?page=999")["items"] == []


def test_events_sort(client: Any) -> None:
    by_date = [e["date"] for e in all_events(client) if e["date"]]
    assert by_date[0] <= by_date[-1]
    newest = all_events(client, "sort=-date")
    assert newest[0]["date"] >= newest[-1]["date"] or newest[-1]["date"] is None
    crowds = [e["participants"]["high"] or e["participants"]["low"] for e in all_events(client, "sort=-participants")
              if e["participants"] and e["participants"]["low"] is not None]
    assert crowds and crowds == sorted(crowds, reverse=True)
    sources = [e["sources"] for e in all_events(client, "sort=-sources")]
    assert sources == sorted(sources, reverse=True)
    assert client.get("/api/events?sort=colour").status_code == 422


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("type=PROTEST", lambda e: e["type"] == "PROTEST"),
        ("type=protest&mode=strike", lambda e: (e["type"], e["mode"]) == ("PROTEST", "strike")),
        ("modality=hypothetical&show=all", lambda e: e["modality"] == "hypothetical"),
        ("country=ge", lambda e: e["country"] == "GE"),
        ("place=rustavi", lambda e: e["place"] == "Rustavi"),
        ("since=2023-03-13&until=2023-03-14", lambda e: overlaps(e["date"], "2023-03-13", "2023-03-14")),
        ("q=steelworks", lambda e: True),
    ],
)
def test_event_filters(client: Any, query: str, check: Any) -> None:
    found = all_events(client, query)
    assert found
    assert all(check(e) for e in found), [e for e in found if not check(e)]
    if not query.startswith("country"):  # every event of the corpus is in Georgia
        assert len(found) < len(all_events(client))


def test_filters_that_match_nothing(client: Any) -> None:
    for query in ("country=JP", "type=SANCTION&place=Rustavi", "since=2030-01-01", "source=nobody"):
        assert get(client, f"/api/events?{query}") == {"total": 0, "page": 1, "per_page": 50, "items": []}


def test_text_query_matches_words_of_the_evidence(client: Any) -> None:
    found = all_events(client, "q=steelwork")  # the last word is a prefix
    assert found
    for event in found:
        detail = get(client, event["url"].replace("/events/", "/api/events/"))
        words = json.dumps(detail).lower()
        assert "steelwork" in words
    # FTS syntax is quoted: never an error, the same events as the bare words
    bare = all_events(client, "q=the strike")
    assert bare and all_events(client, 'q="the" * (strike') == bare


def test_source_filter_keeps_events_that_outlet_reported(client: Any) -> None:
    found = all_events(client, "source=the evening dispatch")
    assert found
    for event in found:
        detail = get(client, f"/api/events/{event['id']}")
        assert "The Evening Dispatch" in {s["outlet"] for s in detail["sources"]}


def test_entity_filter_by_id_or_spelling(client: Any) -> None:
    by_id = all_events(client, f"entity={HOSTILE_ENTITY}")
    assert len(by_id) == 1 and by_id[0]["place"] == "Kutaisi"
    entity = get(client, "/api/entities?per_page=1")["items"][0]
    spelling = entity["variants"][-1]["text"]
    assert all_events(client, f"entity={entity['id']}") == all_events(client, f"entity={spelling}")
    assert client.get("/api/events?entity=Nobody%20Atall").status_code == 404


def test_empty_form_fields_are_no_filter(client: Any) -> None:
    empty = "since=&until=&type=&mode=&modality=&country=&place=&entity=&source=&q="
    assert get(client, f"/api/events?{empty}")["total"] == get(client, "/api/events")["total"]
    assert client.get(f"/?{empty}&type=PROTEST").status_code == 200


def test_bad_filters_are_refused_clearly(client: Any) -> None:
    assert "YYYY-MM-DD" in client.get("/api/events?since=13-03-2023").json()["detail"]
    for query in ("since=13-03-2023", "until=2023-02-30", "page=0", "per_page=100000", "country=" + "X" * 50):
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 422, query
        assert response.json()["detail"]


def test_one_event_with_each_source_and_its_sentences(client: Any) -> None:
    event_id = all_events(client, "sort=-sources")[0]["id"]
    detail = get(client, f"/api/events/{event_id}")
    event, sources = detail["event"], detail["sources"]
    assert len(sources) >= 2
    assert {s["article_id"] for s in sources} >= set(event["articles"])
    for source in sources:
        assert source["outlet"] and source["title"] and source["language"]
        for item in source["claims"]:
            claim = item["claim"]
            if claim["span"] and item["excerpt"]:
                marked = item["excerpt"][item["mark_start"] : item["mark_end"]]
                assert marked == claim["span"]["text"]
        for mention in source["mentions"]:
            assert mention["excerpt"][mention["mark_start"] : mention["mark_end"]]
    assert client.get("/api/events/ev-000000000000").status_code == 404


def test_entities_search_with_variants(client: Any) -> None:
    entities = get(client, "/api/entities?per_page=500")["items"]
    assert entities and all(e["variants"] for e in entities if e["id"] != HOSTILE_ENTITY)
    someone = next(e for e in entities if len(e["variants"]) > 1) if any(
        len(e["variants"]) > 1 for e in entities) else entities[0]
    spelling = someone["variants"][-1]["text"][1:-1].upper()
    assert someone["id"] in {e["id"] for e in get(client, f"/api/entities?q={spelling}")["items"]}
    one = get(client, f"/api/entities/{HOSTILE_ENTITY}")
    assert one["entity"]["name"].startswith("<img") and one["events_total"] == 1
    assert client.get("/api/entities/ent-nothing").status_code == 404


def test_articles_with_their_spans(client: Any) -> None:
    listed = get(client, "/api/articles")
    assert listed["total"] == 13 and len(listed["items"]) == 13  # the two example stories and the hostile article
    article = get(client, f"/api/articles/{listed['items'][0]['id']}")
    for kind in ("sentences", "entities", "places", "times", "events"):
        assert article[kind], kind
    for span in article["entities"] + article["places"] + article["times"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
    assert set(article["event_ids"]) == {m["id"] for m in article["events"]}
    assert client.get("/api/articles/nope").status_code == 404


def test_stories(client: Any) -> None:
    stories = get(client, "/api/stories")
    assert stories
    story = get(client, f"/api/stories/{stories[0]['id']}")
    assert story["articles"] and story["events"]
    assert {e["story_id"] for e in all_events(client, f"story={story['id']}")} == {story["id"]}


def test_timeline_counts_every_dated_event(client: Any) -> None:
    chart = get(client, "/api/timeline")
    drawn = sum(b["total"] for b in chart["bins"])
    dated = sum(1 for e in all_events(client) if e["date"])
    assert drawn + sum(chart["imprecise"].values()) == dated
    protest = get(client, "/api/timeline?type=PROTEST")
    assert all(set(b["types"]) == {"PROTEST"} for b in protest["bins"])


def test_map_points(client: Any) -> None:
    points = get(client, "/api/map")
    located = [e for e in all_events(client) if e["latitude"] is not None]
    assert len(points["features"]) == len(located)
    for feature in points["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["colour"].startswith("#")


@pytest.mark.parametrize("fmt", ["csv", "acled", "jsonl", "geojson", "plover"])
def test_export_of_the_current_filter(client: Any, fmt: str) -> None:
    expected = {e["id"] for e in all_events(client, "type=PROTEST")}
    response = client.get(f"/api/export?format={fmt}&type=PROTEST&per_page=2")  # every page is exported
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    body = response.content.decode()
    if fmt == "csv":
        assert {row["id"] for row in csv.DictReader(io.StringIO(body))} == expected
    elif fmt == "jsonl":
        assert {json.loads(line)["id"] for line in body.splitlines()} == expected
    elif fmt == "geojson":
        assert {f["id"] for f in json.loads(body)["features"]} <= expected
    else:
        assert body.strip()


def test_openapi_describes_the_api(client: Any) -> None:
    spec = get(client, "/api/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/entities", "/api/entities/{entity_id}",
            "/api/articles/{article_id}", "/api/stories", "/api/export"} <= set(spec["paths"])
    parameters = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "mode", "modality", "country", "place", "entity", "q", "source",
            "sort", "page", "per_page"} <= parameters
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events/{event_id}" in page.text


def test_read_only(client: Any, served_db: Path) -> None:
    before = hashlib.sha256(served_db.read_bytes()).hexdigest()
    for method in ("post", "put", "patch", "delete"):
        for url in ("/api/events", "/", f"/api/entities/{HOSTILE_ENTITY}"):
            assert getattr(client, method)(url).status_code == 405, (method, url)
    for url in ("/", "/map", "/entities", "/articles", "/stories", "/api/events", "/api/export?format=jsonl"):
        client.get(url)
    assert hashlib.sha256(served_db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "url",
    ["/static/../kronika.db", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fstore%2fsqlite.py",
     "/static//etc/passwd", "/static/%2Fetc%2Fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd"],
)
def test_no_file_outside_the_package_is_served(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.content and b"SQLite format" not in response.content


def test_static_files_are_ours(client: Any) -> None:
    for name in ("style.css", "map.js", "timeline.js", "countries.geojson"):
        assert client.get(f"/static/{name}").status_code == 200
