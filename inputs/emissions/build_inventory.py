#!/usr/bin/env python3
"""build_inventory.py - writes the built-in Wu-Cheng-Sha inventory files in this directory
(points.csv, area_totals.csv) and the arithmetic tables of docs/science.md
(inventory_tables.md) from the capacities, activity data and emission factors below.

Every number is either cited (see SOURCES) or marked EST (an estimate of this project, with the
reasoning in docs/science.md). Run:  /usr/bin/python3 build_inventory.py
surrogates.csv, polylines.csv and profiles.csv are hand-written data files (not generated).
"""
import csv, math, os

HERE = os.path.dirname(os.path.abspath(__file__))
POLS = ["SO2", "NOX", "CO", "NH3", "VOC", "PM25_EC", "PM25_OC", "PM25_OTHER"]

# ---------------------------------------------------------------- emission factors
# Flue gas x ultra-low-emission (ULE) concentration limits.
#  [ULE-steel] MEE et al. 2019, Opinions on promoting ultra-low emissions in the iron and steel
#   industry (Huan Da Qi [2019] No. 35): sinter/pellet machine head PM 10, SO2 35, NOx 50 mg/Nm3;
#   coke-oven combustion 10/30/150; hot-blast stoves and reheating furnaces 10/50/200; other
#   dedusting stacks PM 10.
#  [ULE-power] NDRC/MEP/NEA 2015, Upgrade plan for coal power energy saving and emission
#   reduction (Fa Gai Neng Yuan [2015] 2909): PM 10, SO2 35, NOx 50 mg/Nm3 (6 % O2).
#  [GB13223] GB 13223-2011 gas turbines NOx 50 mg/Nm3 (15 % O2).
#  [AP42-1.1], [AP42-3.1]: US EPA AP-42 5th ed., sec. 1.1 (bituminous coal: CO 0.5 lb/ton,
#   TOC-methane ~0.06 lb/ton) and sec. 3.1 (gas turbines: SO2 0.0034, PM 0.0066, CO (lean
#   premix) 0.015, VOC 0.0021 lb/MMBtu).
#  [HJ562] HJ 562-2010 SCR ammonia slip <= 2.5 mg/Nm3.
MG = 1e-6  # mg -> kg

# steel, per tonne crude steel: (process, flue gas Nm3/t steel [EST], PM, SO2, NOx mg/Nm3)
STEEL_PROC = [("sinter/pellet", 2400, 10, 35, 50),
              ("coke-oven combustion", 300, 10, 30, 150),
              ("hot-blast stove", 1100, 10, 50, 200),
              ("reheating furnace", 500, 10, 50, 200),
              ("dedusting (BOF, cast house, handling)", 8000, 10, 0, 0)]
def steel_ef():
    so2 = sum(v * s for _, v, _, s, _ in STEEL_PROC) * MG
    nox = sum(v * n for _, v, _, _, n in STEEL_PROC) * MG
    pm = sum(v * p for _, v, p, _, _ in STEEL_PROC) * MG
    pm25 = pm * 0.7 + 0.05          # PM2.5/PM 0.7 [EST] + fugitive 0.05 kg/t [EST]
    return {"SO2": so2, "NOX": nox, "PM25": pm25,
            "CO": 22.0 * 1.2,       # 22 kg CO/t sinter [EST, Chinese sinter-plant literature order] x 1.2 t sinter/t steel [EST]
            "VOC": 0.15, "NH3": 0.01}   # [EST] coke/sinter VOC; SCR/SNCR slip
# cement, per tonne clinker: kiln 2300 Nm3/t [EST] at 10/35/50 mg (Jiangsu cement ULE) + fugitive
def cement_ef():
    v = 2300
    return {"SO2": v * 35 * MG, "NOX": v * 50 * MG, "PM25": v * 10 * MG * 0.7 + 0.05,
            "CO": 1.0, "VOC": 0.05, "NH3": v * 8 * MG}   # CO, VOC [EST]; SNCR slip 8 mg [EST]
# coal power per MWh: 0.40 t raw coal/MWh (300 gce/kWh x 29.3/22 MJ/kg) x 8000 Nm3/t = 3200 Nm3
def coal_power_ef():
    v, coal = 3200, 0.40
    return {"SO2": v * 35 * MG, "NOX": v * 50 * MG, "PM25": v * 10 * MG * 0.7,
            "CO": 0.25 * coal, "VOC": 0.03 * coal, "NH3": v * 2.5 * MG}
