"""The changes between two sets of tables: documents and figures added, removed and changed."""
from __future__ import annotations

import json

import polars as pl

from pipeline.changes import changed_documents, diff_tables, summarise
from schemas import ChangeSchema
from tests.pipeline.dataset.sample import base_records, build


def _tables(documents, figures, rejected=()):
    tables = build(documents, figures, list(rejected))
    return {"figures": tables.figures, "documents": tables.documents}


def test_the_first_version_adds_everything():
    documents, figures, _ = base_records()
    changes = ChangeSchema.validate(diff_tables(None, _tables(documents, figures)))
    assert changes.height == len(documents) + len(figures)
    assert set(changes["change"]) == {"added"}
    added = changes.filter(pl.col("id") == figures[0]["figure_id"]).row(0, named=True)
    assert json.loads(added["new"])["text"] == "$536 billion" and added["old"] is None
    brief = changes.filter(pl.col("id") == "001_brief").row(0, named=True)
    assert "text" not in json.loads(brief["new"]) and json.loads(brief["new"])["sha256"] == documents[1]["sha256"]


def test_added_removed_and_changed_rows_name_what_changed():
    documents, figures, _ = base_records()
    before = _tables(documents, figures)
    documents[1] = {**documents[1], "text": documents[1]["text"] + "More.", "sha256": "f" * 64, "title": "Brief"}
    gone = figures.pop(0)
    figures[0] = {**figures[0], "value": 244e9, "year": 2013}
    changes = ChangeSchema.validate(diff_tables(before, _tables(documents[1:], figures)))
    rows = {(r["entity"], r["id"]): r for r in changes.iter_rows(named=True)}
    assert {key: row["change"] for key, row in rows.items()} == {
        ("document", "000_seed"): "removed",
        ("document", "001_brief"): "changed",
        ("figure", gone["figure_id"]): "removed",
        ("figure", figures[0]["figure_id"]): "changed",
    }
    edited = rows[("figure", figures[0]["figure_id"])]
    assert edited["changed_fields"] == ["value", "year"]
    assert json.loads(edited["old"]) == {"value": 243e9, "year": 2012}
    assert json.loads(edited["new"]) == {"value": 244e9, "year": 2013}
    brief = rows[("document", "001_brief")]
    assert brief["changed_fields"] == ["sha256", "title", "text"]
    assert json.loads(brief["new"]) == {"sha256": "f" * 64, "title": "Brief"}
    assert json.loads(rows[("figure", gone["figure_id"])]["old"])["text"] == "$536 billion"
    after = _tables(documents[1:], figures)
    assert changed_documents(changes, after["figures"]) == sorted({"001_brief", figures[0]["doc_id"]})


def test_identical_tables_have_no_changes_and_the_summary_counts_ids():
    documents, figures, _ = base_records()
    tables = _tables(documents, figures)
    assert diff_tables(tables, tables).is_empty()
    summary = summarise(diff_tables(None, tables))
    assert summary["documents"]["added"] == 3
    assert summary["documents"]["added_ids"] == ["000_seed", "001_brief", "002_empty"]
    assert summary["figures"]["added_ids"] == sorted(f["figure_id"] for f in figures)
    assert summary["figures"]["changed"] == summary["figures"]["removed"] == 0
