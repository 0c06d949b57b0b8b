"""Publishing versions: content-derived ids, nothing new for unchanged content, complete and validated versions."""
from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pandera.errors
import polars as pl
import pytest

from pipeline.dataset import Lineage, list_versions, open_table, publish, publish_version, read_manifest
from pipeline.dataset.contents import Tables
from pipeline.dataset.hashing import file_sha256, rows_digest
from pipeline.dataset.layout import Layout, table_files
from pipeline.dataset.whole import build_whole
from pipeline.review import page_path, plan_review
from schemas import TABLES
from tests.pipeline.dataset.sample import REPO, base_records, build, sample_tables

LINEAGE = Lineage("code", "extractor", "run-1")


def _shuffled(tables: Tables) -> Tables:
    return Tables(*(frame.sample(fraction=1.0, shuffle=True, seed=7).select(reversed(frame.columns))
                    for frame in (tables.figures, tables.documents, tables.rejected)))


def _content_hash(tables: Tables) -> str:
    with tempfile.TemporaryDirectory() as root:
        return build_whole([tables], Path(root), None).content_hash


def test_the_content_hash_depends_on_content_only():
    tables = sample_tables(0)
    assert _content_hash(tables) == _content_hash(_shuffled(tables))
    assert _content_hash(tables) != _content_hash(sample_tables(1))


def test_the_content_hash_is_the_same_in_another_process():
    code = ("from tests.pipeline.dataset.test_publish import _content_hash; "
            "from tests.pipeline.dataset.sample import sample_tables; print(_content_hash(sample_tables(0)))")
    other = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == _content_hash(sample_tables(0))


def test_a_version_id_is_its_utc_time_and_content_hash(tmp_path):
    now = dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=dt.timezone.utc)
    result = publish_version(tmp_path, sample_tables(0), LINEAGE, now=now)
    assert result.published
    assert result.version_id == f"20240506T070809.123456Z-{_content_hash(sample_tables(0))[:12]}"
    assert result.manifest["content_hash"].startswith(result.version_id.split("-")[1])


