"""Which matcher answers residents' FAQ questions better: bot/conversation/faq/ or Rasa's ResponseSelector?

Issue 26 asked to measure it. Both learn from the same texts: the questions in config/faq.yml and,
as messages that are not FAQ questions, the resident examples of data/nlu/ (info intents left out)
and the file's `geen_faq` list. Both are judged on the same held-out messages:
- FAQ questions: tests/data/faq_blind.yml (written without seeing config/faq.yml); without it, a
  stratified fifth of the file's own questions (and the models learn from the other four fifths);
- non-FAQ messages: the blind set's `faq: null` messages, and a larger pool of residents'
  messages from the other evaluation files (worries, form answers and danger from
  tests/data/*.yml, route info left out, texts also in the training data left out).
Reported: the share of FAQ questions answered with the right question, answered with a wrong one,
the share of non-FAQ messages that got an answer, and the time to parse one message.

    .venv/bin/python scripts/faq_compare.py --tune     # bot/conversation/faq/'s settings by 5-fold CV (own data only)
    .venv/bin/python scripts/faq_compare.py            # bot/conversation/faq/ on the held-out messages
    .venv/bin/python scripts/faq_compare.py --rasa     # ... and Rasa 3.6 DIET + ResponseSelector beside it

--rasa trains one NLU model under /tmp on four fifths of the file (about an hour on two shared
cores), chooses its confidence thresholds on the held-out fifth the way --tune chooses bot/conversation/faq/'s,
and scores it beside bot/conversation/faq/ trained on the same four fifths. --faq and --settings measure an
earlier version (docs/faq.md: the file and settings of commit 7484ff3, the blind measurement).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from bot.conversation import faq  # noqa: E402
from bot.understanding.encoder import embed as embed_fresh, embed_cached, embed_one  # noqa: E402
from bot.understanding.privacy import mask_pii  # noqa: E402
from bot.ops.settings import PROJECT_ROOT  # noqa: E402

BLIND = PROJECT_ROOT / "tests" / "data" / "faq_blind.yml"
OTHER_SETS = ("everyday_blind.yml", "everyday_fresh.yml", "messy_blind.yml", "crisis_blind.yml", "holdout.yml", "eval.yml")
CACHE = PROJECT_ROOT / "var" / "encoder_cache"
MODELS = Path(tempfile.gettempdir()) / "faq_compare_models"  # models of other files and splits: not in var/faq
# The operating point is the most right answers with at most this many wrong ones and false matches
# (in cross-validation): the same rule picks bot/conversation/faq/'s settings and Rasa's thresholds.
MAX_WRONG = 0.06
MAX_FALSE = 0.01
TIE = 0.005  # right answers this close to the most count as as many: then the fewest wrong ones win
RASA_CONFIG = """recipe: default.v1
language: nl
assistant_id: faq_compare
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 4
  - name: DIETClassifier
    epochs: 100
    random_seed: 7
  - name: ResponseSelector
    epochs: 100
    retrieval_intent: faq
    random_seed: 7
