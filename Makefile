# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
OUT    ?= output
STAMP  := $(VENV)/.installed

.PHONY: run test install system-deps test-fast bench clean train-kk eval

run: $(STAMP)
	$(KG) build seeds --out $(OUT)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian packages the tests use for real: Virtuoso, rapper (raptor2-utils), Chromium.
system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(PY) -m pytest -q -rs

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not store and not browser"

clean:
	rm -rf $(OUT) .pytest_cache

# Kazakh NER model shipped in kg/models/kk_ner (fixed seeds, CPU, ~10 min; held-out scores in metrics.json).
train-kk: $(STAMP)
	$(PY) scripts/train_kk_ner.py

# Not a test: saved queries rdflib vs pyoxigraph (seeds, 1M synthetic triples), counts build vs Virtuoso vs Oxigraph.
bench: $(STAMP) system-deps
	$(PY) bench/bench_queries.py

# Not a test: build the gold corpora and score the graphs (tables on stdout, JSON with errors in $(OUT)/).
eval: $(STAMP)
	$(KG) eval factru --json $(OUT)/eval_factru.json
	$(KG) eval seeds --json $(OUT)/eval_seeds.json
	$(KG) eval kaznerd --json $(OUT)/eval_kaznerd.json
	$(KG) eval news ../shared/data/devnews --json $(OUT)/eval_news.json
