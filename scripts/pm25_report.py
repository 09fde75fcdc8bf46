#!/usr/bin/python3
"""PM2.5 composition at the receptors from one or more runs, and an annual estimate from seasonal periods.

usage: /usr/bin/python3 scripts/pm25_report.py [--spinup H] [--observed FILE] LABEL=RUNDIR [LABEL=RUNDIR ...]

Each RUNDIR holds one run's *_receptors.csv. The first H hours (default 24: spin-up from the regional
background) are dropped; the rest are averaged per receptor. With several runs the annual estimate is
the plain mean of the runs' means (each run stands for one season: document the periods with the
numbers). Observed annual means (default inputs/receptors/observed_pm25.csv) are compared with it.
Prints markdown tables; writes RUNDIR-independent JSON to stdout with --json."""
import csv, glob, json, os, sys

COMP = ["PM25", "ASO4", "ANO3", "ANH4", "OA", "SOA", "POA", "PEC", "PMOTHR", "AH2O", "PM25_ambient"]


def read_run(d, spinup):
    files = sorted(glob.glob(os.path.join(d, "*_receptors.csv")))
    if not files:
        sys.exit(f"pm25_report: {d}: no *_receptors.csv")
    rows = []
    for f in files:
        with open(f) as fh:
            rows += list(csv.DictReader(fh))
    times = sorted({r["time"] for r in rows})
    keep = set(times[spinup:])
    acc, n, diu = {}, {}, {}
    for r in rows:
        if r["time"] in keep and "ANO3" in r:  # nitrate by Beijing hour (UTC + 8), hour-ending
            h = (int(r["time"][11:13]) + 8) % 24
            dd = diu.setdefault(r["receptor"], [[0.0, 0] for _ in range(24)])
            dd[h][0] += float(r["ANO3"]); dd[h][1] += 1
    for r in rows:
        if r["time"] not in keep:
            continue
        a = acc.setdefault(r["receptor"], {k: 0.0 for k in COMP if k in r})
        for k in a:
            a[k] += float(r[k])
        n[r["receptor"]] = n.get(r["receptor"], 0) + 1
    if not n:
        sys.exit(f"pm25_report: {d}: nothing left after {spinup} h of spin-up")
    mean = {rec: {k: v / n[rec] for k, v in a.items()} for rec, a in acc.items()}
    for rec, dd in diu.items():
        mean[rec]["_no3_by_hour"] = [x / c if c else float("nan") for x, c in dd]
    return mean, len(keep), times[spinup]


def read_observed(path):
    out = []
    with open(path) as fh:
        for r in csv.DictReader(l for l in fh if not l.startswith("#")):
            out.append((r["place"], r["year"], float(r["pm25"]), r["receptors"].split(";"), r["source"]))
    return out


def main(argv):
    spinup, obsf, runs, as_json = 24, "inputs/receptors/observed_pm25.csv", [], False
    i = 0
    while i < len(argv):
        if argv[i] == "--spinup":
            spinup = int(argv[i + 1]); i += 2
        elif argv[i] == "--observed":
            obsf = argv[i + 1]; i += 2
        elif argv[i] == "--json":
            as_json = True; i += 1
        else:
            lab, _, d = argv[i].partition("=")
            runs.append((lab, d)); i += 1
    if not runs:
        sys.exit(__doc__)
    means = {}
    for lab, d in runs:
        m, nh, first = read_run(d, spinup)
        means[lab] = m
        print(f"\n### {lab}: {nh} h from {first} ({d}), mean ug m-3\n")
        keys = [k for k in COMP if k in next(iter(m.values()))]
        town = [r for r in ("Wujin", "Jiangyin", "Zhangjiagang") if r in m and "_no3_by_hour" in m[r]]
        if town:
            nh_ = [sum(m[r]["_no3_by_hour"][h] for r in town) / len(town) for h in range(24)]
            night = sum(nh_[h] for h in (0, 1, 2, 3, 4, 5, 6)) / 7
            day = sum(nh_[h] for h in (11, 12, 13, 14, 15, 16)) / 6
            print(f"\nnitrate at the three towns by Beijing hour (hour-ending) 01..24: "
                  + " ".join(f"{nh_[h % 24]:.1f}" for h in range(1, 25))
                  + f"\nnight (00-07) mean {night:.1f}, afternoon (11-17) mean {day:.1f} ug m-3")
        print("| receptor | " + " | ".join(keys) + " |")
        print("|---|" + "---|" * len(keys))
        for rec in ("Wujin", "Jiangyin", "Zhangjiagang"):
            if rec in m:
                print(f"| {rec} | " + " | ".join(f"{m[rec][k]:.1f}" for k in keys) + " |")
    annual = {}
    recs = set.intersection(*(set(m) for m in means.values()))
    for rec in recs:
        annual[rec] = {k: sum(means[l][rec][k] for l, _ in runs) / len(runs) for k in means[runs[0][0]][rec]
                       if not k.startswith("_")}
    obs = read_observed(obsf) if os.path.exists(obsf) else []
    res = []
    if obs:
        print(f"\n### Annual estimate (mean of {len(runs)} period(s): {', '.join(l for l, _ in runs)}) vs observed\n")
        print("| place | observed (year) | model PM25 | model / observed | receptors |")
        print("|---|---|---|---|---|")
        for place, year, val, rl, src in obs:
            have = [r for r in rl if r in annual]
            if not have:
                continue
            mv = sum(annual[r]["PM25"] for r in have) / len(have)
            res.append({"place": place, "observed": val, "year": year, "model": mv, "ratio": mv / val, "receptors": have})
            print(f"| {place} | {val:g} ({year}) | {mv:.1f} | {mv / val:.2f} | {' '.join(have)} |")
    if as_json:
        print(json.dumps({"spinup_h": spinup, "periods": [l for l, _ in runs], "comparison": res}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
