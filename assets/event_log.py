"""The local SQLite event log: a run's per-partition materialisations in batches, over connections kept open.

A run over N seed partitions records one materialisation per partition and
asset. Dagster's ``SqliteEventLogStorage`` stores each event in two
transactions of its own (the run's database and the cross-run index), each an
fsync: at 10,000 seeds that alone takes many minutes. With
``DAGSTER_EVENT_BATCH_SIZE`` set (``assets.run`` and the Makefile set it),
Dagster hands a step's materialisations to ``store_event_batch`` in batches;
this storage writes each batch in one transaction per database, the way
dagster-postgres does.

Dagster also opens a new connection for every event and closes it after: the
last connection to close checkpoints SQLite's write-ahead log into the
database, so each event paid a checkpoint (a few hundred milliseconds per run
of a few steps and checks). This storage keeps the index's connection and the
current run's open, so the log is checkpointed as SQLite does by default,
every thousand pages. Everything else is SQLite's own behaviour.

Configured in dagster.yaml; it keeps the default location,
``$DAGSTER_HOME/storage/history/runs``, unless ``base_dir`` is given.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Sequence

from dagster import DagsterEventType, EventLogEntry, Field, StringSource
from dagster._core.storage.event_log import SqliteEventLogStorage, SqlEventLogStorageTable
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine

_BATCHABLE = ({DagsterEventType.ASSET_MATERIALIZATION}, {DagsterEventType.ASSET_OBSERVATION})


class BatchedSqliteEventLogStorage(SqliteEventLogStorage):
    def __init__(self, base_dir: str, inst_data=None):
        self._engines: dict[str, Engine] = {}
        """Open engines by shard: the index and at most one run's database, of process ``_engines_pid``."""
        self._engines_pid = os.getpid()
        super().__init__(base_dir=base_dir, inst_data=inst_data)

    @classmethod
    def config_type(cls):
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> BatchedSqliteEventLogStorage:
        base_dir = config_value.get("base_dir") or os.path.join(
            os.environ["DAGSTER_HOME"], "storage", "history", "runs")
        return cls(base_dir=base_dir, inst_data=inst_data)

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        """A transaction on ``shard``, as Dagster's own, on a pooled connection (see the module doc)."""
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def _engine(self, shard: str) -> Engine:
        if self._engines_pid != os.getpid():  # a forked child never uses its parent's connections
            self._engines, self._engines_pid = {}, os.getpid()
        if shard not in self._engines:
            self._close_engines(keep=INDEX_SHARD_NAME)  # one run's database open at a time
            self._engines[shard] = create_engine(self.conn_string_for_shard(shard),
                                                 connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
        return self._engines[shard]

    def _close_engines(self, keep: str | None = None) -> None:
        for shard in [s for s in self._engines if s != keep]:
            self._engines.pop(shard).dispose()

    def wipe(self) -> None:
        with self._db_lock:
            self._close_engines()  # before the run databases' files are deleted
        super().wipe()

    def dispose(self) -> None:
        with self._db_lock:
            if self._engines_pid == os.getpid():
                self._close_engines()
        super().dispose()

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
