"""Country names and codes from an ISO 3166-1 alpha-2 code (kronika's), via pycountry."""

from __future__ import annotations

from functools import cache
from typing import Any

ACLED_NAMES = {
    "BN": "Brunei", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "SZ": "eSwatini", "TR": "Turkey", "VN": "Vietnam",
    "XK": "Kosovo",
}
"""ACLED's country names where they differ from pycountry's common name (Kosovo has no
ISO code; XK is the one in common use)."""


def acled_name(alpha_2: str | None) -> str | None:
    """ACLED's name of a country: its own spelling, else pycountry's common name."""
    if not alpha_2:
        return None
    if alpha_2.upper() in ACLED_NAMES:
        return ACLED_NAMES[alpha_2.upper()]
    country = _country(alpha_2.upper())
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def numeric(alpha_2: str | None) -> int | None:
    """The ISO 3166-1 numeric code (ACLED's ``iso`` column)."""
    country = _country(alpha_2.upper()) if alpha_2 else None
    return int(country.numeric) if country is not None else None


def alpha_3(alpha_2: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code (PLOVER's actor ``code`` for a country)."""
    country = _country(alpha_2.upper()) if alpha_2 else None
    return str(country.alpha_3) if country is not None else None


@cache
def _country(alpha_2: str) -> Any:
    import pycountry  # loaded on first use: ~100 ms to read its database

    return pycountry.countries.get(alpha_2=alpha_2)
