"""Gathering the per-seed results of the current seeds into the tables of one dataset version.

What goes in is decided first (``plan``) from what every seed's rows need
checking across seeds: the source of its stored extraction, its doc_id and
its figures' ids, read a group of chunks at a time and never with the rest of
the rows. The rows are then gathered one group of chunks at a time
(``Assembly.batches``), each seed's rows all in its group, or at once
(``assemble``, for a few seeds).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl

from pipeline.dataset import Tables
from pipeline.documents import source_stamp
from pipeline.shards import chunk_groups
from pipeline.validation import split_repeated
from pipeline.workstore import KEY, WorkStore
from schemas import DocumentSchema, FigureSchema, polars_schema

GROUP_SEEDS = 2_000
"""Seeds whose rows (texts included) are gathered at once: their chunks are read together."""


@dataclass(frozen=True, slots=True)
class Assembled:
    tables: Tables
    pending: list[str]
    """Seeds registered but not (or not freshly) read and extracted yet: left out of this version."""
    sources: dict[str, str]
    """The seeds whose rows are in ``tables``: the source stamp their extraction came from."""


@dataclass(frozen=True)
class Assembly:
    """What a version of some seeds is assembled from, decided before any of their rows is gathered."""
    store: WorkStore
    groups: list[list[str]]
    """The fresh seeds by group of chunks, in the order of the keys given."""
    taken: frozenset[str]
    """Fresh seeds whose doc_id is kept by another file (``_one_file_per_id``)."""
    repeats: list[pl.Series]
    """Per group: the rows of its figures (as ``_figures`` reads them) repeating an earlier seed's figure_id."""
    pending: list[str]
    """Seeds registered but not (or not freshly) read and extracted yet: left out of this version."""
    sources: dict[str, str]
    """The seeds assembled: the source stamp their extraction came from."""

    def batches(self) -> Iterator[Tables]:
        """The tables, one group of seeds at a time (all the rows of a seed in its group)."""
        for group, repeats in zip(self.groups, self.repeats):
            yield self._tables(group, repeats)

    def _tables(self, fresh: list[str], repeats: pl.Series) -> Tables:
        """The figures, documents and rejected rows of ``fresh``. Each seed's figures passed ``FigureSchema`` when
        extracted; a rule across documents (a unique ``figure_id``) can only fail here, so only it is applied. The
        documents rows are typed here and validated with the version they go to (``pipeline.dataset.publish``)."""
        documents = _one_file_per_id(self.store.read("documents", fresh), self.taken)
        figures, rejected_again = split_repeated(
            _figures(self.store, fresh, self.taken), FigureSchema,
            {"figure_id": pl.int_range(0, pl.len()).is_in(repeats.implode())})
        rejected = pl.concat([self.store.read("rejected", [k for k in fresh if k not in self.taken]), rejected_again])
        counts = (
            documents.select("doc_id")
            .join(figures.group_by("doc_id").len("n_figures"), on="doc_id", how="left")
            .join(rejected.group_by("doc_id").len("n_rejected"), on="doc_id", how="left")
            .fill_null(0)
        )
        documents = documents.join(counts, on="doc_id", how="left")
        schema = polars_schema(DocumentSchema)
        return Tables(figures=figures, documents=documents.select(list(schema)).cast(schema), rejected=rejected)


