"""Rasa's end-to-end conversation tests: `rasa test core --e2e` on tests/test_*_conversations.yml.

Every `user:` text in those stories is parsed by the trained model and Losen's reading, and the
intent, the entities and every action must be what the story says (--fail-on-prediction-errors).

One thing is left out of the entity comparison: the values the reading sets for the domain's
conditional responses (components/reading.py: emergency, situation, reader, opening, audience).
They have no span in the text, so a story cannot annotate them; which text they choose is
tested against the running stack (tests/test_rest.py, tests/test_danger_first.py).
Usage: python tests/e2e.py [rasa test core options]
"""
import sys

from rasa.core import test as core_test

from components.reading import EXTRACTOR

_collect = core_test._collect_user_uttered_predictions


def _without_reading_entities(event, predicted, *args, **kwargs):
    predicted = dict(predicted)
    predicted["entities"] = [e for e in predicted.get("entities") or [] if e.get("extractor") != EXTRACTOR]
    return _collect(event, predicted, *args, **kwargs)


def main() -> None:
    core_test._collect_user_uttered_predictions = _without_reading_entities
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "test", "core", "--e2e", "--fail-on-prediction-errors", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
