"""Op- en afschalen (domain guide §5): what a coordinator sees as the first suggestion."""
from __future__ import annotations

import re

import pytest

from bot.conversation.opschalen import (
    SPECIALISED_DOELGROEPEN,
    Recommendation,
    laws_mentioned,
    recommend,
)
from bot.understanding.werkmodel import (
    FORMEEL,
    INFORMEEL,
    MEEDENKER_TYPES,
    CRISIS_ROUTES,
    DOELGROEP_LABELS,
    DOELGROEPEN,
    LEEFGEBIED_LABELS,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)


def rec(text: str = "", leefgebieden=(), doelgroepen=(), route: str = ROUTE_MEEDENKER,
        preference: str | None = None) -> Recommendation:
    return recommend(list(leefgebieden), list(doelgroepen), text, route, preference)


def all_reasons(result: Recommendation) -> str:
    return " ".join(result.reasons)


# --- informal where it can ------------------------------------------------------------------


def test_a_light_practical_question_goes_to_a_volunteer():
    result = rec("Kan iemand mij helpen met het formulier voor huurtoeslag?", ["wonen"])
    assert result.type == INFORMEEL
    assert "formulier" in all_reasons(result)


def test_a_light_question_without_signals_is_informal_and_says_why():
    result = rec("Ik zoek iemand om mee te praten over een dagbesteding.", ["werken"])
    assert result.type == INFORMEEL
    assert result.reasons, "the coordinator always gets a reason"
    assert "geen reden voor een beroepskracht" in all_reasons(result)


def test_no_labels_and_no_text_is_informal():
    assert rec().type == INFORMEEL


@pytest.mark.parametrize("text", [
    "Ik werk overdag, kan iemand 's avonds bellen?",
    "Ik ben alleen 's avonds thuis.",
    "Kunt u in het weekend langskomen?",
    "Ik heb alleen tijd na werktijd.",
    "Het liefst buiten kantoortijden.",
])
def test_someone_outside_office_hours_points_to_a_volunteer(text):
    result = rec(text, ["werken"])
    assert result.type == INFORMEEL
    assert "buiten kantoortijd" in all_reasons(result)


def test_out_of_hours_need_is_noted_when_the_case_must_be_formal():
    result = rec("Ik wil bezwaar maken, maar ik kan alleen 's avonds bellen.", ["financien"])
    assert result.type == FORMEEL
    assert any(r.startswith("Let op: de inwoner zoekt iemand buiten kantoortijd") for r in result.reasons)


# --- formal where it must -------------------------------------------------------------------


def test_three_leefgebieden_is_complex():
    result = rec("Ik heb schulden, mijn huis is te klein en ik ben ziek.", ["wonen", "financien", "gezondheid"])
    assert result.type == FORMEEL
    reasons = all_reasons(result)
    assert "Ingewikkelde vraag" in reasons and "3 onderwerpen" in reasons
    for gebied in ("wonen", "financien", "gezondheid"):
        assert LEEFGEBIED_LABELS[gebied] in reasons


def test_two_leefgebieden_with_one_doelgroep_is_not_complex_yet():
    assert rec("", ["wonen", "financien"], ["ouderen"]).type == INFORMEEL


def test_two_leefgebieden_with_two_doelgroepen_is_complex():
    result = rec("Mijn moeder heeft dementie en ik regel haar rekeningen.", ["gezondheid", "financien"],
                 ["ouderen", "mantelzorgers"])
    assert result.type == FORMEEL
    assert DOELGROEP_LABELS["mantelzorgers"] in all_reasons(result)


def test_one_leefgebied_with_several_doelgroepen_is_not_complex():
    assert rec("", ["gezondheid"], ["ouderen", "mantelzorgers"]).type == INFORMEEL


def test_specialised_doelgroepen_are_known_ids():
    assert SPECIALISED_DOELGROEPEN <= set(DOELGROEPEN)


@pytest.mark.parametrize("doelgroep", sorted(SPECIALISED_DOELGROEPEN))
def test_a_doelgroep_that_needs_a_specialist_goes_to_a_professional(doelgroep):
    result = rec("Ik heb hulp nodig bij een aanvraag.", ["gezondheid"], [doelgroep])
    assert result.type == FORMEEL
    assert DOELGROEP_LABELS[doelgroep] in all_reasons(result)


@pytest.mark.parametrize("doelgroep", ["nah", "verstandelijke_beperking"])
def test_nah_and_lvb_are_specialised(doelgroep):
    assert doelgroep in SPECIALISED_DOELGROEPEN


