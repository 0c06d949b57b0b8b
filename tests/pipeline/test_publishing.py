"""Publishing the seeds from the work store: nothing read when nothing changed, only the delta otherwise."""
from __future__ import annotations

import shutil

import pytest

from pipeline.assemble import assemble
from pipeline.dataset import Lineage, open_table, publish_version, read_manifest, verify_version
from pipeline.dataset.reader import read_sources
from pipeline.extract import EXTRACTOR_VERSION
from pipeline import freshness
from pipeline.freshness import confirmed
from pipeline.publishing import publish_seeds
from pipeline.refresh import refresh
from pipeline.seed_changes import Registered
from pipeline.shards import CHUNKS, chunk_of
from pipeline.versions import build_version
from pipeline.workstore import WorkStore
from tests.conftest import SEEDS

LINEAGE = Lineage("code", EXTRACTOR_VERSION)
MAX_BYTES = 1_000_000


@pytest.fixture
def stored(tmp_path):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(SEEDS, seeds)
    keys = sorted(p.name for p in seeds.iterdir())
    _store(seeds, output, keys)
    return seeds, output, keys


def _store(seeds, output, keys, removed=()):
    refresh(seeds, MAX_BYTES, output, EXTRACTOR_VERSION, sorted(keys), sorted(removed))


def registered(output, keys) -> Registered:
    """``keys`` as the tracker registers them once read, with the digests of the chunks their steps wrote."""
    return Registered(keys, {str(c): d for c, d in WorkStore(output).chunk_digests(range(CHUNKS)).items()})


def _reads(monkeypatch) -> list[tuple[str, list[str]]]:
    calls = []
    read = WorkStore.read

    def spy(self, kind, keys, columns=None):
        calls.append((kind, list(keys)))
        return read(self, kind, keys, columns)

    monkeypatch.setattr(WorkStore, "read", spy)
    return calls


def test_nothing_changed_reads_no_table_and_publishes_nothing(stored, monkeypatch):
    _, output, keys = stored
    first = publish_seeds(output, registered(output, keys), LINEAGE)
    assert first.result.published and first.pending == []
    reads = _reads(monkeypatch)
    monkeypatch.setattr("pipeline.publishing.publish_version", None)  # never called
    again = publish_seeds(output, registered(output, keys), LINEAGE)
    assert not again.result.published and again.result.version_id == first.result.version_id
    assert reads == [] and again.result.manifest["row_counts"] == first.result.manifest["row_counts"]


def test_a_delta_reads_only_its_seeds_and_equals_a_whole_build(stored, monkeypatch, tmp_path):
    seeds, output, keys = stored
    first = publish_seeds(output, registered(output, keys), LINEAGE)
    edited, removed = keys[1], keys[2]
    path = seeds / edited
    path.write_text(path.read_text(encoding="utf-8").replace("billion", "million", 1), encoding="utf-8")
    (seeds / removed).unlink()
    shutil.copy(seeds / keys[0], seeds / "zz_added.txt")
    now = sorted(p.name for p in seeds.iterdir())
    _store(seeds, output, [edited, "zz_added.txt"], [removed])
    reads = _reads(monkeypatch)
    second = publish_seeds(output, registered(output, now), LINEAGE)
    assert second.result.published and second.result.manifest["parent"] == first.result.version_id
    assert {key for _, read in reads for key in read} == {edited, "zz_added.txt"}
    whole = publish_version(tmp_path / "whole", assemble(WorkStore(output), now, EXTRACTOR_VERSION).tables, LINEAGE)
    assert second.result.manifest["content_hash"] == whole.manifest["content_hash"]
    changes = second.result.manifest["changes"]["documents"]
    assert (changes["added_ids"], changes["removed_ids"]) == (["zz_added"], [removed.removesuffix(".txt")])
    assert changes["changed_ids"] == [edited.removesuffix(".txt")]
    assert verify_version(output).ok
    assert open_table(output, "documents").collect()["file_name"].sort().to_list() == now
    assert set(read_sources(output / "current").drop_nulls("source")["file_name"]) == set(now)


