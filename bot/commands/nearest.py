"""`python -m bot nearest "TEXT" [--json]`: the place a message names and the nearest acute units."""
import json

from bot.nearest import nearest_units
from bot.nearest_text import nearest_text, place_text, which_place_text
from bot.places import resolve_place


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("nearest", help="nærmeste rusakutt for et sted i en melding")
    parser.add_argument("text", help='meldingen, f.eks. "jeg er på Lillehammer"')
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.add_argument("--limit", type=int, default=3, help="antall enheter (standard 3)")
    parser.set_defaults(func=run)


def run(args) -> int:
    resolution = resolve_place(args.text)
    result = nearest_units(resolution.place, limit=args.limit) if resolution.place else None
    if args.json:
        out = resolution.to_dict()
        out["nearest"] = result.to_dict() if result else None
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0 if resolution.status != "none" else 1
    if resolution.status == "none":
        print("status: none (no place found)")
        return 1
    if resolution.status == "ambiguous":
        print("status: ambiguous")
        for c in resolution.candidates:
            print(f"  {c.kommunenummer} {c.name} ({c.kind}, {c.kommune}, {c.fylke}) {c.lat}, {c.lon}")
        print(which_place_text(resolution.candidates))
        return 0
    p = resolution.place
    flag = " APPROX" if p.approximate else ""
    print(f"status: found {p.kind} {p.kommunenummer} {p.name} ({p.kommune}, {p.fylke}) "
          f"{p.lat}, {p.lon} – {p.helseforetak}{flag} [matched: {p.matched!r}]")
    for u in result.units:
        own = " own trust" if u.own_trust else ""
        print(f"  {u.id}  distance_km={u.distance_km}{own}")
    print("---")
    print(place_text(p))
    print(nearest_text(result))
    return 0
