import polars as pl
import pytest

from pipeline.rounding import agree, half_unit, half_unit_expr


@pytest.mark.parametrize("text, unit, expected", [
    ("$54 billion", "USD", 0.5e9),
    ("$54.3 billion", "USD", 0.05e9),
    ("US $102.48 billion", "USD", 0.005e9),
    ("$729 million", "USD", 0.5e6),
    ("4 billion dollars", "USD", 0.5e9),
    ("$1,200", "USD", 0.5),
    ("4.7%", "percent", 0.05),
    ("52 percent", "percent", 0.5),
    ("two-thirds", "percent", 0.5),
])
def test_tolerance_follows_the_stated_precision(text, unit, expected):
    assert half_unit(text, unit) == pytest.approx(expected)


def test_rounded_statements_of_one_value_agree_and_different_values_do_not():
    assert agree(54e9, 54.3e9, half_unit("$54 billion", "USD"), half_unit("$54.3 billion", "USD"))
    assert not agree(46e9, 46.6e9, half_unit("$46 billion", "USD"), half_unit("$46.6 billion", "USD"))
    assert agree(243e9 - 293e9, -49e9, 1e9, 0.5e9)
    assert not agree(10.0, 10.2, 0.05, 0.05)


def test_the_polars_form_gives_the_same_tolerances():
    texts = ["$54 billion", "$54.3 Billion", "4.7%", "two-thirds", "second", "US$1,234.56 mn", "$3 trillion",
             "12.125 percent", "$900 thousand", "billion $5", "$5 billionaire", "3rd", "$0.75 TN", "1.5"]
    units = ["USD", "USD", "percent", "percent", "rank", "USD", "USD", "percent", "USD", "USD", "USD", "rank",
             "USD", "percent"]
    frame = pl.DataFrame({"text": texts, "unit": units})
    vectorised = frame.select(half_unit_expr(pl.col("text"), pl.col("unit"))).to_series().to_list()
    assert vectorised == [half_unit(t, u) for t, u in zip(texts, units)]
