"""Retention: prune the oldest versions, never the one ``current`` points at.

A pruned version is first renamed into ``staging/`` (atomic), then deleted,
so ``versions/`` never shows a half-deleted folder; a prune killed midway
leaves only a leftover in ``staging/``, which the next publish clears.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from filelock import FileLock

from pipeline.dataset.layout import Layout
from pipeline.dataset.reader import list_versions

def prune_versions(output_dir: Path, keep: int) -> list[str]:
    """Remove all but the ``keep`` newest versions (and the current one); returns the removed ids."""
    layout = Layout(output_dir)
    with FileLock(layout.lock):
        return prune_locked(layout, keep)


def prune_locked(layout: Layout, keep: int) -> list[str]:
    """``prune_versions`` for a caller already holding the publish lock."""
    if keep < 1:
        raise ValueError(f"keep must be at least 1, got {keep}")
    current = layout.current_id()
    doomed = [v for v in list_versions(layout.root)[:-keep] if v != current]
    for version_id in doomed:
        layout.staging.mkdir(exist_ok=True)
        trash = layout.staging / f"{version_id}.pruned.{uuid.uuid4().hex}"
        os.rename(layout.version(version_id), trash)
        shutil.rmtree(trash)
    return doomed
