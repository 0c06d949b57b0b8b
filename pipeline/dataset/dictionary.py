"""The data dictionary shipped in every version, generated from the pandera models in ``schemas.TABLES``.

``describe()`` is the machine-readable form (``schema.json``); ``render_markdown()``
turns it into ``DATASET.md``. Both depend only on the models and the layout,
so the same code always ships the same dictionary.
"""
from __future__ import annotations

import inspect
import json

from pipeline.dataset.layout import PARTITION_KEY, table_files
from schemas import TABLES

_LISTED = 12
"""Allowed-value lists longer than this are summarised in DATASET.md (schema.json has them all)."""


def describe() -> dict:
    return {"tables": {name: _describe_table(name, model) for name, model in TABLES.items()}}


def schema_json() -> str:
    return json.dumps(describe(), indent=2, ensure_ascii=False) + "\n"


def _describe_table(name: str, model) -> dict:
    schema = model.to_schema()
    return {
        "description": inspect.cleandoc(model.__doc__ or ""),
        "files": table_files(name),
        "columns": [
            {
                "name": column_name,
                "type": str(column.dtype),
                "nullable": column.nullable,
                "unique": column.unique,
                "description": column.description,
                "checks": [{"check": check.name, **_jsonable(check.statistics)} for check in column.checks],
            }
            for column_name, column in schema.columns.items()
        ],
        "table_checks": [{"check": check.name, "description": check.description} for check in schema.checks],
    }


def _jsonable(statistics: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in statistics.items() if v is not None}


def render_markdown(description: dict | None = None) -> str:
    tables = (description or describe())["tables"]
    lines = [
        "# trade-figures dataset",
        "",
        "Every economic figure stated in the seed documents, one row each, with the documents, the rows that "
        "failed validation, one row per fact (`series`) and what changed since the previous version (`changes`). "
        "This file and `schema.json` are generated from the pandera models the data is validated against.",
        "",
        "## How to read it",
        "",
        "`output/current` points at the latest version; pin a report to `output/versions/<version_id>` "
        "(the ids are in `manifest.json`, which also names the parent version, summarises the changes and "
        f"lists every file's sha256). `figures` and `series` are hive-partitioned by `{PARTITION_KEY}`; every table "
        "is split into part files (read a table's folder or glob, never one file), some of them hard links to the "
        "same parts of the previous version.",
        "",
        "```python",
        "from pipeline.dataset import open_table, compare",
        'series = open_table("output", "series").collect()                 # current version',
        'figures = open_table("output", "figures", version="<version_id>")  # a pinned version (LazyFrame)',
        'changes = compare("output", "<old_version_id>", "<new_version_id>")',
        "",
        "import polars as pl, duckdb, pandas as pd",
        'pl.scan_parquet("output/current/figures/**/*.parquet", hive_partitioning=True).collect()',
        "duckdb.sql(\"select * from read_parquet('output/current/figures/*/*.parquet', hive_partitioning=true)\")",
        'pd.read_parquet("output/current/documents", columns=["doc_id", "status", "n_figures"])',
        "duckdb.sql(\"select * from read_parquet('output/current/series/*/*.parquet', hive_partitioning=true)\")",
        "```",
        "",
        "Check a version's files against its manifest: `python -m pipeline.dataset verify [--version ID]`. "
        "`review.html` lists up to 200 documents, those needing review first, each linked to its page under "
        "`review/` with its text and figures highlighted, for auditing in a browser. `sources/` is the pipeline's "
        "own record of where each document's rows came from (for the next run), not a table to read.",
    ]
    for name, table in tables.items():
        lines += ["", f"## `{name}`", "", table["description"], "", f"Files: `{table['files']}`", "",
                  "| column | type | nullable | description | rules |", "|---|---|---|---|---|"]
        for column in table["columns"]:
            rules = [*(["unique"] if column["unique"] else []), *map(_rule, column["checks"])]
            lines.append(f"| `{column['name']}` | {column['type']} | {'yes' if column['nullable'] else 'no'} | "
                         f"{_cell(column['description'] or '')} | {_cell('; '.join(rules))} |")
        if table["table_checks"]:
            lines += ["", "Rules across columns:", ""]
            lines += [f"- `{check['check']}`: {check['description']}" for check in table["table_checks"]]
    return "\n".join(lines) + "\n"


def _rule(check: dict) -> str:
    stats = {k: v for k, v in check.items() if k != "check"}
    if "allowed_values" in stats:
        values = stats["allowed_values"]
        shown = ", ".join(f"`{v}`" for v in values[:_LISTED])
        return f"one of {shown}" + (f" … ({len(values)} values, see schema.json)" if len(values) > _LISTED else "")
    if not stats:
        return check["check"]
    words = {"min_value": "≥", "max_value": "≤", "exact_value": "=", "pattern": "matches"}
    bounds = ", ".join(f"{words.get(k, k)} `{v}`" for k, v in stats.items())
    return f"length {bounds}" if check["check"] == "str_length" else bounds


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
