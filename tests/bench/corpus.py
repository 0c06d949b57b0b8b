"""A synthetic corpus of trade documents and their gold figures, for the benchmark.

Each document is assembled from many sentence templates (fact sheets, news
copy, bullet lists, category lists, changes against base years, deficits and
surpluses, ranks, shares, hedged values, page furniture and numbers that are
not figures) about one or more of many economies, years and values. Every
template records the figures it writes, with their exact spans and meaning as
../shared/gold/GUIDE.md defines them, so precision and recall can be measured
at any scale. The same ``seed`` always gives the same corpus.

    python -m tests.bench.corpus N OUT_DIR   # OUT_DIR/seeds/*.txt and OUT_DIR/gold.jsonl
"""
from __future__ import annotations

import calendar
import json
import random
import sys
from pathlib import Path

# (ISO3, name as written, possessive form)
ECONOMIES = [
    ("MEX", "Mexico"), ("CAN", "Canada"), ("CHN", "China"), ("JPN", "Japan"), ("DEU", "Germany"),
    ("KOR", "South Korea"), ("GBR", "the United Kingdom"), ("FRA", "France"), ("IND", "India"),
    ("BRA", "Brazil"), ("ITA", "Italy"), ("NLD", "the Netherlands"), ("CHE", "Switzerland"),
    ("TWN", "Taiwan"), ("VNM", "Vietnam"), ("IRL", "Ireland"), ("SGP", "Singapore"), ("THA", "Thailand"),
    ("MYS", "Malaysia"), ("IDN", "Indonesia"), ("PHL", "the Philippines"), ("AUS", "Australia"),
    ("CHL", "Chile"), ("PER", "Peru"), ("COL", "Colombia"), ("ARG", "Argentina"), ("ESP", "Spain"),
    ("BEL", "Belgium"), ("SWE", "Sweden"), ("ISR", "Israel"), ("SAU", "Saudi Arabia"), ("ZAF", "South Africa"),
    ("NGA", "Nigeria"), ("EGY", "Egypt"), ("TUR", "Turkey"), ("POL", "Poland"), ("NZL", "New Zealand"),
    ("GTM", "Guatemala"), ("CRI", "Costa Rica"), ("DOM", "the Dominican Republic"), ("PAN", "Panama"),
    ("ARE", "the United Arab Emirates"), ("QAT", "Qatar"), ("KEN", "Kenya"), ("MAR", "Morocco"),
    ("PAK", "Pakistan"), ("BGD", "Bangladesh"), ("NOR", "Norway"), ("DNK", "Denmark"), ("AUT", "Austria"),
]
HS_CHAPTERS = [("Machinery", "84"), ("Electrical Machinery", "85"), ("Mineral Fuel and Oil", "27"),
               ("Vehicles", "87"), ("Plastic", "39"), ("Optic and Medical Instruments", "90"),
               ("Aircraft", "88"), ("Organic Chemicals", "29"), ("Iron and Steel Products", "72")]
AG_CATEGORIES = ["corn", "soybeans", "dairy products", "pork and pork products", "tree nuts", "wheat",
                 "beef and beef products", "poultry meat", "fresh fruit", "cotton", "rice"]
PRODUCT_PHRASES = {"goods": "goods", "services": "services", "all": "goods and services",
                   "agriculture": "agricultural", "advanced_technology": "advanced technology",
                   "manufacturing": "manufactured goods"}
ARTICLE_SHARE = 0.6  # documents that are articles: the corpus then has the seeds' ~150 bytes per figure
HEDGES = {"approx": ["about ", "around ", "an estimated ", "nearly ", "roughly ", "almost ", "some "],
          "at_least": ["more than ", "over "], "at_most": ["less than ", "under "]}
VERBS = ["totaled", "were", "amounted to", "reached", "stood at", "came to", "were valued at"]
ORDINALS = {2: ["2nd", "second"], 3: ["3rd", "third"], 4: ["4th", "fourth"], 5: ["5th", "fifth"],
            6: ["6th", "sixth"], 7: ["7th", "seventh"], 8: ["8th", "eighth"], 9: ["9th", "ninth"],
            10: ["10th", "tenth"], 11: ["11th"], 12: ["12th"], 15: ["15th"], 20: ["20th"]}


