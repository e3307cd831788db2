"""The services corrected in issue 16, through `python -m bot open --at … --units --json`, at
fixed moments. Every expected value is written by hand from the source named beside it:

- Kors på halsen: open 14-22 every single day (Framtida, October 2022).
- Kirkens SOS chat: Mon-Tue 18.30-22.30, Thu-Fri 18.30-01.30, Sat-Sun 14.30-01.30 (TV2 list,
  about 2023); Wednesday 18.30-22.30 (the only stretch both TV2 and the 2016 notice cover).
  No holiday rule in any source.
- Sidetmedord: no source newer than 2023 gives hours (24/7 was funded until summer 2022).
- Dopingkontakten phone: Tue-Fri 11-18 (seed 002, about 2018); holidays assumed closed.
- The rusakuttmottak in Oslo, Bergen and Trondheim: "available around the clock" (seed 002,
  about 2018; Oslo also 2011, Trondheim's undated page): open, but never called "døgnåpen".

Moments: Saturday 28 November 2026 15:00 and 00:30, langfredag 3 April 2026 12:00, and
Wednesday 25 November 2026 03:00 (after a Tuesday whose chat closed at 22.30).
"""
import json

import pytest

from bot.cli import main
from bot.nearest import nearest_units
from bot.nearest_text import nearest_lines
from bot.places import resolve_place

SAT_AFTERNOON, SAT_0030 = "2026-11-28T15:00", "2026-11-28T00:30"
GOOD_FRIDAY, WEEKDAY_0300 = "2026-04-03T12:00", "2026-11-25T03:00"
MONDAY_0030 = "2026-11-30T00:30"

# (service id, channel type) -> {moment: (state, closes_at, next_open)}
EXPECTED = {
    ("kors-pa-halsen", "phone"): {
        SAT_AFTERNOON: ("open", "2026-11-28T22:00:00+01:00", None),
        SAT_0030: ("closed", None, "2026-11-28T14:00:00+01:00"),
        GOOD_FRIDAY: ("closed", None, "2026-04-03T14:00:00+02:00"),
        WEEKDAY_0300: ("closed", None, "2026-11-25T14:00:00+01:00"),
    },
    ("kirkens-sos", "chat"): {
        SAT_AFTERNOON: ("open", "2026-11-29T01:30:00+01:00", None),
        SAT_0030: ("open", "2026-11-28T01:30:00+01:00", None),       # Friday's evening, after midnight
        MONDAY_0030: ("open", "2026-11-30T01:30:00+01:00", None),    # Sunday's evening, after midnight
        GOOD_FRIDAY: ("closed", None, "2026-04-03T18:30:00+02:00"),
        WEEKDAY_0300: ("closed", None, "2026-11-25T18:30:00+01:00"),
    },
    ("sidetmedord-chat", "chat"): {
        SAT_AFTERNOON: ("unknown", None, None), SAT_0030: ("unknown", None, None),
        GOOD_FRIDAY: ("unknown", None, None), WEEKDAY_0300: ("unknown", None, None),
    },
    ("dopingkontakten", "phone"): {
        SAT_AFTERNOON: ("closed", None, "2026-12-01T11:00:00+01:00"),
        SAT_0030: ("closed", None, "2026-12-01T11:00:00+01:00"),
        GOOD_FRIDAY: ("closed", None, "2026-04-07T11:00:00+02:00"),
        WEEKDAY_0300: ("closed", None, "2026-11-25T11:00:00+01:00"),
    },
}
for unit in ("ous-rusakuttmottaket", "helse-bergen-akuttposten", "stolav-rusakutt"):
    EXPECTED[(unit, "visit")] = {m: ("open", None, None) for m in (SAT_AFTERNOON, SAT_0030, GOOD_FRIDAY, WEEKDAY_0300)}

CASES = [(sid, kind, moment, want) for (sid, kind), moments in EXPECTED.items() for moment, want in moments.items()]


def open_at(capsys, moment):
    assert main(["open", "--at", moment, "--units", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["services"]


@pytest.mark.parametrize("sid,kind,moment,want", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_corrected_service_at_fixed_moment(capsys, sid, kind, moment, want):
    entries = [e for e in open_at(capsys, moment) if e["id"] == sid and e["channel"] == kind]
    assert len(entries) == 1, entries
    entry = entries[0]
    assert (entry["state"], entry["closes_at"], entry["next_open"]) == want


def test_text_never_calls_an_old_round_the_clock_claim_dognapen(capsys):
    assert main(["open", "--at", WEEKDAY_0300, "--units"]) == 0
    out = capsys.readouterr().out
    for name in ("Rusakuttmottaket, Oslo universitetssykehus", "Akuttposten (rusakutten)", "Rusakutt, St. Olavs hospital"):
        line = next(line for line in out.splitlines() if name in line and "oppmøte" in line)
        assert "døgnåpen" not in line and line.endswith("oppgitt å være åpen hele døgnet*")
    assert "Sidetmedord (Mental Helse chat), chat https://sidetmedord.no: vi vet ikke åpningstidene*" in out


def test_bergen_unit_goes_through_legevakt_with_116_117_first():
    lines = nearest_lines(nearest_units(resolve_place("i Bergen").place))
    assert lines[0] == "Legevakten svarer hele døgnet på 116 117."
    start = next(i for i, line in enumerate(lines) if line.startswith("Akuttposten"))
    unit = lines[start:start + 4]
    assert "døgnåpen" not in unit[0] and unit[0].endswith("(oppgitt å ha inntak hele døgnet*)")
    assert "Telefon: 53 03 27 79*" in unit  # from the page written before the unit moved
    assert "Du kommer inn via legevakten: ring 116 117 først." in unit
    assert lines[-1] == "Tider merket * er ikke bekreftet nylig – ring og sjekk."
    assert sum("Tider merket" in line for line in lines) == 1


def test_shared_oslo_bydel_is_offered_both_units():
    result = nearest_units(resolve_place("jeg er på Stovner").place)
    own = [u.id for u in result.units if u.own_trust]
    assert set(own[:2]) == {"ahus-ara-nordbyhagen-akutt", "ous-rusakuttmottaket"}
    lines = nearest_lines(result)
    assert "Ring legevakten på 116 117 før du drar." in lines  # Ahus: call first, number not published
    assert "Du kommer inn via legevakten: ring 116 117 først." in lines  # OUS
    # A bydel of OUS' own area is not affected.
    ullern = nearest_units(resolve_place("jeg bor på Ullern").place)
    assert [u.id for u in ullern.units if u.own_trust] == ["ous-rusakuttmottaket"]
