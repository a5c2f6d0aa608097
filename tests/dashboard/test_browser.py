"""The coordinator's round in headless Chromium, with axe-core on every page (zero violations).

Screenshots go to a temporary folder; with UPDATE_SCREENSHOTS=1 to docs/screenshots/ for the README.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from bot.ops.settings import PROJECT_ROOT
from tests.dashboard.conftest import PASSWORD, Dashboard, start_dashboard, stop_dashboard
from tests.dashboard.seed import seed

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    running = start_dashboard(tmp_path_factory.mktemp("browser"), None)
    try:
        yield running
    finally:
        stop_dashboard(running)


@pytest.fixture(scope="module")
def seeded(browser_dashboard: Dashboard) -> dict:
    """Seeded before Playwright starts: its sync API runs an event loop on this thread."""
    data = seed(browser_dashboard)
    data["coordinator"] = browser_dashboard.user("coordinator", ("Goes", "Kapelle"), email="anna@smwo.example.nl")
    data["admin"] = browser_dashboard.user("admin", (), email="beheer@gemeente.example.nl")
    return data


@pytest.fixture(scope="module")
def page(seeded: dict):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        yield context.new_page()
        context.close()
        browser.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core (evaluated over the DevTools protocol, so the page's CSP stays as served)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


def check(page, name: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe on {name} ({page.url}): {violations}"


def shot(page, name: str, tmp_path: Path) -> None:
    target = PROJECT_ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"), full_page=True)


def example_mail(ticket, dashboard: Dashboard) -> str:
    """The HTML part of the mail a coordinator gets for this ticket (bot/mail/compose.py)."""
    from datetime import datetime, timezone

    from bot.mail.compose import facts_of, new_ticket_mail

    due = dashboard.repo.due_at(ticket)
    facts = facts_of(ticket, due, datetime.now(timezone.utc))
    mail = new_ticket_mail(facts, "https://dashboard.gemeente.example", dashboard.repo.hours.timezone)
    head, _, body = mail.html.partition("><p>")  # the mail program's header lines above the body
    header = ("<p style=\"color:#444;border-bottom:1px solid #ccc;padding-bottom:8px\">Van: Meedenker "
              "&lt;noreply@gemeente.example&gt;<br>Aan: anna@smwo.example.nl<br>Onderwerp: <b>"
              f"{mail.subject}</b></p>")
    return f"{head}>{header}<p>{body}"


def test_a_coordinator_signs_in_filters_opens_shows_contact_assigns_and_closes(browser_dashboard, seeded, page,
                                                                               tmp_path):
    dashboard, data = browser_dashboard, seeded
    coordinator, admin = data["coordinator"], data["admin"]
    base = dashboard.url
    failed: list[str] = []  # every response that failed, except the 404 this test asks for
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and "MD-ZZZZZZ" not in r.url and "verkeerd" not in r.url else None)

    page.goto(base + "/tickets")
    assert page.url.startswith(base + "/login")
    check(page, "login")
    page.fill("#email", coordinator)
    page.fill("#password", "verkeerd-wachtwoord")
    page.click("button[type=submit] >> text=Inloggen")
    assert "Dat lukte niet" in page.inner_text("main")
    check(page, "login with error")
    page.fill("#email", coordinator)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit] >> text=Inloggen")
    page.wait_for_url(base + "/tickets")

    rows = page.locator("table.queue tbody tr")
    first = rows.nth(0).inner_text()
    assert data["urgent"].id in first and "urgent" in first  # urgent first
    assert data["crisis"].id not in page.inner_text("table.queue")  # a crisis signal is no task
    assert data["tickets"][4].id not in page.content()  # Middelburg is not theirs
    assert "te laat" in page.locator(f"tr:has(a[href='/tickets/{data['tickets'][0].id}'])").inner_text()
    check(page, "queue")
    shot(page, "queue", tmp_path)
    page.set_viewport_size({"width": 768, "height": 1024})  # a tablet: nothing sticks out of the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    page.set_viewport_size({"width": 1280, "height": 900})

    page.select_option("#f-leefgebied", "wonen")
    page.click("text=Filter toepassen")
    page.wait_for_url("**leefgebied=wonen**")
    listed = page.inner_text("table.queue")
    assert data["tickets"][2].id in listed and data["tickets"][1].id not in listed
    check(page, "queue filtered")

    ticket = data["tickets"][2]
    page.click(f"a[href='/tickets/{ticket.id}']")
    page.wait_for_url(f"{base}/tickets/{ticket.id}")
    body = page.inner_text("main")
    assert "Uit hetzelfde gesprek" in body and data["crisis"].id in body
    assert "huurtoeslag" in body and "ik ben 19" in body and "Sociaal raadslieden" in body
    assert "0113-123456" not in body
    check(page, "ticket")

    page.click("text=Toon contactgegevens")
    page.wait_for_selector("dl.contact")
    assert "0113-123456" in page.inner_text("dl.contact")
    check(page, "ticket with contact")

    page.check(f"#m-{data['fatima']}")
    page.fill("#assign-note", "Fatima belt donderdag.")
    page.click("button:has-text(\"Toewijzen\")")
    page.wait_for_selector("text=De meedenker is toegewezen.")
    assert "Fatima el Amrani" in page.inner_text("dl.facts")
    check(page, "ticket after assigning")
    for status in ("in_gesprek", "afgerond"):
        page.select_option("#new-status", status)
        page.click("text=Status opslaan")
        page.wait_for_selector("text=De status is gewijzigd.")
    assert "Afgerond" in page.inner_text("dl.facts")
    assert "Fatima belt donderdag." in page.inner_text("ol.history")
    stored = dashboard.store.get(ticket.id)
    assert stored.status == "afgerond" and stored.assigned_meedenker_id == data["fatima"]
    shot(page, "ticket", tmp_path)

    for path in ("/meedenkers", "/insights", "/account/tweestaps", "/account/meldingen", "/tickets/MD-ZZZZZZ"):
        page.goto(base + path)
        check(page, path)
    page.goto(base + "/insights")
    shot(page, "insights", tmp_path)

    page.click("text=Uitloggen")
    page.wait_for_url(base + "/login")
    page.fill("#email", admin)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit] >> text=Inloggen")
    page.wait_for_url(base + "/tickets")
    assert data["tickets"][4].id in page.content()  # admins see every gemeente
    for path in ("/gebruikers", "/audit", "/gemeenten", "/meedenkers", f"/meedenkers?bewerk={data['fatima']}",
                 f"/tickets/{data['tickets'][0].id}", f"/signalen/{data['crisis'].id}", "/signalen"):
        page.goto(base + path)
        check(page, path)
    assert data["crisis"].id in page.inner_text("table.queue")
    assert "Afgelopen 24 uur: 4" in page.inner_text("main")  # the seed's signals of the last day
    shot(page, "signals", tmp_path)
    page.goto(base + f"/signalen/{data['crisis'].id}")
    assert "ja graag, bel me op [TELEFOON]" in page.inner_text("ol.transcript")
    page.goto("about:blank")  # outside the dashboard's CSP, as a mail program shows it
    page.set_viewport_size({"width": 760, "height": 420})
    page.set_content(example_mail(data["urgent"], dashboard))  # a mail, not a page: no landmarks to check
    shown = page.inner_text("body")
    assert f"Onderwerp: URGENT: Nieuw terugbelverzoek {data['urgent'].id} (Kapelle)" in shown
    assert "Er is een nieuw terugbelverzoek binnengekomen. Het is urgent" in shown and "06-55501234" not in shown
    shot(page, "mail", tmp_path)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert "contactgegevens bekeken" in page.goto(base + "/audit").text()
    assert [f for f in failed if not f.startswith("401 ")] == []  # 401: the wrong password on purpose
    # The checker itself finds a violation when there is one.
    page.set_content('<html><body><main><img src="/static/favicon.svg"></main></body></html>')
    assert "image-alt" in [v["id"] for v in axe_violations(page)]
