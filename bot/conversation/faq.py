"""Questions residents ask mid-conversation about the service itself, and their short, true answers.

Why this module: "leest de gemeente mee?", "spreekt de meedenker Arabisch?", "is De Luisterlijn nu
open, het is zondag?" come at any step of a conversation. A wrong answer ("Ja…" to "does the
gemeente read along?") is worse than none, so the answers live in one reviewed file
(config/faq.yml), are filled from the configuration that holds each fact (helplines, office hours,
retention), and a message gets an answer only when it is clearly one of those questions.

Matching (docs/faq.md has the figures): the message's sentence embedding (bot/understanding/encoder.py, the one
the crisis net and the classifier already use) goes through two small linear models trained on the
file. A gate asks whether the message is a question about the service at all, against residents'
own messages (the resident examples in data/nlu/ and the file's `geen_faq` list); a second model
says which question. An answer is given only when the gate is sure enough (`GATE`), the question is
probable enough (`THRESHOLD`) and clearly ahead of the next one (`MARGIN`). So "ik heb schulden,
kunnen jullie helpen?" (a worry) and form answers ("Sanne", "Goes") get None, and the dialogue
treats them as it always did.

Nothing is read, embedded or trained at import time. `match` trains the models on first use, or
`warm_up()` at start (a few seconds; the embeddings are cached per text under var/encoder_cache
by bot/encoder.embed_cached, the trained models under var/faq). `answer` reads the configuration
given to `configure`, or the process settings (bot/ops/settings.py) when none was given.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import string
import threading
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Final, Iterable, Mapping, Sequence

import numpy as np
import sklearn
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.errors import ConfigError
from bot.municipality.config_files import read_date, read_mapping
from bot.municipality.helplines import Helpline, Helplines, load_helplines
from bot.municipality.office_hours import OfficeHours, format_moment, format_time, load_office_hours
from bot.ops.settings import PROJECT_ROOT

__all__ = [
    "FAQ_FILE",
    "REQUIRED_IDS",
    "FaqBook",
    "FaqEntry",
    "FaqError",
    "FaqMatch",
    "FaqModel",
    "Scores",
    "answer",
    "configure",
    "load_faq",
    "match",
    "match_embedding",
    "resident_examples",
    "warm_up",
]

FAQ_FILE: Final = PROJECT_ROOT / "config" / "faq.yml"
NLU_DIR: Final = PROJECT_ROOT / "data" / "nlu"

# The topics the dialogue refers to (issues 25, 26): a file without one of them stops the start.
REQUIRED_IDS: Final[tuple[str, ...]] = (
    "privacy_meelezen", "privacy_bewaren", "privacy_wissen", "privacy_bsn", "privacy_anoniem",
    "privacy_delen", "privacy_telefoon_zien", "privacy_snel_weg", "is_mens", "kosten", "onafhankelijk",
    "verwijzing", "taal_tolk", "taal_eigen", "taal_engels", "doof_slechthorend", "iemand_mee",
    "namens_ander", "keukentafel_mee", "keukentafel_wat", "wmo_wat", "luisterlijn_wat",
    "luisterlijn_open", "zmp_chat", "veilig_thuis_chat", "veilig_thuis_wat", "nood_wanneer",
    "welk_nummer", "meedenkers_open", "wat_gebeurt_nu", "wanneer_gebeld", "nummer_beller",
    "duur_gesprek", "waar_afspraak", "wie_meedenker", "kiezen_wisselen", "wat_doet", "wat_niet",
    "sociaal_team", "wijzigen", "annuleren", "referentie_kwijt", "niet_gebeld", "klacht",
    "chat_ipv_bellen", "kanalen", "later_verder", "opnieuw_beginnen", "spoed_vandaag",
    "gemeente_onbekend", "andere_gemeente", "voor_wie_bedoeld", "jongeren", "formulieren", "bezwaar",
    "pgb", "vrijwillig", "wachtlijst", "beroepsgeheim", "huisarts_ipv", "geen_internet", "wat_kan_bot",
    # asked mid-flow and left unanswered in the residents' tests of 2026-12-06 (issues 25, 26)
    "contact_alleen_u", "niemand_weet", "verstuurd",
)
CHANNELS: Final = ("widget", "telegram", "whatsapp")
# Rasa's name for the website widget's channel (channels/rest.py).
CHANNEL_ALIASES: Final = {"rest": "widget"}
LANGUAGES: Final = ("nl", "en")
# Entries whose answer says whether a line is open at this moment ({nu_open}).
NU_OPEN_IDS: Final = frozenset({"luisterlijn_open", "meedenkers_open"})
PLACEHOLDERS: Final = frozenset({
    "luisterlijn_telefoon", "luisterlijn_chat", "luisterlijn_uren", "luisterlijn_chat_uren",
    "zmp_telefoon", "zmp_gratis", "zmp_chat", "zmp_uren", "nood_telefoon",
    "veilig_thuis_telefoon", "veilig_thuis_uren", "veilig_thuis_chat", "veilig_thuis_chat_uren",
    "meedenkers_uren", "terugbel_dagen", "terugbellen_uiterlijk", "bewaartermijn", "nu_open",
})
_ID: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTRY_FIELDS: Final = ("id", "vragen", "antwoord", "antwoord_je", "answer_en", "kanalen")
_CHANNEL_FIELDS: Final = frozenset({"antwoord", "antwoord_je", "answer_en"})
# How the conversation addresses the resident (the Rasa slot `aanspreek`, bot/conversation/tone.py): "je" to a
# young resident who writes informally or says "je"; "u" otherwise (and when the slot is empty).
ADDRESS_FORMS: Final = ("u", "je")
# Words that must not appear in an answer in the other form (the tests and the loader use them).
U_WORDS: Final = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
JE_WORDS: Final = re.compile(r"\b(?:je|jij|jou|jouw)\b", re.IGNORECASE)

# Matching (docs/faq.md): two linear models on the message's sentence embedding, chosen by 5-fold
# cross-validation on the file's questions and the resident examples in data/nlu/ (never on an
# evaluation file; scripts/faq_compare.py --tune). The nearest paraphrase by plain cosine found
# the right question for 71 % of held-out questions, a linear layer over the same embeddings 86 %:
# e5's cosines of short Dutch questions all lie near 0.9, so the nearest one is often another
# topic's.
# - the gate: is this a question about the service at all? (character n-grams + embedding,
#   questions against residents' own messages, balanced)
GATE: Final = 0.60
GATE_C: Final = 16.0
GATE_EMBEDDING_WEIGHT: Final = 2.0
# - which question: the most probable, when probable enough and clearly ahead of the second.
THRESHOLD: Final = 0.30
MARGIN: Final = 0.15
WHICH_C: Final = 64.0
# In cross-validation at these settings: 68 % of the file's questions answered right, 5.5 % with
# another question's answer, 1.0 % of residents' own messages taken for a question (docs/faq.md has
# the held-out figures, which are higher: the final models learn from every question). Chosen again
# when contact_alleen_u, niemand_weet and verstuurd were added (the earlier 0.55/0.35/0.10 then
# took 1.02 % of residents' messages for a question in cross-validation).
MODEL_VERSION: Final = 1  # part of the cache key: raise it when the features or models change
# A message this long is a story, not a question about the service (the nets read it).
MAX_WORDS: Final = 40
_WORD: Final = re.compile(r"[^\W\d_]+")


class FaqError(ConfigError, ValueError):
    """The FAQ file is missing, unreadable, or has a bad entry (message: file, entry and field)."""


# --------------------------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FaqEntry:
    id: str
    vragen: tuple[str, ...]
    antwoord: str
    answer_en: str
    # channel -> (Dutch "u" answer, English answer, Dutch "je" answer), only where the truth
    # differs per channel
    kanalen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The Dutch answer in "je"; the file must have it (load_faq), an entry built in code may not.
    antwoord_je: str = ""

    def template(self, lang: str = "nl", channel: str | None = None, aanspreek: str | None = None) -> str:
        """The answer before its placeholders are filled; "je" only for Dutch (English has one you)."""
        texts = self.kanalen.get(CHANNEL_ALIASES.get(channel or "", channel or ""))
        dutch, english, dutch_je = (texts + ("",))[:3] if texts else (self.antwoord, self.answer_en, self.antwoord_je)
        if lang == "en":
            return english
        return (dutch_je or dutch) if aanspreek == "je" else dutch

    def templates(self) -> Iterable[tuple[str, str, str | None, str]]:
        """(text, language, channel, address form) of every answer of this entry."""
        yield self.antwoord, "nl", None, "u"
        yield self.antwoord_je, "nl", None, "je"
        yield self.answer_en, "en", None, "u"
        for channel, (dutch, english, *dutch_je) in self.kanalen.items():
            yield dutch, "nl", channel, "u"
            yield (dutch_je or [""])[0], "nl", channel, "je"
            yield english, "en", channel, "u"


@dataclass(frozen=True)
class FaqBook:
    checked: date
    entries: Mapping[str, FaqEntry]
    geen_faq: tuple[str, ...]  # messages that are not questions about the service


def _error(path: Path, where: str, message: str) -> FaqError:
    return FaqError(f"{path}: {where}: {message}")


def _text(raw: object, path: Path, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _error(path, where, f"must be a text, got {raw!r}")
    return " ".join(raw.split())


def _check_placeholders(text: str, entry_id: str, path: Path, where: str) -> None:
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as problem:
        raise _error(path, where, f"has a broken {{placeholder}}: {problem}") from problem
    for name in fields:
        if name not in PLACEHOLDERS:
            raise _error(path, where, f"unknown placeholder {{{name}}} (known: {', '.join(sorted(PLACEHOLDERS))})")
        if name == "nu_open" and entry_id not in NU_OPEN_IDS:
            raise _error(path, where, f"{{nu_open}} is only computed for {', '.join(sorted(NU_OPEN_IDS))}")


def _check_address(text: str, form: str, path: Path, where: str) -> None:
    """A "je" answer with "u" or "uw" in it (or the other way round) mixes both in one conversation."""
    found = (U_WORDS if form == "je" else JE_WORDS).search(text)
    if found:
        rule = "antwoord_je says je/jij/jouw" if form == "je" else "antwoord says u/uw"
        raise _error(path, where, f"says {found.group(0)!r}; {rule}")


def _entry(raw: object, index: int, path: Path) -> FaqEntry:
    if not isinstance(raw, dict):
        raise _error(path, f"faq[{index}]", "must be a mapping with id, vragen, antwoord, antwoord_je and answer_en")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise _error(path, f"faq[{index}].id", f"must be lowercase letters, digits and _, got {entry_id!r}")
    where = f"faq[{index}] ({entry_id})"
    for key in raw:
        if key not in _ENTRY_FIELDS:
            raise _error(path, f"{where}.{key}", f"is not a known field (known: {', '.join(_ENTRY_FIELDS)})")
    vragen = raw.get("vragen")
    if not isinstance(vragen, list) or not vragen:
        raise _error(path, f"{where}.vragen", "must be a list of questions")
    questions = tuple(_text(q, path, f"{where}.vragen[{i}]") for i, q in enumerate(vragen))
    texts = {key: _text(raw.get(key), path, f"{where}.{key}") for key in ("antwoord", "antwoord_je", "answer_en")}
    kanalen: dict[str, tuple[str, str, str]] = {}
    raw_kanalen = raw.get("kanalen") or {}
    if not isinstance(raw_kanalen, dict):
        raise _error(path, f"{where}.kanalen",
                     f"must map a channel ({', '.join(CHANNELS)}) to antwoord, antwoord_je and answer_en")
    for channel, pair in raw_kanalen.items():
        if channel not in CHANNELS:
            raise _error(path, f"{where}.kanalen.{channel}", f"is not a channel; use {', '.join(CHANNELS)}")
        if not isinstance(pair, dict) or set(pair) != _CHANNEL_FIELDS:
            raise _error(path, f"{where}.kanalen.{channel}", "must have exactly antwoord, antwoord_je and answer_en")
        kanalen[channel] = (_text(pair["antwoord"], path, f"{where}.kanalen.{channel}.antwoord"),
                            _text(pair["answer_en"], path, f"{where}.kanalen.{channel}.answer_en"),
                            _text(pair["antwoord_je"], path, f"{where}.kanalen.{channel}.antwoord_je"))
    entry = FaqEntry(entry_id, questions, texts["antwoord"], texts["answer_en"], kanalen, texts["antwoord_je"])
    for text, lang, channel, form in entry.templates():
        key = "answer_en" if lang == "en" else ("antwoord_je" if form == "je" else "antwoord")
        field_name = f"{where}.{f'kanalen.{channel}.' if channel else ''}{key}"
        _check_placeholders(text, entry_id, path, field_name)
        if lang == "nl":
            _check_address(text, form, path, field_name)
    return entry


def load_faq(path: Path = FAQ_FILE) -> FaqBook:
    """Parse and check the FAQ file; errors name the file, the entry and the field."""
    path = Path(path)
    data = read_mapping(path, FaqError)
    checked = read_date(data, "checked", path, FaqError)
    raw_entries = data.get("faq")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise _error(path, "faq", "must be a list of questions and answers")
    entries: dict[str, FaqEntry] = {}
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, index, path)
        if entry.id in entries:
            raise _error(path, f"faq[{index}].id", f"{entry.id!r} appears twice")
        entries[entry.id] = entry
    missing = [i for i in REQUIRED_IDS if i not in entries]
    if missing:
        raise _error(path, "faq", f"misses the entries {', '.join(missing)}")
    raw_negatives = data.get("geen_faq") or []
    if not isinstance(raw_negatives, list):
        raise _error(path, "geen_faq", "must be a list of messages")
    negatives = tuple(_text(t, path, f"geen_faq[{i}]") for i, t in enumerate(raw_negatives))
    return FaqBook(checked, entries, negatives)


def resident_examples(nlu_dir: Path = NLU_DIR) -> list[str]:
    """Residents' messages in the Rasa training data that are not questions about the service:
    every intent except the info intents (which are such questions, answered by this FAQ)."""
    texts: list[str] = []
    for path in sorted(Path(nlu_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            intent = block.get("intent") if isinstance(block, dict) else None
            if not intent or intent.startswith("info_"):
                continue
            examples = block.get("examples") or []
            if isinstance(examples, str):  # Rasa's "- text" block form
                texts += [line.strip()[2:].strip() for line in examples.splitlines() if line.strip().startswith("- ")]
            else:
                texts += [e["text"] if isinstance(e, dict) else str(e) for e in examples]
    return [t for t in texts if t.strip()]


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FaqMatch:
    id: str
    score: float  # the model's probability of this question


@dataclass(frozen=True)
class Scores:
    """Why a message did or did not match (scripts/faq_compare.py, and for a reviewer)."""

    gate: float  # probability that the message is a question about the service
    best_id: str
    best: float
    second_id: str
    second: float

    def accepts(self, gate: float = GATE, threshold: float = THRESHOLD, margin: float = MARGIN) -> bool:
        return self.gate >= gate and self.best >= threshold and self.best - self.second >= margin


def reads_as_question(text: str) -> bool:
    """Cheap checks before the models: a lone word without '?' is a form answer ("Sanne", "Goes",
    "dinsdagochtend"), and a long message is a story (the hulpvraag route reads it)."""
    words = _WORD.findall(text)
    if not words or len(text.split()) > MAX_WORDS:
        return False
    return len(words) > 1 or "?" in text


class FaqModel:
    """The gate and the question model (module docstring); trained in seconds, cached under var/."""

    def __init__(self, words: TfidfVectorizer, gate: LogisticRegression, which: LogisticRegression) -> None:
        self.words = words
        self.gate = gate
        self.which = which

    @classmethod
    def train(cls, questions: Sequence[str], ids: Sequence[str], question_vectors: np.ndarray,
              negatives: Sequence[str], negative_vectors: np.ndarray) -> "FaqModel":
        words = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
        words.fit([*questions, *negatives])
        features = _gate_features(words, [*questions, *negatives], np.vstack([question_vectors, negative_vectors]))
        is_question = np.r_[np.ones(len(questions)), np.zeros(len(negatives))]
        gate = LogisticRegression(C=GATE_C, max_iter=3000, class_weight="balanced").fit(features, is_question)
        which = LogisticRegression(C=WHICH_C, max_iter=3000).fit(question_vectors, np.asarray(ids))
        return cls(words, gate, which)

    @cached_property
    def _weights(self) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, np.ndarray]:
        """The coefficients as contiguous arrays (products below use einsum, not BLAS: on a loaded
        server BLAS woke its threads for this tiny product and took 1.3 ms instead of 0.01 ms)."""
        n_words = len(self.words.vocabulary_)
        coef = self.gate.coef_[0]
        return (np.ascontiguousarray(coef[:n_words]), np.ascontiguousarray(coef[n_words:] * GATE_EMBEDDING_WEIGHT),
                float(self.gate.intercept_[0]), np.ascontiguousarray(self.which.coef_.T), self.which.intercept_.copy())

    def scores_many(self, texts: Sequence[str], vectors: np.ndarray) -> list[Scores]:
        """The models' probabilities, computed from their coefficients: what predict_proba computes,
        without its checks and copies (it runs in every parse)."""
        vectors = np.asarray(vectors, dtype=np.float64).reshape(len(texts), -1)
        gate_words, gate_embedding, gate_intercept, which, which_intercept = self._weights
        gate_logit = (self.words.transform(texts) @ gate_words + np.einsum("ij,j->i", vectors, gate_embedding)
                      + gate_intercept)
        gate = 1.0 / (1.0 + np.exp(-gate_logit))
        logits = np.einsum("ij,jk->ik", vectors, which) + which_intercept
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        order = np.argsort(probabilities, axis=1)
        classes = self.which.classes_
        return [Scores(float(g), str(classes[o[-1]]), float(p[o[-1]]), str(classes[o[-2]]), float(p[o[-2]]))
                for g, p, o in zip(gate, probabilities, order)]

    def scores(self, vector: np.ndarray, text: str) -> Scores:
        return self.scores_many([text], np.asarray(vector).reshape(1, -1))[0]

    def match_vector(self, vector: np.ndarray, text: str) -> FaqMatch | None:
        if not reads_as_question(text):
            return None
        scores = self.scores(vector, text)
        return FaqMatch(scores.best_id, round(scores.best, 4)) if scores.accepts() else None


def _gate_features(words: TfidfVectorizer, texts: Sequence[str], vectors: np.ndarray):
    return hstack([words.transform(texts), csr_matrix(vectors * GATE_EMBEDDING_WEIGHT)]).tocsr()


def training_data(book: FaqBook, nlu_dir: Path = NLU_DIR) -> tuple[list[str], list[str], list[str]]:
    """(questions, their ids, residents' own messages): what the models learn from."""
    questions = [(entry.id, q) for entry in book.entries.values() for q in entry.vragen]
    known = {q.lower() for _, q in questions}
    negatives = [t for t in dict.fromkeys([*book.geen_faq, *resident_examples(nlu_dir)]) if t.lower() not in known]
    return [q for _, q in questions], [i for i, _ in questions], negatives


def _cache_dir() -> Path:
    """The project's var/, where `make train` keeps the embeddings of the training texts, whatever
    MEEDENKER_VAR_DIR says: a process with a fresh state directory (the tests' servers, a new
    replica) must not embed thousands of texts again before its first reply."""
    return PROJECT_ROOT / "var"


def build_model(book: FaqBook, embed_many: Callable[[Sequence[str]], np.ndarray] | None = None,
                cache: Path | None = None) -> FaqModel:
    """Train on the file and data/nlu/, or load the model trained on exactly these texts and
    vectors before (var/faq/); the embeddings themselves are cached per text by bot/understanding/encoder.py."""
    if embed_many is None:
        from bot.understanding.encoder import embed_cached  # the encoder loads on first use only

        directory = _cache_dir() / "encoder_cache"
        embed_many = lambda texts: embed_cached(texts, directory)  # noqa: E731
    questions, ids, negatives = training_data(book)
    question_vectors, negative_vectors = embed_many(questions), embed_many(negatives)
    digest = hashlib.sha256(f"{MODEL_VERSION}\0{sklearn.__version__}".encode())
    for part in (questions, ids, negatives):
        digest.update("\0".join(part).encode("utf-8") + b"\1")
    digest.update(np.ascontiguousarray(question_vectors, dtype=np.float32).tobytes())
    digest.update(np.ascontiguousarray(negative_vectors, dtype=np.float32).tobytes())
    path = (cache or _cache_dir() / "faq") / f"model-{digest.hexdigest()[:24]}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own model file
    model = FaqModel.train(questions, ids, question_vectors, negatives, negative_vectors)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(model))
    temporary.replace(path)  # atomic: a second process never reads half a file
    return model


