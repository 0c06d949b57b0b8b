"""What importing the schemas costs: the contract (which the extractor reads) needs no pandera."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def loaded_after(code: str) -> set[str]:
    """Top-level modules a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport sys\nprint(' '.join(sorted({{m.partition('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_contract_and_the_extractor_import_without_pandera():
    assert "pandera" not in loaded_after("import schemas.contract, pipeline.extract")


def test_the_models_load_on_first_use_and_validate():
    loaded = loaded_after("import polars as pl\nfrom schemas import TABLES, FigureSchema, polars_schema\n"
                          "assert TABLES['figures'] is FigureSchema\n"
                          "FigureSchema.validate(pl.DataFrame(schema=polars_schema(FigureSchema)), lazy=True)")
    assert "pandera" in loaded

