"""`make run`: read and extract what changed in the seeds folder, then publish a version, in one run.

Runs on the persistent instance under $DAGSTER_HOME, so the run and its
materialisations show in the UI afterwards. Prints the version and a
one-line summary of what was published and rejected, naming the warning
checks that failed. A failed run prints the failing step's error in a line
or two; Dagster's own log stays in the instance (and the UI), out of the terminal.

What changed is the change tracker's answer (``pipeline.seed_changes``),
shared with the sensor: with nothing to read or remove and the current
version holding every seed's latest extraction, no run is started (as the
sensor requests none); with nothing to read but a version to catch up, the
run only publishes. Runs on the same output folder take turns
(``pipeline.runlock``): a later one says in one line that it waits, then runs.
"""
from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from assets.automation import run_request
from assets.dataset import publish
from assets.definitions import defs, materialize_everything_job
from assets.extraction import seed_tracker
from assets.resources import TradeFiguresSettings
from pipeline.dataset import Lineage, read_manifest
from pipeline.dataset.reader import unread_documents
from pipeline.dataset.layout import Layout
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.provenance import code_version
from pipeline.publishing import unchanged_version
from pipeline.runlock import RunLockUnavailable, one_run_at_a_time
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


def unchanged(trade_figures: TradeFiguresSettings, scan: SeedScan) -> dict | None:
    """The current version's manifest when ``scan`` finds no seed to read or remove and the version holds every
    seed's latest extraction: nothing to run (a no-change `make run` starts no Dagster run, as the sensor requests
    none)."""
    if scan.any:
        return None
    settings = trade_figures.settings()
    return unchanged_version(settings.output_dir, sorted(seed_tracker(settings).seen()),
                             Lineage(code_version(), EXTRACTOR_VERSION))


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


def summary_line(manifest: dict, unread: dict[str, list[str]], published: bool, warnings: list[str]) -> str:
    """What was published and what was not; the documents not read (``unread_documents``) are named by status
    (``unsupported: a.docx``)."""
    counts = manifest["row_counts"]
    bad_docs = sum(map(len, unread.values()))
    verb = "published" if published else "unchanged, current stays"
    named = "; ".join(f"{status}: {', '.join(names)}" for status, names in sorted(unread.items()))
    rejected_docs = f" ({named})" if bad_docs else ""
    warned = f"; warnings: {', '.join(warnings)}" if warnings else ""
    return (f"{verb} {manifest['version_id']}: {counts['figures']} figures from "
            f"{counts['documents'] - bad_docs} documents; rejected {counts['rejected']} figures "
            f"and {bad_docs} documents{rejected_docs}{warned}")


def failed_warnings(result: dg.JobExecutionResult) -> list[str]:
    """The WARN checks that failed, each with what it found."""
    return [f"{e.check_name}{f' ({e.description})' if e.description else ''}"
            for e in result.get_asset_check_evaluations()
            if not e.passed and e.severity == dg.AssetCheckSeverity.WARN]


def run_and_report(trade_figures: TradeFiguresSettings) -> int:
    scan = seed_tracker(trade_figures.settings()).scan()
    manifest = unchanged(trade_figures, scan)
    if manifest is not None:
        path = Layout(trade_figures.settings().output_dir).version(manifest["version_id"])
        print(f"version {manifest['version_id']} at {path}")
        print("nothing changed in the seeds folder since this version: no run started")
        print(summary_line(manifest, unread_documents(path), False, []))
        return 0
    with dg.DagsterInstance.get() as instance:
        result = materialize_everything(instance, trade_figures, scan)
    if not result.success:
        print("\n".join(failure_lines(result)), file=sys.stderr)
        return 1
    [metadata] = [m.metadata for m in result.asset_materializations_for_node(publish.node_def.name)
                  if m.asset_key == dg.AssetKey("dataset")]
    manifest = read_manifest(trade_figures.settings().output_dir, metadata["version_id"].value)
    print(f"version {manifest['version_id']} at {metadata['path'].value}")
    print(step_durations(result))
    print(summary_line(manifest, unread_documents(Path(metadata["path"].value)), metadata["published"].value,
                       failed_warnings(result)))
    return 0


def main() -> int:
    trade_figures = defs.resources["trade_figures"]
    try:
        with one_run_at_a_time(trade_figures.settings().output_dir, lambda line: print(line, flush=True)):
            return run_and_report(trade_figures)
    except RunLockUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
