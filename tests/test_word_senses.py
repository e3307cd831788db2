"""Words of another sense are not the catalogue's concept (data/situations.yml, `=form` terms;
bot/terms.py compound tails; bot/message_words.py typos): found with scripts/homographs.py."""
import pytest

from bot.situations import default_matcher, read_situations


@pytest.mark.parametrize("text, concept", [
    ("hun heter Kari", "hot"),                    # "heter" shares the lemma "hete" with "het"
    ("vennen min kommer i kveld", "alcohol"),     # "venn" shares the nynorsk lemma "ven" with "vin"
    ("jeg klarer ikke mer", "means_ready"),       # "klarer" shares "klare" with "klart"
    ("det blir bare verre", "pain"),              # "verre" shares "vond" with "vondt"
    ("han spiller fotball", "pills"),             # not a compound of "*piller"
    ("søsteren min kommer", "pregnant"),          # a real word, not a typo of "fosteret"
    ("Kjære dere", "cut"),                        # a real word, not a typo of "skjære"
    ("han ligger ute i snøen", "noose"),          # "snøen" folds to the lemma of "snor"
])
def test_a_word_of_another_sense_is_not_the_concept(text, concept):
    matcher = default_matcher()
    tokens = matcher.tokens(text)
    assert concept not in {h.concept for h in matcher.hits(tokens, set())}, text


@pytest.mark.parametrize("text, concept", [
    ("det er så varmt og han er het", "hot"), ("hun har drukket vin", "alcohol"), ("har pillene klart", "means_ready"),
    ("det gjør vondt", "pain"), ("tok sovepiller", "pills"), ("slo bakhodet", "head"), ("har en snor", "noose"),
    ("han har kniv", "weapon"), ("har et skytevåpen", "weapon"),
])
def test_the_concepts_own_words_still_are(text, concept):
    matcher = default_matcher()
    assert concept in {h.concept for h in matcher.hits(matcher.tokens(text), set())}, text


def test_half_open_eyes_are_no_weapon():
    # "halvåpne" ends like "*våpen"; the weapon situation's `unless` (not_weapon) cancels it.
    found = read_situations("han har tatt noe og reagerer ikke når jeg klyper ham, øynene er halvåpne")
    assert "weapon" not in found.situations and "unconscious" in found.situations


@pytest.mark.parametrize("text", [
    "pappa røyker hele tiden og er sur",          # "røyker" folds to "royker", one letter from "rykker"
    "kjæresten min røyker hasj hver kveld",
])
def test_the_red_flags_read_a_real_word_as_itself_not_as_a_typo(text):
    from bot.redflags import detect
    assert not [f for f in detect(text) if f.criterion == "danger_to_life"], text


def test_dialect_ska_is_no_cut():
    # "skar" (cut) has the lemma "ska" in the tables: dialect "ska" (skal) must not read as a cut
    found = read_situations("No e han sytti og eg har slutta å håpa på at han ska endra seg.")
    assert not found.situations and not found.criteria, (found.situations, found.criteria)
    assert "suicide_attempt" in read_situations("ho skar seg i håndleddet med vilje og det blør").situations


def test_a_negation_between_a_phrases_words_turns_it_around():
    # "vil dø" is a wish to die; "vil ikke dø" is not, though "ikke" stands inside the phrase's gap
    assert "suicidal_thoughts" in read_situations("jeg vil bare dø, orker ingenting").criteria
    assert "suicidal_thoughts" not in read_situations("jeg vil ikke dø, jeg vil bare at det skal gå bra").criteria
    # a phrase that holds its own negation still matches with words between ("våkner hun ikke")
    assert "unconscious" in read_situations("mamma ligger på gulvet og våkner hun ikke når jeg rister").situations


def test_the_bank_is_no_beating():
    # "banken" (the bank) shares the lemma "bank" with "banka" (beat): the verb's forms are written forms
    assert "violence_now" not in read_situations("pappa drikker og nå kommer det en mann fra banken, vi må flytte").situations
    assert "violence_now" in read_situations("han er full og banker mamma nå, hun skriker").situations


def test_time_with_a_parent_is_no_drive():
    # "med meg i" stood for "med meg i bilen": "samvær med meg i helga" is no drunk driving
    found = read_situations("mamma har samvær med meg i helga men hun drakk på bursdagen min")
    assert "drunk_driving" not in found.situations
    assert "drunk_driving" in read_situations("pappa er full og kjører med meg i baksetet nå").situations


@pytest.mark.parametrize("text", [
    "er dette i orden? han har vondt i hodet etter å ha drukket",   # was a head injury
    "Kan dette på noen måte skade babyen?",                        # was doubt
    "kan jeg ta dette om kvelden?",                                # met "datt om" (fell over)
    "må jeg legge dette ut på nettet?",                            # met "datt ut" (passed out)
])
def test_this_is_no_fall(text):
    # "dette" is "this" as often as it is the verb "to fall" (and the lemma of "datt"): no fall
    found = read_situations(text)
    assert not found.situations and not found.doubt, (found.situations, found.doubt)


def test_a_headache_is_no_wound_and_having_is_no_hair():
    # "så" (so) shares the folded lemma "sa" with "sår" (wound), "har" (has) the lemma "har" with "håret" (hair)
    assert not read_situations("jeg har så vondt i hodet etter festen").situations
    assert "head_injury" in read_situations("han har et stort sår i hodet og blør").situations
    assert "violence_act" not in {h.concept for h in default_matcher().hits(
        default_matcher().tokens("han dro meg i armen og jeg har vondt"), set())}


def test_fell_over_still_counts():
    assert "unconscious" in read_situations("mamma datt om på badegulvet og svarer ikke").situations


def test_doing_fine_without_me_is_no_burden():
    # "betre" (better) has the lemma "bra" (fine): "har det bra utan meg" met "hatt det betre utan"
    assert not read_situations("ungane har det bra utan meg i helgene, dei er hos far sin").criteria
    assert "suicidal_thoughts" in read_situations("alle hadde hatt det betre utan meg").criteria
