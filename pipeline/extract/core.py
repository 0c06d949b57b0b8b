"""The document loop: lines -> sentences -> clauses -> figures, carrying context."""
from __future__ import annotations

import re

import dataclasses
from collections import Counter

from pipeline.figures import Figure, figure_id

from .context import Context
from .currencies import dollar_of
from .economies import REGION, US, home_economy
from .fields import (
    Clause, Resolved, analyse_clause, compared_with, flow_words, merge, parties, paren_group, rank_share, resolve,
    restatement,
)
from .numbers import Mention, find_mentions
from .periods import document_date, periods
from .ranks import Rank, find_ranks
from .respectively import paired_items
from .scope import document_scope
from .sentences import Line, Span, clauses, lines, sentences


# A year: "\b(?:19|20)\d\d\b", with the word boundary checked after the first two digits,
# so the engine can skip straight to the 1s and 2s.
_TRADE_YEAR_HINT = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")


def extract_figures(text: str, doc_id: str) -> list[Figure]:
    """Every figure of ``text``, sorted by position. Pure; never raises on a str."""
    date = document_date(text)
    doc_year = date.year if date else None
    home = home_economy(text) or US
    ctx = Context(reporter=home, home=home, owner=None if home == US else home, scope=document_scope(text))
    dollar = dollar_of(home, text)
    figures: list[Figure] = []
    for line in lines(text):
        if line.furniture:
            if figures:  # page furniture after the article: teasers of other stories follow
                break
            continue
        for sentence in sentences(text, line):
            figures.extend(_sentence_figures(text, doc_id, line, sentence, ctx, doc_year, dollar))
    figures.sort(key=lambda f: (f.char_start, f.char_end))
    return _distinct_ids(figures)


def _distinct_ids(figures: list[Figure]) -> list[Figure]:
    """The same sentence stated twice in a document: its figures' ids count the occurrence."""
    seen: Counter[str] = Counter()
    distinct = []
    for f in figures:
        n = seen[f.figure_id]
        seen[f.figure_id] += 1
        if n:
            f = dataclasses.replace(f, figure_id=figure_id(f.doc_id, f.sentence, -1, f.text, f.unit, n))
        distinct.append(f)
    return distinct


def _sentence_figures(text: str, doc_id: str, line: Line, span: Span, ctx: Context,
                      doc_year: int | None, dollar: str) -> list[Figure]:
    mentions: list[Mention | Rank] = find_mentions(text, span.start, span.end, dollar, ctx.currency)
    ctx.currency = next((m.unit for m in reversed(mentions) if m.kind == "money"), ctx.currency)
    ranks = find_ranks(text, span.start, span.end)
    if ranks:
        mentions = sorted(mentions + ranks, key=lambda m: m.start)
    if not mentions:
        if line.heading or line.intro:
            _heading(text, span, ctx, line.intro, doc_year)
        elif _TRADE_YEAR_HINT.search(text, span.start, span.end):
            _set_period(text, span, ctx, doc_year)
        return []
    sentence_text = text[span.start:span.end]
    figures = []
    parts = clauses(text, span)
    analysed: list[Clause] = []
    for part in parts:
        analysed.append(analyse_clause(text, part, doc_year, analysed[-1] if analysed else None))
    sentence = merge(text, span, analysed)
    last_mention: Mention | None = None
    last_resolved: Resolved | None = None
    last_rank: tuple[Rank, Resolved] | None = None
    paired = paired_items(text, span.start, span.end, mentions)
    position = 0
    for part, clause in zip(parts, analysed):
        _set_owner(clause, ctx)
        first = position
        while position < len(mentions) and mentions[position].start < part.end:
            position += 1
        inside = mentions[first:position]
        for index, m in enumerate(inside, first):
            is_rank = isinstance(m, Rank)
            group = last_resolved if (not is_rank and last_resolved is not None
                                      and paren_group(text, last_mention, m)) else None
            rank_of = last_rank[1] if (not is_rank and last_rank and rank_share(text, last_rank[0], m)) else None
            compared = last_resolved if (not is_rank and compared_with(text, last_mention, m)) else None
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            r = resolve(text, m, clause, sentence, ctx, doc_year, group, is_rank,
                        _next_figure(text, mentions, index, span.end), rank_of, compared,
                        not is_rank and following is not None and compared_with(text, m, following),
                        paired.get(index))
            figures.append(_figure(text, doc_id, m, r, sentence_text, span.start))
            _remember(ctx, r, any(s.start <= m.start < s.end for s in sentence.relatives))
            if is_rank:
                last_rank = m, r
            else:
                last_mention, last_resolved = m, r
        if not inside:
            _carry_clause(text, clause, sentence, ctx, doc_year)
    return figures


