"""Which route fits a message (domain guide §4), from the intent model and the crisis nets.

Crisis comes first and never rests on a threshold alone. Two tiers:
- the full crisis reply: a reviewed rule in bot/understanding/crisis/ fires (whatever the models say), or the
  intent model is sure and the semantic net (bot/understanding/crisis_net.py) agrees, or the semantic net alone
  is very sure;
- a gentle safety check ("Bent u of iemand anders in gevaar?", the numbers already shown): only
  the semantic net, or only the intent model, suspects a crisis, or a rule fires on a crisis told
  as long past ("lang geleden") that the semantic net still finds worrying. Asking costs a moment,
  a miss can cost a life.
Known figurative language ("ik schrok me dood") and explicit denials veto a model's guess unless
the semantic net is sure of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from bot.understanding.crisis import (
    CrisisSignal,
    crisis_signals,
    is_near_miss,
    is_negated_crisis,
    is_told_as_long_ago,
    is_told_as_over,
    is_told_as_past_or_information,
)
from bot.understanding import crisis_languages
from bot.understanding.crisis.doubts import doubt
from bot.understanding.crisis_net import SURE, CrisisScores
from bot.understanding.languages import DUTCH, ENGLISH, conversation_language, detect
from bot.understanding.practical import is_practical_trouble
from bot.understanding.segments import sentences, word_count
from bot.understanding.werkmodel import (
    CRISIS_ROUTES,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)

# The intent model may add a crisis the rules missed, but only when it is this sure, the message
# is Dutch (the model never saw English), and nothing in it denies or softens the crisis.
MODEL_CRISIS_THRESHOLD = 0.8
# The semantic net's guess survives figurative or denying words only when it is this sure.
SEMANTIC_OVER_VETO = 0.8
# The full reply on the intent model's word needs the semantic net at least this sure too (below it
# and above the check threshold: the safety check). Issue 24: "Mijn zoon school zegt hij moet naar
# andere klas" had intent 0.91 and semantic 0.41. On English the intent model's certainty says
# little (it never saw English), so the semantic net must be surer there.
# 0.5 at first; 0.8 since heavy_ordinary.yml: a husband who drinks "maar is niet agressief" (intent
# 0.81, semantic 0.50) and a son in prison (0.88, 0.73) got the Veilig Thuis reply. Below it: the check.
# 0.85 since messy_blind_3.yml: a brother addicted to gambling (intent 0.97, semantic 0.81) got it too.
MODEL_FULL_SEMANTIC = 0.85
MODEL_FULL_SEMANTIC_EN = 0.8
# One sentence of a long message is short, and short texts score higher than the whole messages
# the net was trained on: at the message threshold (0.26) 29 % of everyday stories had a sentence
# above it (tests/data/everyday_blind.yml). Alone, a sentence asks the safety check only when the
# net is this sure of it: 0.9 at first; the blind messy set's long stories then had ordinary
# sentences at 0.90-0.93 and the three crises heard only this way at 0.99-1.00 (issue 24, tuned).
SEGMENT_THRESHOLD = 0.95
# The net's check threshold is chosen on the training examples, most of them one or two sentences.
# A long message carries more heavy words (a diagnosis, a death, a divorce) and scores higher on
# them: on tests/data/heavy_ordinary.yml (300 heavy-but-ordinary messages, a blind helper's) 11 % got
# the check. From this many words the whole message needs this score; a single sentence of danger
# in it is still heard by the sentence scores (SEGMENT_THRESHOLD). Chosen on heavy_ordinary.yml with
# no crisis lost in any blind set (docs/measurements.md, "Heavy but ordinary").
LONG_MESSAGE_WORDS = 20
LONG_CHECK_THRESHOLD = 0.6
# A short message whose danger words are a known figure of speech ("ik schrok me echt dood toen ik
# die brief opende", semantic 0.96; "het water staat aan me lippe", 0.95) is believed: the net
# scores short texts high, and nothing else in so few words can hold a danger the rules miss.
SHORT_FIGURE_WORDS = 12
# An answer to a pending question this short is judged as an answer first (see decide_route).
SHORT_ANSWER_WORDS = 20
# An intent model this sure of an ordinary question outweighs a semantic guess below
# SEMANTIC_OVER_VETO: "ik kan mijn huur niet meer betalen" is not asked whether anyone is in danger.
# 0.9 at first; 0.95 since the heavy-but-ordinary training examples made the intent model surer of
# ordinary readings: "zeg tegen mn moeder dat het niet haar schuld is. ik ben er klaar mee" had 0.93.
ORDINARY_SURE = 0.95
# The intent model alone, against a semantic net below its threshold, asks the safety check only
# when this sure. 0.8 (MODEL_CRISIS_THRESHOLD) at first; on four blind sets (451 crises) it heard no
# crisis the other nets missed, and asked 12 of 1,458 ordinary residents (messy_blind_3.yml, issue 24).
MODEL_ALONE_CHECK = 0.97
# A rule hit told as past or for information ("vorig jaar heb ik een poging gedaan, nu zoek ik
# werk") asks the check only when the semantic net is this worried too: on the same sets it heard no
# crisis, and asked 11 ordinary residents about a danger they had just said was over.
PAST_CHECK_THRESHOLD = 0.6
TIER_FULL = "volledig"
TIER_CHECK = "check"
CHECK_INTENT = "crisis_check"
# Below this, an intent that carries no worry (info, out of scope) yields to the werkmodel
# classifier when that one finds a leefgebied: "ik kan de huur niet betalen" is a support question
# even if the intent model thinks of "wat kost het".
TOPIC_OVERRIDE_CONFIDENCE = 0.9

# Intents that carry a worry, and the route each one means.
INTENT_ROUTES: dict[str, str] = {
    "hulpvraag": ROUTE_MEEDENKER,
    "mens_gevraagd": ROUTE_MEEDENKER,
    "luisteren": ROUTE_LUISTEREN,
    "crisis_113": "crisis_113",
    "crisis_112": "crisis_112",
    "crisis_veilig_thuis": "crisis_veilig_thuis",
}
INFO_PREFIX = "info_"
# Info questions are about meedenkers themselves (domain guide §4); without such words, a message
# with a life area is a support question ("moet ik die rekening betalen" is not "wat kost het").
_ABOUT_MEEDENKER = re.compile(
    r"meedenker|cli[eë]nt ?ondersteun|ondersteuner|jullie|gratis|onafhankelijk|keukentafel|"
    r"sociaal team|wijkteam|kost (?:het|dat|dit)|betalen voor|wat doe|wie kies",
    re.IGNORECASE,
)
# A resident who asks to be called about a worry ("ik wil graag dat een meedenker mij belt over mijn
# vader met dementie") asks for help, not what a meedenker is (residents' round 36: 4 of 4 got the
# info text, and their "ja" after it started the conversation again).
_CALLBACK_ASKED = re.compile(
    r"\b(?:mij|me|ons) (?:terug ?)?(?:bel(?:t|len)?|op ?bellen|opbelt)\b|\bbel (?:mij|me|ons)\b|\bterug ?bellen\b"
    r"|\b(?:mij|me|ons) (?:kan|kunnen|wil|wilt) (?:terug ?)?bellen\b",
    re.IGNORECASE,
)
# Intents about the conversation itself: they carry no worry, so no leefgebied or doelgroep.
NO_TOPIC_INTENTS = frozenset(
    {"groet", "afscheid", "bedankt", "bevestigen", "ontkennen", "opnieuw", "buiten_bereik", "info_bot"}
)


@dataclass(frozen=True)
class RouteDecision:
    route: str | None  # None: the message holds no worry yet (a greeting, a "ja")
    intent: str  # the intent the dialogue should act on (a crisis rule overrides the model)
    reason: str  # "rule:<id>", "model", "language", "intent"
    crisis: CrisisSignal | None = None
    language: str = "nl"
    tier: str | None = None  # TIER_FULL or TIER_CHECK when a crisis is (suspected to be) present
    suspected: str | None = None  # the crisis route a safety check is about

    @property
    def has_topic(self) -> bool:
        """Whether leefgebieden and doelgroepen apply to this message."""
        return self.route is not None and self.route != ROUTE_INFO


def route_for_intent(intent: str) -> str | None:
    if intent.startswith(INFO_PREFIX) and intent != "info_bot":
        return ROUTE_INFO
    return INTENT_ROUTES.get(intent)


def decide_route(text: str, intent: str, confidence: float, has_leefgebied: bool = False,
                 semantic: CrisisScores | None = None, check_threshold: float = 1.0,
                 english_threshold: float | None = None,
                 segments: Sequence[tuple[str, CrisisScores]] = (), answering: bool = False,
                 plain_answer: bool = False, check_declined: bool = False,
                 service_question: bool = False) -> RouteDecision:
    """The route of one message: crisis rules first, then both crisis nets, then the werkmodel.

    `has_leefgebied` says whether the werkmodel classifier found a life area in the message;
    `semantic` is the semantic crisis net's view and `check_threshold` its safety-check threshold
    (`english_threshold` for English, where the intent model cannot help). `segments` are the
    net's view of each sentence of a long message (bot/understanding/segments.py): one sentence of danger in a
    story about debts is heard there when the whole text's score is drowned. `answering` says the
    conversation waits for an answer (a form field, a yes or no): there only a rule gives the full
    reply. `plain_answer` says the text answers the pending form field by that field's own parser
    ("Zondag is goed, dan ben ik vrij"): such a short answer is asked about danger only when both
    models, or one sentence, are sure of it. Any other message at any step is judged as a first
    message is: a child's "mijn oom zegt dat het ons geheimpje is" at the summary gets the check.
    `check_declined` says the resident answered the safety check with "nee" in this session: then,
    too, only both models, one sentence or a rule ask again. `service_question` says the text asks
    one of the service's own questions (an FAQ, with "?"): there, too, the models alone only ask
    ("wat als ik niet opneem? bellen ze dan nog een keer of is het dan klaar" had the full 113 reply).
    """
    signal, past = _first_signal(text)
    language = _language(text)
    if signal is None:
        # Danger told in Arabic, Turkish, Polish, Ukrainian or Tigrinya: the same route as a Dutch
        # rule, and the rule says the language the reply is written in (issue 27).
        heard = crisis_languages.signals(text)
        if heard:
            return RouteDecision(heard[0].signal.route, heard[0].signal.route, f"rule:{heard[0].signal.rule}",
                                 heard[0].signal, heard[0].language, TIER_FULL)
    if language != DUTCH and english_threshold is not None:
        check_threshold = english_threshold
    elif language == DUTCH and word_count(text) >= LONG_MESSAGE_WORDS:
        check_threshold = max(check_threshold, LONG_CHECK_THRESHOLD)
    crisis_probability = semantic.crisis if semantic is not None else 0.0
    semantic_suspects = semantic is not None and crisis_probability >= check_threshold
    if signal is not None:
        if past:
            # "lang geleden", "voor een spreekbeurt": ask gently instead, with the numbers in view;
            # when the semantic net, too, sees no danger now, it is a support question.
            ordinary = _ordinary_route(text, "hulpvraag", confidence, has_leefgebied, language)
            if semantic is not None and crisis_probability < max(check_threshold, PAST_CHECK_THRESHOLD):
                return replace(ordinary, reason=f"past:rule:{signal.rule}", crisis=signal)
            return replace(ordinary, intent=CHECK_INTENT, reason=f"check:rule:{signal.rule}", crisis=signal,
                           tier=TIER_CHECK, suspected=signal.route)
        return RouteDecision(signal.route, signal.route, f"rule:{signal.rule}", signal, language, TIER_FULL)
    doubted = doubt(text) if not is_negated_crisis(text) else None
    if doubted is not None:
        decision = _ordinary_route(text, calm_intent(intent, has_leefgebied), confidence, has_leefgebied, language)
        return replace(decision, intent=CHECK_INTENT, reason=f"check:doubt:{doubted[0]}", tier=TIER_CHECK,
                       suspected=doubted[1])
    if language not in (DUTCH, ENGLISH):
        # Arabic, Turkish, Polish, Ukrainian, Tigrinya: only their rules (above) give the full reply.
        # The intent model never saw them, and the semantic net reads them by meaning alone and
        # alarms on ordinary letters too (docs/languages.md), so it may only ask the safety check.
        # A form answer ("06-23456789. sadece sabah, cuma değil") is asked about only when the net is
        # sure (residents' round 45: a Turkish mother's number and moment got the safety check).
        limit = max(check_threshold, SEMANTIC_OVER_VETO) if plain_answer or check_declined else check_threshold
        suspected = semantic.route if semantic is not None and crisis_probability >= limit else None
        decision = _ordinary_route(text, intent, confidence, has_leefgebied, language)
        if suspected is None:
            return decision
        return replace(decision, intent=CHECK_INTENT, reason=f"check:semantic:{language}", tier=TIER_CHECK,
                       suspected=suspected)
    # Fiction, the news, a young child's tantrum told in so many words: a model's guess gets at most
    # the safety check (heavy_ordinary.yml: "mijn zoontje van 3 slaat en schopt mij" had the full reply).
    vetoed = (is_near_miss(text) or is_negated_crisis(text) or is_practical_trouble(text)
              or is_told_as_over(text, soft=False))
    # Only for Dutch: on English the intent model's certainty says little about the meaning.
    ordinary_sure = (language == "nl" and intent not in CRISIS_ROUTES and intent not in ("engels", CHECK_INTENT)
                     and confidence >= ORDINARY_SURE)
    # A question about the service itself ("ik heb al gegeven nummer? opnieuw?", residents' round 46) is
    # asked about danger by the semantic net alone only when it is sure.
    if (vetoed or ordinary_sure or service_question) and crisis_probability < SEMANTIC_OVER_VETO:
        semantic_suspects = False
    model_crisis = intent in CRISIS_ROUTES and not vetoed
    if (plain_answer and word_count(text) <= SHORT_ANSWER_WORDS) or check_declined:
        both_sure = (model_crisis and confidence >= MODEL_CRISIS_THRESHOLD
                     and crisis_probability >= SEMANTIC_OVER_VETO)
        decision = _ordinary_route(text, calm_intent(intent, has_leefgebied), confidence, has_leefgebied, language)
        suspected = (semantic.route if semantic is not None else intent) if both_sure else \
            _segment_suspicion(segments, check_threshold, english_threshold)
        if suspected is not None:
            return replace(decision, intent=CHECK_INTENT, reason=f"check:answer:{decision.reason}",
                           tier=TIER_CHECK, suspected=suspected)
        return decision
    if vetoed:
        # A figure of speech gets at most the safety check, however sure a model is; a resident who
        # says in so many words that they do not think of it is believed (residents' tests, issue 25),
        # and so is one whose every "niet meer" has an everyday object (bot/understanding/practical.py).
        short_figure = is_near_miss(text) and word_count(text) <= SHORT_FIGURE_WORDS
        if (crisis_probability >= SEMANTIC_OVER_VETO and not is_negated_crisis(text) and not is_practical_trouble(text)
                and not short_figure):
            decision = _ordinary_route(text, calm_intent(intent, has_leefgebied), confidence, has_leefgebied,
                                       language)
            return replace(decision, intent=CHECK_INTENT, reason=f"check:vetoed:{decision.reason}",
                           tier=TIER_CHECK, suspected=semantic.route if semantic is not None else intent)
        semantic_suspects = False
    full_semantic = MODEL_FULL_SEMANTIC if language == DUTCH else MODEL_FULL_SEMANTIC_EN
    # Inside a conversation's question (answering), the models alone ask; only a rule gives the
    # full reply there: a long answer full of everyday words is where they misfire most.
    if (not answering and not service_question and model_crisis and confidence >= MODEL_CRISIS_THRESHOLD
            and (semantic is None or (semantic_suspects and crisis_probability >= full_semantic))):
        # Both nets see a crisis; the semantic net names the route better on unseen wording.
        route = semantic.route if semantic is not None else intent
        return RouteDecision(route, route, "model", None, language, TIER_FULL)
    if (not answering and not service_question and semantic_suspects and crisis_probability >= SURE
            and semantic.route_probability >= SURE / 2):
        return RouteDecision(semantic.route, semantic.route, "semantic", None, language, TIER_FULL)
    suspected = None
    if semantic_suspects:
        suspected = intent if model_crisis else semantic.route
    elif model_crisis and confidence >= MODEL_ALONE_CHECK:
        suspected = intent  # a sure intent model that the semantic net doubts: ask
    decision = _ordinary_route(text, calm_intent(intent, has_leefgebied), confidence, has_leefgebied, language)
    reason = decision.reason
    if suspected is None:
        suspected = _segment_suspicion(segments, check_threshold, english_threshold)
        reason = f"segment:{decision.reason}"
    if suspected is not None:
        return replace(decision, intent=CHECK_INTENT, reason=f"check:{reason}", tier=TIER_CHECK,
                       suspected=suspected)
    if intent == CHECK_INTENT and not answering and not service_question:
        # "Ik weet niet of ik nog veilig ben": the intent model hears a hint of danger without a route.
        # Asked as a check of its own (counted as one), never in the middle of a question the
        # conversation asked (residents' round 46: "wat gebeurt er met mijn nummer" at the consent
        # question, and "nee ik ben veilig" to the check itself, each got the check again).
        return replace(decision, intent=CHECK_INTENT, reason=f"check:model:{decision.reason}", tier=TIER_CHECK)
    return decision


def calm_intent(intent: str, has_leefgebied: bool) -> str:
    """Not a full crisis: a support question (or listening), possibly after a safety check."""
    if intent in CRISIS_ROUTES:
        return "hulpvraag" if has_leefgebied else "luisteren" if intent == "crisis_113" else "hulpvraag"
    if intent == CHECK_INTENT:  # the intent model's own hint of danger; a check is decided above
        return "hulpvraag"
    return intent


def _first_signal(text: str) -> tuple[CrisisSignal | None, bool]:
    """The most urgent rule signal told as happening now, and False; or, when every signal is told
    as past or for information, the most urgent one and True; or (None, False).

    Why per signal: in a long message "vorig jaar" about debts must not turn an overdose told
    three sentences later into a past event. Each signal is judged by the sentence it stands in
    and the one before it ("Twee jaar geleden ging het slecht. Toen heb ik pillen geslikt.").
    Acute danger (112) is softened only when told as over ("niemand gewond", "is geblust") or dated
    years back in its own clause ("2 jaar terug doodgestoken").
    """
    signals = crisis_signals(text)
    if not signals:
        return None, False
    for signal in signals:
        context = _context_of(text, signal)
        if signal.route == ROUTE_CRISIS_112 and not is_told_as_over(_context_of(text, signal, before=False,
                                                                                after=True)):
            if not is_told_as_long_ago(_clause_of(text, signal)):
                return signal, False
            continue  # "mn mattie is 2 jaar terug doodgestoken": the safety check, as for a past told
        # Told as over in the sentence after it ("... aan zelfdoding gedacht. Dat is gelukkig
        # verleden tijd."): the safety check, as for a past told before it.
        over_after = is_told_as_over(_context_of(text, signal, before=False, after=True))
        if signal.route != ROUTE_CRISIS_112 and not is_told_as_past_or_information(context) and not over_after:
            return signal, False
    return signals[0], True


def _context_of(text: str, signal: CrisisSignal, before: bool = True, after: bool = False) -> str:
    """The sentence holding the signal's evidence, with the sentence before it when `before` and
    the one after it when `after`. Acute danger is judged by its own sentence and the next, where
    "it is over" is told ("Brand in de flat. Niemand gewond."), never by the one before ("Vorig jaar
    ontslagen. Net alle pillen genomen.")."""
    start = text.find(signal.evidence)
    parts = sentences(text)
    for index, part in enumerate(parts):
        if part.start <= start < part.end:
            first = parts[index - 1].start if index and before else part.start
            last = parts[index + 1].end if after and index + 1 < len(parts) else part.end
            return text[first:last]
    return text


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:maar|en nu|nu)\s", re.IGNORECASE)


