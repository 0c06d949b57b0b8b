"""Retention: pruning the oldest versions, never the current one, by function, command or environment."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from pipeline.dataset import Lineage, list_versions, open_table, prune_versions, publish_version
from pipeline.dataset.layout import Layout
from tests.pipeline.dataset.sample import REPO, sample_tables

LINEAGE = Lineage("code", "extractor")


def _publish(output: Path, variants: range, keep: int | None = None) -> list[str]:
    return [publish_version(output, sample_tables(v), LINEAGE, keep=keep).version_id for v in variants]


def _point_current_at(output: Path, version_id: str) -> None:
    tmp = output / f".current.{uuid.uuid4().hex}"
    os.symlink(Path("versions") / version_id, tmp)
    os.replace(tmp, output / "current")


def test_prune_keeps_the_newest(tmp_path):
    ids = _publish(tmp_path, range(4))
    assert prune_versions(tmp_path, 2) == ids[:2]
    assert list_versions(tmp_path) == ids[2:]
    assert list(Layout(tmp_path).staging.iterdir()) == []
    assert prune_versions(tmp_path, 2) == []


def test_prune_never_removes_the_version_current_points_at(tmp_path):
    ids = _publish(tmp_path, range(3))
    _point_current_at(tmp_path, ids[0])  # an operator rolled back
    assert prune_versions(tmp_path, 1) == [ids[1]]
    assert list_versions(tmp_path) == [ids[0], ids[2]]
    assert open_table(tmp_path, "figures").collect().height == sample_tables(0).figures.height


def test_keep_must_be_positive(tmp_path):
    _publish(tmp_path, range(1))
    with pytest.raises(ValueError):
        prune_versions(tmp_path, 0)


def test_the_keep_setting_is_honoured_after_each_publish(tmp_path):
    ids = _publish(tmp_path, range(3), keep=2)
    assert list_versions(tmp_path) == ids[1:]
    more = _publish(tmp_path, range(3, 5))
    assert list_versions(tmp_path) == ids[1:] + more


def test_the_prune_command(tmp_path):
    ids = _publish(tmp_path, range(3))
    result = subprocess.run([sys.executable, "-m", "pipeline.dataset", "prune", "--keep", "1", "--output",
                             str(tmp_path)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "pruned 2 versions" in result.stdout
    assert list_versions(tmp_path) == ids[2:]
