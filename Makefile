# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint format-check typecheck validate assets tools screenshots bench clean soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

# Chromium for the browser tests and nginx for the replica test: found, else installed (scripts/prerequisites.py);
# without them the tests do not start
tools: $(STAMP)
	$(BIN)/python -m scripts.prerequisites

# lint, formatting, types, the components' scripts and styles, and the shipped data; `make test` runs each of them
# before the tests
check: lint format-check typecheck assets validate

lint: $(STAMP)
	$(BIN)/ruff check .

format-check: $(STAMP)
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# every .js, .css and .html file in components/assets, and the CSS in briefing/, parses (scripts/check_assets.py:
# esprima and tinycss2, pure Python)
assets: $(STAMP)
	$(BIN)/python -m scripts.check_assets

validate: $(STAMP)
	$(BIN)/python -m briefing validate --strict

# unit and AppTest tests in one process (two workers barely shorten them), then the browser tests on two workers, each
# with its own servers and frames cache (README, "Tests", has the figures)
test: tools check
	$(BIN)/python -m pytest -m "not soak and not browser"
	$(BIN)/python -m pytest -m "browser and not soak" -n 2 --dist loadfile

screenshots: tools
	$(BIN)/python -m scripts.screenshots
	$(BIN)/python -m scripts.slide_screenshot

bench: tools
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache test-artifacts

# the long runs: 36 hostile links on each sidebar page with file opens audited, 30 viewers for 30 s, 300 sessions opened
# and closed with the server's memory checked, a three-minute load of 60 viewers, and the property tests with the
# "soak" profile's many more examples
soak: tools
	HYPOTHESIS_PROFILE=soak $(BIN)/python -m pytest -m "soak or hypothesis"
