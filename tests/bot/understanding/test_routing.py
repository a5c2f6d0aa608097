"""Two tiers of crisis reply (issue 8): which message gets the full reply, which the safety check."""
import pytest

from bot.understanding.crisis_net import CrisisScores
from bot.understanding.routing import CHECK_INTENT, TIER_CHECK, TIER_FULL, decide_route

THRESHOLD = 0.5


def net(crisis: float, route: str = "crisis_113") -> CrisisScores:
    return CrisisScores(crisis, route, crisis)


def test_a_rule_hit_gets_the_full_reply_whatever_the_models_say():
    decision = decide_route("ik wil er niet meer zijn", "hulpvraag", 0.99, False, net(0.01), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.intent == "crisis_113" and decision.reason.startswith("rule:")


def test_only_the_semantic_net_suspects_a_crisis_so_the_resident_is_asked():
    decision = decide_route("papa is heel eng als mama weg is", "hulpvraag", 0.7, False,
                            net(0.8, "crisis_veilig_thuis"), THRESHOLD)
    assert decision.tier == TIER_CHECK and decision.intent == CHECK_INTENT
    assert decision.suspected == "crisis_veilig_thuis" and decision.route == "meedenker"


def test_a_very_sure_semantic_net_alone_gives_the_full_reply():
    decision = decide_route("bye everyone, thanks for everything", "afscheid", 0.9, False, net(0.995), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_113" and decision.reason == "semantic"


def test_a_sure_intent_model_needs_the_semantic_net_to_agree_for_the_full_reply():
    agreed = decide_route("iets wat de regels niet kennen", "crisis_112", 0.95, False, net(0.85, "crisis_112"), THRESHOLD)
    assert agreed.tier == TIER_FULL and agreed.route == "crisis_112"
    # heavy_ordinary.yml: intent 0.81 and semantic 0.50 gave "mijn man drinkt, is niet agressief" the
    # full Veilig Thuis reply; a semantic net only fairly sure asks instead.
    fairly = decide_route("iets wat de regels niet kennen", "crisis_112", 0.95, False, net(0.7, "crisis_112"), THRESHOLD)
    assert fairly.tier == TIER_CHECK and fairly.suspected == "crisis_112"
    doubted = decide_route("iets wat de regels niet kennen", "crisis_112", 0.98, False, net(0.1), THRESHOLD)
    assert doubted.tier == TIER_CHECK and doubted.suspected == "crisis_112"
    # messy_blind_3.yml: the intent model alone, fairly sure (0.92-0.94) against a calm semantic net,
    # heard no crisis in four blind sets and asked a widow about her husband's pension letters.
    fairly_alone = decide_route("mijn man is overleden en hij deed altijd de geldzaken. nu liggen er brieven",
                                "crisis_112", 0.94, True, net(0.13), THRESHOLD)
    assert fairly_alone.tier is None and fairly_alone.route == "meedenker"


def test_a_danger_told_as_over_is_asked_about_only_when_the_semantic_net_is_worried_too():
    text = "vroeger had ik zelfmoordgedachten, nu al jaren niet meer. kan een ervaringsdeskundige mij helpen met werk?"
    assert decide_route(text, "hulpvraag", 0.9, True, net(0.4), THRESHOLD).tier is None
    assert decide_route(text, "hulpvraag", 0.9, True, net(0.75), THRESHOLD).tier == TIER_CHECK


def test_figurative_language_vetoes_a_weak_semantic_guess_but_not_a_sure_one():
    weak = decide_route("ik schrok me dood van die brief", "hulpvraag", 0.9, True, net(0.6), THRESHOLD)
    assert weak.tier is None and weak.route == "meedenker"
    # A short message that is the figure of speech and little else is believed, however sure the net
    # (conversations_blind.yml: "ik schrok me echt dood toen ik die brief opende" scored 0.96) ...
    short = decide_route("ik schrok me dood van die brief", "hulpvraag", 0.9, True, net(0.9), THRESHOLD)
    assert short.tier is None
    # ... a longer one, where other words may hold the danger, still gets the check from a sure net.
    sure = decide_route("ik schrok me dood van die brief en nu lig ik al nachten wakker en weet ik niet hoe het "
                        "verder moet met alles", "hulpvraag", 0.9, True, net(0.9), THRESHOLD)
    assert sure.tier == TIER_CHECK


def test_below_the_threshold_nothing_is_asked():
    decision = decide_route("ik zoek een baan", "hulpvraag", 0.9, True, net(0.3), THRESHOLD)
    assert decision.tier is None and decision.intent == "hulpvraag"


def test_english_crisis_gets_the_full_reply_now_that_english_replies_exist():
    decision = decide_route("my husband beats me", "engels", 0.9, False, net(0.9, "crisis_veilig_thuis"), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_veilig_thuis" and decision.language == "en"


def test_a_crisis_long_past_gets_the_check_with_its_route():
    decision = decide_route("ik heb lang geleden een zelfmoordpoging gedaan, nu gaat het goed. ik zoek werk",
                            "hulpvraag", 0.9, True, net(0.6), THRESHOLD)
    assert decision.tier == TIER_CHECK and decision.suspected == "crisis_113"


def test_acute_danger_is_never_softened_by_past_words():
    decision = decide_route("vroeger was het rustig maar nu ligt mijn vader op de grond en ademt niet",
                            "hulpvraag", 0.5, False, net(0.2), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_112"


def test_a_crisis_long_past_that_the_semantic_net_finds_calm_is_a_support_question():
    decision = decide_route("als kind ben ik mishandeld, dat is lang geleden. nu zoek ik werk",
                            "hulpvraag", 0.9, True, net(0.05), THRESHOLD)
    assert decision.tier is None and decision.route == "meedenker" and decision.reason.startswith("past:")


def test_when_both_nets_see_a_crisis_the_semantic_route_is_used():
    decision = decide_route("iets wat de regels niet kennen", "crisis_112", 0.9, False,
                            net(0.9, "crisis_veilig_thuis"), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_veilig_thuis"


def test_a_weak_intent_guess_that_the_semantic_net_rejects_asks_nothing():
    decision = decide_route("ik wil er een punt achter zetten, mijn aanvraag intrekken", "crisis_113", 0.6,
                            True, net(0.05), THRESHOLD)
    assert decision.tier is None


def test_a_sure_ordinary_question_is_not_asked_about_danger_on_a_moderate_semantic_guess():
    calm = decide_route("ik kan mijn huur niet meer betalen en heb schulden", "hulpvraag", 0.97, True,
                        net(0.6), THRESHOLD)
    assert calm.tier is None and calm.intent == "hulpvraag"
    worried = decide_route("ik heb schulden en het wordt me allemaal te veel", "hulpvraag", 0.97, True,
                           net(0.85), THRESHOLD)
    assert worried.tier == TIER_CHECK
    # "niet meer betalen" names what can no longer be done: believed (bot/understanding/practical.py, issue 25).
    everyday = decide_route("ik kan mijn huur niet meer betalen en heb schulden", "hulpvraag", 0.97, True,
                            net(0.85), THRESHOLD)
    assert everyday.tier is None


def test_the_english_intent_never_outweighs_the_semantic_net():
    decision = decide_route("I have been cutting again and it is worse than before", "engels", 0.99, False, net(0.6), THRESHOLD)
    assert decision.tier == TIER_CHECK and decision.language == "en"


def test_english_uses_the_more_sensitive_threshold():
    english = decide_route("I have been cutting again and it is worse than before", "engels", 0.99, False,
                           net(0.4), 0.45, english_threshold=0.35)
    dutch = decide_route("ik zit er doorheen met alles", "hulpvraag", 0.6, False, net(0.4), 0.45,
                         english_threshold=0.35)
    assert english.tier == TIER_CHECK and dutch.tier is None


def test_a_sure_dutch_intent_never_outweighs_the_semantic_net_on_english_text():
    decision = decide_route("been cutting again, worse than before. dont tell me to call someone", "hulpvraag",
                            0.95, False, net(0.4), 0.45, english_threshold=0.35)
    assert decision.tier == TIER_CHECK and decision.language == "en"


# Issue 24: danger inside a long message is heard sentence by sentence.

def test_a_rule_signal_is_not_told_away_by_past_words_in_another_sentence():
    text = ("Vorig jaar ben ik mijn baan kwijtgeraakt en jaren geleden had ik ook al schulden. "
            "De brieven stapelen zich op. Ik wil er niet meer zijn.")
    decision = decide_route(text, "hulpvraag", 0.95, True, net(0.1), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_113"


def test_a_crisis_told_as_past_in_its_own_sentence_still_gets_only_the_check():
    text = "Jaren geleden wilde ik er niet meer zijn. Nu zoek ik werk, kunt u helpen?"
    decision = decide_route(text, "hulpvraag", 0.95, True, net(0.6), THRESHOLD)
    assert decision.tier == TIER_CHECK


def test_one_sentence_the_semantic_net_suspects_gets_the_safety_check_with_its_route():
    text = "Ik heb schulden bij de belasting. De huur is te hoog. Soms denk ik aan de rails achter ons huis."
    parts = [("Ik heb schulden bij de belasting.", net(0.05)), ("De huur is te hoog.", net(0.02)),
             ("Soms denk ik aan de rails achter ons huis.", net(0.97, "crisis_113"))]
    decision = decide_route(text, "hulpvraag", 0.97, True, net(0.2), THRESHOLD, None, parts)
    assert decision.tier == TIER_CHECK and decision.suspected == "crisis_113"
    assert decision.reason.startswith("check:segment:")
    calm = decide_route(text, "hulpvraag", 0.97, True, net(0.2), THRESHOLD, None,
                        [(t, net(0.1)) for t, _ in parts])
    assert calm.tier is None and calm.route == "meedenker"


def test_a_figurative_sentence_vetoes_its_own_weak_suspicion_only():
    parts = [("Ik schrok me dood van de brief van de belasting.", net(0.99)), ("Wat moet ik doen?", net(0.01))]
    decision = decide_route(" ".join(t for t, _ in parts), "hulpvraag", 0.9, True, net(0.1), THRESHOLD, None, parts)
    assert decision.tier is None


def test_acute_danger_is_softened_only_by_its_own_sentence():
    now = decide_route("Vorig jaar ben ik ontslagen. Ik heb net alle pillen ingenomen.", "hulpvraag", 0.9, True,
                       net(0.1), THRESHOLD)
    assert now.tier == TIER_FULL and now.route == "crisis_112"
    over = decide_route("Vorige week was er brand in onze flat, niemand gewond. Waar kunnen we slapen?",
                        "hulpvraag", 0.9, True, net(0.1), THRESHOLD)
    assert over.tier is None and over.route == "meedenker"


def test_a_short_answer_to_a_form_question_is_read_as_an_answer_first():
    # "Zondag is goed, dan ben ik vrij" at the moment question: one model's doubt asks nothing.
    calm = decide_route("Zondag is goed, dan ik ben vrij", "crisis_113", 0.51, False, net(0.3), 0.26,
                        answering=True, plain_answer=True)
    assert calm.tier is None
    unsure = decide_route("na 1 uur, eerder ben ik niet wakker", "crisis_113", 0.67, False, net(0.71), 0.26,
                          answering=True, plain_answer=True)
    assert unsure.tier is None
    both = decide_route("morgen, als het dan nog kan", "crisis_113", 0.9, False,
                        net(0.9), 0.26, answering=True, plain_answer=True)
    assert both.tier == TIER_CHECK and both.suspected == "crisis_113"
    # A rule always speaks, at any step.
    rule = decide_route("maakt niet uit. ik wil dood", "hulpvraag", 0.9, False, net(0.1), 0.26,
                        answering=True, plain_answer=True)
    assert rule.tier == TIER_FULL and rule.route == "crisis_113"
    # The same short text as a first message is judged as before.
    first = decide_route("na 1 uur, eerder ben ik niet wakker", "crisis_113", 0.67, False, net(0.71), 0.26)
    assert first.tier == TIER_CHECK


def test_a_message_that_is_no_answer_is_judged_as_a_first_message_at_any_step():
    # A child's disclosure typed at the summary question: one model's suspicion asks, as always.
    hint = decide_route("mijn oom zegt dat het ons geheimpje is", "hulpvraag", 0.6, False,
                        net(0.8, "crisis_veilig_thuis"), 0.26, answering=True)
    assert hint.tier == TIER_CHECK and hint.suspected == "crisis_veilig_thuis"


def test_a_figure_of_speech_gets_at_most_the_check_however_sure_the_semantic_net_is():
    decision = decide_route("ik ben doodmoe eerlijk gezegd want ze loopt 's nachts veel rond en ik weet "
                            "het echt niet meer", "crisis_113", 0.99, False, net(0.99), 0.26)
    assert decision.tier == TIER_CHECK


def test_inside_a_question_the_models_alone_ask_and_only_a_rule_gives_the_full_reply():
    long_answer = ("Ik ga er zelf niet echt onderdoor om een paar keer per dag die trap op te lopen, "
                   "maar voor haar is het echt te zwaar geworden en dat zie ik elke dag.")
    asked = decide_route(long_answer, "crisis_113", 0.95, True, net(0.9), 0.26, answering=True)
    assert asked.tier == TIER_CHECK
    first = decide_route(long_answer, "crisis_113", 0.95, True, net(0.9), 0.26)
    assert first.tier == TIER_FULL
    neighbour = decide_route("Vorige week deed hij een paar dagen niet open, maar hij bleek gewoon bij zijn dochter "
                             "te logeren.", "hulpvraag", 0.9, True, net(0.1), 0.26, answering=True)
    assert neighbour.tier is None


def test_after_a_no_to_the_safety_check_one_models_doubt_does_not_ask_again():
    doubt = decide_route("mijn knieen doen ook veel pijn smorgens", "crisis_113", 0.6, True, net(0.5), 0.26,
                         check_declined=True)
    assert doubt.tier is None
    assert decide_route("mijn knieen doen ook veel pijn smorgens", "crisis_113", 0.6, True, net(0.5),
                        0.26).tier == TIER_CHECK
    both = decide_route("ik zie er geen gat meer in", "crisis_113", 0.9, False, net(0.9), 0.26, check_declined=True)
    assert both.tier == TIER_CHECK
    rule = decide_route("ik heb net al mijn pillen ingenomen", "hulpvraag", 0.9, False, net(0.1), 0.26,
                        check_declined=True)
    assert rule.tier == TIER_FULL and rule.route == "crisis_112"


# Residents' tests (issue 25): "niet meer" with an everyday object is trouble, not a wish to die.
EVERYDAY_NIET_MEER = [
    "ik kan het niet meer betalen en ik slaap er niet meer van",
    "ik ben er klaar mee, met al die brieven",
    "ik trek het niet meer met de kinderen in één kamer",
    "ze wil niet meer naar school en ik weet niet meer wat ik moet doen",
    "hij kan niet meer lopen en ik kan het niet meer alleen",
    "ik heb geen zin meer in dit gedoe met de uwv",
]
BARE_NIET_MEER = [
    "ik wil niet meer", "ik kan niet meer", "ik weet het niet meer", "ik kan het niet meer aan",
    "het hoeft voor mij allemaal niet meer zo", "ik heb nergens meer zin in", "ik ben er klaar mee",
    "ik zie het niet meer zitten met die schulden", "ik wil niet meer, ik kan de huur niet meer betalen",
]


def test_everyday_niet_meer_is_believed_even_when_both_models_are_sure():
    for text in EVERYDAY_NIET_MEER:
        decision = decide_route(text, "crisis_113", 0.9, True, net(0.9), THRESHOLD, answering=True)
        assert decision.tier is None and decision.route == "meedenker", text
        first = decide_route(text, "crisis_113", 0.9, True, net(0.9), THRESHOLD)
        assert first.tier is None, text


def test_bare_niet_meer_keeps_the_models_view():
    for text in BARE_NIET_MEER:
        decision = decide_route(text, "crisis_113", 0.9, False, net(0.9), THRESHOLD, answering=True)
        assert decision.tier == TIER_CHECK, text
    # A word of ending beside an everyday object is no everyday trouble: the rule fires.
    ruled = decide_route("ik kan de huur niet meer betalen en ik wil er niet meer zijn", "hulpvraag", 0.9, True,
                         net(0.2), THRESHOLD)
    assert ruled.tier == TIER_FULL


def test_a_farewell_with_an_everyday_niet_meer_is_no_everyday_trouble():
    from bot.understanding.practical import is_practical_trouble
    assert not is_practical_trouble("U hoeft mij niet meer te bellen. Mijn zaken zijn op orde. Het is goed zo.")
    assert not is_practical_trouble("ik kan de trap niet meer op. " * 8)  # a long message: the models judge it
    assert is_practical_trouble("ik kan de trap niet meer op")


def test_acute_danger_told_with_niet_meer_is_never_everyday_trouble():
    from bot.understanding.practical import is_practical_trouble
    for text in ("hij reageert niet meer op mij en ik weet niet of hij nog ademt", "hij staat niet meer op",
                 "mijn moeder eet en drinkt niet meer"):
        assert not is_practical_trouble(text), text


def test_stopping_an_addiction_is_everyday_trouble_but_not_with_words_of_risk():
    """Residents' round 44: "wat doe ik als ik vanavond weer wil gokken" got "denkt u aan zelfdoding?"
    twice, the second time after the resident had said no."""
    from bot.understanding.practical import is_practical_trouble
    assert is_practical_trouble("laatste vraag. tot woensdag, wat doe ik als ik vanavond weer wil gokken")
    assert is_practical_trouble("ik kan niet stoppen met drinken, hoe kom ik ervan af")
    assert decide_route("wat doe ik als ik vanavond weer wil gokken", "crisis_113", 0.95, True, net(0.86), 0.3).tier is None
    for text in ("ik gok alles weg en wil er een eind aan maken", "ik drink elke dag en ik wil niet meer",
                 "ik heb alle pillen genomen met drank", "ik ben dronken"):
        assert not is_practical_trouble(text), text


LONG_ORDINARY = ("Mijn vader heeft longkanker en de artsen geven hem nog een paar maanden. Hij woont in "
                 "Terneuzen en ik in Breda, dus ik rijd twee keer per week heen en weer. Hoe regel ik zorgverlof?")


def test_a_long_message_needs_a_higher_semantic_score_for_the_check_than_a_short_one():
    # heavy_ordinary.yml: 11 % of heavy-but-ordinary messages got the check, most of them long stories.
    long_calm = decide_route(LONG_ORDINARY, "hulpvraag", 0.6, True, net(0.47), 0.34)
    assert long_calm.tier is None and long_calm.route == "meedenker"
    long_heavy = decide_route(LONG_ORDINARY, "hulpvraag", 0.6, True, net(0.65), 0.34)
    assert long_heavy.tier == TIER_CHECK
    short = decide_route("het heeft allemaal geen zin meer voor mij", "hulpvraag", 0.6, False, net(0.47), 0.34)
    assert short.tier == TIER_CHECK


@pytest.mark.parametrize("text", [
    "mijn zoontje van 3 slaat en schopt mij als hij zn zin niet krijgt, is dat normaal? ik wil opvoedtips",
    "mijn dochter 6 jaar, zij schreeuwt en slaat mij als ik zeg tv uit. Is dat normaal?",
    "Mijn zoontje van vier riep tegen de juf dat hij haar ging doodschieten, met zijn vinger als pistool.",
    "ik keek gisteren naar een documentaire over jongeren en zelfdoding, waar vind ik informatie over signalen",
])
def test_a_young_childs_tantrum_or_a_documentary_gets_at_most_the_check(text):
    decision = decide_route(text, "crisis_veilig_thuis", 0.95, False, net(0.95, "crisis_veilig_thuis"), THRESHOLD)
    assert decision.tier != TIER_FULL


@pytest.mark.parametrize("text", [
    "mijn dochtertje van 4 zegt dat papa haar slaat",
    "mijn vriend slaat mijn zoontje van 4 en schopt hem als hij huilt",
    "mijn zoontje van 4 zegt dat papa hem gaat doodmaken",
])
def test_a_young_child_hurt_by_an_adult_is_not_taken_for_a_tantrum(text):
    decision = decide_route(text, "crisis_veilig_thuis", 0.95, False, net(0.95, "crisis_veilig_thuis"), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_veilig_thuis"


@pytest.mark.parametrize("text", [
    # messy_blind_3.yml (blind, first score): each got the full crisis reply from a rule.
    "we moeten voor nederlands een boek lezen over een jongen die zelfmoord pleegt en nu moet ik een verslag "
    "schrijven maar ik snap er niks van. is er ergens gratis huiswerkbegeleiding",
    "Ik zag op AT5 dat er weer een jongen is neergestoken in Zuidoost. Mijn zoon van 17 gaat elke avond naar "
    "buiten en ik lig wakker. Er is niks gebeurd hoor, maar waar kan ik hulp krijgen om met hem te praten?",
    "Mijn dochter van vier heeft de laatste weken enorme driftbuien. Als ze haar zin niet krijgt, gooit ze met "
    "spullen, stampt ze op de grond en gilt ze dat ze dood wil en dat ik de stomste mama van de wereld ben.",
])
def test_a_book_for_school_the_news_or_a_toddlers_tantrum_gets_at_most_the_check(text):
    decision = decide_route(text, "hulpvraag", 0.9, True, net(0.7), THRESHOLD)
    assert decision.tier == TIER_CHECK
    calm = decide_route(text, "hulpvraag", 0.9, True, net(0.02), THRESHOLD)
    assert calm.tier is None and calm.route == "meedenker"


@pytest.mark.parametrize("text", [
    "ik heb iets genomen, voel me raar, weet niet meer hoeveel",
    "mijn vriend heeft pillen geslikt met drank, hij weet niet hoeveel",
])
def test_something_taken_without_knowing_how_much_is_acute(text):
    # messy_blind_3.yml: the first message was heard by no net at all.
    decision = decide_route(text, "hulpvraag", 0.5, False, net(0.1), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_112"


def test_the_news_softens_nothing_a_resident_says_of_themselves():
    decision = decide_route("ik wil dood, niemand leest mijn verhaal in de krant", "hulpvraag", 0.5, False,
                            net(0.1), THRESHOLD)
    assert decision.tier == TIER_FULL and decision.route == "crisis_113"


def test_acute_danger_dated_years_back_in_its_own_clause_gets_the_check():
    past = decide_route("mn mattie is 2 jaar terug doodgestoken, ik denk er nog steeds veel aan. ik wil "
                        "vrijwilligerswerk met jongeren doen", "hulpvraag", 0.9, True, net(0.02), THRESHOLD)
    assert past.tier != TIER_FULL
    now = decide_route("2 jaar terug is hij ontslagen, nu staat hij met een mes in de gang", "hulpvraag", 0.9,
                       False, net(0.02), THRESHOLD)
    assert now.tier == TIER_FULL and now.route == "crisis_112"


@pytest.mark.parametrize("text", [
    "ik wil graag dat een meedenker mij belt over mijn vader met dementie",
    "Mijn moeder van 85 woont alleen en vergeet steeds meer. Ik wil graag dat een meedenker mij belt.",
    "kan een meedenker me terugbellen over de huurachterstand?",
])
def test_asking_to_be_called_about_a_worry_is_a_support_question_not_a_question_about_meedenkers(text):
    # Residents' round 36: 4 of 4 got the info text, and their "ja" after it started over.
    decision = decide_route(text, "info_wat_doet", 0.97, True)
    assert decision.route == "meedenker" and decision.intent == "hulpvraag"


def test_a_question_about_what_a_meedenker_does_stays_a_question():
    decision = decide_route("wat doet een meedenker als hij mij belt?", "info_wat_doet", 0.97, False)
    assert decision.route == "info"


def test_the_check_asked_back_in_english_is_no_disclosure():
    """Residents' round 45: "why you ask me about suicide?? i only ask about language" got the full 113
    reply after the resident had said no; "why would I live, suicide is the only way" keeps it."""
    from bot.understanding.crisis import crisis_signals, is_negated_crisis
    assert is_negated_crisis("why you ask me about suicide?? i only ask about language. meedenker speak english?")
    assert crisis_signals("why you ask me about suicide?? i only ask about language") == []
    assert [s.rule for s in crisis_signals("why would I live anymore, suicide is the only way")] == ["113.zelfmoord"]


def test_a_question_about_the_service_never_gets_the_full_reply_from_the_models_alone():
    """Residents' round 45: "wat als ik niet opneem? bellen ze dan nog een keer of is het dan klaar" had
    the full 113 reply from both models; asked as a question about the service they only ask."""
    from bot.understanding.crisis_net import CrisisScores
    from bot.understanding.routing import decide_route
    text = "wat als ik niet opneem? bellen ze dan nog een keer of is het dan klaar"
    sure = CrisisScores(0.99, "crisis_113", 0.99)
    assert decide_route(text, "crisis_113", 0.96, False, sure, 0.27).tier == "volledig"
    asked = decide_route(text, "crisis_113", 0.96, False, sure, 0.27, service_question=True)
    assert asked.tier == "check" and asked.suspected == "crisis_113"
    rule = decide_route("ik wil niet meer leven, kan ik 113 bellen?", "crisis_113", 0.96, False, sure, 0.27,
                        service_question=True)
    assert rule.tier == "volledig"


def test_a_form_answer_in_another_language_is_asked_about_only_when_the_net_is_sure():
    """Residents' round 45: "06-23456789. sadece sabah, cuma değil" (a number, mornings, not Friday) at the
    contact question got the safety check in Turkish from the semantic net alone (0.29 over 0.27)."""
    from bot.understanding.crisis_net import CrisisScores
    from bot.understanding.routing import decide_route
    text = "06-23456789. sadece sabah, cuma değil"
    doubt = CrisisScores(0.29, "crisis_113", 0.5)
    assert decide_route(text, "hulpvraag", 0.69, False, doubt, 0.27).tier == "check"  # a first message: asked
    assert decide_route(text, "hulpvraag", 0.69, False, doubt, 0.27, plain_answer=True).tier is None
    sure = CrisisScores(0.9, "crisis_113", 0.9)
    assert decide_route(text, "hulpvraag", 0.69, False, sure, 0.27, plain_answer=True).tier == "check"


def test_wanting_to_be_with_a_dead_wife_is_asked_about_even_inside_the_form():
    """Residents' round 45: a widower typed "soms denk ik dat ik beter bij haar kan zijn" with his place at
    the gemeente question and got the next question of the form; it is a doubt, asked gently."""
    from bot.understanding.crisis_net import CrisisScores
    from bot.understanding.routing import decide_route
    text = "in goes. al vijftig jaar, samen met riet. nu alleen. soms denk ik dat ik beter bij haar kan zijn."
    calm = CrisisScores(0.1, "crisis_113", 0.1)
    decision = decide_route(text, "hulpvraag", 0.6, False, calm, 0.27, answering=True, plain_answer=True)
    assert decision.tier == "check" and decision.suspected == "crisis_113"
    visit = decide_route("ik denk dat ik beter bij haar kan zijn op zaterdag, dan is zij niet alleen", "hulpvraag", 0.9,
                         False, calm, 0.27)
    assert visit.tier is None


def test_residents_round_46_false_alarms_and_an_exhausted_carer():
    """Residents' round 46: "waarom noemt u steeds die nummers van zelfdoding?" had the full 113 reply; the
    intent model's own hint of danger at the consent question and after "nee ik ben veilig" asked the
    check again; "ik heb al gegeven nummer? opnieuw?" got the check from the semantic net alone; an
    exhausted carer's "u luistert niet. ik kan echt niet meer hoor" was read as a "nee"."""
    calm = CrisisScores(0.05, "crisis_113", 0.1)
    unsure = CrisisScores(0.4, "crisis_113", 0.6)
    complaint = decide_route("waarom noemt u steeds die nummers van zelfdoding? daar heb ik het toch niet over",
                             "hulpvraag", 0.9, False, calm, 0.27)
    assert complaint.tier is None
    assert decide_route("waarom zelfmoord? ik wil niet meer leven", "crisis_113", 0.9, False, calm, 0.27).tier == TIER_FULL
    privacy = "ja ok maar wat gebeurt er met mijn nummer komt dat ergens bij de gemeente terecht"
    at_consent = decide_route(privacy, CHECK_INTENT, 0.65, False, calm, 0.27, answering=True)
    assert at_consent.tier is None and at_consent.intent != CHECK_INTENT
    safe = decide_route("nee ik ben veilig ik vroeg wat er met mijn nummer gebeurt", CHECK_INTENT, 0.9, False, calm,
                        0.27, answering=True, check_declined=True)
    assert safe.tier is None and safe.intent != CHECK_INTENT
    first = decide_route("ik weet niet of ik nog veilig ben", CHECK_INTENT, 0.9, False, calm, 0.27)
    assert first.tier == TIER_CHECK and first.intent == CHECK_INTENT  # a first message: still asked, and counted
    again = "ik heb al gegeven nummer? opnieuw?"
    assert decide_route(again, "hulpvraag", 0.6, False, unsure, 0.27).tier == TIER_CHECK
    assert decide_route(again, "hulpvraag", 0.6, False, unsure, 0.27, service_question=True).tier is None
    carer = decide_route("u luistert niet. ik kan echt niet meer hoor", "ontkennen", 0.9, False, calm, 0.27,
                         answering=True)
    assert carer.tier == TIER_CHECK and carer.suspected == "crisis_113"
    story = decide_route("mijn moeder heeft alzheimer en ik zorg dag en nacht voor haar, ik kan niet meer.",
                         "hulpvraag", 0.9, True, calm, 0.27)
    assert story.tier is None
    assert decide_route("ik kan niet meer lopen zonder stok", "hulpvraag", 0.9, True, calm, 0.27).tier is None


def test_hearing_that_got_worse_told_with_a_number_is_no_danger():
    """Residents' round 47: "0612345678, mijn kleinzoon Daan neemt dan op want ik hoor niet zo goed meer" at the
    contact question got "denkt u erover om uzelf iets aan te doen?" from both models."""
    from bot.understanding.practical import is_practical_trouble
    text = "[TELEFOON], mijn kleinzoon Daan neemt dan op want ik hoor niet zo goed meer"
    assert is_practical_trouble(text)
    assert decide_route(text, "crisis_113", 0.953, False, net(0.819), 0.27, answering=True, plain_answer=True).tier is None
    assert not is_practical_trouble("ik zie het niet meer zitten")
    assert not is_practical_trouble("ik hoor niet zo goed meer en ik wil niet meer leven")
