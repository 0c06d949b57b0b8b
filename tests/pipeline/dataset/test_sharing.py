"""Parts equal to the parent's are hard links to them; pruning the parent leaves the child whole."""
from __future__ import annotations

import errno
import os

from pipeline.dataset import Lineage, open_table, prune_versions, publish, publish_version, verify_version
from tests.pipeline.dataset.sample import base_records, build, sample_tables, seed_update

LINEAGE = Lineage("code", "extractor")


def _files(result) -> dict[str, dict]:
    return {entry["path"]: entry for entry in result.manifest["files"]}


def test_unchanged_parts_are_hard_links_to_the_parents(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    second = publish_version(tmp_path, sample_tables(1), LINEAGE)  # one more figure of the seed document
    parent, child = _files(first), _files(second)
    shared = [p for p in child if p in parent and (first.path / p).stat().st_ino == (second.path / p).stat().st_ino]
    rewritten = [p for p in child if p.endswith(".parquet") and p not in shared]
    assert {p.split("/")[0] for p in shared} >= {"documents", "rejected", "series"}
    assert {p.split("/")[0] for p in rewritten} == {"documents", "figures", "series", "changes"}
    for path in shared:
        assert child[path] == parent[path] and child[path].get("written_by", first.version_id) == first.version_id
    for path in rewritten:
        assert child[path]["written_by"] == second.version_id and (second.path / path).stat().st_nlink == 1


def test_pruning_the_parent_leaves_the_child_whole(tmp_path):
    publish_version(tmp_path, sample_tables(0), LINEAGE)
    child = publish_version(tmp_path, seed_update(tmp_path, 1), LINEAGE)
    rows = {table: open_table(tmp_path, table).collect() for table in ("figures", "documents", "series")}
    assert prune_versions(tmp_path, 1) == [child.manifest["parent"]]
    assert verify_version(tmp_path).ok
    for table, frame in rows.items():
        assert open_table(tmp_path, table).collect().equals(frame)
    grandchild = publish_version(tmp_path, seed_update(tmp_path, 2), LINEAGE)  # shares files with the child only
    assert verify_version(tmp_path).ok and grandchild.manifest["parent"] == child.version_id


def test_parts_are_copied_where_they_cannot_be_linked(tmp_path, monkeypatch):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)

    def cross_device(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    second = publish_version(tmp_path, seed_update(tmp_path, 1), LINEAGE)
    assert verify_version(tmp_path).ok and verify_version(tmp_path, first.version_id).ok
    assert all((second.path / p).stat().st_nlink == 1 for p in _files(second))
    assert open_table(tmp_path, "figures").collect().height == sample_tables(1).figures.height


def test_the_review_page_is_linked_when_it_shows_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "LIMIT", 1)  # the page shows the first document needing review: the seed one
    documents, figures, rejected = base_records()
    rejected = [row for row in rejected if row["doc_id"] != "001_brief"]  # the brief needs no review
    first = publish_version(tmp_path, build(documents, figures, rejected), LINEAGE)
    fewer = [f for f in figures if not (f["doc_id"] == "001_brief" and f["text"] == "$300 billion")]
    second = publish_version(tmp_path, build(documents, fewer, rejected), LINEAGE)  # a change the page does not show
    assert second.published and second.manifest["review_inputs"] == first.manifest["review_inputs"]
    assert (second.path / "review.html").stat().st_ino == (first.path / "review.html").stat().st_ino
    figures[0] = {**figures[0], "qualifier": "exact"}  # the seed document, shown, changes: the page is rendered
    third = publish_version(tmp_path, build(documents, figures, rejected), LINEAGE)
    assert (third.path / "review.html").stat().st_nlink == 1 and verify_version(tmp_path).ok
