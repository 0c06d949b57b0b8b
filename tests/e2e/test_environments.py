"""The two environments `make` builds: the product's `.venv` holds the runtime dependencies only, at the versions
`.venv-dev` (the tests' own) holds them."""
from __future__ import annotations

import re
import subprocess

from tests.conftest import REPO, RUNTIME_BIN

DEV_ONLY = ["pandas", "numpy", "hypothesis", "pytest", "duckdb"]


def pins(lock: str) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (REPO / lock).read_text(), re.MULTILINE))


def test_the_runtime_lock_pins_a_subset_of_the_dev_lock_at_the_same_versions():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert runtime and runtime.items() <= dev.items()
    assert {"dagster", "polars", "pandera", "pyarrow"} <= runtime.keys()
    assert not set(DEV_ONLY) & runtime.keys()


def test_the_products_environment_has_no_test_tools_and_pandera_runs_there_without_pandas():
    script = ("import importlib.util, sys\n"
              f"print([name for name in {DEV_ONLY!r} if importlib.util.find_spec(name)])\n"
              "from schemas import FigureSchema\n"
              "import assets.definitions\n"
              "print(sorted({'pandas', 'numpy', 'hypothesis'} & sys.modules.keys()))\n")
    out = subprocess.run([str(RUNTIME_BIN / "python"), "-c", script], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[]", "[]"]


def test_make_compiles_the_projects_bytecode_for_its_current_sources():
    """An editable install compiles none of the project, and PYTHONDONTWRITEBYTECODE may forbid Python to write
    it, so `make` compiles it (its ``.venv/.compiled`` step, before `make run`, `make test` and `make bench`):
    every module then has bytecode at least as new as its source, in the product's environment's Python."""
    subprocess.run(["make", "--silent", ".venv/.compiled"], cwd=REPO, check=True, capture_output=True)
    script = ("import importlib.util, pathlib, sys\n"
              "for source in sorted(p for folder in ('pipeline', 'assets', 'schemas') "
              "for p in pathlib.Path(folder).rglob('*.py')):\n"
              "    cached = pathlib.Path(importlib.util.cache_from_source(str(source)))\n"
              "    if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:\n"
              "        print(source)\n")
    stale = subprocess.run([str(RUNTIME_BIN / "python"), "-c", script], cwd=REPO, capture_output=True, text=True,
                           check=True).stdout.split()
    assert stale == []
