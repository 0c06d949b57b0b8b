from pipeline.extract.ranks import find_ranks


def _ranks(text):
    return [(text[r.start:r.end], r.value, r.flow) for r in find_ranks(text, 0, len(text))]


def test_ordinals_in_digits_and_words():
    assert _ranks("Mexico is our 3rd largest goods trading partner.") == [("3rd", 3, "total")]
    assert _ranks("the United States’ second-largest export market") == [("second", 2, "export")]
    assert _ranks("the sixth-largest supplier of crude oil") == [("sixth", 6, "import")]
    assert _ranks("China was the top exporter to the United States") == [("top", 1, "import")]
    assert _ranks("Mexico ranked third among U.S. agricultural export markets") == [("third", 3, "export")]
    assert _ranks("Canada is the No. 2 export market") == [("No. 2", 2, "export")]


def test_superlatives_that_are_not_economy_ranks():
    for text in ("The top export categories (2-digit HS) in 2013 were", "the five largest import categories",
                 "The top 5 exporters of high-tech products", "the world’s largest economy",
                 "the top foreign destination for U.S. travelers", "In its second year", "2nd Anniversary"):
        assert _ranks(text) == [], text
