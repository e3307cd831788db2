"""Place resolution from free text: what counts as a place, what does not, and the online look-up.

The big table of places across all fylker lives in tests/test_nearest.py (place + nearest unit).
"""
import importlib.util
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from bot import ROOT, places_online
from bot.gazetteer import PLACES_DIR, gazetteer
from bot.places import resolve_place

NO_PLACE = [
    "jeg har det vondt og trenger hjelp nå",
    "mamma drikker hver dag",
    "han er på ski",
    "jeg ringer om en time",
    "jeg tror ikke jeg klarer mer",
    "siden 2019 har jeg drukket hver helg",
    "ring meg på 22 33 44 55",
    "hjelp",
    "Nå orker jeg ikke mer",
    "pappa er full igjen i kveld",
    "jeg er i sentrum",
    "jeg er redd for broren min",
    "kan jeg møte opp selv?",
    "hva er åpent nå?",
    "jeg har tatt for mange piller",
    "hun sover og jeg får ikke vekket henne",
    "Jeg har vært rusfri i ett år",
    "hørte du hva hun sa",
    "kommer det regn i helga",
    "blir kasta ut av leiligheten på fredag",
    "har mistet LAR-plassen",
    "hei losen",
    "jeg vet ikke hva jeg skal gjøre, kjæresten min har drukket hele helgen og nå ligger han på sofaen "
    "og puster rart, og jeg har ikke noen å ringe til her ute på landet langt fra byen",
    "",
]


@pytest.mark.parametrize("message", NO_PLACE)
def test_ordinary_messages_name_no_place(message):
    assert resolve_place(message).status == "none"


AMBIGUOUS = [
    ("jeg bor i Våler", {("kommune", "3114"), ("kommune", "3419")}),
    ("Herøy", {("kommune", "1515"), ("kommune", "1818")}),
    ("Os", {("kommune", "3430"), ("poststed", "4624")}),  # Os i Innlandet or Os in Bjørnafjorden
    ("jeg er fra Kvam", {("kommune", "4622"), ("poststed", "3436")}),
    ("Lund", {("kommune", "1112"), ("poststed", "5007")}),
    ("på Frogner", {("bydel", "0301"), ("poststed", "3205")}),
    ("Viken", {("fylke", "3107"), ("fylke", "3201"), ("fylke", "3301")}),
]


@pytest.mark.parametrize("message,expected", AMBIGUOUS)
def test_names_with_several_places_return_candidates(message, expected):
    resolution = resolve_place(message)
    assert resolution.status == "ambiguous"
    assert resolution.place is None
    assert {(c.kind, c.kommunenummer) for c in resolution.candidates} == expected


KINDS = [
    ("0557", "postnummer", "Oslo", "0301"),
    ("postnummer 2019", "postnummer", "Skedsmokorset", "3205"),  # a year-like code with a cue
    ("jeg bor på Grünerløkka", "bydel", "Grünerløkka", "0301"),
    ("St. Hanshaugen", "bydel", "St. Hanshaugen", "0301"),
    ("i Mo i Rana", "poststed", "Mo i Rana", "1833"),  # not just "Rana"
    ("nord i Finnmark", "fylke", "Finnmark", "5601"),
    ("i Hordaland", "fylke", "Vestland", "4601"),  # former fylke name
    ("Nord-Aurdal", "kommune", "Nord-Aurdal", "3451"),
    ("nord aurdal", "kommune", "Nord-Aurdal", "3451"),
    ("Guovdageaidnu - Kautokeino", "kommune", "Kautokeino", "5612"),
    ("Unjárga", "kommune", "Nesseby", "5636"),
    ("baerum", "kommune", "Bærum", "3201"),
    ("BERGEN", "kommune", "Bergen", "4601"),
    ("Aalesund", "kommune", "Ålesund", "1508"),
    ("drammn", "kommune", "Drammen", "3301"),
    ("fredriksta", "kommune", "Fredrikstad", "3107"),
    ("Tromsøs legevakt", "kommune", "Tromsø", "5501"),
]


@pytest.mark.parametrize("message,kind,name,kommunenummer", KINDS)
def test_kinds_spellings_and_inflection(message, kind, name, kommunenummer):
    resolution = resolve_place(message)
    assert resolution.status == "found", resolution
    place = resolution.place
    assert (place.kind, place.name, place.kommunenummer) == (kind, name, kommunenummer)
    assert place.lat is not None and place.helseforetak


def test_fylke_is_flagged_as_an_approximation():
    place = resolve_place("nord i Finnmark").place
    assert place.approximate and place.kommune == "Alta" and place.matched == "Finnmark"
    assert not resolve_place("Alta").place.approximate


def test_oslo_bydel_carries_its_own_health_trust():
    assert resolve_place("Stovner").place.helseforetak == "Akershus universitetssykehus HF"
    assert resolve_place("Frogner i Oslo").place.helseforetak == "Oslo universitetssykehus HF"


