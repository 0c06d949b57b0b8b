"""The seeds folder: which files are seed documents, and what changed since a previous look."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SEED_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class SeedStat:
    """A seed file as the folder listing sees it: cheap to get, no content read."""

    name: str
    size: int
    mtime_ns: int


def list_seeds(seeds_dir: Path) -> list[SeedStat]:
    """Every ``*.txt`` entry of the folder (not hidden), sorted by name.

    Symlinks are listed by their own stat (not followed): whether their target
    may be read is decided when the document is read, so a link pointing
    outside the folder still shows up as a rejected document.
    """
    seeds = []
    try:
        entries = list(os.scandir(seeds_dir))
    except FileNotFoundError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith(SEED_SUFFIX):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except FileNotFoundError:  # removed while we were listing
            continue
        if entry.is_dir(follow_symlinks=False):
            continue
        seeds.append(SeedStat(entry.name, st.st_size, st.st_mtime_ns))
    return sorted(seeds, key=lambda s: s.name)


def doc_id_for(file_name: str) -> str:
    """The contract's document id: the seed file's name without ``.txt``."""
    return file_name[: -len(SEED_SUFFIX)] if file_name.endswith(SEED_SUFFIX) else file_name
