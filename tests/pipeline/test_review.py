"""The review pages: each figure highlighted in its escaped document text, its record one click away.

The browser test drives Debian's Chromium through Playwright (its own browser
download is not used) and saves a screenshot under tests/artifacts/.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

from pipeline.dataset import Lineage, publish_version, verify_version
from pipeline.review import INDEX, LIMIT, ORPHANS, ROWS_PER_DOCUMENT, TEXT_PER_DOCUMENT, Review, page_path, plan_review
from tests.pipeline.dataset.sample import BRIEF, REPO, base_records, build, document, figure

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "tests" / "artifacts"


class _Marks(HTMLParser):
    """The text inside each mark, by its data attribute; every resource the page loads; the links it has."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str] | None] = []
        self.text: dict[tuple[str, str], str] = {}
        self.resources: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        else:
            self.resources += [attrs[a] for a in ("src", "href") if a in attrs]
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


def _parsed(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


def _review(tables, **options) -> Review:
    return plan_review(tables.documents, tables.figures, tables.rejected, "review <test>", **options)


def _pages(review: Review) -> dict[str, str]:
    """Each document page, rendered, by its doc_id (``None`` for the rows of no document)."""
    return {page.document["doc_id"] if page.document else None: page.render() for page in review.pages}


def _figure_marks(review: Review) -> dict[str, str]:
    return {key: text for page in _pages(review).values()
            for (attribute, key), text in _parsed(page).text.items() if attribute == "data-figure-id"}


def test_every_figure_is_marked_around_exactly_its_text():
    tables = build(*base_records())
    review = _review(tables)
    assert _figure_marks(review) == dict(tables.figures.select("figure_id", "text").iter_rows())
    pages = {doc_id: _parsed(page) for doc_id, page in _pages(review).items()}
    assert pages["000_seed"].text[("data-rejected", "0")] == "$54 billion"  # a rejected row with a span
    assert "Values are finite numbers" in pages["001_brief"].text[("data-rejected", "0")]  # and one without
    assert all(page.resources == [] and page.links == [f"../{INDEX}"] for page in pages.values())
    index = _parsed(review.index)
    assert index.resources == [] and index.links == [page_path(d) for d in ("000_seed", "001_brief", "002_empty")]


def test_a_page_follows_from_its_rows_not_from_their_order():
    documents, figures, rejected = base_records()
    more = [{**rejected[0], "check": f"check_{n}", "record": json.dumps({"char_start": n, "char_end": n + 1})}
            for n in range(ROWS_PER_DOCUMENT + 5)]
    tables = build(documents, figures, [*rejected, *more])
    shuffled = build(documents, figures[::-1], [*more[::-1], *rejected[::-1]])
    assert _pages(_review(tables)) == _pages(_review(shuffled))


def test_document_text_and_records_are_escaped():
    page = _pages(_review(build(*base_records())))["001_brief"]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    records = page.split('<script type="application/json" id="records">')[1].split("</script>")[0]
    assert "<" not in records
    assert json.loads(records)["rejected"][0]["reason"] == "Values are finite numbers <b>"


def test_each_document_says_which_file_it_is_and_how_its_text_was_read():
    documents, figures, rejected = base_records()
    documents[1] = {**documents[1], "file_name": "reports/brief.pdf", "format": "pdf", "extracted_by": "pypdfium2 5.15.2"}
    pages = _pages(_review(build(documents, figures, rejected)))
    assert "reports/brief.pdf (pdf by pypdfium2 5.15.2) · ok · 3 figures" in pages["001_brief"]
    assert "000_seed.txt (txt) · ok" in pages["000_seed"]


def test_nested_and_crossing_spans_each_get_one_element():
    doc = document("d", "Trade of $1.5 billion rose.")
    outer = figure(doc, "$1.5 billion", 1.5e9, "USD", "level", "total", 2013)
    inner = figure(doc, "1.5", 1.5e9, "USD", "level", "total", 2014)
    crossing = figure(doc, "billion rose", 1.5e9, "USD", "level", "total", 2015)
    marked = _figure_marks(_review(build([doc], [outer, inner, crossing], [])))
    assert marked[outer["figure_id"]] == "$1.5 billion" and marked[inner["figure_id"]] == "1.5"
    assert crossing["figure_id"] in marked


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install -y chromium")
def test_the_pages_in_a_browser(tmp_path):
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
            page.goto((result.path / INDEX).as_uri())
            assert page.locator("tbody a").all_inner_texts() == ["000_seed", "001_brief", "002_empty"]
            page.screenshot(path=str(ARTIFACTS / "review_index.png"), full_page=True)
            page.get_by_role("link", name="001_brief").click()
            page.wait_for_url((result.path / page_path("001_brief")).as_uri())
            brief = tables.figures.filter(pl.col("doc_id") == "001_brief")
            assert page.locator("[data-figure-id]").count() == brief.height
            assert page.locator("[data-rejected]").count() == 1
            mark = page.locator(f'[data-figure-id="{chosen["figure_id"]}"]')
            assert mark.inner_text() == "$243.0 billion"
            assert mark.get_attribute("title").startswith("243,000,000,000 USD · level · USA→MEX export")
            mark.click()
            shown = json.loads(page.locator("#record").inner_text())
            assert (shown["figure_id"], shown["value"], shown["flow"]) == (chosen["figure_id"], 243e9, "export")
            page.locator('[data-rejected="0"]').click()
            assert json.loads(page.locator("#record").inner_text())["check"] == "value_is_finite"
            assert BRIEF.splitlines()[0] in page.locator("#doc-001_brief pre").inner_text()
            mark.click()
            page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)
            page.get_by_role("link", name="All documents").click()
            page.get_by_role("link", name="000_seed").click()
            page.wait_for_url((result.path / page_path("000_seed")).as_uri())
            page.locator('[data-rejected="0"]').click()
            assert json.loads(page.locator("#record").inner_text())["check"] == "partner:isin"
        finally:
            browser.close()
    assert dialogs == []  # the <script> in the document text stayed text
    assert set(requests) == {(result.path / p).as_uri() for p in (INDEX, page_path("001_brief"), page_path("000_seed"))}


