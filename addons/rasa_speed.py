"""Moved to addons/rasa_patches/speed.py (issue 30); kept only for addons/stores.py's import of
`copy_tracker` until that import names the new module."""
from addons.rasa_patches.speed import copy_tracker

__all__ = ["copy_tracker"]
