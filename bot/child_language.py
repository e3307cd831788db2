"""The child-language rules (data/child_language.yml): short sentences, no service jargon.

One checker, used by the tests for every text a child can be shown (domain responses, answers,
open-now lines).
"""
import re
from functools import lru_cache
from typing import List

import yaml

from bot import DATA


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((DATA / "child_language.yml").read_text(encoding="utf-8"))


def sentences(text: str) -> List[str]:
    # "kl. 17.00" and "f.eks." do not end a sentence.
    parts = re.split(r"(?<!\bkl\.)(?<!\bca\.)(?<!\bf\.eks\.)(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def words(sentence: str) -> List[str]:
    # A list marker ("1.", "•") is not a word; a phone number written "116 111" counts as one.
    sentence = re.sub(r"^(\d+\.|•)\s*", "", sentence)
    sentence = re.sub(r"(?<=\d) (?=\d)", "", sentence)
    return [w for w in sentence.split() if re.search(r"\w", w)]


def problems(text: str) -> List[str]:
    """What breaks the rules in `text`: too-long sentences and jargon words, in order found."""
    spec = rules()
    found = []
    for sentence in sentences(text):
        if len(words(sentence)) > spec["max_words_per_sentence"]:
            found.append(f"too long: {sentence!r}")
    lowered = text.lower()
    for word in spec["jargon"]:
        if re.search(r"(?<!\w)" + re.escape(word.lower()), lowered):
            found.append(f"jargon: {word!r}")
    return found
