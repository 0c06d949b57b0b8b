"""pandera (polars backend) models: the single source of every published table's columns, types and rules."""
import polars as pl

from schemas.changes import ChangeSchema
from schemas.documents import DocumentSchema
from schemas.figures import FigureSchema
from schemas.rejected import RejectedFigureSchema
from schemas.series import SeriesSchema

TABLES = {"figures": FigureSchema, "documents": DocumentSchema, "rejected": RejectedFigureSchema,
          "series": SeriesSchema, "changes": ChangeSchema}

__all__ = ["ChangeSchema", "DocumentSchema", "FigureSchema", "RejectedFigureSchema", "SeriesSchema", "TABLES",
           "polars_schema"]


def polars_schema(model) -> "pl.Schema":
    """The polars schema (column order and dtypes) a pandera model describes."""
    return pl.Schema({name: column.dtype.type for name, column in model.to_schema().columns.items()})
