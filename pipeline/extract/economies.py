"""Economy names, short forms and demonyms to ISO 3166-1 alpha-3.

pycountry supplies the names; ``_EXTRA`` adds only what it lacks (short
forms, demonyms, aliases). Everything is compiled once at import into a
case-sensitive trie regex, so finding economies costs one scan per text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pycountry

from .prefilter import trie

US = "USA"
EU = "EUU"  # no ISO 3166 alpha-3 exists for the EU; the World Bank's code
REGION = "region"
"""A region with no code of its own ("Asia", "Latin America"): a figure's counterpart, whose partner is null."""

# Names pycountry does not carry (or carries in a form text rarely uses).
# None blocks a phrase that would otherwise match a shorter name.
_EXTRA: dict[str, str | None] = {
    "U.S.": US, "US": US, "U.S.A.": US, "USA": US, "United States": US,
    "United States of America": US, "America": US,
    "Pan American": None, "Asian American": None, "North American": None, "South American": None,
    "Latin American": None, "Central American": None,
    "Mexican American": None, "New Mexico": None, "New Mexican": None,
    "Korea": "KOR", "South Korea": "KOR", "Republic of Korea": "KOR", "ROK": "KOR",
    "North Korea": "PRK", "DPRK": "PRK", "Taiwan": "TWN", "Chinese Taipei": "TWN",
    "China": "CHN", "PRC": "CHN", "People's Republic of China": "CHN",
    "Mainland China": "CHN", "Hong Kong": "HKG", "Macau": "MAC",
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "England": "GBR", "Russia": "RUS", "Vietnam": "VNM", "Viet Nam": "VNM", "Laos": "LAO", "Syria": "SYR",
    "Czech Republic": "CZE", "Turkey": "TUR", "Ivory Coast": "CIV", "Holland": "NLD",
    "EU": EU, "E.U.": EU, "European Union": EU, "EEC": EU, "European Community": EU,
    "European Economic Community": EU, "EU-27": EU, "EU27": EU, "Macao": "MAC",
    "UAE": "ARE", "Burma": "MMR", "Swaziland": "SWZ",
    "Cape Verde": "CPV", "East Timor": "TLS", "Macedonia": "MKD", "Brunei": "BRN",
    "Bolivia": "BOL", "Iran": "IRN", "Venezuela": "VEN", "Tanzania": "TZA",
    "Moldova": "MDA", "Palestine": "PSE", "Micronesia": "FSM",
}

# Regions trade figures name as counterparts ("exports to Asia"). Their adjectives are left out: "the East
# Asian tech superpower" is an economy described, not a region.
_REGIONS = (
    "Asia", "East Asia", "Southeast Asia", "South-East Asia", "South Asia", "Central Asia",
    "Asia-Pacific", "Asia Pacific", "Europe", "Eastern Europe", "Western Europe", "Central Europe",
    "Africa", "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa",
    "North America", "South America", "Latin America", "Central America", "Americas", "Caribbean",
    "Middle East", "Oceania", "ASEAN", "Mercosur", "MERCOSUR", "Pacific Rim",
)

