"""The no-change check: the current version is fresh when nothing is to be read and the chunks are those it read."""
from __future__ import annotations

import os
from dataclasses import replace

import pytest

from pipeline import freshness
from pipeline.freshness import Built, fresh_version
from pipeline.seed_changes import SeedTracker

VERSIONS = {"reader": "1", "extractor": "1"}
CHUNKS = {"3": "digest of chunk 3", "200": "digest of chunk 200"}


@pytest.fixture
def output(tmp_path):
    """An output folder whose seeds were all read (chunks 3 and 200 written) and whose current version is v1."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("alpha")
    output = tmp_path / "output"
    record_read(seeds, output, CHUNKS)
    (output / "versions" / "v1").mkdir(parents=True)
    os.symlink("versions/v1", output / "current")
    freshness.record(output, Built("v1", CHUNKS))
    return output


def tracker(output) -> SeedTracker:
    return SeedTracker(output.parent / "seeds", output, VERSIONS)


def record_read(seeds, output, chunks) -> None:
    """As an extraction step does: the seeds read, and the digests of its shard's chunks after writing them."""
    scan = SeedTracker(seeds, output, VERSIONS).scan()
    SeedTracker(seeds, output, VERSIONS).record(scan, {key: "ok" for key in scan.to_read},
                                                {int(c): d for c, d in chunks.items()})


def check(output) -> str | None:
    return fresh_version(output, tracker(output).scan())


def test_fresh_when_nothing_is_to_be_read_and_the_chunks_are_those_the_version_was_built_from(output):
    assert check(output) == "v1"
    assert tracker(output).scan().chunks == CHUNKS  # kept in the state of shards 3 and 0
    assert fresh_version(output, tracker(output).scan((3,))) is None  # a scan of some shards cannot tell


def test_a_seed_to_read_is_not_fresh(output):
    (output.parent / "seeds" / "b.txt").write_text("beta")
    assert check(output) is None


def test_a_chunk_written_since_is_not_fresh(output):
    record_read(output.parent / "seeds", output, {**CHUNKS, "200": "rewritten"})
    assert check(output) is None


def test_another_current_version_or_build_is_not_fresh(output):
    os.replace(output / "current", output / "gone")
    os.symlink("versions/v2", output / "current")
    assert check(output) is None
    os.replace(output / "gone", output / "current")
    assert check(output) == "v1"
    freshness.record(output, replace(Built("v1", CHUNKS), build="older code"))
    assert check(output) is None


def test_no_record_or_a_damaged_one_is_not_fresh(output):
    freshness.path_of(output).write_text("{not json")
    assert check(output) is None
    freshness.path_of(output).unlink()
    assert check(output) is None


def test_moved_chunks_are_those_whose_digest_differs_from_the_record_of_the_version(output):
    assert freshness.moved_chunks(output, "v1", CHUNKS) == set()
    assert freshness.moved_chunks(output, "v1", {"3": "rewritten", "7": "new"}) == {3, 7, 200}
    assert freshness.moved_chunks(output, "v2", CHUNKS) is None  # the record is of another version
    assert tracker(output).registered().chunks == CHUNKS
