"""The conversation's next step, decided in plain Python (tested without Rasa).

The Rasa side passes in the intent, the parse's `werkmodel` and the conversation state (slots);
this module answers with response names from domain.yml (never text) and the new state.
Rules from the issue and the domain guide:
- crisis first, always, and the numbers stay visible after a crisis (a "nee" repeats them);
- open question first, then at most two clarifying questions in a row;
- a short summary back ("Klopt dat?"); "nee" lets the resident correct it, "ja" moves on;
- "ik wil een mens" leads to the callback offer; a yes leads, after consent, to the callback
  form (bot/callback_form.py); nothing loops;
- noise (Rasa's `nlu_fallback`, or bot/noise.py: "xyz", "hmm", "?", only emoji) is never a yes,
  a no, a choice or a form answer: at a pending question the assistant says it did not
  understand and asks the same question again, keeping what was pending; the second time in a
  row it offers a human.
Side effects (a ticket, an urgent flag) are named in `Reply.effects` and carried out by the adapter.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from bot import callback_form
from bot.noise import is_noise
from bot.words import is_content_word
from bot.werkmodel import (
    LEEFGEBIED_LABELS,
    LEEFGEBIEDEN,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)

MAX_CLARIFICATIONS = 2
MAX_KEY_WORDS = 3  # evidence words named in the summary said back
CHOSEN_EVIDENCE = "gekozen met een knop"

# What the assistant is waiting for after its last question.
WAIT_LEEFGEBIED = "leefgebied"
WAIT_VOOR_WIE = "voor_wie"
WAIT_SAMENVATTING = "samenvatting"
WAIT_AANBOD = "aanbod"
WAIT_CORRECTIE = "correctie"
WAIT_TOESTEMMING = "toestemming"
WAIT_VEILIGHEID = "veiligheid"  # after the safety check: is the resident or someone else in danger?
CHECK_INTENT = "crisis_check"

# Questions the resident is expected to answer; noise there is asked again (issue 9).
PENDING_QUESTIONS = frozenset(
    {WAIT_LEEFGEBIED, WAIT_VOOR_WIE, WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_CORRECTIE, WAIT_TOESTEMMING,
     WAIT_VEILIGHEID}
)
# Rasa's FallbackClassifier names a message the intent model is not sure about this way.
FALLBACK_INTENT = "nlu_fallback"

# Effects the adapter carries out after the turn.
EFFECT_SUBMIT = "submit_callback"
EFFECT_FLAG_CRISIS = "flag_crisis"

INFO_RESPONSES = {
    "info_wat_doet": "utter_info_wat_doet",
    "info_wat_niet": "utter_info_wat_niet",
    "info_kosten": "utter_info_kosten",
    "info_onafhankelijk": "utter_info_onafhankelijk",
    "info_kiezen": "utter_info_kiezen",
    "info_keukentafel": "utter_info_keukentafel",
    "info_sociaal_team": "utter_info_sociaal_team",
    "info_bot": "utter_ben_computer",
}
CRISIS_RESPONSES = {
    "crisis_113": "utter_crisis_113",
    "crisis_112": "utter_crisis_112",
    "crisis_veilig_thuis": "utter_crisis_veilig_thuis",
}
SIMPLE_RESPONSES = {
    "groet": "utter_groet",
    "bedankt": "utter_graag_gedaan",
    "buiten_bereik": "utter_buiten_bereik",
    "engels": "utter_engels",
}

_OTHER_PERSON = re.compile(
    r"\b(?:mijn|mn|m'n|onze|ons)\s+(?:\w+\s+)?(?:moeder|vader|ma|pa|ouders|zoon|zoontje|dochter|dochtertje|"
    r"kind|kindje|kinderen|kids|man|vrouw|partner|vriend|vriendin|oma|opa|zus|broer|buurman|buurvrouw|"
    r"buren|tante|oom|neef|nicht|schoonmoeder|schoonvader|cli[eë]nt)\b|\bvoor (?:iemand anders|een ander)\b|\bnamens\b",
    re.IGNORECASE,
)
_SELF = re.compile(r"\b(?:ik|mij|me|mijn|mn|m'n|voor mezelf|voor mijzelf)\b", re.IGNORECASE)


def who_for(text: str) -> str | None:
    """'ander' when the resident asks about someone they name, 'zelf' when they speak of themselves."""
    if _OTHER_PERSON.search(text):
        return "ander"
    if _SELF.search(text):
        return "zelf"
    return None


@dataclass(frozen=True)
class State:
    """What the conversation knows; stored in Rasa slots between turns."""

    leefgebieden: dict[str, dict[str, Any]] = field(default_factory=dict)
    doelgroepen: dict[str, dict[str, Any]] = field(default_factory=dict)
    voor_wie: str | None = None
    wacht_op: str | None = None
    verduidelijkingen: int = 0
    crisis_route: str | None = None
    route: str | None = None
    niet_begrepen: int = 0
    formulier: dict[str, str] = field(default_factory=dict)  # moment, gemeente, voorkeur
    contact: dict[str, str] = field(default_factory=dict)  # name, phone, email: sealed by the adapter
    form_id: str | None = None
    pogingen: int = 0
    ticket_id: str | None = None
    vermoed_crisis: str | None = None  # set by Rasa itself (slot vermoedelijke_crisis) at a safety check
    vorige_wacht: str | None = None  # the question pending before the safety check
    veilig_gezegd: bool = False  # "nee" to the safety check in this session

    def as_slots(self) -> dict[str, Any]:
        """Slot values, without the contact details (the adapter stores those encrypted)."""
        return {
            "werkmodel": {"leefgebieden": self.leefgebieden, "doelgroepen": self.doelgroepen},
            "voor_wie": self.voor_wie,
            "wacht_op": self.wacht_op,
            "verduidelijkingen": float(self.verduidelijkingen),
            "crisis_route": self.crisis_route,
            "route": self.route,
            "niet_begrepen": float(self.niet_begrepen),
            "formulier": dict(self.formulier),
            "form_id": self.form_id,
            "pogingen": float(self.pogingen),
            "ticket_id": self.ticket_id,
            "vorige_wacht": self.vorige_wacht,
            "veilig_gezegd": self.veilig_gezegd,
        }

    @classmethod
    def from_slots(cls, slots: dict[str, Any], contact: dict[str, str] | None = None) -> "State":
        werkmodel = slots.get("werkmodel") or {}
        return cls(
            leefgebieden=dict(werkmodel.get("leefgebieden") or {}),
            doelgroepen=dict(werkmodel.get("doelgroepen") or {}),
            voor_wie=slots.get("voor_wie"),
            wacht_op=slots.get("wacht_op"),
            verduidelijkingen=int(slots.get("verduidelijkingen") or 0),
            crisis_route=slots.get("crisis_route"),
            route=slots.get("route"),
            niet_begrepen=int(slots.get("niet_begrepen") or 0),
            formulier=dict(slots.get("formulier") or {}),
            contact=dict(contact or {}),
            form_id=slots.get("form_id"),
            pogingen=int(slots.get("pogingen") or 0),
            ticket_id=slots.get("ticket_id"),
            vermoed_crisis=slots.get("vermoedelijke_crisis"),
            vorige_wacht=slots.get("vorige_wacht"),
            veilig_gezegd=bool(slots.get("veilig_gezegd")),
        )


@dataclass(frozen=True)
class Reply:
    responses: list[tuple[str, dict[str, str]]]
    state: State
    effects: tuple[str, ...] = ()


def merge(state: State, parse_werkmodel: dict[str, Any] | None) -> State:
    """Add this message's labels to the conversation's (a later message can add a leefgebied)."""
    if not parse_werkmodel:
        return state
    merged: dict[str, dict[str, dict[str, Any]]] = {
        "leefgebieden": {k: dict(v) for k, v in state.leefgebieden.items()},
        "doelgroepen": {k: dict(v) for k, v in state.doelgroepen.items()},
    }
    for axis in ("leefgebieden", "doelgroepen"):
        for label in parse_werkmodel.get(axis) or []:
            known = merged[axis].get(label["id"])
            evidence = list(dict.fromkeys([*(known or {}).get("evidence", []), *label.get("evidence", [])]))
            confidence = max(float(label.get("confidence", 0.0)), float((known or {}).get("confidence", 0.0)))
            merged[axis][label["id"]] = {"confidence": round(confidence, 3), "evidence": evidence[:8]}
    return replace(state, leefgebieden=merged["leefgebieden"], doelgroepen=merged["doelgroepen"])


def summary_values(state: State) -> dict[str, str]:
    """Placeholders for utter_samenvatting, in the resident's own words where possible."""
    topics = [LEEFGEBIED_LABELS[k] for k in LEEFGEBIEDEN if k in state.leefgebieden]
    return {
        "onderwerpen": _join(topics) or "uw situatie",
        "kernwoorden": _join([f"'{w}'" for w in key_words(state)]) or "wat u schreef",
    }


