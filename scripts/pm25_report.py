#!/usr/bin/python3
"""PM2.5 composition at the receptors from one or more runs, and an annual estimate from seasonal periods.

usage: /usr/bin/python3 scripts/pm25_report.py [--spinup H] [--observed FILE] [--diurnal F1,F2,...]
                                             LABEL=RUNDIR [LABEL=RUNDIR ...]

Each RUNDIR holds one run's *_receptors.csv. The first H hours (default 24: spin-up from the regional
background) are dropped; the rest are averaged per receptor. With several runs the annual estimate is
the plain mean of the runs' means (each run stands for one season: document the periods with the
numbers). Observed annual means (default inputs/receptors/observed_pm25.csv) are compared with it.
Per run it also prints each component's share of PM25, the mean by Beijing hour at the three towns of
nitrate and of the --diurnal fields (e.g. NO2_ppb,NO_ppb,O3_ppb), and, when the run wrote surface met
(output.met: T2, RH2, PRECIP), the nights: per town and night (hours ending 21-06 LST) the mean
nitrate, T2 and RH2 and the nitrate rise from 21 to 06 LST; their correlations, and nitrate on
cold-and-humid nights (T2 below and RH2 above the run's medians) against the other nights, over all
nights and over the dry ones (rain washes nitrate out whatever the temperature).
Prints markdown tables; writes RUNDIR-independent JSON to stdout with --json."""
import csv, glob, json, os, sys

DIURNAL = ["ANO3"]  # extended by --diurnal
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
    for r in rows:  # fields by Beijing hour (UTC + 8), hour-ending
        if r["time"] not in keep:
            continue
        h = (int(r["time"][11:13]) + 8) % 24
        for f in DIURNAL:
            if f in r:
                dd = diu.setdefault((r["receptor"], f), [[0.0, 0] for _ in range(24)])
                dd[h][0] += float(r[f]); dd[h][1] += 1
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
    for (rec, f), dd in diu.items():
        mean[rec]["_by_hour_" + f] = [x / c if c else float("nan") for x, c in dd]
    mean["_nights"] = nights(rows, keep)
    return mean, len(keep), times[spinup]


def nights(rows, keep):
    """per town and night (the night that starts on the Beijing evening of date D: hours ending
    21:00..06:00 LST) the mean of ANO3, T2, RH2; {} without T2/RH2"""
    out = {}
    for r in rows:
        if r["time"] not in keep or "T2" not in r or "ANO3" not in r:
            continue
        if r["receptor"] not in ("Wujin", "Jiangyin", "Zhangjiagang"):
            continue
        hu = int(r["time"][11:13])  # UTC hour-ending; Beijing = +8
        h = (hu + 8) % 24
        if not (h >= 21 or h <= 6):
            continue
        key = (r["receptor"], r["time"][:10])  # 21-06 LST hour-ending = 13-22 UTC: one UTC date
        a = out.setdefault(key, [0.0, 0.0, 0.0, 0, 0.0, None, None])
        a[0] += float(r["ANO3"]); a[1] += float(r["T2"]); a[2] += float(r["RH2"]); a[3] += 1
        a[4] += float(r.get("PRECIP", 0.0))
        if h == 21:
            a[5] = float(r["ANO3"])
        if h == 6:
            a[6] = float(r["ANO3"])
    return {k: (a[0] / a[3], a[1] / a[3], a[2] / a[3], a[4], a[6] - a[5]) for k, a in out.items()
            if a[3] >= 8 and a[5] is not None and a[6] is not None}


def corr(x, y):
    n = len(x)
    if n < 3:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x); syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else float("nan")


def print_nights(ng):
    """nightly nitrate against T2 and RH2, over all nights and over the dry ones (< 0.1 mm of rain in
    the night: rain washes nitrate out, whatever the temperature)"""
    if not ng:
        return
    for label, v in (("all", list(ng.values())), ("dry (< 0.1 mm rain)", [a for a in ng.values() if a[3] < 0.1])):
        if len(v) < 3:
            continue
        no3, t2, rh = [a[0] for a in v], [a[1] for a in v], [a[2] for a in v]
        tm, rm = sorted(t2)[len(t2) // 2], sorted(rh)[len(rh) // 2]
        ch = [a[0] for a in v if a[1] < tm and a[2] > rm]
        ot = [a[0] for a in v if not (a[1] < tm and a[2] > rm)]
        rise = [a[4] for a in v]
        rch = [a[4] for a in v if a[1] < tm and a[2] > rm]
        rot = [a[4] for a in v if not (a[1] < tm and a[2] > rm)]
        avg = lambda x: sum(x) / len(x) if x else float("nan")
        print(f"nights (21-06 LST) at the towns, {label}: {len(v)} town-nights; correlation of nightly nitrate "
              f"with T2 {corr(no3, t2):+.2f}, with RH2 {corr(no3, rh):+.2f}; nitrate on cold-and-humid nights "
              f"(T2 < {tm - 273.15:.1f} C and RH2 > {rm:.2f}): {avg(ch):.1f} ug m-3 ({len(ch)}) vs the other "
              f"nights {avg(ot):.1f} ({len(ot)}); night-time rise (06 minus 21 LST): {avg(rch):+.1f} vs "
              f"{avg(rot):+.1f} ug m-3, correlation with T2 {corr(rise, t2):+.2f}, with RH2 {corr(rise, rh):+.2f}")


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
        elif argv[i] == "--diurnal":
            DIURNAL.extend(f for f in argv[i + 1].split(",") if f and f not in DIURNAL); i += 2
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
        ng = m.pop("_nights")
        keys = [k for k in COMP if k in next(iter(m.values()))]
        town = [r for r in ("Wujin", "Jiangyin", "Zhangjiagang") if r in m]
        for f in DIURNAL:
            have = [r for r in town if "_by_hour_" + f in m[r]]
            if not have:
                continue
            by = [sum(m[r]["_by_hour_" + f][h] for r in have) / len(have) for h in range(24)]
            print(f"{f} at the three towns by Beijing hour (hour-ending) 01..24: "
                  + " ".join(f"{by[h % 24]:.1f}" for h in range(1, 25)))
            if f == "ANO3":
                night = sum(by[h] for h in (0, 1, 2, 3, 4, 5, 6)) / 7
                day = sum(by[h] for h in (11, 12, 13, 14, 15, 16)) / 6
                print(f"night (00-07) mean {night:.1f}, afternoon (11-17) mean {day:.1f} ug m-3")
        print_nights(ng)
        print("\n| receptor | " + " | ".join(keys) + " |")
        print("|---|" + "---|" * len(keys))
        for rec in ("Wujin", "Jiangyin", "Zhangjiagang"):
            if rec in m:
                print(f"| {rec} | " + " | ".join(f"{m[rec][k]:.1f}" for k in keys) + " |")
        share = [k for k in keys if k not in ("PM25", "PM25_ambient", "AH2O")]
        print("\nshare of PM25 (%):\n\n| receptor | " + " | ".join(share) + " |")
        print("|---|" + "---|" * len(share))
        for rec in ("Wujin", "Jiangyin", "Zhangjiagang"):
            if rec in m and m[rec]["PM25"] > 0:
                print(f"| {rec} | " + " | ".join(f"{100 * m[rec][k] / m[rec]['PM25']:.0f}" for k in share) + " |")
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
