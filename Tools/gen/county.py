#!/usr/bin/env python3
"""Generates a synthetic county for benchmarks and cross-checks.

  county.py farmland N OUT.geojson [--seed S]
      N farmland parcels (quadrilaterals of 30-120 m, slightly irregular, on a
      jittered grid around Lingchuan) in lon/lat, about 335 bytes each.
  county.py proposals N OUT.geojson [--seed S]
      N proposals of mixed uses and flags over the same area.
  county.py plan N OUT.geojson LAYERS_DIR EXTENT [--seed S] [--vertices V]
      a realistic land-supply plan: N proposals that meet the rules several
      times each (housing and schools next to old industrial sites, food
      crops over farmland, air-polluting projects inside the county seat's
      20 km ring, discharging projects by water sources), placed from the
      layers in LAYERS_DIR.
  county.py farmland N OUT.geojson --vertices V
      parcels drawn with V vertices each (surveyed-looking boundaries).
  county.py layers OUT_DIR EXTENT --clustered
      risk plots in clusters (old industrial districts), not scattered.
  county.py layers OUT_DIR [--seed S]
      the other layers of a county over the same area (risk plots, basic
      farmland, water zones, the county seat) for check benchmarks.
  county.py overlay OUT_DIR [--seed S]
      what the query benchmark adds: enterprises (some permits revoked),
      outfalls, sections, and the county with 16 towns.

Deterministic for a given seed. Written as a stream: memory stays flat.
"""
import math
import random
import sys

LON0, LAT0 = 113.0, 35.55          # south-west corner of the generated area
M_LAT = 110950.0
M_LON = 111320.0 * math.cos(math.radians(35.77))
CELL = 130.0                        # grid cell of one parcel, metres


def ll(x, y):
    return "[%.7f,%.7f]" % (LON0 + x / M_LON, LAT0 + y / M_LAT)


def quad(x, y, w, h, rnd):
    """A convex quadrilateral inside the w x h box at (x, y), counter-clockwise."""
    j = lambda: rnd.uniform(0, 0.15)
    pts = [(x + w * j(), y + h * j()), (x + w * (1 - j()), y + h * j()),
           (x + w * (1 - j()), y + h * (1 - j())), (x + w * j(), y + h * (1 - j()))]
    return "[[" + ",".join(ll(*p) for p in pts + [pts[0]]) + "]]"


