# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint validate screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

lint: $(STAMP)
	$(BIN)/ruff check .

validate: $(STAMP)
	$(BIN)/python -m briefing validate --strict

test: $(STAMP) lint validate
	$(BIN)/python -m pytest -m "not soak"

screenshots: $(STAMP)
	$(BIN)/python -m scripts.screenshots
	$(BIN)/python -m scripts.slide_screenshot

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts

# the long runs: 216 hostile links with file opens audited, 300 sessions opened and closed with the server's memory
# checked, a three-minute load of 60 viewers, and the property tests with the "soak" profile's many more examples
.PHONY: soak
soak: $(STAMP)
	HYPOTHESIS_PROFILE=soak $(BIN)/python -m pytest -m "soak or hypothesis"
