# Set-up is part of every target: the first `make run` or `make test` builds .venv from the lock.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster

.PHONY: run test ui bench lock clean

run: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m assets.run

test: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest

# The scale benchmark (issue 7): JSON lines, then a table; BENCH_ARGS="--docs 1000" for a quicker one.
bench: $(INSTALLED)
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

# Webserver and daemon (sensor, schedule, run queue) on the code location of workspace.yaml.
ui: $(INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $${PORT:-3000}

# The pinned, hashed dependencies, then the project itself (editable: pipeline, assets, schemas)
# built by the locked setuptools without fetching anything.
$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Copied under a unique name, then renamed: two `make run`s at once both install it without colliding.
$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@.$$$$ && mv -f $@.$$$$ $@

# Re-resolve the pinned, hashed lock from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --group dev --group build --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME)
