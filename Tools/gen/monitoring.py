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
- air-targets-2023.csv: the air plan's annex 1, 2023 columns (transcribed;
  Tests/…/AirTargetTests checks it against the plan's text).
"""
import csv
import os
import random

# Annex 1 of the air plan, 2023 columns: SO2, NO2, PM10, PM2.5 (µg/m³), CO (mg/m³), O3 (µg/m³), months 1-12.
AIR_TARGETS = {
    "140524-CS": ("陵川县城", [
        (30, 18, 65, 33, 1.4, 103), (19, 21, 75, 45, 1.4, 126), (9, 15, 68, 23, 1.0, 139), (5, 9, 49, 18, 0.8, 159),
        (4, 13, 43, 16, 0.8, 176), (4, 9, 45, 16, 0.8, 201), (3, 6, 25, 13, 0.8, 155), (3, 6, 30, 14, 0.9, 135),
        (5, 11, 43, 17, 0.8, 175), (6, 17, 42, 22, 0.7, 143), (9, 19, 50, 24, 0.9, 134), (30, 21, 67, 28, 1.7, 95)]),
    "140524-T02": ("礼义镇", [
        (119, 34, 106, 59, 4.3, 99), (44, 28, 102, 61, 3.3, 126), (13, 28, 153, 40, 2.6, 139), (3, 21, 112, 30, 1.2, 150),
        (5, 12, 50, 20, 1.3, 180), (5, 11, 40, 15, 0.8, 210), (9, 8, 28, 10, 1.3, 158), (10, 8, 30, 12, 2.2, 130),
        (10, 15, 49, 22, 2.3, 175), (11, 16, 48, 30, 1.9, 132), (16, 22, 53, 38, 2.4, 115), (85, 29, 85, 40, 4.2, 85)]),
    "140524-T03": ("附城镇", [
        (40, 15, 62, 42, 1.3, 104), (30, 16, 66, 57, 1.4, 128), (17, 16, 92, 39, 1.0, 141), (12, 14, 81, 36, 1.3, 155),
        (12, 13, 34, 18, 0.9, 185), (13, 10, 29, 17, 0.8, 220), (10, 7, 14, 12, 1.0, 176), (7, 7, 15, 15, 1.4, 142),
        (10, 9, 25, 25, 1.0, 176), (8, 14, 32, 25, 1.2, 155), (12, 18, 39, 30, 1.3, 140), (28, 15, 45, 35, 1.4, 90)]),
    "140524-T04": ("西河底镇", [
        (34, 16, 81, 48, 1.5, 101), (25, 18, 86, 64, 1.3, 124), (11, 19, 135, 46, 1.1, 136), (9, 12, 65, 48, 1.0, 155),
        (5, 16, 43, 24, 0.9, 185), (10, 12, 12, 22, 0.6, 225), (11, 8, 25, 20, 0.8, 174), (10, 8, 40, 12, 2.1, 130),
        (9, 12, 12, 30, 1.6, 175), (10, 14, 50, 35, 1.0, 152), (14, 14, 55, 42, 1.4, 130), (23, 17, 70, 39, 1.6, 85)]),
}
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