def test_a_capped_index_shows_documents_needing_review_first_then_changed_ones():
    documents, figures, rejected = base_records()
    calm = [document(f"00{n}_calm", "Nothing to see.") for n in (3, 4)]
    tables = build([*documents, *calm], figures, rejected)
    ids = sorted(tables.documents["doc_id"])
    flagged = tables.documents.filter((pl.col("status") != "ok") | (pl.col("n_rejected") > 0))["doc_id"].to_list()
    review = _review(tables, changed=["004_calm"], limit=len(flagged) + 1)
    shown = [*sorted(flagged), "004_calm"]
    assert _parsed(review.index).links == [page_path(d) for d in shown]
    assert [page.document["doc_id"] for page in review.pages] == shown
    assert f"{len(flagged) + 1} of {len(ids)} documents" in review.index
    assert set(_figure_marks(review)) == set(tables.figures.filter(pl.col("doc_id").is_in(shown))["figure_id"])


def test_the_index_and_the_pages_stay_bounded():
    doc = document("huge", "Trade was $1 billion. " * (TEXT_PER_DOCUMENT // 10))
    figures = [figure(doc, "$1 billion", 1e9, "USD", "level", "total", 2013, nth=n)
               for n in range(ROWS_PER_DOCUMENT + 50)]
    rejected = [{"figure_id": None, "doc_id": "huge", "check": "value_is_finite", "reason": "Values are finite numbers",
                 "record": json.dumps({"value": "NaN"})}] * (ROWS_PER_DOCUMENT + 50)
    many = [document(f"d{n:04d}", "Nothing to see.") for n in range(LIMIT + 50)]
    tables = build([doc, *many], figures, rejected)
    review = _review(tables)
    page = _pages(review)["huge"]
    parser = _parsed(page)
    assert sum(attr == "data-figure-id" for attr, _ in parser.text) == ROWS_PER_DOCUMENT
    assert sum(attr == "data-rejected" for attr, _ in parser.text) == ROWS_PER_DOCUMENT
    assert f"the first {ROWS_PER_DOCUMENT} figures and rejected rows shown" in page
    assert f"the first {TEXT_PER_DOCUMENT:,} of {len(doc['text']):,} characters shown" in page
    assert len(page) < 2 * TEXT_PER_DOCUMENT + 2_000 * ROWS_PER_DOCUMENT
    assert len(review.pages) == LIMIT and len(review.index) < 300 * LIMIT


def test_rejected_rows_of_no_document_get_a_page_of_their_own():
    documents, figures, rejected = base_records()
    stray = {"figure_id": None, "doc_id": "gone", "check": "value_is_finite", "reason": "Values are finite <i>",
             "record": json.dumps({"value": "NaN", "char_start": 0, "char_end": 3})}
    review = _review(build(documents, figures, [*rejected, stray]))
    assert _parsed(review.index).links[-1] == ORPHANS
    orphans = _parsed(_pages(review)[None])
    assert orphans.text == {("data-rejected", "0"): "rejected: Values are finite <i>"}


@pytest.mark.parametrize("doc_id", ["..", "../../etc/passwd", "news/2025/page", "Ünïcödé 報告", "x" * 300, "CON", ".hidden"])
def test_any_doc_id_gets_a_safe_page_name(doc_id):
    path = page_path(doc_id)
    assert re.fullmatch(r"review/[A-Za-z0-9_-]{1,48}-[0-9a-f]{16}\.html", path), path
    assert page_path(doc_id.upper()) != path or doc_id.upper() == doc_id


def test_pages_of_unusual_doc_ids_are_published_and_verified(tmp_path):
    ids = ["Report", "report", "news/2025/page", "..", "Ünïcödé 報告", "y" * 300]
    result = publish_version(tmp_path, build([document(d, f"Text of {d}.") for d in ids], [], []),
                             Lineage("code", "extractor"))
    assert verify_version(tmp_path).ok
    pages = sorted(p.relative_to(result.path).as_posix() for p in (result.path / "review").iterdir())
    assert pages == sorted(page_path(d) for d in ids)
