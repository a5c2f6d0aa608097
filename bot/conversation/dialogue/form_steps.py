"""Handlers for the callback form: start, each answer, misses, consent, stop and changes to a detail.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import replace

from bot.conversation import callback_form, reading
from bot.conversation.contact import contact_wish
from bot.conversation.summary import merge, summary_values
from bot.understanding import coverage
from bot.understanding.noise import is_noise
from bot.conversation.dialogue.state import (
    INTERPRETER_STEPS,
    Message,
    Reply,
    Responses,
    State,
    WAIT_CORRECTIE,
    WAIT_MISSER,
    WAIT_STOP,
    WAIT_WIJZIG,
)
from bot.conversation.dialogue.asking import _again, _read_back, _safe_contact, ask, pending_question
from bot.conversation.dialogue.crisis_steps import _resume_form
from bot.conversation.dialogue.questions import faq_answers, faq_id
from bot.conversation.dialogue.replies import fresh_session, not_served


# ---------------------------------------------------------------------------------------------
# The callback form
# ---------------------------------------------------------------------------------------------

def _start_form(state: State) -> Reply:
    # The place given for today's help (an urgent need) is not asked again.
    # So is a gemeente named after "we do not work in ..." (residents' round 39).
    # So is a moment told with the yes to the offer ("ja graag maar dan wel s ochtends", round 42).
    kept = {step: state.formulier[step] for step in ("gemeente", "moment", callback_form.CONTACT_WISH)
            if state.formulier.get(step) and not state.form_id}
    first = next(step for step in _steps(state) if step not in kept)
    state = replace(state, wacht_op=callback_form.wait_for(first), form_id=uuid.uuid4().hex[:16],
                    formulier=kept, contact={}, pogingen=0, ticket_id=None, wijzigen=False, suggestie=None)
    return Reply([ask(state, first)], state)


def _steps(state: State) -> tuple[str, ...]:
    """The form's steps: with an interpreter only a name and a way to call (issue 27)."""
    return INTERPRETER_STEPS if state.tolk else callback_form.STEPS


def _following(state: State, step: str) -> str | None:
    steps = _steps(state)
    index = steps.index(step) if step in steps else len(steps)
    return steps[index + 1] if index + 1 < len(steps) else None


def _store(state: State, step: str, values: dict[str, str], text: str = "") -> State:
    """Keep an answer; `text` is the resident's whole answer, whose words on how to be called ("06...
    maar spreek geen voicemail in") the meedenker reads in the ticket before dialling."""
    if step in callback_form.CONTACT_STEPS:
        wish = contact_wish(text) if step == "contact" and text else None
        state = _with_wish(state, wish) if wish else state
        return replace(state, contact={**state.contact, **values}, pogingen=0, suggestie=None)
    return replace(state, formulier={**state.formulier, **values}, pogingen=0, suggestie=None)


def _after_answer(state: State, step: str, said: Responses = ()) -> Reply:
    """The next step, or the read-back when the form is complete or a change was made.

    A gemeente no network here serves ends the form with the truth: that gemeente has free
    cliëntondersteuning of its own (issue 29); nothing more is asked, nothing is stored.
    """
    if step == "gemeente" and not coverage.covers(state.formulier.get("gemeente")):
        return Reply([*said, not_served(state.formulier["gemeente"], safe=_safe_contact(state))],
                     replace(state, wacht_op=None, formulier={}, contact={}, form_id=None, wijzigen=False,
                             elders=state.formulier["gemeente"]))
    following = _following(state, step)
    while following is not None and _answered(state, following):  # told before ("ik woon in Goes, 06...")
        following = _following(state, following)
    if state.wijzigen or following is None:
        reply = _read_back(state)
        return Reply([*said, *reply.responses], reply.state)
    return Reply([*said, ask(state, following)], replace(state, wacht_op=callback_form.wait_for(following)))


def _answered(state: State, step: str) -> bool:
    if step == "naam":
        return bool(state.contact.get("name"))
    if step == "contact":
        return bool(state.contact.get("phone") or state.contact.get("email"))
    return step in state.formulier


def _with_other_answers(state: State, step: str, text: str) -> State:
    """Later answers told with this one are noted, so they are not asked again (residents' round 42:
    "06 2847 1936 maar bel pas na 5 uur" was asked "Wanneer komt het u goed uit?")."""
    for other, values in callback_form.other_answers_in(step, text).items():
        if other in _steps(state) and not _answered(state, other):
            stored = _store(state, other, values)
            state = replace(stored, pogingen=state.pogingen)
    return state


_INITIAL = re.compile(r"^\s*(?:[A-Z]\.?|[a-jl-mo-wz]\.?|[knxy]\.)\s*$")  # "F.", "R", "j": one letter; "k", "n", "x" alone are chat words


