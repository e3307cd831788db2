"""Nearest acute unit for a place: a table across every fylke, plus the honest "none here".

Ranking runs against tests/nearest_catalogue.yml, a frozen snapshot of the acute entries of
data/services.yml, so these expectations do not move when the live catalogue is edited.
"""
from pathlib import Path

import pytest

from bot.catalogue import load_catalogue
from bot.gazetteer import gazetteer
from bot.nearest import haversine_km, nearest_units
from bot.nearest_text import distance_text, nearest_lines, which_place_text
from bot.places import resolve_place

FIXTURE = Path(__file__).with_name("nearest_catalogue.yml")

# (message, expected kommunenummer, expected first unit id)
# First unit = the own health trust's unit where there is one, else the nearest in a straight line.
PLACES = [
    # Oslo
    ("jeg er på Grünerløkka", "0301", "ous-rusakuttmottaket"),
    ("Stovner", "0301", "ahus-ara-nordbyhagen-akutt"),  # bydel in Ahus' area
    ("0557", "0301", "ous-rusakuttmottaket"),
    ("jeg sitter på en benk i oslo", "0301", "ous-rusakuttmottaket"),
    ("Oslo sentrum", "0301", "ous-rusakuttmottaket"),
    # Akershus
    ("baerum", "3201", "vestre-viken-rusakutt-drammen"),
    ("jeg bor i Lørenskog", "3222", "ahus-ara-nordbyhagen-akutt"),
    ("er på Jessheim nå", "3209", "ahus-ara-nordbyhagen-akutt"),
    ("2000 Lillestrøm", "3205", "ahus-ara-nordbyhagen-akutt"),
    ("Nes", "3228", "ahus-ara-nordbyhagen-akutt"),
    # Østfold
    ("fra Fredrikstad", "3107", "so-psykiatrisk-akuttmottak-kalnes"),
    ("hun er på moss", "3103", "so-psykiatrisk-akuttmottak-kalnes"),
    ("Indre Østfold", "3118", "so-psykiatrisk-akuttmottak-kalnes"),
    ("jeg bor i Halden", "3101", "so-psykiatrisk-akuttmottak-kalnes"),
    # Buskerud
    ("Drammen", "3301", "vestre-viken-rusakutt-drammen"),
    ("jeg er på Geilo", "3330", "vestre-viken-rusakutt-drammen"),
    ("Kongsberg", "3303", "vestre-viken-rusakutt-drammen"),
    ("vi bor i Hole", "3310", "vestre-viken-rusakutt-drammen"),
    # Innlandet (no unit of its own in the catalogue)
    ("jeg er på lillehamer", "3405", "ous-rusakuttmottaket"),
    ("Hamar", "3403", "ahus-ara-nordbyhagen-akutt"),
    ("Kongsvinger", "3401", "ahus-ara-nordbyhagen-akutt"),  # Ahus' area
    ("Tynset", "3427", "stolav-rusakutt"),
    ("pappa er på Otta", "3437", "hmr-rusakutt"),
    # Vestfold (no unit of its own)
    ("Tønsberg", "3905", "so-psykiatrisk-akuttmottak-kalnes"),  # straight line crosses the Oslofjord
    ("i Larvik", "3909", "sthf-avrusning-akutt"),
    ("sandefjord", "3907", "sthf-avrusning-akutt"),
    ("Horten", "3901", "so-psykiatrisk-akuttmottak-kalnes"),  # likewise
    # Telemark
    ("Skien", "4003", "sthf-avrusning-akutt"),
    ("jeg er på Rjukan", "4026", "sthf-avrusning-akutt"),
    ("Kviteseid", "4028", "sthf-avrusning-akutt"),
    ("Bø i Telemark", "4020", "sthf-avrusning-akutt"),
    # Agder (no active unit)
    ("kristiansan", "4204", "sthf-avrusning-akutt"),  # Skien 149 km, Stavanger 159 km
    ("Arendal", "4203", "sthf-avrusning-akutt"),
    ("Flekkefjord", "4207", "sus-akuttpost-tsb"),
    ("på Evje", "4219", "sthf-avrusning-akutt"),
    # Rogaland
    ("Stavanger", "1103", "sus-akuttpost-tsb"),
    ("i Sandnes", "1108", "sus-akuttpost-tsb"),
    ("Bryne", "1121", "sus-akuttpost-tsb"),
    ("Haugesund", "1106", "sus-akuttpost-tsb"),  # Fonna has no unit; Stavanger is nearer than Bergen
    ("Egersund", "1101", "sus-akuttpost-tsb"),
    ("jeg bor i Hå", "1119", "sus-akuttpost-tsb"),
    # Vestland
    ("i Bergen", "4601", "helse-bergen-akuttposten"),
    ("Bergens legevakt", "4601", "helse-bergen-akuttposten"),
    ("Voss", "4621", "helse-bergen-akuttposten"),
    ("Førde", "4647", "hmr-rusakutt"),  # Ålesund 116 km, Bergen 123 km
    ("Stord", "4614", "helse-bergen-akuttposten"),
    ("jeg er i Knarvik", "4631", "helse-bergen-akuttposten"),
    ("Sogndal", "4640", "helse-bergen-akuttposten"),
    # Møre og Romsdal
    ("Ålesund", "1508", "hmr-rusakutt"),
    ("i molde", "1506", "hmr-rusakutt"),
    ("Kristiansund", "1505", "hmr-rusakutt"),
    ("Ørsta", "1520", "hmr-rusakutt"),
    # Trøndelag
    ("trondhiem", "5001", "stolav-rusakutt"),
    ("Tråante", "5001", "stolav-rusakutt"),
    ("Steinkjer", "5006", "stolav-rusakutt"),
    ("Snåase", "5041", "stolav-rusakutt"),
    ("på Røros", "5025", "stolav-rusakutt"),
    ("Levanger", "5037", "stolav-rusakutt"),
    # Nordland
    ("Bodø", "1804", "unn-avrusning-tromso"),
    ("jeg bor i Mo i Rana", "1833", "stolav-rusakutt"),
    ("Narvik", "1806", "unn-avrusning-tromso"),
    ("Fuossko", "1841", "unn-avrusning-tromso"),
    ("Hábmer", "1875", "unn-avrusning-tromso"),
    ("Sortland", "1870", "unn-avrusning-tromso"),
    # Troms
    ("fra tromso", "5501", "unn-avrusning-tromso"),
    ("Harstad", "5503", "unn-avrusning-tromso"),
    ("på Finnsnes", "5530", "unn-avrusning-tromso"),
    ("Ráisa", "5544", "unn-avrusning-tromso"),
    # Finnmark (no unit of its own)
    ("Kárášjohka", "5610", "unn-avrusning-tromso"),
    ("Guovdageaidnu", "5612", "unn-avrusning-tromso"),
    ("Kirkenes", "5605", "unn-avrusning-tromso"),
    ("Hammerfest", "5603", "unn-avrusning-tromso"),
    ("nord i Finnmark", "5601", "unn-avrusning-tromso"),
    ("9800", "5607", "unn-avrusning-tromso"),
]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(FIXTURE)


