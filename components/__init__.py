"""Custom Rasa graph components (the Rasa side of the NLU pipeline; they call bot/)."""
