"""A shard's seeds read and extracted into the work store, in the step's process or spread over worker processes."""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

import polars as pl
import pytest

import pipeline.refresh
from pipeline.refresh import PARALLEL_MIN_SEEDS, refresh, stored_failures, worker_context
from pipeline.shards import chunk_of
from pipeline.workstore import KEY, KINDS, WorkStore

SENTENCES = ["U.S. goods exports to Chile were ${n}.2 billion in 2013, up 4.1% from 2012.",
             "Imports from Peru fell {n}% to $3.{n} billion in 2014.",
             "The trade deficit with Japan was $6{n}.5 billion last year."]


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for n in range(PARALLEL_MIN_SEEDS + 20):
        (folder / f"brief {n:03d}.txt").write_text(" ".join(s.format(n=n % 9 + 1) for s in SENTENCES[: n % 3 + 1]))
    (folder / "empty.txt").write_text("")
    return folder


def stored(output) -> dict[str, pl.DataFrame]:
    """Every row the work store holds, per kind, in one order."""
    return {kind: pl.read_parquet(sorted(output.glob(f"work/chunks/*/{kind}.parquet"))).sort(pl.all())
            for kind in KINDS}


def test_worker_processes_store_what_the_step_alone_stores(seeds, tmp_path):
    keys = sorted(p.name for p in seeds.iterdir())
    alone = refresh(seeds, 100_000, tmp_path / "alone", "v1", keys, [], workers=1)
    spread = refresh(seeds, 100_000, tmp_path / "spread", "v1", keys, [], workers=2)
    assert spread == alone and alone.statuses["empty.txt"] != "ok" and alone.figures > PARALLEL_MIN_SEEDS
    assert all(a.equals(b) for a, b in zip(stored(tmp_path / "alone").values(), stored(tmp_path / "spread").values()))
    removed = [key for key in keys if chunk_of(key) % 2][:30]
    for key in removed:
        (seeds / key).unlink()
    again = [refresh(seeds, 100_000, tmp_path / name, "v1", [], removed, workers=w) for name, w in
             (("alone", 1), ("spread", 2))]
    assert again[0] == again[1]
    assert all(a.equals(b) for a, b in zip(stored(tmp_path / "alone").values(), stored(tmp_path / "spread").values()))


def loaded_packages() -> set[str]:
    return {name.partition(".")[0] for name in sys.modules}


def test_a_worker_process_has_the_core_loaded_and_nothing_of_dagster():
    import assets.definitions  # noqa: F401  (loaded here, so the workers' lack of it means something)
    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        packages = pool.submit(loaded_packages).result()
    assert {"pipeline", "polars", "pandera"} <= packages
    assert not {"dagster", "assets", "dagster_celery"} & packages


def test_stored_figures_equal_to_the_validated_ones_pass_and_any_other_chunk_is_validated_again(seeds, tmp_path,
                                                                                              monkeypatch):
    keys = sorted(p.name for p in seeds.iterdir())
    done = refresh(seeds, 100_000, tmp_path, "v1", keys, [], workers=1)
    store, validated = WorkStore(tmp_path), []
    checked = pipeline.refresh.failure_cases
    monkeypatch.setattr(pipeline.refresh, "failure_cases",
                        lambda frame, model: validated.append(frame.height) or checked(frame, model))
    assert stored_failures(store, done.extracted, done.validated) is None and validated == []

    key = store.read("figures", done.extracted, [KEY])[KEY][0]
    path = store.path("figures", chunk_of(key))
    chunk_rows = store.read("figures", [k for k in done.extracted if chunk_of(k) == chunk_of(key)])

    def alter(column: str, value) -> None:
        rows, metadata = pl.read_parquet(path), pl.read_parquet_metadata(path)
        rows.with_columns(pl.when(pl.col(KEY) == key).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)
                          ).write_parquet(path, metadata=metadata)

    alter("value", 1.5)  # still a valid figure: validated again (that chunk only), and passes
    assert stored_failures(store, done.extracted, done.validated) is None and validated == [chunk_rows.height]
    alter("unit", "dollars")  # no unit of the contract
    cases = stored_failures(store, done.extracted, done.validated)
    assert cases is not None and "unit" in set(cases["column"]) and len(validated) == 2
