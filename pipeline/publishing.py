"""Publishing the current seeds: what changed since the current version decides how much work is done.

The current version's ``sources`` table records each seed's source stamp
(every one extracted by the manifest's extractor version); the work store's stamps of the stored extractions
(``WorkStore.extracted_sources``) against it give the delta. No delta: nothing
is read or published. A delta: only its seeds' rows are read and applied to
the current version (``pipeline.dataset.incremental``). No current version,
or one written by other code or another layout: every seed is assembled, a
group of seeds at a time, and the version built part by part
(``pipeline.dataset.whole``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.assemble import assemble, plan
from pipeline.dataset import Lineage, PublishResult, publish_version, read_manifest
from pipeline.dataset.incremental import Update
from pipeline.dataset.layout import LAYOUT, Layout
from pipeline.dataset.publish import SEED_SOURCES, ParentMoved
from pipeline.dataset.reader import read_sources
from pipeline import freshness
from pipeline.freshness import Built, confirmed, moved_chunks
from pipeline.seeds import doc_id_for, keys_of_doc_id
from pipeline.seed_changes import Registered
from pipeline.versions import build_version
from pipeline.workstore import WorkStore

ATTEMPTS = 3
"""Updates planned again when another publish made a new version first; then every seed is assembled."""


@dataclass(frozen=True, slots=True)
class Delta:
    rebuilt: list[str]
    """Seeds whose rows are read again: changed or added, or sharing a doc_id with one that changed or went."""
    removed: list[str]
    """Seeds of the current version no longer registered."""
    published: pl.DataFrame
    """The current version's ``sources``: each document's seed file and source digest."""
    sources: pl.DataFrame
    """``published``'s seed files with a source digest (``SEED_SOURCES``)."""

    @property
    def empty(self) -> bool:
        return not (self.rebuilt or self.removed)


@dataclass(frozen=True, slots=True)
class Published:
    result: PublishResult
    pending: list[str]
    """Seeds left out: not (or not freshly) read and extracted yet."""


def publish_seeds(output_dir: Path, seeds: Registered, lineage: Lineage, keep: int | None = None) -> Published:
    """Publish the stored rows of ``seeds`` as a new version, unless nothing changed since the current one; either
    way, record that the version holds ``seeds.chunks`` (``pipeline.freshness``).

    ``seeds`` is read before any row: a chunk its step wrote after that has another digest in the tracker, so the
    next run looks at it again.
    """
    published = _publish(output_dir, WorkStore(output_dir), seeds, lineage, keep)
    freshness.record(output_dir, Built(published.result.version_id, seeds.chunks))
    return published


def _publish(output_dir: Path, store: WorkStore, seeds: Registered, lineage: Lineage, keep: int | None) -> Published:
    keys = seeds.keys
    for _ in range(ATTEMPTS):
        manifest = _current_manifest(output_dir)
        moved = None if manifest is None else moved_chunks(output_dir, manifest["version_id"], seeds.chunks)
        looked_at = None if moved is None else seeds.in_chunks(moved)
        stamps = store.extracted_sources(keys if looked_at is None else looked_at)
        delta = plan_delta(output_dir, manifest, keys, stamps, lineage, looked_at)
        if delta is None:
            break
        if delta.empty:
            layout = Layout(output_dir)
            return Published(PublishResult(manifest["version_id"], layout.version(manifest["version_id"]), False,
                                           manifest), _without_source(keys, delta.sources))
        assembled = assemble(store, delta.rebuilt, lineage.extractor_version)
        gone = pl.col("file_name").is_in(pl.Series([*delta.rebuilt, *delta.removed], dtype=pl.String).implode())
        touched = frozenset(delta.published.filter(gone)["doc_id"])
        sources = pl.concat([delta.sources.filter(~gone), _digested(assembled.sources)])
        try:
            result = publish_version(output_dir, Update(manifest["version_id"], touched, assembled.tables), lineage,
                                     keep=keep, sources=sources)
        except ParentMoved:
            continue
        return Published(result, _without_source(keys, sources))
    assembly = plan(store, keys, lineage.extractor_version)  # its rows gathered a group of seeds at a time
    return Published(publish_version(output_dir, assembly.batches(), lineage, keep=keep,
                                     sources=_digested(assembly.sources)), assembly.pending)


def plan_delta(output_dir: Path, manifest: dict | None, keys: list[str], stamps: dict[str, tuple[str, str]],
               lineage: Lineage, looked_at: list[str] | None = None) -> Delta | None:
    """The seeds to read again against ``manifest``'s version; None when it cannot be updated, only rebuilt.

    ``stamps`` are those of the seeds ``looked_at`` (those of the chunks that moved; every seed when None): the
    others hold what the version was built from.
    """
    if manifest is None or manifest.get("layout") != LAYOUT \
            or manifest.get("extractor_version") != lineage.extractor_version \
            or not (manifest.get("build_version") == build_version() or confirmed(output_dir, manifest["version_id"])):
        return None
    seeds = read_sources(Layout(output_dir).version(manifest["version_id"]))
    published = seeds.drop_nulls("source").select(list(SEED_SOURCES))
    now = _digested({key: source for key, (source, extractor) in stamps.items()
                     if extractor == lineage.extractor_version})
    looked = pl.DataFrame({"file_name": keys if looked_at is None else looked_at}, schema={"file_name": pl.String})
    changed = set(looked.join(now, on="file_name", how="left")
                  .join(published, on="file_name", how="left", suffix="_published")
                  .filter(pl.col("source").ne_missing(pl.col("source_published")))["file_name"])
    registered = pl.col("file_name").is_in(pl.Series(keys, dtype=pl.String).implode())
    removed = set(published.filter(~registered)["file_name"])
    mates = pl.DataFrame({"file_name": sorted({mate for key in changed | removed
                                               for mate in keys_of_doc_id(doc_id_for(key))})},
                         schema={"file_name": pl.String})
    return Delta(sorted(changed | set(mates.filter(registered)["file_name"])), sorted(removed), seeds, published)


def _digested(stamps: dict[str, str]) -> pl.DataFrame:
    """Each seed's source stamp as 16 hex digits of its sha256 (``SEED_SOURCES``): ``sources`` stays small, a
    change is still seen (two stamps of one seed colliding is a 2**-64 chance)."""
    return pl.DataFrame({"file_name": list(stamps),
                         "source": [hashlib.sha256(stamp.encode()).hexdigest()[:16] for stamp in stamps.values()]},
                        schema=SEED_SOURCES)


def _without_source(keys: list[str], sources: pl.DataFrame) -> list[str]:
    """The seeds among ``keys`` that ``sources`` gives no source digest: left out of the version, sorted."""
    registered = pl.Series(keys, dtype=pl.String)
    return registered.filter(~registered.is_in(sources["file_name"].implode())).sort().to_list()


def _current_manifest(output_dir: Path) -> dict | None:
    try:
        return read_manifest(output_dir)
    except FileNotFoundError:
        return None
