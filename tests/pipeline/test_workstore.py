import multiprocessing

import polars as pl

from pipeline.documents import Document
from pipeline.extraction import FIGURE_SCHEMA
from pipeline.validation import REJECTED_SCHEMA
from pipeline.workstore import WorkStore, read_and_store

DOC = Document("a b [1]", "a b [1].txt", "f" * 64, 10, "utf-8", "ok", None, None, None, "some text")


def test_documents_round_trip_under_awkward_keys(tmp_path):
    store = WorkStore(tmp_path)
    store.write_document(DOC)
    assert store.read_document("a b [1].txt") == DOC
    assert store.read_document("other.txt") is None


def test_an_extraction_is_reused_only_for_the_same_source_and_extractor(tmp_path):
    store = WorkStore(tmp_path)
    store.write_extraction("a.txt", pl.DataFrame(schema=FIGURE_SCHEMA), pl.DataFrame(schema=REJECTED_SCHEMA),
                           "f" * 64, "7")
    assert store.has_extraction("a.txt", "f" * 64, "7")
    assert not store.has_extraction("a.txt", "e" * 64, "7")
    assert not store.has_extraction("a.txt", "f" * 64, "8")
    assert not store.has_extraction("b.txt", "f" * 64, "7")


def test_read_skips_keys_without_files_and_remove_forgets_a_seed(tmp_path):
    store = WorkStore(tmp_path)
    store.write_document(DOC)
    assert store.read("documents", ["a b [1].txt", "missing.txt"]).height == 1
    assert store.read("figures", ["missing.txt"]).schema == FIGURE_SCHEMA
    store.remove("a b [1].txt")
    assert store.read("documents", ["a b [1].txt"]).is_empty()
    assert not any(tmp_path.rglob("*.tmp"))


def test_read_and_store_keeps_the_text_in_the_store_only(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Exports were $1 billion.", encoding="utf-8")
    [returned] = read_and_store(seeds, 1000, tmp_path, ["a.txt"])
    assert returned.ok and returned.text is None
    assert WorkStore(tmp_path).read_document("a.txt").text == "Exports were $1 billion."


def test_read_returns_every_column_in_one_chunk_in_key_order(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.workstore.READ_BATCH", 2)
    store = WorkStore(tmp_path)
    keys = [f"{i}.txt" for i in range(5)]
    for key in keys:
        store.write_document(Document(key[:-4], key, "f" * 64, 1, "utf-8", "ok", None, None, None, key))
    frame = store.read("documents", list(reversed(keys)))
    assert frame["file_name"].to_list() == list(reversed(keys))
    assert set(frame.n_chunks("all")) == {1}


def _write_many(output_dir, text, start, rounds):
    store = WorkStore(output_dir)
    start.wait()
    for _ in range(rounds):
        store.write_document(Document("same", "same.txt", "f" * 64, len(text), "utf-8", "ok", None, None, None, text))


def test_two_processes_writing_the_same_key_at_once_both_succeed_with_one_whole_file(tmp_path):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    texts = ["a" * 200_000, "b" * 300_000]
    workers = [context.Process(target=_write_many, args=(tmp_path, text, start, 40)) for text in texts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert WorkStore(tmp_path).read_document("same.txt").text in texts
    assert [p.name for p in (tmp_path / "work" / "documents").iterdir()] == ["same.txt.parquet"]
