"""The FigureSchema rules of the contract, one failing example each."""
import polars as pl
import pytest

from pipeline.validation import failure_cases
from schemas import FigureSchema, polars_schema
from tests.pipeline.test_validation import GOOD


def failures(**changes):
    cases = failure_cases(pl.DataFrame([dict(GOOD, **changes)], schema=polars_schema(FigureSchema)), FigureSchema)
    return set() if cases is None else set(cases["check"].str.replace(r"\(.*", ""))


def test_a_good_row_passes():
    assert failures() == set()


@pytest.mark.parametrize("changes, check", [
    ({"unit": "XYZ"}, "isin"),
    ({"flow": "smuggling"}, "isin"),
    ({"reporter": "ZZZ"}, "isin"),
    ({"year": 1492}, "greater_than_or_equal_to"),
    ({"base_year": 2013}, "base_year_precedes_year"),
    ({"value": float("inf")}, "value_is_finite"),
    ({"char_end": 10}, "span_is_ordered"),
    ({"text": "4.7 %"}, "span_matches_text_length"),
    ({"measure": "rank", "unit": "rank", "value": 0.0, "base_year": None}, "rank_is_ordinal"),
    ({"measure": "share", "value": 130.0, "base_year": None}, "share_is_a_percentage"),
    ({"measure": "level", "base_year": None}, "unit_fits_measure"),
    ({"measure": "level", "unit": "USD", "base_year": 2012}, "base_year_precedes_year"),
    ({"product_label": "corn"}, "label_only_for_category"),
    ({"hs_code": "8"}, "str_matches"),
    ({"seed_sha256": "nothex"}, "str_matches"),
])
def test_each_rule_refuses_its_violation(changes, check):
    assert check in failures(**changes)


def test_world_and_eu_are_economies():
    assert failures(partner="WLD") == set() and failures(partner="EUU") == set()
