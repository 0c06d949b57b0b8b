"""The one resource: where seeds are read and the dataset is written."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.config import Settings


class TradeFiguresSettings(dg.ConfigurableResource):
    """Folders and limits; each left empty falls back to the TRADE_FIGURES_* environment variables."""

    seeds_dir: str | None = None
    output_dir: str | None = None
    max_document_bytes: int | None = None

    def settings(self) -> Settings:
        base = Settings.from_env()
        return Settings(
            seeds_dir=Path(self.seeds_dir).absolute() if self.seeds_dir else base.seeds_dir,
            output_dir=Path(self.output_dir).absolute() if self.output_dir else base.output_dir,
            max_document_bytes=self.max_document_bytes or base.max_document_bytes,
        )
