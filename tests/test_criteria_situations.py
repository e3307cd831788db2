"""The guideline's acute criteria that are not danger to life, read by situation
(data/situations.yml, criterion_situations): suicidal thoughts, withdrawal, dangerous behaviour
when intoxicated, and a social loss about to happen. Sentences written for this test from the
situation descriptions (not from the catalogue's words or the dev set), in bokmål, nynorsk,
dialect, children's spelling and long letters; and calm questions that must not be read as a
crisis."""
import pytest

from bot.assess import assess
from bot.situations import read_situations


def criteria(text):
    return assess(text, with_location=False).criteria


def situations_of(text):
    found = read_situations(text)
    return found.criteria, found.situations


# ------------------------------------------------------------------------------------- suicidal
@pytest.mark.parametrize("text", [
    "jeg tenker mye på å dø om dagen, alt er bare tungt",                       # thinking of dying
    "Eg har lyst til å berre bli borte og aldri vakne att",                     # nynorsk
    "broren min sier at livet ikke er verdt å leve lenger",                     # a relative tells
    "ho snakkar om at alle hadde hatt det betre utan ho",                       # nynorsk, someone else
    "æ vil ikkje leve meir, æ e så lei",                                        # dialect
    "mamma har skrevet et avskjedsbrev og ligger på soverommet",                # a goodbye letter
    "kompisen min har gitt bort tingene sine og sier takk for alt",             # giving things away
    "jeg er 15 og jeg vil dø. ingen merker det",                                # a child
    "når jeg har drukket vil jeg bare skade meg selv",                          # self-harm wished
    "får et sånt dødsønske når rusen går ut av kroppen",                        # a death wish
    "hvis jeg er død slipper de å krangle om meg",                               # a child imagines being dead
    "Hei. Jeg skriver fordi jeg ikke vet hvem jeg skal si det til. Jeg har drukket hver kveld siden "
    "jeg mistet jobben i vår, og nå har jeg begynt å tenke på å ta livet mitt. Jeg har ikke gjort "
    "noe, men tankene kommer oftere. Hilsen en som sliter",                     # long letter
])
def test_suicidal_thoughts_are_read(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Hva gjør man hvis noen man kjenner har selvmordstanker?",                   # a general question
    "for tre år siden prøvde han å ta livet sitt, nå har han det bra",           # the past, then a turn
    "Eg hadde sjølvmordstankar i fjor, men no går det mykje betre",              # nynorsk, the past
    "kjæresten min truer med å drepe meg når han er full",                      # a threat against the writer
    "rusen har tatt over livet mitt, jeg trenger behandling",                   # taking over, not taking a life
    "jeg lo så mye at jeg holdt på å dø",                                       # a figure of speech
])
def test_not_suicidal(text):
    assert "suicidal" not in criteria(text), text


# ----------------------------------------------------------------------------------- withdrawal
@pytest.mark.parametrize("text", [
    "Jeg sluttet med alkohol for to dager siden etter mange år, og nå svetter jeg og får ikke sove",
    "samboeren min har slutta med oxy og ligger og skjelver og spyr",
    "Han har ikkje drukke sidan fredag og er så uroleg og kvalm",                # nynorsk
    "æ har abstinensa fra heroin no og har vondt i heile kroppen",              # dialect
    "pappa rister på hendene hver morgen til han får seg en øl",                 # drinking the shakes away
    "mamma har ikke fått metadonen sin i dag",                                   # a missed substitution dose
    "Min mann har drukket en flaske vodka om dagen i ti år og vil slutte tvert i morgen",  # stopping after heavy use
    "jeg er 13 og pappa har slutta å drikke. nå skjelver han og sover ikke",     # a child
])
def test_withdrawal_is_read(text):
    assert "withdrawal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "hva er abstinenser?",
    "Hvor lenge varer abstinensene etter alkohol?",
    "kan man dø av å slutte med alkohol?",
    "Kva er forskjellen på abstinens og fyllesjuke?",
    "pappa slutta å drikke for to år siden og har det fint nå",
    "jeg sluttet i jobben og er litt kvalm av nervøsitet",                      # stopping a job is not use
    "han har slutta å svette og er kokvarm etter festen",                        # heat, not withdrawal
])
def test_not_withdrawal(text):
    assert "withdrawal" not in criteria(text), text


# ---------------------------------------------------------------------------- dangerous behaviour
@pytest.mark.parametrize("text", [
    "Sønnen min kjører moped etter at han har drukket, flere helger på rad",     # driving, habit
    "broren min blir voldelig når han drikker og har knust døra på rommet",     # aggressive when drinking
    "Ho går ut om natta i tynne klede når ho er rusa og kjem seg ikkje heim",    # nynorsk, wandering out
    "eg vakna i ein park i morgon tidleg etter fest og veit ikkje korleis eg kom dit",  # woke up outside
    "kompisen min blander sobril og sprit hver helg",                           # mixing
    "jeg blir så aggressiv når jeg er rusa at jeg er redd for hva jeg kan finne på",
    "Sambuaren min tek med seg kniv når han går på fest, og han drikk mykje",    # carrying a knife
    "bestefar røyker i senga når han har drukket, jeg er redd det begynner å brenne",  # fire
    "hun vandrer ut i trafikken når hun er påseila",                             # traffic, slang
    "Onkel tar fram børsa når han er full og skal skremme naboene",             # a rifle
    "Han er dømt for vold i fylla og drikker fortsatt hver helg",                # violence as a noun
])
def test_dangerous_behaviour_is_read(text):
    assert "dangerous_behaviour" in criteria(text), text


