"""Numbers written in words, as radio scripts and wires say them: "twenty-seven point three", "ten billion".

One table of number words; ``SPELLED`` is the pattern derived from it and
``spelled_value`` reads a match back into a number.
"""
from __future__ import annotations

import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
HUNDRED = {"hundred": 100}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_BELOW_100 = rf"(?:(?:{_TEN})(?:[\s-](?:{_UNIT}))?|(?:{_UNIT}))"
_BELOW_1000 = rf"(?:{_BELOW_100}\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
_DIGIT_WORD = "|".join(w for w, v in UNITS.items() if v < 10)
_POINT = rf"[\s-]+point(?:[\s-]+(?:{_DIGIT_WORD}))+"
SPELLED = rf"\b{_BELOW_1000}(?:{_POINT})?\b"
"""A number in words below a thousand, with spoken decimals: "twenty-seven point three", "nine-point-two"."""
SPOKEN = rf"(?<![\d.,])\d{{1,3}}{_POINT}\b"
"""The broadcast style that writes the whole in digits and says the decimals: "27-point-three"."""
_WORD = re.compile(r"[a-z]+")


def spelled_value(words: str) -> float:
    """The value of a ``SPELLED`` match: "twenty-seven point three" -> 27.3."""
    whole, _, decimals = " ".join(words.lower().replace("-", " ").split()).partition(" point ")
    total = int(whole) if whole.isdigit() else 0
    for word in _WORD.findall(whole):
        if word in HUNDRED:
            total *= 100
        elif word != "and":
            total += UNITS.get(word, TENS.get(word, 0))
    digits = "".join(str(UNITS[w]) for w in _WORD.findall(decimals))
    return float(f"{total}.{digits}") if digits else float(total)


def word_number(token: str) -> int:
    """A small count in digits or words: "11" or "eleven" -> 11."""
    return int(token) if token.isdigit() else int(spelled_value(token))
