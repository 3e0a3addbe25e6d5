#!/usr/bin/env python3
"""Writes www/samples/linyi-sample.json: the small built-in sample the app opens on.

Real figures (cited): the city's open beds 84,634 and residents 10,848,400 (linyi-2025 一(一));
county residents from the 2020 census (shared/data/counties.csv, leiii/census, MIT) and county
seats from the same file. Everything else is illustrative: insured, admissions, stays,
utilisation, discharges, fund months (the figures of DESIGN.md §3), the county bed counts, and
every institution and population cell (synthetic locations around the county seats, seeded).
Each cell, institution and the application is counted in the county whose real outline holds it
(www/data/outlines/linyi.geojson, see www/data/SOURCES.md); cells outside the three are left out.
"""
import json, math, random

def inside(ring, lon, lat):
    """Even-odd test of a point against a closed ring of [lon, lat]."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit

OUTLINES = {f["properties"]["name"]: f["geometry"]["coordinates"]
            for f in json.load(open("www/data/outlines/linyi.geojson"))["features"]}

def county_of(lon, lat):
    for cid, (name, *_rest) in SEATS.items():
        if any(sum(inside(r, lon, lat) for r in poly) % 2 for poly in OUTLINES[name]):
            return cid
    return None

rng = random.Random(20250728)  # the draft's publication date
SEATS = {  # id: (name, seat lon, seat lat, 2020 census residents)
    "lanshan": ("兰山区", 118.32198, 35.06213, 1837789),
    "luozhuang": ("罗庄区", 118.27918, 34.99785, 759226),
    "hedong": ("河东区", 118.39251, 35.08538, 908324),
}
R = 6371008.8

def offset(lon, lat, east_m, north_m):
    return (round(lon + math.degrees(east_m / (R * math.cos(math.radians(lat)))), 6),
            round(lat + math.degrees(north_m / R), 6))

counties = [
    {"id": "lanshan", "name": "兰山区", "resident_population": 1837789, "open_beds": 15000,
     "insured": 1700000, "admissions": 420000, "avg_stay_days": 8.9, "bed_utilisation": 0.82},
    {"id": "luozhuang", "name": "罗庄区", "resident_population": 759226, "open_beds": 5200,
     "insured": 700000, "admissions": 150000, "avg_stay_days": 8.6, "bed_utilisation": 0.85},
    {"id": "hedong", "name": "河东区", "resident_population": 908324, "open_beds": 6900,
     "insured": 840000, "admissions": 205000, "avg_stay_days": 9.1, "bed_utilisation": 0.8,
     "discharges": {"local_local": 190000, "local_elsewhere": 16000, "nonlocal_local": 4000}},
]

cells = []
for cid, (name, lon, lat, pop) in SEATS.items():
    # A 5 km x 5 km block of 500 m cells around each seat; denser near the centre.
    n = 10
    for i in range(n):
        for j in range(n):
            e, no = (i - n / 2 + 0.5) * 500, (j - n / 2 + 0.5) * 500
            d = math.hypot(e, no)
            people = int(6000 * math.exp(-d / 1800) * rng.uniform(0.7, 1.3)) + 50
            clon, clat = offset(lon, lat, e, no)
            where = county_of(clon, clat)
            if where:
                cells.append({"lon": clon, "lat": clat, "population": people, "county": where})

inst = []
def add(id, name, kind, county, e, n, **kw):
    lon, lat = offset(SEATS[county][1], SEATS[county][2], e, n)
    d = {"id": id, "name": name, "kind": kind, "lon": lon, "lat": lat, "county": county_of(lon, lat)}
    d.update(kw)
    inst.append(d)

# Pharmacies: a cluster in central Lanshan, a few elsewhere; south-east Lanshan left blank.
add("p-001", "仁和大药房（样例）", "pharmacy", "lanshan", -300, 250, category=["ordinary", "chronic"], designated=True)
add("p-002", "百姓药店（样例）", "pharmacy", "lanshan", 900, 1100, category="ordinary", designated=True)
add("p-003", "康泰药房（样例）", "pharmacy", "lanshan", -1500, -900, category="ordinary", designated=True)
add("p-004", "特药服务药房（样例）", "pharmacy", "lanshan", 200, -200, category="special_drug", designated=True)
add("p-005", "惠民药店（样例）", "pharmacy", "luozhuang", 100, 300, category=["ordinary", "chronic"], designated=True)
add("p-006", "河东药房（样例）", "pharmacy", "hedong", -200, 100, category="ordinary", designated=True)
add("p-007", "未定点药店（样例）", "pharmacy", "lanshan", 1800, -1600, category="ordinary", designated=False)
# Inpatient institutions.
add("h-001", "市人民医院（样例）", "inpatient_general", "lanshan", 600, 700, designated=True, beds=1800)
add("h-002", "骨科医院（样例）", "inpatient_specialty", "lanshan", -1200, 400, specialty="orthopaedics", designated=True, beds=120)
add("h-003", "罗庄区医院（样例）", "inpatient_general", "luozhuang", -400, -300, designated=True, beds=450)
add("h-004", "河东区医院（样例）", "inpatient_general", "hedong", 300, 500, designated=True, beds=520)
# Outpatient-only and primary care.
add("c-001", "兰山门诊部（样例）", "outpatient", "lanshan", -600, -700, designated=True)
add("c-002", "罗庄诊所（样例）", "outpatient", "luozhuang", 700, 600, designated=True)
add("g-001", "兰山街道社区卫生服务中心（样例）", "primary_care", "lanshan", 1500, 1600, subtype="community_centre", designated=True)
add("g-002", "河东社区卫生服务站（样例）", "primary_care", "hedong", -1400, -1300, subtype="community_station", integrated=True, designated=True)

app_lon, app_lat = offset(SEATS["lanshan"][1], SEATS["lanshan"][2], 100, 650)
scenario = {
    "policy": {"preset": "linyi-2025"},
    "city": {"name": "临沂市（样例数据）", "resident_population": 10848400, "open_beds": 84634,
             "insured": 10200000, "admissions": 2650000, "avg_stay_days": 8.9, "bed_utilisation": 0.82,
             "discharges": {"local_local": 2500000, "local_elsewhere": 150000, "nonlocal_local": 60000},
             "fund": {"employee_months": 14.2, "resident_months": 7.5, "employee_deficit": False,
                      "resident_deficit": False, "warning_letter": False}},
    "counties": counties,
    "institutions": inst,
    "applications": [{"id": "a-1", "name": "拟开设药店（假设）", "kind": "pharmacy", "category": "ordinary",
                      "change": "new", "lon": app_lon, "lat": app_lat, "county": county_of(app_lon, app_lat),
                      "operating_months": 4, "pharmacists": 1}],
    "population_cells": cells,
    "as_of": "2026-03-01",
}
with open("www/samples/linyi-sample.json", "w") as f:
    json.dump(scenario, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cells), "cells,", len(inst), "institutions")
