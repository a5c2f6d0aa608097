"""Handlers for the open conversation: the first worry, a correction, yes and no to a summary
or an offer, an urgent need today and where the resident is.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.conversation import callback_form, reading, spoed
from bot.understanding import coverage
from bot.conversation.summary import also_for_self, merge, says_for_self, who_for
from bot.understanding.werkmodel import (
    LEEFGEBIEDEN,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)
from bot.conversation.dialogue.state import (
    BACK_INTENT,
    CHOSEN_EVIDENCE,
    CRISIS_RESPONSES,
    EFFECT_VANDAAG,
    FALLBACK_INTENT,
    FAQ_RESPONSE,
    GOODBYE_IN_CRISIS,
    INFO_FAQ,
    Message,
    Reply,
    Responses,
    SIMPLE_RESPONSES,
    STAY_RESPONSES,
    State,
    WAIT_AANBOD,
    WAIT_CONTROLE,
    WAIT_CORRECTIE,
    WAIT_SAMENVATTING,
    WAIT_SPOED_PLAATS,
    WAIT_TOESTEMMING,
    WAIT_TOLK,
    WAIT_VOOR_WIE,
)
from bot.conversation.dialogue.asking import _clarify_or_summarise, _read_back, _safe_contact, pending_question
from bot.conversation.dialogue.crisis_steps import _resume_form
from bot.conversation.dialogue.form_steps import _form_answer, _start_form
from bot.conversation.dialogue.replies import not_served


# ---------------------------------------------------------------------------------------------
# Everything else: the open conversation
# ---------------------------------------------------------------------------------------------

def _correction(state: State, message: Message) -> Reply | None:
    """"Het gaat niet over school": the topic goes, the rest stays; then the summary again.
    "Het is niet voor iemand anders, het is voor mij": the summary says so next time."""
    if state.voor_wie == "ander" and says_for_self(message.text):
        state = merge(replace(state, voor_wie="zelf", niet_begrepen=0), message.werkmodel, message.text)
        return _clarify_or_summarise(replace(state, voor_wie="zelf"))
    denied = reading.topics_denied(message.text, state.leefgebieden)
    if not denied:
        return None
    kept = {k: v for k, v in state.leefgebieden.items() if k not in denied}
    state = replace(state, leefgebieden=kept, niet_begrepen=0)
    state = merge(state, _without(message.werkmodel, denied), message.text)
    if not state.leefgebieden:
        return Reply([("utter_vraag_correctie", {})], replace(state, wacht_op=WAIT_CORRECTIE, verduidelijkingen=0))
    return _clarify_or_summarise(state)


def _without(werkmodel: dict[str, Any], denied: list[str]) -> dict[str, Any]:
    if not werkmodel:
        return {}
    return {**werkmodel, "leefgebieden": [l for l in werkmodel.get("leefgebieden") or [] if l["id"] not in denied]}


YES_NO_WAITS = frozenset({WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_TOESTEMMING, WAIT_CONTROLE})
# Intents under which a leading "ja"/"nee" is still read ("ok doei" stays a goodbye).
READ_FOR_YES_NO = frozenset({"hulpvraag", "luisteren", "buiten_bereik", "mens_gevraagd", FALLBACK_INTENT})


def _moved_gemeente(state: State, text: str) -> Reply | None:
    """After "onze meedenkers werken niet in Vlissingen": "ik woon eigenlijk in Middelburg" is a
    new place, not a new worry (residents' round 39: the summary and "niet in Vlissingen" came back
    four times). Where the network works, the callback is offered again with that gemeente."""
    named = callback_form.gemeente_named(text)
    if named is None or named == state.elders:
        return None
    if not coverage.covers(named):
        return Reply([not_served(named, safe=_safe_contact(state))], replace(state, elders=named, wacht_op=None))
    here = replace(state, elders=None, formulier={"gemeente": named}, form_id=None, wacht_op=WAIT_TOESTEMMING)
    return Reply([("utter_terugbel_uitleg_veilig" if _safe_contact(here) else "utter_terugbel_uitleg", {})], here)


def _where_told(state: State, text: str) -> State:
    """The gemeente told before the form, kept for it: where no meedenker works this is said at the
    offer, not after the consent (residents' round 43: three of four far from home typed their whole
    story first), and where one does, it is not asked again."""
    if state.form_id or state.elders or state.formulier.get("gemeente"):
        return state
    named = callback_form.home_told(text)
    return replace(state, formulier={**state.formulier, "gemeente": named}) if named else state


def _decide(state: State, message: Message) -> Reply:
    intent, text, entities = message.intent, message.text, message.entities
    if state.wacht_op in YES_NO_WAITS and intent in READ_FOR_YES_NO and reading.yes_or_no(text):
        # "ja klopt, en de brief zegt…", "NEE niet later, bel me vandaag": the answer comes first.
        intent = reading.yes_or_no(text) or intent
        state = merge(state, message.werkmodel, text)
    elif state.wacht_op in YES_NO_WAITS and intent in ("ontkennen", "afscheid") and reading.meant_yes(text):
        # "Laat maar, ja. Zolang er maar iemand naar kijkt", "nee wacht, ik bedoelde ja!" (round 44).
        intent = "bevestigen"
    elif state.wacht_op in YES_NO_WAITS and reading.stop_choice(text) == "door":
        # "toch wel", "toch doorgaan" (the words the assistant itself gives after "stop de vragen")
        # to a yes/no question is a yes (residents' round 39: both got a goodbye).
        intent = "bevestigen"
    if intent in ("groet", "hulpvraag", "bevestigen", "ontkennen", FALLBACK_INTENT) and (state.route or state.ticket_id or state.crisis_route) \
            and callback_form.step_of(state.wacht_op) is None and reading.says_bye(text):
        intent = "afscheid"  # "Nou goed, dan wacht ik op het telefoontje. Dag" (residents' round 44)
    understood = _where_told(replace(state, niet_begrepen=0), text)
    moved = _moved_gemeente(understood, text) if state.elders and callback_form.step_of(state.wacht_op) is None else None
    if moved is not None:
        return moved
    if state.wacht_op == WAIT_VOOR_WIE and intent not in INFO_FAQ and who_for(text):
        # A typed "voor mijn moeder" answers the question, whatever intent the model guessed.
        return _clarify_or_summarise(merge(replace(understood, voor_wie=who_for(text)), message.werkmodel, text))
    if intent in SIMPLE_RESPONSES:
        return Reply([(SIMPLE_RESPONSES[intent], {})], understood)
    if intent == "afscheid":
        if state.crisis_route:
            # No goodbye while a crisis is fresh: where to turn tonight, and the door stays open.
            return Reply([(GOODBYE_IN_CRISIS[state.crisis_route], {})], replace(understood, sinds_herinnering=0))
        if state.vermoed_crisis == ROUTE_CRISIS_113:
            # Asked about suicide earlier and said no, perhaps with grief beside it: 113 and the listening line in
            # the goodbye (residents' round 48: "ik ga maar naar bed" got "Dat is goed. Heeft u nog een vraag?").
            return Reply([("utter_afscheid_zorg", {})], replace(understood, wacht_op=None))
        return Reply([("utter_afscheid", {})], replace(understood, wacht_op=None))
    if state.spoed and reading.asks_help_now(text) and state.wacht_op not in (WAIT_SPOED_PLAATS, WAIT_TOESTEMMING) \
            and callback_form.step_of(state.wacht_op) is None:
        # Residents' tests: a 17-year-old on the street asked "wie kan ik NU bellen" three times and
        # got the summary. Today's help again, or first the question where he is.
        if state.formulier.get("gemeente") or state.elders:
            return _today(understood, [])
        return Reply([("utter_spoed_waar", {})], replace(understood, wacht_op=WAIT_SPOED_PLAATS, pogingen=0))
    if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS and reading.abuser_gone(text):
        # Back after "hij komt eraan": welcome, and the way on (safe contact) again.
        return Reply([("utter_weer_terug", {}), (STAY_RESPONSES[ROUTE_CRISIS_VEILIG_THUIS], {})],
                     replace(understood, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if state.crisis_route == ROUTE_CRISIS_112 and reading.help_arrived(text):
        return Reply([("utter_hulp_is_er", {})], replace(understood, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if state.ticket_id and state.wacht_op is None and intent in ("bevestigen", "hulpvraag", "luisteren", FALLBACK_INTENT) \
            and (reading.asks_to_be_called(text) or reading.wants_callback(text)) and _nothing_new(state, message):
        # "Ja, bel mij" after the request was sent: it is arranged, not a second form (residents' round 46).
        return Reply([("utter_al_aangevraagd", {"referentie": state.ticket_id})], understood)
    if intent == "luisteren" and reading.refuses_listening(text):
        intent = "hulpvraag"  # "ik wil niet even praten, ik wil hulp": a question, not the listening line
    if intent in ("luisteren", "hulpvraag") and reading.wants_callback(text) and state.wacht_op in (None, WAIT_AANBOD):
        # "Ik wil gewoon dat iemand me belt over die schulden": the callback, with what was said kept;
        # to someone who also wants to talk now, the listening line first (it is there day and night).
        consent = _yes(replace(merge(understood, message.werkmodel, text), wacht_op=WAIT_AANBOD,
                               route=state.route or (ROUTE_LUISTEREN if intent == "luisteren" else ROUTE_MEEDENKER)))
        first: Responses = [("utter_luisterlijn", {})] if intent == "luisteren" and not reading.refuses_listening(text) else []
        return Reply([*first, *consent.responses], consent.state)
    if intent == "luisteren":
        if state.ticket_id:
            # After the request was sent, the line for the evening, and no second callback on offer
            # (residents' round 42: "dat heb ik toch net al gedaan?").
            return Reply([("utter_luisterlijn", {})], replace(understood, wacht_op=None))
        if state.wacht_op is None and (state.route == ROUTE_LUISTEREN or state.vorige_wacht == WAIT_AANBOD):
            # Someone who only wants to talk and said no is not offered a callback again.
            return Reply([("utter_luisterlijn", {})], merge(understood, message.werkmodel, text))
        state = merge(replace(understood, route=state.route or ROUTE_LUISTEREN, wacht_op=WAIT_AANBOD), message.werkmodel, text)
        return Reply([*_heard(text), ("utter_luisterlijn", {}), ("utter_aanbod_meedenker_later", {})], state)
    if intent == "mens_gevraagd":
        return Reply([("utter_aanbod_meedenker", {})], replace(understood, wacht_op=WAIT_AANBOD))
    if intent == "kies_leefgebied" and entities.get("leefgebied") in LEEFGEBIEDEN:
        choice = {"leefgebieden": [{"id": entities["leefgebied"], "confidence": 1.0, "evidence": [CHOSEN_EVIDENCE]}]}
        return _clarify_or_summarise(merge(replace(understood, route=state.route or ROUTE_MEEDENKER), choice))
    if intent == "voor_wie" and (entities.get("voor_wie") in ("zelf", "ander") or who_for(text)):
        chosen = entities.get("voor_wie") if entities.get("voor_wie") in ("zelf", "ander") else who_for(text)
        return _clarify_or_summarise(replace(understood, voor_wie=chosen))
    # "ja klopt. ook ik heb geen geld voor eten. twee dagen ik heb niet gegeten": today's need comes
    # before the yes (residents' round 40: the callback offer followed, the hunger unheard).
    need = spoed.urgent_need(text) if not state.spoed else None
    if need:
        return _urgent(merge(replace(understood, route=state.route or ROUTE_MEEDENKER), message.werkmodel, text), need, text)
    if state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING) and not state.form_id and reading.wants_mail_only(text):
        # "niet bellen! EMAIL" to the callback offer is a yes, by e-mail only: noted for the meedenker.
        wish = {callback_form.CONTACT_WISH: MAIL_ONLY_WISH}
        return _yes(replace(understood, formulier={**understood.formulier, **wish}))
    if intent == "bevestigen" and state.wacht_op == WAIT_SAMENVATTING and _adds_to_summary(state, message):
        # "ja geld ja maar ook het gokken zelf, ik krijg het niet gestopt": a yes with more to it is
        # summarised again with the new part, not taken as a plain yes (residents' round 42).
        return _clarify_or_summarise(merge(understood, message.werkmodel, text))
    if intent == "bevestigen" and state.wacht_op == WAIT_AANBOD and not state.leefgebieden and not state.form_id \
            and (message.werkmodel or {}).get("leefgebieden") and len(text.split()) > 6:
        # "Ok. Ik heb brief van belastingdienst, 2300 euro terug..." to an offer made after an info
        # question: the worry is summed up first, not lost behind "Fijn" (residents' round 43).
        told = merge(replace(understood, route=ROUTE_MEEDENKER), message.werkmodel, text)
        return _clarify_or_summarise(replace(told, voor_wie=who_for(text) or state.voor_wie))
    if intent == "bevestigen":
        resumed = _resumed_with_answer(understood, message)
        if resumed is not None:
            return resumed
        if state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING) and not state.form_id:
            # "ja graag maar dan wel s ochtends": the moment is noted now, not asked again later.
            moment = callback_form.other_answers_in("contact", text).get("moment")
            if moment:
                understood = replace(understood, formulier={**understood.formulier, **moment})
        return _yes(understood)
    if intent == "ontkennen" and state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING) and not state.form_id \
            and reading.says_what_it_is_about(text):
        # "Nee, het gaat niet om mijn gezondheid, ik vroeg naar respijtzorg": the question, not the callback.
        corrected = _correction(understood, message)
        return corrected or _clarify_or_summarise(merge(replace(understood, samenvatting=None), message.werkmodel, text))
    if intent == "ontkennen" and state.wacht_op == WAIT_SAMENVATTING and (message.werkmodel or {}).get("leefgebieden") \
            and len(text.split()) > 4:
        # "nee niet alleen dat. het gaat over toeslagen terug betalen en energie rekening" (residents' round 47:
        # "Wat klopt er niet?" as if nothing was said): what was said now leads the summary; "niet alleen"
        # keeps what was there.
        corrected = _correction(understood, message)
        if corrected is not None:
            return corrected
        kept = understood.leefgebieden if _NOT_ONLY.search(text) else {}
        return _clarify_or_summarise(merge(replace(understood, leefgebieden=kept, samenvatting=None), message.werkmodel,
                                           text, newest_first=True))
    if intent == "ontkennen":
        return _no(understood)
    if state.ticket_id and state.wacht_op is None and intent in ("hulpvraag", FALLBACK_INTENT) \
            and not (message.werkmodel or {}).get("leefgebieden"):
        line = _LINE_NAMED.search(text)
        if line:
            # "pas woensdag?? ok ik bel wss de kindertelefoon dan": that line's number and hours, not "ook dit"
            # (residents' round 47).
            return Reply([(FAQ_RESPONSE, {"faq": LINE_FAQ[line.group(1).lower()], "kanaal": message.channel})], understood)
        return Reply([("utter_na_ticket", {"referentie": state.ticket_id})], understood)
    if _question_for_a_meedenker(state, message):
        # "Kunnen ze mij zomaar afsluiten van het gas en licht?" after the worry was summed up: honest that a
        # computer cannot answer it, not the same summary again (residents' round 46: "Klopt dat?" loops).
        again = [("utter_aanbod_kort", {})] if state.wacht_op == WAIT_AANBOD else []
        return Reply([("utter_vraag_voor_meedenker", {}), *again], understood)
    if intent == "hulpvraag" or (message.werkmodel or {}).get("leefgebieden"):
        state = merge(replace(understood, route=state.route or ROUTE_MEEDENKER), message.werkmodel, text)
        if state.voor_wie is None or state.wacht_op == WAIT_VOOR_WIE or also_for_self(text) or says_for_self(text):
            state = replace(state, voor_wie=who_for(text, violence=state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS)
                            or state.voor_wie)
        reply = _clarify_or_summarise(state)
        if understood.samenvatting is None and reply.responses and reply.responses[0][0].startswith("utter_samenvatting"):
            # "Ik ben op, mijn moeder…": first that it sounds hard, then the summary (residents' round 42).
            reply = Reply([*_heard(text), *reply.responses], reply.state, reply.effects)
        return reply
    if intent == BACK_INTENT or (state.crisis_route and _BACK_TO_QUESTION.search(text)):
        if state.leefgebieden:
            return _clarify_or_summarise(replace(understood, samenvatting=None))
        return Reply([("utter_vraag_open", {})], replace(understood, wacht_op=None))
    # Not understood: never loop; the second time in a row, offer a human.
    if state.niet_begrepen >= 1:
        return Reply([("utter_aanbod_meedenker", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen", {})], replace(state, niet_begrepen=state.niet_begrepen + 1))


def _heard(text: str) -> Responses:
    """A death told: condolences first (residents' round 45); a heavy story: that it sounds hard. Before
    the summary, and before the listening line at night (round 46: the Luisterlijn block came bare)."""
    if reading.bereaved(text):
        return [("utter_gecondoleerd", {})]
    return [("utter_erkenning", {})] if reading.feels_heavy(text) else []


def _question_for_a_meedenker(state: State, message: Message) -> bool:
    """A question the FAQ does not know, about the worry already summed up and confirmed (the offer is
    pending, or the request was sent), that names no new topic."""
    if "?" not in message.text or not state.leefgebieden or state.crisis_route or state.elders:
        return False
    if not (state.wacht_op == WAIT_AANBOD or (state.ticket_id and state.wacht_op is None)):
        return False
    return _nothing_new(state, message)


def _nothing_new(state: State, message: Message) -> bool:
    """The message names no leefgebied the conversation did not already have."""
    told = {label["id"] for label in (message.werkmodel or {}).get("leefgebieden") or []}
    return told <= set(state.leefgebieden)


# A line the resident says they will call while waiting for the meedenker: what the FAQ says of it.
LINE_FAQ = {"kindertelefoon": "kindertelefoon", "luisterlijn": "luisterlijn_wat", "veilig thuis": "veilig_thuis_wat",
            "113": "zmp_chat"}
_LINE_NAMED = re.compile(r"\b(kindertelefoon|luisterlijn|veilig thuis|113)\b", re.IGNORECASE)
_NOT_ONLY = re.compile(r"\bniet\s+(?:alleen|enkel|maar)\b|\book\b|\bnot\s+only\b|\balso\b", re.IGNORECASE)
MAIL_ONLY_WISH = "alleen e-mail, niet bellen"
_MORE = re.compile(r"\b(?:maar\s+ook|en\s+ook|ook\s+(?:nog|het|de|over|om)|maar\s+vooral|vooral\s+ook)\b", re.IGNORECASE)


def _adds_to_summary(state: State, message: Message) -> bool:
    """A yes that adds a subject of its own: "maar ook" with a word the summary did not have."""
    if not _MORE.search(message.text):
        return False
    known = {word.lower() for label in state.leefgebieden.values() for word in label.get("evidence", [])}
    told = [(label.get("id"), word) for label in (message.werkmodel or {}).get("leefgebieden") or []
            for word in label.get("evidence", [])]
    return any(lid not in state.leefgebieden or word.lower() not in known for lid, word in told)


def _urgent(state: State, need: str, text: str) -> Reply:
    """A need for today: say so, and ask where the resident is to name who can help today."""
    voor_wie = who_for(text) or state.voor_wie
    state = replace(state, spoed=need, voor_wie=voor_wie, wacht_op=WAIT_SPOED_PLAATS, pogingen=0)
    if state.formulier.get("gemeente"):
        return _today(state, [])
    return Reply([("utter_spoed_erkend", {}), ("utter_spoed_waar", {})], state)


def _today(state: State, said: Responses) -> Reply:
    """Who can help today (the adapter fills the contacts), then an urgent callback on offer
    where a network here serves the gemeente; elsewhere, where its own support is."""
    gemeente = state.formulier.get("gemeente")
    if not coverage.covers(gemeente):
        return Reply([*said, ("utter_spoed_vandaag", {"spoed": state.spoed or "", "gemeente": gemeente or ""}),
                      not_served(gemeente or "")],
                     replace(state, wacht_op=None, pogingen=0, elders=gemeente), (EFFECT_VANDAAG,))
    return Reply([*said, ("utter_spoed_vandaag", {"spoed": state.spoed or "", "gemeente": state.formulier.get("gemeente", "")}),
                  ("utter_spoed_aanbod", {})], replace(state, wacht_op=WAIT_AANBOD, pogingen=0), (EFFECT_VANDAAG,))


def _urgent_place(state: State, message: Message) -> Reply | None:
    """The answer to "where are you?": a gemeente or place, or "weet ik niet" (the national list)."""
    if reading.wants_to_skip(message.text):
        return _today(state, [])
    if state.suggestie and message.intent == "bevestigen":
        return _today(replace(state, formulier={**state.formulier, "gemeente": state.suggestie}, suggestie=None), [])
    answer = callback_form.read_answer("gemeente", message.text)
    if answer.accepted:
        said: Responses = [answer.said] if answer.said else []
        return _today(replace(state, formulier={**state.formulier, **answer.values}), said)
    if state.pogingen >= 1:
        return _today(state, [])  # no second miss: the national list and the callback, now
    if answer.suggestion:
        return Reply([answer.retry], replace(state, suggestie=answer.suggestion, pogingen=state.pogingen + 1))
    return Reply([answer.retry or ("utter_ongeldig_gemeente", {})], replace(state, pogingen=state.pogingen + 1))


_BACK_TO_QUESTION = re.compile(r"\b(?:terug\s+naar|verder\s+met)\s+(?:mijn|m'n|mn)\s+(?:vraag|probleem|verhaal)\b", re.IGNORECASE)


def _resumed_with_answer(state: State, message: Message) -> Reply | None:
    """A yes to go on with the form a danger interrupted that holds the answer to its question ("ja ...
    kan het via mijn mail van werk? samira@... daar kan hij niet bij"): kept, not asked again."""
    step = callback_form.step_of(state.vorige_wacht)
    if state.wacht_op != WAIT_AANBOD or step != "contact" or not callback_form.parse_contact(message.answer_text):
        return None
    back = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None)
    return _form_answer(back, message)


def _yes(state: State) -> Reply:
    if state.wacht_op == WAIT_SAMENVATTING and state.ticket_id:
        # Another worry after the ticket: the same meedenker talks it through (residents' round 41:
        # the callback was offered a second time, as if the first request was lost).
        return Reply([("utter_na_ticket", {"referentie": state.ticket_id})], replace(state, wacht_op=None))
    if state.wacht_op == WAIT_SAMENVATTING and state.wijzigen and state.form_id and not state.ticket_id:
        return _read_back(state)  # the topic corrected from the read-back: back there, not the offer again
    if state.wacht_op == WAIT_SAMENVATTING:
        return Reply([("utter_aanbod_meedenker", {})], replace(state, wacht_op=WAIT_AANBOD))
    if state.wacht_op == WAIT_AANBOD and callback_form.step_of(state.vorige_wacht) is not None:
        return _resume_form(state)  # the form a crisis interrupted; the callback will be urgent
    if (state.wacht_op == WAIT_AANBOD and state.form_id and not state.ticket_id
            and (state.contact.get("phone") or state.contact.get("email"))):
        # Danger told at the read-back ("Klopt dit?"): the answers are still here, read back once more
        # instead of the whole form again (residents' round 40: a widower filled it in twice).
        return _read_back(state)
    if state.wacht_op == WAIT_AANBOD:
        consent = "utter_terugbel_uitleg_veilig" if _safe_contact(state) else "utter_terugbel_uitleg"
        return Reply([(consent, {})], replace(state, wacht_op=WAIT_TOESTEMMING))
    if state.wacht_op == WAIT_TOESTEMMING:
        return _start_form(state)
    return Reply([("utter_vraag_open", {})], state)


def declined(state: State) -> Reply:
    """No callback now: the conversation stays open. After danger the way to help stays in view:
    one "nee" never makes the numbers disappear (domain guide §4). `vorige_wacht` remembers the
    offer, so "toch wel" or "toch doorgaan" brings it back (residents' round 40: a goodbye followed)."""
    if state.crisis_route == ROUTE_CRISIS_112:
        # The offer after 112 comes only once help was called or came: "nee" to it gets the door kept
        # open, not "Dit klinkt als gevaar. Bel nu 112" again (residents' round 40, a neighbour who had called).
        return Reply([("utter_crisis_afscheid_112", {})], replace(state, wacht_op=None, sinds_herinnering=0,
                                                                  vorige_wacht=WAIT_AANBOD))
    if state.crisis_route:
        return Reply([(CRISIS_RESPONSES[state.crisis_route], {}), ("utter_crisis_geen_aanbod", {})],
                     replace(state, wacht_op=None, sinds_herinnering=0, vorige_wacht=WAIT_AANBOD))
    return Reply([("utter_geen_aanbod", {})], replace(state, wacht_op=None, vorige_wacht=WAIT_AANBOD))


def _no(state: State) -> Reply:
    if state.wacht_op == WAIT_SAMENVATTING:
        cleared = replace(state, leefgebieden={}, doelgroepen={}, voor_wie=None, wacht_op=WAIT_CORRECTIE,
                          verduidelijkingen=0)
        return Reply([("utter_vraag_correctie", {})], cleared)
    if (state.crisis_route and state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING, None)) \
            or state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING):
        return declined(state)
    return Reply([("utter_vraag_open", {})], state)


def _ask_again(state: State, message: Message) -> Reply:
    """Noise at a pending question: say so and ask it again; the second time, offer a human."""
    if state.niet_begrepen >= 1 and state.tolk and state.wacht_op == WAIT_TOLK:
        return Reply([("utter_tolk_aanbod", {})], replace(state, niet_begrepen=0))  # the human offer, in their language
    if state.niet_begrepen >= 1:
        return Reply([("utter_niet_begrepen_mens", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen_opnieuw", {}), *pending_question(state)],
                 replace(state, niet_begrepen=state.niet_begrepen + 1))
