"""The seeds-folder sensor and the nightly schedule, evaluated in process against a test instance.

Each tick's partition requests are applied to the instance as the sensor
daemon would; what runs would do is not executed here (see test_daemon.py).
"""
from __future__ import annotations

import json
import os
import shutil

import dagster as dg
import pytest
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.automation import (IN_PROCESS, IN_PROCESS_MAX_SEEDS, MAX_BACKFILL_RANGES, extraction_request,
                               nightly_revalidation, seed_folder_changes)
from assets.dataset import dataset
from assets.definitions import defs
from assets.documents import documents
from assets.figures import figures
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.workstore import WorkStore
from tests.conftest import SEEDS

NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


class Folder:
    """A seeds folder, a test instance and the sensor's cursor, ticked like the daemon does."""

    def __init__(self, seeds, output, instance):
        self.seeds, self.output, self.instance, self.cursor = seeds, output, instance, None
        self.resource = TradeFiguresSettings(seeds_dir=str(seeds), output_dir=str(output))

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(instance=self.instance, cursor=self.cursor,
                                          repository_def=defs.get_repository_def(),
                                          resources={"trade_figures": self.resource})
        result = seed_folder_changes(context)
        for request in result.dynamic_partitions_requests:
            if isinstance(request, dg.AddDynamicPartitionsRequest):
                self.instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
            else:
                for key in request.partition_keys:
                    self.instance.delete_dynamic_partition(request.partitions_def_name, key)
        self.cursor = result.cursor
        return result

    @property
    def partitions(self) -> list[str]:
        return list(self.instance.get_dynamic_partitions(seed_partitions.name))


@pytest.fixture
def folder(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for path in seeds.iterdir():
        path.chmod(0o644)
    with dg.instance_for_test() as instance:
        yield Folder(seeds, tmp_path / "output", instance)


def range_of(request: dg.RunRequest) -> tuple[str, str]:
    return request.tags[ASSET_PARTITION_RANGE_START_TAG], request.tags[ASSET_PARTITION_RANGE_END_TAG]


def test_first_tick_registers_every_seed_and_requests_one_run(folder):
    [request] = folder.tick().run_requests
    assert folder.partitions == NAMES
    assert range_of(request) == (NAMES[0], NAMES[-1])
    assert set(request.asset_selection) == {documents.key, figures.key, dataset.key}
    assert NAMES[0] not in folder.cursor  # the cursor names the folder's state, stored beside the instance


def test_an_unchanged_or_only_touched_folder_launches_nothing(folder):
    folder.tick()
    assert not folder.tick().run_requests
    os.utime(folder.seeds / NAMES[1], ns=(10**18, 10**18))
    result = folder.tick()
    assert not result.run_requests and not result.dynamic_partitions_requests
    assert result.skip_reason is not None


def test_an_added_seed_is_registered_and_extracted_alone(folder):
    folder.tick()
    shutil.copy(SEEDS / NAMES[0], folder.seeds / "new.txt")
    result = folder.tick()
    assert [r.partition_keys for r in result.dynamic_partitions_requests] == [["new.txt"]]
    [request] = result.run_requests
    assert range_of(request) == ("new.txt", "new.txt")


def test_files_of_every_type_in_subfolders_are_followed(folder):
    folder.tick()
    (folder.seeds / "news" / "2025").mkdir(parents=True)
    (folder.seeds / "news" / "2025" / "page.html").write_text("<p>U.S. exports to Chile were $16.2 billion.</p>")
    (folder.seeds / "memo.docx").write_bytes(b"PK\x03\x04")
    result = folder.tick()
    assert [r.partition_keys for r in result.dynamic_partitions_requests] == [["memo.docx", "news/2025/page.html"]]
    (folder.seeds / "news" / "2025" / "page.html").write_text("<p>U.S. exports to Chile were $17 billion.</p>")
    os.utime(folder.seeds / "news" / "2025" / "page.html", ns=(10**18, 10**18))
    [request] = folder.tick().run_requests
    assert range_of(request) == ("news/2025/page.html", "news/2025/page.html")


def test_scattered_changes_become_one_backfill_of_exactly_those_seeds(folder):
    folder.tick()
    for name in (NAMES[0], NAMES[2], NAMES[4]):
        with open(folder.seeds / name, "a") as fh:
            fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    [request] = folder.tick().run_requests
    subset = request.asset_graph_subset
    assert subset is not None
    for key in (documents.key, figures.key):
        assert set(subset.get_partitions_subset(key).get_partition_keys()) == {NAMES[0], NAMES[2], NAMES[4]}
    assert subset.non_partitioned_asset_keys == {dataset.key}
    sensor = defs.resolve_sensor_def(seed_folder_changes.name)
    context = dg.build_sensor_context(instance=folder.instance, repository_def=defs.get_repository_def())
    assert sensor.validate_backfill_requests([request], context)  # targets only assets the sensor may launch


def test_keys_in_too_many_stretches_become_one_covering_run():
    order = [f"{i:03d}.txt" for i in range(40)]
    every_other = order[1:40:2]
    assert range_of(extraction_request(order, every_other)) == (order[1], order[39])
    assert extraction_request(order, every_other[:MAX_BACKFILL_RANGES]).asset_graph_subset is not None


def test_small_runs_execute_in_their_own_process_and_large_ones_across_processes():
    order = [f"seed_{i:03d}.txt" for i in range(200)]
    assert extraction_request(order, order[:IN_PROCESS_MAX_SEEDS]).run_config == IN_PROCESS
    assert extraction_request(order, order[50:52]).run_config == IN_PROCESS
    assert extraction_request(order, []).run_config == IN_PROCESS
    assert extraction_request(order, order[:IN_PROCESS_MAX_SEEDS + 1]).run_config == {}
    assert extraction_request(order, order).run_config == {}
    dg.validate_run_config(defs.resolve_implicit_global_asset_job_def(), IN_PROCESS)


def test_a_removed_seed_is_deleted_with_its_work_files_and_a_version_published(folder):
    folder.tick()
    store = WorkStore(folder.output)
    store.path("figures", NAMES[3]).parent.mkdir(parents=True)
    store.path("figures", NAMES[3]).write_bytes(b"stale")
    (folder.seeds / NAMES[3]).unlink()
    result = folder.tick()
    assert [r.partition_keys for r in result.dynamic_partitions_requests] == [[NAMES[3]]]
    assert NAMES[3] not in folder.partitions
    assert not store.path("figures", NAMES[3]).exists()
    [request] = result.run_requests
    assert request.asset_selection == [dataset.key]


def test_partitions_materialised_by_an_older_extractor_are_re_extracted(folder):
    folder.tick()
    for asset in (documents, figures):
        current = asset.code_versions_by_key[asset.key]
        for name in NAMES:
            version = "0-older" if asset is figures and name == NAMES[1] else current
            folder.instance.report_runless_asset_event(dg.AssetMaterialization(
                asset.key, partition=name, tags={"dagster/code_version": version}))
    folder.cursor = json.dumps({**json.loads(folder.cursor), "code_versions": {"figures": "0-older"}})
    [request] = folder.tick().run_requests
    assert range_of(request) == (NAMES[1], NAMES[1])
    assert not folder.tick().run_requests  # the versions seen are remembered


def test_the_nightly_schedule_covers_every_registered_seed(folder):
    folder.tick()
    context = dg.build_schedule_context(instance=folder.instance)
    request = nightly_revalidation(context)
    assert range_of(request) == (NAMES[0], NAMES[-1])
    with dg.instance_for_test() as empty:
        assert nightly_revalidation(dg.build_schedule_context(instance=empty)).asset_selection == [dataset.key]
