"""Shared fixtures: the repo's seeds, the shared gold and its scorer."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
RUNTIME_BIN = REPO / ".venv" / "bin"
"""The product's environment (`make run`'s `.venv`: the runtime dependencies only). The tests run in `.venv-dev`
and start the product's own commands (`python -m assets.run`, `dagster`, `dagster-daemon`) from here, as users do."""

# Property tests check what holds, never how fast: on a loaded 2-core machine one example may take
# longer than hypothesis' default 200 ms deadline. Speed is measured in `make bench`.
settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def scorer():
    """The shared scorer (../shared/tools/score.py) as a module."""
    path = SHARED / "tools" / "score.py"
    if not path.exists():
        pytest.fail(f"{path} is missing: the shared folder must sit beside the repo")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold(scorer):
    return scorer.load_jsonl(SHARED / "gold" / "seeds.jsonl")