@pytest.mark.parametrize("text", [
    "kan man blande alkohol og paracet?",                                       # a general question
    "hvor lenge skal man vente med å kjøre etter en øl?",
    "Han kjørte i fylla for ti år siden, men har vært edru lenge nå",           # the past
    "pappa er ikke voldelig, han er bare trist",                                # negated
    "vi skal på fest i helga, hva er lurt å tenke på?",
    "han blir voldsomt trøtt når han har drukket rødvin",                        # "voldsomt" is "very"
])
def test_not_dangerous_behaviour(text):
    assert "dangerous_behaviour" not in criteria(text), text


def test_danger_now_is_its_own_situation_not_also_dangerous_behaviour():
    # Someone drunk asleep in the snow is hypothermia (113); the criterion situation is read as part of it.
    found_criteria, found = situations_of("pappa er full og har sovnet ute i snøen, det er minus ti")
    assert "hypothermia" in found and "intoxicated_risk" not in found_criteria


# ---------------------------------------------------------------------------------- social loss
@pytest.mark.parametrize("text", [
    "jeg blir kastet ut av hybelen på mandag fordi jeg har drukket",            # thrown out
    "Barnevernet skal ta ungene fra oss hvis jeg ikke slutter",                 # children services
    "kona har sagt at hun går fra meg og tar med seg barna om jeg ikke slutter å ruse meg",
    "Eg har fått oppseiing frå jobben fordi eg møtte rusa",                     # nynorsk, dismissed
    "æ har ingen stad å bu etter at æ vart kasta ut",                            # dialect, homeless
    "de skal skrive meg ut fra behandlingen i morgen fordi jeg sprakk",          # discharged from treatment
    "jeg er 14 og mamma drikker og jeg er redd vi blir splitta og må bo i fosterhjem",  # a child
    "Hei. Jeg har vært på LAR i to år. Jeg har sprukket på heroin, og legen sier jeg kan miste plassen "
    "om det skjer igjen. Jeg har også fått brev om at husleia ikke er betalt på tre måneder. "
    "Jeg vet ikke hvor jeg skal begynne. Hilsen T",                              # long letter
    "Sjefen sier jeg blir sagt opp om jeg kommer på jobb bakfull en gang til",   # dismissed, about to be
    "huseieren har sagt opp kontrakten vår fordi samboeren min ruser seg",      # a lease ended by the owner
    "Dommen sier at jeg ikke får se ungene uten tilsyn lenger",                # kept from one's children
    "Barnevernet har vært på hjemmebesøk etter en bekymringsmelding fra skolen",  # a case with child services
    "kjæresten truer med å gå hvis jeg ikke slutter å drikke",                   # a threat to leave ...
    "pappa sier at vi ikke får bo i huset lenger fordi han har drukket opp pengene",  # the home is lost
    "Mor har fått brev om tvangssal av huset fordi ho drikk opp pengane",      # a forced sale
])
def test_social_loss_is_read(text):
    assert "social_loss" in criteria(text), text


def test_a_threat_to_leave_is_no_violence():
    assessment = assess("kjæresten truer med å gå hvis jeg ikke slutter å drikke")
    assert not assessment.danger_to_life and "dangerous_behaviour" not in assessment.criteria


@pytest.mark.parametrize("text", [
    "Mister jeg førerkortet hvis jeg forteller fastlegen om rusen?",             # what would happen if
    "hva skjer når barnevernet får en bekymringsmelding?",                      # a question about a thing
    "Etter at han mistet jobben for fem år siden har han drukket mer",          # the background
    "mamma og pappa er skilt og jeg bor hos mamma",                              # already so, not a loss now
    "Kan eg miste plassen min i LAR dersom eg sprekk?",                         # nynorsk, what if
    "jeg har sagt opp abonnementet på vinklubben",                               # one's own notice
])
def test_not_social_loss(text):
    assert "social_loss" not in criteria(text), text


# ------------------------------------------------------------------------ calm questions stay calm
@pytest.mark.parametrize("text", [
    "hva er abstinenser?",
    "kan man dø av å slutte med alkohol?",
    "Hva er LAR, og hvem kan få det?",
    "er det sant at hasj kan gi psykose?",
    "Korleis kan eg vite om eg har eit alkoholproblem?",
    "hvor lenge etter å ha drukket kan jeg kjøre?",
    "Kor lang tid etter ein fest kan ein køyre bil?",
])
def test_calm_questions_give_none_of_these_criteria(text):
    found = set(criteria(text))
    assert not found & {"suicidal", "withdrawal", "dangerous_behaviour", "social_loss"}, (text, found)


