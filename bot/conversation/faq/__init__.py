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

Where things are: the file and its checks (book.py), the matcher (model.py), the values
filled into answers (english.py) and the configured service with `match` and `answer`
(service.py). Callers import from this package only.
"""
from __future__ import annotations

from bot.conversation.faq.book import (
    FAQ_FILE,
    FaqBook,
    FaqEntry,
    FaqError,
    NLU_DIR,
    REQUIRED_IDS,
    load_faq,
    resident_examples,
)
from bot.conversation.faq.model import (
    FaqMatch,
    FaqModel,
    GATE,
    MARGIN,
    Scores,
    THRESHOLD,
    build_model,
    reads_as_question,
    training_data,
)
from bot.conversation.faq.english import (
    always_open,
)
from bot.conversation.faq.service import (
    answer,
    configure,
    match,
    match_embedding,
    warm_up,
)

__all__ = [
    "FAQ_FILE",
    "FaqBook",
    "FaqEntry",
    "FaqError",
    "FaqMatch",
    "FaqModel",
    "GATE",
    "MARGIN",
    "NLU_DIR",
    "REQUIRED_IDS",
    "Scores",
    "THRESHOLD",
    "always_open",
    "answer",
    "build_model",
    "configure",
    "load_faq",
    "match",
    "match_embedding",
    "reads_as_question",
    "resident_examples",
    "training_data",
    "warm_up",
]
