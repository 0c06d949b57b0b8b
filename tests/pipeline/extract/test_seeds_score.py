"""The extractor over seeds/, scored by the shared scorer: the seed bars must hold."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.decoding import decode_bytes
from pipeline.extract import extract_figures

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO / ".." / "shared"


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score_for_extract", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_scores_meet_the_bars():
    score = _scorer()
    gold = score.load_jsonl(SHARED / "gold" / "seeds.jsonl")
    predictions = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = decode_bytes(path.read_bytes()).text
        predictions += [f.as_record() for f in extract_figures(text, path.stem)]
    summary, errors = score.score(gold, predictions)
    assert summary["detection"]["f1"] >= 0.98, errors
    assert summary["full_record"]["f1"] >= 0.92, errors
