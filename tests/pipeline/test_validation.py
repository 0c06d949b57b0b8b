import json

import polars as pl

from pipeline.validation import REJECTED_SCHEMA, split_valid
from schemas import FigureSchema, polars_schema

GOOD = dict(figure_id="a" * 16, doc_id="d", char_start=10, char_end=14, text="4.7%", value=4.7, unit="percent",
            measure="pct_change", reporter="USA", partner="CHL", flow="export", product="goods", product_label=None,
            hs_code=None, year=2013, period=None, base_year=2012, qualifier="exact", sentence="up 4.7%", seed_sha256="0" * 64,
            rule="test")


def frame(*rows):
    return pl.DataFrame(list(rows), schema=polars_schema(FigureSchema))


def test_valid_rows_pass_untouched():
    valid, rejected = split_valid(frame(GOOD), FigureSchema)
    assert valid.to_dicts() == [GOOD] and rejected.is_empty() and rejected.schema == REJECTED_SCHEMA


def test_each_failing_row_is_kept_with_all_its_checks_and_reasons():
    bad = dict(GOOD, figure_id="b" * 16, partner="XXX", base_year=2014)
    valid, rejected = split_valid(frame(GOOD, bad), FigureSchema)
    assert valid["figure_id"].to_list() == [GOOD["figure_id"]]
    [row] = rejected.to_dicts()
    assert row["figure_id"] == "b" * 16 and row["doc_id"] == "d"
    assert "partner:isin" in row["check"] and "base_year_precedes_year" in row["check"]
    assert "XXX" in row["reason"] and "base year" in row["reason"]
    assert json.loads(row["record"])["partner"] == "XXX"


def test_a_duplicate_keeps_its_first_copy():
    valid, rejected = split_valid(frame(GOOD, dict(GOOD, text="4.7%")), FigureSchema)
    assert valid.height == 1
    assert rejected["check"].to_list() == ["figure_id:unique"]


def test_failures_the_model_cannot_see_are_added():
    extra = pl.DataFrame({"index": [0], "check": ["span_slices_to_text"], "reason": ["document[10:14] is 'x'"]})
    valid, rejected = split_valid(frame(GOOD), FigureSchema, extra)
    assert valid.is_empty() and rejected["check"].to_list() == ["span_slices_to_text"]


def test_nothing_is_lost():
    rows = [dict(GOOD, figure_id=f"{i:016d}", value=float(i), measure="share", base_year=None) for i in range(150)]
    valid, rejected = split_valid(frame(*rows), FigureSchema)
    assert valid.height + rejected.height == 150 and rejected.height == 49  # shares above 100
