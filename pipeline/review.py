"""The review pages: every shown document's text with each figure highlighted, for auditing in a browser.

``review.html`` is the index: a summary and at most ``LIMIT`` documents in
review order (documents with rejected rows or a failed read first, then those
changed in the version, then the rest by doc_id), each with its counts and a
link to its own page under ``review/``. A document's page holds at most
``TEXT_PER_DOCUMENT`` characters of its text and ``ROWS_PER_DOCUMENT``
figures and rejected rows each, so every page's size and cost stay bounded at
any scale. A page depends only on its document's rows (``DocumentPage.inputs``),
so a version can share the pages of documents that did not change with its
parent. Each published figure is an element with ``data-figure-id``; each
rejected row with a usable span is an element with ``data-rejected``, styled
differently; rejected rows without a span are listed under their document, and
rejected rows of no document on a page of their own. Hovering shows a summary,
clicking shows the whole record. Every page is self-contained (no external
resources); all document text and values are HTML-escaped, and the records
travel as JSON that cannot close its ``<script>`` element.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TypeVar

import polars as pl


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    attribute: str
    """``data-figure-id`` or ``data-rejected``."""
    key: str
    title: str


Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

LIMIT = 200
"""Documents shown in the index, each with its page."""
TEXT_PER_DOCUMENT = 60_000
"""Characters of a document's text shown (the seeds run to 12,000); figures past the cut are not shown."""
ROWS_PER_DOCUMENT = 300
"""Figures, and rejected rows, shown per document (the seeds give at most 112 figures)."""
INDEX = "review.html"
PAGES = "review"
"""The folder of the document pages, beside the index."""
ORPHANS = f"{PAGES}/rows-without-a-document.html"
"""Rejected rows whose doc_id is no document's (no document page is named without a hash suffix)."""
_NAME_CHARS = 48
_REJECTED_ORDER = ["doc_id", "figure_id", "check", "record"]
"""Rejected rows in one order whatever order they come in: the rows a page shows, and so the page, follow
from its rows alone."""


@dataclass(frozen=True)
class DocumentPage:
    """One page under ``review/``: a document's row (none for the rows of no document) and its rows shown."""
    path: str
    documents: pl.DataFrame
    figures: pl.DataFrame
    rejected: pl.DataFrame

    @property
    def document(self) -> dict | None:
        return self.documents.row(0, named=True) if self.documents.height else None

    def inputs(self) -> list[pl.DataFrame]:
        """Everything the page is made from, besides the code: equal inputs, equal pages."""
        return [self.documents, self.figures, self.rejected]

    def render(self) -> str:
        figure_records = {r["figure_id"]: r for r in self.figures.to_dicts()}
        rejected_rows = [{**row, "record": json.loads(row["record"])} for row in self.rejected.to_dicts()]
        marks = [_Mark(r["char_start"], r["char_end"], "data-figure-id", r["figure_id"], _figure_title(r))
                 for r in figure_records.values()]
        for index, row in enumerate(rejected_rows):
            span = row["record"]
            marks.append(_Mark(_int(span.get("char_start")), _int(span.get("char_end")), "data-rejected", str(index),
                               f"rejected: {row['reason']}"))
        document = self.document
        if document is None:
            title = "Rows without a document"
            section = f'<section class="document"><h2>{title}</h2>{_unplaced(marks)}</section>'
        else:
            title = document["doc_id"]
            section = _section(document, marks)
        return _PAGE.format(heading=html.escape(title), index=f"../{INDEX}", summary=_LEGEND, body=section,
                            records=_script_json({"figures": figure_records, "rejected": rejected_rows}))


@dataclass(frozen=True)
class Review:
    index: str
    """The rendered ``review.html``."""
    pages: list[DocumentPage]
    """The pages it links to that are made now, not rendered yet (a page equal to the parent's is shared)."""
    kept: list[str] = field(default_factory=list)
    """The paths of the pages it links to that are the parent's as they are (``plan_review``'s ``kept``)."""


