"""A clause's grammar and the fields of each figure in it.

``Clause`` collects, once per clause, what the words say: the economies and
the role each plays (owner "Mexico's", counterpart "to Mexico", subject),
the flow and product words, the periods. ``resolve`` then reads one figure's
measure, sign, parties, flow, product, year and qualifier from the words
nearest to it, falling back on the sentence and then on the ``Context``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from . import labels, rankings
from .context import Context
from .economies import REGION, US, find_economies, resolve as resolve_economy
from .fold import folded, twin
from .numbers import Mention
from .periods import Periods, YearToken, periods
from .subyear import MONTHS, period_string
from .prefilter import Hinted
from .ranks import Rank
from .sentences import Span, parenthesized
from .vocab import (
    CHANGE_BEFORE_RE, DIRECTION_AFTER_RE, DIRECTION_RE, FLOW_OF_GROUP, FLOW_RE, GENERIC_LABELS, NOT_A_LABEL_RE, PRODUCT_OF_GROUP,
    PRODUCT_RE, QUALIFIER_OF_GROUP, QUALIFIER_RE, SAME_PRODUCT_HINTS, SAME_PRODUCT_RE, SHARE_AFTER_RE,
    SHARE_BEFORE_RE, WORLD_HINTS, WORLD_RE, hs_chapter, label_product,
)
from schemas.contract import WORLD

_COUNTER_PREP = re.compile(r"\b(?P<prep>to|from|with|in|into|between|against|versus|vs\.|and)\s+"
                           r"(?:all\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
# Economies named as examples or exceptions of a counterpart are not the counterpart ("with Asia, including China").
# So are those of the group a subject is picked from ("Among EU Member States, Germany was ...").
_EXAMPLE_BEFORE = re.compile(r"\b(?:including|excluding|except(?:\s+for)?|such\s+as|notably|especially|"
                             r"particularly|apart\s+from|other\s+than|among)\s+(?:the\s+)?$", re.IGNORECASE)
# "U.S.-bound exports", "China-bound shipments": the economy is where the flow goes.
_BOUND_AFTER = re.compile(r"-bound\b")
_DIRECTIONAL = ("to", "from", "into", "with")
_FLIPPABLE = re.compile(r"export|import|sourc|shipments|sales\s+to|purchases", re.IGNORECASE)
_FLOW_NOUN = re.compile(r"(?:exports|imports|export|import)$", re.IGNORECASE)
# "$5 billion in exports", "a 13.1 percent increase in exports": the flow the figure is an amount or change of.
_IN_FLOW_AFTER = re.compile(r"\s*(?:per\s+dollar\s+)?(?:(?:increase|rise|gain|growth|jump|decrease|decline|drop|fall)\s+)?"
                            r"(?:in|of|worth\s+of)\b[\w\s()’'.-]*$", re.IGNORECASE)
_MORE_THAN_AFTER = re.compile(r"\s*(?:more|higher|greater|larger|less|lower|smaller)\s+than\b", re.IGNORECASE)
_COMPARATIVES = frozenset({"more", "less", "greater", "larger", "smaller"})
_WHOLE_END = re.compile(r"[,;.]|\b(?:went|go|goes|came|come|was|were|is|are|in\s+(?:19|20)\d\d|"
                        r"according)\b", re.IGNORECASE)
_WHOLE_START = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:share\s+)?(?:per\s+dollar\s+)?of\s+", re.IGNORECASE)
_WHOLE_BEFORE = re.compile(r"\b(?:share|percent|%)\s+of\s+(?:the\s+)?(?:(?:[\w.]+\s+){0,2}[\w.]+['’]s?\s+)?(?:US\s*)?\\?$",
                           re.IGNORECASE)
# "$26.66 billion, or 35.2%" and "$31.7 billion (30.4 percent)" restate a change; "up 51 percent to
# $300 million" names its end point.
_PARTICIPLE_AFTER = re.compile(r",\s+(?:making|leaving|ranking|placing)\b", re.IGNORECASE)
_RESTATE = re.compile(r"\)?,?\s+or\s+(?:about\s+|nearly\s+|some\s+)?|\s*\(\s*|\s+to\s+(?:(?:an\s+estimated|"
                      r"about|nearly|almost|roughly|some|around|over|more\s+than|exceed)\s+)?(?:US\s*)?")
# "Japan's share of U.S. imports fell to 5.7% in 2019 from 6.2%": the share's level, not a change.
_ENDPOINT_BEFORE = re.compile(r"\b(?:to|from|at)\s+(?:(?:about|around|nearly|almost|roughly|some|over|"
                              r"under|just|an\s+estimated)\s+)?$", re.IGNORECASE)
_SHARE_WORD = re.compile(r"\b(?:share|portion|proportion)\b", re.IGNORECASE)
_DEFICIT = re.compile(r"deficit|\bgap\b|imbalance", re.IGNORECASE)
_OR_BEFORE = re.compile(r",?\s+or\s+(?:US\s*)?\\?")
_PAREN_BEFORE = re.compile(r"\s*(?:(?:increase|decrease|rise|drop|decline|gain|fall|growth|jump|"
                           r"contraction|expansion)\s*)?\(\s*(?:of\s+|US|U\.S\.)?\s*\\?$")
# A change noun right after an amount makes the amount the change: "a $6.7 billion (10.4 percent) increase".
_UP_NOUNS = ("increase", "rise", "gain", "growth", "jump", "expansion", "improvement")
_DOWN_NOUNS = ("decrease", "decline", "drop", "fall", "contraction", "reduction", "loss")
_CHANGE_NOUN_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?P<noun>" + "|".join(_UP_NOUNS + _DOWN_NOUNS) + r")\b",
                                re.IGNORECASE)
# An economy as the subject of a flow verb: "the EU exported goods worth €2 572 billion".
_TRADES_AFTER = re.compile(r"\s+(?:also\s+)?(?:exported|imported|exports|imports|shipped|sold|bought|purchased)\b")
# An economy posting its own balance: "Japan posted a trade deficit of …", "Chile ran a surplus".
_POSTS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:posted|posts|had|has|ran|runs|recorded|records|registered|registers|"
                          r"reported|reports|logged|booked|swung\s+to)\b")
_PRONOUN_OWNER = re.compile(r"\s*(?:and\s+|but\s+|while\s+)?its\s", re.IGNORECASE)
_WHICH = re.compile(r"\s*(?:(?:for|in|of|from|to)\s+)?which\b")
_LESS_AFTER = re.compile(r"\s*(?:less|lower|smaller)")
# A partner ranked by one flow: "the tenth largest partner for EU imports of goods".
_RANK_FLOW_OBJECT = re.compile(r"\s+(?:for|of|in)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?P<flow>exports|imports)\b",
                               re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|she|this|the\s+country|the\s+economy)\s", re.IGNORECASE)
_RANK_OBJECT = re.compile(
    r"\s+(?:of|for|in)\s+(?:(?:U\.S\.|US|American)\s+)?(?P<np>[a-z][a-z -]{2,50}?)"
    r"(?=\s+(?:to|from|in|and|after|by|with|at|as|among)\b|\s*[,.;(]|$)")


_FLOW_OF_BEFORE = re.compile(r"\b(?:exports?|imports?|shipments|sales|purchases)\s+(?:of|in)\b", re.IGNORECASE)
_ASIDE_AFTER = re.compile(r"\s*\([^()]*\)")
_NEAR_AFTER = 40
"""How far after a figure its own noun phrase may go on ("$5 billion in exports of corn")."""


class _Regexes(NamedTuple):
    """The regexes the rules run on one text: the twins on its folded form, else the originals."""
    flow: re.Pattern
    product: re.Pattern
    world: re.Pattern | Hinted
    same_product: re.Pattern | Hinted
    deficit: re.Pattern | Hinted
    change_before: re.Pattern
    more_than_after: re.Pattern
    endpoint_before: re.Pattern
    share_word: re.Pattern
    direction_after: re.Pattern
    share_before: re.Pattern
    share_after: re.Pattern
    direction: re.Pattern
    whole_before: re.Pattern | Hinted
    pronoun_owner: re.Pattern
    in_flow_after: re.Pattern
    qualifier: re.Pattern


_ON_TEXT = _Regexes(
    FLOW_RE, PRODUCT_RE, WORLD_RE, SAME_PRODUCT_RE, _DEFICIT, CHANGE_BEFORE_RE, _MORE_THAN_AFTER,
    _ENDPOINT_BEFORE, _SHARE_WORD, DIRECTION_AFTER_RE, SHARE_BEFORE_RE, SHARE_AFTER_RE, DIRECTION_RE,
    _WHOLE_BEFORE, _PRONOUN_OWNER, _IN_FLOW_AFTER, QUALIFIER_RE)
# Literals every match of a rare phrase holds: on folded text its twin runs only where one occurs.
_HINTS = {"world": WORLD_HINTS, "same_product": SAME_PRODUCT_HINTS, "deficit": ("deficit", "gap", "imbalance"),
          "whole_before": ("share", "percent", "%")}
_ON_FOLDED = _Regexes(**{name: Hinted(twin(rx), _HINTS[name]) if name in _HINTS else twin(rx)
                         for name, rx in _ON_TEXT._asdict().items()})


def _source(text: str) -> tuple[str, _Regexes]:
    """The text the rules' regexes run on (offsets as in ``text``) and the regexes for it."""
    low = folded(text)
    return (text, _ON_TEXT) if low is None else (low, _ON_FOLDED)


