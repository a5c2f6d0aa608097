"""Rasa adapters that are neither actions nor channels: the NLU component, stores, the launcher."""
