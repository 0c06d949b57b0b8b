"""A published version's inconsistencies (``pipeline.consistency``), worked out one partner folder at a time.

Every rule compares figures of one ``GROUP`` only (one reporter, partner,
product and period: ``FACT``, the rules' subjects and their change keys all
hold it), so a version's violations are the union of its partner folders',
and a folder's the union of its groups'. Each folder's violations are kept in
the work folder under a digest of the folder's parts (their row digests, from
the manifest) and the build version (``pipeline.versions``), each violation
with the digest of its group's rows. A version that changed one document
works out only the folders that document touched and reads the others back;
in a touched folder, the groups whose rows are those of the parent's folder
keep the parent's result (its violations, or none: a kept result also names
every group it checked, in its Parquet metadata), and only the others are
worked out. Kept results no longer named by the version checked are removed;
one removed while being read is worked out again.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import polars as pl

from pipeline.atomic import write_atomically
from pipeline.consistency import COLUMNS, GROUP, VIOLATION_SCHEMA, find_inconsistencies
from pipeline.dataset.hashing import group_digests
from pipeline.dataset.layout import PARTITION_KEY, Layout
from pipeline.dataset.parts import partner_of, table_of
from pipeline.dataset.manifest import read_manifest

_GROUP_DIGEST = "group_digest"
_CHECKED = "checked_groups"
"""Parquet metadata key of a kept result: JSON list of the digests of every group of its folder, with or without
violations."""
_KEPT_SCHEMA = {**VIOLATION_SCHEMA, _GROUP_DIGEST: pl.String, PARTITION_KEY: pl.String}
"""A folder's violations while they are worked out: with their group's digest and their folder's partner."""
LISTED = 200
"""Violations returned in full, the first in (rule, description) order."""
ATTEMPTS = 3
ROWS_PER_PASS = 250_000
"""Figures worked out in one pass at most (a larger folder is a pass of its own): a version that changed one
document works out its few folders at once, a whole build one bounded batch of folders at a time."""


@dataclass(frozen=True, slots=True)
class Inconsistencies:
    version_id: str
    figures: int
    by_rule: dict[str, int]
    """Violations per rule, every one counted."""
    first: pl.DataFrame
    """The first ``LISTED`` violations in (rule, description) order: rule, figure_ids, description."""
    worked_out: int
    """Partner folders whose violations were worked out now (the others were read back)."""

    @property
    def total(self) -> int:
        return sum(self.by_rule.values())


def version_inconsistencies(output_dir: Path, version: str | None = None) -> Inconsistencies:
    """The violations of ``version`` (default: current), from its partner folders' kept results where it can."""
    manifest = read_manifest(output_dir, version)
    folder = Layout(output_dir).version(manifest["version_id"])
    cache = output_dir / "work" / "consistency"
    kept = {cache / f"{key}.parquet": paths for key, paths in _folders(manifest).items()}
    before = {_folder_of(paths[0]): cache / f"{key}.parquet"
              for key, paths in _parent_folders(output_dir, manifest).items()}
    rows = {entry["path"]: entry.get("rows", 0) for entry in manifest["files"]}
    worked_out = 0
    for attempt in range(ATTEMPTS):
        missing = {path: paths for path, paths in kept.items() if not path.exists()}
        for batch in _passes(missing, rows):
            for path, (found, checked) in _worked_out(folder, batch, before).items():
                metadata = {_CHECKED: json.dumps(checked)}
                write_atomically(path, lambda fh: found.write_parquet(fh, metadata=metadata))
        worked_out += len(missing)
        try:  # one scan of every folder's results; heads only for the listing
            by_rule = pl.scan_parquet(list(kept)).group_by("rule").len().sort("rule").collect()
            first = pl.concat([pl.DataFrame(schema=VIOLATION_SCHEMA).lazy(),
                               *(pl.scan_parquet(path).select(list(VIOLATION_SCHEMA)).head(LISTED) for path in kept)]
                              ).sort("rule", "description").head(LISTED).collect()
            break
        except FileNotFoundError:  # removed by a check of another version meanwhile: worked out again
            if attempt == ATTEMPTS - 1:
                raise
    for stale in (path for path in cache.glob("*.parquet") if path not in kept):
        stale.unlink(missing_ok=True)
    return Inconsistencies(manifest["version_id"], manifest["row_counts"]["figures"],
                           dict(by_rule.iter_rows()), first, worked_out)


def _folders(manifest: dict) -> dict[str, list[str]]:
    """Each partner folder's figure parts, by a key of their row digests and the build version."""
    digests = {entry["path"]: entry.get("digest", entry["sha256"]) for entry in manifest["files"]
               if table_of(entry["path"]) == "figures" and entry["path"].endswith(".parquet")}
    folders = {}
    for _, paths in groupby(sorted(digests), key=_folder_of):
        paths = list(paths)
        key = hashlib.sha256(";".join([manifest["build_version"], *(f"{p}:{digests[p]}" for p in paths)])
                             .encode()).hexdigest()[:32]
        folders[key] = paths
    return folders


