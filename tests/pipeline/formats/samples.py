"""One news article (a seed's) as a plain-text file, a web page, a Markdown file and a PDF, made here.

The web page wraps the article in a menu, a ``<style>`` and ``<script>``s
holding figures, a related-stories box and a footer; the PDF prints it on
several pages under a running header and footer, with a word hyphenated at
a line end. None of that furniture may give a figure.
"""
from __future__ import annotations

import html
import io
import re

from fpdf import FPDF
from PIL import Image, ImageDraw

from tests.conftest import SEEDS

SEED = SEEDS / "004_bbd28f1c1a536f73.txt"
HYPHENATED = ("second-largest exporter of advanced tech", "second-largest exporter of ad-\nvanced tech")
"""Where the PDF breaks a word across lines, by hand."""
FURNITURE_FIGURES = ("$250 billion", "$99 billion", "$4.99", "18%", "$1.5 trillion", "42%", "17 million", "99%")
"""Figures that only the page's furniture states."""


def article_text() -> str:
    """The seed's article: its date, title and body, without the site's teasers after it."""
    return SEED.read_text(encoding="utf-8").split("Mexico News Daily")[0].strip() + "\n"


def blocks() -> tuple[str, str, list[tuple[str, str | list[str]]]]:
    """(date line, title, body blocks): each block ("h", heading), ("p", paragraph) or ("ul", items)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", article_text()) if p.strip()]
    date, title, body = paragraphs[0], paragraphs[1], []
    for paragraph in paragraphs[2:]:
        lines = [line.strip() for line in paragraph.splitlines()]
        if all(line.startswith("•") for line in lines):
            body.append(("ul", [line.lstrip("• ") for line in lines]))
        elif len(paragraph) < 90 and not paragraph.endswith("."):
            body.append(("h", paragraph))
        else:
            body.extend(("p", line) for line in lines)
    return date, title, body


def html_page() -> str:
    date, title, body = blocks()
    e = html.escape
    article = "\n".join(
        f"<h2>{e(text)}</h2>" if kind == "h" else f"<p>{e(text)}</p>" if kind == "p"
        else "<ul>" + "".join(f"<li>{e(item)}</li>" for item in text) + "</ul>"
        for kind, text in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(title)} | Mexico News Daily</title>
<meta property="og:title" content="{e(title)}">
<meta property="article:published_time" content="2025-04-01T09:00:00-06:00">
<style>body {{ font-size: 16px; }} .promo::after {{ content: "$99 billion"; }}</style>
<script>window.dataLayer = [{{"pageValue": "$250 billion", "year": 2023, "views": 48213}}];</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
<li><a href="/subscribe">Subscribe from $4.99 a month</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/business">Business</a></div>
<main><article>
<header><h1>{e(title)}</h1><p class="byline">By Staff · <time datetime="2025-04-01">{e(date)}</time></p></header>
{article}
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">UNAM designs a ‘supertortilla’</a>: over 18% of Mexicans lack access to quality food.</li>
<li><a href="/b">Navy seizes over 17 million liters of stolen fuel</a></li></ul></aside>
</main>
<footer><p>© 2025 Mexico News Daily. All rights reserved.</p><p>Exports to the US grew 99% in our sponsor's dreams.</p>
<ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
<script>var teaser = "exports rose 42% to $1.5 trillion in 2024";</script>
</body></html>
"""


def markdown() -> str:
    date, title, body = blocks()
    bold = re.compile(r"(US )?\$[\d.]+ billion|\d+(?:\.\d+)?%")
    parts = [date, f"# {title}"]
    for kind, text in body:
        if kind == "h":
            parts.append(f"## {text}")
        elif kind == "ul":
            parts.append("\n".join(f"- {bold.sub(lambda m: f'**{m.group()}**', item)}" for item in text))
        else:
            parts.append(_wrap(bold.sub(lambda m: f"**{m.group()}**", text)))
    return "\n\n".join(parts) + "\n"


def _wrap(text: str, width: int = 72) -> str:
    """Hard-wrapped as Markdown is often written: a paragraph over several source lines."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


class _Report(FPDF):
    def header(self):
        self.set_font("helvetica", size=8)
        self.cell(0, 8, "Mexico News Daily - Trade Report 2025", align="C")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def _latin1(text: str) -> str:
    """The PDF's core fonts are Latin-1: typographic quotes and dashes become plain ones."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "•": "-"}))


def pdf() -> bytes:
    """The article on A5 pages (several), with a running header and footer."""
    date, title, body = blocks()
    report = _Report(format=(148, 210))
    report.alias_nb_pages("{nb}")
    report.add_page()
    report.set_font("helvetica", size=10)
    for kind, text in [("p", date), ("h", title), *body]:
        for line in (text if kind == "ul" else [text]):
            line = (f"- {line}" if kind == "ul" else line).replace(*HYPHENATED)
            report.multi_cell(0, 5, _latin1(line), new_x="LMARGIN", new_y="NEXT")
        report.ln(3)
    return bytes(report.output())


def scanned_pdf() -> bytes:
    """A page that is only a picture of text, as a scanner makes it: no text layer."""
    picture = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(picture).text((20, 80), "U.S. exports to Chile were $16.2 billion in 2013.", fill=0)
    report = FPDF()
    report.add_page()
    report.image(picture, x=10, y=10, w=180)
    return bytes(report.output())


def encrypted_pdf() -> bytes:
    report = FPDF()
    report.set_encryption(owner_password="owner", user_password="reader")
    report.add_page()
    report.set_font("helvetica", size=11)
    report.multi_cell(0, 6, "U.S. exports to Chile were $16.2 billion in 2013.", new_x="LMARGIN", new_y="NEXT")
    return bytes(report.output())


def corrupt_pdf() -> bytes:
    """A PDF header, then bytes that are no PDF at all."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 8


def picture_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, format="PNG")
    return out.getvalue()
