"""``python -m kronika.train TASK``: train a model and record its data and scores."""

from __future__ import annotations

import argparse
from pathlib import Path

from kronika.train import ner


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kronika.train")
    tasks = parser.add_subparsers(dest="task", required=True)
    ner_parser = tasks.add_parser("ner", help="named-entity CRF for one language")
    ner_parser.add_argument("--lang", required=True, choices=sorted(ner.CORPORA))
    ner_parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ner_parser.add_argument("--out", type=Path, default=None, help="folder for the model")
    ner_parser.add_argument("--iterations", type=int, default=ner.ITERATIONS)
    ner_parser.add_argument("--c1", type=float, default=ner.C1)
    ner_parser.add_argument("--c2", type=float, default=ner.C2)
    ner_parser.add_argument("--wikiann", action="store_true", help="add WikiANN train data")
    ner_parser.add_argument(
        "--no-val", dest="with_val", action="store_false",
        help="train on the train split only (to tune settings on val)",
    )
    ner_parser.add_argument("--eval-split", default="test", help="split scored after training")
    args = parser.parse_args()
    record = ner.train(
        args.lang, args.data, out=args.out, iterations=args.iterations, c1=args.c1, c2=args.c2,
        wikiann=args.wikiann, with_val=args.with_val, eval_split=args.eval_split,
    )
    scores = record["scores"]
    print(" ".join(f"{name}={value:.4f}" for name, value in scores.items()))


if __name__ == "__main__":
    main()
