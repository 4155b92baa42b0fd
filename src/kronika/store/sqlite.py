"""SQLite store.

Each article is written in its own transaction, so a run killed at any moment leaves every
earlier article stored and no half-written one; WAL keeps readers working meanwhile. The
schema is built by numbered scripts in ``migrations/``; ``PRAGMA user_version`` says which
have run.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

from kronika.errors import StoreError
from kronika.model import Article, content_id
from kronika.store.links import LinkTables

BUSY_TIMEOUT_MS = 10_000


class PutResult(str, Enum):
    STORED = "stored"
    NEW_VERSION = "new version"
    UNCHANGED = "unchanged"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    """(number, SQL) of every migration script, in order."""
    folder = resources.files(__package__).joinpath("migrations")
    scripts = sorted((p for p in folder.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(int(p.name.split("_", 1)[0]), p.read_text(encoding="utf-8")) for p in scripts]


class Store:
    """An article store in one SQLite file.

    ``readonly=True`` opens an existing store for reading only (the web app): SQLite refuses
    every write on that connection, and a store of an older schema is an error instead of
    being upgraded.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                self.db = self._open_readonly()
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open store {self.path}: {error}") from error
        self.links = LinkTables(self.db)

    def _open_readonly(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise StoreError(f"no store {self.path}")
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                             check_same_thread=False)
        db.execute("PRAGMA query_only=ON")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        latest = migrations()[-1][0]
        if version != latest:
            db.close()
            raise StoreError(
                f"store {self.path} has schema {version}, this kronika reads schema {latest}: "
                "run `kronika link --db PATH` once to upgrade it"
            )
        return db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is stored, or (on any error) nothing."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"cannot write to store {self.path}: {error}") from error
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        for number, sql in migrations():
            if number <= current:
                continue
            try:
                self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    # --- articles -------------------------------------------------------------------

    def put_article(self, article: Article, *, location: str | None = None, origin: str = "") -> PutResult:
        """Store ``article`` in one transaction. The same content again changes nothing;
        changed content at a known ``location`` becomes its next version."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                result = self._put(article, location, origin)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(f"cannot store article {article.id}: {error}") from error
        return result

    def _put(self, article: Article, location: str | None, origin: str) -> PutResult:
        content_hash = content_id(article.text, article.url)
        if self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone():
            return PutResult.UNCHANGED
        version, result = 1, PutResult.STORED
        if location:
            row = self.db.execute(
                "SELECT MAX(version) FROM articles WHERE location = ?", (location,)
            ).fetchone()
            if row[0] is not None:
                version, result = row[0] + 1, PutResult.NEW_VERSION
                self.db.execute("UPDATE articles SET current = 0 WHERE location = ?", (location,))
        published = article.published
        self.db.execute(
            """INSERT INTO articles (content_hash, id, location, version, current, source, url,
                   title, author, language, published_date, published_precision, text, record,
                   origin, ingested_at)
               VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                content_hash, article.id, location, version, article.source, article.url, article.title,
                article.author, article.language, published.date if published else None,
                published.precision if published else None, article.text,
                article.to_json(), origin, _now(),
            ),
        )
        return result

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id (its latest version), its entities resolved."""
        row = self.db.execute(
            "SELECT record FROM articles WHERE id = ? ORDER BY version DESC LIMIT 1", (article_id,)
        ).fetchone()
        return self.links.resolve_entities(Article.from_json(row[0])) if row else None

    def articles(
        self, *, all_versions: bool = False, limit: int | None = None, offset: int = 0
    ) -> Iterator[dict[str, Any]]:
        """Summary rows of the stored articles, oldest publication first."""
        where = "" if all_versions else "WHERE current = 1"
        page = f"LIMIT {int(limit or -1)} OFFSET {int(offset)}" if limit or offset else ""
        cursor = self.db.execute(
            f"""SELECT id, version, current, language, published_date, published_precision,
                       source, title, url, location, length(text) AS chars,
                       json_array_length(record, '$.sentences') AS sentences,
                       (SELECT story_id FROM article_stories s WHERE s.article_id = articles.id) AS story_id
                FROM articles {where}
                ORDER BY published_date IS NULL, published_date, ingested_at, id {page}"""
        )
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def count(self, *, current: bool = False) -> int:
        """How many article versions are stored (``current``: only the latest of each)."""
        where = " WHERE current = 1" if current else ""
        return int(self.db.execute("SELECT COUNT(*) FROM articles" + where).fetchone()[0])

    # --- runs -----------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> tuple[int, int]:
        """Record a new run; returns its id and how many earlier runs were interrupted."""
        interrupted = self.db.execute(
            "UPDATE runs SET status = 'interrupted' WHERE status = 'running'"
        ).rowcount
        cursor = self.db.execute(
            "INSERT INTO runs (started_at, status, inputs) VALUES (?, 'running', ?)",
            (_now(), json.dumps(list(inputs), ensure_ascii=False)),
        )
        return int(cursor.lastrowid or 0), interrupted

    def record_skip(self, run_id: int, origin: str, reason: str, detail: str) -> None:
        self.db.execute(
            "INSERT INTO skips (run_id, origin, reason, detail) VALUES (?, ?, ?, ?)",
            (run_id, origin, reason, detail),
        )

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        self.db.execute(
            "UPDATE runs SET status = 'done', finished_at = ?, summary = ? WHERE id = ?",
            (_now(), json.dumps(summary), run_id),
        )

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

