"""Worker processes on this machine: ``kronika run --jobs N``.

The main process reads the inputs (files, feeds, WARC records: bytes to text) and keeps
the store; ``N`` worker processes build and analyse the documents (cleaning, language,
every analysis and extraction stage). Each worker loads the models and word lists once,
on its first document, and keeps them. Results come back **in input order**, whatever
order the workers finish in, so a run with ``--jobs 4`` stores exactly what ``--jobs 1``
stores, in the same order. At most :data:`IN_FLIGHT_PER_JOB` documents per worker are
out at once, so memory stays bounded on inputs of millions of documents.

A worker that dies (killed, out of memory) breaks its pool: a new pool starts, the
document the run was waiting for runs again alone (a skip, "the worker process died while
analysing it", if it kills that pool too), then the others that were out are sent again.
The run goes on; nothing else is lost. A bug in a stage is a skip naming the stage.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing import get_all_start_methods, get_context

from kronika.executors import collector
from kronika.ingest.document import RawDocument, Skipped
from kronika.model import Published

IN_FLIGHT_PER_JOB = 8
"""Documents handed to each worker ahead of the one being stored."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def process_parallel(
    items: Iterable[RawDocument | Skipped], jobs: int, *, language: str | None = None,
    published: Published | None = None,
) -> Iterator[object]:
    """Each item processed (:func:`kronika.pipeline.process_document`) by ``jobs`` worker
    processes, yielded in input order; skips pass through in their place."""
    from kronika.pipeline import process_document

    work = partial(process_document, language=language, published=published)
    items = iter(items)
    for item in items:
        # The first document is analysed here, before the workers fork: they inherit its
        # language's models and word lists loaded (shared memory pages, no load per worker).
        yield item if isinstance(item, Skipped) else work(item)
        if not isinstance(item, Skipped):
            break
    before = collector.settle()  # the workers inherit it
    workers = _Workers(work, jobs)
    pending: deque[tuple[RawDocument | Skipped, Future[object] | None]] = deque()
    try:
        for item in items:
            pending.append((item, None if isinstance(item, Skipped) else workers.submit(item)))
            while len(pending) > jobs * IN_FLIGHT_PER_JOB:
                yield workers.result(pending)
        while pending:
            yield workers.result(pending)
    finally:
        workers.close()
        collector.restore(before)


class _Workers:
    """A process pool that is replaced when a worker dies."""

    def __init__(self, work: Callable[[RawDocument], object], jobs: int) -> None:
        self.work, self.jobs = work, jobs
        # fork: a worker starts with what this process has imported, without re-importing.
        self.context = get_context("fork") if "fork" in get_all_start_methods() else None
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=self.context)

    def submit(self, document: RawDocument) -> Future[object]:
        return self.pool.submit(self.work, document)

    def result(self, pending: deque[tuple[RawDocument | Skipped, Future[object] | None]]) -> object:
        """The oldest item's result."""
        item, future = pending.popleft()
        if future is None:
            return item
        assert isinstance(item, RawDocument)
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # A worker died. The document waited for may have killed it or been a bystander:
        # it runs again alone on a new pool, and is skipped only if that pool dies too.
        # Then the documents that were out on the dead pool are sent again.
        self._restart()
        try:
            result = self.submit(item).result()
        except BrokenProcessPool:
            self._restart()
            result = Skipped(item.origin, "internal error", "the worker process died while analysing it")
        for k, (other, other_future) in enumerate(pending):
            if other_future is not None and isinstance(other, RawDocument):
                pending[k] = (other, self.submit(other))
        return result

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.context)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