def plan_review(documents: pl.DataFrame, figures: pl.DataFrame, rejected: pl.DataFrame, heading: str,
                changed: Collection[str] = (), limit: int = LIMIT, total: int | None = None,
                kept: Collection[str] = ()) -> Review:
    """The index of the first ``limit`` documents in review order and their pages; ``changed`` are doc_ids new in
    this version. ``total`` counts the version's documents when ``documents`` holds only those shown (``chosen``).

    ``kept`` are doc_ids whose page is the parent version's as it is (their rows did not change): no page is made
    for them, ``figures`` and ``rejected`` need not hold their rows nor ``documents`` their text, and the index
    counts their rows shown from their ``n_figures`` and ``n_rejected``.
    """
    total = documents.height if total is None else total
    every_id = documents["doc_id"].implode()
    documents = chosen(documents, changed, limit)
    shown = documents["doc_id"].implode()
    is_kept = pl.col("doc_id").is_in(pl.Series(list(kept), dtype=pl.String).implode())
    made = documents.filter(~is_kept)
    in_made = pl.col("doc_id").is_in(made["doc_id"].implode())
    figures = _first_rows(figures.filter(in_made).sort("doc_id", "char_start"))
    rejected = _first_rows(rejected.filter(in_made | ~pl.col("doc_id").is_in(every_id).fill_null(False))
                           .sort(_REJECTED_ORDER, nulls_last=True))
    figures_of = figures.partition_by("doc_id", as_dict=True)
    rejected_of = rejected.filter(in_made).partition_by("doc_id", as_dict=True)
    pages = [DocumentPage(page_path(doc_id), made.slice(n, 1), figures_of.get((doc_id,), figures.clear()),
                          rejected_of.get((doc_id,), rejected.clear()))
             for n, doc_id in enumerate(made["doc_id"])]
    entries = [_entry(page_path(row["doc_id"]), row)
               for row in documents.drop("text", strict=False).iter_rows(named=True)]
    orphans = rejected.filter(~pl.col("doc_id").is_in(shown).fill_null(False))
    if not orphans.is_empty():
        pages.append(DocumentPage(ORPHANS, documents.clear(), figures.clear(), orphans))
        entries.append(_entry(ORPHANS, None, orphans.height))
    capped = documents.filter(is_kept).select(
        pl.col("n_figures", "n_rejected").clip(upper_bound=ROWS_PER_DOCUMENT).sum())
    return Review(_INDEX.format(
        heading=html.escape(heading),
        summary=html.escape(_summary(total, documents.height, figures.height + (capped["n_figures"].item() or 0),
                                     rejected.height + (capped["n_rejected"].item() or 0))),
        entries="".join(entries)), pages, sorted(page_path(doc_id) for doc_id in documents.filter(is_kept)["doc_id"]))


def page_path(doc_id: str) -> str:
    """The page of ``doc_id``, a safe file name for any doc_id: its letters, digits, ``-`` and ``_`` (others as
    ``_``, at most ``_NAME_CHARS`` of them) and a hash of the whole id, so ids differing only in case, in the
    characters replaced or past the cut never share a file, on any file system."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", doc_id)[:_NAME_CHARS]
    return f"{PAGES}/{stem}-{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}.html"


def _entry(path: str, doc: dict | None, rejected: int = 0) -> str:
    """The index row of a document's page; of the page of rows without a document (``doc`` None) and its
    ``rejected`` rows."""
    href = html.escape(path, quote=True)
    if doc is None:
        return (f'<tr><td><a href="{href}">Rows without a document</a></td><td></td><td></td><td>0</td>'
                f'<td>{rejected}</td><td></td></tr>')
    return (f'<tr><td><a href="{href}">{html.escape(doc["doc_id"])}</a></td><td>{html.escape(doc["title"] or "")}</td>'
            f'<td>{html.escape(doc["status"])}</td><td>{doc["n_figures"]}</td><td>{doc["n_rejected"]}</td>'
            f'<td>{html.escape(doc["reason"] or "")}</td></tr>')


def _first_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.int_range(pl.len()).over("doc_id") < ROWS_PER_DOCUMENT)


def chosen(documents: Frame, changed: Collection[str], limit: int = LIMIT) -> Frame:
    """The ``limit`` documents shown, in review order: those needing review, then those ``changed``, then the
    rest, each by doc_id. Of a lazy frame, polars keeps only the top rows while it reads."""
    needs_review = (pl.col("status") != "ok") | (pl.col("n_rejected") > 0)
    return documents.sort(~needs_review, ~pl.col("doc_id").is_in(list(changed)), "doc_id").head(limit)


def _summary(total: int, shown: int, figures: int, rejected: int) -> str:
    if shown == total:
        return f"{total} documents, {figures} figures, {rejected} rejected rows"
    return (f"{shown} of {total} documents (those with rejected rows or changed in this version first), "
            f"{figures} figures, {rejected} rejected rows")


def _section(doc: dict, marks: list[_Mark]) -> str:
    """A document's text with its marks; marks whose span does not fit the text are listed above it."""
    text = doc["text"] or ""
    unplaced = [m for m in marks if not 0 <= m.start < m.end <= len(text)]
    shown = text[:TEXT_PER_DOCUMENT]
    marks = [m for m in marks if 0 <= m.start < m.end <= len(shown)]
    doc_id = html.escape(doc["doc_id"], quote=True)
    read_as = doc.get("format") or "not read"
    if doc.get("extracted_by"):
        read_as += f" by {doc['extracted_by']}"
    meta = f"{doc.get('file_name')} ({read_as}) · {doc['status']} · {doc['n_figures']} figures · {doc['n_rejected']} rejected"
    if doc["reason"]:
        meta += f" · {doc['reason']}"
    if max(doc["n_figures"], doc["n_rejected"]) > ROWS_PER_DOCUMENT:
        meta += f" · the first {ROWS_PER_DOCUMENT} figures and rejected rows shown"
    if len(text) > len(shown):
        meta += f" · the first {TEXT_PER_DOCUMENT:,} of {len(text):,} characters shown"
    title = f" — {html.escape(doc['title'])}" if doc["title"] else ""
    return (f'<section class="document" id="doc-{doc_id}"><h2>{html.escape(doc["doc_id"])}{title}</h2>'
            f'<p class="meta">{html.escape(meta)}</p>{_unplaced(unplaced)}'
            f'<pre class="text">{_highlight(shown, marks)}</pre></section>')


