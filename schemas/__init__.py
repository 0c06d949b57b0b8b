"""pandera (polars backend) models: the single source of every published table's columns, types and rules.

The models load on first use (``from schemas import FigureSchema``), so the
contract's vocabularies (``schemas.contract``, which the extractor reads)
import without pandera.
"""
from __future__ import annotations

import importlib
import importlib.abc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

_MODULE_OF = {"ChangeSchema": "schemas.changes", "DocumentSchema": "schemas.documents",
              "FigureSchema": "schemas.figures", "RejectedFigureSchema": "schemas.rejected",
              "SeriesSchema": "schemas.series"}
_MODEL_OF_TABLE = {"figures": "FigureSchema", "documents": "DocumentSchema", "rejected": "RejectedFigureSchema",
                   "series": "SeriesSchema", "changes": "ChangeSchema"}

__all__ = ["ChangeSchema", "DocumentSchema", "FigureSchema", "RejectedFigureSchema", "SeriesSchema", "TABLES",
           "polars_schema"]


def __getattr__(name: str):
    """A model, or ``TABLES`` (table name -> model), imported on first access and kept."""
    if name in _MODULE_OF:
        _import_pandera()
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


class _DevOnlyHidden(importlib.abc.MetaPathFinder):
    """Makes the dev-only packages pandera would load look absent, as in a pandera[polars] install."""

    PACKAGES = ("pandas", "hypothesis")

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.PACKAGES:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _import_pandera() -> None:
    """Import ``pandera.polars`` without pandas or hypothesis.

    Whenever they are installed (here only as dev dependencies, for tests),
    pandera loads its whole pandas API, at import and at its first check, and
    its data synthesis on hypothesis: 0.4 s of every run that the polars
    models never use. polars is imported first, since it records at import
    which optional modules exist.
    """
    if "pandera" in sys.modules:
        return
    import polars as pl

    hidden = _DevOnlyHidden()
    sys.meta_path.insert(0, hidden)
    try:
        import pandera.polars as pa

        # pandera's first check looks, once, for the pandas backends: let it find none here, as a
        # polars-only install would (polars frames never take those backends).
        pa.DataFrameSchema({"x": pa.Column(int, pa.Check.ge(0))}).validate(pl.DataFrame({"x": [0]}))
    finally:
        sys.meta_path.remove(hidden)
