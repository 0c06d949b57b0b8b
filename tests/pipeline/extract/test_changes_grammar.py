"""Changes and their end points: change nouns after amounts, participles, year spans, from–to levels."""
import pytest

from pipeline.extract import extract_figures


def figures(text):
    return {f.text: f for f in extract_figures(text, "d")}


@pytest.mark.parametrize("sentence, sign", [
    ("In 2021, a $4.2 billion (6.1 percent) increase in Chile's exports of copper lifted the surplus.", 1),
    ("The deficit reflected a $900 million decline in Peru's exports in 2020.", -1),
])
def test_a_change_noun_after_an_amount_makes_it_a_change(sentence, sign):
    [amount] = [f for f in extract_figures(sentence, "d") if f.unit == "USD"]
    assert (amount.measure, amount.value > 0) == ("change", sign > 0)


@pytest.mark.parametrize("verb", ["rising", "growing", "falling", "dropping"])
def test_a_participle_before_by_makes_the_amount_a_change(verb):
    found = figures(f"Canada's exports to Chile changed in 2020, {verb} by $79 million (0.4 percent).")
    assert found["$79 million"].measure == "change"


def test_a_span_of_two_years_written_short_dates_the_later_and_bases_the_first():
    found = figures("Kenya's exports to Uganda increased during 2018–19, rising by $60 million (3.1 percent).")
    assert (found["$60 million"].year, found["$60 million"].base_year) == (2019, 2018)
    assert (found["3.1 percent"].year, found["3.1 percent"].base_year) == (2019, 2018)


def test_the_level_a_change_starts_from_has_the_earlier_year():
    found = figures("Ghana's exports of cocoa dropped between 2016 and 2017, falling from $2.4 billion to "
                    "$2.1 billion.")
    assert found["$2.4 billion"].year == 2016
    assert found["$2.1 billion"].year == 2017


def test_a_product_word_after_a_comma_belongs_to_another_phrase():
    found = figures("Peru's exports to Chile rose by $1.1 billion to $9.3 billion in 2022, led by the "
                    "agricultural sector.")
    assert found["$9.3 billion"].product != "agriculture"


def test_an_of_phrase_after_a_change_and_its_percent_names_both():
    found = figures("In 2020, a $4.2 billion (6.1 percent) increase in Chile's imports of motor vehicles lifted "
                    "the deficit.")
    assert found["$4.2 billion"].product_label == found["6.1 percent"].product_label == "motor vehicles"


def test_the_group_a_which_clause_names_is_the_sector_it_refers_to():
    found = figures("In 2021 the largest contributor was the mining equipment sector, for which Peru's imports "
                    "from Chile grew by $1.2 billion (8.2 percent).")
    assert found["$1.2 billion"].product_label == found["8.2 percent"].product_label == "mining equipment"


def test_a_period_after_a_change_and_its_percent_in_parentheses_dates_both():
    found = figures("Chile's imports in this sector rose by $3.5 billion (21.3 percent) between 2016 and 2020.")
    assert found["$3.5 billion"].base_year == found["21.3 percent"].base_year == 2016


def test_an_elided_clause_keeps_the_economy_of_the_clause_before():
    found = figures("Kenya's coffee exports rose 4 per cent to $1.2 billion in 2022, while imports grew 3 per cent "
                    "to $2.1 billion.")
    assert (found["3 per cent"].reporter, found["3 per cent"].partner) == ("KEN", "WLD")


@pytest.mark.parametrize("comparison, base", [
    ("from October", 2023), ("from the previous month", 2023), ("month-on-month", 2023)])
def test_a_change_over_the_month_before_has_that_months_year_as_base(comparison, base):
    found = figures(f"Chile's trade surplus with Peru hit $1.3 billion in November 2023, up $0.2 billion {comparison}.")
    assert found["$0.2 billion"].base_year == base


def test_a_change_in_january_over_the_month_before_has_the_year_before_as_base():
    found = figures("Chile's trade surplus with Peru hit $1.3 billion in January 2024, up $0.2 billion from December.")
    assert found["$0.2 billion"].base_year == 2023


def test_each_amount_takes_the_month_named_after_it():
    found = figures("OSLO, June 5, 2024 - Norway's trade balance went from a deficit of NOK 1.1 billion in April "
                    "to a surplus of NOK 0.9 billion in May.")
    assert found["NOK 1.1 billion"].period == "2024-04"
    assert found["NOK 0.9 billion"].period == "2024-05"


def test_a_figure_compared_with_another_is_the_same_trade_in_another_period():
    found = figures("Chile recorded a $2.3 billion surplus in its trade in goods with the world in March 2024, "
                    "compared with $1.7 billion in March 2023.")
    assert (found["$1.7 billion"].flow, found["$1.7 billion"].period) == ("balance", "2023-03")
    assert found["$1.7 billion"].reporter == found["$2.3 billion"].reporter


def test_a_currency_named_after_an_economy_is_not_that_economy():
    found = figures("Vietnam's exports in U.S. dollar terms rose 8.5% in August 2023, while imports rose 5.5%.")
    assert (found["8.5%"].reporter, found["8.5%"].partner) == ("VNM", "WLD")


def test_an_economy_as_the_subject_of_a_flow_verb_trades_with_the_world():
    found = figures("In 2022, the EU exported goods worth €2 572 billion, while imports amounted to €3 004 billion.")
    assert (found["€2 572 billion"].reporter, found["€2 572 billion"].partner) == ("EUU", "WLD")
    assert (found["€3 004 billion"].reporter, found["€3 004 billion"].flow) == ("EUU", "import")


