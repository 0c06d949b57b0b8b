""""…, respectively": coordinated items paired in order with the figures after them."""
from pipeline.extract import extract_figures
from pipeline.extract.numbers import find_mentions
from pipeline.extract.respectively import paired_items


def figures(text):
    return {f.text: f for f in extract_figures(text, "d")}


def test_flows_pair_with_their_amounts():
    found = figures("LIMA, Feb 7, 2024 - Peru's exports and imports reached $67.5 billion and $49.2 billion in "
                    "2023, respectively.")
    assert (found["$67.5 billion"].flow, found["$49.2 billion"].flow) == ("export", "import")
    assert found["$67.5 billion"].product_label is found["$49.2 billion"].product_label is None


def test_product_groups_pair_with_their_changes():
    found = figures("In 2019, U.S. imports from Vietnam of both furniture (FU001) and toys (MS012) rose by "
                    "$2.1 billion and $0.4 billion, respectively.")
    assert (found["$2.1 billion"].product_label, found["$0.4 billion"].product_label) == ("furniture", "toys")


def test_partners_pair_with_their_percentages():
    found = figures("In 2022, Chile's exports to Peru and Bolivia rose 5 percent and 3 percent, respectively.")
    assert (found["5 percent"].partner, found["3 percent"].partner) == ("PER", "BOL")


def test_nothing_is_paired_when_the_counts_differ_or_the_word_is_absent():
    text = "Exports and imports reached $5 billion, $4 billion and $1 billion, respectively."
    assert paired_items(text, 0, len(text), find_mentions(text, 0, len(text), "USD", None)) == {}
    text = "Exports and imports reached $5 billion and $4 billion."
    assert paired_items(text, 0, len(text), find_mentions(text, 0, len(text), "USD", None)) == {}
