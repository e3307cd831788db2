"""The service catalogue: the real data passes strict validation (on a fixed day), broken
entries are reported with id and field, skipped when not strict, refused when strict, and the
checks over time catch past-midnight cut-offs and stale "24/7" claims."""
import logging
import textwrap
from datetime import date

import pytest

from bot.catalogue import CatalogueError, fact_ages, fact_table, load_catalogue, read_catalogue
from bot.catalogue_fields import known_helseforetak
from bot.catalogue_sources import parse_checked
from bot.cli import main

TODAY = date(2026, 11, 23)

REQUIRED_IDS = [
    "medisinsk-nodtelefon-113", "politi-112", "legevakt-116117", "giftinformasjonen", "rusinfo",
    "mental-helse-hjelpetelefonen", "sidetmedord-chat", "kirkens-sos", "ivareta-parorendetelefonen",
    "bar-barsnakk", "alarmtelefonen-116111", "kors-pa-halsen", "dopingkontakten",
    "steroideprosjektet-informasjonssamtale", "hjelpelinjen-spilleavhengige",
]
REFERENCE_UNITS = [  # every kind: rusakutt entry of services-facts.yaml
    "ous-rusakuttmottaket", "ahus-ara-nordbyhagen-akutt", "vestre-viken-rusakutt-drammen",
    "sthf-avrusning-akutt", "sshf-ara-avgiftning", "so-psykiatrisk-akuttmottak-kalnes", "so-avrusning-moss",
    "innlandet-tsb",
    "siv-tsb", "helse-bergen-akuttposten", "sus-akuttpost-tsb", "rogaland-a-senter-akutt", "helse-fonna-tsb",
    "helse-forde-tsb", "stolav-rusakutt", "hmr-rusakutt", "hnt-ara-levanger", "unn-avrusning-tromso",
    "unn-avrusning-narvik", "nlsh-korttidsenhet-rus", "helgeland-rusavdelingen", "finnmark-tsb",
]


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(strict=True, today=TODAY)


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


def test_loaded_catalogue_follows_the_file(tmp_path):
    # load_catalogue reads the file it is given: a changed number in a copy shows up, the real file
    # keeps its own (an independent fact: 116 123 is Mental Helse's number in every source).
    text = (load_catalogue().path).read_text(encoding="utf-8").replace('value: "116 123"', 'value: "116 124"')
    path = tmp_path / "services.yml"
    path.write_text(text, encoding="utf-8")
    assert load_catalogue(path).get("mental-helse-hjelpetelefonen").channels[0].value == "116 124"
    assert load_catalogue().get("mental-helse-hjelpetelefonen").channels[0].value == "116 123"


def test_acute_units_say_how_to_get_in_with_a_source(catalogue):
    allowed = {"walk_in", "call_first", "via_legevakt", "referral", "unknown"}
    for service in catalogue.by_kind("rusakutt"):
        if service.offerable:
            block = service.facts["access"]
            assert block["value"] in allowed and block["source"], service.id
    # What the units' own pages say (read from the sources, not from the code):
    expected = {"ahus-ara-nordbyhagen-akutt": "call_first",       # vakttelefon for vurdering; last assessment 14.00
                "helse-bergen-akuttposten": "via_legevakt",      # walk-in only in a 2013 article, before the move
                "stolav-rusakutt": "via_legevakt",               # "ta kontakt med fastlege eller legevakt"
                "ous-rusakuttmottaket": "via_legevakt",          # no confirmed address or phone
                "vestre-viken-rusakutt-drammen": "walk_in"}      # 2025: some come by personal attendance
    assert {sid: catalogue.get(sid).access for sid in expected} == expected


def test_ostfold_moss_unit_is_listed_but_not_offered(catalogue):
    moss = catalogue.get("so-avrusning-moss")
    assert moss.status == "unverified" and not moss.offerable
    assert moss.helseforetak == "Sykehuset Østfold HF"
    assert catalogue.sources["so_rask_hjelp_2024"]["date"] == "2024-05-15"


def test_diakonhjemmet_shared_bydeler(catalogue):
    assert set(catalogue.get("ous-rusakuttmottaket").also_serves) == {"Grorud", "Stovner", "Alna"}


def test_no_confirmed_round_the_clock_claim_on_an_old_source(catalogue):
    # Sidetmedord's 24/7 was funded only until summer 2022: no hours are claimed now.
    sidet = catalogue.get("sidetmedord-chat").channels[0]
    assert (sidet.hours, sidet.confidence) == ("unknown", "unverified")
    for sid in ("ous-rusakuttmottaket", "helse-bergen-akuttposten", "stolav-rusakutt"):
        visit = catalogue.get(sid).channels[0]
        assert (visit.hours, visit.confidence) == ("24/7", "unverified")
        assert "seed_002" in visit.source  # the newest source that says so (about 2018)


