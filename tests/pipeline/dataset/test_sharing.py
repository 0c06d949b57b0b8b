"""Parts equal to the parent's are hard links to them; pruning the parent leaves the child whole."""
from __future__ import annotations

import errno
import os

import polars as pl

from pipeline.dataset import Lineage, open_table, prune_versions, publish, publish_version, verify_version
from pipeline.dataset.publish import SEED_SOURCES
from pipeline.dataset.reader import read_sources
from pipeline.review import page_path
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


def test_a_review_page_is_linked_while_its_document_and_the_code_stay_the_same(tmp_path, monkeypatch):
    documents, figures, rejected = base_records()
    first = publish_version(tmp_path, build(documents, figures, rejected), LINEAGE)
    fewer = [f for f in figures if not (f["doc_id"] == "001_brief" and f["text"] == "$300 billion")]
    second = publish_version(tmp_path, build(documents, fewer, rejected), LINEAGE)  # the brief changes
    seed, brief, empty = (page_path(d["doc_id"]) for d in documents)

    def linked(a, b, path: str) -> bool:
        return (a.path / path).stat().st_ino == (b.path / path).stat().st_ino

    assert linked(first, second, seed) and linked(first, second, empty) and not linked(first, second, brief)
    assert _files(second)[seed] == _files(first)[seed] and (second.path / brief).stat().st_nlink == 1
    assert "$300 billion</mark>" in (first.path / brief).read_text() and \
        "$300 billion</mark>" not in (second.path / brief).read_text()
    monkeypatch.setattr(publish, "build_version", lambda: "another build")  # pipeline/ or schemas/ edited
    third = publish_version(tmp_path, build(documents, figures, rejected), LINEAGE)
    assert not any(linked(second, third, path) for path in (seed, brief, empty))  # other code renders anew
    assert all(verify_version(tmp_path, v.version_id).ok for v in (first, second, third))


def test_an_update_makes_the_pages_of_its_rebuilt_documents_alone_and_links_the_others(tmp_path, monkeypatch):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    made, digests = [], publish.page_digests
    monkeypatch.setattr(publish, "page_digests", lambda pages, build: made.extend(p.path for p in pages) or
                        digests(pages, build))
    second = publish_version(tmp_path, seed_update(tmp_path, 1), LINEAGE)
    pages = [path for path in _files(first) if path.startswith("review/")]
    assert made == [page_path("000_seed")] and len(pages) > 1
    assert all((first.path / path).stat().st_ino == (second.path / path).stat().st_ino for path in pages
               if path not in made)
    assert (first.path / made[0]).read_text() != (second.path / made[0]).read_text()  # one more figure marked
    assert (second.path / made[0]).stat().st_nlink == 1 and verify_version(tmp_path).ok


def test_unchanged_sources_parts_are_hard_links(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE, sources=seed_sources({"000_seed.txt": "0" * 16}))
    second = publish_version(tmp_path, sample_tables(1), LINEAGE, sources=seed_sources({"000_seed.txt": "1" * 16}))
    parts = [p for p in _files(second) if p.startswith("sources/")]
    changed = [p for p in parts if (second.path / p).stat().st_nlink == 1]
    assert len(changed) == 1 and len(parts) == len([p for p in _files(first) if p.startswith("sources/")])
    assert read_sources(second.path).filter(pl.col("file_name") == "000_seed.txt")["source"].to_list() == ["1" * 16]
    assert all(_files(second)[p] == _files(first)[p] for p in parts if p not in changed)


def seed_sources(digests: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"file_name": list(digests), "source": list(digests.values())}, schema=SEED_SOURCES)