def test_criterion_situations_force_the_intent_like_red_flags_did():
    # The criterion is what the reply is about (bot/override.py reads `flagged`).
    result = assess("samboeren min har sluttet å drikke i går og skjelver og svetter", with_location=False)
    assert "withdrawal" in result.flagged and result.acute and not result.danger_to_life
    assert any(reason == "criterion situation withdrawal_now" for reason in result.reasons)


def test_every_criterion_situation_names_a_criterion_the_assessment_knows():
    from bot.assessment import rules
    from bot.situation_catalogue import catalogue
    known = set(rules()["criterion_gives"])
    spec = catalogue()
    assert spec["criterion_situations"]
    for situation in spec["criterion_situations"]:
        assert situation["criterion"] in known, situation["id"]
        assert situation.get("with_danger", "part") in ("part", "adds"), situation["id"]
        assert all(source in spec["sources"] for source in situation["sources"]), situation["id"]
        for alternative in situation["holds_when"] + [situation.get("unless", [])]:
            assert all(concept in spec["concepts"] for concept in alternative), (situation["id"], alternative)


@pytest.mark.parametrize("text", [
    "jeg har kraftige abstinenser og fikk kramper sist jeg slutta å drikke",
    "hun fikk delirium sist hun slutta, og nå vil hun slutte igjen",
    "eg skal slutte å drikke, men eg fekk krampar sist eg slutta",
])
def test_earlier_complicated_withdrawal_counts_now(text):
    # the guideline weighs earlier seizures or delirium in withdrawal: the past is the risk here
    assert "withdrawal" in criteria(text)


@pytest.mark.parametrize("text", ["han fikk kramper i fjor", "hva er abstinenskramper?"])
def test_an_old_seizure_alone_or_a_question_is_no_withdrawal(text):
    assert "withdrawal" not in criteria(text)


@pytest.mark.parametrize("text", [
    "hvor lenge etter å ha drukket kan jeg kjøre?",
    "Når kan man kjøre bil etter å ha røyka hasj?",
])
def test_a_question_about_when_driving_is_safe_is_not_112(text):
    # Asking for a limit is a question, not a drunk driver now: no emergency number is the answer.
    found = assess(text, with_location=False)
    assert not found.danger_to_life and found.number is None, text


# ------------------------------------------- suicidal thoughts said indirectly (helsenorge's warning signs)
@pytest.mark.parametrize("text", [
    "Noen ganger tenker jeg at det beste hadde vært å bare forsvinne for godt",      # a wish to be gone
    "eg trur ingen ville sakna meg om eg var borte",                                 # nobody would miss me
    "Det hadde vore enklast for alle om eg ikkje fanst",                             # nynorsk, better if I did not exist
    "hun har søkt på nettet etter hvordan man dør uten smerte",                      # looking up how to die
    "Faren min sier han bare venter på å dø, og drikker fra morgenen av",            # waiting to die
    "jeg er bare i veien for alle her hjemme",                                       # a burden
    "snart slipper dere meg, skrev broren min på Facebook",                          # soon gone
    "Kona mi har tenkt så mye på døden i det siste",                                 # occupied with death, lately
    "skulle ønske at jeg aldri hadde blitt født",                                    # never born
    "hva er vitsen med å fortsette å leve når alt går til helvete",                 # why go on living
    "ingen her kommer til å savne meg uansett",                                      # nobody would miss me
    "Han snakker om at han har skrevet testamentet sitt, og han er bare 35",         # final arrangements
    "meldingen hennes hørtes ut som et farvel",                                      # a goodbye
    "jeg er redd broren min skal gjøre noe dumt i natt",                             # the euphemism
])
def test_indirect_suicidal_thoughts_are_read(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Det blir bedre når rusen forsvinner fra huset",          # better when something else is gone
    "jeg vil ikke at pappa skal dø av drikkingen",            # fear for someone else
    "Hvordan kan jeg hjelpe kona mi å bli borte fra miljøet?",
    "vi må ordne med forsikringen på bilen etter ulykka",     # insurance alone is no final arrangement
    "hvorfor vil han leve sånn, med rusen hver dag?",         # a relative's why
    "dette er siste gang jeg drikker, sier pappa",
])
def test_not_every_disappearing_is_suicidal(text):
    assert "suicidal" not in criteria(text), text


def test_saying_it_without_a_time_is_a_suicidal_thought_not_113():
    found = read_situations("Søsteren min sa at hun har tenkt på å ta livet sitt")
    assert found.situations == [] and "suicidal_thoughts" in found.criteria


@pytest.mark.parametrize("text", [
    "Tabletter er samlet på nattbordet. I natt er det over.",
    "Eg har tauet klart på loftet og skal gjere det når alle søv i natt",
    "Han sier at han skal ta livet sitt i kveld",
])
def test_means_ready_and_tonight_is_danger_now(text):
    assert "suicidal_now" in read_situations(text).situations, text


# ----------------------------------------------------------------- withdrawal: running out, missed doses
@pytest.mark.parametrize("text", [
    "Gikk tom for Valium på søndag etter et år med daglig bruk, nå hamrer hjertet og jeg er nervøs",
    "Metadonen ble ikke levert i dag, og samboeren min gjesper og har vondt overalt",
    "Eg gløymde subutexen heime og kjenner det allereie i kroppen",
    "Han tar en øl om morgenen for å slutte å riste",
])
def test_withdrawal_from_running_out_or_missing_a_dose(text):
    assert "withdrawal" in criteria(text), text


