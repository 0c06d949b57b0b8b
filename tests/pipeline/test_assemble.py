import polars as pl

from pipeline.assemble import assemble, plan
from pipeline.dataset import Tables
from pipeline.documents import read_document
from pipeline.refresh import refresh
from pipeline.shards import chunk_of
from pipeline.workstore import KEY, WorkStore

CHILE = "U.S. goods exports to Chile were $16.2 billion in 2013, up 4.1% from 2012.\n"
PERU = "U.S. goods imports from Peru totaled $8.1 billion in 2013.\n"


def extract(store, seeds, name, version="v1"):
    refresh(seeds, 10_000, store.root.parent, version, [name], [])


def read_again(store, seeds, name):
    """``name`` read again into the store, as a run killed before extracting it would leave it."""
    document = read_document(seeds, name, 10_000)
    store.update(chunk_of(name), pl.DataFrame([document.as_record()]), *(
        pl.read_parquet(store.path(kind, chunk_of(name))).clear() for kind in ("figures", "rejected")), {})


def test_tables_hold_the_fresh_seeds_and_count_figures_per_document(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "chile.txt").write_text(CHILE)
    (seeds / "peru.txt").write_text(PERU)
    (seeds / "empty.txt").write_text("")
    store = WorkStore(tmp_path / "out")
    for name in ["chile.txt", "peru.txt", "empty.txt"]:
        extract(store, seeds, name)
    assembled = assemble(store, ["chile.txt", "peru.txt", "empty.txt"], "v1")
    assert assembled.pending == []
    docs = assembled.tables.documents
    counts = dict(docs.select("file_name", "n_figures").iter_rows())
    assert counts["empty.txt"] == 0 and counts["chile.txt"] >= 1 and counts["peru.txt"] >= 1
    assert assembled.tables.figures["doc_id"].n_unique() == 2


def test_a_seed_read_after_its_extraction_or_by_an_older_extractor_is_pending(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "chile.txt").write_text(CHILE)
    (seeds / "peru.txt").write_text(PERU)
    store = WorkStore(tmp_path / "out")
    extract(store, seeds, "chile.txt")
    extract(store, seeds, "peru.txt", version="v0")
    (seeds / "chile.txt").write_text(CHILE.replace("16.2", "17.0"))
    read_again(store, seeds, "chile.txt")
    assembled = assemble(store, ["chile.txt", "peru.txt", "never-read.txt"], "v1")
    assert assembled.pending == ["chile.txt", "never-read.txt", "peru.txt"]
    assert assembled.tables.figures.is_empty() and assembled.tables.documents.is_empty()


def test_rows_failing_across_documents_are_rejected_at_assembly(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "chile.txt").write_text(CHILE)
    store = WorkStore(tmp_path / "out")
    extract(store, seeds, "chile.txt")
    chunk = chunk_of("chile.txt")
    figures = pl.read_parquet(store.path("figures", chunk))
    doubled = pl.concat([figures, figures])
    store.update(chunk, pl.read_parquet(store.path("documents", chunk)), doubled,
                 pl.read_parquet(store.path("rejected", chunk)), store.extracted_sources(["chile.txt"]))
    figures = figures.drop(KEY)
    assembled = assemble(store, ["chile.txt"], "v1")
    assert assembled.tables.figures.height == figures.height
    assert (assembled.tables.rejected["check"] == "figure_id:unique").sum() == figures.height
    assert assembled.tables.documents["n_rejected"].to_list() == [figures.height]


def test_a_file_whose_id_a_text_file_has_is_listed_without_figures(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "brief.html.txt").write_text(CHILE)
    (seeds / "brief.html").write_text(f"<html><body><p>{PERU}</p></body></html>")
    store = WorkStore(tmp_path / "out")
    for name in ["brief.html", "brief.html.txt"]:
        extract(store, seeds, name)
    docs = assemble(store, ["brief.html", "brief.html.txt"], "v1").tables.documents
    assert docs.select("file_name", "doc_id", "status", "n_figures").rows() == [
        ("brief.html", "brief.html (id taken)", "unreadable", 0), ("brief.html.txt", "brief.html", "ok", 2)]
    assert "rename one of the two" in docs["reason"][0]


def _in_groups_of_one(store, keys) -> Tables:
    """``keys`` assembled one chunk at a time, the groups' tables put together."""
    assembly = plan(store, keys, "v1", group_seeds=1)
    assert len(assembly.groups) == len({chunk_of(k) for k in keys})
    batches = list(assembly.batches())
    return Tables(*(pl.concat([getattr(b, name) for b in batches]).sort(pl.all().hash(seed=0))
                    for name in ("figures", "documents", "rejected")))


def test_seeds_assembled_a_chunk_at_a_time_give_the_rows_assembled_at_once(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "chile.txt").write_text(CHILE)
    (seeds / "copy.txt").write_text(PERU)
    (seeds / "brief.html.txt").write_text(CHILE)
    (seeds / "brief.html").write_text(f"<html><body><p>{PERU}</p></body></html>")
    store = WorkStore(tmp_path / "out")
    keys = ["brief.html", "brief.html.txt", "chile.txt", "copy.txt"]  # four chunks, copy.txt's before chile.txt's
    for name in keys:
        extract(store, seeds, name)
    chunk = chunk_of("copy.txt")  # copy.txt stores chile.txt's figures: its ids repeat those of an earlier seed
    copied = pl.read_parquet(store.path("figures", chunk_of("chile.txt"))).with_columns(
        pl.lit("copy.txt").alias(KEY), pl.lit("copy").alias("doc_id"))
    store.update(chunk, pl.read_parquet(store.path("documents", chunk)), copied,
                 pl.read_parquet(store.path("rejected", chunk)), store.extracted_sources(["copy.txt"]))
    at_once = assemble(store, keys, "v1").tables
    in_chunks = _in_groups_of_one(store, keys)
    for name in ("figures", "documents", "rejected"):
        assert getattr(in_chunks, name).equals(getattr(at_once, name).sort(pl.all().hash(seed=0))), name
    assert (in_chunks.rejected["check"] == "figure_id:unique").sum() == copied.height > 0
    assert set(in_chunks.figures["doc_id"]) == {"chile", "brief.html"}  # the first seed (in key order) keeps its ids
    assert in_chunks.documents.filter(pl.col("doc_id") == "copy")["n_rejected"].to_list() == [copied.height]