def key_words(state: State) -> list[str]:
    """At most MAX_KEY_WORDS words the resident wrote that led to the topics, as a person reads them.

    Evidence phrases lose their function words at the edges ("dementie en" -> "dementie"); a
    phrase longer than three words, or one without a content word, is not named.
    """
    words: list[str] = []
    for key in LEEFGEBIEDEN:
        for phrase in state.leefgebieden.get(key, {}).get("evidence", []):
            if phrase == CHOSEN_EVIDENCE:
                continue
            tokens = phrase.split()
            while tokens and not is_content_word(tokens[0]):
                tokens.pop(0)
            while tokens and not is_content_word(tokens[-1]):
                tokens.pop()
            tidy = " ".join(tokens)
            if tidy and len(tokens) <= 3 and tidy.lower() not in (w.lower() for w in words):
                words.append(tidy)
    return words[:MAX_KEY_WORDS]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _with_crisis_reminder(state: State, responses: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """After a crisis the numbers stay in view, but not between the short questions of the form."""
    in_form = callback_form.step_of(state.wacht_op) is not None
    if state.crisis_route and not in_form and not any(name.startswith("utter_crisis") for name, _ in responses):
        return [("utter_crisis_herinnering", {}), *responses]
    return responses


def _open_form_step(state: State) -> str | None:
    """The callback form's pending step (also while a safety check is asked), or None."""
    if callback_form.step_of(state.wacht_op) is not None:
        return state.wacht_op
    if state.wacht_op == WAIT_VEILIGHEID and callback_form.step_of(state.vorige_wacht) is not None:
        return state.vorige_wacht
    return None


def _crisis(state: State, route: str, with_numbers: bool) -> Reply:
    # Danger told inside the callback form: the numbers come first, and the answers given so far
    # are kept, so a "ja" to "Wilt u dat een meedenker u later belt?" goes on where it was.
    form_step = _open_form_step(state)
    state = replace(state, crisis_route=route, route=route, wacht_op=WAIT_AANBOD, pogingen=0, vorige_wacht=form_step)
    numbers = [(CRISIS_RESPONSES[route], {})] if with_numbers else []
    return Reply([*numbers, ("utter_crisis_blijf", {})], state, (EFFECT_FLAG_CRISIS,))


def _after_check(state: State, in_danger: bool) -> Reply:
    """"Ja" gives the full crisis reply; "nee" goes back to where the conversation was."""
    if in_danger:
        route = state.vermoed_crisis if state.vermoed_crisis in CRISIS_RESPONSES else "crisis_113"
        return _crisis(state, route, with_numbers=True)
    resumed = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None, veilig_gezegd=True)
    again = pending_question(resumed)
    if again:
        return Reply([("utter_veiligheid_nee", {}), *again], resumed)
    if resumed.leefgebieden:
        reply = _clarify_or_summarise(resumed)
        return Reply([("utter_veiligheid_nee", {}), *reply.responses], reply.state)
    return Reply([("utter_veiligheid_nee", {}), ("utter_vraag_open", {})], resumed)


