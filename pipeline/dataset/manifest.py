"""Finding versions and reading their manifests: JSON and folders only, so asking costs no table read."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.dataset.layout import MANIFEST, Layout


def read_manifest(output_dir: Path, version: str | None = None) -> dict:
    return json.loads((version_dir(output_dir, version) / MANIFEST).read_text())


def list_versions(output_dir: Path) -> list[str]:
    """Complete versions (those with a manifest), oldest first (ids start with their UTC time)."""
    versions = Layout(output_dir).versions
    if not versions.exists():
        return []
    return sorted(p.name for p in versions.iterdir() if (p / MANIFEST).exists())


def version_dir(output_dir: Path, version: str | None = None) -> Path:
    """The folder of a complete version, ``current``'s when None; FileNotFoundError otherwise."""
    layout = Layout(output_dir)
    version = version or layout.current_id()
    if version is None:
        raise FileNotFoundError(f"no published version under {output_dir}")
    path = layout.version(version)
    if not (path / MANIFEST).exists():
        raise FileNotFoundError(f"version {version} is not a complete version under {output_dir}")
    return path
