#!/usr/bin/env python3
"""Regenerates Data/lingchuan/: an illustrative registry of Lingchuan County.

Names and figures come from the county's 2023 air, water and soil action
plans; every geometry is invented around the real position of the county
seat (崇文镇, about 113.275 E, 35.774 N). Positions are planned in metres east
and north of the county seat and turned into lon/lat with a local
equirectangular approximation, so distances in the registry (EPSG:4547) are
within about 0.5 % of the planned ones: the proposals keep well clear of every
threshold.

Usage: python3 Tools/gen/lingchuan.py [OUTPUT_DIR]   (default Data/lingchuan)
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import monitoring  # noqa: E402

LON0, LAT0 = 113.275, 35.774
M_PER_DEG_LAT = 110950.0
M_PER_DEG_LON = 111320.0 * math.cos(math.radians(LAT0))


def lonlat(x, y):
    return [round(LON0 + x / M_PER_DEG_LON, 7), round(LAT0 + y / M_PER_DEG_LAT, 7)]


def ring(points):
    pts = [lonlat(x, y) for x, y in points]
    return pts + [pts[0]]


def rect(cx, cy, w, h):
    """An axis-aligned rectangle of w x h metres centred on (cx, cy), counter-clockwise."""
    x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
    return {"type": "Polygon", "coordinates": [ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])]}


def circle(cx, cy, r, n=48):
    pts = [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]
    return {"type": "Polygon", "coordinates": [ring(pts)]}


def polygon(points):
    return {"type": "Polygon", "coordinates": [ring(points)]}


def point(x, y):
    return {"type": "Point", "coordinates": lonlat(x, y)}


def line(points):
    return {"type": "LineString", "coordinates": [lonlat(x, y) for x, y in points]}


def feature(props, geometry):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def collection(features):
    return {"type": "FeatureCollection", "features": features}


# Town centres in metres from the county seat (see Data/lingchuan/README.md).
TOWNS = {
    "崇文镇": (0, 0),
    "礼义镇": (-14900, 2900),
    "附城镇": (-10000, -15000),
    "西河底镇": (-18500, -16000),
    "平城镇": (9000, 12000),
    "杨村镇": (12000, -12000),
}


def admin():
    county = polygon([(-25000, -5000), (-20000, -22000), (-8000, -27000), (10000, -20000), (28000, -10000),
                      (30000, 8000), (18000, 22000), (0, 26000), (-18000, 18000), (-26000, 6000)])
    features = [
        feature({"code": "140524", "kind": "county", "name": "陵川县"}, county),
        feature({"code": "140524-CS", "kind": "county_seat", "name": "陵川县城建成区"}, rect(0, 0, 3000, 2400)),
    ]
    sizes = {"附城镇": (8000, 14000), "西河底镇": (8000, 8000)}
    for k, (name, (x, y)) in enumerate(TOWNS.items(), start=1):
        w, h = sizes.get(name, (8000, 8000))
        features.append(feature({"code": f"140524-T{k:02d}", "kind": "town", "name": name}, rect(x, y, w, h)))
    return collection(features)


def rivers():
    return collection([
        feature({"code": "LC-RV-01", "name": "廖东河", "note": "示意河道"},
                line([(-4000, 2500), (-6000, -4000), (-8500, -9000), (-11000, -16000), (-12200, -22600), (-13000, -27500)])),
        feature({"code": "LC-RV-02", "name": "县城河", "note": "示意河道"},
                line([(-3000, 800), (-900, -300), (2500, -1500), (6000, -4500), (8000, -6000), (9500, -7500), (12000, -9000)])),
        # A tributary of 廖东河 (附城镇丈河村河道治理工程, water plan annex 2), ending on it upstream of 台北村.
        feature({"code": "LC-RV-03", "name": "丈河", "note": "示意河道，支流"},
                line([(-17000, -12500), (-15000, -15000), (-13000, -17000), (-11360, -17980)])),
    ])


def sections():
    return collection([
        feature({"code": "LC-SEC-01", "name": "台北村", "target_class": "III", "river": "廖东河", "assessed_by": "市考"},
                point(-12200, -22600)),
        feature({"code": "LC-SEC-02", "name": "桥西村", "target_class": "III", "river": "县城河", "assessed_by": "市考"},
                point(-900, -300)),
        feature({"code": "LC-SEC-03", "name": "汇源水库出口", "target_class": "III", "river": "县城河", "assessed_by": "市考",
                 "water_body": "lake"},
                point(9500, -7500)),
    ])


MOHE = (4000, 3500)        # 磨河泉 groundwater source
HUIYUAN = (8000, -6000)    # 汇源水库


def water_zones():
    mx, my = MOHE
    hx, hy = HUIYUAN
    return collection([
        feature({"code": "WZ-MHQ-1", "level": "first", "source": "磨河泉", "source_type": "groundwater"}, circle(mx, my, 60)),
        feature({"code": "WZ-MHQ-2", "level": "second", "source": "磨河泉", "source_type": "groundwater"}, circle(mx, my, 600)),
        feature({"code": "WZ-MHQ-Q", "level": "quasi", "source": "磨河泉", "source_type": "groundwater"}, circle(mx, my, 1800)),
        feature({"code": "WZ-HYSK-1", "level": "first", "source": "汇源水库", "source_type": "reservoir"}, rect(hx, hy, 600, 400)),
        feature({"code": "WZ-HYSK-2", "level": "second", "source": "汇源水库", "source_type": "reservoir"}, rect(hx, hy, 1600, 1200)),
    ])


def outfalls():
    return collection([
        feature({"code": "140524-WS-001", "type": "sewage_plant", "name": "陵川县城污水处理厂排污口", "river": "县城河", "status": "在用"},
                point(2500, -1500)),
        feature({"code": "140524-GY-001", "type": "industrial", "name": "山西陵川崇安苏村煤业矿井水排口", "river": "廖东河", "status": "在用"},
                point(-8600, -9200)),
        feature({"code": "140524-NY-001", "type": "agricultural", "name": "附城镇规模化养殖场排口", "river": "廖东河", "status": "在用"},
                point(-10900, -15900)),
        feature({"code": "140524-NY-002", "type": "agricultural", "name": "丈河村养殖小区排口", "river": "丈河", "status": "在用"},
                point(-14950, -15020)),
        feature({"code": "140524-QT-001", "type": "other", "name": "汇源水库周边农村生活污水散排口", "river": "县城河", "status": "待取缔"},
                point(8500, -5700)),
    ])


def enterprises():
    return collection([
        feature({"code": "ENT-001", "name": "陵川金隅冀东环保科技有限公司", "key_supervised": True, "air_emitting": True,
                 "permit_status": "valid", "permit_date": "2022-03-15", "industry": "水泥"}, point(-6000, 9000)),
        feature({"code": "ENT-002", "name": "陵川鑫源冶炼有限公司", "key_supervised": True, "air_emitting": True,
                 "permit_status": "valid", "permit_date": "2021-08-20", "industry": "冶铸"}, rect(9000, 5000, 300, 300)),
        feature({"code": "ENT-003", "name": "陵川县晋易通钙业有限公司", "key_supervised": False, "air_emitting": True,
                 "permit_status": "valid", "permit_date": "2022-06-01", "industry": "钙业"}, point(-9000, -12000)),
        feature({"code": "ENT-004", "name": "陵川县顺达公路建材有限公司", "key_supervised": False, "air_emitting": True,
                 "permit_status": "cancelled", "permit_date": "2023-05-10", "industry": "建材"}, rect(5000, -9000, 250, 200)),
        feature({"code": "ENT-005", "name": "山西陵川崇安苏村煤业有限公司", "key_supervised": True, "air_emitting": False,
                 "permit_status": "valid", "permit_date": "2020-11-30", "industry": "煤炭开采"}, point(-8400, -9300)),
        feature({"code": "ENT-006", "name": "陵川县宏达化工有限公司（示意）", "key_supervised": True, "air_emitting": True,
                 "permit_status": "revoked", "permit_date": "2022-11-30", "industry": "化工"}, rect(-14000, 2500, 220, 180)),
    ])


def risk_plots():
    plots = [
        ("LC-RP-001", "原陵川县化肥厂地块", "listed", "化肥制造", True, None, "崇文镇", "2022-09-01", (1800, -500, 200, 150)),
        ("LC-RP-002", "原陵川县焦化厂地块", "remediating", "焦化", True, None, "崇文镇", "2023-04-18", (-2500, 1500, 250, 200)),
        ("LC-RP-003", "原城关电镀车间地块", "suspected", "电镀", True, None, "崇文镇", "2021-12-10", (600, 1600, 120, 100)),
        ("LC-RP-004", "原陵川县皮革厂地块", "investigating", "制革", True, None, "崇文镇", "2023-02-20", (-1200, -1800, 150, 150)),
        ("LC-RP-005", "原农药仓库地块", "contaminated", "农药储存", True, None, "崇文镇", "2023-07-05", (2600, 2000, 100, 80)),
        ("LC-RP-006", "原陵川县铸造厂地块", "clean", "铸造", False, None, "崇文镇", "2022-05-30", (-600, 2600, 200, 120)),
        ("LC-RP-007", "原石油库地块", "delisted", "石油储存", True, None, "崇文镇", "2023-03-01", (3200, -2200, 180, 140)),
        ("LC-RP-008", "陵川鑫源冶炼有限公司生产用地", "suspected", "有色金属冶炼", True, "陵川鑫源冶炼有限公司", "平城镇", "2023-06-12", (9000, 5000, 300, 300)),
        ("LC-RP-009", "陵川县宏达化工有限公司腾退地块（示意）", "listed", "化工", True, "陵川县宏达化工有限公司（示意）", "礼义镇", "2023-01-16", (-14000, 2500, 220, 180)),
        ("LC-RP-010", "陵川县顺达公路建材有限公司腾退地块", "investigating", "建材", False, "陵川县顺达公路建材有限公司", "杨村镇", "2023-08-01", (5000, -9000, 250, 200)),
    ]
    features = []
    for code, name, stage, former, toxic, enterprise, town, date, (x, y, w, h) in plots:
        props = {"code": code, "stage": stage, "name": name, "former_use": former, "toxic_history": toxic,
                 "town": town, "stage_date": date}
        if enterprise:
            props["enterprise"] = enterprise
        features.append(feature(props, rect(x, y, w, h)))
    return collection(features)


def farmland():
    features = []
    n = 0
    # A block of parcels west of the county seat's concentrated basic farmland (附城镇),
    # one east of the county seat (崇文镇), one south near the cancelled building-materials works (杨村镇).
    blocks = [("附城镇", -11000, -13500, 5, 4, "玉米"), ("崇文镇", 4200, -300, 3, 2, "谷子"), ("杨村镇", 5600, -8200, 3, 2, "小麦")]
    for town, x0, y0, cols, rows, crop in blocks:
        for r in range(rows):
            for c in range(cols):
                n += 1
                cls = "priority"
                if town == "杨村镇":
                    cls = "strict" if (r + c) % 2 == 0 else "safe_use"
                elif (r * cols + c) % 7 == 3:
                    cls = "safe_use"
                features.append(feature({"code": f"FL-{n:04d}", "class": cls, "town": town, "crop": crop},
                                        rect(x0 + c * 300, y0 + r * 200, 300, 200)))
    return collection(features)


def basic_farmland():
    return collection([
        feature({"code": "BF-001", "concentrated": True, "name": "附城镇永久基本农田集中区"},
                rect(-10400, -13200, 1500, 800)),
        feature({"code": "BF-002", "concentrated": False, "name": "县城东永久基本农田"}, rect(4500, -200, 900, 400)),
    ])


NAMES = {'P-001': '县城化肥厂片区住宅用地供应（示意）', 'P-002': '城关小学扩建（示意）', 'P-003': '焦化厂北侧住宅项目规划许可（示意）', 'P-004': '原石油库地块复垦（示意）', 'P-005': '县城东商业用地供应（示意）', 'P-006': '附城镇工业项目（示意）', 'P-007': '杨村镇耕地种植调整（示意）', 'P-008': '二类工业涉气项目（示意）', 'P-009': '汇源水库周边新设排污口（示意）', 'P-010': '磨河泉一级保护区商业项目（示意）', 'P-011': '磨河泉水厂取水设施（示意）', 'P-012': '磨河泉二级保护区办公项目（示意）', 'P-013': '磨河泉准保护区办公项目（示意）', 'P-014': '县城南住宅用地供应（示意）', 'P-015': '皮革厂南侧幼儿园（示意）'}


def proposals():
    """Proposals that exercise every rule of the contract, and some that are clear."""
    p = []

    def add(pid, props, geometry, note):
        props = dict({"id": pid, "name": NAMES[pid]}, **props)
        props["note"] = note
        p.append(feature(props, geometry))

    add("P-001", {"use": "070101", "action": "supply"}, rect(1850, -500, 200, 100),
        "housing over the listed fertiliser-plant plot LC-RP-001: soil.listed (block)")
    add("P-002", {"use": "080403", "action": "use_change"}, rect(600, 1560, 200, 200),
        "primary school over the suspected plating plot LC-RP-003: soil.investigation-required (condition)")
    add("P-003", {"use": "0701", "action": "planning_permit"}, rect(-2500, 1900, 200, 200),
        "housing 200 m from the coking plot LC-RP-002 under remediation: soil.sequencing (warn)")
    add("P-004", {"use": "0103", "action": "reclamation"}, rect(3200, -2200, 100, 100),
        "reclaiming the delisted oil-depot plot LC-RP-007 (toxic history) as dry farmland: soil.toxic-reclamation (block)")
    add("P-005", {"use": "0901", "action": "supply"}, rect(4500, 0, 200, 100),
        "shops over permanent basic farmland BF-002: farmland.basic (block)")
    add("P-006", {"use": "1001", "action": "new_project"}, rect(-12000, -13200, 400, 400),
        "factory 650 m from concentrated basic farmland BF-001: farmland.polluting-project (block)")
    add("P-007", {"use": "0103", "action": "use_change", "food_crops": True}, rect(5750, -8100, 200, 150),
        "food crops on strict-class farmland near the cancelled building-materials works: farmland.strict-food (warn)")
    add("P-008", {"use": "100102", "action": "new_project", "air_polluting": True, "soil_polluting": False},
        rect(-3000, -9000, 300, 300),
        "air-polluting works 8 km from the county seat: air.county-seat-20km (block)")
    add("P-009", {"action": "new_outfall", "discharges": True}, point(7600, -5600),
        "new outfall in the 汇源水库 second-level zone: water.outfall-in-zone (block)")
    add("P-010", {"use": "0901", "action": "new_project"}, rect(4000, 3500, 80, 80),
        "shop over the 磨河泉 first-level zone: water.first-zone (block)")
    add("P-011", {"use": "1301", "action": "new_project"}, rect(4000, 3500, 40, 40),
        "water works in the 磨河泉 first-level zone: allowed, clear")
    add("P-012", {"use": "0902", "action": "new_project", "discharges": True}, rect(4300, 3700, 100, 100),
        "office that discharges, in the 磨河泉 second-level zone: water.second-zone-discharge (block)")
    add("P-013", {"use": "0902", "action": "new_project", "discharges": True}, rect(5000, 4500, 100, 100),
        "office that discharges, in the 磨河泉 quasi zone only: water.quasi-zone-discharge (warn)")
    add("P-014", {"use": "070101", "action": "supply"}, rect(-500, -800, 150, 150),
        "housing in the county seat away from every risk: clear")
    add("P-015", {"use": "080404", "action": "use_change"}, rect(-1200, -1700, 150, 50),
        "kindergarten sharing an edge with the investigating plot LC-RP-004 (touching only): clear")
    return collection(p)


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "Data", "lingchuan")
    os.makedirs(out, exist_ok=True)
    layers = {"admin": admin, "rivers": rivers, "sections": sections, "water-zones": water_zones,
              "outfalls": outfalls, "enterprises": enterprises, "risk-plots": risk_plots,
              "farmland": farmland, "basic-farmland": basic_farmland}
    for name, make in layers.items():
        write(os.path.join(out, f"{name}.geojson"), make())
    write(os.path.join(out, "proposals.geojson"), proposals())
    monitoring.write_all(out)


if __name__ == "__main__":
    main()
