"""Two `make run`s at once on the same folders and instance: both succeed, the later one after saying it waits.

Without the run lock, one of two such runs failed about one time in three
(a new instance's SQLite tables created twice: "table run_tags already exists").
"""
from __future__ import annotations

import json
import shutil
import threading

import pytest
from filelock import FileLock

from pipeline.dataset import verify_version
from pipeline.runlock import RUN_LOCK, waiting_line
from tests.conftest import SEEDS
from tests.e2e.runs import finish, start_make_run

TIMEOUT = 300
ROUNDS = 3


def lines_until(stream, wanted: str, timeout: float) -> list[str]:
    """The lines read from ``stream`` up to and including ``wanted``, or all read when ``timeout`` passes first."""
    lines: list[str] = []

    def read():
        while (line := stream.readline()) and line.rstrip("\n") != wanted:
            lines.append(line)
        lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return lines


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_runs_started_together_both_succeed_and_publish_one_version(tmp_path, round_):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    runs = [start_make_run(tmp_path, tmp_path / "seeds") for _ in range(2)]
    results = [finish(run, TIMEOUT) for run in runs]
    for code, stdout, stderr in results:
        assert code == 0, stderr[-3000:]
    output = tmp_path / "output"
    wait = waiting_line(output / RUN_LOCK)
    assert all(stdout.count(wait) <= 1 for _, stdout, _ in results)
    outcomes = sorted("published" if "\npublished " in stdout else "unchanged"
                      for _, stdout, _ in results)
    assert outcomes == ["published", "unchanged"]
    assert [path.name for path in (output / "versions").iterdir()] == [(output / "current").resolve().name]
    assert verify_version(output).ok


def test_a_run_started_while_another_holds_the_lock_says_it_waits_then_runs(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    output = tmp_path / "output"
    output.mkdir()
    with FileLock(output / RUN_LOCK):  # a run in progress, as far as the lock can tell
        run = start_make_run(tmp_path, tmp_path / "seeds")
        said = lines_until(run.stdout, waiting_line(output / RUN_LOCK), timeout=120)
        assert said[-1:] == [waiting_line(output / RUN_LOCK) + "\n"], said
        assert run.poll() is None and not (output / "current").exists()
    code, stdout, stderr = finish(run, TIMEOUT)
    assert code == 0, stderr[-3000:]
    manifest = json.loads((output / "current" / "manifest.json").read_text())
    assert f"published {manifest['version_id']}: " in stdout
