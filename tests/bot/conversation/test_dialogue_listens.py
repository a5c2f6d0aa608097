"""Issues 25 and 26 without Rasa: staying with residents in danger, and a conversation that listens.

Each test plays a conversation turn by turn and asserts every reply, the way the residents in the
issues met them (a mantelzorger who thought of not being there any more, a woman whose husband
checks her phone, a 17-year-old put out of the house, a privacy-minded resident).
"""
from dataclasses import replace

import pytest

from bot.conversation import callback_form
from bot.conversation.dialogue import (
    EFFECT_FLAG_CRISIS,
    EFFECT_SUBMIT,
    EFFECT_VANDAAG,
    REMINDER_EVERY,
    TABLE,
    State,
    next_step,
)


def names(reply):
    return [name for name, _ in reply.responses]


def parse(*labels):
    return {"leefgebieden": [{"id": i, "confidence": c, "evidence": [w]} for i, w, c in labels], "doelgroepen": []}


def read_back_with(evidence: str) -> State:
    """A form filled in up to "Klopt dit?" about money, with this word as its evidence (residents' rounds 47, 48)."""
    return replace(State(), wacht_op="controle", form_id="F1", route="meedenker", voor_wie="zelf",
                   leefgebieden={"financien": {"confidence": 0.9, "evidence": [evidence]}},
                   contact={"name": "Riet", "phone": "0612345678"},
                   formulier={"moment": "middag", "gemeente": "Goes", "voorkeur": "geen"})


def play(state, turns, channel="rest"):
    """turns: (intent, text, werkmodel, expected response names); returns the last reply."""
    reply = None
    for intent, text, werkmodel, expected in turns:
        reply = next_step(state, intent, werkmodel, text, channel=channel)
        assert names(reply) == expected, (text, names(reply))
        state = reply.state
    return reply


# --- After a suicidal remark ------------------------------------------------------------------

def test_the_mantelzorger_is_not_left_with_a_goodbye_and_her_callback_is_urgent():
    reply = play(State(), [
        ("hulpvraag", "ik zorg al jaren voor mijn moeder met dementie", parse(("gezondheid", "dementie", 0.9)),
         ["utter_samenvatting_ander"]),
        ("crisis_113", "soms denk ik, was ik er maar niet meer", None, ["utter_crisis_113_blijf"]),
        # Calling feels too big: 113's chat, not the numbers again.
        ("hulpvraag", "113 bellen is een te grote stap", None, ["utter_zmp_chat"]),
        # No goodbye while the crisis is fresh.
        ("afscheid", "ok doei", None, ["utter_crisis_afscheid_113"]),
        ("bevestigen", "ja toch maar een meedenker", None, ["utter_terugbel_uitleg"]),
        ("bevestigen", "ja", None, ["utter_vraag_gemeente"]),
        ("hulpvraag", "Goes", None, ["utter_vraag_naam"]),
    ])
    assert reply.state.crisis_route == "crisis_113"


def test_not_safe_now_gets_112_and_113_at_once_and_the_assistant_stays():
    crisis = next_step(State(), "crisis_113", None, "ik wil er niet meer zijn")
    assert crisis.effects == (EFFECT_FLAG_CRISIS,)
    not_safe = next_step(crisis.state, "hulpvraag", None, "nee ik ben niet veilig")
    assert names(not_safe) == ["utter_crisis_niet_veilig"]
    safe = next_step(crisis.state, "ontkennen", None, "nee hoor, ik ben wel veilig")
    assert names(safe) == ["utter_crisis_veilig_nu"]  # "nee hoor" is not "not safe"


def test_the_resident_can_go_back_to_the_original_question_after_a_crisis():
    start = next_step(State(), "hulpvraag", "", "")
    state = next_step(State(), "hulpvraag", parse(("financien", "schulden", 0.9)), "ik heb schulden").state
    crisis = next_step(state, "crisis_113", None, "ik zie het niet meer zitten").state
    safe = next_step(crisis, "bevestigen", None, "ja").state
    back = next_step(safe, "hulpvraag", None, "terug naar mijn vraag")
    assert names(back) in (["utter_samenvatting"], ["utter_samenvatting_kort"]) and start is not None


def test_the_numbers_come_back_now_and_then_but_never_on_the_widget():
    state = next_step(State(), "crisis_112", None, "er ligt iemand op straat").state
    state = next_step(state, "hulpvraag", None, "de ambulance is er nu").state  # until then: "bel nu 112" each turn
    for channel, expected in (("telegram", 1), ("widget", 0)):
        seen, current = 0, state
        for _ in range(REMINDER_EVERY * 2):
            reply = next_step(current, "hulpvraag", parse(("wonen", "huur", 0.9)), "en mijn huur", channel=channel)
            seen += names(reply).count("utter_crisis_herinnering")
            current = reply.state
        assert seen == expected * 2, channel


# --- Violence at home -------------------------------------------------------------------------

def test_a_woman_asking_about_her_husband_asks_for_herself():
    reply = next_step(State(), "hulpvraag", parse(("financien", "geld", 0.9)), "mijn man regelt al het geld, ik mag niks")
    assert names(reply) == ["utter_samenvatting"] and reply.state.voor_wie == "zelf"


def test_violence_at_home_asks_for_safe_contact_and_answers_who_can_see_per_channel():
    crisis = next_step(State(), "crisis_veilig_thuis", None, "mijn man pakt mijn telefoon af en heeft me geduwd")
    assert names(crisis) == ["utter_crisis_vt_blijf"] and crisis.state.voor_wie == "zelf"
    for channel in ("widget", "telegram"):
        seen = next_step(crisis.state, "hulpvraag", None, "kan hij dit gesprek zien?", channel=channel)
        assert seen.responses[:2] == [("utter_faq", {"faq": "privacy_telefoon_zien", "kanaal": channel}),
                                      ("utter_faq", {"faq": "privacy_bewaren", "kanaal": channel})]
    state = play(crisis.state, [
        ("bevestigen", "ja", None, ["utter_terugbel_uitleg_veilig"]),
        ("bevestigen", "ja", None, ["utter_vraag_gemeente"]),
        ("hulpvraag", "liever niet", None, ["utter_vraag_naam"]),
        ("hulpvraag", "R.", None, ["utter_vraag_contact_veilig"]),
    ]).state
    none = next_step(state, "hulpvraag", None, "geen contact")
    assert names(none) == ["utter_geen_contact_veilig"] and not none.effects and none.state.contact == {}


@pytest.mark.parametrize("channel,expected", [("widget", "utter_snel_weg_widget"),
                                              ("telegram", "utter_snel_weg_app"),
                                              ("whatsapp", "utter_snel_weg_app")])
def test_he_is_coming_gets_one_short_line_and_nothing_else(channel, expected):
    crisis = next_step(State(), "crisis_veilig_thuis", None, "hij slaat me").state
    for intent in ("snel_weg", "hulpvraag"):  # the NLU sets snel_weg instead of a check (werkmodel component)
        reply = next_step(replace(crisis, sinds_herinnering=REMINDER_EVERY), intent, None, "hij komt eraan", channel=channel)
        assert names(reply) == [expected], intent
    # Residents' round 39: "hij wordt wakker, ik moet stoppen" got the summary with 'slaat' in it.
    booked = replace(crisis, ticket_id="MD-TEST01", wacht_op=None)
    assert names(next_step(booked, "hulpvraag", None, "hij wordt wakker, ik moet stoppen", channel=channel)) == [expected]


# --- An urgent need today ---------------------------------------------------------------------

def test_no_bed_tonight_gets_todays_contacts_and_an_urgent_callback():
    first = next_step(State(), "hulpvraag", parse(("wonen", "eruit gegooid", 0.8)),
                      "mn vader heeft me eruit gegooid en ik heb vannacht geen slaapplek")
    assert names(first) == ["utter_spoed_erkend", "utter_spoed_waar"] and first.state.spoed == "onderdak"
    today = next_step(first.state, "hulpvraag", None, "Goes")
    assert names(today) == ["utter_spoed_vandaag", "utter_spoed_aanbod"] and today.effects == (EFFECT_VANDAAG,)
    assert today.responses[0][1] == {"spoed": "onderdak", "gemeente": "Goes"}
    # The form does not ask the gemeente again.
    state = play(today.state, [("bevestigen", "ja", None, ["utter_terugbel_uitleg"]),
                               ("bevestigen", "ja", None, ["utter_vraag_naam"]),
                               ("hulpvraag", "Daan", None, ["utter_vraag_contact"]),
                               ("hulpvraag", "0612345678", None, ["utter_vraag_moment"]),
                               ("hulpvraag", "zo snel mogelijk", None, ["utter_vraag_voorkeur"]),
                               ("hulpvraag", "maakt niet uit", None, ["utter_controle"])]).state
    assert next_step(state, "bevestigen", None, "ja").effects == (EFFECT_SUBMIT,)


def test_an_urgent_need_without_a_place_still_gets_help_today():
    first = next_step(State(), "hulpvraag", None, "morgen worden we uit huis gezet")
    today = next_step(first.state, "hulpvraag", None, "weet ik niet")
    assert names(today) == ["utter_spoed_vandaag", "utter_spoed_aanbod"]


# --- Questions, corrections, the form ---------------------------------------------------------

def test_a_question_at_every_step_is_answered_and_the_same_step_asked_again():
    faq = {"faq": {"id": "privacy_meelezen", "score": 0.9}}
    state = next_step(State(), "mens_gevraagd", None, "ik wil een mens").state
    state = next_step(state, "bevestigen", None, "ja").state
    state = next_step(state, "bevestigen", None, "ja").state
    answers = {"gemeente": "Kapelle", "naam": "F.", "contact": "06 12345678", "moment": "dinsdag", "voorkeur": "maakt niet uit"}
    for step in callback_form.STEPS:
        answer = answers[step]
        reply = next_step(state, "hulpvraag", faq, "leest de gemeente dit mee")
        assert names(reply) == ["utter_faq", callback_form.ASK[step]], step
        assert reply.state.wacht_op == state.wacht_op
        state = next_step(state, "hulpvraag", None, answer).state


def test_a_correction_removes_the_topic_and_the_summary_is_never_the_same_twice():
    state = next_step(State(), "hulpvraag", parse(("leren", "school", 0.8), ("financien", "schulden", 0.9)),
                      "ik heb schulden en de school belt steeds over mijn zoon").state
    state = next_step(state, "voor_wie", None, "voor mezelf", {"voor_wie": "zelf"}).state
    corrected = next_step(state, "ontkennen", parse(("leren", "school", 0.8)), "nee, het gaat niet over school")
    assert names(corrected) == ["utter_samenvatting"] and "school" not in corrected.responses[0][1]["onderwerpen"]
    assert set(corrected.state.leefgebieden) == {"financien"}
    again = next_step(corrected.state, "hulpvraag", parse(("financien", "schulden", 0.9)), "het gaat dus om de schulden")
    assert names(again) == ["utter_samenvatting_kort"]  # same understanding, said differently
    yes_and_more = next_step(corrected.state, "hulpvraag", parse(("financien", "brief", 0.9)),
                             "ja klopt. de brief zegt dat ik 1400 euro moet terugbetalen")
    assert names(yes_and_more) == ["utter_aanbod_meedenker"]  # the leading "ja" answers the summary


def test_call_me_is_a_yes_even_after_nee_and_a_gemeente_elsewhere_is_never_offered_a_callback_again():
    offer = next_step(State(), "mens_gevraagd", None, "ik wil een mens")
    urgent = next_step(offer.state, "hulpvraag", None, "NEE niet later, bel me vandaag")
    assert names(urgent) == ["utter_terugbel_uitleg"]
    form = next_step(urgent.state, "bevestigen", None, "ja").state
    elsewhere = next_step(form, "hulpvraag", None, "Deventer")
    assert names(elsewhere) == ["utter_gemeente_niet_gedekt"] and elsewhere.state.elders == "Deventer"
    again = next_step(elsewhere.state, "mens_gevraagd", None, "ik wil toch gebeld worden")
    # Said once in full; then one short line with the ways that need no phone call (residents' round 43).
    assert names(again) == ["utter_gemeente_niet_gedekt_kort"] and again.responses[0][1]["gemeente"] == "Deventer"


def test_a_negated_word_is_no_evidence():
    reply = next_step(State(), "hulpvraag", parse(("gezondheid", "pijn", 0.7), ("financien", "schulden", 0.9)),
                      "niemand doet me pijn, ik heb alleen schulden")
    assert set(reply.state.leefgebieden) == {"financien"}


def test_a_place_is_read_as_its_gemeente_and_a_yes_accepts_a_suggestion():
    form = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    zaandam = next_step(form, "hulpvraag", None, "ik woon in Zaandam")
    assert zaandam.responses[0] == ("utter_gemeente_via_plaats", {"plaats": "Zaandam", "gemeente": "Zaanstad"})
    assert zaandam.responses[1][0] == "utter_gemeente_niet_gedekt" and zaandam.responses[1][1]["gemeente"] == "Zaanstad"
    skipped = next_step(form, "hulpvraag", None, "zeg ik liever niet")
    assert names(skipped) == ["utter_vraag_naam"] and "gemeente" not in skipped.state.formulier
    yerseke = next_step(form, "hulpvraag", None, "ik woon in Yerseke")
    assert yerseke.responses == [("utter_gemeente_via_plaats", {"plaats": "Yerseke", "gemeente": "Reimerswaal"}),
                                 ("utter_vraag_naam", {})]


def test_a_gemeente_no_network_here_serves_gets_the_truth_not_a_promise():
    form = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    elsewhere = next_step(form, "hulpvraag", None, "Amsterdam")
    assert names(elsewhere) == ["utter_gemeente_niet_gedekt"] and elsewhere.responses[0][1]["gemeente"] == "Amsterdam"
    assert elsewhere.state.wacht_op is None and elsewhere.state.form_id is None and not elsewhere.effects


def test_a_pseudonym_of_one_letter_is_a_name():
    form = replace(State(), wacht_op=callback_form.wait_for("naam"), form_id="f")
    for name in ("F.", "R"):
        reply = next_step(form, "hulpvraag", None, name)
        assert names(reply) == ["utter_vraag_contact"] and reply.state.contact == {"name": name}


def test_a_detail_can_be_changed_at_the_read_back_in_one_message():
    state = replace(State(), wacht_op="controle", form_id="f", contact={"name": "Sanne", "phone": "+31611111111"},
                    formulier={"moment": "ochtend"})
    changed = next_step(state, "hulpvraag", None, "mijn nummer is toch 06 24681357")
    assert names(changed) == ["utter_controle"] and changed.state.contact["phone"] == "+31624681357"
    assert changed.responses[0][1]["bereik"] == "…1357"


def test_every_handler_in_the_table_is_reachable_by_name():
    # The table is the dialogue: every (waiting for, kind of message) pair names a handler.
    assert all(callable(handler) for handler in TABLE.values())
    assert ("*", "crisis") in TABLE and ("*", "other") in TABLE


# --- Failures residents met (helpers playing residents, 2026-12-06), each now a test ----------

def test_stop_and_back_to_my_question_never_restart_and_only_start_again_does():
    from bot.conversation.reading import back_to_question, says_start_again
    assert not says_start_again("stop") and not says_start_again("terug naar mijn vraag")
    assert says_start_again("kunnen we opnieuw beginnen") and back_to_question("terug naar mijn vraag")
    state = next_step(State(), "hulpvraag", parse(("wonen", "respijtzorg", 0.8)), "ik zoek respijtzorg").state
    crisis = next_step(state, "crisis_113", None, "soms hoop ik niet meer wakker te worden").state
    back = next_step(crisis, "terug_naar_vraag", None, "/terug_naar_vraag")
    assert names(back) == ["utter_samenvatting"] and set(back.state.leefgebieden) == {"wonen"}


