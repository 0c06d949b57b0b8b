"""Named product groups: where a clause names what was traded.

Four shapes, tried in order: a list item ("Machinery ($38.5 billion)"),
an of-phrase ("exports of tree nuts"), a pre-modifier ("dairy exports"),
and a bare subject ("Royalties and license fees were up 63 percent").
Each returns the label as written; ``clean`` lower-cases it and drops asides.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .economies import NAMES, resolve
from .fold import folded, twin

_PARENS = re.compile(r"\s*\([^()]*\)")
_TRAIL = re.compile(r"\s+(?:that|which|who|such\s+as|including|excluding|especially|like|mainly|"
                    r"primarily|mostly|led\s+by)\b.*$", re.IGNORECASE)
# "the transportation equipment sector": the group is what the sector is named for.
_HEAD_NOUN = re.compile(r"(?<=\w)\s+(?:sector|industry|segment|product\s+group|category)$", re.IGNORECASE)
_VERBS = (r"were|was|are|is|have|has|had|totaled|totalled|totaling|reached|rose|fell|grew|increased|"
          r"decreased|declined|dropped|jumped|climbed|slipped|surged|amounted|stood|accounted|came|"
          r"went|continued|experienced|posted|saw|recorded|hit|exceeded|expanded|contracted|"
          r"shrank|soared|plunged|remained|also|will|would|could|may|might|can")
_OF_START = re.compile(r"\b(?:exports?|imports?|sales|shipments|purchases|trade)\s+(?:in|of)\s+",
                       re.IGNORECASE)
_OF_STOP = re.compile(rf"\b(?:{_VERBS}|to|from|in|into|with|by|between|during|for|at|surplus|deficit|balance)\b|"
                      r"[,;:$€£¥₹\d]", re.IGNORECASE)
_PREMOD_STOP = frozenset(
    "the a an its their our his her total overall all combined annual monthly net gross real nominal "
    "bilateral global foreign domestic direct record strong weak higher lower key major growing rising "
    "falling new current recent such these those this that other of to in for from by with as "
    "u.s. us american of' were was their both two-way while but whereas although though as if when "
    "where so yet or nor general customs visible invisible re-exports after before since until because once "
    "during despite amid against among between into onto over under through within without via per about than "
    "then also only just even still bound largest biggest top leading main principal second third exports imports "
    "export import shipments".split())
_LIST_INTRO = re.compile(r"^[^()]*\b(?:include[sd]?|including|were|are|such\s+as)\s+", re.IGNORECASE)
_LIST_LEAD = re.compile(r"^\s*(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)
_AMOUNT = re.compile(r"[$%\d]")
_LIST_PUNCT = re.compile(r"[(),:;]")  # the characters that end a list item, read backwards
_WORD = re.compile(r"[A-Za-z][\w'’&-]*\*?")
_SUBJECT = re.compile(
    rf"\s*(?:(?:and|but|while|also|with)\s+)?(?!(?:and|but|while|also|or|with)\b)(?P<label>[A-Za-z][A-Za-z &'-]{{2,60}}?)"
    rf"\s+(?:{_VERBS}|accounting\s+for|making\s+up|representing)\b", re.IGNORECASE)
_NOT_SUBJECT = re.compile(
    r"\b(?:it|this|that|they|these|those|he|she|we|there|which|increase|decrease|growth|value|"
    r"total|figure|number|amount|share|deficit|surplus|balance|gain|rise|level|rate|prices?|"
    r"inflation|unemployment|gdp|economy|population|output|production|data|report|agreement|"
    r"government|president|estimates?|research|sales|investment|spending|revenue|income)\b",
    re.IGNORECASE)


_ANTECEDENT = re.compile(
    r"(?:^|,|\b(?:especially|including|such\s+as|of|in|notably|particularly|mainly|(?:was|were|is|are)\s+the))\s+"
    r"(?!(?:especially|including|such|notably|particularly|mainly)\b)(?P<np>[a-z][a-z -]{2,40})$")
_ECONOMY_WORDS = re.compile(r"^(?:\s*(?:" + "|".join(
    re.escape(n) for n in sorted(NAMES, key=len, reverse=True) if NAMES[n] and n[:1].isupper()) +
    r")(?:['’]s)?\b)+")
_UNCLOSED = re.compile(r"\s*\([^)]*$")
_OF_START_LOW = twin(_OF_START)
_OF_STOP_LOW = twin(_OF_STOP)


@lru_cache(maxsize=8192)
def clean(label: str) -> str:
    """Lower case, asides and trailing qualifications removed: "poultry meat (excluding eggs)" -> "poultry meat"."""
    label = _UNCLOSED.sub("", _PARENS.sub("", label)).replace("*", "")
    label = _ECONOMY_WORDS.sub("", label)  # "Chinese goods" -> "goods".replace("“", "").replace("”", "").replace('"', "")
    label = _HEAD_NOUN.sub("", _TRAIL.sub("", label))
    return " ".join(label.split()).strip(" ,.;:-").lower()


def list_item(text: str, clause_start: int, money_start: int) -> str | None:
    """"Machinery ($38.5 billion)": the item name before a parenthesised amount."""
    end = money_start - 1
    while end > clause_start and text[end] in " \\":
        end -= 1
    if end <= clause_start or text[end] != "(":
        return None
    begin, depth = clause_start, 0
    floor = max(clause_start, end - 160)
    for i in reversed([m.start() for m in _LIST_PUNCT.finditer(text, floor, end)]):
        ch = text[i]
        if ch == ")":
            opening = text.rfind("(", clause_start, i)
            if depth == 0 and _AMOUNT.search(text, max(opening, clause_start), i):
                begin = i + 1  # the previous item's amount: "... ($74 million) and snack foods"
                break
            depth += 1
        elif ch == "(":
            depth -= 1
        elif depth == 0 and ch in ",:;":
            begin = i + 1
            break
    else:
        if floor > clause_start:
            return None
    item = _LIST_LEAD.sub("", _LIST_INTRO.sub("", text[begin:end]))
    bare = _PARENS.sub("", item)
    if not bare.strip() or _AMOUNT.search(bare) or len(bare.split()) > 8:
        return None
    return item


def of_phrase(text: str, start: int, end: int) -> str | None:
    """"exports of tree nuts": the label of the last such phrase in ``text[start:end]``."""
    found = None
    low = folded(text)
    src, start_rx, stop_rx = (text, _OF_START, _OF_STOP) if low is None else (low, _OF_START_LOW, _OF_STOP_LOW)
    for m in start_rx.finditer(src, start, end):
        stop = stop_rx.search(src, m.end(), end)
        label = text[m.end():stop.start() if stop else _word_end(text, end)]
        if label.strip():
            found = label
    return found


def premodifier(text: str, start: int, flow_start: int) -> str | None:
    """"distillers grains exports": the words right before a flow noun."""
    kept: list[str] = []
    boundary = flow_start
    for w in reversed(list(_WORD.finditer(text, start, flow_start))):
        token = w.group()
        if text[w.end():boundary].strip() or token.lower() in _PREMOD_STOP or \
                token.endswith(("'s", "’s", "-bound")) or resolve(token):
            break
        kept.insert(0, token)
        boundary = w.start()
    while kept and kept[0].lower() in ("and", "or"):
        kept.pop(0)
    return " ".join(kept) or None


def subject(text: str, start: int, end: int) -> str | None:
    """A bare subject naming the product: "Royalties and license fees were up 63 percent"."""
    m = _SUBJECT.match(text, start, end)
    if not m or _NOT_SUBJECT.search(m.group("label")):
        return None
    return m.group("label")


def _word_end(text: str, pos: int) -> int:
    """``pos``, or the end of the word it falls in: a window never cuts a label mid-word ("motor vehi")."""
    while pos < len(text) and (text[pos].isalnum() or text[pos] in "-'’"):
        pos += 1
    return pos


def antecedent(text: str, start: int, end: int) -> str | None:
    """"especially mineral fuels (primarily coal), which ...": the noun phrase a "which" refers to."""
    segment = _PARENS.sub("", text[start:end]).rstrip(" ,")
    m = _ANTECEDENT.search(segment)
    return m.group("np") if m else None
