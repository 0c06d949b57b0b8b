"""The Dagster code location: `dagster dev -w workspace.yaml` loads ``defs``."""
from __future__ import annotations

import dagster as dg

from assets.automation import nightly_revalidation, seed_folder_changes
from assets.dataset import dataset, dataset_matches_manifest, figures_are_consistent
from assets.documents import documents, documents_are_readable, seed_files
from assets.figures import figures, figures_match_schema, no_rejected_figures
from assets.resources import TradeFiguresSettings

everything = dg.define_asset_job(
    "materialize_everything",
    selection=dg.AssetSelection.assets(documents, figures, dataset),
    description="Read and extract the given seeds, then publish a dataset version.",
)

defs = dg.Definitions(
    assets=[seed_files, documents, figures, dataset],
    asset_checks=[documents_are_readable, figures_match_schema, no_rejected_figures, figures_are_consistent,
                  dataset_matches_manifest],
    jobs=[everything],
    sensors=[seed_folder_changes],
    schedules=[nightly_revalidation],
    resources={"trade_figures": TradeFiguresSettings()},
)
