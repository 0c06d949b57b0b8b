"""A version built from every document, a batch of documents at a time, holding at most one part at once.

Each batch's rows are typed as their models say and routed to the parts they
belong to (``parts.split``), which are spilled to disk (``spill``). Each part
is then finished on its own: sorted, validated by its pandera model, digested
and kept as a file to publish. ``series`` is built one partner folder at a
time, since a fact never crosses partners. What no part can check alone, ids
unique across parts, ``validate`` checks over the finished parts' id columns.
The parts, their digests and the content hash are those of the same tables
split whole. ``changes`` is planned one range of ids at a time
(``RangedChanges``), so its rows keep their (entity, id) order.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl

from pipeline.changes import ENTITIES, Changes, changed_documents, plan_changes
from pipeline.dataset.contents import (PART_TABLES, SEED_COLUMNS, SORT_KEYS, Tables, content_hash, dictionary_texts,
                                       empty_part, typed)
from pipeline.dataset.hashing import rows_digest
from pipeline.dataset.layout import HIVE_TABLES, PARTITION_KEY
from pipeline.dataset.parts import split, table_of, with_partner
from pipeline.dataset.reader import scan_table_dir
from pipeline.dataset.spill import LIMIT, Spill, write_scratch
from pipeline.series import build_series
from schemas import TABLES, ChangeSchema, polars_schema

CHECK_BYTES = 64 << 20
"""Finished parts of one table validated at once, up to about this size."""
RANGE_ROWS = 250_000
"""Ids per range ``changes`` is planned over: a range's new and parent rows are held at once."""
RANGE_BATCH = 50_000
"""Parent rows read at once when routing them to their ranges."""
_RANGE = "_range"
_NO_FIGURES = pl.DataFrame(schema={"doc_id": pl.String, "figure_id": pl.String})


def part_schema(table: str) -> pl.Schema:
    """The columns of a part file of ``table``: a partner folder's parts have no ``partner`` column."""
    return pl.Schema({k: v for k, v in polars_schema(TABLES[table]).items()
                      if not (table in HIVE_TABLES and k == PARTITION_KEY)})


def build_whole(batches: Iterable[Tables], root: Path, parent_dir: Path | None, limit: int = LIMIT) -> "WholeBuild":
    """The parts of the tables made of ``batches`` (each document's rows in one batch), finished under ``root``;
    ``parent_dir`` is the version its ``changes`` are against (None: the first version)."""
    spill = Spill(root / "spill", limit)
    none = pl.DataFrame(schema=polars_schema(TABLES["documents"]))
    seeds, published = [none.select(SEED_COLUMNS)], [none.select("doc_id", "published")]
    for batch in batches:
        for name in ("documents", "rejected", "figures"):
            for path, part in split(name, typed(name, getattr(batch, name))).items():
                spill.add(path, part)
        documents = typed("documents", batch.documents)
        seeds.append(documents.select(SEED_COLUMNS))
        published.append(documents.select("doc_id", "published"))
    build = WholeBuild(root / "parts", pl.concat(seeds).sort("doc_id"), parent_dir)
    for name in ("documents", "rejected", "figures"):
        for path in sorted(p for p in spill.groups() if table_of(p) == name):
            build.finish(path, spill.read(path, part_schema(name)))
    shutil.rmtree(spill.root, ignore_errors=True)
    build.series(pl.concat(published))
    return build


