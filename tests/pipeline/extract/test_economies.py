import re

from pipeline.extract.economies import _NAME_RE, find_economies, resolve


def test_names_short_forms_and_demonyms():
    for name, iso3 in [("Mexican", "MEX"), ("Korea", "KOR"), ("the Republic of Korea", "KOR"),
                       ("South Korea", "KOR"), ("Taiwan", "TWN"), ("the EU", "EUU"), ("U.S.", "USA"),
                       ("United States", "USA"), ("America", "USA"), ("Chinese", "CHN"), ("German", "DEU"),
                       ("Vietnam", "VNM"), ("UK", "GBR"), ("Britain", "GBR"), ("Chile", "CHL"),
                       ("Brazil", "BRA"), ("Côte d'Ivoire", "CIV"), ("Viet Nam", "VNM")]:
        assert resolve(name) == iso3, name


def test_mentions_with_possessives_and_blocked_phrases():
    text = "Korea’s imports from Japan; the United States’ partner; North American trade; Latin America; US$5"
    found = [(text[e.start:e.end], e.iso3, e.possessive) for e in find_economies(text)]
    assert found == [("Korea", "KOR", True), ("Japan", "JPN", False), ("United States", "USA", True),
                     ("Latin America", "region", False)]


def test_us_as_adjective_is_possessive():
    text = "U.S. exports to the U.S. and us"
    assert [(e.start, e.possessive) for e in find_economies(text)] == [(0, True), (20, False)]


def test_first_letter_class_changes_no_match():
    head = _NAME_RE.pattern[:_NAME_RE.pattern.index("]") + 2]
    assert head.startswith("(?=[")
    plain = re.compile(_NAME_RE.pattern[len(head):])
    text = ("Åland, the United States’ partner; Korea’s imports from Japan; São Tomé and Príncipe; "
            "USA, U.S.-Mexico, EU's, Côte d'Ivoire, XKorea, .Chile, the Republic of Korea.")
    assert [m.regs for m in _NAME_RE.finditer(text)] == [m.regs for m in plain.finditer(text)]
