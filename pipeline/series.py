"""The ``series`` table: one row per fact, with a chosen value and whether its sources conflict."""
from __future__ import annotations

import polars as pl

from pipeline.consistency import FACT
from pipeline.rounding import half_unit_expr
from schemas import SeriesSchema, polars_schema

SERIES_SCHEMA = polars_schema(SeriesSchema)
SERIES_INPUT = [*FACT, "value", "text", "qualifier", "figure_id", "doc_id", "char_start"]
"""The figure columns ``build_series`` reads."""


def build_series(figures: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Group ``figures`` by fact and choose one value per fact (rule: ``SeriesSchema.value``)."""
    if figures.is_empty():
        return pl.DataFrame(schema=SERIES_SCHEMA)
    ranked = (
        figures.select(SERIES_INPUT)
        .join(documents.select("doc_id", "published"), on="doc_id", how="left")
        .with_columns(half_unit_expr(pl.col("text"), pl.col("unit")).alias("tolerance"))
        .sort(["tolerance", pl.col("qualifier") != "exact", "published", "doc_id", "char_start"],
              descending=[False, False, True, False, False], nulls_last=True)
    )
    facts = ranked.group_by(FACT, maintain_order=True).agg(
        pl.col("value").first(),
        pl.col("text").first().alias("value_text"),
        pl.col("qualifier", "figure_id").first(),
        pl.len().cast(pl.Int64).alias("n_figures"),
        pl.col("figure_id").sort().alias("figure_ids"),
        pl.col("doc_id").unique().sort().alias("doc_ids"),
        pl.col("value").min().alias("min_value"),
        pl.col("value").max().alias("max_value"),
        statements_conflict(pl.col("value"), pl.col("tolerance")).alias("conflict"),
    )
    return (
        facts
        .select(list(SERIES_SCHEMA))
        .sort(FACT, nulls_last=True)
        .cast(SERIES_SCHEMA)
    )


def statements_conflict(values: pl.Expr, tolerances: pl.Expr) -> pl.Expr:
    """Whether some pair of a fact's statements cannot ``agree`` within its rounding (an aggregation).

    Each statement stands for the interval value ± tolerance; intervals on a
    line overlap pairwise exactly when the highest lower end meets the lowest
    upper end, so only that one pair needs checking.
    """
    low = (values - tolerances).arg_max()
    high = (values + tolerances).arg_min()
    a, b, tolerance_a, tolerance_b = values.get(low), values.get(high), tolerances.get(low), tolerances.get(high)
    return ~((a - b).abs() <= tolerance_a + tolerance_b + 1e-9 * pl.max_horizontal(a.abs(), b.abs()))