# gas CHP per MWh: heat rate 6.3 GJ/MWh; 0.862 Nm3/MJ at 15 % O2 -> 5430 Nm3/MWh
LB_MMBTU = 0.45359237 / 1.055056   # lb/MMBtu -> kg/GJ
def gas_chp_ef():
    hr, v = 6.3, 5430
    return {"SO2": 0.0034 * LB_MMBTU * hr, "NOX": v * 50 * MG, "PM25": 0.0066 * LB_MMBTU * hr,
            "CO": 0.015 * LB_MMBTU * hr, "VOC": 0.0021 * LB_MMBTU * hr, "NH3": v * 2.5 * MG}
# ship engines, g/kWh [EST: China Stage I / IMO Tier II order; fuel S: inland 10 mg/kg,
# sea-going 0.1 % (seed 001 line 509); 70/30 mix]
SHIP = {"NOX": 9.0, "SO2": 0.7 * 210 * 10e-6 * 2 + 0.3 * 210 * 0.001 * 2, "PM25": 0.25,
        "VOC": 0.4, "CO": 1.2, "NH3": 0.0}
# PM2.5 split (EC, OC; other = rest) per sector [EST, typical of SPECIATE/MEIC profiles]
SPLIT = {"steel": (0.02, 0.05), "cement": (0.01, 0.03), "power": (0.02, 0.04),
         "gas_chp": (0.05, 0.25), "chemical": (0.03, 0.15), "port": (0.30, 0.30),
         "shipping": (0.30, 0.30), "traffic": (0.45, 0.25), "residential": (0.10, 0.50),
         "industry": (0.05, 0.12), "boiler": (0.04, 0.06), "agriculture": (0.0, 0.0)}

def split_pm(d, sector):
    ec, oc = SPLIT[sector]
    pm = d.pop("PM25", 0.0)
    d["PM25_EC"], d["PM25_OC"], d["PM25_OTHER"] = pm * ec, pm * oc, pm * (1 - ec - oc)
    return d

# ---------------------------------------------------------------- point sources
# (id, name, name_zh, sector, lon, lat, loc_note, kind, activity, act_note, stack h, d, v, T)
STEEL_STACK = (100, 6.0, 15, 353)
COAL_STACK = (240, 7.0, 20, 325)
GAS_STACK = (60, 6.0, 18, 360)
CEM_STACK = (100, 4.5, 15, 400)
P = []
def steel(i, n, z, lon, lat, loc, mt, note, parts=1):
    for k in range(parts):
        dl = (k - (parts - 1) / 2) * 0.012
        P.append((i if parts == 1 else f"{i}{k+1}", n if parts == 1 else f"{n} #{k+1}", z, "steel",
                  lon + dl, lat, loc, "steel", mt * 1e6 / parts, note, *STEEL_STACK))
steel("JY_XC", "Xingcheng Special Steel", "兴澄特钢", 120.330, 31.935, "address Binjiang E Rd (±3 km)", 4.52, "2011 crude steel 4.52 Mt (xinghaishibei.com.cn 2012-07-20)")
steel("JY_HX", "Huaxi Iron and Steel", "华西钢铁", 120.430, 31.825, "Huashi town (±3 km)", 2.0, "EST 2.0 Mt")
steel("JY_XS", "Xicheng Sanlian", "西城三联", 120.160, 31.935, "Lingang riverside (±5 km, uncertain)", 2.0, "EST 2.0 Mt")
steel("JY_HR", "Huarun Steel", "华润制钢", 120.395, 31.870, "Zhouzhuang (±5 km, uncertain)", 1.0, "EST 1.0 Mt")
steel("ZJG_SG", "Shagang (Hongchang)", "沙钢", 120.639, 31.983, "GEM approximate 31.983146,120.638992", 27.0, "0.9 x ~30 Mt capacity (GEM wiki Jiangsu Shagang; 30.6 Mt steelmaking by end-2009, lgmi.com)", parts=3)
steel("ZJG_YG", "Yonggang", "永钢", 120.760, 31.965, "Nanfeng/Yonglian, ~15 km from Shagang (±4 km)", 9.0, "EST 9 Mt")
steel("CZ_ZT", "Zhongtian (Zenith) Steel", "中天钢铁", 120.0796, 31.7077, "GEM exact 31.707656,120.079591", 3.33, "0.9 x 3.70 Mt operating BOF capacity (GEM wiki Zenith Steel)")
steel("CZ_DF", "Dongfang Special Steel", "东方特钢", 119.800, 31.640, "Wujin west (uncertain, ±8 km)", 3.0, "EST 3 Mt")
steel("CZ_ST", "Shente Steel (Liyang)", "申特钢铁", 119.450, 31.420, "Liyang town-level EST (outside default domain)", 2.43, "0.9 x 2.7 Mt registered steelmaking capacity (asianmetal.com news 1589679)")
# Changzhou's 4 cement works (seed 002 line 45) are NOT listed: no source found names them with a
# position and clinker capacity (docs/science.md, "Cement"). Changzhou's clinker kilns are in Liyang
# and Jintan (ccement.com/news/content/18719.html), west of / at the edge of the default domain.
def power(i, n, z, lon, lat, loc, mw, hours, note, kind, stack):
    P.append((i, n, z, "power", lon, lat, loc, kind, mw * hours, f"{mw} MW x {hours} h ({note})", *stack))
