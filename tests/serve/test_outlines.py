"""The packaged country outlines of the web map: complete, in range, and regenerable."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from kronika.serve.outlines import build_outlines

WHEEL_VARIABLE = "KRONIKA_GEOPANDAS_WHEEL"
"""Path of the geopandas 0.14.4 wheel the outlines are generated from (not in the repo)."""


def _packaged_text() -> str:
    return (
        resources.files("kronika.serve")
        .joinpath("static/countries.geojson")
        .read_text(encoding="utf-8")
    )


@cache
def _collection() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_packaged_text())
    return loaded


def _by_iso2() -> dict[str, dict[str, Any]]:
    return {
        f["properties"]["iso_a2"]: f
        for f in _collection()["features"]
        if f["properties"]["iso_a2"] is not None
    }


def _polygons(feature: dict[str, Any]) -> list[list[list[list[float]]]]:
    """A feature's polygons (each: exterior ring, then holes), Polygon or MultiPolygon."""
    shape = feature["geometry"]
    if shape is None:
        return []
    return [shape["coordinates"]] if shape["type"] == "Polygon" else shape["coordinates"]


def _points(feature: dict[str, Any]) -> Iterator[list[float]]:
    for polygon in _polygons(feature):
        for ring in polygon:
            yield from ring


def _in_ring(ring: list[list[float]], x: float, y: float) -> bool:
    """Ray casting: whether (x, y) lies inside a closed ring."""
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _covers(feature: dict[str, Any], lon: float, lat: float) -> bool:
    return any(
        _in_ring(polygon[0], lon, lat) and not any(_in_ring(h, lon, lat) for h in polygon[1:])
        for polygon in _polygons(feature)
    )


def test_collection_is_cited_and_complete() -> None:
    collection = _collection()
    assert collection["type"] == "FeatureCollection"
    assert "Natural Earth" in collection["source"]
    assert "public domain" in collection["source"]
    features = collection["features"]
    assert len(features) >= 170
    names = [f["properties"]["name"] for f in features]
    assert names == sorted(names)
    for feature in features:
        assert set(feature["properties"]) == {"iso_a3", "iso_a2", "name"}


def test_coordinates_are_lon_lat() -> None:
    for feature in _collection()["features"]:
        for lon, lat in _points(feature):
            assert -180 <= lon <= 180 and -90 <= lat <= 90, feature["properties"]["name"]


def test_rings_are_closed_and_rounded() -> None:
    for feature in _collection()["features"]:
        for polygon in _polygons(feature):
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], feature["properties"]["name"]
                assert all(a != b for a, b in itertools.pairwise(ring))
                assert all(round(v, 2) == v for point in ring for v in point)


@pytest.mark.parametrize(
    ("iso_a2", "iso_a3"), [("BY", "BLR"), ("NL", "NLD"), ("FR", "FRA"), ("GE", "GEO")]
)
def test_countries_have_outlines(iso_a2: str, iso_a3: str) -> None:
    feature = _by_iso2()[iso_a2]
    assert feature["properties"]["iso_a3"] == iso_a3
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert sum(1 for _ in _points(feature)) >= 4


@pytest.mark.parametrize(
    ("city", "lon", "lat", "iso_a2"),
    [("Minsk", 27.56, 53.90, "BY"), ("Amsterdam", 4.90, 52.37, "NL")],
)
def test_city_lies_in_its_country(city: str, lon: float, lat: float, iso_a2: str) -> None:
    features = _by_iso2()
    assert _covers(features[iso_a2], lon, lat), city
    others = [code for code, f in features.items() if code != iso_a2 and _covers(f, lon, lat)]
    assert others == [], city


def test_regenerating_from_the_wheel_gives_the_packaged_file() -> None:
    wheel = os.environ.get(WHEEL_VARIABLE)
    if not wheel or not Path(wheel).is_file():
        pytest.skip(f"set {WHEEL_VARIABLE} to the geopandas 0.14.4 wheel to regenerate")
    assert build_outlines(Path(wheel)) == _packaged_text()