def test_common_word_names_need_a_capital_or_a_preposition():
    assert resolve_place("jeg sitter på Nes").place.kommunenummer == "3228"
    assert resolve_place("vi bor i hole").place.kommunenummer == "3310"
    assert resolve_place("det er et hole i veggen").status == "none"  # no capital, no preposition
    assert resolve_place("er på Time nå").place.kommunenummer == "1121"
    assert resolve_place("det tar en time").status == "none"


def test_where_the_person_is_beats_where_they_come_from():
    place = resolve_place("jeg er fra Tromsø, men nå er jeg i Bergen").place
    assert place.kommunenummer == "4601"


# --- optional online look-up (Kartverket stedsnavn), against a fake server on 127.0.0.1 ---

HIT = {"metadata": {"totaltAntallTreff": 1}, "navn": [{
    "skrivemåte": "Skjolden", "navneobjekttype": "Tettsted",
    "representasjonspunkt": {"koordsys": 4326, "nord": 61.4847, "øst": 7.6042},
    "fylker": [{"fylkesnavn": "Vestland", "fylkesnummer": "46"}],
    "kommuner": [{"kommunenummer": "4644", "kommunenavn": "Luster"}]}]}


class FakeStedsnavn(BaseHTTPRequestHandler):
    mode = "ok"
    queries: list = []

    def do_GET(self):  # noqa: N802 (http.server API)
        FakeStedsnavn.queries.append(parse_qs(urlparse(self.path).query))
        if self.mode == "slow":
            time.sleep(3)
            return  # the client has given up by now; writing would only hit a closed socket
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps(HIT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_api(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeStedsnavn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeStedsnavn.queries = []
    monkeypatch.setenv("LOSEN_ONLINE_PLACES", "1")
    monkeypatch.setenv("LOSEN_PLACES_API_URL", f"http://127.0.0.1:{server.server_port}")
    yield FakeStedsnavn
    server.shutdown()
    server.server_close()
    FakeStedsnavn.mode = "ok"


MESSAGE = "jeg er på Skjoldenbrygga nå"  # not in the gazetteer


def test_online_lookup_is_off_by_default(monkeypatch):
    monkeypatch.delenv("LOSEN_ONLINE_PLACES", raising=False)
    assert not places_online.enabled()
    assert resolve_place(MESSAGE).status == "none"


def test_online_lookup_finds_a_place(fake_api):
    resolution = resolve_place(MESSAGE)
    assert resolution.status == "found"
    place = resolution.place
    assert (place.name, place.kommunenummer, place.helseforetak) == ("Skjolden", "4644", "Helse Førde HF")
    assert (place.lat, place.lon) == (61.4847, 7.6042)
    assert place.approximate and place.source == "kartverket-stedsnavn"
    assert fake_api.queries[0]["sok"] == ["Skjoldenbrygga"] and fake_api.queries[0]["fuzzy"] == ["true"]


def test_online_lookup_is_not_asked_when_the_gazetteer_knows(fake_api):
    assert resolve_place("jeg er på Lillehammer").place.source == "gazetteer"
    assert fake_api.queries == []


def test_online_timeout_falls_back_cleanly(fake_api):
    # The server answers after 3 s, past the client's 2 s timeout: no place, no error. How long
    # it takes is measured in bench/places.py, not asserted here.
    fake_api.mode = "slow"
    assert resolve_place(MESSAGE).status == "none"


def test_online_http_500_falls_back_cleanly(fake_api):
    fake_api.mode = "error"
    assert resolve_place(MESSAGE).status == "none"
    assert len(fake_api.queries) == 1


REFERENCE = Path("/work/shared/reference")


def test_gazetteer_holds_every_kommune_bydel_and_fylke():
    g = gazetteer()
    assert len(g.kommuner) == 357 and len(g.fylker) == 15
    assert len(g.postnumre) == 5121 - 8  # Svalbard/Jan Mayen have no coordinates
    assert {p.name for ps in g.index.values() for p in ps if p.kind == "bydel"} >= {"Gamle Oslo", "Søndre Nordstrand"}


@pytest.mark.skipif(not (REFERENCE / "kommuner.csv").exists(), reason="reference gazetteer not on this machine")
def test_build_script_reproduces_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--reference", str(REFERENCE), "--out", str(tmp_path)]) == 0
    for name in ("kommuner.csv", "postnummer.csv", "bydeler.csv", "fylker.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (PLACES_DIR / name).read_text(encoding="utf-8")


def test_answer_to_which_place_picks_one_candidate():
    from bot.places import choose_candidate
    valer = resolve_place("jeg bor i Våler").candidates
    assert choose_candidate(valer, "den i Østfold").kommunenummer == "3114"
    assert choose_candidate(valer, "innlandet").kommunenummer == "3419"
    assert choose_candidate(valer, "vet ikke") is None
    os_ = resolve_place("Os").candidates
    assert choose_candidate(os_, "Os i Bjørnafjorden").kommunenummer == "4624"
    assert choose_candidate(resolve_place("Herøy").candidates, "Nordland").kommunenummer == "1818"