def fact_file(tmp_path, body):
    path = tmp_path / "services.yml"
    path.write_text(textwrap.dedent("""
        sources:
          src: {url: "https://example.no", date: "2025-01-01"}
        services:
        """) + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8")
    return path


def helpline(sid, hours, confidence="low", checked="2026-01-01", kind="helpline"):
    return f"""
    - id: {sid}
      name: X {sid}
      kind: {kind}
      status: active
      audiences: [user]
      description: "X"
      channels:
        - {{type: chat, value: "https://example.no", hours: "{hours}", confidence: {confidence}, source: [src], checked: {checked}}}
    """


def test_past_midnight_cut_off_fails_the_strict_check(tmp_path):
    path = fact_file(tmp_path, helpline("semicolon", "Mo-We 18:30-22:30; Th-Fr 18:30-01:30; Sa-Su 14:30-01:30")
                     + helpline("comma", "Mo-We 18:30-22:30, Th-Fr 18:30-01:30, Sa-Su 14:30-01:30")
                     + helpline("holiday", "Mo-Fr 20:00-02:00; PH off")
                     + helpline("daytime", "Mo-Fr 11:00-14:30,15:00-18:00; PH off"))
    with pytest.raises(CatalogueError) as err:
        read_catalogue(path, strict=True, today=TODAY)
    found = {(p.id, p.field) for p in err.value.problems}
    assert found == {("semicolon", "channels[0].hours"), ("holiday", "channels[0].hours")}
    messages = " ".join(p.message for p in err.value.problems if p.id == "semicolon")
    assert "Sat 2026-11-28 00:00" in messages  # Friday's tail, lost on Saturday
    assert "Mon 2026-11-23 00:00" in messages  # Sunday's tail, lost on Monday
    assert "Thu 2026-04-02" in " ".join(p.message for p in err.value.problems if p.id == "holiday")  # skjærtorsdag
    # A normal load does not run the checks over time: the entries keep serving.
    assert [s.id for s in read_catalogue(path).services] == ["semicolon", "comma", "holiday", "daytime"]


def test_round_the_clock_on_a_source_older_than_two_years_fails(tmp_path):
    # 2024-11-22 is 731 days before 2026-11-23, 2024-11-24 is 729.
    path = fact_file(tmp_path, helpline("old", "24/7", checked="2024-11-22")
                     + helpline("fresh", "24/7", checked="2024-11-24")
                     + helpline("undated", "24/7", checked="undated")
                     + helpline("marked", "24/7", confidence="unverified", checked="2018")
                     + helpline("emergency", "24/7", checked="undated", kind="emergency"))
    with pytest.raises(CatalogueError) as err:
        read_catalogue(path, strict=True, today=TODAY)
    assert {p.id for p in err.value.problems} == {"old", "undated"}


def test_two_year_limit_moves_with_the_day(tmp_path):
    path = fact_file(tmp_path, helpline("old", "24/7", checked="2024-11-22"))
    assert read_catalogue(path, strict=True, today=date(2026, 11, 21)).problems == []  # 729 days
    with pytest.raises(CatalogueError):
        read_catalogue(path, strict=True, today=date(2026, 11, 24))  # 732 days


def test_fact_table_oldest_first(tmp_path):
    path = fact_file(tmp_path, helpline("recent", "Mo 10:00-12:00", checked="2025-06")
                     + helpline("old", "Mo 10:00-12:00", confidence="high", checked="2020")
                     + helpline("undated", "Mo 10:00-12:00", confidence="unverified", checked="undated"))
    rows = fact_ages(read_catalogue(path), TODAY)
    # 2020 means 2020-12-31 (2153 days before 2026-11-23); 2025-06 means 2025-06-30 (511 days).
    assert [(r.service_id, r.age_days, r.confidence) for r in rows] == [
        ("undated", None, "unverified"), ("old", 2153, "high"), ("recent", 511, "low")]
    table = fact_table(read_catalogue(path), TODAY).splitlines()
    assert table[1].split()[:3] == ["undated", "unverified", "undated"]
    assert table[2].split()[:4] == ["2153", "d", "high", "2020"]


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
        read_catalogue(broken_file, strict=True, today=TODAY)
    assert {(p.id, p.field) for p in err.value.problems} == EXPECTED
    assert "bad-number: channels[0].value" in str(err.value)


def test_catalogue_check_command_exit_codes(broken_file, capsys, monkeypatch):
    monkeypatch.setenv("LOSEN_NOW", "2026-11-23T12:00")  # the two-year limit on "24/7" counts from here
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
