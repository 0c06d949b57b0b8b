import polars as pl

from pipeline.assemble import assemble
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
