"""bot/audience.py: who is writing, read from the whole message (cues + the writer's own age, bot/writer_age.py).

Every message here was written for this test, in the voices people use: parents' letters with a
signature, teenagers' text messages, nynorsk, a signature line with an age. None is from data/eval/.
"""
import pytest

from bot.audience import detect_audience, is_explicit
from bot.writer_age import writer_age

CHILD = [
    "jeg er 10 år og pappa drikker hver dag",
    "er det min feil at pappa drikker? Jente, 15 år",
    "Gutt, 13",
    "(16) kan man dø av å røyke hasj en gang?",
    "Hei! jeg er en jente på 14 og mamma drikker vin hver kveld",
    "e 15 og mamma e full igjen",
    "15 år gammel gutt her. kompisen min tar piller på fester, er det farlig?",
    "Hilsen Ida (14)",
    "Er 16 og har røykt hasj i et år, er det farlig?",
    # Writing about a boyfriend, signed with an age: the writer's age decides.
    "Hei\nKjæresten min har begynt å ta kokain i helgene. Jeg har tatt det opp med ham, men han sier "
    "at det er under kontroll.\nJeg vet ikke hva jeg skal tro.\nJente 15 år",
    # A long letter about a father, age only in the signature.
    "Hei. Jeg skriver fordi jeg ikke vet hvem andre jeg kan spørre. Faren min drikker nesten hver helg, "
    "og da blir han sur og roper. Mora mi sier at det ikke er så farlig. Jeg liker ikke å være hjemme da. "
    "Jeg har ikke sagt det til noen på skolen. Er det normalt å ha det sånn? Hva kan jeg gjøre?\n"
    "Gutt 13",
    "eg er 12 år og mamma drikk mykje. kven kan eg snakke med?",
    "Jeg er bare 11 og broren min på 19 selger hasj. Jeg er redd",
    "jeg går i 8. klasse og pappa er full hver fredag",
    "Jeg er 17 år og har drukket for mye i helgene i det siste",
    "Hei, eg er ei jente på 15 og bestekompisen min drikk seg full kvar helg",
    "æ e 14 og stefaren min ruse sæ",
    # A self word between "er" and the age; friends writing together.
    "hei jeg er jente 13. mamma har drukket hele dagen og sover på sofaen",
    "vi er 14 begge to og venninna mi har drukket masse, hun kaster opp",
    # A big sister and a father: the writer is the younger child at home.
    "storesøstra mi har tatt noe på fest og pappa er ikke hjemme",
    # Hit by a parent: a child writing about what is done to them is still the child flow.
    "pappa slår meg når han er full og mamma sier ingenting",
    "Eg er gut 12 og mora mi drikk kvar helg",
    "hei! jeg og venninna mi er 15 og vi skal på fest. er det farlig å drikke vodka og ta snus?",
    # The writer's age decides over "gutten min" (a boyfriend here).
    "Hei, jeg er 16 og gutten min drikker mye. hva gjør jeg?",
    "Bestemor drikker hver dag og jeg bor hos henne. Jeg går i 6. klasse.",
]

