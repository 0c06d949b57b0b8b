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
DOCUMENT_STATUSES = ("ok", "empty", "binary", "too_large", "outside_seeds", "missing", "unreadable",
                     "unsupported", "no_text", "encrypted", "corrupt")
"""Why a seed file did or did not yield text; anything but ``ok`` carries a reason. ``unsupported``: a
type that is not read; ``no_text``: a PDF without a text layer or a page without main text;
``encrypted``, ``corrupt``: a PDF that needs a password, or is damaged."""
DOCUMENT_FORMATS = ("txt", "md", "html", "pdf")
"""The formats a seed file is read in (by its suffix); see ``pipeline.formats``."""
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