def test_a_light_ggz_question_can_go_to_an_ervaringsdeskundige():
    """Seed 001: HerstelTalent's ervaringsdeskundigen (informal) specialise in GGZ."""
    assert "ggz" not in SPECIALISED_DOELGROEPEN
    assert rec("Ik voel me vaak somber en zoek iemand om mee te praten.", ["gezondheid"], ["ggz"]).type == INFORMEEL


@pytest.mark.parametrize("text, laws", [
    ("Het CIZ zegt Wlz, maar de gemeente zegt dat het Wmo is.", {"Wmo", "Wlz"}),
    ("Mijn zoon krijgt jeugdhulp en wordt 18. Wat moet ik met de zorgverzekering?", {"Jeugdwet", "Zvw"}),
    ("Ik heb een bijstandsuitkering en een Wmo-aanvraag loopt.", {"Participatiewet", "Wmo"}),
    ("Vallen wij onder de Wet langdurige zorg of de Zorgverzekeringswet?", {"Wlz", "Zvw"}),
    ("De zorgverzekeraar en het zorgkantoor wijzen naar elkaar.", {"Zvw", "Wlz"}),
])
def test_several_laws_need_a_professional(text, laws):
    assert set(laws_mentioned(text)) == laws
    result = rec(text, ["gezondheid"])
    assert result.type == FORMEEL
    assert "meerdere wetten" in all_reasons(result)
    for law in laws:
        assert law in all_reasons(result)


def test_one_law_alone_is_not_enough():
    assert laws_mentioned("Ik wil huishoudelijke hulp via de Wmo.") == {"Wmo": "wmo"}
    assert rec("Ik wil huishoudelijke hulp via de Wmo.", ["wonen"]).type == INFORMEEL


@pytest.mark.parametrize("text, kind", [
    ("Ik wil een klacht indienen over de thuiszorg.", "klacht"),
    ("Ik heb een klacht over mijn zorgaanbieder.", "klacht"),
    ("Hoe werkt de klachtenprocedure van de gemeente?", "klacht"),
    ("Ik wil in bezwaar gaan tegen de beslissing.", "bezwaar"),
    ("Mijn bezwaarschrift is afgewezen.", "bezwaar"),
    ("Ik wil bezwaar maken tegen de boete.", "bezwaar"),
    ("Ik ga in beroep bij de rechter.", "beroep"),
    ("Moet ik beroep aantekenen?", "beroep"),
    ("We hebben een geschil met de woningcorporatie.", "geschil"),
])
def test_complaints_objections_and_appeals_need_a_professional(text, kind):
    result = rec(text, ["financien"])
    assert result.type == FORMEEL
    assert kind in all_reasons(result)


@pytest.mark.parametrize("text", [
    "Ik heb psychische klachten en zoek iemand om mee te praten.",
    "Ik heb veel rugklachten.",
    "Mijn beroep is kapper, maar ik kan niet meer werken.",
    "Ik heb er geen bezwaar tegen als u mij belt.",
    "Ik wil een beroep doen op de voedselbank.",
])
def test_health_complaints_and_professions_are_not_disputes(text):
    assert rec(text, ["gezondheid"]).type == INFORMEEL


@pytest.mark.parametrize("text", [
    "Niemand helpt me.",
    "Er is niemand die me wil helpen.",
    "Ik heb al jaren hulp maar het wordt niet beter.",
    "We worden van het kastje naar de muur gestuurd.",
    "Ondanks alle hulp lukt het niet.",
    "Ik ben nog steeds niet geholpen.",
])
def test_not_helped_despite_care_needs_a_professional(text):
    result = rec(text, ["gezondheid"])
    assert result.type == FORMEEL
    assert "niet geholpen" in all_reasons(result)


def test_help_that_works_is_not_a_signal():
    assert rec("Ik heb al jaren hulp van de thuiszorg en dat gaat goed.", ["gezondheid"]).type == INFORMEEL


# --- safety first ---------------------------------------------------------------------------


@pytest.mark.parametrize("route, words", [
    (ROUTE_CRISIS_113, "zelfdoding"),
    (ROUTE_CRISIS_112, "acuut gevaar"),
    (ROUTE_CRISIS_VEILIG_THUIS, "thuis"),
])
def test_a_crisis_route_is_always_formal_even_against_the_wish(route, words):
    result = rec("Ik wil liever een vrijwilliger.", ["sociale_relaties"], route=route, preference=INFORMEEL)
    assert result.type == FORMEEL
    assert "veiligheid" in result.reasons[0] and words in result.reasons[0]
    assert any("liever een vrijwilliger" in r and "veiligheid gaat voor" in r for r in result.reasons)


def test_every_crisis_route_has_a_safety_reason():
    for route in CRISIS_ROUTES:
        assert rec(route=route).type == FORMEEL


