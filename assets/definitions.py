"""The Dagster code location `trade_figures` (``workspace.yaml``, ``[tool.dagster]``): ``defs``.

The environment is read here, once, into the settings resource every asset,
check, sensor and schedule is given.
"""
from __future__ import annotations

import dagster as dg

from assets.automation import AUTOMATED, nightly_revalidation, seed_folder_changes
from assets.dataset import publish
from assets.executors import executor_for
from assets.extraction import SHARD_ASSETS, seed_files
from assets.resources import TradeFiguresSettings
from pipeline.config import Settings

SETTINGS = Settings.from_env()

everything = dg.define_asset_job(
    "materialize_everything",
    selection=AUTOMATED,
    description="Read and extract what changed in the seeds folder, then publish a dataset version.",
)

defs = dg.Definitions(
    assets=[seed_files, *SHARD_ASSETS, publish],
    jobs=[everything],
    sensors=[seed_folder_changes],
    schedules=[nightly_revalidation],
    resources={"trade_figures": TradeFiguresSettings.of(SETTINGS)},
    executor=executor_for(SETTINGS),
)


def materialize_everything_job() -> dg.JobDefinition:
    """The job as the code location serves it, for ``dg.reconstructable`` (step processes and workers load it)."""
    return defs.resolve_job_def(everything.name)
