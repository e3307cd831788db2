"""Reading the domain's responses in one written standard (issue 18): every variation carries a
malform condition (nb or nn); this gives the variations of one standard with that condition taken
off, so a test can look at them as the person who writes that standard sees them."""
from typing import Dict, List


def in_malform(variants: List[dict], malform: str = "nb") -> List[dict]:
    chosen = []
    for variant in variants:
        conditions = variant.get("condition") or []
        if {"type": "slot", "name": "malform", "value": malform} not in conditions:
            continue
        rest = [c for c in conditions if c.get("name") != "malform"]
        stripped = {k: v for k, v in variant.items() if k != "condition"}
        chosen.append({"condition": rest, **stripped} if rest else stripped)
    return chosen


def responses_in(responses: Dict[str, List[dict]], malform: str = "nb") -> Dict[str, List[dict]]:
    return {name: in_malform(variants, malform) for name, variants in responses.items()}


def say(name: str, **slots) -> str:
    """What Rasa's generator as Losen runs it (channels/nlg.py) says for `name` with these slots
    filled: the text a person sees."""
    import asyncio

    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from channels.nlg import MostSpecificNLG

    domain = _domain()
    tracker = DialogueStateTracker.from_events("t", [SlotSet(k, v) for k, v in slots.items()], slots=domain.slots)
    return asyncio.run(MostSpecificNLG(domain=domain).generate(name, tracker, "rest"))["text"]


_DOMAIN = []


def _domain():
    if not _DOMAIN:
        from rasa.shared.importers.importer import TrainingDataImporter

        from bot import DATA, ROOT

        importer = TrainingDataImporter.load_from_config(str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(DATA)])
        _DOMAIN.append(importer.get_domain())
    return _DOMAIN[0]
