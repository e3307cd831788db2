"""The service catalogue: the real data passes strict validation, and broken entries are
reported with id and field, skipped when not strict, refused when strict."""
import logging
import textwrap

import pytest

from bot.catalogue import CatalogueError, load_catalogue, read_catalogue
from bot.catalogue_rules import known_helseforetak, parse_checked
from bot.cli import main

REQUIRED_IDS = [
    "medisinsk-nodtelefon-113", "politi-112", "legevakt-116117", "giftinformasjonen", "rusinfo",
    "mental-helse-hjelpetelefonen", "sidetmedord-chat", "kirkens-sos", "ivareta-parorendetelefonen",
    "bar-barsnakk", "alarmtelefonen-116111", "kors-pa-halsen", "dopingkontakten",
    "steroideprosjektet-informasjonssamtale", "hjelpelinjen-spilleavhengige",
]
REFERENCE_UNITS = [  # every kind: rusakutt entry of services-facts.yaml
    "ous-rusakuttmottaket", "ahus-ara-nordbyhagen-akutt", "vestre-viken-rusakutt-drammen",
    "sthf-avrusning-akutt", "sshf-ara-avgiftning", "so-psykiatrisk-akuttmottak-kalnes", "innlandet-tsb",
    "siv-tsb", "helse-bergen-akuttposten", "sus-akuttpost-tsb", "rogaland-a-senter-akutt", "helse-fonna-tsb",
    "helse-forde-tsb", "stolav-rusakutt", "hmr-rusakutt", "hnt-ara-levanger", "unn-avrusning-tromso",
    "unn-avrusning-narvik", "nlsh-korttidsenhet-rus", "helgeland-rusavdelingen", "finnmark-tsb",
]


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(strict=True)


def test_real_catalogue_is_valid_and_complete(catalogue):
    assert catalogue.problems == []
    ids = {s.id for s in catalogue.services}
    assert set(REQUIRED_IDS) <= ids
    assert {s.id for s in catalogue.by_kind("rusakutt")} == set(REFERENCE_UNITS)


def test_closed_and_unverified_units_are_never_offered(catalogue):
    offered = {s.id for s in catalogue.offerable()}
    assert catalogue.get("rogaland-a-senter-akutt").status == "closed"
    assert "rogaland-a-senter-akutt" not in offered
    assert "steroideprosjektet-informasjonssamtale" not in offered
    for service in catalogue.services:
        if service.status == "none_found":
            assert service.channels == () and service.id not in offered


def test_key_facts(catalogue):
    rusinfo = catalogue.get("rusinfo")
    phone = rusinfo.channels[0]
    assert (phone.type, phone.value, phone.confidence, phone.checked) == ("phone", "915 08 588", "low", "2026-10-08")
    assert "08558" in phone.note  # the seed-002 misprint is kept as a note, never offered
    assert all(c.value != "08588" for s in catalogue.services for c in s.channels)
    assert catalogue.get("mental-helse-hjelpetelefonen").channels[0].value == "116 123"
    assert catalogue.get("helse-bergen-akuttposten").helseforetak == "Helse Bergen HF"


def test_every_channel_and_fact_has_source_and_checked(catalogue):
    for service in catalogue.services:
        for channel in service.channels:
            assert channel.source and all(ref in catalogue.sources for ref in channel.source), service.id
            parse_checked(channel.checked)  # raises on a malformed date
        for name, block in service.facts.items():
            blocks = block if isinstance(block, list) else [block]
            for item in blocks:
                assert item["source"] and "checked" in item, (service.id, name)


def test_helseforetak_names_match_kommuner_csv(catalogue):
    names = known_helseforetak()
    assert "Helse Bergen HF" in names
    for service in catalogue.services:
        if service.helseforetak:
            assert service.helseforetak in names, service.id


def test_load_is_cached():
    assert load_catalogue() is load_catalogue()


BROKEN = textwrap.dedent("""
    sources:
      src: {url: "https://example.no", date: "2025-01-01"}
    services:
      - id: good
        name: God tjeneste
        kind: helpline
        status: active
        audiences: [user]
        description: "Fin."
        channels:
          - {type: phone, value: "22 59 13 00", hours: "24/7", confidence: high, source: [src], checked: 2025-01-01}
      - id: bad-hours
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        channels:
          - {type: phone, value: "22 59 13 00", hours: "Mo-Fr 25:00-99", confidence: high, source: [src], checked: 2025-01-01}
      - id: bad-number
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        channels:
          - {type: phone, value: "2259 1300", hours: "24/7", confidence: high, source: [src], checked: 2025-01-01}
      - id: bad-field
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        colour: blue
        channels: []
      - id: abroad
        name: X
        kind: rusakutt
        status: active
        audiences: [user]
        description: "X"
        channels: []
        location: {lat: 48.85, lon: 2.35, precision: "Paris", source: [src], checked: 2025-01-01}
      - id: bad-source
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        channels:
          - {type: phone, value: "113", hours: "24/7", confidence: high, source: [nowhere], checked: 2025-01-01}
      - id: no-checked
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        channels:
          - {type: phone, value: "113", hours: "24/7", confidence: high, source: [src]}
      - id: no-source
        name: X
        kind: helpline
        status: active
        audiences: [user]
        description: "X"
        channels:
          - {type: phone, value: "113", hours: "24/7", confidence: high, checked: 2025-01-01}
""")
EXPECTED = {
    ("bad-hours", "channels[0].hours"), ("bad-number", "channels[0].value"), ("bad-field", "colour"),
    ("abroad", "location"), ("bad-source", "channels[0].source"), ("no-checked", "channels[0].checked"),
    ("no-source", "channels[0].source"),
}


@pytest.fixture
def broken_file(tmp_path):
    path = tmp_path / "services.yml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_broken_entries_reported_with_id_and_field_and_skipped(broken_file, caplog):
    with caplog.at_level(logging.ERROR):
        catalogue = read_catalogue(broken_file)
    assert {(p.id, p.field) for p in catalogue.problems} == EXPECTED
    assert [s.id for s in catalogue.services] == ["good"]  # the rest keeps serving
    for sid, fieldname in EXPECTED:
        assert any(sid in r.getMessage() and fieldname in r.getMessage() for r in caplog.records)


def test_strict_load_lists_every_problem(broken_file):
    with pytest.raises(CatalogueError) as err:
        read_catalogue(broken_file, strict=True)
    assert {(p.id, p.field) for p in err.value.problems} == EXPECTED
    assert "bad-number: channels[0].value" in str(err.value)


def test_catalogue_check_command_exit_codes(broken_file, capsys):
    assert main(["catalogue", "check", "--strict", "--path", str(broken_file)]) == 1
    assert "abroad: location" in capsys.readouterr().out
    assert main(["catalogue", "check", "--strict"]) == 0
    assert "0 problem(s)" in capsys.readouterr().out


@pytest.mark.parametrize("value,expected", [
    ("2026-10-08", "2026-10-08"), ("2021-11", "2021-11-30"), ("2018", "2018-12-31"), ("undated", None),
])
def test_checked_values(value, expected):
    result = parse_checked(value)
    assert (result.isoformat() if result else None) == expected


def test_checked_rejects_garbage():
    with pytest.raises(ValueError):
        parse_checked("last spring")
