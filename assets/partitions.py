"""One dynamic partition per seed file, keyed by its file name."""
from __future__ import annotations

import dagster as dg

from pipeline.config import Settings
from pipeline.seeds import SeedStat, list_seeds
from pipeline.workstore import WorkStore

seed_partitions = dg.DynamicPartitionsDefinition(name="seed_files")


def sync_seed_partitions(instance: dg.DagsterInstance, settings: Settings,
                         listing: list[SeedStat] | None = None) -> tuple[list[str], list[str]]:
    """Make the registered partitions match the seeds folder; (added, removed) keys.

    ``listing`` is the folder as the caller just listed it (listed here when
    not given). A removed seed's intermediate files go too, so its figures
    leave the next version.
    """
    present = [seed.name for seed in (list_seeds(settings.seeds_dir) if listing is None else listing)]
    registered = set(instance.get_dynamic_partitions(seed_partitions.name))
    added = [key for key in present if key not in registered]
    removed = sorted(registered - set(present))
    if added:
        instance.add_dynamic_partitions(seed_partitions.name, added)
    store = WorkStore(settings.output_dir)
    for key in removed:
        instance.delete_dynamic_partition(seed_partitions.name, key)
        store.remove(key)
    return added, removed
