#!/usr/bin/env python3
"""An independent oracle for `landreg water`: generates a river network with
sections and outfalls and two years of monitoring, and computes from the
contract's wording (§10) and GB 3838-2002 / GB 18918-2002 what the report
must say, with shapely measuring along the river lines.

  water.py OUT_DIR [--seed S] [--outfalls N]

Writes OUT_DIR/{rivers,sections,outfalls,admin,enterprises}.geojson
(EPSG:4547, legacy "crs" member), monitoring.csv, limits.json
([[subject, parameter, value], ...]) and expected.json:
  {"PERIOD": {"sections": {code: [class, meets, {parameter: times_limit}]},
              "outfalls": {code: {parameter: [[month, times_limit], ...]}},
              "trace": {section: [[outfall, distance_m], ...]}}}

Edge cases: means exactly at a class limit; DO (higher is better); pH
outside 6-9; TN only in lakes, the lake TP column; tributaries joining
within 50 m and a line ending 80 m away (not joined); sub-tributaries; a
river in two parts (a MultiLineString); outfalls just outside the trace
distance; outfalls downstream of a section.
"""
import json
import math
import os
import random
import sys

from shapely.geometry import LineString, MultiLineString, Point, mapping

E0, N0 = 434_500.0, 3_960_000.0
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}
TRACE = 10_000.0
JOIN = 50.0

# GB 3838-2002 Table 1, classes I..V (transcribed from the standard).
GB3838 = {
    "do": [7.5, 6, 5, 3, 2], "codmn": [2, 4, 6, 10, 15], "cod": [15, 15, 20, 30, 40], "bod5": [3, 3, 4, 6, 10],
    "nh3n": [0.15, 0.5, 1.0, 1.5, 2.0], "tp_river": [0.02, 0.1, 0.2, 0.3, 0.4], "tp_lake": [0.01, 0.025, 0.05, 0.1, 0.2],
    "tn_lake": [0.2, 0.5, 1.0, 1.5, 2.0],
}
CLASSES = ["I", "II", "III", "IV", "V", "worse_than_V"]
GB18918_1A = {"cod": (None, 50), "bod5": (None, 10), "nh3n": (None, 5), "tn": (None, 15), "tp": (None, 0.5), "ph": (6, 9)}


def limits_for(parameter, lake):
    if parameter == "tp":
        return GB3838["tp_lake" if lake else "tp_river"]
    if parameter == "tn":
        return GB3838["tn_lake"] if lake else None
    return GB3838.get(parameter)


def class_of(parameter, value, lake):
    if parameter == "ph":
        return 0 if 6 <= value <= 9 else 5
    table = limits_for(parameter, lake)
    if table is None:
        return None
    for k, limit in enumerate(table):
        if (value >= limit * (1 - 1e-9)) if parameter == "do" else (value <= limit * (1 + 1e-9)):
            return k
    return 5


def times(parameter, value, limit):
    if parameter == "do":
        return limit / value - 1 if value < limit * (1 - 1e-9) else None
    return value / limit - 1 if value > limit * (1 + 1e-9) else None


def wiggly(rng, start, heading, length, step=400.0):
    points = [start]
    x, y = start
    for _ in range(int(length / step)):
        heading += rng.uniform(-0.35, 0.35)
        x += step * math.cos(heading)
        y += step * math.sin(heading)
        points.append((x, y))
    return points


def network(rng):
    """(code, name, [parts]) with parts as lists of points, downstream order."""
    rivers = []
    main = wiggly(rng, (E0, N0 + 30_000), -math.pi / 2, 60_000)
    split = len(main) // 2
    rivers.append(("RV-MAIN", "主河", [main[:split + 1], main[split:]]))  # two parts, continuing
    main_line = LineString(main)
    for k in range(6):
        at = main_line.interpolate(rng.uniform(5_000, 55_000))
        gap = rng.uniform(0, 30) if k != 5 else 80.0  # the last one ends 80 m away: not joined
        angle = rng.uniform(0, 2 * math.pi)
        end = (at.x + gap * math.cos(angle), at.y + gap * math.sin(angle))
        length = rng.uniform(6_000, 15_000)
        heading = rng.choice([0.0, math.pi]) + rng.uniform(-0.5, 0.5)
        upstream = wiggly(rng, end, heading, length)
        rivers.append((f"RV-T{k + 1}", f"支流{k + 1}", [list(reversed(upstream))]))
    # Sub-tributaries of the first two tributaries.
    for k, parent in enumerate(rivers[1:3]):
        line = LineString(parent[2][0])
        at = line.interpolate(line.length * rng.uniform(0.3, 0.7))
        upstream = wiggly(rng, (at.x, at.y), rng.uniform(0, 2 * math.pi), rng.uniform(4_000, 8_000))
        rivers.append((f"RV-S{k + 1}", f"小支流{k + 1}", [list(reversed(upstream))]))
    return rivers


def reaches_of(rivers):
    reaches = []
    for code, name, parts in rivers:
        for part in parts:
            reaches.append((code, name, LineString(part)))
    return reaches


