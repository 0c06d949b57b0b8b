"""Seed files in, decoded documents out: one partition per seed file."""
import dagster as dg
import polars as pl

from assets.metadata import column_schema, markdown_table
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.documents import read_document
from pipeline.workstore import WorkStore
from schemas import DocumentSchema

READER_VERSION = "1"

seed_files = dg.AssetSpec(
    "seed_files",
    description="The text files in the seeds folder (TRADE_FIGURES_SEEDS_DIR), one partition per file name.",
    partitions_def=seed_partitions,
    group_name="extraction",
    kinds={"file"},
)


@dg.asset(
    partitions_def=seed_partitions,
    deps=[seed_files],
    backfill_policy=dg.BackfillPolicy.single_run(),
    code_version=READER_VERSION,
    group_name="extraction",
    kinds={"python", "parquet"},
)
def documents(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """Each seed file read safely and decoded: its sha256, encoding, title, date and text.

    A file that cannot be read (empty, binary, too large, a link out of the
    folder, gone) is recorded with a non-ok status and its reason instead of
    failing the run.
    """
    settings = trade_figures.settings()
    store = WorkStore(settings.output_dir)
    rows = []
    for key in context.partition_keys:
        document = read_document(settings.seeds_dir, key, settings.max_document_bytes)
        store.write_document(document)
        rows.append({"file_name": key, "status": document.status, "reason": document.reason,
                     "bytes": document.bytes, "encoding": document.encoding, "sha256": document.sha256})
        if not document.ok:
            context.log.warning(f"{key}: {document.status}: {document.reason}")
    summary = pl.DataFrame(rows)
    return dg.MaterializeResult(metadata={
        "dagster/row_count": summary.height,
        "dagster/column_schema": column_schema(DocumentSchema),
        "readable": int((summary["status"] == "ok").sum()),
        "not_readable": int((summary["status"] != "ok").sum()),
        "documents": markdown_table(summary),
    })


@dg.asset_check(asset=documents, partitions_def=seed_partitions, description="Every seed file yielded text.")
def documents_are_readable(context: dg.AssetCheckExecutionContext,
                           trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    docs = store.scan("documents", list(context.partition_keys)).select("file_name", "status", "reason").collect()
    bad = docs.filter(pl.col("status") != "ok")
    return dg.AssetCheckResult(
        passed=bad.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"documents": docs.height, "not_readable": bad.height, "failures": markdown_table(bad)},
        description=None if bad.is_empty() else "; ".join(f"{f}: {r}" for f, _, r in bad.iter_rows()),
    )
