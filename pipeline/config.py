"""Every setting of the pipeline in one object; read from the environment only where a program starts.

The Dagster code location (``assets/definitions.py``) and the command lines
call ``Settings.from_env``; everything else is handed a ``Settings``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

SEEDS_DIR_VAR = "TRADE_FIGURES_SEEDS_DIR"
OUTPUT_DIR_VAR = "TRADE_FIGURES_OUTPUT_DIR"
MAX_DOCUMENT_BYTES_VAR = "TRADE_FIGURES_MAX_DOCUMENT_BYTES"
WORKERS_VAR = "TRADE_FIGURES_WORKERS"
KEEP_VERSIONS_VAR = "TRADE_FIGURES_KEEP_VERSIONS"
DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    output_dir: Path
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    workers: int = 1
    """Processes that read and extract seeds; 1 works in the caller's process."""
    keep_versions: int | None = None
    """After each publish, prune to the newest this many versions (never ``current``); None keeps all."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            seeds_dir=Path(env.get(SEEDS_DIR_VAR) or "seeds").absolute(),
            output_dir=Path(env.get(OUTPUT_DIR_VAR) or "output").absolute(),
            max_document_bytes=_count(env, MAX_DOCUMENT_BYTES_VAR) or DEFAULT_MAX_DOCUMENT_BYTES,
            workers=_count(env, WORKERS_VAR) or os.cpu_count() or 1,
            keep_versions=_count(env, KEEP_VERSIONS_VAR),
        )


def _count(env: Mapping[str, str], name: str) -> int | None:
    """A positive whole number from ``env[name]``; None when unset or blank."""
    raw = env.get(name, "").strip()
    if not raw:
        return None
    value = int(raw)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {raw!r}")
    return value
