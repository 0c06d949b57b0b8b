"""Seed files in, documents read and figures extracted into the work store: only what changed, shard by shard.

The seeds are split into ``SHARDS`` fixed shards (``pipeline.shards``), one
asset each (``extractions_shard_0`` …), so Dagster's executor runs them as
parallel steps (``assets.executors``) and a run's events stay bounded
whatever the number of seeds. In each shard the change tracker
(``pipeline.seed_changes``) says which seeds to read again, and the work
store's content addressing (sha256 plus extractor version) which of them to
extract again (``pipeline.refresh``). A shard step works from the seeds and
output folders only, so it can run in any process or on any machine that sees them.
"""
import dagster as dg
import polars as pl

from assets.metadata import markdown_table
from assets.resources import TradeFiguresSettings
from pipeline.config import Settings
from pipeline.refresh import refresh, stored_failures
from pipeline.seed_changes import SeedScan, tracker_for, unread
from pipeline.shards import SHARDS, chunks_of, shard_of
from pipeline.versions import EXTRACTOR_VERSION, READER_VERSION
from pipeline.workstore import WorkStore

SHOWN = 50
"""Seed names listed in metadata at most."""
GIVEN_MAX = 1_000
"""Changes a run request hands its shard steps at most (``given_changes``)."""

seed_files = dg.AssetSpec(
    "seed_files",
    description="The seed documents in the seeds folder (TRADE_FIGURES_SEEDS_DIR).",
    group_name="extraction",
    kinds={"file"},
)


def shard_key(shard: int) -> dg.AssetKey:
    return dg.AssetKey(f"extractions_shard_{shard}")


def shard_selection(scan: SeedScan) -> list[dg.AssetKey]:
    """The shard assets a run needs for ``scan``: those with a seed to read or remove."""
    return [shard_key(shard) for shard in scan.changed_shards]


class ShardChanges(dg.Config):
    """The seeds a shard step reads and removes, as the scan that requested the run found them (``given``);
    unset, the step scans its shard itself (a run launched by hand)."""

    to_read: list[str] | None = None
    removed: list[str] = []


def given_changes(scan: SeedScan) -> dict:
    """Run config handing each shard step its changes from ``scan``, when there are at most ``GIVEN_MAX``: a small
    change is then not looked for again in the whole folder. More than that, each step scans its shard."""
    if len(scan.to_read) + len(scan.removed) > GIVEN_MAX:
        return {}
    changes = {shard: {"to_read": [], "removed": []} for shard in scan.changed_shards}
    for kind, keys in (("to_read", scan.to_read), ("removed", scan.removed)):
        for key in keys:
            changes[shard_of(key)][kind].append(key)
    return {"ops": {shard_key(shard).path[-1]: {"config": given} for shard, given in changes.items()}}


def shard_asset(shard: int) -> dg.AssetsDefinition:
    name = shard_key(shard).path[-1]

    @dg.asset(
        name=name,
        deps=[seed_files],
        code_version=f"reader {READER_VERSION}, extractor {EXTRACTOR_VERSION}",
        group_name="extraction",
        kinds={"python", "parquet"},
        description=f"Shard {shard} of {SHARDS}: each of its new or changed seeds read safely and decoded, "
                    "and its figures extracted and validated.",
        check_specs=[
            dg.AssetCheckSpec("figures_match_schema", asset=name, blocking=True,
                              description="The figures this run extracted in this shard, as stored, pass every "
                                          "FigureSchema rule: those stored exactly as they passed when extracted "
                                          "(equal row digests) pass, any other is validated again (pandera, lazy)."),
            dg.AssetCheckSpec("documents_are_readable", asset=name,
                              description="Every seed file of this shard yielded text; lists those that did not, "
                                          "with their status and reason."),
        ],
    )
    def extractions_shard(context: dg.AssetExecutionContext, config: ShardChanges,
                          trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
        return extract_shard(context, trade_figures.settings(), shard, config)

    return extractions_shard


def extract_shard(context: dg.AssetExecutionContext, settings: Settings, shard: int,
                  given: ShardChanges) -> dg.MaterializeResult:
    """One shard's new or changed seeds read and extracted, its removed seeds' rows dropped.

    A file that cannot be read (empty, binary, too large, a link out of the
    folder, gone) is recorded with a non-ok status and its reason instead of
    failing the run, and tried again on the next run. Rows that fail the
    FigureSchema rules go to the rejected rows with their reasons. A removed
    seed's intermediate rows go, so its figures leave the next version.
    """
    tracker, store = tracker_for(settings), WorkStore(settings.output_dir)
    store.drop_legacy()
    scan = (tracker.scan((shard,)) if given.to_read is None
            else tracker.given(shard, given.to_read, given.removed))
    done = refresh(settings.seeds_dir, settings.max_document_bytes, settings.output_dir, EXTRACTOR_VERSION,
                   scan.to_read, scan.removed, settings.step_workers)
    cases = stored_failures(store, done.extracted, done.validated)
    held = tracker.record(scan, done.statuses, store.chunk_digests(chunks_of(shard)))
    seeds = len(held)
    failures = store.read("documents", unread(held), ["file_name", "status", "reason"])
    context.log.info(f"shard {shard}: {seeds} seeds: read {len(scan.to_read)}, extracted "
                     f"{len(done.extracted)} ({done.figures} figures, {done.rejected} rejected rows), "
                     f"removed {len(scan.removed)}")
    return dg.MaterializeResult(
        metadata={
            "seeds": seeds,
            "read": len(scan.to_read),
            "extracted": len(done.extracted),
            "reused_extractions": done.reused,
            "removed": len(scan.removed),
            "not_readable": failures.height,
            "figures_extracted": done.figures,
            "rejected_rows_extracted": done.rejected,
            "read_now": dg.MetadataValue.json(scan.to_read[:SHOWN]),
            "removed_now": dg.MetadataValue.json(scan.removed[:SHOWN]),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name="figures_match_schema", passed=cases is None,
                metadata={"rows": done.figures,
                          "failure_cases": markdown_table(pl.DataFrame() if cases is None else cases)},
            ),
            dg.AssetCheckResult(
                check_name="documents_are_readable", passed=failures.is_empty(),
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"documents": seeds, "not_readable": failures.height,
                          "failures": markdown_table(failures, limit=100)},
                description=None if failures.is_empty() else f"{failures.height} documents not readable",
            ),
        ],
    )


SHARD_ASSETS = [shard_asset(shard) for shard in range(SHARDS)]
