"""Running the real Dagster daemon and webserver for tests: a throwaway project, processes that always stop."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import REPO, RUNTIME_BIN, SEEDS

BIN = RUNTIME_BIN


@dataclass
class Project:
    """A temporary DAGSTER_HOME, seeds folder (a copy of the first ``n`` seeds) and output folder."""

    root: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    """Variables set for every process of the project on top of its folders (an instance's, a broker's)."""

    @classmethod
    def create(cls, root: Path, n: int) -> "Project":
        """The folders, and the instance's storage created once as `make` creates it (``dagster instance migrate``):
        a webserver, a daemon and their code servers that create a fresh SQLite instance at the same moment can
        leave it with two schema heads."""
        project = cls(root)
        project.home.mkdir()
        shutil.copy(REPO / "dagster.yaml", project.home / "dagster.yaml")
        subprocess.run([str(BIN / "dagster"), "instance", "migrate"], cwd=REPO, env=project.env, check=True,
                       capture_output=True)
        project.seeds.mkdir()
        for path in sorted(SEEDS.glob("*.txt"))[:n]:
            shutil.copy(path, project.seeds / path.name)
            (project.seeds / path.name).chmod(0o644)
        return project

    home = property(lambda self: self.root / "dagster_home")
    seeds = property(lambda self: self.root / "seeds")
    output = property(lambda self: self.root / "output")

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the project is installed in .venv
        return {**env, "DAGSTER_HOME": str(self.home), "TRADE_FIGURES_SEEDS_DIR": str(self.seeds),
                "TRADE_FIGURES_OUTPUT_DIR": str(self.output), **self.extra_env}

    def manifest(self) -> dict | None:
        try:
            return json.loads((self.output / "current" / "manifest.json").read_text())
        except FileNotFoundError:
            return None

    def wait_for_version(self, after: str | None, timeout: float) -> dict:
        """The first published manifest whose version is not ``after``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            manifest = self.manifest()
            if manifest and manifest["version_id"] != after:
                return manifest
            time.sleep(1)
        raise AssertionError(f"no new version after {after} within {timeout} s; see the logs in {self.root}")


@contextlib.contextmanager
def running(args: list[str], project: Project, log_name: str):
    """Run ``args`` from the repo root in its own process group; on exit stop the whole group."""
    log = open(project.root / f"{log_name}.log", "wb")
    process = subprocess.Popen(args, cwd=REPO, env=project.env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        yield process
    finally:
        stop_group(process)
        log.close()


def stop_group(process: subprocess.Popen, grace: float = 20) -> None:
    """SIGTERM the process group, SIGKILL what is left after ``grace`` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise AssertionError(f"the webserver did not answer on {url} within {timeout} s")
