"""review.html: each figure highlighted in its escaped document text, its record one click away.

The browser test drives Debian's Chromium through Playwright (its own browser
download is not used) and saves a screenshot under tests/artifacts/.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

from pipeline.dataset import Lineage, publish_version
from pipeline.review import ROWS_PER_DOCUMENT, TEXT_PER_DOCUMENT, render_review
from tests.pipeline.dataset.sample import BRIEF, REPO, base_records, build, document, figure

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "tests" / "artifacts"


class _Marks(HTMLParser):
    """The text inside each mark, by its data attribute, and every src/href the page loads."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str] | None] = []
        self.text: dict[tuple[str, str], str] = {}
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.resources += [attrs[a] for a in ("src", "href") if a in attrs and not attrs[a].startswith("#")]
        if tag == "mark":
            key = next(((a, attrs[a]) for a in ("data-figure-id", "data-rejected") if a in attrs), None)
            self.open.append(key)
            if key:
                self.text[key] = ""

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for key in filter(None, self.open):
            self.text[key] += data


def _page(tables) -> str:
    return render_review(tables.documents, tables.figures, tables.rejected, "review <test>")


def test_every_figure_is_marked_around_exactly_its_text():
    tables = build(*base_records())
    parser = _Marks()
    parser.feed(_page(tables))
    marked = {fid: text for (attr, fid), text in parser.text.items() if attr == "data-figure-id"}
    assert marked == dict(tables.figures.select("figure_id", "text").iter_rows())
    assert parser.text[("data-rejected", "0")] == "$54 billion"  # a rejected row with a span
    assert "Values are finite numbers" in parser.text[("data-rejected", "1")]  # and one without
    assert parser.resources == []


def test_document_text_and_records_are_escaped():
    page = _page(build(*base_records()))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    records = page.split('<script type="application/json" id="records">')[1].split("</script>")[0]
    assert "<" not in records
    assert json.loads(records)["rejected"][1]["reason"] == "Values are finite numbers <b>"


def test_each_document_says_which_file_it_is_and_how_its_text_was_read():
    documents, figures, rejected = base_records()
    documents[1] = {**documents[1], "file_name": "reports/brief.pdf", "format": "pdf", "extracted_by": "pypdfium2 5.15.2"}
    page = _page(build(documents, figures, rejected))
    assert "reports/brief.pdf (pdf by pypdfium2 5.15.2) · ok · 3 figures" in page
    assert "000_seed.txt (txt) · ok" in page


def test_nested_and_crossing_spans_each_get_one_element():
    doc = document("d", "Trade of $1.5 billion rose.")
    outer = figure(doc, "$1.5 billion", 1.5e9, "USD", "level", "total", 2013)
    inner = figure(doc, "1.5", 1.5e9, "USD", "level", "total", 2014)
    crossing = figure(doc, "billion rose", 1.5e9, "USD", "level", "total", 2015)
    parser = _Marks()
    parser.feed(_page(build([doc], [outer, inner, crossing], [])))
    marked = {fid: text for (_, fid), text in parser.text.items()}
    assert marked[outer["figure_id"]] == "$1.5 billion" and marked[inner["figure_id"]] == "1.5"
    assert crossing["figure_id"] in marked


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install -y chromium")
def test_the_page_in_a_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    tables = build(*base_records())
    result = publish_version(tmp_path, tables, Lineage("code", "extractor"))
    chosen = tables.figures.filter(pl.col("text") == "$243.0 billion").row(0, named=True)
    dialogs = []
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            requests = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto((result.path / "review.html").as_uri())
            assert page.locator("[data-figure-id]").count() == tables.figures.height
            assert page.locator("[data-rejected]").count() == tables.rejected.height
            mark = page.locator(f'[data-figure-id="{chosen["figure_id"]}"]')
            assert mark.inner_text() == "$243.0 billion"
            assert mark.get_attribute("title").startswith("243,000,000,000 USD · level · USA→MEX export")
            mark.click()
            shown = json.loads(page.locator("#record").inner_text())
            assert (shown["figure_id"], shown["value"], shown["flow"]) == (chosen["figure_id"], 243e9, "export")
            page.locator('[data-rejected="0"]').click()
            assert json.loads(page.locator("#record").inner_text())["check"] == "partner:isin"
            assert BRIEF.splitlines()[0] in page.locator("#doc-001_brief pre").inner_text()
            mark.click()
            page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == []  # the <script> in the document text stayed text
    assert requests == [(result.path / "review.html").as_uri()]


def test_a_capped_page_shows_documents_needing_review_first_then_changed_ones():
    documents, figures, rejected = base_records()
    calm = [document(f"00{n}_calm", "Nothing to see.") for n in (3, 4)]
    tables = build([*documents, *calm], figures, rejected)
    ids = sorted(tables.documents["doc_id"])
    flagged = tables.documents.filter((pl.col("status") != "ok") | (pl.col("n_rejected") > 0))["doc_id"].to_list()
    page = render_review(tables.documents, tables.figures, tables.rejected, "capped", changed=["004_calm"],
                         limit=len(flagged) + 1)
    shown = [section.split('"')[0] for section in page.split('<section class="document" id="doc-')[1:]]
    assert shown == sorted([*flagged, "004_calm"])
    assert f"{len(flagged) + 1} of {len(ids)} documents" in page
    parser = _Marks()
    parser.feed(page)
    marked = {fid for attr, fid in parser.text if attr == "data-figure-id"}
    assert marked == set(tables.figures.filter(pl.col("doc_id").is_in(shown))["figure_id"])


def test_a_huge_document_shows_bounded_text_and_rows():
    doc = document("huge", "Trade was $1 billion. " * (TEXT_PER_DOCUMENT // 10))
    figures = [figure(doc, "$1 billion", 1e9, "USD", "level", "total", 2013, nth=n)
               for n in range(ROWS_PER_DOCUMENT + 50)]
    rejected = [{"figure_id": None, "doc_id": "huge", "check": "value_is_finite", "reason": "Values are finite numbers",
                 "record": json.dumps({"value": "NaN"})}] * (ROWS_PER_DOCUMENT + 50)
    tables = build([doc], figures, rejected)
    page = render_review(tables.documents, tables.figures, tables.rejected, "bounded")
    parser = _Marks()
    parser.feed(page)
    assert sum(attr == "data-figure-id" for attr, _ in parser.text) == ROWS_PER_DOCUMENT
    assert sum(attr == "data-rejected" for attr, _ in parser.text) == ROWS_PER_DOCUMENT
    assert f"the first {ROWS_PER_DOCUMENT} figures and rejected rows shown" in page
    assert f"the first {TEXT_PER_DOCUMENT:,} of {len(doc['text']):,} characters shown" in page
    assert len(page) < 2 * TEXT_PER_DOCUMENT + 2_000 * ROWS_PER_DOCUMENT
