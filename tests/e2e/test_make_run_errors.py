"""A failing `make run` tells its cause in two plain lines; Dagster's own log stays out of the terminal."""
from __future__ import annotations

import re
import shutil

from tests.conftest import SEEDS
from tests.e2e.runs import finish, start_make_run

TIMEOUT = 300
MAKES_OWN = re.compile(r"make(\[\d+\])?: ")
"""`make: *** …` after a failed command (`make[2]: …` when make runs inside `make test`)."""


def test_a_failing_run_prints_the_step_and_its_error_and_nothing_of_dagsters_log(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "versions").write_text("a file where the versions folder should be")
    code, stdout, stderr = finish(start_make_run(tmp_path, tmp_path / "seeds"), TIMEOUT)
    assert code != 0
    ours = [line for line in stderr.splitlines() if not MAKES_OWN.match(line)]
    assert len(ours) == 2, stderr
    assert ours[0].startswith("run ") and ours[0].endswith(" failed in step publish:")
    assert "Error" in ours[1] and "Traceback" not in stderr
    assert "DEBUG" not in stdout + stderr and "dagster - " not in stdout + stderr


def test_an_output_folder_that_cannot_hold_the_run_lock_is_told_in_one_line(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "output").write_text("a file where the output folder should be")
    code, stdout, stderr = finish(start_make_run(tmp_path, tmp_path / "seeds"), TIMEOUT)
    assert code != 0
    ours = [line for line in stderr.splitlines() if not MAKES_OWN.match(line)]
    assert ours == [f"cannot take the run lock {tmp_path / 'output' / '.run.lock'}: File exists"], stderr
