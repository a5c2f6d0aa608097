"""Which gemeenten a configured network covers: a callback is promised only there (issue 29).

Why: a resident of Amsterdam was told "U hoort uiterlijk dinsdag van ons" while no coordinator
here reads tickets for Amsterdam. The gemeenten of the sociale kaart's regions are the ones the
network serves; any other gemeente has free cliëntondersteuning of its own, and the assistant says
so plainly instead of making a promise it cannot keep.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from bot.ops.settings import PROJECT_ROOT
from bot.municipality.sociale_kaart import gemeente_key, load_sociale_kaart


def _kaart_dir() -> Path:
    return Path(os.environ.get("MEEDENKER_SOCIALE_KAART_DIR") or PROJECT_ROOT / "config" / "sociale_kaart")


@lru_cache(maxsize=1)
def covered_gemeenten() -> frozenset[str]:
    """Comparison keys of every gemeente a region of the sociale kaart serves."""
    return frozenset(gemeente_key(name) for name in load_sociale_kaart(_kaart_dir()).gemeenten)


ALL = "alle"


@lru_cache(maxsize=1)
def participating() -> frozenset[str] | None:
    """MEEDENKER_GEMEENTEN: more participating gemeenten beside the kaart's regions, comma
    separated, or "alle" for a network that serves every gemeente (None)."""
    raw = os.environ.get("MEEDENKER_GEMEENTEN", "").strip()
    if raw.lower() == ALL:
        return None
    return frozenset(gemeente_key(name) for name in raw.split(",") if name.strip())


def covers(gemeente: str | None) -> bool:
    """True when a network here serves this gemeente; an unknown gemeente is not refused."""
    if gemeente is None:
        return True
    extra = participating()
    return extra is None or gemeente_key(gemeente) in covered_gemeenten() | extra


@lru_cache(maxsize=1)
def served_names() -> str:
    """The gemeenten the kaart's regions serve, for a resident told "we do not work in X" (residents'
    round 39: a resident asked where the meedenkers do work and was never told): "Borsele, Goes of
    Tholen". Gemeenten added by MEEDENKER_GEMEENTEN alone are left out (only their keys are known)."""
    names = list(load_sociale_kaart(_kaart_dir()).gemeenten)
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]
