"""The web app in a real browser: Playwright (sync API) driving the system's chromium, headless,
against the app served by uvicorn (``live_server``) over the example corpus plus the hostile
article and entity of ``conftest``.

Every page records its requests, console errors, uncaught errors and dialogs; ``Browse.check``
asserts that every request went to the live server (the app is offline by construction) and
that nothing went wrong. Screenshots (1280×900, full page) go to ``$KRONIKA_TEST_OUTPUT/browser``
or ``test-output/browser``; the README uses them.

Skips, with the reason, where the ``playwright`` package or a chromium is missing; the
browser is ``$KRONIKA_CHROMIUM``, else ``chromium`` on the PATH, else ``/usr/bin/chromium``.
Nothing is downloaded (no ``playwright install``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.conftest import ROOT
from tests.serve.conftest import HOSTILE_ENTITY

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # the browser fixture skips
    sync_playwright = None

VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
TIMEOUT_MS = 10_000


# --- fixtures --------------------------------------------------------------------------------


def chromium_path() -> str | None:
    given = os.environ.get("KRONIKA_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if sync_playwright is None:
        pytest.skip("the playwright Python package is not installed (pip install playwright)")
    executable = chromium_path()
    if executable is None:
        where = os.environ.get("KRONIKA_CHROMIUM") or "chromium on the PATH or /usr/bin/chromium"
        pytest.skip(f"no chromium found ({where}); set KRONIKA_CHROMIUM to a chromium binary")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    """The folder for screenshots."""
    given = os.environ.get("KRONIKA_TEST_OUTPUT")
    folder = (Path(given) if given else ROOT / "test-output") / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Browse:
    """One page in a fresh browser context, with everything it did recorded."""

    def __init__(self, page: Page, base: str) -> None:
        self.page, self.base = page, base
        self.host = urlsplit(base).netloc
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if urlsplit(url).path == "/favicon.ico":  # the app has no icon; chromium asks anyway
            return
        self.console_errors.append(f"{message.text} ({url})")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host

    def goto(self, path: str) -> Page:
        response = self.page.goto(self.base + path)
        assert response is not None, path
        assert response.ok, f"{path}: HTTP {response.status}: {response.text()[:500]}"
        return self.page

    def api(self, path: str) -> Any:
        response = self.page.request.get(self.base + path)
        assert response.ok, f"{path}: HTTP {response.status}"
        return response.json()

    def check(self) -> None:
        """Every request went to the live server; no console error, uncaught error or dialog."""
        away = [url for url in self.requests if not self.local(url)]
        assert not away, f"requests to other hosts: {away}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"uncaught errors: {self.page_errors}"
        assert not self.dialogs, f"dialogs: {self.dialogs}"


@contextmanager
def browsing(browser: Any, base: str, **options: Any) -> Iterator[Browse]:
    """A page in a new browser context (``options`` for the context)."""
    context = browser.new_context(viewport=VIEWPORT, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    watched = Browse(page, base)
    # Nothing leaves the machine even if a page asked: requests to other hosts are refused
    # (and still recorded, so check() names them).
    context.route(lambda url: not watched.local(url), lambda route: route.abort())
    try:
        yield watched
    finally:
        context.close()


@pytest.fixture
def browse(browser: Any, live_server: str) -> Iterator[Browse]:
    with browsing(browser, live_server) as watched:
        yield watched


def submit(page: Page, form: str = "form#filters") -> None:
    """Submit a form with its button; the page it leads to must load."""
    with page.expect_navigation() as navigation:
        page.locator(f"{form} button[type=submit]").click()
    response = navigation.value
    assert response is not None and response.ok, (
        f"submitting {form}: HTTP {response and response.status} for {page.url}: "
        f"{response and response.text()[:500]}"
    )


def total_shown(page: Page) -> int:
    return int(page.locator("#total").inner_text().replace(",", ""))


def rows(page: Page) -> Any:
    return page.locator("table.events tr.event-row")


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def period(shown: str) -> tuple[dt.date, dt.date]:
    """The days a date cell means: ``2023-03-13``, ``2023-W11 (week)``, ``2023-03 (month)``,
    ``2023 (year)``."""
    text = shown.split()[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        day = dt.date(*map(int, m.groups()))
        return day, day
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", text):  # an episode's days
        return dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", text):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        first = dt.date(int(m[1]), int(m[2]), 1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    if m := re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    raise AssertionError(f"not a date cell: {shown!r}")


# --- timeline --------------------------------------------------------------------------------


def test_timeline_chart_and_table(browse: Browse, shots: Path) -> None:
    page = browse.goto("/")
    bars = page.locator("svg#timeline a.bar")
    expect(bars.first).to_be_visible()
    expect(rows(page).first).to_be_visible()
    listed = browse.api("/api/events")
    assert total_shown(page) == listed["total"] > 0
    assert rows(page).count() == min(listed["total"], listed["per_page"])
    # The bars hold every event dated to a day; the rest are counted as imprecise.
    drawn = sum(int(t) for t in bars.evaluate_all("bs => bs.map(b => b.dataset.total)"))
    imprecise = sum(browse.api("/api/timeline")["imprecise"].values())
    assert drawn + imprecise == listed["total"]
    # timeline.js: pointing at a bar says what it holds.
    bars.first.hover()
    expect(page.locator("#bar-info")).to_have_text(bars.first.locator("title").text_content())
    page.screenshot(path=shots / "timeline.png", full_page=True)
    browse.check()


def test_timeline_filters_through_the_form(browse: Browse, shots: Path) -> None:
    page = browse.goto("/")
    unfiltered = total_shown(page)

    page.select_option("select#filter-type", "PROTEST")
    submit(page)
    assert query_of(page).get("type") == ["PROTEST"]
    assert not re.search(r"=(&|$)", urlsplit(page.url).query), f"empty fields in {page.url}"
    expect(page.locator("select#filter-type")).to_have_value("PROTEST")
    protests = total_shown(page)
    assert 0 < protests < unfiltered
    assert protests == browse.api("/api/events?type=PROTEST")["total"]
    kinds = rows(page).locator("td:nth-child(2)").all_inner_texts()
    assert len(kinds) == min(protests, 50)
    assert all(kind.strip().startswith("PROTEST") for kind in kinds), kinds

    # A date range from the data: inside the first and last days an event is dated to.
    days = sorted({e["date"] for e in browse.api("/api/events?type=PROTEST&per_page=500")["items"]
                   if e["date_precision"] == "day" and "/" not in e["date"]})
    assert len(days) >= 3, f"too few day-dated protests to test a range: {days}"
    since, until = days[1], days[-2]
    page.fill("form#filters input[name=since]", since)
    page.fill("form#filters input[name=until]", until)
    submit(page)
    query = query_of(page)
    assert (query.get("since"), query.get("until"), query.get("type")) == (
        [since], [until], ["PROTEST"])
    ranged = total_shown(page)
    assert 0 < ranged < protests  # the first and last day's protests are out
    dates = rows(page).locator("td.date").all_inner_texts()
    assert len(dates) == ranged
    low, high = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    for shown in dates:
        first, last = period(shown)
        if first == last:
            assert low <= first <= high, (shown, since, until)
        else:  # a week or month: it overlaps the range
            assert first <= high and last >= low, (shown, since, until)
    kinds = rows(page).locator("td:nth-child(2)").all_inner_texts()
    assert all(kind.strip().startswith("PROTEST") for kind in kinds), kinds
    page.screenshot(path=shots / "timeline-filtered.png", full_page=True)
    browse.check()


def test_filter_form_works_without_javascript(browser: Any, live_server: str) -> None:
    """Without scripts the form sends its empty fields too; they filter nothing."""
    with browsing(browser, live_server, java_script_enabled=False) as watched:
        page = watched.goto("/")
        unfiltered = total_shown(page)
        page.select_option("select#filter-type", "PROTEST")
        submit(page)
        assert query_of(page).get("type") == ["PROTEST"]
        assert "since=&" in page.url  # the empty fields came along
        assert 0 < total_shown(page) < unfiltered
        kinds = rows(page).locator("td:nth-child(2)").all_inner_texts()
        assert kinds and all(kind.strip().startswith("PROTEST") for kind in kinds), kinds
        watched.check()


# --- event page ------------------------------------------------------------------------------

EVIDENCE = """sources => sources.map(source =>
    [...source.querySelectorAll("table.claims blockquote.evidence")].map(quote =>
        [quote.textContent, [...quote.querySelectorAll("mark")].map(m => m.textContent)]))"""


def sources_of(row: Any) -> int:
    return int(row.locator("td:nth-child(7)").inner_text().split()[0])


def test_event_shows_sources_side_by_side(browse: Browse) -> None:
    page = browse.goto("/")
    with page.expect_navigation():
        page.locator("table.events thead a", has_text="Sources").click()
    assert query_of(page).get("sort") == ["-sources"]
    first = rows(page).first
    assert sources_of(first) >= 2, "no event in the corpus has two sources"
    event_id = first.locator("a.open").inner_text().strip()
    first.locator("a.open").click()
    page.wait_for_url(f"**/events/{event_id}")

    sources = page.locator("#sources article.source")
    expect(sources.nth(1)).to_be_visible()
    detail = browse.api(f"/api/events/{event_id}")
    assert sources.count() == len(detail["sources"]) >= 2
    left, right = sources.nth(0).bounding_box(), sources.nth(1).bounding_box()
    assert left is not None and right is not None
    assert abs(left["y"] - right["y"]) <= 3, (left, right)  # on one row …
    assert right["x"] >= left["x"] + left["width"] - 1, (left, right)  # … one beside the other
    for source, quotes in enumerate(sources.evaluate_all(EVIDENCE)):
        marked = [(text, mark) for text, marks in quotes for mark in marks]
        assert marked, f"source {source} quotes no evidence"
        for text, mark in marked:
            assert mark.strip() and mark in text, (mark, text)
    browse.check()


def test_event_with_disagreement(browse: Browse, shots: Path) -> None:
    page = browse.goto("/?sort=-sources&per_page=500")
    disputed = rows(page).filter(has=page.locator(".badge.disagree"))
    assert disputed.count() >= 1, "no event row shows a disagreement"
    row = next((r for r in disputed.all() if sources_of(r) >= 2), None)
    assert row is not None, "no event with a disagreement has two sources"
    event_id = row.locator("a.open").inner_text().strip()
    row.locator("a.open").click()
    page.wait_for_url(f"**/events/{event_id}")

    fields = browse.api(f"/api/events/{event_id}")["event"]["disagreements"]
    assert fields
    banner = page.locator("#disagreement")
    expect(banner).to_be_visible()
    for field in fields:
        expect(banner).to_contain_text(field)
    sources = page.locator("#sources article.source")
    disputing = sources.filter(has=page.locator("tr.claim.disagree"))
    assert disputing.count() >= 2
    # Both accounts are kept: the disputed rows name the field, and their values differ.
    claims = page.locator("#sources tr.claim.disagree")
    named = {c.strip() for c in claims.locator("th").all_text_contents()}
    assert named <= set(fields), (named, fields)
    values = {v.strip() for v in claims.locator("td strong").all_inner_texts()}
    assert len(values) >= 2, values
    page.screenshot(path=shots / "event.png", full_page=True)
    browse.check()


# --- map -------------------------------------------------------------------------------------

POSITIONS = """() => [...document.querySelectorAll("#map-points circle")]
    .map(c => c.getAttribute("cx") + "," + c.getAttribute("cy")).join(" ")"""


def test_map_draws_and_zooms(browse: Browse, shots: Path) -> None:
    page = browse.goto("/map")
    expect(page.locator('#map[data-ready="true"]')).to_be_attached()
    circles = page.locator("#map-points circle")
    expect(circles.first).to_be_attached()
    features = browse.api("/api/map")["features"]
    expect(page.locator("#map-info")).to_contain_text(f"{len(features):,} events drawn")
    assert circles.count() >= 1
    # The OpenStreetMap layer is off: no tile is asked for.
    expect(page.locator("#osm-tiles")).not_to_be_checked()
    assert page.locator("#map-tiles image").count() == 0
    page.screenshot(path=shots / "map.png", full_page=True)

    before = page.evaluate(POSITIONS)
    box = page.locator("#map-svg").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 3)
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"before => ({POSITIONS})() !== before", arg=before)
    assert page.locator("#map-tiles image").count() == 0
    browse.check()


def test_map_circle_opens_its_event(browse: Browse) -> None:
    page = browse.goto("/map")
    expect(page.locator('#map[data-ready="true"]')).to_be_attached()
    if page.locator("circle[data-event]").count() == 0:
        # Every circle is a group here: a type with one located event draws one lone circle.
        kinds: dict[str, int] = {}
        for feature in browse.api("/api/map")["features"]:
            kinds[feature["properties"]["type"]] = kinds.get(feature["properties"]["type"], 0) + 1
        lone = next((kind for kind, n in kinds.items() if n == 1), None)
        assert lone is not None, "no circle on the map stands for a single event"
        page = browse.goto(f"/map?type={lone}")
        expect(page.locator('#map[data-ready="true"]')).to_be_attached()
    circle = page.locator("circle[data-event]").first
    event_id = circle.get_attribute("data-event")
    assert event_id
    circle.click()
    page.wait_for_url(f"**/events/{event_id}")
    expect(page.locator("#sources article.source").first).to_be_visible()
    browse.check()


# --- entity and article pages ----------------------------------------------------------------


def test_entity_found_by_any_spelling(browse: Browse, shots: Path) -> None:
    listed = browse.api("/api/entities?per_page=500")["items"]
    entity = max((e for e in listed if "<" not in e["name"]), key=lambda e: len(e["variants"]))
    spelling = next((v["text"] for v in entity["variants"] if v["text"] != entity["name"]),
                    entity["name"])
    page = browse.goto("/entities")
    page.fill("input[name=q]", spelling)
    submit(page, "form.filters")
    link = page.locator(f'table.entities a[href="/entities/{entity["id"]}"]')
    expect(link).to_have_text(entity["name"])
    link.click()
    page.wait_for_url(f"**/entities/{entity['id']}")
    expect(page.locator("h1")).to_contain_text(entity["name"])
    variants = page.locator("#variants tbody tr td:first-child").all_inner_texts()
    assert sorted(variants) == sorted(v["text"] for v in entity["variants"])
    events_total = browse.api(f"/api/entities/{entity['id']}")["events_total"]
    assert rows(page).count() == min(events_total, 100)
    page.screenshot(path=shots / "entity.png", full_page=True)
    browse.check()


def test_article_text_is_annotated(browse: Browse, shots: Path) -> None:
    page = browse.goto("/articles")
    links = page.locator("table.articles tbody tr").filter(
        has=page.locator("td:nth-child(4)", has_text=re.compile(r"^\s*en\s*$"))
    ).locator("td:nth-child(2) a")
    link = next((a for a in links.all() if "<" not in a.inner_text()), None)
    assert link is not None, "no English article in the corpus"
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    spans = page.locator("#article-text .k")
    expect(spans.first).to_be_visible()
    assert spans.count() >= 5
    # Event words link to their events.
    expect(page.locator('#article-text a.k.trigger[href^="/events/"]').first).to_be_visible()
    page.screenshot(path=shots / "article.png", full_page=True)
    browse.check()


# --- untrusted text stays text ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(live_server: str) -> dict[str, str]:
    """The ids of the hostile article, of the event that names the hostile entity and of an
    event the hostile article reports."""
    articles = httpx.get(f"{live_server}/api/articles", params={"per_page": 500}).json()["items"]
    article = next(a["id"] for a in articles if "Strike spreads" in (a["title"] or ""))
    entity = httpx.get(f"{live_server}/api/entities/{HOSTILE_ENTITY}").json()
    event = next(e["id"] for e in entity["events"] if e["place"] == "Kutaisi")
    reported = httpx.get(f"{live_server}/api/articles/{article}").json()["event_ids"]
    assert reported, "the hostile article reports no event"
    strikes = httpx.get(f"{live_server}/api/strikes").json()
    strike = next(s["id"] for s in strikes if article in s["articles"])
    return {"article": article, "event": event, "entity": HOSTILE_ENTITY,
            "reported": reported[min(reported)], "strike": strike}


INERT = """() => {
  const handlers = [];
  for (const el of document.querySelectorAll("*"))
    for (const attr of el.attributes)
      if (attr.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + " " + attr.name);
  const scriptLinks = [...document.querySelectorAll("a[href], area[href]")]
    .map(a => a.getAttribute("href"))
    .filter(href => new URL(href, location.href).protocol === "javascript:");
  return {
    handlers,
    scriptLinks,
    jsHrefs: document.querySelectorAll('a[href^="javascript:" i]').length,
    imgX: document.querySelectorAll('img[src="x"]').length,
    inlineScripts: [...document.scripts]
      .filter(s => !s.src || new URL(s.src).origin !== location.origin).map(s => s.outerHTML),
    frames: document.querySelectorAll("iframe, object, embed").length,
  };
}"""

# Per page: (selector, text it must show literally); a payload that shows is a payload inert.
PAGES = {
    "timeline": ("/", []),
    "entity search": ("/entities?q=Nika", [('table.entities a[href="/entities/{entity}"]', "<img")]),
    "entity": ("/entities/{entity}", [("h1", "<img src=x onerror="), ("#variants", "<script>")]),
    "event naming the entity": ("/events/{event}", [(".facts", "<img src=x onerror=")]),
    "event of the article": ("/events/{reported}", [
        ("#sources", "<script>window.__pwned"), ("#sources", "<img src=x"),
    ]),
    "article": ("/articles/{article}", [
        ("h1", "<script>window.__pwned"), (".meta", "<img src=x"),
        ("#article-text", "<script>"), ("#article-text", 'href="javascript:'),
    ]),
    "articles": ("/articles", [("table.articles", "<script>"), ("table.articles", "<img")]),
    "map": ("/map", []),
    "stories": ("/stories", []),
    "strikes": ("/strikes", [("#strikes", "Kutaisi")]),
    "strike of the article": ("/strikes/{strike}", [("#history", "<script>window.__pwned")]),
    "api": ("/api", []),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_text_stays_inert(browse: Browse, hostile: dict[str, str], name: str) -> None:
    path, shown = PAGES[name]
    page = browse.goto(path.format(**hostile))
    if name == "map":
        expect(page.locator('#map[data-ready="true"]')).to_be_attached()
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned") is None
    found = page.evaluate(INERT)
    assert found == {"handlers": [], "scriptLinks": [], "jsHrefs": 0, "imgX": 0,
                     "inlineScripts": [], "frames": 0}, found
    for selector, text in shown:
        expect(page.locator(selector.format(**hostile)).first).to_contain_text(
            text, use_inner_text=True)
    # An injected <img src=x> would have asked for /x.
    assert not [url for url in browse.requests if urlsplit(url).path == "/x"]
    browse.check()


def test_api_escapes_markup(live_server: str, hostile: dict[str, str]) -> None:
    """The raw JSON holds no ``<`` or ``>`` (written ``\\u003c`` …), yet decodes to the text."""
    for path, field, payload in (
        (f"/api/articles/{hostile['article']}", "title", "<script>"),
        (f"/api/entities/{hostile['entity']}", "entity", "<img"),
    ):
        response = httpx.get(live_server + path)
        assert response.status_code == 200, path
        raw = response.content
        assert b"<" not in raw and b">" not in raw, path
        assert b"\\u003c" in raw, path
        data = json.loads(raw)
        text = data["title"] if field == "title" else data["entity"]["name"]
        assert payload in text, (path, text)


def test_strike_list_and_two_sources_of_its_workers(browse: Browse, shots: Path) -> None:
    page = browse.goto("/strikes")
    strikes = page.locator("#strikes tbody tr")
    expect(strikes.first).to_be_visible()
    listed = browse.api("/api/strikes")
    assert strikes.count() == len(listed) >= 2
    disputed = max(
        (s for s in listed if s["workers"] and s["workers"]["disagreement"]), key=lambda s: len(s["history"])
    )
    row = page.locator("#strikes tbody tr", has=page.locator(f"a[href='/strikes/{disputed['id']}']"))
    assert row.locator(".status-line li").count() == len(disputed["history"]) >= 2
    page.screenshot(path=str(shots / "strikes.png"), full_page=True)
    row.locator("a.open").click()
    page.wait_for_url(f"**/strikes/{disputed['id']}")

    claims = page.locator("#worker-claims article.source")
    expect(claims.nth(1)).to_be_visible()
    figures = [t.strip() for t in claims.locator(".figure strong").all_inner_texts()]
    assert len(set(figures)) >= 2, figures  # two sources' different figures …
    left, right = claims.nth(0).bounding_box(), claims.nth(1).bounding_box()
    assert left is not None and right is not None
    assert abs(left["y"] - right["y"]) <= 3 and right["x"] >= left["x"] + left["width"] - 1, (left, right)  # … side by side
    expect(page.locator("#history li").first).to_be_visible()
    page.screenshot(path=str(shots / "strike.png"), full_page=True)
    browse.check()
