"""The settings object: every TRADE_FIGURES_* variable read in one place, with its default."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES, Settings


def test_defaults_when_nothing_is_set():
    settings = Settings.from_env({})
    assert settings.seeds_dir == Path("seeds").absolute() and settings.output_dir == Path("output").absolute()
    assert settings.max_document_bytes == DEFAULT_MAX_DOCUMENT_BYTES
    assert settings.workers == (os.cpu_count() or 1)
    assert settings.keep_versions is None


def test_every_variable_is_read():
    settings = Settings.from_env({"TRADE_FIGURES_SEEDS_DIR": "/s", "TRADE_FIGURES_OUTPUT_DIR": "/o",
                                  "TRADE_FIGURES_MAX_DOCUMENT_BYTES": "100", "TRADE_FIGURES_WORKERS": "3",
                                  "TRADE_FIGURES_KEEP_VERSIONS": " 2 "})
    assert settings == Settings(Path("/s"), Path("/o"), 100, 3, 2)


@pytest.mark.parametrize("name", ["TRADE_FIGURES_WORKERS", "TRADE_FIGURES_KEEP_VERSIONS",
                                  "TRADE_FIGURES_MAX_DOCUMENT_BYTES"])
def test_counts_must_be_positive(name):
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: "0"})
