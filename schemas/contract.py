"""The closed vocabularies of ../shared/gold/GUIDE.md: the dataset's contract.

Every enum a figure's fields may take lives here once; the pandera models and
the extractor both read it, so they cannot drift apart.
"""
from __future__ import annotations

NON_MONEY_UNITS = ("percent", "rank")
"""Units that are not money; every other unit is the ISO 4217 code of a currency (``schemas.economies.CURRENCY_CODES``)."""
PERIOD_PATTERN = r"^(?:FY|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-(?:0[1-9]|1[0-2])/\d{4}-(?:0[1-9]|1[0-2]))$"
"""A figure's ``period``: a month ``2016-12``, quarter ``2016-Q4``, half-year ``2016-H1``, run of months
``2016-01/2016-11``, or ``FY`` for a fiscal year; null for a calendar year or no period."""
FACT_KEY = ("reporter", "partner", "flow", "product", "product_label", "measure", "unit", "year", "period",
            "base_year")
"""What makes two figures state the same fact: one row of ``series`` each."""
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
                     "too_dense", "unsupported", "no_text", "encrypted", "corrupt")
"""Why a seed file did or did not yield text; anything but ``ok`` carries a reason. ``unsupported``: a
type that is not read; ``no_text``: a PDF without a text layer or a page without main text;
``encrypted``, ``corrupt``: a PDF that needs a password, or is damaged; ``not_regular``: not a regular
file (a FIFO, a device); ``too_dense``: far more figures than any real text holds."""
DOCUMENT_FORMATS = ("txt", "md", "html", "pdf")
"""The formats a seed file is read in (by its suffix); see ``pipeline.formats``."""
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
