#!/usr/bin/env python3
"""A year (2023) of plausible monitoring for the sample county, and the air
plan's monthly targets. Called by lingchuan.py (which writes Data/lingchuan/).

- monitoring-2023.csv: the three sections and five outfalls, two samples a
  month, Chinese column names as the station sends them. Designed to fail:
  台北村 (LC-SEC-01) misses class III in July and August (NH3-N, and TP in
  August), with the 养殖场 outfalls upstream over their limits then;
  汇源水库出口 (a reservoir: TN counts, lake TP column) misses it in August
  (TP) and September (TN); the sewage plant is over GB 18918 1A for NH3-N in
  January-February and TP in August; the coal mine's COD is over its permit
  in July.
- air-2023.csv: monthly means of the county seat and the three key towns,
  a few months over target.
- air-targets-2023.csv: the air plan's annex 1, 2023 columns, read from the
  annex's text (Tests/Fixtures/air-plan-annex1.txt, which WaterTests holds to
  the seed's text verbatim).
"""
import csv
import os
import random

# Annex 1 of the air plan (Tests/Fixtures/air-plan-annex1.txt, the seed's text
# verbatim), 2023 columns: SO2, NO2, PM10, PM2.5 (µg/m³), CO (mg/m³), O3 (µg/m³),
# months 1-12, for the county seat and the three key towns.
ANNEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "air-plan-annex1.txt")
AREAS = {"陵川县城": "140524-CS", "礼义镇": "140524-T02", "附城镇": "140524-T03", "西河底镇": "140524-T04"}


def read_annex(path=ANNEX):
    """{site: (name, [12 tuples of the six 2023 targets])}, in the annex's order."""
    targets, site = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("2023 年") and line.endswith("预控制目标"):
            name = next(n for n in AREAS if n in line)
            site = AREAS[name]
            targets[site] = (name, [])
            continue
        cells = [c.strip() for c in line.split("\t")]
        if site and len(cells) == 13 and cells[0].endswith("月") and cells[0] != "月份":
            values = cells[2::2]
            targets[site][1].append(tuple(float(v) if "." in v else int(v) for v in values))
    return targets


AIR_TARGETS = read_annex()
AIR_PARAMETERS = [("so2", "µg/m³"), ("no2", "µg/m³"), ("pm10", "µg/m³"), ("pm25", "µg/m³"), ("co", "mg/m³"), ("o3", "µg/m³")]

UNITS = {"ph": "无量纲", "flow": "m3/d"}
# The names the station's file uses for the parameters.
CHINESE = {"cod": "化学需氧量", "codmn": "高锰酸盐指数", "bod5": "五日生化需氧量", "nh3n": "氨氮", "tp": "总磷",
           "tn": "总氮", "do": "溶解氧", "ph": "pH值", "flow": "流量"}

# Typical values (mean of the month) per site and parameter; the designed months override them.
SECTIONS = {
    "LC-SEC-01": {"cod": 14, "codmn": 4.2, "bod5": 2.8, "nh3n": 0.45, "tp": 0.12, "do": 7.2, "ph": 7.8},
    "LC-SEC-02": {"cod": 11, "codmn": 3.1, "bod5": 2.2, "nh3n": 0.3, "tp": 0.07, "do": 7.9, "ph": 7.9},
    "LC-SEC-03": {"cod": 13, "codmn": 3.6, "bod5": 2.5, "nh3n": 0.32, "tp": 0.035, "tn": 0.8, "do": 7.4, "ph": 8.0},
}
OUTFALLS = {
    "140524-WS-001": {"cod": 32, "bod5": 7, "nh3n": 2.5, "tp": 0.35, "tn": 12, "ph": 7.2, "flow": 12000},
    "140524-GY-001": {"cod": 25, "nh3n": 0.9, "ph": 7.6, "flow": 3000},
    "140524-NY-001": {"cod": 210, "nh3n": 42, "tp": 3.1, "ph": 7.4, "flow": 150},
    "140524-NY-002": {"cod": 180, "nh3n": 35, "tp": 2.6, "ph": 7.5, "flow": 90},
    "140524-QT-001": {"cod": 80, "nh3n": 12, "tp": 1.5, "ph": 7.1, "flow": 60},
}
DESIGNED = {
    ("LC-SEC-01", 7): {"nh3n": 1.32}, ("LC-SEC-01", 8): {"nh3n": 1.46, "tp": 0.24},
    ("LC-SEC-03", 8): {"tp": 0.074}, ("LC-SEC-03", 9): {"tn": 1.21},
    ("140524-WS-001", 1): {"nh3n": 6.4}, ("140524-WS-001", 2): {"nh3n": 5.8}, ("140524-WS-001", 8): {"tp": 0.62},
    ("140524-GY-001", 7): {"cod": 58},
    ("140524-NY-001", 7): {"nh3n": 96, "cod": 460}, ("140524-NY-001", 8): {"nh3n": 88},
    ("140524-NY-002", 8): {"nh3n": 91},
}


def decimals(parameter):
    return {"tp": 3, "nh3n": 3, "tn": 2, "ph": 2, "do": 1, "flow": 0}.get(parameter, 1)


def water_rows(rng):
    rows = []
    for site, typical in list(SECTIONS.items()) + list(OUTFALLS.items()):
        for month in range(1, 13):
            for parameter, base in typical.items():
                mean = DESIGNED.get((site, month), {}).get(parameter, base)
                # Two samples a month around the mean: (1 - d) and (1 + d) times it, so their mean is the mean.
                spread = 0.0 if parameter == "ph" else rng.uniform(0.02, 0.08)
                if (site, month) not in DESIGNED and parameter not in ("ph", "do"):
                    mean = base * rng.uniform(0.85, 1.0)
                for day, factor in ((8, 1 - spread), (22, 1 + spread)):
                    value = round(mean * factor, decimals(parameter))
                    rows.append([site, f"2023-{month:02d}-{day:02d}", CHINESE[parameter], value, UNITS.get(parameter, "mg/L"), ""])
    return rows


def air_rows(rng):
    over = {("140524-CS", 1, "pm25"): 1.15, ("140524-CS", 6, "o3"): 1.04, ("140524-T02", 3, "pm10"): 1.08,
            ("140524-T04", 2, "pm25"): 1.06}
    rows = []
    for site, (_, months) in AIR_TARGETS.items():
        for month, targets in enumerate(months, start=1):
            for (parameter, unit), target in zip(AIR_PARAMETERS, targets):
                factor = over.get((site, month, parameter), rng.uniform(0.82, 0.99))
                value = round(target * factor, 2 if parameter == "co" else 0)
                rows.append([site, f"2023-{month:02d}", parameter, value, unit])
    return rows


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_all(out):
    rng = random.Random(2023)
    write_csv(os.path.join(out, "monitoring-2023.csv"), ["点位", "日期", "指标", "浓度", "单位", "备注"], water_rows(rng))
    write_csv(os.path.join(out, "air-2023.csv"), ["site", "date", "parameter", "value", "unit"], air_rows(rng))
    targets = []
    for site, (name, months) in AIR_TARGETS.items():
        for month, values in enumerate(months, start=1):
            for (parameter, unit), value in zip(AIR_PARAMETERS, values):
                targets.append([site, f"2023-{month:02d}", parameter, value, unit, "target", f"{name} 2023年预控制目标（大气行动计划附件1）"])
    write_csv(os.path.join(out, "air-targets-2023.csv"), ["site", "date", "parameter", "value", "unit", "kind", "note"], targets)
