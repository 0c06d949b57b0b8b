"""Every hostile file of issue 16 beside copies of the seeds, through the real `make run` under a 2 GiB memory limit.

The limit is ``RLIMIT_AS`` (address space), set in ``preexec_fn`` on `make` and
so inherited by every process of the run's tree. A cgroup's ``memory.max``
would bound the tree as one, but this machine's cgroup v2 hierarchy has no
memory controller (only v1's, which belongs to the machinery running the
sessions). So the run works in one process (``TRADE_FIGURES_EXECUTOR=in_process``):
beside it the tree holds only `make` and Dagster's log tailers (`tail` and
small Python processes, at most about 15 MB each). Address space is more than memory used: a clean run of the seeds
reserves 2.7 GB unbounded but fits in 2 GiB (polars and the allocators
reserve less when held to it) and uses about 310 MB resident; the 4 MB of
``$1 $1 …`` once took 23.8 GB. Besides the limit, the tree's resident memory
is summed from /proc every 0.1 s while it runs and must stay under 2 GiB.

The test runs as root in CI, where ``chmod 000`` stops nothing: the run is
started without the capabilities that let root read any file
(``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``, dropped from its bounding set),
so the unreadable file really is unreadable to it.
"""
from __future__ import annotations

import ctypes
import os
import resource
import shutil
import threading
from pathlib import Path

import polars as pl
import pytest

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES
from tests.conftest import SEEDS
from tests.e2e.runs import finish, start_make_run

MEMORY = 2 << 30
TIMEOUT = 180
"""Seconds a run may take; a clean run of the seeds takes about 5."""
ENV = {"TRADE_FIGURES_EXECUTOR": "in_process"}
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2

IMPLAUSIBLE = """Trade Bulletin, March 3, 2014

U.S. exports to Mexico fell 150 percent in 2013.
U.S. imports from China reached $999,999,999 trillion in 2013.
U.S. exports to Canada reached $1.5 cents per pound in 2013.
In 2012, U.S. exports to Brazil reached $5 billion in 1850.
U.S. goods exports to Chile reached $16.2 billion in 2013.
"""
WIDE = "Trade Bulletin, May 2, 2014\n\nU.S. goods exports to Peru reached $10.1 billion in 2013.\n"
STATUSES = {"dense.txt": "too_dense", "pipe.txt": "not_regular", "zero.txt": "outside_seeds",
            "outside.txt": "outside_seeds", "dangling.txt": "missing", "locked.txt": "unreadable",
            "empty.txt": "empty", "binary.txt": "binary", "huge.txt": "too_large",
            "wide.txt": "ok", "implausible.txt": "ok"}


def bounded() -> None:
    """In the run's first process: the address-space limit, and no reading of files that deny it, even as root."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def tree_rss(root_pid: int) -> int:
    """Bytes resident in ``root_pid`` and all its descendants, from /proc."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = dict(line.split(":", 1) for line in Path(f"/proc/{entry}/status").read_text().splitlines())
            except (OSError, ValueError):
                continue
            parents[int(entry)] = int(fields["PPid"])
            rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    tree, grew = {root_pid}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    return sum(rss.get(pid, 0) for pid in tree)