def test_table_covers_every_fylke():
    fylker = {gazetteer().kommuner[number].fylke for _, number, _ in PLACES}
    assert len(PLACES) >= 60
    assert fylker == {p.fylke for p in gazetteer().kommuner.values()}


@pytest.mark.parametrize("message,kommunenummer,unit_id", PLACES)
def test_place_and_nearest_unit(message, kommunenummer, unit_id, catalogue):
    resolution = resolve_place(message)
    assert resolution.status == "found", resolution
    assert resolution.place.kommunenummer == kommunenummer
    result = nearest_units(resolution.place, catalogue)
    assert result.units[0].id == unit_id, [(u.id, u.distance_km) for u in result.units]


def test_own_trust_comes_first_even_when_another_unit_is_nearer(catalogue):
    grorud = resolve_place("Grorud").place  # Oslo bydel in Ahus' area; OUS' unit is nearer
    units = nearest_units(grorud, catalogue).units
    assert units[0].id == "ahus-ara-nordbyhagen-akutt" and units[0].own_trust
    assert units[1].id == "ous-rusakuttmottaket" and units[1].distance_km < units[0].distance_km


def test_trust_without_unit_says_so_and_names_the_open_doors(catalogue):
    result = nearest_units(resolve_place("Lillehammer").place, catalogue)
    assert not result.own_trust_has_unit
    lines = nearest_lines(result)
    assert lines[0] == "Vi har ikke funnet en egen rusakutt hos Sykehuset Innlandet HF."
    assert "116 117" in lines[1] and "113" in lines[2]
    assert any(line.startswith("Rusakuttmottaket, Oslo universitetssykehus – ca. 132 km") for line in lines)


