"""``python -m kronika.train TASK``: train a model and record its data and scores."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kronika.train import ner


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kronika.train")
    tasks = parser.add_subparsers(dest="task", required=True)
    ner_parser = tasks.add_parser("ner", help="named-entity CRF for one language")
    ner_parser.add_argument("--lang", required=True, choices=sorted(ner.RECIPES))
    ner_parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ner_parser.add_argument(
        "--out", type=Path, default=None,
        help="folder for the model (default: the package, or the user model folder for a "
             "language whose data may not ship)",
    )
    ner_parser.add_argument("--iterations", type=int, default=ner.ITERATIONS)
    ner_parser.add_argument("--c1", type=float, default=None, help="default: the recipe's")
    ner_parser.add_argument("--c2", type=float, default=None, help="default: the recipe's")
    ner_parser.add_argument(
        "--second-domain", action="store_true",
        help="also learn from the recipe's second-domain corpus (WikiANN train for en, nl), its "
             "features marked as that domain's (measured, not shipped: see the model's notes)",
    )
    ner_parser.add_argument(
        "--no-val", dest="with_val", action="store_false",
        help="train on the train split only (to tune settings on val)",
    )
    ner_parser.add_argument(
        "--one-pass", dest="two_pass", action="store_false", help="no second (document) pass"
    )
    ner_parser.add_argument("--eval-split", default="test", help="split scored after training")
    slovnet_parser = tasks.add_parser(
        "slovnet", help="score slovnet's Russian NER (inside the natasha wheel) against the CRF"
    )
    slovnet_parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    slovnet_parser.add_argument("--natasha-data", type=Path, default=None,
                                help="natasha's data folder (default: the installed package's)")
    slovnet_parser.add_argument("--record", metavar="DECISION", default=None,
                                help="write the comparison and this decision into ner-ru.json")
    args = parser.parse_args()
    if args.task == "slovnet":
        from kronika.train import compare_ru

        comparison = compare_ru.compare(args.data, args.natasha_data)
        print(json.dumps(comparison, indent=2))
        if args.record:
            compare_ru.record(comparison, args.record, ner.default_out("ru"))
        return
    record = ner.train(
        args.lang, args.data, out=args.out, iterations=args.iterations, c1=args.c1, c2=args.c2,
        second_domain=args.second_domain, with_val=args.with_val, eval_split=args.eval_split,
        two_pass=args.two_pass,
    )
    for test_set, scores in record["test_sets"].items():
        print(test_set, " ".join(f"{name}={value:.4f}" for name, value in scores.items()))


if __name__ == "__main__":
    main()
