"""NLU pipeline component: puts the werkmodel classification and the route on every parse.

It runs after the intent classifier, so every message (REST, Telegram, the HTTP API) carries
`werkmodel` in its parse data, which lands in the tracker and is read by the actions. The logic
lives in bot/; this file only connects it to Rasa's graph.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.crisis_net_component import cache_dir, source_digest
from bot.conversation.callback_form import answer_step, is_plain_answer
from bot.conversation.intake import SEALED_KEY
from bot.understanding.classifier import Classification, Lexicon, WerkmodelClassifier
from bot.understanding.encoder import embed_cached
from bot.understanding.crisis_net import CrisisScores
from bot.conversation.dialogue import (BACK_INTENT, CRISIS_AGAIN_INTENT, FAQ_KEY, RESTART_INTENT, SNEL_WEG_INTENT,
                                       WAIT_AANBOD, WAIT_CONTROLE, WAIT_SAMENVATTING, WAIT_TOESTEMMING, WAIT_VEILIGHEID)
from bot.conversation.dialogue.state import WAIT_VOOR_WIE
from bot.conversation.summary import said_by_someone_else, who_for
from bot.conversation.faq import match as faq_match
from bot.conversation.reading import abuser_near, back_to_question, called_for_help, plan_now, says_start_again, yes_or_no
from bot.conversation.spoed import ONDERDAK, urgent_need
from bot.understanding.languages import FOREIGN, conversation_language, reply_language, switch_asked
from bot.conversation.tone import JE, address
from bot.understanding.routing import CHECK_INTENT, TIER_CHECK, TIER_FULL, calm_intent, decide_route
from bot.understanding.werkmodel import ROUTE_CRISIS_113

logger = logging.getLogger(__name__)
MODEL_FILE = "werkmodel.pkl"
WERKMODEL_KEY = "werkmodel"
CRISIS_NET_KEY = "crisis_net"  # set by addons.crisis_net_component, which runs before this one
# Entities Rasa maps into slots by itself (domain.yml), so crisis responses sent by rule can be
# in the resident's language and name the suspected route's numbers without the action server.
LANGUAGE_ENTITY = "taal"
SUSPECTED_ENTITY = "vermoedelijke_crisis"
ADDRESS_ENTITY = "aanspreek"
ABOUT_ENTITY = "over_wie"
UNKNOWN_SUSPECTED = "onbekend"
# Set in the message's metadata by the launcher (addons/launcher.py) from the tracker: the question
# the conversation waits for, so an answer to it is read as an answer first.
PENDING_KEY = "wacht_op"
DECLINED_KEY = "veilig_gezegd"  # "nee" to the safety check earlier in this session
# Questions answered with a yes or a no: such an answer is read as an answer first by the crisis nets.
YES_NO_PENDING = frozenset({WAIT_VEILIGHEID, WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_TOESTEMMING, WAIT_CONTROLE})
CALLED_RULE = "112.hulp_nu"  # "112 gebeld": after 112 was given, the resident did call
CRISIS_ROUTE_KEY = "crisis_route"  # a crisis earlier in this conversation
# After violence at home or danger, "hij komt eraan" asks for one short line, not the numbers again.
SNEL_WEG_AFTER = ("crisis_veilig_thuis", "crisis_112")
# Told again in the same conversation, these are heard by the dialogue, not answered with the
# whole crisis reply again; acute danger (112) always gets it again.
HEARD_AGAIN = ("crisis_113", "crisis_veilig_thuis")


def _labels(message: Message) -> tuple[list[str], list[str]]:
    metadata = (message.get("metadata") or {}).get("example") or {}
    return list(metadata.get("leefgebieden") or []), list(metadata.get("doelgroepen") or [])


def _question_in(text: str) -> Any:
    """The FAQ question a message asks: the whole message, else its first question sentence that
    matches ("do they speak english at that line? and is it free?" holds two; residents' tests)."""
    found = faq_match(text)
    if found is not None or "?" not in text:
        return found
    for part in re.split(r"(?<=\?)\s+|\?\s*(?:and|en|of|or)\s+", text):
        if part.strip() and part.strip() != text.strip():
            found = faq_match(part.strip())
            if found is not None:
                return found
    return None


def _contact_given(step: str | None, message: Message) -> bool:
    """A number or address given at the contact question, sealed by the channel (bot/conversation/intake.py):
    the words beside it are about the call ("please call in english or with tolk", residents' round 47: a
    father got the suicide question for it), read as an answer with words beside it."""
    return step == "contact" and bool((message.get("metadata") or {}).get(SEALED_KEY))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class WerkmodelComponent(GraphComponent):
    """Adds `werkmodel` (leefgebieden, doelgroepen, route, crisis) to each parsed message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # As in the crisis net: a change to the classifier's code retrains it (Rasa's cache).
        import bot.understanding.classifier
        import bot.understanding.encoder

        return {"source_digest": source_digest(bot.understanding.classifier, bot.understanding.encoder)}

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[WerkmodelClassifier] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._classifier = classifier or WerkmodelClassifier(Lexicon.load())

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WerkmodelComponent":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(m.get(TEXT), *_labels(m)) for m in training_data.intent_examples if m.get(TEXT)]
        directory = cache_dir()
        self._classifier = WerkmodelClassifier.train(examples, embedder=lambda texts: embed_cached(texts, directory))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(self._classifier.dumps())
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "WerkmodelComponent":
        with model_storage.read_from(resource) as directory:
            classifier = WerkmodelClassifier.loads((directory / MODEL_FILE).read_bytes())
        faq_match("wat kost het?")  # the FAQ index is built now, not on a resident's first message
        return cls(model_storage, resource, classifier)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            name, confidence = _model_intent(message)
            labels = self._classifier.classify(text)
            net = message.get(CRISIS_NET_KEY)
            semantic = None if not net else CrisisScores(net["crisis"], net["route"], net["route_probability"])
            pending = (message.get("metadata") or {}).get(PENDING_KEY)
            step = answer_step(pending)
            # A yes or no to the safety check is its answer first (residents' round 39: "Nee natuurlijk
            # niet! Het gaat om mijn DOCHTER van 3 ..." was asked the same check again).
            said = yes_or_no(text) if pending in YES_NO_PENDING else None
            # "mezelf" to "voor uzelf of iemand anders?" is that answer (residents' round 39: it got
            # the suicide question).
            for_whom = who_for(text) if pending == WAIT_VOOR_WIE else None
            parts = [(text[p["start"]:p["end"]], CrisisScores(p["crisis"], p["route"], p["route_probability"]))
                     for p in (net or {}).get("segments") or []]
            question = _question_in(text)  # once: it says what the routing may do and what the dialogue answers
            decision = decide_route(text, name, confidence, bool(labels.leefgebieden), semantic,
                                    net["threshold"] if net else 1.0,
                                    net.get("english_threshold", net["threshold"]) if net else 1.0, parts,
                                    answering=bool(pending),
                                    plain_answer=(step is not None and is_plain_answer(step, text)) or said is not None
                                    or for_whom is not None or _contact_given(step, message),
                                    check_declined=bool((message.get("metadata") or {}).get(DECLINED_KEY))
                                    or (said == "ontkennen" and pending == WAIT_VEILIGHEID),
                                    service_question="?" in text and question is not None)
            metadata = message.get("metadata") or {}
            intent = decision.intent
            earlier = metadata.get(CRISIS_ROUTE_KEY)
            if earlier in SNEL_WEG_AFTER and decision.tier != TIER_FULL and abuser_near(text):
                intent = SNEL_WEG_INTENT
            elif (earlier == "crisis_112" and called_for_help(text) and decision.crisis is not None
                  and decision.crisis.rule == CALLED_RULE):
                # "ok ik heb 112 gebeld" after "Bel nu 112" is what we asked for, not a new crisis
                # (residents' round 39 replay: it got the whole 112 reply again).
                intent = "hulpvraag"
            elif earlier in HEARD_AGAIN and decision.tier != TIER_FULL and (
                    plan_now(text) or (decision.tier == TIER_CHECK and step is None and not said)):
                # After danger was heard, more of it ("ik heb de pillen al liggen", "ik ga ze vanavond
                # nemen") is heard again with the numbers, never summarised as a new question
                # (residents' round 40: a summary of 'liggen' and "Wat klopt er niet?" followed).
                intent = CRISIS_AGAIN_INTENT
            elif earlier and decision.tier == TIER_CHECK:
                # The danger is known and its numbers were given: asking "are you in danger?" again
                # after every message about it is what residents called not listening (issue 25).
                intent = "engels" if decision.language != "nl" else calm_intent(name, bool(labels.leefgebieden))
                intent = "hulpvraag" if intent == CHECK_INTENT else intent
            elif earlier == decision.route and earlier in HEARD_AGAIN and decision.tier == TIER_FULL:
                intent = CRISIS_AGAIN_INTENT  # the dialogue answers it; the numbers stay in view
            if (decision.tier in (TIER_FULL, TIER_CHECK) and decision.crisis is None and not earlier
                    and urgent_need(text) == ONDERDAK):
                # "Mijn vader heeft me eruit gegooid, geen slaapplek" is a bed tonight, not violence at
                # home, unless a rule hears violence: the dialogue names what can happen today.
                intent = "hulpvraag"
            if intent == RESTART_INTENT and not says_start_again(text):
                # "stop" or "terug naar mijn vraag" once restarted a whole conversation by rule.
                intent = BACK_INTENT if back_to_question(text) else "hulpvraag"
            elif back_to_question(text) and decision.tier is None:
                intent = BACK_INTENT
            # After danger was heard a question is still a question ("als ik veilig thuis bel komt dan de
            # politie?", residents' round 45: the Veilig Thuis block three times, never the answer).
            # A question about the service that one model alone finds worrying gets the check, and its
            # answer too (residents' round 45: "wat als ik niet opneem?" got only the check).
            asked_anyway = decision.tier == TIER_CHECK and decision.crisis is None and "?" in text
            found = None if decision.tier and not earlier and not asked_anyway else question
            if intent != name:
                message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0},
                            add_to_output=True)
            if not decision.has_topic:
                labels = Classification()
            entities = list(message.get(ENTITIES) or [])
            language = switch_asked(text) or conversation_language(text)
            if decision.crisis is not None and decision.language in FOREIGN:
                language = decision.language  # the rule that heard it says its language ("я хочу вмерти")
            if language:  # a short "ok" or a name says nothing of the language: the slot keeps its value
                entities.append(_entity(LANGUAGE_ENTITY, reply_language(language), text))
            if decision.tier == TIER_FULL and decision.route == ROUTE_CRISIS_113:
                # Whose words they were: the 113 reply Rasa sends by rule depends on it (rasa_patches/nlg.py).
                entities.append(_entity(ABOUT_ENTITY, "ander" if said_by_someone_else(text, decision.route)
                                        else "zelf", text))
            if address(text) == JE:
                entities.append(_entity(ADDRESS_ENTITY, JE, text))  # "je" from now on (bot/conversation/tone.py)
            if decision.tier == "check":
                entities.append(_entity(SUSPECTED_ENTITY, decision.suspected or UNKNOWN_SUSPECTED, text))
            message.set(ENTITIES, entities, add_to_output=True)
            message.set(WERKMODEL_KEY, {
                "route": decision.route,
                "route_reason": decision.reason,
                "language": decision.language,
                "model_intent": name,
                "model_confidence": round(confidence, 3),
                "crisis_tier": decision.tier,
                "crisis_suspected": decision.suspected,
                "crisis": None if decision.crisis is None else {
                    "route": decision.crisis.route,
                    "rule": decision.crisis.rule,
                    "evidence": decision.crisis.evidence,
                },
                FAQ_KEY: None if found is None else {"id": found.id, "score": round(found.score, 3)},
                **labels.as_dict(),
            }, add_to_output=True)
        return messages


def _entity(name: str, value: str, text: str) -> Dict[Text, Any]:
    return {"entity": name, "value": value, "start": 0, "end": len(text), "extractor": "WerkmodelComponent"}


def _model_intent(message: Message) -> tuple[str, float]:
    """The intent model's guess, passing over `crisis_check`: that intent exists so Rasa's rules can
    send the safety check, and only the crisis nets (bot/understanding/routing.py) decide to ask it."""
    intent = message.get(INTENT) or {}
    name = intent.get(INTENT_NAME_KEY) or ""
    confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    if name != CHECK_INTENT:
        return name, confidence
    for ranked in message.get(INTENT_RANKING_KEY) or []:
        if ranked.get(INTENT_NAME_KEY) != CHECK_INTENT:
            return ranked.get(INTENT_NAME_KEY) or "", float(ranked.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    return "", 0.0
