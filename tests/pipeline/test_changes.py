"""The changes between two sets of tables: documents and figures added, removed and changed."""
from __future__ import annotations

import json

import polars as pl

from pipeline.changes import ENTITIES, NOT_CARRIED, changed_documents, diff_tables, plan_changes, summarise
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


def _edited(documents, figures):
    """A later state of the base records: a document removed, one edited, a figure removed, changed and added."""
    documents = [dict(d) for d in documents[1:]]
    documents[0].update(title="Brief", text=documents[0]["text"] + "More.", sha256="f" * 64)
    figures = [dict(f) for f in figures[1:]]
    figures[0].update(value=244e9, year=2013)
    figures[-1].update(sentence="A sentence of its own.")
    figures.append({**figures[-1], "figure_id": "f" * 16, "char_start": 0, "char_end": 5,
                    "text": documents[0]["text"][:5]})
    return documents, figures


def test_batches_of_any_size_make_the_same_table_as_the_reference_diff():
    """The planned, batched diff equals a plain join-and-compare of every row, in the same order and JSON."""
    documents, figures, _ = base_records()
    before, after = _tables(documents, figures), _tables(*_edited(documents, figures))
    expected = _reference_diff(before, after)
    assert expected.filter(pl.col("change") == "changed").height == 3
    for old in (before, {name: frame.lazy() for name, frame in before.items()}):
        changes = plan_changes(old, after)
        assert changes.collect().equals(expected)
        for size in (1, 2, 5):
            assert pl.concat(changes.batches(size)).equals(expected)
        assert changes.outline().drop("old", "new").equals(expected.drop("old", "new"))
    first = plan_changes(None, after)
    assert pl.concat(first.batches(2)).equals(_reference_diff({k: v.clear() for k, v in after.items()}, after))


def _reference_diff(before: dict, after: dict) -> pl.DataFrame:
    """The changes table as the straightforward whole-table join computes it (the code before batching)."""
    frames = []
    for entity, (table, key) in ENTITIES.items():
        old, new = before[table], after[table]
        fields = [c for c in new.columns if c != key]
        carried = [c for c in fields if c not in NOT_CARRIED.get(entity, ())]
        whole = pl.struct(carried).struct.json_encode()
        added = new.join(old.select(key), on=key, how="anti").select(
            id=pl.col(key), change=pl.lit("added"), changed_fields=pl.lit([], pl.List(pl.String)),
            old=pl.lit(None, pl.String), new=whole)
        removed = old.join(new.select(key), on=key, how="anti").select(
            id=pl.col(key), change=pl.lit("removed"), changed_fields=pl.lit([], pl.List(pl.String)),
            old=whole, new=pl.lit(None, pl.String))
        joined = old.join(new, on=key, suffix="_new")
        rows = []
        for row in joined.iter_rows(named=True):
            changed = [c for c in fields if row[c] != row[f"{c}_new"]]
            if changed:
                rows.append({"id": row[key], "change": "changed", "changed_fields": changed,
                             "old": _encode({c: row[c] for c in changed if c in carried}),
                             "new": _encode({c: row[f"{c}_new"] for c in changed if c in carried})})
        changed = pl.DataFrame(rows, schema=added.schema)
        frames.append(pl.concat([added, removed, changed]).sort("id").select(pl.lit(entity).alias("entity"), pl.all()))
    return pl.concat(frames)


def _encode(values: dict) -> str:
    """polars' JSON for a row of values, so the reference compares as text."""
    return pl.DataFrame([values]).select(pl.struct(pl.all()).struct.json_encode()).item() if values else "{}"
