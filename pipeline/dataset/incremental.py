"""A version assembled from its parent and the rows of the documents that changed.

Only the parts holding a changed document's old or new rows are read and
rebuilt (``pipeline.dataset.parts``), and ``series`` only for the facts those
rows state; every other part is the parent's, shared. Each rebuilt part holds
exactly the rows a build from every document would put there, so both builds
give the same parts, digests and content hash.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.consistency import FACT
from pipeline.dataset.contents import PART_TABLES, SEED_COLUMNS, Contents, Tables, arrange, dictionary_texts
from pipeline.dataset.layout import HIVE_TABLES, PARTITION_KEY, part_file
from pipeline.dataset.parts import bucket, buckets_of, partner_of, parts_holding, split, table_of, with_partner
from pipeline.dataset.reader import read_sources, scan_table_dir
from pipeline.series import SERIES_INPUT, build_series
from schemas import TABLES, polars_schema

_BUCKET = "_bucket"


@dataclass(frozen=True)
class Update:
    """A change to version ``parent``: the rows of some documents replaced."""
    parent: str
    """The version changed; it must still be current when the update is published."""
    touched: frozenset[str]
    """The parent's doc_ids whose rows go (their seeds changed, were removed, or share an id with one that did)."""
    delta: Tables
    """The new rows of the documents rebuilt."""


def update(parent_dir: Path, parent_manifest: dict, change: Update) -> Contents:
    """The contents of ``change`` applied to the version in ``parent_dir``."""
    new = {name: arrange(name, getattr(change.delta, name)) for name in ("documents", "rejected", "figures")}
    rebuilt = frozenset(change.touched | set(new["documents"]["doc_id"]))
    touched = pl.Series("doc_id", sorted(rebuilt), pl.String).implode()
    listed = {entry["path"]: entry for entry in parent_manifest["files"] if table_of(entry["path"]) in PART_TABLES}
    mine = pl.col("doc_id").is_in(touched).fill_null(False)
    fresh, before, rewritten = {}, {}, set()
    for name in ("documents", "rejected", "figures"):
        paths = _touched_parts(name, parent_dir, listed, touched, new[name])
        old = _read(parent_dir, name, sorted(paths & listed.keys()))
        before[name] = old.filter(mine)
        fresh[name] = arrange(name, pl.concat([old.filter(~mine), new[name]]))
        rewritten |= paths
    series_paths, fresh["series"] = _series(parent_dir, listed, rewritten, fresh,
                                            pl.concat([before["figures"].select(FACT), new["figures"].select(FACT)]))
    rewritten |= series_paths
    seeds = read_sources(parent_dir).select(SEED_COLUMNS).filter(~mine)
    return Contents(
        # an empty table's one empty part is not carried: Contents writes it again only if the table stays empty
        fresh=fresh, carried={path: entry for path, entry in listed.items() if path not in rewritten and entry["rows"]},
        before={name: before[name] for name in ("figures", "documents")},
        after={name: new[name] for name in ("figures", "documents")},
        seeds=pl.concat([seeds, new["documents"].select(SEED_COLUMNS)]).sort("doc_id"),
        texts=dictionary_texts(),
        rebuilt=rebuilt,
    )


def _touched_parts(table: str, parent_dir: Path, listed: dict[str, dict], touched: pl.Series,
                   new: pl.DataFrame) -> set[str]:
    """The parts of ``table`` holding a touched document's rows, in the parent or in ``new``."""
    paths = set(split(table, new))
    if table not in HIVE_TABLES:
        return paths | {part_file(table, b) for b in buckets_of(table, touched.explode())}
    candidates = parts_holding(table, listed, touched.explode())
    if candidates:
        holding = (pl.scan_parquet([parent_dir / p for p in candidates], hive_partitioning=False,
                                   include_file_paths="_file")
                   .filter(pl.col("doc_id").is_in(touched)).select(pl.col("_file").unique()).collect())
        paths |= {Path(f).relative_to(parent_dir).as_posix() for f in holding["_file"]}
    return paths


def _read(parent_dir: Path, table: str, paths: list[str]) -> pl.DataFrame:
    """The rows of some of the parent's parts of ``table``, in schema order."""
    schema = polars_schema(TABLES[table])
    frames = [pl.read_parquet(parent_dir / path, hive_partitioning=False) for path in paths]
    if table in HIVE_TABLES:
        frames = [with_partner(frame, path) for frame, path in zip(frames, paths)]
    return pl.concat([pl.DataFrame(schema=schema), *(frame.select(list(schema)) for frame in frames)])


def _series(parent_dir: Path, listed: dict[str, dict], rewritten: set[str], fresh: dict[str, pl.DataFrame],
            facts: pl.DataFrame) -> tuple[set[str], pl.DataFrame]:
    """(the series parts holding ``facts``, their rows): the parent's rows of the other facts there, and a row for
    each of ``facts`` built again from the new version's figures stating it (a fact's row depends on them alone).

    Only the figures stating ``facts`` are read from the parent's figure parts kept as they are, and only the
    columns ``build_series`` reads, so the work follows the change, not the size of its partners' folders.
    """
    facts = facts.unique()
    affected = facts.select(PARTITION_KEY, bucket("series").alias(_BUCKET)).unique()
    paths = {part_file("series", b, partner) for partner, b in affected.iter_rows()}
    partners = set(affected[PARTITION_KEY])
    others = _read(parent_dir, "series", sorted(paths & listed.keys())).join(facts, on=FACT, how="anti",
                                                                              nulls_equal=True)
    carried = [parent_dir / p for p in listed
               if table_of(p) == "figures" and p not in rewritten and partner_of(p) in partners]
    stating = [fresh["figures"].select(SERIES_INPUT).join(facts, on=FACT, how="semi", nulls_equal=True)]
    if carried:
        superset = pl.all_horizontal(pl.col(c).is_in(facts[c].drop_nulls().unique().implode()) | pl.col(c).is_null()
                                     for c in FACT if c != PARTITION_KEY)
        stating.append(scan_table_dir(parent_dir, "figures", carried).select(SERIES_INPUT).filter(superset)
                       .join(facts.lazy(), on=FACT, how="semi", nulls_equal=True).collect())
    figures = pl.concat(stating)
    ids = figures["doc_id"].unique().implode()
    old_documents = [parent_dir / p for p in listed if table_of(p) == "documents" and p not in rewritten]
    published = pl.concat([
        fresh["documents"].select("doc_id", "published"),
        *([pl.scan_parquet(old_documents, hive_partitioning=False).select("doc_id", "published")
           .filter(pl.col("doc_id").is_in(ids)).collect()] if old_documents else [])])
    return paths, arrange("series", pl.concat([others, build_series(figures, published)]))
