"""Web pages (``.html``, ``.htm``): the main text, title and publication date, by trafilatura.

Chosen after trying trafilatura 2.3 and readability-lxml 0.9 on a news page
with a menu, breadcrumbs, a ``<script>`` and a ``<style>`` holding figures,
a related-stories box and a footer: both kept only the article, but
readability returns HTML whose list items run together once flattened
(``…$112.37 billion.Mexico recorded…``) and has no date, while trafilatura
gives text with one paragraph, heading or ``- `` list item per line, and the
page's title and date from its metadata (``<meta>``, ``<time>``, JSON-LD, via
htmldate). Only dates in the markup are taken: the extensive search would
read a footer's "© 2024" as the publication date.

The extractor finds a document's date in its text ("last year"), as the
seeds, scraped pages, carry it on a line of its own; a page's date usually
sits in its metadata or byline, which are not main text. So when the main
text states no date of its own, the date from the metadata heads the text on
its own line.
"""
from __future__ import annotations

import datetime as dt

import trafilatura

from pipeline.decoding import decode_bytes
from pipeline.extract import document_date
from pipeline.formats.base import Extracted, NoTextError, library

_DATES = {"extensive_search": False, "original_date": True}


def read(data: bytes) -> Extracted:
    decoded = decode_bytes(data)
    page = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False,
                                       include_tables=True, date_extraction_params=_DATES)
    text = (page.text or "").strip() if page is not None else ""
    if not text:
        raise NoTextError("the page has no main text")
    published = _date(page.date)
    if published and document_date(text) is None:
        text = f"{published:%B} {published.day}, {published.year}\n{text}"
    return Extracted(text + "\n", "html", library("trafilatura"), decoded.encoding, page.title or None, published)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