def test_a_new_value_in_the_change_menu_changes_that_field_and_a_change_at_another_step_is_not_an_answer():
    read_back = replace(State(), wacht_op="wijzig_veld", form_id="f", contact={"name": "K", "phone": "+31648271936"},
                        formulier={"moment": "in de avond", "gemeente": "Goes"})
    morning = next_step(read_back, "nlu_fallback", None, "ochtend")
    assert names(morning) == ["utter_controle"] and "ochtend" in morning.state.formulier["moment"]
    at_moment = replace(read_back, wacht_op=callback_form.wait_for("moment"))
    change = next_step(at_moment, "hulpvraag", None, "wacht, ik wil dat nummer wijzigen")
    assert names(change) == ["utter_vraag_contact"] and change.state.formulier["moment"] == "in de avond"


def test_a_risk_word_is_never_echoed_as_a_key_word():
    reply = next_step(State(), "hulpvraag", parse(("gezondheid", "pillen", 0.9), ("financien", "schulden", 0.9)),
                      "ik heb schulden en ik heb pillen gespaard")
    assert "pillen" not in reply.responses[0][1]["kernwoorden"]


def test_leading_yes_with_more_words_answers_and_ok_bye_stays_a_goodbye():
    from bot.conversation.reading import yes_or_no
    assert yes_or_no("ja klopt. huurtoeslag. brief zegt ik moet terug betalen") == "bevestigen"
    assert yes_or_no("NEE niet later, bel me vandaag") == "bevestigen"
    assert yes_or_no("nee, bel me maar niet") == "ontkennen"
    offer = next_step(State(), "mens_gevraagd", None, "ik wil een mens").state
    crisis = next_step(offer, "crisis_113", None, "ik wil er niet meer zijn").state
    bye = next_step(replace(crisis, wacht_op="aanbod"), "afscheid", None, "ok doei")
    assert names(bye) == ["utter_crisis_afscheid_113"]


def test_a_place_at_the_safety_check_is_not_a_yes_whatever_the_intent_model_says():
    asked = next_step(replace(State(), vermoed_crisis="crisis_veilig_thuis"), "crisis_check", None, "...").state
    goes = next_step(asked, "bevestigen", None, "Goes")
    assert "utter_crisis_veilig_thuis" not in names(goes) and goes.state.crisis_route is None
    yes = next_step(asked, "bevestigen", None, "/bevestigen")
    assert names(yes)[0] == "utter_crisis_veilig_thuis"


def test_someone_who_only_wants_to_talk_and_said_no_is_not_offered_a_callback_again():
    first = next_step(State(), "luisteren", None, "ik wil gewoon even praten")
    assert names(first) == ["utter_luisterlijn", "utter_aanbod_meedenker_later"]
    no = next_step(first.state, "ontkennen", None, "nee hoeft niet")
    again = next_step(no.state, "luisteren", None, "kan ik niet gewoon even met jou kletsen")
    assert names(again) == ["utter_luisterlijn"]


def test_a_topic_chosen_with_a_button_is_summarised_without_naming_words():
    asked = next_step(State(), "hulpvraag", parse(), "ik snap het niet").state
    chosen = next_step(asked, "kies_leefgebied", None, "/kies_leefgebied", {"leefgebied": "werken"})
    assert names(chosen) in (["utter_samenvatting_kort"], ["utter_vraag_voor_wie"])
    words = next_step(State(), "hulpvraag", parse(("sociale_relaties", "voel", 0.8), ("sociale_relaties", "gwn", 0.8)),
                      "ik voel me gwn alleen")
    assert "gwn" not in str(words.responses) and "'voel'" not in str(words.responses)


@pytest.mark.parametrize("answer, gemeente", [("Goes", "Goes"), ("ja hoor, ik woon in Goes", "Goes"),
                                              ("Yerseke", "Reimerswaal")])
def test_the_first_answer_given_at_may_i_ask_is_a_yes_and_is_noted(answer, gemeente):
    """Residents' tests: "Mag ik ze vragen?" answered with the place itself was asked again."""
    reply = play(State(), [
        ("hulpvraag", "mijn huur is te hoog, ik snap de brief niet", parse(("wonen", "huur", 0.9)), ["utter_samenvatting"]),
        ("bevestigen", "ja", None, ["utter_aanbod_meedenker"]),
        ("bevestigen", "ja bel mij", None, ["utter_terugbel_uitleg"]),
    ])
    after = next_step(reply.state, "hulpvraag", None, answer)
    assert names(after)[-1] == "utter_vraag_naam", names(after)
    assert after.state.formulier["gemeente"] == gemeente
    refused = next_step(reply.state, "ontkennen", None, "nee, Goes weet je toch al")
    assert names(refused) == ["utter_geen_aanbod"]


def test_the_waits_where_a_channel_seals_a_new_contact_detail_are_the_dialogues_own():
    from bot.conversation.dialogue import WAIT_CONTROLE, WAIT_MISSER, WAIT_WIJZIG, WAIT_WIJZIG_TICKET
    assert callback_form.CHANGE_WAITS == {WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER, WAIT_WIJZIG_TICKET}
    assert callback_form.sealing_step(WAIT_CONTROLE) == "contact"
    assert callback_form.sealing_step("form:naam") == "naam"
    assert callback_form.sealing_step("form:moment") == "contact"
    assert callback_form.sealing_step("samenvatting") is None and callback_form.sealing_step(None) is None


def test_a_new_number_typed_at_the_read_back_replaces_the_old_one():
    state = replace(State(), wacht_op="controle", formulier={"gemeente": "Goes", "moment": "avond", "voorkeur": "geen"},
                    contact={"name": "F.", "phone": "0613572468"}, form_id="f1")
    for text in ("[CONTACTGEGEVENS]", "mijn nummer is toch [TELEFOON]"):
        raw = "06 24681357" if text.startswith("[") else "mijn nummer is toch 06 24681357"
        reply = next_step(state, "hulpvraag", None, text, form_text=raw)
        assert names(reply) == ["utter_controle"], (text, names(reply))
        assert reply.state.contact["phone"] == "+31624681357"


def test_a_no_to_the_check_in_words_goes_on_with_the_form_and_keeps_the_answer_given_with_it():
    """Residents' tests: a number given with "niet bellen als mijn man erbij is" got the safety
    check; "nee hoor! mijn man is een lieve man" was not read as no, and the number was lost."""
    state = replace(State(), wacht_op="form:contact", formulier={"gemeente": "Kapelle"}, contact={"name": "Ria"},
                    form_id="f1", leefgebieden={"gezondheid": {"confidence": 0.9, "evidence": ["zorg"]}})
    raw = "0113 123456, dat is het vaste nummer. maar niet bellen als mijn man erbij is graag"
    checked = next_step(state, "crisis_check", None, "[TELEFOON], dat is het vaste nummer. maar niet bellen als mijn "
                        "man erbij is graag", form_text=raw)
    assert checked.state.wacht_op == "veiligheid" and checked.state.contact["phone"] == "+31113123456"
    reply = next_step(checked.state, "hulpvraag", None, "nee hoor! mijn man is een lieve man, hij is ziek")
    assert names(reply) == ["utter_veiligheid_nee", "utter_vraag_moment"]
    assert reply.state.contact["phone"] == "+31113123456"


def test_for_him_but_also_for_me_is_the_residents_own_question():
    """Residents' tests: a mantelzorger wrote "het is voor hem maar ook voor mij" and was summarised,
    again and again, as asking "hulp voor iemand anders"."""
    first = next_step(State(), "hulpvraag", parse(("gezondheid", "rolstoel", 0.9)),
                      "ik zorg voor mijn vader, hij heeft MS en zit in een rolstoel")
    assert names(first) == ["utter_samenvatting_ander"]
    both = next_step(first.state, "hulpvraag", parse(("gezondheid", "mantelzorger", 0.9)),
                     "half. het is voor hem maar ook voor mij, ik ben de mantelzorger")
    assert names(both) == ["utter_samenvatting"] and both.state.voor_wie == "zelf"


def test_no_i_will_not_call_113_it_scares_me_gets_the_chat_not_the_numbers_again():
    crisis = next_step(State(), "crisis_113", None, "soms denk ik dat iedereen beter af is zonder mij")
    offered = replace(crisis.state, wacht_op="aanbod")
    reply = next_step(offered, "ontkennen", None, "nee ik ga niet naar 113 bellen, daar word ik bang van. "
                      "ik wil gewoon dat iemand met mij praat")
    assert names(reply) == ["utter_zmp_chat"]


def test_violence_told_again_is_heard_with_veilig_thuis_not_113():
    crisis = next_step(State(), "crisis_veilig_thuis", None, "mijn vriend duwt me")
    again = next_step(crisis.state, "crisis_herhaald", None, "vorige week heeft hij me geslagen")
    assert names(again)[0] == "utter_crisis_gehoord_vt"
    suicidal = next_step(State(), "crisis_113", None, "ik wil er niet meer zijn")
    assert names(next_step(suicidal.state, "crisis_herhaald", None, "ik wil dood"))[0] == "utter_crisis_gehoord"


# Residents' tests, round B (2026-12-06 afternoon).
def test_the_change_menus_own_button_is_no_value():
    state = replace(State(), wacht_op="wijzig_veld", formulier={"gemeente": "Goes", "moment": "avond", "voorkeur": "geen"},
                    contact={"name": "s", "phone": "+31612345678"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, "moment")
    assert names(reply) == ["utter_vraag_moment"] and reply.state.formulier["moment"] == "avond"


@pytest.mark.parametrize("text", ["moet ik nou alles opnieuw invullen?? ja", "ik vroeg of ik het opnieuw moest doen"])
def test_opnieuw_inside_a_question_is_no_wish_to_start_again(text):
    from bot.conversation import reading
    assert not reading.says_start_again(text)
    assert reading.says_start_again("ik wil opnieuw beginnen") and reading.says_start_again("opnieuw")


def test_a_question_at_what_to_stop_keeps_that_question():
    state = replace(State(), wacht_op="stop_keuze", vorige_wacht="form:naam", formulier={"gemeente": "Goes"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, "ik wil eerst weten wie mijn naam te zien krijgt. de gemeente?")
    assert names(reply) in (["utter_niet_begrepen_opnieuw", "utter_stop_vraag"], ["utter_faq", "utter_stop_vraag"])
    assert names(next_step(reply.state, "afscheid", None, "toch doorgaan"))[-1] == "utter_vraag_naam"


def test_not_just_talking_is_a_question_not_the_listening_line():
    reply = next_step(State(), "luisteren", parse(("wonen", "bezwaar", 0.8)),
                      "Ik wil helemaal niet 'even praten'. Ik wil hulp bij het bezwaar tegen de gemeente.")
    assert "utter_luisterlijn" not in names(reply)


def test_a_pseudonym_of_one_small_letter_is_a_name():
    state = replace(State(), wacht_op="form:naam", formulier={"gemeente": "Goes"}, form_id="f1")
    assert names(next_step(state, "hulpvraag", None, "j", form_text="j"))[-1] == "utter_vraag_contact"


def test_after_112_nothing_else_is_offered_and_the_shock_is_heard_when_help_has_come():
    """Residents' tests: a man whose brother lay on the floor got 112 and, in the same turn, the
    listening line and a callback; when the ambulance came, a keyword summary ('sorry')."""
    crisis = next_step(State(), "crisis_112", None, "mijn broer ligt op de grond en reageert niet")
    assert names(crisis) == ["utter_crisis_112_blijf"] and crisis.state.wacht_op == "na_112"
    arrived = next_step(crisis.state, "hulpvraag", parse(("gezondheid", "ambulance", 0.7)),
                        "ambulance is er nu. sorry ik weet niet waarom ik hier nog typ")
    assert names(arrived) == ["utter_hulp_is_er"] and arrived.state.wacht_op == "aanbod"


def test_asking_for_help_tonight_again_gets_todays_help_not_the_summary():
    urgent = next_step(State(), "hulpvraag", parse(("wonen", "buiten gezet", 0.8)),
                       "mn stiefvader heeft me net buiten gezet, ik heb vannacht geen slaapplek")
    assert names(urgent) == ["utter_spoed_erkend", "utter_spoed_waar"]
    summary_wait = replace(urgent.state, wacht_op="samenvatting")
    asked = next_step(summary_wait, "hulpvraag", None, "bro ik ben 17 en sta op straat. is er een opvang of zo?")
    assert names(asked) == ["utter_spoed_waar"]
    today = next_step(asked.state, "hulpvraag", None, "idk?? kruiningen ligt bij yerseke")
    assert names(today)[0] == "utter_spoed_vandaag" and today.state.formulier["gemeente"] == "Reimerswaal"
    again = next_step(replace(today.state, wacht_op="samenvatting"), "hulpvraag", None, "wie kan ik NU bellen")
    assert names(again)[0] == "utter_spoed_vandaag"


@pytest.mark.parametrize("text, name", [("ok. marco", "marco"), ("mijn naam is marco, dat schreef ik toch", "marco")])
def test_a_name_with_an_ok_or_a_complaint_around_it_is_the_name(text, name):
    from bot.conversation.contact import parse_name
    assert parse_name(text) == name


def test_frustration_with_repeating_is_no_sign_of_danger():
    from bot.understanding.crisis import is_near_miss
    assert is_near_miss("voor mij. dat zeg ik al") and is_near_miss("mijn naam is marco, dat schreef ik toch")


def test_a_place_named_in_a_sentence_with_a_complaint_is_asked_about():
    answer = callback_form.read_answer("gemeente", "'s-Heer Arendskerke, dat schreef ik zojuist.")
    assert answer.retry and "Goes" in answer.retry[1].get("suggesties", "")


def test_the_read_back_says_the_wish_in_plain_words_and_a_question_there_keeps_the_form():
    state = replace(State(), wacht_op="form:voorkeur", formulier={"gemeente": "Goes", "moment": "avond"},
                    contact={"name": "Marco", "phone": "+31612345678"}, form_id="f1")
    read_back = next_step(state, "hulpvraag", None, "Iemand die het zelf meemaakte")
    (name, values), = read_back.responses
    assert name == "utter_controle" and values["voorkeur"] == "iemand die het zelf meemaakte"  # the one chosen (round 39)
    asked = next_step(read_back.state, "hulpvraag", None, "wat is informeel?")
    assert names(asked) == ["utter_niet_begrepen_opnieuw", "utter_controle"]
    assert asked.state.formulier == read_back.state.formulier and asked.state.contact == read_back.state.contact


def test_under_violence_a_gemeente_we_do_not_serve_gets_veilig_thuis_not_call_your_gemeente():
    crisis = next_step(State(), "crisis_veilig_thuis", None, "mijn vriend slaat me en kijkt mijn telefoon na")
    consent = next_step(crisis.state, "bevestigen", None, "/bevestigen")
    form = next_step(consent.state, "bevestigen", None, "/bevestigen")
    assert names(form) == ["utter_vraag_gemeente"]
    elsewhere = next_step(form.state, "hulpvraag", None, "Utrecht")
    assert names(elsewhere) == ["utter_gemeente_niet_gedekt_veilig"]


def test_someone_who_asks_to_be_called_is_not_sent_to_the_listening_line():
    reply = next_step(State(), "luisteren", parse(("financien", "schulden", 0.9)),
                      "ik wil gewoon dat iemand me belt over die schulden")
    assert names(reply) == ["utter_luisterlijn", "utter_terugbel_uitleg"]
    corrected = next_step(replace(State(), wacht_op="samenvatting", leefgebieden={
        "werken": {"confidence": 0.8, "evidence": ["werk"]}, "financien": {"confidence": 0.8, "evidence": ["brief"]}}),
        "hulpvraag", None, "nee niet werk, brief")
    assert "werken" not in corrected.state.leefgebieden


def test_a_question_after_the_callback_is_booked_does_not_start_the_intake_again():
    booked = replace(State(), ticket_id="MD-ABC123", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["schulden"]}})
    reply = next_step(booked, "hulpvraag", None, "bellen ze dan ook echt na 7 uur?")
    assert reply.responses == [("utter_na_ticket", {"referentie": "MD-ABC123"})]
    new_worry = next_step(booked, "hulpvraag", parse(("wonen", "huur", 0.9)), "en mijn huur is ook te hoog")
    assert names(new_worry)[0].startswith("utter_samenvatting")
    # Residents' round 41: "ja" to that summary offered the callback a second time.
    yes = next_step(new_worry.state, "bevestigen", None, "ja")
    assert yes.responses == [("utter_na_ticket", {"referentie": "MD-ABC123"})] and yes.state.wacht_op is None