def _home_told_later(state: State, step: str, text: str) -> str | None:
    """The gemeente told at a later step after it was skipped, or None."""
    if step == "gemeente" or "gemeente" not in _steps(state) or state.formulier.get("gemeente"):
        return None
    return callback_form.home_told(text)


def _form_answer(state: State, message: Message) -> Reply | None:
    """An answer to the pending form step, or None when the message is not one."""
    step = callback_form.step_of(state.wacht_op)
    if step is None:
        return None
    text = message.answer_text.strip()
    home = _home_told_later(state, step, text)
    if home:
        # "liever niet" at the gemeente, then "ik woon in Drachten" at a later question (residents'
        # round 43): the place is kept, and where no meedenker works that is said now, not after a
        # ticket nobody here may serve.
        state = _store(state, "gemeente", {"gemeente": home})
        if not coverage.covers(home):
            return _after_answer(state, "gemeente")
        text = callback_form.without_home(text)
        if not text:
            return Reply([ask(state, step)], state)
        message = replace(message, answer_text=text)
    if step == "contact" and _safe_contact(state) and callback_form.refuses_contact(text):
        # Under violence at home "geen contact" is an answer: no callback, the ways to reach help.
        return Reply([("utter_geen_contact_veilig", {})],
                     replace(state, wacht_op=None, formulier={}, contact={}, form_id=None, pogingen=0))
    if step == "gemeente" and state.suggestie and message.intent == "bevestigen":
        return _after_answer(_store(state, step, {"gemeente": state.suggestie}), step)
    if step in callback_form.SKIPPABLE and reading.wants_to_skip(text) and not callback_form.is_plain_answer(step, text):
        # "Goes. ... dus liever niet bellen als zij thuis zijn" names the place: no skip (round 44).
        # "Waarom u moet weten? liever niet": skipped, and the why answered (residents' round 43).
        why = faq_answers(message) if "?" in text and faq_id(message) else []
        return _after_answer(_store(state, step, {}), step, why)
    if is_noise(text) and not (step == "naam" and _INITIAL.match(text)):
        return None  # "xyz", "hmm": never an answer ("F." is a name: a pseudonym of one letter)
    changed = reading.changes_field(text)
    if changed and changed != step:
        return None  # "ik wil dat nummer wijzigen" at another step changes that field (CHANGE)
    if faq_id(message) and message.intent not in ("bevestigen", "ontkennen") \
            and not callback_form.is_plain_answer(step, text):
        # "Jansen. Leest de gemeente dit mee?": the answer is noted and the question answered before
        # the next one (residents' round 41: the question or the answer was dropped).
        besides = _without_questions(text)
        if besides and callback_form.is_plain_answer(step, besides):
            answer = callback_form.read_answer(step, besides)
            if answer.accepted:
                said = [answer.said] if answer.said else []
                return _after_answer(_store(state, step, answer.values, besides), step,
                                     [*said, *faq_answers(message)])
        return None  # a question in between ("leest de gemeente mee") is answered, not noted
    corrected = _earlier_answer_corrected(state, step, message)
    if corrected is not None:
        return corrected
    if step in _FREE_STEPS and "?" in text and _without_questions(text):
        # "maakt niet uit. liefst een vrouw. heeft u de tijd genoteerd?": the wish is kept without the question to
        # us, which the read-back answers (residents' round 48: the question was read back as part of the wish).
        text = _without_questions(text)
    answer = callback_form.read_answer(step, text)
    if answer.accepted:
        said: Responses = [answer.said] if answer.said else []
        if "?" in text and faq_id(message):
            said = [*said, *faq_answers(message)]  # "06 1234 5678, wie ziet mijn nummer?"
        stored = _with_other_answers(_store(state, step, answer.values, text), step, text)
        return _after_answer(stored, step, said)
    if answer.suggestion:
        return Reply([answer.retry], replace(state, suggestie=answer.suggestion, pogingen=state.pogingen + 1))
    wish = contact_wish(text)
    if wish:
        # "mijn kleinzoon moet erbij zijn want ik hoor slecht" at a question it does not answer: noted for
        # the meedenker (read back with the contact), and the question asked again (residents' round 46).
        noted = _with_wish(state, wish)
        return Reply([("utter_wens_genoteerd", {}), ask(noted, step)], noted)
    return None


def _with_wish(state: State, wish: str) -> State:
    """The wish beside what was said before ("alleen e-mail, niet bellen" at the offer stays, round 42)."""
    earlier = state.formulier.get(callback_form.CONTACT_WISH)
    if earlier and wish in earlier:
        return state
    joined = f"{earlier}; {wish}" if earlier and earlier not in wish else wish
    return replace(state, formulier={**state.formulier, callback_form.CONTACT_WISH: joined})


