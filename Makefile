# Soviet Industrialisation in Numbers — build and test.
# `make book` and `make test` do all set-up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
HTML   := _build/html
PORT   ?= 8000
# The executed notebooks nbval re-runs: every run of the build, essays and scenarios.
EXECUTED = $(wildcard _build/sovind/runs/*/*.ipynb)

.PHONY: help setup data essays variants pages html pdf book test test-fast lint serve chromium clean bench rerun snapshots screenshots

help:
	@echo "make book       - set up, rebuild clean data, execute essays whose inputs changed, build HTML and the PDF"
	@echo "make test       - the same set-up, then the whole test suite"
	@echo "make test-fast  - unit and data tests only (no kernel, no browser)"
	@echo "make snapshots  - after a deliberate change, update the committed figure data and headline numbers"
	@echo "make serve      - serve the built book on http://127.0.0.1:$(PORT)/"
	@echo "make screenshots - every essay at 390 and 1280 px, light and dark, in _build/screenshots, for a person to look at"
	@echo "make bench      - measure clean and incremental builds, a prose edit, a rerun, the tests and page sizes"
	@echo "make clean      - remove every build output (the next build executes every essay)"

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

# raw → clean: all or nothing, and only when a raw file, a schema or the data code changed.
DATA_INPUTS := $(wildcard data/raw/*.csv data/raw/external/*/* data/meta/*.yaml data/references.bib sovind/data/*.py sovind/data/steps/*.py)

data: setup data/.built

data/.built: $(STAMP) $(DATA_INPUTS)
	$(BIN)/python -m sovind data
	@touch $@

# Executes only the runs whose code cells, declaration, imported code or datasets changed
# (sovind/essay/rebuild.py), then joins each essay's current text with its last run's outputs.
essays: data
	$(BIN)/python -m sovind publish

# Rerun one essay with other assumptions, e.g. make rerun ESSAY=fyp1 PARAMS="-p plan_variant starting"
rerun:
	@test -n "$(ESSAY)" || { echo "error: say which essay: make rerun ESSAY=fyp1 PARAMS=\"-p plan_variant starting\""; exit 2; }
	@$(MAKE) --no-print-directory essays
	$(BIN)/python -m sovind rerun '$(ESSAY)' $(PARAMS)

# The runs each essay's page lets a reader switch to, without a kernel (sovind/essay/variants.py):
# executed like a rerun, only when their inputs changed, kept in _build/sovind/variants.
variants: essays
	$(BIN)/python -m sovind variants

pages: variants
	$(BIN)/python -m sovind pages

BOOK_INPUTS = $(shell find book _build/sovind -type f -not -path '*/.ipynb_checkpoints/*' -not -name '*.lock' 2>/dev/null) \
              _config.yml _toc.yml data/references.bib data/datapackage.json $(wildcard data/clean/*.csv) \
              $(wildcard sovind/site/*.py sovind/site/templates/*)

html: pages
	@$(MAKE) --no-print-directory $(HTML)/.built
	@echo "The book is at $(abspath $(HTML))/index.html"

# flock: two builds at once take turns instead of writing into one _build/html together.
$(HTML)/.built: $(BOOK_INPUTS)
	@mkdir -p _build
	flock _build/.html.lock $(BIN)/jupyter-book build . --warningiserror --keep-going --quiet
	@touch $@

# The whole book as one PDF: a single-page build (its own doctrees under _build/pdf, so the site's
# incremental build is not disturbed), printed by Chromium (sovind/site/pdf.py) into the site.
PDF := $(HTML)/sovind-book.pdf

pdf: html chromium
	@$(MAKE) --no-print-directory $(PDF)

$(PDF): $(HTML)/.built
	flock _build/.html.lock $(BIN)/jupyter-book build . --builder singlehtml --path-output _build/pdf --quiet --keep-going
	$(BIN)/python -m sovind pdf

book: html pdf

screenshots: book
	$(BIN)/python -m sovind screenshots

snapshots: essays
	$(BIN)/python -m sovind snapshots

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: setup
	$(BIN)/ruff check sovind tests

test-fast: data
	$(BIN)/ruff check sovind tests
	$(BIN)/pytest -m "not kernel and not browser and not book" tests

test: book chromium
	$(BIN)/ruff check sovind tests
	$(BIN)/pytest tests $(EXECUTED)
	@if [ "$$CI" = "true" ] && [ -n "$$(git status --porcelain)" ]; then git status --porcelain; \
	  echo "error: make book changed or added files that git tracks: outputs are not reproducible or not ignored"; exit 1; fi

bench: setup
	$(BIN)/python -m tests.bench

serve: $(HTML)/index.html
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(HTML) $(PORT)

clean:
	rm -rf _build runs book/*.ipynb book/scenarios book/figures.md
