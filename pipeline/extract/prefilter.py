"""Cheap tests that spare a costly regex its scan.

A regex whose matches all start with one of a few words can say so up front
(``starts_with``): the engine then rejects most positions after a character or
two instead of trying every alternative. A regex for a rare phrase can be
skipped when the text holds none of the literals every match of it contains
(``holds_any``, ``Hinted``).
"""
from __future__ import annotations

import re
from typing import NamedTuple


def trie(words: list[str]) -> str:
    """An alternation that shares prefixes: fast for hundreds of literals."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(root)


def starts_with(prefixes: str) -> str:
    """A lookahead for space-separated literal ``prefixes``, one of which every match starts with."""
    gate = "(?=" + trie(prefixes.split()) + ")"
    GATES.append(gate)
    return gate


GATES: list[str] = []  # every gate made: the tests check that removing it changes no match


def prefixes(alternation: str, length: int = 2) -> str:
    """The first ``length`` letters of each top-level alternative of a regex of words, for ``starts_with``."""
    found, depth, begin = [], 0, 0
    for i, ch in enumerate(alternation + "|"):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            head = alternation[begin:begin + length]
            if not head.isalpha() or len(head) < length:
                raise ValueError(f"alternative {alternation[begin:i]!r} does not start with {length} letters")
            found.append(head)
            begin = i + 1
    return " ".join(found)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``words``: the cheap test before a regex that needs one."""
    for word in words:
        if word in text:
            return True
    return False


class Hinted(NamedTuple):
    """A regex searched only where a literal that all its matches hold occurs.

    Exact only on text the literals can be compared with as they are: folded
    text for a twin (fold.py).
    """
    rx: re.Pattern
    hints: tuple[str, ...]

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        return self.rx.search(text, start, end) if holds_any(text[start:end], self.hints) else None
