"""Målform from the person's own words (bot/malform.py, data/malform.yml, issue 18).

The messages and their expected readings are written by hand: nynorsk as written in different
regions, bokmål, dialect spelled as spoken (neither), mixed, and very short messages. Unsure is
None, and the caller then keeps bokmål.
"""
import pytest
import yaml
from responses import in_malform

from bot import ROOT
from bot.malform import asks_for, detect_malform, tokens

NYNORSK = [
    "Eg veit ikkje kva eg skal gjere, mor mi har drukke heile dagen",
    "Far min ligg på golvet og eg får ikkje kontakt med han",
    "Korleis kan eg hjelpe bror min? Han drikk kvar dag",
    "Ho vaknar ikkje, kva skal eg gjera",                       # a-infinitive, Vestlandet
    "Sambuaren min har teke for mange tablettar og pustar rart",
    "Eg er så redd, dei slåst heime no",
    "Kven kan eg ringje til no midt på natta?",
    "Kvifor får eg ikkje hjelp frå legevakta?",
    "Eg treng nokon å snakke med",
    "Mykje av tida er han berre full",
    "Me veit ikkje kvar ho er, og ho svarar ikkje på telefonen",  # "me", Hordaland/Rogaland
    "Eg har vore rusfri i eit år, men no har eg sprukke",
    "Kan eg få hjelp sjølv om eg ikkje vil slutte?",
    "Eg vil ikkje leve meir",
]

BOKMAL = [
    "Jeg vet ikke hva jeg skal gjøre, mamma har drukket hele dagen",
    "Pappa ligger på gulvet og jeg får ikke kontakt",
    "Hvordan kan jeg hjelpe broren min?",
    "Hun våkner ikke",
    "Hvem kan jeg ringe nå?",
    "Jeg trenger noen å snakke med",
    "Kjæresten min har tatt for mange piller og puster rart",
    "Jeg vil ikke leve mer",
    "Hvorfor svarer ikke legevakten?",
    "jeg vet ikkje hva jeg skal gjøre",   # one dialect word in bokmål is still bokmål
    "jeg",
]

NEITHER = [
    # dialect spelled as spoken
    "æ e så redd, ho mor mi e full igjen",
    "ka ska æ gjør no",
    "Æ veit ikkje ka æ ska gjør",
    "pappa e på fylla og æ e aleina heime",
    "kem ska æ ring te?",
    "eg vett ikkje ka eg ska gjørr",          # Bergen speech, not written nynorsk
    "mamma drikk ikkje",                       # one nynorsk word alone
    # mixed
    "Eg veit ikke kva jeg skal gjøre",
    "Jeg bor på Voss og eg er redd",
    # could be either, or too short to say
    "Er det gratis å ringe?",
    "hei", "ok", "takk", "ja", "nei", "hjelp", "113", "", "ikkje", "eg", "no",
    "help my friend is not breathing",
]


@pytest.mark.parametrize("text", NYNORSK)
def test_nynorsk_is_read_as_nynorsk(text):
    assert detect_malform(text) == "nn"


@pytest.mark.parametrize("text", BOKMAL)
def test_bokmal_is_read_as_bokmal(text):
    assert detect_malform(text) == "nb"


@pytest.mark.parametrize("text", NEITHER)
def test_dialect_mixed_and_short_messages_are_unsure(text):
    assert detect_malform(text) is None


def test_capitals_and_a_typed_accent_do_not_change_the_reading():
    assert detect_malform("EG VEIT IKKJE KVA EG SKAL GJERE") == "nn"
    assert detect_malform("Eg er her o\u0300g") == "nn"   # "ò" typed as o + combining grave


