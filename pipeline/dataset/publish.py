"""Publishing a dataset version: staged, checked, moved into place, then made current.

A version is written into ``staging/``, read back and validated, given its
manifest last, and only then renamed into ``versions/`` (one atomic rename),
so every folder there is complete. ``current`` is a symlink replaced
atomically. A process killed at any point leaves ``current`` on a complete
version; what it left in ``staging/`` is cleared by the next publish or
prune, which run under the same lock. A publish that fails (a full disk)
removes its own staging folder at once.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from filelock import FileLock

from pipeline.changes import changed_documents, plan_changes, summarise
from pipeline.dataset.contents import Contents, Tables
from pipeline.dataset.hashing import RowsDigest, file_sha256, rows_digest
from pipeline.dataset.layout import MANIFEST, REVIEW, TABLE_NAMES, Layout
from pipeline.dataset.reader import read_manifest, scan_table_dir
from pipeline.dataset.retention import clear_leftovers, prune_locked
from pipeline.dataset.writing import write_tables
from pipeline.review import render_review
from schemas import TABLES
_LINEAGE_KEYS = ("version_id", "created_at", "content_hash", "parent", "dagster_run_id", "code_version",
                 "extractor_version", "seeds", "row_counts")


@dataclass(frozen=True, slots=True)
class Lineage:
    code_version: str
    extractor_version: str
    run_id: str | None = None


@dataclass(frozen=True, slots=True)
class PublishResult:
    version_id: str
    path: Path
    published: bool
    """False when the content equals the current version's: nothing new was written."""
    manifest: dict = field(default_factory=dict)
    pruned: list[str] = field(default_factory=list)
    """Old versions removed by the retention setting after this publish."""


def publish_version(output_dir: Path, tables: Tables, lineage: Lineage, now: dt.datetime | None = None,
                    keep: int | None = None) -> PublishResult:
    """Publish ``tables`` as a new version unless ``current`` already holds the same content.

    ``keep`` (``Settings.keep_versions``; None keeps all) prunes the oldest
    versions afterwards, never the current one.
    """
    layout = Layout(output_dir)
    layout.root.mkdir(parents=True, exist_ok=True)
    contents = Contents.build(tables)
    with FileLock(layout.lock):
        clear_leftovers(layout)
        parent = layout.current_id()
        parent_manifest = read_manifest(output_dir, parent) if parent else None
        if parent_manifest and parent_manifest.get("content_hash") == contents.content_hash:
            version_id, published = parent, False
        else:
            contents.validate()
            version_id, published = _publish(layout, contents, lineage, parent, now), True
        pruned = prune_locked(layout, keep) if keep is not None else []
        return PublishResult(version_id, layout.version(version_id), published,
                             read_manifest(output_dir, version_id), pruned)


def _publish(layout: Layout, contents: Contents, lineage: Lineage, parent: str | None,
             now: dt.datetime | None) -> str:
    created = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    version_id = f"{created:%Y%m%dT%H%M%S.%fZ}-{contents.content_hash[:12]}"
    parent_tables = None if parent is None else {
        name: scan_table_dir(layout.version(parent), name) for name in ("figures", "documents")}
    changes = plan_changes(parent_tables, contents.tables)  # in schema and id order
    TABLES["changes"].validate(changes.outline())  # old/new, JSON made as written, have no rule but their type
    tables = contents.tables
    manifest = {
        "version_id": version_id,
        "created_at": created.isoformat(),
        "content_hash": contents.content_hash,
        "parent": parent,
        "dagster_run_id": lineage.run_id,
        "code_version": lineage.code_version,
        "extractor_version": lineage.extractor_version,
        "seeds": tables["documents"].select("doc_id", "file_name", "sha256", "status").to_dicts(),
        "row_counts": {**{name: frame.height for name, frame in tables.items()}, "changes": changes.height},
        "changes": summarise(changes.rows),
    }
    staging = layout.staging / f"{version_id}.{uuid.uuid4().hex}"
    try:
        digests = {**{name: rows_digest(frame) for name, frame in tables.items()},
                   "changes": write_tables(staging, tables, changes, {k: manifest[k] for k in _LINEAGE_KEYS})}
        review = render_review(tables["documents"], tables["figures"], tables["rejected"],
                               f"trade-figures {version_id}", changed_documents(changes.rows, tables["figures"]))
        for name, text in {**contents.texts, REVIEW: review}.items():
            (staging / name).write_text(text, encoding="utf-8")
        del changes  # with the parent rows it compared: the check reads back one table at a time
        _check_staged(staging, digests)
        manifest["files"] = _list_files(staging)
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
        _fsync_tree(staging)
    except BaseException:  # a full disk, say: its space is freed now, not only by the next publish
        shutil.rmtree(staging, ignore_errors=True)
        raise
    layout.versions.mkdir(exist_ok=True)
    os.rename(staging, layout.version(version_id))
    _fsync(layout.versions)
    _point_current(layout, version_id)
    return version_id


def _check_staged(staging: Path, digests: dict[str, str]) -> None:
    """Read the staged tables back, batch by batch: each must hold exactly the rows given, which passed their models.

    Equal ``RowsDigest``s prove the files round-trip to the validated frames,
    without validating the same rows again or holding a table whole.
    """
    for name in TABLE_NAMES:
        scan = scan_table_dir(staging, name)
        digest = RowsDigest(scan.collect_schema())
        for batch in scan.collect_batches():
            digest.add(batch)
        if digest.hexdigest() != digests[name]:
            raise RuntimeError(f"staged {name} does not read back as the rows written; not published")


def _list_files(staging: Path) -> list[dict]:
    files = []
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        entry = {"path": path.relative_to(staging).as_posix(), "bytes": path.stat().st_size,
                 "sha256": file_sha256(path)}
        if path.suffix == ".parquet":
            entry["rows"] = pl.scan_parquet(path).select(pl.len()).collect().item()
        files.append(entry)
    return files


def _point_current(layout: Layout, version_id: str) -> None:
    tmp = layout.root / f".current.{uuid.uuid4().hex}"
    os.symlink(Path("versions") / version_id, tmp)
    os.replace(tmp, layout.current)
    _fsync(layout.root)


def _fsync_tree(root: Path) -> None:
    """Flush a finished staging folder to disk, so a machine crash cannot leave a renamed but empty version."""
    for path in sorted(root.rglob("*"), reverse=True):
        _fsync(path)
    _fsync(root)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
