"""The quality gate: every evaluation suite scores at least its pinned baseline.

Runs the shipped models and rules on the labelled data in ../shared/data (skipped where it
is absent, as in a user's fresh clone).
"""

from __future__ import annotations

import pytest

from kronika.eval import baselines
from tests.conftest import SHARED, cli

DATA = SHARED / "data"


def test_every_suite_is_pinned() -> None:
    pinned = baselines.load_baselines()
    for name, suite in baselines.SUITES.items():
        assert pinned.get(name), f"{name} has no baseline in baselines.json"
        assert set(suite.floors) <= set(pinned[name])


@pytest.mark.parametrize("name", sorted(baselines.SUITES))
def test_scores_hold_their_baseline(name: str) -> None:
    suite = baselines.SUITES[name]
    folder = DATA / suite.folder
    if suite.folder and not folder.is_dir():
        pytest.skip(f"no labelled data at {folder}")
    assert baselines.data_changes(suite, DATA, baselines.load_digests()) == []
    scores = suite.run(folder)
    assert baselines.regressions(suite, scores, baselines.load_baselines()[name]) == []


def test_every_suite_pins_the_digest_of_its_data() -> None:
    digests = baselines.load_digests()
    for name, suite in baselines.SUITES.items():
        assert suite.data or suite.shipped, f"{name} names no data"
        if not suite.data or all((DATA / path).exists() for path in suite.data):
            assert digests.get(name) == baselines.digest(suite, DATA), name


def test_a_changed_data_file_is_reported_not_scored(tmp_path) -> None:
    suite = baselines.Suite("toy", "toy", lambda path: {}, {}, ("toy",))
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "gold.txt").write_text("one\n", encoding="utf-8")
    pinned = {"toy": baselines.digest(suite, tmp_path) or ""}
    assert baselines.data_changes(suite, tmp_path, pinned) == []
    (tmp_path / "toy" / "gold.txt").write_text("one\ntwo\n", encoding="utf-8")
    assert "its data changed" in baselines.data_changes(suite, tmp_path, pinned)[0]
    changed = baselines.digest(suite, tmp_path)
    (tmp_path / "toy" / "more.txt").write_text("", encoding="utf-8")  # a new file counts too
    assert baselines.digest(suite, tmp_path) != changed
    assert baselines.data_changes(suite, tmp_path / "nowhere", pinned) == []  # no data: no check


def test_regressions_are_reported() -> None:
    suite = baselines.SUITES["times"]
    problems = baselines.regressions(
        suite, {"value_accuracy": 0.5, "value_accuracy_all": 0.8}, {"value_accuracy": 0.9}
    )
    assert problems == [
        "times: value_accuracy 0.5000 < baseline 0.9000",
        "times: value_accuracy 0.5 below the floor 0.85",
    ]


def test_pinned_scores_leave_out_speeds() -> None:
    assert baselines.pinned({"f1": 0.91234, "tokens_per_s": 50000.0}) == {"f1": 0.9123}


def test_eval_command_refuses_a_missing_folder(tmp_path) -> None:
    result = cli("eval", "times", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code != 0
    assert "no data folder" in result.output


def test_eval_command_prints_scores_against_baselines() -> None:
    if not (DATA / "time").is_dir():
        pytest.skip(f"no labelled data at {DATA}")
    result = cli("eval", "times", "--data", str(DATA), "--check")
    assert result.exit_code == 0, result.output
    assert "value_accuracy" in result.output and "(baseline" in result.output