@pytest.mark.parametrize("text,wanted", [
    ("kan du skrive nynorsk?", "nn"),
    ("Kan du skriva nynorsk?", "nn"),
    ("skriv på nynorsk", "nn"),
    ("Kan du svare på nynorsk, takk", "nn"),
    ("nynorsk", "nn"),
    ("kan du ikkje skrive nynorsk?", "nn"),     # a polite request, not a refusal
    ("ikkje bokmål, takk", "nn"),
    ("kan du bytte frå bokmål til nynorsk", "nn"),
    ("kan du skrive bokmål", "nb"),
    ("bokmål takk", "nb"),
    ("Eg vil heller ha bokmål", "nb"),
    ("skriv ikke på nynorsk", "nb"),
    ("nynorsk eller bokmål?", None),
    ("eg hadde nynorsk på skulen", None),
    ("mamma drikk og eg er redd", None),
    ("", None),
])
def test_asks_for(text, wanted):
    assert asks_for(text) == wanted


def all_texts(malform: str) -> list:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    faq = yaml.safe_load((ROOT / "data" / "nlu" / "faq.yml").read_text(encoding="utf-8"))
    return [v["text"] for source in (domain, faq) for variants in source["responses"].values()
            for v in in_malform(variants, malform) if v.get("text")]


def test_every_nynorsk_response_reads_as_nynorsk_or_unsure_never_bokmal():
    """Losen's own nynorsk texts never read as bokmål: a person who copies a line back is not
    switched by mistake."""
    nynorsk = all_texts("nn")
    assert len(nynorsk) > 200
    assert [t for t in nynorsk if detect_malform(t) == "nb"] == []
    # nearly every long one is clear (simplemma's small nynorsk table misses some words, such as
    # "legevakta" and "tilvising", so a long text may still come out unsure)
    long_ones = [t for t in nynorsk if len(t.split()) >= 25]
    assert sum(detect_malform(t) == "nn" for t in long_ones) >= 0.95 * len(long_ones)


def test_nynorsk_texts_have_no_bokmal_only_forms():
    """A word list check: none of the bokmål markers (data/malform.yml) in a nynorsk text."""
    bokmal = set(yaml.safe_load((ROOT / "data" / "malform.yml").read_text(encoding="utf-8"))["bokmal"])
    found = {(word, text[:40]) for text in all_texts("nn") for word in tokens(text) if word in bokmal}
    assert found == set()


def test_bokmal_responses_never_read_as_nynorsk():
    assert [t for t in all_texts("nb") if detect_malform(t) == "nn"] == []


# ---------------------------------------------------------------- choosing: asking, or the page's buttons
def _read(text, metadata=None, intent="out_of_scope"):
    from rasa.shared.nlu.training_data.message import Message

    from components.reading import LosenReading
    message = Message(data={"text": text, "metadata": metadata or {}, "intent": {"name": intent, "confidence": 0.6}})
    LosenReading._apply(message)
    return message.get("intent")["name"], {e["entity"]: e["value"] for e in message.get("entities")}


@pytest.mark.parametrize("text, predicted, wanted", [
    ("kan du skrive nynorsk?", "out_of_scope", "nn"),
    ("Bokmål", "inform_place", "nb"),
    ("kan du svare på bokmål i staden", "nlu_fallback", "nb"),
])
def test_asking_for_a_malform_is_a_choice_not_a_question(text, predicted, wanted):
    intent, entities = _read(text, intent=predicted)
    assert intent == "choose_malform" and entities["malform"] == wanted


def test_a_danger_message_that_also_asks_for_nynorsk_is_danger_first():
    intent, entities = _read("kan du skrive nynorsk? far min pustar ikkje og er heilt blå")
    assert intent == "danger_to_life" and entities["malform"] == "nn"


def test_the_choice_on_the_page_beats_the_words_and_nothing_else_is_taken():
    assert _read("hva er LAR?", metadata={"malform": "nn"})[1]["malform"] == "nn"
    assert _read("kva er LAR?", metadata={"malform": "nb"})[1]["malform"] == "nb"
    assert _read("hva er LAR?", metadata={"malform": "xx"})[1].get("malform") != "xx"
