#!/usr/bin/env python3
"""Clients no one here wrote, against a running `landreg serve`:

  oapif_clients.py URL PROJECTED_EXPORT.geojson LONLAT_EXPORT.geojson

- GDAL 3.12 (inside PyPI's pyogrio wheel), opened with CRS=EPSG:4547 and
  CRS=EPSG:4490, gets every feature of every layer with every vertex within
  1 mm (1e-8 degree) of the registry's own (`landreg export --projected`,
  and the lon/lat export);
- OWSLib's Features client reads every collection with bbox, limit and
  datetime: the bbox pages hold only features whose geometry crosses the
  box (shapely), the limit is kept, datetime answers;
- the ogctests Part 1 Core suite passes;
- schemathesis, generating requests from `/api`, finds no 5xx and no
  answer that breaks the document (status, content type, headers, schema).

Prints one line per failure and exits 1 if there is any.
"""
import json
import sys

import pyogrio
import shapely
from owslib.ogcapi.features import Features
from shapely.geometry import box, shape

url, projected_file, lonlat_file = sys.argv[1:4]
failures = []


def by_layer(path):
    layers = {}
    for feature in json.load(open(path))["features"]:
        layers.setdefault(feature["properties"]["layer"], {})[feature["properties"]["code"]] = feature
    return layers


def vertices(geometry):
    return shapely.get_coordinates(geometry)


projected, lonlat = by_layer(projected_file), by_layer(lonlat_file)
layers = [name for name, _ in pyogrio.list_layers("OAPIF:" + url)]
if sorted(layers) != sorted(lonlat):
    failures.append(f"GDAL lists {sorted(layers)}, the registry has {sorted(lonlat)}")
for crs, registry, tolerance in (("EPSG:4547", projected, 0.001), ("EPSG:4490", lonlat, 1e-8)):
    for layer in layers:
        frame = pyogrio.read_dataframe("OAPIF:" + url, layer=layer, CRS=crs)
        if len(frame) != len(registry.get(layer, {})):
            failures.append(f"GDAL {crs} {layer}: {len(frame)} features, the registry has {len(registry.get(layer, {}))}")
            continue
        for code, geometry in zip(frame["code"], frame.geometry):
            expected = vertices(shape(registry[layer][code]["geometry"]))
            got = vertices(geometry)
            if len(got) != len(expected) or (len(got) and abs(got - expected).max() > tolerance):
                failures.append(f"GDAL {crs} {layer} {code}: vertices differ from the registry's by more than {tolerance}")
                break

client = Features(url)
collections = client.feature_collections()
if sorted(collections) != sorted(lonlat):
    failures.append(f"OWSLib lists {sorted(collections)}, the registry has {sorted(lonlat)}")
for layer in collections:
    features = list(lonlat.get(layer, {}).values())
    if not features:
        continue
    bounds = shapely.total_bounds([shape(f["geometry"]) for f in features])
    west, south = bounds[0], bounds[1]
    east, north = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    area = box(west, south, east, north)
    expected = sorted(f["properties"]["code"] for f in features if shape(f["geometry"]).intersects(area))
    page = client.collection_items(layer, bbox=[west, south, east, north], limit=10000)
    got = sorted(f["properties"]["code"] for f in page["features"])
    if got != expected:
        failures.append(f"OWSLib {layer} bbox: {got} instead of {expected}")
    page = client.collection_items(layer, limit=2)
    if len(page["features"]) > 2 or page.get("numberMatched") != len(features):
        failures.append(f"OWSLib {layer} limit=2: {len(page['features'])} features, numberMatched {page.get('numberMatched')}")
    page = client.collection_items(layer, datetime_="2999-01-01", limit=10000)
    if len(page["features"]) != len(features):
        failures.append(f"OWSLib {layer} datetime: {len(page['features'])} features of {len(features)}")

# The ogctests suite of OGC API – Features Part 1 Core, run as its own pytest session.
import os
import pytest
import ogctests
os.environ["INSTANCE_URL"] = url
core = os.path.join(os.path.dirname(ogctests.__file__), "features", "core")
if pytest.main([core, "-q", "-p", "no:cacheprovider", "--tb=line", "-p", "no:warnings", "--rootdir", os.path.dirname(ogctests.__file__)]) != 0:
    failures.append("ogctests features/core: failures above")

# schemathesis: requests generated from the OpenAPI document; every answer held to it.
import subprocess, tempfile
checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"
result = subprocess.run([sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
                         "run", url + "/api", "--checks", checks, "--max-examples", "8", "--seed", "22", "--phases", "coverage,fuzzing"],
                        capture_output=True, text=True, cwd=tempfile.mkdtemp(prefix="landreg-schemathesis-"))
if result.returncode != 0:
    print(result.stdout[-6000:])
    failures.append("schemathesis: failures above")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