class Party(NamedTuple):
    start: int
    end: int
    iso3: str
    role: str  # "owner" (Mexico's, Mexican), "counter" (to/from/with Mexico), "subject", "other"
    prep: str | None


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    parties: list[Party]
    flows: list[tuple[int, int, str, str]]  # start, end, flow, words
    products: list[tuple[int, int, str]]
    periods: Periods
    asides: list[Span]
    previous: "Clause | None" = None
    fresh_subject: bool = False
    of_label: str | None = None  # "exports of tree nuts" -> "tree nuts"
    world: bool = False          # "overall U.S. exports", "all its trade partners"
    same_product: bool = False   # "in that category", "such products"
    deficit: bool = False
    relatives: list[Span] = field(default_factory=list)  # the sentence's relative clauses (", which …")
    others: list[Party] = field(init=False)  # the parties other than the US
    us_named: bool = field(init=False)
    us_counter: bool = field(init=False)     # "to/from/into/with the U.S."

    def __post_init__(self) -> None:
        self.others = [p for p in self.parties if p.iso3 != US]
        self.us_named = len(self.others) < len(self.parties)
        self.us_counter = any(p.iso3 == US and p.prep in _DIRECTIONAL for p in self.parties)


@dataclass(slots=True)
class Resolved:
    value: float
    unit: str
    measure: str
    reporter: str | None
    partner: str | None
    flow: str | None
    product: str | None
    label: str | None
    hs_code: str | None
    year: int | None
    period: str | None
    base_year: int | None
    qualifier: str
    list_item: bool = False
    deficit: bool = False  # a balance named as a deficit ("It narrowed to $5 billion" stays one)
    part: str | None = None  # the sub-year part of ``year`` (subyear.py), which the next clause may inherit
    compared: bool = False   # dated by a comparison ("in the same 1986 period"): not the text's own period
    actor: bool = False      # an economy ranked as a trader: "It was ..." in the next sentence is that economy
    trace: list[str] = field(default_factory=list)


def analyse_clause(text: str, span: Span, doc_year: int | None, previous: Clause | None) -> Clause:
    start, end = span.start, span.end
    src, rx = _source(text)
    asides = parenthesized(text, start, end)
    parties_ = parties(text, span, asides)
    flows = flow_words(text, span, asides)
    products = [(m.start(), m.end(), PRODUCT_OF_GROUP[m.lastgroup]) for m in rx.product.finditer(src, start, end)]
    clause = Clause(start, end, parties_, flows, products, periods(text, start, end, doc_year), asides, previous)
    clause.fresh_subject = bool(flows) and any(p.iso3 != US or p.role == "owner" for p in parties_)
    clause.of_label = labels.of_phrase(text, start, end) if flows else None
    clause.world = rx.world.search(src, start, end) is not None
    clause.same_product = rx.same_product.search(src, start, end) is not None
    clause.deficit = rx.deficit.search(src, start, end) is not None
    return clause


def flow_words(text: str, span: Span, asides: Sequence[Span] = ()) -> list[tuple[int, int, str, str]]:
    """The flow words of ``span`` outside its asides: (start, end, flow, words)."""
    src, rx = _source(text)
    return [(m.start(), m.end(), FLOW_OF_GROUP[m.lastgroup], text[m.start():m.end()])
            for m in rx.flow.finditer(src, span.start, span.end) if not asides or not _inside(m.start(), asides)]


