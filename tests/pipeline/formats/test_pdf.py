"""PDF: the text layer in reading order, without running headers and footers, words rejoined; failures typed."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from pipeline import formats
from tests.pipeline.formats import samples


@pytest.fixture(scope="module")
def report():
    data = samples.pdf()
    assert len(pdfium.PdfDocument(data)) >= 3
    return formats.read("report.pdf", data)


def test_each_paragraph_heading_and_list_item_is_one_line_across_line_and_page_breaks(report):
    expected = [samples._latin1(line.strip()) for line in samples.article_text().splitlines() if line.strip()]
    assert [line for line in report.text.splitlines() if line] == expected


def test_running_headers_and_page_numbers_are_gone(report):
    assert "Trade Report" not in report.text and "Page " not in report.text


def test_a_word_hyphenated_at_a_line_end_is_rejoined(report):
    assert "second-largest exporter of advanced tech products" in report.text
    assert (report.format, report.encoding) == ("pdf", None)
    assert report.extracted_by.startswith("pypdfium2 ")


def test_a_hyphen_the_document_writes_elsewhere_is_kept():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in ("Mexico is the second-\nlargest market; Canada is the largest.", "Japan is the fourth-largest.",
                 "The U.S.-\nMexico border is long; trade grew in 2019-\n2020 and ex-\nports rose."):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    lines = formats.read("a.pdf", bytes(pdf.output())).text.split("\n\n")
    assert lines[0] == "Mexico is the second-largest market; Canada is the largest."
    assert lines[2] == "The U.S.-Mexico border is long; trade grew in 2019-2020 and exports rose.\n"


def test_a_scan_has_no_text():
    with pytest.raises(formats.NoTextError, match="no text layer"):
        formats.read("scan.pdf", samples.scanned_pdf())


def test_an_encrypted_pdf_is_encrypted():
    with pytest.raises(formats.EncryptedError, match="password"):
        formats.read("locked.pdf", samples.encrypted_pdf())


@pytest.mark.parametrize("data", [samples.corrupt_pdf(), b"<html>not a pdf</html>"])
def test_a_damaged_pdf_is_corrupt(data):
    with pytest.raises(formats.CorruptError):
        formats.read("broken.pdf", data)