# Demonyms and adjectives: they qualify what follows, like a possessive.
_DEMONYMS: dict[str, str] = {
    "American": US, "Americans": US, "Korean": "KOR", "Koreans": "KOR", "South Korean": "KOR",
    "North Korean": "PRK", "Taiwanese": "TWN", "Chinese": "CHN", "British": "GBR",
    "Russian": "RUS", "Vietnamese": "VNM", "Czech": "CZE", "Turkish": "TUR", "Dutch": "NLD",
    "Emirati": "ARE",
    "Mexican": "MEX", "Mexicans": "MEX", "Canadian": "CAN", "Canadians": "CAN",
    "Japanese": "JPN", "German": "DEU", "Germans": "DEU", "French": "FRA",
    "Italian": "ITA", "Spanish": "ESP", "Portuguese": "PRT", "Indian": "IND",
    "Brazilian": "BRA", "Chilean": "CHL", "Peruvian": "PER", "Colombian": "COL",
    "Argentine": "ARG", "Argentinian": "ARG", "Argentinean": "ARG", "Ecuadorian": "ECU",
    "Venezuelan": "VEN", "Guatemalan": "GTM", "Honduran": "HND", "Salvadoran": "SLV",
    "Nicaraguan": "NIC", "Costa Rican": "CRI", "Panamanian": "PAN", "Dominican": "DOM",
    "Cuban": "CUB", "Haitian": "HTI", "Jamaican": "JAM", "Uruguayan": "URY",
    "Paraguayan": "PRY", "Bolivian": "BOL", "Irish": "IRL", "Swiss": "CHE",
    "Swedish": "SWE", "Norwegian": "NOR", "Danish": "DNK", "Finnish": "FIN",
    "Belgian": "BEL", "Austrian": "AUT", "Polish": "POL", "Hungarian": "HUN",
    "Greek": "GRC", "Ukrainian": "UKR", "Romanian": "ROU", "Israeli": "ISR",
    "Saudi": "SAU", "Saudi Arabian": "SAU", "Egyptian": "EGY", "Moroccan": "MAR",
    "Nigerian": "NGA", "Kenyan": "KEN", "Ethiopian": "ETH", "Ghanaian": "GHA",
    "South African": "ZAF", "Pakistani": "PAK", "Bangladeshi": "BGD",
    "Sri Lankan": "LKA", "Thai": "THA", "Malaysian": "MYS", "Indonesian": "IDN",
    "Filipino": "PHL", "Philippine": "PHL", "Singaporean": "SGP", "Cambodian": "KHM",
    "Australian": "AUS", "New Zealander": "NZL", "Iranian": "IRN", "Iraqi": "IRQ",
    "Kuwaiti": "KWT", "Qatari": "QAT", "Jordanian": "JOR", "Lebanese": "LBN",
    "Algerian": "DZA", "Tunisian": "TUN", "Kazakh": "KAZ", "European": EU,
    "Europeans": EU,
}


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            names.setdefault(name, country.alpha_3)
            if ", " in name:  # "Korea, Republic of" -> "Republic of Korea"
                head, tail = name.split(", ", 1)
                names.setdefault(f"{tail} {head}", country.alpha_3)
    return names


NAMES: dict[str, str | None] = {**_pycountry_names(), **_DEMONYMS, **dict.fromkeys(_REGIONS, REGION), **_EXTRA}
_CAPITALISED = sorted(n for n in NAMES if n[:1].isupper())
_NAME_RE = re.compile(  # the first-letter class up front rejects most positions at once
    "(?=[" + "".join(sorted({re.escape(n[0]) for n in _CAPITALISED})) + "])"
    r"(?:(?<![\w.])|(?<=[a-z]))(?=[^\W\d_a-z])(" + trie(_CAPITALISED) + r")(?![\w])(?:['’]s\b|(?<=s)['’](?!\w))?"
)


# A name may follow a lower-case letter with no space: pages taken from HTML join text nodes ("in the worldIndia").


class EconomyMention(NamedTuple):
    start: int
    end: int
    iso3: str
    possessive: bool  # "Mexico's", or a demonym used as an adjective ("Mexican exports")