def merge(text: str, span: Span, parts: list[Clause]) -> Clause:
    """The sentence as one clause, from its analysed clauses (no second scan)."""
    if len(parts) == 1:
        return parts[0]
    periods_ = Periods([t for c in parts for t in c.periods.years],
                       [t for c in parts for t in c.periods.bases],
                       any(c.periods.year_on_year for c in parts),
                       any(c.periods.no_period for c in parts))
    merged = Clause(span.start, span.end, [p for c in parts for p in c.parties],
                    [f for c in parts for f in c.flows], [p for c in parts for p in c.products],
                    periods_, [a for c in parts for a in c.asides])
    merged.fresh_subject = any(c.fresh_subject for c in parts)
    merged.world = any(c.world for c in parts)
    merged.same_product = any(c.same_product for c in parts)
    merged.deficit = any(c.deficit for c in parts)
    merged.relatives = [Span(c.start, c.end) for c in parts if _WHICH.match(text, c.start)]
    return merged


def _inside(pos: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def parties(text: str, span: Span, asides: Sequence[Span] = ()) -> list[Party]:
    """The economies of ``span`` outside its asides, each with its role."""
    found: list[Party] = []
    between = False
    for e in find_economies(text, span.start, span.end):
        if _inside(e.start, asides):
            continue
        before = text[max(span.start, e.start - 20):e.start]
        if _EXAMPLE_BEFORE.search(before):
            continue
        prep = _COUNTER_PREP.search(before)
        word = prep.group("prep").lower() if prep else "to" if _BOUND_AFTER.match(text, e.end) else None
        if word == "between":
            between = True
        if word and (word != "and" or between) and not (e.possessive and word in ("in", "with", "and")):
            role = "counter"
        elif e.possessive:
            role = "owner"
        elif not found:
            role = "subject"
        else:
            role = "other"
        found.append(Party(e.start, e.end, e.iso3, role, word))
    return found


def resolve(text: str, mention: Mention | Rank, clause: Clause, sentence: Clause, ctx: Context,
            doc_year: int | None, group: Resolved | None, is_rank: bool, limit: int,
            rank_of: Resolved | None = None, compared: Resolved | None = None,
            compared_next: bool = False, item: str | None = None) -> Resolved:
    """All fields of one figure.

    ``group`` is the percentage an amount in parentheses follows; ``rank_of`` the rank a
    percentage in parentheses follows; ``compared`` the figure this one is compared with
    ("a surplus of €23.0 bn …, compared with €17.2 bn"), and ``compared_next`` says the next figure is
    compared with this one: the periods named after it are that figure's; ``item`` is what a
    "…, respectively" sentence pairs this figure with ("exports and imports reached $A and $B,
    respectively"); ``limit`` is where the next figure of the sentence
    starts (a base year after it belongs to it).
    """
    src, rx = _source(text)
    trace: list[str] = []
    measure, sign = ("share", 1) if rank_of is not None else _measure(text, src, rx, mention, clause, group,
                                                                        is_rank, trace)
    value = float(mention.value)
    unit = "rank" if is_rank else mention.unit

    flow, flow_words, flow_source = _flow(src, rx, mention, clause, ctx, is_rank)
    list_label = None
    if mention.kind == "money":
        list_label = labels.list_item(text, clause.start, mention.start)
    elif mention.kind == "percent":  # "Vegetables ($1.4 billion; 26.5% of total exports)": the item's share
        opening = text.rfind("(", clause.start, mention.start)
        if opening >= 0 and ")" not in text[opening:mention.start]:
            list_label = labels.list_item(text, clause.start, opening + 1)
    item_partner = item_flow = None
    if list_label:
        item_partner, item_flow = _list_item_meaning(list_label)
        if item_flow:
            flow, flow_source = item_flow, f"'{list_label}'"
    item_flow_match = FLOW_RE.search(item) if item else None
    if item_flow_match:  # "exports and imports reached $A and $B, respectively"
        flow, flow_words, flow_source = FLOW_OF_GROUP[item_flow_match.lastgroup], item, f"respectively '{item}'"
    trace.append(f"flow={flow}<{flow_source}")

    reporter, partner, flipped, party_why = _parties_of(text, src, rx, mention, clause, sentence, ctx, flow,
                                                        flow_words, measure, is_rank)
    ranked = _world_ranking(text, mention, clause, sentence, ctx, is_rank)
    if ranked:  # "The largest exporters were China (EUR 2 107 billion, 16 %)": China's trade with the world
        reporter, flow, partner, flipped, party_why = ranked[0], ranked[1], WORLD, False, _WORLD_RANKING
    elif is_rank and (actor := _actor_rank(text, mention, clause, sentence, ctx)):
        reporter, partner, flow, flipped, party_why = *actor, False, _ACTOR_RANK
    elif item_partner:
        partner, party_why = item_partner, "list item"
    item_economy = next((e.iso3 for e in find_economies(item) if e.iso3 not in (US, reporter)), None) if item else None
    if item_economy:  # "exports to Peru and Bolivia rose 5 and 3 percent, respectively"
        partner, party_why = item_economy, f"respectively '{item}'"
    if rank_of is not None:  # "the eleventh largest partner for EU exports (3 %)": the share that rank is of
        reporter, partner, flow, flipped, party_why = rank_of.reporter, rank_of.partner, rank_of.flow, False, \
            "the rank it follows"
    elif compared is not None:  # the same trade in another period
        reporter, partner, flow, flipped, party_why = compared.reporter, compared.partner, compared.flow, False, \
            "the figure it is compared with"
        trace.append(f"flow={flow}<the figure it is compared with")
    if flipped and flow in ("export", "import"):
        flow = "import" if flow == "export" else "export"
        trace.append("flow seen from the US side")
    if flow in ("fdi_outward", "affiliate_sales_outward") and _inward(clause):
        flow = flow.replace("outward", "inward")
    deficit = compared.deficit if compared is not None else _names_deficit(flow_words) if flow_words else \
        flow_source == "context" and (clause.deficit or ctx.deficit)
    if flow == "balance" and measure == "level" and deficit != flipped:
        sign = -1
    trace.append(f"partner={partner}<{party_why}")
    if reporter != US:
        trace.append(f"reporter={reporter}")

    product, label, hs, product_why = _product(text, mention, clause, sentence, ctx, flow_source,
                                               list_label, item_partner or item_flow, is_rank, flow)
    if compared is not None:
        product, label, hs, product_why = compared.product, compared.label, compared.hs_code, "the figure compared with"
    elif item and (paired := _item_product(item)):  # "both footwear (FW001) and toys (MS012) rose …, respectively"
        product, label, hs = paired
        product_why = f"respectively '{item}'"
    if product == "all" and ctx.scope:  # "customs figures show": the document's figures are all goods
        product, product_why = ctx.scope, "document scope"
    trace.append(f"product={product}{'/' + label if label else ''}<{product_why}")

    year, part, base, period_why = _period(text, mention, clause, sentence, ctx, doc_year, measure, group, limit,
                                           compared_next)
    if compared is not None and part is None and year is not None and compared.part and compared.year == year + 1:
        part = compared.part  # "49.7 billion dollars from January to May, down from 68.4 billion a year ago"
    period = period_string(part, year) if part and year is not None else None
    trace.append(f"year={year}<{period_why}" + (f"; period={period}" if period else "") +
                 (f"; base={base}" if base else ""))
    qualifier = _qualifier(src, rx, mention, clause)
    if value < 0:
        sign, value = -1, -value
    return Resolved(sign * value, unit, measure, reporter, partner, flow, product, label, hs,
                    year, period, base, qualifier, bool(list_label and not item_partner and not item_flow),
                    flow == "balance" and deficit, part, period_why == COMPARED or compared is not None,
                    is_rank and party_why in (_WORLD_RANKING, _ACTOR_RANK), trace)


def _world_ranking(text: str, m, clause: Clause, sentence: Clause, ctx: Context,
                   is_rank: bool) -> tuple[str, str] | None:
    """(economy, flow) where ``m`` belongs to an economy ranked among the world's traders."""
    flow = rankings.world_ranking_flow(text, sentence.start, sentence.end, m.start)
    if flow is None:
        return None
    if is_rank:  # "India was the 13th largest exporter in the world"; "It was the eighth largest importer"
        if not rankings.ranks_an_actor(text, m.end, m.phrase_end + 1):
            return None
        subject = _rank_subject(text, m, clause, sentence, ctx)
        return (subject, rankings.actor_flow(text, m.start, m.phrase_end + 1) or flow) if subject else None
    opening = rankings.parenthesis_opening(text, sentence.start, m.start)
    if opening is None:
        return None
    named = [p for p in sentence.parties if p.end <= opening and not text[p.end:opening].strip(" .")]
    return (named[-1].iso3, flow) if named else None


_ITEM_LINK = re.compile(r"^(?:between|and|or|to|from|with|than|like|including|versus|vs\.?)\s+")
_WORLD_RANKING = "world ranking of traders"
_ACTOR_RANK = "an actor's rank in its own trade"
_RANK_THEN_SHARE = re.compile(r"[^()\d;,]*\(\s*")


_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|from)\s+"
                            r"(?:a\s+|an\s+)?(?:(?:deficit|surplus)\s+of\s+)?[+−-]?\s*$", re.IGNORECASE)
