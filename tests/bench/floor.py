"""Dagster's floor: the cheapest run there is (one trivial asset) on the instance under $DAGSTER_HOME.

Timed as a whole process, like `python -m assets.run`, so the ratio of a
pipeline run to this one is the cost the pipeline adds over Dagster's own.

``--graph``: a run of the pipeline's shape with none of its work, for the part of a one-document run that is
Dagster's own cost of that shape: a shard asset with its two checks, then one step materialising the five tables
and ``dataset`` with their three checks, each step logging a line (``assets.extraction``, ``assets.dataset``).
"""
import gc
import sys

import dagster as dg


@dg.asset
def trivial() -> int:
    return 1


SHARD_CHECKS = ["figures_match_schema", "documents_are_readable"]
TABLE_ASSETS = ["figures", "documents", "rejected", "series", "changes", "dataset"]
PUBLISH_CHECKS = [("figures", "figures_are_consistent"), ("rejected", "no_rejected_figures"),
                  ("dataset", "dataset_matches_manifest")]


@dg.asset(check_specs=[dg.AssetCheckSpec(name, asset="shard") for name in SHARD_CHECKS])
def shard(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    context.log.info("shard: nothing read")
    return dg.MaterializeResult(check_results=[dg.AssetCheckResult(check_name=name, passed=True)
                                               for name in SHARD_CHECKS])


@dg.multi_asset(specs=[dg.AssetSpec(name, deps=[shard]) for name in TABLE_ASSETS],
                check_specs=[dg.AssetCheckSpec(name, asset=asset) for asset, name in PUBLISH_CHECKS])
def publish(context: dg.AssetExecutionContext):
    context.log.info("nothing published")
    for name in TABLE_ASSETS:
        yield dg.MaterializeResult(asset_key=name)
    for asset, name in PUBLISH_CHECKS:
        yield dg.AssetCheckResult(asset_key=asset, check_name=name, passed=True)


if __name__ == "__main__":
    gc.freeze()  # as `assets.run` does after its imports (its FREEZE note): the same process conditions
    assets = [shard, publish] if sys.argv[1:] == ["--graph"] else [trivial]
    with dg.DagsterInstance.get() as instance:
        job = dg.Definitions(assets=assets).resolve_implicit_global_asset_job_def()
        assert job.execute_in_process(instance=instance).success
