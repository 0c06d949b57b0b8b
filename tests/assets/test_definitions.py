"""The Dagster definitions load, and materialise on a temporary instance with bad seeds among good ones."""
from __future__ import annotations

import shutil

import dagster as dg
import polars as pl
import pytest

from assets.definitions import defs
from assets.run import materialize_everything
from pipeline.dataset import open_table, read_manifest
from tests.conftest import SEEDS


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"seed_files", "documents", "figures", "dataset"} <= keys


@pytest.fixture
def folders(tmp_path, monkeypatch):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setenv("TRADE_FIGURES_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("TRADE_FIGURES_OUTPUT_DIR", str(output))
    monkeypatch.setenv("TRADE_FIGURES_MAX_DOCUMENT_BYTES", "100000")
    return seeds, output


def test_bad_seeds_are_listed_and_never_stop_the_good_ones(folders, tmp_path):
    seeds, output = folders
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "picture [scan].txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (seeds / "huge.txt").write_text("trade " * 20_000)
    (tmp_path / "secret.txt").write_text("U.S. exports to Chile were $16 billion in 2013.")
    (seeds / "escape.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / "Exportações – Brasil (1).txt").write_bytes(
        "U.S. goods exports to Brazil – São Paulo’s “market” – were $44.1 billion in 2013.".encode("cp1252"))
    with dg.instance_for_test() as instance:
        result = materialize_everything(instance)
        assert result.success
        checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not checks["documents_are_readable"].passed
    assert checks["figures_match_schema"].passed
    documents = open_table(output, "documents").collect()
    status = dict(documents.select("file_name", "status").iter_rows())
    assert status["empty.txt"] == "empty" and status["picture [scan].txt"] == "binary"
    assert status["huge.txt"] == "too_large" and status["escape.txt"] == "outside_seeds"
    assert status["Exportações – Brasil (1).txt"] == "ok"
    assert all(status[p.name] == "ok" for p in SEEDS.glob("*.txt"))
    figures = open_table(output, "figures").collect()
    assert set(figures["doc_id"]) >= {p.stem for p in SEEDS.glob("*.txt")} | {"Exportações – Brasil (1)"}
    assert "$16 billion" not in figures["text"].to_list()
    assert read_manifest(output)["row_counts"]["documents"] == documents.height == 10


def test_a_removed_seed_leaves_the_next_version(folders):
    seeds, output = folders
    with dg.instance_for_test() as instance:
        assert materialize_everything(instance).success
        first = read_manifest(output)
        victim = sorted(seeds.glob("*.txt"))[0]
        victim.unlink()
        assert materialize_everything(instance).success
        assert victim.name not in instance.get_dynamic_partitions("seed_files")
    second = read_manifest(output)
    assert second["parent"] == first["version_id"]
    assert victim.stem not in open_table(output, "figures").select("doc_id").collect()["doc_id"].to_list()
    assert victim.name not in [s["file_name"] for s in second["seeds"]]


def test_a_seed_gone_between_listing_and_reading_is_listed_missing(folders):
    seeds, output = folders
    with dg.instance_for_test() as instance:
        from assets.partitions import sync_seed_partitions
        from pipeline.config import Settings

        sync_seed_partitions(instance, Settings.from_env())
        victim = sorted(seeds.glob("*.txt"))[-1]
        victim.unlink()  # after the listing registered it, before the run reads it
        keys = instance.get_dynamic_partitions("seed_files")
        job = defs.resolve_job_def("materialize_everything")
        result = job.execute_in_process(instance=instance, tags={
            "dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]})
        assert result.success
    documents = open_table(output, "documents").collect()
    missing = documents.filter(pl.col("file_name") == victim.name).row(0, named=True)
    assert missing["status"] == "missing" and "disappeared" in missing["reason"]
    assert documents.filter(pl.col("status") == "ok").height == len(list(SEEDS.glob("*.txt"))) - 1