_COMPARED_REACH = 120
"""How far after a figure the one compared with it may stand, in the same clause (no ";" between)."""


def compared_with(text: str, previous, m) -> bool:
    """"a €23.0 bn surplus … in March 2024, compared with +€17.2 bn in March 2023": the same trade, another period."""
    return previous is not None and previous.kind == m.kind and m.start - previous.end <= _COMPARED_REACH and \
        text.find(";", previous.end, m.start) < 0 and \
        _COMPARED_WITH.search(text, max(previous.end, m.start - 40), m.start) is not None


def rank_share(text: str, rank, m) -> bool:
    """"the eleventh largest partner for EU exports of goods (3 %)": the share the rank stands on."""
    return m.kind == "percent" and bool(_RANK_THEN_SHARE.fullmatch(text, rank.phrase_end, m.start))


def _rank_subject(text: str, m, clause: Clause, sentence: Clause, ctx: Context) -> str | None:
    """The economy ranked: the subject before the rank, or the one last ranked where a pronoun stands for it."""
    subject = next((p for p in reversed(sentence.parties)
                    if p.end <= m.start and p.role in ("subject", "owner") and p.iso3 != REGION), None)
    if subject is not None:
        return subject.iso3
    return ctx.actor if _PRONOUN_SUBJECT.match(text, clause.start) else None


def _actor_rank(text: str, m, clause: Clause, sentence: Clause, ctx: Context) -> tuple[str, str, str] | None:
    """(reporter, partner, flow) of an economy ranked as a trader with one counterpart, the US taking no part.

    "Germany was the largest importer of goods from India": Germany's imports from India. With
    the US named, the US side rules stand ("China was the top exporter to the U.S." is a US import).
    """
    flow = rankings.actor_flow(text, m.start, m.phrase_end + 1)
    if flow is None or clause.us_named or sentence.us_named:
        return None
    subject = _rank_subject(text, m, clause, sentence, ctx)
    if subject is None:
        return None
    counter = next((p for p in sentence.parties if p.start >= m.end and p.role == "counter" and p.iso3 != subject),
                   None)  # "the top exporter to the world's largest economy" names none: not this rule's
    return (subject, counter.iso3, flow) if counter else None


@lru_cache(maxsize=1024)
def _item_product(item: str) -> tuple[str, str | None, str | None] | None:
    """The product a "respectively" item names, if it names one (not a flow, an economy or a generic word)."""
    label = labels.clean(item)
    if not label or FLOW_RE.search(label) or label in GENERIC_LABELS or NOT_A_LABEL_RE.search(label) or \
            find_economies(item):
        return None
    product = label_product(label)
    return (product, None, None) if product else ("category", label, hs_chapter(label))


@lru_cache(maxsize=4096)
def _list_item_meaning(item: str) -> tuple[str | None, str | None]:
    """The economy a list item names ("Mexico ($5 billion)") and the flow a lone flow word names."""
    label = labels.clean(item)
    lone_flow = FLOW_RE.fullmatch(label)
    economy = resolve_economy(_ITEM_LINK.sub("", label).title())  # "between South Korea (EUR 454 billion)"
    return economy, FLOW_OF_GROUP[lone_flow.lastgroup] if lone_flow else None


