from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kronika.errors import StoreError
from kronika.model import Article, Published, Sentence
from kronika.store import PutResult, Store
from kronika.store.sqlite import migrations
from tests.conftest import cli, kronika_process


def article(text: str, id: str | None = None) -> Article:
    return Article(id=id or str(abs(hash(text))), text=text, language="en",
                   published=Published("2020-08", "month"), sentences=[Sentence(0, len(text))])


def test_new_store_is_migrated_and_uses_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        assert store.schema_version == migrations()[-1][0]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.put_article(article("one"), location="a")
    with Store(tmp_path / "k.db") as store:
        assert store.count() == 1


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        assert store.put_article(article("same", "x1"), location="https://e.org/1") is PutResult.STORED
        assert store.put_article(article("same", "x1"), location="https://e.org/1") is PutResult.UNCHANGED
        assert store.count() == 1


def test_changed_content_at_the_same_location_is_a_new_version(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.put_article(article("first text", "v1"), location="https://e.org/1")
        assert store.put_article(article("second text", "v2"), location="https://e.org/1") is PutResult.NEW_VERSION
        current = list(store.articles())
        every = list(store.articles(all_versions=True))
    assert [row["id"] for row in current] == ["v2"] and current[0]["version"] == 2
    assert {row["id"] for row in every} == {"v1", "v2"}


def test_changed_content_under_a_given_id_is_a_new_version(tmp_path: Path) -> None:
    """Guards a lost update: JSONL input gives its own id, so the id alone cannot tell
    versions apart."""
    with Store(tmp_path / "k.db") as store:
        store.put_article(article("old text", "given-7"), location="given-7")
        assert store.put_article(article("new text", "given-7"), location="given-7") is PutResult.NEW_VERSION
        latest = store.get_article("given-7")
        assert latest is not None and latest.text == "new text"
        assert store.count() == 2


def test_stored_article_round_trips(tmp_path: Path) -> None:
    original = article("Round trip text.", "rt")
    with Store(tmp_path / "k.db") as store:
        store.put_article(original)
        assert store.get_article("rt") == original
        assert store.get_article("missing") is None


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_rerunning_the_same_input_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("date 2020-08-17\n\nDe staking gaat door, zei de bond maandag.")
    db = str(tmp_path / "k.db")
    assert cli("run", str(source), "--db", db).stdout.splitlines()[0] == "1 article: 1 stored, 0 skipped"
    assert cli("run", str(source), "--db", db).stdout.splitlines()[0] == "1 article: 0 stored, 1 unchanged, 0 skipped"
    source.write_text("date 2020-08-17\n\nDe staking gaat door, zei de bond dinsdag.")
    assert cli("run", str(source), "--db", db).stdout.splitlines()[0] == "1 article: 0 stored, 1 new version, 0 skipped"


def test_killed_run_leaves_a_consistent_store_that_the_next_run_completes(tmp_path: Path) -> None:
    """A run killed with SIGKILL mid-way keeps every finished article; rerunning stores
    the rest, says the earlier run was interrupted, and duplicates nothing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 600
    for n in range(total):
        (corpus / f"{n:04d}.txt").write_text(
            f"date 2020-08-{n % 28 + 1:02d}\n\nArticle {n}: workers at plant {n} went on strike on Monday. "
            f"The union said {n * 10} people joined the protest. Police detained {n % 7} of them.\n",
            encoding="utf-8",
        )
    db = tmp_path / "k.db"
    process = kronika_process("run", str(corpus), "--db", str(db))
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as reader:
                stored = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 20:
            break
    if process.poll() is not None:
        pytest.fail(f"the run finished before it could be killed ({stored} stored)")
    process.send_signal(signal.SIGKILL)
    process.wait()

    with Store(db) as store:
        assert store.integrity_ok()
        partial = store.count()
        assert 20 <= partial < total
        assert store.db.execute("SELECT COUNT(*) FROM runs WHERE status = 'running'").fetchone()[0] == 1

    result = cli("run", str(corpus), "--db", str(db))
    assert "interrupted" in result.stderr
    assert result.stdout.splitlines()[0] == f"{total} articles: {total - partial} stored, {partial} unchanged, 0 skipped"
    with Store(db) as store:
        assert store.count() == total and store.integrity_ok()
        statuses = [row[0] for row in store.db.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["interrupted", "done"]
