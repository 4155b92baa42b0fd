"""A store to serve: the example corpus plus one hostile article and one hostile entity, so
every page test also checks that untrusted text stays inert."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.model import Actor, CanonicalEntity, Variant, date_span
from kronika.store import Store
from tests.conftest import EXAMPLES, STRIKE_EXAMPLE, cli

# Each payload, if it ever ran, would set window.__pwned; the browser test reads it.
HOSTILE_ARTICLE = """date 2023-03-16
title <script>window.__pwned = "title"</script>Strike spreads to Kutaisi
source <img src=x onerror="window.__pwned = 'outlet'">Courier
url javascript:window.__pwned = "url"

About 4,000 dockworkers went on strike in Kutaisi on Thursday <script>window.__pwned = "text"</script>, the union said.
The strike leader <img src=x onerror="window.__pwned = 'img'"> told reporters: "We will not go back <a href="javascript:window.__pwned = 'link'">click</a> until the plan is withdrawn."
"""
HOSTILE_NAME = "<img src=x onerror=\"window.__pwned = 'entity'\">Nika"
HOSTILE_ENTITY = "ent-0badc0ffee00"


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    hostile = folder / "07_en_hostile.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = folder / "kronika.db"
    result = cli("run", str(EXAMPLES), str(STRIKE_EXAMPLE), str(hostile), "--db", str(db))
    assert result.exit_code == 0, result.output
    with Store(db) as store, store.transaction():
        store.links.put_entity(
            CanonicalEntity(HOSTILE_ENTITY, HOSTILE_NAME, "PER",
                            variants=[Variant("<script>window.__pwned = 'variant'</script>", 1, ["en"])],
                            mentions=1),
            {},
        )
        # The hostile entity acts in the strike event of the hostile article.
        hostile_id = next(a["id"] for a in store.articles() if "Strike spreads" in (a["title"] or ""))
        event = next(e for e in store.links.events() if hostile_id in e.articles and e.type == "PROTEST")
        event = dataclasses.replace(event, actors=[*event.actors, Actor(HOSTILE_NAME, "actor", HOSTILE_ENTITY)])
        first, last = date_span(event.date) if event.date else (None, None)
        store.links.put_event(event, first and first.isoformat(), last and last.isoformat())
    return db


@pytest.fixture(scope="session")
def client(served_db: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from kronika.serve import create_app

    with TestClient(create_app(served_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(served_db: Path) -> Iterator[str]:
    """The app served by uvicorn on a free local port, for a real browser; its base URL."""
    import uvicorn

    from kronika.serve import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(served_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
