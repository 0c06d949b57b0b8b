"""Publishing a dataset version: staged, checked, moved into place, then made current.

A version directory only ever appears under ``versions/`` complete, with its
manifest (the rename of a finished staging directory is atomic), and
``current`` is a symlink replaced atomically, so a reader or a crash at any
point sees either the previous complete version or the new one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from filelock import FileLock

from pipeline.dataset.hashing import file_sha256, frame_digest
from pipeline.dataset.layout import MANIFEST, PARTITION_KEY, TABLE_NAMES, Layout
from pipeline.dataset.reader import read_manifest, scan_table_dir

SORT_KEYS = {"figures": ["doc_id", "char_start", "figure_id"], "documents": ["doc_id"],
             "rejected": ["doc_id", "figure_id", "check", "record"]}


@dataclass(frozen=True, slots=True)
class Tables:
    figures: pl.DataFrame
    documents: pl.DataFrame
    rejected: pl.DataFrame

    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for name in TABLE_NAMES:
            digest.update(f"{name}:{frame_digest(getattr(self, name), SORT_KEYS[name])};".encode())
        return digest.hexdigest()


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


def publish_version(output_dir: Path, tables: Tables, lineage: Lineage,
                    now: dt.datetime | None = None) -> PublishResult:
    layout = Layout(output_dir)
    layout.root.mkdir(parents=True, exist_ok=True)
    content_hash = tables.content_hash()
    with FileLock(layout.lock):
        parent = layout.current_id()
        if parent is not None:
            current = read_manifest(output_dir, parent)
            if current.get("content_hash") == content_hash:
                return PublishResult(parent, layout.version(parent), False, current)
        created = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
        version_id = f"{created:%Y%m%dT%H%M%SZ}-{content_hash[:12]}"
        manifest = {
            "version_id": version_id,
            "created_at": created.isoformat(),
            "content_hash": content_hash,
            "parent": parent,
            "dagster_run_id": lineage.run_id,
            "code_version": lineage.code_version,
            "extractor_version": lineage.extractor_version,
            "seeds": tables.documents.select("doc_id", "file_name", "sha256", "status")
                     .sort("doc_id").to_dicts(),
            "row_counts": {name: getattr(tables, name).height for name in TABLE_NAMES},
        }
        target = layout.version(version_id)
        if not target.exists():
            staging = layout.staging / f"{version_id}.{uuid.uuid4().hex}"
            try:
                manifest["files"] = _write_tables(staging, tables, manifest)
                _check_staged(staging, tables)
                (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str))
                layout.versions.mkdir(exist_ok=True)
                os.rename(staging, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        _point_current(layout, version_id)
        return PublishResult(version_id, target, True, read_manifest(output_dir, version_id))


def _write_tables(staging: Path, tables: Tables, manifest: dict) -> list[dict]:
    """Write the three tables, each file carrying the lineage as Parquet key-value metadata."""
    lineage = {"trade_figures.version_id": manifest["version_id"],
               "trade_figures.lineage": json.dumps(manifest, default=str)}
    figures = tables.figures.sort(SORT_KEYS["figures"])
    figures.lazy().sink_parquet(
        pl.PartitionBy(staging / "figures", key=PARTITION_KEY, include_key=False),
        metadata=lineage, mkdir=True,
    )
    for name in ("documents", "rejected"):
        (staging / name).mkdir(parents=True)
        getattr(tables, name).sort(SORT_KEYS[name]).write_parquet(staging / name / f"{name}.parquet",
                                                                  metadata=lineage)
    files = []
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        files.append({"path": path.relative_to(staging).as_posix(), "bytes": path.stat().st_size,
                      "sha256": file_sha256(path), "rows": pl.scan_parquet(path).select(pl.len()).collect().item()})
    return files


def _check_staged(staging: Path, tables: Tables) -> None:
    """Read the staged files back: every table must hold exactly the rows given."""
    for name in TABLE_NAMES:
        rows = scan_table_dir(staging, name).select(pl.len()).collect().item()
        expected = getattr(tables, name).height
        if rows != expected:
            raise RuntimeError(f"staged {name} holds {rows} rows, expected {expected}; not published")


def _point_current(layout: Layout, version_id: str) -> None:
    tmp = layout.root / f".current.{uuid.uuid4().hex}"
    os.symlink(Path("versions") / version_id, tmp)
    os.replace(tmp, layout.current)
