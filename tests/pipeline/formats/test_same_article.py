"""The same article as .txt, .html, .md and .pdf gives the same figures, none from the page furniture."""
from __future__ import annotations

import json

import pytest

from pipeline import formats
from pipeline.__main__ import main
from pipeline.extract import extract_figures
from tests.pipeline.formats import samples

MEANING = ("value", "unit", "measure", "reporter", "partner", "flow", "product", "product_label", "hs_code", "year",
           "base_year", "qualifier")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_text(samples.article_text(), encoding="utf-8")
    (folder / "article.html").write_text(samples.html_page(), encoding="utf-8")
    (folder / "article.md").write_text(samples.markdown(), encoding="utf-8")
    (folder / "article.pdf").write_bytes(samples.pdf())
    return {path.suffix: path for path in folder.iterdir()}


def meanings(figures) -> list[tuple]:
    return sorted((tuple(getattr(f, k) for k in MEANING) for f in figures), key=repr)


def test_every_format_gives_the_figures_of_the_text_file(files):
    texts = {suffix: formats.read(path.name, path.read_bytes()).text for suffix, path in files.items()}
    figures = {suffix: extract_figures(text, "article") for suffix, text in texts.items()}
    assert len(figures[".txt"]) > 20
    for suffix in (".html", ".md", ".pdf"):
        assert meanings(figures[suffix]) == meanings(figures[".txt"]), suffix
        assert all(texts[suffix][f.char_start:f.char_end] == f.text for f in figures[suffix])
        assert not {f.text for f in figures[suffix]} & set(samples.FURNITURE_FIGURES)


def test_the_command_line_reads_each_format_as_the_pipeline_does(files, capsys):
    assert main(["extract", *(str(files[s]) for s in (".txt", ".html", ".md", ".pdf"))]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_doc = {}
    for record in records:
        by_doc.setdefault(record["doc_id"], []).append(tuple(record[k] for k in MEANING))
    assert set(by_doc) == {"article", "article.html", "article.md", "article.pdf"}
    assert all(sorted(rows, key=repr) == sorted(by_doc["article"], key=repr) for rows in by_doc.values())


def test_the_command_line_names_a_file_it_cannot_read_and_goes_on(tmp_path, files, capsys):
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "scan.pdf").write_bytes(samples.scanned_pdf())
    assert main(["extract", str(tmp_path / "memo.docx"), str(tmp_path / "scan.pdf"), str(files[".md"])]) == 1
    out, err = capsys.readouterr()
    assert "memo.docx: unsupported: a .docx file is not read" in err and "scan.pdf: no_text: " in err
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"article.md"}
