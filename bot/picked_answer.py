"""The answer the answer picker chose for a message, read from the parse data it wrote
(components/answer_picker.py, in the format of Rasa's ResponseSelector). One home for the
action, the reading component and the response generator (channels/nlg.py)."""
from typing import Any, Dict, Optional

from bot.answer_picker import min_confidence


def _chosen(parse_data: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    selector = (parse_data or {}).get("response_selector") or {}
    return (selector.get("faq") or selector.get("default") or {}).get("response") or {}


def picked_answer(parse_data: Optional[Dict[str, Any]]) -> Optional[str]:
    """The answer's response name (utter_faq/<key>) the picker ranked first, sure or not."""
    name = _chosen(parse_data).get("utter_action")
    return name if isinstance(name, str) and name.startswith("utter_faq/") else None


def confidence(parse_data: Optional[Dict[str, Any]]) -> float:
    try:
        return float(_chosen(parse_data).get("confidence") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def sure_answer(parse_data: Optional[Dict[str, Any]]) -> Optional[str]:
    """The picked answer when the picker is sure of it (faq_min_confidence), else None."""
    return picked_answer(parse_data) if confidence(parse_data) >= min_confidence() else None
