import random
import re

from pipeline.extract.sentences import (
    _CLAUSE_PUNCT, _CLAUSE_WHILE, _clause_breaks, clauses, lines, parenthesized, sentences,
)


def test_lines_headings_and_end_of_article():
    text = "Trade Facts\n\nExports rose 5%. Imports fell.\n• Bullet point here.\n1 COMMENT\nTeaser 18% here."
    found = lines(text)
    assert [(text[l.start:l.end], l.heading, l.bullet, l.furniture) for l in found] == [
        ("Trade Facts", True, False, False), ("Exports rose 5%. Imports fell.", False, False, False),
        ("• Bullet point here.", False, True, False), ("1 COMMENT", False, False, True),
        ("Teaser 18% here.", False, False, False)]


def test_sentences_keep_abbreviations():
    text = "U.S. exports to the U.S. Virgin Islands rose. Imports (i.e., goods) fell."
    (line,) = lines(text)
    assert [text[s.start:s.end] for s in sentences(text, line)] == [
        "U.S. exports to the U.S. Virgin Islands rose.", "Imports (i.e., goods) fell."]


def test_clauses_split_on_conjunctions_not_inside_parentheses():
    text = "Exports totaled $243 billion; Imports (cars, and parts) rose, and up 5% from 2012, while X fell"
    (line,) = lines(text)
    (sentence,) = sentences(text, line)
    assert [text[c.start:c.end] for c in clauses(text, sentence)] == [
        "Exports totaled $243 billion", "Imports (cars, and parts) rose", "and up 5% from 2012", "while X fell"]


def test_asides():
    text = "Mexico (after Canada) — a big partner — grew"
    assert [text[s.start:s.end] for s in parenthesized(text, 0, len(text))] == ["(after Canada)", " — a big partner —"]


def test_clause_breaks_are_what_one_regex_finds():
    one = re.compile(_CLAUSE_PUNCT.pattern + "|" + _CLAUSE_WHILE.pattern)
    rng = random.Random(2)
    pieces = [";", ",", " ", "  ", "and", "while", "whereas", "which", "making", "x", "(", ")", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        assert [m.span() for m in _clause_breaks(text, start, len(text))] == \
            [m.span() for m in one.finditer(text, start, len(text))], text
