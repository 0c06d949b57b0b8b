"""The shards on Dagster's executors: a first run of N documents on the multiprocess executor and on two celery workers.

    python -m tests.bench.executors [--docs 10000] [--work DIR]

Both runs are `python -m assets.run` on a fresh SQLite instance (the
project's dagster.yaml) reading the same seeds into a fresh output folder,
timed by wall clock. The multiprocess executor runs up to one step per core;
the celery run sends every step through a Redis server on a loopback port to
two ``dagster-celery`` workers of one process each, so both use the same
number of processes. ``make bench`` calls ``bench_executors`` after its own runs.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.assets.live import free_port
from tests.bench.corpus import generate
from tests.conftest import RUNTIME_BIN

REPO = Path(__file__).resolve().parents[2]
BIN = RUNTIME_BIN
WORKERS = 2


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores {model}, {memory:.0f} GiB, Python {platform.python_version()}"


def run_env(root: Path, seeds: Path, **extra: str) -> dict[str, str]:
    home = root / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    return {**os.environ, "DAGSTER_HOME": str(home), "TRADE_FIGURES_SEEDS_DIR": str(seeds),
            "TRADE_FIGURES_OUTPUT_DIR": str(root / "output"), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            **extra}


def timed_run(env: dict[str, str]) -> tuple[float, str]:
    """(wall seconds, stdout) of one `make run`; raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "python"), "-m", "assets.run"], cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"make run failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return elapsed, done.stdout


@contextlib.contextmanager
def started(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """``args`` in a process group of its own, killed with its children on exit."""
    with open(log, "wb") as out:
        process = subprocess.Popen(args, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            yield process
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextlib.contextmanager
def celery_cluster(root: Path, env: dict[str, str]) -> Iterator[None]:
    """A Redis broker and ``WORKERS`` one-process workers, ready; all stopped on exit."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(started([shutil.which("redis-server"), "--port", env["TRADE_FIGURES_CELERY_BROKER"]
                                     .rsplit(":", 1)[1].split("/")[0], "--bind", "127.0.0.1", "--save", "",
                                     "--appendonly", "no", "--dir", str(root)], env, root / "redis.log"))
        logs = [root / f"worker{i}.log" for i in range(WORKERS)]
        for i, log in enumerate(logs):
            stack.enter_context(started([str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
                                         "-y", str(REPO / "dagster_celery.yaml"), "-n", f"bench{i}", "--",
                                         "--concurrency=1"], env, log))
        deadline = time.monotonic() + 180
        while not all(b" ready." in log.read_bytes() for log in logs):
            if time.monotonic() > deadline:
                raise RuntimeError(f"celery workers not ready; see {root}")
            time.sleep(0.5)
        yield


def bench_executors(corpus_seeds: Path, n: int, root: Path, report: Callable[..., None]) -> None:
    """The first run of ``n`` documents from ``corpus_seeds`` on each executor, and the ratio of their times."""
    seeds = root / "executors_seeds"
    seeds.mkdir(parents=True)
    for path in sorted(corpus_seeds.iterdir())[:n]:
        os.link(path, seeds / path.name)
    about = {"documents": n, "machine": machine()}
    multi, out = timed_run(run_env(root / "multiprocess", seeds, TRADE_FIGURES_EXECUTOR="multiprocess"))
    report(f"run_{n}_multiprocess_executor_s", multi, "s", processes=os.cpu_count(), summary=out.splitlines()[-1],
           **about)
    celery_root = root / "celery"
    celery_root.mkdir()
    env = run_env(celery_root, seeds, TRADE_FIGURES_EXECUTOR="celery",
                  TRADE_FIGURES_CELERY_BROKER=f"redis://127.0.0.1:{free_port()}/0")
    with celery_cluster(celery_root, env):
        celery, out = timed_run(env)
    report(f"run_{n}_celery_{WORKERS}_workers_s", celery, "s", processes=WORKERS, summary=out.splitlines()[-1],
           **about)
    same = (json.loads((root / "multiprocess" / "output" / "current" / "manifest.json").read_text())["content_hash"]
            == json.loads((celery_root / "output" / "current" / "manifest.json").read_text())["content_hash"])
    report(f"run_{n}_celery_over_multiprocess", celery / multi, "x", same_content=same, **about)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="keep the corpus and runs here (default: a temp folder)")
    args = parser.parse_args(argv)
    root = args.work or Path(tempfile.mkdtemp(prefix="trade-figures-executors-"))
    try:
        generate(args.docs, root / "corpus")
        bench_executors(root / "corpus" / "seeds", args.docs, root,
                        lambda metric, value, unit, **extra: print(json.dumps(
                            {"metric": metric, "value": round(value, 4), "unit": unit, **extra}), flush=True))
    finally:
        if args.work is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
