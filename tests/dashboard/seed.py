"""A believable queue for the browser test and the README screenshots (no real person in it)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.bot.queue.helpers import new_ticket
from tests.dashboard.conftest import Dashboard


def _label(kind: str, evidence: list[str], confidence: float = 0.86) -> dict[str, Any]:
    return {"id": kind, "confidence": confidence, "evidence": evidence}


def seed(dashboard: Dashboard) -> dict[str, Any]:
    now = datetime.now(timezone.utc)
    ids: dict[str, Any] = {}
    ids["fatima"] = dashboard.meedenker("Fatima el Amrani", "formeel", 6, leefgebieden=["financien", "wonen"],
                                        doelgroepen=["ouderen", "laag_ses"], gemeenten=["Goes", "Kapelle"])
    ids["joost"] = dashboard.meedenker("Joost Verhulst", "informeel", 3, leefgebieden=["sociale_relaties"],
                                       doelgroepen=["mantelzorgers", "ouderen"], gemeenten=["Goes"])
    ids["sanne"] = dashboard.meedenker("Sanne de Wit", "formeel", 4, leefgebieden=["gezondheid"],
                                       doelgroepen=["ggz"], gemeenten=["Middelburg"])
    samples = [
        dict(hours=240, sender_id="demo-1", gemeente="Goes", meedenker_type="formeel",
             summary="Over geld en post. Ik krijg steeds brieven van de gemeente over een terugbetaling en ik "
                     "begrijp ze niet. Mijn moeder is 82 en ik regel alles voor haar.",
             leefgebieden=[_label("financien", ["brieven", "terugbetaling"])],
             doelgroepen=[_label("ouderen", ["mijn moeder is 82"]), _label("mantelzorgers", ["ik regel alles"])],
             opschaal_reasons=["meerdere vragen tegelijk", "brieven van instanties"],
             organisations=[{"id": "smwo", "name": "SMWO", "reasons": ["alle vragen, alle groepen"]},
                            {"id": "eva", "name": "Eva Regelt", "reasons": ["mantelzorgmakelaar"]}],
             preferred_moment="dinsdagochtend", preference="geen",
             contact={"name": "Mevrouw Jansen", "phone": "06-12345678", "email": None}),
        dict(hours=20, sender_id="demo-2", gemeente="Goes", meedenker_type="informeel", route="meedenker",
             summary="Over familie en contact met anderen. Sinds mijn man overleden is zit ik veel alleen thuis.",
             leefgebieden=[_label("sociale_relaties", ["alleen thuis"])],
             doelgroepen=[_label("ouderen", ["mijn man overleden"], 0.7)],
             opschaal_reasons=["lichte, praktische vraag"],
             organisations=[{"id": "welzijn", "name": "Welzijn Goes", "reasons": ["ontmoeting in de wijk"]}],
             preferred_moment="liefst 's middags", preference="informeel",
             contact={"name": "Truus", "phone": None, "email": "truus@example.nl"}),
        dict(hours=3, sender_id="demo-3", gemeente="Goes", meedenker_type="formeel",
             summary="Over wonen. De huur is verhoogd en ik krijg geen huurtoeslag meer. Ik ben 19.",
             leefgebieden=[_label("wonen", ["huur", "huurtoeslag"]), _label("financien", ["huurtoeslag"], 0.6)],
             doelgroepen=[_label("jongeren", ["ik ben 19"])],
             opschaal_reasons=["bezwaar tegen een besluit"],
             organisations=[{"id": "raadslieden", "name": "Sociaal raadslieden", "reasons": ["bezwaar maken"]}],
             preferred_moment="na 17 uur", preference=None,
             contact={"name": "Daan", "phone": "0113-123456", "email": None}),
        dict(hours=1, sender_id="demo-4", gemeente="Kapelle", meedenker_type="formeel",
             summary="Over gezondheid. Mijn vader heeft dementie en de thuiszorg is niet genoeg meer.",
             leefgebieden=[_label("gezondheid", ["dementie", "thuiszorg"])],
             doelgroepen=[_label("ouderen", ["mijn vader heeft dementie"]), _label("mantelzorgers", ["mijn vader"])],
             opschaal_reasons=["meerdere wetten (Wmo en Wlz)"],
             organisations=[{"id": "zorgschakels", "name": "Zeeuwse Zorgschakels", "reasons": ["casemanager dementie"]}],
             preferred_moment="maandag", preference="formeel",
             contact={"name": "Peter", "phone": "06-87654321", "email": None}),
        dict(hours=2, sender_id="demo-5", gemeente="Middelburg", meedenker_type="formeel",
             summary="Over gezondheid. Ik voel me al weken somber.",
             leefgebieden=[_label("gezondheid", ["somber"])], doelgroepen=[_label("ggz", ["somber"], 0.6)],
             contact={"name": "Anoniem", "phone": "06-11223344", "email": None}),
    ]
    tickets = []
    for i, sample in enumerate(samples):
        hours = sample.pop("hours")
        ticket, _ = dashboard.store.create(new_ticket(**sample), f"seed:{i}", now=now - timedelta(hours=hours))
        tickets.append(ticket)
    crisis, _ = dashboard.store.create(new_ticket(
        sender_id="demo-3", gemeente=None, urgency="urgent", route="crisis_113", meedenker_type="formeel",
        summary="Over wonen. Soms denk ik dat iedereen beter af is zonder mij.", contact=None,
        leefgebieden=[_label("wonen", ["huur"])], doelgroepen=[_label("jongeren", ["ik ben 19"])],
        opschaal_reasons=["veiligheidsrisico"], organisations=[], preferred_moment=None, preference=None,
        kind="signal"), "seed:crisis", now=now - timedelta(hours=4))
    # A crisis that came with a callback request: an urgent callback, first in the queue.
    urgent, _ = dashboard.store.create(new_ticket(
        sender_id="demo-6", gemeente="Kapelle", urgency="urgent", route="crisis_veilig_thuis",
        meedenker_type="formeel", summary="Over familie. Thuis wordt het steeds onveiliger.",
        leefgebieden=[_label("sociale_relaties", ["thuis"])], doelgroepen=[],
        opschaal_reasons=["veiligheidsrisico"], organisations=[], preferred_moment="zo snel mogelijk",
        preference=None, contact={"name": "Anoniem", "phone": "06-55501234", "email": None}),
        "seed:urgent", now=now - timedelta(minutes=30))
    # Signals of the last day: crisis conversations in which nobody left contact details.
    for i, (hours, route) in enumerate([(1, "crisis_113"), (6, "crisis_112"), (9, "crisis_113"),
                                         (30, "crisis_veilig_thuis")]):
        dashboard.store.create(new_ticket(
            sender_id=f"demo-signal-{i}", gemeente=None, urgency="urgent", route=route, meedenker_type="formeel",
            summary="Over gezondheid.", contact=None, leefgebieden=[], doelgroepen=[], opschaal_reasons=[],
            organisations=[], preferred_moment=None, preference=None, kind="signal"),
            f"seed:signal:{i}", now=now - timedelta(hours=hours))
    dashboard.conversation("demo-3", [
        ("user", "De huur is verhoogd en ik krijg geen huurtoeslag meer"),
        ("bot", "Dat klinkt lastig. Wilt u dat een meedenker u terugbelt?"),
        ("user", "ja graag, bel me op [TELEFOON]"),
        ("bot", "Dank u. Een meedenker belt u uiterlijk woensdag."),
    ])
    ids["tickets"] = tickets
    ids["crisis"] = crisis
    ids["urgent"] = urgent
    return ids