def test_asking_to_be_called_after_the_request_was_sent_is_told_it_is_arranged_not_a_second_form():
    # Residents' round 46: "Ja, bel mij" after the ticket started the consent question and the form again.
    booked = replace(State(), ticket_id="MD-ABC123", route="meedenker",
                     leefgebieden={"financien": {"confidence": 0.9, "evidence": ["schulden"]}})
    for intent, text in [("bevestigen", "Ja, bel mij"), ("hulpvraag", "ja bel me maar"),
                         ("luisteren", "Ik wil dat iemand me belt")]:
        reply = next_step(booked, intent, None, text)
        assert reply.responses == [("utter_al_aangevraagd", {"referentie": "MD-ABC123"})], (text, names(reply))
        assert reply.state.wacht_op is None and reply.state.form_id is None
    # A new worry with the wish is still summed up for the same meedenker.
    new_worry = next_step(booked, "hulpvraag", parse(("wonen", "huur", 0.9)), "bel me ook over mijn huur, die is te hoog")
    assert names(new_worry)[0].startswith("utter_samenvatting"), names(new_worry)


def test_let_the_meedenker_call_me_is_a_yes_and_an_annoyed_repeat_no_danger():
    from bot.conversation import reading
    from bot.understanding.crisis import is_near_miss
    assert reading.yes_or_no("Laat die meedenker mij dan maar bellen") == "bevestigen"
    assert is_near_miss("Dat had ik in het begin al geschreven. Hendriks. Meneer Hendriks.")


def test_back_after_she_is_gone_again_is_welcomed_with_the_way_on():
    crisis = next_step(State(), "crisis_veilig_thuis", None, "mijn moeder drinkt en slaat me soms")
    coming = next_step(crisis.state, "snel_weg", None, "ze komt eraan", channel="widget")
    back = next_step(coming.state, "hulpvraag", None, "ok ze is weer weg", channel="widget")
    assert names(back) == ["utter_weer_terug", "utter_crisis_vt_blijf"]


def test_i_gave_it_already_is_no_sign_of_danger_and_the_number_is_read():
    from bot.understanding.crisis import is_near_miss
    assert is_near_miss("heb ik al gegeven 0612345678")
    assert callback_form.read_answer("contact", "heb ik al gegeven 0612345678").values == {"phone": "+31612345678"}


