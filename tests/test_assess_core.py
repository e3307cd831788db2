"""bot/assess.py: conservative by construction; the model cannot overrule a red flag."""
import json

import pytest

from bot.assess import assess
from bot.commands.evaluate import evaluate_file


def nlu(name, confidence=0.99):
    return {"intent": {"name": name, "confidence": confidence},
            "intent_ranking": [{"name": name, "confidence": confidence}]}


def test_model_cannot_overrule_a_red_flag():
    result = assess("hun puster ikke", nlu=nlu("greet"))
    assert result.danger_to_life and result.acute
    assert "danger_to_life_health" in result.criteria


def test_typos_and_nynorsk_still_flag_danger():
    for text in ("han pustr ikke", "ho vokner ikkje", "han vaknar ikkje"):
        assert assess(text).danger_to_life, text


def test_self_declared_crisis_is_acute():
    result = assess("det er krise")
    assert result.acute and result.criteria == ["self_defined"]


def test_uncertain_crisis_like_message_is_acute():
    ranking = {"intent": {"name": "nlu_fallback", "confidence": 0.4},
               "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.4},
                                  {"name": "withdrawal", "confidence": 0.35}]}
    assert assess("skjønner ikke hva som skjer med kroppen", nlu=ranking).acute


def test_a_faq_guess_with_no_sure_answer_still_reads_the_crisis_like_intents():
    ranking = [{"name": "faq", "confidence": 0.45}, {"name": "withdrawal", "confidence": 0.35}]
    text = "skjønner ikke hva som skjer med kroppen etter at jeg slutta"
    unsure = {"intent": ranking[0], "intent_ranking": ranking, "faq_confidence": 0.2}
    sure = {"intent": ranking[0], "intent_ranking": ranking, "faq_confidence": 0.9}
    assert assess(text, nlu=unsure).acute
    assert not assess(text, nlu=sure).acute


def test_model_faq_guess_does_not_make_a_story_a_question():
    # The words ask nothing: a few of them may still be a question ("symptomer abstinens"), a
    # story told in sentences is telling even when the model's nearest intent is faq.
    assert assess("symptomer abstinens alkohol", nlu=nlu("faq")).wants == "info"
    story = "Pappa sa unnskyld i dag for at han drakk så mye i jula. Han gråt litt etterpå."
    assert assess(story, nlu=nlu("faq")).wants == "telling"


def test_ordinary_question_is_not_danger():
    result = assess("hva er LAR?", nlu=nlu("faq"))
    assert not result.danger_to_life and not result.acute and result.wants == "info"


def test_model_intent_adds_criteria_and_wants():
    # The words say nothing of what the person wants: the model's intent may say it.
    assert assess("jeg trenger noen", nlu=nlu("want_talk")).wants == "talk"
    assert "withdrawal" in assess("noe", nlu=nlu("withdrawal")).criteria


def test_a_question_is_not_made_a_crisis_by_the_models_guess():
    result = assess("Hva er symptomene på å slutte brått med alkohol?", nlu=nlu("withdrawal"))
    assert result.wants == "info" and not result.acute and not result.danger_to_life


def test_context_audience_wins_over_guess():
    assert assess("mamma drikker", context={"audience": "relative"}).audience == "relative"


