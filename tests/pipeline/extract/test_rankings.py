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


def test_the_united_states_ranked_among_the_worlds_traders_is_a_reporter_too():
    found = meanings("In 2019, the largest importers were the United States (EUR 2 300 billion, 15 %) "
                     "and China (EUR 1 900 billion, 12 %).")
    assert found["EUR 2 300 billion"] == ("USA", "WLD", "import")
    assert found["15 %"] == ("USA", "WLD", "import")


def test_a_pronoun_subject_is_the_economy_ranked_before():
    found = meanings("In 2020, Chile was the 30th largest exporter in the world. "
                     "It was the 35th largest importer in the world.")
    assert found["35th"] == ("CHL", "WLD", "import")


def test_an_economy_ranked_in_parentheses_after_a_joined_word_keeps_its_figures():
    found = meanings("In 2020 it was the ninth largest exporter in the worldPeru (EUR 40 billion, 1 %) "
                     "between Chile (EUR 45 billion, 1 %) and the United Arab Emirates. (EUR 38 billion, 1 %).")
    assert found["EUR 40 billion"] == ("PER", "WLD", "export")
    assert found["EUR 45 billion"] == ("CHL", "WLD", "export")
    assert found["EUR 38 billion"] == ("ARE", "WLD", "export")


def test_an_actor_ranked_with_one_counterpart_reports_that_trade():
    found = meanings("Among EU Member States, France was the largest exporter of wine to Japan in 2021.")
    assert found["largest"] == ("FRA", "JPN", "export")
    found = meanings("In 2021, Spain was the second largest importer of goods from Morocco.")
    assert found["second"] == ("ESP", "MAR", "import")


def test_a_partner_ranked_by_one_flow_takes_that_flow_and_its_share():
    found = meanings("In 2022, Norway was the ninth largest partner for EU imports of goods (3 %).")
    assert found["ninth"] == ("EUU", "NOR", "import")
    assert found["3 %"] == ("EUU", "NOR", "import")