# Words that say an earlier answer was wrong: "oh nee", "toch", "sorry", "eigenlijk", "I mean".
_CORRECTING = re.compile(r"\b(?:toch|sorry|sory|eigenlijk|oeps|oh nee|o nee|nee|wacht|foutje|verkeerd|vergeten|"
                         r"bedoel|bedoelde|actually|wrong|i mean|oops)\b", re.IGNORECASE)
# The steps whose free words would swallow anything: there a correction is looked for first.
_FREE_STEPS = frozenset({"moment", "voorkeur"})


def _earlier_answer_corrected(state: State, step: str, message: Message) -> Reply | None:
    """An earlier answer corrected at the next question ("oh nee, donderdag kan toch niet" at the
    preference, "sorry mijn nummer is 06..." at the moment): that answer changes, and the open
    question is asked again (residents' round 41: the correction was noted as the preference)."""
    text = message.answer_text
    if step not in _FREE_STEPS or callback_form.is_plain_answer(step, text):
        return None
    steps = _steps(state)
    marked = bool(_CORRECTING.search(message.text))
    for earlier in reversed(steps[:steps.index(step)] if step in steps else ()):
        # A number or an address is never a moment or a wish; other answers need the correcting words.
        if not marked and earlier != "contact":
            continue
        values = callback_form.value_in_change(earlier, text)
        if not values:
            continue
        changed = _store(state, earlier, values, text)
        if earlier == "gemeente" and not coverage.covers(values["gemeente"]):
            return _after_answer(changed, earlier)  # a gemeente not served here: the truth, nothing stored
        return Reply([("utter_antwoord_aangepast", {}), ask(changed, step)], changed)
    return None


def _without_questions(text: str) -> str:
    """The message without its question sentences ("Jansen. Leest de gemeente dit mee?" -> "Jansen")."""
    kept = [part for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip() and not part.strip().endswith("?")]
    return " ".join(kept).strip().rstrip(".,;!").strip()


def _consent_with_answer(state: State, message: Message) -> Reply | None:
    """"Mag ik ze vragen?" answered with the first answer itself ("Goes", "ja, ik woon in Zaandam"):
    that is a yes, and the answer is noted instead of asked again."""
    if message.intent == "ontkennen" or reading.yes_or_no(message.text) == "ontkennen":
        return None
    started = _start_form(state)
    step = callback_form.step_of(started.state.wacht_op)
    text = reading.without_leading_yes(message.answer_text)
    if step is None or not text or not callback_form.is_plain_answer(step, text):
        return None
    return _form_answer(started.state, replace(message, answer_text=text))


def _form_miss(state: State, message: Message) -> Reply:
    """Not an answer: ask again kindly; after three misses offer to go on without it or a person."""
    step = callback_form.step_of(state.wacht_op)
    assert step is not None
    tries = state.pogingen + 1
    if tries >= callback_form.MAX_TRIES and state.tolk:
        # With an interpreter: no name goes on without one; no way to call ends with the numbers.
        if step == "naam":
            return _after_answer(_store(state, step, {}), step)
        return Reply([("utter_tolk_nee", {})], replace(state, wacht_op=None, form_id=None, contact={}, pogingen=0))
    if tries >= callback_form.MAX_TRIES:
        return Reply([("utter_formulier_misser", {})],
                     replace(state, wacht_op=WAIT_MISSER, vorige_wacht=state.wacht_op, pogingen=0))
    if is_noise(message.answer_text):
        first = "utter_niet_begrepen_opnieuw" if tries == 1 or state.tolk else "utter_niet_begrepen_formulier"
        return Reply([(first, {}), ask(state, step)], replace(state, pogingen=tries))
    answer = callback_form.read_answer(step, message.answer_text)
    return Reply([answer.retry or (callback_form.RETRY[step], {})], replace(state, pogingen=tries, suggestie=None))


_PERSON = re.compile(r"\b(?:mens|persoon|iemand|medewerker|meedenker|person|human)\b", re.IGNORECASE)


def _after_misses(state: State, message: Message) -> Reply:
    """Three misses: "verder zonder" skips the field (never the contact), "een mens" goes on to a
    person, anything else is read as the field's answer once more."""
    step = callback_form.step_of(state.vorige_wacht) or callback_form.STEPS[0]
    back = replace(state, wacht_op=callback_form.wait_for(step), vorige_wacht=None)
    if _PERSON.search(message.text):
        if step in ("naam", "contact"):
            return Reply([("utter_mens_zonder_contact", {})], replace(back, wacht_op=None))
        # A person calls with what is known: the other fields are not needed for that.
        return _read_back(back)
    if reading.wants_to_skip(message.text):
        if step in callback_form.SKIPPABLE:
            return _after_answer(_store(back, step, {}), step)
        # "Verder zonder" the contact: no callback can follow, so the resident hears how to reach a
        # person without one (it looped on the same question: the conversation replay, issue 24).
        return Reply([("utter_mens_zonder_contact", {})], replace(back, wacht_op=None))
    reply = _form_answer(back, message)
    if reply is not None:
        return reply
    return Reply([("utter_formulier_misser", {})], state)


