"""`make bench`: the pipeline at scale, side by side with the alternatives, in one run.

    python -m tests.bench [--docs 1000,10000] [--work DIR] [--skip extraction,reading,executors]

Prints one JSON line per measurement as it is taken, then a table with the
issue's targets. At each size: the first run, one changed document, the disk
that version adds (its files that are not hard links to its parent's), and a
run where nothing changed. ``--work`` keeps the corpus, so a later run at the
same or a smaller size reuses it. Every pipeline run is a separate `python -m assets.run`
process on a fresh SQLite instance (the project's dagster.yaml), timed by
wall clock once the disk's pending writes are flushed; its peak memory is the
largest resident set among that process and its descendants
(``RUSAGE_CHILDREN`` of a fresh wrapper). Dagster's floor is a one-asset run
timed the same way on the same kind of instance. Both sides of a ratio are
medians: the floor of ``FLOOR_RUNS`` runs (alternating with as many of a run
of the pipeline's shape doing none of its work, for the seconds a one-document
run spends beyond Dagster's cost of that shape), a one-document change of
``REPEATS`` changes (each of another document) and a run with nothing changed
of ``REPEATS`` runs; the samples and the ratio to the fastest floor are
printed beside them. Both run in the product's
environment (`.venv`, as `make run` runs them); the bench itself runs in
`.venv-dev`, which has DuckDB and pandas for the readers' comparisons.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from pipeline.extract import extract_figures
from tests.bench.corpus import generated, make_document
from tests.conftest import RUNTIME_BIN
from tests.bench.executors import bench_executors

REPO = Path(__file__).resolve().parents[2]
SCORER = REPO.parent / "shared" / "tools" / "score.py"
SEEDS = REPO / "seeds"
SEEDS_GOLD = REPO.parent / "shared" / "gold" / "seeds.jsonl"
MB = 1_000_000
FLOOR_RUNS = 5
REPEATS = 3
results: list[dict] = []


def report(metric: str, value: float, unit: str, target: str = "", met: bool | None = None, **extra) -> None:
    row = {"metric": metric, "value": round(value, 4), "unit": unit, "target": target, "met": met, **extra}
    results.append(row)
    print(json.dumps(row), flush=True)


def isolated(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of ``args``; raises if it fails.

    A fresh wrapper process runs it, so the wrapper's RUSAGE_CHILDREN peak is
    this process tree's alone (the largest resident set among its processes).
    The disk's pending writes are flushed first, untimed: a run does not pay
    for the write-back of the one before (a first run leaves hundreds of MB).
    """
    os.sync()
    wrapper = ("import json,resource,subprocess,sys,time\n"
               "t=time.perf_counter(); p=subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "el=time.perf_counter()-t\n"
               "sys.stderr.write(p.stderr); sys.stdout.write(p.stdout)\n"
               "print(json.dumps({'__bench__': [el, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024]}))\n"
               "sys.exit(p.returncode)\n")
    proc = subprocess.run([sys.executable, "-c", wrapper, *args], cwd=REPO, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n"
                           f"{proc.stderr[-4000:]}")
    *lines, last = proc.stdout.rstrip("\n").split("\n")
    elapsed, peak = json.loads(last)["__bench__"]
    return elapsed, peak, "\n".join(lines)


def instance_env(root: Path, seeds: Path) -> dict[str, str]:
    """A fresh DAGSTER_HOME with the project's dagster.yaml, and the folders of one pipeline."""
    home = root / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    return {**os.environ, "DAGSTER_HOME": str(home), "TRADE_FIGURES_SEEDS_DIR": str(seeds),
            "TRADE_FIGURES_OUTPUT_DIR": str(root / "output")}


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- extraction -------------------------------------------------------------------------------------------------
def bench_extraction(corpus: Path, sample_bytes: int, gold: list[dict]) -> None:
    """Both extractors over the same text: the corpus' first ``sample_bytes``, then the project's seeds.

    The ratio depends on how dense the text is in figures, so the corpus' density
    is reported beside the seeds' (bytes per gold figure).
    """
    from quantulum3 import parser

    extract_figures("Exports were $1.2 billion in 2023.", "warm-up")
    parser.parse("Exports were $1.2 billion, up 4%.")  # loads quantulum3's unit tables
    texts = _read(sorted((corpus / "seeds").iterdir()), sample_bytes)
    sampled = {doc_id for doc_id, _ in texts}
    _compare("extract", texts, sum(1 for g in gold if g["doc_id"] in sampled), parser)
    seeds = _read(sorted(SEEDS.glob("*.txt")), None)
    with open(SEEDS_GOLD, encoding="utf-8") as fh:
        seed_figures = sum(1 for line in fh if line.strip())
    _compare("extract_seeds", seeds, seed_figures, parser)


