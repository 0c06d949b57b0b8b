"""The series table: one row per fact, a deterministic choice of value, conflicts beyond rounding."""
from __future__ import annotations

import datetime as dt
from itertools import combinations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from pipeline.rounding import agree
from pipeline.series import build_series, statements_conflict
from schemas import SeriesSchema
from tests.pipeline.dataset.sample import base_records, build, document, figure


def _series(documents, figures):
    tables = build(documents, figures, [])
    return SeriesSchema.validate(build_series(tables.figures, tables.documents))


def _fact(series: pl.DataFrame, flow: str, year: int) -> dict:
    return series.filter((pl.col("flow") == flow) & (pl.col("year") == year)).row(0, named=True)


def test_one_row_per_fact_with_all_its_figures():
    documents, figures, _ = base_records()
    series = _series(documents, figures)
    assert series.height == 6  # 9 figures; exports, imports and the rank are each stated twice
    exports = _fact(series, "export", 2012)
    assert exports["n_figures"] == 2
    assert exports["doc_ids"] == ["000_seed", "001_brief"]
    assert exports["figure_ids"] == sorted(f["figure_id"] for f in figures if f["flow"] == "export")


def test_the_most_precise_statement_is_chosen():
    documents, figures, _ = base_records()
    exports = _fact(_series(documents, figures), "export", 2012)
    assert exports["value_text"] == "$243.0 billion"  # ±0.05 billion beats "$243 billion" (±0.5 billion)
    assert not exports["conflict"]


def test_equally_precise_statements_prefer_exact_then_the_latest_document():
    old = document("a_old", "Imports were $293 billion, about $293 billion.", dt.date(2013, 1, 1))
    new = document("b_new", "Imports were $294 billion.", dt.date(2014, 1, 1))
    undated = document("c_undated", "Imports were $295 billion.")
    hedged = figure(new, "$294 billion", 294e9, "USD", "level", "import", 2012, qualifier="approx")
    both = [figure(old, "$293 billion", 293e9, "USD", "level", "import", 2012), hedged,
            figure(undated, "$295 billion", 295e9, "USD", "level", "import", 2012)]
    assert _fact(_series([old, new, undated], both), "import", 2012)["value_text"] == "$293 billion"
    exact_new = {**hedged, "qualifier": "exact"}
    chosen = _fact(_series([old, new, undated], [both[0], exact_new, both[2]]), "import", 2012)
    assert (chosen["value"], chosen["figure_id"]) == (294e9, exact_new["figure_id"])
    assert (chosen["min_value"], chosen["max_value"]) == (293e9, 295e9)


def test_disagreement_beyond_rounding_is_a_conflict_and_within_is_not():
    doc = document("d", "A $54 billion deficit; a $54.4 billion deficit; a $55.2 billion deficit.")
    def balance(text):
        return figure(doc, text, -float(text.split()[0][1:]) * 1e9, "USD", "level", "balance", 2013)

    within = _fact(_series([doc], [balance("$54 billion"), balance("$54.4 billion")]), "balance", 2013)
    assert not within["conflict"]  # 54 stands for 53.5–54.5, which holds 54.4
    beyond = _fact(_series([doc], [balance("$54 billion"), balance("$54.4 billion"), balance("$55.2 billion")]),
                   "balance", 2013)
    assert beyond["conflict"] and beyond["n_figures"] == 3


def test_null_keys_group_together_and_no_figures_make_no_series():
    doc = document("d", "Exports of $1 billion and $1 billion again.")
    undated = [figure(doc, "$1 billion", 1e9, "USD", "level", "export", None, nth=n) for n in range(2)]
    series = _series([doc], undated)
    assert series.height == 1 and series["year"].to_list() == [None] and series["n_figures"].to_list() == [2]
    assert _series([doc], []).is_empty()


@given(st.lists(st.tuples(st.integers(-10_000, 10_000), st.sampled_from([0.5, 5.0, 50.0])), min_size=1, max_size=6))
def test_the_conflict_check_equals_checking_every_pair(statements):
    every_pair = any(not agree(a, b, ta, tb) for (a, ta), (b, tb) in combinations(statements, 2))
    values, tolerances = zip(*statements)
    statements = pl.DataFrame({"value": [float(v) for v in values], "tolerance": list(tolerances)})
    assert statements.select(statements_conflict(pl.col("value"), pl.col("tolerance"))).item() == every_pair
