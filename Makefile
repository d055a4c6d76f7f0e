# Soviet Industrialisation in Numbers — build and test.
# `make book` and `make test` do all set-up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
HTML   := _build/html
PORT   ?= 8000

.PHONY: help setup data essays pages html book test lint serve chromium clean bench rerun

help:
	@echo "make book   - set up, rebuild clean data, execute essays, build HTML"
	@echo "make test   - the same set-up, then the whole test suite"
	@echo "make serve  - serve the built book on http://127.0.0.1:$(PORT)/"
	@echo "make bench  - measure clean and incremental builds, a rerun, the tests and page sizes"
	@echo "make clean  - remove the built HTML (the next build is a full Sphinx build)"

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

# Each stage runs only when its inputs are newer than its last run; within a stage the
# essays themselves are re-executed only when their recorded inputs changed (sovind/rebuild.py).
DATA_INPUTS := $(wildcard data/raw/*.csv data/meta/*.yaml data/references.bib sovind/*.py sovind/steps/*.py)
BOOK_INPUTS = $(shell find book -type f -not -path '*/.ipynb_checkpoints/*') _config.yml _toc.yml \
              data/references.bib data/datapackage.json $(wildcard data/clean/*.csv) sovind/sphinx_ext.py

data: setup data/.built

data/.built: $(STAMP) $(DATA_INPUTS)
	$(BIN)/python -m sovind data
	@touch $@

essays: data
	$(BIN)/python -m sovind publish

# Rerun one essay with other assumptions, e.g. make rerun ESSAY=fyp1 PARAMS="-p plan_variant starting"
rerun: data
	$(BIN)/python -m sovind rerun $(ESSAY) $(PARAMS)

pages: data
	$(BIN)/python -m sovind pages

html: pages
	@$(MAKE) --no-print-directory $(HTML)/.built
	@echo "The book is at $(abspath $(HTML))/index.html"

$(HTML)/.built: $(BOOK_INPUTS)
	$(BIN)/jupyter-book build . --warningiserror --keep-going --quiet
	@touch $@


book: essays html

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: setup
	$(BIN)/ruff check sovind tests book
	$(BIN)/ruff format --check sovind tests

test: book chromium
	$(BIN)/ruff check sovind tests book
	$(BIN)/pytest
	@if [ "$$CI" = "true" ]; then git diff --exit-code --stat -- book data || \
	  (echo "error: make book changed committed files: outputs are not reproducible or not committed" && exit 1); fi

bench: setup
	$(BIN)/python -m sovind.bench

serve: $(HTML)/index.html
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(HTML) $(PORT)

clean:
	rm -rf _build runs