def _read(paths: list[Path], limit: int | None) -> list[tuple[str, str]]:
    texts, size = [], 0
    for path in paths:
        if limit is not None and size >= limit:
            break
        texts.append((path.stem, path.read_text(encoding="utf-8")))
        size += len(texts[-1][1].encode())
    return texts


def _compare(prefix: str, texts: list[tuple[str, str]], gold_figures: int, parser) -> None:
    size = sum(len(text.encode()) for _, text in texts)
    about = {"documents": len(texts), "mb": round(size / MB, 3), "bytes_per_gold_figure": round(size / gold_figures)}
    ours = max(_throughput(extract_figures, texts, size) for _ in range(3))
    theirs = max(_throughput(lambda text, doc_id: parser.parse(text), texts, size) for _ in range(2))
    report(f"{prefix}_pipeline_mb_per_s", ours, "MB/s", note="best of 3", **about)
    report(f"{prefix}_quantulum3_mb_per_s", theirs, "MB/s", note="best of 2", **about)
    report(f"{prefix}_speedup_vs_quantulum3", ours / theirs, "x", ">= 100", ours / theirs >= 100)


def _throughput(extract, texts: list[tuple[str, str]], size: int) -> float:
    start = time.perf_counter()
    for doc_id, text in texts:
        extract(text, doc_id)
    return size / MB / (time.perf_counter() - start)


def bench_linearity(sizes=(10_000, 100_000, 1_000_000)) -> None:
    """Extractor seconds per MB on single documents of growing size: flat when the cost is linear."""
    per_mb = []
    for size in sizes:
        text = make_document(random.Random(size), f"size_{size}", size).text
        start = time.perf_counter()
        extract_figures(text, f"size_{size}")
        per_mb.append((time.perf_counter() - start) / (len(text.encode()) / MB))
        report(f"extract_s_per_mb_{size // 1000}kb", per_mb[-1], "s/MB")
    growth = per_mb[-1] / per_mb[0]
    report("extract_cost_growth_1mb_vs_10kb", growth, "x per MB", "<= 1.5 (linear)", growth <= 1.5)


# -- the pipeline -------------------------------------------------------------------------------------------------
def subset(corpus: Path, n: int, root: Path) -> Path:
    """The corpus' first ``n`` documents as a seeds folder of its own (hard links)."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for path in sorted((corpus / "seeds").iterdir())[:n]:
        os.link(path, seeds / path.name)
    return seeds


@dataclass(frozen=True, slots=True)
class Floor:
    median: float
    fastest: float
    graph: float
    """The median run of the pipeline's shape doing none of its work (``tests.bench.floor --graph``)."""

    def ratios(self, seconds: float) -> dict[str, float]:
        return {"ratio_to_floor": round(seconds / self.median, 2),
                "ratio_to_fastest_floor": round(seconds / self.fastest, 2)}


def bench_floor(root: Path) -> Floor:
    """Dagster's floor, and the same for a run of the pipeline's shape, alternately (``tests.bench.floor``)."""
    env = instance_env(root / "floor", root / "floor" / "seeds")
    command = [str(RUNTIME_BIN / "python"), "-m", "tests.bench.floor"]
    runs, graph = [], []
    for _ in range(FLOOR_RUNS):
        runs.append(isolated(command, env)[0])
        graph.append(isolated([*command, "--graph"], env)[0])
    floor = Floor(statistics.median(runs), min(runs), statistics.median(graph))
    report("dagster_floor_s", floor.median, "s", note=f"one trivial asset, whole process, median of {FLOOR_RUNS}",
           fastest=round(floor.fastest, 3), samples=[round(r, 3) for r in runs])
    report("dagster_floor_graph_s", floor.graph, "s", ratio_to_floor=round(floor.graph / floor.median, 2),
           note=f"the pipeline's assets, checks and steps doing no work, median of {FLOOR_RUNS}",
           samples=[round(r, 3) for r in graph])
    return floor