def _clarify_or_summarise(state: State) -> Reply:
    if not state.leefgebieden and state.verduidelijkingen < MAX_CLARIFICATIONS:
        state = replace(state, wacht_op=WAIT_LEEFGEBIED, verduidelijkingen=state.verduidelijkingen + 1)
        return Reply([("utter_vraag_leefgebied", {})], state)
    if state.voor_wie is None and state.verduidelijkingen < MAX_CLARIFICATIONS:
        state = replace(state, wacht_op=WAIT_VOOR_WIE, verduidelijkingen=state.verduidelijkingen + 1)
        return Reply([("utter_vraag_voor_wie", {})], state)
    state = replace(state, wacht_op=WAIT_SAMENVATTING, verduidelijkingen=0)
    return Reply([_summary_response(state)], state)


def _summary_response(state: State) -> tuple[str, dict[str, str]]:
    if not state.leefgebieden:
        return ("utter_samenvatting_onbekend", {})
    name = "utter_samenvatting_ander" if state.voor_wie == "ander" else "utter_samenvatting"
    return (name, summary_values(state))


def pending_question(state: State) -> list[tuple[str, dict[str, str]]]:
    """The question the conversation waits for, with its buttons, to ask it again."""
    step = callback_form.step_of(state.wacht_op)
    if step is not None:
        return [(callback_form.ASK[step], {})]
    if state.wacht_op == WAIT_SAMENVATTING:
        return [_summary_response(state)]
    if state.wacht_op == WAIT_AANBOD:
        if state.crisis_route:
            return [("utter_crisis_herinnering", {}), ("utter_crisis_blijf", {})]
        later = state.route == ROUTE_LUISTEREN
        return [("utter_aanbod_meedenker_later" if later else "utter_aanbod_meedenker", {})]
    questions = {
        WAIT_VEILIGHEID: "utter_veiligheid_check",  # its slots still name the suspected route
        WAIT_LEEFGEBIED: "utter_vraag_leefgebied",
        WAIT_VOOR_WIE: "utter_vraag_voor_wie",
        WAIT_CORRECTIE: "utter_vraag_correctie",
        WAIT_TOESTEMMING: "utter_terugbel_uitleg",
    }
    return [(questions[state.wacht_op], {})] if state.wacht_op in questions else []