class WholeBuild:
    """The finished parts of a whole build, with what ``publish`` needs of them (as of a ``Contents``)."""

    def __init__(self, root: Path, seeds: pl.DataFrame, parent_dir: Path | None):
        self.root, self.parent_dir = root, parent_dir
        self.seeds = seeds
        """Every document's doc_id, file_name, sha256 and status, by doc_id (for the manifest)."""
        self.texts = dictionary_texts()
        self.digests: dict[str, str] = {}
        self.rows: dict[str, int] = {}
        self._unchecked: list[tuple[str, pl.DataFrame]] = []

    def finish(self, path: str, part: pl.DataFrame) -> None:
        """``part`` (the rows of ``path``, in part columns) sorted, digested and kept, and validated with the next
        parts of its table (a pandera call costs a tenth of a second whatever its rows)."""
        table = table_of(path)
        part = part.sort([key for key in SORT_KEYS[table] if key != PARTITION_KEY], nulls_last=True)
        if self._unchecked and table_of(self._unchecked[0][0]) != table:
            self.check()
        self._unchecked.append((path, part))
        if sum(frame.estimated_size() for _, frame in self._unchecked) > CHECK_BYTES:
            self.check()
        self.digests[path] = rows_digest(part)
        self.rows[path] = part.height
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_scratch(part, target)

    def check(self) -> None:
        """Validate the parts finished but not yet validated (all of one table) with their model."""
        if self._unchecked:
            table = table_of(self._unchecked[0][0])
            TABLES[table].validate(pl.concat([with_partner(part, path) if table in HIVE_TABLES else part
                                              for path, part in self._unchecked]))
            self._unchecked = []

    def series(self, published: pl.DataFrame) -> None:
        """``series``' parts, one partner folder of ``figures`` at a time; ``published`` is each doc_id's date."""
        folders = sorted({path.rsplit("/", 1)[0] for path in self.digests if table_of(path) == "figures"})
        for folder in folders:
            paths = sorted(p for p in self.digests if p.startswith(f"{folder}/"))
            figures = pl.concat([with_partner(self.read(p), p) for p in paths]).select(
                list(polars_schema(TABLES["figures"]))).sort(SORT_KEYS["figures"], nulls_last=True)
            for path, part in split("series", build_series(figures, published)).items():
                self.finish(path, part)
        for table in PART_TABLES:
            if not any(table_of(path) == table for path in self.digests):
                self.finish(*empty_part(table))
        self.check()

    def read(self, path: str) -> pl.DataFrame:
        return pl.read_parquet(self.root / path, hive_partitioning=False)

    def parts(self) -> Iterator[tuple[str, pl.DataFrame]]:
        """The part files to write, by path, one at a time."""
        for path in sorted(self.digests):
            yield path, self.read(path)

    @property
    def content_hash(self) -> str:
        return content_hash(self.digests, self.texts)

    def row_counts(self) -> dict[str, int]:
        return {name: sum(n for path, n in self.rows.items() if table_of(path) == name) for name in PART_TABLES}

    def validate(self) -> None:
        """Raise unless the columns each model declares unique are unique across parts too (each part passed its
        model when finished)."""
        for table in PART_TABLES:
            unique = [name for name, column in TABLES[table].to_schema().columns.items() if column.unique]
            if not unique:
                continue
            files = [self.root / path for path in self.digests if table_of(path) == table]
            repeated = pl.scan_parquet(files, hive_partitioning=False).select(
                pl.col(unique).is_duplicated().any()).collect().row(0)
            if any(repeated):
                columns = [name for name, found in zip(unique, repeated) if found]
                raise ValueError(f"{table}: {', '.join(columns)} repeated across parts; not published")

    def changes(self) -> "RangedChanges":
        """The ``changes`` from the parent version, planned and validated one range of ids at a time."""
        return RangedChanges(self, self.parent_dir, Spill(self.root.parent / "changes"))

    def scan(self, table: str) -> Iterator[pl.DataFrame]:
        """The rows of ``table``, one finished part at a time, in the model's columns."""
        columns = list(polars_schema(TABLES[table]))
        for path in sorted(p for p in self.digests if table_of(p) == table):
            part = self.read(path)
            yield (with_partner(part, path) if table in HIVE_TABLES else part).select(columns)


def _compared(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Rows as ``changes`` compares them: a document's text by its hash (a change shows, the bulk is not held)."""
    return frame.with_columns(pl.col("text").hash(seed=0)) if table == "documents" else frame


class RangedChanges:
    """``changes`` of a whole build, planned per range of ids: its rows, and its batches made range by range."""

    def __init__(self, build: WholeBuild, parent_dir: Path | None, spill: Spill):
        self._spill, self._parent = spill, parent_dir is not None
        self._ranges: list[tuple[str, int]] = []
        for entity, (table, key) in ENTITIES.items():
            bounds = pl.concat([pl.Series(key, [], pl.String), *(part[key] for part in build.scan(table))]).sort(
            ).gather_every(RANGE_ROWS)
            sources = [("new", build.scan(table))]
            if parent_dir is not None:
                sources.append(("old", scan_table_dir(parent_dir, table).collect_batches(chunk_size=RANGE_BATCH)))
            for source, frames in sources:
                for frame in frames:
                    ranged = _compared(table, frame).with_columns(
                        (bounds.search_sorted(frame[key], side="right").cast(pl.Int64) - 1).clip(0).alias(_RANGE))
                    for (number,), rows in ranged.partition_by(_RANGE, as_dict=True, include_key=False).items():
                        spill.add(f"{source}/{entity}/{number}", rows)
            self._ranges += [(entity, number) for number in range(max(1, bounds.len()))]
        rows, changed = [], set()
        for changes, figures in self._planned():
            ChangeSchema.validate(changes.outline())
            rows.append(changes.rows.select("entity", "id", "change"))
            changed |= set(changed_documents(changes.rows, figures))
        self.rows = pl.concat(rows)
        """entity, id and change of every change, in (entity, id) order (what the manifest summarises)."""
        self.changed_documents = sorted(changed)
        """doc_ids of the documents added or changed, or whose figures were added or changed."""

    @property
    def height(self) -> int:
        return self.rows.height

    def batches(self) -> Iterator[pl.DataFrame]:
        """The ``changes`` rows (``ChangeSchema``), range by range, in (entity, id) order."""
        for changes, _ in self._planned():
            yield from changes.batches()

    def _planned(self) -> Iterator[tuple[Changes, pl.DataFrame]]:
        """Each range's planned ``Changes``, with its new figures (none for a range of documents)."""
        for entity, number in self._ranges:
            table = ENTITIES[entity][0]
            schema = _compared(table, pl.DataFrame(schema=polars_schema(TABLES[table]))).schema
            new = self._spill.read(f"new/{entity}/{number}", schema)
            old = {table: self._spill.read(f"old/{entity}/{number}", schema)} if self._parent else None
            yield (plan_changes(old, {table: new}, entities=[entity]),
                   new.select("doc_id", "figure_id") if table == "figures" else _NO_FIGURES)
