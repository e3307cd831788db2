"""Losen's custom actions: thin rasa_sdk wrappers around bot/ (which never imports Rasa)."""
