"""The project's SQLite event log: batched materialisations and connections kept open lose or hide no event."""
import os

import dagster as dg
import pytest

from assets.event_log import BatchedSqliteEventLogStorage

letters = dg.StaticPartitionsDefinition(list("abcdef"))


@dg.asset(partitions_def=letters, backfill_policy=dg.BackfillPolicy.single_run())
def per_letter(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={"letters": len(context.partition_keys)})


@dg.asset_check(asset=per_letter)
def letters_are_fine() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


JOB = dg.Definitions(assets=[per_letter], asset_checks=[letters_are_fine]).resolve_implicit_global_asset_job_def()


@pytest.fixture
def overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "4")
    return {"event_log_storage": {"module": "assets.event_log", "class": "BatchedSqliteEventLogStorage",
                                  "config": {"base_dir": str(tmp_path / "runs")}}}


def run(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    tags = {"dagster/asset_partition_range_start": "a", "dagster/asset_partition_range_end": "f"}
    result = JOB.execute_in_process(instance=instance, tags=tags)
    assert result.success
    return result


def materialized(instance: dg.DagsterInstance) -> set[str]:
    return set(instance.get_materialized_partitions(per_letter.key))


def test_another_instance_sees_every_event_while_the_writer_stays_open(tmp_path, overrides):
    with dg.instance_for_test(temp_dir=str(tmp_path), overrides=overrides) as writer:
        assert isinstance(writer.event_log_storage, BatchedSqliteEventLogStorage)
        result = run(writer)
        with dg.instance_for_test(temp_dir=str(tmp_path), overrides=overrides) as reader:  # as the webserver would
            assert materialized(reader) == set("abcdef")
            assert len(reader.all_logs(result.run_id)) == len(writer.all_logs(result.run_id))
            assert reader.get_latest_materialization_event(per_letter.key) is not None
            check = reader.event_log_storage.get_latest_asset_check_execution_by_key([letters_are_fine.check_key])
            assert check[letters_are_fine.check_key].run_id == result.run_id


def test_the_index_and_one_run_database_stay_open(tmp_path, overrides):
    with dg.instance_for_test(temp_dir=str(tmp_path), overrides=overrides) as instance:
        first, second = run(instance), run(instance)
        assert set(instance.event_log_storage._engines) == {"index", second.run_id}
        assert first.run_id in instance.event_log_storage.get_all_run_ids()
        assert instance.all_logs(first.run_id)  # reopened on demand


def test_wipe_then_run_again(tmp_path, overrides):
    with dg.instance_for_test(temp_dir=str(tmp_path), overrides=overrides) as instance:
        first = run(instance)
        instance.event_log_storage.wipe()
        assert not os.path.exists(instance.event_log_storage.path_for_shard(first.run_id))
        run(instance)
        assert materialized(instance) == set("abcdef")
