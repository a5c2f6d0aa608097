"""The table: what the assistant waits for × what the message is -> handler, and `next_step`.

A message is first read for what it may be (`read_kinds`); the first handler in `TABLE` that
takes it answers. scripts/generate_rules.py writes docs/dialogue_table.md and the generic rule's
intent list from `TABLE` and `INTENT_KINDS`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from bot.conversation import callback_form, reading
from bot.understanding import languages
from bot.understanding.noise import is_noise
from bot.understanding.crisis import is_negated_crisis, is_told_as_over
from bot.understanding.routing import CHECK_INTENT
from bot.conversation.summary import merge, who_for
from bot.understanding.werkmodel import ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS
from bot.conversation.dialogue.state import (
    ANSWER,
    ANY,
    BACK_INTENT,
    CALLING,
    CHANGE,
    CHECK,
    CORRECTION,
    CRISIS,
    CRISIS_AGAIN_INTENT,
    CRISIS_RESPONSES,
    EFFECT_SUBMIT,
    ENGLISH_INTENT,
    FALLBACK_INTENT,
    FAQ_KEY,
    FOREIGN,
    FOREIGN_INTENT,
    FORM,
    HEARD,
    INFO_FAQ,
    Message,
    NOISE,
    OPEN,
    OTHER,
    PENDING_QUESTIONS,
    QUESTION,
    UNCLEAR,
    GIVE_UP,
    RETURNED,
    Reply,
    SNEL_WEG,
    SNEL_WEG_INTENT,
    STAY_RESPONSES,
    STOP,
    SWITCH,
    State,
    WAIT_AANBOD,
    WAIT_CONTROLE,
    WAIT_CORRECTIE,
    WAIT_MISSER,
    WAIT_NA_112,
    WAIT_SAMENVATTING,
    WAIT_SPOED_PLAATS,
    WAIT_STOP,
    WAIT_TOESTEMMING,
    WAIT_TOLK,
    WAIT_VEILIGHEID,
    WAIT_VEILIG_NU,
    WAIT_VOOR_WIE,
    WAIT_WIJZIG,
    WAIT_WIJZIG_TICKET,
)
from bot.conversation.dialogue.asking import _again, pending_question, simpler_question
from bot.conversation.dialogue.crisis_steps import _after_check, _crisis, _safe_now, _snel_weg, about_someone_else
from bot.conversation.dialogue.questions import _answer_question, faq_answers, faq_id
from bot.conversation.dialogue.form_steps import (
    _after_misses,
    _change_asked,
    _change_field,
    _topic_at_read_back,
    _consent_with_answer,
    _form_answer,
    _form_miss,
    _new_contact,
    _resume_stopped_form,
    _stop_answered,
    _stop_asked,
    _stop_unclear,
    _store,
    _which_change,
)
from bot.conversation.dialogue.open_steps import _ask_again, _correction, _decide, _urgent_place, declined
from bot.conversation.dialogue.language_steps import _interpreter_answer, _language_switched, _other_language
from bot.conversation.dialogue.replies import _no_offer_elsewhere, _with_crisis_reminder
from bot.conversation.dialogue.ticket_steps import change_after_ticket, ticket_change_answer


# ---------------------------------------------------------------------------------------------
# The table: what the assistant waits for x what the message is -> handler
# ---------------------------------------------------------------------------------------------


Handler = Callable[[State, Message], "Reply | None"]


def _pending_kind(state: State) -> str:
    if callback_form.step_of(state.wacht_op) is not None:
        return FORM
    return state.wacht_op or OPEN


def _crisis_handler(state: State, message: Message) -> Reply:
    # Rasa has already sent the numbers by rule (data/stories/crisis.yml); the core stays.
    if state.crisis_route == message.intent and "?" in message.text and faq_id(message):
        # "nemen ze mijn kinderen weg?" after Veilig Thuis was named: the question is answered, then
        # the same stay line (residents' round 42: only the stay line came).
        return _answer_question(state, message)
    return _crisis(merge(replace(state, niet_begrepen=0), message.werkmodel, message.text), message.intent,
                   with_numbers=False, message=message)


def _check_handler(state: State, message: Message) -> Reply:
    # Rasa has already asked the safety check with the suspected route's numbers. An answer to the
    # form inside the same message ("0113 123456, maar niet bellen als mijn man erbij is") is kept:
    # after a "nee" the form goes on from the next step instead of asking it again.
    vorige = state.vorige_wacht if state.wacht_op == WAIT_VEILIGHEID else state.wacht_op
    step = callback_form.step_of(vorige)
    after = callback_form.next_step_after(step) if step not in (None, "gemeente") else None
    if step and after and not state.wijzigen and state.wacht_op != WAIT_VEILIGHEID:
        answer = callback_form.read_answer(step, message.answer_text)
        if answer.accepted and answer.values and callback_form.is_plain_answer(step, message.answer_text):
            state = _store(state, step, answer.values, message.answer_text)
            vorige = callback_form.wait_for(after)
    language = (message.werkmodel or {}).get("language")
    tolk = state.tolk or (language if language in languages.FOREIGN else None)
    # A question asked with it is answered after the check, which still waits for its answer.
    answers = ([*faq_answers(message), ("utter_veiligheid_check_nogmaals", {})]
               if "?" in message.text and faq_id(message) and not tolk else [])
    return Reply(answers, merge(replace(state, niet_begrepen=0, wacht_op=WAIT_VEILIGHEID, vorige_wacht=vorige, tolk=tolk),
                           message.werkmodel, message.text))


def _check_answer(state: State, message: Message) -> Reply | None:
    # A button, or words that say yes or no ("nee hoor! mijn man is een lieve man"): "Goes" is no
    # answer, whatever the intent model says.
    if message.text.startswith("/") and message.intent in ("bevestigen", "ontkennen"):
        said: str | None = message.intent
    else:
        said = reading.yes_or_no(message.text, ok_with_question=True) or (languages.yes_or_no(message.text, state.tolk) if state.tolk else None)
    if state.vermoed_crisis in (None, ROUTE_CRISIS_113, "onbekend") and about_someone_else(message.text):
        # "not me! my wife. she say this" (residents' round 44: asked again about himself, then "then I
        # misunderstood you" and the wife's danger was dropped): 113 for those around her.
        return Reply([("utter_crisis_113_ander", {})],
                     replace(state, niet_begrepen=0, crisis_route=ROUTE_CRISIS_113, voor_wie="ander",
                             wacht_op=state.vorige_wacht if callback_form.step_of(state.vorige_wacht) else WAIT_AANBOD,
                             vorige_wacht=None, sinds_herinnering=0))
    if said == "bevestigen" and reading.acknowledged_question(message.text) and faq_id(message):
        said = None  # "ok en kan ik mijn gegevens laten wissen?": the question is answered, the check asked again
    if said is None and reading.no_inside(message.text):
        said = "ontkennen"
    if said == "ontkennen" and reading.heavy_after_no(message.text):
        # "nee ik zou mezelf niks aandoen hoor ... maar soms hoeft het voor mij niet meer zo" is no plain no
        # (residents' round 47: "Sorry als ik u liet schrikken" to a widow): we stay, with 113 in view.
        said = "bevestigen"
    if said is None and reading.says_maybe(message.text):
        # "misschien... ik ben zo moe van alles" to "denkt u aan zelfdoding?" is no "nee" (residents'
        # round 39: it went back to the summary without the numbers): the numbers, and we stay.
        said = "bevestigen"
    if said is None:
        return None
    heavy = said == "ontkennen" and (reading.feels_heavy(message.text) or reading.bereaved(message.text)
                                     or reading.sad_without_danger(message.text))
    return _after_check(replace(state, niet_begrepen=0), said == "bevestigen", heavy=heavy)


def _given_up(state: State, message: Message) -> Reply:
    """"Laat maar" before the form: no callback now, said kindly; the numbers stay after danger.
    `vorige_wacht` remembers the offer, so "toch wel" brings it back."""
    return declined(state)


def _resume_after_giving_up(state: State, message: Message) -> Reply | None:
    """"Toch wel" after "laat maar": the offer again (residents' round 38: it got a goodbye)."""
    if state.vorige_wacht == WAIT_AANBOD and not state.ticket_id and reading.stop_choice(message.text) == "door":
        return Reply([("utter_aanbod_meedenker", {})], replace(state, wacht_op=WAIT_AANBOD, vorige_wacht=None))
    return _resume_stopped_form(state, message)


def _say_it_otherwise(state: State, message: Message) -> Reply:
    """"Wat bedoel je?": the same question in other words; nothing is taken as a yes or a no."""
    return Reply(simpler_question(state), state)


def _heard_again(state: State, message: Message) -> Reply:
    """The same danger told again: heard, the numbers in short, and the pending question if any,
    not the whole crisis reply and the same question once more (residents' tests, issue 25)."""
    again = _pending_without_stay_line(state)
    heard = "utter_crisis_gehoord_vt" if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS else "utter_crisis_gehoord"
    if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS and reading.not_home_tonight(message.text):
        # "ik durf vanavond niet naar huis, ben bij een vriend": a safe place tonight, not "Dat is goed".
        heard = "utter_vt_niet_naar_huis"
    if state.crisis_route != ROUTE_CRISIS_VEILIG_THUIS and reading.plan_now(message.text):
        # "ik ga ze vanavond nemen": 112 now and someone near, not "Ik hoor u" (residents' round 40).
        return Reply([("utter_crisis_niet_veilig", {})], replace(state, sinds_herinnering=0, niet_begrepen=0,
                                                                 wacht_op=WAIT_AANBOD))
    if "?" in message.text and faq_id(message):
        # "weet die meedenker dan ook wat ik net zei?", "komen ze me dan ophalen?" after the danger was
        # heard: the question is answered (residents' round 44: "Ik hoor u. Dat is zwaar" four times).
        return _answer_question(state, message)
    return Reply([(heard, {}), *again], replace(state, sinds_herinnering=0, niet_begrepen=0))


def _returned(state: State, message: Message) -> Reply:
    """Back after "hij komt eraan" (residents' round 45: "sorry ik ben er weer. hij is weer weg" got
    "Dat nummer kan ik niet lezen"): glad, is it safe now, and the question we were at."""
    return Reply([("utter_terug_na_snel_weg", {}), *_pending_without_stay_line(state)], replace(state, niet_begrepen=0))


def _pending_without_stay_line(state: State) -> list[tuple[str, dict[str, str]]]:
    """The question the conversation was at, without the crisis stay line: the reply before it already
    says what the stay line would."""
    return [r for r in pending_question(state) if r[0] not in STAY_RESPONSES.values()]


def _after_112(state: State, message: Message) -> Reply | None:
    """After "Bel nu 112": stay until the resident has called or help has come. Playing it down,
    a goodbye or another subject gets "bel nu 112" again (residents' round 39: "het waren maar
    slaappillen, ik ga slapen" got the listening line and "Dat is goed"). Only danger told as over
    or denied in so many words ("vals alarm, er is niks aan de hand") lets the conversation go on."""
    if reading.help_arrived(message.text) or reading.called_for_help(message.text):
        return Reply([("utter_hulp_is_er", {})], replace(state, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if is_told_as_over(message.text, soft=False) or is_negated_crisis(message.text):
        return _decide(replace(state, wacht_op=None), message)
    if reading.asks_what_to_say(message.text):
        # "wat moet ik zeggen, ik weet alleen de straat" (residents' round 44: "Bel nu 112" again).
        return Reply([("utter_crisis_112_wat_zeggen", {})], replace(state, sinds_herinnering=0))
    if reading.about_to_call(message.text):
        # "ok ik bel nu": no warning again, the door to say it was done (residents' round 44).
        return Reply([("utter_crisis_112_ga_bellen", {})], replace(state, sinds_herinnering=0))
    return Reply([("utter_crisis_112_aandringen", {})], replace(state, sinds_herinnering=0))


def _zmp_chat(state: State, message: Message) -> Reply:
    return Reply([("utter_zmp_chat", {})], replace(state, wacht_op=WAIT_AANBOD, sinds_herinnering=0))


def _confirm_read_back(state: State, message: Message) -> Reply | None:
    """"Ja" to "Klopt dit?": the adapter writes the callback ticket."""
    if message.intent == "bevestigen" and "?" in message.text and not reading.yes_or_no(message.text):
        # "is email nu goed?": a question about the details, not a yes to them (residents' round 42).
        return _again(state, [("utter_controle_nakijken", {})])
    if message.intent == "bevestigen":
        return Reply([], replace(state, wacht_op=None), (EFFECT_SUBMIT,))
    if reading.yes_or_no(message.text) == "bevestigen" and "?" in message.text:
        # "ja dat klopt wel. staat er ook bij dat het over het pensioen gaat?" (residents' round 47: "Sorry,
        # dat begrijp ik niet" twice): the yes writes the ticket, and a question the FAQ knows is answered.
        said = faq_answers(message) if faq_id(message) else [("utter_vraag_staat_erbij", {})]
        return Reply(said, replace(state, wacht_op=None), (EFFECT_SUBMIT,))
    return None


def _change_in_form(state: State, message: Message) -> Reply:
    """"Mijn nummer is toch…" in the middle of the form: that field, then back to the read-back."""
    return _change_field(state, reading.changes_field(message.text) or "contact", message)


def _read_back_denied(state: State, message: Message) -> Reply:
    """"Nee" or "iets veranderen" to "Klopt dit?": which detail to change. Anything else ("wat is
    informeel?") never loses the form: not understood, and the details read back again."""
    if (message.intent == "ontkennen" or reading.yes_or_no(message.text) == "ontkennen" or _CHANGE_WORDS.search(message.text)
            or callback_form.corrected_name(message.text)):
        return _change_asked(state, message)
    if message.intent == "afscheid" or reading.says_bye(message.text) or _THANKS.search(message.text):
        # "dank u wel. ik ga nog een kopje thee zetten": she thought it was sent (residents' round 47).
        return _again(state, [("utter_controle_nog_niet_verstuurd", {})])
    return _again(state, [("utter_niet_begrepen_opnieuw", {})])


_THANKS = re.compile(r"^\W*(?:dank\s*(?:u|je|jullie)?\s*(?:wel)?|bedankt|thanks?|thank\s+you|merci|top|fijn)\b", re.IGNORECASE)


_CHANGE_WORDS = re.compile(r"\b(?:veranderen|wijzigen|aanpassen|anders|klopt\s+niet|change|wrong)\b", re.IGNORECASE)


def _form_other(state: State, message: Message) -> Reply:
    """Not an answer to the form step: a question of the NLU's info intents, or a miss."""
    return _answer_question(state, message) if message.intent in INFO_FAQ else _form_miss(state, message)


TABLE: dict[tuple[str, str], Handler] = {
    (ANY, CRISIS): _crisis_handler,
    (ANY, CHECK): _check_handler,
    (ANY, SNEL_WEG): _snel_weg,
    (ANY, RETURNED): _returned,
    (ANY, CALLING): _zmp_chat,
    (ANY, HEARD): _heard_again,
    (ANY, SWITCH): _language_switched,
    (WAIT_TOLK, ANSWER): _interpreter_answer,
    (ANY, FOREIGN): _other_language,
    (FORM, STOP): _stop_asked,
    (WAIT_CONTROLE, STOP): _stop_asked,
    (WAIT_WIJZIG, STOP): _stop_asked,
    (WAIT_MISSER, STOP): _stop_asked,
    (WAIT_STOP, ANSWER): _stop_answered,
    (WAIT_STOP, OTHER): _stop_unclear,
    (WAIT_VEILIGHEID, ANSWER): _check_answer,
    (WAIT_VEILIG_NU, ANSWER): _safe_now,
    (WAIT_NA_112, ANSWER): _after_112,
    (WAIT_NA_112, NOISE): _after_112,
    (WAIT_NA_112, OTHER): _after_112,
    (FORM, ANSWER): _form_answer,
    (WAIT_TOESTEMMING, ANSWER): _consent_with_answer,
    (WAIT_MISSER, ANSWER): _after_misses,
    (WAIT_CONTROLE, ANSWER): _confirm_read_back,
    (WAIT_WIJZIG, ANSWER): _which_change,
    (WAIT_SPOED_PLAATS, ANSWER): _urgent_place,
    (ANY, QUESTION): _answer_question,
    (ANY, UNCLEAR): _say_it_otherwise,
    (ANY, GIVE_UP): _given_up,
    (OPEN, ANSWER): _resume_after_giving_up,
    (WAIT_SAMENVATTING, CORRECTION): _correction,
    (WAIT_CORRECTIE, CORRECTION): _correction,
    (WAIT_AANBOD, CORRECTION): _correction,
    (WAIT_CONTROLE, CORRECTION): _topic_at_read_back,
    (OPEN, CORRECTION): _correction,
    (FORM, CHANGE): _change_in_form,
    (WAIT_CONTROLE, CHANGE): _change_asked,
    (WAIT_CONTROLE, OTHER): _read_back_denied,
    (OPEN, CHANGE): change_after_ticket,
    (WAIT_WIJZIG_TICKET, OTHER): ticket_change_answer,
    (FORM, NOISE): _form_miss,
    (FORM, OTHER): _form_other,
    (ANY, NOISE): _ask_again,
    (ANY, OTHER): _decide,
}

_STOP_WAITS = frozenset({FORM, WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER})
WORD_ANSWERS = frozenset({WAIT_WIJZIG, WAIT_STOP, WAIT_MISSER, WAIT_SPOED_PLAATS, WAIT_CONTROLE, WAIT_WIJZIG_TICKET})

# How each intent of the NLU is read, before the words themselves are read (bot/conversation/reading.py).
# Rasa's rules are generated from this (scripts/generate_rules.py): intents with a rule of their
# own are sent there first (the crisis numbers, the safety check, starting again); every other
# intent goes straight to the dialogue core.
INTENT_KINDS: dict[str, str] = {
    **{intent: CRISIS for intent in CRISIS_RESPONSES},
    CHECK_INTENT: CHECK,
    SNEL_WEG_INTENT: SNEL_WEG,
    CRISIS_AGAIN_INTENT: HEARD,
    **{intent: QUESTION for intent in INFO_FAQ},
    "bevestigen": ANSWER, "ontkennen": ANSWER, "kies_leefgebied": ANSWER, "voor_wie": ANSWER,
    FALLBACK_INTENT: NOISE,
    BACK_INTENT: OTHER,
    "groet": OTHER, "afscheid": OTHER, "bedankt": OTHER, "mens_gevraagd": OTHER, "buiten_bereik": OTHER,
    "hulpvraag": OTHER, "luisteren": OTHER, "engels": OTHER, "opnieuw": OTHER,
}
OWN_RULES = frozenset({*CRISIS_RESPONSES, CHECK_INTENT, "opnieuw"})  # data/stories/crisis.yml, rules.yml


def generic_rule_intents() -> list[str]:
    """The intents of the one generic rule "every resident turn is answered by the dialogue core"."""
    return [intent for intent in INTENT_KINDS if intent not in OWN_RULES]


_BEFORE_FORM = frozenset({WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_TOESTEMMING, WAIT_CORRECTIE})
_ASKED = PENDING_QUESTIONS | {callback_form.wait_for(step) for step in callback_form.STEPS}


def read_kinds(state: State, message: Message) -> list[str]:
    """What the message may be, most urgent first; the table's first handler that takes it wins."""
    pending = _pending_kind(state)
    kinds: list[str] = []
    if message.intent in CRISIS_RESPONSES:
        kinds.append(CRISIS)
    if message.intent == CHECK_INTENT and pending == WAIT_VEILIGHEID:
        # The check's own answer in words that sound like danger ("soms denk ik wel aan ... maar ik heb geen
        # plan"): the answer first (residents' round 47: a widow's yes got the check again, then "sorry").
        kinds += [ANSWER, CHECK]
    elif message.intent == CHECK_INTENT:
        kinds.append(CHECK)
    if message.intent == SNEL_WEG_INTENT or (state.crisis_route and reading.abuser_near(message.text)):
        kinds.append(SNEL_WEG)
    if (state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS and message.intent not in CRISIS_RESPONSES
            and reading.back_after_leaving(message.text)):
        return [RETURNED]  # "ik ben er weer, hij is weg": the models may hear the same danger again in it
    if message.intent == CRISIS_AGAIN_INTENT:
        kinds.append(CALLING if reading.calling_too_big(message.text) else HEARD)
    if kinds:
        return kinds
    if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS and reading.not_home_tonight(message.text):
        return [HEARD]  # "ik durf vanavond niet naar huis" under any question: where to be safe tonight
    if languages.switch_asked(message.text):
        return [SWITCH]
    if message.intent == FOREIGN_INTENT and pending not in (FORM, WAIT_CONTROLE, WAIT_VEILIGHEID):
        return [FOREIGN]  # a name or number in the form is an answer, whatever its script
    if state.wacht_op in _ASKED and reading.asks_what_is_meant(message.text):
        return [UNCLEAR]  # "ik begrijp niet" is no "nee", and "huh?" no noise
    if state.wacht_op in _BEFORE_FORM and reading.gives_up(message.text):
        return [GIVE_UP]
    # Where the answer is one word of our own ("moment", "stop de vragen", a place), the intent
    # model's doubt is no noise; only the text itself can be.
    calling = state.crisis_route == ROUTE_CRISIS_113 and reading.calling_too_big(message.text)
    # Never noise, whatever the intent model was unsure of: "113 bellen is een te grote stap", a typed
    # "ja", "nee" or "toch wel".
    worded = bool(reading.yes_or_no(message.text)) or reading.stop_choice(message.text) == "door" or (
        state.wacht_op in (WAIT_VEILIG_NU, WAIT_VEILIGHEID) and reading.says_maybe(message.text))  # "soms wel een beetje"
    noisy = not calling and (is_noise(message.answer_text)
                             or (message.intent == FALLBACK_INTENT and state.wacht_op not in WORD_ANSWERS and not worded))
    # "oei, nummer klopt niet" after the ticket, whatever the intent model was unsure of (round 39).
    ticket_change = pending == OPEN and bool(state.ticket_id) and reading.wants_change(message.text)
    if noisy and ticket_change and not is_noise(message.answer_text):
        return [CHANGE, OTHER]
    if noisy and pending != FORM:
        # Noise is never a yes, a no or a choice, whatever intent the model guessed (issue 9); a
        # question the FAQ knows is still a question when the intent model was unsure of it.
        asked = [QUESTION] if not is_noise(message.answer_text) and (message.werkmodel or {}).get(FAQ_KEY) else []
        return [*asked, NOISE, OTHER] if state.wacht_op in PENDING_QUESTIONS else [*asked, OTHER]
    if pending in _STOP_WAITS and callback_form.is_cancel(message.answer_text):
        kinds.append(STOP)
    if calling:
        kinds.append(CALLING)
    if ticket_change:
        kinds.append(CHANGE)  # "mijn nummer klopt niet" after the ticket: no correction of the summary
    kinds.append(ANSWER)
    if state.leefgebieden and (pending not in (FORM, WAIT_CONTROLE)
                               or pending == WAIT_CONTROLE and reading.topics_denied(message.text, state.leefgebieden)):
        kinds.append(CORRECTION)  # "het gaat niet over geld" is a correction, not a question about cost
    if faq_id(message) and (message.intent in INFO_FAQ or (message.werkmodel or {}).get(FAQ_KEY)
                            or reading.asks_who_can_see(message.text)):
        kinds.append(QUESTION)
    if pending in (FORM, WAIT_CONTROLE) and reading.changes_field(message.text) \
            or pending == WAIT_CONTROLE and _new_contact(message):
        kinds.append(CHANGE)
    if noisy:
        kinds.append(NOISE)
    kinds.append(OTHER)
    return kinds


def _intent_for_this_wait(state: State, intent: str, parse_werkmodel: dict[str, Any], text: str) -> str:
    """The intent as an answer to what the conversation waits for: a yes in the conversation's own
    language, English read as what it says, and answers the intent model cannot know are answers."""
    language = parse_werkmodel.get("language")
    said = languages.yes_or_no(text, state.tolk) if state.tolk else None
    if said and intent not in CRISIS_RESPONSES and intent != CHECK_INTENT:
        intent = said  # "так", "evet": a yes in the conversation's language, whatever the model read
    elif intent == ENGLISH_INTENT and language in languages.FOREIGN:
        # Another language: its yes or no is read; anything else gets the message in that language.
        intent = languages.yes_or_no(text, language) or FOREIGN_INTENT
    elif intent == ENGLISH_INTENT:
        # English all the way (issue 27): the English message is read as what it says; the
        # responses come in English by the slot `taal`.
        intent = reading.english_intent(text)
    if (state.wacht_op == WAIT_VOOR_WIE and intent in ("nlu_fallback", "hulpvraag", ENGLISH_INTENT)
            and len(text.split()) <= 4 and who_for(text)):
        # "mezelf", "myself" to "voor uzelf of iemand anders?" (residents' round 45: "Sorry, I do not
        # understand that", the question again).
        intent = "voor_wie"
    if (state.wacht_op == WAIT_AANBOD and intent in INFO_FAQ and "?" not in text
            and not parse_werkmodel.get(FAQ_KEY) and reading.asks_to_be_called(text)):
        # "ok dan meedenker belt mij. naam is ayse. nummer 06-..." is a yes with details, not a question
        # about what a meedenker is (residents' round 45: the independence answer, the details lost).
        intent = "bevestigen"
    return intent


def next_step(state: State, intent: str, parse_werkmodel: dict[str, Any] | None, text: str,
              entities: dict[str, str] | None = None, had_bsn: bool = False,
              form_text: str | None = None, channel: str = "rest") -> Reply:
    """The responses for this turn and the state after it.

    `form_text` is the resident's unmasked answer when the channel sealed it (a name or contact
    detail typed into the callback form); otherwise the form reads `text`. `channel` is "widget",
    "rest", "telegram" or "whatsapp": how to close the chat, and whether a crisis bar is shown.
    """
    intent = _intent_for_this_wait(state, intent, parse_werkmodel or {}, text)
    message = Message(intent, parse_werkmodel or {}, text, form_text if form_text is not None else text,
                      entities or {}, channel)
    pending = _pending_kind(state)
    reply: Reply | None = None
    for kind in read_kinds(state, message):
        for key in ((pending, kind), (ANY, kind)):
            handler = TABLE.get(key)
            reply = handler(state, message) if handler else None
            if reply is not None:
                break
        if reply is not None:
            break
    assert reply is not None  # (ANY, OTHER) always answers
    if SNEL_WEG_INTENT == intent or (reply.responses and reply.responses[0][0].startswith("utter_snel_weg")):
        return reply  # one short line, nothing before or after it
    reply = _no_offer_elsewhere(reply, told_before=bool(state.elders) and state.elders == reply.state.elders)
    responses, state = _with_crisis_reminder(reply.state, reply.responses, channel)
    if had_bsn:
        responses = [("utter_geen_bsn", {}), *responses]
    return Reply(responses, state, reply.effects)
