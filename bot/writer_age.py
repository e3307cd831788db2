"""The writer's own stated age, and whether they sign by their relation to someone.

Read from the whole message: "jeg er 14", "jeg er jente 15", "Gutt, 13", "vi er 14", "Kvinne, 34
år fra Oslo", "(16)", a signature "Mvh Jente 15", "Hilsen bekymret mor", "Hilsen datter, 35".
bot/audience.py weighs it first: a writer under 18 is the child flow whatever the message is
about, and a grown-up writing about "mamma" is a relative. Word lists: data/audience.yml
(`age_reader`).
"""
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot.audience_data import age_reader
from bot.textnorm import fold

# Words, numbers and parentheses; "15-åring" -> "15", "åring"; "15år" -> "15", "år".
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[()%]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Writer:
    """What the message says about the writer: a stated age, whether they sign as a parent, and whether
    they name someone of an age that makes them grown up themselves ("faren min er 70")."""
    age: Optional[int] = None
    parent: bool = False
    names_an_elder: bool = False


def _sentences(text: str) -> List[List[Tuple[str, str]]]:
    """Each sentence (or line) as (written, folded) tokens."""
    out = []
    for part in _SENTENCE_END.split(text or ""):
        tokens = [(t, fold(t)) for t in _TOKEN.findall(part)]
        if tokens:
            out.append(tokens)
    return out


def _age(folded: str, r: dict) -> Optional[int]:
    if folded.isdigit() and len(folded) <= 2 and r["min_age"] <= int(folded) <= r["max_age"]:
        return int(folded)
    return None


def _skip(words: List[str], i: int, skippable: frozenset, step: int) -> int:
    while 0 <= i < len(words) and words[i] in skippable:
        i += step
    return i


def _after_is_age(words: List[str], i: int, r: dict) -> bool:
    """The word after the number does not make it weeks, days, glasses, ..."""
    j = i + 1
    if j < len(words) and words[j] in ("ar", "aar", "aring"):
        return True
    return j >= len(words) or words[j] not in r["not_age_after"]


def _statement_age(words: List[str], r: dict) -> Optional[int]:
    """'jeg er 14', 'eg er berre 13 år', 'jeg er en 15 år gammel jente', 'er 15 og ...', 'jeg er ei jente på 14'."""
    articles = frozenset(("en", "ei", "et", "eit"))
    for i, word in enumerate(words):
        age = _age(word, r)
        if age is None:
            continue
        j = _skip(words, i - 1, r["age_adverbs"] | articles, -1)
        # "jeg er ei jente på 14": step back over "på" and a self word; "jeg er jente 15": the self word.
        if j >= 1 and words[j] == "pa" and words[j - 1] in r["self_words"]:
            j = _skip(words, j - 2, articles, -1)
        elif j >= 1 and words[j] in r["self_words"]:
            j = _skip(words, j - 1, articles, -1)
        if j < 0 or words[j] not in r["be_words"]:
            continue
        subject_dropped = j == 0  # "Er 15 og pappa drikker"
        # "vi er 14", "jeg og venninna mi er 15": the writers together.
        together = "og" in words[max(0, j - 4):j] and any(w in r["i_words"] for w in words[max(0, j - 5):j])
        writer = subject_dropped or words[j - 1] in r["i_words"] or words[j - 1] in r["we_words"] or together
        if writer and _after_is_age(words, i, r):
            return age
    return None


