"""Word tables: flows, products, directions, hedges and HS chapter names.

Data, not logic: every table maps surface words onto the contract's enums
(schemas/contract.py), so supporting new wording means adding a row here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from schemas.contract import FLOWS, PRODUCTS, QUALIFIERS

from .fold import twin
from .prefilter import prefixes, starts_with

class Words(NamedTuple):
    """One row of a word table: a pattern, the contract value it means, and phrases it must read that way.

    The phrases are the row's tests (tests/pipeline/extract/test_vocab.py): each must be found by the
    table's compiled pattern, gates included, as this row.
    """
    pattern: str
    value: str
    examples: tuple[str, ...]


# Flow words. First alternative wins at a position, so longer phrases come first.
_FLOW_WORDS = [
    Words(r"sales\s+of\s+services|affiliate\s+sales|affiliates\b|owned\s+(?:firms|affiliates|"
          r"companies|subsidiaries)", "affiliate_sales_outward",
          ("sales of services by affiliates", "U.S.-owned affiliates", "majority-owned subsidiaries")),
    Words(r"\bFDI\b|direct\s+investment|foreign\s+investment|investment\s+(?:stock|position)|"
          r"\binvestments?\b(?!\s+(?:climate|treaty|treaties|agreement|opportunit))|\binvested\b|"
          r"\binvestors?\b", "fdi_outward",
          ("U.S. FDI in Peru", "foreign direct investment", "the investment position", "firms invested $2 billion")),
    Words(r"\bremittances?\b", "remittances", ("remittances from migrants",)),
    Words(r"(?:foreign\s+)?(?:assistance|aid)\b|\bgrants?\b|\bloans?\b|\bGDP\b|gross\s+domestic\s+product|"
          r"tourism\s+(?:revenues?|receipts|spending)|\bspending\b|\bspent\b", "other",
          ("foreign aid", "a grant of", "its GDP", "tourism receipts", "visitors spent")),
    Words(r"trade\s+(?:deficits?|surplus(?:es)?|balances?|gap)|\bdeficits?\b|\bsurplus(?:es)?\b|"
          r"\btrade\s+imbalance", "balance",
          ("the trade deficit", "a surplus of", "the trade balance", "its trade gap", "a trade imbalance")),
    Words(r"two[- ]ways?\b|(?:total|bilateral|overall)\s+(?:two-way\s+)?trade\b|trad(?:ing|e)\s+partners?|"
          r"\btraders?\b|"
          r"\btrade\b(?!\s+(?:agreements?|deals?|pacts?|polic(?:y|ies)|barriers?|rules|representatives?|"
          r"wars?|talks|negotiat\w*|promotion|missions?|sectors?|data|statistics|disputes?|ministers?|"
          r"remed\w+|officials?|tensions?|bureau|commission|liberali[sz]ation|facilitation|shows?|"
          r"fairs?|zones?|routes?|secretary|association|press|center|council|act)\b)", "total",
          ("two-way trade", "bilateral trade", "its trading partners", "trade between them", "the largest traders")),
    # Balance-of-payments releases say credits and debits for exports and imports.
    Words(r"\bexports?\b|\bexported\b|\bexporting\b|\bshipments\s+(?:to|of)\b|\bsales\s+to\b|\bsold\b|"
          r"\bsells?\b|(?<=goods\s)credits\b|(?<=services\s)credits\b", "export",
          ("exports rose", "it exported", "shipments to Chile", "shipments of chips", "sales to Japan",
           "farmers sold", "goods and services credits")),
    Words(r"\bimports?\b|\bimported\b|\bimporting\b|\bpurchases\s+from\b|\bsourced?\b|\bbought\b|"
          r"\bpurchased\b|(?<=goods\s)debits\b|(?<=services\s)debits\b", "import",
          ("imports fell", "it imported", "purchases from Peru", "goods sourced from", "they bought",
           "goods and services debits")),
]
# The first three letters of every flow phrase, so most words are rejected at once (every row's
# examples pass through this gate in the tests).
_FLOW_STARTS = starts_with("sal aff own fdi dir for inv rem ass aid gra loa gdp gro tou spe tra def sur two tot bil "
                           "ove exp shi imp pur sou sol sel bou cre deb")
FLOW_RE = re.compile(r"\b" + _FLOW_STARTS + r"(?:" + "|".join(f"(?P<f{i}>{w.pattern})" for i, w in enumerate(_FLOW_WORDS)) + ")",
                     re.IGNORECASE)
FLOW_OF_GROUP = {f"f{i}": w.value for i, w in enumerate(_FLOW_WORDS)}

# Role nouns of a rank ("our 3rd largest trading partner") and the flow they rank by.
RANK_ROLES = [
    Words(r"trad(?:ing|e)\s+partners?|partners?", "total", ("trading partner", "partners")),
    Words(r"export\s+(?:markets?|destinations?)|markets?|buyers?|customers?|importers?|purchasers?|"
          r"destinations?\s+for\s+(?:U\.S\.|US|American)\s+(?:exports|goods|products)", "export",
          ("export market", "buyer", "importer", "destination for U.S. exports")),
    Words(r"suppliers?|exporters?|sources?\s+of\s+(?:U\.S\.|US)?\s*imports|providers?|vendors?", "import",
          ("supplier", "exporters", "source of U.S. imports")),
    Words(r"investors?|sources?\s+of\s+(?:foreign\s+)?(?:direct\s+)?investment", "fdi_inward",
          ("investor", "source of foreign direct investment")),
    Words(r"destinations?\s+for\s+(?:U\.S\.|US|American)?\s*(?:foreign\s+)?(?:direct\s+)?investment",
          "fdi_outward", ("destination for U.S. direct investment",)),
]
RANK_ROLE_RE = re.compile(
    "|".join(f"(?P<r{i}>\\b(?:{w.pattern})\\b)" for i, w in enumerate(RANK_ROLES)), re.IGNORECASE)
RANK_FLOW_OF_GROUP = {f"r{i}": w.value for i, w in enumerate(RANK_ROLES)}

# Product words in running text, most specific first.
_PRODUCT_WORDS = [
    Words(r"goods\s+and\s+(?:private\s+)?(?:commercial\s+)?services|goods\s*&\s*services", "all",
          ("goods and services", "goods and private services", "goods & services")),
    Words(r"advanced[- ]tech(?:nology)?|high[- ]tech(?:nology)?|\btech\b", "advanced_technology",
          ("advanced technology products", "high-tech exports", "tech exports")),
    Words(r"intermediate\s+(?:goods|inputs|products)|\binputs\b", "intermediate_goods",
          ("intermediate goods", "industrial inputs")),
    Words(r"\bagricultur\w*|\bAg\b|\bfarm\s+(?:products|goods|exports|imports)|\bagri-?food", "agriculture",
          ("agricultural exports", "U.S. Ag exports", "farm products", "agri-food trade")),
    Words(r"\bmanufactur(?:ed|ing|es)\b", "manufacturing", ("manufactured goods", "manufacturing exports")),
    Words(r"\bservices\b|\binvisibles?\b", "services", ("services exports", "the surplus on invisibles")),
    # Customs-basis concepts name goods: "general imports", "domestic exports", "visible trade", "customs figures".
    Words(r"\bgoods\b|\bmerchandise\b|\bgeneral\s+imports\b|\bdomestic\s+exports\b|\bvisible\s+trade\b|"
          r"\bcustoms(?:\s+(?:data|figures|statistics))\b", "goods",
          ("goods exports", "merchandise trade", "general imports", "domestic exports", "visible trade",
           "customs figures show")),
]
PRODUCT_RE = re.compile(r"\b" + starts_with("goo adv hig tec int inp agr ag far man ser mer inv gen dom vis cus") + r"(?:" +
                        "|".join(f"(?P<p{i}>{w.pattern})" for i, w in enumerate(_PRODUCT_WORDS)) + ")", re.IGNORECASE)
PRODUCT_OF_GROUP = {f"p{i}": w.value for i, w in enumerate(_PRODUCT_WORDS)}
# "in that category", "such products": the product of the sentence before.
SAME_PRODUCT_RE = re.compile(r"\b(?=th|su)(?:that|this|the\s+same)\s+(?:category|sector|segment)|"
                             r"\b(?:such|these|those)\s+(?:products|goods|items)\b", re.IGNORECASE)
SAME_PRODUCT_HINTS = ("categor", "sector", "segment", "such", "these", "those")  # every match holds one

# A label naming a whole product class rather than a category. Modifiers first.
_LABEL_MODIFIERS = re.compile(
    r"^(?:(?:the|key|total|overall|all|other|u\.s\.|us|american|private|commercial|combined|"
    r"its|their|our|annual|bilateral|two-way)\s+)+")
_PRODUCT_LABELS = [
    (r"goods and (?:services|commercial services)|goods & services|trade", "all"),
    (r"(?:goods|merchandise)(?: trade| exports| imports)?", "goods"),
    (r"services(?: trade| exports| imports)?", "services"),
    (r"(?:agricultur\w*|ag|farm|agri-?food)(?: and food)?(?: products| goods| commodities| exports|"
     r" imports| trade)?(?: .*)?", "agriculture"),
    (r"manufactur\w*(?: goods| products| exports| imports)?", "manufacturing"),
    (r"(?:advanced[- ]tech\w*|high[- ]tech\w*|tech|technology)(?: products?| goods| exports| imports)?",
     "advanced_technology"),
    (r"(?:intermediate (?:goods|inputs|products)|inputs)", "intermediate_goods"),
]
PRODUCT_LABEL_RES = [(re.compile(p + "$"), product) for p, product in _PRODUCT_LABELS]
GENERIC_LABELS = frozenset(
    "products goods items commodities categories exports imports trade value total sales shipments "
    "it this that they these those which".split())


# Words no product group's name holds: amounts, currencies, periods, reporting verbs and pronouns
# ("billion dlrs and", "he said first quarter", "showing" are what surrounds a figure, not what it counts).
_NOT_A_LABEL_WORDS = (
    "billion million trillion thousand mln bln bn mn crore lakh dollars dlrs dollar euros yen yuan pounds "
    "percent pct quarter quarters month months year years half week said says say showing shows showed show "
    "reported reports according he she it they we "
    "january february march april may june july august september october november december")
NOT_A_LABEL_RE = re.compile(r"\b(?:" + "|".join(_NOT_A_LABEL_WORDS.split()) + r")\b")


@lru_cache(maxsize=8192)
def label_product(label: str) -> str | None:
    """The product class a label names ("agricultural products" -> agriculture), else None."""
    core = _LABEL_MODIFIERS.sub("", label)
    for regex, product in PRODUCT_LABEL_RES:
        if regex.match(core):
            return product
    return None


# Direction of a change. Both tables are matched as whole words.
UP_WORDS = (r"up|rose|risen|rises?|rising|increase[sd]?|increasing|grew|grown|grows?|growing|growth|gains?|gained|"
            r"jump(?:ed|s)?|climb(?:ed|s)?|surge[sd]?|soar(?:ed|s)?|expand(?:ed|s)?|expansion|"
            r"widen(?:ed|s|ing)?|higher|more|greater|boost(?:ed)?|advance[sd]?|advancing|rebound(?:ed|ing)?|"
            r"jumping|climbing|surging|soaring|expanding|improv(?:ed|ing)|"
            r"accelerat\w+|hike[sd]?|larger")
DOWN_WORDS = (r"down|fell|fallen|falls?|falling|decrease[sd]?|decreasing|decline[sd]?|declining|"
              r"drop(?:ped|s|ping)?|slip(?:ped|s|ping)?|contract(?:ed|s|ion)?|shr[aiu]nk(?:s)?|plunge[sd]?|"
              r"plummet(?:ed|s)?|slump(?:ed|s)?|tumble[sd]?|dip(?:ped|s)?|lower|less|smaller|"
              r"reduc(?:ed|es|tion)|narrow(?:ed|s|ing)?|sank|slid|sliding|eased|easing|loss|losses|retreat(?:ed)?|"
              r"shrinking|contracting|plunging|slumping|tumbling|dipping|"
              r"weaken(?:ed)?|contraction")
_DIRECTION_STARTS = starts_with(prefixes(UP_WORDS) + " " + prefixes(DOWN_WORDS))
DIRECTION_RE = re.compile(rf"\b{_DIRECTION_STARTS}(?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS}))\b", re.IGNORECASE)
# A direction word right after a percentage names its measure: "a 5.7% increase", "6.8% more than".
DIRECTION_AFTER_RE = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?(?:(?:year[- ](?:on|over)[- ]year|annual|y/y)\s+)?"
    rf"(?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS}))\b", re.IGNORECASE)
# Before a money amount: the amount is the change itself ("up $10 billion", "an increase of $2 billion").
CHANGE_BEFORE_RE = re.compile(
    rf"\b(?=[a-zA-Z]){_DIRECTION_STARTS}(?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS}))\s*(?:\(\s*)?(?:(?:of|by)\s+)?"
    r"(?:(?:about|around|nearly|almost|roughly|some|approximately|an\s+estimated|over|more\s+than|"
    r"less\s+than|under)\s+)?\(?\s*$", re.IGNORECASE)
SHARE_BEFORE_RE = re.compile(
    r"\b(?=ac|re|ma|co|eq|sh|we|ca|so|de)(?:account(?:ed|s|ing)?\s+for|represent(?:ed|s|ing)?|made\s+up|makes?\s+up|make\s+up|"
    r"comprise[ds]?|comprising|constitut\w+|equal(?:l?ed|s)?(?:\s+to)?|shares?(?:\s+(?:of|was|is|"
    r"stood\s+at|reached|rose\s+to|fell\s+to|at))?|went\s+to|came\s+from|sourced|sources|"
    r"destined\s+for)\s+(?:(?:about|around|nearly|almost|roughly|some|approximately|an\s+estimated|"
    r"over|more\s+than|less\s+than|under|just|only|a|an)\s+)*$", re.IGNORECASE)
SHARE_AFTER_RE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:share|of|per\s+dollar)\b", re.IGNORECASE)

_QUALIFIER_WORDS = [
    Words(r"about|around|some|nearly|almost|roughly|approximately|approx\.|an\s+estimated|estimated|"
          r"close\s+to|circa|an\s+approximate|just\s+about|on\s+the\s+order\s+of", "approx",
          ("about ", "nearly ", "an estimated ", "close to ")),
    Words(r"over|more\s+than|exceed(?:ed|s|ing)?|above|at\s+least|upwards\s+of|in\s+excess\s+of|"
          r"nearly\s+over|surpass(?:ed|es|ing)?|topp(?:ed|ing)|top(?:s)?", "at_least",
          ("over ", "more than ", "exceeded ", "in excess of ", "topped ")),
    Words(r"under|less\s+than|below|at\s+most|up\s+to|no\s+more\s+than|fewer\s+than|just\s+under", "at_most",
          ("under ", "less than ", "up to ")),
]
QUALIFIER_RE = re.compile(
    r"\b" + starts_with(" ".join(prefixes(w.pattern) for w in _QUALIFIER_WORDS)) + r"(?:" + "|".join(f"(?P<q{i}>{w.pattern})" for i, w in enumerate(_QUALIFIER_WORDS)) +
    r")\s*(?:(?:US|U\.S\.)\s*)?\\?$", re.IGNORECASE)
QUALIFIER_OF_GROUP = {f"q{i}": w.value for i, w in enumerate(_QUALIFIER_WORDS)}

# Phrases that make the counterpart the world as a whole.
WORLD_RE = re.compile(
    r"\b(?=al|re|th|ar|to|fr|wi|wo|gl|ov)(?:all\s+(?:its|their|our)\s+(?:trade|trading)\s+partners|(?:the\s+)?rest\s+of\s+the\s+world|"
    r"(?:around|to|from|with)\s+the\s+world\b|worldwide|globally|global\s+(?:exports|imports|trade)|"
    r"all\s+(?:countries|partners|sources|destinations|markets)|overall\s+(?:U\.S\.\s+)?"
    r"(?:exports|imports|trade)|total\s+(?:U\.S\.|US)\s+(?:exports|imports|trade))", re.IGNORECASE)
WORLD_HINTS = ("world", "global", "all", "total")  # every match holds one ("overall" holds "all")

# 2-digit HS chapters by the short names trade statistics use for them.
HS_CHAPTERS = {
    "live animals": "01", "meat": "02", "fish and seafood": "03", "fish": "03", "dairy": "04",
    "dairy, eggs, honey": "04", "vegetables": "07", "fruits and nuts": "08", "fruit and nuts": "08",
    "edible fruit and nuts": "08", "coffee, tea and spices": "09", "cereals": "10", "grain": "10",
    "milling products": "11", "oil seeds": "12", "oilseeds": "12", "oil seeds and grains": "12",
    "oilseeds and grains": "12", "oilseeds and oleaginous fruits": "12", "soybeans": "12",
    "precious metal and stone": "71", "precious metals and stones": "71", "natural pearls": "71",
    "articles of iron and steel": "73", "iron and steel articles": "73", "wood pulp and paper": "48",
    "mineral fuels and oil": "27", "mineral fuel and oils": "27", "crude oil": "27",
    "medical instruments and optics": "90", "optical instruments": "90",
    "animal or vegetable fats and oils": "15", "animal and vegetable fats": "15",
    "meat and fish preparations": "16", "sugar": "17", "sugars": "17", "cocoa": "18",
    "baked goods": "19", "cereal preparations": "19", "prepared vegetables and fruit": "20",
    "miscellaneous food": "21", "beverages": "22", "food waste": "23", "animal feed": "23",
    "tobacco": "24", "salt, sulfur, stone and cement": "25", "ores, slag and ash": "26", "ores": "26",
    "mineral fuel and oil": "27", "mineral fuels and oils": "27", "mineral fuel": "27",
    "mineral fuels": "27", "mineral fuel, oil": "27", "inorganic chemicals": "28",
    "organic chemicals": "29", "pharmaceutical products": "30", "pharmaceuticals": "30",
    "fertilizers": "31", "tanning and dye extracts": "32", "essential oils and perfumes": "33",
    "perfumes and cosmetics": "33", "soap and waxes": "34", "albuminoidal substances": "35",
    "explosives": "36", "photographic goods": "37", "miscellaneous chemical products": "38",
    "plastic": "39", "plastics": "39", "rubber": "40", "raw hides and skins": "41",
    "leather goods": "42", "furskins": "43", "wood": "44", "cork": "45", "pulp": "47",
    "wood pulp": "47", "paper": "48", "paper and paperboard": "48", "paperboard": "48",
    "printed books": "49", "books and printed matter": "49", "silk": "50", "wool": "51",
    "cotton": "52", "vegetable textile fibers": "53", "man-made filaments": "54",
    "man-made staple fibers": "55", "wadding": "56", "carpets": "57", "special woven fabrics": "58",
    "knit fabric": "60", "knit apparel": "61", "woven apparel": "62", "apparel": "62",
    "textile articles": "63", "textile art": "63", "footwear": "64", "headgear": "65",
    "umbrellas": "66", "artificial flowers": "67", "stone and cement articles": "68",
    "ceramic products": "69", "ceramics": "69", "glass": "70", "glass and glassware": "70",
    "precious stones": "71", "precious stones and metals": "71", "pearls and precious stones": "71",
    "gems and precious metals": "71", "jewelry": "71", "iron and steel": "72",
    "iron and steel products": "72", "iron or steel products": "73", "articles of iron or steel": "73",
    "copper": "74", "nickel": "75", "aluminum": "76", "aluminium": "76", "lead": "78", "zinc": "79",
    "tin": "80", "base metals": "81", "tools and cutlery": "82", "tools": "82",
    "miscellaneous base metal articles": "83", "machinery": "84", "nuclear reactors": "84",
    "nuclear equipment": "84", "electrical machinery": "85", "electric machinery": "85",
    "electronic equipment": "85", "electrical equipment": "85", "railway": "86",
    "railway equipment": "86", "vehicles": "87", "motor vehicles": "87", "aircraft": "88",
    "aircraft and spacecraft": "88", "aircraft, spacecraft": "88", "ships and boats": "89",
    "ships": "89", "optic and medical instruments": "90", "optical and medical instruments": "90",
    "optical, medical instruments": "90", "medical instruments": "90", "clocks and watches": "91",
    "musical instruments": "92", "arms and ammunition": "93", "furniture": "94",
    "furniture and bedding": "94", "toys and sports equipment": "95", "toys": "95",
    "miscellaneous manufactured articles": "96", "works of art": "97", "art and antiques": "97",
    "special other": "98", "special classification provisions": "99",
}
_HS_SUFFIX = re.compile(r"\s+(?:products|articles|and\s+parts|parts)$")


@lru_cache(maxsize=8192)
def hs_chapter(label: str) -> str | None:
    """The 2-digit HS chapter a category label names, if it is a chapter name."""
    label = label.strip().lower()
    return HS_CHAPTERS.get(label) or HS_CHAPTERS.get(_HS_SUFFIX.sub("", label))


# The case-sensitive twin of the rank roles, for folded text (fold.py); fields.py makes its own.
RANK_ROLE_LOW = twin(RANK_ROLE_RE)

assert set(FLOW_OF_GROUP.values()) <= set(FLOWS)
assert set(RANK_FLOW_OF_GROUP.values()) <= set(FLOWS)
assert set(PRODUCT_OF_GROUP.values()) <= set(PRODUCTS)
assert set(QUALIFIER_OF_GROUP.values()) <= set(QUALIFIERS)
