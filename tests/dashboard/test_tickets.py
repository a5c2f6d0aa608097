"""Working the queue over HTTP: the queue, the ticket page, contact (audited), assignment, status,
conflicts, export and erasure; scoped to the coordinator's gemeenten."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from bot.queue.models import AuditEntry, Ticket
from bot.queue.staff import StatusChange
from tests.bot.queue.helpers import EMAIL, NAME, PHONE
from tests.dashboard.conftest import CSRF


@pytest.fixture(scope="module")
def coordinator(dashboard):
    return dashboard.user("coordinator", ("Goes",))


@pytest.fixture(scope="module")
def admin(dashboard):
    return dashboard.user("admin", ())


def ago(**delta) -> datetime:
    return datetime.now(timezone.utc) - timedelta(**delta)


def test_the_queue_puts_urgent_first_then_the_oldest_and_counts_per_status(dashboard, coordinator):
    newer = dashboard.ticket(created_at=ago(hours=1), gemeente="Goes")
    older = dashboard.ticket(created_at=ago(hours=3), gemeente="Goes")
    urgent = dashboard.ticket(created_at=ago(minutes=10), gemeente="Goes", urgency="urgent", route="crisis_113",
                              contact=None)
    elsewhere = dashboard.ticket(gemeente="Middelburg")
    client = dashboard.signed_in(coordinator)
    page = client.get("/tickets").text
    positions = [page.index(t.id) for t in (urgent, older, newer)]
    assert positions == sorted(positions)
    assert elsewhere.id not in page
    counts = page.split('class="counts"', 1)[1].split("</ul>", 1)[0]
    before = int(counts.split("Nieuw: <strong>", 1)[1].split("<", 1)[0])
    dashboard.ticket(gemeente="Goes")
    dashboard.ticket(gemeente="Middelburg")
    counts = client.get("/tickets").text.split('class="counts"', 1)[1].split("</ul>", 1)[0]
    assert int(counts.split("Nieuw: <strong>", 1)[1].split("<", 1)[0]) == before + 1


def test_filters_narrow_the_queue(dashboard, coordinator):
    wonen = dashboard.ticket(gemeente="Goes", route="luisteren", meedenker_type="informeel",
                             leefgebieden=[{"id": "wonen", "confidence": 0.8, "evidence": ["huur"]}],
                             doelgroepen=[{"id": "jongeren", "confidence": 0.8, "evidence": ["ik ben 17"]}])
    geld = dashboard.ticket(gemeente="Goes", created_at=ago(days=20))
    client = dashboard.signed_in(coordinator)
    checks = {
        "leefgebied=wonen": (wonen, geld), "leefgebied=financien": (geld, wonen),
        "doelgroep=jongeren": (wonen, geld), "route=luisteren": (wonen, geld),
        "type=informeel": (wonen, geld), "type=formeel": (geld, wonen),
        f"van={(ago(days=1)).date().isoformat()}": (wonen, geld),
        f"tot={(ago(days=10)).date().isoformat()}": (geld, wonen),
        "status=afgerond": (None, wonen), "meedenker=geen": (wonen, None),
    }
    for query, (shown, hidden) in checks.items():
        page = client.get(f"/tickets?{query}").text
        if shown:
            assert shown.id in page, query
        if hidden:
            assert hidden.id not in page, query


def test_another_gemeentes_ticket_is_not_found_for_every_action(dashboard, coordinator):
    other = dashboard.ticket(gemeente="Middelburg")
    client = dashboard.signed_in(coordinator)
    assert client.get(f"/tickets/{other.id}").status_code == 404
    token = client.csrf("/tickets")
    for action, data in (("contact", {}), ("status", {"status": "afgerond", "version": "1"}),
                         ("toewijzen", {"meedenker": "1", "version": "1"}), ("wissen", {"bevestig": "ja"})):
        answer = client.post(f"/tickets/{other.id}/{action}", data={"csrf_token": token, **data})
        assert answer.status_code == 404, action
    assert client.get("/tickets/MD-ZZZZZZ").status_code == 404  # the same answer as for a real one
    assert client.get(f"/tickets?gemeente=Middelburg").text.count(other.id) == 0
    assert dashboard.store.get(other.id).status == "nieuw"
    with dashboard.store.session_factory() as session:
        looked = session.execute(sa.select(AuditEntry).where(AuditEntry.ticket_id == other.id,
                                                             AuditEntry.action == "viewed_contact")).first()
    assert looked is None


def test_a_crisis_flag_and_the_callback_of_the_same_conversation_are_shown_together(dashboard, coordinator):
    crisis = dashboard.ticket(sender_id="bewoner-crisis", gemeente=None, urgency="urgent", route="crisis_113",
                              contact=None, summary="Over gezondheid. ik wil er niet meer zijn")
    callback = dashboard.ticket(sender_id="bewoner-crisis", gemeente="Goes")
    lonely = dashboard.ticket(sender_id="bewoner-alleen", gemeente=None, urgency="urgent", route="crisis_113",
                              contact=None)
    client = dashboard.signed_in(coordinator)
    page = client.get(f"/tickets/{callback.id}").text
    assert "Uit hetzelfde gesprek" in page and crisis.id in page
    assert callback.id in client.get(f"/tickets/{crisis.id}").text
    assert crisis.id in client.get("/tickets").text
    assert client.get(f"/tickets/{lonely.id}").status_code == 404  # no gemeente of theirs behind it
    assert lonely.id in dashboard.signed_in(dashboard.user("admin", ())).get(f"/tickets/{lonely.id}").text


def test_the_ticket_page_explains_the_classification_and_shows_a_masked_transcript(dashboard, coordinator):
    ticket = dashboard.ticket(sender_id="bewoner-transcript", gemeente="Goes")
    dashboard.conversation("bewoner-transcript", [("user", "Ik heb een brief over bezwaar, bel 06-12345678"),
                                              ("bot", "Dank u. Een meedenker kan u helpen.")])
    page = dashboard.signed_in(coordinator).get(f"/tickets/{ticket.id}").text
    for expected in ("geld en post", "<q>brief</q>", "<q>bezwaar</q>", "ouderen", "<q>mijn moeder</q>",
                     "Advies: Formeel (beroepskracht)", "meerdere wetten", "SMWO", "alle vragen", "dinsdagmiddag",
                     "Een meedenker kan u helpen.", "Eerste contact uiterlijk"):
        assert expected in page, expected
    assert "06-12345678" not in page and "bezwaar, bel [TELEFOON]" in page
    assert PHONE not in page and EMAIL not in page and NAME not in page


def test_contact_details_only_after_the_post_and_the_look_is_audited(dashboard, coordinator):
    ticket = dashboard.ticket(gemeente="Goes")
    client = dashboard.signed_in(coordinator)
    page = client.get(f"/tickets/{ticket.id}")
    assert PHONE not in page.text and "Toon contactgegevens" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert client.get(f"/tickets/{ticket.id}/contact").status_code in (404, 405)
    shown = client.submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/contact", {})
    assert shown.status_code == 200 and PHONE in shown.text and EMAIL in shown.text and NAME in shown.text
    assert shown.headers["Cache-Control"] == "no-store"
    with dashboard.store.session_factory() as session:
        entries = session.execute(sa.select(AuditEntry).where(AuditEntry.ticket_id == ticket.id,
                                                              AuditEntry.action == "viewed_contact")).scalars().all()
    assert [e.actor for e in entries] == [f"dashboard:{coordinator}"]
    assert abs((entries[0].at - datetime.now(timezone.utc)).total_seconds()) < 60
    assert f"dashboard:{coordinator}" in client.get(f"/tickets/{ticket.id}").text  # "Eerder bekeken door"


def _version(page: str) -> str:
    return page.split('name="version" value="', 1)[1].split('"', 1)[0]


def test_status_changes_with_notes_build_the_history(dashboard, coordinator):
    ticket = dashboard.ticket(gemeente="Goes")
    client = dashboard.signed_in(coordinator)
    for step, note in (("niet_bereikt", "Geen gehoor, voicemail ingesproken"), ("in_gesprek", ""),
                       ("afgerond", "Doorgestuurd naar 06-11112222 bij SMWO")):
        page = client.get(f"/tickets/{ticket.id}").text
        answer = client.post(f"/tickets/{ticket.id}/status", data={
            "csrf_token": CSRF.findall(page)[-1], "version": _version(page), "status": step, "note": note})
        assert answer.status_code == 303, answer.text[-500:]
    page = client.get(f"/tickets/{ticket.id}?bericht=status").text
    assert "De status is gewijzigd." in page
    assert "Geen gehoor, voicemail ingesproken" in page
    assert "06-11112222" not in page  # notes are masked like every other stored text
    stored = dashboard.store.get(ticket.id)
    assert stored.status == "afgerond" and stored.first_contact_at is not None
    with dashboard.store.session_factory() as session:
        steps = session.execute(sa.select(StatusChange.from_status, StatusChange.to_status)
                                .where(StatusChange.ticket_id == ticket.id).order_by(StatusChange.id)).all()
    assert [tuple(s) for s in steps] == [("nieuw", "niet_bereikt"), ("niet_bereikt", "in_gesprek"),
                                         ("in_gesprek", "afgerond")]
    # A step the flow does not allow (afgerond -> in_gesprek) is refused with a message.
    page = client.get(f"/tickets/{ticket.id}").text
    refused = client.post(f"/tickets/{ticket.id}/status", data={
        "csrf_token": CSRF.findall(page)[-1], "version": _version(page), "status": "in_gesprek"})
    assert refused.status_code == 400 and "Deze stap kan niet" in refused.text


def test_a_stale_form_gets_a_409_and_overwrites_nothing(dashboard, coordinator):
    ticket = dashboard.ticket(gemeente="Goes")
    anna, bram = dashboard.signed_in(coordinator), dashboard.signed_in(dashboard.user("coordinator", ("Goes",)))
    page_anna, page_bram = anna.get(f"/tickets/{ticket.id}").text, bram.get(f"/tickets/{ticket.id}").text
    first = anna.post(f"/tickets/{ticket.id}/status", data={
        "csrf_token": CSRF.findall(page_anna)[-1], "version": _version(page_anna), "status": "doorverwezen",
        "note": "Naar schuldhulp"})
    assert first.status_code == 303
    second = bram.post(f"/tickets/{ticket.id}/status", data={
        "csrf_token": CSRF.findall(page_bram)[-1], "version": _version(page_bram), "status": "afgerond",
        "note": "Klaar"})
    assert second.status_code == 409
    assert "Iemand anders heeft dit ticket net gewijzigd" in second.text
    assert dashboard.store.get(ticket.id).status == "doorverwezen"
    dashboard.meedenker("Conflict Carla")
    stale_assign = bram.post(f"/tickets/{ticket.id}/toewijzen", data={
        "csrf_token": CSRF.findall(page_bram)[-1], "version": _version(page_bram), "meedenker": "1"})
    assert stale_assign.status_code == 409
    assert dashboard.store.get(ticket.id).assigned_meedenker_id is None


def test_assigning_suggests_fitting_meedenkers_first_and_refuses_a_full_one_unless_confirmed(dashboard, coordinator):
    fit = dashboard.meedenker("Fatima Formeel", "formeel", 1, leefgebieden=["financien"], gemeenten=["Goes"])
    dashboard.meedenker("Ingrid Informeel", "informeel", 5, gemeenten=["Middelburg"])
    first = dashboard.ticket(gemeente="Goes")
    second = dashboard.ticket(gemeente="Goes")
    client = dashboard.signed_in(coordinator)
    page = client.get(f"/tickets/{first.id}").text
    section = page.split('id="kop-toewijzen"', 1)[1]
    assert section.index("Fatima Formeel") < section.index("Ingrid Informeel")
    assert "kennis van geld en post" in section and "werkt in Goes" in section
    done = client.post(f"/tickets/{first.id}/toewijzen", data={
        "csrf_token": CSRF.findall(page)[-1], "version": _version(page), "meedenker": str(fit)})
    assert done.status_code == 303
    stored = dashboard.store.get(first.id)
    assert stored.assigned_meedenker_id == fit and stored.status == "toegewezen"
    # Fatima now has 1 of 1 open: the next one needs a confirmation.
    page = client.get(f"/tickets/{second.id}").text
    refused = client.post(f"/tickets/{second.id}/toewijzen", data={
        "csrf_token": CSRF.findall(page)[-1], "version": _version(page), "meedenker": str(fit)})
    assert refused.status_code == 422 and "heeft al het maximum aantal open tickets" in refused.text
    assert dashboard.store.get(second.id).assigned_meedenker_id is None
    confirmed = client.post(f"/tickets/{second.id}/toewijzen", data={
        "csrf_token": CSRF.findall(refused.text)[-1], "version": _version(refused.text), "meedenker": str(fit),
        "bevestig": "ja"})
    assert confirmed.status_code == 303 and dashboard.store.get(second.id).assigned_meedenker_id == fit
    assert "Fatima Formeel" in client.get(f"/tickets?meedenker={fit}").text


def test_an_overdue_ticket_is_marked_in_red_with_words(dashboard, coordinator):
    late = dashboard.ticket(gemeente="Goes", created_at=ago(days=10))
    fresh = dashboard.ticket(gemeente="Goes", created_at=ago(minutes=1))
    page = dashboard.signed_in(coordinator).get("/tickets").text
    row_late = page.split(f'/tickets/{late.id}"', 1)[0].rsplit("<tr", 1)[1]
    row_fresh = page.split(f'/tickets/{fresh.id}"', 1)[0].rsplit("<tr", 1)[1]
    assert "overdue" in row_late and "overdue" not in row_fresh
    assert "te laat" in page.split(f'/tickets/{late.id}"', 1)[1].split("</tr>", 1)[0]


def test_csv_export_has_no_contact_details_and_neutralises_formulas(dashboard, admin):
    evil = dashboard.ticket(gemeente="Goes", created_at=ago(minutes=2))
    # A new ticket never gets such a gemeente (issue 28); one written before must still be harmless.
    with dashboard.store.session_factory.begin() as session:
        session.execute(sa.update(Ticket).where(Ticket.id == evil.id).values(gemeente="=HYPERLINK(\"http://x\")"))
    client = dashboard.signed_in(admin)
    answer = client.get("/tickets.csv?status=alle")
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    body = answer.content.decode("utf-8-sig")
    assert PHONE not in body and EMAIL not in body and NAME not in body
    rows = {row[0]: row for row in csv.reader(io.StringIO(body))}
    assert rows[evil.id][2] == "'=HYPERLINK(\"http://x\")"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows.values() for cell in row)
    with dashboard.store.session_factory() as session:
        assert session.execute(sa.select(AuditEntry).where(AuditEntry.action == "exported")).first() is not None


def test_admin_erases_a_residents_data_from_the_ticket_page(dashboard, admin, coordinator):
    ticket = dashboard.ticket(sender_id="bewoner-wis", gemeente="Goes")
    crisis = dashboard.ticket(sender_id="bewoner-wis", gemeente=None, urgency="urgent", route="crisis_113",
                              contact=None)
    dashboard.conversation("bewoner-wis", [("user", "help mij")])
    coordinator_client = dashboard.signed_in(coordinator)
    assert coordinator_client.submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/wissen",
                                     {"bevestig": "ja"}).status_code == 404
    client = dashboard.signed_in(admin)
    assert client.submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/wissen", {}).status_code == 400
    assert dashboard.store.get(ticket.id) is not None
    done = client.submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/wissen", {"bevestig": "ja"})
    assert done.status_code == 200 and "2 ticket(s)" in done.text
    assert dashboard.store.get(ticket.id) is None and dashboard.store.get(crisis.id) is None
    assert dashboard.store.conversation_texts(dashboard.tracker_url, "bewoner-wis") == []
    assert client.get(f"/tickets/{ticket.id}").status_code == 404
    audit = client.get("/audit").text
    assert ticket.id in audit and "gewist" in audit
