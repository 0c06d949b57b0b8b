"""Publishing a dataset version: staged, checked, moved into place, then made current.

A version is written into ``staging/`` (its parts equal to the parent's as
hard links to them, the others written), read back and validated, given its
manifest last, and only then renamed into ``versions/`` (one atomic rename),
so every folder there is complete. ``current`` is a symlink replaced
atomically. A process killed at any point leaves ``current`` on a complete
version; what it left in ``staging/`` is cleared by the next publish or
prune, which run under the same lock. A publish that fails (a full disk)
removes its own staging folder at once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from filelock import FileLock

from pipeline.changes import summarise
from pipeline.dataset.contents import Contents, Tables
from pipeline.dataset.hashing import RowsDigest, file_sha256, group_digests, rows_digest
from pipeline.dataset.incremental import Update, update
from pipeline.dataset.layout import LAYOUT, MANIFEST, SOURCES, Layout
from pipeline.dataset.parts import link, part_digests, parts_holding, split, table_of
from pipeline.dataset.manifest import read_manifest
from pipeline.dataset.reader import scan_table_dir, unread_documents
from pipeline.dataset.retention import clear_leftovers, prune_locked
from pipeline.dataset.whole import WholeBuild, build_whole
from pipeline.dataset.writing import file_metadata, write_changes, write_parts
from pipeline.review import INDEX, LIMIT, PAGES, DocumentPage, Review, chosen, page_path, plan_review
from pipeline.versions import build_version
from schemas import SourceSchema, polars_schema

_LINEAGE_KEYS = ("version_id", "created_at", "parent", "dagster_run_id", "code_version", "extractor_version")
READ_BACK_BYTES = 16 << 20
"""Staged part files read back at once: up to about this many bytes of Parquet, so no table is read whole."""
_PAGE = "_page"
SEED_SOURCES = pl.Schema({name: dtype for name, dtype in polars_schema(SourceSchema).items() if name != "doc_id"})
"""What a publisher gives for the ``sources`` table: each seed file and the digest of its rows' source stamp."""


class ParentMoved(RuntimeError):
    """An ``Update`` planned on a version that is no longer current (another publish came first)."""


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


def publish_version(output_dir: Path, tables: Tables | Iterable[Tables] | Update, lineage: Lineage,
                    now: dt.datetime | None = None, keep: int | None = None,
                    sources: pl.DataFrame | None = None) -> PublishResult:
    """Publish ``tables`` as a new version unless ``current`` already holds the same content.

    ``tables`` is every document's rows (whole, or in batches each holding
    all the rows of its documents: ``pipeline.dataset.whole``), or an ``Update`` of the current
    version (``ParentMoved`` if it no longer is). ``sources`` (``SEED_SOURCES``: seed
    file, a short digest of where its rows came from) is kept in the version's
    ``sources`` table for the next run's delta. ``keep`` (``Settings.keep_versions``; None keeps all) prunes
    the oldest versions afterwards, never the current one.
    """
    layout = Layout(output_dir)
    layout.root.mkdir(parents=True, exist_ok=True)
    with FileLock(layout.lock):
        clear_leftovers(layout)
        parent = layout.current_id()
        parent_manifest = read_manifest(output_dir, parent) if parent else None
        build = layout.staging / f"build.{uuid.uuid4().hex}"  # a whole build's parts, spilled and finished
        try:
            if isinstance(tables, Update):
                if parent != tables.parent:
                    raise ParentMoved(f"planned on {tables.parent}, current is {parent}")
                contents = update(layout.version(parent), parent_manifest, tables)
            else:
                contents = build_whole([tables] if isinstance(tables, Tables) else tables, build,
                                       layout.version(parent) if parent else None)
            if parent_manifest and parent_manifest.get("content_hash") == contents.content_hash:
                version_id, published = parent, False
            else:
                contents.validate()
                given = pl.DataFrame(schema=SEED_SOURCES) if sources is None else sources
                version_id, published = _publish(layout, contents, lineage, parent_manifest, now, given), True
        finally:
            shutil.rmtree(build, ignore_errors=True)
        pruned = prune_locked(layout, keep) if keep is not None else []
        return PublishResult(version_id, layout.version(version_id), published,
                             read_manifest(output_dir, version_id), pruned)


