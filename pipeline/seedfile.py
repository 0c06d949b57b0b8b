"""Opening a seed file: the one place that does, for the reader and the change check alike.

Only a regular file inside the seeds folder is ever opened, and never more
than the size limit is read from it. A named pipe or a device (``/dev/zero``
behind a link) would block a reader forever or feed it without end; such a
file is refused from its ``stat`` before any ``open``, the open itself cannot
block (``O_NONBLOCK``), and the opened descriptor is checked again in case
the path was swapped in between.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class SeedRefused(Exception):
    """A seed file that is not read, with the document status and reason that say why."""

    def __init__(self, status: str, reason: str, size: int = 0):
        super().__init__(reason)
        self.status, self.reason, self.size = status, reason, size


def read_seed(seeds_dir: Path, file_name: str, max_bytes: int) -> bytes:
    """The bytes of ``seeds_dir/file_name`` (a POSIX path relative to the folder), or ``SeedRefused`` (missing, outside_seeds, not_regular,
    too_large or unreadable); never blocks on a special file and never reads more than ``max_bytes + 1``."""
    parts = file_name.split("/")  # a POSIX path relative to the folder: "2024/q1/chile.txt"
    if file_name.startswith("/") or any(part in ("", ".", "..") or os.sep in part for part in parts):
        raise SeedRefused("unreadable", f"not a path inside the seeds folder: {file_name!r}")
    try:
        real = seeds_dir.joinpath(*parts).resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError, RuntimeError):
        raise SeedRefused("missing", "the file disappeared (or is a broken or looping link) before it could be read") \
            from None
    except OSError as exc:
        raise SeedRefused("unreadable", f"could not be resolved: {exc.strerror or exc}") from None
    if not real.is_relative_to(seeds_dir.resolve()):
        raise SeedRefused("outside_seeds", f"links to {real}, outside the seeds folder; never read")
    try:
        return _read_regular(real, max_bytes)
    except FileNotFoundError:
        raise SeedRefused("missing", "the file disappeared before it could be read") from None
    except OSError as exc:
        raise SeedRefused("unreadable", f"could not be read: {exc.strerror or exc}") from None


def _read_regular(path: Path, max_bytes: int) -> bytes:
    _require_regular(os.stat(path), "")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        opened = os.fstat(fd)
        _require_regular(opened, " (swapped for one while being opened)")
        if opened.st_size > max_bytes:
            raise SeedRefused("too_large", f"{opened.st_size} bytes is over the {max_bytes}-byte limit", opened.st_size)
        chunks, left = [], max_bytes + 1
        while left > 0 and (chunk := os.read(fd, min(left, _READ_CHUNK))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # grew between the stat and the read
        raise SeedRefused("too_large", f"over the {max_bytes}-byte limit", len(data))
    return data


def _require_regular(st: os.stat_result, when: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
        raise SeedRefused("not_regular", f"{kind}{when}, not a regular file; never read")
