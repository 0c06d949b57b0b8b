"""Lines, sentences and clauses of a document, as offsets into its text.

A line is a paragraph in the documents we read; a short line without final
punctuation is a heading. Page furniture after the article (a comment
counter, "Related articles") ends the text that is read.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_LINE_RE = re.compile(r"[^\n]+")
_BULLET_RE = re.compile(r"\s*(?:[•▪◦·●\-–*]|\d{1,2}[.)])\s+")
_END_OF_ARTICLE = re.compile(
    r"\s*(?:\d+\s+comments?|read\s+more|trending(?:\s+now)?|share\s+this(?:\s+article)?|tags?|filed\s+under|"
    r"about\s+the\s+author|more\s+from\s+[\w\s]{1,30}|popular\s+(?:posts|stories|articles)|comments?\s*\(\d+\)|related\s+(?:articles|posts|stories|news|content)|"
    r"you\s+may\s+also\s+like|more\s+stories|recommended\s+(?:for\s+you|stories|articles)|"
    r"leave\s+a\s+(?:comment|reply)|most\s+(?:read|popular))\s*:?\s*$",
    re.IGNORECASE,
)
# Not before "(": "… and the United Arab Emirates. (EUR 269 billion, 2 %)" keeps its figures with the economy.
_BOUNDARY_RE = re.compile(r"[.!?][\"”’')\]*_]*\s+(?=[\"“‘'*_]*[A-Z0-9$•])")
_ABBREVIATIONS = frozenset(
    "u.s u.k u.n e.u i.e e.g mr mrs ms dr st ave no inc corp co ltd jan feb mar apr jun jul aug "
    "sep sept oct nov dec vs etc approx gov sen rep jr sr dept est fig ft mt pres gen".split()
)
# Where clauses meet: ";", ", and", ", which", a participle after a comma, and " while".
# The last is searched apart, only where "while" occurs: the others then start with a
# punctuation mark the engine can skip to.
_CLAUSE_PUNCT = re.compile(
    r";\s*|,\s+(?=(?:and|but|while|whereas|although|though|which|with|(?:for|in|of|from|to)\s+which)\b)|"
    r",\s+(?=(?:closing|leaving|making|bringing|marking|reaching|totaling|totalling|shipping|selling|buying|"
    r"representing|accounting|giving|pushing|lifting|dragging)\b)"
)
_CLAUSE_WHILE = re.compile(r"\s+(?=(?:while|whereas)\b)")

MAX_SENTENCE = 2000
_PAREN_RE = re.compile(r"[()]")
_ASIDE_HINT = re.compile(r"[(—–]")
_DASH_RE = re.compile(r"\s[—–]\s")


class _Line(NamedTuple):
    """A paragraph's offsets, read like a regex match of it."""
    text: str
    begin: int
    stop: int

    def group(self) -> str:
        return self.text[self.begin:self.stop]

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


class Span(NamedTuple):
    start: int
    end: int


class Line(NamedTuple):
    start: int
    end: int
    heading: bool
    bullet: bool
    intro: bool = False  # "Top U.S. export markets in 2022:" introduces the lines below
    furniture: bool = False  # "1 COMMENT", "Related articles": what follows is not the article


# A hard-wrapped paragraph (wire copy, text taken from PDFs): a line that ends without final punctuation and
# a next line that goes on in lower case, a digit or an amount are one line of the paragraph.
_WRAPPED_RE = re.compile(r"[^\n]*[^\s.!?:;\n][ \t]*\n(?=[ \t]*[a-z0-9$€£¥₹(])")


def _paragraphs(text: str):
    """Physical lines, with hard-wrapped ones joined: (start, end) of each."""
    pos = 0
    while (m := _LINE_RE.search(text, pos)) is not None:
        line_start, end = m.start(), m.end()
        while (wrapped := _WRAPPED_RE.match(text, line_start)) is not None and wrapped.end() == end + 1 \
                and not _BULLET_RE.match(text, wrapped.end()):
            line_start = wrapped.end()
            end = _LINE_RE.match(text, line_start).end()
        pos = end
        yield m.start(), end


def lines(text: str) -> list[Line]:
    """Non-blank lines (hard-wrapped ones joined), each classified; furniture marks where an article may end."""
    found = []
    for line_start, line_end in _paragraphs(text):
        m = _Line(text, line_start, line_end)
        body = m.group().strip()
        if not body:
            continue
        if _END_OF_ARTICLE.match(body):
            found.append(Line(m.start(), m.end(), False, False, False, True))
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        end = m.start() + len(m.group().rstrip())
        bullet = bool(_BULLET_RE.match(m.group()))
        heading = not bullet and len(body) < 200 and body.rstrip("*_ ")[-1:] not in ".!?:;\"”)" \
            and body.count(" ") < 20
        found.append(Line(start, end, heading, bullet, body.endswith(":")))
    return found


def sentences(text: str, line: Line) -> list[Span]:
    """Sentences of one line; abbreviations such as "U.S." do not end one."""
    spans, begin = [], line.start
    for m in _BOUNDARY_RE.finditer(text, line.start, line.end):
        words = text[max(line.start, m.start() - 6):m.start()].rsplit(None, 1)
        token = words[-1].lower().lstrip("(\"“") if words else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        end = m.start() + 1
        spans.append(Span(begin, end))
        begin = m.end()
    if begin < line.end:
        spans.append(Span(begin, line.end))
    return [piece for span in spans for piece in _bounded(text, span)]


def _bounded(text: str, span: Span) -> list[Span]:
    """Cut a run-on "sentence" (no punctuation for pages) at spaces: keeps the work per sentence bounded."""
    if span.end - span.start <= MAX_SENTENCE:
        return [span]
    pieces, begin = [], span.start
    while span.end - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        cut = cut if cut > begin else begin + MAX_SENTENCE
        pieces.append(Span(begin, cut))
        begin = cut
    pieces.append(Span(begin, span.end))
    return pieces


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clauses of a sentence, split before ", and", ", while", ";", a participle..."""
    spans, begin = [], sentence.start
    for m in _clause_breaks(text, sentence.start, sentence.end):
        if _inside_parentheses(text, begin, m.start()):
            continue
        if m.start() > begin:
            spans.append(Span(begin, m.start()))
        begin = m.end()
    if begin < sentence.end:
        spans.append(Span(begin, sentence.end))
    return spans


def _clause_breaks(text: str, start: int, end: int) -> list[re.Match]:
    """What one scan for all the breaks would find: a " while" inside ", while" is part of that break."""
    breaks = list(_CLAUSE_PUNCT.finditer(text, start, end))
    if text.find("while", start, end) < 0 and text.find("whereas", start, end) < 0:
        return breaks
    spaces = [m for m in _CLAUSE_WHILE.finditer(text, start, end)
              if not any(b.start() < m.end() and m.start() < b.end() for b in breaks)]
    return sorted(breaks + spaces, key=re.Match.start)


def _inside_parentheses(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return segment.count("(") > segment.count(")")


def parenthesized(text: str, start: int, end: int) -> list[Span]:
    """Spans inside (...) or between paired dashes: asides whose names are not the subject."""
    spans: list[Span] = []
    if not _ASIDE_HINT.search(text, start, end):
        return spans
    depth, opened = 0, start
    for m in _PAREN_RE.finditer(text, start, end):
        if m.group() == "(":
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append(Span(opened, m.end()))
    if text.find("—", start, end) < 0 and text.find("–", start, end) < 0:
        return spans
    dashes = [m.start() for m in _DASH_RE.finditer(text, start, end)]
    for a, b in zip(dashes[::2], dashes[1::2]):
        spans.append(Span(a, b + 2))
    return spans
