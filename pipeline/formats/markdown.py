"""Markdown (``.md``): the text without its markup, by markdown-it-py (CommonMark, with tables).

A parser rather than regexes, so emphasis, links, escapes (``\\$``) and code
are undone exactly as a renderer would: ``**$172 billion**`` reads
``$172 billion``. Each heading, paragraph and table row becomes a line (a
paragraph's wrapped lines joined, as the extractor reads a line as a
paragraph), list items become ``•`` or numbered lines, blocks are separated
by a blank line. Raw HTML and images are markup, not text, and are dropped.
"""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pipeline.decoding import decode_bytes
from pipeline.formats.base import Extracted, library

_PARSER = MarkdownIt("commonmark").enable("table")
def read(data: bytes) -> Extracted:
    decoded = decode_bytes(data)
    return Extracted(plain_text(decoded.text), "md", library("markdown-it-py"), decoded.encoding)


def plain_text(source: str) -> str:
    lines: list[str] = []
    seps: list[str] = []  # what goes before each line: a blank line between blocks, a newline inside a list or table
    lists: list[int | None] = []  # per open list: its next number, or None for bullets
    marker, sep, row = "", "\n\n", None
    for token in _PARSER.parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(None if kind == "bullet_list_open" else int(token.attrGet("start") or 1))
            sep = "\n\n" if len(lists) == 1 else "\n"
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            sep = "\n" if lists else "\n\n"
        elif kind == "list_item_open":
            number = lists[-1]
            marker = "  " * (len(lists) - 1) + ("•" if number is None else f"{number}.")
            if number is not None:
                lists[-1] = number + 1
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            lines.append(" | ".join(row))
            seps.append(sep)
            sep, row = "\n", None
        elif kind in ("table_open", "table_close"):
            sep = "\n\n"
        elif kind in ("inline", "fence", "code_block"):
            line = _inline(token.children or []) if kind == "inline" else token.content.rstrip("\n")
            if row is not None:
                row.append(line)
                continue
            if marker:
                line, marker = f"{marker} {line}", ""
            lines.append(line)
            seps.append(sep)
            sep = "\n" if lists else "\n\n"
    return "".join(s + line for s, line in zip(seps, lines)).lstrip("\n") + "\n"


def _inline(children: list[Token]) -> str:
    pieces = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type == "softbreak":
            pieces.append(" ")
        elif child.type == "hardbreak":
            pieces.append("\n")
    return "".join(pieces).strip()