def _highlight(text: str, marks: list[_Mark]) -> str:
    """The escaped text with each mark wrapped around its span.

    Marks nest when one span lies inside another; a span that crosses an open
    one cannot nest in HTML, so it is shown as an empty marker at its start
    instead (its symbol comes from CSS, so the text itself is unchanged).
    """
    out, pos, open_ends = [], 0, []

    def advance(to: int) -> None:
        nonlocal pos
        out.append(html.escape(text[pos:to]))
        pos = to

    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.attribute)):
        while open_ends and open_ends[-1] <= mark.start:
            advance(open_ends.pop())
            out.append("</mark>")
        advance(mark.start)
        if open_ends and mark.end > open_ends[-1]:
            out.append(_open(mark, "crossing") + "</mark>")
            continue
        out.append(_open(mark))
        open_ends.append(mark.end)
    while open_ends:
        advance(open_ends.pop())
        out.append("</mark>")
    advance(len(text))
    return "".join(out)


def _unplaced(marks: list[_Mark]) -> str:
    if not marks:
        return ""
    items = "".join(f"<li>{_open(m)}{html.escape(m.title)}</mark></li>" for m in marks)
    return f'<ul class="unplaced">{items}</ul>'


def _open(mark: _Mark, extra_class: str = "") -> str:
    classes = " ".join(filter(None, ["figure" if mark.attribute == "data-figure-id" else "rejected", extra_class]))
    return (f'<mark class="{classes}" {mark.attribute}="{html.escape(mark.key, quote=True)}" tabindex="0" '
            f'title="{html.escape(mark.title, quote=True)}">')


def _int(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _figure_title(record: dict) -> str:
    parts = [f"{record['value']:,.15g} {record['unit']}", record["measure"],
             f"{record['reporter']}→{record['partner'] or 'region without a code'} {record['flow']}", record["product"]]
    if record["product_label"]:
        parts.append(record["product_label"])
    if record["year"] is not None:
        parts.append(str(record["year"]) if record["base_year"] is None else f"{record['base_year']}–{record['year']}")
    if record.get("period"):
        parts.append(f"period {record['period']}")
    return " · ".join(parts)


def _script_json(value) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` survives unescaped."""
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_LEGEND = ('<mark class="figure">Published figures</mark> and <mark class="rejected">rejected rows</mark> are '
           'highlighted; hover for a summary, click for the whole record.')

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{heading}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 28rem; }}
main {{ padding: 1rem 2rem; min-width: 0; }}
aside {{ position: sticky; top: 0; height: 100vh; overflow: auto; padding: 1rem; background: #f6f6f2; border-left: 1px solid #ccc; }}
pre.text {{ white-space: pre-wrap; font: 0.95rem/1.5 ui-monospace, monospace; }}
mark {{ cursor: pointer; border-radius: 2px; }}
mark.figure {{ background: #ffe680; }}
mark.rejected {{ background: #ffd0d0; text-decoration: underline wavy #c00; }}
mark.crossing::before {{ content: "◆"; font-size: 0.7em; vertical-align: super; }}
mark:hover, mark:focus {{ outline: 2px solid #333; }}
mark.selected {{ outline: 3px solid #06c; }}
.meta {{ color: #555; }} ul.unplaced {{ font-size: 0.9rem; }}
#record {{ white-space: pre-wrap; overflow-wrap: anywhere; font: 0.85rem ui-monospace, monospace; }}
</style></head>
<body><main>
<p><a href="{index}">All documents</a></p>
<h1>{heading}</h1>
<p>{summary}</p>
{body}
</main>
<aside><h2>Record</h2><pre id="record">Click a highlighted figure.</pre></aside>
<script type="application/json" id="records">{records}</script>
<script>
const records = JSON.parse(document.getElementById("records").textContent);
const panel = document.getElementById("record");
function show(mark) {{
  document.querySelectorAll("mark.selected").forEach(m => m.classList.remove("selected"));
  mark.classList.add("selected");
  const record = mark.dataset.figureId !== undefined ? records.figures[mark.dataset.figureId]
                                                     : records.rejected[Number(mark.dataset.rejected)];
  panel.textContent = JSON.stringify(record, null, 2);
}}
document.addEventListener("click", e => {{
  const mark = e.target.closest("[data-figure-id], [data-rejected]");
  if (mark) show(mark);
}});
document.addEventListener("keydown", e => {{
  if (e.key === "Enter" && e.target.matches("[data-figure-id], [data-rejected]")) show(e.target);
}});
</script>
</body></html>
"""


_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{heading}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1rem 2rem; }}
table {{ border-collapse: collapse; }} th, td {{ text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; }}
</style></head>
<body>
<h1>{heading}</h1>
<p>{summary}. Each document's page shows its text with its published figures and rejected rows highlighted.</p>
<table><thead><tr><th>document</th><th>title</th><th>status</th><th>figures</th><th>rejected</th><th>reason</th></tr></thead>
<tbody>{entries}</tbody></table>
</body></html>
"""
