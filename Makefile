# phoihop — the two Quick start commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATABASE_URL ?=
PYTEST_ARGS ?=
export PHOIHOP_LOCAL ?= true

.PHONY: setup sysdeps demo serve migrate test lint format openapi bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip setuptools wheel

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

# System packages: Chromium for browser tests, fonts metric-compatible with Times New Roman, Pango for
# WeasyPrint, poppler for PDF checks, wrk and valgrind for the API benchmarks. Installed only when missing, and only
# where apt-get can run.
SYSPKGS := chromium fonts-liberation fonts-liberation2 fonts-dejavu-core poppler-utils wrk valgrind libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b
sysdeps:
	@missing=""; for p in $(SYSPKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Cài gói hệ thống:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null) || exit 1; \
	  else echo "Thiếu gói hệ thống:$$missing (cài bằng apt-get với quyền root)"; fi; \
	fi

migrate: setup
	$(BIN)/phoihop migrate --noinput

demo: setup sysdeps migrate
	$(BIN)/phoihop load-demo
	$(BIN)/phoihop serve

serve: setup
	$(BIN)/phoihop serve

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	PHOIHOP_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py check --fail-level WARNING
	PHOIHOP_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py makemigrations --check --dry-run
	PHOIHOP_LOCAL=false DEBUG=false SECRET_KEY=check-deploy-$$(date +%N)-a-long-random-looking-secret-key-value-for-checks \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python -m phoihop.core.openapi --check openapi.json

openapi: setup
	$(BIN)/python -m phoihop.core.openapi --write openapi.json

format: setup
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

test: setup sysdeps lint
	PHOIHOP_FAST_HASHER=1 DATABASE_URL="$(DATABASE_URL)" $(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache
