# Parole Desk: `make run` serves the site, `make test` runs every test and check.
# Both install what is missing first, so they work on a fresh clone.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Tests run in one process per core (pytest-xdist); TEST_WORKERS=0 runs them in this one.
TEST_WORKERS ?= auto

.PHONY: run test lint fix bench messages install system-deps clean

run: install
	$(BIN)/paroledesk serve --port $(PORT)

test: install
	$(MAKE) --no-print-directory lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/paroledesk bench --cases $(or $(CASES),10000)

# The Spanish catalog: collect the marked text, then compile (scripts/messages).
messages: install
	@scripts/messages

install: system-deps $(STAMP) node_modules/.installed

system-deps:
	@scripts/system-deps

# Pinned: pyproject.toml pins what we import, requirements/lock.txt pins everything.
$(STAMP): pyproject.toml requirements/lock.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[dev]"
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the USWDS assets: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) node_modules var/static .mypy_cache .ruff_cache .pytest_cache
