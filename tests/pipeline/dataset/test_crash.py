"""A publish killed at any statement leaves a consistent dataset, and the next publish repairs the rest.

A child process publishes and SIGKILLs itself just before one line of
``pipeline/dataset/`` code; the test does this once for every distinct line
of the publish and prune code the child runs (staging, writing, checking,
manifest, rename, swap of ``current``, pruning).
"""
from __future__ import annotations

import ast
import inspect
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pipeline.dataset import Lineage, incremental, publish, publish_version, read_manifest, retention, whole
from pipeline.dataset.layout import Layout
from tests.pipeline.dataset.invariants import assert_consistent
from tests.pipeline.dataset.sample import REPO, sample_tables



def _child(output: Path, variant: int | str, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.pipeline.dataset.publish_child", str(output), str(variant),
                           str(kill_at)], cwd=REPO, capture_output=True, text=True)


def _executed_lines(template: Path, output: Path, variant: int | str) -> list[str]:
    """The lines of pipeline/dataset code a publish of ``variant`` over ``template`` runs, in order."""
    shutil.copytree(template, output, symlinks=True)
    counted = _child(output, variant, 0)
    assert counted.returncode == 0, counted.stderr
    return json.loads(counted.stdout)


def _statements_of(*functions) -> set[str]:
    """``file:line`` of each statement in the functions (the steps of a publish and of a prune)."""
    lines = set()
    for function in functions:
        source, first = inspect.getsourcelines(function)
        [definition] = ast.parse(textwrap.dedent("".join(source))).body
        name = Path(inspect.getsourcefile(function)).name
        lines |= {f"{name}:{first + node.lineno - 1}" for statement in definition.body
                  for node in ast.walk(statement) if isinstance(node, ast.stmt)}
    return lines


@pytest.mark.parametrize("variant", [1, "u1"], ids=["whole", "update"])
def test_publish_killed_at_every_statement_leaves_current_on_a_complete_version(tmp_path, variant):
    """Whole tables, or an update of the current version (whose unchanged parts are hard links to it)."""
    template = tmp_path / "template"
    first = publish_version(template, sample_tables(0), Lineage("test", "test"))
    second_hash = publish_version(tmp_path / "scratch", sample_tables(1), Lineage("test", "test")).manifest["content_hash"]

    executed = _executed_lines(template, tmp_path / "counted", variant)
    steps = _statements_of(publish.publish_version, publish._publish, publish._share_texts, publish._point_current,
                           retention.prune_locked, incremental.update, whole.build_whole)
    kill_points = sorted({line: n for n, line in reversed(list(enumerate(executed, start=1))) if line in steps}.values())
    assert len(kill_points) > 30

    def killed_at(kill_at: int) -> Path:
        output = tmp_path / f"killed-{kill_at}"
        shutil.copytree(template, output, symlinks=True)
        result = _child(output, variant, kill_at)
        assert result.returncode == -signal.SIGKILL, (kill_at, result.stderr)
        return output

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = list(pool.map(killed_at, kill_points))

    outcomes = set()
    for output in outputs:
        current = assert_consistent(output)
        outcomes.add(read_manifest(output)["content_hash"] == second_hash)
        assert current in (first.version_id, *os.listdir(output / "versions"))
        after = publish_version(output, sample_tables(1), Lineage("test", "test"))
        assert_consistent(output)
        assert after.manifest["content_hash"] == second_hash
        assert after.manifest["parent"] in (first.version_id, None) or after.published is False
        assert list(Layout(output).staging.iterdir()) == []
        assert list(output.glob(".current.*")) == []
    assert outcomes == {False, True}  # some kills came before the swap of current, some after
