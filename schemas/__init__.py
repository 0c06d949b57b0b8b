"""pandera (polars backend) models: the single source of every published table's columns, types and rules.

The models load on first use (``from schemas import FigureSchema``), so the
contract's vocabularies (``schemas.contract``, which the extractor reads)
import without pandera.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

_MODULE_OF = {"ChangeSchema": "schemas.changes", "DocumentSchema": "schemas.documents",
              "FigureSchema": "schemas.figures", "RejectedFigureSchema": "schemas.rejected",
              "SeriesSchema": "schemas.series", "SourceSchema": "schemas.sources"}
_MODEL_OF_TABLE = {"figures": "FigureSchema", "documents": "DocumentSchema", "rejected": "RejectedFigureSchema",
                   "series": "SeriesSchema", "changes": "ChangeSchema"}

__all__ = ["ChangeSchema", "DocumentSchema", "FigureSchema", "RejectedFigureSchema", "SeriesSchema", "SourceSchema",
           "TABLES", "polars_schema"]


def __getattr__(name: str):
    """A model, or ``TABLES`` (table name -> model), imported on first access and kept."""
    if name in _MODULE_OF:
        value = getattr(importlib.import_module(_MODULE_OF[name]), name)
    elif name == "TABLES":
        value = {table: __getattr__(model) for table, model in _MODEL_OF_TABLE.items()}
    else:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    globals()[name] = value
    return value


def polars_schema(model) -> pl.Schema:
    """The polars schema (column order and dtypes) a pandera model describes."""
    import polars as pl

    return pl.Schema({name: column.dtype.type for name, column in model.to_schema().columns.items()})