def test_the_interpreter_callback_read_back_in_dutch_names_only_what_was_asked():
    state = replace(State(), tolk="tr", taal="nl", wacht_op="form:contact", contact={"name": "Ayse"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, "0612345678", form_text="0612345678")
    assert names(reply) == ["utter_controle_tolk"]
    assert names(next_step(replace(state, taal="tr"), "hulpvraag", None, "0612345678", form_text="0612345678")) == ["utter_controle"]


@pytest.mark.parametrize("text, expected", [
    ("stop", ["utter_formulier_gestopt"]),
    ("ik doe het later wel", ["utter_formulier_gestopt"]),
    ("toch wel", ["utter_formulier_verder", "utter_vraag_naam"]),
])
def test_plain_words_at_what_to_stop_are_understood(text, expected):
    # Residents' round 36: "stop", "ik doe het later wel" and "toch wel" each got "Sorry, dat begrijp ik niet".
    state = replace(State(), wacht_op="stop_keuze", vorige_wacht="form:naam", formulier={"gemeente": "Goes"}, form_id="f1")
    assert names(next_step(state, "hulpvraag", None, text)) == expected


def test_toch_wel_after_the_questions_stopped_takes_it_back():
    # Residents' round 36: "toch wel" after "stop de vragen" got a goodbye.
    state = replace(State(), wacht_op="stop_keuze", vorige_wacht="form:naam", formulier={"gemeente": "Goes"}, form_id="f1")
    stopped = next_step(state, "hulpvraag", None, "stop de vragen").state
    back = next_step(stopped, "bevestigen", None, "nee ik bedoel, toch wel bellen. ik wil toch dat de meedenker belt")
    assert names(back)[-1] == "utter_vraag_naam"


@pytest.mark.parametrize("text", ["wat bedoel je?", "ik begrijp niet. wat bedoel je gegevens?", "huh?", "snap ik niet"])
def test_not_understanding_the_consent_question_gets_it_in_plainer_words_not_a_no(text):
    # Residents' round 36: an A2 writer's "ik begrijp niet" at "Mag ik ze vragen?" was read as a no,
    # and "wat bedoel je?" got "Ik ben een computer" and the same long question word for word.
    state = replace(State(), wacht_op="toestemming", route="meedenker", leefgebieden=("financien",))
    reply = next_step(state, "ontkennen", None, text)
    assert names(reply) == ["utter_toestemming_eenvoudig"] and reply.state.wacht_op == "toestemming"
    assert names(next_step(reply.state, "bevestigen", None, "ja"))[-1] == "utter_vraag_gemeente"


def test_not_understanding_a_form_question_says_it_again_otherwise_and_keeps_the_step():
    state = replace(State(), wacht_op="form:naam", formulier={"gemeente": "Goes"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, "wat bedoel je?")
    assert names(reply) == ["utter_vraag_naam_eenvoudig"] and reply.state.wacht_op == "form:naam"
    # Residents' round 38: "Ik zeg het op een andere manier" was followed by the same words.
    other = next_step(replace(state, wacht_op="form:voorkeur"), "hulpvraag", None, "wat bedoel je?")
    assert names(other) == ["utter_anders_gezegd", "utter_vraag_voorkeur"]


def test_a_worry_about_a_letter_is_no_question_about_the_question():
    from bot.conversation import reading
    assert not reading.asks_what_is_meant("ik begrijp de brief niet")
    assert not reading.asks_what_is_meant("ik snap niet wat ik moet doen")


def test_a_question_answered_with_nothing_pending_offers_the_next_step():
    # conversations_blind.yml: "ik heb hulp nodig met de post en de brieve" got what a meedenker does
    # and nothing more; every "ja" after it got "Waar kan ik u mee helpen?".
    faq = {"faq": {"id": "wat_doet", "score": 0.9}}
    reply = next_step(State(), "info_wat_doet", faq, "helpt een meedenker met brieven?")
    # The offer in one line: the answer just said what a meedenker is (residents' round 43: twice in one reply).
    assert names(reply) == ["utter_faq", "utter_aanbod_kort"] and reply.state.wacht_op == "aanbod"
    assert names(next_step(reply.state, "bevestigen", None, "ja"))[-1] == "utter_terugbel_uitleg"


def test_after_the_ticket_a_question_is_answered_without_a_new_offer():
    faq = {"faq": {"id": "wat_doet", "score": 0.9}}
    reply = next_step(replace(State(), ticket_id="MD-TEST01"), "info_wat_doet", faq, "wat doet een meedenker?")
    assert names(reply) == ["utter_faq"] and reply.state.wacht_op is None


@pytest.mark.parametrize("wait", ["samenvatting", "aanbod", "toestemming"])
def test_laat_maar_before_the_form_is_no_yes_and_toch_wel_brings_the_offer_back(wait):
    # Residents' round 38: "laat maar" at the summary was taken as a yes, "stop" asked the summary
    # again, and "toch wel" later got a goodbye.
    state = replace(State(), wacht_op=wait, route="meedenker", leefgebieden={"sociale_relaties": {}})
    stopped = next_step(state, "bevestigen", None, "laat maar")
    assert names(stopped) == ["utter_geen_aanbod"] and stopped.state.wacht_op is None
    back = next_step(stopped.state, "bevestigen", None, "toch wel")
    assert names(back) == ["utter_aanbod_meedenker"] and back.state.wacht_op == "aanbod"
    assert names(next_step(state, "hulpvraag", None, "stop")) == ["utter_geen_aanbod"]


@pytest.mark.parametrize("text", ["Het is niet voor iemand anders, het is voor mij.", "Nee. Voor MIJ. Niet voor iemand anders."])
def test_it_is_for_me_corrects_someone_else_in_the_summary(text):
    # Residents' round 38: a widower whose wife had died got "u zoekt hulp voor iemand anders" three times.
    state = replace(State(), wacht_op="samenvatting", route="meedenker", voor_wie="ander",
                    leefgebieden={"financien": {"evidence": ["administratie"]}})
    reply = next_step(state, "hulpvraag", None, text)
    assert reply.state.voor_wie == "zelf" and reply.state.leefgebieden


def test_calling_too_big_after_a_suicidal_remark_is_heard_even_when_the_intent_model_is_unsure():
    # After the heavy-ordinary training the intent model read "113 bellen is een te grote stap voor
    # mij" as nlu_fallback, and the noise path answered "Sorry, dat begrijp ik niet".
    state = replace(State(), wacht_op="veilig_nu", crisis_route="crisis_113", route="crisis_113")
    reply = next_step(state, "nlu_fallback", None, "113 bellen is een te grote stap voor mij")
    assert "utter_niet_begrepen_opnieuw" not in names(reply) and names(reply)[0].startswith("utter_zmp")


@pytest.mark.parametrize("text, name", [("nee mijn naam is niet Jan, het is Johan", "Johan"),
                                        ("ik heet toch Fatma", "Fatma"), ("noem me maar Kees", "Kees")])
def test_a_name_corrected_in_a_sentence_at_the_read_back_is_taken_at_once(text, name):
    # Residents' round 36: "nee mijn naam is niet Jan, het is Johan" was asked for once more.
    state = replace(State(), wacht_op="controle", formulier={"gemeente": "Goes", "moment": "in de ochtend"},
                    contact={"name": "Jan", "phone": "+31612345678"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, text)  # whatever the intent model makes of it
    assert names(reply) == ["utter_controle"] and reply.state.contact["name"] == name
    assert reply.responses[0][1]["naam"] == f"{name[0]}…"
    # Without a new name in it, the question comes, and nothing is changed yet.
    asked = next_step(state, "ontkennen", None, "nee mijn naam klopt niet")
    assert names(asked) == ["utter_vraag_naam"] and asked.state.contact["name"] == "Jan"


def test_a_change_after_the_ticket_goes_into_that_ticket_not_a_second_one():
    # Residents' round 38: "ik wil mijn nummer veranderen" after the ticket was asked three times,
    # sent to De Luisterlijn, and then a second ticket went through the whole form.
    booked = replace(State(), ticket_id="MD-TEST01", route="meedenker", leefgebieden={"financien": {"evidence": ["schulden"]}})
    asked = next_step(booked, "hulpvraag", None, "ik wil mijn nummer veranderen, die klopt niet")
    assert names(asked) == ["utter_vraag_contact"] and asked.state.wacht_op == "wijzig_ticket"
    assert callback_form.sealing_step(asked.state.wacht_op) == "contact"  # the channel seals the number
    done = next_step(asked.state, "hulpvraag", None, "[CONTACTGEGEVENS]", form_text="06 24681357")
    assert names(done) == ["utter_ticket_gewijzigd"] and done.responses[0][1]["referentie"] == "MD-TEST01"
    assert done.effects == ("update_ticket",) and done.state.contact["phone"].endswith("24681357")
    assert done.state.wacht_op is None and done.state.ticket_id == "MD-TEST01"
    # A moment given with the change itself is taken at once; a value alone after "what?" too.
    moment = next_step(booked, "hulpvraag", None, "kan ik een ander moment kiezen? liever dinsdagochtend")
    assert names(moment) == ["utter_ticket_gewijzigd"] and moment.state.formulier["moment"].startswith("dinsdag, in de ochtend")
    which = next_step(booked, "hulpvraag", None, "ik wil iets veranderen aan mijn gegevens")
    assert names(which) == ["utter_vraag_wijzig"]
    place = next_step(which.state, "hulpvraag", None, "Tholen")
    assert names(place) == ["utter_ticket_gewijzigd"] and place.state.formulier == {"gemeente": "Tholen"}
    # "laat maar" keeps the ticket as it was; a wrong number is asked again, never stored.
    kept = next_step(which.state, "ontkennen", None, "laat maar")
    assert names(kept) == ["utter_ticket_ongewijzigd"] and kept.effects == ()
    wrong = next_step(asked.state, "hulpvraag", None, "[CONTACTGEGEVENS]", form_text="06 123")
    assert wrong.effects == () and wrong.state.wacht_op == "wijzig_ticket" and names(wrong)[0].startswith("utter_ongeldig")


def test_without_a_ticket_a_changed_number_is_no_ticket_change():
    state = replace(State(), route="meedenker", leefgebieden={"financien": {"evidence": ["schulden"]}})
    reply = next_step(state, "hulpvraag", None, "ik wil mijn nummer veranderen")
    assert "utter_ticket_gewijzigd" not in names(reply) and reply.state.wacht_op != "wijzig_ticket"


def test_after_112_playing_it_down_or_saying_goodbye_gets_112_again_until_help_is_called():
    # Residents' round 39: "Ik heb trouwens net een doos pillen genomen" got "Bel nu 112"; then
    # "Ach, het waren maar slaappillen ... ik ga gewoon slapen" got the listening line and a callback
    # offer, "Welterusten" got "Dat is goed", "een stuk of twintig" got the ticket's number.
    booked = replace(State(), ticket_id="MD-TEST01", route="meedenker")
    crisis = next_step(booked, "crisis_112", None, "Dank u. Ik heb trouwens net een doos pillen genomen.")
    assert names(crisis) == ["utter_crisis_112_blijf"]  # the numbers come first, by Rasa rule
    state = crisis.state
    for text, intent in [("Ach, het waren maar slaappillen. Ik wil geen ambulance, dat is zo'n gedoe. Ik ga gewoon slapen.", "luisteren"),
                         ("Nee hoeft niet. Ik word wel wat suf nu. Welterusten.", "afscheid"),
                         ("is het echt zo erg dan? het waren er maar een stuk of twintig", "hulpvraag"),
                         ("dus ik kan gewoon wachten tot de meedenker belt morgenmiddag?", "info_wat_doet")]:
        reply = next_step(state, intent, None, text)
        assert "utter_crisis_112_aandringen" in names(reply), (text, names(reply))
        assert not {"utter_luisterlijn", "utter_aanbod_meedenker_later", "utter_na_ticket"} & set(names(reply)), names(reply)
        state = reply.state
    called = next_step(state, "hulpvraag", None, "ok ik heb 112 gebeld, ze komen eraan")
    assert names(called) == ["utter_hulp_is_er"] and called.state.wacht_op == "aanbod"


def test_after_112_a_false_alarm_told_in_so_many_words_lets_the_conversation_go_on():
    crisis = next_step(State(), "crisis_112", None, "ik ruik gas in de flat")
    reply = next_step(crisis.state, "hulpvraag", None, "het was vals alarm, er is niks aan de hand")
    assert "utter_crisis_112_aandringen" not in names(reply) and reply.state.wacht_op != "na_112"


def test_denying_suicide_at_are_you_safe_now_is_believed_not_sent_to_112():
    # Residents' round 39: "NEE ik denk niet aan zelfdoding!! ..." at "Bent u nu veilig?" got "Bel dan nu 112".
    state = replace(State(), wacht_op="veilig_nu", crisis_route="crisis_113", route="crisis_113")
    reply = next_step(state, "ontkennen", None, "NEE ik denk niet aan zelfdoding!! ik ben gewoon een moeder die moe is")
    assert names(reply)[0] == "utter_veiligheid_nee" and "utter_crisis_niet_veilig" not in names(reply)
    unsafe = next_step(state, "ontkennen", None, "nee")
    assert names(unsafe) == ["utter_crisis_niet_veilig"]


def test_the_assistants_own_question_quoted_back_is_no_new_crisis():
    from bot.understanding.routing import decide_route
    from bot.understanding.crisis_net import CrisisScores
    text = "oke dankje. en sorry dat ik zo schrok in het begin, die vraag over mezelf iets aandoen kwam echt binnen"
    decision = decide_route(text, "bedankt", 0.9, False, CrisisScores(0.2, "crisis_113", 0.9), 0.31)
    assert decision.tier is None


@pytest.mark.parametrize("text", ["oei, nummer klopt niet. het moet [TELEFOON] zijn, ik had 2 cijfers omgedraaid",
                                  "nee ik wil het wel veranderen! mijn telefoonnummer is [TELEFOON]"])
def test_a_change_after_the_ticket_is_heard_when_the_intent_model_is_unsure(text):
    # Residents' round 39: the intent model read these as nlu_fallback, and "nummer" (the change
    # menu's button) as "ontkennen": the change was lost and a second ticket followed.
    booked = replace(State(), ticket_id="MD-TEST01", route="meedenker", leefgebieden={"financien": {"evidence": ["schulden"]}})
    reply = next_step(booked, "nlu_fallback", None, text)
    assert names(reply) == ["utter_vraag_contact"] and reply.state.wacht_op == "wijzig_ticket"
    which = next_step(booked, "hulpvraag", None, "ik wil iets veranderen")
    assert names(which) == ["utter_vraag_wijzig"]
    field = next_step(which.state, "ontkennen", None, "nummer")
    assert names(field) == ["utter_vraag_contact"] and field.state.wacht_op == "wijzig_ticket"


def test_a_place_named_after_we_do_not_work_there_reopens_the_callback_with_it():
    # Residents' round 39: after "Onze meedenkers werken niet in Vlissingen", "ik woon eigenlijk half
    # in Middelburg", "NIET vlissingen. middelburg" and "ik woon in middelburg" got the summary and the
    # same "niet in Vlissingen" four times.
    elsewhere = replace(State(), elders="Vlissingen", route="meedenker", leefgebieden={"financien": {"evidence": ["schulden"]}})
    here = next_step(elsewhere, "hulpvraag", None, "ja. en dan wil ik gebeld worden, ik woon in Goes")
    assert names(here) == ["utter_terugbel_uitleg"] and here.state.elders is None
    form = next_step(here.state, "bevestigen", None, "ja")
    assert names(form) == ["utter_vraag_naam"] and form.state.formulier == {"gemeente": "Goes"}  # not asked again
    still = next_step(elsewhere, "hulpvraag", None, "NIET vlissingen. middelburg. gemeente middelburg")
    assert names(still) == ["utter_gemeente_niet_gedekt"] and still.responses[0][1]["gemeente"] == "Middelburg"


def test_a_sentence_that_names_a_field_at_the_read_back_is_no_value_for_it():
    # Residents' round 39: "Laat maar. Ik wil het moment veranderen." was read back as the moment.
    state = replace(State(), wacht_op="controle", formulier={"gemeente": "Goes", "moment": "tussen 13 en 15 uur"},
                    contact={"name": "Ingrid", "phone": "+31687654321"}, form_id="f1")
    reply = next_step(state, "hulpvraag", None, "Waarom staat er nog steeds vrijwilliger? Laat maar. Ik wil het moment veranderen.")
    assert names(reply) == ["utter_vraag_moment"] and reply.state.formulier["moment"] == "tussen 13 en 15 uur"


@pytest.mark.parametrize("intent", ["ontkennen", "afscheid", "nlu_fallback"])
@pytest.mark.parametrize("text", ["toch wel", "toch doorgaan"])
def test_toch_wel_to_the_offer_is_a_yes_whatever_the_intent_model_read(intent, text):
    # Residents' round 39: "toch doorgaan", the words the assistant gives after "stop de vragen", and
    # "toch wel" at the callback offer both got "Ik wens u veel sterkte".
    state = replace(State(), wacht_op="aanbod", route="meedenker", leefgebieden={"sociale_relaties": {"evidence": ["scheiding"]}})
    assert names(next_step(state, intent, None, text)) == ["utter_terugbel_uitleg"]


def test_a_gemeente_we_do_not_serve_is_told_where_the_meedenkers_do_work():
    # Residents' round 39: a resident asked where the meedenkers do work and was never told.
    from bot.understanding import coverage
    elsewhere = replace(State(), elders="Vlissingen", route="meedenker", leefgebieden={"financien": {"evidence": ["schulden"]}})
    reply = next_step(elsewhere, "hulpvraag", None, "en in Middelburg dan?")
    (name, values), = reply.responses
    assert name == "utter_gemeente_niet_gedekt" and values["gemeente"] == "Middelburg"
    assert values["gemeenten"] == coverage.served_names() and "Goes" in values["gemeenten"]


@pytest.mark.parametrize("intent", ["afscheid", "hulpvraag", "bevestigen"])
@pytest.mark.parametrize("words", ["toch doorgaan", "toch wel", "ik wil toch gebeld worden"])
def test_a_no_to_the_offer_is_taken_back_with_toch_doorgaan(intent, words):
    """Residents' round 40: "nee" to "Wilt u dat een meedenker u belt?", then "toch doorgaan" got a goodbye."""
    offered = replace(State(), wacht_op="aanbod", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["rekeningen"]}})
    no = next_step(offered, "ontkennen", None, "nee")
    assert names(no) == ["utter_geen_aanbod"]
    again = next_step(no.state, intent, None, words)
    assert names(again) == ["utter_aanbod_meedenker"], (intent, words, names(again))
    assert names(next_step(again.state, "bevestigen", None, "ja")) == ["utter_terugbel_uitleg"]


@pytest.mark.parametrize("intent, text, expected", [
    # A mother telling what her son said is believed, not told "Bel dan nu 112".
    ("ontkennen", "Nee nee het gaat niet om mij. Hij zit nu gewoon boven te gamen.",
     ["utter_veiligheid_nee", "utter_aanbod_meedenker_later"]),
    # The zelfdoding question's own button, pressed again, is no "ik ben veilig".
    ("bevestigen", "Ja, daar denk ik aan", ["utter_crisis_niet_veilig"]),
    # Not sure is not safe, and never "Sorry, dat begrijp ik niet".
    ("nlu_fallback", "Ik weet het niet precies. Soms wel een beetje.", ["utter_crisis_niet_veilig"]),
    ("hulpvraag", "ik ga ze vanavond nemen", ["utter_crisis_niet_veilig"]),
])
def test_the_answer_to_are_you_safe_now_is_read_for_what_it_says(intent, text, expected):
    """Residents' round 40: "Ja, daar denk ik aan" got "Fijn dat u nu veilig bent"; "soms wel een
    beetje" got "Sorry, dat begrijp ik niet"; a mother got "Bel dan nu 112"."""
    asked = next_step(State(), "crisis_113", None, "ik wil er niet meer zijn").state
    assert asked.wacht_op == "veilig_nu"
    assert names(next_step(asked, intent, None, text)) == expected


def test_he_is_not_there_yet_is_no_reason_to_close_and_a_plan_for_tonight_is_heard():
    from bot.conversation import reading
    assert reading.abuser_near("hij komt eraan") and reading.abuser_near("hij is thuis")
    for text in ("nee wacht hij is er nog niet. kan ik ergens chatten", "hallo?? hij is er NIET",
                 "hij is er over 10 min"):
        assert not reading.abuser_near(text), text
    assert reading.plan_now("ik ga ze vanavond nemen") and reading.plan_now("vannacht doe ik het")
    for text in ("ik ga ze morgen ophalen bij school", "ik ga het vanavond niet doen"):
        assert not reading.plan_now(text), text


@pytest.mark.parametrize("wait, after", [("samenvatting", ["utter_aanbod_meedenker"]),
                                         ("aanbod", ["utter_terugbel_uitleg"])])
def test_a_yes_with_a_question_is_answered_and_kept(wait, after):
    """Residents' round 40: "ja het gaat om de brieven. wie leest dit eigenlijk mee?" got the answer
    and then the same "Klopt dat?" again; each such turn cost residents a message."""
    from bot.conversation.dialogue import FAQ_KEY
    state = replace(State(), wacht_op=wait, leefgebieden={"financien": {"confidence": 0.9, "evidence": ["brieven"]}})
    werkmodel = {FAQ_KEY: {"id": "wie_leest_mee", "score": 0.9}, "leefgebieden": [], "doelgroepen": []}
    both = next_step(state, "info_privacy", werkmodel, "ja het gaat om de brieven. wie leest dit eigenlijk mee?")
    assert names(both) == ["utter_faq", *after]
    only = next_step(state, "info_privacy", werkmodel, "wie leest dit eigenlijk mee?")
    assert names(only)[0] == "utter_faq" and names(only)[1:] != after and only.state.wacht_op == wait


def test_a_mother_telling_what_her_son_said_is_not_asked_whether_she_is_safe():
    """Residents' round 40: "Vorige week zei hij 'ik wil er niet meer zijn'" got "Denkt u aan
    zelfdoding? ... Bent u nu veilig?", and her "het gaat niet om mij" got "Bel dan nu 112"."""
    from bot.conversation.summary import said_by_someone_else
    told = "Vorige week zei hij ook een keer 'ik wil er niet meer zijn'. Moet ik dit serieus nemen?"
    reply = next_step(State(), "crisis_113", None, told)
    assert names(reply) == ["utter_aanbod_meedenker_later"] and reply.state.voor_wie == "ander"
    assert reply.state.crisis_route == "crisis_113" and reply.effects == (EFFECT_FLAG_CRISIS,)
    assert said_by_someone_else("Mijn zoon zei ik wil dood", "crisis_113")
    for own in ("ik wil er niet meer zijn", "mijn vriend zegt dat ik beter dood kan zijn, en ik wil er niet meer zijn",
                "mijn moeder zegt dat ik moet eten, maar ik wil dood"):
        assert not said_by_someone_else(own, "crisis_113"), own
        assert names(next_step(State(), "crisis_113", None, own)) == ["utter_crisis_113_blijf"]


def test_hunger_told_with_a_yes_to_the_summary_is_todays_need_first():
    """Residents' round 40: "ja klopt. ook ik heb geen geld voor eten. twee dagen ik heb niet gegeten"
    got the callback offer; the hunger was never answered."""
    state = replace(State(), wacht_op="samenvatting", leefgebieden={"wonen": {"confidence": 0.9, "evidence": ["huur"]}})
    reply = next_step(state, "bevestigen", None, "ja klopt. ook ik heb geen geld voor eten. twee dagen ik heb niet gegeten")
    assert names(reply) == ["utter_spoed_erkend", "utter_spoed_waar"] and reply.state.spoed == "eten"
    assert names(next_step(state, "bevestigen", None, "ja klopt")) == ["utter_aanbod_meedenker"]


def test_a_plan_for_tonight_after_suicide_was_heard_gets_112_now():
    """Residents' round 40: "ik ga ze vanavond nemen" (the pills told of before) got the listening line."""
    from bot.conversation.dialogue import CRISIS_AGAIN_INTENT
    heard = replace(next_step(State(), "crisis_113", None, "ik wil er niet meer zijn").state, wacht_op=None)
    assert names(next_step(heard, CRISIS_AGAIN_INTENT, None, "ik ga ze vanavond nemen")) == ["utter_crisis_niet_veilig"]
    assert names(next_step(heard, CRISIS_AGAIN_INTENT, None, "ik heb de pillen al liggen")) == ["utter_crisis_gehoord"]


def test_no_to_the_offer_after_help_came_keeps_the_door_open_without_the_112_alarm():
    """Residents' round 40: a neighbour who had called 112 said "Nee, nu niet. Goedendag." to the
    offer and got "Dit klinkt als gevaar. Bel nu 112" again."""
    alarm = next_step(State(), "crisis_112", None, "mijn buurvrouw reageert niet meer").state
    called = next_step(alarm, "hulpvraag", None, "ik heb 112 gebeld, ze zijn er")
    assert names(called) == ["utter_hulp_is_er"]
    assert names(next_step(called.state, "ontkennen", None, "Nee, nu niet. Goedendag.")) == ["utter_crisis_afscheid_112"]


def test_danger_told_at_the_read_back_keeps_the_answers_and_reads_them_back_after():
    """Residents' round 40: a widower told of his wife's pills at "Klopt dit?"; after the numbers his
    "ja" to a meedenker started the whole form again and no ticket existed until he filled it twice."""
    state = replace(State(), wacht_op="controle", form_id="f1",
                    formulier={"gemeente": "Tholen", "moment": "ochtend", "voorkeur": "geen"},
                    contact={"name": "Henk", "phone": "+31612345678"},
                    leefgebieden={"sociale_relaties": {"confidence": 0.9, "evidence": ["alleen"]}})
    crisis = next_step(state, "crisis_113", None, "ik heb haar pillen nog allemaal bewaard, voor als het echt niet meer gaat")
    assert names(crisis) == ["utter_crisis_113_blijf"]
    offered = next_step(crisis.state, "bevestigen", None, "ja ik ben veilig")
    read_back = next_step(offered.state, "bevestigen", None, "ja")
    assert names(read_back) == ["utter_controle"] and read_back.responses[0][1]["gemeente"] == "Tholen"
    assert next_step(read_back.state, "bevestigen", None, "ja").effects == (EFFECT_SUBMIT,)


@pytest.mark.parametrize("text", ["nee joh ik doe niks geks, wil gewoon van die schulden af",
                                  "nee ik ben gewoon veilig hoor. ik zit thuis op de bank"])
def test_no_i_do_nothing_silly_at_are_you_safe_now_is_believed(text):
    """Residents' round 41: both got "Bel dan nu 112"."""
    asked = next_step(State(), "crisis_113", None, "iedereen is beter af zonder mij").state
    assert "utter_crisis_niet_veilig" not in names(next_step(asked, "ontkennen", None, text))


def test_a_father_telling_what_his_daughter_texted_gets_113_for_family():
    """Residents' round 41: "Dochter 17 appte 'ik wil niet meer leven'" got "Denkt u aan zelfdoding?"."""
    reply = next_step(State(), "crisis_113", None, "Mijn dochter (17) heeft haar vriendin geappt dat ze niet meer wil leven")
    assert names(reply) == ["utter_aanbod_meedenker_later"] and reply.state.voor_wie == "ander"
    from bot.conversation.summary import who_for
    assert who_for("For myself") == "zelf" and who_for("Myself. My tax letter.") == "zelf"  # an English loop


def test_an_earlier_answer_corrected_at_the_next_question_changes_that_answer_and_asks_again():
    """Residents' round 41: "oh nee, donderdag kan toch niet" at "Wie wilt u als meedenker?" was noted
    as the wish, and the read-back said "Moment: donderdag"."""
    at_wish = replace(State(), wacht_op=callback_form.wait_for("voorkeur"), form_id="f",
                      contact={"name": "Els", "phone": "+31611111111"},
                      formulier={"gemeente": "Goes", "moment": "donderdag"})
    moved = next_step(at_wish, "hulpvraag", None, "oh nee, donderdag kan toch niet, liever vrijdag")
    assert names(moved) == ["utter_antwoord_aangepast", "utter_vraag_voorkeur"], names(moved)
    assert moved.state.formulier["moment"].startswith("vrijdag") and "voorkeur" not in moved.state.formulier
    not_thursday = next_step(at_wish, "hulpvraag", None, "oh nee, donderdag kan toch niet")
    assert not not_thursday.state.formulier["moment"].startswith("donderdag")
    assert "donderdag" not in not_thursday.state.formulier["moment"].split("(")[0]
    # A number typed at the moment question is the new number, not a moment.
    at_moment = replace(at_wish, wacht_op=callback_form.wait_for("moment"), formulier={"gemeente": "Goes"})
    number = next_step(at_moment, "hulpvraag", None, "sorry mijn nummer is 06 24681357")
    assert names(number) == ["utter_antwoord_aangepast", "utter_vraag_moment"]
    assert number.state.contact["phone"] == "+31624681357" and "moment" not in number.state.formulier
    # A wish that names a day, without correcting words, stays the wish.
    wish = next_step(at_wish, "hulpvraag", None, "liefst een vrouw, op dinsdag ben ik thuis")
    assert "utter_antwoord_aangepast" not in names(wish) and wish.state.formulier["moment"] == "donderdag"


def test_a_question_typed_with_a_form_answer_is_answered_and_the_answer_kept():
    """Residents' round 41: "Jansen. Leest de gemeente dit mee?" kept the name and dropped the question."""
    faq = {"faq": {"id": "privacy_meelezen", "score": 0.9}}
    at_name = replace(State(), wacht_op=callback_form.wait_for("naam"), form_id="f", formulier={"gemeente": "Goes"})
    reply = next_step(at_name, "hulpvraag", faq, "Jansen. Leest de gemeente dit mee?")
    assert names(reply) == ["utter_faq", "utter_vraag_contact"] and reply.state.contact["name"] == "Jansen"
    assert reply.responses[0][1]["faq"] == "privacy_meelezen"
    # Without a question mark the FAQ's guess at the words is no question: only the next step.
    plain = next_step(at_name, "hulpvraag", faq, "Jansen")
    assert names(plain) == ["utter_vraag_contact"]


def test_a_gas_smell_gets_what_to_do_before_calling():
    """Residents' round 41: "ik ruik gas en word duizelig" got only "Bel nu 112"; a fire does not get gas advice."""
    gas = next_step(State(), "crisis_112", None, "ik ruik al de hele middag gas in de keuken en ik word duizelig")
    assert names(gas) == ["utter_gas_veilig"], names(gas)
    fire = next_step(State(), "crisis_112", None, "er is brand in de keuken")
    assert names(fire) == ["utter_crisis_112_blijf"]
    bill = next_step(State(), "crisis_112", None, "ik ruik rook en de gasrekening ligt hier")
    assert "utter_gas_veilig" not in names(bill)


def test_answers_told_before_their_question_are_not_asked_again():
    """Residents' round 42: a moment told with the yes ("ja graag maar dan wel s ochtends") or with the
    number ("06 2847 1936 maar bel pas na 5 uur"), and name, number and moment told with the gemeente,
    were all asked again ("dat zei ik al")."""
    offered = replace(State(), wacht_op="aanbod", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["brief"]}})
    consent = next_step(offered, "bevestigen", None, "ja graag maar dan wel s ochtends")
    state = next_step(consent.state, "bevestigen", None, "ja").state
    for answer in ("kapelle", "henk"):
        state = next_step(state, "hulpvraag", None, answer).state
    after_number = next_step(state, "hulpvraag", None, "0113 123456")
    assert names(after_number) == ["utter_vraag_voorkeur"], names(after_number)
    assert after_number.state.formulier["moment"] == "in de ochtend"

    at_number = replace(State(), wacht_op=callback_form.wait_for("contact"), form_id="f",
                        contact={"name": "D"}, formulier={"gemeente": "Huizen"})
    late = next_step(at_number, "hulpvraag", None, "06 2847 1936 maar bel pas na 5 uur dan ben ik klaar met werk")
    assert names(late) == ["utter_vraag_voorkeur"] and late.state.formulier["moment"] == "na 5 uur"
    assert late.state.contact["phone"] == "+31628471936"

    at_place = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    everything = next_step(at_place, "hulpvraag", None, "Ik woon in Tholen. Mijn naam is Marieke de Vos, mijn nummer "
                                                         "is 06 1234 5678, en bellen kan woensdagmiddag of vrijdagmiddag.")
    assert names(everything) == ["utter_vraag_voorkeur"], names(everything)
    assert everything.state.contact == {"name": "Marieke de Vos", "phone": "+31612345678"}
    assert everything.state.formulier["moment"] == "woensdag of vrijdag, in de middag"
    # Without them the form asks on as before.
    plain = next_step(at_place, "hulpvraag", None, "Tholen")
    assert names(plain) == ["utter_vraag_naam"]


