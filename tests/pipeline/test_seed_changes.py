"""The one change tracker: which seeds to read again, from the stat of what the reader reads."""
from __future__ import annotations

import gc
import json
import os

import pytest

from pipeline.seed_changes import SeedTracker, stats_of, unread
from pipeline.shards import CHUNKS, chunk_of, shard_of

VERSIONS = {"reader": "1", "extractor": "1"}


@pytest.fixture
def folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("alpha")
    (seeds / "b.txt").write_text("beta")
    return seeds


def tracker(folder, versions=VERSIONS) -> SeedTracker:
    return SeedTracker(folder, folder.parent / "output", versions)


def read_all(folder, statuses=None) -> None:
    """Record a scan as the extraction step does after reading every seed it names."""
    scan = tracker(folder).scan()
    tracker(folder).record(scan, {key: (statuses or {}).get(key, "ok") for key in scan.to_read}, {})


def test_first_scan_reads_every_seed_then_nothing(folder):
    scan = tracker(folder).scan()
    assert (scan.to_read, scan.removed, scan.any) == (["a.txt", "b.txt"], [], True)
    read_all(folder)
    assert not tracker(folder).scan().any
    assert tracker(folder).registered().keys == ["a.txt", "b.txt"]


def test_added_changed_and_removed_seeds(folder):
    read_all(folder)
    (folder / "c.txt").write_text("gamma")
    (folder / "a.txt").write_text("alpha, longer")
    (folder / "b.txt").unlink()
    scan = tracker(folder).scan()
    assert (scan.to_read, scan.removed) == (["a.txt", "c.txt"], ["b.txt"])
    tracker(folder).record(scan, {"a.txt": "ok", "c.txt": "ok"}, {})
    assert tracker(folder).registered().keys == ["a.txt", "c.txt"]


def test_a_touched_file_is_read_again(folder):
    read_all(folder)
    os.utime(folder / "b.txt", ns=(10**18, 10**18))
    assert tracker(folder).scan().to_read == ["b.txt"]


def test_a_link_is_followed_to_its_target(folder, tmp_path):
    target = folder / "target.dat"
    target.write_text("one")
    (folder / "link.txt").symlink_to(target.name)
    read_all(folder)
    target.write_text("one, then more")  # the link itself is untouched (the target is a document too)
    assert tracker(folder).scan().to_read == ["link.txt", "target.dat"]
    read_all(folder)
    other = folder / "other.dat"
    other.write_text("two")
    (folder / "link.txt").unlink()
    (folder / "link.txt").symlink_to(other.name)
    assert tracker(folder).scan().to_read == ["link.txt", "other.dat"]


def test_a_dangling_link_whose_target_appears_is_read(folder):
    (folder / "later.txt").symlink_to("not-yet.dat")
    read_all(folder, {"later.txt": "missing"})
    (folder / "not-yet.dat").write_text("here now")
    assert "later.txt" in tracker(folder).scan().to_read


def test_unreadable_and_missing_seeds_are_retried_on_every_scan(folder):
    read_all(folder, {"a.txt": "unreadable", "b.txt": "ok"})
    assert tracker(folder).scan().to_read == ["a.txt"]
    read_all(folder, {"a.txt": "unreadable"})
    assert tracker(folder).scan().to_read == ["a.txt"]  # still, whatever its stat


def test_a_permission_fix_is_a_change(folder):
    (folder / "a.txt").chmod(0o000)
    read_all(folder)
    (folder / "a.txt").chmod(0o644)
    assert tracker(folder).scan().to_read == ["a.txt"]


def test_a_new_reader_or_extractor_reads_everything_again(folder):
    read_all(folder)
    (folder / "b.txt").unlink()
    scan = tracker(folder, {"reader": "1", "extractor": "2"}).scan()
    assert (scan.to_read, scan.removed) == (["a.txt"], ["b.txt"])


def test_a_fifo_is_never_opened(folder):
    os.mkfifo(folder / "pipe.txt")
    assert "pipe.txt" in tracker(folder).scan().to_read  # stat only: this would hang if it read


def test_the_digest_names_the_pending_changes(folder):
    first = tracker(folder).scan()
    assert tracker(folder).scan().digest == first.digest
    (folder / "a.txt").write_text("alpha, again")
    assert tracker(folder).scan().digest != first.digest


def test_each_shard_keeps_its_own_state_and_a_shard_scan_sees_only_its_seeds(folder):
    for i in range(40):
        (folder / f"s{i}.txt").write_text(str(i))
    scan = tracker(folder).scan()
    shard = scan.changed_shards[0]
    only = tracker(folder).scan((shard,))
    assert only.to_read == [key for key in scan.to_read if shard_of(key) == shard]
    tracker(folder).record(only, dict.fromkeys(only.to_read, "ok"), {})
    assert tracker(folder).scan().changed_shards == [s for s in scan.changed_shards if s != shard]
    assert tracker(folder).registered().keys == only.to_read
    assert [p.parent.name for p in (folder.parent / "output" / "work" / "shards").glob("*/seeds_state.json")] \
        == [str(shard)]