policies: []
"""


def embed(texts: Sequence[str]) -> np.ndarray:
    return embed_cached(list(texts), CACHE)


@dataclass
class Heldout:
    questions: list[tuple[str, str]]  # (text, faq id)
    blind_negatives: list[str]  # the blind set's non-FAQ messages
    pool: list[str]  # residents' messages from the other evaluation files
    source: str


def residents_pool(known: set[str]) -> list[str]:
    """Messages residents typed in the other evaluation files that are not questions about the service."""
    texts: list[str] = []
    for name in OTHER_SETS:
        for item in yaml.safe_load((PROJECT_ROOT / "tests" / "data" / name).read_text(encoding="utf-8")):
            if item.get("route") != "info" and item.get("text"):
                texts.append(item["text"])
    for case in yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "conversations_blind.yml").read_text(encoding="utf-8")):
        texts += [case.get("worry") or "", case.get("danger") or "", *(case.get("answers") or {}).values()]
    texts = [mask_pii(str(t)).text for t in texts if str(t).strip()]  # as the channel passes them on
    return [t for t in dict.fromkeys(texts) if t.lower() not in known]


def heldout(book: faq.FaqBook, own_test: list[tuple[str, str]] | None) -> Heldout:
    questions, _, negatives = faq.training_data(book)
    known = {t.lower() for t in [*questions, *negatives]}
    pool = residents_pool(known)
    if own_test is not None:
        return Heldout(own_test, [], pool, "a fifth of config/faq.yml held out")
    items = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    return Heldout([(i["text"], i["faq"]) for i in items if i.get("faq")],
                   [i["text"] for i in items if not i.get("faq")], pool, str(BLIND.relative_to(PROJECT_ROOT)))


def own_split(book: faq.FaqBook) -> tuple[faq.FaqBook, list[tuple[str, str]], list[str]]:
    """Four fifths of each question's paraphrases to learn from, one fifth held out; and a fifth
    of the residents' own messages held out (for choosing Rasa's thresholds)."""
    questions, ids, negatives = faq.training_data(book)
    train, test = next(StratifiedKFold(5, shuffle=True, random_state=11).split(questions, ids))
    keep = {(ids[i], questions[i]) for i in train}
    entries = {k: faq.FaqEntry(e.id, tuple(q for q in e.vragen if (e.id, q) in keep), e.antwoord, e.answer_en, e.kanalen)
               for k, e in book.entries.items()}
    held_negatives = negatives[::5]
    return (faq.FaqBook(book.checked, entries, book.geen_faq), [(questions[i], ids[i]) for i in test],
            held_negatives)


# ------------------------------------------------------------------------------------------ figures

@dataclass
class Figures:
    right: float
    wrong: float
    false_blind: float | None
    false_pool: float
    parse_ms_median: float
    parse_ms_p95: float
    n_questions: int
    n_blind_negatives: int
    n_pool: int

    def show(self, name: str) -> str:
        blind = "-" if self.false_blind is None else f"{self.false_blind:.3f}"
        return (f"{name:38} right {self.right:.3f}  wrong {self.wrong:.3f}  false (blind non-FAQ) {blind}  "
                f"false (pool) {self.false_pool:.3f}  parse ms median {self.parse_ms_median:.1f} p95 {self.parse_ms_p95:.1f}")


def figures(decide: Callable[[str], str | None], data: Heldout, timed: Callable[[str], float]) -> Figures:
    """`decide(text)`: the FAQ id given, or None. `timed(text)`: milliseconds to parse it."""
    given = [decide(t) for t, _ in data.questions]
    right = sum(g == gold for g, (_, gold) in zip(given, data.questions)) / len(data.questions)
    wrong = sum(g is not None and g != gold for g, (_, gold) in zip(given, data.questions)) / len(data.questions)
    blind = (sum(decide(t) is not None for t in data.blind_negatives) / len(data.blind_negatives)
             if data.blind_negatives else None)
    pool = sum(decide(t) is not None for t in data.pool) / len(data.pool)
    sample = [t for t, _ in data.questions] + data.blind_negatives
    times = sorted(timed(t) for t in sample)
    return Figures(right, wrong, blind, pool, statistics.median(times), times[int(0.95 * (len(times) - 1))],
                   len(data.questions), len(data.blind_negatives), len(data.pool))


# ------------------------------------------------------------------------------------------ bot/conversation/faq/

def encoder_decider(book: faq.FaqBook, settings: tuple[float, float, float] | None = None) \
        -> tuple[Callable[[str], str | None], Callable[[str], float], faq.FaqModel]:
    """bot/conversation/faq/'s decision; `settings` (gate, threshold, margin) instead of its constants."""
    model = faq.build_model(book, embed, MODELS)
    gate, threshold, margin = settings or (faq.GATE, faq.THRESHOLD, faq.MARGIN)

    def decide(text: str) -> str | None:
        if not faq.reads_as_question(text):
            return None
        scores = model.scores(embed_one(text), text)
        return scores.best_id if scores.accepts(gate, threshold, margin) else None

    def timed(text: str) -> float:
        """A fresh embedding (never a cached one) and the match, as a parse that had no embedding pays."""
        start = time.perf_counter()
        model.match_vector(embed_fresh([text])[0], text)
        return (time.perf_counter() - start) * 1000

    return decide, timed, model