def _folder_of(path: str) -> str:
    return path.rsplit("/", 1)[0]


def _parent_folders(output_dir: Path, manifest: dict) -> dict[str, list[str]]:
    """``_folders`` of the version's parent, if it is still there (its kept results may be too)."""
    try:
        parent = read_manifest(output_dir, manifest["parent"]) if manifest.get("parent") else None
    except FileNotFoundError:  # pruned
        return {}
    same_code = parent is not None and parent["build_version"] == manifest["build_version"]  # the same rules
    return _folders(parent) if same_code else {}


def _passes(folders: dict[Path, list[str]], rows: dict[str, int]) -> list[dict[Path, list[str]]]:
    """``folders`` (result path → parts) in batches of at most ``ROWS_PER_PASS`` figures, in order."""
    batches: list[dict[Path, list[str]]] = []
    size = 0
    for path, paths in folders.items():
        count = sum(rows.get(part, 0) for part in paths)
        if not batches or size + count > ROWS_PER_PASS:
            batches.append({})
            size = 0
        batches[-1][path] = paths
        size += count
    return batches


def _worked_out(folder: Path, folders: dict[Path, list[str]], before: dict[str, Path]
                ) -> dict[Path, tuple[pl.DataFrame, list[str]]]:
    """The violations among the figures of each partner folder (its result's path → its parts), sorted by rule and
    description, each with its group's digest (``_GROUP_DIGEST``), and the digests of all the folder's groups;
    worked out in one pass over all of them (no rule relates two groups, so none relates two folders). The groups
    with the same rows as a group the parent's result checked (``before``, if kept) keep its violations, or
    none; only the others are worked out."""
    if not folders:
        return {}
    partner_of_result = {path: partner_of(paths[0]) for path, paths in folders.items()}
    figures = pl.concat([
        pl.scan_parquet([folder / part for part in paths], hive_partitioning=False)
        .with_columns(pl.lit(partner_of_result[path], pl.String).alias(PARTITION_KEY)).select(COLUMNS)
        for path, paths in folders.items()]).collect()
    named = figures.with_columns(pl.struct(GROUP).alias("_group"))  # a group's digest covers its key too
    digests = pl.DataFrame([(*key, digest) for key, digest in group_digests(named, GROUP).items()],
                           schema={**{c: figures.schema[c] for c in GROUP}, _GROUP_DIGEST: pl.String}, orient="row")
    parents = [_parent_result(before.get(_folder_of(paths[0])), partner_of_result[path])
               for path, paths in folders.items()]
    reused = pl.concat([violations for violations, _ in parents])
    reused = reused.filter(pl.col(_GROUP_DIGEST).is_in(digests[_GROUP_DIGEST].implode()))
    checked = pl.Series([digest for _, groups in parents for digest in groups], dtype=pl.String)
    anew = digests.filter(~pl.col(_GROUP_DIGEST).is_in(checked.implode()))
    rows = figures.join(anew.select(GROUP), on=GROUP, how="semi", nulls_equal=True)
    found = (find_inconsistencies(rows)
             .with_columns(pl.col("figure_ids").list.first().alias("figure_id"))
             .join(rows.select("figure_id", *GROUP), on="figure_id", how="left")
             .join(anew, on=GROUP, how="left", nulls_equal=True)
             .select(*VIOLATION_SCHEMA, _GROUP_DIGEST, PARTITION_KEY))
    every = pl.concat([reused, found])
    groups = {partner: sorted(of_partner[_GROUP_DIGEST]) for (partner,), of_partner in
              digests.select(PARTITION_KEY, _GROUP_DIGEST).partition_by(PARTITION_KEY, as_dict=True).items()}
    return {path: (every.filter(pl.col(PARTITION_KEY).eq_missing(partner)).drop(PARTITION_KEY)
                   .sort("rule", "description", _GROUP_DIGEST, maintain_order=True), groups.get(partner, []))
            for path, partner in partner_of_result.items()}


def _parent_result(path: Path | None, partner: str | None) -> tuple[pl.DataFrame, list[str]]:
    """The parent's kept result for a partner folder, with its partner, and the digests of the groups it checked;
    none if it was not kept or is gone."""
    if path is not None:
        try:
            checked = json.loads(pl.read_parquet_metadata(path).get(_CHECKED, "[]"))
            return pl.read_parquet(path).with_columns(pl.lit(partner, pl.String).alias(PARTITION_KEY)), checked
        except FileNotFoundError:  # removed by a check of another version meanwhile: its groups worked out
            pass
    return pl.DataFrame(schema=_KEPT_SCHEMA), []
