"""Consistency of figures with each other: arithmetic identities and repeated statements.

Each rule returns one row per violation: the rule, the figure_ids involved
and a sentence saying what disagrees. Tolerances follow each figure's stated
precision (``pipeline.rounding``), so rounding in the text is never a
violation; only disagreements beyond it are.
"""
from __future__ import annotations

import polars as pl

from pipeline.rounding import half_unit

FACT = ["reporter", "partner", "flow", "product", "product_label", "measure", "year", "base_year"]
SUBJECT = ["reporter", "partner", "product", "product_label", "year"]
VIOLATION_SCHEMA = {"rule": pl.String, "figure_ids": pl.List(pl.String), "description": pl.String}


def find_inconsistencies(figures: pl.DataFrame) -> pl.DataFrame:
    """Every violation of every rule, as (rule, figure_ids, description) rows."""
    rows = _with_tolerance(figures)
    return pl.concat([
        repeated_statements_disagree(rows),
        flows_do_not_add_up(rows),
        changes_do_not_match_levels(rows),
    ]).sort("rule", "description")


def _with_tolerance(figures: pl.DataFrame) -> pl.DataFrame:
    return figures.with_columns(
        pl.struct("text", "unit").map_elements(lambda f: half_unit(f["text"], f["unit"]), return_dtype=pl.Float64)
        .alias("tolerance")
    )


def _violations(frame: pl.DataFrame, rule: str, ids: list[str], description: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.lit(rule).alias("rule"),
        pl.concat_list([pl.col(c) for c in ids]).alias("figure_ids"),
        description.alias("description"),
    ).cast(VIOLATION_SCHEMA)


def repeated_statements_disagree(rows: pl.DataFrame) -> pl.DataFrame:
    """The same fact stated twice (in one or several documents) with values apart beyond rounding."""
    left = rows.select(*FACT, "figure_id", "value", "tolerance", "text", "doc_id")
    pairs = left.join(left, on=FACT, how="inner", suffix="_2", nulls_equal=True).filter(
        (pl.col("figure_id") < pl.col("figure_id_2"))
        & ((pl.col("value") - pl.col("value_2")).abs() > pl.col("tolerance") + pl.col("tolerance_2") + 1e-6)
    )
    return _violations(pairs, "same_fact_agrees", ["figure_id", "figure_id_2"], pl.format(
        "{} {} {} {} {}: '{}' ({}) vs '{}' ({})", "reporter", "partner", "flow", "measure", "year",
        "text", "doc_id", "text_2", "doc_id_2"))


def _levels(rows: pl.DataFrame, flow: str) -> pl.DataFrame:
    return rows.filter((pl.col("measure") == "level") & (pl.col("flow") == flow)).select(
        *SUBJECT, pl.col("figure_id").alias(f"{flow}_id"), pl.col("value").alias(flow),
        pl.col("tolerance").alias(f"{flow}_tol"), pl.col("text").alias(f"{flow}_text"),
    ).unique(SUBJECT, keep="first", maintain_order=True)


def flows_do_not_add_up(rows: pl.DataFrame) -> pl.DataFrame:
    """exports + imports ≈ two-way total and exports − imports ≈ balance, same subject and year."""
    both = _levels(rows, "export").join(_levels(rows, "import"), on=SUBJECT, nulls_equal=True)
    total = both.join(_levels(rows, "total"), on=SUBJECT, nulls_equal=True).filter(
        (pl.col("export") + pl.col("import") - pl.col("total")).abs()
        > pl.col("export_tol") + pl.col("import_tol") + pl.col("total_tol") + 1e-6
    )
    balance = both.join(_levels(rows, "balance"), on=SUBJECT, nulls_equal=True).filter(
        (pl.col("export") - pl.col("import") - pl.col("balance")).abs()
        > pl.col("export_tol") + pl.col("import_tol") + pl.col("balance_tol") + 1e-6
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
    of its size, which is not the difference of the signed levels.
    """
    key = ["reporter", "partner", "flow", "product", "product_label"]
    levels = rows.filter((pl.col("measure") == "level") & (pl.col("flow") != "balance")).select(
        *key, "year", "figure_id", "value", "tolerance", "text").unique([*key, "year"], keep="first",
                                                                        maintain_order=True)
    changes = rows.filter(pl.col("measure").is_in(["change", "pct_change"]) & pl.col("base_year").is_not_null())
    joined = (
        changes.select(*key, "year", "base_year", "measure", pl.col("figure_id").alias("change_id"),
                       pl.col("value").alias("change"), pl.col("tolerance").alias("change_tol"),
                       pl.col("text").alias("change_text"))
        .join(levels.rename({"figure_id": "now_id", "value": "now", "tolerance": "now_tol", "text": "now_text"}),
              on=[*key, "year"], nulls_equal=True)
        .join(levels.rename({"year": "base_year", "figure_id": "base_id", "value": "base", "tolerance": "base_tol",
                             "text": "base_text"}), on=[*key, "base_year"], nulls_equal=True)
    )
    low = pl.col("now") - pl.col("now_tol")
    high = pl.col("now") + pl.col("now_tol")
    base_low = pl.col("base") - pl.col("base_tol")
    base_high = pl.col("base") + pl.col("base_tol")
    implied_low = pl.when(pl.col("measure") == "pct_change").then((low / base_high - 1) * 100).otherwise(low - base_high)
    implied_high = pl.when(pl.col("measure") == "pct_change").then((high / base_low - 1) * 100).otherwise(high - base_low)
    off = joined.filter(
        (pl.col("change") + pl.col("change_tol") < implied_low) | (pl.col("change") - pl.col("change_tol") > implied_high)
    )
    return _violations(off, "change_matches_levels", ["change_id", "now_id", "base_id"], pl.format(
        "{} {} {} {}: {} from {} to {} does not fit '{}' ({} → {})", "reporter", "partner", "flow", "product",
        "measure", "base_year", "year", "change_text", "base_text", "now_text"))
