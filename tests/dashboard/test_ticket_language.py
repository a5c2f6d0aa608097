"""Issue 27 on the dashboard: the ticket and the queue show the resident's language and that the
callback needs an interpreter, and coordinators filter on it (a plain GET form, no script)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def coordinator(dashboard):
    return dashboard.user("coordinator", ("Goes",))


def test_language_and_interpreter_are_shown_and_filtered(dashboard, coordinator):
    arabic = dashboard.ticket(gemeente="Goes", language="ar", interpreter=True)
    english = dashboard.ticket(gemeente="Goes", language="en")
    dutch = dashboard.ticket(gemeente="Goes", language="nl")
    client = dashboard.signed_in(coordinator)

    queue = client.get("/tickets").text
    row = queue.split(f">{arabic.id}</a>", 1)[1].split("</tr>", 1)[0]
    assert "Arabisch" in row and "tolk" in row
    assert '<select id="f-taal" name="taal">' in queue and "<script" not in queue.split("<main", 1)[-1]

    page = client.get(f"/tickets/{arabic.id}").text
    assert "Arabisch" in page and "bel terug met een tolk" in page
    assert "tolk" not in client.get(f"/tickets/{english.id}").text.split("<dt>Taal</dt>", 1)[1].split("</dd>", 1)[0]

    checks = {"taal=ar": ({arabic}, {english, dutch}), "taal=tolk": ({arabic}, {english, dutch}),
              "taal=en": ({english}, {arabic, dutch}), "taal=klingon": ({arabic, english, dutch}, set())}
    for query, (shown, hidden) in checks.items():
        listed = client.get(f"/tickets?{query}").text
        assert all(t.id in listed for t in shown), query
        assert not any(t.id in listed for t in hidden), query
    assert 'value="tolk" selected' in client.get("/tickets?taal=tolk").text
