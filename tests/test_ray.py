"""kronika run --executor ray: the per-document stages on Ray Data actors and the event
linking as groupby(partition).map_groups, on a local Ray with 2 workers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.executors import ray as ray_executor
from kronika.link.events import MentionRecord, link_partition, partition_key
from kronika.link.update import _record
from kronika.store import Store
from tests.conftest import EXAMPLES, ROOT, cli

pytestmark = pytest.mark.skipif(
    not ray_executor.available(), reason='the ray extra is not installed (pip install "kronika[ray]")'
)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    import ray

    ray_executor.start(None, 2)
    yield
    ray.shutdown()


def _stored(db: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    rows = [json.loads(line) for line in cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()]
    articles = [json.loads(cli("show", str(row["id"]), "--db", db).stdout) for row in rows]
    events = [json.loads(line) for line in cli("events", "--all", "--db", db, "--format", "jsonl").stdout.splitlines()]
    return articles, events


def test_a_ray_run_stores_what_a_local_run_stores(tmp_path: Path) -> None:
    local, on_ray = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    first = cli("run", str(EXAMPLES), "--db", local, "--jobs", "1")
    second = cli("run", str(EXAMPLES), "--db", on_ray, "--executor", "ray", "--jobs", "2")
    assert first.exit_code == second.exit_code == 0, second.output
    assert first.stdout == second.stdout
    articles, events = _stored(on_ray)
    assert (articles, events) == _stored(local)
    assert len(events) > 20


def test_ray_keeps_input_order_and_skips(tmp_path: Path) -> None:
    from kronika.ingest.document import Skipped
    from kronika.pipeline import Processed, process

    for n in range(5):
        (tmp_path / f"{n:02d}.txt").write_text(f"Workers at plant {n} struck on Monday over pay.", encoding="utf-8")
    (tmp_path / "02b.txt").write_bytes(b"")
    results = list(process([str(tmp_path)], language="en", jobs=2, executor="ray"))
    assert [Path(r.origin).name for r in results] == sorted(p.name for p in tmp_path.iterdir())
    assert isinstance(results[3], Skipped) and results[3].reason == "empty"
    assert all(isinstance(r, Processed) for k, r in enumerate(results) if k != 3)


def _records(db: str) -> list[MentionRecord]:
    with Store(db) as store:
        return [_record(row) for row in store.links.mentions()]


def test_linking_partitioned_on_ray_equals_one_linker(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    for folder in (EXAMPLES, ROOT / "examples" / "strike"):
        assert cli("run", str(folder), "--db", db, "--no-link").exit_code == 0
    assert cli("link", "--db", db).exit_code == 0
    records = _records(db)
    assert len({partition_key(r) for r in records}) > 3
    # An earlier run's mentions restored in their events, the rest linked anew.
    restored_ids = {r.article_id for r in records[: len(records) // 3]}
    whole = link_partition([], records)
    restored = [(r, whole.event_of[r.id]) for r in records if r.article_id in restored_ids]
    batch = [r for r in records if r.article_id not in restored_ids]
    expected = link_partition(restored, batch)
    merged = ray_executor.link_partitions(restored, batch)
    assert merged.event_of == expected.event_of
    assert set(merged.events) == set(expected.events)
    assert {k: e.members for k, e in merged.events.items()} == {k: e.members for k, e in expected.events.items()}
