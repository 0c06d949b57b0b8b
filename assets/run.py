"""`make run`: register the seeds folder's files as partitions, then read, extract and publish in one run.

Runs on the persistent instance under $DAGSTER_HOME, so the run and its
materialisations show in the UI afterwards. Prints the published version and
a one-line summary of what was published and what was rejected.

Only what changed is materialised, so a run after one edited file costs
little more than Dagster's own floor, whatever the number of seeds: the seeds
folder's state after the last successful run (size, mtime, sha256 per file,
and the reader and extractor versions) is kept beside the work store.
"""
from __future__ import annotations

import gc
import os

# Start-up builds about 240,000 objects that live until exit (modules, Dagster's definitions):
# collecting while they are created finds no garbage, and freezing them (below) keeps every later
# collection, and the interpreter's last ones at exit, from walking them again.
gc.disable()

# polars' allocator (jemalloc) then returns freed memory to the system at once rather than after a
# delay, so a step's peak is what it holds, not also what earlier steps held. Read when polars loads;
# appended, since a parent that loaded polars passes on polars' own setting and the last one wins.
os.environ["_RJEM_MALLOC_CONF"] = ",".join(
    filter(None, [os.environ.get("_RJEM_MALLOC_CONF"), "dirty_decay_ms:0,muzzy_decay_ms:0"]))

import json
import sys

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.dataset import dataset
from assets.definitions import defs, everything
from assets.documents import READER_VERSION
from assets.partitions import seed_partitions, sync_seed_partitions
from pipeline.config import Settings
from pipeline.dataset import read_manifest
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.seed_changes import diff_seeds, dumps_state, file_sha256, loads_state
from pipeline.seeds import list_seeds

gc.freeze()
gc.enable()

STATE_FILE = "make_run_state.json"
EVENT_SETTINGS = {
    # A step's per-partition materialisations are written in batches (see assets/event_log.py) ...
    "DAGSTER_EVENT_BATCH_SIZE": "500",
    # ... and a run plans each asset once for its partition range, not once per partition.
    "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS": "1",
}


def materialize_everything(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    """Sync partitions with the seeds folder, then read and extract what changed and publish, in one run.

    Seeds added or changed since the last successful run (all of them after
    a new reader or extractor version) are read and extracted: the run covers
    the partition range from the first to the last of them, where unchanged
    seeds in between are read again but never extracted again. With nothing
    to read, the run only publishes (nothing new if nothing changed).
    """
    settings = Settings.from_env()
    listing = list_seeds(settings.seeds_dir)
    added, removed = sync_seed_partitions(instance, settings, listing)
    if added or removed:
        print(f"seeds: {len(added)} added, {len(removed)} removed")
    keys = instance.get_dynamic_partitions(seed_partitions.name)
    state_path = settings.output_dir / "work" / STATE_FILE
    saved = json.loads(state_path.read_text()) if state_path.exists() else {}
    versions = {"reader_version": READER_VERSION, "extractor_version": EXTRACTOR_VERSION}
    previous = loads_state(saved.get("state")) if saved.get("versions") == versions else {}
    changes = diff_seeds(previous, listing, file_sha256(settings.seeds_dir))
    to_read = {*changes.added, *changes.changed}
    positions = [i for i, key in enumerate(keys) if key in to_read]
    job = defs.resolve_job_def(everything.name)
    if positions:
        tags = {ASSET_PARTITION_RANGE_START_TAG: keys[positions[0]], ASSET_PARTITION_RANGE_END_TAG: keys[positions[-1]]}
        result = job.execute_in_process(instance=instance, tags=tags, raise_on_error=False)
    else:
        result = job.execute_in_process(instance=instance, asset_selection=[dataset.key], raise_on_error=False)
    if result.success:
        state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = state_path.with_name(f".{STATE_FILE}.tmp")
        tmp.write_text(json.dumps({"versions": versions, "state": dumps_state(changes.state)}))
        tmp.replace(state_path)
    return result


def step_durations(result: dg.ExecuteInProcessResult) -> str:
    """How long each step took, as Dagster recorded it: where a run's time goes."""
    steps = [f"{event.step_key} {event.event_specific_data.duration_ms / 1000:.1f}s"
             for event in result.all_events if event.is_step_success]
    return "steps: " + ", ".join(steps)


def summary_line(manifest: dict, published: bool) -> str:
    """What was published and what was not; the documents not read are named by status (``unsupported: a.docx``)."""
    counts = manifest["row_counts"]
    bad_docs = [s for s in manifest["seeds"] if s["status"] != "ok"]
    by_status: dict[str, list[str]] = {}
    for seed in bad_docs:
        by_status.setdefault(seed["status"], []).append(seed["file_name"])
    verb = "published" if published else "unchanged, current stays"
    named = "; ".join(f"{status}: {', '.join(names)}" for status, names in sorted(by_status.items()))
    rejected_docs = f" ({named})" if bad_docs else ""
    return (f"{verb} {manifest['version_id']}: {counts['figures']} figures from "
            f"{counts['documents'] - len(bad_docs)} documents; rejected {counts['rejected']} figures "
            f"and {len(bad_docs)} documents{rejected_docs}")


def main() -> int:
    for name, value in EVENT_SETTINGS.items():
        os.environ.setdefault(name, value)
    with dg.DagsterInstance.get() as instance:
        result = materialize_everything(instance)
    if not result.success:
        print(f"run {result.run_id} failed; see the Dagster UI (make ui) for the failed step", file=sys.stderr)
        return 1
    [event] = result.asset_materializations_for_node(dataset.key.path[-1])
    metadata = event.metadata
    manifest = read_manifest(Settings.from_env().output_dir, metadata["version_id"].value)
    print(f"version {manifest['version_id']} at {metadata['path'].value}")
    print(step_durations(result))
    print(summary_line(manifest, metadata["published"].value))
    return 0


if __name__ == "__main__":
    code = main()
    gc.freeze()  # what the run left is freed with the process, not walked by the interpreter's collections at exit
    sys.exit(code)
