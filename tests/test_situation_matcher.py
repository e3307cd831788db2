"""The situation matcher's mechanics, on a small hand-written catalogue (not the real one):
parts in any order and at any distance in a sentence, inflections, compounds, typos, and the
readings set apart (negation, the past, general questions)."""
import pytest
import yaml

from bot import DATA
from bot.situations import SituationMatcher, read_situations, sentences

SPEC = {
    "concepts": {
        "fall": {"terms": ["falle", "dette", "snuble"]},
        "head": {"terms": ["hode", "hovud", "hue", "*hode"]},
        "bleeding": {"terms": ["blø", "blod*", "*blod"]},
        "knife": {"terms": ["kniv"]},
        "threat": {"terms": ["true", "truge"]},
        "not_waking": {"terms": ["våkner ikke", "vaknar ikkje"]},
        "hint": {"terms": ["besvime"]},
    },
    "situations": [
        {"id": "unconscious", "number": "113", "holds_when": [["not_waking"]], "doubt": ["hint"]},
        {"id": "head_injury", "number": "113", "holds_when": [["fall", "head"], ["bleeding", "head"]]},
        {"id": "weapon", "number": "112", "holds_when": [["knife", "threat"]]},
    ],
}
CUES = yaml.safe_load((DATA / "reading_cues.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matcher():
    return SituationMatcher(SPEC, CUES)


@pytest.mark.parametrize("text", [
    "mamma datt i trappa og slo hodet",          # inflected verb, parts in order
    "hodet hans traff bordet da han falt",        # reverse order, far apart
    "pappa har datt. han har et kutt i hue",      # spread over two sentences
    "han blør fra bakhodet",                      # compound
    "ho datt og slo hovudet",                     # nynorsk
])
def test_head_injury_from_its_parts(matcher, text):
    assert matcher.read(text).situations == ["head_injury"]


def test_typo_in_a_catalogue_word_is_read(matcher):
    assert matcher.read("han våkber ikke").situations == ["unconscious"]


def test_phrase_with_inverted_word_order(matcher):
    assert matcher.read("når jeg roper våkner hun ikke").situations == ["unconscious"]


def test_both_numbers_when_a_weapon_and_an_injury_hold(matcher):
    found = matcher.read("han truer mamma med kniv og hun blør fra hodet")
    assert found.situations == ["head_injury", "weapon"] and found.number == "both"


def test_only_112_for_a_threat_with_a_knife(matcher):
    assert matcher.read("pappa står med en kniv og truer oss").number == "112"


def test_the_distant_past_is_history_not_doubt(matcher):
    # Told as over long ago: no emergency now, and no 113 in doubt either.
    found = matcher.read("han datt i fjor og slo hodet")
    assert found.situations == [] and found.read_apart == [] and found.history == ["head_injury"]
    assert not found.doubt


@pytest.mark.parametrize("text", [
    "han datt sist helg og slo hodet",                    # recently: doubt still names 113
    "hva gjør man hvis noen faller og slår hodet?",       # a general question
    "hvor lenge etter at man har falt og slått hodet må man våke?",  # a question about a limit
])
def test_read_apart_is_doubt_not_danger(matcher, text):
    found = matcher.read(text)
    assert found.situations == [] and found.read_apart == ["head_injury"] and found.doubt


def test_a_limit_question_that_says_now_is_danger(matcher):
    assert matcher.read("hvor lenge må jeg vente nå, han har falt og slått hodet?").situations == ["head_injury"]


def test_the_past_with_now_is_danger(matcher):
    assert matcher.read("han datt i fjor også, men nå har han slått hodet igjen og blør").situations


def test_negated_part_does_not_count(matcher):
    assert matcher.read("han blør fra hodet").situations == ["head_injury"]
    assert matcher.read("han har hodepine men han blør ikke").situations == []
    assert matcher.read("ingen blod, og hodet er fint").situations == []


def test_a_hint_alone_is_doubt(matcher):
    found = matcher.read("jeg tror hun besvimte")
    assert found.situations == [] and found.doubt


def test_nothing_in_an_ordinary_question(matcher):
    found = matcher.read("hva er LAR?")
    assert found.situations == [] and not found.doubt and found.number is None


def test_sentences_keep_question_marks():
    assert sentences("Hei. Er det farlig? nei") == [("Hei", False), (" Er det farlig", True), (" nei", False)]


# ------------------------------------------------------------------ criterion situations, reading apart
CRITERION_SPEC = {
    "time_concepts": ["now_word"],
    "concepts": {
        **SPEC["concepts"],
        "drive": {"terms": ["kjøre", "bilen"]},
        "drunk": {"terms": ["full", "=drukket"]},
        "stopped": {"terms": ["slutta med", "sluttet med"]},
        "shaking": {"terms": ["skjelve", "svette"]},
        "withdrawal_word": {"terms": ["abstinens*"]},
        "lose": {"terms": ["miste"]},
        "home": {"terms": ["leilighet*"]},
        "kill_self": {"terms": ["drepe_seg"]},
        "victim": {"terms": ["=meg"]},
        "hit": {"terms": ["slå"]},
        "now_word": {"terms": ["nå", "i kveld"]},
        "wants_die": {"terms": ["vil dø"]},
    },
    "situations": SPEC["situations"] + [
        {"id": "drunk_driving", "number": "112", "holds_when": [["drunk", "drive"]]},
        {"id": "violence", "number": "112", "holds_when": [["hit", "victim"]], "unless": ["kill_self"]},
        {"id": "suicidal_now", "number": "113", "holds_when": [["wants_die", "now_word"]]},
    ],
    "criterion_situations": [
        {"id": "drives_drunk", "criterion": "dangerous_behaviour", "holds_when": [["drunk", "drive"]]},
        {"id": "withdrawal_now", "criterion": "withdrawal", "holds_when": [["stopped", "shaking"], ["withdrawal_word"]]},
        {"id": "losing_home", "criterion": "social_loss", "holds_when": [["lose", "home"]]},
        {"id": "thoughts", "criterion": "suicidal", "with_danger": "adds", "holds_when": [["wants_die"]]},
    ],
}


@pytest.fixture(scope="module")
def criterion_matcher():
    return SituationMatcher(CRITERION_SPEC, CUES)


def test_a_criterion_situation_gives_no_number(criterion_matcher):
    found = criterion_matcher.read("hun slutta med pillene i går og nå skjelver hun")
    assert found.criteria == ["withdrawal_now"] and found.situations == [] and found.number is None


def test_a_criterion_situation_is_part_of_danger_now_unless_it_adds(criterion_matcher):
    found = criterion_matcher.read("han er full og skal kjøre nå")
    assert found.situations == ["drunk_driving"] and found.criteria == []  # part of the danger situation
    found = criterion_matcher.read("han er full og skal kjøre nå, og han sier han vil dø")
    assert "drunk_driving" in found.situations and found.criteria == ["thoughts"]  # suicidal thoughts add


def test_a_habit_is_danger_read_apart_but_still_the_criterion(criterion_matcher):
    found = criterion_matcher.read("mannen min kjører ofte bilen når han har drukket")
    assert found.situations == [] and found.read_apart == ["drunk_driving"] and found.doubt
    assert found.criteria == ["drives_drunk"]


@pytest.mark.parametrize("text", [
    "hva er abstinenser?",                                        # a question about a thing
    "hvor lenge varer abstinensene?",
])
def test_a_question_about_a_thing_is_not_the_criterion(criterion_matcher, text):
    assert criterion_matcher.read(text).criteria == []


def test_a_question_about_what_would_happen_if_is_not_the_criterion(criterion_matcher):
    assert criterion_matcher.read("kan jeg miste leiligheten hvis jeg sier det?").criteria == []
    assert criterion_matcher.read("jeg kan miste leiligheten hvis jeg ikke slutter").criteria == ["losing_home"]


def test_a_turn_reads_the_past_part_apart(criterion_matcher):
    # The past part ("for to år siden") is not made present by "nå" after the turn.
    found = criterion_matcher.read("for to år siden sa hun at hun vil dø, men nå har hun det bra")
    assert found.situations == [] and found.criteria == []
    assert criterion_matcher.read("i fjor falt han og slo hodet, nå blør han fra hodet igjen").situations == ["head_injury"]


def test_a_time_word_alone_does_not_make_the_past_present(criterion_matcher):
    found = criterion_matcher.read("for ett år siden ville han dø, nå er han innlagt")
    assert found.situations == [] and found.history == ["suicidal_now"]


def test_written_forms_and_words_next_to_each_other(criterion_matcher):
    # "=meg" is the written word: the lemmatiser's "jeg" is no victim.
    assert "violence" not in criterion_matcher.read("jeg slår av lyset").situations
    assert "violence" in criterion_matcher.read("han slår meg").situations
    # "drepe_seg": these words next to each other cancel violence; apart they do not.
    assert "violence" not in criterion_matcher.read("han slår meg og sier han skal drepe seg").situations
    assert "violence" in criterion_matcher.read("han slår meg og vil drepe mamma og seg").situations


def test_a_plain_negation_turns_a_phrase_around(criterion_matcher):
    assert criterion_matcher.read("hun slutta med pillene og skjelver").criteria == ["withdrawal_now"]
    assert criterion_matcher.read("hun har ikke slutta med pillene, hun skjelver av kulde").criteria == []


def test_a_letter_names_the_drinking_early_and_the_drive_later():
    # data/situations.yml drunk_driving `anywhere: [intoxicated]`, only for what is said to happen now.
    letter = ("Vi er i konfirmasjon hos søskenbarnet mitt. Onkel har drukket øl og akevitt siden tolv. "
              "Han er veldig sta og hører ikke på noen. Nå sier han at han skal kjøre hjem med tante og ungene.")
    assert read_situations(letter).situations == ["drunk_driving"]
    past = ("Onkel har drukket mye i mange år. Han er sta. Forrige uke kjørte han hjem fra hytta.")
    assert "drunk_driving" not in read_situations(past).situations


def test_no_concept_lists_a_term_twice_and_every_concept_is_used():
    spec = yaml.safe_load((DATA / "situations.yml").read_text(encoding="utf-8"))
    for name, concept in spec["concepts"].items():
        assert len(concept["terms"]) == len(set(concept["terms"])), name
    used = set(spec.get("time_concepts", [])) | set(spec.get("rhetorical_concepts", []))
    for situation in spec["situations"] + spec["criterion_situations"]:
        used.update(c for alternative in situation["holds_when"] for c in alternative)
        for key in ("unless", "doubt", "anywhere"):
            used.update(situation.get(key, []))
    assert set(spec["concepts"]) == used


def test_folding_does_not_make_one_word_another():
    # "får" folds to "far" (father): read by its lemma, it names no one; typed without å it still
    # meets the catalogue's "får" (data/situations.yml: "får ikke puste").
    from bot.terms import token_forms
    assert "far" not in token_forms("får")
    assert "far" in token_forms("far")
    assert read_situations("han får ikke puste").situations == ["breathing"]
    assert read_situations("han far ikke puste").situations == ["breathing"]


@pytest.mark.parametrize("text", [
    "er dette anonymt? vil ikke at noen skal vite at jeg skriver her",  # "dette" the pronoun, not "fell"
    "Tåler kroppen mindre etter en pause fra heroin?",                 # a pause, not in the breathing
    "Jeg fant piller på rommet til datteren min på 15. Hvordan tar jeg det opp med henne?",  # an age, a room
])
def test_a_common_word_that_looks_like_a_danger_word_is_nothing(text):
    found = read_situations(text)
    assert not found.situations and not found.doubt


def test_an_age_is_no_count_but_a_count_is():
    assert read_situations("hun har tatt 15 piller").situations == ["overdose_poisoning"]
    assert read_situations("søsteren min på 15 har tatt piller").situations == []
    # ... and an age still tells that a child is small (child_unsafe's small_child: "på 3 år").
    assert "child_unsafe" in read_situations(
        "min ex henta datteren vår på 3 år i barnehagen og han var ruset. nå er han hjemme med henne "
        "og svarer ikke").situations


@pytest.mark.parametrize("text", [
    "hvordan vet jeg om noen har tatt for mye heroin",  # someone, if: no one who is there
    "hvor får man tak i nesespray mot overdose",         # a question without "?" (data/reading_cues.yml)
    # what a question supposes after "hvis" has not happened
    "Hva gjør jeg hvis en venn blir bevisstløs på fest? Vi skal ha hyttetur i sommer.",
    "hva skal jeg gjøre hvis mamma noen gang ikke våkner, det har ikke skjedd men jeg vil vite det",
])
def test_a_question_about_anyone_or_what_if_is_doubt_not_danger(text):
    found = read_situations(text)
    assert not found.situations and found.doubt


@pytest.mark.parametrize("text", [
    "i minecraft druknet jeg i lava 3 ganger i dag",
    "jeg drømte at mamma falt og slo hodet, men det var bare en drøm",
    "jeg skrev en stil om en gutt som redder faren sin fra å drukne",
    "vi hadde om fyllekjøring på skolen i dag, de viste en bil som krasja",  # a topic at school
])
def test_a_dream_a_game_or_a_story_is_doubt_not_danger(text):
    # data/reading_cues.yml not_real: read apart, so the first bubble asks "Er noen i fare nå?" with 113.
    found = read_situations(text)
    assert not found.situations and found.doubt


def test_a_question_by_word_order_about_what_would_happen_if_is_no_crisis():
    # "om jeg" supposes; "mister jeg ..." asks by its word order, with no question mark.
    assert not read_situations("kan jeg ta en øl om jeg har tatt ghb").situations
    assert not read_situations("mister jeg barna om jeg sier til legen at jeg ruser meg").criteria


@pytest.mark.parametrize("text,situation", [
    ("pappa ligger på gulvet og puster rart, hva gjør jeg hvis han slutter å puste?", "breathing"),
    ("hva gjør jeg hvis han ikke våkner? han har tatt masse piller", "overdose_poisoning"),
])
def test_what_is_happening_before_the_if_or_elsewhere_still_holds(text, situation):
    assert situation in read_situations(text).situations


def test_a_professional_asking_for_their_work_is_doubt_but_what_they_tell_of_now_holds():
    asking = read_situations("Jeg er sykepleier på en skole og skal ha et kurs. Hvilke tegn på at en elev puster dårlig bør lærerne se etter?")
    assert not asking.situations and asking.doubt
    telling = "Jeg er sykepleier, men nå ligger mannen min bevisstløs på gulvet og puster ikke. Hva gjør jeg?"
    assert "breathing" in read_situations(telling).situations


def test_taking_something_to_dare_at_a_place_to_die_is_suicide_now():
    text = "sitter på perrongen og venter på toget. har drukket og tatt piller for å tørre. skriver bare"
    assert "suicidal_now" in read_situations(text).situations


def test_breastfeeding_after_a_glass_is_no_child_left_with_a_drunk_adult():
    text = "Er det farlig å amme etter å ha drukket ett glass vin? Babyen blir fire mnd da."
    assert "child_unsafe" not in read_situations(text).situations
    assert "child_unsafe" in read_situations("mamma har drukket masse og babyen skriker, hun våkner ikke").situations


def test_an_assignment_on_suicide_is_no_suicidal_thought():
    assert not read_situations("har skoleoppgave om selvmord og rus i norsk. hvor kan jeg finne tall?").criteria


def test_what_happens_while_a_film_is_on_is_real():
    assert "seizures" in read_situations("vi så film og plutselig fikk pappa kramper og nå puster han ikke").situations


def test_dreaming_after_stopping_is_a_withdrawal_sign_not_a_dream_told():
    text = "har røyka hasj hver dag i et år. slutta på mandag og nå får jeg ikke sove og drømmer helt sykt"
    assert read_situations(text).criteria  # withdrawal now (criterion_situations), not read apart
