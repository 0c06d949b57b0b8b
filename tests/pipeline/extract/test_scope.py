"""The product scope a document declares: its title, its lead or its customs source; never with services."""
import pytest

from pipeline.extract import extract_figures
from pipeline.extract.scope import document_scope


@pytest.mark.parametrize("text, scope", [
    ("Brazil-Chile trade in goods, 2021\n\nBrazil's exports to Chile rose 4 percent.", "goods"),
    ("Merchandise trade statistics: first half\n\nExports grew.", "goods"),
    ("Canada's farm exports to Japan hit a record\n\nThey rose 12 percent.", "agriculture"),
    ("Overview of Peru-Korea Agricultural Trade\n\nKorea buys grain.", "agriculture"),
    ("OSLO, May 3 - Norway's surplus narrowed in April, customs data showed.", "goods"),
    ("Exports were counted on a customs-cleared basis.", "goods"),
    ("Kenya's trade in goods and services grew 3 percent.", None),
    ("Goods trade rose 5 percent while services trade fell.", None),
    ("Exports rose 5 percent to $3 billion.", None),
])
def test_document_scope(text, scope):
    assert document_scope(text) == scope


def test_an_unspecified_figure_takes_the_scope_and_an_explicit_one_keeps_its_own():
    text = ("ACCRA, March 2 - Ghana's trade surplus widened to 2.1 billion dlrs in 2022, customs figures show.\n"
            "Exports to Togo rose 8 pct to 400 mln dlrs, while cocoa exports rose to 1.2 billion dlrs.")
    figures = {f.text: f for f in extract_figures(text, "d")}
    assert figures["2.1 billion dlrs"].product == "goods"
    assert figures["8 pct"].product == figures["400 mln dlrs"].product == "goods"
    assert figures["1.2 billion dlrs"].product == "category"


def test_a_group_below_goods_is_the_scope_only_in_a_title():
    assert document_scope("U.S. Relations With Panama\n\nU.S. exports of agricultural products to Panama "
                          "totaled $1.3 billion in 2022.") is None
    assert document_scope("Overview of U.S.-Panama Agricultural Trade\n\nExports rose.") == "agriculture"
