"""The one settings object the assets, checks, sensor and schedule are given: ``pipeline.config.Settings``."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES, Settings


class TradeFiguresSettings(dg.ConfigurableResource):
    """Where seeds are read and the dataset is written, and the size limit of one document."""

    seeds_dir: str
    output_dir: str
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES

    @classmethod
    def of(cls, settings: Settings) -> TradeFiguresSettings:
        return cls(seeds_dir=str(settings.seeds_dir), output_dir=str(settings.output_dir),
                   max_document_bytes=settings.max_document_bytes)

    def settings(self) -> Settings:
        return Settings(Path(self.seeds_dir).absolute(), Path(self.output_dir).absolute(), self.max_document_bytes)
