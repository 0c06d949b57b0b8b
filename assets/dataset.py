"""The published dataset: all current seeds' figures as one immutable, versioned Parquet dataset."""
import dagster as dg
import polars as pl

from assets.documents import documents
from assets.figures import PREVIEW_COLUMNS, figures
from assets.metadata import column_schema, markdown_table
from assets.partitions import seed_partitions
from assets.resources import TradeFiguresSettings
from pipeline.assemble import assemble
from pipeline.consistency import COLUMNS, find_inconsistencies
from pipeline.dataset import Lineage, open_table, publish_version, verify_version
from pipeline.dataset.layout import DICTIONARY, REVIEW
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.provenance import code_version
from pipeline.workstore import WorkStore
from schemas import FigureSchema


@dg.asset(
    deps=[dg.AssetDep(figures, partition_mapping=dg.AllPartitionMapping()),
          dg.AssetDep(documents, partition_mapping=dg.AllPartitionMapping())],
    group_name="dataset",
    kinds={"parquet"},
)
def dataset(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings) -> dg.MaterializeResult:
    """A new dataset version of every current seed's figures, documents and rejected rows.

    Written under `output/versions/<version_id>/` (figures hive-partitioned by
    partner) with its manifest last, then `output/current` is swapped to it.
    Content equal to the current version publishes nothing.
    """
    settings = trade_figures.settings()
    keys = context.instance.get_dynamic_partitions(seed_partitions.name)
    assembled = assemble(WorkStore(settings.output_dir), keys, EXTRACTOR_VERSION)
    if assembled.pending:
        context.log.warning(f"left out, not yet extracted from their current bytes: {assembled.pending}")
    tables = assembled.tables
    # Made before publishing, whose own peak then does not meet the preview's sorted copy.
    of_tables = {
        "dagster/row_count": tables.figures.height,
        "dagster/column_schema": column_schema(FigureSchema),
        "documents": tables.documents.height,
        "rejected_rows": tables.rejected.height,
        "pending_seeds": dg.MetadataValue.json(assembled.pending),
        "figures_per_document": markdown_table(
            tables.documents.select("doc_id", "status", "n_figures", "n_rejected", "reason"), limit=100),
        "preview": markdown_table(tables.figures.select(PREVIEW_COLUMNS).sort("doc_id")),
        "partners": markdown_table(tables.figures.group_by("partner").len("figures").sort("partner"), limit=100),
    }
    result = publish_version(settings.output_dir, tables,
                             Lineage(code_version(), EXTRACTOR_VERSION, context.run.run_id))
    changes = {entity: {k: v for k, v in counts.items() if not k.endswith("_ids")}
               for entity, counts in result.manifest.get("changes", {}).items()}
    facts, conflicts = open_table(settings.output_dir, "series", result.version_id).select(
        pl.len(), pl.col("conflict").sum()).collect().row(0)
    context.log.info(f"{'published' if result.published else 'unchanged, kept'} version {result.version_id}")
    return dg.MaterializeResult(metadata={
        "version_id": result.version_id,
        "path": dg.MetadataValue.path(str(result.path)),
        "published": result.published,
        "parent": result.manifest.get("parent") or "",
        "changes_from_parent": dg.MetadataValue.json(changes),
        "review_page": dg.MetadataValue.path(str(result.path / REVIEW)),
        "data_dictionary": dg.MetadataValue.path(str(result.path / DICTIONARY)),
        "pruned_versions": dg.MetadataValue.json(result.pruned),
        "series_facts": facts,
        "series_conflicts": int(conflicts),
        **of_tables,
    })


@dg.asset_check(asset=dataset, description="Figures agree with each other within rounding: flows add up, "
                "changes fit their levels, a fact stated twice agrees. Every violation is listed.")
def figures_are_consistent(trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    figures = open_table(trade_figures.settings().output_dir, "figures").select(COLUMNS).collect()
    violations = find_inconsistencies(figures)
    by_rule = violations.group_by("rule").len().sort("rule")
    return dg.AssetCheckResult(
        passed=violations.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "figures": figures.height,
            "violations": violations.height,
            "by_rule": dg.MetadataValue.json(dict(by_rule.iter_rows())),
            "violations_list": markdown_table(
                violations.with_columns(pl.col("figure_ids").list.join(", ")), limit=200, width=200),
        },
    )


@dg.asset_check(asset=dataset, description="Every file of the current version re-hashes to its manifest entry; "
                "no file is missing, extra or altered.")
def dataset_matches_manifest(trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    verification = verify_version(trade_figures.settings().output_dir)
    return dg.AssetCheckResult(
        passed=verification.ok,
        metadata={"version_id": verification.version_id, "files_checked": verification.checked,
                  "missing": dg.MetadataValue.json(verification.missing),
                  "extra": dg.MetadataValue.json(verification.extra),
                  "altered": dg.MetadataValue.json(verification.altered)},
    )
