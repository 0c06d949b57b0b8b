"""Broadcast scripts: numbers said aloud, a labelled ISO date, a publisher's economy never named as owner."""
import pytest

from pipeline.extract import document_date, extract_figures
from pipeline.extract.economies import home_economy
from pipeline.extract.numwords import spelled_value

SCRIPT = ("date 2024-03-04 Exports to Japan in the first two months of the year rose 12-point-four percent on-year.\n"
          "According to the Vietnam Chamber of Commerce, shipments to Japan from January to February totaled "
          "eight-point-one billion dollars, up from seven-point-two billion dollars a year ago.\n"
          "Data showed the share of shipments to Japan rising from 6-point-one percent in 2022 to 7-point-three "
          "percent in the first two months of this year, as Japan's domestic demand recovered.\n"
          "Exports to the United States, meanwhile, recorded a surplus of four-point-five billion dollars in "
          "the first two months.")


@pytest.mark.parametrize("words, value", [("27-point-three", 27.3), ("nine-point-two", 9.2),
                                          ("twenty-seven point three", 27.3), ("49-point-seven", 49.7)])
def test_numbers_said_aloud(words, value):
    assert spelled_value(words) == value


def test_a_labelled_iso_date_is_the_documents_date():
    assert str(document_date(SCRIPT)) == "2024-03-04"


def test_an_economy_named_mostly_as_a_counterpart_is_not_the_documents_own():
    assert home_economy(SCRIPT) == "VNM"


def test_the_script_reads_as_the_publishers_trade():
    found = {f.text: f for f in extract_figures(SCRIPT, "d")}
    level = found["eight-point-one billion dollars"]
    assert (level.value, level.unit, level.reporter, level.partner) == (8.1e9, "USD", "VNM", "JPN")
    assert level.period == "2024-01/2024-02"
    earlier = found["seven-point-two billion dollars"]
    assert (earlier.year, earlier.period) == (2023, "2023-01/2023-02")
    assert (found["7-point-three percent"].year, found["6-point-one percent"].year) == (2024, 2022)
    surplus = found["four-point-five billion dollars"]
    assert (surplus.reporter, surplus.partner, surplus.flow, surplus.value) == ("USA", "VNM", "balance", -4.5e9)


def test_a_partner_named_alone_in_a_fact_sheet_is_not_the_documents_own():
    assert home_economy("Peru is currently our 30th largest goods trading partner with $18 billion in trade.") is None


def test_a_publisher_speaking_of_our_partner_is_the_economy_its_title_names_first():
    text = ("U.S. Relations With Chile\n\nChile's exports went to the United States. Relations between the "
            "United States and Chile are close. Chile's mines grew. Chile was our 12th largest goods trading "
            "partner with 38 billion dollars in total goods trade in 2022.")
    assert home_economy(text) == "USA"
    found = {f.text: f for f in extract_figures(text, "d")}
    assert (found["38 billion dollars"].reporter, found["38 billion dollars"].partner) == ("USA", "CHL")
