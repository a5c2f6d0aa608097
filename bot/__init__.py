"""Meedenker assistant domain core: plain Python, no Rasa imports (see README)."""
