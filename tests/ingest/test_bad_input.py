"""Bad input is skipped with a reason, the rest of the run goes on, nothing stored is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.ingest.decode import MAX_DOCUMENT_BYTES, decode
from kronika.store import Store
from tests.conftest import cli

GOOD = "De havenarbeiders in Rotterdam legden maandag het werk neer uit protest tegen de lonen."
RUSSIAN = "Рабочие Минского тракторного завода вышли на забастовку и потребовали отставки президента."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n \t ")
    (folder / "russian.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "notes.xyz").write_bytes(b"\x00\x01unknown kind of file")  # binary: refused
    (folder / "broken.jsonl").write_text(json.dumps({"text": GOOD.replace("maandag", "dinsdag")}) + "\n{oops\n")
    big = folder / "huge.txt"
    with big.open("wb") as handle:  # sparse: 200 MB without writing 200 MB
        handle.truncate(200 * 1024 * 1024)
    return folder


def test_each_bad_input_is_skipped_with_its_reason(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    result = cli("run", str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    summary = result.stdout.strip()
    assert summary.startswith("10 articles: 3 stored, 7 skipped:")
    for reason in ("2 binary", "2 empty", "1 too large", "1 unsupported type", "1 bad JSON"):
        assert reason in summary
    with Store(db) as store:
        texts = {row["id"]: store.get_article(row["id"]) for row in store.articles()}
        skips = store.db.execute("SELECT origin, reason FROM skips").fetchall()
    assert RUSSIAN in {a.text for a in texts.values() if a}
    assert {a.language for a in texts.values() if a} == {"nl", "ru"}
    assert any(origin.endswith("huge.txt") and reason == "too large" for origin, reason in skips)


def test_messages_name_the_file_and_the_reason(corpus: Path, tmp_path: Path) -> None:
    result = cli("run", str(corpus / "huge.txt"), str(corpus / "good.txt"), "--db", str(tmp_path / "k.db"))
    assert "huge.txt: too large: 200.0 MiB is over the 20 MiB limit" in result.stderr


def test_cp1251_russian_is_decoded() -> None:
    assert decode(RUSSIAN.encode("cp1251")) == RUSSIAN
    assert decode("Забастовка продолжается.".encode("koi8-r"), declared="koi8-r") == "Забастовка продолжается."
    assert decode("Staking in de haven, café".encode("cp1252")) == "Staking in de haven, café"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"\n \n", "empty"), (b"%PDF-1.7\n...", "binary"), (b"ab\x00\x00cd" * 50, "binary")],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data)
    assert caught.value.reason == reason


def test_limit_is_checked_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="over the 20 MiB limit"):
        decode(b"x" * (MAX_DOCUMENT_BYTES + 1))


def test_exit_code_is_1_when_nothing_was_processed(corpus: Path, tmp_path: Path) -> None:
    result = cli("run", str(corpus / "empty.txt"), str(corpus / "notes.xyz"), "--db", str(tmp_path / "k.db"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "2 articles: 0 stored, 2 skipped: 1 empty, 1 unsupported type"


def test_strict_makes_any_skip_an_error_but_keeps_what_was_stored(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    result = cli("run", str(corpus / "good.txt"), str(corpus / "empty.txt"), "--db", str(db), "--strict")
    assert result.exit_code == 1
    with Store(db) as store:
        assert store.count() == 1
    assert cli("run", str(corpus / "good.txt"), "--db", str(db), "--strict").exit_code == 0


def test_oversized_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "x" * (MAX_DOCUMENT_BYTES + 10)}) + "\n")
        handle.write(json.dumps({"text": GOOD}) + "\n")
    result = cli("run", str(path), "--db", str(tmp_path / "k.db"))
    assert result.stdout.splitlines()[0] == "2 articles: 1 stored, 1 skipped: 1 too large"


def test_truncated_warc_gz_is_skipped(tmp_path: Path) -> None:
    from tests.ingest.test_readers import write_warc

    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, compress=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:300])  # inside the first record's gzip member
    result = cli("run", str(cut), str(whole), "--db", str(tmp_path / "k.db"))
    assert result.exit_code == 0
    assert result.stdout.startswith("3 articles: 1 stored, 2 skipped:")
    assert "1 bad WARC" in result.stdout and "cut.warc.gz: bad WARC" in result.stderr


def test_an_unexpected_failure_in_a_stage_skips_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kronika import pipeline
    from kronika.model import Article

    def fragile(article: Article) -> Article:
        if "dinsdag" in article.text:
            raise RuntimeError("stage bug")
        return article

    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES, fragile))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text(GOOD.replace("maandag", "dinsdag"))
    result = cli("run", str(folder), "--db", str(tmp_path / "k.db"))
    assert result.stdout.splitlines()[0] == "2 articles: 1 stored, 1 skipped: 1 internal error"
    assert "RuntimeError: stage bug" in result.stderr


def test_missing_input_is_reported(tmp_path: Path) -> None:
    result = cli("run", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "k.db"))
    assert result.exit_code == 1 and "not found" in result.stderr


def test_a_bad_run_loses_nothing_already_stored(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    cli("run", str(corpus / "good.txt"), "--db", str(db))
    cli("run", str(corpus / "binary.txt"), str(corpus / "huge.txt"), "--db", str(db))
    with Store(db) as store:
        assert store.count() == 1 and store.integrity_ok()