def test_evaluate_reports_missed_danger(tmp_path):
    path = tmp_path / "set.jsonl"
    rows = [{"id": "a", "text": "han puster ikke", "expected": {"danger_to_life": True, "acute": True,
                                                               "criteria": ["danger_to_life_health"]}},
            {"id": "b", "text": "alt er fint i dag", "expected": {"danger_to_life": True, "acute": True,
                                                                 "criteria": ["danger_to_life_health"]}}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    _, summary = evaluate_file(str(path))
    assert summary["missed_danger"] == ["b"]
    assert summary["danger_to_life"]["recall"] == 0.5


# Ways of saying each criterion that people use and the first patterns missed (not dev-set lines).
CRITERION_PHRASES = {
    "pregnancy": ["er i uke 14 og har drukket", "jeg er 9 uker på vei og tar piller", "eg er fem veker på veg"],
    "suicidal": ["ser ingen mening med noe lenger", "finner ikke noen vits med livet"],
    "withdrawal": ["sjakka skikkelig etter helga", "har vært på kjøret i tre uker og slutter nå"],
    "dangerous_behaviour": ["har lyst til å skade noen når jeg er rusa", "blir så voldelig når han drikker",
                            "redd for hva han kan finne på"],
    "social_loss": ["fikk skriftlig advarsel fra sjefen", "kan ikke bo hjemme lenger", "vil gå fra henne nå",
                    "ungene er redde når han drikker"],
    "self_defined": ["hvor kan jeg få hjelp i natt", "må prate med noen nå"],
}


def test_each_criterion_in_everyday_words():
    for criterion, phrases in CRITERION_PHRASES.items():
        for text in phrases:
            result = assess(text)
            assert criterion in result.criteria and result.acute, (criterion, text, result.criteria)


def test_suicidal_thoughts_count_as_danger_to_life_or_health():
    # The guideline lists suicidal thoughts under danger to one's own life or health; whether to
    # call 113 first is still the danger-to-life flag's call (the suicidal reply names 113 if in danger).
    result = assess("vil ikke leve mer")
    assert {"suicidal", "danger_to_life_health"} <= set(result.criteria) and result.acute


def test_audience_defaults_to_the_person_writing_and_ignores_near_words():
    assert assess("det er krise").audience == "user"
    assert assess("hva er været i morgen").audience == "user"  # "morgen" is not "moren"
    assert assess("klarer ikke mer").audience == "user"  # "klarer" is not "klassen"
    assert assess("søstra mi drikker hver dag").audience == "relative"
    assert assess("jeg er 13 og pappa er full").audience == "child"


def test_more_everyday_phrasings():
    cases = {
        "har ikke fått subutexen min på tre dager": "withdrawal",
        "jeg har lyst til å bare forsvinne": "suicidal",
        "babyen sparker mindre og jeg har brukt amfetamin": "pregnancy",
        "huseieren har sagt opp leiligheten": "social_loss",
        "kona mi drikker og jeg veit ikke hva jeg skal gjøre": "self_defined",
    }
    for text, criterion in cases.items():
        assert criterion in assess(text).criteria, (text, assess(text).criteria)
    assert "dangerous_behaviour" not in assess("babyen sparker mye i dag").criteria
    assert assess("bestekompisen min er helt blå").audience == "relative"


def test_only_the_persons_word_crisis_opens_with_it_distress_is_still_acute():
    # issue 15: "Når du sier at det er krise" only when they said so; fear is still their crisis
    said = assess("det er krise her hjemme, mannen min har drukket i tre dager")
    afraid = assess("Hei, eg er heime hos kjærasten min og eg er så redd")
    assert said.said_crisis and said.acute
    assert afraid.acute and not afraid.said_crisis
    assert not assess("hva betyr akutt avrusning?").said_crisis
    # Over, or only if: not the person's word for a crisis now.
    assert not assess("det var helt krise på fotballkampen i går, vi tapte 6-0").said_crisis
    assert not assess("mamma sier at hvis jeg ikke rydder rommet så blir det krise").said_crisis
    assert assess("det har vært krise hele helga og nå er han sint igjen").said_crisis


def test_self_defined_only_when_no_other_criterion_holds():
    # "Jeg er så redd" beside an emergency: the emergency is the criterion; alone it is self-defined.
    assert assess("pappa våkner ikke og jeg er så redd, hjelp").criteria == ["danger_to_life_health"]
    assert assess("jeg trenger hjelp nå").criteria == ["self_defined"]


# The red flags (data/red_flags.yml) are read apart by the same cues as the situations: a danger
# word negated, in the past, a habit or a general question is doubt (113 still named), not danger.
@pytest.mark.parametrize("text", [
    "samboeren min har drukket for mye i flere år, hvordan snakker jeg med ham?",     # for years
    "Hva gjør man hvis en kompis ikke våkner etter en fest?",                         # general
    "pappa var så full i julen at han sovnet ute i snøen, men naboen fikk ham inn",   # a holiday named as the time
])
def test_a_danger_flag_read_apart_is_doubt_not_danger(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life and result.doubt, (text, result.reasons)


@pytest.mark.parametrize("text", [
    "Jeg har aldri fått kramper når jeg har sluttet før, men nå er jeg redd",       # negated
    "Kusina mi døydde av ein overdose for tre år sidan, og eg tenkjer mykje på det",  # the distant past
])
def test_a_danger_flag_negated_or_long_past_is_neither_danger_nor_doubt(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life and not result.doubt, (text, result.reasons)


@pytest.mark.parametrize("text", [
    "han har fått kramper nå og slutter ikke",
    "kusina mi har tatt en overdose, hun puster rart",
    "kompisen min våkner ikke etter festen",
])
def test_the_same_flags_now_are_danger(text):
    assert assess(text, with_location=False).danger_to_life, text


@pytest.mark.parametrize("text", [
    "pappa rister på hodet når jeg spør om han har drukket",      # shakes his head
    "han tar piller for å holde seg våken på nattskift",          # why, not that he cannot
    "jeg har ikke kontakt med faren min lenger, han drikker",     # no contact between them
])
def test_everyday_phrases_are_no_danger_signs(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life, (text, result.reasons)


def test_having_stopped_early_in_a_letter_holds_for_symptoms_told_later():
    text = ("Jeg har sluttet helt med alkohol etter mange år med mye drikking. I dag er det tredje dag. "
            "Jeg har fått litt hjelp av fastlegen. Nå svetter jeg om natta og hendene skjelver.")
    assert "withdrawal" in assess(text, with_location=False).criteria


def test_a_habit_told_in_one_sentence_is_not_read_as_now_by_the_next():
    text = "Onkelen min slår i bordet og kaster ting når han har drukket. Han har aldri rørt oss."
    result = assess(text, with_location=False)
    assert not result.danger_to_life, result.reasons


@pytest.mark.parametrize("text", [
    "han har tatt piller og klarer ikke å holde seg våken",
    "ho har teke sovetablettar og greier ikkje halde auga oppe",
])
def test_not_keeping_awake_after_pills_is_danger(text):
    assert assess(text, with_location=False).danger_to_life, text


# Situations from NIMN 23 (hypothermia) and 26 (injury), written for this test.
@pytest.mark.parametrize("text", [
    "vi har gått oss vill i fjellet etter fest og er søkkvåte og fryser",                  # lost, wet, cold
    "Mora mi sitter ute på trappa og er helt forvirra og iskald, ho har drukke",             # cold, outside, confused
    "han falt i trappa og ligger og blør fra nakken",                                       # neck, a fall
    "kjæresten min har kuttet seg selv med kniven i armen og det slutter ikke",              # cut with a knife
    "Farfar puster med lange pauser, det går lang tid mellom hver gang. han har drukket",   # an interval, not a habit
])
def test_more_described_danger_names_113(text):
    result = assess(text, with_location=False)
    assert result.danger_to_life and result.number in ("113", "both"), (text, result.reasons)


def test_getting_lost_is_not_giving_things_away():
    assert "suicidal" not in assess("Jeg har gått meg bort i byen, hvor er nærmeste legevakt?", with_location=False).criteria


@pytest.mark.parametrize("text", [
    "Hva er egentlig en alkoholforgiftning?",
    "kva er teikna på overdose av GHB?",
])
def test_a_question_about_a_word_is_doubt_not_danger(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life and result.doubt, (text, result.reasons)


@pytest.mark.parametrize("text", [
    "hva er galt med mamma hun puster ikke",
    "hva er det som skjer, broren min har tatt en overdose",
])
def test_a_question_that_names_someone_stays_danger(text):
    assert assess(text, with_location=False).danger_to_life, text


@pytest.mark.parametrize("text", [
    "Stefar blir sint når han drikker og kaster ting men han har aldri slått oss",   # who it is about does not say when
    "Kjæresten min slo i bordet og skreik i går kveld. No er han edru og lei seg.",  # told as over
])
def test_violence_told_as_a_habit_or_over_is_not_112(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life, (text, result.reasons)


@pytest.mark.parametrize("text", [
    "pappa sover på sofaen og snorker helt vanlig, han har tatt noen øl",   # snoring as usual
    "onkel sier at han snart er borte for godt",                          # talk of being gone (suicidal, not unconscious)
    "jeg er kvalm om morgenen til jeg har tatt et glass",                  # a drink, not a jar of pills
])
def test_phrases_that_only_look_like_danger_signs(text):
    assert not assess(text, with_location=False).danger_to_life, text


def test_a_story_begun_in_the_past_goes_on_in_the_past_until_it_speaks_of_now():
    story = ("Hei, jeg er 14. I fjor skjedde det noe skummelt. Mamma hadde drukket og falt i trappen og slo hodet, "
             "og ambulansen hentet henne. Nå har hun sluttet å drikke.")
    assert not assess(story, with_location=False).danger_to_life
    now = "I fjor sluttet pappa å drikke. I kveld drakk han igjen og ligger på gulvet og puster ikke."
    assert assess(now, with_location=False).danger_to_life
    present = "I fjor sluttet pappa å drikke. Han ligger på gulvet og puster ikke."
    assert assess(present, with_location=False).danger_to_life
