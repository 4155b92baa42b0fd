"""Every reader on files written here: text, HTML, JSONL, JSON, RSS, Atom, WARC, stdin, URLs."""

from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.sources import read_inputs
from kronika.model import Published
from kronika.pipeline import Processed, process
from tests.conftest import cli

PARAGRAPH = (
    "Thousands of dock workers walked off the job in the port on Monday, demanding higher "
    "wages and the release of two union leaders who were detained last week."
)
HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Dock workers strike | Harbour Times</title>
<meta property="og:title" content="Dock workers strike over wages">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-05-03T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dock workers strike over wages</h1>
<p>{PARAGRAPH}</p>
<p>The union said the strike would continue until the government opened talks with the workers and their representatives.</p>
</article>
<footer>© 2021 Harbour Times. All rights reserved.</footer>
</body></html>"""


def documents(*inputs: str) -> list[RawDocument | Skipped]:
    return list(read_inputs(inputs))


def test_html_file_gives_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    [document] = documents(str(page))
    assert isinstance(document, RawDocument)
    assert PARAGRAPH in document.text
    assert "Home" not in document.text and "All rights reserved" not in document.text
    assert document.title == "Dock workers strike over wages"
    assert document.author == "Jane Roe"
    assert document.source == "Harbour Times"
    assert document.published == Published("2021-05-03", "day")


def test_malformed_html_still_gives_its_text(tmp_path: Path) -> None:
    page = tmp_path / "broken.htm"
    page.write_text(f"<html><body><div><p>{PARAGRAPH}<p>Second <b>bold <i>paragraph</b> about the strike and the talks that followed it in the port city.</div", encoding="utf-8")
    [document] = documents(str(page))
    assert isinstance(document, RawDocument)
    assert "Thousands of dock workers" in document.text
    assert document.published is None


def test_html_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    body = "Рабочие тракторного завода вышли на забастовку. " * 4
    page = tmp_path / "ru.html"
    page.write_bytes(
        f'<html><head><meta charset="windows-1251"><title>Забастовка</title></head>'
        f"<body><article><p>{body}</p></article></body></html>".encode("cp1251")
    )
    [document] = documents(str(page))
    assert isinstance(document, RawDocument) and body.strip() in document.text


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    [skip] = documents(str(page))
    assert isinstance(skip, Skipped) and skip.reason == "no text"


def test_jsonl_records_with_empty_text_are_skipped_by_line_and_id(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": "kept", "text": PARAGRAPH}), json.dumps({"id": "r-17", "text": "  "}),
             json.dumps({"text": ""})]
    path.write_text("\n".join(lines), encoding="utf-8")
    _, named, unnamed = documents(str(path))
    assert isinstance(named, Skipped) and named.reason == "empty"
    assert named.origin == f"{path} line 2 (id r-17)"
    assert isinstance(unnamed, Skipped) and unnamed.origin == f"{path} line 3"
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    assert "line 2 (id r-17): empty" in result.stderr


def test_jsonl_with_a_bad_line_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": PARAGRAPH, "published": "2021-05-03", "language": "en",
                    "title": "Strike", "url": "https://example.org/1", "source": "Example"}),
        "{not json",
        json.dumps({"title": "no text field"}),
        "",
        json.dumps({"text": "Een tweede artikel over de staking in de haven van Rotterdam.",
                    "published": {"date": "2021-05", "precision": "month"}}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = documents(str(path))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["RawDocument", "Skipped", "Skipped", "RawDocument"]
    first, bad, missing, last = items
    assert isinstance(first, RawDocument) and first.id == "a1" and first.url == "https://example.org/1"
    assert first.published == Published("2021-05-03", "day") and first.language == "en"
    assert isinstance(bad, Skipped) and bad.reason == "bad JSON" and "line 2" in bad.origin
    assert isinstance(missing, Skipped) and "line 3" in missing.origin
    assert isinstance(last, RawDocument) and last.published == Published("2021-05", "month")


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": PARAGRAPH}, {"text": "Second article text about talks."}]))
    assert [type(d).__name__ for d in documents(str(path))] == ["RawDocument", "RawDocument"]


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Times</title><link>https://example.org</link><description>news</description>
<item><title>Dock strike</title><link>https://example.org/strike</link>
<pubDate>Mon, 03 May 2021 09:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>{PARAGRAPH}</p><p>Talks are planned for Friday.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://example.org/empty</link></item>
<item><title>Summary only</title><link>https://example.org/summary</link>
<description>Rail workers announced a strike for next week.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Havenkrant</title><id>urn:x</id>
<updated>2021-05-04T00:00:00Z</updated>
<entry><title>Staking</title><link href="https://example.nl/staking"/><id>urn:1</id>
<published>2021-05-04T08:00:00Z</published><updated>2021-05-04T08:00:00Z</updated>
<content type="html">&lt;p&gt;Havenarbeiders legden maandag het werk neer.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, empty, summary = documents(str(path))
    assert isinstance(first, RawDocument)
    assert first.title == "Dock strike" and first.url == "https://example.org/strike"
    assert first.source == "Harbour Times" and first.published == Published("2021-05-03", "day")
    assert PARAGRAPH in first.text and "<p>" not in first.text
    assert isinstance(empty, Skipped) and empty.reason == "empty"
    assert isinstance(summary, RawDocument) and summary.published is None


def test_atom_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = documents(str(path))
    assert isinstance(entry, RawDocument)
    assert entry.text == "Havenarbeiders legden maandag het werk neer."
    assert entry.url == "https://example.nl/staking" and entry.published == Published("2021-05-04", "day")


def write_warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        records = [
            ("https://example.org/strike", "200 OK", "text/html; charset=utf-8", HTML_PAGE.encode()),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG...."),
            ("https://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://example.org/nav", "200 OK", "text/html", b"<html><body><nav>x</nav></body></html>"),
        ]
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, compress=name.endswith(".gz"))
    items = documents(str(path))
    pages = [item for item in items if isinstance(item, RawDocument)]
    assert len(pages) == 1
    assert pages[0].url == "https://example.org/strike" and PARAGRAPH in pages[0].text
    assert pages[0].published == Published("2021-05-03", "day")  # from the page, not the crawl
    skips = [item for item in items if isinstance(item, Skipped)]
    assert [s.reason for s in skips] == ["no text"]


def write_encoded_warc(path: Path, bodies: list[tuple[str, bytes]]) -> None:
    """A WARC of HTML responses, each body sent with the Content-Encoding given."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for number, (encoding, body) in enumerate(bodies):
            fields = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", encoding)]
            headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            url = f"https://example.org/{number}-{encoding}"
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def _compressed(encoding: str, data: bytes) -> bytes:
    import gzip
    import zlib

    import brotli

    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return {
        "br": lambda: brotli.compress(data),
        "gzip": lambda: gzip.compress(data),
        "x-gzip": lambda: gzip.compress(data),
        "deflate": lambda: zlib.compress(data),
        "deflate-raw": lambda: raw_deflate.compress(data) + raw_deflate.flush(),
        "identity": lambda: data,
    }[encoding]()


