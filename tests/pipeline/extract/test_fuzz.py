"""Arbitrary text never crashes the extractor, and every figure slices back to its text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import document_date, extract_figures
from schemas.contract import FLOWS, MEASURES, PRODUCTS, QUALIFIERS
from schemas.economies import UNITS

FRAGMENTS = [
    "U.S. exports to Mexico", "imports from Korea", "Mexico's", "the EU", "Chinese", "the United States'",
    "$536 billion", "US $102.48 billion", "\\$172 billion", "4 billion dollars", "4.7%", "52 percent",
    "two-thirds of", "30 cents per dollar", "3rd largest", "second-largest trading partner", "top exporter",
    "up", "down", "fell", "rose", "a 5% increase", "($10.2 billion)", "from 2012", "since 1993",
    "between 2011 and 2013", "in 2013", "last year", "annually", "deficit", "surplus", "FDI in",
    "remittances", "goods", "services", "agricultural", "(", ")", ",", ";", ".", " and ", "\n", "\n\n",
    "•", "It", "Exports totaled", "about", "over", "under", "Machinery ($38.5 billion),", "which",
    "April 1, 2018", "4/29/14", "1 COMMENT", "—", "’s", " ", "25% tariffs", "half of",
]
trade_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def _check(text: str) -> None:
    figures = extract_figures(text, "fuzz")
    assert figures == sorted(figures, key=lambda f: (f.char_start, f.char_end))
    for f in figures:
        assert text[f.char_start:f.char_end] == f.text
        assert f.text in f.sentence and f.sentence in text
        assert f.unit in UNITS and f.measure in MEASURES and f.qualifier in QUALIFIERS
        assert f.flow is None or f.flow in FLOWS
        assert f.product is None or f.product in PRODUCTS
    document_date(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text):
    _check(text)


def test_punctuation_at_line_start():
    _check("! 0")
    _check(". $5 billion. ? 5%")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trade_text)
def test_trade_like_text(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join))
def test_mixed_text(text):
    _check(text)
