import polars as pl

from assets.metadata import markdown_table


def test_a_preview_shows_the_first_rows_and_counts_the_rest():
    text = markdown_table(pl.DataFrame({"doc_id": ["a", "b", "c"]}), limit=2).value
    assert text.splitlines()[:4] == ["| doc_id |", "|---|", "| a |", "| b |"]
    assert text.endswith("_1 more rows_")


def test_a_preview_of_the_first_rows_only_counts_the_rest_from_the_total():
    text = markdown_table(pl.DataFrame({"doc_id": ["a", "b"]}), limit=2, total=10).value
    assert "| b |" in text and text.endswith("_8 more rows_")


def test_long_cells_are_cut_and_table_characters_replaced():
    text = markdown_table(pl.DataFrame({"reason": ["x|y\nz" + "w" * 100]}), width=10).value
    assert text.splitlines()[2] == "| x y zwwwww |"


def test_no_rows_is_said_in_a_word():
    assert markdown_table(pl.DataFrame({"doc_id": []}, schema={"doc_id": pl.String})).value == "_none_"