def _ask_again(state: State) -> Reply:
    """Noise at a pending question: say so and ask it again; the second time, offer a human."""
    if state.niet_begrepen >= 1:
        return Reply([("utter_niet_begrepen_mens", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen_opnieuw", {}), *pending_question(state)],
                 replace(state, niet_begrepen=state.niet_begrepen + 1))


def next_step(state: State, intent: str, parse_werkmodel: dict[str, Any] | None, text: str,
              entities: dict[str, str] | None = None, had_bsn: bool = False,
              form_text: str | None = None) -> Reply:
    """The responses for this turn and the state after it.

    `form_text` is the resident's unmasked answer when the channel sealed it (a name or contact
    detail typed into the callback form); otherwise the form reads `text`.
    """
    entities = entities or {}
    step = callback_form.step_of(state.wacht_op)
    answer_text = form_text if form_text is not None else text
    if intent in CRISIS_RESPONSES or intent in (CHECK_INTENT, "opnieuw"):
        reply = _decide(state, intent, parse_werkmodel, text, entities)
    elif step is not None:
        reply = _form_turn(state, step, intent, answer_text)
    elif state.wacht_op in PENDING_QUESTIONS and (intent == FALLBACK_INTENT or is_noise(answer_text)):
        reply = _ask_again(state)
    else:
        reply = _decide(state, intent, parse_werkmodel, text, entities)
    responses = _with_crisis_reminder(reply.state, reply.responses)
    if had_bsn:
        responses = [("utter_geen_bsn", {}), *responses]
    return Reply(responses, reply.state, reply.effects)


def may_write_a_ticket(wacht_op: str | None, intent: str) -> bool:
    """Whether `next_step` can give an effect (a ticket or a crisis flag) for this message.

    Why: a ticket's summary is made of the worry's earlier messages, and only then does the action
    server need them; Rasa sends them on these turns only (addons/rasa_speed.py), so an ordinary
    turn of a long conversation carries no more than a short one's. It may say yes too often,
    never too rarely (tests/bot/test_dialogue_effects.py tries every pending question and intent).
    """
    if intent in CRISIS_RESPONSES or wacht_op == WAIT_VEILIGHEID:
        return True  # a crisis, or the answer to the safety check
    step = callback_form.step_of(wacht_op)
    return step is not None and callback_form.next_step_after(step) is None  # the form's last answer


def _start_form(state: State) -> Reply:
    first = callback_form.STEPS[0]
    state = replace(state, wacht_op=callback_form.wait_for(first), form_id=uuid.uuid4().hex[:16],
                    formulier={}, contact={}, pogingen=0, ticket_id=None)
    return Reply([(callback_form.ASK[first], {})], state)


def _form_turn(state: State, step: str, intent: str, text: str) -> Reply:
    """One answer inside the callback form: accept it, ask it again kindly, or stop."""
    if callback_form.is_cancel(text):
        return Reply([("utter_formulier_gestopt", {})],
                     replace(state, wacht_op=None, formulier={}, contact={}, pogingen=0, form_id=None))
    if is_noise(text):
        tries = state.pogingen + 1
        if tries >= callback_form.MAX_TRIES:
            return Reply([("utter_formulier_lukt_niet", {})],
                         replace(state, wacht_op=None, formulier={}, contact={}, pogingen=0, form_id=None))
        first = "utter_niet_begrepen_opnieuw" if tries == 1 else "utter_niet_begrepen_formulier"
        return Reply([(first, {}), (callback_form.ASK[step], {})], replace(state, pogingen=tries))
    answer = callback_form.read_answer(step, text)
    if not answer.accepted:
        if intent in INFO_RESPONSES and intent != "info_bot":
            # A question in between: answer it, then ask the same step again.
            return Reply([(INFO_RESPONSES[intent], {}), (callback_form.ASK[step], {})], state)
        tries = state.pogingen + 1
        if tries >= callback_form.MAX_TRIES:
            return Reply([("utter_formulier_lukt_niet", {})],
                         replace(state, wacht_op=None, formulier={}, contact={}, pogingen=0, form_id=None))
        return Reply([answer.retry or (callback_form.RETRY[step], {})], replace(state, pogingen=tries))
    if step in callback_form.CONTACT_STEPS:
        state = replace(state, contact={**state.contact, **answer.values}, pogingen=0)
    else:
        state = replace(state, formulier={**state.formulier, **answer.values}, pogingen=0)
    following = callback_form.next_step_after(step)
    if following is not None:
        return Reply([(callback_form.ASK[following], {})], replace(state, wacht_op=callback_form.wait_for(following)))
    # Complete: the adapter writes the ticket and sends the reference and what happens next.
    return Reply([], replace(state, wacht_op=None), (EFFECT_SUBMIT,))


def _decide(state: State, intent: str, parse_werkmodel: dict[str, Any] | None, text: str,
            entities: dict[str, str]) -> Reply:
    understood = replace(state, niet_begrepen=0)
    if intent in CRISIS_RESPONSES:
        # Rasa has already sent the numbers by rule (data/stories/crisis.yml); the core stays.
        return _crisis(merge(understood, parse_werkmodel), intent, with_numbers=False)
    if intent == CHECK_INTENT:
        # Rasa has already asked the safety check with the suspected route's numbers.
        vorige = state.vorige_wacht if state.wacht_op == WAIT_VEILIGHEID else state.wacht_op
        return Reply([], merge(replace(understood, wacht_op=WAIT_VEILIGHEID, vorige_wacht=vorige), parse_werkmodel))
    if state.wacht_op == WAIT_VEILIGHEID and intent in ("bevestigen", "ontkennen"):
        return _after_check(understood, intent == "bevestigen")
    if state.wacht_op == WAIT_VOOR_WIE and intent not in INFO_RESPONSES and who_for(text):
        # A typed "voor mijn moeder" answers the question, whatever intent the model guessed.
        return _clarify_or_summarise(merge(replace(understood, voor_wie=who_for(text)), parse_werkmodel))
    if intent in INFO_RESPONSES:
        return Reply([(INFO_RESPONSES[intent], {})], replace(understood, route=state.route or ROUTE_INFO))
    if intent in SIMPLE_RESPONSES:
        return Reply([(SIMPLE_RESPONSES[intent], {})], understood)
    if intent == "afscheid":
        return Reply([("utter_afscheid", {})], replace(understood, wacht_op=None))
    if intent == "luisteren":
        state = merge(replace(understood, route=state.route or ROUTE_LUISTEREN, wacht_op=WAIT_AANBOD), parse_werkmodel)
        return Reply([("utter_luisterlijn", {}), ("utter_aanbod_meedenker_later", {})], state)
    if intent == "mens_gevraagd":
        return Reply([("utter_aanbod_meedenker", {})], replace(understood, wacht_op=WAIT_AANBOD))
    if intent == "kies_leefgebied" and entities.get("leefgebied") in LEEFGEBIEDEN:
        choice = {"leefgebieden": [{"id": entities["leefgebied"], "confidence": 1.0, "evidence": [CHOSEN_EVIDENCE]}]}
        return _clarify_or_summarise(merge(replace(understood, route=state.route or ROUTE_MEEDENKER), choice))
    if intent == "voor_wie" and (entities.get("voor_wie") in ("zelf", "ander") or who_for(text)):
        # The button carries the answer; a typed "voor mijn moeder" is read from the words.
        chosen = entities.get("voor_wie") if entities.get("voor_wie") in ("zelf", "ander") else who_for(text)
        return _clarify_or_summarise(replace(understood, voor_wie=chosen))
    if intent == "bevestigen":
        if state.wacht_op == WAIT_SAMENVATTING:
            return Reply([("utter_aanbod_meedenker", {})], replace(understood, wacht_op=WAIT_AANBOD))
        if state.wacht_op == WAIT_AANBOD and callback_form.step_of(state.vorige_wacht) is not None:
            # Back to the form that a crisis interrupted; the callback will be urgent (bot/callback.py).
            step = callback_form.step_of(state.vorige_wacht)
            return Reply([("utter_formulier_verder", {}), (callback_form.ASK[step], {})],
                         replace(understood, wacht_op=state.vorige_wacht, vorige_wacht=None))
        if state.wacht_op == WAIT_AANBOD:
            return Reply([("utter_terugbel_uitleg", {})], replace(understood, wacht_op=WAIT_TOESTEMMING))
        if state.wacht_op == WAIT_TOESTEMMING:
            return _start_form(understood)
        return Reply([("utter_vraag_open", {})], understood)
    if intent == "ontkennen":
        if state.crisis_route:
            # One "nee" never makes the numbers disappear (domain guide §4).
            return Reply([(CRISIS_RESPONSES[state.crisis_route], {}), ("utter_crisis_blijf", {})],
                         replace(understood, wacht_op=WAIT_AANBOD))
        if state.wacht_op == WAIT_SAMENVATTING:
            cleared = replace(understood, leefgebieden={}, doelgroepen={}, voor_wie=None,
                              wacht_op=WAIT_CORRECTIE, verduidelijkingen=0)
            return Reply([("utter_vraag_correctie", {})], cleared)
        if state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING):
            return Reply([("utter_geen_aanbod", {})], replace(understood, wacht_op=None))
        return Reply([("utter_vraag_open", {})], understood)
    if intent == "hulpvraag" or (parse_werkmodel or {}).get("leefgebieden"):
        state = merge(replace(understood, route=state.route or ROUTE_MEEDENKER), parse_werkmodel)
        if state.voor_wie is None or state.wacht_op == WAIT_VOOR_WIE:
            state = replace(state, voor_wie=who_for(text) or state.voor_wie)
        return _clarify_or_summarise(state)
    # Not understood: never loop; the second time in a row, offer a human.
    if state.niet_begrepen >= 1:
        return Reply([("utter_aanbod_meedenker", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen", {})], replace(state, niet_begrepen=state.niet_begrepen + 1))



def fresh_session(state: State) -> State:
    """The state a conversation returns to after its session expired (issue 9).

    Nothing half-done survives: no open form, no pending consent or summary, no labels of the
    old question. Only a crisis carries over, so the next reply shows the numbers first.
    """
    return State(crisis_route=state.crisis_route)