power("JY_LG", "Ligang Power", "利港电力", 120.105, 31.950, "Ligang town riverside (±3 km)", 2600, 4500, "capacity EST ~2x350+2x370+2x600-class, to verify", "coal", COAL_STACK)
power("JY_SL", "Sulong Thermal Power", "苏龙热电", 120.220, 31.945, "Xiagang riverside (±4 km); in Jiangyin per seed 001 l.4, 511", 1000, 4500, "capacity EST", "coal", COAL_STACK)
power("JY_ZB", "Zhoubei Thermal Power", "周北热电", 120.400, 31.880, "north of Zhouzhuang (±4 km)", 100, 5500, "EST back-pressure CHP", "coal", (120, 3.5, 15, 330))
power("JY_QY", "Qingyang park gas CHP 4x9F", "青阳园区燃机", 120.235, 31.775, "Qingyang town (±3 km)", 4 * 400, 3500, "planned 14th FYP, seed 001 line 783", "gas", GAS_STACK)
power("JY_RJ", "Jiangyin gas-turbine CHP 2x9F+2x6F", "江阴燃机热电", 120.180, 31.930, "location uncertain (±6 km)", 2 * 400 + 2 * 120, 3500, "planned 14th FYP, seed 001 line 783", "gas", GAS_STACK)
# Lingang chemical park: 3 representative stacks; park totals EST (t/yr)
CHEM_TOT = {"SO2": 200, "NOX": 600, "CO": 300, "NH3": 20, "VOC": 3000, "PM25": 60}
for k, (lon, lat) in enumerate([(120.13, 31.945), (120.19, 31.94), (120.24, 31.945)]):
    P.append((f"JY_LGC{k+1}", f"Lingang chemical park stack {k+1}", f"临港化工园区{k+1}", "chemical",
              lon, lat, "Lingang riverside (±3 km)", "chem", 1 / 3, "1/3 of EST park totals", 40, 1.5, 10, 320))
# ports: ships at berth (auxiliary engines) as low stacks; 38 berths at Jiangyin (seed 001 l.208)
for i, n, z, lon, lat, berths in [("JY_PORT", "Jiangyin port", "江阴港", 120.250, 31.945, 38),
                                  ("ZJG_PORT", "Zhangjiagang port", "张家港港", 120.440, 31.965, 76)]:
    kwh = berths * 0.5 * 250 * 8760   # 50 % occupancy [EST] x 250 kW aux load [EST]
    P.append((i, n, z, "port", lon, lat, "port area (±3 km)", "port", kwh,
              f"{berths} berths x 0.5 x 250 kW x 8760 h" + (" (EST 2x Jiangyin)" if berths == 76 else ""), 15, 0.4, 10, 573))

def point_emis(row):
    kind, act = row[7], row[8]
    if kind == "steel": e = {k: v * act / 1000 for k, v in steel_ef().items()}; sp = "steel"
    elif kind == "cement": e = {k: v * act / 1000 for k, v in cement_ef().items()}; sp = "cement"
    elif kind == "coal": e = {k: v * act / 1000 for k, v in coal_power_ef().items()}; sp = "power"
    elif kind == "gas": e = {k: v * act / 1000 for k, v in gas_chp_ef().items()}; sp = "gas_chp"
    elif kind == "chem": e = {k: v * act for k, v in CHEM_TOT.items()}; sp = "chemical"
    elif kind == "port": e = {k: v * act / 1e6 for k, v in SHIP.items()}; sp = "port"
    return split_pm(e, sp)

