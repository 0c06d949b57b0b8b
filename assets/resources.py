"""The one settings object the assets, checks, sensor and schedule are given: ``pipeline.config.Settings``."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import dagster as dg

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES, Settings


class TradeFiguresSettings(dg.ConfigurableResource):
    """``pipeline.config.Settings`` as Dagster config: shown in the launchpad, overridable per run."""

    seeds_dir: str
    output_dir: str
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    keep_versions: int | None = None
    executor: str | None = None
    celery_broker: str | None = None
    workers: int | None = None

    @classmethod
    def of(cls, settings: Settings) -> TradeFiguresSettings:
        return cls(**{f.name: str(v) if isinstance(v := getattr(settings, f.name), Path) else v
                      for f in fields(Settings)})

    def settings(self) -> Settings:
        """The ``Settings`` this config stands for; its folders absolute."""
        values = {f.name: getattr(self, f.name) for f in fields(Settings)}
        return Settings(**{**values, "seeds_dir": Path(self.seeds_dir).absolute(),
                           "output_dir": Path(self.output_dir).absolute()})
