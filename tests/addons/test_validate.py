"""`make validate`: a response counts as used when a rule or the code sends it, never otherwise."""
from pathlib import Path

from addons.validate import domain_responses, problems, responses_sent_by_code


def test_every_response_the_code_sends_exists_in_the_domain():
    assert problems() == []


def test_the_code_sends_the_form_questions_the_dialogue_answers_and_the_channel_errors():
    sent = responses_sent_by_code()
    assert {"utter_vraag_naam", "utter_ongeldig_voorkeur", "utter_niet_begrepen_opnieuw",
            "utter_samenvatting", "utter_invoer_not_json", "utter_storing"} <= sent
    assert sent <= domain_responses() | {"utter_crisis"}  # a prefix test in bot/conversation/dialogue/


def test_a_name_the_domain_lacks_is_reported(tmp_path: Path):
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "x.py").write_text('RESPONSE = "utter_bestaat_niet"\n', encoding="utf-8")
    (tmp_path / "domain.yml").write_text("responses:\n  utter_groet:\n    - text: hallo\n", encoding="utf-8")
    assert "The code sends 'utter_bestaat_niet', but domain.yml has no such response." in problems(tmp_path)
    assert not any("utter_groet" in problem for problem in problems(tmp_path))


def test_intents_from_buttons_and_from_the_nlu_component_need_no_examples():
    from addons.validate import intents_without_examples

    assert {"kies_leefgebied", "voor_wie", "bevestigen", "engels"} <= intents_without_examples()
