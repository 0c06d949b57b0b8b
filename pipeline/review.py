"""``review.html``: every document's text with each figure highlighted, for auditing in a browser.

One self-contained page (no external resources) of at most ``LIMIT``
documents, each with at most ``TEXT_PER_DOCUMENT`` characters of its text
and ``ROWS_PER_DOCUMENT`` figures and rejected rows each, so its cost and
size stay bounded at any scale and for any document: documents with
rejected rows or a failed read come first, then those changed in the
version, then the rest by doc_id. Each published figure is an
element with ``data-figure-id``; each rejected row with a usable span is an
element with ``data-rejected``, styled differently; rejected rows without a
span are listed under their document. Hovering shows a summary, clicking
shows the whole record. All document text and values are HTML-escaped, and
the records travel as JSON that cannot close its ``<script>`` element.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    attribute: str
    """``data-figure-id`` or ``data-rejected``."""
    key: str
    title: str


LIMIT = 200
"""Documents shown on the page."""
TEXT_PER_DOCUMENT = 60_000
"""Characters of a document's text shown (the seeds run to 12,000); figures past the cut are not shown."""
ROWS_PER_DOCUMENT = 300
"""Figures, and rejected rows, shown per document (the seeds give at most 112 figures)."""


def render_review(documents: pl.DataFrame, figures: pl.DataFrame, rejected: pl.DataFrame, heading: str,
                  changed: Collection[str] = (), limit: int = LIMIT, total: int | None = None) -> str:
    """The page for the first ``limit`` documents in review order; ``changed`` are doc_ids new in this version.

    ``total`` counts the version's documents when ``documents`` holds only those shown (``chosen``).
    """
    total = documents.height if total is None else total
    every_id = documents["doc_id"].implode()
    documents = chosen(documents, changed, limit)
    shown = documents["doc_id"].implode()
    figures = _first_rows(figures.filter(pl.col("doc_id").is_in(shown)).sort("doc_id", "char_start"))
    rejected = _first_rows(rejected.filter(pl.col("doc_id").is_in(shown) | ~pl.col("doc_id").is_in(every_id)
                                           .fill_null(False)))
    figure_records = {r["figure_id"]: r for r in figures.to_dicts()}
    rejected_rows = [{**row, "record": json.loads(row["record"])} for row in rejected.to_dicts()]
    marks: dict[str | None, list[_Mark]] = defaultdict(list)
    for record in figure_records.values():
        marks[record["doc_id"]].append(_Mark(record["char_start"], record["char_end"], "data-figure-id",
                                             record["figure_id"], _figure_title(record)))
    for index, row in enumerate(rejected_rows):
        span = row["record"]
        marks[row["doc_id"]].append(_Mark(_int(span.get("char_start")), _int(span.get("char_end")),
                                          "data-rejected", str(index), f"rejected: {row['reason']}"))
    doc_ids = documents["doc_id"].sort().to_list()
    sections = [_section(doc, marks.pop(doc["doc_id"], [])) for doc in documents.sort("doc_id").iter_rows(named=True)]
    if marks:
        orphans = [mark for doc_marks in marks.values() for mark in doc_marks]
        sections.append(f'<section class="document"><h2>Rows without a document</h2>{_unplaced(orphans)}</section>')
    return _PAGE.format(
        heading=html.escape(heading),
        summary=html.escape(_summary(total, documents.height, figures.height, rejected.height)),
        nav="".join(f'<li><a href="#doc-{html.escape(d, quote=True)}">{html.escape(d)}</a></li>' for d in doc_ids),
        sections="\n".join(sections),
        records=_script_json({"figures": figure_records, "rejected": rejected_rows}),
    )


def _first_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.int_range(pl.len()).over("doc_id") < ROWS_PER_DOCUMENT)


def chosen(documents: pl.DataFrame, changed: Collection[str], limit: int = LIMIT) -> pl.DataFrame:
    """The ``limit`` documents the page shows: those needing review, then those ``changed``, then by doc_id."""
    if documents.height <= limit:
        return documents
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
<h1>{heading}</h1>
<p>{summary}. <mark class="figure">Published figures</mark> and <mark class="rejected">rejected rows</mark> are
highlighted; hover for a summary, click for the whole record.</p>
<nav><ul>{nav}</ul></nav>
{sections}
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