def _next_figure(text: str, mentions: list, index: int, default: int) -> int:
    """Where the next figure with its own period starts: not "($10.2 billion)" or ", or 35.2%"."""
    previous = mentions[index]
    for other in mentions[index + 1:]:
        if paren_group(text, previous, other) or restatement(text, previous, other):
            previous = other
            continue
        return other.start
    return default


def _figure(text: str, doc_id: str, m, r: Resolved, sentence_text: str, sentence_start: int) -> Figure:
    figure_text = text[m.start:m.end]
    return Figure(
        doc_id=doc_id, char_start=m.start, char_end=m.end, text=figure_text,
        value=round(r.value, 4), unit=r.unit, measure=r.measure, reporter=r.reporter,
        partner=None if r.partner == REGION else r.partner, flow=r.flow, product=r.product, product_label=r.label,
        hs_code=r.hs_code, year=r.year, period=r.period, base_year=r.base_year, qualifier=r.qualifier,
        sentence=sentence_text, rule="; ".join(r.trace),
        figure_id=figure_id(doc_id, sentence_text, m.start - sentence_start, figure_text, r.unit),
    )


def _remember(ctx: Context, r: Resolved, aside: bool = False) -> None:
    """What the next clause inherits from this figure; a figure in a relative clause leaves the period alone."""
    if r.actor:
        ctx.actor = r.reporter
    if r.reporter not in (None, US) and r.partner == US:
        ctx.partner, ctx.reporter = r.reporter, US  # the economy the US trades with stays the subject
    else:
        if r.partner:
            ctx.partner = r.partner
        ctx.reporter = r.reporter or ctx.home
    if r.flow:
        ctx.flow, ctx.deficit = r.flow, r.deficit
    if not r.list_item and (r.measure != "rank" or r.product != "all"):
        ctx.product, ctx.label, ctx.hs_code = r.product, r.label, r.hs_code
    if r.year is not None and not r.compared and not aside:
        ctx.year, ctx.part = r.year, r.part
        if r.measure in ("change", "pct_change"):
            ctx.base_year = r.base_year


_OWNED_FLOW_WITHIN = 40
"""How far after an economy the flow words it owns may start ("Mexico's advanced technology exports")."""


def _set_owner(clause: Clause, ctx: Context) -> None:
    """"China's exports to the U.S. ...": whose trade a clause with flow words is about.

    The US counts as owner or subject alike ("U.S. exports ...", "The United States exported ...").

    A later subject-less clause ("Exports to the EU declined 10.2%") is that economy's trade.
    """
    if not clause.flows:
        return
    if any(p.iso3 == US and p.role in ("owner", "subject") for p in clause.parties):
        ctx.owner = US
        return
    owner = next((p for p in clause.parties if p.iso3 != US and p.role in ("owner", "subject")
                  and any(0 <= start - p.end <= _OWNED_FLOW_WITHIN for start, *_ in clause.flows)), None)
    if owner is not None:  # "China's exports", not "China's domestic demand" in a sentence about shipments
        ctx.owner = owner.iso3


def _carry_clause(text: str, clause: Clause, sentence: Clause, ctx: Context, doc_year) -> None:
    """A clause without figures in a sentence with some still sets the subject of what follows."""
    if not clause.flows and not clause.parties:
        return
    probe = Mention(clause.end, clause.end, 0.0, "USD", "money")
    r = resolve(text, probe, clause, sentence, ctx, doc_year, None, False, clause.end)
    if r.partner:
        ctx.partner = r.partner
    ctx.reporter = r.reporter or ctx.home
    if clause.flows:
        ctx.flow = r.flow
        ctx.product, ctx.label, ctx.hs_code = r.product, r.label, r.hs_code


def _set_period(text: str, span: Span, ctx: Context, doc_year: int | None) -> None:
    """"The U.S. trade deficit narrowed sharply in 2023": one year named about trade sets the period."""
    if not flow_words(text, span):
        return
    tokens = periods(text, span.start, span.end, doc_year).years
    years = {t.year for t in tokens if t.year is not None}
    if len(years) == 1:
        year = years.pop()
        part = next((t.part for t in tokens if t.part), None)
        if (year, part) != (ctx.year, ctx.part):
            ctx.year, ctx.part, ctx.base_year = year, part, None


def _heading(text: str, span: Span, ctx: Context, intro: bool, doc_year: int | None) -> None:
    """"U.S.-Korea Trade Facts", "Imports": a heading names the subject of what follows.

    A list intro ("Top U.S. export markets in 2022:") also gives the list its period.
    """
    others = {p.iso3 for p in parties(text, span) if p.iso3 != US}
    if len(others) == 1:
        ctx.new_subject(others.pop())
    flows = flow_words(text, span)
    if flows:
        ctx.flow = flows[0][2]
    if intro:
        tokens = periods(text, span.start, span.end, doc_year).years
        years = {t.year for t in tokens if t.year is not None}
        if len(years) == 1:
            ctx.year = years.pop()
            ctx.part = next((t.part for t in tokens if t.part), None)
