"""Admin pages, the meedenkers directory, /insights, headers on every response, hostile input."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from bot.queue.models import AuditEntry, Ticket
from bot.queue.staff import Meedenker, User
from tests.dashboard.conftest import CSRF, PASSWORD

SCRIPT = '<script>alert("x")</script>'
SQL = "'; DROP TABLE meedenker_tickets; --"


@pytest.fixture(scope="module")
def admin(dashboard):
    return dashboard.user("admin", ())


@pytest.fixture(scope="module")
def coordinator(dashboard):
    return dashboard.user("coordinator", ("Goes",))


def test_admin_pages_are_not_found_for_a_coordinator(dashboard, coordinator):
    client = dashboard.signed_in(coordinator)
    for page in ("/gebruikers", "/audit", "/gemeenten"):
        assert client.get(page).status_code == 404
    token = client.csrf("/tickets")
    before = dashboard.repo.users()
    assert client.post("/gebruikers", data={"csrf_token": token, "email": "x@example.nl", "role": "admin",
                                            "password": PASSWORD}).status_code == 404
    assert client.post("/meedenkers", data={"csrf_token": token, "name": "X", "type": "formeel",
                                            "max_open": "3"}).status_code == 404
    assert len(dashboard.repo.users()) == len(before)
    nav = client.get("/tickets").text
    assert "/gebruikers" not in nav and "/audit" not in nav


def test_an_admin_adds_a_coordinator_who_then_sees_only_their_gemeente(dashboard, admin):
    client = dashboard.signed_in(admin)
    weak = client.submit("/gebruikers", "/gebruikers", {"email": "nieuw@example.nl", "role": "coordinator",
                                                        "gemeenten": "Vlissingen", "password": "welkom123456"})
    assert weak.status_code == 400 and "veel gebruikt" in weak.text
    short = client.submit("/gebruikers", "/gebruikers", {"email": "nieuw@example.nl", "role": "coordinator",
                                                         "gemeenten": "Vlissingen", "password": "kort"})
    assert short.status_code == 400 and "minstens 12 tekens" in short.text
    unknown = client.submit("/gebruikers", "/gebruikers", {"email": "nieuw@example.nl", "role": "coordinator",
                                                           "gemeenten": "Atlantis", "password": PASSWORD})
    assert unknown.status_code == 400 and "Atlantis" in unknown.text
    done = client.submit("/gebruikers", "/gebruikers", {"email": "Nieuw@Example.nl", "role": "coordinator",
                                                        "gemeenten": "vlissingen", "password": PASSWORD})
    assert done.status_code == 303
    ours = dashboard.ticket(gemeente="Vlissingen")
    theirs = dashboard.ticket(gemeente="Goes")
    new = dashboard.signed_in("nieuw@example.nl")
    page = new.get("/tickets").text
    assert ours.id in page and theirs.id not in page
    # Deactivating the account ends its sessions at once.
    user_id = next(u.id for u in dashboard.repo.users() if u.email == "nieuw@example.nl")
    assert client.submit("/gebruikers", f"/gebruikers/{user_id}", {"gemeenten": "Vlissingen",
                                                                   "active": "nee"}).status_code == 303
    assert new.get("/tickets").status_code == 303
    assert dashboard.client().login("nieuw@example.nl").status_code == 401


def test_the_meedenkers_directory(dashboard, admin, coordinator):
    client = dashboard.signed_in(admin)
    answer = client.submit("/meedenkers", "/meedenkers", {
        "name": "Vera Vrijwilliger", "type": "informeel", "leefgebieden": ["wonen", "sociale_relaties"],
        "doelgroepen": ["ouderen"], "gemeenten": "Goes, Kapelle", "max_open": "4"})
    assert answer.status_code == 303
    bad = client.submit("/meedenkers", "/meedenkers", {"name": "X", "type": "formeel", "max_open": "veel"})
    assert bad.status_code == 400 and "getal" in bad.text
    page = dashboard.signed_in(coordinator).get("/meedenkers").text
    assert "Vera Vrijwilliger" in page and "Informeel (vrijwilliger)" in page and "Goes, Kapelle" in page
    assert "0 van 4" in page and "familie, vrienden" in page and "ouderen" in page
    assert 'action="/meedenkers"' not in page  # coordinators read the directory, admins change it
    vera = next(m.id for m, _ in dashboard.repo.meedenkers() if m.name == "Vera Vrijwilliger")
    form = client.get(f"/meedenkers?bewerk={vera}").text
    assert "Meedenker wijzigen: Vera Vrijwilliger" in form and 'value="Goes, Kapelle"' in form
    assert 'id="md-l-wonen" name="leefgebieden" value="wonen" checked' in form
    changed = client.post("/meedenkers", data={
        "csrf_token": CSRF.findall(form)[-1], "id": str(vera), "name": "Vera Vrijwilliger", "type": "informeel",
        "leefgebieden": ["wonen"], "doelgroepen": ["ouderen"], "gemeenten": "Goes", "max_open": "2",
        "active": "nee"})
    assert changed.status_code == 303
    (vera_now, _), = [(m, n) for m, n in dashboard.repo.meedenkers() if m.id == vera]
    assert vera_now.max_open == 2 and vera_now.gemeenten == ["Goes"] and not vera_now.active


def test_the_audit_log_shows_who_did_what(dashboard, admin, coordinator):
    ticket = dashboard.ticket(gemeente="Goes")
    dashboard.signed_in(coordinator).submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/contact", {})
    page = dashboard.signed_in(admin).get("/audit").text
    row = page.split(ticket.id, 1)[0].rsplit("<tr>", 1)[1]
    assert f"dashboard:{coordinator}" in row and "contactgegevens bekeken" in page.split(ticket.id, 1)[0][-300:]


PAGES = ["/tickets", "/tickets?status=alle", "/meedenkers", "/insights", "/gebruikers", "/audit", "/gemeenten",
         "/account/tweestaps", "/tickets/MD-ZZZZZZ", "/nergens"]


def test_security_headers_on_every_response(dashboard, admin):
    client = dashboard.signed_in(admin)
    ticket = dashboard.ticket(gemeente="Goes")
    answers = [client.get(page) for page in PAGES + [f"/tickets/{ticket.id}"]]
    answers += [dashboard.client().get("/login"), dashboard.client().get("/health"), client.get("/static/dashboard.css")]
    for answer in answers:
        headers = answer.headers
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp, answer.url
        assert "script-src 'self'" in csp and "style-src 'self'" in csp
        assert headers["Referrer-Policy"] == "no-referrer" and headers["X-Content-Type-Options"] == "nosniff"
        if "/static/" not in answer.url:
            assert headers["Cache-Control"] == "no-store", answer.url
    for answer in answers[:-1]:
        assert "style=" not in answer.text and "<script" not in answer.text and "<style" not in answer.text


def test_script_and_sql_in_every_field_are_stored_as_text_and_shown_escaped(dashboard, admin):
    client = dashboard.signed_in(admin)
    evil = f"{SCRIPT}{SQL}"
    ticket = dashboard.ticket(gemeente="Goes", summary=evil, preferred_moment=evil,
                              leefgebieden=[{"id": "wonen", "confidence": 0.5, "evidence": [evil]}],
                              organisations=[{"id": "x", "name": evil, "reasons": [evil]}], opschaal_reasons=[evil])
    for field in ("status", "gemeente", "leefgebied", "doelgroep", "route", "type", "meedenker", "van", "tot"):
        answer = client.get("/tickets", params={field: evil})
        assert answer.status_code == 200 and SCRIPT not in answer.text, field
    assert client.get("/tickets.csv", params={"gemeente": evil}).status_code == 200
    assert client.get("/insights", params={"van": evil, "tot": evil, "gemeente": evil}).status_code in (200, 404)
    assert client.get(f"/tickets/{SQL}").status_code == 404
    login = dashboard.client().login(evil, evil)
    assert login.status_code == 401 and SCRIPT not in login.text
    client.submit("/meedenkers", "/meedenkers", {"name": evil[:128], "type": "formeel", "max_open": "2",
                                                 "gemeenten": ""})
    client.submit("/gebruikers", "/gebruikers", {"email": f"{SCRIPT}@x.nl", "role": "coordinator",
                                                 "gemeenten": evil, "password": PASSWORD})
    page = client.get(f"/tickets/{ticket.id}")
    client.post(f"/tickets/{ticket.id}/status", data={"csrf_token": CSRF.findall(page.text)[-1],
                                                      "version": page.text.split('name="version" value="')[1][:1],
                                                      "status": "toegewezen", "note": evil})
    page = client.get(f"/tickets/{ticket.id}").text
    token = CSRF.findall(page)[-1]
    assert client.post(f"/tickets/{ticket.id}/toewijzen", data={"csrf_token": token, "version": "2",
                                                               "meedenker": evil}).status_code == 400
    assert client.post(f"/tickets/{ticket.id}/toewijzen", data={"csrf_token": token, "version": evil,
                                                               "meedenker": "1"}).status_code in (409, 400)
    assert client.post(f"/tickets/{ticket.id}/status", data={"csrf_token": token, "version": "2",
                                                            "status": evil}).status_code == 400
    gemeenten = client.post("/gemeenten", data={"csrf_token": token, "gemeente": evil, "email": evil})
    assert gemeenten.status_code == 400 and SCRIPT not in gemeenten.text
    assert client.post(f"/gebruikers/{evil}", data={"csrf_token": token}).status_code == 404
    for url in (f"/tickets/{ticket.id}", "/tickets", "/meedenkers", "/gebruikers", "/audit", "/gemeenten"):
        text = client.get(url).text
        assert SCRIPT not in text, url
    ticket_page = client.get(f"/tickets/{ticket.id}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in ticket_page
    with dashboard.store.session_factory() as session:  # nothing was dropped, and the text is stored as typed
        assert session.get(Ticket, ticket.id).summary.startswith(SCRIPT)
        assert session.execute(sa.select(Meedenker).where(Meedenker.name.like("<script>%"))).first() is not None
        assert session.execute(sa.select(sa.func.count()).select_from(User)).scalar() >= 2


def test_huge_and_binary_form_bodies_are_refused_politely(dashboard, admin):
    client = dashboard.signed_in(admin)
    token = client.csrf("/tickets")
    huge = client.post("/login", data={"csrf_token": token, "email": "a" * 400_000})
    assert huge.status_code == 413
    binary = client.post("/logout", data=b"\xff\xfe\x00\x01", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert binary.status_code == 403


def test_insights_only_from_the_coordinators_gemeenten(dashboard, coordinator, admin):
    for _ in range(12):  # at least 10 each, so the counts are not suppressed as "< 10"
        dashboard.ticket(gemeente="Goes")
        dashboard.ticket(gemeente="Noord-Beveland")
    client = dashboard.signed_in(coordinator)
    page = client.get("/insights")
    assert page.status_code == 200
    tickets = re.compile(r"<th scope=\"row\">Tickets</th><td>([^<]*)</td>")
    own = tickets.search(page.text).group(1)
    admin_client = dashboard.signed_in(admin)
    # The coordinator's figures are those of Goes alone, as an admin sees Goes.
    assert own == tickets.search(admin_client.get("/insights?gemeente=Goes").text).group(1)
    assert int(own) >= 12
    assert tickets.search(admin_client.get("/insights?gemeente=Noord-Beveland").text).group(1) == "12"
    assert 'src="/insights/figuur.svg?' in page.text
    assert client.get("/insights?gemeente=Noord-Beveland").status_code == 404
    assert client.get("/insights/figuur.svg?gemeente=Noord-Beveland").status_code == 404
    today = date.today()
    query = f"van={(today - timedelta(days=7)).isoformat()}&tot={today.isoformat()}&gemeente=Goes"
    svg = client.get(f"/insights/figuur.svg?{query}")
    assert svg.headers["Content-Type"].startswith("image/svg+xml") and "<svg" in svg.text[:200]
    assert "Tickets" in svg.text and "<script" not in svg.text
    assert "script-src" not in svg.headers["Content-Security-Policy"]
    png = client.get(f"/insights/figuur.png?{query}")
    assert png.content.startswith(b"\x89PNG") and "attachment" in png.headers["Content-Disposition"]
    pdf = client.get(f"/insights/figuur.pdf?{query}")
    assert pdf.content.startswith(b"%PDF") and "inzicht-Goes-" in pdf.headers["Content-Disposition"]
    goes = client.get("/insights?gemeente=Goes").text
    assert re.search(r"<th scope=\"row\">Gemeente</th><td>([^<]*)</td>", goes).group(1) == "Goes"
    wrong = client.get("/insights?van=2026-12-01&tot=2020-01-01")
    assert wrong.status_code == 200 and "Kies een periode" in wrong.text


def test_every_figure_download_is_checked_against_the_same_period_rules(dashboard, coordinator):
    client = dashboard.signed_in(coordinator)
    assert client.get("/insights/figuur.exe").status_code == 404
    with dashboard.store.session_factory() as session:
        assert session.execute(sa.select(AuditEntry).limit(1)).first() is not None


def test_gemeenten_without_a_coordinator_come_first_and_an_admin_covers_them(dashboard, admin, coordinator):
    uncovered = dashboard.ticket(gemeente="Reimerswaal")
    client = dashboard.signed_in(admin)
    page = client.get("/gemeenten").text
    rows = page.split("<tbody>", 1)[1]
    assert rows.index("Reimerswaal") < rows.index("Goes")
    assert "geen coördinator" in rows.split("Reimerswaal", 1)[1].split("</tr>", 1)[0]
    bad = client.submit("/gemeenten", "/gemeenten", {"gemeente": "Atlantis", "email": coordinator})
    assert bad.status_code == 400 and "Atlantis" in bad.text
    assert client.submit("/gemeenten", "/gemeenten", {"gemeente": "reimerswaal", "email": coordinator}).status_code == 303
    assert uncovered.id in dashboard.signed_in(coordinator).get("/tickets").text
    assert dashboard.signed_in(coordinator).get("/gemeenten").status_code == 404


def test_other_errors_get_a_dutch_page_with_the_same_headers(dashboard, coordinator):
    client = dashboard.signed_in(coordinator)
    wrong_method = client.put("/tickets")
    assert wrong_method.status_code == 405 and "Dit lukte niet" in wrong_method.text
    assert wrong_method.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in wrong_method.headers["Content-Security-Policy"]


def test_a_database_failure_is_a_polite_500_without_details(dashboard, coordinator):
    client = dashboard.signed_in(coordinator)
    dashboard.execute(sa.text("ALTER TABLE meedenker_meedenkers RENAME TO meedenker_meedenkers_weg"))
    try:
        broken = client.get("/meedenkers")
    finally:
        dashboard.execute(sa.text("ALTER TABLE meedenker_meedenkers_weg RENAME TO meedenker_meedenkers"))
    assert broken.status_code == 500 and "Er ging iets mis" in broken.text
    assert "meedenker_meedenkers" not in broken.text and "Traceback" not in broken.text
    assert client.get("/meedenkers").status_code == 200
    assert "Dashboard request GET /meedenkers failed" in dashboard.log.read_text()
