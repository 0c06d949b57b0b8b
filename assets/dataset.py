"""The published dataset: every current seed's figures as one immutable, versioned Parquet dataset.

One step publishes a version (staging, read-back, manifest, rename, then the
``current`` swap: ``pipeline.dataset.publish``), so a version is complete or
absent. Each table of the version is an asset of its own, with its checks,
materialised by that step after the version is in place; ``dataset`` (the
version itself: manifest, review page, data dictionary) comes last.
"""
import dagster as dg
import polars as pl

from assets.extraction import SHARD_ASSETS, seed_tracker
from assets.metadata import column_schema, markdown_table
from assets.resources import TradeFiguresSettings
from pipeline.dataset import Lineage, open_table, verify_version
from pipeline.dataset.consistency import version_inconsistencies
from pipeline.dataset.layout import DICTIONARY, REVIEW, TABLE_NAMES
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.provenance import code_version
from pipeline.publishing import publish_seeds
from schemas import TABLES

PREVIEW_COLUMNS = ["doc_id", "text", "value", "unit", "measure", "reporter", "partner", "flow", "product", "year",
                   "period", "base_year", "qualifier"]
TABLE_DESCRIPTIONS = {
    "figures": "Every economic figure of the current version, with its meaning and lineage.",
    "documents": "Every seed document of the current version: status, reason, counts and text.",
    "rejected": "Figures that failed a rule, each with the rule and the reason.",
    "series": "One row per distinct fact (reporter, partner, flow, product, measure, year), conflicts marked.",
    "changes": "What changed from the parent version, document by document and figure by figure.",
}
GROUP = "dataset"


@dg.multi_asset(
    specs=[
        *(dg.AssetSpec(table, deps=SHARD_ASSETS, description=TABLE_DESCRIPTIONS[table], group_name=GROUP,
                       kinds={"parquet"}, metadata={"dagster/column_schema": column_schema(TABLES[table])})
          for table in TABLE_NAMES),
        dg.AssetSpec("dataset", deps=list(TABLE_NAMES), group_name=GROUP, kinds={"parquet"},
                     description="The current dataset version: its manifest, review page and data dictionary. "
                                 "Published atomically; content equal to the current version publishes nothing."),
    ],
)
def publish(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings):
    """A new dataset version of every current seed's figures, documents and rejected rows."""
    settings = trade_figures.settings()
    published = publish_seeds(settings.output_dir, sorted(seed_tracker(settings).seen()),
                              Lineage(code_version(), EXTRACTOR_VERSION, context.run.run_id), keep=settings.keep_versions)
    result, manifest = published.result, published.result.manifest
    if published.pending:
        context.log.warning(f"left out, not yet extracted from their current bytes: {published.pending}")
    context.log.info(f"{'published' if result.published else 'unchanged, kept'} version {result.version_id}")
    for table in TABLE_NAMES:  # an unchanged version's tables are not read again
        yield dg.MaterializeResult(asset_key=table, metadata={
            "dagster/row_count": manifest["row_counts"][table],
            "version_id": result.version_id,
            "published": result.published,
            "path": dg.MetadataValue.path(str(result.path / table)),
            **(table_metadata(table, open_table(settings.output_dir, table, result.version_id))
               if result.published else {}),
        })
    changes = {entity: {k: v for k, v in counts.items() if not k.endswith("_ids")}
               for entity, counts in manifest.get("changes", {}).items()}
    yield dg.MaterializeResult(asset_key="dataset", metadata={
        "version_id": result.version_id,
        "current_version": result.version_id,
        "published": result.published,
        "path": dg.MetadataValue.path(str(result.path)),
        "parent": manifest.get("parent") or "",
        "row_counts": dg.MetadataValue.json(manifest["row_counts"]),
        "changes_from_parent": dg.MetadataValue.json(changes),
        "pending_seeds": dg.MetadataValue.json(published.pending),
        "review_page": dg.MetadataValue.path(str(result.path / REVIEW)),
        "data_dictionary": dg.MetadataValue.path(str(result.path / DICTIONARY)),
        "pruned_versions": dg.MetadataValue.json(result.pruned),
    })


def table_metadata(table: str, frame: pl.LazyFrame) -> dict:
    """What the page of one table shows beyond its row count: a preview, or a breakdown."""
    if table == "figures":
        return {"preview": markdown_table(frame.select(PREVIEW_COLUMNS).sort("doc_id").head(20).collect()),
                "partners": markdown_table(frame.group_by("partner").len("figures").sort("partner").collect(),
                                           limit=100)}
    if table == "documents":
        return {"figures_per_document": markdown_table(
            frame.select("doc_id", "status", "n_figures", "n_rejected", "reason").sort("doc_id").collect(), limit=100)}
    if table == "series":
        facts, conflicts = frame.select(pl.len(), pl.col("conflict").sum()).collect().row(0)
        return {"facts": facts, "conflicts": int(conflicts or 0)}
    if table == "rejected":
        return {"by_check": dg.MetadataValue.json(dict(frame.group_by("check").len().sort("check").collect().iter_rows()))}
    return {}


@dg.asset_check(asset="figures", description="Figures agree with each other within rounding: flows add up, "
                "changes fit their levels, a fact stated twice agrees. Every violation is listed.")
def figures_are_consistent(trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    violations, figures = version_inconsistencies(trade_figures.settings().output_dir)  # a partner at a time
    by_rule = violations.group_by("rule").len().sort("rule")
    return dg.AssetCheckResult(
        passed=violations.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "figures": figures,
            "violations": violations.height,
            "by_rule": dg.MetadataValue.json(dict(by_rule.iter_rows())),
            "violations_list": markdown_table(
                violations.with_columns(pl.col("figure_ids").list.join(", ")), limit=200, width=200),
        },
        description=None if violations.is_empty() else f"{violations.height} violations",
    )


@dg.asset_check(asset="rejected", description="No figure of the current version was rejected; lists each "
                "rejected row with its reason.")
def no_rejected_figures(trade_figures: TradeFiguresSettings) -> dg.AssetCheckResult:
    rejected = open_table(trade_figures.settings().output_dir, "rejected").collect()
    return dg.AssetCheckResult(
        passed=rejected.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected_rows": rejected.height,
                  "rejected": markdown_table(rejected.select("doc_id", "figure_id", "check", "reason"), limit=50)},
        description=None if rejected.is_empty() else f"{rejected.height} rejected rows",
    )


@dg.asset_check(asset="dataset", description="Every file of the current version re-hashes to its manifest entry; "
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
