"""Case-insensitive regexes at case-sensitive speed.

``re.IGNORECASE`` makes the engine fold every character it compares, and it
disables the fast first-character scans; the vocabulary regexes spend most of
their time there. ``folded(text)`` is the text with its ASCII capitals
lowered (same length, same offsets), and ``twin(rx)`` the same regex without
the flag, written in lower case: on the folded text it finds exactly the
spans ``rx`` finds on the text. That holds unless the text contains one of
the four non-ASCII characters that IGNORECASE equates with an ASCII letter
(İ ı ſ K); then ``folded`` returns None and callers use ``rx`` itself.
Matched words are always read from the original text by offset.
"""
from __future__ import annotations

import re
import threading

# Non-ASCII characters that re.IGNORECASE matches against an ASCII letter.
_UNFOLDABLE = ("\u0130", "\u0131", "\u017f", "\u212a")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")

_local = threading.local()  # per thread: the last text folded and its folded form
_local.last = ("", "")


def folded(text: str) -> str | None:
    """``text`` with A-Z lowered, or None when a twin regex could disagree with its original on it.

    The last text's result is kept (per thread), so the many calls made on one
    document fold it once.
    """
    last = getattr(_local, "last", None)
    if last is not None and last[0] is text:
        return last[1]
    if text.isascii():
        low: str | None = text.lower()
    elif any(c in text for c in _UNFOLDABLE):
        low = None
    else:
        low = _lower_ascii_letters(text)
    _local.last = (text, low)
    return low


def _lower_ascii_letters(text: str) -> str:
    """``text`` with A-Z lowered and every other character kept.

    ``str.lower`` and then the non-ASCII runs put back: several times faster than
    ``str.translate`` with a dict. Offsets hold: the one character ``str.lower``
    lengthens (İ) is unfoldable, so never reaches here.
    """
    low = text.lower()
    pieces, last = [], 0
    for run in _NON_ASCII_RUN.finditer(text):
        pieces += (low[last:run.start()], run.group())
        last = run.end()
    pieces.append(low[last:])
    return "".join(pieces)


_ESCAPE_OK = re.compile(r"\\(?:[^A-Za-z0-9]|[bswdnrtfv]|u[0-9a-fA-F]{4}|[0-9])")


def _lower_pattern(pattern: str) -> str:
    """The pattern with its literals lowered: escapes and group names kept as written."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            m = _ESCAPE_OK.match(pattern, i)
            if not m:
                raise ValueError(f"escape at {i} of {pattern!r} cannot be folded safely")
            esc = m.group()
            if esc[1] == "u" and chr(int(esc[2:], 16)).lower() != chr(int(esc[2:], 16)):
                raise ValueError(f"cased \\u escape at {i} of {pattern!r}")
            out.append(esc)
            i = m.end()
        elif pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:close + 1])
            i = close + 1
        elif pattern.startswith("(?", i) and i + 2 < n and pattern[i + 2] in "aiLmsux-":
            raise ValueError(f"inline flags at {i} of {pattern!r}")
        else:
            if not ch.isascii() and ch.lower() != ch:
                raise ValueError(f"cased non-ASCII literal {ch!r} in {pattern!r}")
            out.append(ch.lower())
            i += 1
    return "".join(out)


def twin(rx: re.Pattern) -> re.Pattern:
    """``rx`` (compiled with IGNORECASE) as a case-sensitive regex for ``folded`` text."""
    if not rx.flags & re.IGNORECASE:
        raise ValueError(f"{rx.pattern!r} is not case-insensitive")
    low = re.compile(_lower_pattern(rx.pattern), rx.flags & ~re.IGNORECASE)
    TWINS.append((rx, low))
    return low


TWINS: list[tuple[re.Pattern, re.Pattern]] = []  # every (regex, twin) made: the tests compare them