def match_only_ms(model: faq.FaqModel, texts: Sequence[str]) -> float:
    """Median milliseconds of `match_embedding` when the parse already has the embedding."""
    times = []
    for text in texts:
        vector = embed_one(text)
        start = time.perf_counter()
        model.match_vector(vector, text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def tune(book: faq.FaqBook) -> None:
    """5-fold cross-validation of the gate and the question model on the file and data/nlu/."""
    questions, ids, negatives = faq.training_data(book)
    q_vectors, n_vectors = embed(questions), embed(negatives)
    ids_array = np.array(ids)
    q_folds = list(StratifiedKFold(5, shuffle=True, random_state=7).split(questions, ids))
    n_folds = list(StratifiedKFold(5, shuffle=True, random_state=7).split(negatives, np.zeros(len(negatives))))
    q_scores: list[faq.Scores | None] = [None] * len(questions)
    n_scores: list[faq.Scores | None] = [None] * len(negatives)
    for (q_train, q_test), (n_train, n_test) in zip(q_folds, n_folds):
        model = faq.FaqModel.train([questions[i] for i in q_train], [ids[i] for i in q_train], q_vectors[q_train],
                                   [negatives[i] for i in n_train], n_vectors[n_train])
        for i, s in zip(q_test, model.scores_many([questions[i] for i in q_test], q_vectors[q_test])):
            q_scores[i] = s
        for i, s in zip(n_test, model.scores_many([negatives[i] for i in n_test], n_vectors[n_test])):
            n_scores[i] = s
    readable_q = np.array([faq.reads_as_question(q) for q in questions])
    readable_n = np.array([faq.reads_as_question(t) for t in negatives])
    best_right = np.array([s.best_id == i for s, i in zip(q_scores, ids_array)])
    rows = []
    for gate in np.arange(0.5, 0.96, 0.05):
        for threshold in np.arange(0.0, 0.61, 0.05):
            for margin in np.arange(0.0, 0.31, 0.05):
                given_q = readable_q & np.array([s.accepts(gate, threshold, margin) for s in q_scores])
                given_n = readable_n & np.array([s.accepts(gate, threshold, margin) for s in n_scores])
                rows.append((round(gate, 2), round(threshold, 2), round(margin, 2), (given_q & best_right).mean(),
                             (given_q & ~best_right).mean(), given_n.mean()))
    allowed = [r for r in rows if r[4] <= MAX_WRONG and r[5] <= MAX_FALSE]
    print(f"5-fold CV: {len(questions)} questions, {len(negatives)} residents' own messages")
    print(f"most right answers with wrong <= {MAX_WRONG} and false <= {MAX_FALSE}:")
    for gate, threshold, margin, right, wrong, false in sorted(allowed, key=lambda r: (-r[3], r[4]))[:5]:
        print(f"  GATE {gate:.2f} THRESHOLD {threshold:.2f} MARGIN {margin:.2f}: right {right:.3f} wrong {wrong:.3f} false {false:.4f}")
    most = max(r[3] for r in allowed)
    pick = min((r for r in allowed if r[3] >= most - TIE), key=lambda r: (r[4], -r[3]))
    print(f"chosen (within {TIE} of the most right answers, the fewest wrong ones): GATE {pick[0]:.2f} "
          f"THRESHOLD {pick[1]:.2f} MARGIN {pick[2]:.2f}: right {pick[3]:.3f} wrong {pick[4]:.3f} false {pick[5]:.4f}")
    now = next(r for r in rows if (r[0], r[1], r[2]) == (faq.GATE, faq.THRESHOLD, faq.MARGIN))
    print(f"bot/conversation/faq/ now (GATE {faq.GATE}, THRESHOLD {faq.THRESHOLD}, MARGIN {faq.MARGIN}): "
          f"right {now[3]:.3f} wrong {now[4]:.3f} false {now[5]:.4f}")


# ------------------------------------------------------------------------------------------ Rasa

def rasa_data(book: faq.FaqBook, directory: Path, leave_out: frozenset[str] = frozenset()) -> None:
    """config.yml, domain.yml and data/nlu.yml: retrieval intent faq/<id> beside the residents'
    own intents (data/nlu/, info intents left out, as for bot/conversation/faq/) and geen_faq."""
    (directory / "data").mkdir(parents=True, exist_ok=True)
    (directory / "config.yml").write_text(RASA_CONFIG, encoding="utf-8")
    nlu: list[dict] = [{"intent": f"faq/{e.id}", "examples": "".join(f"- {q}\n" for q in e.vragen)}
                       for e in book.entries.values()]
    by_intent: dict[str, list[str]] = {"geen_faq": list(book.geen_faq)}
    for path in sorted(faq.NLU_DIR.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            intent = block.get("intent")
            if intent and not intent.startswith("info_"):
                examples = block.get("examples") or []
                if isinstance(examples, str):
                    texts = [ln.strip()[2:].strip() for ln in examples.splitlines() if ln.strip().startswith("- ")]
                else:
                    texts = [e["text"] if isinstance(e, dict) else str(e) for e in examples]
                by_intent.setdefault(intent, []).extend(texts)
    questions = {q.lower() for e in book.entries.values() for q in e.vragen}
    for intent, texts in by_intent.items():
        texts = [t for t in dict.fromkeys(" ".join(t.split()) for t in texts)
                 if t and t.lower() not in questions and t not in leave_out]
        nlu.append({"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)})
    responses = {f"utter_faq/{e.id}": [{"text": e.antwoord}] for e in book.entries.values()}
    with (directory / "data" / "nlu.yml").open("w", encoding="utf-8") as out:
        yaml.safe_dump({"version": "3.1", "nlu": nlu, "responses": responses}, out, allow_unicode=True, width=10**6)
    intents = ["faq", *by_intent]
    (directory / "domain.yml").write_text(yaml.safe_dump({"version": "3.1", "intents": intents}, allow_unicode=True),
                                          encoding="utf-8")


def rasa_train(book: faq.FaqBook, directory: Path, leave_out: frozenset[str] = frozenset()) -> Path:
    """Rasa's own `train_nlu`, in this process (a stray `pkill -f "rasa train"` elsewhere once
    ended an hour of training), with its cache in `directory`."""
    rasa_data(book, directory, leave_out)
    os.environ["RASA_CACHE_DIRECTORY"] = str(directory / ".rasa" / "cache")
    from rasa.model_training import train_nlu

    started = time.time()
    here = Path.cwd()
    os.chdir(directory)
    try:
        model = train_nlu("config.yml", "data", "models", fixed_model_name="faq", domain="domain.yml")
    finally:
        os.chdir(here)
    if not model:
        raise RuntimeError(f"Rasa did not train a model in {directory}")
    print(f"  trained in {time.time() - started:.0f} s", flush=True)
    return Path(directory / model) if not Path(model).is_absolute() else Path(model)


@dataclass
class RasaParse:
    intent: str
    intent_confidence: float
    response: str | None
    response_confidence: float
    ms: float


def rasa_parser(model: Path) -> Callable[[str], RasaParse]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()

    def parse(text: str) -> RasaParse:
        start = time.perf_counter()
        result = loop.run_until_complete(agent.parse_message(text))
        ms = (time.perf_counter() - start) * 1000
        selected = (result.get("response_selector") or {}).get("faq", {}).get("response", {})
        key = selected.get("intent_response_key") or ""
        return RasaParse(result["intent"]["name"], float(result["intent"]["confidence"]),
                         key.split("/", 1)[1] if "/" in key else None, float(selected.get("confidence") or 0.0), ms)

    return parse


def rasa_decider(parse: Callable[[str], RasaParse], intent_min: float, response_min: float) -> Callable[[str], str | None]:
    cache: dict[str, RasaParse] = {}

    def decide(text: str) -> str | None:
        if not faq.reads_as_question(text):  # the same cheap check as bot/conversation/faq/, so the models are compared
            return None
        if text not in cache:
            cache[text] = parse(text)
        p = cache[text]
        return p.response if p.intent == "faq" and p.intent_confidence >= intent_min and \
            p.response_confidence >= response_min else None

    return decide


def rasa_thresholds(parse: Callable[[str], RasaParse], questions: list[tuple[str, str]],
                    negatives: list[str]) -> tuple[float, float]:
    """Rasa's operating point, by the same rule as bot/conversation/faq/'s, on held-out fifths of the training texts."""
    rows = []
    for intent_min in np.arange(0.0, 0.96, 0.05):
        for response_min in np.arange(0.0, 0.96, 0.05):
            decide = rasa_decider(parse, intent_min, response_min)
            given = [decide(t) for t, _ in questions]
            right = np.mean([g == gold for g, (_, gold) in zip(given, questions)])
            wrong = np.mean([g is not None and g != gold for g, (_, gold) in zip(given, questions)])
            false = np.mean([decide(t) is not None for t in negatives])
            if wrong <= MAX_WRONG and false <= MAX_FALSE:
                rows.append((right, wrong, round(intent_min, 2), round(response_min, 2)))
    if not rows:  # no setting meets the limits: the strictest one, and say so
        print(f"  no Rasa thresholds keep wrong <= {MAX_WRONG} and false <= {MAX_FALSE}; using the strictest")
        return 0.95, 0.95
    most = max(r[0] for r in rows)
    right, wrong, intent_min, response_min = min((r for r in rows if r[0] >= most - TIE), key=lambda r: (r[1], -r[0]))
    best = (right, intent_min, response_min)
    print(f"  Rasa thresholds on the held-out fifth: intent >= {best[1]}, response >= {best[2]} (right {best[0]:.3f})")
    return best[1], best[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true", help="choose bot/conversation/faq/'s settings by cross-validation")
    parser.add_argument("--rasa", action="store_true", help="also train and measure Rasa's ResponseSelector")
    parser.add_argument("--own-split", action="store_true", help="hold out a fifth of config/faq.yml, not the blind set")
    parser.add_argument("--faq", type=Path, default=faq.FAQ_FILE, help="another FAQ file (an earlier version)")
    parser.add_argument("--settings", type=lambda v: tuple(float(x) for x in v.split(",")),
                        help="GATE,THRESHOLD,MARGIN for bot/conversation/faq/ instead of its constants (an earlier version's)")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    book = faq.load_faq(args.faq)
    if args.tune:
        tune(book)
        return
    results: dict[str, dict] = {}
    split_book, split_questions, split_negatives = own_split(book)
    own = args.own_split or not BLIND.is_file()
    data = heldout(book, split_questions if own else None)
    print(f"held out: {len(data.questions)} FAQ questions ({data.source}), {len(data.blind_negatives)} blind non-FAQ "
          f"messages, {len(data.pool)} residents' messages from the other evaluation files", flush=True)
    # bot/conversation/faq/ as it runs: learning from the whole file (from four fifths when those are held out)
    runs = [("bot/conversation/faq/", split_book if own else book)]
    if args.rasa and not own:  # and from the same four fifths Rasa learns from, for a like-for-like row
        runs.append(("bot/conversation/faq/, four fifths of the file", split_book))
    for name, trained_on in runs:
        decide, timed, model = encoder_decider(trained_on, args.settings)
        figures_ = figures(decide, data, timed)
        results[name] = {**figures_.__dict__, "match_only_ms_median": match_only_ms(model, [t for t, _ in data.questions])}
        print(figures_.show(name), f"(match alone, given the embedding: {results[name]['match_only_ms_median']:.2f} ms)",
              flush=True)
    if args.rasa:
        # One training (an hour on two shared cores): four fifths of the file, its thresholds chosen
        # on the held-out fifth and a fifth of the residents' messages by bot/conversation/faq/'s rule.
        work = Path(tempfile.mkdtemp(prefix="faq_compare_", dir="/tmp"))
        try:
            print("Rasa: training on four fifths of the file", flush=True)
            parse = rasa_parser(rasa_train(split_book, work / "split", frozenset(split_negatives)))
            intent_min, response_min = rasa_thresholds(parse, split_questions, split_negatives)
            for name, (i_min, r_min) in (("Rasa DIET + ResponseSelector, four fifths", (intent_min, response_min)),
                                         ("Rasa, four fifths, no thresholds", (0.0, 0.0))):
                rasa_figures = figures(rasa_decider(parse, i_min, r_min), data, lambda t: parse(t).ms)
                results[name] = {**rasa_figures.__dict__, "intent_min": i_min, "response_min": r_min}
                print(rasa_figures.show(name), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
