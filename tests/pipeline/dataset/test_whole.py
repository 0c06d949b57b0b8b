"""A whole build, batch by batch and part by part, equals the same tables split whole."""
from __future__ import annotations

import random

import polars as pl
import pytest

from pipeline.dataset import Lineage, open_table, publish_version, whole
from pipeline.dataset.contents import PART_TABLES, Tables, arrange, content_hash, dictionary_texts, empty_part
from pipeline.dataset.hashing import rows_digest
from pipeline.dataset.parts import part_digests, split
from pipeline.dataset.whole import build_whole
from pipeline.series import build_series
from tests.pipeline.dataset.sample import random_document, tables_of

LINEAGE = Lineage("code", "extractor")


def _split_whole(tables: Tables) -> dict[str, pl.DataFrame]:
    """Every part of ``tables``, split whole: each table sorted, ``series`` built from all figures at once."""
    arranged = {name: arrange(name, getattr(tables, name)) for name in ("figures", "documents", "rejected")}
    arranged["series"] = arrange("series", build_series(arranged["figures"], arranged["documents"]))
    parts = {}
    for name in PART_TABLES:
        parts |= split(name, arranged[name]) or dict([empty_part(name)])
        assert part_digests(name, arranged[name]) == {p: rows_digest(f) for p, f in split(name, arranged[name]).items()}
    return parts


def _docs(seed: int, n: int) -> dict[str, tuple]:
    rng = random.Random(seed)
    return {f"d{i:03d}": random_document(rng, f"d{i:03d}") for i in range(n)}


def _batches(docs: dict[str, tuple], size: int) -> list[Tables]:
    ids = sorted(docs, key=lambda d: hash((d, size)) % 1000)  # each batch's documents from all over the id range
    return [tables_of({d: docs[d] for d in ids[i:i + size]}) for i in range(0, len(ids), size)]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_build_in_spilled_batches_has_the_parts_and_content_hash_of_the_tables_split_whole(tmp_path, seed):
    docs = _docs(seed, 60)
    expected = _split_whole(tables_of(docs))
    build = build_whole(_batches(docs, 7), tmp_path, None, limit=1)  # every batch spilled to disk at once
    assert sorted(build.digests) == sorted(expected)
    for path, part in build.parts():
        assert part.equals(expected[path]), path  # the same rows in the same order
    assert build.digests == {path: rows_digest(part) for path, part in expected.items()}
    assert build.content_hash == content_hash(build.digests, dictionary_texts())
    assert build.row_counts() == {name: sum(f.height for p, f in expected.items() if p.startswith(f"{name}/"))
                                  for name in PART_TABLES}


def test_tables_with_no_rows_get_one_empty_part_each(tmp_path):
    docs = {doc_id: (doc, [], []) for doc_id, (doc, _, _) in _docs(3, 5).items()}
    build = build_whole(_batches(docs, 2), tmp_path, None)
    assert build.row_counts() == {"figures": 0, "documents": 5, "rejected": 0, "series": 0}
    assert sorted(p for p in build.digests if not p.startswith("documents/")) == sorted(
        empty_part(name)[0] for name in ("figures", "rejected", "series"))


def test_an_id_repeated_in_two_parts_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(whole, "CHECK_BYTES", 0)  # each part validated alone: only ``validate`` sees both copies
    doc, figures, _ = next(d for d in _docs(4, 10).values() if d[1])
    twin = {**doc, "doc_id": "twin", "file_name": "twin.txt"}
    copied = {**figures[0], "doc_id": "twin", "partner": "MEX" if figures[0]["partner"] != "MEX" else "CAN"}
    build = build_whole([tables_of({"a": (doc, figures, [])}), tables_of({"twin": (twin, [copied], [])})],
                        tmp_path, None)  # the copy is in another partner's folder
    with pytest.raises(ValueError, match="figures: figure_id repeated across parts"):
        build.validate()


def test_changes_planned_over_many_id_ranges_equal_those_planned_at_once(tmp_path, monkeypatch):
    before, after = _docs(5, 40), _docs(6, 50)  # some documents changed, some added, ten removed
    for name, ranges in (("one", 10**9), ("many", 3)):
        monkeypatch.setattr(whole, "RANGE_ROWS", ranges)
        publish_version(tmp_path / name, tables_of(before), LINEAGE)
        publish_version(tmp_path / name, _batches(after, 9), LINEAGE)
    one, many = (open_table(tmp_path / name, "changes").collect() for name in ("one", "many"))
    assert many.height > 50 and set(many["change"]) == {"added", "removed", "changed"}
    assert many.equals(one)  # the same rows in the same (entity, id) order
    assert many.select("entity", "id").equals(many.select("entity", "id").sort("entity", "id"))