def _clause_of(text: str, signal: CrisisSignal) -> str:
    """The clause of the sentence that holds the signal's evidence: "2 jaar terug" dates the
    stabbing in "mn mattie is 2 jaar terug doodgestoken, ik denk er nog steeds aan", and "nog
    steeds" in the next clause is about the thinking, not the stabbing."""
    sentence = _context_of(text, signal, before=False)
    start = sentence.find(signal.evidence)
    if start < 0:
        return sentence
    end = start + len(signal.evidence)
    left = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    right = _CLAUSE_BREAK.search(sentence, end)
    return sentence[left[-1] if left else 0:right.start() if right else len(sentence)]


def _segment_suspicion(segments: Sequence[tuple[str, CrisisScores]], threshold: float,
                       english_threshold: float | None) -> str | None:
    """The crisis route one sentence of a long message makes the semantic net suspect, or None.

    One model alone, on one sentence: always the safety check, never the full reply. The same
    vetoes as for a whole message apply to the sentence itself (a figure of speech, a denial, a
    crisis told as long past), and no score outweighs them: a sentence is short, and "ik ben bijna
    gevallen" scored 0.99.
    """
    best: tuple[float, str] | None = None
    for segment, scores in segments:
        limit = english_threshold if english_threshold is not None and detect(segment) != DUTCH else threshold
        if scores.crisis < max(limit, SEGMENT_THRESHOLD):
            continue
        vetoed = (is_near_miss(segment) or is_negated_crisis(segment) or is_practical_trouble(segment)
                  or is_told_as_past_or_information(segment))
        if vetoed:
            continue
        if best is None or scores.crisis > best[0]:
            best = (scores.crisis, scores.route)
    return None if best is None else best[1]


def _ordinary_route(text: str, intent: str, confidence: float, has_leefgebied: bool,
                    language: str) -> RouteDecision:
    if language != DUTCH:
        # Not Dutch: the intent model cannot read it; the dialogue reads it in its own language.
        return RouteDecision(ROUTE_MEEDENKER, "engels", "language", None, language)
    worry = route_for_intent(intent) in (ROUTE_MEEDENKER, ROUTE_LUISTEREN)
    about_us = intent.startswith(INFO_PREFIX) and _ABOUT_MEEDENKER.search(text) is not None
    if has_leefgebied and intent.startswith(INFO_PREFIX) and _CALLBACK_ASKED.search(text):
        return RouteDecision(ROUTE_MEEDENKER, "hulpvraag", "werkmodel", None, language)
    if has_leefgebied and not worry and not about_us and confidence < TOPIC_OVERRIDE_CONFIDENCE:
        return RouteDecision(ROUTE_MEEDENKER, "hulpvraag", "werkmodel", None, language)
    return RouteDecision(route_for_intent(intent), intent, "intent", None, language)


def _language(text: str) -> str:
    """The message's language; a short Latin-script one ("ok", a name) is read as Dutch, as before."""
    return conversation_language(text) or DUTCH
