"""The Dagster definitions load, and materialise on a temporary instance with bad seeds among good ones."""
from __future__ import annotations

import shutil

import dagster as dg
import polars as pl
import pytest

from assets.definitions import defs
from assets.resources import TradeFiguresSettings
from assets.launch import failed_warnings, failure_lines, materialize_everything
from assets.run import summary_line
from pipeline.dataset import open_table, read_manifest
from pipeline.dataset.reader import unread_documents
from pipeline.shards import SHARDS
from tests.conftest import SEEDS

TABLE_ASSETS = {"figures", "documents", "rejected", "series", "changes"}
SHARD_NAMES = {f"extractions_shard_{shard}" for shard in range(SHARDS)}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert keys == {"seed_files", *SHARD_NAMES, "dataset", *TABLE_ASSETS}
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert checks == {"figures_match_schema", "documents_are_readable", "figures_are_consistent",
                      "no_rejected_figures", "dataset_matches_manifest"}


@pytest.fixture
def folders(tmp_path):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(SEEDS, seeds)
    return seeds, output, TradeFiguresSettings(seeds_dir=str(seeds), output_dir=str(output),
                                               max_document_bytes=100_000)


def materialisations(result: dg.JobExecutionResult) -> dict[str, dict]:
    return {event.asset_key.to_user_string(): event.metadata
            for node in (*SHARD_NAMES, "publish") for event in result.asset_materializations_for_node(node)}


def extractions(materialised: dict[str, dict]) -> dict[str, int | list]:
    """The shard materialisations' metadata, summed (counts) or joined (lists) over the shards that ran."""
    shards = [metadata for key, metadata in materialised.items() if key in SHARD_NAMES]
    return {name: sum((m[name].value for m in shards), [] if name.endswith("_now") else 0)
            for name in ("seeds", "read", "read_now")}


def test_bad_seeds_are_listed_and_never_stop_the_good_ones(folders, tmp_path):
    seeds, output, settings = folders
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "picture [scan].txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (seeds / "huge.txt").write_text("trade " * 20_000)
    (tmp_path / "secret.txt").write_text("U.S. exports to Chile were $16 billion in 2013.")
    (seeds / "escape.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / "Exportações – Brasil (1).txt").write_bytes(
        "U.S. goods exports to Brazil – São Paulo’s “market” – were $44.1 billion in 2013.".encode("cp1252"))
    with dg.instance_for_test() as instance:
        result = materialize_everything(instance, settings)
        assert result.success
        evaluations = result.get_asset_check_evaluations()
    readable = [e for e in evaluations if e.check_name == "documents_are_readable"]
    assert sum(e.metadata["not_readable"].value for e in readable) == 4
    assert any("empty.txt" in e.metadata["failures"].value for e in readable if not e.passed)
    assert all(e.passed for e in evaluations if e.check_name == "figures_match_schema")
    warnings = failed_warnings(result)
    assert any(w.startswith("documents_are_readable") for w in warnings)
    manifest = read_manifest(output)
    assert manifest["unread"] == unread_documents(output / "current") and sum(map(len, manifest["unread"].values())) == 4
    line = summary_line(manifest, True, warnings)
    assert line.endswith(f"warnings: {', '.join(warnings)}") and "rejected 0 figures and 4 documents" in line
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


def test_each_asset_describes_itself(folders):
    seeds, output, settings = folders
    with dg.instance_for_test() as instance:
        first = materialisations(materialize_everything(instance, settings))
        (seeds / "extra.txt").write_text("U.S. exports to Chile were $16.0 billion in 2013.\n")
        second = materialisations(materialize_everything(instance, settings))
    manifest = read_manifest(output)
    n = len(list(SEEDS.glob("*.txt")))
    assert (extractions(first)["seeds"], extractions(first)["read"]) == (n, n)
    assert extractions(second)["read"] == 1 and extractions(second)["read_now"] == ["extra.txt"]
    assert sum(key in SHARD_NAMES for key in second) == 1  # one changed document runs one shard step
    for table in TABLE_ASSETS:
        assert second[table]["dagster/row_count"].value == manifest["row_counts"][table]
        assert second[table]["version_id"].value == manifest["version_id"]
    assert second["dataset"]["current_version"].value == manifest["version_id"]
    assert second["dataset"]["published"].value is True
    assert second["dataset"]["parent"].value == first["dataset"]["version_id"].value


def test_nothing_changed_runs_only_publishing_and_publishes_nothing(folders):
    _, _, settings = folders
    with dg.instance_for_test() as instance:
        first = materialize_everything(instance, settings)
        second = materialize_everything(instance, settings)
    assert not SHARD_NAMES & set(materialisations(second))
    assert materialisations(second)["dataset"]["published"].value is False
    assert materialisations(second)["dataset"]["version_id"] == materialisations(first)["dataset"]["version_id"]


def test_a_removed_seed_leaves_the_next_version(folders):
    seeds, output, settings = folders
    with dg.instance_for_test() as instance:
        assert materialize_everything(instance, settings).success
        first = read_manifest(output)
        victim = sorted(seeds.glob("*.txt"))[0]
        victim.unlink()
        assert materialize_everything(instance, settings).success
    second = read_manifest(output)
    assert second["parent"] == first["version_id"]
    assert victim.stem not in open_table(output, "figures").select("doc_id").collect()["doc_id"].to_list()
    assert victim.name not in open_table(output, "documents").select("file_name").collect()["file_name"].to_list()


def test_a_missing_seed_is_listed_then_read_once_it_is_back(folders, tmp_path):
    seeds, output, settings = folders
    victim = sorted(seeds.glob("*.txt"))[-1]
    kept = tmp_path / "kept.txt"
    victim.rename(kept)
    victim.symlink_to(kept.with_name("not-yet.txt"))  # listed, but leads nowhere yet
    with dg.instance_for_test() as instance:
        assert materialize_everything(instance, settings).success
        documents = open_table(output, "documents").collect()
        missing = documents.filter(pl.col("file_name") == victim.name).row(0, named=True)
        assert missing["status"] == "missing"
        victim.unlink()
        kept.rename(victim)
        assert materialize_everything(instance, settings).success
    documents = open_table(output, "documents").collect()
    assert documents.filter(pl.col("file_name") == victim.name)["status"].to_list() == ["ok"]


def test_a_failing_step_is_told_in_two_plain_lines(folders):
    seeds, output, settings = folders
    output.mkdir()
    (output / "versions").write_text("a file where the versions folder should be")
    with dg.instance_for_test() as instance:
        result = materialize_everything(instance, settings)
    assert not result.success
    lines = failure_lines(result)
    assert len(lines) == 2 and "publish" in lines[0]
    assert "Error" in lines[1] and "Traceback" not in lines[1]


def test_the_bench_floor_of_the_pipelines_shape_has_its_assets_and_checks():
    """``tests.bench.floor --graph`` stands for a one-document run's Dagster cost only while it has its shape."""
    from assets.dataset import publish
    from assets.extraction import SHARD_ASSETS
    from tests.bench import floor

    assert {key.name for key in SHARD_ASSETS[0].check_keys} == set(floor.SHARD_CHECKS)
    assert {key.path[-1] for key in publish.keys} == set(floor.TABLE_ASSETS)
    assert {(key.asset_key.path[-1], key.name) for key in publish.check_keys} == set(floor.PUBLISH_CHECKS)
