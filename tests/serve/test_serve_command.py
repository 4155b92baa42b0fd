"""``kronika serve`` as a user starts it: a real process on a real port."""

from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path

from tests.conftest import cli, kronika_process


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_until_stopped(served_db: Path) -> None:
    port = free_port()
    server = kronika_process("serve", "--db", str(served_db), "--port", str(port))
    try:
        deadline, body = time.monotonic() + 30, b""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?per_page=1", timeout=2) as reply:
                    body = reply.read()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.2)
        assert b'"total":' in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
            assert b"Timeline" in reply.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert server.stderr is not None and b"read-only" in server.stderr.read()


def test_serve_needs_a_store(tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "does not exist" in result.output
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("hello, not SQLite", encoding="utf-8")
    result = cli("serve", "--db", str(not_a_store))
    assert result.exit_code == 1 and "cannot open store" in result.output