def test_a_seed_sharing_its_doc_id_with_a_changed_one_is_read_again_with_it(stored, monkeypatch, tmp_path):
    seeds, output, keys = stored
    mate = keys[0].removesuffix(".txt")  # the same doc_id as keys[0]
    shutil.copy(seeds / keys[0], seeds / mate)
    _store(seeds, output, [mate])
    now = sorted(p.name for p in seeds.iterdir())
    publish_seeds(output, registered(output, now), LINEAGE)
    path = seeds / keys[0]
    path.write_text(path.read_text(encoding="utf-8").replace("billion", "million", 1), encoding="utf-8")
    _store(seeds, output, [keys[0]])
    reads = _reads(monkeypatch)
    second = publish_seeds(output, registered(output, now), LINEAGE)
    assert {key for _, read in reads for key in read} == {keys[0], mate}
    whole = publish_version(tmp_path / "whole", assemble(WorkStore(output), now, EXTRACTOR_VERSION).tables, LINEAGE)
    assert second.result.published and second.result.manifest["content_hash"] == whole.manifest["content_hash"]


def test_a_version_of_another_layout_is_rebuilt_from_every_seed(stored, monkeypatch):
    _, output, keys = stored
    first = publish_seeds(output, registered(output, keys), LINEAGE)
    manifest = first.result.path / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"layout":"parts-', '"layout":"parts-0-', 1))  # a former scheme
    reads = _reads(monkeypatch)
    again = publish_seeds(output, registered(output, keys), LINEAGE)
    assert {key for kind, read in reads if kind == "documents" for key in read} == set(keys)
    assert again.result.manifest["content_hash"] == first.result.manifest["content_hash"]


def test_another_build_rebuilds_once_and_a_rebuild_equal_to_the_current_version_is_built_on(stored, monkeypatch):
    seeds, output, keys = stored
    first = publish_seeds(output, registered(output, keys), LINEAGE)
    assert read_manifest(output)["build_version"] == build_version()
    monkeypatch.setattr("pipeline.publishing.build_version", lambda: "a newer build")  # pipeline/ edited
    monkeypatch.setattr("pipeline.freshness.build_version", lambda: "a newer build")
    reads = _reads(monkeypatch)
    again = publish_seeds(output, registered(output, keys), LINEAGE)  # a whole rebuild, equal to the current version
    assert not again.result.published and again.result.version_id == first.result.version_id
    assert {key for _, read in reads for key in read} == set(keys)
    assert confirmed(output, first.result.version_id)
    reads.clear()
    path = seeds / keys[0]
    path.write_text(path.read_text(encoding="utf-8").replace("billion", "million", 1), encoding="utf-8")
    _store(seeds, output, [keys[0]])
    changed = publish_seeds(output, registered(output, keys), LINEAGE)  # built on the confirmed version: only the change is read
    assert changed.result.published and changed.result.manifest["parent"] == first.result.version_id
    assert {key for _, read in reads for key in read} == {keys[0]}


def test_stamps_are_compared_only_in_the_chunks_whose_digest_moved_since_the_version_was_built(stored):
    seeds, output, keys = stored
    first = publish_seeds(output, registered(output, keys), LINEAGE)
    before = registered(output, keys)
    path = seeds / keys[0]
    path.write_text(path.read_text(encoding="utf-8").replace("billion", "million", 1), encoding="utf-8")
    _store(seeds, output, [keys[0]])
    assert str(chunk_of(keys[0])) in {c for c, d in registered(output, keys).chunks.items() if before.chunks[c] != d}
    stale = publish_seeds(output, before, LINEAGE)  # its step has not recorded the chunk it wrote
    assert not stale.result.published and stale.result.version_id == first.result.version_id
    changed = publish_seeds(output, registered(output, keys), LINEAGE)
    assert changed.result.published
    assert changed.result.manifest["changes"]["documents"]["changed_ids"] == [keys[0].removesuffix(".txt")]


def test_without_a_record_of_the_current_version_every_chunk_is_compared(stored):
    seeds, output, keys = stored
    publish_seeds(output, registered(output, keys), LINEAGE)
    path = seeds / keys[0]
    path.write_text(path.read_text(encoding="utf-8").replace("billion", "million", 1), encoding="utf-8")
    _store(seeds, output, [keys[0]])
    freshness.path_of(output).unlink()
    changed = publish_seeds(output, Registered(keys, {}), LINEAGE)  # no digest recorded anywhere
    assert changed.result.manifest["changes"]["documents"]["changed_ids"] == [keys[0].removesuffix(".txt")]
