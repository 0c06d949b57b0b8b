"""The codes a figure may name: economies (ISO 3166-1 alpha-3 plus the contract's aggregates) and currencies (ISO 4217)."""
from __future__ import annotations

import pycountry

from schemas.contract import AGGREGATES, NON_MONEY_UNITS

ECONOMY_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(AGGREGATES)
CURRENCY_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.currencies)
"""ISO 4217 codes: the unit of a money figure."""
UNITS: tuple[str, ...] = (*NON_MONEY_UNITS, *sorted(CURRENCY_CODES))
