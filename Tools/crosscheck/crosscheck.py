#!/usr/bin/env python3
"""An independent oracle for `landreg check`: generates a county full of
edge cases, and computes with shapely what every rule of the contract must
find, straight from the contract's wording.

  crosscheck.py OUT_DIR [--seed S] [--proposals N]

Writes OUT_DIR/<layer>.geojson (EPSG:4547, with a legacy "crs" member),
OUT_DIR/proposals.geojson and OUT_DIR/expected.json:
  {"P-0001": [["soil.listed", "RP-003", overlap_m2, distance_m], ...], ...}

Edge cases: shared edges, sub-1 m² slivers and 1-2 m² overlaps, holes,
MultiPolygons, points (inside, on an edge, outside), distances a few metres
either side of 500, 1000 and 20,000 m, two- and six-digit land-use codes.
"""
import json
import math
import os
import random
import sys

from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape

E0, N0 = 434_500.0, 3_960_000.0
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}
STAGES = ["suspected", "investigating", "clean", "contaminated", "listed", "remediating", "delisted"]
ON_LIST = {"listed", "remediating"}
UNRESOLVED = {"suspected", "investigating", "contaminated"}
USES = ["07", "0701", "070101", "070302", "08", "0804", "080403", "0806", "09", "0901", "0902",
        "10", "1001", "100102", "1002", "11", "1101", "110103", "01", "0101", "0103", "13", "1301", "1202"]
ACTIONS = ["supply", "use_change", "planning_permit", "reclamation", "new_project"]


def rect(x0, y0, x1, y1):
    return Polygon([(E0 + x0, N0 + y0), (E0 + x1, N0 + y0), (E0 + x1, N0 + y1), (E0 + x0, N0 + y1)])


def circle(cx, cy, r, n=32):
    return Polygon([(E0 + cx + r * math.cos(2 * math.pi * k / n), N0 + cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)])


def write(path, features):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "crs": CRS,
                   "features": [{"type": "Feature", "properties": p, "geometry": mapping(g)} for p, g in features]},
                  f, ensure_ascii=False)


def generate(rnd, n_proposals):
    L = {}
    plots = []
    for i in range(60):
        x, y = rnd.uniform(0, 9000), rnd.uniform(0, 9000)
        w, h = rnd.uniform(40, 300), rnd.uniform(40, 300)
        g = rect(x, y, x + w, y + h)
        kind = rnd.random()
        if kind < 0.15:  # a hole
            g = Polygon(g.exterior.coords, [list(rect(x + w * 0.3, y + h * 0.3, x + w * 0.6, y + h * 0.6).exterior.coords)[::-1]])
        elif kind < 0.3:  # two parts
            g = MultiPolygon([g, rect(x + w + 50, y, x + w + 120, y + 60)])
        plots.append(({"code": "RP-%03d" % i, "stage": rnd.choice(STAGES), "toxic_history": rnd.random() < 0.4}, g))
    L["risk-plots"] = plots
    L["basic-farmland"] = [({"code": "BF-%02d" % i, "concentrated": rnd.random() < 0.5},
                            rect(x, y, x + rnd.uniform(200, 800), y + rnd.uniform(200, 800)))
                           for i, (x, y) in enumerate((rnd.uniform(0, 9000), rnd.uniform(0, 9000)) for _ in range(20))]
    L["farmland"] = [({"code": "FL-%03d" % i, "class": rnd.choice(["priority", "safe_use", "strict"])},
                      rect(x, y, x + rnd.uniform(50, 250), y + rnd.uniform(50, 250)))
                     for i, (x, y) in enumerate((rnd.uniform(0, 9000), rnd.uniform(0, 9000)) for _ in range(100))]
    zones = []
    for i in range(5):
        cx, cy = rnd.uniform(500, 8500), rnd.uniform(500, 8500)
        for level, r in (("first", 80), ("second", 400), ("quasi", 1200)):
            zones.append(({"code": "WZ-%d-%s" % (i, level), "level": level, "source": "S%d" % i}, circle(cx, cy, r)))
    L["water-zones"] = zones
    L["admin"] = [({"code": "CS", "kind": "county_seat", "name": "seat"}, rect(-30000, 4000, -28000, 5000)),
                  ({"code": "T1", "kind": "town", "name": "town"}, rect(0, 0, 9000, 9000))]

    proposals = []

    def add(props, g):
        props = dict(props)
        props["id"] = "P-%04d" % (len(proposals) + 1)
        proposals.append((props, g))

    def flags():
        p = {"use": rnd.choice(USES), "action": rnd.choice(ACTIONS)}
        for name, prob in (("air_polluting", 0.25), ("discharges", 0.3), ("food_crops", 0.2)):
            if rnd.random() < prob:
                p[name] = True
        if rnd.random() < 0.1:
            p["soil_polluting"] = rnd.random() < 0.5
        return p

    for _ in range(n_proposals):
        kind = rnd.random()
        props = flags()
        _, target = rnd.choice(plots)
        tx0, ty0, tx1, ty1 = [v - o for v, o in zip(target.bounds, (E0, N0, E0, N0))]
        if kind < 0.15:  # shares the target's east edge
            g = rect(tx1, ty0, tx1 + rnd.uniform(20, 100), ty1)
        elif kind < 0.25:  # a sliver or a small overlap across the east edge
            depth = rnd.choice([0.005, 0.02, 0.06, 0.2])
            g = rect(tx1 - depth, ty0, tx1 + 50, ty0 + 25)
        elif kind < 0.4:  # east of the target by a distance near a threshold
            d = rnd.choice([498.0, 502.0, 998.0, 1002.0, 250.0, 700.0])
            g = rect(tx1 + d, ty0, tx1 + d + 60, ty0 + 60)
        elif kind < 0.5:  # a point: inside, on an edge, or just outside
            where = rnd.random()
            px = tx0 + (tx1 - tx0) / 2 if where < 0.4 else (tx1 if where < 0.7 else tx1 + 3)
            g = Point(E0 + px, N0 + ty0 + (ty1 - ty0) / 2)
            if rnd.random() < 0.5:
                props = {"action": "new_outfall", "discharges": True}
        elif kind < 0.55:  # near the county seat's 20 km
            d = rnd.choice([19_995.0, 20_005.0])
            g = rect(-28000 + d, 4000, -28000 + d + 100, 4100)
            props["air_polluting"] = True
        elif kind < 0.62:  # a MultiPolygon proposal
            x, y = rnd.uniform(0, 9000), rnd.uniform(0, 9000)
            g = MultiPolygon([rect(x, y, x + 80, y + 80), rect(x + 300, y, x + 380, y + 80)])
        else:  # anywhere
            x, y = rnd.uniform(0, 9000), rnd.uniform(0, 9000)
            g = rect(x, y, x + rnd.uniform(30, 400), y + rnd.uniform(30, 400))
        add(props, g)
    return L, proposals


