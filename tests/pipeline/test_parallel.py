import random

import pytest

from pipeline.documents import Document
from pipeline.parallel import extract_chunks, workers_from_env
from tests.bench.corpus import make_document


def _documents(n: int) -> list[Document]:
    rng = random.Random(3)
    docs = [make_document(rng, f"doc_{i:03d}", 600) for i in range(n)]
    unreadable = Document("bad", "bad.txt", None, 0, None, "empty", "the file is empty", None, None, None)
    return [Document(d.doc_id, f"{d.doc_id}.txt", f"{i:064x}", len(d.text), "utf-8", "ok", None, None, None, d.text)
            for i, d in enumerate(docs)] + [unreadable]


def _run(documents, workers):
    chunks = list(extract_chunks(documents, workers, chunk=4, min_chunk=2))
    return chunks, [d.doc_id for batch, _, _ in chunks for d in batch]


def test_two_workers_give_what_one_gives_in_the_same_order():
    documents = _documents(11)
    one, order_one = _run(documents, 1)
    two, order_two = _run(documents, 2)
    assert order_one == order_two == [d.doc_id for d in documents]
    assert len(one) == len(two) > 2
    for (_, valid_1, rejected_1), (_, valid_2, rejected_2) in zip(one, two):
        assert valid_1.height > 0 and valid_1.equals(valid_2) and rejected_1.equals(rejected_2)


def test_workers_come_from_the_environment():
    assert workers_from_env({"TRADE_FIGURES_WORKERS": "3"}) == 3
    assert workers_from_env({}) >= 1
    with pytest.raises(ValueError):
        workers_from_env({"TRADE_FIGURES_WORKERS": "0"})
