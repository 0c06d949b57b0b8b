"""Gathering the per-seed results of the current seeds into the tables of one dataset version."""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pipeline.dataset import Tables
from pipeline.documents import source_stamp
from pipeline.validation import split_repeated
from pipeline.workstore import WorkStore
from schemas import DocumentSchema, FigureSchema, polars_schema


@dataclass(frozen=True, slots=True)
class Assembled:
    tables: Tables
    pending: list[str]
    """Seeds registered but not (or not freshly) read and extracted yet: left out of this version."""
    sources: dict[str, str]
    """The seeds whose rows are in ``tables``: the source stamp their extraction came from."""


def assemble(store: WorkStore, keys: list[str], extractor_version: str) -> Assembled:
    """The figures, documents and rejected rows of ``keys``' latest reads.

    A seed whose stored figures do not come from its current bytes, the text
    read from them and the current extractor (it changed, or was read but not yet extracted) is left
    out and reported pending, so a version never mixes two states of a file.
    Each seed's figures passed ``FigureSchema`` when extracted; a rule across
    documents (a unique ``figure_id``) can only fail here, so only it is checked.
    """
    documents = store.read("documents", keys)
    stored = store.extracted_sources(keys)
    fresh = [key for key, sha256, text in documents.select("file_name", "sha256", "text").iter_rows()
             if stored.get(key) == (source_stamp(sha256, text), extractor_version)]
    pending = sorted(set(keys) - set(fresh))
    documents, taken = _one_file_per_id(documents.filter(pl.col("file_name").is_in(fresh)))
    fresh = [key for key in fresh if key not in taken]
    figures, rejected_again = split_repeated(store.read("figures", fresh), FigureSchema)
    rejected = pl.concat([store.read("rejected", fresh), rejected_again])
    counts = (
        documents.select("doc_id")
        .join(figures.group_by("doc_id").len("n_figures"), on="doc_id", how="left")
        .join(rejected.group_by("doc_id").len("n_rejected"), on="doc_id", how="left")
        .fill_null(0)
    )
    documents = documents.join(counts, on="doc_id", how="left").select(list(polars_schema(DocumentSchema)))
    return Assembled(Tables(figures=figures, documents=DocumentSchema.validate(documents), rejected=rejected), pending,
                     {key: stored[key][0] for key in sorted(set(keys) - set(pending))})


def _one_file_per_id(documents: pl.DataFrame) -> tuple[pl.DataFrame, set[str]]:
    """(documents with unique doc_ids, the files that had to give theirs up).

    Only ``X.txt`` beside a file named ``X`` (``a.html.txt`` and ``a.html``)
    share a doc_id (``pipeline.seeds.doc_id_for``). The text file keeps it, as
    text files always had it; the other is listed as unreadable under its
    file name marked ``(id taken)``, with none of its figures, until one of
    the two is renamed.
    """
    clash = pl.col("doc_id").is_duplicated() & (pl.col("doc_id") == pl.col("file_name"))
    taken = set(documents.filter(clash)["file_name"])
    if not taken:
        return documents, taken
    return documents.with_columns(
        pl.when(clash).then(pl.col("file_name") + " (id taken)").otherwise(pl.col("doc_id")).alias("doc_id"),
        pl.when(clash).then(pl.lit("unreadable")).otherwise(pl.col("status")).alias("status"),
        pl.when(clash).then(pl.lit("its doc_id is also that of ") + pl.col("file_name") + ".txt, which keeps it; "
                            "rename one of the two").otherwise(pl.col("reason")).alias("reason"),
        pl.when(clash).then(None).otherwise(pl.col("text")).alias("text"),
    ), taken
