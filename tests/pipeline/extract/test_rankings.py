"""World rankings of economies as traders, in sentences written for the test."""
from pipeline.extract import extract_figures


def meanings(text):
    return {f.text: (f.reporter, f.partner, f.flow) for f in extract_figures(text, "t")}


def test_each_ranked_economy_in_parentheses_is_its_own_reporter_against_the_world():
    found = meanings("In 2021, the three largest importers were Germany (EUR 1 200 billion, 9 %), "
                     "France (EUR 700 billion, 5 %) and Italy (EUR 500 billion, 4 %).")
    assert found["EUR 1 200 billion"] == ("DEU", "WLD", "import")
    assert found["5 %"] == ("FRA", "WLD", "import")
    assert found["EUR 500 billion"] == ("ITA", "WLD", "import")


def test_a_rank_in_the_world_is_the_subjects_own():
    assert meanings("In 2020, Brazil was the 25th largest exporter in the world.")["25th"] == ("BRA", "WLD", "export")


def test_an_exporter_to_a_partner_is_not_a_world_ranking():
    found = meanings("Vietnam was the top exporter to the world's largest economy, the United States, in 2023.")
    assert found["top"][1] != "WLD"
