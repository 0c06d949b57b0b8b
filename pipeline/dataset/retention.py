"""Retention: prune the oldest versions, never the one ``current`` points at.

A pruned version is first renamed into ``staging/`` (atomic), then deleted,
so ``versions/`` never shows a half-deleted folder; a prune killed midway
leaves only a leftover in ``staging/``, which the next publish or prune clears.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from filelock import FileLock

from pipeline.dataset.layout import Layout
from pipeline.dataset.manifest import list_versions

def prune_versions(output_dir: Path, keep: int) -> list[str]:
    """Remove all but the ``keep`` newest versions (and the current one); returns the removed ids."""
    layout = Layout(output_dir)
    with FileLock(layout.lock):
        clear_leftovers(layout)
        return prune_locked(layout, keep)


def clear_leftovers(layout: Layout) -> None:
    """What a killed or failed publish or prune left: staged or half-deleted folders and unswapped symlinks.

    Only called under the publish lock, when no other publish or prune is running.
    """
    if layout.staging.exists():
        for path in layout.staging.iterdir():
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    for link in layout.root.glob(".current.*"):
        link.unlink()


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
