#!/usr/bin/env python3
"""An independent oracle for the feature service's `bbox`: which features of
a FeatureCollection (as a client receives them, lon/lat) share a point with
each box, by shapely.

  bbox.py FEATURES.geojson BOXES.json OUT.json

BOXES.json is a list of [west, south, east, north]; OUT.json gets, for each
box, the sorted ids (or "code" properties) of the features it crosses.
"""
import json
import sys

from shapely.geometry import box, shape
from shapely.strtree import STRtree

features = json.load(open(sys.argv[1]))["features"]
boxes = json.load(open(sys.argv[2]))
geometries = [shape(f["geometry"]) for f in features]
codes = [f.get("id", f["properties"].get("code")) for f in features]
tree = STRtree(geometries)
out = []
for west, south, east, north in boxes:
    area = box(west, south, east, north)
    hits = tree.query(area, predicate="intersects")
    out.append(sorted(codes[i] for i in hits))
json.dump(out, open(sys.argv[3], "w"))
