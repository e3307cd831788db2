"""Rasa sends the domain (220 kB of JSON) only to the custom actions that read it (endpoints.yml,
enable_selective_domain): the form's validation action. No other action may read it."""
import inspect
import re
from pathlib import Path

import yaml
from rasa.shared.core.domain import Domain
from rasa_sdk import Action
from rasa_sdk.forms import FormValidationAction

import actions.answers
import actions.crisis
import actions.places
import actions.services

ROOT = Path(__file__).resolve().parent.parent
MODULES = (actions.answers, actions.crisis, actions.places, actions.services)


def losen_actions():
    for module in MODULES:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__:
                yield cls


def test_endpoints_send_the_domain_selectively():
    for name in ("endpoints.yml", "deploy/endpoints.redis.yml"):
        endpoints = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
        assert endpoints["action_endpoint"].get("enable_selective_domain") is True, name


def test_only_form_validation_reads_the_domain_and_it_gets_it():
    domain = Domain.load(str(ROOT / "domain.yml"))
    for cls in losen_actions():
        name = cls().name()
        if issubclass(cls, FormValidationAction):  # reads the form's required slots from the domain
            assert domain.does_custom_action_explicitly_need_domain(name), name
        else:
            source = inspect.getsource(cls)
            assert not re.search(r"\bdomain\s*(\[|\.get\b)", source), f"{name} reads the domain it is not sent"
