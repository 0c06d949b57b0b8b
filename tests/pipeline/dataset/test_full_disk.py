"""Leftover staging and a full disk: neither blocks the next publish, and ``current`` never moves to a broken version.

The full disk is real: a 1 MiB tmpfs where the machine allows mounting one,
and a file-size limit (``RLIMIT_FSIZE``, writes failing with EFBIG) anywhere.
"""
from __future__ import annotations

import contextlib
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.dataset import Lineage, list_versions, prune_versions, publish_version, verify_version
from pipeline.dataset.layout import Layout
from tests.pipeline.dataset.sample import REPO, sample_tables

LINEAGE = Lineage("code", "extractor")


def publish_in_child(output: Path, variant: int | str, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.pipeline.dataset.publish_child", str(output), str(variant)],
                          cwd=REPO, capture_output=True, text=True, timeout=120, preexec_fn=preexec_fn)


def leave_a_partial_copy(output: Path) -> Path:
    """What a publish killed while writing leaves: a staged folder with some of a version's files."""
    layout = Layout(output)
    leftover = layout.staging / f"{layout.current_id()}.0123456789abcdef"
    shutil.copytree(layout.current.resolve() / "figures", leftover / "figures")
    return leftover


def assert_current_whole_and_staging_empty(output: Path, version_id: str) -> None:
    layout = Layout(output)
    assert layout.current_id() == version_id and verify_version(output).ok
    assert not layout.staging.exists() or not any(layout.staging.iterdir())


def test_a_publish_clears_a_partial_copy_left_in_staging(tmp_path):
    publish_version(tmp_path, sample_tables(0), LINEAGE)
    leftover = leave_a_partial_copy(tmp_path)
    result = publish_version(tmp_path, sample_tables(1), LINEAGE)
    assert result.published and not leftover.exists()
    assert_current_whole_and_staging_empty(tmp_path, result.version_id)


def test_prune_clears_leftover_staging_by_function_and_command(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE).version_id
    leftover = leave_a_partial_copy(tmp_path)
    assert prune_versions(tmp_path, 5) == [] and not leftover.exists()
    leftover = leave_a_partial_copy(tmp_path)
    run = subprocess.run([sys.executable, "-m", "pipeline.dataset", "prune", "--keep", "5", "--output", str(tmp_path)],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not leftover.exists()
    assert_current_whole_and_staging_empty(tmp_path, first)


def small_files_only() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))


UPDATES = pytest.mark.parametrize("variant", [1, "u1"], ids=["whole", "update"])
"""A version from whole tables, or updated from the current one (its unchanged parts linked, not written)."""


@UPDATES
def test_a_publish_failing_on_a_file_size_limit_leaves_current_and_the_next_one_succeeds(tmp_path, variant):
    first = publish_in_child(tmp_path, 0)
    assert first.returncode == 0, first.stderr
    failed = publish_in_child(tmp_path, variant, preexec_fn=small_files_only)
    assert failed.returncode != 0 and "File too large" in failed.stderr
    assert_current_whole_and_staging_empty(tmp_path, first.stdout.strip())
    second = publish_in_child(tmp_path, 1)
    assert second.returncode == 0, second.stderr
    assert_current_whole_and_staging_empty(tmp_path, second.stdout.strip())
    assert list_versions(tmp_path) == [first.stdout.strip(), second.stdout.strip()]


@contextlib.contextmanager
def tiny_disk(path: Path, size: str):
    path.mkdir()
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mount.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


@UPDATES
def test_a_publish_failing_on_a_full_disk_leaves_current_and_frees_its_space(tmp_path, variant):
    with tiny_disk(tmp_path / "disk", "1m") as disk:
        output = disk / "output"
        first = publish_in_child(output, 0)
        assert first.returncode == 0, first.stderr
        filler = disk / "filler"
        filler.write_bytes(b"\0" * (shutil.disk_usage(disk).free - (60_000 if variant == 1 else 20_000)))
        free = shutil.disk_usage(disk).free
        failed = publish_in_child(output, variant)
        assert failed.returncode != 0 and "No space left on device" in failed.stderr
        assert_current_whole_and_staging_empty(output, first.stdout.strip())
        assert shutil.disk_usage(disk).free == free  # the failed version's files are gone
        filler.unlink()
        second = publish_in_child(output, 1)
        assert second.returncode == 0, second.stderr
        assert_current_whole_and_staging_empty(output, second.stdout.strip())
