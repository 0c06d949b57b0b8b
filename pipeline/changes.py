"""What a version changed against its parent: documents and figures added, removed and changed.

Only the two versions' own tables are compared, so the cost of a diff depends
on the size of the dataset, never on how many versions came before. A diff is
planned first (``plan_changes``): which ids changed how, found by row hashes,
keeping only the parent's rows that differ. The old/new JSON, as large as the
rows themselves when a whole table is added (a first version), is made batch
by batch as the table is written (``Changes.batches``), never for all rows at once.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import polars as pl

from schemas import ChangeSchema, polars_schema
from schemas.changes import CHANGES

CHANGES_SCHEMA = polars_schema(ChangeSchema)
ENTITIES = {"document": ("documents", "doc_id"), "figure": ("figures", "figure_id")}
"""entity → (table, key column)."""
NOT_CARRIED = {"document": ("text",)}
"""Compared, but too bulky to copy into old/new: a document's text (its sha256 shows the change)."""
BATCH = 4096
"""Rows compared or given their JSON at once: a batch of JSON and its Parquet encoding stay a few MB."""
_OLD, _NEW = "_old", "_new"
"""A change's row in the parent's differing rows and in the new table (null where it has none)."""


@dataclass(frozen=True)
class Changes:
    """The ``changes`` rows of a diff, without their old/new JSON until ``batches`` makes it."""
    rows: pl.DataFrame
    """entity, id, change, changed_fields in (entity, id) order, with the ``_old`` and ``_new`` row of each."""
    old: dict[str, pl.DataFrame]
    """Per entity: the parent's rows that were removed or differ (the only ones the JSON needs)."""
    new: dict[str, pl.DataFrame]
    """Per entity: the new version's table."""

    @property
    def height(self) -> int:
        return self.rows.height

    def outline(self) -> pl.DataFrame:
        """The ``changes`` rows with old/new null: what the model's rules look at, without the bulk."""
        return self.rows.select(*list(CHANGES_SCHEMA)[:4], pl.lit(None, pl.String).alias("old"),
                                pl.lit(None, pl.String).alias("new"))

    def batches(self, size: int = BATCH) -> Iterator[pl.DataFrame]:
        """The ``changes`` rows (``ChangeSchema``), at most ``size`` at a time, in (entity, id) order."""
        for entity in ENTITIES:
            of_entity = self.rows.filter(pl.col("entity") == entity)
            for start in range(0, of_entity.height, size):
                yield _with_json(entity, of_entity.slice(start, size), self.old[entity], self.new[entity])

    @property
    def changed_documents(self) -> list[str]:
        """doc_ids of the documents added or changed, or whose figures were added or changed."""
        return changed_documents(self.rows, self.new["figure"])

    def collect(self) -> pl.DataFrame:
        return pl.concat([pl.DataFrame(schema=CHANGES_SCHEMA), *self.batches()])


def plan_changes(old: Mapping[str, pl.LazyFrame | pl.DataFrame] | None,
                 new: Mapping[str, pl.DataFrame], entities: Iterable[str] = tuple(ENTITIES)) -> Changes:
    """The changes from ``old`` (None before the first version) to ``new``, by entity and id.

    ``old`` may be lazy: it is read batch by batch and only its differing rows are kept.
    Only ``entities`` are compared (``old`` and ``new`` need only their tables).
    """
    rows, olds, news = [], {}, {}
    for entity in entities:
        table, key = ENTITIES[entity]
        after = news[entity] = new[table]
        before = after.clear().lazy() if old is None else old[table].lazy()
        planned, olds[entity] = _plan(key, before, after)
        rows.append(planned.select(pl.lit(entity).alias("entity"), pl.all()))
    return Changes(pl.concat(rows), olds, news)


