"""The sociale kaart: which organisations in the resident's region fit the question.

Why this module exists: the meedenker route ends with "matching organisations from the sociale
kaart" (domain guide §4, §6). Every municipality has its own organisations, so the list lives in
configuration: one YAML file per region in ``config/sociale_kaart/``. A municipality replaces the
files, never the code. The files are checked when the assistant starts, and a mistake names the
file and the line, so the person who edits them can fix it without a developer.

File format (see ``config/sociale_kaart/oosterschelderegio.yml`` for a full example)::

    region: Oosterschelderegio
    checked: "2026-11-25"          # when someone last checked the contact data
    example: false                 # optional; true marks made-up demo data
    gemeenten: [Goes, Kapelle]     # official municipality names, each in one region only
    organisaties:
      - id: smwo                   # unique over all files; tickets refer to it
        name: SMWO
        offer: Meedenkers voor alle vragen. Gratis en onafhankelijk.   # one line, at most 20 words
        leefgebieden: alle         # or a list of ids from bot/understanding/werkmodel.py
        doelgroepen: alle          # idem
        type: formeel              # formeel (paid professional) or informeel (volunteer, ervaringsdeskundige)
        contact: {phone: "0113 123456", website: "https://www.smwo.nl"}   # phone and/or website, email optional
        hours: maandag tot en met vrijdag, 9.00 tot 17.00 uur
        gemeenten: [Goes]          # optional: only these gemeenten of the region
        keywords: [schuld]         # optional: only when the resident's words contain one of these
    vandaag:                       # optional: what can happen TODAY for a resident in urgent need
      - id: nachtopvang-goes       # unique over all files, like organisation ids
        name: Nachtopvang Goes
        voor: [onderdak]           # needs from bot/spoed.NEEDS; "jongeren" alone: young people, any need
        phone: "0113 123456"       # phone and/or website
        website: https://www.example.nl
        hours: dag en nacht        # or per day: {maandag-vrijdag: "09:00-17:00", zaterdag: "21:00-09:00"}
        offer: Een bed voor vannacht. U kunt zonder afspraak komen.   # one line, at most 20 words
        checked: "2026-12-06"      # when someone last checked this entry against public information
        voorbeeld: true            # optional: an example, not checked; shown with a warning
        gemeenten: [Goes]          # optional: only these gemeenten of the region

Why ``vandaag`` (issue 25): a 17-year-old with no bed tonight was told a meedenker would call
next week. The assistant must say what can happen today. :meth:`SocialeKaart.vandaag` gives the
region's same-day contacts for one need, open ones first. Residents whose gemeente no region
covers get ``landelijk.yml`` instead: a file with only ``vandaag:``, of contacts that are national
and true (De Kindertelefoon) and general advice that holds everywhere ("Bel vandaag uw
gemeente"). An advice entry (``advies: true``) may have no phone or website; a national entry with
``altijd: true`` is also shown next to a region's own contacts. Hours of the day ("open now") are
Dutch local time (Europe/Amsterdam); a time that ends before it starts runs past midnight.

Nothing is read at import time; call :func:`load_sociale_kaart` once at start-up.

Where things are: the records and scores (model.py), the lookup (lookup.py) and the loading
and checking of the YAML files (loading.py). Callers import from this package only.
"""
from __future__ import annotations

from bot.municipality.sociale_kaart.model import (
    ALLE,
    Contact,
    LANDELIJK_FILE,
    Match,
    OpeningHours,
    Organisatie,
    Region,
    SocialeKaartError,
    TIMEZONE,
    TodayContact,
    VandaagEntry,
    _FOR_GROUP,
    gemeente_key,
)
from bot.municipality.sociale_kaart.lookup import (
    SocialeKaart,
)
from bot.municipality.sociale_kaart.loading import (
    load_sociale_kaart,
)

__all__ = [
    "ALLE",
    "Contact",
    "LANDELIJK_FILE",
    "Match",
    "OpeningHours",
    "Organisatie",
    "Region",
    "SocialeKaart",
    "SocialeKaartError",
    "TIMEZONE",
    "TodayContact",
    "VandaagEntry",
    "_FOR_GROUP",
    "gemeente_key",
    "load_sociale_kaart",
]
