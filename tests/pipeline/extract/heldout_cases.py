"""Held-out sentences and mini-documents written for the extractor, with expected figures.

Money in other currencies is a figure in its own currency (contract of issue 11: ``unit`` is the ISO 4217 code).

None of them comes from the seeds: other partners, other years, other verbs
and word orders, news wording. Each case is (document, expected, exhaustive):
every expected figure must be found with the listed fields; when exhaustive,
nothing else may be returned.
"""
from __future__ import annotations

B, M = 1e9, 1e6
CHINA_SHEET = """U.S.-China Trade Facts

U.S. goods and services trade with China totaled an estimated $635.4 billion in 2016. Exports were $169.8 billion; imports were $478.9 billion. The U.S. goods and services trade deficit with China was $309.6 billion in 2016.

China is currently our largest goods trading partner with $578.2 billion in total (two way) goods trade during 2016. Goods exports totaled $115.6 billion; goods imports totaled $462.6 billion. The U.S. goods trade deficit with China was $347.0 billion in 2016.

Exports

China was the United States' 3rd largest goods export market in 2016.

U.S. goods exports to China in 2016 were $115.6 billion, down 0.3% ($369 million) from 2015, but up 46% from 2006.

The top export categories (2-digit HS) in 2016 were: aircraft ($14.6 billion), oilseeds and grains (soybeans) ($14.2 billion), machinery ($13.0 billion), vehicles ($11.5 billion), and electrical machinery ($11.1 billion).

U.S. exports of agricultural products to China totaled $21.4 billion in 2016, our 2nd largest agricultural export market.

U.S. exports of services to China were an estimated $54.0 billion in 2016, 9.4% ($4.7 billion) more than 2015, and 381% greater than 2006 levels.

Imports

U.S. goods imports from China totaled $462.6 billion in 2016, a 3.8% decrease ($18.1 billion) from 2015, but up 60% from 2006.

U.S. imports of agricultural products from China totaled $4.4 billion in 2016, our 3rd largest supplier of agricultural imports.

Investment

China's FDI in the United States (stock) was $14.8 billion in 2015, up 56.9% from 2014.

The United States is China's largest trading partner, and U.S. foreign assistance to the region totaled $150 million in 2016.
"""
JAPAN_BRIEF = """Japan Trade Brief
July 10, 2020

U.S. exports to Japan totaled $74.7 billion in 2019, while imports from Japan were $143.6 billion, leaving a deficit of $68.9 billion.
Japan is the fourth-largest export market for U.S. agricultural products, with sales of $11.7 billion last year.
Beef exports to Japan rose 4 percent to $2.0 billion.
The EU's exports to Japan grew 6% in 2019, while Japan's exports to the EU rose 7%.
U.S. services trade with Japan amounted to $80 billion in 2019; the services surplus was $13.2 billion.
Japanese companies employ nearly 1 million workers in the United States.
Japan's share of U.S. imports fell to 5.7% in 2019 from 6.2% in 2015.
U.S. exports to Japan have grown by more than a third since 2010.
"""
REUTERS_STYLE = """WASHINGTON, Feb 7 (Reuters) - The U.S. trade deficit narrowed sharply in 2023 as imports fell, with the goods deficit with China dropping to its lowest level in 14 years.

The trade gap shrank 18.7% to $773.4 billion last year, the Commerce Department said on Wednesday. Imports decreased 3.6% to $3.8 trillion, while exports rose 1.2% to a record $3.1 trillion.

The goods trade deficit with China decreased $103.6 billion to $279.4 billion. Imports from China fell 20.3% to $427.2 billion, the lowest since 2010.

Mexico overtook China as the top source of U.S. imports, with $475.6 billion in goods shipped north. Canada ranked second, at $421.1 billion.

Economists polled by Reuters had forecast a deficit of $62.2 billion for December.

Reporting by Jane Doe; Editing by John Smith
"""
CHINA_CUSTOMS = """BEIJING, Jan 13 (Reuters) - China's exports to the United States dropped 13.1% in 2023 from a year earlier to $500.3 billion, customs data showed on Friday, while imports from the U.S. fell 6.8% to $164.2 billion.

China's trade surplus with the United States narrowed to $336.1 billion last year.

Exports to the European Union declined 10.2% to about $501 billion, the data showed.
"""
BRAZIL_SHEET = """U.S. Relations With Brazil

Bureau of Western Hemisphere Affairs
Fact Sheet
March 5, 2019

Bilateral Economic Relations

The United States is Brazil’s second-largest trading partner, after China. In 2018, two-way trade in goods and services totaled $103.9 billion, with a U.S. surplus of $27.7 billion. U.S. foreign direct investment in Brazil was $68.3 billion in 2017. Brazilian investment in the United States totaled $42.8 billion. More than 2 million Brazilians visited the United States in 2018, spending over $6 billion.

Brazil is the ninth-largest economy in the world and our 13th-largest goods export market. Exports of U.S. goods to Brazil grew 8 percent last year, while imports from Brazil declined by 3.5 percent. U.S. assistance to Brazil totaled $14 million in 2018.

Brazil receives about $2.5 billion in remittances annually, mostly from the United States.
"""


def fig(text, value, **fields):
    return {"text": text, "value": value, **fields}


