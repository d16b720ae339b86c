#!/usr/bin/env python3
"""Random bboxes over a running feature service, each answer held to
shapely: the features whose geometry (as the service serves it, lon/lat)
shares a point with the box, no more and no fewer, and `numberMatched`
their number.

  oapif_boxes.py BASE_URL LAYER BOXES [SEED]

Half the boxes are asked in CRS84 (longitude first), half in EPSG:4490
(latitude first, `bbox-crs`). The boxes are of every kind a client sends:
random boxes of any size over the layer, boxes whose edges run exactly
through a vertex or along a feature's own bounds, boxes a hair inside or
outside a feature's bounds, tiny boxes inside one feature, boxes larger than
the layer. Exits 1 and prints each wrong answer.
"""
import http.client
import json
import random
import sys
import urllib.parse

from shapely.geometry import box, shape
from shapely.strtree import STRtree

base, layer, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 22
url = urllib.parse.urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)


def get(path):
    connection.request("GET", path, headers={"Accept": "application/geo+json"})
    answer = connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        raise SystemExit(f"{path}: {answer.status} {body[:300]!r}")
    return json.loads(body)


# The layer as a client receives it, page by page.
features, path = [], f"/collections/{layer}/items?limit=10000"
while path:
    page = get(path)
    features += page["features"]
    path = next((urllib.parse.urlsplit(l["href"])._replace(scheme="", netloc="").geturl()
                 for l in page["links"] if l["rel"] == "next"), None)
geometries = [shape(f["geometry"]) for f in features]
ids = [f["id"] for f in features]
tree = STRtree(geometries)
xs = [c for g in geometries for c in (g.bounds[0], g.bounds[2])]
ys = [c for g in geometries for c in (g.bounds[1], g.bounds[3])]
west, east, south, north = min(xs), max(xs), min(ys), max(ys)

random.seed(seed)


def vertex(g):
    ring = g.exterior.coords if g.geom_type == "Polygon" else g.geoms[0].exterior.coords if g.geom_type == "MultiPolygon" else g.coords
    return random.choice(list(ring))


def boxes():
    width, height = east - west, north - south
    while True:
        kind = random.choice([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5] * 4 + [6])
        g = random.choice(geometries)
        minx, miny, maxx, maxy = g.bounds
        if kind == 0:  # any size anywhere over the layer (and a little beyond), mostly small
            w, h = width * random.random() ** 4, height * random.random() ** 4
            x, y = west - w / 2 + random.random() * width, south - h / 2 + random.random() * height
            yield x, y, x + w, y + h
        elif kind == 1:  # an edge exactly through a vertex
            vx, vy = vertex(g)
            d = random.random() * 0.002
            yield random.choice([(vx, vy - d, vx + d, vy + d), (vx - d, vy - d, vx, vy + d),
                                 (vx - d, vy, vx + d, vy + d), (vx - d, vy - d, vx + d, vy)])
        elif kind == 2:  # the feature's own bounds
            yield minx, miny, maxx, maxy
        elif kind == 3:  # a hair inside or outside its bounds
            e = random.choice([1e-7, -1e-7, 3e-7, -3e-7])
            yield minx - e, miny - e, maxx + e, maxy + e
        elif kind == 4:  # tiny, inside the feature (no vertex in it)
            p = g.representative_point()
            e = 1e-6
            yield p.x - e, p.y - e, p.x + e, p.y + e
        elif kind == 5:  # beside the bounds, sharing only an edge's line
            d = random.random() * 0.001
            yield random.choice([(maxx, miny, maxx + d, maxy), (minx - d, miny, minx, maxy),
                                 (minx, maxy, maxx, maxy + d), (minx, miny - d, maxx, miny)])
        else:  # larger than the layer
            yield west - 1, south - 1, east + 1, north + 1


wrong = 0
for n, (w, s, e, nn) in zip(range(count), boxes()):
    expected = sorted(ids[i] for i in tree.query(box(w, s, e, nn), predicate="intersects"))
    if n % 2 == 0:
        query = f"bbox={w!r},{s!r},{e!r},{nn!r}"
    else:
        query = f"bbox={s!r},{w!r},{nn!r},{e!r}&bbox-crs=" + urllib.parse.quote("http://www.opengis.net/def/crs/EPSG/0/4490", safe="")
    page = get(f"/collections/{layer}/items?limit=10000&{query}")
    got = sorted(f["id"] for f in page["features"])
    # A box holding more than a page: the page is the first 10,000 of them.
    right = got == expected if len(expected) <= 10000 else len(got) == 10000 and set(got) <= set(expected)
    if not right or page["numberMatched"] != len(expected):
        wrong += 1
        missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
        print(f"box {n} ({query}): numberMatched {page['numberMatched']}, shapely {len(expected)}; "
              f"missing {missing[:5]}, extra {extra[:5]}")
print(f"{count} boxes over {len(features)} features of {layer}: {wrong} wrong")
sys.exit(1 if wrong else 0)
