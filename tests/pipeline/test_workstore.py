"""The chunked work store: merges per chunk, stamps that decide reuse, never a half-state trusted."""
import polars as pl
import pytest

from pipeline.refresh import refresh
from pipeline.shards import CHUNKS, chunk_of
from pipeline.workstore import KEY, WorkStore

CHILE = "U.S. goods exports to Chile were $16.2 billion in 2013, up 4.1% from 2012.\n"


def keys_in_one_chunk(n: int) -> list[str]:
    """``n`` seed names that share a chunk."""
    names = (f"doc {i} [x].txt" for i in range(100_000))
    first = next(names)
    return [first, *[name for name in names if chunk_of(name) == chunk_of(first)][:n - 1]]


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def run(seeds, output, to_read, removed=()):
    return refresh(seeds, 100_000, output, "v1", sorted(to_read), sorted(removed))


def test_a_chunk_keeps_unchanged_seeds_replaces_changed_ones_and_drops_removed_ones(seeds, tmp_path):
    a, b, c = keys_in_one_chunk(3)
    for key in (a, b, c):
        (seeds / key).write_text(CHILE.replace("16.2", str(len(key))))
    output = tmp_path / "output"
    first = run(seeds, output, [a, b, c])
    assert (first.extracted, first.reused) == (sorted([a, b, c]), 0)
    store = WorkStore(output)
    before = store.read("figures", [a, b, c])
    (seeds / b).write_text(CHILE.replace("16.2", "99.9"))
    (seeds / c).unlink()
    second = run(seeds, output, [a, b], removed=[c])
    assert (second.extracted, second.reused) == ([b], 1)
    after = store.read("figures", [a, b, c])
    assert after.filter(pl.col("doc_id") == a.removesuffix(".txt")).equals(
        before.filter(pl.col("doc_id") == a.removesuffix(".txt")))
    assert "$99.9 billion" in after["text"].to_list() and c.removesuffix(".txt") not in after["doc_id"].to_list()
    assert store.read("documents", [c]).is_empty()
    assert set(store.extracted_sources([a, b, c])) == {a, b}
    assert [p.name for p in output.rglob("*.parquet")] and len({p.parent for p in output.rglob("*.parquet")}) == 1
    assert not any(output.rglob("*.tmp"))


def test_read_returns_rows_in_key_order_across_chunks(seeds, tmp_path):
    keys = [f"{i}.txt" for i in range(30)]
    for key in keys:
        (seeds / key).write_text(CHILE)
    run(seeds, tmp_path / "output", keys)
    store = WorkStore(tmp_path / "output")
    wanted = list(reversed(keys)) + ["never.txt"]
    assert store.read("documents", wanted, ["file_name"])["file_name"].to_list() == list(reversed(keys))
    figures = store.read("figures", wanted)
    assert figures["doc_id"].unique(maintain_order=True).to_list() == [k[:-4] for k in reversed(keys)]
    assert KEY not in figures.columns
    assert len({chunk_of(k) for k in keys}) > 1 and CHUNKS == 256


def test_half_written_chunk_is_never_trusted(seeds, tmp_path):
    """A run killed after rewriting documents (or rejected) but before figures leaves stamps that disagree."""
    [key] = keys_in_one_chunk(1)
    (seeds / key).write_text(CHILE)
    output = tmp_path / "output"
    run(seeds, output, [key])
    store = WorkStore(output)
    old_figures = store.path("figures", chunk_of(key)).read_bytes()
    (seeds / key).write_text(CHILE.replace("16.2", "17.0"))
    run(seeds, output, [key])
    store.path("figures", chunk_of(key)).write_bytes(old_figures)  # as if killed before figures were replaced
    assert key not in store.extracted_sources([key])  # rejected says new, figures say old
    again = run(seeds, output, [key])
    assert again.extracted == [key]
    assert "$17.0 billion" in store.read("figures", [key])["text"].to_list()


def test_the_per_seed_layout_is_dropped(tmp_path):
    store = WorkStore(tmp_path)
    (store.root / "documents").mkdir(parents=True)
    (store.root / "documents" / "a.txt.parquet").write_bytes(b"old")
    (store.root / "seeds_state.json").write_text("{}")
    store.drop_legacy()
    store.drop_legacy()
    assert list(store.root.iterdir()) == []


def test_a_chunk_digest_changes_with_its_extractions_only(seeds, tmp_path):
    a, b = keys_in_one_chunk(2)
    other = next(f"other {i}.txt" for i in range(1000) if chunk_of(f"other {i}.txt") != chunk_of(a))
    for key in (a, b, other):
        (seeds / key).write_text(CHILE)
    output = tmp_path / "output"
    store = WorkStore(output)
    run(seeds, output, [a, b, other])
    chunk, elsewhere = chunk_of(a), chunk_of(other)
    first = store.chunk_digests(range(CHUNKS))
    assert set(first) == {chunk, elsewhere}
    run(seeds, output, [a])  # read again, the same bytes: its extraction is reused, the chunk holds the same
    assert store.chunk_digests(range(CHUNKS)) == first
    (seeds / b).write_text(CHILE.replace("16.2", "17.0"))
    run(seeds, output, [b])
    second = store.chunk_digests(range(CHUNKS))
    assert second[chunk] != first[chunk] and second[elsewhere] == first[elsewhere]
