#!/usr/bin/env python3
"""Writes www/samples/linyi-sample.json: the small built-in sample the app opens on.

Real figures (cited): the city's open beds 84,634 and residents 10,848,400 (linyi-2025 一(一));
county residents from the 2020 census (shared/data/counties.csv, leiii/census, MIT) and county
seats from the same file. Everything else is illustrative: insured, admissions, stays,
utilisation, discharges, fund months (the figures of DESIGN.md §3), the county bed counts, and
every institution and population cell (synthetic locations around the county seats, seeded).
The applications are a hypothetical year's worth (about 15, of every kind, in the three counties,
with realistic gaps: a few operating under 3 months, one without a pharmacist), placed so that the
draft's main parameters show: pharmacies 500–800 m from a designated one of the same type (the
service radius), inpatient ones in 罗庄区, whose measured beds per 1,000 lie between 7.0 and the
target 7.45 (the target). The first is the hypothetical pharmacy the app opens on.
Each cell, institution and application is counted in the county whose real outline holds it
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
     "insured": 700000, "admissions": 160000, "avg_stay_days": 8.6, "bed_utilisation": 0.85},
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

apps = []
def apply(name, kind, county, e, n, **kw):
    lon, lat = offset(SEATS[county][1], SEATS[county][2], e, n)
    d = {"id": f"a-{len(apps) + 1}", "name": name, "kind": kind}
    if kind == "pharmacy":
        d["category"] = kw.pop("category", "ordinary")
    d.update({"change": kw.pop("change", "new"), "lon": lon, "lat": lat, "county": county_of(lon, lat)})
    d.update(kw)
    apps.append(d)

# Retail pharmacies of each category; most 500–800 m from a designated one of the same type.
apply("拟开设药店（假设）", "pharmacy", "lanshan", 100, 650, operating_months=4, pharmacists=1)
apply("百姓药店二店（样例）", "pharmacy", "lanshan", 1520, 1100, operating_months=6, pharmacists=2)
apply("惠民药店东店（样例）", "pharmacy", "luozhuang", 750, 300, category=["ordinary", "chronic"],
      operating_months=11, pharmacists=2)
apply("河东大药房（样例）", "pharmacy", "hedong", 460, 100, operating_months=8, pharmacists=1)
apply("新开药店（样例）", "pharmacy", "hedong", -1800, -1700, operating_months=2, pharmacists=1)
apply("慢病药房（样例）", "pharmacy", "lanshan", -2200, 1900, category=["ordinary", "chronic"],
      operating_months=14, pharmacists=0)
apply("特药药房（样例）", "pharmacy", "luozhuang", -600, 1200, category="special_drug", operating_months=9,
      pharmacists=2)
# A designated pharmacy moving in from elsewhere: its old site is not in the sample (an imported
# list of institutions may replace the sample's), so it names none.
apply("新华药店迁址（样例）", "pharmacy", "hedong", 900, -1500, change="address_change",
      operating_months=30, pharmacists=1)
# Inpatient: 罗庄区 is under the target at 7.45 and over it at 7.0.
apply("罗庄仁济医院（样例）", "inpatient_general", "luozhuang", 1400, -1500, beds=150, physicians=24,
      insurance_dept=True, insurance_office_staff=3, operating_months=7)
apply("罗庄康复医院（样例）", "inpatient_specialty", "luozhuang", -1500, 900, specialty="rehabilitation",
      beds=60, physicians=8, insurance_dept=True, insurance_office_staff=1, operating_months=5)
apply("兰山骨科专科医院（样例）", "inpatient_specialty", "lanshan", -1000, 800, specialty="orthopaedics",
      beds=80, physicians=12, insurance_dept=True, insurance_office_staff=1, operating_months=12)
apply("河东妇产医院（样例）", "inpatient_specialty", "hedong", 1600, -900, specialty="obstetrics_gynaecology",
      beds=90, physicians=15, insurance_dept=True, insurance_office_staff=1, operating_months=20)
# Outpatient departments, clinics and primary care.
apply("兰山口腔诊所（样例）", "outpatient", "lanshan", -500, -1100, physicians=2, insurance_dept=True,
      operating_months=10)
apply("河东中医诊所（样例）", "outpatient", "hedong", 1700, 1500, physicians=1, insurance_dept=True,
      operating_months=1)
apply("罗庄社区卫生服务站（样例）", "primary_care", "luozhuang", 1500, 1300, subtype="community_station",
      integrated=True, physicians=2, insurance_dept=True, operating_months=6)

scenario = {
    "policy": {"preset": "linyi-2025"},
    "city": {"name": "临沂市（样例数据）", "resident_population": 10848400, "open_beds": 84634,
             "insured": 10200000, "admissions": 2650000, "avg_stay_days": 8.9, "bed_utilisation": 0.82,
             "discharges": {"local_local": 2500000, "local_elsewhere": 150000, "nonlocal_local": 60000},
             "fund": {"employee_months": 14.2, "resident_months": 7.5, "employee_deficit": False,
                      "resident_deficit": False, "warning_letter": False}},
    "counties": counties,
    "institutions": inst,
    "applications": apps,
    "population_cells": cells,
    "as_of": "2026-03-01",
}
with open("www/samples/linyi-sample.json", "w") as f:
    json.dump(scenario, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cells), "cells,", len(inst), "institutions,", len(apps), "applications")
