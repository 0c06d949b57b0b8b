"""Dagster's floor: the cheapest run there is (one trivial asset) on the instance under $DAGSTER_HOME.

Timed as a whole process, like `python -m assets.run`, so the ratio of a
pipeline run to this one is the cost the pipeline adds over Dagster's own.
"""
import gc

import dagster as dg


@dg.asset
def trivial() -> int:
    return 1


if __name__ == "__main__":
    gc.freeze()  # as `assets.run` does after its imports (its FREEZE note): the same process conditions
    with dg.DagsterInstance.get() as instance:
        job = dg.Definitions(assets=[trivial]).resolve_implicit_global_asset_job_def()
        assert job.execute_in_process(instance=instance).success