# ------------------------------------------------------------- what happens each time is not happening now
@pytest.mark.parametrize("text", [
    "Når han har drukket, slår han i veggene",
    "Broren min havnet i slåsskamp på byen i går, han var helt dritings",
])
def test_a_habit_or_yesterday_is_doubt_but_still_the_criterion(text):
    found = assess(text, with_location=False)
    assert not found.danger_to_life and found.doubt, text
    assert "dangerous_behaviour" in found.criteria, text


def test_a_drunk_driving_habit_is_the_criterion_and_no_emergency():
    # Drunk driving is danger when it is now or about to be; as a habit it is dangerous behaviour.
    found = assess("pappa kjører alltid bil hjem fra hytta etter å ha drukket", with_location=False)
    assert not found.danger_to_life and found.number is None
    assert "dangerous_behaviour" in found.criteria


def test_stopped_yesterday_is_withdrawal_now():
    assert "seizures" in read_situations("han har krampar no, han drakk heile veka og slutta i går").situations


@pytest.mark.parametrize("text,criterion", [
    ("Onkelen min ror ut på fjorden med robåten når han er full, og han kan ikke svømme", "dangerous_behaviour"),
    ("Blir jeg ikke rusfri innen fredag, blir jeg skrevet ut fra behandlingen", "social_loss"),
    ("Dattera mi og barna må kanskje bo et annet sted, sier barnevernet, fordi hun drikker", "social_loss"),
])
def test_more_of_the_guidelines_risks_and_losses(text, criterion):
    assert criterion in criteria(text), text


@pytest.mark.parametrize("text", [
    "han kasta alle stolane ut av vinduet i fylla",          # throwing things out is not an eviction
    "hun kaster seg ut i trafikken når hun er høy",          # risk-taking, not an eviction
])
def test_throwing_out_things_or_oneself_is_not_a_social_loss(text):
    assert "social_loss" not in criteria(text), text


def test_a_question_about_risk_is_read_apart_but_a_told_symptom_is_not():
    assert "dangerous_behaviour" not in criteria("er det farlig å ta oxycodon sammen med øl")
    told = "Jeg har brukt Valium lenge og får skjelving når jeg hopper over en dag. Er det farlig å slutte brått?"
    assert "withdrawal" in criteria(told)


# ------------------------------------------- danger now from more of NIMN's signs (written for this test)
@pytest.mark.parametrize("text, situation", [
    ("Farmor datt i kjellertrappa og det renner blod fra øret hennes", "head_injury"),   # blood from an ear after a fall
    ("Samboeren har tatt to sovetabletter og drukket nesten en hel flaske rødvin", "overdose_poisoning"),
    ("kompisen har satt et skudd og segner sammen på benken", "overdose_poisoning"),
    ("Han ser maur under huden og prøver å skjære dem ut med en barberhøvel", "psychosis_danger"),
    ("ho er iskald og svarer ikkje, ho har drukke heile kvelden", "unconscious"),
])
def test_more_danger_signs(text, situation):
    assert situation in read_situations(text).situations, text


@pytest.mark.parametrize("text", [
    "Er det farlig å ta en sovetablett og drikke et glass vin?",      # asks about taking, told nothing
    "jeg tar sobril og drikker vin hver kveld",                       # a habit: doubt, not danger now
    "jeg faller helt sammen når jeg tenker på det",                   # feelings
])
def test_not_danger_now(text):
    assert not read_situations(text).situations, text


@pytest.mark.parametrize("text", [
    "Onkel fikk ikke metadonen sin på apoteket i dag og er helt ute av det",     # a missed LAR dose
    "har hatt fylleangst og skjelvinger i flere dager nå etter helgen",          # a hangover that does not end
])
def test_withdrawal_from_more_of_the_signs(text):
    assert "withdrawal" in criteria(text), text


def test_shadows_on_the_second_day_without_alcohol_is_severe_withdrawal():
    assert "severe_withdrawal" in read_situations("andre dagen uten alkohol ser han skygger som beveger seg").situations


# ------------------ reduced consciousness, a noose made ready, a general "if someone" (written for this test)
@pytest.mark.parametrize("text, situation", [
    ("Mannen min har tatt en neve tabletter og et par glass whisky, han klarer nesten ikke holde seg våken", "overdose_poisoning"),
    ("ho tok sobril og er heilt døsig, glir vekk heile tida", "overdose_poisoning"),
    ("broren min har knytt ei løkke på loftet", "suicidal_now"),
])
def test_drowsy_after_pills_and_a_noose_made_ready_are_danger_now(text, situation):
    assert situation in read_situations(text).situations, text


@pytest.mark.parametrize("text", [
    "Kva gjer eg viss nokon får krampar på russebussen?",          # someone, if: a question, not now
    "jeg er så sløv etter nattevakta, sovner nesten på bussen",   # tired, nothing taken
])
def test_not_danger_now_either(text):
    assert not read_situations(text).situations, text


