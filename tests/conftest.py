from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kronika.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIKA_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS}); they live in ../shared/seeds")
    return SEEDS


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
