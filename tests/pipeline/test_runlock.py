"""The run lock: a run waits for another process that holds it, says so once, and goes on when it is let go or killed."""
from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from pipeline.runlock import RUN_LOCK, RunLockUnavailable, one_run_at_a_time, waiting_line

HOLD = """
import sys
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.readline()
"""


def holder(lock_file):
    """Another process that holds the lock until a line arrives on its stdin."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(lock_file)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "held\n"
    return process


def enter_in_a_thread(output_dir):
    """(lines said, set once inside the lock, the thread) for one run entering the lock."""
    said, inside = [], threading.Event()

    def run():
        with one_run_at_a_time(output_dir, said.append):
            inside.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return said, inside, thread


def test_a_free_lock_is_taken_without_a_word(tmp_path):
    said = []
    with one_run_at_a_time(tmp_path / "output", said.append):
        assert (tmp_path / "output" / RUN_LOCK).exists()
    assert said == []


def test_a_run_waits_for_the_run_in_progress_and_says_so_once(tmp_path):
    process = holder(tmp_path / RUN_LOCK)
    said, inside, thread = enter_in_a_thread(tmp_path)
    assert not inside.wait(1.0)
    assert said == [waiting_line(tmp_path / RUN_LOCK)]
    process.communicate("done\n", timeout=10)
    assert inside.wait(10)
    thread.join(10)
    assert said == [waiting_line(tmp_path / RUN_LOCK)]


def test_a_killed_run_never_leaves_the_lock_held(tmp_path):
    process = holder(tmp_path / RUN_LOCK)
    said, inside, thread = enter_in_a_thread(tmp_path)
    assert not inside.wait(1.0)
    process.kill()
    process.wait(10)
    assert inside.wait(10)
    thread.join(10)
    assert len(said) == 1


def test_a_folder_that_cannot_hold_the_lock_is_said_plainly(tmp_path):
    (tmp_path / "output").write_text("a file where the output folder should be")
    with pytest.raises(RunLockUnavailable, match=r"cannot take the run lock .*\.run\.lock: "):
        with one_run_at_a_time(tmp_path / "output", print):
            pass
