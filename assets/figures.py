"""Documents in, validated figures out: one partition per seed file."""
import dagster as dg
import polars as pl

from assets.documents import documents
from assets.metadata import column_schema, markdown_table
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.extraction import figure_rows
from pipeline.validation import failure_cases
from pipeline.workstore import WorkStore
from schemas import FigureSchema

PREVIEW_COLUMNS = ["doc_id", "text", "value", "unit", "measure", "reporter", "partner", "flow", "product", "year",
                   "base_year", "qualifier"]


@dg.asset(
    partitions_def=seed_partitions,
    deps=[documents],
    backfill_policy=dg.BackfillPolicy.single_run(),
    code_version=EXTRACTOR_VERSION,
    group_name="extraction",
    kinds={"python", "parquet"},
)
def figures(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """Every economic figure in each document, with its meaning and lineage, validated.

    Rows that fail the FigureSchema rules go to the rejected table with their
    reasons. A seed whose bytes and extractor version are unchanged since its
    last extraction is not extracted again.
    """
    store = WorkStore(trade_figures.settings().output_dir)
    keys = list(context.partition_keys)
    extracted, reused = [], 0
    for key in keys:
        document = store.read_document(key)
        if document is None:
            raise dg.Failure(f"{key}: no document has been read for this seed; materialize `documents` first")
        if store.has_extraction(key, document.sha256, EXTRACTOR_VERSION):
            reused += 1
            continue
        valid, rejected = figure_rows(document)
        store.write_extraction(key, valid, rejected, document.sha256, EXTRACTOR_VERSION)
        extracted.append(key)
    rows = store.scan("figures", keys).collect()
    rejected = store.scan("rejected", keys).collect()
    per_document = rows.group_by("doc_id").len("figures").sort("doc_id")
    context.log.info(f"extracted {len(extracted)} seeds, reused {reused}; {rows.height} figures, "
                     f"{rejected.height} rejected")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": rows.height,
        "dagster/column_schema": column_schema(FigureSchema),
        "extracted_seeds": len(extracted),
        "reused_seeds": reused,
        "rejected_rows": rejected.height,
        "figures_per_document": markdown_table(per_document, limit=50),
        "preview": markdown_table(rows.select(PREVIEW_COLUMNS)),
    })


@dg.asset_check(asset=figures, partitions_def=seed_partitions, blocking=True,
                description="Stored figures pass every FigureSchema rule (pandera, lazy).")
def figures_match_schema(context: dg.AssetCheckExecutionContext,
                         trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    rows = store.scan("figures", list(context.partition_keys)).collect()
    cases = failure_cases(rows, FigureSchema)
    failed = cases is not None
    return dg.AssetCheckResult(
        passed=not failed,
        metadata={"rows": rows.height, "failure_cases": markdown_table(cases if failed else pl.DataFrame())},
    )


@dg.asset_check(asset=figures, partitions_def=seed_partitions,
                description="No extracted figure was rejected; lists each rejected row with its reason.")
def no_rejected_figures(context: dg.AssetCheckExecutionContext,
                        trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    rejected = store.scan("rejected", list(context.partition_keys)).collect()
    return dg.AssetCheckResult(
        passed=rejected.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected_rows": rejected.height,
                  "rejected": markdown_table(rejected.select("doc_id", "figure_id", "check", "reason"), limit=50)},
    )
