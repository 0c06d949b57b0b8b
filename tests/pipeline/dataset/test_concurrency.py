"""Publishes from several processes at once are serialised by the lock and never corrupt each other."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.dataset import Lineage, list_versions, publish_version, read_manifest
from pipeline.dataset.layout import Layout
from tests.pipeline.dataset.invariants import assert_consistent
from tests.pipeline.dataset.sample import REPO, sample_tables


def _publish_at_once(output: Path, variants: list[int | str]) -> list[str]:
    children = [subprocess.Popen([sys.executable, "-m", "tests.pipeline.dataset.publish_child", str(output), str(v)],
                                 cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for v in variants]
    results = [child.communicate() for child in children]
    assert [child.returncode for child in children] == [0] * len(children), [err for _, err in results]
    return [out.strip() for out, _ in results]


def test_different_contents_at_once_make_one_chain_of_versions(tmp_path):
    _publish_at_once(tmp_path, [1, 2, 3, 4])
    current = assert_consistent(tmp_path)
    versions = list_versions(tmp_path)
    assert len(versions) == 4
    manifests = [read_manifest(tmp_path, v) for v in versions]
    # each publish saw the one before it: a single chain, no two versions with the same parent
    assert [m["parent"] for m in manifests] == [None, *versions[:-1]]
    assert current == versions[-1]
    for before, after in zip(manifests, manifests[1:]):
        added = after["changes"]["figures"]["added"] - after["changes"]["figures"]["removed"]
        assert after["row_counts"]["figures"] - before["row_counts"]["figures"] == added
    assert list(Layout(tmp_path).staging.iterdir()) == []


def test_the_same_content_at_once_publishes_one_version(tmp_path):
    ids = _publish_at_once(tmp_path, [2, 2])
    assert len(set(ids)) == 1
    assert list_versions(tmp_path) == ids[:1]
    assert read_manifest(tmp_path)["row_counts"]["figures"] == sample_tables(2).figures.height


def test_updates_at_once_each_apply_to_the_version_current_when_they_publish(tmp_path):
    _publish_at_once(tmp_path, [0])
    _publish_at_once(tmp_path, ["u1", "u2", "u3"])
    current = assert_consistent(tmp_path)
    versions = list_versions(tmp_path)
    manifests = [read_manifest(tmp_path, v) for v in versions]
    assert [m["parent"] for m in manifests] == [None, *versions[:-1]] and current == versions[-1]
    assert len(versions) == 4
    last = int(manifests[-1]["row_counts"]["figures"]) - sample_tables(0).figures.height
    fresh = publish_version(tmp_path / "whole", sample_tables(last), Lineage("test", "test"))
    assert fresh.manifest["content_hash"] == manifests[-1]["content_hash"]  # the same as built from every document
