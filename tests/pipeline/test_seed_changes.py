"""The seeds folder diff: stat as a pre-filter, sha256 only for files whose stat moved."""
from __future__ import annotations

import os

from pipeline.seed_changes import SeedState, StateFiles, diff_seeds, dumps_state, file_sha256, loads_state
from pipeline.seeds import SeedStat, list_seeds


class CountingHasher:
    def __init__(self, hasher):
        self.hasher, self.calls = hasher, []

    def __call__(self, name):
        self.calls.append(name)
        return self.hasher(name)


def look(folder, previous):
    hasher = CountingHasher(file_sha256(folder))
    return diff_seeds(previous, list_seeds(folder), hasher), hasher.calls


def test_first_look_adds_and_hashes_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "b.txt").write_text("beta")
    changes, hashed = look(tmp_path, {})
    assert (changes.added, changes.changed, changes.removed) == (["a.txt", "b.txt"], [], [])
    assert sorted(hashed) == ["a.txt", "b.txt"]
    assert changes.state["a.txt"].sha256 == file_sha256(tmp_path)("a.txt")


def test_added_changed_removed_and_touched(tmp_path):
    for name in ("keep.txt", "edit.txt", "gone.txt", "touch.txt"):
        (tmp_path / name).write_text(name)
    first, _ = look(tmp_path, {})
    (tmp_path / "new.txt").write_text("new")
    (tmp_path / "edit.txt").write_text("edited")
    (tmp_path / "gone.txt").unlink()
    os.utime(tmp_path / "touch.txt", ns=(1, 1))  # same bytes, new mtime

    changes, hashed = look(tmp_path, first.state)

    assert (changes.added, changes.changed, changes.removed) == (["new.txt"], ["edit.txt"], ["gone.txt"])
    assert sorted(hashed) == ["edit.txt", "new.txt", "touch.txt"]
    assert changes.state["touch.txt"].mtime_ns == 1
    assert set(changes.state) == {"keep.txt", "edit.txt", "touch.txt", "new.txt"}


def test_touched_identical_file_is_no_change(tmp_path):
    (tmp_path / "a.txt").write_text("alpha")
    first, _ = look(tmp_path, {})
    os.utime(tmp_path / "a.txt", ns=(5, 5))
    changes, hashed = look(tmp_path, first.state)
    assert not changes.any and hashed == ["a.txt"]


def test_ten_thousand_unchanged_files_hash_nothing(tmp_path):
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(str(i))
    first, hashed_first = look(tmp_path, {})
    assert len(first.added) == len(hashed_first) == 10_000

    again, hashed_again = look(tmp_path, loads_state(dumps_state(first.state)))

    assert not again.any
    assert hashed_again == []
    assert again.state == first.state


def test_unreadable_file_is_reported_once():
    listing = [SeedStat("locked.txt", 3, 7)]
    first = diff_seeds({}, listing, lambda name: None)
    assert first.added == ["locked.txt"] and first.state["locked.txt"].sha256 is None
    again = diff_seeds(first.state, listing, lambda name: None)
    assert not again.any


def test_state_round_trip():
    state = {"a.txt": SeedState(1, 2, "ab"), "b.txt": SeedState(3, 4, None)}
    assert loads_state(dumps_state(state)) == state
    assert loads_state(None) == {}
    assert loads_state('{"format": 0}') == {}


def test_state_files_keep_only_the_saved_and_the_kept_state(tmp_path):
    files = StateFiles(tmp_path / "states")
    assert files.load(None) == {} and files.load("gone") == {}
    first = files.save({"a.txt": SeedState(1, 2, "ab")})
    second = files.save({"a.txt": SeedState(1, 3, "ab")}, keep=first)
    third = files.save({"b.txt": SeedState(5, 6, "cd")}, keep=second)
    assert files.load(second) == {"a.txt": SeedState(1, 3, "ab")}
    assert {p.stem for p in (tmp_path / "states").iterdir()} == {second, third}
    assert files.save(files.load(third), keep=second) == third