def test_stats_are_taken_relative_to_the_folder_and_follow_links(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text("gamma")
    (folder / "dangling.txt").symlink_to("nowhere.dat")
    stats = stats_of(folder, ["a.txt", "sub/c.txt", "dangling.txt", "gone.txt"])
    a = (folder / "a.txt").stat()
    assert stats["a.txt"] == f"{a.st_dev}:{a.st_ino}:5:{a.st_mtime_ns}:{a.st_mode}"
    assert stats["sub/c.txt"].split(":")[2] == "5"
    assert stats["dangling.txt"] is None and stats["gone.txt"] is None
    assert stats_of(folder / "not-there", ["a.txt"]) == {"a.txt": None}


def test_a_scan_given_its_changes_stats_only_them_and_keeps_the_rest_of_the_shard(folder):
    for i in range(40):
        (folder / f"s{i}.txt").write_text(str(i))
    read_all(folder)
    shard = shard_of("a.txt")
    mates = sorted(key for key in tracker(folder).registered().keys if shard_of(key) == shard and key != "a.txt")
    (folder / "a.txt").write_text("alpha, longer")
    (folder / mates[0]).unlink()
    given = tracker(folder).given(shard, ["a.txt"], [mates[0]])
    assert (given.to_read, given.removed, set(given.stats), given.complete) == (["a.txt"], [mates[0]], {"a.txt"}, False)
    assert len(tracker(folder).record(given, {"a.txt": "ok"}, {})) == len(mates)
    assert not tracker(folder).scan().any
    assert [key for key in tracker(folder).registered().keys if shard_of(key) == shard] == ["a.txt", *mates[1:]]


def test_a_seed_given_as_removed_that_is_back_is_read_and_a_shard_of_other_versions_is_scanned(folder):
    read_all(folder)
    given = tracker(folder).given(shard_of("b.txt"), [], ["b.txt"])
    assert (given.to_read, given.removed) == (["b.txt"], [])
    newer = tracker(folder, {"reader": "2", "extractor": "1"}).given(shard_of("b.txt"), [], [])
    assert newer.complete and "b.txt" in newer.to_read


def test_a_record_gives_every_status_of_its_shards_and_unread_names_the_seeds_without_text(folder):
    scan = tracker(folder).scan()
    held = tracker(folder).record(scan, {"a.txt": "unreadable", "b.txt": "ok"}, {})
    assert held == {"a.txt": "unreadable", "b.txt": "ok"} and unread(held) == ["a.txt"]


def test_a_state_is_parsed_again_only_when_its_file_was_replaced(folder, monkeypatch):
    read_all(folder)
    parsed = []
    loads = json.loads
    monkeypatch.setattr(json, "loads", lambda text: parsed.append(text) or loads(text))
    tracker(folder).scan()  # parses each state written since this process last parsed it
    parsed.clear()
    tracker(folder).scan()
    tracker(folder).registered()
    assert parsed == []
    (folder / "a.txt").write_text("alpha, longer")
    given = tracker(folder).given(shard_of("a.txt"), ["a.txt"], [])
    tracker(folder).record(given, {"a.txt": "ok"}, {})
    assert tracker(folder).scan().to_read == [] and tracker(folder).registered().keys == ["a.txt", "b.txt"]
    assert len(parsed) == 1 and b'"a.txt"' in parsed[0]  # the state of a.txt's shard alone, written again


def test_the_seeds_registered_in_some_chunks_are_found_from_their_shards_states(folder):
    for n in range(40):
        (folder / f"s{n}.txt").write_text(str(n))
    read_all(folder)
    registered = tracker(folder).registered()
    chunks = {chunk_of("a.txt"), chunk_of("s7.txt"), (chunk_of("b.txt") + 1) % CHUNKS}
    expected = sorted(key for key in registered.keys if chunk_of(key) in chunks)
    assert registered.in_chunks(chunks) == expected and "a.txt" in expected and "s7.txt" in expected
    assert registered.shards is not None and sum(map(len, registered.shards.values())) == len(registered.keys)


def test_stats_and_parsed_states_are_left_out_of_garbage_collection(folder):
    read_all(folder)
    tracker(folder).registered()  # the states parsed, as every scan and publish parses them
    scan = tracker(folder).scan()
    _, stats, unread, _ = tracker(folder)._load(shard_of("a.txt"))
    assert isinstance(scan.stats["a.txt"], str) and stats["a.txt"] == scan.stats["a.txt"] and unread == {}
    assert not gc.is_tracked(stats) and not gc.is_tracked(scan.stats)  # dicts of strings: never tracked (CPython)


def test_a_damaged_entry_is_read_again_and_a_state_of_the_wrong_shape_counts_as_none(folder):
    read_all(folder)
    path = tracker(folder).path(shard_of("a.txt"))
    state = json.loads(path.read_text())
    path.write_text(json.dumps({**state, "stats": {**state["stats"], "a.txt": 5}}))  # damaged by hand
    assert tracker(folder).scan().to_read == ["a.txt"]
    path.write_text(json.dumps({**state, "stats": [5]}))
    assert set(state["stats"]) <= set(tracker(folder).scan().to_read)
