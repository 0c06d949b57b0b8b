"""Consistency of figures with each other: arithmetic identities and repeated statements.

Each rule returns one row per violation: the rule, the figure_ids involved
and a sentence saying what disagrees. Every figure stands for an interval of
values: its stated precision (``pipeline.rounding``) around the value, wider
for a hedged figure ("about"), open-ended for a bound ("more than"). Figures
disagree only when no values within their intervals satisfy the rule, so
rounding and hedging in the text are never violations.
"""
from __future__ import annotations

import polars as pl

from pipeline.rounding import half_unit_expr
from schemas.contract import FACT_KEY

FACT = list(FACT_KEY)
SUBJECT = ["reporter", "partner", "product", "product_label", "unit", "year", "period"]
"""Levels of different flows add up only within one subject, period and currency."""
CHANGE_KEY = ["reporter", "partner", "flow", "product", "product_label", "period"]
"""A change is compared with the levels of its own flow and subject, in its year and its base year."""
GROUP = [column for column in SUBJECT if column in FACT and column in CHANGE_KEY]
"""What the figures any rule compares have in common: no rule relates figures of two groups."""
COLUMNS = [*FACT, "figure_id", "doc_id", "text", "value", "qualifier"]
"""The figure columns the rules read: a caller need not load the others (sentences, rules, hashes)."""
VIOLATION_SCHEMA = {"rule": pl.String, "figure_ids": pl.List(pl.String), "description": pl.String}
APPROX_SPREAD = 0.05
"""How far from its value a hedged figure ("about", "nearly") may be: 5% of it."""
_EPSILON = 1e-6


def find_inconsistencies(figures: pl.DataFrame) -> pl.DataFrame:
    """Every violation of every rule, as (rule, figure_ids, description) rows; ``figures`` needs ``COLUMNS`` only."""
    rows = _with_tolerance(figures)
    return pl.concat([
        repeated_statements_disagree(rows),
        flows_do_not_add_up(rows),
        changes_do_not_match_levels(rows),
    ]).sort("rule", "description")


def _with_tolerance(figures: pl.DataFrame) -> pl.DataFrame:
    """Add each figure's interval: ``lo`` and ``hi``."""
    tolerance = half_unit_expr(pl.col("text"), pl.col("unit"))
    spread = pl.when(pl.col("qualifier") == "approx").then(
        pl.max_horizontal(tolerance, pl.col("value").abs() * APPROX_SPREAD)).otherwise(tolerance)
    return figures.with_columns(
        pl.when(pl.col("qualifier") == "at_most").then(float("-inf")).otherwise(pl.col("value") - spread).alias("lo"),
        pl.when(pl.col("qualifier") == "at_least").then(float("inf")).otherwise(pl.col("value") + spread).alias("hi"),
    )


def _apart(lo_a: pl.Expr, hi_a: pl.Expr, lo_b: pl.Expr, hi_b: pl.Expr) -> pl.Expr:
    """True where the intervals [lo_a, hi_a] and [lo_b, hi_b] do not meet."""
    return (lo_a > hi_b + _EPSILON) | (lo_b > hi_a + _EPSILON)


def _violations(frame: pl.DataFrame, rule: str, ids: list[str], description: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.lit(rule).alias("rule"),
        pl.concat_list([pl.col(c) for c in ids]).alias("figure_ids"),
        description.alias("description"),
    ).cast(VIOLATION_SCHEMA)


def repeated_statements_disagree(rows: pl.DataFrame) -> pl.DataFrame:
    """The same fact stated twice (in one or several documents) with values apart beyond rounding.

    Intervals on a line all meet exactly when the highest lower end is below
    the lowest upper end, so one group-by per fact finds every disagreeing
    fact and names its two furthest-apart statements, in linear time.
    """
    extremes = (
        rows.group_by(FACT)
        .agg(
            pl.len().alias("n"),
            pl.col("figure_id", "text", "doc_id", "lo").sort_by("lo").last().name.suffix("_high"),
            pl.col("figure_id", "text", "doc_id", "hi").sort_by("hi").first().name.suffix("_low"),
        )
        .filter((pl.col("n") > 1) & (pl.col("lo_high") > pl.col("hi_low") + _EPSILON))
    )
    return _violations(extremes, "same_fact_agrees", ["figure_id_low", "figure_id_high"], pl.format(
        "{} {} {} {} {}: '{}' ({}) vs '{}' ({})", "reporter", "partner", "flow", "measure", "year",
        "text_low", "doc_id_low", "text_high", "doc_id_high"))