CASES = [
    ("U.S. exports to Chile reached $15.2 billion in 2019, up 3.4% from 2018.",
     [fig("$15.2 billion", 15.2 * B, measure="level", flow="export", partner="CHL", reporter="USA",
          product="all", year=2019, base_year=None),
      fig("3.4%", 3.4, measure="pct_change", flow="export", partner="CHL", year=2019, base_year=2018)],
     True),
    ("Exports to Brazil, at $40 billion, rose 6 percent in 2015.",
     [fig("$40 billion", 40 * B, measure="level", flow="export", partner="BRA", year=2015),
      fig("6 percent", 6, measure="pct_change", flow="export", partner="BRA", year=2015, base_year=2014)],
     True),
    ("The United States posted $12 billion in exports to Vietnam in 2016.",
     [fig("$12 billion", 12 * B, measure="level", flow="export", partner="VNM", year=2016)], True),
    ("Imports from Germany climbed 8.2 percent to $125.9 billion in 2018.",
     [fig("8.2 percent", 8.2, measure="pct_change", flow="import", partner="DEU", year=2018, base_year=2017),
      fig("$125.9 billion", 125.9 * B, measure="level", flow="import", partner="DEU", year=2018)], True),
    ("U.S. goods imports from India slipped 2.1% in 2020.",
     [fig("2.1%", -2.1, measure="pct_change", flow="import", partner="IND", product="goods",
          year=2020, base_year=2019)], True),
    ("The U.S. trade deficit with Japan amounted to $69 billion in 2021.",
     [fig("$69 billion", -69 * B, measure="level", flow="balance", partner="JPN", product="all",
          year=2021)], True),
    ("Canada was the largest export market for U.S. goods in 2019.",
     [fig("largest", 1, unit="rank", measure="rank", flow="export", partner="CAN", product="goods",
          year=2019)], True),
    ("Trade Notes\nMarch 3, 2021\n\nJapan's exports to the United States contracted 4 percent last year.",
     [fig("4 percent", -4, measure="pct_change", flow="import", partner="JPN", reporter="USA",
          year=2020, base_year=2019)], True),
    ("Bilateral trade between the United States and the EU stood at roughly $1.1 trillion in 2022.",
     [fig("$1.1 trillion", 1.1e12, measure="level", flow="total", partner="EUU", qualifier="approx",
          year=2022)], True),
    ("U.S. services exports to the United Kingdom grew by $4.3 billion to $75 billion in 2017.",
     [fig("$4.3 billion", 4.3 * B, measure="change", flow="export", partner="GBR", product="services",
          year=2017, base_year=2016),
      fig("$75 billion", 75 * B, measure="level", flow="export", partner="GBR", product="services",
          year=2017)], True),
    ("The U.S. goods trade surplus with the Netherlands was $24.8 billion in 2018.",
     [fig("$24.8 billion", 24.8 * B, measure="level", flow="balance", partner="NLD", product="goods",
          year=2018)], True),
    ("Germany's trade surplus with the U.S. widened to $67 billion in 2017.",
     [fig("$67 billion", -67 * B, measure="level", flow="balance", partner="DEU", reporter="USA",
          year=2017)], True),
    ("Brazil's imports from China rose 15 percent in 2021.",
     [fig("15 percent", 15, measure="pct_change", flow="import", reporter="BRA", partner="CHN",
          year=2021, base_year=2020)], True),
    ("About 75 percent of Canada's exports went to the United States in 2019.",
     [fig("75 percent", 75, measure="share", flow="export", reporter="CAN", partner="USA",
          qualifier="approx", year=2019)], True),
    ("Chinese exports to the U.S. jumped 20% in 2010.",
     [fig("20%", 20, measure="pct_change", flow="import", partner="CHN", reporter="USA", year=2010,
          base_year=2009)], True),
    ("U.S. foreign direct investment in Brazil (stock) was $70.9 billion in 2019.",
     [fig("$70.9 billion", 70.9 * B, flow="fdi_outward", partner="BRA", product="all", year=2019)], True),
    ("Japanese direct investment in the United States totaled $619 billion in 2019.",
     [fig("$619 billion", 619 * B, flow="fdi_inward", partner="JPN", reporter="USA", year=2019)], True),
    ("India received remittances of more than $80 billion in 2021.",
     [fig("$80 billion", 80 * B, flow="remittances", reporter="IND", partner="WLD",
          qualifier="at_least", year=2021)], True),
    ("Vietnam Brief\nJune 2, 2023\n\nVietnam is now the United States’ sixth-largest supplier of goods.",
     [fig("sixth", 6, unit="rank", measure="rank", flow="import", partner="VNM", product="goods",
          year=2023)], True),
    ("Mexico ranked third among U.S. agricultural export markets in 2015.",
     [fig("third", 3, unit="rank", flow="export", partner="MEX", product="agriculture", year=2015)], True),
    ("U.S. agricultural exports to Japan totaled nearly $12 billion in 2020.",
     [fig("$12 billion", 12 * B, flow="export", partner="JPN", product="agriculture", qualifier="approx",
          year=2020)], True),
    ("Two-way trade in goods and services with Canada reached $718 billion in 2019.",
     [fig("$718 billion", 718 * B, flow="total", partner="CAN", product="all", year=2019)], True),
    ("The top five U.S. export categories to Chile in 2018 were mineral fuels ($4.1 billion), "
     "machinery ($2.5 billion), and vehicles ($1.4 billion).",
     [fig("$4.1 billion", 4.1 * B, flow="export", partner="CHL", product="category",
          product_label="mineral fuels", hs_code="27", year=2018),
      fig("$2.5 billion", 2.5 * B, flow="export", partner="CHL", product="category",
          product_label="machinery", hs_code="84", year=2018),
      fig("$1.4 billion", 1.4 * B, flow="export", partner="CHL", product="category",
          product_label="vehicles", hs_code="87", year=2018)], True),
    ("U.S. exports of soybeans to China plunged 75 percent in 2018 compared to 2017.",
     [fig("75 percent", -75, measure="pct_change", flow="export", partner="CHN", product="category",
          product_label="soybeans", year=2018, base_year=2017)], True),
    ("Trade with Colombia totaled $28 billion in 2017. Exports were $13 billion; imports were $15 billion.",
     [fig("$28 billion", 28 * B, flow="total", partner="COL", year=2017),
      fig("$13 billion", 13 * B, flow="export", partner="COL", year=2017),
      fig("$15 billion", 15 * B, flow="import", partner="COL", year=2017)], True),
    ("U.S. imports from Peru accounted for 0.4 percent of overall U.S. imports in 2016.",
     [fig("0.4 percent", 0.4, measure="share", flow="import", partner="PER", reporter="USA", year=2016)],
     True),
    ("The U.S. services trade surplus with Brazil increased 9.5% from 2015 to $20.3 billion in 2016.",
     [fig("9.5%", 9.5, measure="pct_change", flow="balance", partner="BRA", product="services",
          year=2016, base_year=2015),
      fig("$20.3 billion", 20.3 * B, measure="level", flow="balance", partner="BRA", product="services",
          year=2016)], True),
    ("The U.S. goods deficit with China decreased by $25 billion in 2019.",
     [fig("$25 billion", -25 * B, measure="change", flow="balance", partner="CHN", product="goods",
          year=2019, base_year=2018)], True),
    ("Exports of aircraft to France were valued at $9.7 billion in 2018.",
     [fig("$9.7 billion", 9.7 * B, flow="export", partner="FRA", product="category",
          product_label="aircraft", hs_code="88", year=2018)], True),
    ("Sales of services in Japan by majority U.S.-owned affiliates were $60 billion in 2018.",
     [fig("$60 billion", 60 * B, flow="affiliate_sales_outward", partner="JPN", year=2018)], True),
    ("Sales of services in the United States by majority German-owned affiliates were $45 billion in 2018.",
     [fig("$45 billion", 45 * B, flow="affiliate_sales_inward", partner="DEU", year=2018)], True),
    ("Tariffs of 25% on Canadian steel took effect in 2018, and a 10 percent duty applied to aluminum.",
     [], True),
    ("The agreement created 3,000 jobs and 12 new offices. Call 202-482-2000 for details. "
     "The second round of talks opened in Lima, the country's largest city.", [], True),
    ("In 2019, U.S. exports to Singapore increased 11 percent, while imports from Singapore declined 3 percent.",
     [fig("11 percent", 11, measure="pct_change", flow="export", partner="SGP", year=2019, base_year=2018),
      fig("3 percent", -3, measure="pct_change", flow="import", partner="SGP", year=2019, base_year=2018)],
     True),
    ("India is the 9th largest goods trading partner of the United States, with $92 billion in total "
     "goods trade during 2018.",
     [fig("9th", 9, unit="rank", flow="total", partner="IND", product="goods", year=2018),
      fig("$92 billion", 92 * B, flow="total", partner="IND", product="goods", year=2018)], True),
    ("Imports of crude oil from Saudi Arabia dropped to $13 billion in 2019.",
     [fig("$13 billion", 13 * B, measure="level", flow="import", partner="SAU", product="category",
          product_label="crude oil", year=2019)], True),
    ("The value of U.S. merchandise exports to Argentina was $9.5 billion in 2017, an increase of "
     "$900 million over 2016.",
     [fig("$9.5 billion", 9.5 * B, measure="level", flow="export", partner="ARG", product="goods", year=2017),
      fig("$900 million", 900 * M, measure="change", flow="export", partner="ARG", product="goods",
          year=2017, base_year=2016)], True),
    ("Australia was the 14th largest export market for U.S. goods in 2019.",
     [fig("14th", 14, unit="rank", flow="export", partner="AUS", product="goods", year=2019)], True),
    ("Exports to Taiwan rose to $30.2 billion in 2018 from $25.7 billion in 2017.",
     [fig("$30.2 billion", 30.2 * B, measure="level", flow="export", partner="TWN", year=2018),
      fig("$25.7 billion", 25.7 * B, measure="level", flow="export", partner="TWN", year=2017)], True),
    ("U.S.-Chile Trade Facts\n\nU.S. goods and services trade with Chile totaled $30 billion in 2018. "
     "Exports totaled $17 billion; imports totaled $13 billion. The U.S. goods and services trade "
     "surplus with Chile was $4 billion in 2018.",
     [fig("$30 billion", 30 * B, flow="total", partner="CHL", product="all", year=2018),
      fig("$17 billion", 17 * B, flow="export", partner="CHL", product="all", year=2018),
      fig("$13 billion", 13 * B, flow="import", partner="CHL", product="all", year=2018),
      fig("$4 billion", 4 * B, flow="balance", partner="CHL", product="all", year=2018)], True),
    ("U.S. goods exports to Peru in 2018 were $8.7 billion. They were up 5.2% from 2017.",
     [fig("$8.7 billion", 8.7 * B, flow="export", partner="PER", product="goods", year=2018),
      fig("5.2%", 5.2, measure="pct_change", flow="export", partner="PER", product="goods", year=2018,
          base_year=2017)], True),
    ("HANOI, January 12, 2023\n\nVietnamese exports to the US hit a record $97 billion last year, "
     "official data showed.",
     [fig("$97 billion", 97 * B, measure="level", flow="import", partner="VNM", reporter="USA",
          year=2022)], True),
    ("The EU accounted for 18 percent of total U.S. goods exports in 2020.",
     [fig("18 percent", 18, measure="share", flow="export", partner="EUU", reporter="USA", year=2020)],
     True),
    ("Germany recorded a 7.1% decline in exports to the U.S. in 2020.",
     [fig("7.1%", -7.1, measure="pct_change", flow="import", partner="DEU", reporter="USA", year=2020,
          base_year=2019)], True),
    ("Mexico’s surplus with the United States reached $152 billion in 2023.",
     [fig("$152 billion", -152 * B, measure="level", flow="balance", partner="MEX", reporter="USA",
          year=2023)], True),
    ("Imports of electrical machinery from Malaysia were $25 billion in 2019, and imports of rubber "
     "from Malaysia reached $1.2 billion.",
     [fig("$25 billion", 25 * B, flow="import", partner="MYS", product="category",
          product_label="electrical machinery", hs_code="85", year=2019),
      fig("$1.2 billion", 1.2 * B, flow="import", partner="MYS", product="category",
          product_label="rubber", hs_code="40", year=2019)], True),
    ("U.S. exports of services to India were an estimated $25.8 billion in 2018, 8.5% ($2.0 billion) "
     "more than 2017.",
     [fig("$25.8 billion", 25.8 * B, flow="export", partner="IND", product="services", qualifier="approx",
          year=2018),
      fig("8.5%", 8.5, measure="pct_change", flow="export", product="services", year=2018, base_year=2017),
      fig("$2.0 billion", 2 * B, measure="change", flow="export", product="services", year=2018,
          base_year=2017)], True),
    ("Brazil was the 12th largest supplier of goods imports to the United States in 2013.",
     [fig("12th", 12, unit="rank", flow="import", partner="BRA", product="goods", year=2013)], True),
    ("South Korea’s exports to the United States slipped 3% to $98 billion in 2019, while its "
     "imports from the US amounted to $60 billion.",
     [fig("3%", -3, measure="pct_change", flow="import", partner="KOR", reporter="USA", year=2019),
      fig("$98 billion", 98 * B, flow="import", partner="KOR", reporter="USA", year=2019),
      fig("$60 billion", 60 * B, flow="export", partner="KOR", reporter="USA", year=2019)], True),
    ("U.S. exports to Canada fell 11.9 percent in 2020 to $256 billion, the lowest level since 2010.",
     [fig("11.9 percent", -11.9, measure="pct_change", flow="export", partner="CAN", year=2020,
          base_year=2019),
      fig("$256 billion", 256 * B, measure="level", flow="export", partner="CAN", year=2020)], True),
    ("Trade between Britain and the United States was worth about 4 billion dollars in 1950.",
     [fig("4 billion dollars", 4 * B, flow="total", partner="GBR", qualifier="approx", year=1950)], True),
    ("Imports from the Philippines exceeded $13 billion in 2019, with electronics accounting for "
     "roughly half of the total.",
     [fig("$13 billion", 13 * B, flow="import", partner="PHL", qualifier="at_least", year=2019),
      fig("half", 50, measure="share", qualifier="approx")], False),
    ("U.S. FDI in Germany reached $148 billion in 2019, while German investment in the U.S. was "
     "$519 billion.",
     [fig("$148 billion", 148 * B, flow="fdi_outward", partner="DEU", year=2019),
      fig("$519 billion", 519 * B, flow="fdi_inward", partner="DEU", year=2019)], True),
    ("The top 10 exporters to the U.S. included China and Mexico. China remains the world's largest "
     "economy by some measures.", [], True),
    # --- second batch: other agencies' and newsrooms' wording ---
    ("In 2022, the U.S. goods deficit with Canada was $82.2 billion, up from $52.8 billion in 2021.",
     [fig("$82.2 billion", -82.2 * B, measure="level", flow="balance", partner="CAN", product="goods", year=2022),
      fig("$52.8 billion", -52.8 * B, measure="level", flow="balance", partner="CAN", product="goods",
          year=2021)], True),
    ("America's trade deficit with China shrank to $279 billion in 2023, the smallest since 2009.",
     [fig("$279 billion", -279 * B, measure="level", flow="balance", partner="CHN", year=2023)], True),
    ("Shipments to Canada, the top U.S. export market, totaled $354 billion in 2023.",
     [fig("top", 1, unit="rank", flow="export", partner="CAN", year=2023),
      fig("$354 billion", 354 * B, measure="level", flow="export", partner="CAN", year=2023)], True),
    ("Vietnam's exports to the U.S. soared 24% year-on-year to $119 billion in 2022.",
     [fig("24%", 24, measure="pct_change", flow="import", partner="VNM", year=2022, base_year=2021),
      fig("$119 billion", 119 * B, measure="level", flow="import", partner="VNM", year=2022)], True),
    ("U.S.-Japan Trade\n\nThe bilateral goods trade deficit with Japan narrowed 9.4 percent to $68.9 billion "
     "in 2020.",
     [fig("9.4 percent", -9.4, measure="pct_change", flow="balance", partner="JPN", product="goods",
          year=2020, base_year=2019),
      fig("$68.9 billion", -68.9 * B, measure="level", flow="balance", partner="JPN", year=2020)], True),
    ("U.S. exports of goods and services to the European Union totaled $592 billion in 2022, while "
     "imports were $774 billion.",
     [fig("$592 billion", 592 * B, flow="export", partner="EUU", product="all", year=2022),
      fig("$774 billion", 774 * B, flow="import", partner="EUU", product="all", year=2022)], True),
    ("The United States ran a $23 billion surplus in services trade with Brazil in 2021.",
     [fig("$23 billion", 23 * B, flow="balance", partner="BRA", product="services", year=2021)], True),
    ("Canada accounted for 17.5% of U.S. goods exports in 2022.",
     [fig("17.5%", 17.5, measure="share", flow="export", partner="CAN", reporter="USA", product="goods",
          year=2022)], True),
    ("Foreign direct investment from Japan in the United States stood at $688 billion at the end of 2022.",
     [fig("$688 billion", 688 * B, flow="fdi_inward", partner="JPN", reporter="USA", year=2022)], True),
    ("Remittances to Guatemala from the United States reached a record $18 billion in 2022.",
     [fig("$18 billion", 18 * B, flow="remittances", reporter="GTM", year=2022)], True),
    ("U.S. corn exports to Mexico climbed to a record $5.4 billion in 2022.",
     [fig("$5.4 billion", 5.4 * B, measure="level", flow="export", partner="MEX", product="category",
          product_label="corn", year=2022)], True),
    ("Imports of vehicles and parts from Mexico totaled $128 billion in 2022.",
     [fig("$128 billion", 128 * B, flow="import", partner="MEX", product="category",
          product_label="vehicles and parts", year=2022)], True),
    ("Germany remained the largest EU trading partner of the United States in 2021.",
     [fig("largest", 1, unit="rank", flow="total", partner="DEU", year=2021)], True),
    ("Exports to Japan decreased by 5.2 percent, or $3.9 billion, to $71.6 billion in 2020.",
     [fig("5.2 percent", -5.2, measure="pct_change", flow="export", partner="JPN", year=2020, base_year=2019),
      fig("$3.9 billion", -3.9 * B, measure="change", flow="export", partner="JPN", year=2020,
          base_year=2019),
      fig("$71.6 billion", 71.6 * B, measure="level", flow="export", partner="JPN", year=2020)], True),
    ("Mexico overtook China as the largest U.S. trading partner in 2023, with two-way trade of $798 billion.",
     [fig("largest", 1, unit="rank", flow="total", partner="MEX", year=2023),
      fig("$798 billion", 798 * B, flow="total", partner="MEX", year=2023)], True),
    ("Sales by U.S.-owned affiliates in Canada reached $350 billion in 2020.",
     [fig("$350 billion", 350 * B, flow="affiliate_sales_outward", partner="CAN", year=2020)], True),
    ("Chile’s copper exports to China rose 8% in 2021.",
     [fig("8%", 8, measure="pct_change", flow="export", reporter="CHL", partner="CHN", product="category",
          product_label="copper", year=2021, base_year=2020)], True),
    ("U.S. imports of Chinese goods fell 20% in 2023.",
     [fig("20%", -20, measure="pct_change", flow="import", partner="CHN", product="goods", year=2023,
          base_year=2022)], True),
    ("Two-thirds of Canada's energy exports go to the United States.",
     [fig("Two-thirds", 66.67, measure="share", flow="export", reporter="CAN", partner="USA")], True),
    ("Over the past decade, U.S. exports to India have more than doubled.", [], True),
    ("The U.S. recorded a $1.2 trillion goods deficit in 2022, a record.",
     [fig("$1.2 trillion", -1.2e12, flow="balance", partner="WLD", product="goods", year=2022)], True),
    ("Korea is America's sixth-largest trading partner, according to 2023 data.",
     [fig("sixth", 6, unit="rank", flow="total", partner="KOR", year=2023)], True),
    ("U.S. goods exports to Mexico were $276.5 billion in 2021 — up 30.1% from 2020.",
     [fig("$276.5 billion", 276.5 * B, flow="export", partner="MEX", product="goods", year=2021),
      fig("30.1%", 30.1, measure="pct_change", flow="export", partner="MEX", product="goods", year=2021,
          base_year=2020)], True),
    ("U.S.-Zambia Relations\n\nTrade in goods between the two countries totaled $1.3 billion in 2022.",
     [fig("$1.3 billion", 1.3 * B, flow="total", partner="ZMB", product="goods", year=2022)], True),
    ("Exports to the rest of the world grew 3% in 2019.",
     [fig("3%", 3, measure="pct_change", flow="export", partner="WLD", year=2019, base_year=2018)], True),
    ("India’s imports from Russia jumped fourfold in 2022, while its exports to the UAE rose 12 percent.",
     [fig("12 percent", 12, measure="pct_change", flow="export", reporter="IND", partner="ARE", year=2022)],
     True),
    ("U.S. trade with ASEAN countries reached $500 billion in 2022, with Vietnam accounting for $139 billion.",
     [fig("$139 billion", 139 * B, flow="total", partner="VNM", year=2022)], False),
    # --- third batch: whole news pages and fact-sheet structures ---
    ("Published: May 6, 2024\n\nChile exports to US climb as copper demand grows\n\n"
     "SANTIAGO — Chilean exports to the United States rose 9.3% last year to $16.8 billion, "
     "the central bank said on Monday.\n\nCopper accounted for nearly half of the total.\n\n"
     "Related articles\n\nPeru's exports to China jump 20%\n",
     [fig("9.3%", 9.3, measure="pct_change", flow="import", partner="CHL", reporter="USA", year=2023,
          base_year=2022),
      fig("$16.8 billion", 16.8 * B, measure="level", flow="import", partner="CHL", year=2023),
      fig("half", 50, measure="share", qualifier="approx")], True),
    ("Canadian exports to the U.S. reached C$594 billion in 2022, or about $456 billion.",
     [fig("C$594 billion", 594 * B, unit="CAD", flow="import", partner="CAN", year=2022),
      fig("$456 billion", 456 * B, unit="USD", flow="import", partner="CAN", qualifier="approx", year=2022)], True),
    ("Top U.S. export markets in 2022:\n• Canada: $356 billion\n• Mexico: $324 billion\n• China: $154 billion",
     [fig("$356 billion", 356 * B, flow="export", partner="CAN", year=2022),
      fig("$324 billion", 324 * B, flow="export", partner="MEX", year=2022),
      fig("$154 billion", 154 * B, flow="export", partner="CHN", year=2022)], True),
    ("In the first quarter of 2024, U.S. exports to Canada rose 2.1% from a year earlier.",
     [fig("2.1%", 2.1, measure="pct_change", flow="export", partner="CAN", year=2024, base_year=2023)], True),
    ("U.S. agricultural exports to Colombia were $4.1 billion in fiscal year 2021.",
     [fig("$4.1 billion", 4.1 * B, flow="export", partner="COL", product="agriculture", year=2021)], True),
    ("U.S.-Peru Trade Facts\n\nU.S. goods exports to Peru in 2019 were $11.2 billion, down 1.5% ($170 "
     "million) from 2018 but up 67% from 2009. U.S. exports to Peru account for 0.7% of overall U.S. "
     "exports in 2019.\n\nThe top export categories (2-digit HS) in 2019 were: mineral fuels ($3.0 "
     "billion), machinery ($2.0 billion), and plastics ($495 million).",
     [fig("$11.2 billion", 11.2 * B, flow="export", partner="PER", product="goods", year=2019),
      fig("1.5%", -1.5, measure="pct_change", partner="PER", product="goods", year=2019, base_year=2018),
      fig("$170 million", -170 * M, measure="change", partner="PER", year=2019, base_year=2018),
      fig("67%", 67, measure="pct_change", partner="PER", year=2019, base_year=2009),
      fig("0.7%", 0.7, measure="share", flow="export", partner="PER", year=2019),
      fig("$3.0 billion", 3 * B, flow="export", partner="PER", product="category", product_label="mineral fuels",
          hs_code="27", year=2019),
      fig("$2.0 billion", 2 * B, flow="export", partner="PER", product="category", product_label="machinery",
          hs_code="84", year=2019),
      fig("$495 million", 495 * M, flow="export", partner="PER", product="category", product_label="plastics",
          hs_code="39", year=2019)], True),
    ("The United States is Colombia's largest trading partner.",
     [fig("largest", 1, unit="rank", flow="total", reporter="COL", partner="USA")], True),
    ("U.S. services imports from India grew 7 percent in 2019 to an estimated $29.7 billion.",
     [fig("7 percent", 7, measure="pct_change", flow="import", partner="IND", product="services",
          year=2019, base_year=2018),
      fig("$29.7 billion", 29.7 * B, measure="level", flow="import", partner="IND", product="services",
          qualifier="approx", year=2019)], True),
    # --- fourth batch: a USTR-style sheet and a State Department-style sheet for other partners ---
    (CHINA_SHEET,
     [fig("$635.4 billion", 635.4 * B, flow="total", partner="CHN", product="all", qualifier="approx", year=2016),
      fig("$478.9 billion", 478.9 * B, flow="import", partner="CHN", product="all", year=2016),
      fig("$309.6 billion", -309.6 * B, flow="balance", partner="CHN", product="all", year=2016),
      fig("largest", 1, unit="rank", flow="total", partner="CHN", product="goods", year=2016),
      fig("0.3%", -0.3, measure="pct_change", flow="export", product="goods", year=2016, base_year=2015),
      fig("$369 million", -369 * M, measure="change", flow="export", year=2016, base_year=2015),
      fig("$14.2 billion", 14.2 * B, product="category", product_label="oilseeds and grains", hs_code="12"),
      fig("2nd", 2, unit="rank", flow="export", product="agriculture", year=2016),
      fig("381%", 381, measure="pct_change", flow="export", product="services", base_year=2006),
      fig("$18.1 billion", -18.1 * B, measure="change", flow="import", product="goods", base_year=2015),
      fig("$14.8 billion", 14.8 * B, flow="fdi_inward", partner="CHN", reporter="USA", year=2015),
      fig("$150 million", 150 * M, flow="other")], False),
    (BRAZIL_SHEET,
     [fig("second", 2, unit="rank", flow="total", reporter="BRA", partner="USA", year=2019),
      fig("$103.9 billion", 103.9 * B, flow="total", partner="BRA", product="all", year=2018),
      fig("$27.7 billion", 27.7 * B, flow="balance", partner="BRA", year=2018),
      fig("$68.3 billion", 68.3 * B, flow="fdi_outward", partner="BRA", year=2017),
      fig("13th", 13, unit="rank", flow="export", partner="BRA", product="goods"),
      fig("8 percent", 8, measure="pct_change", flow="export", partner="BRA", product="goods", year=2018,
          base_year=2017),
      fig("3.5 percent", -3.5, measure="pct_change", flow="import", partner="BRA", year=2018),
      fig("$2.5 billion", 2.5 * B, flow="remittances", reporter="BRA", qualifier="approx")], False),
    (JAPAN_BRIEF,
     [fig("$74.7 billion", 74.7 * B, flow="export", partner="JPN", year=2019),
      fig("$2.0 billion", 2 * B, measure="level", product="category", product_label="beef", year=2019),
      fig("$143.6 billion", 143.6 * B, flow="import", partner="JPN", year=2019),
      fig("$68.9 billion", -68.9 * B, flow="balance", partner="JPN", year=2019),
      fig("fourth", 4, unit="rank", flow="export", partner="JPN", product="agriculture"),
      fig("$11.7 billion", 11.7 * B, flow="export", partner="JPN", product="agriculture", year=2019),
      fig("4 percent", 4, measure="pct_change", product="category", product_label="beef", partner="JPN"),
      fig("6%", 6, measure="pct_change", reporter="EUU", partner="JPN", flow="export"),
      fig("7%", 7, measure="pct_change", reporter="JPN", partner="EUU", flow="export"),
      fig("$80 billion", 80 * B, flow="total", product="services", partner="JPN", year=2019),
      fig("$13.2 billion", 13.2 * B, flow="balance", product="services", partner="JPN", year=2019),
      fig("5.7%", 5.7, measure="share", flow="import", partner="JPN", year=2019),
      fig("6.2%", 6.2, measure="share", flow="import", partner="JPN", year=2015)], True),
    # --- fifth batch: trade that does not involve the United States ---
    ("Trade between Chile and China reached $57 billion in 2021.",
     [fig("$57 billion", 57 * B, flow="total", reporter="CHL", partner="CHN", year=2021)], True),
    ("China's exports to the world rose 7.1% in 2023, while Germany’s exports fell 1.4 percent.",
     [fig("7.1%", 7.1, measure="pct_change", flow="export", reporter="CHN", partner="WLD", year=2023),
      fig("1.4 percent", -1.4, measure="pct_change", flow="export", reporter="DEU", partner="WLD",
          year=2023)], True),
    ("Indian exports to the United Arab Emirates climbed 12% to $31 billion in 2022.",
     [fig("12%", 12, measure="pct_change", flow="export", reporter="IND", partner="ARE", year=2022),
      fig("$31 billion", 31 * B, flow="export", reporter="IND", partner="ARE", year=2022)], True),
    ("Canada remains top U.S. export market, with purchases of $354 billion in 2018-2019.",
     [fig("top", 1, unit="rank", flow="export", partner="CAN", year=2019),
      fig("$354 billion", 354 * B, flow="export", partner="CAN", year=2019)], True),
    (REUTERS_STYLE,
     [fig("18.7%", -18.7, measure="pct_change", flow="balance", partner="WLD", year=2023, base_year=2022),
      fig("$773.4 billion", -773.4 * B, flow="balance", partner="WLD", year=2023),
      fig("3.6%", -3.6, measure="pct_change", flow="import", partner="WLD", year=2023),
      fig("$3.1 trillion", 3.1e12, flow="export", partner="WLD", year=2023),
      fig("$103.6 billion", -103.6 * B, measure="change", flow="balance", partner="CHN", product="goods",
          year=2023, base_year=2022),
      fig("20.3%", -20.3, measure="pct_change", flow="import", partner="CHN", year=2023, base_year=2022),
      fig("top", 1, unit="rank", flow="import", partner="MEX", year=2023),
      fig("$475.6 billion", 475.6 * B, flow="import", partner="MEX", year=2023)], False),
    # --- sixth batch: news wires on other economies' own customs data ---
    (CHINA_CUSTOMS,
     [fig("13.1%", -13.1, measure="pct_change", reporter="USA", partner="CHN", flow="import", year=2023,
          base_year=2022),
      fig("$500.3 billion", 500.3 * B, measure="level", reporter="USA", partner="CHN", flow="import", year=2023),
      fig("6.8%", -6.8, measure="pct_change", reporter="USA", partner="CHN", flow="export", year=2023,
          base_year=2022),
      fig("$164.2 billion", 164.2 * B, measure="level", reporter="USA", partner="CHN", flow="export", year=2023),
      fig("$336.1 billion", -336.1 * B, measure="level", reporter="USA", partner="CHN", flow="balance", year=2023),
      fig("10.2%", -10.2, measure="pct_change", reporter="CHN", partner="EUU", flow="export", year=2023,
          base_year=2022),
      fig("$501 billion", 501 * B, measure="level", reporter="CHN", partner="EUU", flow="export", year=2023,
          qualifier="approx")], True),
    ("Germany's exports to China fell 9% to 97 billion euros in 2023.",
     [fig("9%", -9, measure="pct_change", reporter="DEU", partner="CHN", flow="export", year=2023,
          base_year=2022),
      fig("97 billion euros", 97 * B, unit="EUR", measure="level", reporter="DEU", partner="CHN", flow="export",
          year=2023)], True),
    ("India's merchandise exports rose 4.5% to $437 billion in fiscal 2024.",
     [fig("4.5%", 4.5, measure="pct_change", reporter="IND", partner="WLD", flow="export", product="goods",
          year=2024, base_year=2023),
      fig("$437 billion", 437 * B, measure="level", reporter="IND", partner="WLD", flow="export",
          product="goods", year=2024)], True),
    ("Vietnam posted a trade surplus of $28 billion with the U.S. in the first half of 2024.",
     [fig("$28 billion", -28 * B, measure="level", reporter="USA", partner="VNM", flow="balance", year=2024)],
     True),
    ("Japan's exports to China rose 8.5% in March 2024 from a year earlier, while shipments to the United "
     "States climbed 11.2%, Ministry of Finance data showed.",
     [fig("8.5%", 8.5, measure="pct_change", reporter="JPN", partner="CHN", flow="export", year=2024,
          base_year=2023),
      fig("11.2%", 11.2, measure="pct_change", reporter="USA", partner="JPN", flow="import", year=2024,
          base_year=2023)], True),
    ("South Korea's imports from Saudi Arabia slumped 21 percent to $32.6 billion in 2023.",
     [fig("21 percent", -21, measure="pct_change", reporter="KOR", partner="SAU", flow="import", year=2023),
      fig("$32.6 billion", 32.6 * B, measure="level", reporter="KOR", partner="SAU", flow="import", year=2023)],
     True),
    ("Mexico's trade surplus with the United States widened to a record $152 billion in 2023.",
     [fig("$152 billion", -152 * B, measure="level", reporter="USA", partner="MEX", flow="balance", year=2023)],
     True),
    ("Brazil's exports to China hit $104 billion in 2023, up 16.5%. Imports from China rose to $53 billion.",
     [fig("$104 billion", 104 * B, reporter="BRA", partner="CHN", flow="export", year=2023),
      fig("16.5%", 16.5, measure="pct_change", reporter="BRA", partner="CHN", flow="export", year=2023,
          base_year=2022),
      fig("$53 billion", 53 * B, measure="level", reporter="BRA", partner="CHN", flow="import", year=2023)],
     True),
    ("Australian exports to Japan fell 12% in 2023 to A$95 billion. Shipments to India jumped 13 percent.",
     [fig("12%", -12, measure="pct_change", reporter="AUS", partner="JPN", flow="export", year=2023),
      fig("A$95 billion", 95 * B, unit="AUD", measure="level", reporter="AUS", partner="JPN", flow="export",
          year=2023),
      fig("13 percent", 13, measure="pct_change", reporter="AUS", partner="IND", flow="export", year=2023)],
     True),
    ("Taiwan's exports to the U.S. surged 78% in 2024 to $111.4 billion, overtaking shipments to China.",
     [fig("78%", 78, measure="pct_change", reporter="USA", partner="TWN", flow="import", year=2024,
          base_year=2023),
      fig("$111.4 billion", 111.4 * B, reporter="USA", partner="TWN", flow="import", year=2024)], True),
    ("China's exports to the world rose 7.1% in 2023. Exports to the U.S. fell 13.1%, while imports from "
     "Russia grew 12.7%.",
     [fig("7.1%", 7.1, measure="pct_change", reporter="CHN", partner="WLD", flow="export", year=2023),
      fig("13.1%", -13.1, measure="pct_change", reporter="USA", partner="CHN", flow="import", year=2023),
      fig("12.7%", 12.7, measure="pct_change", reporter="CHN", partner="RUS", flow="import", year=2023)], True),
    ("Vietnam's exports rose 14% to $405 billion in 2024. Imports climbed 16.7% to $380 billion.",
     [fig("14%", 14, measure="pct_change", reporter="VNM", partner="WLD", flow="export", year=2024),
      fig("$405 billion", 405 * B, reporter="VNM", partner="WLD", flow="export", year=2024),
      fig("16.7%", 16.7, measure="pct_change", reporter="VNM", partner="WLD", flow="import", year=2024),
      fig("$380 billion", 380 * B, reporter="VNM", partner="WLD", flow="import", year=2024)], True),
    ("Chile is currently our 25th largest goods trading partner.\n\nThe United States exported $12 billion in services to "
     "Vietnam in 2022, while services imports from Vietnam amounted to about $3.4 billion.",
     [fig("25th", 25, measure="rank", reporter="USA", partner="CHL", flow="total", product="goods"),
      fig("$12 billion", 12 * B, reporter="USA", partner="VNM", flow="export", product="services", year=2022),
      fig("$3.4 billion", 3.4 * B, reporter="USA", partner="VNM", flow="import", product="services", year=2022,
          qualifier="approx")], True),
    # --- seventh batch (issue 11): shares inside a list item, other currencies, months, quarters, fiscal years ---
    ("Top U.S. exports to Peru in 2021:\n- Wheat ($1.2 billion; 30.5% of total exports)\n"
     "- Machinery ($0.9 billion; 22.1% of total exports)",
     [fig("$1.2 billion", 1.2 * B, flow="export", partner="PER", product="category", product_label="wheat", year=2021),
      fig("30.5%", 30.5, measure="share", flow="export", partner="PER", product="category", product_label="wheat",
          year=2021),
      fig("22.1%", 22.1, measure="share", flow="export", partner="PER", product="category",
          product_label="machinery", year=2021)], False),
    ("India's merchandise exports rose 4.5% to $437 billion in FY 2022-23.",
     [fig("4.5%", 4.5, measure="pct_change", reporter="IND", partner="WLD", flow="export", product="goods",
          year=2023, period="FY", base_year=2022),
      fig("$437 billion", 437 * B, reporter="IND", partner="WLD", flow="export", product="goods", year=2023,
          period="FY")], True),
    ("SEOUL, July 2, 2023 (Wire) - South Korea's exports to China fell 19 percent to 9.8 trillion won in the "
     "first quarter.",
     [fig("19 percent", -19, measure="pct_change", reporter="KOR", partner="CHN", flow="export", year=2023,
          period="2023-Q1", base_year=2022),
      fig("9.8 trillion won", 9.8e12, unit="KRW", reporter="KOR", partner="CHN", flow="export", year=2023,
          period="2023-Q1")], True),
    ("The UK's trade deficit with China widened to £38.1 billion in the year to March 2024.",
     [fig("£38.1 billion", -38.1 * B, unit="GBP", reporter="GBR", partner="CHN", flow="balance", year=2024,
          period="2023-04/2024-03")], True),
]
