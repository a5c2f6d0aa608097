"""The text of each mail to coordinators, from a ticket's non-personal fields only.

A mail leaves the municipality's systems and sits in inboxes and phones for years, so it holds
only the reference, gemeente, route, urgency, due time and a link to the dashboard: never the
resident's name, phone number, e-mail address or the words of their worry. `MailFacts` is the
whole of what this module can see, so it cannot leak the rest by mistake.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any, Sequence

from bot.municipality.office_hours import MONTHS
from bot.understanding.werkmodel import ROUTE_LABELS

DIGEST_ROWS = 25  # tickets listed in a digest; the counts cover all of them


@dataclass(frozen=True)
class MailFacts:
    """What a mail may say about one ticket."""

    reference: str
    gemeente: str | None
    route: str
    urgent: bool
    due_at: datetime
    overdue: bool = False
    assigned: bool = False


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str


def facts_of(ticket: Any, due_at: datetime, now: datetime) -> MailFacts:
    """The allowed fields of a queue ticket (bot/queue/models.py Ticket)."""
    return MailFacts(reference=ticket.id, gemeente=ticket.gemeente, route=ticket.route,
                     urgent=ticket.urgency == "urgent", due_at=due_at,
                     overdue=ticket.first_contact_at is None and now > due_at,
                     assigned=ticket.assigned_meedenker_id is not None)


def _when(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} om {local.hour:02d}:{local.minute:02d}"


def _lines(facts: MailFacts, zone: tzinfo) -> list[tuple[str, str]]:
    return [
        ("Ticket", facts.reference),
        ("Gemeente", facts.gemeente or "onbekend"),
        ("Route", ROUTE_LABELS.get(facts.route, facts.route)),
        ("Urgentie", "URGENT" if facts.urgent else "normaal"),
        ("Contact uiterlijk", _when(facts.due_at, zone) + (" (te laat)" if facts.overdue else "")),
    ]


def _text(intro: str, blocks: Sequence[list[tuple[str, str]]], link: str, outro: str) -> str:
    parts = [intro, ""]
    for lines in blocks:
        parts += [f"{label}: {value}" for label, value in lines] + [""]
    parts += [f"Open het dashboard: {link}", "", outro]
    return "\n".join(parts) + "\n"


def _html(intro: str, blocks: Sequence[list[tuple[str, str]]], link: str, outro: str) -> str:
    esc = html.escape
    tables = "".join(
        "<table style=\"border-collapse:collapse;margin:0 0 1em\">" + "".join(
            f"<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">{esc(label)}</th>"
            f"<td style=\"padding:2px 0\">{esc(value)}</td></tr>" for label, value in lines) + "</table>"
        for lines in blocks)
    return ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Meedenker</title></head>"
            "<body style=\"font-family:Arial,sans-serif;font-size:16px;color:#111;max-width:40em\">"
            f"<p>{esc(intro)}</p>{tables}"
            f"<p><a href=\"{esc(link, quote=True)}\">Open het dashboard</a></p>"
            f"<p style=\"color:#444;font-size:14px\">{esc(outro)}</p></body></html>")


OUTRO = ("U krijgt deze e-mail omdat u coördinator bent in het Meedenker dashboard. In deze e-mail staan "
         "bewust geen naam, telefoonnummer of vraag van de inwoner: die ziet u na het inloggen. Kies onder "
         "'Meldingen' in het dashboard welke e-mails u wilt krijgen.")


def _mail(subject: str, intro: str, blocks: Sequence[list[tuple[str, str]]], link: str) -> Mail:
    return Mail(subject, _text(intro, blocks, link, OUTRO), _html(intro, blocks, link, OUTRO))


def _where(facts: MailFacts) -> str:
    return facts.gemeente or "gemeente onbekend"


def new_ticket_mail(facts: MailFacts, dashboard_url: str, zone: tzinfo) -> Mail:
    """At once, when a callback ticket arrives in one of the coordinator's gemeenten."""
    prefix = "URGENT: " if facts.urgent else ""
    subject = f"{prefix}Nieuw terugbelverzoek {facts.reference} ({_where(facts)})"
    intro = ("Er is een nieuw terugbelverzoek binnengekomen. " +
             ("Het is urgent: er was een crisis in het gesprek. Bel de inwoner zo snel mogelijk. "
              if facts.urgent else "") +
             "Wijs een meedenker toe voor de tijd hieronder.")
    return _mail(subject, intro, [_lines(facts, zone)], f"{dashboard_url}/tickets/{facts.reference}")


def due_soon_mail(facts: MailFacts, dashboard_url: str, zone: tzinfo) -> Mail:
    """Once per ticket, when its due time is near (or passed) and no meedenker has it."""
    state = "is te laat" if facts.overdue else "is bijna te laat"
    prefix = "URGENT: " if facts.urgent else ""
    subject = f"{prefix}Ticket {facts.reference} {state} ({_where(facts)})"
    intro = (f"Ticket {facts.reference} {state} en heeft nog geen meedenker. De inwoner is beloofd dat er "
             "uiterlijk op de tijd hieronder contact is.")
    return _mail(subject, intro, [_lines(facts, zone)], f"{dashboard_url}/tickets/{facts.reference}")


def digest_mail(rows: Sequence[MailFacts], day: date, dashboard_url: str, zone: tzinfo) -> Mail:
    """Once a day: the open tickets of the coordinator's gemeenten, urgent and overdue first."""
    ordered = sorted(rows, key=lambda f: (not f.urgent, not f.overdue, f.due_at, f.reference))
    overdue = sum(f.overdue for f in rows)
    urgent = sum(f.urgent for f in rows)
    unassigned = sum(not f.assigned for f in rows)
    subject = f"Dagoverzicht {day.day} {MONTHS[day.month - 1]}: {len(rows)} open, {overdue} te laat"
    summary = [("Open tickets", str(len(rows))), ("Zonder meedenker", str(unassigned)),
               ("Urgent", str(urgent)), ("Te laat", str(overdue))]
    listed = ordered[:DIGEST_ROWS]
    intro = "Dit is het overzicht van de open tickets in uw gemeenten." + (
        f" Hieronder de eerste {DIGEST_ROWS}; de rest staat in het dashboard." if len(rows) > DIGEST_ROWS else "")
    return _mail(subject, intro, [summary, *(_lines(f, zone) for f in listed)], f"{dashboard_url}/tickets")
