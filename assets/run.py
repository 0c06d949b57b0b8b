"""`make run`: read and extract what changed in the seeds folder, then publish a version, in one run.

Runs on the persistent instance under $DAGSTER_HOME, so the run and its
materialisations show in the UI afterwards. Prints the version and a
one-line summary of what was published and rejected, naming the warning
checks that failed. A failed run prints the failing step's error in a line
or two; Dagster's own log stays in the instance (and the UI), out of the terminal.

What changed is the change tracker's answer (``pipeline.seed_changes``),
shared with the sensor. With nothing to read or remove and the current
version built from the work store as it is (``pipeline.freshness``), no run
is started, and neither Dagster nor the pipeline's heavier modules are
imported: the check costs the folder scan and a few small files. Otherwise
``assets.launch`` starts the run; with nothing to read but a version to
catch up, the run only publishes. Runs on the same output folder take turns
(``pipeline.runlock``): a later one says in one line that it waits, then runs.

FREEZE: once Dagster, polars and the definitions are imported, their objects
(modules, classes, functions: several hundred thousand) live until the
process exits. ``gc.freeze`` moves them out of the collector's generations,
so neither the collections during the run nor the last ones at exit walk them
again: about half a second of a one-document run on the bench machine. The
bench's Dagster floor does the same after its import, so the ratio to it
still compares like with like.
"""
from __future__ import annotations

import gc
import sys
from pathlib import Path

from pipeline.config import Settings
from pipeline.dataset.layout import Layout
from pipeline.dataset.manifest import read_manifest
from pipeline.freshness import fresh_version
from pipeline.runlock import RunLockUnavailable, one_run_at_a_time
from pipeline.seed_changes import tracker_for


def summary_line(manifest: dict, published: bool, warnings: list[str]) -> str:
    """What was published and what was not; the documents not read (the manifest's ``unread``) are named by
    status (``unsupported: a.docx``)."""
    counts, unread = manifest["row_counts"], manifest["unread"]
    bad_docs = sum(map(len, unread.values()))
    verb = "published" if published else "unchanged, current stays"
    named = "; ".join(f"{status}: {', '.join(names)}" for status, names in sorted(unread.items()))
    rejected_docs = f" ({named})" if bad_docs else ""
    warned = f"; warnings: {', '.join(warnings)}" if warnings else ""
    return (f"{verb} {manifest['version_id']}: {counts['figures']} figures from "
            f"{counts['documents'] - bad_docs} documents; rejected {counts['rejected']} figures "
            f"and {bad_docs} documents{rejected_docs}{warned}")


def report_version(manifest: dict, output_dir: Path, published: bool, lines: list[str],
                   warnings: list[str]) -> None:
    print(f"version {manifest['version_id']} at {Layout(output_dir).version(manifest['version_id'])}")
    print("\n".join(lines))
    print(summary_line(manifest, published, warnings))


def run_or_confirm(settings: Settings) -> int:
    scan = tracker_for(settings).scan()
    version = fresh_version(settings.output_dir, scan)
    if version is not None:
        report_version(read_manifest(settings.output_dir, version), settings.output_dir, False,
                       ["nothing changed in the seeds folder since this version: no run started"], [])
        return 0
    from assets.launch import run_and_report  # Dagster and the definitions: only when there is a run to start
    gc.freeze()  # what the imports built lives until exit: the collector need not walk it again (FREEZE)
    return run_and_report(scan)


def main() -> int:
    settings = Settings.from_env()
    try:
        with one_run_at_a_time(settings.output_dir, lambda line: print(line, flush=True)):
            return run_or_confirm(settings)
    except RunLockUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
