"""Every row of every word table reads its own example phrases as its value, through the compiled pattern.

The patterns are compiled with their gates (prefilter.py) and run on the text and, as twins, on its
folded form (fold.py): a row whose gate or twin loses one of its phrases fails here.
"""
from __future__ import annotations

import pytest

from pipeline.extract import vocab
from pipeline.extract.fold import folded, twin

TABLES = {
    "flow": (vocab._FLOW_WORDS, vocab.FLOW_RE, vocab.FLOW_OF_GROUP),
    "rank role": (vocab.RANK_ROLES, vocab.RANK_ROLE_RE, vocab.RANK_FLOW_OF_GROUP),
    "product": (vocab._PRODUCT_WORDS, vocab.PRODUCT_RE, vocab.PRODUCT_OF_GROUP),
    "qualifier": (vocab._QUALIFIER_WORDS, vocab.QUALIFIER_RE, vocab.QUALIFIER_OF_GROUP),
}
ROWS = [(name, row, phrase) for name, (rows, _rx, _groups) in TABLES.items() for row in rows
        for phrase in row.examples]


@pytest.mark.parametrize("table, row, phrase", ROWS, ids=[f"{t}:{p}" for t, _, p in ROWS])
def test_each_row_reads_its_examples_as_its_value(table, row, phrase):
    _rows, rx, groups = TABLES[table]
    for regex, text in ((rx, phrase), (twin(rx), folded(phrase))):
        found = [groups[m.lastgroup] for m in regex.finditer(text)]
        assert row.value in found, f"{table} row {row.value!r} does not read {phrase!r} (found {found})"


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_examples(table):
    rows, _rx, _groups = TABLES[table]
    assert all(row.examples for row in rows)
