"""Every class of bad seed file yields a document with a clear status, never an exception."""
import hashlib
import os

import pytest

from pipeline.documents import find_title, read_document
from tests.pipeline.formats import samples

TEXT = "U.S.-Chile Trade Facts\n\nU.S. goods exports to Chile reached $16.2 billion in 2013.\n"


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def read(seeds, name, max_bytes=10_000):
    return read_document(seeds, name, max_bytes)


def test_a_good_file_is_read_hashed_and_titled(seeds):
    (seeds / "chile.txt").write_text(TEXT, encoding="utf-8")
    doc = read(seeds, "chile.txt")
    assert doc.status == "ok" and doc.reason is None
    assert doc.doc_id == "chile" and doc.text == TEXT and doc.encoding == "utf-8"
    assert doc.sha256 == hashlib.sha256(TEXT.encode()).hexdigest() and doc.bytes == len(TEXT.encode())
    assert doc.title == "U.S.-Chile Trade Facts"


def test_windows_1252_is_decoded_and_its_encoding_recorded(seeds):
    text = "Exportations – “Québec” : 5 milliards de dollars, hausse de 4,7 % par rapport à l’année précédente."
    (seeds / "quebec.txt").write_bytes(text.encode("cp1252"))
    doc = read(seeds, "quebec.txt")
    assert doc.status == "ok" and doc.text == text and doc.encoding.startswith("cp125")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_an_empty_file_is_listed_as_empty(seeds, content):
    (seeds / "empty.txt").write_bytes(content)
    doc = read(seeds, "empty.txt")
    assert doc.status == "empty" and "empty" in doc.reason and doc.text is None


def test_a_binary_file_named_txt_is_listed_as_binary(seeds):
    (seeds / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    doc = read(seeds, "image.txt")
    assert doc.status == "binary" and "not text" in doc.reason and doc.sha256


def test_a_file_over_the_size_limit_is_not_read(seeds):
    (seeds / "huge.txt").write_text("x" * 10_001)
    doc = read(seeds, "huge.txt")
    assert doc.status == "too_large" and "10000-byte limit" in doc.reason and doc.bytes == 10_001


def test_a_link_out_of_the_seeds_folder_is_never_read(seeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT)
    os.symlink(secret, seeds / "link.txt")
    doc = read(seeds, "link.txt")
    assert doc.status == "outside_seeds" and str(secret) in doc.reason
    assert doc.text is None and doc.sha256 is None


def test_a_link_inside_the_seeds_folder_is_followed(seeds):
    (seeds / "real.txt").write_text(TEXT)
    os.symlink(seeds / "real.txt", seeds / "alias.txt")
    assert read(seeds, "alias.txt").status == "ok"


def test_a_broken_link_or_a_vanished_file_is_missing(seeds):
    os.symlink(seeds / "nowhere.txt", seeds / "broken.txt")
    assert read(seeds, "broken.txt").status == "missing"
    assert read(seeds, "gone.txt").status == "missing"


@pytest.mark.parametrize("name", ["a file [draft] (1).txt", "Café Exportações ñ.txt", "#hash&amp;.txt"])
def test_awkward_names_are_ids(seeds, name):
    (seeds / name).write_text(TEXT)
    doc = read(seeds, name)
    assert doc.status == "ok" and doc.file_name == name and doc.doc_id == name[:-4]


def test_a_path_out_of_the_folder_is_refused(seeds):
    for key in ("../etc/passwd.txt", "/etc/passwd.txt", "a/../../b.txt", "a//b.txt"):
        assert read(seeds, key).status == "unreadable", key


def test_a_file_in_a_subfolder_is_keyed_by_its_relative_path(seeds):
    (seeds / "2024" / "q1").mkdir(parents=True)
    (seeds / "2024" / "q1" / "chile.txt").write_text(TEXT)
    doc = read(seeds, "2024/q1/chile.txt")
    assert (doc.status, doc.doc_id, doc.file_name, doc.format) == ("ok", "2024/q1/chile", "2024/q1/chile.txt", "txt")


def test_each_format_is_read_by_its_reader_and_says_how(seeds):
    (seeds / "chile.md").write_text("# U.S.-Chile Trade Facts\n\nU.S. goods exports to Chile reached **$16.2 billion** in 2013.\n")
    (seeds / "chile.html").write_text("<html><head><title>U.S.-Chile Trade Facts</title></head><body><article>"
                                      "<p>U.S. goods exports to Chile reached $16.2 billion in 2013.</p></article></body></html>")
    for name, fmt, library in [("chile.txt", "txt", None), ("chile.md", "md", "markdown-it-py "),
                               ("chile.html", "html", "trafilatura ")]:
        if fmt == "txt":
            (seeds / name).write_text(TEXT)
        doc = read(seeds, name)
        assert (doc.status, doc.format, doc.title) == ("ok", fmt, "U.S.-Chile Trade Facts"), name
        assert "exports to Chile reached $16.2 billion in 2013." in doc.text
        assert doc.extracted_by is None if library is None else doc.extracted_by.startswith(library)
        assert doc.sha256 == hashlib.sha256((seeds / name).read_bytes()).hexdigest()
    assert {read(seeds, n).doc_id for n in ("chile.txt", "chile.md", "chile.html")} == {"chile", "chile.md", "chile.html"}


def test_a_type_that_is_not_read_is_listed_as_unsupported_with_its_hash(seeds):
    (seeds / "memo.docx").write_bytes(b"PK\x03\x04 a word file")
    (seeds / "README").write_text(TEXT)
    doc = read(seeds, "memo.docx")
    assert (doc.status, doc.format, doc.text, doc.doc_id) == ("unsupported", None, None, "memo.docx")
    assert "a .docx file is not read" in doc.reason and doc.sha256 is not None
    assert read(seeds, "README").reason.startswith("a file without a suffix is not read")


@pytest.mark.parametrize("make, status", [(samples.scanned_pdf, "no_text"), (samples.encrypted_pdf, "encrypted"),
                                          (samples.corrupt_pdf, "corrupt")])
def test_a_pdf_without_readable_text_says_why(seeds, make, status):
    (seeds / "report.pdf").write_bytes(make())
    doc = read(seeds, "report.pdf", 100_000)
    assert (doc.status, doc.format, doc.text) == (status, "pdf", None) and doc.reason and doc.sha256


def test_a_binary_web_page_is_binary(seeds):
    (seeds / "page.html").write_bytes(samples.picture_png())
    assert read(seeds, "page.html").status == "binary"


def test_titles_skip_page_furniture_and_dates():
    assert find_title("Skip to Content\n\nTuesday, April 1, 2025\n\n# Vietnam’s exports to the EU climb again\n") \
        == "Vietnam’s exports to the EU climb again"
    assert find_title("A sentence that ends with a period is no title.\n") is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read_as_text(seeds, codec):
    data = ("\ufeff" if codec.endswith(("le", "be")) else "") + TEXT
    (seeds / "wide.txt").write_bytes(data.encode(codec))
    doc = read(seeds, "wide.txt")
    assert doc.status == "ok" and doc.text == TEXT and doc.encoding.startswith(codec[:6])
