"""What a version changed against its parent: documents and figures added, removed and changed.

Only the two versions' own tables are compared, so the cost of a diff depends
on the size of the dataset, never on how many versions came before.
"""
from __future__ import annotations

import json
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
    rows = []
    for entity, (table, key) in ENTITIES.items():
        after = new[table]
        rows.extend(_diff(entity, key, after.clear() if old is None else old[table], after))
    return pl.DataFrame(rows, schema=CHANGES_SCHEMA, orient="row").sort("entity", "id")


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


def _diff(entity: str, key: str, before: pl.DataFrame, after: pl.DataFrame) -> list[tuple]:
    fields = [c for c in after.columns if c != key]
    carried = [c for c in fields if c not in NOT_CARRIED.get(entity, ())]
    joined = (
        before.with_columns(pl.lit(True).alias("_was"))
        .join(after.with_columns(pl.lit(True).alias("_is")), on=key, how="full", coalesce=True, suffix="_new")
        .with_columns(
            pl.concat_list([pl.when(pl.col(c).ne_missing(pl.col(f"{c}_new"))).then(pl.lit(c)) for c in fields])
            .list.drop_nulls().alias("_changed")
        )
        .filter(pl.col("_was").is_null() | pl.col("_is").is_null() | (pl.col("_changed").list.len() > 0))
    )
    rows = []
    for row in joined.iter_rows(named=True):
        old = {c: row[c] for c in carried}
        new = {c: row[f"{c}_new"] for c in carried}
        if row["_was"] is None:
            rows.append((entity, row[key], "added", [], None, _json(new)))
        elif row["_is"] is None:
            rows.append((entity, row[key], "removed", [], _json(old), None))
        else:
            changed = [c for c in row["_changed"] if c in carried]
            rows.append((entity, row[key], "changed", row["_changed"],
                         _json({c: old[c] for c in changed}), _json({c: new[c] for c in changed})))
    return rows


def _json(values: dict) -> str:
    return json.dumps(values, default=str, ensure_ascii=False, sort_keys=False)
