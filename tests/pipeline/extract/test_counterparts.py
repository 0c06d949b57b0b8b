"""Counterparts: regions with no code, economies named as examples, destinations written "X-bound"."""
import pytest

from pipeline.extract import extract_figures
from pipeline.extract.economies import find_economies, home_economy


def figures(text):
    return {f.text: f for f in extract_figures(text, "d")}


@pytest.mark.parametrize("sentence", [
    "Chile's exports to Asia rose 6 percent to $40 billion in 2021.",
    "Chile's exports to all of Latin America rose 6 percent to $40 billion in 2021.",
    "In 2021 Chile's trade surplus with the Middle East widened 6 percent to $40 billion.",
])
def test_a_region_is_a_counterpart_without_a_code(sentence):
    found = figures(sentence)
    assert {f.partner for f in found.values()} == {None}
    assert {f.reporter for f in found.values()} == {"CHL"}


def test_a_region_adjective_is_not_a_region():
    assert [e.iso3 for e in find_economies("the East Asian giant's exports")] == []


def test_a_region_never_becomes_the_home_economy():
    assert home_economy("Asia's growth and Asia's exports; Kenya's exports to Asia") == "KEN"


def test_economies_named_as_examples_are_not_the_counterpart():
    found = figures("Peru's exports to Asia, including China and Japan, rose 9 percent in 2020.")
    assert found["9 percent"].partner is None


def test_an_economy_bound_flow_goes_to_that_economy():
    found = figures("In 2020, Korea's China-bound exports fell 4 percent to $130 billion.")
    assert (found["4 percent"].reporter, found["4 percent"].partner) == ("KOR", "CHN")
    assert found["$130 billion"].product_label is None


@pytest.mark.parametrize("sentence", [
    "The deficit widened after imports rose 8 percent to $20 billion in 2019.",
    "The surplus grew in 2019 as exports rose 8 percent to $20 billion.",
])
def test_a_function_word_before_a_flow_is_never_a_product_label(sentence):
    assert {f.product_label for f in extract_figures(sentence, "d")} == {None}


def test_a_total_in_a_with_clause_is_the_documents_own_economy_and_the_partner_named():
    text = ("Norway's exports grew in 2023. Norway's imports grew too.\n"
            "In 2023, Chile was Norway's ninth-largest trading partner, with two-way trade coming to $3.1 billion.")
    found = figures(text)
    assert (found["$3.1 billion"].reporter, found["$3.1 billion"].partner) == ("NOR", "CHL")


def test_the_documents_economy_named_alone_trades_with_the_world():
    text = ("Norway's trade surplus with the EU widened in March 2023. Norway's exports to Sweden rose.\n"
            "Norway had a goods trade surplus of NOK 50 billion for the month.")
    found = figures(text)
    assert (found["NOK 50 billion"].reporter, found["NOK 50 billion"].partner) == ("NOR", "WLD")


def test_a_percent_change_in_a_flow_takes_that_flow():
    found = figures("Chile's surplus with Asia grew in 2022, reflecting a 9.5 percent increase in exports.")
    assert found["9.5 percent"].flow == "export"


@pytest.mark.parametrize("sentence", [
    "Remittances from the United States to Guatemala reached $19.8 billion in 2023.",
    "Guatemala received remittances from the United States of $19.8 billion in 2023.",
])
def test_remittances_are_the_receivers_with_the_sender_as_partner(sentence):
    found = figures(sentence)
    assert (found["$19.8 billion"].reporter, found["$19.8 billion"].partner) == ("GTM", "USA")


def test_an_economy_buying_a_share_of_anothers_exports_is_its_counterpart():
    found = figures("In 2023, Japan bought 21 percent of Peru's exports.")
    assert (found["21 percent"].reporter, found["21 percent"].partner) == ("PER", "JPN")
