"""Twin regexes on folded text find exactly what the case-insensitive originals find."""
from __future__ import annotations

import random
from pathlib import Path

import pipeline.extract  # noqa: F401  (imports every module, so every twin is registered)
from pipeline.extract import fold

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ODD = ["É", "é", "ß", "ñ", "’", "“", "”", "—", "–", "•", "\u00a0", "Ω", "ǅ", "ﬁ", "\n", "  ", "\\", "$"]


def _texts(n: int, rng: random.Random) -> list[str]:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    out = []
    for _ in range(n):
        start = rng.randrange(len(corpus))
        chunk = list(corpus[start:start + rng.randint(1, 400)])
        for i in range(len(chunk)):
            r = rng.random()
            if r < 0.08:
                chunk[i] = chunk[i].swapcase()
            elif r < 0.1:
                chunk[i] = rng.choice(ODD)
        out.append("".join(chunk))
    return out


def _spans(matches):
    return [(m.span(), m.lastgroup, m.regs) for m in matches]


def test_folded_text_keeps_offsets():
    for text in ("U.S. Exports", "Mexico’s EXPORTS — É", "plain"):
        assert len(fold.folded(text)) == len(text)
    assert fold.folded("ſ exports") is None and fold.folded("\u212aorea") is None


def test_twins_agree_with_their_originals():
    rng = random.Random(5)
    assert len(fold.TWINS) >= 10
    for text in _texts(600, rng):
        low = fold.folded(text)
        assert low is not None
        for rx, twin in fold.TWINS:
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            assert _spans(rx.finditer(text, pos, end)) == _spans(twin.finditer(low, pos, end)), rx.pattern
            a, b = rx.match(text, pos, end), twin.match(low, pos, end)
            assert (a and a.regs) == (b and b.regs), rx.pattern
            a, b = rx.search(text[pos:end]), twin.search(low[pos:end])
            assert (a and a.regs) == (b and b.regs), rx.pattern


def test_folding_lowers_ascii_capitals_only():
    rng = random.Random(3)
    alphabet = "AbZz09 .’É–éΩǅﬁ\n"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert fold.folded(text) == "".join(c.lower() if "A" <= c <= "Z" else c for c in text)