def test_an_accidental_cut_on_a_bottle_is_no_self_harm():
    assert "suicidal" not in criteria("Kameraten min skar seg på ei ølflaske, det blør en del")


@pytest.mark.parametrize("text", [
    "Samboeren drikker i helgene og blir aggressiv mot meg",
    "mamma ruser seg og knuser tallerkener og glass",
])
def test_using_and_acting_out_is_dangerous_behaviour(text):
    assert "dangerous_behaviour" in criteria(text), text


# ----------------- hopelessness, a lethal dose looked up, better if I died; more of the guideline's
# ----------------- dangerous behaviour and social loss (written for this test)
@pytest.mark.parametrize("text", [
    "hun har søkt på nettet etter dødelig dose av sobril",
    "Noen ganger tenker jeg at familien hadde hatt det bedre om jeg døde",
    "eg ser inga utveg lenger, alt er berre mørkt",
])
def test_more_suicidal_thoughts(text):
    assert "suicidal" in criteria(text), text


def test_how_much_it_takes_to_get_drunk_is_no_suicidal_thought():
    assert "suicidal" not in criteria("jeg googlet hvor mye som skal til for å bli full på vin")


@pytest.mark.parametrize("text", [
    "Han kjører alltid selv hjem etter julebordet",
    "ho vaknar på ukjende stader etter vorset og hugsar ingenting",
    "Hun er så full at hun ikke vet hvor hun er, og vil gå hjem alene",
])
def test_more_dangerous_behaviour(text):
    assert "dangerous_behaviour" in criteria(text), text


def test_a_last_warning_at_work_is_social_loss():
    assert "social_loss" in criteria("Sjefen sier at hvis jeg lukter sprit en gang til, får jeg sparken")


# --------------- more of NIMN's signs, generalised from misses in probe2's open part (sentences written here)
@pytest.mark.parametrize("text, situation", [
    ("Kjæresten har ikke sovet på tre netter og tror noen styrer tankene hans, nå står han ute på balkongen", "psychosis_danger"),
    ("pappa har røyka masse og sier at folk er ute etter oss og har låst oss inne og barrikadert døra", "psychosis_danger"),
    ("Onkel ligger i sofaen og sikler, han svarer ikke når vi snakker til ham", "unconscious"),
    ("han pustar med store pausar og leppene er rare etter at han tok heroin", "breathing"),
    ("Far min tar seg til brystet og sier det er en elefant som sitter på ham", "chest_pain"),
    ("Kompisen har knekt foten, den peker feil vei og det blør gjennom buksa", "bleeding_injury"),
    ("Eg har sete i badstua og drukke øl, no vert alt svart når eg reiser meg og hjartet dunkar", "overheating"),
    ("Mamma har vært uten sprit siden fredag, hendene hopper og hun spør hvem de mennene i gangen er", "severe_withdrawal"),
    ("Søstera mi skrev at dette er siste gang vi hører fra henne, i natt", "suicidal_now"),
    ("Han ga meg nøklene sine og gikk ut med tauet", "suicidal_now"),
    ("Broren min har drukket og nå er han ute etter meg med en øks", "weapon"),
])
def test_signs_from_probe2_generalised(text, situation):
    assert situation in read_situations(text).situations, text


@pytest.mark.parametrize("text", [
    "pappa drikker ikke lenger og ser edderkopper i taket",   # a ceiling is no height (withdrawal, not psychosis)
    "onkel gikk ut i vannet for å bade i sommer",             # a swim in the past
    "jeg tror politiet kommer i morgen for å snakke om saken",
])
def test_not_psychosis_danger(text):
    assert "psychosis_danger" not in read_situations(text).situations, text


# ------------------------------------- the right number: 112, 113 or both (sentences written for this test)
@pytest.mark.parametrize("text, number", [
    ("jeg vil drepe meg selv i natt", "113"),                                   # first person: suicidal
    ("broren min truer med å drepe seg i kveld, han er full", "113"),          # a threat against himself
    ("Han er full og roper at han skal drepe meg", "112"),                      # a threat against the writer
    ("stefar slo mamma i hodet med en flaske nå", "both"),                      # violence with a head injury
    ("kjæresten hennes har slått henne, nå blør hun fra munnen", "both"),       # violence and bleeding
    ("Han er dritings og har ei øks, jeg gjemmer meg på badet", "112"),         # a bathroom is no bath
    ("jeg ser en bil som slingrer over midtlinja, sjåføren drikker", "112"),    # a driver weaving
    ("Hun sitter med en kniv mot håndleddet og har drukket", "113"),            # a knife against herself
    ("Bilen står og går inne i garasjen og han svarer ikke når jeg banker på", "113"),  # exhaust
])
def test_the_number_to_call(text, number):
    assert read_situations(text).number == number, text


def test_a_fall_with_a_knife_is_an_injury_not_a_weapon():
    found = read_situations("Hun falt med kniven og har et dypt kutt i armen, det blør masse")
    assert found.situations == ["bleeding_injury"] and found.number == "113"