def _nth(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class Document:
    """Text written piece by piece; ``fig`` records a figure at the current offset."""

    def __init__(self, doc_id: str):
        self.doc_id, self.parts, self.length, self.gold = doc_id, [], 0, []

    def t(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def fig(self, text: str, value: float, unit: str, measure: str, *, reporter="USA", partner, flow,
            product, year, base_year=None, qualifier="exact", product_label=None, hs_code=None) -> None:
        self.gold.append({
            "doc_id": self.doc_id, "char_start": self.length, "char_end": self.length + len(text), "text": text,
            "value": value, "unit": unit, "measure": measure, "reporter": reporter, "partner": partner,
            "flow": flow, "product": product, "product_label": product_label, "hs_code": hs_code,
            "year": year, "base_year": base_year, "qualifier": qualifier,
        })
        self.t(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Writer:
    """Sentence templates about one partner; each writes text and records its figures."""

    def __init__(self, rng: random.Random, doc: Document, iso: str, name: str, published: int):
        self.r, self.d, self.iso, self.name = rng, doc, iso, name
        self.year = rng.randint(1998, published)  # a document reports years up to its own date

    # -- pieces ---------------------------------------------------------------------------------------------
    def money(self, billions: float) -> tuple[str, float]:
        """A dollar amount written in one of several styles, and its value in dollars."""
        r = self.r
        if billions >= 1000 and r.random() < 0.6:
            num = f"{billions / 1000:.2f}".rstrip("0").rstrip(".")
            return f"${num} trillion", float(num) * 1e12
        if billions < 1 or (billions < 10 and r.random() < 0.2):
            num = f"{billions * 1000:,.0f}" if r.random() < 0.7 else f"{billions * 1000:.1f}"
            return f"${num} million", float(num.replace(",", "")) * 1e6
        num = f"{billions:.{r.choice([0, 1, 1, 2])}f}"
        style = r.random()
        if style < 0.12:
            return f"US ${num} billion", float(num) * 1e9
        if style < 0.2:
            return f"US${num} billion", float(num) * 1e9
        if style < 0.27:
            return f"{num} billion dollars", float(num) * 1e9
        return f"${num} billion", float(num) * 1e9

    def pct(self, value: float, decimals: int | None = None) -> tuple[str, float]:
        num = f"{value:.{self.r.choice([0, 1, 1]) if decimals is None else decimals}f}"
        style = self.r.random()
        text = f"{num}%" if style < 0.6 else f"{num} percent" if style < 0.9 else f"{num} per cent"
        return text, float(num)

    def hedge(self) -> tuple[str, str]:
        if self.r.random() < 0.7:
            return "", "exact"
        qualifier = self.r.choice(["approx", "approx", "at_least", "at_most"])
        return self.r.choice(HEDGES[qualifier]), qualifier

    def level(self, billions: float, **fields) -> None:
        word, qualifier = self.hedge()
        self.d.t(word)
        text, value = self.money(billions)
        self.d.fig(text, value, "USD", "level", partner=self.iso, qualifier=qualifier, **fields)

    def cap(self) -> str:
        return self.name[0].upper() + self.name[1:]

    def base(self) -> int:
        return self.year - self.r.choice([1, 1, 1, 2, 5, 10])

    # -- templates ------------------------------------------------------------------------------------------
    def fact_sheet(self) -> None:
        d, y = self.d, self.year
        exp, imp = self.r.uniform(2, 400), self.r.uniform(2, 400)
        d.t(f"U.S. goods and services trade with {self.name} {self.r.choice(VERBS)} ")
        self.level(exp + imp, flow="total", product="all", year=y)
        d.t(f" in {y}. Exports {self.r.choice(VERBS)} ")
        self.level(exp, flow="export", product="all", year=y)
        d.t(f"; Imports {self.r.choice(VERBS)} ")
        self.level(imp, flow="import", product="all", year=y)
        kind = "deficit" if imp > exp else "surplus"
        d.t(f". The U.S. goods and services trade {kind} with {self.name} was ")
        text, value = self.money(abs(exp - imp))
        d.fig(text, -value if kind == "deficit" else value, "USD", "level", partner=self.iso, flow="balance",
              product="all", year=y)
        d.t(f" in {y}.\n\n")

    def goods_rank(self) -> None:
        d, y, rank = self.d, self.year, self.r.choice(list(ORDINALS))
        d.t(f"{self.cap()} was our ")
        d.fig(self.r.choice(ORDINALS[rank]), float(rank), "rank", "rank", partner=self.iso, flow="total",
              product="goods", year=y)
        d.t(" largest goods trading partner with ")
        self.level(self.r.uniform(5, 700), flow="total", product="goods", year=y)
        d.t(f" in total (two ways) goods trade during {y}.\n\n")

    def export_change(self) -> None:
        d, y, b = self.d, self.year, self.base()
        level = self.r.uniform(1, 300)
        p = self.r.uniform(0.5, 40) * self.r.choice([1, 1, -1])
        d.t(f"U.S. goods exports to {self.name} in {y} were ")
        self.level(level, flow="export", product="goods", year=y)
        ptext, pvalue = self.pct(abs(p))
        d.t(f", {'up' if p > 0 else 'down'} ")
        d.fig(ptext, pvalue if p > 0 else -pvalue, "percent", "pct_change", partner=self.iso, flow="export",
              product="goods", year=y, base_year=b)
        change = abs(level - level / (1 + p / 100))
        ctext, cvalue = self.money(max(change, 0.01))
        d.t(" (")
        d.fig(ctext, cvalue if p > 0 else -cvalue, "USD", "change", partner=self.iso, flow="export",
              product="goods", year=y, base_year=b)
        d.t(f") from {b}.\n\n")

    def news_exports(self) -> None:
        d, y = self.d, self.year
        p = self.r.uniform(0.5, 25) * self.r.choice([1, -1])
        verb = self.r.choice(["rose", "climbed", "jumped", "grew"] if p > 0 else ["fell", "slipped", "dropped"])
        weekday = self.r.choice(calendar.day_name[:5])
        ptext, pvalue = self.pct(abs(p))
        d.t(f"WASHINGTON - American exports to {self.name} {verb} ")
        d.fig(ptext, pvalue if p > 0 else -pvalue, "percent", "pct_change", partner=self.iso, flow="export",
              product="all", year=y, base_year=y - 1)
        d.t(f" in {y} from a year earlier, to ")
        self.level(self.r.uniform(1, 500), flow="export", product="all", year=y)
        d.t(f", the Commerce Department said on {weekday}. Officials held "
            f"{self.r.randint(3, 40)} meetings with {self.r.randint(20, 900)} exporters over "
            f"{self.r.randint(2, 11)} months.\n\n")

    def imports_reversed(self) -> None:
        d, y = self.d, self.year
        d.t(f"{self.cap()}'s exports to the United States {self.r.choice(['reached', 'totaled', 'hit'])} ")
        self.level(self.r.uniform(1, 500), flow="import", product="goods", year=y)
        d.t(f" in {y}, making it the ")
        rank = self.r.choice(list(ORDINALS))
        word = self.r.choice(ORDINALS[rank])
        d.fig(word, float(rank), "rank", "rank", partner=self.iso, flow="import", product="goods", year=y)
        d.t(f"{self.r.choice(['-', ' '])}largest supplier of goods imports to the U.S. that year.\n\n")

    def categories(self) -> None:
        d, y = self.d, self.year
        flow = self.r.choice(["export", "import"])
        where = f"to {self.name}" if flow == "export" else f"from {self.name}"
        d.t(f"The top {flow} categories (2-digit HS) {where} in {y} were: ")
        chosen = self.r.sample(HS_CHAPTERS, self.r.randint(3, 6))
        values = sorted((self.r.uniform(0.3, 60) for _ in chosen), reverse=True)
        for i, ((label, hs), billions) in enumerate(zip(chosen, values)):
            if i:
                d.t(", and " if i == len(chosen) - 1 else ", ")
            d.t(f"{label} (")
            text, value = self.money(billions)
            d.fig(text, value, "USD", "level", partner=self.iso, flow=flow, product="category", year=y,
                  product_label=label.lower(), hs_code=hs)
            d.t(")")
        d.t(".\n\n")

    def agriculture(self) -> None:
        d, y = self.d, self.year
        d.t(f"U.S. exports of agricultural products to {self.name} {self.r.choice(VERBS)} ")
        self.level(self.r.uniform(0.2, 30), flow="export", product="agriculture", year=y)
        rank = self.r.choice(list(ORDINALS))
        d.t(f" in {y}, the ")
        d.fig(ORDINALS[rank][0], float(rank), "rank", "rank", partner=self.iso, flow="export",
              product="agriculture", year=y)
        d.t(" largest U.S. Ag export market. Leading categories include: ")
        chosen = self.r.sample(AG_CATEGORIES, self.r.randint(2, 5))
        for i, label in enumerate(chosen):
            if i:
                d.t(", ")
            d.t(f"{label} (")
            text, value = self.money(self.r.uniform(0.05, 3))
            d.fig(text, value, "USD", "level", partner=self.iso, flow="export", product="category", year=y,
                  product_label=label)
            d.t(")")
        d.t(".\n\n")

    def services(self) -> None:
        d, y, b = self.d, self.year, self.base()
        level, p = self.r.uniform(1, 80), self.r.uniform(1, 30)
        flow = self.r.choice(["export", "import"])
        d.t(f"U.S. {flow}s of private commercial services {'to' if flow == 'export' else 'from'} {self.name} were ")
        self.level(level, flow=flow, product="services", year=y)
        ptext, pvalue = self.pct(p)
        d.t(f" in {y}, ")
        d.fig(ptext, pvalue, "percent", "pct_change", partner=self.iso, flow=flow, product="services", year=y,
              base_year=b)
        d.t(" (")
        ctext, cvalue = self.money(max(level - level / (1 + p / 100), 0.01))
        d.fig(ctext, cvalue, "USD", "change", partner=self.iso, flow=flow, product="services", year=y,
              base_year=b)
        d.t(f") more than {b}.\n\n")

    def share(self) -> None:
        d, y = self.d, self.year
        d.t(f"U.S. exports to {self.name} accounted for ")
        text, value = self.pct(self.r.uniform(0.2, 20))
        d.fig(text, value, "percent", "share", partner=[self.iso, "WLD"], flow="export", product="all", year=y)
        d.t(f" of overall U.S. exports in {y}.\n\n")

    def third_party_share(self) -> None:
        d, y = self.d, self.year
        word, qualifier = self.hedge()
        d.t(f"In {y}, {word}")
        text, value = self.pct(self.r.uniform(5, 85), decimals=0)
        d.fig(text, value, "percent", "share", reporter=self.iso, partner="USA", flow="export", product="all",
              year=y, qualifier=qualifier)
        d.t(f" of {self.name}'s exports went to the United States.\n\n")

    def fdi(self) -> None:
        d, y, b = self.d, self.year, self.base()
        d.t(f"U.S. foreign direct investment (FDI) in {self.name} (stock) was ")
        self.level(self.r.uniform(1, 600), flow="fdi_outward", product="all", year=y)
        p = self.r.uniform(1, 20)
        text, value = self.pct(p)
        d.t(f" in {y}, ")
        d.fig(text, value, "percent", "pct_change", partner=self.iso, flow="fdi_outward", product="all", year=y,
              base_year=b)
        d.t(f" higher than in {b}.\n\n")

    def deficit_change(self) -> None:
        d, y, b = self.d, self.year, self.base()
        level, p = self.r.uniform(1, 300), self.r.uniform(1, 30) * self.r.choice([1, -1])
        kind = self.r.choice(["deficit", "surplus"])
        d.t(f"The U.S. goods trade {kind} with {self.name} was ")
        text, value = self.money(level)
        d.fig(text, -value if kind == "deficit" else value, "USD", "level", partner=self.iso, flow="balance",
              product="goods", year=y)
        ptext, pvalue = self.pct(abs(p))
        d.t(f" in {y}, a ")
        d.fig(ptext, pvalue if p > 0 else -pvalue, "percent", "pct_change", partner=self.iso, flow="balance",
              product="goods", year=y, base_year=b)
        d.t(f" {'increase' if p > 0 else 'decrease'} (")
        ctext, cvalue = self.money(max(abs(level - level / (1 + p / 100)), 0.01))
        d.fig(ctext, cvalue if p > 0 else -cvalue, "USD", "change", partner=self.iso, flow="balance",
              product="goods", year=y, base_year=b)
        d.t(f") over {b}.\n\n")

    def bullets(self) -> None:
        d, y = self.d, self.year
        d.t(f"Key figures, {self.name}, {y}:\n")
        exp, imp = self.r.uniform(1, 300), self.r.uniform(1, 300)
        for label, flow, product, billions in [("Goods exports", "export", "goods", exp),
                                               ("Goods imports", "import", "goods", imp)]:
            d.t(f"- {label}: ")
            self.level(billions, flow=flow, product=product, year=y)
            d.t("\n")
        kind = "deficit" if imp > exp else "surplus"
        d.t(f"- Goods trade balance: a {kind} of ")
        text, value = self.money(abs(exp - imp))
        d.fig(text, -value if kind == "deficit" else value, "USD", "level", partner=self.iso, flow="balance",
              product="goods", year=y)
        d.t("\n\n")

    def top_market(self) -> None:
        d, y = self.d, self.year
        d.t(f"In {y}, {self.name} was the ")
        word = self.r.choice(["top", "largest"])
        d.fig(word, 1.0, "rank", "rank", partner=self.iso, flow="export", product="advanced_technology", year=y)
        d.t(" export market for U.S. advanced technology products, which ")
        d.t(self.r.choice(VERBS) + " ")
        self.level(self.r.uniform(0.5, 90), flow="export", product="advanced_technology", year=y)
        d.t(".\n\n")

    def distractors(self) -> None:
        r = self.r
        self.d.t(r.choice([
            f"The agreement entered into force on {r.choice(calendar.month_name[1:])} {r.randint(1, 28)}, "
            f"{r.randint(1990, 2015)}. Negotiators met for the {_nth(r.randint(2, 19))} round of talks in "
            f"{r.randint(1995, 2024)}.",
            f"For more information call (202) {r.randint(200, 999)}-{r.randint(1000, 9999)} or visit room "
            f"{r.randint(100, 999)}.",
            f"Some {r.randint(2, 90)},{r.randint(100, 999)} students and {r.randint(10, 400)} firms "
            f"took part over {r.randint(2, 12)} days.",
            f"Share | Print | {r.randint(1, 300)} comments | Related: {r.randint(3, 12)} things to know about "
            f"trade in {r.randint(2000, 2024)}",
        ]) + "\n\n")

    def prose(self) -> None:
        r = self.r
        sentences = [
            f"The relationship with {self.name} rests on deep supply chains and long-standing commercial ties.",
            "Officials said the agreement's market-opening rules had reduced barriers for small exporters.",
            f"Business groups in {self.name} urged both governments to keep tariffs low and rules predictable.",
            "Analysts cautioned that exchange rates and energy prices could shift the picture next season.",
            "Services such as travel, finance and professional consulting make up a growing part of the trade.",
            f"Farm groups welcomed better access for grains and meat in {self.name}, citing sanitary reforms.",
            "Negotiators are expected to resume talks on customs procedures, digital trade and labour standards.",
        ]
        self.d.t(" ".join(r.sample(sentences, r.randint(2, 5))) + "\n\n")

    TEMPLATES = ["prose", "prose", "prose", "fact_sheet", "goods_rank", "export_change", "news_exports", "imports_reversed", "categories",
                 "agriculture", "services", "share", "third_party_share", "fdi", "deficit_change", "bullets",
                 "top_market", "distractors"]

    def section(self) -> None:
        r, d = self.r, self.d
        d.t(r.choice([f"U.S.-{self.name.removeprefix('the ')} Trade Facts\n\n",
                      f"## Trade with {self.name}\n\n", f"{self.cap()}: trade and investment\n\n"]))
        for template in r.sample(self.TEMPLATES, r.randint(4, 9)):
            getattr(self, template)()

    FIGURE_TEMPLATES = [t for t in TEMPLATES if t not in ("prose", "distractors")]

    def background(self) -> None:
        """A paragraph of the relationship's politics and history: the bulk of an article, no figures."""
        r = self.r
        sentences = [s.format(name=self.name, cap=self.cap()) for s in BACKGROUND]
        self.d.t(" ".join(r.sample(sentences, r.randint(3, 6))) + "\n\n")

    def article(self) -> None:
        """A relations fact sheet or news feature: long prose with a few figure paragraphs among it."""
        r, d = self.r, self.d
        d.t(r.choice(["Bilateral Economic Issues\n\n", "Trade and Investment\n\n", "The economic relationship\n\n"]))
        for template in r.sample(self.FIGURE_TEMPLATES, r.randint(1, 3)):
            getattr(self, template)()
            self.background()
        if r.random() < 0.4:
            self.distractors()


BACKGROUND = [
    "Relations between the United States and {name} are broad and rest on shared interests in security and prosperity.",
    "The two governments cooperate closely on border management, law enforcement and public health.",
    "{cap} is an important partner in regional efforts to counter organized crime and illicit trafficking.",
    "Educational and cultural exchanges bring students, scholars and artists together every year.",
    "The embassy and several consulates support citizens, businesses and visitors throughout the country.",
    "Officials from both sides meet regularly in a high-level economic dialogue to remove obstacles to commerce.",
    "Disputes over steel, dairy and digital services taxes have at times strained the relationship.",
    "{cap} has signed free trade agreements with many partners in Europe, Asia and Latin America.",
    "The government of {name} has pursued reforms in energy, telecommunications and competition policy.",
    "Remittances, tourism and migration tie families and communities on both sides closely together.",
    "Both countries are members of the World Trade Organization and work together in the G20.",
    "Millions of people visit each year for business, study and tourism.",
    "Investors point to a skilled workforce, modern ports and an improving business climate in {name}.",
    "Critics argue that the agreement has done too little for workers and the environment.",
    "Supply chains for automobiles, electronics and medical devices cross the border many times before assembly.",
    "The ambassador said the partnership would deepen as companies diversify their suppliers.",
    "Lawmakers in {name} are debating new rules on data flows, procurement and state-owned enterprises.",
    "Cooperation on clean energy and critical minerals has become a priority for both governments.",
    "Farmers and ranchers depend on predictable access to each other's markets.",
    "A joint commission reviews the agreement's implementation and hears complaints from businesses.",
]


def make_document(rng: random.Random, doc_id: str, min_chars: int) -> Document:
    """One document of at least ``min_chars`` characters, of one of the genre's two kinds.

    A brief (a title, a date, dense sections about partners) or an article about
    one partner (long prose with a few figure paragraphs), mixed so that the
    corpus has about as many bytes per figure as the seeds.
    """
    doc = Document(doc_id)
    month, published = rng.choice(calendar.month_name[1:]), rng.randint(2010, 2025)
    date = f"{month} {rng.randint(1, 28)}, {published}"
    if rng.random() < ARTICLE_SHARE:
        iso, name = rng.choice(ECONOMIES)
        writer = Writer(rng, doc, iso, name, published)
        doc.t(f"U.S. Relations With {writer.cap().removeprefix('The ')}\n\nFact Sheet\n{date}\n\n")
        while doc.length < min_chars:
            writer.background()
            writer.article()
        return doc
    doc.t(f"Trade brief no. {rng.randint(1, 999)}: partners and figures\n{date}\n\n")
    while doc.length < min_chars:
        iso, name = rng.choice(ECONOMIES)
        Writer(rng, doc, iso, name, published).section()
    return doc


SCORED = 10_000
"""Gold rows are kept in memory only for the first documents (scoring and the extraction sample use no more):
the gold of 100,000 documents, 3.6 million rows, would take about 8 GB."""


def generate(n: int, out_dir: Path, seed: int = 7, min_chars=(1_500, 8_000)) -> tuple[list[dict], int]:
    """Write ``n`` documents to ``out_dir/seeds`` and their gold to ``out_dir/gold.jsonl``; (the gold rows of the
    first ``SCORED`` documents, the number of gold rows)."""
    rng = random.Random(seed)
    seeds = out_dir / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    kept, count = [], 0
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            doc = make_document(rng, f"bench_{i:06d}", rng.randint(*min_chars))
            (seeds / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
            fh.writelines(json.dumps(row) + "\n" for row in doc.gold)
            count += len(doc.gold)
            kept += doc.gold if i < SCORED else []
    return kept, count


def generated(n: int, out_dir: Path) -> tuple[list[dict], int]:
    """``generate(n, out_dir)``, or the same of a corpus already there with at least ``n`` documents.

    The documents are drawn in order from one generator, so the first ``n`` of
    a larger corpus are the corpus of ``n``.
    """
    seeds = out_dir / "seeds"
    if not (seeds.is_dir() and sum(1 for _ in seeds.iterdir()) >= n and (out_dir / "gold.jsonl").exists()):
        return generate(n, out_dir)
    kept, count, last = [], 0, f"bench_{SCORED:06d}"
    with open(out_dir / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row, count = json.loads(line), count + 1
            kept += [row] if row["doc_id"] < last else []
    return kept, count


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
