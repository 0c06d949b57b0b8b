"""The ``series`` table: one row per fact, with a chosen value and whether its sources conflict."""
from __future__ import annotations

import polars as pl

from pipeline.consistency import FACT
from pipeline.rounding import agree, half_unit
from schemas import SeriesSchema, polars_schema

SERIES_SCHEMA = polars_schema(SeriesSchema)


def build_series(figures: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Group ``figures`` by fact and choose one value per fact (rule: ``SeriesSchema.value``)."""
    if figures.is_empty():
        return pl.DataFrame(schema=SERIES_SCHEMA)
    ranked = (
        figures.join(documents.select("doc_id", "published"), on="doc_id", how="left")
        .with_columns(
            pl.Series("tolerance", [half_unit(t, u) for t, u in figures.select("text", "unit").iter_rows()],
                      dtype=pl.Float64),
        )
        .sort(["tolerance", pl.col("qualifier") != "exact", "published", "doc_id", "char_start"],
              descending=[False, False, True, False, False], nulls_last=True)
    )
    facts = ranked.group_by(FACT, maintain_order=True).agg(
        pl.col("unit", "value").first(),
        pl.col("text").first().alias("value_text"),
        pl.col("qualifier", "figure_id").first(),
        pl.len().cast(pl.Int64).alias("n_figures"),
        pl.col("figure_id").sort().alias("figure_ids"),
        pl.col("doc_id").unique().sort().alias("doc_ids"),
        pl.col("value").min().alias("min_value"),
        pl.col("value").max().alias("max_value"),
        pl.col("value").alias("values"),
        pl.col("tolerance").alias("tolerances"),
    )
    conflict = [statements_conflict(v, t) for v, t in facts.select("values", "tolerances").iter_rows()]
    return (
        facts.with_columns(pl.Series("conflict", conflict, dtype=pl.Boolean))
        .select(list(SERIES_SCHEMA))
        .sort(FACT, nulls_last=True)
        .cast(SERIES_SCHEMA)
    )


def statements_conflict(values: list[float], tolerances: list[float]) -> bool:
    """Whether some pair of statements cannot ``agree`` within its rounding.

    Each statement stands for the interval value ± tolerance; intervals on a
    line overlap pairwise exactly when the highest lower end meets the lowest
    upper end, so only that one pair needs checking.
    """
    low = max(range(len(values)), key=lambda i: values[i] - tolerances[i])
    high = min(range(len(values)), key=lambda i: values[i] + tolerances[i])
    return not agree(values[low], values[high], tolerances[low], tolerances[high])
