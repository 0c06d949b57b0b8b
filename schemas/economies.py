"""The economy codes a figure may name: ISO 3166-1 alpha-3 plus the contract's aggregates."""
from __future__ import annotations

import pycountry

from schemas.contract import AGGREGATES

ECONOMY_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(AGGREGATES)
