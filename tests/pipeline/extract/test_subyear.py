import pytest

from pipeline.extract.subyear import RULES, find_parts, period_string


@pytest.mark.parametrize("rule,phrase,part,year",
                         [(r.name, p, part, year) for r in RULES for p, part, year in r.examples])
def test_every_rule_reads_its_examples(rule, phrase, part, year):
    found = find_parts(phrase, 0, len(phrase))
    assert [(t.rule, t.part.part, t.part.year) for t in found] == [(rule, part, year)]


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES)


@pytest.mark.parametrize("text", [
    "In fiscal 2017, which ended in March, exports rose",  # the end of a fiscal year is not its period
    "Officials may meet again.",                           # "may" is a verb
    "the march of trade talks",                            # a noun, not a month
    "a deal signed on March 15, 2012",                     # a dated day is an event
])
def test_no_month_where_none_is_meant(text):
    assert [t.rule for t in find_parts(text, 0, len(text))] in ([], ["fiscal_year"])


@pytest.mark.parametrize("part,year,expected", [
    ("FY", 2017, "FY"), ("Q4", 2016, "2016-Q4"), ("H1", 2013, "2013-H1"), ("03", 2018, "2018-03"),
    ("01/11", 2018, "2018-01/2018-11"), ("12/11", 2018, "2017-12/2018-11"),
])
def test_period_strings_follow_the_contract(part, year, expected):
    assert period_string(part, year) == expected

