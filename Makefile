# crosscheck: `make run` opens the app on the seeds, `make test` runs the tests.
# Both need only Python 3.11+ and pip; they create .venv/ and install into it.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall when pyproject.toml changes.
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test check eval bench stress screenshots clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("crosscheck needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/crosscheck

test: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -n 2

stress: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -m stress

check: $(STAMP_DEV)
	$(BIN)/ruff format --check tui tests bench
	$(BIN)/ruff check tui tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/vulture tui tests/vulture_whitelist.py --min-confidence 60

eval: $(STAMP_DEV)
	$(BIN)/python -m tests.evaluate

bench: $(STAMP_DEV)
	$(BIN)/python bench/run.py

screenshots: $(STAMP_DEV)
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
