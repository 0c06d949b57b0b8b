"""What must hold of an output folder whatever happened to the publishes writing it."""
from __future__ import annotations

from pathlib import Path

from pipeline.dataset import list_versions, open_table, read_manifest, verify_version
from pipeline.dataset.layout import MANIFEST, Layout


def assert_consistent(output: Path) -> str:
    """``current`` names a complete version whose files match its manifest, and every version is whole.

    Returns the current version id.
    """
    layout = Layout(output)
    current = layout.current_id()
    assert current is not None, "current is missing"
    for folder in layout.versions.iterdir():
        assert (folder / MANIFEST).is_file(), f"{folder.name} has no manifest"
    for version in list_versions(output):
        result = verify_version(output, version)
        assert result.ok, result
    manifest = read_manifest(output)
    assert manifest["version_id"] == current
    assert open_table(output, "figures").collect().height == manifest["row_counts"]["figures"]
    return current
