"""Documents in, validated figures out: one partition per seed file."""
from functools import partial

import dagster as dg
import polars as pl

from assets.documents import documents, run_partition_keys
from assets.metadata import column_schema, markdown_table
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.extraction import extract_stale
from pipeline.parallel import in_chunks
from pipeline.validation import failure_cases
from pipeline.workstore import WorkStore
from schemas import FigureSchema

PREVIEW_COLUMNS = ["doc_id", "text", "value", "unit", "measure", "reporter", "partner", "flow", "product", "year",
                   "period", "base_year", "qualifier"]


@dg.asset(
    partitions_def=seed_partitions,
    deps=[documents],
    backfill_policy=dg.BackfillPolicy.single_run(),
    code_version=EXTRACTOR_VERSION,
    metadata={"dagster/column_schema": column_schema(FigureSchema)},
    group_name="extraction",
    kinds={"python", "parquet"},
)
def figures(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """Every economic figure in each document, with its meaning and lineage, validated.

    Rows that fail the FigureSchema rules go to the rejected table with their
    reasons. A seed whose bytes and extractor version are unchanged since its
    last extraction is not extracted again.
    """
    work = partial(extract_stale, trade_figures.settings().output_dir, EXTRACTOR_VERSION)
    extracted, reused, missing, new_figures, new_rejected = [], 0, [], 0, 0
    for _, chunk in in_chunks(work, list(context.partition_keys)):
        extracted += chunk.extracted
        reused, missing = reused + chunk.reused, missing + chunk.missing
        new_figures, new_rejected = new_figures + chunk.figures, new_rejected + chunk.rejected
    if missing:
        raise dg.Failure(f"{missing[0]}: no document has been read for this seed; materialize `documents` first")
    context.log.info(f"extracted {len(extracted)} seeds ({new_figures} figures, {new_rejected} rejected), "
                     f"reused {reused}")
    # Dagster copies this metadata into every partition's materialisation: keep it small.
    return dg.MaterializeResult(metadata={
        "extracted_seeds": len(extracted),
        "reused_seeds": reused,
        "extracted_figures": new_figures,
        "extracted_rejected_rows": new_rejected,
    })


@dg.asset_check(asset=figures, blocking=True,
                description="The run's stored figures pass every FigureSchema rule (pandera, lazy).")
def figures_match_schema(context: dg.AssetCheckExecutionContext,
                         trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    rows = store.read("figures", run_partition_keys(context))
    cases = failure_cases(rows, FigureSchema)
    failed = cases is not None
    return dg.AssetCheckResult(
        passed=not failed,
        metadata={"rows": rows.height, "failure_cases": markdown_table(cases if failed else pl.DataFrame())},
    )


@dg.asset_check(asset=figures,
                description="No figure of the run's seeds was rejected; lists each rejected row with its reason.")
def no_rejected_figures(context: dg.AssetCheckExecutionContext,
                        trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    rejected = store.read("rejected", run_partition_keys(context))
    return dg.AssetCheckResult(
        passed=rejected.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected_rows": rejected.height,
                  "rejected": markdown_table(rejected.select("doc_id", "figure_id", "check", "reason"), limit=50)},
    )
