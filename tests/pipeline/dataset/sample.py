"""Small, real-looking dataset tables built from a seed file and a hand-written brief.

Importable by the tests and by child processes (``python -m tests.pipeline.dataset.publish_child``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path

import polars as pl

from pipeline.dataset import Tables
from pipeline.dataset.incremental import Update
from pipeline.dataset.layout import Layout
from pipeline.figures import Figure, figure_id
from schemas import DocumentSchema, FigureSchema, RejectedFigureSchema, polars_schema

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_9862d694e2a9a941.txt"
BRIEF = ("Brief <script>alert('owned')</script> & \"quotes\" on U.S.-Mexico trade.\n"
         "Exports to Mexico were $243.0 billion in 2012 and imports were $300 billion.\n"
         "Mexico was our 3rd largest goods trading partner in 2013.\n")


def document(doc_id: str, text: str | None, published: dt.date | None = None, status: str = "ok") -> dict:
    data = (text or "").encode()
    return {"doc_id": doc_id, "file_name": f"{doc_id}.txt", "format": "txt", "sha256": hashlib.sha256(data).hexdigest() if text else None,
            "bytes": len(data), "encoding": "utf-8" if text else None, "status": status,
            "reason": None if status == "ok" else "the file is empty", "n_figures": 0, "n_rejected": 0,
            "title": None, "published": published, "text": text}


def figure(doc: dict, needle: str, value: float, unit: str, measure: str, flow: str, year: int | None,
           nth: int = 0, **fields) -> dict:
    """The figure whose text is the ``nth`` occurrence of ``needle`` in ``doc``'s text."""
    start = -1
    for _ in range(nth + 1):
        start = doc["text"].index(needle, start + 1)
    defaults = {"reporter": "USA", "partner": "MEX", "product": "all", "product_label": None, "hs_code": None,
                "period": None, "base_year": None, "qualifier": "exact", "sentence": needle, "rule": "test",
                "figure_id": figure_id(doc["doc_id"], needle, start, needle, unit)}
    record = Figure(doc_id=doc["doc_id"], char_start=start, char_end=start + len(needle), text=needle, value=value,
                    unit=unit, measure=measure, flow=flow, year=year, **{**defaults, **fields}).as_record()
    return {**record, "seed_sha256": doc["sha256"]}


def base_records() -> tuple[list[dict], list[dict], list[dict]]:
    """(documents, figures, rejected) as plain rows a test can edit before building tables."""
    seed = document("000_seed", SEED.read_text(encoding="utf-8"), dt.date(2014, 3, 1))
    brief = document("001_brief", BRIEF, dt.date(2014, 6, 1))
    empty = document("002_empty", None, status="empty")
    figures = [
        figure(seed, "$536 billion", 536e9, "USD", "level", "total", 2012, qualifier="approx"),
        figure(seed, "$243 billion", 243e9, "USD", "level", "export", 2012),
        figure(seed, "$293 billion", 293e9, "USD", "level", "import", 2012),
        figure(seed, "$49 billion", -49e9, "USD", "level", "balance", 2012),
        figure(seed, "3rd", 3, "rank", "rank", "total", 2013, product="goods"),
        figure(seed, "$507 billion", 507e9, "USD", "level", "total", 2013, product="goods"),
        figure(brief, "$243.0 billion", 243e9, "USD", "level", "export", 2012),
        figure(brief, "$300 billion", 300e9, "USD", "level", "import", 2012),
        figure(brief, "3rd", 3, "rank", "rank", "total", 2013, product="goods"),
    ]
    bad_span = figure(seed, "$54 billion", -54e9, "USD", "level", "balance", 2013, partner="XXX")
    rejected = [
        {"figure_id": bad_span["figure_id"], "doc_id": "000_seed", "check": "partner:isin",
         "reason": "partner: XXX fails isin", "record": json.dumps(bad_span)},
        {"figure_id": None, "doc_id": "001_brief", "check": "value_is_finite",
         "reason": "Values are finite numbers <b>", "record": json.dumps({"value": "NaN"})},
    ]
    return [seed, brief, empty], figures, rejected


def build(documents: list[dict], figures: list[dict], rejected: list[dict]) -> Tables:
    figures_frame = pl.DataFrame(figures, schema=polars_schema(FigureSchema))
    rejected_frame = pl.DataFrame(rejected, schema=polars_schema(RejectedFigureSchema))
    counts = {d["doc_id"]: (figures_frame.filter(pl.col("doc_id") == d["doc_id"]).height,
                            rejected_frame.filter(pl.col("doc_id") == d["doc_id"]).height) for d in documents}
    documents = [{**d, "n_figures": counts[d["doc_id"]][0], "n_rejected": counts[d["doc_id"]][1]} for d in documents]
    return Tables(figures=figures_frame, documents=pl.DataFrame(documents, schema=polars_schema(DocumentSchema)),
                  rejected=rejected_frame)


def sample_tables(variant: int = 0) -> Tables:
    """Variant 0 is the base; variant n > 0 also states an n-th extra figure, so each variant differs."""
    documents, figures, rejected = base_records()
    seed = documents[0]
    for n in range(variant):
        figures.append(figure(seed, "$", 1e9 + n, "USD", "level", "other", 2000 + n, nth=20 + n))
    return build(documents, figures, rejected)


def seed_update(output: Path, variant: int) -> Update:
    """``sample_tables(variant)`` as an update of ``output``'s current version: the seed document's rows replaced."""
    tables = sample_tables(variant)
    mine = pl.col("doc_id") == "000_seed"
    return Update(Layout(output).current_id(), frozenset({"000_seed"}),
                  Tables(*(frame.filter(mine) for frame in (tables.figures, tables.documents, tables.rejected))))


PARTNERS = ["MEX", "CAN", "CHN", "DEU", "JPN", None]
FLOWS = ["export", "import", "total"]


def random_document(rng: random.Random, doc_id: str) -> tuple[dict, list[dict], list[dict]]:
    """A document stating a few figures about random partners (some stated by other documents too)."""
    statements = [(rng.choice(PARTNERS), rng.choice(FLOWS), rng.randint(2010, 2013), rng.randint(1, 40))
                  for _ in range(rng.randint(0, 5))]
    text = " ".join(f"Trade item {n}: ${value} billion in {year}." for n, (_, _, year, value) in enumerate(statements))
    doc = document(doc_id, text or None, status="ok" if text else "empty")
    figures = [figure(doc, f"${value} billion", value * 1e9, "USD", "level", flow, year,
                      nth=text[:text.index(f"Trade item {n}:")].count(f"${value} billion"), partner=partner)
               for n, (partner, flow, year, value) in enumerate(statements)]
    rejected = [{"figure_id": None, "doc_id": doc_id, "check": "value_is_finite", "reason": "not a number",
                 "record": '{"value": "NaN"}'}] if rng.random() < 0.3 else []
    return doc, figures, rejected


def tables_of(docs: dict[str, tuple]) -> Tables:
    """The tables of ``random_document``s by doc_id."""
    return build([d for d, _, _ in docs.values()], [f for _, fs, _ in docs.values() for f in fs],
                 [r for _, _, rs in docs.values() for r in rs])