def _self_word_age(words: List[str], r: dict) -> Tuple[Optional[int], bool]:
    """'Gutt, 13', 'Jente 15 år', 'Kvinne, 34 år fra Oslo', '15 år gammel jente her', 'Mamma (45)'."""
    start = _skip(words, 0, r["lead_words"], 1)
    selves = r["self_words"] | r["parent_self_words"]
    if start < len(words) and words[start] in selves:
        k = start + 1 + (start + 1 < len(words) and words[start + 1] == "(")
        if k < len(words) and _age(words[k], r) is not None and _after_is_age(words, k, r):
            return _age(words[k], r), words[start] in r["parent_self_words"]
    if start < len(words) and _age(words[start], r) is not None:
        if start + 1 < len(words) and words[start + 1] == "aring":  # "15-åring her"
            return _age(words[start], r), False
        k = _skip(words, start + 1, frozenset(("ar", "aar", "aring", "gammel", "gamal", "gamle")), 1)
        if k > start + 1 and k < len(words) and words[k] in selves:
            return _age(words[start], r), words[k] in r["parent_self_words"]
    return None, False


def _paren_age(sentence: List[Tuple[str, str]], last: bool, r: dict) -> Optional[int]:
    """'Jeg (16) lurer på ...', '(16) kan man ...', 'Ida (16)' at the end; not 'sønnen min (16)'."""
    words = [f for _, f in sentence]
    for i in range(1, len(words) - 1):
        if words[i - 1] != "(" or words[i + 1] not in (")", "ar") or _age(words[i], r) is None:
            continue
        before = words[i - 2] if i >= 2 else None
        if before in r["other_person_words"]:
            continue
        closes = last and i + 2 >= len(words)  # "Hilsen Ida (14)" ends the message: a signature
        if before is None or before in r["i_words"] or before in r["self_words"] or closes:
            return _age(words[i], r)
    return None


def _signature(sentence: List[Tuple[str, str]], r: dict) -> Tuple[Optional[int], bool]:
    """A short closing line of names, self words and one age: 'Jente 15 år', '- Ida, 14', 'Bekymret mor'."""
    if len(sentence) > r["signature_max_words"]:
        return None, False
    allowed = r["signature_words"] | r["self_words"] | r["parent_self_words"] | r["lead_words"]
    ages, parent = [], False
    for written, folded in sentence:
        if folded in ("(", ")", "%"):
            continue
        if folded.isdigit():
            if _age(folded, r) is None:
                return None, False
            ages.append(int(folded))
        elif folded in r["parent_self_words"]:
            parent = True
        elif folded in allowed:
            continue
        elif not (written[:1].isupper() and folded not in r["not_names"] and folded not in r["other_person_words"]):
            return None, False
    # A bare number ("12", a reply to something else) is not a signature: it needs a word with it.
    worded = any(f.isalpha() for _, f in sentence)
    return (ages[0] if len(ages) == 1 and worded else None), parent


def _names_an_elder(words: List[str], r: dict) -> bool:
    """'faren min er 70', 'Faren min (68)', 'lillebroren min er 30', 'kompisen min (28)'."""
    for i, word in enumerate(words):
        if word in r["elder_words"]:
            least = r["elder_from"]
        elif word in r["grown_sibling_words"]:
            least = r["grown_sibling_from"]
        else:
            continue
        after = _skip(words, i + 1, r["elder_age_between"], 1)
        if after < len(words) and after - i <= r["elder_age_reach"] and words[after].isdigit() and len(words[after]) <= 2 \
                and int(words[after]) >= least and _after_is_age(words, after, r):
            return True
    return False


def writer_age(text: str) -> Writer:
    """The writer's own stated age (and whether they sign as a parent), read from the whole message."""
    r = age_reader()
    sentences = _sentences(text)
    found, parent = None, False
    for sentence in sentences:
        found = _statement_age([f for _, f in sentence], r)
        if found is not None:
            break
    if found is None:
        for sentence in sentences:
            found, parent = _self_word_age([f for _, f in sentence], r)
            if found is not None:
                break
    if found is None:
        for n, sentence in enumerate(sentences):
            found = _paren_age(sentence, n == len(sentences) - 1, r)
            if found is not None:
                break
    if sentences:
        signed_age, signed_parent = _signature(sentences[-1], r)
        if found is None:
            found = signed_age
        parent = parent or signed_parent
    elder = any(_names_an_elder([f for _, f in sentence], r) for sentence in sentences)
    return Writer(found, parent, elder)


