"""A published version's inconsistencies (``pipeline.consistency``), worked out one partner folder at a time.

Every rule compares figures of one partner only (``FACT``, the rules' subjects
and their change keys all hold ``partner``), so a version's violations are
the union of its partner folders'. Each folder's violations are kept in the
work folder under a digest of the folder's parts (their row digests, from the
manifest) and the code version, so a version that changed one document works
out only the folders that document touched and reads the others' back. Kept
results no longer named by the version checked are removed; one removed while
being read is worked out again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import polars as pl

from pipeline.atomic import write_atomically
from pipeline.consistency import COLUMNS, VIOLATION_SCHEMA, find_inconsistencies
from pipeline.dataset.layout import PARTITION_KEY, Layout
from pipeline.dataset.parts import partner_of, table_of
from pipeline.dataset.reader import read_manifest

LISTED = 200
"""Violations returned in full, the first in (rule, description) order."""


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
    layout = Layout(output_dir)
    manifest = read_manifest(output_dir, version)
    folder = layout.version(manifest["version_id"])
    parts = sorted(entry["path"] for entry in manifest["files"]
                   if table_of(entry["path"]) == "figures" and entry["path"].endswith(".parquet"))
    digests = {entry["path"]: entry.get("digest", entry["sha256"]) for entry in manifest["files"]}
    cache = output_dir / "work" / "consistency"
    by_rule: dict[str, int] = {}
    firsts, kept, worked_out = [], set(), 0
    for folder_name, paths in groupby(parts, key=lambda path: path.rsplit("/", 1)[0]):
        paths = list(paths)
        key = hashlib.sha256(";".join([manifest["code_version"], *(f"{p}:{digests[p]}" for p in paths)])
                             .encode()).hexdigest()[:32]
        kept.add(f"{key}.parquet")
        try:
            rules = pl.read_parquet(cache / f"{key}.parquet", columns=["rule"])["rule"]
            first = pl.read_parquet(cache / f"{key}.parquet", n_rows=LISTED)
        except FileNotFoundError:
            violations = _worked_out(folder, paths)
            write_atomically(cache / f"{key}.parquet", violations.write_parquet)
            rules, first, worked_out = violations["rule"], violations.head(LISTED), worked_out + 1
        for rule, count in rules.value_counts().iter_rows():
            by_rule[rule] = by_rule.get(rule, 0) + count
        firsts.append(first)
    for stale in (p for p in cache.glob("*.parquet") if p.name not in kept):
        stale.unlink(missing_ok=True)
    first = pl.concat([pl.DataFrame(schema=VIOLATION_SCHEMA), *firsts]).sort("rule", "description").head(LISTED)
    return Inconsistencies(manifest["version_id"], manifest["row_counts"]["figures"], dict(sorted(by_rule.items())),
                           first, worked_out)


def _worked_out(folder: Path, paths: list[str]) -> pl.DataFrame:
    """The violations among the figures of one partner folder's parts, sorted by rule and description."""
    partner = partner_of(paths[0])
    figures = (pl.scan_parquet([folder / path for path in paths], hive_partitioning=False)
               .with_columns(pl.lit(partner, pl.String).alias(PARTITION_KEY)).select(COLUMNS).collect())
    return find_inconsistencies(figures)
