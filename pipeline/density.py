"""How many figures a document may give: counted cheaply before extraction, so memory stays bounded.

A figure is an amount written in digits, a number word or an ordinal
("two-thirds", "second-largest"), so counting those tokens with one regex
bounds what extraction can produce. The densest real documents (the seeds
and the shared dev documents) hold at most 34 such tokens per 1,000
characters, the benchmark's generated corpus 33; 4 MB of ``$1 $1 …`` holds
333 and once made millions of rows.
"""
from __future__ import annotations

import re

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred half first "
          "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
          "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth top largest biggest leading greatest").split()
AMOUNT_TOKEN = re.compile(  # the lookahead on first letters doubles the speed (about 18 MB/s)
    r"\d+(?:[.,]\d+)*|\b(?=[" + "".join(sorted({w[0] for w in _WORDS})) + r"])(?:" + "|".join(_WORDS) + r")\b",
    re.IGNORECASE,
)
MAX_TOKENS_PER_1000_CHARS = 200
"""Six times the densest real document's 34 per 1,000 characters."""
DENSITY_JUDGED_FROM = 1_000
"""Tokens a document may hold whatever its length: a short list of figures is dense but harmless."""
MAX_TOKENS_PER_DOCUMENT = 100_000
"""About 2.5 MB of the densest real text; far more than any trade document states."""
MAX_FIGURES_PER_DOCUMENT = 50_000
"""Rows one document may give, should a document pass the token count and still yield more."""


def density_refusal(text: str) -> str | None:
    """Why ``text`` holds too many amounts to extract, or None; stops counting past the per-document bound."""
    count = 0
    for count, match in enumerate(AMOUNT_TOKEN.finditer(text), start=1):
        if count > MAX_TOKENS_PER_DOCUMENT:
            return (f"over {MAX_TOKENS_PER_DOCUMENT:,} amounts (numbers, number words, ranks) in one document, "
                    f"within its first {match.end():,} characters ({1000 * count / match.end():.0f} per 1,000); "
                    f"not extracted")
    per_1000 = 1000 * count / max(1, len(text))
    if count > DENSITY_JUDGED_FROM and per_1000 > MAX_TOKENS_PER_1000_CHARS:
        return (f"{count:,} amounts in {len(text):,} characters ({per_1000:.0f} per 1,000) is over the "
                f"{MAX_TOKENS_PER_1000_CHARS} per 1,000 of any real text; not extracted")
    return None
