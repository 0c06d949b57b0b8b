"""The published dataset: every current seed's figures as one immutable, versioned Parquet dataset.

One step publishes a version (staging, read-back, manifest, rename, then the
``current`` swap: ``pipeline.dataset.publish``), so a version is complete or
absent. Each table of the version is an asset of its own, with its checks,
materialised by that step after the version is in place; ``dataset`` (the
version itself: manifest, review page, data dictionary) comes last.
"""
from pathlib import Path

import dagster as dg
import polars as pl

from assets.extraction import SHARD_ASSETS
from assets.metadata import column_schema, markdown_table
from assets.resources import TradeFiguresSettings
from pipeline.dataset import Lineage, open_table, verify_version
from pipeline.dataset.inconsistencies import LISTED, version_inconsistencies
from pipeline.dataset.layout import DICTIONARY, REVIEW, TABLE_NAMES
from pipeline.dataset.parts import partner_of, table_of
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.provenance import code_version
from pipeline.publishing import publish_seeds
from pipeline.seed_changes import tracker_for
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


CHECKS = [
    dg.AssetCheckSpec("figures_are_consistent", asset="figures",
                      description="Figures agree with each other within rounding: flows add up, changes fit their "
                                  "levels, a fact stated twice agrees. Every violation is counted, the first 200 listed."),
    dg.AssetCheckSpec("no_rejected_figures", asset="rejected",
                      description="No figure of the current version was rejected; lists each rejected row with its "
                                  "reason."),
    dg.AssetCheckSpec("dataset_matches_manifest", asset="dataset",
                      description="Every file of the current version is there, is listed, and matches its manifest "
                                  "entry: the files this version wrote re-hashed, those it shares with an older "
                                  "version by size (`verify` re-hashes every file)."),
]
"""Checked in the publishing step, on the files it published: a check costs no step of its own."""


@dg.multi_asset(
    specs=[
        *(dg.AssetSpec(table, deps=SHARD_ASSETS, description=TABLE_DESCRIPTIONS[table], group_name=GROUP,
                       kinds={"parquet"}, metadata={"dagster/column_schema": column_schema(TABLES[table])})
          for table in TABLE_NAMES),
        dg.AssetSpec("dataset", deps=list(TABLE_NAMES), group_name=GROUP, kinds={"parquet"},
                     description="The current dataset version: its manifest, review page and data dictionary. "
                                 "Published atomically; content equal to the current version publishes nothing."),
    ],
    check_specs=CHECKS,
)
def publish(context: dg.AssetExecutionContext, trade_figures: TradeFiguresSettings):
    """A new dataset version of every current seed's figures, documents and rejected rows, then its checks."""
    settings = trade_figures.settings()
    published = publish_seeds(settings.output_dir, tracker_for(settings).registered(),
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
            **(table_metadata(table, open_table(settings.output_dir, table, result.version_id), manifest)
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
    yield figures_are_consistent(settings.output_dir, result.version_id)
    yield no_rejected_figures(settings.output_dir, result.version_id)
    yield dataset_matches_manifest(settings.output_dir, result.version_id)


def table_metadata(table: str, frame: pl.LazyFrame, manifest: dict) -> dict:
    """What the page of one table shows beyond its row count: a preview, or a breakdown.

    None reads a large table whole: the figures' preview is the first part's first rows, their count by
    partner comes from the manifest's part entries.
    """
    if table == "figures":
        return {"preview": markdown_table(frame.select(PREVIEW_COLUMNS).head(20).collect()),
                "partners": markdown_table(rows_by_partner(manifest, table), limit=100)}
    if table == "documents":
        first = frame.select("doc_id", "status", "n_figures", "n_rejected", "reason").sort("doc_id").head(100)
        return {"figures_per_document": markdown_table(first.collect(), limit=100,
                                                       total=manifest["row_counts"]["documents"])}
    if table == "series":
        facts, conflicts = frame.select(pl.len(), pl.col("conflict").sum()).collect().row(0)
        return {"facts": facts, "conflicts": int(conflicts or 0)}
    if table == "rejected":
        return {"by_check": dg.MetadataValue.json(dict(frame.group_by("check").len().sort("check").collect().iter_rows()))}
    return {}


def rows_by_partner(manifest: dict, table: str) -> pl.DataFrame:
    """Rows of a partner-folder table per partner, summed from the manifest's part entries."""
    rows = [(partner_of(entry["path"]), entry["rows"]) for entry in manifest["files"]
            if table_of(entry["path"]) == table and entry.get("rows")]
    return (pl.DataFrame(rows, schema={"partner": pl.String, table: pl.Int64}, orient="row")
            .group_by("partner").agg(pl.col(table).sum()).sort("partner"))


def figures_are_consistent(output_dir: Path, version_id: str) -> dg.AssetCheckResult:
    found = version_inconsistencies(output_dir, version_id)
    return dg.AssetCheckResult(
        asset_key="figures",
        check_name="figures_are_consistent",
        passed=found.total == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "figures": found.figures,
            "violations": found.total,
            "by_rule": dg.MetadataValue.json(found.by_rule),
            "partner_folders_worked_out": found.worked_out,
            "violations_list": markdown_table(
                found.first.with_columns(pl.col("figure_ids").list.join(", ")), limit=LISTED, width=200),
        },
        description=None if found.total == 0 else f"{found.total} violations",
    )


def no_rejected_figures(output_dir: Path, version_id: str) -> dg.AssetCheckResult:
    rejected = open_table(output_dir, "rejected", version_id).select("doc_id", "figure_id", "check", "reason")
    count, listed = rejected.select(pl.len()).collect().item(), rejected.head(50).collect()
    return dg.AssetCheckResult(
        asset_key="rejected",
        check_name="no_rejected_figures",
        passed=count == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected_rows": count, "rejected": markdown_table(listed, limit=50)},
        description=None if count == 0 else f"{count} rejected rows",
    )


def dataset_matches_manifest(output_dir: Path, version_id: str) -> dg.AssetCheckResult:
    verification = verify_version(output_dir, version_id, shared_by_size=True)
    return dg.AssetCheckResult(
        asset_key="dataset",
        check_name="dataset_matches_manifest",
        passed=verification.ok,
        metadata={"version_id": verification.version_id, "files_checked": verification.checked,
                  "files_rehashed": verification.rehashed,
                  "missing": dg.MetadataValue.json(verification.missing),
                  "extra": dg.MetadataValue.json(verification.extra),
                  "altered": dg.MetadataValue.json(verification.altered)},
    )