@lru_cache(maxsize=1024)
def _names_deficit(flow_words: str) -> bool:
    return _DEFICIT.search(flow_words) is not None


@lru_cache(maxsize=1024)
def _flippable(flow_words: str) -> bool:
    """Flow words read from the other side when the US is the counterpart ("exports to the U.S.")."""
    return _FLIPPABLE.search(flow_words) is not None


@lru_cache(maxsize=1024)
def _is_flow_noun(flow_words: str) -> bool:
    return _FLOW_NOUN.search(flow_words) is not None


# --- measure and sign ---------------------------------------------------------------------

def _measure(text: str, low: str, rx: _Regexes, m, clause: Clause, group: Resolved | None, is_rank: bool,
             trace: list[str]) -> tuple[str, int]:
    if is_rank:
        trace.append("rank")
        return "rank", 1
    begin = max(clause.start, m.start - 200)
    stop = min(clause.end, m.end + 200)
    if m.kind == "money":
        if group is not None:
            trace.append("money:change (in parentheses after a percent change)")
            return "change", -1 if group.value < 0 else 1
        window = max(begin, m.start - 45)
        change = rx.change_before.search(low[window:m.start])
        if change:
            trace.append(f"money:change<'{text[window + change.start():window + change.end()].strip()}'")
            return "change", -1 if change.group("down") else 1
        grew = _CHANGE_NOUN_AFTER.match(text, m.end, stop)
        if grew:  # "a $6.7 billion (10.4 percent) increase in imports"
            trace.append(f"money:change<'{grew.group('noun')}'")
            return "change", -1 if grew.group("noun").lower() in _DOWN_NOUNS else 1
        more = rx.more_than_after.match(low[m.end:stop])
        if more:
            trace.append("money:change<'than'")
            return "change", -1 if _LESS_AFTER.match(text[m.end:stop]) else 1
        trace.append("money:level")
        return "level", 1
    if m.kind in ("fraction", "cents"):
        trace.append(f"{m.kind}:share")
        return "share", 1
    before = low[begin:m.start]
    after = low[m.end:stop]
    if rx.endpoint_before.search(before[-30:]) and rx.share_word.search(before):
        trace.append("percent:share (a share's level)")
        return "share", 1
    direction = rx.direction_after.match(after)
    if direction:
        trace.append(f"percent:pct_change<'{text[m.end + direction.start():m.end + direction.end()].strip()}'")
        return "pct_change", -1 if direction.group("down") else 1
    if rx.share_before.search(before[-50:]) or rx.share_after.match(after):
        trace.append("percent:share")
        return "share", 1
    window = max(begin, m.start - 100)
    for word in reversed(list(rx.direction.finditer(low[window:m.start]))):
        if word.group().lower() in _COMPARATIVES:
            continue
        trace.append(f"percent:pct_change<'{text[window + word.start():window + word.end()]}'")
        return "pct_change", -1 if word.group("down") else 1
    trace.append("percent:share (no change word)")
    return "share", 1


# --- flow -----------------------------------------------------------------------------------

def _flow(low: str, rx: _Regexes, m, clause: Clause, ctx: Context, is_rank: bool) -> tuple[str | None, str, str]:
    if is_rank:
        ranked_by = _RANK_FLOW_OBJECT.match(low, m.phrase_end, clause.end) if m.flow == "total" else None
        if ranked_by:  # "the eleventh largest partner for EU exports of goods"
            return FLOW_OF_GROUP[rx.flow.match(low, ranked_by.start("flow")).lastgroup], "", "rank object"
        return m.flow, "", "rank role"
    for start, _end, flow, words in clause.flows:
        if m.end <= start <= m.end + 45 and rx.in_flow_after.match(low, m.end, start):
            return flow, words, f"'{words}'"
    preceding = [f for f in clause.flows if f[1] <= m.start]
    if preceding:
        _s, _e, flow, words = preceding[-1]
        return flow, words, f"'{words}'"
    following = [f for f in clause.flows if f[0] >= m.end]
    if following:
        _s, _e, flow, words = following[0]
        return flow, words, f"'{words}'"
    return ctx.flow, "", "context"


def _inward(clause: Clause) -> bool:
    """Investment or affiliate sales located in the US, or owned by another economy."""
    if any(p.iso3 == US and p.prep in ("in", "into") for p in clause.parties):
        return True
    if any(p.iso3 != US and p.prep in ("in", "into") for p in clause.parties):
        return False
    return any(p.iso3 != US and p.role == "owner" for p in clause.parties)




# --- reporter and partner -------------------------------------------------------------------