def make_run_bounded(root: Path, seeds: Path) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak resident bytes of the tree) of `make run` under the limits."""
    run = start_make_run(root, seeds, ENV, preexec_fn=bounded)
    peak, done = [0], threading.Event()

    def sample():
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss(run.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        code, stdout, stderr = finish(run, TIMEOUT)
    finally:
        done.set()
        sampler.join()
    return code, stdout, stderr, peak[0]


def hostile_folder(root: Path) -> Path:
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "dense.txt").write_text("$1 " * 1_400_000)  # 4.2 MB
    os.mkfifo(seeds / "pipe.txt")
    os.symlink("/dev/zero", seeds / "zero.txt")
    (root / "elsewhere.txt").write_text(IMPLAUSIBLE)
    os.symlink(root / "elsewhere.txt", seeds / "outside.txt")
    os.symlink(seeds / "gone.txt", seeds / "dangling.txt")
    (seeds / "locked.txt").write_text(WIDE)
    (seeds / "locked.txt").chmod(0)
    (seeds / "wide.txt").write_bytes(WIDE.encode("utf-16"))  # with its byte order mark
    (seeds / "implausible.txt").write_text(IMPLAUSIBLE)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with open(seeds / "huge.txt", "wb") as huge:
        huge.truncate(DEFAULT_MAX_DOCUMENT_BYTES + 1)
    return seeds


def published(output: Path) -> dict[str, pl.DataFrame]:
    current = output / "current"
    return {"figures": pl.scan_parquet(current / "figures", hive_partitioning=True).collect().sort("figure_id"),
            "documents": pl.read_parquet(current / "documents"),
            "rejected": pl.read_parquet(current / "rejected").sort("figure_id")}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The tables of `make run` on copies of the seeds alone, under the same limits."""
    root = tmp_path_factory.mktemp("clean")
    shutil.copytree(SEEDS, root / "seeds")
    code, _, stderr, _ = make_run_bounded(root, root / "seeds")
    assert code == 0, stderr[-3000:]
    return published(root / "output")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(first run, second run, tables) of `make run` twice on the hostile folder under the limits."""
    root = tmp_path_factory.mktemp("hostile")
    seeds = hostile_folder(root)
    first = make_run_bounded(root, seeds)
    second = make_run_bounded(root, seeds)
    return first, second, published(root / "output") if (root / "output" / "current").exists() else None


def test_the_run_finishes_in_time_and_within_the_limit(hostile):
    (code, stdout, stderr, peak), _, _ = hostile
    assert code == 0, stderr[-3000:]
    assert peak < MEMORY, f"the run's processes held {peak / 2**20:.0f} MiB at once"
    assert "rejected 4 figures and 9 documents" in stdout


def test_every_bad_file_is_listed_with_its_status_and_a_reason(hostile):
    _, _, tables = hostile
    documents = tables["documents"]
    status = dict(documents.select("file_name", "status").iter_rows())
    assert status == {**{p.name: "ok" for p in SEEDS.glob("*.txt")}, **STATUSES}
    reasons = documents.filter(pl.col("status") != "ok")["reason"]
    assert reasons.null_count() == 0 and reasons.str.len_chars().min() > 0


def test_the_good_documents_give_the_figures_of_a_clean_run(hostile, clean):
    _, _, tables = hostile
    seed_docs = clean["documents"]["doc_id"]
    assert clean["figures"].height > 200
    for table in ("figures", "rejected"):
        assert tables[table].filter(pl.col("doc_id").is_in(seed_docs.implode())).equals(clean[table]), table


def test_utf16_text_is_read_and_its_figure_published(hostile):
    _, _, tables = hostile
    [wide] = tables["documents"].filter(pl.col("file_name") == "wide.txt").to_dicts()
    assert wide["encoding"] == "utf-16-le"
    figures = tables["figures"].filter(pl.col("doc_id") == wide["doc_id"])
    assert figures.select("text", "value", "partner", "year").rows() == [("$10.1 billion", 10.1e9, "PER", 2013)]


def test_implausible_figures_are_rejected_with_their_reasons_and_the_plausible_one_published(hostile):
    _, _, tables = hostile
    rejected = tables["rejected"]
    assert rejected.filter(pl.col("reason").is_null() | (pl.col("reason") == "")).is_empty()
    implausible = rejected.filter(pl.col("doc_id") == "implausible")
    assert sorted(implausible["check"]) == ["money_is_not_a_subunit", "money_is_within_trade_magnitudes",
                                            "pct_change_is_at_least_minus_100", "year_in_range"]
    figures = tables["figures"].filter(pl.col("doc_id") == "implausible")
    assert figures["text"].to_list() == ["$16.2 billion"]


def test_a_second_run_on_the_same_folder_finishes_and_publishes_nothing_new(hostile):
    _, (code, stdout, stderr, peak), _ = hostile
    assert code == 0, stderr[-3000:]
    assert peak < MEMORY
    assert "unchanged, current stays" in stdout
