"""PDF (``.pdf``): the text layer, page by page in reading order, by pypdfium2 (PDFium, Chrome's PDF engine).

Chosen over pdfplumber (pdfminer.six, pure Python) for speed and for how
PDFium copes with the broken files found in the wild; it reads from bytes
and tells an encrypted file from a corrupt one.

PDFium gives each text line with its box. From those:

- lines repeated near the top or bottom of most pages (running headers and
  footers, page numbers compared with their digits masked) are dropped, so
  "Page 3 of 9" or a report's running title neither interrupts a sentence
  nor becomes a figure;
- a paragraph's lines are joined into one line (the extractor reads a line
  as a paragraph), also across a page break; a paragraph ends where the gap
  to the next line is clearly wider than the page's usual line pitch, where a
  line ending a sentence stops well short of the right margin, and before a
  list item;
- a word hyphenated at a line end is rejoined ("sur-" + "ged" → "surged"),
  unless the document writes its second part after a hyphen elsewhere
  ("second-" + "largest" beside "fourth-largest").
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.formats.base import CorruptError, EncryptedError, Extracted, NoTextError, library

_EDGE_LINES = 3
"""Lines at the top and at the bottom of a page that may be running headers or footers."""
_RUNNING_SHARE = 0.6
"""A line at a page's edge that recurs on at least this share of the pages (and two of them) is furniture."""
_PARAGRAPH_GAP = 1.3
"""A pitch this many times the page's usual one between two lines ends a paragraph."""
_SHORT_LINE = 0.85
"""A line ending a sentence whose right end is short of this share of the text's width ends a paragraph."""
_SENTENCE_END = re.compile(r"[.!?:;][\"”’)]*$")
_HYPHENATED = re.compile(r"[\w.][-\u00ad\u2010\x02]$")
"""A line ending in a hyphen (or the soft hyphen some PDFs write) right after a letter, digit or period."""
_BREAK = "\ue000"
"""Marks, while lines are joined, where a line ending in a hyphen met the next line."""
_SPLIT_WORD = re.compile(r"(\w+)[-\u00ad\u2010\x02]" + _BREAK + r"(\w*)")
_AFTER_HYPHEN = re.compile(r"\w-(\w+)")
_DIGITS = re.compile(r"\d+")
_ITEM = re.compile(r"(?:[•▪◦·●\-–*]|\d{1,2}[.)])\s")
"""A list item's start: it begins a line of its own."""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float


def read(data: bytes) -> Extracted:
    pages = _pages(data)
    if not any(pages):
        raise NoTextError(f"no text layer on any of its {len(pages)} pages (a scan?)")
    pages = _without_running_lines(pages)
    paragraphs: list[str] = []
    for lines in pages:
        for n, paragraph in enumerate(_paragraphs(lines)):
            if n == 0 and paragraphs and _continues(paragraphs[-1], paragraph):
                paragraphs[-1] = _join(paragraphs[-1], paragraph)
            else:
                paragraphs.append(paragraph)
    text = "\n\n".join(paragraphs)
    return Extracted(_dehyphenate(text) + "\n", "pdf", library("pypdfium2"))


def _pages(data: bytes) -> list[list[_Line]]:
    """Each page's text lines, top to bottom as PDFium orders them."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedError("the PDF opens only with a password") from None
        raise CorruptError(f"damaged, or not a PDF: {exc}") from None
    try:
        return [_page_lines(page) for page in document]
    except pdfium.PdfiumError as exc:
        raise CorruptError(f"damaged: a page could not be read: {exc}") from None
    finally:
        document.close()


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    textpage = page.get_textpage()
    lines: list[_Line] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if not text:
            continue
        previous = lines[-1] if lines else None
        if previous and previous.bottom <= (bottom + top) / 2 <= previous.top and left >= previous.right:
            lines[-1] = _Line(f"{previous.text} {text}", previous.left, min(bottom, previous.bottom), right,
                              max(top, previous.top))
        else:
            lines.append(_Line(text, left, bottom, right, top))
    textpage.close()
    page.close()
    return lines


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    def key(line: _Line) -> str:
        return _DIGITS.sub("#", line.text.lower())

    def edges(lines: list[_Line]) -> list[_Line]:
        return lines[:_EDGE_LINES] + lines[_EDGE_LINES:][-_EDGE_LINES:]

    counts: dict[str, int] = {}
    for lines in pages:
        for k in {key(line) for line in edges(lines)}:
            counts[k] = counts.get(k, 0) + 1
    needed = max(2, _RUNNING_SHARE * len(pages))
    running = {k for k, n in counts.items() if n >= needed}
    return [[line for line in lines if not (key(line) in running and line in edges(lines))] for lines in pages]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """The page's lines joined into paragraphs."""
    if not lines:
        return []
    pitches = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if a.bottom > b.bottom]
    pitch = statistics.median(pitches) if pitches else 0.0
    width = max(line.right for line in lines)
    paragraphs = [lines[0].text]
    for above, line in zip(lines, lines[1:]):
        gap = above.bottom - line.bottom
        ends = (gap > _PARAGRAPH_GAP * pitch or gap <= 0 or _ITEM.match(line.text)
                or (_SENTENCE_END.search(above.text) and above.right < _SHORT_LINE * width))
        if ends:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text)
    return paragraphs


def _continues(paragraph: str, following: str) -> bool:
    """Whether a page's first paragraph goes on from the previous page's last one."""
    return not _SENTENCE_END.search(paragraph) and following[:1].islower()


def _join(text: str, line: str) -> str:
    """Lines of one paragraph; a line-end hyphen is kept for now and marked for ``_dehyphenate``."""
    return f"{text}{_BREAK}{line}" if _HYPHENATED.search(text) else f"{text} {line}"


def _dehyphenate(text: str) -> str:
    """Rejoin words split at a line end, unless the document also writes them with a hyphen.

    Only a letter's hyphen followed by a lower-case letter is a split word;
    elsewhere ("U.S.-" + "Mexico", "2019-" + "2020") the hyphen stays, and so
    it does where the document writes the second part after a hyphen
    elsewhere ("second-" + "largest" beside "fourth-largest").
    """
    hyphenated = set(_AFTER_HYPHEN.findall(text))  # not across a line end: the break mark is no \w

    def rejoin(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        if head[-1].isalpha() and tail[:1].islower() and tail not in hyphenated:
            return head + tail
        return f"{head}-{tail}"

    return _SPLIT_WORD.sub(rejoin, text).replace(_BREAK, "")
