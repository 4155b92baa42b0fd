"""A Ray cluster: ``kronika run --executor ray [--address ADDR]`` (``pip install "kronika[ray]"``).

For users whose input outgrows one machine. The main process reads the inputs and keeps
the store, as with :mod:`kronika.executors.local`; the documents go to a Ray Data pipeline
in windows of :data:`WINDOW`, and :class:`_Analyser` actors build and analyse them with
``map_batches`` (each actor loads the models once, on its first document, and keeps them
for every batch of the window). Results come back in input order (Ray Data's
``preserve_order``), so the store holds what a local run stores, in the same order. Without
an address a local Ray starts with ``jobs`` CPUs; with one (``ray://HOST:10001`` or
``auto``) the run joins that cluster, whose workers need kronika installed.

Linking runs as ``groupby(partition).map_groups`` (:func:`link_partitions`): the mention
records are grouped by :func:`kronika.link.events.partition_key` (the event type, an exact
block), each group is linked by its own :class:`~kronika.link.events.EventLinker`, and the
small edge list (mention → event) and events that come back are merged here. Entity
resolution, stories and the canonical records stay in the main process: they are a few
per cent of the linking time.

Why Ray Data: it is the scale-out engine DESIGN.md names, it ships as wheels that install
offline here (ray 2.60), and ``map_batches`` with an actor pool is the documented way to
keep a model loaded per worker. It costs a few seconds to start, so the local executor
stays the default.
"""

from __future__ import annotations

import itertools
import logging
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from kronika.errors import KronikaError
from kronika.executors import collector
from kronika.ingest.document import RawDocument, Skipped
from kronika.link.events import (
    EventLinker,
    MentionRecord,
    link_partition,
    merge_linkers,
    partition_key,
)
from kronika.model import Published

WINDOW = 2_000
"""Documents per Ray Data pipeline: the main process holds at most one window of raw
documents and results (memory stays bounded on millions of inputs); each window starts a
new actor pool, so its model loads are spread over this many documents."""
BATCH = 16
"""Documents per ``map_batches`` call."""


def available() -> bool:
    """Is the ``ray`` extra installed?"""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def start(address: str | None, jobs: int) -> None:
    """Join the cluster at ``address``, or start a local Ray with ``jobs`` CPUs."""
    if not available():
        raise KronikaError('the Ray executor needs the ray extra: pip install "kronika[ray]"')
    import ray

    if ray.is_initialized():
        return
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=jobs, **options)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # kronika prints its own summary


class _Analyser:
    """A Ray Data actor: builds and analyses batches of pickled documents."""

    def __init__(self, language: str | None, published: Published | None) -> None:
        self.language, self.published = language, published
        self.settled = False

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from kronika.pipeline import process_document

        results = []
        for blob in batch["item"]:
            item = pickle.loads(blob)
            if isinstance(item, RawDocument):
                item = process_document(item, language=self.language, published=self.published)
            results.append(pickle.dumps(item))
        if not self.settled:  # the actor's process lives for the run
            collector.settle()
            self.settled = True
        return {"index": batch["index"], "result": np.array(results, dtype=object)}


def process_ray(
    items: Iterable[RawDocument | Skipped], jobs: int, *, address: str | None = None,
    language: str | None = None, published: Published | None = None,
) -> Iterator[object]:
    """Each item processed (:func:`kronika.pipeline.process_document`) by ``jobs`` Ray actors
    (per window), yielded in input order; skips pass through in their place."""
    import ray.data

    start(address, jobs)
    iterator = iter(items)
    while window := list(itertools.islice(iterator, WINDOW)):
        rows = [{"index": k, "item": pickle.dumps(item)} for k, item in enumerate(window)]
        del window
        dataset = ray.data.from_items(rows).map_batches(
            _Analyser, fn_constructor_kwargs={"language": language, "published": published},
            batch_size=BATCH, concurrency=jobs, batch_format="numpy",
        )
        for row in dataset.iter_rows():
            yield pickle.loads(row["result"])


def _link_group(group: dict[str, Any]) -> dict[str, Any]:
    """``map_groups``: link one partition; returns its edges and its events, pickled."""
    import numpy as np

    restored = [pickle.loads(blob) for blob, new in zip(group["item"], group["new"], strict=True) if not new]
    batch = [pickle.loads(blob) for blob, new in zip(group["item"], group["new"], strict=True) if new]
    linker = link_partition(restored, batch)
    return {"linker": np.array([pickle.dumps((linker.events, linker.event_of))], dtype=object)}


def link_partitions(restored: list[tuple[MentionRecord, str]], batch: list[MentionRecord]) -> EventLinker:
    """:data:`kronika.link.update.LinkPartitions` on Ray: one ``map_groups`` task per
    partition, merged here (call :func:`start` first)."""
    import ray.data

    rows = [{"partition": partition_key(record), "new": False, "item": pickle.dumps((record, event_id))}
            for record, event_id in restored]
    rows += [{"partition": partition_key(record), "new": True, "item": pickle.dumps(record)} for record in batch]
    if not rows:
        return EventLinker()
    partitions = len({row["partition"] for row in rows})
    grouped = ray.data.from_items(rows).groupby("partition", num_partitions=partitions)
    parts = []
    for row in grouped.map_groups(_link_group, batch_format="numpy").iter_rows():
        events, event_of = pickle.loads(row["linker"])
        part = EventLinker()
        part.events, part.event_of = events, event_of
        parts.append(part)
    return merge_linkers(parts)
