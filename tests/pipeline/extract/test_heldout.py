"""The held-out set (heldout_cases.py): sentences the rules were not written from."""
from __future__ import annotations

import pytest

from pipeline.extract import extract_figures

from .heldout_cases import CASES


def _mismatches(expected: dict, figure) -> list[str]:
    wrong = []
    for key, want in expected.items():
        if key == "text":
            continue
        got = getattr(figure, key)
        if key == "value":
            if abs(got - want) > 0.005 * max(abs(want), 1e-9):
                wrong.append(f"value={got} (want {want})")
        elif got != want:
            wrong.append(f"{key}={got!r} (want {want!r})")
    return wrong


@pytest.mark.parametrize("document,expected,exhaustive", CASES,
                         ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_heldout(document, expected, exhaustive):
    figures = extract_figures(document, "heldout")
    problems = []
    unused = list(figures)
    for want in expected:  # repeated texts are matched in document order
        figure = next((f for f in unused if f.text == want["text"]), None)
        if figure is not None:
            unused.remove(figure)
        if figure is None:
            problems.append(f"missed {want['text']!r}")
            continue
        wrong = _mismatches(want, figure)
        if wrong:
            problems.append(f"{want['text']!r}: {', '.join(wrong)} [rule: {figure.rule}]")
    if exhaustive:
        wanted = {w["text"] for w in expected}
        problems += [f"extra {f.text!r} ({f.rule})" for f in figures if f.text not in wanted]
    assert not problems, "\n".join(problems)