def test_unchanged_content_publishes_nothing(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    again = publish_version(tmp_path, _shuffled(sample_tables(0)), Lineage("code", "extractor", "run-2"))
    assert not again.published
    assert again.version_id == first.version_id
    assert list_versions(tmp_path) == [first.version_id]


def test_a_version_holds_every_table_and_file_listed_with_its_hash(tmp_path):
    result = publish_version(tmp_path, sample_tables(0), LINEAGE)
    manifest = read_manifest(tmp_path)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {p.relative_to(result.path).as_posix() for p in result.path.rglob("*") if p.is_file()}
    assert on_disk - set(listed) == {"manifest.json"}
    assert {"DATASET.md", "schema.json", "review.html", "changes/changes.parquet"} <= set(listed)
    pages = {page_path(doc_id) for doc_id in sample_tables(0).documents["doc_id"]}
    assert pages <= set(listed) and all(listed[page]["digest"] for page in pages)
    assert "seeds" not in manifest and sum(listed[p]["rows"] for p in listed if p.startswith("sources/")) == 3
    for table in TABLES:
        assert any(fnmatch.fnmatch(path, table_files(table)) for path in listed), table
    assert {path.split("/")[1] for path in listed if path.startswith(("figures/", "series/"))} == {"partner=MEX"}
    for path, entry in listed.items():
        assert file_sha256(result.path / path) == entry["sha256"]
        assert entry.get("written_by") == (result.version_id if path.endswith(".parquet") else None)
    for table in TABLES:
        frame = open_table(tmp_path, table).collect()
        assert frame.height == manifest["row_counts"][table]
        TABLES[table].validate(frame)
    assert manifest["parent"] is None
    assert (manifest["dagster_run_id"], manifest["code_version"], manifest["extractor_version"]) == \
        ("run-1", "code", "extractor")
    series_file = next(path for path in listed if path.startswith("series/"))
    lineage = pl.read_parquet_metadata(result.path / series_file)
    assert json.loads(lineage["trade_figures.lineage"])["version_id"] == result.version_id
    assert lineage["trade_figures.written_by"] == result.version_id


def test_the_tables_read_back_with_polars_duckdb_and_pandas(tmp_path):
    tables = sample_tables(0)
    publish_version(tmp_path, tables, LINEAGE)
    current = tmp_path / "current"
    figures = pl.scan_parquet(current / "figures" / "**" / "*.parquet", hive_partitioning=True).collect()
    assert figures.height == tables.figures.height
    assert set(figures["partner"]) == {"MEX"}
    counted = duckdb.sql(f"select partner, count(*) from read_parquet('{current}/figures/*/*.parquet', "
                         "hive_partitioning=true) group by partner").fetchall()
    assert counted == [("MEX", tables.figures.height)]
    series = pd.read_parquet(current / "series")  # the partner folders give the partner column back
    assert set(series.columns) == set(TABLES["series"].to_schema().columns)
    assert set(series["partner"]) == {"MEX"}
    imports = series[(series["flow"] == "import") & (series["year"] == 2012)].iloc[0]
    assert bool(imports["conflict"]) and imports["n_figures"] == 2


def test_each_version_names_its_parent(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    second = publish_version(tmp_path, sample_tables(1), LINEAGE)
    assert second.manifest["parent"] == first.version_id
    assert list_versions(tmp_path) == [first.version_id, second.version_id]
    assert Layout(tmp_path).current_id() == second.version_id


def test_tables_failing_their_model_publish_nothing(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    documents, figures, rejected = base_records()
    figures[0]["partner"] = "XXX"
    with pytest.raises(pandera.errors.SchemaError):
        publish_version(tmp_path, build(documents, figures, rejected), LINEAGE)
    assert list_versions(tmp_path) == [first.version_id]
    assert Layout(tmp_path).current_id() == first.version_id


@pytest.mark.parametrize("table", ["figures", "changes"])
def test_a_staged_table_that_does_not_read_back_as_written_is_not_published(tmp_path, monkeypatch, table):
    first = publish_version(tmp_path, sample_tables(0), LINEAGE)
    write_changes = publish.write_changes

    def write_then_alter(staging, *args):  # the last file written: every table is there
        digest = write_changes(staging, *args)
        path = next((staging / table).rglob("*.parquet"))
        pl.read_parquet(path, hive_partitioning=False).head(-1).write_parquet(path)  # a row lost
        return digest

    monkeypatch.setattr(publish, "write_changes", write_then_alter)
    with pytest.raises(RuntimeError, match=f"staged {table}/.* does not read back"):
        publish_version(tmp_path, sample_tables(1), LINEAGE)
    assert list_versions(tmp_path) == [first.version_id]
    assert Layout(tmp_path).current_id() == first.version_id


def test_a_publish_clears_what_a_killed_one_left_in_staging(tmp_path):
    publish_version(tmp_path, sample_tables(0), LINEAGE)
    layout = Layout(tmp_path)
    (layout.staging / "20240101T000000.000000Z-abc.dead" / "figures").mkdir(parents=True)
    (layout.root / ".current.dead").symlink_to("versions/nowhere")
    publish_version(tmp_path, sample_tables(1), LINEAGE)
    assert list(layout.staging.iterdir()) == []
    assert not (layout.root / ".current.dead").is_symlink()


def test_page_digests_hash_each_page_s_rows_as_its_own_rows_digest():
    tables = sample_tables(2)
    review = plan_review(tables.documents, tables.figures, tables.rejected, "heading")
    assert len(review.pages) >= 3 and any(page.figures.is_empty() for page in review.pages)
    expected = {page.path: hashlib.sha256(";".join(
        [page.path, *(rows_digest(frame) for frame in page.inputs()), "build"]).encode()).hexdigest()
        for page in review.pages}
    assert publish.page_digests(review.pages, "build") == expected
    assert publish.page_digests(review.pages, "another build") != expected
