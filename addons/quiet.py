"""Keep library chatter off stdout in the command-line tools (their stdout is JSON)."""
from __future__ import annotations

import logging
import os
import sys
import warnings


def quiet_libraries() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    warnings.filterwarnings("ignore")
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    for name in ("rasa", "tensorflow", "absl", "sanic", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)
    import structlog

    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
    )
