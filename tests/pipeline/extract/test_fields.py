"""Field rules through the public API, one rule per test."""
from pipeline.extract import extract_figures


def _one(text, span):
    (figure,) = [f for f in extract_figures(text, "t") if f.text == span]
    return figure


def test_change_in_parentheses_after_a_percent_takes_its_sign_and_base():
    text = "U.S. goods exports to Korea in 2013 were $41.6 billion, down 1.7% ($729 million) from 2012."
    f = _one(text, "$729 million")
    assert (f.measure, f.value, f.base_year, f.year) == ("change", -729e6, 2012, 2013)


def test_context_carries_subject_to_a_bare_sentence():
    text = "U.S. goods exports to Peru in 2018 were $8.7 billion. It was up 9% since 2010."
    f = _one(text, "9%")
    assert (f.partner, f.flow, f.product, f.year, f.base_year) == ("PER", "export", "goods", 2018, 2010)


def test_heading_switches_the_partner():
    text = ("U.S.-Mexico Trade Facts\n\nExports totaled $243 billion in 2012.\n\n"
            "U.S.-Korea Trade Facts\n\nExports totaled $60 billion in 2012.")
    assert [f.partner for f in extract_figures(text, "t")] == ["MEX", "KOR"]


def test_qualifiers():
    text = "Exports to Chile were about $5 billion, imports over $3 billion and FDI under $1 billion in 2019."
    assert [f.qualifier for f in extract_figures(text, "t")] == ["approx", "at_least", "at_most"]


def test_rule_explains_the_fields():
    f = _one("U.S. exports to Mexico totaled $10 billion in 2013.", "$10 billion")
    assert "flow=export<'exports'" in f.rule and "year=2013" in f.rule


def test_teasers_after_page_furniture_are_not_read():
    text = "Exports to Chile rose 5% in 2019.\n\n1 COMMENT\n\nOther story: prices up 10%"
    assert [f.text for f in extract_figures(text, "t")] == ["5%"]


def test_furniture_before_the_article_does_not_end_it():
    text = "Share this\n\nExports to Chile rose 5% in 2019."
    assert [f.text for f in extract_figures(text, "t")] == ["5%"]


def test_signed_balances():
    text = "The U.S. trade balance with Chile was -$2 billion in 2019. The trade gap with Vietnam was $105 billion."
    assert [f.value for f in extract_figures(text, "t")] == [-2e9, -105e9]


def test_a_deficit_carried_by_context_stays_negative():
    text = "The U.S. goods deficit with Chile was $2 billion in 2018. It was $3 billion in 2019."
    assert [f.value for f in extract_figures(text, "t")] == [-2e9, -3e9]
