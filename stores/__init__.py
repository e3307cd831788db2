"""Rasa tracker stores of Losen's own (loaded by endpoints.yml)."""
