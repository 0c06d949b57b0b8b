"""Product scope from how statistical texts name their concepts, and labels that are not product groups."""
import pytest

from pipeline.extract import extract_figures


def products(text):
    return [(f.text, f.product, f.product_label) for f in extract_figures(text, "t")]


@pytest.mark.parametrize("text,product", [
    ("U.S. general imports from Peru grew 4 percent in 2020.", "goods"),
    ("Domestic exports to Chile fell 3 percent in 2021.", "goods"),
    ("Customs figures show exports to Kenya rose 6 percent in 2019.", "goods"),
    ("The surplus on invisibles was 700 mln dlrs in 1987.", "services"),
])
def test_customs_concepts_name_goods_or_services(text, product):
    assert [p for _, p, _ in products(text)] == [product]


@pytest.mark.parametrize("text", [
    "He said first quarter exports rose 12 pct to 2.1 billion dlrs.",
    "Data showing exports rose 5 pct to 3.2 billion dlrs were released in 1990.",
])
def test_words_around_a_figure_are_not_a_product_label(text):
    assert all(label is None for _, _, label in products(text))


def test_a_coordinated_clause_keeps_the_product_of_the_clause_before():
    found = {f.text: f for f in extract_figures(
        "In 2023 Kenya's merchandise exports to the UK rose 9.5 per cent to $1.4 billion, while imports from "
        "Britain stood at $0.9 billion.", "d")}
    assert found["$0.9 billion"].product == "goods"


def test_a_superlative_before_a_flow_noun_is_never_a_label():
    found = {f.text: f for f in extract_figures(
        "In 2014, the US was the EU's largest export market, taking 18 percent of EU exports.", "d")}
    assert found["18 percent"].product_label is None


def test_a_group_accounting_for_an_amount_in_a_with_clause_is_its_label():
    found = {f.text: f for f in extract_figures(
        "Peru's agricultural exports to China hit $8.5 billion in 2023, with blueberries accounting for about "
        "$1.9 billion.", "d")}
    assert (found["$1.9 billion"].product, found["$1.9 billion"].product_label) == ("category", "blueberries")


def test_a_balance_is_never_labelled_by_one_flows_group():
    found = {f.text: f for f in extract_figures(
        "ACCRA, May 2, 2022 - He said if imports of machinery for the new mines are excluded, Ghana's deficit was "
        "only 350 mln dlrs, customs figures show.", "d")}
    assert (found["350 mln dlrs"].product, found["350 mln dlrs"].product_label) == ("goods", None)