# ---------------------------------------------------------------- area sources
# population 2020, million [EST from 2020 census figures as remembered, ±5 %], cropland ha [EST;
# Jiangyin from seed 001: < 0.3 mu per resident]
REG = {  # name: (pop M, heavy industry?, cropland ha, boiler coal share of Jiangyin per capita)
    "changzhou_urban": (2.17, 0, 20000, 0.5), "wujin": (1.76, 1, 40000, 1.0),
    "jintan": (0.58, 0, 45000, 0.5), "jiangyin": (1.78, 1, 1.78e6 * 0.3 / 15, 1.0),
    "wuxi_urban": (4.00, 0, 25000, 0.5), "yixing": (1.29, 0, 60000, 0.5),
    "zhangjiagang": (1.43, 1, 30000, 1.0), "changshu": (1.68, 1, 50000, 0.8),
    "jingjiang": (0.67, 0, 35000, 0.5), "taixing": (1.07, 0, 60000, 0.5),
    "danyang": (0.98, 0, 50000, 0.5)}
RES = {"SO2": 0.05, "NOX": 0.25, "PM25": 0.20, "VOC": 1.2, "NH3": 0.35, "CO": 1.5}   # kg/cap [EST]
IND = {1: {"SO2": 1.0, "NOX": 2.0, "PM25": 0.8, "VOC": 6.0, "NH3": 0.1, "CO": 8.0},   # kg/cap [EST]
       0: {"SO2": 0.5, "NOX": 1.2, "PM25": 0.5, "VOC": 4.0, "NH3": 0.05, "CO": 4.0}}
URB_VKT = 0.30 * 6000                                       # veh/cap x km/yr [EST]
URB_EF = {"NOX": 0.5, "PM25": 0.015, "VOC": 0.35, "CO": 2.5, "NH3": 0.025, "SO2": 0.0012}  # g/km [EST]
BOILER_COAL_PER_CAP = 2.7522e6 * 0.10 / 1.78e6              # t/cap: 10 % [EST] of Jiangyin's 2.7522 Mt non-utility coal (seed 001 line 5)
BOILER_EF = {"SO2": 0.35, "NOX": 0.5, "PM25": 0.07, "CO": 2.5, "VOC": 0.025, "NH3": 0.02}  # kg/t coal
NH3_PER_HA = 400 * 0.12 * 17 / 14 + 20                      # kg NH3/ha/yr [EST]
HWY_EF = {"NOX": 1.6, "PM25": 0.04, "VOC": 0.12, "CO": 1.0, "NH3": 0.02, "SO2": 0.0015}   # g/veh-km [EST]
HWY = {"G42": 110000, "G2": 70000, "G4221": 50000, "S38": 35000, "S39": 35000}           # AADT [EST]
SHIP_PASSAGES = 1000            # per day (seed 001 line 208: 800-1200 at Jiangyin)
SHIP_KWH_PER_KM = 600 / 12      # 800 kW x 75 % load at 12 km/h [EST]
CLUSTERS = [("changzhou_voc_clusters", "gauss:cz_clusters", 1028 * 5.0, "44 clusters, 1028 firms (seed 002) x 5 t/yr [EST]"),
            ("jiangyin_voc_clusters", "gauss:jy_clusters", 3000.0, "textile, chemical fibre, coating [EST]"),
            ("zhangjiagang_voc_clusters", "gauss:zjg_clusters", 3000.0, "Yangtze Intl Chemical Park, textiles [EST]")]

def line_km(name):
    pts = [(float(r["lon"]), float(r["lat"])) for r in csv.DictReader(
        l for l in open(os.path.join(HERE, "polylines.csv")) if not l.startswith("#")) if r["line"] == name]
    L = 0
    for (a, b), (c, d) in zip(pts, pts[1:]):
        L += math.hypot((c - a) * 111.320 * math.cos(math.radians(b)), (d - b) * 110.574)
    return L