@pytest.mark.parametrize("encoding", ["br", "gzip", "x-gzip", "deflate", "deflate-raw", "identity"])
def test_warc_bodies_are_decompressed(tmp_path: Path, encoding: str) -> None:
    """Guards issue 20: a WARC record with Content-Encoding: br was skipped as "binary"."""
    header = "deflate" if encoding == "deflate-raw" else encoding  # raw deflate, as some servers send
    path = tmp_path / "crawl.warc"
    write_encoded_warc(path, [(header, _compressed(encoding, HTML_PAGE.encode()))])
    [page] = documents(str(path))
    assert isinstance(page, RawDocument) and PARAGRAPH in page.text


def test_warc_body_stored_already_decompressed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_encoded_warc(path, [("gzip", HTML_PAGE.encode()), ("br", HTML_PAGE.encode())])
    assert [type(item).__name__ for item in documents(str(path))] == ["RawDocument", "RawDocument"]


def test_warc_body_in_an_unknown_or_corrupt_encoding_is_named(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    compressed = _compressed("br", HTML_PAGE.encode())
    write_encoded_warc(path, [("zstd", compressed), ("gzip", compressed), ("br", compressed)])
    unknown, corrupt, page = documents(str(path))
    assert isinstance(unknown, Skipped) and unknown.reason == "unsupported encoding"
    assert "Content-Encoding zstd" in unknown.detail
    assert isinstance(corrupt, Skipped) and corrupt.reason == "bad compression"
    assert "Content-Encoding gzip" in corrupt.detail
    assert isinstance(page, RawDocument)


def test_brotli_bomb_stops_at_the_size_limit(tmp_path: Path) -> None:
    import brotli

    path = tmp_path / "crawl.warc"
    bomb = brotli.compress(b"<html><body><p>" + b"a" * (32 * 2**20), quality=1)  # 32 MiB in 6 KiB
    write_encoded_warc(path, [("br", bomb)])
    [skip] = documents(str(path))
    assert isinstance(skip, Skipped) and skip.reason == "too large"


def test_brotli_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    path = tmp_path / "crawl.warc"
    write_encoded_warc(path, [("br", _compressed("br", HTML_PAGE.encode()))])
    monkeypatch.setitem(sys.modules, "brotli", None)
    monkeypatch.setitem(sys.modules, "brotlicffi", None)
    [skip] = documents(str(path))
    assert isinstance(skip, Skipped) and skip.reason == "unsupported encoding"
    assert "Content-Encoding br needs the brotli package" in skip.detail


@pytest.mark.parametrize("name", ["page.de.emden-21416", "story.2021", "page", "index.php"])
def test_odd_file_names_are_read_by_their_content(tmp_path: Path, name: str) -> None:
    """Guards issue 20: "page.de.emden-21416" was refused as "unknown extension .emden-21416"."""
    path = tmp_path / name
    path.write_text(HTML_PAGE, encoding="utf-8")
    [page] = documents(str(path))
    assert isinstance(page, RawDocument) and PARAGRAPH in page.text
    assert page.title == "Dock workers strike over wages"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("notes.de.x1", PARAGRAPH.encode(), "text"),
        ("export.data", json.dumps({"text": PARAGRAPH}).encode(), "jsonl"),
        ("list.data", json.dumps([{"text": PARAGRAPH}]).encode(), "json"),
        ("feed.php", RSS.encode(), "feed"),
    ],
)
def test_odd_names_are_sniffed_as_text_json_and_feeds(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    first = documents(str(path))[0]
    assert isinstance(first, RawDocument) and PARAGRAPH in first.text, kind


@pytest.mark.parametrize("compress", [False, True])
def test_warc_under_an_odd_name_is_streamed(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / "CC-NEWS-20210503.warc.part-00001"
    write_warc(path, compress=compress)
    pages = [item for item in documents(str(path)) if isinstance(item, RawDocument)]
    assert [page.url for page in pages] == ["https://example.org/strike"]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("photo.jpeg", b"\xff\xd8\xff\xe0" + bytes(200), "JPEG image"),
     ("report.pdf", b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
     ("blob.bin", bytes(range(256)) * 8, "control bytes")],
)
def test_binary_content_under_an_odd_name_is_refused(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [skip] = documents(str(path))
    assert isinstance(skip, Skipped) and skip.reason == "unsupported type"
    assert f"unknown extension {path.suffix}" in skip.detail and kind in skip.detail


def test_directory_is_read_recursively_in_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Eerste artikel over de staking in de haven.")
    (tmp_path / "b" / "c.txt").write_text("Second article about the strike at the port.")
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    items = documents(str(tmp_path))
    assert [Path(item.origin).name for item in items] == ["a.txt", "c.txt"]


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    result = cli("extract", "-", "--format", "jsonl", input=HTML_PAGE.encode())
    article = json.loads(result.output)
    assert article["title"] == "Dock workers strike over wages" and PARAGRAPH in article["text"]
    result = cli("extract", "-", "--published", "2020-08-17", input=b"date 2020-08 Tekst van het artikel over de staking.")
    article = json.loads(result.output)
    assert article["published"] == {"date": "2020-08-17", "precision": "day"}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        pages = {
            "/article": ("text/html; charset=utf-8", HTML_PAGE.encode()),
            "/plain": ("text/plain", b"date 2021-05 De staking in de haven gaat door, zei de bond."),
            "/huge": ("text/plain", b"x" * (21 * 1024 * 1024)),
        }
        if self.path not in pages:
            self.send_error(404)
            return
        content_type, body = pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size cap

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")  # a proxy must not see loopback
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_are_fetched_with_a_size_cap_and_only_over_http(server: str) -> None:
    items = documents(f"{server}/article", f"{server}/plain", f"{server}/missing", f"{server}/huge", "file:///etc/passwd", "ftp://example.org/x")
    article, plain, missing, huge, local, ftp = items
    assert isinstance(article, RawDocument) and article.url == f"{server}/article"
    assert article.title == "Dock workers strike over wages"
    assert isinstance(plain, RawDocument) and plain.published == Published("2021-05", "month")
    assert plain.url == f"{server}/plain"
    assert isinstance(missing, Skipped) and "404" in missing.detail
    assert isinstance(huge, Skipped) and "limit" in huge.detail
    assert isinstance(local, Skipped) and "only http" in local.detail
    assert isinstance(ftp, Skipped) and ftp.reason == "fetch failed"


def test_pipeline_gives_analysed_articles(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2020-08-17\n\nDe bond zei dat de\n\nstaking doorgaat. Dhr. Jansen is ca. 60 jaar.")
    [item] = list(process([str(path)]))
    assert isinstance(item, Processed)
    article = item.article
    assert article.language == "nl" and article.published == Published("2020-08-17", "day")
    assert article.text == "De bond zei dat de staking doorgaat. Dhr. Jansen is ca. 60 jaar."
    assert [article.text[s.start : s.end] for s in article.sentences] == [
        "De bond zei dat de staking doorgaat.", "Dhr. Jansen is ca. 60 jaar."]
    assert item.location == str(path.resolve())


def test_an_html_page_without_a_machine_date_takes_the_bylines_date() -> None:
    from kronika.ingest.html import parse_html

    body = " ".join(["The council met again to discuss the closure of the harbour depot."] * 6)
    html = (
        "<html><head><title>Depot closure debated</title></head><body><article>"
        "<h1>Depot closure debated</h1><p class='byline'>By Jo Marsh, 3 March 2021</p>"
        f"<p>{body}</p></article><footer>© 2025 Harbour Post</footer></body></html>"
    )
    document = parse_html(html, "page.html")
    assert document.published is not None and document.published.date == "2021-03-03"
