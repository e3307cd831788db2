"""Losen's custom actions: thin rasa_sdk wrappers around bot/ (which never imports Rasa)."""
from bot import log_privacy

log_privacy.install()  # a failing action must not put the conversation into the log
