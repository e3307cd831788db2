"""The place-name index behind bot.places: every name a person may use for a Norwegian place.

Built once from data/places/*.csv (see data/places/SOURCES.md) and kept in memory. A name
(folded: lower case, no diacritics) points to the places it can mean, already narrowed the
way a person means it: a kommune beats a small poststed of the same name elsewhere, unless
the kommune has no poststed of that name itself (then both are candidates: "Os", "Kvam").
"""
from __future__ import annotations

import csv
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from bot import DATA

PLACES_DIR = DATA / "places"
# Letters NFKD does not take apart (Norwegian and Sami); folding both sides makes "tromso",
# "tromsoe" and "Tromsø" the same key.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t", "ß": "ss"})
KIND_RANK = {"kommune": 0, "bydel": 1, "fylke": 2, "poststed": 3, "postnummer": 3}


@dataclass(frozen=True)
class Place:
    kind: str  # kommune | poststed | postnummer | bydel | fylke
    name: str  # the place as named (e.g. "Grünerløkka", "Mo i Rana", "Finnmark")
    kommunenummer: str
    kommune: str
    fylke: str
    lat: float | None
    lon: float | None
    helseforetak: str
    postnummer: str = ""
    matched: str = ""  # the words of the message that named it
    approximate: bool = False  # a fylke stood in for by its largest town, or an online hit
    source: str = "gazetteer"

    def to_dict(self) -> dict:
        return asdict(self)

    def with_match(self, matched: str) -> "Place":
        return replace(self, matched=matched)


def fold(text: str) -> str:
    """Lower-case, strip diacritics, turn "oe"/"aa" spellings and punctuation into one form."""
    text = text.lower().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("aa", "a").replace("oe", "o")
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def _read(name: str) -> list:
    with (PLACES_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _words(name: str) -> frozenset:
    words = set()
    for line in (PLACES_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(fold(w) for w in line.split())
    return frozenset(words)


def _short_fylke(name: str) -> str:
    return name.split(" - ")[0]  # "Troms - Romsa - Tromssa" -> "Troms"


class Gazetteer:
    def __init__(self):
        self.kommuner: dict[str, Place] = {}
        self.postnumre: dict[str, Place] = {}
        self.fylker: dict[str, Place] = {}
        self._entries: dict[str, list[Place]] = defaultdict(list)
        self._own_poststeder: dict[str, set] = defaultdict(set)  # kommunenummer -> folded poststeder
        self._load_kommuner()
        self._load_postnumre()
        self._load_bydeler()
        self._load_fylker()
        self.index: dict[str, tuple] = {k: self._narrow(v) for k, v in self._entries.items()}
        self.kommune_keys = [k for k, v in self.index.items() if any(p.kind == "kommune" for p in v)]
        self.keys = list(self.index)
        self.strict = _words("strict_words.txt")
        self.weak = _words("weak_words.txt")
        self.common = _words("common_words.txt")

    def _add(self, name: str, place: Place) -> None:
        key = fold(name)
        if key and place not in self._entries[key]:
            self._entries[key].append(place)

    def _load_kommuner(self) -> None:
        for r in _read("kommuner.csv"):
            place = Place("kommune", r["name_no"], r["kommunenummer"], r["name_no"],
                          _short_fylke(r["fylke"]), float(r["lat"]), float(r["lon"]), r["helseforetak"])
            self.kommuner[r["kommunenummer"]] = place
            for name in [r["name_no"], r["name"], *r["name"].split(" - "), *r["alt_names"].split("|")]:
                self._add(name, place)
            if r["adm_center"] and fold(r["adm_center"]) != fold(r["name_no"]):
                self._add(r["adm_center"], replace(place, kind="poststed", name=r["adm_center"]))

    def _load_postnumre(self) -> None:
        groups = defaultdict(list)
        for r in _read("postnummer.csv"):
            kommune = self.kommuner.get(r["kommunenummer"])
            if kommune is None or not r["lat"]:
                continue  # Svalbard/Jan Mayen: no kommune row and no coordinates in the reference
            lat, lon = float(r["lat"]), float(r["lon"])
            self.postnumre[r["postnummer"]] = replace(
                kommune, kind="postnummer", name=r["poststed"], lat=lat, lon=lon, postnummer=r["postnummer"])
            groups[(r["poststed"], r["kommunenummer"])].append((lat, lon))
        for (poststed, number), points in groups.items():
            kommune = self.kommuner[number]
            self._own_poststeder[number].add(fold(poststed))
            self._add(poststed, replace(kommune, kind="poststed", name=poststed,
                                        lat=round(statistics.median(p[0] for p in points), 4),
                                        lon=round(statistics.median(p[1] for p in points), 4),
                                        postnummer=str(len(points))))  # count, replaced below

    def _load_bydeler(self) -> None:
        oslo = self.kommuner["0301"]
        for r in _read("bydeler.csv"):
            place = replace(oslo, kind="bydel", name=r["name"], lat=float(r["lat"]),
                            lon=float(r["lon"]), helseforetak=r["helseforetak"], approximate=True)
            # "Sentrum" and "Marka" alone are ordinary words in every town: only "Oslo sentrum".
            if fold(r["name"]) not in ("sentrum", "marka"):
                self._add(r["name"], place)
            self._add(f"Oslo {r['name']}", place)
            self._add(f"{r['name']} i Oslo", place)

    def _load_fylker(self) -> None:
        for r in _read("fylker.csv"):
            numbers = r["fylkesnummer"].split("|")
            if len(numbers) == 1:
                central = self.kommuner[r["central_kommunenummer"]]
                place = replace(central, kind="fylke", name=_short_fylke(r["name"]), approximate=True)
                self.fylker[numbers[0]] = place
                names = [*r["name"].split(" - "), *filter(None, r["aliases"].split("|"))]
                for name in names:
                    self._add(name, place)
        for r in _read("fylker.csv"):  # former fylker now split: all parts are candidates
            if "|" in r["fylkesnummer"]:
                for number in r["fylkesnummer"].split("|"):
                    self._add(r["name"], self.fylker[number])

    def _narrow(self, places: list) -> tuple:
        """Which of the places sharing one name a person most likely means (several = ask)."""
        kommuner = [p for p in places if p.kind == "kommune"]
        if kommuner:
            own = any(fold(p.name) in self._own_poststeder[p.kommunenummer] for p in kommuner)
            numbers = {p.kommunenummer for p in kommuner}
            others = [] if own else [p for p in places if p.kind == "poststed" and p.kommunenummer not in numbers]
            return tuple(_clean(kommuner + [p for p in places if p.kind == "bydel"] + others))
        bydeler = [p for p in places if p.kind == "bydel"]
        if bydeler:
            return tuple(_clean(bydeler + [p for p in places if p.kind == "poststed"]))
        fylker = [p for p in places if p.kind == "fylke"]
        if fylker:
            return tuple(_clean(fylker))
        # The same poststed in several kommuner (Bryne, Molde, Sortland) is one town: take the
        # kommune holding most of its postnumre.
        names = {fold(p.name) for p in places}
        if len(names) == 1 and len(places) > 1:
            return tuple(_clean([max(places, key=lambda p: int(p.postnummer or 0))]))
        return tuple(_clean(places))


def _clean(places: list) -> list:
    seen, out = set(), []
    for p in sorted(places, key=lambda p: KIND_RANK[p.kind]):
        key = (p.kind, p.kommunenummer, p.name)
        if key not in seen:
            seen.add(key)
            out.append(replace(p, postnummer="") if p.kind == "poststed" else p)
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
