# Two commands for a fresh machine with Python 3.11, pip and the system package manager:
#   make demo   install, migrate, load the demo county, serve on http://127.0.0.1:8000/
#   make test   install, lint, Django checks, the whole suite on SQLite (and PostgreSQL when
#               ZHENWU_TEST_DATABASE_URL is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
PYTEST_WORKERS ?= auto
# The suite keeps its own data directory, away from the demo's ./var.
TEST_ENV := ZHENWU_DATA_DIR=$(CURDIR)/var/test

.PHONY: demo test install lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/zhenwu demo --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: $(STAMP) lint
	@./scripts/system-packages.sh
	$(TEST_ENV) $(BIN)/zhenwu manage check --fail-level WARNING
	$(TEST_ENV) $(BIN)/zhenwu manage makemigrations --check --dry-run
	@echo "== 测试 / tests: SQLite =="
	$(TEST_ENV) $(BIN)/pytest -n $(PYTEST_WORKERS)
	@if [ -n "$$ZHENWU_TEST_DATABASE_URL" ]; then \
		echo "== 测试 / tests: PostgreSQL ($$ZHENWU_TEST_DATABASE_URL) =="; \
		$(TEST_ENV) ZHENWU_DATABASE_URL="$$ZHENWU_TEST_DATABASE_URL" $(BIN)/pytest -n $(PYTEST_WORKERS); \
	fi

clean:
	rm -rf $(VENV) var/test
