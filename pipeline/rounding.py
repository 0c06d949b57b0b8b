"""How precisely a figure's text states its value, and whether two values agree within it.

"$54 billion" is stated to the billion, so it stands for anything that rounds
to it (±0.5 billion); "$54.3 billion" for ±0.05 billion; "4.7%" for ±0.05
points. Consistency checks and conflict flags compare values with these
tolerances, so rounding in the text is never reported as a disagreement.
"""
from __future__ import annotations

import re

import polars as pl

from schemas.contract import NON_MONEY_UNITS

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALES = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9,
           "bln": 1e9, "trillion": 1e12, "tn": 1e12}
_SCALE_WORD = re.compile(r"\b(" + "|".join(_SCALES) + r")\b", re.IGNORECASE)


def half_unit(text: str, unit: str) -> float:
    """Half of the last stated digit's place, in the figure's normalised unit.

    ``half_unit("$54.3 billion", "USD") == 0.05e9`` (money in any currency); ``half_unit("4.7%", "percent") == 0.05``.
    Text without a digit (``two-thirds``, ``second``) counts as exact to the unit.
    """
    match = _NUMBER.search(text)
    if match is None:
        return 0.5
    decimals = len(match.group(1) or "")
    scale = 1.0
    if unit not in NON_MONEY_UNITS:
        word = _SCALE_WORD.search(text)
        scale = _SCALES[word.group(1).lower()] if word else 1.0
    return 0.5 * scale * 10.0 ** -decimals


def half_unit_expr(text: pl.Expr, unit: pl.Expr) -> pl.Expr:
    """``half_unit`` of every row, in polars: the same numbers without a Python call per figure."""
    decimals = text.str.extract(_NUMBER.pattern, 1).str.len_chars().fill_null(0).cast(pl.Float64)
    word = text.str.extract(f"(?i){_SCALE_WORD.pattern}", 1).str.to_lowercase()
    scale = pl.when(~unit.is_in(NON_MONEY_UNITS)).then(word.replace_strict(_SCALES, default=1.0, return_dtype=pl.Float64))
    return (pl.when(text.str.contains(r"\d")).then(0.5 * scale.otherwise(1.0) * pl.lit(10.0).pow(-decimals))
            .otherwise(0.5).cast(pl.Float64))


def agree(a: float, b: float, tolerance_a: float, tolerance_b: float = 0.0) -> bool:
    """True when ``a`` and ``b`` can be the same quantity given how each was rounded."""
    return abs(a - b) <= tolerance_a + tolerance_b + 1e-9 * max(abs(a), abs(b))