def _parties_of(text: str, low: str, rx: _Regexes, m, clause: Clause, sentence: Clause, ctx: Context,
                flow: str | None, flow_words: str, measure: str, is_rank: bool) -> tuple[str, str | None, bool, str]:
    """(reporter, partner, seen-from-the-other-side?, why)."""
    parties, others, us_counter = clause.parties, clause.others, clause.us_counter
    # Whose trade a sentence measures when it names no owner: the US where it takes part (a US
    # bilateral flow is always seen from the US side), else the economy the document speaks for.
    # A sentence that takes its flow from a US-side context goes on with it ("Mexico recorded a 35.2% increase"
    # in a list of the top exporters to the United States).
    own = US if clause.us_named or sentence.us_named or (not flow_words and ctx.reporter == US) else ctx.home
    if not is_rank and m.kind == "money" and rx.whole_before.search(low, max(clause.start, m.start - 50), m.start):
        return own, WORLD, False, "the whole a share is of"
    if not others:
        before = [p for p in sentence.others if p.end <= m.start]
        after = [p for p in sentence.others if p.start >= m.end]
        if flow == "remittances":
            receiver = (before + after)[0].iso3 if before or after else \
                ctx.reporter if ctx.reporter != US else ctx.partner
            return receiver or US, WORLD, False, "remittances received"
        if clause.world and not is_rank:
            return own, WORLD, False, "world phrase"
        if us_counter and ctx.owner not in (None, US):  # "Exports to the U.S. fell" after "China's exports ..."
            # "… recorded a surplus" with the US: the other economy's surplus, a US deficit
            flip = bool(flow_words) and _flippable(flow_words) or flow == "balance"
            return US, ctx.owner, flip, "context subject's trade with the US"
        if before or after:
            party = next((p for p in before if p.role in ("subject", "owner")), None) or \
                (before[-1] if before else after[0])
            if party.iso3 == ctx.reporter and party.iso3 not in (US, ctx.home) and party.role in ("subject", "owner"):
                # "India's exports rose 4.4 per cent …, while imports grew 3 per cent": India's imports still
                return party.iso3, ctx.partner or WORLD, False, "the subject of the clause before"
            flip = bool(flow_words) and us_counter and _flippable(flow_words)
            return (own, party.iso3, flip, "sentence") if party.iso3 != ctx.home or own == US else \
                (ctx.home, ctx.partner or WORLD, False, "sentence names the document's economy")
        if ctx.reporter != US and rx.pronoun_owner.match(low, clause.start):
            return ctx.reporter, ctx.partner, False, "context ('its')"
        if ctx.reporter != US and ctx.owner == ctx.reporter and not clause.us_named:
            # "Imports climbed 16.7%" after "Vietnam's exports rose 14%": still Vietnam's trade
            return ctx.reporter, ctx.partner or WORLD, False, "context reporter"
        flip = bool(flow_words) and us_counter and _flippable(flow_words)
        if ctx.partner is None:
            return own, WORLD, flip, "no partner named: the world"
        return own, ctx.partner, flip, "context"

    if flow == "remittances":  # received by the reporter; the partner is where they come from, the US included
        receiver = next((p for p in others if p.prep != "from"), others[0])
        sender = next((p for p in parties if p.prep == "from" and p.iso3 != receiver.iso3), None) or \
            next((p for p in parties if p.role == "counter" and p.iso3 != receiver.iso3), None)
        return receiver.iso3, sender.iso3 if sender else WORLD, False, "remittances received"

    if measure == "share" and not is_rank:
        share = _share_parties(text, m, clause, others)
        if share:
            return share

    if is_rank:
        ranked_by = _RANK_FLOW_OBJECT.match(low, m.phrase_end, clause.end) if m.flow == "total" else None
        whose = ranked_by and next((p for p in parties if ranked_by.start() <= p.start < ranked_by.start("flow")), None)
        subject = next((p for p in others if p.end <= m.start and p.role in ("subject", "owner")), None)
        if whose and subject and whose.iso3 != subject.iso3:  # "India was the tenth largest partner for EU imports"
            return whose.iso3, subject.iso3, False, "the economy whose flow the rank is in"
        owner = _rank_owner(text, m, parties)
        if owner:  # "The United States is Brazil's second-largest trading partner, after China"
            subject = next((p for p in parties if p.role == "subject" and p.iso3 != owner), None)
            return owner, subject.iso3 if subject else US, False, "possessive before the rank"
        party = next((p for p in others if p.role in ("subject", "owner") and p.end <= m.start), None) \
            or _nearest(others, m)
        return own, party.iso3, False, "subject of the rank"

    distinct = {p.iso3 for p in others}
    owners = [p for p in others if p.role in ("owner", "subject")]
    counters = [p for p in others if p.role == "counter"]
    if rx.pronoun_owner.match(low, clause.start) and ctx.reporter != US and counters:
        return ctx.reporter, _nearest(counters, m).iso3, False, "'its' = context reporter"
    if len(distinct) > 1 and owners and counters and owners[0].iso3 not in {c.iso3 for c in counters} \
            and owners[0].start < counters[0].start and not us_counter:
        return owners[0].iso3, _nearest(counters, m).iso3, False, "third-country trade"
    us_named = clause.us_named
    between = [p for p in counters if p.prep in ("between", "and")]
    if not us_named and len({p.iso3 for p in between}) > 1:  # "trade between Chile and China"
        first, second = between[0].iso3, between[1].iso3
        if second == ctx.home:  # the document's own economy reports a two-way total
            first, second = second, first
        return first, second, False, "trade between two other economies"
    if not us_named and len(distinct) == 1 and flow in ("export", "import") and not counters and any(
            p.role == "owner" or p.role == "subject" and _TRADES_AFTER.match(text, p.end) for p in others):
        return others[0].iso3, WORLD, False, "another economy's own trade"  # "China's exports", "the EU exported"
    if not us_named and len(distinct) == 1 and flow in ("balance", "total") and not counters and \
            others[0].end <= m.start and (others[0].role == "owner" or
                                          others[0].role == "subject" and _POSTS_AFTER.match(text, others[0].end)):
        return others[0].iso3, WORLD, False, "another economy's own balance"  # "Japan posted a trade deficit of …"
    if not us_named and not owners and counters and ctx.owner not in (None, US) and \
            ctx.owner not in distinct and all(p.prep in _DIRECTIONAL for p in counters):
        # "Exports to the EU declined 10.2%" after "China's exports to the U.S. ...": China's trade
        return ctx.owner, _nearest(counters, m).iso3, False, "context subject's third-party trade"
    if own != US and any(p.iso3 == own for p in others):  # "India was Canada's partner, with trade of $30.9 billion"
        counterparts = [p for p in others if p.iso3 != own]
        # "Japan had a surplus of ¥797.3 billion for the month": its own economy named alone trades with the world
        partner = _nearest(counterparts, m).iso3 if counterparts else WORLD
        return own, partner, False, "the document's economy and its counterpart"
    party = _nearest(others, m)
    flip = (bool(flow_words) and us_counter and party.role != "counter"
            and _flippable(flow_words)) or \
        (flow == "balance" and us_counter and party.role in ("owner", "subject"))
    return US if us_counter or own == US else own, party.iso3, flip, "clause"


def _nearest(parties: list[Party], m) -> Party:
    preceding = [p for p in parties if p.end <= m.start]
    return preceding[-1] if preceding else parties[0]