RELATIVE = [
    # An aunt or a colleague: "mamma"/"pappa" in their message is their own parent, not a child's.
    "Niesen min har begynt å drikke mye. Mamma sier jeg må snakke med henne, hva kan jeg si?",
    "en kollega kommer full på jobb, og pappa sier jeg bør si fra. hva gjør jeg?",
    # A grown-up's work or own children named: a child's words ("en far som drikker") are theirs to tell of.
    "Jeg er lærer og har en elev som sier at faren drikker og at hun må lage middag selv. Hva gjør jeg?",
    "Faren til barna mine ringer full og sier at han skal gjøre slutt på det. Barna spør hvorfor pappa gråter.",
    "Hei. Sønnen min på 19 røyker hasj hver dag. Hva skal jeg gjøre? Mvh bekymret mor",
    "Jeg er mor til en gutt på 17 som har begynt å røyke hasj.",
    "Mannen min drikker hver kveld og jeg orker ikke mer",
    "kjæresten min røyker hasj hele tiden",
    "vennen min tar mye piller, hva gjør jeg?",
    "Jeg er 25 og mamma drikker",
    "sønnen min (16) røyker hasj, og pappaen hans drikker også",
    "Hei, jeg tar kontakt fordi mannen min drikker. Jeg bruker mye tid på å skjule det for ungene.",
    "Kvinne, 52 år. Dattera mi på 24 er avhengig av piller og bor hos meg igjen.",
    "Vi har en sønn på 22 som har brukt amfetamin i to år. Vi foreldre er helt utslitte.",
    # A long letter from a parent; "jeg har tatt", "jeg bruker" are not the writer's own use.
    "Hei. Jeg har en datter på 16 som har endret seg mye det siste halvåret. Hun kommer sent hjem, "
    "lyver om hvor hun har vært, og i går fant jeg noen piller på rommet hennes. Jeg har tatt det opp "
    "med henne, men hun blir bare sint. Jeg bruker all kraft på å holde familien sammen. Faren hennes "
    "mener jeg overdriver. Hvordan kan jeg vite hva pillene er, og hvordan snakker jeg med henne?\n"
    "Hilsen fortvilet mamma",
    "Samboeren min har sprukket igjen etter to år rusfri. Jeg er pårørende og vet ikke hvor jeg skal gå.",
    "Eg er 45 og kona mi drikk i skjul. Korleis kan eg snakke med henne?",
    "Mamma til en gutt på 15 her. Han har begynt å snuse og drikke.",
    "broren min er på kjøret igjen og mamma og pappa orker ikke mer. jeg er 30",
    "Far til ei jente på 17. Hun har vært på fest og kom hjem helt borte.",
    # A letter signed by the writer's relation to the person it is about.
    "Broren min har ruset seg i mange år og bor på gata. Nå svarer han ikke på telefonen.\nHilsen søster",
    "Pappa ringer full hver kveld og sier stygge ting. Jeg har egne barn nå og orker ikke mer.\nHilsen datter, 41",
    "Hei, jeg skriver for en venn som ikke tør selv. Han har brukt kokain hver helg i et år.",
    # Only "han" says who it is about: clause after clause about someone else.
    "han ligger på badegulvet og svarer ikke, han har drukket hele dagen",
    "Sonen min på 20 røykjer hasj kvar dag. Korleis kan eg hjelpe han?",
    "guten min har byrja å snuse og eg trur han drikk òg",
    "Jenta mi på 16 kom heim full i går. Kva skal eg seie til henne?",
    # A clause without a subject goes on about the person named before it.
    "kjæresten min har tatt oxy. sovner hele tiden og puster rart",
    "Hvordan kan jeg hjelpe en venninne som drikker for mye?",
    "svigersønnen min drikker når han har barnebarna. hva kan jeg gjøre",
    # Grown up: a job, a home of one's own; "voksne barn av alkoholikere" are not children.
    ("Mamma er alkoholiker. Jeg har flyttet hjemmefra og jobber som sykepleier, men jeg tenker på henne "
     "hele tiden. Finnes det grupper for voksne barn av alkoholikere?"),
    ("Hei.\nJeg skriver fordi jeg er bekymret for mannen min. Han har alltid drukket noen øl i helgene, men "
     "det siste året har det blitt hver dag. Han sier selv at han har kontroll. Vi har to barn på 6 og 9 år. "
     "Jeg har prøvd å snakke med ham, men han blir sint. Hvordan kan jeg få ham til å forstå at han trenger "
     "hjelp?\nMvh Kari"),
]

USER = [
    # The verb before "jeg" after an adverbial, and the use told on in a clause without a subject.
    "Etter at faren min døde har jeg drukket hver kveld, og i dag drakk jeg før lunsj.",
    "I morgen slutter jeg med pillene.",
    "Eg har vore sjukmeld ei stund og har brukt tablettar for å sove.",
    "Hvordan forteller jeg barna mine på 6 og 9 at jeg skal på behandling i åtte uker?",
    "jeg drikker hver dag og klarer ikke å slutte",
    "Hei! Jeg lurer på om det er farlig å drikke alkohol når man tar antibiotika. Kvinne, 34 år fra Oslo",
    "har tatt sobril i flere år og vil slutte, hvordan gjør jeg det trygt?",
    "eg har drukke kvar dag i tre veker",
    "Mann, 41. Jeg har brukt kokain i helgene og merker at det tar over. Kona mi vet ikke om det.",
    "jeg er 9 uker på vei og har røykt hasj",
    "Jeg er rusavhengig og har mistet leiligheten",
    # Text messages drop "jeg".
    "får ikke sove. har drukket hver kveld i to uker og skjelver om morgenen",
    # The writer's own use outweighs a partner mentioned in passing.
    "Jeg er 34 og tar sobril hver dag, samboeren min vet ikke om det.",
    "Eg er 40 og drikk for mykje. Kona mi har gått lei.",
    # Threatened or hit, writing about what is done to them.
    "Kjæresten min truer med å slå meg når han er full. Jeg er 24.",
    # A mother's signature under a letter about her own drinking.
    "Jeg er en mann på 52 som har drukket i mange år, og nå merker jeg at det tar over.\nHilsen far",
    "Eg har drukke kvar dag i fem år. No vil eg slutte, men eg er redd for abstinensane.\nHelsing Per, 52",
    "hei. har brukt amfetamin i to år. vil slutte men får det ikke til. hvor kan jeg få hjelp?",
]

