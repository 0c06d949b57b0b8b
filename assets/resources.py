"""The one settings object the assets, checks, sensor and schedule are given: ``pipeline.config.Settings``."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES, Settings


class TradeFiguresSettings(dg.ConfigurableResource):
    """``pipeline.config.Settings`` as Dagster config: shown in the launchpad, overridable per run."""

    seeds_dir: str
    output_dir: str
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    workers: int = 1
    keep_versions: int | None = None

    @classmethod
    def of(cls, settings: Settings) -> TradeFiguresSettings:
        return cls(seeds_dir=str(settings.seeds_dir), output_dir=str(settings.output_dir),
                   max_document_bytes=settings.max_document_bytes, workers=settings.workers,
                   keep_versions=settings.keep_versions)

    def settings(self) -> Settings:
        return Settings(Path(self.seeds_dir).absolute(), Path(self.output_dir).absolute(), self.max_document_bytes,
                        self.workers, self.keep_versions)
