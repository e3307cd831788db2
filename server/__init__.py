"""Losen's Rasa server process: how it is started (python -m server) and what it does with its memory."""
