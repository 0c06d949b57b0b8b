import os

from pipeline.formats import format_of
from pipeline.seeds import doc_id_for, keys_of_doc_id, list_seeds


def test_lists_every_file_of_the_tree_by_relative_key_with_its_format(tmp_path):
    for name in ["b.txt", "a b [1] ñ.txt", ".hidden.txt", "notes.md", "page.HTM", "scan.pdf", "memo.docx", "README"]:
        (tmp_path / name).write_text("x")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "reports" / "2024").mkdir(parents=True)
    (tmp_path / "reports" / "2024" / "q1.pdf").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("x")
    listed = [(key, format_of(key)) for key in list_seeds(tmp_path)]
    assert listed == [("README", None), ("a b [1] ñ.txt", "txt"), ("b.txt", "txt"), ("memo.docx", None),
                      ("notes.md", "md"), ("page.HTM", "html"), ("reports/2024/q1.pdf", "pdf"), ("scan.pdf", "pdf")]


def test_a_link_is_listed_as_a_file_and_a_linked_folder_is_not_walked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    os.symlink(outside / "secret.txt", seeds / "link.txt")
    os.symlink(outside, seeds / "linked_folder")
    assert list_seeds(seeds) == ["link.txt", "linked_folder"]


def test_a_missing_folder_has_no_seeds(tmp_path):
    assert list_seeds(tmp_path / "nope") == []


def test_doc_id_is_the_key_without_txt_for_text_and_the_whole_key_otherwise():
    assert doc_id_for("000_abc.txt") == "000_abc"
    assert doc_id_for("a.b.txt") == "a.b"
    assert doc_id_for("sub/a.txt") == "sub/a"
    assert [doc_id_for(k) for k in ("a.txt", "a.html", "a.md", "a.pdf")] == ["a", "a.html", "a.md", "a.pdf"]


def test_the_keys_of_a_doc_id_are_every_key_that_gives_it():
    keys = ["a.txt", "a", "a.html", "b.txt.txt", "b.txt", "sub/c.txt", "sub/c.pdf"]
    for key in keys:
        assert key in keys_of_doc_id(doc_id_for(key))
        assert all(doc_id_for(other) == doc_id_for(key) for other in keys_of_doc_id(doc_id_for(key)))
    assert keys_of_doc_id("a") == ("a", "a.txt") and keys_of_doc_id("b.txt") == ("b.txt.txt",)