UNSURE = [
    "hva er LAR?",
    "hva er været i morgen",
    "Vi har drukket i 10 år.",
]


@pytest.mark.parametrize("text", CHILD)
def test_child(text):
    assert detect_audience(text) == "child"


@pytest.mark.parametrize("text", RELATIVE)
def test_relative(text):
    assert detect_audience(text) == "relative"


@pytest.mark.parametrize("text", USER)
def test_user(text):
    assert detect_audience(text) == "user"


@pytest.mark.parametrize("text", UNSURE)
def test_no_cue_is_unsure(text):
    assert detect_audience(text) is None


@pytest.mark.parametrize("text,age", [
    ("jeg er 14", 14),
    ("Gutt, 13", 13),
    ("bla bla. Jente 15 år", 15),
    ("Kvinne, 34 år fra Oslo", 34),
    ("(16) kan man dø av hasj?", 16),
    ("Jeg (16) lurer på noe", 16),
    ("jeg er en 15 år gammel jente", 15),
    ("15-åring her, lurer på noe", 15),
    ("eg er berre 12 år", 12),
    # Not the writer's age: weeks, days, someone else's age, a duration.
    ("jeg er 9 uker på vei", None),
    ("jeg er 14 dager rusfri", None),
    ("sønnen min (16) røyker", None),
    ("Jeg har en bror, Ole (16), som drikker mye.", None),
    ("mor til en gutt på 17", None),
    ("Han er 16.", None),
    ("Vi har drukket i 10 år.", None),
    ("det er 15 år siden", None),
    ("hei jeg er jente 15 og lurer på noe", 15),
    ("vi er 14 og har drukket", 14),
    ("Hilsen datter, 35", 35),
    ("vi er 4 stykker på hytta", None),
    ("vi er 12 venner på tur", None),
    ("jeg og venninna mi er 15 og skal på fest", 15),
])
def test_writer_age(text, age):
    assert writer_age(text).age == age


def test_signature_as_parent():
    assert writer_age("Sønnen min drikker.\nBekymret mor").parent
    assert writer_age("Broren min drikker.\nHilsen storesøster").parent
    assert not writer_age("Sønnen min drikker.").parent


def test_explicit_statements():
    assert is_explicit("jeg er 12 og mamma drikker")
    assert is_explicit("Hva er LAR? Jente 15 år")
    assert is_explicit("jeg er pårørende")
    assert not is_explicit("mamma drikker")
    assert not is_explicit("hva er LAR?")


@pytest.mark.parametrize("text", [
    "Kona mi sier at det er meg eller flaska nå, og at jeg har til helga på meg.",     # an ultimatum to the writer
    "Samboeren min flytter ut hvis eg ikkje sluttar med dopet. Kva gjer eg?",          # what is asked of them
    "Jeg er sykepleier. I fjor tok jeg mer enn legen skrev ut, og nå er det oppdaget.",  # took more, inverted
    "Jeg har vært tørrlagt i tre år, men i kveld kjenner jeg suget.",                   # sober themselves
])
def test_what_is_asked_of_the_writer_or_their_own_sobriety_is_their_own_use(text):
    assert detect_audience(text) == "user", (text, detect_audience(text))


@pytest.mark.parametrize("text", [
    "Mannen min er full og holder en kniv mot meg. Jeg står i gangen.",
    "Kjæresten min er rusa og slår i veggene. Jeg har låst meg inne på badet.",
    "Eksen står og hamrer på døra og vil inn. Eg og ungane sit på soverommet.",
])
def test_someone_threatened_at_home_writes_about_themself(text):
    assert detect_audience(text) == "user", (text, detect_audience(text))


@pytest.mark.parametrize("text, audience", [
    ("Faren min (71) drikker alene hver kveld etter at mamma døde. Bør jeg si noe?", "relative"),
    ("Storesøstera mi er 34 og har begynt å drikke om morgonen. Kva gjer eg?", "relative"),
    ("pappa er 44 og drikker hver dag, vet ikke hva jeg skal gjøre", "child"),   # a child's parent can be 44
])
def test_someone_named_with_a_grown_up_age_makes_a_grown_up_writer(text, audience):
    assert detect_audience(text) == audience, (text, detect_audience(text))
