"""The local SQLite event log, writing a run's per-partition materialisations in batches.

A run over N seed partitions records one materialisation per partition and
asset. Dagster's ``SqliteEventLogStorage`` stores each event in two
transactions of its own (the run's database and the cross-run index), each an
fsync: at 10,000 seeds that alone takes many minutes. With
``DAGSTER_EVENT_BATCH_SIZE`` set (``assets.run`` and the Makefile set it),
Dagster hands a step's materialisations to ``store_event_batch`` in batches;
this storage writes each batch in one transaction per database, the way
dagster-postgres does. Everything else is SQLite's own behaviour.

Configured in dagster.yaml; it keeps the default location,
``$DAGSTER_HOME/storage/history/runs``, unless ``base_dir`` is given.
"""
from __future__ import annotations

import os
from typing import Sequence

from dagster import DagsterEventType, EventLogEntry, Field, StringSource
from dagster._core.storage.event_log import SqliteEventLogStorage, SqlEventLogStorageTable

_BATCHABLE = ({DagsterEventType.ASSET_MATERIALIZATION}, {DagsterEventType.ASSET_OBSERVATION})


class BatchedSqliteEventLogStorage(SqliteEventLogStorage):
    @classmethod
    def config_type(cls):
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> BatchedSqliteEventLogStorage:
        base_dir = config_value.get("base_dir") or os.path.join(
            os.environ["DAGSTER_HOME"], "storage", "history", "runs")
        return cls(base_dir=base_dir, inst_data=inst_data)

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        kinds = {event.get_dagster_event().event_type for event in events}
        if kinds not in _BATCHABLE or len({event.run_id for event in events}) != 1:
            return super().store_event_batch(events)  # one at a time, as SQLite always does
        insert = self.prepare_insert_event_batch(events)
        with self.run_connection(events[0].run_id) as conn:
            conn.execute(insert)
        with self.index_transaction() as conn:
            ids = [row[0] for row in conn.execute(insert.returning(SqlEventLogStorageTable.c.id))]
            self._store_asset_event_tags(conn, events, ids)
            self._store_asset_event(conn, events[-1], ids[-1])  # the asset's latest event, as in dagster-postgres