@pytest.mark.parametrize("text", ["Mijn man slaat me.", "Ik wil er niet meer zijn."])
def test_crisis_words_on_another_route_still_count_as_a_safety_risk(text):
    result = rec(text, ["sociale_relaties"], route=ROUTE_LUISTEREN, preference=INFORMEEL)
    assert result.type == FORMEEL
    assert "veiligheid" in result.reasons[0]


# --- the resident chooses -------------------------------------------------------------------


def test_the_residents_preference_wins_over_complexity_and_keeps_the_warnings():
    result = rec("Ik wil bezwaar maken.", ["wonen", "financien", "gezondheid"], preference=INFORMEEL)
    assert result.type == INFORMEEL
    assert result.reasons[0].startswith("De inwoner kiest zelf")
    notes = [r for r in result.reasons if r.startswith("Let op:")]
    assert len(notes) == 2
    assert any("ingewikkelde vraag" in n for n in notes) and any("bezwaar" in n for n in notes)


def test_a_preference_for_a_professional_wins_for_a_light_question():
    result = rec("Kunt u helpen met een formulier?", ["financien"], preference=FORMEEL)
    assert result.type == FORMEEL
    assert "kiest zelf" in result.reasons[0]


@pytest.mark.parametrize("text", [
    "Ik wil liever een vrijwilliger.",
    "Ik zoek graag een ervaringsdeskundige.",
    "Ik wil iemand die het zelf heeft meegemaakt.",
    "Ik wil geen hulpverlener meer.",
])
def test_a_clear_wish_in_the_text_counts_as_a_preference(text):
    result = rec(text, ["wonen", "financien", "gezondheid"])
    assert result.type == INFORMEEL
    assert "kiest zelf" in result.reasons[0]


@pytest.mark.parametrize("text", ["Ik wil liever een professional.", "Ik wil geen vrijwilliger."])
def test_a_clear_wish_for_a_professional_in_the_text(text):
    assert rec(text, ["wonen"]).type == FORMEEL


def test_wanting_to_do_volunteer_work_is_not_a_preference():
    result = rec("Ik wil vrijwilliger worden, en ik heb schulden en geen huis.", ["werken", "financien", "wonen"])
    assert result.type == FORMEEL


def test_an_explicit_preference_beats_words_in_the_text():
    assert rec("Ik wil liever een vrijwilliger.", ["wonen"], preference=FORMEEL).type == FORMEEL


# --- reasons and input ----------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    dict(text="Ik heb schulden, mijn huis is te klein en ik ben ziek.",
         leefgebieden=["wonen", "financien", "gezondheid"]),
    dict(text="Het CIZ zegt Wlz, maar de gemeente zegt Wmo.", leefgebieden=["gezondheid"]),
    dict(text="Ik wil een klacht indienen.", leefgebieden=["gezondheid"], preference=INFORMEEL),
    dict(text="Ik wil er niet meer zijn.", route=ROUTE_CRISIS_113, preference=INFORMEEL),
    dict(text="Ik werk overdag, kan iemand 's avonds bellen?", leefgebieden=["werken"]),
    dict(text="Help met een brief.", leefgebieden=["financien"], doelgroepen=["verstandelijke_beperking"]),
])
def test_reasons_are_short_plain_dutch_sentences(args):
    result = rec(**args)
    for reason in result.reasons:
        assert reason and reason[0].isupper() and reason.rstrip().endswith("."), reason
        assert "_" not in reason, f"an id leaked into a reason: {reason}"
        for sentence in re.split(r"(?<=[.!?])\s+", reason):
            assert len(sentence.split()) <= 20, reason


def test_the_type_is_one_of_the_two_meedenker_types():
    assert MEEDENKER_TYPES == (INFORMEEL, FORMEEL)
    assert rec(route=ROUTE_INFO).type in MEEDENKER_TYPES


@pytest.mark.parametrize("kwargs", [
    dict(leefgebieden=["geld"]),
    dict(doelgroepen=["senioren"]),
    dict(route="chat"),
    dict(preference="vrijwilliger"),
])
def test_unknown_ids_are_a_programming_error(kwargs):
    with pytest.raises(ValueError):
        rec(**kwargs)


def test_separate_questions_need_confidence_and_their_own_words():
    from bot.conversation.opschalen import separate_questions

    labels = {
        "gezondheid": {"confidence": 0.95, "evidence": ["dementie"]},
        "sociale_relaties": {"confidence": 0.9, "evidence": ["dementie"]},  # the same word again
        "financien": {"confidence": 0.6, "evidence": ["moeder"]},  # weak
        "wonen": {"confidence": 1.0, "evidence": ["gekozen met een knop"]},
    }
    assert separate_questions(labels) == ["wonen", "gezondheid"]
