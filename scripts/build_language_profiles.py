"""Build bot/understanding/data/language_trigrams.json: letter-trigram profiles of Dutch, English, Turkish and
Polish for bot/understanding/languages.py (issue 27).

Why: word lists catch the common words, but a resident who types Polish or Turkish without its
letters ("nie moge zaplacic") or with words no list has is still recognisable by how the words are
spelled. The profiles are made from the word forms spaCy's lookup tables already ship (the package
spacy-lookups-data, in requirements.lock), folded without diacritics as residents often type, so no
new dependency and no download. Run once; the JSON is committed:

    PYTHONPATH=. .venv/bin/python scripts/build_language_profiles.py
"""
from __future__ import annotations

import gzip
import json
import math
import random
from collections import Counter
from pathlib import Path

import spacy_lookups_data

from bot.understanding.languages import fold_word

DATA = Path(spacy_lookups_data.__file__).parent / "data"
OUT = Path(__file__).resolve().parent.parent / "bot" / "understanding" / "data" / "language_trigrams.json"
SOURCES = {
    "nl": ["nl_lemma_lookup"],
    "en": ["en_lemma_lookup"],
    "tr": ["tr_lemma_lookup"],
    "pl": ["pl_lemma_lookup_noun", "pl_lemma_lookup_verb", "pl_lemma_lookup_adj", "pl_lemma_lookup_adv",
           "pl_lemma_lookup_pron", "pl_lemma_lookup_adp", "pl_lemma_lookup_part", "pl_lemma_lookup_aux"],
}
MAX_FORMS = 150_000  # per language: enough for stable trigram counts, the same weight for each language
KEEP = 6000  # trigrams kept per language; the rest share one floor probability


def trigrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


def forms(names: list[str]) -> list[str]:
    words: set[str] = set()
    for name in names:
        table = json.load(gzip.open(DATA / f"{name}.json.gz"))
        words.update(table.keys())
        words.update(v for v in table.values() if isinstance(v, str))
    folded = sorted({fold_word(w) for w in words if w.isalpha() and w.islower() and 2 <= len(w) <= 20})
    random.Random(27).shuffle(folded)
    return folded[:MAX_FORMS]


def main() -> None:
    profiles = {}
    for language, names in SOURCES.items():
        counts = Counter(t for word in forms(names) for t in trigrams(word))
        total = sum(counts.values())
        kept = dict(counts.most_common(KEEP))
        floor = math.log((total - sum(kept.values())) / total / max(1, len(counts) - len(kept)) / 10 + 1e-12)
        profiles[language] = {"floor": round(floor, 3),
                              "logp": {t: round(math.log(c / total), 3) for t, c in kept.items()}}
        print(language, len(counts), "trigrams,", total, "in total")
    OUT.write_text(json.dumps(profiles, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