_lock = threading.RLock()  # configure() takes it too, and may run inside _default_model()
_model: FaqModel | None = None


def _default_model() -> FaqModel:
    global _model
    with _lock:
        if _model is None:
            _model = build_model(_sources().book)
        return _model


def warm_up() -> None:
    """Train or load the model now (at start-up), so the first question is not slow."""
    _default_model()


def match_embedding(vector: np.ndarray, text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None; `vector` is the message's embedding from
    bot/encoder.embed_one(text), so a parse that already has it does not embed twice."""
    return _default_model().match_vector(vector, text)


def match(text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None (a worry, a form answer, anything else)."""
    if not reads_as_question(text):
        return None
    from bot.understanding.encoder import embed_one

    return match_embedding(embed_one(text), text)


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------

DAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December")
_ALWAYS: Final = re.compile(r"\b24/7\b|\bdag en nacht\b.*\b(?:7|zeven|alle) dagen\b|\b(?:elke|iedere) dag\b.*\bdag en nacht\b"
                            r"|\bdag en nacht\b.*\b(?:elke|iedere) dag\b")
_LIMITED: Final = re.compile(r"\b(?:behalve|niet|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                             r"werkdag\w*|weekend|feestdag\w*|vaste tijden|van \d|tot \d)\b")
_ON_WEBSITE_EN: Final = "at the times on its website"
_ALWAYS_EN: Final = "day and night, 7 days a week"


def always_open(hours: str | None) -> bool:
    """Whether a line's free-text hours say day and night, every day ("dag en nacht, 7 dagen per
    week", "24/7"). Only then may an answer say the line is open now."""
    text = " ".join((hours or "").lower().split())
    return bool(_ALWAYS.search(text)) and not _LIMITED.search(text)


def _hours_en(hours: str | None) -> str:
    return _ALWAYS_EN if always_open(hours) else _ON_WEBSITE_EN


def _moment_en(moment: datetime | date, with_time: bool = False) -> str:
    text = f"{DAYS_EN[moment.weekday()]} {moment.day} {MONTHS_EN[moment.month - 1]}"
    if with_time and isinstance(moment, datetime):
        text += f" at {moment.hour}:{moment.minute:02d}"
    return text


def _describe_en(hours: OfficeHours) -> str:
    """OfficeHours.describe() in English: 'Monday to Thursday 9:00 to 17:00; Friday 9:00 to 16:00'."""
    parts: list[str] = []
    day = 0
    while day < 7:
        end = day
        while end + 1 < 7 and hours.hours[end + 1] == hours.hours[day]:
            end += 1
        if hours.hours[day]:
            days = DAYS_EN[day] if end == day else (f"{DAYS_EN[day]} and {DAYS_EN[end]}" if end == day + 1
                                                    else f"{DAYS_EN[day]} to {DAYS_EN[end]}")
            times = " and ".join(f"{a.hour}:{a.minute:02d} to {b.hour}:{b.minute:02d}" for a, b in hours.hours[day])
            parts.append(f"{days} {times}")
        day = end + 1
    return "; ".join(parts)


def _retention(days: int, lang: str) -> str:
    if days % 365 == 0:
        years = days // 365
        if lang == "en":
            return "a year" if years == 1 else f"{years} years"
        return "een jaar" if years == 1 else f"{years} jaar"
    return f"{days} days" if lang == "en" else f"{days} dagen"


def _when_back(hours: OfficeHours, now: datetime, lang: str) -> str:
    """'vandaag vanaf 13.00 uur', 'morgen vanaf 9.00 uur', 'vanaf maandag 30 november om 9.00 uur'."""
    moment = hours.next_open(now)
    days = (moment.date() - hours.today(now)).days
    if lang == "en":
        if days == 0:
            return f"today from {moment.hour}:{moment.minute:02d}"
        if days == 1:
            return f"tomorrow from {moment.hour}:{moment.minute:02d}"
        return f"from {_moment_en(moment, with_time=True)}"
    if days == 0:
        return f"vandaag vanaf {format_time(moment)}"
    if days == 1:
        return f"morgen vanaf {format_time(moment)}"
    return f"vanaf {format_moment(moment, with_time=True)}"


def _meedenkers_now(hours: OfficeHours, now: datetime, lang: str) -> str:
    if hours.is_open(now):
        return "The meedenkers are working now." if lang == "en" else "De meedenkers zijn nu aan het werk."
    if lang == "en":
        return f"The meedenkers are not working now; they are back {_when_back(hours, now, lang)}."
    return f"Nu zijn de meedenkers er niet; ze zijn er {_when_back(hours, now, lang)} weer."


def _luisterlijn_now(line: Helpline, lang: str) -> str:
    """Open now only when the configured text says day and night, every day (no clock for free text).
    The Dutch text says neither "u" nor "je": it stands in the answer of both forms."""
    phone, chat = line.hours, line.chat_hours or line.hours
    if always_open(phone) and always_open(chat):
        return (f"Yes, {line.name} is open now: you can call and chat {_ALWAYS_EN}." if lang == "en"
                else f"Ja, {line.name} is nu open: bellen en chatten kan {phone}.")
    if always_open(phone):
        return (f"You can call {line.name} now, {_ALWAYS_EN}; the chat is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"{line.name} is nu te bellen, want dat kan {phone}; de chat is open {chat or 'op vaste tijden'}.")
    if lang == "en" or not phone:
        return (f"{line.name} is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"Kijk op de website van {line.name} wanneer zij open zijn.")
    return f"De telefoon van {line.name} is open {phone}, de chat {chat}."


@dataclass(frozen=True)
class _Sources:
    book: FaqBook
    helplines: Helplines
    hours: OfficeHours
    retention_days: int


_sources_given: _Sources | None = None
DEFAULT_RETENTION_DAYS = 365  # bot/ops/settings.py's default for RETENTION_DAYS


def configure(helplines_file: Path, office_hours_file: Path, retention_days: int,
              faq_file: Path = FAQ_FILE) -> None:
    """Read the files answers are filled from (once per process; errors name the file).

    Processes with settings call it at start: `configure(s.helplines_file, s.office_hours_file,
    s.retention_days)`. Without it, `answer` reads them through bot.ops.settings.get_settings().
    """
    global _sources_given, _model
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    sources = _Sources(load_faq(faq_file), load_helplines(Path(helplines_file)),
                       load_office_hours(Path(office_hours_file)), retention_days)
    with _lock:
        if _model is not None and _sources_given is not None and sources.book != _sources_given.book:
            _model = None  # another file: the model is built again on first use
        _sources_given = sources


def _sources() -> _Sources:
    if _sources_given is None:
        from bot.ops.settings import SettingsError, get_settings

        try:
            settings = get_settings()
            configure(settings.helplines_file, settings.office_hours_file, settings.retention_days)
        except SettingsError:
            # A process without the service's secrets (`rasa test`, a script) still matches and
            # answers, from the files and defaults the settings would use.
            env = os.environ
            configure(Path(env.get("MEEDENKER_HELPLINES_FILE") or PROJECT_ROOT / "config" / "helplines.yml"),
                      Path(env.get("MEEDENKER_OFFICE_HOURS_FILE") or PROJECT_ROOT / "config" / "office_hours.yml"),
                      int(env.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS))
    assert _sources_given is not None
    return _sources_given


def _values(sources: _Sources, entry_id: str, lang: str, now: datetime) -> dict[str, str]:
    lines = sources.helplines
    values = dict(lines.template_values())
    values["zmp_uren"] = lines.zelfmoordpreventie.hours or ""
    values["veilig_thuis_uren"] = lines.veilig_thuis.hours or ""
    if lang == "en":  # free-text hours are Dutch: English gets what can be said without translating them
        for key, hours in (("luisterlijn_uren", lines.luisterlijn.hours),
                           ("luisterlijn_chat_uren", lines.luisterlijn.chat_hours or lines.luisterlijn.hours),
                           ("zmp_uren", lines.zelfmoordpreventie.hours),
                           ("veilig_thuis_uren", lines.veilig_thuis.hours),
                           ("veilig_thuis_chat_uren", lines.veilig_thuis.chat_hours)):
            values[key] = _hours_en(hours)
    hours = sources.hours
    values["meedenkers_uren"] = _describe_en(hours) if lang == "en" else hours.describe()
    values["terugbel_dagen"] = str(hours.callback_within_working_days)
    by = hours.callback_by(now)
    values["terugbellen_uiterlijk"] = _moment_en(by) if lang == "en" else format_moment(by)
    values["bewaartermijn"] = _retention(sources.retention_days, lang)
    if entry_id == "luisterlijn_open":
        values["nu_open"] = _luisterlijn_now(lines.luisterlijn, lang)
    elif entry_id == "meedenkers_open":
        values["nu_open"] = _meedenkers_now(hours, now, lang)
    return values


def answer(faq_id: str, lang: str = "nl", channel: str | None = None, now: datetime | None = None,
           aanspreek: str | None = None) -> str:
    """The answer to one FAQ question, filled from configuration at `now` (timezone-aware; the
    office's time when omitted). `channel`: widget (or Rasa's 'rest'), telegram, whatsapp, or None
    for an answer that is true on every channel. `aanspreek`: "je" for the Dutch answer in "je"
    (the conversation's slot), "u" or None for "u"."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    if aanspreek is not None and aanspreek not in ADDRESS_FORMS:
        raise ValueError(f"aanspreek must be one of {', '.join(ADDRESS_FORMS)} or None, got {aanspreek!r}")
    sources = _sources()
    entry = sources.book.entries.get(faq_id)
    if entry is None:
        raise KeyError(f"no FAQ entry {faq_id!r} in {FAQ_FILE.name}")
    moment = now or datetime.now(tz=sources.hours.timezone)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("now must be timezone-aware (for example datetime.now(tz=ZoneInfo('Europe/Amsterdam')))")
    text = entry.template(lang, channel, aanspreek).format(**_values(sources, faq_id, lang, moment))
    return " ".join(text.split())