def _share_parties(text: str, m, clause: Clause, others: list[Party]):
    """Whose share: "82 percent of Mexico's exports" is Mexico's; "of overall U.S. exports" the US's."""
    start = _WHOLE_START.match(text, m.end, clause.end)
    if start:
        stop = _WHOLE_END.search(text, start.end(), clause.end)
        whole = Span(start.end(), stop.start() if stop else clause.end)
    else:
        whole = Span(m.end, m.end)
    in_whole = [p for p in clause.parties if whole.start <= p.start < whole.end]
    owner = next((p for p in in_whole if p.role in ("owner", "subject")), None)
    us_in_clause = any(p.iso3 == US for p in clause.parties)
    if owner is not None:
        if owner.iso3 == US or any(p.iso3 == US and p.role == "counter" for p in in_whole):
            return None
        buyer = next((p for p in clause.parties if p.end <= m.start and p.role == "subject" and p.iso3 != owner.iso3),
                     None)  # "China bought 39 percent of Chile's exports": China's share of them
        if buyer is not None:
            return owner.iso3, buyer.iso3, False, "owner of the whole, the subject its counterpart"
        return owner.iso3, US if us_in_clause else WORLD, False, "owner of the whole"
    subject = next((p for p in clause.parties if p.end <= m.start and p.role in ("subject", "owner")), None)
    if subject is not None and subject.iso3 != US and not any(
            p.iso3 == US and p.role == "owner" and p.end <= m.start for p in clause.parties):
        return subject.iso3, US if us_in_clause else WORLD, False, "subject's share"
    return None


def _rank_owner(text: str, m, parties: list[Party]) -> str | None:
    for p in parties:
        if p.iso3 != US and p.role == "owner" and 0 <= m.start - p.end <= 4:
            return p.iso3
    return None


# --- product --------------------------------------------------------------------------------

def _product(text: str, m, clause: Clause, sentence: Clause, ctx: Context, flow_source: str,
             list_label: str | None, list_is_not_product: object, is_rank: bool, flow: str | None = None):
    """(product, label, hs_code, why)."""
    if is_rank:
        return _rank_product(text, m, clause)
    if clause.same_product:
        return ctx.product, ctx.label, ctx.hs_code, "'that category' = context"
    candidates: list[tuple[str, str]] = []
    if list_label and not list_is_not_product:
        candidates.append((list_label, "list item"))
    if clause.previous and _WHICH.match(text, clause.start, clause.end):
        np = labels.antecedent(text, clause.previous.start, clause.previous.end)
        if np:
            candidates.append((np, "antecedent of 'which'"))
    if clause.of_label:
        # "exports of machinery fell $1.8 billion", "$5 billion in exports of corn"; not a reason given
        # later ("..., as shipments of cars surged")
        aside = _ASIDE_AFTER.match(text, m.end, clause.end)  # "$6.7 billion (10.4 percent) increase in …"
        window = Span(clause.start, min(clause.end, (aside.end() if aside else m.end) + _NEAR_AFTER))
        # A balance is of a trade in a group ("the deficit in trade of machinery"), never of one flow's group
        # ("if imports of gifts … are excluded, the deficit was 350 mln dlrs").
        of_label = labels.of_phrase(text, *window) if flow != "balance" or \
            not _FLOW_OF_BEFORE.search(text, *window) else None
        if of_label:
            candidates.append((of_label, "of-phrase"))
    nouns = [f[0] for f in clause.flows if _is_flow_noun(f[3])]
    preceding = [start for start in nouns if start < m.start]
    near = [start for start in nouns if m.end <= start <= m.end + _NEAR_AFTER]
    noun = preceding[-1] if preceding else near[0] if near and not candidates else None
    if noun is not None:
        pre = labels.premodifier(text, max(clause.start, noun - 80), noun)
        if pre:
            candidates.append((pre, "pre-modifier"))
    if not clause.flows and not clause.parties:
        subject = labels.subject(text, clause.start, m.start)
        if subject:
            candidates.append((subject, "subject"))
    for raw, why in candidates:
        label = labels.clean(raw)
        if not label or label in GENERIC_LABELS or NOT_A_LABEL_RE.search(label):
            continue
        product = label_product(label)
        if product:
            return product, None, None, f"'{raw.strip()}'"
        if resolve_economy(label.title()):
            continue
        return "category", label, hs_chapter(label), f"{why} '{raw.strip()}'"
    keyword = _nearest_keyword(clause.products, m, text)
    if keyword:
        return keyword, None, None, "product word"
    if _PARTICIPLE_AFTER.match(text, clause.end):  # "..., making it the largest supplier of goods imports"
        keyword = next((p[2] for p in sentence.products if p[0] >= clause.end), None)
        if keyword:
            return keyword, None, None, "product word of the participle after"
    if (flow_source == "context" or not clause.fresh_subject or clause.previous is not None) and not clause.world:
        if ctx.product:  # "India's merchandise exports rose …, while imports from Britain stood at $8.9 billion";
            # never into "Overall exports rose 4.8 percent": the whole, not the group said before
            return ctx.product, ctx.label, ctx.hs_code, "context"
    return "all", None, None, "unspecified"


def _nearest_keyword(products: list[tuple[int, int, str]], m, text: str | None = None) -> str | None:
    """The product word before the figure, else one after it before the next comma ("$9.1 billion in goods
    exports"; not "…, declining across all sectors except the agricultural products sector")."""
    preceding = [p for p in products if p[1] <= m.start]
    if preceding:
        return preceding[-1][2]
    following = [p for p in products if p[0] >= m.end and (text is None or "," not in text[m.end:p[0]])]
    return following[0][2] if following else None


def _rank_product(text: str, rank: Rank, clause: Clause):
    phrase = [p for p in clause.products if rank.start <= p[0] < rank.phrase_end]
    if phrase:
        return phrase[0][2], None, None, "rank phrase"
    obj = _RANK_OBJECT.match(text, rank.phrase_end, clause.end)
    if obj:
        label = labels.clean(obj.group("np"))
        product = label_product(label)
        if product:
            return product, None, None, "rank object"
        if label and label not in GENERIC_LABELS:
            return "category", label, hs_chapter(label), f"rank object '{label}'"
    keyword = _nearest_keyword([p for p in clause.products if not _inside(p[0], clause.asides)], rank)
    if keyword:
        return keyword, None, None, "clause product word"
    return "all", None, None, "unspecified"


# --- period ---------------------------------------------------------------------------------