def outline(x, y, w, h, rnd, vertices):
    """A star-shaped polygon of `vertices` points inside the w x h box at (x, y),
    counter-clockwise: a surveyed-looking boundary (valid: angles increase)."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    pts = []
    for k in range(vertices):
        a = 2 * math.pi * (k + rnd.uniform(-0.3, 0.3)) / vertices
        r = rnd.uniform(0.82, 1.0)
        # A rounded rectangle: |cos|^0.3 pushes the points toward the box's sides.
        c, s = math.cos(a), math.sin(a)
        pts.append((cx + rx * r * math.copysign(abs(c) ** 0.3, c), cy + ry * r * math.copysign(abs(s) ** 0.3, s)))
    return "[[" + ",".join(ll(*p) for p in pts + [pts[0]]) + "]]"


def shape(x, y, w, h, rnd, vertices):
    return quad(x, y, w, h, rnd) if vertices <= 4 else outline(x, y, w, h, rnd, vertices)


def farmland(n, out, seed, vertices=4):
    rnd = random.Random(seed)
    side = int(math.ceil(math.sqrt(n)))
    classes = ["priority"] * 7 + ["safe_use"] * 2 + ["strict"]
    towns = ["崇文镇", "礼义镇", "附城镇", "西河底镇", "平城镇", "杨村镇"]
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i in range(n):
            gx, gy = i % side, i // side
            w, h = rnd.uniform(30, 120), rnd.uniform(30, 120)
            geom = shape(gx * CELL, gy * CELL, w, h, rnd, vertices)
            f.write('%s{"type":"Feature","properties":{"code":"FL-%07d","class":"%s","town":"%s","crop":"玉米"},'
                    '"geometry":{"type":"Polygon","coordinates":%s}}\n'
                    % ("," if i else "", i + 1, rnd.choice(classes), towns[(gx * 6) // side], geom))
        f.write("]}\n")


USES = ["070101", "0701", "080403", "080404", "0901", "0902", "1001", "100102", "110103", "0103", "1301", "1202"]
ACTIONS = ["supply", "use_change", "planning_permit", "new_project", "reclamation"]


def proposals(n, out, seed, extent):
    rnd = random.Random(seed + 1)
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i in range(n):
            x, y = rnd.uniform(0, extent), rnd.uniform(0, extent)
            use = rnd.choice(USES)
            props = '"id":"Q-%06d","use":"%s","action":"%s"' % (i + 1, use, rnd.choice(ACTIONS))
            if rnd.random() < 0.2:
                props += ',"air_polluting":true'
            if rnd.random() < 0.2:
                props += ',"discharges":true'
            if rnd.random() < 0.1:
                props += ',"food_crops":true'
            if rnd.random() < 0.05:
                props += ',"soil_polluting":%s' % ("true" if rnd.random() < 0.5 else "false")
            if rnd.random() < 0.05:
                geom = '{"type":"Point","coordinates":%s}' % ll(x, y)
                props = '"id":"Q-%06d","action":"new_outfall","discharges":true' % (i + 1)
            else:
                geom = '{"type":"Polygon","coordinates":%s}' % quad(x, y, rnd.uniform(50, 400), rnd.uniform(50, 400), rnd)
            f.write('%s{"type":"Feature","properties":{%s},"geometry":%s}\n' % ("," if i else "", props, geom))
        f.write("]}\n")


def layers(outdir, seed, extent, clustered=False):
    import os
    rnd = random.Random(seed + 2)
    centres = [(rnd.uniform(0, extent), rnd.uniform(0, extent)) for _ in range(100)]

    def plot_position():
        if not clustered:
            return rnd.uniform(0, extent), rnd.uniform(0, extent)
        cx, cy = rnd.choice(centres)
        return min(max(cx + rnd.gauss(0, 350), 0), extent), min(max(cy + rnd.gauss(0, 350), 0), extent)
    os.makedirs(outdir, exist_ok=True)
    stages = ["suspected", "investigating", "clean", "contaminated", "listed", "remediating", "delisted"]

    def fc(name, feats):
        with open(os.path.join(outdir, name + ".geojson"), "w", encoding="utf-8") as f:
            f.write('{"type":"FeatureCollection","features":[\n' + ",\n".join(feats) + "\n]}\n")

    fc("risk-plots", ['{"type":"Feature","properties":{"code":"RP-%05d","stage":"%s","toxic_history":%s},'
                      '"geometry":{"type":"Polygon","coordinates":%s}}'
                      % (i, rnd.choice(stages), "true" if rnd.random() < 0.4 else "false",
                         quad(*plot_position(), rnd.uniform(80, 400), rnd.uniform(80, 400), rnd))
                      for i in range(2000)])
    # Basic farmland and water sources as dense in a large county as in one of
    # 100,000 parcels (extent 41,210 m): a plan then meets the rules about as
    # often per proposal (~5 findings) whatever the county's size.
    scale = max(1.0, (extent / 41210.0) ** 2)
    fc("basic-farmland", ['{"type":"Feature","properties":{"code":"BF-%05d","concentrated":%s},'
                          '"geometry":{"type":"Polygon","coordinates":%s}}'
                          % (i, "true" if rnd.random() < 0.3 else "false",
                             quad(rnd.uniform(0, extent), rnd.uniform(0, extent), rnd.uniform(300, 1500), rnd.uniform(300, 1500), rnd))
                          for i in range(round(1000 * scale))])
    zones = []
    for i in range(round(30 * scale)):
        x, y = rnd.uniform(0, extent), rnd.uniform(0, extent)
        for level, r in (("first", 100), ("second", 600), ("quasi", 2000)):
            ring = ",".join(ll(x + r * math.cos(2 * math.pi * k / 32), y + r * math.sin(2 * math.pi * k / 32)) for k in range(32))
            first = ll(x + r, y)
            zones.append('{"type":"Feature","properties":{"code":"WZ-%02d-%s","level":"%s","source":"水源%d"},'
                         '"geometry":{"type":"Polygon","coordinates":[[%s,%s]]}}' % (i, level, level, i, ring, first))
    fc("water-zones", zones)
    c = extent / 2
    fc("admin", ['{"type":"Feature","properties":{"code":"CS","kind":"county_seat","name":"县城"},'
                 '"geometry":{"type":"Polygon","coordinates":[[%s,%s,%s,%s,%s]]}}'
                 % (ll(c, c), ll(c + 3000, c), ll(c + 3000, c + 2400), ll(c, c + 2400), ll(c, c))])
    # The other layers of a county (rivers with their sections and outfalls,
    # enterprises), so that an import of the nine layers can be timed.
    rivers, sections, outfalls = [], [], []
    for i in range(20):
        x, y = rnd.uniform(0, extent), rnd.uniform(0, extent * 0.2)
        points = []
        for k in range(60):
            points.append((x, y))
            x, y = x + rnd.uniform(-400, 400), y + rnd.uniform(300, 1500)
        rivers.append('{"type":"Feature","properties":{"code":"RV-%02d","name":"河%d"},'
                      '"geometry":{"type":"LineString","coordinates":[%s]}}' % (i, i, ",".join(ll(px, py) for px, py in points)))
        for k in range(5, 60, 15):
            sections.append('{"type":"Feature","properties":{"code":"SEC-%02d-%02d","name":"断面%d-%d","river":"河%d","target_class":"III"},'
                            '"geometry":{"type":"Point","coordinates":%s}}' % (i, k, i, k, i, ll(*points[k])))
        for k in range(0, 60, 4):
            px, py = points[k]
            outfalls.append('{"type":"Feature","properties":{"code":"OF-%02d-%02d","type":"%s","river":"河%d"},'
                            '"geometry":{"type":"Point","coordinates":%s}}'
                            % (i, k, rnd.choice(["industrial", "sewage_plant", "agricultural", "other"]), i, ll(px + rnd.uniform(-30, 30), py)))
    fc("rivers", rivers)
    fc("sections", sections)
    fc("outfalls", outfalls)
    fc("enterprises", ['{"type":"Feature","properties":{"code":"EN-%04d","name":"企业%d","permit_status":"%s"},'
                       '"geometry":{"type":"Point","coordinates":%s}}'
                       % (i, i, rnd.choice(["valid", "valid", "valid", "cancelled", "revoked"]), ll(*plot_position()))
                       for i in range(600)])


def overlay(outdir, seed, extent):
    import os
    rnd = random.Random(seed + 3)
    os.makedirs(outdir, exist_ok=True)

    def fc(name, feats):
        with open(os.path.join(outdir, name + ".geojson"), "w", encoding="utf-8") as f:
            f.write('{"type":"FeatureCollection","features":[\n' + ",\n".join(feats) + "\n]}\n")

    def square(x0, y0, x1, y1):
        return "[[%s,%s,%s,%s,%s]]" % (ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0))

    enterprises = []
    for i in range(600):
        x, y = rnd.uniform(0, extent), rnd.uniform(0, extent)
        status = rnd.choices(["valid", "cancelled", "revoked"], [85, 10, 5])[0]
        geom = ('{"type":"Point","coordinates":%s}' % ll(x, y) if rnd.random() < 0.8
                else '{"type":"Polygon","coordinates":%s}' % quad(x, y, rnd.uniform(80, 300), rnd.uniform(80, 300), rnd))
        enterprises.append('{"type":"Feature","properties":{"code":"EN-%04d","name":"企业%d","permit_status":"%s"},"geometry":%s}'
                           % (i, i, status, geom))
    fc("enterprises", enterprises)
    fc("outfalls", ['{"type":"Feature","properties":{"code":"OF-%04d","type":"%s"},"geometry":{"type":"Point","coordinates":%s}}'
                    % (i, rnd.choice(["industrial", "sewage_plant", "agricultural", "other"]), ll(rnd.uniform(0, extent), rnd.uniform(0, extent)))
                    for i in range(400)])
    fc("sections", ['{"type":"Feature","properties":{"code":"SE-%03d","name":"断面%d","target_class":"III"},"geometry":{"type":"Point","coordinates":%s}}'
                    % (i, i, ll(rnd.uniform(0, extent), rnd.uniform(0, extent))) for i in range(80)])
    towns = ['{"type":"Feature","properties":{"code":"C","kind":"county","name":"县"},"geometry":{"type":"Polygon","coordinates":%s}}'
             % square(-1000, -1000, extent + 1000, extent + 1000)]
    step = (extent + 2000) / 4
    for i in range(4):
        for j in range(4):
            x0, y0 = -1000 + i * step, -1000 + j * step
            towns.append('{"type":"Feature","properties":{"code":"T%d%d","kind":"town","name":"镇%d%d"},"geometry":{"type":"Polygon","coordinates":%s}}'
                         % (i, j, i, j, square(x0, y0, x0 + step, y0 + step)))
    fc("admin", towns)


def plan(n, out, seed, layers_dir, extent, vertices):
    """A land-supply plan whose proposals meet the rules several times each."""
    import json
    import os
    rnd = random.Random(seed + 5)

    def centres(name):
        result = []
        for f in json.load(open(os.path.join(layers_dir, name + ".geojson")))["features"]:
            ring = f["geometry"]["coordinates"][0]
            lon = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
            lat = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
            result.append(((lon - LON0) * M_LON, (lat - LAT0) * M_LAT, f["properties"]))
        return result

    plots = centres("risk-plots")
    zones = [z for z in centres("water-zones") if z[2]["level"] == "second"]
    seat = centres("admin")[0]
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i in range(n):
            kind = rnd.random()
            props = '"id":"Q-%06d"' % (i + 1)
            if kind < 0.4:    # housing, schools, hospitals next to old industrial sites
                x, y, _ = rnd.choice(plots)
                x, y = x + rnd.uniform(-450, 150), y + rnd.uniform(-450, 150)
                w, h = rnd.uniform(300, 700), rnd.uniform(300, 700)
                props += ',"use":"%s","action":"%s"' % (rnd.choice(["070101", "0701", "080403", "080404", "0804"]),
                                                        rnd.choice(["supply", "use_change", "planning_permit"]))
            elif kind < 0.7:  # food crops: reclamation or farmland over many parcels
                x, y = rnd.uniform(0, extent), rnd.uniform(0, extent)
                w, h = rnd.uniform(400, 900), rnd.uniform(400, 900)
                props += ',"use":"0103","action":"reclamation","food_crops":true'
            elif kind < 0.9:  # air- and soil-polluting projects inside the county seat's ring
                a, r = rnd.uniform(0, 2 * math.pi), 20000 * math.sqrt(rnd.random())
                x, y = seat[0] + r * math.cos(a), seat[1] + r * math.sin(a)
                w, h = rnd.uniform(200, 600), rnd.uniform(200, 600)
                props += ',"use":"%s","action":"new_project","air_polluting":true,"soil_polluting":true,"discharges":true' % rnd.choice(["1001", "100102", "1002"])
            else:             # discharging projects by the water sources
                x, y, _ = rnd.choice(zones)
                x, y = x + rnd.uniform(-1500, 1000), y + rnd.uniform(-1500, 1000)
                w, h = rnd.uniform(200, 500), rnd.uniform(200, 500)
                props += ',"use":"1001","action":"new_project","discharges":true'
            geom = '{"type":"Polygon","coordinates":%s}' % shape(x, y, w, h, rnd, vertices)
            f.write('%s{"type":"Feature","properties":{%s},"geometry":%s}\n' % ("," if i else "", props, geom))
        f.write("]}\n")


def main():
    args = sys.argv[1:]
    seed = 7
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    vertices = 4
    if "--vertices" in args:
        k = args.index("--vertices")
        vertices = int(args[k + 1])
        del args[k:k + 2]
    clustered = "--clustered" in args
    args = [a for a in args if a != "--clustered"]
    kind = args[0]
    if kind == "farmland":
        farmland(int(args[1]), args[2], seed, vertices)
    elif kind == "plan":
        plan(int(args[1]), args[2], seed, args[3], float(args[4]), vertices)
    elif kind == "proposals":
        n = int(args[1])
        extent = float(args[3]) if len(args) > 3 else 130_000.0
        proposals(n, args[2], seed, extent)
    elif kind == "overlay":
        extent = float(args[2]) if len(args) > 2 else 130_000.0
        overlay(args[1], seed, extent)
    elif kind == "layers":
        extent = float(args[2]) if len(args) > 2 else 130_000.0
        layers(args[1], seed, extent, clustered)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
