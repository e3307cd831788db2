#!/usr/bin/env python3
"""Rebuild data/places/*.csv from the reference gazetteer (kommuner.csv, postnummer.csv).

    python scripts/build_gazetteer.py [--reference /work/shared/reference]

The reference files and their sources are described in GAZETTEER_SOURCES.md next to them;
data/places/SOURCES.md carries the attribution the licences require. The repo only needs
the built files, so this script is for refreshing them, not for running the bot.
Standard library only.
"""
import argparse
import csv
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "places"
CHECKED = "2024-01-17 (kommune list) / 2026-01-05 (postnumre) / 2025-01-02 (SKDE catchment)"

# Oslo bydeler: number and name as in SKDE's opptaksområde table (mong/mongts, see SOURCES.md).
# The postnummer ranges are a hand-picked core of each bydel, used only to place an approximate
# centre (median of the Bolstad postnummer points); they are not an official postnummer->bydel table.
BYDELER = [
    ("030101", "Gamle Oslo", [(650, 660)]),
    ("030102", "Grünerløkka", [(550, 569)]),
    ("030103", "Sagene", [(454, 476)]),
    ("030104", "St. Hanshaugen", [(165, 175)]),
    ("030105", "Frogner", [(250, 272)]),
    ("030106", "Ullern", [(277, 284), (380, 383)]),
    ("030107", "Vestre Aker", [(750, 791)]),
    ("030108", "Nordre Aker", [(850, 884)]),
    ("030109", "Bjerke", [(581, 598)]),
    ("030110", "Grorud", [(950, 959)]),
    ("030111", "Stovner", [(976, 988)]),
    ("030112", "Alna", [(1051, 1089), (671, 676)]),
    ("030113", "Østensjø", [(677, 694)]),
    ("030114", "Nordstrand", [(1150, 1189)]),
    ("030115", "Søndre Nordstrand", [(1250, 1295)]),
    ("030116", "Sentrum", [(151, 164)]),
    ("030117", "Marka", [(758, 758), (890, 891)]),
]
# SKDE labels for Oslo's bydeler -> the health trust responsible for the area, plus the local
# hospital where SKDE names a private hospital (Lovisenberg, Diakonhjemmet) inside OUS's area.
SKDE_OSLO = {
    "OUS": ("Oslo universitetssykehus HF", ""),
    "Ahus": ("Akershus universitetssykehus HF", ""),
    "Lovisenberg": ("Oslo universitetssykehus HF", "Lovisenberg Diakonale Sykehus"),
    "Diakonhjemmet": ("Oslo universitetssykehus HF", "Diakonhjemmet Sykehus"),
}
# Fylke names people still use after the 2020 and 2024 reforms -> today's fylkesnummer.
FYLKE_ALIASES = {
    "Hordaland": "46", "Sogn og Fjordane": "46", "Hedmark": "34", "Oppland": "34",
    "Aust-Agder": "42", "Vest-Agder": "42", "Sør-Trøndelag": "50", "Nord-Trøndelag": "50",
    "Sørlandet": "42",
    "Viken": "31|32|33", "Vestfold og Telemark": "39|40", "Troms og Finnmark": "55|56",
}


def read(path: Path) -> list:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(path: Path, fields: list, rows: list) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def build_kommuner(rows: list) -> list:
    out = []
    for r in rows:
        hf, note = r["helseforetak"], r["hf_note"]
        if r["kommunenummer"] == "0301":  # split by bydel; the bydel rows carry the detail
            hf, note = "Oslo universitetssykehus HF", "split by bydel (see bydeler.csv)"
        out.append({
            "kommunenummer": r["kommunenummer"], "name": r["name"], "name_no": r["name_no"],
            "alt_names": r["alt_names"], "fylke": r["fylke"], "fylkesnummer": r["fylkesnummer"],
            "adm_center": r["adm_center"], "lat": r["lat"], "lon": r["lon"],
            "coord_method": r["coord_method"], "helseforetak": hf, "helseforetak_note": note,
            "checked": CHECKED,
        })
    return out


def build_bydeler(oslo: dict, postnumre: list) -> list:
    points = {int(p["postnummer"]): (float(p["lat"]), float(p["lon"]))
              for p in postnumre if p["kommunenummer"] == "0301" and p["lat"]}
    skde = dict(re.findall(r"(\d{6})=(\w+)", oslo["helseforetak_skde"]))
    out = []
    for number, name, ranges in BYDELER:
        codes = [c for lo, hi in ranges for c in range(lo, hi + 1) if c in points]
        hf, local = SKDE_OSLO[skde[number]]
        out.append({
            "bydelsnummer": number, "name": name,
            "lat": round(statistics.median(points[c][0] for c in codes), 4),
            "lon": round(statistics.median(points[c][1] for c in codes), 4),
            "coord_method": f"median of {len(codes)} Bolstad postnummer points "
                            + ",".join(f"{lo:04d}-{hi:04d}" for lo, hi in ranges) + " (APPROX)",
            "helseforetak": hf, "local_hospital": local, "skde_label": skde[number],
            "checked": CHECKED,
        })
    return out


def build_fylker(kommuner: list, postnumre: list) -> list:
    per_kommune = Counter(p["kommunenummer"] for p in postnumre)
    by_fylke = defaultdict(list)
    for k in kommuner:
        by_fylke[k["fylkesnummer"]].append(k)
    out = []
    for number, ks in sorted(by_fylke.items()):
        # No population figures in the reference: the kommune with most postnumre stands in
        # for "the largest town", which is what a person saying only the fylke needs.
        central = max(ks, key=lambda k: (per_kommune[k["kommunenummer"]], k["kommunenummer"]))
        aliases = [a for a, nums in FYLKE_ALIASES.items() if nums == number]
        out.append({
            "fylkesnummer": number, "name": ks[0]["fylke"], "aliases": "|".join(aliases),
            "central_kommunenummer": central["kommunenummer"],
            "central_method": "kommune with most postnumre (proxy for largest town; APPROX)",
        })
    shared = [{"fylkesnummer": nums, "name": alias, "aliases": "", "central_kommunenummer": "",
               "central_method": "former fylke now split; ask which"}
              for alias, nums in FYLKE_ALIASES.items() if "|" in nums]
    return out + shared


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default="/work/shared/reference", type=Path)
    parser.add_argument("--out", default=OUT, type=Path, help="output folder (default data/places)")
    args = parser.parse_args(argv)
    out = args.out
    kommuner_ref = read(args.reference / "kommuner.csv")
    postnumre = read(args.reference / "postnummer.csv")
    out.mkdir(parents=True, exist_ok=True)
    kommuner = build_kommuner(kommuner_ref)
    write(out / "kommuner.csv", list(kommuner[0]), kommuner)
    fields = ["postnummer", "poststed", "kommunenummer", "lat", "lon", "coord_source"]
    write(out / "postnummer.csv", fields, [{f: p[f] for f in fields} for p in postnumre])
    oslo = next(r for r in kommuner_ref if r["kommunenummer"] == "0301")
    bydeler = build_bydeler(oslo, postnumre)
    write(out / "bydeler.csv", list(bydeler[0]), bydeler)
    fylker = build_fylker(kommuner, postnumre)
    write(out / "fylker.csv", list(fylker[0]), fylker)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
