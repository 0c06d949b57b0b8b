"""Writing a file whole or not at all, safely when several processes write the same path at once."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """``write(file)`` into a uniquely named temporary file beside ``path``, then rename it over ``path``.

    A reader sees the old file or the new one, never half of one; two writers
    of the same path each use their own temporary file (a fixed name made one
    rename the other's file away), and the last rename wins with a whole file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
