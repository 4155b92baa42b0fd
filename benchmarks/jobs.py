"""Articles per second of the per-document pipeline with 1..N worker processes.

    python benchmarks/jobs.py [--articles 300] [--jobs 1 2] [--input DIR] [--executor ray]

Input: a folder of articles (``--input``), or the link and specific dev sets' texts (our
own, nl and en) repeated with a number to make each one new, written as text files. Each
run reads, builds and analyses everything (:func:`kronika.pipeline.process`), without a
store, each job count in a fresh Python process, so no run inherits another's loaded
models. Prints, per job count, the start-up (until the first article is done: imports and
model loading), articles/s after it, articles/s overall, and the ratio of the
after-start-up rates to the first job count's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from kronika.pipeline import Processed, process


def write_articles(folder: Path, n: int) -> None:
    texts = []
    for name in ("link-dev.jsonl", "specific-dev.jsonl"):
        path = resources.files("kronika.eval").joinpath(name)
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    for k in range(n):
        (folder / f"{k:05d}.txt").write_text(f"{texts[k % len(texts)]}\n\n({k})\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--input", type=Path)
    parser.add_argument("--executor", choices=["local", "ray"], default="local",
                        help="ray: a local Ray with that many CPUs (its start-up counts as start-up)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single measurement
    args = parser.parse_args()
    if args.one:
        start = time.perf_counter()
        first, done = None, 0
        for result in process([str(args.input)], jobs=args.one, executor=args.executor):
            done += isinstance(result, Processed)
            first = first or time.perf_counter()
        end = time.perf_counter()
        print(json.dumps({"articles": done, "seconds": end - start, "startup": (first or end) - start}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.input or Path(tmp)
        if args.input is None:
            write_articles(folder, args.articles)
        rates = {}
        for jobs in args.jobs:
            command = [sys.executable, __file__, "--one", str(jobs), "--input", str(folder), "--executor", args.executor]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            result = json.loads(out.strip().splitlines()[-1])
            steady = result["seconds"] - result["startup"]
            rates[jobs] = (result["articles"] - 1) / steady if steady > 0 else 0.0
            print(f"{args.executor} --jobs {jobs}: {result['articles']} articles, start-up {result['startup']:.2f} s, "
                  f"then {rates[jobs]:.1f} articles/s ({rates[jobs] / rates[args.jobs[0]]:.2f}x); "
                  f"overall {result['articles'] / result['seconds']:.1f} articles/s")


if __name__ == "__main__":
    main()
