"""The real `make run` from a test: its own instance, seeds and output folder, and a timeout that ends its whole tree."""
from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO


def start_make_run(root: Path, seeds: Path, env: dict[str, str] | None = None,
                   preexec_fn: Callable[[], None] | None = None) -> subprocess.Popen:
    """`make run` on ``seeds``, publishing under ``root/output`` with its Dagster instance in ``root/dagster_home``.

    The run starts a session of its own, so ``finish`` can end every process it started.
    """
    home = root / "dagster_home"
    env = {**os.environ, **(env or {}), "DAGSTER_HOME": str(home), "TRADE_FIGURES_SEEDS_DIR": str(seeds),
           "TRADE_FIGURES_OUTPUT_DIR": str(root / "output")}
    return subprocess.Popen(["make", "--no-print-directory", "run", f"DAGSTER_HOME={home}"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=preexec_fn)


def finish(run: subprocess.Popen, timeout: float) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``run``; the test fails, and the run's whole tree is killed, past ``timeout``."""
    try:
        stdout, stderr = run.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        stdout, stderr = run.communicate()
        pytest.fail(f"make run did not finish within {timeout:.0f} s; stdout: {stdout[-1000:]} "
                    f"stderr: {stderr[-2000:]}")
    return run.returncode, stdout, stderr