def expected(L, proposals, overlap_min=1.0, seq=500.0, conc=1000.0, seat=20000.0):
    out = {}
    for props, g in proposals:
        use = props.get("use")
        action = props.get("action", "use_change")
        sensitive = use is not None and (use.startswith("07") or use.startswith("08"))
        soil_polluting = props.get("soil_polluting",
                                   use is not None and (use.startswith("1001") or use.startswith("1002") or use.startswith("110103")))
        areal = g.geom_type in ("Polygon", "MultiPolygon")
        findings = []

        def rel(f):
            inter = g.intersects(f)
            area = g.intersection(f).area if inter and areal else 0.0
            overlaps = (area > overlap_min) if areal else inter
            dist = 0.0 if inter else g.distance(f)
            return overlaps, area, dist

        def emit(rule, code, area, dist):
            findings.append([rule, code, round(area, 2), round(dist, 2)])

        for p, f in L["risk-plots"]:
            ov, area, dist = rel(f)
            if ov and p["stage"] in ON_LIST:
                emit("soil.listed", p["code"], area, 0.0)
            if sensitive and ov and p["stage"] in UNRESOLVED:
                emit("soil.investigation-required", p["code"], area, 0.0)
            if sensitive and not ov and p["stage"] in ON_LIST and dist <= seq:
                emit("soil.sequencing", p["code"], 0.0, dist)
            if (action == "reclamation" or (use or "").startswith("01")) and ov and p["toxic_history"]:
                emit("soil.toxic-reclamation", p["code"], area, 0.0)
        for p, f in L["basic-farmland"]:
            ov, area, dist = rel(f)
            if use is not None and not use.startswith("01") and ov:
                emit("farmland.basic", p["code"], area, 0.0)
            if soil_polluting and p["concentrated"]:
                if ov:
                    emit("farmland.polluting-project", p["code"], area, 0.0)
                elif dist <= conc:
                    emit("farmland.polluting-project", p["code"], 0.0, dist)
        for p, f in L["farmland"]:
            ov, area, _ = rel(f)
            if props.get("food_crops") and p["class"] == "strict" and ov:
                emit("farmland.strict-food", p["code"], area, 0.0)
        for p, f in L["admin"]:
            _, _, dist = rel(f)
            if props.get("air_polluting") and p["kind"] == "county_seat" and dist <= seat:
                emit("air.county-seat-20km", p["code"], 0.0, dist)
        for p, f in L["water-zones"]:
            ov, area, _ = rel(f)
            if action == "new_outfall" and p["level"] in ("first", "second") and ov:
                emit("water.outfall-in-zone", p["code"], area, 0.0)
            if action == "new_project" and not (use or "").startswith("1301") and p["level"] == "first" and ov:
                emit("water.first-zone", p["code"], area, 0.0)
            if props.get("discharges") and p["level"] == "second" and ov:
                emit("water.second-zone-discharge", p["code"], area, 0.0)
            if props.get("discharges") and p["level"] == "quasi" and ov:
                emit("water.quasi-zone-discharge", p["code"], area, 0.0)
        out[props["id"]] = sorted(findings)
    return out


def main():
    args = sys.argv[1:]
    seed, n = 11, 600
    if "--seed" in args:
        k = args.index("--seed"); seed = int(args[k + 1]); del args[k:k + 2]
    if "--proposals" in args:
        k = args.index("--proposals"); n = int(args[k + 1]); del args[k:k + 2]
    out = args[0]
    os.makedirs(out, exist_ok=True)
    L, proposals = generate(random.Random(seed), n)
    for name, feats in L.items():
        write(os.path.join(out, name + ".geojson"), feats)
    write(os.path.join(out, "proposals.geojson"), proposals)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected(L, proposals), f, indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