# -------------------- suicidal thoughts from more of helsenorge's warning signs (sentences written for this test)
@pytest.mark.parametrize("text", [
    "Broren min sier han ikke ser vitsen med å leve lenger",
    "Eg er berre ei bør for alle rundt meg",
    "Hun har samlet opp sovetablettene sine i en skuff, i tilfelle",
    "Hvor mange Vival må man ta for å ikke våkne igjen? Det gjelder meg.",
    "Han sa hadet til ungene i går på en rar måte, og nå drikker han",
    "Kona har sagt opp alle abonnementene sine og gitt bort verktøyet, hun drikker hver dag",
    "Ingen som ville merket om jeg var borte",
])
def test_more_warning_signs_are_suicidal(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Jeg samler på vinflasker fra Italia",
    "Vi har gitt bort kattungene og sagt hadet til dem",
    "Hvor mye paracet kan man ta mot hodepine?",
])
def test_not_suicidal_either(text):
    assert "suicidal" not in criteria(text), text


# ------------- dangerous behaviour, social loss and withdrawal from the guideline's wording (written for this test)
@pytest.mark.parametrize("text, criterion", [
    ("Samboeren tar GHB i helgene og kjører til jobb på mandag", "dangerous_behaviour"),
    ("Jeg sovnet ute i parken etter fest og var så full at jeg la meg til å sove på benken", "dangerous_behaviour"),
    ("Eg køyrde heim frå julebordet og hugsar ikkje turen", "dangerous_behaviour"),
    ("Han har fått brev om at han må ut av leiligheten innen tre uker", "social_loss"),
    ("Kjæresten gjorde det slutt og tok med seg barna fordi jeg drikker", "social_loss"),
    ("Dag fire uten heroin, jeg fryser og svetter og har diaré", "withdrawal"),
    ("Pappa helte ut all spriten i går. Nå skjelver han og svetter", "withdrawal"),
])
def test_more_of_the_guideline(text, criterion):
    assert criterion in criteria(text), text


def test_a_boat_is_no_drunk_driving():
    found = read_situations("Pappa tok båten ut full og nå har han falt uti og kommer ikke opp")
    assert found.number == "113" and "drunk_driving" not in found.situations


# ------------------------------------------------------------- read apart, not danger (written for this test)
def test_palpitations_after_stopping_are_withdrawal_not_severe():
    found = read_situations("Jeg har sluttet med Xanax og har fått hjertebank og uro")
    assert "severe_withdrawal" not in found.situations and "withdrawal_now" in found.criteria


def test_a_pregnant_writer_asking_about_her_baby_is_no_child_left_alone():
    assert "child_unsafe" not in read_situations("Er gravid og drakk mye på fest, har jeg skadet babyen?").situations


def test_hitting_a_wall_does_not_hide_hitting_someone():
    assert read_situations("pappa slår i veggen og slår mamma nå").number == "112"


# ----------------------------- a small child with someone too intoxicated, said plainly (written for this test)
@pytest.mark.parametrize("text, situation", [
    ("I parken sover en dame som er dritings på en benk, og ei lita jente vandrer alene mot veien", "child_unsafe"),
    ("Søstera mi sluddrer og sjangler, og den lille på ett år er hjemme med henne", "child_unsafe"),
    ("Han har kniven i hånda og sier at den første som kommer nær ham skal få den", "weapon"),
])
def test_a_small_child_and_a_threat_said_plainly(text, situation):
    assert situation in read_situations(text).situations, text


def test_smaller_is_no_small_child():
    assert "child_unsafe" not in read_situations("han røyker hasj og sier det er mindre farlig enn alkohol").situations


# ------------- suicidal thoughts said as people say them (helsenorge's warning signs; written for this test)
@pytest.mark.parametrize("text", [
    "Kompisen sier hele tiden at han ikke kommer til å bli gammel uansett, han ruser seg hver helg",
    "Bryr meg ikke om jeg dør av dette, drikker videre",
    "Søstera mi sa at når hun er borte kan jeg få leiligheten hennes",
    "han har takket oss for alt og drikker hver dag",
    "mamma sier hun bare vil sove for alltid",
    "Hunden er det eneste som holder meg igjen",
    "Har lest meg opp på hvor mange av pillene mine som skal til",
])
def test_warning_signs_as_people_say_them(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Jeg skal ha et foredrag om selvmordsforebygging for russen",
    "Han går av med pensjon og har gitt bort verktøyet sitt til lærlingene",
])
def test_not_suicidal_either_when_it_is_about_work(text):
    assert "suicidal" not in criteria(text), text


def test_a_wish_not_to_wake_is_no_unconscious_person():
    found = read_situations("bryr meg ikke om jeg våkner i morgen eller ikke")
    assert "unconscious" not in found.situations and "suicidal_thoughts" in found.criteria


@pytest.mark.parametrize("text", [
    "Han sitter i bilen på brua og venter på at han tør å hoppe",
    "Har 30 sobril og en flaske vin foran meg, skriver bare så noen vet det. Pass på mamma for meg.",
])
def test_a_goodbye_or_daring_with_the_means_is_danger_now(text):
    assert "suicidal_now" in read_situations(text).situations, text


