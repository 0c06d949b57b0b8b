"""verify: a version's files against its manifest, as a function and as ``python -m pipeline.dataset verify``."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.dataset import Lineage, publish_version, verify_version
from tests.pipeline.dataset.sample import REPO, sample_tables


@pytest.fixture
def published(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), Lineage("code", "extractor"))
    second = publish_version(tmp_path, sample_tables(1), Lineage("code", "extractor"))
    return tmp_path, first, second


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.dataset", *args], cwd=REPO, capture_output=True, text=True)


def test_an_untouched_version_verifies(published):
    output, first, second = published
    result = verify_version(output)
    assert result.ok and result.version_id == second.version_id
    assert result.checked == len(second.manifest["files"])
    assert verify_version(output, first.version_id).ok


def test_missing_extra_and_altered_files_are_reported(published):
    output, first, _ = published
    series = next(e["path"] for e in first.manifest["files"] if e["path"].startswith("series/"))
    (first.path / series).unlink()  # a hard link the next version may share: that one keeps its file
    (first.path / "figures" / "partner=ZZZ").mkdir()
    (first.path / "figures" / "partner=ZZZ" / "0.parquet").write_bytes(b"not parquet")
    review = first.path / "review.html"
    review.write_text(review.read_text().replace("<h1>", "<h1>edited "))
    result = verify_version(output, first.version_id)
    assert not result.ok
    assert (result.missing, result.extra, result.altered) == (
        [series], ["figures/partner=ZZZ/0.parquet"], ["review.html"])
    assert verify_version(output).ok


def test_an_edit_to_a_shared_review_page_or_sources_part_is_caught_in_every_version_holding_it(published):
    output, first, second = published
    shared = sorted(e["path"] for e in second.manifest["files"] if e["path"].startswith(("review/", "sources/"))
                    and (second.path / e["path"]).stat().st_nlink > 1)
    assert {path.split("/")[0] for path in shared} == {"review", "sources"}
    for path in shared:
        with open(second.path / path, "ab") as fh:
            fh.write(b" ")
    assert verify_version(output, first.version_id).altered == shared == verify_version(output).altered


def test_a_same_size_edit_is_caught_by_the_hash(published):
    output, _, second = published
    path = second.path / "DATASET.md"
    text = path.read_text()
    path.write_text(text.replace("figure", "FIGURE", 1))
    assert verify_version(output).altered == ["DATASET.md"]


def test_the_verify_command_exits_non_zero_on_a_mismatch(published):
    output, first, second = published
    ok = _cli("verify", "--output", str(output))
    assert ok.returncode == 0, ok.stderr
    assert second.version_id in ok.stdout
    (first.path / "schema.json").unlink()
    bad = _cli("verify", "--version", first.version_id, "--output", str(output))
    assert bad.returncode == 1
    assert "missing: schema.json" in bad.stdout
    unknown = _cli("verify", "--version", "no-such-version", "--output", str(output))
    assert unknown.returncode == 2


def test_shared_by_size_rehashes_the_files_a_version_wrote_and_sizes_those_it_shares(published):
    output, _, second = published
    paths = [entry["path"] for entry in second.manifest["files"]]
    shared = [p for p in paths if (second.path / p).stat().st_nlink > 1]
    written = [p for p in paths if p.endswith(".parquet") and p not in shared]
    assert shared and written
    quick = verify_version(output, shared_by_size=True)
    assert quick.ok and quick.rehashed == len(paths) - len(shared)
    _flip_a_byte(second.path / shared[0])  # the same bytes in the parent: a full verify of either catches it
    assert verify_version(output, shared_by_size=True).ok
    assert verify_version(output).altered == [shared[0]]
    _flip_a_byte(second.path / written[0])
    assert verify_version(output, shared_by_size=True).altered == [written[0]]


def _flip_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))  # in place: a hard link's other names see it too