def test_a_participle_of_a_flow_verb_continues_the_subject():
    found = figures("Vietnam overtook Japan as a source of U.S. imports in 2023, shipping $114 billion worth of goods.")
    assert found["$114 billion"].partner == "VNM"


def test_an_of_phrase_stops_at_a_currency_and_at_a_balance_word():
    found = figures("Chile's trade in goods surplus €2.0 bn in March 2024.")
    assert found["€2.0 bn"].product_label is None


def test_credits_and_debits_of_goods_and_services_are_exports_and_imports():
    found = figures("In March 2024, goods and services credits fell $1,200m (3%) to $40,100m, while goods and "
                    "services debits rose $300m to $38,000m.")
    assert found["$1,200m"].flow == found["$40,100m"].flow == "export"
    assert found["$300m"].flow == "import"


def test_shipments_of_a_group_are_its_exports():
    found = figures("Taiwan's shipments of semiconductors rose 12 percent to $160 billion in 2024.")
    assert (found["12 percent"].flow, found["12 percent"].product_label) == ("export", "semiconductors")


def test_an_economy_before_a_trade_noun_owns_that_trade():
    found = figures("The UK trade deficit widened by £1.9 billion to £7.5 billion in the three months to March 2024.")
    assert (found["£7.5 billion"].reporter, found["£7.5 billion"].partner) == ("GBR", "WLD")
    assert found["£7.5 billion"].period == "2024-01/2024-03"


def test_non_economy_groups_have_no_code():
    found = figures("In 2024 the UK's exports to non-EU countries fell by £1.2 billion.")
    assert found["£1.2 billion"].partner is None


def test_a_figure_down_from_another_is_the_same_trade_and_leaves_the_context_year():
    found = figures("Chile ran a $4.2 billion surplus in goods trade in 2023, down from $5.1 billion in 2022. "
                    "Exports to Peru fell by $0.3 billion.")
    assert (found["$5.1 billion"].flow, found["$5.1 billion"].year) == ("balance", 2022)
    assert found["$0.3 billion"].year == 2023


def test_an_economy_posting_a_balance_is_its_own_with_the_world():
    found = figures("TOKYO -- Korea posted a trade deficit of 10.3 billion dollars for 2023, narrowing 57.4% from "
                    "the previous year.")
    assert (found["10.3 billion dollars"].reporter, found["10.3 billion dollars"].partner) == ("KOR", "WLD")
    assert found["57.4%"].measure == "pct_change"


def test_a_partner_with_a_total_in_a_publishers_fact_sheet_stays_the_partner():
    found = figures("Peru is currently our 30th largest goods trading partner with $18 billion in total goods "
                    "trade during 2013.")
    assert (found["$18 billion"].reporter, found["$18 billion"].partner) == ("USA", "PER")


def test_the_level_a_change_comes_from_is_the_same_trade_in_the_period_before():
    found = figures("MUMBAI, April 15, 2024 - India's trade deficit narrowed to $15.6 billion in March from "
                    "$18.7 billion in February. Merchandise exports contracted 0.7 per cent to $41.68 billion.")
    assert (found["$18.7 billion"].flow, found["$18.7 billion"].period) == ("balance", "2024-02")
    assert found["$41.68 billion"].period == "2024-03"


def test_the_period_after_a_from_figure_is_that_figures_not_the_one_before():
    found = figures("HANOI, March 7, 2024 - Vietnam's exports rose 7.1 percent in January-February from a year "
                    "earlier. The trade surplus widened to $5.2 billion from $3.7 billion a year earlier.")
    assert (found["$5.2 billion"].year, found["$5.2 billion"].period) == (2024, "2024-01/2024-02")
    assert found["$3.7 billion"].year == 2023


def test_a_whole_year_named_after_from_is_the_base():
    found = figures("Chile's annual goods trade surplus was $13.6 billion in the year ended January 2024. Annual "
                    "exports were $71.3 billion, down $1.5 billion (2.1 percent) from the year ended January 2023.")
    assert (found["$71.3 billion"].year, found["$1.5 billion"].base_year) == (2024, 2023)


def test_a_relative_clause_keeps_its_year_to_itself():
    found = figures("Peru's trade surplus with Chile was $6.8 billion in 2022. Peru ran a $6.1 billion goods "
                    "surplus with Chile, which has been falling since its peak of $8.2 billion in 2006. "
                    "Copper accounted for roughly 35% of Peru's goods exports to Chile.")
    assert found["$6.1 billion"].year == 2022
    assert found["$8.2 billion"].year == 2006
    assert found["35%"].year == 2022


def test_a_period_in_a_subordinate_clause_after_the_figure_is_not_its_own():
    found = figures("date 2023-06-02 Exports to Japan in the first five months of the year dropped 12 percent "
                    "on-year as the decline continued for the 8th straight month in May.")
    assert found["12 percent"].period == "2023-01/2023-05"


@pytest.mark.parametrize("opening", ["Since 2018", "Between 2018 and 2023"])
def test_a_base_opening_a_sentence_is_a_base(opening):
    found = figures(f"{opening}, the share of Peru's imports coming from China has risen from 21.6 percent to "
                    "27.9 percent in 2023.")
    assert (found["21.6 percent"].year, found["27.9 percent"].year) == (2018, 2023)


def test_overall_exports_do_not_take_the_group_said_before():
    found = figures("In 2023, Korea's semiconductor exports jumped 56.2 percent. Overall exports rose 4.8 percent "
                    "to $52.4 billion.")
    assert found["4.8 percent"].product_label is None
