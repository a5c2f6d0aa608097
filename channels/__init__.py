"""Rasa input channels shaped like Rasa's own (rasa/core/channels/*.py), hardened for residents."""
