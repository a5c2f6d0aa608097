"""The whole way: a resident asks for a callback through Rasa, and a coordinator works the ticket in the
dashboard (a separate process on the same queue and tracker store), over HTTP."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.dashboard.conftest import CSRF, start_dashboard, stop_dashboard
from tests.integration.test_routes import NAME, full_callback, new_sender, tickets_of

pytestmark = pytest.mark.servers


def test_a_residents_callback_is_worked_in_the_dashboard(servers):
    sender = new_sender("dash")
    full_callback(servers, sender)
    (ticket,) = tickets_of(servers, sender)
    dashboard = start_dashboard(Path(servers.env["MEEDENKER_VAR_DIR"]), None)
    try:
        coordinator = dashboard.user("coordinator", ("Goes",))
        meedenker = dashboard.meedenker("Joost Verhulst", "informeel", 3, doelgroepen=["mantelzorgers"])
        client = dashboard.signed_in(coordinator)
        assert ticket.id in client.get("/tickets?leefgebied=gezondheid").text
        page = client.get(f"/tickets/{ticket.id}").text
        assert "dementie" in page and "Inwoner:" in page  # evidence words and the conversation
        assert NAME not in page and "48213377" not in page
        shown = client.submit(f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/contact", {}).text
        assert NAME in shown and "+31648213377" in shown
        token = CSRF.findall(shown)[-1]
        version = shown.split('name="version" value="', 1)[1].split('"', 1)[0]
        assert client.post(f"/tickets/{ticket.id}/toewijzen", data={
            "csrf_token": token, "version": version, "meedenker": str(meedenker)}).status_code == 303
        for status in ("in_gesprek", "afgerond"):
            page = client.get(f"/tickets/{ticket.id}").text
            version = page.split('name="version" value="', 1)[1].split('"', 1)[0]
            assert client.post(f"/tickets/{ticket.id}/status", data={
                "csrf_token": CSRF.findall(page)[-1], "version": version, "status": status}).status_code == 303
        stored = dashboard.store.get(ticket.id)
        assert stored.status == "afgerond" and stored.assigned_meedenker_id == meedenker
        assert stored.first_contact_at is not None
    finally:
        stop_dashboard(dashboard)
