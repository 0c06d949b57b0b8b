# Set-up is part of every target: the first `make run` or `make test` builds .venv from the lock.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster
# Per-partition materialisations written in batches, one planned event per asset and run (assets/run.py).
export DAGSTER_EVENT_BATCH_SIZE ?= 500
export DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS ?= 1

.PHONY: run test ui bench lock clean

run: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m assets.run

test: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest

# The scale benchmark (issue 7): JSON lines, then a table; BENCH_ARGS="--docs 1000" for a quicker one.
bench: $(INSTALLED)
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

# Webserver and daemon (sensor, schedule, backfills, run queue); PYTHONPATH so the instance finds assets.event_log.
ui: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	PYTHONPATH=$(CURDIR) $(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $${PORT:-3000}

$(INSTALLED): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

# Re-resolve the pinned, hashed lock from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME)
