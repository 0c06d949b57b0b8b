"""Checking a version's files against its manifest: missing, extra and altered files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.dataset.hashing import file_sha256
from pipeline.dataset.layout import MANIFEST
from pipeline.dataset.manifest import read_manifest, version_dir


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
    rehashed: int
    """Files whose sha256 was worked out again (the others' size was checked)."""

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.altered)


def verify_version(output_dir: Path, version: str | None = None, shared_by_size: bool = False) -> Verification:
    """Check every file of ``version`` (default: current) against its manifest: there, listed, same size, same sha256.

    With ``shared_by_size``, a file that is a hard link shared with another
    version is checked by its size only: its sha256 was checked when the
    version that wrote it was published, so a version's cost follows what it
    wrote. The asset check after each publish does this; ``verify`` on the
    command line re-hashes every file.
    """
    folder = version_dir(output_dir, version)
    manifest = read_manifest(output_dir, folder.name)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    altered, rehashed = [], 0
    for path in sorted(listed.keys() & present):
        stat = (folder / path).stat()
        if stat.st_size != listed[path]["bytes"]:
            altered.append(path)
        elif not (shared_by_size and stat.st_nlink > 1):
            rehashed += 1
            if file_sha256(folder / path) != listed[path]["sha256"]:
                altered.append(path)
    return Verification(folder.name, len(listed), sorted(listed.keys() - present),
                        sorted(present - listed.keys()), altered, rehashed)
