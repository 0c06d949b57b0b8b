from pipeline.extract import labels
from pipeline.extract.vocab import hs_chapter, label_product


def test_list_items():
    text = "were: Machinery ($38.5 billion), Vehicles (cars, trucks) ($59.6 billion) and snack foods ($1 billion)"
    starts = [i for i, ch in enumerate(text) if ch == "$"]
    assert [labels.clean(labels.list_item(text, 0, s)) for s in starts] == ["machinery", "vehicles", "snack foods"]
    assert labels.list_item("up 4.7% ($10.2 billion)", 0, 9) is None


def test_of_phrase_premodifier_subject_antecedent():
    assert labels.of_phrase("exports of tree nuts were up", 0, 28) == "tree nuts "
    text = "overall U.S. passenger vehicle exports"
    assert labels.premodifier(text, 0, text.index("exports")) == "passenger vehicle"
    assert labels.subject("Royalties and license fees were up 63 percent", 0, 35) == "Royalties and license fees"
    assert labels.subject("It was up 5%", 0, 10) is None
    assert labels.antecedent("exports of commodities, especially mineral fuels (coal)", 0, 55) == "mineral fuels"


def test_product_classes_and_hs_chapters():
    assert label_product("private commercial services") == "services"
    assert label_product("agricultural products that benefited") == "agriculture"
    assert label_product("travel services") is None
    assert hs_chapter("Iron and Steel Products") == "72"
    assert hs_chapter("electrical machinery") == "85"
    assert hs_chapter("corn") is None
