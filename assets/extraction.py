"""Seed files in, documents read and figures extracted into the work store: only what changed.

One unpartitioned asset, so a run's events do not grow with the number of
seeds: the change tracker (``pipeline.seed_changes``) says which seeds to read
again, and the work store's content addressing (sha256 plus extractor version)
which of them to extract again. Reading and extracting are spread over worker
processes inside the step (``pipeline.parallel``).
"""
from functools import partial

import dagster as dg
import polars as pl

from assets.metadata import markdown_table
from assets.resources import TradeFiguresSettings
from pipeline.config import Settings
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.extraction import extract_stale
from pipeline.parallel import in_chunks
from pipeline.seed_changes import SeedTracker
from pipeline.validation import failure_cases
from pipeline.workstore import WorkStore, read_and_store
from schemas import FigureSchema

READER_VERSION = "2"
"""Bump when reading may give other text (a format, a reader or its library): every seed is read again."""
READ_MIN_CHUNK = 500
"""Reading is cheap: worker processes only pay off from this many seeds per worker."""
SHOWN = 50
"""Seed names listed in metadata at most."""

seed_files = dg.AssetSpec(
    "seed_files",
    description="The seed documents in the seeds folder (TRADE_FIGURES_SEEDS_DIR).",
    group_name="extraction",
    kinds={"file"},
)


def seed_tracker(settings: Settings) -> SeedTracker:
    return SeedTracker(settings.seeds_dir, settings.output_dir,
                       {"reader": READER_VERSION, "extractor": EXTRACTOR_VERSION})


@dg.asset(
    deps=[seed_files],
    code_version=f"reader {READER_VERSION}, extractor {EXTRACTOR_VERSION}",
    group_name="extraction",
    kinds={"python", "parquet"},
    check_specs=[
        dg.AssetCheckSpec("figures_match_schema", asset="extractions", blocking=True,
                          description="The figures extracted by this run pass every FigureSchema rule "
                                      "(pandera, lazy)."),
        dg.AssetCheckSpec("documents_are_readable", asset="extractions",
                          description="Every seed file in the folder yielded text; lists those that did not, "
                                      "with their status and reason."),
    ],
)
def extractions(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """Each new or changed seed read safely and decoded, and its figures extracted and validated.

    A file that cannot be read (empty, binary, too large, a link out of the
    folder, gone) is recorded with a non-ok status and its reason instead of
    failing the run, and tried again on the next run. Rows that fail the
    FigureSchema rules go to the rejected rows with their reasons. A removed
    seed's intermediate files go, so its figures leave the next version.
    """
    settings = trade_figures.settings()
    tracker = seed_tracker(settings)
    scan = tracker.scan()
    store = WorkStore(settings.output_dir)
    for key in scan.removed:
        store.remove(key)
    read = partial(read_and_store, settings.seeds_dir, settings.max_document_bytes, settings.output_dir)
    statuses = {}
    for _, documents in in_chunks(read, scan.to_read, settings.workers, min_chunk=READ_MIN_CHUNK):
        statuses |= {document.file_name: document.status for document in documents}
    extracted, reused, figures, rejected = [], 0, 0, 0
    work = partial(extract_stale, settings.output_dir, EXTRACTOR_VERSION)
    for _, chunk in in_chunks(work, scan.to_read, settings.workers):
        extracted += chunk.extracted
        reused, figures, rejected = reused + chunk.reused, figures + chunk.figures, rejected + chunk.rejected
    cases = failure_cases(store.read("figures", extracted), FigureSchema)
    tracker.record(scan, statuses)
    unreadable = [key for key, seen in tracker.seen().items() if seen.status != "ok"]
    failures = store.read("documents", unreadable, ["file_name", "status", "reason"])
    context.log.info(f"{len(scan.stats)} seeds: read {len(scan.to_read)}, extracted {len(extracted)} "
                     f"({figures} figures, {rejected} rejected rows), removed {len(scan.removed)}")
    return dg.MaterializeResult(
        metadata={
            "seeds": len(scan.stats),
            "read": len(scan.to_read),
            "extracted": len(extracted),
            "reused_extractions": reused,
            "removed": len(scan.removed),
            "not_readable": len(unreadable),
            "figures_extracted": figures,
            "rejected_rows_extracted": rejected,
            "read_now": dg.MetadataValue.json(scan.to_read[:SHOWN]),
            "removed_now": dg.MetadataValue.json(scan.removed[:SHOWN]),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name="figures_match_schema", passed=cases is None,
                metadata={"rows": figures, "failure_cases": markdown_table(pl.DataFrame() if cases is None else cases)},
            ),
            dg.AssetCheckResult(
                check_name="documents_are_readable", passed=failures.is_empty(),
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"documents": len(scan.stats), "not_readable": failures.height,
                          "failures": markdown_table(failures, limit=100)},
                description=None if failures.is_empty() else f"{failures.height} documents not readable",
            ),
        ],
    )