def test_trust_with_unit_leads_with_it(catalogue):
    # The frozen snapshot has Bergen as walk_in with a low-confidence 24/7 (see test_services_corrected
    # for the corrected live entry): the unit is named, but a low-confidence 24/7 is never "døgnåpen".
    lines = nearest_lines(nearest_units(resolve_place("i Bergen").place, catalogue))
    assert not any("ikke funnet" in line for line in lines)
    unit_line = next(line for line in lines if line.startswith("Akuttposten"))
    assert "ca. 2,0 km i luftlinje" in unit_line and "døgnåpen" not in unit_line
    assert unit_line.endswith("(oppgitt å ha inntak hele døgnet*)")
    assert "Telefon: 53 03 27 79*" in lines
    assert "Du kan møte opp selv." in lines
    assert lines[-1] == "Tider merket * er ikke bekreftet nylig – ring og sjekk."


@pytest.mark.parametrize("access,phone,expected", [
    ("walk_in", None, "Du kan møte opp selv."),
    ("call_first", "22 00 00 00", "Ring 22 00 00 00 før du drar."),
    ("call_first", None, "Ring legevakten på 116 117 før du drar."),
    ("via_legevakt", None, "Du kommer inn via legevakten: ring 116 117 først."),
    ("referral", None, "Du trenger henvisning fra lege: ring legevakten på 116 117 først."),
    ("unknown", None, "Ring legevakten på 116 117 først og spør hvordan du kommer inn."),
])
def test_every_way_in_is_something_to_act_on(access, phone, expected):
    from bot.nearest import RankedUnit
    from bot.nearest_text import access_text
    unit = RankedUnit(id="x", name="X", distance_km=3.0, own_trust=True, address=None, phone=phone,
                      access=access, always_open=False)
    assert access_text(unit, "116 117") == expected


def test_emergency_numbers_come_from_the_catalogue(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("value: 116 117", "value: 116 118")
    assert text != FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / "services.yml"
    path.write_text(text, encoding="utf-8")
    result = nearest_units(resolve_place("Alta").place, load_catalogue(path))
    assert result.legevakt_phone == "116 118"
    assert any("116 118" in line for line in nearest_lines(result))


def test_only_offerable_rusakutt_units_are_ranked(catalogue):
    ids = {u.id for u in nearest_units(resolve_place("Bodø").place, catalogue, limit=50).units}
    assert "nlsh-korttidsenhet-rus" not in ids  # unverified: never offered
    assert "rogaland-a-senter-akutt" not in ids  # closed
    assert "legevakt-116117" not in ids
    assert ids == {s.id for s in catalogue.offerable() if s.kind == "rusakutt"}


def test_place_without_coordinates_gets_only_the_open_doors(catalogue):
    from dataclasses import replace
    place = replace(resolve_place("Alta").place, lat=None, lon=None)
    result = nearest_units(place, catalogue)
    assert result.units == () and result.legevakt_phone and result.emergency_phone


def test_haversine_and_distance_text():
    assert 300 < haversine_km(59.9127, 10.7461, 60.3913, 5.3221) < 310  # Oslo - Bergen
    assert distance_text(12.4) == "ca. 12 km i luftlinje"
    assert distance_text(2.04) == "ca. 2,0 km i luftlinje"
    assert distance_text(0.4) == "under 1 km i luftlinje"


def test_which_place_names_the_fylke():
    text = which_place_text(resolve_place("jeg bor i Våler").candidates)
    assert text == "Mente du Våler i Østfold eller Våler i Innlandet?"


def test_cli_prints_place_and_ranked_units_as_json(capsys):
    import json

    from bot.cli import main
    assert main(["nearest", "jeg er på Lillehammer", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "found"
    assert {k: out["place"][k] for k in ("kommunenummer", "name")} == {"kommunenummer": "3405", "name": "Lillehammer"}
    assert out["nearest"]["units"] and all({"id", "distance_km"} <= set(u) for u in out["nearest"]["units"])
    order = [(not u["own_trust"], u["distance_km"]) for u in out["nearest"]["units"]]
    assert order == sorted(order)  # own trust first, then by distance


def test_cli_lists_candidates_when_ambiguous(capsys):
    from bot.cli import main
    assert main(["nearest", "Herøy"]) == 0
    out = capsys.readouterr().out
    assert "ambiguous" in out and "1515 Herøy" in out and "1818 Herøy" in out


def test_cli_says_when_no_place_is_named(capsys):
    from bot.cli import main
    assert main(["nearest", "jeg trenger hjelp nå"]) == 1
    assert "none" in capsys.readouterr().out
