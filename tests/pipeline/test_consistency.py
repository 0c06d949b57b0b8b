import polars as pl

from pipeline.consistency import COLUMNS, GROUP, find_inconsistencies
from schemas import FigureSchema, polars_schema
from tests.pipeline.test_validation import GOOD

_n = iter(range(10_000))


def fig(text, value, flow, measure="level", year=2013, base_year=None, partner="CHL", doc_id="d"):
    unit = "percent" if measure in ("pct_change", "share") else "USD"
    return dict(GOOD, figure_id=f"{next(_n):016d}", text=text, value=value, flow=flow, measure=measure, unit=unit,
                year=year, base_year=base_year, partner=partner, doc_id=doc_id, char_end=10 + len(text))


def check(*rows):
    """The violations among ``rows``, given only the columns the rules read."""
    return find_inconsistencies(pl.DataFrame(list(rows), schema=polars_schema(FigureSchema)).select(COLUMNS))


def test_rounded_flows_that_add_up_pass():
    assert check(fig("$243 billion", 243e9, "export"), fig("$293 billion", 293e9, "import"),
                 fig("$536 billion", 536e9, "total"), fig("$49 billion", -49e9, "balance")).is_empty()


def test_flows_that_do_not_add_up_are_listed_with_their_ids():
    found = check(fig("$243 billion", 243e9, "export"), fig("$293 billion", 293e9, "import"),
                  fig("$600 billion", 600e9, "total"), fig("$40 billion", 40e9, "balance"))
    assert sorted(found["rule"]) == ["exports_minus_imports_is_balance", "exports_plus_imports_is_total"]
    assert all(len(ids) == 3 for ids in found["figure_ids"])


def test_a_percent_change_that_fits_its_levels_passes_and_one_that_does_not_is_listed():
    now, base = fig("$35.4 billion", 35.4e9, "export"), fig("$34.4 billion", 34.4e9, "export", year=2011)
    good = fig("3.1 percent", 3.1, "export", "pct_change", base_year=2011)
    bad = fig("13.1 percent", 13.1, "export", "pct_change", base_year=2011, doc_id="other")
    assert check(now, base, good).is_empty()
    found = check(now, base, bad)
    assert found["rule"].to_list() == ["change_matches_levels"]
    assert set(found["figure_ids"][0]) == {bad["figure_id"], now["figure_id"], base["figure_id"]}


def test_an_absolute_change_is_checked_too():
    now, base = fig("$41.6 billion", 41.6e9, "export"), fig("$42.3 billion", 42.3e9, "export", year=2012)
    assert check(now, base, fig("$729 million", -729e6, "export", "change", base_year=2012)).is_empty()
    assert not check(now, base, fig("$7 billion", -7e9, "export", "change", base_year=2012)).is_empty()


def test_the_same_fact_stated_twice_must_agree_within_rounding():
    assert check(fig("US $102.48 billion", 102.48e9, "import"),
                 fig("$102.49 billion", 102.49e9, "import", doc_id="b")).is_empty()
    found = check(fig("$46 billion", -46e9, "balance"), fig("$46.6 billion", -46.6e9, "balance", doc_id="b"))
    assert found["rule"].to_list() == ["same_fact_agrees"]
    assert "$46 billion" in found["description"][0] and "$46.6 billion" in found["description"][0]


def test_hedged_and_bounded_figures_are_intervals():
    at_least = dict(fig("US $100 billion", 100e9, "import"), qualifier="at_least")
    assert check(at_least, fig("$102.48 billion", 102.48e9, "import", doc_id="b")).is_empty()
    assert not check(at_least, fig("$95 billion", 95e9, "import", doc_id="b")).is_empty()
    about = dict(fig("$536 billion", 536e9, "total"), qualifier="approx")
    assert check(about, fig("$243 billion", 243e9, "export"), fig("$300 billion", 300e9, "import")).is_empty()


def test_no_rule_relates_figures_of_two_groups():
    rows = [dict(row, product=product) for product in ("all", "goods") for row in (
        fig("$243 billion", 243e9, "export"), fig("$293 billion", 293e9, "import"),
        fig("$600 billion", 600e9, "total"), fig("$40 billion", 40e9, "balance"),
        fig("$250 billion", 250e9, "export", doc_id="e"), fig("$100 billion", 100e9, "export", year=2012),
        fig("10%", 10.0, "export", measure="pct_change", base_year=2012), fig("$5 billion", 5e9, "import", partner="PER"))]
    frame = pl.DataFrame(rows, schema=polars_schema(FigureSchema)).select(COLUMNS)
    whole = find_inconsistencies(frame)
    by_group = pl.concat([find_inconsistencies(group) for group in frame.partition_by(GROUP)])
    as_set = {(r["rule"], tuple(r["figure_ids"]), r["description"]) for r in whole.to_dicts()}
    assert whole.height > 4 and as_set == {(r["rule"], tuple(r["figure_ids"]), r["description"])
                                           for r in by_group.to_dicts()}
    assert GROUP == ["reporter", "partner", "product", "product_label", "period"]
