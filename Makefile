# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench docs golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ngkt ingest seeds
	$(BIN)/ngkt diff 2023 2024

test: check
	$(BIN)/python -m pytest -q

# Lint, formatting and types (config in pyproject.toml); `make test` runs it first.
check: $(STAMP)
	$(BIN)/ruff check ngkt_cli tests
	$(BIN)/ruff format --check ngkt_cli tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

docs: $(STAMP)
	$(BIN)/cog -r README.md docs/*.md

# After a change that alters the seeds' diff on purpose: rewrite the one golden file
# (tests/data/golden/diff-2023-2024.md) and the docs' real-output blocks, then read `git diff`.
golden: $(STAMP)
	NGKT_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_report.py -k golden
	$(BIN)/cog -r README.md docs/*.md

clean:
	rm -rf $(VENV) db/ngkt.db db/ngkt.db-wal db/ngkt.db-shm db/ngkt.db.locks
