"""`make run`: register the seeds folder's files as partitions, then materialise everything in one run.

Runs on the persistent instance under $DAGSTER_HOME, so the run and its
materialisations show in the UI afterwards. Prints the published version and
a one-line summary of what was published and what was rejected.
"""
from __future__ import annotations

import sys

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.dataset import dataset
from assets.definitions import defs, everything
from assets.partitions import seed_partitions, sync_seed_partitions
from pipeline.config import Settings
from pipeline.dataset import read_manifest


def materialize_everything(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    """Sync partitions with the seeds folder, then run every asset over every seed in one run."""
    added, removed = sync_seed_partitions(instance, Settings.from_env())
    if added or removed:
        print(f"seeds: {len(added)} added, {len(removed)} removed")
    keys = instance.get_dynamic_partitions(seed_partitions.name)
    job = defs.resolve_job_def(everything.name)
    if not keys:  # nothing to read: publish the (empty) state of the folder
        return job.execute_in_process(instance=instance, asset_selection=[dataset.key], raise_on_error=False)
    tags = {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}
    return job.execute_in_process(instance=instance, tags=tags, raise_on_error=False)


def summary_line(manifest: dict, published: bool) -> str:
    counts = manifest["row_counts"]
    bad_docs = [s["file_name"] for s in manifest["seeds"] if s["status"] != "ok"]
    verb = "published" if published else "unchanged, current stays"
    rejected_docs = f" ({', '.join(bad_docs)})" if bad_docs else ""
    return (f"{verb} {manifest['version_id']}: {counts['figures']} figures from "
            f"{counts['documents'] - len(bad_docs)} documents; rejected {counts['rejected']} figures "
            f"and {len(bad_docs)} documents{rejected_docs}")


def main() -> int:
    with dg.DagsterInstance.get() as instance:
        result = materialize_everything(instance)
    if not result.success:
        print(f"run {result.run_id} failed; see the Dagster UI (make ui) for the failed step", file=sys.stderr)
        return 1
    [event] = result.asset_materializations_for_node(dataset.key.path[-1])
    metadata = event.metadata
    manifest = read_manifest(Settings.from_env().output_dir, metadata["version_id"].value)
    print(f"version {manifest['version_id']} at {metadata['path'].value}")
    print(summary_line(manifest, metadata["published"].value))
    return 0


if __name__ == "__main__":
    sys.exit(main())
