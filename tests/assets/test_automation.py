"""The seeds-folder sensor and the nightly schedule, evaluated in process against a test instance.

The runs they request are executed here as `make run` executes its own (the
daemon's runs are in test_daemon.py): what one has read, the other does not
request again.
"""
from __future__ import annotations

import os
import shutil

import dagster as dg
import pytest

from assets.automation import nightly_revalidation, seed_folder_changes
from assets.dataset import publish
from assets.definitions import defs
from assets.extraction import GIVEN_MAX, given_changes, shard_key
from assets.resources import TradeFiguresSettings
from assets.launch import materialize_everything
from pipeline.dataset import open_table, read_manifest
from pipeline.seed_changes import SeedScan, tracker_for
from pipeline.shards import SHARDS, shard_of
from tests.conftest import SEEDS

NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


class Folder:
    """A seeds folder, a test instance and the sensor, ticked like the daemon does."""

    def __init__(self, seeds, output, instance):
        self.seeds, self.output, self.instance = seeds, output, instance
        self.resource = TradeFiguresSettings(seeds_dir=str(seeds), output_dir=str(output))

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(instance=self.instance, repository_def=defs.get_repository_def(),
                                          resources={"trade_figures": self.resource})
        return seed_folder_changes(context)

    def run(self) -> None:
        assert materialize_everything(self.instance, self.resource).success


@pytest.fixture
def folder(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for path in seeds.iterdir():
        path.chmod(0o644)
    with dg.instance_for_test() as instance:
        yield Folder(seeds, tmp_path / "output", instance)


def test_a_new_folder_gets_one_run_of_its_shards_and_publishing(folder):
    [request] = folder.tick().run_requests
    assert request.run_key
    shards = sorted({shard_of(name) for name in NAMES})
    assert request.asset_selection == [*map(shard_key, shards), *publish.keys]
    assert seed_folder_changes.asset_selection.resolve(defs.resolve_asset_graph()) == {
        *map(shard_key, range(SHARDS)),
        *(dg.AssetKey(k) for k in ("figures", "documents", "rejected", "series", "changes", "dataset"))}
    assert defs.resolve_job_def("materialize_everything").executor_def is dg.in_process_executor


def test_one_changed_seed_requests_its_one_shard(folder):
    folder.run()
    with open(folder.seeds / NAMES[1], "a") as fh:
        fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    [request] = folder.tick().run_requests
    assert request.asset_selection == [shard_key(shard_of(NAMES[1])), *publish.keys]
    step = shard_key(shard_of(NAMES[1])).path[-1]
    assert request.run_config == {"ops": {step: {"config": {"to_read": [NAMES[1]], "removed": []}}}}


def test_a_step_reads_the_changes_it_is_given_and_a_later_one_is_requested_next(folder):
    folder.run()
    shard = shard_of(NAMES[1])
    with open(folder.seeds / NAMES[1], "a") as fh:
        fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    scan = tracker_for(folder.resource.settings()).scan()
    late = next(f"late {n}.txt" for n in range(1000) if shard_of(f"late {n}.txt") == shard)
    shutil.copy(SEEDS / NAMES[0], folder.seeds / late)  # after the scan the run is requested from
    assert materialize_everything(folder.instance, folder.resource, scan).success
    metadata = folder.instance.get_latest_materialization_event(shard_key(shard)).asset_materialization.metadata
    assert metadata["read_now"].value == [NAMES[1]]
    assert metadata["seeds"].value == sum(shard_of(name) == shard for name in NAMES)
    [request] = folder.tick().run_requests
    assert request.run_config["ops"][shard_key(shard).path[-1]]["config"]["to_read"] == [late]
    folder.run()
    assert not folder.tick().run_requests
    assert late.removesuffix(".txt") in open_table(folder.output, "documents").collect()["doc_id"].to_list()


def test_a_folder_make_run_has_read_launches_nothing(folder):
    folder.run()
    result = folder.tick()
    assert not result.run_requests and result.skip_reason


def test_the_same_pending_changes_keep_their_run_key(folder):
    first = folder.tick().run_requests[0].run_key
    assert folder.tick().run_requests[0].run_key == first  # the daemon launches a run key once
    folder.run()
    with open(folder.seeds / NAMES[1], "a") as fh:
        fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    [request] = folder.tick().run_requests
    assert request.run_key != first


def test_added_changed_removed_and_touched_seeds_are_requested(folder):
    folder.run()
    shutil.copy(SEEDS / NAMES[0], folder.seeds / "new.txt")
    assert folder.tick().run_requests
    folder.run()
    (folder.seeds / NAMES[2]).unlink()
    assert folder.tick().run_requests
    folder.run()
    os.utime(folder.seeds / NAMES[3], ns=(10**18, 10**18))
    assert folder.tick().run_requests  # read again, but not extracted again: same bytes
    before = read_manifest(folder.output)["version_id"]
    folder.run()
    assert read_manifest(folder.output)["version_id"] == before
    assert not folder.tick().run_requests


def test_files_of_every_type_in_subfolders_are_followed(folder):
    folder.run()
    (folder.seeds / "news" / "2025").mkdir(parents=True)
    page = folder.seeds / "news" / "2025" / "page.html"
    page.write_text("<html><body><article><p>U.S. exports to Chile were $16.2 billion in 2013.</p></article></body></html>")
    (folder.seeds / "memo.docx").write_bytes(b"PK\x03\x04")
    assert folder.tick().run_requests
    folder.run()
    documents = dict(open_table(folder.output, "documents").select("file_name", "status").collect().iter_rows())
    assert documents["news/2025/page.html"] == "ok" and documents["memo.docx"] == "unsupported"
    assert not folder.tick().run_requests
    page.write_text("<html><body><article><p>U.S. exports to Chile were $17 billion in 2013.</p></article></body></html>")
    os.utime(page, ns=(10**18, 10**18))
    assert folder.tick().run_requests


def test_the_nightly_schedule_requests_the_changed_shards_or_only_publishing(folder):
    def request():
        return nightly_revalidation(dg.build_schedule_context(instance=folder.instance,
                                                              resources={"trade_figures": folder.resource}))
    assert len(request().asset_selection) > len(publish.keys)
    folder.run()
    assert request().asset_selection == list(publish.keys)
    assert nightly_revalidation.default_status == dg.DefaultScheduleStatus.RUNNING
    assert seed_folder_changes.default_status == dg.DefaultSensorStatus.RUNNING


def test_more_changes_than_a_request_hands_over_leave_each_step_to_scan_its_shard():
    many = [f"s{i}.txt" for i in range(GIVEN_MAX + 1)]
    assert given_changes(SeedScan(dict.fromkeys(many), many, [])) == {}
    gone = next(f"gone {n}.txt" for n in range(100) if shard_of(f"gone {n}.txt") != shard_of("a.txt"))
    assert given_changes(SeedScan({"a.txt": None}, ["a.txt"], [gone])) == {"ops": {
        shard_key(shard_of("a.txt")).path[-1]: {"config": {"to_read": ["a.txt"], "removed": []}},
        shard_key(shard_of(gone)).path[-1]: {"config": {"to_read": [], "removed": [gone]}}}}