def _publish(layout: Layout, contents: Contents | WholeBuild, lineage: Lineage, parent_manifest: dict | None,
             now: dt.datetime | None, sources: pl.DataFrame) -> str:
    created = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    version_id = f"{created:%Y%m%dT%H%M%S.%fZ}-{contents.content_hash[:12]}"
    parent = parent_manifest["version_id"] if parent_manifest else None
    seeds = _sources(contents, sources)
    digests = {**contents.digests, **part_digests(SOURCES, seeds)}
    shared = _shared(digests, parent_manifest)
    changes = contents.changes()  # validated, in schema and id order
    manifest = {
        "version_id": version_id,
        "created_at": created.isoformat(),
        "content_hash": contents.content_hash,
        "parent": parent,
        "dagster_run_id": lineage.run_id,
        "code_version": lineage.code_version,
        "extractor_version": lineage.extractor_version,
        "build_version": build_version(),
        "layout": LAYOUT,
        "row_counts": {**contents.row_counts(), "changes": changes.height},
        "changes": summarise(changes.rows),
    }
    staging = layout.staging / f"{version_id}.{uuid.uuid4().hex}"
    try:
        staging.mkdir(parents=True)
        metadata = file_metadata({k: manifest[k] for k in _LINEAGE_KEYS})
        for path in shared:
            link(layout.version(parent) / path, staging / path)
        parts = itertools.chain(contents.parts(), split(SOURCES, seeds).items())
        written = write_parts(staging, ((path, frame) for path, frame in parts if path not in shared), metadata)
        changes_digest = write_changes(staging, changes, metadata)
        changed = changes.changed_documents
        del changes  # with the parent rows it compared: the checks read back one file at a time
        _check_staged(staging, {path: digests[path] for path in written}, changes_digest,
                      whole=isinstance(contents, WholeBuild))
        for name, text in contents.texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        shared |= _share_texts(staging, layout, parent_manifest, list(contents.texts))
        review, total, kept = _review_rows(staging, list(digests), changed, _kept_page(contents, parent_manifest))
        pages = _write_review(staging, layout, parent_manifest,
                              plan_review(*review.values(), "trade-figures review", changed=changed, total=total,
                                          kept=kept), build_version())
        shared |= pages.shared
        manifest["unread"] = unread_documents(staging)
        rows = {**written, "changes/changes.parquet": manifest["row_counts"]["changes"]}
        manifest["files"] = _list_files(staging, shared, {**digests, **pages.digests}, rows, version_id)
        (staging / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":"), default=str), encoding="utf-8")
        _fsync_tree(staging, skip=set(shared))
    except BaseException:  # a full disk, say: its space is freed now, not only by the next publish
        shutil.rmtree(staging, ignore_errors=True)
        raise
    layout.versions.mkdir(exist_ok=True)
    os.rename(staging, layout.version(version_id))
    _fsync(layout.versions)
    _point_current(layout, version_id)
    return version_id


def _sources(contents: Contents | WholeBuild, sources: pl.DataFrame) -> pl.DataFrame:
    """The ``sources`` table: each document's seed file and the digest of its rows' source stamp, if given."""
    return SourceSchema.validate(contents.seeds.join(sources, on="file_name", how="left").sort("file_name"))


def _shared(digests: dict[str, str], parent_manifest: dict | None) -> dict[str, dict]:
    """The parts to take from the parent (its manifest entries by path): those carried, and those built whose
    rows equal the parent's part at the same path. Decided from digests, nothing is written to decide it."""
    if parent_manifest is None or parent_manifest.get("layout") != LAYOUT:
        return {}
    listed = {entry["path"]: entry for entry in parent_manifest["files"]}
    return {path: listed[path] for path, digest in digests.items()
            if path in listed and listed[path].get("digest") == digest}  # the carried parts among them


def _share_texts(staging: Path, layout: Layout, parent_manifest: dict | None, names: list[str]) -> dict[str, dict]:
    """The text files equal to the parent's, replaced by hard links to them (the dictionary changes only with
    the code); their parent's manifest entries by path."""
    listed = {entry["path"]: entry for entry in parent_manifest["files"]} if parent_manifest else {}
    shared = {}
    for name in names:
        if name in listed and file_sha256(staging / name) == listed[name]["sha256"]:
            (staging / name).unlink()
            link(layout.version(parent_manifest["version_id"]) / name, staging / name)
            shared[name] = listed[name]
    return shared