def area_rows():
    rows = []
    for r, (pop, heavy, ha, bshare) in REG.items():
        rows.append((r, "residential", f"gauss:{r}", split_pm({k: v * pop * 1e6 / 1000 for k, v in RES.items()}, "residential"),
                     f"{pop} M people x per-capita factors"))
        rows.append((r, "industry", f"gauss:{r}", split_pm({k: v * pop * 1e6 / 1000 for k, v in IND[heavy].items()}, "industry"),
                     f"{pop} M x {'heavy' if heavy else 'light'}-industry per-capita factors"))
        rows.append((r, "traffic", f"gauss:{r}", split_pm({k: v * pop * 1e6 * URB_VKT / 1e6 for k, v in URB_EF.items()}, "traffic"),
                     f"{pop} M x {URB_VKT:.0f} veh-km/cap"))
        coal = pop * 1e6 * BOILER_COAL_PER_CAP * bshare
        rows.append((r, "power", f"gauss:{r}", split_pm({k: v * coal / 1000 for k, v in BOILER_EF.items()}, "boiler"),
                     f"{coal:.0f} t boiler coal"))
        rows.append((r, "agriculture", f"crop:{r}", {"NH3": ha * NH3_PER_HA / 1000}, f"{ha:.0f} ha x {NH3_PER_HA:.1f} kg/ha"))
    for name, sur, voc, note in CLUSTERS:
        rows.append((name, "industry", sur, {"VOC": voc}, note))
    for road, aadt in HWY.items():
        L = line_km(road)
        vkm = aadt * 365 * L
        rows.append((f"highway_{road}", "traffic", f"line:{road}",
                     split_pm({k: v * vkm / 1e6 for k, v in HWY_EF.items()}, "traffic"),
                     f"AADT {aadt} x 365 x {L:.1f} km"))
    L = line_km("yangtze")
    kwh = SHIP_PASSAGES * 365 * SHIP_KWH_PER_KM * L
    rows.append(("yangtze_channel", "shipping", "line:yangtze",
                 split_pm({k: v * kwh / 1e6 for k, v in SHIP.items()}, "shipping"),
                 f"{SHIP_PASSAGES}/d x 365 x {SHIP_KWH_PER_KM:.0f} kWh/km x {L:.1f} km"))
    return rows

def fmt(x): return f"{x:.4g}"

def main():
    hdr = "# {} - generated by build_inventory.py (do not edit by hand; edit the script).\n" \
          "# Units in the header; emissions are annual totals in t/yr (metric tonnes per udunits year).\n" \
          "# Every number's source and arithmetic: docs/science.md. EST = project estimate.\n"
    with open(os.path.join(HERE, "points.csv"), "w", newline="") as f:
        f.write(hdr.format("points.csv") + "# Coordinates: WGS84 degrees; accuracy per row in 'note'.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "name_zh", "sector", "lon", "lat", "height[m]", "diameter[m]", "velocity[m/s]",
                    "temperature[K]"] + [f"{p.lower()}[t/yr]" for p in POLS] + ["note"])
        for r in P:
            e = point_emis(r)
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:.4f}", f"{r[5]:.4f}", r[10], r[11], r[12], r[13]]
                       + [fmt(e.get(p, 0)) for p in POLS] + [r[6]])
    rows = area_rows()
    with open(os.path.join(HERE, "area_totals.csv"), "w", newline="") as f:
        f.write(hdr.format("area_totals.csv") + "# Region totals (whole region; the part outside the domain is dropped by the model).\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["region", "sector", "surrogate"] + [f"{p.lower()}[t/yr]" for p in POLS] + ["note"])
        for reg, sec, sur, e, note in rows:
            w.writerow([reg, sec, sur] + [fmt(e.get(p, 0)) for p in POLS] + [note])
    with open(os.path.join(HERE, "inventory_tables.md"), "w") as f:
        f.write("| id | facility | activity (t product, MWh, kWh or share) | basis | " + " | ".join(POLS) + " |\n")
        f.write("|---" * (4 + len(POLS)) + "|\n")
        for r in P:
            e = point_emis(r)
            f.write(f"| {r[0]} | {r[1]} {r[2]} | {r[8]:.4g} | {r[9]} | " + " | ".join(fmt(e.get(p, 0)) for p in POLS) + " |\n")
        f.write("\n| region | sector | surrogate | basis | " + " | ".join(POLS) + " |\n")
        f.write("|---" * (4 + len(POLS)) + "|\n")
        for reg, sec, sur, e, note in rows:
            f.write(f"| {reg} | {sec} | {sur} | {note} | " + " | ".join(fmt(e.get(p, 0)) for p in POLS) + " |\n")
        f.write("\nFactors per unit activity (kg per t steel / t clinker / MWh):\n\n")
        for n, d in [("steel", steel_ef()), ("cement", cement_ef()), ("coal power", coal_power_ef()), ("gas CHP", gas_chp_ef())]:
            f.write(f"- {n}: " + ", ".join(f"{k} {v:.4g}" for k, v in d.items()) + "\n")
        f.write("- ships (g/kWh): " + ", ".join(f"{k} {v:.4g}" for k, v in SHIP.items()) + "\n")

if __name__ == "__main__":
    main()
