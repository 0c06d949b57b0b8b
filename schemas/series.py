"""The published ``series`` table: one row per fact, the figures that state it, and one chosen value."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.contract import EARLIEST_YEAR, FACT_KEY, FLOWS, LATEST_YEAR, MEASURES, PERIOD_PATTERN, PRODUCTS, QUALIFIERS
from schemas.economies import ECONOMY_CODES, UNITS

_ECONOMIES = sorted(ECONOMY_CODES)


class SeriesSchema(pa.DataFrameModel):
    """A fact (``schemas.contract.FACT_KEY``: reporter, partner, flow, product, product_label, measure, unit,
    year, period, base_year) and its value.

    Every figure with the same fact key states the same fact, possibly in
    several documents; this table gathers them so an analyst reads one value
    per fact and sees where the sources disagree.
    """

    reporter: str = pa.Field(isin=_ECONOMIES, description="ISO3 of the economy whose trade the fact measures.")
    partner: str | None = pa.Field(nullable=True, isin=_ECONOMIES,
                                   description="ISO3 of the counterpart economy, `WLD` for the world; null for a region with no code.")
    flow: str = pa.Field(isin=FLOWS, description="The trade flow, as in `figures.flow`.")
    product: str = pa.Field(isin=PRODUCTS, description="Product scope, as in `figures.product`.")
    product_label: str | None = pa.Field(nullable=True, description="For `category`: the product group, lower case.")
    measure: str = pa.Field(isin=MEASURES, description="`level`, `change`, `pct_change`, `share` or `rank`.")
    unit: str = pa.Field(isin=UNITS, description="`percent`, `rank` or the currency's ISO 4217 code: a euro and a "
                                                 "dollar figure are two facts, never a conflict.")
    year: int | None = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="The period the fact describes; null where the texts give none.")
    period: str | None = pa.Field(nullable=True, str_matches=PERIOD_PATTERN,
                                  description="Month, quarter, half-year, run of months or `FY`, as in `figures.period`.")
    base_year: int | None = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="For change and pct_change: the year compared with.")
    value: float = pa.Field(description="The chosen value: that of the most precisely stated figure (smallest rounding "
                                        "tolerance), then an `exact` one over a hedged one, then the one in the latest "
                                        "published document (undated last), then the lowest doc_id and char_start.")
    value_text: str = pa.Field(description="The chosen figure's text, e.g. `$54.3 billion`.")
    qualifier: str = pa.Field(isin=QUALIFIERS, description="The chosen figure's qualifier.")
    figure_id: str = pa.Field(unique=True, description="The chosen figure's `figure_id`.")
    n_figures: int = pa.Field(ge=1, description="How many figures state this fact.")
    figure_ids: pl.List = pa.Field(dtype_kwargs={"inner": pl.String()}, description="The `figure_id`s of every figure stating the fact, sorted.")
    doc_ids: pl.List = pa.Field(dtype_kwargs={"inner": pl.String()}, description="The documents stating the fact, sorted, each once.")
    min_value: float = pa.Field(description="The smallest value stated for the fact.")
    max_value: float = pa.Field(description="The largest value stated for the fact.")
    conflict: bool = pa.Field(description="True when two of the figures cannot be the same quantity even allowing for "
                                          "how each was rounded (`pipeline.rounding.agree` within their `half_unit`).")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="A fact appears once.")
    def one_row_per_fact(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(~pl.struct(FACT_KEY).is_duplicated())

    @pa.dataframe_check(description="n_figures counts figure_ids, and the chosen value lies between min and max.")
    def counts_and_bounds_agree(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("figure_ids").list.len() == pl.col("n_figures"))
            & pl.col("value").is_between(pl.col("min_value"), pl.col("max_value"))
        )
