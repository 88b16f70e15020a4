# crosscheck: `make run` opens the app on the seeds, `make test` runs the tests.
# Both need only Python 3.11+ and pip; they create .venv/ and install into it.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall when pyproject.toml changes.
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test check eval bench stress screenshots clean

# A fresh clone installs first: each step says what it is doing, and pip shows each
# package and a progress bar, so the minute it takes is never silent.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("crosscheck needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	@echo "Creating $(VENV) ..."
	$(PYTHON) -m venv $(VENV)
	@echo "Upgrading pip in $(VENV) ..."
	$(BIN)/python -m pip install --progress-bar on --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	@echo "Installing crosscheck and its dependencies (about a minute) ..."
	$(BIN)/python -m pip install --progress-bar on -e .
	@touch $@
	@echo "Installed."

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	@echo "Installing crosscheck, its dependencies and the test tools (one to two minutes) ..."
	$(BIN)/python -m pip install --progress-bar on -e '.[test,dev]'
	@touch $@ $(STAMP_RUN)
	@echo "Installed."

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
