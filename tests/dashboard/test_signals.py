"""Crisis signals apart from the work queue (issue 29, part 2): admins get a list of their own with
counts and the masked conversation; the callback queue holds only work; a crisis with a callback
request is an urgent callback."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from tests.dashboard.conftest import Dashboard


@pytest.fixture(scope="module")
def admin(dashboard: Dashboard) -> str:
    return dashboard.user("admin", ())


@pytest.fixture(scope="module")
def coordinator(dashboard: Dashboard) -> str:
    return dashboard.user("coordinator", ("Goes",))


def signal(dashboard: Dashboard, sender: str, hours: float = 1, route: str = "crisis_113"):
    return dashboard.ticket(created_at=datetime.now(timezone.utc) - timedelta(hours=hours), sender_id=sender,
                            gemeente=None, urgency="urgent", route=route, contact=None, kind="signal")


def test_signals_stay_out_of_the_queue_and_a_crisis_callback_is_urgent_and_first(dashboard, admin, coordinator):
    sender = f"bewoner-{uuid.uuid4().hex[:8]}"
    flagged = signal(dashboard, sender)
    callback = dashboard.ticket(sender_id=sender, gemeente="Goes", urgency="urgent", route="crisis_113")
    ordinary = dashboard.ticket(gemeente="Goes", created_at=datetime.now(timezone.utc) - timedelta(days=2))
    for who in (admin, coordinator):
        client = dashboard.signed_in(who)
        queue = client.get("/tickets?status=alle").text
        assert flagged.id not in queue
        assert queue.index(callback.id) < queue.index(ordinary.id)  # urgent before the one waiting longest
        csv = client.get("/tickets.csv?status=alle").text
        assert flagged.id not in csv and callback.id in csv
        counts = client.get("/tickets").text
        assert f"/tickets?status=nieuw\">Nieuw: <strong>" in counts
    # The coordinator still sees the signal beside the callback it belongs to.
    page = dashboard.signed_in(coordinator).get(f"/tickets/{callback.id}").text
    assert "Uit hetzelfde gesprek" in page and flagged.id in page


def test_admins_count_and_read_signals(dashboard, admin):
    before = dashboard.signed_in(admin).get("/signalen").text
    senders = [f"bewoner-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    recent = signal(dashboard, senders[0], hours=2)
    signal(dashboard, senders[1], hours=30, route="crisis_veilig_thuis")
    old = signal(dashboard, senders[2], hours=24 * 12, route="crisis_112")
    later = dashboard.ticket(sender_id=senders[0], gemeente="Goes")  # asked for a callback after all
    dashboard.conversation(senders[0], [("user", "ik wil er niet meer zijn, bel me op [TELEFOON]"),
                                        ("bot", "Bel nu 113 of 0800-0113.")])
    client = dashboard.signed_in(admin)
    page = client.get("/signalen").text

    def count(text: str, label: str) -> int:
        return int(text.split(label, 1)[1].split("<strong>", 1)[1].split("<", 1)[0])

    assert count(page, "Afgelopen 24 uur") == count(before, "Afgelopen 24 uur") + 1
    assert count(page, "Afgelopen 7 dagen") == count(before, "Afgelopen 7 dagen") + 2
    assert count(page, "Afgelopen 30 dagen") == count(before, "Afgelopen 30 dagen") + 3
    assert recent.id in page and old.id not in page  # the default period is the last 7 days
    row = page.split(f'href="/signalen/{recent.id}"', 1)[1].split("</tr>", 1)[0]
    assert f'href="/tickets/{later.id}"' in row and "onbekend" in row
    older = client.get("/signalen?van=2020-01-01&route=crisis_112").text
    assert old.id in older and recent.id not in older
    detail = client.get(f"/signalen/{recent.id}").text
    assert "ik wil er niet meer zijn, bel me op [TELEFOON]" in detail and later.id in detail
    assert client.get("/signalen/MD-ZZZZZZ").status_code == 404
    assert client.get(f"/signalen/{later.id}").status_code == 404  # a callback is not a signal


def test_signals_are_for_admins_only(dashboard, coordinator):
    client = dashboard.signed_in(coordinator)
    assert client.get("/signalen").status_code == 404
    assert "/signalen" not in client.get("/tickets").text