def _stop_asked(state: State, message: Message) -> Reply:
    return Reply([("utter_stop_vraag", {})], replace(state, wacht_op=WAIT_STOP, vorige_wacht=state.wacht_op))


def _stop_answered(state: State, message: Message) -> Reply | None:
    choice = reading.stop_choice(message.text)
    if choice is None and message.intent == "ontkennen":
        choice = "door"
    if choice == "door":
        back = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None)
        return Reply([("utter_formulier_verder", {}), *pending_question(back)], back)
    if choice == "formulier":
        # The answers stay sealed in this session so "toch doorgaan" can take it back; no ticket.
        return Reply([("utter_formulier_gestopt", {})], replace(state, wacht_op=None))
    if choice == "gesprek":
        return Reply([("utter_gesprek_gestopt", {})], fresh_session(state))
    return None


def _stop_unclear(state: State, message: Message) -> Reply:
    """Neither "stop the questions", "the whole conversation" nor "go on": ask it again, nothing is lost."""
    return Reply([("utter_niet_begrepen_opnieuw", {}), ("utter_stop_vraag", {})], state)


def _resume_stopped_form(state: State, message: Message) -> Reply | None:
    """"Toch doorgaan" after "stop de vragen": back to the step where it stopped."""
    if state.wacht_op is None and callback_form.step_of(state.vorige_wacht) and state.form_id \
            and reading.stop_choice(message.text) == "door":
        return _resume_form(state)
    return None


def _change_asked(state: State, message: Message) -> Reply:
    """At the read-back: "nee" or "iets veranderen" asks which; a named field goes there at once."""
    if state.tolk:
        return _start_form(state)  # two questions only: asked again, in the resident's language
    named = reading.changes_field(message.text) or callback_form.field_named(message.text) \
        or ("contact" if _new_contact(message) else None) or ("naam" if callback_form.corrected_name(message.text) else None)
    if named:
        return _change_field(state, named, message)
    return Reply([("utter_vraag_wijzig", {})], replace(state, wacht_op=WAIT_WIJZIG))


def _new_contact(message: Message) -> bool:
    """A number or address the channel sealed at the read-back: a new contact detail."""
    return message.answer_text != message.text and callback_form.is_plain_answer("contact", message.answer_text)


def _change_field(state: State, step: str, message: Message) -> Reply:
    changing = replace(state, wacht_op=callback_form.wait_for(step), wijzigen=True, pogingen=0)
    # "Mijn nummer is toch 06…": the new value may be in the same message (residents' tests read back
    # "Moment: moment", and in round 39 "Laat maar. Ik wil het moment veranderen." as the moment).
    values = callback_form.value_in_change(step, message.answer_text)
    if values:
        return _read_back(_store(changing, step, values, message.answer_text))
    return Reply([ask(changing, step)], changing)


def _which_change(state: State, message: Message) -> Reply:
    named = callback_form.field_named(message.text) or reading.changes_field(message.text)
    if named:
        return _change_field(state, named, message)
    # "ochtend", a number, a place: the new value itself says which field it changes.
    for step in ("moment", "contact", "voorkeur", "gemeente"):
        if callback_form.is_plain_answer(step, message.answer_text):
            return _change_field(state, step, message)
    return _again(state, [("utter_niet_begrepen_opnieuw", {})])


def _topic_at_read_back(state: State, message: Message) -> Reply | None:
    """"Het gaat niet over geld maar over mijn huis" at "Klopt dit?": the topic is changed and the
    details read back again (residents' round 46: only name, number, moment and place could change)."""
    denied = reading.topics_denied(message.text, state.leefgebieden)
    kept = {key: label for key, label in state.leefgebieden.items() if key not in denied}
    told = [label for label in (message.werkmodel or {}).get("leefgebieden") or [] if label["id"] not in denied]
    corrected = merge(replace(state, leefgebieden=kept, samenvatting=None), {**(message.werkmodel or {}), "leefgebieden": told},
                      message.text)
    if not corrected.leefgebieden:
        # Nothing left to name: what it is about, then back to the read-back (wijzigen, see open_steps._yes).
        return Reply([("utter_vraag_correctie", {})], replace(corrected, wacht_op=WAIT_CORRECTIE, wijzigen=True,
                                                                verduidelijkingen=0))
    read_back = _read_back(corrected)
    return Reply([("utter_onderwerp_aangepast", summary_values(corrected)), *read_back.responses], read_back.state)
