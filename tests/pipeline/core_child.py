"""The pipeline's core end to end in a child process, for the memory-bound test.

    python -m tests.pipeline.core_child SEEDS OUTPUT

Reads every seed, extracts, assembles and publishes a version, as the Dagster
assets do; prints the version id.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.assemble import assemble
from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES
from pipeline.dataset import Lineage, publish_version
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.refresh import refresh
from pipeline.seeds import list_seeds
from pipeline.workstore import WorkStore


def main(seeds: Path, output: Path) -> None:
    keys = list_seeds(seeds)
    refresh(seeds, DEFAULT_MAX_DOCUMENT_BYTES, output, EXTRACTOR_VERSION, keys, [])
    tables = assemble(WorkStore(output), keys, EXTRACTOR_VERSION).tables
    print(publish_version(output, tables, Lineage("test", EXTRACTOR_VERSION)).version_id)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