def plan(store: WorkStore, keys: list[str], extractor_version: str, group_seeds: int = GROUP_SEEDS) -> Assembly:
    """What ``keys``' latest reads contribute to a version.

    A seed whose stored figures do not come from its current bytes, the text
    read from them and the current extractor (it changed, or was read but not yet extracted) is left
    out and reported pending, so a version never mixes two states of a file.
    """
    stored = store.extracted_sources(keys)
    order = {key: n for n, key in enumerate(keys)}
    groups, ids = [], []
    for group in chunk_groups(keys, group_seeds):
        read = store.read("documents", group, ["file_name", "doc_id", "sha256", "text"])
        fresh = [key for key, sha256, text in read.select("file_name", "sha256", "text").iter_rows()
                 if stored.get(key) == (source_stamp(sha256, text), extractor_version)]
        groups.append(fresh)
        ids.append(read.select("doc_id", "file_name").filter(pl.col("file_name").is_in(fresh)))
    ids = pl.concat([pl.DataFrame(schema={"doc_id": pl.String, "file_name": pl.String}), *ids])
    taken = frozenset(ids.filter(pl.col("doc_id").is_duplicated() & (pl.col("doc_id") == pl.col("file_name")))
                      ["file_name"])
    assembled = [key for group in groups for key in group]
    return Assembly(store, groups, taken, _repeats(store, groups, taken, order), sorted(set(keys) - set(assembled)),
                    {key: stored[key][0] for key in sorted(assembled)})


def assemble(store: WorkStore, keys: list[str], extractor_version: str) -> Assembled:
    """The figures, documents and rejected rows of ``keys``' latest reads, all at once (see ``plan``)."""
    assembly = plan(store, keys, extractor_version, group_seeds=max(1, len(keys)))
    [tables] = assembly.batches()
    return Assembled(tables, assembly.pending, assembly.sources)


def _figures(store: WorkStore, fresh: list[str], taken: frozenset[str], columns: list[str] | None = None) -> pl.DataFrame:
    """The stored figures of ``fresh`` (but the seeds in ``taken``), in key order."""
    return store.read("figures", [key for key in fresh if key not in taken], columns)


def _repeats(store: WorkStore, groups: list[list[str]], taken: frozenset[str], order: dict[str, int]) -> list[pl.Series]:
    """Per group, the rows of its figures whose figure_id an earlier seed (in key order) or row has already.

    Only the ids are read at first; the rows of repeated ids (rare) are read again to order them.
    """
    ids = pl.concat([pl.Series("figure_id", [], pl.String),
                     *(_figures(store, group, taken, ["figure_id"])["figure_id"] for group in groups)])
    repeated = ids.filter(ids.is_duplicated()).unique()
    del ids
    if repeated.is_empty():
        return [pl.Series("row", [], pl.Int64) for _ in groups]
    schema = {"group": pl.Int64, "row": pl.Int64, "order": pl.Int64, "figure_id": pl.String}
    rows = pl.concat([pl.DataFrame(schema=schema), *(
        _figures(store, group, taken, [KEY, "figure_id"]).select(
            pl.lit(n).alias("group"), pl.int_range(0, pl.len()).alias("row"),
            pl.col(KEY).replace_strict(order).alias("order"), "figure_id").cast(schema)
        .filter(pl.col("figure_id").is_in(repeated.implode()))
        for n, group in enumerate(groups))])
    later = rows.sort("order", "row").filter(~pl.col("figure_id").is_first_distinct())
    return [later.filter(pl.col("group") == n)["row"] for n in range(len(groups))]


def _one_file_per_id(documents: pl.DataFrame, taken: frozenset[str]) -> pl.DataFrame:
    """``documents`` with unique doc_ids: the files in ``taken`` give theirs up.

    Only ``X.txt`` beside a file named ``X`` (``a.html.txt`` and ``a.html``)
    share a doc_id (``pipeline.seeds.doc_id_for``). The text file keeps it, as
    text files always had it; the other is listed as unreadable under its
    file name marked ``(id taken)``, with none of its figures, until one of
    the two is renamed.
    """
    clash = pl.col("file_name").is_in(list(taken))
    if not taken:
        return documents
    return documents.with_columns(
        pl.when(clash).then(pl.col("file_name") + " (id taken)").otherwise(pl.col("doc_id")).alias("doc_id"),
        pl.when(clash).then(pl.lit("unreadable")).otherwise(pl.col("status")).alias("status"),
        pl.when(clash).then(pl.lit("its doc_id is also that of ") + pl.col("file_name") + ".txt, which keeps it; "
                            "rename one of the two").otherwise(pl.col("reason")).alias("reason"),
        pl.when(clash).then(None).otherwise(pl.col("text")).alias("text"),
    )