def test_being_gone_said_of_oneself_is_no_unconscious_red_flag():
    result = assess("når jeg er borte kan du få gitaren min", with_location=False)
    assert not result.danger_to_life and "suicidal" in result.criteria


# ------------------------------------------------ words that only look like danger (written for this test)
@pytest.mark.parametrize("text, situation", [
    ("Jeg skal snakke med en kollega om rus på jobben", "weapon"),                # kollega is no kølle
    ("han drukner sorgen i øl etter at kona døde", "drowning"),                   # an idiom
    ("Broren min døde av en overdose i fjor, finnes det samtalegrupper for etterlatte?", "overdose_poisoning"),
    ("hun tar kokain av og til og sier det bare var en dårlig dag", "overheating"),
])
def test_words_that_only_look_like_danger(text, situation):
    assert situation not in read_situations(text).situations, text


def test_a_shouted_threat_to_kill_is_violence_now():
    assert "violence_now" in read_situations("Eksen står utenfor og roper at han skal drepe meg").situations


@pytest.mark.parametrize("text", [
    "Om kveldene håper jeg at jeg ikke våkner i morgen",
    "Eg vaknar kvar morgon og er skuffa over at eg vakna",
])
def test_hoping_not_to_wake_is_suicidal_not_someone_unconscious(text):
    result = assess(text, with_location=False)
    assert not result.danger_to_life and "suicidal" in result.criteria, text


# Warning signs from helsenorge and Helse Vest, said in words not used to build the catalogue.
@pytest.mark.parametrize("text", [
    "Onkelen min ga bort fiskestanga si til meg og sa at han ikke trenger den der han skal",   # giving away, going
    "Eg trur det hadde vore best for alle om eg ikkje fanst lenger",                          # a burden
    "mamma la igjen en lapp der det sto beklager til alle, hun drikker mye",                  # an apology note
    "det er som om det eneste jeg kan gjøre er å gjøre slutt for godt",                       # ending it
])
def test_warning_signs_in_other_words_are_suicidal(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Samboeren min står på badet med et tau og sier at han skal gjøre det nå",                # rope, "do it", now
    "venninna mi sitter med alle pillene sine i hånda og skriver at nå er det over",          # means at hand
])
def test_means_at_hand_with_intent_and_time_is_danger_now(text):
    assert assess(text, with_location=False).danger_to_life, text


def test_an_engine_running_in_a_garage_is_poisoning_113():
    result = assess("pappa sitter i bilen inne i garasjen og motoren går, han svarer ikke", with_location=False)
    assert result.danger_to_life and result.number in ("113", "both"), result.reasons


@pytest.mark.parametrize("text", [
    "Jeg drikker mye i helgene og husker ikke hva som skjedde etterpå, våknet hos folk jeg ikke kjenner",  # blackout
    "sønnen min klatrer ut på balkongen og henger over rekkverket når han er full, vi bor i fjerde",        # height
    "Kameraten min blir paranoid og trur alle er ute etter han når han røyker mye",                         # psychotic
])
def test_more_dangerous_behaviour_when_intoxicated(text):
    assert "dangerous_behaviour" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Utleier har sendt varsel om utkastelse, jeg har drukket opp alle pengene",     # eviction notice
    "Kona mi har pakket sakene og sier hun flytter ut i morgen fordi jeg drikker",  # partner leaving
    "Han får ikke fortsette i LAR etter at han solgte medisinen sin",               # treatment ends
])
def test_more_social_losses(text):
    assert "social_loss" in criteria(text), text


# Drunk driving is the police's 112 case when it is happening now or about to (data/situations.yml).
@pytest.mark.parametrize("text", [
    "Stefaren min har drukket hele kvelden og sitter nå i bilen med nøklene",
    "mamma er full og skal kjøre oss hjem fra bursdagen",
    "naboen er dritings og rygget akkurat ut av innkjørselen",
    "onkel er full og kjører nå, vi sitter bak",
])
def test_drunk_driving_now_is_112(text):
    found = assess(text, with_location=False)
    assert found.danger_to_life and found.number in ("112", "both"), (text, found.reasons)


@pytest.mark.parametrize("text", [
    "Faren min kjører ofte etter at han har tatt et par øl, hvordan tar jeg det opp?",
    "Bestefar fikk bot for promillekjøring i fjor og skammer seg fortsatt",
    "Jeg har begynt å kjøre moped etter at jeg har røykt, og vet at det er dumt",
])
def test_drunk_driving_as_a_habit_or_the_past_is_dangerous_behaviour_not_112(text):
    found = assess(text, with_location=False)
    assert not found.danger_to_life, (text, found.reasons)


@pytest.mark.parametrize("text", [
    "Jeg har tenkt mye på hvordan jeg skal gjøre det, og jeg drikker for å slippe tankene",   # how, thought of
    "Svigerfar sier at han bare vil sovne og aldri stå opp igjen",                            # wanting never to get up
])
def test_thinking_how_or_wanting_never_to_get_up_is_suicidal(text):
    assert "suicidal" in criteria(text), text


