"""Splitting a table into the rows that pass its pandera model and the rows that do not.

Nothing is dropped: every failing row comes back in a ``rejected`` frame with
the checks it failed, the reasons, and the row itself as JSON.
"""
from __future__ import annotations

import json

import polars as pl

from schemas import RejectedFigureSchema, polars_schema

import pandera.errors  # isort: skip  (after schemas, which imports pandera without its pandas API)

REJECTED_SCHEMA = polars_schema(RejectedFigureSchema)


def failure_cases(frame: pl.DataFrame, model) -> pl.DataFrame | None:
    """pandera's failure cases for ``frame`` (validated lazily, all checks), or None if it passes."""
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        return err.failure_cases
    return None


def split_valid(frame: pl.DataFrame, model, extra_failures: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows passing ``model``, rejected rows).

    ``extra_failures`` adds failures the model cannot see (columns ``index``,
    ``check``, ``reason``), such as a span that does not slice back to its
    document's text. A failure without a row index (a table-level failure)
    rejects every row, since no row can then be trusted.
    """
    failures = pl.concat([_reasons(failure_cases(frame, model), model), _duplicates(frame, model)])
    if extra_failures is not None and extra_failures.height:
        failures = pl.concat([failures, extra_failures.select(failures.columns).cast(failures.schema)])
    return _split(frame, model, failures)


def split_repeated(frame: pl.DataFrame, model, repeats: dict[str, pl.Expr] | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``split_valid`` for rows each known to pass ``model``: only a unique column repeated across them can fail.

    ``repeats`` gives, per unique column, which rows repeat an earlier row's value when the earlier rows may
    be outside ``frame`` (a batch of a larger table); by default they are looked for within ``frame``.
    """
    return _split(frame, model, _duplicates(frame, model, repeats or {}))


def _split(frame: pl.DataFrame, model, failures: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    if failures.is_empty():
        return frame.cast(polars_schema(model)), pl.DataFrame(schema=REJECTED_SCHEMA)
    if failures["index"].null_count():
        table_wide = failures.filter(pl.col("index").is_null())
        failures = pl.concat([
            failures.filter(pl.col("index").is_not_null()),
            table_wide.join(pl.DataFrame({"index": range(frame.height)}, schema={"index": pl.Int64}), how="cross")
            .select(failures.columns),
        ])
    failures = failures.with_columns(pl.col("reason").fill_null(pl.col("check")))  # a reason is never empty
    by_row = failures.group_by("index").agg(
        pl.col("check").unique(maintain_order=True).str.join(", "),
        pl.col("reason").unique(maintain_order=True).str.join("; "),
    )
    indexed = frame.with_row_index("index").with_columns(pl.col("index").cast(pl.Int64))
    bad = indexed.join(by_row, on="index", how="inner").sort("index")
    good = indexed.join(by_row, on="index", how="anti").drop("index")
    rejected = pl.DataFrame(
        {
            "figure_id": bad["figure_id"] if "figure_id" in bad.columns else [None] * bad.height,
            "doc_id": bad["doc_id"] if "doc_id" in bad.columns else [None] * bad.height,
            "check": bad["check"],
            "reason": bad["reason"],
            "record": [json.dumps(row, default=str, ensure_ascii=False)
                       for row in bad.drop("index", "check", "reason").to_dicts()],
        },
        schema=REJECTED_SCHEMA,
    )
    return good.cast(polars_schema(model)), rejected


_FAILURES = {"index": pl.Int64, "check": pl.String, "reason": pl.String}


def _reasons(cases: pl.DataFrame | None, model) -> pl.DataFrame:
    """One (row index, check, reason) per failure, in words an analyst can read.

    Uniqueness failures are left to ``_duplicates``: pandera flags every copy,
    while the first copy of a row is as good as any and should be kept.
    """
    if cases is None or cases.is_empty():
        return pl.DataFrame(schema=_FAILURES)
    described = {check.name: (check.description or check.name).rstrip(".") for check in model.to_schema().checks}
    check = pl.col("check").str.replace(r"^(\w+)\(.*$", "$1")
    column_check = pl.col("column").is_not_null() & (pl.col("schema_context") == "Column")
    return (
        cases.filter(pl.col("check") != "field_uniqueness")
        .select(
            pl.col("index").cast(pl.Int64),
            pl.when(column_check).then(pl.col("column") + ":" + check).otherwise(check).alias("check"),
            pl.when(column_check)
            .then(pl.format("{}: {} fails {}", pl.col("column"), pl.col("failure_case").cast(pl.String).fill_null("null"),
                            check))
            .otherwise(pl.col("check").replace_strict(described, default=pl.col("check"), return_dtype=pl.String))
            .alias("reason"),
        )
        .cast(_FAILURES)
    )


def _duplicates(frame: pl.DataFrame, model, repeats: dict[str, pl.Expr] | None = None) -> pl.DataFrame:
    """Rows repeating an earlier row's value in a column the model declares unique (or as ``repeats`` says)."""
    unique = [name for name, column in model.to_schema().columns.items() if column.unique]
    found = [
        frame.with_row_index("index")
        .filter((repeats or {}).get(name, ~pl.col(name).is_first_distinct()))
        .select(
            pl.col("index").cast(pl.Int64),
            pl.lit(f"{name}:unique").alias("check"),
            pl.format("{}: {} repeats an earlier row", pl.lit(name), pl.col(name).cast(pl.String)).alias("reason"),
        )
        for name in unique
    ]
    return pl.concat([pl.DataFrame(schema=_FAILURES), *found]).cast(_FAILURES)
