"""Where the pipeline reads and writes, from the environment, so the CLI, UI and daemon agree."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

SEEDS_DIR_VAR = "TRADE_FIGURES_SEEDS_DIR"
OUTPUT_DIR_VAR = "TRADE_FIGURES_OUTPUT_DIR"
MAX_DOCUMENT_BYTES_VAR = "TRADE_FIGURES_MAX_DOCUMENT_BYTES"
DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    output_dir: Path
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        return cls(
            seeds_dir=Path(env.get(SEEDS_DIR_VAR) or "seeds").absolute(),
            output_dir=Path(env.get(OUTPUT_DIR_VAR) or "output").absolute(),
            max_document_bytes=int(env.get(MAX_DOCUMENT_BYTES_VAR) or DEFAULT_MAX_DOCUMENT_BYTES),
        )
