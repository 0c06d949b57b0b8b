"""The seeds folder: which files are seed documents, and what changed since a previous look."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.formats import format_of

SEED_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class SeedStat:
    """A seed file as the folder listing sees it: cheap to get, no content read."""

    name: str
    """The path relative to the seeds folder, with ``/`` between folders: the file's key everywhere."""
    size: int
    mtime_ns: int
    format: str | None = None
    """txt, md, html or pdf by the file's suffix; None for a type that is not read (still listed)."""


def list_seeds(seeds_dir: Path) -> list[SeedStat]:
    """Every file in the folder tree (hidden files and folders aside), of any type, sorted by key.

    Every file is listed, whether its type is read or not, so none is left
    out of ``documents`` without a word. Symlinks are listed by their own
    stat (not followed, and a linked folder is not walked): whether their
    target may be read is decided when the document is read, so a link
    pointing outside the folder still shows up as a rejected document.
    """
    seeds: list[SeedStat] = []
    _walk(seeds_dir, "", seeds)
    return sorted(seeds, key=lambda s: s.name)


def _walk(folder: Path, prefix: str, seeds: list[SeedStat]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):  # gone, or removed while we were listing
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        key = prefix + entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), key + "/", seeds)
                continue
            st = entry.stat(follow_symlinks=False)
        except FileNotFoundError:  # removed while we were listing
            continue
        seeds.append(SeedStat(key, st.st_size, st.st_mtime_ns, format_of(key)))


def doc_id_for(file_name: str) -> str:
    """The contract's document id: the key without ``.txt`` for plain text, the whole key for other files.

    So a ``.txt`` seed's id is its name without ``.txt``, as the gold files
    have it, and ``a.txt`` beside ``a.html`` or ``a.pdf`` keeps its own id.
    Only ``X.txt`` beside a file named ``X`` share one (``pipeline.assemble``
    then lists the other file as unreadable).
    """
    return file_name[: -len(SEED_SUFFIX)] if file_name.endswith(SEED_SUFFIX) else file_name
