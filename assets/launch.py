"""Starting `make run`'s Dagster run and reporting it: what ``assets.run`` does when there is something to run.

The run goes on the persistent instance under $DAGSTER_HOME, so it and its
materialisations show in the UI afterwards. Its events are all stored, none
echoed to the terminal: a failed run prints the failing step's error in a
line or two.
"""
from __future__ import annotations

import sys

import dagster as dg

from assets.automation import run_request
from assets.dataset import publish
from assets.definitions import defs, materialize_everything_job
from assets.resources import TradeFiguresSettings
from assets.run import report_version
from pipeline.dataset.manifest import read_manifest
from pipeline.seed_changes import SeedScan

QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
"""The run's events are all stored; none is echoed to the terminal (what fails is printed plainly)."""


def materialize_everything(instance: dg.DagsterInstance, trade_figures: TradeFiguresSettings,
                           scan: SeedScan | None = None) -> dg.JobExecutionResult:
    """One run, as the sensor requests it: the shards with seeds to read or remove, then publishing and its checks."""
    request = run_request(trade_figures.settings(), scan=scan)
    run_config = {**QUIET, **request.run_config, "resources": {"trade_figures": {"config": trade_figures.model_dump()}}}
    return dg.execute_job(dg.reconstructable(materialize_everything_job), instance, run_config=run_config,
                          asset_selection=request.asset_selection, raise_on_error=False)


def failure_lines(result: dg.JobExecutionResult) -> list[str]:
    """The failing step and its error's innermost cause, one line each; the run's failure if no step failed."""
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            while error.cause is not None:
                error = error.cause
            return [f"run {result.run_id} failed in step {event.step_key}:",
                    f"  {(error.message.strip().splitlines() or [error.cls_name])[-1]}"]
    messages = [event.message for event in result.all_events if event.is_run_failure]
    return [f"run {result.run_id} failed: {messages[-1] if messages else 'no step failed; see the run in the UI'}"]


def step_durations(result: dg.JobExecutionResult) -> str:
    """How long each step took, as Dagster recorded it: where a run's time goes."""
    steps = [f"{event.step_key} {event.event_specific_data.duration_ms / 1000:.1f}s"
             for event in result.all_events if event.is_step_success]
    return "steps: " + ", ".join(steps)


def failed_warnings(result: dg.JobExecutionResult) -> list[str]:
    """The WARN checks that failed, each with what it found."""
    return [f"{e.check_name}{f' ({e.description})' if e.description else ''}"
            for e in result.get_asset_check_evaluations()
            if not e.passed and e.severity == dg.AssetCheckSeverity.WARN]


def run_and_report(scan: SeedScan) -> int:
    """One run for ``scan`` on the instance under $DAGSTER_HOME, then what it published, as ``assets.run`` prints it."""
    trade_figures = defs.resources["trade_figures"]
    with dg.DagsterInstance.get() as instance:
        result = materialize_everything(instance, trade_figures, scan)
    if not result.success:
        print("\n".join(failure_lines(result)), file=sys.stderr)
        return 1
    [metadata] = [m.metadata for m in result.asset_materializations_for_node(publish.node_def.name)
                  if m.asset_key == dg.AssetKey("dataset")]
    manifest = read_manifest(trade_figures.settings().output_dir, metadata["version_id"].value)
    report_version(manifest, trade_figures.settings().output_dir, metadata["published"].value,
                   [step_durations(result)], failed_warnings(result))
    return 0
