"""What a version changed against its parent: documents and figures added, removed and changed.

Only the two versions' own tables are compared, so the cost of a diff depends
on the size of the dataset, never on how many versions came before.
"""
from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from schemas import ChangeSchema, polars_schema
from schemas.changes import CHANGES

CHANGES_SCHEMA = polars_schema(ChangeSchema)
ENTITIES = {"document": ("documents", "doc_id"), "figure": ("figures", "figure_id")}
"""entity → (table, key column)."""
NOT_CARRIED = {"document": ("text",)}
"""Compared, but too bulky to copy into old/new: a document's text (its sha256 shows the change)."""


def diff_tables(old: Mapping[str, pl.DataFrame] | None, new: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """The ``changes`` rows from ``old`` (None before the first version) to ``new``, by entity and id."""
    frames = []
    for entity, (table, key) in ENTITIES.items():  # in entity order, each sorted by id
        after = new[table]
        frames.append(_diff(entity, key, after.clear() if old is None else old[table], after))
    return pl.concat([pl.DataFrame(schema=CHANGES_SCHEMA), *frames])


def summarise(changes: pl.DataFrame) -> dict:
    """Counts and ids per entity and kind of change, for the manifest."""
    summary = {}
    for entity, (table, _) in ENTITIES.items():
        of_entity = changes.filter(pl.col("entity") == entity)
        summary[table] = {}
        for change in CHANGES:
            ids = of_entity.filter(pl.col("change") == change)["id"].sort().to_list()
            summary[table][change] = len(ids)
            summary[table][f"{change}_ids"] = ids
    return summary


def changed_documents(changes: pl.DataFrame, figures: pl.DataFrame) -> list[str]:
    """doc_ids of the documents added or changed, or whose figures were added or changed."""
    kept = changes.filter(pl.col("change") != "removed")
    figure_ids = kept.filter(pl.col("entity") == "figure")["id"].implode()
    return sorted({*kept.filter(pl.col("entity") == "document")["id"],
                   *figures.filter(pl.col("figure_id").is_in(figure_ids))["doc_id"]})


def _diff(entity: str, key: str, before: pl.DataFrame, after: pl.DataFrame) -> pl.DataFrame:
    """One entity's changes, sorted by id.

    In polars throughout, and each row's JSON made after sorting: a first
    version adds every row of a large table, so no copy of it is sorted.
    """
    fields = [c for c in after.columns if c != key]
    carried = [c for c in fields if c not in NOT_CARRIED.get(entity, ())]
    no_fields = pl.lit([], dtype=pl.List(pl.String))
    none = pl.lit(None, dtype=pl.String)
    added = (after if before.is_empty() else after.join(before.select(key), on=key, how="anti")).sort(key).select(
        pl.lit("added").alias("change"), no_fields.alias("changed_fields"), none.alias("old"),
        _json(carried).alias("new"), id=pl.col(key))
    removed = (before if after.is_empty() else before.join(after.select(key), on=key, how="anti")).sort(key).select(
        pl.lit("removed").alias("change"), no_fields.alias("changed_fields"), _json(carried).alias("old"),
        none.alias("new"), id=pl.col(key))
    parts = [part for part in (added, removed) if part.height]
    if before.height and after.height:
        changed = (
            before.join(after, on=key, how="inner", suffix="_new")
            .with_columns(
                pl.concat_list([pl.when(pl.col(c).ne_missing(pl.col(f"{c}_new"))).then(pl.lit(c)) for c in fields])
                .list.drop_nulls().alias("_changed")
            )
            .filter(pl.col("_changed").list.len() > 0)
            .select(pl.lit("changed").alias("change"), pl.col("_changed").alias("changed_fields"),
                    _json_of_changed(carried).alias("old"), _json_of_changed(carried, "_new").alias("new"),
                    id=pl.col(key))
        )
        parts += [changed] if changed.height else []
    frame = parts[0] if len(parts) == 1 else pl.concat([added.clear(), *parts]).sort("id")
    return frame.select(pl.lit(entity).alias("entity"), "id", "change", "changed_fields", "old", "new")


def _json(columns: list[str], suffix: str = "") -> pl.Expr:
    """A JSON object of ``columns`` (read from ``<column><suffix>``), keys in column order."""
    return pl.struct([pl.col(f"{c}{suffix}").alias(c) for c in columns]).struct.json_encode()


def _json_of_changed(columns: list[str], suffix: str = "") -> pl.Expr:
    """A JSON object of those ``columns`` named in the row's ``_changed`` list."""
    members = [pl.when(pl.col("_changed").list.contains(c)).then(_json([c], suffix).str.slice(1).str.head(-1))
               for c in columns]
    return pl.concat_str(pl.lit("{"), pl.concat_list(members).list.drop_nulls().list.join(","), pl.lit("}"))