def _period(text: str, m, clause: Clause, sentence: Clause, ctx: Context, doc_year: int | None,
            measure: str, group: Resolved | None, limit: int, compared_next: bool = False):
    """(year, sub-year part, base_year, why)."""
    year, part, why = _year(text, m, clause, sentence, measure, limit, compared_next)
    if measure in ("level", "share") and _FROM_BEFORE.search(text, max(clause.start, m.start - 25), m.start) and \
            _TO_AFTER.match(text, m.end, clause.end):
        start = _base(m, clause, sentence, limit)  # "between 2018 and 2019, falling from $38.4 billion to …"
        if start is not None and (year is None or start < year):
            return start, None, None, "the start of a from–to"
    if year is None:
        if clause.periods.no_period or sentence.periods.no_period:
            return None, None, None, "no period named"
        if ctx.year is not None:
            year, why = ctx.year, why or "context"
            part = part or ctx.part
        elif doc_year is not None:  # "currently", present tense: as of the document's date
            year, why = doc_year, why or "document date"
    if measure not in ("change", "pct_change"):
        return year, part, None, why
    if group is not None:
        return year, part, group.base_year, why
    base = _base(m, clause, sentence, limit)
    if base is None and year and part and part.isdigit() and _MONTH_BEFORE.search(text, m.end, clause.end):
        base = year if part != "01" else year - 1  # "up A$1.1 billion from November": the month before
    if base is None and (clause.periods.year_on_year or sentence.periods.year_on_year) and year:
        base = year - 1
    if base is None and why == "context":
        base = ctx.base_year
    if base is None and year is not None:
        base = year - 1
    return year, part, base, why


COMPARED = "the same period of the year compared with"
_SUBORDINATE = re.compile(r"\s(?:as|because|after|before|when|amid)\s+(?:the|a|an|it|its|their|this|that|these|those)\b",
                          re.IGNORECASE)
# A change over the month before: "from November", "from the previous month", "month-on-month".
_MONTH_BEFORE = re.compile(r"\b(?:(?:from|than|over|on|compared\s+(?:with|to))\s+(?:the\s+)?(?:previous\s+month|prior\s+month|"
                           r"month\s+before|(?:" + "|".join(MONTHS) + r")\b(?!\s*,?\s*(?:19|20)\d\d))|"
                           r"month[- ](?:on|over)[- ]month|m/m)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|nearly|almost|roughly|some|over|under|just)\s+)?(?:US\s*)?\\?$",
                          re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:in\s+(?:19|20)\d\d\s+)?to\s+(?:(?:about|around|nearly|almost|"
                       r"roughly|some|over|under|just|an\s+estimated)\s+)?(?:US\s*)?\\?[$€£¥₹\d]", re.IGNORECASE)


def _year(text: str, m, clause: Clause, sentence: Clause, measure: str, limit: int,
          compared_next: bool = False) -> tuple[int | None, str | None, str]:
    """(year, sub-year part, why) from the clause, else the sentence; a part may come without its year.

    "widened to $125.2 billion from $103.7 billion a year earlier": with the next figure compared
    with this one, the periods after it are the next figure's, never this one's.
    """
    for scope, periods_ in (("clause", clause.periods), ("sentence", sentence.periods)):
        tokens = [t for t in periods_.years if t.start < limit or t.same_period] if compared_next else periods_.years
        if scope == "sentence" and not _inside(m.start, sentence.relatives):
            # not the years of a relative clause elsewhere ("…, which peaked at $82 billion in 2006")
            tokens = [t for t in tokens if not _inside(t.start, sentence.relatives)]
        parts = [t.part for t in tokens if t.part]
        if any(t.year is not None for t in tokens):
            dated = [t for t in tokens if t.year is not None]
            if measure in ("change", "pct_change"):
                token = max((t for t in dated if not t.same_period), key=lambda t: t.year, default=dated[0])
            elif scope == "clause":  # not a period of a subordinate clause after it ("… as the decline goes on in May")
                after = [t for t in tokens if m.end <= t.start < limit and not _SUBORDINATE.search(text, m.end, t.start)]
                before = [t for t in tokens if t.end <= m.start]
                token = after[0] if after else before[-1] if before else tokens[0]
            else:
                token = _closest(dated, m)
            if token.year is None:  # "in the first quarter ... from 3.04 billion in the same 1986 period"
                later = [t for t in dated if t.same_period and t.start >= m.end]
                if later:
                    return later[0].year + 1, token.part, f"{scope} (compared with the same period)"
                others = [t for t in dated if not t.same_period]  # "the first three months of this year"
                return (_closest(others, token).year if others else None), token.part, scope
            if token.same_period:  # "3.04 billion in the same 1986 period": that part of 1986
                return token.year, parts[0] if parts else None, COMPARED
            return token.year, token.part, scope
        pairs = [t.pair_year for t in periods_.bases if t.pair_year]
        if pairs:
            return max(pairs), parts[0] if parts else None, scope
        if parts:  # "from a deficit of $1.1 billion in April to a surplus of $0.9 billion in May"
            named = [t for t in tokens if t.part]
            after = [t for t in named if m.end <= t.start < limit and not _SUBORDINATE.search(text, m.end, t.start)]
            before = [t for t in named if t.end <= m.start]
            return None, (after[0] if after else before[-1] if before else named[0]).part, scope
    return None, None, ""


def _closest(tokens: list[YearToken], m) -> YearToken:
    return min(tokens, key=lambda t: abs(t.start - m.start))


def _base(m, clause: Clause, sentence: Clause, limit: int) -> int | None:
    """The base named after the figure (before the next one), else before it in the clause/sentence."""
    for periods_ in (clause.periods, sentence.periods):
        after = [t for t in periods_.bases if m.end <= t.start < limit]
        if after:
            return after[0].year
        before = [t for t in periods_.bases if t.end <= m.start]
        if before:
            return before[-1].year
    return None


# --- qualifier ------------------------------------------------------------------------------

def _qualifier(low: str, rx: _Regexes, m, clause: Clause) -> str:
    q = rx.qualifier.search(low, max(clause.start, m.start - 30), m.start)
    return QUALIFIER_OF_GROUP[q.lastgroup] if q else "exact"


def paren_group(text: str, previous: Mention | None, m: Mention) -> bool:
    """"4.7% ($10.2 billion)", "5.2 percent, or $3.9 billion": the amount behind a percent change."""
    return previous is not None and previous.unit == "percent" and m.kind == "money" and \
        bool(_PAREN_BEFORE.fullmatch(text, previous.end, m.start) or _OR_BEFORE.fullmatch(text, previous.end, m.start))


def restatement(text: str, previous, m) -> bool:
    """The same change said twice, or a change and the level it reached: one period for both."""
    return previous is not None and bool(_RESTATE.fullmatch(text, previous.end, m.start))
