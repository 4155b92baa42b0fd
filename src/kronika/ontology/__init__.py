"""kronika's event ontology: PLOVER types and modes, STATEMENT, modality, ACLED codes.

The vocabulary is data, in this folder: ``types.tsv`` lists every type and mode (with the
mode names of the PLOVER gold records), ``acled.tsv`` maps a type, mode and condition to
ACLED's event_type / sub_event_type. This module reads both once and answers questions.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kronika.model import AcledCode, Modality

MODALITIES: tuple[str, ...] = typing.get_args(Modality)
"""occurred, ongoing, planned, called_for, threatened, denied, hypothetical."""

ACLED_CONDITIONS = frozenset({"excessive_force", "intervention", "mob", "state_actor"})

TYPE_ALIASES = {"REQUEST": "DEMAND"}
"""Type names of other PLOVER versions: the 2021 manual renamed DEMAND to REQUEST; the gold
records and kronika keep DEMAND."""


@dataclass(frozen=True, slots=True)
class Mode:
    type: str
    name: str
    plover: tuple[str, ...]
    meaning: str


@dataclass(frozen=True, slots=True)
class _AcledRule:
    type: str
    mode: str
    condition: str
    code: AcledCode


def types() -> tuple[str, ...]:
    """Every event type, in the order of ``types.tsv``."""
    return tuple(_ontology()[0])


def modes(event_type: str) -> tuple[str, ...]:
    """The modes of ``event_type`` (empty for a type without modes or an unknown type)."""
    return tuple(_ontology()[0].get(event_type, {}))


def describe(event_type: str, mode: str | None = None) -> str:
    """What a type (or one of its modes) covers."""
    types_, descriptions = _ontology()
    if mode is None:
        return descriptions[event_type]
    return types_[event_type][mode].meaning


def type_named(name: str) -> str | None:
    """kronika's type for a PLOVER type name of any version, ``None`` if there is none."""
    name = TYPE_ALIASES.get(name.upper(), name.upper())
    return name if name in _ontology()[0] else None


def is_valid(event_type: str, mode: str | None = None) -> bool:
    types_, _ = _ontology()
    return event_type in types_ and (mode is None or mode in types_[event_type])


def from_plover_mode(event_type: str, plover_mode: str) -> str | None:
    """kronika's mode for a mode name used in the PLOVER gold records, if there is one."""
    for mode in _ontology()[0].get(event_type, {}).values():
        if plover_mode in mode.plover:
            return mode.name
    return None


def threat_mode(threatened_type: str, threatened_mode: str | None = None) -> str | None:
    """The THREATEN mode for a threat of an act of ``threatened_type``.

    A threatened curfew is still a ``restrict`` threat: the act's own mode only counts when
    THREATEN has a mode of that name.
    """
    threaten = _ontology()[0]["THREATEN"]
    if threatened_mode in threaten:
        return threatened_mode
    for mode in threaten.values():
        covered = mode.meaning.split(":", 1)[0]
        if covered.startswith("=") and threatened_type in covered[1:].split():
            return mode.name
    return None


COOPERATIVE = frozenset({"CONSULT", "AID", "CONCEDE", "RETREAT", "SUPPORT", "COOPERATE", "AGREE"})
CONFLICTUAL = frozenset({"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
INTENDED = frozenset({"planned", "hypothetical"})


def plover_type(event_type: str, modality: str) -> str:
    """The PLOVER type of a kronika event: PLOVER puts intent into the type, kronika into modality.

    PLOVER codes an announced or offered cooperative act ("will visit", "is ready to
    withdraw") as AGREE, an announced conflictual act ("said they would blockade") and every
    threat as THREATEN, and a call on someone to act as DEMAND. kronika keeps the act's own
    type with its modality; this turns one into the other (PLOVER exports, PLOVER scores).
    """
    if modality == "threatened":
        return "THREATEN"
    if modality == "called_for" and event_type != "PROTEST":
        return "DEMAND"
    if modality in INTENDED and event_type in COOPERATIVE:
        return "AGREE"
    if modality in INTENDED and event_type in CONFLICTUAL:
        return "THREATEN"
    if modality == "denied" and event_type in COOPERATIVE:
        return "REJECT"
    return event_type


def acled_code(
    event_type: str, mode: str | None = None, conditions: Iterable[str] = ()
) -> AcledCode | None:
    """The ACLED event_type / sub_event_type of an event, or ``None`` when ACLED has none.

    ``conditions`` are the flags from ``acled.tsv`` that hold for the event (for example
    ``intervention`` for a protest the police broke up).
    """
    held = frozenset(conditions)
    unknown = held - ACLED_CONDITIONS
    if unknown:
        raise ValueError(f"unknown ACLED condition(s): {', '.join(sorted(unknown))}")
    for rule in _acled_rules():
        if rule.type != event_type or (rule.mode != "*" and rule.mode != mode):
            continue
        if rule.condition == "-" or rule.condition in held:
            return rule.code
    return None


def acled_sub_event_types() -> frozenset[tuple[str, str]]:
    """Every (event_type, sub_event_type) pair the mapping can produce."""
    return frozenset((r.code.event_type, r.code.sub_event_type) for r in _acled_rules())


@cache
def _ontology() -> tuple[dict[str, dict[str, Mode]], dict[str, str]]:
    types_: dict[str, dict[str, Mode]] = {}
    descriptions: dict[str, str] = {}
    for row in _rows("types.tsv", 4):
        event_type, mode, plover, meaning = row
        if mode == "-":
            types_.setdefault(event_type, {})
            descriptions[event_type] = meaning
            continue
        if event_type not in types_:
            raise ValueError(f"types.tsv: mode {mode!r} before the row of type {event_type}")
        aliases = () if plover == "-" else tuple(plover.split())
        types_[event_type][mode] = Mode(event_type, mode, aliases, meaning)
    return types_, descriptions


@cache
def _acled_rules() -> tuple[_AcledRule, ...]:
    rules = []
    for event_type, mode, condition, acled_type, sub_type in _rows("acled.tsv", 5):
        if not is_valid(event_type, None if mode == "*" else mode):
            raise ValueError(f"acled.tsv: unknown type or mode {event_type} {mode}")
        if condition != "-" and condition not in ACLED_CONDITIONS:
            raise ValueError(f"acled.tsv: unknown condition {condition!r}")
        rules.append(_AcledRule(event_type, mode, condition, AcledCode(acled_type, sub_type)))
    return tuple(rules)


def _rows(name: str, width: int) -> list[list[str]]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise ValueError(f"{name}:{number}: expected {width} tab-separated columns")
        rows.append([cell.strip() for cell in cells])
    return rows
