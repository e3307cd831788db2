"""Where is the person? Find a Norwegian place named in a free-text message.

    resolve_place("jeg er på Lillehamer nå") -> Resolution(status="found", place=Place(kommune Lillehammer))

Recognises kommuner (also Sami/Kven forms), poststeder, 4-digit postnumre, Oslo bydeler and
fylker, with or without diacritics, inflected ("Bergens") and with small typos. Names that are
also ordinary words ("nå", "Hole", "Moss") count only with a capital letter or after a place
preposition, so "jeg har det vondt og trenger hjelp nå" names no place. A name meaning several
places gives status "ambiguous" with candidates, so the bot can ask which one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot import places_online
from bot.gazetteer import Place, fold, gazetteer

# Prepositions that put a place after them; the first group says where the person is now.
HERE_PREPOSITIONS = {"i", "pa", "ved", "naer", "utenfor", "rundt", "innenfor", "omkring", "bor"}
OTHER_PREPOSITIONS = {"fra", "til", "mot", "nord", "sor", "ost", "vest"}
POSTNUMMER_CUES = {"postnummer", "postnr", "postkode", "nr"}
MAX_WORDS = 4  # longest place name in words ("Os i Østerdalen", "Guovdageaidnu Kautokeino")
FUZZY_MIN_LEN = 5


@dataclass(frozen=True)
class Resolution:
    status: str  # found | ambiguous | none
    place: Place | None = None
    candidates: tuple = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"status": self.status, "place": self.place.to_dict() if self.place else None,
                "candidates": [c.to_dict() for c in self.candidates]}


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    start: int
    capital: bool
    sentence_start: bool


@dataclass(frozen=True)
class _Match:
    places: tuple
    start: int  # token index
    end: int
    text: str
    score: float  # 100 for an exact name
    preposition: str


def resolve_place(text: str) -> Resolution:
    """Find the place a message names; never raises on odd input."""
    tokens = _tokenize(text or "")
    if not tokens:
        return Resolution("none")
    by_number = _postnummer(tokens)
    if by_number:
        return Resolution("found", by_number)
    match = _best(_exact_matches(tokens) or _fuzzy_matches(tokens))
    if match:
        places = tuple(p.with_match(match.text) for p in match.places)
        if len(places) == 1:
            return Resolution("found", places[0])
        return Resolution("ambiguous", None, places)
    return _online(tokens)


def _tokenize(text: str) -> list:
    tokens, sentence_start = [], True
    for m in re.finditer(r"\w+|[.!?]", text):
        word = m.group()
        if word in ".!?":
            sentence_start = True
            continue
        tokens.append(_Token(word, fold(word), m.start(), word[:1].isupper(), sentence_start))
        sentence_start = False
    return tokens


def _postnummer(tokens: list) -> Place | None:
    g = gazetteer()
    for i, tok in enumerate(tokens):
        if len(tok.text) != 4 or not tok.text.isdigit() or tok.text not in g.postnumre:
            continue
        neighbours = tokens[max(0, i - 1):i] + tokens[i + 1:i + 2]
        if any(n.text.isdigit() for n in neighbours):
            continue  # part of a phone number ("22 33 44 55")
        place = g.postnumre[tok.text]
        after = tokens[i + 1].key if i + 1 < len(tokens) else ""
        before = tokens[i - 1].key if i else ""
        # 1900-2099 read as years ("siden 2019") unless something says it is a postnummer.
        looks_like_year = 1900 <= int(tok.text) <= 2099
        if not looks_like_year or len(tokens) <= 2 or before in POSTNUMMER_CUES \
                or after == fold(place.name).split(" ")[0]:
            return place.with_match(tok.text)
    return None


def _preposition(tokens: list, start: int) -> str:
    if start == 0:
        return ""
    word = tokens[start - 1].key
    return word if word in HERE_PREPOSITIONS or word in OTHER_PREPOSITIONS else ""


def _accept(tokens: list, start: int, end: int, key: str, preposition: str) -> bool:
    """Is this exact name a place here, or an ordinary word that happens to be a place name?"""
    g = gazetteer()
    first = tokens[start]
    capital_inside = first.capital and not first.sentence_start
    whole = len(tokens) == end - start  # the message is just the name: an answer to "Hvor er du?"
    if key in g.strict:
        return first.capital and (bool(preposition) or not first.sentence_start
                                  or (whole and key not in g.common))
    if key in g.weak or key in g.common or len(key) <= 3:
        return bool(preposition) or capital_inside or whole or (len(tokens) <= 3 and first.capital)
    return True


def _exact_matches(tokens: list) -> list:
    g = gazetteer()
    found = []
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + MAX_WORDS), start, -1):
            words = tokens[start:end]
            key = " ".join(t.key for t in words)
            if any(t.text.isdigit() for t in words):
                continue
            places = g.index.get(key)
            if places is None and key.endswith("s") and len(key) > 4:
                key = key[:-1]  # genitive: "Bergens legevakt"
                places = g.index.get(key)
            if places is None:
                continue
            prep = _preposition(tokens, start)
            if _accept(tokens, start, end, key, prep):
                text = " ".join(t.text for t in words)
                found.append(_Match(places, start, end, text, 100.0, prep))
                break  # the longest name starting here wins
    return found


def _fuzzy_matches(tokens: list) -> list:
    """Typos ("lillehamer", "trondhiem"): one- and two-word spans against all names."""
    g = gazetteer()
    found = []
    for start in range(len(tokens)):
        prep = _preposition(tokens, start)
        capital_inside = tokens[start].capital and not tokens[start].sentence_start
        for end in (start + 2, start + 1):
            if end > len(tokens):
                continue
            # Marked as a name (capital, or the whole message is the name) > after a preposition >
            # bare word, where only a nearly exact kommune name is trusted.
            if capital_inside or end - start == len(tokens):
                choices, cutoff = g.keys, 85
            elif prep:
                choices, cutoff = g.keys, 88
            else:
                choices, cutoff = g.kommune_keys, 92
            words = tokens[start:end]
            key = " ".join(t.key for t in words)
            if len(key) < FUZZY_MIN_LEN or any(t.key in g.common or t.text.isdigit() for t in words):
                continue
            hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit and hit[0] not in g.strict and hit[0] not in g.weak:
                text = " ".join(t.text for t in words)
                found.append(_Match(g.index[hit[0]], start, end, text, hit[1], prep))
                break
    return found


def _best(matches: list) -> _Match | None:
    # A name inside a longer name is not a match of its own ("Rana" in "Mo i Rana").
    matches = [m for m in matches if not any(
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for o in matches)]
    if not matches:
        return None

    def rank(m: _Match):
        here = 2 if m.preposition in HERE_PREPOSITIONS else 1 if m.preposition else 0
        return (m.score >= 100, here, m.score, m.end - m.start, m.start)

    return max(matches, key=rank)


def _online(tokens: list) -> Resolution:
    """Last resort, off unless LOSEN_ONLINE_PLACES=1: ask Kartverket about a capitalised name."""
    if not places_online.enabled():
        return Resolution("none")
    for i, tok in enumerate(tokens):
        if tok.capital and (_preposition(tokens, i) in HERE_PREPOSITIONS or not tok.sentence_start) \
                and len(tok.key) >= 3 and tok.key not in gazetteer().common:
            place = places_online.lookup(tok.text)
            if place:
                return Resolution("found", place)
    return Resolution("none")


def choose_candidate(candidates, answer: str) -> Place | None:
    """The person's answer to "Mente du Våler i Østfold eller Våler i Innlandet?" -> that place.

    Matches the fylke or kommune named in the answer ("den i Østfold", "Bjørnafjorden"), or a
    fresh place that is one of the candidates; None when the answer does not single one out.
    """
    words = f" {fold(answer)} "
    picked = [c for c in candidates if f" {fold(c.fylke)} " in words or
              (c.kommune != c.name and f" {fold(c.kommune)} " in words)]
    if len(picked) == 1:
        return picked[0]
    again = resolve_place(answer)
    if again.status == "found":
        same = [c for c in candidates if c.kommunenummer == again.place.kommunenummer]
        return same[0] if len(same) == 1 else None
    return None
