import os

from pipeline.seeds import doc_id_for, list_seeds


def test_lists_text_files_sorted_and_skips_hidden_dirs_and_other_suffixes(tmp_path):
    for name in ["b.txt", "a b [1] ñ.txt", ".hidden.txt", "notes.md"]:
        (tmp_path / name).write_text("x")
    (tmp_path / "folder.txt").mkdir()
    assert [s.name for s in list_seeds(tmp_path)] == ["a b [1] ñ.txt", "b.txt"]


def test_stat_is_the_links_own_not_its_targets(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("secret" * 100)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    os.symlink(target, seeds / "link.txt")
    [seed] = list_seeds(seeds)
    assert seed.name == "link.txt" and seed.size != 600


def test_a_missing_folder_has_no_seeds(tmp_path):
    assert list_seeds(tmp_path / "nope") == []


def test_doc_id_is_the_file_name_without_txt():
    assert doc_id_for("000_abc.txt") == "000_abc"
    assert doc_id_for("a.b.txt") == "a.b"
