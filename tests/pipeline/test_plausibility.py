"""Implausible figures go to ``rejected`` with a reason, never into ``figures``.

Rules in ``FigureSchema`` (through ``split_valid``) and, for the year, against
the document's own date (through ``figure_rows``). Money is any unit but
``percent`` and ``rank``, so the rules hold whether money is only USD or any
ISO 4217 currency.
"""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from pipeline.documents import Document
from pipeline.extraction import figure_rows
from pipeline.validation import split_valid
from schemas import FigureSchema, polars_schema

LEVEL = dict(figure_id="a" * 16, doc_id="d", char_start=0, char_end=12, text="$5.2 billion", value=5.2e9, unit="USD",
             measure="level", reporter="USA", partner="CHL", flow="export", product="goods", product_label=None,
             hs_code=None, year=2013, base_year=None, qualifier="exact", sentence="$5.2 billion", seed_sha256="0" * 64,
             rule="test")
PCT = dict(LEVEL, figure_id="b" * 16, text="-15.0%", char_end=6, value=-15.0, unit="percent", measure="pct_change",
           base_year=2012)


def rejected_reason(row: dict) -> tuple[str, str]:
    rows = [LEVEL, PCT, row] if row["figure_id"] not in (LEVEL["figure_id"], PCT["figure_id"]) else [row]
    valid, rejected = split_valid(pl.DataFrame(rows, schema=polars_schema(FigureSchema)), FigureSchema)
    assert row["figure_id"] not in valid["figure_id"].to_list()
    [found] = rejected.filter(pl.col("figure_id") == row["figure_id"]).to_dicts()
    assert found["reason"]
    return found["check"], found["reason"]


def test_plausible_rows_pass():
    valid, rejected = split_valid(pl.DataFrame([LEVEL, PCT], schema=polars_schema(FigureSchema)), FigureSchema)
    assert valid.height == 2 and rejected.is_empty()


@pytest.mark.parametrize("value", [-100.5, -150.0])
def test_a_percent_change_below_minus_100_is_rejected(value):
    check, reason = rejected_reason(dict(PCT, figure_id="c" * 16, value=value))
    assert check == "pct_change_is_at_least_minus_100" and "-100" in reason


def test_a_fall_of_exactly_100_percent_passes():
    valid, _ = split_valid(pl.DataFrame([dict(PCT, value=-100.0)], schema=polars_schema(FigureSchema)), FigureSchema)
    assert valid.height == 1


@pytest.mark.parametrize("value", [1e21, -2e17])
def test_an_amount_beyond_any_trade_figure_is_rejected(value):
    text = "$999,999,999 trillion"
    check, reason = rejected_reason(dict(LEVEL, figure_id="c" * 16, text=text, char_end=len(text), value=value))
    assert check == "money_is_within_trade_magnitudes" and "1e+17" in reason


def test_a_large_amount_in_a_currency_of_small_units_passes():
    valid, _ = split_valid(pl.DataFrame([dict(LEVEL, value=4.2e16)], schema=polars_schema(FigureSchema)), FigureSchema)
    assert valid.height == 1


@pytest.mark.parametrize("text", ["$1.5 cents", "50 pence", "90 paise", "5¢", "12 Cents"])
def test_a_subunit_read_as_the_currency_is_rejected(text):
    check, reason = rejected_reason(dict(LEVEL, figure_id="c" * 16, text=text, char_end=len(text)))
    assert check == "money_is_not_a_subunit" and "subunit" in reason


def test_cents_on_the_dollar_as_a_share_passes():
    share = dict(LEVEL, text="30 cents", char_end=8, value=30.0, unit="percent", measure="share")
    valid, _ = split_valid(pl.DataFrame([share], schema=polars_schema(FigureSchema)), FigureSchema)
    assert valid.height == 1


def test_a_year_before_1900_is_rejected():
    check, reason = rejected_reason(dict(LEVEL, figure_id="c" * 16, year=1850))
    assert check == "year:greater_than_or_equal_to" and "1850" in reason


def document(text: str, published: dt.date | None) -> Document:
    return Document("d", "d.txt", "0" * 64, len(text), "utf-8", "ok", None, None, published, text)


def test_a_year_past_the_documents_own_date_is_rejected():
    text = "U.S. goods exports to Chile reached $16.2 billion in 2019."
    valid, rejected = figure_rows(document(text, dt.date(2015, 3, 1)))
    assert valid.is_empty()
    [row] = rejected.to_dicts()
    assert row["check"] == "year_after_document_date"
    assert row["reason"] == "year 2019 is more than 2 years after the document's date 2015-03-01"
    assert figure_rows(document(text, dt.date(2017, 1, 1)))[0].height == 1
    assert figure_rows(document(text, None))[0].height == 1


def test_a_subunit_right_after_a_money_span_is_rejected():
    text = "U.S. exports to Mexico reached $1.5 cents per pound in 2013. Tariffs cost 30 cents on the dollar in 2013."
    valid, rejected = figure_rows(document(text, dt.date(2014, 1, 1)))
    [row] = rejected.to_dicts()
    assert row["check"] == "money_is_not_a_subunit"
    assert row["reason"] == "'$1.5' is followed by 'cents': a currency subunit read as the unit USD"
    assert "USD" not in valid["unit"].to_list()


def test_a_year_before_1900_named_right_after_a_figure_is_rejected_whatever_year_it_was_given():
    text = "In 2012, U.S. exports to Mexico reached $5 billion in 1850. U.S. exports to Mexico reached $7 billion in 2013."
    valid, rejected = figure_rows(document(text, dt.date(2014, 1, 1)))
    assert valid["text"].to_list() == ["$7 billion"]
    [row] = rejected.to_dicts()
    assert row["check"] == "year_in_range" and "1850, before 1900" in row["reason"]
