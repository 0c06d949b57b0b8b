"""Checking a version's files against its manifest: missing, extra and altered files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.dataset.hashing import file_sha256
from pipeline.dataset.layout import MANIFEST
from pipeline.dataset.reader import read_manifest, version_dir


@dataclass(frozen=True, slots=True)
class Verification:
    version_id: str
    checked: int
    """Files listed in the manifest."""
    missing: list[str]
    extra: list[str]
    """Files in the version folder the manifest does not list."""
    altered: list[str]
    """Files whose size or sha256 differs from the manifest's."""

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.altered)


def verify_version(output_dir: Path, version: str | None = None) -> Verification:
    """Re-hash every file of ``version`` (default: current) against its manifest."""
    folder = version_dir(output_dir, version)
    manifest = read_manifest(output_dir, folder.name)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    altered = [path for path in sorted(listed.keys() & present)
               if (folder / path).stat().st_size != listed[path]["bytes"]
               or file_sha256(folder / path) != listed[path]["sha256"]]
    return Verification(folder.name, len(listed), sorted(listed.keys() - present),
                        sorted(present - listed.keys()), altered)