def test_the_listening_line_after_the_ticket_offers_no_second_callback():
    """Residents' round 42: "kan ik ook ergens heen bellen als ik s avonds even wil praten" after the
    request got the Luisterlijn and "Zal ik dat voor u klaarzetten?", twice."""
    booked = replace(State(), ticket_id="MD-4R6MZR", route="meedenker")
    reply = next_step(booked, "luisteren", None, "kan ik ook ergens heen bellen als ik s avonds gewoon even wil praten")
    assert names(reply) == ["utter_luisterlijn"] and reply.state.wacht_op is None
    fresh = next_step(State(), "luisteren", None, "ik wil gewoon even praten")
    assert names(fresh) == ["utter_luisterlijn", "utter_aanbod_meedenker_later"]


@pytest.mark.parametrize("text, expected", [
    ("ik heb 4000 euro vergokt en mn moeder mag het niet weten", "zelf"),
    ("maar mijn vraag is of mn moeder het hoort als ik gebeld word", "zelf"),
    ("ik woon bij mn moeder en ze mag niet weten dat ik gegokt heb", "zelf"),
    ("mijn moeder heeft schulden", "ander"),
    ("ik wil hulp voor mijn moeder", "ander"),
    ("mijn moeder weet niet dat mijn vader drinkt", "ander"),
])
def test_family_who_must_not_know_does_not_make_it_a_question_for_someone_else(text, expected):
    """Residents' round 42: a 19-year-old with gambling debts who did not want his mother to know was
    summarised as "Ik begrijp dat je hulp zoekt voor iemand anders", even after "voor mezelf"."""
    from bot.conversation.summary import who_for
    assert who_for(text) == expected


def test_a_yes_that_adds_a_subject_is_summarised_again_with_it():
    """Residents' round 42: "ja geld ja maar ook het gokken zelf ik krijg het niet gestopt" went straight to
    the callback offer; the gambling was never in the summary."""
    summarised = next_step(State(), "hulpvraag", parse(("financien", "schulden", 0.9)), "ik heb 4000 euro schulden")
    assert names(summarised)[0].startswith("utter_samenvatting")
    more = next_step(summarised.state, "bevestigen", parse(("gezondheid", "gokken", 0.8)),
                     "ja geld ja maar ook het gokken zelf ik krijg het niet gestopt")
    assert names(more)[0].startswith("utter_samenvatting") and "gezondheid" in more.state.leefgebieden
    plain = next_step(summarised.state, "bevestigen", parse(("financien", "schulden", 0.9)), "ja dat klopt, de schulden")
    assert names(plain) == ["utter_aanbod_meedenker"]


def test_a_state_denied_is_no_evidence_but_a_need_said_with_geen_or_niet_is():
    """Residents' round 42: "mijn vader is niet dakloos" was summarised as "U schreef over 'dakloos'"."""
    from bot.conversation.summary import is_negated
    assert is_negated("dakloos", "mijn vader is niet dakloos, hij heeft dementie")
    assert not is_negated("geld", "ik heb geen geld") and not is_negated("werken", "ik kan niet werken")
    denied = next_step(State(), "hulpvraag", parse(("wonen", "dakloos", 0.8), ("gezondheid", "dementie", 0.9)),
                       "mijn vader is niet dakloos, hij heeft dementie")
    assert "wonen" not in denied.state.leefgebieden and "gezondheid" in denied.state.leefgebieden


@pytest.mark.parametrize("text", ["meedenker, maar alleen email", "niet bellen! EMAIL", "liever mailen, niet bellen"])
def test_help_by_e_mail_only_is_a_yes_and_the_wish_reaches_the_read_back(text):
    """Residents' round 42: a woman whose husband checks her phone answered the callback offer with "niet
    bellen! EMAIL"; it was read as no help at all, and the only button said "Ja, bel mij"."""
    offered = replace(State(), wacht_op="aanbod", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["geld"]}})
    consent = next_step(offered, "ontkennen", None, text)
    assert names(consent) == ["utter_terugbel_uitleg"], names(consent)
    state = next_step(consent.state, "bevestigen", None, "ja").state
    for answer in ("Goes", "Anna", "anna@example.org", "ochtend", "maakt niet uit"):
        reply = next_step(state, "hulpvraag", None, answer)
        state = reply.state
    assert names(reply) == ["utter_controle"] and "alleen e-mail, niet bellen" in reply.responses[0][1]["bereik"]


def test_a_question_at_the_read_back_is_no_yes_and_sends_no_ticket():
    """Residents' round 42: "is email nu goed?" at "Klopt dit?" was taken as yes and the ticket went."""
    read_back = replace(State(), wacht_op="controle", form_id="f", contact={"name": "Sanne", "email": "s@voorbeeld.nl"},
                        formulier={"gemeente": "Goes", "moment": "maakt niet uit", "voorkeur": "geen voorkeur"})
    asked = next_step(read_back, "bevestigen", None, "is email nu goed?")
    assert names(asked) == ["utter_controle_nakijken", "utter_controle"]
    assert EFFECT_SUBMIT not in asked.effects and asked.state.wacht_op == "controle"
    sent = next_step(asked.state, "bevestigen", None, "ja klopt")
    assert EFFECT_SUBMIT in sent.effects
    also_yes = next_step(read_back, "bevestigen", None, "ja, wanneer bellen ze?")
    assert EFFECT_SUBMIT in also_yes.effects


def test_a_span_of_days_and_a_name_that_will_do_are_answers():
    """Residents' round 42: "maandag tot vrijdag" was read back as "maandag of vrijdag", and "A. is goed"
    (after "een voorletter mag ook") was refused as a name."""
    at_name = replace(State(), wacht_op=callback_form.wait_for("naam"), form_id="f", formulier={"gemeente": "Goes"})
    named = next_step(at_name, "bevestigen", None, "A. is goed")
    assert names(named) == ["utter_vraag_contact"] and named.state.contact["name"] == "A."
    at_moment = replace(State(), wacht_op=callback_form.wait_for("moment"), form_id="f",
                        contact={"name": "A.", "phone": "+31612345678"}, formulier={"gemeente": "Goes"})
    span = next_step(at_moment, "hulpvraag", None, "maandag tot en met woensdag")
    assert span.state.formulier["moment"] == "maandag tot en met woensdag"


def test_a_wish_about_the_person_beside_the_choice_is_read_back_and_kept():
    """Residents' round 42: "maakt niet uit, wel een vrouw" was read back as "geen voorkeur"."""
    at_wish = replace(State(), wacht_op=callback_form.wait_for("voorkeur"), form_id="f",
                      contact={"name": "Ans", "phone": "+31612345678"},
                      formulier={"gemeente": "Goes", "moment": "maakt niet uit"})
    read_back = next_step(at_wish, "hulpvraag", None, "maakt niet uit, wel een vrouw")
    assert names(read_back) == ["utter_controle"]
    assert read_back.responses[0][1]["voorkeur"] == "maakt niet uit, wel een vrouw"
    plain = next_step(at_wish, "hulpvraag", None, "maakt niet uit")
    assert plain.responses[0][1]["voorkeur"] != "maakt niet uit, wel een vrouw"


def test_a_question_after_veilig_thuis_was_named_is_answered_not_only_the_stay_line():
    """Residents' round 42: "nemen ze mijn kinderen weg?" after the Veilig Thuis reply read as violence
    again, and only "Ik blijf hier" came back."""
    after = replace(State(), crisis_route="crisis_veilig_thuis", route="crisis_veilig_thuis", wacht_op="aanbod")
    known = {"faq": {"id": "veilig_thuis_wat", "score": 0.8}}
    asked = next_step(after, "crisis_veilig_thuis", known, "nemen ze mijn kinderen weg?")
    assert names(asked) == ["utter_faq", "utter_crisis_vt_blijf"]
    assert asked.responses[0][1]["faq"] == "veilig_thuis_wat"
    told = next_step(after, "crisis_veilig_thuis", known, "hij heeft me weer geslagen")
    assert names(told) == ["utter_crisis_vt_blijf"]


def test_a_worry_told_with_how_hard_it_is_hears_that_before_the_summary():
    """Residents' round 42: "ik ben helemaal op" got only "U schreef over 'mantelzorg'. Klopt dat?"."""
    heavy = next_step(State(), "hulpvraag", parse(("financien", "schulden", 0.9)),
                      "ik heb zoveel schulden en ik ben helemaal op")
    assert names(heavy) == ["utter_erkenning", "utter_samenvatting"]
    plain = next_step(State(), "hulpvraag", parse(("wonen", "huurtoeslag", 0.9)), "ik heb een vraag over huurtoeslag")
    assert names(plain) == ["utter_samenvatting"]
    # Only before the first summary: a correction is summed up without it.
    again = next_step(heavy.state, "hulpvraag", parse(("wonen", "huur", 0.9)), "ook de huur, ik weet het niet meer")
    assert "utter_erkenning" not in names(again)


def test_residents_round_43_safe_now_and_no_pushed_callback():
    """Residents' round 43: a 16-year-old who wrote "ik ben nu niet in gevaar hoor. hij is er nu niet" was
    told "Sluit dit gesprek nu"; after "nee, ik wil niet gebeld worden" every answer offered the callback
    again (five times)."""
    from bot.conversation.reading import abuser_near
    assert not abuser_near("ik ben nu niet in gevaar hoor. hij is er nu niet")
    assert abuser_near("hij is er nu, ik moet stoppen")
    declined = replace(State(), wacht_op=None, vorige_wacht="aanbod", route="meedenker")
    asked = next_step(declined, "info_privacy", {"faq": {"id": "privacy_meelezen", "score": 0.9}},
                      "komt mn moeder hier achter?")
    assert names(asked) == ["utter_faq"]
    vent = next_step(declined, "luisteren", None, "ik wil gwn ff mn verhaal kwijt")
    assert names(vent) == ["utter_luisterlijn"]


def test_residents_round_43_a_no_that_says_what_it_is_about_and_a_no_inside_a_sentence():
    """"Nee, het gaat niet om mijn gezondheid, ik vroeg naar respijtzorg" to the offer was taken as no
    callback; "Wat?? Nee natuurlijk niet." to the safety check was asked again."""
    offered = replace(State(), wacht_op="aanbod", route="meedenker",
                      leefgebieden={"gezondheid": {"confidence": 0.9, "evidence": ["zorg"]}})
    about = next_step(offered, "ontkennen", parse(("gezondheid", "respijtzorg", 0.9)),
                      "Nee, het gaat niet om mijn gezondheid. Ik vroeg naar respijtzorg.")
    assert "utter_geen_aanbod" not in names(about)
    plain_no = next_step(offered, "ontkennen", None, "nee nu niet")
    assert names(plain_no) == ["utter_geen_aanbod"]
    check = replace(State(), wacht_op="veiligheid", vorige_wacht=callback_form.wait_for("gemeente"),
                    vermoed_crisis="crisis_113", form_id="f")
    no = next_step(check, "hulpvraag", None, "Wat?? Nee natuurlijk niet. Ik zei alleen dat ik mijn woonplaats liever niet geef.")
    assert names(no)[0] == "utter_veiligheid_nee_113"
    maybe = next_step(check, "hulpvraag", None, "Wat? nee... ja soms wel")
    assert names(maybe)[0] not in ("utter_veiligheid_nee", "utter_veiligheid_nee_113")


