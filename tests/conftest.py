from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kronika.cli import main
from kronika.model import Article, Published
from kronika.pipeline import Processed, process

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIKA_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"
STRIKE_EXAMPLE = ROOT / "examples" / "strike"
CROSSLANG_EXAMPLE = ROOT / "examples" / "crosslang"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS}); they live in ../shared/seeds")
    return SEEDS


SEEDS_PUBLISHED = Published("2020-08-17", "day")
"""Seeds 000 and 004 were published on Monday 17 August 2020; their files say only the
month (000) or nothing (004), so the tests give it, as a user would with --published."""


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The five seed articles through every per-document stage, by number ("000" …)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS})")
    articles = {}
    for path in sorted(SEEDS.iterdir()):
        published = SEEDS_PUBLISHED if path.name[:3] in ("000", "004") else None
        (item,) = process([str(path)], published=published)
        assert isinstance(item, Processed)
        articles[path.name[:3]] = item.article
    return articles


def cli(*args: str, input: str | bytes | None = None) -> Result:
    """Run the kronika command line in-process."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def kronika_process(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    """Start kronika as a real process (``python -m kronika``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kronika", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,  # type: ignore[arg-type]
    )
