"""Markdown: its text without markup, headings and list items as lines, wrapped paragraphs joined."""
from __future__ import annotations

from pipeline import formats
from tests.pipeline.formats import samples


def text(source: str) -> str:
    return formats.read("a.md", source.encode()).text


def test_emphasis_and_escapes_no_longer_split_a_figure():
    assert text("Exports hit **$172 billion** and *3.5%*, not \\$0.\n") == "Exports hit $172 billion and 3.5%, not $0.\n"


def test_headings_list_items_and_table_rows_are_lines_and_wrapped_paragraphs_one_line():
    source = ("# Trade in 2024\n\nExports to Mexico\nreached [$334 billion](https://example.org).\n\n"
              "- imports: **$505.9 billion**\n- balance: `-$171.8 billion`\n\n1. first\n2. second\n\n"
              "| year | exports |\n|---|---|\n| 2023 | $322.7 billion |\n\n<div>raw html</div>\n")
    assert text(source).splitlines() == [
        "Trade in 2024", "", "Exports to Mexico reached $334 billion.", "",
        "• imports: $505.9 billion", "• balance: -$171.8 billion", "", "1. first", "2. second", "",
        "year | exports", "2023 | $322.7 billion"]


def test_the_article_reads_as_its_text():
    article = formats.read("a.md", samples.markdown().encode())
    assert (article.format, article.encoding) == ("md", "utf-8")
    assert article.extracted_by.startswith("markdown-it-py ")
    assert "**" not in article.text
    date, title, body = samples.blocks()
    lines = article.text.splitlines()
    assert [date, title] == [lines[0], lines[2]]
    assert [text for kind, text in body if kind != "ul" and text not in lines] == []
