"""The data dictionary: generated from schemas.TABLES, shipped in every version."""
from __future__ import annotations

import json

from pipeline.dataset import Lineage, publish_version
from pipeline.dataset.dictionary import describe, render_markdown
from schemas import TABLES
from tests.pipeline.dataset.sample import sample_tables


def test_every_table_and_column_is_described():
    described = describe()["tables"]
    assert list(described) == list(TABLES)
    for name, model in TABLES.items():
        schema = model.to_schema()
        columns = described[name]["columns"]
        assert [c["name"] for c in columns] == list(schema.columns)
        for column in columns:
            source = schema.columns[column["name"]]
            assert column["description"] == source.description and column["description"]
            assert (column["type"], column["nullable"]) == (str(source.dtype), source.nullable)
        assert [c["check"] for c in described[name]["table_checks"]] == [c.name for c in schema.checks]


def test_rules_are_spelled_out():
    figures = {c["name"]: c for c in describe()["tables"]["figures"]["columns"]}
    [units] = figures["unit"]["checks"]
    assert units["check"] == "isin" and {"percent", "rank", "USD", "EUR", "JPY", "INR"} <= set(units["allowed_values"])
    assert figures["char_start"]["checks"] == [{"check": "greater_than_or_equal_to", "min_value": 0}]
    markdown = render_markdown()
    assert "| `period` | String | yes | The part of `year` the figure describes" in markdown
    assert "(251 values, see schema.json)" in markdown
    assert "- `span_is_ordered`: A span is non-empty: char_start < char_end." in markdown
    for name in TABLES:
        assert f"## `{name}`" in markdown


def test_each_version_ships_the_dictionary(tmp_path):
    result = publish_version(tmp_path, sample_tables(0), Lineage("c", "e"))
    assert (result.path / "DATASET.md").read_text() == render_markdown()
    assert json.loads((result.path / "schema.json").read_text()) == describe()

