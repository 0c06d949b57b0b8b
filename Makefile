# Set-up is part of every target: the first `make run` or `make test` builds the environments from the locks.
# .venv is the product's (`make run`, `make ui`, dagster's own commands): the runtime dependencies only
# (requirements.lock). .venv-dev adds the dev group (requirements-dev.lock: pytest, hypothesis, DuckDB, pandas...)
# for the tests, the benchmark and analysts' notebooks; the tests run the product's commands from .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_VENV := .venv-dev
DEV_INSTALLED := $(DEV_VENV)/.installed
COMPILED := $(VENV)/.compiled
SOURCES := $(shell find pipeline assets schemas -name '*.py')
export DAGSTER_HOME := $(CURDIR)/.dagster

.PHONY: run test ui bench lock clean

run: $(COMPILED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m assets.run

test: $(COMPILED) $(DEV_INSTALLED) $(DAGSTER_HOME)/dagster.yaml
	$(DEV_VENV)/bin/python -m pytest

# The scale benchmark (issue 7): JSON lines, then a table; BENCH_ARGS="--docs 1000" for a quicker one.
bench: $(COMPILED) $(DEV_INSTALLED)
	$(DEV_VENV)/bin/python -m tests.bench $(BENCH_ARGS)

# Webserver and daemon (sensor, schedule, run queue) on the code location of workspace.yaml.
ui: $(COMPILED) $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $${PORT:-3000}

# An environment: the pinned, hashed dependencies of its lock, then the project itself (editable: pipeline,
# assets, schemas) built by the locked setuptools without fetching anything.
define environment
$(1)/.installed: $(2) pyproject.toml
	$(PYTHON) -m venv $(1)
	$(1)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(2)
	$(1)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $$@
endef
$(eval $(call environment,$(VENV),requirements.lock))
$(eval $(call environment,$(DEV_VENV),requirements-dev.lock))

# The project's bytecode, compiled again whenever a source changes. An editable install compiles none of it, and
# where PYTHONDONTWRITEBYTECODE is set (as on the bench machine) Python would compile every module in every run
# (about 0.1 s of each `make run`). Stale bytecode is never used: Python checks it against the source's mtime.
$(COMPILED): $(INSTALLED) $(SOURCES)
	$(BIN)/python -m compileall -q pipeline assets schemas
	touch $@

# Copied under a unique name, then renamed: two `make run`s at once both install it without colliding.
$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@.$$$$ && mv -f $@.$$$$ $@

# Re-resolve the pinned, hashed locks from pyproject.toml (needs uv: pip install uv); the runtime lock takes the
# dev lock's versions, so both environments run the same packages.
lock:
	uv pip compile pyproject.toml --group dev --group build --python-version 3.11 --generate-hashes -o requirements-dev.lock
	uv pip compile pyproject.toml --group build --python-version 3.11 --generate-hashes -c requirements-dev.lock -o requirements.lock

clean:
	rm -rf $(VENV) $(DEV_VENV) $(DAGSTER_HOME)
