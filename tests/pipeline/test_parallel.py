import random
from functools import partial

from pipeline.documents import Document
from pipeline.extraction import extract_and_store, extract_stale
from pipeline.parallel import in_chunks
from pipeline.workstore import WorkStore
from tests.bench.corpus import make_document


def _documents(n: int) -> list[Document]:
    rng = random.Random(3)
    docs = [make_document(rng, f"doc_{i:03d}", 600) for i in range(n)]
    unreadable = Document("bad", "bad.txt", None, 0, None, "empty", "the file is empty", None, None, None)
    return [Document(d.doc_id, f"{d.doc_id}.txt", f"{i:064x}", len(d.text), "utf-8", "ok", None, None, None, d.text)
            for i, d in enumerate(docs)] + [unreadable]


def test_two_workers_store_what_one_stores_and_report_in_order(tmp_path):
    documents = _documents(11)
    results = {}
    for workers in (1, 2):
        work = partial(extract_and_store, tmp_path / str(workers), "7")
        chunks = list(in_chunks(work, documents, workers, chunk=4, min_chunk=2))
        assert [d.doc_id for batch, _ in chunks for d in batch] == [d.doc_id for d in documents]
        assert len(chunks) == 3
        store = WorkStore(tmp_path / str(workers))
        keys = [d.file_name for d in documents]
        results[workers] = ([counts for _, counts in chunks], store.read("figures", keys),
                            store.read("rejected", keys))
        assert all(store.has_extraction(d.file_name, d.source, "7") for d in documents)
    (counts_1, figures_1, rejected_1), (counts_2, figures_2, rejected_2) = results[1], results[2]
    assert counts_1 == counts_2 and figures_1.height == sum(n for n, _ in counts_1) > 0
    assert figures_1.equals(figures_2) and rejected_1.equals(rejected_2)


def test_only_stale_seeds_are_extracted_and_missing_documents_are_named(tmp_path):
    documents = _documents(3)
    store = WorkStore(tmp_path)
    for document in documents:
        store.write_document(document)
    keys = [d.file_name for d in documents] + ["unread.txt"]
    first = extract_stale(tmp_path, "7", keys)
    assert (first.extracted, first.reused, first.missing) == (keys[:-1], 0, ["unread.txt"])
    again = extract_stale(tmp_path, "7", keys)
    assert (again.extracted, again.reused, again.figures) == ([], 4, 0)
