"""Per-document bounds: a document far denser in figures than any real text, rows, sentences, reasons."""
from __future__ import annotations

import pytest

from pipeline import extraction
from pipeline.density import AMOUNT_TOKEN, DENSITY_JUDGED_FROM, MAX_TOKENS_PER_1000_CHARS, MAX_TOKENS_PER_DOCUMENT, density_refusal
from pipeline.documents import read_document
from pipeline.extract import extract_figures
from pipeline.extraction import MAX_SENTENCE_CHARS, figure_rows
from tests.conftest import SEEDS, SHARED

REAL_DOCUMENTS = sorted([*SEEDS.glob("*.txt"), *(SHARED / "dev" / "docs").glob("*.txt")])
SENTENCE = "U.S. goods exports to Mexico reached $265 billion in 2019, up 3.5% from 2018. "


def read_text(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_document(tmp_path, name, 20 << 20)


@pytest.mark.parametrize("path", REAL_DOCUMENTS, ids=lambda p: p.name)
def test_real_documents_are_well_under_the_density_bound_and_each_figure_holds_a_counted_amount(path):
    text = path.read_text(encoding="utf-8")
    assert density_refusal(text) is None
    assert [f.text for f in extract_figures(text, "d") if not AMOUNT_TOKEN.search(f.text)] == []


def test_dollar_one_repeated_is_too_dense_and_never_extracted(tmp_path):
    doc = read_text(tmp_path, "dense.txt", "$1 " * (DENSITY_JUDGED_FROM + 10))
    assert doc.status == "too_dense" and "per 1,000" in doc.reason and doc.text is None
    assert doc.sha256 and doc.encoding == "utf-8"
    valid, rejected = figure_rows(doc)
    assert valid.is_empty() and rejected.is_empty()


def test_a_short_dense_list_and_a_long_real_text_are_read(tmp_path):
    assert read_text(tmp_path, "short.txt", "$1 " * DENSITY_JUDGED_FROM).status == "ok"
    assert read_text(tmp_path, "long.txt", SENTENCE * 5000).status == "ok"  # 390 KB, 50 amounts per 1,000


def test_more_amounts_than_the_per_document_bound_is_too_dense_however_long(tmp_path):
    text = ("$1,000 " + "x" * (7000 // MAX_TOKENS_PER_1000_CHARS)) * (MAX_TOKENS_PER_DOCUMENT + 1)
    doc = read_text(tmp_path, "many.txt", text)
    assert doc.status == "too_dense" and f"over {MAX_TOKENS_PER_DOCUMENT:,} amounts" in doc.reason


def test_more_figures_than_the_row_bound_become_one_rejected_row(tmp_path, monkeypatch):
    doc = read_text(tmp_path, "brief.txt", SENTENCE * 20)
    assert figure_rows(doc)[0].height == 40
    monkeypatch.setattr(extraction, "MAX_FIGURES_PER_DOCUMENT", 39)
    valid, rejected = figure_rows(doc)
    assert valid.is_empty()
    [row] = rejected.to_dicts()
    assert row["check"] == "too_many_figures" and "40 figures, over the bound of 39" in row["reason"]


def test_an_enormous_sentence_is_stored_cut_around_its_figure(tmp_path):
    before, after = ", ".join(["and partners"] * 60), ", ".join(["and partners"] * 200)
    doc = read_text(tmp_path, "long.txt", f"{before}, U.S. goods exports to Mexico reached $265 billion in 2019, "
                                          f"{after}.\n")
    valid, _ = figure_rows(doc)
    [row] = valid.filter(valid["text"] == "$265 billion").to_dicts()
    assert len(row["sentence"]) <= MAX_SENTENCE_CHARS + 2
    assert row["sentence"].startswith("…") and row["sentence"].endswith("…") and "$265 billion" in row["sentence"]


def test_a_rejected_row_always_has_a_reason(tmp_path):
    doc = read_text(tmp_path, "dollars.txt", "$1 " * 50)  # figures with no flow: each fails flow's not-null rule
    _, rejected = figure_rows(doc)
    assert rejected.height == 50
    assert rejected["reason"].str.len_chars().min() > 0 and "flow: null fails not_nullable" in rejected["reason"][0]
