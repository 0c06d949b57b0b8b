"""Unattended runs: a sensor that follows the seeds folder, and a nightly safety net.

Both ask the change tracker that `make run` uses (``pipeline.seed_changes``),
whose state the extraction steps record, so a folder `make run` has already
read launches nothing. A run selects only the shards with changes, plus
publishing, on the job's executor (``assets.executors``).
"""
import dagster as dg

from assets.dataset import publish
from assets.extraction import SHARD_ASSETS, given_changes, shard_selection
from assets.resources import TradeFiguresSettings
from pipeline.config import Settings
from pipeline.seed_changes import SeedScan, tracker_for

AUTOMATED = dg.AssetSelection.assets(*SHARD_ASSETS, *publish.keys)


def run_request(settings: Settings, run_key: str | None = None, scan: SeedScan | None = None) -> dg.RunRequest:
    """A run of the shards with seeds to read or remove (none when nothing changed), then publishing."""
    scan = scan or tracker_for(settings).scan()
    shards = shard_selection(scan)
    return dg.RunRequest(run_key=run_key, asset_selection=[*shards, *publish.keys], run_config=given_changes(scan))


@dg.sensor(asset_selection=AUTOMATED, default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=30)
def seed_folder_changes(context: dg.SensorEvaluationContext, trade_figures: TradeFiguresSettings) -> dg.SensorResult:
    """Requests a run that reads what changed in the seeds folder and publishes a version.

    A seed is new, its file changed (stat of the file it leads to), it was
    removed, its last read found it missing or unreadable, or the reader or
    extractor changed. The run key names the pending changes, so changes a
    run is already handling, or that a run could not resolve (a file still
    missing), are not requested again until something else changes.
    """
    settings = trade_figures.settings()
    scan = tracker_for(settings).scan()
    if not scan.any:
        return dg.SensorResult(skip_reason="no seed added, changed or removed")
    context.log.info(f"seeds to read: {len(scan.to_read)} ({', '.join(scan.to_read[:20])}"
                     f"{' …' if len(scan.to_read) > 20 else ''}); removed: {len(scan.removed)}")
    return dg.SensorResult(run_requests=[run_request(settings, scan.digest, scan)])


@dg.schedule(cron_schedule="0 3 * * *", target=AUTOMATED, default_status=dg.DefaultScheduleStatus.RUNNING)
def nightly_revalidation(trade_figures: TradeFiguresSettings) -> dg.RunRequest:
    """Every night, reads what changed (or failed) since the last run, re-runs the checks and republishes if stale.

    A safety net for anything the sensor did not get through (a failed run, a
    sensor that was off): unchanged seeds are not read again and an unchanged
    result publishes no new version.
    """
    return run_request(trade_figures.settings())