def diff_tables(old: Mapping[str, pl.LazyFrame | pl.DataFrame] | None,
                new: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """The whole ``changes`` table from ``old`` to ``new``, for a diff small enough to hold."""
    return plan_changes(old, new).collect()


SUMMARY_IDS = 100
"""Ids the manifest lists per entity and kind of change."""


def summarise(changes: pl.DataFrame) -> dict:
    """Counts per entity and kind of change, and the first ``SUMMARY_IDS`` ids of each, for the manifest (the
    ``changes`` table has them all): a first version's millions of added figures keep the manifest small."""
    summary = {}
    for entity, (table, _) in ENTITIES.items():
        of_entity = changes.filter(pl.col("entity") == entity)
        summary[table] = {}
        for change in CHANGES:
            ids = of_entity.filter(pl.col("change") == change)["id"]
            summary[table][change] = ids.len()
            summary[table][f"{change}_ids"] = ids.sort().head(SUMMARY_IDS).to_list()
    return summary


def changed_documents(changes: pl.DataFrame, figures: pl.DataFrame) -> list[str]:
    """doc_ids of the documents added or changed, or whose figures were added or changed."""
    kept = changes.filter(pl.col("change") != "removed")
    figure_ids = kept.filter(pl.col("entity") == "figure")["id"].implode()
    return sorted({*kept.filter(pl.col("entity") == "document")["id"],
                   *figures.filter(pl.col("figure_id").is_in(figure_ids))["doc_id"]})


def _plan(key: str, before: pl.LazyFrame, after: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(id, change, changed_fields, _old, _new sorted by id; the parent's rows removed or differing).

    Rows are matched by id and compared by row hash, so a row equal in both
    versions is never held twice; only rows whose hashes differ are compared
    field by field (equal hashes of different rows are as unlikely as for the
    content hash that names a version).
    """
    current = after.select(pl.col(key).alias("id"), after.hash_rows(seed=0).alias("_hash")).with_row_index(_NEW)
    ids, differing = [pl.Series("id", [], pl.String)], [after.clear()]
    for batch in before.collect_batches(chunk_size=BATCH):
        hashed = batch.select(pl.col(key).alias("id"), batch.hash_rows(seed=0).alias("_hash"))
        ids.append(hashed["id"])
        unmatched = hashed.with_row_index("_row").join(current, on=["id", "_hash"], how="anti")["_row"]
        differing.append(batch.gather(unmatched.sort()))
    old = pl.concat(differing)
    located = old.select(pl.col(key).alias("id")).with_row_index(_OLD).join(current, on="id", how="left")
    pairs = located.filter(pl.col(_NEW).is_not_null())
    fields = [c for c in after.columns if c != key]
    changed = pairs.with_columns(_changed_fields(fields, old, after, pairs)).filter(
        pl.col("changed_fields").list.len() > 0)
    no_fields = pl.lit([], dtype=pl.List(pl.String)).alias("changed_fields")
    rows = pl.concat([
        current.join(pl.concat(ids).to_frame(), on="id", how="anti").select(
            "id", pl.lit("added").alias("change"), no_fields, pl.lit(None, pl.UInt32).alias(_OLD), _NEW),
        located.filter(pl.col(_NEW).is_null()).select("id", pl.lit("removed").alias("change"), no_fields, _OLD, _NEW),
        changed.select("id", pl.lit("changed").alias("change"), "changed_fields", _OLD, _NEW),
    ])
    return rows.sort("id"), old


def _changed_fields(fields: list[str], old: pl.DataFrame, new: pl.DataFrame, pairs: pl.DataFrame) -> pl.Series:
    """For each (``_old``, ``_new``) pair: the fields whose values differ, in column order."""
    differ = pl.concat_list([pl.when(pl.col(c).ne_missing(pl.col(f"{c}_new"))).then(pl.lit(c)) for c in fields])
    lists = [pl.Series("changed_fields", [], pl.List(pl.String))]
    for start in range(0, pairs.height, BATCH):
        part = pairs.slice(start, BATCH)
        both = old.gather(part[_OLD]).select(fields).hstack(new.gather(part[_NEW]).select(fields).rename(
            lambda c: f"{c}_new"))
        lists.append(both.select(differ.list.drop_nulls().alias("changed_fields")).to_series())
    return pl.concat(lists)


def _with_json(entity: str, rows: pl.DataFrame, old: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    """``rows`` of one entity as ``ChangeSchema`` rows, each with its old/new JSON, in the same order."""
    key = ENTITIES[entity][1]
    carried = [c for c in new.columns if c != key and c not in NOT_CARRIED.get(entity, ())]
    none = pl.lit(None, dtype=pl.String)
    parts = []
    for (change,), part in rows.partition_by("change", as_dict=True, maintain_order=True).items():
        if change == "added":
            old_json, new_json = none, new.gather(part[_NEW]).select(_json(carried)).to_series()
        elif change == "removed":
            old_json, new_json = old.gather(part[_OLD]).select(_json(carried)).to_series(), none
        else:
            both = pl.concat([old.gather(part[_OLD]).select(carried),
                              new.gather(part[_NEW]).select(carried).rename(lambda c: f"{c}_new"),
                              part.select("changed_fields")], how="horizontal")
            old_json, new_json = (both.select(_json_of_changed(carried, suffix)).to_series() for suffix in ("", "_new"))
        parts.append(part.select("id", "change", "changed_fields", old_json.alias("old"), new_json.alias("new")))
    frame = parts[0] if len(parts) == 1 else pl.concat(parts).sort("id")
    return frame.select(pl.lit(entity).alias("entity"), pl.all()).cast(CHANGES_SCHEMA)


def _json(columns: list[str], suffix: str = "") -> pl.Expr:
    """A JSON object of ``columns`` (read from ``<column><suffix>``), keys in column order."""
    return pl.struct([pl.col(f"{c}{suffix}").alias(c) for c in columns]).struct.json_encode()


def _json_of_changed(columns: list[str], suffix: str = "") -> pl.Expr:
    """A JSON object of those ``columns`` named in the row's ``changed_fields``."""
    members = [pl.when(pl.col("changed_fields").list.contains(c)).then(_json([c], suffix).str.slice(1).str.head(-1))
               for c in columns]
    return pl.concat_str(pl.lit("{"), pl.concat_list(members).list.drop_nulls().list.join(","), pl.lit("}"))