@lru_cache(maxsize=8192)
def resolve(name: str) -> str | None:
    """ISO3 of an economy name, short form or demonym; None if unknown."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return NAMES.get(name)


def find_economies(text: str, start: int = 0, end: int | None = None) -> list[EconomyMention]:
    """Economy mentions in ``text[start:end]``, with absolute offsets."""
    found = []
    for m in _NAME_RE.finditer(text, start, len(text) if end is None else end):
        name = m.group(1)
        iso3 = NAMES.get(name)
        if iso3 is None:
            continue
        if name == "US" and text[m.end(1):m.end(1) + 2].lstrip()[:1] == "$":  # "US$", "US $" are currency
            continue
        if iso3 == US and _DOLLAR_AFTER.match(text, m.end(1)):  # "in U.S. dollar terms" names a currency
            continue
        if text[max(0, m.start(1) - 4):m.start(1)].lower() == "non-":  # "non-EU countries": a group, no code
            iso3 = REGION
        possessive = m.end() > m.end(1) or name in _DEMONYMS or _FLOW_NOUN_AFTER.match(text, m.end(1)) is not None or (
            iso3 == US and name in ("U.S.", "US") and _followed_by_noun(text, m.end(1)))
        found.append(EconomyMention(m.start(1), m.end(1), iso3, possessive))
    return found


def home_economy(text: str) -> str | None:
    """The economy a document speaks for: the one most often named as owner ("Canada's exports"), then most named.

    Its publisher's economy as far as the text shows it; it sets the currency of a
    bare "$" and the reporter of figures whose sentence names no other. An economy
    named mostly as a counterpart ("exports to China", "the deficit with China") is
    the one the document's economy trades with, never its own, whatever else is said
    of it ("China's domestic demand"). A document that speaks in the first person of its
    trade ("our 12th largest goods trading partner") is that of the economy its title
    names first ("U.S. Relations With Chile"). Where no economy is named as owner, the one whose
    institution's data the document reports is its own ("the Korea International Trade
    Association showed …").
    """
    if _FIRST_PERSON.search(text):  # "our 12th largest goods trading partner": the publisher speaks
        end = text.find("\n") if "\n" in text else len(text)
        title = find_economies(text, 0, end) if not text[:end].rstrip().endswith((".", "!", "?")) else []
        if title and title[0].iso3 != REGION:  # "U.S. Relations With Chile", "U.S.-Korea Trade Facts"
            return title[0].iso3
    counts: dict[str, list[int]] = {}
    institutions: set[str] = set()
    for order, e in enumerate(e for e in find_economies(text) if e.iso3 != REGION):
        owned, named, countered, first = counts.setdefault(e.iso3, [0, 0, 0, -order])
        counter = _COUNTERPART_BEFORE.search(text, max(0, e.start - 22), e.start) is not None
        counts[e.iso3] = [owned + e.possessive, named + 1, countered + counter, first]
        if _INSTITUTION_AFTER.match(text, e.end):
            institutions.add(e.iso3)
    own = {iso3: c for iso3, c in counts.items() if 2 * c[2] < c[1]}
    owners = [iso3 for iso3, c in own.items() if c[0]]
    if owners:
        return max(owners, key=own.__getitem__)
    sources = [iso3 for iso3 in own if iso3 in institutions]  # whose institution's data the document reports
    return sources[0] if len(sources) == 1 and US not in own else None


# A name right before a trade noun qualifies it like a possessive: "The UK trade deficit", "Germany exports".
_FLOW_NOUN_AFTER = re.compile(r"\s+(?:(?:goods|merchandise|services)\s+)?(?:trade|exports|imports|deficit|surplus)\b")
_INSTITUTION_AFTER = re.compile(r"\s+(?:International\s+|National\s+|Central\s+)?(?:Trade\s+)?(?:Association|Chamber|"
                                r"Ministry|Bureau|Office|Institute|Agency|Bank|Customs|Statistics|Statistical|"
                                r"Council|Federation|Board|Department|Authority|Commission)\b")
_FIRST_PERSON = re.compile(r"\bour\s+(?:[\w-]+\s+){0,4}?(?:trading\s+partner|partner|market|exports?|imports?|supplier)s?\b",
                           re.IGNORECASE)
_COUNTERPART_BEFORE = re.compile(r"\b(?:(?<!according\s)to|from|with|into)\s+(?:the\s+)?$", re.IGNORECASE)
_DOLLAR_AFTER = re.compile(r"\s*(?:dollars?|dlrs)\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"[\s-]+(?:[a-z]|[A-Z][a-z])")


def _followed_by_noun(text: str, pos: int) -> bool:
    """"U.S. exports" / "U.S.-owned": the short form used as an adjective."""
    return bool(_LOWER_WORD.match(text, pos)) and not text.startswith((" and", " to", " in"), pos)
