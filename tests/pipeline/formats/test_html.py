"""Web pages: the article alone, its structure as lines, the title and date from the page's metadata."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline import formats
from tests.pipeline.formats import samples


@pytest.fixture(scope="module")
def page():
    return formats.read("article.html", samples.html_page().encode())


def test_the_main_text_is_the_article_without_menu_scripts_styles_or_footer(page):
    for furniture in ("Subscribe", "Breadcrumbs", "Related articles", "supertortilla", "All rights reserved",
                      "dataLayer", "font-size", "teaser", "About", "Privacy", *samples.FURNITURE_FIGURES):
        assert furniture not in page.text
    assert "Mexico recorded a 35.2% increase to $102.49 billion." in page.text


def test_paragraphs_headings_and_list_items_are_lines(page):
    lines = page.text.splitlines()
    _, title, body = samples.blocks()
    expected = [text for kind, text in body if kind != "ul"] + [f"- {item}" for kind, items in body if kind == "ul"
                                                                  for item in items]
    assert title in lines
    assert [line for line in expected if line not in lines] == []


def test_title_and_date_come_from_the_metadata_and_the_date_heads_the_text(page):
    assert page.title == samples.blocks()[1]
    assert page.published == dt.date(2025, 4, 1)
    assert page.text.startswith("April 1, 2025\n")
    assert (page.format, page.encoding) == ("html", "utf-8")
    assert page.extracted_by.startswith("trafilatura ")


def test_a_date_stated_in_the_text_is_not_repeated():
    page = formats.read("a.html", b"<html><head><meta name='date' content='2020-05-04'></head><body><article>"
                        b"<p>May 4, 2020</p><p>U.S. exports to Chile were $16.2 billion in 2019.</p></article></body></html>")
    assert page.text.count("May 4, 2020") == 1 and page.published == dt.date(2020, 5, 4)


def test_a_footer_year_is_not_taken_for_the_date():
    page = formats.read("a.htm", b"<html><body><p>U.S. exports to Chile were $16.2 billion in 2013.</p>"
                        b"<footer>(c) 2024</footer></body></html>")
    assert page.published is None and "$16.2 billion" in page.text


def test_a_page_without_main_text_has_no_text():
    with pytest.raises(formats.NoTextError):
        formats.read("a.html", b"<html><head><script>var x = '$5 billion';</script></head><body><img src=x></body></html>")