def test_residents_round_43_a_place_with_a_complaint_is_read():
    """"Drachten. Dat schreef ik al twee keer." got "Die plaats ken ik niet"."""
    assert callback_form.read_answer("gemeente", "Drachten. Dat schreef ik al twee keer.").values == {"gemeente": "Smallingerland"}
    assert callback_form.read_answer("gemeente", "zaandam zei ik toch al in het begin").values == {"gemeente": "Zaanstad"}
    assert callback_form.read_answer("gemeente", "ik woon al 30 jaar in Goes").values == {"gemeente": "Goes"}


def test_residents_round_43_a_carer_asks_for_herself_and_the_summary_quotes_no_empty_words():
    """Ingrid wrote "Dus voor mezelf denk ik, als mantelzorger" and was told "u zoekt hulp voor iemand
    anders" three times; summaries quoted 'laat', 'hoef' and 'vorige'."""
    from bot.conversation.summary import key_words, who_for
    assert who_for("Het gaat om mijn man, Henk. Dus voor mezelf denk ik, als mantelzorger.") == "zelf"
    assert who_for("ik wil hulp voor mijn moeder") == "ander"
    state = replace(State(), leefgebieden={"sociale_relaties": {"confidence": 0.9, "evidence": ["laat", "hoef", "stiefvader"]}})
    assert key_words(state) == ["stiefvader"]
    # Residents' round 45: "U schreef over 'eigenlijk', 'vraagt' en 'verklaring'" to a widow.
    state = replace(State(), leefgebieden={"financien": {"confidence": 0.9, "evidence": ["eigenlijk", "vraagt", "verklaring",
                                                                                        "erfrecht"]}})
    assert key_words(state) == ["erfrecht"]
    # Residents' round 47: "idk waar ik moet beginnen. mn ma drinkt ..." was quoted as 'beginnen'.
    state = replace(State(), leefgebieden={"sociale_relaties": {"confidence": 0.9, "evidence": ["schreeuwt", "beginnen",
                                                                                                "stiefvader"]}})
    assert key_words(state) == ["schreeuwt", "stiefvader"]


def test_under_violence_at_home_the_place_to_meet_is_never_only_the_home():
    """Residents' round 43: "ja maar t komt eigenlijk door thuis" after a violent stepfather got "De
    meedenker kan ook bij je thuis komen"."""
    asked = {"faq": {"id": "waar_afspraak", "score": 0.9}}
    violence = replace(State(), crisis_route="crisis_veilig_thuis", route="crisis_veilig_thuis", wacht_op="aanbod")
    safe = next_step(violence, "info_waar", asked, "waar spreken we af?")
    assert safe.responses[0] == ("utter_faq", {"faq": "waar_afspraak_veilig", "kanaal": "rest"})
    ordinary = next_step(replace(State(), wacht_op="aanbod"), "info_waar", asked, "waar spreken we af?")
    assert ordinary.responses[0] == ("utter_faq", {"faq": "waar_afspraak", "kanaal": "rest"})


def test_a_yes_that_tells_the_whole_worry_is_summed_up_first():
    """Residents' round 43: "Ok. Ik heb brief van belastingdienst ... 2300 euro ... Mijn vrouw is zwanger."
    to the offer after "wat is een meedenker?" got "Fijn. Dan vraag ik eerst waar u woont"."""
    offered = replace(State(), wacht_op="aanbod", route="info")
    worry = next_step(offered, "bevestigen", parse(("financien", "belastingdienst", 0.9)),
                      "Ok. Ik heb brief van belastingdienst. Zij zeggen ik moet terug betalen 2300 euro toeslag.")
    assert names(worry) == ["utter_samenvatting"] and "financien" in worry.state.leefgebieden
    plain = next_step(offered, "bevestigen", None, "ok graag")
    assert names(plain) == ["utter_terugbel_uitleg"]


def test_why_the_gemeente_is_asked_is_answered_with_a_skip():
    """Residents' round 43: "Waarom u moet weten? liever niet" was skipped without the why."""
    at_place = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    why = {"faq": {"id": "waarom_gemeente", "score": 0.9}}
    skipped = next_step(at_place, "hulpvraag", why, "Waarom u moet weten? liever niet")
    assert names(skipped) == ["utter_faq", "utter_vraag_naam"] and skipped.responses[0][1]["faq"] == "waarom_gemeente"
    asked = next_step(at_place, "hulpvraag", why, "waarom moet u weten waar ik woon?")
    assert names(asked) == ["utter_faq", "utter_vraag_gemeente"]


def test_a_place_told_with_the_story_is_used_at_the_offer():
    """Residents' round 43: three of four residents far from home typed their whole story, said yes twice
    and only then heard "Onze meedenkers werken niet in Smallingerland"; where one does work, the place
    is not asked again."""
    far = next_step(State(), "hulpvraag", parse(("wonen", "traplift", 0.9)),
                    "Mijn naam is Geert en ik woon in Drachten. Ik wil een traplift via de Wmo.")
    assert names(far) == ["utter_samenvatting"]
    told = next_step(far.state, "bevestigen", None, "ja dat klopt")
    assert names(told) == ["utter_gemeente_niet_gedekt"] and told.responses[0][1]["gemeente"] == "Smallingerland"
    near = next_step(State(), "hulpvraag", parse(("financien", "schulden", 0.9)), "ik woon in Goes en heb schulden")
    state = near.state
    for answer in ("ja", "ja", "ja"):
        state = next_step(state, "bevestigen", None, answer).state
    assert state.wacht_op == callback_form.wait_for("naam") and state.formulier["gemeente"] == "Goes"
    visit = next_step(State(), "hulpvraag", parse(("gezondheid", "ziekenhuis", 0.9)), "mijn moeder ligt in het ziekenhuis in Zwolle")
    assert "gemeente" not in visit.state.formulier


@pytest.mark.parametrize("text, heavy", [
    ("ik maak me zorgen om mijn zoon", True), ("ik ben helemaal op", True), ("I am so worried", True),
    ("ik wil zorgen dat mijn moeder hulp krijgt", False), ("de muziek van de buren staat hard", False),
    ("ik heb een vraag over huurtoeslag", False),
])
def test_how_hard_it_is_is_read_from_feelings_not_from_ordinary_words(text, heavy):
    from bot.conversation.reading import feels_heavy
    assert feels_heavy(text) is heavy


def test_a_place_told_after_the_gemeente_was_skipped_is_kept():
    """Residents' round 43: "liever niet" at the gemeente and "ik woon in Drachten" at the name wrote
    a ticket no meedenker here may serve; a served place is kept in the form."""
    at_place = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    skipped = next_step(at_place, "ontkennen", None, "liever niet")
    assert names(skipped) == ["utter_vraag_naam"] and "gemeente" not in skipped.state.formulier
    far = next_step(skipped.state, "hulpvraag", None, "Geert. ik woon in Drachten trouwens")
    assert names(far) == ["utter_gemeente_niet_gedekt"] and far.state.form_id is None
    near = next_step(skipped.state, "hulpvraag", None, "Geert, ik woon in Goes")
    assert names(near) == ["utter_vraag_contact"]
    assert near.state.formulier["gemeente"] == "Goes" and near.state.contact["name"] == "Geert"


def test_a_friend_who_called_112_is_heard_and_not_told_to_call_again():
    """Residents' round 44: a 17-year-old whose friend took pills got "Bel nu 112" eleven times, also
    after "ik heb gebeld", "gebeld" and "de ambulance is bij haar"."""
    crisis = next_step(State(), "crisis_112", None, "help mn vriendin appt me net dat ze heel veel pillen heeft genomen")
    state = crisis.state
    for text, expected in [("moet ik echt 112 bellen?? ze woont niet bij mij", "utter_crisis_112_aandringen"),
                           ("maar wat moet ik zeggen dan ik weet niet precies haar adres wel de straat",
                            "utter_crisis_112_wat_zeggen"),
                           ("ok ik bel nu", "utter_crisis_112_ga_bellen")]:
        reply = next_step(state, "hulpvraag", None, text)
        assert names(reply) == [expected], (text, names(reply))
        state = reply.state
    for text in ("gebeld", "ik HEB al gebeld!! lees je wel", "ik heb gebeld. ze sturen een ambulance naar haar huis",
                 "de ambulance is bij haar"):
        called = next_step(state, "hulpvraag", None, text)
        assert names(called) == ["utter_hulp_is_er"], (text, names(called))
    assert "utter_crisis_112_aandringen" in names(next_step(state, "hulpvraag", None, "ze neemt niet op"))


@pytest.mark.parametrize("text", ["Nee, het gaat gewoon over mij hoor. Niet iemand anders.",
                                  "Nee. Voor de tweede keer: het gaat over MIJ."])
def test_it_is_about_me_corrects_someone_else(text):
    """Residents' round 44: "het gaat gewoon over mij" got "Wat klopt er niet?" and "iemand anders" again."""
    told = next_step(State(), "hulpvraag", parse(("financien", "geld", 0.9)),
                     "mijn ouders willen dat ik ga werken en ik snap de brieven van DUO niet")
    state = replace(told.state, voor_wie="ander")
    reply = next_step(state, "ontkennen", None, text)
    assert reply.state.voor_wie == "zelf" and names(reply)[0] == "utter_samenvatting"


def test_a_quarrel_with_the_parents_is_the_residents_own_worry():
    from bot.conversation.summary import who_for
    assert who_for("Ik ben 23, zit thuis met een burn-out en ben gestopt met mijn studie. Nu ruzie met mijn ouders "
                   "over geld en mijn studiefinanciering.") == "zelf"
    assert who_for("mijn moeder heeft dementie en vergeet te eten") == "ander"


def test_liever_niet_beside_an_answer_is_no_skip():
    """Residents' round 44: "Goes. Woon nog bij mijn ouders, dus liever niet bellen als zij thuis zijn" and
    "Doordeweeks overdag ... Ochtend liever niet" were read back as "Gemeente: -" and "Moment: -"."""
    at_place = replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f")
    place = next_step(at_place, "hulpvraag", None,
                      "Goes. Woon nog bij mijn ouders trouwens, dus liever niet bellen als zij thuis zijn.")
    assert place.state.formulier.get("gemeente") == "Goes" and names(place) == ["utter_vraag_naam"]
    at_moment = replace(State(), wacht_op=callback_form.wait_for("moment"), form_id="f")
    moment = next_step(at_moment, "hulpvraag", None, "Doordeweeks overdag, dan werken mijn ouders. Ochtend liever niet.")
    assert "middag" in moment.state.formulier.get("moment", "")
    from bot.conversation.contact import parse_moment
    assert parse_moment("Ochtend liever niet").dagdelen == ("middag", "avond")


def test_a_yes_after_a_sigh_or_a_slip_and_a_mail_question_are_no_refusal():
    """Residents' round 44: "Laat maar, ja", "Nee wacht, ik bedoelde ja!" and "Liever niet bellen ... Kan het
    ook per e-mail?" each got "Dat is goed. U kunt later altijd terugkomen"."""
    summary = next_step(State(), "hulpvraag", parse(("gezondheid", "mantelzorg", 0.9)),
                        "ik ben mantelzorger voor mijn moeder en ik ben op")
    sighed = next_step(summary.state, "ontkennen", None, "Laat maar, ja. Zolang er maar iemand naar kijkt.")
    assert names(sighed) == ["utter_aanbod_meedenker"], names(sighed)
    slip = next_step(sighed.state, "ontkennen", None, "Nee wacht, ik bedoelde ja!")
    assert names(slip) == ["utter_terugbel_uitleg"], names(slip)
    by_mail = next_step(sighed.state, "ontkennen", None,
                        "Liever niet bellen. Onder werktijd kan ik niet opnemen. Kan het ook per e-mail?")
    assert names(by_mail) == ["utter_terugbel_uitleg"] and "mail" in by_mail.state.formulier.get("contact_wens", "")


def test_a_goodbye_at_the_end_of_a_short_message_is_a_goodbye():
    """Residents' round 44: "goed. dag" got the welcome, "Nou goed, dan wacht ik op het telefoontje. Dag"
    the summary again."""
    booked = replace(State(), ticket_id="MD-TEST01", route="meedenker")
    for intent, text in (("groet", "goed. dag"), ("hulpvraag", "Nou goed, dan wacht ik op het telefoontje. Dag")):
        assert names(next_step(booked, intent, None, text)) == ["utter_afscheid"], text
    assert names(next_step(State(), "groet", None, "dag")) != ["utter_afscheid"]  # a first "dag" is a hello
    in_crisis = replace(booked, crisis_route="crisis_113")
    assert names(next_step(in_crisis, "groet", None, "goed. dag")) == ["utter_crisis_afscheid_113"]


def test_does_the_meedenker_know_my_story_is_answered():
    from bot.conversation.faq import match
    for text in ("Weet die meedenker nou waar het over gaat of moet ik alles opnieuw uitleggen?",
                 "en weet die meedenker dat t over gokken gaat en 4000 schuld?",
                 "Maar weet de meedenker ook waar het over gaat? De traplift en de hulp?"):
        found = match(text)
        assert found is not None and found.id == "meedenker_weet_het", text


def test_danger_told_twice_in_the_form_keeps_the_form_and_today_safe_resumes_it():
    """Residents' round 44: a widower said at the moment question "over een week ben ik er toch niet meer",
    then named the pills; "vandaag doe ik niks hoor ... belt die meedenker nou of niet?" got his summary
    again and the callback offer as if nothing had been asked."""
    form = replace(State(), wacht_op=callback_form.wait_for("moment"), form_id="f", route="meedenker",
                   formulier={"gemeente": "Borsele"}, contact={"name": "henk", "phone": "0113123456"})
    state = form
    for text in ("maakt niet uit. over een week ben ik er toch niet meer",
                 "ach ik wil niemand tot last zijn. de pillen van mijn vrouw liggen nog in de kast"):
        reply = next_step(state, "crisis_113", None, text)
        assert names(reply) == ["utter_crisis_113_blijf"]
        state = reply.state
    safe = next_step(state, "hulpvraag", None, "vandaag doe ik niks hoor. belt die meedenker nou of niet?")
    assert names(safe) == ["utter_veilig_nu_formulier", "utter_vraag_moment"]
    assert safe.state.contact["name"] == "henk" and safe.state.crisis_route == "crisis_113"


def test_not_me_my_wife_at_the_safety_check_gets_113_for_those_around_her():
    """Residents' round 44: "not me! my wife. she say this" at the safety check got the check again, then
    "then I misunderstood you" and the wife's death wish was dropped."""
    at_check = replace(State(), wacht_op="veiligheid", vorige_wacht=None, vermoed_crisis="crisis_113", ticket_id="MD-X")
    reply = next_step(at_check, "hulpvraag", None, "not me! my wife. she say this. she cannot call 113, she speak only arabic")
    assert names(reply) == ["utter_crisis_113_ander"] and reply.state.crisis_route == "crisis_113"
    dutch = next_step(at_check, "ontkennen", None, "nee niet ik, het is mijn vrouw die dat zegt")
    assert names(dutch) == ["utter_crisis_113_ander"]
    mine = next_step(at_check, "ontkennen", None, "nee hoor, ik denk daar niet aan")
    assert names(mine)[0] == "utter_veiligheid_nee_113"


def test_a_question_after_the_danger_was_heard_is_answered():
    """Residents' round 44: after the ticket a widower at risk asked "weet die meedenker dan ook wat ik net
    zei?" and got "Ik hoor u. Dat is zwaar" for the fourth time."""
    booked = replace(State(), ticket_id="MD-TEST01", route="meedenker", crisis_route="crisis_113")
    asked = {"faq": {"id": "meedenker_weet_het", "score": 1.0}}
    reply = next_step(booked, "crisis_herhaald", asked, "weet die meedenker dan ook wat ik net zei, over dat ik er niet meer ben?")
    assert names(reply)[0] == "utter_faq" and reply.responses[0][1]["faq"] == "meedenker_weet_het"
    plain = next_step(booked, "crisis_herhaald", None, "over een week ben ik er niet meer")
    assert names(plain)[0] == "utter_crisis_gehoord"


