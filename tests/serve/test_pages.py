"""The HTML pages, read as HTML: what they show, and that untrusted text stays text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from lxml import html

from tests.serve.conftest import HOSTILE_ENTITY, HOSTILE_NAME


def page(client: Any, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    return html.fromstring(response.text)


def hostile_article(client: Any) -> str:
    items = client.get("/api/articles").json()["items"]
    return next(a["id"] for a in items if "Strike spreads" in (a["title"] or ""))


def hostile_event(client: Any) -> str:
    return client.get(f"/api/events?entity={HOSTILE_ENTITY}").json()["items"][0]["id"]


def every_page(client: Any) -> list[str]:
    events = client.get("/api/events?sort=-sources&per_page=3").json()["items"]
    return [
        "/", "/?type=PROTEST&q=strike", "/map", "/entities", "/entities?q=nika", f"/entities/{HOSTILE_ENTITY}",
        "/articles", f"/articles/{hostile_article(client)}", "/stories", "/api", f"/events/{hostile_event(client)}",
        *(f"/events/{e['id']}" for e in events),
    ]


def test_untrusted_text_is_inert_on_every_page(client: Any) -> None:
    for url in every_page(client):
        tree = page(client, url)
        scripts = [s.get("src") for s in tree.iter("script")]
        assert all(src and src.startswith("/static/") for src in scripts), (url, scripts)
        assert not tree.xpath("//img"), url
        handlers = [(el.tag, name) for el in tree.iter() if not isinstance(el, html.HtmlComment)
                    for name in el.attrib if name.lower().startswith("on")]
        assert not handlers, (url, handlers)
        links = [a.get("href") for a in tree.iter("a")]
        assert not [h for h in links if h and re.match(r"\s*(javascript|data|vbscript):", h, re.IGNORECASE)], url


def test_hostile_article_shows_its_payloads_as_text(client: Any) -> None:
    tree = page(client, f"/articles/{hostile_article(client)}")
    assert "<script>" in tree.findtext(".//h1")
    text = tree.get_element_by_id("article-text").text_content()
    assert '<script>window.__pwned = "text"</script>' in text
    assert "original" not in [a.text for a in tree.iter("a")]  # a javascript: url is not a link
    assert "<img src=x" in tree.find_class("meta")[0].text_content()


def test_hostile_entity_name_is_text(client: Any) -> None:
    tree = page(client, f"/entities/{HOSTILE_ENTITY}")
    assert tree.findtext(".//h1").startswith(HOSTILE_NAME)
    assert "<script>window.__pwned = 'variant'</script>" in tree.get_element_by_id("variants").text_content()
    event = page(client, f"/events/{hostile_event(client)}")
    assert HOSTILE_NAME in event.text_content()


def test_timeline_page(client: Any) -> None:
    tree = page(client, "/")
    total = client.get("/api/events").json()["total"]
    assert tree.get_element_by_id("total").text == str(total)
    bars = tree.xpath("//*[@id='timeline']//*[local-name()='a']")
    assert bars and all("since=" in b.get("href") for b in bars)
    rows = tree.find_class("event-row")
    assert len(rows) == min(total, 50)
    exports = {a.text for a in tree.find_class("button")}
    assert {"CSV", "ACLED CSV", "GeoJSON", "JSONL"} <= exports


def test_filtered_timeline_links_keep_the_filter(client: Any) -> None:
    tree = page(client, "/?type=PROTEST&country=GE")
    assert all(r.find_class("type")[0].text_content().strip().startswith("PROTEST") for r in tree.find_class("event-row"))
    for a in tree.find_class("button"):
        assert "type=PROTEST" in a.get("href") and "country=GE" in a.get("href")
    assert tree.xpath("//select[@name='type']/option[@selected]")[0].get("value") == "PROTEST"


def test_event_page_sets_sources_side_by_side(client: Any) -> None:
    disagreeing = [e for e in client.get("/api/events?per_page=500").json()["items"]
                   if e["disagreements"] and e["sources"] >= 2]
    assert disagreeing
    tree = page(client, f"/events/{disagreeing[0]['id']}")
    assert "Sources disagree on" in tree.get_element_by_id("disagreement").text_content()
    sources = tree.get_element_by_id("sources").find_class("source")
    assert len(sources) >= 2
    for source in sources:
        marks = [m.text_content() for m in source.xpath(".//blockquote//mark")]
        assert marks and all(marks)
    assert tree.find_class("disagree")


def test_entity_and_article_pages(client: Any) -> None:
    entity = client.get("/api/entities").json()["items"][0]
    tree = page(client, f"/entities/{entity['id']}")
    rows = tree.get_element_by_id("variants").xpath(".//tbody/tr")
    assert len(rows) == len(entity["variants"])
    article_id = client.get("/api/articles").json()["items"][0]["id"]
    tree = page(client, f"/articles/{article_id}")
    kinds = {k for el in tree.get_element_by_id("article-text").find_class("k") for k in el.get("class").split()}
    assert {"time", "trigger", "place"} <= kinds
    triggers = tree.get_element_by_id("article-text").xpath(".//a[contains(@class, 'trigger')]")
    assert triggers and all(a.get("href").startswith("/events/ev-") for a in triggers)


@pytest.mark.parametrize("url", ["/events/ev-000000000000", "/entities/ent-none", "/articles/none"])
def test_missing_records_are_404(client: Any, url: str) -> None:
    assert client.get(url).status_code == 404


def test_errors_echo_the_request_as_text(client: Any) -> None:
    response = client.get("/events/<img src=x onerror=alert(1)>")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "<img" not in response.text and "no event &lt;img src=x onerror=alert(1)&gt;" in response.text
    for url in ("/api/events/<img src=x onerror=alert(1)>", "/api/events?sort=<script>", "/api/events?since=<b>"):
        response = client.get(url)
        assert response.status_code in (404, 422) and b"<" not in response.content, url
        assert "<" in json.dumps(response.json())  # the same text, escaped in transit
