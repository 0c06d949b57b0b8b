"""Whether the current version already holds what the seeds folder holds, answered without reading any table.

A publish records here, in ``<output>/work/fresh.json``, the digests of the
work store's chunks as the extraction steps that wrote them recorded them
(``WorkStore.chunk_digests``, kept in the change tracker's state and read
before any row), the layout, build and extractor versions it built with, and
the version that holds the result: the one it published, or the current one
when the result was equal to it. So when a scan finds no seed to read or
remove, and the tracker's digests and the versions equal the record's, the
current version is up to date: `make run` starts no run. That costs the scan
and a few small files, whatever the size of the corpus, and imports nothing
heavier than the standard library. When something did change, the next
publish compares stamps only in the chunks whose digests moved
(``moved_chunks``), so its work follows the change, not the corpus.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.atomic import write_atomically
from pipeline.dataset.layout import LAYOUT, Layout
from pipeline.seed_changes import SeedScan
from pipeline.shards import SHARDS
from pipeline.versions import EXTRACTOR_VERSION, build_version

FRESH = "fresh.json"


@dataclass(frozen=True, slots=True)
class Built:
    """What a publish built from: the version holding it, the code that built it and the chunks it read."""
    version_id: str
    chunks: dict[str, str]
    """Chunk number (as text) → the digest of its stamps, for every chunk of the work store."""
    layout: str = LAYOUT
    build: str = field(default_factory=lambda: build_version())  # looked up when a record is made
    extractor: str = EXTRACTOR_VERSION


def path_of(output_dir: Path) -> Path:
    return output_dir / "work" / FRESH


def record(output_dir: Path, built: Built) -> None:
    text = json.dumps(asdict(built), sort_keys=True, separators=(",", ":"))
    write_atomically(path_of(output_dir), lambda fh: fh.write(text.encode()))


def recorded(output_dir: Path) -> Built | None:
    """What the last publish recorded; None when nothing (or something unreadable) is."""
    try:
        return Built(**json.loads(path_of(output_dir).read_text()))
    except (FileNotFoundError, ValueError, TypeError):
        return None


def confirmed(output_dir: Path, version_id: str) -> bool:
    """Whether the last publish found ``version_id`` to be what this code (layout, build and extractor) makes of
    the seeds: a rebuild by a newer build that came out equal publishes nothing, and is recorded here."""
    built = recorded(output_dir)
    return built is not None and built == Built(version_id, built.chunks)


def moved_chunks(output_dir: Path, version_id: str, chunks: dict[str, str]) -> set[int] | None:
    """The chunks whose digest in ``chunks`` differs from the record of the publish that left ``version_id``
    current: only their seeds can hold stamps other than the version's. None (any chunk may) without such a record."""
    built = recorded(output_dir)
    if built is None or built.version_id != version_id:
        return None
    return {int(chunk) for chunk in chunks.keys() | built.chunks.keys() if chunks.get(chunk) != built.chunks.get(chunk)}


def fresh_version(output_dir: Path, scan: SeedScan) -> str | None:
    """The current version's id when it holds what the seeds folder holds now, else None: a run is needed.

    ``scan`` covers every shard and found nothing to read or remove; its chunk digests are the tracker's.
    """
    if scan.any or scan.shards != tuple(range(SHARDS)):
        return None
    built, current = recorded(output_dir), Layout(output_dir).current_id()
    return current if built is not None and built == Built(current, scan.chunks) else None