def test_ok_with_a_question_at_the_safety_check_is_no_yes():
    """Residents' round 45: "ok en kan ik mijn gegevens laten verwijderen later?" to "denkt u aan
    zelfdoding?" got the whole 113 reply. The question is answered and the check asked again."""
    at_check = replace(State(), wacht_op="veiligheid", vorige_wacht="aanbod", vermoed_crisis="crisis_113")
    asked = {"faq": {"id": "privacy_wissen", "score": 1.0}}
    reply = next_step(at_check, "bevestigen", asked, "ok en kan ik mijn gegevens laten verwijderen later?")
    assert names(reply) == ["utter_faq", "utter_veiligheid_check"] and reply.state.crisis_route is None
    assert names(next_step(at_check, "bevestigen", None, "ok"))[0] == "utter_crisis_113"
    assert names(next_step(at_check, "bevestigen", None, "ok. wat moet ik doen?"))[0] == "utter_crisis_113"


def test_a_topic_denied_in_the_same_message_is_not_summarised_again():
    """Residents' round 45: "het gaat niet over geld problemen. het gaat over de traplift" got "U schreef
    over 'traplift' en 'geld'"; "neen, gezondheid niet" and "nee niet geld. DRUGS" the same."""
    state = next_step(State(), "hulpvraag", parse(("wonen", "traplift", 0.9), ("financien", "aow", 0.6)),
                      "ik kan de trap niet meer op en wil een traplift, ik heb alleen aow").state
    state = next_step(state, "voor_wie", None, "voor mezelf", {"voor_wie": "zelf"}).state
    corrected = next_step(state, "ontkennen", parse(("wonen", "traplift", 0.9), ("financien", "geld", 0.7)),
                          "het gaat niet over geld problemen. het gaat over de traplift")
    assert names(corrected)[0] == "utter_samenvatting" and set(corrected.state.leefgebieden) == {"wonen"}
    assert "geld" not in corrected.responses[0][1]["kernwoorden"]
    flemish = next_step(State(), "hulpvraag", parse(("gezondheid", "gezondheid", 0.7), ("financien", "papieren", 0.8)),
                        "neen, gezondheid niet. het gaat over de papieren van mijn man")
    assert set(flemish.state.leefgebieden) == {"financien"}
    still = next_step(State(), "hulpvraag", parse(("financien", "geld", 0.8)), "ik heb geen geld voor de huur")
    assert set(still.state.leefgebieden) == {"financien"}  # "geen geld" is the need itself


def test_back_after_closing_the_chat_is_asked_whether_it_is_safe_and_goes_on_where_it_was():
    """Residents' round 45: after "hij komt eraan" a woman came back with "sorry ik ben er weer. hij is weer
    weg, naar zijn broer" at the contact question and got "Dat nummer of adres kan ik niet lezen"."""
    form = replace(State(), wacht_op=callback_form.wait_for("contact"), form_id="f", crisis_route="crisis_veilig_thuis",
                   formulier={"gemeente": "Zaanstad"}, contact={"name": "Samira"})
    away = next_step(form, "snel_weg", None, "hij komt eraan")
    assert names(away) == ["utter_snel_weg"]
    back = next_step(away.state, "hulpvraag", None, "sorry ik ben er weer. hij is weer weg, naar zijn broer")
    assert names(back) == ["utter_terug_na_snel_weg", "utter_vraag_contact_veilig"]  # the safe-contact question
    assert back.state.wacht_op == form.wacht_op and back.state.contact == {"name": "Samira"}
    heard_again = next_step(away.state, "crisis_herhaald", None, "sorry ik ben er weer. hij is weer weg")
    assert names(heard_again)[0] == "utter_terug_na_snel_weg"  # the models heard the danger in it again
    # Without violence at home "ik ben er weer" is nothing special.
    plain = replace(form, crisis_route=None)
    assert names(next_step(plain, "hulpvraag", None, "ik ben er weer"))[0] != "utter_terug_na_snel_weg"


def test_not_daring_to_go_home_tonight_after_violence_was_heard_gets_a_safe_place_for_tonight():
    """Residents' round 45: a boy of 15 wrote "nee niemand kijkt op me fone. ik durf vanavond eig niet naar
    huis" and got "Dat is goed"; "slaap wel ergens buiten of in het park" got the topic menu."""
    heard = replace(State(), wacht_op="aanbod", crisis_route="crisis_veilig_thuis")
    reply = next_step(heard, "ontkennen", None, "nee niemand kijkt op me fone. ik durf vanavond eig niet naar huis. ben nu bij een vriend")
    assert names(reply)[0] == "utter_vt_niet_naar_huis" and reply.state.wacht_op == "aanbod"
    park = next_step(replace(heard, wacht_op="leefgebied"), "hulpvraag", None,
                     "laat maar. ik ga vannacht gwn niet naar huis, slaap wel ergens buiten of in het park")
    assert names(park)[0] == "utter_vt_niet_naar_huis"
    # Without violence at home "niet naar huis" is no danger of its own.
    plain = next_step(replace(State(), wacht_op="aanbod"), "ontkennen", None, "nee, ik ga zo naar huis")
    assert "utter_vt_niet_naar_huis" not in names(plain)


def test_a_question_after_violence_was_heard_is_answered():
    """Residents' round 45: "als ik veilig thuis bel komt dan de politie? en hoort me moeder het dan?" got the
    Veilig Thuis block three times; the question is answered."""
    heard = replace(State(), wacht_op="aanbod", crisis_route="crisis_veilig_thuis")
    asked = {"faq": {"id": "veilig_thuis_anoniem", "score": 0.9}}
    reply = next_step(heard, "crisis_herhaald", asked, "als ik veilig thuis bel komt dan de politie? en hoort me moeder het dan?")
    assert names(reply)[0] == "utter_faq" and reply.responses[0][1]["faq"] == "veilig_thuis_anoniem"


def test_outside_the_area_a_new_worry_is_not_summed_up_for_an_offer_that_cannot_come():
    """Residents' round 45: after "Onze meedenkers werken niet in Terneuzen" a man with debts was summed up
    three times ("Klopt dat?") and each "ja" ended in "Zoals ik zei: wij werken niet in Terneuzen"."""
    told = next_step(replace(State(), wacht_op=callback_form.wait_for("gemeente"), form_id="f"), "hulpvraag", None, "Terneuzen")
    assert names(told) == ["utter_gemeente_niet_gedekt"] and told.state.elders == "Terneuzen"
    again = next_step(told.state, "hulpvraag", parse(("financien", "schulden", 0.9)),
                      "wie moet ik nou bellen in terneuzen voor schulden, de deurwaarder dreigt")
    assert names(again) == ["utter_gemeente_niet_gedekt_kort"] and again.state.wacht_op is None
    asked = {"faq": {"id": "kosten", "score": 0.9}}
    question = next_step(told.state, "hulpvraag", asked, "wat kost een meedenker?")
    assert names(question)[0] == "utter_faq"


def test_a_death_told_with_the_worry_gets_condolences_before_the_summary():
    """Residents' round 45: "mijn man is drie maand geleden gestorven en ik geraak er niet meer uit met al zijn
    papieren" got only "Ik begrijp dat u een vraag heeft over ...". A meedenker first says gecondoleerd."""
    widow = next_step(replace(State(), voor_wie="zelf"), "hulpvraag", parse(("financien", "papieren", 0.8)),
                      "mijn man is drie maand geleden gestorven en ik geraak er niet meer uit met al zijn papieren")
    assert names(widow)[:2] == ["utter_gecondoleerd", "utter_samenvatting"]
    alive = next_step(replace(State(), voor_wie="zelf"), "hulpvraag", parse(("gezondheid", "verpleeghuis", 0.8)),
                      "mijn moeder is niet overleden hoor, ze woont in een verpleeghuis en ik wil een pgb")
    assert "utter_gecondoleerd" not in names(alive)


def test_a_yes_with_details_at_the_offer_is_no_question_about_what_a_meedenker_is():
    """Residents' round 45: "ok dan meedenker belt mij. naam is ayse. nummer 06-... ochtend, niet vrijdag" got
    the independence answer (the intent model guessed an info intent) and the moment was lost."""
    offer = replace(State(), wacht_op="aanbod", leefgebieden={"sociale_relaties": {"confidence": 0.8, "evidence": ["zoon"]}})
    reply = next_step(offer, "info_onafhankelijk", None,
                      "ok dan meedenker belt mij. naam is ayse. nummer 06-23456789. ochtend, niet vrijdag")
    assert names(reply) == ["utter_terugbel_uitleg"] and "vrijdag" not in reply.state.formulier["moment"]
    asked = next_step(offer, "info_onafhankelijk", None, "werkt de meedenker voor de gemeente?")
    assert names(asked)[0] == "utter_faq"
    refused = next_step(offer, "info_onafhankelijk", None, "nee, de meedenker belt mij niet")
    assert names(refused)[0] != "utter_terugbel_uitleg"


def test_a_safe_e_mail_given_with_the_yes_after_danger_interrupted_the_form_is_kept():
    """Residents' round 45: at the contact question a woman told that her husband checks her phone and hit
    her; to "Wilt u dat een meedenker contact met u opneemt?" she wrote "ja ... kan het via mijn mail van
    werk? samira@... daar kan hij niet bij" and was asked for an e-mail address again."""
    form = replace(State(), wacht_op=callback_form.wait_for("contact"), form_id="f", formulier={"gemeente": "Zaanstad"},
                   contact={"name": "Samira"}, leefgebieden={"wonen": {"confidence": 0.8, "evidence": ["huurtoeslag"]}})
    told = next_step(form, "crisis_veilig_thuis", None, "mijn man kijkt in mijn telefoon en hij heeft me vorige week geslagen")
    assert told.state.wacht_op == "aanbod" and told.state.vorige_wacht == "form:contact"
    assert callback_form.sealing_step(told.state.wacht_op, told.state.vorige_wacht) == "contact"  # sealed, not masked
    raw = "ja hij kijkt dus op mijn telefoon. kan het via mijn mail van werk? samira@bloemenhuisdetulp.nl. daar kan hij niet bij"
    kept = next_step(told.state, "bevestigen", None, raw.replace("samira@bloemenhuisdetulp.nl", "[EMAIL]"), form_text=raw)
    assert names(kept) == ["utter_vraag_moment_veilig"] and kept.state.contact["email"] == "samira@bloemenhuisdetulp.nl"
    assert callback_form.sealing_step("aanbod", None) is None  # an offer outside the form seals nothing


def test_mezelf_or_myself_answers_who_the_question_is_for():
    """Residents' round 45: "myself" to "Is the question for yourself or for someone else?" got "Sorry, I do
    not understand that" and the question again; "mezelf" the same."""
    asked = replace(State(), wacht_op="voor_wie", leefgebieden={"financien": {"confidence": 0.8, "evidence": ["toeslagen"]}})
    for intent, text in (("nlu_fallback", "myself"), ("hulpvraag", "mezelf")):
        reply = next_step(asked, intent, None, text)
        assert names(reply) == ["utter_samenvatting"] and reply.state.voor_wie == "zelf", text


# --- Residents' round 46 ------------------------------------------------------------------------

def test_safe_now_after_confirmed_thoughts_of_suicide_is_never_a_misunderstanding():
    """Round 46: a man in debt typed at the moment question that he thought of driving into a tree, said
    "ja soms wel" to the check and then pressed "Ja, ik ben nu veilig": he got "Dank u, dan begreep ik u
    verkeerd". Safe for now is glad and taken seriously, and the form goes on where it was."""
    state = replace(State(), wacht_op="veilig_nu", vorige_wacht=callback_form.wait_for("moment"),
                    crisis_route="crisis_113", route="crisis_113", form_id="f", formulier={"gemeente": "Gooise Meren"},
                    contact={"name": "J", "phone": "+31612345678"})
    safe = next_step(state, "bevestigen", None, "Ja, ik ben nu veilig")
    assert names(safe) == ["utter_veilig_nu_formulier", "utter_vraag_moment"]
    assert safe.state.wacht_op == callback_form.wait_for("moment") and safe.state.crisis_route == "crisis_113"
    denied = next_step(state, "ontkennen", None, "NEE ik denk niet aan zelfdoding!! ik ben gewoon moe")
    assert names(denied)[0] == "utter_veiligheid_nee"


def test_ok_with_a_question_at_the_offer_is_no_yes():
    """Round 46: "ok. en respijtzorg?? kunt u mij daar iets over vertellen of niet" and "OK that's useful. And
    ... can I pay it back in instalments?" at the callback offer were taken as a yes (the form started)."""
    offered = replace(State(), wacht_op="aanbod", route="meedenker",
                      leefgebieden={"gezondheid": {"confidence": 0.9, "evidence": ["zorg"]}})
    for text in ("ok. en respijtzorg?? kunt u mij daar iets over vertellen of niet",
                 "OK that's useful. And if I don't object, can I pay it back in instalments?"):
        reply = next_step(offered, "hulpvraag", parse(("gezondheid", "respijtzorg", 0.9)), text)
        assert "utter_terugbel_uitleg" not in names(reply) and reply.state.wacht_op != "toestemming", text
    assert names(next_step(offered, "bevestigen", None, "ok")) == ["utter_terugbel_uitleg"]


@pytest.mark.parametrize("text", ["ok laat maar ik ga", "laat maar. ik ga", "ik ben weg"])
def test_leaving_words_are_a_goodbye(text):
    """Round 46: "ok laat maar ik ga" from a boy of 15 under violence at home got "Waar kan ik je mee helpen?";
    it is a goodbye, with the Veilig Thuis line to leave with."""
    heard = replace(State(), crisis_route="crisis_veilig_thuis", route="crisis_veilig_thuis")
    assert names(next_step(heard, "bevestigen", None, text)) == ["utter_crisis_afscheid_vt"]
    assert names(next_step(State(), "bevestigen", None, "wat moet ik doen als ik ga")) != ["utter_afscheid"]


def test_the_neighbours_are_no_gemeente():
    """Round 46: "nou ik ga maar eens kijken bij de buren" got "Onze meedenkers werken niet in Buren"."""
    assert callback_form.gemeente_named("nou ik ga maar eens kijken bij de buren. ik bel de gemeente morgen wel") is None
    assert callback_form.gemeente_named("ik woon in Buren") == "Buren"
    assert callback_form.gemeente_named("ik woon in de bilt") == "De Bilt"


def test_a_question_about_the_worry_after_its_summary_is_no_summary_again():
    """Round 46: a widow of 79 whose worry (huurtoeslag, energy bill) was summed up and confirmed asked
    "Kunnen ze mij zomaar afsluiten van het gas en licht?" and got "Even kijken of ik het nu goed heb ... Is
    dat zo?" once more. A computer cannot answer that well: it says so, and the offer stays in one line."""
    offered = replace(State(), wacht_op="aanbod", route="meedenker",
                      leefgebieden={"financien": {"confidence": 0.9, "evidence": ["energierekening"]},
                                    "wonen": {"confidence": 0.9, "evidence": ["huurtoeslag"]}})
    text = "Mag ik eerst nog iets vragen. Kunnen ze mij zomaar afsluiten van het gas en licht? Het is zo koud nu"
    reply = next_step(offered, "hulpvraag", parse(("financien", "gas", 0.8)), text)
    assert names(reply) == ["utter_vraag_voor_meedenker", "utter_aanbod_kort"]
    booked = replace(offered, wacht_op=None, ticket_id="MD-X")
    assert names(next_step(booked, "hulpvraag", parse(("financien", "energierekening", 0.8)),
                           "wat moet ik tot die tijd met de energierekening?")) == ["utter_vraag_voor_meedenker"]
    new_topic = next_step(offered, "hulpvraag", parse(("gezondheid", "knie", 0.9)), "en mijn knie, kan ik daar hulp voor krijgen?")
    assert names(new_topic)[0].startswith("utter_samenvatting")  # a new worry is summed up