def steps_of(out: str) -> str:
    """The run's step durations line (``assets.run`` prints it before its summary)."""
    return next((line.removeprefix("steps: ") for line in out.splitlines() if line.startswith("steps: ")), "")


def bench_run(corpus: Path, n: int, root: Path, floor: Floor, gold: list[dict]) -> Path:
    """``make run`` over ``n`` documents: all of them, then one changed document (``REPEATS`` times, each time
    another), then nothing changed (``REPEATS`` times)."""
    run_root = root / f"run_{n}"
    shutil.rmtree(run_root, ignore_errors=True)  # a run kept by --work before
    seeds = subset(corpus, n, run_root)
    env = instance_env(run_root, seeds)
    command = [str(RUNTIME_BIN / "python"), "-m", "assets.run"]
    elapsed, peak, out = isolated(command, env)
    big = n >= 10_000
    report(f"run_{n}_docs_s", elapsed, "s", "< 120" if n == 10_000 else "", elapsed < 120 if n == 10_000 else None,
           **floor.ratios(elapsed), docs_per_s=round(n / elapsed, 1), steps=steps_of(out),
           summary=out.splitlines()[-1])
    report(f"run_{n}_docs_peak_mb", peak, "MB", "< 2048" if big else "", peak < 2048 if big else None)
    output = run_root / "output"
    if not big:
        score_published(output, gold, n)
    changeable = (seed for seed in sorted(seeds.iterdir())[n // 2:] if "billion" in seed.read_text(encoding="utf-8"))
    changes = [one_change(seed, output, command, env) for seed, _ in zip(changeable, range(REPEATS))]
    inc = statistics.median(change.seconds for change in changes)
    report(f"run_{n}_one_changed_s", inc, "s", "<= 2x floor", inc <= 2 * floor.median, **floor.ratios(inc),
           beyond_graph_floor_s=round(inc - floor.graph, 3), ratio_to_full=round(inc / elapsed, 3),
           samples=[round(c.seconds, 3) for c in changes],
           peak_mb=round(max(c.peak_mb for c in changes), 1), steps=changes[-1].steps, summary=changes[-1].summary)
    added = max(changes, key=lambda change: change.added_bytes)
    report(f"run_{n}_one_changed_disk_added_pct", 100 * added.added_bytes / added.whole_bytes, "%",
           "<= 5" if n == 10_000 else "", added.added_bytes / added.whole_bytes <= 0.05 if n == 10_000 else None,
           added_mb=round(added.added_bytes / MB, 2), full_version_mb=round(added.whole_bytes / MB, 1),
           new_versions=all(change.new_version for change in changes), note=f"the largest of {REPEATS} changes")
    same = [isolated(command, env) for _ in range(REPEATS)]
    median = statistics.median(seconds for seconds, _, _ in same)
    report(f"run_{n}_nothing_changed_s", median, "s", "<= 1.5x floor", median <= 1.5 * floor.median,
           **floor.ratios(median), samples=[round(seconds, 3) for seconds, _, _ in same],
           steps=steps_of(same[-1][2]), summary=same[-1][2].splitlines()[-1])
    return output


@dataclass(frozen=True, slots=True)
class Change:
    seconds: float
    peak_mb: float
    steps: str
    summary: str
    added_bytes: int
    """Of the files only the new version holds (the others are hard links to its parent's)."""
    whole_bytes: int
    new_version: bool


def one_change(seed: Path, output: Path, command: list[str], env: dict[str, str]) -> Change:
    """``make run`` after one word of ``seed`` changed."""
    before = (output / "current").resolve()
    text = seed.read_text(encoding="utf-8")
    seed.unlink()  # a hard link into the corpus: replace the file, do not edit it in place
    seed.write_text(text.replace("billion", "million", 1), encoding="utf-8")
    seconds, peak, out = isolated(command, env)
    added, whole = version_bytes(output / "current")
    return Change(seconds, peak, steps_of(out), out.splitlines()[-1], added, whole,
                  (output / "current").resolve() != before)


def version_bytes(version: Path) -> tuple[int, int]:
    """(bytes of the files only this version holds, bytes of all its files): shared files are hard links."""
    files = [p.stat() for p in version.resolve().rglob("*") if p.is_file()]
    return sum(s.st_size for s in files if s.st_nlink == 1), sum(s.st_size for s in files)


def score_published(output: Path, gold: list[dict], n: int) -> None:
    scorer = load_scorer()
    predictions = pl.scan_parquet(output / "current" / "figures" / "**" / "*.parquet",
                                  hive_partitioning=True).collect().to_dicts()
    doc_ids = {f"bench_{i:06d}" for i in range(n)}
    summary, _ = scorer.score([g for g in gold if g["doc_id"] in doc_ids], predictions)
    detection, full = summary["detection"], summary["full_record"]
    report(f"run_{n}_detection_precision", detection["precision"], "", gold=summary["gold"],
           predicted=summary["predicted"])
    report(f"run_{n}_detection_recall", detection["recall"], "")
    report(f"run_{n}_full_record_f1", full["f1"], "", field_accuracy=summary["field_accuracy"])


def bench_reading(output: Path, n: int) -> None:
    """A per-partner aggregate over the published version, in polars and in DuckDB."""
    figures = output / "current" / "figures"
    start = time.perf_counter()  # the README's reading examples, timed
    by_polars = (pl.scan_parquet(figures / "**" / "*.parquet", hive_partitioning=True)
                 .group_by("partner").agg(figures=pl.len(), usd=pl.col("value").filter(pl.col("unit") == "USD").sum())
                 .sort("partner").collect())
    report(f"read_{n}_partner_aggregate_polars_s", time.perf_counter() - start, "s", partners=by_polars.height)
    start = time.perf_counter()
    by_duckdb = duckdb.sql(
        f"select partner, count(*) as figures, sum(value) filter (where unit = 'USD') as usd "
        f"from read_parquet('{figures}/*/*.parquet', hive_partitioning = true) group by partner order by partner"
    ).pl()
    report(f"read_{n}_partner_aggregate_duckdb_s", time.perf_counter() - start, "s", partners=by_duckdb.height,
           same_as_polars=by_duckdb["figures"].to_list() == by_polars["figures"].to_list())


def table() -> str:
    lines = [f"{'metric':<42} {'value':>12} {'unit':<10} {'target':<16} met", "-" * 86]
    for row in results:
        met = "" if row["met"] is None else ("yes" if row["met"] else "NO")
        lines.append(f"{row['metric']:<42} {row['value']:>12,.4g} {row['unit']:<10} {row['target']:<16} {met}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="1000,10000", help="corpus sizes for `make run` (comma-separated)")
    parser.add_argument("--work", type=Path, help="keep the corpus and runs here (default: a temp folder)")
    parser.add_argument("--sample-kb", type=int, default=250, help="text both extractors read, in KB")
    parser.add_argument("--skip", default="", help="parts not to run (comma-separated): extraction, reading, executors")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = sorted(int(n) for n in args.docs.split(","))
    root = args.work or Path(tempfile.mkdtemp(prefix="trade-figures-bench-"))
    try:
        start = time.perf_counter()
        gold, gold_figures = generated(sizes[-1], root / "corpus")
        corpus_mb = sum(p.stat().st_size for p in (root / "corpus" / "seeds").iterdir()) / MB
        report("corpus_generated_s", time.perf_counter() - start, "s", documents=sizes[-1],
               mb=round(corpus_mb, 1), gold_figures=gold_figures)
        if "extraction" not in skip:
            bench_extraction(root / "corpus", args.sample_kb * 1000, gold)
            bench_linearity()
        floor = bench_floor(root)
        for n in sizes:
            output = bench_run(root / "corpus", n, root, floor, gold)
        if "reading" not in skip:
            bench_reading(output, sizes[-1])
        if "executors" not in skip:
            bench_executors(root / "corpus" / "seeds", sizes[-1], root, report)
    finally:
        if args.work is None:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print(table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
