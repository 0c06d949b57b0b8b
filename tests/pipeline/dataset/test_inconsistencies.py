"""A version's inconsistencies worked out per partner folder: equal to the whole table's, kept by folder content."""
from __future__ import annotations

import random

import polars as pl
import pytest

from pipeline.consistency import COLUMNS, GROUP, find_inconsistencies
from pipeline.dataset import Lineage, inconsistencies, open_table, publish_version
from pipeline.dataset.inconsistencies import LISTED, version_inconsistencies
from tests.pipeline.dataset.sample import base_records, build, random_document, tables_of

LINEAGE = Lineage("code", "extractor")


def tables(brief_imports_to: str):
    """The seed's and the brief's figures under MEX, except the seed's rank (CHN) and the brief's rank (CAN);
    the brief's import goes to ``brief_imports_to`` (MEX: it disagrees with the seed's import)."""
    documents, figures, rejected = base_records()
    partners = {("000_seed", "rank"): "CHN", ("001_brief", "rank"): "CAN", ("001_brief", "import"): brief_imports_to}
    figures = [{**f, "partner": partners.get((f["doc_id"], f["flow"] if f["measure"] != "rank" else "rank"),
                                             f["partner"])} for f in figures]
    return build(documents, figures, rejected)


def as_set(violations: pl.DataFrame) -> set[tuple]:
    return {(row["rule"], tuple(row["figure_ids"]), row["description"]) for row in violations.to_dicts()}


def whole(output, version_id) -> pl.DataFrame:
    return find_inconsistencies(open_table(output, "figures", version_id).select(COLUMNS).collect())


def test_per_folder_violations_equal_the_whole_tables_and_are_kept_by_folder_content(tmp_path):
    first = publish_version(tmp_path, tables("MEX"), LINEAGE)
    found = version_inconsistencies(tmp_path)
    expected = whole(tmp_path, first.version_id)
    assert expected.height > 0 and as_set(found.first) == as_set(expected) and found.total == expected.height
    assert found.by_rule == dict(expected.group_by("rule").len().iter_rows())
    assert found.worked_out == 3 and found.figures == first.manifest["row_counts"]["figures"]
    again = version_inconsistencies(tmp_path)
    assert again.worked_out == 0 and again.first.equals(found.first) and again.by_rule == found.by_rule

    second = publish_version(tmp_path, tables("CAN"), LINEAGE)  # MEX and CAN change, CHN does not
    found = version_inconsistencies(tmp_path)
    assert found.worked_out == 2 and as_set(found.first) == as_set(whole(tmp_path, second.version_id))
    assert len(list((tmp_path / "work" / "consistency").glob("*.parquet"))) == 3  # the first version's are gone


def test_a_kept_result_removed_is_worked_out_again(tmp_path):
    publish_version(tmp_path, tables("MEX"), LINEAGE)
    found = version_inconsistencies(tmp_path)
    next((tmp_path / "work" / "consistency").glob("*.parquet")).unlink()
    again = version_inconsistencies(tmp_path)
    assert again.worked_out == 1 and again.first.equals(found.first) and again.by_rule == found.by_rule


def test_a_version_without_violations_has_none(tmp_path):
    publish_version(tmp_path, tables("CAN"), LINEAGE)
    found = version_inconsistencies(tmp_path)
    assert found.total == 0 and found.by_rule == {} and found.first.is_empty()
    assert found.first.columns == ["rule", "figure_ids", "description"]


@pytest.mark.parametrize("seed", [4, 5])
def test_groups_the_parent_checked_keep_its_result_and_only_the_others_are_worked_out(tmp_path, seed, monkeypatch):
    rng = random.Random(seed)

    def document_of(doc_id: str):  # figures of a few products, so that a partner folder holds several groups
        doc, figures, rejected = random_document(rng, doc_id)
        return doc, [{**f, "product": rng.choice(["all", "goods", "services"])} for f in figures], rejected

    docs = {f"d{i:03d}": document_of(f"d{i:03d}") for i in range(60)}
    publish_version(tmp_path, tables_of(docs), LINEAGE)
    version_inconsistencies(tmp_path)
    seen = []
    find = inconsistencies.find_inconsistencies
    monkeypatch.setattr(inconsistencies, "find_inconsistencies", lambda rows: seen.append(rows.height) or find(rows))
    for _ in range(3):
        changed = rng.sample(sorted(docs), 2)
        before = open_table(tmp_path, "figures").select(COLUMNS).collect()
        for doc_id in changed:
            docs[doc_id] = document_of(doc_id)
        result = publish_version(tmp_path, tables_of(docs), LINEAGE)
        after = open_table(tmp_path, "figures").select(COLUMNS).collect()
        groups = pl.concat([before, after]).filter(pl.col("doc_id").is_in(changed)).select(GROUP).unique()
        seen.clear()
        found, expected = version_inconsistencies(tmp_path), whole(tmp_path, result.version_id)
        # only the groups holding a changed document's figures, old or new, are worked out again
        assert sum(seen) <= after.join(groups, on=GROUP, how="semi", nulls_equal=True).height
        assert found.total == expected.height and found.by_rule == dict(expected.group_by("rule").len().iter_rows())
        listed = expected.sort("rule", "description").head(LISTED)
        assert found.first.select("rule", "description").equals(listed.select("rule", "description"))
        assert expected.height > LISTED or as_set(found.first) == as_set(expected)


def test_folders_are_worked_out_in_passes_of_bounded_rows_with_the_same_result(tmp_path, monkeypatch):
    """A whole build's folders are worked out a bounded batch at a time (its memory), not all in one pass."""
    rng = random.Random(7)
    docs = {f"d{i:03d}": random_document(rng, f"d{i:03d}") for i in range(40)}
    result = publish_version(tmp_path, tables_of(docs), LINEAGE)
    at_once = version_inconsistencies(tmp_path)
    for kept in (tmp_path / "work" / "consistency").glob("*.parquet"):
        kept.unlink()
    passes = []
    find = inconsistencies.find_inconsistencies
    monkeypatch.setattr(inconsistencies, "ROWS_PER_PASS", 1)  # every folder a pass of its own
    monkeypatch.setattr(inconsistencies, "find_inconsistencies", lambda rows: passes.append(rows.height) or find(rows))
    one_by_one = version_inconsistencies(tmp_path)
    assert len(passes) == one_by_one.worked_out == at_once.worked_out > 1
    assert sum(passes) == result.manifest["row_counts"]["figures"] and max(passes) < sum(passes)
    assert one_by_one.by_rule == at_once.by_rule and one_by_one.first.equals(at_once.first)