def _review_rows(staging: Path, parts: list[str], changed: list[str], keeps_page: Callable[[str], bool]
                 ) -> tuple[dict[str, pl.DataFrame], int, list[str]]:
    """(the documents the review shows and the rows of those whose page is made now, the number of documents,
    the doc_ids shown whose page is the parent's as it is, by ``keeps_page``), read from the staged version:
    ``parts`` lists its part files, and only those that can hold a made page's rows are read, and its text."""
    every = scan_table_dir(staging, "documents").drop("text")  # lazily: the documents shown are its top rows
    shown = chosen(every, changed, LIMIT).collect()
    doc_ids = every.select("doc_id").collect()["doc_id"]
    kept = [doc_id for doc_id in shown["doc_id"] if keeps_page(doc_id)]
    made = shown.filter(~pl.col("doc_id").is_in(pl.Series(kept, dtype=pl.String).implode()))["doc_id"]
    in_made = pl.col("doc_id").is_in(made.implode())
    orphan = ~pl.col("doc_id").is_in(doc_ids.implode()).fill_null(False)

    def rows(table: str) -> pl.LazyFrame:
        return scan_table_dir(staging, table, [staging / path for path in parts_holding(table, parts, made)])

    documents = pl.concat([rows("documents").filter(in_made).collect(),
                           shown.filter(~in_made).with_columns(pl.lit(None, pl.String).alias("text"))],
                          how="diagonal_relaxed")
    return {"documents": documents,
            "figures": rows("figures").filter(in_made).collect(),
            "rejected": scan_table_dir(staging, "rejected").filter(in_made | orphan).collect()}, doc_ids.len(), kept


def _kept_page(contents: Contents | WholeBuild, parent_manifest: dict | None) -> Callable[[str], bool]:
    """Whether a shown document keeps the parent's page as it is: in an update, one whose rows were not rebuilt
    and whose page the parent has, rendered by this code (``build_version``)."""
    if isinstance(contents, WholeBuild) or parent_manifest is None \
            or parent_manifest.get("build_version") != build_version():
        return lambda doc_id: False
    pages = {entry["path"] for entry in parent_manifest["files"] if entry["path"].startswith(f"{PAGES}/")}
    return lambda doc_id: doc_id not in contents.rebuilt and page_path(doc_id) in pages


@dataclass(frozen=True, slots=True)
class _Pages:
    shared: dict[str, dict]
    """The pages linked from the parent: its manifest entries by path."""
    digests: dict[str, str]
    """Every document page's digest (``page_digests``), by path."""


def _write_review(staging: Path, layout: Layout, parent_manifest: dict | None, review: Review,
                  build: str) -> _Pages:
    """The review index, and each document page: a hard link to the parent's page at the same path when that
    was made from the same rows by the same code (its manifest entry's digest), else rendered."""
    (staging / INDEX).write_text(review.index, encoding="utf-8")
    listed = {entry["path"]: entry for entry in parent_manifest["files"]} if parent_manifest else {}
    for path in review.kept:
        link(layout.version(parent_manifest["version_id"]) / path, staging / path)
    shared, digests = {path: listed[path] for path in review.kept}, page_digests(review.pages, build)
    for page in review.pages:
        if listed.get(page.path, {}).get("digest") == digests[page.path]:
            link(layout.version(parent_manifest["version_id"]) / page.path, staging / page.path)
            shared[page.path] = listed[page.path]
        else:
            (staging / page.path).parent.mkdir(exist_ok=True)
            (staging / page.path).write_text(page.render(), encoding="utf-8")
    return _Pages(shared, digests)


def page_digests(pages: list[DocumentPage], build: str) -> dict[str, str]:
    """What each review page is made from, by path: the ``RowsDigest`` of each of its inputs and the code that
    renders them (``build_version``; its path names its doc_id). Each input is hashed in one pass over every
    page's rows, not one per page."""
    named: dict[str, list[str]] = {page.path: [page.path] for page in pages}
    for n in range(len(pages[0].inputs()) if pages else 0):
        frames = [page.inputs()[n].with_columns(pl.lit(page.path).alias(_PAGE)) for page in pages]
        by_page = group_digests(pl.concat(frames), [_PAGE])
        empty = rows_digest(pages[0].inputs()[n].clear())  # a page without such rows forms no group
        for page in pages:
            named[page.path].append(by_page.get((page.path,), empty))
    return {path: hashlib.sha256(";".join([*names, build]).encode()).hexdigest() for path, names in named.items()}


