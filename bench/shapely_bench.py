"""shapely 2 on scripts/bench's shared dataset: what a GIS analyst would write.

Indexes: shapely.STRtree over points in a local equirectangular projection (metres). Every
question is answered by the tree (`query(..., predicate="dwithin")`, `query_nearest`) with a
margin for the projection's distortion, and decided by the haversine distance on the same
sphere as dingdian (R = 6,371,008.8 m, "within" meaning distance <= r), vectorised with numpy.

    python shapely_bench.py DATA.json RUNS OUT.json
"""
import json
import statistics
import sys
import time

import numpy as np
import shapely

R = 6_371_008.8
RADIUS = 800.0
MARGIN = 1.03  # the local projection is within 1% of haversine over the city; search wider


def haversine(lon1, lat1, lon2, lat2):
    """dingdian's formula (src/spatial/mod.rs), term for term."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2.0) ** 2
    return 2.0 * R * np.arcsin(np.minimum(np.sqrt(a), 1.0))


def median_ms(runs, f):
    times = []
    out = None
    for _ in range(max(runs, 1)):
        t = time.perf_counter()
        out = f()
        times.append((time.perf_counter() - t) * 1000.0)
    return statistics.median(times), out


def main():
    data_path, runs, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(data_path, "rb") as f:
        s = json.load(f)
    inst, cells, apps = s["institutions"], s["population_cells"], s["applications"]

    def cats(x):
        c = x.get("category", "ordinary")
        return {c} if isinstance(c, str) else set(c)

    ilon = np.array([i["lon"] for i in inst])
    ilat = np.array([i["lat"] for i in inst])
    designated = np.array([bool(i.get("designated", False)) for i in inst])
    kind = [i["kind"] for i in inst]
    pharmacy = designated & np.array([k == "pharmacy" for k in kind])
    outpatient = designated & np.array(
        [k != "pharmacy" and i.get("provides_outpatient", True) for k, i in zip(kind, inst)]
    )
    inpatient = designated & np.array([k in ("inpatient_general", "inpatient_specialty") for k in kind])
    by_cat = {
        c: pharmacy & np.array([c in cats(i) if k == "pharmacy" else False for k, i in zip(kind, inst)])
        for c in ("ordinary", "chronic", "special_drug")
    }
    clon = np.array([c["lon"] for c in cells])
    clat = np.array([c["lat"] for c in cells])
    cpop = np.array([c["population"] for c in cells], dtype=np.int64)
    alon = np.array([a["lon"] for a in apps])
    alat = np.array([a["lat"] for a in apps])
    acats = [cats(a) for a in apps]

    lon0, lat0 = float(np.mean(clon)), float(np.mean(clat))
    kx, ky = np.radians(1.0) * R * np.cos(np.radians(lat0)), np.radians(1.0) * R

    def project(lon, lat):
        return shapely.points((lon - lon0) * kx, (lat - lat0) * ky)

    layers = {"pharmacy": pharmacy, "outpatient": outpatient, "inpatient": inpatient, **by_cat}

    def build():
        cell_pts = project(clon, clat)
        app_pts = project(alon, alat)
        trees = {}
        for name, keep in layers.items():
            ids = np.nonzero(keep)[0]
            trees[name] = (shapely.STRtree(project(ilon[ids], ilat[ids])), ids)
        return cell_pts, app_pts, trees

    index_ms, (cell_pts, app_pts, trees) = median_ms(runs, build)

    def covered(name):
        tree, ids = trees[name]
        c, t = tree.query(cell_pts, predicate="dwithin", distance=RADIUS * MARGIN)
        inst_ids = ids[t]
        inside = haversine(ilon[inst_ids], ilat[inst_ids], clon[c], clat[c]) <= RADIUS
        mask = np.zeros(len(cells), dtype=bool)
        mask[c[inside]] = True
        return mask

    def coverage():
        return [int(cpop[covered(n)].sum()) for n in ("pharmacy", "outpatient", "inpatient")]

    def nearest():
        best = np.full(len(apps), np.inf)
        for c in ("ordinary", "chronic", "special_drug"):
            sel = np.array([c in ac for ac in acats])
            q = np.nonzero(sel)[0]
            tree, ids = trees[c]
            # The planar nearest, then every candidate within a margin of it, by haversine.
            (qa, ti), dplanar = tree.query_nearest(app_pts[q], return_distance=True, all_matches=False)
            bound = np.zeros(len(q))
            bound[qa] = dplanar * MARGIN + 1.0
            qi, tj = tree.query(app_pts[q], predicate="dwithin", distance=bound)
            d = haversine(alon[q[qi]], alat[q[qi]], ilon[ids[tj]], ilat[ids[tj]])
            m = np.full(len(q), np.inf)
            np.minimum.at(m, qi, d)
            best[q] = np.minimum(best[q], m)
        return [None if not (d <= 50_000.0) else float(d) for d in best]

    def surface():
        return covered("ordinary")

    coverage_ms, covered_population = median_ms(runs, coverage)
    nearest_ms, nearest_m = median_ms(runs, nearest)
    surface_ms, surf = median_ms(runs, surface)
    report = {
        "tool": f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), numpy {np.__version__}",
        "runs": runs,
        "institutions": len(inst),
        "cells": len(cells),
        "applications": len(apps),
        "times": {"index_ms": index_ms, "coverage_ms": coverage_ms, "nearest_ms": nearest_ms, "surface_ms": surface_ms},
        "answers": {
            "total_population": int(cpop.sum()),
            "covered_population": covered_population,
            "nearest_m": nearest_m,
            "surface": "".join("0" if b else "1" for b in surf),
        },
    }
    with open(out_path, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
