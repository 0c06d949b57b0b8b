"""Turning core results into Dagster metadata: column schemas, previews, tables."""
from __future__ import annotations

import dagster as dg
import polars as pl

_TYPE_NAMES = {pl.String: "string", pl.Int64: "int64", pl.Float64: "float64", pl.Date: "date", pl.Boolean: "bool"}


def column_schema(model) -> dg.TableSchema:
    """The ``dagster/column_schema`` of a pandera model: names, types, descriptions and rules."""
    columns = []
    for name, column in model.to_schema().columns.items():
        constraints = dg.TableColumnConstraints(
            nullable=column.nullable, unique=column.unique,
            other=[check.name if not check.error else str(check.error) for check in column.checks],
        )
        columns.append(dg.TableColumn(name=name, type=_TYPE_NAMES.get(column.dtype.type, str(column.dtype)),
                                      description=column.description, constraints=constraints))
    rules = [f"{check.name}: {check.description}" for check in model.to_schema().checks]
    return dg.TableSchema(columns=columns, constraints=dg.TableConstraints(other=rules))


def markdown_table(frame: pl.DataFrame, limit: int = 20, width: int = 60, total: int | None = None
                   ) -> dg.MarkdownMetadataValue:
    """A Markdown preview of the first ``limit`` rows, long strings cut to ``width``; ``total`` counts the rows
    when ``frame`` holds only the first ones."""
    if frame.is_empty():
        return dg.MetadataValue.md("_none_")
    shown = frame.head(limit).with_columns(
        pl.col(c).cast(pl.String).str.slice(0, width).str.replace_all(r"[|\n]", " ") for c in frame.columns
    )
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join("" if v is None else str(v) for v in row) + " |" for row in shown.iter_rows()]
    total = frame.height if total is None else total
    more = [f"\n_{total - limit} more rows_"] if total > limit else []
    return dg.MetadataValue.md("\n".join([header, rule, *rows, *more]))
