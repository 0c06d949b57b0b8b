"""Currency markers: the one table of how texts write a currency, before or after the number.

``DOLLAR`` stands for a dollar the text does not say the country of ("$",
"dollars", "dlrs"): it is the US dollar unless the document is published in
an economy with a dollar of its own (``dollar_of``). The patterns in
numbers.py derive from these tables, longest marker first.
"""
from __future__ import annotations

import re

DOLLAR = "$"
"""Placeholder unit of a dollar whose country the text leaves to the document."""

# Written before the number: "€82 billion", "US$ 5 bn", "EUR 2 107 billion", "Rs 4,000 crore".
BEFORE: dict[str, str] = {
    "$": DOLLAR, "US$": "USD", "US $": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD": "USD",
    "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "CAD": "CAD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD",
    "NT$": "TWD", "NTD": "TWD", "TWD": "TWD", "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD",
    "R$": "BRL", "BRL": "BRL", "Mex$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "RMB": "CNY", "CNY": "CNY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR",
    "₩": "KRW", "KRW": "KRW", "CHF": "CHF", "₽": "RUB", "RUB": "RUB", "₫": "VND", "VND": "VND",
    "₱": "PHP", "PHP": "PHP", "ZAR": "ZAR", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "TRY": "TRY",
}
# Written after the number (and its scale): "4 billion dollars", "1.2 trillion yen", "£5bn pounds".
AFTER: dict[str, str] = {
    "dollars": DOLLAR, "dollar": DOLLAR, "dlrs": DOLLAR, "dlr": DOLLAR,
    "US dollars": "USD", "U.S. dollars": "USD", "American dollars": "USD", "USD": "USD",
    "Canadian dollars": "CAD", "Australian dollars": "AUD", "New Zealand dollars": "NZD",
    "Hong Kong dollars": "HKD", "Singapore dollars": "SGD", "Taiwan dollars": "TWD", "NT dollars": "TWD",
    "euros": "EUR", "euro": "EUR", "EUR": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP",
    "GBP": "GBP", "yen": "JPY", "JPY": "JPY", "yuan": "CNY", "renminbi": "CNY", "CNY": "CNY", "RMB": "CNY",
    "rupees": "INR", "rupee": "INR", "INR": "INR", "won": "KRW", "KRW": "KRW", "Mexican pesos": "MXN",
    "pesos": "MXN", "MXN": "MXN", "reais": "BRL", "real": "BRL", "Swiss francs": "CHF", "francs": "CHF",
    "roubles": "RUB", "rubles": "RUB", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "dong": "VND",
    "rand": "ZAR", "lira": "TRY", "riyals": "SAR", "dirhams": "AED",
}
# The dollar of economies that have one; every other economy's bare "$" is the US dollar.
DOLLAR_OF_ECONOMY = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "TWN": "TWD", "HKG": "HKD", "SGP": "SGD"}
# Currency subunits: "30 cents" on a dollar is a share, never an amount of the currency.
SUBUNITS = ("cents", "cent", "pence", "paise")


def alternation(markers) -> str:
    """A regex alternative of ``markers``, longest first, spaces matching any run of whitespace."""
    return "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(markers, key=len, reverse=True))


def dollar_of(economy: str | None, text: str = "") -> str:
    """The currency of a bare "$" in a document published in ``economy``.

    A text that marks its own dollar ("C$594 billion, or about $456 billion") keeps
    the bare "$" for the US dollar.
    """
    own = DOLLAR_OF_ECONOMY.get(economy or "", "USD")
    marked = [m for m, code in BEFORE.items() if code == own and m.endswith("$") and m != "$"]
    return "USD" if own != "USD" and any(m in text for m in marked) else own
