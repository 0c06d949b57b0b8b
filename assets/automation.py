"""Unattended runs: a sensor that follows the seeds folder and the code, and a nightly safety net.

How runs are requested for a set of seeds (``extraction_request``): the
partitioned assets have ``BackfillPolicy.single_run()``, and a Dagster run
can only carry one partition *range* (``dagster/asset_partition_range_*``
tags), not an arbitrary set of dynamic partition keys.

- Keys that are contiguous in the partition order (the usual case: new
  files are registered together at the end, or a single file changed) get
  one run of documents + figures over exactly that range, with ``dataset``
  in the same run, so one run publishes one version.
- Keys in a few separate stretches get an asset backfill
  (``RunRequest.for_asset_graph_subset``) over exactly those partitions plus
  ``dataset``: the backfill daemon applies the single-run policy per
  contiguous range and runs ``dataset`` once, after all of them, so the
  unchanged seeds in between are not read again.
- Keys in more than ``MAX_BACKFILL_RANGES`` stretches get one run over the
  range covering them all: the unchanged seeds inside it are read and hashed
  again but not re-extracted (``WorkStore.has_extraction``), which is cheaper
  than a run per stretch. So a run per seed never happens.
- Only removals: one run of ``dataset``, which reads the registered
  partitions, so the removed seeds' figures leave the next version.

A run over at most ``IN_PROCESS_MAX_SEEDS`` seeds (a run of ``dataset``
alone included) executes its steps in the run's own process: Dagster's
multiprocess executor, which larger runs keep, starts a Python process per
step, seconds each, more than such a run's whole work. Backfills keep the
default executor.

Code changes count too: the sensor compares the code versions of documents
and figures with those it last saw and, when they moved, requests the
partitions whose latest materialisation was made by other code.
"""
from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
from dagster._core.definitions.assets.graph.asset_graph_subset import AssetGraphSubset
from dagster._core.definitions.data_version import CODE_VERSION_TAG
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.dataset import dataset
from assets.documents import documents
from assets.figures import figures
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.seed_changes import StateFiles, diff_seeds, file_sha256
from pipeline.seeds import list_seeds
from pipeline.workstore import WorkStore

PARTITIONED = (documents, figures)
MAX_BACKFILL_RANGES = 8
IN_PROCESS_MAX_SEEDS = 50
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}
AUTOMATED = dg.AssetSelection.assets(documents, figures, dataset)


def extraction_request(order: list[str], keys: list[str]) -> dg.RunRequest:
    """Read and extract ``keys`` (seed partitions listed in ``order``), then publish; see the module doc."""
    if not keys:
        return dg.RunRequest(asset_selection=[dataset.key], run_config=IN_PROCESS)
    wanted = set(keys)
    positions = [i for i, key in enumerate(order) if key in wanted]
    ranges = 1 + sum(1 for a, b in zip(positions, positions[1:]) if b != a + 1)
    if ranges == 1 or ranges > MAX_BACKFILL_RANGES:
        tags = {ASSET_PARTITION_RANGE_START_TAG: order[positions[0]], ASSET_PARTITION_RANGE_END_TAG: order[positions[-1]]}
        small = positions[-1] - positions[0] < IN_PROCESS_MAX_SEEDS
        return dg.RunRequest(asset_selection=[a.key for a in (*PARTITIONED, dataset)], tags=tags,
                             run_config=IN_PROCESS if small else {})
    subset = seed_partitions.empty_subset().with_partition_keys(keys)
    return dg.RunRequest.for_asset_graph_subset(
        AssetGraphSubset(partitions_subsets_by_asset_key={a.key: subset for a in PARTITIONED},
                         non_partitioned_asset_keys={dataset.key}),
        tags={"trade_figures/trigger": "seed_changes"},
    )


def current_code_versions() -> dict[str, str]:
    return {a.key.to_user_string(): a.code_versions_by_key[a.key] for a in PARTITIONED}


def made_by_older_code(instance: dg.DagsterInstance, keys: list[str]) -> list[str]:
    """``keys`` whose latest documents or figures materialisation is missing or carries another code version."""
    stale = set()
    for asset in PARTITIONED:
        latest = instance.get_latest_storage_id_by_partition(asset.key, dg.DagsterEventType.ASSET_MATERIALIZATION)
        versions = {}
        if latest:
            records = instance.fetch_materializations(
                dg.AssetRecordsFilter(asset_key=asset.key, storage_ids=list(latest.values())), limit=len(latest))
            versions = {r.partition_key: r.asset_materialization.tags.get(CODE_VERSION_TAG) for r in records.records}
        stale |= {key for key in keys if versions.get(key) != asset.code_versions_by_key[asset.key]}
    return sorted(stale)


@dg.sensor(asset_selection=AUTOMATED, default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=30)
def seed_folder_changes(context: dg.SensorEvaluationContext, trade_figures: TradeFiguresSettings) -> dg.SensorResult:
    """Registers added seed files as partitions and deletes removed ones; re-extracts what changed, then publishes.

    A file is re-read only when its bytes changed (size and mtime pre-filter,
    then sha256). After a new extractor or reader version, the partitions
    last materialised by older code are re-extracted too. An unchanged folder
    launches nothing.
    """
    settings = trade_figures.settings()
    cursor = json.loads(context.cursor) if context.cursor else {}
    files = StateFiles(Path(context.instance.storage_directory()) / "seed_folder_states")
    previous = files.load(cursor.get("seeds"))
    changes = diff_seeds(previous, list_seeds(settings.seeds_dir), file_sha256(settings.seeds_dir))
    registered = context.instance.get_dynamic_partitions(seed_partitions.name)
    present, known = changes.state.keys(), set(registered)
    to_add = sorted(present - known)
    to_delete = sorted(known - present)
    order = [key for key in registered if key in present] + to_add
    code_versions = current_code_versions()
    stale = made_by_older_code(context.instance, order) if cursor.get("code_versions") != code_versions else []
    to_extract = sorted({*changes.added, *changes.changed, *to_add, *stale})
    seeds_ref = cursor.get("seeds") if changes.state == previous else files.save(changes.state, cursor.get("seeds"))
    cursor = json.dumps({"seeds": seeds_ref, "code_versions": code_versions})
    if not (to_extract or to_delete or changes.removed):
        return dg.SensorResult(skip_reason="no seed added, changed or removed", cursor=cursor)

    store = WorkStore(settings.output_dir)
    for key in to_delete:
        store.remove(key)
    context.log.info(f"seeds: {len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} "
                     f"removed, {len(stale)} made by older code; {len(to_extract)} to read and extract: "
                     f"{', '.join(to_extract[:20])}{' …' if len(to_extract) > 20 else ''}")
    requests = [*([seed_partitions.build_add_request(to_add)] if to_add else []),
                *([seed_partitions.build_delete_request(to_delete)] if to_delete else [])]
    return dg.SensorResult(run_requests=[extraction_request(order, to_extract)], cursor=cursor,
                           dynamic_partitions_requests=requests)


@dg.schedule(cron_schedule="0 3 * * *", target=AUTOMATED, default_status=dg.DefaultScheduleStatus.RUNNING)
def nightly_revalidation(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every night, re-reads every registered seed, re-runs the checks and republishes if anything is stale.

    A safety net for anything the sensor missed (a failed run, a sensor that
    was off): unchanged seeds are not extracted again and an unchanged result
    publishes no new version.
    """
    keys = list(context.instance.get_dynamic_partitions(seed_partitions.name))
    return extraction_request(keys, keys)
