"""kronika's own JSON Lines: one canonical event per line, complete.

Each line is :func:`kronika.model.to_dict` of a :class:`~kronika.model.CanonicalEvent`:
every reconciled field with its rule, every claim with its article, outlet, language, span
and attribution. ``from_dict(CanonicalEvent, json.loads(line))`` gives the event back, so
this is the format to archive, diff or load into another kronika.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from kronika.model import CanonicalEvent, to_dict


def write_jsonl(events: Iterable[CanonicalEvent], out: BinaryIO) -> int:
    """Write one JSON object per event and line (UTF-8); returns how many."""
    written = 0
    for event in events:
        line = json.dumps(to_dict(event), ensure_ascii=False, allow_nan=False)
        out.write(line.encode("utf-8") + b"\n")
        written += 1
    return written
