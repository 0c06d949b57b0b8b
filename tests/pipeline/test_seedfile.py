"""Only regular files inside the seeds folder are opened: a FIFO or a link to /dev/zero never hangs a read or a hash.

Each read runs under an alarm, so a regression fails the test instead of hanging it.
"""
from __future__ import annotations

import contextlib
import os
import signal

import pytest

from pipeline.documents import read_document
from pipeline.seed_changes import SeedTracker
from pipeline.seedfile import SeedRefused, read_seed

TEXT = "U.S. goods exports to Chile reached $16.2 billion in 2013.\n"


@contextlib.contextmanager
def within(seconds: int):
    def hung(signum, frame):
        raise TimeoutError(f"still blocked after {seconds} s")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(folder / "pipe.txt", folder / "pipe-alias.txt")
    (folder / "dir.txt").mkdir()
    os.symlink(folder / "dir.txt", folder / "dir-alias.txt")
    return folder


def test_a_fifo_is_listed_with_a_status_and_never_opened(seeds):
    with within(5):
        for name in ("pipe.txt", "pipe-alias.txt"):
            doc = read_document(seeds, name, 10_000)
            assert doc.status == "not_regular" and "named pipe (FIFO)" in doc.reason
            assert doc.text is None and doc.sha256 is None


def test_a_link_to_dev_zero_is_refused_and_a_linked_directory_is_not_regular(seeds):
    with within(5):
        assert read_document(seeds, "zero.txt", 10_000).status == "outside_seeds"
        doc = read_document(seeds, "dir-alias.txt", 10_000)
        assert doc.status == "not_regular" and "directory" in doc.reason


def test_the_change_check_never_opens_a_special_file(seeds, tmp_path):
    tracker = SeedTracker(seeds, tmp_path / "output", {"reader": "test"})
    with within(5):
        scan = tracker.scan()
    assert {"good.txt", "pipe.txt", "zero.txt", "pipe-alias.txt", "dir-alias.txt"} <= set(scan.to_read)


def test_no_more_than_the_limit_is_read(seeds):
    (seeds / "big.txt").write_bytes(b"x" * 5000)
    with pytest.raises(SeedRefused) as refused:
        read_seed(seeds, "big.txt", 4999)
    assert refused.value.status == "too_large" and refused.value.size == 5000
    assert read_seed(seeds, "big.txt", 5000) == b"x" * 5000
