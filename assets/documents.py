"""Seed files in, decoded documents out: one partition per seed file."""
from functools import partial

import dagster as dg
import polars as pl
from dagster._core.storage.tags import (ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG,
                                        PARTITION_NAME_TAG)

from assets.metadata import column_schema, markdown_table
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.parallel import in_chunks
from pipeline.workstore import WorkStore, read_and_store
from schemas import DocumentSchema

READER_VERSION = "2"
"""Bump when reading may give other text (a format, a reader or its library): every seed is read again."""
READ_MIN_CHUNK = 500
"""Reading is cheap: worker processes only pay off from this many seeds per worker."""

seed_files = dg.AssetSpec(
    "seed_files",
    description="Every file in the seeds folder tree (TRADE_FIGURES_SEEDS_DIR), one partition per path relative to it.",
    partitions_def=seed_partitions,
    group_name="extraction",
    kinds={"file"},
)


def run_partition_keys(context: dg.AssetCheckExecutionContext) -> list[str]:
    """The seed partitions the check's run materialises, from the run's partition tags.

    The checks of the partitioned assets are not partitioned themselves:
    Dagster records a partitioned check's planned evaluation once per
    partition, each record holding the run's whole partition subset, which is
    quadratic in the number of seeds. They check the run's partitions instead.
    """
    tags = context.run.tags
    if ASSET_PARTITION_RANGE_START_TAG in tags:
        keys = context.instance.get_dynamic_partitions(seed_partitions.name)
        start, end = keys.index(tags[ASSET_PARTITION_RANGE_START_TAG]), keys.index(tags[ASSET_PARTITION_RANGE_END_TAG])
        return list(keys[start:end + 1])
    return [tags[PARTITION_NAME_TAG]] if PARTITION_NAME_TAG in tags else []


@dg.asset(
    partitions_def=seed_partitions,
    deps=[seed_files],
    backfill_policy=dg.BackfillPolicy.single_run(),
    code_version=READER_VERSION,
    metadata={"dagster/column_schema": column_schema(DocumentSchema)},
    group_name="extraction",
    kinds={"python", "parquet"},
)
def documents(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """Each seed file read safely by its format (text, Markdown, web page, PDF): its sha256, title, date and text.

    A file that cannot be read (a type that is not read, empty, binary, too
    large, a PDF without text, encrypted or damaged, a link out of the
    folder, gone) is recorded with a non-ok status and its reason instead of
    failing the run.
    """
    settings = trade_figures.settings()
    read = partial(read_and_store, settings.seeds_dir, settings.max_document_bytes, settings.output_dir)
    rows = []
    for _, documents in in_chunks(read, list(context.partition_keys), min_chunk=READ_MIN_CHUNK):
        for document in documents:
            rows.append({"file_name": document.file_name, "status": document.status})
            if not document.ok:
                context.log.warning(f"{document.file_name}: {document.status}: {document.reason}")
    summary = pl.DataFrame(rows, schema={"file_name": pl.String, "status": pl.String})
    # Dagster copies this metadata into every partition's materialisation: keep it small.
    return dg.MaterializeResult(metadata={
        "documents_in_run": summary.height,
        "readable": int((summary["status"] == "ok").sum()),
        "not_readable": int((summary["status"] != "ok").sum()),
    })


@dg.asset_check(asset=documents, description="Every seed file the run read yielded text.")
def documents_are_readable(context: dg.AssetCheckExecutionContext,
                           trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    store = WorkStore(trade_figures.settings().output_dir)
    docs = store.read("documents", run_partition_keys(context), ["file_name", "status", "reason"])
    bad = docs.filter(pl.col("status") != "ok")
    return dg.AssetCheckResult(
        passed=bad.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"documents": docs.height, "not_readable": bad.height, "failures": markdown_table(bad, limit=100)},
        description=None if bad.is_empty() else "; ".join(f"{f}: {r}" for f, _, r in bad.iter_rows()),
    )