@pytest.mark.parametrize("text", [
    "Tante har tatt alle sovetablettene sine med vin og ligger på sofaen",
    "kjæresten min ringte og ville bare si hadet, han har tatt masse piller",
])
def test_all_of_ones_pills_or_pills_with_a_goodbye_is_an_attempt(text):
    result = assess(text, with_location=False)
    assert result.danger_to_life and "suicidal" in result.criteria, (text, result.reasons)


def test_thoughts_said_not_to_be_for_now_are_suicidal_not_danger_now():
    found = assess("har ikke lyst å være her lenger. ikke sånn at jeg skal gjøre noe i dag, men tankene kommer "
                   "hver gang rusen går ut", with_location=False)
    assert "suicidal" in found.criteria and not found.danger_to_life, found.reasons


def test_fired_from_a_job_is_no_violence():
    found = assess("jeg blir sparket fra jobben hvis jeg kommer full en gang til", with_location=False)
    assert not found.danger_to_life and "social_loss" in found.criteria, found.reasons


# ---------------------------------------------------------------- twelfth session (probe9 generalised)
@pytest.mark.parametrize("text, criterion", [
    ("Sønnen min slåss med folk på byen når han har drukket", "dangerous_behaviour"),     # someone in particular
    ("Eg blir så sint at eg slår folk når eg har teke kokain", "dangerous_behaviour"),    # the writer, nynorsk
    ("Jeg har brukt morfin hver dag, men nå er det tomt og jeg fryser og har rennende nese", "withdrawal"),
    ("Legen satte ned dosen min av subutex, og nå har jeg muskelverk og frysninger", "withdrawal"),
    ("hva er vitsen egentlig. kunne like godt vært borte", "suicidal"),                    # might as well be gone
    ("Svogeren min sa i går at han ikke kommer til å være her til sommeren", "suicidal"),  # won't be here
    ("Jeg må inn på avrusning i dag", "self_defined"),                                     # admission today
])
def test_concepts_from_probe9(text, criterion):
    assert criterion in criteria(text), (text, criteria(text))


def test_people_in_general_when_drinking_is_no_criterion():
    assert "dangerous_behaviour" not in criteria("Folk slåss ofte når de har drukket, står det i avisen")


def test_saying_one_will_not_act_today_is_no_danger_now():
    found = assess("orker ikke mer. men jeg kommer ikke til å gjøre noe i kveld, jeg lover", with_location=False)
    assert "suicidal" in found.criteria and not found.danger_to_life, found.reasons


def test_help_with_a_task_is_no_crisis():
    found = assess("Kan du hjelpe meg å forstå hva avrusning er?", with_location=False)
    assert not found.acute and found.wants != "help_now", found.reasons


def test_cutting_oneself_on_purpose_in_dialect_is_suicidal_and_danger():
    found = assess("mamma har kutta sæ i armen med vilje og det blør masse", with_location=False)
    assert found.danger_to_life and "suicidal" in found.criteria, found.reasons


@pytest.mark.parametrize("text, situation", [
    ("Har gått meg vill etter fest og sitter i en grøft, kjenner ikke tærne lenger og er så trøtt", "hypothermia"),
    ("Søsteren min er så full at hun ikke får fram ordene, og hun er alene med tvillingene på fire måneder",
     "child_unsafe"),
])
def test_numb_in_the_cold_and_twins_with_a_drunk_adult_are_danger(text, situation):
    assert situation in read_situations(text).situations, text


def test_a_stab_wound_after_the_fight_is_over_is_113_not_112():
    found = assess("Jeg ble stukket med kniv i armen i en slåsskamp. Det er over og han stakk av, men det blør "
                   "og blør", with_location=False)
    assert found.danger_to_life and found.number == "113", (found.number, found.reasons)


@pytest.mark.parametrize("text, criterion", [
    ("Broren min sluttet med amfetamin for fire dager siden og er helt nede og sover hele tiden", "withdrawal"),
    ("Eg slutta å drikke for fire dagar sidan og skjelv på hendene om morgonen", "withdrawal"),  # days ago is now
    ("Noen ganger tenker jeg at det hadde vært lettest å bare forsvinne", "suicidal"),
    ("har det helt jævlig nå og trenger noen å snakke med om rusen", "self_defined"),
])
def test_more_of_the_criteria_in_everyday_words(text, criterion):
    assert criterion in criteria(text), (text, criteria(text))


def test_stopping_days_ago_is_withdrawal_now_but_a_seizure_days_ago_is_no_danger_now():
    found = assess("Han fikk kramper for to dager siden etter at han slutta å drikke. Nå er han på jobb.",
                   with_location=False)
    assert not found.danger_to_life, found.reasons


@pytest.mark.parametrize("text", [
    "mamma sa at pappa må flytte ut i morgen fordi han drikker hele tiden. jeg er 9",
    "Sjefen vurderer avskjed denne uka fordi jeg kom full på jobb igjen",
])
def test_a_parent_who_must_move_out_or_a_dismissal_is_social_loss(text):
    assert "social_loss" in criteria(text), (text, criteria(text))


def test_moving_by_choice_is_no_social_loss():
    assert "social_loss" not in criteria("Vi skal flytte ut av byen til sommeren, og jeg lurer på hvor lenge THC vises i urinen")
