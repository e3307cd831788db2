"""Which written standard a person writes: nynorsk ("nn"), bokmål ("nb") or not clear (None).

Read from the person's own words (issue 18). Two sources of evidence, both in data:
- short lists in data/malform.yml of clear nynorsk and bokmål forms, and of free dialect spellings
  ("æ", "ka", "ska") that speak against nynorsk: dialect written as spoken is not nynorsk;
- simplemma's maintained nynorsk and bokmål word tables: a word known in only one of them is a
  weak sign of that standard.
The caller keeps bokmål when the answer is None. `asks_for` reads an explicit wish
("kan du skrive nynorsk?"), which wins over the words.
"""
import re
import unicodedata
from functools import lru_cache
from typing import List, Optional, Tuple

import yaml

from bot import DATA
from bot.terms import known_in

MALFORM_FILE = DATA / "malform.yml"
MALFORMS = ("nb", "nn")  # the values of the malform slot (domain.yml)
# Letters Norwegians type, including ò in "òg"; no folding, since "òg" and "og" differ here.
_TOKEN = re.compile(r"[a-zæøåàáâäéèêëòóôöüœç]+")


@lru_cache(maxsize=1)
def _spec() -> dict:
    spec = yaml.safe_load(MALFORM_FILE.read_text(encoding="utf-8"))
    for key in ("nynorsk", "bokmal", "dialect"):
        spec[key] = frozenset(w.lower() for w in spec[key])
    ask = spec["ask"]
    ask["names"] = {form: frozenset(names) for form, names in ask["names"].items()}
    ask["cues"] = frozenset(ask["cues"])
    ask["negations"] = frozenset(ask["negations"])
    return spec


def tokens(text: str) -> List[str]:
    """Lower-case word tokens, accents kept (NFC, so a typed "o" + combining grave is "ò")."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def score(text: str) -> Tuple[int, int, int]:
    """Points for (nynorsk, bokmål, dialect) in `text`; each word counts once, for one side."""
    spec = _spec()
    weights = spec["weights"]
    nn = nb = dialect = 0
    for word in tokens(text):
        if word in spec["nynorsk"]:
            nn += weights["marker"]
        elif word in spec["bokmal"]:
            nb += weights["marker"]
        elif word in spec["dialect"]:
            dialect += weights["dialect"]
        elif len(word) > 2:
            in_nn = known_in(word, "nn")
            in_nb = known_in(word, "nb")
            if in_nn and not in_nb:
                nn += weights["word_list"]
            elif in_nb and not in_nn:
                nb += weights["word_list"]
    return nn, nb, dialect


def detect_malform(text: str) -> Optional[str]:
    """ "nn" when the message is clearly nynorsk, "nb" when clearly bokmål, else None."""
    spec = _spec()
    nn, nb, dialect = score(text)
    if nn - nb - dialect >= spec["nn_margin"]:
        return "nn"
    if nb - nn >= spec["nb_margin"]:
        return "nb"
    return None


def asks_for(text: str) -> Optional[str]:
    """The standard the person asks Losen to write ("skriv på nynorsk" -> "nn"), or None."""
    ask = _spec()["ask"]
    words = tokens(text)
    mentions = []  # (position, form, turned down)
    for i, word in enumerate(words):
        for form, names in ask["names"].items():
            if word in names:
                before = words[max(0, i - 2):i]
                # "ikkje bokmål", "ikke på nynorsk"; not "kan du ikkje skrive nynorsk?" (a request)
                negated = bool(before) and (before[-1] in ask["negations"]
                                            or (before[-1] == "på" and len(before) == 2
                                                and before[0] in ask["negations"]))
                mentions.append((i, form, negated))
    if not mentions:
        return None
    other = {"nn": "nb", "nb": "nn"}
    # "frå bokmål til nynorsk": the one after "til"
    for i, form, negated in mentions:
        if i > 0 and words[i - 1] == "til" and not negated:
            return form
    wanted = {other[form] if negated else form for _, form, negated in mentions}
    if len(wanted) != 1:
        return None  # "nynorsk eller bokmål?"
    named = {w for names in ask["names"].values() for w in names}
    rest = [w for w in words if w not in named and w != "på"]
    if rest and not set(words) & (ask["cues"] | ask["negations"]):
        return None  # a mention, not a request ("eg hadde nynorsk på skulen")
    return wanted.pop()
