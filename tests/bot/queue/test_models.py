import re

import pytest

from bot.queue.models import ID_ALPHABET, new_ticket_id, normalise_ticket_id
from tests.bot.queue.helpers import new_ticket


def test_ticket_ids_are_short_and_unambiguous():
    ids = {new_ticket_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(re.fullmatch(r"MD-[2-9A-Z]{6}", i) for i in ids)
    assert not set("01ILOUV") & set(ID_ALPHABET)


@pytest.mark.parametrize("typed", ["MD-4K7P2Q", "md-4k7p2q", " MD-4K7P2Q ", "4K7P2Q", "md4k7p2q"])
def test_typed_references_are_normalised(typed):
    assert normalise_ticket_id(typed) == "MD-4K7P2Q"


def test_labels_keep_only_the_documented_shape():
    ticket = new_ticket()
    assert ticket.leefgebieden == [{"id": "financien", "confidence": 0.91, "evidence": ["brief", "bezwaar"]}]


@pytest.mark.parametrize("overrides,field", [
    ({"route": "elders"}, "route"),
    ({"urgency": "heel erg"}, "urgency"),
    ({"meedenker_type": "professioneel"}, "meedenker_type"),
    ({"preference": "maakt niet uit"}, "preference"),
    ({"leefgebieden": [{"id": "sport", "confidence": 0.5, "evidence": []}]}, "leefgebieden"),
    ({"doelgroepen": [{"id": "ouderen", "confidence": 1.5, "evidence": []}]}, "doelgroepen"),
    ({"opschaal_reasons": "bezwaar"}, "opschaal_reasons"),
    ({"organisations": [{"name": "SMWO"}]}, "organisations"),
    ({"contact": {"name": "Jan", "bsn": "111222333"}}, "contact"),
    ({"contact": {"name": "Jan"}}, "contact"),
    ({"channel": ""}, "channel"),
    ({"sender_id": ""}, "sender_id"),
])
def test_invalid_tickets_fail_where_they_are_built(overrides, field):
    with pytest.raises(ValueError, match=field):
        new_ticket(**overrides)


def test_blank_contact_means_no_contact():
    assert new_ticket(contact={"name": " ", "phone": "", "email": None}).contact is None
    assert new_ticket(contact={"email": " a@b.nl "}).contact == {"name": None, "phone": None, "email": "a@b.nl"}


def test_contact_is_not_in_the_repr():
    assert "06-98765432" not in repr(new_ticket())
