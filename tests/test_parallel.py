"""kronika run --jobs N: worker processes, results in input order, nothing lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kronika import pipeline
from kronika.ingest.document import Skipped
from kronika.model import Article
from kronika.pipeline import Processed, process
from tests.conftest import EXAMPLES, cli


def _articles(db: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()]
    return [json.loads(cli("show", str(row["id"]), "--db", db).stdout) for row in rows]


def test_two_jobs_store_what_one_job_stores(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    first = cli("run", str(EXAMPLES), "--db", one, "--jobs", "1")
    second = cli("run", str(EXAMPLES), "--db", two, "--jobs", "2")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    assert _articles(one) == _articles(two)


def test_results_come_in_input_order_with_skips_in_place(tmp_path: Path) -> None:
    for n in range(12):
        (tmp_path / f"{n:02d}.txt").write_text(f"Workers at plant {n} struck on Monday over pay.", encoding="utf-8")
    (tmp_path / "05b.txt").write_bytes(b"")  # empty: a skip between two articles
    results = list(process([str(tmp_path)], language="en", jobs=2))
    names = [Path(r.origin).name for r in results]
    assert names == sorted(names)
    assert isinstance(results[6], Skipped) and results[6].reason == "empty"
    assert all(isinstance(r, Processed) for k, r in enumerate(results) if k != 6)


def _dies_on_poison(article: Article) -> Article:
    if "POISON" in article.text:
        os._exit(13)  # a worker killed mid-article, as by the OOM killer
    if "BUG" in article.text:
        raise RuntimeError("a bug in one article")
    return article


def test_a_dead_worker_or_a_bug_loses_only_its_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Workers are forked: they run the stages as patched here.
    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES[:1], _dies_on_poison, *pipeline.STAGES[1:]))
    texts = ["Strikers marched in Leeds on Monday.", "POISON", "BUG", "Police detained ten strikers on Tuesday."]
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    results = list(process([str(tmp_path)], language="en", jobs=2))
    assert len(results) == 4
    assert isinstance(results[0], Processed) and isinstance(results[3], Processed)
    assert isinstance(results[1], Skipped) and "worker process died" in results[1].detail
    assert isinstance(results[2], Skipped) and results[2].detail.startswith("_dies_on_poison: RuntimeError")


def test_a_bystander_of_a_dead_worker_is_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES[:1], _dies_on_poison, *pipeline.STAGES[1:]))
    texts = ["Strikers marched in Leeds on Monday. " * 200, "POISON", "Police detained ten strikers on Tuesday."]
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    results = list(process([str(tmp_path)], language="en", jobs=2))
    assert [type(r).__name__ for r in results] == ["Processed", "Skipped", "Processed"]


def test_an_address_needs_the_ray_executor(tmp_path: Path) -> None:
    result = cli("run", str(EXAMPLES), "--db", str(tmp_path / "k.db"), "--address", "auto")
    assert result.exit_code != 0 and "--address needs --executor ray" in result.output
    assert not (tmp_path / "k.db").exists()


def test_the_ray_executor_without_its_extra_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kronika.executors import ray as ray_executor

    monkeypatch.setattr(ray_executor, "available", lambda: False)
    result = cli("run", str(EXAMPLES), "--db", str(tmp_path / "k.db"), "--executor", "ray")
    assert result.exit_code != 0 and 'pip install "kronika[ray]"' in result.output
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_settles_the_collector_and_gives_it_back(tmp_path: Path, jobs: int) -> None:
    """The collector is tuned for the batch (executors/collector.py) and left as found."""
    import gc

    from kronika.executors import collector

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Dockers in port {n} struck on Monday.", encoding="utf-8")
    before = gc.get_threshold()
    results = process([str(tmp_path)], language="en", jobs=jobs)
    next(results)
    next(results)  # the first article is done: the run is settled
    assert gc.get_threshold() == collector.THRESHOLDS
    assert gc.get_freeze_count() > 0
    assert len(list(results)) == 1
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
