"""The seeds folder: which files are seed documents, and what changed since a previous look."""
from __future__ import annotations

import os
from pathlib import Path

SEED_SUFFIX = ".txt"


def list_seeds(seeds_dir: Path) -> list[str]:
    """Every file in the folder tree (hidden files and folders aside), of any type, by key, sorted.

    Every file is listed, whether its type is read or not, so none is left
    out of ``documents`` without a word. Nothing is stat'ed or opened: the
    listing costs a folder read, whatever the number of seeds (the change
    tracker stats only the seeds of the shards it is asked about). A symlink
    is listed as a file, and a linked folder is not walked: whether a link's
    target may be read is decided when the document is read, so a link
    pointing outside the folder still shows up as a rejected document.
    """
    keys: list[str] = []
    _walk(seeds_dir, "", keys)
    return sorted(keys)


def _walk(folder: Path, prefix: str, keys: list[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):  # gone, or removed while we were listing
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        key = prefix + entry.name
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except FileNotFoundError:  # removed while we were listing
            continue
        if is_folder:
            _walk(Path(entry.path), key + "/", keys)
        else:
            keys.append(key)


def doc_id_for(file_name: str) -> str:
    """The contract's document id: the key without ``.txt`` for plain text, the whole key for other files.

    So a ``.txt`` seed's id is its name without ``.txt``, as the gold files
    have it, and ``a.txt`` beside ``a.html`` or ``a.pdf`` keeps its own id.
    Only ``X.txt`` beside a file named ``X`` share one (``pipeline.assemble``
    then lists the other file as unreadable).
    """
    return file_name[: -len(SEED_SUFFIX)] if file_name.endswith(SEED_SUFFIX) else file_name


def keys_of_doc_id(doc_id: str) -> tuple[str, ...]:
    """Every key whose ``doc_id_for`` is ``doc_id``: ``X.txt``, and ``X`` itself unless it ends in ``.txt``."""
    with_suffix = doc_id + SEED_SUFFIX
    return (with_suffix,) if doc_id.endswith(SEED_SUFFIX) else (doc_id, with_suffix)
