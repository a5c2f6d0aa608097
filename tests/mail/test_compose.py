"""The words of each mail, without a server: what a coordinator reads, and what it never says."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.mail.compose import DIGEST_ROWS, MailFacts, digest_mail, due_soon_mail, new_ticket_mail

ZONE = ZoneInfo("Europe/Amsterdam")
DUE = datetime(2027, 3, 4, 17, 0, tzinfo=ZONE)


def facts(reference: str = "MD-ABC234", **extra) -> MailFacts:
    return MailFacts(**{"reference": reference, "gemeente": "Goes", "route": "meedenker", "urgent": False,
                        "due_at": DUE, **extra})


def test_an_urgent_ticket_says_so_first_in_the_subject_and_in_the_text():
    mail = new_ticket_mail(facts(urgent=True, route="crisis_veilig_thuis"), "https://d.example", ZONE)
    assert mail.subject == "URGENT: Nieuw terugbelverzoek MD-ABC234 (Goes)"
    assert "Het is urgent" in mail.text and "Route: crisis: Veilig Thuis" in mail.text
    assert "Contact uiterlijk: 4 maart 2027 om 17:00" in mail.text
    assert '<a href="https://d.example/tickets/MD-ABC234">' in mail.html


def test_an_unknown_gemeente_is_named_as_such():
    mail = due_soon_mail(facts(gemeente=None, overdue=True), "https://d.example", ZONE)
    assert mail.subject == "Ticket MD-ABC234 is te laat (gemeente onbekend)"
    assert "Gemeente: onbekend" in mail.text and "(te laat)" in mail.text


def test_the_html_part_escapes_what_it_shows():
    mail = new_ticket_mail(facts(gemeente="<b>Goes</b>"), "https://d.example/?a=1&b=2", ZONE)
    assert "<b>Goes</b>" not in mail.html and "&lt;b&gt;Goes&lt;/b&gt;" in mail.html
    assert 'href="https://d.example/?a=1&amp;b=2/tickets/MD-ABC234"' in mail.html


def test_a_long_digest_lists_the_first_rows_and_counts_all():
    rows = [facts(f"MD-{i:06d}", due_at=DUE + timedelta(hours=i)) for i in range(DIGEST_ROWS + 5)]
    mail = digest_mail(rows, date(2027, 3, 2), "https://d.example", ZONE)
    assert mail.subject == f"Dagoverzicht 2 maart: {DIGEST_ROWS + 5} open, 0 te laat"
    assert f"Open tickets: {DIGEST_ROWS + 5}" in mail.text
    assert "MD-000000" in mail.text and f"MD-{DIGEST_ROWS + 4:06d}" not in mail.text
    assert "de rest staat in het dashboard" in mail.text