def inflows_of(reaches):
    inflows = [[] for _ in reaches]
    for i, (_, _, line) in enumerate(reaches):
        end = Point(line.coords[-1])
        best = None
        for j, (_, _, other) in enumerate(reaches):
            if j == i:
                continue
            d = other.distance(end)
            if d <= JOIN and (best is None or d < best[2]):
                best = (j, other.project(end), d)
        if best:
            inflows[best[0]].append((i, best[1]))
    return inflows


def nearest_reach(reaches, point):
    best = min(range(len(reaches)), key=lambda i: reaches[i][2].distance(point))
    return best, reaches[best][2].project(point)


def upstream_distances(reaches, inflows, start, budget):
    """{reach: [(low, high, offset)]}: what lies upstream of `start` (reach, measure)."""
    stretches = {}
    pending = [(start[0], start[1], 0.0, {start[0]})]
    while pending:
        reach, high, offset, path = pending.pop()
        if offset > budget:
            continue
        stretches.setdefault(reach, []).append((max(0.0, high - (budget - offset)), high, offset))
        for other, at in inflows[reach]:
            if at <= high and other not in path:
                extra = offset + (high - at)
                if extra <= budget:
                    pending.append((other, reaches[other][2].length, extra, path | {other}))
    return stretches


def feature(properties, geometry):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def write_layer(out, name, features):
    with open(os.path.join(out, f"{name}.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "crs": CRS, "features": features}, f, ensure_ascii=False)


def section_values(rng, lake):
    """Monthly sample lists per parameter: a class chosen per month, some exactly at a limit."""
    params = ["cod", "codmn", "bod5", "nh3n", "tp", "do", "ph"] + (["tn"] if lake else [])
    series = {}
    for p in params:
        samples = []
        for month in range(24):
            n = rng.choice([1, 2, 3])
            if p == "ph":
                base = rng.choice([7.5, 7.8, 8.2, 9.3, 5.6]) if rng.random() < 0.1 else rng.uniform(6.5, 8.5)
            else:
                table = limits_for(p, lake)
                k = rng.choice([0, 1, 2, 2]) if rng.random() < 0.92 else rng.choice([3, 4, 5])
                if rng.random() < 0.15 and k < 5:
                    base = table[k]  # exactly at the limit
                elif p == "do":
                    hi = 9.0 if k == 0 else table[k - 1]
                    lo = table[k] if k < 5 else 0.5
                    base = rng.uniform(lo, hi) if k < 5 else rng.uniform(0.5, table[4] * 0.95)
                else:
                    lo = 0.0 if k == 0 else table[k - 1]
                    base = rng.uniform(lo, table[k]) if k < 5 else table[4] * rng.uniform(1.05, 2.5)
            if n == 1 or (base in (limits_for(p, lake) or [])):
                values = [round(base, 4)] * n
            else:
                spread = [rng.uniform(-0.05, 0.05) * base for _ in range(n - 1)]
                values = [round(base + s, 4) for s in spread] + [round(base * n - sum(round(base + s, 4) for s in spread), 4)]
            samples.append([max(v, 0.0) for v in values])
        series[p] = samples
    return series


def main():
    out = sys.argv[1]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 11
    count = int(sys.argv[sys.argv.index("--outfalls") + 1]) if "--outfalls" in sys.argv else 240
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    rivers = network(rng)
    reaches = reaches_of(rivers)
    inflows = inflows_of(reaches)
    write_layer(out, "rivers", [feature({"code": c, "name": n}, mapping(MultiLineString(parts) if len(parts) > 1 else LineString(parts[0])))
                                for c, n, parts in rivers])

    def near(reach, t, offset):
        line = reaches[reach][2]
        p = line.interpolate(t * line.length)
        q = line.interpolate(min(line.length, t * line.length + 1))
        dx, dy = q.x - p.x, q.y - p.y
        norm = math.hypot(dx, dy) or 1
        return Point(p.x - dy / norm * offset, p.y + dx / norm * offset)

    sections = []
    for k in range(20):
        reach = k % len(reaches)
        point = near(reach, rng.uniform(0.3, 0.95), rng.uniform(-20, 20))
        lake = k % 5 == 0
        target = rng.choice(["II", "III", "III", "IV"])
        sections.append((f"SEC-{k + 1:02d}", point, target, lake))
    write_layer(out, "sections", [feature({"code": c, "name": f"断面{c[-2:]}", "target_class": t, **({"water_body": "lake"} if lake else {})},
                                          mapping(p)) for c, p, t, lake in sections])
    outfalls = []
    types = ["industrial", "sewage_plant", "agricultural", "other"]
    for k in range(count):
        reach = rng.randrange(len(reaches))
        point = near(reach, rng.uniform(0.0, 1.0), rng.uniform(-90, 90))
        outfalls.append((f"OF-{k + 1:04d}", point, types[k % 4]))
    write_layer(out, "outfalls", [feature({"code": c, "type": t, "name": f"排口{c[-4:]}"}, mapping(p)) for c, p, t in outfalls])
    box = [[E0 - 40_000, N0 - 50_000], [E0 + 40_000, N0 - 50_000], [E0 + 40_000, N0 + 50_000], [E0 - 40_000, N0 + 50_000], [E0 - 40_000, N0 - 50_000]]
    write_layer(out, "admin", [feature({"code": "C", "kind": "county", "name": "县"}, {"type": "Polygon", "coordinates": [box]})])
    write_layer(out, "enterprises", [feature({"code": f"EN-{k}", "name": f"企业{k}"}, mapping(near(rng.randrange(len(reaches)), rng.random(), 300)))
                                     for k in range(30)])

    months = [f"{2022 + m // 12}-{m % 12 + 1:02d}" for m in range(24)]
    rows = []
    section_series = {}
    for code, _, _, lake in sections:
        series = section_values(rng, lake)
        section_series[code] = series
        for p, samples in series.items():
            for m, values in enumerate(samples):
                for d, v in enumerate(values):
                    rows.append([code, f"{months[m]}-{d * 9 + 3:02d}", p, repr(v)])
    outfall_series = {}
    for code, _, kind in outfalls:
        series = {}
        for p, typical in [("cod", 45), ("nh3n", 5), ("tp", 0.5), ("tn", 14), ("ph", 7.5), ("flow", 2000)]:
            samples = []
            for m in range(24):
                base = typical * rng.uniform(0.5, 1.6) if p != "ph" else rng.choice([7.2, 7.6, 8.1, 9.4, 5.8])
                if rng.random() < 0.05 and p != "ph":
                    base = typical  # exactly at the default limit
                samples.append([round(base, 3)])
            series[p] = samples
        outfall_series[code] = series
        for p, samples in series.items():
            for m, values in enumerate(samples):
                rows.append([code, months[m], p, repr(values[0])])
    with open(os.path.join(out, "monitoring.csv"), "w", encoding="utf-8") as f:
        f.write("site,date,parameter,value\n")
        for row in rows:
            f.write(",".join(row) + "\n")

    limits = [["industrial", "cod", "60"], ["industrial", "nh3n", "8"], ["agricultural", "cod", "400"]]
    own = {}
    for code, _, kind in outfalls[:40:3]:
        limits.append([code, "nh3n", "4"])
        own[code] = {"nh3n": (None, 4.0)}
    limits.append([outfalls[1][0], "ph", "6.5-8.5"])
    own.setdefault(outfalls[1][0], {})["ph"] = (6.5, 8.5)
    with open(os.path.join(out, "limits.json"), "w") as f:
        json.dump(limits, f)
    by_type = {"industrial": {"cod": (None, 60), "nh3n": (None, 8)}, "agricultural": {"cod": (None, 400)}}

    def outfall_limit(code, kind, p):
        if p in own.get(code, {}):
            return own[code][p]
        if p in by_type.get(kind, {}):
            return by_type[kind][p]
        return GB18918_1A.get(p) if kind == "sewage_plant" else None

    periods = {m: [i] for i, m in enumerate(months) if i % 5 == 0}
    periods["2023Q3"] = [18, 19, 20]
    periods["2022Q1"] = [0, 1, 2]
    expected = {}
    positions = {c: nearest_reach(reaches, p) for c, p, _ in outfalls}
    for label, idx in periods.items():
        result = {"sections": {}, "outfalls": {}, "trace": {}}
        for code, point, target, lake in sections:
            worst, over = None, {}
            for p, samples in section_series[code].items():
                mean = sum(sum(samples[i]) / len(samples[i]) for i in idx) / len(idx)
                k = class_of(p, mean, lake)
                if k is None:
                    continue
                worst = k if worst is None else max(worst, k)
                table = limits_for(p, lake)
                if table is not None:
                    t = times(p, mean, table[CLASSES.index(target)])
                    if t is not None:
                        over[p] = t
            meets = worst <= CLASSES.index(target)
            result["sections"][code] = [CLASSES[worst], meets, over]
            if not meets:
                start = nearest_reach(reaches, point)
                stretches = upstream_distances(reaches, inflows, start, TRACE)
                found = []
                for oc, (reach, measure) in positions.items():
                    best = None
                    for low, high, offset in stretches.get(reach, []):
                        if low - 1e-9 <= measure <= high + 1e-9:
                            d = offset + max(0.0, high - measure)
                            if d <= TRACE and (best is None or d < best):
                                best = d
                    if best is not None:
                        found.append([oc, round(best, 3)])
                result["trace"][code] = sorted(found, key=lambda x: (x[1], x[0]))
        # Outfalls are judged per sample (here one monthly figure a month), never on the period's mean.
        for code, _, kind in outfalls:
            over = {}
            for p, samples in outfall_series[code].items():
                if p == "flow":
                    continue
                limit = outfall_limit(code, kind, p)
                if limit is None:
                    continue
                low, high = limit
                for i in idx:
                    value = samples[i][0]
                    if high is not None and value > high * (1 + 1e-9):
                        over.setdefault(p, []).append([months[i], 0.0 if p == "ph" else value / high - 1])
                    elif low is not None and value < low * (1 - 1e-9):
                        over.setdefault(p, []).append([months[i], 0.0])
            if over:
                result["outfalls"][code] = over
        expected[label] = result
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main()
