"""The prefilters only spare work: a gated regex finds what it finds without its gates."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pipeline.extract  # noqa: F401  (imports every module, so every gate and twin is made)
from pipeline.extract import fold, prefilter
from pipeline.extract.periods import _BASE_RE

from .heldout_cases import CASES

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _texts(n: int, rng: random.Random) -> list[str]:
    corpus = "\n".join([p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] +
                       [document for document, _expected, _exhaustive in CASES])
    out = []
    for _ in range(n):
        start = rng.randrange(len(corpus))
        chunk = list(corpus[start:start + rng.randint(1, 600)])
        for i in range(len(chunk)):
            if rng.random() < 0.05:
                chunk[i] = chunk[i].swapcase()
        out.append("".join(chunk))
    return out


def _ungated(rx: re.Pattern) -> re.Pattern:
    pattern = rx.pattern
    for gate in prefilter.GATES:
        pattern = pattern.replace(gate, "")
    return re.compile(pattern, rx.flags)


def _matches(rx: re.Pattern, text: str, start: int, end: int) -> list:
    return [(m.regs, m.lastgroup) for m in rx.finditer(text, start, end)]


def test_gates_change_no_match():
    gated = [rx for rx in [original for original, _twin in fold.TWINS] + [_BASE_RE]
             if any(gate in rx.pattern for gate in prefilter.GATES)]
    assert len(gated) >= 7
    rng = random.Random(7)
    for text in _texts(400, rng):
        start = rng.randint(0, len(text))
        for rx in gated:
            assert _matches(rx, text, start, len(text)) == _matches(_ungated(rx), text, start, len(text)), rx.pattern


def test_starts_with_is_a_trie_of_prefixes():
    gate = re.compile(prefilter.starts_with("exp imp ex"))
    assert [bool(gate.match(w)) for w in ("export", "imports", "exit", "ix", "")] == [True, True, True, False, False]


def test_prefixes_of_an_alternation_of_words():
    assert prefilter.prefixes(r"up|rose|jump(?:ed|s)?|an\s+estimated") == "up ro ju an"
    try:
        prefilter.prefixes(r"\bup|rose")
    except ValueError:
        pass
    else:
        raise AssertionError("an alternative that does not start with letters has no prefix")


def test_hinted_search_needs_a_hint():
    hinted = prefilter.Hinted(re.compile(r"\bgap\b"), ("gap",))
    assert hinted.search("the trade gap widened", 0, 21).group() == "gap"
    assert hinted.search("the trade gap widened", 0, 12) is None
    assert not prefilter.holds_any("surplus", ("deficit", "gap"))