def _levels(rows: pl.DataFrame, flow: str) -> pl.DataFrame:
    return rows.filter((pl.col("measure") == "level") & (pl.col("flow") == flow)).select(
        *SUBJECT, pl.col("figure_id").alias(f"{flow}_id"), pl.col("lo").alias(f"{flow}_lo"),
        pl.col("hi").alias(f"{flow}_hi"), pl.col("text").alias(f"{flow}_text"),
    ).unique(SUBJECT, keep="first", maintain_order=True)


def flows_do_not_add_up(rows: pl.DataFrame) -> pl.DataFrame:
    """exports + imports ≈ two-way total and exports − imports ≈ balance, same subject and year."""
    both = _levels(rows, "export").join(_levels(rows, "import"), on=SUBJECT, nulls_equal=True)
    e_lo, e_hi, i_lo, i_hi = (pl.col(c) for c in ("export_lo", "export_hi", "import_lo", "import_hi"))
    total = both.join(_levels(rows, "total"), on=SUBJECT, nulls_equal=True).filter(
        _apart(e_lo + i_lo, e_hi + i_hi, pl.col("total_lo"), pl.col("total_hi"))
    )
    balance = both.join(_levels(rows, "balance"), on=SUBJECT, nulls_equal=True).filter(
        _apart(e_lo - i_hi, e_hi - i_lo, pl.col("balance_lo"), pl.col("balance_hi"))
    )
    return pl.concat([
        _violations(total, "exports_plus_imports_is_total", ["export_id", "import_id", "total_id"], pl.format(
            "{} {} {}: exports {} + imports {} ≠ total {}", "reporter", "partner", "year",
            "export_text", "import_text", "total_text")),
        _violations(balance, "exports_minus_imports_is_balance", ["export_id", "import_id", "balance_id"], pl.format(
            "{} {} {}: exports {} − imports {} ≠ balance {}", "reporter", "partner", "year",
            "export_text", "import_text", "balance_text")),
    ])


def changes_do_not_match_levels(rows: pl.DataFrame) -> pl.DataFrame:
    """A level, its base-year level and the stated change (percent or absolute) must agree.

    Balances are left out: the contract records a deficit's change as a change
    of its size, which is not the difference of the signed levels. Levels are
    compared only within one currency: a percent change with its two levels in
    the same currency, an absolute change in the currency of both.
    """
    key = CHANGE_KEY
    levels = rows.filter((pl.col("measure") == "level") & (pl.col("flow") != "balance")).select(
        *key, "unit", "year", "figure_id", "lo", "hi", "text").unique(
        [*key, "unit", "year"], keep="first", maintain_order=True)
    changes = rows.filter(pl.col("measure").is_in(["change", "pct_change"]) & pl.col("base_year").is_not_null())
    joined = (
        changes.select(*key, "year", "base_year", "measure", pl.col("unit").alias("change_unit"),
                       pl.col("figure_id").alias("change_id"),
                       pl.col("lo").alias("change_lo"), pl.col("hi").alias("change_hi"),
                       pl.col("text").alias("change_text"))
        .join(levels.rename({"figure_id": "now_id", "lo": "now_lo", "hi": "now_hi", "text": "now_text"}),
              on=[*key, "year"], nulls_equal=True)
        .join(levels.rename({"year": "base_year", "figure_id": "base_id", "lo": "base_lo", "hi": "base_hi",
                             "text": "base_text"}), on=[*key, "unit", "base_year"], nulls_equal=True)
        .filter((pl.col("base_lo") > 0)
                & ((pl.col("measure") == "pct_change") | (pl.col("change_unit") == pl.col("unit"))))
    )
    now_lo, now_hi, base_lo, base_hi = (pl.col(c) for c in ("now_lo", "now_hi", "base_lo", "base_hi"))
    pct = pl.col("measure") == "pct_change"
    implied_lo = pl.when(pct).then((now_lo / base_hi - 1) * 100).otherwise(now_lo - base_hi)
    implied_hi = pl.when(pct).then((now_hi / base_lo - 1) * 100).otherwise(now_hi - base_lo)
    off = joined.filter(_apart(pl.col("change_lo"), pl.col("change_hi"), implied_lo, implied_hi))
    return _violations(off, "change_matches_levels", ["change_id", "now_id", "base_id"], pl.format(
        "{} {} {} {}: {} from {} to {} does not fit '{}' ({} → {})", "reporter", "partner", "flow", "product",
        "measure", "base_year", "year", "change_text", "base_text", "now_text"))
