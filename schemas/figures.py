"""The published ``figures`` table: one row per economic figure (../shared/gold/GUIDE.md)."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.contract import (
    EARLIEST_YEAR, FLOWS, LATEST_YEAR, MAX_MONEY_MAGNITUDE, MEASURES, NON_MONEY_UNITS, PERIOD_PATTERN, PRODUCTS,
    QUALIFIERS, SUBUNIT_PATTERN,
)
from schemas.economies import ECONOMY_CODES, UNITS

_ECONOMIES = sorted(ECONOMY_CODES)


class FigureSchema(pa.DataFrameModel):
    """A figure stated in a document, its normalised meaning and its lineage."""

    figure_id: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16},
                              description="Deterministic id: hash of doc_id, the figure's sentence, its place in the sentence, "
                                          "its text and unit; unchanged by edits elsewhere in the document.")
    doc_id: str = pa.Field(description="The document's `doc_id`: its path in the seeds folder, without `.txt` for a text file.")
    char_start: int = pa.Field(ge=0, description="Start of the span in the decoded document text (Python slice, inclusive).")
    char_end: int = pa.Field(ge=1, description="End of the span (exclusive); `text == document[char_start:char_end]`.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The figure as written, e.g. `$536 billion`, `4.7%`, `3rd`.")
    value: float = pa.Field(description="Normalised, signed value: money in units of its own currency (never "
                                        "converted), percent in points, rank as ordinal.")
    unit: str = pa.Field(isin=UNITS, description="`percent`, `rank`, or for money the ISO 4217 code of its currency "
                                                 "(`USD`, `EUR`, `JPY`, …).")
    measure: str = pa.Field(isin=MEASURES, description="`level`, `change`, `pct_change`, `share` or `rank`.")
    reporter: str = pa.Field(isin=_ECONOMIES, description="ISO3 of the economy whose trade the figure measures.")
    partner: str | None = pa.Field(nullable=True, isin=_ECONOMIES,
                                   description="ISO3 of the counterpart economy, `WLD` for the world; null for a region "
                                               "with no code (\"all of Asia\").")
    flow: str = pa.Field(isin=FLOWS, description="export, import, total, balance, fdi_outward, fdi_inward, affiliate_sales_outward, affiliate_sales_inward, remittances or other.")
    product: str = pa.Field(isin=PRODUCTS, description="Product scope; `category` for a named product group.")
    product_label: str | None = pa.Field(nullable=True, description="For `category`: the group as the text names it, lower case.")
    hs_code: str | None = pa.Field(nullable=True, str_matches=r"^\d{2}$", description="2-digit HS chapter where the label is an HS chapter name.")
    year: int | None = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="The period the figure describes (the later year of a change).")
    period: str | None = pa.Field(nullable=True, str_matches=PERIOD_PATTERN,
                                  description="The part of `year` the figure describes: a month `2016-12`, quarter "
                                              "`2016-Q4`, half-year `2016-H1`, run of months `2016-01/2016-11`, or `FY` "
                                              "(fiscal year); null for a calendar year or no period.")
    base_year: int | None = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="For change and pct_change: the year compared with.")
    qualifier: str = pa.Field(isin=QUALIFIERS, description="exact, approx, at_least or at_most, from hedge words in the text.")
    sentence: str = pa.Field(description="The sentence the figure is in.")
    seed_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the seed file the figure was read from.")
    rule: str = pa.Field(description="What produced the row and its fields, for audit.")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="A span is non-empty: char_start < char_end.")
    def span_is_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("char_start") < pl.col("char_end"))

    @pa.dataframe_check(description="The span's length equals the length of `text`.")
    def span_matches_text_length(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("char_end") - pl.col("char_start")) == pl.col("text").str.len_chars())

    @pa.dataframe_check(description="Values are finite numbers.")
    def value_is_finite(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("value").is_finite())

    @pa.dataframe_check(description="Units fit measures: a currency for level/change, percent for pct_change/share, "
                                    "rank for rank.")
    def unit_fits_measure(cls, data: pa.PolarsData) -> pl.LazyFrame:
        m, u = pl.col("measure"), pl.col("unit")
        return data.lazyframe.select(
            pl.when(m.is_in(["level", "change"])).then(~u.is_in(NON_MONEY_UNITS))
            .when(m.is_in(["pct_change", "share"])).then(u == "percent")
            .otherwise(u == "rank")
        )

    @pa.dataframe_check(description="A change's base year is before its year; other measures have no base year.")
    def base_year_precedes_year(cls, data: pa.PolarsData) -> pl.LazyFrame:
        is_change = pl.col("measure").is_in(["change", "pct_change"])
        ordered = pl.col("year").is_null() | pl.col("base_year").is_null() | (pl.col("base_year") < pl.col("year"))
        return data.lazyframe.select(pl.when(is_change).then(ordered).otherwise(pl.col("base_year").is_null()))

    @pa.dataframe_check(description="Ranks are whole numbers of at least 1.")
    def rank_is_ordinal(cls, data: pa.PolarsData) -> pl.LazyFrame:
        v = pl.col("value")
        return data.lazyframe.select((pl.col("measure") != "rank") | ((v >= 1) & (v == v.floor())))

    @pa.dataframe_check(description="Shares lie within 0–100 percent.")
    def share_is_a_percentage(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("measure") != "share") | pl.col("value").is_between(0, 100))

    @pa.dataframe_check(description="Only category figures carry a product label or HS code.")
    def label_only_for_category(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("product") == "category") | (pl.col("product_label").is_null() & pl.col("hs_code").is_null())
        )

    @pa.dataframe_check(description="A percent change is not below -100: nothing falls by more than all of it.")
    def pct_change_is_at_least_minus_100(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("measure") != "pct_change") | (pl.col("value") >= -100))

    @pa.dataframe_check(description=f"A money amount is at most {MAX_MONEY_MAGNITUDE:.0e} in its currency's units "
                                    "(more than any trade figure states): a misread scale.")
    def money_is_within_trade_magnitudes(cls, data: pa.PolarsData) -> pl.LazyFrame:
        money = ~pl.col("unit").is_in(NON_MONEY_UNITS)
        return data.lazyframe.select(~money | (pl.col("value").abs() <= MAX_MONEY_MAGNITUDE))

    @pa.dataframe_check(description="A money figure's text names no currency subunit (cents, pence, paise, ¢): "
                                    "a subunit read as the currency's unit.")
    def money_is_not_a_subunit(cls, data: pa.PolarsData) -> pl.LazyFrame:
        money = ~pl.col("unit").is_in(NON_MONEY_UNITS)
        return data.lazyframe.select(~money | ~pl.col("text").str.contains(SUBUNIT_PATTERN))