def _check_staged(staging: Path, digests: dict[str, str], changes_digest: str, whole: bool) -> None:
    """Read the written files back: each must hold exactly the rows given, which passed their models.

    Equal ``RowsDigest``s prove the files round-trip to the validated frames,
    without validating the same rows again or holding a table whole. A
    version assembled from its parent also has its ids checked unique over
    the parts written now (a whole build's were over all parts, by ``WholeBuild.validate``): every row of a
    rebuilt document is in one of them, and a repeat can only involve such a row, since a document's rows
    all sit in its ``doc_id``'s bucket and a ``figure_id`` names its document.
    """
    for _, of_table in itertools.groupby(sorted(digests, key=table_of), key=table_of):
        for chunk in _by_size(staging, list(of_table)):  # never a table whole
            read = group_digests(pl.scan_parquet([staging / path for path in chunk], hive_partitioning=False,
                                                 include_file_paths="_file").collect(), ["_file"])
            for path in chunk:
                got = read.get((str(staging / path),))
                if got is None:  # a part with no rows (an empty table's one part) forms no group
                    got = rows_digest(pl.read_parquet(staging / path, hive_partitioning=False))
                if got != digests[path]:
                    raise RuntimeError(f"staged {path} does not read back as the rows written; not published")
    scan = pl.scan_parquet(staging / "changes" / "changes.parquet")
    changes = RowsDigest(scan.collect_schema())
    for batch in scan.collect_batches():
        changes.add(batch)
    if changes.hexdigest() != changes_digest:
        raise RuntimeError("staged changes/changes.parquet does not read back as the rows written; not published")
    if not whole:
        for table, key in (("documents", "doc_id"), ("figures", "figure_id")):
            written = [staging / path for path in digests if table_of(path) == table]
            if written and pl.scan_parquet(written, hive_partitioning=False).select(
                    pl.col(key).is_duplicated().any()).collect().item():
                raise RuntimeError(f"{table}: {key} repeated across documents; not published")


def _by_size(staging: Path, paths: list[str]) -> Iterator[list[str]]:
    """``paths`` in runs of about ``READ_BACK_BYTES`` of files (at least one file each)."""
    run, size = [], 0
    for path in paths:
        run.append(path)
        size += (staging / path).stat().st_size
        if size >= READ_BACK_BYTES:
            yield run
            run, size = [], 0
    if run:
        yield run


def _list_files(staging: Path, shared: dict[str, dict], digests: dict[str, str], rows: dict[str, int],
                version_id: str) -> list[dict]:
    """Every file with its size and sha256; a part also with its rows, ``RowsDigest`` and the version that wrote
    it, a review page with its ``page_digests`` entry. A shared file's entry is its parent's (``verify`` re-hashes it
    like any other)."""
    files = []
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        name = path.relative_to(staging).as_posix()
        if name in shared:
            files.append(shared[name])
            continue
        entry = {"path": name, "bytes": path.stat().st_size, "sha256": file_sha256(path)}
        if path.suffix == ".parquet":
            entry["rows"] = rows[name]
            entry["written_by"] = version_id
        if name in digests:
            entry["digest"] = digests[name]
        files.append(entry)
    return files


def _point_current(layout: Layout, version_id: str) -> None:
    tmp = layout.root / f".current.{uuid.uuid4().hex}"
    os.symlink(Path("versions") / version_id, tmp)
    os.replace(tmp, layout.current)
    _fsync(layout.root)


def _fsync_tree(root: Path, skip: set[str]) -> None:
    """Flush a finished staging folder to disk, so a machine crash cannot leave a renamed but empty version.

    Files in ``skip`` are links to files flushed when their version was published; their folders are flushed.
    """
    for path in sorted(root.rglob("*"), reverse=True):
        if path.relative_to(root).as_posix() not in skip:
            _fsync(path)
    _fsync(root)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
