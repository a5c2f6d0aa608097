"""The ticket summary holds the worry, never the answers to the assistant's questions."""
from bot.conversation.callback import question_summary
from bot.conversation.dialogue import State, merge
from bot.conversation.transcript import for_the_action_server, worry_texts


def user(text, intent, route=None, leefgebieden=()):
    werkmodel = {"route": route, "leefgebieden": [{"id": i, "confidence": 0.9, "evidence": []} for i in leefgebieden]}
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "werkmodel": werkmodel}}


def waiting(value):
    return {"event": "slot", "name": "wacht_op", "value": value}


WORRY = "mijn moeder van 82 heeft dementie en ik kan de zorg niet meer aan"
CONVERSATION = [
    {"event": "session_started"},
    user("hallo", "groet"), waiting(None),
    user(WORRY, "hulpvraag", "meedenker", ["gezondheid"]), waiting("samenvatting"),
    user("ja dat klopt", "bevestigen"), waiting("aanbod"),
    user("ik wil een mens", "mens_gevraagd", "meedenker"), waiting("aanbod"),
    user("ja", "bevestigen"), waiting("toestemming"),
    user("ja", "bevestigen"), waiting("form:naam"),
    user("[NAAM]", "nlu_fallback"), waiting("form:contact"),
    user("[CONTACTGEGEVENS]", "nlu_fallback"), waiting("form:moment"),
    user("dinsdagochtend", "hulpvraag", "meedenker"), waiting("form:gemeente"),
    user("Goes", "hulpvraag", "meedenker"), waiting("form:voorkeur"),
    user("maakt niet uit", "hulpvraag", "meedenker"),
]


def test_only_the_description_of_the_worry_is_kept():
    assert worry_texts(CONVERSATION) == [WORRY]


def test_the_ticket_summary_is_the_question_not_a_form_answer():
    state = merge(State(), {"leefgebieden": [{"id": "gezondheid", "confidence": 0.9, "evidence": ["dementie"]}]})
    summary = question_summary(state, worry_texts(CONVERSATION))
    assert summary == f"Over gezondheid en zorg. {WORRY}"
    assert "maakt niet uit" not in summary and "Goes" not in summary


def test_a_new_session_starts_a_new_description():
    later = [*CONVERSATION, {"event": "session_started"}, user("ik zoek werk", "hulpvraag", "meedenker", ["werken"])]
    assert worry_texts(later) == ["ik zoek werk"]


def test_a_crisis_and_a_correction_are_part_of_the_worry():
    events = [user("mijn man slaat me", "crisis_veilig_thuis", "crisis_veilig_thuis"), waiting("aanbod"),
              user("nee", "ontkennen"), waiting("correctie"),
              user("het gaat eigenlijk om geld", "hulpvraag", "meedenker", ["financien"])]
    assert worry_texts(events) == ["mijn man slaat me", "het gaat eigenlijk om geld"]


def _latest_message(events):
    return next((e for e in reversed(events) if e.get("event") == "user"), None)


def test_the_action_server_gets_the_same_worry_and_latest_message_from_a_much_shorter_list():
    later = [*CONVERSATION, {"event": "session_started"}, user("ik zoek werk", "hulpvraag", "meedenker", ["werken"]),
             waiting("samenvatting"), user("ja dat klopt", "bevestigen")]
    restarted = [*CONVERSATION, {"event": "restart"}]
    for conversation in (CONVERSATION, later, restarted):
        for end in range(len(conversation) + 1):  # after every step of the conversation
            events = conversation[:end]
            sent = for_the_action_server(events)
            assert worry_texts(sent) == worry_texts(events), end
            assert _latest_message(sent) == _latest_message(events), end
    assert len(for_the_action_server(CONVERSATION)) == 3 < len(CONVERSATION)


def test_a_form_answer_of_many_words_stays_out_of_the_worry_when_it_is_the_latest_message():
    events = [*CONVERSATION[:-1], user("liever in de middag na twee uur", "hulpvraag")]
    sent = for_the_action_server(events)
    assert worry_texts(sent) == [WORRY] and sent[-1]["text"] == "liever in de middag na twee uur"
