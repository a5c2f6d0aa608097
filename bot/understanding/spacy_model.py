"""Prepare the Dutch spaCy pipeline that config.yml loads from var/spacy_nl.

nl_core_news_sm is used when it is installed (it is not on PyPI); otherwise a blank Dutch
pipeline with lookup lemmas from spacy-lookups-data. One log line says which.
"""
from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

from bot.ops.settings import PROJECT_ROOT

logger = logging.getLogger("meedenker.spacy")
TARGET = PROJECT_ROOT / "var" / "spacy_nl"


def build(target: Path = TARGET) -> str:
    """Write the pipeline to `target`; returns 'nl_core_news_sm' or 'blank'."""
    import spacy

    try:
        nlp = spacy.load("nl_core_news_sm")
        kind = "nl_core_news_sm"
    except OSError:
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        kind = "blank"
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    (target / "KIND").write_text(kind + "\n", encoding="utf-8")
    return kind


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args()
    kind = build(args.target)
    if kind == "blank":
        logger.info("spaCy: nl_core_news_sm not installed; using a blank Dutch pipeline with lookup lemmas.")
    else:
        logger.info("spaCy: using nl_core_news_sm.")


if __name__ == "__main__":
    main()
