"""Losen's input channels (Rasa side)."""
