#!/usr/bin/python3
"""budget_report.py — mean domain budget per hour over a run, from its hourly *_budget.csv files.

usage: /usr/bin/python3 scripts/budget_report.py RUNDIR [--spinup H] [SPECIES ...]
Drops the first H hours (default 24, as pm25_report.py) and prints, per species, the mean mass in the
domain (kg) and the mean emitted, inflow, outflow, chem, wet and dry-deposited amounts (kg per hour).
Default species: SO2 ASO4 HNO3 ANO3 NH3 ANH4. Used for the month budgets in
docs/science-aerosol-coupling.md."""
import csv, glob, sys
from collections import defaultdict

def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__.split("\n")[2])
    d, spinup, species = argv[0], 24, []
    i = 1
    while i < len(argv):
        if argv[i] == "--spinup":
            spinup = int(argv[i + 1]); i += 2
        else:
            species.append(argv[i]); i += 1
    species = species or ["SO2", "ASO4", "HNO3", "ANO3", "NH3", "ANH4"]
    files = sorted(glob.glob(f"{d}/*_budget.csv"))
    if not files:
        sys.exit(f"budget_report: {d}: no *_budget.csv")
    rows = [r for f in files for r in csv.DictReader(open(f))]
    keep = set(sorted({r["time"] for r in rows})[spinup:])
    keys = ("mass_start", "emitted", "inflow", "outflow", "chem", "wet", "deposited")
    acc, n = defaultdict(lambda: dict.fromkeys(keys, 0.0)), defaultdict(int)
    for r in rows:
        if r["time"] in keep and r["species"] in species:
            n[r["species"]] += 1
            for k in keys:
                acc[r["species"]][k] += float(r[k])
    print("species hours " + " ".join(keys) + "   (mass_start in kg, the rest in kg per hour)")
    for s in species:
        if n[s]:
            print(s, n[s], " ".join(f"{acc[s][k] / n[s]:.0f}" for k in keys))

if __name__ == "__main__":
    main(sys.argv[1:])
