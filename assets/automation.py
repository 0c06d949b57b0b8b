"""Unattended runs: a sensor that follows the seeds folder, and a nightly safety net.

Both ask the change tracker that `make run` uses (``pipeline.seed_changes``),
whose state the extraction step records, so a folder `make run` has already
read launches nothing. Runs execute in the run's own process: the work in
them is spread over worker processes by the extraction step itself.
"""
import dagster as dg

from assets.dataset import publish
from assets.extraction import extractions, seed_tracker
from assets.resources import TradeFiguresSettings

AUTOMATED = dg.AssetSelection.assets(extractions, *publish.keys)
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}


@dg.sensor(asset_selection=AUTOMATED, default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=30)
def seed_folder_changes(context: dg.SensorEvaluationContext, trade_figures: TradeFiguresSettings) -> dg.SensorResult:
    """Requests a run that reads what changed in the seeds folder and publishes a version.

    A seed is new, its file changed (stat of the file it leads to), it was
    removed, its last read found it missing or unreadable, or the reader or
    extractor changed. The run key names the pending changes, so changes a
    run is already handling, or that a run could not resolve (a file still
    missing), are not requested again until something else changes.
    """
    scan = seed_tracker(trade_figures.settings()).scan()
    if not scan.any:
        return dg.SensorResult(skip_reason="no seed added, changed or removed")
    context.log.info(f"seeds to read: {len(scan.to_read)} ({', '.join(scan.to_read[:20])}"
                     f"{' …' if len(scan.to_read) > 20 else ''}); removed: {len(scan.removed)}")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=scan.digest, run_config=IN_PROCESS)])


@dg.schedule(cron_schedule="0 3 * * *", target=AUTOMATED, default_status=dg.DefaultScheduleStatus.RUNNING)
def nightly_revalidation() -> dg.RunRequest:
    """Every night, reads what changed (or failed) since the last run, re-runs the checks and republishes if stale.

    A safety net for anything the sensor did not get through (a failed run, a
    sensor that was off): unchanged seeds are not read again and an unchanged
    result publishes no new version.
    """
    return dg.RunRequest(run_config=IN_PROCESS)
