"""Rankings of economies as traders: "The four largest exporters were China (EUR 2 107 billion, 16 %), …".

Statistical articles rank economies by their own trade with the world. Where a
sentence names economies as actors (exporters, importers, traders) among all
the world's, each economy's figures (in parentheses after its name), and the
rank of one "in the world", measure that economy's trade with the world:
reporter the economy, partner ``WLD``, flow from the actor noun. An actor
ranked in its trade with one counterpart ("Germany was the largest importer of
goods from India") measures that trade: reporter the actor, partner the
counterpart, the actor's own flow.
"""
from __future__ import annotations

import re

# Actor nouns and the flow they rank by: one table, the pattern derives from it.
ACTORS = {"exporter": "export", "exporters": "export", "importer": "import", "importers": "import",
          "trader": "total", "traders": "total"}
ACTOR_RE = re.compile(r"\b(" + "|".join(sorted(ACTORS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# The ranking is among all the world's economies, not of partners of one economy.
# "in the worldIndia": a page's joined text nodes end a word at an upper-case letter too.
WORLD_RANKING_RE = re.compile(r"\b(?:in\s+the\s+world|world(?:['’]s|wide)|global(?:ly)?|largest\s+(?:exporters|"
                              r"importers|traders)\s+(?:were|are|was|is))(?!(?-i:[a-z]))", re.IGNORECASE)
_PAREN_TAIL = re.compile(r"[^()]*$")
_TO_A_PARTNER = re.compile(r"\s+(?:to|from|for|of)\b", re.IGNORECASE)  # "the top exporter to the US": a partner's rank


def ranks_an_actor(text: str, start: int, end: int) -> bool:
    """Whether a rank phrase ``text[start:end]`` ends in an actor noun ranked on its own ("13th largest exporter")."""
    actor = ACTOR_RE.search(text, start, end)
    return actor is not None and not _TO_A_PARTNER.match(text, actor.end())


def actor_flow(text: str, start: int, end: int) -> str | None:
    """The actor's own flow where a rank phrase ``text[start:end]`` ends in an actor noun ("the largest importer")."""
    actor = None
    for actor in ACTOR_RE.finditer(text, start, end):
        pass
    return ACTORS[actor.group(1).lower()] if actor else None


def world_ranking_flow(text: str, start: int, end: int, at: int) -> str | None:
    """The flow of a world ranking in ``text[start:end]`` nearest ``at`` (the actor before it first), else None."""
    if not WORLD_RANKING_RE.search(text, start, end):
        return None
    actors = list(ACTOR_RE.finditer(text, start, end))
    if not actors:
        return None
    before = [a for a in actors if a.end() <= at]
    actor = before[-1] if before else actors[0]
    return ACTORS[actor.group(1).lower()]


def parenthesis_opening(text: str, start: int, at: int) -> int | None:
    """Where the parenthesis holding position ``at`` opens ("China (EUR 2 107 billion, 16 %)"), if it does."""
    opening = text.rfind("(", start, at)
    if opening < 0 or not _PAREN_TAIL.match(text, opening + 1, at):
        return None
    return opening
