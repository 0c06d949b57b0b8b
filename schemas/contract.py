"""The closed vocabularies of ../shared/gold/GUIDE.md: the dataset's contract.

Every enum a figure's fields may take lives here once; the pandera models and
the extractor both read it, so they cannot drift apart.
"""
from __future__ import annotations

UNITS = ("USD", "percent", "rank")
MEASURES = ("level", "change", "pct_change", "share", "rank")
FLOWS = (
    "export",
    "import",
    "total",
    "balance",
    "fdi_outward",
    "fdi_inward",
    "affiliate_sales_outward",
    "affiliate_sales_inward",
    "remittances",
    "other",
)
PRODUCTS = (
    "all",
    "goods",
    "services",
    "agriculture",
    "manufacturing",
    "advanced_technology",
    "intermediate_goods",
    "category",
)
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
WORLD = "WLD"
"""Partner code for the world as a whole (not an ISO 3166 code)."""
AGGREGATES = (WORLD, "EUU")
"""Economy codes allowed beside ISO 3166-1 alpha-3: the world and the European
Union (World Bank's code), which trade texts treat as economies."""
DOCUMENT_STATUSES = ("ok", "empty", "binary", "too_large", "outside_seeds", "missing", "unreadable", "not_regular",
                     "too_dense")
"""Why a seed file did or did not yield text; anything but ``ok`` carries a reason."""
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
MAX_MONEY_MAGNITUDE = 1e17
"""The largest money amount a trade figure can state, in its own currency's units. World trade is about
3e13 USD a year, which is 4e16 in won or 5e17 in rupiah; a figure for one economy's trade stays under 1e17
in any currency in use, while misread scales (``$999,999,999 trillion`` = 1e21) go far past it."""
SUBUNIT_WORDS = ("cent", "cents", "pence", "penny", "paise", "centavo", "centavos", "centime", "centimes", "kopeck",
                 "kopecks", "kopek", "kopeks")
"""A currency's hundredth part: a figure written in one is not an amount of the currency's unit.
(A share "30 cents on the dollar" has unit ``percent`` and is not money.)"""
SUBUNIT_PATTERN = r"(?i)\b(?:" + "|".join(SUBUNIT_WORDS) + r")\b|¢"
MAX_YEARS_AFTER_DOCUMENT = 2
"""How far past its document's own date a figure's year may lie (a fiscal year numbered by its end)."""
