"""Fetch URLs named explicitly by the user: http(s) only, with a timeout and a size cap.

kronika never fetches anything on its own; this runs only for URLs on the command line.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from kronika import __version__
from kronika.errors import FetchError
from kronika.ingest.decode import MAX_DOCUMENT_BYTES

TIMEOUT_SECONDS = 20.0
ALLOWED_SCHEMES = ("http", "https")


@dataclass(slots=True)
class Fetched:
    url: str
    content_type: str
    body: bytes


def is_url(value: str) -> bool:
    return "://" in value[:12]


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, limit: int = MAX_DOCUMENT_BYTES) -> Fetched:
    """GET ``url``; raise FetchError for other schemes, HTTP errors, timeouts or big bodies."""
    if urlsplit(url).scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"only http and https URLs are fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": f"kronika/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            if urlsplit(final_url).scheme.lower() not in ALLOWED_SCHEMES:
                raise FetchError(f"redirected to a non-http URL {final_url!r}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"{url}: {int(declared)} bytes is over the {limit} byte limit")
            body = response.read(limit + 1)
            if len(body) > limit:
                raise FetchError(f"{url}: body is over the {limit} byte limit")
            return Fetched(final_url, response.headers.get("Content-Type", ""), body)
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url}: {reason}") from error
