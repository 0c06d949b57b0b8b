import random
import re

from pipeline.extract.core import _TRADE_YEAR_HINT


def test_year_hint_is_a_bounded_year():
    plain = re.compile(r"\b(?:19|20)\d\d\b")
    rng = random.Random(1)
    for _ in range(20000):
        text = "".join(rng.choice("1920 a_.٣x") for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        a, b = plain.search(text, start), _TRADE_YEAR_HINT.search(text, start)
        assert (a and a.span()) == (b and b.span()), text