def test_what_it_costs_after_the_listening_line_was_offered_is_answered_for_that_line():
    # Residents' round 46: "Kost dat geld?" right after De Luisterlijn was named got only what a
    # meedenker costs.
    offered = next_step(State(), "luisteren", None, "ik wil gewoon even met iemand praten, ik voel me zo alleen")
    assert names(offered) == ["utter_luisterlijn", "utter_aanbod_meedenker_later"]
    asked = next_step(offered.state, "info_kosten", {"faq": {"id": "kosten", "score": 0.9}}, "Kost dat geld?")
    assert asked.responses[0] == ("utter_faq", {"faq": "luisterlijn_kosten", "kanaal": "rest"}), asked.responses
    # Asked about the meedenker by name, it is the meedenker's cost.
    named = next_step(offered.state, "info_kosten", {"faq": {"id": "kosten", "score": 0.9}}, "en kost een meedenker geld?")
    assert named.responses[0] == ("utter_faq", {"faq": "kosten", "kanaal": "rest"}), named.responses
    # Without the listening line, "kost dat geld?" is what a meedenker costs.
    plain = next_step(State(), "info_kosten", {"faq": {"id": "kosten", "score": 0.9}}, "Kost dat geld?")
    assert plain.responses[0] == ("utter_faq", {"faq": "kosten", "kanaal": "rest"}), plain.responses


def test_a_death_told_at_night_with_the_wish_to_talk_gets_condolences_before_the_listening_line():
    # Residents' round 46: a widow who could not sleep got the Luisterlijn block bare, no word for her loss.
    reply = next_step(State(), "luisteren", None,
                      "mijn man is vorige maand overleden en ik kan niet slapen. ik wil gewoon even praten")
    assert names(reply) == ["utter_gecondoleerd", "utter_luisterlijn", "utter_aanbod_meedenker_later"], names(reply)


def test_the_topic_can_be_corrected_at_the_read_back():
    # Residents' round 46: "het gaat niet over geld maar over mijn huis" at "Klopt dit?" could not be said;
    # only name, number, moment, place and wish could change.
    at_read_back = replace(State(), wacht_op="controle", form_id="F1", route="meedenker", voor_wie="zelf",
                           leefgebieden={"financien": {"confidence": 0.9, "evidence": ["geld"]}},
                           contact={"name": "Anna", "phone": "0612345678"},
                           formulier={"moment": "ochtend", "gemeente": "Goes", "voorkeur": "geen"})
    reply = next_step(at_read_back, "ontkennen", parse(("wonen", "huis", 0.8)), "nee het gaat niet over geld maar over mijn huis")
    assert names(reply) == ["utter_onderwerp_aangepast", "utter_controle"], names(reply)
    assert reply.responses[0][1]["onderwerpen"] == "wonen" and list(reply.state.leefgebieden) == ["wonen"]
    assert reply.state.contact == at_read_back.contact and reply.state.wacht_op == "controle"
    assert next_step(reply.state, "bevestigen", None, "ja klopt").effects == ("submit_callback",)
    # Only denied: what it is about, its summary, and straight back to the read-back (no offer again).
    denied = next_step(at_read_back, "hulpvraag", None, "het gaat niet over geld")
    assert names(denied) == ["utter_vraag_correctie"] and not denied.state.leefgebieden
    told = next_step(denied.state, "hulpvraag", parse(("wonen", "schimmel", 0.8)), "over de schimmel in mijn huis")
    assert names(told)[0].startswith("utter_samenvatting")
    assert names(next_step(told.state, "bevestigen", None, "ja")) == ["utter_controle"]
    # A plain "nee" still asks which detail to change.
    assert names(next_step(at_read_back, "ontkennen", None, "nee")) == ["utter_vraag_wijzig"]


def test_a_wish_for_the_call_that_answers_no_question_is_noted_not_lost():
    # Residents' round 46: "mijn kleinzoon moet erbij zijn want ik hoor slecht" at the contact question
    # got "Dat nummer kan ik niet lezen" and was gone; the meedenker called without knowing it.
    from bot.conversation import callback_form
    at_contact = replace(State(), wacht_op=callback_form.wait_for("contact"), form_id="F1", route="meedenker",
                         voor_wie="zelf", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["geld"]}})
    reply = next_step(at_contact, "hulpvraag", None, "mijn kleinzoon moet erbij zijn want ik hoor slecht")
    assert names(reply) == ["utter_wens_genoteerd", "utter_vraag_contact"], names(reply)
    assert "kleinzoon moet erbij zijn" in reply.state.formulier[callback_form.CONTACT_WISH]
    given = next_step(reply.state, "hulpvraag", None, "0612345678")
    assert given.state.contact.get("phone") and "kleinzoon" in given.state.formulier[callback_form.CONTACT_WISH]
    # A plain miss is still a miss, with nothing noted.
    missed = next_step(at_contact, "hulpvraag", None, "weet ik niet")
    assert "utter_wens_genoteerd" not in names(missed) and callback_form.CONTACT_WISH not in missed.state.formulier


def test_at_the_read_back_a_yes_with_a_question_is_sent_and_thanks_hear_it_is_not_sent_yet():
    # Residents' round 47: "ja dat klopt wel. staat er ook bij dat het over het pensioen en de bank gaat?" and
    # "dank u wel. ik ga nog een kopje thee zetten" both got "Sorry, dat begrijp ik niet" at "Klopt dit?".
    at_read_back = read_back_with("pensioen")
    yes = next_step(at_read_back, "hulpvraag", parse(("financien", "pensioen", 0.9)),
                    "ja dat klopt wel. staat er ook bij dat het over het pensioen en de bank gaat?")
    assert names(yes) == ["utter_vraag_staat_erbij"] and yes.effects == ("submit_callback",), (names(yes), yes.effects)
    thanks = next_step(at_read_back, "hulpvraag", None, "dank u wel. ik ga nog een kopje thee zetten en dan probeer ik te slapen")
    assert names(thanks) == ["utter_controle_nog_niet_verstuurd", "utter_controle"] and not thanks.effects
    # A question without a yes is still no yes.
    asked = next_step(at_read_back, "bevestigen", None, "is mijn nummer nu goed?")
    assert not asked.effects


def test_a_line_named_after_the_request_was_sent_gets_its_number_not_ook_dit():
    # Residents' round 47: "pas woensdag?? wtf. ok ik bel wss de kindertelefoon dan" got "De meedenker bespreekt
    # alles met je, ook dit."
    booked = replace(State(), ticket_id="MD-YJQ682", route="meedenker")
    reply = next_step(booked, "hulpvraag", None, "pas woensdag?? wtf. ok ik bel wss de kindertelefoon dan")
    assert reply.responses == [("utter_faq", {"faq": "kindertelefoon", "kanaal": "rest"})], reply.responses
    assert names(next_step(booked, "hulpvraag", None, "ok dan wacht ik")) == ["utter_na_ticket"]


def test_round_47_thoughts_told_at_the_check_stay_with_113_and_no_danger_now_is_safe_not_a_mistake():
    # Residents' round 47: a widow answered the check with "soms denk ik wel aan niet meer leven ja ... maar ik heb
    # geen plan" and got the check again; "nee er is geen gevaar. ik ben alleen moe en verdrietig" then got
    # "Sorry als ik u liet schrikken" and the callback offer. Before that, "nee ... maar soms hoeft het voor mij
    # niet meer zo" got the same apology.
    from bot.understanding.crisis import detect_crisis
    told = "soms denk ik wel aan niet meer leven ja, eerlijk gezegd. maar ik heb geen plan of zo en ik zou het niet doen"
    assert detect_crisis(told).route == "crisis_113"
    at_check = replace(State(), wacht_op="veiligheid", vorige_wacht="voor_wie", vermoed_crisis="crisis_113", route="meedenker")
    for intent, text in [("crisis_check", told), ("crisis_113", told), ("ontkennen",
                         "nee ik zou mezelf niks aandoen hoor, dat zou ik Daan nooit aandoen. maar soms hoeft het voor mij niet meer zo")]:
        kept = next_step(at_check, intent, None, text)
        assert kept.state.crisis_route == "crisis_113" and kept.state.wacht_op == "veilig_nu", (text, names(kept))
        assert "utter_veiligheid_nee" not in names(kept) and "utter_veiligheid_nee_113" not in names(kept)
        safe = next_step(kept.state, "ontkennen", None, "nee er is geen gevaar. ik ben alleen moe en verdrietig")
        assert names(safe) == ["utter_crisis_veilig_nu"], names(safe)
    # A plain no is still believed.
    assert names(next_step(at_check, "ontkennen", None, "nee hoor"))[0] == "utter_veiligheid_nee_113"
    # "Niet veilig" stays not safe.
    kept = next_step(at_check, "crisis_113", None, told)
    assert names(next_step(kept.state, "ontkennen", None, "nee, ik ben niet veilig")) == ["utter_crisis_niet_veilig"]


def test_round_47_no_with_a_goodbye_and_no_thanks_with_the_meedenker_named():
    # "nee. doei" to the summary got "Wat klopt er niet?"; "nee liever niet, ik heb al gedaan. ik zeg nieuw nummer
    # als meedenker belt mij. ok dank u, doei" to the consent question started the form.
    from bot.conversation import reading
    summed = replace(State(), wacht_op="samenvatting", route="meedenker",
                     leefgebieden={"leren": {"confidence": 0.9, "evidence": ["school"]}})
    assert names(next_step(summed, "ontkennen", None, "nee. doei")) == ["utter_afscheid"]
    assert reading.yes_or_no("nee liever niet, ik heb al gedaan. ik zeg nieuw nummer als meedenker belt mij. ok dank u, doei") == "ontkennen"
    consent = replace(summed, wacht_op="toestemming")
    reply = next_step(consent, "hulpvraag", None,
                      "nee liever niet, ik heb al gedaan. ik zeg nieuw nummer als meedenker belt mij. ok dank u, doei")
    assert reply.state.form_id is None and not any(n.startswith("utter_vraag_gemeente") for n in names(reply)), names(reply)
    assert reading.yes_or_no("ja bel me maar") == "bevestigen"


def test_round_47_a_number_given_with_a_wish_for_english_is_kept():
    # "06 1234 5678. please call in english or with tolk" switched the conversation to English and asked for the
    # number again.
    from bot.conversation import callback_form
    at_contact = replace(State(), wacht_op=callback_form.wait_for("contact"), form_id="F1", route="meedenker",
                         voor_wie="zelf", leefgebieden={"financien": {"confidence": 0.9, "evidence": ["toeslagen"]}})
    reply = next_step(at_contact, "hulpvraag", {"leefgebieden": [], "doelgroepen": [], "language": "en"},
                      "06 1234 5678. please call in english or with tolk, my dutch is not good on phone")
    assert reply.state.contact.get("phone") and reply.state.wacht_op == callback_form.wait_for("moment"), names(reply)
    assert "english" in reply.state.formulier[callback_form.CONTACT_WISH]


def test_round_47_a_no_to_the_summary_that_says_what_it_is_about_is_summed_up_with_those_words_first():
    # "nee niet alleen dat. het gaat over toeslagen terug betalen en energie rekening. twee schulden" got "Wat
    # klopt er niet? Vertel het in uw eigen woorden", and the energy bill never reached the summary.
    summed = replace(State(), wacht_op="samenvatting", route="meedenker", voor_wie="zelf",
                     leefgebieden={"financien": {"confidence": 0.9, "evidence": ["belasting", "brief", "toeslagen"]}})
    told = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["energie", "rekening", "schulden"]}],
            "doelgroepen": []}
    reply = next_step(summed, "ontkennen", told,
                      "nee niet alleen dat. het gaat over toeslagen terug betalen en energie rekening. twee schulden")
    assert names(reply)[0].startswith("utter_samenvatting"), names(reply)
    assert "'energie'" in reply.responses[0][1]["kernwoorden"], reply.responses
    assert "belasting" in reply.state.leefgebieden["financien"]["evidence"]  # "niet alleen": kept
    # A bare "nee" still asks what is not right.
    assert names(next_step(summed, "ontkennen", None, "nee")) == ["utter_vraag_correctie"]


def test_round_47_a_loss_told_as_dood_gets_condolences_and_a_topic_denied_with_its_label_is_removed_at_the_read_back():
    from bot.conversation import reading
    assert reading.bereaved("ik ben gewoon zo alleen. mijn man is twee maanden dood en alles is zo zwaar")
    assert not reading.bereaved("mijn man is dood op van zijn werk")
    at_read_back = read_back_with("traplift")
    reply = next_step(at_read_back, "ontkennen", parse(("wonen", "trap", 0.8)),
                      "nee niet geld en post, het gaat over huishoudelijke hulp en de trap")
    assert names(reply) == ["utter_onderwerp_aangepast", "utter_controle"] and list(reply.state.leefgebieden) == ["wonen"]


def test_round_48_a_no_to_the_check_with_grief_beside_it_is_heard_not_apologised_for():
    # Residents' round 48: "soms wou ik dat ik ging slapen en niet meer wakker werd", then "nee ik zou niks doen
    # meneer ... maar het leven is zo leeg zonder ans" got "Sorry als ik u liet schrikken"; the summary then
    # quoted 'wakker'.
    from bot.conversation import reading
    from bot.conversation.summary import key_words
    at_check = replace(State(), wacht_op="veiligheid", vorige_wacht=None, vermoed_crisis="crisis_113")
    reply = next_step(at_check, "ontkennen", None, "nee ik zou niks doen meneer. dat kan ik mijn kleinkinderen niet "
                      "aandoen. maar het leven is zo leeg zonder ans. mijn vrouw. ze is 4 maanden geleden gestorven")
    assert names(reply)[0] == "utter_veiligheid_nee_zwaar" and "utter_veiligheid_nee_113" not in names(reply), names(reply)
    assert names(next_step(at_check, "ontkennen", None, "nee hoor"))[0] == "utter_veiligheid_nee_113"
    assert reading.bereaved("de avonden zijn zo lang sinds mijn vrouw er niet meer is")
    state = replace(State(), leefgebieden={"gezondheid": {"confidence": 0.9, "evidence": ["wakker", "goed"]}})
    assert key_words(state) == []


def test_round_48_a_goodbye_after_the_suicide_question_keeps_113_in_view():
    # "nee nu niet. het is goed zo. dank u. ik ga maar naar bed" after a widower's "nee" to the check got "Dat is goed.
    # Heeft u nog een andere vraag?"; "nee. welterusten" got "Waar kan ik u mee helpen?".
    asked = replace(State(), vermoed_crisis="crisis_113", veilig_gezegd=True, wacht_op="aanbod", route="luisteren")
    assert names(next_step(asked, "ontkennen", None, "nee nu niet. het is goed zo. dank u. ik ga maar naar bed")) == ["utter_afscheid_zorg"]
    assert names(next_step(replace(asked, wacht_op=None), "hulpvraag", None, "nee. welterusten")) == ["utter_afscheid_zorg"]
    assert names(next_step(replace(State(), route="meedenker"), "hulpvraag", None, "ok dank u. welterusten")) == ["utter_afscheid"]


def test_round_48_a_question_to_us_is_not_kept_in_the_wish_and_another_number_is_a_change():
    from bot.conversation import callback_form, reading
    at_wish = replace(read_back_with("toeslagen"), wacht_op=callback_form.wait_for("voorkeur"))
    reply = next_step(at_wish, "hulpvraag", None, "maakt niet uit. liefst een vrouw als het kan. heeft u de tijd dinsdag donderdag 10-12 genoteerd?")
    assert names(reply) == ["utter_controle"], names(reply)
    assert "genoteerd" not in reply.responses[0][1]["voorkeur"] and "vrouw" in reply.responses[0][1]["voorkeur"], reply.responses
    assert reading.wants_change("goed. kan het nummer nog anders? liever het nummer van mijn dochter els")
    assert not reading.wants_change("kan het ook anders dan bellen?")
